/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * err.c - the one error reporter, and the argument accessors.
 *
 * Every message is one line: "[FILE:LINE: ]COMMAND: 'SUBJECT': reason",
 * lower-case, no final full stop (git's CodingGuidelines).  In a script the
 * location is the line the command started on.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "nsh.h"

/* the screen columns of the first LEN bytes of S (UTF-8) */
static int cols(const char *s, int len)
{
	int n = 0;

	for (int i = 0; i < len && s[i]; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}

/*
 * At the prompt, a caret under the word the error is about (the matchers
 * say which, sh->err_at), right below the line as typed: vtysh's marker.
 */
static void caret(struct nsh *sh)
{
	int col = -1;

	if (sh->caret_cols <= 0 || !sh->tok_words || !sh->interactive ||
	    sh->pasting || (!sh->err_at && !sh->err_at_end))
		return;
	if (sh->err_at_end)
		col = (int)strlen(sh->tok_line);
	for (int i = 0; i < sh->ntok && col < 0; i++)
		if (sh->tok_words[i] == sh->err_at)
			col = sh->tok_col[i];
	sh->err_at = NULL;
	sh->err_at_end = false;
	if (col >= 0)
		fprintf(stderr, "%*s^\n",
			sh->caret_cols + cols(sh->tok_line, col), "");
}

static void vreport(struct nsh *sh, bool with_cmd, const char *kind,
		    const char *fmt, va_list ap)
{
	fflush(stdout);
	if (!kind)
		caret(sh);
	if (sh->file && sh->redact) {
		/* what the line says may be a secret's text */
		fprintf(stderr, "%s:%d: %s (not shown: the file is not "
				"readable by everyone, and is reached through "
				"a symlink or not yours)\n",
			sh->file, sh->line,
			kind ? "a warning on this line" : "this line failed");
		return;
	}
	if (sh->file)
		fprintf(stderr, "%s:%d: ", sh->file, sh->line);
	if (with_cmd && sh->cmdname[0])
		fprintf(stderr, "%s: ", sh->cmdname);
	if (kind)
		fprintf(stderr, "%s: ", kind);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

int (nsh_err)(struct nsh *sh, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(sh, true, NULL, fmt, ap);
	va_end(ap);
	return 1;
}

int (nsh_err_raw)(struct nsh *sh, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(sh, false, NULL, fmt, ap);
	va_end(ap);
	return 1;
}

void nsh_warn(struct nsh *sh, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(sh, true, "warning", fmt, ap);
	va_end(ap);
}

void nsh_note(struct nsh *sh, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(sh, true, "note", fmt, ap);
	va_end(ap);
}

const char *ns_desc(const struct nsh_ns *ns, char *buf, size_t len)
{
	char esc[300];

	if (!ns->label[0])
		snprintf(buf, len, "the host namespace");
	else
		snprintf(buf, len, "namespace '%s'",
			 str_escape(ns->label, esc, sizeof(esc)));
	return buf;
}

/*
 * The invisible Unicode format characters that reorder or hide text (bidi
 * embeddings, overrides and isolates, zero-width marks, the BOM): the code
 * point of the UTF-8 sequence at P, or 0.  A name with U+202E prints
 * backwards; escaped it shows what it is (CVE-2021-42574's "Trojan Source").
 */
static unsigned invisible_at(const unsigned char *p)
{
	unsigned cp;

	if (p[0] == 0xd8 && p[1] == 0x9c)	/* U+061C */
		return 0x061c;			/* arabic letter mark */
	if (p[0] != 0xe2 && p[0] != 0xef)
		return 0;
	if ((p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
		return 0;
	cp = ((unsigned)(p[0] & 0x0f) << 12) | ((unsigned)(p[1] & 0x3f) << 6) |
	     (p[2] & 0x3f);
	if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2060 && cp <= 0x2069) || cp == 0xfeff)
		return cp;
	return 0;
}

/* the length of the valid UTF-8 sequence at P (2-4), or 0 */
static int utf8_len(const unsigned char *p)
{
	int n = *p >= 0xf0 && *p <= 0xf4   ? 4
		: *p >= 0xe0 && *p < 0xf0 ? 3
		: *p >= 0xc2 && *p < 0xe0 ? 2
					  : 0;

	for (int i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

const char *str_escape(const char *s, char *buf, size_t len)
{
	size_t o = 0;

	for (const unsigned char *p = (const unsigned char *)s;
	     *p && o + 7 < len; p++) {
		unsigned cp = invisible_at(p);

		if (cp) {
			o += (size_t)snprintf(buf + o, len - o, "\\u%04x", cp);
			p += cp == 0x061c ? 1 : 2;
		} else if (*p < 0x20 || *p == 0x7f || *p == '\\')
			o += (size_t)snprintf(buf + o, len - o,
					      *p == '\\' ? "\\\\" : "\\x%02x",
					      *p);
		else if (*p >= 0x80 && !utf8_len(p))	/* not UTF-8 */
			o += (size_t)snprintf(buf + o, len - o, "\\x%02x", *p);
		else if (*p >= 0x80) {		/* one whole character */
			for (int n = utf8_len(p); n > 0; n--)
				buf[o++] = (char)*p++;
			p--;
		} else
			buf[o++] = (char)*p;
	}
	buf[o] = '\0';
	return buf;
}

/* ------------------------------------------------------------ arguments */

const struct nsh_val *arg_nth(const struct nsh_args *a, const char *name,
			      int idx)
{
	for (int i = 0; i < a->nbind; i++)
		if (!a->bind[i].is_kw && streq(a->bind[i].name, name) &&
		    idx-- == 0)
			return &a->bind[i].v;
	return NULL;
}

const struct nsh_val *arg_val(const struct nsh_args *a, const char *name)
{
	return arg_nth(a, name, 0);
}

bool arg_has(const struct nsh_args *a, const char *name)
{
	for (int i = 0; i < a->nbind; i++)
		if (streq(a->bind[i].name, name))
			return true;
	return false;
}

const char *arg_str(const struct nsh_args *a, const char *name)
{
	const struct nsh_val *v = arg_val(a, name);

	return v ? v->text : NULL;
}
