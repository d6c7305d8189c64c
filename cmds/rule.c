/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rule.c - `ip rule …` natively, as iproute2 6.1 (ip/iprule.c): add and
 * delete with iprule_modify's words in its order (not, from, to,
 * preference, tos, fwmark, realms, protocol, tun_id, table, suppressors,
 * iif, oif, l3mdev, uidrange, nat, ipproto, sport, dport and the action),
 * list and flush with its filter, and print_rule's layout in text and -j
 * JSON (list and flush are in rule_show.c).  save and restore (binary
 * dumps) are left to the real ip.
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

#include "rule.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

enum rule_key {
	RU_NOT = 1, RU_FROM, RU_TO, RU_PREF, RU_TOS, RU_FWMARK, RU_REALMS,
	RU_PROTO, RU_TUN_ID, RU_TABLE, RU_SUP_PL, RU_SUP_GROUP, RU_IIF,
	RU_OIF, RU_L3MDEV, RU_UIDRANGE, RU_NAT, RU_IPPROTO, RU_SPORT,
	RU_DPORT, RU_TYPE,
};

static bool has_words(const struct nsh_args *a)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && a->bind[i].opt->key < IPL_KEY_GLOBAL)
			return true;
	return false;
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

/* a rule being built: its message and what the words said so far */
struct rule_req {
	struct nsh *sh;
	struct nl_msg *msg;
	bool table_ok, l3mdev;
	uint32_t tid;
};

static struct fib_rule_hdr *req_frh(struct rule_req *q)
{
	return nlmsg_data(nlmsg_hdr(q->msg));
}

/* iif DEV, oif DEV: FRA_IFNAME, FRA_OIFNAME */
static int ifname_word(struct rule_req *q, const struct nsh_val *v, int key)
{
	if (strlen(v->text) >= IF_NAMESIZE || strpbrk(v->text, "/ \t\n:") ||
	    !v->text[0])
		return nsh_err(q->sh, "'%s': not a valid link name", v->text);
	return nla_put_string(q->msg, key == RU_IIF ? FRA_IFNAME : FRA_OIFNAME,
			      v->text);
}

/* fwmark MARK[/MASK]: FRA_FWMARK, FRA_FWMASK */
static int fwmark_word(struct rule_req *q, const struct nsh_val *v)
{
	uint32_t mask;
	int err = nla_put_u32(q->msg, FRA_FWMARK, (uint32_t)v->num);

	memcpy(&mask, v->pfx.addr, 4);
	if (!err && v->pfx.len)
		err = nla_put_u32(q->msg, FRA_FWMASK, mask);
	return err;
}

/* uidrange, sport, dport: FRA_UID_RANGE, FRA_SPORT_RANGE, FRA_DPORT_RANGE */
static int range_word(struct rule_req *q, const struct nsh_val *v, int key)
{
	struct fib_rule_uid_range u = { lo32(v), hi32(v) };
	struct fib_rule_port_range r = { (uint16_t)lo32(v), (uint16_t)hi32(v) };

	if (key == RU_UIDRANGE)
		return nla_put(q->msg, FRA_UID_RANGE, sizeof(u), &u);
	return nla_put(q->msg, key == RU_SPORT ? FRA_SPORT_RANGE :
						 FRA_DPORT_RANGE,
		       sizeof(r), &r);
}

/* a selector word (KEY, value V): 0, 1 after reporting, or a negative
 * libnl error */
static int selector_word(struct rule_req *q, const struct nsh_val *v,
			 int key)
{
	struct fib_rule_hdr *frh = req_frh(q);

	switch (key) {
	case RU_NOT:
		frh->flags |= FIB_RULE_INVERT;
		return 0;
	case RU_FROM:
		return rule_prefix(q->sh, q->msg, frh->family, v, FRA_SRC,
				   &frh->src_len);
	case RU_TO:
		return rule_prefix(q->sh, q->msg, frh->family, v, FRA_DST,
				   &frh->dst_len);
	case RU_PREF:
		return nla_put_u32(q->msg, FRA_PRIORITY, (uint32_t)v->num);
	case RU_TOS:
		frh->tos = (uint8_t)v->num;
		return 0;
	case RU_FWMARK:
		return fwmark_word(q, v);
	case RU_REALMS:
		return nla_put_u32(q->msg, FRA_FLOW, (uint32_t)v->num);
	case RU_PROTO:
		return nla_put_u8(q->msg, FRA_PROTOCOL, (uint8_t)v->num);
	case RU_TUN_ID:
		return nla_put_u64(q->msg, FRA_TUN_ID, htobe64((uint64_t)v->num));
	case RU_IIF: case RU_OIF:
		return ifname_word(q, v, key);
	case RU_UIDRANGE: case RU_SPORT: case RU_DPORT:
		return range_word(q, v, key);
	case RU_IPPROTO:
		return nla_put_u8(q->msg, FRA_IP_PROTO, (uint8_t)v->num);
	default:
		return 0;
	}
}

/* nat ADDR: the gateway and the NAT action */
static int nat_word(struct rule_req *q, const struct nsh_val *v)
{
	uint32_t gw;

	if (v->pfx.family != AF_INET)
		return nsh_err(q->sh, "'%s': not an IPv4 address", v->text);
	nsh_warn(q->sh, "route NAT is deprecated");
	memcpy(&gw, v->pfx.addr, 4);
	req_frh(q)->action = RTN_NAT;
	return nla_put_u32(q->msg, RTA_GATEWAY, gw);
}

/* [type] ACTION at binding I: goto N, nop, or a route type */
static int type_word(struct rule_req *q, const struct nsh_args *a, int i)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	struct fib_rule_hdr *frh = req_frh(q);

	q->table_ok = true;
	if (v->special == 'g') {
		frh->action = FR_ACT_GOTO;
		return nla_put_u32(q->msg, FRA_GOTO,
				   (uint32_t)ipl_arg(a, i, 1)->num);
	}
	frh->action = v->special == 'n' ? FR_ACT_NOP : (uint8_t)v->num;
	return 0;
}

/* an action word (table, suppressors, l3mdev, nat, type) at binding I:
 * 0, 1 after reporting, or a negative libnl error */
static int action_word(struct rule_req *q, const struct nsh_args *a, int i,
		       int key)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	struct fib_rule_hdr *frh = req_frh(q);

	switch (key) {
	case RU_TABLE:
		q->tid = (uint32_t)v->num;
		q->table_ok = true;
		if (q->tid < 256) {
			frh->table = (uint8_t)q->tid;
			return 0;
		}
		frh->table = RT_TABLE_UNSPEC;
		return nla_put_u32(q->msg, FRA_TABLE, q->tid);
	case RU_SUP_PL:
		if (v->num < 0)
			return nsh_err(q->sh, "'%s': a prefix length is 0 or "
					      "more", v->text);
		return nla_put_u32(q->msg, FRA_SUPPRESS_PREFIXLEN,
				   (uint32_t)v->num);
	case RU_SUP_GROUP:
		return nla_put_u32(q->msg, FRA_SUPPRESS_IFGROUP,
				   (uint32_t)v->num);
	case RU_L3MDEV:
		q->table_ok = q->l3mdev = true;
		return nla_put_u8(q->msg, FRA_L3MDEV, 1);
	case RU_NAT:
		return nat_word(q, v);
	case RU_TYPE:
		return type_word(q, a, i);
	default:
		return selector_word(q, v, key);
	}
}

/* the words of A into MSG (iprule_modify's loop); 0 or 1 */
static int rule_words(struct nsh *sh, const struct nsh_args *a, int cmd,
		      struct nl_msg *msg, const char **subject)
{
	struct rule_req q = { .sh = sh, .msg = msg };
	struct fib_rule_hdr *frh;

	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct nsh_val *v = ipl_arg(a, i, 0);
		int err;

		if (!a->bind[i].opt || a->bind[i].opt->key >= IPL_KEY_GLOBAL)
			continue;
		if (!*subject)
			*subject = v ? v->text : a->bind[i].v.text;
		err = action_word(&q, a, i, a->bind[i].opt->key);
		if (err > 0)
			return 1;
		if (err < 0)
			return nsh_err(sh, "out of memory");
	}
	if (q.l3mdev && q.tid)
		return nsh_err(sh, "table can not be specified for l3mdev "
				   "rules");
	frh = req_frh(&q);
	if (!frh->family)
		frh->family = AF_INET;
	if (!q.table_ok && cmd == RTM_NEWRULE)
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
