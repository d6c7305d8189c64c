/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model_msg.c - rtnetlink messages and libnl objects into the model: the
 * converters (a link, an address, a route as the model keeps them),
 * model_apply for one message of an event or a dump, and the links a
 * change makes stale without a word (re-read after the batch).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/route/link.h>
#include <netlink/route/addr.h>
#include <netlink/route/route.h>
#include <netlink/route/rtnl.h>
#include <unistd.h>

#include "model.h"
#include "model_priv.h"

/* ------------------------------------------------------------ converters */

static void from_link(struct rtnl_link *l, struct model_link *m)
{
	struct nl_addr *a = rtnl_link_get_addr(l);
	const char *s;
	int32_t nsid;

	memset(m, 0, sizeof(*m));
	m->ifindex = rtnl_link_get_ifindex(l);
	snprintf(m->name, sizeof(m->name), "%s",
		 rtnl_link_get_name(l) ? rtnl_link_get_name(l) : "");
	if ((s = rtnl_link_get_type(l)))
		snprintf(m->kind, sizeof(m->kind), "%s", s);
	if ((s = rtnl_link_get_slave_type(l)))
		snprintf(m->slave_kind, sizeof(m->slave_kind), "%s", s);
	m->flags = rtnl_link_get_flags(l);
	m->operstate = rtnl_link_get_operstate(l);
	m->mtu = rtnl_link_get_mtu(l);
	if (a && nl_addr_get_len(a) == 6) {
		memcpy(m->mac, nl_addr_get_binary_addr(a), 6);
		m->has_mac = true;
	}
	m->master = rtnl_link_get_master(l);
	m->peer_ifindex = rtnl_link_get_link(l);
	m->peer_nsid = rtnl_link_get_link_netnsid(l, &nsid) == 0 ? nsid : -1;
	/* a link that is its own lower link has none; a peer in another
	 * namespace may well have the same number */
	if (m->peer_ifindex == m->ifindex && m->peer_nsid < 0)
		m->peer_ifindex = 0;
}

static void copy_addr(struct nl_addr *a, unsigned char *out)
{
	unsigned len = a ? nl_addr_get_len(a) : 0;

	memset(out, 0, 16);
	if (len > 16)
		len = 16;
	if (len)
		memcpy(out, nl_addr_get_binary_addr(a), len);
}

static void from_addr(struct rtnl_addr *a, struct model_addr *m)
{
	struct nl_addr *brd = rtnl_addr_get_broadcast(a);
	const char *s;

	memset(m, 0, sizeof(*m));
	m->ifindex = rtnl_addr_get_ifindex(a);
	m->family = rtnl_addr_get_family(a);
	copy_addr(rtnl_addr_get_local(a), m->addr);
	m->plen = rtnl_addr_get_prefixlen(a);
	m->scope = rtnl_addr_get_scope(a);
	m->flags = rtnl_addr_get_flags(a);
	if (m->family == AF_INET && brd && nl_addr_get_len(brd) == 4) {
		memcpy(m->brd, nl_addr_get_binary_addr(brd), 4);
		m->has_brd = true;
	}
	if (m->family == AF_INET && (s = rtnl_addr_get_label(a)))
		snprintf(m->label, sizeof(m->label), "%s", s);
}

/* route R as seen through its nexthop NH (see apply) */
static void from_route(struct rtnl_route *r, int nh_i, struct model_route *m)
{
	struct nl_addr *dst = rtnl_route_get_dst(r);
	struct nl_addr *src = rtnl_route_get_pref_src(r);

	memset(m, 0, sizeof(*m));
	m->family = rtnl_route_get_family(r);
	copy_addr(dst, m->dst);
	m->dst_len = dst ? (int)nl_addr_get_prefixlen(dst) : 0;
	m->table = rtnl_route_get_table(r);
	m->protocol = rtnl_route_get_protocol(r);
	m->scope = rtnl_route_get_scope(r);
	m->type = rtnl_route_get_type(r);
	m->priority = rtnl_route_get_priority(r);
	if (src && nl_addr_get_len(src) <= 16) {
		copy_addr(src, m->prefsrc);
		m->has_prefsrc = true;
	}
	if (rtnl_route_get_nnexthops(r) > nh_i) {
		struct rtnl_nexthop *nh = rtnl_route_nexthop_n(r, nh_i);
		struct nl_addr *gw = rtnl_route_nh_get_gateway(nh);

		m->oif = rtnl_route_nh_get_ifindex(nh);
		/* not RTNH_F_LINKDOWN or DEAD: those change without a word */
		m->onlink = rtnl_route_nh_get_flags(nh) & RTNH_F_ONLINK;
		if (gw) {
			copy_addr(gw, m->gw);
			m->has_gw = true;
		}
	}
}

/* ------------------------------------------------------------ refresh */

/*
 * Links to re-read after the batch of events (model_refresh_links): changes the
 * kernel makes to a link without announcing them, or only later.
 * - A veth end that moves or is created changes its peer's view (the
 *   peer's IFLA_LINK and link netnsid) without a word.
 * - A veth end going up or down switches its peer's carrier at once, but
 *   linkwatch announces it (and the operstate) only later.
 * - A port whose carrier changes, or that joins or leaves a bridge,
 *   switches the bridge's carrier; linkwatch announces that up to a second
 *   later (the bridge is no urgent event).
 */
#define MAX_REFRESH 64

static struct {
	dev_t dev;
	ino_t ino;
	int ifindex;
} refresh[MAX_REFRESH];
static int nrefresh;

static void want_refresh(const struct model_ns *ns, int ifindex)
{
	if (!ifindex)
		return;
	for (int i = 0; i < nrefresh; i++)
		if (refresh[i].ifindex == ifindex && refresh[i].dev == ns->dev &&
		    refresh[i].ino == ns->ino)
			return;
	if (nrefresh < MAX_REFRESH)
		refresh[nrefresh++] = (typeof(refresh[0])){ ns->dev, ns->ino,
							    ifindex };
}

static void want_peer_refresh(struct model_ns *ns, const struct model_link *l)
{
	struct model *m = model_peek();

	if (!m || !l->peer_ifindex)
		return;
	for (int i = 0; i < m->nns; i++) {
		struct model_link *p =
			model_link_by_index(m->ns[i], l->peer_ifindex);

		/* even one that points back at us: its link netnsid may be
		 * stale (the end moved, keeping its number) */
		/* in any namespace, its own too (a peer moved back beside
		 * it): only the link itself is not its own peer */
		if (!p || !streq(p->kind, "veth") ||
		    (m->ns[i] == ns && p->ifindex == l->ifindex))
			continue;
		want_refresh(m->ns[i], p->ifindex);
	}
}

/* L (as the kernel says it now) into NS; its bridge, old and new, is
 * re-read when L's carrier or master changed */
static void link_update(struct model_ns *ns, const struct model_link *l)
{
	const struct model_link *old = model_link_by_index(ns, l->ifindex);
	const unsigned carrier = IFF_LOWER_UP | IFF_RUNNING;

	/* (a new link, or one just moved here, is down: no carrier) */
	if (old && (old->master != l->master ||
		    ((old->flags ^ l->flags) & carrier) ||
		    old->operstate != l->operstate)) {
		want_refresh(ns, old->master);
		want_refresh(ns, l->master);
	}
	model_link_set(ns, l);
}

/* L as the kernel says it now: a veth's peer is re-read when L is added
 * or changed; deleted, its bridge's carrier */
static void apply_link(struct model_ns *ns, struct rtnl_link *o, bool add)
{
	const struct model_link *old;
	struct model_link l;

	from_link(o, &l);
	if (add && streq(l.kind, "veth"))
		want_peer_refresh(ns, &l);
	if (add) {
		link_update(ns, &l);
		return;
	}
	old = model_link_by_index(ns, l.ifindex);
	if (old)	/* a port gone: its bridge's carrier */
		want_refresh(ns, old->master);
	model_link_del(ns, l.ifindex);
}

/* the routes of RT (but the local table's), one per nexthop: libnl's
 * cache merges one prefix on several devices (every fe80::/64) into one
 * route with several nexthops; the model keeps one route per device */
static void apply_route(struct model_ns *ns, struct rtnl_route *rt, bool add)
{
	int n = rtnl_route_get_nnexthops(rt);

	for (int i = 0; i < (n > 0 ? n : 1); i++) {
		struct model_route r;

		from_route(rt, i, &r);
		if (r.table == RT_TABLE_LOCAL)
			return;
		model_route_set(ns, &r, add);
	}
}

/* apply one libnl object to NS; ADD false for a deletion */
static void apply(struct model_ns *ns, struct nl_object *o, bool add)
{
	const char *type = nl_object_get_type(o);

	if (streq(type, "route/link")) {
		apply_link(ns, (struct rtnl_link *)o, add);
	} else if (streq(type, "route/addr")) {
		struct model_addr a;

		from_addr((struct rtnl_addr *)o, &a);
		model_addr_set(ns, &a, add);
	} else if (streq(type, "route/route")) {
		apply_route(ns, (struct rtnl_route *)o, add);
	}
}

/* nl_msg_parse's callback: the object O into the namespace of ARG */
void model_parse_cb(struct nl_object *o, void *arg)
{
	struct model_parse *p = arg;

	apply(p->ns, o, p->add);
}

/*
 * model_apply - one rtnetlink message H of namespace NS into the model
 * (drain's step; tests/fuzz/fuzz-model.c feeds it too): 1 when it was a
 * change the model keeps, else 0.
 */
int model_apply(struct model_ns *ns, struct nlmsghdr *h)
{
	struct model_parse p = { .ns = ns };
	struct nl_msg *msg;

	/* a bridge's per-port messages (family AF_BRIDGE) describe the
	 * port's bridging, not the link: their DELLINK only says it left
	 * its bridge (libnl cannot tell: it calls a bridge device
	 * AF_BRIDGE too) */
	if ((h->nlmsg_type == RTM_NEWLINK || h->nlmsg_type == RTM_DELLINK) &&
	    h->nlmsg_len >= NLMSG_LENGTH(sizeof(struct ifinfomsg)) &&
	    ((struct ifinfomsg *)NLMSG_DATA(h))->ifi_family == AF_BRIDGE)
		return 0;
	switch (h->nlmsg_type) {
	case RTM_NEWLINK: case RTM_NEWADDR: case RTM_NEWROUTE:
		p.add = true;
		break;
	case RTM_DELLINK: case RTM_DELADDR: case RTM_DELROUTE:
		p.add = false;
		break;
	default:
		return 0;
	}
	msg = nlmsg_convert(h);
	if (!msg)
		return 0;
	/* libnl finds the parser by protocol and type */
	nlmsg_set_proto(msg, NETLINK_ROUTE);
	(void)nl_msg_parse(msg, model_parse_cb, &p);
	nlmsg_free(msg);
	return 1;
}

/* re-read the links noted by want_refresh, each with one request (the
 * list may grow meanwhile: a peer's carrier is its bridge's) */
void model_refresh_links(struct nsh *sh)
{
	struct model *m = model_peek();

	for (int i = 0; i < nrefresh; i++) {
		struct model_ns *ns = model_ns_find(m, refresh[i].dev,
						    refresh[i].ino);
		struct rtnl_link *l = NULL;
		struct nl_sock *sk;
		int fd;

		if (!ns)
			continue;
		fd = model_ns_fd(ns, sh);
		if (fd < 0)
			continue;
		sk = ns_nl_sock_fd(sh, fd);
		if (sk && rtnl_link_get_kernel(sk, refresh[i].ifindex, NULL,
					       &l) == 0) {
			struct model_link now;

			from_link(l, &now);
			link_update(ns, &now);
			rtnl_link_put(l);
		}
		if (sk)
			nl_socket_free(sk);
		close(fd);
	}
	nrefresh = 0;
}

/* forget the links noted for a re-read (a forked nsh's copy) */
void model_refresh_clear(void)
{
	nrefresh = 0;
}
