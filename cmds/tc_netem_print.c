/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc_netem_print.c - netem's TCA_OPTIONS (tc_netem_qopt and the
 * attributes after it) printed as tc/q_netem.c's netem_print_opt does, in
 * text and JSON (the words and the request are tc_netem.c's).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <linux/pkt_sched.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>

#include "tc_priv.h"

/* ------------------------------------------------------------ print */

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* text: the percentage; JSON: the fraction */
static void pr_percent(const char *key, const char *fmt, uint32_t per)
{
	pr_float(PR_FP, NULL, fmt, (100. * per) / UINT32_MAX);
	pr_float(PR_JSON, key, NULL, (1. * per) / UINT32_MAX);
}

static void pr_percent_opt(const char *label, uint32_t per)
{
	char fmt[64];

	snprintf(fmt, sizeof(fmt), " %s %%g%%%%", label);
	pr_percent(label, fmt, per);
}

static void pr_corr(bool present, uint32_t value)
{
	if (!pr_json()) {
		if (present)
			pr_percent("", " %g%%", value);
	} else {
		pr_percent_opt("correlation", value);
	}
}

static void pr_int_opt(const char *label, int val)
{
	char fmt[64];

	snprintf(fmt, sizeof(fmt), " %s %%d", label);
	pr_int(PR_JSON, label, NULL, val);
	if (val)
		pr_int(PR_FP, NULL, fmt, val);
}

static void pr_time64(const char *key, const char *label, long long val)
{
	char fmt[64], b[IPR_SPRINT];

	snprintf(fmt, sizeof(fmt), "%s %%s", label);
	pr_string(PR_FP, NULL, fmt, ipr_sprint_time64(val, b));
	pr_float(PR_JSON, key, NULL, val / 1000000000.);
}

#pragma GCC diagnostic warning "-Wformat-nonliteral"

/* the attributes after tc_netem_qopt, as netem_print_opt reads them */
struct netem_attrs {
	const struct tc_netem_corr *cor;
	const struct tc_netem_reorder *reorder;
	const struct tc_netem_corrupt *corrupt;
	const struct tc_netem_gimodel *gi;
	const struct tc_netem_gemodel *ge;
	const struct tc_netem_rate *rate;
	const struct tc_netem_slot *slot;
	uint64_t rate64;
	bool ecn;
};

/* the attribute A as *PTR, if it is there; false if it is too short */
#define GET(a, ptr)                                                            \
	((a) ? (nla_len(a) < (int)sizeof(*(ptr)) ? false :                     \
				(ptr = nla_data(a), true)) : true)

/* the LEN bytes of attributes at DATA into NA; false: print no more */
static bool read_attrs(void *data, int len, struct netem_attrs *na)
{
	struct nlattr *tb[TCA_NETEM_MAX + 1];

	if (nla_parse(tb, TCA_NETEM_MAX, data, len, NULL) < 0)
		return false;
	if (!GET(tb[TCA_NETEM_CORR], na->cor) ||
	    !GET(tb[TCA_NETEM_REORDER], na->reorder) ||
	    !GET(tb[TCA_NETEM_CORRUPT], na->corrupt) ||
	    !GET(tb[TCA_NETEM_RATE], na->rate) ||
	    !GET(tb[TCA_NETEM_SLOT], na->slot))
		return false;
	if (tb[TCA_NETEM_LOSS]) {
		struct nlattr *lb[NETEM_LOSS_MAX + 1];

		if (nla_parse_nested(lb, NETEM_LOSS_MAX, tb[TCA_NETEM_LOSS],
				     NULL) == 0) {
			if (lb[NETEM_LOSS_GI])
				na->gi = nla_data(lb[NETEM_LOSS_GI]);
			if (lb[NETEM_LOSS_GE])
				na->ge = nla_data(lb[NETEM_LOSS_GE]);
		}
	}
	if (tb[TCA_NETEM_ECN]) {
		if (nla_len(tb[TCA_NETEM_ECN]) < 4)
			return false;
		na->ecn = true;
	}
	if (tb[TCA_NETEM_RATE64]) {
		if (nla_len(tb[TCA_NETEM_RATE64]) < 8)
			return false;
		na->rate64 = nla_get_u64(tb[TCA_NETEM_RATE64]);
	}
	return true;
}
#undef GET

/* delay TIME [JITTER [CORRELATION]] */
static void print_delay(const struct tc_netem_qopt *q,
			const struct tc_netem_corr *cor)
{
	char b[IPR_SPRINT];

	pr_obj_open("delay");
	if (!pr_json()) {
		pr_string(PR_FP, NULL, " delay %s",
			  tc_sprint_ticks(q->latency, b));
		if (q->jitter)
			pr_string(PR_FP, NULL, "  %s",
				  tc_sprint_ticks(q->jitter, b));
	} else {
		pr_float(PR_JSON, "delay", NULL,
			 tc_tick2time(q->latency) / 1000000.);
		pr_float(PR_JSON, "jitter", NULL,
			 tc_tick2time(q->jitter) / 1000000.);
	}
	pr_corr(q->jitter && cor && cor->delay_corr, cor ? cor->delay_corr : 0);
	pr_obj_close();
}

/* loss random, loss state (4-state model), loss gemodel */
static void print_loss(const struct tc_netem_qopt *q,
		       const struct netem_attrs *na)
{
	const struct tc_netem_corr *cor = na->cor;

	if (q->loss) {
		pr_obj_open("loss-random");
		pr_percent_opt("loss", q->loss);
		pr_corr(cor && cor->loss_corr, cor ? cor->loss_corr : 0);
		pr_obj_close();
	}
	if (na->gi) {
		pr_obj_open("loss-state");
		pr_percent("p13", " loss state p13 %g%%", na->gi->p13);
		pr_percent_opt("p31", na->gi->p31);
		pr_percent_opt("p32", na->gi->p32);
		pr_percent_opt("p23", na->gi->p23);
		pr_percent_opt("p14", na->gi->p14);
		pr_obj_close();
	}
	if (na->ge) {
		pr_obj_open("loss-gemodel");
		pr_percent("p", " loss gemodel p %g%%", na->ge->p);
		pr_percent_opt("r", na->ge->r);
		pr_percent_opt("1-h", UINT32_MAX - na->ge->h);
		pr_percent_opt("1-k", na->ge->k1);
		pr_obj_close();
	}
}

/* duplicate, reorder, corrupt PERCENT [CORRELATION] */
static void print_probs(const struct tc_netem_qopt *q,
			const struct netem_attrs *na)
{
	const struct tc_netem_corr *cor = na->cor;

	if (q->duplicate) {
		pr_obj_open("duplicate");
		pr_percent_opt("duplicate", q->duplicate);
		pr_corr(cor && cor->dup_corr, cor ? cor->dup_corr : 0);
		pr_obj_close();
	}
	if (na->reorder && na->reorder->probability) {
		pr_obj_open("reorder");
		pr_percent_opt("reorder", na->reorder->probability);
		pr_corr(na->reorder->correlation, na->reorder->correlation);
		pr_obj_close();
	}
	if (na->corrupt && na->corrupt->probability) {
		pr_obj_open("corrupt");
		pr_percent_opt("corrupt", na->corrupt->probability);
		pr_corr(na->corrupt->correlation, na->corrupt->correlation);
		pr_obj_close();
	}
}

/* rate RATE [packetoverhead N] [cellsize N] [celloverhead N] */
static void print_rate(struct tc_show *s, const struct tc_netem_rate *rate,
		       uint64_t rate64)
{
	pr_obj_open("rate");
	tc_print_rate(s, PR_ANY, "rate", " rate %s",
		      rate64 ? rate64 : rate->rate);
	pr_int_opt("packetoverhead", rate->packet_overhead);
	pr_uint(PR_JSON, "cellsize", NULL, rate->cell_size);
	if (rate->cell_size)
		pr_uint(PR_FP, NULL, " cellsize %u", rate->cell_size);
	pr_int_opt("celloverhead", rate->cell_overhead);
	pr_obj_close();
}

/* slot MIN MAX | slot distribution DELAY JITTER, packets, bytes */
static void print_slot(const struct tc_netem_slot *slot)
{
	pr_obj_open("slot");
	if (slot->dist_jitter > 0) {
		pr_time64("distribution", " slot distribution",
			  slot->dist_delay);
		pr_time64("jitter", "", slot->dist_jitter);
	} else {
		pr_time64("min-delay", " slot", slot->min_delay);
		pr_time64("max-delay", "", slot->max_delay);
	}
	pr_int_opt("packets", slot->max_packets);
	pr_int_opt("bytes", slot->max_bytes);
	pr_obj_close();
}

void tc_netem_print(struct tc_show *s, struct nlattr *opt)
{
	struct netem_attrs na = { 0 };
	struct tc_netem_qopt q;
	int len = nla_len(opt) - (int)sizeof(q);

	if (len < 0)
		return;
	memcpy(&q, nla_data(opt), sizeof(q));
	if (len > 0 && !read_attrs((char *)nla_data(opt) + sizeof(q), len, &na))
		return;
	pr_uint(PR_ANY, "limit", "limit %d", q.limit);
	if (q.latency)
		print_delay(&q, na.cor);
	print_loss(&q, &na);
	print_probs(&q, &na);
	if (na.rate && na.rate->rate)
		print_rate(s, na.rate, na.rate64);
	if (na.slot)
		print_slot(na.slot);
	pr_bool(PR_JSON, "ecn", NULL, na.ecn);
	if (na.ecn)
		pr_bool(PR_FP, NULL, " ecn ", na.ecn);
	pr_u64(PR_JSON, "gap", NULL, q.gap);
	if (q.gap)
		pr_u64(PR_FP, NULL, " gap %llu", q.gap);
}
