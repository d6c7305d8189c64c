/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rule.c - `ip rule …` natively, as iproute2 6.1 (ip/iprule.c): add and
 * delete with iprule_modify's words in its order (not, from, to,
 * preference, tos, fwmark, realms, protocol, tun_id, table, suppressors,
 * iif, oif, l3mdev, uidrange, nat, ipproto, sport, dport and the action),
 * list and flush with its filter, and print_rule's layout in text and -j
 * JSON.  save and restore (binary dumps) are left to the real ip.
 *
 * The requests are the RTM_NEWRULE/RTM_DELRULE iproute2 sends, built with
 * libnl's message API: a fib_rule_hdr (family IPv4 unless -6, table main
 * unless an action or a table is given) and FRA_* attributes.
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

#include "route.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

enum rule_key {
	RU_NOT = 1, RU_FROM, RU_TO, RU_PREF, RU_TOS, RU_FWMARK, RU_REALMS,
	RU_PROTO, RU_TUN_ID, RU_TABLE, RU_SUP_PL, RU_SUP_GROUP, RU_IIF,
	RU_OIF, RU_L3MDEV, RU_UIDRANGE, RU_NAT, RU_IPPROTO, RU_SPORT,
	RU_DPORT, RU_TYPE,
};

/* the two ends of a PORTRANGE/UIDRANGE value */
static uint32_t lo32(const struct nsh_val *v)
{
	return (uint32_t)((unsigned long)v->num & 0xffffffffu);
}

static uint32_t hi32(const struct nsh_val *v)
{
	return (uint32_t)((unsigned long long)v->num >> 32);
}

static bool has_words(const struct nsh_args *a)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && a->bind[i].opt->key < IPL_KEY_GLOBAL)
			return true;
	return false;
}

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

static int host_len(int family)
{
	return family == AF_INET6 ? 128 : family == AF_INET ? 32 : 0;
}

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

static void str(struct rt_print *p, const char *key, const char *fmt,
		const char *val)
{
	if (p->json) {
		if (key)
			json_str(&p->j, key, val);
	} else if (fmt) {
		printf(fmt, val);
	}
}

static void uint_(struct rt_print *p, const char *key, const char *fmt,
		  unsigned long long val)
{
	if (p->json)
		json_uint(&p->j, key, val);
	else
		printf(fmt, val);
}

static void null_(struct rt_print *p, const char *key, const char *fmt)
{
	if (p->json)
		json_str_or_null(&p->j, key, NULL);
	else
		fputs(fmt, stdout);
}

static void hex_(struct rt_print *p, const char *key, const char *fmt,
		 unsigned long long val)
{
	char buf[32];

	if (p->json) {
		snprintf(buf, sizeof(buf), "%#llx", val);
		json_str(&p->j, key, buf);
	} else {
		printf(fmt, val);
	}
}

static const char *addr(int family, const struct nlattr *a, char *buf,
			size_t len)
{
	if (nla_len(a) != (family == AF_INET ? 4 : 16) ||
	    !inet_ntop(family, nla_data(a), buf, (socklen_t)len))
		snprintf(buf, len, "???");
	return buf;
}

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
		str(p, src ? "src" : "dst", "%s", addr(family, a, buf,
						      sizeof(buf)));
		if ((int)len != host_len(family))
			uint_(p, src ? "srclen" : "dstlen", "/%llu", len);
	} else if (len) {
		str(p, src ? "src" : "dst", src ? "from %s" : " to %s", "0");
		uint_(p, src ? "srclen" : "dstlen", "/%llu", len);
	} else if (src) {
		str(p, "src", "from %s", "all");
	}
}

static void print_port_range(struct rt_print *p, const char *name,
			     const struct nlattr *a)
{
	const struct fib_rule_port_range *r = nla_data(a);
	char k1[16], k2[16], fmt[16];

	snprintf(fmt, sizeof(fmt), " %s %%llu", name);
	if (r->start == r->end) {
		uint_(p, name, fmt, r->start);
		return;
	}
	snprintf(k1, sizeof(k1), "%s_start", name);
	snprintf(k2, sizeof(k2), "%s_end", name);
	uint_(p, k1, fmt, r->start);
	uint_(p, k2, "-%llu", r->end);
}

/* print_rule */
static void print_rule(struct rt_print *p, struct nlmsghdr *nlh,
		       const struct rule_filter *f)
{
	struct fib_rule_hdr *frh = nlmsg_data(nlh);
	struct nlattr *tb[FRA_MAX + 1];
	char b[64];
	uint32_t table;

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
	uint_(p, "priority", "%llu:\t",
	      tb[FRA_PRIORITY] ? nla_get_u32(tb[FRA_PRIORITY]) : 0);
	if (frh->flags & FIB_RULE_INVERT)
		null_(p, "not", "not ");
	print_prefix(p, frh->family, "src", tb[FRA_SRC], frh->src_len);
	print_prefix(p, frh->family, "dst", tb[FRA_DST], frh->dst_len);
	if (frh->tos)
		str(p, "tos", " tos %s", rt_dsfield_n2a(frh->tos, b, sizeof(b)));
	if (tb[FRA_FWMARK] || tb[FRA_FWMASK]) {
		uint32_t mark = tb[FRA_FWMARK] ? nla_get_u32(tb[FRA_FWMARK]) : 0;
		uint32_t mask = tb[FRA_FWMASK] ? nla_get_u32(tb[FRA_FWMASK]) : 0;

		hex_(p, "fwmark", " fwmark %#llx", mark);
		if (tb[FRA_FWMASK] && mask != 0xffffffffu)
			hex_(p, "fwmask", "/%#llx", mask);
	}
	if (tb[FRA_IFNAME]) {
		str(p, "iif", " iif %s", nla_get_string(tb[FRA_IFNAME]));
		if (frh->flags & FIB_RULE_IIF_DETACHED)
			null_(p, "iif_detached", " [detached]");
	}
	if (tb[FRA_OIFNAME]) {
		str(p, "oif", " oif %s", nla_get_string(tb[FRA_OIFNAME]));
		if (frh->flags & FIB_RULE_OIF_DETACHED)
			null_(p, "oif_detached", " [detached]");
	}
	if (tb[FRA_L3MDEV] && nla_get_u8(tb[FRA_L3MDEV]))
		null_(p, "l3mdev", " lookup [l3mdev-table]");
	if (tb[FRA_UID_RANGE]) {
		const struct fib_rule_uid_range *r = nla_data(tb[FRA_UID_RANGE]);

		uint_(p, "uid_start", " uidrange %llu", r->start);
		uint_(p, "uid_end", "-%llu", r->end);
	}
	if (tb[FRA_IP_PROTO])
		str(p, "ipproto", " ipproto %s",
		    rt_ipproto_n2a(nla_get_u8(tb[FRA_IP_PROTO]), b, sizeof(b)));
	if (tb[FRA_SPORT_RANGE])
		print_port_range(p, "sport", tb[FRA_SPORT_RANGE]);
	if (tb[FRA_DPORT_RANGE])
		print_port_range(p, "dport", tb[FRA_DPORT_RANGE]);
	if (tb[FRA_TUN_ID])
		uint_(p, "tun_id", " tun_id %llu", be64_of(tb[FRA_TUN_ID]));
	table = tb[FRA_TABLE] ? nla_get_u32(tb[FRA_TABLE]) : frh->table;
	if (table) {
		str(p, "table", " lookup %s", rt_table_n2a(table, b, sizeof(b)));
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
			str(p, "suppress_ifgroup", " suppress_ifgroup %s",
			    rt_group_n2a(nla_get_u32(tb[FRA_SUPPRESS_IFGROUP]),
					 b, sizeof(b)));
	}
	if (tb[FRA_FLOW]) {
		uint32_t to = nla_get_u32(tb[FRA_FLOW]), from = to >> 16;

		to &= 0xffff;
		if (from)
			str(p, "flow_from", " realms %s/",
			    rt_realm_n2a(from, b, sizeof(b)));
		else if (!p->json)
			fputs(" realms ", stdout);
		str(p, "flow_to", "%s", rt_realm_n2a(to, b, sizeof(b)));
	}
	if (frh->action == RTN_NAT) {
		if (tb[RTA_GATEWAY])
			str(p, "nat_gateway", " map-to %s",
			    addr(frh->family, tb[RTA_GATEWAY], b, sizeof(b)));
		else
			null_(p, "masquerade", " masquerade");
	} else if (frh->action == FR_ACT_GOTO) {
		if (tb[FRA_GOTO])
			uint_(p, "goto", " goto %llu", nla_get_u32(tb[FRA_GOTO]));
		else
			str(p, "goto", " goto %s", "none");
		if (frh->flags & FIB_RULE_UNRESOLVED)
			null_(p, "unresolved", " [unresolved]");
	} else if (frh->action == FR_ACT_NOP) {
		null_(p, "nop", " nop");
	} else if (frh->action != FR_ACT_TO_TBL) {
		str(p, "action", " %s", rt_type_n2a(frh->action, b, sizeof(b)));
	}
	if (tb[FRA_PROTOCOL]) {
		uint8_t proto = nla_get_u8(tb[FRA_PROTOCOL]);

		if ((proto && proto != RTPROT_KERNEL) || p->sh->o.details)
			str(p, "protocol", " proto %s",
			    rt_proto_n2a(proto, b, sizeof(b)));
	}
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

static int list_filter(struct nsh *sh, const struct nsh_args *a, int af,
		       struct rule_filter *f)
{
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (!a->bind[i].opt)
			continue;
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
		case RL_UIDRANGE:
			f->uidrange = true;
			f->uid_start = lo32(v);
			f->uid_end = hi32(v);
			break;
		case RL_TUN_ID:
			f->tun_id = (uint64_t)v->num;
			break;
		case RL_TABLE:
			f->tb = (uint32_t)v->num;
			break;
		case RL_FROM:
			if (filter_prefix(sh, v, af, &f->src))
				return 1;
			break;
		case RL_PROTO:
			f->protocol = v->special ? 0 : (int)v->num;
			f->protocolmask = v->special ? 0 : -1;
			break;
		case RL_IPPROTO:
			f->ipproto = (uint8_t)v->num;
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
			if (filter_prefix(sh, v, af, &f->dst))
				return 1;
			break;
		default:
			break;
		}
	}
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

static int rule_list(struct nsh *sh, const struct nsh_args *a, bool flush)
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

static int cmd_list(struct nsh *sh, const struct nsh_args *a)
{
	return rule_list(sh, a, false);
}

static int cmd_flush(struct nsh *sh, const struct nsh_args *a)
{
	return rule_list(sh, a, true);
}

/* ------------------------------------------------------------ modify */

/* FROM/TO: the prefix in the rule's family (iproute2 does not take the
 * family from the address: an IPv6 rule needs -6) */
static int rule_prefix(struct nsh *sh, struct nl_msg *msg, int family,
		       const struct nsh_val *v, int attr, uint8_t *len)
{
	int n;

	if (!v->special && family && v->pfx.family != family)
		return nsh_err(sh, "'%s': not an %s prefix", v->text,
			       family == AF_INET ? "IPv4" : "IPv6");
	if (v->special == 'a')
		n = 0;
	else if (v->special == 'd')
		n = family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
	else
		n = v->pfx.family == AF_INET ? 4 : 16;
	*len = v->special ? 0 : (uint8_t)v->pfx.len;
	if (nla_put(msg, attr, n, v->pfx.addr) < 0)
		return nsh_err(sh, "out of memory");
	return 0;
}

/* the words of A into MSG (iprule_modify's loop); 0 or 1 */
static int rule_words(struct nsh *sh, const struct nsh_args *a, int cmd,
		      struct nl_msg *msg, const char **subject)
{
	struct fib_rule_hdr *frh = nlmsg_data(nlmsg_hdr(msg));
	bool table_ok = false, l3mdev = false;
	uint32_t tid = 0;

	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct nsh_val *v = ipl_arg(a, i, 0);
		int err = 0;

		if (!a->bind[i].opt || a->bind[i].opt->key >= IPL_KEY_GLOBAL)
			continue;
		if (!*subject)
			*subject = v ? v->text : a->bind[i].v.text;
		switch (a->bind[i].opt->key) {
		case RU_NOT:
			frh->flags |= FIB_RULE_INVERT;
			break;
		case RU_FROM:
			if (rule_prefix(sh, msg, frh->family, v, FRA_SRC,
					&frh->src_len))
				return 1;
			break;
		case RU_TO:
			if (rule_prefix(sh, msg, frh->family, v, FRA_DST,
					&frh->dst_len))
				return 1;
			break;
		case RU_PREF:
			err = nla_put_u32(msg, FRA_PRIORITY, (uint32_t)v->num);
			break;
		case RU_TOS:
			frh->tos = (uint8_t)v->num;
			break;
		case RU_FWMARK: {
			uint32_t mask;

			err = nla_put_u32(msg, FRA_FWMARK, (uint32_t)v->num);
			memcpy(&mask, v->pfx.addr, 4);
			if (!err && v->pfx.len)
				err = nla_put_u32(msg, FRA_FWMASK, mask);
			break;
		}
		case RU_REALMS:
			err = nla_put_u32(msg, FRA_FLOW, (uint32_t)v->num);
			break;
		case RU_PROTO:
			err = nla_put_u8(msg, FRA_PROTOCOL, (uint8_t)v->num);
			break;
		case RU_TUN_ID:
			err = nla_put_u64(msg, FRA_TUN_ID,
					  htobe64((uint64_t)v->num));
			break;
		case RU_TABLE:
			tid = (uint32_t)v->num;
			if (tid < 256) {
				frh->table = (uint8_t)tid;
			} else {
				frh->table = RT_TABLE_UNSPEC;
				err = nla_put_u32(msg, FRA_TABLE, tid);
			}
			table_ok = true;
			break;
		case RU_SUP_PL:
			if (v->num < 0)
				return nsh_err(sh, "'%s': a prefix length is 0 "
						   "or more", v->text);
			err = nla_put_u32(msg, FRA_SUPPRESS_PREFIXLEN,
					  (uint32_t)v->num);
			break;
		case RU_SUP_GROUP:
			err = nla_put_u32(msg, FRA_SUPPRESS_IFGROUP,
					  (uint32_t)v->num);
			break;
		case RU_IIF:
		case RU_OIF:
			if (strlen(v->text) >= IF_NAMESIZE ||
			    strpbrk(v->text, "/ \t\n:") || !v->text[0])
				return nsh_err(sh, "'%s': not a valid link "
						   "name", v->text);
			err = nla_put_string(msg, a->bind[i].opt->key == RU_IIF ?
						     FRA_IFNAME : FRA_OIFNAME,
					     v->text);
			break;
		case RU_L3MDEV:
			err = nla_put_u8(msg, FRA_L3MDEV, 1);
			table_ok = l3mdev = true;
			break;
		case RU_UIDRANGE: {
			struct fib_rule_uid_range r = { lo32(v), hi32(v) };

			err = nla_put(msg, FRA_UID_RANGE, sizeof(r), &r);
			break;
		}
		case RU_NAT: {
			uint32_t gw;

			if (v->pfx.family != AF_INET)
				return nsh_err(sh, "'%s': not an IPv4 address",
					       v->text);
			nsh_warn(sh, "route NAT is deprecated");
			memcpy(&gw, v->pfx.addr, 4);
			err = nla_put_u32(msg, RTA_GATEWAY, gw);
			frh->action = RTN_NAT;
			break;
		}
		case RU_IPPROTO:
			err = nla_put_u8(msg, FRA_IP_PROTO, (uint8_t)v->num);
			break;
		case RU_SPORT:
		case RU_DPORT: {
			struct fib_rule_port_range r = {
				(uint16_t)lo32(v), (uint16_t)hi32(v)
			};

			err = nla_put(msg, a->bind[i].opt->key == RU_SPORT ?
					      FRA_SPORT_RANGE : FRA_DPORT_RANGE,
				      sizeof(r), &r);
			break;
		}
		case RU_TYPE:
			/* goto N, nop, or a route type */
			if (v->special == 'g') {
				frh->action = FR_ACT_GOTO;
				err = nla_put_u32(msg, FRA_GOTO,
						  (uint32_t)ipl_arg(a, i, 1)->num);
			} else if (v->special == 'n') {
				frh->action = FR_ACT_NOP;
			} else {
				frh->action = (uint8_t)v->num;
			}
			table_ok = true;
			break;
		default:
			break;
		}
		if (err < 0)
			return nsh_err(sh, "out of memory");
		frh = nlmsg_data(nlmsg_hdr(msg));
	}
	if (l3mdev && tid)
		return nsh_err(sh, "table can not be specified for l3mdev "
				   "rules");
	if (!frh->family)
		frh->family = AF_INET;
	if (!table_ok && cmd == RTM_NEWRULE)
		frh->table = RT_TABLE_MAIN;
	return 0;
}

static int modify(struct nsh *sh, const struct nsh_args *a, int cmd)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nlmsg_alloc_simple(cmd, NLM_F_REQUEST |
			(cmd == RTM_NEWRULE ? NLM_F_CREATE | NLM_F_EXCL : 0));
	struct fib_rule_hdr frh = {
		.family = (uint8_t)sh->o.family,
		.action = cmd == RTM_NEWRULE ? FR_ACT_TO_TBL : FR_ACT_UNSPEC,
	};
	const char *subject = NULL;
	struct nl_sock *sk;
	char why[256];
	int err;

	rt_names_reset(sh->o.numeric);
	if (!has_words(a))
		return nsh_err(sh, "\"ip rule %s\" requires arguments",
			       cmd == RTM_NEWRULE ? "add" : "del");
	if (sh->o.family && sh->o.family != AF_INET &&
	    sh->o.family != AF_INET6)
		return nsh_err(sh, "-%s: nsh does only IPv4 and IPv6 rules",
			       rt_family_name(sh->o.family));
	if (!msg || nlmsg_append(msg, &frh, sizeof(frh), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	if (rule_words(sh, a, cmd, msg, &subject))
		return 1;
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	err = ipr_ack(sk, msg);
	if (err >= 0)
		return 0;
	if (cmd == RTM_NEWRULE && nl_last_errno() == EEXIST)
		return nsh_err(sh, "'%s': rule already exists", subject);
	if (cmd == RTM_DELRULE && nl_last_errno() == ENOENT)
		return nsh_err(sh, "'%s': no such rule", subject);
	return nsh_err(sh, "'%s': %s", subject,
		       nl_reason(err, why, sizeof(why)));
}

static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWRULE);
}

static int cmd_del(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_DELRULE);
}

/* ------------------------------------------------------------ grammar */

/* [type] ACTION: goto N, nop, or a route type (unicast, blackhole,
 * unreachable, prohibit, nat …) */
static int parse_action(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, "goto|nop|unicast|blackhole|"
				       "unreachable|prohibit|nat");
	uint32_t type;

	if (!w)
		return p->completing ? -2 : -1;
	if (ipl_matches(w, "goto")) {
		if (rt_bind_word(p, o, p->i++, 'g'))
			return -1;
		if (!ipl_need(p, o, "NUM"))
			return p->completing ? -2 : -1;
		if (ipl_bind_val(p, o, "NUM", p->i))
			return -1;
		p->i++;
		return 0;
	}
	if (ipl_matches(w, "nop"))
		return rt_bind_word(p, o, p->i++, 'n');
	if (rt_type_a2n(w, &type) < 0)
		return ipl_fail(p, p->i, "'%s': not a rule action (goto, nop, "
				"unicast, blackhole, unreachable, prohibit, "
				"nat) nor a keyword", w);
	if (ipl_bind_val(p, o, "RTTYPE", p->i))
		return -1;
	p->i++;
	return 0;
}

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

/* iprule_modify's words, in its order */
static const struct ipl_opt rule_rows[] = {
	{ "not", 0, NULL, RU_NOT, "invert the selector" },
	{ "from", 0, "RTMATCH", RU_FROM, "the source prefix" },
	{ "to", 0, "RTMATCH", RU_TO, "the destination prefix" },
	{ "preference", P, "NUM", RU_PREF, "the priority" },
	{ "order", P | A, "NUM", RU_PREF },
	{ "priority", P | A, "NUM", RU_PREF },
	{ "tos", 0, "DSFIELD", RU_TOS, "the TOS" },
	{ "dsfield", P | A, "DSFIELD", RU_TOS },
	{ "fwmark", 0, "FWMARK", RU_FWMARK, "the firewall mark[/mask]" },
	{ "realms", P, "REALMS", RU_REALMS, "the realms" },
	{ "protocol", P, "RTPROTO", RU_PROTO, "who made it" },
	{ "tun_id", P, "NUM64", RU_TUN_ID, "the tunnel ID" },
	{ "table", P, "TABLE", RU_TABLE, "the table to look up" },
	{ "lookup", A, "TABLE", RU_TABLE },
	{ "suppress_prefixlength", P, "INT", RU_SUP_PL,
	  "ignore routes this long or shorter" },
	{ "sup_pl", A, "INT", RU_SUP_PL },
	{ "suppress_ifgroup", P, "GROUP", RU_SUP_GROUP,
	  "ignore routes via this link group" },
	{ "sup_group", A, "GROUP", RU_SUP_GROUP },
	{ "dev", 0, "DEV", RU_IIF, "the input link" },
	{ "iif", A, "DEV", RU_IIF },
	{ "oif", 0, "DEV", RU_OIF, "the output link" },
	{ "l3mdev", 0, NULL, RU_L3MDEV, "the table of the L3 master device" },
	{ "uidrange", 0, "UIDRANGE", RU_UIDRANGE, "the user IDs" },
	{ "nat", 0, "ADDR", RU_NAT, "route NAT (deprecated)" },
	{ "map-to", P | A, "ADDR", RU_NAT },
	{ "ipproto", 0, "IPPROTO", RU_IPPROTO, "the IP protocol" },
	{ "sport", 0, "PORTRANGE", RU_SPORT, "the source port(s)" },
	{ "dport", 0, "PORTRANGE", RU_DPORT, "the destination port(s)" },
	{ "type", IPL_DEFAULT, "ACTION", RU_TYPE,
	  "the action: goto N, nop, blackhole, unreachable, prohibit …",
	  NULL, parse_action },
	{ NULL },
};

static const struct ipl_table rule_opts = { "ip rule add", rule_rows };

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

static const struct ipl_table rule_list_opts = { "ip rule show", list_rows };

/* do_iprule's verbs, in its order */
static const struct nsh_cmd rule_cmds[] = {
	{ "ip rule list/lst/show", "list the rules (-6: IPv6)", cmd_list, 0,
	  "ip rule show", NULL, &rule_list_opts },
	{ "ip rule save", "write rules as a binary dump (the real ip)", NULL },
	{ "ip rule restore", "read a binary dump (the real ip)", NULL },
	{ "ip rule add", "add a policy routing rule", cmd_add, NSH_CMD_MUTATES,
	  "ip rule add from 10.1.0.0/16 table 100", NULL, &rule_opts },
	{ "ip rule delete", "delete a rule", cmd_del, NSH_CMD_MUTATES,
	  "ip rule del from 10.1.0.0/16 table 100", NULL, &rule_opts },
	{ "ip rule flush", "delete the rules a selector picks (not 0)",
	  cmd_flush, NSH_CMD_MUTATES, "ip rule flush", NULL, &rule_list_opts },
	{ "ip rule", "list the rules", cmd_list },
	{ NULL },
};

const struct nsh_family rule_family = {
	"rule", "ip rule: policy routing rules", rule_cmds,
};
