/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * monitor.h - private to `ip monitor`: the session the event loop
 * (cmds/monitor.c) hands to the printers, the link map and the small
 * formatters (cmds/monitor_names.c), and the printers of each object
 * (cmds/monitor_link.c: link, address, neighbour, netconf;
 * cmds/monitor_route.c: route, rule, nexthop).
 */
#ifndef NSH_MONITOR_H
#define NSH_MONITOR_H

#include <stdbool.h>
#include <stddef.h>
#include <net/if.h>

#include "cmds.h"
#include "netns.h"

struct nlattr;
struct nlmsghdr;

/* a link index's name, flags and type, as iproute2's ll map keeps them */
struct ll_ent {
	int index;
	unsigned flags;
	unsigned short type;
	char name[IFNAMSIZ];
};

struct mon {
	struct nsh *sh;
	struct nl_sock *sk;	/* the current namespace's, for questions */
	int fd;			/* the listening socket */
	unsigned mask;		/* L(M_LINK)…: what to print */
	bool label, all_nsid;
	int ifindex;		/* dev DEV: only its events */
	int family;		/* -4/-6 */
	struct ll_ent *ll;
	int nll;
	struct nsid_map ids;
};

/* ------------------------------------------------------------ names */

/* the map's entry of link INDEX, or NULL */
struct ll_ent *mon_ll_get(struct mon *m, int index);
/* remember (or forget, for RTM_DELLINK) the link of NLH */
void mon_ll_remember(struct mon *m, const struct nlmsghdr *nlh);
/* iproute2's ll_init_map: the links of the current namespace */
void mon_ll_init(struct mon *m);
/* iproute2's ll_index_to_name: the map, the kernel, or "ifN" in BUF */
const char *mon_ll_name(struct mon *m, int index, char *buf, size_t len);
/* an IPv4 or IPv6 address of FAMILY, or "???" */
const char *mon_addr_str(int family, const struct nlattr *a, char *buf,
			 size_t len);
/* the bits of a host address of FAMILY (0: unknown) */
int mon_bit_len(int family);
/* what precedes every event: -t/-ts stamp, [nsid N], the LABEL */
void mon_headers(struct mon *m, const char *label, int nsid);

/* ------------------------------------------------------------ printers */

void mon_print_link(struct mon *m, const struct nlmsghdr *nlh, int nsid);
void mon_print_addr(struct mon *m, const struct nlmsghdr *nlh, int nsid);
void mon_print_neigh(struct mon *m, const struct nlmsghdr *nlh, int nsid);
void mon_print_netconf(struct mon *m, const struct nlmsghdr *nlh, int nsid);
void mon_print_route(struct mon *m, const struct nlmsghdr *nlh, int nsid);
void mon_print_rule(struct mon *m, const struct nlmsghdr *nlh, int nsid);
void mon_print_nexthop(struct mon *m, const struct nlmsghdr *nlh, int nsid);

#endif
