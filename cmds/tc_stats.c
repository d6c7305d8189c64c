/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc_stats.c - the statistics of a qdisc or class line under -s, as tc
 * 6.1's print_tcstats2_attr and print_tcstats_attr: "Sent … bytes … pkt
 * (dropped …)", the hardware counters, the rate estimate and the backlog;
 * the kind's own statistics (TCA_STATS_APP, TCA_XSTATS) are handed back
 * for its xstats().
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <linux/gen_stats.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>

#include "tc_priv.h"

/* attribute A into DST: as much of it as DST holds */
#define NLA_COPY(dst, a)                                                       \
	memcpy(&(dst), nla_data(a), MIN((size_t)nla_len(a), sizeof(dst)))

/* "Sent N bytes N pkt" of TCA_STATS_BASIC */
static void stats_basic(struct nlattr **st, const char *prefix)
{
	struct gnet_stats_basic bs = { 0 };
	uint64_t p64 = st[TCA_STATS_PKT64] ? nla_get_u64(st[TCA_STATS_PKT64]) :
					     0;

	NLA_COPY(bs, st[TCA_STATS_BASIC]);
	pr_string(PR_FP, NULL, "%s", prefix);
	pr_u64(PR_ANY, "bytes", "Sent %llu bytes",
	       (unsigned long long)bs.bytes);
	if (p64)
		pr_u64(PR_ANY, "packets", " %llu pkt", (unsigned long long)p64);
	else
		pr_uint(PR_ANY, "packets", " %u pkt", bs.packets);
}

/* "Sent software …", "Sent hardware …" of TCA_STATS_BASIC_HW */
static void stats_hw(struct nlattr **st, const char *prefix)
{
	struct gnet_stats_basic hw = { 0 }, bs = { 0 };

	NLA_COPY(hw, st[TCA_STATS_BASIC_HW]);
	if (!hw.bytes && !hw.packets)
		return;
	if (st[TCA_STATS_BASIC]) {
		NLA_COPY(bs, st[TCA_STATS_BASIC]);
		if (bs.bytes >= hw.bytes && bs.packets >= hw.packets) {
			pr_nl();
			pr_string(PR_FP, NULL, "%s", prefix);
			pr_u64(PR_ANY, "sw_bytes", "Sent software %llu bytes",
			       (unsigned long long)(bs.bytes - hw.bytes));
			pr_uint(PR_ANY, "sw_packets", " %u pkt",
				bs.packets - hw.packets);
		}
	}
	pr_nl();
	pr_string(PR_FP, NULL, "%s", prefix);
	pr_u64(PR_ANY, "hw_bytes", "Sent hardware %llu bytes",
	       (unsigned long long)hw.bytes);
	pr_uint(PR_ANY, "hw_packets", " %u pkt", hw.packets);
}

/* "rate … pps" of TCA_STATS_RATE_EST64, else TCA_STATS_RATE_EST */
static void stats_rate(struct tc_show *s, struct nlattr **st,
		       const char *prefix)
{
	if (st[TCA_STATS_RATE_EST64]) {
		struct gnet_stats_rate_est64 re = { 0 };

		NLA_COPY(re, st[TCA_STATS_RATE_EST64]);
		pr_string(PR_FP, NULL, "\n%s", prefix);
		pr_u64(PR_JSON, "rate", NULL, (unsigned long long)re.bps);
		tc_print_rate(s, PR_FP, NULL, "rate %s", re.bps);
		pr_u64(PR_ANY, "pps", " %llupps", (unsigned long long)re.pps);
	} else if (st[TCA_STATS_RATE_EST]) {
		struct gnet_stats_rate_est re = { 0 };

		NLA_COPY(re, st[TCA_STATS_RATE_EST]);
		pr_string(PR_FP, NULL, "\n%s", prefix);
		pr_uint(PR_JSON, "rate", NULL, re.bps);
		tc_print_rate(s, PR_FP, NULL, "rate %s", re.bps);
		pr_uint(PR_ANY, "pps", " %upps", re.pps);
	}
}

/* print_tcstats2_attr: TCA_STATS2 (ST); false if it cannot be read */
static bool stats2(struct tc_show *s, struct nlattr *stats2,
		   const char *prefix, struct nlattr **app)
{
	struct nlattr *st[TCA_STATS_MAX + 1];
	struct gnet_stats_queue q = { 0 };

	if (nla_parse_nested(st, TCA_STATS_MAX, stats2, NULL) < 0)
		return false;
	if (st[TCA_STATS_QUEUE])
		NLA_COPY(q, st[TCA_STATS_QUEUE]);
	if (st[TCA_STATS_BASIC])
		stats_basic(st, prefix);
	if (st[TCA_STATS_QUEUE]) {
		pr_uint(PR_ANY, "drops", " (dropped %u", q.drops);
		pr_uint(PR_ANY, "overlimits", ", overlimits %u", q.overlimits);
		pr_uint(PR_ANY, "requeues", " requeues %u) ", q.requeues);
	}
	if (st[TCA_STATS_BASIC_HW])
		stats_hw(st, prefix);
	stats_rate(s, st, prefix);
	if (st[TCA_STATS_QUEUE]) {
		/* tc looks at the 32-bit estimate only, here */
		if (!st[TCA_STATS_RATE_EST])
			pr_nl();
		pr_string(PR_FP, NULL, "%s", prefix);
		pr_size(PR_ANY, "backlog", "backlog %s", q.backlog);
		pr_uint(PR_ANY, "qlen", " %up", q.qlen);
		pr_uint(PR_FP, NULL, " requeues %u", q.requeues);
	}
	*app = st[TCA_STATS_APP];
	return true;
}

/* print_tcstats_attr: the old TCA_STATS */
static void stats_compat(struct tc_show *s, struct nlattr *stats,
			 const char *prefix)
{
	struct tc_stats ts = { 0 };
	char b[IPR_SPRINT];

	NLA_COPY(ts, stats);
	printf("%sSent %llu bytes %u pkts (dropped %u, overlimits %u) ",
	       prefix, (unsigned long long)ts.bytes, ts.packets, ts.drops,
	       ts.overlimits);
	if (!ts.bps && !ts.pps && !ts.qlen && !ts.backlog)
		return;
	printf("\n%s", prefix);
	if (ts.bps || ts.pps) {
		printf("rate ");
		if (ts.bps)
			tc_print_rate(s, PR_FP, NULL, "%s ", ts.bps);
		if (ts.pps)
			printf("%upps ", ts.pps);
	}
	if (ts.qlen || ts.backlog) {
		printf("backlog ");
		if (ts.backlog)
			printf("%s ", ipr_sprint_size(ts.backlog, b));
		if (ts.qlen)
			printf("%up ", ts.qlen);
	}
}

/* print_tcstats2_attr & print_tcstats_attr: " Sent … backlog …"; the
 * application's statistics into *XSTATS */
void tc_print_stats(struct tc_show *s, struct nlattr **tb, const char *prefix,
		    struct nlattr **xstats)
{
	struct nlattr *app = NULL;

	if (tb[TCA_STATS2]) {
		if (!stats2(s, tb[TCA_STATS2], prefix, &app))
			return;
		if (xstats)
			*xstats = app;
		if (xstats && *xstats)
			return;
	} else if (tb[TCA_STATS]) {
		stats_compat(s, tb[TCA_STATS], prefix);
	}
	if (tb[TCA_XSTATS] && xstats)
		*xstats = tb[TCA_XSTATS];
}
