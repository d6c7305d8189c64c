/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * term.c - what the terminal can show (term.h): colours as iproute2's
 * lib/color.c writes them, the width, the locale's charset.
 */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "term.h"

static enum term_when own_when = TERM_AUTO;
static int utf8 = -1;
static int env_cols = -1;	/* COLUMNS at start (0: none); -1: not read */

/* COLUMNS's value, 0 when unset or not a width */
static int columns_env(void)
{
	const char *c = getenv("COLUMNS");
	char *end;
	long n;

	if (!c || !*c)
		return 0;
	n = strtol(c, &end, 10);
	return !*end && n > 0 && n < 100000 ? (int)n : 0;
}

void term_init(void)
{
	const char *cs;

	/* read now: readline exports its own COLUMNS later, which a
	 * resized terminal makes stale; the terminal is then asked */
	env_cols = columns_env();
	setlocale(LC_CTYPE, "");
	cs = nl_langinfo(CODESET);
	utf8 = cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8"));
}

int term_parse_when(const char *s)
{
	if (!s || !*s || !strcmp(s, "always"))
		return TERM_ALWAYS;
	if (!strcmp(s, "auto"))
		return TERM_AUTO;
	if (!strcmp(s, "never"))
		return TERM_NEVER;
	return -1;
}

void term_set_when(enum term_when w)
{
	own_when = w;
}

bool term_color_allowed(void)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

	return !(no && *no) && !(term && !strcmp(term, "dumb"));
}

bool term_color_when(enum term_when w)
{
	if (w == TERM_NEVER || !term_color_allowed())
		return false;
	return w == TERM_ALWAYS || isatty(STDOUT_FILENO);
}

bool term_color(void)
{
	return term_color_when(own_when);
}

/* COLORFGBG's last value 0-6 or 8 is a dark background (iproute2's
 * set_color_palette) */
static bool dark_bg(void)
{
	const char *p = getenv("COLORFGBG");

	p = p ? strrchr(p, ';') : NULL;
	return p && ((p[1] >= '0' && p[1] <= '6') || p[1] == '8') && !p[2];
}

const char *term_sgr(enum term_attr a)
{
	static const char *const light[] = {
		[TA_IFNAME] = "\033[36m", [TA_MAC] = "\033[33m",
		[TA_INET] = "\033[35m", [TA_INET6] = "\033[34m",
		[TA_UP] = "\033[32m", [TA_DOWN] = "\033[31m", [TA_NONE] = "",
	};
	static const char *const dark[] = {
		[TA_IFNAME] = "\033[1;36m", [TA_MAC] = "\033[1;33m",
		[TA_INET] = "\033[1;35m", [TA_INET6] = "\033[1;34m",
		[TA_UP] = "\033[1;32m", [TA_DOWN] = "\033[1;31m",
		[TA_NONE] = "",
	};

	if ((unsigned)a > TA_NONE)
		a = TA_NONE;
	return dark_bg() ? dark[a] : light[a];
}

const char *term_paint(bool color, enum term_attr a, const char *s,
		       char *buf, size_t len)
{
	if (!color || a == TA_NONE)
		return s;
	snprintf(buf, len, "%s%s%s", term_sgr(a), s, TERM_SGR_END);
	return buf;
}

bool term_utf8(void)
{
	if (utf8 < 0) {	/* no term_init (a unit test): the locale as set */
		const char *cs = nl_langinfo(CODESET);

		utf8 = cs && !strcasecmp(cs, "UTF-8");
	}
	return utf8;
}

const char *term_glyph(const char *u, const char *ascii)
{
	return term_utf8() ? u : ascii;
}

int term_width(void)
{
	int n = env_cols >= 0 ? env_cols : columns_env();
	struct winsize ws;

	if (n > 0)
		return n;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 0;
}

/* the bytes of the escape sequence at S (CSI … final), or 0 */
static size_t esc_len(const char *s)
{
	size_t n = 2;

	if (s[0] == '\001' || s[0] == '\002')
		return 1;
	if (s[0] != '\033' || s[1] != '[')
		return 0;
	while (s[n] && !(s[n] >= 0x40 && s[n] <= 0x7e))
		n++;
	return s[n] ? n + 1 : n;
}

int term_cols(const char *s)
{
	int n = 0;

	while (*s) {
		size_t e = esc_len(s);

		if (e) {
			s += e;
			continue;
		}
		n += ((unsigned char)*s & 0xc0) != 0x80;
		s++;
	}
	return n;
}

int term_widest_word(const char *s)
{
	int best = 0;

	while (*s) {
		const char *e = s + strcspn(s, " ");
		char w[512];
		int n;

		snprintf(w, sizeof(w), "%.*s", (int)(e - s), s);
		n = term_cols(w);
		best = n > best ? n : best;
		s = *e ? e + 1 : e;
	}
	return best;
}

/* the end of the longest start of S that takes at most ROOM columns (at
 * least one character) */
static const char *fit(const char *s, int room)
{
	int n = 0;

	while (*s) {
		size_t e = esc_len(s);

		if (e) {
			s += e;
			continue;
		}
		if (n == room && n > 0)
			break;
		n++;
		s++;
		while (((unsigned char)*s & 0xc0) == 0x80)
			s++;
	}
	return s;
}

void term_wrap(FILE *f, const char *line, const char *indent, int width)
{
	const char *p = line;
	int icols = term_cols(indent);
	bool first = true;

	if (width <= 0 || term_cols(line) <= width) {
		for (; *p; p++)
			fputc(*p == TERM_NBSP ? ' ' : *p, f);
		fputc('\n', f);
		return;
	}
	if (icols > width - 12)
		indent = "", icols = 0;
	while (*p) {
		int room = width - (first ? 0 : icols);
		const char *end = fit(p, room), *brk = end, *e;

		if (*end && *end != ' ') {	/* back to a space */
			for (e = end; e > p && *e != ' '; e--)
				;
			if (e > p)
				brk = e;
		}
		for (e = brk; e > p && e[-1] == ' '; e--)
			;
		fputs(first ? "" : indent, f);
		for (; p < e; p++)
			fputc(*p == TERM_NBSP ? ' ' : *p, f);
		fputc('\n', f);
		for (p = brk; *p == ' '; p++)
			;
		first = false;
	}
}

char *term_cut(char *s, size_t size, int cols)
{
	const char *dots = term_glyph("…", "...");
	int nd = term_cols(dots);
	size_t keep;

	if (term_cols(s) <= cols)
		return s;
	keep = (size_t)(fit(s, cols > nd ? cols - nd : 1) - s);
	if (cols > nd && keep + strlen(dots) < size)
		strcpy(s + keep, dots);
	else
		s[keep] = '\0';
	return s;
}

const char *term_ascii(const char *s, char *buf, size_t len)
{
	static const char *const map[][2] = {
		{ "…", "..." }, { "↔", "<->" }, { "→", "->" }, { "⇒", "=>" },
		{ "←", "<-" }, { "↑", "^" }, { "↓", "v" }, { "—", "--" },
		{ "–", "-" }, { "├", "|" }, { "└", "`" }, { "│", "|" },
		{ "─", "-" }, { "┌", "+" }, { "┐", "+" }, { "┘", "+" },
		{ "┼", "+" }, { "╌", "." }, { "╎", ":" },
	};
	size_t o = 0;

	while (*s && o + 4 < len) {
		size_t i, n;

		for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
			if (!strncmp(s, map[i][0], strlen(map[i][0])))
				break;
		if (i < sizeof(map) / sizeof(map[0])) {
			n = strlen(map[i][1]);
			memcpy(buf + o, map[i][1], n);
			o += n;
			s += strlen(map[i][0]);
		} else if ((unsigned char)*s < 0x80) {
			buf[o++] = *s++;
		} else {	/* another character: one '?' for it */
			buf[o++] = '?';
			for (s++; ((unsigned char)*s & 0xc0) == 0x80; s++)
				;
		}
	}
	buf[o] = '\0';
	return buf;
}
