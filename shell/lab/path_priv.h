/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * path_priv.h - what the two halves of the path finder share: the
 * layer-2 graph of the model's links and the search through it
 * (path_graph.c), used by the finder itself (path.c).
 *
 * Every link of every namespace is a node; a veth pair is an edge, and so
 * is a bridge port's membership of its bridge.
 */
#ifndef NSH_PATH_PRIV_H
#define NSH_PATH_PRIV_H

#include <stdbool.h>

#include "model.h"
#include "path.h"

struct graph {
	struct model *m;
	path_state_fn *state;		/* the views' word for a state */
	struct model_ns **ns;		/* of each node */
	struct model_link **l;		/* of each node */
	int n;
	int *prev;			/* BFS scratch */
};

/* every link of M as a node (free with path_graph_free) */
void path_graph_build(struct graph *g, struct model *m, path_state_fn *state);
void path_graph_free(struct graph *g);
/* the node of link IFINDEX of NS, or -1 */
int path_node_by_index(const struct graph *g, struct model_ns *ns,
		       int ifindex);
/* node U is up with a carrier */
bool path_node_ok(const struct graph *g, int u);
/* an end of a namespace's traffic: not a bridge port, not loopback */
bool path_endpoint(const struct graph *g, int u);
/* the SKIPth non-link-local address of node U of FAMILY (any when 0), or
 * NULL */
const struct model_addr *path_node_addr(const struct graph *g, int u,
					int family, int skip);
/* mark in GOAL the links that hold address IP (FAMILY); how many */
int path_owners(struct graph *g, int family, const unsigned char *ip,
		char *goal);
/* the first node marked in GOAL that is in NS, or -1 */
int path_owned_in(const struct graph *g, const char *goal,
		  struct model_ns *ns);
/*
 * path_bfs - the shortest layer-2 path from one of START (NSTART nodes,
 * tried in order) to a node marked in GOAL, through links that are up
 * with a carrier when OK_ONLY.  Fills PATH (start first) and returns its
 * length, or 0 when there is none.
 */
int path_bfs(struct graph *g, const int *start, int nstart, const char *goal,
	     bool ok_only, int *path);

#endif
