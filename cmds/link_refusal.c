/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_refusal.c - a refused `ip link` request explained in one line,
 * afterwards, by looking at what the line named: a name taken (and
 * where), a master that is no bridge, a kind the kernel has no driver
 * for, a link that cannot move, an MTU out of the link's range …; the
 * kernel's own words when nsh cannot tell more.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/route/link.h>

#include "link_priv.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)

/* the kind of link IFINDEX (or NAME) in NS: its rtnl_link, or NULL */
static struct rtnl_link *find_link(struct nsh *sh, const struct nsh_ns *ns,
				   const char *name)
{
	struct rtnl_link *l = NULL;

	if (name && link_lookup_in(sh, ns ? ns : &sh->cur, name, true, &l))
		return NULL;
	return l;
}

/* L's kind, "" when it has none (or there is no L) */
static const char *kind_of(struct rtnl_link *l)
{
	const char *k = l ? rtnl_link_get_type(l) : NULL;

	return k ? k : "";
}

/* "'NAME': already exists in …" when NAME is taken in NS */
static bool taken(struct nsh *sh, const struct nsh_ns *ns, const char *name)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = find_link(sh, ns, name);
	char d[300];

	if (!l)
		return false;
	nsh_err(sh, "'%s': already exists in %s", name,
		ns_desc(ns ? ns : &sh->cur, d, sizeof(d)));
	return true;
}

/* a refused add or replace: no driver, a name taken, a bad name */
static int explain_add(struct nsh *sh, const struct link_req *r,
		       const struct names *n, int e, const char *msg)
{
	const struct nsh_ns *ns = r->ns ? r->ns : &sh->cur;
	const struct nsh_ns *pns = r->peer_ns ? r->peer_ns : &sh->cur;
	const char *bad;
	char d[300];

	/* the kernel found no module for the kind (tun says otherwise) */
	if (strstr(msg, "Unknown device type") || (e == EOPNOTSUPP && !*msg))
		return nsh_err(sh, "type %s: this kernel has no %s driver",
			       n->kind, n->kind);
	if (e == EEXIST) {
		if (n->peer && n->name && streq(n->name, n->peer) &&
		    ns_same(ns, pns))
			return nsh_err(sh, "'%s': both ends of a veth pair "
					   "would have this name in %s",
				       n->name, ns_desc(ns, d, sizeof(d)));
		if (taken(sh, ns, n->name) ||
		    (n->peer && taken(sh, pns, n->peer)))
			return 1;
	}
	if (e == EINVAL || e == ERANGE) {
		if (n->name && (bad = check_link_name(n->name)))
			return nsh_err(sh, "'%s': %s", n->name, bad);
		if (n->peer && (bad = check_link_name(n->peer)))
			return nsh_err(sh, "'%s': %s", n->peer, bad);
	}
	return 0;
}

/* a refused master: not one that takes ports, or a port it cannot take */
static int explain_master(struct nsh *sh, const struct link_req *r,
			  const struct names *n, struct rtnl_link *l, int e)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *m =
		find_link(sh, NULL, r->master);

	if (e == EOPNOTSUPP && m && !*kind_of(m))
		return nsh_err(sh, "'%s': not a bridge (it is a link without a "
				   "kind)", r->master);
	if (e == EOPNOTSUPP && m)
		return nsh_err(sh, "'%s': not a bridge (it is a %s)",
			       r->master, kind_of(m));
	if (l && (rtnl_link_get_flags(l) & IFF_LOOPBACK))
		return nsh_err(sh, "'%s': the loopback device cannot be a "
				   "bridge port", n->dev);
	return 0;
}

/* "mtu greater than device maximum": the link's own bound, asked for */
static int explain_mtu(struct nsh *sh, const struct link_req *r,
		       const struct names *n, const char *msg)
{
	_cleanup_free_ struct nlmsghdr *h = NULL;
	struct nlattr *tb[IFLA_MAX + 1];
	bool low = strstr(msg, "less") != NULL;
	int attr = low ? IFLA_MIN_MTU : IFLA_MAX_MTU;

	if (link_get_msg(ns_sock(sh), link_msg_ifi(r->msg)->ifi_index, NULL,
			 RTEXT_FILTER_SKIP_STATS, &h) < 0 ||
	    nlmsg_parse(h, sizeof(struct ifinfomsg), tb, IFLA_MAX, NULL) < 0 ||
	    !tb[attr])
		return 0;
	return nsh_err(sh, "'%s': MTU %s the %s of '%s' (%u)", r->mtu,
		       low ? "below" : "above", low ? "minimum" : "maximum",
		       n->dev, nla_get_u32(tb[attr]));
}

/* a refused set: no such link, a name taken, a master refused, a link
 * that cannot move, an MTU out of range */
static int explain_set(struct nsh *sh, const struct link_req *r,
		       const struct names *n, int e, const char *msg)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	const struct nsh_ns *where = r->ns ? r->ns : &sh->cur;
	int rc;

	if (!n->dev)
		return 0;
	l = find_link(sh, NULL, n->dev);
	if (e == ENODEV && !l)
		return link_no_such(sh, &sh->cur, n->dev);
	if (e == EEXIST)
		return taken(sh, where, (r->stages & SG_NAME) ? n->name :
							      n->dev);
	if (strstr(msg, "enslave a bridge to a bridge")) {
		if (r->master_index == link_msg_ifi(r->msg)->ifi_index)
			return nsh_err(sh, "'%s': a bridge cannot be its own "
					   "port", n->dev);
		return nsh_err(sh, "'%s': a bridge cannot be a port of "
				   "another bridge", n->dev);
	}
	if (r->master && (e == EOPNOTSUPP || e == EINVAL) &&
	    (rc = explain_master(sh, r, n, l, e)))
		return rc;
	if (strstr(msg, "netns is immutable")) {
		if (streq(kind_of(l), "bridge") ||
		    (l && (rtnl_link_get_flags(l) & IFF_LOOPBACK)))
			return nsh_err(sh, "'%s': bridges and lo cannot move "
					   "to another namespace", n->dev);
		return nsh_err(sh, "'%s': a %s cannot move to another "
				   "namespace", n->dev,
			       *kind_of(l) ? kind_of(l) : "link of its kind");
	}
	if (r->mtu && strstr(msg, "mtu"))
		return explain_mtu(sh, r, n, msg);
	return 0;
}

int link_refused(struct nsh *sh, const struct link_req *r,
		 const struct names *n, const struct refusal *why, int type)
{
	const char *subject = n->dev ? n->dev : n->name ? n->name : "group";
	const char *msg = why->msg;
	int e = why->e, rc;

	if (type == RTM_DELLINK) {
		_cleanup_(rtnl_link_putp) struct rtnl_link *l =
			find_link(sh, NULL, n->dev);

		if (e == ENODEV && n->dev && !l)
			return link_no_such(sh, &sh->cur, n->dev);
		if (e == EOPNOTSUPP && l &&
		    (rtnl_link_get_flags(l) & IFF_LOOPBACK))
			return nsh_err(sh, "'%s': the loopback device cannot "
					   "be deleted", n->dev);
	} else if (r->create) {
		rc = explain_add(sh, r, n, e, msg);
		if (rc)
			return rc;
	} else {
		rc = explain_set(sh, r, n, e, msg);
		if (rc)
			return rc;
	}
	return nsh_err(sh, "'%s': %s", subject, why->reason);
}
