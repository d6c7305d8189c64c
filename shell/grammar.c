/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * grammar.c - the grammar compiler: each row of each family (struct
 * nsh_cmd) is compiled once, at start, from its syntax into a tree of
 * nodes (grammar.h) that the matcher (match.c) walks.
 *
 * The syntax: WORD a keyword ("add/a" with hidden exact abbreviations),
 * TYPE a placeholder of that type (shell/types.c; "TYPE$name" binds it
 * as NAME, "ARGS..." takes the rest), "[ a | b ]" optional, "( a | b )"
 * one of, "{ a | b }..." any of them in any order, at least once.  The
 * rows of iproute2's roots (ip, bridge, tc) are kept uncompiled: their
 * words are read by ipl.c's walk.
 */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "grammar.h"
#include "ipl.h"

static struct grow *rows;
static int nrows;

const struct grow *grammar_rows(int *n)
{
	*n = nrows;
	return rows;
}

/* ------------------------------------------------------------ tokens */

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

/* is the next token "..."?  Then it is taken */
static bool slex_ellipsis(struct slex *s)
{
	char buf[64];
	const char *t = slex_peek(s, buf, sizeof(buf));

	if (!t || !streq(t, "..."))
		return false;
	slex_next(s);
	return true;
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

/* a broken declaration in the command table: a bug, not a shortage of
 * memory, so it aborts with its own message (not nsh_oom) */
static void grammar_bug(const struct slex *s, const char *what)
{
	fprintf(stderr, "nsh: bug: command syntax '%s': %s\n", s->syntax, what);
	abort();
}

/* ------------------------------------------------------------ nodes */

static struct gnode *parse_seq(struct slex *s);

static struct gnode *new_node(enum gkind k)
{
	struct gnode *n = xcalloc(1, sizeof(*n));

	n->kind = k;
	return n;
}

/* parse "alt | alt | …" up to the closing CLOSE */
static void parse_alts(struct slex *s, struct gnode *g, char close)
{
	for (;;) {
		if (g->nalts == MAX_ALTS)
			grammar_bug(s, "too many alternatives in a group");
		g->alts = xrealloc(g->alts, sizeof(*g->alts) * (g->nalts + 1));
		g->alts[g->nalts++] = parse_seq(s);
		const char *t = slex_next(s);

		if (!t)
			grammar_bug(s, "unclosed group");
		if (t[0] == close)
			break;
		if (t[0] != '|')
			grammar_bug(s, "expected '|'");
	}
}

static void first_set(struct gnode *g, unsigned char ch)
{
	g->first[ch / 8] |= (unsigned char)(1u << (ch % 8));
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

/* a group after its opening bracket OPEN: "[…]", "(…)" or "{…}..." */
static struct gnode *parse_group(struct slex *s, char open)
{
	struct gnode *n;

	if (open == '[') {
		n = new_node(G_OPT);
		parse_alts(s, n, ']');
	} else if (open == '(') {
		n = new_node(G_GRP);
		parse_alts(s, n, ')');
	} else {
		n = new_node(G_REP);
		parse_alts(s, n, '}');
		if (!slex_ellipsis(s))
			grammar_bug(s, "'{…}' must be followed by '...'");
	}
	group_firsts(n);
	return n;
}

/* "TYPE" (bound as "type") or "TYPE$name", and "..." after a rest type */
static struct gnode *parse_placeholder(struct slex *s, const char *t)
{
	struct gnode *n = new_node(G_PH);
	char *dollar;

	n->word = xstrdup(t);
	dollar = strchr(n->word, '$');
	if (dollar)
		*dollar = '\0';
	n->type = type_find(n->word);
	if (!n->type)
		grammar_bug(s, "placeholder without a type");
	if (dollar) {
		char *b = xstrdup(dollar + 1);

		free(n->word);
		n->word = b;
	} else {
		for (char *c = n->word; *c; c++)
			*c = (char)tolower((unsigned char)*c);
	}
	if (slex_ellipsis(s) && !n->type->rest)
		grammar_bug(s, "'...' after a single-word type");
	return n;
}

/* "word" or "word/alias/alias": the aliases' first letters noted */
static struct gnode *parse_keyword(struct slex *s, const char *t)
{
	struct gnode *n = new_node(G_KW);
	char *slash;

	n->word = xstrdup(t);
	slash = strchr(n->word, '/');
	if (slash) {
		*slash = '\0';
		n->alias = xstrdup(slash + 1);
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
	return n;
}

static struct gnode *parse_item(struct slex *s)
{
	const char *t = slex_next(s);

	if (strchr("[({", t[0]))
		return parse_group(s, t[0]);
	if (is_placeholder(t))
		return parse_placeholder(s, t);
	return parse_keyword(s, t);
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

/* ------------------------------------------------------------ rows */

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

/* compile row C of family F into R */
static void compile_row(struct grow *r, const struct nsh_family *f,
			const struct nsh_cmd *c)
{
	char syntax[512], root[32];
	struct slex s;

	snprintf(root, sizeof(root), "%.*s", (int)strcspn(c->syntax, " "),
		 c->syntax);
	snprintf(syntax, sizeof(syntax), "%s", c->syntax);
	memset(r, 0, sizeof(*r));
	r->cmd = c;
	r->fam = f;
	/* iproute2's roots have their own walk (ipl.c) */
	if (ipl_is_root(root)) {
		snprintf(r->name, sizeof(r->name), "%s", c->syntax);
		return;
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

void grammar_compile(const struct nsh_family *const *families)
{
	for (int f = 0; families[f]; f++)
		for (const struct nsh_cmd *c = families[f]->cmds; c->syntax;
		     c++) {
			rows = xrealloc(rows, sizeof(*rows) * (nrows + 1));
			compile_row(&rows[nrows++], families[f], c);
		}
}

void grammar_free(void)
{
	for (int i = 0; i < nrows; i++)
		free_seq(rows[i].seq);
	free(rows);
	rows = NULL;
	nrows = 0;
}

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

bool cmdtree_is_root(const char *word)
{
	if (ipl_is_root(word))
		return true;
	for (int i = 0; i < nrows; i++)
		if (rows[i].seq && streq(rows[i].seq->word, word))
			return true;
	return false;
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
