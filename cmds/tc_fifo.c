/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc_fifo.c - the simple kinds, as tc/q_fifo.c, q_prio.c, q_ingress.c and
 * q_clsact.c parse and print them: pfifo, bfifo and pfifo_head_drop (a
 * limit), pfifo_fast and prio (bands and a priomap), ingress and clsact
 * (no options).
 */
#include "config.h"

#include <stdio.h>
#include <linux/pkt_sched.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "tc.h"

/* iproute2's own uapi copy has them; the kernel's headers do not */
#ifndef TCA_PRIO_MAX
#define TCA_PRIO_MQ 1
#define TCA_PRIO_MAX 1
#endif

enum { F_LIMIT = 100, F_HELP, P_BANDS, P_PRIOMAP, P_MQ, P_BAND, I_HANDLE };

/* ------------------------------------------------------------ fifo */

static const struct ipl_opt fifo_rows[] = {
	{ "limit", 0, "SIZE", F_LIMIT,
	  "queue length (packets; bytes for bfifo)" },
	{ "help", IPL_ALIAS, NULL, F_HELP },
	{ NULL },
};

static const struct ipl_table fifo_opts = { "fifo", fifo_rows };

static int fifo_put(struct tc_req *r)
{
	struct tc_fifo_qopt opt = { 0 };
	bool given = false;

	TC_FOR_EACH(r, i) {
		if (tc_key(r, i) == F_HELP)
			return tc_err(r, "[ limit NUMBER ]");
		if (tc_key(r, i) == F_LIMIT) {
			opt.limit = (uint32_t)tc_val(r, i, 0)->num;
			given = true;
		}
	}
	if (given && nla_put(r->msg, TCA_OPTIONS, sizeof(opt), &opt) < 0)
		return tc_full(r);
	return 0;
}

static void fifo_print_as(struct nlattr *opt, bool bytes)
{
	const struct tc_fifo_qopt *q = nla_data(opt);

	if (nla_len(opt) < (int)sizeof(*q))
		return;
	if (bytes)
		pr_size(PR_ANY, "limit", "limit %s", q->limit);
	else
		pr_uint(PR_ANY, "limit", "limit %up", q->limit);
}

static void pfifo_print(struct tc_show *s, struct nlattr *opt)
{
	(void)s;
	fifo_print_as(opt, false);
}

static void bfifo_print(struct tc_show *s, struct nlattr *opt)
{
	(void)s;
	fifo_print_as(opt, true);
}

const struct tc_kind pfifo_kind = {
	.name = "pfifo", .summary = "first in, first out (packets)",
	.qopts = &fifo_opts, .qput = fifo_put, .print = pfifo_print,
};

const struct tc_kind bfifo_kind = {
	.name = "bfifo", .summary = "first in, first out (bytes)",
	.qopts = &fifo_opts, .qput = fifo_put, .print = bfifo_print,
};

const struct tc_kind pfifo_head_drop_kind = {
	.name = "pfifo_head_drop",
	.summary = "first in, first out, dropping the oldest",
	.qopts = &fifo_opts, .qput = fifo_put, .print = pfifo_print,
};

/* ------------------------------------------------------------ prio */

/* the priomap's numbers follow `priomap`: any word no keyword claims */
static const struct ipl_opt prio_rows[] = {
	{ "bands", 0, "SINT", P_BANDS, "number of bands {3}" },
	{ "priomap", 0, NULL, P_PRIOMAP,
	  "the band of each priority: up to 16 numbers" },
	{ "multiqueue", 0, NULL, P_MQ, "one band per hardware queue" },
	{ "help", IPL_ALIAS, NULL, F_HELP },
	{ "BAND", IPL_DEFAULT | IPL_NOKW | IPL_MULTI, "DEC", P_BAND,
	  "a band of the priomap" },
	{ NULL },
};

static const struct ipl_table prio_opts = { "prio", prio_rows };

static int prio_put(struct tc_req *r)
{
	struct tc_prio_qopt opt = {
		3, { 1, 2, 2, 2, 1, 2, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1 }
	};
	bool pmap = false, mq = false;
	struct nlattr *outer, *inner;
	int idx = 0;

	TC_FOR_EACH(r, i) {
		const struct nsh_val *v = tc_val(r, i, 0);

		switch (tc_key(r, i)) {
		case P_BANDS: opt.bands = (int)v->num; break;
		case P_PRIOMAP:
			if (pmap)
				return tc_err(r, "'priomap': given twice");
			pmap = true;
			break;
		case P_MQ: mq = true; break;
		case F_HELP:
			return tc_err(r, "bands NUMBER priomap P1 P2... "
					 "[multiqueue]");
		case P_BAND:
			if (!pmap)
				return tc_err(r, "'%s': unknown word (the "
						 "bands follow 'priomap')",
					      v->text);
			if (v->num >= opt.bands)
				return tc_err(r, "'%s': \"priomap\" element is "
						 "out of bands", v->text);
			if (idx > TC_PRIO_MAX)
				return tc_err(r, "'%s': \"priomap\" index > "
						 "TC_PRIO_MAX=%u", v->text,
					      TC_PRIO_MAX);
			opt.priomap[idx++] = (uint8_t)v->num;
			break;
		}
	}
	/* tc's compat nest: the struct, then the attributes in a nest of
	 * the same type inside */
	outer = (struct nlattr *)nlmsg_tail(nlmsg_hdr(r->msg));
	if (nla_put(r->msg, TCA_OPTIONS, sizeof(opt), &opt) < 0)
		return tc_full(r);
	inner = ipr_nest(r->msg, TCA_OPTIONS);
	if (!inner || (mq && nla_put(r->msg, TCA_PRIO_MQ, 0, NULL) < 0))
		return tc_full(r);
	ipr_nest_end(r->msg, inner);
	ipr_nest_end(r->msg, outer);
	return 0;
}

static void prio_print(struct tc_show *s, struct nlattr *opt)
{
	const struct tc_prio_qopt *q = nla_data(opt);
	struct nlattr *tb[TCA_PRIO_MAX + 1] = { 0 };
	int len = nla_len(opt);

	(void)s;
	if (len < (int)sizeof(*q))
		return;
	/* the attributes nested after the struct, if any */
	if (len >= NLA_ALIGN((int)sizeof(*q)) + NLA_HDRLEN) {
		struct nlattr *in = (struct nlattr *)((char *)q +
						      NLA_ALIGN(sizeof(*q)));

		if (nla_parse_nested(tb, TCA_PRIO_MAX, in, NULL) < 0)
			return;
	}
	pr_uint(PR_ANY, "bands", "bands %u ", (unsigned)q->bands);
	pr_arr_open(PR_ANY, "priomap");
	for (int i = 0; i <= TC_PRIO_MAX; i++)
		pr_uint(PR_ANY, NULL, " %d", q->priomap[i]);
	pr_arr_close(PR_ANY, "");
	if (tb[TCA_PRIO_MQ])
		pr_string(PR_FP, NULL, " multiqueue: %s ",
			   nla_len(tb[TCA_PRIO_MQ]) &&
					   nla_get_u8(tb[TCA_PRIO_MQ]) ?
				   "on" :
				   "off");
	pr_bool(PR_JSON, "multiqueue", NULL,
		 tb[TCA_PRIO_MQ] && nla_len(tb[TCA_PRIO_MQ]) &&
			 nla_get_u8(tb[TCA_PRIO_MQ]));
}

const struct tc_kind prio_kind = {
	.name = "prio", .summary = "priority bands",
	.qopts = &prio_opts, .qput = prio_put, .print = prio_print,
};

/* pfifo_fast takes no options; it prints as prio */
const struct tc_kind pfifo_fast_kind = {
	.name = "pfifo_fast", .summary = "three priority bands (the default)",
	.print = prio_print,
};

/* ------------------------------------------------------------ ingress */

static const struct ipl_opt ingress_rows[] = {
	{ "handle", 0, "WORD", I_HANDLE, "(ignored: ingress is ffff:)" },
	{ NULL },
};

static const struct ipl_table ingress_opts = { "ingress", ingress_rows };

static int nothing_put(struct tc_req *r)
{
	(void)r;
	return 0;
}

static void ingress_print(struct tc_show *s, struct nlattr *opt)
{
	(void)s;
	(void)opt;
	pr_string(PR_FP, NULL, "%s", "---------------- ");
}

static void clsact_print(struct tc_show *s, struct nlattr *opt)
{
	(void)s;
	(void)opt;
}

const struct tc_kind ingress_kind = {
	.name = "ingress", .summary = "the ingress hook (for filters)",
	.qopts = &ingress_opts, .qput = nothing_put, .print = ingress_print,
};

static const struct ipl_opt no_rows[] = { { NULL } };
static const struct ipl_table clsact_opts = { "clsact", no_rows };

const struct tc_kind clsact_kind = {
	.name = "clsact", .summary = "ingress and egress hooks (for filters)",
	.qopts = &clsact_opts, .qput = nothing_put, .print = clsact_print,
};
