/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_ip6tnl.c - `type ip6tnl [mode ip6ip6|ipip6|any] [remote ADDR]
 * [local ADDR] [dev LINK] [hoplimit TTL] [encaplimit ELIM] [tclass TC]
 * [flowlabel FL] [dscp inherit] [fwmark MARK] [encap …] [external]`: IP
 * over IPv6, as iproute2's ip/link_ip6tnl.c parses it (a change starts
 * from the link's own settings) and prints it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

static const struct ipl_opt ip6tnl_rows[] = {
	{ "mode", 0, "ipv6/ipv6|ip6ip6|ip/ipv6|ipv4/ipv6|ipip6|ip4ip6|"
		     "any/ipv6|any", TN_MODE, "what it carries" },
	{ "remote", 0, "ADDR6ANY", TN_REMOTE, "the other end" },
	{ "local", 0, "ADDR6ANY", TN_LOCAL, "this end" },
	{ "dev", IPL_PREFIX, "DEV", TN_DEV, "the link to send on" },
	{ "ttl", 0, "HOPLIMIT", TN_TTL, "hop limit, or inherit" },
	{ "hoplimit", IPL_ALIAS, "HOPLIMIT", TN_TTL },
	{ "hlim", IPL_ALIAS, "HOPLIMIT", TN_TTL },
	{ "encaplimit", 0, "ENCAPLIMIT", TN_ENCAPLIMIT, "0-255, or none" },
	{ "tos", 0, "TCLASS", TN_TCLASS, "traffic class, or inherit" },
	{ "tclass", IPL_ALIAS, "TCLASS", TN_TCLASS },
	{ "tc", IPL_ALIAS, "TCLASS", TN_TCLASS },
	{ "dsfield", IPL_PREFIX | IPL_ALIAS, "TCLASS", TN_TCLASS },
	{ "flowlabel", 0, "FLOWLABEL6", TN_FLOWLABEL, "flow label, or "
						      "inherit" },
	{ "fl", IPL_ALIAS, "FLOWLABEL6", TN_FLOWLABEL },
	{ "dscp", 0, "inherit", TN_DSCP, "copy the DSCP of received "
					 "packets" },
	{ "fwmark", 0, "FWMARKINH", TN_FWMARK, "the firewall mark, or "
					       "inherit" },
	{ "allow-localremote", 0, NULL, TN_ALLOWLR, NULL },
	{ "noallow-localremote", 0, NULL, TN_ALLOWLR, NULL },
	{ "noencap", 0, NULL, TN_NOENCAP, "no UDP encapsulation" },
	{ "encap", 0, "fou|gue|none", TN_ENCAP, "UDP encapsulation" },
	{ "encap-sport", 0, "PORTAUTO", TN_ENCAP_SPORT, NULL },
	{ "encap-dport", 0, "NUM16", TN_ENCAP_DPORT, NULL },
	{ "encap-csum", 0, NULL, TN_ENCAP_FLAG, NULL },
	{ "noencap-csum", 0, NULL, TN_ENCAP_FLAG, NULL },
	{ "encap-udp6-csum", 0, NULL, TN_ENCAP_FLAG, NULL },
	{ "noencap-udp6-csum", 0, NULL, TN_ENCAP_FLAG, NULL },
	{ "encap-remcsum", 0, NULL, TN_ENCAP_FLAG, NULL },
	{ "noencap-remcsum", 0, NULL, TN_ENCAP_FLAG, NULL },
	{ "external", 0, NULL, TN_EXTERNAL, "metadata mode" },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table ip6tnl_opts = { "type ip6tnl", ip6tnl_rows };

/* what iproute2 reads back (not the encapsulation) */
static int load(struct link_req *r, struct tnl *t)
{
	_cleanup_free_ struct nlmsghdr *keep = NULL;
	struct nlattr *tb[IFLA_IPTUN_MAX + 1];
	static const uint8_t zero[16];

	if (tnl_existing(r, tb, IFLA_IPTUN_MAX, &keep))
		return 1;
	if (tb[IFLA_IPTUN_LOCAL] && nla_len(tb[IFLA_IPTUN_LOCAL]) == 16) {
		memcpy(t->local, nla_data(tb[IFLA_IPTUN_LOCAL]), 16);
		t->have_local = memcmp(t->local, zero, 16) != 0;
	}
	if (tb[IFLA_IPTUN_REMOTE] && nla_len(tb[IFLA_IPTUN_REMOTE]) == 16) {
		memcpy(t->remote, nla_data(tb[IFLA_IPTUN_REMOTE]), 16);
		t->have_remote = memcmp(t->remote, zero, 16) != 0;
	}
#define GET(attr, field, get)                                                  \
	do {                                                                   \
		if (tb[attr])                                                  \
			t->field = get(tb[attr]);                              \
	} while (0)
	GET(IFLA_IPTUN_TTL, ttl, nla_get_u8);
	GET(IFLA_IPTUN_ENCAP_LIMIT, encap_limit, nla_get_u8);
	GET(IFLA_IPTUN_FLOWINFO, flowinfo, nla_get_u32);
	GET(IFLA_IPTUN_FLAGS, flags, nla_get_u32);
	GET(IFLA_IPTUN_LINK, link, nla_get_u32);
	GET(IFLA_IPTUN_PROTO, proto, nla_get_u8);
	GET(IFLA_IPTUN_FWMARK, fwmark, nla_get_u32);
#undef GET
	if (tb[IFLA_IPTUN_COLLECT_METADATA])
		t->metadata = true;
	return 0;
}

static int ip6tnl_put(struct link_req *r)
{
	struct tnl t = { .family = AF_INET6, .ttl = 64, .encap_limit = 4,
			 .encap_flags = TUNNEL_ENCAP_FLAG_CSUM6 };
	struct nl_msg *m = r->msg;
	int rc = 0;

	if (!r->create && load(r, &t))
		return 1;
	for (int i = r->from; i < r->to; i = ipl_next(r->a, i)) {
		const struct ipl_opt *o = r->a->bind[i].opt;

		if (o->key == TN_MODE)
			t.proto = (uint8_t)link_tunnel_mode(
				ipl_arg(r->a, i, 0)->text);
		else if (tnl_apply(r, &t, i))
			return 1;
	}
	rc |= nla_put_u8(m, IFLA_IPTUN_PROTO, t.proto);
	if (t.metadata)
		return rc || nla_put_flag(m, IFLA_IPTUN_COLLECT_METADATA) < 0 ?
			       nsh_err(r->sh, "out of memory") :
			       0;
	if (t.have_local)
		rc |= nla_put(m, IFLA_IPTUN_LOCAL, 16, t.local);
	if (t.have_remote)
		rc |= nla_put(m, IFLA_IPTUN_REMOTE, 16, t.remote);
	rc |= nla_put_u8(m, IFLA_IPTUN_TTL, t.ttl);
	rc |= nla_put_u8(m, IFLA_IPTUN_ENCAP_LIMIT, t.encap_limit);
	rc |= nla_put_u32(m, IFLA_IPTUN_FLOWINFO, t.flowinfo);
	rc |= nla_put_u32(m, IFLA_IPTUN_FLAGS, t.flags);
	rc |= nla_put_u32(m, IFLA_IPTUN_LINK, t.link);
	rc |= nla_put_u32(m, IFLA_IPTUN_FWMARK, t.fwmark);
	rc |= nla_put_u16(m, IFLA_IPTUN_ENCAP_TYPE, t.encap_type);
	rc |= nla_put_u16(m, IFLA_IPTUN_ENCAP_FLAGS, t.encap_flags);
	rc |= nla_put_u16(m, IFLA_IPTUN_ENCAP_SPORT, htons(t.encap_sport));
	rc |= nla_put_u16(m, IFLA_IPTUN_ENCAP_DPORT, htons(t.encap_dport));
	return rc ? nsh_err(r->sh, "out of memory") : 0;
}

/* ip -d link: iproute2's ip6tunnel_print_opt */
static void ip6tnl_print(struct link_pr *c, struct nlattr **tb)
{
	uint32_t flags = 0;

	if (!tb)
		return;
	if (tb[IFLA_IPTUN_COLLECT_METADATA])
		pr_bool(PR_ANY, "external", "external ", true);
	if (tb[IFLA_IPTUN_FLAGS])
		flags = nla_get_u32(tb[IFLA_IPTUN_FLAGS]);
	if (tb[IFLA_IPTUN_PROTO]) {
		switch (nla_get_u8(tb[IFLA_IPTUN_PROTO])) {
		case IPPROTO_IPIP:
			pr_string(PR_ANY, "proto", "%s ", "ipip6");
			break;
		case IPPROTO_IPV6:
			pr_string(PR_ANY, "proto", "%s ", "ip6ip6");
			break;
		case 0:
			pr_string(PR_ANY, "proto", "%s ", "any");
			break;
		}
	}
	tnl_print_endpoint("remote", tb[IFLA_IPTUN_REMOTE], AF_INET6);
	tnl_print_endpoint("local", tb[IFLA_IPTUN_LOCAL], AF_INET6);
	if (tb[IFLA_IPTUN_LINK] && nla_get_u32(tb[IFLA_IPTUN_LINK]))
		pr_string(PR_ANY, "link", "dev %s ",
			  link_pr_ifname(c, nla_get_u32(tb[IFLA_IPTUN_LINK])));
	link_ip6_tunnel_print(tb, IFLA_IPTUN_TTL, IFLA_IPTUN_ENCAP_LIMIT,
			      IFLA_IPTUN_FLOWINFO, flags);
	if (flags & IP6_TNL_F_MIP6_DEV)
		pr_bool(PR_ANY, "ip6_tnl_f_mip6_dev", "mip6 ", true);
	if (flags & IP6_TNL_F_ALLOW_LOCAL_REMOTE)
		pr_bool(PR_ANY, "ip6_tnl_f_allow_local_remote",
			"allow-localremote ", true);
	if (flags & IP6_TNL_F_USE_ORIG_FWMARK)
		pr_bool(PR_ANY, "ip6_tnl_f_use_orig_fwmark", "fwmark inherit ",
			true);
	else if (tb[IFLA_IPTUN_FWMARK] && nla_get_u32(tb[IFLA_IPTUN_FWMARK]))
		pr_0xhex(PR_ANY, "fwmark", "fwmark %#llx ",
			 nla_get_u32(tb[IFLA_IPTUN_FWMARK]));
	tnl_print_encap(tb, IFLA_IPTUN_ENCAP_TYPE, IFLA_IPTUN_ENCAP_FLAGS,
			IFLA_IPTUN_ENCAP_SPORT, IFLA_IPTUN_ENCAP_DPORT);
}

const struct link_kind ip6tnl_kind = {
	.name = "ip6tnl",
	.summary = "IPv4 or IPv6 over IPv6 (remote, local, mode …)",
	.opts = &ip6tnl_opts,
	.put = ip6tnl_put,
	.print = ip6tnl_print,
	.maxattr = IFLA_IPTUN_MAX,
	.driver = "ip6_tunnel",
};
