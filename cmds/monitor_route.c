/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * monitor_route.c - the events of `ip monitor` about routes, rules and
 * nexthops, printed from the raw messages as ip/ipmonitor.c prints them
 * (which is not quite as ip route/rule/nexthop show print them).
 */
#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/fib_rules.h>
#include <linux/icmpv6.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include "iproute.h"
#include "monitor.h"

/* ------------------------------------------------------------ route */

static void print_rt_flags(unsigned f)
{
	static const struct {
		unsigned mask;
		const char *name;
	} names[] = {
		{ RTNH_F_DEAD, "dead" }, { RTNH_F_ONLINK, "onlink" },
		{ RTNH_F_PERVASIVE, "pervasive" },
		{ RTNH_F_OFFLOAD, "offload" }, { RTNH_F_TRAP, "trap" },
		{ RTM_F_NOTIFY, "notify" }, { RTNH_F_LINKDOWN, "linkdown" },
		{ RTNH_F_UNRESOLVED, "unresolved" },
		{ RTM_F_OFFLOAD, "rt_offload" }, { RTM_F_TRAP, "rt_trap" },
		{ RTM_F_OFFLOAD_FAILED, "rt_offload_failed" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (f & names[i].mask)
			printf("%s ", names[i].name);
}

static void print_metrics(const struct nlattr *mx)
{
	static const char *const names[RTAX_MAX + 1] = {
		[RTAX_MTU] = "mtu", [RTAX_WINDOW] = "window",
		[RTAX_RTT] = "rtt", [RTAX_RTTVAR] = "rttvar",
		[RTAX_SSTHRESH] = "ssthresh", [RTAX_CWND] = "cwnd",
		[RTAX_ADVMSS] = "advmss", [RTAX_REORDERING] = "reordering",
		[RTAX_HOPLIMIT] = "hoplimit", [RTAX_INITCWND] = "initcwnd",
		[RTAX_FEATURES] = "features", [RTAX_RTO_MIN] = "rto_min",
		[RTAX_INITRWND] = "initrwnd", [RTAX_QUICKACK] = "quickack",
		[RTAX_CC_ALGO] = "congctl",
		[RTAX_FASTOPEN_NO_COOKIE] = "fastopen_no_cookie",
	};
	struct nlattr *tb[RTAX_MAX + 1];
	unsigned lock = 0;

	if (nla_parse_nested(tb, RTAX_MAX, (struct nlattr *)mx, NULL) < 0)
		return;
	if (tb[RTAX_LOCK])
		lock = nla_get_u32(tb[RTAX_LOCK]);
	for (int i = 2; i <= RTAX_MAX; i++) {
		unsigned v = 0;

		if (!tb[i] && !(lock & (1u << i)))
			continue;
		if (tb[i] && i != RTAX_CC_ALGO)
			v = nla_get_u32(tb[i]);
		if (i == RTAX_HOPLIMIT && (int)v == -1)
			continue;
		if (names[i])
			printf("%s ", names[i]);
		else
			printf("metric %d ", i);
		if (lock & (1u << i))
			printf("lock ");
		if (i == RTAX_FEATURES) {
			if (v & RTAX_FEATURE_ECN)
				printf("ecn ");
			if (v & ~RTAX_FEATURE_ECN)
				printf("0x%x ", v & ~RTAX_FEATURE_ECN);
		} else if (i == RTAX_RTT || i == RTAX_RTTVAR ||
			   i == RTAX_RTO_MIN) {
			v /= i == RTAX_RTT ? 8 : i == RTAX_RTTVAR ? 4 : 1;
			if (v >= 1000)
				printf("%gs ", v / 1e3);
			else
				printf("%ums ", v);
		} else if (i == RTAX_CC_ALGO) {
			printf("%s ", tb[i] ? nla_get_string(tb[i]) : "");
		} else {
			printf("%u ", v);
		}
	}
}

static void print_gateway(int family, const struct nlattr *a)
{
	char buf[INET6_ADDRSTRLEN + 8];

	printf("via %s ", mon_addr_str(family, a, buf, sizeof(buf)));
}

static void print_via(const struct nlattr *a)
{
	const struct rtvia *via = nla_data(a);
	char buf[INET6_ADDRSTRLEN + 8];

	printf("via %s %s ", rt_family_name(via->rtvia_family),
	       inet_ntop(via->rtvia_family, via->rtvia_addr, buf,
			 sizeof(buf)) ?: "???");
}

static void print_multipath(struct mon *m, const struct rtmsg *r,
			    const struct nlattr *mp)
{
	const struct rtnexthop *nh = nla_data(mp);
	int len = nla_len(mp);
	char dev[64];

	while (len >= (int)sizeof(*nh) && nh->rtnh_len <= len) {
		printf("\n\tnexthop ");
		if (nh->rtnh_len > sizeof(*nh)) {
			struct nlattr *tb[RTA_MAX + 1];

			if (nla_parse(tb, RTA_MAX,
				      (struct nlattr *)RTNH_DATA(nh),
				      nh->rtnh_len - (int)sizeof(*nh),
				      NULL) == 0) {
				if (tb[RTA_GATEWAY])
					print_gateway(r->rtm_family,
						      tb[RTA_GATEWAY]);
				if (tb[RTA_VIA])
					print_via(tb[RTA_VIA]);
			}
		}
		printf("dev %s ", mon_ll_name(m, nh->rtnh_ifindex, dev,
					      sizeof(dev)));
		if (r->rtm_family != AF_MPLS)
			printf("weight %d ", nh->rtnh_hops + 1);
		print_rt_flags(nh->rtnh_flags);
		len -= NLMSG_ALIGN(nh->rtnh_len);
		nh = RTNH_NEXT(nh);
	}
}

/* the address of a route's DST or SRC: "ADDR/LEN", "ADDR" for a host */
static const char *rt_prefix(int family, const struct nlattr *a, int plen,
			     char *buf, size_t len)
{
	char ab[INET6_ADDRSTRLEN + 8];
	const char *addr = mon_addr_str(family, a, ab, sizeof(ab));

	if (plen != mon_bit_len(family))
		snprintf(buf, len, "%s/%d", addr, plen);
	else
		snprintf(buf, len, "%s", addr);
	return buf;
}

/* type, destination, source, nexthop id, tos */
static void route_selector(const struct rtmsg *r, struct nlattr **tb)
{
	int family = r->rtm_family;
	char b[128];

	if (r->rtm_type != RTN_UNICAST)
		printf("%s ", rt_type_n2a(r->rtm_type, b, sizeof(b)));
	if (tb[RTA_DST])
		printf("%s ", rt_prefix(family, tb[RTA_DST], r->rtm_dst_len, b,
					sizeof(b)));
	else if (r->rtm_dst_len)
		printf("0/%d  ", r->rtm_dst_len);
	else
		printf("default ");
	if (tb[RTA_SRC])
		printf("from %s ", rt_prefix(family, tb[RTA_SRC],
					     r->rtm_src_len, b, sizeof(b)));
	else if (r->rtm_src_len)
		printf("from 0/%u ", r->rtm_src_len);
	if (tb[RTA_NH_ID])
		printf("nhid %u ", nla_get_u32(tb[RTA_NH_ID]));
	if (r->rtm_tos)
		printf("tos 0x%02x ", r->rtm_tos);
}

/* gateway, device, table, protocol, scope, preferred source, metric */
static void route_path(struct mon *m, const struct rtmsg *r,
		       struct nlattr **tb)
{
	unsigned table = tb[RTA_TABLE] ? nla_get_u32(tb[RTA_TABLE]) :
					 r->rtm_table;
	int family = r->rtm_family;
	char b[128], dev[64];

	if (tb[RTA_GATEWAY])
		print_gateway(family, tb[RTA_GATEWAY]);
	if (tb[RTA_VIA])
		print_via(tb[RTA_VIA]);
	if (tb[RTA_OIF] && !m->ifindex)
		printf("dev %s ", mon_ll_name(m, (int)nla_get_u32(tb[RTA_OIF]),
					      dev, sizeof(dev)));
	if (table && table != RT_TABLE_MAIN)
		printf("table %s ", rt_table_n2a(table, b, sizeof(b)));
	if (r->rtm_protocol != RTPROT_BOOT)
		printf("proto %s ", rt_proto_n2a(r->rtm_protocol, b, sizeof(b)));
	if (r->rtm_scope != RT_SCOPE_UNIVERSE)
		printf("scope %s ", rt_scope_n2a(r->rtm_scope, b, sizeof(b)));
	if (tb[RTA_PREFSRC])
		printf("src %s ", mon_addr_str(family, tb[RTA_PREFSRC], b,
					       sizeof(b)));
	if (tb[RTA_PRIORITY])
		printf("metric %u ", nla_get_u32(tb[RTA_PRIORITY]));
}

/* RTA_CACHEINFO of an IPv4 or IPv6 route: expires, error, ipid */
static void route_cacheinfo(const struct nlattr *a)
{
	const struct rta_cacheinfo *ci = nla_data(a);
	long hz = sysconf(_SC_CLK_TCK);

	if (ci->rta_expires)
		printf("expires %dsec ", ci->rta_expires /
					 (int)(hz > 0 ? hz : 100));
	if (ci->rta_error)
		printf("error %u ", ci->rta_error);
	if (ci->rta_id)
		printf("ipid 0x%04x ", ci->rta_id);
}

/* RTA_PREF: an IPv6 router's preference */
static void route_pref(unsigned p)
{
	if (p == ICMPV6_ROUTER_PREF_LOW)
		printf("pref low");
	else if (p == ICMPV6_ROUTER_PREF_MEDIUM)
		printf("pref medium");
	else if (p == ICMPV6_ROUTER_PREF_HIGH)
		printf("pref high");
	else
		printf("%u", p);
}

/* mark, uid, cache information, metrics, input device, preference */
static void route_extras(struct mon *m, const struct rtmsg *r,
			 struct nlattr **tb)
{
	int family = r->rtm_family;
	char dev[64];

	if (tb[RTA_MARK] && nla_get_u32(tb[RTA_MARK])) {
		unsigned mark = nla_get_u32(tb[RTA_MARK]);

		printf(mark >= 16 ? "mark 0x%x " : "mark %u ", mark);
	}
	if (tb[RTA_UID])
		printf("uid %u ", nla_get_u32(tb[RTA_UID]));
	if ((family == AF_INET || family == AF_INET6) && tb[RTA_CACHEINFO])
		route_cacheinfo(tb[RTA_CACHEINFO]);
	if (tb[RTA_METRICS])
		print_metrics(tb[RTA_METRICS]);
	if (tb[RTA_IIF])
		printf("iif %s ", mon_ll_name(m, (int)nla_get_u32(tb[RTA_IIF]),
					      dev, sizeof(dev)));
	if (tb[RTA_PREF])
		route_pref(nla_get_u8(tb[RTA_PREF]));
}

void mon_print_route(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	const struct rtmsg *r = nlmsg_data(nlh);
	struct nlattr *tb[RTA_MAX + 1];

	if (r->rtm_flags & RTM_F_CLONED)
		return;
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*r), tb, RTA_MAX,
			NULL) < 0)
		return;
	if (m->family && r->rtm_family != m->family)
		return;
	if (m->ifindex && (!tb[RTA_OIF] ||
			   (int)nla_get_u32(tb[RTA_OIF]) != m->ifindex))
		return;
	mon_headers(m, "[ROUTE]", nsid);
	if (nlh->nlmsg_type == RTM_DELROUTE)
		printf("Deleted ");
	route_selector(r, tb);
	route_path(m, r, tb);
	print_rt_flags(r->rtm_flags);
	route_extras(m, r, tb);
	if (tb[RTA_MULTIPATH])
		print_multipath(m, r, tb[RTA_MULTIPATH]);
	putchar('\n');
}

/* ------------------------------------------------------------ rule */

/* "from ADDR/LEN" or " to ADDR/LEN" (WORD), the length when not a host */
static void rule_addr(const char *word, const struct fib_rule_hdr *frh,
		      const struct nlattr *a, unsigned len)
{
	char b[128];

	if (a) {
		printf("%s %s", word, mon_addr_str(frh->family, a, b,
						   sizeof(b)));
		if ((int)len != mon_bit_len(frh->family))
			printf("/%u", len);
	} else if (len) {
		printf("%s 0/%u", word, len);
	}
}

/* " sport N" or " sport N-M" (WORD) of a port range attribute */
static void rule_ports(const char *word, const struct nlattr *a)
{
	const struct fib_rule_port_range *p = nla_data(a);

	if (p->start == p->end)
		printf(" %s %u", word, p->start);
	else
		printf(" %s %u-%u", word, p->start, p->end);
}

/* " iif NAME [detached]" (WORD, DETACHED the flag that says so) */
static void rule_dev(const char *word, const struct fib_rule_hdr *frh,
		     const struct nlattr *a, unsigned detached)
{
	printf(" %s %s", word, nla_get_string((struct nlattr *)a));
	if (frh->flags & detached)
		printf(" [detached]");
}

/* what the rule matches: addresses, tos, fwmark, devices, uids, ports */
static void rule_selector(const struct fib_rule_hdr *frh, struct nlattr **tb)
{
	if (frh->flags & FIB_RULE_INVERT)
		printf("not ");
	if (tb[FRA_SRC] || frh->src_len)
		rule_addr("from", frh, tb[FRA_SRC], frh->src_len);
	else
		printf("from all");
	rule_addr(" to", frh, tb[FRA_DST], frh->dst_len);
	if (frh->tos)
		printf(" tos 0x%02x", frh->tos);
	if (tb[FRA_FWMARK] || tb[FRA_FWMASK]) {
		unsigned mark = tb[FRA_FWMARK] ? nla_get_u32(tb[FRA_FWMARK]) : 0;
		unsigned mask = tb[FRA_FWMASK] ? nla_get_u32(tb[FRA_FWMASK]) :
						 0xffffffff;

		printf(" fwmark %#x", mark);
		if (mask && mask != 0xffffffff)
			printf("/%#x", mask);
	}
	if (tb[FRA_IFNAME])
		rule_dev("iif", frh, tb[FRA_IFNAME], FIB_RULE_IIF_DETACHED);
	if (tb[FRA_OIFNAME])
		rule_dev("oif", frh, tb[FRA_OIFNAME], FIB_RULE_OIF_DETACHED);
	if (tb[FRA_L3MDEV] && nla_get_u8(tb[FRA_L3MDEV]))
		printf(" lookup [l3mdev-table]");
	if (tb[FRA_UID_RANGE]) {
		const struct fib_rule_uid_range *u = nla_data(tb[FRA_UID_RANGE]);

		printf(" uidrange %u-%u", u->start, u->end);
	}
	if (tb[FRA_SPORT_RANGE])
		rule_ports("sport", tb[FRA_SPORT_RANGE]);
	if (tb[FRA_DPORT_RANGE])
		rule_ports("dport", tb[FRA_DPORT_RANGE]);
}

/* what the rule does: its table (and suppressors), goto, nop, a type */
static void rule_action(const struct fib_rule_hdr *frh, struct nlattr **tb)
{
	unsigned table = tb[FRA_TABLE] ? nla_get_u32(tb[FRA_TABLE]) :
					 frh->table;
	char b[128];

	if (table) {
		printf(" lookup %s", rt_table_n2a(table, b, sizeof(b)));
		if (tb[FRA_SUPPRESS_PREFIXLEN] &&
		    (int)nla_get_u32(tb[FRA_SUPPRESS_PREFIXLEN]) != -1)
			printf(" suppress_prefixlength %d",
			       (int)nla_get_u32(tb[FRA_SUPPRESS_PREFIXLEN]));
		if (tb[FRA_SUPPRESS_IFGROUP] &&
		    (int)nla_get_u32(tb[FRA_SUPPRESS_IFGROUP]) != -1)
			printf(" suppress_ifgroup %u",
			       nla_get_u32(tb[FRA_SUPPRESS_IFGROUP]));
	}
	if (frh->action == FR_ACT_GOTO) {
		if (tb[FRA_GOTO])
			printf(" goto %u", nla_get_u32(tb[FRA_GOTO]));
		else
			printf(" goto none");
		if (frh->flags & FIB_RULE_UNRESOLVED)
			printf(" [unresolved]");
	} else if (frh->action == FR_ACT_NOP) {
		printf(" nop");
	} else if (frh->action != FR_ACT_TO_TBL) {
		printf(" %s", rt_type_n2a(frh->action, b, sizeof(b)));
	}
}

void mon_print_rule(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	const struct fib_rule_hdr *frh = nlmsg_data(nlh);
	struct nlattr *tb[FRA_MAX + 1];
	char b[128];

	if (m->family && frh->family != m->family)
		return;
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*frh), tb, FRA_MAX,
			NULL) < 0)
		return;
	mon_headers(m, "[RULE]", nsid);
	if (nlh->nlmsg_type == RTM_DELRULE)
		printf("Deleted ");
	printf("%u:\t", tb[FRA_PRIORITY] ? nla_get_u32(tb[FRA_PRIORITY]) : 0);
	rule_selector(frh, tb);
	rule_action(frh, tb);
	if (tb[FRA_PROTOCOL]) {
		unsigned p = nla_get_u8(tb[FRA_PROTOCOL]);

		if (p && p != RTPROT_KERNEL)
			printf(" proto %s", rt_proto_n2a(p, b, sizeof(b)));
	}
	putchar('\n');
}

/* ------------------------------------------------------------ nexthop */

void mon_print_nexthop(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	const struct nhmsg *nhm = nlmsg_data(nlh);
	struct nlattr *tb[NHA_MAX + 1];
	char b[128];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*nhm), tb, NHA_MAX,
			NULL) < 0)
		return;
	mon_headers(m, "[NEXTHOP]", nsid);
	if (nlh->nlmsg_type == RTM_DELNEXTHOP)
		printf("Deleted ");
	printf("id %u ", tb[NHA_ID] ? nla_get_u32(tb[NHA_ID]) : 0);
	if (tb[NHA_GROUP]) {
		const struct nexthop_grp *g = nla_data(tb[NHA_GROUP]);
		int n = nla_len(tb[NHA_GROUP]) / (int)sizeof(*g);

		printf("group ");
		for (int i = 0; i < n; i++) {
			printf("%s%u", i ? "/" : "", g[i].id);
			if (g[i].weight)
				printf(",%u", g[i].weight + 1);
		}
		printf(" ");
	}
	if (tb[NHA_GROUP_TYPE] &&
	    nla_get_u16(tb[NHA_GROUP_TYPE]) == NEXTHOP_GRP_TYPE_RES)
		printf("type resilient ");
	if (tb[NHA_GATEWAY])
		print_gateway(nhm->nh_family, tb[NHA_GATEWAY]);
	if (tb[NHA_OIF])
		printf("dev %s ", mon_ll_name(m, (int)nla_get_u32(tb[NHA_OIF]),
					      b, sizeof(b)));
	if (nhm->nh_scope != RT_SCOPE_UNIVERSE)
		printf("scope %s ", rt_scope_n2a(nhm->nh_scope, b, sizeof(b)));
	if (tb[NHA_BLACKHOLE])
		printf("blackhole ");
	if (nhm->nh_protocol != RTPROT_UNSPEC)
		printf("proto %s ", rt_proto_n2a(nhm->nh_protocol, b, sizeof(b)));
	print_rt_flags(nhm->nh_flags);
	if (tb[NHA_FDB])
		printf("fdb");
	putchar('\n');
}
