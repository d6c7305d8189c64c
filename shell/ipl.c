/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipl.c - iproute2's argument language: the one walk over the tables of
 * ipl.h that checks a row's words and binds them (a keyword, its values,
 * its sub-table; the default row takes a word no keyword claims), and the
 * handlers' way to read the bindings.
 *
 * The line around it (root, global options, object, verb) is walked by
 * ipl_line.c; completion (ipl_complete.c) and usage (ipl_help.c) read the
 * same tables.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "ipl_priv.h"

/* ------------------------------------------------------------ matching */

bool ipl_matches(const char *word, const char *kw)
{
	size_t n = strlen(word);

	return n && n <= strlen(kw) && memcmp(word, kw, n) == 0;
}

bool ipl_names(const struct ipl_opt *o, const char *word)
{
	if (o->flags & IPL_PREFIX)
		return ipl_matches(word, o->kw);
	return streq(o->kw, word);
}

int (ipl_fail)(struct ipl_parse *p, int tok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->err, sizeof(p->err), fmt, ap);
	va_end(ap);
	p->err_tok = tok;
	return -1;
}

static int add_bind(struct ipl_parse *p, const struct nsh_bind *b)
{
	if (p->a->nbind == NSH_MAX_BIND)
		return ipl_fail(p, b->tok, "too many words (at most %d)",
				NSH_MAX_BIND);
	p->a->bind[p->a->nbind++] = *b;
	return 0;
}

int ipl_bind_kw(struct ipl_parse *p, const struct ipl_opt *o, int tok)
{
	struct nsh_bind b = { .name = o->kw, .is_kw = true, .tok = tok,
			      .opt = o };

	b.v.text = tok >= 0 ? p->argv[tok] : NULL;
	return add_bind(p, &b);
}

/* the type ARG in the family FAM's own types first (two families may
 * each have a type of that name), then the shared ones */
const struct nsh_type *ipl_find_type(const struct nsh_family *fam,
				     const char *arg)
{
	for (const struct nsh_type *t = fam ? fam->types : NULL; t && t->name;
	     t++)
		if (streq(t->name, arg))
			return t;
	return type_find(arg);
}

/* is CHOICES ("on|off") a list of words rather than a type name? */
bool ipl_is_choices(const char *arg)
{
	return !isupper((unsigned char)arg[0]);
}

static bool choice_has(const char *choices, const char *word)
{
	size_t n = strlen(word);

	for (const char *c = choices; *c;) {
		size_t len = strcspn(c, "|");

		if (len == n && memcmp(c, word, n) == 0)
			return true;
		c += len;
		if (*c == '|')
			c++;
	}
	return false;
}

int ipl_bind_val(struct ipl_parse *p, const struct ipl_opt *o, const char *arg,
		 int tok)
{
	struct nsh_bind b = { .name = o->kw, .tok = tok, .opt = o };
	const char *word = p->argv[tok], *err = NULL;
	char ebuf[160], esc[160];

	b.v.text = word;
	if (ipl_is_choices(arg)) {
		if (!choice_has(arg, word))
			return ipl_fail(p, tok, "'%s': not one of %s (after "
					"'%s')",
					str_escape(word, esc, sizeof(esc)),
					arg, o->kw);
	} else {
		const struct nsh_type *t = ipl_find_type(p->fam, arg);

		ebuf[0] = '\0';
		if (t && t->parse &&
		    t->parse(word, &b.v, ebuf, sizeof(ebuf), &err) < 0)
			return ipl_fail(p, tok, "'%s': %s",
					str_escape(word, esc, sizeof(esc)),
					err ? err : ebuf);
	}
	return add_bind(p, &b);
}

const char *ipl_need(struct ipl_parse *p, const struct ipl_opt *o,
		     const char *what)
{
	if (p->i < p->argc)
		return p->argv[p->i];
	if (p->completing) {
		/* parse_values hands in a word of its own stack copy */
		snprintf(p->exp_buf, sizeof(p->exp_buf), "%s", what);
		p->exp_arg = p->exp_buf;
		p->exp_opt = o;
		p->err_tok = IPL_END;
		return NULL;
	}
	if (o->kw && (o->flags & IPL_NOKW))
		ipl_fail(p, p->argc, "missing %s", what);
	else
		ipl_fail(p, p->argc, "missing %s after '%s'", what,
			 p->argv[p->argc - 1]);
	return NULL;
}

/* NULL from ipl_need: the walk's result */
static int need_failed(const struct ipl_parse *p)
{
	return p->err_tok == IPL_END ? IPL_END : -1;
}

/* the values of O as its ARG describes them, from p->i on */
int ipl_parse_values(struct ipl_parse *p, const struct ipl_opt *o)
{
	char arg[128], *save = NULL;

	if (o->parse)
		return o->parse(p, o);
	if (!o->arg)
		return 0;
	snprintf(arg, sizeof(arg), "%s", o->arg);
	for (char *t = strtok_r(arg, " ", &save); t;
	     t = strtok_r(NULL, " ", &save)) {
		if (streq(t, "ARGS...")) {
			p->a->rest = p->argv + p->i;
			p->a->nrest = p->argc - p->i;
			if (p->i == p->argc) {
				if (!p->completing)
					return ipl_fail(p, p->argc, "missing the "
							"command after '%s'",
							p->argv[p->argc - 1]);
				p->exp_arg = "ARGS";
				p->exp_opt = o;
				return IPL_END;
			}
			p->i = p->argc;
			return 0;
		}
		if (t[0] == '[') {	/* an optional literal word */
			size_t n = strlen(t);

			if (p->i < p->argc && n > 2 &&
			    strlen(p->argv[p->i]) == n - 2 &&
			    memcmp(p->argv[p->i], t + 1, n - 2) == 0) {
				struct nsh_bind b = { .name = o->kw,
						      .tok = p->i, .opt = o };

				b.v.text = p->argv[p->i++];
				if (add_bind(p, &b))
					return -1;
			}
			continue;
		}
		if (!ipl_need(p, o, t))
			return need_failed(p);
		if (ipl_bind_val(p, o, t, p->i))
			return -1;
		p->i++;
	}
	return 0;
}

static bool in_table(const struct ipl_table *t, const struct ipl_opt *o)
{
	for (const struct ipl_opt *r = t->opts; r->kw; r++)
		if (r == o)
			return true;
	return false;
}

/* has O (or another spelling of it: the rows of T with its key) been
 * given in this walk of T (the bindings from BASE on)? */
static bool given_key(const struct ipl_parse *p, const struct ipl_table *t,
		      const struct ipl_opt *o, int base)
{
	for (int i = base; i < p->a->nbind; i++) {
		const struct ipl_opt *b = p->a->bind[i].opt;

		if (p->a->bind[i].is_kw && b && b->key == o->key &&
		    in_table(t, b))
			return true;
	}
	return false;
}

static const struct ipl_opt *find_opt(const struct ipl_table *t,
				      const char *word)
{
	for (const struct ipl_opt *o = t->opts; o->kw; o++)
		if (!(o->flags & IPL_NOKW) && ipl_names(o, word))
			return o;
	return NULL;
}

static const struct ipl_opt *default_opt(const struct ipl_table *t)
{
	for (const struct ipl_opt *o = t->opts; o->kw; o++)
		if (o->flags & IPL_DEFAULT)
			return o;
	return NULL;
}

/* the first default row that may still take a word */
const struct ipl_opt *ipl_free_default(const struct ipl_parse *p,
				       const struct ipl_table *t, int base)
{
	for (const struct ipl_opt *o = t->opts; o->kw; o++)
		if ((o->flags & IPL_DEFAULT) &&
		    !((o->flags & IPL_ONCE) && given_key(p, t, o, base)))
			return o;
	return NULL;
}

static void note_table(struct ipl_parse *p, const struct ipl_table *t)
{
	if (p->nexp_tab < (int)ARRAY_SIZE(p->exp_tab))
		p->exp_tab[p->nexp_tab++] = t;
}

/* after O's values: its sub-table, if any */
static int walk_sub(struct ipl_parse *p, const struct ipl_opt *o)
{
	if (!o->sub)
		return 0;
	return ipl_walk(p, o->sub, !(o->flags & IPL_REST));
}

int ipl_walk(struct ipl_parse *p, const struct ipl_table *t, bool stop_unknown)
{
	int base = p->a->nbind;
	char esc[160];
	int rc;

	while (p->i < p->argc) {
		const char *w = p->argv[p->i];
		const struct ipl_opt *o = find_opt(t, w);
		int tok = p->i;

		if (!o) {
			o = ipl_free_default(p, t, base);
			if (!o) {
				if (stop_unknown)
					return 0;
				return ipl_fail(p, tok, "'%s': unknown word%s",
						str_escape(w, esc, sizeof(esc)),
						default_opt(t) ? " (or given twice)"
							       : "");
			}
			if (ipl_bind_kw(p, o, -1))
				return -1;
		} else {
			if ((o->flags & IPL_ONCE) && given_key(p, t, o, base))
				return ipl_fail(p, tok, "'%s': given twice",
						str_escape(w, esc, sizeof(esc)));
			if (ipl_bind_kw(p, o, tok))
				return -1;
			p->i++;
		}
		rc = ipl_parse_values(p, o);
		if (!rc)
			rc = walk_sub(p, o);
		if (rc)
			return rc;
		if (o->sub && (o->flags & IPL_REST))
			return 0;
	}
	if (p->completing) {
		note_table(p, t);
		p->err_tok = IPL_END;
		return stop_unknown ? 0 : IPL_END;
	}
	return 0;
}

/* ------------------------------------------------------------ handlers */

int ipl_next(const struct nsh_args *a, int i)
{
	for (i++; i < a->nbind; i++)
		if (a->bind[i].is_kw)
			break;
	return i;
}

const struct nsh_val *ipl_arg(const struct nsh_args *a, int i, int n)
{
	for (int j = i + 1; j < a->nbind && !a->bind[j].is_kw; j++)
		if (n-- == 0)
			return &a->bind[j].v;
	return NULL;
}

int ipl_find(const struct nsh_args *a, int from, int key)
{
	for (int i = from; i < a->nbind; i++)
		if (a->bind[i].is_kw && a->bind[i].opt &&
		    a->bind[i].opt->key == key)
			return i;
	return -1;
}

const struct nsh_val *ipl_get(const struct nsh_args *a, int key)
{
	int i = ipl_find(a, 0, key);

	return i < 0 ? NULL : ipl_arg(a, i, 0);
}

const char *ipl_str(const struct nsh_args *a, int key)
{
	const struct nsh_val *v = ipl_get(a, key);

	return v ? v->text : NULL;
}
