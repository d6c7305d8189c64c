/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc_tbf.c - the token bucket filter, as tc/q_tbf.c parses and prints
 * it: TCA_TBF_PARMS (rates, the bucket in ticks, the limit derived from
 * the latency), TCA_TBF_BURST, the rate tables, the 64-bit rates.
 */
#include "config.h"

#include <string.h>
#include <linux/pkt_sched.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "tc.h"

enum {
	T_LIMIT = 100, T_LATENCY, T_BURST, T_MTU, T_MPU, T_RATE, T_PEAKRATE,
	T_OVERHEAD, T_LINKLAYER, T_HELP,
};

/* tbf_parse_opt's keywords, in its order */
static const struct ipl_opt tbf_rows[] = {
	{ "limit", IPL_PREFIX | IPL_ONCE, "SIZE", T_LIMIT,
	  "bytes that may wait in the queue" },
	{ "latency", IPL_PREFIX | IPL_ONCE, "TIME", T_LATENCY,
	  "longest a packet may wait (instead of limit)" },
	{ "burst", IPL_PREFIX | IPL_ONCE, "SIZECELL", T_BURST,
	  "the bucket's size in bytes[/cell]" },
	{ "buffer", IPL_ONCE | IPL_ALIAS, "SIZECELL", T_BURST },
	{ "maxburst", IPL_ONCE | IPL_ALIAS, "SIZECELL", T_BURST },
	{ "mtu", IPL_ONCE, "SIZECELL", T_MTU,
	  "the peak bucket's size (minburst)" },
	{ "minburst", IPL_ONCE | IPL_ALIAS, "SIZECELL", T_MTU },
	{ "mpu", IPL_ONCE, "SIZE", T_MPU, "minimum packet unit" },
	{ "rate", IPL_ONCE, "RATE", T_RATE, "the rate" },
	{ "peakrate", IPL_PREFIX | IPL_ONCE, "RATE", T_PEAKRATE,
	  "the peak rate (needs mtu)" },
	{ "overhead", IPL_PREFIX | IPL_ONCE, "DEC16", T_OVERHEAD,
	  "per-packet overhead" },
	{ "linklayer", IPL_PREFIX, "LINKLAYER", T_LINKLAYER,
	  "ethernet, atm or adsl" },
	{ "help", IPL_ALIAS, NULL, T_HELP },
	{ NULL },
};

static const struct ipl_table tbf_opts = { "tbf", tbf_rows };

/* what tbf_parse_opt reads from the words */
struct tbf {
	struct tc_tbf_qopt opt;
	unsigned buffer, mtu, mpu, latency, linklayer;
	int rcell, pcell;
	uint64_t rate, prate;
	unsigned short overhead;
	bool has_latency;
};

/* the words of R into T; 0, or 1 after reporting */
static int tbf_words(struct tc_req *r, struct tbf *t)
{
	TC_FOR_EACH(r, i) {
		const struct nsh_val *v = tc_val(r, i, 0);

		switch (tc_key(r, i)) {
		case T_LIMIT: t->opt.limit = (uint32_t)v->num; break;
		case T_LATENCY:
			t->latency = (unsigned)v->num;
			t->has_latency = true;
			break;
		case T_BURST:
			t->buffer = (unsigned)v->num;
			t->rcell = v->special;
			break;
		case T_MTU:
			t->mtu = (unsigned)v->num;
			t->pcell = v->special;
			break;
		case T_MPU: t->mpu = (unsigned)v->num; break;
		case T_RATE:
			if (tc_rate_of(r, v, &t->rate))
				return 1;
			break;
		case T_PEAKRATE:
			if (tc_rate_of(r, v, &t->prate))
				return 1;
			break;
		case T_OVERHEAD: t->overhead = (unsigned short)v->num; break;
		case T_LINKLAYER: t->linklayer = (unsigned)v->num; break;
		case T_HELP:
			return tc_err(r, "limit BYTES burst BYTES[/BYTES] rate "
					 "KBPS [ mtu BYTES[/BYTES] ] [ peakrate "
					 "KBPS ] [ latency TIME ] [ overhead "
					 "BYTES ] [ linklayer TYPE ]");
		}
	}
	return 0;
}

/* what tbf refuses: both latency and limit, or all that is missing in
 * one line; 0, or 1 after reporting */
static int tbf_check(struct tc_req *r, const struct tbf *t)
{
	char missing[128] = "";

	if (t->opt.limit && t->has_latency)
		return tc_err(r, "specifying both \"latency\" and \"limit\" "
				 "is not allowed");
	if (!t->rate)
		strcat(missing, ", \"rate\"");
	if (!t->buffer)
		strcat(missing, ", \"burst\"");
	if (t->prate && !t->mtu)
		strcat(missing, ", \"mtu\" (with \"peakrate\")");
	if (!t->opt.limit && !t->latency)
		strcat(missing, ", \"limit\" or \"latency\"");
	if (missing[0])
		return tc_err(r, "missing %s", missing + 2);
	return 0;
}

/* the limit from the latency, as tbf_parse_opt computes it */
static uint32_t tbf_limit(const struct tbf *t)
{
	double lim = t->rate * (double)t->latency / TIME_UNITS_PER_SEC +
		     t->buffer;

	if (t->prate) {
		double lim2 = t->prate * (double)t->latency /
				      TIME_UNITS_PER_SEC +
			      t->mtu;

		if (lim2 < lim)
			lim = lim2;
	}
	return (uint32_t)lim;
}

static int tbf_put(struct tc_req *r)
{
	struct tbf t = { .linklayer = TC_LL_ETHERNET, .rcell = -1,
			 .pcell = -1 };
	struct tc_tbf_qopt *opt = &t.opt;
	uint32_t rtab[256], ptab[256];
	struct nlattr *nest;

	if (tbf_words(r, &t) || tbf_check(r, &t))
		return 1;
	opt->rate.rate = t.rate >= 1ULL << 32 ? ~0U : (uint32_t)t.rate;
	opt->peakrate.rate = t.prate >= 1ULL << 32 ? ~0U : (uint32_t)t.prate;
	if (!opt->limit)
		opt->limit = tbf_limit(&t);
	opt->rate.mpu = (unsigned short)t.mpu;
	opt->rate.overhead = t.overhead;
	tc_rtable(&opt->rate, rtab, t.rcell, t.mtu, t.linklayer);
	opt->buffer = tc_xmittime(opt->rate.rate, t.buffer);
	if (opt->peakrate.rate) {
		opt->peakrate.mpu = (unsigned short)t.mpu;
		opt->peakrate.overhead = t.overhead;
		tc_rtable(&opt->peakrate, ptab, t.pcell, t.mtu, t.linklayer);
		opt->mtu = tc_xmittime(opt->peakrate.rate, t.mtu);
	}
	nest = ipr_nest(r->msg, TCA_OPTIONS);
	if (!nest || nla_put(r->msg, TCA_TBF_PARMS, sizeof(*opt), opt) < 0 ||
	    nla_put(r->msg, TCA_TBF_BURST, sizeof(t.buffer), &t.buffer) < 0 ||
	    (t.rate >= 1ULL << 32 &&
	     nla_put(r->msg, TCA_TBF_RATE64, sizeof(t.rate), &t.rate) < 0) ||
	    nla_put(r->msg, TCA_TBF_RTAB, sizeof(rtab), rtab) < 0)
		return tc_full(r);
	if (opt->peakrate.rate &&
	    ((t.prate >= 1ULL << 32 &&
	      nla_put(r->msg, TCA_TBF_PRATE64, sizeof(t.prate), &t.prate) <
		      0) ||
	     nla_put(r->msg, TCA_TBF_PBURST, sizeof(t.mtu), &t.mtu) < 0 ||
	     nla_put(r->msg, TCA_TBF_PTAB, sizeof(ptab), ptab) < 0))
		return tc_full(r);
	ipr_nest_end(r->msg, nest);
	return 0;
}

/* peakrate RATE and minburst (mtu) of Q */
static void print_peak(struct tc_show *s, const struct tc_tbf_qopt *q,
		       uint64_t prate)
{
	char b1[2 * IPR_SPRINT], b2[IPR_SPRINT];
	double mtu;

	tc_print_rate(s, PR_FP, "peakrate", "peakrate %s ", prate);
	if (!q->mtu && !q->peakrate.mpu)
		return;
	mtu = tc_xmitsize(prate, q->mtu);
	if (s->details) {
		snprintf(b1, sizeof(b1), "%s/%u",
			 ipr_sprint_size((uint32_t)mtu, b2),
			 1u << q->peakrate.cell_log);
		pr_string(PR_ANY, "mtu", "mtu %s ", b1);
		pr_size(PR_ANY, "mpu", "mpu %s ", q->peakrate.mpu);
	} else {
		pr_size(PR_ANY, "minburst", "minburst %s ", (uint32_t)mtu);
	}
	if (s->raw)
		pr_hex(PR_ANY, "mtu_raw", "[%08x] ", q->mtu);
}

static void tbf_print(struct tc_show *s, struct nlattr *opt)
{
	struct nlattr *tb[TCA_TBF_MAX + 1];
	const struct tc_tbf_qopt *q;
	uint64_t rate, prate;
	double buffer, latency, lat2;
	char b1[2 * IPR_SPRINT], b2[IPR_SPRINT];
	unsigned ll;

	if (nla_parse_nested(tb, TCA_TBF_MAX, opt, NULL) < 0 ||
	    !tb[TCA_TBF_PARMS] || nla_len(tb[TCA_TBF_PARMS]) < (int)sizeof(*q))
		return;
	q = nla_data(tb[TCA_TBF_PARMS]);
	rate = q->rate.rate;
	if (tb[TCA_TBF_RATE64] && nla_len(tb[TCA_TBF_RATE64]) >= 8)
		rate = nla_get_u64(tb[TCA_TBF_RATE64]);
	tc_print_rate(s, PR_ANY, "rate", "rate %s ", rate);
	buffer = tc_xmitsize(rate, q->buffer);
	if (s->details) {
		snprintf(b1, sizeof(b1), "%s/%u",
			 ipr_sprint_size((uint32_t)buffer, b2),
			 1u << q->rate.cell_log);
		pr_string(PR_ANY, "burst", "burst %s ", b1);
		pr_size(PR_ANY, "mpu", "mpu %s ", q->rate.mpu);
	} else {
		pr_size(PR_ANY, "burst", "burst %s ", (uint32_t)buffer);
	}
	if (s->raw)
		pr_hex(PR_ANY, "burst_raw", "[%08x] ", q->buffer);
	prate = q->peakrate.rate;
	if (tb[TCA_TBF_PRATE64] && nla_len(tb[TCA_TBF_PRATE64]) >= 8)
		prate = nla_get_u64(tb[TCA_TBF_PRATE64]);
	if (prate)
		print_peak(s, q, prate);
	latency = TIME_UNITS_PER_SEC * (q->limit / (double)rate) -
		  tc_tick2time(q->buffer);
	if (prate) {
		lat2 = TIME_UNITS_PER_SEC * (q->limit / (double)prate) -
		       tc_tick2time(q->mtu);
		if (lat2 > latency)
			latency = lat2;
	}
	if (latency >= 0.0) {
		pr_u64(PR_JSON, "lat", NULL, (unsigned long long)latency);
		pr_string(PR_FP, NULL, "lat %s ",
			   ipr_sprint_time((uint32_t)latency, b1));
	}
	if (s->raw || latency < 0.0)
		pr_size(PR_ANY, "limit", "limit %s ", q->limit);
	if (q->rate.overhead)
		pr_int(PR_ANY, "overhead", "overhead %d ", q->rate.overhead);
	ll = q->rate.linklayer & TC_LINKLAYER_MASK;
	if (ll > TC_LINKLAYER_ETHERNET || s->details)
		pr_string(PR_ANY, "linklayer", "linklayer %s ",
			   tc_linklayer_name(ll));
}

const struct tc_kind tbf_kind = {
	.name = "tbf",
	.summary = "token bucket filter: shape to a rate",
	.qopts = &tbf_opts,
	.qput = tbf_put,
	.print = tbf_print,
};
