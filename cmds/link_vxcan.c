/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_vxcan.c - `type vxcan [peer [name] NAME [LINK-OPTIONS…]]`: a pair
 * of linked virtual CAN links, the veth of CAN (iproute2's
 * ip/iplink_vxcan.c: its peer in VXCAN_INFO_PEER, parsed as veth's).
 */
#include "config.h"

#include <linux/can/vxcan.h>

#include "link.h"

enum { VXCAN_PEER = LK_KIND_BASE };

static const struct ipl_opt vxcan_rows[] = {
	{ "peer", IPL_REST, NULL, VXCAN_PEER,
	  "the other end: [name] NAME and any ip link option", &link_opts },
	{ NULL },
};

static const struct ipl_table vxcan_opts = { "type vxcan", vxcan_rows };

static int vxcan_put(struct link_req *r)
{
	return link_put_peer(r, VXCAN_PEER, VXCAN_INFO_PEER);
}

const struct link_kind vxcan_kind = {
	.name = "vxcan",
	.summary = "a pair of linked virtual CAN links",
	.opts = &vxcan_opts,
	.put = vxcan_put,
	.driver = "vxcan",
};
