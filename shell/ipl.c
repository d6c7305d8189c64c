/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipl.c - iproute2's argument language: the one walk over the tables of
 * ipl.h that checks a line, binds its words, offers completions and
 * prints usage.
 *
 * A line `ip [OPTIONS] OBJECT [VERB] ARGS…` is read as iproute2 reads it:
 * the options in ip.c's order (any abbreviation, the first in that order
 * wins: `-n` is -netns, `-b` -batch, `-h` -human), the object in ip.c's
 * table order (`ip n` is neighbor, `ip net` netns), the verb in the order
 * of the object's code, then the arguments through the row's table.  An
 * object or verb nsh does not do natively is run by the real program
 * (cmd->fn NULL), which dispatch.c does.
 */
#include "config.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "core.h"
#include "ipl.h"
#include "term.h"

/* ------------------------------------------------------------ roots */

/* the objects of a root in its own order; NATIVE is the object word of
 * nsh's rows ("neigh" for both spellings), NULL for one nsh leaves to the
 * real program */
struct ipl_object {
	const char *name;
	const char *native;
};

/* keys of the global options: above those of the rows' tables */
enum g_key {
	G_LOOPS = IPL_KEY_GLOBAL, G_FAMILY, G_4, G_6, G_0, G_M, G_B, G_HUMAN, G_IEC,
	G_STATS, G_DETAILS, G_RESOLVE, G_ONELINE, G_TIMESTAMP, G_TSHORT,
	G_VERSION, G_FORCE, G_BATCH, G_BRIEF, G_JSON, G_PRETTY, G_RCVBUF,
	G_COLOR, G_HELP, G_NETNS, G_NUMERIC, G_ALL, G_ECHO, G_COMPRESS,
	G_RAW, G_GRAPH, G_NAMES, G_CONF,
};

static int parse_color(struct ipl_parse *p, const struct ipl_opt *o);

#define GOPT(kw, fl, arg, key, help) { kw, fl, arg, key, help, NULL, NULL }

/* ip.c's options, in its order */
static const struct ipl_opt ip_globals[] = {
	GOPT("-loops", IPL_PREFIX, "UINT", G_LOOPS, "flush at most N rounds"),
	GOPT("-family", IPL_PREFIX, "FAMILY", G_FAMILY, "protocol family"),
	GOPT("-4", 0, NULL, G_4, "IPv4 only"),
	GOPT("-6", 0, NULL, G_6, "IPv6 only"),
	GOPT("-0", 0, NULL, G_0, "link layer only"),
	GOPT("-M", 0, NULL, G_M, "MPLS only"),
	GOPT("-B", 0, NULL, G_B, "bridge only"),
	GOPT("-human", IPL_PREFIX, NULL, G_HUMAN, "human-readable rates"),
	GOPT("-human-readable", IPL_PREFIX | IPL_ALIAS, NULL, G_HUMAN, NULL),
	GOPT("-iec", IPL_PREFIX, NULL, G_IEC, "binary units"),
	GOPT("-stats", IPL_PREFIX, NULL, G_STATS, "statistics"),
	GOPT("-statistics", IPL_PREFIX | IPL_ALIAS, NULL, G_STATS, NULL),
	GOPT("-details", IPL_PREFIX, NULL, G_DETAILS, "more details"),
	GOPT("-resolve", IPL_PREFIX, NULL, G_RESOLVE, "resolve names"),
	GOPT("-oneline", IPL_PREFIX, NULL, G_ONELINE, "one line per record"),
	GOPT("-timestamp", IPL_PREFIX, NULL, G_TIMESTAMP, "time stamps"),
	GOPT("-tshort", IPL_PREFIX, NULL, G_TSHORT, "short time stamps"),
	GOPT("-Version", IPL_PREFIX, NULL, G_VERSION, "the version"),
	GOPT("-force", IPL_PREFIX, NULL, G_FORCE, "go on after an error "
						  "(with -batch)"),
	GOPT("-batch", IPL_PREFIX, "FILE", G_BATCH, "run the commands of FILE"),
	GOPT("-brief", IPL_PREFIX, NULL, G_BRIEF, "brief output"),
	GOPT("-json", IPL_PREFIX, NULL, G_JSON, "JSON output"),
	GOPT("-pretty", IPL_PREFIX, NULL, G_PRETTY, "pretty JSON"),
	GOPT("-rcvbuf", IPL_PREFIX, "UINT", G_RCVBUF, "socket buffer size"),
	{ "-color", IPL_PREFIX, NULL, G_COLOR, "colour output",
	  NULL, parse_color },
	GOPT("-help", IPL_PREFIX, NULL, G_HELP, "usage"),
	GOPT("-netns", IPL_PREFIX, "NSREF", G_NETNS, "act inside namespace "
						     "NETNS"),
	GOPT("-Numeric", IPL_PREFIX, NULL, G_NUMERIC, "numbers, not names"),
	GOPT("-all", IPL_PREFIX, NULL, G_ALL, "every namespace (netns "
					      "exec/delete)"),
	GOPT("-echo", 0, NULL, G_ECHO, "echo the request"),
	{ NULL },
};

static const struct ipl_object ip_objects[] = {
	{ "address", "address" }, { "addrlabel", NULL },
	{ "maddress", NULL }, { "route", "route" }, { "rule", "rule" },
	{ "neighbor", "neigh" }, { "neighbour", "neigh" },
	{ "ntable", NULL }, { "ntbl", NULL }, { "link", "link" },
	{ "l2tp", NULL }, { "fou", NULL }, { "ila", NULL },
	{ "macsec", NULL }, { "tunnel", NULL }, { "tunl", NULL },
	{ "tuntap", NULL }, { "tap", NULL }, { "token", NULL },
	{ "tcpmetrics", NULL }, { "tcp_metrics", NULL },
	{ "monitor", "monitor" }, { "xfrm", NULL }, { "mroute", NULL },
	{ "mrule", NULL }, { "netns", "netns" }, { "netconf", NULL },
	{ "vrf", NULL }, { "sr", NULL }, { "nexthop", "nexthop" },
	{ "mptcp", NULL }, { "ioam", NULL }, { "help", NULL },
	{ "stats", NULL }, { NULL },
};

/* bridge.c's options */
static const struct ipl_opt bridge_globals[] = {
	GOPT("-help", IPL_PREFIX, NULL, G_HELP, "usage"),
	GOPT("-Version", IPL_PREFIX, NULL, G_VERSION, "the version"),
	GOPT("-stats", IPL_PREFIX, NULL, G_STATS, "statistics"),
	GOPT("-statistics", IPL_PREFIX | IPL_ALIAS, NULL, G_STATS, NULL),
	GOPT("-details", IPL_PREFIX, NULL, G_DETAILS, "more details"),
	GOPT("-oneline", IPL_PREFIX, NULL, G_ONELINE, "one line per record"),
	GOPT("-timestamp", IPL_PREFIX, NULL, G_TIMESTAMP, "time stamps"),
	GOPT("-family", IPL_PREFIX, "inet|inet6|help", G_FAMILY,
	     "protocol family"),
	GOPT("-4", 0, NULL, G_4, "IPv4 only"),
	GOPT("-6", 0, NULL, G_6, "IPv6 only"),
	GOPT("-netns", IPL_PREFIX, "NSREF", G_NETNS, "act inside namespace "
						     "NETNS"),
	{ "-color", IPL_PREFIX, NULL, G_COLOR, "colour output",
	  NULL, parse_color },
	GOPT("-compressvlans", IPL_PREFIX, NULL, G_COMPRESS,
	     "VLAN ranges"),
	GOPT("-force", IPL_PREFIX, NULL, G_FORCE, "go on after an error "
						  "(with -batch)"),
	GOPT("-json", IPL_PREFIX, NULL, G_JSON, "JSON output"),
	GOPT("-pretty", IPL_PREFIX, NULL, G_PRETTY, "pretty JSON"),
	GOPT("-batch", IPL_PREFIX, "FILE", G_BATCH, "run the commands of FILE"),
	{ NULL },
};

static const struct ipl_object bridge_objects[] = {
	{ "link", "link" }, { "fdb", "fdb" }, { "mdb", NULL },
	{ "vlan", "vlan" }, { "vni", NULL }, { "monitor", NULL },
	{ "help", NULL }, { NULL },
};

/* tc.c's options */
static const struct ipl_opt tc_globals[] = {
	GOPT("-stats", IPL_PREFIX, NULL, G_STATS, "statistics"),
	GOPT("-statistics", IPL_PREFIX | IPL_ALIAS, NULL, G_STATS, NULL),
	GOPT("-details", IPL_PREFIX, NULL, G_DETAILS, "more details"),
	GOPT("-raw", IPL_PREFIX, NULL, G_RAW, "raw handles"),
	GOPT("-pretty", IPL_PREFIX, NULL, G_PRETTY, "pretty output"),
	GOPT("-graph", IPL_PREFIX, NULL, G_GRAPH, "class graph"),
	GOPT("-Version", IPL_PREFIX, NULL, G_VERSION, "the version"),
	GOPT("-iec", IPL_PREFIX, NULL, G_IEC, "binary units"),
	GOPT("-help", IPL_PREFIX, NULL, G_HELP, "usage"),
	GOPT("-force", IPL_PREFIX, NULL, G_FORCE, "go on after an error "
						  "(with -batch)"),
	GOPT("-batch", IPL_PREFIX, "FILE", G_BATCH, "run the commands of FILE"),
	GOPT("-netns", IPL_PREFIX, "NSREF", G_NETNS, "act inside namespace "
						     "NETNS"),
	GOPT("-Numeric", IPL_PREFIX, NULL, G_NUMERIC, "numbers, not names"),
	GOPT("-names", IPL_PREFIX, NULL, G_NAMES, "class names"),
	GOPT("-nm", IPL_PREFIX | IPL_ALIAS, NULL, G_NAMES, NULL),
	GOPT("-cf", IPL_PREFIX, "FILE", G_CONF, "class names file"),
	GOPT("-conf", IPL_PREFIX | IPL_ALIAS, "FILE", G_CONF, NULL),
	{ "-color", IPL_PREFIX, NULL, G_COLOR, "colour output",
	  NULL, parse_color },
	GOPT("-timestamp", IPL_PREFIX, NULL, G_TIMESTAMP, "time stamps"),
	GOPT("-tshort", IPL_PREFIX, NULL, G_TSHORT, "short time stamps"),
	GOPT("-json", IPL_PREFIX, NULL, G_JSON, "JSON output"),
	GOPT("-oneline", IPL_PREFIX, NULL, G_ONELINE, "one line per record"),
	GOPT("-brief", IPL_PREFIX, NULL, G_BRIEF, "brief output"),
	{ NULL },
};

static const struct ipl_object tc_objects[] = {
	{ "qdisc", "qdisc" }, { "class", "class" }, { "filter", NULL },
	{ "chain", NULL }, { "actions", NULL }, { "monitor", NULL },
	{ "exec", NULL }, { "help", NULL }, { NULL },
};

struct ipl_root {
	const char *name;
	const char *summary;
	const struct ipl_opt *globals;
	const struct ipl_object *objects;
	bool dashdash;		/* "--json" is read as "-json" */
	const char *prog;	/* the real program, for what is not native */
};

static const struct ipl_root roots[] = {
	{ "ip", "iproute2's ip: link, address, route, rule, neigh, "
		"nexthop, netns", ip_globals, ip_objects, true, "ip" },
	{ "bridge", "iproute2's bridge: link, fdb, vlan", bridge_globals,
	  bridge_objects, true, "bridge" },
	{ "tc", "iproute2's tc: qdisc, class", tc_globals, tc_objects, false,
	  "tc" },
};

static const struct ipl_root *root_of(const char *word)
{
	for (size_t i = 0; i < ARRAY_SIZE(roots); i++)
		if (streq(roots[i].name, word))
			return &roots[i];
	return NULL;
}

bool ipl_is_root(const char *word)
{
	return root_of(word) != NULL;
}

/* ------------------------------------------------------------ rows */

/* a row of the families: "ROOT OBJECT [VERB[/ALIAS…]]" */
struct irow {
	const struct nsh_cmd *cmd;
	const struct nsh_family *fam;
	const struct ipl_root *root;
	char object[24];
	char verbs[64];		/* "show/list/=lst", "" for none */
};

static struct irow *irows;
static int nirows;

/* not native: the object or verb runs in the real program */
static const struct nsh_cmd fallback_cmd = {
	"(not native)", "run by the real program", NULL, NSH_CMD_HIDDEN,
};
void ipl_fallback(struct ipl_parse *p)
{
	p->a->cmd = &fallback_cmd;
	p->i = p->argc;
}

/* `ROOT help`, `ROOT OBJECT help`: the usage */
static int cmd_help(struct nsh *sh, const struct nsh_args *a);
static const struct nsh_cmd help_cmd = {
	"(help)", "the usage", cmd_help, NSH_CMD_HIDDEN | NSH_CMD_NOBARRIER,
};

int ipl_init(const struct nsh_family *const *families)
{
	int n = 0;

	for (int f = 0; families[f]; f++)
		for (const struct nsh_cmd *c = families[f]->cmds; c->syntax;
		     c++)
			n++;
	irows = calloc((size_t)n + 1, sizeof(*irows));
	if (!irows)
		return -1;
	for (int f = 0; families[f]; f++)
		for (const struct nsh_cmd *c = families[f]->cmds; c->syntax;
		     c++) {
			char w[3][64] = { "", "", "" };
			const struct ipl_root *r;

			if (sscanf(c->syntax, "%63s %63s %63s", w[0], w[1],
				   w[2]) < 2)
				continue;
			r = root_of(w[0]);
			if (!r)
				continue;
			irows[nirows].cmd = c;
			irows[nirows].fam = families[f];
			irows[nirows].root = r;
			snprintf(irows[nirows].object,
				 sizeof(irows[nirows].object), "%s", w[1]);
			snprintf(irows[nirows].verbs,
				 sizeof(irows[nirows].verbs), "%s", w[2]);
			nirows++;
		}
	return 0;
}

/* does WORD name one of VERBS ("show/list/=lst")? */
static bool verb_names(const char *verbs, const char *word)
{
	char buf[64], *save = NULL;

	if (!*word)
		return false;
	snprintf(buf, sizeof(buf), "%s", verbs);
	for (char *v = strtok_r(buf, "/", &save); v;
	     v = strtok_r(NULL, "/", &save)) {
		if (v[0] == '=' ? streq(v + 1, word) : ipl_matches(word, v))
			return true;
	}
	return false;
}

/* the first verb of VERBS, for messages and help */
static const char *verb_main(const char *verbs, char *buf, size_t len)
{
	if (verbs[0] == '=')	/* matched exactly, said as it is */
		verbs++;
	snprintf(buf, len, "%.*s", (int)strcspn(verbs, "/"), verbs);
	return buf;
}

/* ------------------------------------------------------------ matching */

bool ipl_matches(const char *word, const char *kw)
{
	size_t n = strlen(word);

	return n && n <= strlen(kw) && memcmp(word, kw, n) == 0;
}

bool ipl_names(const struct ipl_opt *o, const char *word)
{
	if (o->flags & IPL_PREFIX)
		return ipl_matches(word, o->kw);
	return streq(o->kw, word);
}

int ipl_fail(struct ipl_parse *p, int tok, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->err, sizeof(p->err), fmt, ap);
	va_end(ap);
	p->err_tok = tok;
	return -1;
}

static int add_bind(struct ipl_parse *p, const struct nsh_bind *b)
{
	if (p->a->nbind == NSH_MAX_BIND)
		return ipl_fail(p, b->tok, "too many words (at most %d)",
				NSH_MAX_BIND);
	p->a->bind[p->a->nbind++] = *b;
	return 0;
}

int ipl_bind_kw(struct ipl_parse *p, const struct ipl_opt *o, int tok)
{
	struct nsh_bind b = { .name = o->kw, .is_kw = true, .tok = tok,
			      .opt = o };

	b.v.text = tok >= 0 ? p->argv[tok] : NULL;
	return add_bind(p, &b);
}

/* the type ARG in the family FAM's own types first (two families may
 * each have a type of that name), then the shared ones */
static const struct nsh_type *find_type(const struct nsh_family *fam,
					const char *arg)
{
	for (const struct nsh_type *t = fam ? fam->types : NULL; t && t->name;
	     t++)
		if (streq(t->name, arg))
			return t;
	return type_find(arg);
}

/* is CHOICES ("on|off") a list of words rather than a type name? */
static bool is_choices(const char *arg)
{
	return !isupper((unsigned char)arg[0]);
}

static bool choice_has(const char *choices, const char *word)
{
	size_t n = strlen(word);

	for (const char *c = choices; *c;) {
		size_t len = strcspn(c, "|");

		if (len == n && memcmp(c, word, n) == 0)
			return true;
		c += len;
		if (*c == '|')
			c++;
	}
	return false;
}

int ipl_bind_val(struct ipl_parse *p, const struct ipl_opt *o, const char *arg,
		 int tok)
{
	struct nsh_bind b = { .name = o->kw, .tok = tok, .opt = o };
	const char *word = p->argv[tok], *err = NULL;
	char ebuf[160], esc[160];

	b.v.text = word;
	if (is_choices(arg)) {
		if (!choice_has(arg, word))
			return ipl_fail(p, tok, "'%s': not one of %s (after "
					"'%s')",
					str_escape(word, esc, sizeof(esc)),
					arg, o->kw);
	} else {
		const struct nsh_type *t = find_type(p->fam, arg);

		ebuf[0] = '\0';
		if (t && t->parse &&
		    t->parse(word, &b.v, ebuf, sizeof(ebuf), &err) < 0)
			return ipl_fail(p, tok, "'%s': %s",
					str_escape(word, esc, sizeof(esc)),
					err ? err : ebuf);
	}
	return add_bind(p, &b);
}

const char *ipl_need(struct ipl_parse *p, const struct ipl_opt *o,
		     const char *what)
{
	if (p->i < p->argc)
		return p->argv[p->i];
	if (p->completing) {
		/* parse_values hands in a word of its own stack copy */
		snprintf(p->exp_buf, sizeof(p->exp_buf), "%s", what);
		p->exp_arg = p->exp_buf;
		p->exp_opt = o;
		p->err_tok = IPL_END;
		return NULL;
	}
	if (o->kw && (o->flags & IPL_NOKW))
		ipl_fail(p, p->argc, "missing %s", what);
	else
		ipl_fail(p, p->argc, "missing %s after '%s'", what,
			 p->argv[p->argc - 1]);
	return NULL;
}

/* NULL from ipl_need: the walk's result */
static int need_failed(const struct ipl_parse *p)
{
	return p->err_tok == IPL_END ? IPL_END : -1;
}

/* the values of O as its ARG describes them, from p->i on */
static int parse_values(struct ipl_parse *p, const struct ipl_opt *o)
{
	char arg[128], *save = NULL;

	if (o->parse)
		return o->parse(p, o);
	if (!o->arg)
		return 0;
	snprintf(arg, sizeof(arg), "%s", o->arg);
	for (char *t = strtok_r(arg, " ", &save); t;
	     t = strtok_r(NULL, " ", &save)) {
		if (streq(t, "ARGS...")) {
			p->a->rest = p->argv + p->i;
			p->a->nrest = p->argc - p->i;
			if (p->i == p->argc) {
				if (!p->completing)
					return ipl_fail(p, p->argc, "missing the "
							"command after '%s'",
							p->argv[p->argc - 1]);
				p->exp_arg = "ARGS";
				p->exp_opt = o;
				return IPL_END;
			}
			p->i = p->argc;
			return 0;
		}
		if (t[0] == '[') {	/* an optional literal word */
			size_t n = strlen(t);

			if (p->i < p->argc && n > 2 &&
			    strlen(p->argv[p->i]) == n - 2 &&
			    memcmp(p->argv[p->i], t + 1, n - 2) == 0) {
				struct nsh_bind b = { .name = o->kw,
						      .tok = p->i, .opt = o };

				b.v.text = p->argv[p->i++];
				if (add_bind(p, &b))
					return -1;
			}
			continue;
		}
		if (!ipl_need(p, o, t))
			return need_failed(p);
		if (ipl_bind_val(p, o, t, p->i))
			return -1;
		p->i++;
	}
	return 0;
}

static bool in_table(const struct ipl_table *t, const struct ipl_opt *o)
{
	for (const struct ipl_opt *r = t->opts; r->kw; r++)
		if (r == o)
			return true;
	return false;
}

/* has O (or another spelling of it: the rows of T with its key) been
 * given in this walk of T (the bindings from BASE on)? */
static bool given_key(const struct ipl_parse *p, const struct ipl_table *t,
		      const struct ipl_opt *o, int base)
{
	for (int i = base; i < p->a->nbind; i++) {
		const struct ipl_opt *b = p->a->bind[i].opt;

		if (p->a->bind[i].is_kw && b && b->key == o->key &&
		    in_table(t, b))
			return true;
	}
	return false;
}

static const struct ipl_opt *find_opt(const struct ipl_table *t,
				      const char *word)
{
	for (const struct ipl_opt *o = t->opts; o->kw; o++)
		if (!(o->flags & IPL_NOKW) && ipl_names(o, word))
			return o;
	return NULL;
}

static const struct ipl_opt *default_opt(const struct ipl_table *t)
{
	for (const struct ipl_opt *o = t->opts; o->kw; o++)
		if (o->flags & IPL_DEFAULT)
			return o;
	return NULL;
}

/* the first default row that may still take a word */
static const struct ipl_opt *free_default(const struct ipl_parse *p,
					  const struct ipl_table *t, int base)
{
	for (const struct ipl_opt *o = t->opts; o->kw; o++)
		if ((o->flags & IPL_DEFAULT) &&
		    !((o->flags & IPL_ONCE) && given_key(p, t, o, base)))
			return o;
	return NULL;
}

static void note_table(struct ipl_parse *p, const struct ipl_table *t)
{
	if (p->nexp_tab < (int)ARRAY_SIZE(p->exp_tab))
		p->exp_tab[p->nexp_tab++] = t;
}

/* after O's values: its sub-table, if any */
static int walk_sub(struct ipl_parse *p, const struct ipl_opt *o)
{
	if (!o->sub)
		return 0;
	return ipl_walk(p, o->sub, !(o->flags & IPL_REST));
}

int ipl_walk(struct ipl_parse *p, const struct ipl_table *t, bool stop_unknown)
{
	int base = p->a->nbind;
	char esc[160];
	int rc;

	while (p->i < p->argc) {
		const char *w = p->argv[p->i];
		const struct ipl_opt *o = find_opt(t, w);
		int tok = p->i;

		if (!o) {
			o = free_default(p, t, base);
			if (!o) {
				if (stop_unknown)
					return 0;
				return ipl_fail(p, tok, "'%s': unknown word%s",
						str_escape(w, esc, sizeof(esc)),
						default_opt(t) ? " (or given twice)"
							       : "");
			}
			if (ipl_bind_kw(p, o, -1))
				return -1;
		} else {
			if ((o->flags & IPL_ONCE) && given_key(p, t, o, base))
				return ipl_fail(p, tok, "'%s': given twice",
						str_escape(w, esc, sizeof(esc)));
			if (ipl_bind_kw(p, o, tok))
				return -1;
			p->i++;
		}
		rc = parse_values(p, o);
		if (!rc)
			rc = walk_sub(p, o);
		if (rc)
			return rc;
		if (o->sub && (o->flags & IPL_REST))
			return 0;
	}
	if (p->completing) {
		note_table(p, t);
		p->err_tok = IPL_END;
		return stop_unknown ? 0 : IPL_END;
	}
	return 0;
}

/* ------------------------------------------------------------ globals */

/* -c[olor][=always|auto|never], -colour */
static int parse_color(struct ipl_parse *p, const struct ipl_opt *o)
{
	(void)o;
	(void)p;
	return 0;
}

/* -c, -color[=always]: on; =auto: on a terminal; =never: off (as
 * iproute2's check_enable_color); and never under NO_COLOR or TERM=dumb */
static bool color_on(const char *w)
{
	const char *eq = w ? strchr(w, '=') : NULL;

	return term_color_when(term_parse_when(eq ? eq + 1 : NULL));
}

static bool names_color(const char *w)
{
	char buf[32];
	const char *eq = strchr(w, '=');

	snprintf(buf, sizeof(buf), "%.*s", eq ? (int)(eq - w) : (int)strlen(w),
		 w);
	if (!ipl_matches(buf, "-color") && !ipl_matches(buf, "-colour"))
		return false;
	return !eq || term_parse_when(eq + 1) >= 0;
}

/* the global option WORD names, in the root's order */
static const struct ipl_opt *find_global(const struct ipl_root *r,
					 const char *word)
{
	const char *w = word;

	if (r->dashdash && w[0] == '-' && w[1] == '-')
		w++;
	for (const struct ipl_opt *o = r->globals; o->kw; o++) {
		if (o->key == G_COLOR) {
			if (names_color(w))
				return o;
			continue;
		}
		if (ipl_names(o, w))
			return o;
	}
	return NULL;
}

/* ------------------------------------------------------------ lines */

static const struct ipl_object *find_object(const struct ipl_root *r,
					    const char *word)
{
	for (const struct ipl_object *o = r->objects; o->name; o++)
		if (ipl_matches(word, o->name))
			return o;
	return NULL;
}

const char *ipl_global_arg(const char *root, const char *word)
{
	const struct ipl_root *r = root_of(root);
	const struct ipl_opt *o = r && word[0] == '-' ? find_global(r, word)
						     : NULL;

	return o ? o->arg : NULL;
}

bool ipl_is_object(const char *root, const char *word)
{
	const struct ipl_root *r = root_of(root);

	return r && find_object(r, word) != NULL;
}

/* the row of ROOT OBJECT VERB (VERB NULL: the row without a verb) */
static const struct irow *find_row(const struct ipl_root *r, const char *object,
				   const char *verb)
{
	for (int i = 0; i < nirows; i++) {
		const struct irow *x = &irows[i];

		if (x->root != r || !streq(x->object, object))
			continue;
		if (verb ? verb_names(x->verbs, verb) : !x->verbs[0])
			return x;
	}
	return NULL;
}

static bool has_rows(const struct ipl_root *r, const char *object)
{
	for (int i = 0; i < nirows; i++)
		if (irows[i].root == r && streq(irows[i].object, object))
			return true;
	return false;
}

/* "add, delete, list or exec": the verbs of OBJECT, for a message */
static void verb_list(const struct ipl_root *r, const char *object, char *buf,
		      size_t len)
{
	const char *v[32];
	char names[32][32];
	int n = 0;
	size_t used = 0;

	for (int i = 0; i < nirows && n < 32; i++)
		if (irows[i].root == r && streq(irows[i].object, object) &&
		    irows[i].verbs[0] && irows[i].cmd->fn)
			v[n] = verb_main(irows[i].verbs, names[n], 32), n++;
	buf[0] = '\0';
	for (int i = 0; i < n && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 i == 0 ? "" : i == n - 1 ? " or " : ", ",
					 v[i]);
}

/* completion: where the words ended */
enum stage { ST_NONE, ST_GLOBAL, ST_OBJECT, ST_VERB, ST_ARGS };

struct line {
	const struct ipl_root *root;
	const struct ipl_object *obj;
	int obj_at;		/* the word that named the object */
	const struct irow *row;
	enum stage end;		/* completing: what may come at the end */
};

/* skip to the end of the line: a row that is not native takes it all */
static int take_rest(struct ipl_parse *p, const struct nsh_cmd *cmd)
{
	p->a->cmd = cmd;
	p->a->rest = p->argv + p->i;
	p->a->nrest = p->argc - p->i;
	p->i = p->argc;
	return 0;
}

#define WALK_ON INT_MIN	/* a walk_* step: go on to the next */

/* the global options (`-n NS`, `-j`, `-batch FILE` …) */
static int walk_globals(struct ipl_parse *p, struct line *l)
{
	char esc[160];
	int rc;

	while (p->i < p->argc && p->argv[p->i][0] == '-') {
		const char *w = p->argv[p->i];
		const struct ipl_opt *o;
		int tok = p->i;

		if (streq(w, "--")) {
			p->i++;
			break;
		}
		o = find_global(l->root, w);
		if (!o) {
			if (p->completing && p->i == p->argc - 1)
				break;
			return ipl_fail(p, tok, "'%s': unknown option of '%s'",
					str_escape(w, esc, sizeof(esc)),
					l->root->name);
		}
		if (ipl_bind_kw(p, o, tok))
			return -1;
		p->i++;
		if (!o->parse && (rc = parse_values(p, o)))
			return rc;
	}
	return WALK_ON;
}

/* -batch, or the object word (`link`, `address`, …) */
static int walk_object(struct ipl_parse *p, struct line *l)
{
	char esc[160];
	const char *w;

	if (ipl_find(p->a, 0, G_BATCH) >= 0) {
		const struct irow *x = find_row(l->root, "-batch", NULL);

		if (!x)
			return ipl_fail(p, 0, "-batch: not supported");
		l->row = x;
		p->a->cmd = x->cmd;
		if (p->i < p->argc)	/* iproute2 ignores the rest */
			p->i = p->argc;
		return 0;
	}
	if (p->i >= p->argc) {
		if (p->completing) {
			l->end = ST_OBJECT;
			return IPL_END;
		}
		if (ipl_find(p->a, 0, G_VERSION) >= 0 ||
		    ipl_find(p->a, 0, G_HELP) >= 0)
			return take_rest(p, &fallback_cmd);
		return ipl_fail(p, p->argc, "missing an object (%s)",
				l->root->name[0] == 'i' ?
					"link, address, route, rule, neigh, "
					"nexthop, netns, …" :
				l->root->name[0] == 'b' ? "link, fdb, vlan, …" :
							  "qdisc, class, …");
	}
	w = p->argv[p->i];
	l->obj = find_object(l->root, w);
	l->obj_at = p->i;
	if (!l->obj)
		return ipl_fail(p, p->i, "'%s': unknown object",
				str_escape(w, esc, sizeof(esc)));
	p->i++;
	if (streq(l->obj->name, "help"))
		return take_rest(p, &help_cmd);
	if (!l->obj->native || !has_rows(l->root, l->obj->native))
		return take_rest(p, &fallback_cmd);
	return WALK_ON;
}

/* the verb (`add`, `show`, …; none: the object's own row) */
static int walk_verb(struct ipl_parse *p, struct line *l)
{
	char esc[160], list[300];
	const char *w;

	if (p->i >= p->argc) {
		if (p->completing) {
			l->end = ST_VERB;
			return IPL_END;
		}
		l->row = find_row(l->root, l->obj->native, NULL);
		if (!l->row)
			return ipl_fail(p, p->argc, "missing a command after "
					"'%s'", p->argv[p->argc - 1]);
		return WALK_ON;
	}
	w = p->argv[p->i];
	l->row = find_row(l->root, l->obj->native, w);
	if (l->row) {
		p->i++;
		return WALK_ON;
	}
	if (ipl_matches(w, "help")) {
		p->i++;
		return take_rest(p, &help_cmd);
	}
	/* the row without a verb takes arguments itself (`ip monitor link`) */
	l->row = find_row(l->root, l->obj->native, NULL);
	if (l->row && l->row->cmd->opts)
		return WALK_ON;
	verb_list(l->root, l->obj->native, list, sizeof(list));
	return ipl_fail(p, p->i, "'%s': unknown word; expected %s",
			str_escape(w, esc, sizeof(esc)), list);
}

/* the row's own words, then what it requires */
static int walk_args(struct ipl_parse *p, struct line *l)
{
	const struct nsh_cmd *cmd = l->row->cmd;
	char esc[160];
	int rc;

	p->a->cmd = cmd;
	p->fam = l->row->fam;
	if (!cmd->fn)
		return take_rest(p, cmd);
	l->end = ST_ARGS;
	if (!cmd->opts) {
		if (p->i < p->argc) {
			if (ipl_matches(p->argv[p->i], "help"))
				return take_rest(p, &help_cmd);
			return ipl_fail(p, p->i, "'%s': unexpected word",
					str_escape(p->argv[p->i], esc,
						   sizeof(esc)));
		}
		return p->completing ? IPL_END : 0;
	}
	rc = ipl_walk(p, cmd->opts, false);
	if (rc || p->a->cmd != cmd)
		return rc;
	if (!p->completing && cmd->opts->check && cmd->opts->check(p))
		return -1;
	for (const struct ipl_opt *o = cmd->opts->opts; o->kw; o++)
		if ((o->flags & IPL_REQUIRED) && ipl_find(p->a, 0, o->key) < 0)
			return ipl_fail(p, p->argc, "missing %.*s",
					(int)strcspn(o->arg ? o->arg : o->kw,
						     " "),
					o->arg ? o->arg : o->kw);
	return 0;
}

static int walk_line(struct ipl_parse *p, struct line *l)
{
	int rc;

	l->root = root_of(p->argv[0]);
	p->i = 1;
	if ((rc = walk_globals(p, l)) != WALK_ON ||
	    (rc = walk_object(p, l)) != WALK_ON ||
	    (rc = walk_verb(p, l)) != WALK_ON)
		return rc;
	return walk_args(p, l);
}

/* the options a table requires (IPL_DEFAULT rows are iproute2's main
 * argument; the handlers say what is missing in their own words) */
static void parse_init(struct ipl_parse *p, struct nsh *sh, int argc,
		       char **argv, struct nsh_args *a)
{
	memset(p, 0, sizeof(*p));
	memset(a, 0, offsetof(struct nsh_args, bind));
	/* (after the bindings: a row without ARGS never sets them) */
	a->rest = NULL;
	a->nrest = 0;
	a->words = NULL;
	p->sh = sh;
	p->argc = argc;
	p->argv = argv;
	p->a = a;
	p->root = argv[0];
	p->err_tok = -1;
}

static void row_name(const struct line *l, char *buf, size_t len)
{
	char vb[32];

	if (l->row && l->row->cmd != &fallback_cmd)
		snprintf(buf, len, "%s %s%s%s", l->root->name, l->row->object,
			 l->row->verbs[0] ? " " : "",
			 verb_main(l->row->verbs, vb, sizeof(vb)));
	else if (l->obj)
		snprintf(buf, len, "%s %s", l->root->name, l->obj->name);
	else
		snprintf(buf, len, "%s", l->root ? l->root->name : "ip");
	(void)vb;
}

int ipl_match(struct nsh *sh, int argc, char **argv, struct nsh_args *ret)
{
	struct ipl_parse p;
	struct line l = { 0 };
	int rc;

	parse_init(&p, sh, argc, argv, ret);
	rc = walk_line(&p, &l);
	row_name(&l, sh->cmdname, sizeof(sh->cmdname));
	/* not native: the notice names what the real program runs, the
	 * object and the word after it ("ip monitor mroute") */
	if (!rc && ret->cmd == &fallback_cmd && l.obj && l.obj_at > 0 &&
	    l.obj_at + 1 < argc && argv[l.obj_at + 1][0] != '-')
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s %s %s",
			 l.root->name, l.obj->name, argv[l.obj_at + 1]);
	if (rc) {
		nsh_err(sh, "%s", p.err);
		return 1;
	}
	ret->words = NULL;
	return 0;
}

/* ------------------------------------------------------------ completion */

struct cctx {
	const struct nsh_family *fam;	/* the row's, for its types */
	const char *prefix;	/* NULL: `?` (list what may come) */
	void (*add)(void *ctx, const char *word, const char *help);
	void *ctx;
};

static void offer(const struct cctx *c, const char *word, const char *help)
{
	if (!c->prefix || strncmp(word, c->prefix, strlen(c->prefix)) == 0)
		c->add(c->ctx, word, help);
}

/* the candidates for a value of ARG */
static void offer_arg(struct nsh *sh, const struct cctx *c, const char *arg,
		      const char *help)
{
	char buf[256];

	if (!arg)
		return;
	if (is_choices(arg)) {
		snprintf(buf, sizeof(buf), "%s", arg);
		for (char *s = buf, *e; *s; s = e) {
			e = s + strcspn(s, "|");
			if (*e)
				*e++ = '\0';
			offer(c, s, help);
		}
		return;
	}
	{
		const struct nsh_type *t = find_type(c->fam, arg);

		if (!c->prefix || !*c->prefix)
			c->add(c->ctx, arg, t ? t->help : help);
		if (t && t->complete && c->prefix)
			t->complete(sh, c->prefix, c->add, c->ctx);
	}
}

/*
 * The candidates of table T: while its main argument (the default row,
 * the link of `ip link set`) is missing, only that (its keyword and its
 * values), as the line is usually written; then every keyword.
 */
static void offer_table(struct nsh *sh, const struct cctx *c,
			const struct ipl_parse *p, const struct ipl_table *t)
{
	const struct ipl_opt *d = free_default(p, t, 0);
	bool main_missing = d && (d->flags & IPL_ONCE) && !(d->flags & IPL_MULTI);

	if (d && (d->flags & IPL_ALIAS))	/* words taken, not offered */
		d = NULL;
	if (d) {
		char first[64];

		snprintf(first, sizeof(first), "%.*s",
			 (int)strcspn(d->arg ? d->arg : "", " "),
			 d->arg ? d->arg : "");
		if (first[0])
			offer_arg(sh, c, first, d->help);
	}
	for (const struct ipl_opt *o = t->opts; o->kw; o++) {
		if ((o->flags & (IPL_ALIAS | IPL_NOKW)) ||
		    (main_missing && o != d))
			continue;
		if ((o->flags & IPL_DEFAULT) && o != d)
			continue;
		offer(c, o->kw, o->help);
	}
}

/* what OBJECT of root R is, for completion: the summary of the family
 * named like it when that family has rows of R (ip's link, route…), else
 * that of the object's row without a verb (bridge fdb, tc qdisc) */
static const char *object_summary(const struct ipl_root *r, const char *object)
{
	const struct irow *x = find_row(r, object, NULL);

	for (int i = 0; i < nirows; i++)
		if (irows[i].root == r && streq(irows[i].object, object) &&
		    streq(irows[i].fam->name, object))
			return irows[i].fam->summary;
	return x && x->cmd->summary ? x->cmd->summary : "";
}

void ipl_complete(struct nsh *sh, int argc, char **argv, const char *prefix,
		  void (*add)(void *ctx, const char *word, const char *help),
		  void *ctx)
{
	struct nsh_args *a = malloc(sizeof(*a));
	struct ipl_parse p;
	struct line l = { 0 };
	struct cctx c = { NULL, prefix, add, ctx };
	char vb[32];
	int rc;

	if (!argc) {	/* the first word: the roots */
		for (size_t i = 0; i < ARRAY_SIZE(roots); i++)
			offer(&c, roots[i].name, roots[i].summary);
		free(a);
		return;
	}
	if (!a || !root_of(argv[0])) {
		free(a);
		return;
	}
	parse_init(&p, sh, argc, argv, a);
	p.completing = true;
	rc = walk_line(&p, &l);
	c.fam = p.fam;
	if (rc != IPL_END && !(rc == 0 && p.i >= argc && l.end == ST_ARGS &&
			       !l.row->cmd->opts)) {
		free(a);
		return;
	}
	if (p.exp_arg) {
		offer_arg(sh, &c, p.exp_arg,
			  p.exp_opt && p.exp_opt->help ? p.exp_opt->help : "");
		free(a);
		return;
	}
	switch (l.end) {
	case ST_OBJECT:
		if (prefix && prefix[0] == '-') {
			for (const struct ipl_opt *o = l.root->globals; o->kw;
			     o++)
				if (!(o->flags & IPL_ALIAS))
					offer(&c, o->kw, o->help);
			break;
		}
		for (const struct ipl_object *o = l.root->objects; o->name;
		     o++) {
			if (!o->native || !has_rows(l.root, o->native))
				continue;
			offer(&c, o->name, object_summary(l.root, o->native));
		}
		break;
	case ST_VERB:
		for (int i = 0; i < nirows; i++) {
			const struct irow *x = &irows[i];

			if (x->root != l.root || !x->verbs[0] ||
			    !streq(x->object, l.obj->native) || !x->cmd->fn ||
			    (x->cmd->flags & NSH_CMD_HIDDEN))
				continue;
			offer(&c, verb_main(x->verbs, vb, sizeof(vb)),
			      x->cmd->summary);
		}
		break;
	case ST_ARGS:
		for (int i = 0; i < p.nexp_tab; i++)
			offer_table(sh, &c, &p, p.exp_tab[i]);
		break;
	default:
		break;
	}
	free(a);
}

/* ------------------------------------------------------------ help */

static void usage_table(const struct ipl_table *t, FILE *f, int depth)
{
	for (const struct ipl_opt *o = t->opts; o->kw; o++) {
		char left[96];

		if (o->flags & IPL_ALIAS)
			continue;
		if (o->flags & IPL_NOKW)
			snprintf(left, sizeof(left), "%s", o->arg ? o->arg : "");
		else if (o->flags & IPL_DEFAULT)
			snprintf(left, sizeof(left), "[ %s ] %s", o->kw,
				 o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "%s%s%s", o->kw,
				 o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(f, "%*s%-*s %s\n", 4 + 2 * depth, "", 34 - 2 * depth,
			left, o->help ? o->help : "");
		if (o->sub && depth < 1 && o->sub != t)
			usage_table(o->sub, f, depth + 1);
	}
}

const char *ipl_synopsis(const struct nsh_cmd *cmd, char *buf, size_t len)
{
	size_t o = 0;
	bool opts = false;

	for (const char *p = cmd->syntax; *p && o + 1 < len; p++) {
		if (*p == '/') {	/* aliases are not shown */
			p += strcspn(p, " ") - 1;
			continue;
		}
		if (*p == '=' && p > cmd->syntax && p[-1] == ' ')
			continue;	/* an exact verb: said as it is */
		buf[o++] = *p;
	}
	buf[o] = '\0';
	if (!cmd->opts)
		return buf;
	for (const struct ipl_opt *d = cmd->opts->opts; d->kw; d++) {
		if (!(d->flags & IPL_DEFAULT)) {
			opts |= !(d->flags & IPL_ALIAS);
			continue;
		}
		if (d->flags & IPL_ALIAS)	/* not shown (words ignored) */
			continue;
		if (d->flags & IPL_NOKW)
			o += (size_t)snprintf(buf + o, len - o, " %s%s%s",
					      d->flags & IPL_REQUIRED ? "" : "[ ",
					      d->arg ? d->arg : "",
					      d->flags & IPL_REQUIRED ? "" : " ]");
		else
			o += (size_t)snprintf(buf + o, len - o, " [ %s ] %s",
					      d->kw, d->arg ? d->arg : "");
		if (o >= len)
			return buf;
	}
	if (opts)
		snprintf(buf + o, len - o, " [ OPTION… ]");
	return buf;
}

void ipl_usage_options(const struct nsh_cmd *cmd, FILE *f)
{
	if (cmd->opts)
		usage_table(cmd->opts, f, 0);
}

void ipl_usage(const struct nsh_cmd *cmd, FILE *f)
{
	char buf[256];

	fprintf(f, "  %s\n", ipl_synopsis(cmd, buf, sizeof(buf)));
	ipl_usage_options(cmd, f);
}

static int cmd_help(struct nsh *sh, const struct nsh_args *a)
{
	(void)sh;
	(void)a;
	printf("Type 'help ip', 'help ip link' or 'help ip link add' for the "
	       "commands and their arguments.\n");
	return 0;
}

/* ------------------------------------------------------------ handlers */

int ipl_next(const struct nsh_args *a, int i)
{
	for (i++; i < a->nbind; i++)
		if (a->bind[i].is_kw)
			break;
	return i;
}

const struct nsh_val *ipl_arg(const struct nsh_args *a, int i, int n)
{
	for (int j = i + 1; j < a->nbind && !a->bind[j].is_kw; j++)
		if (n-- == 0)
			return &a->bind[j].v;
	return NULL;
}

int ipl_find(const struct nsh_args *a, int from, int key)
{
	for (int i = from; i < a->nbind; i++)
		if (a->bind[i].is_kw && a->bind[i].opt &&
		    a->bind[i].opt->key == key)
			return i;
	return -1;
}

const struct nsh_val *ipl_get(const struct nsh_args *a, int key)
{
	int i = ipl_find(a, 0, key);

	return i < 0 ? NULL : ipl_arg(a, i, 0);
}

const char *ipl_str(const struct nsh_args *a, int key)
{
	const struct nsh_val *v = ipl_get(a, key);

	return v ? v->text : NULL;
}

bool ipl_has_global(const struct nsh_args *a, const char *kw)
{
	for (int i = 0; i < a->nbind; i++) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (a->bind[i].is_kw && o && o->key >= IPL_KEY_GLOBAL &&
		    streq(o->kw, kw))
			return true;
	}
	return false;
}

/* ------------------------------------------------------------ globals */

static int family_of(const char *w)
{
	static const struct {
		const char *name;
		int af;
	} fams[] = {
		{ "inet", AF_INET }, { "inet6", AF_INET6 },
		{ "link", AF_PACKET }, { "mpls", AF_MPLS },
		{ "bridge", AF_BRIDGE },
	};

	for (size_t i = 0; i < ARRAY_SIZE(fams); i++)
		if (streq(fams[i].name, w))
			return fams[i].af;
	return AF_UNSPEC;
}

const char *ipl_apply_globals(struct nsh *sh, const struct nsh_args *a)
{
	const char *netns = NULL;

	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (!o || o->key < IPL_KEY_GLOBAL)
			continue;
		switch ((enum g_key)o->key) {
		case G_LOOPS: sh->o.loops = v ? (int)v->num : 0; break;
		case G_FAMILY: sh->o.family = v ? family_of(v->text) : 0; break;
		case G_4: sh->o.family = AF_INET; break;
		case G_6: sh->o.family = AF_INET6; break;
		case G_0: sh->o.family = AF_PACKET; break;
		case G_M: sh->o.family = AF_MPLS; break;
		case G_B: sh->o.family = AF_BRIDGE; break;
		case G_HUMAN: sh->o.human = true; break;
		case G_IEC: sh->o.iec = true; break;
		case G_STATS: sh->o.stats++; break;
		case G_DETAILS: sh->o.details++; break;
		case G_RESOLVE: sh->o.resolve = true; break;
		case G_ONELINE: sh->o.oneline = true; break;
		case G_TIMESTAMP: sh->o.timestamp++; break;
		case G_TSHORT: sh->o.timestamp += 2; break;
		case G_FORCE: sh->o.force = true; break;
		case G_BATCH: sh->o.batch = v ? v->text : NULL; break;
		case G_BRIEF: sh->o.brief = true; break;
		case G_JSON: sh->o.json = true; break;
		case G_PRETTY: sh->o.pretty = true; break;
		case G_COLOR: sh->o.color = color_on(a->bind[i].v.text); break;
		case G_NETNS: netns = v ? v->text : NULL; break;
		case G_NUMERIC: sh->o.numeric = true; break;
		case G_ALL: sh->o.all = true; break;
		case G_COMPRESS: sh->o.compress_vlans = true; break;
		default: break;
		}
	}
	return netns;
}
