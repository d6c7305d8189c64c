/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_priv.h - private to the show files of `ip route`: what
 * route_out.c (the printer and the attribute printers), route_print.c
 * (print_route), route_filter.c (the filter and its words),
 * route_list.c (show, flush) and route_get.c share beyond route.h.
 */
#ifndef NSH_ROUTE_PRIV_H
#define NSH_ROUTE_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "route.h"

#ifndef RTNL_FAMILY_IPMR
#define RTNL_FAMILY_IPMR 128
#define RTNL_FAMILY_IP6MR 129
/* the filter of `ip route list|flush` from the words of A, and the
 * family to dump in *RET_FAMILY (route_filter.c); 0, or 1 after
 * reporting */
int rt_list_filter(struct nsh *sh, const struct nsh_args *a,
		   struct rt_filter *f, int *ret_family);

#endif

struct rtmsg;

/* ifa_family_color: the colour of an address of FAMILY */
enum pr_color rt_fam_color(int family);
/* the family of a route's addresses (a multicast route's RTNL_FAMILY_IPMR
 * holds IPv4 ones) */
int rt_real_family(int type, int family);
/* rt_addr_n2a: an address of FAMILY, LEN bytes at DATA, in BUF */
const char *rt_addr_n2a(int family, int len, const void *data, char *buf,
			size_t size);
/* RTA_VIA: "via FAMILY ADDR", another family's gateway */
void rt_print_via(struct rt_print *p, const struct nlattr *a);
/* RTA_FLOW: "realm[s] [FROM/]TO" */
void rt_print_flow(struct rt_print *p, const struct nlattr *a);
/* RTA_NEWDST: "as to ADDR" */
void rt_print_newdst(struct rt_print *p, int family, const struct nlattr *a);

/* the filter of `ip route list|flush` from the words of A, and the
 * family to dump in *RET_FAMILY (route_filter.c); 0, or 1 after
 * reporting */
int rt_list_filter(struct nsh *sh, const struct nsh_args *a,
		   struct rt_filter *f, int *ret_family);

#endif
