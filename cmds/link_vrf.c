/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_vrf.c - `type vrf table TABLE`: a VRF (links join it with `master`
 * or `vrf`), and its ports' table for `ip -d link` (vrf_slave), as
 * iproute2's ip/iplink_vrf.c.
 */
#include "config.h"

#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>

#include "link.h"

static const struct ipl_opt vrf_rows[] = {
	{ "table", IPL_PREFIX, "TABLE", LINK_ATTR(IFLA_VRF_TABLE, LA_U32),
	  "its routing table" },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table vrf_opts = { "type vrf", vrf_rows };

static void vrf_print(struct link_pr *c, struct nlattr **tb)
{
	if (tb)
		PR_U32(IFLA_VRF_TABLE, "table", "table %u ");
}

static void vrf_slave_print(struct link_pr *c, struct nlattr **tb)
{
	if (tb)
		PR_U32(IFLA_VRF_PORT_TABLE, "table", "table %u ");
}

const struct link_kind vrf_kind = {
	.name = "vrf",
	.summary = "a VRF: a routing table of its own for its ports",
	.opts = &vrf_opts,
	.print = vrf_print,
	.maxattr = IFLA_VRF_MAX,
	.driver = "vrf",
};

const struct link_kind vrf_slave_kind = {
	.name = "vrf_slave",
	.summary = "a port of a VRF (its table, for ip -d link)",
	.print = vrf_slave_print,
	.maxattr = IFLA_VRF_PORT_MAX,
	.driver = "vrf",
};
