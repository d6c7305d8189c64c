/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * dispatch.c - run (or only check) one command line.
 *
 * A line whose first word is an nsh command is matched against the command
 * tree and its handler called; any other line runs as a program in the
 * current namespace.  A leading `sudo` (with its options) is ignored so a
 * tutorial pastes straight in.  iproute2's global options (-n NS, -j, -d,
 * -p, -4, -6) are applied here, for every `ip` command alike.
 */
#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <limits.h>

#include "core.h"
#include "ipl.h"

void (*nsh_after_hook)(struct nsh *sh, int argc, char **argv, int rc,
		      const struct nsh_cmd *cmd);
void (*nsh_line_hook)(struct nsh *sh, const char *line, int rc);
void (*nsh_before_hook)(struct nsh *sh, int argc, char **argv,
			const struct nsh_cmd *cmd);
bool nsh_undo_wanted;
int (*nsh_program_hook)(struct nsh *sh, int argc, char **argv);
int (*nsh_barrier_hook)(struct nsh *sh, int argc, char **argv);
int (*nsh_remote_hook)(struct nsh *sh, int argc, char **argv,
		       const struct nsh_args *a);
int (*nsh_forward_hook)(struct nsh *sh, const char *line);

/* >0 while a command runs: the commands nested in it are not explained */
static int nested;

int skip_sudo(int argc, char **argv)
{
	int i = 0;

	while (i < argc && streq(argv[i], "sudo"))
		for (i++; i < argc && argv[i][0] == '-'; i++)
			;
	return i;
}

int nsh_run_program(struct nsh *sh, const struct nsh_ns *ns, int argc,
		    char **argv)
{
	int st;

	if (sh->replaying)
		return 0;
	teardown_wait(sh);
	settle_wait(sh);
	snprintf(sh->cmdname, sizeof(sh->cmdname), "%s", argv[0]);
	if (sh->exec_in_place) {
		sh->exec_in_place = false;
		ns_exec_replace(sh, ns, argv);
	}
	st = ns_exec_in(sh, ns, argv);
	if (st == 128 + SIGINT && sh->interactive)
		putchar('\n');	/* the ^C the terminal echoed */
	/* 127: the child already said "command not found"; a status that
	 * is tested (&&, ||, !) is no failure of the script */
	if (st && st != 127 && !sh->interactive && sh->file &&
	    !sh->status_tested) {
		if (!sh->defer_report) {
			nsh_err(sh, "exited with status %d", st);
		} else {
			/* said once stderr is back (2>/dev/null) */
			sh->unreported = st;
			snprintf(sh->unreported_name,
				 sizeof(sh->unreported_name), "%s", argv[0]);
		}
	}
	return st;
}

/*
 * A line of an iproute2 root that nsh does not do natively (`ip xfrm …`,
 * `ip tuntap …`): the real program runs it, as typed, in the current
 * namespace; the model learns the result from its events.  --native
 * makes it an error.
 */
static int run_fallback(struct nsh *sh, int argc, char **argv)
{
	char path[PATH_MAX];
	char *real[NSH_MAX_WORDS + 1];
	int rc;

	/* the matcher named the object (and verb): "ip xfrm", "ip route" */
	if (!sh->cmdname[0])
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s", argv[0]);
	if (sh->o.native)
		return nsh_err(sh, "not native (--native refuses to run the "
				   "real %s)", argv[0]);
	if (argc > NSH_MAX_WORDS || exec_find_real(argv[0], path,
						   sizeof(path)) < 0)
		return nsh_err(sh, "not native, and no real %s to run it",
			       argv[0]);
	if (!sh->replaying)
		fprintf(stderr, "nsh: %s: not native, ran %s\n", sh->cmdname,
			path);
	/* by its path: PATH may have nsh itself as ip (shfallback.c) */
	memcpy(real, argv, sizeof(*argv) * (size_t)argc);
	real[0] = path;
	real[argc] = NULL;
	/* nsh's own work, as its native lines: root's, not --user's */
	sh->o.as_root = true;
	rc = nsh_run_program(sh, &sh->cur, argc, real);
	sh->o.as_root = false;
	return rc;
}

static int run_matched(struct nsh *sh, int argc, char **argv,
		       struct nsh_args *a)
{
	struct nsh_opts saved_o = sh->o;
	struct nsh_ns ns, saved;
	const char *opt_ns = NULL;
	int rc;

	if (nsh_remote_hook && !sh->replaying &&
	    (rc = nsh_remote_hook(sh, argc, argv, a)) >= 0)
		return rc;
	if (!a->cmd->fn)
		return run_fallback(sh, argc, argv);
	if (a->cmd->opts || ipl_is_root(argv[0]))
		opt_ns = ipl_apply_globals(sh, a);
	if (opt_ns) {
		if (ns_resolve(sh, opt_ns, true, &ns)) {
			sh->o = saved_o;
			return 1;
		}
		rc = ns_push_own(sh, &ns, &saved);
		ns_close(&ns);
		if (rc) {
			sh->o = saved_o;
			return rc;
		}
	}
	rc = a->cmd->fn(sh, a);
	if (opt_ns)
		ns_pop(sh, &saved);
	sh->o = saved_o;
	return rc;
}

/* ARGV (sudo stripped) as a program */
static int run_program_words(struct nsh *sh, int argc, char **argv)
{
	int st;

	if (nsh_barrier_hook && !sh->replaying &&
	    (st = nsh_barrier_hook(sh, argc, argv)))
		return st;
	if (sh->o.explain && !nested && !sh->replaying)
		explain_print(sh, argc, argv, NULL);
	st = nsh_program_hook && !sh->replaying ?
		     nsh_program_hook(sh, argc, argv) : -1;
	if (st < 0)
		st = nsh_run_program(sh, &sh->cur, argc, argv);
	if (nsh_after_hook)
		nsh_after_hook(sh, argc, argv, st, NULL);
	return st;
}

/* the command A matched in ARGV (sudo stripped) */
static int run_args(struct nsh *sh, int argc, char **argv, struct nsh_args *a)
{
	int rc;

	if (nsh_barrier_hook && !sh->replaying &&
	    (rc = nsh_barrier_hook(sh, argc, argv)))
		return rc;
	/* only `enter NS PROG`, `ip netns exec NS PROG` end in a program */
	if (!(a->cmd->flags & NSH_CMD_TAIL))
		sh->exec_in_place = false;
	if (!(a->cmd->flags & NSH_CMD_NOBARRIER))
		teardown_wait(sh);
	if (sh->o.explain && !nested && !sh->replaying)
		explain_print(sh, argc, argv, a);
	if (nsh_before_hook && !sh->replaying)
		nsh_before_hook(sh, argc, argv, a->cmd);
	nested++;
	nsh_kernel_refused = false;
	nl_clear_error();	/* no earlier request's errno counts */
	rc = run_matched(sh, argc, argv, a);
	if (rc == 1 && nsh_kernel_refused)
		rc = 2;		/* as ip: the kernel refused, the line was good */
	nested--;
	if (nsh_after_hook)
		nsh_after_hook(sh, argc, argv, rc, a->cmd);
	return rc;
}

/* Mininet's `NS ip …` (cmds/mininet.c runs it): the nsh words after a
 * namespace's name are checked as the line runs them */
static bool ns_then_command(int argc, char **argv)
{
	char path[PATH_MAX];

	if (argc < 2 || !cmdtree_is_root(argv[1]) || strchr(argv[0], '/'))
		return false;
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, argv[0]);
	return access(path, F_OK) == 0 || spawn_find(argv[0]) > 0;
}

/* NAME (no '/') is an executable file in a directory of $PATH, as
 * execvp would find it */
static bool on_path(const char *name)
{
	const char *path = getenv("PATH");
	char file[PATH_MAX];

	if (!path)
		path = "/bin:/usr/bin";
	for (const char *p = path;; p++) {
		size_t n = strcspn(p, ":");
		struct stat st;

		snprintf(file, sizeof(file), "%.*s%s%s", (int)n, n ? p : ".",
			 "/", name);
		if (stat(file, &st) == 0 && S_ISREG(st.st_mode) &&
		    access(file, X_OK) == 0)
			return true;
		p += n;
		if (!*p)
			return false;
	}
}

/*
 * The checking pass: a program that is nowhere on $PATH stops the script
 * before its first line, as a typo in an nsh command does.  Not checked: a
 * path (the script may make it), a first word that may be a namespace
 * the script makes before (Mininet's `h1 ping h2`: a name and more words)
 * or a host (`h2: ip link`).
 */
/* bash's builtins nsh has not, which a script for bash begins with (set
 * -e, trap …): with them the script is bash's to run (shfallback.c; its
 * reserved words, [[ and function among them, fail the parse first) */
static bool bash_builtin(const char *w)
{
	static const char *const names[] = {
		"set", "trap", "shopt", "local", "declare", "typeset",
		"readonly", "read", "source", ".", "eval", "let", "shift",
		"return", "pushd", "popd", "alias",
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (streq(w, names[i]))
			return true;
	return false;
}

static int check_program(struct nsh *sh, int argc, char **argv)
{
	const char *w = argv[0];
	char esc[300];

	if (strchr(w, '/') || on_path(w))
		return 0;
	if (sh->sh_fallback_ok && bash_builtin(w)) {
		static char why[64];

		snprintf(why, sizeof(why), "'%.20s': a builtin of bash's", w);
		sh->needs_sh.met = true;	/* shfallback.c */
		sh->needs_sh.line = sh->line;
		sh->needs_sh.col = 1;
		sh->needs_sh.why = why;
		return 1;
	}
	if (argc > 1 && w[0] && w[strlen(w) - 1] == ':' && !strchr(w, '/'))
		/* `HOST: COMMAND` (the host a line before may declare): the
		 * command is checked here as the agent will run it */
		return nsh_run_words(sh, argc - 1, argv + 1, NSH_CHECK);
	if (argc > 1 && w[strspn(w, "abcdefghijklmnopqrstuvwxyz"
				    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")] ==
				   '\0' && !strchr("-.", w[0]) &&
	    (strchr(argv[1], '/') || cmdtree_is_root(argv[1]) ||
	     on_path(argv[1])))
		return 0;
	sh->cmdname[0] = '\0';
	nsh_err_raw(sh, "%s: command not found",
		    str_escape(w, esc, sizeof(esc)));
	return 127;	/* as sh */
}

int nsh_run_words(struct nsh *sh, int argc, char **argv, enum nsh_mode mode)
{
	struct nsh_args a;

	int skip = skip_sudo(argc, argv);

	argc -= skip;
	argv += skip;
	if (!argc)
		return 0;
	sh->cmdname[0] = '\0';
	if (!cmdtree_is_root(argv[0])) {
		if (mode == NSH_CHECK)
			return ns_then_command(argc, argv) ?
				       nsh_run_words(sh, argc - 1, argv + 1,
						     NSH_CHECK) :
				       check_program(sh, argc, argv);
		return run_program_words(sh, argc, argv);
	}
	if (cmdtree_match(sh, argc, argv, &a))
		return 1;
	if (mode == NSH_CHECK) {
		if (a.cmd->flags & NSH_CMD_UNDO)
			nsh_undo_wanted = true;
		if (!a.cmd->fn && sh->o.native)
			return run_fallback(sh, argc, argv);
		if ((a.cmd->flags & NSH_CMD_NESTED) && a.nrest)
			return nsh_run_words(sh, a.nrest, a.rest, mode);
		return 0;
	}
	return run_args(sh, argc, argv, &a);
}

int nsh_run_simple(struct nsh *sh, int argc, char **argv, bool may_replace)
{
	struct nsh_args a;
	int skip = skip_sudo(argc, argv), rc;

	argc -= skip;
	argv += skip;
	if (!argc)
		return 0;
	sh->cmdname[0] = '\0';
	if (!cmdtree_is_root(argv[0])) {
		sh->exec_in_place = may_replace;
		rc = run_program_words(sh, argc, argv);
	} else if (cmdtree_match(sh, argc, argv, &a)) {
		return 1;
	} else {
		sh->exec_in_place = may_replace &&
				    (a.cmd->flags & NSH_CMD_TAIL);
		rc = run_args(sh, argc, argv, &a);
	}
	sh->exec_in_place = false;
	return rc;
}

void nsh_explain_words(struct nsh *sh, int argc, char **argv)
{
	struct nsh_args a;
	int skip = skip_sudo(argc, argv), err, null;
	bool ok;

	argc -= skip;
	argv += skip;
	if (!argc || sh->replaying)
		return;
	if (!cmdtree_is_root(argv[0])) {
		explain_print(sh, argc, argv, NULL);
		return;
	}
	/* the run says what is wrong with it, once */
	fflush(stderr);
	err = fcntl(2, F_DUPFD_CLOEXEC, 10);
	null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (null >= 0) {
		(void)dup2(null, 2);
		close(null);
	}
	ok = !cmdtree_match(sh, argc, argv, &a);
	if (err >= 0) {
		(void)dup2(err, 2);
		close(err);
	}
	if (ok)
		explain_print(sh, argc, argv, &a);
}

/* LINE's words W are the ones errors may point at (a caret, err.c) */
static void words_mark(struct nsh *sh, const char *line, struct nsh_words *w)
{
	sh->tok_line = line;
	sh->tok_words = w->w;
	sh->tok_col = w->col;
	sh->ntok = w->n;
	sh->err_at = NULL;
	sh->err_at_end = false;
}

int nsh_run_plain(struct nsh *sh, const char *line, enum nsh_mode mode)
{
	struct nsh_words w;
	const char *err;
	int col, rc;

	if (lex_split(line, &w, &err, &col) < 0) {
		sh->cmdname[0] = '\0';
		return nsh_err_raw(sh, "column %d: %s", col + 1, err);
	}
	words_mark(sh, line, &w);
	rc = nsh_run_words(sh, w.n, w.w, mode);
	sh->tok_words = NULL;
	lex_free(&w);
	return rc;
}

/* LINE as a tree in *RET: 0, or 1 after reporting its syntax error */
static int parse_line(struct nsh *sh, const char *line, struct sh_line *ret)
{
	const char *err;
	int col;

	if (sh_parse(line, ret, &err, &col) < 0) {
		sh->cmdname[0] = '\0';
		if (sh->sh_fallback_ok && sh_err_needs_sh(err)) {
			sh->needs_sh.met = true;	/* shfallback.c */
			sh->needs_sh.line = sh->line;
			sh->needs_sh.col = col + 1;
			sh->needs_sh.why = err;
			return 1;
		}
		return nsh_err_raw(sh, "column %d: %s", col + 1, err);
	}
	return 0;
}

/* a line with operators: every command checked first (with the values
 * the variables will have), then run as sh would run it */
static int run_tree_line(struct nsh *sh, const char *line, enum nsh_mode mode)
{
	struct sh_line l;
	int rc;

	if (parse_line(sh, line, &l))
		return 1;
	if (mode == NSH_RUN) {
		nsh_vars_check_begin();
		rc = sh_run(sh, &l, NSH_CHECK);
		nsh_vars_check_begin();
		if (!rc)
			rc = sh_run(sh, &l, NSH_RUN);
	} else {
		rc = sh_run(sh, &l, NSH_CHECK);
	}
	sh_line_free(&l);
	return rc;
}

int nsh_run_line(struct nsh *sh, const char *line, enum nsh_mode mode)
{
	struct nsh_words w;
	const char *err;
	int col, rc;

	if (!sh_line_is_plain(line)) {
		rc = run_tree_line(sh, line, mode);
		goto out;
	}
	if (lex_split(line, &w, &err, &col) < 0) {
		sh->cmdname[0] = '\0';
		return nsh_err_raw(sh, "column %d: %s", col + 1, err);
	}
	words_mark(sh, line, &w);
	rc = nsh_run_words(sh, w.n, w.w, mode);
	sh->tok_words = NULL;
	lex_free(&w);
out:
	if (mode == NSH_RUN) {
		sh->last_status = rc;
		if (nsh_line_hook)
			nsh_line_hook(sh, line, rc);
	}
	return rc;
}

/* ------------------------------------------------------------ prepared */

/* a line with operators: parsed into P->tree and checked; 0, or 1 after
 * reporting */
static int prepare_tree(struct nsh *sh, const char *line,
			struct nsh_prepared *p)
{
	p->tree = malloc(sizeof(*p->tree));
	if (!p->tree)
		return nsh_err_raw(sh, "out of memory");
	if (parse_line(sh, line, p->tree)) {
		free(p->tree);
		p->tree = NULL;
		return 1;
	}
	if (sh_run(sh, p->tree, NSH_CHECK)) {
		nsh_prepared_free(p);
		return 1;
	}
	return 0;
}

/* a command of nsh's (ARGV[0] a root of the command tree): matched, the
 * command and its bindings (which point into ARGV) kept in *P; 0, or a
 * status after reporting */
static int prepare_cmd(struct nsh *sh, int argc, char **argv,
		       struct nsh_prepared *p)
{
	struct nsh_args args, *a = &args;
	int rc;

	if (cmdtree_match(sh, argc, argv, a) ||
	    (!a->cmd->fn && sh->o.native && run_fallback(sh, argc, argv)))
		return 1;
	if ((a->cmd->flags & NSH_CMD_NESTED) && a->nrest &&
	    (rc = nsh_run_words(sh, a->nrest, a->rest, NSH_CHECK)))
		return rc;
	if (a->cmd->flags & NSH_CMD_UNDO)
		nsh_undo_wanted = true;
	p->bind = malloc(sizeof(*p->bind) * (size_t)(a->nbind + 1));
	if (!p->bind)
		return nsh_err_raw(sh, "out of memory");
	memcpy(p->bind, a->bind, sizeof(*p->bind) * (size_t)a->nbind);
	p->cmd = a->cmd;
	p->nbind = a->nbind;
	p->rest_pos = a->rest ? (int)(a->rest - argv) : -1;
	snprintf(p->cmdname, sizeof(p->cmdname), "%s", sh->cmdname);
	return 0;
}

int nsh_prepare_line(struct nsh *sh, const char *line, struct nsh_prepared *p)
{
	struct nsh_words w;
	const char *err;
	int col, skip, argc, rc;
	char **argv;

	memset(p, 0, sizeof(*p));
	if (!sh_line_is_plain(line))
		return prepare_tree(sh, line, p);
	if (lex_split(line, &w, &err, &col) < 0) {
		sh->cmdname[0] = '\0';
		return nsh_err_raw(sh, "column %d: %s", col + 1, err);
	}
	skip = skip_sudo(w.n, w.w);
	argc = w.n - skip;
	argv = w.w + skip;
	if (!argc)
		goto done;
	sh->cmdname[0] = '\0';
	rc = ns_then_command(argc, argv) ?
		     nsh_run_words(sh, argc - 1, argv + 1, NSH_CHECK) :
	     !cmdtree_is_root(argv[0]) ? check_program(sh, argc, argv) : 0;
	words_mark(sh, line, &w);
	if (!rc && cmdtree_is_root(argv[0]))
		rc = prepare_cmd(sh, argc, argv, p);
	sh->tok_words = NULL;
	if (rc) {
		lex_free(&w);
		return rc;
	}
	/* the words stay: the bindings point into them */
	p->argv = malloc(sizeof(*p->argv) * (size_t)(argc + 1));
	if (!p->argv) {
		nsh_prepared_free(p);
		lex_free(&w);
		return nsh_err_raw(sh, "out of memory");
	}
	memcpy(p->argv, argv, sizeof(*argv) * (size_t)argc);
	p->argv[argc] = NULL;
	p->argc = argc;
	p->buf = TAKE_PTR(w.buf);
done:
	lex_free(&w);
	return 0;
}

int nsh_run_prepared(struct nsh *sh, const struct nsh_prepared *p)
{
	struct nsh_args args, *a = &args;

	if (p->tree)
		return sh->last_status = sh_run(sh, p->tree, NSH_RUN);
	if (!p->argc)
		return 0;
	sh->cmdname[0] = '\0';
	if (!p->cmd)
		return sh->last_status = run_program_words(sh, p->argc,
							   p->argv);
	a->rest = NULL;
	a->nrest = 0;
	a->words = NULL;
	a->cmd = p->cmd;
	a->nbind = p->nbind;
	memcpy(a->bind, p->bind, sizeof(*p->bind) * (size_t)p->nbind);
	if (p->rest_pos >= 0) {
		a->rest = p->argv + p->rest_pos;
		a->nrest = p->argc - p->rest_pos;
	}
	snprintf(sh->cmdname, sizeof(sh->cmdname), "%s", p->cmdname);
	return sh->last_status = run_args(sh, p->argc, p->argv, a);
}

void nsh_prepared_free(struct nsh_prepared *p)
{
	if (p->tree) {
		sh_line_free(p->tree);
		free(p->tree);
	}
	free(p->bind);
	free(p->argv);
	free(p->buf);
	memset(p, 0, sizeof(*p));
}
