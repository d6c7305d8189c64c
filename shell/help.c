/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * help.c - `help [WORDS…]`, rendered from the same declarations that
 * parsing and completion walk (sqlite's .help rules: no words, the
 * families; words, the commands they select, with their usage, an
 * example, and what each placeholder means).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core.h"
#include "ipl.h"
#include "term.h"


/* does WORD abbreviate the row word W or one of its aliases
 * ("show/list/=lst")? */
static bool word_names(const char *w, const char *word)
{
	size_t n = strlen(word);

	while (*w) {
		size_t len = strcspn(w, "/");
		const char *a = w + (*w == '=');
		size_t alen = len - (size_t)(*w == '=');

		if (n <= alen && strncmp(a, word, n) == 0)
			return true;
		w += len;
		w += *w == '/';
	}
	return false;
}

/*
 * Do the words ARGV select row R for `help`?  A family name alone selects
 * the family; otherwise the words must match the row's command words in
 * order (by prefix), and any words beyond those must appear, in order,
 * among the keywords that follow ("help ip netns list").
 */
static bool row_under(int row, int argc, char **argv)
{
	char name[64], syn[512];
	char *save = NULL, *w;
	int i = 0, nname = 0;

	const struct nsh_family *fam;
	const char *rname;
	const struct nsh_cmd *cmd = cmdtree_row(row, &fam, &rname);

	if (argc == 1 && streq(argv[0], fam->name))
		return true;
	snprintf(name, sizeof(name), "%s", rname);
	for (w = strtok_r(name, " ", &save); w && i < argc;
	     w = strtok_r(NULL, " ", &save), i++, nname++)
		if (!word_names(w, argv[i]))
			return false;
	if (i == argc)
		return true;
	/* the rest: keywords after the command words, in order */
	snprintf(syn, sizeof(syn), "%s", cmd->syntax);
	save = NULL;
	for (w = strtok_r(syn, " []{}()|.", &save); w && i < argc;
	     w = strtok_r(NULL, " []{}()|.", &save)) {
		char *slash = strchr(w, '/');

		if (nname > 0) {
			nname--;
			continue;
		}
		if (isupper((unsigned char)*w))
			continue;
		if (slash)
			*slash = '\0';
		if (strncmp(w, argv[i], strlen(argv[i])) == 0)
			i++;
	}
	return i == argc;
}

/* SYNTAX as a user reads it: without "/abbrev" and "$binding" marks */
const char *help_render(const char *syntax, char *buf, size_t len)
{
	size_t o = 0;

	for (const char *p = syntax; *p && o + 1 < len; p++) {
		if (*p == '/' || *p == '$') {
			while (p[1] && !strchr(" [](){}|", p[1]))
				p++;
			continue;
		}
		buf[o++] = *p;
	}
	buf[o] = '\0';
	return buf;
}

/* print "  TYPE  help" once for each placeholder type the rows shown use */
static void help_legend(FILE *f, int argc, char **argv)
{
	const struct nsh_type *seen[32];
	int nseen = 0;

	for (int i = 0; i < cmdtree_nrows(); i++) {
		const struct nsh_cmd *cmd = cmdtree_row(i, NULL, NULL);
		char syn[256];
		const char *p = cmd->opts ? ipl_synopsis(cmd, syn, sizeof(syn)) :
					    cmd->syntax;

		if ((cmd->flags & NSH_CMD_HIDDEN) || !row_under(i, argc, argv))
			continue;
		while (*p) {
			char word[32];
			size_t n = 0;
			const struct nsh_type *t;
			bool dup = false;

			while (*p && !isupper((unsigned char)*p))
				p++;
			while (*p && (isupper((unsigned char)*p) ||
				      isdigit((unsigned char)*p) || *p == '_') &&
			       n < sizeof(word) - 1)
				word[n++] = *p++;
			word[n] = '\0';
			while (*p && *p != ' ')
				p++;
			t = n ? type_find(word) : NULL;
			if (!t)
				continue;
			for (int k = 0; k < nseen; k++)
				dup |= seen[k] == t;
			if (!dup && nseen < 32)
				seen[nseen++] = t;
		}
	}
	if (nseen)
		fprintf(f, "\n");
	for (int k = 0; k < nseen; k++)
		fprintf(f, "  %-10s %s\n", seen[k]->name, seen[k]->help);
}

/* topics that are no command: `help syntax`, `help ?` */
static const struct {
	const char *topic;
	const char *text;
} topics[] = {
	{ "syntax",
	  "A line holds one or more commands, with sh's meaning:\n"
	  "  a; b            a, then b (a newline in -c works as ;)\n"
	  "  a && b          b if a succeeded;   a || b   b if a failed\n"
	  "  ! a             a's status inverted\n"
	  "  a | b           a's output into b (|&: its stderr too); any nsh "
	  "command\n"
	  "                  or program, e.g. show topology --dot | dot -Tpng "
	  "-o lab.png\n"
	  "  a &             a in the background (the prompt says [1] PID; "
	  "$!, wait)\n"
	  "  >f >>f <f 2>f 2>>f 2>&1 >&2 &>f &>>f N>f N<f N>&M N>&-   "
	  "redirections\n"
	  "  NAME=value      set a variable of nsh; export NAME=value: "
	  "programs see it\n"
	  "                  too; NAME=value prog: for that program only; "
	  "unset NAME\n"
	  "  $NAME ${NAME} ${NAME:-default} ${NAME-default} ${NAME:+alt} "
	  "${#NAME}\n"
	  "  $? the last status, $$ nsh's PID, $! the last background PID\n"
	  "  '…' is literal, \"…\" expands $ but stays one word, \\ "
	  "escapes one character,\n"
	  "  # starts a comment\n"
	  "An unquoted expansion is split on blanks; a variable nsh does not "
	  "have comes\n"
	  "from the environment, else it is empty.  There is no globbing "
	  "(* stays *), no\n"
	  "if/for/while/case, functions, ( … ), { … }, $(…), `…` or "
	  "here-documents.\n"
	  "A command with no pipe runs inside nsh (enter, NAME=value last); "
	  "each command\n"
	  "of a pipeline runs in a forked copy of nsh, as in sh: what enter "
	  "or NAME=value\n"
	  "do there does not last.  A whole line is checked before it runs.  "
	  "In a script,\n"
	  "a failing command stops the line and the script unless its status "
	  "is tested\n"
	  "(left of && or ||, after !, before a |), as with sh -e; every "
	  "command of every\n"
	  "line is checked, with the variables set before it, before the "
	  "first line runs.\n" },
	{ "?",
	  "At the prompt, ? lists what may come next in the command being "
	  "typed, with a\n"
	  "line of help each, and leaves the line as it was (after | ; && || "
	  "a new\n"
	  "command, after > or < a file name).  Inside quotes ('…' \"…\"), "
	  "after a\n"
	  "backslash, after a $ and in a comment it is the character ?:\n"
	  "  sh -c 'echo rc=$?'      echo \\?      false; echo $?\n"
	  "TAB completes the word instead.\n" },
};

static int help_to(FILE *f, struct nsh *sh, int argc, char **argv)
{
	int shown = 0;

	for (size_t i = 0; argc == 1 && i < ARRAY_SIZE(topics); i++)
		if (streq(argv[0], topics[i].topic)) {
			fputs(topics[i].text, f);
			return 0;
		}
	if (argc == 0) {
		fprintf(f, "nsh commands (help WORDS… for details; a line that is "
		       "no command runs as a program):\n");
		const struct nsh_family *const *fams = cmdtree_families();

		for (int k = 0; fams[k]; k++)
			fprintf(f, "  %-10s %s\n", fams[k]->name,
				fams[k]->summary);
		fprintf(f, "  %-10s %s\n  %-10s %s\n", "syntax",
		       "; && || | & > < $NAME NAME=value: a line as in sh",
		       "?", "the ? key at the prompt (type help \\?)");
		fprintf(f, "\n");
	}
	for (int i = 0; i < cmdtree_nrows(); i++) {
		const struct nsh_cmd *cmd = cmdtree_row(i, NULL, NULL);
		char u[512];

		if ((cmd->flags & NSH_CMD_HIDDEN) || !row_under(i, argc, argv))
			continue;

		char root[16];

		snprintf(root, sizeof(root), "%.*s",
			 (int)strcspn(cmd->syntax, " "), cmd->syntax);
		if (!cmd->fn && ipl_is_root(root))
			continue;	/* left to the real program */
		if (cmd->opts || ipl_is_root(root))
			ipl_synopsis(cmd, u, sizeof(u));
		else
			help_render(cmd->syntax, u, sizeof(u));
		fprintf(f, "  %-48s %s\n", u, cmd->summary ? cmd->summary : "");
		if (argc > 1 && cmd->example)
			fprintf(f, "  %-48s e.g. %s\n", "", cmd->example);
		/* `help ip link add`: every option of the one row */
		if (argc > 2 && cmd->opts)
			ipl_usage_options(cmd, f);
		shown++;
	}
	if (!shown) {
		snprintf(sh->cmdname, sizeof(sh->cmdname), "help");
		return nsh_err(sh, "'%s': no such command", argv[0]);
	}
	if (argc > 0)
		help_legend(f, argc, argv);
	return 0;
}

/* LINE within WIDTH: a continued line starts under the line's second
 * column (after its first run of two spaces); when that column is too
 * far right, the second column goes on lines of its own, 4 past the
 * indent (at most 6) */
static void help_wrap(const char *line, int width)
{
	size_t lead = strspn(line, " "), at = 0;
	const char *gap = strstr(line + lead, "  ");
	char ind[128], head[2048];
	int col = 0;

	if (!width || term_cols(line) <= width) {
		term_wrap(stdout, line, "", 0);
		return;
	}
	if (gap) {
		at = (size_t)(gap - line) + strspn(gap, " ");
		snprintf(head, sizeof(head), "%.*s", (int)at, line);
		col = term_cols(head);
	}
	if (lead > 6 && (int)lead > width / 3) {	/* "   …   e.g. …" */
		snprintf(head, sizeof(head), "      %s", line + lead);
		help_wrap(head, width);
		return;
	}
	snprintf(ind, sizeof(ind), "%*s", (int)lead + 4, "");
	if (!gap || !line[at] || col > width / 2 ||
	    col + term_widest_word(line + at) > width) {
		if (gap && line[at]) {	/* the columns one under the other */
			snprintf(head, sizeof(head), "%.*s",
				 (int)(gap - line), line);
			term_wrap(stdout, head, ind, width);
			snprintf(head, sizeof(head), "%s%s", ind, line + at);
			line = head;
		}
		term_wrap(stdout, line, ind, width);
		return;
	}
	snprintf(ind, sizeof(ind), "%*s", col, "");
	term_wrap(stdout, line, ind, width);
}

/* help's text, made to fit the terminal (and in ASCII but in a UTF-8
 * locale) */
int cmdtree_help(struct nsh *sh, int argc, char **argv)
{
	char *mem = NULL, *save = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&mem, &size);
	int width = term_width(), rc;

	if (!f)
		return help_to(stdout, sh, argc, argv);
	rc = help_to(f, sh, argc, argv);
	fclose(f);
	for (char *l = mem; l && *l; l = save) {
		char ascii[2048];

		save = l + strcspn(l, "\n");
		if (*save)
			*save++ = '\0';
		help_wrap(term_utf8() ? l : term_ascii(l, ascii, sizeof(ascii)),
			  width);
	}
	free(mem);
	fflush(stdout);
	return rc;
}
