/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_bridge.c - `type bridge [OPTIONS]`: a software switch.  Each option
 * is one IFLA_BR_* attribute, as iproute2's ip/iplink_bridge.c sends it
 * (times in hundredths of a second, as the kernel takes them).
 */
#include "config.h"

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
	{ "vlan_protocol", IPL_PREFIX, "802.1Q|802.1ad", BR_VLAN_PROTOCOL,
	  "the VLAN protocol" },
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
					 htons(streq(v->text, "802.1ad") ?
						       0x88a8 :
						       0x8100));
		if (o->key == BR_HELP + 1 || o->key == BR_HELP + 2) {
			uint32_t bit = o->key == BR_HELP + 1 ?
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

const struct link_kind bridge_kind = {
	.name = "bridge",
	.summary = "a software switch; links join it with 'master'",
	.opts = &bridge_opts,
	.put = bridge_put,
	.driver = "bridge",
};
