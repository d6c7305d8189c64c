/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route.h - what `ip route` (cmds/route.c, route_show.c) and `ip rule`
 * (cmds/rule.c) share: their placeholder types (cmds/route_types.c) and
 * the printing of a route.
 */
#ifndef NSH_ROUTE_H
#define NSH_ROUTE_H

#include <stdint.h>
#include <stdio.h>

#include "cmds.h"
#include "iproute.h"
#include "ipl.h"

struct nlattr;
struct nlmsghdr;
struct nl_msg;
struct nl_sock;

/*
 * Placeholder types (struct nsh_type, in route_family.types; TABLE,
 * RTPROTO, RTSCOPE, RTTYPE, DSFIELD and REALMS are cmds/ipr_types.c's):
 *   RTPREFIX   a route's prefix: default, all, any or ADDR[/LEN], host
 *              bits refused (special 'd' default, 'a' all/any)
 *   RTMATCH    a prefix to match (host bits allowed), same specials
 *   RTTIME     NUMBER[s|ms]
 *   RTPREF     low, medium, high or 0-255
 *   IPPROTO    a protocol of /etc/protocols or 0-255
 *   PORTRANGE  PORT or PORT-PORT;  UIDRANGE  UID-UID
 *   FWMARK     MARK[/MASK]
 */
extern const struct nsh_type route_types[];

/* the family the line's global options ask for (-4, -6, -M, -f …), from
 * the bindings made so far: for parse functions, which run before the
 * options are applied */
int rt_line_family(const struct ipl_parse *p);

/* bind word TOK as a value of O, as it is written (SPECIAL in its
 * nsh_val): for parse functions; 0, or -1 */
int rt_bind_word(struct ipl_parse *p, const struct ipl_opt *o, int tok,
		 int special);

/* ------------------------------------------------------------ show */

/* link names for a show: ifindex -> name, asked once each */
struct rt_links {
	struct {
		int index;
		char name[64];
	} v[64];
	int n;
};
const char *rt_link_name(struct rt_links *l, int index);

/* iproute2's route filter (ip/iproute.c), what `ip route show`, `flush`
 * and `get` select and leave out of the output */
struct rt_prefix {
	int family;
	int bitlen;		/* -1: no length (match) */
	bool len_given;		/* PREFIXLEN_SPECIFIED */
	unsigned char data[16];
};

struct rt_filter {
	uint32_t tb;
	int cloned;
	int protocol, protocolmask;
	int scope, scopemask;
	uint64_t typemask;
	int tos, tosmask;
	int iif, iifmask;
	int oif, oifmask;
	int mark, markmask;
	uint32_t realm, realmmask;
	uint32_t metric, metricmask;
	struct rt_prefix rprefsrc, rvia, rdst, mdst, rsrc, msrc;
	bool flushing;
	bool ip6_multiple_tables;
};

void rt_filter_reset(struct rt_filter *f);

/* one show's state: where it prints and how */
struct rt_print {
	struct nsh *sh;
	struct nl_sock *sk;
	struct rt_filter *f;
	struct rt_links links;
	struct json j;
	bool json;		/* JSON output */
	const char *sl;		/* "\n", or "\\" under -o */
};

void rt_print_begin(struct rt_print *p, struct nsh *sh, struct nl_sock *sk,
		    struct rt_filter *f);
/* does the filter keep the route NLH (tb: its attributes)? */
bool rt_filter_keep(struct rt_print *p, struct nlmsghdr *nlh,
		    struct nlattr **tb);
/* print_route: one route in iproute2's layout (filtered) */
void rt_print_route(struct rt_print *p, struct nlmsghdr *nlh);
/* the route's table: RTA_TABLE, else the header's */
uint32_t rt_msg_table(struct nlmsghdr *nlh, struct nlattr **tb);

/* ip route list/flush and get (route_show.c), and their tables */
int route_list(struct nsh *sh, const struct nsh_args *a, bool flush);
int route_get(struct nsh *sh, const struct nsh_args *a);
extern const struct ipl_table route_list_opts;
extern const struct ipl_table route_get_opts;

/* ------------------------------------------------------------ requests */

/* the table of VRF device NAME (ipvrf_get_table): 0, or 1 after
 * reporting that there is no such link or that it is no VRF */
int rt_vrf_table(struct nsh *sh, const char *name, uint32_t *ret);


#endif
