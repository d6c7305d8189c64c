/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_xfrm.c - `type xfrm [dev PHYS_DEV] [if_id IF-ID] [external]`: an
 * XFRM (IPsec) interface, as iproute2's ip/link_xfrm.c: the interface id
 * in IFLA_XFRM_IF_ID, the underlying link in IFLA_XFRM_LINK, or
 * `external` (IFLA_XFRM_COLLECT_METADATA) instead of both.
 */
#include "config.h"

#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

enum { XF_DEV = LK_KIND_BASE, XF_IF_ID, XF_EXTERNAL };

/* iproute2's order and matching: dev and if_id by any abbreviation */
static const struct ipl_opt xfrm_rows[] = {
	{ "dev", IPL_PREFIX, "DEV", XF_DEV, "the underlying link" },
	{ "if_id", IPL_PREFIX, "NUM", XF_IF_ID,
	  "the interface id (0x1-0xffffffff) its policies match" },
	{ "external", 0, NULL, XF_EXTERNAL,
	  "the id comes with each packet (collect metadata)" },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table xfrm_opts = { "type xfrm", xfrm_rows };

static int xfrm_put(struct link_req *r)
{
	const struct nsh_args *a = r->a;
	uint32_t if_id = 0;
	int link = 0;
	bool external = false;

	for (int i = r->from; i < r->to; i = ipl_next(a, i)) {
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (a->bind[i].opt->key) {
		case XF_DEV:
			if (link_index(r->sh, v->text, &link))
				return 1;
			break;
		case XF_IF_ID:
			if (!v->num)
				return nsh_err(r->sh, "'%s': if_id value is "
						      "invalid (0x1-0xffffffff)",
					       v->text);
			if_id = (uint32_t)v->num;
			break;
		case XF_EXTERNAL:
			external = true;
			break;
		}
	}
	if (external) {
		if (if_id || link)
			return nsh_err(r->sh, "'external': cannot be combined "
					      "with if_id or dev");
		return nla_put_flag(r->msg, IFLA_XFRM_COLLECT_METADATA) < 0 ?
			       nsh_err(r->sh, "out of memory") : 0;
	}
	if (!if_id)
		return nsh_err(r->sh, "missing 'if_id IF-ID'");
	if (nla_put_u32(r->msg, IFLA_XFRM_IF_ID, if_id) < 0 ||
	    (link && nla_put_u32(r->msg, IFLA_XFRM_LINK, (uint32_t)link) < 0))
		return nsh_err(r->sh, "out of memory");
	return 0;
}

static void xfrm_print(struct link_pr *c, struct nlattr **tb)
{
	(void)c;
	if (!tb)
		return;
	if (tb[IFLA_XFRM_COLLECT_METADATA]) {
		pr_bool(PR_ANY, "external", "external ", true);
		return;
	}
	if (tb[IFLA_XFRM_IF_ID])
		pr_0xhex(PR_ANY, "if_id", "if_id %#llx ",
			 nla_get_u32(tb[IFLA_XFRM_IF_ID]));
}

const struct link_kind xfrm_kind = {
	.name = "xfrm",
	.summary = "an XFRM (IPsec) interface",
	.opts = &xfrm_opts,
	.put = xfrm_put,
	.print = xfrm_print,
	.maxattr = IFLA_XFRM_MAX,
	.driver = "xfrm_interface",
};
