/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * check.c - `nsh --check FILE [-j]`: grade the live lab against the
 * `expect` lines of FILE, whoever built it (nsh, iproute2 by hand, or
 * both).  Every other line is skipped: nothing is created or changed.
 *
 * FILE is read as a script is (a UTF-8 BOM skipped, CRLF accepted, a
 * trailing backslash joins the next line unless it ends a comment, '#'
 * starts a comment, a leading `sudo` ignored), with a reader of its own.
 * Every expect line is matched against the grammar first: a malformed one
 * is the lab's mistake, not the student's, so nothing is graded then.
 * Then each check runs and prints one line, failures included:
 *
 *   PASS  line 12: expect reach ns1 ns2
 *   FAIL  line 14: expect link ns2:veth-ns2 up: it is down
 *   3 of 4 checks passed
 *
 * or, with -j, one JSON object: {"file","passed","failed","checks":[{"line",
 * "check","ok","detail"}]}.  Exit 0 all passed, 1 some failed, 2 none
 * found or FILE unusable.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "core.h"


/* one logical line of FILE */
struct cline {
	char *text;
	int lineno;
};

/* true if S ends inside a comment (a '#' that starts a word, outside
 * quotes), where a backslash does not continue the line */
static bool in_comment(const char *s)
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
		} else if (*p == '#' &&
			   (p == s || p[-1] == ' ' || p[-1] == '\t')) {
			return true;
		}
	}
	return false;
}

/*
 * read_lines - FILE ("-": standard input) as logical lines in *RET (free
 * each text and the array).  Returns 0, or -1 after reporting one line.
 */
static int read_lines(const char *path, struct cline **ret, int *ret_n)
{
	FILE *f = streq(path, "-") ? stdin : fopen(path, "re");
	struct cline *v = NULL;
	char *buf = NULL, *acc = NULL;
	size_t cap = 0, acclen = 0;
	int n = 0, lineno = 0, accline = 0;
	struct stat st;
	ssize_t len;

	if (!f || (f != stdin && (fstat(fileno(f), &st) < 0 ||
				  !S_ISREG(st.st_mode)))) {
		fprintf(stderr, "nsh: %s: %s\n", path,
			f ? "not a regular file" : strerror(errno));
		if (f && f != stdin)
			fclose(f);
		return -1;
	}
	while ((len = getline(&buf, &cap, f)) >= 0) {
		char *p = buf;
		size_t l = (size_t)len, bs = 0;

		lineno++;
		if (memchr(buf, '\0', l)) {
			fprintf(stderr, "nsh: %s:%d: a NUL byte: this is not a "
				"text file\n", path, lineno);
			goto fail;
		}
		if (lineno == 1 && l >= 3 && !memcmp(p, "\xef\xbb\xbf", 3)) {
			p += 3;
			l -= 3;
		}
		if (l && p[l - 1] == '\n')
			p[--l] = '\0';
		if (l && p[l - 1] == '\r')
			p[--l] = '\0';
		for (size_t i = l; i > 0 && p[i - 1] == '\\'; i--)
			bs++;
		if (!acc)
			accline = lineno;
		acc = realloc(acc, acclen + l + 2);
		if (!acc)
			goto oom;
		memcpy(acc + acclen, p, l + 1);
		acclen += l;
		if (bs % 2 == 1 && !in_comment(acc)) {
			acc[acclen - 1] = ' ';	/* the backslash: a blank */
			continue;
		}
		v = realloc(v, sizeof(*v) * (size_t)(n + 1));
		if (!v)
			goto oom;
		v[n++] = (struct cline){ acc, accline };
		acc = NULL;
		acclen = 0;
	}
	if (acc) {	/* a continuation on the last line */
		v = realloc(v, sizeof(*v) * (size_t)(n + 1));
		if (!v)
			goto oom;
		v[n++] = (struct cline){ acc, accline };
	}
	free(buf);
	if (f != stdin)
		fclose(f);
	*ret = v;
	*ret_n = n;
	return 0;
oom:
	fprintf(stderr, "nsh: %s: out of memory\n", path);
fail:
	for (int i = 0; i < n; i++)
		free(v[i].text);
	free(v);
	free(acc);
	free(buf);
	if (f != stdin)
		fclose(f);
	return -1;
}

/* the words of L after a leading sudo; 0: not an expect line.  A line that
 * cannot be split counts when it starts with "expect" (reported). */
static int expect_words(struct nsh *sh, const struct cline *l,
			struct nsh_words *w, char ***ret_argv)
{
	const char *err;
	int col, skip;

	if (lex_split(l->text, w, &err, &col) < 0) {
		const char *p = l->text + strspn(l->text, " \t");

		if (!strncmp(p, "sudo ", 5))
			p += 5 + strspn(p + 5, " \t");
		if (strncmp(p, "expect", 6) || (p[6] && !strchr(" \t", p[6])))
			return 0;
		sh->cmdname[0] = '\0';
		return -nsh_err_raw(sh, "column %d: %s", col + 1, err);
	}
	skip = skip_sudo(w->n, w->w);
	if (skip == w->n || !streq(w->w[skip], "expect")) {
		lex_free(w);
		return 0;
	}
	*ret_argv = w->w + skip;
	return w->n - skip;
}

/* "expect link ns2:veth-ns2 up": the words, escaped, one blank apart */
static void check_text(int argc, char **argv, char *buf, size_t len)
{
	size_t n = 0;
	char esc[300];

	buf[0] = '\0';
	for (int i = 0; i < argc && n + 1 < len; i++)
		n += (size_t)snprintf(buf + n, len - n, "%s%s", i ? " " : "",
				      str_escape(argv[i], esc, sizeof(esc)));
}

/* evaluate the expect line ARGV (already matched once): one result */
static bool run_check(struct nsh *sh, int argc, char **argv, char *detail,
		      size_t len)
{
	char what[512], found[512], hint[800];
	struct nsh_args a;
	bool ok;

	if (cmdtree_match(sh, argc, argv, &a)) {
		snprintf(detail, len, "cannot be read");
		return false;
	}
	ok = expect_eval(sh, &a, what, found, hint, sizeof(what));
	if (ok || !hint[0])
		snprintf(detail, len, "%s", found);
	else
		snprintf(detail, len, "%s; %s", found, hint);
	return ok;
}

/* the outcome of one check, kept for the JSON object */
struct result {
	int line;
	bool ok;
	char *check, *detail;
};

/* the gradebook line of -j */
static void print_json(const char *name, const struct result *r, int n,
		       int passed)
{
	struct json j = { 0 };

	json_begin_object(&j);
	json_str(&j, "file", name);
	json_int(&j, "passed", passed);
	json_int(&j, "failed", n - passed);
	json_key(&j, "checks");
	json_begin_array(&j);
	for (int i = 0; i < n; i++) {
		json_key(&j, NULL);
		json_begin_object(&j);
		json_int(&j, "line", r[i].line);
		json_str(&j, "check", r[i].check ? r[i].check : "");
		json_bool(&j, "ok", r[i].ok);
		json_str(&j, "detail", r[i].detail ? r[i].detail : "");
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	json_end(&j);
}

int check_run_file(struct nsh *sh, const char *path)
{
	const char *name = streq(path, "-") ? "<stdin>" : path;
	struct cline *lines = NULL;
	struct result *res = NULL;
	int n = 0, nchecks = 0, nres = 0, passed = 0, status = 0;

	if (read_lines(path, &lines, &n) < 0)
		return 2;
	sh->file = name;
	/* pass 1: every expect line is a valid check */
	for (int i = 0; i < n && !status; i++) {
		struct nsh_words w;
		struct nsh_args a;
		char **argv = NULL;
		int argc;

		sh->line = lines[i].lineno;
		argc = expect_words(sh, &lines[i], &w, &argv);
		if (argc < 0)
			status = 2;
		if (argc <= 0)
			continue;
		nchecks++;
		if (cmdtree_match(sh, argc, argv, &a))
			status = 2;
		lex_free(&w);
	}
	if (!status && !nchecks) {
		fprintf(stderr, "nsh: %s: no 'expect' lines to check\n", name);
		if (sh->o.json)
			print_json(name, NULL, 0, 0);
		status = 2;
	}
	if (status)
		goto out;
	res = calloc((size_t)nchecks, sizeof(*res));
	if (!res) {
		fprintf(stderr, "nsh: out of memory\n");
		status = 2;
		goto out;
	}
	/* pass 2: run them, every one, in order */
	for (int i = 0; i < n; i++) {
		char text[600], detail[1400];
		struct nsh_words w;
		char **argv = NULL;
		int argc;
		bool ok;

		sh->line = lines[i].lineno;
		argc = expect_words(sh, &lines[i], &w, &argv);
		if (argc <= 0)
			continue;
		check_text(argc, argv, text, sizeof(text));
		ok = run_check(sh, argc, argv, detail, sizeof(detail));
		lex_free(&w);
		passed += ok;
		res[nres++] = (struct result){ lines[i].lineno, ok,
					       strdup(text), strdup(detail) };
		if (sh->o.json)
			continue;
		if (ok)
			printf("PASS  line %d: %s\n", lines[i].lineno, text);
		else
			printf("FAIL  line %d: %s: %s\n", lines[i].lineno,
			       text, detail);
		fflush(stdout);
	}
	if (sh->o.json)
		print_json(name, res, nres, passed);
	else
		printf("%d of %d checks passed\n", passed, nres);
	status = passed == nres ? 0 : 1;
out:
	sh->file = NULL;
	for (int i = 0; i < nres; i++) {
		free(res[i].check);
		free(res[i].detail);
	}
	free(res);
	for (int i = 0; i < n; i++)
		free(lines[i].text);
	free(lines);
	return status;
}
