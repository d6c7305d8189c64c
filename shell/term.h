/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * term.h - what the terminal can show: colour (as iproute2's lib/color.c,
 * and NO_COLOR, TERM=dumb), its width (COLUMNS, TIOCGWINSZ) and whether
 * the locale is UTF-8 (else the views draw in ASCII).
 */
#ifndef NSH_TERM_H
#define NSH_TERM_H

#include <stdbool.h>
#include <stdio.h>

/* iproute2's enum color_opt */
enum term_when { TERM_NEVER, TERM_AUTO, TERM_ALWAYS };

/* once at start: the locale's character type (LC_CTYPE only: numbers
 * stay printed as iproute2 prints them) */
void term_init(void);
/* "always", "auto", "never" (NULL or "": always, as -color alone);
 * -1 for anything else */
int term_parse_when(const char *s);
/* nsh's own --color=WHEN (default auto) for its views and the prompt */
void term_set_when(enum term_when w);
/* colours may be written at all: NO_COLOR unset or empty, TERM not dumb */
bool term_color_allowed(void);
/* colour WHEN means colours now (auto: standard output is a terminal) */
bool term_color_when(enum term_when w);
/* nsh's own views are coloured */
bool term_color(void);

/* iproute2's colour attributes (include/color.h's enum color_attr) */
enum term_attr { TA_IFNAME, TA_MAC, TA_INET, TA_INET6, TA_UP, TA_DOWN,
		 TA_NONE };
/* the escape sequence of ATTR (iproute2's palettes, dark by COLORFGBG),
 * and the one that ends it */
const char *term_sgr(enum term_attr a);
#define TERM_SGR_END "\033[0m"
/* S in ATTR's colour into BUF when COLOR, else S itself */
const char *term_paint(bool color, enum term_attr a, const char *s,
		       char *buf, size_t len);

/* the locale's charset is UTF-8 */
bool term_utf8(void);
/* UTF8 when the locale is UTF-8, else ASCII */
const char *term_glyph(const char *utf8, const char *ascii);
/* S in ASCII, into BUF: arrows, boxes and "…" as "<->", "+", "..."
 * (any other non-ASCII character as "?") */
const char *term_ascii(const char *s, char *buf, size_t len);
/* the columns output may take: COLUMNS (as nsh started with it), else
 * the terminal's now, else 0 (no limit: a pipe or a file) */
int term_width(void);
/* the columns S takes (UTF-8 code points; escape sequences take none) */
int term_cols(const char *s);
/* S (SIZE bytes) cut to COLS columns, ending with "…" ("..."), when
 * longer */
char *term_cut(char *s, size_t size, int cols);
/* the columns of the widest word of S (words: between spaces) */
int term_widest_word(const char *s);
/*
 * term_wrap - print LINE (no newline in it) to F within WIDTH columns (0:
 * no limit): broken at spaces, each continuation line starting with
 * INDENT (the tree's lanes, spaces…); a word wider than a line is cut.
 * TERM_NBSP in LINE is a space that joins (printed as a space).
 */
#define TERM_NBSP '\037'
void term_wrap(FILE *f, const char *line, const char *indent, int width);

#endif
