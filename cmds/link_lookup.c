/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_lookup.c - find a link by name with one RTM_GETLINK request (never a
 * dump: a lab of 1000 namespaces must not pay a dump per command).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/route/link.h>

#include "cmds.h"

int link_lookup_in(struct nsh *sh, const struct nsh_ns *ns, const char *name,
		   bool quiet, struct rtnl_link **ret)
{
	struct nl_sock *sk = ns_sock_in(sh, ns);
	char d[300], why[256];
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
		return nsh_err(sh, "'%s': no such link in %s", name,
			       ns_desc(ns, d, sizeof(d)));
	}
	return nsh_err(sh, "'%s': %s", name, nl_reason(err, why, sizeof(why)));
}

int link_lookup(struct nsh *sh, const char *name, struct rtnl_link **ret)
{
	return link_lookup_in(sh, &sh->cur, name, false, ret);
}
