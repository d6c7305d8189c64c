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
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core.h"
#include "model.h"

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

static void simple_free(struct simple *s, int nredirs)
{
	sh_fields_free(&s->words);
	sh_fields_free(&s->assign);
	for (int i = 0; s->target && i < nredirs; i++)
		free(s->target[i]);
	free(s->target);
}

/* "column N: …" for the word of the line at COL */
static int col_err(struct run *r, int col, const char *what, const char *why)
{
	char esc[300];

	r->sh->cmdname[0] = '\0';
	return nsh_err_raw(r->sh, "column %d: '%s': %s", col + 1,
			   str_escape(what, esc, sizeof(esc)), why);
}

static int oom(struct run *r)
{
	return nsh_err_raw(r->sh, "out of memory");
}

/* is the command word W (as written) the builtin NAME, unquoted? */
static bool is_builtin(const struct sh_word *w, const char *name)
{
	return !(w->flags & (SH_W_QUOTED | SH_W_DOLLAR)) &&
	       streq(w->text, name);
}

/*
 * Expand command C into *S: its words, its NAME=VALUE prefixes (for the
 * environment of its programs) and its redirections' targets.  With
 * ASSIGN_NOW, a command of assignments only sets them as it goes, so
 * that B=$A sees the A before it (in R->mode: a checking pass only notes
 * them).  0, or 1 after reporting.
 */
static int expand_simple(struct run *r, const struct sh_cmd *c,
			 struct simple *s, bool assign_now)
{
	/* (a command of redirections only has no words: no NULL + 0) */
	const struct sh_word *w = c->nwords ? r->l->words + c->word : NULL;
	bool export = c->nwords > c->nassign &&
		      is_builtin(&w[c->nassign], "export");

	memset(s, 0, sizeof(*s));
	for (int i = 0; i < c->nassign; i++) {
		size_t n = sh_assign_len(w[i].text);
		struct sh_fields v = { 0 };
		char *a;

		if (sh_expand(r->sh, r->mode, w[i].text + n + 1, false, &v) ||
		    asprintf(&a, "%.*s=%s", (int)n, w[i].text, v.v[0]) < 0) {
			sh_fields_free(&v);
			return oom(r);
		}
		if (assign_now && c->nwords == c->nassign) {
			a[n] = '\0';
			if (nsh_var_set(r->sh, a, a + n + 1, r->mode,
					v.runtime ? NSH_VAR_UNKNOWN : 0) < 0) {
				free(a);
				sh_fields_free(&v);
				return oom(r);
			}
			a[n] = '=';
		}
		s->runtime |= v.runtime;
		sh_fields_free(&v);
		if (sh_fields_add(&s->assign, a) < 0)
			return oom(r);
	}
	for (int i = c->nassign; i < c->nwords; i++) {
		/* export's NAME=VALUE words are not split (as in bash) */
		bool split = !(export && i > c->nassign &&
			       sh_assign_len(w[i].text));

		if (sh_expand(r->sh, r->mode, w[i].text, split, &s->words) < 0)
			return oom(r);
	}
	s->runtime |= s->words.runtime;
	if (!c->nredirs)
		return 0;
	s->target = calloc((size_t)c->nredirs, sizeof(*s->target));
	if (!s->target)
		return oom(r);
	for (int i = 0; i < c->nredirs; i++) {
		const struct sh_redir *rd = &r->l->redirs[c->redir + i];
		struct sh_fields f = { 0 };

		if (sh_expand(r->sh, r->mode, rd->target.text, true, &f) < 0) {
			sh_fields_free(&f);
			return oom(r);
		}
		s->runtime |= f.runtime;
		if (f.n != 1 && !f.runtime) {
			sh_fields_free(&f);
			return col_err(r, rd->target.col, rd->target.text,
				       "ambiguous redirect");
		}
		s->target[i] = f.n ? TAKE_PTR(f.v[0]) : strdup("");
		sh_fields_free(&f);
		if (!s->target[i])
			return oom(r);
	}
	return 0;
}

/* ------------------------------------------------------------ checking */

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
			return oom(r);
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
	return col_err(r, rd->target.col, target,
		       "not a descriptor (0 to 9, or - to close)");
}

/* check command C; TRACK: its assignments stay for the next commands */
static int check_simple(struct run *r, const struct sh_cmd *c, bool track)
{
	struct simple s;
	int rc;

	rc = expand_simple(r, c, &s, track);
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

static int check_line(struct run *r)
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

/* ------------------------------------------------------------ redirections */

/* the descriptors of one command, as its redirections leave them; 0-2
 * are given back after it */
struct fds {
	int saved[3];		/* 0-2 before: -2 untouched, -1 were closed */
	int map[10];		/* for programs: 3-9 the descriptor (-1
				 * none); 0-2 NSH_FD_CLOSED or -1 */
	bool mapped;
};

static void fds_init(struct fds *f)
{
	f->mapped = false;
	for (int i = 0; i < 3; i++)
		f->saved[i] = -2;
	for (int i = 0; i < 10; i++)
		f->map[i] = -1;
}

/* what descriptor N of the command is now: -1 none */
static int fd_now(const struct fds *f, int n)
{
	if (n < 3)
		return f->map[n] == NSH_FD_CLOSED || fcntl(n, F_GETFD) < 0 ?
			       -1 : n;
	return f->map[n];
}

/* make descriptor N of the command SRC (-1: closed) */
static int install(struct fds *f, int n, int src)
{
	int null = -1, e = 0;

	if (n < 0 || n >= (int)ARRAY_SIZE(f->map))
		return -EBADF;	/* the grammar allows 0-9 only */
	if (n >= 3) {
		if (f->map[n] >= 0)
			close(f->map[n]);
		f->map[n] = src < 0 ? -1 : fcntl(src, F_DUPFD_CLOEXEC, 10);
		f->mapped = true;
		return src >= 0 && f->map[n] < 0 ? -errno : 0;
	}
	if (f->saved[n] == -2)
		f->saved[n] = fcntl(n, F_DUPFD_CLOEXEC, 10);
	f->map[n] = -1;
	if (src < 0) {
		/* nsh keeps 0-2 open (its next socket must not take the
		 * number): /dev/null for itself, closed for its programs */
		null = open("/dev/null", O_RDWR | O_CLOEXEC);
		if (null < 0)
			return -errno;
		f->map[n] = NSH_FD_CLOSED;
		f->mapped = true;
		src = null;
	}
	if (src != n && dup2(src, n) < 0)
		e = -errno;
	if (null >= 0)
		close(null);
	return e;
}

static int open_target(enum sh_redir_op op, const char *path)
{
	int fl = O_CLOEXEC | O_NOCTTY;

	switch (op) {
	case SH_R_IN:
		fl |= O_RDONLY;
		break;
	case SH_R_RW:
		fl |= O_RDWR | O_CREAT;
		break;
	case SH_R_APPEND:
	case SH_R_BOTH_APPEND:
		fl |= O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		fl |= O_WRONLY | O_CREAT | O_TRUNC;
	}
	return open(path, fl, 0666);
}

/* one redirection RD to TARGET: 0, or 1 after reporting */
static int redirect(struct run *r, struct fds *f, const struct sh_redir *rd,
		    const char *target)
{
	enum sh_redir_op op = rd->op;
	int fd, e;

	if (op == SH_R_DUP) {
		if (streq(target, "-"))
			return install(f, rd->fd, -1) < 0;
		if (target[0] >= '0' && target[0] <= '9' && !target[1]) {
			int src = fd_now(f, target[0] - '0');

			if (src < 0)
				return nsh_err(r->sh, "'%s': bad file "
						      "descriptor", target);
			e = install(f, rd->fd, src);
			goto done;
		}
		if (!rd->dup_out || rd->fd_given)
			return nsh_err(r->sh, "'%s': ambiguous redirect",
				       target);
		op = SH_R_BOTH;		/* >&FILE */
	}
	fd = open_target(op, target);
	if (fd < 0)
		return nsh_err(r->sh, "'%s': %s", target, strerror(errno));
	if (op == SH_R_BOTH || op == SH_R_BOTH_APPEND) {
		e = install(f, 1, fd);
		if (!e)
			e = install(f, 2, fd);
	} else {
		e = install(f, rd->fd, fd);
	}
	close(fd);
done:
	if (e < 0)
		return nsh_err(r->sh, "'%s': %s", target, strerror(-e));
	return 0;
}

/* give back what the redirections took */
static void fds_restore(struct fds *f)
{
	fflush(stdout);
	fflush(stderr);
	for (int n = 0; n < 3; n++) {
		if (f->saved[n] == -2)
			continue;
		if (f->saved[n] >= 0) {
			(void)dup2(f->saved[n], n);
			close(f->saved[n]);
		} else {
			close(n);
		}
		if (n == 0) {
			__fpurge(stdin);
			clearerr(stdin);
		}
		f->saved[n] = -2;
	}
	for (int n = 3; n < 10; n++)
		if (f->map[n] >= 0) {
			close(f->map[n]);
			f->map[n] = -1;
		}
}

/* ------------------------------------------------------------ commands */

/* the assignments of S, for the programs the command starts */
static void assign_env(struct nsh *sh, struct simple *s)
{
	sh->env_add = s->assign.n ? s->assign.v : NULL;
}

/*
 * Run command C here: in nsh (INPROC), or in a forked nsh that ends with
 * it (MAY_REPLACE: a program replaces the process).  TESTED: its failure
 * is not one (&&, ||, !, a pipe after it).
 */
static int run_simple(struct run *r, const struct sh_cmd *c, bool tested,
		      bool may_replace)
{
	struct nsh *sh = r->sh;
	struct simple s;
	struct fds f;
	int rc = 0, out = -1;

	if (expand_simple(r, c, &s, true)) {
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
		rc = redirect(r, &f, &r->l->redirs[c->redir + i], s.target[i]);
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

/* ------------------------------------------------------------ forks */

static int njobs;

/* in a forked copy of nsh: what it must not share with its parent */
static void subshell_enter(struct nsh *sh)
{
	signal(SIGPIPE, SIG_DFL);
	ns_forget_all();
	model_forget();
	sh->subshell = true;
	njobs = 0;		/* the parent's */
}

/* the exit of a forked nsh */
static void __attribute__((noreturn)) subshell_exit(struct nsh *sh, int st)
{
	teardown_wait(sh);
	fflush(stdout);
	fflush(stderr);
	_exit(st & 0xff);
}

/* wait for PID: its status, as sh gives it */
static int wait_status(pid_t pid)
{
	int ws;

	while (waitpid(pid, &ws, 0) < 0)
		if (errno != EINTR)
			return 127;
	if (WIFEXITED(ws))
		return WEXITSTATUS(ws);
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	return 1;
}

/* before a fork: what nsh owes the commands it runs, and no buffered
 * output that two processes would write */
static void before_fork(struct nsh *sh)
{
	if (!sh->pid)
		sh->pid = getpid();	/* $$ in the forked copies */
	if (!sh->replaying) {
		teardown_wait(sh);
		settle_wait(sh);
	}
	journal_prepare();
	fflush(NULL);
}

/* --explain for a pipeline, in order, before any of it runs */
static void explain_pipeline(struct run *r, const struct sh_pipe *p)
{
	for (int i = p->cmd; i < p->cmd + p->ncmds; i++) {
		struct simple s;

		if (!expand_simple(r, &r->l->cmds[i], &s, false) &&
		    s.words.n)
			nsh_explain_words(r->sh, s.words.n, s.words.v);
		simple_free(&s, r->l->cmds[i].nredirs);
	}
}

static int run_pipeline(struct run *r, const struct sh_pipe *p, bool tested)
{
	struct nsh *sh = r->sh;
	_cleanup_free_ pid_t *pids = calloc((size_t)p->ncmds, sizeof(*pids));
	int in = -1, st = 0, n = 0;

	ANALYZER_KEEP(pids);
	if (!pids)
		return oom(r);
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
		if (pid == 0) {
			subshell_enter(sh);
			sh->o.explain = false;	/* done above */
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
			/* a script reports a last program that fails:
			 * this copy of nsh waits for it to say so */
			st = run_simple(r, c, tested || !last,
					tested || !last || !sh->file);
			subshell_exit(sh, st);
		}
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
	for (int i = 0; i < n; i++) {
		int s = wait_status(pids[i]);

		if (i == p->ncmds - 1)
			st = s;
	}
	nsh_interrupted = 0;
	if (st == 128 + SIGINT && sh->interactive)
		putchar('\n');
	return st;
}

/* ------------------------------------------------------------ jobs */

#define MAX_JOBS 64

static struct {
	int id;
	pid_t pid;
	char text[120];
} jobs[MAX_JOBS];

static int job_add(pid_t pid, const char *text, int len)
{
	int id = 0;

	for (int i = 0; i < njobs; i++)
		if (jobs[i].id > id)
			id = jobs[i].id;
	if (njobs == MAX_JOBS)
		return 0;
	jobs[njobs].id = ++id;
	jobs[njobs].pid = pid;
	snprintf(jobs[njobs].text, sizeof(jobs[njobs].text), "%.*s", len,
		 text);
	njobs++;
	return id;
}

static void job_done(struct nsh *sh, int i, int ws, bool report)
{
	if (report) {
		if (WIFEXITED(ws) && !WEXITSTATUS(ws))
			printf("[%d]+  Done      %s\n", jobs[i].id,
			       jobs[i].text);
		else
			printf("[%d]+  Exit %-4d %s\n", jobs[i].id,
			       WIFEXITED(ws) ? WEXITSTATUS(ws) :
					       128 + WTERMSIG(ws),
			       jobs[i].text);
		fflush(stdout);
	}
	jobs[i] = jobs[--njobs];
}

void nsh_jobs_reap(struct nsh *sh, bool report)
{
	for (int i = 0; i < njobs;) {
		int ws = 0;
		pid_t w = waitpid(jobs[i].pid, &ws, WNOHANG);

		if (w == jobs[i].pid || (w < 0 && errno == ECHILD))
			job_done(sh, i, ws, report);
		else
			i++;
	}
}

int nsh_jobs_wait(struct nsh *sh, pid_t pid)
{
	int st = 0;

	for (int i = 0; i < njobs;) {
		if (pid && jobs[i].pid != pid) {
			i++;
			continue;
		}
		st = wait_status(jobs[i].pid);
		jobs[i] = jobs[--njobs];
		if (nsh_interrupted)
			return 128 + SIGINT;
	}
	return st;
}

/*
 * nsh_job_fork - a background job of nsh's own (`flap`, `after`): forks;
 * in the child (a subshell, stdin /dev/null) returns 0, in the parent the
 * child's PID after listing it as job TEXT ("[N] PID" at the prompt), or
 * -1 after reporting.  The child ends with nsh_job_exit.
 */
pid_t nsh_job_fork(struct nsh *sh, const char *text)
{
	pid_t pid;
	int id;

	before_fork(sh);
	pid = fork();
	if (pid < 0) {
		nsh_err(sh, "cannot fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY | O_CLOEXEC);

		(void)setpgid(0, 0);
		subshell_enter(sh);
		sh->errexit = false;
		if (null >= 0) {
			(void)dup2(null, 0);
			close(null);
		}
		return 0;
	}
	(void)setpgid(pid, pid);
	id = job_add(pid, text, (int)strlen(text));
	sh->last_bg = pid;
	if (sh->interactive) {
		fprintf(stderr, "[%d] %d\n", id, (int)pid);
		fflush(stderr);
	}
	return pid;
}

void nsh_job_exit(struct nsh *sh, int st)
{
	subshell_exit(sh, st);
}

/* `jobs`: the background jobs still running, as bash lists them */
void nsh_jobs_print(struct nsh *sh)
{
	nsh_jobs_reap(sh, true);
	for (int i = 0; i < njobs; i++)
		printf("[%d]  Running   %s\n", jobs[i].id, jobs[i].text);
}

/* the PID of job ID (`kill %ID`), or 0 */
pid_t nsh_job_pid(int id)
{
	for (int i = 0; i < njobs; i++)
		if (jobs[i].id == id)
			return jobs[i].pid;
	return 0;
}

/* ------------------------------------------------------------ lists */

static int run_andor(struct run *r, const struct sh_andor *ao, bool child);

/* A &: the and-or list in a forked nsh, not waited for */
static int run_background(struct run *r, const struct sh_andor *ao)
{
	struct nsh *sh = r->sh;
	pid_t pid;
	int id;

	before_fork(sh);
	pid = fork();
	if (pid < 0)
		return nsh_err(sh, "cannot fork: %s", strerror(errno));
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY | O_CLOEXEC);
		struct run child = { .sh = sh, .l = r->l, .mode = NSH_RUN };

		(void)setpgid(0, 0);
		subshell_enter(sh);
		sh->errexit = false;
		if (null >= 0) {
			(void)dup2(null, 0);
			close(null);
		}
		subshell_exit(sh, run_andor(&child, ao, true));
	}
	(void)setpgid(pid, pid);
	id = job_add(pid, r->l->text + ao->start, ao->end - ao->start);
	sh->last_bg = pid;
	if (sh->interactive) {
		fprintf(stderr, "[%d] %d\n", id, (int)pid);
		fflush(stderr);
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
			st = run_simple(r, &r->l->cmds[p->cmd], tested,
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
		return check_line(&r);
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
