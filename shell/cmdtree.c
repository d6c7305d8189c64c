/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmdtree.c - compile the command declarations into small grammars and
 * match words against them.
 *
 * Each row of each family (struct nsh_cmd) is compiled once into a tree of
 * nodes: keyword, placeholder, optional group, choice group, any-order
 * repeated group.  Matching is a backtracking walk in continuation-passing
 * style over every row: every complete parse is scored word by word (exact
 * keyword 3, abbreviation 2, placeholder 1) and the best one wins; a tie
 * between two commands is reported as ambiguous.  Independently, a word
 * that is a prefix of two or more keywords possible at its position, and
 * exactly none, is ambiguous (unique-prefix rule; never first-match as in
 * iproute2's matches()).
 *
 * The same walk with the cursor at the end of the words yields the
 * candidates for completion and `?` help.
 */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "ipl.h"

enum gkind { G_KW, G_PH, G_OPT, G_GRP, G_REP };

#define MAX_ALTS 32		/* alternatives in one group */

struct gnode {
	enum gkind kind;
	char *word;		/* G_KW: keyword; G_PH: binding name */
	size_t wlen;		/* G_KW: strlen(word) */
	char afirst[8];		/* G_KW: the first letters of the aliases */
	char *alias;		/* G_KW: hidden exact abbreviation */
	bool root;		/* G_KW: first word, exact match only */
	bool inname;		/* G_KW: one of the leading command words */
	bool lastname;		/* G_KW: the last of them */
	const struct nsh_type *type;	/* G_PH */
	struct gnode **alts;	/* groups: alternative sequences */
	int nalts;
	bool kwonly;		/* groups: every alternative starts with a
				 * keyword, whose first letters are in first */
	unsigned char first[32];
	struct gnode *next;
};

struct grow {
	const struct nsh_cmd *cmd;
	const struct nsh_family *fam;
	struct gnode *seq;
	char name[64];		/* leading keywords: "ip link add" */
};

static struct grow *rows;
static int nrows;

/* ------------------------------------------------------------ compiling */

struct slex {
	const char *p;
	char tok[64];
	const char *syntax;
};

/* next syntax token: a bracket, '|', "...", or a word */
static const char *slex_next(struct slex *s)
{
	size_t n = 0;

	while (*s->p == ' ')
		s->p++;
	if (!*s->p)
		return NULL;
	if (strchr("[](){}|", *s->p)) {
		s->tok[0] = *s->p++;
		s->tok[1] = '\0';
		return s->tok;
	}
	if (strncmp(s->p, "...", 3) == 0) {
		s->p += 3;
		return strcpy(s->tok, "...");
	}
	while (*s->p && !strchr(" [](){}|", *s->p) &&
	       strncmp(s->p, "...", 3) != 0 && n < sizeof(s->tok) - 1)
		s->tok[n++] = *s->p++;
	s->tok[n] = '\0';
	return s->tok;
}

static const char *slex_peek(struct slex *s, char *buf, size_t len)
{
	struct slex t = *s;
	const char *r = slex_next(&t);
	size_t n;

	if (!r)
		return NULL;
	/* not snprintf: this runs for every token at start-up */
	n = strnlen(r, len - 1);
	memcpy(buf, r, n);
	buf[n] = '\0';
	return buf;
}

static bool is_placeholder(const char *w)
{
	if (!isupper((unsigned char)*w))
		return false;
	for (; *w && *w != '$'; w++)
		if (!isupper((unsigned char)*w) && !isdigit((unsigned char)*w) &&
		    *w != '_')
			return false;
	return true;
}

static void grammar_bug(const struct slex *s, const char *what)
{
	fprintf(stderr, "nsh: bug: command syntax '%s': %s\n", s->syntax, what);
	abort();
}

static struct gnode *parse_seq(struct slex *s);

static struct gnode *new_node(enum gkind k)
{
	struct gnode *n = calloc(1, sizeof(*n));

	if (!n)
		abort();
	n->kind = k;
	return n;
}

/* parse "alt | alt | …" up to the closing CLOSE */
static void parse_alts(struct slex *s, struct gnode *g, char close)
{
	char buf[64];

	for (;;) {
		if (g->nalts == MAX_ALTS)
			grammar_bug(s, "too many alternatives in a group");
		g->alts = realloc(g->alts, sizeof(*g->alts) * (g->nalts + 1));
		if (!g->alts)
			abort();
		g->alts[g->nalts++] = parse_seq(s);
		const char *t = slex_next(s);

		if (!t)
			grammar_bug(s, "unclosed group");
		if (t[0] == close)
			break;
		if (t[0] != '|')
			grammar_bug(s, "expected '|'");
	}
	(void)buf;
}

static void first_set(struct gnode *g, unsigned char ch)
{
	g->first[ch / 8] |= (unsigned char)(1u << (ch % 8));
}

static bool first_has(const struct gnode *g, unsigned char ch)
{
	return g->first[ch / 8] & (1u << (ch % 8));
}

/* the letters group G's alternatives can start with, if all start with a
 * keyword: a word starting otherwise need not walk them */
static void group_firsts(struct gnode *g)
{
	g->kwonly = true;
	for (int i = 0; i < g->nalts && g->kwonly; i++) {
		const struct gnode *a = g->alts[i];

		if (!a || a->kind != G_KW) {
			g->kwonly = false;
			break;
		}
		first_set(g, (unsigned char)a->word[0]);
		for (const char *al = a->alias; al && *al;) {
			first_set(g, (unsigned char)*al);
			al += strcspn(al, "/");
			al += *al == '/';
		}
	}
}

static struct gnode *parse_item(struct slex *s)
{
	char buf[64];
	const char *t = slex_next(s);
	struct gnode *n;

	if (t[0] == '[') {
		n = new_node(G_OPT);
		parse_alts(s, n, ']');
	} else if (t[0] == '(') {
		n = new_node(G_GRP);
		parse_alts(s, n, ')');
	} else if (t[0] == '{') {
		n = new_node(G_REP);
		parse_alts(s, n, '}');
		t = slex_peek(s, buf, sizeof(buf));
		if (!t || !streq(t, "..."))
			grammar_bug(s, "'{…}' must be followed by '...'");
		slex_next(s);
	} else if (is_placeholder(t)) {
		char *dollar;

		n = new_node(G_PH);
		n->word = strdup(t);
		dollar = strchr(n->word, '$');
		if (dollar)
			*dollar = '\0';
		n->type = type_find(n->word);
		if (!n->type)
			grammar_bug(s, "placeholder without a type");
		if (dollar) {
			char *b = strdup(dollar + 1);

			free(n->word);
			n->word = b;
		} else {
			for (char *c = n->word; *c; c++)
				*c = (char)tolower((unsigned char)*c);
		}
		t = slex_peek(s, buf, sizeof(buf));
		if (t && streq(t, "...")) {
			slex_next(s);
			if (!n->type->rest)
				grammar_bug(s, "'...' after a single-word type");
		}
	} else {
		char *slash;

		n = new_node(G_KW);
		n->word = strdup(t);
		slash = strchr(n->word, '/');
		if (slash) {
			*slash = '\0';
			n->alias = strdup(slash + 1);
		}
		n->wlen = strlen(n->word);
		for (const char *al = n->alias; al && *al;) {
			size_t k = strlen(n->afirst);

			if (k < sizeof(n->afirst) - 1 && !strchr(n->afirst, *al))
				n->afirst[k] = *al;
			if (k == sizeof(n->afirst) - 1)
				grammar_bug(s, "too many aliases");
			al += strcspn(al, "/");
			al += *al == '/';
		}
	}
	if (n->nalts)
		group_firsts(n);
	return n;
}

static struct gnode *parse_seq(struct slex *s)
{
	struct gnode *head = NULL, **tail = &head;
	char buf[64];
	const char *t;

	while ((t = slex_peek(s, buf, sizeof(buf))) && !strchr("])}|", t[0])) {
		*tail = parse_item(s);
		tail = &(*tail)->next;
	}
	return head;
}

static void free_seq(struct gnode *n)
{
	while (n) {
		struct gnode *next = n->next;

		for (int i = 0; i < n->nalts; i++)
			free_seq(n->alts[i]);
		free(n->alts);
		free(n->word);
		free(n->alias);
		free(n);
		n = next;
	}
}

/* mark the leading command words and join them: "spawn list" */
static void row_name(struct grow *r)
{
	struct gnode *last = NULL;
	size_t used = 0;

	for (struct gnode *n = r->seq; n; n = n->next) {
		if (n->kind != G_KW)
			break;
		n->inname = true;
		last = n;
		used += (size_t)snprintf(r->name + used, sizeof(r->name) - used,
					 "%s%s", used ? " " : "", n->word);
		if (used >= sizeof(r->name))
			break;
	}
	if (last)
		last->lastname = true;
}

static const struct nsh_family *const *families;

const struct nsh_family *const *cmdtree_families(void)
{
	return families;
}

int cmdtree_init(const struct nsh_family *const *fams,
		 const struct nsh_type *shared_types)
{
	families = fams;
	types_init(fams, shared_types);
	for (int f = 0; families[f]; f++)
		for (const struct nsh_cmd *c = families[f]->cmds; c->syntax;
		     c++) {
			char syntax[512];
			struct slex s;
			struct grow *r;

			char root[32];

			snprintf(root, sizeof(root), "%.*s",
				 (int)strcspn(c->syntax, " "), c->syntax);
			snprintf(syntax, sizeof(syntax), "%s", c->syntax);
			rows = realloc(rows, sizeof(*rows) * (nrows + 1));
			if (!rows)
				abort();
			r = &rows[nrows++];
			memset(r, 0, sizeof(*r));
			r->cmd = c;
			r->fam = families[f];
			/* iproute2's roots have their own walk (ipl.c) */
			if (ipl_is_root(root)) {
				snprintf(r->name, sizeof(r->name), "%s",
					 c->syntax);
				continue;
			}
			s.p = syntax;
			s.syntax = c->syntax;
			r->seq = parse_seq(&s);
			if (*s.p)
				grammar_bug(&s, "unbalanced brackets");
			if (!r->seq || r->seq->kind != G_KW)
				grammar_bug(&s, "must start with a keyword");
			r->seq->root = true;
			row_name(r);
		}
	return ipl_init(families);
}

void cmdtree_fini(void)
{
	for (int i = 0; i < nrows; i++)
		free_seq(rows[i].seq);
	free(rows);
	rows = NULL;
	nrows = 0;
}

/* WORD is (or abbreviates, unless FIRST) the command word KW ("exec") */
static bool names_kw(const char *word, const char *kw, size_t kwlen,
		     bool first)
{
	size_t n = strlen(word);

	if (first)
		return n == kwlen && !strncmp(word, kw, n);
	return n && n <= kwlen && !strncmp(word, kw, n);
}

int cmdtree_context_words(int argc, char **argv)
{
	for (int i = 0; i < nrows; i++) {
		const char *p = rows[i].name;
		int k = 0;

		if ((rows[i].cmd->flags & (NSH_CMD_NESTED | NSH_CMD_CONTEXT)) !=
		    (NSH_CMD_NESTED | NSH_CMD_CONTEXT))
			continue;
		while (*p && k < argc) {
			size_t len = strcspn(p, " "), kwlen = strcspn(p, " /");

			if (!names_kw(argv[k], p, kwlen, k == 0))
				break;
			k++;
			p += len;
			p += strspn(p, " ");
		}
		if (!*p && k > 0 && argc >= k + 2)
			return k + 1;
	}
	return 0;
}

bool cmdtree_is_root(const char *word)
{
	if (ipl_is_root(word))
		return true;
	for (int i = 0; i < nrows; i++)
		if (rows[i].seq && streq(rows[i].seq->word, word))
			return true;
	return false;
}

/* ------------------------------------------------------------ matching */

struct cont {
	const struct gnode *n;	/* continue with this sequence */
	const struct gnode *rep;	/* or: after one round of this G_REP */
	int rep_start;
	const struct cont *up;
};

#define MAX_EXPECT 48

struct mctx {
	/* cleared before every walk (m_reset), up to 'expect' */
	char **tok;
	int ntok;
	const struct grow *row;
	int nbind;		/* of the current path */
	int rest_pos;
	/* best complete parse */
	bool have;
	const struct grow *best_row;
	int best_nbind;
	const struct grow *tie_row;
	int best_rest_pos;
	/* the furthest failure, noted only when collecting (error messages:
	 * a line that matches never needs them, so it is walked without) */
	bool collect;
	int far;
	int namedepth;		/* leading command words matched on this path */
	int nexpect;
	int type_err_pos;
	char far_name[64];
	bool overflow;		/* more words than NSH_MAX_BIND bindings */
	/* completion */
	bool completing;
	const char *cprefix;
	cmdtree_add_fn add;
	void *actx;
	struct nsh *sh;
	/* written before they are read (npfx and exact: cleared per word) */
	const char *expect[MAX_EXPECT];
	char type_err[320];
	struct nsh_bind bind[NSH_MAX_BIND];
	signed char score[NSH_MAX_WORDS];
	struct nsh_bind best_bind[NSH_MAX_BIND];
	signed char best_score[NSH_MAX_WORDS];
	size_t toklen[NSH_MAX_WORDS];
	/* unique-prefix bookkeeping, per word */
	const char *pfx[NSH_MAX_WORDS][4];
	unsigned char npfx[NSH_MAX_WORDS];
	bool exact[NSH_MAX_WORDS];
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

static void m_ph(const struct gnode *n, int pos, const struct cont *k,
		 struct mctx *c)
{
	const struct nsh_type *t = n->type;
	struct nsh_bind *b;
	const char *err = NULL;
	char ebuf[128];

	if (t->rest) {
		if (pos == c->ntok) {
			if (c->completing && (!c->cprefix || !*c->cprefix))
				c->add(c->actx, t->name, t->help);
			if (c->completing && t->complete && c->cprefix)
				t->complete(c->sh, c->cprefix, c->add, c->actx);
			note_far(c, pos, t->name);
			return;
		}
		c->rest_pos = pos;
		for (int i = pos; i < c->ntok; i++)
			c->score[i] = 1;
		m_seq(n->next, c->ntok, k, c);
		c->rest_pos = 0;
		return;
	}
	if (pos == c->ntok) {
		if (c->completing) {
			if (!c->cprefix || !*c->cprefix)
				c->add(c->actx, t->name, t->help);
			if (t->complete && c->cprefix)
				t->complete(c->sh, c->cprefix, c->add, c->actx);
		}
		note_far(c, pos, t->name);
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
		if (c->collect && pos >= c->type_err_pos) {
			char esc[160];

			snprintf(c->type_err, sizeof(c->type_err), "'%s': %s",
				 str_escape(c->tok[pos], esc, sizeof(esc)),
				 err ? err : ebuf);
			c->type_err_pos = pos;
			note_far(c, pos, NULL);
		}
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

/* join up to 12 expected words: "'add', 'delete' or 'set'" */
static void expect_list(const struct mctx *c, char *buf, size_t len)
{
	const char *v[MAX_EXPECT] = { NULL };
	size_t used = 0;
	int n = 0;

	/* iproute2's 16 global options would hide the objects: list them
	 * only when nothing else may come */
	for (int i = 0; i < c->nexpect; i++)
		if (c->expect[i][0] != '-')
			v[n++] = c->expect[i];
	if (n == 0)
		for (int i = 0; i < c->nexpect; i++)
			v[n++] = c->expect[i];
	buf[0] = '\0';
	for (int i = 0; i < n && i < 12 && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 i == 0 ? "" :
					 (i == n - 1 || i == 11) ? " or " : ", ",
					 v[i]);
	if (n > 12 && used < len)
		snprintf(buf + used, len - used, ", …");
}

int cmdtree_match(struct nsh *sh, int argc, char **argv, struct nsh_args *ret)
{
	struct mctx *c;
	char list[400], esc[160];
	int rc = 1;

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
	if (c->overflow && !c->have) {
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s", argv[0]);
		nsh_err(sh, "too many words (at most %d)", NSH_MAX_BIND);
		goto out;
	}

	/* a word that abbreviates two keywords, and is none of them */
	for (int i = 0; i < argc; i++) {
		if (c->exact[i] || c->npfx[i] < 2)
			continue;
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s",
			 c->have ? c->best_row->name : c->far_name);
		nsh_err(sh, "'%s': ambiguous, could be '%s' or '%s'%s",
			str_escape(argv[i], esc, sizeof(esc)), c->pfx[i][0],
			c->pfx[i][1],
			c->npfx[i] > 2 ? " or more" : "");
		goto out;
	}
	if (c->have && c->tie_row) {
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s",
			 c->best_row->name);
		nsh_err(sh, "ambiguous: matches '%s' and '%s'",
			c->best_row->cmd->syntax, c->tie_row->cmd->syntax);
		goto out;
	}
	if (!c->have) {
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s",
			 c->far_name[0] ? c->far_name : argv[0]);
		if (c->type_err_pos >= 0 && c->type_err_pos >= c->far)
			nsh_err(sh, "%s", c->type_err);
		else if (c->far >= argc) {
			expect_list(c, list, sizeof(list));
			nsh_err(sh, "missing %s after '%s'", list,
				str_escape(argv[argc - 1], esc, sizeof(esc)));
		} else if (c->nexpect) {
			expect_list(c, list, sizeof(list));
			nsh_err(sh, "'%s': unknown word; expected %s",
				str_escape(argv[c->far], esc, sizeof(esc)),
				list);
		} else {
			nsh_err(sh, "'%s': unexpected word",
				str_escape(argv[c->far], esc, sizeof(esc)));
		}
		goto out;
	}
	memset(ret, 0, sizeof(*ret));
	ret->cmd = c->best_row->cmd;
	ret->nbind = c->best_nbind;
	memcpy(ret->bind, c->best_bind, sizeof(c->best_bind[0]) * c->best_nbind);
	if (c->best_rest_pos > 0) {
		ret->rest = argv + c->best_rest_pos;
		ret->nrest = argc - c->best_rest_pos;
	}
	snprintf(sh->cmdname, sizeof(sh->cmdname), "%s", c->best_row->name);
	rc = 0;
out:
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

/* ------------------------------------------------------------ rows */

int cmdtree_nrows(void)
{
	return nrows;
}

const struct nsh_cmd *cmdtree_row(int i, const struct nsh_family **ret_fam,
				  const char **ret_name)
{
	if (i < 0 || i >= nrows)
		return NULL;
	if (ret_fam)
		*ret_fam = rows[i].fam;
	if (ret_name)
		*ret_name = rows[i].name;
	return rows[i].cmd;
}
