/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link.c - `ip link add/set/change/replace/delete/property`, natively,
 * with iproute2's grammar (ip/iplink.c iplink_parse, iplink_modify): the
 * same options in any order, the same abbreviations and duplicate rules,
 * a bare word the link's name, `type KIND ARGS` for the kinds (one file
 * each, listed in link_kinds[]).  This file holds the kinds' table, the
 * grammar and the commands; `ip link show` is cmds/link_show.c.
 *
 * The request is the RTM_NEWLINK (RTM_DELLINK) iproute2 sends, built with
 * libnl's message API (cmds/link_put.c: an ifinfomsg, IFLA_* attributes,
 * IFLA_LINKINFO with the kind's data) and sent by cmds/link_modify.c.
 * Names the request refers to (the link of `set`, a master, a lower link)
 * are resolved by one ioctl each, as iproute2 resolves them before it
 * sends; nothing else is looked up before the kernel answers.  A refusal
 * is explained afterwards, in one line, by looking at what the line named
 * (cmds/link_refusal.c), and a refused line leaves the kernel as it was:
 * the kernel applies a change in stages and stops at the one that fails,
 * so what the earlier stages did is put back (cmds/link_undo.c), and a
 * master that takes no ports is refused by its driver's name (one ioctl)
 * before the kernel takes the link out of its bridge.
 *
 * The links a line makes, and the renames, moves and deletions of links
 * nsh made, are written in the session's journal once the kernel has
 * acknowledged them (cmds/link_journal.c, shell/journal.c): `cleanup`
 * finds them there.  The request itself is iproute2's.
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
#include <netlink/route/link.h>

#include "link_priv.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ------------------------------------------------------------ kinds */

const struct link_kind *const link_kinds[] = {
#define KIND(k) &k##_kind,
#include "link_kinds.h"
#undef KIND
	NULL,
};

const struct link_kind *link_kind_find(const char *name)
{
	for (int i = 0; link_kinds[i]; i++)
		if (streq(link_kinds[i]->name, name))
			return link_kinds[i];
	return NULL;
}

/* ------------------------------------------------------------ grammar */

/* "veth|bridge|…", for completing the word after `type` */
static const char *kind_choices(void)
{
	static char buf[1024];
	size_t n = 0;

	if (buf[0])
		return buf;
	for (int i = 0; link_kinds[i] && n < sizeof(buf); i++)
		n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s",
				      i ? "|" : "", link_kinds[i]->name);
	return buf;
}

/* type KIND [ARGS]: the kind's table takes the rest of the line; a kind
 * nsh does not know is sent as it is when nothing follows (the kernel
 * decides), and left to the real ip when it has arguments */
static int parse_type(struct ipl_parse *p, const struct ipl_opt *o)
{
	const struct link_kind *k;
	struct nsh_bind b = { .name = o->kw, .opt = o };
	const char *w = ipl_need(p, o, kind_choices());

	if (!w)
		return p->completing ? -2 : -1;
	b.tok = p->i;
	b.v.text = w;
	if (p->a->nbind == NSH_MAX_BIND)
		return ipl_fail(p, p->i, "too many words");
	p->a->bind[p->a->nbind++] = b;
	p->i++;
	k = link_kind_find(w);
	if (!k) {
		if (p->i < p->argc)
			ipl_fallback(p);
		return 0;
	}
	if (!k->opts) {
		if (p->i < p->argc)
			return ipl_fail(p, p->i, "'%s': type %s takes no "
					"arguments", p->argv[p->i], w);
		return 0;
	}
	return ipl_walk(p, k->opts, false);
}

/* options nsh leaves to the real ip (XDP programs, SR-IOV VFs) */
static int parse_not_native(struct ipl_parse *p, const struct ipl_opt *o)
{
	(void)o;
	ipl_fallback(p);
	return 0;
}

#define ONOFF "on|off"

/* iplink_parse's keywords, in its order (strcmp, or matches() where
 * IPL_PREFIX) */
static const struct ipl_opt link_opt_rows[] = {
	{ "up", 0, NULL, LK_UP, "bring the link up" },
	{ "down", 0, NULL, LK_DOWN, "take the link down" },
	{ "name", IPL_ONCE, "NEWIF", LK_NAME, "the link's (new) name" },
	{ "index", IPL_ONCE, "NUM", LK_INDEX, "its ifindex" },
	{ "link", IPL_PREFIX, "DEV", LK_LINK, "the lower link (vlan, vxlan, "
					      "macvlan…)" },
	{ "address", IPL_PREFIX, "LLADDR", LK_ADDRESS, "link-layer address" },
	{ "broadcast", IPL_PREFIX, "LLADDR", LK_BROADCAST,
	  "link-layer broadcast address" },
	{ "brd", IPL_ALIAS, "LLADDR", LK_BROADCAST },
	{ "txqueuelen", IPL_PREFIX | IPL_ONCE, "INT", LK_TXQLEN,
	  "transmit queue length" },
	{ "qlen", IPL_ALIAS | IPL_ONCE, "INT", LK_TXQLEN },
	{ "txqlen", IPL_PREFIX | IPL_ALIAS | IPL_ONCE, "INT", LK_TXQLEN },
	{ "mtu", IPL_ONCE, "LINKMTU", LK_MTU, "maximum transmission unit" },
	{ "xdpgeneric", 0, NULL, LK_XDP, "an XDP program (the real ip)",
	  NULL, parse_not_native },
	{ "xdpdrv", IPL_ALIAS, NULL, LK_XDP, NULL, NULL, parse_not_native },
	{ "xdpoffload", IPL_ALIAS, NULL, LK_XDP, NULL, NULL,
	  parse_not_native },
	{ "xdp", IPL_ALIAS, NULL, LK_XDP, NULL, NULL, parse_not_native },
	{ "netns", IPL_ONCE, "NSREF", LK_NETNS, "move it to a namespace "
						"(a name or a PID)" },
	{ "multicast", 0, ONOFF, LK_MULTICAST, "the MULTICAST flag" },
	{ "allmulticast", 0, ONOFF, LK_ALLMULTI, "receive all multicast" },
	{ "promisc", 0, ONOFF, LK_PROMISC, "promiscuous mode" },
	{ "trailers", 0, ONOFF, LK_TRAILERS, "the NOTRAILERS flag" },
	{ "arp", 0, ONOFF, LK_ARP, "ARP on the link" },
	{ "carrier", 0, "ONOFF", LK_CARRIER, "the carrier (some kinds)" },
	{ "vf", 0, NULL, LK_VF, "an SR-IOV VF (the real ip)", NULL,
	  parse_not_native },
	{ "master", IPL_PREFIX, "BRIDGE", LK_MASTER, "enslave it (a bridge, "
						  "bond or VRF port)" },
	{ "vrf", 0, "DEV", LK_VRF, "enslave it to a VRF" },
	{ "nomaster", IPL_PREFIX, NULL, LK_NOMASTER, "release it" },
	{ "dynamic", IPL_PREFIX, ONOFF, LK_DYNAMIC, "the DYNAMIC flag" },
	{ "type", IPL_PREFIX | IPL_REST, "KIND", LK_TYPE,
	  "the kind, and its own arguments", NULL, parse_type },
	{ "alias", IPL_PREFIX, "TEXT", LK_ALIAS, "a description" },
	{ "group", IPL_ONCE, "GROUP", LK_GROUP, "the link group" },
	{ "mode", 0, "LINKMODE", LK_MODE, "link mode: default or dormant" },
	{ "state", 0, "OPERSTATE", LK_STATE, "operational state" },
	{ "numtxqueues", IPL_PREFIX | IPL_ONCE, "INT", LK_NUMTX,
	  "transmit queues" },
	{ "numrxqueues", IPL_PREFIX | IPL_ONCE, "INT", LK_NUMRX,
	  "receive queues" },
	{ "addrgenmode", IPL_PREFIX, "eui64|none|stable_secret|random",
	  LK_ADDRGENMODE, "IPv6 address generation" },
	{ "link-netns", IPL_PREFIX | IPL_ONCE, "NSREF", LK_LINK_NETNS,
	  "the namespace of the lower link" },
	{ "link-netnsid", IPL_PREFIX | IPL_ONCE, "INT", LK_LINK_NETNS,
	  "the nsid of the namespace of the lower link" },
	{ "protodown", 0, "ONOFF", LK_PROTODOWN, "protocol down" },
	{ "protodown_reason", 0, "NUM " ONOFF, LK_PROTODOWN_REASON,
	  "a protodown reason bit (0-31)" },
	{ "gso_max_size", 0, "NUM", LK_GSO_MAX_SIZE, "GSO size limit" },
	{ "gso_max_segs", 0, "NUM", LK_GSO_MAX_SEGS, "GSO segment limit" },
	{ "gro_max_size", 0, "NUM", LK_GRO_MAX_SIZE, "GRO size limit" },
	{ "parentdev", 0, "TEXT", LK_PARENTDEV, "the parent device" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, LK_HELP },
	{ "dev", IPL_DEFAULT | IPL_ONCE, "DEV", LK_DEV, "the link" },
	{ NULL },
};

const struct ipl_table link_opts = { "ip link", link_opt_rows };

/* ------------------------------------------------------------ commands */

static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return link_modify(sh, a, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
}

static int cmd_set(struct nsh *sh, const struct nsh_args *a)
{
	return link_modify(sh, a, RTM_NEWLINK, 0);
}

static int cmd_replace(struct nsh *sh, const struct nsh_args *a)
{
	return link_modify(sh, a, RTM_NEWLINK, NLM_F_CREATE | NLM_F_REPLACE);
}

/* the ports of bridge IFINDEX in SH->cur, escaped, ", "-separated into
 * BUF (a teacher wants to hear which links a deleted bridge let go) */
static void bridge_ports(struct nsh *sh, int ifindex, char *buf, size_t len)
{
	struct nl_sock *sk = ns_sock(sh);
	struct nl_cache *cache = NULL;
	struct nl_object *o;
	size_t at = 0;

	buf[0] = '\0';
	if (!sk || rtnl_link_alloc_cache(sk, AF_UNSPEC, &cache) < 0)
		return;
	for (o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
		struct rtnl_link *p = (struct rtnl_link *)o;
		char esc[IFNAMSIZ * 4 + 1];

		if (rtnl_link_get_master(p) != ifindex || at >= len)
			continue;
		at += (size_t)snprintf(buf + at, len - at, "%s%s",
				       at ? ", " : "",
				       str_escape(rtnl_link_get_name(p), esc,
						  sizeof(esc)));
	}
	nl_cache_free(cache);
}

/*
 * ip link delete: a veth takes its peer along, wherever it is.  Not held
 * behind the teardown barrier (`ip netns del …` x N, then `ip link del
 * br0` overlaps the kernel's namespace cleanup), unless the link may be a
 * peer the deleted namespaces take along: then it waits for them first.
 */
static int cmd_delete(struct nsh *sh, const struct nsh_args *a)
{
	char ports[512] = "", esc[IFNAMSIZ * 4 + 1];
	struct names n;
	int rc;

	if (link_read_names(a, &n) == 0 && n.dev) {
		_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
		int32_t nsid;

		if (link_lookup_in(sh, &sh->cur, n.dev, true, &l))
			return 1;
		if (l &&
		    teardown_may_be_peer(
			    sh, &sh->cur, rtnl_link_get_ifindex(l),
			    rtnl_link_get_link_netnsid(l, &nsid) == 0 ? &nsid :
									NULL))
			teardown_wait(sh);
		if (l && rtnl_link_get_type(l) &&
		    !strcmp(rtnl_link_get_type(l), "bridge"))
			bridge_ports(sh, rtnl_link_get_ifindex(l), ports,
				     sizeof(ports));
	}
	rc = link_modify(sh, a, RTM_DELLINK, 0);
	if (rc == 0 && ports[0])
		nsh_note(sh, "%s deleted; released ports %s",
			 str_escape(n.dev, esc, sizeof(esc)), ports);
	return rc;
}

enum { PK_ADD = LK_KIND_BASE, PK_DEL, PK_ALTNAME, PK_HELP, PK_DEV };

static const struct ipl_opt property_rows[] = {
	{ "add", IPL_PREFIX, NULL, PK_ADD, "add alternative names" },
	{ "del", IPL_PREFIX, NULL, PK_DEL, "delete alternative names" },
	{ "altname", IPL_PREFIX, "DEV", PK_ALTNAME, "an alternative name" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, PK_HELP },
	{ "dev", IPL_DEFAULT | IPL_ONCE, "DEV", PK_DEV, "the link" },
	{ NULL },
};

static const struct ipl_table property_opts = { "ip link property",
						 property_rows };

/* ip link property add|del dev DEV altname NAME…: IFLA_PROP_LIST */
static int cmd_property(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	const char *dev = ipl_str(a, PK_DEV);
	bool add = ipl_find(a, 0, PK_ADD) >= 0;
	bool del = ipl_find(a, 0, PK_DEL) >= 0;
	struct nl_sock *sk = ns_sock(sh);
	struct nlattr *list;
	char why[256];
	int idx, err;

	if (ipl_find(a, 0, PK_HELP) >= 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	if (add == del)
		return nsh_err(sh, "missing 'add' or 'del'");
	if (!dev)
		return nsh_err(sh, "missing 'dev NAME'");
	if (!sk || link_index(sh, dev, &idx))
		return 1;
	ifi.ifi_index = idx;
	msg = nlmsg_alloc_simple(add ? RTM_NEWLINKPROP : RTM_DELLINKPROP,
				 NLM_F_REQUEST | NLM_F_ACK |
					 (add ? NLM_F_CREATE | NLM_F_EXCL |
							NLM_F_APPEND :
						0));
	if (!msg || nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	list = nla_nest_start(msg, IFLA_PROP_LIST);
	for (int i = ipl_find(a, 0, PK_ALTNAME); list && i >= 0;
	     i = ipl_find(a, i + 1, PK_ALTNAME))
		if (nla_put_string(msg, IFLA_ALT_IFNAME,
				   ipl_arg(a, i, 0)->text) < 0)
			list = NULL;
	if (!list)
		return nsh_err(sh, "'%s': the request is too large", dev);
	nla_nest_end(msg, list);
	err = ipr_ack(sk, msg);
	if (err < 0)
		return nsh_err(sh, "'%s': %s", dev,
			       nl_reason(err, why, sizeof(why)));
	return 0;
}

/* in iproute2's order (do_iplink): `ip link s` is set, `ip link d`
 * delete, `ip link l` list */
static const struct nsh_cmd link_cmds[] = {
	{ "ip link add", "create a link: ip link add NAME type KIND [ARGS]",
	  cmd_add, NSH_CMD_MUTATES,
	  "ip link add veth1 type veth peer name veth2",
	  NULL, &link_opts },
	{ "ip link set/change",
	  "change a link: state, namespace, master, MTU, name, kind options",
	  cmd_set, NSH_CMD_MUTATES,
	  "ip link set veth1 netns ns1", NULL, &link_opts },
	{ "ip link replace", "create or replace a link",
	  cmd_replace, NSH_CMD_MUTATES,
	  NULL, NULL, &link_opts },
	{ "ip link delete", "delete a link (a veth takes its peer along)",
	  cmd_delete, NSH_CMD_NOBARRIER | NSH_CMD_MUTATES,
	  "ip link del veth1", NULL,
	  &link_opts },
	{ "ip link show/lst/list", "list the links, or show one",
	  link_show_cmd, 0,
	  "ip -j link show veth1", NULL, &link_show_opts },
	{ "ip link xstats", "extended statistics", NULL },
	{ "ip link afstats", "address-family statistics", NULL },
	{ "ip link property", "add or delete alternative names",
	  cmd_property, NSH_CMD_MUTATES,
	  "ip link property add dev veth1 altname uplink",
	  NULL, &property_opts },
	{ "ip link", "list the links", link_show_cmd },
	{ NULL },
};

const struct nsh_family link_family = {
	"link", "ip link: create, change, delete and list links", link_cmds,
	link_types,
};
