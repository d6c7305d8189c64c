/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_bridge.c - `type bridge [OPTIONS]`: a software switch.  Each option
 * is one IFLA_BR_* attribute, as iproute2's ip/iplink_bridge.c sends it
 * (times in hundredths of a second, as the kernel takes them).
 */
#include "config.h"

#include <inttypes.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

#define BR(attr, t) LINK_ATTR(IFLA_BR_##attr, LA_##t)

enum { BR_VLAN_PROTOCOL = LK_KIND_BASE, BR_HELP };

static const struct ipl_opt bridge_rows[] = {
	{ "forward_delay", IPL_PREFIX, "NUM", BR(FORWARD_DELAY, U32),
	  "STP forwarding delay (1/100 s)" },
	{ "hello_time", IPL_PREFIX, "NUM", BR(HELLO_TIME, U32),
	  "STP hello time (1/100 s)" },
	{ "max_age", IPL_PREFIX, "NUM", BR(MAX_AGE, U32),
	  "STP maximum message age (1/100 s)" },
	{ "ageing_time", IPL_PREFIX, "NUM", BR(AGEING_TIME, U32),
	  "FDB entry lifetime (1/100 s)" },
	{ "stp_state", IPL_PREFIX, "NUM", BR(STP_STATE, U32),
	  "spanning tree: 0 off, 1 on" },
	{ "priority", IPL_PREFIX, "NUM16", BR(PRIORITY, U16),
	  "STP bridge priority" },
	{ "vlan_filtering", IPL_PREFIX, "NUM8", BR(VLAN_FILTERING, U8),
	  "VLAN filtering: 0 off, 1 on" },
	{ "vlan_protocol", IPL_PREFIX, "ETHPROTO", BR_VLAN_PROTOCOL,
	  "the VLAN protocol: 802.1Q or 802.1ad" },
	{ "group_fwd_mask", IPL_PREFIX, "NUM16", BR(GROUP_FWD_MASK, U16),
	  "link-local groups to forward" },
	{ "group_address", IPL_PREFIX, "LLADDR", BR(GROUP_ADDR, MAC),
	  "STP group address" },
	{ "no_linklocal_learn", 0, "NUM8", BR_HELP + 1,
	  "do not learn from link-local frames" },
	{ "fdb_flush", IPL_PREFIX, NULL, BR(FDB_FLUSH, FLAG),
	  "flush the dynamic FDB entries" },
	{ "vlan_default_pvid", IPL_PREFIX, "NUM16",
	  BR(VLAN_DEFAULT_PVID, U16), "default PVID of new ports" },
	{ "vlan_stats_enabled", IPL_PREFIX, "NUM8",
	  BR(VLAN_STATS_ENABLED, U8), "per-VLAN statistics" },
	{ "vlan_stats_per_port", IPL_PREFIX, "NUM8",
	  BR(VLAN_STATS_PER_PORT, U8), "per-port VLAN statistics" },
	{ "mcast_router", IPL_PREFIX, "NUM8", BR(MCAST_ROUTER, U8),
	  "multicast router port mode" },
	{ "mcast_snooping", IPL_PREFIX, "NUM8", BR(MCAST_SNOOPING, U8),
	  "IGMP/MLD snooping" },
	{ "mcast_vlan_snooping", 0, "NUM8", BR_HELP + 2,
	  "per-VLAN snooping" },
	{ "mcast_query_use_ifaddr", IPL_PREFIX, "NUM8",
	  BR(MCAST_QUERY_USE_IFADDR, U8), "queries from the bridge's "
					  "address" },
	{ "mcast_querier", IPL_PREFIX, "NUM8", BR(MCAST_QUERIER, U8),
	  "act as querier" },
	{ "mcast_hash_elasticity", IPL_PREFIX, "NUM",
	  BR(MCAST_HASH_ELASTICITY, U32), "hash elasticity" },
	{ "mcast_hash_max", IPL_PREFIX, "NUM", BR(MCAST_HASH_MAX, U32),
	  "multicast group table size" },
	{ "mcast_last_member_count", IPL_PREFIX, "NUM",
	  BR(MCAST_LAST_MEMBER_CNT, U32), "last member query count" },
	{ "mcast_startup_query_count", IPL_PREFIX, "NUM",
	  BR(MCAST_STARTUP_QUERY_CNT, U32), "startup query count" },
	{ "mcast_last_member_interval", IPL_PREFIX, "NUM64",
	  BR(MCAST_LAST_MEMBER_INTVL, U64), "(1/100 s)" },
	{ "mcast_membership_interval", IPL_PREFIX, "NUM64",
	  BR(MCAST_MEMBERSHIP_INTVL, U64), "(1/100 s)" },
	{ "mcast_querier_interval", IPL_PREFIX, "NUM64",
	  BR(MCAST_QUERIER_INTVL, U64), "(1/100 s)" },
	{ "mcast_query_interval", IPL_PREFIX, "NUM64",
	  BR(MCAST_QUERY_INTVL, U64), "(1/100 s)" },
	{ "mcast_query_response_interval", IPL_PREFIX, "NUM64",
	  BR(MCAST_QUERY_RESPONSE_INTVL, U64), "(1/100 s)" },
	{ "mcast_startup_query_interval", IPL_PREFIX, "NUM64",
	  BR(MCAST_STARTUP_QUERY_INTVL, U64), "(1/100 s)" },
	{ "mcast_stats_enabled", IPL_PREFIX, "NUM8",
	  BR(MCAST_STATS_ENABLED, U8), "multicast statistics" },
	{ "mcast_igmp_version", IPL_PREFIX, "NUM8",
	  BR(MCAST_IGMP_VERSION, U8), "IGMP version" },
	{ "mcast_mld_version", IPL_PREFIX, "NUM8", BR(MCAST_MLD_VERSION, U8),
	  "MLD version" },
	{ "nf_call_iptables", IPL_PREFIX, "NUM8", BR(NF_CALL_IPTABLES, U8),
	  "pass IPv4 traffic through iptables" },
	{ "nf_call_ip6tables", IPL_PREFIX, "NUM8", BR(NF_CALL_IP6TABLES, U8),
	  "pass IPv6 traffic through ip6tables" },
	{ "nf_call_arptables", IPL_PREFIX, "NUM8", BR(NF_CALL_ARPTABLES, U8),
	  "pass ARP through arptables" },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table bridge_opts = { "type bridge", bridge_rows };

static int bridge_put(struct link_req *r)
{
	const struct nsh_args *a = r->a;
	struct br_boolopt_multi bm = { 0 };

	if (link_put_attrs(r))
		return 1;
	for (int i = r->from; i < r->to; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		int rc = 0;

		if (o->key == BR_VLAN_PROTOCOL)
			rc = nla_put_u16(r->msg, IFLA_BR_VLAN_PROTOCOL,
					 (uint16_t)v->num);
		if (o->key == BR_HELP + 1 || o->key == BR_HELP + 2) {
			uint32_t bit =
				o->key == BR_HELP + 1 ?
					1u << BR_BOOLOPT_NO_LL_LEARN :
					1u << BR_BOOLOPT_MCAST_VLAN_SNOOPING;

			bm.optmask |= bit;
			if (v->num)
				bm.optval |= bit;
			else
				bm.optval &= ~bit;
		}
		if (rc < 0)
			return nsh_err(r->sh, "out of memory");
	}
	if (bm.optmask &&
	    nla_put(r->msg, IFLA_BR_MULTI_BOOLOPT, sizeof(bm), &bm) < 0)
		return nsh_err(r->sh, "out of memory");
	return 0;
}

/* "8000.02:00:00:00:00:01": priority and address */
static const char *bridge_id(struct nlattr *a, char *buf, size_t len)
{
	const struct ifla_bridge_id *id = nla_data(a);
	const uint8_t *m = id->addr;

	snprintf(buf, len, "%.2x%.2x.%x:%x:%x:%x:%x:%x", id->prio[0],
		 id->prio[1], m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

/* the spanning tree: its settings, the bridge's and the root's ids, the
 * topology changes and timers (the VLAN filtering among them, in
 * iproute2's order) */
static void bridge_print_stp(struct link_pr *c, struct nlattr **tb)
{
	bool num = link_pr_sh(c)->o.numeric;
	char b[64];

	PR_U32(IFLA_BR_FORWARD_DELAY, "forward_delay", "forward_delay %u ");
	PR_U32(IFLA_BR_HELLO_TIME, "hello_time", "hello_time %u ");
	PR_U32(IFLA_BR_MAX_AGE, "max_age", "max_age %u ");
	PR_U32(IFLA_BR_AGEING_TIME, "ageing_time", "ageing_time %u ");
	PR_U32(IFLA_BR_STP_STATE, "stp_state", "stp_state %u ");
	PR_U16(IFLA_BR_PRIORITY, "priority", "priority %u ");
	PR_U8(IFLA_BR_VLAN_FILTERING, "vlan_filtering", "vlan_filtering %u ");
	if (tb[IFLA_BR_VLAN_PROTOCOL])
		pr_string(PR_ANY, "vlan_protocol", "vlan_protocol %s ",
			  pr_llproto(nla_get_u16(tb[IFLA_BR_VLAN_PROTOCOL]),
				     num, b, sizeof(b)));
	if (tb[IFLA_BR_BRIDGE_ID])
		pr_string(PR_ANY, "bridge_id", "bridge_id %s ",
			  bridge_id(tb[IFLA_BR_BRIDGE_ID], b, sizeof(b)));
	/* iproute2 6.1 shows the bridge's own id here */
	if (tb[IFLA_BR_ROOT_ID] && tb[IFLA_BR_BRIDGE_ID])
		pr_string(PR_ANY, "root_id", "designated_root %s ",
			  bridge_id(tb[IFLA_BR_BRIDGE_ID], b, sizeof(b)));
	PR_U16(IFLA_BR_ROOT_PORT, "root_port", "root_port %u ");
	PR_U32(IFLA_BR_ROOT_PATH_COST, "root_path_cost", "root_path_cost %u ");
	PR_U8(IFLA_BR_TOPOLOGY_CHANGE, "topology_change",
	      "topology_change %u ");
	PR_U8(IFLA_BR_TOPOLOGY_CHANGE_DETECTED, "topology_change_detected",
	      "topology_change_detected %u ");
	if (tb[IFLA_BR_HELLO_TIMER])
		pr_timer("hello_timer", nla_get_u64(tb[IFLA_BR_HELLO_TIMER]));
	if (tb[IFLA_BR_TCN_TIMER])
		pr_timer("tcn_timer", nla_get_u64(tb[IFLA_BR_TCN_TIMER]));
	if (tb[IFLA_BR_TOPOLOGY_CHANGE_TIMER])
		pr_timer("topology_change_timer",
			 nla_get_u64(tb[IFLA_BR_TOPOLOGY_CHANGE_TIMER]));
	if (tb[IFLA_BR_GC_TIMER])
		pr_timer("gc_timer", nla_get_u64(tb[IFLA_BR_GC_TIMER]));
}

/* the VLAN defaults and statistics, the group forwarding mask and
 * address */
static void bridge_print_vlan_group(struct nlattr **tb)
{
	char b[64];

	PR_U16(IFLA_BR_VLAN_DEFAULT_PVID, "vlan_default_pvid",
	       "vlan_default_pvid %u ");
	PR_U8(IFLA_BR_VLAN_STATS_ENABLED, "vlan_stats_enabled",
	      "vlan_stats_enabled %u ");
	PR_U8(IFLA_BR_VLAN_STATS_PER_PORT, "vlan_stats_per_port",
	      "vlan_stats_per_port %u ");
	if (tb[IFLA_BR_GROUP_FWD_MASK])
		pr_0xhex(PR_ANY, "group_fwd_mask", "group_fwd_mask %#llx ",
			 nla_get_u16(tb[IFLA_BR_GROUP_FWD_MASK]));
	if (tb[IFLA_BR_GROUP_ADDR])
		pr_string(PR_ANY, "group_addr", "group_address %s ",
			  pr_lladdr(nla_data(tb[IFLA_BR_GROUP_ADDR]),
				    nla_len(tb[IFLA_BR_GROUP_ADDR]), 1, b,
				    sizeof(b)));
}

/* the boolean options the kernel has set (IFLA_BR_MULTI_BOOLOPT) */
static void bridge_print_boolopts(struct nlattr *a)
{
	const struct br_boolopt_multi *bm = nla_data(a);
	uint32_t ll = 1u << BR_BOOLOPT_NO_LL_LEARN;
	uint32_t vl = 1u << BR_BOOLOPT_MCAST_VLAN_SNOOPING;

	if (nla_len(a) < (int)sizeof(struct br_boolopt_multi))
		return;
	if (bm->optmask & ll)
		pr_uint(PR_ANY, "no_linklocal_learn", "no_linklocal_learn %u ",
			!!(bm->optval & ll));
	if (bm->optmask & vl)
		pr_uint(PR_ANY, "mcast_vlan_snooping",
			"mcast_vlan_snooping %u ", !!(bm->optval & vl));
}

/* multicast snooping: the querier, its counts and intervals, versions */
static void bridge_print_mcast(struct nlattr **tb)
{
	PR_U8(IFLA_BR_MCAST_ROUTER, "mcast_router", "mcast_router %u ");
	PR_U8(IFLA_BR_MCAST_QUERY_USE_IFADDR, "mcast_query_use_ifaddr",
	      "mcast_query_use_ifaddr %u ");
	PR_U8(IFLA_BR_MCAST_QUERIER, "mcast_querier", "mcast_querier %u ");
	PR_U32(IFLA_BR_MCAST_HASH_ELASTICITY, "mcast_hash_elasticity",
	       "mcast_hash_elasticity %u ");
	PR_U32(IFLA_BR_MCAST_HASH_MAX, "mcast_hash_max", "mcast_hash_max %u ");
	PR_U32(IFLA_BR_MCAST_LAST_MEMBER_CNT, "mcast_last_member_cnt",
	       "mcast_last_member_count %u ");
	PR_U32(IFLA_BR_MCAST_STARTUP_QUERY_CNT, "mcast_startup_query_cnt",
	       "mcast_startup_query_count %u ");
	PR_U64(IFLA_BR_MCAST_LAST_MEMBER_INTVL, "mcast_last_member_intvl",
	       "mcast_last_member_interval %llu ");
	PR_U64(IFLA_BR_MCAST_MEMBERSHIP_INTVL, "mcast_membership_intvl",
	       "mcast_membership_interval %llu ");
	PR_U64(IFLA_BR_MCAST_QUERIER_INTVL, "mcast_querier_intvl",
	       "mcast_querier_interval %llu ");
	PR_U64(IFLA_BR_MCAST_QUERY_INTVL, "mcast_query_intvl",
	       "mcast_query_interval %llu ");
	PR_U64(IFLA_BR_MCAST_QUERY_RESPONSE_INTVL,
	       "mcast_query_response_intvl",
	       "mcast_query_response_interval %llu ");
	PR_U64(IFLA_BR_MCAST_STARTUP_QUERY_INTVL, "mcast_startup_query_intvl",
	       "mcast_startup_query_interval %llu ");
	PR_U8(IFLA_BR_MCAST_STATS_ENABLED, "mcast_stats_enabled",
	      "mcast_stats_enabled %u ");
	PR_U8(IFLA_BR_MCAST_IGMP_VERSION, "mcast_igmp_version",
	      "mcast_igmp_version %u ");
	PR_U8(IFLA_BR_MCAST_MLD_VERSION, "mcast_mld_version",
	      "mcast_mld_version %u ");
}

/* ip -d link: iproute2's bridge_print_opt */
static void bridge_print(struct link_pr *c, struct nlattr **tb)
{
	if (!tb)
		return;
	bridge_print_stp(c, tb);
	bridge_print_vlan_group(tb);
	PR_U8(IFLA_BR_MCAST_SNOOPING, "mcast_snooping", "mcast_snooping %u ");
	if (tb[IFLA_BR_MULTI_BOOLOPT])
		bridge_print_boolopts(tb[IFLA_BR_MULTI_BOOLOPT]);
	bridge_print_mcast(tb);
	PR_U8(IFLA_BR_NF_CALL_IPTABLES, "nf_call_iptables",
	      "nf_call_iptables %u ");
	PR_U8(IFLA_BR_NF_CALL_IP6TABLES, "nf_call_ip6tables",
	      "nf_call_ip6tables %u ");
	PR_U8(IFLA_BR_NF_CALL_ARPTABLES, "nf_call_arptables",
	      "nf_call_arptables %u ");
}

const struct link_kind bridge_kind = {
	.name = "bridge",
	.summary = "a software switch; links join it with 'master'",
	.opts = &bridge_opts,
	.put = bridge_put,
	.print = bridge_print,
	.maxattr = IFLA_BR_MAX,
	.driver = "bridge",
};
