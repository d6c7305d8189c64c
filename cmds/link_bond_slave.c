/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_bond_slave.c - `ip link set PORT type bond_slave [queue_id ID]
 * [prio N]`, and the port's details for `ip -d link`, as iproute2's
 * ip/iplink_bond_slave.c.
 */
#include "config.h"

#include <linux/if_bonding.h>
#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

static const struct ipl_opt bond_slave_rows[] = {
	{ "queue_id", IPL_PREFIX, "NUM16",
	  LINK_ATTR(IFLA_BOND_SLAVE_QUEUE_ID, LA_U16), "the port's queue" },
	{ "prio", 0, "INT", LINK_ATTR(IFLA_BOND_SLAVE_PRIO, LA_U32),
	  "the port's priority" },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table bond_slave_opts = { "type bond_slave",
						  bond_slave_rows };

static void print_oper_state(const char *key, uint16_t st)
{
	static const struct {
		uint16_t bit;
		const char *name;
	} bits[] = {
		{ LACP_STATE_LACP_ACTIVITY, "active" },
		{ LACP_STATE_LACP_TIMEOUT, "short_timeout" },
		{ LACP_STATE_AGGREGATION, "aggregating" },
		{ LACP_STATE_SYNCHRONIZATION, "in_sync" },
		{ LACP_STATE_COLLECTING, "collecting" },
		{ LACP_STATE_DISTRIBUTING, "distributing" },
		{ LACP_STATE_DEFAULTED, "defaulted" },
		{ LACP_STATE_EXPIRED, "expired" },
	};

	pr_arr_open(PR_ANY, key);
	pr_string(PR_FP, NULL, " <", NULL);
	for (size_t i = 0; i < ARRAY_SIZE(bits); i++) {
		if (!(st & bits[i].bit))
			continue;
		st &= (uint16_t)~bits[i].bit;
		pr_string(PR_ANY, NULL, st ? "%s," : "%s", bits[i].name);
	}
	pr_arr_close(PR_ANY, "> ");
}

/* ip -d link: iproute2's bond_slave_print_opt */
static void bond_slave_print(struct link_pr *c, struct nlattr **tb)
{
	static const char *const states[] = { "ACTIVE", "BACKUP" };
	static const char *const mii[] = {
		"UP", "GOING_DOWN", "DOWN", "GOING_BACK",
	};
	char b[64];

	if (!tb)
		return;
	if (tb[IFLA_BOND_SLAVE_STATE]) {
		uint8_t s = nla_get_u8(tb[IFLA_BOND_SLAVE_STATE]);

		if (s >= ARRAY_SIZE(states))
			pr_int(PR_ANY, "state_index", "state %d ", s);
		else
			pr_string(PR_ANY, "state", "state %s ", states[s]);
	}
	if (tb[IFLA_BOND_SLAVE_MII_STATUS]) {
		uint8_t s = nla_get_u8(tb[IFLA_BOND_SLAVE_MII_STATUS]);

		if (s >= ARRAY_SIZE(mii))
			pr_int(PR_ANY, "mii_status_index", "mii_status %d ",
			       s);
		else
			pr_string(PR_ANY, "mii_status", "mii_status %s ",
				  mii[s]);
	}
	PR_ATTR(pr_int, (int)nla_get_u32, IFLA_BOND_SLAVE_LINK_FAILURE_COUNT,
		"link_failure_count", "link_failure_count %d ");
	if (tb[IFLA_BOND_SLAVE_PERM_HWADDR])
		pr_string(PR_ANY, "perm_hwaddr", "perm_hwaddr %s ",
			  pr_lladdr(nla_data(tb[IFLA_BOND_SLAVE_PERM_HWADDR]),
				    nla_len(tb[IFLA_BOND_SLAVE_PERM_HWADDR]), 0,
				    b, sizeof(b)));
	PR_ATTR(pr_int, nla_get_u16, IFLA_BOND_SLAVE_QUEUE_ID, "queue_id",
		"queue_id %d ");
	PR_ATTR(pr_int, (int)nla_get_u32, IFLA_BOND_SLAVE_PRIO, "prio",
		"prio %d ");
	PR_ATTR(pr_int, nla_get_u16, IFLA_BOND_SLAVE_AD_AGGREGATOR_ID,
		"ad_aggregator_id", "ad_aggregator_id %d ");
	if (tb[IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE]) {
		uint8_t st = nla_get_u8(
			tb[IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE]);

		pr_int(PR_ANY, "ad_actor_oper_port_state",
		       "ad_actor_oper_port_state %d ", st);
		print_oper_state("ad_actor_oper_port_state_str", st);
	}
	if (tb[IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE]) {
		uint8_t st = nla_get_u8(
			tb[IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE]);

		pr_int(PR_ANY, "ad_partner_oper_port_state",
		       "ad_partner_oper_port_state %d ", st);
		print_oper_state("ad_partner_oper_port_state_str", st);
	}
}

const struct link_kind bond_slave_kind = {
	.name = "bond_slave",
	.summary = "the settings of a bond port (ip link set PORT type "
		   "bond_slave …)",
	.opts = &bond_slave_opts,
	.print = bond_slave_print,
	.maxattr = IFLA_BOND_SLAVE_MAX,
	.driver = "bonding",
};
