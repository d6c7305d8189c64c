/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_priv.h - what the files of `ip link add/set/replace/delete` share:
 * cmds/link.c (the grammar and the commands), cmds/link_put.c (the
 * request's attributes), cmds/link_modify.c (one request, built and
 * sent), cmds/link_undo.c (a refused change put back) and
 * cmds/link_refusal.c (a refusal explained in one line).
 */
#ifndef NSH_LINK_PRIV_H
#define NSH_LINK_PRIV_H

#include <net/if.h>
#include <linux/rtnetlink.h>
#include <netlink/msg.h>

#include "link.h"

/* what the line names: iproute2's rules for `name` and `dev` */
struct names {
	const char *name;	/* IFLA_IFNAME: the (new) name */
	const char *dev;	/* the link acted on */
	const char *kind;
	int type_at;		/* the binding of `type`, or a->nbind */
	bool group;		/* `group` given */
	bool dev_and_name;	/* both, different (refused when creating) */
	const char *peer;	/* a veth's peer name, if any */
};

/* the request's ifinfomsg */
static inline struct ifinfomsg *link_msg_ifi(struct nl_msg *msg)
{
	return nlmsg_data(nlmsg_hdr(msg));
}

/* cmds/link_modify.c: the names of the line A into N: 0, -1 for `help`,
 * -2 for `type KIND help` */
int link_read_names(const struct nsh_args *a, struct names *n);
/* ip link add (CREATE|EXCL), set (0), replace (CREATE|REPLACE), delete
 * (RTM_DELLINK): one request, as iproute2's iplink_modify builds it; 0,
 * or 1 after reporting */
int link_modify(struct nsh *sh, const struct nsh_args *a, int type,
		int flags);

/* cmds/link_put.c: "the request is too large" about R's link: 1 */
int link_put_fail(struct link_req *r);
/* the request's kind data, IFLA_LINKINFO { KIND, DATA { … } }, from the
 * bindings after TYPE_AT (the binding of `type`): 0, or 1 after reporting */
int link_put_kind(struct link_req *r, const char *kind, int type_at);
/* close the namespaces the request named by descriptor (once sent) */
void link_req_release(void);

/*
 * cmds/link_undo.c.  The kernel applies a change in stages (do_setlink:
 * the namespace, the address, the MTU, the group, the name, the alias,
 * the flags, the master, the queue length …) and stops at the first that
 * fails, leaving the earlier ones done.  A line whose options span
 * several stages is undone when refused: its link's state is read before
 * (the flags alone by one ioctl when only they come before the rest, as
 * for `master br0 up`), and put back after.
 */
struct before {
	bool have;		/* a snapshot of the link */
	bool flags_only;	/* only its flags (SIOCGIFFLAGS) */
	int ifindex;
	unsigned flags;
	uint32_t mtu, group, txqlen, master;
	char name[IFNAMSIZ];
	char alias[256];
	unsigned char addr[32];
	int addr_len;
};

/* read what a refusal of R may leave half done into B: 0 */
int link_before_read(struct nsh *sh, const struct link_req *r,
		     struct before *b);
/* put back what the refused R may have done */
void link_undo(struct nsh *sh, const struct link_req *r,
	       const struct names *n, const struct before *b);

/* cmds/link_refusal.c: what the kernel said: its errno, its ext-ack
 * message, both in words */
struct refusal {
	int e;
	char msg[256];
	char reason[256];
};

/* explain the refusal WHY of R (an RTM_NEWLINK or RTM_DELLINK, TYPE) in
 * one line: nsh's words when it can tell, else the kernel's.  1 */
int link_refused(struct nsh *sh, const struct link_req *r,
		 const struct names *n, const struct refusal *why, int type);

#endif
