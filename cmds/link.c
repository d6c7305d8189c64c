/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link.c - `ip link add/set/change/replace/delete/property`, natively,
 * with iproute2's grammar (ip/iplink.c iplink_parse, iplink_modify): the
 * same options in any order, the same abbreviations and duplicate rules,
 * a bare word the link's name, `type KIND ARGS` for the kinds (one file
 * each, listed in link_kinds[]).  `ip link show` is cmds/link_show.c.
 *
 * The request is the RTM_NEWLINK (RTM_DELLINK) iproute2 sends, built with
 * libnl's message API: an ifinfomsg, IFLA_* attributes, IFLA_LINKINFO
 * with the kind's data.  Names the request refers to (the link of `set`,
 * a master, a lower link) are resolved by one ioctl each, as iproute2
 * resolves them before it sends; nothing else is looked up before the
 * kernel answers.  A refusal is explained afterwards, in one line, by
 * looking at what the line named (a name taken, not a bridge, no driver
 * for the kind …), and a refused line leaves the kernel as it was: the
 * kernel applies a change in stages and stops at the one that fails, so
 * what the earlier stages did is put back (read before by one ioctl for
 * the flags of `master br0 up`, by RTM_GETLINK when a line spans more),
 * and a master that takes no ports is refused by its driver's name (one
 * ioctl) before the kernel takes the link out of its bridge.
 *
 * The links a line makes, and the renames, moves and deletions of links
 * nsh made, are written in the session's journal once the kernel has
 * acknowledged them (cmds/link_journal.c, shell/journal.c): `cleanup`
 * finds them there.  The request itself is iproute2's.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/net_namespace.h>
#include <linux/veth.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/route/link.h>

#include "link.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_msg, nlmsg_free)

#ifndef IFLA_PARENT_DEV_NAME
#define IFLA_PARENT_DEV_NAME 56
#endif
#ifndef IFLA_GRO_MAX_SIZE
#define IFLA_GRO_MAX_SIZE 58
#endif
#ifndef IFLA_NEW_IFINDEX
#define IFLA_NEW_IFINDEX 49
#endif
#ifndef IFLA_PROTO_DOWN_REASON
#define IFLA_PROTO_DOWN_REASON 55
#endif

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

/* ------------------------------------------------------------ the request */

static struct ifinfomsg *msg_ifi(struct nl_msg *msg)
{
	return nlmsg_data(nlmsg_hdr(msg));
}

static int put_fail(struct link_req *r)
{
	return nsh_err(r->sh, "'%s': the request is too large", r->dev);
}

/* set or clear FLAG in IFI as ON ("on"/"off") says */
static void set_flag(struct ifinfomsg *ifi, unsigned flag, bool on)
{
	ifi->ifi_change |= flag;
	if (on)
		ifi->ifi_flags |= flag;
	else
		ifi->ifi_flags &= ~flag;
}

static bool on(const struct nsh_val *v)
{
	return v && streq(v->text, "on");
}

static int put_lladdr(struct link_req *r, int attr, const struct nsh_val *v)
{
	unsigned char b[32];
	int n = parse_lladdr(v->text, b, sizeof(b));

	if (n < 0)
		return nsh_err(r->sh, "'%s': not a link-layer address",
			       v->text);
	if (attr == IFLA_ADDRESS && !r->peer)
		r->addr_len = n;
	if (nla_put(r->msg, attr, n, b) < 0)
		return put_fail(r);
	return 0;
}

/* link-netns NS: the nsid the current namespace gives NS, assigned now
 * if it has none (iproute2's set_netnsid_from_name) */
static int put_link_netns(struct link_req *r, const char *ref)
{
	struct nl_sock *sk = ns_sock(r->sh);
	struct nsh_ns ns;
	int nsid;

	if (!sk || ns_resolve(r->sh, ref, true, &ns))
		return 1;
	nsid = nl_get_nsid(sk, ns.fd);
	if (nsid < 0) {
		struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
		struct nl_msg *m = nlmsg_alloc_simple(RTM_NEWNSID, 0);

		if (m && nlmsg_append(m, &g, sizeof(g), NLMSG_ALIGNTO) == 0 &&
		    nla_put_u32(m, NETNSA_FD, (uint32_t)ns.fd) == 0 &&
		    nla_put_s32(m, NETNSA_NSID, -1) == 0)
			(void)ipr_ack(sk, m);
		nlmsg_free(m);
		nsid = nl_get_nsid(sk, ns.fd);
	}
	ns_close(&ns);
	if (nsid < 0)
		return nsh_err(r->sh, "'%s': the namespace has no nsid here",
			       ref);
	return nla_put_s32(r->msg, IFLA_LINK_NETNSID, nsid) < 0 ? put_fail(r) :
								  0;
}

/*
 * check_master - MASTER must be a link that takes ports: the kernel takes
 * the link out of its bridge before it asks the new master, and a master
 * that takes none (a veth) would leave it without.  Its driver says so, by
 * one ioctl; 0, or 1 after reporting.
 */
static int check_master(struct link_req *r, const char *master)
{
	static const char *const masters[] = {
		"bridge", "bonding", "team", "vrf", "openvswitch",
	};
	char drv[40];

	if (link_driver(r->sh, master, drv, sizeof(drv)) < 0 || !drv[0])
		return 0;
	for (size_t i = 0; i < ARRAY_SIZE(masters); i++)
		if (streq(drv, masters[i]))
			return 0;
	return nsh_err(r->sh, "'%s': not a bridge (it is a %s)", master, drv);
}

/* the stage of the kernel's do_setlink an option is applied in */
static unsigned stage_of(int key)
{
	switch (key) {
	case LK_NETNS: return SG_NETNS;
	case LK_ADDRESS: return SG_ADDRESS;
	case LK_MTU: return SG_MTU;
	case LK_GROUP: return SG_GROUP;
	case LK_NAME: return SG_NAME;
	case LK_ALIAS: return SG_ALIAS;
	case LK_BROADCAST: return SG_OTHER;
	case LK_UP: case LK_DOWN: case LK_MULTICAST: case LK_ALLMULTI:
	case LK_PROMISC: case LK_TRAILERS: case LK_ARP: case LK_DYNAMIC:
		return SG_FLAGS;
	case LK_MASTER: case LK_VRF: case LK_NOMASTER: return SG_MASTER;
	case LK_TXQLEN: return SG_TXQLEN;
	case LK_DEV: case LK_TYPE: case LK_HELP: case LK_XDP: case LK_VF:
	case LK_LINK: case LK_INDEX:
		return 0;
	default:
		return SG_OTHER;
	}
}

int link_put_generic(struct link_req *r, int from, int to,
		     struct ifinfomsg *ifi, bool peer)
{
	const struct nsh_args *a = r->a;
	struct nl_msg *m = r->msg;
	struct nsh *sh = r->sh;
	int rc = 0;

	r->peer = peer;
	for (int i = from; i < to && !rc; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		int idx;

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		if (!peer)
			r->stages |= stage_of(o->key);
		switch ((enum link_key)o->key) {
		case LK_UP:
			set_flag(ifi, IFF_UP, true);
			break;
		case LK_DOWN:
			set_flag(ifi, IFF_UP, false);
			break;
		case LK_NAME:
		case LK_DEV:
		case LK_TYPE:
		case LK_HELP:
		case LK_XDP:
		case LK_VF:
		case LK_KIND_HELP:
			break;	/* by the caller */
		case LK_INDEX:
			if (v->num <= 0)
				return nsh_err(sh, "'%s': not a valid ifindex",
					       v->text);
			if (r->create)
				ifi->ifi_index = (int)v->num;
			else
				r->new_index = (int)v->num;
			break;
		case LK_LINK:
			/* the lower link of a new link (iproute2 ignores it
			 * otherwise) */
			if (!r->create)
				break;
			if (link_index(sh, v->text, &idx))
				return 1;
			rc = nla_put_u32(m, IFLA_LINK, (uint32_t)idx);
			break;
		case LK_ADDRESS:
			if (put_lladdr(r, IFLA_ADDRESS, v))
				return 1;
			break;
		case LK_BROADCAST:
			if (put_lladdr(r, IFLA_BROADCAST, v))
				return 1;
			break;
		case LK_TXQLEN:
			rc = nla_put_u32(m, IFLA_TXQLEN, (uint32_t)v->num);
			break;
		case LK_MTU:
			rc = nla_put_u32(m, IFLA_MTU, (uint32_t)v->num);
			if (!peer)
				r->mtu = v->text;
			break;
		case LK_NETNS: {
			struct nsh_ns ns;

			if (ns_resolve(sh, v->text, true, &ns))
				return 1;
			rc = nla_put_u32(m, IFLA_NET_NS_FD, (uint32_t)ns.fd);
			/* the descriptor must live until the request is sent:
			 * the caller's list closes it */
			if (rc) {
				ns_close(&ns);
				break;
			}
			if (link_req_hold(r, &ns))
				return 1;
			break;
		}
		case LK_MULTICAST:
			set_flag(ifi, IFF_MULTICAST, on(v));
			break;
		case LK_ALLMULTI:
			set_flag(ifi, IFF_ALLMULTI, on(v));
			break;
		case LK_PROMISC:
			set_flag(ifi, IFF_PROMISC, on(v));
			break;
		case LK_TRAILERS:
			set_flag(ifi, IFF_NOTRAILERS, !on(v));
			break;
		case LK_ARP:
			set_flag(ifi, IFF_NOARP, !on(v));
			break;
		case LK_DYNAMIC:
			set_flag(ifi, IFF_DYNAMIC, on(v));
			break;
		case LK_CARRIER:
			rc = nla_put_u8(m, IFLA_CARRIER, on(v));
			break;
		case LK_MASTER:
		case LK_VRF:
			if (link_index(sh, v->text, &idx) ||
			    (o->key == LK_MASTER && check_master(r, v->text)))
				return 1;
			if (o->key == LK_VRF &&
			    link_is_kind(sh, idx, "vrf") <= 0)
				return nsh_err(sh, "'%s': not a VRF", v->text);
			rc = nla_put_u32(m, IFLA_MASTER, (uint32_t)idx);
			if (!peer) {
				r->master = v->text;
				r->master_index = idx;
			}
			break;
		case LK_NOMASTER:
			rc = nla_put_u32(m, IFLA_MASTER, 0);
			break;
		case LK_ALIAS:
			if (strlen(v->text) >= 256)
				return nsh_err(sh, "'%s': alias too long (at "
						   "most 255 bytes)", v->text);
			rc = nla_put(m, IFLA_IFALIAS, (int)strlen(v->text),
				     v->text);
			break;
		case LK_GROUP:
			rc = nla_put_u32(m, IFLA_GROUP, (uint32_t)v->num);
			break;
		case LK_MODE:
			rc = nla_put_u8(m, IFLA_LINKMODE, (uint8_t)v->num);
			break;
		case LK_STATE:
			rc = nla_put_u8(m, IFLA_OPERSTATE, (uint8_t)v->num);
			break;
		case LK_NUMTX:
			rc = nla_put_u32(m, IFLA_NUM_TX_QUEUES,
					 (uint32_t)v->num);
			break;
		case LK_NUMRX:
			rc = nla_put_u32(m, IFLA_NUM_RX_QUEUES,
					 (uint32_t)v->num);
			break;
		case LK_ADDRGENMODE: {
			static const char *const modes[] = {
				"eui64", "none", "stable_secret", "random",
			};
			struct nlattr *spec = nla_nest_start(m, IFLA_AF_SPEC);
			struct nlattr *in6 =
				spec ? nla_nest_start(m, AF_INET6) : NULL;
			uint8_t mode = 0;

			for (size_t k = 0; k < ARRAY_SIZE(modes); k++)
				if (streq(modes[k], v->text))
					mode = (uint8_t)k;
			if (!in6 ||
			    nla_put_u8(m, IFLA_INET6_ADDR_GEN_MODE, mode) < 0)
				return put_fail(r);
			nla_nest_end(m, in6);
			nla_nest_end(m, spec);
			break;
		}
		case LK_LINK_NETNS:
			if (!streq(o->kw, "link-netns"))
				rc = nla_put_s32(m, IFLA_LINK_NETNSID,
						 (int32_t)v->num);
			else if (put_link_netns(r, v->text))
				return 1;
			break;
		case LK_LINK_NETNSID:
			break;
		case LK_PROTODOWN:
			rc = nla_put_u8(m, IFLA_PROTO_DOWN, on(v));
			break;
		case LK_PROTODOWN_REASON: {
			const struct nsh_val *v2 = ipl_arg(a, i, 1);
			struct nlattr *n;
			uint32_t bit;

			if (v->num > 31)
				return nsh_err(sh, "'%s': not a protodown "
						   "reason (0-31)", v->text);
			bit = 1u << v->num;
			n = nla_nest_start(m, IFLA_PROTO_DOWN_REASON);
			if (!n ||
			    nla_put_u32(m, IFLA_PROTO_DOWN_REASON_MASK, bit) <
				    0 ||
			    nla_put_u32(m, IFLA_PROTO_DOWN_REASON_VALUE,
					on(v2) ? bit : 0) < 0)
				return put_fail(r);
			nla_nest_end(m, n);
			break;
		}
		case LK_GSO_MAX_SIZE:
			rc = nla_put_u32(m, IFLA_GSO_MAX_SIZE,
					 (uint32_t)v->num);
			break;
		case LK_GSO_MAX_SEGS:
			if (v->num > 65535)
				return nsh_err(sh, "'%s': not a GSO segment "
						   "count (at most 65535)",
					       v->text);
			rc = nla_put_u32(m, IFLA_GSO_MAX_SEGS,
					 (uint32_t)v->num);
			break;
		case LK_GRO_MAX_SIZE:
			rc = nla_put_u32(m, IFLA_GRO_MAX_SIZE,
					 (uint32_t)v->num);
			break;
		case LK_PARENTDEV:
			rc = nla_put_string(m, IFLA_PARENT_DEV_NAME, v->text);
			break;
		case LK_KIND_BASE:
			break;
		}
	}
	r->peer = false;
	if (rc < 0)
		return put_fail(r);
	return rc;
}

int link_put_attrs(struct link_req *r)
{
	const struct nsh_args *a = r->a;

	for (int i = r->from; i < r->to; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		int key = o ? o->key : 0, attr, rc = 0;

		if (!(key & LINK_ATTR_MARK))
			continue;
		attr = LINK_ATTR_OF(key);
		switch (LINK_ATTR_TYPE(key)) {
		case LA_U8:
			rc = nla_put_u8(r->msg, attr, (uint8_t)v->num);
			break;
		case LA_U16:
			rc = nla_put_u16(r->msg, attr, (uint16_t)v->num);
			break;
		case LA_U32:
			rc = nla_put_u32(r->msg, attr, (uint32_t)v->num);
			break;
		case LA_U64:
			rc = nla_put_u64(r->msg, attr, (uint64_t)v->num);
			break;
		case LA_BE16:
			rc = nla_put_u16(r->msg, attr,
					 htons((uint16_t)v->num));
			break;
		case LA_FLAG:
			rc = nla_put_flag(r->msg, attr);
			break;
		case LA_ONOFF8:
			rc = nla_put_u8(r->msg, attr, on(v));
			break;
		case LA_STR:
			rc = nla_put_string(r->msg, attr, v->text);
			break;
		case LA_MAC:
			if (put_lladdr(r, attr, v))
				return 1;
			break;
		case LA_DEV: {
			int idx;

			if (link_index(r->sh, v->text, &idx))
				return 1;
			rc = nla_put_u32(r->msg, attr, (uint32_t)idx);
			break;
		}
		case LA_TRUE8:
			rc = nla_put_u8(r->msg, attr, 1);
			break;
		case LA_FALSE8:
			rc = nla_put_u8(r->msg, attr, 0);
			break;
		case LA_ZERO32:
			rc = nla_put_u32(r->msg, attr, 0);
			break;
		}
		if (rc < 0)
			return put_fail(r);
	}
	return 0;
}

/* ------------------------------------------------------------ descriptors */

/* namespaces a request names by descriptor, closed once it is sent */
static struct nsh_ns held[8];
static int nheld;

int link_req_hold(struct link_req *r, struct nsh_ns *ns)
{
	if (nheld == (int)ARRAY_SIZE(held)) {
		ns_close(ns);
		return nsh_err(r->sh, "too many namespaces in one request");
	}
	held[nheld] = *ns;
	if (r->peer)
		r->peer_ns = &held[nheld];
	else
		r->ns = &held[nheld];
	nheld++;
	return 0;
}

static void release_held(void)
{
	while (nheld > 0)
		ns_close(&held[--nheld]);
}

/* ------------------------------------------------------------ names */

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

static int read_names(const struct nsh_args *a, struct names *n)
{
	memset(n, 0, sizeof(*n));
	n->type_at = a->nbind;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		if (o->key == LK_TYPE) {
			n->type_at = i;
			n->kind = v ? v->text : NULL;
			break;
		}
		if (o->key == LK_NAME)
			n->name = v->text;
		else if (o->key == LK_DEV)
			n->dev = v->text;
		else if (o->key == LK_GROUP)
			n->group = true;
		else if (o->key == LK_HELP)
			return -1;
	}
	for (int i = n->type_at; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && a->bind[i].opt->key == LK_KIND_HELP)
			return -2;
	if (n->name && n->dev && !streq(n->name, n->dev))
		n->dev_and_name = true;
	if (!n->name)
		n->name = n->dev;
	else if (!n->dev)
		n->dev = n->name;
	return 0;
}

/* the peer's name of a veth line (for messages and the retry after a
 * settle) */
static const char *peer_name(const struct nsh_args *a, int from)
{
	const char *name = NULL, *dev = NULL;

	for (int i = from; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (o && o->key == LK_NAME)
			name = ipl_arg(a, i, 0)->text;
		else if (o && o->key == LK_DEV && ipl_arg(a, i, 0))
			dev = ipl_arg(a, i, 0)->text;
	}
	return name ? name : dev;
}

/*
 * name_settled - NAME is about to be taken in NS: if a veth the kernel is
 * removing with its peer's deleted namespace (teardown_settle) holds it,
 * wait for it to go.  True when it waited.
 */
static bool name_settled(struct nsh *sh, const struct nsh_ns *ns,
			 const char *name)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;

	if (!name || link_lookup_in(sh, ns, name, true, &l) || !l)
		return false;
	return teardown_settle(sh, ns, l);
}

/* the request's kind data: IFLA_LINKINFO { KIND, DATA { … } } */
static int put_kind(struct link_req *r, const struct names *n)
{
	const struct link_kind *k = link_kind_find(n->kind);
	size_t klen = strlen(n->kind);
	bool slave = klen > 6 && streq(n->kind + klen - 6, "_slave");
	struct nlattr *info, *data;
	int from = ipl_next(r->a, n->type_at);

	info = nla_nest_start(r->msg, IFLA_LINKINFO);
	if (!info || nla_put(r->msg, IFLA_INFO_KIND, (int)klen, n->kind) < 0)
		return put_fail(r);
	if (k && from < r->a->nbind) {
		data = nla_nest_start(r->msg, slave ? IFLA_INFO_SLAVE_DATA :
						      IFLA_INFO_DATA);
		if (!data)
			return put_fail(r);
		r->from = from;
		r->to = r->a->nbind;
		r->stages |= SG_KIND;
		if (k->put ? k->put(r) : link_put_attrs(r))
			return 1;
		nla_nest_end(r->msg, data);
	}
	nla_nest_end(r->msg, info);
	return 0;
}

/* ------------------------------------------------------------ sending */

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

/* ------------------------------------------------------------ undo */

/*
 * The kernel applies a change in stages (do_setlink: the namespace, the
 * address, the MTU, the group, the name, the alias, the flags, the master,
 * the queue length …) and stops at the first that fails, leaving the
 * earlier ones done.  A line whose options span several stages is undone
 * when refused: its link's state is read before (the flags alone by one
 * ioctl when only they come before the rest, as for `master br0 up`), and
 * put back after.
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

/* read what a refusal may leave half done; 0, or 1 after reporting */
static int read_before(struct nsh *sh, const struct link_req *r,
		       struct before *b)
{
	unsigned st = r->stages, late = SG_MASTER | SG_TXQLEN | SG_OTHER;
	_cleanup_free_ struct nlmsghdr *h = NULL;

	memset(b, 0, sizeof(*b));
	b->ifindex = msg_ifi(r->msg)->ifi_index;
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

/* put back what a refused change may have done */
static void undo(struct nsh *sh, const struct link_req *r,
		 const struct names *n, const struct before *b)
{
	_cleanup_(nlmsg_freep) struct nl_msg *m = NULL;
	unsigned change = msg_ifi(r->msg)->ifi_change, st = r->stages;
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

/* ------------------------------------------------------------ refusals */

/* what the kernel said: its errno, its ext-ack message, both in words */
struct refusal {
	int e;
	char msg[256];
	char reason[256];
};

/* the kind of link IFINDEX (or NAME) in NS: its rtnl_link, or NULL */
static struct rtnl_link *find_link(struct nsh *sh, const struct nsh_ns *ns,
				   const char *name)
{
	struct rtnl_link *l = NULL;

	if (name && link_lookup_in(sh, ns ? ns : &sh->cur, name, true, &l))
		return NULL;
	return l;
}

static const char *kind_of(struct rtnl_link *l)
{
	const char *k = l ? rtnl_link_get_type(l) : NULL;

	return k ? k : "";
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

static int explain_set(struct nsh *sh, const struct link_req *r,
		       const struct names *n, int e, const char *msg)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	_cleanup_(rtnl_link_putp) struct rtnl_link *m = NULL;
	_cleanup_free_ struct nlmsghdr *h = NULL;
	const struct nsh_ns *where = r->ns ? r->ns : &sh->cur;

	if (!n->dev)
		return 0;
	l = find_link(sh, NULL, n->dev);
	if (e == ENODEV && !l)
		return link_no_such(sh, &sh->cur, n->dev);
	if (e == EEXIST)
		return taken(sh, where, (r->stages & SG_NAME) ? n->name :
							      n->dev);
	if (strstr(msg, "enslave a bridge to a bridge")) {
		if (r->master_index == msg_ifi(r->msg)->ifi_index)
			return nsh_err(sh, "'%s': a bridge cannot be its own "
					   "port", n->dev);
		return nsh_err(sh, "'%s': a bridge cannot be a port of "
				   "another bridge", n->dev);
	}
	if (r->master && (e == EOPNOTSUPP || e == EINVAL)) {
		m = find_link(sh, NULL, r->master);
		if (e == EOPNOTSUPP && m && !*kind_of(m))
			return nsh_err(sh, "'%s': not a bridge (it is a link "
					   "without a kind)", r->master);
		if (e == EOPNOTSUPP && m)
			return nsh_err(sh, "'%s': not a bridge (it is a %s)",
				       r->master, kind_of(m));
		if (l && (rtnl_link_get_flags(l) & IFF_LOOPBACK))
			return nsh_err(sh, "'%s': the loopback device cannot "
					   "be a bridge port", n->dev);
	}
	if (strstr(msg, "netns is immutable")) {
		if (streq(kind_of(l), "bridge") ||
		    (l && (rtnl_link_get_flags(l) & IFF_LOOPBACK)))
			return nsh_err(sh, "'%s': bridges and lo cannot move "
					   "to another namespace", n->dev);
		return nsh_err(sh, "'%s': a %s cannot move to another "
				   "namespace", n->dev,
			       *kind_of(l) ? kind_of(l) : "link of its kind");
	}
	if (r->mtu && strstr(msg, "mtu") &&
	    link_get_msg(ns_sock(sh), msg_ifi(r->msg)->ifi_index, NULL,
			 RTEXT_FILTER_SKIP_STATS, &h) == 0) {
		struct nlattr *tb[IFLA_MAX + 1];
		bool low = strstr(msg, "less") != NULL;

		if (nlmsg_parse(h, sizeof(struct ifinfomsg), tb, IFLA_MAX,
				NULL) == 0 &&
		    tb[low ? IFLA_MIN_MTU : IFLA_MAX_MTU])
			return nsh_err(sh, "'%s': MTU %s the %s of '%s' (%u)",
				       r->mtu, low ? "below" : "above",
				       low ? "minimum" : "maximum", n->dev,
				       nla_get_u32(tb[low ? IFLA_MIN_MTU :
							    IFLA_MAX_MTU]));
	}
	return 0;
}

/* explain a refusal in one line: nsh's words when it can tell, else the
 * kernel's */
static int refused(struct nsh *sh, const struct link_req *r,
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

/* ------------------------------------------------------------ modify */

/* `type KIND help`: the kind's options */
static int kind_help(const struct names *n)
{
	const struct link_kind *k = n->kind ? link_kind_find(n->kind) : NULL;
	char syntax[128];
	struct nsh_cmd cmd = { .syntax = syntax };

	if (!k || !k->opts)
		return 0;
	snprintf(syntax, sizeof(syntax), "ip link add NAME type %s", n->kind);
	cmd.opts = k->opts;
	ipl_usage(&cmd, stdout);
	return 0;
}

/* iproute2's checks of the names before anything is sent */
static int check_names(struct nsh *sh, const struct nsh_args *a,
		       const struct names *n, bool create)
{
	if (create) {
		if (n->dev_and_name)
			return nsh_err(sh, "'%s': both 'name' and 'dev' cannot "
					   "be used when creating a link",
				       n->dev);
		if (n->group && !n->dev)
			return nsh_err(sh, "'group': cannot be used when "
					   "creating a link");
		if (!n->kind)
			return nsh_err(sh, "missing 'type KIND' (veth, bridge, "
					   "vxlan, macvlan, …)");
		/* the kernel reads NAME%d as a template (tmpl%d makes
		 * tmpl0): the lab would not know its own link's name */
		const char *w[] = { n->name, n->peer };

		for (size_t i = 0; i < 2; i++)
			if (w[i] && strchr(w[i], '%'))
				return nsh_err(sh, "'%s': '%%' makes the kernel "
						   "pick the name; write the "
						   "name itself",
					       w[i]);
		return 0;
	}
	if (!n->dev && !n->group)
		return nsh_err(sh, "missing the link ('dev NAME')");
	if (!n->dev && n->kind)
		return nsh_err(sh, "'type': not with 'group' alone (which "
				   "links?)");
	(void)a;
	return 0;
}

/* address on an existing link: as long as the link's own (iproute2's
 * check, before it sends) */
static int check_addr_len(struct nsh *sh, const struct link_req *r,
			  const struct names *n)
{
	_cleanup_free_ struct nlmsghdr *h = NULL;
	struct nlattr *tb[IFLA_MAX + 1];
	const char *text = ipl_str(r->a, LK_ADDRESS);

	if (!r->addr_len || !text ||
	    link_get_msg(ns_sock(sh), msg_ifi(r->msg)->ifi_index, NULL,
			 RTEXT_FILTER_SKIP_STATS, &h) < 0 ||
	    nlmsg_parse(h, sizeof(struct ifinfomsg), tb, IFLA_MAX, NULL) < 0 ||
	    !tb[IFLA_ADDRESS] || nla_len(tb[IFLA_ADDRESS]) == r->addr_len)
		return 0;
	return nsh_err(sh, "'%s': the link-layer (MAC) address of '%s' has "
			   "%d bytes, not %d",
		       text, n->dev, nla_len(tb[IFLA_ADDRESS]), r->addr_len);
}

/*
 * link_modify - ip link add (CREATE|EXCL), set (0), replace
 * (CREATE|REPLACE), delete (RTM_DELLINK): one request, as iproute2's
 * iplink_modify builds it.
 */
/* links brought up: a program run next waits until they are running
 * (shell/settle.c) */
static void note_up(struct nsh *sh, const struct nsh_args *a,
		    const struct link_req *r)
{
	if (ipl_find(a, 0, LK_UP) < 0)
		return;
	settle_note(sh, NULL);
	if (r->ns)
		settle_note(sh, r->ns->label);
	if (r->peer_ns)
		settle_note(sh, r->peer_ns->label);
}

/* what an acknowledged line made, renamed, moved or deleted: to the
 * journal */
static void noted(struct nsh *sh, const struct link_req *r,
		  const struct names *n, int type, struct link_made *made)
{
	int ifindex = msg_ifi(r->msg)->ifi_index;

	if (r->create)
		link_made_note(sh, r, n->name, n->peer, made);
	else if (type == RTM_DELLINK && n->dev && ifindex)
		journal_link_gone(sh->cur.dev, sh->cur.ino, ifindex);
	else if (type == RTM_NEWLINK && n->dev && ifindex &&
		 (r->stages & (SG_NAME | SG_NETNS)))
		link_journal_set(sh, r, ifindex, n->name);
}

static int link_modify(struct nsh *sh, const struct nsh_args *a, int type,
		       int flags)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct link_req r = { .sh = sh, .a = a };
	bool create = flags & NLM_F_CREATE;
	struct before b = { 0 };
	struct refusal why = { 0 };
	struct link_made made = { .evfd = -1 };
	struct nl_sock *sk;
	struct names n;
	int err, rc = 1;

	switch (read_names(a, &n)) {
	case -1:
		ipl_usage(a->cmd, stdout);
		return 0;
	case -2:
		return kind_help(&n);
	}
	if (check_names(sh, a, &n, create))
		return 1;
	r.create = create;
	r.dev = n.dev ? n.dev : "";
	if (sh->o.family)
		ifi.ifi_family = (unsigned char)sh->o.family;
	msg = nlmsg_alloc_simple(type, NLM_F_REQUEST | NLM_F_ACK | flags);
	if (!msg || nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	r.msg = msg;
	if (!create && n.dev) {
		int idx;

		if (link_index(sh, n.dev, &idx))
			return 1;
		msg_ifi(msg)->ifi_index = idx;
	}
	if (link_put_generic(&r, 0, n.type_at, msg_ifi(msg), false))
		goto out;
	if (r.new_index) {
		if (!(r.stages & SG_NETNS)) {
			rc = nsh_err(sh, "'index': only when creating a link "
					 "or moving it to another namespace");
			goto out;
		}
		if (nla_put_u32(msg, IFLA_NEW_IFINDEX,
				(uint32_t)r.new_index) < 0)
			goto fail;
	}
	/* a rename, or the name of a new link */
	if (n.name && (create || !streq(n.name, n.dev))) {
		if (nla_put_string(msg, IFLA_IFNAME, n.name) < 0)
			goto fail;
		if (!create)
			r.stages |= SG_NAME;
	}
	if (n.kind && put_kind(&r, &n))
		goto out;
	if (create && (streq(n.kind, "veth") || streq(n.kind, "vxcan")))
		n.peer = peer_name(a, ipl_next(a, n.type_at));
	if (type == RTM_NEWLINK && !create && n.dev &&
	    (check_addr_len(sh, &r, &n) || read_before(sh, &r, &b)))
		goto out;
	sk = ns_sock(sh);
	if (!sk)
		goto out;
	if (create)
		link_made_begin(sh, &r, n.name, n.kind, flags & NLM_F_REPLACE,
				&made);
	else if (type == RTM_NEWLINK && n.dev && msg_ifi(msg)->ifi_index &&
		 (r.stages & (SG_NAME | SG_NETNS)))
		link_journal_setting(sh, &r, msg_ifi(msg)->ifi_index, n.name);
	for (int tries = 0;; tries++) {
		err = link_made_send(sk, msg, &made);
		if (err >= 0) {
			noted(sh, &r, &n, type, &made);
			note_up(sh, a, &r);
			rc = 0;
			goto out;
		}
		why.e = nl_last_errno();
		snprintf(why.msg, sizeof(why.msg), "%s", nl_last_msg());
		nl_reason(err, why.reason, sizeof(why.reason));
		/* a name still held by a veth on its way out (its peer's
		 * namespace deleted): wait for it, then send once more (as
		 * a new message: a new sequence number) */
		nlmsg_hdr(msg)->nlmsg_seq = NL_AUTO_SEQ;
		if (why.e != EEXIST || tries ||
		    !(name_settled(sh, r.ns ? r.ns : &sh->cur, n.name) |
		      name_settled(sh, r.peer_ns ? r.peer_ns : &sh->cur,
				   n.peer)))
			break;
	}
	undo(sh, &r, &n, &b);
	rc = refused(sh, &r, &n, &why, type);
	goto out;
fail:
	rc = put_fail(&r);
out:
	link_made_end(&made);
	release_held();
	return rc;
}

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

	if (read_names(a, &n) == 0 && n.dev) {
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
