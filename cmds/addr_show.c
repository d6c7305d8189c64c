/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr_show.c - `ip address [list|show] [FILTER…]`, as iproute2's
 * ipaddr_list_flush_or_save: the same choice of links and addresses, and
 * its text (-o, -br, -s) and -j layouts, quirks included (under -j a link
 * or an address a filter leaves out is still an empty object, as
 * iproute2 opens it before it knows); and the words of list and flush.
 *
 * Listing is one link dump (or one link) and one address dump
 * (cmds/addr_filter.c).  Each link's header is ip link's printer
 * (cmds/link_show.c, as ip address), its addresses are printed by
 * cmds/addr_print.c.
 */
#include "config.h"

#include <stdio.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "addr_priv.h"
#include "iproute.h"
#include "ipl.h"

DEFINE_PUTP(struct link_pr, link_pr_free)

/* ------------------------------------------------------------ links */

static const struct ifinfomsg *msg_ifi(const struct nlmsghdr *n)
{
	return nlmsg_data(n);
}

/* the name in link message N ("" without one) */
static const char *msg_ifname(const struct nlmsghdr *n)
{
	struct nlattr *a = nlmsg_find_attr((struct nlmsghdr *)n,
					   sizeof(struct ifinfomsg),
					   IFLA_IFNAME);

	return a ? nla_get_string(a) : "";
}

/* ipaddr_filter: a link stays if one of its addresses passes the filter,
 * or (no family asked for) if it has none at all */
static bool link_has_match(const struct addr_filter *f, const struct nlmsghdr *n,
			   const struct addrs *ad)
{
	int idx = msg_ifi(n)->ifi_index;
	bool missing = true;

	for (int i = 0; i < ad->n; i++) {
		const struct ifa_view *v = &ad->v[i];

		if (!v->ifa || (int)v->ifa->ifa_index != idx)
			continue;
		missing = false;
		if (addr_ifa_match(f, v, msg_ifname(n)))
			return true;
	}
	return missing && (f->lf.family == AF_UNSPEC ||
			   f->lf.family == AF_PACKET);
}

/* print_selected_addrinfo: the "addr_info" of link message N */
static void print_link_addrs(const struct addr_out *o, const struct addr_filter *f,
			     const struct nlmsghdr *n, const struct addrs *ad)
{
	const struct ifinfomsg *ifi = msg_ifi(n);

	pr_arr_open(PR_JSON, "addr_info");
	for (int i = 0; i < ad->n; i++) {
		const struct ifa_view *v = &ad->v[i];

		if ((int)v->ifa->ifa_index != ifi->ifi_index ||
		    (f->lf.family && f->lf.family != v->ifa->ifa_family) ||
		    (f->lf.up && !(ifi->ifi_flags & IFF_UP)))
			continue;
		pr_obj_open(NULL);
		if (addr_ifa_match(f, v, msg_ifname(n)))
			addr_print(o, v, msg_ifname(n));
		pr_obj_close();
	}
	pr_arr_close(PR_JSON, NULL);
	if (o->brief)
		pr_string(PR_FP, NULL, "%s", "\n");
}

/*
 * the links to show: DEV alone (its messages as ipaddr_link_get asks for
 * it), or the dump of the family asked for: under -6 the kernel answers
 * with its IPv6 view of the links (name, address, mtu, state; no qdisc
 * or group), AF_INET has no view of its own and gets the full one
 */
static int get_links(struct nsh *sh, struct nl_sock *sk, const char *dev,
		     struct addr_filter *f, struct msg_list *ret)
{
	uint32_t mask = RTEXT_FILTER_VF;

	if (!dev)
		return link_dump(sh, sk, sh->o.family, &f->lf, ret);
	if (!sh->o.stats)
		mask |= RTEXT_FILTER_SKIP_STATS;
	if (link_get_list(sh, sk, dev, 0, mask, ret))
		return 1;
	f->ifindex = msg_ifi(ret->v[0])->ifi_index;
	return 0;
}

/* one link of the show: header, addresses, -s counters */
static void show_link(struct link_pr *pr, const struct addr_out *o,
		      const struct addr_filter *f, const struct nlmsghdr *n,
		      const struct addrs *ad, bool no_link)
{
	int res = 0;

	pr_obj_open(NULL);
	if (o->brief || !no_link)
		res = link_pr_print(pr, n);
	if (res >= 0 && f->lf.family != AF_PACKET)
		print_link_addrs(o, f, n, ad);
	if (res > 0 && o->sh->o.stats)
		link_pr_stats(pr, n);
	pr_obj_close();
}

/* ip address [list|show] [FILTER…] */
int addr_show(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(msg_list_free) struct msg_list links = { 0 };
	_cleanup_(addrs_free) struct addrs ad = { 0 };
	_cleanup_(link_pr_freep) struct link_pr *pr = NULL;
	const struct nsh_opts *opt = &sh->o;
	struct addr_filter f;
	struct addr_out o;
	struct nl_sock *sk;
	const char *dev;
	bool no_link;

	if (ipl_find(a, 0, AK_HELP) >= 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	rt_names_reset(opt->numeric);
	if (addr_parse_filter(sh, a, &f, &dev))
		return 1;
	sk = ns_sock(sh);
	if (!sk || get_links(sh, sk, dev, &f, &links))
		return 1;
	no_link = opt->oneline && f.lf.family != AF_PACKET;
	if (f.lf.family != AF_PACKET &&
	    addrs_dump(sh, sk, f.lf.family, f.ifindex, &ad))
		return 1;
	pr = link_pr_new(sh, sk, &f.lf, &links, false);
	if (!pr)
		return 1;
	o = (struct addr_out){ .sh = sh, .brief = opt->brief,
				  .with_dev = no_link };
	pr_begin(opt->json, opt->pretty, opt->oneline, true);
	pr_color(opt->color);
	for (int i = 0; i < links.n; i++)
		if (f.lf.family == AF_PACKET ||
		    link_has_match(&f, links.v[i], &ad))
			show_link(pr, &o, &f, links.v[i], &ad, no_link);
	pr_end();
	return 0;
}

/* ------------------------------------------------------------ the table */

#define FILTER_ROW(name, help) { name, 0, NULL, AK_FLAG, help }
#define FILTER_NOT(name) { "-" name, IPL_ALIAS, NULL, AK_FLAG }

/* ipaddr_list_flush_or_save's loop, in its order: a word no keyword
 * claims is the link */
static const struct ipl_opt show_rows[] = {
	{ "to", 0, "IFADDR", AK_TO, "addresses in this prefix" },
	{ "scope", 0, "RTSCOPESEL", AK_SCOPE, "addresses of this scope (or all)" },
	{ "up", 0, NULL, AK_UP, "links that are up" },
	FILTER_ROW("secondary", "secondary addresses (-secondary: the others)"),
	FILTER_NOT("secondary"),
	FILTER_ROW("temporary", "temporary (IPv6 privacy) addresses"),
	FILTER_NOT("temporary"),
	FILTER_ROW("nodad", "addresses without duplicate address detection"),
	FILTER_NOT("nodad"),
	FILTER_ROW("optimistic", "optimistic addresses"),
	FILTER_NOT("optimistic"),
	FILTER_ROW("dadfailed", "addresses that failed duplicate address "
				"detection"),
	FILTER_NOT("dadfailed"),
	FILTER_ROW("home", "home addresses"),
	FILTER_NOT("home"),
	FILTER_ROW("deprecated", "deprecated addresses"),
	FILTER_NOT("deprecated"),
	FILTER_ROW("tentative", "addresses still in duplicate address "
				"detection"),
	FILTER_NOT("tentative"),
	FILTER_ROW("permanent", "permanent addresses"),
	FILTER_NOT("permanent"),
	FILTER_ROW("mngtmpaddr", "addresses that make temporary ones"),
	FILTER_NOT("mngtmpaddr"),
	FILTER_ROW("noprefixroute", "addresses without a prefix route"),
	FILTER_NOT("noprefixroute"),
	FILTER_ROW("autojoin", "multicast addresses joined"),
	FILTER_NOT("autojoin"),
	FILTER_ROW("stable-privacy", "stable privacy addresses"),
	FILTER_NOT("stable-privacy"),
	FILTER_ROW("dynamic", "addresses with a lifetime"),
	FILTER_NOT("dynamic"),
	FILTER_ROW("primary", "primary addresses"),
	FILTER_NOT("primary"),
	{ "label", 0, "TEXT", AK_LABEL, "addresses whose label matches this "
					"pattern" },
	{ "group", 0, "GROUP", AK_GROUP, "links of this group" },
	{ "master", 0, "DEV", AK_MASTER, "ports of this master" },
	{ "vrf", 0, "DEV", AK_VRF, "ports of this VRF" },
	{ "nomaster", 0, NULL, AK_NOMASTER, "links without a master" },
	{ "type", 0, "WORD", AK_TYPE, "links of this kind (KIND_slave: "
				      "ports of one)" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, AK_HELP },
	{ "dev", IPL_DEFAULT | IPL_ONCE, "DEV", AK_DEV, "the link" },
	{ NULL },
};

const struct ipl_table addr_show_opts = { "ip address show", show_rows };
