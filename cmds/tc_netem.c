/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc_netem.c - the network emulator, as tc/q_netem.c parses and prints
 * it: delay with jitter and correlation, loss (random, 4-state, Gilbert-
 * Elliott), duplication, corruption, reordering, rate, slots, and the
 * delay distributions of tc's library (normal.dist…).
 *
 * netem's words are irregular: a keyword takes one value and then more
 * while the next word starts with a digit (delay 10ms 2ms 25%), and loss
 * names its model first.  Its TCA_OPTIONS is tc_netem_qopt followed by
 * the other attributes, not a nest.  The printing is in
 * tc_netem_print.c.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/pkt_sched.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "tc_priv.h"

enum {
	N_LIMIT = 100, N_DELAY, N_LOSS, N_ECN, N_REORDER, N_CORRUPT, N_GAP,
	N_DUPLICATE, N_DIST, N_RATE, N_SLOT, N_HELP,
};

#define MAX_DIST (16 * 1024)

/* ------------------------------------------------------------ grammar */

static bool next_is(const struct ipl_parse *p, bool sign)
{
	const char *w = p->i < p->argc ? p->argv[p->i] : NULL;

	return w && (isdigit((unsigned char)w[0]) || (sign && w[0] == '-'));
}

/* bind word p->i as TYPE (a type name, or NULL for the word itself) */
static int take(struct ipl_parse *p, const struct ipl_opt *o,
		const char *type)
{
	if (!ipl_need(p, o, type ? type : "WORD"))
		return p->completing ? -2 : -1;
	if (ipl_bind_val(p, o, type ? type : "WORD", p->i))
		return -1;
	p->i++;
	return 0;
}

/* a value of TYPES[0], then the others while the next word is a number
 * (SIGNED: or starts with '-') */
static int take_numbers(struct ipl_parse *p, const struct ipl_opt *o,
			const char *const *types, const bool *sign, int n)
{
	int rc = take(p, o, types[0]);

	for (int k = 1; !rc && k < n && next_is(p, sign && sign[k]); k++)
		rc = take(p, o, types[k]);
	return rc;
}

static int parse_delay(struct ipl_parse *p, const struct ipl_opt *o)
{
	static const char *const t[] = { "TIME", "TIME", "PERCENT" };

	return take_numbers(p, o, t, NULL, 3);
}

static int parse_pcorr(struct ipl_parse *p, const struct ipl_opt *o)
{
	static const char *const t[] = { "PERCENT", "PERCENT" };

	return take_numbers(p, o, t, NULL, 2);
}

/* loss [random] P [CORR] | loss state P13 [P31 [P32 [P23 [P14]]]] |
 * loss gemodel P [R [1-H [1-K]]] */
static int parse_loss(struct ipl_parse *p, const struct ipl_opt *o)
{
	static const char *const t[] = { "PERCENT", "PERCENT", "PERCENT",
					 "PERCENT", "PERCENT" };
	const char *w = ipl_need(p, o, "random|state|gemodel|PERCENT");

	if (!w)
		return p->completing ? -2 : -1;
	if (isdigit((unsigned char)w[0]))
		return take_numbers(p, o, t, NULL, 2);
	if (!streq(w, "random") && !streq(w, "state") && !streq(w, "gemodel"))
		return ipl_fail(p, p->i, "'%s': unknown loss model (random, "
				"state or gemodel)", w);
	if (take(p, o, NULL))
		return -1;
	return take_numbers(p, o, t, NULL,
			    streq(w, "random") ? 2 : streq(w, "state") ? 5 : 4);
}

static int parse_rate(struct ipl_parse *p, const struct ipl_opt *o)
{
	static const char *const t[] = { "RATE", "SINT", "UNUM", "SINT" };
	static const bool sign[] = { false, true, false, true };

	return take_numbers(p, o, t, sign, 4);
}

/* slot MIN [MAX] | slot distribution NAME DELAY JITTER; then
 * [packets N] [bytes N] */
static int parse_slot(struct ipl_parse *p, const struct ipl_opt *o)
{
	static const char *const t[] = { "TIME64", "TIME64" };
	int rc;

	if (next_is(p, false)) {
		rc = take_numbers(p, o, t, NULL, 2);
	} else {
		const char *w = ipl_need(p, o, "distribution");

		if (!w)
			return p->completing ? -2 : -1;
		if (!streq(w, "distribution"))
			return ipl_fail(p, p->i, "'%s': unknown slot "
					"parameter", w);
		rc = take(p, o, NULL);
		if (!rc)
			rc = take(p, o, NULL);	/* the distribution */
		if (!rc)
			rc = take(p, o, "TIME64");
		if (!rc)
			rc = take(p, o, "TIME64");
	}
	if (!rc && p->i < p->argc && ipl_matches(p->argv[p->i], "packets")) {
		rc = take(p, o, NULL);
		if (!rc)
			rc = take(p, o, "SINT");
	}
	if (!rc && p->i < p->argc && ipl_matches(p->argv[p->i], "bytes")) {
		rc = take(p, o, NULL);
		if (!rc)
			rc = take(p, o, "SIZE");
	}
	return rc;
}

/* netem_parse_opt's keywords, in its order (all abbreviable) */
static const struct ipl_opt netem_rows[] = {
	{ "limit", IPL_PREFIX, "SIZE", N_LIMIT, "queue length (packets)" },
	{ "latency", IPL_PREFIX | IPL_ALIAS, "TIME [JITTER [CORR]]", N_DELAY,
	  NULL, NULL, parse_delay },
	{ "delay", IPL_PREFIX, "TIME [JITTER [CORR]]", N_DELAY,
	  "delay, jitter, correlation", NULL, parse_delay },
	{ "loss", IPL_PREFIX, "random|state|gemodel", N_LOSS,
	  "loss: random P [CORR], state P13…, gemodel P…", NULL,
	  parse_loss },
	{ "drop", IPL_PREFIX | IPL_ALIAS, "PERCENT", N_LOSS, NULL, NULL,
	  parse_loss },
	{ "ecn", IPL_PREFIX, NULL, N_ECN, "mark ECN instead of dropping" },
	{ "reorder", IPL_PREFIX, "PERCENT [CORR]", N_REORDER,
	  "send some packets at once (needs delay)", NULL, parse_pcorr },
	{ "corrupt", IPL_PREFIX, "PERCENT [CORR]", N_CORRUPT,
	  "corrupt a bit of some packets", NULL, parse_pcorr },
	{ "gap", IPL_PREFIX, "UNUM", N_GAP, "reorder every Nth packet" },
	{ "duplicate", IPL_PREFIX, "PERCENT [CORR]", N_DUPLICATE,
	  "duplicate some packets", NULL, parse_pcorr },
	{ "distribution", IPL_PREFIX, "WORD", N_DIST,
	  "delay distribution: normal, pareto, paretonormal" },
	{ "rate", IPL_PREFIX, "RATE [OVERHEAD [CELLSIZE [CELLOVERHEAD]]]",
	  N_RATE, "limit the rate", NULL, parse_rate },
	{ "slot", IPL_PREFIX, "MIN [MAX]", N_SLOT,
	  "send in slots: MIN [MAX] [packets N] [bytes N]", NULL,
	  parse_slot },
	{ "help", IPL_ALIAS, NULL, N_HELP },
	{ NULL },
};

static const struct ipl_table netem_opts = { "netem", netem_rows };

/* ------------------------------------------------------------ request */

static uint32_t percent(const struct nsh_val *v)
{
	double d = 0;

	(void)tc_parse_percent(v->text, &d);
	return tc_percent_scaled(d);
}

static double fraction(const struct nsh_val *v)
{
	double d = 0;

	(void)tc_parse_percent(v->text, &d);
	return d;
}

/* the distribution NAME from tc's library: its numbers in DATA; how many,
 * or -1 after reporting */
static int load_dist(struct tc_req *r, const char *name, int16_t *data)
{
	const char *dirs[] = { getenv("TC_LIB_DIR"),
			       "/usr/lib/x86_64-linux-gnu/tc",
			       "/usr/lib/tc", "/usr/lib64/tc" };
	char path[512], *line = NULL;
	size_t cap = 0;
	FILE *f = NULL;
	int n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(dirs) && !f; i++) {
		if (!dirs[i])
			continue;
		snprintf(path, sizeof(path), "%s/%s.dist", dirs[i], name);
		f = fopen(path, "re");
	}
	if (!f) {
		tc_err(r, "'%s': no distribution data (no %s.dist in tc's "
			  "library)", name, name);
		return -1;
	}
	while (getline(&line, &cap, f) != -1) {
		char *s, *end;

		if (*line == '\n' || *line == '#')
			continue;
		for (s = line;; s = end) {
			long x = strtol(s, &end, 0);

			if (end == s)
				break;
			if (n >= MAX_DIST) {
				free(line);
				fclose(f);
				tc_err(r, "'%s': too much distribution data",
				       path);
				return -1;
			}
			data[n++] = (int16_t)x;
		}
	}
	free(line);
	fclose(f);
	if (n <= 0)
		tc_err(r, "'%s': no distribution data", path);
	return n > 0 ? n : -1;
}

/* get_ticks: a time in the kernel's ticks, if it fits */
static int ticks(struct tc_req *r, const struct nsh_val *v, uint32_t *ret)
{
	if (tc_time2big((unsigned)v->num))
		return tc_err(r, "'%s': time too large", v->text);
	*ret = tc_time2tick((unsigned)v->num);
	return 0;
}

struct netem {
	struct tc_netem_qopt opt;
	struct tc_netem_corr cor;
	struct tc_netem_reorder reorder;
	struct tc_netem_corrupt corrupt;
	struct tc_netem_gimodel gi;
	struct tc_netem_gemodel ge;
	struct tc_netem_rate rate;
	struct tc_netem_slot slot;
	uint64_t rate64;
	int loss_type;
	bool corr, has_reorder, ecn, has_corrupt, has_slot, has_rate;
	int16_t *dist, *slot_dist;
	int ndist, nslot_dist;
};

static int read_loss(struct tc_req *r, int i, struct netem *n)
{
	const struct nsh_val *v = tc_val(r, i, 0);
	const char *model = isdigit((unsigned char)v->text[0]) ? "random" :
								  v->text;
	int k = streq(model, v->text) ? 1 : 0;

	if (n->opt.loss > 0 || n->loss_type != NETEM_LOSS_UNSPEC)
		return tc_err(r, "duplicate loss argument");
	if (streq(model, "random")) {
		n->opt.loss = percent(tc_val(r, i, k));
		if (tc_val(r, i, k + 1)) {
			n->corr = true;
			n->cor.loss_corr = percent(tc_val(r, i, k + 1));
		}
	} else if (streq(model, "state")) {
		double p13 = fraction(tc_val(r, i, 1));
		uint32_t *field[] = { &n->gi.p31, &n->gi.p32, &n->gi.p23,
				      &n->gi.p14 };

		n->gi.p13 = tc_percent_scaled(p13);
		n->gi.p31 = tc_percent_scaled(1. - p13);
		n->gi.p32 = tc_percent_scaled(0);
		n->gi.p23 = tc_percent_scaled(1.);
		n->gi.p14 = tc_percent_scaled(0);
		n->loss_type = NETEM_LOSS_GI;
		for (int j = 0; j < 4 && tc_val(r, i, 2 + j); j++)
			*field[j] = percent(tc_val(r, i, 2 + j));
	} else {
		double p = fraction(tc_val(r, i, 1));

		n->ge.p = tc_percent_scaled(p);
		n->ge.r = tc_percent_scaled(1. - p);
		n->ge.h = tc_percent_scaled(0);
		n->ge.k1 = tc_percent_scaled(0);
		n->loss_type = NETEM_LOSS_GE;
		if (tc_val(r, i, 2))
			n->ge.r = percent(tc_val(r, i, 2));
		if (tc_val(r, i, 3)) {
			/* the option is 1-h, the kernel wants h */
			n->ge.h = UINT32_MAX - percent(tc_val(r, i, 3));
		}
		if (tc_val(r, i, 4))
			n->ge.k1 = percent(tc_val(r, i, 4));
	}
	return 0;
}

static int read_slot(struct tc_req *r, int i, struct netem *n)
{
	int k = 0;
	const struct nsh_val *v;

	n->has_slot = true;
	if (streq(tc_val(r, i, 0)->text, "distribution")) {
		n->slot_dist = calloc(MAX_DIST, sizeof(*n->slot_dist));
		if (!n->slot_dist)
			return nsh_err(r->sh, "out of memory");
		n->nslot_dist = load_dist(r, tc_val(r, i, 1)->text,
					  n->slot_dist);
		if (n->nslot_dist < 0)
			return 1;
		n->slot.dist_delay = tc_val(r, i, 2)->num;
		n->slot.dist_jitter = tc_val(r, i, 3)->num;
		if (n->slot.dist_jitter <= 0)
			return tc_err(r, "'%s': non-positive jitter",
				      tc_val(r, i, 3)->text);
		k = 4;
	} else {
		n->slot.min_delay = tc_val(r, i, 0)->num;
		v = tc_val(r, i, 1);
		if (v && isdigit((unsigned char)v->text[0])) {
			n->slot.max_delay = v->num;
			if (n->slot.max_delay < n->slot.min_delay)
				return tc_err(r, "'%s': illegal slot max_delay "
						 "(below the minimum)",
					      v->text);
			k = 2;
		} else {
			n->slot.max_delay = n->slot.min_delay;
			k = 1;
		}
	}
	for (; (v = tc_val(r, i, k)); k += 2) {
		const struct nsh_val *x = tc_val(r, i, k + 1);

		if (ipl_matches(v->text, "packets"))
			n->slot.max_packets = (int32_t)x->num;
		else
			n->slot.max_bytes = (int32_t)x->num;
	}
	return 0;
}

/* delay TIME [JITTER [CORRELATION]] at binding I */
static int read_delay(struct tc_req *r, int i, struct netem *n)
{
	const struct nsh_val *v1 = tc_val(r, i, 1), *v2 = tc_val(r, i, 2);

	if (ticks(r, tc_val(r, i, 0), &n->opt.latency) ||
	    (v1 && ticks(r, v1, &n->opt.jitter)))
		return 1;
	if (v2) {
		n->corr = true;
		n->cor.delay_corr = percent(v2);
	}
	return 0;
}

/* distribution NAME: its table, loaded */
static int read_dist(struct tc_req *r, const struct nsh_val *v,
		     struct netem *n)
{
	free(n->dist);
	n->dist = calloc(MAX_DIST, sizeof(*n->dist));
	if (!n->dist)
		return nsh_err(r->sh, "out of memory");
	n->ndist = load_dist(r, v->text, n->dist);
	return n->ndist < 0;
}

/* rate RATE [PACKETOVERHEAD [CELLSIZE [CELLOVERHEAD]]] at binding I */
static int read_rate(struct tc_req *r, int i, struct netem *n)
{
	const struct nsh_val *v1 = tc_val(r, i, 1);

	n->has_rate = true;
	if (tc_rate_of(r, tc_val(r, i, 0), &n->rate64))
		return 1;
	if (v1)
		n->rate.packet_overhead = (int32_t)v1->num;
	if (tc_val(r, i, 2))
		n->rate.cell_size = (uint32_t)tc_val(r, i, 2)->num;
	if (tc_val(r, i, 3))
		n->rate.cell_overhead = (int32_t)tc_val(r, i, 3)->num;
	return 0;
}

/* reorder, corrupt, duplicate PERCENT [CORRELATION] (KEY; V, V1) */
static void read_prob(int key, const struct nsh_val *v,
		      const struct nsh_val *v1, struct netem *n)
{
	if (key == N_REORDER) {
		n->has_reorder = true;
		n->reorder.probability = percent(v);
		if (v1) {
			n->corr = true;
			n->reorder.correlation = percent(v1);
		}
	} else if (key == N_CORRUPT) {
		n->has_corrupt = true;
		n->corrupt.probability = percent(v);
		if (v1) {
			n->corr = true;
			n->corrupt.correlation = percent(v1);
		}
	} else {	/* N_DUPLICATE */
		n->opt.duplicate = percent(v);
		if (v1)
			n->cor.dup_corr = percent(v1);
	}
}

/* what netem_parse_opt refuses once the words are read */
static int check_netem(struct tc_req *r, struct netem *n)
{
	if (n->reorder.probability) {
		if (!n->opt.latency)
			return tc_err(r, "reordering not possible without "
					 "specifying some delay");
		if (!n->opt.gap)
			n->opt.gap = 1;
	} else if (n->opt.gap > 0) {
		return tc_err(r, "gap specified without reorder probability");
	}
	if (n->ecn && !n->opt.loss && n->loss_type == NETEM_LOSS_UNSPEC)
		return tc_err(r, "ecn requested without loss model");
	if (n->dist && (!n->opt.latency || !n->opt.jitter))
		return tc_err(r, "distribution specified but no latency and "
				 "jitter values");
	return 0;
}

static int read_netem(struct tc_req *r, struct netem *n)
{
	TC_FOR_EACH(r, i) {
		const struct nsh_val *v = tc_val(r, i, 0);
		int key = tc_key(r, i), rc = 0;

		switch (key) {
		case N_LIMIT: n->opt.limit = (uint32_t)v->num; break;
		case N_DELAY: rc = read_delay(r, i, n); break;
		case N_LOSS: rc = read_loss(r, i, n); break;
		case N_ECN: n->ecn = true; break;
		case N_REORDER:
		case N_CORRUPT:
		case N_DUPLICATE:
			read_prob(key, v, tc_val(r, i, 1), n);
			break;
		case N_GAP: n->opt.gap = (uint32_t)v->num; break;
		case N_DIST: rc = read_dist(r, v, n); break;
		case N_RATE: rc = read_rate(r, i, n); break;
		case N_SLOT: rc = read_slot(r, i, n); break;
		case N_HELP:
			return tc_err(r, "[ limit PACKETS ] [ delay TIME [ "
					 "JITTER [CORRELATION]]] [ loss … ] "
					 "[ rate RATE … ] [ slot … ]");
		}
		if (rc)
			return 1;
	}
	return check_netem(r, n);
}

static int put_netem(struct tc_req *r, struct netem *n)
{
	struct nl_msg *m = r->msg;
	struct nlattr *opts = (struct nlattr *)nlmsg_tail(nlmsg_hdr(m));
	int ecn = 1;

	if (nla_put(m, TCA_OPTIONS, sizeof(n->opt), &n->opt) < 0 ||
	    (n->corr && nla_put(m, TCA_NETEM_CORR, sizeof(n->cor),
				&n->cor) < 0) ||
	    (n->has_reorder && nla_put(m, TCA_NETEM_REORDER,
				       sizeof(n->reorder), &n->reorder) < 0) ||
	    (n->ecn && nla_put(m, TCA_NETEM_ECN, sizeof(ecn), &ecn) < 0) ||
	    (n->has_corrupt && nla_put(m, TCA_NETEM_CORRUPT,
				       sizeof(n->corrupt), &n->corrupt) < 0) ||
	    (n->has_slot && nla_put(m, TCA_NETEM_SLOT, sizeof(n->slot),
				    &n->slot) < 0))
		return tc_full(r);
	if (n->loss_type != NETEM_LOSS_UNSPEC) {
		struct nlattr *loss = ipr_nest(m, TCA_NETEM_LOSS |
						       NLA_F_NESTED);

		if (!loss ||
		    (n->loss_type == NETEM_LOSS_GI &&
		     nla_put(m, NETEM_LOSS_GI, sizeof(n->gi), &n->gi) < 0) ||
		    (n->loss_type == NETEM_LOSS_GE &&
		     nla_put(m, NETEM_LOSS_GE, sizeof(n->ge), &n->ge) < 0))
			return tc_full(r);
		ipr_nest_end(m, loss);
	}
	if (n->has_rate) {
		if (n->rate64 >= 1ULL << 32) {
			if (nla_put(m, TCA_NETEM_RATE64, sizeof(n->rate64),
				    &n->rate64) < 0)
				return tc_full(r);
			n->rate.rate = ~0U;
		} else {
			n->rate.rate = (uint32_t)n->rate64;
		}
		if (nla_put(m, TCA_NETEM_RATE, sizeof(n->rate), &n->rate) < 0)
			return tc_full(r);
	}
	if ((n->dist && nla_put(m, TCA_NETEM_DELAY_DIST,
				n->ndist * (int)sizeof(*n->dist),
				n->dist) < 0) ||
	    (n->slot_dist && nla_put(m, TCA_NETEM_SLOT_DIST,
				     n->nslot_dist *
					     (int)sizeof(*n->slot_dist),
				     n->slot_dist) < 0))
		return tc_full(r);
	ipr_nest_end(m, opts);
	return 0;
}

static int netem_put(struct tc_req *r)
{
	struct netem n = { .opt.limit = 1000 };
	int rc = read_netem(r, &n);

	if (!rc)
		rc = put_netem(r, &n);
	free(n.dist);
	free(n.slot_dist);
	return rc;
}

const struct tc_kind netem_kind = {
	.name = "netem",
	.summary = "network emulator: delay, loss, duplication, reordering",
	.qopts = &netem_opts,
	.qput = netem_put,
	.print = tc_netem_print,
};
