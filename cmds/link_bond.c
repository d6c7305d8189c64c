/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_bond.c - `type bond [mode MODE] [miimon MS] [primary DEV] …`: a
 * link aggregation (ports join it with `master`), with every option of
 * iproute2's ip/iplink_bond.c, parsed and printed as it does (the
 * enumerations by name or by number).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

#define BOND_MAX_TARGETS 16

/* the names of the enumerations, in their numbers' order */
const char *const link_bond_modes[] = {
	"balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad",
	"balance-tlb", "balance-alb", NULL,
};
const char *const link_bond_arp_validate[] = {
	"none", "active", "backup", "all", "filter", "filter_active",
	"filter_backup", NULL,
};
const char *const link_bond_arp_all_targets[] = { "any", "all", NULL };
const char *const link_bond_primary_reselect[] = {
	"always", "better", "failure", NULL,
};
const char *const link_bond_fail_over_mac[] = {
	"none", "active", "follow", NULL,
};
const char *const link_bond_xmit_hash_policy[] = {
	"layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4",
	"vlan+srcmac", NULL,
};
const char *const link_bond_lacp_active[] = { "off", "on", NULL };
const char *const link_bond_lacp_rate[] = { "slow", "fast", NULL };
const char *const link_bond_ad_select[] = {
	"stable", "bandwidth", "count", NULL,
};

#define BD(attr, t) LINK_ATTR(IFLA_BOND_##attr, LA_##t)

enum { BD_ARP_TARGETS = LK_KIND_BASE, BD_NS_TARGETS };

/* [A,B,…]: an optional list of addresses of FAMILY; the next word, if
 * any, is taken as the list (as iproute2 takes it) */
static int parse_targets(struct ipl_parse *p, const struct ipl_opt *o,
			 int family)
{
	char buf[1024], *save = NULL;
	struct nsh_prefix a;
	const char *err;
	char eb[128];
	int n = 0;

	if (p->i >= p->argc)
		return 0;
	snprintf(buf, sizeof(buf), "%s", p->argv[p->i]);
	for (char *t = strtok_r(buf, ",", &save); t && n < BOND_MAX_TARGETS;
	     t = strtok_r(NULL, ",", &save), n++)
		if (parse_prefix(t, false, &a, eb, sizeof(eb), &err) < 0 ||
		    a.family != family)
			return ipl_fail(p, p->i, "'%s': not an IPv%c address",
					t, family == AF_INET ? '4' : '6');
	if (ipl_bind_val(p, o, "TEXT", p->i))
		return -1;
	p->i++;
	return 0;
}

static int parse_targets4(struct ipl_parse *p, const struct ipl_opt *o)
{
	return parse_targets(p, o, AF_INET);
}

static int parse_targets6(struct ipl_parse *p, const struct ipl_opt *o)
{
	return parse_targets(p, o, AF_INET6);
}

static const struct ipl_opt bond_rows[] = {
	{ "mode", IPL_PREFIX, "BONDMODE", BD(MODE, U8), "balance-rr, "
	  "active-backup, balance-xor, broadcast, 802.3ad, balance-tlb, "
	  "balance-alb" },
	{ "active_slave", IPL_PREFIX, "DEV", BD(ACTIVE_SLAVE, DEV),
	  "the active port" },
	{ "clear_active_slave", IPL_PREFIX, NULL, BD(ACTIVE_SLAVE, ZERO32),
	  "no active port" },
	{ "miimon", IPL_PREFIX, "NUM", BD(MIIMON, U32), "link check "
							"interval (ms)" },
	{ "updelay", IPL_PREFIX, "NUM", BD(UPDELAY, U32), "(ms)" },
	{ "downdelay", IPL_PREFIX, "NUM", BD(DOWNDELAY, U32), "(ms)" },
	{ "peer_notify_delay", IPL_PREFIX, "NUM", BD(PEER_NOTIF_DELAY, U32),
	  "(ms)" },
	{ "use_carrier", IPL_PREFIX, "NUM8", BD(USE_CARRIER, U8), NULL },
	{ "arp_interval", IPL_PREFIX, "NUM", BD(ARP_INTERVAL, U32), "(ms)" },
	{ "arp_ip_target", IPL_PREFIX, "A,B,…", BD_ARP_TARGETS,
	  "the IPv4 addresses to ARP for", NULL, parse_targets4 },
	{ "ns_ip6_target", 0, "A,B,…", BD_NS_TARGETS,
	  "the IPv6 addresses to solicit", NULL, parse_targets6 },
	{ "arp_validate", IPL_PREFIX, "ARPVALIDATE", BD(ARP_VALIDATE, U32),
	  NULL },
	{ "arp_all_targets", IPL_PREFIX, "ARPALLTARGETS",
	  BD(ARP_ALL_TARGETS, U32), "any or all" },
	{ "arp_missed_max", 0, "NUM8", BD(MISSED_MAX, U8), NULL },
	{ "primary", IPL_PREFIX, "DEV", BD(PRIMARY, DEV), "the preferred "
							  "port" },
	{ "primary_reselect", IPL_PREFIX, "PRIMARYRESELECT",
	  BD(PRIMARY_RESELECT, U8), "always, better or failure" },
	{ "fail_over_mac", IPL_PREFIX, "FAILOVERMAC", BD(FAIL_OVER_MAC, U8),
	  "none, active or follow" },
	{ "xmit_hash_policy", IPL_PREFIX, "XMITHASH",
	  BD(XMIT_HASH_POLICY, U8), "layer2, layer2+3, layer3+4, …" },
	{ "resend_igmp", IPL_PREFIX, "NUM", BD(RESEND_IGMP, U32), NULL },
	{ "num_grat_arp", IPL_PREFIX, "NUM8", BD(NUM_PEER_NOTIF, U8), NULL },
	{ "num_unsol_na", IPL_PREFIX | IPL_ALIAS, "NUM8",
	  BD(NUM_PEER_NOTIF, U8) },
	{ "all_slaves_active", IPL_PREFIX, "NUM8", BD(ALL_SLAVES_ACTIVE, U8),
	  NULL },
	{ "min_links", IPL_PREFIX, "NUM", BD(MIN_LINKS, U32), NULL },
	{ "lp_interval", IPL_PREFIX, "NUM", BD(LP_INTERVAL, U32), NULL },
	{ "packets_per_slave", IPL_PREFIX, "NUM", BD(PACKETS_PER_SLAVE, U32),
	  NULL },
	{ "lacp_rate", IPL_PREFIX, "LACPRATE", BD(AD_LACP_RATE, U8),
	  "slow or fast" },
	{ "lacp_active", 0, "LACPACTIVE", BD(AD_LACP_ACTIVE, U8),
	  "off or on" },
	{ "ad_select", IPL_PREFIX, "ADSELECT", BD(AD_SELECT, U8),
	  "stable, bandwidth or count" },
	{ "ad_user_port_key", IPL_PREFIX, "NUM16", BD(AD_USER_PORT_KEY, U16),
	  NULL },
	{ "ad_actor_sys_prio", IPL_PREFIX, "NUM16",
	  BD(AD_ACTOR_SYS_PRIO, U16), NULL },
	{ "ad_actor_system", IPL_PREFIX, "LLADDR", BD(AD_ACTOR_SYSTEM, MAC),
	  NULL },
	{ "tlb_dynamic_lb", IPL_PREFIX, "NUM8", BD(TLB_DYNAMIC_LB, U8),
	  NULL },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table bond_opts = { "type bond", bond_rows };

static int bond_put(struct link_req *r)
{
	const struct nsh_args *a = r->a;

	if (link_put_attrs(r))
		return 1;
	for (int i = r->from; i < r->to; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		bool v4 = o->key == BD_ARP_TARGETS;
		char buf[1024], *save = NULL;
		struct nlattr *nest;
		int n = 0;

		if (o->key != BD_ARP_TARGETS && o->key != BD_NS_TARGETS)
			continue;
		nest = nla_nest_start(r->msg, v4 ? IFLA_BOND_ARP_IP_TARGET :
						   IFLA_BOND_NS_IP6_TARGET);
		if (!nest)
			return nsh_err(r->sh, "out of memory");
		snprintf(buf, sizeof(buf), "%s", v ? v->text : "");
		for (char *t = strtok_r(buf, ",", &save);
		     t && n < BOND_MAX_TARGETS;
		     t = strtok_r(NULL, ",", &save), n++) {
			unsigned char addr[16];

			if (inet_pton(v4 ? AF_INET : AF_INET6, t, addr) != 1 ||
			    nla_put(r->msg, n, v4 ? 4 : 16, addr) < 0)
				return nsh_err(r->sh, "'%s': not an address",
					       t);
		}
		nla_nest_end(r->msg, nest);
	}
	return 0;
}

static const char *name_of(const char *const *tbl, unsigned i)
{
	for (unsigned k = 0; tbl[k]; k++)
		if (k == i)
			return tbl[k];
	return "UNKNOWN";
}

static void print_name(struct nlattr **tb, int attr, bool u32,
		       const char *const *tbl, const char *key,
		       const char *fmt)
{
	if (tb[attr])
		pr_string(PR_ANY, key, fmt,
			  name_of(tbl, u32 ? nla_get_u32(tb[attr]) :
					     nla_get_u8(tb[attr])));
}

static void print_targets(struct nlattr *a, int af, const char *key,
			  const char *label)
{
	struct nlattr *t[BOND_MAX_TARGETS + 1];
	char b[INET6_ADDRSTRLEN];

	if (nla_parse_nested(t, BOND_MAX_TARGETS, a, NULL) < 0)
		return;
	if (t[0]) {
		pr_arr_open(PR_JSON, key);
		pr_string(PR_FP, NULL, label, NULL);
	}
	for (int i = 0; i < BOND_MAX_TARGETS; i++) {
		if (t[i])
			pr_string(PR_ANY, NULL, "%s",
				  inet_ntop(af, nla_data(t[i]), b, sizeof(b)));
		if (!pr_json() && i < BOND_MAX_TARGETS - 1 && t[i + 1])
			putchar(',');
	}
	if (t[0]) {
		pr_string(PR_FP, NULL, " ", NULL);
		pr_arr_close(PR_JSON, NULL);
	}
}

static void print_ad_info(struct nlattr *a)
{
	struct nlattr *ad[IFLA_BOND_AD_INFO_MAX + 1];
	char b[64];

	if (nla_parse_nested(ad, IFLA_BOND_AD_INFO_MAX, a, NULL) < 0)
		return;
	pr_obj_open("ad_info");
	if (ad[IFLA_BOND_AD_INFO_AGGREGATOR])
		pr_int(PR_ANY, "aggregator", "ad_aggregator %d ",
		       nla_get_u16(ad[IFLA_BOND_AD_INFO_AGGREGATOR]));
	if (ad[IFLA_BOND_AD_INFO_NUM_PORTS])
		pr_int(PR_ANY, "num_ports", "ad_num_ports %d ",
		       nla_get_u16(ad[IFLA_BOND_AD_INFO_NUM_PORTS]));
	if (ad[IFLA_BOND_AD_INFO_ACTOR_KEY])
		pr_int(PR_ANY, "actor_key", "ad_actor_key %d ",
		       nla_get_u16(ad[IFLA_BOND_AD_INFO_ACTOR_KEY]));
	if (ad[IFLA_BOND_AD_INFO_PARTNER_KEY])
		pr_int(PR_ANY, "partner_key", "ad_partner_key %d ",
		       nla_get_u16(ad[IFLA_BOND_AD_INFO_PARTNER_KEY]));
	if (ad[IFLA_BOND_AD_INFO_PARTNER_MAC])
		pr_string(PR_ANY, "partner_mac", "ad_partner_mac %s ",
			  pr_lladdr(nla_data(ad[IFLA_BOND_AD_INFO_PARTNER_MAC]),
				    6, 0, b, sizeof(b)));
	pr_obj_close();
}

/* link monitoring: MII and ARP (or NS) probing, their targets and
 * validation */
static void bond_print_monitor(struct nlattr **tb)
{
	PR_U32(IFLA_BOND_MIIMON, "miimon", "miimon %u ");
	PR_U32(IFLA_BOND_UPDELAY, "updelay", "updelay %u ");
	PR_U32(IFLA_BOND_DOWNDELAY, "downdelay", "downdelay %u ");
	PR_U32(IFLA_BOND_PEER_NOTIF_DELAY, "peer_notify_delay",
	       "peer_notify_delay %u ");
	PR_U8(IFLA_BOND_USE_CARRIER, "use_carrier", "use_carrier %u ");
	PR_U32(IFLA_BOND_ARP_INTERVAL, "arp_interval", "arp_interval %u ");
	PR_U8(IFLA_BOND_MISSED_MAX, "arp_missed_max", "arp_missed_max %u ");
	if (tb[IFLA_BOND_ARP_IP_TARGET])
		print_targets(tb[IFLA_BOND_ARP_IP_TARGET], AF_INET,
			      "arp_ip_target", "arp_ip_target ");
	if (tb[IFLA_BOND_NS_IP6_TARGET])
		print_targets(tb[IFLA_BOND_NS_IP6_TARGET], AF_INET6,
			      "ns_ip6_target", "ns_ip6_target ");
	if (tb[IFLA_BOND_ARP_VALIDATE]) {
		uint32_t v = nla_get_u32(tb[IFLA_BOND_ARP_VALIDATE]);

		if (!v && pr_json())
			pr_null(PR_JSON, "arp_validate", NULL, NULL);
		else
			pr_string(PR_ANY, "arp_validate", "arp_validate %s ",
				  name_of(link_bond_arp_validate, v));
	}
	print_name(tb, IFLA_BOND_ARP_ALL_TARGETS, true,
		   link_bond_arp_all_targets, "arp_all_targets",
		   "arp_all_targets %s ");
}

/* 802.3ad: LACP, the aggregator selection and info, the actor */
static void bond_print_ad(struct nlattr **tb)
{
	char b[64];

	print_name(tb, IFLA_BOND_AD_LACP_ACTIVE, false, link_bond_lacp_active,
		   "ad_lacp_active", "lacp_active %s ");
	print_name(tb, IFLA_BOND_AD_LACP_RATE, false, link_bond_lacp_rate,
		   "ad_lacp_rate", "lacp_rate %s ");
	print_name(tb, IFLA_BOND_AD_SELECT, false, link_bond_ad_select,
		   "ad_select", "ad_select %s ");
	if (tb[IFLA_BOND_AD_INFO])
		print_ad_info(tb[IFLA_BOND_AD_INFO]);
	PR_U16(IFLA_BOND_AD_ACTOR_SYS_PRIO, "ad_actor_sys_prio",
	       "ad_actor_sys_prio %u ");
	PR_U16(IFLA_BOND_AD_USER_PORT_KEY, "ad_user_port_key",
	       "ad_user_port_key %u ");
	if (tb[IFLA_BOND_AD_ACTOR_SYSTEM])
		pr_string(PR_ANY, "ad_actor_system", "ad_actor_system %s ",
			  pr_lladdr(nla_data(tb[IFLA_BOND_AD_ACTOR_SYSTEM]),
				    nla_len(tb[IFLA_BOND_AD_ACTOR_SYSTEM]), 1,
				    b, sizeof(b)));
}

/* ip -d link: iproute2's bond_print_opt */
static void bond_print(struct link_pr *c, struct nlattr **tb)
{
	if (!tb)
		return;
	print_name(tb, IFLA_BOND_MODE, false, link_bond_modes, "mode",
		   "mode %s ");
	if (tb[IFLA_BOND_ACTIVE_SLAVE] &&
	    nla_get_u32(tb[IFLA_BOND_ACTIVE_SLAVE]))
		pr_string(PR_ANY, "active_slave", "active_slave %s ",
			  link_pr_ifname(
				  c, nla_get_u32(tb[IFLA_BOND_ACTIVE_SLAVE])));
	bond_print_monitor(tb);
	if (tb[IFLA_BOND_PRIMARY] && nla_get_u32(tb[IFLA_BOND_PRIMARY]))
		pr_string(PR_ANY, "primary", "primary %s ",
			  link_pr_ifname(c,
					 nla_get_u32(tb[IFLA_BOND_PRIMARY])));
	print_name(tb, IFLA_BOND_PRIMARY_RESELECT, false,
		   link_bond_primary_reselect, "primary_reselect",
		   "primary_reselect %s ");
	print_name(tb, IFLA_BOND_FAIL_OVER_MAC, false, link_bond_fail_over_mac,
		   "fail_over_mac", "fail_over_mac %s ");
	print_name(tb, IFLA_BOND_XMIT_HASH_POLICY, false,
		   link_bond_xmit_hash_policy, "xmit_hash_policy",
		   "xmit_hash_policy %s ");
	PR_U32(IFLA_BOND_RESEND_IGMP, "resend_igmp", "resend_igmp %u ");
	PR_U8(IFLA_BOND_NUM_PEER_NOTIF, "num_peer_notif", "num_grat_arp %u ");
	PR_U8(IFLA_BOND_ALL_SLAVES_ACTIVE, "all_slaves_active",
	      "all_slaves_active %u ");
	PR_U32(IFLA_BOND_MIN_LINKS, "min_links", "min_links %u ");
	PR_U32(IFLA_BOND_LP_INTERVAL, "lp_interval", "lp_interval %u ");
	PR_U32(IFLA_BOND_PACKETS_PER_SLAVE, "packets_per_slave",
	       "packets_per_slave %u ");
	bond_print_ad(tb);
	PR_U8(IFLA_BOND_TLB_DYNAMIC_LB, "tlb_dynamic_lb", "tlb_dynamic_lb %u ");
}

const struct link_kind bond_kind = {
	.name = "bond",
	.summary = "a link aggregation; ports join it with 'master'",
	.opts = &bond_opts,
	.put = bond_put,
	.print = bond_print,
	.maxattr = IFLA_BOND_MAX,
	.driver = "bonding",
};
