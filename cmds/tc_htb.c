/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc_htb.c - the hierarchy token bucket, as tc/q_htb.c parses and prints
 * it: the qdisc's TCA_HTB_INIT (default class, r2q), a class's
 * TCA_HTB_PARMS with its rate and ceil tables, bursts in ticks.
 */
#include "config.h"

#include <stdio.h>
#include <linux/pkt_sched.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "tc.h"

enum {
	H_R2Q = 100, H_DEFAULT, H_DEBUG, H_DIRECT_QLEN, H_OFFLOAD,
	H_PRIO, H_MTU, H_MPU, H_OVERHEAD, H_LINKLAYER, H_QUANTUM, H_BURST,
	H_CBURST, H_CEIL, H_RATE, H_HELP,
};

/* htb_parse_opt's keywords */
static const struct ipl_opt htb_rows[] = {
	{ "r2q", IPL_PREFIX, "DEC", H_R2Q,
	  "DRR quantums are the rate in bytes/s divided by this {10}" },
	{ "default", IPL_PREFIX, "HEX32", H_DEFAULT,
	  "the class (hex minor) for unclassified packets {0}" },
	{ "debug", IPL_PREFIX, "WORD", H_DEBUG, "16 digits 0-3" },
	{ "direct_qlen", IPL_PREFIX, "DEC", H_DIRECT_QLEN,
	  "limit of the direct queue (packets)" },
	{ "offload", IPL_PREFIX, NULL, H_OFFLOAD, "hardware offload" },
	{ NULL },
};

static const struct ipl_table htb_opts = { "htb", htb_rows };

/* htb_parse_class_opt's keywords, in its order */
static const struct ipl_opt htb_class_rows[] = {
	{ "prio", IPL_PREFIX, "DEC", H_PRIO,
	  "priority of a leaf: lower first {0}" },
	{ "mtu", IPL_PREFIX, "DEC", H_MTU,
	  "largest packet the tables cover {1600}" },
	{ "mpu", IPL_PREFIX, "DEC16", H_MPU, "minimum packet unit" },
	{ "overhead", IPL_PREFIX, "DEC16", H_OVERHEAD, "per-packet overhead" },
	{ "linklayer", IPL_PREFIX, "LINKLAYER", H_LINKLAYER,
	  "ethernet, atm or adsl" },
	{ "quantum", IPL_PREFIX, "DEC", H_QUANTUM,
	  "bytes served at once {rate/r2q}" },
	{ "burst", IPL_PREFIX, "SIZECELL", H_BURST,
	  "bytes burst at ceil speed {computed}" },
	{ "buffer", IPL_ALIAS, "SIZECELL", H_BURST },
	{ "maxburst", IPL_ALIAS, "SIZECELL", H_BURST },
	{ "cburst", IPL_PREFIX, "SIZECELL", H_CBURST,
	  "bytes burst at link speed {computed}" },
	{ "cbuffer", IPL_ALIAS, "SIZECELL", H_CBURST },
	{ "cmaxburst", IPL_ALIAS, "SIZECELL", H_CBURST },
	{ "ceil", IPL_ONCE, "RATE", H_CEIL,
	  "upper rate, borrowing included {rate}" },
	{ "rate", IPL_ONCE, "RATE", H_RATE, "the guaranteed rate" },
	{ "help", IPL_ALIAS, NULL, H_HELP },
	{ NULL },
};

static const struct ipl_table htb_class_opts = { "htb class",
						  htb_class_rows };

static int htb_put(struct tc_req *r)
{
	struct tc_htb_glob opt = { .rate2quantum = 10, .version = 3 };
	unsigned direct_qlen = ~0U;
	bool offload = false;
	struct nlattr *nest;

	TC_FOR_EACH(r, i) {
		const struct nsh_val *v = tc_val(r, i, 0);

		switch (tc_key(r, i)) {
		case H_R2Q: opt.rate2quantum = (uint32_t)v->num; break;
		case H_DEFAULT: opt.defcls = (uint32_t)v->num; break;
		case H_DEBUG:
			/* up to 16 digits 0-3, two bits each */
			for (int k = 0; k < 16 && v->text[k] >= '0' &&
					v->text[k] <= '3';
			     k++)
				opt.debug |= (uint32_t)(v->text[k] - '0')
					     << (2 * k);
			break;
		case H_DIRECT_QLEN: direct_qlen = (unsigned)v->num; break;
		case H_OFFLOAD: offload = true; break;
		}
	}
	nest = ipr_nest(r->msg, TCA_OPTIONS);
	if (!nest || nla_put(r->msg, TCA_HTB_INIT, NLMSG_ALIGN(sizeof(opt)),
			     &opt) < 0 ||
	    (direct_qlen != ~0U &&
	     nla_put_u32(r->msg, TCA_HTB_DIRECT_QLEN, direct_qlen) < 0) ||
	    (offload && nla_put(r->msg, TCA_HTB_OFFLOAD, 0, NULL) < 0))
		return tc_full(r);
	ipr_nest_end(r->msg, nest);
	return 0;
}

/* what htb_parse_class_opt reads from the words */
struct htb_class {
	struct tc_htb_opt opt;
	unsigned buffer, cbuffer, mtu, linklayer;
	int cell_log, ccell_log;
	unsigned short mpu, overhead;
	uint64_t rate, ceil;
};

/* the words of R into C; 0, or 1 after reporting */
static int htb_class_words(struct tc_req *r, struct htb_class *c)
{
	TC_FOR_EACH(r, i) {
		const struct nsh_val *v = tc_val(r, i, 0);

		switch (tc_key(r, i)) {
		case H_PRIO: c->opt.prio = (uint32_t)v->num; break;
		case H_MTU: c->mtu = (unsigned)v->num; break;
		case H_MPU: c->mpu = (unsigned short)v->num; break;
		case H_OVERHEAD: c->overhead = (unsigned short)v->num; break;
		case H_LINKLAYER: c->linklayer = (unsigned)v->num; break;
		case H_QUANTUM: c->opt.quantum = (uint32_t)v->num; break;
		case H_BURST:
			c->buffer = (unsigned)v->num;
			c->cell_log = v->special;
			break;
		case H_CBURST:
			c->cbuffer = (unsigned)v->num;
			c->ccell_log = v->special;
			break;
		case H_CEIL:
			if (tc_rate_of(r, v, &c->ceil))
				return 1;
			break;
		case H_RATE:
			if (tc_rate_of(r, v, &c->rate))
				return 1;
			break;
		case H_HELP:
			return tc_err(r, "class: rate R1 [burst B1] [mpu B] "
					 "[overhead O] [prio P] [ceil R2] "
					 "[cburst B2] [mtu MTU] [quantum Q]");
		}
	}
	return 0;
}

static int htb_class_put(struct tc_req *r)
{
	struct htb_class c = { .mtu = 1600, .linklayer = TC_LL_ETHERNET,
			       .cell_log = -1, .ccell_log = -1 };
	struct tc_htb_opt *opt = &c.opt;
	uint32_t rtab[256], ctab[256];
	struct nlattr *nest;

	if (htb_class_words(r, &c))
		return 1;
	if (!c.rate)
		return tc_err(r, "missing \"rate\" (it is required)");
	if (!c.ceil)
		c.ceil = c.rate;
	opt->rate.rate = c.rate >= 1ULL << 32 ? ~0U : (uint32_t)c.rate;
	opt->ceil.rate = c.ceil >= 1ULL << 32 ? ~0U : (uint32_t)c.ceil;
	/* the smallest burst the rate allows, and one packet more */
	if (!c.buffer)
		c.buffer = (unsigned)(c.rate / tc_get_hz() + c.mtu);
	if (!c.cbuffer)
		c.cbuffer = (unsigned)(c.ceil / tc_get_hz() + c.mtu);
	opt->ceil.overhead = opt->rate.overhead = c.overhead;
	opt->ceil.mpu = opt->rate.mpu = c.mpu;
	tc_rtable(&opt->rate, rtab, c.cell_log, c.mtu, c.linklayer);
	opt->buffer = tc_xmittime(c.rate, c.buffer);
	tc_rtable(&opt->ceil, ctab, c.ccell_log, c.mtu, c.linklayer);
	opt->cbuffer = tc_xmittime(c.ceil, c.cbuffer);
	nest = ipr_nest(r->msg, TCA_OPTIONS);
	if (!nest ||
	    (c.rate >= 1ULL << 32 &&
	     nla_put(r->msg, TCA_HTB_RATE64, sizeof(c.rate), &c.rate) < 0) ||
	    (c.ceil >= 1ULL << 32 &&
	     nla_put(r->msg, TCA_HTB_CEIL64, sizeof(c.ceil), &c.ceil) < 0) ||
	    nla_put(r->msg, TCA_HTB_PARMS, sizeof(*opt), opt) < 0 ||
	    nla_put(r->msg, TCA_HTB_RTAB, sizeof(rtab), rtab) < 0 ||
	    nla_put(r->msg, TCA_HTB_CTAB, sizeof(ctab), ctab) < 0)
		return tc_full(r);
	ipr_nest_end(r->msg, nest);
	return 0;
}

/* a class's TCA_HTB_PARMS (with the 64-bit rates of TB): prio, rate,
 * ceil, bursts; false if it is too short (print no more) */
static bool print_parms(struct tc_show *s, struct nlattr **tb)
{
	const struct tc_htb_opt *h = nla_data(tb[TCA_HTB_PARMS]);
	uint64_t rate, ceil;
	double buffer, cbuffer;
	unsigned ll;

	if (nla_len(tb[TCA_HTB_PARMS]) < (int)sizeof(*h))
		return false;
	if (!h->level) {
		pr_int(PR_ANY, "prio", "prio %d ", (int)h->prio);
		if (s->details)
			pr_int(PR_ANY, "quantum", "quantum %d ",
				(int)h->quantum);
	}
	rate = h->rate.rate;
	if (tb[TCA_HTB_RATE64] && nla_len(tb[TCA_HTB_RATE64]) >= 8)
		rate = nla_get_u64(tb[TCA_HTB_RATE64]);
	ceil = h->ceil.rate;
	if (tb[TCA_HTB_CEIL64] && nla_len(tb[TCA_HTB_CEIL64]) >= 8)
		ceil = nla_get_u64(tb[TCA_HTB_CEIL64]);
	tc_print_rate(s, PR_FP, NULL, "rate %s ", rate);
	if (h->rate.overhead)
		printf("overhead %u ", h->rate.overhead);
	buffer = tc_xmitsize(rate, h->buffer);
	tc_print_rate(s, PR_FP, NULL, "ceil %s ", ceil);
	cbuffer = tc_xmitsize(ceil, h->cbuffer);
	ll = h->rate.linklayer & TC_LINKLAYER_MASK;
	if (ll > TC_LINKLAYER_ETHERNET || s->details)
		printf("linklayer %s ", tc_linklayer_name(ll));
	if (s->details) {
		pr_size(PR_FP, NULL, "burst %s/", (uint32_t)buffer);
		printf("%u ", 1u << h->rate.cell_log);
		pr_size(PR_FP, NULL, "mpu %s ", h->rate.mpu);
		pr_size(PR_FP, NULL, "cburst %s/", (uint32_t)cbuffer);
		printf("%u ", 1u << h->ceil.cell_log);
		pr_size(PR_FP, NULL, "mpu %s ", h->ceil.mpu);
		printf("level %d ", (int)h->level);
	} else {
		pr_size(PR_FP, NULL, "burst %s ", (uint32_t)buffer);
		pr_size(PR_FP, NULL, "cburst %s ", (uint32_t)cbuffer);
	}
	if (s->raw)
		printf("buffer [%08x] cbuffer [%08x] ", h->buffer,
		       h->cbuffer);
	return true;
}

static void htb_print(struct tc_show *s, struct nlattr *opt)
{
	struct nlattr *tb[TCA_HTB_MAX + 1];
	char b[IPR_SPRINT];

	if (nla_parse_nested(tb, TCA_HTB_MAX, opt, NULL) < 0)
		return;
	if (tb[TCA_HTB_PARMS] && !print_parms(s, tb))
		return;
	if (tb[TCA_HTB_INIT]) {
		const struct tc_htb_glob *g = nla_data(tb[TCA_HTB_INIT]);

		if (nla_len(tb[TCA_HTB_INIT]) < (int)sizeof(*g))
			return;
		pr_int(PR_ANY, "r2q", "r2q %d", (int)g->rate2quantum);
		pr_0xhex(PR_ANY, "default", " default %#llx", g->defcls);
		pr_uint(PR_ANY, "direct_packets_stat",
			 " direct_packets_stat %u", g->direct_pkts);
		if (s->details) {
			snprintf(b, sizeof(b), "%d.%d", g->version >> 16,
				 g->version & 0xffff);
			pr_string(PR_ANY, "ver", " ver %s", b);
		}
	}
	if (tb[TCA_HTB_DIRECT_QLEN] && nla_len(tb[TCA_HTB_DIRECT_QLEN]) >= 4)
		pr_uint(PR_ANY, "direct_qlen", " direct_qlen %u",
			 nla_get_u32(tb[TCA_HTB_DIRECT_QLEN]));
	if (tb[TCA_HTB_OFFLOAD])
		pr_null(PR_ANY, "offload", " offload", NULL);
}

static void htb_xstats(struct tc_show *s, struct nlattr *xs)
{
	const struct tc_htb_xstats *st = nla_data(xs);

	(void)s;
	if (nla_len(xs) < (int)sizeof(*st))
		return;
	printf(" lended: %u borrowed: %u giants: %u\n", st->lends,
	       st->borrows, st->giants);
	printf(" tokens: %d ctokens: %d\n", st->tokens, st->ctokens);
}

const struct tc_kind htb_kind = {
	.name = "htb",
	.summary = "hierarchy token bucket: classes sharing a link",
	.qopts = &htb_opts,
	.copts = &htb_class_opts,
	.qput = htb_put,
	.cput = htb_class_put,
	.print = htb_print,
	.cprint = htb_print,
	.xstats = htb_xstats,
};
