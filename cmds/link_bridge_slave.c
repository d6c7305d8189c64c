/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_bridge_slave.c - `ip link set PORT type bridge_slave OPTIONS`: the
 * settings of a bridge port, each one IFLA_BRPORT_* attribute in
 * IFLA_INFO_SLAVE_DATA, as iproute2's ip/iplink_bridge_slave.c sends
 * them.
 */
#include "config.h"

#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

#define BP(attr, t) LINK_ATTR(IFLA_BRPORT_##attr, LA_##t)
#define ONOFF "on|off"

enum { BP_BACKUP = LK_KIND_BASE, BP_NOBACKUP };

static const struct ipl_opt bridge_slave_rows[] = {
	{ "fdb_flush", IPL_PREFIX, NULL, BP(FLUSH, FLAG),
	  "flush the port's dynamic FDB entries" },
	{ "state", IPL_PREFIX, "NUM8", BP(STATE, U8),
	  "STP state: 0 disabled … 3 forwarding, 4 blocking" },
	{ "priority", IPL_PREFIX, "NUM16", BP(PRIORITY, U16),
	  "STP port priority" },
	{ "cost", IPL_PREFIX, "NUM", BP(COST, U32), "STP path cost" },
	{ "hairpin", IPL_PREFIX, ONOFF, BP(MODE, ONOFF8),
	  "send frames back out the port they came in" },
	{ "guard", IPL_PREFIX, ONOFF, BP(GUARD, ONOFF8),
	  "ignore STP BPDUs from the port" },
	{ "root_block", IPL_PREFIX, ONOFF, BP(PROTECT, ONOFF8),
	  "never become the root port" },
	{ "fastleave", IPL_PREFIX, ONOFF, BP(FAST_LEAVE, ONOFF8),
	  "multicast fast leave" },
	{ "learning", IPL_PREFIX, ONOFF, BP(LEARNING, ONOFF8),
	  "learn source addresses" },
	{ "flood", IPL_PREFIX, ONOFF, BP(UNICAST_FLOOD, ONOFF8),
	  "flood unknown unicast" },
	{ "mcast_flood", IPL_PREFIX, ONOFF, BP(MCAST_FLOOD, ONOFF8),
	  "flood unknown multicast" },
	{ "bcast_flood", IPL_PREFIX, ONOFF, BP(BCAST_FLOOD, ONOFF8),
	  "flood broadcast" },
	{ "mcast_to_unicast", IPL_PREFIX, ONOFF, BP(MCAST_TO_UCAST, ONOFF8),
	  "multicast to unicast" },
	{ "proxy_arp", IPL_PREFIX, ONOFF, BP(PROXYARP, ONOFF8), "proxy ARP" },
	{ "proxy_arp_wifi", IPL_PREFIX, ONOFF, BP(PROXYARP_WIFI, ONOFF8),
	  "proxy ARP for Wi-Fi" },
	{ "mcast_router", IPL_PREFIX, "NUM8", BP(MULTICAST_ROUTER, U8),
	  "multicast router mode" },
	{ "mcast_fast_leave", IPL_PREFIX, ONOFF, BP(FAST_LEAVE, ONOFF8),
	  "multicast fast leave" },
	{ "neigh_suppress", IPL_PREFIX, ONOFF, BP(NEIGH_SUPPRESS, ONOFF8),
	  "ARP/ND suppression" },
	{ "group_fwd_mask", IPL_PREFIX, "NUM16", BP(GROUP_FWD_MASK, U16),
	  "link-local groups to forward" },
	{ "vlan_tunnel", IPL_PREFIX, ONOFF, BP(VLAN_TUNNEL, ONOFF8),
	  "VLAN to tunnel mapping" },
	{ "isolated", IPL_PREFIX, ONOFF, BP(ISOLATED, ONOFF8),
	  "isolated port: talks only to non-isolated ones" },
	{ "locked", IPL_PREFIX, ONOFF, BP(LOCKED, ONOFF8),
	  "locked port (802.1X)" },
	{ "backup_port", IPL_PREFIX, "DEV", BP_BACKUP, "the backup port" },
	{ "nobackup_port", IPL_PREFIX, NULL, BP_NOBACKUP,
	  "no backup port" },
	{ NULL },
};

static const struct ipl_table bridge_slave_opts = { "type bridge_slave",
						    bridge_slave_rows };

static int bridge_slave_put(struct link_req *r)
{
	const struct nsh_args *a = r->a;

	if (link_put_attrs(r))
		return 1;
	for (int i = r->from; i < r->to; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		int idx = 0;

		if (o->key != BP_BACKUP && o->key != BP_NOBACKUP)
			continue;
		if (o->key == BP_BACKUP &&
		    link_index(r->sh, ipl_arg(a, i, 0)->text, &idx))
			return 1;
		if (nla_put_u32(r->msg, IFLA_BRPORT_BACKUP_PORT,
				(uint32_t)idx) < 0)
			return nsh_err(r->sh, "out of memory");
	}
	return 0;
}

const struct link_kind bridge_slave_kind = {
	.name = "bridge_slave",
	.summary = "the settings of a bridge port (ip link set PORT type "
		   "bridge_slave …)",
	.opts = &bridge_slave_opts,
	.put = bridge_slave_put,
	.driver = "bridge",
};
