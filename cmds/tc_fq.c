/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc_fq.c - the fair-queueing kinds, as tc/q_sfq.c and tc/q_fq_codel.c
 * parse and print them: sfq (stochastic fairness, with its optional RED
 * mode) and fq_codel (fair queueing with CoDel).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/pkt_sched.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "tc.h"

enum {
	S_QUANTUM = 100, S_PERTURB, S_LIMIT, S_DIVISOR, S_FLOWS, S_DEPTH,
	S_HEADDROP, S_REDFLOWLIMIT, S_MIN, S_MAX, S_BURST, S_AVPKT,
	S_PROBABILITY, S_ECN, S_HARDDROP, S_HELP,
	C_LIMIT, C_FLOWS, C_QUANTUM, C_DROP_BATCH, C_TARGET, C_CE_THRESHOLD,
	C_CE_SELECTOR, C_MEMORY, C_INTERVAL, C_ECN, C_NOECN, C_HELP,
};

/* ------------------------------------------------------------ sfq */

static const struct ipl_opt sfq_rows[] = {
	{ "quantum", 0, "SIZE", S_QUANTUM, "bytes a flow sends per round" },
	{ "perturb", 0, "SINT", S_PERTURB, "seconds between rehashes" },
	{ "limit", 0, "UNUM", S_LIMIT, "packets in the queue (> 1)" },
	{ "divisor", 0, "UNUM", S_DIVISOR, "hash table size" },
	{ "flows", 0, "UNUM", S_FLOWS, "number of flows" },
	{ "depth", 0, "UNUM", S_DEPTH, "packets per flow" },
	{ "headdrop", 0, NULL, S_HEADDROP, "drop from the head" },
	{ "redflowlimit", 0, "UNUM", S_REDFLOWLIMIT,
	  "RED: bytes per flow (enables RED)" },
	{ "min", 0, "UNUM", S_MIN, "RED: minimum threshold" },
	{ "max", 0, "UNUM", S_MAX, "RED: maximum threshold" },
	{ "burst", 0, "UNUM", S_BURST, "RED: burst in packets" },
	{ "avpkt", 0, "SIZE", S_AVPKT, "RED: average packet size {1000}" },
	{ "probability", 0, "WORD", S_PROBABILITY,
	  "RED: marking probability {0.02}" },
	{ "ecn", 0, NULL, S_ECN, "RED: mark ECN" },
	{ "harddrop", 0, NULL, S_HARDDROP, "RED: drop above max" },
	{ "help", IPL_ALIAS, NULL, S_HELP },
	{ NULL },
};

static const struct ipl_table sfq_opts = { "sfq", sfq_rows };

/* tc_red_eval_P: the probability's log */
static int red_eval_p(unsigned qmin, unsigned qmax, double prob)
{
	int i = (int)(qmax - qmin);

	if (!i)
		return 0;
	if (i < 0)
		return -1;
	prob /= i;
	for (i = 0; i < 32; i++) {
		if (prob > 1.0)
			break;
		prob *= 2;
	}
	return i >= 32 ? -1 : i;
}

/* tc_red_eval_ewma: the averaging weight's log; -2: burst too small */
static int red_eval_ewma(unsigned qmin, unsigned burst, unsigned avpkt)
{
	double w = 0.5, a = (double)burst + 1 - (double)qmin / avpkt;

	if (a < 1.0)
		return -2;
	for (int wlog = 1; wlog < 32; wlog++, w /= 2)
		if (a <= (1 - pow(1 - w, burst)) / w)
			return wlog;
	return -1;
}

/* the RED parameters of sfq (redflowlimit …) into OPT: the defaults,
 * the checks and the constants, as sfq_parse_opt; 0, or 1 after
 * reporting */
static int sfq_red(struct tc_req *r, struct tc_sfq_qopt_v1 *opt,
		   unsigned burst, unsigned avpkt, double probability)
{
	int wlog;

	if (!opt->limit)
		return tc_err(r, "required parameter (redflowlimit) is "
				 "missing");
	/* Sally Floyd's recommendations for the thresholds */
	if (!opt->qth_max)
		opt->qth_max = opt->limit / 4;
	if (!opt->qth_min)
		opt->qth_min = opt->qth_max / 3;
	if (!burst)
		burst = (2 * opt->qth_min + opt->qth_max) / (3 * avpkt);
	if (opt->qth_max > opt->limit)
		return tc_err(r, "\"max\" is larger than \"limit\"");
	if (opt->qth_min >= opt->qth_max)
		return tc_err(r, "\"min\" is not smaller than \"max\"");
	wlog = red_eval_ewma(opt->qth_min, burst, avpkt);
	if (wlog == -2)
		return tc_err(r, "burst %u is too small? Try burst %u", burst,
			      1 + opt->qth_min / avpkt);
	if (wlog < 0)
		return tc_err(r, "failed to calculate EWMA constant");
	if (wlog >= 10)
		nsh_warn(r->sh, "sfq: burst %u seems to be too large", burst);
	opt->Wlog = (unsigned char)wlog;
	wlog = red_eval_p(opt->qth_min, opt->qth_max, probability);
	if (wlog < 0)
		return tc_err(r, "failed to calculate probability");
	opt->Plog = (unsigned char)wlog;
	opt->max_P = (uint32_t)(probability * pow(2, 32));
	return 0;
}

static int sfq_put(struct tc_req *r)
{
	struct tc_sfq_qopt_v1 opt = { 0 };
	unsigned burst = 0, avpkt = 1000;
	double probability = 0.02;
	bool ok = false, red = false;

	TC_FOR_EACH(r, i) {
		const struct nsh_val *v = tc_val(r, i, 0);
		int key = tc_key(r, i);

		switch (key) {
		case S_QUANTUM: opt.v0.quantum = (unsigned)v->num; break;
		case S_PERTURB: opt.v0.perturb_period = (int)v->num; break;
		case S_LIMIT:
			opt.v0.limit = (uint32_t)v->num;
			if (opt.v0.limit < 2)
				return tc_err(r, "'%s': illegal \"limit\", "
						 "must be > 1", v->text);
			break;
		case S_DIVISOR: opt.v0.divisor = (unsigned)v->num; break;
		case S_FLOWS: opt.v0.flows = (unsigned)v->num; break;
		case S_DEPTH: opt.depth = (uint32_t)v->num; break;
		case S_HEADDROP: opt.headdrop = 1; break;
		case S_REDFLOWLIMIT: opt.limit = (uint32_t)v->num; break;
		case S_MIN: opt.qth_min = (uint32_t)v->num; break;
		case S_MAX: opt.qth_max = (uint32_t)v->num; break;
		case S_BURST: burst = (unsigned)v->num; break;
		case S_AVPKT: avpkt = (unsigned)v->num; break;
		case S_PROBABILITY:
			if (sscanf(v->text, "%lg", &probability) != 1)
				return tc_err(r, "'%s': illegal "
						 "\"probability\"", v->text);
			break;
		case S_ECN: opt.flags |= TC_RED_ECN; break;
		case S_HARDDROP: opt.flags |= TC_RED_HARDDROP; break;
		case S_HELP:
			return tc_err(r, "[ limit NUMBER ] [ perturb SECS ] "
					 "[ quantum BYTES ] [ divisor NUMBER ] "
					 "[ flows NUMBER] [ depth NUMBER ] …");
		default: continue;
		}
		if (key >= S_REDFLOWLIMIT)
			red = true;
		else
			ok = true;
	}
	if (red && sfq_red(r, &opt, burst, avpkt, probability))
		return 1;
	if ((ok || red) && nla_put(r->msg, TCA_OPTIONS, sizeof(opt), &opt) < 0)
		return tc_full(r);
	return 0;
}

static void red_print_flags(uint32_t flags)
{
	static const struct {
		uint32_t flag;
		const char *name, *fmt;
	} f[] = {
		{ TC_RED_ECN, "ecn", "ecn " },
		{ TC_RED_HARDDROP, "harddrop", "harddrop " },
		{ TC_RED_ADAPTATIVE, "adaptive", "adaptive " },
		{ TC_RED_NODROP, "nodrop", "nodrop " },
	};

	for (size_t i = 0; i < ARRAY_SIZE(f); i++)
		pr_bool(PR_ANY, f[i].name, flags & f[i].flag ? f[i].fmt :
								 NULL,
			 flags & f[i].flag);
}

static void sfq_print(struct tc_show *s, struct nlattr *opt)
{
	const struct tc_sfq_qopt *q = nla_data(opt);
	const struct tc_sfq_qopt_v1 *x = NULL;

	if (nla_len(opt) < (int)sizeof(*q))
		return;
	if (nla_len(opt) >= (int)sizeof(*x))
		x = nla_data(opt);
	pr_uint(PR_ANY, "limit", "limit %up ", q->limit);
	pr_size(PR_ANY, "quantum", "quantum %s ", q->quantum);
	if (x && x->depth)
		pr_uint(PR_ANY, "depth", "depth %u ", x->depth);
	if (x && x->headdrop)
		pr_bool(PR_ANY, "headdrop", "headdrop ", true);
	if (s->details)
		pr_uint(PR_ANY, "flows", "flows %u ", q->flows);
	pr_uint(PR_ANY, "divisor", "divisor %u ", q->divisor);
	if (q->perturb_period)
		pr_int(PR_ANY, "perturb", "perturb %dsec ",
			q->perturb_period);
	if (x && x->qth_min) {
		pr_uint(PR_ANY, "ewma", "ewma %u ", x->Wlog);
		pr_size(PR_ANY, "min", "min %s ", x->qth_min);
		pr_size(PR_ANY, "max", "max %s ", x->qth_max);
		pr_float(PR_ANY, "probability", "probability %lg ",
			  x->max_P / pow(2, 32));
		red_print_flags(x->flags);
		if (s->stats) {
			pr_nl();
			pr_uint(PR_ANY, "prob_mark", "  prob_mark %u",
				 x->stats.prob_mark);
			pr_uint(PR_ANY, "prob_mark_head",
				 " prob_mark_head %u", x->stats.prob_mark_head);
			pr_uint(PR_ANY, "prob_drop", " prob_drop %u",
				 x->stats.prob_drop);
			pr_nl();
			pr_uint(PR_ANY, "forced_mark", "  forced_mark %u",
				 x->stats.forced_mark);
			pr_uint(PR_ANY, "forced_mark_head",
				 " forced_mark_head %u",
				 x->stats.forced_mark_head);
			pr_uint(PR_ANY, "forced_drop", " forced_drop %u",
				 x->stats.forced_drop);
		}
	}
}

static void sfq_xstats(struct tc_show *s, struct nlattr *xs)
{
	const struct tc_sfq_xstats *st = nla_data(xs);

	(void)s;
	if (nla_len(xs) < (int)sizeof(*st))
		return;
	pr_int(PR_ANY, "allot", "  allot %d", st->allot);
}

const struct tc_kind sfq_kind = {
	.name = "sfq", .summary = "stochastic fairness queueing",
	.qopts = &sfq_opts, .qput = sfq_put, .print = sfq_print,
	.xstats = sfq_xstats,
};

/* ------------------------------------------------------------ fq_codel */

static const struct ipl_opt fq_codel_rows[] = {
	{ "limit", 0, "UNUM", C_LIMIT, "packets in the queue" },
	{ "flows", 0, "UNUM", C_FLOWS, "number of flows" },
	{ "quantum", 0, "UNUM", C_QUANTUM, "bytes a flow sends per round" },
	{ "drop_batch", 0, "UNUM", C_DROP_BATCH, "packets dropped at once" },
	{ "target", 0, "TIME", C_TARGET, "acceptable queue delay {5ms}" },
	{ "ce_threshold", 0, "TIME", C_CE_THRESHOLD,
	  "mark CE above this delay" },
	{ "ce_threshold_selector", 0, "WORD", C_CE_SELECTOR,
	  "VALUE/MASK of the packets ce_threshold applies to" },
	{ "memory_limit", 0, "SIZE", C_MEMORY, "memory for the queue" },
	{ "interval", 0, "TIME", C_INTERVAL, "width of the window {100ms}" },
	{ "ecn", 0, NULL, C_ECN, "mark ECN instead of dropping" },
	{ "noecn", 0, NULL, C_NOECN, "drop, do not mark" },
	{ "help", IPL_ALIAS, NULL, C_HELP },
	{ NULL },
};

static const struct ipl_table fq_codel_opts = { "fq_codel", fq_codel_rows };

/* get_u8 (base 0) */
static int u8_of(const char *s, uint8_t *ret)
{
	char *end;
	unsigned long n = strtoul(s, &end, 0);

	if (!*s || *end || n > 255)
		return -1;
	*ret = (uint8_t)n;
	return 0;
}

/* ce_threshold_selector VALUE/MASK into *SEL and *MASK; 0, or 1 */
static int ce_selector(struct tc_req *r, const struct nsh_val *v,
		       uint8_t *mask, uint8_t *sel)
{
	const char *slash = strchr(v->text, '/');
	char word[32];

	if (!slash)
		return tc_err(r, "'%s': missing mask for "
				 "\"ce_threshold_selector\"", v->text);
	snprintf(word, sizeof(word), "%.*s", (int)(slash - v->text), v->text);
	if (u8_of(slash + 1, mask) < 0)
		return tc_err(r, "'%s': illegal mask for "
				 "\"ce_threshold_selector\"", v->text);
	if (u8_of(word, sel) < 0)
		return tc_err(r, "'%s': illegal \"ce_threshold_selector\"",
			      v->text);
	return 0;
}

static int fq_codel_put(struct tc_req *r)
{
	unsigned limit = 0, flows = 0, quantum = 0, batch = 0, target = 0,
		 interval = 0, ce = ~0U, memory = ~0U;
	uint8_t ce_mask = 0, ce_sel = 0xff;
	int ecn = -1;
	struct nlattr *nest;

	TC_FOR_EACH(r, i) {
		const struct nsh_val *v = tc_val(r, i, 0);

		switch (tc_key(r, i)) {
		case C_LIMIT: limit = (unsigned)v->num; break;
		case C_FLOWS: flows = (unsigned)v->num; break;
		case C_QUANTUM: quantum = (unsigned)v->num; break;
		case C_DROP_BATCH: batch = (unsigned)v->num; break;
		case C_TARGET: target = (unsigned)v->num; break;
		case C_CE_THRESHOLD: ce = (unsigned)v->num; break;
		case C_CE_SELECTOR:
			if (ce_selector(r, v, &ce_mask, &ce_sel))
				return 1;
			break;
		case C_MEMORY: memory = (unsigned)v->num; break;
		case C_INTERVAL: interval = (unsigned)v->num; break;
		case C_ECN: ecn = 1; break;
		case C_NOECN: ecn = 0; break;
		case C_HELP:
			return tc_err(r, "[ limit PACKETS ] [ flows NUMBER ] "
					 "[ memory_limit BYTES ] [ target TIME ] "
					 "[ interval TIME ] [ quantum BYTES ] "
					 "[ [no]ecn ] [ ce_threshold TIME ] …");
		}
	}
	nest = ipr_nest(r->msg, TCA_OPTIONS);
	if (!nest ||
	    (limit && nla_put_u32(r->msg, TCA_FQ_CODEL_LIMIT, limit) < 0) ||
	    (flows && nla_put_u32(r->msg, TCA_FQ_CODEL_FLOWS, flows) < 0) ||
	    (quantum &&
	     nla_put_u32(r->msg, TCA_FQ_CODEL_QUANTUM, quantum) < 0) ||
	    (interval &&
	     nla_put_u32(r->msg, TCA_FQ_CODEL_INTERVAL, interval) < 0) ||
	    (target && nla_put_u32(r->msg, TCA_FQ_CODEL_TARGET, target) < 0) ||
	    (ecn != -1 &&
	     nla_put_u32(r->msg, TCA_FQ_CODEL_ECN, (uint32_t)ecn) < 0) ||
	    (ce != ~0U &&
	     nla_put_u32(r->msg, TCA_FQ_CODEL_CE_THRESHOLD, ce) < 0))
		return tc_full(r);
	if (ce_sel != 0xff &&
	    (nla_put_u8(r->msg, TCA_FQ_CODEL_CE_THRESHOLD_MASK, ce_mask) < 0 ||
	     nla_put_u8(r->msg, TCA_FQ_CODEL_CE_THRESHOLD_SELECTOR, ce_sel) <
		     0))
		return tc_full(r);
	if ((memory != ~0U &&
	     nla_put_u32(r->msg, TCA_FQ_CODEL_MEMORY_LIMIT, memory) < 0) ||
	    (batch &&
	     nla_put_u32(r->msg, TCA_FQ_CODEL_DROP_BATCH_SIZE, batch) < 0))
		return tc_full(r);
	ipr_nest_end(r->msg, nest);
	return 0;
}

/* a u32 attribute of at least 4 bytes */
static bool u32_of(struct nlattr **tb, int attr, unsigned *ret)
{
	if (!tb[attr] || nla_len(tb[attr]) < 4)
		return false;
	*ret = nla_get_u32(tb[attr]);
	return true;
}

static void fq_codel_print(struct tc_show *s, struct nlattr *opt)
{
	struct nlattr *tb[TCA_FQ_CODEL_MAX + 1];
	uint8_t sel = 0, mask = 0;
	char b[IPR_SPRINT];
	unsigned v;

	(void)s;
	if (nla_parse_nested(tb, TCA_FQ_CODEL_MAX, opt, NULL) < 0)
		return;
	if (u32_of(tb, TCA_FQ_CODEL_LIMIT, &v))
		pr_uint(PR_ANY, "limit", "limit %up ", v);
	if (u32_of(tb, TCA_FQ_CODEL_FLOWS, &v))
		pr_uint(PR_ANY, "flows", "flows %u ", v);
	if (u32_of(tb, TCA_FQ_CODEL_QUANTUM, &v))
		pr_uint(PR_ANY, "quantum", "quantum %u ", v);
	if (u32_of(tb, TCA_FQ_CODEL_TARGET, &v)) {
		pr_uint(PR_JSON, "target", NULL, v);
		pr_string(PR_FP, NULL, "target %s ", ipr_sprint_time(v, b));
	}
	if (u32_of(tb, TCA_FQ_CODEL_CE_THRESHOLD, &v)) {
		pr_uint(PR_JSON, "ce_threshold", NULL, v);
		pr_string(PR_FP, NULL, "ce_threshold %s ",
			   ipr_sprint_time(v, b));
	}
	if (tb[TCA_FQ_CODEL_CE_THRESHOLD_SELECTOR] &&
	    nla_len(tb[TCA_FQ_CODEL_CE_THRESHOLD_SELECTOR]) >= 1)
		sel = nla_get_u8(tb[TCA_FQ_CODEL_CE_THRESHOLD_SELECTOR]);
	if (tb[TCA_FQ_CODEL_CE_THRESHOLD_MASK] &&
	    nla_len(tb[TCA_FQ_CODEL_CE_THRESHOLD_MASK]) >= 1)
		mask = nla_get_u8(tb[TCA_FQ_CODEL_CE_THRESHOLD_MASK]);
	if (mask || sel) {
		pr_uint(PR_ANY, "ce_threshold_selector",
			 "ce_threshold_selector %#x", sel);
		pr_uint(PR_ANY, "ce_threshold_mask", "/%#x ", mask);
	}
	if (u32_of(tb, TCA_FQ_CODEL_INTERVAL, &v)) {
		pr_uint(PR_JSON, "interval", NULL, v);
		pr_string(PR_FP, NULL, "interval %s ", ipr_sprint_time(v, b));
	}
	if (u32_of(tb, TCA_FQ_CODEL_MEMORY_LIMIT, &v))
		pr_size(PR_ANY, "memory_limit", "memory_limit %s ", v);
	if (u32_of(tb, TCA_FQ_CODEL_ECN, &v) && v)
		pr_bool(PR_ANY, "ecn", "ecn ", true);
	if (u32_of(tb, TCA_FQ_CODEL_DROP_BATCH_SIZE, &v) && v)
		pr_uint(PR_ANY, "drop_batch", "drop_batch %u ", v);
}

static void fq_codel_xstats(struct tc_show *s, struct nlattr *xs)
{
	struct tc_fq_codel_xstats st = { 0 };
	char b[IPR_SPRINT];

	(void)s;
	memcpy(&st, nla_data(xs),
	       (size_t)nla_len(xs) < sizeof(st) ? (size_t)nla_len(xs) :
						  sizeof(st));
	if (st.type == TCA_FQ_CODEL_XSTATS_QDISC) {
		const struct tc_fq_codel_qd_stats *q = &st.qdisc_stats;

		pr_uint(PR_ANY, "maxpacket", "  maxpacket %u", q->maxpacket);
		pr_uint(PR_ANY, "drop_overlimit", " drop_overlimit %u",
			 q->drop_overlimit);
		pr_uint(PR_ANY, "new_flow_count", " new_flow_count %u",
			 q->new_flow_count);
		pr_uint(PR_ANY, "ecn_mark", " ecn_mark %u", q->ecn_mark);
		if (q->ce_mark)
			pr_uint(PR_ANY, "ce_mark", " ce_mark %u", q->ce_mark);
		if (q->memory_usage)
			pr_uint(PR_ANY, "memory_used", " memory_used %u",
				 q->memory_usage);
		if (q->drop_overmemory)
			pr_uint(PR_ANY, "drop_overmemory",
				 " drop_overmemory %u", q->drop_overmemory);
		pr_nl();
		pr_uint(PR_ANY, "new_flows_len", "  new_flows_len %u",
			 q->new_flows_len);
		pr_uint(PR_ANY, "old_flows_len", " old_flows_len %u",
			 q->old_flows_len);
	}
	if (st.type == TCA_FQ_CODEL_XSTATS_CLASS) {
		const struct tc_fq_codel_cl_stats *c = &st.class_stats;

		pr_int(PR_ANY, "deficit", "  deficit %d", c->deficit);
		pr_uint(PR_ANY, "count", " count %u", c->count);
		pr_uint(PR_ANY, "lastcount", " lastcount %u", c->lastcount);
		pr_uint(PR_JSON, "ldelay", NULL, c->ldelay);
		pr_string(PR_FP, NULL, " ldelay %s",
			   ipr_sprint_time(c->ldelay, b));
		if (c->dropping) {
			pr_bool(PR_ANY, "dropping", " dropping", true);
			pr_int(PR_JSON, "drop_next", NULL, c->drop_next);
			int32_t next = c->drop_next;

			pr_string(PR_FP, NULL,
				   next < 0 ? " drop_next -%s" : " drop_next %s",
				   ipr_sprint_time((uint32_t)(next < 0 ? -next :
									 next),
						   b));
		}
	}
}

const struct tc_kind fq_codel_kind = {
	.name = "fq_codel", .summary = "fair queueing with CoDel",
	.qopts = &fq_codel_opts, .qput = fq_codel_put,
	.print = fq_codel_print, .xstats = fq_codel_xstats,
};
