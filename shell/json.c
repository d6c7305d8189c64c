/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * json.c - a minimal streaming JSON writer for -j output (stdout).
 * Keys and strings are escaped per RFC 8259; bytes >= 0x80 pass through
 * (names are UTF-8 or escaped by the caller).
 */
#include "config.h"

#include <stdio.h>

#include "nsh.h"

static void put_escaped(const char *s)
{
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p == '\n')
			fputs("\\n", stdout);
		else if (*p == '\t')
			fputs("\\t", stdout);
		else if (*p < 0x20 || *p == 0x7f)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

/*
 * The layout is iproute2's json_writer, so that `ip -j -p` and `nsh -c
 * 'ip -j -p …'` print the same bytes: a value is preceded by the comma
 * its predecessor left (sep), a key starts a new line when pretty, an
 * array keeps its values on one line ("[ "a","b" ]").
 */
static void eor(struct json *j)
{
	if (j->sep)
		putchar(j->sep);
	j->sep = ',';
}

static void eol(struct json *j)
{
	if (!j->pretty)
		return;
	putchar('\n');
	for (int i = 0; i < j->depth; i++)
		fputs("    ", stdout);
}

static void open_(struct json *j, char c)
{
	putchar(c);
	j->depth++;
	j->sep = '\0';
}

static void close_(struct json *j, char c)
{
	if (j->depth > 0)
		j->depth--;
	if (j->sep)
		eol(j);
	putchar(c);
	j->sep = ',';
}

/* the comma owed, then (for a member) a new line and the key: what a
 * value or a collection written next follows */
void json_key(struct json *j, const char *key)
{
	eor(j);
	if (!key)
		return;	/* an array element */
	eol(j);
	put_escaped(key);
	putchar(':');
	if (j->pretty)
		putchar(' ');
}

void json_begin_array(struct json *j)
{
	open_(j, '[');
	if (j->pretty)
		putchar(' ');
}

void json_end_array(struct json *j)
{
	if (j->pretty && j->sep)
		putchar(' ');
	j->sep = '\0';
	close_(j, ']');
}

void json_begin_object(struct json *j)
{
	open_(j, '{');
}

void json_end_object(struct json *j)
{
	close_(j, '}');
}

void json_str(struct json *j, const char *key, const char *val)
{
	json_key(j, key);
	put_escaped(val);
}

void json_int(struct json *j, const char *key, long long val)
{
	json_key(j, key);
	printf("%lld", val);
}

void json_uint(struct json *j, const char *key, unsigned long long val)
{
	json_key(j, key);
	printf("%llu", val);
}

void json_bool(struct json *j, const char *key, bool val)
{
	json_key(j, key);
	fputs(val ? "true" : "false", stdout);
}

void json_end(struct json *j)
{
	putchar('\n');
}

void json_str_or_null(struct json *j, const char *key, const char *val)
{
	if (val) {
		json_str(j, key, val);
		return;
	}
	json_key(j, key);
	fputs("null", stdout);
}
