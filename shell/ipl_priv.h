/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipl_priv.h - what the files of iproute2's argument language share: the
 * roots (ipl_roots.c), the rows and the walk of a line (ipl_line.c), the
 * walk of a table (ipl.c), completion (ipl_complete.c) and usage
 * (ipl_help.c).
 */
#ifndef NSH_IPL_PRIV_H
#define NSH_IPL_PRIV_H

#include <limits.h>

#include "ipl.h"

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
	G_RAW, G_GRAPH, G_NAMES, G_CONF, G_HOST,
};

struct ipl_root {
	const char *name;
	const char *summary;
	const struct ipl_opt *globals;
	const struct ipl_object *objects;
	bool dashdash;		/* "--json" is read as "-json" */
	const char *prog;	/* the real program, for what is not native */
};

/* a row of the families: "ROOT OBJECT [VERB[/ALIAS…]]" */
struct irow {
	const struct nsh_cmd *cmd;
	const struct nsh_family *fam;
	const struct ipl_root *root;
	char object[24];
	char verbs[64];		/* "show/list/=lst", "" for none */
};

/* completion: where the words ended */
enum stage { ST_NONE, ST_GLOBAL, ST_OBJECT, ST_VERB, ST_ARGS };

struct line {
	const struct ipl_root *root;
	const struct ipl_object *obj;
	int obj_at;		/* the word that named the object */
	const struct irow *row;
	enum stage end;		/* completing: what may come at the end */
};

#define WALK_ON INT_MIN	/* a walk_* step: go on to the next */

/* ipl_roots.c: the root named WORD, or NULL; all of them (*N) */
const struct ipl_root *ipl_root_of(const char *word);
const struct ipl_root *ipl_roots(size_t *n);
/* the global option of R that WORD names, in R's order */
const struct ipl_opt *ipl_find_global(const struct ipl_root *r,
				      const char *word);
/* the object of R that WORD names (any abbreviation, R's order) */
const struct ipl_object *ipl_find_object(const struct ipl_root *r,
					 const char *word);

/* ipl_line.c: the rows of the roots (*N of them) */
const struct irow *ipl_rows(int *n);
/* the row of ROOT OBJECT VERB (VERB NULL: the row without a verb) */
const struct irow *ipl_find_row(const struct ipl_root *r, const char *object,
				const char *verb);
bool ipl_has_rows(const struct ipl_root *r, const char *object);
/* the first verb of VERBS ("show/list/=lst"), for messages and help */
const char *ipl_verb_main(const char *verbs, char *buf, size_t len);
void ipl_parse_init(struct ipl_parse *p, struct nsh *sh, int argc,
		    char **argv, struct nsh_args *a);
/* the whole line: globals, object, verb, the row's words */
int ipl_walk_line(struct ipl_parse *p, struct line *l);

/* ipl.c: the type ARG, FAM's own first */
const struct nsh_type *ipl_find_type(const struct nsh_family *fam,
				     const char *arg);
/* is ARG choices ("on|off") rather than a type name? */
bool ipl_is_choices(const char *arg);
/* the first default row of T that may still take a word (the bindings
 * from BASE on are this walk's) */
const struct ipl_opt *ipl_free_default(const struct ipl_parse *p,
				       const struct ipl_table *t, int base);
/* the values of O as its ARG describes them, from p->i on */
int ipl_parse_values(struct ipl_parse *p, const struct ipl_opt *o);

/* ipl_help.c: `ROOT help`, `ROOT OBJECT help`: the usage */
extern const struct nsh_cmd ipl_help_cmd;

#endif
