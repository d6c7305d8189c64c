/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_pr.h - the parts of the link printer (iproute2's print_linkinfo)
 * and what they share: cmds/link_pr.c (a show's context: the names and
 * flags of other links, the names of nsids), cmds/link_print.c (one
 * link), cmds/link_details.c (its -d details), cmds/link_stats.c (its -s
 * counters) and cmds/link_show.c (the command).
 */
#ifndef NSH_LINK_PR_H
#define NSH_LINK_PR_H

#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/msg.h>

#include "link.h"

/* a link the show looked up by index, outside what it lists */
struct pr_seen {
	unsigned ifindex;
	unsigned flags;
	bool found;
	char name[IFNAMSIZ];
};

struct link_pr {
	struct nsh *sh;
	struct nl_sock *sk;
	const struct msg_list *links;	/* the show's, for lookups */
	struct pr_seen seen[16];
	int nseen;
	/* nsid -> /run/netns name, made on first use */
	struct { int nsid; char *name; } *ids;
	int nids;
	bool ids_done;
	struct link_filter f;
	char slave_buf[64];	/* type KIND_slave's KIND */
	/* iproute2's do_link (ip link: the link mode, the address
	 * generation mode, the alias and -s counters) and showqueue (the
	 * queue length; not in `ip monitor`) */
	bool do_link;
	bool showqueue;
};

/* the ifinfomsg of link message N */
static inline struct ifinfomsg *link_pr_ifi(const struct nlmsghdr *n)
{
	return nlmsg_data(n);
}

/* cmds/link_pr.c: the attributes of link message N by type into TB
 * (IFLA_MAX + 1 of them; all NULL when N is too short) */
void link_pr_parse(const struct nlmsghdr *n, struct nlattr **tb);
/* name and flags of link IFINDEX: from the listed messages, or asked
 * for once (as iproute2's ll_index_to_name fills its cache) */
const struct pr_seen *link_pr_lookup(struct link_pr *c, unsigned ifindex);
/* the /run/netns name of the namespace with id NSID here, or NULL */
const char *link_pr_nsid_name(struct link_pr *c, int nsid);
/* forget the nsid names (at the end of a show) */
void link_pr_forget(struct link_pr *c);

/* cmds/link_details.c: -d, the details after the link-layer line */
void link_pr_details(struct link_pr *c, struct nlattr **tb);

/* cmds/link_stats.c: -s, the counters of a link (TB its attributes) */
void link_pr_counters(const struct link_pr *c, struct nlattr **tb);

#endif
