/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * simple.c - one simple command of a parsed line: its words, NAME=VALUE
 * prefixes and redirection targets expanded (shell/expand.c), then run
 * in nsh with its redirections in place around it (shell/redir.c).
 */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run_priv.h"

void simple_free(struct simple *s, int nredirs)
{
	sh_fields_free(&s->words);
	sh_fields_free(&s->assign);
	for (int i = 0; s->target && i < nredirs; i++)
		free(s->target[i]);
	free(s->target);
}

int run_col_err(struct run *r, int col, const char *what, const char *why)
{
	char esc[300];

	r->sh->cmdname[0] = '\0';
	return nsh_err_raw(r->sh, "column %d: '%s': %s", col + 1,
			   str_escape(what, esc, sizeof(esc)), why);
}

/* is the command word W (as written) the builtin NAME, unquoted? */
static bool is_builtin(const struct sh_word *w, const char *name)
{
	return w && !(w->flags & (SH_W_QUOTED | SH_W_DOLLAR)) &&
	       streq(w->text, name);
}

/* the NAME=VALUE words W[0..C->nassign) of C, expanded into S->assign;
 * SET_NOW: each is set as it comes.  0, or 1 after reporting */
static int expand_assigns(struct run *r, const struct sh_cmd *c,
			  const struct sh_word *w, struct simple *s,
			  bool set_now)
{
	for (int i = 0; w && i < c->nassign; i++) {
		size_t n = sh_assign_len(w[i].text);
		struct sh_fields v = { 0 };
		char *a;

		if (sh_expand(r->sh, r->mode, w[i].text + n + 1, false, &v) ||
		    asprintf(&a, "%.*s=%s", (int)n, w[i].text, v.v[0]) < 0) {
			sh_fields_free(&v);
			return run_oom(r);
		}
		if (set_now) {
			a[n] = '\0';
			if (nsh_var_set(r->sh, a, a + n + 1, r->mode,
					v.runtime ? NSH_VAR_UNKNOWN : 0) < 0) {
				free(a);
				sh_fields_free(&v);
				return run_oom(r);
			}
			a[n] = '=';
		}
		s->runtime |= v.runtime;
		sh_fields_free(&v);
		if (sh_fields_add(&s->assign, a) < 0)
			return run_oom(r);
	}
	return 0;
}

/* the targets of C's redirections into S->target, one field each (an
 * empty one when a run decides it).  0, or 1 after reporting */
static int expand_targets(struct run *r, const struct sh_cmd *c,
			  struct simple *s)
{
	if (!c->nredirs)
		return 0;
	s->target = calloc((size_t)c->nredirs, sizeof(*s->target));
	if (!s->target)
		return run_oom(r);
	for (int i = 0; i < c->nredirs; i++) {
		const struct sh_redir *rd = &r->l->redirs[c->redir + i];
		struct sh_fields f = { 0 };

		if (sh_expand(r->sh, r->mode, rd->target.text, true, &f) < 0) {
			sh_fields_free(&f);
			return run_oom(r);
		}
		s->runtime |= f.runtime;
		if (f.n != 1 && !f.runtime) {
			sh_fields_free(&f);
			return run_col_err(r, rd->target.col, rd->target.text,
					   "ambiguous redirect");
		}
		s->target[i] = f.n ? TAKE_PTR(f.v[0]) : strdup("");
		sh_fields_free(&f);
		if (!s->target[i])
			return run_oom(r);
	}
	return 0;
}

int simple_expand(struct run *r, const struct sh_cmd *c, struct simple *s,
		  bool assign_now)
{
	const struct sh_word *w;
	bool export;

	memset(s, 0, sizeof(*s));
	/* a command of redirections only has no words (and words may be
	 * NULL: no NULL + 0) */
	if (!c->nwords)
		return expand_targets(r, c, s);
	w = r->l->words + c->word;
	export = c->nwords > c->nassign &&
		 is_builtin(&w[c->nassign], "export");
	if (expand_assigns(r, c, w, s, assign_now && c->nwords == c->nassign))
		return 1;
	for (int i = c->nassign; i < c->nwords; i++) {
		/* export's NAME=VALUE words are not split (as in bash) */
		bool split = !(export && i > c->nassign &&
			       sh_assign_len(w[i].text));

		if (sh_expand(r->sh, r->mode, w[i].text, split, &s->words) < 0)
			return run_oom(r);
	}
	s->runtime |= s->words.runtime;
	return expand_targets(r, c, s);
}

/* the assignments of S, for the programs the command starts */
static void assign_env(struct nsh *sh, struct simple *s)
{
	sh->env_add = s->assign.n ? s->assign.v : NULL;
}

int simple_run(struct run *r, const struct sh_cmd *c, bool tested,
	       bool may_replace)
{
	struct nsh *sh = r->sh;
	struct simple s;
	struct fds f;
	int rc = 0, out = -1;

	if (simple_expand(r, c, &s, true)) {
		simple_free(&s, c->nredirs);
		return 1;
	}
	fds_init(&f);
	snprintf(sh->cmdname, sizeof(sh->cmdname), "%s",
		 s.words.n ? s.words.v[0] : "redirection");
	if (c->nredirs) {
		fflush(stdout);
		fflush(stderr);
		/* --explain writes where stdout was */
		if (sh->o.explain)
			out = fcntl(1, F_DUPFD_CLOEXEC, 10);
	}
	for (int i = 0; i < c->nredirs && !rc; i++)
		rc = fds_redirect(sh, &f, &r->l->redirs[c->redir + i],
				  s.target[i]);
	if (!rc && s.words.n) {
		sh->status_tested = tested;
		sh->defer_report = true;
		sh->fdmap = f.mapped ? f.map : NULL;
		assign_env(sh, &s);
		explain_set_fd(out);
		rc = nsh_run_simple(sh, s.words.n, s.words.v, may_replace);
		explain_set_fd(-1);
		sh->env_add = NULL;
		sh->fdmap = NULL;
		sh->status_tested = false;
		sh->defer_report = false;
	}
	if (out >= 0)
		close(out);
	fds_restore(&f);
	/* a script that stops here says so where stderr was */
	if (sh->unreported) {
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s",
			 sh->unreported_name);
		nsh_err(sh, "exited with status %d", sh->unreported);
		sh->unreported = 0;
	}
	simple_free(&s, c->nredirs);
	return rc;
}

