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
 *
 * This file: the types, the grammar and the changes; show, flush and get
 * are in neigh_show.c.
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

#include "neigh.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

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
bool neigh_has_args(const struct nsh_args *a)
{
	for (int i = 0; i < a->nbind; i++)
		if (a->bind[i].opt && a->bind[i].opt->key < IPL_KEY_GLOBAL)
			return true;
	return false;
}

/* `help` among the arguments: the usage, as iproute2 prints it first */
bool neigh_wants_help(const struct nsh_args *a)
{
	if (ipl_find(a, 0, NK_HELP) < 0)
		return false;
	ipl_usage(a->cmd, stdout);
	return true;
}

/* ------------------------------------------------------------ changes */

int neigh_check_family(struct nsh *sh, const struct nsh_val *v)
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

int neigh_refused(struct nsh *sh, const char *subject, int err)
{
	char why[256];

	return nsh_err(sh, "'%s': %s", subject, nl_reason(err, why,
							  sizeof(why)));
}

/* what the words of an add/change/replace/delete say besides the header */
struct neigh_line {
	const struct nsh_val *dst, *lla;
	const char *dev;
	uint32_t ext;
	bool dev_ok;
};

/* one word (option O, value V) into the header HDR and L (protocol: into
 * MSG); 0, or 1 after reporting */
static int modify_word(struct nsh *sh, struct nl_msg *msg, struct ndmsg *hdr,
		       const struct ipl_opt *o, const struct nsh_val *v,
		       struct neigh_line *l)
{
	switch (o ? o->key : 0) {
	case NK_LLADDR:
		l->lla = v;
		break;
	case NK_NUD:
		hdr->ndm_state = (uint16_t)v->num;
		break;
	case NK_PROXY:
		hdr->ndm_flags |= NTF_PROXY;
		l->dev_ok = true;
		l->dst = v;
		break;
	case NK_TO:
		l->dst = v;
		break;
	case NK_ROUTER:
		hdr->ndm_flags |= NTF_ROUTER;
		break;
	case NK_USE:
		hdr->ndm_flags |= NTF_USE;
		break;
	case NK_MANAGED:
		l->ext |= NTF_EXT_MANAGED;
		hdr->ndm_state = NUD_NONE;
		break;
	case NK_EXTERN:
		hdr->ndm_flags |= NTF_EXT_LEARNED;
		break;
	case NK_DEV:
		l->dev = v->text;
		l->dev_ok = true;
		break;
	case NK_PROTO:
		if (nla_put_u8(msg, NDA_PROTOCOL, (uint8_t)v->num) < 0)
			return nsh_err(sh, "out of memory");
		break;
	default:
		break;
	}
	return 0;
}

/* NDA_DST, NDA_FLAGS_EXT, NDA_LLADDR and the link of L (which has its
 * address) into MSG; 0, or 1 after reporting */
static int put_entry(struct nsh *sh, struct nl_msg *msg, struct ndmsg *hdr,
		     const struct neigh_line *l)
{
	const struct nsh_val *dst = l->dst;

	if (!l->dev_ok)
		return nsh_err(sh, "'%s': missing 'dev DEV' (the link of the "
				   "entry)", dst->text);
	if (neigh_check_family(sh, dst))
		return 1;
	hdr->ndm_family = (unsigned char)dst->pfx.family;
	if (nla_put(msg, NDA_DST, dst->pfx.family == AF_INET ? 4 : 16,
		    dst->pfx.addr) < 0 ||
	    (l->ext && nla_put_u32(msg, NDA_FLAGS_EXT, l->ext) < 0))
		return nsh_err(sh, "out of memory");
	if (l->lla && !streq(l->lla->text, "null")) {
		unsigned char b[20];
		int n = parse_lladdr(l->lla->text, b, sizeof(b));

		if (n < 0 || nla_put(msg, NDA_LLADDR, n, b) < 0)
			return nsh_err(sh, "'%s': not a link-layer address",
				       l->lla->text);
	}
	if (l->dev) {
		int idx;

		if (link_index(sh, l->dev, &idx))
			return 1;
		hdr->ndm_ifindex = idx;
	}
	return 0;
}

/* the kernel refused request TYPE (FLAGS) about L: one line (1) */
static int modify_refused(struct nsh *sh, const struct neigh_line *l,
			  int type, int flags, int err)
{
	const char *dst = l->dst->text, *dev = l->dev;

	if (type == RTM_NEWNEIGH && nl_last_errno() == EEXIST)
		return nsh_err(sh, "'%s': the entry exists (replace changes "
				   "it)", dst);
	if (type == RTM_DELNEIGH && nl_last_errno() == ENOENT)
		return nsh_err(sh, "'%s': no such entry%s%s", dst,
			       dev ? " on " : "", dev ? dev : "");
	if (type == RTM_NEWNEIGH && nl_last_errno() == ENOENT &&
	    !(flags & NLM_F_CREATE))
		return nsh_err(sh, "'%s': no such entry to change (replace "
				   "creates it)", dst);
	return neigh_refused(sh, dst, err);
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
	struct neigh_line l = { 0 };
	struct nl_sock *sk;
	struct ndmsg *hdr;
	int err;

	if (neigh_wants_help(a))
		return 0;
	msg = nlmsg_alloc_simple(type, NLM_F_REQUEST | NLM_F_ACK | flags);
	if (!msg || nlmsg_append(msg, &ndm, sizeof(ndm), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	hdr = nlmsg_data(nlmsg_hdr(msg));
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (modify_word(sh, msg, hdr, a->bind[i].opt, ipl_arg(a, i, 0),
				&l))
			return 1;
	/* here, so that modify_refused below has it too */
	if (!l.dst)
		return nsh_err(sh, "missing the neighbour's address (ADDR or "
				   "proxy ADDR)");
	if (put_entry(sh, msg, hdr, &l))
		return 1;
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	err = ipr_ack(sk, msg);
	return err < 0 ? modify_refused(sh, &l, type, flags, err) : 0;
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
	{ "ip neigh get", "look up one neighbour entry", neigh_cmd_get, 0,
	  "ip neigh get 10.0.0.2 dev veth1", NULL, &get_opts },
	{ "ip neigh show/lst/list", "list the neighbour entries",
	  neigh_cmd_show, 0,
	  "ip neigh show dev veth1", NULL, &show_opts },
	{ "ip neigh flush", "delete the neighbour entries a selector names",
	  neigh_cmd_flush, NSH_CMD_MUTATES, "ip neigh flush dev veth1", NULL,
	  &show_opts },
	{ "ip neigh", "list the neighbour entries", neigh_cmd_show },
	{ NULL },
};

const struct nsh_family neigh_family = {
	"neigh", "ip neigh: add, change, delete, show and flush ARP/NDP "
		 "entries",
	neigh_cmds, neigh_types,
};
