/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route.h - what `ip route` (cmds/route.c, route_show.c) and `ip rule`
 * (cmds/rule.c) share: iproute2's names of tables, protocols, scopes,
 * realms, DS fields and route types (cmds/route_names.c), the placeholder
 * types that parse them, and the printing of a route.
 */
#ifndef NSH_ROUTE_H
#define NSH_ROUTE_H

#include <stdint.h>
#include <stdio.h>

#include "cmds.h"
#include "ipl.h"

struct nlattr;
struct nlmsghdr;
struct nl_msg;
struct nl_sock;

/* ------------------------------------------------------------ names */

/*
 * iproute2's name databases (lib/rt_names.c): built-in names, and the
 * files of /etc/iproute2 read when a name is missing (a number without a
 * built-in name) or asked for by name, as iproute2 reads them once per
 * command.  rt_names_reset forgets what was read (each command starts
 * afresh); NUMBERS (-N): n2a gives numbers.  n2a gives the name, or the number in iproute2's format, in
 * BUF; a2n gives 0 and the number, or -1.
 */
void rt_names_reset(bool numbers);
const char *rt_proto_n2a(unsigned id, char *buf, size_t len);
int rt_proto_a2n(const char *name, uint32_t *ret);
const char *rt_scope_n2a(unsigned id, char *buf, size_t len);
int rt_scope_a2n(const char *name, uint32_t *ret);
const char *rt_realm_n2a(unsigned id, char *buf, size_t len);
int rt_realms_a2n(const char *arg, uint32_t *ret);
const char *rt_table_n2a(uint32_t id, char *buf, size_t len);
int rt_table_a2n(const char *name, uint32_t *ret);
const char *rt_dsfield_n2a(unsigned id, char *buf, size_t len);
int rt_dsfield_a2n(const char *name, uint32_t *ret);
const char *rt_type_n2a(unsigned id, char *buf, size_t len);
int rt_type_a2n(const char *name, uint32_t *ret);
const char *rt_group_n2a(unsigned id, char *buf, size_t len);
const char *rt_ipproto_n2a(unsigned id, char *buf, size_t len);
/* "inet", "inet6", … for RTA_VIA; iproute2's family_name */
const char *rt_family_name(int family);
/* iproute2's read_family: AF_INET for "inet" …, AF_UNSPEC for others */
int rt_read_family(const char *word);

/*
 * Placeholder types (struct nsh_type, in route_family.types):
 *   RTPREFIX   a route's prefix: default, all, any or ADDR[/LEN], host
 *              bits refused (special 'd' default, 'a' all/any)
 *   RTMATCH    a prefix to match (host bits allowed), same specials
 *   TABLE      main, local, default, a name of rt_tables or a number
 *   RTTABLESEL the same, or all (special 'a') or cache (special 'c')
 *   RTPROTO    a protocol name of rt_protos or 0-255; RTPROTOSEL: or all
 *   RTSCOPE    a scope name or 0-255; RTSCOPESEL: or all
 *   RTTYPE     unicast, local, … (iproute2's abbreviations) or 0-255
 *   DSFIELD    a name of rt_dsfield or hex 0-ff
 *   REALMS     [FROM/]TO, names of rt_realms or numbers
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

/* send the request MSG on SK and wait for the kernel's answer: 0, or a
 * negative libnl error (nl_last_errno() has the kernel's) */
int rt_talk(struct nl_sock *sk, struct nl_msg *msg);

#endif
