/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc.c - iproute2's `tc qdisc` (add, change, replace, link, delete, show)
 * and `tc class` (add, change, replace, delete, show), natively, with
 * tc/tc_qdisc.c's and tc/tc_class.c's grammar, requests and output; the
 * kinds are one file each (cmds/tc_*.c, listed in tc_kinds[]).
 *
 * A line is one RTM_NEWQDISC (RTM_DELQDISC, RTM_NEWTCLASS…): a tcmsg
 * (device, handle, parent), TCA_KIND, TCA_RATE (estimator), the blocks,
 * the kind's TCA_OPTIONS, TCA_STAB, in tc's order.  Rates, sizes and
 * times follow tc's unit grammar; rate tables and ticks are computed as
 * tc_core.c computes them, from the kernel's clock (/proc/net/psched).
 * A kind nsh does not know is left to the real tc; a kind the kernel
 * lacks is refused in one line ("netem: this kernel has no netem
 * scheduler").
 *
 * This file: the kinds, the grammar and the requests; tc_core.c has the
 * arithmetic and the units, tc_show.c the show commands
 * (tc_stats.c their statistics).
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/gen_stats.h>
#include <linux/pkt_sched.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "tc_priv.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ------------------------------------------------------------ kinds */

static const struct tc_kind *const tc_kinds[] = {
	&tbf_kind, &htb_kind, &pfifo_kind, &bfifo_kind,
	&pfifo_head_drop_kind, &pfifo_fast_kind, &prio_kind, &netem_kind,
	&sfq_kind, &fq_codel_kind, &ingress_kind, &clsact_kind, NULL,
};

const struct tc_kind *tc_kind_find(const char *name)
{
	for (int i = 0; tc_kinds[i]; i++)
		if (streq(tc_kinds[i]->name, name))
			return tc_kinds[i];
	return NULL;
}

int tc_err(struct tc_req *r, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return nsh_err(r->sh, "%s: %s", r->kind, buf);
}

int tc_full(struct tc_req *r)
{
	return nsh_err(r->sh, "%s: the request is too large", r->kind);
}

/* ------------------------------------------------------------ grammar */

enum tc_key {
	Q_DEV = 1, Q_HANDLE, Q_ROOT, Q_CLSACT, Q_INGRESS, Q_PARENT, Q_EST,
	Q_STAB, Q_IBLOCK, Q_EBLOCK, Q_HELP, Q_KIND, Q_CLASSID, Q_CHANDLE,
	Q_QDISC, Q_INVISIBLE,
	S_MTU, S_MPU, S_OVERHEAD, S_TSIZE, S_LINKLAYER,
};

/* "tbf|htb|…", for completion */
static const char *kind_choices(void)
{
	static char buf[256];
	size_t n = 0;

	if (buf[0])
		return buf;
	for (int i = 0; tc_kinds[i] && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
				      i ? "|" : "", tc_kinds[i]->name);
	return buf;
}

/* KIND [ARGS]: the kind's table takes the rest of the line; a kind nsh
 * does not know is the real tc's */
static int parse_kind_any(struct ipl_parse *p, const struct ipl_opt *o,
			  bool class)
{
	struct nsh_bind b = { .name = o->kw, .opt = o, .tok = p->i };
	const struct tc_kind *k;
	const struct ipl_table *t;
	const char *w = ipl_need(p, o, kind_choices());

	if (!w)
		return p->completing ? -2 : -1;
	b.v.text = w;
	if (p->a->nbind == NSH_MAX_BIND)
		return ipl_fail(p, p->i, "too many words");
	p->a->bind[p->a->nbind++] = b;
	p->i++;
	k = tc_kind_find(w);
	if (!k) {
		ipl_fallback(p);
		return 0;
	}
	t = class ? k->copts : k->qopts;
	if (class && !k->cput)
		return ipl_fail(p, p->i - 1, "'%s': qdisc \"%s\" is classless",
				w, w);
	if (!t) {
		if (p->i < p->argc)
			return ipl_fail(p, p->i, "'%s': qdisc '%s' does not "
					"support option parsing",
					p->argv[p->i], w);
		return 0;
	}
	return ipl_walk(p, t, false);
}

static int parse_qkind(struct ipl_parse *p, const struct ipl_opt *o)
{
	return parse_kind_any(p, o, false);
}

static int parse_ckind(struct ipl_parse *p, const struct ipl_opt *o)
{
	return parse_kind_any(p, o, true);
}

/* `ingress` and `clsact`: the parent and the kind; the rest is theirs */
static int parse_special(struct ipl_parse *p, const struct ipl_opt *o)
{
	const struct tc_kind *k = o->key == Q_INGRESS ? &ingress_kind :
							 &clsact_kind;

	return ipl_walk(p, k->qopts, false);
}

static const struct ipl_opt stab_rows[] = {
	{ "mtu", IPL_PREFIX | IPL_ONCE, "DEC", S_MTU,
	  "the largest packet the table covers {2047}" },
	{ "mpu", IPL_PREFIX | IPL_ONCE, "DEC", S_MPU, "minimum packet size" },
	{ "overhead", IPL_PREFIX | IPL_ONCE, "SINT", S_OVERHEAD,
	  "per-packet overhead" },
	{ "tsize", IPL_PREFIX | IPL_ONCE, "DEC", S_TSIZE,
	  "slots of the table {512}" },
	{ "linklayer", IPL_PREFIX | IPL_ONCE, "LINKLAYER", S_LINKLAYER,
	  "ethernet, atm or adsl" },
	{ NULL },
};

static const struct ipl_table stab_opts = { "stab", stab_rows };

/* tc_qdisc_modify's keywords, in its order */
static const struct ipl_opt qdisc_rows[] = {
	{ "dev", IPL_ONCE, "DEV", Q_DEV, "the device" },
	{ "handle", IPL_ONCE, "QHANDLE", Q_HANDLE, "the qdisc's handle" },
	{ "root", 0, NULL, Q_ROOT, "the device's root qdisc" },
	{ "clsact", IPL_REST, NULL, Q_CLSACT, "the clsact qdisc", NULL,
	  parse_special },
	{ "ingress", IPL_REST, NULL, Q_INGRESS, "the ingress qdisc", NULL,
	  parse_special },
	{ "parent", 0, "CLASSID", Q_PARENT, "the parent class" },
	{ "estimator", IPL_PREFIX, "TIME TIME", Q_EST,
	  "rate estimator: interval and time constant" },
	{ "stab", IPL_PREFIX, NULL, Q_STAB, "a size table", &stab_opts },
	{ "ingress_block", IPL_PREFIX, "DEC", Q_IBLOCK,
	  "shared ingress filter block" },
	{ "egress_block", IPL_PREFIX, "DEC", Q_EBLOCK,
	  "shared egress filter block" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, Q_HELP },
	{ "KIND", IPL_DEFAULT | IPL_NOKW | IPL_REST, "KIND", Q_KIND,
	  "the kind (tbf, htb, pfifo, netem…) and its options", NULL,
	  parse_qkind },
	{ NULL },
};

static const struct ipl_table qdisc_opts = { "tc qdisc", qdisc_rows };

/* tc class refuses `handle` at once */
static int parse_chandle(struct ipl_parse *p, const struct ipl_opt *o)
{
	(void)o;
	return ipl_fail(p, p->i - 1, "'handle': try \"classid\" instead of "
			"\"handle\"");
}

static const struct ipl_opt class_rows[] = {
	{ "dev", IPL_ONCE, "DEV", Q_DEV, "the device" },
	{ "classid", IPL_ONCE, "CLASSID", Q_CLASSID, "the class's ID" },
	{ "handle", IPL_ALIAS, NULL, Q_CHANDLE, NULL, NULL, parse_chandle },
	{ "root", 0, NULL, Q_ROOT, "a root class" },
	{ "parent", 0, "CLASSID", Q_PARENT, "the parent (qdisc or class)" },
	{ "estimator", IPL_PREFIX, "TIME TIME", Q_EST,
	  "rate estimator: interval and time constant" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, Q_HELP },
	{ "KIND", IPL_DEFAULT | IPL_NOKW | IPL_REST, "KIND", Q_KIND,
	  "the kind (htb) and its options", NULL, parse_ckind },
	{ NULL },
};

static const struct ipl_table class_opts = { "tc class", class_rows };

/* ------------------------------------------------------------ modify */

/* what a line of tc qdisc/class add… says */
struct tc_line {
	struct tcmsg t;
	const char *dev;
	const char *kind;
	int kind_at;		/* the kind's binding, or -1 */
	struct tc_estimator est;
	struct tc_sizespec stab;
	bool has_stab;
	uint32_t iblock, eblock;
};

static int set_parent(struct nsh *sh, struct tc_line *l, uint32_t parent,
		      const char *word)
{
	if (l->t.tcm_parent) {
		if (streq(word, "parent"))
			return nsh_err(sh, "'parent': given twice");
		return nsh_err(sh, "'%s': a duplicate parent ID", word);
	}
	l->t.tcm_parent = parent;
	return 0;
}

/* what one word of a line asks of read_line */
enum line_next { LINE_NEXT, LINE_ERR, LINE_DONE, LINE_HELP };

/* estimator INTERVAL TIME_CONST at binding I */
static enum line_next est_word(struct nsh *sh, const struct nsh_args *a,
			       int i, struct tc_line *l)
{
	const struct nsh_val *v = ipl_arg(a, i, 0), *v2 = ipl_arg(a, i, 1);

	if (l->est.ewma_log) {
		nsh_err(sh, "'estimator': given twice");
		return LINE_ERR;
	}
	if (tc_setup_estimator((unsigned)v->num, (unsigned)v2->num,
			       &l->est) < 0) {
		nsh_err(sh, "'estimator': parameters out of range");
		return LINE_ERR;
	}
	return LINE_NEXT;
}

/* stab and its words (KEY, value V) */
static void stab_word(struct tc_line *l, int key, const struct nsh_val *v)
{
	switch (key) {
	case Q_STAB:
		l->has_stab = true;
		memset(&l->stab, 0, sizeof(l->stab));
		break;
	case S_MTU: l->stab.mtu = (unsigned)v->num; break;
	case S_MPU: l->stab.mpu = (unsigned)v->num; break;
	case S_OVERHEAD: l->stab.overhead = (int)v->num; break;
	case S_TSIZE: l->stab.tsize = (unsigned)v->num; break;
	case S_LINKLAYER: l->stab.linklayer = (unsigned)v->num; break;
	}
}

/* ingress_block, egress_block INDEX (KEY, value V) */
static enum line_next block_word(struct nsh *sh, struct tc_line *l, int key,
				 const struct nsh_val *v)
{
	if (!v->num) {
		nsh_err(sh, "'%s': invalid %s block index value", v->text,
			key == Q_IBLOCK ? "ingress" : "egress");
		return LINE_ERR;
	}
	*(key == Q_IBLOCK ? &l->iblock : &l->eblock) = (uint32_t)v->num;
	return LINE_NEXT;
}

/* the word at binding I (option O) into L */
static enum line_next line_word(struct nsh *sh, const struct nsh_args *a,
				int i, const struct ipl_opt *o,
				struct tc_line *l)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);

	switch (o->key) {
	case Q_DEV: l->dev = v->text; break;
	case Q_HANDLE:
	case Q_CLASSID:
		l->t.tcm_handle = (uint32_t)v->num;
		break;
	case Q_CHANDLE:
		nsh_err(sh, "'handle': try \"classid\" instead of \"handle\"");
		return LINE_ERR;
	case Q_ROOT:
		return set_parent(sh, l, TC_H_ROOT, "root") ? LINE_ERR :
							       LINE_NEXT;
	case Q_PARENT:
		return set_parent(sh, l, (uint32_t)v->num, "parent") ?
			       LINE_ERR : LINE_NEXT;
	case Q_INGRESS:
	case Q_CLSACT:
		if (set_parent(sh, l, TC_H_INGRESS, o->kw))
			return LINE_ERR;
		l->kind = o->kw;
		l->kind_at = i;
		l->t.tcm_handle = TC_H_MAKE(TC_H_INGRESS, 0);
		return LINE_DONE;	/* the rest is the kind's */
	case Q_EST:
		return est_word(sh, a, i, l);
	case Q_IBLOCK:
	case Q_EBLOCK:
		return block_word(sh, l, o->key, v);
	case Q_HELP:
		return LINE_HELP;
	case Q_KIND:
		l->kind = v->text;
		l->kind_at = i;
		return LINE_DONE;
	default:
		stab_word(l, o->key, v);
		break;
	}
	return LINE_NEXT;
}

/* the words of A into L: 0, 1 after reporting, -1 for `help` */
static int read_line(struct nsh *sh, const struct nsh_args *a,
		     struct tc_line *l)
{
	memset(l, 0, sizeof(*l));
	l->t.tcm_family = AF_UNSPEC;
	l->kind_at = -1;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		enum line_next n;

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		n = line_word(sh, a, i, o, l);
		if (n != LINE_NEXT)
			return n == LINE_DONE ? 0 : n == LINE_ERR ? 1 : -1;
	}
	return 0;
}

/* a stab with no linklayer, mpu or overhead is a mistake (tc refuses it
 * silently) */
static bool stab_given(const struct tc_sizespec *s)
{
	return s->linklayer >= TC_LL_ETHERNET || s->mpu || s->overhead;
}

static int put_stab(struct nsh *sh, struct nl_msg *msg, struct tc_sizespec *s)
{
	_cleanup_free_ uint16_t *data = NULL;
	struct nlattr *nest;

	if (tc_size_table(s, &data) < 0)
		return nsh_err(sh, "stab: failed to calculate the size table");
	ANALYZER_KEEP(data);
	nest = ipr_nest(msg, TCA_STAB);
	if (!nest || nla_put(msg, TCA_STAB_BASE, sizeof(*s), s) < 0 ||
	    (data && nla_put(msg, TCA_STAB_DATA,
			     (int)(s->tsize * sizeof(*data)), data) < 0))
		return nsh_err(sh, "stab: the request is too large");
	ipr_nest_end(msg, nest);
	return 0;
}

/* explain the kernel's refusal in one line */
static int tc_refused(struct nsh *sh, const struct tc_line *l, int err)
{
	char why[256];
	int e = nl_last_errno();

	nl_reason(err, why, sizeof(why));
	if (l->kind && e == ENOENT && strstr(why, "kind is unknown"))
		return nsh_err(sh, "%s: this kernel has no %s scheduler",
			       l->kind, l->kind);
	return nsh_err(sh, "'%s': %s", l->dev ? l->dev : l->kind ? l->kind :
								   "tc",
		       why);
}

static int tc_modify(struct nsh *sh, const struct nsh_args *a, int type,
		     int flags, bool class)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	const struct tc_kind *k;
	struct tc_line l;
	struct tc_req r = { .sh = sh, .a = a };
	int rc, err, idx;

	rc = read_line(sh, a, &l);
	if (rc < 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	if (rc)
		return rc;
	if (l.has_stab && !stab_given(&l.stab))
		return nsh_err(sh, "'stab': needs overhead, mpu or linklayer");
	/* room for netem's distribution tables, as tc's TCA_BUF_MAX */
	msg = nlmsg_alloc_size(64 * 1024);
	if (!msg ||
	    !nlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, type, 0,
		       NLM_F_REQUEST | flags) ||
	    nlmsg_append(msg, &l.t, sizeof(l.t), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	if ((l.kind && nla_put_string(msg, TCA_KIND, l.kind) < 0) ||
	    (l.est.ewma_log &&
	     nla_put(msg, TCA_RATE, sizeof(l.est), &l.est) < 0) ||
	    (l.iblock && nla_put_u32(msg, TCA_INGRESS_BLOCK, l.iblock) < 0) ||
	    (l.eblock && nla_put_u32(msg, TCA_EGRESS_BLOCK, l.eblock) < 0))
		return nsh_err(sh, "the request is too large");
	k = l.kind ? tc_kind_find(l.kind) : NULL;
	if (k) {
		int (*put)(struct tc_req *) = class ? k->cput : k->qput;

		r.msg = msg;
		r.from = ipl_next(a, l.kind_at);
		r.to = a->nbind;
		r.dev = l.dev;
		r.kind = l.kind;
		if (put && put(&r))
			return 1;
	}
	if (l.has_stab && put_stab(sh, msg, &l.stab))
		return 1;
	if (l.dev) {
		if (link_index(sh, l.dev, &idx))
			return 1;
		((struct tcmsg *)nlmsg_data(nlmsg_hdr(msg)))->tcm_ifindex =
			idx;
	}
	err = ipr_talk(sh, msg);
	if (err > 0)
		return 1;
	return err < 0 ? tc_refused(sh, &l, err) : 0;
}

static int qdisc_add(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWQDISC, NLM_F_EXCL | NLM_F_CREATE,
			 false);
}

static int qdisc_change(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWQDISC, 0, false);
}

static int qdisc_replace(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWQDISC, NLM_F_CREATE | NLM_F_REPLACE,
			 false);
}

static int qdisc_link(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWQDISC, NLM_F_REPLACE, false);
}

static int qdisc_delete(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_DELQDISC, 0, false);
}

static int class_add(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWTCLASS, NLM_F_EXCL | NLM_F_CREATE,
			 true);
}

static int class_change(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWTCLASS, 0, true);
}

static int class_replace(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_NEWTCLASS, NLM_F_CREATE, true);
}

static int class_delete(struct nsh *sh, const struct nsh_args *a)
{
	return tc_modify(sh, a, RTM_DELTCLASS, 0, true);
}

/* ------------------------------------------------------------ family */

static int tc_batch(struct nsh *sh, const struct nsh_args *a)
{
	return ipr_batch(sh, a, "tc");
}

/* in tc's order (do_qdisc, do_class) */
static const struct nsh_cmd tc_cmds[] = {
	{ "tc qdisc add", "add a queueing discipline",
	  qdisc_add, NSH_CMD_MUTATES,
	  "tc qdisc add dev veth1 root tbf rate 1mbit burst 32kb latency "
	  "50ms", NULL, &qdisc_opts },
	{ "tc qdisc change", "change a queueing discipline",
	  qdisc_change, NSH_CMD_MUTATES,
	  NULL, NULL, &qdisc_opts },
	{ "tc qdisc replace", "add or replace a queueing discipline",
	  qdisc_replace, NSH_CMD_MUTATES,
	  "tc qdisc replace dev veth1 root pfifo limit 100",
	  NULL, &qdisc_opts },
	{ "tc qdisc link", "link a queueing discipline", qdisc_link, 0, NULL,
	  NULL, &qdisc_opts },
	{ "tc qdisc delete", "delete a queueing discipline",
	  qdisc_delete, NSH_CMD_MUTATES,
	  "tc qdisc del dev veth1 root", NULL, &qdisc_opts },
	{ "tc qdisc show/list/lst", "list the queueing disciplines",
	  tc_qdisc_show, 0, "tc -s qdisc show dev veth1", NULL,
	  &tc_qshow_opts },
	{ "tc qdisc", "list the queueing disciplines", tc_qdisc_show },
	{ "tc class add", "add a class", class_add, NSH_CMD_MUTATES,
	  "tc class add dev veth1 parent 1: classid 1:10 htb rate 10mbit",
	  NULL, &class_opts },
	{ "tc class change", "change a class", class_change, NSH_CMD_MUTATES,
	  NULL, NULL,
	  &class_opts },
	{ "tc class replace", "add or replace a class",
	  class_replace, NSH_CMD_MUTATES,
	  NULL, NULL, &class_opts },
	{ "tc class delete", "delete a class", class_delete, NSH_CMD_MUTATES,
	  NULL, NULL,
	  &class_opts },
	{ "tc class show/list/lst", "list the classes", tc_class_show, 0,
	  "tc class show dev veth1", NULL, &tc_cshow_opts },
	{ "tc class", "list the classes", tc_class_show },
	{ "tc -batch", "run the tc commands of a file", tc_batch,
	  NSH_CMD_HIDDEN },
	{ NULL },
};

const struct nsh_family tc_family = {
	"tc", "tc qdisc, class: queueing disciplines and their classes",
	tc_cmds, tc_types,
};
