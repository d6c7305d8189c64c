/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_macvlan.c - `link DEV type macvlan|macvtap [mode private|vepa|
 * bridge|passthru|source] [flag nopromisc|nodst|null] [nopromisc]
 * [nodst] [macaddr add|del MAC | set [MAC…] | flush] [bcqueuelen N]`:
 * links with their own MAC on a lower link, as iproute2's
 * ip/iplink_macvlan.c parses and prints them (macvtap: the same, with a
 * tap device).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

enum { MV_MODE = LK_KIND_BASE, MV_FLAG, MV_MACADDR, MV_NOPROMISC, MV_NODST,
       MV_BCQLEN };

#define MACADDR_MODES "add|del|set|flush"

/* macaddr add|del MAC, set [MAC…], flush */
static int parse_macaddr(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, MACADDR_MODES);
	unsigned char mac[32];

	if (!w)
		return p->completing ? -2 : -1;
	if (ipl_bind_val(p, o, MACADDR_MODES, p->i))
		return -1;
	p->i++;
	if (streq(w, "add") || streq(w, "del")) {
		if (!ipl_need(p, o, "LLADDR"))
			return p->completing ? -2 : -1;
		if (parse_lladdr(p->argv[p->i], mac, sizeof(mac)) != 6)
			return ipl_fail(p, p->i, "'%s': not a MAC address",
					p->argv[p->i]);
		if (ipl_bind_val(p, o, "LLADDR", p->i))
			return -1;
		p->i++;
	} else if (streq(w, "set")) {
		/* the MACs that follow, up to the first other word */
		while (p->i < p->argc &&
		       parse_lladdr(p->argv[p->i], mac, sizeof(mac)) == 6) {
			if (ipl_bind_val(p, o, "LLADDR", p->i))
				return -1;
			p->i++;
		}
	}
	return 0;
}

static const struct ipl_opt macvlan_rows[] = {
	{ "mode", IPL_PREFIX, "private|vepa|bridge|passthru|source", MV_MODE,
	  "how the links on one lower link reach each other" },
	{ "flag", IPL_PREFIX, "nopromisc|nodst|null", MV_FLAG,
	  "a mode flag" },
	{ "macaddr", IPL_PREFIX, MACADDR_MODES " MAC…", MV_MACADDR,
	  "the source MACs of mode source", NULL, parse_macaddr },
	{ "nopromisc", IPL_PREFIX, NULL, MV_NOPROMISC,
	  "do not put the lower link in promiscuous mode (passthru)" },
	{ "nodst", IPL_PREFIX, NULL, MV_NODST, "source mode: no destination "
					       "match" },
	{ "bcqueuelen", IPL_PREFIX, "NUM", MV_BCQLEN,
	  "broadcast/multicast receive queue length" },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table macvlan_opts = { "type macvlan",
					       macvlan_rows };

static const char *const modes[] = {
	[MACVLAN_MODE_PRIVATE] = "private", [MACVLAN_MODE_VEPA] = "vepa",
	[MACVLAN_MODE_BRIDGE] = "bridge", [MACVLAN_MODE_PASSTHRU] = "passthru",
	[MACVLAN_MODE_SOURCE] = "source",
};

/* macaddr add|del|flush|set MAC…: the mode, and the addresses (nested
 * for set); 0 or libnl's negative error */
static int put_macaddr(struct link_req *r, int i)
{
	static const char *const mm[] = {
		[MACVLAN_MACADDR_ADD] = "add",
		[MACVLAN_MACADDR_DEL] = "del",
		[MACVLAN_MACADDR_FLUSH] = "flush",
		[MACVLAN_MACADDR_SET] = "set",
	};
	const struct nsh_args *a = r->a;
	struct nl_msg *m = r->msg;
	struct nlattr *nest = NULL;
	unsigned char mac[6];
	uint32_t mmode = 0;
	int rc;

	for (uint32_t k = 0; k < ARRAY_SIZE(mm); k++)
		if (mm[k] && streq(mm[k], ipl_arg(a, i, 0)->text))
			mmode = k;
	rc = nla_put_u32(m, IFLA_MACVLAN_MACADDR_MODE, mmode);
	if (mmode == MACVLAN_MACADDR_SET)
		nest = nla_nest_start(m, IFLA_MACVLAN_MACADDR_DATA);
	for (int n = 1; rc >= 0 && ipl_arg(a, i, n); n++) {
		parse_lladdr(ipl_arg(a, i, n)->text, mac, sizeof(mac));
		rc = nla_put(m, IFLA_MACVLAN_MACADDR, 6, mac);
	}
	if (nest)
		nla_nest_end(m, nest);
	return rc;
}

/* the flag a `flag WORD`, `nopromisc` or `nodst` binding sets, or 0 */
static uint16_t flag_of(int key, const char *word)
{
	if (key == MV_NOPROMISC ||
	    (key == MV_FLAG && streq(word, "nopromisc")))
		return MACVLAN_FLAG_NOPROMISC;
	if (key == MV_NODST || (key == MV_FLAG && streq(word, "nodst")))
		return MACVLAN_FLAG_NODST;
	return 0;
}

static int macvlan_put(struct link_req *r)
{
	const struct nsh_args *a = r->a;
	struct nl_msg *m = r->msg;
	uint32_t mode = 0;
	uint16_t flags = 0;
	bool has_flags = false;
	int rc = 0;

	for (int i = r->from; i < r->to && rc >= 0; i = ipl_next(a, i)) {
		int key = a->bind[i].opt->key;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (key == MV_MODE) {
			for (uint32_t k = 0; k < ARRAY_SIZE(modes); k++)
				if (modes[k] && streq(modes[k], v->text))
					mode = k;
		} else if (key == MV_FLAG || key == MV_NOPROMISC ||
			   key == MV_NODST) {
			flags |= flag_of(key, v ? v->text : "");
			has_flags = true;
		} else if (key == MV_BCQLEN) {
			rc = nla_put_u32(m, IFLA_MACVLAN_BC_QUEUE_LEN,
					 (uint32_t)v->num);
		} else if (key == MV_MACADDR) {
			rc = put_macaddr(r, i);
		}
	}
	if (rc >= 0 && mode)
		rc = nla_put_u32(m, IFLA_MACVLAN_MODE, mode);
	if (rc >= 0 && has_flags) {
		if ((flags & MACVLAN_FLAG_NOPROMISC) &&
		    mode != MACVLAN_MODE_PASSTHRU)
			return nsh_err(r->sh, "'nopromisc': only in mode "
					      "passthru");
		rc = nla_put_u16(m, IFLA_MACVLAN_FLAGS, flags);
	}
	return rc < 0 ? nsh_err(r->sh, "out of memory") : 0;
}

/* ip -d link: iproute2's macvlan_print_opt */
static void macvlan_print(struct link_pr *c, struct nlattr **tb)
{
	uint32_t mode;
	uint16_t flags = 0;
	struct nlattr *a;
	int rem;

	if (!tb || !tb[IFLA_MACVLAN_MODE] || nla_len(tb[IFLA_MACVLAN_MODE]) < 4)
		return;
	mode = nla_get_u32(tb[IFLA_MACVLAN_MODE]);
	pr_string(PR_ANY, "mode", "mode %s ",
		  mode < ARRAY_SIZE(modes) && modes[mode] ? modes[mode] :
							    "unknown");
	if (tb[IFLA_MACVLAN_FLAGS] && nla_len(tb[IFLA_MACVLAN_FLAGS]) >= 2)
		flags = nla_get_u16(tb[IFLA_MACVLAN_FLAGS]);
	if (flags & MACVLAN_FLAG_NOPROMISC)
		pr_bool(PR_ANY, "nopromisc", "nopromisc ", true);
	if (flags & MACVLAN_FLAG_NODST)
		pr_bool(PR_ANY, "nodst", "nodst ", true);
	if (tb[IFLA_MACVLAN_BC_QUEUE_LEN] &&
	    nla_len(tb[IFLA_MACVLAN_BC_QUEUE_LEN]) >= 4)
		pr_uint(PR_ANY, "bcqueuelen", "bcqueuelen %u ",
			nla_get_u32(tb[IFLA_MACVLAN_BC_QUEUE_LEN]));
	if (tb[IFLA_MACVLAN_BC_QUEUE_LEN_USED] &&
	    nla_len(tb[IFLA_MACVLAN_BC_QUEUE_LEN_USED]) >= 4)
		pr_uint(PR_ANY, "usedbcqueuelen", "usedbcqueuelen %u ",
			nla_get_u32(tb[IFLA_MACVLAN_BC_QUEUE_LEN_USED]));
	if (mode != MACVLAN_MODE_SOURCE || !tb[IFLA_MACVLAN_MACADDR_COUNT] ||
	    nla_len(tb[IFLA_MACVLAN_MACADDR_COUNT]) < 4)
		return;
	pr_int(PR_ANY, "macaddr_count", "remotes (%d) ",
	       (int)nla_get_u32(tb[IFLA_MACVLAN_MACADDR_COUNT]));
	if (!tb[IFLA_MACVLAN_MACADDR_DATA])
		return;
	pr_arr_open(PR_JSON, "macaddr_data");
	nla_for_each_nested(a, tb[IFLA_MACVLAN_MACADDR_DATA], rem) {
		const unsigned char *x = nla_data(a);
		char b[32];

		if (nla_type(a) != IFLA_MACVLAN_MACADDR || nla_len(a) < 6)
			continue;
		snprintf(b, sizeof(b), "%.2x:%.2x:%.2x:%.2x:%.2x:%.2x", x[0],
			 x[1], x[2], x[3], x[4], x[5]);
		if (pr_json())
			pr_string(PR_JSON, NULL, NULL, b);
		else
			printf("%s ", b);
	}
	pr_arr_close(PR_JSON, NULL);
}

const struct link_kind macvlan_kind = {
	.name = "macvlan",
	.summary = "a link with its own MAC on a lower link (link DEV)",
	.opts = &macvlan_opts,
	.put = macvlan_put,
	.print = macvlan_print,
	.maxattr = IFLA_MACVLAN_MAX,
	.driver = "macvlan",
};

const struct link_kind macvtap_kind = {
	.name = "macvtap",
	.summary = "a macvlan with a tap device (/dev/tapN)",
	.opts = &macvlan_opts,
	.put = macvlan_put,
	.print = macvlan_print,
	.maxattr = IFLA_MACVLAN_MAX,
	.driver = "macvtap",
};
