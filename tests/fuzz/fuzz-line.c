/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-line.c - the shell line parser (shell/parse.c) and the plain-line
 * splitter (shell/lex.c): one line, no newline (as a script's logical
 * line is), both ways whatever sh_line_is_plain says.  Parsing runs
 * nothing; guard.h makes sure of it.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nsh.h"
#include "guard.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_guard();
	fuzz_guard_check();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1);
	struct sh_line l;
	struct nsh_words w;
	const char *err = NULL;
	int col = 0;

	if (!line)
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';	/* a NUL inside: the line ends there */
	(void)sh_line_is_plain(line);
	if (sh_parse(line, &l, &err, &col) == 0)
		sh_line_free(&l);
	else if (!err || col < 0 || (size_t)col > strlen(line))
		abort();	/* an error has a reason and a column */
	if (lex_split(line, &w, &err, &col) == 0)
		lex_free(&w);
	else if (!err || col < 0 || (size_t)col > strlen(line))
		abort();
	free(line);
	return 0;
}
