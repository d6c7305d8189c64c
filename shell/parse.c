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
 * A line that needs none of it (sh_line_is_plain) never comes here: it is
 * split by lex_split() as it always was.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nsh.h"

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';	/* as sh(1): \r is a character */
}

/* a character that ends an unquoted word */
static bool is_op(char c)
{
	return c && strchr(";&|<>()\n", c);
}

static bool is_name_start(char c)
{
	return c == '_' || isalpha((unsigned char)c);
}

static bool is_name_char(char c)
{
	return c == '_' || isalnum((unsigned char)c);
}

bool sh_name_ok(const char *s, size_t len)
{
	if (!len || !is_name_start(s[0]))
		return false;
	for (size_t i = 1; i < len; i++)
		if (!is_name_char(s[i]))
			return false;
	return true;
}

size_t sh_assign_len(const char *word)
{
	size_t n = 0;

	if (!is_name_start(word[0]))
		return 0;
	while (is_name_char(word[n]))
		n++;
	return word[n] == '=' ? n : 0;
}

/* sh's reserved words, which start control flow nsh does not have */
static const struct {
	const char *s;
	size_t len;
} keywords[] = {
#define KW(s) { s, sizeof(s) - 1 }
	KW("if"), KW("then"), KW("else"), KW("elif"), KW("fi"), KW("case"),
	KW("esac"), KW("for"), KW("while"), KW("until"), KW("do"),
	KW("done"), KW("{"), KW("}"), KW("[["), KW("function"),
	KW("select"),
#undef KW
};

static bool is_keyword(const char *w, size_t len)
{
	for (size_t i = 0; i < ARRAY_SIZE(keywords); i++)
		if (keywords[i].len == len && keywords[i].s[0] == w[0] &&
		    !memcmp(keywords[i].s, w, len))
			return true;
	return false;
}

/* does the first word W (up to a blank) make the line more than words? */
static bool first_word_special(const char *w)
{
	size_t len = 0;

	while (w[len] && !is_blank(w[len]) && w[len] != '=')
		len++;
	if (w[len] == '=')
		return sh_assign_len(w) > 0;
	if (!len || len > 8)
		return false;
	if ((len == 1 && w[0] == '!') || is_keyword(w, len))
		return true;
	return (len == 6 && !memcmp(w, "export", 6)) ||
	       (len == 5 && !memcmp(w, "unset", 5));
}

/* the bytes sh_line_is_plain stops at: 1 makes a line more than words, 2
 * needs a look (quotes, escapes, comments), 3 ends it */
static const unsigned char stop[256] = {
	[';'] = 1, ['&'] = 1, ['|'] = 1, ['<'] = 1, ['>'] = 1, ['$'] = 1,
	['`'] = 1, ['('] = 1, [')'] = 1, ['\n'] = 1,
	['\''] = 2, ['"'] = 2, ['\\'] = 2, ['#'] = 2, ['\0'] = 3,
};

bool sh_line_is_plain(const char *line)
{
	const char *p = line;

	while (is_blank(*p))
		p++;
	if (first_word_special(p))
		return false;
	for (;; p++) {
		while (!stop[(unsigned char)*p])
			p++;
		switch (*p) {
		case '\0':
			return true;
		case '\'':
			p = strchr(p + 1, '\'');
			if (!p)
				return true;	/* lex_split says where */
			break;
		case '"':
			for (p++; *p && *p != '"'; p++) {
				if (*p == '$' || *p == '`')
					return false;
				if (*p == '\\' && p[1])
					p++;
			}
			if (!*p)
				return true;
			break;
		case '\\':
			if (p[1] == '\n')
				return false;
			if (p[1])
				p++;
			break;
		case '#':
			/* a comment runs to the end of the line, or (sh) to
			 * a newline, after which there is more */
			if (p == line || is_blank(p[-1]))
				return !strchr(p, '\n');
			break;
		default:
			return false;
		}
	}
}

/* ------------------------------------------------------------ lexer */

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
	const char *line, *p;
	const char *err;
	int errcol;
};

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

/* the next token into *T: 0, or -1 with lx->err set */
static int next_tok(struct lexer *lx, struct tok *t)
{
	const char *p = lx->p;

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
		if (redir_tok(lx, p, 0, false, t) < 0)
			return -1;
		break;
	default: {
		const char *q = p;
		const char *end;

		while (isdigit((unsigned char)*q))
			q++;
		if (q > p && (*q == '<' || *q == '>')) {
			if (q - p > 1) {
				fail(lx, p, "a redirected descriptor is 0 "
					    "to 9");
				return -1;
			}
			if (redir_tok(lx, q, *p - '0', true, t) < 0)
				return -1;
			break;
		}
		end = scan(lx, p, 0, &t->flags);
		if (!end)
			return -1;
		t->kind = T_WORD;
		lx->p = end;
	}
	}
	t->len = (int)(lx->p - lx->line) - t->col;
	return 0;
}

/* ------------------------------------------------------------ parser */

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
	return next_tok(&P->lx, &P->tok);
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
			    is_keyword(w.text, strlen(w.text))) {
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
		if (r == 0) {
			static char why[48];

			snprintf(why, sizeof(why), "syntax error near '%.*s'",
				 P->tok.len, l->text + P->tok.col);
			return perr(P, P->tok.col, why);
		}
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
			static char why[48];

			snprintf(why, sizeof(why), "syntax error near '%.*s'",
				 P->tok.len, l->text + P->tok.col);
			return perr(P, P->tok.col, why);
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

/* ------------------------------------------------------------ the prompt */

int sh_scan_state(const char *s, size_t n)
{
	char q = 0;

	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (q == '\'') {
			if (c == '\'')
				q = 0;
			continue;
		}
		if (c == '\\') {
			if (i + 1 == n)
				return '\\';
			i++;
			continue;
		}
		if (c == '$' && i + 1 == n)
			return '$';
		if (q == '"') {
			if (c == '"')
				q = 0;
		} else if (c == '\'' || c == '"') {
			q = c;
		} else if (c == '#' && (i == 0 || is_blank(s[i - 1]) ||
					is_op(s[i - 1]))) {
			return '#';
		}
	}
	return q;
}

/* the length of a redirection operator at the start of W ("2>", "&>>",
 * "<&"), else 0 */
static size_t redir_prefix(const char *w)
{
	const char *p = w;

	if (p[0] == '&' && p[1] == '>')
		return p[2] == '>' ? 3 : 2;
	if (isdigit((unsigned char)*p))
		p++;
	if (*p != '<' && *p != '>')
		return 0;
	p++;
	if (*p == '>' || *p == '&' || *p == '|' || (p[-1] == '<' && *p == '<'))
		p++;
	return (size_t)(p - w);
}

int sh_complete_words(const char *pre, struct nsh_words *ret)
{
	const char *start = pre, *p;
	const char *err;
	int col, k = 0;
	bool last_target = false, pending = false, ends_blank;

	/* the last simple command starts after the last operator */
	for (p = pre; *p; p++) {
		if (*p == '\'') {
			const char *q = strchr(p + 1, '\'');

			if (!q)
				break;
			p = q;
		} else if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			if (!*p)
				break;
		} else if (*p == '\\' && p[1]) {
			p++;
		} else if (strchr(";|()\n", *p) ||
			   (*p == '&' && p[1] != '>' &&
			    (p == pre || (p[-1] != '>' && p[-1] != '<')))) {
			start = p + 1;
		}
	}
	if (lex_split(start, ret, &err, &col) < 0)
		return -1;
	/* leave out the redirections: "2>/dev/null", "> FILE" */
	for (int i = 0; i < ret->n; i++) {
		size_t r = redir_prefix(ret->w[i]);

		if (!r) {
			ret->col[k] = ret->col[i] + (int)(start - pre);
			ret->w[k++] = ret->w[i];
			last_target = false;
		} else if (ret->w[i][r]) {
			last_target = true;	/* "2>/dev/nu" */
		} else if (i + 1 < ret->n) {
			i++;			/* "> FILE" */
			last_target = true;
		} else {
			pending = true;		/* ">" and nothing yet */
		}
	}
	ret->n = k;
	p = pre + strlen(pre);
	ends_blank = p > pre && is_blank(p[-1]);
	while (p > pre && is_blank(p[-1]))
		p--;
	/* the word being typed is the redirection's file */
	if (pending || (last_target && !ends_blank) ||
	    (p > pre && (p[-1] == '>' || p[-1] == '<')))
		return 1;
	return 0;
}
