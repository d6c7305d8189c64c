/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * parse.c - a command line with sh(1)'s operators, as a small tree.
 *
 *   list      := and-or ( ( ';' | '&' | NEWLINE ) and-or )* [ ';' | '&' ]
 *   and-or    := pipeline ( ( '&&' | '||' ) NEWLINE* pipeline )*
 *   pipeline  := [ '!' ] command ( ( '|' | '|&' ) NEWLINE* command )*
 *   command   := ( WORD | redirection )+
 *   redirection := [N] ( '<' | '>' | '>>' | '>|' | '<>' | '>&' | '<&' ) WORD
 *                | ( '&>' | '&>>' ) WORD
 *
 * Words follow lex.c's rules (blanks separate, '…' is literal, "…" allows
 * \" \\ \$ \`, a backslash escapes the next character, a '#' that starts a
 * word starts a comment, up to a newline) and may hold $NAME, ${NAME},
 * ${NAME:-WORD}, ${NAME-WORD}, ${NAME:+WORD}, ${NAME+WORD}, ${#NAME} and
 * the special parameters ($? $$ $! $# $0…$9 $@ $* $-).  They are kept as
 * written and expanded when their command runs (shell/expand.c).
 *
 * What sh has and nsh does not is refused with its column, never taken
 * for a word: ( … ) groups, here-documents, $( … ), `…`, $(( … )),
 * case's ';;', and the keywords of sh's control flow (if, for, while,
 * case, functions, { … }).
 *
 * The tokens come from token.c; this file is the grammar, building the
 * tree of struct sh_line.  A line that needs none of it
 * (sh_line_is_plain, linescan.c) never comes here: it is split by
 * lex_split() as it always was.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse_priv.h"

struct parser {
	struct lexer lx;
	struct sh_line *l;
	struct tok tok;		/* the current token */
	int prev_end;		/* where the last consumed token ended */
	size_t used;		/* of l->buf */
	int capao, cappipes, capcmds, capwords, capredirs;
};

static int advance(struct parser *P)
{
	P->prev_end = P->tok.col + P->tok.len;
	return sh_next_tok(&P->lx, &P->tok);
}

static int perr(struct parser *P, int col, const char *why)
{
	if (!P->lx.err) {
		P->lx.err = why;
		P->lx.errcol = col;
	}
	return -1;
}

static int grow(void *vp, int n, int *cap, size_t size)
{
	void **v = vp;
	void *nv;
	int ncap;

	if (n < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 4;
	nv = realloc(*v, size * (size_t)ncap);
	if (!nv)
		return -1;
	*v = nv;
	*cap = ncap;
	return 0;
}

/* the current word token as a struct sh_word (its text copied) */
static struct sh_word take_word(struct parser *P)
{
	struct sh_word w = {
		.text = P->l->buf + P->used,
		.col = P->tok.col,
		.flags = P->tok.flags,
	};

	memcpy(w.text, P->l->text + P->tok.col, (size_t)P->tok.len);
	w.text[P->tok.len] = '\0';
	P->used += (size_t)P->tok.len + 1;
	return w;
}

/* a tutorial's placeholder on the line (<PID1>, <ns-name>): the column
 * of its '<', or -1 */
static int placeholder_at(const char *text, int *ret_len)
{
	for (const char *p = strchr(text, '<'); p; p = strchr(p + 1, '<')) {
		size_t n = strspn(p + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
					 "abcdefghijklmnopqrstuvwxyz"
					 "0123456789_.:-");

		if (n && p[n + 1] == '>' && (!p[n + 2] || p[n + 2] == ' ' ||
					     p[n + 2] == '\t')) {
			*ret_len = (int)n + 2;
			return (int)(p - text);
		}
	}
	return -1;
}

/* "'>' needs a file name", naming the operator as written */
static int redir_needs(struct parser *P, const struct tok *r)
{
	static char why[160];
	const char *op = P->l->text + r->col;
	int len = r->len, plen, at = placeholder_at(P->l->text, &plen);

	if (at >= 0) {
		snprintf(why, sizeof(why), "'%.*s' is the tutorial's "
			 "placeholder: write the real name or PID ('spawn ns1' "
			 "makes a process-held namespace and names it)",
			 plen, P->l->text + at);
		return perr(P, at, why);
	}

	while (len > 1 && isdigit((unsigned char)*op)) {
		op++;
		len--;
	}
	snprintf(why, sizeof(why), "'%.*s' needs a %s after it", len, op,
		 r->op == SH_R_DUP ? "descriptor or file" : "file name");
	return perr(P, r->col, why);
}

/* a simple command: 1, 0 when there is none here, -1 on error */
static int parse_command(struct parser *P)
{
	struct sh_line *l = P->l;
	struct sh_cmd c = { .word = l->nwords, .redir = l->nredirs,
			    .col = P->tok.col };
	bool cmd_word = false;

	for (;;) {
		if (P->tok.kind == T_WORD) {
			struct sh_word w = take_word(P);

			if (!c.nwords && !c.nredirs &&
			    !(w.flags & SH_W_QUOTED) &&
			    sh_is_keyword(w.text, strlen(w.text))) {
				static char why[96];

				snprintf(why, sizeof(why), "'%s': nsh runs no "
					 "if/for/while/case/{ }/functions",
					 w.text);
				return perr(P, w.col, why);
			}
			if (!cmd_word && sh_assign_len(w.text))
				c.nassign++;
			else
				cmd_word = true;
			if (grow(&l->words, l->nwords, &P->capwords,
				 sizeof(*l->words)) < 0)
				return perr(P, w.col, "out of memory");
			l->words[l->nwords++] = w;
			c.nwords++;
		} else if (P->tok.kind == T_REDIR) {
			struct tok r = P->tok;
			struct sh_redir rd = {
				.fd = r.fd, .op = r.op, .dup_out = r.dup_out,
				.fd_given = r.fd_given, .col = r.col,
			};

			if (advance(P) < 0)
				return -1;
			if (P->tok.kind != T_WORD)
				return redir_needs(P, &r);
			rd.target = take_word(P);
			if (grow(&l->redirs, l->nredirs, &P->capredirs,
				 sizeof(*l->redirs)) < 0)
				return perr(P, r.col, "out of memory");
			l->redirs[l->nredirs++] = rd;
			c.nredirs++;
		} else {
			break;
		}
		if (advance(P) < 0)
			return -1;
	}
	if (!c.nwords && !c.nredirs)
		return 0;
	if (grow(&l->cmds, l->ncmds, &P->capcmds, sizeof(*l->cmds)) < 0)
		return perr(P, c.col, "out of memory");
	l->cmds[l->ncmds++] = c;
	return 1;
}

static int skip_newlines(struct parser *P)
{
	while (P->tok.kind == T_NEWLINE)
		if (advance(P) < 0)
			return -1;
	return 0;
}

/* OP (a token of LEN at COL) must be followed by a command */
static int needs_command(struct parser *P, int col, int len)
{
	static char why[64];

	snprintf(why, sizeof(why), "'%.*s' needs a command after it", len,
		 P->l->text + col);
	return perr(P, col, why);
}

static int parse_pipeline(struct parser *P, enum sh_join join)
{
	struct sh_line *l = P->l;
	struct sh_pipe pp = { .cmd = l->ncmds, .join = join };
	int r;

	if (P->tok.kind == T_WORD && P->tok.len == 1 && !P->tok.flags &&
	    l->text[P->tok.col] == '!') {
		int col = P->tok.col;

		pp.negate = true;
		if (advance(P) < 0)
			return -1;
		r = parse_command(P);
		if (r <= 0)
			return r < 0 ? -1 : needs_command(P, col, 1);
	} else {
		r = parse_command(P);
		if (r <= 0)
			return r;
	}
	while (P->tok.kind == T_PIPE || P->tok.kind == T_PIPE_ERR) {
		struct tok op = P->tok;

		l->cmds[l->ncmds - 1].err_pipe = op.kind == T_PIPE_ERR;
		if (advance(P) < 0 || skip_newlines(P) < 0)
			return -1;
		r = parse_command(P);
		if (r <= 0)
			return r < 0 ? -1 : needs_command(P, op.col, op.len);
	}
	pp.ncmds = l->ncmds - pp.cmd;
	if (grow(&l->pipes, l->npipes, &P->cappipes, sizeof(*l->pipes)) < 0)
		return perr(P, P->tok.col, "out of memory");
	l->pipes[l->npipes++] = pp;
	return 1;
}

static int parse_andor(struct parser *P, struct sh_andor *ao)
{
	int r = parse_pipeline(P, SH_FIRST);

	if (r <= 0)
		return r;
	while (P->tok.kind == T_AND || P->tok.kind == T_OR) {
		struct tok op = P->tok;

		if (advance(P) < 0 || skip_newlines(P) < 0)
			return -1;
		r = parse_pipeline(P, op.kind == T_AND ? SH_AND : SH_OR);
		if (r <= 0)
			return r < 0 ? -1 : needs_command(P, op.col, op.len);
	}
	ao->npipes = P->l->npipes - ao->pipe;
	ao->end = P->prev_end;
	return 1;
}

/* the current token cannot be where it is */
static int syntax_error(struct parser *P)
{
	static char why[48];

	snprintf(why, sizeof(why), "syntax error near '%.*s'", P->tok.len,
		 P->l->text + P->tok.col);
	return perr(P, P->tok.col, why);
}

static int parse_list(struct parser *P)
{
	struct sh_line *l = P->l;

	if (advance(P) < 0)
		return -1;
	for (;;) {
		struct sh_andor ao = { .pipe = l->npipes };
		int r;

		if (skip_newlines(P) < 0)
			return -1;
		if (P->tok.kind == T_END)
			return 0;
		ao.start = P->tok.col;
		r = parse_andor(P, &ao);
		if (r < 0)
			return -1;
		if (r == 0)
			return syntax_error(P);
		if (P->tok.kind == T_AMP)
			ao.background = true;
		if (grow(&l->ao, l->nao, &P->capao, sizeof(*l->ao)) < 0)
			return perr(P, ao.start, "out of memory");
		l->ao[l->nao++] = ao;
		if (P->tok.kind == T_SEMI || P->tok.kind == T_AMP ||
		    P->tok.kind == T_NEWLINE) {
			if (advance(P) < 0)
				return -1;
		} else if (P->tok.kind != T_END) {
			return syntax_error(P);
		}
	}
}

int sh_parse(const char *line, struct sh_line *ret, const char **ret_err,
	     int *ret_col)
{
	size_t len = strlen(line);
	struct parser P = { .l = ret };

	memset(ret, 0, sizeof(*ret));
	ret->text = strdup(line);
	ret->buf = malloc(2 * len + 2);
	if (!ret->text || !ret->buf) {
		sh_line_free(ret);
		*ret_err = "out of memory";
		*ret_col = 0;
		return -1;
	}
	P.lx.line = P.lx.p = ret->text;
	if (parse_list(&P) < 0) {
		*ret_err = P.lx.err ? P.lx.err : "syntax error";
		*ret_col = P.lx.errcol;
		sh_line_free(ret);
		return -1;
	}
	return 0;
}

void sh_line_free(struct sh_line *l)
{
	free(l->text);
	free(l->buf);
	free(l->ao);
	free(l->pipes);
	free(l->cmds);
	free(l->words);
	free(l->redirs);
	memset(l, 0, sizeof(*l));
}


bool sh_err_needs_sh(const char *why)
{
	return strstr(why, "not supported") || strstr(why, "nsh runs no") ||
	       strstr(why, "nsh has no") || strstr(why, "${NAME…}: only");
}
