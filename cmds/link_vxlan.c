/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_vxlan.c - `type vxlan id VNI [remote|group ADDR] [local ADDR] [dev
 * LINK] [dstport PORT] …`: Ethernet over UDP, as iproute2's
 * ip/iplink_vxlan.c parses and prints it (each option once; [no]learning,
 * [no]proxy … as a pair of keywords; the VNI and the learning flag added
 * after the others).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

enum {
	VX_ID = LK_KIND_BASE, VX_GROUP, VX_LOCAL, VX_DEV, VX_TTL, VX_TOS,
	VX_DF, VX_LABEL, VX_AGEING, VX_LIMIT, VX_SRCPORT, VX_DSTPORT,
	VX_LEARNING, VX_PROXY, VX_RSC, VX_L2MISS, VX_L3MISS, VX_UDPCSUM,
	VX_ZCSUM6TX, VX_ZCSUM6RX, VX_REMCSUMTX, VX_REMCSUMRX, VX_EXTERNAL,
	VX_GBP, VX_GPE, VX_VNIFILTER,
};

#define P (IPL_PREFIX | IPL_ONCE)
#define PA (IPL_PREFIX | IPL_ONCE | IPL_ALIAS)

/* ip/iplink_vxlan.c's order: `d` is dev, `p` port (srcport) */
static const struct ipl_opt vxlan_rows[] = {
	{ "id", P, "VNI", VX_ID, "the network identifier (0-16777215)" },
	{ "vni", PA, "VNI", VX_ID },
	{ "group", P, "ADDR", VX_GROUP, "a multicast group to join (with "
					"dev)" },
	{ "remote", P, "ADDR", VX_GROUP, "the unicast address of the other "
					 "end" },
	{ "local", P, "ADDR", VX_LOCAL, "the source address" },
	{ "dev", P, "DEV", VX_DEV, "the link to send on" },
	{ "ttl", P, "TTL", VX_TTL, "TTL of the packets: 1-255, auto, "
				   "inherit" },
	{ "hoplimit", PA, "TTL", VX_TTL },
	{ "tos", P, "TOS", VX_TOS, "TOS of the packets, or inherit" },
	{ "dsfield", PA, "TOS", VX_TOS },
	{ "df", P, "unset|set|inherit", VX_DF, "the DF bit" },
	{ "label", PA, "FLOWLABEL", VX_LABEL },
	{ "flowlabel", P, "FLOWLABEL", VX_LABEL, "the IPv6 flow label" },
	{ "ageing", P, "AGEING", VX_AGEING, "FDB entry lifetime (s)" },
	{ "maxaddress", P, "MAXADDR", VX_LIMIT, "FDB size limit" },
	{ "port", PA, "NUM16 NUM16", VX_SRCPORT },
	{ "srcport", P, "NUM16 NUM16", VX_SRCPORT, "the UDP source port "
						   "range MIN MAX" },
	{ "dstport", P, "NUM16", VX_DSTPORT, "the UDP port (4789 is IANA's)" },
	{ "nolearning", P, NULL, VX_LEARNING, "do not learn addresses" },
	{ "learning", P, NULL, VX_LEARNING, "learn source addresses" },
	{ "noproxy", P, NULL, VX_PROXY, NULL },
	{ "proxy", P, NULL, VX_PROXY, "ARP proxy" },
	{ "norsc", P, NULL, VX_RSC, NULL },
	{ "rsc", P, NULL, VX_RSC, "route short circuit" },
	{ "nol2miss", P, NULL, VX_L2MISS, NULL },
	{ "l2miss", P, NULL, VX_L2MISS, "notify unknown destinations" },
	{ "nol3miss", P, NULL, VX_L3MISS, NULL },
	{ "l3miss", P, NULL, VX_L3MISS, "notify unknown IP addresses" },
	{ "udpcsum", P, NULL, VX_UDPCSUM, "UDP checksums over IPv4" },
	{ "noudpcsum", P, NULL, VX_UDPCSUM, NULL },
	{ "udp6zerocsumtx", P, NULL, VX_ZCSUM6TX, "zero UDP checksums sent "
						  "over IPv6" },
	{ "noudp6zerocsumtx", P, NULL, VX_ZCSUM6TX, NULL },
	{ "udp6zerocsumrx", P, NULL, VX_ZCSUM6RX, "zero UDP checksums "
						  "accepted over IPv6" },
	{ "noudp6zerocsumrx", P, NULL, VX_ZCSUM6RX, NULL },
	{ "remcsumtx", P, NULL, VX_REMCSUMTX, "remote checksum offload" },
	{ "noremcsumtx", P, NULL, VX_REMCSUMTX, NULL },
	{ "remcsumrx", P, NULL, VX_REMCSUMRX, NULL },
	{ "noremcsumrx", P, NULL, VX_REMCSUMRX, NULL },
	{ "external", P, NULL, VX_EXTERNAL, "metadata mode (no VNI)" },
	{ "noexternal", P, NULL, VX_EXTERNAL, NULL },
	{ "gbp", P, NULL, VX_GBP, "group policy extension" },
	{ "gpe", P, NULL, VX_GPE, "generic protocol extension" },
	{ "vnifilter", IPL_ONCE, NULL, VX_VNIFILTER, "VNI filtering (with "
						    "external)" },
	{ "novnifilter", IPL_ONCE, NULL, VX_VNIFILTER, NULL },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table vxlan_opts = { "type vxlan", vxlan_rows };

/* the attribute of each on/off keyword pair */
static const int flag_attr[] = {
	[VX_PROXY - VX_ID] = IFLA_VXLAN_PROXY,
	[VX_RSC - VX_ID] = IFLA_VXLAN_RSC,
	[VX_L2MISS - VX_ID] = IFLA_VXLAN_L2MISS,
	[VX_L3MISS - VX_ID] = IFLA_VXLAN_L3MISS,
	[VX_UDPCSUM - VX_ID] = IFLA_VXLAN_UDP_CSUM,
	[VX_ZCSUM6TX - VX_ID] = IFLA_VXLAN_UDP_ZERO_CSUM6_TX,
	[VX_ZCSUM6RX - VX_ID] = IFLA_VXLAN_UDP_ZERO_CSUM6_RX,
	[VX_REMCSUMTX - VX_ID] = IFLA_VXLAN_REMCSUM_TX,
	[VX_REMCSUMRX - VX_ID] = IFLA_VXLAN_REMCSUM_RX,
	[VX_EXTERNAL - VX_ID] = IFLA_VXLAN_COLLECT_METADATA,
	[VX_VNIFILTER - VX_ID] = IFLA_VXLAN_VNIFILTER,
};

static bool is_mcast(const struct nsh_prefix *a)
{
	return a->family == AF_INET ? (a->addr[0] & 0xf0) == 0xe0 :
				      a->addr[0] == 0xff;
}

static int put_addr(struct link_req *r, int a4, int a6,
		    const struct nsh_prefix *a)
{
	return a->family == AF_INET ? nla_put(r->msg, a4, 4, a->addr) :
				      nla_put(r->msg, a6, 16, a->addr);
}

/* what vxlan_put gathers from the words before the attributes that
 * iproute2 adds last */
struct vx {
	const struct nsh_val *group, *local;
	bool have_id, have_port, have_learning, gpe, have_dev;
	uint8_t learning, metadata, vnifilter;
	uint32_t vni;
	uint16_t dstport;
};

/* group, remote, local ADDR and dev LINK (option O, value V): 0, 1 after
 * reporting, or a negative libnl error */
static int vx_where(struct link_req *r, const struct ipl_opt *o,
		    const struct nsh_val *v, struct vx *x)
{
	int idx;

	switch (o->key) {
	case VX_GROUP:
		if (streq(o->kw, "group") != is_mcast(&v->pfx))
			return nsh_err(r->sh, "'%s': not a %s address", v->text,
				       streq(o->kw, "group") ? "multicast" :
							       "unicast");
		x->group = v;
		return 0;
	case VX_LOCAL:
		if (is_mcast(&v->pfx))
			return nsh_err(r->sh, "'%s': not a unicast address",
				       v->text);
		x->local = v;
		return 0;
	default:	/* VX_DEV */
		if (link_index(r->sh, v->text, &idx))
			return 1;
		x->have_dev = true;
		return nla_put_u32(r->msg, IFLA_VXLAN_LINK, (uint32_t)idx);
	}
}

/* the words that are one attribute of their own (binding I, option O,
 * value V): 0 or a negative libnl error */
static int vx_attr(struct link_req *r, int i, const struct ipl_opt *o,
		   const struct nsh_val *v)
{
	struct nl_msg *m = r->msg;
	struct ifla_vxlan_port_range pr;

	switch (o->key) {
	case VX_TTL:
		if (v->special == 'i')
			return nla_put_flag(m, IFLA_VXLAN_TTL_INHERIT);
		return nla_put_u8(m, IFLA_VXLAN_TTL, (uint8_t)v->num);
	case VX_TOS:
		return nla_put_u8(m, IFLA_VXLAN_TOS, (uint8_t)v->num);
	case VX_DF:
		return nla_put_u8(m, IFLA_VXLAN_DF,
				  streq(v->text, "unset") ? VXLAN_DF_UNSET :
				  streq(v->text, "set")	  ? VXLAN_DF_SET :
							    VXLAN_DF_INHERIT);
	case VX_LABEL:
		return nla_put_u32(m, IFLA_VXLAN_LABEL,
				   htonl((uint32_t)v->num));
	case VX_AGEING:
		return nla_put_u32(m, IFLA_VXLAN_AGEING, (uint32_t)v->num);
	case VX_LIMIT:
		return nla_put_u32(m, IFLA_VXLAN_LIMIT, (uint32_t)v->num);
	case VX_SRCPORT:
		pr.low = htons((uint16_t)v->num);
		pr.high = htons((uint16_t)ipl_arg(r->a, i, 1)->num);
		if (pr.low || pr.high)
			return nla_put(m, IFLA_VXLAN_PORT_RANGE, sizeof(pr),
				       &pr);
		return 0;
	case VX_GBP:
		return nla_put_flag(m, IFLA_VXLAN_GBP);
	default:	/* the on/off pairs */
		if (o->key > VX_ID && o->key <= VX_VNIFILTER &&
		    flag_attr[o->key - VX_ID])
			return nla_put_u8(m, flag_attr[o->key - VX_ID],
					  strncmp(o->kw, "no", 2) != 0);
		return 0;
	}
}

/* one word (binding I) into X or the request: 0, 1 after reporting, or a
 * negative libnl error */
static int vx_word(struct link_req *r, int i, struct vx *x)
{
	const struct ipl_opt *o = r->a->bind[i].opt;
	const struct nsh_val *v = ipl_arg(r->a, i, 0);
	bool yes = strncmp(o->kw, "no", 2) != 0;

	switch (o->key) {
	case VX_ID:
		x->vni = (uint32_t)v->num;
		x->have_id = true;
		return 0;
	case VX_GROUP: case VX_LOCAL: case VX_DEV:
		return vx_where(r, o, v, x);
	case VX_DSTPORT:
		x->dstport = (uint16_t)v->num;
		x->have_port = true;
		return 0;
	case VX_LEARNING:
		x->learning = yes;
		x->have_learning = true;
		return 0;
	case VX_EXTERNAL:
		x->metadata = yes;
		if (yes)
			x->learning = 0;
		return nla_put_u8(r->msg, IFLA_VXLAN_COLLECT_METADATA, yes);
	case VX_GPE:
		x->gpe = true;
		return nla_put_flag(r->msg, IFLA_VXLAN_GPE);
	case VX_VNIFILTER:
		x->vnifilter = yes;
		return nla_put_u8(r->msg, IFLA_VXLAN_VNIFILTER, yes);
	default:
		return vx_attr(r, i, o, v);
	}
}

/* what vxlan_parse_opt refuses, and the default port: 0, or 1 */
static int vx_check(struct link_req *r, struct vx *x, bool set_op)
{
	struct nsh *sh = r->sh;

	if (!x->metadata && x->vnifilter)
		return nsh_err(sh, "'vnifilter': only with 'external'");
	if (x->metadata && x->have_id)
		return nsh_err(sh, "'external': not with a VNI ('id')");
	if (!x->metadata && !x->vnifilter && !x->have_id && !set_op)
		return nsh_err(sh, "missing the network identifier "
				   "('id VNI')");
	if (x->group && x->local &&
	    x->group->pfx.family != x->local->pfx.family)
		return nsh_err(sh, "'%s': not of the family of '%s'",
			       x->group->text, x->local->text);
	if (x->group && is_mcast(&x->group->pfx) && !x->have_dev)
		return nsh_err(sh, "'group': needs 'dev' (the link to join "
				   "it on)");
	if (!x->have_port && x->gpe)
		x->dstport = 4790;
	else if (!x->have_port && !set_op)
		nsh_warn(sh, "no 'dstport': the kernel's default (8472) is "
			     "not IANA's 4789 ('dstport 4789'; 'dstport 0' "
			     "for the default without this warning)");
	return 0;
}

/* the attributes iproute2 adds after the words: 0 or a negative error */
static int vx_put_last(struct link_req *r, const struct vx *x, bool set_op)
{
	struct nl_msg *m = r->msg;
	int rc = 0;

	if (x->have_id)
		rc = nla_put_u32(m, IFLA_VXLAN_ID, x->vni);
	if (x->local && rc >= 0)
		rc = put_addr(r, IFLA_VXLAN_LOCAL, IFLA_VXLAN_LOCAL6,
			      &x->local->pfx);
	if (x->group && rc >= 0)
		rc = put_addr(r, IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6,
			      &x->group->pfx);
	if (!x->local && !x->group && rc >= 0) {
		static const uint8_t any[16];

		/* -4 / -6: the family of an unset group */
		if (r->sh->o.family == AF_INET)
			rc = nla_put(m, IFLA_VXLAN_GROUP, 4, any);
		else if (r->sh->o.family == AF_INET6)
			rc = nla_put(m, IFLA_VXLAN_GROUP6, 16, any);
	}
	if ((!set_op || x->have_learning) && rc >= 0)
		rc = nla_put_u8(m, IFLA_VXLAN_LEARNING, x->learning);
	if (x->dstport && rc >= 0)
		rc = nla_put_u16(m, IFLA_VXLAN_PORT, htons(x->dstport));
	return rc;
}

static int vxlan_put(struct link_req *r)
{
	struct vx x = { .learning = 1 };
	bool set_op = !r->create;
	int rc = 0;

	for (int i = r->from; i < r->to && rc >= 0; i = ipl_next(r->a, i)) {
		rc = vx_word(r, i, &x);
		if (rc > 0)
			return 1;
	}
	if (rc < 0)
		return nsh_err(r->sh, "out of memory");
	if (vx_check(r, &x, set_op))
		return 1;
	rc = vx_put_last(r, &x, set_op);
	return rc < 0 ? nsh_err(r->sh, "out of memory") : 0;
}

/* an address attribute of 4 or 16 bytes as text */
static const char *addr_str(struct nlattr *a, int af, char *buf, size_t len)
{
	return inet_ntop(af, nla_data(a), buf, (socklen_t)len);
}

static bool set_u8(struct nlattr **tb, int attr)
{
	return tb[attr] && nla_get_u8(tb[attr]);
}

/* "noudpcsum " / "udpcsum ", or "udp_csum": BOOL */
static void print_csum(struct nlattr **tb, int attr, const char *key,
		       const char *word)
{
	uint8_t on;

	if (!tb[attr])
		return;
	on = nla_get_u8(tb[attr]);
	if (pr_json())
		pr_bool(PR_ANY, key, NULL, on);
	else
		printf("%s%s ", on ? "" : "no", word);
}

/* group|remote ADDR, local ADDR, dev LINK */
static void print_where(struct link_pr *c, struct nlattr **tb)
{
	char b[INET6_ADDRSTRLEN];

	if (tb[IFLA_VXLAN_GROUP]) {
		uint32_t addr = nla_get_u32(tb[IFLA_VXLAN_GROUP]);
		bool mc = IN_MULTICAST(ntohl(addr));

		if (addr)
			pr_string(PR_ANY, mc ? "group" : "remote",
				  mc ? "group %s " : "remote %s ",
				  addr_str(tb[IFLA_VXLAN_GROUP], AF_INET, b,
					   sizeof(b)));
	} else if (tb[IFLA_VXLAN_GROUP6]) {
		const struct in6_addr *a6 = nla_data(tb[IFLA_VXLAN_GROUP6]);
		bool mc = IN6_IS_ADDR_MULTICAST(a6);

		if (!IN6_IS_ADDR_UNSPECIFIED(a6))
			pr_string(PR_ANY, mc ? "group6" : "remote6",
				  mc ? "group %s " : "remote %s ",
				  addr_str(tb[IFLA_VXLAN_GROUP6], AF_INET6, b,
					   sizeof(b)));
	}
	if (tb[IFLA_VXLAN_LOCAL]) {
		if (nla_get_u32(tb[IFLA_VXLAN_LOCAL]))
			pr_string(PR_ANY, "local", "local %s ",
				  addr_str(tb[IFLA_VXLAN_LOCAL], AF_INET, b,
					   sizeof(b)));
	} else if (tb[IFLA_VXLAN_LOCAL6]) {
		const struct in6_addr *a6 = nla_data(tb[IFLA_VXLAN_LOCAL6]);

		if (!IN6_IS_ADDR_UNSPECIFIED(a6))
			pr_string(PR_ANY, "local6", "local %s ",
				  addr_str(tb[IFLA_VXLAN_LOCAL6], AF_INET6, b,
					   sizeof(b)));
	}
	if (tb[IFLA_VXLAN_LINK] && nla_get_u32(tb[IFLA_VXLAN_LINK]))
		pr_string(PR_ANY, "link", "dev %s ",
			  link_pr_ifname(c, nla_get_u32(tb[IFLA_VXLAN_LINK])));
}

/* srcport MIN MAX, dstport PORT, nolearning, proxy, rsc, l2miss, l3miss */
static void print_ports(struct nlattr **tb)
{
	if (tb[IFLA_VXLAN_PORT_RANGE]) {
		const struct ifla_vxlan_port_range *pr =
			nla_data(tb[IFLA_VXLAN_PORT_RANGE]);

		if (pr_json()) {
			pr_obj_open("port_range");
			pr_uint(PR_JSON, "low", NULL, ntohs(pr->low));
			pr_uint(PR_JSON, "high", NULL, ntohs(pr->high));
			pr_obj_close();
		} else {
			printf("srcport %u %u ", ntohs(pr->low),
			       ntohs(pr->high));
		}
	}
	if (tb[IFLA_VXLAN_PORT])
		pr_uint(PR_ANY, "port", "dstport %u ",
			ntohs(nla_get_u16(tb[IFLA_VXLAN_PORT])));
	if (tb[IFLA_VXLAN_LEARNING]) {
		uint8_t l = nla_get_u8(tb[IFLA_VXLAN_LEARNING]);

		pr_bool(PR_JSON, "learning", NULL, l);
		if (!l)
			pr_bool(PR_FP, NULL, "nolearning ", true);
	}
	if (set_u8(tb, IFLA_VXLAN_PROXY))
		pr_bool(PR_ANY, "proxy", "proxy ", true);
	if (set_u8(tb, IFLA_VXLAN_RSC))
		pr_bool(PR_ANY, "rsc", "rsc ", true);
	if (set_u8(tb, IFLA_VXLAN_L2MISS))
		pr_bool(PR_ANY, "l2miss", "l2miss ", true);
	if (set_u8(tb, IFLA_VXLAN_L3MISS))
		pr_bool(PR_ANY, "l3miss", "l3miss ", true);
}

/* the outer header: tos, ttl, df, flowlabel */
static void print_outer(struct nlattr **tb)
{
	uint8_t tos = tb[IFLA_VXLAN_TOS] ? nla_get_u8(tb[IFLA_VXLAN_TOS]) : 0;

	if (tos) {
		if (pr_json() || tos != 1)
			pr_0xhex(PR_ANY, "tos", "tos %#llx ", tos);
		else
			pr_string(PR_FP, NULL, "tos %s ", "inherit");
	}
	if (set_u8(tb, IFLA_VXLAN_TTL_INHERIT)) {
		pr_string(PR_FP, NULL, "ttl %s ", "inherit");
	} else if (tb[IFLA_VXLAN_TTL]) {
		uint8_t ttl = nla_get_u8(tb[IFLA_VXLAN_TTL]);

		if (pr_json() || ttl)
			pr_uint(PR_ANY, "ttl", "ttl %u ", ttl);
		else
			pr_string(PR_FP, NULL, "ttl %s ", "auto");
	}
	if (tb[IFLA_VXLAN_DF]) {
		uint8_t df = nla_get_u8(tb[IFLA_VXLAN_DF]);

		if (df == VXLAN_DF_UNSET)
			pr_string(PR_JSON, "df", "df %s ", "unset");
		else if (df == VXLAN_DF_SET)
			pr_string(PR_ANY, "df", "df %s ", "set");
		else if (df == VXLAN_DF_INHERIT)
			pr_string(PR_ANY, "df", "df %s ", "inherit");
	}
	if (tb[IFLA_VXLAN_LABEL] && nla_get_u32(tb[IFLA_VXLAN_LABEL]))
		pr_0xhex(PR_ANY, "label", "flowlabel %#llx ",
			 ntohl(nla_get_u32(tb[IFLA_VXLAN_LABEL])));
}

/* ip -d link: iproute2's vxlan_print_opt */
static void vxlan_print(struct link_pr *c, struct nlattr **tb)
{
	if (!tb)
		return;
	if (set_u8(tb, IFLA_VXLAN_COLLECT_METADATA))
		pr_bool(PR_ANY, "external", "external ", true);
	if (set_u8(tb, IFLA_VXLAN_VNIFILTER))
		pr_bool(PR_ANY, "vnifilter", "vnifilter", true);
	if (tb[IFLA_VXLAN_ID] && nla_len(tb[IFLA_VXLAN_ID]) >= 4)
		pr_uint(PR_ANY, "id", "id %u ", nla_get_u32(tb[IFLA_VXLAN_ID]));
	print_where(c, tb);
	print_ports(tb);
	print_outer(tb);
	if (tb[IFLA_VXLAN_AGEING]) {
		uint32_t age = nla_get_u32(tb[IFLA_VXLAN_AGEING]);

		pr_uint(PR_ANY, "ageing", age ? "ageing %u " : "ageing none ",
			age);
	}
	if (tb[IFLA_VXLAN_LIMIT] && nla_get_u32(tb[IFLA_VXLAN_LIMIT]))
		pr_uint(PR_ANY, "limit", "maxaddr %u ",
			nla_get_u32(tb[IFLA_VXLAN_LIMIT]));
	print_csum(tb, IFLA_VXLAN_UDP_CSUM, "udp_csum", "udpcsum");
	print_csum(tb, IFLA_VXLAN_UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx",
		   "udp6zerocsumtx");
	print_csum(tb, IFLA_VXLAN_UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx",
		   "udp6zerocsumrx");
	if (set_u8(tb, IFLA_VXLAN_REMCSUM_TX))
		pr_bool(PR_ANY, "remcsum_tx", "remcsumtx ", true);
	if (set_u8(tb, IFLA_VXLAN_REMCSUM_RX))
		pr_bool(PR_ANY, "remcsum_rx", "remcsumrx ", true);
	if (tb[IFLA_VXLAN_GBP])
		pr_bool(PR_ANY, "gbp", "gbp ", true);
	if (tb[IFLA_VXLAN_GPE])
		pr_bool(PR_ANY, "gpe", "gpe ", true);
}

const struct link_kind vxlan_kind = {
	.name = "vxlan",
	.summary = "Ethernet over UDP (VNI, remote or group, dstport)",
	.opts = &vxlan_opts,
	.put = vxlan_put,
	.print = vxlan_print,
	.maxattr = IFLA_VXLAN_MAX,
	.driver = "vxlan",
};
