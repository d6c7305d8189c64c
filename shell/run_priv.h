/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * run_priv.h - what the files that run a parsed line share: pipeline.c
 * (lists, and-or lists, pipelines), simple.c (one simple command,
 * expanded and run), redir.c (its redirections), linecheck.c (the
 * checking pass) and jobs.c (forked copies of nsh, background jobs).
 */
#ifndef NSH_RUN_PRIV_H
#define NSH_RUN_PRIV_H

#include <sys/types.h>

#include "core.h"

/* a line being run or checked */
struct run {
	struct nsh *sh;
	const struct sh_line *l;
	enum nsh_mode mode;
	bool stop;		/* interrupted, quit, or errexit */
	bool failed;		/* an untested failure happened */
};

/* a simple command, expanded */
struct simple {
	struct sh_fields words;	/* the command and its arguments */
	struct sh_fields assign;	/* NAME=VALUE, expanded */
	char **target;		/* of each redirection, expanded */
	bool runtime;		/* NSH_CHECK: depends on a run */
};

static inline int run_oom(struct run *r)
{
	return nsh_err_raw(r->sh, "out of memory");
}

/* simple.c */
/* "column N: 'WHAT': WHY" for the word of the line at COL; 1 */
int run_col_err(struct run *r, int col, const char *what, const char *why);
/*
 * Expand command C into *S: its words, its NAME=VALUE prefixes (for the
 * environment of its programs) and its redirections' targets.  With
 * ASSIGN_NOW, a command of assignments only sets them as it goes, so
 * that B=$A sees the A before it (in R->mode: a checking pass only notes
 * them).  0, or 1 after reporting; free *S with simple_free either way.
 */
int simple_expand(struct run *r, const struct sh_cmd *c, struct simple *s,
		  bool assign_now);
void simple_free(struct simple *s, int nredirs);
/*
 * Run command C here: in nsh (INPROC), or in a forked nsh that ends with
 * it (MAY_REPLACE: a program replaces the process).  TESTED: its failure
 * is not one (&&, ||, !, a pipe after it).
 */
int simple_run(struct run *r, const struct sh_cmd *c, bool tested,
	       bool may_replace);

/* linecheck.c: the checking pass over the whole line; 0, or 1 after
 * reporting */
int line_check(struct run *r);

/* redir.c: the descriptors of one command, as its redirections leave
 * them; 0-2 are given back after it */
struct fds {
	int saved[3];		/* 0-2 before: -2 untouched, -1 were closed */
	int map[10];		/* for programs: 3-9 the descriptor (-1
				 * none); 0-2 NSH_FD_CLOSED or -1 */
	bool mapped;
};

void fds_init(struct fds *f);
/* one redirection RD to TARGET: 0, or 1 after reporting */
int fds_redirect(struct nsh *sh, struct fds *f, const struct sh_redir *rd,
		 const char *target);
/* give back what the redirections took */
void fds_restore(struct fds *f);

/* jobs.c */
/* in a forked copy of nsh: what it must not share with its parent */
void subshell_enter(struct nsh *sh);
/* the exit of a forked nsh */
void __attribute__((noreturn)) subshell_exit(struct nsh *sh, int st);
/* wait for PID: its status, as sh gives it */
int wait_status(pid_t pid);
/* before a fork: what nsh owes the commands it runs, and no buffered
 * output that two processes would write */
void before_fork(struct nsh *sh);
/*
 * job_start - fork a background job TEXT (LEN bytes): the child (its own
 * process group, a subshell without errexit, stdin /dev/null) gets 0, the
 * parent the child's PID after listing it ("[N] PID" at the prompt), or
 * -1 after reporting.
 */
pid_t job_start(struct nsh *sh, const char *text, int len);

#endif
