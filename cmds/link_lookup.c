/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_lookup.c - find a link by name with one RTM_GETLINK request (never a
 * dump: a lab of 1000 namespaces must not pay a dump per command), or only
 * its ifindex with one ioctl.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <net/if.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/socket.h>
#include <netlink/route/link.h>

#include "cmds.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)

int link_lookup_in(struct nsh *sh, const struct nsh_ns *ns, const char *name,
		   bool quiet, struct rtnl_link **ret)
{
	struct nl_sock *sk = ns_sock_in(sh, ns);
	char why[256];
	int err;

	*ret = NULL;
	if (!sk)
		return 1;
	err = rtnl_link_get_kernel(sk, 0, name, ret);
	if (err == 0)
		return 0;
	if (err == -NLE_NODEV || err == -NLE_OBJ_NOTFOUND ||
	    nl_last_errno() == ENODEV) {
		if (quiet)
			return 0;
		return link_no_such(sh, ns, name);
	}
	return nsh_err(sh, "'%s': %s", name, nl_reason(err, why, sizeof(why)));
}

int link_no_such(struct nsh *sh, const struct nsh_ns *ns, const char *name)
{
	char d[300];

	return nsh_err(sh, "'%s': no such link in %s", name,
		       ns_desc(ns, d, sizeof(d)));
}

int link_index(struct nsh *sh, const char *name, int *ret)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	struct nl_sock *sk;
	struct ifreq ifr = { 0 };

	*ret = 0;
	/* longer names (altnames) are not ioctl material */
	if (strlen(name) < sizeof(ifr.ifr_name)) {
		sk = ns_sock(sh);
		if (!sk)
			return 1;
		memcpy(ifr.ifr_name, name, strlen(name) + 1);
		/* a netlink socket lives in its namespace too: the ioctl
		 * asks there */
		if (ioctl(nl_socket_get_fd(sk), SIOCGIFINDEX, &ifr) == 0) {
			*ret = ifr.ifr_ifindex;
			return 0;
		}
		if (errno == ENODEV)
			return link_no_such(sh, &sh->cur, name);
	}
	if (link_lookup(sh, name, &l))
		return 1;
	*ret = rtnl_link_get_ifindex(l);
	return 0;
}

int link_lookup(struct nsh *sh, const char *name, struct rtnl_link **ret)
{
	return link_lookup_in(sh, &sh->cur, name, false, ret);
}
