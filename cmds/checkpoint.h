/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * checkpoint.h - undo at the prompt: what cmds/checkpoint.c (the states,
 * the commands), cmds/checkpoint_line.c (a state's lines, read) and
 * cmds/checkpoint_diff.c (going from one to another) share.
 */
#ifndef NSH_CHECKPOINT_H
#define NSH_CHECKPOINT_H

#include <stdbool.h>
#include <time.h>

#include "nsh.h"

struct snap {
	char name[64];
	time_t when;
	char **lines;		/* running-config, without comments */
	int n;
};


/* applying a plan: no snapshot is taken meanwhile */
extern bool checkpoint_busy;

void snap_free(struct snap *s);
/* S := the running-config now; 0, or 1 after reporting */
int snap_take(struct nsh *sh, struct snap *s, const char *name);
bool snap_same(const struct snap *a, const struct snap *b);
unsigned long long now_ns(void);

enum ltype {
	L_OTHER, L_NS, L_SPAWN, L_LINK, L_MTU, L_MASTER, L_ADDR, L_UP,
	L_ROUTE, L_SYSCTL,
};

/* a running-config line, as far as going back needs it
 * (cmds/checkpoint_line.c) */
struct pline {
	const char *text;
	enum ltype type;
	char ns[256];		/* its namespace's word, "" for the host */
	char link[64];		/* the link it is about, or "" */
	char peer_ns[256];	/* a veth's other end */
	char peer[64];
	char key[400];		/* the attribute it sets (mtu, master, …) */
	char undo[1024];	/* the line that takes it back */
};

/* the lines of S, read: S->n of them (free the array) */
struct pline *snap_parse(const struct snap *s);

/*
 * go_to - bring the lab to TARGET (called WHAT in messages), telling what
 * changed (+ - ~ lines); 0, or 1 after reporting that it could not
 */
int go_to(struct nsh *sh, const struct snap *target, const char *what);

#endif
