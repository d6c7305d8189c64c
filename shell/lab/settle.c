/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * settle.c - a program run after `ip link set X up` finds X ready.
 *
 * The kernel raises a veth's carrier at once, but the link's operational
 * state (IFF_RUNNING) and its queueing discipline (noop until then: every
 * packet dropped) follow only when the link-watch work runs, a few
 * milliseconds to a second later.  A bash script of `ip` lines is slow
 * enough never to notice; nsh is not: `ip link set veth1 up` then `ping`
 * lost the first packets (tests/compat 012).
 *
 * So each command that brings links up notes the namespaces it acted in
 * (settle_note: no request, no descriptor kept), and before a program
 * runs, each noted namespace is read once (one RTM_GETLINK dump); while a
 * link there is up and has carrier but is not yet running, it is read
 * again every 5 ms, for at most 2 s in all.  A link without carrier (its
 * peer down) is not waited for.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <linux/netlink.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/msg.h>

#include "nsh.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif

#define SETTLE_MAX_MS 2000
#define SETTLE_POLL_MS 5
#define SETTLE_MAX_NS 4096

struct pend {
	char label[264];	/* the namespace as nsh names it ("" home) */
};

static struct pend *pend;
static int npend, cap;

void settle_note(struct nsh *sh, const char *label)
{
	struct pend *p;

	if (!label)
		label = sh->cur.label;
	for (int i = npend - 1; i >= 0 && i >= npend - 64; i--)
		if (streq(pend[i].label, label))
			return;	/* the usual case: the same one again */
	if (npend == SETTLE_MAX_NS)
		return;
	if (npend == cap) {
		int ncap = cap ? cap * 2 : 16;
		struct pend *v = realloc(pend, sizeof(*v) * (size_t)ncap);

		if (!v)
			return;	/* it only makes a ping wait: let it go */
		pend = v;
		cap = ncap;
	}
	p = &pend[npend++];
	snprintf(p->label, sizeof(p->label), "%s", label);
}

/* open the namespace LABEL names, quietly: 0, or -1 if it is gone */
static int open_label(struct nsh *sh, const char *label, struct nsh_ns *ret)
{
	if (!*label)
		return -1;	/* the home namespace: the caller's */
	return ns_lookup(sh, label, NS_REF_PIDLABEL, ret) < 0 ? -1 : 0;
}

/* does link message H still have the noop qdisc (drops every packet)? */
static bool noop_qdisc(const struct nlmsghdr *h)
{
	const struct rtattr *a = IFLA_RTA(NLMSG_DATA(h));
	int len = nlmsg_attrlen(h, sizeof(struct ifinfomsg));	/* >= 0 */

	for (; RTA_OK(a, len); a = RTA_NEXT(a, len))
		if (a->rta_type == IFLA_QDISC)
			return streq(RTA_DATA(a), "noop");
	return false;
}

/* does the namespace of netlink socket FD have a link that is up, with
 * carrier, and not yet running or still without its qdisc (the link
 * watch sets the state first, then attaches the qdisc)?  (-1: the dump
 * failed) */
static int link_pending(int fd)
{
	struct {
		struct nlmsghdr h;
		struct ifinfomsg i;
	} req = {
		.h = { .nlmsg_len = sizeof(req), .nlmsg_type = RTM_GETLINK,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP, .nlmsg_seq = 1 },
		.i = { .ifi_family = AF_UNSPEC },
	};
	char buf[32768];
	int pending = 0;

	if (send(fd, &req, sizeof(req), 0) < 0)
		return -1;
	for (;;) {
		ssize_t n = recv(fd, buf, sizeof(buf), 0);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf;
		     NLMSG_OK(h, n); h = NLMSG_NEXT(h, n)) {
			const struct ifinfomsg *i = NLMSG_DATA(h);
			unsigned f;

			if (h->nlmsg_type == NLMSG_DONE)
				return pending;
			if (h->nlmsg_type == NLMSG_ERROR)
				return -1;
			if (h->nlmsg_type != RTM_NEWLINK)
				continue;
			f = i->ifi_flags;
			if ((f & IFF_UP) && (f & IFF_LOWER_UP) &&
			    (!(f & IFF_RUNNING) || noop_qdisc(h)))
				pending = 1;
		}
	}
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* wait for namespace NS, until DEADLINE */
static void settle_one(struct nsh *sh, const struct nsh_ns *ns,
		       long long deadline)
{
	int fd = ns_socket_in(sh, ns, AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);

	if (fd < 0)
		return;
	while (link_pending(fd) > 0 && now_ms() < deadline)
		poll(NULL, 0, SETTLE_POLL_MS);
	close(fd);
}

void settle_wait(struct nsh *sh)
{
	long long deadline;

	if (!npend)
		return;
	deadline = now_ms() + SETTLE_MAX_MS;
	for (int i = 0; i < npend && !nsh_interrupted; i++) {
		struct nsh_ns ns = { .fd = -1 };

		if (!pend[i].label[0]) {
			settle_one(sh, &sh->home, deadline);
			continue;
		}
		if (open_label(sh, pend[i].label, &ns) < 0)
			continue;	/* deleted since: nothing to wait for */
		settle_one(sh, &ns, deadline);
		ns_close(&ns);
	}
	npend = 0;
}
