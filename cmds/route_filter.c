/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_filter.c - the selectors of `ip route show|list|flush` (and what
 * `ip route get` prints of its answer), as ip/iproute.c has them: its
 * filter (filter_nlmsg: table, cloned, proto, scope, type, tos, the
 * root/match/exact prefixes, via, src, realms, iif, oif, mark, metric),
 * the words that set it (iproute_list_flush_or_save) and their table.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "route_priv.h"

#ifndef MIN
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#endif

/* ------------------------------------------------------------ filter */

void rt_filter_reset(struct rt_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->mdst.bitlen = -1;
	f->msrc.bitlen = -1;
}

uint32_t rt_msg_table(struct nlmsghdr *nlh, struct nlattr **tb)
{
	struct rtmsg *r = nlmsg_data(nlh);

	return tb[RTA_TABLE] ? nla_get_u32(tb[RTA_TABLE]) : r->rtm_table;
}

/* inet_addr_match: the first BITS bits of A and B are the same */
static bool addr_match(const unsigned char *a, const unsigned char *b,
		       int bits)
{
	int bytes = bits / 8;

	if (bits <= 0)
		return true;
	if (memcmp(a, b, (size_t)bytes))
		return false;
	if (bits % 8) {
		unsigned char mask = (unsigned char)(0xff << (8 - bits % 8));

		return !((a[bytes] ^ b[bytes]) & mask);
	}
	return true;
}

int rt_host_len(int family)
{
	switch (family) {
	case AF_INET6: return 128;
	case AF_INET: return 32;
	case AF_MPLS: return 20;
	default: return 0;
	}
}

/* the header's part of filter_nlmsg: family, cache, table, protocol,
 * scope, type and tos of route R (in TABLE) */
static bool keep_header(struct rt_print *p, const struct rtmsg *r,
			uint32_t table)
{
	struct rt_filter *f = p->f;

	if (p->sh->o.family && r->rtm_family != p->sh->o.family)
		return false;
	if (r->rtm_family == AF_INET6 && table != RT_TABLE_MAIN)
		f->ip6_multiple_tables = true;
	if (f->cloned == !(r->rtm_flags & RTM_F_CLONED))
		return false;
	if (r->rtm_family == AF_INET6 && !f->ip6_multiple_tables) {
		if (f->tb == RT_TABLE_LOCAL && r->rtm_type != RTN_LOCAL)
			return false;
		if (f->tb == RT_TABLE_MAIN && r->rtm_type == RTN_LOCAL)
			return false;
		if (f->tb && f->tb != RT_TABLE_LOCAL && f->tb != RT_TABLE_MAIN)
			return false;
	} else if (f->tb > 0 && f->tb != table) {
		return false;
	}
	if ((f->protocol ^ r->rtm_protocol) & f->protocolmask)
		return false;
	if ((f->scope ^ r->rtm_scope) & f->scopemask)
		return false;
	if (f->typemask && !(r->rtm_type < 64 &&
			     (f->typemask & (1ull << r->rtm_type))))
		return false;
	return !((f->tos ^ r->rtm_tos) & f->tosmask);
}

/* a root prefix X leaves out a route of FAMILY whose length LEN is below
 * its own */
static bool root_len_bad(const struct rt_prefix *x, int family, int len)
{
	if (x->family)
		return family != x->family || x->bitlen > len;
	return x->len_given && x->bitlen > len;
}

/* a match prefix X leaves out a route of FAMILY longer than it */
static bool match_len_bad(const struct rt_prefix *x, int family, int len)
{
	if (x->family)
		return family != x->family ||
		       (x->bitlen >= 0 && x->bitlen < len);
	return x->len_given && x->bitlen >= 0 && x->bitlen < len;
}

/* the families and lengths of the prefixes, via and src */
static bool keep_lengths(const struct rt_filter *f, const struct rtmsg *r,
			 struct nlattr **tb)
{
	if (root_len_bad(&f->rdst, r->rtm_family, r->rtm_dst_len) ||
	    match_len_bad(&f->mdst, r->rtm_family, r->rtm_dst_len) ||
	    root_len_bad(&f->rsrc, r->rtm_family, r->rtm_src_len) ||
	    match_len_bad(&f->msrc, r->rtm_family, r->rtm_src_len))
		return false;
	if (f->rvia.family) {
		int family = r->rtm_family;

		if (tb[RTA_VIA] && nla_len(tb[RTA_VIA]) >= 2)
			family = ((struct rtvia *)nla_data(tb[RTA_VIA]))
					 ->rtvia_family;
		if (family != f->rvia.family)
			return false;
	}
	return !(f->rprefsrc.family && r->rtm_family != f->rprefsrc.family);
}

/* the bytes of attribute A in OUT (16 bytes), at most LEN of them */
static void copy_addr(unsigned char *out, const struct nlattr *a, size_t len)
{
	if (a)
		memcpy(out, nla_data(a), MIN(len, (size_t)nla_len(a)));
}

/* the gateway of route R (RTA_GATEWAY, or RTA_VIA's address) in VIA */
static void copy_via(unsigned char *via, const struct rtmsg *r,
		     struct nlattr **tb)
{
	copy_addr(via, tb[RTA_GATEWAY], (size_t)rt_host_len(r->rtm_family) / 8);
	if (tb[RTA_VIA] && nla_len(tb[RTA_VIA]) > 2)
		memcpy(via, ((struct rtvia *)nla_data(tb[RTA_VIA]))->rtvia_addr,
		       MIN((size_t)nla_len(tb[RTA_VIA]) - 2, 16));
}

/* the addresses: dst and src (root, match), via and src */
static bool keep_addrs(const struct rt_filter *f, const struct rtmsg *r,
		       struct nlattr **tb)
{
	unsigned char dst[16] = { 0 }, src[16] = { 0 }, via[16] = { 0 },
		      prefsrc[16] = { 0 };

	copy_addr(dst, tb[RTA_DST], (size_t)(r->rtm_dst_len + 7) / 8);
	copy_addr(src, tb[RTA_SRC], (size_t)(r->rtm_src_len + 7) / 8);
	if (f->rvia.bitlen > 0)
		copy_via(via, r, tb);
	if (f->rprefsrc.bitlen > 0)
		copy_addr(prefsrc, tb[RTA_PREFSRC],
			  (size_t)rt_host_len(r->rtm_family) / 8);
	if ((f->rdst.family || f->rdst.len_given) &&
	    !addr_match(dst, f->rdst.data, f->rdst.bitlen))
		return false;
	if ((f->mdst.family || f->mdst.len_given) &&
	    !addr_match(dst, f->mdst.data, r->rtm_dst_len))
		return false;
	if ((f->rsrc.family || f->rsrc.len_given) &&
	    !addr_match(src, f->rsrc.data, f->rsrc.bitlen))
		return false;
	if ((f->msrc.family || f->msrc.len_given) && f->msrc.bitlen >= 0 &&
	    !addr_match(src, f->msrc.data, r->rtm_src_len))
		return false;
	if (f->rvia.family && !addr_match(via, f->rvia.data, f->rvia.bitlen))
		return false;
	return !(f->rprefsrc.family &&
		 !addr_match(prefsrc, f->rprefsrc.data, f->rprefsrc.bitlen));
}

/* the u32 attribute A, 0 when missing */
static uint32_t u32_or_0(const struct nlattr *a)
{
	return a ? nla_get_u32((struct nlattr *)a) : 0;
}

/* the masked numbers: realms, iif, oif, mark and metric */
static bool keep_masked(const struct rt_filter *f, struct nlattr **tb)
{
	if (f->realmmask &&
	    ((u32_or_0(tb[RTA_FLOW]) ^ f->realm) & f->realmmask))
		return false;
	if (f->iifmask &&
	    (((int)u32_or_0(tb[RTA_IIF]) ^ f->iif) & f->iifmask))
		return false;
	if (f->oifmask &&
	    (((int)u32_or_0(tb[RTA_OIF]) ^ f->oif) & f->oifmask))
		return false;
	if (f->markmask &&
	    (((int)u32_or_0(tb[RTA_MARK]) ^ f->mark) & f->markmask))
		return false;
	return !(f->metricmask &&
		 ((u32_or_0(tb[RTA_PRIORITY]) ^ f->metric) & f->metricmask));
}

/* filter_nlmsg, with the route's attributes TB */
bool rt_filter_keep(struct rt_print *p, struct nlmsghdr *nlh,
		    struct nlattr **tb)
{
	const struct rt_filter *f = p->f;
	const struct rtmsg *r = nlmsg_data(nlh);

	if (!keep_header(p, r, rt_msg_table(nlh, tb)) ||
	    !keep_lengths(f, r, tb) || !keep_addrs(f, r, tb) ||
	    !keep_masked(f, tb))
		return false;
	/* the IPv6 null entry, which cannot be deleted */
	if (f->flushing && r->rtm_family == AF_INET6 && !r->rtm_dst_len &&
	    r->rtm_type == RTN_UNREACHABLE && tb[RTA_PRIORITY] &&
	    nla_get_u32(tb[RTA_PRIORITY]) == UINT32_MAX)
		return false;
	return true;
}

/* ------------------------------------------------------------ list */

enum list_key {
	LK_TABLE = 1, LK_VRF, LK_CACHED, LK_TOS, LK_PROTO, LK_SCOPE, LK_TYPE,
	LK_DEV, LK_IIF, LK_MARK, LK_METRIC, LK_VIA, LK_SRC, LK_REALMS,
	LK_FROM, LK_TO,
};

/* a parsed RTMATCH value as iproute2's get_prefix makes it, in FAMILY
 * (AF_UNSPEC: the address's); 0, or 1 after reporting a wrong family */
static int to_prefix(struct nsh *sh, const struct nsh_val *v, int family,
		     struct rt_prefix *ret)
{
	memset(ret, 0, sizeof(*ret));
	if (v->special) {
		ret->family = family;
		ret->bitlen = 0;
		ret->len_given = v->special == 'd';
		return 0;
	}
	if (family && family != v->pfx.family)
		return nsh_err(sh, "'%s': not an %s prefix", v->text,
			       family == AF_INET ? "IPv4" :
			       family == AF_INET6 ? "IPv6" :
						    rt_family_name(family));
	ret->family = v->pfx.family;
	ret->bitlen = v->pfx.len;
	ret->len_given = v->pfx.has_len;
	memcpy(ret->data, v->pfx.addr, sizeof(ret->data));
	return 0;
}

/* [root|match|exact] PREFIX into the filter's R (root) and M (match) */
static int sel_prefix(struct nsh *sh, const struct nsh_args *a, int i,
		      int family, struct rt_prefix *r, struct rt_prefix *m)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	int mode = 'e';

	if (v && ipl_arg(a, i, 1)) {	/* the mode word first */
		mode = v->special;
		v = ipl_arg(a, i, 1);
	}
	if (!v)
		return 0;
	if (mode == 'r')
		return to_prefix(sh, v, family, r);
	if (to_prefix(sh, v, family, m))
		return 1;
	if (mode == 'e')
		*r = *m;
	return 0;
}

/* what the words set besides the filter: the links are looked up last */
struct list_words {
	struct rt_filter *f;
	int family;
	const char *odev, *idev;
	uint32_t mark;
};

/* the words that set a value and its mask (KEY, value V): table, cached,
 * tos, proto, scope, type, mark, metric and realms */
static void mask_word(struct list_words *w, int key, const struct nsh_val *v)
{
	struct rt_filter *f = w->f;

	switch (key) {
	case LK_TABLE:
		if (v->special == 'a')
			f->tb = 0;
		else if (v->special == 'c')
			f->cloned = 1;
		else
			f->tb = (uint32_t)v->num;
		break;
	case LK_CACHED:
		f->cloned = 1;
		break;
	case LK_TOS:
		f->tos = (int)v->num;
		f->tosmask = -1;
		break;
	case LK_PROTO:
		f->protocol = v->special ? 0 : (int)v->num;
		f->protocolmask = v->special ? 0 : -1;
		break;
	case LK_SCOPE:
		f->scope = v->special ? RT_SCOPE_NOWHERE : (int)v->num;
		f->scopemask = v->special ? 0 : -1;
		break;
	case LK_TYPE:
		f->typemask = v->num < 64 ? 1ull << v->num : 0;
		break;
	case LK_MARK:
		w->mark = (uint32_t)v->num;
		f->markmask = -1;
		break;
	case LK_METRIC:
		f->metric = (uint32_t)v->num;
		f->metricmask = (uint32_t)-1;
		break;
	default:
		break;
	}
}

/* realms [FROM/]TO: a side not written is not compared */
static void set_realms(struct rt_filter *f, const struct nsh_val *v)
{
	size_t n = strlen(v->text);

	f->realm = (uint32_t)v->num;
	f->realmmask = ~0u;
	if (!(f->realm & 0xffff) && n && v->text[n - 1] == '/')
		f->realmmask &= ~0xffffu;
	if (!(f->realm & 0xffff0000u) &&
	    (!strchr(v->text, '/') || v->text[0] == '/'))
		f->realmmask &= ~0xffff0000u;
}

/* via [FAMILY] PREFIX, the binding at I */
static int set_via(struct nsh *sh, const struct nsh_args *a, int i,
		   struct list_words *w)
{
	const struct nsh_val *v = ipl_arg(a, i, 0), *addr = ipl_arg(a, i, 1);
	int fam = w->family;

	if (addr) {	/* a family word first */
		fam = rt_read_family(v->text);
		v = addr;
	}
	return to_prefix(sh, v, fam, &w->f->rvia);
}

/* the binding at I into W; 0 or 1 */
static int list_word(struct nsh *sh, const struct nsh_args *a, int i,
		     struct list_words *w)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	struct rt_filter *f = w->f;

	switch (a->bind[i].opt->key) {
	case LK_VRF:
		if (rt_vrf_table(sh, v->text, &f->tb))
			return 1;
		f->typemask = ~((1ull << RTN_LOCAL) | (1ull << RTN_BROADCAST));
		return 0;
	case LK_DEV:
		w->odev = v->text;
		return 0;
	case LK_IIF:
		w->idev = v->text;
		return 0;
	case LK_VIA:
		return set_via(sh, a, i, w);
	case LK_SRC:
		return to_prefix(sh, v, w->family, &f->rprefsrc);
	case LK_REALMS:
		set_realms(f, v);
		return 0;
	case LK_FROM:
		return sel_prefix(sh, a, i, w->family, &f->rsrc, &f->msrc);
	case LK_TO:
		return sel_prefix(sh, a, i, w->family, &f->rdst, &f->mdst);
	default:
		mask_word(w, a->bind[i].opt->key, v);
		return 0;
	}
}

int rt_list_filter(struct nsh *sh, const struct nsh_args *a,
		   struct rt_filter *f, int *ret_family)
{
	struct list_words w = { .f = f, .family = sh->o.family };
	int idx;

	rt_filter_reset(f);
	f->tb = RT_TABLE_MAIN;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (list_word(sh, a, i, &w))
			return 1;
	if (w.family == AF_UNSPEC && f->tb)
		w.family = AF_INET;
	if (w.idev) {
		if (link_index(sh, w.idev, &idx))
			return 1;
		f->iif = idx;
		f->iifmask = -1;
	}
	if (w.odev) {
		if (link_index(sh, w.odev, &idx))
			return 1;
		f->oif = idx;
		f->oifmask = -1;
	}
	f->mark = (int)w.mark;
	*ret_family = w.family;
	return 0;
}

/* ------------------------------------------------------------ tables */

/* [root|match|exact] PREFIX (any abbreviation of the three) */
static int parse_sel(struct ipl_parse *p, const struct ipl_opt *o)
{
	static const char *const modes[] = { "root", "match", "exact" };
	const char *w = ipl_need(p, o, "RTMATCH");

	if (!w)
		return p->completing ? -2 : -1;
	for (size_t m = 0; m < ARRAY_SIZE(modes); m++) {
		if (!ipl_matches(w, modes[m]))
			continue;
		if (rt_bind_word(p, o, p->i++, modes[m][0]))
			return -1;
		if (!ipl_need(p, o, "RTMATCH"))
			return p->completing ? -2 : -1;
		break;
	}
	if (ipl_bind_val(p, o, "RTMATCH", p->i))
		return -1;
	p->i++;
	return 0;
}

#define P IPL_PREFIX
#define A IPL_ALIAS

/* iproute_list_flush_or_save's words, in its order */
static const struct ipl_opt list_rows[] = {
	{ "table", P, "RTTABLESEL", LK_TABLE, "a table, all or cache" },
	{ "vrf", P, "DEV", LK_VRF, "the table of a VRF" },
	{ "cached", P, NULL, LK_CACHED, "cached routes" },
	{ "cloned", P | A, NULL, LK_CACHED },
	{ "tos", 0, "DSFIELD", LK_TOS, "the TOS" },
	{ "dsfield", P | A, "DSFIELD", LK_TOS },
	{ "protocol", P, "RTPROTOSEL", LK_PROTO, "the protocol, or all" },
	{ "scope", P, "RTSCOPESEL", LK_SCOPE, "the scope, or all" },
	{ "type", P, "RTTYPE", LK_TYPE, "the route type" },
	{ "dev", 0, "DEV", LK_DEV, "the output link" },
	{ "oif", A, "DEV", LK_DEV },
	{ "iif", 0, "DEV", LK_IIF, "the input link" },
	{ "mark", 0, "NUM", LK_MARK, "the firewall mark" },
	{ "metric", P, "NUM", LK_METRIC, "the metric" },
	{ "priority", P | A, "NUM", LK_METRIC },
	{ "preference", A, "NUM", LK_METRIC },
	{ "via", 0, "RTMATCH", LK_VIA, "the gateway ([inet|inet6] PREFIX)",
	  NULL, rt_parse_family_addr },
	{ "src", 0, "RTMATCH", LK_SRC, "the preferred source" },
	{ "realms", P, "REALMS", LK_REALMS, "the realms" },
	{ "from", P, "RTMATCH", LK_FROM, "the source prefix "
					 "([root|match|exact] PREFIX)",
	  NULL, parse_sel },
	{ "to", P | IPL_DEFAULT, "RTMATCH", LK_TO,
	  "the prefix: [root|match|exact] PREFIX", NULL, parse_sel },
	{ NULL },
};

const struct ipl_table route_list_opts = { "ip route show", list_rows };
