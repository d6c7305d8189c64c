/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * why_ends.c - the checks of `why` (why.h): how one is recorded and
 * blamed, and the checks of the ends: the address to probe, an address at
 * each end, a subnet in common, A's route to the target and its gateway.
 * Reads the model only.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/neighbour.h>

#include "cmds.h"
#include "model.h"
#include "show.h"
#include "why.h"

/* why_check: see why.h (past the 64th, a check goes to a spare) */
struct check *why_check(struct why *w, int pos, bool ok, const char *name,
			    const char *fmt, ...)
{
	static struct check spare;
	struct check *c = w->nc < (int)ARRAY_SIZE(w->c) ? &w->c[w->nc++] :
							    &spare;
	va_list ap;

	memset(c, 0, sizeof(*c));
	c->pos = pos;
	c->ok = ok;
	snprintf(c->name, sizeof(c->name), "%s", name);
	va_start(ap, fmt);
	vsnprintf(c->detail, sizeof(c->detail), fmt, ap);
	va_end(ap);
	return c;
}

/* why_blame: see why.h */
void why_blame(struct check *c, const char *fix, const char *fmt, ...)
{
	va_list ap;

	c->hard = true;
	va_start(ap, fmt);
	vsnprintf(c->cause, sizeof(c->cause), fmt, ap);
	va_end(ap);
	snprintf(c->fix, sizeof(c->fix), "%s", fix ? fix : "");
}

/* the address of B to probe: one in a subnet of A's first, IPv4 first */
void why_pick_target(struct why *w)
{
	int best = -1;

	for (int i = 0; i < w->b->naddrs; i++) {
		const struct model_addr *t = &w->b->addrs[i];
		int score = t->family == AF_INET;

		if (!why_usable(w->b, t))
			continue;
		for (int k = 0; k < w->a->naddrs; k++)
			if (why_same_subnet(t, &w->a->addrs[k]))
				score += 2;
		if (score <= best)
			continue;
		best = score;
		memset(&w->x, 0, sizeof(w->x));
		w->x.family = t->family;
		memcpy(w->x.addr, t->addr, why_alen(t->family));
		w->x.len = t->family == AF_INET ? 32 : 128;
		w->has_x = true;
	}
}

/* the first usable address of FAMILY on link L of NS, or NULL */
static const struct model_addr *addr_on(struct model_ns *ns,
					const struct model_link *l, int family)
{
	for (int i = 0; i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex == l->ifindex &&
		    ns->addrs[i].family == family &&
		    why_usable(ns, &ns->addrs[i]))
			return &ns->addrs[i];
	return NULL;
}

/* "ADDR/PLEN dev LINK" for a fix: a free address in the subnet of NET
 * (HINT's host part if free), added on L of NS; false if none */
static bool addr_fix(struct why *w, struct model_ns *ns,
		     const struct model_link *l, const struct model_addr *net,
		     const unsigned char *hint, char *buf, size_t len)
{
	char a[80], n1[300];

	if (!l || !net || !why_free_addr(w->m, net->family, net->addr,
					 net->plen, hint, a, sizeof(a)))
		return false;
	snprintf(buf, len, "%saddr add %s dev %s",
		 why_ip_in(w->m, ns, n1, sizeof(n1)), a, l->name);
	return true;
}

/* the family to send in when B has no address: A's (IPv4 first) */
static int family_of(struct model_ns *ns)
{
	int fam = 0;

	for (int i = 0; i < ns->naddrs; i++)
		if (why_usable(ns, &ns->addrs[i]) &&
		    (!fam || ns->addrs[i].family == AF_INET))
			fam = ns->addrs[i].family;
	return fam ? fam : AF_INET;
}

/*
 * A has an address to send from; B (a namespace target) one to reach.
 * L2: the bridges and cables between them (no hops when none).  Both come
 * after the links' states: an IPv6 address goes when its link goes down,
 * and the link is the cause.
 */
static void check_addresses(struct why *w, const struct path *l2)
{
	int fam = w->has_x ? w->x.family : family_of(w->a);
	const struct model_link *la = l2->nhops ? l2->hops[0].link : NULL;
	const struct model_link *lb = l2->nhops ?
		l2->hops[l2->nhops - 1].link : NULL;
	struct check *c;
	char f[400], at[300];

	w->src = why_pick_src(w->a, 0, fam, w->x.addr);
	w->src_check = w->nc;
	c = why_check(w, POS_END, w->src, "source address", "%s has %s IPv%c "
		      "address", model_ns_label(w->a), w->src ? "an" : "no",
		      fam == AF_INET ? '4' : '6');
	if (!w->src)
		why_blame(c, addr_fix(w, w->a, la, lb ? addr_on(w->b, lb, fam) :
				      NULL, NULL, f, sizeof(f)) ? f : NULL,
			  "%s", c->detail);
	if (!w->b)
		return;
	c = why_check(w, POS_END, w->has_x, "target address", "%s has %s",
		      model_ns_label(w->b), w->has_x ? w->xs : "none");
	if (!w->has_x && !lb &&
	    why_stray_fix(w->m, w->a, w->b, f, sizeof(f), at, sizeof(at)))
		why_blame(c, f, "%s has no bridge or cable to %s: the end that "
			  "belongs in it, %s, is still outside",
			  model_ns_label(w->b), model_ns_label(w->a), at);
	else if (!w->has_x)
		why_blame(c, addr_fix(w, w->b, lb, w->src, NULL, f, sizeof(f)) ?
			  f : NULL, "%s has no address", model_ns_label(w->b));
}

/*
 * A has no route to B's address, but they share a bridge or cable: their
 * addresses are in two subnets.  The side with fewer neighbours on its
 * subnet (the target on a tie) gets an address in the other's: C fails
 * with that fix.  false when they are not on one segment.
 */
static bool check_subnet(struct why *w, const struct path *l2,
			 struct check *c)
{
	const struct model_link *la, *lb;
	const struct model_addr *aa, *bb;
	char f[400], s1[64], n1[300];
	int na = 0, nb = 0;
	bool fix;

	if (!l2->nhops)
		return false;
	la = l2->hops[0].link;
	lb = l2->hops[l2->nhops - 1].link;
	aa = addr_on(w->a, la, w->x.family);
	bb = why_addr_of(w->b, w->x.family, w->x.addr);
	if (!aa || !bb || bb->ifindex != lb->ifindex)
		return false;
	for (int i = 0; i < l2->nhops; i++) {
		struct model_ns *ns = l2->hops[i].ns;

		for (int k = 0; k < ns->naddrs; k++)
			if (ns->addrs[k].ifindex == l2->hops[i].link->ifindex) {
				na += why_same_subnet(&ns->addrs[k], aa);
				nb += why_same_subnet(&ns->addrs[k], bb);
			}
	}
	snprintf(c->name, sizeof(c->name), "subnet");
	snprintf(c->detail, sizeof(c->detail), "%s (%s/%d) and %s (%s/%d) "
		 "share a bridge or cable, not a subnet", model_ns_label(w->a),
		 show_ip(aa->family, aa->addr, s1, sizeof(s1)), aa->plen,
		 model_ns_label(w->b), w->xs, bb->plen);
	if (nb <= na) {
		fix = addr_fix(w, w->b, lb, aa, bb->addr, f, sizeof(f));
		snprintf(w->then, sizeof(w->then), "then, if %s/%d is not "
			 "needed: %saddr del %s/%d dev %s", w->xs, bb->plen,
			 why_ip_in(w->m, w->b, n1, sizeof(n1)), w->xs, bb->plen,
			 lb->name);
	} else {
		fix = addr_fix(w, w->a, la, bb, aa->addr, f, sizeof(f));
	}
	why_blame(c, fix ? f : NULL, "%s: put both in one subnet", c->detail);
	return true;
}

/* A has no route to X (check C): its addresses and B's are in two
 * subnets of one segment, or it lacks a default route */
static void blame_no_route(struct why *w, const struct path *l2,
			   struct check *c)
{
	char f[400], s1[64], n1[300];
	bool gw;

	if (w->b && check_subnet(w, l2, c))
		return;
	gw = why_find_router(w->m, w->a, &w->x, s1, sizeof(s1));
	snprintf(f, sizeof(f), "%sroute add default via %s",
		 why_ip_in(w->m, w->a, n1, sizeof(n1)), s1);
	why_blame(c, gw ? f : NULL, "%s has no route to %s%s",
		  model_ns_label(w->a), w->xs,
		  gw ? " (no default route)" : "");
}

/* the gateway of A's route must be on one of the subnets of the route's
 * link OUT, unless the route says it is on the link as it is (onlink) */
static void check_gateway(struct why *w, const struct model_link *out)
{
	int fam = w->x.family;
	char f[400], s1[64], s2[64], n1[300];
	struct check *c;
	bool onlink = false;

	show_ip(fam, w->rt.gw, s1, sizeof(s1));
	if (w->rt.r && w->rt.r->onlink) {
		why_check(w, POS_GW, true, "gateway", "%s is on %s (onlink)",
			  s1, out ? out->name : "?");
		return;
	}
	for (int i = 0; i < w->a->naddrs; i++)
		onlink |= w->a->addrs[i].ifindex == w->rt.oif &&
			  w->a->addrs[i].family == fam &&
			  show_same_prefix(w->a->addrs[i].addr, w->rt.gw,
					   w->a->addrs[i].plen);
	c = why_check(w, POS_GW, onlink, "gateway",
		      "%s is %son a subnet of %s", s1, onlink ? "" : "not ",
		      out ? out->name : "?");
	if (onlink)
		return;
	snprintf(f, sizeof(f), "%sroute replace %s via ",
		 why_ip_in(w->m, w->a, n1, sizeof(n1)),
		 why_route_dst(&w->rt, s2, sizeof(s2)));
	why_blame(c, why_find_router(w->m, w->a, &w->x, s2, sizeof(s2)) ?
		  strcat(f, s2) : NULL, "%s's gateway %s is on none of its "
		  "subnets", model_ns_label(w->a), s1);
}

/* A's route to X and its gateway, then the source address it implies */
static void check_route(struct why *w, const struct path *l2)
{
	int fam = w->x.family;
	const char *lbl = model_ns_label(w->a);
	char s1[64], n1[300];
	const struct model_link *out;
	struct check *c;

	w->has_rt = path_route_lookup(w->a, &w->x, &w->rt);
	out = w->has_rt ? model_link_by_index(w->a, w->rt.oif) : NULL;
	c = why_check(w, POS_ROUTE, w->has_rt, "route", "%s%s%s", lbl,
		      !w->has_rt ? " has no route to " : ": ",
		      !w->has_rt ? w->xs : w->rt.r ?
		      show_route_text(w->a, w->rt.r, true, n1, sizeof(n1)) :
		      "connected");
	if (w->has_rt && !w->rt.r)
		snprintf(c->detail, sizeof(c->detail), "%s: %s is on the "
			 "subnet of %s (connected)", lbl, w->xs,
			 out ? out->name : "?");
	if (!w->has_rt) {
		blame_no_route(w, l2, c);
		return;
	}
	/* the route's own source (src), else the kernel's pick */
	w->src = w->rt.r && w->rt.r->has_prefsrc ?
		 why_addr_of(w->a, fam, w->rt.r->prefsrc) : NULL;
	if (!w->src)
		w->src = why_pick_src(w->a, w->rt.oif, fam,
				      w->rt.has_gw ? w->rt.gw : w->x.addr);
	snprintf(w->c[w->src_check].detail, sizeof(w->c[0].detail),
		 "%s sends from %s/%d", lbl,
		 show_ip(fam, w->src->addr, s1, sizeof(s1)), w->src->plen);
	if (w->rt.has_gw)
		check_gateway(w, out);
}

/* why_check_ends: see why.h */
void why_check_ends(struct why *w)
{
	if (w->b) {
		path_find(w->m, w->a, w->b, NULL, show_state, &w->l2);
		for (int i = 0; i < w->l2.nhops; i++)
			if (w->l2.hops[i].routed)
				w->l2.nhops = 0;	/* routed: no segment */
	}
	check_addresses(w, &w->l2);
	if (w->has_x && w->src)
		check_route(w, &w->l2);
}

