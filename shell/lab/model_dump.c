/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model_dump.c - a namespace loaded whole into the model: its links,
 * addresses and routes dumped through a socket inside it for the time of
 * the dump only (so the model never pins a namespace), and its nsid in
 * the host namespace, given one if it has none, so that its events reach
 * the model's listener.
 */
#include "config.h"

#include <stdint.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/cache.h>
#include <netlink/msg.h>
#include <netlink/route/link.h>
#include <netlink/route/addr.h>
#include <netlink/route/rtnl.h>

#include "model.h"
#include "model_priv.h"

/* every object of the cache C into NS (and C freed) */
static void apply_cache(struct model_ns *ns, struct nl_cache *c)
{
	struct model_parse p = { .ns = ns, .add = true };

	for (struct nl_object *o = nl_cache_get_first(c); o;
	     o = nl_cache_get_next(o))
		model_parse_cb(o, &p);
	nl_cache_free(c);
}

/* one dumped route message into the namespace of ARG */
static int route_msg(struct nl_msg *msg, void *arg)
{
	(void)nl_msg_parse(msg, model_parse_cb, arg);
	return NL_OK;
}

/*
 * Dump the routes of the namespace of SK into NS, message by message:
 * libnl's route cache keeps one object per (table, prefix, metric), so
 * the fe80::/64 of each link but one would be lost.
 */
static int dump_routes(struct nl_sock *sk, struct model_ns *ns)
{
	struct model_parse p = { .ns = ns, .add = true };
	struct nl_cb *orig = nl_socket_get_cb(sk), *cb = nl_cb_clone(orig);
	int err;

	nl_cb_put(orig);
	if (!cb)
		return -1;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, route_msg, &p);
	err = nl_rtgen_request(sk, RTM_GETROUTE, AF_UNSPEC, NLM_F_DUMP);
	if (err >= 0)
		err = nl_recvmsgs(sk, cb);
	nl_cb_put(cb);
	return err < 0 ? -1 : 0;
}

/* dump NS, whose nsfs fd is FD, into the model (a socket inside it for
 * the time of the dump); 0 or -1 */
int model_ns_load(struct nsh *sh, struct model_ns *ns, int fd)
{
	struct nl_sock *sk;
	struct nl_cache *c;
	int rc = -1;

	/* the socket stays in the namespace it was made in */
	sk = ns_nl_sock_fd(sh, fd);
	if (sk) {
		model_ns_clear(ns);
		for (int tries = 0; tries < 5 && rc < 0; tries++) {
			/* NLE_DUMP_INTR: changed during the dump, again */
			model_ns_clear(ns);
			if (rtnl_link_alloc_cache(sk, AF_UNSPEC, &c) < 0)
				continue;
			apply_cache(ns, c);
			if (rtnl_addr_alloc_cache(sk, &c) < 0)
				continue;
			apply_cache(ns, c);
			if (dump_routes(sk, ns) < 0)
				continue;
			rc = 0;
		}
		nl_socket_free(sk);
	}
	ns->dirty = rc < 0;
	return rc;
}

/* RTM_NEWNSID: let the kernel pick an nsid for the namespace FD */
static void set_nsid(struct nl_sock *sk, int fd)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_NEWNSID, NLM_F_REQUEST);

	if (!msg)
		return;
	if (nlmsg_append(msg, &g, sizeof(g), NLMSG_ALIGNTO) == 0 &&
	    nla_put_u32(msg, NETNSA_FD, (uint32_t)fd) == 0 &&
	    nla_put_s32(msg, NETNSA_NSID, -1) == 0 &&
	    nl_send_auto(sk, msg) >= 0)
		(void)nl_wait_for_ack(sk);
	nlmsg_free(msg);
}

/* the nsid of namespace FD in the host namespace, assigning one if none */
int model_ensure_nsid(struct nsh *sh, int fd)
{
	struct nl_sock *sk = ns_sock_in(sh, &sh->home);
	struct stat st;
	int id;

	/* never the host itself (its own nsid would be no use) */
	if (!sk || fstat(fd, &st) < 0 ||
	    (st.st_dev == sh->home.dev && st.st_ino == sh->home.ino))
		return -1;
	id = nl_get_nsid(sk, fd);
	if (id < 0) {
		set_nsid(sk, fd);
		id = nl_get_nsid(sk, fd);
	}
	return id;
}
