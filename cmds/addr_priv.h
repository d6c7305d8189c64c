/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr_priv.h - private to `ip address show` and `flush`: what
 * cmds/addr_filter.c (the filter words, the address dump and the test of
 * one address), cmds/addr_print.c (one address as iproute2 prints it),
 * cmds/addr_show.c (the listing) and cmds/addr_flush.c share.
 */
#ifndef NSH_ADDR_PRIV_H
#define NSH_ADDR_PRIV_H

#include <stdbool.h>
#include <linux/if_addr.h>

#include "addr.h"
#include "cmds.h"
#include "link.h"

struct nlattr;
struct nlmsghdr;
struct nl_sock;

/* iproute2's struct link_filter: the links' part is ip link's */
struct addr_filter {
	struct link_filter lf;	/* lf.family: the addresses' too */
	int ifindex;
	unsigned scope, scopemask;
	unsigned flags, flagmask;
	struct nsh_prefix pfx;	/* family AF_UNSPEC: none */
	char slave_kind[64];	/* type KIND_slave */
};

/* the filter words of A, in their order; *DEV: the link named, if any;
 * 0, or 1 after reporting */
int addr_parse_filter(struct nsh *sh, const struct nsh_args *a,
		      struct addr_filter *f, const char **dev);

/* one RTM_NEWADDR message, its attributes and flags */
struct ifa_view {
	struct nlmsghdr *n;
	const struct ifaddrmsg *ifa;
	struct nlattr *tb[IFA_MAX + 1];
	unsigned flags;
	const struct nlattr *local;	/* IFA_LOCAL, else IFA_ADDRESS */
	const struct nlattr *address;	/* IFA_ADDRESS, else IFA_LOCAL */
};

/* the view of message N; false if it is no IPv4 or IPv6 address */
bool addr_view(struct nlmsghdr *n, struct ifa_view *v);
/* print_addrinfo's (and ipaddr_filter's) tests of one address; DEVNAME:
 * its link's name, the label of an address without one */
bool addr_ifa_match(const struct addr_filter *f, const struct ifa_view *v,
		    const char *devname);

/* the addresses of one show, as views into MSGS */
struct addrs {
	struct msg_list msgs;
	struct ifa_view *v;
	int n;
};

void addrs_free(struct addrs *a);
/* one address dump of FAMILY (and IFINDEX's, on a strict socket) into A;
 * 0, or 1 after reporting */
int addrs_dump(struct nsh *sh, struct nl_sock *sk, int family, int ifindex,
	       struct addrs *a);

/* how an address is printed */
struct addr_out {
	struct nsh *sh;
	bool brief;
	bool with_dev;		/* -o, flush's -s -s: "IDX: DEV" first */
};

/* address attribute A of V's family in text (into BUF, INET6_ADDRSTRLEN
 * bytes), "?" if it is not one */
const char *addr_ntop(const struct ifa_view *v, const struct nlattr *a,
		      char *buf);
/* print_addrinfo, past its filters: one address of link DEVNAME */
void addr_print(const struct addr_out *o, const struct ifa_view *v,
		const char *devname);

#endif
