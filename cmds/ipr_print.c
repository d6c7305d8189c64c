/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipr_print.c - output as iproute2 prints it (lib/json_print.c,
 * lib/json_writer.c), for every iproute2 family: every field is printed
 * once, in text with its printf format (spaces and all) or, under -j, as
 * a JSON member with its key, by the same call (PR_ANY), or only in one
 * of the two (PR_FP, PR_JSON).  The JSON is written as iproute2's
 * json_writer writes it (a separator before a value, never after; a
 * member's name on a new line when pretty, four spaces a level; "[ {",
 * "} ]"; an array's values on one line), so that `ip -j -p`, `tc -j` and
 * `bridge -j` output compares byte for byte; sizes, rates and timers.
 * The formats of link types, addresses, counters and protocols are in
 * ipr_format.c.
 *
 * One show at a time (a command runs to its end before the next): the
 * state is this file's.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include <net/if_arp.h>

#include "iproute.h"
#include "term.h"

static struct {
	bool json;
	bool pretty;
	bool oneline;
	bool array;		/* the show's array was opened */
	bool color;		/* -c: escape sequences around some fields */
	unsigned depth;
	char sep; /* ',' once a value was written at this depth */
} w;

/* ------------------------------------------------------------ JSON */

static void j_eor(void)
{
	if (w.sep)
		putchar(w.sep);
	w.sep = ',';
}

static void j_eol(void)
{
	if (!w.pretty)
		return;
	putchar('\n');
	for (unsigned i = 0; i < w.depth; i++)
		fputs("    ", stdout);
}

static void j_puts(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		case '\f': fputs("\\f", stdout); break;
		case '\b': fputs("\\b", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		case '"': fputs("\\\"", stdout); break;
		default: putchar(*s);
		}
	}
	putchar('"');
}

static void j_begin(int c)
{
	j_eor();
	putchar(c);
	w.depth++;
	w.sep = '\0';
}

static void j_end(int c)
{
	if (w.depth)
		w.depth--;
	if (w.sep)
		j_eol();
	putchar(c);
	w.sep = ',';
}

static void j_name(const char *name)
{
	j_eor();
	j_eol();
	w.sep = '\0';
	j_puts(name);
	putchar(':');
	if (w.pretty)
		putchar(' ');
}

/* a member KEY (or an array element when KEY is NULL) about to be
 * written by the caller */
static void j_member(const char *key)
{
	if (key)
		j_name(key);
	j_eor();
}

/* ------------------------------------------------------------ the API */

void pr_begin(bool json, bool pretty, bool oneline, bool array)
{
	memset(&w, 0, sizeof(w));
	w.json = json;
	w.pretty = pretty;
	w.oneline = oneline;
	w.array = json && array;
	if (w.array) {
		j_begin('[');
		if (w.pretty)
			putchar(' ');
	}
}

void pr_end(void)
{
	if (w.json) {
		if (w.array)
			pr_arr_close(PR_JSON, NULL);
		putchar('\n');
	}
	fflush(stdout);
	w.json = false;
}

static bool is_fp(enum pr_out t);

void pr_color(bool on)
{
	w.color = on && !w.json;
}

void pr_color_string(enum pr_out t, enum pr_color c, const char *key,
		     const char *fmt, const char *val)
{
	if (!w.color || c == PC_NONE || !is_fp(t)) {
		pr_string(t, key, fmt, val);
		return;
	}
	/* iproute2's color_fprintf: the colour, the text, "\e[0m" */
	fputs(term_sgr((enum term_attr)c), stdout);
	printf(fmt, val);
	fputs(TERM_SGR_END, stdout);
}

void pr_color_text(enum pr_color c, const char *fmt, const char *val)
{
	bool json = w.json;

	w.json = false;
	pr_color_string(PR_FP, c, NULL, fmt, val);
	w.json = json;
}

bool pr_json(void)
{
	return w.json;
}

const char *pr_sl(void)
{
	return w.oneline ? "\\" : "\n";
}

static bool is_json(enum pr_out t)
{
	return w.json && (t & PR_JSON);
}

/* text, when the call has a format for it */
static bool is_fp(enum pr_out t)
{
	return !w.json && (t & PR_FP);
}

void pr_nl(void)
{
	if (!w.json)
		fputs(pr_sl(), stdout);
}

void pr_obj_open(const char *key)
{
	if (!w.json)
		return;
	if (key)
		j_name(key);
	j_begin('{');
}

void pr_obj_close(void)
{
	if (w.json)
		j_end('}');
}

void pr_arr_open(enum pr_out t, const char *s)
{
	if (is_json(t)) {
		if (s)
			j_name(s);
		j_begin('[');
		if (w.pretty)
			putchar(' ');
	} else if (is_fp(t)) {
		fputs(s, stdout);
	}
}

void pr_arr_close(enum pr_out t, const char *s)
{
	if (is_json(t)) {
		if (w.pretty && w.sep)
			putchar(' ');
		w.sep = '\0';
		j_end(']');
	} else if (is_fp(t)) {
		fputs(s, stdout);
	}
}

void pr_string(enum pr_out t, const char *key, const char *fmt,
	       const char *val)
{
	if (is_json(t)) {
		if (key && !val) {
			j_name(key);
		} else {
			j_member(key);
			j_puts(val);
		}
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_int(enum pr_out t, const char *key, const char *fmt, int val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%d", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_uint(enum pr_out t, const char *key, const char *fmt, unsigned val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%u", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_u64(enum pr_out t, const char *key, const char *fmt,
	    unsigned long long val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%llu", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_s64(enum pr_out t, const char *key, const char *fmt, long long val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%lld", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_hu(enum pr_out t, const char *key, const char *fmt,
	   unsigned short val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%hu", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_hhu(enum pr_out t, const char *key, const char *fmt,
	    unsigned char val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%hhu", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_float(enum pr_out t, const char *key, const char *fmt, double val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%g", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

static void pr_bool_str(enum pr_out t, const char *key, const char *fmt,
			bool val, const char *str)
{
	if (is_json(t)) {
		j_member(key);
		fputs(val ? "true" : "false", stdout);
	} else if (is_fp(t) && fmt) {
		printf(fmt, str);
	}
}

void pr_bool(enum pr_out t, const char *key, const char *fmt, bool val)
{
	pr_bool_str(t, key, fmt, val, val ? "true" : "false");
}

void pr_on_off(enum pr_out t, const char *key, const char *fmt, bool val)
{
	pr_bool_str(t, key, fmt, val, val ? "on" : "off");
}

void pr_null(enum pr_out t, const char *key, const char *fmt,
	     const char *val)
{
	if (is_json(t)) {
		j_member(key);
		fputs("null", stdout);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_0xhex(enum pr_out t, const char *key, const char *fmt,
	      unsigned long long val)
{
	char b[32];

	if (is_json(t)) {
		snprintf(b, sizeof(b), "%#llx", val);
		pr_string(PR_JSON, key, NULL, b);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_hex(enum pr_out t, const char *key, const char *fmt, unsigned val)
{
	char b[32];

	if (is_json(t)) {
		snprintf(b, sizeof(b), "%x", val);
		j_member(key);
		j_puts(b);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_size(enum pr_out t, const char *key, const char *fmt,
	     uint32_t bytes)
{
	char b[IPR_SPRINT];

	if (is_json(t)) {
		j_member(key);
		printf("%u", bytes);
	} else if (is_fp(t) && fmt) {
		printf(fmt, ipr_sprint_size(bytes, b));
	}
}

void pr_rate(enum pr_out t, const char *key, const char *fmt,
	     unsigned long long rate, bool iec)
{
	static const char *const units[] = { "", "K", "M", "G", "T" };
	unsigned long long kilo = iec ? 1024 : 1000;
	char b[IPR_SPRINT];
	size_t i;

	if (is_json(t)) {
		j_member(key);
		printf("%llu", rate);
		return;
	}
	if (!is_fp(t) || !fmt)
		return;
	rate <<= 3;	/* bits per second */
	/* the largest unit that keeps the number whole, or below 1000 */
	for (i = 0; i < ARRAY_SIZE(units) - 1; i++) {
		if (rate < kilo ||
		    (rate % kilo != 0 && rate < 1000 * kilo))
			break;
		rate /= kilo;
	}
	snprintf(b, sizeof(b), "%.0f%s%sbit", (double)rate, units[i],
		 i > 0 && iec ? "i" : "");
	printf(fmt, b);
}

void pr_timer(const char *key, uint64_t jiffies)
{
	unsigned long long us = 10000ULL * jiffies;
	int sec = (int)(us / 1000000), cs = (int)(us % 1000000) / 10000;

	if (w.json) {
		j_name(key);
		j_eor();
		printf("%i.%.2i", sec, cs);
	} else {
		printf("%s %4i.%.2i ", key, sec, cs);
	}
}
