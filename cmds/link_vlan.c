/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_vlan.c - `link DEV type vlan id VLANID [protocol 802.1Q|802.1ad]
 * [reorder_hdr|gvrp|mvrp|loose_binding|bridge_binding on|off]
 * [ingress-qos-map|egress-qos-map FROM:TO…]`: an 802.1Q sub-interface,
 * as iproute2's ip/iplink_vlan.c parses and prints it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/if_vlan.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

enum { VL_PROTO = LK_KIND_BASE, VL_ID, VL_FLAG, VL_INGRESS, VL_EGRESS };

#define ONOFF "on|off"

/* FROM:TO… (the words with a colon that follow) */
static int parse_qos(struct ipl_parse *p, const struct ipl_opt *o)
{
	while (p->i < p->argc && strchr(p->argv[p->i], ':')) {
		const char *w = p->argv[p->i], *colon = strchr(w, ':');
		unsigned long long from, to;
		const char *err;
		char key[32];

		snprintf(key, sizeof(key), "%.*s", (int)(colon - w), w);
		if (parse_num(key, UINT32_MAX, &from, &err) < 0 ||
		    parse_num(colon + 1, UINT32_MAX, &to, &err) < 0)
			return ipl_fail(p, p->i, "'%s': not a QoS mapping "
					"FROM:TO", w);
		if (ipl_bind_val(p, o, "TEXT", p->i))
			return -1;
		p->i++;
	}
	if (p->completing && p->i == p->argc) {
		p->exp_arg = "FROM:TO";
		p->exp_opt = o;
		return -2;
	}
	return 0;
}

static const struct ipl_opt vlan_rows[] = {
	{ "protocol", IPL_PREFIX, "ETHPROTO", VL_PROTO, "802.1Q or 802.1ad" },
	{ "id", IPL_PREFIX, "NUM16", VL_ID, "the VLAN ID (0-4095)" },
	{ "reorder_hdr", IPL_PREFIX, ONOFF, VL_FLAG, "hide the tag from the "
						    "stack" },
	{ "gvrp", IPL_PREFIX, ONOFF, VL_FLAG, "GARP VLAN registration" },
	{ "mvrp", IPL_PREFIX, ONOFF, VL_FLAG, "MRP VLAN registration" },
	{ "loose_binding", IPL_PREFIX, ONOFF, VL_FLAG,
	  "its state does not follow the lower link's" },
	{ "bridge_binding", IPL_PREFIX, ONOFF, VL_FLAG,
	  "its state follows the bridge ports in the VLAN" },
	{ "ingress-qos-map", IPL_PREFIX, "FROM:TO…", VL_INGRESS,
	  "VLAN priority to skb priority", NULL, parse_qos },
	{ "egress-qos-map", IPL_PREFIX, "FROM:TO…", VL_EGRESS,
	  "skb priority to VLAN priority", NULL, parse_qos },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table vlan_opts = { "type vlan", vlan_rows };

static const struct {
	const char *kw;
	uint32_t flag;
	const char *name;
} flags_of[] = {
	{ "reorder_hdr", VLAN_FLAG_REORDER_HDR, "REORDER_HDR" },
	{ "gvrp", VLAN_FLAG_GVRP, "GVRP" },
	{ "mvrp", VLAN_FLAG_MVRP, "MVRP" },
	{ "loose_binding", VLAN_FLAG_LOOSE_BINDING, "LOOSE_BINDING" },
	{ "bridge_binding", VLAN_FLAG_BRIDGE_BINDING, "BRIDGE_BINDING" },
};

static int vlan_put(struct link_req *r)
{
	const struct nsh_args *a = r->a;
	struct ifla_vlan_flags fl = { 0 };
	struct nl_msg *m = r->msg;
	int rc = 0;

	for (int i = r->from; i < r->to && rc >= 0; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		struct nlattr *nest;

		switch (o->key) {
		case VL_PROTO:
			rc = nla_put_u16(m, IFLA_VLAN_PROTOCOL,
					 (uint16_t)v->num);
			break;
		case VL_ID:
			rc = nla_put_u16(m, IFLA_VLAN_ID, (uint16_t)v->num);
			break;
		case VL_FLAG:
			for (size_t k = 0; k < ARRAY_SIZE(flags_of); k++) {
				if (!streq(flags_of[k].kw, o->kw))
					continue;
				fl.mask |= flags_of[k].flag;
				if (streq(v->text, "on"))
					fl.flags |= flags_of[k].flag;
				else
					fl.flags &= ~flags_of[k].flag;
			}
			break;
		case VL_INGRESS:
		case VL_EGRESS:
			nest = nla_nest_start(m, o->key == VL_INGRESS ?
							 IFLA_VLAN_INGRESS_QOS :
							 IFLA_VLAN_EGRESS_QOS);
			if (!nest)
				return nsh_err(r->sh, "out of memory");
			for (int n = 0; rc >= 0 && ipl_arg(a, i, n); n++) {
				const char *w = ipl_arg(a, i, n)->text;
				struct ifla_vlan_qos_mapping map = {
					(uint32_t)strtoul(w, NULL, 0),
					(uint32_t)strtoul(strchr(w, ':') + 1,
							  NULL, 0),
				};

				rc = nla_put(m, IFLA_VLAN_QOS_MAPPING,
					     sizeof(map), &map);
			}
			nla_nest_end(m, nest);
			break;
		}
	}
	if (rc >= 0 && fl.mask)
		rc = nla_put(m, IFLA_VLAN_FLAGS, sizeof(fl), &fl);
	return rc < 0 ? nsh_err(r->sh, "out of memory") : 0;
}

static void print_map(const char *key, const char *label, struct nlattr *a)
{
	struct nlattr *i;
	int rem;

	pr_arr_open(PR_JSON, key);
	pr_nl();
	pr_string(PR_FP, NULL, "      %s { ", label);
	nla_for_each_nested(i, a, rem) {
		const struct ifla_vlan_qos_mapping *map = nla_data(i);

		if (pr_json()) {
			pr_obj_open(NULL);
			pr_uint(PR_JSON, "from", NULL, map->from);
			pr_uint(PR_JSON, "to", NULL, map->to);
			pr_obj_close();
		} else {
			printf("%u:%u ", map->from, map->to);
		}
	}
	pr_arr_close(PR_JSON, NULL);
	pr_string(PR_FP, NULL, "%s ", "}");
}

/* ip -d link: iproute2's vlan_print_opt */
static void vlan_print(struct link_pr *c, struct nlattr **tb)
{
	char b[32];

	if (!tb || (tb[IFLA_VLAN_PROTOCOL] &&
		    nla_len(tb[IFLA_VLAN_PROTOCOL]) < 2) ||
	    !tb[IFLA_VLAN_ID] || nla_len(tb[IFLA_VLAN_ID]) < 2)
		return;
	if (tb[IFLA_VLAN_PROTOCOL])
		pr_string(PR_ANY, "protocol", "protocol %s ",
			  pr_llproto(nla_get_u16(tb[IFLA_VLAN_PROTOCOL]),
				     link_pr_sh(c)->o.numeric, b, sizeof(b)));
	else
		pr_string(PR_ANY, "protocol", "protocol %s ", "802.1q");
	pr_uint(PR_ANY, "id", "id %u ", nla_get_u16(tb[IFLA_VLAN_ID]));
	if (tb[IFLA_VLAN_FLAGS]) {
		const struct ifla_vlan_flags *fl;
		uint32_t f;

		if (nla_len(tb[IFLA_VLAN_FLAGS]) < (int)sizeof(*fl))
			return;
		fl = nla_data(tb[IFLA_VLAN_FLAGS]);
		f = fl->flags;
		pr_arr_open(PR_ANY, pr_json() ? "flags" : "<");
		for (size_t k = 0; k < ARRAY_SIZE(flags_of); k++) {
			if (!(f & flags_of[k].flag))
				continue;
			f &= ~flags_of[k].flag;
			pr_string(PR_ANY, NULL, f ? "%s," : "%s",
				  flags_of[k].name);
		}
		if (f)
			pr_hex(PR_ANY, NULL, "%x", f);
		pr_arr_close(PR_ANY, "> ");
	}
	if (tb[IFLA_VLAN_INGRESS_QOS])
		print_map("ingress_qos", "ingress-qos-map",
			  tb[IFLA_VLAN_INGRESS_QOS]);
	if (tb[IFLA_VLAN_EGRESS_QOS])
		print_map("egress_qos", "egress-qos-map",
			  tb[IFLA_VLAN_EGRESS_QOS]);
}

const struct link_kind vlan_kind = {
	.name = "vlan",
	.summary = "an 802.1Q VLAN on a lower link (link DEV … id N)",
	.opts = &vlan_opts,
	.put = vlan_put,
	.print = vlan_print,
	.maxattr = IFLA_VLAN_MAX,
	.driver = "8021q",
};
