/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * nexthop.h - private to `ip nexthop`: what cmds/nexthop.c (types,
 * grammar, the command rows), nexthop_modify.c (add, replace, delete),
 * nexthop_print.c (print_nexthop, print_bucket) and nexthop_show.c (list,
 * get, flush, bucket) share.
 */
#ifndef NSH_NEXTHOP_H
#define NSH_NEXTHOP_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "cmds.h"
#include "iproute.h"
#include "ipl.h"
#include "route.h"

struct nexthop_grp;
struct mpls_label;
struct nlmsghdr;

/* the words of ip nexthop (those of `encap`: enum encap_key, route.h) */
enum nh_key {
	XK_ID = 1, XK_DEV, XK_VIA, XK_ENCAP, XK_BLACKHOLE, XK_FDB, XK_ONLINK,
	XK_GROUP, XK_TYPE, XK_PROTO, XK_HELP,
	/* type resilient */
	XK_BUCKETS, XK_IDLE, XK_UNBALANCED,
	/* list, flush, bucket */
	XK_GROUPS, XK_MASTER, XK_VRF, XK_NHID, XK_LIST, XK_GET, XK_INDEX,
};

#define GROUP_MAX 256
#define MPLS_MAX_LABELS 64

/* NHGROUP: ID[,WEIGHT]/ID[,WEIGHT]/…, weights 1-256, into G (at most
 * MAX): their number, or -1 with the reason in ERRBUF */
int nh_group_parse(const char *w, struct nexthop_grp *g, int max,
		   char *errbuf, size_t errlen);
/* LABEL[/LABEL…] into OUT (MPLS_MAX_LABELS): their number, or -1 */
int nh_labels_parse(const char *w, struct mpls_label *out);
/* `help` among the words: prints the usage, true */
bool nh_wants_help(const struct nsh_args *a);
/* the kernel's refusal, in one line about the nexthop SUBJECT (ENCAP: the
 * type of its encapsulation, if any); returns 1 */
int nh_refused(struct nsh *sh, const char *subject, int err, int type,
	       const char *encap);

/* start a listing on P, on SH's socket: the names read afresh,
 * iproute2's colours under -c; 0, or 1 when there is no socket
 * (reported) */
int nh_show_begin(struct rt_print *p, struct nsh *sh);
/* print_nexthop, print_nexthop_bucket: one answer in iproute2's layout */
void print_nexthop(struct rt_print *p, const struct nlmsghdr *nlh);
void print_bucket(struct rt_print *p, const struct nlmsghdr *nlh);

/* the handlers */
int nh_cmd_add(struct nsh *sh, const struct nsh_args *a);
int nh_cmd_replace(struct nsh *sh, const struct nsh_args *a);
int nh_cmd_delete(struct nsh *sh, const struct nsh_args *a);
int nh_cmd_list(struct nsh *sh, const struct nsh_args *a);
int nh_cmd_get(struct nsh *sh, const struct nsh_args *a);
int nh_cmd_flush(struct nsh *sh, const struct nsh_args *a);
int nh_cmd_bucket(struct nsh *sh, const struct nsh_args *a);

#endif
