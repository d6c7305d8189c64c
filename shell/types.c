/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * types.c - placeholder types: each parses and checks a word before any
 * command runs, so a rejected line never changes the kernel.
 *
 * The parsers are deliberately stricter than iproute2 and libnl, whose
 * lenient forms surprise students (reliability.md part b-B): decimal only,
 * no leading zeros, no trailing garbage, prefix lengths 0-32 / 0-128.
 */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "nsh.h"
#include "model.h"

/* Decimal, no sign, no leading zeros, at most MAX. */
int parse_uint(const char *s, unsigned long max, unsigned long *ret)
{
	unsigned long v = 0;

	if (!*s || (s[0] == '0' && s[1]))
		return -1;
	for (; *s; s++) {
		unsigned long d = (unsigned long)(*s - '0');

		if (!isdigit((unsigned char)*s) || d > max ||
		    v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*ret = v;
	return 0;
}

#define FAIL(...)                                                              \
	do {                                                                   \
		snprintf(errbuf, errlen, __VA_ARGS__);                         \
		*ret_err = NULL;                                               \
		return -1;                                                     \
	} while (0)

/*
 * Four decimal numbers.  With SHORT (a prefix length follows) fewer will
 * do, the missing ones zero, as iproute2's get_addr_ipv4 and ip-cref read
 * network prefixes (10/8 is 10.0.0.0/8, 10.0.0/24 is 10.0.0.0/24); a bare
 * 10.8 stays an error (inet_aton would read it as 10.0.0.8).
 */
static int parse_ipv4(const char *s, bool short_ok, unsigned char *out,
		      char *errbuf, size_t errlen, const char **ret_err)
{
	const char *p = s;

	memset(out, 0, 4);
	for (int i = 0; i < 4; i++) {
		size_t n = strspn(p, "0123456789");
		unsigned long v;
		char oct[32];

		if (n == 0)
			FAIL("not an IPv4 address (four numbers 0-255 "
			     "separated by dots)");
		snprintf(oct, sizeof(oct), "%.*s", (int)n, p);
		p += n;
		if (n >= sizeof(oct) - 1)
			FAIL("'%s…' is not a number from 0 to 255", oct);
		if (n > 1 && oct[0] == '0') {
			const char *digits = oct + strspn(oct, "0");

			if (!*digits)
				digits = "0";
			if (parse_uint(digits, 255, &v) < 0)
				FAIL("'%s' is not a number from 0 to 255", oct);
			FAIL("'%s': leading zeros are ambiguous (octal in "
			     "some tools); write %lu",
			     oct, v);
		}
		if (parse_uint(oct, 255, &v) < 0)
			FAIL("'%s' is not a number from 0 to 255", oct);
		out[i] = (unsigned char)v;
		if (i < 3 && !*p && short_ok)
			break;
		if (i < 3 && !*p)
			FAIL("fewer than four numbers: write the "
			     "address in full (iproute2 reads it as %u.%u.%u.%u)",
			     out[0], out[1], out[2], out[3]);
		if (i < 3) {
			if (*p != '.')
				FAIL("not an IPv4 address (four numbers 0-255 "
				     "separated by dots)");
			p++;
		}
	}
	if (*p)
		FAIL("unexpected '%s' after the address", p);
	return 0;
}

int parse_prefix(const char *s, bool allow_len, struct nsh_prefix *ret,
		 char *errbuf, size_t errlen, const char **ret_err)
{
	char addr[64];
	const char *slash = strchr(s, '/');
	size_t alen = slash ? (size_t)(slash - s) : strlen(s);
	unsigned long len;

	memset(ret, 0, sizeof(*ret));
	if (alen == 0 || alen >= sizeof(addr))
		FAIL("not an IP address");
	memcpy(addr, s, alen);
	addr[alen] = '\0';
	if (strchr(addr, ':')) {
		if (strchr(addr, '%'))
			FAIL("IPv6 zone ids ('%%…') are not supported here");
		if (inet_pton(AF_INET6, addr, ret->addr) != 1)
			FAIL("not an IPv6 address");
		ret->family = AF_INET6;
	} else {
		if (parse_ipv4(addr, slash && allow_len, ret->addr, errbuf,
			       errlen, ret_err) < 0)
			return -1;
		ret->family = AF_INET;
	}
	ret->len = ret->family == AF_INET ? 32 : 128;
	if (slash) {
		if (!allow_len)
			FAIL("a prefix length is not allowed here");
		if (parse_uint(slash + 1, (unsigned long)ret->len, &len) < 0) {
			char esc[64];

			FAIL("'/%s' is not a prefix length (decimal 0-%d)",
			     str_escape(slash + 1, esc, sizeof(esc)), ret->len);
		}
		ret->len = (int)len;
		ret->has_len = true;
	}
	return 0;
}

const char *prefix_str(const struct nsh_prefix *p, bool with_len, char *buf,
		       size_t len)
{
	char a[INET6_ADDRSTRLEN];

	if (p->family == AF_UNSPEC) {
		snprintf(buf, len, "default");
		return buf;
	}
	inet_ntop(p->family, p->addr, a, sizeof(a));
	if (with_len)
		snprintf(buf, len, "%s/%d", a, p->len);
	else
		snprintf(buf, len, "%s", a);
	return buf;
}

/* Length of the UTF-8 sequence at S and its code point, or -1 if invalid. */
static int utf8_next(const unsigned char *s, unsigned *cp)
{
	int n;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0)
		n = 2, *cp = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 3, *cp = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		n = 4, *cp = s[0] & 0x07;
	else
		return -1;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 2 && *cp < 0x80) || (n == 3 && *cp < 0x800) ||
	    (n == 4 && (*cp < 0x10000 || *cp > 0x10ffff)) ||
	    (*cp >= 0xd800 && *cp <= 0xdfff))
		return -1;
	return n;
}

/* invisible or direction-changing characters that confuse a reader */
static bool cp_deceptive(unsigned cp)
{
	return (cp >= 0x80 && cp <= 0xa0) ||	/* C1 controls, no-break space */
	       cp == 0xad || cp == 0x061c || cp == 0x1680 || cp == 0x180e ||
	       (cp >= 0x2000 && cp <= 0x200f) ||	/* spaces, zero-width */
	       (cp >= 0x2028 && cp <= 0x202f) ||	/* separators, bidi */
	       (cp >= 0x205f && cp <= 0x2064) ||	/* invisible operators */
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x3000 ||
	       cp == 0xfeff;
}

const char *check_netns_name(const char *s)
{
	const char *r = check_netns_ref(s);
	const unsigned char *p = (const unsigned char *)s;
	bool digits = true;

	if (r)
		return r;
	if (strlen(s) > 64)
		return "a namespace name is at most 64 bytes";
	if (s[0] == '-')
		return "a namespace name cannot start with '-'";
	while (*p) {
		unsigned cp;
		int n = utf8_next(p, &cp);

		if (n < 0)
			return "a namespace name must be valid UTF-8";
		if (cp < 0x20 || cp == 0x7f)
			return "a namespace name cannot contain control "
			       "characters";
		if (cp == ' ')
			return "a namespace name cannot contain spaces";
		if (cp_deceptive(cp))
			return "a namespace name cannot contain invisible or "
			       "direction-changing characters";
		if (!isdigit(*p))
			digits = false;
		p += n;
	}
	if (digits)
		return "an all-digit name would be read as a PID";
	return NULL;
}

const char *check_link_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return "a link name cannot be empty";
	if (n > 15)
		return "a link name is at most 15 bytes";
	if (streq(s, ".") || streq(s, ".."))
		return "'.' and '..' are not link names";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '/' || *p == ':')
			return "a link name cannot contain '/' or ':'";
		/* the kernel's isspace() also counts byte 0xa0 */
		if (isspace(*p) || *p == 0xa0)
			return "a link name cannot contain spaces";
		if (*p < 0x20 || *p == 0x7f)
			return "a link name cannot contain control characters";
		if (*p == '%')
			return "a link name cannot contain '%' (the kernel "
			       "reads it as a template)";
	}
	return NULL;
}


/* ------------------------------------------------------------ iproute2's */

/*
 * parse_num - a number as iproute2's get_u32(…, 0) reads it: decimal, or
 * hex after 0x.  A leading zero (octal to strtoul) is refused with a
 * hint: 010 would silently be 8 (reliability.md B3).
 */
int parse_num(const char *s, unsigned long long max, unsigned long long *ret,
	      const char **ret_err)
{
	unsigned long long v = 0;
	int base = 10;

	*ret_err = "not a number";
	if (!*s)
		return -1;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (!*s)
			return -1;
	} else if (s[0] == '0' && s[1]) {
		*ret_err = "a number with a leading zero (iproute2 reads it as "
			   "octal); write it without, or as 0x… hex";
		return -1;
	}
	for (; *s; s++) {
		unsigned d;

		if (isdigit((unsigned char)*s))
			d = (unsigned)(*s - '0');
		else if (base == 16 && isxdigit((unsigned char)*s))
			d = (unsigned)(tolower((unsigned char)*s) - 'a' + 10);
		else
			return -1;
		if (v > (max - d) / (unsigned)base) {
			*ret_err = "number too large";
			return -1;
		}
		v = v * (unsigned)base + d;
	}
	*ret = v;
	return 0;
}

static int t_num(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, UINT32_MAX, &n, ret_err) < 0)
		return -1;
	v->num = (long)n;
	return 0;
}

static int t_num8(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, 255, &n, ret_err) < 0)
		return -1;
	v->num = (long)n;
	return 0;
}

static int t_num16(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, 65535, &n, ret_err) < 0)
		return -1;
	v->num = (long)n;
	return 0;
}

static int t_num64(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, UINT64_MAX, &n, ret_err) < 0)
		return -1;
	v->num = (long)n;
	return 0;
}

static int t_int(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned long long n;
	bool neg = w[0] == '-';

	if (parse_num(w + neg, (unsigned long long)INT32_MAX + neg, &n,
		      ret_err) < 0)
		return -1;
	v->num = neg ? -(long)n : (long)n;
	return 0;
}

/* a link name as iproute2's check_altifname takes it (an altname may have
 * up to 127 bytes) */
static int t_dev(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	if (!*w)
		FAIL("empty link name");
	if (strlen(w) >= 128)
		FAIL("a link name has at most 127 bytes");
	for (const char *p = w; *p; p++)
		if (*p == '/' || isspace((unsigned char)*p))
			FAIL("a link name cannot contain '/' or blanks");
	return 0;
}

int parse_lladdr(const char *s, unsigned char *out, size_t max)
{
	struct in_addr a4;
	size_t n = 0;

	if (strchr(s, '.')) {
		if (max < 4 || inet_pton(AF_INET, s, &a4) != 1)
			return -1;
		memcpy(out, &a4, 4);
		return 4;
	}
	while (*s) {
		size_t k = strspn(s, "0123456789abcdefABCDEF");
		char part[3];

		if (k < 1 || k > 2 || n == max)
			return -1;
		memcpy(part, s, k);
		part[k] = '\0';
		out[n++] = (unsigned char)strtoul(part, NULL, 16);
		s += k;
		if (*s == ':') {
			s++;
			if (!*s)
				return -1;
		} else if (*s) {
			return -1;
		}
	}
	return n ? (int)n : -1;
}

static int t_lladdr(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	unsigned char b[32];

	if (parse_lladdr(w, b, sizeof(b)) < 0)
		FAIL("a link-layer address is hex bytes like "
		     "02:00:00:00:00:01");
	if (parse_lladdr(w, v->mac, sizeof(v->mac)) == 6)
		v->num = 6;
	return 0;
}

/* a name of /etc/iproute2/FILE ("0x10 name" lines) or a number */
int iproute2_name2num(const char *file, const char *name, unsigned long *ret)
{
	char path[256], line[256];
	FILE *f;
	int rc = -1;

	snprintf(path, sizeof(path), "/etc/iproute2/%s", file);
	f = fopen(path, "re");
	if (!f) {
		snprintf(path, sizeof(path), "/usr/share/iproute2/%s", file);
		f = fopen(path, "re");
	}
	while (f && fgets(line, sizeof(line), f)) {
		char id[64], nm[128];

		if (line[0] == '#' || sscanf(line, "%63s %127s", id, nm) != 2)
			continue;
		if (streq(nm, name)) {
			*ret = strtoul(id, NULL, 0);
			rc = 0;
			break;
		}
	}
	if (f)
		fclose(f);
	return rc;
}

static int t_group(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	unsigned long long n;
	unsigned long g;

	if (streq(w, "default")) {
		v->num = 0;
		return 0;
	}
	if (parse_num(w, UINT32_MAX, &n, ret_err) == 0) {
		v->num = (long)n;
		return 0;
	}
	if (iproute2_name2num("group", w, &g) == 0) {
		v->num = (long)g;
		return 0;
	}
	FAIL("not a group number or a name of /etc/iproute2/group");
}

/* ------------------------------------------------------------ types */

static int t_netns_new(const char *w, struct nsh_val *v, char *eb, size_t el,
		       const char **err)
{
	return (*err = check_netns_name(w)) ? -1 : 0;
}

static int t_netns(const char *w, struct nsh_val *v, char *eb, size_t el,
		   const char **err)
{
	return (*err = check_netns_ref(w)) ? -1 : 0;
}

static int t_link(const char *w, struct nsh_val *v, char *eb, size_t el,
		  const char **err)
{
	return (*err = check_link_name(w)) ? -1 : 0;
}

static int t_ifaddr(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **err)
{
	return parse_prefix(w, true, &v->pfx, errbuf, errlen, err);
}

static int t_addr(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **err)
{
	return parse_prefix(w, false, &v->pfx, errbuf, errlen, err);
}

static int t_brd(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **err)
{
	if (streq(w, "+") || streq(w, "-")) {
		v->special = w[0];
		return 0;
	}
	return parse_prefix(w, false, &v->pfx, errbuf, errlen, err);
}

static int t_route(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	struct nsh_prefix *p = &v->pfx;

	if (streq(w, "default")) {
		memset(p, 0, sizeof(*p));
		p->family = AF_UNSPEC;
		return 0;
	}
	if (parse_prefix(w, true, p, errbuf, errlen, ret_err) < 0)
		return -1;
	for (int bit = p->len; bit < (p->family == AF_INET ? 32 : 128); bit++)
		if (p->addr[bit / 8] & (0x80 >> (bit % 8))) {
			struct nsh_prefix net = *p;
			char buf[64];

			for (int b = p->len; b < 128; b++)
				net.addr[b / 8] &= (unsigned char)~(0x80 >> (b % 8));
			FAIL("host bits set in a route prefix; did you mean "
			     "%s?",
			     prefix_str(&net, true, buf, sizeof(buf)));
		}
	return 0;
}

static int t_uint(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	unsigned long n;

	if (parse_uint(w, UINT32_MAX, &n) < 0)
		FAIL("not a decimal number");
	v->num = (long)n;
	return 0;
}

static int t_mtu(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned long n;

	if (parse_uint(w, 65535, &n) < 0 || n < 68)
		FAIL("an MTU is a decimal number from 68 to 65535");
	v->num = (long)n;
	return 0;
}

static int t_pid(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned long n;

	if (parse_uint(w, 4194304, &n) < 0 || n == 0)
		FAIL("a PID is a decimal number greater than 0");
	v->num = (long)n;
	return 0;
}

static int t_mac(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	const char *p = w;

	for (int i = 0; i < 6; i++) {
		if (!isxdigit((unsigned char)p[0]) ||
		    !isxdigit((unsigned char)p[1]))
			goto bad;
		v->mac[i] = (unsigned char)strtoul((char[]){ p[0], p[1], 0 },
						   NULL, 16);
		p += 2;
		if (i < 5 && *p++ != ':')
			goto bad;
	}
	if (*p)
		goto bad;
	if (v->mac[0] & 1)
		FAIL("a multicast address cannot be a link address");
	return 0;
bad:
	FAIL("a MAC address is six hex pairs like 02:00:00:00:00:01");
}

static int t_sysctl(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	const char *eq = strchr(w, '=');
	size_t klen = eq ? (size_t)(eq - w) : strlen(w);

	if (klen == 0)
		FAIL("missing the key before '='");
	if (w[0] == '-')
		FAIL("not a key (the options -w, -n, -q, -e and -a come "
		     "before the keys)");
	for (size_t i = 0; i < klen; i++)
		if (!isalnum((unsigned char)w[i]) && !strchr("._-/", w[i]))
			FAIL("a sysctl key has only letters, digits and . _ - /");
	if (strstr(w, "..") && (size_t)(strstr(w, "..") - w) < klen)
		FAIL("a sysctl key cannot contain '..'");
	return 0;
}

static int t_word(const char *w, struct nsh_val *v, char *eb, size_t el,
		  const char **err)
{
	return 0;
}

/* the names in NETNS_RUN_DIR that start with PREFIX (a directory read,
 * no netlink) */
static void complete_netns(struct nsh *sh, const char *prefix,
			   void (*add)(void *, const char *, const char *),
			   void *ctx)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *de;

	while (d && (de = readdir(d)))
		if (de->d_name[0] != '.' &&
		    strncmp(de->d_name, prefix, strlen(prefix)) == 0)
			add(ctx, de->d_name, "namespace");
	if (d)
		closedir(d);
}

/* the namespace names, then the labels of `spawn` (a namespace held by
 * its process) */
static void complete_nsref(struct nsh *sh, const char *prefix,
			   void (*add)(void *, const char *, const char *),
			   void *ctx)
{
	const char *labels[256];
	pid_t pids[256];
	int n = spawn_list(labels, pids, 256);

	complete_netns(sh, prefix, add, ctx);
	for (int i = 0; i < n; i++)
		if (strncmp(labels[i], prefix, strlen(prefix)) == 0)
			add(ctx, labels[i], "spawned namespace");
}

/* `kill`'s first word: the labels of the spawned namespaces */
static void complete_labels(struct nsh *sh, const char *prefix,
			    void (*add)(void *, const char *, const char *),
			    void *ctx)
{
	const char *labels[256];
	pid_t pids[256];
	int n = spawn_list(labels, pids, 256);

	(void)sh;
	for (int i = 0; i < n; i++)
		if (strncmp(labels[i], prefix, strlen(prefix)) == 0)
			add(ctx, labels[i], "spawned namespace");
}

/* the links (BRIDGES_ONLY: the bridges) of the namespace the line acts
 * in, from the live model: no netlink round trip on TAB */
static void complete_links(struct nsh *sh, const char *prefix,
			   void (*add)(void *, const char *, const char *),
			   void *ctx, bool bridges_only)
{
	struct model *m = model_get(sh);
	struct model_ns *ns;

	if (!m)
		return;
	ns = sh->complete_ns ? model_ns_by_name(m, sh->complete_ns)
			     : model_ns_cur(m, sh);
	for (int i = 0; ns && i < ns->nlinks; i++) {
		const struct model_link *l = &ns->links[i];

		if (bridges_only && !streq(l->kind, "bridge"))
			continue;
		if (strncmp(l->name, prefix, strlen(prefix)) == 0)
			add(ctx, l->name, l->kind[0] ? l->kind : "link");
	}
}

static void complete_ifname(struct nsh *sh, const char *prefix,
			    void (*add)(void *, const char *, const char *),
			    void *ctx)
{
	complete_links(sh, prefix, add, ctx, false);
}

static void complete_bridge(struct nsh *sh, const char *prefix,
			    void (*add)(void *, const char *, const char *),
			    void *ctx)
{
	complete_links(sh, prefix, add, ctx, true);
}

static const struct nsh_type types[] = {
	{ "NSNAME", "name of a new namespace (up to 64 bytes; no '/', spaces, "
		    "control characters or leading '-')", t_netns_new },
	{ "NETNS", "name of a namespace in " NETNS_RUN_DIR, t_netns,
	  complete_netns },
	{ "NSREF", "a namespace name, or the PID of a process inside one",
	  t_netns, complete_nsref },
	{ "NEWIF", "name of a new link (1-15 bytes; no '/', ':', '%' or "
		   "spaces)", t_link },
	{ "IFNAME", "name of a link in the namespace", t_link,
	  complete_ifname },
	{ "BRIDGE", "name of a bridge in the namespace", t_dev,
	  complete_bridge },
	{ "IFADDR", "an address with its prefix length, 10.0.0.1/24 or "
		    "fd00::1/64", t_ifaddr },
	{ "ADDR", "an IPv4 or IPv6 address", t_addr },
	{ "BRD", "a broadcast address, or '+' to derive it from the prefix",
	  t_brd },
	{ "ROUTE", "'default' or a network prefix like 10.0.0.0/24", t_route },
	{ "MTU", "an MTU (68-65535)", t_mtu },
	{ "UINT", "a decimal number", t_uint },
	{ "PID", "a process ID", t_pid },
	{ "MAC", "a link-layer address like 02:00:00:00:00:01", t_mac },
	{ "SYSCTL", "a key such as net.ipv4.ip_forward, or KEY=VALUE",
	  t_sysctl },
	{ "FILE", "a file name", t_word },
	{ "NUM", "a number (decimal, or hex after 0x)", t_num },
	{ "NUM8", "a number from 0 to 255", t_num8 },
	{ "NUM16", "a number from 0 to 65535", t_num16 },
	{ "NUM64", "a 64-bit number (decimal, or hex after 0x)", t_num64 },
	{ "INT", "a signed number", t_int },
	{ "DEV", "name of a link", t_dev, complete_ifname },
	{ "LLADDR", "a link-layer address like 02:00:00:00:00:01", t_lladdr },
	{ "GROUP", "a link group: a number or a name of /etc/iproute2/group",
	  t_group },
	{ "TEXT", "text", t_word },
	{ "WORD", "a word", t_word },
	{ "ARGS", "a program and its arguments, or an nsh command", NULL,
	  NULL, true },
	{ "TOPIC", "a command or family name", NULL, NULL, true },
	{ "TARGET", "a spawned namespace's label, or the kill program's "
		    "arguments (PIDs, -SIGNAL)", NULL, complete_labels, true },
};

/* the families' types and the shared ones, handed in by cmdtree_init */
static const struct nsh_family *const *fams;
static const struct nsh_type *shared;

void types_init(const struct nsh_family *const *families,
		const struct nsh_type *shared_types)
{
	fams = families;
	shared = shared_types;
}

const struct nsh_type *type_find(const char *name)
{
	size_t n = strcspn(name, "$");

	for (size_t i = 0; i < ARRAY_SIZE(types); i++)
		if (strlen(types[i].name) == n &&
		    strncmp(types[i].name, name, n) == 0)
			return &types[i];
	for (const struct nsh_type *t = shared; t && t->name; t++)
		if (strlen(t->name) == n && strncmp(t->name, name, n) == 0)
			return t;
	/* a family's own types (a routing table name, a qdisc handle…) */
	for (int f = 0; fams && fams[f]; f++)
		for (const struct nsh_type *t = fams[f]->types;
		     t && t->name; t++)
			if (strlen(t->name) == n && strncmp(t->name, name, n) == 0)
				return t;
	return NULL;
}

long long parse_duration_ms(const char *w)
{
	char *end;
	double v = strtod(w, &end);

	if (end == w || !(v >= 0) || v > 86400.0 * 7)
		return -1;
	if (!*end || streq(end, "s"))
		return (long long)(v * 1000);
	if (streq(end, "ms"))
		return (long long)v;
	if (streq(end, "m"))
		return (long long)(v * 60000);
	return -1;
}
