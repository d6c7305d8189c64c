/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_print.c - one route in iproute2 6.1's layout (print_route of
 * ip/iproute.c), field by field, in text (-o: one line) and in -j JSON
 * with its keys and value types: the destination and source, the
 * attributes of route_out.c, and the blocks of its own: the routing
 * cache's flags and cacheinfo, the metrics, the preference, the next hops
 * of a multipath route and, under -d, the nexthop object of an nhid.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/in_route.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "route_priv.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ip/iproute.c's names of the metrics (RTA_METRICS) */
static const char *const mx_names[RTAX_MAX + 1] = {
	[RTAX_MTU] = "mtu", [RTAX_WINDOW] = "window", [RTAX_RTT] = "rtt",
	[RTAX_RTTVAR] = "rttvar", [RTAX_SSTHRESH] = "ssthresh",
	[RTAX_CWND] = "cwnd", [RTAX_ADVMSS] = "advmss",
	[RTAX_REORDERING] = "reordering", [RTAX_HOPLIMIT] = "hoplimit",
	[RTAX_INITCWND] = "initcwnd", [RTAX_FEATURES] = "features",
	[RTAX_RTO_MIN] = "rto_min", [RTAX_INITRWND] = "initrwnd",
	[RTAX_QUICKACK] = "quickack", [RTAX_CC_ALGO] = "congctl",
	[RTAX_FASTOPEN_NO_COOKIE] = "fastopen_no_cookie",
};

/* print_cache_flags: the RTCF_* of a cached route */
static void print_cache_flags(struct rt_print *p, uint32_t flags)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} names[] = {
		{ RTCF_LOCAL, "local" }, { RTCF_REJECT, "reject" },
		{ RTCF_MULTICAST, "mc" }, { RTCF_BROADCAST, "brd" },
		{ RTCF_DNAT, "dst-nat" }, { RTCF_SNAT, "src-nat" },
		{ RTCF_MASQ, "masq" }, { RTCF_DIRECTDST, "dst-direct" },
		{ RTCF_DIRECTSRC, "src-direct" },
		{ RTCF_REDIRECTED, "redirected" },
		{ RTCF_DOREDIRECT, "redirect" }, { RTCF_FAST, "fastroute" },
		{ RTCF_NOTIFY, "notify" }, { RTCF_TPROXY, "proxy" },
	};

	flags &= ~0xffffu;
	if (p->json) {
		rtp_open_array(p, "cache");
	} else {
		printf("%s    cache ", p->sl);
		if (!flags)
			return;
		putchar('<');
	}
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!(flags & names[i].bit))
			continue;
		flags &= ~names[i].bit;
		if (p->json)
			json_str(&p->j, NULL, names[i].name);
		else
			printf("%s%s", names[i].name, flags ? "," : "> ");
	}
	if (flags) {
		char buf[16];

		snprintf(buf, sizeof(buf), "%x", flags);
		if (p->json)
			json_str(&p->j, "flags", buf);
		else
			printf("%s>", buf);
	}
	rtp_close_array(p);
}

static void print_cacheinfo(struct rt_print *p, const struct rta_cacheinfo *ci)
{
	long hz = sysconf(_SC_CLK_TCK);

	if (hz <= 0)
		hz = 100;
	if (ci->rta_expires)
		rtp_int(p, "expires", "expires %lldsec ",
		       (long long)(ci->rta_expires / hz));
	if (ci->rta_error)
		rtp_uint(p, "error", "error %llu ", ci->rta_error);
	if (p->sh->o.stats) {
		if (ci->rta_clntref)
			rtp_uint(p, "users", "users %llu ", ci->rta_clntref);
		if (ci->rta_used)
			rtp_uint(p, "used", "used %llu ", ci->rta_used);
		if (ci->rta_lastuse)
			rtp_uint(p, "age", "age %llusec ",
				ci->rta_lastuse / (unsigned long)hz);
	}
	if (ci->rta_id)
		rtp_hex(p, "ipid", "ipid 0x%04llx ", ci->rta_id);
	if (ci->rta_ts || ci->rta_tsage) {
		rtp_hex(p, "ts", "ts 0x%llx", ci->rta_ts);
		rtp_uint(p, "tsage", "tsage %llusec ", ci->rta_tsage);
	}
}

/* a time metric in ms: "3s", "200ms" */
static void print_ms(struct rt_print *p, const char *key, unsigned val)
{
	if (p->json)
		json_uint(&p->j, key, val);
	else if (val >= 1000)
		printf("%gs ", val / 1e3);
	else
		printf("%ums ", val);
}

/* one metric's value (RTAX_* I, VAL; MX: all of them, for congctl) */
static void print_metric_val(struct rt_print *p, struct nlattr **mx, int i,
			     uint32_t val)
{
	uint32_t of = val;
	char cc[64] = "";

	switch (i) {
	case RTAX_FEATURES:
		if (val & RTAX_FEATURE_ECN) {
			rtp_null(p, "ecn", "ecn ");
			val &= ~RTAX_FEATURE_ECN;
		}
		if (val)
			rtp_hex(p, "features", "%#llx ", of);
		break;
	case RTAX_RTT:
		print_ms(p, mx_names[i], val / 8);
		break;
	case RTAX_RTTVAR:
		print_ms(p, mx_names[i], val / 4);
		break;
	case RTAX_RTO_MIN:
		print_ms(p, mx_names[i], val);
		break;
	case RTAX_CC_ALGO:
		if (mx[i])
			nla_strlcpy(cc, mx[i], sizeof(cc));
		rtp_str(p, "congestion", "%s ", cc);
		break;
	default:
		rtp_uint(p, mx_names[i], "%llu ", val);
		break;
	}
}

/* RTA_METRICS: "mtu lock 1400 rtt 3s …"; -j: "metrics": [ { … } ] */
static void print_metrics(struct rt_print *p, const struct nlattr *a)
{
	struct nlattr *mx[RTAX_MAX + 1];
	uint32_t lock = 0;

	if (nla_parse_nested(mx, RTAX_MAX, (struct nlattr *)a, NULL) < 0)
		return;
	rtp_open_array(p, "metrics");
	rtp_open(p, NULL);
	if (mx[RTAX_LOCK])
		lock = nla_get_u32(mx[RTAX_LOCK]);
	for (int i = 2; i <= RTAX_MAX; i++) {
		uint32_t val = 0;

		if (!mx[i] && !(lock & (1u << i)))
			continue;
		if (mx[i] && i != RTAX_CC_ALGO)
			val = nla_get_u32(mx[i]);
		if (i == RTAX_HOPLIMIT && (int)val == -1)
			continue;
		if (!p->json) {
			if (mx_names[i])
				printf("%s ", mx_names[i]);
			else
				printf("metric %d ", i);
			if (lock & (1u << i))
				fputs("lock ", stdout);
		}
		print_metric_val(p, mx, i, val);
	}
	rtp_close(p);
	rtp_close_array(p);
}

/* print_rt_pref (no space after it: it ends iproute2's line) */
static void print_pref(struct rt_print *p, unsigned pref)
{
	switch (pref) {
	case 3:
		rtp_str(p, "pref", "pref %s", "low");
		break;
	case 0:
		rtp_str(p, "pref", "pref %s", "medium");
		break;
	case 1:
		rtp_str(p, "pref", "pref %s", "high");
		break;
	default:
		rtp_uint(p, "pref", "%llu", pref);
		break;
	}
}

/* the attributes of one next hop NH of a multipath route R */
static void print_nh_attrs(struct rt_print *p, const struct rtmsg *r,
			   const struct rtnexthop *nh)
{
	struct nlattr *tb[RTA_MAX + 1];
	char buf[INET6_ADDRSTRLEN];

	if (nh->rtnh_len <= sizeof(*nh) ||
	    nla_parse(tb, RTA_MAX, (struct nlattr *)RTNH_DATA(nh),
		      nh->rtnh_len - (int)sizeof(*nh), NULL) != 0)
		return;
	if (tb[RTA_ENCAP])
		rt_print_encap(p, tb[RTA_ENCAP_TYPE], tb[RTA_ENCAP]);
	if (tb[RTA_NEWDST])
		rt_print_newdst(p, r->rtm_family, tb[RTA_NEWDST]);
	if (tb[RTA_GATEWAY])
		rt_print_gateway(p, r->rtm_family,
				 rt_rta_addr(r->rtm_family, tb[RTA_GATEWAY],
					     buf, sizeof(buf)));
	if (tb[RTA_VIA])
		rt_print_via(p, tb[RTA_VIA]);
	if (tb[RTA_FLOW])
		rt_print_flow(p, tb[RTA_FLOW]);
}

/* the link of next hop NH: a cached multicast route's "Oifs: dev(ttl>N)",
 * else "dev DEV weight N" */
static void print_nh_dev(struct rt_print *p, const struct rtmsg *r,
			 const struct rtnexthop *nh, bool mc)
{
	const char *dev = ipr_ifname(p->sh, nh->rtnh_ifindex);

	if (mc) {
		rtp_str(p, "dev", "%s", dev);
		if (nh->rtnh_hops != 1)
			rtp_int(p, "ttl", "(ttl>%lld)", nh->rtnh_hops);
		if (!p->json)
			putchar(' ');
		return;
	}
	rtp_str(p, "dev", "dev %s ", dev);
	if (r->rtm_family != AF_MPLS)
		rtp_int(p, "weight", "weight %lld ", nh->rtnh_hops + 1);
}

/* the next hops of RTA_MULTIPATH: "\n\tnexthop via … dev … weight N" */
static void print_multipath(struct rt_print *p, const struct rtmsg *r,
			    const struct nlattr *mp)
{
	const struct rtnexthop *nh = nla_data(mp);
	int len = nla_len(mp);
	bool first = true;
	bool mc = (r->rtm_flags & RTM_F_CLONED) &&
		  r->rtm_type == RTN_MULTICAST;

	rtp_open_array(p, "nexthops");
	while (len >= (int)sizeof(*nh)) {
		if (nh->rtnh_len > len)
			break;
		rtp_open(p, NULL);
		if (mc) {
			if (!p->json)
				fputs(first ? "Oifs: " : " ", stdout);
			first = false;
		} else if (!p->json) {
			printf("%s\tnexthop ", p->sl);
		}
		print_nh_attrs(p, r, nh);
		print_nh_dev(p, r, nh, mc);
		rt_print_flags(p, nh->rtnh_flags);
		len -= NLMSG_ALIGN(nh->rtnh_len);
		nh = RTNH_NEXT(nh);
		rtp_close(p);
	}
	rtp_close_array(p);
}

/* -d with nhid: "\n\tnh_info id 5 via … dev … scope link proto unspec",
 * the nexthop asked of the kernel (print_cache_nexthop_id) */
static void print_nh_info(struct rt_print *p, uint32_t id)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nh_id_msg(RTM_GETNEXTHOP, NLM_F_REQUEST, p->sh->o.family, id);
	struct nlmsghdr *ans;

	if (!msg)
		return;
	if (ipr_get(p->sk, msg, &ans) < 0)
		return;
	nh_print_entry(p, "\n\tnh_info ", "nh_info", ans);
	free(ans);
}

/* the destination or source: "10.0.0.0/24", "10.0.0.1", "default" */
static const char *prefix_text(const struct rtmsg *r, const struct nlattr *a,
			       unsigned len, char *buf, size_t size)
{
	int family = rt_real_family(r->rtm_type, r->rtm_family);
	char addr[96];

	rt_rta_addr(family, a, addr, sizeof(addr));
	if ((int)len != rt_host_len(r->rtm_family))
		snprintf(buf, size, "%s/%u", addr, len);
	else
		snprintf(buf, size, "%s", addr);
	return buf;
}

/* "Deleted", the type, the destination and "from" the source */
static void print_ends(struct rt_print *p, const struct nlmsghdr *nlh,
		       struct nlattr **tb)
{
	const struct rtmsg *r = nlmsg_data(nlh);
	const struct rt_filter *f = p->f;
	enum pr_color fc = rt_fam_color(rt_real_family(r->rtm_type,
						       r->rtm_family));
	char b[INET6_ADDRSTRLEN + 64];

	if (nlh->nlmsg_type == RTM_DELROUTE)
		rtp_bool(p, "deleted", "Deleted ", true);
	if ((r->rtm_type != RTN_UNICAST || p->sh->o.details) &&
	    (!f->typemask || (r->rtm_type < 64 &&
			      (f->typemask & (1ull << r->rtm_type)))))
		rtp_str(p, "type", "%s ",
			rt_type_n2a(r->rtm_type, b, sizeof(b)));
	if (tb[RTA_DST])
		prefix_text(r, tb[RTA_DST], r->rtm_dst_len, b, sizeof(b));
	else if (r->rtm_dst_len)
		snprintf(b, sizeof(b), "0/%d ", r->rtm_dst_len);
	else
		snprintf(b, sizeof(b), "default");
	rtp_color(p, tb[RTA_DST] ? fc : PC_NONE, "dst", "%s ", b);
	if (tb[RTA_SRC]) {
		rtp_color(p, fc, "from", "from %s ",
			  prefix_text(r, tb[RTA_SRC], r->rtm_src_len, b,
				      sizeof(b)));
	} else if (r->rtm_src_len) {
		snprintf(b, sizeof(b), "0/%u", r->rtm_src_len);
		rtp_str(p, "src", "from %s ", b);
	}
}

/* where the route leads: nhid, new destination, encap, tos, gateway, dev */
static void print_hop(struct rt_print *p, const struct rtmsg *r,
		      struct nlattr **tb)
{
	const struct rt_filter *f = p->f;
	char b[INET6_ADDRSTRLEN + 64];

	if (tb[RTA_NH_ID])
		rtp_uint(p, "nhid", "nhid %llu ", nla_get_u32(tb[RTA_NH_ID]));
	if (tb[RTA_NEWDST])
		rt_print_newdst(p, r->rtm_family, tb[RTA_NEWDST]);
	if (tb[RTA_ENCAP])
		rt_print_encap(p, tb[RTA_ENCAP_TYPE], tb[RTA_ENCAP]);
	if (r->rtm_tos && f->tosmask != -1)
		rtp_str(p, "tos", "tos %s ",
			rt_dsfield_n2a(r->rtm_tos, b, sizeof(b)));
	if (tb[RTA_GATEWAY] && f->rvia.bitlen != rt_host_len(r->rtm_family))
		rt_print_gateway(p, r->rtm_family,
				 rt_rta_addr(r->rtm_family, tb[RTA_GATEWAY], b,
					     sizeof(b)));
	if (tb[RTA_VIA])
		rt_print_via(p, tb[RTA_VIA]);
	if (tb[RTA_OIF] && f->oifmask != -1)
		rt_print_dev(p, "dev", nla_get_u32(tb[RTA_OIF]));
}

/* its table, protocol, scope, preferred source and metric */
static void print_origin(struct rt_print *p, const struct rtmsg *r,
			 struct nlattr **tb, uint32_t table)
{
	const struct rt_filter *f = p->f;
	int details = p->sh->o.details;
	char b[INET6_ADDRSTRLEN + 64];

	if (table && (table != RT_TABLE_MAIN || details) && !f->tb)
		rtp_str(p, "table", "table %s ",
			rt_table_n2a(table, b, sizeof(b)));
	if (!(r->rtm_flags & RTM_F_CLONED)) {
		if ((r->rtm_protocol != RTPROT_BOOT || details) &&
		    f->protocolmask != -1)
			rtp_str(p, "protocol", "proto %s ",
				rt_proto_n2a(r->rtm_protocol, b, sizeof(b)));
		if ((r->rtm_scope != RT_SCOPE_UNIVERSE || details) &&
		    f->scopemask != -1)
			rtp_str(p, "scope", "scope %s ",
				rt_scope_n2a(r->rtm_scope, b, sizeof(b)));
	}
	if (tb[RTA_PREFSRC] &&
	    f->rprefsrc.bitlen != rt_host_len(r->rtm_family)) {
		if (!p->json)
			fputs("src ", stdout);
		rtp_color(p, rt_fam_color(r->rtm_family), "prefsrc", "%s ",
			  rt_rta_addr(r->rtm_family, tb[RTA_PREFSRC], b,
				      sizeof(b)));
	}
	if (tb[RTA_PRIORITY] && f->metricmask != (uint32_t)-1)
		rtp_uint(p, "metric", "metric %llu ",
			 nla_get_u32(tb[RTA_PRIORITY]));
}

/* RTA_MARK: "mark N", in hex from 16 on */
static void print_mark(struct rt_print *p, struct nlattr **tb)
{
	if (tb[RTA_MARK] && nla_get_u32(tb[RTA_MARK])) {
		uint32_t mark = nla_get_u32(tb[RTA_MARK]);

		if (p->json)
			json_uint(&p->j, "mark", mark);
		else if (mark >= 16)
			printf("mark 0x%x ", mark);
		else
			printf("mark %u ", mark);
	}
}

/* the flags, mark, realms, uid, the cache's state, metrics, iif, pref */
static void print_state(struct rt_print *p, const struct rtmsg *r,
			struct nlattr **tb)
{
	const struct rt_filter *f = p->f;

	rt_print_flags(p, r->rtm_flags);
	print_mark(p, tb);
	if (tb[RTA_FLOW] && f->realmmask != ~0u)
		rt_print_flow(p, tb[RTA_FLOW]);
	if (tb[RTA_UID])
		rtp_uint(p, "uid", "uid %llu ", nla_get_u32(tb[RTA_UID]));
	if (r->rtm_family == AF_INET && (r->rtm_flags & RTM_F_CLONED))
		print_cache_flags(p, r->rtm_flags);
	if ((r->rtm_family == AF_INET || r->rtm_family == AF_INET6) &&
	    tb[RTA_CACHEINFO] &&
	    nla_len(tb[RTA_CACHEINFO]) >= (int)sizeof(struct rta_cacheinfo))
		print_cacheinfo(p, nla_data(tb[RTA_CACHEINFO]));
	if (tb[RTA_METRICS])
		print_metrics(p, tb[RTA_METRICS]);
	if (tb[RTA_IIF] && f->iifmask != -1)
		rt_print_dev(p, "iif", nla_get_u32(tb[RTA_IIF]));
	if (tb[RTA_PREF])
		print_pref(p, nla_get_u8(tb[RTA_PREF]));
	if (tb[RTA_TTL_PROPAGATE]) {
		bool on = nla_get_u8(tb[RTA_TTL_PROPAGATE]);

		if (p->json)
			json_bool(&p->j, "ttl-propogate", on);
		else
			printf("ttl-propogate %s", on ? "enabled" : "disabled");
	}
}

void rt_print_route(struct rt_print *p, struct nlmsghdr *nlh)
{
	struct rtmsg *r = nlmsg_data(nlh);
	struct nlattr *tb[RTA_MAX + 1];

	if (nlh->nlmsg_type != RTM_NEWROUTE && nlh->nlmsg_type != RTM_DELROUTE)
		return;
	if (nlmsg_parse(nlh, sizeof(*r), tb, RTA_MAX, NULL) < 0)
		return;
	if (!rt_filter_keep(p, nlh, tb))
		return;
	rtp_open(p, NULL);
	print_ends(p, nlh, tb);
	print_hop(p, r, tb);
	print_origin(p, r, tb, rt_msg_table(nlh, tb));
	print_state(p, r, tb);
	if (tb[RTA_NH_ID] && p->sh->o.details)
		print_nh_info(p, nla_get_u32(tb[RTA_NH_ID]));
	if (tb[RTA_MULTIPATH])
		print_multipath(p, r, tb[RTA_MULTIPATH]);
	if (!p->json)
		putchar('\n');
	rtp_close(p);
}
