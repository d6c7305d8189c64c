/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * why.c - `why NSREF TARGET [-j]`: why a namespace cannot reach another
 * namespace or an address, or that it can.
 *
 * First the model is checked along the path show_path.c finds: an address
 * at each end, the route and its gateway, every hop's admin state and
 * carrier, the cables and bridges, the routers' forwarding, rp_filter and
 * the way back.  Then a real probe: one ICMP echo sent from inside the
 * namespace through a raw socket.  When it gets no answer, the failed
 * check that comes first on the path is the cause, and the command that
 * repairs it is printed; when no check explains it, the evidence is named
 * (an unanswered ARP entry, bridge netfilter: seed 001's step 6).
 *
 * Three parts, each behind the interfaces in show.h: the checks and the
 * command; the fixes' vocabulary (addresses, gateways, cables: why_*()
 * of "the fixes"); the probe and the readers that enter a namespace
 * (why_probe(), why_sysctl()).  The last two are meant to become
 * cmds/why_fix.c and cmds/why_probe.c once the Makefile lists them.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <linux/icmp.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/addr.h>
#include <netlink/route/neighbour.h>

#include "cmds.h"
#include "model.h"
#include "show.h"

/* where a check sits on the path: the failure that comes first is the
 * cause; hops are 0…n-1, a carrier lost comes after every link down */
enum {
	POS_ROUTE = -2, POS_GW,
	POS_CARRIER = 500,	/* + the hop */
	POS_END = 1000,		/* at the target */
	POS_BACK = 2000,	/* the way back */
};

struct check {
	char name[96];
	char detail[400];
	bool ok;
	bool hard;		/* a failure here explains a lost probe */
	int pos;
	char cause[400];
	char fix[400];		/* "" when nsh knows none */
};

struct why {
	struct nsh *sh;
	struct model *m;
	struct model_ns *a, *b;		/* B: the target namespace or NULL */
	struct nsh_prefix x;		/* the address probed */
	bool has_x;
	char xs[64];
	struct model_ns *owner;		/* who has X, if anyone */
	struct model_link *owner_link;
	const struct model_addr *src;	/* A's source address */
	int src_check;			/* its check */
	struct show_route rt;		/* A's route to X */
	bool has_rt;
	struct path fwd;		/* A to X */
	struct path l2;			/* A to B: bridges and cables only */
	struct check c[64];
	int nc;
	char then[400];			/* a second step of the fix */
	struct why_probe pr;		/* the probe */
};

/* ------------------------------------------------------------ checks */

static struct check *check(struct why *w, int pos, bool ok, const char *name,
			   const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static struct check *check(struct why *w, int pos, bool ok, const char *name,
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

/* C failed: the probe is lost because of FMT…; FIX repairs it (NULL:
 * nothing nsh knows) */
static void blame(struct check *c, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void blame(struct check *c, const char *fix, const char *fmt, ...)
{
	va_list ap;

	c->hard = true;
	va_start(ap, fmt);
	vsnprintf(c->cause, sizeof(c->cause), fmt, ap);
	va_end(ap);
	snprintf(c->fix, sizeof(c->fix), "%s", fix ? fix : "");
}

/* the address of B to probe: one in a subnet of A's first, IPv4 first */
static void pick_target(struct why *w)
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

/* NS's rp_filter on link L: the larger of conf.all and conf.L */
static int rp_filter(struct why *w, struct model_ns *ns,
		     const struct model_link *l)
{
	char key[64];
	int all = why_sysctl(w->sh, w->m, ns, "ipv4/conf/all/rp_filter"), one;

	snprintf(key, sizeof(key), "ipv4/conf/%s/rp_filter", l->name);
	one = why_sysctl(w->sh, w->m, ns, key);
	return all > one ? all : one;
}

/* ------------------------------------------------------------ the ends */

/* the destination of route H as `ip route` names it: "10.0.2.0/24", or
 * "default" (for no route at all too: the one to add) */
static const char *route_dst(const struct show_route *h, char *buf,
			     size_t len)
{
	char s[64];

	if (!h->r || !h->r->dst_len)
		snprintf(buf, len, "default");
	else
		snprintf(buf, len, "%s/%d", show_ip(h->r->family, h->r->dst,
						    s, sizeof(s)),
			 h->r->dst_len);
	return buf;
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
	c = check(w, POS_END, w->src, "source address", "%s has %s IPv%c "
		  "address", model_ns_label(w->a), w->src ? "an" : "no",
		  fam == AF_INET ? '4' : '6');
	if (!w->src)
		blame(c, addr_fix(w, w->a, la, lb ? addr_on(w->b, lb, fam) :
				  NULL, NULL, f, sizeof(f)) ? f : NULL,
		      "%s", c->detail);
	if (!w->b)
		return;
	c = check(w, POS_END, w->has_x, "target address", "%s has %s",
		  model_ns_label(w->b), w->has_x ? w->xs : "none");
	if (!w->has_x && !lb &&
	    why_stray_fix(w->m, w->a, w->b, f, sizeof(f), at, sizeof(at)))
		blame(c, f, "%s has no bridge or cable to %s: the end that "
		      "belongs in it, %s, is still outside",
		      model_ns_label(w->b), model_ns_label(w->a), at);
	else if (!w->has_x)
		blame(c, addr_fix(w, w->b, lb, w->src, NULL, f, sizeof(f)) ?
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
	blame(c, fix ? f : NULL, "%s: put both in one subnet", c->detail);
	return true;
}

/* A's route to X and its gateway, then the source address it implies */
static void check_route(struct why *w, const struct path *l2)
{
	int fam = w->x.family;
	const char *lbl = model_ns_label(w->a);
	char f[400], s1[64], s2[64], n1[300];
	const struct model_link *out;
	struct check *c;
	bool onlink = false;

	w->has_rt = show_route_lookup(w->a, &w->x, &w->rt);
	out = w->has_rt ? model_link_by_index(w->a, w->rt.oif) : NULL;
	c = check(w, POS_ROUTE, w->has_rt, "route", "%s%s%s", lbl,
		  !w->has_rt ? " has no route to " : ": ",
		  !w->has_rt ? w->xs : w->rt.r ?
		  show_route_text(w->a, w->rt.r, true, n1, sizeof(n1)) :
		  "connected");
	if (w->has_rt && !w->rt.r)
		snprintf(c->detail, sizeof(c->detail), "%s: %s is on the "
			 "subnet of %s (connected)", lbl, w->xs,
			 out ? out->name : "?");
	if (!w->has_rt && !(w->b && check_subnet(w, l2, c))) {
		bool gw = why_find_router(w->m, w->a, &w->x, s1, sizeof(s1));

		snprintf(f, sizeof(f), "%sroute add default via %s",
			 why_ip_in(w->m, w->a, n1, sizeof(n1)), s1);
		blame(c, gw ? f : NULL, "%s has no route to %s%s", lbl,
		      w->xs, gw ? " (no default route)" : "");
	}
	if (!w->has_rt)
		return;
	/* the route's own source (src), else the kernel's pick */
	w->src = w->rt.r && w->rt.r->has_prefsrc ?
		 why_addr_of(w->a, fam, w->rt.r->prefsrc) : NULL;
	if (!w->src)
		w->src = why_pick_src(w->a, w->rt.oif, fam,
				      w->rt.has_gw ? w->rt.gw : w->x.addr);
	snprintf(w->c[w->src_check].detail, sizeof(w->c[0].detail),
		 "%s sends from %s/%d", lbl,
		 show_ip(fam, w->src->addr, s1, sizeof(s1)), w->src->plen);
	if (!w->rt.has_gw)
		return;
	/* the gateway must be on one of the subnets of the route's link,
	 * unless the route says it is on the link as it is (onlink) */
	show_ip(fam, w->rt.gw, s1, sizeof(s1));
	if (w->rt.r && w->rt.r->onlink) {
		check(w, POS_GW, true, "gateway", "%s is on %s (onlink)", s1,
		      out ? out->name : "?");
		return;
	}
	for (int i = 0; i < w->a->naddrs; i++)
		onlink |= w->a->addrs[i].ifindex == w->rt.oif &&
			  w->a->addrs[i].family == fam &&
			  show_same_prefix(w->a->addrs[i].addr, w->rt.gw,
					   w->a->addrs[i].plen);
	c = check(w, POS_GW, onlink, "gateway", "%s is %son a subnet of %s",
		  s1, onlink ? "" : "not ", out ? out->name : "?");
	if (onlink)
		return;
	snprintf(f, sizeof(f), "%sroute replace %s via ",
		 why_ip_in(w->m, w->a, n1, sizeof(n1)),
		 route_dst(&w->rt, s2, sizeof(s2)));
	blame(c, why_find_router(w->m, w->a, &w->x, s2, sizeof(s2)) ?
	      strcat(f, s2) : NULL, "%s's gateway %s is on none of its "
	      "subnets", lbl, s1);
}

/* the checks of the ends: addresses, subnets, route */
static void check_ends(struct why *w)
{
	if (w->b) {
		path_find(w->m, w->a, w->b, NULL, &w->l2);
		for (int i = 0; i < w->l2.nhops; i++)
			if (w->l2.hops[i].routed)
				w->l2.nhops = 0;	/* routed: no segment */
	}
	check_addresses(w, &w->l2);
	if (w->has_x && w->src)
		check_route(w, &w->l2);
}

/* ------------------------------------------------------------ the path */

/* strict rp_filter in NS drops what comes in on IIF from SRC when its
 * route back leaves by another link: a failed check at POS */
static void check_rp(struct why *w, struct model_ns *ns,
		     const struct model_link *iif, const struct model_addr *src,
		     int pos)
{
	struct nsh_prefix s = { .family = src->family, .len = 32 };
	struct show_route back;
	const struct model_link *out;
	char n1[300], f[400], ss[64];
	struct check *c;

	memcpy(s.addr, src->addr, 4);
	if (src->family != AF_INET || !iif ||
	    !show_route_lookup(ns, &s, &back) || back.oif == iif->ifindex ||
	    !(out = model_link_by_index(ns, back.oif)) ||
	    rp_filter(w, ns, iif) != 1)
		return;
	show_ip(AF_INET, src->addr, ss, sizeof(ss));
	snprintf(n1, sizeof(n1), "rp_filter %s", model_ns_label(ns));
	c = check(w, pos, false, n1, "strict (1) on %s, and the way back to "
		  "%s leaves by %s", iif->name, ss, out->name);
	snprintf(f, sizeof(f), "%snet.ipv4.conf.all.rp_filter=2",
		 why_sysctl_in(w->m, ns, n1, sizeof(n1)));
	blame(c, f, "%s drops it: rp_filter is strict on %s, and its route "
	      "back to %s leaves by %s", model_ns_label(ns), iif->name, ss,
	      out->name);
}

/* every hop of path P: up, carrier, the cable or bridge to the next;
 * each router: forwarding and rp_filter */
static void check_hops(struct why *w, const struct path *p)
{
	char name[300], at[300], n1[300], f[400];
	int v6 = w->x.family == AF_INET6;

	for (int i = 0; i < p->nhops; i++) {
		const struct path_hop *h = &p->hops[i], *n = &p->hops[i + 1];
		struct model_link *l = h->link, *pl;
		struct model_ns *pns;
		bool up = l->flags & IFF_UP;
		bool carrier = show_carrier(w->m, h->ns, l);
		const char *reason;
		struct check *c;

		why_where(h->ns, l, at, sizeof(at));
		snprintf(name, sizeof(name), "link %s:%s",
			 model_ns_label(h->ns), l->name);
		c = check(w, i, up && carrier, name, "%s", !up ? "down" :
			  carrier ? "up, carrier" : "up, no carrier");
		snprintf(f, sizeof(f), "%slink set %s up",
			 why_ip_in(w->m, h->ns, n1, sizeof(n1)), l->name);
		if (!up && (reason = fail_reason(h->ns, l, n1, sizeof(n1))))
			blame(c, n1, "%s is down: %s", at, reason);
		else if (!up)
			blame(c, f, "%s is down", at);
		if (up && !carrier) {
			c->pos = POS_CARRIER + i;
			if (show_peer(w->m, h->ns, l, &pns, &pl) &&
			    (reason = fail_reason(pns, pl, f, sizeof(f))))
				blame(c, f, "%s has no carrier: its peer %s "
				      "is down: %s", at,
				      why_where(pns, pl, n1, sizeof(n1)),
				      reason);
			else if (show_peer(w->m, h->ns, l, &pns, &pl))
				blame(c, NULL, "%s has no carrier: its peer "
				      "%s is %s", at,
				      why_where(pns, pl, n1, sizeof(n1)),
				      show_state(w->m, pns, pl));
			else
				blame(c, NULL, "%s has no carrier", at);
		}
		/* a router forwards, unless the packet is for it: the last
		 * hop may be another link of the target namespace */
		if (h->routed && !(i == p->nhops - 1 && h->ns == w->owner)) {
			int fwd = why_sysctl(w->sh, w->m, h->ns, v6 ?
					    "ipv6/conf/all/forwarding" :
					    "ipv4/ip_forward");
			const char *key = v6 ? "net.ipv6.conf.all.forwarding" :
					       "net.ipv4.ip_forward";

			snprintf(name, sizeof(name), "forwarding %s",
				 model_ns_label(h->ns));
			c = check(w, i, fwd == 1, name, "%s = %d", key, fwd);
			snprintf(f, sizeof(f), "%s%s=1", why_sysctl_in(w->m,
				 h->ns, n1, sizeof(n1)), key);
			if (fwd != 1)
				blame(c, f, "%s must forward it, but %s is %d "
				      "there", model_ns_label(h->ns), key,
				      fwd);
			if (i > 0 && p->hops[i - 1].ns == h->ns)
				check_rp(w, h->ns, p->hops[i - 1].link,
					 w->src, i);
		}
		if (i + 1 >= p->nhops || n->routed)
			continue;
		if (show_peer(w->m, h->ns, l, &pns, &pl) && pl == n->link)
			check(w, i, true, "cable", "%s:%s ↔ %s:%s",
			      model_ns_label(h->ns), l->name,
			      model_ns_label(pns), pl->name);
		else if (n->link->master == l->ifindex ||
			 l->master == n->link->ifindex)
			check(w, i, true, "bridge port", "%s is a port of %s",
			      l->master ? l->name : n->link->name,
			      l->master ? n->link->name : l->name);
	}
}

/* what the path finder found broken besides links down or without
 * carrier: no cable, no route, a bad route, nobody at the address */
static void check_breaks(struct why *w)
{
	char n1[300], f[400], cause[400], gw[64] = "", d[64];

	for (int i = 0; i < w->fwd.nbrk; i++) {
		const struct path_break *b = &w->fwd.brk[i];
		struct show_route h;
		int pos = POS_END;
		bool fix = false;
		struct check *c;

		if (b->fault == PATH_DOWN || b->fault == PATH_NO_CARRIER)
			continue;
		for (int k = 0; k < w->fwd.nhops && b->link; k++)
			if (w->fwd.hops[k].link == b->link)
				pos = k;
		snprintf(cause, sizeof(cause), "%s", b->line);
		c = check(w, pos, false, "path", "%s", b->line);
		if (b->fault == PATH_NO_CABLE && b->link &&
		    show_route_lookup(b->ns, &w->x, &h)) {
			fix = why_cable_fix(w->m, b->ns, b->link, w->x.family,
					    h.has_gw ? h.gw : w->x.addr, f,
					    sizeof(f), n1, sizeof(n1));
			if (fix)
				snprintf(cause, sizeof(cause), "%s, so %s", n1,
					 b->line);
		} else if (b->fault == PATH_NO_ROUTE ||
			   b->fault == PATH_NO_GATEWAY) {
			fix = why_find_router(w->m, b->ns, &w->x, gw,
					      sizeof(gw));
			h.r = NULL;
			if (b->fault == PATH_NO_GATEWAY)
				show_route_lookup(b->ns, &w->x, &h);
			snprintf(f, sizeof(f), "%sroute %s %s via %s",
				 why_ip_in(w->m, b->ns, n1, sizeof(n1)),
				 h.r ? "replace" : "add",
				 route_dst(&h, d, sizeof(d)), gw);
		} else if (b->fault == PATH_BAD_ROUTE &&
			   show_route_lookup(b->ns, &w->x, &h) && h.r) {
			snprintf(f, sizeof(f), "%sroute del %s",
				 why_ip_in(w->m, b->ns, n1, sizeof(n1)),
				 route_dst(&h, d, sizeof(d)));
			fix = true;
		}
		blame(c, fix ? f : NULL, "%s", cause);
	}
}

/* the way back from the target to A's source address, and rp_filter
 * where the probe and its answer arrive */
static void check_back(struct why *w)
{
	struct nsh_prefix s = { .family = w->x.family };
	struct path back;
	char n1[300], f[400], gw[64], buf[2048];
	struct check *c;

	if (!w->owner || w->fwd.nbrk || w->owner == w->a)
		return;
	if (w->fwd.nhops)
		check_rp(w, w->owner, w->fwd.hops[w->fwd.nhops - 1].link,
			 w->src, POS_END);
	s.len = w->x.family == AF_INET ? 32 : 128;
	memcpy(s.addr, w->src->addr, why_alen(s.family));
	path_find(w->m, w->owner, NULL, &s, &back);
	c = check(w, POS_BACK, !back.nbrk, "way back", "%s",
		  back.nbrk ? back.brk[0].line :
		  path_text(w->m, &back, buf, sizeof(buf)));
	if (back.nbrk) {
		const struct path_break *b = &back.brk[0];
		bool fix = false;

		if (b->fault == PATH_NO_ROUTE &&
		    why_find_router(w->m, b->ns, &s, gw, sizeof(gw))) {
			snprintf(f, sizeof(f), "%sroute add default via %s",
				 why_ip_in(w->m, b->ns, n1, sizeof(n1)), gw);
			fix = true;
		} else if (b->fault == PATH_DOWN && b->link) {
			snprintf(f, sizeof(f), "%slink set %s up",
				 why_ip_in(w->m, b->ns, n1, sizeof(n1)),
				 b->link->name);
			fix = true;
		}
		blame(c, fix ? f : NULL, "no way back to %s: %s",
		      show_ip(s.family, s.addr, gw, sizeof(gw)), b->line);
	} else if (back.nhops && w->has_rt) {
		/* the answer comes in on the last hop: A's rp_filter */
		const struct model_addr *o = NULL;

		for (int i = 0; i < w->owner->naddrs; i++)
			if (!memcmp(w->owner->addrs[i].addr, w->x.addr,
				    why_alen(w->x.family)))
				o = &w->owner->addrs[i];
		if (o)
			check_rp(w, w->a, back.hops[back.nhops - 1].link, o,
				 POS_BACK);
	}
	path_free(&back);
}

/* after the probe: A's neighbour entry for the next hop (its check in
 * *NB_CHECK), and bridge netfilter on the bridges of the path (the hop of
 * the first that calls iptables in *NF_HOP): evidence, not causes */
static void check_evidence(struct why *w, int *nf_hop, int *nb_check)
{
	char s[64], name[300];

	*nf_hop = *nb_check = -1;
	if (w->has_rt) {
		int st = w->pr.neigh_after;
		bool bad = st & (NUD_INCOMPLETE | NUD_FAILED);

		show_ip(w->x.family, w->rt.has_gw ? w->rt.gw : w->x.addr, s,
			sizeof(s));
		*nb_check = w->nc;
		check(w, POS_END, !bad, "neighbour", "%s's %s entry for %s: "
		      "%s", model_ns_label(w->a), w->x.family == AF_INET ?
		      "ARP" : "neighbour", s, !st ? "none" :
		      st & NUD_INCOMPLETE ? "INCOMPLETE (no answer)" :
		      st & NUD_FAILED ? "FAILED (no answer)" : "resolved");
	}
	for (int i = 0; i < w->fwd.nhops; i++) {
		const struct path_hop *h = &w->fwd.hops[i];
		int v;

		if (!streq(h->link->kind, "bridge"))
			continue;
		v = why_sysctl(w->sh, w->m, h->ns,
			       "bridge/bridge-nf-call-iptables");
		snprintf(name, sizeof(name), "bridge netfilter %s:%s",
			 model_ns_label(h->ns), h->link->name);
		if (v == 1 && *nf_hop < 0)
			*nf_hop = i;
		check(w, POS_END, v != 1 || w->pr.answered, name, "%s",
		      v < 0 ? "br_netfilter not loaded" :
		      v == 0 ? "bridge-nf-call-iptables = 0" :
		      "bridge-nf-call-iptables = 1: bridged frames go "
		      "through iptables");
	}
}

/* ------------------------------------------------------------ the command */

/* a carrier the kernel has yet to act on: a veth or bridge that has one
 * by the states of the links (show_carrier) but whose operstate is not
 * UP yet.  A veth's own RTM_NEWLINK already has IFF_LOWER_UP when it comes
 * up, but its operstate (and its peer's carrier) wait for linkwatch, and
 * a bridge enables a port only then: a probe sent before is lost */
static bool settling(struct model *m)
{
	for (int i = 0; i < m->nns; i++)
		for (int k = 0; k < m->ns[i]->nlinks; k++) {
			const struct model_link *l = &m->ns[i]->links[k];

			if ((streq(l->kind, "veth") ||
			     streq(l->kind, "bridge")) &&
			    l->operstate != IF_OPER_UP &&
			    show_carrier(m, m->ns[i], l))
				return true;
		}
	return false;
}

/* the model, once the kernel has acted (up to 300 ms) on the carriers
 * that follow from the links' states, so that a probe right after a fix
 * does not race the bridge */
static struct model *settle(struct nsh *sh)
{
	struct model *m = model_get(sh);
	double t0 = why_now_ms();

	while (m && settling(m) && why_now_ms() - t0 < 300) {
		struct pollfd fds[4];
		int n = model_pollfds(fds, 4);

		if (poll(fds, (nfds_t)n, 20) >= 0)
			model_ready(sh, fds, n);
	}
	return m;
}

/* the failed check that explains the lost probe: the first on the path */
static const struct check *first_failure(const struct why *w)
{
	const struct check *best = NULL;

	for (int i = 0; i < w->nc; i++)
		if (!w->c[i].ok && w->c[i].hard &&
		    (!best || w->c[i].pos < best->pos))
			best = &w->c[i];
	return best;
}

/* no check explains the lost probe: name the evidence, bridge netfilter
 * first (seed 001, step 6: "fix on systems where ping fails") */
static void unexplained(struct why *w, int nf, int nb, char *cause,
			size_t clen, char *fix, size_t flen)
{
	char n1[300];

	fix[0] = '\0';
	if (nf >= 0) {
		struct model_ns *ns = w->fwd.hops[nf].ns;

		snprintf(cause, clen, "nothing on the path explains it, but "
			 "%s passes bridged frames to iptables "
			 "(bridge-nf-call-iptables = 1), whose rules may drop "
			 "them", w->fwd.hops[nf].link->name);
		snprintf(fix, flen, "%snet.bridge.bridge-nf-call-iptables=0 "
			 "net.bridge.bridge-nf-call-arptables=0 "
			 "net.bridge.bridge-nf-call-ip6tables=0",
			 why_sysctl_in(w->m, ns, n1, sizeof(n1)));
	} else if (nb >= 0 && !w->c[nb].ok) {
		snprintf(cause, clen, "%s, and nothing nsh checks explains "
			 "why", w->c[nb].detail);
	} else {
		snprintf(cause, clen, "%s, and nothing nsh checks explains "
			 "why", w->pr.what);
	}
}

/* "10.200.0.2 (ns2:veth-ns2)", or the namespace without an address */
static const char *target_text(const struct why *w, char *buf, size_t len)
{
	if (!w->has_x)
		snprintf(buf, len, "%s", model_ns_label(w->b));
	else if (w->owner)
		snprintf(buf, len, "%s (%s:%s)", w->xs,
			 model_ns_label(w->owner), w->owner_link->name);
	else
		snprintf(buf, len, "%s", w->xs);
	return buf;
}

/* -j: {"from","target","address","reachable","rtt_ms","path","checks":
 * [{"check","ok","detail"}],"cause","fix"} (null when none) */
static void print_json(const struct why *w, const char *target,
		       const char *cause, const char *fix)
{
	struct json j = { 0 };
	char buf[4096];

	json_begin_object(&j);
	json_str(&j, "from", model_ns_label(w->a));
	json_str(&j, "target", target);
	json_str_or_null(&j, "address", w->has_x ? w->xs : NULL);
	json_bool(&j, "reachable", w->pr.answered);
	json_key(&j, "rtt_ms");
	if (w->pr.answered)
		printf("%.3f", w->pr.rtt_ms);
	else
		fputs("null", stdout);
	json_str(&j, "path", path_text(w->m, &w->fwd, buf, sizeof(buf)));
	json_key(&j, "checks");
	json_begin_array(&j);
	for (int i = 0; i < w->nc; i++) {
		json_key(&j, NULL);
		json_begin_object(&j);
		json_str(&j, "check", w->c[i].name);
		json_bool(&j, "ok", w->c[i].ok);
		json_str(&j, "detail", w->c[i].detail);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_str_or_null(&j, "cause", cause);
	json_str_or_null(&j, "fix", fix && *fix ? fix : NULL);
	json_end_object(&j);
	json_end(&j);
}

static void print_text(const struct why *w, const char *cause,
		       const char *fix)
{
	const char *lbl = model_ns_label(w->a);
	char tgt[400], buf[4096], s[64];

	target_text(w, tgt, sizeof(tgt));
	if (w->pr.answered) {
		printf("%s reaches %s: %.*f ms\n", lbl, tgt,
		       w->pr.rtt_ms < 0.01 ? 3 : 2, w->pr.rtt_ms);
		for (int i = 0; i < w->nc; i++)
			if (!w->c[i].ok && w->c[i].hard)
				printf("  but the model says: %s\n",
				       w->c[i].cause);
		return;
	}
	printf("%s cannot reach %s: %s\n", lbl, tgt, cause);
	if (*fix)
		printf("fix: %s\n", fix);
	if (*w->then && *fix)
		printf("  %s\n", w->then);
	if (w->fwd.nhops)
		printf("  path: %s\n", path_text(w->m, &w->fwd, buf,
						 sizeof(buf)));
	if (w->has_x)
		printf("  probe: %s\n", w->pr.what);
	if (w->pr.neigh_before & (NUD_INCOMPLETE | NUD_FAILED))
		printf("  %s's entry for its next hop was %s from an earlier "
		       "attempt: cleared before the probe\n",
		       model_ns_label(w->a),
		       w->pr.neigh_before & NUD_FAILED ? "FAILED" :
		       "INCOMPLETE");
	if (w->src && *w->pr.ksrc &&
	    !streq(w->pr.ksrc, show_ip(w->src->family, w->src->addr, s,
				    sizeof(s))))
		printf("  the kernel sends from %s, the model expected %s\n",
		       w->pr.ksrc, s);
}

/*
 * why NSREF TARGET [-j]: the model's checks along the path, one real
 * probe, then the answer; 0 either way (1 only for a refused request).
 */
static int cmd_why(struct nsh *sh, const struct nsh_args *a)
{
	struct why *w = calloc(1, sizeof(*w));
	const struct check *c;
	char cause[600], fix[600], esc[300];
	int nf, nb, rc;

	if (!w)
		return nsh_err(sh, "out of memory");
	w->sh = sh;
	w->m = settle(sh);
	if (!w->m || !(w->a = show_ns_ref(sh, w->m, arg_str(a, "nsref"))) ||
	    show_target(sh, w->m, w->a, arg_str(a, "target"), &w->b,
			&w->x)) {
		free(w);
		return 1;
	}
	if (!w->b && w->x.family == AF_INET6 && w->x.addr[0] == 0xfe &&
	    (w->x.addr[1] & 0xc0) == 0x80) {
		free(w);
		return nsh_err(sh, "'%s': a link-local address needs a link; "
			       "ask about a global one",
			       str_escape(arg_str(a, "target"), esc,
					  sizeof(esc)));
	}
	if (w->b)
		pick_target(w);
	else
		w->has_x = true;
	if (w->has_x) {
		show_ip(w->x.family, w->x.addr, w->xs, sizeof(w->xs));
		path_find(w->m, w->a, NULL, &w->x, &w->fwd);
		w->owner = w->fwd.owner;
		w->owner_link = w->fwd.owner_link;
	}
	check_ends(w);
	if (w->has_x && w->src && w->has_rt) {
		check_hops(w, &w->fwd);
		check_breaks(w);
		check_back(w);
	} else {
		check_hops(w, &w->l2);	/* no route: the links at least */
	}
	if (w->has_x)
		why_probe(sh, w->m, w->a, &w->x, w->has_rt ? w->rt.oif : 0,
			  w->has_rt && w->rt.has_gw ? w->rt.gw : w->x.addr,
			  &w->pr);
	check_evidence(w, &nf, &nb);
	c = first_failure(w);
	cause[0] = fix[0] = '\0';
	if (!w->pr.answered && c) {
		snprintf(cause, sizeof(cause), "%s", c->cause);
		snprintf(fix, sizeof(fix), "%s", c->fix);
	} else if (!w->pr.answered) {
		unexplained(w, nf, nb, cause, sizeof(cause), fix, sizeof(fix));
	}
	if (arg_has(a, "-j"))
		print_json(w, arg_str(a, "target"), *cause ? cause : NULL, fix);
	else
		print_text(w, cause, fix);
	/* a view: a diagnosis is an answer, not a failure (a teacher's
	 * "now look what is broken" goes on); `expect` is the assertion */
	rc = 0;
	path_free(&w->fwd);
	path_free(&w->l2);
	free(w);
	return rc;
}

static const struct nsh_cmd why_cmds[] = {
	{ "why NSREF WORD$target [ -j ]",
	  "why a namespace cannot reach another or an address, and the fix",
	  cmd_why, 0, "why ns1 ns2",
	  "ip -n {nsref} route get {addr:target}\n"
	  "{exec:nsref} ping -c 1 -W 1 {addr:target}\n"
	  "ip -n {nsref} -d link show   (state, master, peer of each hop)" },
	{ NULL },
};

const struct nsh_family why_family = {
	"why", "diagnose why one namespace cannot reach another", why_cmds,
};
