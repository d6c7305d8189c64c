/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route.h - what `ip route` (cmds/route.c, route_nh.c and the show files
 * route_out.c, route_print.c, route_filter.c, route_list.c, route_get.c),
 * `ip rule` (cmds/rule.c, rule_show.c) and `ip nexthop` (the words of
 * its encaps, its printing) share: their placeholder types
 * (cmds/route_types.c), the words of an encap, a show's printer and the
 * attribute printers.
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
/* the bytes of address V in FAMILY: default is zeros of FAMILY's
 * length, all/any none (cmds/route_types.c) */
int rt_val_bytes(const struct nsh_val *v, int family);
/* [FAMILY] VALUE, VALUE of O's type (o->arg): the words of `via` (a
 * family of another kind, link, mpls or bridge, is the real ip's);
 * cmds/route_nh.c */
int rt_parse_family_addr(struct ipl_parse *p, const struct ipl_opt *o);

/* ------------------------------------------------------------ encap */

/*
 * The words of `encap TYPE …` (cmds/route_nh.c), for ip route and ip
 * nexthop: keys above those of both families' own words.
 */
enum encap_key {
	EK_LABELS = 64, EK_TTL, EK_ID, EK_DST, EK_SRC, EK_TOS, EK_KEY,
	EK_CSUM, EK_SEQ, EK_HOPLIMIT, EK_TC, EK_MODE, EK_SEGS, EK_HMAC,
};
/* a word nsh leaves to the real ip (ip's geneve_opts, vxlan_opts and
 * erspan_opts; the encaps nsh does not build): 0 */
int rt_parse_not_native(struct ipl_parse *p, const struct ipl_opt *o);
/* the words of `encap ip …` and `encap ip6 …` (parse_encap_ip) */
extern const struct ipl_table rt_encap_ip_opts;
extern const struct ipl_table rt_encap_ip6_opts;

/* ------------------------------------------------------------ show */


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
	struct json j;
	bool json;		/* JSON output */
	const char *sl;		/* "\n", or "\\" under -o */
};

/* start a show on SK (F: its filter, or NULL when nothing filters) */
void rt_print_begin(struct rt_print *p, struct nsh *sh, struct nl_sock *sk,
		    struct rt_filter *f);
/* -j: the array of a listing's objects, and its end with the new line */
void rt_print_open_list(struct rt_print *p);
void rt_print_close_list(struct rt_print *p);

/*
 * iproute2's print_* (lib/json_print.c) on P (route_out.c): a field goes
 * to the JSON object under KEY (when KEY is set), or to the text through
 * FMT (when FMT is set).  rtp_color: the text in C's colour under -c;
 * rtp_hex: "0x…" as a JSON string; rtp_null: JSON null or the text FMT;
 * rtp_bool: JSON true/false, the text FMT when VAL.
 */
void rtp_str(struct rt_print *p, const char *key, const char *fmt,
	     const char *val);
void rtp_uint(struct rt_print *p, const char *key, const char *fmt,
	      unsigned long long val);
void rtp_int(struct rt_print *p, const char *key, const char *fmt,
	     long long val);
void rtp_color(struct rt_print *p, enum pr_color c, const char *key,
	       const char *fmt, const char *val);
void rtp_hex(struct rt_print *p, const char *key, const char *fmt,
	     unsigned long long val);
void rtp_null(struct rt_print *p, const char *key, const char *fmt);
void rtp_bool(struct rt_print *p, const char *key, const char *fmt,
	      bool val);
/* a JSON object or array named KEY (NULL: an element); nothing in text */
void rtp_open(struct rt_print *p, const char *key);
void rtp_close(struct rt_print *p);
void rtp_open_array(struct rt_print *p, const char *key);
void rtp_close_array(struct rt_print *p);

/* the bits of an address of FAMILY (netlink attribute A) as text in BUF:
 * inet, inet6, mpls labels, packet; "???" for the others */
const char *rt_rta_addr(int family, const struct nlattr *a, char *buf,
			size_t size);
/* the length of a host address of FAMILY (0: no such) */
int rt_host_len(int family);
/* print_rt_flags: RTNH_F_* and RTM_F_* as "onlink linkdown …" */
void rt_print_flags(struct rt_print *p, unsigned flags);
/* "via GW" (JSON "gateway") in the colour of FAMILY */
void rt_print_gateway(struct rt_print *p, int family, const char *gw);
/* "LABEL NAME" (JSON "LABEL": "NAME") of link IDX, in colour */
void rt_print_dev(struct rt_print *p, const char *label, uint32_t idx);
/* the name of encap type TYPE (LWTUNNEL_ENCAP_*: "mpls", "ip" …), or
 * NULL */
const char *rt_encap_name(unsigned type);
/* lwt_print_encap: " encap TYPE …" of TYPE (may be NULL) and ENCAP */
void rt_print_encap(struct rt_print *p, const struct nlattr *type,
		    const struct nlattr *encap);

/* a nexthop request of TYPE (RTM_GETNEXTHOP …) with FLAGS for ID in
 * FAMILY: its nhmsg and NHA_ID (cmds/nexthop_show.c); NULL when out of
 * memory */
struct nl_msg *nh_id_msg(int type, int flags, int family, uint32_t id);
/* __print_nexthop_entry (cmds/nexthop_print.c): the nexthop NLH as an
 * object named KEY (NULL: an element), after PREFIX in text (may be NULL);
 * false when it cannot be read (nothing printed) */
bool nh_print_entry(struct rt_print *p, const char *prefix, const char *key,
		    const struct nlmsghdr *nlh);
/* does the filter keep the route NLH (tb: its attributes)? */
bool rt_filter_keep(struct rt_print *p, struct nlmsghdr *nlh,
		    struct nlattr **tb);
/* print_route: one route in iproute2's layout (filtered) */
void rt_print_route(struct rt_print *p, struct nlmsghdr *nlh);
/* the route's table: RTA_TABLE, else the header's */
uint32_t rt_msg_table(struct nlmsghdr *nlh, struct nlattr **tb);

/* ip route list/flush (route_list.c), get (route_get.c) and their
 * tables */
int route_list(struct nsh *sh, const struct nsh_args *a, bool flush);
int route_get(struct nsh *sh, const struct nsh_args *a);
extern const struct ipl_table route_list_opts;
extern const struct ipl_table route_get_opts;

/* ------------------------------------------------------------ requests */

/* the table of VRF device NAME (ipvrf_get_table): 0, or 1 after
 * reporting that there is no such link or that it is no VRF */
int rt_vrf_table(struct nsh *sh, const char *name, uint32_t *ret);


#endif
