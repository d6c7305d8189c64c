/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipl_roots.c - iproute2's roots, `ip`, `bridge` and `tc`: their global
 * options in each program's order (any abbreviation, the first in that
 * order wins: `-n` is -netns, `-b` -batch, `-h` -human), their objects
 * in its table order (`ip n` is neighbor, `ip net` netns), and how the
 * options given on a line set the shell's (sh->o) before the handler runs.
 *
 * The options belong to a root, not to a family: ip's are those of every
 * family of `ip` (link, address, route, rule, neigh, nexthop, netns,
 * monitor), and what they mean is the shell's state (sh->o, the namespace
 * of -n) and the walk's (-batch, -Version, -help).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "core.h"
#include "ipl_priv.h"
#include "term.h"

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
	/* nsh's: after iproute2's, so that none of theirs changes meaning */
	GOPT("-Host", IPL_PREFIX, "WORD", G_HOST, "run the line on that host "
						  "of the lab (host NAME …)"),
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

static const struct ipl_root roots[] = {
	{ "ip", "iproute2's ip: link, address, route, rule, neigh, "
		"nexthop, netns", ip_globals, ip_objects, true, "ip" },
	{ "bridge", "iproute2's bridge: link, fdb, vlan", bridge_globals,
	  bridge_objects, true, "bridge" },
	{ "tc", "iproute2's tc: qdisc, class", tc_globals, tc_objects, false,
	  "tc" },
};

const struct ipl_root *ipl_root_of(const char *word)
{
	for (size_t i = 0; i < ARRAY_SIZE(roots); i++)
		if (streq(roots[i].name, word))
			return &roots[i];
	return NULL;
}

const struct ipl_root *ipl_roots(size_t *n)
{
	*n = ARRAY_SIZE(roots);
	return roots;
}

bool ipl_is_root(const char *word)
{
	return ipl_root_of(word) != NULL;
}

/* ------------------------------------------------------------ options */

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
const struct ipl_opt *ipl_find_global(const struct ipl_root *r,
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

const struct ipl_object *ipl_find_object(const struct ipl_root *r,
					 const char *word)
{
	for (const struct ipl_object *o = r->objects; o->name; o++)
		if (ipl_matches(word, o->name))
			return o;
	return NULL;
}

const char *ipl_global_arg(const char *root, const char *word)
{
	const struct ipl_root *r = ipl_root_of(root);
	const struct ipl_opt *o = r && word[0] == '-' ? ipl_find_global(r, word)
						     : NULL;

	return o ? o->arg : NULL;
}

bool ipl_is_object(const char *root, const char *word)
{
	const struct ipl_root *r = ipl_root_of(root);

	return r && ipl_find_object(r, word) != NULL;
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

