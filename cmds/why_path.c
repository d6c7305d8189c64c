/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * why_path.c - the checks of `why` along the path the path finder found
 * (shell/lab/path.h): every hop's state and carrier, the cables and
 * bridges between them, the routers' forwarding and rp_filter, what the
 * finder saw broken, the way back; and after the probe, the evidence (a
 * neighbour entry, bridge netfilter).  Sysctls are read inside the
 * namespaces (why_sysctl); the rest is the model.
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

/* strict rp_filter in NS drops what comes in on IIF from SRC when its
 * route back leaves by another link: a failed check at POS */
static void check_rp(struct why *w, struct model_ns *ns,
		     const struct model_link *iif, const struct model_addr *src,
		     int pos)
{
	struct nsh_prefix s = { .family = src->family, .len = 32 };
	struct path_route back;
	const struct model_link *out;
	char n1[300], f[400], ss[64];
	struct check *c;

	memcpy(s.addr, src->addr, 4);
	if (src->family != AF_INET || !iif ||
	    !path_route_lookup(ns, &s, &back) || back.oif == iif->ifindex ||
	    !(out = model_link_by_index(ns, back.oif)) ||
	    rp_filter(w, ns, iif) != 1)
		return;
	show_ip(AF_INET, src->addr, ss, sizeof(ss));
	snprintf(n1, sizeof(n1), "rp_filter %s", model_ns_label(ns));
	c = why_check(w, pos, false, n1, "strict (1) on %s, and the way back "
		      "to %s leaves by %s", iif->name, ss, out->name);
	snprintf(f, sizeof(f), "%snet.ipv4.conf.all.rp_filter=2",
		 why_sysctl_in(w->m, ns, n1, sizeof(n1)));
	why_blame(c, f, "%s drops it: rp_filter is strict on %s, and its "
		  "route back to %s leaves by %s", model_ns_label(ns),
		  iif->name, ss, out->name);
}

/* hop H (the Ith) is up, with a carrier; when not, why (a link `fail`
 * took down, a peer that is down) and the fix */
static void hop_state(struct why *w, const struct path_hop *h, int i)
{
	struct model_link *l = h->link, *pl;
	struct model_ns *pns;
	bool up = l->flags & IFF_UP;
	bool carrier = show_carrier(w->m, h->ns, l);
	char name[300], at[300], n1[300], f[400];
	const char *reason;
	struct check *c;

	why_where(h->ns, l, at, sizeof(at));
	snprintf(name, sizeof(name), "link %s:%s", model_ns_label(h->ns),
		 l->name);
	c = why_check(w, i, up && carrier, name, "%s", !up ? "down" :
		      carrier ? "up, carrier" : "up, no carrier");
	snprintf(f, sizeof(f), "%slink set %s up",
		 why_ip_in(w->m, h->ns, n1, sizeof(n1)), l->name);
	if (!up && (reason = fail_reason(h->ns, l, n1, sizeof(n1))))
		why_blame(c, n1, "%s is down: %s", at, reason);
	else if (!up)
		why_blame(c, f, "%s is down", at);
	if (!up || carrier)
		return;
	c->pos = POS_CARRIER + i;
	if (show_peer(w->m, h->ns, l, &pns, &pl) &&
	    (reason = fail_reason(pns, pl, f, sizeof(f))))
		why_blame(c, f, "%s has no carrier: its peer %s is down: %s",
			  at, why_where(pns, pl, n1, sizeof(n1)), reason);
	else if (show_peer(w->m, h->ns, l, &pns, &pl))
		why_blame(c, NULL, "%s has no carrier: its peer %s is %s", at,
			  why_where(pns, pl, n1, sizeof(n1)),
			  show_state(w->m, pns, pl));
	else
		why_blame(c, NULL, "%s has no carrier", at);
}

/* the Ith hop of P is a router: it must forward (net.ipv4.ip_forward or
 * net.ipv6.conf.all.forwarding), and its rp_filter must let the probe in */
static void hop_forwarding(struct why *w, const struct path *p, int i)
{
	const struct path_hop *h = &p->hops[i];
	int v6 = w->x.family == AF_INET6;
	const char *key = v6 ? "net.ipv6.conf.all.forwarding" :
			       "net.ipv4.ip_forward";
	char name[300], n1[300], f[400];
	struct check *c;
	int fwd = why_sysctl(w->sh, w->m, h->ns, v6 ?
			     "ipv6/conf/all/forwarding" : "ipv4/ip_forward");

	snprintf(name, sizeof(name), "forwarding %s", model_ns_label(h->ns));
	c = why_check(w, i, fwd == 1, name, "%s = %d", key, fwd);
	snprintf(f, sizeof(f), "%s%s=1",
		 why_sysctl_in(w->m, h->ns, n1, sizeof(n1)), key);
	if (fwd != 1)
		why_blame(c, f, "%s must forward it, but %s is %d there",
			  model_ns_label(h->ns), key, fwd);
	if (i > 0 && p->hops[i - 1].ns == h->ns)
		check_rp(w, h->ns, p->hops[i - 1].link, w->src, i);
}

/* the Ith hop of P and the next share a cable or a bridge: a check that
 * holds (a hop without either is one the finder saw broken) */
static void hop_cable(struct why *w, const struct path *p, int i)
{
	const struct path_hop *h = &p->hops[i], *n = &p->hops[i + 1];
	struct model_link *l = h->link, *pl;
	struct model_ns *pns;

	if (show_peer(w->m, h->ns, l, &pns, &pl) && pl == n->link)
		why_check(w, i, true, "cable", "%s:%s ↔ %s:%s",
			  model_ns_label(h->ns), l->name, model_ns_label(pns),
			  pl->name);
	else if (n->link->master == l->ifindex ||
		 l->master == n->link->ifindex)
		why_check(w, i, true, "bridge port", "%s is a port of %s",
			  l->master ? l->name : n->link->name,
			  l->master ? n->link->name : l->name);
}

/* why_check_hops: see why.h */
void why_check_hops(struct why *w, const struct path *p)
{
	for (int i = 0; i < p->nhops; i++) {
		const struct path_hop *h = &p->hops[i];

		hop_state(w, h, i);
		/* a router forwards, unless the packet is for it: the last
		 * hop may be another link of the target namespace */
		if (h->routed && !(i == p->nhops - 1 && h->ns == w->owner))
			hop_forwarding(w, p, i);
		if (i + 1 < p->nhops && !p->hops[i + 1].routed)
			hop_cable(w, p, i);
	}
}

/* what the path finder found broken besides links down or without
 * carrier: no cable, no route, a bad route, nobody at the address */
void why_check_breaks(struct why *w)
{
	char n1[300], f[400], cause[400], gw[64] = "", d[64];

	for (int i = 0; i < w->fwd.nbrk; i++) {
		const struct path_break *b = &w->fwd.brk[i];
		struct path_route h;
		int pos = POS_END;
		bool fix = false;
		struct check *c;

		if (b->fault == PATH_DOWN || b->fault == PATH_NO_CARRIER)
			continue;
		for (int k = 0; k < w->fwd.nhops && b->link; k++)
			if (w->fwd.hops[k].link == b->link)
				pos = k;
		snprintf(cause, sizeof(cause), "%s", b->line);
		c = why_check(w, pos, false, "path", "%s", b->line);
		if (b->fault == PATH_NO_CABLE && b->link &&
		    path_route_lookup(b->ns, &w->x, &h)) {
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
				path_route_lookup(b->ns, &w->x, &h);
			snprintf(f, sizeof(f), "%sroute %s %s via %s",
				 why_ip_in(w->m, b->ns, n1, sizeof(n1)),
				 h.r ? "replace" : "add",
				 why_route_dst(&h, d, sizeof(d)), gw);
		} else if (b->fault == PATH_BAD_ROUTE &&
			   path_route_lookup(b->ns, &w->x, &h) && h.r) {
			snprintf(f, sizeof(f), "%sroute del %s",
				 why_ip_in(w->m, b->ns, n1, sizeof(n1)),
				 why_route_dst(&h, d, sizeof(d)));
			fix = true;
		}
		why_blame(c, fix ? f : NULL, "%s", cause);
	}
}

/* the way back from the target to A's source address, and rp_filter
 * where the probe and its answer arrive */
void why_check_back(struct why *w)
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
	path_find(w->m, w->owner, NULL, &s, show_state, &back);
	c = why_check(w, POS_BACK, !back.nbrk, "way back", "%s",
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
		why_blame(c, fix ? f : NULL, "no way back to %s: %s",
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
void why_check_evidence(struct why *w, int *nf_hop, int *nb_check)
{
	char s[64], name[300];

	*nf_hop = *nb_check = -1;
	if (w->has_rt) {
		int st = w->pr.neigh_after;
		bool bad = st & (NUD_INCOMPLETE | NUD_FAILED);

		show_ip(w->x.family, w->rt.has_gw ? w->rt.gw : w->x.addr, s,
			sizeof(s));
		*nb_check = w->nc;
		why_check(w, POS_END, !bad, "neighbour",
			  "%s's %s entry for %s: %s", model_ns_label(w->a),
			  w->x.family == AF_INET ? "ARP" : "neighbour", s,
			  !st ? "none" :
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
		why_check(w, POS_END, v != 1 || w->pr.answered, name, "%s",
			  v < 0 ? "br_netfilter not loaded" :
			  v == 0 ? "bridge-nf-call-iptables = 0" :
			  "bridge-nf-call-iptables = 1: bridged frames go "
			  "through iptables");
	}
}

