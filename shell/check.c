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

/* the words of L after a leading sudo; 0: not an expect line.  A line that
 * cannot be split counts when it starts with "expect" (reported). */
static int expect_words(struct nsh *sh, const struct script_line *l,
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

bool (*nsh_check_hook)(struct nsh *sh, const struct nsh_args *a, char *what,
		       char *found, char *hint, size_t len);

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
	what[0] = found[0] = hint[0] = '\0';
	if (!nsh_check_hook) {
		snprintf(detail, len, "cannot be evaluated");
		return false;
	}
	ok = nsh_check_hook(sh, &a, what, found, hint, sizeof(what));
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

/* pass 1: every expect line of LINES[0..N) is a valid check; how many
 * there are, or -1 after reporting */
static int count_checks(struct nsh *sh, const struct script_line *lines,
			int n)
{
	int nchecks = 0, status = 0;

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
	return status ? -1 : nchecks;
}

/* pass 2: the checks of LINES[0..N) run, every one, in order, each
 * result in RES[*NRES] and a PASS or FAIL line (but with -j); how many
 * passed */
static int run_checks(struct nsh *sh, const struct script_line *lines,
		      int n, struct result *res, int *nres)
{
	int passed = 0;

	for (int i = 0; i < n; i++) {
		char text[600], detail[1400];
		struct nsh_words w;
		char **argv = NULL;
		int argc;
		bool ok;

		sh->line = lines[i].lineno;
		argc = expect_words(sh, &lines[i], &w, &argv);
		if (argc <= 0 || !argv)
			continue;
		check_text(argc, argv, text, sizeof(text));
		ok = run_check(sh, argc, argv, detail, sizeof(detail));
		lex_free(&w);
		passed += ok;
		res[(*nres)++] = (struct result){ lines[i].lineno, ok,
						  strdup(text),
						  strdup(detail) };
		if (sh->o.json)
			continue;
		if (ok)
			printf("PASS  line %d: %s\n", lines[i].lineno, text);
		else
			printf("FAIL  line %d: %s: %s\n", lines[i].lineno,
			       text, detail);
		fflush(stdout);
	}
	return passed;
}

int check_run_file(struct nsh *sh, const char *path)
{
	const char *name = streq(path, "-") ? "<stdin>" : path;
	struct script_line *lines = NULL;
	struct result *res = NULL;
	int n = 0, nchecks, nres = 0, passed, status = 0;

	if (script_load(sh, path, &lines, &n))
		return 2;
	sh->file = name;
	nchecks = count_checks(sh, lines, n);
	if (nchecks < 0)
		status = 2;
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
	passed = run_checks(sh, lines, n, res, &nres);
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
	script_lines_free(lines, n);
	return status;
}
