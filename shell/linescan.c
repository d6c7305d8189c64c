/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * linescan.c - what is told of a line by scanning it, without the
 * grammar: whether it is plain words (sh_line_is_plain, the fast path to
 * lex_split), variable names and NAME=VALUE words, sh's reserved words,
 * and, for the prompt, the state of a line being typed (an open quote)
 * and the words completion sees.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parse_priv.h"

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

bool sh_is_keyword(const char *w, size_t len)
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
	if ((len == 1 && w[0] == '!') || sh_is_keyword(w, len))
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
