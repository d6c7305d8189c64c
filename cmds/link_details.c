/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_details.c - what `ip -d link` adds after the link-layer line, as
 * iproute2's print_linkinfo prints it: the promiscuity and MTU bounds,
 * the kind's (and the port's) own details through the kinds' print(),
 * the IPv6 address generation mode, the queues and GSO/GRO limits, the
 * physical port and parent device.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/if_addr.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>

#include "link_pr.h"

/* "addrgenmode eui64": IFLA_INET6_ADDR_GEN_MODE in AF_SPEC */
static void print_addr_gen_mode(struct nlattr *af_spec)
{
	struct nlattr *tb[IFLA_INET6_MAX + 1], *in6 = NULL, *a;
	const char *s;
	char b[16];
	int rem;

	nla_for_each_nested(a, af_spec, rem)
		if (nla_type(a) == AF_INET6)
			in6 = a;
	if (!in6 || nla_parse_nested(tb, IFLA_INET6_MAX, in6, NULL) < 0 ||
	    !tb[IFLA_INET6_ADDR_GEN_MODE])
		return;
	switch (nla_get_u8(tb[IFLA_INET6_ADDR_GEN_MODE])) {
	case IN6_ADDR_GEN_MODE_EUI64: s = "eui64"; break;
	case IN6_ADDR_GEN_MODE_NONE: s = "none"; break;
	case IN6_ADDR_GEN_MODE_STABLE_PRIVACY: s = "stable_secret"; break;
	case IN6_ADDR_GEN_MODE_RANDOM: s = "random"; break;
	default:
		snprintf(b, sizeof(b), "%#.2hhx",
			 nla_get_u8(tb[IFLA_INET6_ADDR_GEN_MODE]));
		s = b;
	}
	pr_string(PR_ANY, "inet6_addr_gen_mode", "addrgenmode %s ", s);
}

/* the kind's (and the port's) details: "\n    veth …", "linkinfo" */
static void print_linktype(struct link_pr *c, struct nlattr *li)
{
	struct nlattr *info[IFLA_INFO_MAX + 1], *tb[LINK_KIND_MAXATTR + 1];
	const struct link_kind *k;
	bool have;

	if (nla_parse_nested(info, IFLA_INFO_MAX, li, NULL) < 0)
		return;
	pr_obj_open("linkinfo");
	for (int slave = 0; slave < 2; slave++) {
		struct nlattr *kind = info[slave ? IFLA_INFO_SLAVE_KIND :
						   IFLA_INFO_KIND];
		struct nlattr *data = info[slave ? IFLA_INFO_SLAVE_DATA :
						   IFLA_INFO_DATA];
		char name[64];

		if (!kind)
			continue;
		snprintf(name, sizeof(name), "%s%s", nla_get_string(kind),
			 slave ? "_slave" : "");
		pr_nl();
		pr_string(PR_ANY, slave ? "info_slave_kind" : "info_kind",
			  slave ? "    %s_slave " : "    %s ",
			  nla_get_string(kind));
		k = link_kind_find(name);
		if (!k || !k->print || k->maxattr >= LINK_KIND_MAXATTR)
			continue;
		have = data && nla_parse_nested(tb, k->maxattr, data,
						NULL) == 0;
		pr_obj_open(slave ? "info_slave_data" : "info_data");
		k->print(c, have ? tb : NULL);
		pr_obj_close();
	}
	pr_obj_close();
}

/* a u32 attribute of TB, if present */
static void print_u32_attr(struct nlattr **tb, int attr, const char *key,
			   const char *fmt)
{
	if (tb[attr])
		pr_uint(PR_ANY, key, fmt, nla_get_u32(tb[attr]));
}

void link_pr_details(struct link_pr *c, struct nlattr **tb)
{
	char b[128];

	print_u32_attr(tb, IFLA_PROMISCUITY, "promiscuity", " promiscuity %u ");
	print_u32_attr(tb, IFLA_ALLMULTI, "allmulti", " allmulti %u ");
	print_u32_attr(tb, IFLA_MIN_MTU, "min_mtu", "minmtu %u ");
	print_u32_attr(tb, IFLA_MAX_MTU, "max_mtu", "maxmtu %u ");
	if (tb[IFLA_LINKINFO])
		print_linktype(c, tb[IFLA_LINKINFO]);
	if (tb[IFLA_AF_SPEC] && c->do_link)
		print_addr_gen_mode(tb[IFLA_AF_SPEC]);
	print_u32_attr(tb, IFLA_NUM_TX_QUEUES, "num_tx_queues",
		       "numtxqueues %u ");
	print_u32_attr(tb, IFLA_NUM_RX_QUEUES, "num_rx_queues",
		       "numrxqueues %u ");
	print_u32_attr(tb, IFLA_GSO_MAX_SIZE, "gso_max_size",
		       "gso_max_size %u ");
	print_u32_attr(tb, IFLA_GSO_MAX_SEGS, "gso_max_segs",
		       "gso_max_segs %u ");
	print_u32_attr(tb, IFLA_TSO_MAX_SIZE, "tso_max_size",
		       "tso_max_size %u ");
	print_u32_attr(tb, IFLA_TSO_MAX_SEGS, "tso_max_segs",
		       "tso_max_segs %u ");
	print_u32_attr(tb, IFLA_GRO_MAX_SIZE, "gro_max_size",
		       "gro_max_size %u ");
	if (tb[IFLA_PHYS_PORT_NAME])
		pr_string(PR_ANY, "phys_port_name", "portname %s ",
			  nla_get_string(tb[IFLA_PHYS_PORT_NAME]));
	if (tb[IFLA_PHYS_PORT_ID])
		pr_string(PR_ANY, "phys_port_id", "portid %s ",
			  pr_hexstring(nla_data(tb[IFLA_PHYS_PORT_ID]),
				       nla_len(tb[IFLA_PHYS_PORT_ID]), b,
				       sizeof(b)));
	if (tb[IFLA_PHYS_SWITCH_ID])
		pr_string(PR_ANY, "phys_switch_id", "switchid %s ",
			  pr_hexstring(nla_data(tb[IFLA_PHYS_SWITCH_ID]),
				       nla_len(tb[IFLA_PHYS_SWITCH_ID]), b,
				       sizeof(b)));
	if (tb[IFLA_PARENT_DEV_BUS_NAME])
		pr_string(PR_ANY, "parentbus", "parentbus %s ",
			  nla_get_string(tb[IFLA_PARENT_DEV_BUS_NAME]));
	if (tb[IFLA_PARENT_DEV_NAME])
		pr_string(PR_ANY, "parentdev", "parentdev %s ",
			  nla_get_string(tb[IFLA_PARENT_DEV_NAME]));
}
