/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_tun.c - the details of a tun or tap link for `ip -d link` (made by
 * `ip tuntap add`, not by rtnetlink), as iproute2's ip/iptuntap.c prints
 * them: type, pi, vnet_hdr, queues, persist, owner and group.
 */
#include "config.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <linux/if_link.h>
#include <linux/if_tun.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>

#include "link.h"

static void tun_print(struct link_pr *c, struct nlattr **tb)
{
	if (!tb)
		return;
	if (tb[IFLA_TUN_TYPE]) {
		uint8_t t = nla_get_u8(tb[IFLA_TUN_TYPE]);
		char b[32];

		snprintf(b, sizeof(b), "UNKNOWN:%hhu", t);
		pr_string(PR_ANY, "type", "type %s ",
			  t == IFF_TUN ? "tun" : t == IFF_TAP ? "tap" : b);
	}
	PR_ONOFF(IFLA_TUN_PI, "pi", "pi %s ");
	PR_ONOFF(IFLA_TUN_VNET_HDR, "vnet_hdr", "vnet_hdr %s ");
	if (!tb[IFLA_TUN_MULTI_QUEUE] ||
	    !nla_get_u8(tb[IFLA_TUN_MULTI_QUEUE])) {
		if (pr_json())
			pr_bool(PR_JSON, "multi_queue", NULL, false);
	} else {
		pr_bool(PR_ANY, "multi_queue", "multi_queue ", true);
		PR_U32(IFLA_TUN_NUM_QUEUES, "numqueues", "numqueues %u ");
		PR_U32(IFLA_TUN_NUM_DISABLED_QUEUES, "numdisabled",
		       "numdisabled %u ");
	}
	PR_ONOFF(IFLA_TUN_PERSIST, "persist", "persist %s ");
	if (tb[IFLA_TUN_OWNER]) {
		uint32_t uid = nla_get_u32(tb[IFLA_TUN_OWNER]);
		struct passwd *pw = getpwuid(uid);

		if (pw)
			pr_string(PR_ANY, "user", "user %s ", pw->pw_name);
		else
			pr_uint(PR_ANY, "user", "user %u ", uid);
	}
	if (tb[IFLA_TUN_GROUP]) {
		uint32_t gid = nla_get_u32(tb[IFLA_TUN_GROUP]);
		struct group *g = getgrgid(gid);

		if (g)
			pr_string(PR_ANY, "group", "group %s ", g->gr_name);
		else
			pr_uint(PR_ANY, "group", "group %u ", gid);
	}
}

const struct link_kind tun_kind = {
	.name = "tun",
	.summary = "a tun or tap link (made with ip tuntap, shown here)",
	.print = tun_print,
	.maxattr = IFLA_TUN_MAX,
	.driver = "tun",
};
