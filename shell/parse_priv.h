/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * parse_priv.h - what the files of the line syntax share (token.c, the
 * tokenizer; parse.c, the grammar; linescan.c, what is told of a line
 * without the grammar): sh(1)'s character classes, its reserved words,
 * and the tokens the tokenizer hands the grammar.
 */
#ifndef NSH_PARSE_PRIV_H
#define NSH_PARSE_PRIV_H

#include <ctype.h>
#include <stdbool.h>
#include <string.h>

#include "nsh.h"

static inline bool is_blank(char c)
{
	return c == ' ' || c == '\t';	/* as sh(1): \r is a character */
}

/* a character that ends an unquoted word */
static inline bool is_op(char c)
{
	return c && strchr(";&|<>()\n", c);
}

static inline bool is_name_start(char c)
{
	return c == '_' || isalpha((unsigned char)c);
}

static inline bool is_name_char(char c)
{
	return c == '_' || isalnum((unsigned char)c);
}

/* one of sh's reserved words, which start control flow nsh does not have
 * (linescan.c) */
bool sh_is_keyword(const char *w, size_t len);

enum tok_kind {
	T_END, T_WORD, T_NEWLINE, T_SEMI, T_AMP, T_AND, T_OR, T_PIPE,
	T_PIPE_ERR, T_REDIR,
};

struct tok {
	enum tok_kind kind;
	int col, len;		/* where it is, and its length */
	unsigned flags;		/* T_WORD: SH_W_* */
	int fd;			/* T_REDIR */
	enum sh_redir_op op;
	bool dup_out, fd_given;
};

struct lexer {
	const char *line, *p;	/* the line, and where the next token is */
	const char *err;	/* the first error, at column errcol */
	int errcol;
};

/* the next token into *T: 0, or -1 with lx->err set (token.c) */
int sh_next_tok(struct lexer *lx, struct tok *t);

#endif
