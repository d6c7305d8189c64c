/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route.c - `ip route …` natively, as iproute2 6.1 (ip/iproute.c): add,
 * change, replace, prepend, append, test and delete with iproute_modify's
 * words in its order and match modes (route types, gateways of another
 * family, metrics, multipath next hops, nexthop objects, lightweight
 * tunnels, tables by number or name …); list and flush are in
 * route_list.c, get in route_get.c; save, restore and showdump (binary
 * dumps) are left to the real ip.
 *
 * The request is the RTM_NEWROUTE (RTM_DELROUTE) iproute2 sends, header
 * and attributes, so that `ip -j route` cannot tell which tool made a
 * route: protocol boot unless given, table main (or local for local,
 * broadcast, nat and anycast routes), scope link for a route without a
 * gateway, host for local and nat, universe else; for a delete, the
 * protocol, type and scope left open.  What the kernel refuses changes
 * nothing; its reason is reported in one line that names the word.
 * Gateways, multipath next hops and encaps are in route_nh.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/lwtunnel.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/vrf.h>

#include "route_req.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)
DEFINE_PUTP(struct rtnl_link, rtnl_link_put)

/* ------------------------------------------------------------ helpers */

int rt_vrf_table(struct nsh *sh, const char *name, uint32_t *ret)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	const char *kind;

	if (link_lookup(sh, name, &l))
		return 1;
	kind = rtnl_link_get_type(l);
	if (!kind || !streq(kind, "vrf") || rtnl_link_vrf_get_tableid(l, ret) < 0
	    || !*ret)
		return nsh_err(sh, "'%s': not a VRF", name);
	return 0;
}

/* ------------------------------------------------------------ the words */

static struct rtmsg *req_rtm(struct route_req *q)
{
	return nlmsg_data(nlmsg_hdr(q->msg));
}

/* a metric: [lock] VALUE */
static void metric(struct route_req *q, const struct nsh_args *a, int i,
		   int rtax, uint32_t mult)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	uint32_t val;

	if (streq(v->text, "lock") && ipl_arg(a, i, 1)) {
		q->mxlock |= 1u << rtax;
		v = ipl_arg(a, i, 1);
	}
	val = (uint32_t)v->num;
	/* a time without a unit is the kernel's own units */
	if (mult > 1 && v->special != 'r')
		val *= mult;
	abuf_u32(&q->mx, rtax, val);
}

/* the words that are a plain metric ([lock] VALUE): its RTAX_* and the
 * multiplier of a time without a unit */
static const struct {
	uint8_t rtax, mult;
} metric_words[] = {
	[RK_MTU] = { RTAX_MTU, 1 },
	[RK_HOPLIMIT] = { RTAX_HOPLIMIT, 1 },
	[RK_ADVMSS] = { RTAX_ADVMSS, 1 },
	[RK_REORDERING] = { RTAX_REORDERING, 1 },
	[RK_RTT] = { RTAX_RTT, 8 },
	[RK_WINDOW] = { RTAX_WINDOW, 1 },
	[RK_CWND] = { RTAX_CWND, 1 },
	[RK_INITCWND] = { RTAX_INITCWND, 1 },
	[RK_INITRWND] = { RTAX_INITRWND, 1 },
	[RK_RTTVAR] = { RTAX_RTTVAR, 4 },
	[RK_SSTHRESH] = { RTAX_SSTHRESH, 1 },
};

/* the other RTA_METRICS words: rto_min, features, quickack, congctl,
 * fastopen_no_cookie */
static void metric_word(struct route_req *q, const struct nsh_args *a,
			int i, int key)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);

	switch (key) {
	case RK_RTO_MIN:
		q->mxlock |= 1u << RTAX_RTO_MIN;
		abuf_u32(&q->mx, RTAX_RTO_MIN, (uint32_t)v->num);
		break;
	case RK_FEATURES:
		abuf_u32(&q->mx, RTAX_FEATURES, RTAX_FEATURE_ECN);
		break;
	case RK_QUICKACK:
		abuf_u32(&q->mx, RTAX_QUICKACK, v->text[0] == '1');
		break;
	case RK_CONGCTL:
		if (streq(v->text, "lock") && ipl_arg(a, i, 1)) {
			q->mxlock |= 1u << RTAX_CC_ALGO;
			v = ipl_arg(a, i, 1);
		}
		abuf_put(&q->mx, RTAX_CC_ALGO, v->text, strlen(v->text));
		break;
	case RK_FASTOPEN:
		abuf_u32(&q->mx, RTAX_FASTOPEN_NO_COOKIE, v->text[0] == '1');
		break;
	default:
		break;
	}
}

/* [TYPE] PREFIX at binding I: the destination */
static int dst_word(struct route_req *q, const struct nsh_args *a, int i)
{
	const struct nsh_val *d = ipl_arg(a, i, 0);
	struct rtmsg *r = req_rtm(q);
	int n;

	if (ipl_arg(a, i, 1)) {	/* the route type first */
		r->rtm_type = (unsigned char)d->num;
		q->type_ok = true;
		d = ipl_arg(a, i, 1);
	}
	if (rt_fam_take(q->sh, &q->fam, d))
		return 1;
	q->dst = d;
	q->dst_ok = true;
	r->rtm_dst_len = d->special ? 0 : (unsigned char)d->pfx.len;
	n = rt_val_bytes(d, q->fam.family);
	return n ? nla_put(q->msg, RTA_DST, n, d->pfx.addr) : 0;
}

/* the address words (src, as, from, to; via is rt_gateway's): 0, 1
 * after reporting, or a negative libnl error */
static int addr_word(struct route_req *q, const struct nsh_args *a, int i,
		     int key)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	int n;

	if (key == RK_TO)
		return dst_word(q, a, i);
	if (key == RK_AS && streq(v->text, "to") && ipl_arg(a, i, 1))
		v = ipl_arg(a, i, 1);
	if (rt_fam_take(q->sh, &q->fam, v))
		return 1;
	if (key == RK_SRC) {
		q->src = v;
		return nla_put(q->msg, RTA_PREFSRC, rt_val_bytes(v, 0),
			       v->pfx.addr);
	}
	if (key == RK_AS)
		return nla_put(q->msg, RTA_NEWDST, rt_val_bytes(v, 0),
			       v->pfx.addr);
	n = rt_val_bytes(v, q->fam.family);	/* RK_FROM */
	if (n && nla_put(q->msg, RTA_SRC, n, v->pfx.addr) < 0)
		return -NLE_NOMEM;
	req_rtm(q)->rtm_src_len = v->special ? 0 : (unsigned char)v->pfx.len;
	return 0;
}

/* table TABLE, vrf DEV: the table in the header, else RTA_TABLE */
static int table_word(struct route_req *q, const struct nsh_args *a, int i,
		      int key)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	uint32_t tid = (uint32_t)v->num;
	struct rtmsg *r = req_rtm(q);

	if (key == RK_VRF && rt_vrf_table(q->sh, v->text, &tid))
		return 1;
	q->table_ok = true;
	if (tid < 256) {
		r->rtm_table = (unsigned char)tid;
		return 0;
	}
	r->rtm_table = RT_TABLE_UNSPEC;
	return nla_put_u32(q->msg, RTA_TABLE, tid);
}

/* encap TYPE …: RTA_ENCAP and RTA_ENCAP_TYPE */
static int encap_word(struct route_req *q, const struct nsh_args *a, int i)
{
	struct abuf e = { .n = 0 };
	uint16_t type;
	int err;

	if (rt_build_encap(q->sh, a, i, &e, &type))
		return 1;
	err = nla_put(q->msg, RTA_ENCAP | NLA_F_NESTED, (int)e.n, e.b);
	if (!err)
		err = nla_put_u16(q->msg, RTA_ENCAP_TYPE, type);
	return err;
}

/* the header's words: tos, scope, onlink, protocol */
static void header_word(struct route_req *q, const struct nsh_val *v,
			int key)
{
	struct rtmsg *r = req_rtm(q);

	if (key == RK_TOS) {
		r->rtm_tos = (unsigned char)v->num;
	} else if (key == RK_SCOPE) {
		r->rtm_scope = (unsigned char)v->num;
		q->scope_ok = true;
	} else if (key == RK_ONLINK) {
		r->rtm_flags |= RTNH_F_ONLINK;
	} else if (key == RK_PROTO) {
		r->rtm_protocol = (unsigned char)v->num;
	}
}

/* one word (binding I) but `nexthop` into Q's request: 0, 1 after
 * reporting, or a negative libnl error */
static int route_word(struct route_req *q, const struct nsh_args *a, int i)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	int key = a->bind[i].opt->key;

	if (key < (int)ARRAY_SIZE(metric_words) && metric_words[key].mult) {
		metric(q, a, i, metric_words[key].rtax, metric_words[key].mult);
		return 0;
	}
	switch (key) {
	case RK_SRC: case RK_AS: case RK_FROM: case RK_TO:
		return addr_word(q, a, i, key);
	case RK_VIA:
		q->gw_ok = true;
		return rt_gateway(q, a, i, NULL);
	case RK_TOS: case RK_SCOPE: case RK_ONLINK: case RK_PROTO:
		header_word(q, v, key);
		return 0;
	case RK_TABLE: case RK_VRF:
		return table_word(q, a, i, key);
	case RK_EXPIRES:
		return nla_put_u32(q->msg, RTA_EXPIRES, (uint32_t)v->num);
	case RK_METRIC:
		return nla_put_u32(q->msg, RTA_PRIORITY, (uint32_t)v->num);
	case RK_REALMS:
		return nla_put_u32(q->msg, RTA_FLOW, (uint32_t)v->num);
	case RK_NHID:
		q->nhid = (uint32_t)v->num;
		return nla_put_u32(q->msg, RTA_NH_ID, q->nhid);
	case RK_DEV:
		q->dev = v->text;
		return 0;
	case RK_PREF:
		return nla_put_u8(q->msg, RTA_PREF, (uint8_t)v->num);
	case RK_ENCAP:
		return encap_word(q, a, i);
	case RK_TTLPROP:
		return nla_put_u8(q->msg, RTA_TTL_PROPAGATE, (uint8_t)v->num);
	default:
		metric_word(q, a, i, key);
		return 0;
	}
}

/* what follows the words: RTA_OIF, RTA_METRICS, RTA_MULTIPATH (from
 * binding NH_FROM, or none if negative); 0, or 1 after reporting */
static int route_finish(struct route_req *q, const struct nsh_args *a,
			int nh_from)
{
	struct nsh *sh = q->sh;

	if (!q->dst_ok)
		return nsh_err(sh, "missing the destination (a prefix or "
				   "default)");
	if (q->dev) {
		int idx;

		if (link_index(sh, q->dev, &idx) ||
		    nla_put_u32(q->msg, RTA_OIF, (uint32_t)idx) < 0)
			return 1;
	}
	if (q->mx.n) {
		if (q->mxlock)
			abuf_u32(&q->mx, RTAX_LOCK, q->mxlock);
		if (nla_put(q->msg, RTA_METRICS, (int)q->mx.n, q->mx.b) < 0)
			return nsh_err(sh, "out of memory");
	}
	if (nh_from >= 0 && rt_nexthops(q, a, nh_from))
		return 1;
	return 0;
}

/* the words of A into Q's request (iproute_modify's loop); 0 or 1 */
static int route_words(struct route_req *q, const struct nsh_args *a)
{
	int nh_from = -1;

	for (int i = 0; i < a->nbind && nh_from < 0; i = ipl_next(a, i)) {
		int err = 0;

		if (a->bind[i].opt->key == RK_NEXTHOP) {
			q->nhs_ok = true;
			nh_from = i;
		} else {
			err = route_word(q, a, i);
		}
		if (err > 0)
			return 1;
		if (err < 0 || q->mx.full)
			return nsh_err(q->sh, "too long a request");
	}
	return route_finish(q, a, nh_from);
}


/* the header's defaults, once the words are read (iproute_modify) */
static void route_defaults(struct route_req *q)
{
	struct rtmsg *r = req_rtm(q);

	if (!q->fam.family)
		q->fam.family = AF_INET;
	r->rtm_family = (unsigned char)q->fam.family;
	if (!q->table_ok && (r->rtm_type == RTN_LOCAL ||
			     r->rtm_type == RTN_BROADCAST ||
			     r->rtm_type == RTN_NAT ||
			     r->rtm_type == RTN_ANYCAST))
		r->rtm_table = RT_TABLE_LOCAL;
	if (!q->scope_ok) {
		if (r->rtm_family == AF_INET6 || r->rtm_family == AF_MPLS)
			r->rtm_scope = RT_SCOPE_UNIVERSE;
		else if (r->rtm_type == RTN_LOCAL || r->rtm_type == RTN_NAT)
			r->rtm_scope = RT_SCOPE_HOST;
		else if (r->rtm_type == RTN_BROADCAST ||
			 r->rtm_type == RTN_MULTICAST ||
			 r->rtm_type == RTN_ANYCAST)
			r->rtm_scope = RT_SCOPE_LINK;
		else if (r->rtm_type == RTN_UNICAST ||
			 r->rtm_type == RTN_UNSPEC) {
			if (q->cmd == RTM_DELROUTE)
				r->rtm_scope = RT_SCOPE_NOWHERE;
			else if (!q->gw_ok && !q->nhs_ok && !q->nhid)
				r->rtm_scope = RT_SCOPE_LINK;
		}
	}
	if (!q->type_ok && r->rtm_family == AF_MPLS)
		r->rtm_type = RTN_UNICAST;
}

/* the kernel refused: say which word it is about */
static int refused(struct route_req *q, int err)
{
	const char *subject = q->dst ? q->dst->text : "";
	int e = nl_last_errno();
	char why[256];

	if (q->cmd == RTM_NEWROUTE && e == EEXIST)
		return nsh_err(q->sh, "'%s': route already exists", subject);
	/* IPv4 says ESRCH, IPv6 ENOENT */
	if (q->cmd == RTM_DELROUTE && (e == ESRCH || e == ENOENT))
		return nsh_err(q->sh, "'%s': no such route", subject);
	nl_reason(err, why, sizeof(why));
	if (q->via && (strstr(why, "gateway") || strstr(why, "Nexthop") ||
		       strstr(why, "nexthop") || e == ENETUNREACH ||
		       e == EHOSTUNREACH))
		subject = q->via->text;
	else if (q->src && strstr(why, "src"))
		subject = q->src->text;
	return nsh_err(q->sh, "'%s': %s", subject, why);
}

static int modify(struct nsh *sh, const struct nsh_args *a, int cmd,
		  int flags)
{
	/* room for many next hops (libnl's default is a page) */
	_cleanup_(nlmsg_freep) struct nl_msg *msg = nlmsg_alloc_size(16384);
	struct rtmsg r = {
		.rtm_family = (unsigned char)sh->o.family,
		.rtm_table = RT_TABLE_MAIN,
		.rtm_scope = RT_SCOPE_NOWHERE,
	};
	struct route_req q = { .sh = sh, .cmd = cmd,
			       .fam = { .family = sh->o.family } };
	struct nl_sock *sk;
	int err;

	rt_names_reset(sh->o.numeric);
	if (!msg || !nlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, cmd, 0,
			       NLM_F_REQUEST | flags))
		return nsh_err(sh, "out of memory");
	if (sh->o.family && sh->o.family != AF_INET &&
	    sh->o.family != AF_INET6)
		return nsh_err(sh, "-%s: nsh does only IPv4 and IPv6 routes",
			       rt_family_name(sh->o.family));
	if (cmd != RTM_DELROUTE) {
		r.rtm_protocol = RTPROT_BOOT;
		r.rtm_scope = RT_SCOPE_UNIVERSE;
		r.rtm_type = RTN_UNICAST;
	}
	if (nlmsg_append(msg, &r, sizeof(r), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	q.msg = msg;
	if (route_words(&q, a))
		return 1;
	route_defaults(&q);
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	err = ipr_ack(sk, msg);
	if (err < 0)
		return refused(&q, err);
	return 0;
}

static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
}

static int cmd_change(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_REPLACE);
}

static int cmd_replace(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE);
}

static int cmd_prepend(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_CREATE);
}

static int cmd_append(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND);
}

static int cmd_test(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_EXCL);
}

static int cmd_del(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_DELROUTE, 0);
}

static int cmd_show(struct nsh *sh, const struct nsh_args *a)
{
	return route_list(sh, a, false);
}

static int cmd_flush(struct nsh *sh, const struct nsh_args *a)
{
	return route_list(sh, a, true);
}

static int cmd_get(struct nsh *sh, const struct nsh_args *a)
{
	return route_get(sh, a);
}

/* ------------------------------------------------------------ grammar */

/* [TYPE] PREFIX: a type word (not a number) before the prefix */
static int parse_dst(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, "RTPREFIX");
	int family = rt_line_family(p);
	uint32_t type;

	if (!w)
		return p->completing ? -2 : -1;
	if (family && family != AF_INET && family != AF_INET6) {
		ipl_fallback(p);	/* MPLS labels, link addresses … */
		return 0;
	}
	if ((w[0] < '0' || w[0] > '9') && rt_type_a2n(w, &type) == 0) {
		if (ipl_bind_val(p, o, "RTTYPE", p->i++))
			return -1;
		if (!ipl_need(p, o, "RTPREFIX"))
			return p->completing ? -2 : -1;
	}
	if (ipl_bind_val(p, o, "RTPREFIX", p->i))
		return -1;
	p->i++;
	return 0;
}

#define P IPL_PREFIX
#define A IPL_ALIAS
#define LOCK_NUM "[lock] NUM"

/* iproute_modify's words, in its order */
static const struct ipl_opt route_rows[] = {
	{ "src", 0, "ADDR", RK_SRC, "the source address to prefer" },
	{ "as", 0, "[to] ADDR", RK_AS, "the new destination (NAT)" },
	{ "via", 0, "ADDR", RK_VIA, "the gateway ([inet|inet6] ADDR)", NULL,
	  rt_parse_via },
	{ "from", 0, "RTPREFIX", RK_FROM, "the source prefix" },
	{ "tos", 0, "DSFIELD", RK_TOS, "the TOS" },
	{ "dsfield", P | A, "DSFIELD", RK_TOS },
	{ "expires", 0, "NUM", RK_EXPIRES, "seconds to live (IPv6)" },
	{ "metric", P, "NUM", RK_METRIC, "the metric" },
	{ "priority", P | A, "NUM", RK_METRIC },
	{ "preference", A, "NUM", RK_METRIC },
	{ "scope", 0, "RTSCOPE", RK_SCOPE, "the scope" },
	{ "mtu", 0, LOCK_NUM, RK_MTU, "the path MTU" },
	{ "hoplimit", 0, "[lock] NUM8", RK_HOPLIMIT, "the hop limit" },
	{ "advmss", 0, LOCK_NUM, RK_ADVMSS, "the MSS to advertise" },
	{ "reordering", P, LOCK_NUM, RK_REORDERING, "the reordering" },
	{ "rtt", 0, "[lock] RTTIME", RK_RTT, "the round-trip time" },
	{ "rto_min", 0, "RTTIME", RK_RTO_MIN, "the minimum TCP timeout" },
	{ "window", P, LOCK_NUM, RK_WINDOW, "the TCP window" },
	{ "cwnd", P, LOCK_NUM, RK_CWND, "the congestion window" },
	{ "initcwnd", P, LOCK_NUM, RK_INITCWND, "the initial cwnd" },
	{ "initrwnd", P, LOCK_NUM, RK_INITRWND, "the initial receive "
					       "window" },
	{ "features", P, "ecn", RK_FEATURES, "ECN" },
	{ "quickack", P, "0|1", RK_QUICKACK, "quick ACKs" },
	{ "congctl", P, "[lock] WORD", RK_CONGCTL, "the congestion control" },
	{ "rttvar", P, "[lock] RTTIME", RK_RTTVAR, "the RTT variance" },
	{ "ssthresh", P, LOCK_NUM, RK_SSTHRESH, "the slow-start threshold" },
	{ "realms", P, "REALMS", RK_REALMS, "the realms" },
	{ "onlink", 0, NULL, RK_ONLINK, "the gateway is on the link" },
	{ "nexthop", IPL_REST, NULL, RK_NEXTHOP, "a next hop of a multipath "
						 "route", &rt_nh_opts },
	{ "nhid", 0, "NUM", RK_NHID, "a nexthop object" },
	{ "protocol", P, "RTPROTO", RK_PROTO, "the protocol" },
	{ "table", P, "TABLE", RK_TABLE, "the table" },
	{ "vrf", P, "DEV", RK_VRF, "a VRF's table" },
	{ "dev", 0, "DEV", RK_DEV, "the link" },
	{ "oif", A, "DEV", RK_DEV },
	{ "pref", P, "RTPREF", RK_PREF, "the IPv6 router preference" },
	{ "encap", 0, "ENCAPTYPE", RK_ENCAP, "a tunnel: mpls, ip, ip6, seg6 …",
	  NULL, rt_parse_encap },
	{ "ttl-propagate", 0, "TTLPROP", RK_TTLPROP, "MPLS TTL propagation" },
	{ "fastopen_no_cookie", P, "0|1", RK_FASTOPEN,
	  "TCP fast open without a cookie" },
	{ "to", IPL_DEFAULT | IPL_ONCE, "RTPREFIX", RK_TO,
	  "the destination: [TYPE] PREFIX or default", NULL, parse_dst },
	{ NULL },
};

static const struct ipl_table route_opts = { "ip route add", route_rows };

/* do_iproute's verbs, in its order */
static const struct nsh_cmd route_cmds[] = {
	{ "ip route add", "add a route", cmd_add, NSH_CMD_MUTATES,
	  "ip route add default via 10.0.0.254", NULL, &route_opts },
	{ "ip route change/=chg", "change a route", cmd_change, NSH_CMD_MUTATES,
	  "ip route change default via 10.0.0.253", NULL, &route_opts },
	{ "ip route replace", "add or replace a route",
	  cmd_replace, NSH_CMD_MUTATES,
	  "ip route replace 10.1.0.0/16 via 10.0.0.2", NULL, &route_opts },
	{ "ip route prepend", "add a route before those of its prefix",
	  cmd_prepend, NSH_CMD_MUTATES, NULL, NULL, &route_opts },
	{ "ip route append", "add a route after those of its prefix",
	  cmd_append, NSH_CMD_MUTATES, NULL, NULL, &route_opts },
	{ "ip route test", "check that a route could be added", cmd_test, 0,
	  NULL, NULL, &route_opts },
	{ "ip route delete", "delete a route", cmd_del, NSH_CMD_MUTATES,
	  "ip route del default", NULL, &route_opts },
	{ "ip route list/show/lst", "list routes (-6: IPv6)", cmd_show, 0,
	  "ip route show table all", NULL, &route_list_opts },
	{ "ip route get", "the route the kernel picks for an address",
	  cmd_get, 0, "ip route get 10.0.0.2", NULL, &route_get_opts },
	{ "ip route flush", "delete the routes a selector picks", cmd_flush,
	  NSH_CMD_MUTATES, "ip route flush table main proto static", NULL,
	  &route_list_opts },
	{ "ip route save", "write routes as a binary dump (the real ip)",
	  NULL },
	{ "ip route restore", "read a binary dump (the real ip)", NULL },
	{ "ip route showdump", "print a binary dump (the real ip)", NULL },
	{ "ip route", "list the main table", cmd_show },
	{ NULL },
};

const struct nsh_family route_family = {
	"route", "ip route: add, change, delete, show, get and flush routes",
	route_cmds, route_types,
};