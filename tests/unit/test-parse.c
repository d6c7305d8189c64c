/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-parse.c - the line syntax: sh_line_is_plain() (which lines keep the
 * old path), sh_parse() (the tree, and every syntax error with its
 * column), sh_expand() (parameters, field splitting, quote removal; the
 * checking pass's variables), and the prompt's helpers (sh_scan_state,
 * sh_complete_words).  A plain line parsed and expanded gives exactly the
 * words lex_split() gives.  Everything allocated is freed (the suite also
 * runs under ASan/LSan).
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

static struct nsh sh = { .home.fd = -1, .cur.fd = -1 };

#define WORDS(...) (const char *const[]){ __VA_ARGS__ }
#define NWORDS(...) (int)(sizeof(WORDS(__VA_ARGS__)) / sizeof(const char *))

/* ------------------------------------------------------------ plain */

static void plain_lines_keep_the_old_path(void **state)
{
	static const char *const plain[] = {
		"ip link add a type veth peer name b",
		"  ip netns add ns1",
		"",
		"# a comment; with | operators & $x",
		"ip netns add x # then; a comment",
		"echo 'a;b|c&d<e>f$g`h(i)'",
		"echo \"a;b|c&d<e>f(i)\"",
		"echo a\\;b a\\|b a\\$b",
		"sysctl -w net.ipv4.ip_forward=1",
		"ip link set dev x alias a=b",
		"echo !x",
		"echo 'unterminated",
		"echo a*b ?c [d]",
		"exporter a",
	};
	static const char *const not_plain[] = {
		"a; b", "a | b", "a && b", "a || b", "a &", "a > f", "a < f",
		"a 2>&1", "echo $x", "echo \"$x\"", "echo ${x}", "echo `x`",
		"echo (x)", "X=1", "  X=1 cmd", "export X=1", "unset X",
		"! a", "if true", "for i in a", "{ a", "a\nb", "a # c\nb",
		"echo a#b;c", "echo \\\nb",
	};

	for (size_t i = 0; i < ARRAY_SIZE(plain); i++)
		if (!sh_line_is_plain(plain[i]))
			fail_msg("'%s' should be plain", plain[i]);
	for (size_t i = 0; i < ARRAY_SIZE(not_plain); i++)
		if (sh_line_is_plain(not_plain[i]))
			fail_msg("'%s' should not be plain", not_plain[i]);
}

/* the words of a one-command line, through the parser and expansion */
static int tree_words(const char *line, struct sh_fields *f)
{
	struct sh_line l;
	const char *err;
	int col;

	memset(f, 0, sizeof(*f));
	if (sh_parse(line, &l, &err, &col) < 0)
		return -1;
	assert_true(l.nao <= 1);
	for (int i = 0; i < l.nwords; i++)
		assert_int_equal(sh_expand(&sh, NSH_RUN, l.words[i].text, true,
					   f), 0);
	sh_line_free(&l);
	return 0;
}

static void plain_lines_split_as_lex_split_does(void **state)
{
	static const char *const lines[] = {
		"ip link add a type veth peer name b",
		"  ip  'a b'\t\"c\" d\\ e  # x",
		"echo 'a\"b' \"a'b\" \"\\\"\" \"\\\\\" \"\\x\" '\\x'",
		"echo '' \"\" x''y",
		"a\rb\vc\fd",
		"ip netns add q'3'\"x\"",
		"echo a#b #c",
		"echo a*b ~ [x]",
	};

	for (size_t i = 0; i < ARRAY_SIZE(lines); i++) {
		struct nsh_words w;
		struct sh_fields f;
		const char *err;
		int col;

		assert_int_equal(lex_split(lines[i], &w, &err, &col), 0);
		assert_int_equal(tree_words(lines[i], &f), 0);
		if (f.n != w.n)
			fail_msg("'%s': %d words, lex_split has %d", lines[i],
				 f.n, w.n);
		for (int k = 0; k < w.n; k++)
			assert_string_equal(f.v[k], w.w[k]);
		sh_fields_free(&f);
		lex_free(&w);
	}
}

/* ------------------------------------------------------------ the tree */

static struct sh_line parse_ok(const char *line)
{
	struct sh_line l;
	const char *err = NULL;
	int col = -1;

	if (sh_parse(line, &l, &err, &col) < 0)
		fail_msg("sh_parse(\"%s\") failed at column %d: %s", line,
			 col, err);
	return l;
}

static const char *word(const struct sh_line *l, int cmd, int i)
{
	return l->words[l->cmds[cmd].word + i].text;
}

static void parse_lists_and_or_pipelines(void **state)
{
	struct sh_line l = parse_ok("a; b && c || d | e & f");

	assert_int_equal(l.nao, 3);
	assert_int_equal(l.ao[0].npipes, 1);
	assert_false(l.ao[0].background);
	assert_int_equal(l.ao[1].npipes, 3);
	assert_true(l.ao[1].background);
	assert_int_equal(l.pipes[l.ao[1].pipe].join, SH_FIRST);
	assert_int_equal(l.pipes[l.ao[1].pipe + 1].join, SH_AND);
	assert_int_equal(l.pipes[l.ao[1].pipe + 2].join, SH_OR);
	assert_int_equal(l.pipes[l.ao[1].pipe + 2].ncmds, 2);
	assert_int_equal(l.ncmds, 6);
	assert_string_equal(word(&l, 4, 0), "e");
	/* the text of each and-or list, for the jobs table */
	assert_int_equal(l.ao[1].start, 3);
	assert_int_equal(l.ao[1].end, 18);
	assert_int_equal(l.ao[2].start, 21);
	sh_line_free(&l);

	l = parse_ok("a;");
	assert_int_equal(l.nao, 1);
	sh_line_free(&l);
	l = parse_ok("  # only a comment ; | &");
	assert_int_equal(l.nao, 0);
	sh_line_free(&l);
	/* newlines separate; after && | they continue */
	l = parse_ok("a\n\nb &&\n c |\n d # x\ne");
	assert_int_equal(l.nao, 3);
	assert_int_equal(l.ao[1].npipes, 2);
	assert_string_equal(word(&l, 4, 0), "e");
	sh_line_free(&l);
	l = parse_ok("! a | b; x |& y");
	assert_true(l.pipes[0].negate);
	assert_false(l.pipes[1].negate);
	assert_false(l.cmds[0].err_pipe);
	assert_true(l.cmds[2].err_pipe);
	sh_line_free(&l);
}

static void parse_redirections(void **state)
{
	struct sh_line l = parse_ok("cmd >f 2>&1 <in 3>>x &>y >&2 2>&- a"
				    " 5<>rw >|c &>>z >&file 0<&3");
	static const struct {
		int fd;
		enum sh_redir_op op;
		const char *target;
	} want[] = {
		{ 1, SH_R_OUT, "f" }, { 2, SH_R_DUP, "1" },
		{ 0, SH_R_IN, "in" }, { 3, SH_R_APPEND, "x" },
		{ 1, SH_R_BOTH, "y" }, { 1, SH_R_DUP, "2" },
		{ 2, SH_R_DUP, "-" }, { 5, SH_R_RW, "rw" },
		{ 1, SH_R_OUT, "c" }, { 1, SH_R_BOTH_APPEND, "z" },
		{ 1, SH_R_DUP, "file" }, { 0, SH_R_DUP, "3" },
	};

	assert_int_equal(l.ncmds, 1);
	assert_int_equal(l.cmds[0].nwords, 2);
	assert_string_equal(word(&l, 0, 1), "a");
	assert_int_equal(l.nredirs, ARRAY_SIZE(want));
	for (size_t i = 0; i < ARRAY_SIZE(want); i++) {
		assert_int_equal(l.redirs[i].fd, want[i].fd);
		assert_int_equal(l.redirs[i].op, want[i].op);
		assert_string_equal(l.redirs[i].target.text, want[i].target);
	}
	assert_true(l.redirs[1].dup_out);
	assert_true(l.redirs[1].fd_given);
	assert_false(l.redirs[11].dup_out);
	assert_false(l.redirs[10].fd_given);
	sh_line_free(&l);

	/* a redirection alone is a command; a quoted '>' is a word */
	l = parse_ok("> f; echo '>' \\> a2>b");
	assert_int_equal(l.cmds[0].nwords, 0);
	assert_int_equal(l.cmds[0].nredirs, 1);
	assert_int_equal(l.cmds[1].nwords, 4);
	assert_string_equal(word(&l, 1, 3), "a2");
	assert_int_equal(l.redirs[1].fd, 1);
	sh_line_free(&l);
}

static void parse_assignments(void **state)
{
	struct sh_line l = parse_ok("A=1 B='x y' cmd C=3; D=4; 'E=5' x");

	assert_int_equal(l.cmds[0].nassign, 2);
	assert_int_equal(l.cmds[0].nwords, 4);
	assert_int_equal(l.cmds[1].nassign, 1);
	assert_int_equal(l.cmds[1].nwords, 1);
	assert_int_equal(l.cmds[2].nassign, 0);
	sh_line_free(&l);
	assert_int_equal(sh_assign_len("NS=ns1"), 2);
	assert_int_equal(sh_assign_len("_a1="), 3);
	assert_int_equal(sh_assign_len("1a=x"), 0);
	assert_int_equal(sh_assign_len("a.b=x"), 0);
	assert_int_equal(sh_assign_len("'a'=x"), 0);
}

static void parse_error(const char *line, const char *what, int want_col)
{
	struct sh_line l;
	const char *err = NULL;
	int col = -1;

	if (sh_parse(line, &l, &err, &col) == 0)
		fail_msg("sh_parse(\"%s\") should fail", line);
	if (!strstr(err, what))
		fail_msg("sh_parse(\"%s\"): reason '%s' lacks '%s'", line, err,
			 what);
	if (col != want_col)
		fail_msg("sh_parse(\"%s\"): column %d, want %d (%s)", line,
			 col, want_col, err);
	assert_null(l.text);
}

static void parse_errors_have_columns(void **state)
{
	parse_error("ls |", "'|' needs a command", 3);
	parse_error("ls | | x", "'|' needs a command", 3);
	parse_error("a &&", "'&&' needs a command", 2);
	parse_error("a || ;", "'||' needs a command", 2);
	parse_error("; ;", "syntax error near ';'", 0);
	parse_error("a; ; b", "syntax error near ';'", 3);
	parse_error("a & ;", "syntax error near ';'", 4);
	parse_error("&& a", "syntax error near '&&'", 0);
	parse_error("| a", "syntax error near '|'", 0);
	parse_error("echo >", "'>' needs a file name", 5);
	parse_error("echo 2>> ;", "'>>' needs a file name", 5);
	parse_error("echo 2>&", "'>&' needs a descriptor", 5);
	parse_error("echo 'abc", "unterminated single quote", 5);
	parse_error("echo \"abc", "unterminated double quote", 5);
	parse_error("echo a\\", "backslash at end of line", 6);
	parse_error("echo $(ls)", "command substitution", 5);
	parse_error("echo \"x$(ls)\"", "command substitution", 7);
	parse_error("echo `ls`", "command substitution", 5);
	parse_error("echo $((1+1))", "arithmetic", 5);
	parse_error("echo ${x", "unterminated ${", 5);
	parse_error("echo ${x%y}", "only ${NAME}", 5);
	parse_error("echo ${}", "bad substitution", 5);
	parse_error("echo ${x:-a", "unterminated ${", 5);
	parse_error("(a)", "subshells", 0);
	parse_error("a ;; b", "';;'", 2);
	parse_error("cat << EOF", "here-documents", 4);
	parse_error("if true", "'if'", 0);
	parse_error("a; while x", "'while'", 3);
	parse_error("{ a", "'{'", 0);
	parse_error("!", "'!' needs a command", 0);
	parse_error("echo 12>f", "0 to 9", 5);
}

/* ------------------------------------------------------------ expansion */

static void expand_ok(const char *word, int n, const char *const *want)
{
	struct sh_fields f = { 0 };

	assert_int_equal(sh_expand(&sh, NSH_RUN, word, true, &f), 0);
	if (f.n != n)
		fail_msg("'%s': %d fields, want %d", word, f.n, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(f.v[i], want[i]);
	if (n)
		assert_null(f.v[n]);
	assert_false(f.runtime);
	sh_fields_free(&f);
}

#define EXPANDS(word, ...) expand_ok(word, NWORDS(__VA_ARGS__), \
				     WORDS(__VA_ARGS__))
#define EXPANDS_TO_NOTHING(word) expand_ok(word, 0, NULL)

static void expand_parameters_and_splitting(void **state)
{
	assert_int_equal(nsh_var_set(&sh, "X", "a  b", NSH_RUN, 0), 0);
	assert_int_equal(nsh_var_set(&sh, "E", "", NSH_RUN, 0), 0);
	assert_int_equal(nsh_var_set(&sh, "S", " lead trail ", NSH_RUN, 0),
			 0);
	EXPANDS("$X", "a", "b");
	EXPANDS("\"$X\"", "a  b");
	EXPANDS("'$X'", "$X");
	EXPANDS("\\$X", "$X");
	EXPANDS("\"\\$X\"", "$X");
	EXPANDS("pre$X", "prea", "b");
	EXPANDS("${X}post", "a", "bpost");
	EXPANDS("\"${X}\"post", "a  bpost");
	EXPANDS("$S", "lead", "trail");
	EXPANDS("x${S}y", "x", "lead", "trail", "y");
	EXPANDS_TO_NOTHING("$UNSET_NSH_TEST");
	EXPANDS_TO_NOTHING("$E");
	EXPANDS_TO_NOTHING("$E$UNSET_NSH_TEST");
	EXPANDS("\"$E\"", "");
	EXPANDS("''$E", "");
	EXPANDS("${UNSET_NSH_TEST:-d e}", "d", "e");
	EXPANDS("\"${UNSET_NSH_TEST:-d e}\"", "d e");
	EXPANDS("${E:-d}", "d");
	EXPANDS("${E-d}x", "x");
	EXPANDS("${X:+y}", "y");
	EXPANDS_TO_NOTHING("${E:+y}");
	EXPANDS("${E+y}", "y");
	EXPANDS("${UNSET_NSH_TEST-'a b'}", "a b");
	EXPANDS("${#X}", "4");
	EXPANDS("${#UNSET_NSH_TEST}", "0");
	EXPANDS("$", "$");
	EXPANDS("a$ b$/", "a$ b$/");
	EXPANDS("\"a$\"", "a$");
	EXPANDS("a*b", "a*b");
	EXPANDS_TO_NOTHING("$1");
	EXPANDS("$#", "0");
	EXPANDS("$0", "nsh");
	EXPANDS("$X.$X", "a", "b.a", "b");
	EXPANDS_TO_NOTHING("$Xyz");	/* no such variable */
}

static void expand_special_and_environment(void **state)
{
	sh.last_status = 3;
	EXPANDS("$?", "3");
	EXPANDS("rc=$?", "rc=3");
	sh.last_status = 0;
	sh.pid = 4242;
	EXPANDS("$$", "4242");
	EXPANDS("$$x", "4242x");
	sh.last_bg = 0;
	EXPANDS_TO_NOTHING("$!");
	sh.last_bg = 77;
	EXPANDS("$!", "77");
	/* the environment, after nsh's own variables */
	setenv("NSH_TEST_ENV", "from env", 1);
	EXPANDS("\"$NSH_TEST_ENV\"", "from env");
	assert_int_equal(nsh_var_set(&sh, "NSH_TEST_ENV", "mine", NSH_RUN, 0),
			 0);
	EXPANDS("$NSH_TEST_ENV", "mine");
	/* a variable the environment has is kept there too (as sh) */
	assert_string_equal(getenv("NSH_TEST_ENV"), "mine");
	assert_int_equal(nsh_var_unset(&sh, "NSH_TEST_ENV", NSH_RUN), 0);
	EXPANDS_TO_NOTHING("$NSH_TEST_ENV");
	assert_null(getenv("NSH_TEST_ENV"));
	/* export puts it in the environment */
	assert_int_equal(nsh_var_set(&sh, "NSH_T2", "v", NSH_RUN,
				     NSH_VAR_EXPORT), 0);
	assert_string_equal(getenv("NSH_T2"), "v");
	assert_null(getenv("X"));	/* X was never exported */
}

static void expand_assignment_value_is_one_field(void **state)
{
	struct sh_fields f = { 0 };

	assert_int_equal(nsh_var_set(&sh, "X", "a  b", NSH_RUN, 0), 0);
	assert_int_equal(sh_expand(&sh, NSH_RUN, "$X-$UNSET_NSH_TEST", false,
				   &f), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0], "a  b-");
	sh_fields_free(&f);
	assert_int_equal(sh_expand(&sh, NSH_RUN, "", false, &f), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0], "");
	sh_fields_free(&f);
}

static void expand_in_a_checking_pass(void **state)
{
	struct sh_fields f = { 0 };
	bool unknown;

	nsh_vars_check_begin();
	assert_int_equal(nsh_var_set(&sh, "NS", "ns1", NSH_CHECK, 0), 0);
	/* the run does not see it; the pass does */
	assert_null(nsh_var_get(&sh, "NS", NSH_RUN, NULL));
	assert_string_equal(nsh_var_get(&sh, "NS", NSH_CHECK, &unknown),
			    "ns1");
	assert_false(unknown);
	assert_int_equal(sh_expand(&sh, NSH_CHECK, "$NS", true, &f), 0);
	assert_int_equal(f.n, 1);
	assert_string_equal(f.v[0], "ns1");
	assert_false(f.runtime);
	sh_fields_free(&f);
	/* $? and $! are only known when the line runs */
	assert_int_equal(sh_expand(&sh, NSH_CHECK, "rc=$?", true, &f), 0);
	assert_true(f.runtime);
	sh_fields_free(&f);
	assert_int_equal(sh_expand(&sh, NSH_CHECK, "$!", true, &f), 0);
	assert_true(f.runtime);
	sh_fields_free(&f);
	/* and so is a variable set from them */
	assert_int_equal(nsh_var_set(&sh, "RC", NULL, NSH_CHECK,
				     NSH_VAR_UNKNOWN), 0);
	assert_int_equal(sh_expand(&sh, NSH_CHECK, "${RC:-x}", true, &f), 0);
	assert_true(f.runtime);
	sh_fields_free(&f);
	/* unset in the pass hides the run's value */
	assert_int_equal(nsh_var_set(&sh, "R", "r", NSH_RUN, 0), 0);
	assert_string_equal(nsh_var_get(&sh, "R", NSH_CHECK, NULL), "r");
	assert_int_equal(nsh_var_unset(&sh, "R", NSH_CHECK), 0);
	assert_null(nsh_var_get(&sh, "R", NSH_CHECK, NULL));
	assert_string_equal(nsh_var_get(&sh, "R", NSH_RUN, NULL), "r");
	/* a new pass forgets the last one's values */
	nsh_vars_check_begin();
	assert_null(nsh_var_get(&sh, "NS", NSH_CHECK, NULL));
	assert_string_equal(nsh_var_get(&sh, "R", NSH_CHECK, NULL), "r");
}

/* ------------------------------------------------------------ the prompt */

static void scan_state_for_question_mark(void **state)
{
	static const struct {
		const char *s;
		int want;
	} t[] = {
		{ "ip link ", 0 },
		{ "sh -c 'echo rc=$", '\'' },
		{ "sh -c 'echo ", '\'' },
		{ "echo \"a ", '"' },
		{ "echo \"it's ", '"' },
		{ "echo 'a' \"b\" c", 0 },
		{ "echo \\", '\\' },
		{ "echo \\\\", 0 },
		{ "echo $", '$' },
		{ "echo \"$", '$' },
		{ "echo '$", '\'' },
		{ "echo # why", '#' },
		{ "echo a#b", 0 },
		{ "ls;# c", '#' },
	};

	for (size_t i = 0; i < ARRAY_SIZE(t); i++)
		if (sh_scan_state(t[i].s, strlen(t[i].s)) != t[i].want)
			fail_msg("sh_scan_state(\"%s\") = %d, want %d", t[i].s,
				 sh_scan_state(t[i].s, strlen(t[i].s)),
				 t[i].want);
}

static void complete_words_of_the_last_command(void **state)
{
	static const struct {
		const char *pre;
		int r;
		const char *words;	/* joined by '|' */
	} t[] = {
		{ "ip link add ", 0, "ip|link|add" },
		{ "ip link; ip netns ", 0, "ip|netns" },
		{ "show topology --dot | dot ", 0, "dot" },
		{ "a && ip l", 0, "ip|l" },
		{ "ls > ", 1, "ls" },
		{ "ls >", 1, "ls" },
		{ "ls 2>/dev/nu", 1, "ls" },
		{ "ls 2>/dev/null ", 0, "ls" },
		{ "ip link show 2>/dev/null dev ", 0, "ip|link|show|dev" },
		{ "ip link show > f dev ", 0, "ip|link|show|dev" },
		{ "echo 'a;b' ", 0, "echo|a;b" },
		{ "ip link &>f ", 0, "ip|link" },
		{ "ip l & ip n", 0, "ip|n" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(t); i++) {
		struct nsh_words w;
		char got[256] = "";
		int r = sh_complete_words(t[i].pre, &w);

		assert_true(r >= 0);
		for (int k = 0; k < w.n; k++)
			snprintf(got + strlen(got), sizeof(got) - strlen(got),
				 "%s%s", k ? "|" : "", w.w[k]);
		if (r != t[i].r || strcmp(got, t[i].words))
			fail_msg("sh_complete_words(\"%s\") = %d '%s', want "
				 "%d '%s'", t[i].pre, r, got, t[i].r,
				 t[i].words);
		lex_free(&w);
	}
}

static int teardown(void **state)
{
	nsh_vars_free();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_lines_keep_the_old_path),
		cmocka_unit_test(plain_lines_split_as_lex_split_does),
		cmocka_unit_test(parse_lists_and_or_pipelines),
		cmocka_unit_test(parse_redirections),
		cmocka_unit_test(parse_assignments),
		cmocka_unit_test(parse_errors_have_columns),
		cmocka_unit_test(expand_parameters_and_splitting),
		cmocka_unit_test(expand_special_and_environment),
		cmocka_unit_test(expand_assignment_value_is_one_field),
		cmocka_unit_test(expand_in_a_checking_pass),
		cmocka_unit_test(scan_state_for_question_mark),
		cmocka_unit_test(complete_words_of_the_last_command),
	};

	return cmocka_run_group_tests(tests, NULL, teardown);
}
