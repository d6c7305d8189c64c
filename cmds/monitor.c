/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * monitor.c - `ip monitor [all | OBJECTS] [label] [all-nsid] [dev DEV]`:
 * the kernel's rtnetlink events of the current namespace (with all-nsid,
 * of every namespace it has an nsid for), printed as ip/ipmonitor.c
 * prints them, until Ctrl-C.
 *
 * This file: the words, the subscription and the event loop, which hands
 * each message to its object's printer (cmds/monitor_link.c,
 * cmds/monitor_route.c).  Like iproute2, the names of link indexes come
 * from a map filled at the start and kept by the link events of any
 * namespace (cmds/monitor_names.c; so all-nsid may name another
 * namespace's link after one of this one, as ip does), and the nsid names
 * from its netns map.
 *
 * What nsh does not print itself (mroute, prefix, stats, `file`) runs
 * in the real ip.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>

#include "iproute.h"
#include "ipl.h"
#include "monitor.h"
#include "probe.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

enum mon_key {
	M_FILE = 1, M_LABEL, M_LINK, M_ADDR, M_ROUTE, M_MROUTE, M_PREFIX,
	M_NEIGH, M_NETCONF, M_RULE, M_NSID, M_NEXTHOP, M_STATS, M_ALL,
	M_ALL_NSID, M_HELP, M_DEV,
};

#define L(k) (1u << (k))

/* ------------------------------------------------------------ the loop */

static void dispatch(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	switch (nlh->nlmsg_type) {
	case RTM_NEWLINK:
	case RTM_DELLINK:
		if (m->mask & L(M_LINK))
			mon_print_link(m, nlh, nsid);
		else
			mon_ll_remember(m, nlh);
		break;
	case RTM_NEWADDR:
	case RTM_DELADDR:
		mon_print_addr(m, nlh, nsid);
		break;
	case RTM_NEWROUTE:
	case RTM_DELROUTE:
		mon_print_route(m, nlh, nsid);
		break;
	case RTM_NEWNEIGH:
	case RTM_DELNEIGH:
	case RTM_GETNEIGH:
		mon_print_neigh(m, nlh, nsid);
		break;
	case RTM_NEWRULE:
	case RTM_DELRULE:
		mon_print_rule(m, nlh, nsid);
		break;
	case RTM_NEWNETCONF:
	case RTM_DELNETCONF:
		mon_print_netconf(m, nlh, nsid);
		break;
	case RTM_NEWNSID:
	case RTM_DELNSID:
		mon_headers(m, "[NSID]", nsid);
		nsid_print(m->sk, &m->ids, NULL, nlh);
		break;
	case RTM_NEWNEXTHOP:
	case RTM_DELNEXTHOP:
		mon_print_nexthop(m, nlh, nsid);
		break;
	default:	/* mroute, prefix, stats: not asked for natively */
		break;
	}
	fflush(stdout);
}

/* one read of the socket: its messages, with the nsid they came from */
static int receive(struct mon *m)
{
	char buf[65536] __attribute__((aligned(__alignof__(struct nlmsghdr))));
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
			      .msg_control = cbuf,
			      .msg_controllen = sizeof(cbuf) };
	int nsid = -1;
	ssize_t n = recvmsg(m->fd, &msg, 0);

	if (n < 0)
		return errno == EINTR || errno == EAGAIN || errno == ENOBUFS ?
			       0 : -1;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c;
	     c = CMSG_NXTHDR(&msg, c))
		if (c->cmsg_level == SOL_NETLINK &&
		    c->cmsg_type == NETLINK_LISTEN_ALL_NSID &&
		    c->cmsg_len == CMSG_LEN(sizeof(int)))
			memcpy(&nsid, CMSG_DATA(c), sizeof(nsid));
	for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, n);
	     h = NLMSG_NEXT(h, n))
		dispatch(m, h, nsid);
	return 0;
}

/* the groups of the objects asked for, as ip monitor subscribes */
static int subscribe(struct mon *m)
{
	bool v4 = !m->family || m->family == AF_INET;
	bool v6 = !m->family || m->family == AF_INET6;
	bool mpls = !m->family || m->family == AF_MPLS;
	struct {
		unsigned obj;
		bool on;
		int group;
	} g[] = {
		{ M_LINK, true, RTNLGRP_LINK },
		{ M_ADDR, v4, RTNLGRP_IPV4_IFADDR },
		{ M_ADDR, v6, RTNLGRP_IPV6_IFADDR },
		{ M_ROUTE, v4, RTNLGRP_IPV4_ROUTE },
		{ M_ROUTE, v6, RTNLGRP_IPV6_ROUTE },
		{ M_ROUTE, mpls, RTNLGRP_MPLS_ROUTE },
		{ M_NEIGH, true, RTNLGRP_NEIGH },
		{ M_NETCONF, v4, RTNLGRP_IPV4_NETCONF },
		{ M_NETCONF, v6, RTNLGRP_IPV6_NETCONF },
		{ M_NETCONF, mpls, RTNLGRP_MPLS_NETCONF },
		{ M_RULE, v4, RTNLGRP_IPV4_RULE },
		{ M_RULE, v6, RTNLGRP_IPV6_RULE },
		{ M_NSID, true, RTNLGRP_NSID },
		{ M_NEXTHOP, true, RTNLGRP_NEXTHOP },
	};
	int groups[ARRAY_SIZE(g)], one = 1;
	/* a group this kernel lacks (MPLS) is no error */
	struct events_opts o = { .groups = groups, .groups_optional = true };

	for (size_t i = 0; i < ARRAY_SIZE(g); i++)
		if (g[i].on && (m->mask & L(g[i].obj)))
			groups[o.ngroups++] = g[i].group;
	m->fd = ns_events_open(m->sh, &m->sh->cur, &o, NULL);
	if (m->fd < 0)
		return nsh_err(m->sh, "cannot open a netlink socket: %s",
			       strerror(-m->fd));
	if (m->all_nsid &&
	    setsockopt(m->fd, SOL_NETLINK, NETLINK_LISTEN_ALL_NSID, &one,
		       sizeof(one)) < 0)
		return nsh_err(m->sh, "NETLINK_LISTEN_ALL_NSID: %s",
			       strerror(errno));
	return 0;
}

static void usage(void)
{
	printf("Usage: ip monitor [ all | OBJECTS ] [ FILE ] [ label ] "
	       "[ all-nsid ]\n"
	       "                  [ dev DEVICE ]\n"
	       "OBJECTS :=  address | link | mroute | neigh | netconf |\n"
	       "            nexthop | nsid | prefix | route | rule | stats\n"
	       "FILE := file FILENAME\n");
}

/* the words of the line into M (the objects into M->mask); 0, 1 after
 * reporting, or MON_HELP when `help` printed the usage */
enum { MON_HELP = 2 };

static int read_words(struct mon *m, const struct nsh_args *a)
{
	unsigned asked = 0;

	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		switch (o->key) {
		case M_HELP:
			usage();
			return MON_HELP;
		case M_LABEL:
		case M_ALL:
			m->label = true;
			break;
		case M_ALL_NSID:
			m->all_nsid = true;
			break;
		case M_DEV:
			if (link_index(m->sh, ipl_arg(a, i, 0)->text,
				       &m->ifindex))
				return 1;
			break;
		default:
			asked |= L(o->key);
			break;
		}
	}
	m->mask = asked ? asked : ~0u;
	return 0;
}

/* the events until Ctrl-C: 0, or 1 after reporting */
static int event_loop(struct mon *m)
{
	while (!nsh_interrupted) {
		struct pollfd pfd = { m->fd, POLLIN, 0 };

		if (poll(&pfd, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			return nsh_err(m->sh, "poll: %s", strerror(errno));
		}
		if (receive(m) < 0)
			return nsh_err(m->sh, "netlink receive error: %s",
				       strerror(errno));
	}
	return 0;
}

static int cmd_monitor(struct nsh *sh, const struct nsh_args *a)
{
	struct mon m = { .sh = sh, .fd = -1, .family = sh->o.family };
	int rc = read_words(&m, a);

	if (rc)
		return rc == MON_HELP ? 0 : 1;
	rt_names_reset(sh->o.numeric);
	m.sk = ns_sock(sh);
	if (!m.sk || subscribe(&m)) {
		if (m.fd >= 0)
			close(m.fd);
		return 1;
	}
	mon_ll_init(&m);
	nsid_map_load(m.sk, &m.ids);
	/* the address printer is ip address's: text, no colour */
	pr_begin(false, false, false, false);
	fflush(stdout);
	rc = event_loop(&m);
	pr_end();
	nsh_interrupted = 0;
	close(m.fd);
	free(m.ll);
	nsid_map_free(&m.ids);
	return rc;
}

/* objects nsh does not print itself: the real ip runs the line */
static int not_native(struct ipl_parse *p, const struct ipl_opt *o)
{
	(void)o;
	ipl_fallback(p);
	return 0;
}

#define OBJ(kw, key, help) { kw, IPL_PREFIX, NULL, key, help }

/* do_ipmonitor's words, in its order */
static const struct ipl_opt monitor_rows[] = {
	{ "file", IPL_PREFIX, "FILE", M_FILE, "print the events saved in FILE",
	  NULL, not_native },
	OBJ("label", M_LABEL, "each line starts with [LINK], [ADDR]…"),
	OBJ("link", M_LINK, "link events"),
	OBJ("address", M_ADDR, "address events"),
	OBJ("route", M_ROUTE, "route events"),
	{ "mroute", IPL_PREFIX, NULL, M_MROUTE, "multicast route events",
	  NULL, not_native },
	{ "prefix", IPL_PREFIX, NULL, M_PREFIX, "IPv6 prefix events", NULL,
	  not_native },
	OBJ("neigh", M_NEIGH, "neighbour events"),
	OBJ("netconf", M_NETCONF, "forwarding and rp_filter settings"),
	OBJ("rule", M_RULE, "routing rule events"),
	OBJ("nsid", M_NSID, "nsid events"),
	OBJ("nexthop", M_NEXTHOP, "nexthop events"),
	{ "stats", 0, NULL, M_STATS, "statistics events", NULL, not_native },
	{ "all", 0, NULL, M_ALL, "every object, labelled" },
	OBJ("all-nsid", M_ALL_NSID, "the events of every namespace with an "
				    "nsid"),
	OBJ("help", M_HELP, "the usage"),
	{ "dev", IPL_ONCE, "DEV", M_DEV, "only the events of this link" },
	{ NULL } };
static const struct ipl_table monitor_opts = { "ip monitor", monitor_rows };

static const struct nsh_cmd monitor_cmds[] = {
	{ "ip monitor", "print the kernel's network events until Ctrl-C",
	  cmd_monitor, 0, "ip monitor label link address", NULL,
	  &monitor_opts },
	{ NULL },
};

const struct nsh_family monitor_family = {
	"monitor", "ip monitor: the kernel's network events as they happen",
	monitor_cmds,
};
