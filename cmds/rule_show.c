/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rule_show.c - `ip rule list` and `ip rule flush` natively, as iproute2
 * 6.1 (ip/iprule.c): iprule_list_flush_or_save's words and filter
 * (filter_nlmsg), flush_rule, and print_rule's layout in text and -j
 * JSON.  add and delete are in rule.c.
 */
#include "config.h"

#include <errno.h>
#include <endian.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "rule.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ------------------------------------------------------------ filter */

struct rule_filter {
	bool not, l3mdev;
	bool iifmask, oifmask, uidrange;
	uint32_t tb;
	unsigned tos, tosmask;
	uint32_t pref, prefmask;
	uint32_t fwmark, fwmask;
	uint64_t tun_id;
	const char *iif, *oif;
	uint32_t uid_start, uid_end;
	struct rt_prefix src, dst;
	int protocol, protocolmask;
	uint16_t sport_start, sport_end, dport_start, dport_end;
	uint8_t ipproto;
};

/* inet_addr_match_rta: A (a rule's address) in prefix M */
static bool prefix_has(const struct rt_prefix *m, const struct nlattr *a)
{
	int bits = m->bitlen;
	const unsigned char *d;

	if (!a || !m->family || m->bitlen <= 0)
		return true;
	if (nla_len(a) != (m->family == AF_INET ? 4 : 16))
		return false;
	d = nla_data(a);
	if (memcmp(d, m->data, (size_t)bits / 8))
		return false;
	if (bits % 8) {
		unsigned char mask = (unsigned char)(0xff << (8 - bits % 8));

		return !((d[bits / 8] ^ m->data[bits / 8]) & mask);
	}
	return true;
}

static bool range_is(const struct nlattr *a, uint32_t start, uint32_t end,
		     bool u16)
{
	if (!a)
		return false;
	if (u16) {
		const struct fib_rule_port_range *r = nla_data(a);

		return r->start == start && r->end == end;
	} else {
		const struct fib_rule_uid_range *r = nla_data(a);

		return r->start == start && r->end == end;
	}
}

static uint64_t be64_of(const struct nlattr *a)
{
	uint64_t v;

	memcpy(&v, nla_data(a), sizeof(v));
	return be64toh(v);
}

/* iprule.c's filter_nlmsg */
static bool rule_keep(struct nsh *sh, const struct rule_filter *f,
		      struct nlmsghdr *nlh, struct nlattr **tb)
{
	struct fib_rule_hdr *frh = nlmsg_data(nlh);
	uint32_t table;

	if (sh->o.family && frh->family != sh->o.family)
		return false;
	if (f->prefmask &&
	    f->pref != (tb[FRA_PRIORITY] ? nla_get_u32(tb[FRA_PRIORITY]) : 0))
		return false;
	if (f->not && !(frh->flags & FIB_RULE_INVERT))
		return false;
	if (f->src.family &&
	    (f->src.family != frh->family || f->src.bitlen > frh->src_len ||
	     !prefix_has(&f->src, tb[FRA_SRC])))
		return false;
	if (f->dst.family &&
	    (f->dst.family != frh->family || f->dst.bitlen > frh->dst_len ||
	     !prefix_has(&f->dst, tb[FRA_DST])))
		return false;
	if (f->tosmask && f->tos != frh->tos)
		return false;
	if (f->fwmark &&
	    f->fwmark != (tb[FRA_FWMARK] ? nla_get_u32(tb[FRA_FWMARK]) : 0))
		return false;
	if (f->fwmask &&
	    f->fwmask != (tb[FRA_FWMASK] ? nla_get_u32(tb[FRA_FWMASK]) : 0))
		return false;
	if (f->iifmask && (!tb[FRA_IFNAME] ||
			   strcmp(f->iif, nla_get_string(tb[FRA_IFNAME]))))
		return false;
	if (f->oifmask && (!tb[FRA_OIFNAME] ||
			   strcmp(f->oif, nla_get_string(tb[FRA_OIFNAME]))))
		return false;
	if (f->l3mdev && !(tb[FRA_L3MDEV] && nla_get_u8(tb[FRA_L3MDEV])))
		return false;
	if (f->uidrange &&
	    !range_is(tb[FRA_UID_RANGE], f->uid_start, f->uid_end, false))
		return false;
	if (f->ipproto &&
	    f->ipproto != (tb[FRA_IP_PROTO] ? nla_get_u8(tb[FRA_IP_PROTO]) : 0))
		return false;
	if (f->sport_start &&
	    !range_is(tb[FRA_SPORT_RANGE], f->sport_start, f->sport_end, true))
		return false;
	if (f->dport_start &&
	    !range_is(tb[FRA_DPORT_RANGE], f->dport_start, f->dport_end, true))
		return false;
	if (f->tun_id &&
	    (!tb[FRA_TUN_ID] || be64_of(tb[FRA_TUN_ID]) != f->tun_id))
		return false;
	table = tb[FRA_TABLE] ? nla_get_u32(tb[FRA_TABLE]) : frh->table;
	if (f->tb > 0 && f->tb != table)
		return false;
	return true;
}

/* ------------------------------------------------------------ print */

/* "from 10.0.0.0/8", " to …": an address and, when not a host, its
 * length */
static void print_prefix(struct rt_print *p, int family, const char *what,
			 const struct nlattr *a, unsigned len)
{
	bool src = what[0] == 's';
	char buf[INET6_ADDRSTRLEN];

	if (a) {
		if (!p->json)
			fputs(src ? "from " : " to ", stdout);
		rtp_str(p, src ? "src" : "dst", "%s",
			rt_rta_addr(family, a, buf, sizeof(buf)));
		if ((int)len != rt_host_len(family))
			rtp_uint(p, src ? "srclen" : "dstlen", "/%llu", len);
	} else if (len) {
		rtp_str(p, src ? "src" : "dst", src ? "from %s" : " to %s",
			"0");
		rtp_uint(p, src ? "srclen" : "dstlen", "/%llu", len);
	} else if (src) {
		rtp_str(p, "src", "from %s", "all");
	}
}

static void print_port_range(struct rt_print *p, const char *name,
			     const struct nlattr *a)
{
	const struct fib_rule_port_range *r = nla_data(a);
	char k1[16], k2[16], fmt[16];

	snprintf(fmt, sizeof(fmt), " %s %%llu", name);
	if (r->start == r->end) {
		rtp_uint(p, name, fmt, r->start);
		return;
	}
	snprintf(k1, sizeof(k1), "%s_start", name);
	snprintf(k2, sizeof(k2), "%s_end", name);
	rtp_uint(p, k1, fmt, r->start);
	rtp_uint(p, k2, "-%llu", r->end);
}

/* the selector's first part: not, from, to, tos, fwmark, iif, oif,
 * l3mdev */
static void print_selector(struct rt_print *p, struct fib_rule_hdr *frh,
			   struct nlattr **tb)
{
	char b[64];

	if (frh->flags & FIB_RULE_INVERT)
		rtp_null(p, "not", "not ");
	print_prefix(p, frh->family, "src", tb[FRA_SRC], frh->src_len);
	print_prefix(p, frh->family, "dst", tb[FRA_DST], frh->dst_len);
	if (frh->tos)
		rtp_str(p, "tos", " tos %s",
			rt_dsfield_n2a(frh->tos, b, sizeof(b)));
	if (tb[FRA_FWMARK] || tb[FRA_FWMASK]) {
		uint32_t mark = tb[FRA_FWMARK] ? nla_get_u32(tb[FRA_FWMARK]) : 0;
		uint32_t mask = tb[FRA_FWMASK] ? nla_get_u32(tb[FRA_FWMASK]) : 0;

		rtp_hex(p, "fwmark", " fwmark %#llx", mark);
		if (tb[FRA_FWMASK] && mask != 0xffffffffu)
			rtp_hex(p, "fwmask", "/%#llx", mask);
	}
	if (tb[FRA_IFNAME]) {
		rtp_str(p, "iif", " iif %s", nla_get_string(tb[FRA_IFNAME]));
		if (frh->flags & FIB_RULE_IIF_DETACHED)
			rtp_null(p, "iif_detached", " [detached]");
	}
	if (tb[FRA_OIFNAME]) {
		rtp_str(p, "oif", " oif %s", nla_get_string(tb[FRA_OIFNAME]));
		if (frh->flags & FIB_RULE_OIF_DETACHED)
			rtp_null(p, "oif_detached", " [detached]");
	}
	if (tb[FRA_L3MDEV] && nla_get_u8(tb[FRA_L3MDEV]))
		rtp_null(p, "l3mdev", " lookup [l3mdev-table]");
}

/* the selector's second part: uidrange, ipproto, sport, dport, tun_id */
static void print_selector2(struct rt_print *p, struct nlattr **tb)
{
	char b[64];

	if (tb[FRA_UID_RANGE]) {
		const struct fib_rule_uid_range *r = nla_data(tb[FRA_UID_RANGE]);

		rtp_uint(p, "uid_start", " uidrange %llu", r->start);
		rtp_uint(p, "uid_end", "-%llu", r->end);
	}
	if (tb[FRA_IP_PROTO])
		rtp_str(p, "ipproto", " ipproto %s",
		    rt_ipproto_n2a(nla_get_u8(tb[FRA_IP_PROTO]), b, sizeof(b)));
	if (tb[FRA_SPORT_RANGE])
		print_port_range(p, "sport", tb[FRA_SPORT_RANGE]);
	if (tb[FRA_DPORT_RANGE])
		print_port_range(p, "dport", tb[FRA_DPORT_RANGE]);
	if (tb[FRA_TUN_ID])
		rtp_uint(p, "tun_id", " tun_id %llu", be64_of(tb[FRA_TUN_ID]));
}

/* lookup TABLE [suppress_prefixlength N] [suppress_ifgroup G], realms */
static void print_lookup(struct rt_print *p, struct fib_rule_hdr *frh,
			 struct nlattr **tb)
{
	uint32_t table = tb[FRA_TABLE] ? nla_get_u32(tb[FRA_TABLE]) : frh->table;
	char b[64];

	if (table) {
		rtp_str(p, "table", " lookup %s",
			rt_table_n2a(table, b, sizeof(b)));
		if (tb[FRA_SUPPRESS_PREFIXLEN] &&
		    (int32_t)nla_get_u32(tb[FRA_SUPPRESS_PREFIXLEN]) != -1) {
			int pl = (int)nla_get_u32(tb[FRA_SUPPRESS_PREFIXLEN]);

			if (p->json)
				json_int(&p->j, "suppress_prefixlen", pl);
			else
				printf(" suppress_prefixlength %d", pl);
		}
		if (tb[FRA_SUPPRESS_IFGROUP] &&
		    (int32_t)nla_get_u32(tb[FRA_SUPPRESS_IFGROUP]) != -1)
			rtp_str(p, "suppress_ifgroup", " suppress_ifgroup %s",
			    rt_group_n2a(nla_get_u32(tb[FRA_SUPPRESS_IFGROUP]),
					 b, sizeof(b)));
	}
	if (tb[FRA_FLOW]) {
		uint32_t to = nla_get_u32(tb[FRA_FLOW]), from = to >> 16;

		to &= 0xffff;
		if (from)
			rtp_str(p, "flow_from", " realms %s/",
			    rt_realm_n2a(from, b, sizeof(b)));
		else if (!p->json)
			fputs(" realms ", stdout);
		rtp_str(p, "flow_to", "%s", rt_realm_n2a(to, b, sizeof(b)));
	}
}

/* the action (map-to, goto, nop, a route type) and the protocol */
static void print_action(struct rt_print *p, struct fib_rule_hdr *frh,
			 struct nlattr **tb)
{
	char b[64];

	if (frh->action == RTN_NAT) {
		if (tb[RTA_GATEWAY])
			rtp_str(p, "nat_gateway", " map-to %s",
				rt_rta_addr(frh->family, tb[RTA_GATEWAY], b,
					    sizeof(b)));
		else
			rtp_null(p, "masquerade", " masquerade");
	} else if (frh->action == FR_ACT_GOTO) {
		if (tb[FRA_GOTO])
			rtp_uint(p, "goto", " goto %llu",
				 nla_get_u32(tb[FRA_GOTO]));
		else
			rtp_str(p, "goto", " goto %s", "none");
		if (frh->flags & FIB_RULE_UNRESOLVED)
			rtp_null(p, "unresolved", " [unresolved]");
	} else if (frh->action == FR_ACT_NOP) {
		rtp_null(p, "nop", " nop");
	} else if (frh->action != FR_ACT_TO_TBL) {
		rtp_str(p, "action", " %s",
			rt_type_n2a(frh->action, b, sizeof(b)));
	}
	if (tb[FRA_PROTOCOL]) {
		uint8_t proto = nla_get_u8(tb[FRA_PROTOCOL]);

		if ((proto && proto != RTPROT_KERNEL) || p->sh->o.details)
			rtp_str(p, "protocol", " proto %s",
			    rt_proto_n2a(proto, b, sizeof(b)));
	}
}

/* print_rule */
static void print_rule(struct rt_print *p, struct nlmsghdr *nlh,
		       const struct rule_filter *f)
{
	struct fib_rule_hdr *frh = nlmsg_data(nlh);
	struct nlattr *tb[FRA_MAX + 1];

	if (nlh->nlmsg_type != RTM_NEWRULE && nlh->nlmsg_type != RTM_DELRULE)
		return;
	if (nlmsg_parse(nlh, sizeof(*frh), tb, FRA_MAX, NULL) < 0 ||
	    !rule_keep(p->sh, f, nlh, tb))
		return;
	if (p->json) {
		json_key(&p->j, NULL);
		json_begin_object(&p->j);
	}
	if (nlh->nlmsg_type == RTM_DELRULE) {
		if (p->json)
			json_bool(&p->j, "deleted", true);
		else
			fputs("Deleted ", stdout);
	}
	rtp_uint(p, "priority", "%llu:\t",
	      tb[FRA_PRIORITY] ? nla_get_u32(tb[FRA_PRIORITY]) : 0);
	print_selector(p, frh, tb);
	print_selector2(p, tb);
	print_lookup(p, frh, tb);
	print_action(p, frh, tb);
	if (p->json)
		json_end_object(&p->j);
	else
		putchar('\n');
}

/* ------------------------------------------------------------ list */

enum list_key {
	RL_PREF = 1, RL_NOT, RL_TOS, RL_FWMARK, RL_IIF, RL_OIF, RL_L3MDEV,
	RL_UIDRANGE, RL_TUN_ID, RL_TABLE, RL_FROM, RL_PROTO, RL_IPPROTO,
	RL_SPORT, RL_DPORT, RL_TO,
};

/* get_prefix in FAMILY into *RET; 0, or 1 after reporting */
static int filter_prefix(struct nsh *sh, const struct nsh_val *v, int family,
			 struct rt_prefix *ret)
{
	memset(ret, 0, sizeof(*ret));
	ret->family = family;
	if (v->special)
		return 0;
	if (v->pfx.family != family)
		return nsh_err(sh, "'%s': not an %s prefix", v->text,
			       family == AF_INET ? "IPv4" : "IPv6");
	ret->bitlen = v->pfx.len;
	ret->len_given = v->pfx.has_len;
	memcpy(ret->data, v->pfx.addr, sizeof(ret->data));
	return 0;
}

/* a range, prefix or protocol word of a list (binding I) into F; 0, or 1
 * after reporting */
static int filter_word2(struct nsh *sh, const struct nsh_args *a, int i,
			int af, struct rule_filter *f)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);

	switch (a->bind[i].opt->key) {
	case RL_UIDRANGE:
		f->uidrange = true;
		f->uid_start = lo32(v);
		f->uid_end = hi32(v);
		break;
	case RL_FROM:
		return filter_prefix(sh, v, af, &f->src);
	case RL_PROTO:
		f->protocol = v->special ? 0 : (int)v->num;
		f->protocolmask = v->special ? 0 : -1;
		break;
	case RL_SPORT:
		f->sport_start = (uint16_t)lo32(v);
		f->sport_end = (uint16_t)hi32(v);
		break;
	case RL_DPORT:
		f->dport_start = (uint16_t)lo32(v);
		f->dport_end = (uint16_t)hi32(v);
		break;
	case RL_TO:
		if (ipl_arg(a, i, 1))	/* "dst" first */
			v = ipl_arg(a, i, 1);
		return filter_prefix(sh, v, af, &f->dst);
	default:
		break;
	}
	return 0;
}

/* one word of a list (binding I) into F; 0, or 1 after reporting */
static int filter_word(struct nsh *sh, const struct nsh_args *a, int i,
		       int af, struct rule_filter *f)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);

	switch (a->bind[i].opt->key) {
	case RL_PREF:
		f->pref = (uint32_t)v->num;
		f->prefmask = 1;
		break;
	case RL_NOT:
		f->not = true;
		break;
	case RL_TOS:
		f->tos = (unsigned)v->num;
		f->tosmask = 1;
		break;
	case RL_FWMARK:
		f->fwmark = (uint32_t)v->num;
		if (v->pfx.len)
			memcpy(&f->fwmask, v->pfx.addr, 4);
		break;
	case RL_IIF:
		f->iif = v->text;
		f->iifmask = true;
		break;
	case RL_OIF:
		f->oif = v->text;
		f->oifmask = true;
		break;
	case RL_L3MDEV:
		f->l3mdev = true;
		break;
	case RL_TUN_ID:
		f->tun_id = (uint64_t)v->num;
		break;
	case RL_TABLE:
		f->tb = (uint32_t)v->num;
		break;
	case RL_IPPROTO:
		f->ipproto = (uint8_t)v->num;
		break;
	default:
		return filter_word2(sh, a, i, af, f);
	}
	return 0;
}

static int list_filter(struct nsh *sh, const struct nsh_args *a, int af,
		       struct rule_filter *f)
{
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && filter_word(sh, a, i, af, f))
			return 1;
	return 0;
}

/* flush_rule: every rule the filter keeps that has a priority (not the
 * one at 0) is deleted */
static int flush_rules(struct rt_print *p, const struct rule_filter *f,
		       struct msg_list *l)
{
	char why[256];

	for (int i = 0; i < l->n; i++) {
		struct nlmsghdr *nlh = l->v[i];
		struct nlattr *tb[FRA_MAX + 1];
		_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
		int err;

		if (nlmsg_parse(nlh, sizeof(struct fib_rule_hdr), tb, FRA_MAX,
				NULL) < 0 || !rule_keep(p->sh, f, nlh, tb))
			continue;
		if (tb[FRA_PROTOCOL] &&
		    ((f->protocol ^ nla_get_u8(tb[FRA_PROTOCOL])) &
		     f->protocolmask))
			continue;
		if (!tb[FRA_PRIORITY])
			continue;
		msg = nlmsg_alloc_simple(RTM_DELRULE, 0);
		if (!msg || nlmsg_append(msg, nlmsg_data(nlh),
					 nlmsg_datalen(nlh), NLMSG_ALIGNTO) < 0)
			return nsh_err(p->sh, "out of memory");
		err = ipr_ack(p->sk, msg);
		if (err < 0)
			return nsh_err(p->sh, "cannot delete rule %u: %s",
				       nla_get_u32(tb[FRA_PRIORITY]),
				       nl_reason(err, why, sizeof(why)));
	}
	return 0;
}

int rule_list(struct nsh *sh, const struct nsh_args *a, bool flush)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct fib_rule_hdr hdr = { 0 };
	struct nl_sock *sk = ns_sock(sh);
	struct rule_filter f;
	struct rt_filter rf;
	struct rt_print p;
	int af = sh->o.family ? sh->o.family : AF_INET;

	rt_names_reset(sh->o.numeric);
	if (!sk)
		return 1;
	if (list_filter(sh, a, af, &f))
		return 1;
	hdr.family = (unsigned char)af;
	if (dump_msgs(sh, sk, RTM_GETRULE, &hdr, sizeof(hdr), "rules", &l))
		return 1;
	rt_filter_reset(&rf);
	rt_print_begin(&p, sh, sk, &rf);
	if (flush)
		return flush_rules(&p, &f, &l);
	if (p.json)
		json_begin_array(&p.j);
	for (int i = 0; i < l.n; i++)
		print_rule(&p, l.v[i], &f);
	if (p.json) {
		json_end_array(&p.j);
		json_end(&p.j);
	}
	fflush(stdout);
	return 0;
}
/* ------------------------------------------------------------ grammar */

/* [dst|to] PREFIX of a list: "dst" (any abbreviation) may stand first */
static int parse_list_dst(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, "RTMATCH");
	bool kw = p->a->nbind && p->a->bind[p->a->nbind - 1].tok >= 0;

	if (!w)
		return p->completing ? -2 : -1;
	if (!kw && ipl_matches(w, "dst")) {
		if (rt_bind_word(p, o, p->i++, 0))
			return -1;
		if (!ipl_need(p, o, "RTMATCH"))
			return p->completing ? -2 : -1;
	}
	if (ipl_bind_val(p, o, "RTMATCH", p->i))
		return -1;
	p->i++;
	return 0;
}

#define P IPL_PREFIX
#define A IPL_ALIAS


/* iprule_list_flush_or_save's words, in its order */
static const struct ipl_opt list_rows[] = {
	{ "preference", P, "NUM", RL_PREF, "the priority" },
	{ "order", P | A, "NUM", RL_PREF },
	{ "priority", P | A, "NUM", RL_PREF },
	{ "not", 0, NULL, RL_NOT, "inverted rules" },
	{ "tos", 0, "DSFIELD", RL_TOS, "the TOS" },
	{ "dsfield", A, "DSFIELD", RL_TOS },
	{ "fwmark", 0, "FWMARK", RL_FWMARK, "the firewall mark[/mask]" },
	{ "dev", 0, "DEV", RL_IIF, "the input link" },
	{ "iif", A, "DEV", RL_IIF },
	{ "oif", 0, "DEV", RL_OIF, "the output link" },
	{ "l3mdev", 0, NULL, RL_L3MDEV, "l3mdev rules" },
	{ "uidrange", 0, "UIDRANGE", RL_UIDRANGE, "the user IDs" },
	{ "tun_id", P, "NUM64", RL_TUN_ID, "the tunnel ID" },
	{ "lookup", P, "TABLE", RL_TABLE, "the table" },
	{ "table", P | A, "TABLE", RL_TABLE },
	{ "from", P, "RTMATCH", RL_FROM, "the source prefix" },
	{ "src", P | A, "RTMATCH", RL_FROM },
	{ "protocol", P, "RTPROTOSEL", RL_PROTO, "who made it (flush)" },
	{ "ipproto", 0, "IPPROTO", RL_IPPROTO, "the IP protocol" },
	{ "sport", 0, "PORTRANGE", RL_SPORT, "the source port(s)" },
	{ "dport", 0, "PORTRANGE", RL_DPORT, "the destination port(s)" },
	{ "to", P | IPL_DEFAULT, "RTMATCH", RL_TO,
	  "the destination prefix ([dst|to] PREFIX)", NULL, parse_list_dst },
	{ NULL },
};

const struct ipl_table rule_list_opts = { "ip rule show", list_rows };
