/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * grammar.h - the compiled form of the command declarations, shared by
 * the compiler (grammar.c) and the matcher (match.c).
 *
 * A row's syntax ("netns add NSNAME$name [ OPTION ]") becomes a sequence
 * of nodes: keyword, placeholder, optional group, choice group, any-order
 * repeated group; a group holds its alternatives, each a sequence.
 */
#ifndef NSH_GRAMMAR_H
#define NSH_GRAMMAR_H

#include "nsh.h"

enum gkind { G_KW, G_PH, G_OPT, G_GRP, G_REP };

#define MAX_ALTS 32		/* alternatives in one group */

struct gnode {
	enum gkind kind;
	char *word;		/* G_KW: keyword; G_PH: binding name */
	size_t wlen;		/* G_KW: strlen(word) */
	char afirst[8];		/* G_KW: the first letters of the aliases */
	char *alias;		/* G_KW: hidden exact abbreviation */
	bool root;		/* G_KW: first word, exact match only */
	bool inname;		/* G_KW: one of the leading command words */
	bool lastname;		/* G_KW: the last of them */
	const struct nsh_type *type;	/* G_PH */
	struct gnode **alts;	/* groups: alternative sequences */
	int nalts;
	bool kwonly;		/* groups: every alternative starts with a
				 * keyword, whose first letters are in first */
	unsigned char first[32];
	struct gnode *next;
};

struct grow {
	const struct nsh_cmd *cmd;
	const struct nsh_family *fam;
	struct gnode *seq;	/* NULL: a row of iproute2's roots (ipl.c) */
	char name[64];		/* leading keywords: "ip link add" */
};

/* the compiled rows, in the families' order; *N their number */
const struct grow *grammar_rows(int *n);

/* may group G's alternatives start with a word whose first byte is CH? */
static inline bool first_has(const struct gnode *g, unsigned char ch)
{
	return g->first[ch / 8] & (1u << (ch % 8));
}

#endif
