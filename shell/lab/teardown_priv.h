/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * teardown_priv.h - what teardown.c (the notes, the wait) and
 * teardown_watch.c (one watched namespace's wait) share and no other file
 * uses.
 */
#ifndef NSH_TEARDOWN_PRIV_H
#define NSH_TEARDOWN_PRIV_H

#include <stdlib.h>
#include <time.h>

#include "nsh.h"

#define WAIT_SECONDS 10

/* a set of ints (ifindexes, nsids, descriptors) */
struct intset {
	int *v;
	int n, cap;
};

static inline bool intset_has(const struct intset *s, int x)
{
	for (int i = 0; i < s->n; i++)
		if (s->v[i] == x)
			return true;
	return false;
}

static inline int intset_add(struct intset *s, int x)
{
	if (s->n == s->cap) {
		int nc = s->cap ? s->cap * 2 : 64;
		int *v = realloc(s->v, sizeof(*v) * (size_t)nc);

		if (!v)
			return -1;
		s->v = v;
		s->cap = nc;
	}
	s->v[s->n++] = x;
	return 0;
}

static inline void intset_del(struct intset *s, int x)
{
	for (int i = 0; i < s->n; i++)
		if (s->v[i] == x) {
			s->v[i] = s->v[--s->n];
			return;
		}
}

/* a namespace whose veths had their peers in deleted namespaces */
struct watch {
	struct nsh_ns ns;	/* own fd */
	struct intset nsids;	/* the nsids it gave those namespaces */
};

/* teardown.c: the seconds since T0 (CLOCK_MONOTONIC) */
double teardown_since(const struct timespec *t0);
/* warn that link IFINDEX of NS outlived the wait */
void teardown_warn_left(struct nsh *sh, const struct nsh_ns *ns, int ifindex);

/* teardown_watch.c: wait until the peers of deleted namespaces in W are
 * gone, up to START + WAIT_SECONDS: 0, or 1 after a warning */
int teardown_watch_wait(struct nsh *sh, const struct watch *w,
			const struct timespec *start);

#endif
