/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-matcher.c - the grammar compiler (shell/grammar.c) and the matcher
 * (shell/match.c) on declarations of its own: bindings, abbreviations,
 * optional, choice and any-order groups, the rest of the line, a
 * family's own type, ties and the error messages.
 *
 * It links only the compiler, the matcher and the pure helpers they use
 * (value types, iproute2's argument language, the lexer, error lines):
 * no libnl, no readline, no model (Makefile.am says which files).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core.h"

#if defined(NETLINK_NETLINK_H_) || defined(_READLINE_H_)
#error "the matcher's headers must not need libnl or readline"
#endif

static int run(struct nsh *sh, const struct nsh_args *a)
{
	(void)sh;
	(void)a;
	return 0;
}

/* a type of the family's own: one of three colours */
static int t_colour(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	(void)errbuf;
	(void)errlen;
	if (strcmp(w, "red") && strcmp(w, "green") && strcmp(w, "blue")) {
		*ret_err = "not a colour (red, green or blue)";
		return -1;
	}
	v->num = w[0];
	return 0;
}

static const struct nsh_type lab_types[] = {
	{ "COLOUR", "a colour", t_colour },
	{ NULL },
};

enum { R_ADD, R_REMOVE, R_SET, R_SHOW, R_STATUS, R_ROUTE, R_EXEC, R_LINK,
       R_LISTW, R_LISTN, R_PAINT };

static const struct nsh_cmd lab_cmds[] = {
	[R_ADD] = { "lab add NUM$count [ name WORD$name ]", "add things",
		    run },
	[R_REMOVE] = { "lab remove/rm WORD$what", "remove a thing", run },
	[R_SET] = { "lab set WORD$dev { mtu NUM16$mtu | up | down }...",
		    "set a link", run },
	[R_SHOW] = { "lab show", "show the lab", run },
	[R_STATUS] = { "lab status", "the lab's status", run },
	[R_ROUTE] = { "lab route ( add | del ) ROUTE$to [ via ADDR$via ]",
		      "add or delete a route", run },
	[R_EXEC] = { "lab exec WORD$ns ARGS...", "run a program", run },
	[R_LINK] = { "lab link [ dev ] WORD$dev", "one link", run },
	[R_LISTW] = { "lab list WORD$w", "list by name", run },
	[R_LISTN] = { "lab list NUM$n", "list by number", run },
	[R_PAINT] = { "paint COLOUR", "paint", run },
	{ NULL },
};

static const struct nsh_family lab_family = {
	"lab", "a lab of tests", lab_cmds, lab_types,
};

static const struct nsh_family *const families[] = { &lab_family, NULL };

static struct nsh sh;

static int group_setup(void **state)
{
	(void)state;
	memset(&sh, 0, sizeof(sh));
	types_init(families, NULL, NULL);
	grammar_compile(families);
	return 0;
}

static int group_teardown(void **state)
{
	(void)state;
	grammar_free();
	return 0;
}

/* ------------------------------------------------------------ matching */

struct m {
	struct nsh_words w;
	struct nsh_args a;
	int rc;
	char err[1024];		/* what cmdtree_match wrote on stderr */
};

/* split LINE and match it, catching stderr; m_free() frees the words */
static int match(struct m *m, const char *line)
{
	FILE *tmp = tmpfile();
	const char *lerr;
	int col, saved;
	size_t n;

	memset(m, 0, sizeof(*m));
	assert_non_null(tmp);
	if (lex_split(line, &m->w, &lerr, &col) < 0)
		fail_msg("lex_split(\"%s\"): %s", line, lerr);
	fflush(stderr);
	saved = dup(2);
	assert_true(saved >= 0 && dup2(fileno(tmp), 2) >= 0);
	m->rc = cmdtree_match(&sh, m->w.n, m->w.w, &m->a);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	rewind(tmp);
	n = fread(m->err, 1, sizeof(m->err) - 1, tmp);
	m->err[n] = '\0';
	fclose(tmp);
	return m->rc;
}

static void m_free(struct m *m)
{
	lex_free(&m->w);
}

/* LINE matches row R silently */
static void match_ok(struct m *m, const char *line, int r)
{
	if (match(m, line))
		fail_msg("\"%s\" did not match: %s", line, m->err);
	assert_string_equal(m->err, "");
	if (m->a.cmd != &lab_cmds[r])
		fail_msg("\"%s\" matched '%s', not '%s'", line,
			 m->a.cmd ? m->a.cmd->syntax : "(null)",
			 lab_cmds[r].syntax);
}

/* LINE is refused with exactly the error line ERR */
static void match_err(const char *line, const char *err)
{
	struct m m;

	if (!match(&m, line))
		fail_msg("\"%s\" matched '%s'", line, m.a.cmd->syntax);
	assert_int_equal(m.rc, 1);
	assert_string_equal(m.err, err);
	m_free(&m);
}

/* the first binding NAME of M (a keyword's full form or a placeholder's
 * name) */
static const struct nsh_bind *bound(const struct m *m, const char *name)
{
	for (int i = 0; i < m->a.nbind; i++)
		if (strcmp(m->a.bind[i].name, name) == 0)
			return &m->a.bind[i];
	return NULL;
}

/* the value of placeholder NAME (not the keyword of that name) */
static const struct nsh_val *value(const struct m *m, const char *name)
{
	for (int i = 0; i < m->a.nbind; i++)
		if (!m->a.bind[i].is_kw && strcmp(m->a.bind[i].name, name) == 0)
			return &m->a.bind[i].v;
	return NULL;
}

static void compiles_every_row(void **state)
{
	const struct nsh_family *fam;
	const char *name;

	(void)state;
	assert_int_equal(cmdtree_nrows(), R_PAINT + 1);
	assert_ptr_equal(cmdtree_row(R_ROUTE, &fam, &name), &lab_cmds[R_ROUTE]);
	assert_ptr_equal(fam, &lab_family);
	assert_string_equal(name, "lab route");
	cmdtree_row(R_REMOVE, NULL, &name);
	assert_string_equal(name, "lab remove");
	assert_null(cmdtree_row(R_PAINT + 1, NULL, NULL));
	assert_true(cmdtree_is_root("lab"));
	assert_true(cmdtree_is_root("paint"));
	assert_false(cmdtree_is_root("la"));
	assert_true(cmdtree_is_root("ip"));	/* iproute2's, by ipl.c */
}

static void binds_keywords_and_values(void **state)
{
	struct m m;
	const struct nsh_bind *b;

	(void)state;
	match_ok(&m, "lab add 0x10 name x1", R_ADD);
	assert_int_equal(m.a.nbind, 5);
	assert_true(m.a.bind[0].is_kw);
	assert_string_equal(m.a.bind[1].name, "add");
	assert_int_equal(m.a.bind[1].tok, 1);
	b = bound(&m, "count");
	assert_non_null(b);
	assert_false(b->is_kw);
	assert_int_equal(b->v.num, 16);
	assert_string_equal(b->v.text, "0x10");
	assert_string_equal(bound(&m, "name")->v.text, "name");
	assert_int_equal(m.a.bind[4].tok, 4);
	assert_string_equal(m.a.bind[4].v.text, "x1");
	assert_string_equal(sh.cmdname, "lab add");
	m_free(&m);

	match_ok(&m, "lab add 7", R_ADD);	/* the optional part left out */
	assert_int_equal(m.a.nbind, 3);
	assert_null(bound(&m, "name"));
	m_free(&m);
}

static void abbreviations(void **state)
{
	struct m m;

	(void)state;
	match_ok(&m, "lab a 1", R_ADD);
	assert_string_equal(bound(&m, "add")->v.text, "a");
	m_free(&m);
	match_ok(&m, "lab sh", R_SHOW);
	m_free(&m);
	match_ok(&m, "lab stat", R_STATUS);
	m_free(&m);
	match_ok(&m, "lab rm x", R_REMOVE);	/* a hidden abbreviation */
	m_free(&m);
	match_ok(&m, "lab rem x", R_REMOVE);
	m_free(&m);
	match_err("lab s", "lab show: 's': ambiguous, could be 'set' or 'show' or "
			   "more\n");
	match_err("lab r x", "lab remove: 'r': ambiguous, could be 'remove' or "
			     "'route'\n");
	/* the first word is never abbreviated */
	match_err("la add 1", "la: 'la': unknown word; expected lab or paint\n");
}

static void choice_and_optional_groups(void **state)
{
	struct m m;

	(void)state;
	match_ok(&m, "lab route del 10.0.0.0/8 via 10.0.0.1", R_ROUTE);
	assert_non_null(bound(&m, "del"));
	assert_null(bound(&m, "add"));
	assert_int_equal(bound(&m, "to")->v.pfx.len, 8);
	assert_int_equal(value(&m, "via")->pfx.family, 2 /* AF_INET */);
	assert_string_equal(value(&m, "via")->text, "10.0.0.1");
	m_free(&m);
	match_ok(&m, "lab route add default", R_ROUTE);
	m_free(&m);
	match_err("lab route frob 10.0.0.0/8",
		  "lab route: 'frob': unknown word; expected add or del\n");
	match_err("lab route add 10.0.0.1/8",
		  "lab route: '10.0.0.1/8': host bits set in a route prefix; "
		  "did you mean 10.0.0.0/8?\n");
	/* "[ dev ] WORD": a word that is exactly the optional keyword is
	 * that keyword, as iproute2 reads "set dev up" */
	match_ok(&m, "lab link eth0", R_LINK);
	assert_string_equal(bound(&m, "dev")->v.text, "eth0");
	m_free(&m);
	match_ok(&m, "lab link dev dev", R_LINK);
	m_free(&m);
	match_err("lab link dev", "lab link: missing WORD after 'dev'\n");
}

static void any_order_group(void **state)
{
	struct m m;

	(void)state;
	match_ok(&m, "lab set eth0 up mtu 1400", R_SET);
	assert_int_equal(value(&m, "mtu")->num, 1400);
	assert_non_null(bound(&m, "up"));
	m_free(&m);
	match_ok(&m, "lab set eth0 mtu 1400 down up mtu 9000", R_SET);
	assert_int_equal(m.a.nbind, 9);
	m_free(&m);
	match_err("lab set eth0",
		  "lab set: missing mtu, up or down after 'eth0'\n");
	match_err("lab set eth0 mtu 70000",
		  "lab set: '70000': number too large\n");
}

static void rest_of_the_line(void **state)
{
	struct m m;

	(void)state;
	match_ok(&m, "lab exec ns1 ping -c 1 10.0.0.2", R_EXEC);
	assert_int_equal(m.a.nrest, 4);
	assert_string_equal(m.a.rest[0], "ping");
	assert_string_equal(m.a.rest[3], "10.0.0.2");
	assert_string_equal(bound(&m, "ns")->v.text, "ns1");
	m_free(&m);
	match_err("lab exec ns1", "lab exec: missing ARGS after 'ns1'\n");
}

static void family_type_and_ties(void **state)
{
	struct m m;

	(void)state;
	match_ok(&m, "paint green", R_PAINT);
	assert_int_equal(bound(&m, "colour")->v.num, 'g');
	m_free(&m);
	match_err("paint pink",
		  "paint: 'pink': not a colour (red, green or blue)\n");
	/* a word both rows take as well: declared ambiguously */
	match_err("lab list 5", "lab list: ambiguous: matches 'lab list WORD$w' "
				"and 'lab list NUM$n'\n");
	match_ok(&m, "lab list x", R_LISTW);
	m_free(&m);
}

static void other_errors(void **state)
{
	(void)state;
	match_err("lab add", "lab add: missing NUM after 'add'\n");
	match_err("lab add x", "lab add: 'x': not a number\n");
	match_err("lab add 1 frob",
		  "lab add: 'frob': unknown word; expected name\n");
	match_err("lab show extra", "lab show: 'extra': unexpected word\n");
	match_err("frob", "frob: 'frob': unknown word; expected lab or paint\n");
}

/* ------------------------------------------------------------ completion */

struct cands {
	char words[32][32];
	int n;
};

static void cand_add(void *ctx, const char *word, const char *help)
{
	struct cands *c = ctx;

	(void)help;
	if (c->n < 32)
		snprintf(c->words[c->n++], sizeof(c->words[0]), "%s", word);
}

static bool has_cand(const struct cands *c, const char *word)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->words[i], word) == 0)
			return true;
	return false;
}

static void completes_keywords_and_types(void **state)
{
	char *lab[] = { "lab" }, *add[] = { "lab", "add" },
	     *set[] = { "lab", "set", "eth0", "up" };
	struct cands c = { .n = 0 };

	(void)state;
	cmdtree_complete(&sh, 1, lab, "s", cand_add, &c);
	assert_true(has_cand(&c, "set"));
	assert_true(has_cand(&c, "show"));
	assert_true(has_cand(&c, "status"));
	assert_false(has_cand(&c, "add"));
	memset(&c, 0, sizeof(c));
	cmdtree_complete(&sh, 2, add, NULL, cand_add, &c);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.words[0], "NUM");
	memset(&c, 0, sizeof(c));
	cmdtree_complete(&sh, 4, set, "", cand_add, &c);
	assert_true(has_cand(&c, "mtu"));
	assert_true(has_cand(&c, "down"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(compiles_every_row),
		cmocka_unit_test(binds_keywords_and_values),
		cmocka_unit_test(abbreviations),
		cmocka_unit_test(choice_and_optional_groups),
		cmocka_unit_test(any_order_group),
		cmocka_unit_test(rest_of_the_line),
		cmocka_unit_test(family_type_and_ties),
		cmocka_unit_test(other_errors),
		cmocka_unit_test(completes_keywords_and_types),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
