/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-ipl.c - iproute2's argument language (shell/ipl*.c): the global
 * options, objects and verbs in iproute2's first-match order (`ip n` is
 * neigh, `ip a` address, `ip -b` -batch, `ip netns a` add), the walk over
 * a table (exact and abbreviated keywords, values and their types, any
 * order, the main argument no keyword claims, words given twice, the
 * rest of the line in a sub-table), required words, one-line error texts,
 * completion candidates and help.
 *
 * The tables of the walk are this file's own (so other families may
 * change); the lines use the netns, batch and sysctl rows, and only the
 * object words of the others.  Nothing here needs root, touches the
 * network or runs a handler.
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
#include <sys/socket.h>
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

static void assert_starts(const char *s, const char *what)
{
	if (!s || strncmp(s, what, strlen(what)) != 0)
		fail_msg("'%.300s' does not start with '%s'", s ? s : "(null)",
			 what);
}

/* ------------------------------------------------------------ capturing */

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

/* ------------------------------------------------------------ lines */

struct m {
	struct nsh_words w;
	struct nsh_args a;
	int rc;
	char err[2048];
};

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

/* LINE must match, silently; its command name (sh.cmdname) */
static const char *match_ok(struct m *m, const char *line)
{
	if (match(m, line) != 0)
		fail_msg("\"%s\" did not match: %.300s", line, m->err);
	assert_string_equal(m->err, "");
	assert_non_null(m->a.cmd);
	return sh.cmdname;
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
		fail_msg("\"%s\": not one error line: '%.300s'", line, m->err);
	return m->err;
}

/* LINE matches the row whose command name starts with NAME */
static void check_row(const char *line, const char *name)
{
	struct m m;

	assert_starts(match_ok(&m, line), name);
	lex_free(&m.w);
}

static void check_err(const char *line, const char *want)
{
	struct m m;

	assert_string_equal(match_err(&m, line), want);
	lex_free(&m.w);
}

static void check_err_has(const char *line, const char *want)
{
	struct m m;

	assert_contains(match_err(&m, line), want);
	lex_free(&m.w);
}

/* the row of family F whose syntax is SYNTAX */
static const struct nsh_cmd *row(const struct nsh_family *f,
				 const char *syntax)
{
	for (const struct nsh_cmd *c = f->cmds; c->syntax; c++)
		if (streq(c->syntax, syntax))
			return c;
	fail_msg("no row '%s' in family %s", syntax, f->name);
	return NULL;
}

#define NETNS_LIST row(&netns_family, "ip netns list/show/lst")
#define NETNS_NOVERB row(&netns_family, "ip netns")
#define NETNS_ADD row(&netns_family, "ip netns add")
#define NETNS_SET row(&netns_family, "ip netns set")
#define NETNS_DEL row(&netns_family, "ip netns delete")
#define NETNS_EXEC row(&netns_family, "ip netns exec")
#define NETNS_ATTACH row(&netns_family, "ip netns attach")
#define NETNS_IDENTIFY row(&netns_family, "ip netns identify")
#define NETNS_PIDS row(&netns_family, "ip netns pids")
#define NETNS_LIST_ID row(&netns_family, "ip netns list-id")
#define NETNS_MONITOR row(&netns_family, "ip netns monitor")
#define IP_BATCH row(&batch_family, "ip -batch")

static void check_cmd(const char *line, const struct nsh_cmd *cmd)
{
	struct m m;

	match_ok(&m, line);
	if (m.a.cmd != cmd)
		fail_msg("\"%s\" matched '%s', not '%s'", line,
			 m.a.cmd->syntax, cmd->syntax);
	lex_free(&m.w);
}

/* ------------------------------------------------------------ objects */

static void objects_first_match(void **state)
{
	/* ip.c's table order: the first object a prefix names wins */
	check_row("ip n", "ip neigh");
	check_row("ip a", "ip address");
	check_row("ip addr", "ip address");
	check_row("ip r", "ip route");
	check_row("ip ro", "ip route");
	check_row("ip l", "ip link");
	check_row("ip li", "ip link");
	check_row("ip net", "ip netns");
	check_row("ip netns", "ip netns");
	check_row("ip neighbour", "ip neigh");
	check_row("ip netc", "ip netconf");
	check_row("ip m", "ip maddress");
	check_row("ip mo", "ip monitor");
	/* objects nsh leaves to the real program match a row without fn */
	{
		struct m m;

		/* (the notice names the object and the word after it) */
		assert_string_equal(match_ok(&m, "ip xfrm state list"),
				    "ip xfrm state");
		assert_null(m.a.cmd->fn);
		lex_free(&m.w);
		assert_string_equal(match_ok(&m, "ip tunt"), "ip tuntap");
		assert_null(m.a.cmd->fn);
		lex_free(&m.w);
	}
	check_err("ip frob", "ip: 'frob': unknown object\n");
	check_err_has("ip", "ip: missing an object (");
	check_err_has("ip", "netns");
	/* a root is matched exactly */
	assert_true(ipl_is_root("ip"));
	assert_true(ipl_is_root("bridge"));
	assert_true(ipl_is_root("tc"));
	assert_false(ipl_is_root("i"));
	assert_false(ipl_is_root("IP"));
	assert_true(ipl_is_object("ip", "n"));
	assert_true(ipl_is_object("ip", "netns"));
	assert_false(ipl_is_object("ip", "-n"));
	assert_false(ipl_is_object("ip", "frob"));
	assert_true(ipl_is_object("tc", "qd"));
	assert_false(ipl_is_object("nosuchroot", "link"));
}

static void verbs_first_match(void **state)
{
	/* do_netns's order: list, list-id, help, add, set, delete, identify,
	 * pids, exec, monitor, attach */
	static const struct {
		const char *line;
		const char *syntax;
	} v[] = {
		{ "ip netns l", "ip netns list/show/lst" },
		{ "ip netns list", "ip netns list/show/lst" },
		{ "ip netns s", "ip netns list/show/lst" },
		{ "ip netns sh", "ip netns list/show/lst" },
		{ "ip netns ls", "ip netns list/show/lst" },
		{ "ip netns lst", "ip netns list/show/lst" },
		{ "ip netns list-", "ip netns list-id" },
		{ "ip netns list-id", "ip netns list-id" },
		{ "ip netns a x", "ip netns add" },
		{ "ip netns ad x", "ip netns add" },
		{ "ip netns at x 1", "ip netns attach" },
		{ "ip netns se x 1", "ip netns set" },
		{ "ip netns d x", "ip netns delete" },
		{ "ip netns del x", "ip netns delete" },
		{ "ip netns i", "ip netns identify" },
		{ "ip netns p x", "ip netns pids" },
		{ "ip netns e x true", "ip netns exec" },
		{ "ip netns m", "ip netns monitor" },
		{ "ip netns", "ip netns" },
		{ "ip net", "ip netns" },
	};

	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		check_cmd(v[i].line, row(&netns_family, v[i].syntax));
	check_err_has("ip netns frob", "ip netns: 'frob': unknown word; "
		      "expected list, list-id, add, set, delete, identify, "
		      "pids, exec, monitor or attach\n");
	/* "h" is help (the usage), not a row */
	{
		struct m m;

		match_ok(&m, "ip netns h");
		assert_string_equal(m.a.cmd->syntax, "(help)");
		lex_free(&m.w);
	}
}

/* ------------------------------------------------------------ globals */

/* the value bound to the global option KW, or NULL */
static const char *global_val(const struct nsh_args *a, const char *kw)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].is_kw && a->bind[i].opt &&
		    streq(a->bind[i].opt->kw, kw)) {
			const struct nsh_val *v = ipl_arg(a, i, 0);

			return v ? v->text : "";
		}
	return NULL;
}

static void global_options_first_match(void **state)
{
	struct m m;

	/* -b is -batch (before -brief in ip.c) */
	match_ok(&m, "ip -b lab.ip");
	assert_ptr_equal(m.a.cmd, IP_BATCH);
	assert_string_equal(global_val(&m.a, "-batch"), "lab.ip");
	assert_null(global_val(&m.a, "-brief"));
	lex_free(&m.w);
	check_err("ip -b", "ip: missing FILE after '-b'\n");
	/* the rest of the line is ignored, as iproute2 does; later options
	 * still count */
	match_ok(&m, "ip -batch f link show");
	assert_ptr_equal(m.a.cmd, IP_BATCH);
	lex_free(&m.w);
	match_ok(&m, "ip -batch f -force");
	assert_non_null(global_val(&m.a, "-force"));
	lex_free(&m.w);
	match_ok(&m, "ip -br netns");
	assert_non_null(global_val(&m.a, "-brief"));
	lex_free(&m.w);
	/* -n, -net, -netns are -netns (-Numeric is upper-case) */
	for (const char *const *l = (const char *const[]){
		     "ip -n ns1 netns", "ip -net ns1 netns",
		     "ip -netns ns1 netns", "ip --netns ns1 netns", NULL };
	     *l; l++) {
		match_ok(&m, *l);
		assert_string_equal(global_val(&m.a, "-netns"), "ns1");
		lex_free(&m.w);
	}
	match_ok(&m, "ip -N netns");
	assert_non_null(global_val(&m.a, "-Numeric"));
	lex_free(&m.w);
	/* --json is -json; -j, -js too; -p is -pretty */
	for (const char *const *l = (const char *const[]){
		     "ip --json netns", "ip -j netns", "ip -js netns",
		     "ip -json netns", NULL };
	     *l; l++) {
		match_ok(&m, *l);
		assert_non_null(global_val(&m.a, "-json"));
		lex_free(&m.w);
	}
	/* -s is -stats, -d -details, -a -all, -c -color */
	match_ok(&m, "ip -s -d -a -c netns");
	assert_non_null(global_val(&m.a, "-stats"));
	assert_non_null(global_val(&m.a, "-details"));
	assert_non_null(global_val(&m.a, "-all"));
	assert_non_null(global_val(&m.a, "-color"));
	lex_free(&m.w);
	check_err("ip -x netns", "ip: '-x': unknown option of 'ip'\n");
	check_err("ip -n", "ip: missing NSREF after '-n'\n");
	/* options go before the object */
	check_err_has("ip netns -j list", "'-j'");
	/* "--" ends them */
	check_row("ip -- netns", "ip netns");
}

static void globals_apply(void **state)
{
	struct nsh_opts saved = sh.o;
	struct m m;

	match_ok(&m, "ip -4 netns");
	(void)ipl_apply_globals(&sh, &m.a);
	assert_int_equal(sh.o.family, AF_INET);
	lex_free(&m.w);
	sh.o = saved;
	match_ok(&m, "ip -f inet6 netns");
	assert_null(ipl_apply_globals(&sh, &m.a));
	assert_int_equal(sh.o.family, AF_INET6);
	lex_free(&m.w);
	sh.o = saved;
	match_ok(&m, "ip -family link netns");
	(void)ipl_apply_globals(&sh, &m.a);
	assert_int_equal(sh.o.family, AF_PACKET);
	lex_free(&m.w);
	sh.o = saved;
	match_ok(&m, "ip -j -p -d -d -s -force -all -n ns1 netns");
	assert_string_equal(ipl_apply_globals(&sh, &m.a), "ns1");
	assert_true(sh.o.json);
	assert_true(sh.o.pretty);
	assert_int_equal(sh.o.details, 2);
	assert_int_equal(sh.o.stats, 1);
	assert_true(sh.o.force);
	assert_true(sh.o.all);
	assert_true(ipl_has_global(&m.a, "-all"));
	assert_false(ipl_has_global(&m.a, "-batch"));
	lex_free(&m.w);
	sh.o = saved;
	match_ok(&m, "ip -force -batch lab.ip");
	(void)ipl_apply_globals(&sh, &m.a);
	assert_string_equal(sh.o.batch, "lab.ip");
	assert_true(sh.o.force);
	lex_free(&m.w);
	sh.o = saved;
}

/* ------------------------------------------------------------ the walk */

enum {
	T_UP = 1, T_DOWN, T_NAME, T_MTU, T_ADDRESS, T_ALIAS, T_STATE, T_TYPE,
	T_DEV, T_KIND_NAME, T_MASTER, T_ID, T_REST_X,
};

/* `type KIND …`: the rest of the line */
static const struct ipl_opt kind_rows[] = {
	{ "name", IPL_ONCE, "IFNAME", T_KIND_NAME, "the peer's name" },
	{ "id", IPL_PREFIX, "NUM16", T_ID, "an id" },
	{ NULL } };
static const struct ipl_table kind_opts = { "type test", kind_rows };

/* `master X` then words of its own, up to one it does not know */
static const struct ipl_opt master_rows[] = {
	{ "x", 0, NULL, T_REST_X, "x" }, { NULL } };
static const struct ipl_table master_opts = { "master", master_rows };

static const struct ipl_opt walk_rows[] = {
	{ "up", 0, NULL, T_UP, "up" },
	{ "down", 0, NULL, T_DOWN, "down" },
	{ "name", IPL_ONCE, "IFNAME", T_NAME, "a new name" },
	{ "mtu", IPL_ONCE, "NUM", T_MTU, "the MTU (exact keyword)" },
	{ "address", IPL_PREFIX, "LLADDR", T_ADDRESS, "the address" },
	{ "alias", IPL_PREFIX, "TEXT", T_ALIAS, "the alias" },
	{ "state", 0, "on|off", T_STATE, "a choice" },
	{ "master", 0, "DEV", T_MASTER, "a master", &master_opts },
	{ "type", IPL_REST, "WORD", T_TYPE, "the kind", &kind_opts },
	{ "dev", IPL_DEFAULT | IPL_ONCE, "DEV", T_DEV, "the link" },
	{ NULL } };
static const struct ipl_table walk_opts = { "test", walk_rows };

struct w {
	struct ipl_parse p;
	struct nsh_args a;
	struct nsh_words words;
	int rc;
};

/* walk the words of LINE over the test table */
static int walk(struct w *w, const char *line, bool completing)
{
	const char *err;
	int col;

	memset(w, 0, sizeof(*w));
	if (lex_split(line, &w->words, &err, &col) < 0)
		fail_msg("lex_split(\"%s\"): %s", line, err);
	w->p.sh = &sh;
	w->p.argc = w->words.n;
	w->p.argv = w->words.w;
	w->p.a = &w->a;
	w->p.root = "ip";
	w->p.err_tok = -1;
	w->p.completing = completing;
	w->rc = ipl_walk(&w->p, &walk_opts, false);
	return w->rc;
}

/* the options bound, in order, as a string "dev mtu up" */
static const char *keys(const struct nsh_args *a, char *buf, size_t len)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < a->nbind && o < len; i = ipl_next(a, i))
		o += (size_t)snprintf(buf + o, len - o, "%s%s", o ? " " : "",
				      a->bind[i].opt->kw);
	return buf;
}

static void walk_ok(const char *line, const char *want_keys)
{
	char buf[128];
	struct w w;

	if (walk(&w, line, false))
		fail_msg("\"%s\": %s", line, w.p.err);
	assert_string_equal(keys(&w.a, buf, sizeof(buf)), want_keys);
	lex_free(&w.words);
}

static void walk_err(const char *line, const char *want)
{
	struct w w;

	if (!walk(&w, line, false))
		fail_msg("\"%s\" was accepted", line);
	assert_int_equal(w.rc, -1);
	assert_string_equal(w.p.err, want);
	lex_free(&w.words);
}

static void walk_any_order_and_values(void **state)
{
	struct w w;
	char b[64];

	walk_ok("dev v1 mtu 1400 up", "dev mtu up");
	walk_ok("up mtu 1400 dev v1", "up mtu dev");
	/* the word no keyword claims is the main argument (dev) */
	walk_ok("v1 up", "dev up");
	walk_ok("up v1", "up dev");
	assert_int_equal(walk(&w, "mtu 0x578 v1 state off", false), 0);
	assert_string_equal(keys(&w.a, b, sizeof(b)), "mtu dev state");
	assert_int_equal(ipl_get(&w.a, T_MTU)->num, 1400);
	assert_string_equal(ipl_str(&w.a, T_DEV), "v1");
	assert_string_equal(ipl_str(&w.a, T_STATE), "off");
	assert_null(ipl_str(&w.a, T_NAME));
	/* the implied keyword has no word; a written one has it */
	assert_null(w.a.bind[ipl_find(&w.a, 0, T_DEV)].v.text);
	assert_string_equal(w.a.bind[ipl_find(&w.a, 0, T_MTU)].v.text, "mtu");
	assert_int_equal(ipl_find(&w.a, 0, T_UP), -1);
	lex_free(&w.words);
	/* a keyword that is the main argument's word too: the keyword */
	walk_ok("dev up", "dev");
	walk_ok("dev up up", "dev up");
}

static void walk_prefix_and_exact(void **state)
{
	/* IPL_PREFIX: any abbreviation, the first in the table's order */
	walk_ok("a 02:00:00:00:00:01 v1", "address dev");
	walk_ok("addr 02:00:00:00:00:01 v1", "address dev");
	walk_ok("al foo v1", "alias dev");
	walk_ok("alias foo v1", "alias dev");
	/* exact keywords are not abbreviated: "mt" is the link's name */
	walk_ok("mt", "dev");
	walk_err("dev v1 mt 1400", "'mt': unknown word (or given twice)");
	walk_err("v1 u", "'u': unknown word (or given twice)");
	/* choices are exact */
	walk_err("state of", "'of': not one of on|off (after 'state')");
}

static void walk_once_and_errors(void **state)
{
	walk_err("mtu 1400 mtu 1500", "'mtu': given twice");
	walk_err("dev v1 dev v2", "'dev': given twice");
	walk_err("v1 v2", "'v2': unknown word (or given twice)");
	/* not IPL_ONCE: a repeated keyword is two bindings */
	walk_ok("up up", "up up");
	walk_err("mtu", "missing NUM after 'mtu'");
	walk_err("v1 mtu x", "'x': not a number");
	walk_err("mtu 010 v1", "'010': a number with a leading zero "
		 "(iproute2 reads it as octal); write it without, or as 0x… "
		 "hex");
	walk_err("address zz v1", "'zz': a link-layer address is hex bytes "
		 "like 02:00:00:00:00:01");
}

static void walk_sub_tables(void **state)
{
	/* IPL_REST: every word after `type WORD` is the kind's */
	walk_ok("v1 type veth name p1 id 3", "dev type name id");
	walk_ok("v1 type veth i 3", "dev type id");
	walk_err("type veth name p1 up", "'up': unknown word");
	walk_err("type veth name p1 name p2", "'name': given twice");
	/* a sub-table without IPL_REST: its words, then back to the row's */
	walk_ok("master br0 x up v1", "master x up dev");
	walk_ok("master br0 up", "master up");
}

static void walk_completion(void **state)
{
	struct w w;

	/* at a value: its placeholder */
	assert_int_equal(walk(&w, "v1 mtu", true), IPL_END);
	assert_string_equal(w.p.exp_arg, "NUM");
	assert_string_equal(w.p.exp_opt->kw, "mtu");
	lex_free(&w.words);
	/* after a complete option: the table */
	assert_int_equal(walk(&w, "v1 up", true), IPL_END);
	assert_null(w.p.exp_arg);
	assert_int_equal(w.p.nexp_tab, 1);
	assert_ptr_equal(w.p.exp_tab[0], &walk_opts);
	lex_free(&w.words);
	/* inside `type KIND`: the kind's table */
	assert_int_equal(walk(&w, "type veth", true), IPL_END);
	assert_ptr_equal(w.p.exp_tab[0], &kind_opts);
	lex_free(&w.words);
}

/* ------------------------------------------------------------ netns rows */

static void netns_required_words(void **state)
{
	check_err("ip netns add", "ip netns add: missing NSNAME\n");
	check_err("ip netns a", "ip netns add: missing NSNAME\n");
	check_err("ip netns attach ns1", "ip netns attach: missing PID\n");
	check_err("ip netns set ns1", "ip netns set: missing NETNSID\n");
	check_err("ip netns pids", "ip netns pids: missing NETNS\n");
	check_err("ip netns exec", "ip netns exec: missing NSREF\n");
	check_err("ip netns exec ns1",
		  "ip netns exec: missing the command after 'ns1'\n");
	check_err("ip netns delete", "ip netns delete: missing NETNS\n");
	/* with -all, delete needs no name and exec's words are the command */
	check_cmd("ip -all netns delete", NETNS_DEL);
	check_cmd("ip -a netns del", NETNS_DEL);
	check_err("ip -all netns exec",
		  "ip netns exec: missing the command after 'exec'\n");
	{
		struct m m;

		match_ok(&m, "ip -all netns exec ip link show");
		assert_ptr_equal(m.a.cmd, NETNS_EXEC);
		assert_int_equal(m.a.nrest, 3);
		assert_ptr_equal(m.a.rest, &m.w.w[4]);
		lex_free(&m.w);
		match_ok(&m, "ip -all netns exec /bin/true");
		assert_int_equal(m.a.nrest, 1);
		assert_string_equal(m.a.rest[0], "/bin/true");
		lex_free(&m.w);
	}
}

static void netns_bindings(void **state)
{
	struct m m;

	match_ok(&m, "ip netns add ns1");
	assert_ptr_equal(m.a.cmd, NETNS_ADD);
	assert_string_equal(arg_str(&m.a, "nsname"), "ns1");
	assert_ptr_equal(arg_str(&m.a, "nsname"), m.w.w[3]);
	assert_string_equal(sh.cmdname, "ip netns add");
	lex_free(&m.w);

	match_ok(&m, "ip netns exec ns1 ip -j link show");
	assert_ptr_equal(m.a.cmd, NETNS_EXEC);
	assert_string_equal(arg_str(&m.a, "nsref"), "ns1");
	assert_int_equal(m.a.nrest, 4);
	assert_string_equal(m.a.rest[0], "ip");
	assert_string_equal(m.a.rest[3], "show");
	/* the inner -j is the inner command's */
	assert_null(global_val(&m.a, "-json"));
	lex_free(&m.w);

	match_ok(&m, "ip -n outer netns exec inner sh");
	assert_string_equal(global_val(&m.a, "-netns"), "outer");
	assert_string_equal(arg_str(&m.a, "nsref"), "inner");
	assert_int_equal(m.a.nrest, 1);
	lex_free(&m.w);

	match_ok(&m, "ip netns attach ns1 1234");
	assert_ptr_equal(m.a.cmd, NETNS_ATTACH);
	assert_string_equal(arg_str(&m.a, "nsname"), "ns1");
	assert_int_equal(arg_val(&m.a, "pid")->num, 1234);
	lex_free(&m.w);

	match_ok(&m, "ip netns set ns1 auto");
	assert_ptr_equal(m.a.cmd, NETNS_SET);
	lex_free(&m.w);
	match_ok(&m, "ip netns set ns1 0x10");
	assert_int_equal(arg_val(&m.a, "nsid")->num, 16);
	lex_free(&m.w);

	match_ok(&m, "ip netns list-id nsid 3 target-nsid 1");
	assert_ptr_equal(m.a.cmd, NETNS_LIST_ID);
	lex_free(&m.w);
	check_err("ip netns list-id nsid 1 nsid 2",
		  "ip netns list-id: 'nsid': given twice\n");
	check_err("ip netns list-id foo", "ip netns list-id: 'foo': unknown word\n");
	check_err("ip netns list-id ns", "ip netns list-id: 'ns': unknown word\n");
	check_err("ip netns set ns1 -1", "ip netns set: '-1': not a number\n");
	check_err("ip netns identify x", "ip netns identify: 'x': a PID is a "
		  "decimal number greater than 0\n");
	check_err("ip netns identify 1 2",
		  "ip netns identify: '2': unknown word (or given twice)\n");
	check_err("ip netns add ns2 ns3",
		  "ip netns add: 'ns3': unknown word (or given twice)\n");
	check_err("ip netns list foo", "ip netns list: 'foo': unexpected word\n");
	check_err_has("ip netns add ../x", "ip netns add: '../x': ");
	check_err_has("ip netns del ..", "ip netns delete: '..': ");
	check_err_has("ip -n a/b netns", "ip: 'a/b': ");
	check_err_has("ip netns add 'a\nb'", "'a\\x0ab'");
}

static void errors_name_the_script_line(void **state)
{
	struct m m;

	sh.file = "lab.nsh";
	sh.line = 7;
	match(&m, "ip netns add");
	sh.file = NULL;
	sh.line = 0;
	assert_int_equal(m.rc, 1);
	assert_string_equal(m.err, "lab.nsh:7: ip netns add: missing NSNAME\n");
	lex_free(&m.w);
	/* no state leaks from a failed match into the next one */
	check_err_has("ip netns add ../x", "'../x'");
	check_cmd("ip netns add x", NETNS_ADD);
	check_err("ip -b", "ip: missing FILE after '-b'\n");
	check_cmd("ip netns", NETNS_NOVERB);
}

/* ------------------------------------------------------------ completion */

struct cands {
	int n;
	char word[96][64];
};

static void add_cb(void *ctx, const char *word, const char *help)
{
	struct cands *c = ctx;

	assert_non_null(help);
	if (c->n < 96)
		snprintf(c->word[c->n++], sizeof(c->word[0]), "%s", word);
}

static int cand(const struct cands *c, const char *word)
{
	for (int i = 0; i < c->n; i++)
		if (streq(c->word[i], word))
			return i;
	return -1;
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

static void completion_candidates(void **state)
{
	struct cands c;

	/* the verbs, in iproute2's order, hidden aliases left out */
	complete(&c, "ip netns", "");
	assert_int_equal(cand(&c, "list"), 0);
	assert_true(cand(&c, "list-id") > cand(&c, "list"));
	assert_true(cand(&c, "add") > cand(&c, "list-id"));
	assert_true(cand(&c, "set") > cand(&c, "add"));
	assert_true(cand(&c, "delete") > cand(&c, "set"));
	assert_true(cand(&c, "exec") > cand(&c, "pids"));
	assert_true(cand(&c, "attach") > cand(&c, "monitor"));
	assert_int_equal(cand(&c, "lst"), -1);
	assert_int_equal(cand(&c, "show"), -1);
	complete(&c, "ip netns", "a");
	assert_int_equal(c.n, 2);
	assert_true(cand(&c, "add") >= 0 && cand(&c, "attach") >= 0);
	/* the objects nsh does natively */
	complete(&c, "ip", "ne");
	assert_true(cand(&c, "netns") >= 0);
	assert_int_equal(cand(&c, "netconf"), -1);	/* not native */
	/* the global options */
	complete(&c, "ip", "-n");
	assert_true(cand(&c, "-netns") >= 0);
	assert_int_equal(cand(&c, "-Numeric"), -1);
	complete(&c, "ip", "-b");
	assert_true(cand(&c, "-batch") >= 0 && cand(&c, "-brief") >= 0);
	complete(&c, "ip -j", "n");
	assert_true(cand(&c, "netns") >= 0);
	/* placeholders */
	complete(&c, "ip netns add", NULL);
	assert_true(cand(&c, "NSNAME") >= 0);
	complete(&c, "ip netns attach ns1", NULL);
	assert_true(cand(&c, "PID") >= 0);
	complete(&c, "ip netns set ns1", NULL);
	assert_true(cand(&c, "NETNSID") >= 0);
	complete(&c, "ip netns list-id", "");
	assert_true(cand(&c, "target-nsid") >= 0 && cand(&c, "nsid") >= 0);
	complete(&c, "ip netns list-id nsid", NULL);
	assert_true(cand(&c, "NSID") >= 0);
	complete(&c, "ip -n", NULL);
	assert_true(cand(&c, "NSREF") >= 0);
	complete(&c, "ip -batch", NULL);
	assert_true(cand(&c, "FILE") >= 0);
	/* a complete command offers nothing more; nor does a wrong line */
	complete(&c, "ip netns add x", NULL);
	assert_int_equal(c.n, 0);
	complete(&c, "ip frob", NULL);
	assert_int_equal(c.n, 0);
}

/* ------------------------------------------------------------ help */

static void help_ip_rows(void **state)
{
	static char out[65536];
	char err[256];
	char *argv[] = { "ip", "netns", "add" };
	struct capture co, ce;

	capture_begin(&ce, 2);
	capture_begin(&co, 1);
	assert_int_equal(cmdtree_help(&sh, 2, argv), 0);
	capture_end(&co, out, sizeof(out));
	capture_end(&ce, err, sizeof(err));
	assert_string_equal(err, "");
	assert_contains(out, "ip netns add NSNAME");
	assert_contains(out, "ip netns delete [ NETNS ]");
	assert_contains(out, "ip netns set NETNS NETNSID");
	assert_contains(out, "ip netns list-id [ OPTION… ]");
	assert_contains(out, "ip netns attach NSNAME PID");
	assert_contains(out, NETNS_LIST->summary);
	assert_contains(out, NETNS_MONITOR->summary);

	capture_begin(&ce, 2);
	capture_begin(&co, 1);
	assert_int_equal(cmdtree_help(&sh, 3, argv), 0);
	capture_end(&co, out, sizeof(out));
	capture_end(&ce, err, sizeof(err));
	assert_contains(out, "ip netns add NSNAME");
	assert_contains(out, "e.g. ip netns add ns1");
	assert_true(strstr(out, "ip netns delete") == NULL);
}

/* every ipl row: a root, an object its root knows (or -batch), a summary
 * for the visible ones, an example that matches a row of its object */
static void ipl_rows_are_well_formed(void **state)
{
	for (int f = 0; nsh_families[f]; f++)
		for (const struct nsh_cmd *c = nsh_families[f]->cmds; c->syntax;
		     c++) {
			char root[16], obj[32];
			struct m m;

			if (sscanf(c->syntax, "%15s %31s", root, obj) != 2 ||
			    !ipl_is_root(root))
				continue;
			if (!streq(obj, "-batch") && !ipl_is_object(root, obj))
				fail_msg("'%s': %s has no object '%s'",
					 c->syntax, root, obj);
			if (!(c->flags & NSH_CMD_HIDDEN) &&
			    (!c->summary || !c->summary[0]))
				fail_msg("'%s': no summary", c->syntax);
			if (!c->example)
				continue;
			if (match(&m, c->example) != 0)
				fail_msg("example '%s' of '%s' does not match: "
					 "%.300s", c->example, c->syntax,
					 m.err);
			/* the same root and object (an example may use the
			 * row without a verb: `ip -6 route`) */
			if (strncmp(m.a.cmd->syntax, c->syntax,
				    strlen(root) + 1 + strlen(obj)) != 0)
				fail_msg("example '%s' of '%s' matches '%s'",
					 c->example, c->syntax,
					 m.a.cmd->syntax);
			lex_free(&m.w);
		}
}

int main(void)
{
	/* help draws in UTF-8 (term_utf8): the summaries hold "…" */
	(void)setlocale(LC_CTYPE, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(objects_first_match),
		cmocka_unit_test(verbs_first_match),
		cmocka_unit_test(global_options_first_match),
		cmocka_unit_test(globals_apply),
		cmocka_unit_test(walk_any_order_and_values),
		cmocka_unit_test(walk_prefix_and_exact),
		cmocka_unit_test(walk_once_and_errors),
		cmocka_unit_test(walk_sub_tables),
		cmocka_unit_test(walk_completion),
		cmocka_unit_test(netns_required_words),
		cmocka_unit_test(netns_bindings),
		cmocka_unit_test(errors_name_the_script_line),
		cmocka_unit_test(completion_candidates),
		cmocka_unit_test(help_ip_rows),
		cmocka_unit_test(ipl_rows_are_well_formed),
	};

	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
