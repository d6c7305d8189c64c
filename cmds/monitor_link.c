/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * monitor_link.c - the events of `ip monitor` about links, addresses,
 * neighbours and netconf settings, printed as ip/ipmonitor.c prints them.
 *
 * A link's monitor line is not ip link show's (no "mode"/"qlen", the
 * kernel's attributes only), so it is printed here; an address is
 * printed by ip address show's printer (addr_print_msg), as iproute2's
 * monitor calls print_addrinfo.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if_arp.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/netconf.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/utils.h>

#include "addr.h"
#include "iproute.h"
#include "monitor.h"

#ifndef IF_OPER_UP
#define IF_OPER_UP 6
#endif

/* ------------------------------------------------------------ link */

/* "IDX: NAME@LOWER: <FLAGS> ", M-DOWN when the lower link is down */
static void link_head(struct mon *m, const struct ifinfomsg *ifi,
		      struct nlattr **tb)
{
	const char *words[LINK_FLAG_WORDS];
	char buf[64], peer[IFNAMSIZ + 8] = "";
	unsigned rest;
	bool mdown = false;
	int n;

	if (tb[IFLA_LINK]) {
		int iflink = (int)nla_get_u32(tb[IFLA_LINK]);

		if (!iflink) {
			snprintf(peer, sizeof(peer), "NONE");
		} else if (tb[IFLA_LINK_NETNSID]) {
			snprintf(peer, sizeof(peer), "if%d", iflink);
		} else {
			struct ll_ent *e = mon_ll_get(m, iflink);

			snprintf(peer, sizeof(peer), "%s",
				 mon_ll_name(m, iflink, buf, sizeof(buf)));
			mdown = !(e && (e->flags & IFF_UP));
		}
	}
	printf("%d: %s%s%s: <", ifi->ifi_index, nla_get_string(tb[IFLA_IFNAME]),
	       peer[0] ? "@" : "", peer);
	n = link_flag_words(ifi->ifi_flags, words, &rest);
	for (int i = 0; i < n; i++)
		printf("%s%s", i ? "," : "", words[i]);
	if (rest)
		printf("%s%x", n ? "," : "", rest);
	printf("%s> ", mdown ? ",M-DOWN" : "");
}

/* IFLA_EVENT: "event NAME " (nothing for none) */
static void link_event(unsigned ev)
{
	static const char *const events[] = {
		"NONE", "REBOOT", "FEATURE CHANGE", "BONDING FAILOVER",
		"NOTIFY PEERS", "RESEND IGMP", "BONDING OPTION",
	};

	if (ev >= ARRAY_SIZE(events))
		printf("event %u ", ev);
	else if (ev)
		printf("event %s ", events[ev]);
}

/* mtu, qdisc, master, state, group, event */
static void link_settings(struct mon *m, struct nlattr **tb)
{
	char buf[64];

	if (tb[IFLA_MTU])
		printf("mtu %u ", nla_get_u32(tb[IFLA_MTU]));
	if (tb[IFLA_QDISC])
		printf("qdisc %s ", nla_get_string(tb[IFLA_QDISC]));
	if (tb[IFLA_MASTER])
		printf("master %s ",
		       mon_ll_name(m, (int)nla_get_u32(tb[IFLA_MASTER]), buf,
				   sizeof(buf)));
	if (tb[IFLA_OPERSTATE]) {
		unsigned st = nla_get_u8(tb[IFLA_OPERSTATE]);

		if (st <= IF_OPER_UP)
			printf("state %s ", link_operstate_name(st));
		else
			printf("state %#x", st);
	}
	if (tb[IFLA_GROUP])
		printf("group %s ", rt_group_n2a(nla_get_u32(tb[IFLA_GROUP]),
						 buf, sizeof(buf)));
	if (tb[IFLA_EVENT])
		link_event(nla_get_u32(tb[IFLA_EVENT]));
}

/* " WORD ADDR" of link-layer address attribute A */
static void link_lladdr(const char *word, const struct nlattr *a, int type)
{
	char buf[64];

	printf("%s%s", word, pr_lladdr(nla_data(a), nla_len(a), (unsigned)type,
				       buf, sizeof(buf)));
}

/* "\n    link/ether ADDR brd ADDR permaddr ADDR" */
static void link_addresses(const struct ifinfomsg *ifi, struct nlattr **tb)
{
	const struct nlattr *a = tb[IFLA_ADDRESS];
	const struct nlattr *perm = tb[IFLA_PERM_ADDRESS];
	char buf[64];

	printf("\n    link/%s ", nl_llproto2str(ifi->ifi_type, buf,
						  sizeof(buf)));
	if (a)
		link_lladdr("", a, ifi->ifi_type);
	if (tb[IFLA_BROADCAST])
		link_lladdr(ifi->ifi_flags & IFF_POINTOPOINT ? " peer " :
							       " brd ",
			    tb[IFLA_BROADCAST], ifi->ifi_type);
	if (perm && (!a || nla_len(a) != nla_len(perm) ||
		     memcmp(nla_data(a), nla_data(perm), (size_t)nla_len(a))))
		link_lladdr(" permaddr ", perm, ifi->ifi_type);
}

/* link-netns, new-netns, new-ifindex, protodown */
static void link_netns(struct mon *m, struct nlattr **tb)
{
	if (tb[IFLA_LINK_NETNSID]) {
		int id = (int)nla_get_u32(tb[IFLA_LINK_NETNSID]);
		const char *ns = id >= 0 ? nsid_map_name(m->sk, &m->ids, id) :
					   NULL;

		if (ns)
			printf(" link-netns %s", ns);
		else if (id >= 0)
			printf(" link-netnsid %d", id);
		else
			printf(" link-netnsid unknown");
	}
	if (tb[IFLA_NEW_NETNSID]) {
		int id = (int)nla_get_u32(tb[IFLA_NEW_NETNSID]);
		const char *ns = nsid_map_name(m->sk, &m->ids, id);

		if (ns)
			printf(" new-netns %s", ns);
		else
			printf(" new-netnsid %d", id);
	}
	if (tb[IFLA_NEW_IFINDEX])
		printf(" new-ifindex %d", (int)nla_get_u32(tb[IFLA_NEW_IFINDEX]));
	if (tb[IFLA_PROTO_DOWN] && nla_get_u8(tb[IFLA_PROTO_DOWN]))
		printf(" protodown on ");
}

void mon_print_link(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	const struct ifinfomsg *ifi = nlmsg_data(nlh);
	struct nlattr *tb[IFLA_MAX + 1];

	mon_ll_remember(m, nlh);
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ifi), tb, IFLA_MAX,
			NULL) < 0 || !tb[IFLA_IFNAME])
		return;
	if (m->ifindex && ifi->ifi_index != m->ifindex)
		return;
	mon_headers(m, "[LINK]", nsid);
	if (nlh->nlmsg_type == RTM_DELLINK)
		printf("Deleted ");
	link_head(m, ifi, tb);
	link_settings(m, tb);
	link_addresses(ifi, tb);
	link_netns(m, tb);
	putchar('\n');
}

/* ------------------------------------------------------------ address */

/* an IPv4 or IPv6 address (the groups ip monitor joins carry no other) */
void mon_print_addr(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	const struct ifaddrmsg *ifa = nlmsg_data(nlh);
	struct nlattr *tb[IFA_MAX + 1];
	char dev[64];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ifa), tb, IFA_MAX,
			NULL) < 0)
		return;
	if (m->ifindex && (int)ifa->ifa_index != m->ifindex)
		return;
	if (ifa->ifa_family != AF_INET && ifa->ifa_family != AF_INET6)
		return;
	mon_headers(m, "[ADDR]", nsid);
	if (nlh->nlmsg_type == RTM_DELADDR)
		printf("Deleted ");
	addr_print_msg((struct nlmsghdr *)nlh,
		       mon_ll_name(m, (int)ifa->ifa_index, dev, sizeof(dev)));
}

/* ------------------------------------------------------------ neigh */

/* router, proxy, … flags, the NUD states, the protocol */
static void neigh_flags(const struct ndmsg *r, struct nlattr **tb)
{
	static const struct {
		unsigned mask;
		const char *name;
	} states[] = {
		{ NUD_INCOMPLETE, "INCOMPLETE" }, { NUD_REACHABLE, "REACHABLE" },
		{ NUD_STALE, "STALE" }, { NUD_DELAY, "DELAY" },
		{ NUD_PROBE, "PROBE" }, { NUD_FAILED, "FAILED" },
		{ NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" },
	};
	unsigned ext = tb[NDA_FLAGS_EXT] ? nla_get_u32(tb[NDA_FLAGS_EXT]) : 0;
	char b[64];

	if (r->ndm_flags & NTF_ROUTER)
		printf("router ");
	if (r->ndm_flags & NTF_PROXY)
		printf("proxy ");
	if (ext & NTF_EXT_MANAGED)
		printf("managed ");
	if (r->ndm_flags & NTF_EXT_LEARNED)
		printf("extern_learn ");
	if (r->ndm_flags & NTF_OFFLOADED)
		printf("offload ");
	for (size_t i = 0; i < ARRAY_SIZE(states); i++)
		if (r->ndm_state & states[i].mask)
			printf("%s ", states[i].name);
	if (tb[NDA_PROTOCOL] && nla_get_u8(tb[NDA_PROTOCOL]))
		printf("proto %s ",
		       rt_proto_n2a(nla_get_u8(tb[NDA_PROTOCOL]), b, sizeof(b)));
}

void mon_print_neigh(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	const struct ndmsg *r = nlmsg_data(nlh);
	struct nlattr *tb[NDA_MAX + 1];
	char b[128];

	if (m->family && r->ndm_family != m->family)
		return;
	if (m->ifindex && r->ndm_ifindex != m->ifindex)
		return;
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*r), tb, NDA_MAX,
			NULL) < 0)
		return;
	mon_headers(m, "[NEIGH]", nsid);
	if (nlh->nlmsg_type == RTM_DELNEIGH)
		printf("Deleted ");
	else if (nlh->nlmsg_type == RTM_GETNEIGH)
		printf("miss ");
	if (tb[NDA_DST]) {
		int family = r->ndm_family;

		if (family == AF_BRIDGE)
			family = nla_len(tb[NDA_DST]) == 16 ? AF_INET6 :
							      AF_INET;
		printf("%s ", mon_addr_str(family, tb[NDA_DST], b, sizeof(b)));
	}
	if (!m->ifindex && r->ndm_ifindex)
		printf("dev %s ", mon_ll_name(m, r->ndm_ifindex, b, sizeof(b)));
	if (tb[NDA_LLADDR]) {
		struct ll_ent *e = mon_ll_get(m, r->ndm_ifindex);

		printf("lladdr %s ", pr_lladdr(nla_data(tb[NDA_LLADDR]),
					       nla_len(tb[NDA_LLADDR]),
					       e ? e->type : ARPHRD_ETHER, b,
					       sizeof(b)));
	}
	neigh_flags(r, tb);
	putchar('\n');
}

/* ------------------------------------------------------------ netconf */

void mon_print_netconf(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	static const char *const rp_names[] = { "off", "strict", "loose" };
	const struct netconfmsg *ncm = nlmsg_data(nlh);
	struct nlattr *tb[NETCONFA_MAX + 1];
	static const struct {
		int attr;
		const char *name;
	} onoff[] = {
		{ NETCONFA_MC_FORWARDING, "mc_forwarding" },
		{ NETCONFA_PROXY_NEIGH, "proxy_neigh" },
		{ NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN,
		  "ignore_routes_with_linkdown" },
		{ NETCONFA_INPUT, "input" },
	};
	int ifindex = 0;
	char dev[64];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ncm), tb, NETCONFA_MAX,
			NULL) < 0)
		return;
	if (tb[NETCONFA_IFINDEX])
		ifindex = (int)nla_get_u32(tb[NETCONFA_IFINDEX]);
	if (m->ifindex && ifindex != m->ifindex)
		return;
	mon_headers(m, "[NETCONF]", nsid);
	if (nlh->nlmsg_type == RTM_DELNETCONF)
		printf("Deleted ");
	printf("%s ", rt_family_name(ncm->ncm_family));
	if (tb[NETCONFA_IFINDEX])
		printf("%s ", ifindex == NETCONFA_IFINDEX_ALL ? "all" :
			      ifindex == NETCONFA_IFINDEX_DEFAULT ? "default" :
			      mon_ll_name(m, ifindex, dev, sizeof(dev)));
	if (tb[NETCONFA_FORWARDING])
		printf("forwarding %s ",
		       nla_get_u32(tb[NETCONFA_FORWARDING]) ? "on" : "off");
	if (tb[NETCONFA_RP_FILTER]) {
		unsigned rp = nla_get_u32(tb[NETCONFA_RP_FILTER]);

		if (rp < ARRAY_SIZE(rp_names))
			printf("rp_filter %s ", rp_names[rp]);
		else
			printf("rp_filter %u ", rp);
	}
	for (size_t i = 0; i < ARRAY_SIZE(onoff); i++)
		if (tb[onoff[i].attr])
			printf("%s %s ", onoff[i].name,
			       nla_get_u32(tb[onoff[i].attr]) ? "on" : "off");
	putchar('\n');
}
