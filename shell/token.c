/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * token.c - the tokenizer of a line with sh(1)'s operators: words (kept
 * as written, their quotes and expansions checked: see parse.c for the
 * rules), the operators ; & && || | |& and newline, and redirections
 * ([N]< > >> >| <> >& <&, &> &>>).
 *
 * What sh has and nsh does not is refused here with its column, never
 * taken for a word: ( … ), here-documents, $( … ), `…`, $(( … )), ';;'
 * and the ${…} forms other than those parse.c lists.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "parse_priv.h"

/* note the first error, WHY at AT; NULL (for the scanners to return) */
static const char *fail(struct lexer *lx, const char *at, const char *why)
{
	if (!lx->err) {
		lx->err = why;
		lx->errcol = (int)(at - lx->line);
	}
	return NULL;
}

static const char *scan(struct lexer *lx, const char *p, char term,
			unsigned *flags);

/* P at '"': the end of the double-quoted string */
static const char *scan_dq(struct lexer *lx, const char *p, unsigned *flags);

/* P at '$': the end of the expansion (or of the lone '$') */
static const char *scan_dollar(struct lexer *lx, const char *p,
			       unsigned *flags)
{
	const char *q = p + 2, *end;
	bool length = false;

	if (p[1] == '(')
		return fail(lx, p, p[2] == '(' ?
			    "arithmetic expansion $((…)) is not supported" :
			    "command substitution $(…) is not supported");
	if (p[1] != '{') {
		if (is_name_start(p[1])) {
			*flags |= SH_W_DOLLAR;
			return p + 1;	/* the name is scanned as word */
		}
		if (p[1] && (isdigit((unsigned char)p[1]) ||
			     strchr("?$!#@*-", p[1]))) {
			*flags |= SH_W_DOLLAR;
			return p + 2;
		}
		return p + 1;		/* a '$' that is just a '$' */
	}
	*flags |= SH_W_DOLLAR;
	if (*q == '#' && q[1] != '}') {
		length = true;
		q++;
	}
	if (is_name_start(*q)) {
		while (is_name_char(*q))
			q++;
	} else if (isdigit((unsigned char)*q)) {
		while (isdigit((unsigned char)*q))
			q++;
	} else if (*q && strchr("?$!#@*-", *q)) {
		q++;
	} else {
		return fail(lx, p, *q ? "bad substitution" : "unterminated ${");
	}
	if (*q == '}')
		return q + 1;
	if (!*q)
		return fail(lx, p, "unterminated ${");
	if (length)
		return fail(lx, p, "bad substitution");
	if (*q == ':' && (q[1] == '-' || q[1] == '+'))
		q += 2;
	else if (*q == '-' || *q == '+')
		q++;
	else
		return fail(lx, p, "${NAME…}: only ${NAME}, ${NAME:-WORD}, "
				   "${NAME-WORD}, ${NAME:+WORD}, ${NAME+WORD} "
				   "and ${#NAME} are supported");
	end = scan(lx, q, '}', flags);
	if (!end)
		return NULL;
	if (*end != '}')
		return fail(lx, p, "unterminated ${");
	return end + 1;
}

static const char *scan_dq(struct lexer *lx, const char *p, unsigned *flags)
{
	const char *q = p + 1;

	*flags |= SH_W_QUOTED;
	while (*q != '"') {
		if (!*q)
			return fail(lx, p, "unterminated double quote");
		if (*q == '\\' && q[1]) {
			q += 2;
		} else if (*q == '$') {
			q = scan_dollar(lx, q, flags);
			if (!q)
				return NULL;
		} else if (*q == '`') {
			return fail(lx, q, "command substitution `…` is not "
					   "supported");
		} else {
			q++;
		}
	}
	return q + 1;
}

/* the end of the word at P: at TERM (the '}' of ${NAME:-WORD}), or at a
 * blank or an operator when TERM is 0 */
static const char *scan(struct lexer *lx, const char *p, char term,
			unsigned *flags)
{
	while (*p) {
		if (term ? *p == term : is_blank(*p) || is_op(*p))
			return p;
		switch (*p) {
		case '\'': {
			const char *q = strchr(p + 1, '\'');

			*flags |= SH_W_QUOTED;
			if (!q)
				return fail(lx, p, "unterminated single quote");
			p = q + 1;
			break;
		}
		case '"':
			p = scan_dq(lx, p, flags);
			if (!p)
				return NULL;
			break;
		case '\\':
			*flags |= SH_W_QUOTED;
			if (!p[1])
				return fail(lx, p, "backslash at end of line");
			p += 2;
			break;
		case '$':
			p = scan_dollar(lx, p, flags);
			if (!p)
				return NULL;
			break;
		case '`':
			return fail(lx, p, "command substitution `…` is not "
					   "supported");
		default:
			p++;
		}
	}
	return p;
}

static int redir_tok(struct lexer *lx, const char *p, int fd, bool fd_given,
		     struct tok *t)
{
	const char *s = p;

	t->kind = T_REDIR;
	t->fd_given = fd_given;
	t->dup_out = false;
	if (*p == '<') {
		t->fd = fd_given ? fd : 0;
		if (p[1] == '<') {
			fail(lx, s, "here-documents (<<) are not supported");
			return -1;
		}
		if (p[1] == '&') {
			t->op = SH_R_DUP;
			p += 2;
		} else if (p[1] == '>') {
			t->op = SH_R_RW;
			p += 2;
		} else {
			t->op = SH_R_IN;
			p++;
		}
	} else {
		t->fd = fd_given ? fd : 1;
		if (p[1] == '>') {
			t->op = SH_R_APPEND;
			p += 2;
		} else if (p[1] == '&') {
			t->op = SH_R_DUP;
			t->dup_out = true;
			p += 2;
		} else if (p[1] == '|') {
			t->op = SH_R_OUT;
			p += 2;
		} else {
			t->op = SH_R_OUT;
			p++;
		}
	}
	lx->p = p;
	return 0;
}

/* P at '&': "&&", "&>", "&>>" (stdout and stderr), or a lone '&' */
static void amp_tok(struct lexer *lx, const char *p, struct tok *t)
{
	if (p[1] == '&') {
		t->kind = T_AND;
		lx->p = p + 2;
	} else if (p[1] == '>') {
		t->kind = T_REDIR;
		t->fd = 1;
		t->op = p[2] == '>' ? SH_R_BOTH_APPEND : SH_R_BOTH;
		lx->p = p + (p[2] == '>' ? 3 : 2);
	} else {
		t->kind = T_AMP;
	}
}

/* P at a word: the word, or "N<", "N>"… (N's redirection); 0 or -1 */
static int word_tok(struct lexer *lx, const char *p, struct tok *t)
{
	const char *q = p;
	const char *end;

	while (isdigit((unsigned char)*q))
		q++;
	if (q > p && (*q == '<' || *q == '>')) {
		if (q - p > 1) {
			fail(lx, p, "a redirected descriptor is 0 to 9");
			return -1;
		}
		return redir_tok(lx, q, *p - '0', true, t);
	}
	end = scan(lx, p, 0, &t->flags);
	if (!end)
		return -1;
	t->kind = T_WORD;
	lx->p = end;
	return 0;
}

/* the next token into *T: 0, or -1 with lx->err set */
int sh_next_tok(struct lexer *lx, struct tok *t)
{
	const char *p = lx->p;
	int e = 0;

	memset(t, 0, sizeof(*t));
	while (is_blank(*p))
		p++;
	if (*p == '#')
		while (*p && *p != '\n')
			p++;
	t->col = (int)(p - lx->line);
	lx->p = p + 1;
	switch (*p) {
	case '\0':
		t->kind = T_END;
		lx->p = p;
		break;
	case '\n':
		t->kind = T_NEWLINE;
		break;
	case ';':
		if (p[1] == ';') {
			fail(lx, p, "';;' is not supported (nsh has no case)");
			return -1;
		}
		t->kind = T_SEMI;
		break;
	case '&':
		amp_tok(lx, p, t);
		break;
	case '|':
		t->kind = p[1] == '|' ? T_OR : p[1] == '&' ? T_PIPE_ERR :
			  T_PIPE;
		if (t->kind != T_PIPE)
			lx->p = p + 2;
		break;
	case '(':
	case ')':
		fail(lx, p, "subshells and groups ( … ) are not supported");
		return -1;
	case '<':
	case '>':
		e = redir_tok(lx, p, 0, false, t);
		break;
	default:
		e = word_tok(lx, p, t);
	}
	if (e < 0)
		return -1;
	t->len = (int)(lx->p - lx->line) - t->col;
	return 0;
}
