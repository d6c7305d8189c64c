/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc_show.c - `tc qdisc show` and `tc class show` natively, as tc 6.1's
 * print_qdisc and print_class (tc/tc_qdisc.c, tc/tc_class.c): the dump,
 * the selectors, the common part of each line, the statistics
 * (print_tcstats2_attr) and the kind's own part (its print()); a kind
 * nsh does not know hands the line to the real tc.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
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

/* print_tc_classid */
static const char *classid_str(uint32_t h, char *buf, size_t len)
{
	if (h == TC_H_ROOT)
		snprintf(buf, len, "root");
	else if (h == TC_H_UNSPEC)
		snprintf(buf, len, "none");
	else if (TC_H_MAJ(h) == 0)
		snprintf(buf, len, ":%x", TC_H_MIN(h));
	else if (TC_H_MIN(h) == 0)
		snprintf(buf, len, "%x:", TC_H_MAJ(h) >> 16);
	else
		snprintf(buf, len, "%x:%x", TC_H_MAJ(h) >> 16, TC_H_MIN(h));
	return buf;
}

/* ------------------------------------------------------------ qdisc show */

enum { QS_DEV = 1, QS_ROOT, QS_INGRESS, QS_PARENT, QS_HANDLE, QS_HELP,
       QS_INVISIBLE, QS_QDISC, QS_CLASSID };

static const struct ipl_opt qshow_rows[] = {
	{ "dev", 0, "DEV", QS_DEV, "only this device's" },
	{ "root", 0, NULL, QS_ROOT, "only the root qdisc" },
	{ "ingress", 0, NULL, QS_INGRESS, "only the ingress qdisc" },
	{ "clsact", IPL_ALIAS, NULL, QS_INGRESS },
	{ "parent", IPL_PREFIX, "CLASSID", QS_PARENT,
	  "only the qdisc of this parent" },
	{ "handle", IPL_PREFIX, "QHANDLE", QS_HANDLE,
	  "only the qdisc of this handle" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, QS_HELP },
	{ "invisible", 0, NULL, QS_INVISIBLE, "also the invisible ones" },
	{ NULL },
};

const struct ipl_table tc_qshow_opts = { "tc qdisc show", qshow_rows };

static void show_init(struct tc_show *s, struct nsh *sh,
		      const struct nsh_args *a)
{
	memset(s, 0, sizeof(*s));
	s->sh = sh;
	s->details = sh->o.details;
	s->stats = sh->o.stats;
	s->iec = sh->o.iec;
	/* -raw has no field of its own in nsh_opts */
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && a->bind[i].opt->key >= IPL_KEY_GLOBAL &&
		    streq(a->bind[i].opt->kw, "-raw"))
			s->raw = true;
}

/* print_size_table */
static void print_stab(struct nlattr *stab)
{
	struct nlattr *tb[TCA_STAB_MAX + 1];
	struct tc_sizespec sz = { 0 };

	if (nla_parse_nested(tb, TCA_STAB_MAX, stab, NULL) < 0 ||
	    !tb[TCA_STAB_BASE])
		return;
	memcpy(&sz, nla_data(tb[TCA_STAB_BASE]),
	       MIN((size_t)nla_len(tb[TCA_STAB_BASE]), sizeof(sz)));
	pr_obj_open("stab");
	pr_string(PR_FP, NULL, "%s", " ");
	if (sz.linklayer)
		pr_string(PR_ANY, "linklayer", "linklayer %s ",
			   tc_linklayer_name(sz.linklayer));
	if (sz.overhead)
		pr_int(PR_ANY, "overhead", "overhead %d ", sz.overhead);
	if (sz.mpu)
		pr_uint(PR_ANY, "mpu", "mpu %u ", sz.mpu);
	if (sz.mtu)
		pr_uint(PR_ANY, "mtu", "mtu %u ", sz.mtu);
	if (sz.tsize)
		pr_uint(PR_ANY, "tsize", "tsize %u ", sz.tsize);
	pr_obj_close();
}

/* a qdisc nsh does not know: what tc's stand-in prints */
static void print_unknown(struct nlattr *opt)
{
	if (opt && nla_len(opt))
		printf("[Unknown qdisc, optlen=%u] ", (unsigned)nla_len(opt));
}

/* the selectors of a show: those of a qdisc, and those of a class */
struct tc_filter {
	int ifindex;
	uint32_t parent, handle;	/* qdisc */
	uint32_t qdisc, classid;	/* class */
};

/* a qdisc's first words: kind, handle, dev, parent, refcnt, offload and
 * blocks */
static void print_qdisc_head(struct tc_show *s, const struct tcmsg *t,
			     struct nlattr **tb, const struct tc_filter *f)
{
	char buf[64];

	pr_string(PR_ANY, "kind", "qdisc %s", nla_get_string(tb[TCA_KIND]));
	snprintf(buf, sizeof(buf), "%x:", t->tcm_handle >> 16);
	pr_string(PR_ANY, "handle", " %s", buf);
	if (s->raw) {
		snprintf(buf, sizeof(buf), "[%08x]", t->tcm_handle);
		pr_string(PR_FP, NULL, "%s", buf);
	}
	pr_string(PR_FP, NULL, "%s", " ");
	if (!f->ifindex) {
		pr_string(PR_FP, NULL, "%s", "dev ");
		pr_string(PR_ANY, "dev", "%s ",
			  ipr_ifname(s->sh, t->tcm_ifindex));
	}
	if (t->tcm_parent == TC_H_ROOT)
		pr_bool(PR_ANY, "root", "root ", true);
	else if (t->tcm_parent)
		pr_string(PR_ANY, "parent", "parent %s ",
			  classid_str(t->tcm_parent, buf, sizeof(buf)));
	if (t->tcm_info != 1)
		pr_uint(PR_ANY, "refcnt", "refcnt %u ", t->tcm_info);
	if (tb[TCA_HW_OFFLOAD] && nla_get_u8(tb[TCA_HW_OFFLOAD]))
		pr_bool(PR_ANY, "offloaded", "offloaded ", true);
	if (tb[TCA_INGRESS_BLOCK] && nla_len(tb[TCA_INGRESS_BLOCK]) >= 4 &&
	    nla_get_u32(tb[TCA_INGRESS_BLOCK]))
		pr_uint(PR_ANY, "ingress_block", "ingress_block %u ",
			nla_get_u32(tb[TCA_INGRESS_BLOCK]));
	if (tb[TCA_EGRESS_BLOCK] && nla_len(tb[TCA_EGRESS_BLOCK]) >= 4 &&
	    nla_get_u32(tb[TCA_EGRESS_BLOCK]))
		pr_uint(PR_ANY, "egress_block", "egress_block %u ",
			nla_get_u32(tb[TCA_EGRESS_BLOCK]));
}

static void print_qdisc(struct tc_show *s, struct nlmsghdr *nlh,
			const struct tc_filter *f)
{
	struct tcmsg *t = nlmsg_data(nlh);
	struct nlattr *tb[TCA_MAX + 1], *xstats = NULL;
	const struct tc_kind *k;
	const char *kind;

	if (nlh->nlmsg_type != RTM_NEWQDISC && nlh->nlmsg_type != RTM_DELQDISC)
		return;
	if ((f->ifindex && f->ifindex != t->tcm_ifindex) ||
	    (f->handle && f->handle != t->tcm_handle) ||
	    (f->parent && f->parent != t->tcm_parent))
		return;
	if (nlmsg_parse(nlh, sizeof(*t), tb, TCA_MAX, NULL) < 0 ||
	    !tb[TCA_KIND])
		return;
	kind = nla_get_string(tb[TCA_KIND]);
	pr_obj_open(NULL);
	print_qdisc_head(s, t, tb, f);
	/* pfifo_fast prints as prio does */
	k = tc_kind_find(streq(kind, "pfifo_fast") ? "prio" : kind);
	pr_obj_open("options");
	if (tb[TCA_OPTIONS]) {
		if (k && k->print)
			k->print(s, tb[TCA_OPTIONS]);
		else if (!k)
			print_unknown(tb[TCA_OPTIONS]);
	}
	pr_obj_close();
	pr_nl();
	if (s->details && tb[TCA_STAB]) {
		print_stab(tb[TCA_STAB]);
		pr_nl();
	}
	if (s->stats) {
		if (tb[TCA_STATS] || tb[TCA_STATS2] || tb[TCA_XSTATS]) {
			tc_print_stats(s, tb, " ", &xstats);
			pr_nl();
		}
		if (k && xstats && k->xstats) {
			k->xstats(s, xstats);
			pr_nl();
		}
	}
	pr_obj_close();
}

static int tc_dump(struct nsh *sh, int type, struct tcmsg *t, bool invisible,
		   struct msg_list *l)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	char why[256];
	int err;

	msg = nlmsg_alloc_simple(type, NLM_F_REQUEST);
	if (!msg || nlmsg_append(msg, t, sizeof(*t), NLMSG_ALIGNTO) < 0 ||
	    (invisible && nla_put_flag(msg, TCA_DUMP_INVISIBLE) < 0))
		return nsh_err(sh, "out of memory");
	err = ipr_dump(ns_sock(sh), msg, false, l);
	if (err > 0)
		return 1;
	if (err < 0) {
		msg_list_free(l);
		return nsh_err(sh, "cannot list the %s: %s",
			       type == RTM_GETQDISC ? "qdiscs" : "classes",
			       nl_reason(err, why, sizeof(why)));
	}
	return 0;
}

/* a second filter of the show: tc refuses it */
static int filter_twice(struct nsh *sh, const struct tc_filter *f,
			const char *word)
{
	if (f->parent)
		return nsh_err(sh, "'%s': parent is already specified", word);
	if (f->handle)
		return nsh_err(sh, "'%s': handle is already specified", word);
	return 0;
}

/* the line's words again, for the real tc: "tc", the global options,
 * OBJECT VERB, the row's words */
static int run_real_tc(struct nsh *sh, const struct nsh_args *a,
		       const char *object, const char *verb)
{
	char *argv[NSH_MAX_BIND + 4], real[PATH_MAX];
	int n = 0;

	argv[n++] = (char *)"tc";
	for (int pass = 0; pass < 2; pass++) {
		if (pass) {
			argv[n++] = (char *)object;
			argv[n++] = (char *)verb;
		}
		for (int i = 0; i < a->nbind; i++) {
			const struct ipl_opt *o = a->bind[i].opt;
			bool global = o && o->key >= IPL_KEY_GLOBAL;

			if (global == !pass && a->bind[i].v.text &&
			    n < (int)ARRAY_SIZE(argv) - 1)
				argv[n++] = (char *)a->bind[i].v.text;
		}
	}
	argv[n] = NULL;
	if (exec_find_real("tc", real, sizeof(real)) < 0)
		return nsh_err(sh, "not native, and no real tc to run it");
	argv[0] = real;		/* by its path, never nsh as tc */
	fprintf(stderr, "nsh: tc %s %s: not native, ran the real tc\n",
		object, verb);
	return ns_exec(sh, argv);
}

/*
 * Does the dump hold a kind nsh cannot print as tc would (one tc knows
 * and nsh does not, with options or statistics of its own)?  Then the
 * real tc prints the show.
 */
static bool needs_real_tc(const struct msg_list *l)
{
	for (int i = 0; i < l->n; i++) {
		struct nlattr *tb[TCA_MAX + 1];

		if (nlmsg_parse(l->v[i], sizeof(struct tcmsg), tb, TCA_MAX,
				NULL) < 0 ||
		    !tb[TCA_KIND] || tc_kind_find(nla_get_string(tb[TCA_KIND])))
			continue;
		if ((tb[TCA_OPTIONS] && nla_len(tb[TCA_OPTIONS])) ||
		    tb[TCA_XSTATS])
			return true;
		if (tb[TCA_STATS2]) {
			struct nlattr *st[TCA_STATS_MAX + 1];

			if (nla_parse_nested(st, TCA_STATS_MAX, tb[TCA_STATS2],
					     NULL) == 0 && st[TCA_STATS_APP])
				return true;
		}
	}
	return false;
}

/* show_dump's answer when nsh prints the show itself */
enum { SHOW_NATIVE = -1 };

/*
 * The dump of a show of TYPE (RTM_GETQDISC, RTM_GETTCLASS) into L: DEV's
 * alone if DEV is given (its index into T).  SHOW_NATIVE when nsh prints
 * it; else the line's status: 1 after reporting, or the real tc's when
 * the dump holds a kind only tc can print.
 */
static int show_dump(struct nsh *sh, const struct nsh_args *a,
		     const char *dev, int type, struct tcmsg *t,
		     bool invisible, struct msg_list *l)
{
	ipr_ifname_reset();
	if (dev && link_index(sh, dev, &t->tcm_ifindex))
		return 1;
	if (tc_dump(sh, type, t, invisible, l))
		return 1;
	if (!needs_real_tc(l))
		return SHOW_NATIVE;
	msg_list_free(l);
	return run_real_tc(sh, a, type == RTM_GETQDISC ? "qdisc" : "class",
			   "show");
}

/* a message of a show's dump, printed if F selects it */
typedef void tc_printer(struct tc_show *s, struct nlmsghdr *nlh,
			const struct tc_filter *f);

/* the show of TYPE: its dump (show_dump), each message printed by PRINT
 * in -j's JSON for the qdiscs (the classes' printers print text) */
static int show_list(struct tc_show *s, const struct nsh_args *a,
		     const char *dev, int type, struct tcmsg *t,
		     bool invisible, struct tc_filter *f, tc_printer *print)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	const struct nsh_opts *o = &s->sh->o;
	int rc = show_dump(s->sh, a, dev, type, t, invisible, &l);

	if (rc != SHOW_NATIVE)
		return rc;
	f->ifindex = t->tcm_ifindex;
	if (type == RTM_GETQDISC)
		pr_begin(o->json, o->pretty, o->oneline, true);
	else
		pr_begin(false, false, o->oneline, true);
	for (int i = 0; i < l.n; i++)
		print(s, l.v[i], f);
	pr_end();
	return 0;
}

int tc_qdisc_show(struct nsh *sh, const struct nsh_args *a)
{
	struct tcmsg t = { .tcm_family = AF_UNSPEC };
	struct tc_filter f = { 0 };
	struct tc_show s;
	const char *dev = NULL;
	bool invisible = false;

	show_init(&s, sh, a);
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case QS_DEV: dev = v->text; break;
		case QS_ROOT:
		case QS_INGRESS:
		case QS_PARENT:
			if (filter_twice(sh, &f, a->bind[i].v.text))
				return 1;
			f.parent = o->key == QS_ROOT ? TC_H_ROOT :
				   o->key == QS_INGRESS ? TC_H_INGRESS :
							  (uint32_t)v->num;
			break;
		case QS_HANDLE:
			if (filter_twice(sh, &f, a->bind[i].v.text))
				return 1;
			f.handle = (uint32_t)v->num;
			break;
		case QS_INVISIBLE: invisible = true; break;
		case QS_HELP:
			ipl_usage(a->cmd, stdout);
			return 0;
		default: break;
		}
	}
	return show_list(&s, a, dev, RTM_GETQDISC, &t, invisible, &f,
			 print_qdisc);
}

/* ------------------------------------------------------------ class show */

static const struct ipl_opt cshow_rows[] = {
	{ "dev", IPL_ONCE, "DEV", QS_DEV, "only this device's" },
	{ "qdisc", IPL_ONCE, "QHANDLE", QS_QDISC, "only this qdisc's" },
	{ "classid", IPL_ONCE, "CLASSID", QS_CLASSID, "only this class" },
	{ "root", 0, NULL, QS_ROOT, "only the root classes" },
	{ "parent", 0, "CLASSID", QS_PARENT, "only this parent's classes" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, QS_HELP },
	{ NULL },
};

const struct ipl_table tc_cshow_opts = { "tc class show", cshow_rows };

/* print_class: text only (tc prints classes with fprintf, also with -j) */
static void print_class(struct tc_show *s, struct nlmsghdr *nlh,
			const struct tc_filter *f)
{
	struct tcmsg *t = nlmsg_data(nlh);
	struct nlattr *tb[TCA_MAX + 1], *xstats = NULL;
	const struct tc_kind *k;
	char buf[64] = "";

	if (nlh->nlmsg_type != RTM_NEWTCLASS &&
	    nlh->nlmsg_type != RTM_DELTCLASS)
		return;
	if ((f->qdisc && TC_H_MAJ(t->tcm_handle ^ f->qdisc)) ||
	    (f->classid && t->tcm_handle != f->classid))
		return;
	if (nlmsg_parse(nlh, sizeof(*t), tb, TCA_MAX, NULL) < 0 ||
	    !tb[TCA_KIND])
		return;
	if (t->tcm_handle)
		classid_str(f->qdisc ? TC_H_MIN(t->tcm_handle) : t->tcm_handle,
			    buf, sizeof(buf));
	printf("class %s %s ", nla_get_string(tb[TCA_KIND]), buf);
	if (!f->ifindex)
		printf("dev %s ", ipr_ifname(s->sh, t->tcm_ifindex));
	if (t->tcm_parent == TC_H_ROOT)
		printf("root ");
	else
		printf("parent %s ",
		       classid_str(f->qdisc ? TC_H_MIN(t->tcm_parent) :
					      t->tcm_parent,
				   buf, sizeof(buf)));
	if (t->tcm_info)
		printf("leaf %x: ", t->tcm_info >> 16);
	k = tc_kind_find(nla_get_string(tb[TCA_KIND]));
	if (tb[TCA_OPTIONS]) {
		if (k && k->cprint)
			k->cprint(s, tb[TCA_OPTIONS]);
		else
			fprintf(stderr, "[cannot parse class parameters]");
	}
	printf("\n");
	if (s->stats) {
		if (tb[TCA_STATS] || tb[TCA_STATS2]) {
			tc_print_stats(s, tb, " ", &xstats);
			printf("\n");
		}
		if (k && (xstats || tb[TCA_XSTATS]) && k->xstats) {
			k->xstats(s, xstats ? xstats : tb[TCA_XSTATS]);
			printf("\n");
		}
	}
}

int tc_class_show(struct nsh *sh, const struct nsh_args *a)
{
	struct tcmsg t = { .tcm_family = AF_UNSPEC };
	struct tc_filter f = { 0 };
	struct tc_show s;
	const char *dev = NULL;

	/* -graph's tree is the real tc's */
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && streq(a->bind[i].opt->kw, "-graph"))
			return run_real_tc(sh, a, "class", "show");
	show_init(&s, sh, a);
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case QS_DEV: dev = v->text; break;
		case QS_QDISC: f.qdisc = (uint32_t)v->num; break;
		case QS_CLASSID: f.classid = (uint32_t)v->num; break;
		case QS_ROOT:
		case QS_PARENT:
			if (t.tcm_parent)
				return nsh_err(sh, "'%s': a duplicate parent "
						   "ID", a->bind[i].v.text);
			t.tcm_parent = o->key == QS_ROOT ? TC_H_ROOT :
							   (uint32_t)v->num;
			break;
		case QS_HELP:
			ipl_usage(a->cmd, stdout);
			return 0;
		default: break;
		}
	}
	return show_list(&s, a, dev, RTM_GETTCLASS, &t, false, &f,
			 print_class);
}
