/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipl_line.c - a line of iproute2's roots, `ip [OPTIONS] OBJECT [VERB]
 * ARGS…`, read as iproute2 reads it: the options (ipl_roots.c), the
 * object, the verb in the order of the object's code, then the arguments
 * through the row's table (ipl.c).  The rows are those of the command
 * families whose syntax is "ROOT OBJECT [VERB[/ALIAS…]]".  An object or
 * verb nsh does not do natively is run by the real program (cmd->fn
 * NULL), which dispatch.c does.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "ipl_priv.h"

static struct irow *irows;
static int nirows;

/* not native: the object or verb runs in the real program */
static const struct nsh_cmd fallback_cmd = {
	"(not native)", "run by the real program", NULL, NSH_CMD_HIDDEN,
};
void ipl_fallback(struct ipl_parse *p)
{
	p->a->cmd = &fallback_cmd;
	p->i = p->argc;
}

const struct irow *ipl_rows(int *n)
{
	*n = nirows;
	return irows;
}

int ipl_init(const struct nsh_family *const *families)
{
	int n = 0;

	for (int f = 0; families[f]; f++)
		for (const struct nsh_cmd *c = families[f]->cmds; c->syntax;
		     c++)
			n++;
	irows = calloc((size_t)n + 1, sizeof(*irows));
	if (!irows)
		return -1;
	for (int f = 0; families[f]; f++)
		for (const struct nsh_cmd *c = families[f]->cmds; c->syntax;
		     c++) {
			char w[3][64] = { "", "", "" };
			const struct ipl_root *r;

			if (sscanf(c->syntax, "%63s %63s %63s", w[0], w[1],
				   w[2]) < 2)
				continue;
			r = ipl_root_of(w[0]);
			if (!r)
				continue;
			irows[nirows].cmd = c;
			irows[nirows].fam = families[f];
			irows[nirows].root = r;
			snprintf(irows[nirows].object,
				 sizeof(irows[nirows].object), "%.*s",
				 (int)sizeof(irows[nirows].object) - 1, w[1]);
			snprintf(irows[nirows].verbs,
				 sizeof(irows[nirows].verbs), "%s", w[2]);
			nirows++;
		}
	return 0;
}

/* does WORD name one of VERBS ("show/list/=lst")? */
static bool verb_names(const char *verbs, const char *word)
{
	char buf[64], *save = NULL;

	if (!*word)
		return false;
	snprintf(buf, sizeof(buf), "%s", verbs);
	for (char *v = strtok_r(buf, "/", &save); v;
	     v = strtok_r(NULL, "/", &save)) {
		if (v[0] == '=' ? streq(v + 1, word) : ipl_matches(word, v))
			return true;
	}
	return false;
}

const char *ipl_verb_main(const char *verbs, char *buf, size_t len)
{
	if (verbs[0] == '=')	/* matched exactly, said as it is */
		verbs++;
	snprintf(buf, len, "%.*s", (int)strcspn(verbs, "/"), verbs);
	return buf;
}

/* the row of ROOT OBJECT VERB (VERB NULL: the row without a verb) */
const struct irow *ipl_find_row(const struct ipl_root *r, const char *object,
				const char *verb)
{
	for (int i = 0; i < nirows; i++) {
		const struct irow *x = &irows[i];

		if (x->root != r || !streq(x->object, object))
			continue;
		if (verb ? verb_names(x->verbs, verb) : !x->verbs[0])
			return x;
	}
	return NULL;
}

bool ipl_has_rows(const struct ipl_root *r, const char *object)
{
	for (int i = 0; i < nirows; i++)
		if (irows[i].root == r && streq(irows[i].object, object))
			return true;
	return false;
}

/* "add, delete, list or exec": the verbs of OBJECT, for a message */
static void verb_list(const struct ipl_root *r, const char *object, char *buf,
		      size_t len)
{
	const char *v[32];
	char names[32][32];
	int n = 0;
	size_t used = 0;

	for (int i = 0; i < nirows && n < 32; i++)
		if (irows[i].root == r && streq(irows[i].object, object) &&
		    irows[i].verbs[0] && irows[i].cmd->fn)
			v[n] = ipl_verb_main(irows[i].verbs, names[n], 32), n++;
	buf[0] = '\0';
	for (int i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 i == 0 ? "" : i == n - 1 ? " or " : ", ",
					 v[i]);
}


/* skip to the end of the line: a row that is not native takes it all */
static int take_rest(struct ipl_parse *p, const struct nsh_cmd *cmd)
{
	p->a->cmd = cmd;
	p->a->rest = p->argv + p->i;
	p->a->nrest = p->argc - p->i;
	p->i = p->argc;
	return 0;
}

#define WALK_ON INT_MIN	/* a walk_* step: go on to the next */

/* the global options (`-n NS`, `-j`, `-batch FILE` …) */
static int walk_globals(struct ipl_parse *p, struct line *l)
{
	char esc[160];
	int rc;

	while (p->i < p->argc && p->argv[p->i][0] == '-') {
		const char *w = p->argv[p->i];
		const struct ipl_opt *o;
		int tok = p->i;

		if (streq(w, "--")) {
			p->i++;
			break;
		}
		o = ipl_find_global(l->root, w);
		if (!o) {
			if (p->completing && p->i == p->argc - 1)
				break;
			return ipl_fail(p, tok, "'%s': unknown option of '%s'",
					str_escape(w, esc, sizeof(esc)),
					l->root->name);
		}
		if (ipl_bind_kw(p, o, tok))
			return -1;
		p->i++;
		if (!o->parse && (rc = ipl_parse_values(p, o)))
			return rc;
	}
	return WALK_ON;
}

/* -batch, or the object word (`link`, `address`, …) */
static int walk_object(struct ipl_parse *p, struct line *l)
{
	char esc[160];
	const char *w;

	if (ipl_find(p->a, 0, G_BATCH) >= 0) {
		const struct irow *x = ipl_find_row(l->root, "-batch", NULL);

		if (!x)
			return ipl_fail(p, 0, "-batch: not supported");
		l->row = x;
		p->a->cmd = x->cmd;
		if (p->i < p->argc)	/* iproute2 ignores the rest */
			p->i = p->argc;
		return 0;
	}
	if (p->i >= p->argc) {
		if (p->completing) {
			l->end = ST_OBJECT;
			return IPL_END;
		}
		if (ipl_find(p->a, 0, G_VERSION) >= 0 ||
		    ipl_find(p->a, 0, G_HELP) >= 0)
			return take_rest(p, &fallback_cmd);
		return ipl_fail(p, p->argc, "missing an object (%s)",
				l->root->name[0] == 'i' ?
					"link, address, route, rule, neigh, "
					"nexthop, netns, …" :
				l->root->name[0] == 'b' ? "link, fdb, vlan, …" :
							  "qdisc, class, …");
	}
	w = p->argv[p->i];
	l->obj = ipl_find_object(l->root, w);
	l->obj_at = p->i;
	if (!l->obj)
		return ipl_fail(p, p->i, "'%s': unknown object",
				str_escape(w, esc, sizeof(esc)));
	p->i++;
	if (streq(l->obj->name, "help"))
		return take_rest(p, &ipl_help_cmd);
	if (!l->obj->native || !ipl_has_rows(l->root, l->obj->native))
		return take_rest(p, &fallback_cmd);
	return WALK_ON;
}

/* the verb (`add`, `show`, …; none: the object's own row) */
static int walk_verb(struct ipl_parse *p, struct line *l)
{
	char esc[160], list[300];
	const char *w;

	/* walk_object goes on only with the object found (ipl_fail returns
	 * -1, but in another file: the analyzer cannot see it) */
	if (!l->obj)
		return -1;
	if (p->i >= p->argc) {
		if (p->completing) {
			l->end = ST_VERB;
			return IPL_END;
		}
		l->row = ipl_find_row(l->root, l->obj->native, NULL);
		if (!l->row)
			return ipl_fail(p, p->argc, "missing a command after "
					"'%s'", p->argv[p->argc - 1]);
		return WALK_ON;
	}
	w = p->argv[p->i];
	l->row = ipl_find_row(l->root, l->obj->native, w);
	if (l->row) {
		p->i++;
		return WALK_ON;
	}
	if (ipl_matches(w, "help")) {
		p->i++;
		return take_rest(p, &ipl_help_cmd);
	}
	/* the row without a verb takes arguments itself (`ip monitor link`) */
	l->row = ipl_find_row(l->root, l->obj->native, NULL);
	if (l->row && l->row->cmd->opts)
		return WALK_ON;
	verb_list(l->root, l->obj->native, list, sizeof(list));
	return ipl_fail(p, p->i, "'%s': unknown word; expected %s",
			str_escape(w, esc, sizeof(esc)), list);
}

/* the row's own words, then what it requires */
static int walk_args(struct ipl_parse *p, struct line *l)
{
	const struct nsh_cmd *cmd = l->row->cmd;
	char esc[160];
	int rc;

	p->a->cmd = cmd;
	p->fam = l->row->fam;
	if (!cmd->fn)
		return take_rest(p, cmd);
	l->end = ST_ARGS;
	if (!cmd->opts) {
		if (p->i < p->argc) {
			if (ipl_matches(p->argv[p->i], "help"))
				return take_rest(p, &ipl_help_cmd);
			return ipl_fail(p, p->i, "'%s': unexpected word",
					str_escape(p->argv[p->i], esc,
						   sizeof(esc)));
		}
		return p->completing ? IPL_END : 0;
	}
	rc = ipl_walk(p, cmd->opts, false);
	if (rc || p->a->cmd != cmd)
		return rc;
	if (!p->completing && cmd->opts->check && cmd->opts->check(p))
		return -1;
	for (const struct ipl_opt *o = cmd->opts->opts; o->kw; o++)
		if ((o->flags & IPL_REQUIRED) && ipl_find(p->a, 0, o->key) < 0)
			return ipl_fail(p, p->argc, "missing %.*s",
					(int)strcspn(o->arg ? o->arg : o->kw,
						     " "),
					o->arg ? o->arg : o->kw);
	return 0;
}

int ipl_walk_line(struct ipl_parse *p, struct line *l)
{
	int rc;

	l->root = ipl_root_of(p->argv[0]);
	p->i = 1;
	if ((rc = walk_globals(p, l)) != WALK_ON ||
	    (rc = walk_object(p, l)) != WALK_ON ||
	    (rc = walk_verb(p, l)) != WALK_ON)
		return rc;
	return walk_args(p, l);
}

/* the options a table requires (IPL_DEFAULT rows are iproute2's main
 * argument; the handlers say what is missing in their own words) */
void ipl_parse_init(struct ipl_parse *p, struct nsh *sh, int argc,
		    char **argv, struct nsh_args *a)
{
	memset(p, 0, sizeof(*p));
	memset(a, 0, offsetof(struct nsh_args, bind));
	/* (after the bindings: a row without ARGS never sets them) */
	a->rest = NULL;
	a->nrest = 0;
	a->words = NULL;
	p->sh = sh;
	p->argc = argc;
	p->argv = argv;
	p->a = a;
	p->root = argv[0];
	p->err_tok = -1;
}

static void row_name(const struct line *l, char *buf, size_t len)
{
	char vb[32];

	if (l->row && l->row->cmd != &fallback_cmd)
		snprintf(buf, len, "%s %s%s%s", l->root->name, l->row->object,
			 l->row->verbs[0] ? " " : "",
			 ipl_verb_main(l->row->verbs, vb, sizeof(vb)));
	else if (l->obj)
		snprintf(buf, len, "%s %s", l->root->name, l->obj->name);
	else
		snprintf(buf, len, "%s", l->root ? l->root->name : "ip");
	(void)vb;
}

int ipl_match(struct nsh *sh, int argc, char **argv, struct nsh_args *ret)
{
	struct ipl_parse p;
	struct line l = { 0 };
	int rc;

	ipl_parse_init(&p, sh, argc, argv, ret);
	rc = ipl_walk_line(&p, &l);
	row_name(&l, sh->cmdname, sizeof(sh->cmdname));
	/* not native: the notice names what the real program runs, the
	 * object and the word after it ("ip monitor mroute") */
	if (!rc && ret->cmd == &fallback_cmd && l.obj && l.obj_at > 0 &&
	    l.obj_at + 1 < argc && argv[l.obj_at + 1][0] != '-')
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s %s %s",
			 l.root->name, l.obj->name, argv[l.obj_at + 1]);
	if (rc) {
		if (p.err_tok >= 0 && p.err_tok < argc)
			sh->err_at = argv[p.err_tok];
		else
			sh->err_at_end = p.err_tok >= argc;
		nsh_err(sh, "%s", p.err);
		return 1;
	}
	ret->words = NULL;
	return 0;
}
