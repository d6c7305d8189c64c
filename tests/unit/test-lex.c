/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-lex.c - lex_split(): blanks, quotes, escapes, comments, columns and
 * every error with its column.  Every successful split is lex_free()d (the
 * suite also runs under ASan/LSan).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "nsh.h"

/* split LINE, which must succeed, and check the words against WANT[N] */
static void split_ok(const char *line, int n, const char *const *want)
{
	struct nsh_words w;
	const char *err = NULL;
	int col = -1;

	if (lex_split(line, &w, &err, &col) != 0)
		fail_msg("lex_split(\"%s\") failed at column %d: %s", line, col,
			 err);
	assert_int_equal(w.n, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(w.w[i], want[i]);
	lex_free(&w);
}

/* split LINE, which must fail with a reason containing WHAT at column COL */
static void split_fails(const char *line, const char *what, int want_col)
{
	struct nsh_words w;
	const char *err = NULL;
	int col = -1;

	assert_int_equal(lex_split(line, &w, &err, &col), -1);
	assert_non_null(err);
	if (!strstr(err, what))
		fail_msg("lex_split(\"%s\"): reason '%s' lacks '%s'", line, err,
			 what);
	assert_int_equal(col, want_col);
	/* lex_split freed the storage itself; a second free is harmless */
	assert_null(w.buf);
	assert_int_equal(w.n, 0);
	lex_free(&w);
}

#define WORDS(...) (const char *const[]){ __VA_ARGS__ }
#define NWORDS(...) (int)(sizeof(WORDS(__VA_ARGS__)) / sizeof(const char *))
#define SPLIT_OK(line, ...)                                                    \
	split_ok(line, NWORDS(__VA_ARGS__), WORDS(__VA_ARGS__))

static void lex_blanks_separate_words(void **state)
{
	SPLIT_OK("ip link add", "ip", "link", "add");
	SPLIT_OK("  ip \t link\t\tadd  ", "ip", "link", "add");
	/* continuation lines are joined before lex_split: a newline is blank */
	SPLIT_OK("a\nb \tc", "a", "b", "c");
	/* as sh(1): \r, \v and \f are characters of a word, not blanks (a
	 * lone \r inside `ip netns\radd ns3` must not make it `add`) */
	SPLIT_OK("netns\radd x\vy\fz", "netns\radd", "x\vy\fz");
	SPLIT_OK("x", "x");
}

static void lex_empty_and_blank_lines_have_no_words(void **state)
{
	split_ok("", 0, NULL);
	split_ok("   ", 0, NULL);
	split_ok(" \t\n ", 0, NULL);
}

static void lex_single_quotes_are_literal(void **state)
{
	SPLIT_OK("'a b'", "a b");
	SPLIT_OK("echo 'a  b' c", "echo", "a  b", "c");
	/* no escapes inside '…': the backslash is kept */
	SPLIT_OK("'a\\b'", "a\\b");
	SPLIT_OK("'a\\'", "a\\");
	SPLIT_OK("'say \"hi\" $x #y'", "say \"hi\" $x #y");
	/* quotes join with what is next to them */
	SPLIT_OK("x'a b'y", "xa by");
	SPLIT_OK("'a''b'", "ab");
	/* an empty quoted string is an empty word */
	SPLIT_OK("'' x", "", "x");
	SPLIT_OK("a ''", "a", "");
}

static void lex_double_quotes_allow_escapes(void **state)
{
	SPLIT_OK("\"a b\"", "a b");
	SPLIT_OK("\"q\\\"q\"", "q\"q");
	SPLIT_OK("\"back\\\\slash\"", "back\\slash");
	SPLIT_OK("\"\\$HOME\"", "$HOME");
	SPLIT_OK("\"\\`x\\`\"", "`x`");
	/* any other backslash is kept, as in sh */
	SPLIT_OK("\"a\\nb\"", "a\\nb");
	SPLIT_OK("\"\\'\"", "\\'");
	/* single quotes and '#' are plain inside "…" */
	SPLIT_OK("\"it's #1\"", "it's #1");
	SPLIT_OK("\"\"", "");
	SPLIT_OK("pre\"mid dle\"post", "premid dlepost");
	SPLIT_OK("\"a\"'b'c", "abc");
}

static void lex_backslash_outside_quotes(void **state)
{
	SPLIT_OK("a\\ b", "a b");
	SPLIT_OK("\\'x", "'x");
	SPLIT_OK("\\\"x", "\"x");
	SPLIT_OK("a\\\\b", "a\\b");
	SPLIT_OK("\\n", "n");
	/* an escaped '#' starts no comment */
	SPLIT_OK("\\#x y", "#x", "y");
	SPLIT_OK("a \\# b", "a", "#", "b");
}

static void lex_hash_at_word_start_is_comment(void **state)
{
	SPLIT_OK("ip link # show the links", "ip", "link");
	SPLIT_OK("ip link #show", "ip", "link");
	SPLIT_OK("ip\t# tab before", "ip");
	/* only a comment, with or without blanks before it */
	split_ok("# a comment", 0, NULL);
	split_ok("   #", 0, NULL);
	split_ok("#'unterminated \"quotes \\", 0, NULL);
}

static void lex_hash_inside_word_is_not_comment(void **state)
{
	SPLIT_OK("a#b", "a#b");
	SPLIT_OK("a# b", "a#", "b");
	SPLIT_OK("'#'", "#");
	SPLIT_OK("\"#\" x", "#", "x");
	SPLIT_OK("'a'#b", "a#b");
}

static void lex_columns_are_byte_offsets(void **state)
{
	struct nsh_words w;
	const char *err;
	int col;

	assert_int_equal(lex_split("ip  'a b'\t\"c\" d\\ e  # x", &w, &err,
				   &col), 0);
	assert_int_equal(w.n, 4);
	assert_int_equal(w.col[0], 0);
	assert_int_equal(w.col[1], 4);
	assert_int_equal(w.col[2], 10);
	assert_int_equal(w.col[3], 14);
	assert_string_equal(w.w[3], "d e");
	lex_free(&w);

	assert_int_equal(lex_split("   x", &w, &err, &col), 0);
	assert_int_equal(w.n, 1);
	assert_int_equal(w.col[0], 3);
	lex_free(&w);

	/* bytes, not characters: "ñ" is two */
	assert_int_equal(lex_split("\xc3\xb1 x", &w, &err, &col), 0);
	assert_int_equal(w.n, 2);
	assert_int_equal(w.col[1], 3);
	lex_free(&w);
}

static void lex_unterminated_single_quote_fails_at_quote(void **state)
{
	split_fails("'abc", "single quote", 0);
	split_fails("echo 'abc", "single quote", 5);
	split_fails("echo x'abc", "single quote", 6);
	split_fails("'a' 'b' 'c", "single quote", 8);
	/* a double quote does not close a single one */
	split_fails("'abc\"", "single quote", 0);
}

static void lex_unterminated_double_quote_fails_at_quote(void **state)
{
	split_fails("\"abc", "double quote", 0);
	split_fails("ip \"abc", "double quote", 3);
	/* the escaped quote does not close the string */
	split_fails("a \"b\\\"", "double quote", 2);
	split_fails("\"a'", "double quote", 0);
}

static void lex_trailing_backslash_fails(void **state)
{
	split_fails("\\", "backslash", 0);
	split_fails("ab\\", "backslash", 2);
	split_fails("ip link \\", "backslash", 8);
	/* "\\" inside double quotes at the end: unterminated quote instead */
	split_fails("\"a\\", "double quote", 0);
}

static void lex_accepts_max_words(void **state)
{
	char line[NSH_MAX_WORDS * 4 + 16];
	struct nsh_words w;
	const char *err;
	size_t used = 0;
	int col;

	for (int i = 0; i < NSH_MAX_WORDS; i++)
		used += (size_t)snprintf(line + used, sizeof(line) - used,
					 "%s%x", i ? " " : "", i);
	snprintf(line + used, sizeof(line) - used, " # more");
	assert_int_equal(lex_split(line, &w, &err, &col), 0);
	assert_int_equal(w.n, NSH_MAX_WORDS);
	assert_string_equal(w.w[0], "0");
	{
		char last[16];

		snprintf(last, sizeof(last), "%x", NSH_MAX_WORDS - 1);
		assert_string_equal(w.w[NSH_MAX_WORDS - 1], last);
		assert_int_equal(w.col[NSH_MAX_WORDS - 1],
				 (int)(used - strlen(last)));
	}
	lex_free(&w);
}

static void lex_rejects_too_many_words(void **state)
{
	char line[(NSH_MAX_WORDS + 1) * 4 + 16];
	size_t used = 0, last = 0;

	for (int i = 0; i <= NSH_MAX_WORDS; i++) {
		last = used + (i ? 1 : 0);
		used += (size_t)snprintf(line + used, sizeof(line) - used,
					 "%s%x", i ? " " : "", i);
	}
	split_fails(line, "too many words", (int)last);
}

static void lex_many_empty_words_fit(void **state)
{
	/* '' words give out more bytes per input byte than any other */
	char line[NSH_MAX_WORDS * 3 + 1];
	struct nsh_words w;
	const char *err;
	size_t used = 0;
	int col;

	for (int i = 0; i < NSH_MAX_WORDS; i++)
		used += (size_t)snprintf(line + used, sizeof(line) - used,
					 "%s''", i ? " " : "");
	assert_int_equal(used, NSH_MAX_WORDS * 3 - 1);
	assert_int_equal(lex_split(line, &w, &err, &col), 0);
	assert_int_equal(w.n, NSH_MAX_WORDS);
	for (int i = 0; i < w.n; i++)
		assert_string_equal(w.w[i], "");
	lex_free(&w);
}

static void lex_free_twice_is_harmless(void **state)
{
	struct nsh_words w;
	const char *err;
	int col;

	assert_int_equal(lex_split("a b", &w, &err, &col), 0);
	lex_free(&w);
	assert_null(w.buf);
	assert_int_equal(w.n, 0);
	lex_free(&w);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lex_blanks_separate_words),
		cmocka_unit_test(lex_empty_and_blank_lines_have_no_words),
		cmocka_unit_test(lex_single_quotes_are_literal),
		cmocka_unit_test(lex_double_quotes_allow_escapes),
		cmocka_unit_test(lex_backslash_outside_quotes),
		cmocka_unit_test(lex_hash_at_word_start_is_comment),
		cmocka_unit_test(lex_hash_inside_word_is_not_comment),
		cmocka_unit_test(lex_columns_are_byte_offsets),
		cmocka_unit_test(lex_unterminated_single_quote_fails_at_quote),
		cmocka_unit_test(lex_unterminated_double_quote_fails_at_quote),
		cmocka_unit_test(lex_trailing_backslash_fails),
		cmocka_unit_test(lex_accepts_max_words),
		cmocka_unit_test(lex_rejects_too_many_words),
		cmocka_unit_test(lex_many_empty_words_fit),
		cmocka_unit_test(lex_free_twice_is_harmless),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
