/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_journal.c - tell the journal (shell/journal.c) which links an
 * `ip link` line made, renamed, moved or deleted, as the kernel has them,
 * so that `cleanup` finds them again.  Nothing of it reaches the kernel:
 * the request is iproute2's, flags included (NLM_F_ECHO would do, but it
 * puts nsh's port and sequence number in the notification every listener
 * gets).
 *
 * A new link is looked up by its name once the kernel has acknowledged
 * it, where it was made; a link whose name the kernel chose is found
 * among the link events of that namespace, from a socket subscribed to
 * them before the request was sent (the link of the kind that appeared).
 * A veth's (vxcan's) peer is the new link's IFLA_LINK, in the peer's
 * namespace; its name is the line's, or read back by that ifindex.  When
 * nsh cannot tell which link it made, nothing is written: cleanup would
 * rather leave a link behind than delete someone else's.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "iproute.h"
#include "link.h"
#include "probe.h"

/* the kinds whose request makes two links */
static bool has_peer(const char *kind)
{
	return kind && (streq(kind, "veth") || streq(kind, "vxcan"));
}

/* the socket of NS, the current namespace's own when NS is it */
static struct nl_sock *sock_for(struct nsh *sh, const struct nsh_ns *ns)
{
	return ns_same(ns, &sh->cur) ? ns_sock(sh) : ns_sock_in(sh, ns);
}

/* the link of the RTM_NEWLINK H, in NS, as the journal has it: 0 or
 * -EINVAL */
static int identity(const struct nlmsghdr *h, const struct nsh_ns *ns,
		    struct journal_link *l)
{
	const struct ifinfomsg *ifi = nlmsg_data(h);
	struct nlattr *name;

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)) || ifi->ifi_index <= 0)
		return -EINVAL;
	name = nlmsg_find_attr((struct nlmsghdr *)h, sizeof(*ifi), IFLA_IFNAME);
	if (!name || nla_len(name) < 2 || nla_len(name) > (int)sizeof(l->name))
		return -EINVAL;
	memset(l, 0, sizeof(*l));
	l->dev = ns->dev;
	l->ino = ns->ino;
	l->ifindex = ifi->ifi_index;
	snprintf(l->name, sizeof(l->name), "%.*s", nla_len(name),
		 (const char *)nla_data(name));
	return 0;
}

/* the u32 attribute TYPE of the RTM_NEWLINK H, or 0 */
static uint32_t get_u32(const struct nlmsghdr *h, int type)
{
	struct nlattr *a = nlmsg_find_attr((struct nlmsghdr *)h,
					   sizeof(struct ifinfomsg), type);

	return a && nla_len(a) >= 4 ? nla_get_u32(a) : 0;
}

/* whether the RTM_NEWLINK H is of KIND */
static bool of_kind(const struct nlmsghdr *h, const char *kind)
{
	struct nlattr *li = nlmsg_find_attr((struct nlmsghdr *)h,
					    sizeof(struct ifinfomsg),
					    IFLA_LINKINFO);
	struct nlattr *k = li ? nla_find(nla_data(li), nla_len(li),
					 IFLA_INFO_KIND) :
				NULL;

	return k && nla_strcmp(k, kind) == 0;
}

/* ------------------------------------------------------------ before */

/* a socket in NS subscribed to its link events: -1 when it cannot be */
static int events_open(struct nsh *sh, const struct nsh_ns *ns)
{
	const struct events_opts o = { .mask = RTMGRP_LINK };
	int fd = ns_events_open(sh, ns, &o, NULL);

	return fd < 0 ? -1 : fd;
}

void link_made_begin(struct nsh *sh, const struct link_req *r,
		     const char *name, const char *kind, bool replace,
		     struct link_made *m)
{
	const struct nsh_ns *ns = r->ns ? r->ns : &sh->cur;
	_cleanup_free_ struct nlmsghdr *h = NULL;
	struct nl_sock *sk;

	*m = (struct link_made){ .sh = sh, .ns = ns, .name = name,
				 .kind = kind, .evfd = -1 };
	/* `replace` of a link that is there makes none */
	if (replace && name && (sk = sock_for(sh, ns)) &&
	    link_get_msg(sk, 0, name, RTEXT_FILTER_SKIP_STATS, &h) == 0)
		return;
	m->create = true;
	if (!name)
		m->evfd = events_open(sh, ns);
}

void link_made_end(struct link_made *m)
{
	free(m->msg);
	m->msg = NULL;
	if (m->evfd >= 0)
		close(m->evfd);
	m->evfd = -1;
}

/* ------------------------------------------------------------ sending */

/* whether a link NAME is in NS now (when it cannot tell: yes) */
static bool name_taken(struct nsh *sh, const struct nsh_ns *ns,
		       const char *name)
{
	struct nl_sock *sk = sock_for(sh, ns);
	struct ifreq ifr = { 0 };

	if (!sk || strlen(name) >= sizeof(ifr.ifr_name))
		return true;
	memcpy(ifr.ifr_name, name, strlen(name) + 1);
	/* a netlink socket asks in its own namespace */
	return ioctl(nl_socket_get_fd(sk), SIOCGIFINDEX, &ifr) == 0 ||
	       errno != ENODEV;
}

/* a name that is free now is the new link's if the kernel says yes: say
 * so before asking, a SIGKILL may come before the answer */
static void ask(struct link_made *m)
{
	m->asked = m->create && m->name && m->kind &&
		   !name_taken(m->sh, m->ns, m->name);
	if (m->asked)
		journal_link_asked(m->ns->dev, m->ns->ino, m->kind, m->name);
}

int link_made_send(struct nl_sock *sk, struct nl_msg *msg,
		   struct link_made *m)
{
	int err;

	free(m->msg);
	m->msg = NULL;
	ask(m);
	err = ipr_ack(sk, msg);
	if (err < 0 && m->asked)
		journal_link_refused(m->ns->dev, m->ns->ino, m->name);
	return err;
}

/* ------------------------------------------------------------ after */

/* a candidate of events_find */
struct seen {
	struct nlmsghdr *msg;
	int ifindex, link;
};

/* the new link among the events on M->evfd: the one link of M's kind
 * that appeared, or the later of a pair made together (the kernel
 * registers a veth's peer first) */
static void events_find(struct link_made *m)
{
	static char buf[32 * 1024];
	struct seen s[3] = { { 0 } };
	int n = 0;
	ssize_t len;

	while ((len = recv(m->evfd, buf, sizeof(buf), MSG_DONTWAIT)) > 0) {
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf;
		     NLMSG_OK(h, len); h = NLMSG_NEXT(h, len)) {
			struct ifinfomsg *ifi = NLMSG_DATA(h);

			/* a link just registered is announced with every
			 * change bit set */
			if (h->nlmsg_type != RTM_NEWLINK ||
			    h->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)) ||
			    ifi->ifi_change != ~0u || !of_kind(h, m->kind))
				continue;
			if (n == (int)ARRAY_SIZE(s))
				goto out;	/* too many to tell */
			s[n].msg = malloc(h->nlmsg_len);
			if (!s[n].msg)
				goto out;
			memcpy(s[n].msg, h, h->nlmsg_len);
			s[n].ifindex = ifi->ifi_index;
			s[n].link = (int)get_u32(h, IFLA_LINK);
			n++;
		}
	}
	if (len < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
		goto out;	/* events lost */
	/* (the peer is announced before the link it belongs to has an
	 * ifindex) */
	if (n == 1 ||
	    (n == 2 && has_peer(m->kind) && s[1].link == s[0].ifindex &&
	     (!s[0].link || s[0].link == s[1].ifindex))) {
		m->msg = s[n - 1].msg;
		s[n - 1].msg = NULL;
	}
out:
	for (int i = 0; i < n; i++)
		free(s[i].msg);
}

/* the new link's RTM_NEWLINK in M->msg */
static void find_made(struct nsh *sh, const char *name, struct link_made *m)
{
	struct nl_sock *sk;

	if (name) {
		sk = sock_for(sh, m->ns);
		if (sk)
			(void)link_get_msg(sk, 0, name, RTEXT_FILTER_SKIP_STATS,
					   &m->msg);
	} else if (m->evfd >= 0) {
		events_find(m);
	}
}

/* the other end of the link of M, made in PNS: PEER its name if the line
 * gave one */
static int find_peer(struct nsh *sh, const struct link_made *m,
		     const struct nsh_ns *pns, const char *peer,
		     struct journal_link *l)
{
	_cleanup_free_ struct nlmsghdr *h = NULL;
	int ifindex = (int)get_u32(m->msg, IFLA_LINK);
	struct nl_sock *sk;

	if (ifindex <= 0)
		return -ENOENT;
	if (peer && strlen(peer) < sizeof(l->name)) {
		*l = (struct journal_link){ .dev = pns->dev, .ino = pns->ino,
					    .ifindex = ifindex };
		snprintf(l->name, sizeof(l->name), "%s", peer);
		return 0;
	}
	sk = sock_for(sh, pns);
	if (!sk || link_get_msg(sk, ifindex, NULL, RTEXT_FILTER_SKIP_STATS,
				&h) < 0)
		return -ENOENT;
	return identity(h, pns, l);
}

void link_made_note(struct nsh *sh, const struct link_req *r,
		    const char *name, const char *peer, struct link_made *m)
{
	struct journal_link l;

	if (!m->create)
		return;
	find_made(sh, name, m);
	if (!m->msg || identity(m->msg, m->ns, &l) < 0)
		return;
	journal_link(&l, false);
	if (has_peer(m->kind) &&
	    find_peer(sh, m, r->peer_ns ? r->peer_ns : &sh->cur, peer, &l) == 0)
		journal_link(&l, true);
}

void link_journal_setting(struct nsh *sh, const struct link_req *r,
			  int ifindex, const char *name)
{
	const struct nsh_ns *ns = r->ns ? r->ns : &sh->cur;

	journal_link_moving(sh->cur.dev, sh->cur.ino, ifindex, ns->dev,
			    ns->ino, name);
}

void link_journal_set(struct nsh *sh, const struct link_req *r, int ifindex,
		      const char *name)
{
	const struct nsh_ns *ns = r->ns ? r->ns : &sh->cur;
	_cleanup_free_ struct nlmsghdr *h = NULL;
	struct journal_link now = { .dev = ns->dev, .ino = ns->ino,
				    .ifindex = ifindex };
	struct nl_sock *sk;

	if (!journal_has_link(sh->cur.dev, sh->cur.ino, ifindex))
		return;
	if (ns_same(ns, &sh->cur)) {
		snprintf(now.name, sizeof(now.name), "%s", name);
	} else if (!(sk = ns_sock_in(sh, ns)) ||
		   link_get_msg(sk, 0, name, RTEXT_FILTER_SKIP_STATS, &h) < 0 ||
		   identity(h, ns, &now) < 0) {
		/* moved, but where to is unknown: no longer nsh's to delete */
		journal_link_gone(sh->cur.dev, sh->cur.ino, ifindex);
		return;
	}
	journal_link_moved(sh->cur.dev, sh->cur.ino, ifindex, &now);
}
