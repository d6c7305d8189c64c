/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_iptnl.c - `type ipip|sit [mode MODE] [remote ADDR] [local ADDR]
 * [dev LINK] [ttl TTL] [tos TOS] [[no]pmtudisc] [isatap] [6rd-prefix …]
 * [encap …] [external] [fwmark MARK]`: IP over IPv4, as iproute2's
 * ip/link_iptnl.c parses it (a change starts from the link's own
 * settings) and prints it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

#define IPIP_MODES "ipv4/ipv4|ipip|ip4ip4|mpls/ipv4|mplsip|any/ipv4|any"

#define IPTNL_ROWS(MODES)                                                      \
	{ "mode", 0, MODES, TN_MODE, "what it carries" },                      \
	{ "remote", 0, "ADDR4ANY", TN_REMOTE, "the other end" },               \
	{ "local", 0, "ADDR4ANY", TN_LOCAL, "this end" },                      \
	{ "dev", IPL_PREFIX, "DEV", TN_DEV, "the link to send on" },           \
	{ "ttl", 0, "HOPLIMIT", TN_TTL, "TTL, or inherit" },                   \
	{ "hoplimit", IPL_ALIAS, "HOPLIMIT", TN_TTL },                         \
	{ "hlim", IPL_ALIAS, "HOPLIMIT", TN_TTL },                             \
	{ "tos", 0, "TOS", TN_TOS, "TOS, or inherit" },                        \
	{ "tclass", IPL_ALIAS, "TOS", TN_TOS },                                \
	{ "tc", IPL_ALIAS, "TOS", TN_TOS },                                    \
	{ "dsfield", IPL_PREFIX | IPL_ALIAS, "TOS", TN_TOS },                  \
	{ "nopmtudisc", 0, NULL, TN_PMTUDISC, "no path MTU discovery" },       \
	{ "pmtudisc", 0, NULL, TN_PMTUDISC, NULL }

#define IPTNL_TAIL_ROWS                                                        \
	{ "noencap", 0, NULL, TN_NOENCAP, "no UDP encapsulation" },            \
	{ "encap", 0, "fou|gue|none", TN_ENCAP, "UDP encapsulation" },         \
	{ "encap-sport", 0, "PORTAUTO", TN_ENCAP_SPORT, NULL },                \
	{ "encap-dport", 0, "NUM16", TN_ENCAP_DPORT, NULL },                   \
	{ "encap-csum", 0, NULL, TN_ENCAP_FLAG, NULL },                        \
	{ "noencap-csum", 0, NULL, TN_ENCAP_FLAG, NULL },                      \
	{ "encap-udp6-csum", 0, NULL, TN_ENCAP_FLAG, NULL },                   \
	{ "noencap-udp6-csum", 0, NULL, TN_ENCAP_FLAG, NULL },                 \
	{ "encap-remcsum", 0, NULL, TN_ENCAP_FLAG, NULL },                     \
	{ "noencap-remcsum", 0, NULL, TN_ENCAP_FLAG, NULL },                   \
	{ "external", 0, NULL, TN_EXTERNAL, "metadata mode" },                 \
	{ "6rd-prefix", 0, "IFADDR", TN_6RD_PREFIX, "the 6rd IPv6 prefix" },   \
	{ "6rd-relay_prefix", 0, "IFADDR", TN_6RD_RELAY,                       \
	  "the 6rd IPv4 relay prefix" },                                       \
	{ "6rd-reset", 0, NULL, TN_6RD_RESET, "the default 6rd prefix" },      \
	{ "fwmark", 0, "NUM", TN_FWMARK, "the firewall mark" },                \
	LINK_KIND_HELP,                                                        \
	{ NULL }

static const struct ipl_opt ipip_rows[] = {
	IPTNL_ROWS(IPIP_MODES),
	IPTNL_TAIL_ROWS,
};

static const struct ipl_opt sit_rows[] = {
	IPTNL_ROWS("ipv6/ipv4|ip6ip|" IPIP_MODES),
	{ "isatap", 0, NULL, TN_ISATAP, "ISATAP" },
	IPTNL_TAIL_ROWS,
};

static const struct ipl_table ipip_opts = { "type ipip", ipip_rows };
static const struct ipl_table sit_opts = { "type sit", sit_rows };

/* the protocol a mode word names (ipip's and sit's, and ip6tnl's) */
int link_tunnel_mode(const char *w)
{
	static const struct {
		const char *w;
		int proto;
	} modes[] = {
		{ "ipv6/ipv4", IPPROTO_IPV6 }, { "ip6ip", IPPROTO_IPV6 },
		{ "ipv4/ipv4", IPPROTO_IPIP }, { "ipip", IPPROTO_IPIP },
		{ "ip4ip4", IPPROTO_IPIP }, { "mpls/ipv4", IPPROTO_MPLS },
		{ "mplsip", IPPROTO_MPLS }, { "any/ipv4", 0 }, { "any", 0 },
		{ "ipv6/ipv6", IPPROTO_IPV6 }, { "ip6ip6", IPPROTO_IPV6 },
		{ "ip/ipv6", IPPROTO_IPIP }, { "ipv4/ipv6", IPPROTO_IPIP },
		{ "ipip6", IPPROTO_IPIP }, { "ip4ip6", IPPROTO_IPIP },
		{ "any/ipv6", 0 },
	};

	for (size_t i = 0; i < ARRAY_SIZE(modes); i++)
		if (streq(modes[i].w, w))
			return modes[i].proto;
	return 0;
}

static int load(struct link_req *r, struct tnl *t)
{
	_cleanup_free_ struct nlmsghdr *keep = NULL;
	struct nlattr *tb[IFLA_IPTUN_MAX + 1];

	if (tnl_existing(r, tb, IFLA_IPTUN_MAX, &keep))
		return 1;
	if (tb[IFLA_IPTUN_LOCAL] && nla_len(tb[IFLA_IPTUN_LOCAL]) == 4) {
		memcpy(t->local, nla_data(tb[IFLA_IPTUN_LOCAL]), 4);
		t->have_local = nla_get_u32(tb[IFLA_IPTUN_LOCAL]) != 0;
	}
	if (tb[IFLA_IPTUN_REMOTE] && nla_len(tb[IFLA_IPTUN_REMOTE]) == 4) {
		memcpy(t->remote, nla_data(tb[IFLA_IPTUN_REMOTE]), 4);
		t->have_remote = nla_get_u32(tb[IFLA_IPTUN_REMOTE]) != 0;
	}
	if (tb[IFLA_IPTUN_6RD_PREFIX] &&
	    nla_len(tb[IFLA_IPTUN_6RD_PREFIX]) == 16) {
		memcpy(t->prefix6, nla_data(tb[IFLA_IPTUN_6RD_PREFIX]), 16);
		t->have_prefix6 = true;
	}
	if (tb[IFLA_IPTUN_6RD_RELAY_PREFIX] &&
	    nla_len(tb[IFLA_IPTUN_6RD_RELAY_PREFIX]) == 4) {
		memcpy(t->relay4, nla_data(tb[IFLA_IPTUN_6RD_RELAY_PREFIX]), 4);
		t->have_relay4 = true;
	}
#define GET(attr, field, get)                                                  \
	do {                                                                   \
		if (tb[attr])                                                  \
			t->field = get(tb[attr]);                              \
	} while (0)
	GET(IFLA_IPTUN_6RD_PREFIXLEN, prefix6_len, nla_get_u16);
	GET(IFLA_IPTUN_6RD_RELAY_PREFIXLEN, relay4_len, nla_get_u16);
	GET(IFLA_IPTUN_TTL, ttl, nla_get_u8);
	GET(IFLA_IPTUN_PMTUDISC, pmtudisc, nla_get_u8);
	GET(IFLA_IPTUN_TOS, tos, nla_get_u8);
	GET(IFLA_IPTUN_FLAGS, sit_flags, nla_get_u16);
	GET(IFLA_IPTUN_LINK, link, nla_get_u32);
	GET(IFLA_IPTUN_PROTO, proto, nla_get_u8);
	GET(IFLA_IPTUN_ENCAP_TYPE, encap_type, nla_get_u16);
	GET(IFLA_IPTUN_ENCAP_FLAGS, encap_flags, nla_get_u16);
	/* as iproute2: the ports kept in network order, then htons'ed */
	GET(IFLA_IPTUN_ENCAP_SPORT, encap_sport, nla_get_u16);
	GET(IFLA_IPTUN_ENCAP_DPORT, encap_dport, nla_get_u16);
	GET(IFLA_IPTUN_FWMARK, fwmark, nla_get_u32);
#undef GET
	if (tb[IFLA_IPTUN_COLLECT_METADATA])
		t->metadata = true;
	return 0;
}

static int put(struct link_req *r, bool sit)
{
	struct tnl t = { .family = AF_INET, .pmtudisc = 1 };
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
	if (t.ttl && !t.pmtudisc)
		return nsh_err(r->sh, "'nopmtudisc': not with a TTL (ttl "
				      "inherit)");
	rc |= nla_put_u8(m, IFLA_IPTUN_PROTO, t.proto);
	if (t.metadata)
		return rc || nla_put_flag(m, IFLA_IPTUN_COLLECT_METADATA) < 0 ?
			       nsh_err(r->sh, "out of memory") :
			       0;
	if (t.have_local)
		rc |= nla_put(m, IFLA_IPTUN_LOCAL, 4, t.local);
	if (t.have_remote)
		rc |= nla_put(m, IFLA_IPTUN_REMOTE, 4, t.remote);
	rc |= nla_put_u8(m, IFLA_IPTUN_PMTUDISC, t.pmtudisc);
	rc |= nla_put_u8(m, IFLA_IPTUN_TOS, t.tos);
	rc |= nla_put_u8(m, IFLA_IPTUN_TTL, t.ttl);
	rc |= nla_put_u32(m, IFLA_IPTUN_LINK, t.link);
	rc |= nla_put_u32(m, IFLA_IPTUN_FWMARK, t.fwmark);
	rc |= nla_put_u16(m, IFLA_IPTUN_ENCAP_TYPE, t.encap_type);
	rc |= nla_put_u16(m, IFLA_IPTUN_ENCAP_FLAGS, t.encap_flags);
	rc |= nla_put_u16(m, IFLA_IPTUN_ENCAP_SPORT, htons(t.encap_sport));
	rc |= nla_put_u16(m, IFLA_IPTUN_ENCAP_DPORT, htons(t.encap_dport));
	if (sit) {
		rc |= nla_put_u16(m, IFLA_IPTUN_FLAGS, t.sit_flags);
		if (t.have_prefix6) {
			rc |= nla_put(m, IFLA_IPTUN_6RD_PREFIX, 16, t.prefix6);
			rc |= nla_put_u16(m, IFLA_IPTUN_6RD_PREFIXLEN,
					  t.prefix6_len);
		}
		if (t.have_relay4) {
			rc |= nla_put(m, IFLA_IPTUN_6RD_RELAY_PREFIX, 4,
				      t.relay4);
			rc |= nla_put_u16(m, IFLA_IPTUN_6RD_RELAY_PREFIXLEN,
					  t.relay4_len);
		}
	}
	return rc ? nsh_err(r->sh, "out of memory") : 0;
}

static int ipip_put(struct link_req *r)
{
	return put(r, false);
}

static int sit_put(struct link_req *r)
{
	return put(r, true);
}

static void print_6rd(struct nlattr **tb)
{
	char p[INET6_ADDRSTRLEN], q[INET_ADDRSTRLEN];
	uint16_t len, rlen = 0;
	uint32_t relay = 0;

	if (!tb[IFLA_IPTUN_6RD_PREFIXLEN] ||
	    !(len = nla_get_u16(tb[IFLA_IPTUN_6RD_PREFIXLEN])) ||
	    !tb[IFLA_IPTUN_6RD_PREFIX])
		return;
	if (tb[IFLA_IPTUN_6RD_RELAY_PREFIXLEN])
		rlen = nla_get_u16(tb[IFLA_IPTUN_6RD_RELAY_PREFIXLEN]);
	if (tb[IFLA_IPTUN_6RD_RELAY_PREFIX])
		relay = nla_get_u32(tb[IFLA_IPTUN_6RD_RELAY_PREFIX]);
	inet_ntop(AF_INET6, nla_data(tb[IFLA_IPTUN_6RD_PREFIX]), p, sizeof(p));
	inet_ntop(AF_INET, &relay, q, sizeof(q));
	if (pr_json()) {
		pr_string(PR_JSON, "prefix", NULL, p);
		pr_int(PR_JSON, "prefixlen", NULL, len);
		if (relay) {
			pr_string(PR_JSON, "relay_prefix", NULL, q);
			pr_int(PR_JSON, "relay_prefixlen", NULL, rlen);
		}
	} else {
		printf("6rd-prefix %s/%u ", p, len);
		if (relay)
			printf("6rd-relay_prefix %s/%u ", q, rlen);
	}
}

/* ip -d link: iproute2's iptunnel_print_opt */
static void iptnl_print(struct link_pr *c, struct nlattr **tb)
{
	uint8_t ttl = 0, tos = 0;

	if (!tb)
		return;
	if (tb[IFLA_IPTUN_COLLECT_METADATA])
		pr_bool(PR_ANY, "external", "external ", true);
	if (tb[IFLA_IPTUN_PROTO]) {
		switch (nla_get_u8(tb[IFLA_IPTUN_PROTO])) {
		case IPPROTO_IPIP:
			pr_string(PR_ANY, "proto", "%s ", "ipip");
			break;
		case IPPROTO_IPV6:
			pr_string(PR_ANY, "proto", "%s ", "ip6ip");
			break;
		case IPPROTO_MPLS:
			pr_string(PR_ANY, "proto", "%s ", "mplsip");
			break;
		case 0:
			pr_string(PR_ANY, "proto", "%s ", "any");
			break;
		}
	}
	tnl_print_endpoint("remote", tb[IFLA_IPTUN_REMOTE], AF_INET);
	tnl_print_endpoint("local", tb[IFLA_IPTUN_LOCAL], AF_INET);
	if (tb[IFLA_IPTUN_LINK] && nla_get_u32(tb[IFLA_IPTUN_LINK]))
		pr_string(PR_ANY, "link", "dev %s ",
			  link_pr_ifname(c, nla_get_u32(tb[IFLA_IPTUN_LINK])));
	if (tb[IFLA_IPTUN_TTL])
		ttl = nla_get_u8(tb[IFLA_IPTUN_TTL]);
	if (pr_json() || ttl)
		pr_uint(PR_ANY, "ttl", "ttl %u ", ttl);
	else
		pr_string(PR_FP, NULL, "ttl %s ", "inherit");
	if (tb[IFLA_IPTUN_TOS])
		tos = nla_get_u8(tb[IFLA_IPTUN_TOS]);
	if (tos) {
		if (pr_json() || tos != 1)
			pr_0xhex(PR_ANY, "tos", "tos %#llx ", tos);
		else
			pr_string(PR_FP, NULL, "tos %s ", "inherit");
	}
	if (tb[IFLA_IPTUN_PMTUDISC] && nla_get_u8(tb[IFLA_IPTUN_PMTUDISC]))
		pr_bool(PR_ANY, "pmtudisc", "pmtudisc ", true);
	else
		pr_bool(PR_ANY, "pmtudisc", "nopmtudisc ", false);
	if (tb[IFLA_IPTUN_FLAGS] &&
	    (nla_get_u16(tb[IFLA_IPTUN_FLAGS]) & SIT_ISATAP))
		pr_bool(PR_ANY, "isatap", "isatap ", true);
	print_6rd(tb);
	if (tb[IFLA_IPTUN_FWMARK] && nla_get_u32(tb[IFLA_IPTUN_FWMARK]))
		pr_0xhex(PR_ANY, "fwmark", "fwmark %#llx ",
			 nla_get_u32(tb[IFLA_IPTUN_FWMARK]));
	tnl_print_encap(tb, IFLA_IPTUN_ENCAP_TYPE, IFLA_IPTUN_ENCAP_FLAGS,
			IFLA_IPTUN_ENCAP_SPORT, IFLA_IPTUN_ENCAP_DPORT);
}

const struct link_kind ipip_kind = {
	.name = "ipip",
	.summary = "IPv4 over IPv4 (remote, local, ttl …)",
	.opts = &ipip_opts,
	.put = ipip_put,
	.print = iptnl_print,
	.maxattr = IFLA_IPTUN_MAX,
	.driver = "ipip",
};

const struct link_kind sit_kind = {
	.name = "sit",
	.summary = "IPv6 over IPv4 (6in4, 6rd, ISATAP)",
	.opts = &sit_opts,
	.put = sit_put,
	.print = iptnl_print,
	.maxattr = IFLA_IPTUN_MAX,
	.driver = "sit",
};
