/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_print.c - one link as iproute2 6.1's print_linkinfo prints it
 * (ip link, ip address, ip monitor): the filter's verdict, then the
 * "N: name@link: <FLAGS> mtu … state …" line (or -br's one line), the
 * link-layer line, the link's netns, protodown, -d details
 * (cmds/link_details.c), the alias, -s counters (cmds/link_stats.c) and
 * the altnames, in text and JSON.  The flag words and operstates are
 * shared with other printers (cmds.h).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>
#include <netlink/socket.h>

#include "link_pr.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif
#ifndef IFF_DORMANT
#define IFF_DORMANT 0x20000
#endif
#ifndef IFF_ECHO
#define IFF_ECHO 0x40000
#endif

/* ------------------------------------------------------------ fields */

/* -N: numbers, not names */
static bool numeric(const struct link_pr *c)
{
	return c->sh->o.numeric;
}

/* the flags in iproute2's order (print_link_flags) */
static const struct {
	unsigned flag;
	const char *name;
} flag_names[] = {
	{ IFF_LOOPBACK, "LOOPBACK" },	{ IFF_BROADCAST, "BROADCAST" },
	{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
	{ IFF_NOARP, "NOARP" },		{ IFF_ALLMULTI, "ALLMULTI" },
	{ IFF_PROMISC, "PROMISC" },	{ IFF_MASTER, "MASTER" },
	{ IFF_SLAVE, "SLAVE" },		{ IFF_DEBUG, "DEBUG" },
	{ IFF_DYNAMIC, "DYNAMIC" },	{ IFF_AUTOMEDIA, "AUTOMEDIA" },
	{ IFF_PORTSEL, "PORTSEL" },	{ IFF_NOTRAILERS, "NOTRAILERS" },
	{ IFF_UP, "UP" },		{ IFF_LOWER_UP, "LOWER_UP" },
	{ IFF_DORMANT, "DORMANT" },	{ IFF_ECHO, "ECHO" },
};

int link_flag_words(unsigned flags, const char **words, unsigned *rest)
{
	int n = 0;

	if ((flags & IFF_UP) && !(flags & IFF_RUNNING))
		words[n++] = "NO-CARRIER";
	flags &= ~(unsigned)IFF_RUNNING;
	for (size_t i = 0; i < ARRAY_SIZE(flag_names); i++)
		if (flags & flag_names[i].flag) {
			flags &= ~flag_names[i].flag;
			words[n++] = flag_names[i].name;
		}
	*rest = flags;
	return n;
}

/* "<BROADCAST,UP,LOWER_UP> ": the bits without a name in hex, M-DOWN
 * when MDOWN (the link below is down) */
void link_pr_flags(unsigned flags, bool mdown)
{
	const char *words[LINK_FLAG_WORDS];
	unsigned rest;
	int n = link_flag_words(flags, words, &rest);

	pr_arr_open(PR_ANY, pr_json() ? "flags" : "<");
	for (int i = 0; i < n; i++)
		pr_string(PR_ANY, NULL, i + 1 < n || rest ? "%s," : "%s",
			  words[i]);
	if (rest)
		pr_hex(PR_ANY, NULL, "%x", rest);
	if (mdown)
		pr_string(PR_ANY, NULL, ",%s", "M-DOWN");
	pr_arr_close(PR_ANY, "> ");
}

static const char *const operstates[] = {
	"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
	"TESTING", "DORMANT", "UP",
};

const char *link_operstate_name(unsigned st)
{
	return st < ARRAY_SIZE(operstates) ? operstates[st] : "UNKNOWN";
}

static enum pr_color state_color(uint8_t state)
{
	return state == IF_OPER_UP ? PC_UP :
	       state == IF_OPER_DOWN ? PC_DOWN : PC_NONE;
}

/* "state UP " (-br: its column) */
static void print_operstate(const struct link_pr *c, uint8_t state)
{
	if (state >= ARRAY_SIZE(operstates)) {
		if (pr_json())
			pr_uint(PR_JSON, "operstate_index", NULL, state);
		else
			pr_0xhex(PR_FP, NULL, "state %#llx", state);
	} else if (c->sh->o.brief) {
		pr_color_string(PR_ANY, state_color(state), "operstate",
				"%-14s ", operstates[state]);
	} else if (pr_json()) {
		pr_string(PR_JSON, "operstate", NULL, operstates[state]);
	} else {
		printf("state ");
		pr_color_string(PR_FP, state_color(state), NULL, "%s ",
				operstates[state]);
	}
}

/* "v1@v2", "v1@if7" (its link in another namespace), "v1@NONE"; JSON
 * "link"/"link_index" before "ifname".  True: the link below is down */
static bool print_name_and_link(struct link_pr *c, const char *fmt,
				const char *name, struct nlattr **tb)
{
	char b[2 * IFNAMSIZ + 16], idx[24];
	const char *link = NULL;
	bool mdown = false;

	if (tb[IFLA_LINK]) {
		unsigned iflink = nla_get_u32(tb[IFLA_LINK]);

		if (iflink && tb[IFLA_LINK_NETNSID]) {
			if (pr_json()) {
				pr_int(PR_JSON, "link_index", NULL,
				       (int)iflink);
			} else {
				snprintf(idx, sizeof(idx), "if%u", iflink);
				link = idx;
			}
		} else if (iflink) {
			const struct pr_seen *s = link_pr_lookup(c, iflink);

			link = link_pr_ifname(c, iflink);
			if (pr_json()) {
				pr_string(PR_JSON, "link", NULL, link);
				link = NULL;
			}
			/* iproute2 knows the flags only of links it has
			 * seen: an unknown one is not said to be down */
			mdown = s->found && !(s->flags & IFF_UP);
		} else if (pr_json()) {
			pr_null(PR_JSON, "link", NULL, NULL);
		} else {
			link = "NONE";
		}
		if (link) {
			snprintf(b, sizeof(b), "%s@%s", name, link);
			name = b;
		}
	}
	pr_color_string(PR_ANY, PC_IFNAME, "ifname", fmt, name);
	return mdown;
}

/* " protodown on " and the reasons set, "protodown_reason <0,3>" */
static void print_proto_down(struct nlattr **tb)
{
	struct nlattr *reason[IFLA_PROTO_DOWN_REASON_MAX + 1];
	bool start = true;
	uint8_t r;

	if (tb[IFLA_PROTO_DOWN] && nla_get_u8(tb[IFLA_PROTO_DOWN]))
		pr_bool(PR_ANY, "proto_down", " protodown on ", true);
	if (!tb[IFLA_PROTO_DOWN_REASON] ||
	    nla_parse_nested(reason, IFLA_PROTO_DOWN_REASON_MAX,
			     tb[IFLA_PROTO_DOWN_REASON], NULL) < 0)
		return;
	/* iproute2 6.1 tests the link's attribute of this number (its
	 * address), then reads the reason as one byte */
	if (!tb[IFLA_PROTO_DOWN_REASON_VALUE] ||
	    !reason[IFLA_PROTO_DOWN_REASON_VALUE])
		return;
	r = nla_get_u8(reason[IFLA_PROTO_DOWN_REASON_VALUE]);
	if (!r)
		return;
	pr_arr_open(PR_ANY, pr_json() ? "proto_down_reason" :
					"protodown_reason <");
	for (int i = 0; r; i++, r >>= 1) {
		char b[16];

		if (!(r & 1))
			continue;
		snprintf(b, sizeof(b), "%d", i);
		pr_string(PR_ANY, NULL, start ? "%s" : ",%s", b);
		start = false;
	}
	pr_arr_close(PR_ANY, ">");
}

/* the mode of an attached XDP program: "xdpgeneric " (JSON: "xdp") */
static void print_xdp(struct nlattr *xdp)
{
	struct nlattr *tb[IFLA_XDP_MAX + 1];
	static const char *const modes[] = {
		[XDP_ATTACHED_DRV] = "xdp", [XDP_ATTACHED_SKB] = "xdpgeneric",
		[XDP_ATTACHED_HW] = "xdpoffload",
		[XDP_ATTACHED_MULTI] = "xdpmulti",
	};
	uint8_t mode;

	if (nla_parse_nested(tb, IFLA_XDP_MAX, xdp, NULL) < 0 ||
	    !tb[IFLA_XDP_ATTACHED])
		return;
	mode = nla_get_u8(tb[IFLA_XDP_ATTACHED]);
	if (mode == XDP_ATTACHED_NONE)
		return;
	if (pr_json()) {
		pr_obj_open("xdp");
		pr_uint(PR_JSON, "mode", NULL, mode);
		pr_arr_open(PR_JSON, "attached");
		pr_arr_close(PR_JSON, NULL);
		pr_obj_close();
		return;
	}
	if (mode < ARRAY_SIZE(modes) && modes[mode])
		printf("%s", modes[mode]);
	else
		printf("xdp[%u]", mode);
	printf(" ");
}

/* ------------------------------------------------------------ one link */

/* -br: "name@link  STATE  address <FLAGS>", one line (ip address leaves
 * it open for the addresses) */
static int print_brief(struct link_pr *c, const char *name,
		       const struct ifinfomsg *ifi, struct nlattr **tb)
{
	bool mdown = print_name_and_link(c, "%-16s ", name, tb);
	char b[64];

	if (tb[IFLA_OPERSTATE])
		print_operstate(c, nla_get_u8(tb[IFLA_OPERSTATE]));
	/* ip address leaves the line open for the addresses */
	if (c->f.family != AF_PACKET)
		return 0;
	if (tb[IFLA_ADDRESS])
		pr_color_string(PR_ANY, PC_MAC, "address", "%s ",
			  pr_lladdr(nla_data(tb[IFLA_ADDRESS]),
				    nla_len(tb[IFLA_ADDRESS]), ifi->ifi_type,
				    b, sizeof(b)));
	link_pr_flags(ifi->ifi_flags, mdown);
	pr_string(PR_FP, NULL, "%s", "\n");
	return 0;
}

/* "    link/ether ADDR brd ADDR [permaddr ADDR]" */
static void print_lladdrs(struct link_pr *c, const struct ifinfomsg *ifi,
			  struct nlattr **tb)
{
	char b[64];

	pr_nl();
	pr_string(PR_ANY, "link_type", "    link/%s ",
		  pr_lltype(ifi->ifi_type, numeric(c), b, sizeof(b)));
	if (tb[IFLA_ADDRESS])
		pr_color_string(PR_ANY, PC_MAC, "address", "%s",
			  pr_lladdr(nla_data(tb[IFLA_ADDRESS]),
				    nla_len(tb[IFLA_ADDRESS]), ifi->ifi_type,
				    b, sizeof(b)));
	if (tb[IFLA_BROADCAST]) {
		if (ifi->ifi_flags & IFF_POINTOPOINT) {
			pr_string(PR_FP, NULL, " peer ", NULL);
			pr_bool(PR_JSON, "link_pointtopoint", NULL, true);
		} else {
			pr_string(PR_FP, NULL, " brd ", NULL);
		}
		pr_color_string(PR_ANY, PC_MAC, "broadcast", "%s",
			  pr_lladdr(nla_data(tb[IFLA_BROADCAST]),
				    nla_len(tb[IFLA_BROADCAST]),
				    ifi->ifi_type, b, sizeof(b)));
	}
	if (tb[IFLA_PERM_ADDRESS]) {
		int len = nla_len(tb[IFLA_PERM_ADDRESS]);

		if (!tb[IFLA_ADDRESS] || nla_len(tb[IFLA_ADDRESS]) != len ||
		    memcmp(nla_data(tb[IFLA_PERM_ADDRESS]),
			   nla_data(tb[IFLA_ADDRESS]), (size_t)len)) {
			pr_string(PR_FP, NULL, " permaddr ", NULL);
			pr_color_string(PR_ANY, PC_MAC, "permaddr", "%s",
				  pr_lladdr(nla_data(tb[IFLA_PERM_ADDRESS]),
					    len, ifi->ifi_type, b,
					    sizeof(b)));
		}
	}
}

/* " link-netns NAME" (or link-netnsid N) of a link whose peer or lower
 * link is elsewhere; new-netns and new-ifindex of a move */
static void print_netnsid(struct link_pr *c, struct nlattr **tb)
{
	if (tb[IFLA_LINK_NETNSID]) {
		int id = (int)nla_get_u32(tb[IFLA_LINK_NETNSID]);
		const char *name;

		if (pr_json())
			pr_int(PR_JSON, "link_netnsid", NULL, id);
		else if (id < 0)
			pr_string(PR_FP, NULL, " link-netnsid %s", "unknown");
		else if ((name = link_pr_nsid_name(c, id)))
			pr_string(PR_FP, NULL, " link-netns %s", name);
		else
			pr_int(PR_FP, NULL, " link-netnsid %d", id);
	}
	if (tb[IFLA_NEW_NETNSID]) {
		int id = (int)nla_get_u32(tb[IFLA_NEW_NETNSID]);
		const char *name = link_pr_nsid_name(c, id);

		if (name)
			pr_string(PR_FP, NULL, " new-netns %s", name);
		else
			pr_int(PR_FP, NULL, " new-netnsid %d", id);
	}
	if (tb[IFLA_NEW_IFINDEX])
		pr_int(PR_FP, NULL, " new-ifindex %d",
		       (int)nla_get_u32(tb[IFLA_NEW_IFINDEX]));
}

/* "    altname NAME", one line each */
static void print_altnames(struct nlattr *list)
{
	struct nlattr *a;
	int rem;

	pr_arr_open(PR_JSON, "altnames");
	nla_for_each_nested(a, list, rem) {
		if (nla_type(a) != IFLA_ALT_IFNAME)
			continue;
		pr_string(PR_FP, NULL, "%s    altname ", pr_sl());
		pr_string(PR_ANY, NULL, "%s", nla_get_string(a));
	}
	pr_arr_close(PR_JSON, NULL);
}

/* whether the link's kind (SLAVE: its port's kind) is KIND */
static bool kind_is(struct nlattr **tb, const char *kind, bool slave)
{
	struct nlattr *info[IFLA_INFO_MAX + 1];
	const char *k = "";

	if (!tb[IFLA_LINKINFO])
		return false;
	if (nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO],
			     NULL) == 0 &&
	    info[slave ? IFLA_INFO_SLAVE_KIND : IFLA_INFO_KIND])
		k = nla_get_string(info[slave ? IFLA_INFO_SLAVE_KIND :
						IFLA_INFO_KIND]);
	return streq(k, kind);
}

/* "qlen N": the message's, or (an AF_INET6 link message has none) the
 * link's by an ioctl, as iproute2's print_queuelen */
static void print_queuelen(struct link_pr *c, const char *name,
			   struct nlattr **tb)
{
	struct ifreq ifr = { 0 };
	int qlen;

	if (tb[IFLA_TXQLEN]) {
		qlen = (int)nla_get_u32(tb[IFLA_TXQLEN]);
	} else {
		snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
		if (ioctl(nl_socket_get_fd(c->sk), SIOCGIFTXQLEN, &ifr) < 0)
			return;
		qlen = ifr.ifr_qlen;
	}
	if (qlen)
		pr_int(PR_ANY, "txqlen", "qlen %d", qlen);
}

/* whether the filter's group, master or kind leaves the link out */
static bool filtered_out(const struct link_pr *c, struct nlattr **tb)
{
	if (tb[IFLA_GROUP] && c->f.group != -1 &&
	    nla_get_u32(tb[IFLA_GROUP]) != (uint32_t)c->f.group)
		return true;
	if (c->f.master > 0 &&
	    (!tb[IFLA_MASTER] ||
	     nla_get_u32(tb[IFLA_MASTER]) != (uint32_t)c->f.master))
		return true;
	if (c->f.kind && !kind_is(tb, c->f.kind, false))
		return true;
	return c->f.slave_kind && !kind_is(tb, c->f.slave_kind, true);
}

/* "mode DORMANT ": the link mode */
static void print_linkmode(struct nlattr *a)
{
	uint8_t m = nla_get_u8(a);

	if (m > 1)
		pr_int(PR_ANY, "linkmode_index", "mode %d ", m);
	else
		pr_string(PR_ANY, "linkmode", "mode %s ",
			  m ? "DORMANT" : "DEFAULT");
}

/* "event BONDING FAILOVER ": what a monitored change was */
static void print_event(struct nlattr *a)
{
	static const char *const ev[] = {
		"NONE", "REBOOT", "FEATURE CHANGE",
		"BONDING FAILOVER", "NOTIFY PEERS", "RESEND IGMP",
		"BONDING OPTION",
	};
	uint32_t e = nla_get_u32(a);

	if (e >= ARRAY_SIZE(ev))
		pr_int(PR_ANY, "event", "event %d ", (int)e);
	else if (e)
		pr_string(PR_ANY, "event", "event %s ", ev[e]);
}

/* the first line after the flags: mtu, xdp, qdisc, master, state, mode,
 * group, qlen, event */
static void print_settings(struct link_pr *c, const char *name,
			   struct nlattr **tb)
{
	char b[64];

	if (tb[IFLA_MTU])
		pr_int(PR_ANY, "mtu", "mtu %u ",
		       (int)nla_get_u32(tb[IFLA_MTU]));
	if (tb[IFLA_XDP])
		print_xdp(tb[IFLA_XDP]);
	if (tb[IFLA_QDISC])
		pr_string(PR_ANY, "qdisc", "qdisc %s ",
			  nla_get_string(tb[IFLA_QDISC]));
	if (tb[IFLA_MASTER])
		pr_string(PR_ANY, "master", "master %s ",
			  link_pr_ifname(c, nla_get_u32(tb[IFLA_MASTER])));
	if (tb[IFLA_OPERSTATE])
		print_operstate(c, nla_get_u8(tb[IFLA_OPERSTATE]));
	if (tb[IFLA_LINKMODE] && c->do_link)
		print_linkmode(tb[IFLA_LINKMODE]);
	if (tb[IFLA_GROUP])
		pr_string(PR_ANY, "group", "group %s ",
			  rt_group_n2a(nla_get_u32(tb[IFLA_GROUP]), b,
				       sizeof(b)));
	if (c->showqueue)
		print_queuelen(c, name, tb);
	if (tb[IFLA_EVENT])
		print_event(tb[IFLA_EVENT]);
}

/* what follows the first line: the link-layer line, the link's netns,
 * protodown, -d details, the alias, -s counters, the altnames */
static void print_rest(struct link_pr *c, const struct ifinfomsg *ifi,
		       struct nlattr **tb)
{
	const struct nsh_opts *o = &c->sh->o;

	/* -4/-6 (ip address) leave the link-layer line out */
	if (!c->f.family || c->f.family == AF_PACKET || o->details)
		print_lladdrs(c, ifi, tb);
	print_netnsid(c, tb);
	if (tb[IFLA_PROTO_DOWN])
		print_proto_down(tb);
	if (o->details)
		link_pr_details(c, tb);
	if (tb[IFLA_IFALIAS] && (c->do_link || o->details)) {
		pr_string(PR_FP, NULL, "%s    ", pr_sl());
		pr_string(PR_ANY, "ifalias", "alias %s",
			  nla_get_string(tb[IFLA_IFALIAS]));
	}
	if (o->stats && c->do_link) {
		pr_nl();
		link_pr_counters(c, tb);
	}
	if (tb[IFLA_PROP_LIST])
		print_altnames(tb[IFLA_PROP_LIST]);
}

int link_pr_print(struct link_pr *c, const struct nlmsghdr *n)
{
	const struct ifinfomsg *ifi = link_pr_ifi(n);
	struct nlattr *tb[IFLA_MAX + 1];
	const char *name;
	bool mdown;

	if ((n->nlmsg_type != RTM_NEWLINK && n->nlmsg_type != RTM_DELLINK) ||
	    n->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
		return -1;
	if (c->f.up && !(ifi->ifi_flags & IFF_UP))
		return -1;
	link_pr_parse(n, tb);
	if (!tb[IFLA_IFNAME])
		return -1;
	name = nla_get_string(tb[IFLA_IFNAME]);
	if (c->f.label)
		return 0;
	if (filtered_out(c, tb))
		return -1;
	if (n->nlmsg_type == RTM_DELLINK)
		pr_bool(PR_ANY, "deleted", "Deleted ", true);
	if (c->sh->o.brief)
		return print_brief(c, name, ifi, tb);
	pr_int(PR_ANY, "ifindex", "%d: ", ifi->ifi_index);
	mdown = print_name_and_link(c, "%s: ", name, tb);
	link_pr_flags(ifi->ifi_flags, mdown);
	print_settings(c, name, tb);
	print_rest(c, ifi, tb);
	pr_string(PR_FP, NULL, "%s", "\n");
	return 1;
}
