/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipl.h - iproute2's argument language (`ip`, `bridge`, `tc`), as tables.
 *
 * iproute2 reads the words after a command in a loop: each word is
 * compared with the keywords the command knows, in the order its code
 * lists them, some only exactly (strcmp) and some in any abbreviation
 * (matches(): the first keyword in that order wins); a keyword takes its
 * value words; a word no keyword claims is the command's main argument
 * (the link of `ip link set`, the prefix of `ip route add`).  Arguments
 * come in any order.
 *
 * nsh declares the same loop as a table (struct ipl_table): one row per
 * keyword, in iproute2's order, with how it is matched, the placeholders
 * of its values and what it means.  The one walk over a table (shell/ipl.c;
 * the line around it: shell/ipl_line.c, the roots and their global
 * options: shell/ipl_roots.c) checks a line before it runs, offers the
 * candidates for TAB and `?` (shell/ipl_complete.c), and prints `help`
 * (shell/ipl_help.c); the command's handler then reads the bindings in
 * order.
 *
 * A line is `ROOT [GLOBAL-OPTIONS] OBJECT [VERB [ARGS…]]`; the objects of
 * a root and their verbs are the rows of the command families (nsh_cmd
 * with `opts`) whose syntax is "ROOT OBJECT [VERB[/ALIAS…]]", found in
 * the families' order (an alias written "=lst" is matched exactly).
 */
#ifndef NSH_IPL_H
#define NSH_IPL_H

#include <stdio.h>

#include "nsh.h"

struct ipl_parse;

enum {
	IPL_PREFIX = 1 << 0,	/* any abbreviation names it (matches()) */
	IPL_ONCE = 1 << 1,	/* given twice is an error (iproute2's
				 * duparg) */
	IPL_DEFAULT = 1 << 2,	/* takes a word no keyword claims; its own
				 * keyword is optional */
	IPL_REST = 1 << 3,	/* `sub` takes every remaining word */
	IPL_ALIAS = 1 << 4,	/* another spelling of the row above: not
				 * offered by completion or help */
	IPL_NOKW = 1 << 5,	/* IPL_DEFAULT: positional only, no keyword */
	IPL_MULTI = 1 << 6,	/* IPL_DEFAULT: may take several words */
	IPL_REQUIRED = 1 << 7,	/* the line is incomplete without it */
};

/*
 * One keyword of an argument loop.  ARG is the value words, separated by
 * blanks: a type name ("UINT", "IFNAME"; shell/types.c), choices
 * ("on|off", matched exactly), "[word]" for an optional literal word, or
 * "ARGS..." for the rest of the line.  SUB, when set, is the table of the
 * words that follow the values: the rest of the line (IPL_REST), or until
 * a word SUB does not know.  PARSE replaces the generic handling of the
 * values for the few irregular keywords.
 */
#define IPL_KEY_GLOBAL 10000	/* keys from here on: the global options */

struct ipl_opt {
	const char *kw;		/* NULL ends a table */
	unsigned flags;		/* IPL_* */
	const char *arg;
	int key;		/* for the handler's switch */
	const char *help;	/* one line, lower-case */
	const struct ipl_table *sub;
	int (*parse)(struct ipl_parse *p, const struct ipl_opt *o);
};

struct ipl_table {
	const char *name;	/* "type vxlan", for help */
	const struct ipl_opt *opts;
	/* optional: after a row's table was walked, what its rows cannot
	 * say (a word that is required unless a global option was given:
	 * `ip -all netns delete`); 0, or -1 after ipl_fail */
	int (*check)(struct ipl_parse *p);
};

/* ------------------------------------------------------------ parsing */

/*
 * The walk's state, for PARSE functions: the words, the cursor, the
 * bindings made so far.  When completing, the walk stops at the end of
 * the words and notes what may come there.
 */
struct ipl_parse {
	struct nsh *sh;
	int argc;
	char **argv;
	int i;			/* the next word */
	struct nsh_args *a;
	bool completing;
	/* completion: what may come at the end */
	const struct ipl_table *exp_tab[8];
	int nexp_tab;
	const char *exp_arg;	/* a value: a type name or choices */
	char exp_buf[128];	/* exp_arg's copy: WHAT of ipl_need may be
				 * a word of a buffer that goes */
	const struct ipl_opt *exp_opt;
	const char *root;	/* "ip" */
	const struct nsh_family *fam;	/* the row's: its types first */
	char err[300];		/* the reason, when the walk failed */
	int err_tok;
};

/* a walk's result (and a PARSE function's) when completing reached the
 * end of the words */
#define IPL_END (-2)

/* the next word for O's value of placeholder WHAT, or NULL after noting
 * that it is missing (or, completing, what was expected) */
const char *ipl_need(struct ipl_parse *p, const struct ipl_opt *o,
		     const char *what);
/* bind keyword O (written at word TOK, -1 when implied) */
int ipl_bind_kw(struct ipl_parse *p, const struct ipl_opt *o, int tok);
/* parse word TOK as ARG (a type name or choices) and bind it to O */
int ipl_bind_val(struct ipl_parse *p, const struct ipl_opt *o, const char *arg,
		 int tok);
/* walk table T from p->i: to the end (STOP_UNKNOWN false) or to the first
 * word T does not know; 0, or -1 with p->err set */
int ipl_walk(struct ipl_parse *p, const struct ipl_table *t, bool stop_unknown);
/* the line is not nsh's to do natively (an XDP program, a kind nsh does
 * not know with arguments): the real program runs it (or, with --native,
 * it is refused) */
void ipl_fallback(struct ipl_parse *p);
/* fail at word TOK with a reason */
int ipl_fail(struct ipl_parse *p, int tok, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#ifdef __clang_analyzer__	/* as nsh_err's (nsh.h) */
#define ipl_fail(p, ...) (ipl_fail(p, __VA_ARGS__), -1)
#endif
/* does WORD name O (exactly, or as an abbreviation when IPL_PREFIX)? */
bool ipl_names(const struct ipl_opt *o, const char *word);
/* iproute2's matches(): WORD is a non-empty prefix of KW */
bool ipl_matches(const char *word, const char *kw);

/* ------------------------------------------------------------ handlers */

/*
 * In a handler, the bindings of an ipl row come in the order of the
 * words: each option is one keyword binding (is_kw, opt set; v.text
 * NULL when the keyword was implied, as for a bare link name) followed by
 * its values.  Walk them with:
 *
 *	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
 *		const struct ipl_opt *o = a->bind[i].opt;
 *		const struct nsh_val *v = ipl_arg(a, i, 0);
 *		switch (o->key) …
 *	}
 */
int ipl_next(const struct nsh_args *a, int i);
/* the N-th value of the option whose keyword binding is I, or NULL */
const struct nsh_val *ipl_arg(const struct nsh_args *a, int i, int n);
/* the first option with KEY in A from binding FROM on (-1: none) */
int ipl_find(const struct nsh_args *a, int from, int key);
/* its first value (NULL if none or not given) */
const struct nsh_val *ipl_get(const struct nsh_args *a, int key);
/* the text of that value, or NULL */
const char *ipl_str(const struct nsh_args *a, int key);
/* was the global option KW ("-all", as its table spells it) given? */
bool ipl_has_global(const struct nsh_args *a, const char *kw);

/* ------------------------------------------------------------ the shell */

bool ipl_is_root(const char *word);
/* does WORD name an object of ROOT ("ip": link, a, neigh…)? */
bool ipl_is_object(const char *root, const char *word);
/* the type of the value of ROOT's global option WORD ("NSREF" for -n),
 * NULL when it is none or takes none */
const char *ipl_global_arg(const char *root, const char *word);
int ipl_init(const struct nsh_family *const *families);
int ipl_match(struct nsh *sh, int argc, char **argv, struct nsh_args *ret);
void ipl_complete(struct nsh *sh, int argc, char **argv, const char *prefix,
		  void (*add)(void *ctx, const char *word, const char *help),
		  void *ctx);
/* an ipl row's synopsis: "ip link set [ dev ] DEV [ OPTION… ]" */
const char *ipl_synopsis(const struct nsh_cmd *cmd, char *buf, size_t len);
/* `help` for an ipl row: its synopsis and its options, from its table */
void ipl_usage(const struct nsh_cmd *cmd, FILE *f);
void ipl_usage_options(const struct nsh_cmd *cmd, FILE *f);
/* apply the global options bound in A (-j, -d, -4…) to SH->o; the
 * namespace of -n, or NULL */
const char *ipl_apply_globals(struct nsh *sh, const struct nsh_args *a);

#endif
