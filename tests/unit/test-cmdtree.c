/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-cmdtree.c - the command tree (shell/grammar.c, shell/match.c)
 * against the real declarations: matching, abbreviations, error messages,
 * iproute2's global options, nested argument lists, completion and help.
 *
 * These are nsh's own commands (enter, help, expect, sysctl…): the
 * lines of iproute2's roots (ip, bridge, tc) have their own walk and their
 * own test (test-ipl.c).  Plus a self-check of every row of every family.
 * Nothing here needs root, touches the network or runs a handler.
 */
#include "config.h"

#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "cmds.h"
#include "core.h"
#include "ipl.h"


static struct nsh sh;

static int group_setup(void **state)
{
	memset(&sh, 0, sizeof(sh));
	sh.home.fd = sh.cur.fd = -1;
	sh.file = NULL;
	return cmdtree_init(nsh_families, nsh_shared_types);
}

static int group_teardown(void **state)
{
	cmdtree_fini();
	return 0;
}

/* cmocka cuts long messages (and their newline): quote at most 300 bytes */
static void assert_contains(const char *s, const char *what)
{
	if (!s || !strstr(s, what))
		fail_msg("'%.300s' does not contain '%s'", s ? s : "(null)",
			 what);
}

static void assert_lacks(const char *s, const char *what)
{
	const char *p = strstr(s, what);

	if (p)
		fail_msg("'…%.300s' contains '%s'", p, what);
}

/* ------------------------------------------------------------ capturing */

/* what FD (1 or 2) receives between capture_begin and capture_end */
struct capture {
	int fd;
	int saved;
	FILE *tmp;
};

static void capture_begin(struct capture *c, int fd)
{
	fflush(stdout);
	fflush(stderr);
	c->fd = fd;
	c->tmp = tmpfile();
	assert_non_null(c->tmp);
	c->saved = dup(fd);
	assert_true(c->saved >= 0);
	assert_true(dup2(fileno(c->tmp), fd) >= 0);
}

static void capture_end(struct capture *c, char *buf, size_t len)
{
	size_t n;

	fflush(stdout);
	fflush(stderr);
	dup2(c->saved, c->fd);
	close(c->saved);
	rewind(c->tmp);
	n = fread(buf, 1, len - 1, c->tmp);
	buf[n] = '\0';
	fclose(c->tmp);
}

/* ------------------------------------------------------------ matching */

struct m {
	struct nsh_words w;
	struct nsh_args a;
	int rc;
	char err[2048];		/* what cmdtree_match wrote on stderr */
};

static void m_free(struct m *m)
{
	lex_free(&m->w);
}

/* split LINE and match it; the words stay alive until m_free() */
static int match(struct m *m, const char *line)
{
	struct capture c;
	const char *err;
	int col;

	memset(m, 0, sizeof(*m));
	if (lex_split(line, &m->w, &err, &col) < 0)
		fail_msg("lex_split(\"%s\"): %s", line, err);
	sh.cmdname[0] = '\0';
	capture_begin(&c, 2);
	m->rc = cmdtree_match(&sh, m->w.n, m->w.w, &m->a);
	capture_end(&c, m->err, sizeof(m->err));
	return m->rc;
}

/* LINE must match command CMD, silently */
static void match_ok(struct m *m, const char *line, const struct nsh_cmd *cmd)
{
	if (match(m, line) != 0)
		fail_msg("\"%s\" did not match: %.300s", line, m->err);
	assert_string_equal(m->err, "");
	if (m->a.cmd != cmd)
		fail_msg("\"%s\" matched '%s', not '%s'", line,
			 m->a.cmd ? m->a.cmd->syntax : "(null)", cmd->syntax);
}

/* LINE must be refused with one error line, returned */
static const char *match_err(struct m *m, const char *line)
{
	const char *nl;

	if (match(m, line) == 0)
		fail_msg("\"%s\" matched '%s'", line, m->a.cmd->syntax);
	assert_int_equal(m->rc, 1);
	nl = strchr(m->err, '\n');
	if (!nl || nl[1] || nl == m->err)
		fail_msg("\"%s\": not one error line: '%.300s'", line,
			 m->err);
	return m->err;
}

static void check_ok(const char *line, const struct nsh_cmd *cmd)
{
	struct m m;

	match_ok(&m, line, cmd);
	m_free(&m);
}

static void check_err(const char *line, const char *what)
{
	struct m m;

	assert_contains(match_err(&m, line), what);
	m_free(&m);
}

/* the one row of family F whose syntax starts with PREFIX */
static const struct nsh_cmd *row(const struct nsh_family *f,
				 const char *prefix)
{
	const struct nsh_cmd *found = NULL;

	for (const struct nsh_cmd *c = f->cmds; c->syntax; c++)
		if (strncmp(c->syntax, prefix, strlen(prefix)) == 0) {
			if (found)
				fail_msg("two rows start with '%s'", prefix);
			found = c;
		}
	if (!found)
		fail_msg("no row of family %s starts with '%s'", f->name,
			 prefix);
	return found;
}

#define SHELL_ENTER row(&shell_family, "enter ")
#define SHELL_HELP row(&shell_family, "help")
#define SHELL_LEAVE row(&shell_family, "leave")
#define SHELL_EXIT row(&shell_family, "exit")
#define SHELL_QUIT row(&shell_family, "quit")
#define EXPECT_NETNS row(&expect_family, "expect netns")
#define EXPECT_NO_REACH row(&expect_family, "expect no-reach")
#define EXPECT_ADDR row(&expect_family, "expect addr")
#define SYSCTL row(&sysctl_family, "sysctl")

static void is_root_only_for_first_words(void **state)
{
	assert_true(cmdtree_is_root("ip"));
	assert_true(cmdtree_is_root("enter"));
	assert_true(cmdtree_is_root("leave"));
	assert_true(cmdtree_is_root("exit"));
	assert_true(cmdtree_is_root("quit"));
	assert_true(cmdtree_is_root("help"));
	assert_true(cmdtree_is_root("sysctl"));
	assert_false(cmdtree_is_root("ping"));
	assert_false(cmdtree_is_root("i"));
	assert_false(cmdtree_is_root("IP"));
	assert_false(cmdtree_is_root("netns"));
	assert_false(cmdtree_is_root("ip "));
	assert_false(cmdtree_is_root(""));
}

static void keywords_bind_full_form(void **state)
{
	struct m m;

	match_ok(&m, "expect ne ns1", EXPECT_NETNS);
	/* "NETNS$name": the value binds as "name" */
	assert_string_equal(arg_str(&m.a, "name"), "ns1");
	assert_true(arg_has(&m.a, "expect"));
	assert_false(arg_has(&m.a, "ne"));
	for (int i = 0; i < m.a.nbind; i++) {
		const struct nsh_bind *b = &m.a.bind[i];

		if (b->is_kw && strcmp(b->name, "netns") == 0) {
			assert_string_equal(b->v.text, "ne");
			assert_int_equal(b->tok, 1);
		}
		if (!b->is_kw)
			assert_int_equal(b->tok, 2);
	}
	assert_string_equal(sh.cmdname, "expect netns");
	m_free(&m);
	check_ok("expect no-rea ns1 ns2", EXPECT_NO_REACH);
	check_ok("expect no-reach ns1 10.0.0.1", EXPECT_NO_REACH);
}

static void ambiguous_prefix_is_refused(void **state)
{
	struct m m;

	/* nsh's own words: a unique prefix, never the first match */
	assert_string_equal(match_err(&m, "expect n x"),
			    "expect netns: 'n': ambiguous, could be "
			    "'no-reach' or 'no-route' or more\n");
	m_free(&m);
}

static void unknown_word_lists_expected_words(void **state)
{
	struct m m;

	assert_string_equal(match_err(&m, "expect frob"),
			    "expect: 'frob': unknown word; expected reach, "
			    "no-reach, link, addr, master, route, no-route, "
			    "sysctl, process or netns\n");
	m_free(&m);
	assert_string_equal(match_err(&m, "leave now"),
			    "leave: 'now': unexpected word\n");
	m_free(&m);
}

static void root_word_needs_exact_match(void **state)
{
	struct m m;

	assert_contains(match_err(&m, "ente ns1"), "'ente': unknown word");
	assert_contains(m.err, "enter");
	m_free(&m);
	check_err("hel", "unknown word");
	check_err("Enter ns1", "unknown word");
}

static void missing_argument_is_named(void **state)
{
	struct m m;

	assert_string_equal(match_err(&m, "enter"),
			    "enter: missing NSREF after 'enter'\n");
	m_free(&m);
	check_err("expect addr x", "expect addr: missing IFADDR after 'x'");
	check_err("show path ns1", "missing WORD after 'ns1'");
}

static void bad_value_names_word_and_reason(void **state)
{
	check_err("enter ''", "enter: '': a namespace name cannot be empty");
	check_err("expect addr v1 10.0.0.300/24",
		  "expect addr: '10.0.0.300/24': ");
	check_err("expect netns a/b", "'a/b': ");
	/* an unknown sysctl option is refused when the line is checked */
	check_err("sysctl -k net.ipv4.ip_forward",
		  "sysctl: '-k': invalid option -- 'k'");
	check_err("sysctl --frob", "sysctl: '--frob': unrecognized option");
	check_ok("sysctl -qw net.ipv4.ip_forward=1", SYSCTL);
	check_ok("sysctl net.ipv4.ip_forward -n --values -- -x", SYSCTL);
	check_ok("sysctl", SYSCTL);
}

static void enter_takes_rest_of_line(void **state)
{
	struct m m;

	match_ok(&m, "enter ns1 ip link", SHELL_ENTER);
	assert_string_equal(arg_str(&m.a, "nsref"), "ns1");
	assert_int_equal(m.a.nrest, 2);
	assert_ptr_equal(m.a.rest, &m.w.w[2]);
	assert_string_equal(m.a.rest[0], "ip");
	assert_string_equal(m.a.rest[1], "link");
	assert_string_equal(sh.cmdname, "enter");
	m_free(&m);

	match_ok(&m, "enter ns1", SHELL_ENTER);
	assert_int_equal(m.a.nrest, 0);
	m_free(&m);

	/* the rest is not parsed: options and keywords are plain words */
	match_ok(&m, "enter 1234 ping -c 1 -n add", SHELL_ENTER);
	assert_string_equal(arg_str(&m.a, "nsref"), "1234");
	assert_int_equal(m.a.nrest, 5);
	assert_string_equal(m.a.rest[4], "add");
	assert_false(arg_has(&m.a, "add"));
	m_free(&m);
}

static void help_and_shell_words(void **state)
{
	struct m m;

	match_ok(&m, "help", SHELL_HELP);
	assert_int_equal(m.a.nrest, 0);
	m_free(&m);
	match_ok(&m, "help ip netns", SHELL_HELP);
	assert_int_equal(m.a.nrest, 2);
	assert_string_equal(m.a.rest[1], "netns");
	m_free(&m);

	check_ok("leave", SHELL_LEAVE);
	check_ok("exit", SHELL_EXIT);
	check_ok("quit", SHELL_QUIT);
	check_err("leave now", "'now': unexpected word");
	check_err("quit 1", "unexpected word");
}

static void error_prefix_has_script_line(void **state)
{
	struct m m;

	sh.file = "lab.nsh";
	sh.line = 7;
	match(&m, "enter");
	sh.file = NULL;
	sh.line = 0;
	assert_int_equal(m.rc, 1);
	assert_string_equal(m.err,
			    "lab.nsh:7: enter: missing NSREF after 'enter'\n");
	m_free(&m);
}

static void match_is_repeatable(void **state)
{
	/* no state leaks from a failed match into the next one */
	check_err("expect netns ../x", "'../x'");
	check_ok("expect netns x", EXPECT_NETNS);
	check_err("expect n x", "ambiguous");
	check_ok("enter x", SHELL_ENTER);
}

/* ------------------------------------------------------------ completion */

struct cands {
	int n;
	char word[64][64];
	char help[64][256];
};

static void add_cb(void *ctx, const char *word, const char *help)
{
	struct cands *c = ctx;

	assert_non_null(word);
	assert_non_null(help);
	if (c->n == 64)
		fail_msg("too many candidates");
	snprintf(c->word[c->n], sizeof(c->word[0]), "%s", word);
	snprintf(c->help[c->n], sizeof(c->help[0]), "%s", help);
	c->n++;
}

/* the help of candidate WORD, or NULL if it was not offered */
static const char *cand(const struct cands *c, const char *word)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->word[i], word) == 0)
			return c->help[i];
	return NULL;
}

static void complete(struct cands *c, const char *line, const char *prefix)
{
	struct nsh_words w;
	const char *err;
	int col;

	memset(c, 0, sizeof(*c));
	assert_int_equal(lex_split(line, &w, &err, &col), 0);
	cmdtree_complete(&sh, w.n, w.w, prefix, add_cb, c);
	lex_free(&w);
}

static void complete_keyword_prefix(void **state)
{
	struct cands c;
	char *argv[] = { "expect" };

	memset(&c, 0, sizeof(c));
	cmdtree_complete(&sh, 1, argv, "n", add_cb, &c);
	assert_non_null(cand(&c, "no-reach"));
	assert_non_null(cand(&c, "netns"));
	assert_null(cand(&c, "reach"));
	for (int i = 0; i < c.n; i++)
		if (c.word[i][0] != 'n')
			fail_msg("'%s' offered for prefix 'n'", c.word[i]);
	assert_string_equal(cand(&c, "netns"), EXPECT_NETNS->summary);

	complete(&c, "expect", "");
	assert_non_null(cand(&c, "reach"));
	assert_non_null(cand(&c, "link"));
	assert_non_null(cand(&c, "addr"));
	assert_null(cand(&c, "expect"));
}

static void complete_placeholder_gives_type_and_help(void **state)
{
	struct cands c;

	complete(&c, "expect netns", NULL);
	assert_string_equal(cand(&c, "NETNS"), type_find("NETNS")->help);
	for (int i = 0; i < c.n; i++)
		assert_string_equal(c.word[i], "NETNS");

	complete(&c, "enter", NULL);
	assert_string_equal(cand(&c, "NSREF"), type_find("NSREF")->help);
	complete(&c, "enter ns1", NULL);
	assert_non_null(cand(&c, "ARGS"));
	complete(&c, "expect addr v1", NULL);
	assert_non_null(cand(&c, "IFADDR"));
}

static void complete_root_words(void **state)
{
	struct cands c;

	complete(&c, "", "e");
	assert_non_null(cand(&c, "enter"));
	assert_non_null(cand(&c, "exit"));
	assert_null(cand(&c, "ip"));
	assert_null(cand(&c, "help"));

	complete(&c, "", "i");
	assert_non_null(cand(&c, "ip"));
	complete(&c, "", "h");
	assert_string_equal(cand(&c, "help"), SHELL_HELP->summary);
}

/* the first word of SYNTAX */
static const char *root_of(const char *syntax, char *buf, size_t len)
{
	snprintf(buf, len, "%.*s", (int)strcspn(syntax, " "), syntax);
	return buf;
}

/* some row that is not hidden starts with ROOT */
static bool root_is_visible(const char *root)
{
	char buf[64];

	for (int f = 0; nsh_families[f]; f++)
		for (const struct nsh_cmd *r = nsh_families[f]->cmds; r->syntax;
		     r++)
			if (!(r->flags & NSH_CMD_HIDDEN) &&
			    strcmp(root_of(r->syntax, buf, sizeof(buf)),
				   root) == 0)
				return true;
	return false;
}

static void complete_skips_hidden_rows(void **state)
{
	struct cands c;
	char root[64];
	int checked = 0;

	for (int f = 0; nsh_families[f]; f++)
		for (const struct nsh_cmd *r = nsh_families[f]->cmds; r->syntax;
		     r++) {
			if (!(r->flags & NSH_CMD_HIDDEN) ||
			    root_is_visible(root_of(r->syntax, root,
						    sizeof(root))))
				continue;
			complete(&c, "", root);
			assert_null(cand(&c, root));
			checked++;
		}
	if (!checked)
		print_message("no hidden command with a root of its own\n");
}

static void complete_at_end(void **state)
{
	struct cands c;

	complete(&c, "show", "t");
	assert_non_null(cand(&c, "topology"));
	/* a complete command offers nothing more */
	complete(&c, "expect netns x", NULL);
	assert_int_equal(c.n, 0);
	complete(&c, "quit", NULL);
	assert_int_equal(c.n, 0);
	/* nor does a line that cannot match */
	complete(&c, "expect frob", NULL);
	assert_int_equal(c.n, 0);
	complete(&c, "ping", NULL);
	assert_int_equal(c.n, 0);
}

/* ------------------------------------------------------------ help */

static int help(char **argv, int argc, char *out, size_t outlen, char *err,
		size_t errlen)
{
	struct capture co, ce;
	int rc;

	sh.cmdname[0] = '\0';
	capture_begin(&ce, 2);
	capture_begin(&co, 1);
	rc = cmdtree_help(&sh, argc, argv);
	capture_end(&co, out, outlen);
	capture_end(&ce, err, errlen);
	return rc;
}

static void help_without_topic_lists_everything(void **state)
{
	static char out[65536];
	char err[256];

	assert_int_equal(help(NULL, 0, out, sizeof(out), err, sizeof(err)), 0);
	assert_string_equal(err, "");
	for (int f = 0; nsh_families[f]; f++) {
		assert_contains(out, nsh_families[f]->name);
		assert_contains(out, nsh_families[f]->summary);
	}
	assert_contains(out, "ip netns add NSNAME");
	assert_contains(out, "enter NSREF [ ARGS... ]");
	assert_contains(out, EXPECT_NETNS->summary);
	/* hidden rows stay hidden; "/abbrev" marks are not shown */
	assert_lacks(out, "complete ARGS");
	assert_lacks(out, "list/show");
}

static void help_topic_lists_its_rows(void **state)
{
	static char out[65536];
	char err[256];
	char *argv[] = { "expect", "netns" };

	assert_int_equal(help(argv, 1, out, sizeof(out), err, sizeof(err)), 0);
	assert_string_equal(err, "");
	assert_contains(out, "expect netns NETNS");
	assert_contains(out, "expect addr LINKREF IFADDR");
	assert_lacks(out, "enter NSREF");
	/* the legend explains the placeholders */
	assert_contains(out, type_find("NETNS")->help);
	assert_contains(out, type_find("IFADDR")->help);

	assert_int_equal(help(argv, 2, out, sizeof(out), err, sizeof(err)), 0);
	assert_contains(out, "expect netns NETNS");
	assert_lacks(out, "expect addr");
}

static void help_unknown_topic_fails(void **state)
{
	static char out[65536];
	char err[256];
	char *argv[] = { "bogus" };

	assert_int_equal(help(argv, 1, out, sizeof(out), err, sizeof(err)), 1);
	assert_string_equal(err, "help: 'bogus': no such command\n");
}

static void help_family_name_lists_family(void **state)
{
	static char out[65536];
	char err[256];
	char *argv[] = { "shell" };

	/* TOPIC is "a command or family name" */
	assert_int_equal(help(argv, 1, out, sizeof(out), err, sizeof(err)), 0);
	assert_contains(out, "enter NSREF [ ARGS... ]");
	assert_contains(out, "leave");
}

static void help_command_with_optional_keyword(void **state)
{
	static char out[65536];
	char err[256];
	char *argv[] = { "record", "stop" };

	assert_int_equal(help(argv, 2, out, sizeof(out), err, sizeof(err)), 0);
	assert_contains(out, row(&config_family, "record")->summary);
}

/* ------------------------------------------------------------ the table */

static void table_rows_are_well_formed(void **state)
{
	int rows = 0;

	for (int f = 0; nsh_families[f]; f++) {
		const struct nsh_family *fam = nsh_families[f];

		assert_non_null(fam->name);
		assert_true(fam->name[0] != '\0');
		assert_non_null(fam->summary);
		assert_true(fam->summary[0] != '\0');
		for (int g = 0; g < f; g++)
			if (strcmp(nsh_families[g]->name, fam->name) == 0)
				fail_msg("two families called %s", fam->name);
		for (const struct nsh_cmd *c = fam->cmds; c->syntax; c++) {
			char root[64];
			size_t n;

			rows++;
			/* cmdtree_init compiled it: its first word is a root */
			if (!cmdtree_is_root(root_of(c->syntax, root,
						     sizeof(root))))
				fail_msg("'%s': root '%s' unknown", c->syntax,
					 root);
			/* an iproute2 row without a handler is one the
			 * real program runs (test-ipl checks those) */
			if (!c->fn && !ipl_is_root(root))
				fail_msg("'%s': no handler", c->syntax);
			if (c->flags & NSH_CMD_HIDDEN)
				continue;
			if (!c->summary || !c->summary[0])
				fail_msg("'%s': no summary", c->syntax);
			n = strlen(c->summary);
			/* one line, lower-case, no full stop */
			if (strchr(c->summary, '\n') ||
			    c->summary[n - 1] == '.' ||
			    (c->summary[0] >= 'A' && c->summary[0] <= 'Z'))
				fail_msg("'%s': summary '%s' is not one "
					 "lower-case line without a full stop",
					 c->syntax, c->summary);
		}
	}
	assert_true(rows > 0);
}

static void table_examples_match_their_row(void **state)
{
	for (int f = 0; nsh_families[f]; f++)
		for (const struct nsh_cmd *c = nsh_families[f]->cmds; c->syntax;
		     c++) {
			struct m m;
			char root[64];

			/* iproute2's rows: test-ipl */
			if (!c->example ||
			    ipl_is_root(root_of(c->syntax, root, sizeof(root))))
				continue;
			if (match(&m, c->example) != 0)
				fail_msg("example '%s' of '%s' does not "
					 "match: %.300s", c->example,
					 c->syntax, m.err);
			if (m.a.cmd != c)
				fail_msg("example '%s' of '%s' matches '%s'",
					 c->example, c->syntax,
					 m.a.cmd->syntax);
			m_free(&m);
		}
}

/* ------------------------------------------------------------ regressions */

/* LINE must be matched (or refused) by a child within 2 s; its status */
static int match_in_child(const char *line)
{
	pid_t pid = fork();
	int st;

	assert_true(pid >= 0);
	if (pid == 0) {
		struct nsh_words w;
		struct nsh_args a;
		const char *err;
		int col;

		if (!freopen("/dev/null", "w", stderr) ||
		    lex_split(line, &w, &err, &col) < 0)
			_exit(99);
		_exit(cmdtree_match(&sh, w.n, w.w, &a));
	}
	for (int ms = 0; ms < 2000; ms += 10) {
		if (waitpid(pid, &st, WNOHANG) == pid) {
			assert_true(WIFEXITED(st));
			return WEXITSTATUS(st);
		}
		usleep(10000);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	fail_msg("matching \"%.40s…\" took more than 2 s", line);
	return -1;
}

static void repeated_options_match_quickly(void **state)
{
	char line[512];
	size_t used = 0;

	/* a repeated group ({ SYSCTLARG } ...) is walked once per word */
	used += (size_t)snprintf(line, sizeof(line), "sysctl");
	for (int i = 0; i < 32; i++)
		used += (size_t)snprintf(line + used, sizeof(line) - used,
					 " -n");
	snprintf(line + used, sizeof(line) - used, " net.ipv4.ip_forward");
	assert_int_equal(match_in_child(line), 0);
}

static void many_options_match_or_say_why(void **state)
{
	char line[1024];
	size_t used = 0;
	struct m m;

	/* 200 words: more than NSH_MAX_BIND */
	used += (size_t)snprintf(line, sizeof(line), "sysctl");
	for (int i = 0; i < 200 && used + 3 < sizeof(line); i++)
		used += (size_t)snprintf(line + used, sizeof(line) - used,
					 " -n");
	if (match(&m, line) != 0)
		assert_lacks(m.err, "unknown word");
	m_free(&m);
}

static void match_without_words_fails_cleanly(void **state)
{
	char **argv = calloc(1, sizeof(*argv));
	struct nsh_args a;
	int rc;

	/* stderr is not captured: ASan's report must stay visible */
	assert_non_null(argv);
	rc = cmdtree_match(&sh, 0, argv, &a);
	free(argv);
	assert_int_equal(rc, 1);
}

int main(void)
{
	/* help draws in UTF-8 (term_utf8): the summaries hold "…" */
	(void)setlocale(LC_CTYPE, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(is_root_only_for_first_words),
		cmocka_unit_test(keywords_bind_full_form),
		cmocka_unit_test(ambiguous_prefix_is_refused),
		cmocka_unit_test(unknown_word_lists_expected_words),
		cmocka_unit_test(root_word_needs_exact_match),
		cmocka_unit_test(missing_argument_is_named),
		cmocka_unit_test(bad_value_names_word_and_reason),
		cmocka_unit_test(enter_takes_rest_of_line),
		cmocka_unit_test(help_and_shell_words),
		cmocka_unit_test(error_prefix_has_script_line),
		cmocka_unit_test(match_is_repeatable),
		cmocka_unit_test(complete_keyword_prefix),
		cmocka_unit_test(complete_placeholder_gives_type_and_help),
		cmocka_unit_test(complete_root_words),
		cmocka_unit_test(complete_skips_hidden_rows),
		cmocka_unit_test(complete_at_end),
		cmocka_unit_test(help_without_topic_lists_everything),
		cmocka_unit_test(help_topic_lists_its_rows),
		cmocka_unit_test(help_unknown_topic_fails),
		cmocka_unit_test(table_rows_are_well_formed),
		cmocka_unit_test(table_examples_match_their_row),
		cmocka_unit_test(repeated_options_match_quickly),
		cmocka_unit_test(many_options_match_or_say_why),
		cmocka_unit_test(match_without_words_fails_cleanly),
		cmocka_unit_test(help_family_name_lists_family),
		cmocka_unit_test(help_command_with_optional_keyword),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
