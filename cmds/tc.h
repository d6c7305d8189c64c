/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc.h - iproute2's `tc qdisc` and `tc class`, natively: the kinds (one
 * file each, like tc/q_*.c) and what they share with cmds/tc.c (the
 * request being built, the show, tc_core's arithmetic, the units).
 *
 * A kind declares the words that may follow its name (an ipl table for
 * a qdisc, one for a class), puts them into the request's TCA_OPTIONS as
 * iproute2's parse_qopt/parse_copt does, and prints TCA_OPTIONS (and its
 * xstats) as print_qopt/print_copt/print_xstats do, through iproute.h.
 */
#ifndef NSH_TC_H
#define NSH_TC_H

#include <stdint.h>
#include <linux/pkt_sched.h>

#include "cmds.h"
#include "ipl.h"
#include "iproute.h"

struct nl_msg;
struct nlattr;

/* the request being built, for a kind's put() */
struct tc_req {
	struct nsh *sh;
	struct nl_msg *msg;
	const struct nsh_args *a;
	int from, to;		/* the kind's bindings, [from, to) */
	const char *dev;	/* the device (for rates in %), or NULL */
	const char *kind;
};

/* a show, for a kind's print() */
struct tc_show {
	struct nsh *sh;
	bool details, raw, stats, iec;
};

struct tc_kind {
	const char *name;
	const char *summary;
	/* the words after the kind, of a qdisc; NULL: it takes none */
	const struct ipl_table *qopts;
	const struct ipl_table *copts;	/* (class); NULL: none */
	/* put TCA_OPTIONS for a qdisc (NULL: iproute2 parses nothing:
	 * "does not support option parsing") and for a class (NULL: the
	 * kind is classless).  0, or 1 after reporting */
	int (*qput)(struct tc_req *r);
	int (*cput)(struct tc_req *r);
	/* TCA_OPTIONS (and TCA_XSTATS' application part) of a qdisc and
	 * of a class, in text and JSON */
	void (*print)(struct tc_show *s, struct nlattr *opt);
	void (*cprint)(struct tc_show *s, struct nlattr *opt);
	void (*xstats)(struct tc_show *s, struct nlattr *xstats);
};

extern const struct tc_kind tbf_kind, htb_kind, pfifo_kind, bfifo_kind,
	pfifo_head_drop_kind, pfifo_fast_kind, prio_kind, netem_kind,
	sfq_kind, fq_codel_kind, ingress_kind, clsact_kind;
const struct tc_kind *tc_kind_find(const char *name);

/* the bindings of a put: walk them with tc_next */
#define TC_FOR_EACH(r, i)                                                      \
	for (int i = (r)->from; i < (r)->to; i = ipl_next((r)->a, i))
static inline int tc_key(const struct tc_req *r, int i)
{
	const struct ipl_opt *o = r->a->bind[i].opt;

	return o ? o->key : 0;
}
static inline const struct nsh_val *tc_val(const struct tc_req *r, int i,
					   int n)
{
	return ipl_arg(r->a, i, n);
}
/* report a reason about the kind: "KIND: reason" (1) */
int tc_err(struct tc_req *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* the request is full (1) */
int tc_full(struct tc_req *r);

/* ------------------------------------------------------------ tc_core */

#define TIME_UNITS_PER_SEC 1000000

enum tc_linklayer {
	TC_LL_UNSPEC, TC_LL_ETHERNET, TC_LL_ATM,
};

/* the kernel's clock (/proc/net/psched), read once */
unsigned tc_time2tick(unsigned usec);
unsigned tc_tick2time(unsigned tick);
bool tc_time2big(unsigned usec);
/* iproute2's get_hz(): the kernel's HZ as psched reports it */
unsigned tc_get_hz(void);
/* the ticks to send SIZE bytes at RATE bytes/s; the bytes sent in TICKS */
unsigned tc_xmittime(uint64_t rate, unsigned size);
unsigned tc_xmitsize(uint64_t rate, unsigned ticks);
/* tc_calc_rtable: RTAB[256] for R (its rate and mpu), CELL_LOG (-1:
 * from MTU), LINKLAYER; fills R's cell_log, cell_align, linklayer */
int tc_rtable(struct tc_ratespec *r, uint32_t *rtab, int cell_log,
	      unsigned mtu, unsigned linklayer);

/* a RATE value (bytes/s): "30%" is of the device's speed; 0, or 1 after
 * reporting */
int tc_rate_of(struct tc_req *r, const struct nsh_val *v, uint64_t *ret);
/* a percentage ("30%", "0.5") scaled to 2^32-1, as netem sends it */
uint32_t tc_percent_scaled(double fraction);

/* print helpers */
void tc_print_rate(struct tc_show *s, enum pr_out t, const char *key,
		   const char *fmt, unsigned long long rate);
const char *tc_linklayer_name(unsigned ll);
const char *tc_sprint_ticks(unsigned ticks, char *buf);

/*
 * The value types of tc's words (nsh_val fields):
 *   RATE      num = bytes/s; special = 1 for "N%" (tc_rate_of resolves it)
 *   SIZE      num = bytes
 *   SIZECELL  num = bytes; special = cell log ("1500/8" -> 3), or -1
 *   TIME      num = microseconds
 *   TIME64    num = nanoseconds
 *   LINKLAYER num = TC_LL_*
 *   DEC, DEC16, DEC8  num (decimal only, as get_u32(…, 10))
 *   HEX32     num (hexadecimal, as get_u32(…, 16))
 *   UNUM      num (strtoul base 0, as get_u32(…, 0))
 *   SINT      num (signed, base 0)
 *   PERCENT   a fraction in text, parsed by the user (tc_parse_percent)
 *   QHANDLE   num = the handle ("1:" -> 0x10000)
 *   CLASSID   num = the class ID ("1:10" -> 0x10010, root, none)
 */
extern const struct nsh_type tc_types[];
/* parse_percent: "30%", "30" as a fraction of 1 (0 to 1): 0 or -1 */
int tc_parse_percent(const char *s, double *ret);

#endif
