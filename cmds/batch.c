/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * batch.c - `ip -batch FILE`, `bridge -batch FILE`, `tc -batch FILE`
 * ("-": standard input), read as iproute2's do_batch() reads it: a '#'
 * ends a line, a backslash at its end joins the next one, words are
 * separated by blanks and may be quoted with '…' or "…" (a quote only
 * opens a word, and the next same quote closes it).  Each line runs as
 * `ip LINE`, with the global options given before -batch (`ip -n ns1
 * -batch f` acts in ns1); the first failure stops the file unless -force
 * was given, and the status is 1 if any line failed.  As in iproute2, a
 * line whose words are wrong (a missing value, a bad address) ends the
 * file at once, -force or not, with status 255; an unknown object is only
 * a failed line.
 *
 * A failing line says so itself, with the file and the line it starts on
 * ("f:3: ip link add: 'v1': …"), as the lines of an nsh script do.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "ipl.h"

#define MAX_ARGS 512	/* iproute2's: a line with more words is refused */

struct batch {
	struct nsh *sh;
	const char *root;	/* "ip", "bridge", "tc" */
	const char *name;	/* the file, as given */
	FILE *f;
	int lineno;		/* the last physical line read */
};

/* getline, with the line cut at its first '#' */
static ssize_t read_line(struct batch *b, char **line, size_t *cap)
{
	ssize_t n = getline(line, cap, b->f);
	char *hash;

	if (n < 0)
		return n;
	b->lineno++;
	hash = strchr(*line, '#');
	if (hash)
		*hash = '\0';
	return (ssize_t)strlen(*line);
}

/*
 * The next logical line into *LINE (a backslash-newline joins the next
 * physical line); *START: the line it starts on.  -1 at the end of the
 * file, or when the last line ends in a backslash (iproute2 stops there,
 * saying so).
 */
static ssize_t next_line(struct batch *b, char **line, size_t *cap,
			 int *start)
{
	ssize_t n = read_line(b, line, cap);
	char *bs;

	*start = b->lineno;
	if (n < 0)
		return n;
	while ((bs = strstr(*line, "\\\n"))) {
		_cleanup_free_ char *next = NULL;
		size_t ncap = 0;
		char *joined;

		*bs = '\0';
		if (read_line(b, &next, &ncap) < 0) {
			b->sh->line = b->lineno;
			snprintf(b->sh->cmdname, sizeof(b->sh->cmdname), "%s",
				 b->root);
			nsh_err(b->sh, "missing continuation line");
			return -1;
		}
		joined = malloc(strlen(*line) + strlen(next) + 1);
		if (!joined)
			return -1;
		strcpy(joined, *line);
		strcat(joined, next);
		free(*line);
		*line = joined;
		*cap = strlen(joined) + 1;
	}
	return (ssize_t)strlen(*line);
}

/* iproute2's makeargs(): LINE split into ARGV in place; how many words,
 * or -1 after reporting */
static int split(struct batch *b, char *line, char **argv)
{
	static const char ws[] = " \t\r\n";
	char *p = line;
	int n = 0;

	while (*p) {
		p += strspn(p, ws);
		if (!*p)
			break;
		if (n >= MAX_ARGS - 1) {
			nsh_err(b->sh, "too many words (at most %d)",
				MAX_ARGS - 1);
			return -1;
		}
		if (*p == '\'' || *p == '"') {
			char quote = *p++;

			argv[n++] = p;
			p = strchr(p, quote);
			if (!p) {
				nsh_err(b->sh, "unterminated quoted string");
				return -1;
			}
		} else {
			argv[n++] = p;
			p += strcspn(p, ws);
			if (!*p)
				break;
		}
		*p++ = '\0';
	}
	argv[n] = NULL;
	return n;
}

/*
 * One line of the file, as `ROOT LINE`: 0, 1 (it failed), or -1 (the
 * words are wrong: iproute2's usage(), invarg(), duparg() exit at once,
 * -force or not; an unknown object is only a failed line).
 */
static int run_line(struct batch *b, int argc, char **words)
{
	char *argv[MAX_ARGS + 1];
	char esc[160];

	/* the line starts with the object: an option there is no object
	 * (iproute2: Object "-n" is unknown) */
	if (words[0][0] == '-' || !ipl_is_object(b->root, words[0]))
		return nsh_err(b->sh, "'%s': unknown object",
			       str_escape(words[0], esc, sizeof(esc)));
	argv[0] = (char *)b->root;
	memcpy(argv + 1, words, sizeof(*words) * (size_t)argc);
	argv[argc + 1] = NULL;
	if (nsh_run_words(b->sh, argc + 1, argv, NSH_CHECK))
		return -1;
	return nsh_run_words(b->sh, argc + 1, argv, NSH_RUN) ? 1 : 0;
}

static int run_file(struct batch *b)
{
	_cleanup_free_ char *line = NULL;
	size_t cap = 0;
	int ret = 0, start, rc;

	while (!nsh_interrupted && next_line(b, &line, &cap, &start) >= 0) {
		char *words[MAX_ARGS + 1];
		int n;

		ANALYZER_KEEP(line);
		snprintf(b->sh->cmdname, sizeof(b->sh->cmdname), "%s",
			 b->root);
		b->sh->line = start;
		n = split(b, line, words);
		if (n < 0)	/* iproute2 exits at once */
			return 1;
		if (!n)
			continue;
		rc = run_line(b, n, words);
		if (rc < 0)
			return 255;
		if (rc) {
			ret = 1;
			if (!b->sh->o.force)
				break;
		}
	}
	ANALYZER_KEEP(line);
	return ret;
}

static int cmd_batch(struct nsh *sh, const struct nsh_args *a)
{
	struct batch b = { .sh = sh, .name = sh->o.batch };
	const char *file = sh->file;
	int line = sh->line, rc;
	char root[16];

	snprintf(root, sizeof(root), "%.*s", (int)strcspn(a->cmd->syntax, " "),
		 a->cmd->syntax);
	b.root = root;
	if (!b.name)
		return nsh_err(sh, "missing FILE after '-batch'");
	if (streq(b.name, "-")) {
		b.f = stdin;
	} else {
		b.f = fopen(b.name, "re");
		if (!b.f)
			return nsh_err(sh, "'%s': cannot open for reading: %s",
				       b.name, strerror(errno));
	}
	sh->file = b.name;
	rc = run_file(&b);
	fflush(stdout);
	sh->file = file;
	sh->line = line;
	snprintf(sh->cmdname, sizeof(sh->cmdname), "%s -batch", root);
	if (b.f != stdin)
		fclose(b.f);
	else
		clearerr(stdin);
	/* ip -batch exits 1 whatever its failing line's reason */
	nsh_kernel_refused = false;
	return rc;
}

static const struct nsh_cmd batch_cmds[] = {
	{ "ip -batch", "run the ip commands of a file (-: standard input)",
	  cmd_batch, 0, "ip -batch lab.ip" },
	{ "bridge -batch", "run the bridge commands of a file",
	  cmd_batch, 0, "bridge -batch lab.bridge" },
	{ "tc -batch", "run the tc commands of a file", cmd_batch, 0,
	  "tc -batch lab.tc" },
	{ NULL },
};

const struct nsh_family batch_family = {
	"batch", "ip/bridge/tc -batch FILE: a file of commands, as iproute2",
	batch_cmds,
};
