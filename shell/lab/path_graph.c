/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * path_graph.c - the layer-2 graph of the path finder (path_priv.h):
 * every link of every namespace is a node; a veth pair is an edge, and so
 * is a bridge port's membership of its bridge.  The shortest path through
 * it (breadth first), and the links that hold an address.  Reads the
 * model only.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>

#include "nsh.h"
#include "path_priv.h"
#include "view.h"

/* path_graph_build: see path_priv.h */
void path_graph_build(struct graph *g, struct model *m, path_state_fn *state)
{
	int n = 0;

	for (int i = 0; i < m->nns; i++)
		n += m->ns[i]->nlinks;
	g->m = m;
	g->state = state;
	g->ns = xmalloc(sizeof(*g->ns) * (size_t)(n + 1));
	g->l = xmalloc(sizeof(*g->l) * (size_t)(n + 1));
	g->prev = xmalloc(sizeof(*g->prev) * (size_t)(n + 1));
	for (int i = 0; i < m->nns; i++)
		for (int k = 0; k < m->ns[i]->nlinks; k++) {
			g->ns[g->n] = m->ns[i];
			g->l[g->n++] = &m->ns[i]->links[k];
		}
}

/* path_graph_free: see path_priv.h */
void path_graph_free(struct graph *g)
{
	free(g->ns);
	free(g->l);
	free(g->prev);
}

/* the node of link L (in the model's own array), or -1 */
static int node_of(const struct graph *g, const struct model_link *l)
{
	for (int i = 0; i < g->n; i++)
		if (g->l[i] == l)
			return i;
	return -1;
}

/* path_node_by_index: see path_priv.h */
int path_node_by_index(const struct graph *g, struct model_ns *ns,
		       int ifindex)
{
	const struct model_link *l = model_link_by_index(ns, ifindex);

	return l ? node_of(g, l) : -1;
}

/* path_node_ok: see path_priv.h */
bool path_node_ok(const struct graph *g, int u)
{
	return show_carrier(g->m, g->ns[u], g->l[u]);
}

/* path_endpoint: see path_priv.h */
bool path_endpoint(const struct graph *g, int u)
{
	return !g->l[u]->master && !(g->l[u]->flags & IFF_LOOPBACK);
}

/* the layer-2 neighbours of U: its veth peer, its bridge, or a bridge's
 * ports; *RET (up to MAX) */
static int neighbours(const struct graph *g, int u, int *ret, int max)
{
	const struct model_link *l = g->l[u], *ml;
	struct model_ns *pns;
	struct model_link *pl;
	int n = 0;

	if (show_peer(g->m, g->ns[u], l, &pns, &pl))
		ret[n++] = node_of(g, pl);
	if (l->master && (ml = model_link_by_index(g->ns[u], l->master)) &&
	    streq(ml->kind, "bridge"))
		ret[n++] = node_of(g, ml);
	if (streq(l->kind, "bridge"))
		for (int i = 0; i < g->ns[u]->nlinks && n < max; i++)
			if (g->ns[u]->links[i].master == l->ifindex)
				ret[n++] = node_of(g, &g->ns[u]->links[i]);
	return n;
}

/* path_bfs: see path_priv.h */
int path_bfs(struct graph *g, const int *start, int nstart, const char *goal,
	     bool ok_only, int *path)
{
	int *queue = xmalloc(sizeof(*queue) * (size_t)(g->n + 1));
	int *nb = xmalloc(sizeof(*nb) * (size_t)(g->n + 2));
	int head = 0, tail = 0, found = -1, len = 0;

	for (int i = 0; i < g->n; i++)
		g->prev[i] = -2;	/* unseen */
	for (int i = 0; i < nstart; i++)
		if (g->prev[start[i]] == -2 &&
		    (!ok_only || path_node_ok(g, start[i]))) {
			g->prev[start[i]] = -1;
			queue[tail++] = start[i];
		}
	while (head < tail && found < 0) {
		int u = queue[head++], nn;

		if (goal[u]) {
			found = u;
			break;
		}
		nn = neighbours(g, u, nb, g->n + 2);
		for (int i = 0; i < nn; i++) {
			int v = nb[i];

			if (v < 0 || g->prev[v] != -2 ||
			    (ok_only && !path_node_ok(g, v)))
				continue;
			g->prev[v] = u;
			queue[tail++] = v;
		}
	}
	free(queue);
	free(nb);
	if (found < 0)
		return 0;
	for (int u = found; u >= 0; u = g->prev[u])
		len++;
	for (int u = found, i = len - 1; u >= 0; u = g->prev[u])
		path[i--] = u;
	return len;
}

/* ------------------------------------------------------------ addresses */

/* path_node_addr: see path_priv.h */
const struct model_addr *path_node_addr(const struct graph *g, int u,
					int family, int skip)
{
	struct model_ns *ns = g->ns[u];

	for (int i = 0; i < ns->naddrs; i++) {
		const struct model_addr *a = &ns->addrs[i];

		if (a->ifindex == g->l[u]->ifindex && !show_link_local(a) &&
		    (!family || a->family == family) && skip-- == 0)
			return a;
	}
	return NULL;
}

/* mark in GOAL the links that hold address IP (FAMILY); how many */
int path_owners(struct graph *g, int family, const unsigned char *ip,
		char *goal)
{
	size_t len = family == AF_INET6 ? 16 : 4;
	int n = 0;

	memset(goal, 0, (size_t)g->n + 1);
	for (int i = 0; i < g->m->nns; i++) {
		struct model_ns *ns = g->m->ns[i];

		for (int k = 0; k < ns->naddrs; k++) {
			const struct model_addr *a = &ns->addrs[k];
			int u;

			if (a->family == family && !memcmp(a->addr, ip, len) &&
			    (u = path_node_by_index(g, ns, a->ifindex)) >= 0) {
				goal[u] = 1;
				n++;
			}
		}
	}
	return n;
}

/* the first node marked in GOAL that is in NS, or -1 */
int path_owned_in(const struct graph *g, const char *goal,
		  struct model_ns *ns)
{
	for (int u = 0; u < g->n; u++)
		if (goal[u] && g->ns[u] == ns)
			return u;
	return -1;
}
