/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * checkpoint.h - undo at the prompt: what cmds/checkpoint.c (the states,
 * the commands) and cmds/checkpoint_diff.c (going from one to another)
 * share.
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

/*
 * go_to - bring the lab to TARGET (called WHAT in messages), telling what
 * changed (+ - ~ lines); 0, or 1 after reporting that it could not
 */
int go_to(struct nsh *sh, const struct snap *target, const char *what);

#endif
