/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * match_priv.h - the matcher's state over one line, shared by the walk
 * (match.c) and what it tells of the result (match_report.c).
 */
#ifndef NSH_MATCH_PRIV_H
#define NSH_MATCH_PRIV_H

#include "core.h"
#include "grammar.h"

#define MAX_EXPECT 48

struct mctx {
	/* cleared before every walk (m_reset), up to 'expect' */
	char **tok;
	int ntok;
	const struct grow *row;
	int nbind;		/* of the current path */
	int rest_pos;
	/* best complete parse */
	bool have;
	const struct grow *best_row;
	int best_nbind;
	const struct grow *tie_row;
	int best_rest_pos;
	/* the furthest failure, noted only when collecting (error messages:
	 * a line that matches never needs them, so it is walked without) */
	bool collect;
	int far;
	int namedepth;		/* leading command words matched on this path */
	int nexpect;
	int type_err_pos;
	char far_name[64];
	bool overflow;		/* more words than NSH_MAX_BIND bindings */
	/* completion */
	bool completing;
	const char *cprefix;
	cmdtree_add_fn add;
	void *actx;
	struct nsh *sh;
	/* written before they are read (npfx and exact: cleared per word) */
	const char *expect[MAX_EXPECT];
	char type_err[320];
	struct nsh_bind bind[NSH_MAX_BIND];
	signed char score[NSH_MAX_WORDS];
	struct nsh_bind best_bind[NSH_MAX_BIND];
	signed char best_score[NSH_MAX_WORDS];
	size_t toklen[NSH_MAX_WORDS];
	/* unique-prefix bookkeeping, per word */
	const char *pfx[NSH_MAX_WORDS][4];
	unsigned char npfx[NSH_MAX_WORDS];
	bool exact[NSH_MAX_WORDS];
};

/* after the walk C: 0 with *RET filled, or 1 after reporting why the
 * words match no row (or more than one) */
int match_result(struct nsh *sh, const struct mctx *c, struct nsh_args *ret);

#endif
