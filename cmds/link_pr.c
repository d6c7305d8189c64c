/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_pr.c - the context of a show of links (`ip link show`, `ip address
 * show`, `ip monitor`): its filter and options, and what it looks up
 * besides the messages it prints, each once per show as iproute2 caches
 * them: the names and flags of other links (a veth's peer, a master),
 * the /run/netns names of nsids.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>
#include <netlink/route/link.h>

#include "link_pr.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)

struct nsh *link_pr_sh(const struct link_pr *c)
{
	return c->sh;
}

void link_pr_parse(const struct nlmsghdr *n, struct nlattr **tb)
{
	memset(tb, 0, sizeof(*tb) * (IFLA_MAX + 1));
	if (n->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg)))
		return;
	(void)nla_parse(
		tb, IFLA_MAX,
		(struct nlattr *)((char *)link_pr_ifi(n) +
				  NLMSG_ALIGN(sizeof(struct ifinfomsg))),
		(int)(n->nlmsg_len - NLMSG_LENGTH(sizeof(struct ifinfomsg))),
		NULL);
}

const struct pr_seen *link_pr_lookup(struct link_pr *c, unsigned ifindex)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	struct pr_seen *s;

	for (int i = 0; i < c->nseen; i++)
		if (c->seen[i].ifindex == ifindex)
			return &c->seen[i];
	s = &c->seen[c->nseen < (int)ARRAY_SIZE(c->seen) ? c->nseen++ :
			(int)ARRAY_SIZE(c->seen) - 1];
	memset(s, 0, sizeof(*s));
	s->ifindex = ifindex;
	for (int i = 0; c->links && i < c->links->n; i++) {
		struct nlattr *tb[IFLA_MAX + 1];
		struct ifinfomsg *ifi = link_pr_ifi(c->links->v[i]);

		if ((unsigned)ifi->ifi_index != ifindex)
			continue;
		link_pr_parse(c->links->v[i], tb);
		if (!tb[IFLA_IFNAME])
			continue;
		snprintf(s->name, sizeof(s->name), "%s",
			 nla_get_string(tb[IFLA_IFNAME]));
		s->flags = ifi->ifi_flags;
		s->found = true;
		return s;
	}
	if (rtnl_link_get_kernel(c->sk, (int)ifindex, NULL, &l) == 0 && l &&
	    rtnl_link_get_name(l)) {
		snprintf(s->name, sizeof(s->name), "%s", rtnl_link_get_name(l));
		s->flags = rtnl_link_get_flags(l);
		s->found = true;
	}
	return s;
}

const char *link_pr_ifname(struct link_pr *c, unsigned ifindex)
{
	static char buf[IFNAMSIZ + 8];
	const struct pr_seen *s;

	if (!ifindex)
		return "*";
	s = link_pr_lookup(c, ifindex);
	if (s->found)
		return s->name;
	snprintf(buf, sizeof(buf), "if%u", ifindex);
	return buf;
}

/* the nsids of the /run/netns entries into C->ids, each asked once per
 * show (iproute2's netns_map_init) */
static void read_nsids(struct link_pr *c)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *de;

	c->ids_done = true;
	while (d && (de = readdir(d))) {
		char path[512];
		void *nv;
		int fd, id;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR,
			 de->d_name);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		id = nl_get_nsid(c->sk, fd);
		close(fd);
		if (id < 0)
			continue;
		nv = realloc(c->ids, sizeof(*c->ids) * (size_t)(c->nids + 1));
		if (!nv)
			break;
		c->ids = nv;
		c->ids[c->nids].nsid = id;
		c->ids[c->nids].name = strdup(de->d_name);
		if (c->ids[c->nids].name)
			c->nids++;
	}
	if (d)
		closedir(d);
}

const char *link_pr_nsid_name(struct link_pr *c, int nsid)
{
	if (!c->ids_done)
		read_nsids(c);
	for (int i = 0; i < c->nids; i++)
		if (c->ids[i].nsid == nsid)
			return c->ids[i].name;
	return NULL;
}

struct link_pr *link_pr_new(struct nsh *sh, struct nl_sock *sk,
			    const struct link_filter *f,
			    const struct msg_list *links, bool do_link)
{
	struct link_pr *c = calloc(1, sizeof(*c));

	if (!c) {
		nsh_err(sh, "out of memory");
		return NULL;
	}
	c->sh = sh;
	c->sk = sk;
	c->f = *f;
	c->links = links;
	c->do_link = do_link;
	c->showqueue = true;
	return c;
}

void link_pr_forget(struct link_pr *c)
{
	for (int i = 0; i < c->nids; i++)
		free(c->ids[i].name);
	free(c->ids);
	c->ids = NULL;
	c->nids = 0;
}

void link_pr_free(struct link_pr *c)
{
	if (!c)
		return;
	link_pr_forget(c);
	free(c);
}
