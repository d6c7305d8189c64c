/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_bridge_slave.c - `ip link set PORT type bridge_slave OPTIONS`: the
 * settings of a bridge port, each one IFLA_BRPORT_* attribute in
 * IFLA_INFO_SLAVE_DATA, as iproute2's ip/iplink_bridge_slave.c sends
 * them.
 */
#include "config.h"

#include <stdio.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

#define BP(attr, t) LINK_ATTR(IFLA_BRPORT_##attr, LA_##t)
#define ONOFF "ONOFF"

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
	LINK_KIND_HELP,
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

/* "8000.2:0:0:0:0:1" */
static const char *bridge_id(struct nlattr *a, char *buf, size_t len)
{
	const struct ifla_bridge_id *id = nla_data(a);
	const uint8_t *m = id->addr;

	snprintf(buf, len, "%.2x%.2x.%x:%x:%x:%x:%x:%x", id->prio[0],
		 id->prio[1], m[0], m[1], m[2], m[3], m[4], m[5]);
	return buf;
}

/* "stp,lacp,0x10": the link-local groups a port forwards */
static const char *fwd_mask_str(uint16_t mask, char *buf, size_t len)
{
	static const char *const names[16] = {
		[0] = "stp", [2] = "lacp", [14] = "lldp",
	};
	size_t n = 0;

	buf[0] = '\0';
	for (int i = 0; mask && n < len; i++, mask >>= 1) {
		if (!(mask & 1))
			continue;
		if (names[i])
			n += (size_t)snprintf(buf + n, len - n, "%s,",
					      names[i]);
		else
			n += (size_t)snprintf(buf + n, len - n, "0x%x,",
					      1u << i);
	}
	if (!n)
		snprintf(buf, len, "0x0");
	else if (n <= len)
		buf[n - 1] = '\0';
	return buf;
}

/* the port's STP state, priority, cost and flags */
static void port_print_settings(struct nlattr **tb)
{
	static const char *const states[] = {
		"disabled", "listening", "learning", "forwarding", "blocking",
	};

	if (tb[IFLA_BRPORT_STATE]) {
		uint8_t st = nla_get_u8(tb[IFLA_BRPORT_STATE]);

		if (st < ARRAY_SIZE(states))
			pr_string(PR_ANY, "state", "state %s ", states[st]);
		else
			pr_int(PR_ANY, "state_index", "state (%d) ", st);
	}
	PR_ATTR(pr_int, nla_get_u16, IFLA_BRPORT_PRIORITY, "priority",
		"priority %d ");
	PR_ATTR(pr_int, (int)nla_get_u32, IFLA_BRPORT_COST, "cost",
		"cost %d ");
	PR_ONOFF(IFLA_BRPORT_MODE, "hairpin", "hairpin %s ");
	PR_ONOFF(IFLA_BRPORT_GUARD, "guard", "guard %s ");
	PR_ONOFF(IFLA_BRPORT_PROTECT, "root_block", "root_block %s ");
	PR_ONOFF(IFLA_BRPORT_FAST_LEAVE, "fastleave", "fastleave %s ");
	PR_ONOFF(IFLA_BRPORT_LEARNING, "learning", "learning %s ");
	PR_ONOFF(IFLA_BRPORT_UNICAST_FLOOD, "flood", "flood %s ");
}

/* the port's place in the spanning tree: ids, designated bridge and
 * root, timers */
static void port_print_stp(struct nlattr **tb)
{
	char b[64];

	PR_ATTR(pr_0xhex, nla_get_u16, IFLA_BRPORT_ID, "id",
		"port_id %#llx ");
	PR_ATTR(pr_0xhex, nla_get_u16, IFLA_BRPORT_NO, "no",
		"port_no %#llx ");
	PR_U16(IFLA_BRPORT_DESIGNATED_PORT, "designated_port",
	       "designated_port %u ");
	PR_U16(IFLA_BRPORT_DESIGNATED_COST, "designated_cost",
	       "designated_cost %u ");
	if (tb[IFLA_BRPORT_BRIDGE_ID])
		pr_string(PR_ANY, "bridge_id", "designated_bridge %s ",
			  bridge_id(tb[IFLA_BRPORT_BRIDGE_ID], b, sizeof(b)));
	if (tb[IFLA_BRPORT_ROOT_ID])
		pr_string(PR_ANY, "root_id", "designated_root %s ",
			  bridge_id(tb[IFLA_BRPORT_ROOT_ID], b, sizeof(b)));
	if (tb[IFLA_BRPORT_HOLD_TIMER])
		pr_timer("hold_timer", nla_get_u64(tb[IFLA_BRPORT_HOLD_TIMER]));
	if (tb[IFLA_BRPORT_MESSAGE_AGE_TIMER])
		pr_timer("message_age_timer",
			 nla_get_u64(tb[IFLA_BRPORT_MESSAGE_AGE_TIMER]));
	if (tb[IFLA_BRPORT_FORWARD_DELAY_TIMER])
		pr_timer("forward_delay_timer",
			 nla_get_u64(tb[IFLA_BRPORT_FORWARD_DELAY_TIMER]));
	PR_U8(IFLA_BRPORT_TOPOLOGY_CHANGE_ACK, "topology_change_ack",
	      "topology_change_ack %u ");
	PR_U8(IFLA_BRPORT_CONFIG_PENDING, "config_pending",
	      "config_pending %u ");
}

/* ip -d link: iproute2's bridge_slave_print_opt */
static void bridge_slave_print(struct link_pr *c, struct nlattr **tb)
{
	char b[256];

	if (!tb)
		return;
	port_print_settings(tb);
	port_print_stp(tb);
	PR_ONOFF(IFLA_BRPORT_PROXYARP, "proxy_arp", "proxy_arp %s ");
	PR_ONOFF(IFLA_BRPORT_PROXYARP_WIFI, "proxy_arp_wifi",
		 "proxy_arp_wifi %s ");
	PR_U8(IFLA_BRPORT_MULTICAST_ROUTER, "multicast_router",
	      "mcast_router %u ");
	/* said twice in text, once in JSON (fastleave above) */
	if (tb[IFLA_BRPORT_FAST_LEAVE])
		pr_string(PR_FP, NULL, "mcast_fast_leave %s ",
			  nla_get_u8(tb[IFLA_BRPORT_FAST_LEAVE]) ? "on" :
								  "off");
	PR_ONOFF(IFLA_BRPORT_MCAST_FLOOD, "mcast_flood", "mcast_flood %s ");
	PR_ONOFF(IFLA_BRPORT_BCAST_FLOOD, "bcast_flood", "bcast_flood %s ");
	PR_ONOFF(IFLA_BRPORT_MCAST_TO_UCAST, "mcast_to_unicast",
		 "mcast_to_unicast %s ");
	PR_ONOFF(IFLA_BRPORT_NEIGH_SUPPRESS, "neigh_suppress",
		 "neigh_suppress %s ");
	if (tb[IFLA_BRPORT_GROUP_FWD_MASK]) {
		uint16_t mask = nla_get_u16(tb[IFLA_BRPORT_GROUP_FWD_MASK]);

		pr_0xhex(PR_ANY, "group_fwd_mask", "group_fwd_mask %#llx ",
			 mask);
		pr_string(PR_ANY, "group_fwd_mask_str",
			  "group_fwd_mask_str %s ",
			  fwd_mask_str(mask, b, sizeof(b)));
	}
	PR_ONOFF(IFLA_BRPORT_VLAN_TUNNEL, "vlan_tunnel", "vlan_tunnel %s ");
	PR_ONOFF(IFLA_BRPORT_ISOLATED, "isolated", "isolated %s ");
	PR_ONOFF(IFLA_BRPORT_LOCKED, "locked", "locked %s ");
	if (tb[IFLA_BRPORT_BACKUP_PORT])
		pr_string(PR_ANY, "backup_port", "backup_port %s ",
			  link_pr_ifname(
				  c, nla_get_u32(tb[IFLA_BRPORT_BACKUP_PORT])));
}

const struct link_kind bridge_slave_kind = {
	.name = "bridge_slave",
	.summary = "the settings of a bridge port (ip link set PORT type "
		   "bridge_slave …)",
	.opts = &bridge_slave_opts,
	.put = bridge_slave_put,
	.print = bridge_slave_print,
	.maxattr = IFLA_BRPORT_MAX,
	.driver = "bridge",
};
