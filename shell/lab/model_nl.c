/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model_nl.c - where the model's facts come from.
 *
 * - One rtnetlink socket in the host namespace, with
 *   NETLINK_LISTEN_ALL_NSID, receives the link, address and route events
 *   of every namespace that has an nsid in the host namespace; the
 *   ancillary data names the source (none: the host itself).  So each
 *   namespace the model learns about is given an nsid (as
 *   `ip netns set NAME auto` would) before it is dumped: events between
 *   the two are replayed after the dump, and replaying in order converges.
 *   1000 namespaces need no more sockets than one.
 * - A dump of one namespace opens a socket inside it for the time of the
 *   dump only, so the model never pins a namespace.
 * - /run/netns is rescanned when the mount table changes: every
 *   `ip netns add/delete` (nsh's or anyone's) is a mount or an unmount, and
 *   /proc/self/mountinfo reports those by poll(POLLPRI).  (An inotify
 *   watch on the directory would be blinded by the first `ip netns add`,
 *   which bind-mounts the directory over itself: pyroute2 #694.)
 * - An overrun (ENOBUFS) or an interrupted dump reloads everything.
 * - A namespace is known by its nsfs inode, and the kernel hands a dead
 *   namespace's inode number to the next one made: the host's RTM_DELNSID
 *   (sent before the number is freed) drops the dead one from the model,
 *   so a new namespace under an old number is never taken for the old one
 *   (with the old one's nsid, which its events do not carry).
 *
 * This file holds the listener, its loop and the model's life; the
 * messages into the model are model_msg.c, the dumps model_dump.c, the
 * rescans model_scan.c (their shared declarations: model_priv.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>

#include "model.h"
#include "model_priv.h"
#include "probe.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

static struct model *M;
static struct nsh *model_sh;	/* the session the model belongs to */
static int evfd = -1;	/* all-nsid event socket, host namespace */
static int mntfd = -1;	/* /proc/self/mountinfo */
static bool need_resync;
static bool need_rescan;	/* a namespace the model showed has died */

struct model *model_peek(void)
{
	return M;
}

/* ------------------------------------------------------------ nsids */

/* nsids as other namespaces see them: (viewer, target) -> nsid */
#define NSID_CACHE 256

static struct {
	ino_t viewer, target;
	int nsid;
} nsids[NSID_CACHE];
static int nnsids, nsids_next;

static void nsids_forget(ino_t ino)
{
	for (int i = 0; i < nnsids; i++)
		if (nsids[i].viewer == ino || nsids[i].target == ino)
			nsids[i].viewer = nsids[i].target = 0;
}

/* NS has died (model_priv.h) */
void model_ns_gone(struct nsh *sh, struct model_ns *ns)
{
	ns_forget(sh, ns->dev, ns->ino);
	nsids_forget(ns->ino);
	model_ns_del(M, ns);
}

int model_nsid_in(struct model_ns *viewer, struct model_ns *target)
{
	struct nsh *sh = model_sh;
	int vfd, tfd, id = -1;

	if (viewer == M->ns[0])
		return target->nsid;
	for (int i = 0; i < nnsids; i++)
		if (nsids[i].viewer == viewer->ino &&
		    nsids[i].target == target->ino)
			return nsids[i].nsid;
	vfd = model_ns_fd(viewer, sh);
	tfd = model_ns_fd(target, sh);
	if (vfd >= 0 && tfd >= 0) {
		struct nl_sock *sk = ns_nl_sock_fd(sh, vfd);

		if (sk) {
			id = nl_get_nsid(sk, tfd);
			nl_socket_free(sk);
		}
	}
	if (vfd >= 0)
		close(vfd);
	if (tfd >= 0)
		close(tfd);
	nsids[nsids_next].viewer = viewer->ino;
	nsids[nsids_next].target = target->ino;
	nsids[nsids_next].nsid = id;
	nsids_next = (nsids_next + 1) % NSID_CACHE;
	if (nnsids < NSID_CACHE)
		nnsids++;
	return id;
}

/* the namespace an event came from: its nsid in the host (-1: the host
 * itself), or NULL for one the model does not show */
static struct model_ns *ns_by_nsid(int nsid)
{
	if (nsid < 0)
		return M->ns[0];
	for (int i = 1; i < M->nns; i++)
		if (M->ns[i]->nsid == nsid)
			return M->ns[i];
	return NULL;
}

/* the host's RTM_DELNSID messages in BUF (R bytes): the namespaces with
 * those nsids have died; drop them, and look at /run/netns again (a new
 * namespace may have taken a dead one's inode number already) */
static void nsids_dead(struct nsh *sh, const char *buf, ssize_t r)
{
	for (const struct nlmsghdr *h = (const struct nlmsghdr *)buf;
	     NLMSG_OK(h, r); h = NLMSG_NEXT(h, r)) {
		const struct rtattr *a;
		int len, id = -1;

		if (h->nlmsg_type != RTM_DELNSID ||
		    h->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtgenmsg)))
			continue;
		len = nlmsg_attrlen(h, sizeof(struct rtgenmsg));
		for (a = (const struct rtattr *)((const char *)NLMSG_DATA(h) +
			 NLMSG_ALIGN(sizeof(struct rtgenmsg)));
		     RTA_OK(a, len); a = RTA_NEXT(a, len))
			if (a->rta_type == NETNSA_NSID &&
			    RTA_PAYLOAD(a) >= sizeof(int32_t))
				memcpy(&id, RTA_DATA(a), sizeof(int32_t));
		for (int i = M->nns - 1; id >= 0 && i > 0; i--) {
			struct model_ns *ns = M->ns[i];

			if (ns->nsid != id)
				continue;
			model_ns_gone(sh, ns);
			need_rescan = true;
		}
	}
}

/* ------------------------------------------------------------ events */

/* read every pending event without blocking */
static void drain(struct nsh *sh)
{
	char buf[65536], cbuf[CMSG_SPACE(sizeof(int))];

	for (;;) {
		struct iovec iov = { buf, sizeof(buf) };
		struct sockaddr_nl from = { 0 };
		struct msghdr mh = { .msg_name = &from,
				     .msg_namelen = sizeof(from),
				     .msg_iov = &iov, .msg_iovlen = 1,
				     .msg_control = cbuf,
				     .msg_controllen = sizeof(cbuf) };
		struct model_ns *ns;
		int nsid = -1;
		ssize_t r = recvmsg(evfd, &mh, MSG_DONTWAIT);

		if (r < 0) {
			if (errno == ENOBUFS) {
				need_resync = true;
				continue;
			}
			if (errno == EINTR)
				continue;
			model_refresh_links(sh);
			return;
		}
		for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c;
		     c = CMSG_NXTHDR(&mh, c))
			if (c->cmsg_level == SOL_NETLINK &&
			    c->cmsg_type == NETLINK_LISTEN_ALL_NSID)
				memcpy(&nsid, CMSG_DATA(c), sizeof(nsid));
		/* any process may send to this socket: only the kernel's
		 * word counts (libnl loops on some malformed messages) */
		if (from.nl_pid != 0)
			continue;
		ns = ns_by_nsid(nsid);
		if (!ns)
			continue;	/* a namespace the model does not show */
		if (ns == M->ns[0])
			nsids_dead(sh, buf, r);
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf;
		     NLMSG_OK(h, r); h = NLMSG_NEXT(h, r))
			M->events += (unsigned long)model_apply(ns, h);
	}
}

/* the model's one listener: the host's rtnetlink events of every
 * namespace with an nsid (LISTEN_ALL_NSID) */
static int open_event_socket(struct nsh *sh)
{
	static const int groups[] = { RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR,
				      RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV4_ROUTE,
				      RTNLGRP_IPV6_ROUTE, RTNLGRP_NSID };
	const struct events_opts o = { .groups = groups,
				       .ngroups = ARRAY_SIZE(groups),
				       .rcvbuf = 8 << 20, .nonblock = true,
				       .all_nsid = true };
	int fd = ns_events_open(sh, &sh->home, &o, NULL);

	if (fd < 0) {
		errno = -fd;	/* model_get reports it */
		return -1;
	}
	return fd;
}

/* reload every namespace (after an overrun) */
static void resync(struct nsh *sh)
{
	need_resync = false;
	M->resyncs++;
	for (int i = M->nns - 1; i >= 0; i--) {
		struct model_ns *ns = M->ns[i];
		struct nl_sock *sk = ns_sock_in(sh, &sh->home);
		int fd = model_ns_fd(ns, sh);

		/* the events lost may have told of its death (and its inode
		 * number may be another namespace's now) */
		if (i > 0 && (fd < 0 || !sk || nl_get_nsid(sk, fd) != ns->nsid)) {
			model_ns_gone(sh, ns);
		} else if (fd >= 0) {
			model_ns_load(sh, ns, fd);
		}
		if (fd >= 0)
			close(fd);
	}
	model_rescan(sh);
}

/* ------------------------------------------------------------ public */

struct model *model_get(struct nsh *sh)
{
	if (M) {
		model_ready(sh, NULL, 0);
		return M;
	}
	M = model_alloc();
	model_sh = sh;
	evfd = open_event_socket(sh);
	if (evfd < 0) {
		nsh_err(sh, "cannot listen to netlink events: %s",
			strerror(errno));
		model_free(M);
		M = NULL;
		return NULL;
	}
	mntfd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
	model_ns_add(M, sh->home.dev, sh->home.ino, "");
	model_ns_load(sh, M->ns[0], sh->home.fd);
	model_rescan(sh);
	drain(sh);
	return M;
}

int model_pollfds(struct pollfd *fds, int max)
{
	int n = 0;

	if (!M)
		return 0;
	if (evfd >= 0 && n < max)
		fds[n++] = (struct pollfd){ .fd = evfd, .events = POLLIN };
	if (mntfd >= 0 && n < max)
		fds[n++] = (struct pollfd){ .fd = mntfd, .events = POLLPRI };
	return n;
}

void model_ready(struct nsh *sh, const struct pollfd *fds, int nfds)
{
	struct pollfd p = { .fd = mntfd, .events = POLLPRI };
	bool mounts = false;

	if (!M)
		return;
	/* poll() on mountinfo reports a change once: the caller's poll may
	 * already have seen it */
	for (int i = 0; i < nfds; i++)
		if (fds[i].fd == mntfd && (fds[i].revents & POLLPRI))
			mounts = true;
	if (!mounts && mntfd >= 0 && poll(&p, 1, 0) > 0 &&
	    (p.revents & POLLPRI))
		mounts = true;
	drain(sh);
	/* processes come and go without an event: look again each second */
	if (model_procs_due())
		mounts = true;
	/* the mount table changed: a namespace came or went */
	if (mounts || need_rescan) {
		need_rescan = false;
		model_rescan(sh);
		drain(sh);
	}
	if (need_resync)
		resync(sh);
}

void model_fini(void)
{
	if (evfd >= 0)
		close(evfd);
	if (mntfd >= 0)
		close(mntfd);
	evfd = mntfd = -1;
	model_free(M);
	M = NULL;
}

void model_forget(void)
{
	model_fini();	/* this copy's memory and descriptors only */
	need_resync = need_rescan = false;
	model_refresh_clear();
}
