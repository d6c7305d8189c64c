/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * teardown_watch.c - the wait in one watched namespace (see teardown.c):
 * a socket there, subscribed to link events, dumps its veths once, and
 * the RTM_DELLINK of each one whose peer is in a deleted namespace is
 * waited for.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <netlink/msg.h>

#include "nsh.h"
#include "probe.h"
#include "teardown_priv.h"

/* what one watch is waiting for */
struct wait_state {
	const struct watch *w;
	struct intset left;	/* peers still there */
	struct intset gone;	/* deleted while the dump ran */
	unsigned int seq;
	unsigned int portid;	/* of the socket: marks the dump's replies */
	bool dumped;
	bool filter;		/* ask the kernel for veths only */
};

/* a socket in W's namespace, subscribed to link events, that asked for a
 * dump of the veths; -1 on failure */
static int watch_open(struct nsh *sh, struct wait_state *st)
{
	/* 1000 veths going at once send ~3000 events: room for them all */
	const struct events_opts o = { .mask = RTMGRP_LINK,
				       .rcvbuf = 16 << 20 };
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
		char attrs[32];
	} req = { 0 };
	struct rtattr *li, *kind;
	int fd;

	fd = ns_events_open(sh, &st->w->ns, &o, &st->portid);
	if (fd < 0)
		return -1;
	req.h.nlmsg_type = RTM_GETLINK;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	req.h.nlmsg_seq = ++st->seq;
	req.h.nlmsg_len = NLMSG_LENGTH(sizeof(req.i));
	req.i.ifi_family = AF_UNSPEC;
	if (st->filter) {
		/* IFLA_LINKINFO { IFLA_INFO_KIND "veth" } */
		li = (struct rtattr *)((char *)&req + NLMSG_ALIGN(req.h.nlmsg_len));
		li->rta_type = IFLA_LINKINFO;
		kind = RTA_DATA(li);
		kind->rta_type = IFLA_INFO_KIND;
		kind->rta_len = RTA_LENGTH(sizeof("veth"));
		memcpy(RTA_DATA(kind), "veth", sizeof("veth"));
		li->rta_len = RTA_LENGTH(RTA_ALIGN(kind->rta_len));
		req.h.nlmsg_len = NLMSG_ALIGN(req.h.nlmsg_len) +
				  RTA_ALIGN(li->rta_len);
	}
	if (send(fd, &req, req.h.nlmsg_len, 0) < 0) {
		close(fd);
		return -1;
	}
	st->left.n = st->gone.n = 0;
	st->dumped = false;
	return fd;
}

/* the peer nsid of the link in NLH, or false if it has no peer elsewhere */
static bool peer_nsid(struct nlmsghdr *nlh, int *ret)
{
	struct ifinfomsg *ifi = NLMSG_DATA(nlh);
	int len = nlmsg_attrlen(nlh, sizeof(*ifi));	/* >= 0 */

	for (struct rtattr *a = IFLA_RTA(ifi); RTA_OK(a, len);
	     a = RTA_NEXT(a, len))
		if (a->rta_type == IFLA_LINK_NETNSID &&
		    RTA_PAYLOAD(a) >= sizeof(int)) {
			memcpy(ret, RTA_DATA(a), sizeof(int));
			return true;
		}
	return false;
}

/* one message: 1 when the dump failed (retry), -1 on an error, else 0 */
static int watch_msg(struct wait_state *st, struct nlmsghdr *nlh, bool dump)
{
	struct ifinfomsg *ifi = NLMSG_DATA(nlh);
	int nsid;

	if (dump && nlh->nlmsg_type == NLMSG_DONE) {
		st->dumped = true;
		st->gone.n = 0;
		return 0;
	}
	if (dump && nlh->nlmsg_type == NLMSG_ERROR) {
		if (!st->filter)
			return -1;
		st->filter = false;	/* a kernel without dump filters */
		return 1;
	}
	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
		return 0;
	if (dump && nlh->nlmsg_type == RTM_NEWLINK) {
		if (peer_nsid(nlh, &nsid) &&
		    (nsid < 0 || intset_has(&st->w->nsids, nsid)) &&
		    !intset_has(&st->gone, ifi->ifi_index) &&
		    intset_add(&st->left, ifi->ifi_index) < 0)
			return -1;
	} else if (!dump && nlh->nlmsg_type == RTM_DELLINK &&
		   ifi->ifi_family == AF_UNSPEC) {
		intset_del(&st->left, ifi->ifi_index);
		/* the dump may still list it: remember it went */
		if (!st->dumped && intset_add(&st->gone, ifi->ifi_index) < 0)
			return -1;
	}
	return 0;
}

/* read what FD has: 0, 1 to start over (events were lost, or the dump
 * failed), -1 on an error */
static int watch_read(int fd, struct wait_state *st, char *buf, size_t len)
{
	for (;;) {
		ssize_t r = recv(fd, buf, len, MSG_DONTWAIT);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return 0;
		if (r < 0)
			return errno == ENOBUFS ? 1 : -1;
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf;
		     NLMSG_OK(h, r); h = NLMSG_NEXT(h, r)) {
			bool dump = h->nlmsg_seq == st->seq &&
				    h->nlmsg_pid == st->portid;
			int rc = watch_msg(st, h, dump);

			if (rc)
				return rc;
		}
	}
}

int teardown_watch_wait(struct nsh *sh, const struct watch *w,
			const struct timespec *start)
{
	struct wait_state st = { .w = w, .filter = true };
	static char buf[64 * 1024];
	int fd = -1, rc = 0, tries = 0;

	for (;;) {
		double left;
		int r;

		if (fd < 0) {
			if (++tries > 8) {
				rc = 0;	/* cannot watch: do not block */
				break;
			}
			fd = watch_open(sh, &st);
			if (fd < 0)
				break;
		}
		r = watch_read(fd, &st, buf, sizeof(buf));
		if (r) {
			close(fd);
			fd = -1;
			if (r < 0)
				break;
			continue;
		}
		if (st.dumped && !st.left.n)
			break;
		left = WAIT_SECONDS - teardown_since(start);
		if (left <= 0) {
			teardown_warn_left(sh, &w->ns,
					   st.left.n ? st.left.v[0] : 0);
			rc = 1;
			break;
		}
		struct pollfd p = { .fd = fd, .events = POLLIN };

		if (poll(&p, 1, (int)(left * 1000) + 1) < 0 && errno == EINTR &&
		    nsh_interrupted) {
			rc = 1;
			break;
		}
	}
	if (fd >= 0)
		close(fd);
	free(st.left.v);
	free(st.gone.v);
	return rc;
}
