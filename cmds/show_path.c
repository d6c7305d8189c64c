/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show_path.c - `show path NSREF TARGET`: the layer-2/3 path from a
 * namespace to another namespace or to an address, hop by hop, the way the
 * tutorials draw it (ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔
 * ns2:veth-ns2), and where and why it is broken.  Reads the model only.
 *
 * The layer-2 graph: every link of every namespace is a node; a veth pair
 * is an edge, and so is a bridge port's membership of its bridge.  A path
 * is first sought through links that are up with a carrier; failing that,
 * through any, and then each hop that is down says why.  For an address,
 * the namespace's routes are followed (longest prefix first; its own
 * subnets count as connected) from router to router.  The finder is
 * path_find() (show.h), which `why` uses too.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "model.h"
#include "show.h"
#include "term.h"

/*
 * show_ns_ref - the namespace REF names in the model: a /run/netns name or
 * a label, "host" (when no namespace is called that), or the PID of a
 * process in one.  NULL after reporting "'REF': no such namespace".
 */
struct model_ns *show_ns_ref(struct nsh *sh, struct model *m,
			     const char *ref)
{
	enum model_ref_why why;
	const char *bad;
	struct model_ns *ns = model_ns_ref(m, ref, &why, &bad);

	if (ns)
		return ns;
	if (why == MODEL_REF_NO_PROCESS)
		nsh_err(sh, "'%s': no such namespace or process", ref);
	else if (why == MODEL_REF_NOT_MODELLED)
		nsh_err(sh, "'%s': that process's namespace is not in the "
			    "model", ref);
	else
		nsh_err(sh, "'%s': no such namespace%s", ref,
			ns_missing_hint(ref));
	return NULL;
}

/* ------------------------------------------------------------ the graph */

struct graph {
	struct model *m;
	struct model_ns **ns;		/* of each node */
	struct model_link **l;		/* of each node */
	int n;
	int *prev;			/* BFS scratch */
};

static void graph_build(struct graph *g, struct model *m)
{
	int n = 0;

	for (int i = 0; i < m->nns; i++)
		n += m->ns[i]->nlinks;
	g->m = m;
	g->ns = malloc(sizeof(*g->ns) * (size_t)(n + 1));
	g->l = malloc(sizeof(*g->l) * (size_t)(n + 1));
	g->prev = malloc(sizeof(*g->prev) * (size_t)(n + 1));
	if (!g->ns || !g->l || !g->prev)
		abort();
	for (int i = 0; i < m->nns; i++)
		for (int k = 0; k < m->ns[i]->nlinks; k++) {
			g->ns[g->n] = m->ns[i];
			g->l[g->n++] = &m->ns[i]->links[k];
		}
}

static void graph_free(struct graph *g)
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

static int node_by_index(const struct graph *g, struct model_ns *ns,
			 int ifindex)
{
	const struct model_link *l = model_link_by_index(ns, ifindex);

	return l ? node_of(g, l) : -1;
}

/* node U is up with a carrier */
static bool link_ok(const struct graph *g, int u)
{
	return show_carrier(g->m, g->ns[u], g->l[u]);
}

/* an end of a namespace's traffic: not a bridge port, not loopback */
static bool endpoint(const struct graph *g, int u)
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

/*
 * bfs - the shortest layer-2 path from one of START (NSTART nodes, tried
 * in order) to a node marked in GOAL, through links that are up with a
 * carrier when OK_ONLY.  Fills PATH (start first) and returns its length,
 * or 0 when there is none.
 */
static int bfs(struct graph *g, const int *start, int nstart,
	       const char *goal, bool ok_only, int *path)
{
	int *queue = malloc(sizeof(*queue) * (size_t)(g->n + 1));
	int *nb = malloc(sizeof(*nb) * (size_t)(g->n + 2));
	int head = 0, tail = 0, found = -1, len = 0;

	if (!queue || !nb)
		abort();
	for (int i = 0; i < g->n; i++)
		g->prev[i] = -2;	/* unseen */
	for (int i = 0; i < nstart; i++)
		if (g->prev[start[i]] == -2 &&
		    (!ok_only || link_ok(g, start[i]))) {
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
			    (ok_only && !link_ok(g, v)))
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

/* ------------------------------------------------------------ the answer */

struct answer {
	int *hops;
	bool *routed;		/* routed[i]: a router between hop i-1 and i */
	int nhops;
	int owner;		/* the node that has the target, or -1 */
	char notes[8][320];
	int nnotes;
	struct {
		enum path_fault fault;
		struct model_ns *ns;
		int node;		/* -1: the namespace as a whole */
		char reason[256];
		char line[700];
	} brk[16];
	int nbrk;
};

/* room for the hops of up to 8 routers' segments and more */
static void answer_init(struct answer *r, const struct graph *g)
{
	r->owner = -1;
	r->hops = malloc(sizeof(*r->hops) * (size_t)(g->n + 2) * 10);
	r->routed = malloc(sizeof(*r->routed) * (size_t)(g->n + 2) * 10);
	if (!r->hops || !r->routed)
		abort();
}

static void answer_free(struct answer *r)
{
	free(r->hops);
	free(r->routed);
}

static void note(struct answer *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void note(struct answer *r, const char *fmt, ...)
{
	va_list ap;

	if (r->nnotes == ARRAY_SIZE(r->notes))
		return;
	va_start(ap, fmt);
	vsnprintf(r->notes[r->nnotes++], sizeof(r->notes[0]), fmt, ap);
	va_end(ap);
}

/* the path is broken (FAULT) in NS at node U (-1: the namespace as a
 * whole): REASON, and the text output says FMT… */
static void broken(struct answer *r, enum path_fault fault,
		   struct model_ns *ns, int u, const char *reason,
		   const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
static void broken(struct answer *r, enum path_fault fault,
		   struct model_ns *ns, int u, const char *reason,
		   const char *fmt, ...)
{
	va_list ap;

	if (r->nbrk == ARRAY_SIZE(r->brk))
		return;
	r->brk[r->nbrk].fault = fault;
	r->brk[r->nbrk].ns = ns;
	r->brk[r->nbrk].node = u;
	snprintf(r->brk[r->nbrk].reason, sizeof(r->brk[0].reason), "%s",
		 reason);
	va_start(ap, fmt);
	vsnprintf(r->brk[r->nbrk++].line, sizeof(r->brk[0].line), fmt, ap);
	va_end(ap);
}

static void add_hops(struct answer *r, const int *path, int len, bool routed)
{
	for (int i = 0; i < len; i++) {
		r->hops[r->nhops] = path[i];
		r->routed[r->nhops++] = routed && i == 0;
	}
}

/* every hop that is down says why: the links that are administratively
 * down; the ones without a carrier only when nothing else is down (a veth
 * loses its carrier when its peer goes down) */
static void check_hops(struct graph *g, struct answer *r)
{
	int down = 0;

	for (int i = 0; i < r->nhops; i++) {
		int u = r->hops[i];

		if (!(g->l[u]->flags & IFF_UP)) {
			broken(r, PATH_DOWN, g->ns[u], u, "admin down",
			       "broken at %s (%s): admin down",
			       g->l[u]->name, model_ns_label(g->ns[u]));
			down++;
		}
	}
	for (int i = 0; i < r->nhops && !down; i++) {
		int u = r->hops[i];
		struct model_ns *pns;
		struct model_link *pl;
		char why[256];

		if (link_ok(g, u))
			continue;
		if (show_peer(g->m, g->ns[u], g->l[u], &pns, &pl))
			snprintf(why, sizeof(why), "no carrier (its peer %s:%s "
				 "is %s)", model_ns_label(pns), pl->name,
				 show_state(g->m, pns, pl));
		else
			snprintf(why, sizeof(why), "no carrier");
		broken(r, PATH_NO_CARRIER, g->ns[u], u, why,
		       "broken at %s (%s): %s",
		       g->l[u]->name, model_ns_label(g->ns[u]), why);
	}
}

/* ------------------------------------------------------------ namespaces */

/* a non-link-local address of node U of FAMILY (any when 0), or NULL */
static const struct model_addr *addr_of(const struct graph *g, int u,
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

/* a note when the two ends of a layer-2 path share no subnet */
static void check_subnet(struct graph *g, struct answer *r, int a, int b)
{
	const struct model_addr *x, *y;
	char esc[64];

	if (!addr_of(g, a, 0, 0) || !addr_of(g, b, 0, 0)) {
		int u = addr_of(g, a, 0, 0) ? b : a;

		note(r, "%s:%s has no address: ping needs one at each end",
		     model_ns_label(g->ns[u]),
		     str_escape(g->l[u]->name, esc, sizeof(esc)));
		return;
	}
	for (int i = 0; (x = addr_of(g, a, 0, i)); i++)
		for (int k = 0; (y = addr_of(g, b, x->family, k)); k++)
			if (x->plen == y->plen &&
			    show_same_prefix(x->addr, y->addr, x->plen))
				return;
	note(r, "the two ends have no subnet in common: they need routes to "
		"reach each other");
}

/* NSREF to namespace B */
static void path_to_ns(struct graph *g, struct answer *r, struct model_ns *a,
		       struct model_ns *b)
{
	int *start = malloc(sizeof(*start) * (size_t)(g->n + 1));
	char *goal = calloc((size_t)g->n + 1, 1);
	int nstart = 0, len;

	if (!start || !goal)
		abort();
	/* the ends that carry addresses first */
	for (int pass = 0; pass < 2; pass++)
		for (int u = 0; u < g->n; u++)
			if (g->ns[u] == a && endpoint(g, u) &&
			    (addr_of(g, u, 0, 0) == NULL) == pass)
				start[nstart++] = u;
	for (int u = 0; u < g->n; u++)
		goal[u] = g->ns[u] == b && endpoint(g, u);
	len = bfs(g, start, nstart, goal, true, r->hops);
	if (!len)
		len = bfs(g, start, nstart, goal, false, r->hops);
	if (len) {
		for (int i = 0; i < len; i++)
			r->routed[i] = false;
		r->nhops = len;
		r->owner = r->hops[len - 1];
		check_hops(g, r);
		check_subnet(g, r, r->hops[0], r->hops[len - 1]);
	} else {
		broken(r, PATH_NO_CABLE, a, -1,
		       "no bridge or cable to the other namespace",
		       "%s and %s share no bridge or cable", model_ns_label(a),
		       model_ns_label(b));
	}
	free(start);
	free(goal);
}

/* an address of NS to route to: on a link that ends traffic, IPv4 first */
static bool ns_address(const struct graph *g, struct model_ns *ns,
		       struct nsh_prefix *ret)
{
	const struct model_addr *a = NULL;

	for (int fam = AF_INET; fam && !a; fam = fam == AF_INET ? AF_INET6 : 0)
		for (int u = 0; u < g->n && !a; u++)
			if (g->ns[u] == ns && endpoint(g, u))
				a = addr_of(g, u, fam, 0);
	if (!a)
		return false;
	memset(ret, 0, sizeof(*ret));
	ret->family = a->family;
	memcpy(ret->addr, a->addr, sizeof(ret->addr));
	ret->len = a->family == AF_INET ? 32 : 128;
	return true;
}

/* ------------------------------------------------------------ addresses */

/* show_route_lookup - the way NS sends to X: its longest matching prefix
 * in the main table (its own subnets are connected routes); false: none */
bool show_route_lookup(struct model_ns *ns, const struct nsh_prefix *x,
		       struct show_route *ret)
{
	bool found = false;

	for (int i = 0; i < ns->naddrs; i++) {
		const struct model_addr *a = &ns->addrs[i];

		if (a->family != x->family ||
		    !show_same_prefix(a->addr, x->addr, a->plen) ||
		    (found && a->plen <= ret->plen))
			continue;
		*ret = (struct show_route){ .oif = a->ifindex, .plen = a->plen,
					   .type = RTN_UNICAST };
		found = true;
	}
	for (int i = 0; i < ns->nroutes; i++) {
		const struct model_route *rt = &ns->routes[i];

		if (rt->family != x->family || rt->table != RT_TABLE_MAIN ||
		    !show_same_prefix(rt->dst, x->addr, rt->dst_len) ||
		    (found && rt->dst_len < ret->plen) ||
		    (found && rt->dst_len == ret->plen &&
		     (!ret->r || rt->priority >= ret->r->priority)))
			continue;
		*ret = (struct show_route){
			.oif = rt->oif, .has_gw = rt->has_gw,
			.plen = rt->dst_len, .type = rt->type, .r = rt,
		};
		memcpy(ret->gw, rt->gw, sizeof(ret->gw));
		found = true;
	}
	return found;
}

/* mark in GOAL the links that hold address IP (FAMILY); how many */
static int owners(struct graph *g, int family, const unsigned char *ip,
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
			    (u = node_by_index(g, ns, a->ifindex)) >= 0) {
				goal[u] = 1;
				n++;
			}
		}
	}
	return n;
}

/* the first node marked in GOAL that is in NS, or -1 */
static int owned_in(const struct graph *g, const char *goal,
		    struct model_ns *ns)
{
	for (int u = 0; u < g->n; u++)
		if (goal[u] && g->ns[u] == ns)
			return u;
	return -1;
}

/* NSREF to address X: from router to router along the routes */
static void path_to_addr(struct graph *g, struct answer *r,
			 struct model_ns *a, const struct nsh_prefix *x)
{
	char *goal = calloc((size_t)g->n + 1, 1), *gwgoal;
	int *path = malloc(sizeof(*path) * (size_t)(g->n + 1));
	char xs[64], gws[64], rt[256];
	struct model_ns *cur = a;
	int u;

	gwgoal = calloc((size_t)g->n + 1, 1);
	if (!goal || !path || !gwgoal)
		abort();
	show_ip(x->family, x->addr, xs, sizeof(xs));
	owners(g, x->family, x->addr, goal);
	for (u = 0; u < g->n && r->owner < 0; u++)
		if (goal[u])
			r->owner = u;
	if ((u = owned_in(g, goal, a)) >= 0) {
		add_hops(r, &u, 1, false);
		note(r, "%s is %s's own address (on %s)", xs,
		     model_ns_label(a), g->l[u]->name);
		goto out;
	}
	for (int step = 0;; step++) {
		struct show_route h;
		const unsigned char *next;
		int d, len;

		if (step == 8) {
			broken(r, PATH_LOOP, cur, -1, "routing loop",
			       "more than 8 routers on the way: a routing "
			       "loop?");
			break;
		}
		if (!show_route_lookup(cur, x, &h)) {
			broken(r, PATH_NO_ROUTE, cur, -1, "no route",
			       "%s has no route to %s", model_ns_label(cur),
			       xs);
			break;
		}
		if (h.type != RTN_UNICAST) {
			broken(r, PATH_BAD_ROUTE, cur, -1, "route not unicast",
			       "%s's route to %s is '%s'", model_ns_label(cur),
			       xs,
			       show_route_text(cur, h.r, true, rt, sizeof(rt)));
			break;
		}
		next = h.has_gw ? h.gw : x->addr;
		if (h.has_gw)
			note(r, "%s has no connected route to %s: it uses %s",
			     model_ns_label(cur), xs,
			     show_route_text(cur, h.r, true, rt, sizeof(rt)));
		d = h.oif ? node_by_index(g, cur, h.oif) : -1;
		if (d < 0) {
			broken(r, PATH_BAD_ROUTE, cur, -1,
			       "route without a link",
			       "%s's route to %s names no link",
			       model_ns_label(cur), xs);
			break;
		}
		show_ip(x->family, next, gws, sizeof(gws));
		if (!owners(g, x->family, next, gwgoal)) {
			add_hops(r, &d, 1, step > 0);
			if (h.has_gw)
				broken(r, PATH_NO_GATEWAY, cur, d,
				       "nobody has the gateway's address",
				       "%s's gateway %s is no namespace's "
				       "address", model_ns_label(cur), gws);
			else
				broken(r, PATH_NO_OWNER, cur, d, "nobody has "
				       "the address", "no namespace has %s: %s "
				       "sends to it out of %s, and nothing "
				       "answers", xs, model_ns_label(cur),
				       g->l[d]->name);
			break;
		}
		len = bfs(g, &d, 1, gwgoal, true, path);
		if (!len)
			len = bfs(g, &d, 1, gwgoal, false, path);
		if (!len) {
			add_hops(r, &d, 1, step > 0);
			broken(r, PATH_NO_CABLE, cur, d,
			       "no bridge or cable to the next hop",
			       "%s:%s shares no bridge or cable with %s",
			       model_ns_label(cur), g->l[d]->name, gws);
			break;
		}
		add_hops(r, path, len, step > 0);
		cur = g->ns[path[len - 1]];
		if (!h.has_gw) {	/* at X's link */
			u = path[len - 1];
			note(r, "%s belongs to %s (%s)", xs,
			     model_ns_label(g->ns[u]), g->l[u]->name);
			break;
		}
		if ((u = owned_in(g, goal, cur)) >= 0) {
			if (u != path[len - 1])
				add_hops(r, &u, 1, true);
			note(r, "%s is an address of %s (on %s)", xs,
			     model_ns_label(cur), g->l[u]->name);
			break;
		}
		note(r, "%s routes it on: it needs forwarding (sysctl "
			"net.ipv%c.%s=1)", model_ns_label(cur),
		     x->family == AF_INET6 ? '6' : '4',
		     x->family == AF_INET6 ? "conf.all.forwarding" :
		     "ip_forward");
	}
	check_hops(g, r);
out:
	free(goal);
	free(gwgoal);
	free(path);
}

/* ------------------------------------------------------------ the finder */

/* copy answer R over graph G into *P, as model pointers */
static void answer_export(const struct graph *g, const struct answer *r,
			  struct path *p)
{
	p->hops = calloc((size_t)r->nhops + 1, sizeof(*p->hops));
	if (!p->hops)
		abort();
	for (int i = 0; i < r->nhops; i++)
		p->hops[i] = (struct path_hop){ .ns = g->ns[r->hops[i]],
						.link = g->l[r->hops[i]],
						.routed = r->routed[i] };
	p->nhops = r->nhops;
	memcpy(p->notes, r->notes, sizeof(p->notes));
	p->nnotes = r->nnotes;
	for (int i = 0; i < r->nbrk; i++) {
		p->brk[i].fault = r->brk[i].fault;
		p->brk[i].ns = r->brk[i].ns;
		p->brk[i].link = r->brk[i].node >= 0 ? g->l[r->brk[i].node] :
						       NULL;
		memcpy(p->brk[i].reason, r->brk[i].reason,
		       sizeof(p->brk[i].reason));
		memcpy(p->brk[i].line, r->brk[i].line, sizeof(p->brk[i].line));
	}
	p->nbrk = r->nbrk;
	p->owner = r->owner >= 0 ? g->ns[r->owner] : NULL;
	p->owner_link = r->owner >= 0 ? g->l[r->owner] : NULL;
}

/*
 * path_find - the path from FROM to namespace TO, or to address X when TO
 * is NULL (see show.h).  Between two namespaces that share no bridge or
 * cable, the routed path to TO's address replaces the answer when it is
 * complete, with the layer-2 verdict as its first note.
 */
void path_find(struct model *m, struct model_ns *from, struct model_ns *to,
	       const struct nsh_prefix *x, struct path *ret)
{
	struct answer r = { 0 };
	struct graph g = { 0 };
	struct nsh_prefix ax;
	char buf[64];

	memset(ret, 0, sizeof(*ret));
	graph_build(&g, m);
	answer_init(&r, &g);
	if (to)
		path_to_ns(&g, &r, from, to);
	else if (x)
		path_to_addr(&g, &r, from, x);
	if (to && !r.nhops && ns_address(&g, to, &ax)) {
		/* no cable, but maybe routers: to the other's address */
		struct answer r2 = { 0 }, tmp;

		answer_init(&r2, &g);
		path_to_addr(&g, &r2, from, &ax);
		if (!r2.nbrk) {
			tmp = r;
			r = r2;
			r2 = tmp;
			memmove(r.notes[1], r.notes[0], sizeof(r.notes[0]) *
				(ARRAY_SIZE(r.notes) - 1));
			snprintf(r.notes[0], sizeof(r.notes[0]), "%.150s: "
				 "routed to %s", r2.brk[0].line,
				 show_ip(ax.family, ax.addr, buf, sizeof(buf)));
			r.nnotes += r.nnotes < (int)ARRAY_SIZE(r.notes);
		}
		answer_free(&r2);
	}
	answer_export(&g, &r, ret);
	answer_free(&r);
	graph_free(&g);
}

void path_free(struct path *p)
{
	free(p->hops);
	p->hops = NULL;
	p->nhops = 0;
}

/* ------------------------------------------------------------ output */

/*
 * path_text - the hops on one line, as `show path` prints them: the ends,
 * and the hops in a namespace other than the host's that the path enters,
 * carry their namespace's name; "⇒" where a router forwards.
 */
const char *path_text(const struct model *m, const struct path *p, char *buf,
		      size_t len)
{
	char esc[300];
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < p->nhops && o + 1 < len; i++) {
		const struct path_hop *h = &p->hops[i];
		bool named = i == 0 || i == p->nhops - 1 ||
			     (h->ns != p->hops[i - 1].ns && h->ns != m->ns[0]);

		if (i > 0)
			o += (size_t)snprintf(buf + o, len - o, "%s",
					      h->routed ? " ⇒ " : " ↔ ");
		if (named && o + 1 < len)
			o += (size_t)snprintf(buf + o, len - o, "%s:",
					      str_escape(model_ns_label(h->ns),
							 esc, sizeof(esc)));
		if (o + 1 < len)
			o += (size_t)snprintf(buf + o, len - o, "%s",
					      str_escape(h->link->name, esc,
							 sizeof(esc)));
	}
	return buf;
}

/* a line of `show path`: within the terminal, in ASCII but in a UTF-8
 * locale */
static void path_line(const char *line)
{
	char ascii[4096];

	term_wrap(stdout, term_utf8() ? line :
		  term_ascii(line, ascii, sizeof(ascii)), "  ", term_width());
}

static void json_at(struct json *j, const char *key, struct model_ns *ns,
		    const struct model_link *link)
{
	json_key(j, key);
	json_begin_object(j);
	json_str(j, "netns", model_ns_label(ns));
	if (link) {
		json_str(j, "link", link->name);
	} else {
		json_key(j, "link");
		fputs("null", stdout);
	}
	json_end_object(j);
}

/*
 * -j: {"complete":bool,"hops":[{"netns","link"},…],"broken":{"at":
 * {"netns","link"|null},"reason"}|null (the first break),"notes":[…]}
 */
static void print_json(const struct path *p)
{
	struct json j = { 0 };

	json_begin_object(&j);
	json_bool(&j, "complete", p->nbrk == 0);
	json_key(&j, "hops");
	json_begin_array(&j);
	for (int i = 0; i < p->nhops; i++)
		json_at(&j, NULL, p->hops[i].ns, p->hops[i].link);
	json_end_array(&j);
	json_key(&j, "broken");
	if (p->nbrk) {
		json_begin_object(&j);
		json_at(&j, "at", p->brk[0].ns, p->brk[0].link);
		json_str(&j, "reason", p->brk[0].reason);
		json_end_object(&j);
	} else {
		fputs("null", stdout);
	}
	json_key(&j, "notes");
	json_begin_array(&j);
	for (int i = 0; i < p->nnotes; i++)
		json_str(&j, NULL, p->notes[i]);
	json_end_array(&j);
	json_end_object(&j);
	json_end(&j);
}

/*
 * show path NSREF TARGET [-j]: TARGET is a namespace ("host" too) or an
 * address.  Prints the hops on one line, then the notes, then one line per
 * break; 0 when the path is complete, 1 when broken.
 */
/*
 * show_target - TARGET of `show path` and `why`: a namespace ("host" too;
 * *RET_NS) or an address (*RET_X, *RET_NS NULL).  Returns 0, or 1 after
 * reporting; FROM is the namespace the path starts from (not a target).
 */
int show_target(struct nsh *sh, struct model *m, struct model_ns *from,
		const char *target, struct model_ns **ret_ns,
		struct nsh_prefix *ret_x)
{
	const char *err = NULL;
	char ebuf[128], esc[300];
	struct model_ns *to = model_ns_by_name(m, target);

	if (!to && streq(target, "host"))
		to = m->ns[0];
	*ret_ns = to;
	if (!to && parse_prefix(target, false, ret_x, ebuf, sizeof(ebuf),
				&err) < 0) {
		/* a word with a '/', or only digits, dots and colons, was
		 * meant as an address */
		if (strchr(target, '/') ||
		    strspn(target, "0123456789abcdefABCDEF.:") ==
			    strlen(target))
			return nsh_err(sh, "'%s': %s",
				       str_escape(target, esc, sizeof(esc)),
				       err ? err : ebuf);
		return nsh_err(sh, "'%s': no such namespace%s",
			       str_escape(target, esc, sizeof(esc)),
			       ns_missing_hint(target));
	}
	if (to == from)
		return nsh_err(sh, "'%s': that is the namespace the path "
			       "starts from", str_escape(target, esc,
							 sizeof(esc)));
	return 0;
}

/*
 * show path NSREF TARGET [-j]: TARGET is a namespace ("host" too) or an
 * address.  Prints the hops on one line, then the notes, then one line per
 * break; 0 when the path is complete, 1 when broken.
 */
int cmd_show_path(struct nsh *sh, const struct nsh_args *a)
{
	struct model *m = model_get(sh);
	struct model_ns *from, *to;
	struct nsh_prefix x;
	struct path p;
	char buf[4096];

	if (!m || !(from = show_ns_ref(sh, m, arg_str(a, "nsref"))) ||
	    show_target(sh, m, from, arg_str(a, "target"), &to, &x))
		return 1;
	path_find(m, from, to, to ? NULL : &x, &p);
	if (arg_has(a, "-j")) {
		print_json(&p);
	} else {
		if (p.nhops)
			path_line(path_text(m, &p, buf, sizeof(buf)));
		for (int i = 0; i < p.nnotes; i++)
			path_line(p.notes[i]);
		for (int i = 0; i < p.nbrk; i++)
			path_line(p.brk[i].line);
	}
	path_free(&p);
	return 0;	/* a view: a break is an answer, `expect` asserts */
}
