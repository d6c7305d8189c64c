/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_types.c - the placeholder types of `ip route` and `ip rule` (a
 * route's prefix, a time, a preference, an IP protocol, ports, marks,
 * MPLS labels, segments), which parse those words before a line runs, the
 * family the line's global options ask for, and the family and bytes of
 * an address value in a request.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "route_req.h"

#define CONFDIR "/etc/iproute2"

int rt_line_family(const struct ipl_parse *p)
{
	int family = AF_UNSPEC;

	for (int i = 0; i < p->a->nbind; i++) {
		const struct nsh_bind *b = &p->a->bind[i];
		const char *kw;

		if (!b->is_kw || !b->opt || b->opt->key < IPL_KEY_GLOBAL)
			continue;
		kw = b->opt->kw;
		if (streq(kw, "-4"))
			family = AF_INET;
		else if (streq(kw, "-6"))
			family = AF_INET6;
		else if (streq(kw, "-0"))
			family = AF_PACKET;
		else if (streq(kw, "-M"))
			family = AF_MPLS;
		else if (streq(kw, "-B"))
			family = AF_BRIDGE;
		else if (streq(kw, "-family") && i + 1 < p->a->nbind)
			family = rt_read_family(p->a->bind[i + 1].v.text);
	}
	return family;
}

/* ------------------------------------------------------------ types */

#define FAIL(...)                                                              \
	do {                                                                   \
		snprintf(errbuf, errlen, __VA_ARGS__);                         \
		*ret_err = NULL;                                               \
		return -1;                                                     \
	} while (0)

/*
 * default, all, any, or a prefix; STRICT: no host bits in an IPv4 prefix
 * (the kernel refuses them; said here with the prefix meant).  An IPv6
 * prefix with host bits is taken, as the kernel takes it from ip: it
 * keeps the network part (2001:db8:90::/40 is 2001:db8::/40).
 */
static int prefix_word(const char *w, struct nsh_val *v, bool strict,
		       char *errbuf, size_t errlen, const char **ret_err)
{
	struct nsh_prefix *p = &v->pfx;

	memset(p, 0, sizeof(*p));
	v->special = 0;
	if (streq(w, "default")) {
		v->special = 'd';
		return 0;
	}
	if (streq(w, "all") || streq(w, "any")) {
		v->special = 'a';
		return 0;
	}
	if (parse_prefix(w, true, p, errbuf, errlen, ret_err) < 0)
		return -1;
	for (int bit = p->len; strict && p->family == AF_INET && bit < 32;
	     bit++)
		if (p->addr[bit / 8] & (0x80 >> (bit % 8))) {
			struct nsh_prefix net = *p;
			char buf[64];

			for (int b = p->len; b < 128; b++)
				net.addr[b / 8] &= (unsigned char)~(0x80 >> (b % 8));
			FAIL("host bits set in a route prefix; did you mean "
			     "%s?", prefix_str(&net, true, buf, sizeof(buf)));
		}
	return 0;
}

static int t_rtprefix(const char *w, struct nsh_val *v, char *errbuf,
		      size_t errlen, const char **ret_err)
{
	return prefix_word(w, v, true, errbuf, errlen, ret_err);
}

static int t_rtmatch(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	return prefix_word(w, v, false, errbuf, errlen, ret_err);
}

/* get_time_rtt: NUMBER[.FRACTION][s|sec|secs|ms|msec|msecs]; a bare
 * number is "raw" (special 'r'): the kernel's units */
static int t_rttime(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	char *end;
	double t;

	v->special = 0;
	if (!isdigit((unsigned char)w[0]))
		FAIL("not a time (a number, with s or ms)");
	t = strtod(w, &end);
	if (end == w || t < 0 || t > 4294967295.0)
		FAIL("not a time (a number, with s or ms)");
	if (!*end)
		v->special = 'r';
	else if (!strcasecmp(end, "s") || !strcasecmp(end, "sec") ||
		 !strcasecmp(end, "secs"))
		t *= 1000;
	else if (strcasecmp(end, "ms") && strcasecmp(end, "msec") &&
		 strcasecmp(end, "msecs"))
		FAIL("not a time (a number, with s or ms)");
	if (t > 4294967295.0)
		FAIL("too long a time");
	v->num = (long)t;
	if ((double)v->num < t)
		v->num++;
	return 0;
}

static int t_rtpref(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (streq(w, "low"))
		v->num = 3;	/* ICMPV6_ROUTER_PREF_LOW */
	else if (streq(w, "medium"))
		v->num = 0;
	else if (streq(w, "high"))
		v->num = 1;
	else if (parse_num(w, 255, &n, ret_err) == 0)
		v->num = (long)n;
	else
		FAIL("not a preference (low, medium, high or 0-255)");
	return 0;
}

static int t_ipproto(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	struct protoent *pe;
	unsigned long n;

	if (parse_uint(w, 255, &n) == 0) {
		v->num = (long)n;
		return 0;
	}
	pe = getprotobyname(w);
	if (!pe)
		FAIL("not an IP protocol (a name of /etc/protocols or 0-255)");
	v->num = pe->p_proto;
	return 0;
}

/* N or N-M into NUM (low 32 bits: N, high: M) */
static int range(const char *w, unsigned long max, bool need_end,
		 struct nsh_val *v)
{
	const char *dash = strchr(w, '-');
	unsigned long a, b;
	char first[32];

	snprintf(first, sizeof(first), "%.*s",
		 dash ? (int)(dash - w) : (int)strlen(w), w);
	if (parse_uint(first, max, &a) < 0)
		return -1;
	b = a;
	if (dash ? parse_uint(dash + 1, max, &b) < 0 : need_end)
		return -1;
	v->num = (long)(a | (unsigned long long)b << 32);
	return 0;
}

static int t_portrange(const char *w, struct nsh_val *v, char *errbuf,
		       size_t errlen, const char **ret_err)
{
	if (range(w, 65535, false, v) < 0)
		FAIL("not a port or a range of ports (PORT-PORT)");
	return 0;
}

static int t_uidrange(const char *w, struct nsh_val *v, char *errbuf,
		      size_t errlen, const char **ret_err)
{
	if (range(w, UINT32_MAX, true, v) < 0)
		FAIL("not a range of UIDs (UID-UID)");
	return 0;
}

/* MARK[/MASK]: NUM the mark, pfx.len 1 and pfx.addr the mask */
static int t_fwmark(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	const char *slash = strchr(w, '/');
	unsigned long long mark, mask = 0;
	char first[32];

	snprintf(first, sizeof(first), "%.*s",
		 slash ? (int)(slash - w) : (int)strlen(w), w);
	if (parse_num(first, UINT32_MAX, &mark, ret_err) < 0)
		FAIL("not a mark (a number, or MARK/MASK)");
	if (slash && parse_num(slash + 1, UINT32_MAX, &mask, ret_err) < 0)
		FAIL("the mask after '/' is not a number");
	v->num = (long)mark;
	v->pfx.len = slash != NULL;
	memcpy(v->pfx.addr, &mask, sizeof(uint32_t));
	return 0;
}


/* ------------------------------------------------------------ parsing */

int rt_bind_word(struct ipl_parse *p, const struct ipl_opt *o, int tok,
		 int special)
{
	struct nsh_bind b = { .name = o->kw, .tok = tok, .opt = o };

	if (p->a->nbind == NSH_MAX_BIND)
		return ipl_fail(p, tok, "too many words (at most %d)",
				NSH_MAX_BIND);
	b.v.text = p->argv[tok];
	b.v.special = special;
	p->a->bind[p->a->nbind++] = b;
	return 0;
}

/* ------------------------------------------------------------ more types */

/* an MPLS label stack LABEL[/LABEL…] as the kernel takes it: big-endian
 * entries, the last with the bottom-of-stack bit; pfx.len: its bytes */
static int t_mplslabels(const char *w, struct nsh_val *v, char *errbuf,
			size_t errlen, const char **ret_err)
{
	const char *s = w;
	int n = 0;

	memset(&v->pfx, 0, sizeof(v->pfx));
	for (;;) {
		unsigned long long label;
		uint32_t e;
		char part[16];
		size_t k = strcspn(s, "/");

		if (n == 4)
			FAIL("too many labels (at most 4)");
		if (!k || k >= sizeof(part))
			FAIL("not an MPLS label stack (LABEL[/LABEL…])");
		snprintf(part, sizeof(part), "%.*s", (int)k, s);
		if (parse_num(part, (1 << 20) - 1, &label, ret_err) < 0)
			FAIL("'%s': not an MPLS label (0-1048575)", part);
		e = (uint32_t)label << 12;
		s += k;
		if (!*s)
			e |= 1 << 8;	/* bottom of stack */
		e = htonl(e);
		memcpy(v->pfx.addr + 4 * n++, &e, 4);
		if (!*s)
			break;
		s++;
	}
	v->pfx.len = 4 * n;
	return 0;
}

/* IPv6 segments ADDR[,ADDR…] (checked again when the header is built) */
static int t_segs(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	for (const char *c = w; *c;) {
		size_t n = strcspn(c, ",");
		unsigned char a[16];
		char addr[64];

		snprintf(addr, sizeof(addr), "%.*s", (int)n, c);
		if (n >= sizeof(addr) || inet_pton(AF_INET6, addr, a) != 1)
			FAIL("'%s' is not an IPv6 address", addr);
		c += n + (c[n] == ',');
	}
	return 0;
}

/* enabled or disabled, in any abbreviation */
static int t_ttlprop(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	if (ipl_matches(w, "enabled"))
		v->num = 1;
	else if (ipl_matches(w, "disabled"))
		v->num = 0;
	else
		FAIL("not enabled or disabled");
	return 0;
}

/* ------------------------------------------------------------ table */

const struct nsh_type route_types[] = {
	{ "RTPREFIX", "a prefix like 10.0.0.0/24, or default", t_rtprefix },
	{ "RTMATCH", "a prefix like 10.0.0.0/24, default or all", t_rtmatch },
	{ "RTTIME", "a time: a number of ms, or with s or ms", t_rttime },
	{ "RTPREF", "low, medium or high", t_rtpref },
	{ "IPPROTO", "an IP protocol: tcp, udp, icmp … or 0-255", t_ipproto },
	{ "PORTRANGE", "a port, or PORT-PORT", t_portrange },
	{ "UIDRANGE", "a range of user IDs, UID-UID", t_uidrange },
	{ "FWMARK", "a firewall mark, MARK[/MASK]", t_fwmark },
	{ "MPLSLABELS", "MPLS labels, LABEL[/LABEL…]", t_mplslabels },
	{ "TTLPROP", "enabled or disabled", t_ttlprop },
	{ "SEGS", "IPv6 segments, ADDR,ADDR…", t_segs },
	{ NULL },
};

/* ------------------------------------------------------------ families */

const char *rt_fam_name(int family)
{
	return family == AF_INET ? "IPv4" : family == AF_INET6 ? "IPv6" :
						   rt_family_name(family);
}

int rt_fam_take(struct nsh *sh, struct fam *f, const struct nsh_val *v)
{
	int vf = v->special ? AF_UNSPEC : v->pfx.family;

	if (!vf)
		return 0;
	if (!f->family) {
		f->family = vf;
		f->by = v->text;
		return 0;
	}
	if (vf == f->family)
		return 0;
	if (!f->by)
		return nsh_err(sh, "'%s': not an %s address (-%c was given)",
			       v->text, rt_fam_name(f->family),
			       f->family == AF_INET ? '4' : '6');
	return nsh_err(sh, "'%s': an %s address in a route with %s '%s'",
		       v->text, rt_fam_name(vf), rt_fam_name(f->family), f->by);
}

int rt_val_bytes(const struct nsh_val *v, int family)
{
	if (v->special == 'a')
		return 0;
	if (v->special == 'd')
		return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
	return v->pfx.family == AF_INET ? 4 : 16;
}
