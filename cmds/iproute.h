/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * iproute.h - what the iproute2 families share (ip link, address, route,
 * rule, neigh, nexthop, monitor; bridge; tc): iproute2's way of printing
 * a show (cmds/ipr_print.c: one call per field, which either prints text
 * or adds a JSON member, byte for byte as iproute2's json_print and
 * json_writer do), its formats and units (cmds/ipr_format.c,
 * cmds/ipr_print.c, cmds/iproute.c), its names of numbers
 * (cmds/ipr_names.c) and the value types that read them
 * (cmds/ipr_types.c), and the netlink requests of a command
 * (cmds/ipr_nl.c: a request and its acknowledgement, a get, a dump).
 * Each family's file keeps its grammar and semantics.
 */
#ifndef NSH_IPROUTE_H
#define NSH_IPROUTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cmds.h"

struct nl_msg;
struct nl_sock;
struct nlattr;
struct nlmsghdr;

/* ------------------------------------------------------------ printing */

/*
 * iproute2's print calls: PR_ANY prints FMT with the value in text and
 * KEY: value under -j, PR_FP only the text, PR_JSON only the member.  A
 * NULL KEY is an array element; a NULL FMT prints nothing in text.
 */
enum pr_out { PR_FP = 1, PR_JSON = 2, PR_ANY = PR_FP | PR_JSON };

/* start one show: JSON (with its outer array when ARRAY, as
 * new_json_obj; without, as tc's new_json_obj_plain), -p, -o (records
 * end in '\' instead of a new line); pr_end ends it */
void pr_begin(bool json, bool pretty, bool oneline, bool array);
void pr_end(void);
bool pr_json(void);
/* -c: iproute2's colours (off under -j) */
void pr_color(bool on);
enum pr_color { PC_IFNAME, PC_MAC, PC_INET, PC_INET6, PC_UP, PC_DOWN,
		PC_NONE };
void pr_color_string(enum pr_out t, enum pr_color c, const char *key,
		     const char *fmt, const char *val);
/* text only (the printers with their own JSON): VAL through FMT, in C's
 * colour when pr_color() turned colours on */
void pr_color_text(enum pr_color c, const char *fmt, const char *val);
const char *pr_sl(void);	/* "\n", or "\\" under -o */
void pr_nl(void);		/* pr_sl() in text, nothing in JSON */
void pr_obj_open(const char *key);
void pr_obj_close(void);
/* JSON: an array named S; text: S printed */
void pr_arr_open(enum pr_out t, const char *s);
void pr_arr_close(enum pr_out t, const char *s);
void pr_string(enum pr_out t, const char *key, const char *fmt,
	       const char *val);
void pr_int(enum pr_out t, const char *key, const char *fmt, int val);
void pr_uint(enum pr_out t, const char *key, const char *fmt, unsigned val);
void pr_u64(enum pr_out t, const char *key, const char *fmt,
	    unsigned long long val);
void pr_s64(enum pr_out t, const char *key, const char *fmt, long long val);
void pr_hu(enum pr_out t, const char *key, const char *fmt,
	   unsigned short val);
void pr_hhu(enum pr_out t, const char *key, const char *fmt,
	    unsigned char val);
void pr_float(enum pr_out t, const char *key, const char *fmt, double val);
/* text: FMT with "true"/"false" (pr_bool) or "on"/"off" (pr_on_off) */
void pr_bool(enum pr_out t, const char *key, const char *fmt, bool val);
void pr_on_off(enum pr_out t, const char *key, const char *fmt, bool val);
/* JSON: null; text: FMT with VAL */
void pr_null(enum pr_out t, const char *key, const char *fmt,
	     const char *val);
/* JSON: "0x2a" (a string) */
void pr_0xhex(enum pr_out t, const char *key, const char *fmt,
	      unsigned long long val);
/* JSON: "2a" (a string) */
void pr_hex(enum pr_out t, const char *key, const char *fmt, unsigned val);
/* JSON: the number; text: "1500b", "32Kb", "1Mb" */
void pr_size(enum pr_out t, const char *key, const char *fmt,
	     uint32_t bytes);
/* JSON: bytes per second; text: "1Mbit", "100Kbit" (IEC: "1Mibit") */
void pr_rate(enum pr_out t, const char *key, const char *fmt,
	     unsigned long long bytes_per_sec, bool iec);
/* a counter in a column of WIDTH and a blank (-h: 1.5k, -iec: 1.5Ki) */
void pr_num(unsigned width, uint64_t count, bool human, bool iec);
/* jiffies (1/100 s) as a timer: "%4i.%.2i " in text */
void pr_timer(const char *key, uint64_t jiffies);

/* ------------------------------------------------------------ formats */

/* "ether", "loopback", … for ARPHRD_* TYPE ("[N]" when unknown or
 * NUMERIC) */
const char *pr_lltype(unsigned type, bool numeric, char *buf, size_t len);
/* a link-layer address of link type TYPE: aa:bb:…, or the IP address of
 * a tunnel */
const char *pr_lladdr(const unsigned char *a, int alen, unsigned type,
		      char *buf, size_t len);
const char *pr_hexstring(const unsigned char *a, int alen, char *buf,
			 size_t len);
/* an Ethernet protocol (network order) by name ("802.1Q", "ip") or
 * "[N]" */
const char *pr_llproto(uint16_t be, bool numeric, char *buf, size_t len);
/* a protocol name of that table (any case) or number: 0, or -1 */
int link_llproto_a2n(const char *s, uint16_t *be);

/* ------------------------------------------------------------ names */

/*
 * iproute2's name databases (cmds/ipr_names.c, lib/rt_names.c): built-in
 * names, and the files of /etc/iproute2 read when a name is missing (a
 * number without a built-in name) or asked for by name, as iproute2
 * reads them once per command.  rt_names_reset forgets what was read
 * (each command that prints or reads names starts with it); NUMBERS
 * (-N): n2a gives numbers.  n2a gives the name, or the number in
 * iproute2's format, in BUF; a2n gives 0 and the number, or -1.
 */
void rt_names_reset(bool numbers);
const char *rt_proto_n2a(unsigned id, char *buf, size_t len);
int rt_proto_a2n(const char *name, uint32_t *ret);
const char *rt_scope_n2a(unsigned id, char *buf, size_t len);
int rt_scope_a2n(const char *name, uint32_t *ret);
/* the name of scope ID (the files read), or NULL: for TAB */
const char *rt_scope_get(unsigned id);
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

/* ------------------------------------------------------------ units */

#define IPR_SPRINT 64
/* iproute2's sprint_size: "1500b", "32Kb", "2Mb" */
const char *ipr_sprint_size(uint32_t bytes, char *buf);
/* sprint_time: microseconds as "50ms", "1s", "100us"; sprint_time64:
 * nanoseconds */
const char *ipr_sprint_time(uint32_t usec, char *buf);
const char *ipr_sprint_time64(long long nsec, char *buf);

/*
 * iproute2's unit grammar, as get_rate64, get_size, get_time and
 * get_time64 read it: a number (strtod: "1.5", "1e3") and a suffix.
 * Rates in bytes per second ("1mbit" = 125000; no suffix: bits per
 * second), sizes in bytes ("10kb", "1mbit"), times in microseconds
 * ("10ms"; no suffix: microseconds), time64 in nanoseconds.  0 or -1.
 */
int ipr_get_rate64(const char *s, uint64_t *ret);
int ipr_get_size(const char *s, uint32_t *ret);
int ipr_get_time(const char *s, uint32_t *ret);
int ipr_get_time64(const char *s, long long *ret);

/* ------------------------------------------------------------ links */

/*
 * The name of link IFINDEX in SH->cur as iproute2's ll_index_to_name
 * says it ("*" for 0, "ifN" when there is none), and whether it is up
 * (-1: no such link).  Looked up once per command.
 */
const char *ipr_ifname(struct nsh *sh, int ifindex);
int ipr_ifup(struct nsh *sh, int ifindex);
/* forget the names looked up (at the start of a command) */
void ipr_ifname_reset(void);

/* ------------------------------------------------------------ netlink */

/*
 * The requests (cmds/ipr_nl.c), on SK (ns_sock(sh)'s; NULL gives
 * -NLE_BAD_SOCK): 0, or a negative libnl error (nl_reason says it, with
 * the kernel's words).  ipr_ack sends MSG and waits for the
 * acknowledgement; ipr_talk does it on SH->cur's socket and says the
 * kernel's warning (1 when there is no socket, reported); ipr_get keeps
 * the one answer (RTM_NEWxxx of MSG's RTM_GETxxx) in *RET (free it).
 */
int ipr_ack(struct nl_sock *sk, struct nl_msg *msg);
int ipr_talk(struct nsh *sh, struct nl_msg *msg);
int ipr_get(struct nl_sock *sk, struct nl_msg *msg, struct nlmsghdr **ret);
/*
 * ipr_dump - send the dump request MSG (NLM_F_DUMP set here) and collect
 * the answers of its RTM_NEWxxx type in *RET (again when the kernel says
 * a change interrupted it); STRICT: with the socket's strict checking on
 * (iproute2's rtnl_set_strict_dump), so the kernel filters on the
 * request's header and attributes.  Nothing reported (dump_msgs, cmds.h,
 * reports).  Free *RET with msg_list_free.
 */
int ipr_dump(struct nl_sock *sk, struct nl_msg *msg, bool strict,
	     struct msg_list *ret);

/* a nested attribute of TYPE as iproute2's addattr_nest makes it: TYPE
 * exactly as given (NLA_F_NESTED only when the caller sets it); NULL when
 * the message is full */
struct nlattr *ipr_nest(struct nl_msg *msg, int type);
void ipr_nest_end(struct nl_msg *msg, struct nlattr *start);

/*
 * ipr_batch - `ROOT -batch FILE` (iproute2's do_batch): each line of FILE
 * ("-": standard input) run as "ROOT [the line's global options] LINE",
 * '#' starting a comment, a trailing backslash joining the next line; the
 * first failure ends it unless -force.  0, or 1 when a line failed.
 */
int ipr_batch(struct nsh *sh, const struct nsh_args *a, const char *root);

#endif
