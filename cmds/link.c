/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link.c - `ip link add/set/replace/delete/show`, natively, with
 * iproute2's grammar (ip/iplink.c): the same options in any order, the
 * same abbreviations, a bare word the link's name, `type KIND ARGS` for
 * the kinds (one file each, listed in link_kinds[]).
 *
 * The request is the RTM_NEWLINK (RTM_DELLINK) iproute2 sends, built with
 * libnl's message API: an ifinfomsg, IFLA_* attributes, IFLA_LINKINFO
 * with the kind's data.  Names the request refers to (the link of `set`,
 * a master, a lower link) are resolved in the current namespace by one
 * ioctl each, as iproute2 resolves them before it sends.  What the kernel
 * refuses changes nothing; its reason is reported in one line.
 *
 * Links nsh creates carry the session's link group (shell/journal.c)
 * unless the line sets a group itself: `cleanup` knows them by it.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
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
	&veth_kind,
	&bridge_kind,
	&bridge_slave_kind,
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
	static char buf[512];
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

static const struct ipl_opt link_opt_rows[] = {
	{ "up", 0, NULL, LK_UP, "bring the link up" },
	{ "down", 0, NULL, LK_DOWN, "take the link down" },
	{ "name", IPL_ONCE, "NEWIF", LK_NAME, "the link's (new) name" },
	{ "index", IPL_ONCE, "NUM", LK_INDEX, "its ifindex" },
	{ "link", IPL_PREFIX, "DEV", LK_LINK, "the lower link (vxlan, "
					      "macvlan…)" },
	{ "address", IPL_PREFIX, "LLADDR", LK_ADDRESS, "link-layer address" },
	{ "broadcast", IPL_PREFIX, "LLADDR", LK_BROADCAST,
	  "link-layer broadcast address" },
	{ "brd", IPL_ALIAS, "LLADDR", LK_BROADCAST },
	{ "txqueuelen", IPL_PREFIX | IPL_ONCE, "NUM", LK_TXQLEN,
	  "transmit queue length" },
	{ "qlen", IPL_ALIAS | IPL_ONCE, "NUM", LK_TXQLEN },
	{ "txqlen", IPL_PREFIX | IPL_ALIAS | IPL_ONCE, "NUM", LK_TXQLEN },
	{ "mtu", IPL_ONCE, "INT", LK_MTU, "maximum transmission unit" },
	{ "xdpgeneric", 0, NULL, LK_XDP, "an XDP program (the real ip)",
	  NULL, parse_not_native },
	{ "xdpdrv", IPL_ALIAS, NULL, LK_XDP, NULL, NULL, parse_not_native },
	{ "xdpoffload", IPL_ALIAS, NULL, LK_XDP, NULL, NULL,
	  parse_not_native },
	{ "xdp", IPL_ALIAS, NULL, LK_XDP, NULL, NULL, parse_not_native },
	{ "netns", IPL_ONCE, "NSREF", LK_NETNS, "move it to a namespace" },
	{ "multicast", 0, ONOFF, LK_MULTICAST, "the MULTICAST flag" },
	{ "allmulticast", 0, ONOFF, LK_ALLMULTI, "receive all multicast" },
	{ "promisc", 0, ONOFF, LK_PROMISC, "promiscuous mode" },
	{ "trailers", 0, ONOFF, LK_TRAILERS, "the NOTRAILERS flag" },
	{ "arp", 0, ONOFF, LK_ARP, "ARP on the link" },
	{ "carrier", 0, ONOFF, LK_CARRIER, "the carrier (some kinds)" },
	{ "vf", 0, NULL, LK_VF, "an SR-IOV VF (the real ip)", NULL,
	  parse_not_native },
	{ "master", IPL_PREFIX, "BRIDGE", LK_MASTER, "enslave it (a bridge "
						  "port)" },
	{ "vrf", 0, "DEV", LK_VRF, "enslave it to a VRF" },
	{ "nomaster", IPL_PREFIX, NULL, LK_NOMASTER, "release it" },
	{ "dynamic", IPL_PREFIX, ONOFF, LK_DYNAMIC, "the DYNAMIC flag" },
	{ "type", IPL_PREFIX | IPL_REST, "KIND", LK_TYPE,
	  "the kind, and its own arguments", NULL, parse_type },
	{ "alias", IPL_PREFIX, "TEXT", LK_ALIAS, "a description" },
	{ "group", IPL_ONCE, "GROUP", LK_GROUP, "the link group" },
	{ "mode", 0, "default|dormant", LK_MODE, "link mode" },
	{ "state", 0, "UNKNOWN|NOTPRESENT|DOWN|LOWERLAYERDOWN|TESTING|"
		      "DORMANT|UP", LK_STATE, "operational state" },
	{ "numtxqueues", IPL_PREFIX | IPL_ONCE, "INT", LK_NUMTX,
	  "transmit queues" },
	{ "numrxqueues", IPL_PREFIX | IPL_ONCE, "INT", LK_NUMRX,
	  "receive queues" },
	{ "addrgenmode", IPL_PREFIX, "eui64|none|stable_secret|random",
	  LK_ADDRGENMODE, "IPv6 address generation" },
	{ "link-netns", IPL_PREFIX, "NSREF", LK_LINK_NETNS,
	  "the namespace of the lower link" },
	{ "link-netnsid", IPL_PREFIX, "INT", LK_LINK_NETNSID,
	  "the nsid of the namespace of the lower link" },
	{ "protodown", 0, ONOFF, LK_PROTODOWN, "protocol down" },
	{ "protodown_reason", 0, "NUM " ONOFF, LK_PROTODOWN_REASON,
	  "a protodown reason bit" },
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

/* the nsfs descriptor of namespace REF (a name, label or PID): -1 after
 * reporting */
static int netns_fd(struct nsh *sh, const char *ref, struct nsh_ns *ret)
{
	if (ns_resolve(sh, ref, true, ret))
		return -1;
	return ret->fd;
}

static int put_lladdr(struct link_req *r, int attr, const struct nsh_val *v)
{
	unsigned char b[32];
	int n = parse_lladdr(v->text, b, sizeof(b));

	if (n < 0)
		return nsh_err(r->sh, "'%s': not a link-layer address",
			       v->text);
	if (nla_put(r->msg, attr, n, b) < 0)
		return put_fail(r);
	return 0;
}

int link_put_generic(struct link_req *r, int from, int to,
		     struct ifinfomsg *ifi, bool peer)
{
	const struct nsh_args *a = r->a;
	struct nl_msg *m = r->msg;
	struct nsh *sh = r->sh;
	int rc = 0;

	for (int i = from; i < to && !rc; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		int idx;

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
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
			break;	/* by the caller */
		case LK_INDEX:
			if (r->create)
				ifi->ifi_index = (int)v->num;
			else
				rc = nla_put_u32(m, IFLA_NEW_IFINDEX,
						 (uint32_t)v->num);
			break;
		case LK_LINK:
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
			break;
		case LK_NETNS: {
			struct nsh_ns ns;
			int fd = netns_fd(sh, v->text, &ns);

			if (fd < 0)
				return 1;
			rc = nla_put_u32(m, IFLA_NET_NS_FD, (uint32_t)fd);
			/* the descriptor must live until the request is sent:
			 * the caller's list closes it */
			if (!rc && link_req_hold(r, &ns))
				return 1;
			if (rc)
				ns_close(&ns);
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
			if (link_index(sh, v->text, &idx))
				return 1;
			rc = nla_put_u32(m, IFLA_MASTER, (uint32_t)idx);
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
			rc = nla_put_u8(m, IFLA_LINKMODE,
					streq(v->text, "dormant"));
			break;
		case LK_STATE: {
			static const char *const st[] = {
				"UNKNOWN", "NOTPRESENT", "DOWN",
				"LOWERLAYERDOWN", "TESTING", "DORMANT", "UP"
			};
			uint8_t s = 0;

			for (size_t k = 0; k < ARRAY_SIZE(st); k++)
				if (streq(st[k], v->text))
					s = (uint8_t)k;
			rc = nla_put_u8(m, IFLA_OPERSTATE, s);
			break;
		}
		case LK_NUMTX:
			rc = nla_put_u32(m, IFLA_NUM_TX_QUEUES, (uint32_t)v->num);
			break;
		case LK_NUMRX:
			rc = nla_put_u32(m, IFLA_NUM_RX_QUEUES, (uint32_t)v->num);
			break;
		case LK_ADDRGENMODE: {
			static const char *const modes[] = {
				"eui64", "none", "stable_secret", "random"
			};
			struct nlattr *spec, *in6;
			uint8_t mode = 0;

			for (size_t k = 0; k < ARRAY_SIZE(modes); k++)
				if (streq(modes[k], v->text))
					mode = (uint8_t)k;
			spec = nla_nest_start(m, IFLA_AF_SPEC);
			in6 = spec ? nla_nest_start(m, AF_INET6) : NULL;
			if (!in6 ||
			    nla_put_u8(m, IFLA_INET6_ADDR_GEN_MODE, mode) < 0)
				return put_fail(r);
			nla_nest_end(m, in6);
			nla_nest_end(m, spec);
			break;
		}
		case LK_LINK_NETNS: {
			struct nsh_ns ns;
			struct nl_sock *sk = ns_sock(sh);
			int nsid;

			if (!sk || netns_fd(sh, v->text, &ns) < 0)
				return 1;
			nsid = nl_get_nsid(sk, ns.fd);
			ns_close(&ns);
			if (nsid < 0)
				return nsh_err(sh, "'%s': the namespace has no "
						   "nsid here", v->text);
			rc = nla_put_s32(m, IFLA_LINK_NETNSID, nsid);
			break;
		}
		case LK_LINK_NETNSID:
			rc = nla_put_s32(m, IFLA_LINK_NETNSID, (int32_t)v->num);
			break;
		case LK_PROTODOWN:
			rc = nla_put_u8(m, IFLA_PROTO_DOWN, on(v));
			break;
		case LK_PROTODOWN_REASON: {
			const struct nsh_val *v2 = ipl_arg(a, i, 1);
			struct nlattr *n = nla_nest_start(m,
							  IFLA_PROTO_DOWN_REASON);
			uint32_t bit = 1u << (v->num & 31);

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
			rc = nla_put_u32(m, IFLA_GSO_MAX_SIZE, (uint32_t)v->num);
			break;
		case LK_GSO_MAX_SEGS:
			rc = nla_put_u32(m, IFLA_GSO_MAX_SEGS, (uint32_t)v->num);
			break;
		case LK_GRO_MAX_SIZE:
			rc = nla_put_u32(m, IFLA_GRO_MAX_SIZE, (uint32_t)v->num);
			break;
		case LK_PARENTDEV:
			rc = nla_put_string(m, IFLA_PARENT_DEV_NAME, v->text);
			break;
		case LK_KIND_BASE:
			break;
		}
	}
	if (rc < 0)
		return put_fail(r);
	(void)peer;
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
	held[nheld++] = *ns;
	return 0;
}

static void release_held(void)
{
	while (nheld > 0)
		ns_close(&held[--nheld]);
}

/* ------------------------------------------------------------ modify */

/* what the line names: iproute2's rules for `name` and `dev` */
struct names {
	const char *name;	/* IFLA_IFNAME: the (new) name */
	const char *dev;	/* the link acted on */
	const char *kind;
	int type_at;		/* the binding of `type`, or a->nbind */
	bool group;		/* `group` given */
	const char *peer;	/* a veth's peer name, if any */
};

static int read_names(struct nsh *sh, const struct nsh_args *a,
		      struct names *n)
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
	if (!n->name)
		n->name = n->dev;
	else if (!n->dev)
		n->dev = n->name;
	return 0;
}

/* the peer's name of a veth line (for the retry after a settle) */
static const char *peer_name(const struct nsh_args *a, int from)
{
	const char *name = NULL, *dev = NULL;

	for (int i = from; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (o && o->key == LK_NAME)
			name = ipl_arg(a, i, 0)->text;
		else if (o && o->key == LK_DEV && !ipl_arg(a, i, 0))
			continue;
		else if (o && o->key == LK_DEV)
			dev = ipl_arg(a, i, 0)->text;
	}
	return name ? name : dev;
}

/*
 * name_free - NAME is about to be taken in NS: if a veth the kernel is
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
		if (k->put ? k->put(r) : link_put_attrs(r))
			return 1;
		nla_nest_end(r->msg, data);
	}
	nla_nest_end(r->msg, info);
	return 0;
}

/* explain a refusal: the words of the kernel, about the link */
static int refused(struct nsh *sh, const struct names *n, int err, int type)
{
	char why[256];
	int e = nl_last_errno();
	const char *subject = n->dev ? n->dev : n->name ? n->name : "group";

	nl_reason(err, why, sizeof(why));
	if (type == RTM_NEWLINK && n->kind &&
	    (e == EOPNOTSUPP || (e == EINVAL && strstr(why, "Unknown device "
							   "type"))))
		return nsh_err(sh, "type %s: this kernel has no %s driver",
			       n->kind, n->kind);
	if (e == ENODEV && n->dev)
		return link_no_such(sh, &sh->cur, n->dev);
	return nsh_err(sh, "'%s': %s", subject, why);
}

static int send_msg(struct nsh *sh, struct nl_msg *msg, int *err)
{
	struct nl_sock *sk = ns_sock(sh);

	if (!sk)
		return 1;
	nl_clear_error();
	*err = nl_send_auto(sk, msg);
	if (*err >= 0)
		*err = nl_wait_for_ack(sk);
	return 0;
}

/*
 * link_modify - ip link add (CREATE|EXCL), set (0), replace
 * (CREATE|REPLACE), delete (RTM_DELLINK): one request, as iproute2's
 * iplink_modify builds it.
 */
static int link_modify(struct nsh *sh, const struct nsh_args *a, int type,
		       int flags)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct link_req r = { .sh = sh, .a = a };
	bool create = flags & NLM_F_CREATE;
	struct names n;
	int err, rc = 1;

	if (read_names(sh, a, &n) < 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	r.create = create;
	r.dev = n.dev ? n.dev : "";
	if (create) {
		const char *dev = NULL, *name = NULL;

		for (int i = 0; i < n.type_at; i = ipl_next(a, i)) {
			int key = a->bind[i].opt ? a->bind[i].opt->key : 0;

			if (key == LK_DEV)
				dev = ipl_arg(a, i, 0)->text;
			else if (key == LK_NAME)
				name = ipl_arg(a, i, 0)->text;
		}
		if (dev && name && !streq(dev, name))
			return nsh_err(sh, "'%s': both 'name' and 'dev' cannot "
					   "be used when creating a link", dev);
		if (n.group && !n.dev)
			return nsh_err(sh, "'group': cannot be used when "
					   "creating a link");
		if (!n.kind)
			return nsh_err(sh, "missing 'type KIND' (%s, …)",
				       "veth, bridge, vxlan, macvlan");
	} else if (!n.dev && !n.group) {
		return nsh_err(sh, "missing the link ('dev NAME')");
	}
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
	/* a rename, or the name of a new link */
	if (n.name && (create || !streq(n.name, n.dev)) &&
	    nla_put_string(msg, IFLA_IFNAME, n.name) < 0)
		goto fail;
	if (create && !n.group &&
	    nla_put_u32(msg, IFLA_GROUP, journal_group()) < 0)
		goto fail;
	if (n.kind && put_kind(&r, &n))
		goto out;
	if (create && streq(n.kind, "veth"))
		n.peer = peer_name(a, ipl_next(a, n.type_at));
	for (int tries = 0;; tries++) {
		if (send_msg(sh, msg, &err))
			goto out;
		if (err >= 0) {
			rc = 0;
			goto out;
		}
		/* a name still held by a veth on its way out (its peer's
		 * namespace deleted): wait for it, then send once more (as
		 * a new message: a new sequence number) */
		nlmsg_hdr(msg)->nlmsg_seq = NL_AUTO_SEQ;
		if (nl_last_errno() != EEXIST || tries ||
		    !(name_settled(sh, &sh->cur, n.name) |
		      name_settled(sh, &sh->cur, n.peer)))
			break;
	}
	rc = refused(sh, &n, err, type);
	goto out;
fail:
	rc = put_fail(&r);
out:
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

/*
 * ip link delete: a veth takes its peer along, wherever it is.  Not held
 * behind the teardown barrier (`ip netns del …` x N, then `ip link del
 * br0` overlaps the kernel's namespace cleanup), unless the link may be a
 * peer the deleted namespaces take along: then it waits for them first.
 */
static int cmd_delete(struct nsh *sh, const struct nsh_args *a)
{
	struct names n;

	if (read_names(sh, a, &n) == 0 && n.dev) {
		_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
		int32_t nsid;

		if (link_lookup_in(sh, &sh->cur, n.dev, true, &l))
			return 1;
		if (l && teardown_may_be_peer(sh, &sh->cur,
					      rtnl_link_get_ifindex(l),
					      rtnl_link_get_link_netnsid(l,
									 &nsid) ==
							      0 ?
						      &nsid :
						      NULL))
			teardown_wait(sh);
	}
	return link_modify(sh, a, RTM_DELLINK, 0);
}

static const struct ipl_opt property_rows[] = {
	{ "add", 0, NULL, 1, "add alternative names" },
	{ "del", 0, NULL, 2, "delete alternative names" },
	{ "dev", 0, "DEV", 3, "the link" },
	{ "altname", 0, "DEV", 4, "an alternative name" },
	{ NULL },
};

static const struct ipl_table property_opts = { "ip link property",
						 property_rows };

/* ip link property add|del dev DEV altname NAME…: IFLA_PROP_LIST */
static int cmd_property(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	const char *dev = ipl_str(a, 3);
	bool add = ipl_find(a, 0, 1) >= 0, del = ipl_find(a, 0, 2) >= 0;
	struct nlattr *list;
	struct names n = { .dev = dev };
	int idx, err;

	if (add == del)
		return nsh_err(sh, "missing 'add' or 'del'");
	if (!dev)
		return nsh_err(sh, "missing 'dev NAME'");
	if (ipl_find(a, 0, 4) < 0)
		return nsh_err(sh, "missing 'altname NAME'");
	if (link_index(sh, dev, &idx))
		return 1;
	ifi.ifi_index = idx;
	msg = nlmsg_alloc_simple(add ? RTM_NEWLINKPROP : RTM_DELLINKPROP,
				 NLM_F_REQUEST | NLM_F_ACK |
					 (add ? NLM_F_CREATE | NLM_F_EXCL : 0));
	if (!msg || nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	list = nla_nest_start(msg, IFLA_PROP_LIST);
	for (int i = ipl_find(a, 0, 4); list && i >= 0;
	     i = ipl_find(a, i + 1, 4))
		if (nla_put_string(msg, IFLA_ALT_IFNAME,
				   ipl_arg(a, i, 0)->text) < 0)
			list = NULL;
	if (!list)
		return nsh_err(sh, "'%s': the request is too large", dev);
	nla_nest_end(msg, list);
	if (send_msg(sh, msg, &err))
		return 1;
	return err < 0 ? refused(sh, &n, err, RTM_NEWLINKPROP) : 0;
}

/* in iproute2's order (do_iplink): `ip link s` is set, `ip link d`
 * delete, `ip link l` list */
static const struct nsh_cmd link_cmds[] = {
	{ "ip link add", "create a link: ip link add NAME type KIND [ARGS]",
	  cmd_add, 0, "ip link add veth1 type veth peer name veth2",
	  NULL, &link_opts },
	{ "ip link set/change",
	  "change a link: state, namespace, master, MTU, name, kind options",
	  cmd_set, 0, "ip link set veth1 netns ns1", NULL, &link_opts },
	{ "ip link replace", "create or replace a link", cmd_replace, 0,
	  NULL, NULL, &link_opts },
	{ "ip link delete", "delete a link (a veth takes its peer along)",
	  cmd_delete, NSH_CMD_NOBARRIER, "ip link del veth1", NULL,
	  &link_opts },
	{ "ip link show/lst/list", "list the links, or show one",
	  link_show_cmd, 0,
	  "ip -j link show veth1", NULL, &link_show_opts },
	{ "ip link xstats", "extended statistics", NULL },
	{ "ip link afstats", "address-family statistics", NULL },
	{ "ip link property", "add or delete alternative names",
	  cmd_property, 0, "ip link property add dev veth1 altname uplink",
	  NULL, &property_opts },
	{ "ip link", "list the links", link_show_cmd },
	{ NULL },
};

/* ------------------------------------------------------------ types */

/* iproute2's parse_on_off: an abbreviation of "off", or "on" */
static int t_onoff(const char *w, struct nsh_val *v, char *eb, size_t el,
		   const char **err)
{
	if (ipl_matches(w, "off") || streq(w, "on")) {
		v->num = streq(w, "on");
		return 0;
	}
	*err = "not \"on\" or \"off\"";
	return -1;
}

static int t_ethproto(const char *w, struct nsh_val *v, char *eb, size_t el,
		      const char **err)
{
	uint16_t be;

	if (link_llproto_a2n(w, &be) < 0) {
		*err = "not an Ethernet protocol (802.1Q, 802.1ad, ipv4, or "
		       "a number)";
		return -1;
	}
	v->num = be;
	return 0;
}

static const struct nsh_type link_types[] = {
	{ "ONOFF", "on or off", t_onoff },
	{ "ETHPROTO", "an Ethernet protocol: 802.1Q, 802.1ad, … or a number",
	  t_ethproto },
	{ NULL },
};

const struct nsh_family link_family = {
	"link", "ip link: create, change, delete and list links", link_cmds,
	link_types,
};
