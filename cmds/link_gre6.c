/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_gre6.c - `type ip6gre|ip6gretap|ip6erspan [remote ADDR] [local
 * ADDR] [[i|o]key KEY] … [hoplimit TTL] [tclass TCLASS] [flowlabel LABEL]
 * [encaplimit ELIM] …`: GRE over IPv6, as iproute2's ip/link_gre6.c
 * parses it (a change starts from the link's own settings) and prints it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

#define M IPL_PREFIX
#define MA (IPL_PREFIX | IPL_ALIAS)

static const struct ipl_opt gre6_rows[] = {
	{ "key", M, "GREKEY", TN_KEY, "the key, both ways" },
	{ "nokey", M, NULL, TN_KEY, NULL },
	{ "ikey", M, "GREKEY", TN_KEY, "the key of received packets" },
	{ "noikey", M, NULL, TN_KEY, NULL },
	{ "okey", M, "GREKEY", TN_KEY, "the key of sent packets" },
	{ "nookey", M, NULL, TN_KEY, NULL },
	{ "seq", M, NULL, TN_SEQ, "sequence numbers, both ways" },
	{ "noseq", M, NULL, TN_SEQ, NULL },
	{ "iseq", M, NULL, TN_SEQ, NULL },
	{ "noiseq", M, NULL, TN_SEQ, NULL },
	{ "oseq", M, NULL, TN_SEQ, NULL },
	{ "nooseq", M, NULL, TN_SEQ, NULL },
	{ "csum", M, NULL, TN_CSUM, "checksums, both ways" },
	{ "nocsum", M, NULL, TN_CSUM, NULL },
	{ "icsum", M, NULL, TN_CSUM, NULL },
	{ "noicsum", M, NULL, TN_CSUM, NULL },
	{ "ocsum", M, NULL, TN_CSUM, NULL },
	{ "noocsum", M, NULL, TN_CSUM, NULL },
	{ "remote", M, "ADDR6ANY", TN_REMOTE, "the other end" },
	{ "local", M, "ADDR6ANY", TN_LOCAL, "this end" },
	{ "dev", M, "DEV", TN_DEV, "the link to send on" },
	{ "ttl", M, "HOPLIMIT", TN_TTL, "hop limit, or inherit" },
	{ "hoplimit", MA, "HOPLIMIT", TN_TTL },
	{ "hlim", MA, "HOPLIMIT", TN_TTL },
	{ "tos", M, "TCLASS", TN_TCLASS, "traffic class, or inherit" },
	{ "tclass", MA, "TCLASS", TN_TCLASS },
	{ "dsfield", MA, "TCLASS", TN_TCLASS },
	{ "flowlabel", 0, "FLOWLABEL6", TN_FLOWLABEL, "flow label, or "
						      "inherit" },
	{ "fl", IPL_ALIAS, "FLOWLABEL6", TN_FLOWLABEL },
	{ "dscp", 0, "inherit", TN_DSCP, "copy the DSCP of received "
					 "packets" },
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
	{ "fwmark", 0, "FWMARKINH", TN_FWMARK, "the firewall mark, or "
					       "inherit" },
	{ "allow-localremote", 0, NULL, TN_ALLOWLR, NULL },
	{ "noallow-localremote", 0, NULL, TN_ALLOWLR, NULL },
	{ "encaplimit", 0, "ENCAPLIMIT", TN_ENCAPLIMIT, "0-255, or none" },
	{ "erspan", 0, "NUM", TN_ERSPAN, "the ERSPAN index (version 1)" },
	{ "erspan_ver", 0, "NUM8", TN_ERSPAN_VER, "0, 1 or 2" },
	{ "erspan_dir", 0, "ERSPANDIR", TN_ERSPAN_DIR, "ingress or egress" },
	{ "erspan_hwid", 0, "NUM16", TN_ERSPAN_HWID, "the hardware ID" },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table gre6_opts = { "type ip6gre", gre6_rows };

static int load(struct link_req *r, struct tnl *t)
{
	_cleanup_free_ struct nlmsghdr *keep = NULL;
	struct nlattr *tb[IFLA_GRE_MAX + 1];

	if (tnl_existing(r, tb, IFLA_GRE_MAX, &keep))
		return 1;
	if (tb[IFLA_GRE_LOCAL] && nla_len(tb[IFLA_GRE_LOCAL]) == 16)
		memcpy(t->local, nla_data(tb[IFLA_GRE_LOCAL]), 16);
	if (tb[IFLA_GRE_REMOTE] && nla_len(tb[IFLA_GRE_REMOTE]) == 16)
		memcpy(t->remote, nla_data(tb[IFLA_GRE_REMOTE]), 16);
	t->have_local = tb[IFLA_GRE_LOCAL] &&
			memcmp(t->local, (uint8_t[16]){ 0 }, 16);
	t->have_remote = tb[IFLA_GRE_REMOTE] &&
			 memcmp(t->remote, (uint8_t[16]){ 0 }, 16);
#define GET(attr, field, get)                                                  \
	do {                                                                   \
		if (tb[attr])                                                  \
			t->field = get(tb[attr]);                              \
	} while (0)
	GET(IFLA_GRE_IKEY, ikey, nla_get_u32);
	GET(IFLA_GRE_OKEY, okey, nla_get_u32);
	GET(IFLA_GRE_IFLAGS, iflags, nla_get_u16);
	GET(IFLA_GRE_OFLAGS, oflags, nla_get_u16);
	GET(IFLA_GRE_TTL, ttl, nla_get_u8);
	GET(IFLA_GRE_LINK, link, nla_get_u32);
	GET(IFLA_GRE_ENCAP_LIMIT, encap_limit, nla_get_u8);
	GET(IFLA_GRE_FLOWINFO, flowinfo, nla_get_u32);
	GET(IFLA_GRE_FLAGS, flags, nla_get_u32);
	GET(IFLA_GRE_ENCAP_TYPE, encap_type, nla_get_u16);
	GET(IFLA_GRE_ENCAP_FLAGS, encap_flags, nla_get_u16);
	/* as iproute2: the ports kept in network order, then htons'ed */
	GET(IFLA_GRE_ENCAP_SPORT, encap_sport, nla_get_u16);
	GET(IFLA_GRE_ENCAP_DPORT, encap_dport, nla_get_u16);
	GET(IFLA_GRE_FWMARK, fwmark, nla_get_u32);
	GET(IFLA_GRE_ERSPAN_INDEX, erspan_idx, nla_get_u32);
	GET(IFLA_GRE_ERSPAN_VER, erspan_ver, nla_get_u8);
	GET(IFLA_GRE_ERSPAN_DIR, erspan_dir, nla_get_u8);
	GET(IFLA_GRE_ERSPAN_HWID, erspan_hwid, nla_get_u16);
#undef GET
	if (tb[IFLA_GRE_COLLECT_METADATA])
		t->metadata = true;
	return 0;
}

static int gre6_put(struct link_req *r)
{
	struct tnl t = {
		.family = AF_INET6, .ttl = 64, .encap_limit = 4,
		.encap_flags = TUNNEL_ENCAP_FLAG_CSUM6, .erspan_ver = 1,
	};
	struct nl_msg *m = r->msg;
	int rc = 0;

	if (!r->create && load(r, &t))
		return 1;
	for (int i = r->from; i < r->to; i = ipl_next(r->a, i))
		if (tnl_apply(r, &t, i))
			return 1;
	if (t.metadata)
		return nla_put_flag(m, IFLA_GRE_COLLECT_METADATA) < 0 ?
			       nsh_err(r->sh, "out of memory") :
			       0;
	rc |= nla_put_u32(m, IFLA_GRE_IKEY, t.ikey);
	rc |= nla_put_u32(m, IFLA_GRE_OKEY, t.okey);
	rc |= nla_put_u16(m, IFLA_GRE_IFLAGS, t.iflags);
	rc |= nla_put_u16(m, IFLA_GRE_OFLAGS, t.oflags);
	if (t.have_local)
		rc |= nla_put(m, IFLA_GRE_LOCAL, 16, t.local);
	if (t.have_remote)
		rc |= nla_put(m, IFLA_GRE_REMOTE, 16, t.remote);
	if (t.link)
		rc |= nla_put_u32(m, IFLA_GRE_LINK, t.link);
	rc |= nla_put_u8(m, IFLA_GRE_TTL, t.ttl);
	rc |= nla_put_u8(m, IFLA_GRE_ENCAP_LIMIT, t.encap_limit);
	rc |= nla_put_u32(m, IFLA_GRE_FLOWINFO, t.flowinfo);
	rc |= nla_put_u32(m, IFLA_GRE_FLAGS, t.flags);
	rc |= nla_put_u32(m, IFLA_GRE_FWMARK, t.fwmark);
	rc |= nla_put_u8(m, IFLA_GRE_ERSPAN_VER, t.erspan_ver);
	if (t.erspan_ver == 1 && t.erspan_idx) {
		rc |= nla_put_u32(m, IFLA_GRE_ERSPAN_INDEX, t.erspan_idx);
	} else if (t.erspan_ver == 2) {
		rc |= nla_put_u8(m, IFLA_GRE_ERSPAN_DIR, t.erspan_dir);
		rc |= nla_put_u16(m, IFLA_GRE_ERSPAN_HWID, t.erspan_hwid);
	}
	rc |= nla_put_u16(m, IFLA_GRE_ENCAP_TYPE, t.encap_type);
	rc |= nla_put_u16(m, IFLA_GRE_ENCAP_FLAGS, t.encap_flags);
	rc |= nla_put_u16(m, IFLA_GRE_ENCAP_SPORT, htons(t.encap_sport));
	rc |= nla_put_u16(m, IFLA_GRE_ENCAP_DPORT, htons(t.encap_dport));
	return rc ? nsh_err(r->sh, "out of memory") : 0;
}

/* hoplimit … tclass … flowlabel …: what ip6gre and ip6tnl print alike
 * (ATTR_*: their attribute numbers) */
void link_ip6_tunnel_print(struct nlattr **tb, int ttl_attr, int elim_attr,
			   int flowinfo_attr, uint32_t flags)
{
	uint32_t flowinfo = 0;
	uint8_t ttl = 0;
	char b[16];

	if (tb[flowinfo_attr])
		flowinfo = nla_get_u32(tb[flowinfo_attr]);
	if (tb[ttl_attr])
		ttl = nla_get_u8(tb[ttl_attr]);
	if (pr_json() || ttl)
		pr_uint(PR_ANY, "ttl", "hoplimit %u ", ttl);
	else
		pr_string(PR_FP, NULL, "hoplimit %s ", "inherit");
	if (flags & IP6_TNL_F_IGN_ENCAP_LIMIT)
		pr_bool(PR_ANY, "ip6_tnl_f_ign_encap_limit", "encaplimit none ",
			true);
	else if (tb[elim_attr])
		pr_uint(PR_ANY, "encap_limit", "encaplimit %u ",
			nla_get_u8(tb[elim_attr]));
	if (flags & IP6_TNL_F_USE_ORIG_TCLASS) {
		pr_bool(PR_ANY, "ip6_tnl_f_use_orig_tclass", "tclass inherit ",
			true);
	} else if (tb[flowinfo_attr]) {
		snprintf(b, sizeof(b), "0x%02x",
			 ntohl(flowinfo & htonl(0x0ff00000)) >> 20);
		pr_string(PR_ANY, "tclass", "tclass %s ", b);
	}
	if (flags & IP6_TNL_F_USE_ORIG_FLOWLABEL) {
		pr_bool(PR_ANY, "ip6_tnl_f_use_orig_flowlabel",
			"flowlabel inherit ", true);
	} else if (tb[flowinfo_attr]) {
		snprintf(b, sizeof(b), "0x%05x",
			 ntohl(flowinfo & htonl(0x000fffff)));
		pr_string(PR_ANY, "flowlabel", "flowlabel %s ", b);
	}
	if (flags & IP6_TNL_F_RCV_DSCP_COPY)
		pr_bool(PR_ANY, "ip6_tnl_f_rcv_dscp_copy", "dscp inherit ",
			true);
}

/* ip -d link: iproute2's gre_print_opt (link_gre6.c) */
static void gre6_print(struct link_pr *c, struct nlattr **tb)
{
	uint32_t flags = 0;

	if (!tb)
		return;
	if (tb[IFLA_GRE_COLLECT_METADATA])
		pr_bool(PR_ANY, "external", "external ", true);
	if (tb[IFLA_GRE_FLAGS])
		flags = nla_get_u32(tb[IFLA_GRE_FLAGS]);
	tnl_print_endpoint("remote", tb[IFLA_GRE_REMOTE], AF_INET6);
	tnl_print_endpoint("local", tb[IFLA_GRE_LOCAL], AF_INET6);
	if (tb[IFLA_GRE_LINK] && nla_get_u32(tb[IFLA_GRE_LINK]))
		pr_string(PR_ANY, "link", "dev %s ",
			  link_pr_ifname(c, nla_get_u32(tb[IFLA_GRE_LINK])));
	link_ip6_tunnel_print(tb, IFLA_GRE_TTL, IFLA_GRE_ENCAP_LIMIT,
			      IFLA_GRE_FLOWINFO, flags);
	link_gre_print_common(tb);
	if (flags & IP6_TNL_F_ALLOW_LOCAL_REMOTE)
		pr_bool(PR_ANY, "ip6_tnl_f_allow_local_remote",
			"allow-localremote ", true);
	if (flags & IP6_TNL_F_USE_ORIG_FWMARK)
		pr_bool(PR_ANY, "ip6_tnl_f_use_orig_fwmark", "fwmark inherit ",
			true);
	else if (tb[IFLA_GRE_FWMARK] && nla_get_u32(tb[IFLA_GRE_FWMARK]))
		pr_0xhex(PR_ANY, "fwmark", "fwmark %#llx ",
			 nla_get_u32(tb[IFLA_GRE_FWMARK]));
	link_gre_print_erspan(tb);
}

const struct link_kind ip6gre_kind = {
	.name = "ip6gre",
	.summary = "IP over GRE over IPv6",
	.opts = &gre6_opts,
	.put = gre6_put,
	.print = gre6_print,
	.maxattr = IFLA_GRE_MAX,
	.driver = "ip6_gre",
};

const struct link_kind ip6gretap_kind = {
	.name = "ip6gretap",
	.summary = "Ethernet over GRE over IPv6",
	.opts = &gre6_opts,
	.put = gre6_put,
	.print = gre6_print,
	.maxattr = IFLA_GRE_MAX,
	.driver = "ip6_gre",
};

const struct link_kind ip6erspan_kind = {
	.name = "ip6erspan",
	.summary = "ERSPAN mirroring over GRE over IPv6",
	.opts = &gre6_opts,
	.put = gre6_put,
	.print = gre6_print,
	.maxattr = IFLA_GRE_MAX,
	.driver = "ip6_gre",
};
