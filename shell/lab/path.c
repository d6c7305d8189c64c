/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * path.c - the path finder (path.h): the hops from a namespace to another
 * namespace or to an address, the way the tutorials draw them
 * (ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔ ns2:veth-ns2), and where
 * and why the path is broken.  Reads the model only.
 *
 * A path is first sought through links that are up with a carrier
 * (path_graph.c); failing that, through any, and then each hop that is
 * down says why.  For an address, the namespace's routes are followed
 * (longest prefix first; its own subnets count as connected) from router
 * to router.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "nsh.h"
#include "path_priv.h"
#include "view.h"

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
	r->hops = xmalloc(sizeof(*r->hops) * (size_t)(g->n + 2) * 10);
	r->routed = xmalloc(sizeof(*r->routed) * (size_t)(g->n + 2) * 10);
}

/* free what answer_init made */
static void answer_free(struct answer *r)
{
	free(r->hops);
	free(r->routed);
}

/* a note FMT… on the path (up to 8) */
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

/* the LEN nodes of PATH as hops; the first is ROUTED (a router before it) */
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

		if (path_node_ok(g, u))
			continue;
		if (show_peer(g->m, g->ns[u], g->l[u], &pns, &pl))
			snprintf(why, sizeof(why), "no carrier (its peer %s:%s "
				 "is %s)", model_ns_label(pns), pl->name,
				 g->state(g->m, pns, pl));
		else
			snprintf(why, sizeof(why), "no carrier");
		broken(r, PATH_NO_CARRIER, g->ns[u], u, why,
		       "broken at %s (%s): %s",
		       g->l[u]->name, model_ns_label(g->ns[u]), why);
	}
}

/* ------------------------------------------------------------ namespaces */

/* a note when the two ends of a layer-2 path share no subnet */
static void check_subnet(struct graph *g, struct answer *r, int a, int b)
{
	const struct model_addr *x, *y;
	char esc[64];

	if (!path_node_addr(g, a, 0, 0) || !path_node_addr(g, b, 0, 0)) {
		int u = path_node_addr(g, a, 0, 0) ? b : a;

		note(r, "%s:%s has no address: ping needs one at each end",
		     model_ns_label(g->ns[u]),
		     str_escape(g->l[u]->name, esc, sizeof(esc)));
		return;
	}
	for (int i = 0; (x = path_node_addr(g, a, 0, i)); i++)
		for (int k = 0; (y = path_node_addr(g, b, x->family, k)); k++)
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
	int *start = xmalloc(sizeof(*start) * (size_t)(g->n + 1));
	char *goal = xcalloc((size_t)g->n + 1, 1);
	int nstart = 0, len;

	/* the ends that carry addresses first */
	for (int pass = 0; pass < 2; pass++)
		for (int u = 0; u < g->n; u++)
			if (g->ns[u] == a && path_endpoint(g, u) &&
			    (path_node_addr(g, u, 0, 0) == NULL) == pass)
				start[nstart++] = u;
	for (int u = 0; u < g->n; u++)
		goal[u] = g->ns[u] == b && path_endpoint(g, u);
	len = path_bfs(g, start, nstart, goal, true, r->hops);
	if (!len)
		len = path_bfs(g, start, nstart, goal, false, r->hops);
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
			if (g->ns[u] == ns && path_endpoint(g, u))
				a = path_node_addr(g, u, fam, 0);
	if (!a)
		return false;
	memset(ret, 0, sizeof(*ret));
	ret->family = a->family;
	memcpy(ret->addr, a->addr, sizeof(ret->addr));
	ret->len = a->family == AF_INET ? 32 : 128;
	return true;
}

/* ------------------------------------------------------------ addresses */

/* path_route_lookup - the way NS sends to X: its longest matching prefix
 * in the main table (its own subnets are connected routes); false: none */
bool path_route_lookup(struct model_ns *ns, const struct nsh_prefix *x,
		       struct path_route *ret)
{
	bool found = false;

	for (int i = 0; i < ns->naddrs; i++) {
		const struct model_addr *a = &ns->addrs[i];

		if (a->family != x->family ||
		    !show_same_prefix(a->addr, x->addr, a->plen) ||
		    (found && a->plen <= ret->plen))
			continue;
		*ret = (struct path_route){ .oif = a->ifindex, .plen = a->plen,
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
		*ret = (struct path_route){
			.oif = rt->oif, .has_gw = rt->has_gw,
			.plen = rt->dst_len, .type = rt->type, .r = rt,
		};
		memcpy(ret->gw, rt->gw, sizeof(ret->gw));
		found = true;
	}
	return found;
}

/* the walk from router to router towards an address */
struct walk {
	struct graph *g;
	struct answer *r;
	const struct nsh_prefix *x;
	char xs[64];		/* X in words */
	char *goal;		/* the links that hold X */
	char *gwgoal;		/* the links that hold the next hop */
	int *path;		/* a segment's hops */
	struct model_ns *cur;	/* the namespace the packet is in */
	int step;		/* routers passed */
};

/* the node w->cur sends to X out of, by its route *H; -1 after saying
 * what breaks there */
static int walk_route(struct walk *w, struct path_route *h)
{
	const char *cur = model_ns_label(w->cur);
	char rt[256];
	int d;

	if (w->step == 8) {
		broken(w->r, PATH_LOOP, w->cur, -1, "routing loop",
		       "more than 8 routers on the way: a routing loop?");
		return -1;
	}
	if (!path_route_lookup(w->cur, w->x, h)) {
		broken(w->r, PATH_NO_ROUTE, w->cur, -1, "no route",
		       "%s has no route to %s", cur, w->xs);
		return -1;
	}
	if (h->type != RTN_UNICAST) {
		broken(w->r, PATH_BAD_ROUTE, w->cur, -1, "route not unicast",
		       "%s's route to %s is '%s'", cur, w->xs,
		       show_route_text(w->cur, h->r, true, rt, sizeof(rt)));
		return -1;
	}
	if (h->has_gw)
		note(w->r, "%s has no connected route to %s: it uses %s", cur,
		     w->xs, show_route_text(w->cur, h->r, true, rt,
					    sizeof(rt)));
	d = h->oif ? path_node_by_index(w->g, w->cur, h->oif) : -1;
	if (d < 0)
		broken(w->r, PATH_BAD_ROUTE, w->cur, -1,
		       "route without a link", "%s's route to %s names no "
		       "link", cur, w->xs);
	return d;
}

/* the segment from node D to the next hop by route H (X itself, or the
 * gateway) into w->path: its length, or 0 after saying what breaks */
static int walk_segment(struct walk *w, const struct path_route *h, int d)
{
	const unsigned char *next = h->has_gw ? h->gw : w->x->addr;
	const char *cur = model_ns_label(w->cur);
	char gws[64];
	int len;

	show_ip(w->x->family, next, gws, sizeof(gws));
	if (!path_owners(w->g, w->x->family, next, w->gwgoal)) {
		add_hops(w->r, &d, 1, w->step > 0);
		if (h->has_gw)
			broken(w->r, PATH_NO_GATEWAY, w->cur, d,
			       "nobody has the gateway's address",
			       "%s's gateway %s is no namespace's address",
			       cur, gws);
		else
			broken(w->r, PATH_NO_OWNER, w->cur, d, "nobody has "
			       "the address", "no namespace has %s: %s sends "
			       "to it out of %s, and nothing answers", w->xs,
			       cur, w->g->l[d]->name);
		return 0;
	}
	len = path_bfs(w->g, &d, 1, w->gwgoal, true, w->path);
	if (!len)
		len = path_bfs(w->g, &d, 1, w->gwgoal, false, w->path);
	if (!len) {
		add_hops(w->r, &d, 1, w->step > 0);
		broken(w->r, PATH_NO_CABLE, w->cur, d,
		       "no bridge or cable to the next hop",
		       "%s:%s shares no bridge or cable with %s", cur,
		       w->g->l[d]->name, gws);
	}
	return len;
}

/* a segment of LEN hops by route H brought the packet to w->cur: true
 * when it is there (at X's link, or in X's namespace); else the router
 * there forwards it on, which the notes say */
static bool walk_arrived(struct walk *w, const struct path_route *h, int len)
{
	int last = w->path[len - 1], u;

	if (!h->has_gw) {
		note(w->r, "%s belongs to %s (%s)", w->xs,
		     model_ns_label(w->g->ns[last]), w->g->l[last]->name);
		return true;
	}
	if ((u = path_owned_in(w->g, w->goal, w->cur)) >= 0) {
		if (u != last)
			add_hops(w->r, &u, 1, true);
		note(w->r, "%s is an address of %s (on %s)", w->xs,
		     model_ns_label(w->cur), w->g->l[u]->name);
		return true;
	}
	note(w->r, "%s routes it on: it needs forwarding (sysctl "
		   "net.ipv%c.%s=1)", model_ns_label(w->cur),
	     w->x->family == AF_INET6 ? '6' : '4',
	     w->x->family == AF_INET6 ? "conf.all.forwarding" : "ip_forward");
	return false;
}

/* NSREF to address X: from router to router along the routes */
static void path_to_addr(struct graph *g, struct answer *r,
			 struct model_ns *a, const struct nsh_prefix *x)
{
	struct walk w = { .g = g, .r = r, .x = x, .cur = a };
	struct path_route h;
	int u, d, len;

	w.goal = xcalloc((size_t)g->n + 1, 1);
	w.gwgoal = xcalloc((size_t)g->n + 1, 1);
	w.path = xmalloc(sizeof(*w.path) * (size_t)(g->n + 1));
	show_ip(x->family, x->addr, w.xs, sizeof(w.xs));
	path_owners(g, x->family, x->addr, w.goal);
	for (u = 0; u < g->n && r->owner < 0; u++)
		if (w.goal[u])
			r->owner = u;
	if ((u = path_owned_in(g, w.goal, a)) >= 0) {
		add_hops(r, &u, 1, false);
		note(r, "%s is %s's own address (on %s)", w.xs,
		     model_ns_label(a), g->l[u]->name);
	} else {
		for (;; w.step++) {
			if ((d = walk_route(&w, &h)) < 0 ||
			    !(len = walk_segment(&w, &h, d)))
				break;
			add_hops(r, w.path, len, w.step > 0);
			w.cur = g->ns[w.path[len - 1]];
			if (walk_arrived(&w, &h, len))
				break;
		}
		check_hops(g, r);
	}
	free(w.goal);
	free(w.gwgoal);
	free(w.path);
}

/* ------------------------------------------------------------ the finder */

/* copy answer R over graph G into *P, as model pointers */
static void answer_export(const struct graph *g, const struct answer *r,
			  struct path *p)
{
	p->hops = xcalloc((size_t)r->nhops + 1, sizeof(*p->hops));
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
 * is NULL (see path.h).  Between two namespaces that share no bridge or
 * cable, the routed path to TO's address replaces the answer when it is
 * complete, with the layer-2 verdict as its first note.
 */
void path_find(struct model *m, struct model_ns *from, struct model_ns *to,
	       const struct nsh_prefix *x, path_state_fn *state,
	       struct path *ret)
{
	struct answer r = { 0 };
	struct graph g = { 0 };
	struct nsh_prefix ax;
	char buf[64];

	memset(ret, 0, sizeof(*ret));
	path_graph_build(&g, m, state);
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
	path_graph_free(&g);
}

/* path_free: see path.h */
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
