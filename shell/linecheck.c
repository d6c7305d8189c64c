/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * linecheck.c - the checking pass over a parsed line (NSH_CHECK): nothing
 * runs; every simple command is expanded with the variables assigned
 * before it and matched, so a typo in the second command of `a; b` stops
 * a script before its first line.
 */
#include "config.h"

#include "run_priv.h"

/* `export A=1 B` and `unset A` in a checking pass: what they will set */
static int check_builtin(struct run *r, int argc, char **argv)
{
	bool unset = streq(argv[0], "unset");

	for (int i = 1; i < argc; i++) {
		size_t n = sh_assign_len(argv[i]);
		int e;

		if (unset) {
			e = nsh_var_unset(r->sh, argv[i], NSH_CHECK);
		} else if (n) {
			argv[i][n] = '\0';
			e = nsh_var_set(r->sh, argv[i], argv[i] + n + 1,
					NSH_CHECK, 0);
			argv[i][n] = '=';
		} else {
			continue;
		}
		if (e < 0)
			return run_oom(r);
	}
	return 0;
}

/* a descriptor target (M, '-') or a file (>&FILE): checked as written */
static int check_dup(struct run *r, const struct sh_redir *rd,
		     const char *target)
{
	if (streq(target, "-") || (target[0] >= '0' && target[0] <= '9' &&
				   !target[1]))
		return 0;
	if (rd->dup_out && !rd->fd_given)
		return 0;	/* >&FILE: bash's &>FILE */
	return run_col_err(r, rd->target.col, target,
			   "not a descriptor (0 to 9, or - to close)");
}

/* check command C; TRACK: its assignments stay for the next commands */
static int check_simple(struct run *r, const struct sh_cmd *c, bool track)
{
	struct simple s;
	int rc;

	rc = simple_expand(r, c, &s, track);
	for (int i = 0; !rc && !s.runtime && s.target && i < c->nredirs;
	     i++) {
		const struct sh_redir *rd = &r->l->redirs[c->redir + i];

		if (rd->op == SH_R_DUP && s.target[i])
			rc = check_dup(r, rd, s.target[i]);
	}
	if (!rc && !s.runtime && s.words.n) {
		int skip = skip_sudo(s.words.n, s.words.v);

		if (track && skip < s.words.n &&
		    (streq(s.words.v[skip], "export") ||
		     streq(s.words.v[skip], "unset")))
			rc = check_builtin(r, s.words.n - skip,
					   s.words.v + skip);
		if (!rc)
			rc = nsh_run_words(r->sh, s.words.n, s.words.v,
					   NSH_CHECK);
	}
	simple_free(&s, c->nredirs);
	return rc;
}

int line_check(struct run *r)
{
	const struct sh_line *l = r->l;

	for (int a = 0; a < l->nao; a++) {
		const struct sh_andor *ao = &l->ao[a];

		for (int p = ao->pipe; p < ao->pipe + ao->npipes; p++) {
			const struct sh_pipe *pp = &l->pipes[p];
			/* what a pipeline or & assigns is lost, as in sh */
			bool track = pp->ncmds == 1 && !ao->background;

			for (int c = pp->cmd; c < pp->cmd + pp->ncmds; c++)
				if (check_simple(r, &l->cmds[c], track))
					return 1;
		}
	}
	return 0;
}

