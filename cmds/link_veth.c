/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_veth.c - `type veth [peer [name] NAME [LINK-OPTIONS…]]`: the peer
 * takes every ip link option (name, netns, address, mtu, up …), as
 * iproute2's ip/link_veth.c parses them: in VETH_INFO_PEER, an ifinfomsg
 * and the attributes of the peer.  Without `peer`, the kernel names both
 * ends (veth0, veth1…).
 */
#include "config.h"

#include <string.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

enum { VETH_PEER = LK_KIND_BASE };

static const struct ipl_opt veth_rows[] = {
	{ "peer", IPL_REST, NULL, VETH_PEER,
	  "the other end: [name] NAME and any ip link option", &link_opts },
	{ NULL },
};

static const struct ipl_table veth_opts = { "type veth", veth_rows };

int link_put_peer(struct link_req *r, int key, int attr)
{
	const struct nsh_args *a = r->a;
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	const char *name = NULL, *dev = NULL;
	struct nlattr *peer;
	struct ifinfomsg *pifi;
	int from = ipl_find(a, r->from, key);

	if (from < 0 || from >= r->to)
		return 0;
	from = ipl_next(a, from);
	for (int i = from; i < r->to; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (o->key == LK_TYPE)
			return nsh_err(r->sh, "'type': given twice (the peer "
					      "is of the same kind)");
		if (o->key == LK_NAME)
			name = v->text;
		else if (o->key == LK_DEV)
			dev = v->text;
	}
	if (name && dev && !streq(name, dev))
		return nsh_err(r->sh, "'%s': both 'name' and 'dev' cannot be "
				      "used when creating a link", dev);
	if (!name)
		name = dev;
	peer = nla_nest_start(r->msg, attr);
	if (!peer || nlmsg_append(r->msg, &ifi, sizeof(ifi), 0) < 0)
		return nsh_err(r->sh, "out of memory");
	pifi = (struct ifinfomsg *)nla_data(peer);
	if (link_put_generic(r, from, r->to, pifi, true))
		return 1;
	/* not the session's tag (cleanup deletes the first end, which
	 * takes this one along) */
	if (name && nla_put_string(r->msg, IFLA_IFNAME, name) < 0)
		return nsh_err(r->sh, "out of memory");
	nla_nest_end(r->msg, peer);
	return 0;
}

static int veth_put(struct link_req *r)
{
	return link_put_peer(r, VETH_PEER, VETH_INFO_PEER);
}

const struct link_kind veth_kind = {
	.name = "veth",
	.summary = "a pair of linked ends (a virtual cable)",
	.opts = &veth_opts,
	.put = veth_put,
	.driver = "veth",
};
