/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * match.c - the matcher: words against the compiled grammars of every
 * row (grammar.h), for running a line, completing it and `?`.
 *
 * Matching is a backtracking walk in continuation-passing style over every
 * row: every complete parse is scored word by word (exact keyword 3,
 * abbreviation 2, placeholder 1) and the best one wins; a tie between two
 * commands is reported as ambiguous.  Independently, a word that is a
 * prefix of two or more keywords possible at its position, and exactly
 * none, is ambiguous (unique-prefix rule; never first-match as in
 * iproute2's matches()).  The lines of iproute2's roots go to ipl.c's
 * walk instead.
 *
 * The same walk with the cursor at the end of the words yields the
 * candidates for completion and `?` help.
 */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "grammar.h"
#include "ipl.h"
#include "match_priv.h"

struct cont {
	const struct gnode *n;	/* continue with this sequence */
	const struct gnode *rep;	/* or: after one round of this G_REP */
	int rep_start;
	const struct cont *up;
};

/* a fresh walk over the NTOK words TOK (the big arrays are not cleared:
 * ~20 KB per line was a fifth of a script's parsing time) */
static void m_reset(struct mctx *c, char **tok, int ntok, struct nsh *sh)
{
	memset(c, 0, offsetof(struct mctx, expect));
	c->tok = tok;
	c->ntok = ntok;
	c->sh = sh;
	memset(c->npfx, 0, (size_t)ntok);
	memset(c->exact, 0, (size_t)ntok);
	for (int i = 0; i < ntok; i++)
		c->toklen[i] = strlen(tok[i]);
}

static void m_seq(const struct gnode *n, int pos, const struct cont *k,
		  struct mctx *c);

static void note_far(struct mctx *c, int pos, const char *expect)
{
	if (!c->collect)
		return;
	if (pos > c->far) {
		const char *p = c->row->name;
		int words = c->namedepth;

		c->far = pos;
		c->nexpect = 0;
		/* the command words matched so far: "ip netns" */
		while (*p && (words > 1 || *p != ' ')) {
			if (*p == ' ')
				words--;
			p++;
		}
		snprintf(c->far_name, sizeof(c->far_name), "%.*s",
			 (int)(p - c->row->name), c->row->name);
	}
	if (c->row->cmd->flags & NSH_CMD_HIDDEN)
		expect = NULL;
	if (pos == c->far && expect) {
		for (int i = 0; i < c->nexpect; i++)
			if (streq(c->expect[i], expect))
				return;
		if (c->nexpect < MAX_EXPECT)
			c->expect[c->nexpect++] = expect;
	}
}

static int cmp_score(const signed char *a, const signed char *b, int n)
{
	for (int i = 0; i < n; i++)
		if (a[i] != b[i])
			return a[i] - b[i];
	return 0;
}

static void complete_here(struct mctx *c)
{
	int r;

	if (c->completing)
		return;
	r = c->have ? cmp_score(c->score, c->best_score, c->ntok) : 1;
	if (r > 0) {
		c->have = true;
		c->best_row = c->row;
		c->tie_row = NULL;
		memcpy(c->best_bind, c->bind, sizeof(c->bind[0]) * c->nbind);
		c->best_nbind = c->nbind;
		memcpy(c->best_score, c->score, (size_t)c->ntok);
		c->best_rest_pos = c->rest_pos;
	} else if (r == 0 && c->best_row != c->row) {
		c->tie_row = c->row;
	}
}

static void m_next(int pos, const struct cont *k, struct mctx *c)
{
	if (!k) {
		if (pos == c->ntok)
			complete_here(c);
		else
			note_far(c, pos, NULL);
		return;
	}
	if (k->rep) {
		/* after one round of a {…}...: leave it, or go round again */
		m_seq(k->rep->next, pos, k->up, c);
		if (pos > k->rep_start)
			m_seq(k->rep, pos, k->up, c);
		return;
	}
	m_seq(k->n, pos, k->up, c);
}

/* T (LEN bytes) is one of the "/"-separated hidden abbreviations of N */
static bool is_alias(const struct gnode *n, const char *t, size_t len)
{
	for (const char *a = n->alias; a && *a;) {
		size_t l = strcspn(a, "/");

		if (l == len && a[0] == t[0] && memcmp(a, t, l) == 0)
			return true;
		a += l + (a[l] == '/');
	}
	return false;
}

/* how well word T (LEN bytes) names keyword N: 3 exactly (or a hidden
 * abbreviation), 2 as a prefix, 0 not at all */
static int kw_quality(const struct gnode *n, const char *t, size_t len)
{
	/* most keywords differ at once: spare them the string calls */
	if (t[0] != n->word[0]) {
		for (const char *f = n->afirst; *f; f++)
			if (*f == t[0])
				return is_alias(n, t, len) ? 3 : 0;
		return 0;
	}
	if ((len == n->wlen && memcmp(t, n->word, len) == 0) ||
	    (n->alias && is_alias(n, t, len)))
		return 3;
	if (!n->root && len && len < n->wlen && memcmp(n->word, t, len) == 0)
		return 2;
	return 0;
}

static void note_prefix(struct mctx *c, int pos, const struct gnode *n, int q)
{
	if (q == 3) {
		c->exact[pos] = true;
		return;
	}
	for (int i = 0; i < c->npfx[pos]; i++)
		if (streq(c->pfx[pos][i], n->word))
			return;
	if (c->npfx[pos] < 4)
		c->pfx[pos][c->npfx[pos]++] = n->word;
}

/* the help line for keyword N: the command's summary for its last name
 * word or an option, the family's for a word in the middle ("link") */
static const char *kw_help(const struct mctx *c, const struct gnode *n)
{
	if (n->lastname || !n->inname)
		return c->row->cmd->summary ? c->row->cmd->summary : "";
	return c->row->fam->summary;
}

static void m_kw(const struct gnode *n, int pos, const struct cont *k,
		 struct mctx *c)
{
	int q;

	if (pos == c->ntok) {
		if (c->completing && (!c->cprefix ||
				      strncmp(n->word, c->cprefix,
					      strlen(c->cprefix)) == 0))
			c->add(c->actx, n->word, kw_help(c, n));
		note_far(c, pos, n->word);
		return;
	}
	q = kw_quality(n, c->tok[pos], c->toklen[pos]);
	if (!q) {
		note_far(c, pos, n->word);
		return;
	}
	note_prefix(c, pos, n, q);
	if (c->nbind == NSH_MAX_BIND) {
		c->overflow = true;
		return;
	}
	c->bind[c->nbind] = (struct nsh_bind){ .name = n->word, .is_kw = true,
					       .tok = pos };
	c->bind[c->nbind].v.text = c->tok[pos];
	c->nbind++;
	c->score[pos] = (signed char)q;
	c->namedepth += n->inname;
	m_seq(n->next, pos + 1, k, c);
	c->namedepth -= n->inname;
	c->nbind--;
}

/* completing or noting at the end of the words: what placeholder N's type
 * offers there (its name and help for `?`, its live values for TAB) */
static void m_ph_end(const struct gnode *n, int pos, struct mctx *c)
{
	const struct nsh_type *t = n->type;

	if (c->completing) {
		if (!c->cprefix || !*c->cprefix)
			c->add(c->actx, t->name, t->help);
		if (t->complete && c->cprefix)
			t->complete(c->sh, c->cprefix, c->add, c->actx);
	}
	note_far(c, pos, t->name);
}

/* a type that takes the rest of the words ("ARGS...") */
static void m_rest(const struct gnode *n, int pos, const struct cont *k,
		   struct mctx *c)
{
	c->rest_pos = pos;
	for (int i = pos; i < c->ntok; i++)
		c->score[i] = 1;
	m_seq(n->next, c->ntok, k, c);
	c->rest_pos = 0;
}

/* the word at POS is not a value of its type: the reason, if it is the
 * furthest one so far */
static void note_type_err(struct mctx *c, int pos, const char *err)
{
	char esc[160];

	if (!c->collect || pos < c->type_err_pos)
		return;
	snprintf(c->type_err, sizeof(c->type_err), "'%s': %s",
		 str_escape(c->tok[pos], esc, sizeof(esc)), err);
	c->type_err_pos = pos;
	note_far(c, pos, NULL);
}

static void m_ph(const struct gnode *n, int pos, const struct cont *k,
		 struct mctx *c)
{
	const struct nsh_type *t = n->type;
	struct nsh_bind *b;
	const char *err = NULL;
	char ebuf[128];

	if (pos == c->ntok) {
		m_ph_end(n, pos, c);
		return;
	}
	if (t->rest) {
		m_rest(n, pos, k, c);
		return;
	}
	if (c->nbind == NSH_MAX_BIND) {
		c->overflow = true;
		return;
	}
	b = &c->bind[c->nbind];
	memset(b, 0, sizeof(*b));
	b->name = n->word;
	b->tok = pos;
	b->v.text = c->tok[pos];
	ebuf[0] = '\0';
	if (t->parse && t->parse(c->tok[pos], &b->v, ebuf, sizeof(ebuf),
				 &err) < 0) {
		note_type_err(c, pos, err ? err : ebuf);
		return;
	}
	c->nbind++;
	c->score[pos] = 1;
	m_seq(n->next, pos + 1, k, c);
	c->nbind--;
}

/* none of group N's alternatives can take the word at POS (only when
 * neither an error message nor completion needs to know what they were) */
static bool skip_group(const struct gnode *n, int pos, const struct mctx *c)
{
	return n->kwonly && !c->collect && !c->completing && pos < c->ntok &&
	       !first_has(n, (unsigned char)c->tok[pos][0]);
}

/*
 * Which of group N's alternatives to walk at POS (WALK[i]); returns true
 * if one starts with a keyword the word names exactly.  Then the ones
 * that would take the word only as an abbreviation can never win: skip
 * them (without this, "-s -s -s …" explores 2^n ways to read "-s" as
 * "-stats").  Unless an error message or completion needs to know what
 * was possible, a keyword that does not name the word is not walked
 * either.  Each keyword is compared once.
 */
static bool group_walk(const struct gnode *n, int pos, const struct mctx *c,
		       bool *walk)
{
	bool lazy = !c->collect && !c->completing, exact = false;
	signed char q[MAX_ALTS];

	for (int i = 0; i < n->nalts; i++) {
		const struct gnode *a = n->alts[i];

		q[i] = pos < c->ntok && a && a->kind == G_KW ?
			       (signed char)kw_quality(a, c->tok[pos],
						       c->toklen[pos]) :
			       -1;
		exact |= q[i] == 3;
	}
	for (int i = 0; i < n->nalts; i++)
		walk[i] = !(exact && q[i] == 2) && !(lazy && q[i] == 0);
	return exact;
}

static void m_seq(const struct gnode *n, int pos, const struct cont *k,
		  struct mctx *c)
{
	if (!n) {
		m_next(pos, k, c);
		return;
	}
	switch (n->kind) {
	case G_KW:
		m_kw(n, pos, k, c);
		break;
	case G_PH:
		m_ph(n, pos, k, c);
		break;
	case G_OPT:
	case G_GRP: {
		struct cont after = { .n = n->next, .up = k };
		bool walk[MAX_ALTS] = { false }, exact = false;

		if (!skip_group(n, pos, c)) {
			exact = group_walk(n, pos, c, walk);
			for (int i = 0; i < n->nalts; i++)
				if (walk[i])
					m_seq(n->alts[i], pos, &after, c);
		}
		/* a word that is exactly the optional keyword is that
		 * keyword: "set dev up" names a link "up", as iproute2 */
		if (n->kind == G_OPT && !exact)
			m_seq(n->next, pos, k, c);
		break;
	}
	case G_REP: {
		struct cont again = { .rep = n, .rep_start = pos, .up = k };
		bool walk[MAX_ALTS] = { false };

		if (skip_group(n, pos, c))
			break;
		group_walk(n, pos, c, walk);
		for (int i = 0; i < n->nalts; i++)
			if (walk[i])
				m_seq(n->alts[i], pos, &again, c);
		break;
	}
	}
}

/*
 * Could row R match at all?  Its first word must be the line's: most
 * rows are ruled out without a walk.
 */
static bool row_may_match(const struct grow *r, const struct mctx *c)
{
	if (!r->seq)
		return false;
	if (c->ntok == 0)
		return true;
	return r->seq->word[0] == c->tok[0][0] && streq(r->seq->word, c->tok[0]);
}

static void m_all(struct mctx *c)
{
	int nrows;
	const struct grow *rows = grammar_rows(&nrows);
	bool filter = false;

	/* filter only if some row passes: an unknown word still gets the
	 * list of the words that were possible */
	for (int i = 0; i < nrows && !filter; i++)
		filter = row_may_match(&rows[i], c);
	c->type_err_pos = -1;
	for (int i = 0; i < nrows; i++) {
		if (!rows[i].seq)
			continue;
		if (c->completing && (rows[i].cmd->flags & NSH_CMD_HIDDEN))
			continue;
		if (filter && !row_may_match(&rows[i], c))
			continue;
		c->row = &rows[i];
		c->nbind = 0;
		m_seq(rows[i].seq, 0, NULL, c);
	}
}

int cmdtree_match(struct nsh *sh, int argc, char **argv, struct nsh_args *ret)
{
	struct mctx *c;
	int rc;

	if (argc <= 0)
		return nsh_err_raw(sh, "empty command");
	if (ipl_is_root(argv[0]))
		return ipl_match(sh, argc, argv, ret);
	c = malloc(sizeof(*c));
	if (!c)
		return nsh_err_raw(sh, "out of memory");
	m_reset(c, argv, argc, sh);
	m_all(c);
	if (!c->have && !c->overflow) {
		/* again, noting what was expected where, to say why */
		m_reset(c, argv, argc, sh);
		c->collect = true;
		m_all(c);
	}
	rc = match_result(sh, c, ret);
	free(c);
	return rc;
}

void cmdtree_complete(struct nsh *sh, int argc, char **argv,
		      const char *prefix, cmdtree_add_fn add, void *ctx)
{
	struct mctx *c;

	if (argc > 0 && ipl_is_root(argv[0])) {
		ipl_complete(sh, argc, argv, prefix, add, ctx);
		return;
	}
	if (argc == 0)	/* iproute2's roots are words too */
		ipl_complete(sh, argc, argv, prefix, add, ctx);
	c = malloc(sizeof(*c));
	if (!c)
		return;
	m_reset(c, argv, argc, sh);
	c->collect = true;
	c->completing = true;
	c->cprefix = prefix;
	c->add = add;
	c->actx = ctx;
	m_all(c);
	free(c);
}
