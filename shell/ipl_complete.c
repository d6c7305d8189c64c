/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipl_complete.c - completion and `?` for the lines of iproute2's roots:
 * the line is walked as for running it (ipl_line.c), with the walk noting
 * where the words ended and what may come there: a root, a global option
 * or an object, a verb, a keyword of the row's tables or a value.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "ipl_priv.h"

struct cctx {
	const struct nsh_family *fam;	/* the row's, for its types */
	const char *prefix;	/* NULL: `?` (list what may come) */
	void (*add)(void *ctx, const char *word, const char *help);
	void *ctx;
};

static void offer(const struct cctx *c, const char *word, const char *help)
{
	if (!c->prefix || strncmp(word, c->prefix, strlen(c->prefix)) == 0)
		c->add(c->ctx, word, help);
}

/* the candidates for a value of ARG */
static void offer_arg(struct nsh *sh, const struct cctx *c, const char *arg,
		      const char *help)
{
	char buf[256];

	if (!arg)
		return;
	if (ipl_is_choices(arg)) {
		snprintf(buf, sizeof(buf), "%s", arg);
		for (char *s = buf, *e; *s; s = e) {
			e = s + strcspn(s, "|");
			if (*e)
				*e++ = '\0';
			offer(c, s, help);
		}
		return;
	}
	{
		const struct nsh_type *t = ipl_find_type(c->fam, arg);

		if (!c->prefix || !*c->prefix)
			c->add(c->ctx, arg, t ? t->help : help);
		if (t && t->complete && c->prefix)
			t->complete(sh, c->prefix, c->add, c->ctx);
	}
}

/*
 * The candidates of table T: while its main argument (the default row,
 * the link of `ip link set`) is missing, only that (its keyword and its
 * values), as the line is usually written; then every keyword.
 */
static void offer_table(struct nsh *sh, const struct cctx *c,
			const struct ipl_parse *p, const struct ipl_table *t)
{
	const struct ipl_opt *d = ipl_free_default(p, t, 0);
	bool main_missing = d && (d->flags & IPL_ONCE) && !(d->flags & IPL_MULTI);

	if (d && (d->flags & IPL_ALIAS))	/* words taken, not offered */
		d = NULL;
	if (d) {
		char first[64];

		snprintf(first, sizeof(first), "%.*s",
			 (int)strcspn(d->arg ? d->arg : "", " "),
			 d->arg ? d->arg : "");
		if (first[0])
			offer_arg(sh, c, first, d->help);
	}
	for (const struct ipl_opt *o = t->opts; o->kw; o++) {
		if ((o->flags & (IPL_ALIAS | IPL_NOKW)) ||
		    (main_missing && o != d))
			continue;
		if ((o->flags & IPL_DEFAULT) && o != d)
			continue;
		offer(c, o->kw, o->help);
	}
}

/* what OBJECT of root R is, for completion: the summary of the family
 * named like it when that family has rows of R (ip's link, route…), else
 * that of the object's row without a verb (bridge fdb, tc qdisc) */
static const char *object_summary(const struct ipl_root *r, const char *object)
{
	const struct irow *x = ipl_find_row(r, object, NULL);
	int n;
	const struct irow *rows = ipl_rows(&n);

	for (int i = 0; i < n; i++)
		if (rows[i].root == r && streq(rows[i].object, object) &&
		    streq(rows[i].fam->name, object))
			return rows[i].fam->summary;
	return x && x->cmd->summary ? x->cmd->summary : "";
}

/* the first word: the roots */
static void offer_roots(const struct cctx *c)
{
	size_t n;
	const struct ipl_root *roots = ipl_roots(&n);

	for (size_t i = 0; i < n; i++)
		offer(c, roots[i].name, roots[i].summary);
}

/* after the root: its global options (when the word begins with '-'),
 * else its objects that nsh does natively */
static void offer_objects(const struct cctx *c, const struct ipl_root *r)
{
	if (c->prefix && c->prefix[0] == '-') {
		for (const struct ipl_opt *o = r->globals; o->kw; o++)
			if (!(o->flags & IPL_ALIAS))
				offer(c, o->kw, o->help);
		return;
	}
	for (const struct ipl_object *o = r->objects; o->name; o++) {
		if (!o->native || !ipl_has_rows(r, o->native))
			continue;
		offer(c, o->name, object_summary(r, o->native));
	}
}

/* after the object: the verbs of its native rows */
static void offer_verbs(const struct cctx *c, const struct line *l)
{
	int n;
	const struct irow *rows = ipl_rows(&n);
	char vb[32];

	for (int i = 0; i < n; i++) {
		const struct irow *x = &rows[i];

		if (x->root != l->root || !x->verbs[0] ||
		    !streq(x->object, l->obj->native) || !x->cmd->fn ||
		    (x->cmd->flags & NSH_CMD_HIDDEN))
			continue;
		offer(c, ipl_verb_main(x->verbs, vb, sizeof(vb)),
		      x->cmd->summary);
	}
}

/* what may come where the walk P of line L ended */
static void offer_end(struct nsh *sh, const struct cctx *c,
		      const struct ipl_parse *p, const struct line *l)
{
	if (p->exp_arg) {
		offer_arg(sh, c, p->exp_arg,
			  p->exp_opt && p->exp_opt->help ? p->exp_opt->help : "");
		return;
	}
	switch (l->end) {
	case ST_OBJECT:
		offer_objects(c, l->root);
		break;
	case ST_VERB:
		offer_verbs(c, l);
		break;
	case ST_ARGS:
		for (int i = 0; i < p->nexp_tab; i++)
			offer_table(sh, c, p, p->exp_tab[i]);
		break;
	default:
		break;
	}
}

void ipl_complete(struct nsh *sh, int argc, char **argv, const char *prefix,
		  void (*add)(void *ctx, const char *word, const char *help),
		  void *ctx)
{
	struct nsh_args *a;
	struct ipl_parse p;
	struct line l = { 0 };
	struct cctx c = { NULL, prefix, add, ctx };
	int rc;

	if (!argc) {
		offer_roots(&c);
		return;
	}
	if (!ipl_root_of(argv[0]))
		return;
	a = malloc(sizeof(*a));
	if (!a)
		return;
	ipl_parse_init(&p, sh, argc, argv, a);
	p.completing = true;
	rc = ipl_walk_line(&p, &l);
	c.fam = p.fam;
	/* the end of the words, or a row without words of its own */
	if (rc == IPL_END || (rc == 0 && p.i >= argc && l.end == ST_ARGS &&
			      !l.row->cmd->opts))
		offer_end(sh, &c, &p, &l);
	free(a);
}
