/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * script.c - run a .nsh script: a file, standard input, a multi-line `-c`
 * or a pasted block.
 *
 * The whole script is read into logical lines first (input.c: the one
 * reader and continuation rule of every source), then every line is
 * checked (words, grammar and placeholder
 * values) before the first one runs: a typo on line 40 never leaves 39
 * lines of half-built lab behind.  It then runs line by line and stops at
 * the first failure with "FILE:LINE: …" and status 1; --keep-going runs on
 * and still exits 1.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core.h"



/* -x: show LINE as if typed at the prompt (blank and comment lines not) */
static void xtrace(struct nsh *sh, const char *line)
{
	const char *p = line + strspn(line, " \t");
	char prompt[320];

	if (!*p || *p == '#' || sh->redact)
		return;
	input_prompt(sh, false, false, prompt, sizeof(prompt));
	printf("%s%s\n", prompt, p);
	fflush(stdout);
}

static void prepared_free(struct nsh_prepared *v, int n)
{
	for (int i = 0; v && i < n; i++)
		nsh_prepared_free(&v[i]);
	free(v);
}

/* a pasted block stopped before line FROM: say which lines did not run */
static void not_run(struct nsh *sh, const struct script_line *lines,
		    int from, int n)
{
	int left = 0;

	if (!sh->pasting)
		return;
	for (int i = from; i < n; i++)
		left += lines[i].text[strspn(lines[i].text, " \t")] != '\0';
	if (!left)
		return;
	fprintf(stderr, "not run (%d line%s):\n", left, left == 1 ? "" : "s");
	for (int i = from; i < n; i++)
		if (lines[i].text[strspn(lines[i].text, " \t")])
			fprintf(stderr, "  %s\n", lines[i].text);
}

#define NEEDS_SH (-2)	/* check_lines met sh syntax nsh does not run */

/* a prepared line run now, in the checking pass (NSH_CMD_EARLY), by a
 * session that ends with the script (what it started cannot outlive a
 * script that fails its check): its status; it is not run again */
static int run_early(struct nsh *sh, struct nsh_prepared *p,
		     const char *text)
{
	int rc;

	if (sh->interactive || !p->cmd || p->tree ||
	    !(p->cmd->flags & NSH_CMD_EARLY) || strpbrk(text, "$`"))
		return 0;
	sh->whole_script++;
	rc = nsh_run_prepared(sh, p);
	sh->whole_script--;
	nsh_prepared_free(p);
	return rc;
}

/* the checking pass: every line prepared in PREP (words and matched
 * arguments kept), or the status of the first that fails */
static int check_lines(struct nsh *sh, struct script_line *lines, int n,
		       struct nsh_prepared *prep)
{
	nsh_vars_check_begin();
	for (int i = 0; i < n; i++) {
		int rc;

		sh->line = lines[i].lineno;
		rc = nsh_prepare_line(sh, lines[i].text, &prep[i]);
		if (rc && sh->needs_sh.met)
			return NEEDS_SH;	/* bash will run it */
		if (!rc)
			rc = run_early(sh, &prep[i], lines[i].text);
		if (rc) {
			not_run(sh, lines, 0, n);
			return rc == 127 ? rc : 1;
		}
	}
	return 0;
}

/* line I, run (prepared when PREP): its status */
static int run_one(struct nsh *sh, struct script_line *lines, int i,
		   struct nsh_prepared *prep)
{
	int rc;

	sh->line = lines[i].lineno;
	sh->verdict = NSH_LINE_BY_STATUS;
	if (sh->o.xtrace)
		xtrace(sh, lines[i].text);
	if (!prep)
		return nsh_run_line(sh, lines[i].text, NSH_RUN);
	rc = nsh_run_prepared(sh, &prep[i]);
	nsh_prepared_free(&prep[i]);
	return rc;
}

/* a signal stopped the script: its status, or 0 if none came */
static int signalled(struct nsh *sh)
{
	if (nsh_terminated) {
		nsh_err_raw(sh, "terminated by signal %d", (int)nsh_terminated);
		return 128 + nsh_terminated;
	}
	if (nsh_interrupted) {
		nsh_err_raw(sh, "interrupted");
		return 130;
	}
	return 0;
}

/*
 * Run the lines as sh -e would: the first failing line ends the script
 * with its status (2: the kernel refused, 1: a bad line, a program's
 * own); `false && x` fails nothing, and its status is the script's if it
 * is the last line.  With --keep-going every line runs.
 */
static int run_checked(struct nsh *sh, struct script_line *lines, int n,
		       struct nsh_prepared *prep)
{
	int last = 0, fail_rc = 0;

	nsh_vars_check_begin();
	sh->errexit = !sh->o.keep_going;
	for (int i = 0; i < n && !sh->quit; i++) {
		int rc = run_one(sh, lines, i, prep), sig = signalled(sh);

		if (sig)
			return sig;
		last = sh->verdict == NSH_LINE_OK ? rc : 0;
		if (sh->verdict == NSH_LINE_FAILED ||
		    (rc && sh->verdict == NSH_LINE_BY_STATUS)) {
			fail_rc = rc ? rc : 1;
			if (!sh->o.keep_going) {
				not_run(sh, lines, i + 1, n);
				break;
			}
		}
	}
	return fail_rc ? fail_rc : last;
}

/* check every line, then run them: the status of the script.  The checked
 * lines are kept (words and matched arguments) and run as they are, not
 * parsed again; with --keep-going nothing is checked first.  No
 * teardown_wait at the end: like ip, the script is done when the kernel
 * has its last request; what a deleted namespace still takes along goes
 * in the background, and any later command that would meet it waits for
 * it (teardown_settle), in this session or another one. */
static int run_lines(struct nsh *sh, struct script_line *lines, int n)
{
	struct nsh_prepared *prep = NULL;
	int status;

	sh->needs_sh.met = false;
	if (!sh->o.keep_going) {
		prep = calloc((size_t)n + 1, sizeof(*prep));
		if (!prep)
			return nsh_err_raw(sh, "out of memory");
	}
	status = prep ? check_lines(sh, lines, n, prep) : 0;
	if (!status) {
		int st;

		sh->whole_script++;
		status = run_checked(sh, lines, n, prep);
		sh->whole_script--;
		/* what other hosts still owe */
		if (nsh_barrier_hook && (st = nsh_barrier_hook(sh, 0, NULL)) &&
		    !status)
			status = st;
	}
	sh->errexit = false;
	prepared_free(prep, n);
	return status;
}

/* LINES as one text (a script read from stdin, for bash) */
static char *join_lines(const struct script_line *lines, int n)
{
	size_t len = 1;
	char *t, *o;

	for (int i = 0; i < n; i++)
		len += strlen(lines[i].text) + 1;
	if (!(o = t = malloc(len)))
		return NULL;
	for (int i = 0; i < n; i++)
		o += sprintf(o, "%s\n", lines[i].text);
	*o = '\0';
	return t;
}

/* the script (the file PATH, or TEXT) met sh syntax nsh does not run:
 * bash runs it, nsh its ip lines (shfallback.c); its status */
static int run_by_bash(struct nsh *sh, const char *path, const char *text)
{
	int rc = sh_fallback_run(sh, path, text ? text : "", true);

	if (rc >= 0)
		return rc;
	return sh_fallback_refused(sh, rc);
}

int script_run_buffer(struct nsh *sh, const char *name, const char *buf, size_t len)
{
	struct script_line *lines = NULL;
	struct input in;
	int n = 0, status;

	input_buffer(&in, name, buf, len);
	if (input_all(sh, &in, &lines, &n))
		return 1;
	/* a pasted block with a tutorial's loop: bash runs it, here */
	sh->sh_fallback_ok = sh->pasting && !sh->o.keep_going;
	status = run_lines(sh, lines, n);
	sh->sh_fallback_ok = false;
	if (status == NEEDS_SH) {
		_cleanup_free_ char *text = join_lines(lines, n);

		ANALYZER_KEEP(text);	/* _cleanup_: freed in this block */
		status = text ? run_by_bash(sh, NULL, text) :
				nsh_err_raw(sh, "out of memory");
	}
	script_lines_free(lines, n);
	return status;
}

/* the user who started nsh (through sudo: the one who ran sudo) */
static uid_t invoker(void)
{
	const char *s = getenv("SUDO_UID");
	char *end;
	unsigned long u;

	if (getuid() != 0 || !s || !*s)
		return getuid();
	u = strtoul(s, &end, 10);
	return *end ? getuid() : (uid_t)u;
}

/*
 * A script that may be someone's secret (a symlink to /etc/shadow, a key
 * file): not readable by everyone, and reached through a symlink or owned
 * by another user than the one who started nsh.  Its errors then do not
 * quote its lines.
 */
static bool may_be_secret(const char *path, const struct stat *st)
{
	struct stat lst;
	bool link = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);

	return !(st->st_mode & S_IROTH) && (link || st->st_uid != invoker());
}

/* PATH opened to read: O_PATH first, since opening a FIFO would wait for
 * a writer and a device may act on open; only a regular file is then
 * opened to read.  The descriptor, or -1 after reporting; *SECRET: see
 * may_be_secret. */
static int open_script(const char *path, bool *secret)
{
	_cleanup_close_ int fd = open(path, O_PATH | O_CLOEXEC);
	struct stat st;
	char self[64];
	int rfd;

	if (fd < 0) {
		fprintf(stderr, "nsh: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		fprintf(stderr, "nsh: %s: not a regular file\n", path);
		return -1;
	}
	snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
	rfd = open(self, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (rfd < 0) {
		fprintf(stderr, "nsh: %s: %s\n", path, strerror(errno));
		return -1;
	}
	*secret = may_be_secret(path, &st);
	/* a root shell runs what anyone could have written */
	if (st.st_mode & S_IWOTH)
		fprintf(stderr, "nsh: %s: warning: anyone may write this "
				"script (chmod o-w)\n",
			path);
	return rfd;
}

int script_load(struct nsh *sh, const char *path, struct script_line **ret,
		int *ret_n)
{
	bool std = streq(path, "-"), secret = false;
	_cleanup_close_ int fd = std ? dup(0) : open_script(path, &secret);
	struct input in;
	int r;

	if (fd < 0) {
		if (std)
			fprintf(stderr, "nsh: -: %s\n", strerror(errno));
		return 1;
	}
	sh->redact = secret;
	input_stream(&in, std ? "<stdin>" : path, fd, false);
	r = input_all(sh, &in, ret, ret_n);
	input_close(&in);
	return r;
}

int script_run_file(struct nsh *sh, const char *path)
{
	struct script_line *lines = NULL;
	int n = 0, status;

	if (script_load(sh, path, &lines, &n)) {
		sh->redact = false;
		return 1;
	}
	sh->sh_fallback_ok = !sh->interactive && !sh->o.keep_going;
	status = run_lines(sh, lines, n);
	sh->sh_fallback_ok = false;
	if (status == NEEDS_SH) {
		_cleanup_free_ char *text = streq(path, "-") ?
					    join_lines(lines, n) : NULL;

		ANALYZER_KEEP(text);	/* _cleanup_: freed in this block */
		status = streq(path, "-") && !text ?
			 nsh_err_raw(sh, "out of memory") :
			 run_by_bash(sh, streq(path, "-") ? NULL : path, text);
	}
	sh->redact = false;
	script_lines_free(lines, n);
	return status;
}
