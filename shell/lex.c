/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * lex.c - split one logical line into words.
 *
 * The rules are a small subset of sh(1), enough for tutorials pasted from a
 * web page: blanks separate words; '…' is taken literally; "…" allows the
 * escapes \" \\ \$ \`; outside quotes a backslash escapes the next
 * character; a '#' that starts a word starts a comment.  Continuation lines
 * are joined before this runs (shell/script.c), so a newline here is blank.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "nsh.h"

static int is_blank(char c)
{
	/* as sh(1): a carriage return, a vertical tab or a form feed is
	 * part of a word, not a blank (`ip netns\radd` is no `ip netns add`) */
	return c == ' ' || c == '\t' || c == '\n';
}

/*
 * The word at *PP, its quotes and escapes removed, copied to *OUTP with
 * its '\0'; both are left after it.  NULL, or where the error *WHY is.
 */
static const char *lex_word(const char **pp, char **outp, const char **why)
{
	const char *p = *pp;
	char *out = *outp;

	while (*p && !is_blank(*p)) {
		if (*p == '\'') {
			const char *q = strchr(p + 1, '\'');

			if (!q) {
				*why = "unterminated single quote";
				return p;
			}
			memcpy(out, p + 1, (size_t)(q - p - 1));
			out += q - p - 1;
			p = q + 1;
		} else if (*p == '"') {
			const char *start = p++;

			while (*p && *p != '"') {
				if (*p == '\\' && p[1] == '\n') {
					p += 2;	/* a line continued, as sh */
					continue;
				}
				if (*p == '\\' && p[1] &&
				    strchr("\"\\$`", p[1]))
					p++;
				*out++ = *p++;
			}
			if (*p != '"') {
				*why = "unterminated double quote";
				return start;
			}
			p++;
		} else if (*p == '\\') {
			if (!p[1]) {
				*why = "backslash at end of line";
				return p;
			}
			if (p[1] != '\n')	/* a line continued, as sh */
				*out++ = p[1];
			p += 2;
		} else {
			*out++ = *p++;
		}
	}
	*out++ = '\0';
	*pp = p;
	*outp = out;
	return NULL;
}

int lex_split(const char *line, struct nsh_words *ret, const char **ret_err,
	      int *ret_col)
{
	size_t len = strlen(line);
	char *out;
	const char *p = line, *bad;

	memset(ret, 0, sizeof(*ret));
	out = ret->buf = malloc(len + 1);
	if (!out) {
		*ret_err = "out of memory";
		*ret_col = 0;
		return -1;
	}
	for (;;) {
		while (*p && is_blank(*p))
			p++;
		if (!*p || *p == '#')
			break;
		if (ret->n == NSH_MAX_WORDS) {
			*ret_err = "too many words on one line";
			*ret_col = (int)(p - line);
			goto fail;
		}
		ret->col[ret->n] = (int)(p - line);
		ret->w[ret->n++] = out;
		bad = lex_word(&p, &out, ret_err);
		if (bad) {
			*ret_col = (int)(bad - line);
			goto fail;
		}
	}
	return 0;
fail:
	lex_free(ret);
	return -1;
}

void lex_free(struct nsh_words *w)
{
	free(w->buf);
	w->buf = NULL;
	w->n = 0;
}
