/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-model.c - the live model without a kernel: the data of
 * shell/lab/model.c (namespaces, links, addresses, routes, their labels,
 * veth peers, the changes told to listeners), and the netlink side's
 * converters (shell/lab/model_msg.c) fed RTM_NEWLINK/NEWADDR/NEWROUTE and
 * their deletions built in memory with libnl's nlmsg_* calls, through
 * model_apply as the event loop calls it.
 *
 * No socket is opened and no namespace entered: the model is never
 * loaded (model_peek() stays NULL), the namespaces are made up (a device
 * number no file system has).
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <cmocka.h>

#include "model.h"

#define DEV 12345	/* no real nsfs has this device number */

/* ------------------------------------------------------------ fixtures */

/* a model with the host (ino 100) and namespace "a" (ino 101, nsid 0) */
static int setup(void **state)
{
	struct model *m = model_alloc();

	model_ns_add(m, DEV, 100, "");
	model_ns_add(m, DEV, 101, "a")->nsid = 0;
	*state = m;
	return 0;
}

static int teardown(void **state)
{
	model_free(*state);
	return 0;
}

static struct model_link link_of(int ifindex, const char *name)
{
	struct model_link l = { .ifindex = ifindex, .peer_nsid = -1 };

	snprintf(l.name, sizeof(l.name), "%s", name);
	return l;
}

static struct model_addr addr4(int ifindex, const char *a, int plen)
{
	struct model_addr m = { .ifindex = ifindex, .family = AF_INET,
				.plen = plen };

	assert_int_equal(inet_pton(AF_INET, a, m.addr), 1);
	return m;
}

static struct model_addr addr6(int ifindex, const char *a, int plen)
{
	struct model_addr m = { .ifindex = ifindex, .family = AF_INET6,
				.plen = plen };

	assert_int_equal(inet_pton(AF_INET6, a, m.addr), 1);
	return m;
}

static struct model_route route_of(int family, const char *dst, int len,
				   int oif)
{
	struct model_route r = { .family = family, .dst_len = len,
				 .oif = oif, .table = RT_TABLE_MAIN };

	assert_int_equal(inet_pton(family, dst, r.dst), 1);
	return r;
}

/* ------------------------------------------------------------ namespaces */

static void ns_add_find_del(void **state)
{
	struct model *m = *state;
	struct model_ns *b = model_ns_add(m, DEV, 102, "b");

	assert_int_equal(m->nns, 3);
	assert_int_equal(b->nsid, -1);
	assert_ptr_equal(model_ns_find(m, DEV, 102), b);
	assert_null(model_ns_find(m, DEV + 1, 102));
	assert_ptr_equal(model_ns_by_name(m, "a"), m->ns[1]);
	assert_ptr_equal(model_ns_by_name(m, "b"), b);
	assert_null(model_ns_by_name(m, "nsh-test-no-such-ns"));
	model_ns_del(m, b);
	assert_int_equal(m->nns, 2);
	assert_null(model_ns_find(m, DEV, 102));
	assert_null(model_ns_by_name(m, "b"));
	assert_ptr_equal(model_ns_by_name(m, "a"), m->ns[1]);
}

static void ns_labels(void **state)
{
	struct model *m = *state;
	struct model_ns *p = model_ns_add(m, DEV, 103, "");

	assert_string_equal(model_ns_label(m->ns[0]), "host");
	assert_string_equal(model_ns_label(m->ns[1]), "a");
	model_ns_set_pid(p, 4242);
	assert_int_equal(p->pid, 4242);
	assert_string_equal(model_ns_label(p), "pid 4242");
	/* a process-held namespace is found by its PID too */
	assert_ptr_equal(model_ns_by_name(m, "4242"), p);
	assert_null(model_ns_by_name(m, "4243"));
	/* a label of `spawn` names it */
	snprintf(p->name, sizeof(p->name), "h1");
	assert_string_equal(model_ns_label(p), "h1");
	assert_ptr_equal(model_ns_by_name(m, "h1"), p);
}

static void ns_cur(void **state)
{
	struct model *m = *state;
	static struct nsh sh;

	sh.cur.dev = DEV;
	sh.cur.ino = 101;
	assert_ptr_equal(model_ns_cur(m, &sh), m->ns[1]);
	sh.cur.ino = 999;
	assert_null(model_ns_cur(m, &sh));
}

static void ns_ref_rules(void **state)
{
	struct model *m = *state;
	enum model_ref_why why;
	const char *bad;
	char pid[32];

	assert_ptr_equal(model_ns_ref(m, "a", &why, &bad), m->ns[1]);
	assert_int_equal(why, MODEL_REF_NONE);
	assert_ptr_equal(model_ns_ref(m, "host", &why, &bad), m->ns[0]);
	assert_null(model_ns_ref(m, "nsh-test-no-such-ns", &why, &bad));
	assert_int_equal(why, MODEL_REF_NONE);
	assert_null(model_ns_ref(m, "x/y", &why, &bad));
	assert_int_equal(why, MODEL_REF_BAD);
	assert_non_null(bad);
	assert_null(model_ns_ref(m, "", &why, &bad));
	assert_int_equal(why, MODEL_REF_BAD);
	assert_null(model_ns_ref(m, "999999999", &why, &bad));
	assert_int_equal(why, MODEL_REF_NO_PROCESS);
	/* this process is in a real namespace, not one of the model's */
	snprintf(pid, sizeof(pid), "%d", (int)getpid());
	assert_null(model_ns_ref(m, pid, &why, &bad));
	assert_int_equal(why, MODEL_REF_NOT_MODELLED);
}

static void ns_named_host_wins(void **state)
{
	struct model *m = *state;
	struct model_ns *h = model_ns_add(m, DEV, 104, "host");
	enum model_ref_why why;
	const char *bad;

	assert_ptr_equal(model_ns_ref(m, "host", &why, &bad), h);
}

/* ------------------------------------------------------------ listeners */

struct seen {
	int n;
	enum model_what what[16];
};

static void record(void *ctx, const struct model_change *ch)
{
	struct seen *s = ctx;

	if (s->n < 16)
		s->what[s->n] = ch->what;
	s->n++;
}

static void listeners_told(void **state)
{
	struct model *m = *state;
	struct model_ns *ns = m->ns[1];
	struct model_link l = link_of(2, "eth0");
	struct model_addr a = addr4(2, "10.0.0.1", 24);
	struct seen s = { 0 };

	model_listen(record, &s);
	model_link_set(ns, &l);
	model_link_set(ns, &l);			/* no change: no word */
	l.mtu = 1400;
	model_link_set(ns, &l);
	model_addr_set(ns, &a, true);
	model_addr_set(ns, &a, false);
	model_link_del(ns, 2);
	model_ns_del(m, ns);
	model_unlisten(record, &s);
	model_link_set(m->ns[0], &l);		/* not listened to */
	assert_int_equal(s.n, 6);
	assert_int_equal(s.what[0], MODEL_LINK_ADD);
	assert_int_equal(s.what[1], MODEL_LINK_CHANGE);
	assert_int_equal(s.what[2], MODEL_ADDR_ADD);
	assert_int_equal(s.what[3], MODEL_ADDR_DEL);
	assert_int_equal(s.what[4], MODEL_LINK_DEL);
	assert_int_equal(s.what[5], MODEL_NS_DEL);
}

/* ------------------------------------------------------------ links */

static void links_set_find_del(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	struct model_link lo = link_of(1, "lo"), e = link_of(2, "eth0");

	model_link_set(ns, &lo);
	model_link_set(ns, &e);
	assert_int_equal(ns->nlinks, 2);
	assert_string_equal(model_link_by_index(ns, 2)->name, "eth0");
	assert_int_equal(model_link_by_name(ns, "lo")->ifindex, 1);
	assert_null(model_link_by_index(ns, 3));
	assert_null(model_link_by_name(ns, "eth1"));
	/* a rename keeps the ifindex: the same link */
	snprintf(e.name, sizeof(e.name), "wan");
	model_link_set(ns, &e);
	assert_int_equal(ns->nlinks, 2);
	assert_null(model_link_by_name(ns, "eth0"));
	assert_int_equal(model_link_by_name(ns, "wan")->ifindex, 2);
	model_link_del(ns, 2);
	model_link_del(ns, 7);			/* unknown: nothing */
	assert_int_equal(ns->nlinks, 1);
	assert_null(model_link_by_index(ns, 2));
}

static void link_del_takes_addrs_and_routes(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	struct model_link e = link_of(2, "eth0"), f = link_of(3, "eth1");
	struct model_addr a = addr4(2, "10.0.0.1", 24);
	struct model_addr b = addr4(3, "10.0.1.1", 24);
	struct model_route r = route_of(AF_INET, "10.0.0.0", 24, 2);
	struct model_route q = route_of(AF_INET, "10.0.1.0", 24, 3);

	model_link_set(ns, &e);
	model_link_set(ns, &f);
	model_addr_set(ns, &a, true);
	model_addr_set(ns, &b, true);
	model_route_set(ns, &r, true);
	model_route_set(ns, &q, true);
	model_link_del(ns, 2);
	assert_int_equal(ns->naddrs, 1);
	assert_int_equal(ns->addrs[0].ifindex, 3);
	assert_int_equal(ns->nroutes, 1);
	assert_int_equal(ns->routes[0].oif, 3);
}

static void link_down_drops_ipv4_routes(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	struct model_link e = link_of(2, "eth0");
	struct model_route r4 = route_of(AF_INET, "10.0.0.0", 24, 2);
	struct model_route r6 = route_of(AF_INET6, "fd00::", 64, 2);

	e.flags = IFF_UP;
	model_link_set(ns, &e);
	model_route_set(ns, &r4, true);
	model_route_set(ns, &r6, true);
	e.flags = 0;
	model_link_set(ns, &e);
	/* IPv4 drops them without a word; IPv6 announces its own */
	assert_int_equal(ns->nroutes, 1);
	assert_int_equal(ns->routes[0].family, AF_INET6);
}

/* ------------------------------------------------------------ addresses */

static void addrs_set_replace_del(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	struct model_addr a = addr4(2, "10.0.0.1", 24);
	struct model_addr a6 = addr6(2, "fd00::1", 64);
	struct model_addr other = addr4(2, "10.0.0.1", 16);

	model_addr_set(ns, &a, true);
	model_addr_set(ns, &a6, true);
	model_addr_set(ns, &other, true);	/* another prefix length */
	assert_int_equal(ns->naddrs, 3);
	/* the same address again: its attributes replaced */
	a.scope = RT_SCOPE_HOST;
	snprintf(a.label, sizeof(a.label), "eth0:1");
	model_addr_set(ns, &a, true);
	assert_int_equal(ns->naddrs, 3);
	assert_int_equal(ns->addrs[0].scope, RT_SCOPE_HOST);
	assert_string_equal(ns->addrs[0].label, "eth0:1");
	model_addr_set(ns, &a6, false);
	assert_int_equal(ns->naddrs, 2);
	model_addr_set(ns, &a6, false);		/* gone already: nothing */
	assert_int_equal(ns->naddrs, 2);
}

static void last_ipv4_addr_drops_ipv4_routes(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	struct model_addr a = addr4(2, "10.0.0.1", 24);
	struct model_addr b = addr4(2, "10.0.9.1", 24);
	struct model_route r4 = route_of(AF_INET, "10.0.0.0", 24, 2);
	struct model_route r6 = route_of(AF_INET6, "fd00::", 64, 2);

	model_addr_set(ns, &a, true);
	model_addr_set(ns, &b, true);
	model_route_set(ns, &r4, true);
	model_route_set(ns, &r6, true);
	model_addr_set(ns, &a, false);
	assert_int_equal(ns->nroutes, 2);	/* b is still there */
	model_addr_set(ns, &b, false);
	assert_int_equal(ns->nroutes, 1);
	assert_int_equal(ns->routes[0].family, AF_INET6);
}

/* ------------------------------------------------------------ routes */

static void routes_set_replace_del(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	struct model_route r = route_of(AF_INET, "10.1.0.0", 16, 2);
	struct model_route dev3 = route_of(AF_INET, "10.1.0.0", 16, 3);
	struct model_route gw = r;

	gw.has_gw = true;
	assert_int_equal(inet_pton(AF_INET, "10.0.0.254", gw.gw), 1);
	model_route_set(ns, &r, true);
	model_route_set(ns, &dev3, true);	/* one per device */
	model_route_set(ns, &gw, true);		/* and per gateway */
	assert_int_equal(ns->nroutes, 3);
	r.protocol = RTPROT_STATIC;
	model_route_set(ns, &r, true);
	assert_int_equal(ns->nroutes, 3);
	assert_int_equal(ns->routes[0].protocol, RTPROT_STATIC);
	model_route_set(ns, &dev3, false);
	assert_int_equal(ns->nroutes, 2);
	r.priority = 100;			/* another metric: not there */
	model_route_set(ns, &r, false);
	assert_int_equal(ns->nroutes, 2);
}

/* ------------------------------------------------------------ peers */

static void peer_same_namespace(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	struct model_link v0 = link_of(4, "v0"), v1 = link_of(5, "v1");
	struct model_ns *pns;
	struct model_link *peer;

	v0.peer_ifindex = 5;
	v1.peer_ifindex = 4;
	model_link_set(ns, &v0);
	model_link_set(ns, &v1);
	assert_true(model_peer(*state, ns, &v0, &pns, &peer));
	assert_ptr_equal(pns, ns);
	assert_string_equal(peer->name, "v1");
	v0.peer_ifindex = 0;
	assert_false(model_peer(*state, ns, &v0, &pns, &peer));
}

static void peer_other_namespace(void **state)
{
	struct model *m = *state;
	struct model_link h = link_of(7, "veth-a"), a = link_of(2, "eth0");
	struct model_ns *pns;
	struct model_link *peer;

	h.peer_ifindex = 2;
	h.peer_nsid = 0;
	a.peer_ifindex = 7;
	a.peer_nsid = 1;
	model_link_set(m->ns[0], &h);
	model_link_set(m->ns[1], &a);
	assert_true(model_peer(m, m->ns[0], &h, &pns, &peer));
	assert_ptr_equal(pns, m->ns[1]);
	assert_string_equal(peer->name, "eth0");
	assert_true(model_peer(m, m->ns[1], &a, &pns, &peer));
	assert_ptr_equal(pns, m->ns[0]);
	/* a peer that does not point back is not ours */
	m->ns[1]->links[0].peer_ifindex = 9;
	assert_false(model_peer(m, m->ns[0], &h, &pns, &peer));
}

/* ------------------------------------------------------------ messages */

/* a message of TYPE with the family header HDR (LEN bytes) */
static struct nl_msg *msg_new(int type, const void *hdr, size_t len)
{
	struct nl_msg *msg = nlmsg_alloc_simple(type, 0);

	assert_non_null(msg);
	assert_int_equal(nlmsg_append(msg, (void *)hdr, len, NLMSG_ALIGNTO),
			 0);
	return msg;
}

/* MSG into NS as the event loop gives it; what model_apply returns */
static int msg_apply(struct model_ns *ns, struct nl_msg *msg)
{
	int rc = model_apply(ns, nlmsg_hdr(msg));

	nlmsg_free(msg);
	return rc;
}

static struct nl_msg *link_msg(int type, int family, int ifindex,
			       const char *kind)
{
	struct ifinfomsg ifi = { .ifi_family = family, .ifi_index = ifindex,
				 .ifi_flags = IFF_UP | IFF_LOWER_UP |
					      IFF_RUNNING };
	static const unsigned char mac[6] = { 0x02, 0, 0, 0, 0, 0x07 };
	struct nl_msg *msg = msg_new(type, &ifi, sizeof(ifi));
	struct nlattr *info;

	assert_int_equal(nla_put_string(msg, IFLA_IFNAME, "veth0"), 0);
	assert_int_equal(nla_put_u32(msg, IFLA_MTU, 1400), 0);
	assert_int_equal(nla_put(msg, IFLA_ADDRESS, sizeof(mac), mac), 0);
	assert_int_equal(nla_put_u8(msg, IFLA_OPERSTATE, IF_OPER_UP), 0);
	assert_int_equal(nla_put_u32(msg, IFLA_MASTER, 3), 0);
	assert_int_equal(nla_put_u32(msg, IFLA_LINK, 7), 0);
	assert_int_equal(nla_put_s32(msg, IFLA_LINK_NETNSID, 2), 0);
	info = nla_nest_start(msg, IFLA_LINKINFO);
	assert_non_null(info);
	assert_int_equal(nla_put_string(msg, IFLA_INFO_KIND, kind), 0);
	assert_int_equal(nla_put_string(msg, IFLA_INFO_SLAVE_KIND, "bridge"),
			 0);
	nla_nest_end(msg, info);
	return msg;
}

static void msg_newlink_dellink(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	static const unsigned char mac[6] = { 0x02, 0, 0, 0, 0, 0x07 };
	const struct model_link *l;

	assert_int_equal(msg_apply(ns, link_msg(RTM_NEWLINK, AF_UNSPEC, 5,
						"veth")), 1);
	assert_int_equal(ns->nlinks, 1);
	l = model_link_by_index(ns, 5);
	assert_non_null(l);
	assert_string_equal(l->name, "veth0");
	assert_string_equal(l->kind, "veth");
	assert_string_equal(l->slave_kind, "bridge");
	assert_int_equal(l->mtu, 1400);
	assert_true(l->has_mac);
	assert_memory_equal(l->mac, mac, 6);
	assert_int_equal(l->operstate, IF_OPER_UP);
	assert_true(l->flags & IFF_UP);
	assert_true(l->flags & IFF_LOWER_UP);
	assert_int_equal(l->master, 3);
	assert_int_equal(l->peer_ifindex, 7);
	assert_int_equal(l->peer_nsid, 2);
	assert_int_equal(msg_apply(ns, link_msg(RTM_DELLINK, AF_UNSPEC, 5,
						"veth")), 1);
	assert_int_equal(ns->nlinks, 0);
}

static void msg_link_own_lower_is_none(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = 4 };
	struct nl_msg *msg = msg_new(RTM_NEWLINK, &ifi, sizeof(ifi));

	assert_int_equal(nla_put_string(msg, IFLA_IFNAME, "lo"), 0);
	assert_int_equal(nla_put_u32(msg, IFLA_LINK, 4), 0);
	assert_int_equal(msg_apply(ns, msg), 1);
	assert_int_equal(model_link_by_index(ns, 4)->peer_ifindex, 0);
	assert_int_equal(model_link_by_index(ns, 4)->peer_nsid, -1);
	assert_false(model_link_by_index(ns, 4)->has_mac);
}

static void msg_bridge_port_and_others_skipped(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	struct ndmsg nd = { .ndm_family = AF_INET, .ndm_ifindex = 5 };

	/* a bridge's per-port message tells of the port's bridging */
	assert_int_equal(msg_apply(ns, link_msg(RTM_NEWLINK, AF_BRIDGE, 5,
						"veth")), 0);
	assert_int_equal(ns->nlinks, 0);
	assert_int_equal(msg_apply(ns, msg_new(RTM_NEWNEIGH, &nd,
					       sizeof(nd))), 0);
	assert_int_equal(ns->nlinks + ns->naddrs + ns->nroutes, 0);
}

static struct nl_msg *addr_msg(int type, int family, const char *local,
			       int plen)
{
	struct ifaddrmsg ifa = { .ifa_family = family, .ifa_prefixlen = plen,
				 .ifa_flags = IFA_F_PERMANENT,
				 .ifa_index = 5 };
	struct nl_msg *msg = msg_new(type, &ifa, sizeof(ifa));
	unsigned char a[16], brd[4];
	size_t len = family == AF_INET ? 4 : 16;

	assert_int_equal(inet_pton(family, local, a), 1);
	assert_int_equal(nla_put(msg, IFA_ADDRESS, len, a), 0);
	assert_int_equal(nla_put(msg, IFA_LOCAL, len, a), 0);
	if (family == AF_INET) {
		assert_int_equal(inet_pton(AF_INET, "10.0.0.255", brd), 1);
		assert_int_equal(nla_put(msg, IFA_BROADCAST, 4, brd), 0);
		assert_int_equal(nla_put_string(msg, IFA_LABEL, "veth0:x"),
				 0);
	}
	return msg;
}

static void msg_newaddr_deladdr(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	unsigned char a[16] = { 0 }, brd[4];
	const struct model_addr *m;

	assert_int_equal(msg_apply(ns, addr_msg(RTM_NEWADDR, AF_INET,
						"10.0.0.1", 24)), 1);
	assert_int_equal(msg_apply(ns, addr_msg(RTM_NEWADDR, AF_INET6,
						"fd00::1", 64)), 1);
	assert_int_equal(ns->naddrs, 2);
	m = &ns->addrs[0];
	assert_int_equal(m->family, AF_INET);
	assert_int_equal(m->ifindex, 5);
	assert_int_equal(m->plen, 24);
	assert_true(m->flags & IFA_F_PERMANENT);
	inet_pton(AF_INET, "10.0.0.1", a);
	assert_memory_equal(m->addr, a, 16);
	assert_true(m->has_brd);
	inet_pton(AF_INET, "10.0.0.255", brd);
	assert_memory_equal(m->brd, brd, 4);
	assert_string_equal(m->label, "veth0:x");
	m = &ns->addrs[1];
	assert_int_equal(m->family, AF_INET6);
	assert_int_equal(m->plen, 64);
	inet_pton(AF_INET6, "fd00::1", a);
	assert_memory_equal(m->addr, a, 16);
	assert_false(m->has_brd);
	assert_string_equal(m->label, "");
	assert_int_equal(msg_apply(ns, addr_msg(RTM_DELADDR, AF_INET,
						"10.0.0.1", 24)), 1);
	assert_int_equal(ns->naddrs, 1);
	assert_int_equal(ns->addrs[0].family, AF_INET6);
}

static struct nl_msg *route_msg(int type, unsigned table, const char *dst,
				int len)
{
	struct rtmsg rtm = { .rtm_family = AF_INET, .rtm_dst_len = len,
			     .rtm_table = RT_TABLE_MAIN,
			     .rtm_protocol = RTPROT_STATIC,
			     .rtm_scope = RT_SCOPE_UNIVERSE,
			     .rtm_type = RTN_UNICAST };
	struct nl_msg *msg = msg_new(type, &rtm, sizeof(rtm));
	unsigned char a[4];

	assert_int_equal(nla_put_u32(msg, RTA_TABLE, table), 0);
	assert_int_equal(inet_pton(AF_INET, dst, a), 1);
	assert_int_equal(nla_put(msg, RTA_DST, 4, a), 0);
	assert_int_equal(nla_put_u32(msg, RTA_PRIORITY, 100), 0);
	assert_int_equal(inet_pton(AF_INET, "10.0.0.1", a), 1);
	assert_int_equal(nla_put(msg, RTA_PREFSRC, 4, a), 0);
	return msg;
}

/* a route with one nexthop: OIF through the gateway 10.0.0.254 */
static struct nl_msg *route_via(int type, const char *dst, int len, int oif)
{
	struct nl_msg *msg = route_msg(type, RT_TABLE_MAIN, dst, len);
	unsigned char gw[4];

	assert_int_equal(inet_pton(AF_INET, "10.0.0.254", gw), 1);
	assert_int_equal(nla_put(msg, RTA_GATEWAY, 4, gw), 0);
	assert_int_equal(nla_put_u32(msg, RTA_OIF, (uint32_t)oif), 0);
	return msg;
}

static void msg_newroute_delroute(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	unsigned char a[16] = { 0 };
	const struct model_route *r;

	assert_int_equal(msg_apply(ns, route_via(RTM_NEWROUTE, "10.1.0.0", 16,
						 5)), 1);
	assert_int_equal(ns->nroutes, 1);
	r = &ns->routes[0];
	assert_int_equal(r->family, AF_INET);
	assert_int_equal(r->dst_len, 16);
	inet_pton(AF_INET, "10.1.0.0", a);
	assert_memory_equal(r->dst, a, 16);
	assert_int_equal(r->table, RT_TABLE_MAIN);
	assert_int_equal(r->protocol, RTPROT_STATIC);
	assert_int_equal(r->scope, RT_SCOPE_UNIVERSE);
	assert_int_equal(r->type, RTN_UNICAST);
	assert_int_equal(r->priority, 100);
	assert_int_equal(r->oif, 5);
	assert_true(r->has_gw);
	inet_pton(AF_INET, "10.0.0.254", a);
	assert_memory_equal(r->gw, a, 16);
	assert_true(r->has_prefsrc);
	inet_pton(AF_INET, "10.0.0.1", a);
	assert_memory_equal(r->prefsrc, a, 16);
	assert_int_equal(msg_apply(ns, route_via(RTM_DELROUTE, "10.1.0.0", 16,
						 5)), 1);
	assert_int_equal(ns->nroutes, 0);
}

static void msg_local_table_not_kept(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];

	assert_int_equal(msg_apply(ns, route_msg(RTM_NEWROUTE, RT_TABLE_LOCAL,
						 "10.0.0.1", 32)), 1);
	assert_int_equal(ns->nroutes, 0);
}

/* one prefix on two devices: a route per nexthop in the model */
static void msg_multipath_one_route_per_device(void **state)
{
	struct model_ns *ns = ((struct model *)*state)->ns[1];
	struct nl_msg *msg = route_msg(RTM_NEWROUTE, RT_TABLE_MAIN,
				       "10.2.0.0", 16);
	struct rtnexthop nh[2] = {
		{ .rtnh_len = sizeof(nh[0]), .rtnh_ifindex = 5 },
		{ .rtnh_len = sizeof(nh[0]), .rtnh_ifindex = 6 },
	};

	assert_int_equal(nla_put(msg, RTA_MULTIPATH, sizeof(nh), nh), 0);
	assert_int_equal(msg_apply(ns, msg), 1);
	assert_int_equal(ns->nroutes, 2);
	assert_int_equal(ns->routes[0].oif, 5);
	assert_int_equal(ns->routes[1].oif, 6);
	assert_false(ns->routes[0].has_gw);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(ns_add_find_del),
		T(ns_labels),
		T(ns_cur),
		T(ns_ref_rules),
		T(ns_named_host_wins),
		T(listeners_told),
		T(links_set_find_del),
		T(link_del_takes_addrs_and_routes),
		T(link_down_drops_ipv4_routes),
		T(addrs_set_replace_del),
		T(last_ipv4_addr_drops_ipv4_routes),
		T(routes_set_replace_del),
		T(peer_same_namespace),
		T(peer_other_namespace),
		T(msg_newlink_dellink),
		T(msg_link_own_lower_is_none),
		T(msg_bridge_port_and_others_skipped),
		T(msg_newaddr_deladdr),
		T(msg_newroute_delroute),
		T(msg_local_table_not_kept),
		T(msg_multipath_one_route_per_device),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
