/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_put.c - the attributes of an `ip link add/set/replace` request, as
 * iproute2's iplink_parse puts them: ip link's own options (flags in the
 * ifinfomsg, IFLA_* attributes; link_put_generic, for the link and for a
 * veth's peer), the kinds' one-attribute options (link_put_attrs) and
 * IFLA_LINKINFO with the kind's data (link_put_kind).  A namespace named
 * by descriptor (netns NS) is held open until the request is sent.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/net_namespace.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link_priv.h"

#ifndef IFLA_PARENT_DEV_NAME
#define IFLA_PARENT_DEV_NAME 56
#endif
#ifndef IFLA_GRO_MAX_SIZE
#define IFLA_GRO_MAX_SIZE 58
#endif
#ifndef IFLA_PROTO_DOWN_REASON
#define IFLA_PROTO_DOWN_REASON 55
#endif

int link_put_fail(struct link_req *r)
{
	return nsh_err(r->sh, "'%s': the request is too large", r->dev);
}

/* an on|off value: on */
static bool on(const struct nsh_val *v)
{
	return v && streq(v->text, "on");
}

/* link-layer address V as ATTR (IFLA_ADDRESS: its length kept for the
 * check against the link's): 0, or 1 after reporting */
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
		return link_put_fail(r);
	return 0;
}

/*
 * put_value - V as attribute ATTR of TYPE (enum link_attr_type): 0, 1
 * after reporting (a bad address, an unknown link), or libnl's negative
 * error.
 */
static int put_value(struct link_req *r, int attr, int type,
		     const struct nsh_val *v)
{
	struct nl_msg *m = r->msg;
	int idx;

	switch (type) {
	case LA_U8: return nla_put_u8(m, attr, (uint8_t)v->num);
	case LA_U16: return nla_put_u16(m, attr, (uint16_t)v->num);
	case LA_U32: return nla_put_u32(m, attr, (uint32_t)v->num);
	case LA_U64: return nla_put_u64(m, attr, (uint64_t)v->num);
	case LA_BE16: return nla_put_u16(m, attr, htons((uint16_t)v->num));
	case LA_FLAG: return nla_put_flag(m, attr);
	case LA_ONOFF8: return nla_put_u8(m, attr, on(v));
	case LA_STR: return nla_put_string(m, attr, v->text);
	case LA_MAC: return put_lladdr(r, attr, v);
	case LA_DEV:
		if (link_index(r->sh, v->text, &idx))
			return 1;
		return nla_put_u32(m, attr, (uint32_t)idx);
	case LA_TRUE8: return nla_put_u8(m, attr, 1);
	case LA_FALSE8: return nla_put_u8(m, attr, 0);
	case LA_ZERO32: return nla_put_u32(m, attr, 0);
	}
	return 0;
}

int link_put_attrs(struct link_req *r)
{
	const struct nsh_args *a = r->a;

	for (int i = r->from; i < r->to; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		int key = o ? o->key : 0, rc;

		if (!(key & LINK_ATTR_MARK))
			continue;
		rc = put_value(r, LINK_ATTR_OF(key), LINK_ATTR_TYPE(key),
			       ipl_arg(a, i, 0));
		if (rc < 0)
			return link_put_fail(r);
		if (rc)
			return 1;
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

void link_req_release(void)
{
	while (nheld > 0)
		ns_close(&held[--nheld]);
}

/* ------------------------------------------------------------ options */

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

/* the flags of the ifinfomsg: the IFF_* bit an option sets when on, and
 * whether "on" clears it (trailers, arp) */
static const struct {
	int key;
	unsigned flag;
	bool inverse;
} flag_opts[] = {
	{ LK_MULTICAST, IFF_MULTICAST, false },
	{ LK_ALLMULTI, IFF_ALLMULTI, false },
	{ LK_PROMISC, IFF_PROMISC, false },
	{ LK_TRAILERS, IFF_NOTRAILERS, true },
	{ LK_ARP, IFF_NOARP, true },
	{ LK_DYNAMIC, IFF_DYNAMIC, false },
};

/* set or clear FLAG in IFI as SET says */
static void set_flag(struct ifinfomsg *ifi, unsigned flag, bool set)
{
	ifi->ifi_change |= flag;
	if (set)
		ifi->ifi_flags |= flag;
	else
		ifi->ifi_flags &= ~flag;
}

/* up, down and the flag options into IFI: true when KEY is one of them */
static bool put_flag_opt(struct ifinfomsg *ifi, int key,
			 const struct nsh_val *v)
{
	if (key == LK_UP || key == LK_DOWN) {
		set_flag(ifi, IFF_UP, key == LK_UP);
		return true;
	}
	for (size_t k = 0; k < ARRAY_SIZE(flag_opts); k++)
		if (flag_opts[k].key == key) {
			set_flag(ifi, flag_opts[k].flag,
				 on(v) != flag_opts[k].inverse);
			return true;
		}
	return false;
}

/* the options that are one attribute of their value */
static const struct {
	int key;
	int attr;
	int type;	/* enum link_attr_type */
} plain_opts[] = {
	{ LK_TXQLEN, IFLA_TXQLEN, LA_U32 },
	{ LK_MTU, IFLA_MTU, LA_U32 },
	{ LK_CARRIER, IFLA_CARRIER, LA_ONOFF8 },
	{ LK_GROUP, IFLA_GROUP, LA_U32 },
	{ LK_MODE, IFLA_LINKMODE, LA_U8 },
	{ LK_STATE, IFLA_OPERSTATE, LA_U8 },
	{ LK_NUMTX, IFLA_NUM_TX_QUEUES, LA_U32 },
	{ LK_NUMRX, IFLA_NUM_RX_QUEUES, LA_U32 },
	{ LK_PROTODOWN, IFLA_PROTO_DOWN, LA_ONOFF8 },
	{ LK_GSO_MAX_SIZE, IFLA_GSO_MAX_SIZE, LA_U32 },
	{ LK_GSO_MAX_SEGS, IFLA_GSO_MAX_SEGS, LA_U32 },
	{ LK_GRO_MAX_SIZE, IFLA_GRO_MAX_SIZE, LA_U32 },
	{ LK_PARENTDEV, IFLA_PARENT_DEV_NAME, LA_STR },
};

/* the row of plain_opts of KEY, or -1 */
static int plain_opt(int key)
{
	for (size_t k = 0; k < ARRAY_SIZE(plain_opts); k++)
		if (plain_opts[k].key == key)
			return (int)k;
	return -1;
}

/* the plain option of row K: as put_value */
static int put_plain(struct link_req *r, int k, const struct nsh_val *v)
{
	int key = plain_opts[k].key;

	if (key == LK_GSO_MAX_SEGS && v->num > 65535)
		return nsh_err(r->sh, "'%s': not a GSO segment count (at most "
				      "65535)", v->text);
	if (key == LK_MTU && !r->peer)
		r->mtu = v->text;
	return put_value(r, plain_opts[k].attr, plain_opts[k].type, v);
}

/* index N: the new link's ifindex, or where `set … netns` puts it */
static int put_index(struct link_req *r, struct ifinfomsg *ifi,
		     const struct nsh_val *v)
{
	if (v->num <= 0)
		return nsh_err(r->sh, "'%s': not a valid ifindex", v->text);
	if (r->create)
		ifi->ifi_index = (int)v->num;
	else
		r->new_index = (int)v->num;
	return 0;
}

/* link DEV: the lower link of a new link (iproute2 ignores it otherwise) */
static int put_lower(struct link_req *r, const struct nsh_val *v)
{
	int idx;

	if (!r->create)
		return 0;
	if (link_index(r->sh, v->text, &idx))
		return 1;
	return nla_put_u32(r->msg, IFLA_LINK, (uint32_t)idx);
}

/* netns NS: by descriptor, held until the request is sent */
static int put_netns(struct link_req *r, const struct nsh_val *v)
{
	struct nsh_ns ns;
	int rc;

	if (ns_resolve(r->sh, v->text, true, &ns))
		return 1;
	rc = nla_put_u32(r->msg, IFLA_NET_NS_FD, (uint32_t)ns.fd);
	if (rc) {
		ns_close(&ns);
		return rc;
	}
	return link_req_hold(r, &ns);
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
	return nla_put_s32(r->msg, IFLA_LINK_NETNSID, nsid);
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

/* master DEV, vrf DEV, nomaster: IFLA_MASTER */
static int put_master(struct link_req *r, int key, const struct nsh_val *v)
{
	int idx, rc;

	if (key == LK_NOMASTER)
		return nla_put_u32(r->msg, IFLA_MASTER, 0);
	if (link_index(r->sh, v->text, &idx) ||
	    (key == LK_MASTER && check_master(r, v->text)))
		return 1;
	if (key == LK_VRF && link_is_kind(r->sh, idx, "vrf") <= 0)
		return nsh_err(r->sh, "'%s': not a VRF", v->text);
	rc = nla_put_u32(r->msg, IFLA_MASTER, (uint32_t)idx);
	if (!r->peer) {
		r->master = v->text;
		r->master_index = idx;
	}
	return rc;
}

/* alias TEXT: IFLA_IFALIAS, without its NUL */
static int put_alias(struct link_req *r, const struct nsh_val *v)
{
	if (strlen(v->text) >= 256)
		return nsh_err(r->sh, "'%s': alias too long (at most 255 "
				      "bytes)", v->text);
	return nla_put(r->msg, IFLA_IFALIAS, (int)strlen(v->text), v->text);
}

/* addrgenmode MODE: IFLA_AF_SPEC { AF_INET6 { ADDR_GEN_MODE } } */
static int put_addrgenmode(struct link_req *r, const struct nsh_val *v)
{
	static const char *const modes[] = {
		"eui64", "none", "stable_secret", "random",
	};
	struct nl_msg *m = r->msg;
	struct nlattr *spec = nla_nest_start(m, IFLA_AF_SPEC);
	struct nlattr *in6 = spec ? nla_nest_start(m, AF_INET6) : NULL;
	uint8_t mode = 0;

	for (size_t k = 0; k < ARRAY_SIZE(modes); k++)
		if (streq(modes[k], v->text))
			mode = (uint8_t)k;
	if (!in6 || nla_put_u8(m, IFLA_INET6_ADDR_GEN_MODE, mode) < 0)
		return link_put_fail(r);
	nla_nest_end(m, in6);
	nla_nest_end(m, spec);
	return 0;
}

/* protodown_reason BIT on|off: IFLA_PROTO_DOWN_REASON { MASK, VALUE } */
static int put_protodown_reason(struct link_req *r, const struct nsh_val *v,
				const struct nsh_val *onoff)
{
	struct nl_msg *m = r->msg;
	struct nlattr *n;
	uint32_t bit;

	if (v->num > 31)
		return nsh_err(r->sh, "'%s': not a protodown reason (0-31)",
			       v->text);
	bit = 1u << v->num;
	n = nla_nest_start(m, IFLA_PROTO_DOWN_REASON);
	if (!n || nla_put_u32(m, IFLA_PROTO_DOWN_REASON_MASK, bit) < 0 ||
	    nla_put_u32(m, IFLA_PROTO_DOWN_REASON_VALUE,
			on(onoff) ? bit : 0) < 0)
		return link_put_fail(r);
	nla_nest_end(m, n);
	return 0;
}

/* the option bound at I: 0, 1 after reporting, or libnl's negative
 * error; name, dev, type, help, xdp and vf are the caller's */
static int put_option(struct link_req *r, int i, struct ifinfomsg *ifi)
{
	const struct ipl_opt *o = r->a->bind[i].opt;
	const struct nsh_val *v = ipl_arg(r->a, i, 0);
	int k = plain_opt(o->key);

	if (put_flag_opt(ifi, o->key, v))
		return 0;
	if (k >= 0)
		return put_plain(r, k, v);
	switch (o->key) {
	case LK_INDEX: return put_index(r, ifi, v);
	case LK_LINK: return put_lower(r, v);
	case LK_ADDRESS: return put_lladdr(r, IFLA_ADDRESS, v);
	case LK_BROADCAST: return put_lladdr(r, IFLA_BROADCAST, v);
	case LK_NETNS: return put_netns(r, v);
	case LK_MASTER:
	case LK_VRF:
	case LK_NOMASTER: return put_master(r, o->key, v);
	case LK_ALIAS: return put_alias(r, v);
	case LK_ADDRGENMODE: return put_addrgenmode(r, v);
	case LK_LINK_NETNS:
		if (!streq(o->kw, "link-netns"))
			return nla_put_s32(r->msg, IFLA_LINK_NETNSID,
					   (int32_t)v->num);
		return put_link_netns(r, v->text);
	case LK_PROTODOWN_REASON:
		return put_protodown_reason(r, v, ipl_arg(r->a, i, 1));
	default: return 0;
	}
}

int link_put_generic(struct link_req *r, int from, int to,
		     struct ifinfomsg *ifi, bool peer)
{
	const struct nsh_args *a = r->a;
	int rc = 0;

	r->peer = peer;
	for (int i = from; i < to && !rc; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		if (!peer)
			r->stages |= stage_of(o->key);
		rc = put_option(r, i, ifi);
	}
	r->peer = false;
	return rc < 0 ? link_put_fail(r) : rc;
}

/* ------------------------------------------------------------ the kind */

int link_put_kind(struct link_req *r, const char *kind, int type_at)
{
	const struct link_kind *k = link_kind_find(kind);
	size_t klen = strlen(kind);
	bool slave = klen > 6 && streq(kind + klen - 6, "_slave");
	struct nlattr *info, *data;
	int from = ipl_next(r->a, type_at);

	info = nla_nest_start(r->msg, IFLA_LINKINFO);
	if (!info || nla_put(r->msg, IFLA_INFO_KIND, (int)klen, kind) < 0)
		return link_put_fail(r);
	if (k && from < r->a->nbind) {
		data = nla_nest_start(r->msg, slave ? IFLA_INFO_SLAVE_DATA :
						      IFLA_INFO_DATA);
		if (!data)
			return link_put_fail(r);
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
