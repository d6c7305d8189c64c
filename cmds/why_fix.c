/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * why_fix.c - the fixes of `why` (why.h): the command that repairs each
 * fault, and the words it needs (how a command names a namespace, free
 * addresses, gateways, missing cables).  Reads the model only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "model.h"
#include "show.h"
#include "why.h"

/* "ip " or "ip -n ns1 ": how a command acts in NS (a namespace that only
 * a process holds: by its PID) */
const char *why_ip_in(const struct model *m, const struct model_ns *ns,
		      char *buf, size_t len)
{
	if (ns == m->ns[0])
		snprintf(buf, len, "ip ");
	else if (ns->name[0])
		snprintf(buf, len, "ip -n %s ", ns->name);
	else
		snprintf(buf, len, "ip -n %d ", (int)ns->pid);
	return buf;
}

/* "sysctl -w " or "ip netns exec r1 sysctl -w " */
const char *why_sysctl_in(const struct model *m, const struct model_ns *ns,
			  char *buf, size_t len)
{
	if (ns == m->ns[0])
		snprintf(buf, len, "sysctl -w ");
	else if (ns->name[0])
		snprintf(buf, len, "ip netns exec %s sysctl -w ", ns->name);
	else
		snprintf(buf, len, "ip netns exec %d sysctl -w ", (int)ns->pid);
	return buf;
}

/* "veth-br2 (host)" */
const char *why_where(const struct model_ns *ns, const struct model_link *l,
		      char *buf, size_t len)
{
	snprintf(buf, len, "%s (%s)", l->name, model_ns_label(ns));
	return buf;
}

/* the bytes of an address of FAMILY */
size_t why_alen(int family)
{
	return family == AF_INET6 ? 16 : 4;
}

/* the IPv4/IPv6 addresses that count: not link-local, not on lo */
bool why_usable(struct model_ns *ns, const struct model_addr *a)
{
	const struct model_link *l = model_link_by_index(ns, a->ifindex);

	return !show_link_local(a) && l && !(l->flags & IFF_LOOPBACK);
}

/* A and B (of FAMILY) share a subnet */
bool why_same_subnet(const struct model_addr *a, const struct model_addr *b)
{
	return a->family == b->family && a->plen == b->plen &&
	       show_same_prefix(a->addr, b->addr, a->plen);
}

/* the address NS sends from out of link OIF towards NEXT: one whose subnet
 * holds NEXT, else the first on OIF, else the first anywhere (as the
 * kernel's inet_select_addr) */
const struct model_addr *why_pick_src(struct model_ns *ns, int oif,
				      int family, const unsigned char *next)
{
	const struct model_addr *on = NULL, *any = NULL;

	for (int i = 0; i < ns->naddrs; i++) {
		const struct model_addr *a = &ns->addrs[i];

		if (a->family != family || !why_usable(ns, a))
			continue;
		if (a->ifindex == oif &&
		    show_same_prefix(a->addr, next, a->plen))
			return a;
		if (a->ifindex == oif && !on)
			on = a;
		if (!any)
			any = a;
	}
	return on ? on : any;
}

/* NS's address IP (FAMILY), or NULL */
const struct model_addr *why_addr_of(const struct model_ns *ns, int family,
				     const unsigned char *ip)
{
	for (int k = 0; k < ns->naddrs; k++)
		if (ns->addrs[k].family == family &&
		    !memcmp(ns->addrs[k].addr, ip, why_alen(family)))
			return &ns->addrs[k];
	return NULL;
}

/* some namespace of M has address IP (FAMILY) */
static bool addr_taken(struct model *m, int family, const unsigned char *ip)
{
	for (int i = 0; i < m->nns; i++)
		if (why_addr_of(m->ns[i], family, ip))
			return true;
	return false;
}

/*
 * why_free_addr - a free address in NET/PLEN (FAMILY) for a fix, as text with
 * its prefix length: NET's prefix with HINT's host part if that is free
 * (10.201.0.2 moved into 10.200.0.0/24 is 10.200.0.2), else the first free
 * host number.  false when the subnet is full.
 */
bool why_free_addr(struct model *m, int family, const unsigned char *net,
		   int plen, const unsigned char *hint, char *buf, size_t len)
{
	size_t n = why_alen(family);
	unsigned char ip[16], host[16] = { 0 };
	char s[64];

	for (unsigned num = 0; num < 4096; num++) {
		bool zero = true, ones = true;

		if (num || !hint) {
			memset(host, 0, sizeof(host));
			host[n - 1] = (unsigned char)(num & 0xff);
			host[n - 2] = (unsigned char)(num >> 8);
		} else {
			memcpy(host, hint, n);
		}
		for (size_t i = 0; i < n; i++) {
			int bits = plen - 8 * (int)i;
			unsigned mask = bits >= 8 ? 0xff : bits <= 0 ? 0 :
					(0xff << (8 - bits)) & 0xff;

			ip[i] = (unsigned char)((net[i] & mask) |
						(host[i] & ~mask));
			zero &= !(ip[i] & ~mask);
			ones &= (ip[i] | mask) == 0xff;
		}
		if (plen >= (int)n * 8 - 1 || (!zero && !(ones &&
							  family == AF_INET)))
			if (!addr_taken(m, family, ip)) {
				snprintf(buf, len, "%s/%d",
					 show_ip(family, ip, s, sizeof(s)),
					 plen);
				return true;
			}
	}
	return false;
}

/*
 * why_find_router - a gateway for NS towards X: the address, in one of NS's
 * subnets, of another namespace that has a route to X (not back through
 * NS).  A router with X on one of its own subnets is preferred.
 */
bool why_find_router(struct model *m, struct model_ns *ns,
		     const struct nsh_prefix *x, char *buf, size_t len)
{
	bool found = false;

	for (int i = 0; i < ns->naddrs; i++) {
		const struct model_addr *a = &ns->addrs[i];

		if (a->family != x->family || !why_usable(ns, a))
			continue;
		for (int k = 0; k < m->nns; k++) {
			struct model_ns *r = m->ns[k];
			struct path_route h;

			if (r == ns || !path_route_lookup(r, x, &h) ||
			    h.type != RTN_UNICAST ||
			    (h.has_gw && why_addr_of(ns, x->family, h.gw)))
				continue;
			for (int j = 0; j < r->naddrs; j++) {
				const struct model_addr *ra = &r->addrs[j];

				if (!why_usable(r, ra) ||
				    !why_same_subnet(ra, a) ||
				    (found && h.has_gw))
					continue;
				show_ip(ra->family, ra->addr, buf, len);
				if (!h.has_gw)
					return true;
				found = true;
			}
		}
	}
	return found;
}

/* the layer-2 segments of the model, whatever the links' states: veth
 * pairs and bridge ports; MARK holds a side per link (0: none) */
struct segs {
	struct model *m;
	int *off;		/* first index of each namespace's links */
	char *mark;
};

/* the segment of link IFINDEX of NS, or -1 */
static int seg_index(const struct segs *s, const struct model_ns *ns,
		     const struct model_link *l)
{
	for (int i = 0; i < s->m->nns; i++)
		if (s->m->ns[i] == ns)
			return s->off[i] + (int)(l - ns->links);
	return -1;
}

/* mark L's segment (in NS) with SIDE */
static void seg_mark(struct segs *s, struct model_ns *ns,
		     struct model_link *l, char side)
{
	struct model_ns *pns;
	struct model_link *pl;
	int u = seg_index(s, ns, l);

	if (u < 0 || s->mark[u])
		return;
	s->mark[u] = side;
	if (show_peer(s->m, ns, l, &pns, &pl))
		seg_mark(s, pns, pl, side);
	if (l->master && (pl = model_link_by_index(ns, l->master)))
		seg_mark(s, ns, pl, side);
	for (int i = 0; i < ns->nlinks; i++)
		if (ns->links[i].master == l->ifindex)
			seg_mark(s, ns, &ns->links[i], side);
}

/* S for model M, nothing marked yet (seg_free it) */
static void seg_init(struct segs *s, struct model *m)
{
	int n = 0;

	s->m = m;
	s->off = xcalloc((size_t)m->nns + 1, sizeof(*s->off));
	for (int i = 0; i < m->nns; i++)
		s->off[i + 1] = (n += m->ns[i]->nlinks);
	s->mark = xcalloc((size_t)n + 1, 1);
}

/* free what seg_init made */
static void seg_free(struct segs *s)
{
	free(s->off);
	free(s->mark);
}

/* link L of NS has a usable address */
static bool has_addr(const struct model_ns *ns, const struct model_link *l)
{
	for (int i = 0; i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex == l->ifindex &&
		    !show_link_local(&ns->addrs[i]))
			return true;
	return false;
}

/*
 * why_cable_fix - the cable between the segment of FROM (in NS) and the
 * one of the links that hold address NEXT (FAMILY): a port that belongs
 * on a bridge of the other side but is on none (or on another).  Fills
 * FIX and CAUSE; false when there is no such port.
 */
bool why_cable_fix(struct model *m, struct model_ns *ns,
		   struct model_link *from, int family,
		   const unsigned char *next, char *fix, size_t flen,
		   char *cause, size_t clen)
{
	struct segs s;
	bool found = false;
	char n1[300];

	seg_init(&s, m);
	seg_mark(&s, ns, from, 'a');
	for (int i = 0; i < m->nns; i++)
		for (int k = 0; k < m->ns[i]->naddrs; k++) {
			const struct model_addr *a = &m->ns[i]->addrs[k];
			struct model_link *l = model_link_by_index(
				m->ns[i], a->ifindex);

			if (l && a->family == family &&
			    !memcmp(a->addr, next, why_alen(a->family)))
				seg_mark(&s, m->ns[i], l, 'b');
		}
	for (int i = 0; i < m->nns && !found; i++) {
		struct model_ns *pns = m->ns[i];

		for (int k = 0; k < pns->nlinks && !found; k++) {
			struct model_link *p = &pns->links[k], *br;
			char side = s.mark[s.off[i] + k];

			if (!side || streq(p->kind, "bridge") ||
			    has_addr(pns, p))
				continue;
			for (int j = 0; j < pns->nlinks && !found; j++) {
				br = &pns->links[j];
				if (!streq(br->kind, "bridge") ||
				    !s.mark[s.off[i] + j] ||
				    s.mark[s.off[i] + j] == side)
					continue;
				snprintf(fix, flen, "%slink set %s master %s",
					 why_ip_in(m, pns, n1, sizeof(n1)),
					 p->name, br->name);
				snprintf(cause, clen, "%.100s (%.100s) is not "
					 "a port of %s (it is on %s)", p->name,
					 model_ns_label(pns), br->name,
					 p->master ? "another bridge" :
					 "no bridge");
				found = true;
			}
		}
	}
	seg_free(&s);
	return found;
}

/*
 * why_stray_fix - B has no link on A's segment: the veth end that should be
 * in B but was left behind (seed 001: "move one end to NS2" forgotten):
 * the one end on A's segment, outside A and B, on no bridge and without
 * an address.  Fills FIX and END_AT ("veth-ns2 (host)"); false when
 * there is not exactly one.
 */
bool why_stray_fix(struct model *m, struct model_ns *a, struct model_ns *b,
		   char *fix, size_t len, char *end_at, size_t elen)
{
	struct segs s;
	struct model_ns *ns = NULL;
	struct model_link *end = NULL;
	char n1[300];
	int n = 0;

	seg_init(&s, m);
	for (int k = 0; k < a->nlinks; k++)
		if (has_addr(a, &a->links[k]))
			seg_mark(&s, a, &a->links[k], 'a');
	for (int i = 0; i < m->nns; i++) {
		struct model_ns *o = m->ns[i];

		for (int k = 0; k < o->nlinks && o != a && o != b; k++)
			if (s.mark[s.off[i] + k] &&
			    streq(o->links[k].kind, "veth") &&
			    !o->links[k].master && !has_addr(o, &o->links[k])) {
				ns = o;
				end = &o->links[k];
				n++;
			}
	}
	seg_free(&s);
	if (n != 1)
		return false;
	snprintf(fix, len, "%slink set %s netns %s",
		 why_ip_in(m, ns, n1, sizeof(n1)), end->name, b->name[0] ?
		 b->name : b->pidlabel + 4);
	why_where(ns, end, end_at, elen);
	return true;
}

/* why_route_dst: see why.h */
const char *why_route_dst(const struct path_route *h, char *buf, size_t len)
{
	if (!h->r)
		snprintf(buf, len, "default");
	else
		show_route_dst(h->r, buf, len);
	return buf;
}
