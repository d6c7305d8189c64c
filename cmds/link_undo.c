/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_undo.c - a refused `ip link set` put back.  The kernel applies a
 * change in stages and stops at the one that fails (link_priv.h, struct
 * before): what a line spanning several stages may leave half done is
 * read before it is sent (the flags by one ioctl on the hot path, else
 * one RTM_GETLINK), and sent back, wherever the link is now, after a
 * refusal.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link_priv.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* a new RTM_NEWLINK about link IFINDEX with IFI's flags */
static struct nl_msg *setlink_msg(int ifindex, unsigned change,
				  unsigned flags)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex,
				 .ifi_change = change, .ifi_flags = flags };
	struct nl_msg *m = nlmsg_alloc_simple(RTM_NEWLINK, NLM_F_REQUEST);

	if (m && nlmsg_append(m, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(m);
		m = NULL;
	}
	return m;
}

/* the snapshot B of the link in its RTM_NEWLINK H */
static void parse_before(struct before *b, const struct nlmsghdr *h)
{
	const struct ifinfomsg *ifi = nlmsg_data(h);
	struct nlattr *tb[IFLA_MAX + 1];

	if (nlmsg_parse((struct nlmsghdr *)h, sizeof(*ifi), tb, IFLA_MAX,
			NULL) < 0)
		return;
	b->have = true;
	b->flags = ifi->ifi_flags;
	if (tb[IFLA_IFNAME])
		snprintf(b->name, sizeof(b->name), "%s",
			 nla_get_string(tb[IFLA_IFNAME]));
	if (tb[IFLA_MTU])
		b->mtu = nla_get_u32(tb[IFLA_MTU]);
	if (tb[IFLA_GROUP])
		b->group = nla_get_u32(tb[IFLA_GROUP]);
	if (tb[IFLA_TXQLEN])
		b->txqlen = nla_get_u32(tb[IFLA_TXQLEN]);
	if (tb[IFLA_MASTER])
		b->master = nla_get_u32(tb[IFLA_MASTER]);
	if (tb[IFLA_IFALIAS])
		snprintf(b->alias, sizeof(b->alias), "%.*s",
			 nla_len(tb[IFLA_IFALIAS]),
			 (const char *)nla_data(tb[IFLA_IFALIAS]));
	if (tb[IFLA_ADDRESS] &&
	    (size_t)nla_len(tb[IFLA_ADDRESS]) <= sizeof(b->addr)) {
		b->addr_len = nla_len(tb[IFLA_ADDRESS]);
		memcpy(b->addr, nla_data(tb[IFLA_ADDRESS]),
		       (size_t)b->addr_len);
	}
}

int link_before_read(struct nsh *sh, const struct link_req *r,
		     struct before *b)
{
	unsigned st = r->stages, late = SG_MASTER | SG_TXQLEN | SG_OTHER;
	_cleanup_free_ struct nlmsghdr *h = NULL;

	memset(b, 0, sizeof(*b));
	b->ifindex = link_msg_ifi(r->msg)->ifi_index;
	if (!b->ifindex || __builtin_popcount(st) < 2)
		return 0;
	if ((st & SG_FLAGS) && !(st & ~(SG_FLAGS | late))) {
		/* the hot path (`master br0 up`): one ioctl */
		if (link_flags(sh, r->dev, &b->flags) < 0)
			return 0;
		b->have = b->flags_only = true;
		return 0;
	}
	if (link_get_msg(ns_sock(sh), b->ifindex, NULL, RTEXT_FILTER_SKIP_STATS,
			 &h) == 0)
		parse_before(b, h);
	return 0;
}

/* where the link of a refused request is now: in SH->cur (0), in the
 * target namespace (1), or unknown (-1); its ifindex there */
static int locate(struct nsh *sh, const struct link_req *r,
		  const struct names *n, const struct before *b, int *ifindex)
{
	_cleanup_free_ struct nlmsghdr *h = NULL;
	struct nl_sock *tsk;

	*ifindex = b->ifindex;
	if (link_get_msg(ns_sock(sh), b->ifindex, NULL,
			 RTEXT_FILTER_SKIP_STATS, &h) == 0)
		return 0;
	if (!r->ns || !(tsk = ns_sock_in(sh, r->ns)))
		return -1;
	if (link_get_msg(tsk, 0, b->name, RTEXT_FILTER_SKIP_STATS, &h) < 0 &&
	    (!n->name || link_get_msg(tsk, 0, n->name,
				      RTEXT_FILTER_SKIP_STATS, &h) < 0))
		return -1;
	*ifindex = ((struct ifinfomsg *)nlmsg_data(h))->ifi_index;
	return 1;
}

void link_undo(struct nsh *sh, const struct link_req *r,
	       const struct names *n, const struct before *b)
{
	_cleanup_(nlmsg_freep) struct nl_msg *m = NULL;
	unsigned change = link_msg_ifi(r->msg)->ifi_change, st = r->stages;
	struct nl_sock *sk = ns_sock(sh);
	int where = 0, ifindex = b->ifindex;

	if (!b->have)
		return;
	if (!b->flags_only)
		where = locate(sh, r, n, b, &ifindex);
	if (where < 0)
		return;
	/* a link that changes namespace is taken down */
	if (where == 1)
		change |= IFF_UP;
	if (where == 1)
		sk = ns_sock_in(sh, r->ns);
	m = setlink_msg(ifindex, change, b->flags & change);
	if (!m || !sk)
		return;
	if (where == 1 && sh->cur.fd >= 0 &&
	    nla_put_u32(m, IFLA_NET_NS_FD, (uint32_t)sh->cur.fd) < 0)
		return;
	if (!b->flags_only) {
		if (((st & SG_NAME) || where == 1) && b->name[0] &&
		    nla_put_string(m, IFLA_IFNAME, b->name) < 0)
			return;
		if ((st & SG_MTU) && nla_put_u32(m, IFLA_MTU, b->mtu) < 0)
			return;
		if ((st & SG_GROUP) && nla_put_u32(m, IFLA_GROUP, b->group) < 0)
			return;
		if ((st & SG_TXQLEN) &&
		    nla_put_u32(m, IFLA_TXQLEN, b->txqlen) < 0)
			return;
		if ((st & SG_MASTER) && nla_put_u32(m, IFLA_MASTER, b->master))
			return;
		if ((st & SG_ALIAS) && nla_put(m, IFLA_IFALIAS,
					       (int)strlen(b->alias),
					       b->alias) < 0)
			return;
		if ((st & SG_ADDRESS) && b->addr_len &&
		    nla_put(m, IFLA_ADDRESS, b->addr_len, b->addr) < 0)
			return;
	}
	(void)ipr_ack(sk, m);
}
