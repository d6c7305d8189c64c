/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * script.c - run a .nsh script: one input loop for files, standard input
 * and `-c`.
 *
 * The whole script is read and split into logical lines first (a UTF-8 BOM
 * skipped, CRLF accepted, a trailing backslash joins the next line, a NUL
 * byte refused), then every line is checked (words, grammar and placeholder
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
#include <string.h>
#include <sys/stat.h>

#include "core.h"



/* true if S ends inside a comment (a '#' that starts a word, outside
 * quotes): a backslash there does not continue the line, as in sh(1) */
static bool ends_in_comment(const char *s)
{
	char q = 0;

	for (const char *p = s; *p; p++) {
		if (q) {
			if (*p == q)
				q = 0;
			else if (q == '"' && *p == '\\' && p[1])
				p++;
		} else if (*p == '\'' || *p == '"') {
			q = *p;
		} else if (*p == '\\' && p[1]) {
			p++;
		} else if (*p == '#' && (p == s || p[-1] == ' ' || p[-1] == '\t')) {
			return true;
		}
	}
	return false;
}

/* *P resized to SIZE bytes; on failure *P is left as it was (so that it
 * can be freed) and -1 returned */
static int grow(void **p, size_t size)
{
	void *np = realloc(*p, size);

	if (!np)
		return -1;
	*p = np;
	return 0;
}

/* split BUF (modified in place) into logical lines; *RET_DANGLING is the
 * line a backslash at the very end continues into nothing (0: none) */
static int split_lines(char *buf, size_t len, struct script_line **ret,
		       int *ret_n, int *ret_dangling)
{
	struct script_line *v = NULL;
	int n = 0, cap = 0, lineno = 0;
	char *p = buf, *end = buf + len;
	char *acc = NULL;
	size_t acclen = 0;
	int accline = 0;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *e = nl ? nl : end;
		size_t l;
		int bs = 0;

		lineno++;
		*e = '\0';
		l = (size_t)(e - p);
		if (l && p[l - 1] == '\r')
			p[--l] = '\0';
		for (size_t i = l; i > 0 && p[i - 1] == '\\'; i--)
			bs++;
		if (!acc)
			accline = lineno;
		if (grow((void **)&acc, acclen + l + 2) < 0)
			goto fail;
		memcpy(acc + acclen, p, l);
		acclen += l;
		acc[acclen] = '\0';
		if (bs % 2 == 1 && !ends_in_comment(acc)) {
			acc[--acclen] = ' ';	/* the backslash becomes a blank */
			acclen++;
			acc[acclen] = '\0';
		} else {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				if (grow((void **)&v, sizeof(*v) * (size_t)cap))
					goto fail;
			}
			v[n].text = acc;
			v[n].lineno = accline;
			n++;
			acc = NULL;
			acclen = 0;
		}
		p = nl ? nl + 1 : end;
	}
	*ret_dangling = 0;
	if (acc) {
		*ret_dangling = lineno;
		if (n == cap &&
		    grow((void **)&v, sizeof(*v) * (size_t)(cap + 1)) < 0)
			goto fail;
		v[n].text = acc;
		v[n].lineno = accline;
		n++;
	}
	*ret = v;
	*ret_n = n;
	return 0;
fail:	/* out of memory: nothing is left allocated */
	free(acc);
	script_lines_free(v, n);
	return -1;
}

/* -x: show LINE as if typed at the prompt (blank and comment lines not) */
static void xtrace(struct nsh *sh, const char *line)
{
	const char *p = line + strspn(line, " \t");
	char esc[300];

	if (!*p || *p == '#')
		return;
	if (sh->cur.label[0] && !ns_same(&sh->cur, &sh->home))
		printf("nsh[%s]> %s\n",
		       str_escape(sh->cur.label, esc, sizeof(esc)), p);
	else
		printf("nsh> %s\n", p);
	fflush(stdout);
}

/* BUF as logical lines, refusing a NUL byte: 0, or 1 after reporting */
static int buffer_lines(struct nsh *sh, const char *name, char *buf,
			size_t len, struct script_line **ret, int *ret_n)
{
	const char *nul = memchr(buf, '\0', len);
	int dangling;

	sh->file = name;
	if (nul) {
		sh->line = 1;
		for (const char *q = buf; q < nul; q++)
			sh->line += *q == '\n';
		return nsh_err_raw(sh, "a NUL byte: this is not a text file");
	}
	if (split_lines(buf, len, ret, ret_n, &dangling) < 0)
		return nsh_err_raw(sh, "out of memory");
	if (dangling) {
		script_lines_free(*ret, *ret_n);
		*ret = NULL;
		*ret_n = 0;
		sh->line = dangling;
		return nsh_err_raw(sh, "a backslash at the end of the file "
				       "continues this line into nothing");
	}
	return 0;
}

void script_lines_free(struct script_line *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].text);
	free(v);
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

/* check every line, then run them: the status of the script.  The checked
 * lines are kept (words and matched arguments) and run as they are, not
 * parsed again; with --keep-going nothing is checked first. */
static int run_lines(struct nsh *sh, struct script_line *lines, int n)
{
	struct nsh_prepared *prep = NULL;
	int status = 0, last = 0, fail_rc = 1;
	bool failed = false;

	if (!sh->o.keep_going) {
		prep = calloc((size_t)n + 1, sizeof(*prep));
		if (!prep)
			return nsh_err_raw(sh, "out of memory");
		nsh_vars_check_begin();
		for (int i = 0; i < n; i++) {
			sh->line = lines[i].lineno;
			if (nsh_prepare_line(sh, lines[i].text, &prep[i])) {
				not_run(sh, lines, 0, n);
				status = 1;
				goto out;
			}
		}
	}
	nsh_vars_check_begin();
	sh->errexit = !sh->o.keep_going;
	for (int i = 0; i < n && !sh->quit; i++) {
		int rc;

		sh->line = lines[i].lineno;
		sh->verdict = NSH_LINE_BY_STATUS;
		if (sh->o.xtrace)
			xtrace(sh, lines[i].text);
		if (prep) {
			rc = nsh_run_prepared(sh, &prep[i]);
			nsh_prepared_free(&prep[i]);
		} else {
			rc = nsh_run_line(sh, lines[i].text, NSH_RUN);
		}
		if (nsh_terminated) {
			nsh_err_raw(sh, "terminated by signal %d",
				    (int)nsh_terminated);
			status = 128 + nsh_terminated;
			goto out;
		}
		if (nsh_interrupted) {
			nsh_err_raw(sh, "interrupted");
			status = 130;
			goto out;
		}
		/* `false && x` fails no script (sh -e); its status is the
		 * script's if it is the last line */
		last = sh->verdict == NSH_LINE_OK ? rc : 0;
		if (sh->verdict == NSH_LINE_FAILED ||
		    (rc && sh->verdict == NSH_LINE_BY_STATUS)) {
			/* as bash -e: the failing line's status (2: the
			 * kernel refused, 1: a bad line, a program's own) */
			failed = true;
			fail_rc = rc ? rc : 1;
			if (!sh->o.keep_going) {
				not_run(sh, lines, i + 1, n);
				break;
			}
		}
	}
	status = failed ? fail_rc : last;
	/* no teardown_wait: like ip, the script is done when the kernel has
	 * its last request; what a deleted namespace still takes along goes
	 * in the background, and any later command that would meet it waits
	 * for it (teardown_settle), in this session or another one */
out:
	sh->errexit = false;
	prepared_free(prep, n);
	return status;
}

int script_run_buffer(struct nsh *sh, const char *name, char *buf, size_t len)
{
	struct script_line *lines = NULL;
	int n = 0, status;

	if (buffer_lines(sh, name, buf, len, &lines, &n))
		return 1;
	status = run_lines(sh, lines, n);
	script_lines_free(lines, n);
	return status;
}

/* read all of FD into a NUL-terminated buffer */
static char *slurp(int fd, size_t *ret_len)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap + 1);

	while (buf) {
		ssize_t r = read(fd, buf + len, cap - len);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		len += (size_t)r;
		if (len == cap) {
			char *nb = realloc(buf, cap * 2 + 1);

			if (!nb) {
				free(buf);
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
	}
	if (buf)
		buf[len] = '\0';
	*ret_len = len;
	return buf;
}

int script_load(struct nsh *sh, const char *path, struct script_line **ret,
		int *ret_n)
{
	_cleanup_close_ int fd = -1;
	_cleanup_free_ char *buf = NULL;
	struct stat st = { 0 };
	size_t len;

	/* O_PATH first: opening a FIFO would wait for a writer, a device
	 * may act on open; only a regular file is then opened to read */
	if (streq(path, "-"))
		fd = dup(0);
	else
		fd = open(path, O_PATH | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "nsh: %s: %s\n", path, strerror(errno));
		return 1;
	}
	if (!streq(path, "-") && (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))) {
		fprintf(stderr, "nsh: %s: not a regular file\n", path);
		return 1;
	}
	if (!streq(path, "-")) {
		char self[64];
		int rfd;

		snprintf(self, sizeof(self), "/proc/self/fd/%d", fd);
		rfd = open(self, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (rfd < 0) {
			fprintf(stderr, "nsh: %s: %s\n", path, strerror(errno));
			return 1;
		}
		close(fd);
		fd = rfd;
		/* a root shell runs what anyone could have written */
		if (st.st_mode & S_IWOTH)
			fprintf(stderr, "nsh: %s: warning: anyone may write "
					"this script (chmod o-w)\n",
				path);
	}
	buf = slurp(fd, &len);
	if (!buf) {
		fprintf(stderr, "nsh: %s: %s\n", path, strerror(errno));
		return 1;
	}
	return buffer_lines(sh, streq(path, "-") ? "<stdin>" : path, buf, len,
			    ret, ret_n);
}

int script_run_file(struct nsh *sh, const char *path)
{
	struct script_line *lines = NULL;
	int n = 0, status;

	if (script_load(sh, path, &lines, &n))
		return 1;
	status = run_lines(sh, lines, n);
	script_lines_free(lines, n);
	return status;
}
