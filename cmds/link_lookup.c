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
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/socket.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <linux/rtnetlink.h>
#include <netlink/route/link.h>

#include "link.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_msg, nlmsg_free)

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

int link_lookup(struct nsh *sh, const char *name, struct rtnl_link **ret)
{
	return link_lookup_in(sh, &sh->cur, name, false, ret);
}

int link_no_such(struct nsh *sh, const struct nsh_ns *ns, const char *name)
{
	char d[300];

	return nsh_err(sh, "'%s': no such link in %s", name,
		       ns_desc(ns, d, sizeof(d)));
}

/* one SIOC* ioctl about link NAME in SH->cur, through the netlink socket
 * of the namespace: 0, or -1 with errno (ENAMETOOLONG for an altname) */
static int sioc(struct nsh *sh, unsigned long req, const char *name,
		struct ifreq *ifr)
{
	struct nl_sock *sk;

	memset(ifr, 0, sizeof(*ifr));
	if (strlen(name) >= sizeof(ifr->ifr_name)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	sk = ns_sock(sh);
	if (!sk) {
		errno = EBADF;
		return -1;
	}
	memcpy(ifr->ifr_name, name, strlen(name) + 1);
	/* a netlink socket lives in its namespace too: the ioctl asks there */
	return ioctl(nl_socket_get_fd(sk), req, ifr);
}

/* the same with IFR pointing at DATA (SIOCETHTOOL) */
static int sioc_data(struct nsh *sh, unsigned long req, const char *name,
		     struct ifreq *ifr, void *data)
{
	struct nl_sock *sk = ns_sock(sh);

	memset(ifr, 0, sizeof(*ifr));
	if (!sk || strlen(name) >= sizeof(ifr->ifr_name)) {
		errno = sk ? ENAMETOOLONG : EBADF;
		return -1;
	}
	memcpy(ifr->ifr_name, name, strlen(name) + 1);
	ifr->ifr_data = data;
	return ioctl(nl_socket_get_fd(sk), req, ifr);
}

int link_index(struct nsh *sh, const char *name, int *ret)
{
	_cleanup_free_ struct nlmsghdr *h = NULL;
	struct nl_sock *sk;
	struct ifreq ifr;
	char why[256];
	int err;

	*ret = 0;
	if (sioc(sh, SIOCGIFINDEX, name, &ifr) == 0) {
		*ret = ifr.ifr_ifindex;
		return 0;
	}
	if (errno == ENODEV)
		return link_no_such(sh, &sh->cur, name);
	/* a long alternative name: RTM_GETLINK by IFLA_ALT_IFNAME */
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	err = link_get_msg(sk, 0, name, RTEXT_FILTER_SKIP_STATS, &h);
	if (err == -ENODEV)
		return link_no_such(sh, &sh->cur, name);
	if (err < 0)
		return nsh_err(sh, "'%s': %s", name,
			       nl_reason(-NLE_FAILURE, why, sizeof(why)));
	*ret = ((struct ifinfomsg *)nlmsg_data(h))->ifi_index;
	return 0;
}

int link_brief(struct nsh *sh, const char *name, int *ret_index,
	       unsigned *ret_flags)
{
	struct ifreq ifr;

	if (sioc(sh, SIOCGIFINDEX, name, &ifr) < 0)
		return errno == ENODEV ? link_no_such(sh, &sh->cur, name) : -1;
	*ret_index = ifr.ifr_ifindex;
	if (sioc(sh, SIOCGIFFLAGS, name, &ifr) < 0)
		return errno == ENODEV ? link_no_such(sh, &sh->cur, name) : -1;
	*ret_flags = (unsigned short)ifr.ifr_flags;
	return 0;
}

int link_flags(struct nsh *sh, const char *name, unsigned *ret)
{
	struct ifreq ifr;

	if (sioc(sh, SIOCGIFFLAGS, name, &ifr) < 0)
		return -1;
	*ret = (unsigned short)ifr.ifr_flags;
	return 0;
}

int link_get_msg(struct nl_sock *sk, int ifindex, const char *name,
		 uint32_t mask, struct nlmsghdr **ret)
{
	struct ifinfomsg ifi = { .ifi_family = AF_PACKET,
				 .ifi_index = ifindex };
	_cleanup_(nlmsg_freep) struct nl_msg *m =
		nlmsg_alloc_simple(RTM_GETLINK, 0);

	*ret = NULL;
	if (!m || nlmsg_append(m, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(m, IFLA_EXT_MASK, mask) < 0 ||
	    (name && nla_put_string(m, strlen(name) < IFNAMSIZ ?
					       IFLA_IFNAME :
					       IFLA_ALT_IFNAME,
				    name) < 0))
		return -ENOMEM;
	if (ipr_get(sk, m, ret) == 0)
		return 0;
	return nl_last_errno() ? -nl_last_errno() : -EIO;
}

int link_driver(struct nsh *sh, const char *name, char *buf, size_t len)
{
	struct ethtool_drvinfo info = { .cmd = ETHTOOL_GDRVINFO };
	struct ifreq ifr;

	buf[0] = '\0';
	if (sioc_data(sh, SIOCETHTOOL, name, &ifr, &info) < 0)
		return -1;
	snprintf(buf, len, "%.*s", (int)sizeof(info.driver), info.driver);
	return 0;
}

int link_is_kind(struct nsh *sh, int ifindex, const char *kind)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	const char *k;

	if (rtnl_link_get_kernel(ns_sock(sh), ifindex, NULL, &l) < 0 || !l)
		return -1;
	k = rtnl_link_get_type(l);
	return k && streq(k, kind);
}
