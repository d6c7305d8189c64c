/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show_topo.h - what the two halves of `show topology` share: the lab as
 * a list of links in drawing order (show_topo.c builds it, and prints it
 * as JSON or DOT), and the terminal drawing (show_topo_draw.c).
 */
#ifndef NSH_SHOW_TOPO_H
#define NSH_SHOW_TOPO_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "view.h"

/* one link of the picture, in drawing order */
struct tnode {
	struct model_ns *ns;
	const struct model_link *l;
	const char *kind;	/* its l->kind */
	int depth;		/* 0, or 1 + its master's for a port */
	bool last;		/* the last port of its master */
	int peer;		/* veth: the node of its peer; -1 unknown */
	int row;		/* text: its line (-1: not drawn) */
};

struct topo {
	struct model *m;
	struct model_ns **nss;
	struct tnode *v;
	int n, cap;
	int *first;		/* first node of each namespace (nns + 1) */
};

/* node ND is up with a carrier */
static inline bool topo_ok(const struct topo *t, const struct tnode *nd)
{
	return show_carrier(t->m, nd->ns, nd->l);
}

/* ND's addresses (not the IPv6 link-local ones unless ALL), as
 * "a/n b/n" */
static inline const char *topo_addrs(const struct tnode *nd, bool all,
				     char *buf, size_t len)
{
	return show_addrs(nd->ns, nd->l->ifindex, all, " ", buf, len);
}

/* show topology: the drawing on the terminal */
void topo_text(struct topo *t);

#endif
