/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * pipeline.c - run a line parsed by shell/parse.c, with sh(1)'s meaning.
 *
 * - `a; b` runs both; `a && b` runs b if a succeeded, `a || b` if it
 *   failed; `! p` inverts a pipeline's status; the status of a line is
 *   that of the last pipeline that ran, and $? holds it.
 * - A simple command with no pipe runs inside nsh, as a line always did:
 *   `enter`, NAME=VALUE and every change stay.  Its redirections are put
 *   in place around it (descriptors 0-2 saved and given back); 3-9 only
 *   exist for the programs it starts (nsh's own descriptors are not
 *   touched).
 * - Each command of a pipeline `a | b` runs in a forked copy of nsh, as
 *   in sh: a program replaces that copy, an nsh command runs in it on
 *   sockets of its own (the parent's model learns what it changed from
 *   netlink events).  So `enter` or NAME=VALUE in a pipeline, as in sh,
 *   change nothing after it.  `|&` feeds stderr too.
 * - `a &` runs the and-or list a in a forked copy, in its own process
 *   group (Ctrl-C at the prompt spares it), standard input /dev/null;
 *   $! is its PID and, at the prompt, "[1] PID" is shown; `wait` waits.
 * - In a script (nsh.errexit), an untested failure (not on the left of
 *   && or ||, not after !, not before a |) ends the line and the script,
 *   as with sh -e; a tested one does not (nsh.verdict).
 *
 * In the checking pass (NSH_CHECK) nothing runs: every simple command is
 * expanded with the variables assigned before it and matched, so a typo
 * in the second command of `a; b` stops a script before its first line.
 *
 * This file runs the lists, and-or lists and pipelines; a simple command
 * is expanded and run by simple.c, its redirections by redir.c, the
 * checking pass is linecheck.c, forks and background jobs are jobs.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run_priv.h"

/* --explain for a pipeline, in order, before any of it runs */
static void explain_pipeline(struct run *r, const struct sh_pipe *p)
{
	for (int i = p->cmd; i < p->cmd + p->ncmds; i++) {
		struct simple s;

		if (!simple_expand(r, &r->l->cmds[i], &s, false) &&
		    s.words.n)
			nsh_explain_words(r->sh, s.words.n, s.words.v);
		simple_free(&s, r->l->cmds[i].nredirs);
	}
}

/*
 * In the forked copy of nsh for command C of a pipeline: standard input
 * from IN (-1: nsh's), standard output (and error for |&) into the pipe
 * PFD unless C is the LAST; runs C and exits with its status.
 */
static void __attribute__((noreturn))
pipe_child(struct run *r, const struct sh_cmd *c, int in, const int pfd[2],
	   bool last, bool tested)
{
	struct nsh *sh = r->sh;

	subshell_enter(sh);
	sh->o.explain = false;	/* done before the fork */
	if (in >= 0) {
		(void)dup2(in, 0);
		close(in);
	}
	if (!last) {
		(void)dup2(pfd[1], 1);
		if (c->err_pipe)
			(void)dup2(pfd[1], 2);
		close(pfd[0]);
		close(pfd[1]);
	}
	/* a script reports a last program that fails: this copy of nsh
	 * waits for it to say so */
	subshell_exit(sh, simple_run(r, c, tested || !last,
				     tested || !last || !sh->file));
}

/* wait for the N commands started of the NCMDS of a pipeline: the
 * status of the last, or ST when it did not start */
static int pipe_wait(const pid_t *pids, int n, int ncmds, int st)
{
	for (int i = 0; i < n; i++) {
		int s = wait_status(pids[i]);

		if (i == ncmds - 1)
			st = s;
	}
	return st;
}

static int run_pipeline(struct run *r, const struct sh_pipe *p, bool tested)
{
	struct nsh *sh = r->sh;
	_cleanup_free_ pid_t *pids = calloc((size_t)p->ncmds, sizeof(*pids));
	int in = -1, st = 0, n = 0;

	ANALYZER_KEEP(pids);
	if (!pids)
		return run_oom(r);
	if (sh->o.explain)
		explain_pipeline(r, p);
	before_fork(sh);
	for (; n < p->ncmds; n++) {
		const struct sh_cmd *c = &r->l->cmds[p->cmd + n];
		bool last = n == p->ncmds - 1;
		int pfd[2] = { -1, -1 };
		pid_t pid;

		if (!last && pipe2(pfd, O_CLOEXEC) < 0) {
			st = nsh_err(sh, "cannot make a pipe: %s",
				     strerror(errno));
			break;
		}
		pid = fork();
		if (pid == 0)
			pipe_child(r, c, in, pfd, last, tested);
		if (in >= 0)
			close(in);
		in = -1;
		if (pid < 0) {
			st = nsh_err(sh, "cannot fork: %s", strerror(errno));
			if (!last) {
				close(pfd[0]);
				close(pfd[1]);
			}
			break;
		}
		pids[n] = pid;
		if (!last) {
			close(pfd[1]);
			in = pfd[0];
		}
	}
	if (in >= 0)
		close(in);
	st = pipe_wait(pids, n, p->ncmds, st);
	nsh_interrupted = 0;
	if (st == 128 + SIGINT && sh->interactive)
		putchar('\n');
	return st;
}

/* ------------------------------------------------------------ lists */

static int run_andor(struct run *r, const struct sh_andor *ao, bool child);

/* A &: the and-or list in a forked nsh, not waited for */
static int run_background(struct run *r, const struct sh_andor *ao)
{
	pid_t pid = job_start(r->sh, r->l->text + ao->start,
			      ao->end - ao->start);

	if (pid < 0)
		return 1;
	if (pid == 0) {
		struct run child = { .sh = r->sh, .l = r->l, .mode = NSH_RUN };

		subshell_exit(r->sh, run_andor(&child, ao, true));
	}
	return 0;
}

/*
 * The pipelines of an and-or list, && and || deciding which run.  CHILD:
 * in the forked nsh of a background list, whose last program may
 * replace it.
 */
static int run_andor(struct run *r, const struct sh_andor *ao, bool child)
{
	struct nsh *sh = r->sh;
	int st = 0;
	bool untested_failure = false;

	for (int i = 0; i < ao->npipes && !r->stop; i++) {
		const struct sh_pipe *p = &r->l->pipes[ao->pipe + i];
		bool last = i == ao->npipes - 1;
		bool tested = !last || p->negate;

		if ((p->join == SH_AND && st) || (p->join == SH_OR && !st))
			continue;
		if (p->ncmds == 1)
			st = simple_run(r, &r->l->cmds[p->cmd], tested,
					child && last);
		else
			st = run_pipeline(r, p, tested);
		if (p->negate)
			st = !st;
		sh->last_status = st;
		untested_failure = st && !tested;
		if (sh->quit || nsh_interrupted || st == 128 + SIGINT)
			r->stop = true;
	}
	if (untested_failure) {
		r->failed = true;
		if (sh->errexit)
			r->stop = true;
	}
	return st;
}

int sh_run(struct nsh *sh, const struct sh_line *l, enum nsh_mode mode)
{
	struct run r = { .sh = sh, .l = l, .mode = mode };
	int st = 0;

	if (mode == NSH_CHECK)
		return line_check(&r);
	nsh_jobs_reap(sh, false);
	for (int i = 0; i < l->nao && !r.stop; i++) {
		if (l->ao[i].background)
			st = run_background(&r, &l->ao[i]);
		else
			st = run_andor(&r, &l->ao[i], false);
		sh->last_status = st;
	}
	if (r.failed)
		sh->verdict = NSH_LINE_FAILED;
	else
		sh->verdict = NSH_LINE_OK;
	return st;
}
