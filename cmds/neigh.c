/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * neigh.c - `ip neigh …` natively, as iproute2 6.1's ip/ipneigh.c does it.
 *
 * add, change, replace and delete send the one RTM_NEWNEIGH/RTM_DELNEIGH
 * iproute2 sends (its ndmsg, NDA_PROTOCOL where the line has it, NDA_DST,
 * NDA_FLAGS_EXT, NDA_LLADDR; state NUD_PERMANENT unless `nud` or
 * `managed` say otherwise), get one RTM_GETNEIGH; show and flush read one
 * dump (filtered by the kernel on the link and master, as iproute2 asks)
 * and apply iproute2's filters: the states of `nud` (by default every
 * state but NOARP for show, every one but PERMANENT and NOARP for flush),
 * the prefix, the protocol, unused entries.  The layout is iproute2's,
 * text, -s, -br and -j.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/if_arp.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/route/link.h>

#include "cmds.h"
#include "iproute.h"
#include "ipl.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)
DEFINE_PUTP(struct nl_cache, nl_cache_free)

/* ------------------------------------------------------------ types */

#define FAIL(...)                                                              \
	do {                                                                   \
		snprintf(errbuf, errlen, __VA_ARGS__);                         \
		*ret_err = NULL;                                               \
		return -1;                                                     \
	} while (0)

/* nud_state_a2n: a few names exactly, three in any abbreviation */
static const struct {
	const char *name;
	unsigned state;
	bool prefix;
} nud_names[] = {
	{ "permanent", NUD_PERMANENT, true },
	{ "reachable", NUD_REACHABLE, true },
	{ "noarp", NUD_NOARP, false },
	{ "none", NUD_NONE, false },
	{ "stale", NUD_STALE, false },
	{ "incomplete", NUD_INCOMPLETE, false },
	{ "delay", NUD_DELAY, false },
	{ "probe", NUD_PROBE, false },
	{ "failed", NUD_FAILED, true },
};

static int nud_parse(const char *w, unsigned *ret)
{
	unsigned long long n;
	const char *err;

	for (size_t i = 0; i < ARRAY_SIZE(nud_names); i++)
		if (nud_names[i].prefix ? ipl_matches(w, nud_names[i].name) :
					  streq(w, nud_names[i].name)) {
			*ret = nud_names[i].state;
			return 0;
		}
	/* a number: one NUD_* bit, or 0 */
	if (parse_num(w, 0xff, &n, &err) < 0 || (n & (n - 1)))
		return -1;
	*ret = (unsigned)n;
	return 0;
}

#define NUD_WORDS "permanent, noarp, stale, reachable, none, incomplete, " \
		  "delay, probe, failed or one NUD_* bit"

static int t_nud(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned st;

	if (nud_parse(w, &st) < 0)
		FAIL("not a neighbour state (%s)", NUD_WORDS);
	v->num = st;
	return 0;
}

/* the same, or "all" (num -1) */
static int t_nud_all(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	unsigned st;

	if (streq(w, "all")) {
		v->num = -1;
		return 0;
	}
	if (nud_parse(w, &st) < 0)
		FAIL("not a neighbour state (%s, or all)", NUD_WORDS);
	v->num = st;
	return 0;
}

/* a link-layer address of up to 20 bytes (iproute2's buffer), or
 * "null": none */
static int t_lladdr_null(const char *w, struct nsh_val *v, char *errbuf,
			 size_t errlen, const char **ret_err)
{
	unsigned char b[20];

	if (streq(w, "null"))
		return 0;
	if (parse_lladdr(w, b, sizeof(b)) < 0)
		FAIL("a link-layer address is hex bytes like "
		     "02:00:00:00:00:01 (or null)");
	return 0;
}

/* an address with an optional prefix length, or all/any/default: any
 * address (special 'a') */
static int t_prefix_all(const char *w, struct nsh_val *v, char *errbuf,
			size_t errlen, const char **ret_err)
{
	if (streq(w, "all") || streq(w, "any") || streq(w, "default")) {
		memset(&v->pfx, 0, sizeof(v->pfx));
		v->special = 'a';
		return 0;
	}
	return parse_prefix(w, true, &v->pfx, errbuf, errlen, ret_err);
}

/* the names of the states (and "all") for TAB */
static void complete_nud(struct nsh *sh, const char *prefix,
			 void (*add)(void *ctx, const char *word,
				     const char *help),
			 void *ctx)
{
	for (size_t i = 0; i < ARRAY_SIZE(nud_names); i++)
		if (strncmp(nud_names[i].name, prefix, strlen(prefix)) == 0)
			add(ctx, nud_names[i].name, "a neighbour state");
}

static void complete_nud_all(struct nsh *sh, const char *prefix,
			     void (*add)(void *ctx, const char *word,
					 const char *help),
			     void *ctx)
{
	complete_nud(sh, prefix, add, ctx);
	if (strncmp("all", prefix, strlen(prefix)) == 0)
		add(ctx, "all", "every state");
}

static const struct nsh_type neigh_types[] = {
	{ "NUD", "a neighbour state: " NUD_WORDS, t_nud, complete_nud },
	{ "NUD|all", "a neighbour state, or all", t_nud_all,
	  complete_nud_all },
	{ "LLADDR|null", "a link-layer address like 02:00:00:00:00:01, or "
			 "null", t_lladdr_null },
	{ "PREFIX|all", "an address or a prefix like 10.0.0.0/24, or all",
	  t_prefix_all },
	{ NULL },
};

/* ------------------------------------------------------------ grammar */

enum neigh_key {
	NK_LLADDR = 1, NK_NUD, NK_PROXY, NK_ROUTER, NK_USE, NK_MANAGED,
	NK_EXTERN, NK_DEV, NK_PROTO, NK_HELP, NK_TO, NK_MASTER, NK_VRF,
	NK_NOMASTER, NK_UNUSED, NK_PROXIES,
};

/*
 * The neighbour's address, after `proxy` or as the bare word (`to`):
 * iproute2 takes one (duparg "address" for proxy, duparg2 "to" for the
 * other); a word matching "help" after proxy asks for the usage.
 */
static int parse_dst(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, "ADDR");

	if (!w)
		return p->completing ? -2 : -1;
	if (o->key == NK_PROXY && ipl_matches(w, "help")) {
		p->a->bind[p->a->nbind - 1].opt = o + 1;	/* help */
		p->i++;
		return 0;
	}
	for (int i = 0; i < p->a->nbind - 1; i++) {
		const struct ipl_opt *b = p->a->bind[i].opt;
		struct nsh_prefix pfx;
		const char *err;
		char ebuf[8];

		if (!p->a->bind[i].is_kw || !b ||
		    (b->key != NK_PROXY && b->key != NK_TO))
			continue;
		if (parse_prefix(w, false, &pfx, ebuf, sizeof(ebuf), &err) < 0)
			return ipl_fail(p, p->i, "'%s': unknown word", w);
		return ipl_fail(p, p->i, "'%s': a second address (the entry's "
				"is '%s')", w, p->a->bind[i + 1].v.text);
	}
	if (ipl_bind_val(p, o, "ADDR", p->i))
		return -1;
	p->i++;
	return 0;
}

/* ipneigh_modify's loop, in its order */
static const struct ipl_opt modify_rows[] = {
	{ "lladdr", IPL_PREFIX | IPL_ONCE, "LLADDR|null", NK_LLADDR,
	  "the link-layer address (null: none)" },
	{ "nud", 0, "NUD", NK_NUD, "the state (permanent by default)" },
	{ "proxy", IPL_PREFIX, "ADDR", NK_PROXY, "a proxy entry for ADDR",
	  NULL, parse_dst },
	{ "help", IPL_ALIAS, NULL, NK_HELP },	/* after proxy only */
	{ "router", 0, NULL, NK_ROUTER, "the neighbour is a router" },
	{ "use", 0, NULL, NK_USE, "mark the entry used" },
	{ "managed", 0, NULL, NK_MANAGED, "the kernel keeps it resolved" },
	{ "extern_learn", IPL_PREFIX, NULL, NK_EXTERN,
	  "learned by a control plane" },
	{ "dev", 0, "DEV", NK_DEV, "the link" },
	{ "protocol", IPL_PREFIX, "RTPROTO", NK_PROTO, "who made the entry" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, NK_HELP },
	{ "to", IPL_DEFAULT, "ADDR", NK_TO, "the neighbour's address", NULL,
	  parse_dst },
	{ NULL },
};

static const struct ipl_table modify_opts = { "ip neigh add", modify_rows };

/* do_show_or_flush's loop */
static const struct ipl_opt show_rows[] = {
	{ "dev", IPL_ONCE, "DEV", NK_DEV, "entries of this link" },
	{ "master", 0, "DEV", NK_MASTER, "entries of the ports of a master" },
	{ "vrf", 0, "DEV", NK_VRF, "entries of the ports of a VRF" },
	{ "nomaster", 0, NULL, NK_NOMASTER, "entries of links without a "
					    "master" },
	{ "unused", 0, NULL, NK_UNUSED, "entries nothing refers to" },
	{ "nud", 0, "NUD|all", NK_NUD, "entries in this state (several "
				       "may be given)" },
	{ "proxy", 0, NULL, NK_PROXIES, "the proxy entries" },
	{ "protocol", IPL_PREFIX, "RTPROTOSEL", NK_PROTO,
	  "entries made by this protocol" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, NK_HELP },
	{ "to", IPL_DEFAULT, "PREFIX|all", NK_TO, "entries in this prefix" },
	{ NULL },
};

static const struct ipl_table show_opts = { "ip neigh show", show_rows };

/* ipneigh_get's loop */
static const struct ipl_opt get_rows[] = {
	{ "dev", 0, "DEV", NK_DEV, "the link" },
	{ "proxy", IPL_PREFIX, "ADDR", NK_PROXY, "the proxy entry for ADDR",
	  NULL, parse_dst },
	{ "help", IPL_ALIAS, NULL, NK_HELP },	/* after proxy only */
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, NK_HELP },
	{ "to", IPL_DEFAULT, "ADDR", NK_TO, "the neighbour's address", NULL,
	  parse_dst },
	{ NULL },
};

static const struct ipl_table get_opts = { "ip neigh get", get_rows };

/* iproute2's "Flush requires arguments": any word after the verb */
static bool has_args(const struct nsh_args *a)
{
	for (int i = 0; i < a->nbind; i++)
		if (a->bind[i].opt && a->bind[i].opt->key < IPL_KEY_GLOBAL)
			return true;
	return false;
}

/* `help` among the arguments: the usage, as iproute2 prints it first */
static bool wants_help(const struct nsh_args *a)
{
	if (ipl_find(a, 0, NK_HELP) < 0)
		return false;
	ipl_usage(a->cmd, stdout);
	return true;
}

/* ------------------------------------------------------------ changes */

static int check_family(struct nsh *sh, const struct nsh_val *v)
{
	if (sh->o.family && sh->o.family != v->pfx.family)
		return nsh_err(sh, "'%s': not an %s address (-%s was given)",
			       v->text,
			       sh->o.family == AF_INET6 ? "IPv6" :
			       sh->o.family == AF_INET  ? "IPv4" :
							  "IP",
			       sh->o.family == AF_INET6 ? "6" :
			       sh->o.family == AF_INET  ? "4" :
							  "f");
	return 0;
}

static int refused(struct nsh *sh, const char *subject, int err)
{
	char why[256];

	return nsh_err(sh, "'%s': %s", subject, nl_reason(err, why,
							  sizeof(why)));
}

/*
 * neigh_modify - ip neigh add (CREATE|EXCL), change (REPLACE), replace
 * (CREATE|REPLACE), delete (RTM_DELNEIGH): ipneigh_modify's request.
 */
static int neigh_modify(struct nsh *sh, const struct nsh_args *a, int type,
			int flags)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ndmsg ndm = { .ndm_family = (unsigned char)sh->o.family,
			     .ndm_state = NUD_PERMANENT };
	const struct nsh_val *dst = NULL, *lla = NULL;
	const char *dev = NULL;
	uint32_t ext = 0;
	bool dev_ok = false;
	struct nl_sock *sk;
	struct ndmsg *hdr;
	int err;

	if (wants_help(a))
		return 0;
	msg = nlmsg_alloc_simple(type, NLM_F_REQUEST | NLM_F_ACK | flags);
	if (!msg || nlmsg_append(msg, &ndm, sizeof(ndm), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	hdr = nlmsg_data(nlmsg_hdr(msg));
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case NK_LLADDR:
			lla = v;
			break;
		case NK_NUD:
			hdr->ndm_state = (uint16_t)v->num;
			break;
		case NK_PROXY:
			hdr->ndm_flags |= NTF_PROXY;
			dev_ok = true;
			dst = v;
			break;
		case NK_TO:
			dst = v;
			break;
		case NK_ROUTER:
			hdr->ndm_flags |= NTF_ROUTER;
			break;
		case NK_USE:
			hdr->ndm_flags |= NTF_USE;
			break;
		case NK_MANAGED:
			ext |= NTF_EXT_MANAGED;
			hdr->ndm_state = NUD_NONE;
			break;
		case NK_EXTERN:
			hdr->ndm_flags |= NTF_EXT_LEARNED;
			break;
		case NK_DEV:
			dev = v->text;
			dev_ok = true;
			break;
		case NK_PROTO:
			if (nla_put_u8(msg, NDA_PROTOCOL, (uint8_t)v->num) < 0)
				return nsh_err(sh, "out of memory");
			break;
		default:
			break;
		}
	}
	if (!dst)
		return nsh_err(sh, "missing the neighbour's address (ADDR or "
				   "proxy ADDR)");
	if (!dev_ok)
		return nsh_err(sh, "'%s': missing 'dev DEV' (the link of the "
				   "entry)", dst->text);
	if (check_family(sh, dst))
		return 1;
	hdr->ndm_family = (unsigned char)dst->pfx.family;
	if (nla_put(msg, NDA_DST, dst->pfx.family == AF_INET ? 4 : 16,
		    dst->pfx.addr) < 0 ||
	    (ext && nla_put_u32(msg, NDA_FLAGS_EXT, ext) < 0))
		return nsh_err(sh, "out of memory");
	if (lla && !streq(lla->text, "null")) {
		unsigned char b[20];
		int n = parse_lladdr(lla->text, b, sizeof(b));

		if (n < 0 || nla_put(msg, NDA_LLADDR, n, b) < 0)
			return nsh_err(sh, "'%s': not a link-layer address",
				       lla->text);
	}
	if (dev) {
		int idx;

		if (link_index(sh, dev, &idx))
			return 1;
		hdr->ndm_ifindex = idx;
	}
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	err = ipr_ack(sk, msg);
	if (err >= 0)
		return 0;
	if (type == RTM_NEWNEIGH && nl_last_errno() == EEXIST)
		return nsh_err(sh, "'%s': the entry exists (replace changes "
				   "it)", dst->text);
	if (type == RTM_DELNEIGH && nl_last_errno() == ENOENT)
		return nsh_err(sh, "'%s': no such entry%s%s", dst->text,
			       dev ? " on " : "", dev ? dev : "");
	if (type == RTM_NEWNEIGH && nl_last_errno() == ENOENT && !(flags &
								  NLM_F_CREATE))
		return nsh_err(sh, "'%s': no such entry to change (replace "
				   "creates it)", dst->text);
	return refused(sh, dst->text, err);
}

static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return neigh_modify(sh, a, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL);
}

static int cmd_change(struct nsh *sh, const struct nsh_args *a)
{
	return neigh_modify(sh, a, RTM_NEWNEIGH, NLM_F_REPLACE);
}

static int cmd_replace(struct nsh *sh, const struct nsh_args *a)
{
	return neigh_modify(sh, a, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE);
}

static int cmd_delete(struct nsh *sh, const struct nsh_args *a)
{
	return neigh_modify(sh, a, RTM_DELNEIGH, 0);
}

/* ------------------------------------------------------------ show */

/* one listing: iproute2's filter and its output state */
struct nshow {
	struct nsh *sh;
	struct nl_sock *sk;
	struct nl_cache *links;	/* made on first use */
	bool links_done;
	struct json j;
	bool json;
	/* filter */
	int family;
	int index;		/* ifindex of `dev`, 0: any */
	int master;		/* 0: any, -1: nomaster */
	unsigned state;		/* NUD_* bits; 0x100: NUD_NONE */
	bool unused;
	unsigned protocol;
	bool proxy;
	struct nsh_prefix pfx;	/* family AF_UNSPEC: any */
	int bits;
	/* flush */
	bool flush;
	int flushed;
	bool warned;
};

static struct nl_cache *show_links(struct nshow *s)
{
	if (!s->links_done) {
		s->links_done = true;
		if (rtnl_link_alloc_cache(s->sk, AF_UNSPEC, &s->links) < 0)
			s->links = NULL;
	}
	return s->links;
}

/* ll_index_to_name: "if%u" when the link is not known */
static const char *dev_name(struct nshow *s, int idx, char *buf, size_t len)
{
	struct nl_cache *c = show_links(s);

	if (!c || !rtnl_link_i2name(c, idx, buf, len))
		snprintf(buf, len, "if%d", idx);
	return buf;
}

/* ll_addr_n2a: tunnels' addresses as IP addresses, else hex bytes */
static const char *lladdr_str(struct nshow *s, int idx,
			      const struct nlattr *a, char *buf, size_t len)
{
	const unsigned char *b = nla_data(a);
	int n = nla_len(a), type = -1;
	struct nl_cache *c = show_links(s);
	struct rtnl_link *l = c ? rtnl_link_get(c, idx) : NULL;

	if (l) {
		type = (int)rtnl_link_get_arptype(l);
		rtnl_link_put(l);
	}
	if (n == 4 && (type == ARPHRD_TUNNEL || type == ARPHRD_SIT ||
		       type == ARPHRD_IPGRE))
		return inet_ntop(AF_INET, b, buf, (socklen_t)len);
	if (n == 16 && (type == ARPHRD_TUNNEL6 || type == ARPHRD_IP6GRE))
		return inet_ntop(AF_INET6, b, buf, (socklen_t)len);
	buf[0] = '\0';
	for (int i = 0, o = 0; i < n && (size_t)o + 3 < len; i++)
		o += snprintf(buf + o, len - (size_t)o, i ? ":%02x" : "%02x",
			      b[i]);
	return buf;
}

/* format_host_rta: an IPv4 or IPv6 address by FAMILY */
static const char *addr_str(int family, const struct nlattr *a, char *buf,
			    size_t len)
{
	if ((family == AF_INET && nla_len(a) == 4) ||
	    (family == AF_INET6 && nla_len(a) == 16))
		return inet_ntop(family, nla_data(a), buf, (socklen_t)len);
	return "???";
}

static void put_str(struct nshow *s, const char *key, const char *text,
		    const char *val)
{
	if (s->json)
		json_str(&s->j, key, val);
	else
		printf("%s%s ", text, val);
}

/* print_null: "KEY": null, or the word */
static void put_null(struct nshow *s, const char *key)
{
	if (s->json) {
		json_key(&s->j, key);
		fputs("null", stdout);
	} else {
		printf("%s ", key);
	}
}

/* print_neigh's filter */
static bool wanted(struct nshow *s, const struct nlmsghdr *nlh,
		   struct nlattr **tb)
{
	const struct ndmsg *r = nlmsg_data(nlh);
	unsigned char d[16];

	if (s->family && s->family != r->ndm_family)
		return false;
	if (s->index && s->index != r->ndm_ifindex)
		return false;
	if (!(s->state & r->ndm_state) && !(r->ndm_flags & NTF_PROXY) &&
	    !(r->ndm_flags & NTF_EXT_LEARNED) &&
	    (r->ndm_state || !(s->state & 0x100)))
		return false;
	if (s->master && !(nlh->nlmsg_flags & NLM_F_DUMP_FILTERED) &&
	    !s->warned && !s->flush) {
		s->warned = true;
		printf("\nWARNING: Kernel does not support filtering by "
		       "master device\n\n");
	}
	/* inet_addr_match_rta */
	if (tb[NDA_DST] && s->pfx.family != AF_UNSPEC && s->bits > 0) {
		int n = nla_len(tb[NDA_DST]);
		int fam = n == 4 ? AF_INET : n == 16 ? AF_INET6 : AF_UNSPEC;
		int full = s->bits / 8, rest = s->bits % 8;

		if (fam != s->pfx.family)
			return false;
		memcpy(d, nla_data(tb[NDA_DST]), (size_t)n);
		if (memcmp(d, s->pfx.addr, (size_t)full) != 0)
			return false;
		if (rest && ((d[full] ^ s->pfx.addr[full]) &
			     (0xff << (8 - rest)) & 0xff))
			return false;
	}
	if (s->protocol && (!tb[NDA_PROTOCOL] ||
			    nla_get_u8(tb[NDA_PROTOCOL]) != s->protocol))
		return false;
	if (s->unused && tb[NDA_CACHEINFO] &&
	    nla_len(tb[NDA_CACHEINFO]) >= (int)sizeof(struct nda_cacheinfo) &&
	    ((struct nda_cacheinfo *)nla_data(tb[NDA_CACHEINFO]))->ndm_refcnt)
		return false;
	return true;
}

/* print_cacheinfo and the probes (-s) */
static void print_stats(struct nshow *s, struct nlattr **tb)
{
	long hz = sysconf(_SC_CLK_TCK);

	if (hz <= 0)
		hz = 100;
	if (tb[NDA_CACHEINFO] &&
	    nla_len(tb[NDA_CACHEINFO]) >= (int)sizeof(struct nda_cacheinfo)) {
		const struct nda_cacheinfo *ci = nla_data(tb[NDA_CACHEINFO]);
		unsigned used = ci->ndm_used / (unsigned)hz;
		unsigned conf = ci->ndm_confirmed / (unsigned)hz;
		unsigned upd = ci->ndm_updated / (unsigned)hz;

		if (s->json) {
			if (ci->ndm_refcnt)
				json_uint(&s->j, "refcnt", ci->ndm_refcnt);
			json_uint(&s->j, "used", used);
			json_uint(&s->j, "confirmed", conf);
			json_uint(&s->j, "updated", upd);
		} else {
			if (ci->ndm_refcnt)
				printf(" ref %u", ci->ndm_refcnt);
			printf(" used %u/%u/%u", used, conf, upd);
		}
	}
	if (tb[NDA_PROBES]) {
		if (s->json)
			json_uint(&s->j, "probes", nla_get_u32(tb[NDA_PROBES]));
		else
			printf("probes %u ", nla_get_u32(tb[NDA_PROBES]));
	}
}

static void print_state(struct nshow *s, unsigned nud)
{
	static const struct {
		unsigned bit;
		const char *name;
	} st[] = {
		{ NUD_INCOMPLETE, "INCOMPLETE" },
		{ NUD_REACHABLE, "REACHABLE" },
		{ NUD_STALE, "STALE" }, { NUD_DELAY, "DELAY" },
		{ NUD_PROBE, "PROBE" }, { NUD_FAILED, "FAILED" },
		{ NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" },
	};

	if (s->json) {
		json_key(&s->j, "state");
		json_begin_array(&s->j);
	}
	for (size_t i = 0; i < ARRAY_SIZE(st); i++) {
		if (!(nud & st[i].bit))
			continue;
		if (s->json)
			json_str(&s->j, NULL, st[i].name);
		else
			printf("%s ", st[i].name);
	}
	if (s->json)
		json_end_array(&s->j);
}

/* one entry in iproute2's layout (print_neigh, print_neigh_brief) */
static void print_neigh(struct nshow *s, const struct nlmsghdr *nlh,
			struct nlattr **tb)
{
	const struct ndmsg *r = nlmsg_data(nlh);
	int family = r->ndm_family;
	uint32_t ext = 0;
	char buf[128];

	if (tb[NDA_FLAGS_EXT])
		ext = nla_get_u32(tb[NDA_FLAGS_EXT]);
	if (s->json) {
		json_key(&s->j, NULL);
		json_begin_object(&s->j);
	}
	if (family == AF_BRIDGE && tb[NDA_DST])
		family = nla_len(tb[NDA_DST]) == 16 ? AF_INET6 : AF_INET;
	if (s->sh->o.brief) {
		if (tb[NDA_DST]) {
			addr_str(family, tb[NDA_DST], buf, sizeof(buf));
			if (s->json)
				json_str(&s->j, "dst", buf);
			else
				printf("%-39s ", buf);
		}
		if (!s->index && r->ndm_ifindex) {
			dev_name(s, r->ndm_ifindex, buf, sizeof(buf));
			if (s->json)
				json_str(&s->j, "dev", buf);
			else
				printf("%-16s ", buf);
		}
		if (tb[NDA_LLADDR]) {
			lladdr_str(s, r->ndm_ifindex, tb[NDA_LLADDR], buf,
				   sizeof(buf));
			if (s->json)
				json_str(&s->j, "lladdr", buf);
			else
				fputs(buf, stdout);
		}
		goto end;
	}
	if (tb[NDA_DST])
		put_str(s, "dst", "", addr_str(family, tb[NDA_DST], buf,
					       sizeof(buf)));
	if (!s->index && r->ndm_ifindex)
		put_str(s, "dev", "dev ", dev_name(s, r->ndm_ifindex, buf,
						    sizeof(buf)));
	if (tb[NDA_LLADDR])
		put_str(s, "lladdr", "lladdr ",
			lladdr_str(s, r->ndm_ifindex, tb[NDA_LLADDR], buf,
				   sizeof(buf)));
	if (r->ndm_flags & NTF_ROUTER)
		put_null(s, "router");
	if (r->ndm_flags & NTF_PROXY)
		put_null(s, "proxy");
	if (ext & NTF_EXT_MANAGED)
		put_null(s, "managed");
	if (r->ndm_flags & NTF_EXT_LEARNED)
		put_null(s, "extern_learn");
	if (r->ndm_flags & NTF_OFFLOADED)
		put_null(s, "offload");
	if (s->sh->o.stats)
		print_stats(s, tb);
	if (r->ndm_state)
		print_state(s, r->ndm_state);
	if (tb[NDA_PROTOCOL] && nla_get_u8(tb[NDA_PROTOCOL]))
		put_str(s, "protocol", "proto ",
			rt_proto_n2a(nla_get_u8(tb[NDA_PROTOCOL]), buf,
				    sizeof(buf)));
end:
	if (s->json)
		json_end_object(&s->j);
	else
		putchar('\n');
}

/* the dump request: the header, NDA_IFINDEX and NDA_MASTER as
 * ipneigh_dump_filter adds them */
static int neigh_dump(struct nshow *s, struct msg_list *l)
{
	struct {
		struct ndmsg ndm;
		struct nlattr a1;
		uint32_t v1;
		struct nlattr a2;
		uint32_t v2;
	} req = {
		.ndm = { .ndm_family = (unsigned char)s->family,
			 .ndm_flags = s->proxy ? NTF_PROXY : 0 },
	};
	size_t len = sizeof(req.ndm);
	char *at = (char *)&req.a1;

	if (s->index) {
		struct nlattr *a = (struct nlattr *)at;

		a->nla_type = NDA_IFINDEX;
		a->nla_len = NLA_HDRLEN + 4;
		memcpy(at + NLA_HDRLEN, &s->index, 4);
		at += NLA_HDRLEN + 4;
		len += NLA_HDRLEN + 4;
	}
	if (s->master) {
		struct nlattr *a = (struct nlattr *)at;

		a->nla_type = NDA_MASTER;
		a->nla_len = NLA_HDRLEN + 4;
		memcpy(at + NLA_HDRLEN, &s->master, 4);
		len += NLA_HDRLEN + 4;
	}
	return dump_msgs(s->sh, s->sk, RTM_GETNEIGH, &req, len,
			 "neighbour entries", l);
}

/* name_is_vrf */
static int vrf_index(struct nsh *sh, const char *name, int *ret)
{
	struct rtnl_link *l = NULL;
	const char *kind;
	bool vrf;

	if (link_lookup(sh, name, &l))
		return 1;
	kind = rtnl_link_get_type(l);
	vrf = kind && streq(kind, "vrf");
	*ret = rtnl_link_get_ifindex(l);
	rtnl_link_put(l);
	if (!vrf)
		return nsh_err(sh, "'%s': not a VRF", name);
	return 0;
}

/* the filter of the line: do_show_or_flush's loop */
static int read_filter(struct nsh *sh, const struct nsh_args *a,
		       struct nshow *s)
{
	bool state_given = false;
	const char *dev = NULL;

	s->family = sh->o.family;
	s->state = s->flush ? ~(unsigned)(NUD_PERMANENT | NUD_NOARP) :
			      0xff & ~(unsigned)NUD_NOARP;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		unsigned st;

		switch (o ? o->key : 0) {
		case NK_DEV:
			dev = v->text;
			break;
		case NK_MASTER:
			if (link_index(sh, v->text, &s->master))
				return 1;
			break;
		case NK_VRF:
			if (vrf_index(sh, v->text, &s->master))
				return 1;
			break;
		case NK_NOMASTER:
			s->master = -1;
			break;
		case NK_UNUSED:
			s->unused = true;
			break;
		case NK_NUD:
			if (!state_given) {
				state_given = true;
				s->state = 0;
			}
			st = (unsigned)v->num;
			if (v->num < 0)
				st = s->flush ? ~(unsigned)NUD_NOARP : ~0u;
			s->state |= st ? st : 0x100;
			break;
		case NK_PROXIES:
			s->proxy = true;
			break;
		case NK_PROTO:
			/* all: no filter */
			s->protocol = v->special ? 0 : (unsigned)v->num;
			break;
		case NK_TO:
			if (v->special) {
				memset(&s->pfx, 0, sizeof(s->pfx));
				s->pfx.family = s->family;
				s->bits = 0;
				break;
			}
			if (s->family && s->family != v->pfx.family)
				return nsh_err(sh, "'%s': not an %s prefix "
						   "(the listing is of %s "
						   "entries)",
					       v->text,
					       v->pfx.family == AF_INET ?
						       "IPv6" : "IPv4",
					       v->pfx.family == AF_INET ?
						       "IPv6" : "IPv4");
			s->pfx = v->pfx;
			s->bits = v->pfx.len;
			if (!s->family)
				s->family = v->pfx.family;
			break;
		default:
			break;
		}
	}
	if (dev && link_index(sh, dev, &s->index))
		return 1;
	return 0;
}

static void nshow_free(struct nshow *s)
{
	if (s->links)
		nl_cache_free(s->links);
}

static int show(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct nshow s = { .sh = sh, .json = sh->o.json,
			   .j = { .pretty = sh->o.pretty } };
	int rc = 1;

	rt_names_reset(sh->o.numeric);
	if (wants_help(a))
		return 0;
	s.sk = ns_sock(sh);
	if (!s.sk || read_filter(sh, a, &s) || neigh_dump(&s, &l))
		goto out;
	if (s.json)
		json_begin_array(&s.j);
	for (int i = 0; i < l.n; i++) {
		struct nlattr *tb[NDA_MAX + 1];

		if (nlmsg_parse(l.v[i], sizeof(struct ndmsg), tb, NDA_MAX,
				NULL) < 0)
			continue;
		if (wanted(&s, l.v[i], tb))
			print_neigh(&s, l.v[i], tb);
	}
	if (s.json) {
		json_end_array(&s.j);
		json_end(&s.j);
	}
	rc = 0;
out:
	nshow_free(&s);
	return rc;
}

static int cmd_show(struct nsh *sh, const struct nsh_args *a)
{
	return show(sh, a);
}

/* delete the entry NLH describes: the kernel's message sent back as
 * RTM_DELNEIGH, as iproute2's flush does */
static int flush_one(struct nshow *s, const struct nlmsghdr *nlh,
		     struct nlattr **tb)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nlmsg_alloc_simple(RTM_DELNEIGH, NLM_F_REQUEST | NLM_F_ACK);
	const struct ndmsg *r = nlmsg_data(nlh);
	char buf[64], why[256];
	int err;

	if (!msg || nlmsg_append(msg, nlmsg_data(nlh),
				 (size_t)nlmsg_datalen(nlh), NLMSG_ALIGNTO) < 0)
		return nsh_err(s->sh, "out of memory");
	err = ipr_ack(s->sk, msg);
	/* gone already: the kernel's garbage collector was first */
	if (err >= 0 || nl_last_errno() == ENOENT)
		return 0;
	return nsh_err(s->sh, "'%s': %s",
		       tb[NDA_DST] ? addr_str(r->ndm_family, tb[NDA_DST], buf,
					      sizeof(buf)) : "?",
		       nl_reason(err, why, sizeof(why)));
}

/* ip neigh flush SELECTOR: rounds of dump and delete until a dump finds
 * nothing (at most 10); -s tells the rounds */
static int cmd_flush(struct nsh *sh, const struct nsh_args *a)
{
	struct nshow s = { .sh = sh, .flush = true };
	int rc = 1, round = 0;

	rt_names_reset(sh->o.numeric);
	if (wants_help(a))
		return 0;
	if (!has_args(a))
		return nsh_err(sh, "missing what to flush (dev DEV, to PREFIX, "
				   "nud STATE, all, …)");
	s.sk = ns_sock(sh);
	if (!s.sk || read_filter(sh, a, &s))
		goto out;
	for (; round < 10; round++) {
		_cleanup_(msg_list_free) struct msg_list l = { 0 };
		int n = 0;

		if (neigh_dump(&s, &l))
			goto out;
		for (int i = 0; i < l.n; i++) {
			struct nlattr *tb[NDA_MAX + 1];

			if (nlmsg_parse(l.v[i], sizeof(struct ndmsg), tb,
					NDA_MAX, NULL) < 0 ||
			    !wanted(&s, l.v[i], tb))
				continue;
			if (flush_one(&s, l.v[i], tb))
				goto out;
			n++;
			if (sh->o.stats >= 2)
				print_neigh(&s, l.v[i], tb);
		}
		if (!n) {
			if (sh->o.stats && !round)
				printf("Nothing to flush.\n");
			else if (sh->o.stats)
				printf("*** Flush is complete after %d "
				       "round%s ***\n", round,
				       round > 1 ? "s" : "");
			rc = 0;
			goto out;
		}
		if (sh->o.stats)
			printf("\n*** Round %d, deleting %d entries ***\n",
			       round + 1, n);
		s.state &= ~(unsigned)NUD_FAILED;
	}
	printf("*** Flush not complete bailing out after %d rounds\n", 10);
out:
	fflush(stdout);
	nshow_free(&s);
	return rc;
}

/* ip neigh get ADDR dev DEV: the kernel's entry, printed as show does
 * (in text, -j or not: iproute2 opens no JSON here) */
static int cmd_get(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ndmsg ndm = { .ndm_family = (unsigned char)sh->o.family };
	struct nshow s = { .sh = sh, .state = ~0u };
	const struct nsh_val *dst = NULL;
	const char *dev = NULL;
	struct nlmsghdr *ans = NULL;
	struct nlattr *tb[NDA_MAX + 1];
	bool dev_ok = false;
	int err, idx, rc = 1;

	rt_names_reset(sh->o.numeric);
	if (wants_help(a))
		return 0;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case NK_DEV:
			dev = v->text;
			dev_ok = true;
			break;
		case NK_PROXY:
			ndm.ndm_flags |= NTF_PROXY;
			dev_ok = true;
			dst = v;
			break;
		case NK_TO:
			dst = v;
			break;
		default:
			break;
		}
	}
	if (!dst)
		return nsh_err(sh, "missing the neighbour's address (ADDR or "
				   "proxy ADDR)");
	if (!dev_ok)
		return nsh_err(sh, "'%s': missing 'dev DEV' (the link of the "
				   "entry)", dst->text);
	if (check_family(sh, dst))
		return 1;
	ndm.ndm_family = (unsigned char)dst->pfx.family;
	if (dev) {
		if (link_index(sh, dev, &idx))
			return 1;
		ndm.ndm_ifindex = idx;
	}
	s.sk = ns_sock(sh);
	if (!s.sk)
		return 1;
	msg = nlmsg_alloc_simple(RTM_GETNEIGH, NLM_F_REQUEST);
	if (!msg || nlmsg_append(msg, &ndm, sizeof(ndm), NLMSG_ALIGNTO) < 0 ||
	    nla_put(msg, NDA_DST, dst->pfx.family == AF_INET ? 4 : 16,
		    dst->pfx.addr) < 0)
		return nsh_err(sh, "out of memory");
	err = ipr_get(s.sk, msg, &ans);
	if (err < 0) {
		if (nl_last_errno() == ENOENT)
			return nsh_err(sh, "'%s': no such entry%s%s", dst->text,
				       dev ? " on " : "", dev ? dev : "");
		return refused(sh, dst->text, err);
	}
	if (nlmsg_parse(ans, sizeof(struct ndmsg), tb, NDA_MAX, NULL) >= 0) {
		print_neigh(&s, ans, tb);
		rc = 0;
	}
	free(ans);
	nshow_free(&s);
	return rc;
}

/* in iproute2's order (do_ipneigh) */
static const struct nsh_cmd neigh_cmds[] = {
	{ "ip neigh add", "add a neighbour (ARP/NDP) entry",
	  cmd_add, NSH_CMD_MUTATES,
	  "ip neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth1", NULL,
	  &modify_opts },
	{ "ip neigh change/=chg", "change a neighbour entry",
	  cmd_change, NSH_CMD_MUTATES,
	  "ip neigh change 10.0.0.2 lladdr 02:00:00:00:00:03 dev veth1",
	  NULL, &modify_opts },
	{ "ip neigh replace", "add or change a neighbour entry", cmd_replace,
	  NSH_CMD_MUTATES,
	  "ip neigh replace 10.0.0.2 lladdr 02:00:00:00:00:02 dev veth1",
	  NULL, &modify_opts },
	{ "ip neigh delete", "delete a neighbour entry",
	  cmd_delete, NSH_CMD_MUTATES,
	  "ip neigh del 10.0.0.2 dev veth1", NULL, &modify_opts },
	{ "ip neigh get", "look up one neighbour entry", cmd_get, 0,
	  "ip neigh get 10.0.0.2 dev veth1", NULL, &get_opts },
	{ "ip neigh show/lst/list", "list the neighbour entries", cmd_show, 0,
	  "ip neigh show dev veth1", NULL, &show_opts },
	{ "ip neigh flush", "delete the neighbour entries a selector names",
	  cmd_flush, NSH_CMD_MUTATES,
	  "ip neigh flush dev veth1", NULL, &show_opts },
	{ "ip neigh", "list the neighbour entries", cmd_show },
	{ NULL },
};

const struct nsh_family neigh_family = {
	"neigh", "ip neigh: add, change, delete, show and flush ARP/NDP "
		 "entries",
	neigh_cmds, neigh_types,
};
