/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_ipvlan.c - `link DEV type ipvlan|ipvtap [mode l2|l3|l3s]
 * [bridge|private|vepa]`: links sharing the lower link's MAC, as
 * iproute2's ip/iplink_ipvlan.c parses and prints them (the flags always
 * sent, bridge when none is given).
 */
#include "config.h"

#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

enum { IV_MODE = LK_KIND_BASE, IV_FLAG };

static const struct ipl_opt ipvlan_rows[] = {
	{ "mode", IPL_PREFIX, "l2|l3|l3s", IV_MODE, "layer the links are "
						    "told apart at" },
	{ "private", IPL_PREFIX | IPL_ONCE, NULL, IV_FLAG,
	  "the links do not talk to each other" },
	{ "vepa", IPL_PREFIX | IPL_ONCE, NULL, IV_FLAG,
	  "their traffic goes out through the lower link" },
	{ "bridge", IPL_PREFIX | IPL_ONCE, NULL, IV_FLAG,
	  "they talk to each other directly (the default)" },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table ipvlan_opts = { "type ipvlan", ipvlan_rows };

static int ipvlan_put(struct link_req *r)
{
	const struct nsh_args *a = r->a;
	uint16_t flags = 0;
	int rc = 0;

	for (int i = r->from; i < r->to && rc >= 0; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (o->key == IV_MODE)
			rc = nla_put_u16(
				r->msg, IFLA_IPVLAN_MODE,
				streq(v->text, "l2") ? IPVLAN_MODE_L2 :
				streq(v->text, "l3") ? IPVLAN_MODE_L3 :
						       IPVLAN_MODE_L3S);
		else if (o->key == IV_FLAG && streq(o->kw, "private"))
			flags |= IPVLAN_F_PRIVATE;
		else if (o->key == IV_FLAG && streq(o->kw, "vepa"))
			flags |= IPVLAN_F_VEPA;
	}
	if (rc >= 0)
		rc = nla_put_u16(r->msg, IFLA_IPVLAN_FLAGS, flags);
	return rc < 0 ? nsh_err(r->sh, "out of memory") : 0;
}

/* ip -d link: iproute2's ipvlan_print_opt */
static void ipvlan_print(struct link_pr *c, struct nlattr **tb)
{
	if (!tb)
		return;
	if (tb[IFLA_IPVLAN_MODE] && nla_len(tb[IFLA_IPVLAN_MODE]) == 2) {
		uint16_t mode = nla_get_u16(tb[IFLA_IPVLAN_MODE]);

		pr_string(PR_ANY, "mode", " mode %s ",
			  mode == IPVLAN_MODE_L2 ? "l2" :
			  mode == IPVLAN_MODE_L3 ? "l3" :
			  mode == IPVLAN_MODE_L3S ? "l3s" : "unknown");
	}
	if (tb[IFLA_IPVLAN_FLAGS] && nla_len(tb[IFLA_IPVLAN_FLAGS]) == 2) {
		uint16_t flags = nla_get_u16(tb[IFLA_IPVLAN_FLAGS]);

		if (flags & IPVLAN_F_PRIVATE)
			pr_bool(PR_ANY, "private", "private ", true);
		else if (flags & IPVLAN_F_VEPA)
			pr_bool(PR_ANY, "vepa", "vepa ", true);
		else
			pr_bool(PR_ANY, "bridge", "bridge ", true);
	}
}

const struct link_kind ipvlan_kind = {
	.name = "ipvlan",
	.summary = "links sharing the MAC of a lower link (link DEV)",
	.opts = &ipvlan_opts,
	.put = ipvlan_put,
	.print = ipvlan_print,
	.maxattr = IFLA_IPVLAN_MAX,
	.driver = "ipvlan",
};

const struct link_kind ipvtap_kind = {
	.name = "ipvtap",
	.summary = "an ipvlan with a tap device",
	.opts = &ipvlan_opts,
	.put = ipvlan_put,
	.print = ipvlan_print,
	.maxattr = IFLA_IPVLAN_MAX,
	.driver = "ipvtap",
};
