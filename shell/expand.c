/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * expand.c - nsh's variables, and the expansion of a word as sh(1) does
 * it: parameters ($NAME, ${NAME}, ${NAME:-WORD}, ${NAME-WORD},
 * ${NAME:+WORD}, ${NAME+WORD}, ${#NAME}, $? $$ $! $# $0…$9 $@ $* $-), then
 * field splitting of what an unquoted expansion gave (IFS is blank, tab
 * and newline), then quote removal.  No globbing: a '*' stays a '*'.
 *
 * A variable is set by a NAME=VALUE line (nsh's own, like a shell
 * variable) or `export NAME=VALUE` (also in the environment of the
 * programs nsh runs); a name nsh does not hold is looked up in the
 * environment, and one found nowhere is empty.
 *
 * The checking pass of a script (NSH_CHECK) runs before any line does, so
 * it keeps the assignments it meets in a table of its own, in order: the
 * line after NS=ns1 is checked with $NS = ns1, while nothing is set for
 * real.  A value only known when the line runs ($?, $!, or a variable
 * assigned from one) makes the command it is in unknown: it is not
 * checked (struct sh_fields.runtime).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nsh.h"

/* ------------------------------------------------------------ variables */

enum var_state { VAR_SET, VAR_UNSET, VAR_UNKNOWN };

struct var {
	char *name;
	char *value;
	enum var_state state;	/* the checking pass's table only */
};

struct vtab {
	struct var *v;
	int n, cap;
};

static struct vtab run_tab, check_tab;

static struct var *vfind(struct vtab *t, const char *name, size_t len)
{
	for (int i = 0; i < t->n; i++)
		if (strlen(t->v[i].name) == len &&
		    !memcmp(t->v[i].name, name, len))
			return &t->v[i];
	return NULL;
}

/* the entry of NAME in T, made if needed; NULL when out of memory */
static struct var *vget(struct vtab *t, const char *name)
{
	struct var *v = vfind(t, name, strlen(name));

	if (v)
		return v;
	if (t->n == t->cap) {
		int cap = t->cap ? t->cap * 2 : 16;
		struct var *nv = realloc(t->v, sizeof(*nv) * (size_t)cap);

		if (!nv)
			return NULL;
		t->v = nv;
		t->cap = cap;
	}
	v = &t->v[t->n];
	*v = (struct var){ .name = strdup(name), .state = VAR_UNSET };
	if (!v->name)
		return NULL;
	t->n++;
	return v;
}

static void vtab_clear(struct vtab *t)
{
	for (int i = 0; i < t->n; i++) {
		free(t->v[i].name);
		free(t->v[i].value);
	}
	free(t->v);
	memset(t, 0, sizeof(*t));
}

void nsh_vars_check_begin(void)
{
	vtab_clear(&check_tab);
}

void nsh_vars_free(void)
{
	vtab_clear(&check_tab);
	vtab_clear(&run_tab);
}

int nsh_var_set(struct nsh *sh, const char *name, const char *value,
		enum nsh_mode mode, unsigned flags)
{
	struct var *v;
	char *copy = NULL;

	if (mode == NSH_CHECK) {
		v = vget(&check_tab, name);
		if (!v)
			return -ENOMEM;
		if (flags & NSH_VAR_UNKNOWN) {
			v->state = VAR_UNKNOWN;
		} else if (value) {
			copy = strdup(value);
			if (!copy)
				return -ENOMEM;
			free(v->value);
			v->value = copy;
			v->state = VAR_SET;
		}
		return 0;
	}
	v = vget(&run_tab, name);
	if (!v)
		return -ENOMEM;
	if (value) {
		copy = strdup(value);
		if (!copy)
			return -ENOMEM;
		free(v->value);
		v->value = copy;
		v->state = VAR_SET;
	}
	/* export NAME without a value: exports the one it has */
	if (((flags & NSH_VAR_EXPORT) || getenv(name)) &&
	    v->state == VAR_SET && setenv(name, v->value, 1) < 0)
		return -errno;
	return 0;
}

int nsh_var_unset(struct nsh *sh, const char *name, enum nsh_mode mode)
{
	struct var *v = vget(mode == NSH_CHECK ? &check_tab : &run_tab, name);

	if (!v)
		return -ENOMEM;
	free(v->value);
	v->value = NULL;
	v->state = VAR_UNSET;
	if (mode == NSH_RUN)
		(void)unsetenv(name);
	return 0;
}

/*
 * The value of variable NAME (LEN bytes): NULL when unset.  In a checking
 * pass, *RET_UNKNOWN tells a value that only the run will know.
 */
static const char *var_lookup(const char *name, size_t len,
			      enum nsh_mode mode, bool *ret_unknown)
{
	char buf[256];
	struct var *v;

	*ret_unknown = false;
	if (mode == NSH_CHECK && (v = vfind(&check_tab, name, len))) {
		*ret_unknown = v->state == VAR_UNKNOWN;
		return v->state == VAR_SET ? v->value : NULL;
	}
	v = vfind(&run_tab, name, len);
	if (v && v->state == VAR_SET)
		return v->value;
	if (v || len >= sizeof(buf))
		return NULL;	/* unset (here and, so, in the environment) */
	memcpy(buf, name, len);
	buf[len] = '\0';
	return getenv(buf);
}

const char *nsh_var_get(struct nsh *sh, const char *name, enum nsh_mode mode,
			bool *ret_unknown)
{
	bool unknown;
	const char *v = var_lookup(name, strlen(name), mode, &unknown);

	if (ret_unknown)
		*ret_unknown = unknown;
	return v;
}

/* ------------------------------------------------------------ fields */

void sh_fields_free(struct sh_fields *f)
{
	for (int i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
	memset(f, 0, sizeof(*f));
}

/* the expansion of one word */
struct xp {
	struct nsh *sh;
	enum nsh_mode mode;
	bool split;		/* field splitting (not in an assignment) */
	char *cur;		/* the field being built */
	size_t len, cap;
	bool live;		/* it exists (a character or a quote seen) */
	struct sh_fields *out;
	int err;		/* -ENOMEM */
	int depth;		/* inside ${NAME:-WORD}: WORD is split too */
};

static void put(struct xp *x, char c)
{
	if (x->len + 2 > x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 64;
		char *n = realloc(x->cur, cap);

		if (!n) {
			x->err = -ENOMEM;
			return;
		}
		x->cur = n;
		x->cap = cap;
	}
	x->cur[x->len++] = c;
	x->live = true;
}

int sh_fields_add(struct sh_fields *f, char *s)
{
	if (!s)
		return -ENOMEM;
	if (f->n + 1 >= f->cap) {
		int cap = f->cap ? f->cap * 2 : 16;
		char **nv = realloc(f->v, sizeof(*nv) * (size_t)cap);

		if (!nv) {
			free(s);
			return -ENOMEM;
		}
		f->v = nv;
		f->cap = cap;
	}
	f->v[f->n++] = s;
	f->v[f->n] = NULL;
	return 0;
}

static void end_field(struct xp *x)
{
	char *s;

	if (!x->live)
		return;
	s = x->len ? strndup(x->cur, x->len) : strdup("");
	if (sh_fields_add(x->out, s) < 0)
		x->err = -ENOMEM;
	x->len = 0;
	x->live = false;
}

static bool is_ifs(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

/* the value V of an expansion: quoted, as is; else split on IFS */
static void put_value(struct xp *x, const char *v, bool quoted)
{
	if (quoted || !x->split) {
		for (; *v; v++)
			put(x, *v);
		return;
	}
	for (; *v; v++) {
		if (is_ifs(*v))
			end_field(x);
		else
			put(x, *v);
	}
}

static bool is_name_char(char c)
{
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

/*
 * A parameter: NAME (LEN bytes) or a special one.  Returns its value
 * (NULL: unset), in BUF when it has to be made.
 */
static const char *param(struct xp *x, const char *name, size_t len,
			 char *buf, size_t blen)
{
	bool unknown = false;
	const char *v = NULL;

	if (len == 1 && !is_name_char(*name)) {
		switch (*name) {
		case '?':
			snprintf(buf, blen, "%d", x->sh->last_status);
			unknown = x->mode == NSH_CHECK;
			v = buf;
			break;
		case '$':
			snprintf(buf, blen, "%d",
				 (int)(x->sh->pid ? x->sh->pid : getpid()));
			v = buf;
			break;
		case '!':
			unknown = x->mode == NSH_CHECK;
			if (x->sh->last_bg) {
				snprintf(buf, blen, "%d", (int)x->sh->last_bg);
				v = buf;
			}
			break;
		case '#':
			v = "0";
			break;
		case '-':
			v = "";
			break;
		}
	} else if (len == 1 && *name == '0') {
		v = "nsh";
	} else if (*name >= '0' && *name <= '9') {
		v = NULL;	/* no positional parameters */
	} else {
		v = var_lookup(name, len, x->mode, &unknown);
	}
	if (unknown)
		x->out->runtime = true;
	return v;
}

static const char *walk(struct xp *x, const char *p, char term, bool dq,
			bool emit);

/* the end of the parameter's name at NAME (P at its '$'): a NAME, digits
 * (one without braces), or one special character */
static const char *name_end(const char *p, const char *name)
{
	const char *q = name;

	if (*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z'))
		while (is_name_char(*q))
			q++;
	else if (*q >= '0' && *q <= '9')
		q += p[1] == '{' ? strspn(q, "0123456789") : 1;
	else if (*q && strchr("?$!#@*-", *q))
		q++;
	return q;
}

/*
 * The WORD at Q of ${NAME:-WORD} (OP '-', COLON), ${NAME-WORD},
 * ${NAME:+WORD} or ${NAME+WORD}, NAME's value V: WORD expanded where it
 * is used, else V for '-'.  Returns what follows the '}'.
 */
static const char *alt_word(struct xp *x, const char *q, char op, bool colon,
			    const char *v, bool quoted, bool emit)
{
	bool set = v && (!colon || *v);
	bool use_word = op == '-' ? !set : set;
	const char *end;

	x->depth++;
	end = walk(x, q, '}', quoted, emit && use_word);
	x->depth--;
	if (emit && !use_word && op == '-')
		put_value(x, v, quoted);
	return *end == '}' ? end + 1 : end;
}

/* P at '$': expand it (when EMIT); returns what follows it */
static const char *dollar(struct xp *x, const char *p, bool quoted, bool emit)
{
	const char *name = p + 1, *q;
	char buf[32], op = 0;
	bool colon = false, length = false;
	const char *v;
	size_t len;

	if (*name == '{') {
		name++;
		if (*name == '#' && name[1] != '}') {
			length = true;
			name++;
		}
	}
	q = name_end(p, name);
	len = (size_t)(q - name);
	if (!len) {
		if (emit)
			put(x, '$');	/* a '$' alone */
		return p + 1;
	}
	v = emit ? param(x, name, len, buf, sizeof(buf)) : NULL;
	if (p[1] == '{') {
		if (*q == ':') {
			colon = true;
			q++;
		}
		if (*q == '-' || *q == '+')
			op = *q++;
	}
	if (op)
		return alt_word(x, q, op, colon, v, quoted, emit);
	if (p[1] == '{')
		q += *q == '}';
	if (!emit)
		return q;
	if (length) {
		snprintf(buf, sizeof(buf), "%zu", v ? strlen(v) : 0);
		v = buf;
	}
	if (v)
		put_value(x, v, quoted);
	return q;
}

/* inside "…" (P after the opening quote): returns after the closing one */
static const char *walk_dq(struct xp *x, const char *p, bool emit)
{
	if (emit)
		x->live = true;	/* "" is a field */
	while (*p && *p != '"') {
		if (*p == '\\' && p[1] && strchr("\"\\$`\n", p[1])) {
			if (emit && p[1] != '\n')
				put(x, p[1]);
			p += 2;
		} else if (*p == '$') {
			p = dollar(x, p, true, emit);
		} else {
			if (emit)
				put(x, *p);
			p++;
		}
	}
	return *p ? p + 1 : p;
}

/*
 * The text at P up to TERM ('}' in ${NAME:-WORD}; 0: the end), expanded
 * into X when EMIT.  DQ: inside "…" (a ${NAME:-WORD} in double quotes):
 * nothing is split and a single quote is a character.
 */
static const char *walk(struct xp *x, const char *p, char term, bool dq,
			bool emit)
{
	while (*p && *p != term) {
		switch (*p) {
		case '\'':
			if (dq)
				goto plain;
			if (emit)
				x->live = true;
			for (p++; *p && *p != '\''; p++)
				if (emit)
					put(x, *p);
			p += *p == '\'';
			break;
		case '"':
			p = walk_dq(x, p + 1, emit);
			break;
		case '\\':
			if (p[1] == '\n') {
				p += 2;		/* a line continued */
				break;
			}
			if (dq && !strchr("\"\\$`}", p[1]))
				goto plain;
			if (emit && p[1])
				put(x, p[1]);
			p += p[1] ? 2 : 1;
			break;
		case '$':
			p = dollar(x, p, dq, emit);
			break;
		default:
plain:
			if (!emit)
				;
			else if (x->depth && !dq && x->split && is_ifs(*p))
				end_field(x);
			else
				put(x, *p);
			p++;
		}
	}
	return p;
}

int sh_expand(struct nsh *sh, enum nsh_mode mode, const char *word, bool split,
	      struct sh_fields *out)
{
	struct xp x = { .sh = sh, .mode = mode, .split = split, .out = out };

	walk(&x, word, 0, false, true);
	if (!split)
		x.live = true;	/* an assignment's value, even empty */
	end_field(&x);
	free(x.cur);
	return x.err;
}
