/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * iproute.h - what `bridge` and `tc` share: iproute2's way of printing a
 * show (one call per field, which either prints text or adds a JSON
 * member, byte for byte as iproute2's json_print and json_writer do),
 * its units (sizes, rates, times), and the netlink requests of a show
 * (a request with attributes and an acknowledgement, a dump, a get).
 *
 * The printing calls mirror iproute2's print_*(): TYPE says where the
 * field goes (IPR_FP: only text, IPR_JSON: only JSON, IPR_ANY: both),
 * KEY is the JSON member's name (NULL inside an array), FMT the printf
 * format of the text (one conversion of the value's type).
 */
#ifndef NSH_IPROUTE_H
#define NSH_IPROUTE_H

#include <stdbool.h>
#include <stdint.h>

#include "cmds.h"

struct nl_msg;
struct nlmsghdr;

enum ipr_out {
	IPR_FP = 1,
	IPR_JSON = 2,
	IPR_ANY = 3,
};

/* the output of one show: JSON (an array around it, as new_json_obj) or
 * text; ONELINE: records end in "\" instead of a new line */
void ipr_begin(bool json, bool pretty, bool oneline);
void ipr_end(void);
/* a JSON output without the array around it (tc's new_json_obj_plain) */
void ipr_begin_plain(bool json, bool pretty);
void ipr_end_plain(void);
bool ipr_json(void);

void ipr_open_object(const char *key);
void ipr_close_object(void);
/* JSON: an array named KEY_OR_TEXT; text: KEY_OR_TEXT printed */
void ipr_open_array(enum ipr_out t, const char *key_or_text);
void ipr_close_array(enum ipr_out t, const char *text);

void ipr_string(enum ipr_out t, const char *key, const char *fmt,
		const char *val);
void ipr_uint(enum ipr_out t, const char *key, const char *fmt,
	      unsigned val);
void ipr_int(enum ipr_out t, const char *key, const char *fmt, int val);
void ipr_u64(enum ipr_out t, const char *key, const char *fmt,
	     unsigned long long val);
void ipr_s64(enum ipr_out t, const char *key, const char *fmt,
	     long long val);
void ipr_float(enum ipr_out t, const char *key, const char *fmt,
	       double val);
/* JSON: a string in "%x" (ipr_hex) or "%#llx" (ipr_0xhex) */
void ipr_hex(enum ipr_out t, const char *key, const char *fmt, unsigned val);
void ipr_0xhex(enum ipr_out t, const char *key, const char *fmt,
	       unsigned long long val);
/* text: FMT with "true"/"false" (ipr_bool) or "on"/"off" (ipr_on_off) */
void ipr_bool(enum ipr_out t, const char *key, const char *fmt, bool val);
void ipr_on_off(enum ipr_out t, const char *key, const char *fmt, bool val);
/* JSON: null; text: FMT with VAL */
void ipr_null(enum ipr_out t, const char *key, const char *fmt,
	      const char *val);
/* the end of a record in text ("\n", or "\" with -oneline) */
void ipr_nl(void);
/* JSON: the number; text: "1500b", "32Kb", "1Mb" */
void ipr_size(enum ipr_out t, const char *key, const char *fmt,
	      uint32_t bytes);
/* JSON: bytes per second; text: "1Mbit", "100Kbit" (IEC: "1Mibit") */
void ipr_rate(enum ipr_out t, const char *key, const char *fmt,
	      unsigned long long bytes_per_sec, bool iec);

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

/* send MSG on SH->cur's socket and wait for the kernel's answer: 0, or
 * a negative libnl error (nl_reason says it); 1 when there is no socket
 * (reported) */
int ipr_talk(struct nsh *sh, struct nl_msg *msg);
/* the same for a request answered by one message, copied into *RET
 * (free it) */
int ipr_get(struct nsh *sh, struct nl_msg *msg, struct nlmsghdr **ret);
/*
 * ipr_dump - send the dump request MSG (NLM_F_DUMP set here) and collect
 * the answers of its RTM_NEWxxx type in *RET; STRICT: with the socket's
 * strict checking on (iproute2's rtnl_set_strict_dump), so the kernel
 * filters on the request's header and attributes.  0, or a negative
 * libnl error (nothing reported).  Free *RET with msg_list_free.
 */
int ipr_dump(struct nsh *sh, struct nl_msg *msg, bool strict,
	     struct msg_list *ret);

/*
 * ipr_batch - `ROOT -batch FILE` (iproute2's do_batch): each line of FILE
 * ("-": standard input) run as "ROOT [the line's global options] LINE",
 * '#' starting a comment, a trailing backslash joining the next line; the
 * first failure ends it unless -force.  0, or 1 when a line failed.
 */
int ipr_batch(struct nsh *sh, const struct nsh_args *a, const char *root);

/* a nested attribute of TYPE as iproute2's addattr_nest makes it: TYPE
 * exactly as given (NLA_F_NESTED only when the caller sets it); NULL when
 * the message is full */
struct nlattr *ipr_nest(struct nl_msg *msg, int type);
void ipr_nest_end(struct nl_msg *msg, struct nlattr *start);

#endif
