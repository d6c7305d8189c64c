/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_gre.c - `type gre|gretap|erspan [remote ADDR] [local ADDR] [[i|o]key
 * KEY] [[no][i|o]seq] [[no][i|o]csum] [ttl TTL] [tos TOS] [[no]pmtudisc]
 * [dev LINK] [encap …] [external] [fwmark MARK] …`: GRE over IPv4, as
 * iproute2's ip/link_gre.c parses it (a change starts from the link's own
 * settings and sends them all) and prints it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

#define M IPL_PREFIX
#define MA (IPL_PREFIX | IPL_ALIAS)

/* the options of gre and gretap, in link_gre.c's order */
#define GRE_ROWS(ADDR)                                                         \
	{ "key", M, "GREKEY", TN_KEY, "the key, both ways" },                  \
	{ "nokey", M, NULL, TN_KEY, NULL },                                    \
	{ "ikey", M, "GREKEY", TN_KEY, "the key of received packets" },        \
	{ "noikey", M, NULL, TN_KEY, NULL },                                   \
	{ "okey", M, "GREKEY", TN_KEY, "the key of sent packets" },            \
	{ "nookey", M, NULL, TN_KEY, NULL },                                   \
	{ "seq", M, NULL, TN_SEQ, "sequence numbers, both ways" },             \
	{ "noseq", M, NULL, TN_SEQ, NULL },                                    \
	{ "iseq", M, NULL, TN_SEQ, NULL },                                     \
	{ "noiseq", M, NULL, TN_SEQ, NULL },                                   \
	{ "oseq", M, NULL, TN_SEQ, NULL },                                     \
	{ "nooseq", M, NULL, TN_SEQ, NULL },                                   \
	{ "csum", M, NULL, TN_CSUM, "checksums, both ways" },                  \
	{ "nocsum", M, NULL, TN_CSUM, NULL },                                  \
	{ "icsum", M, NULL, TN_CSUM, NULL },                                   \
	{ "noicsum", M, NULL, TN_CSUM, NULL },                                 \
	{ "ocsum", M, NULL, TN_CSUM, NULL },                                   \
	{ "noocsum", M, NULL, TN_CSUM, NULL }

#define ENCAP_ROWS                                                             \
	{ "noencap", 0, NULL, TN_NOENCAP, "no UDP encapsulation" },            \
	{ "encap", 0, "fou|gue|none", TN_ENCAP, "UDP encapsulation" },         \
	{ "encap-sport", 0, "PORTAUTO", TN_ENCAP_SPORT, NULL },                \
	{ "encap-dport", 0, "NUM16", TN_ENCAP_DPORT, NULL },                   \
	{ "encap-csum", 0, NULL, TN_ENCAP_FLAG, NULL },                        \
	{ "noencap-csum", 0, NULL, TN_ENCAP_FLAG, NULL },                      \
	{ "encap-udp6-csum", 0, NULL, TN_ENCAP_FLAG, NULL },                   \
	{ "noencap-udp6-csum", 0, NULL, TN_ENCAP_FLAG, NULL },                 \
	{ "encap-remcsum", 0, NULL, TN_ENCAP_FLAG, NULL },                     \
	{ "noencap-remcsum", 0, NULL, TN_ENCAP_FLAG, NULL }

#define GRE4_ROWS                                                              \
	GRE_ROWS(),                                                            \
	{ "nopmtudisc", M, NULL, TN_PMTUDISC, "no path MTU discovery" },       \
	{ "pmtudisc", M, NULL, TN_PMTUDISC, NULL },                            \
	{ "remote", M, "ADDR4ANY", TN_REMOTE, "the other end" },               \
	{ "local", M, "ADDR4ANY", TN_LOCAL, "this end" },                      \
	{ "dev", M, "DEV", TN_DEV, "the link to send on" },                    \
	{ "ttl", M, "HOPLIMIT", TN_TTL, "TTL, or inherit" },                   \
	{ "hoplimit", MA, "HOPLIMIT", TN_TTL },                                \
	{ "hlim", MA, "HOPLIMIT", TN_TTL },                                    \
	{ "tos", M, "TOS", TN_TOS, "TOS, or inherit" },                        \
	{ "tclass", MA, "TOS", TN_TOS },                                       \
	{ "dsfield", MA, "TOS", TN_TOS },                                      \
	ENCAP_ROWS,                                                            \
	{ "external", 0, NULL, TN_EXTERNAL, "metadata mode" },                 \
	{ "ignore-df", 0, NULL, TN_IGNDF, "send with DF cleared" },            \
	{ "noignore-df", 0, NULL, TN_IGNDF, NULL },                            \
	{ "fwmark", 0, "NUM", TN_FWMARK, "the firewall mark" }

#define ERSPAN_ROWS                                                            \
	{ "erspan", 0, "NUM", TN_ERSPAN, "the ERSPAN index (version 1)" },     \
	{ "erspan_ver", 0, "NUM8", TN_ERSPAN_VER, "0, 1 or 2" },               \
	{ "erspan_dir", 0, "ERSPANDIR", TN_ERSPAN_DIR, "ingress or egress" },  \
	{ "erspan_hwid", 0, "NUM16", TN_ERSPAN_HWID, "the hardware ID" }

static const struct ipl_opt gre_rows[] = {
	GRE4_ROWS,
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_opt erspan_rows[] = {
	GRE4_ROWS,
	ERSPAN_ROWS,
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table gre_opts = { "type gre", gre_rows };
static const struct ipl_table erspan_opts = { "type erspan", erspan_rows };

/* the settings of the link being changed */
static int load(struct link_req *r, struct tnl *t)
{
	_cleanup_free_ struct nlmsghdr *keep = NULL;
	struct nlattr *tb[IFLA_GRE_MAX + 1];

	if (tnl_existing(r, tb, IFLA_GRE_MAX, &keep))
		return 1;
	if (tb[IFLA_GRE_LOCAL] && nla_len(tb[IFLA_GRE_LOCAL]) == 4) {
		memcpy(t->local, nla_data(tb[IFLA_GRE_LOCAL]), 4);
		t->have_local = nla_get_u32(tb[IFLA_GRE_LOCAL]) != 0;
	}
	if (tb[IFLA_GRE_REMOTE] && nla_len(tb[IFLA_GRE_REMOTE]) == 4) {
		memcpy(t->remote, nla_data(tb[IFLA_GRE_REMOTE]), 4);
		t->have_remote = nla_get_u32(tb[IFLA_GRE_REMOTE]) != 0;
	}
#define GET(attr, field, get)                                                  \
	do {                                                                   \
		if (tb[attr])                                                  \
			t->field = get(tb[attr]);                              \
	} while (0)
	GET(IFLA_GRE_IKEY, ikey, nla_get_u32);
	GET(IFLA_GRE_OKEY, okey, nla_get_u32);
	GET(IFLA_GRE_IFLAGS, iflags, nla_get_u16);
	GET(IFLA_GRE_OFLAGS, oflags, nla_get_u16);
	GET(IFLA_GRE_PMTUDISC, pmtudisc, nla_get_u8);
	GET(IFLA_GRE_TOS, tos, nla_get_u8);
	GET(IFLA_GRE_TTL, ttl, nla_get_u8);
	GET(IFLA_GRE_LINK, link, nla_get_u32);
	GET(IFLA_GRE_ENCAP_TYPE, encap_type, nla_get_u16);
	GET(IFLA_GRE_ENCAP_FLAGS, encap_flags, nla_get_u16);
	/* iproute2 keeps the ports as the kernel sends them (network
	 * order) and sends them back through htons() */
	GET(IFLA_GRE_ENCAP_SPORT, encap_sport, nla_get_u16);
	GET(IFLA_GRE_ENCAP_DPORT, encap_dport, nla_get_u16);
	GET(IFLA_GRE_FWMARK, fwmark, nla_get_u32);
	GET(IFLA_GRE_ERSPAN_INDEX, erspan_idx, nla_get_u32);
	GET(IFLA_GRE_ERSPAN_VER, erspan_ver, nla_get_u8);
	GET(IFLA_GRE_ERSPAN_DIR, erspan_dir, nla_get_u8);
	GET(IFLA_GRE_ERSPAN_HWID, erspan_hwid, nla_get_u16);
#undef GET
	if (tb[IFLA_GRE_IGNORE_DF])
		t->ignore_df = !!nla_get_u8(tb[IFLA_GRE_IGNORE_DF]);
	if (tb[IFLA_GRE_COLLECT_METADATA])
		t->metadata = true;
	return 0;
}

/* a multicast remote is also the keys not given (iproute2's
 * gre_parse_opt), and needs a local address: 0, or 1 after reporting */
static int multicast_keys(struct link_req *r, struct tnl *t)
{
	uint32_t d;

	if (!t->have_remote || (t->remote[0] & 0xf0) != 0xe0)
		return 0;
	memcpy(&d, t->remote, 4);
	if (!t->ikey) {
		t->ikey = d;
		t->iflags |= GRE_KEY;
	}
	if (!t->okey) {
		t->okey = d;
		t->oflags |= GRE_KEY;
	}
	if (!t->have_local)
		return nsh_err(r->sh, "a multicast tunnel needs a source "
				      "address ('local ADDR')");
	return 0;
}

/* the ERSPAN version and its fields: 0, or nonzero when M is full */
static int put_erspan(struct nl_msg *m, const struct tnl *t)
{
	int rc = nla_put_u8(m, IFLA_GRE_ERSPAN_VER, t->erspan_ver);

	if (t->erspan_ver == 1 && t->erspan_idx) {
		rc |= nla_put_u32(m, IFLA_GRE_ERSPAN_INDEX, t->erspan_idx);
	} else if (t->erspan_ver == 2) {
		rc |= nla_put_u8(m, IFLA_GRE_ERSPAN_DIR, t->erspan_dir);
		rc |= nla_put_u16(m, IFLA_GRE_ERSPAN_HWID, t->erspan_hwid);
	}
	return rc;
}

/* the tunnel's attributes, all of them as iproute2 sends them: 0, or
 * nonzero when M is full */
static int put_tunnel(struct nl_msg *m, const struct tnl *t, bool erspan)
{
	int rc = 0;

	rc |= nla_put_u32(m, IFLA_GRE_IKEY, t->ikey);
	rc |= nla_put_u32(m, IFLA_GRE_OKEY, t->okey);
	rc |= nla_put_u16(m, IFLA_GRE_IFLAGS, t->iflags);
	rc |= nla_put_u16(m, IFLA_GRE_OFLAGS, t->oflags);
	if (t->have_local)
		rc |= nla_put(m, IFLA_GRE_LOCAL, 4, t->local);
	if (t->have_remote)
		rc |= nla_put(m, IFLA_GRE_REMOTE, 4, t->remote);
	rc |= nla_put_u8(m, IFLA_GRE_PMTUDISC, t->pmtudisc);
	if (t->ignore_df)
		rc |= nla_put_u8(m, IFLA_GRE_IGNORE_DF, t->ignore_df & 1);
	rc |= nla_put_u8(m, IFLA_GRE_TOS, t->tos);
	if (t->link)
		rc |= nla_put_u32(m, IFLA_GRE_LINK, t->link);
	rc |= nla_put_u8(m, IFLA_GRE_TTL, t->ttl);
	rc |= nla_put_u32(m, IFLA_GRE_FWMARK, t->fwmark);
	if (erspan)
		rc |= put_erspan(m, t);
	rc |= nla_put_u16(m, IFLA_GRE_ENCAP_TYPE, t->encap_type);
	rc |= nla_put_u16(m, IFLA_GRE_ENCAP_FLAGS, t->encap_flags);
	rc |= nla_put_u16(m, IFLA_GRE_ENCAP_SPORT, htons(t->encap_sport));
	rc |= nla_put_u16(m, IFLA_GRE_ENCAP_DPORT, htons(t->encap_dport));
	return rc;
}

/* the settings (the link's own, for a change), the line's options on
 * them, then all of them into the request */
static int put(struct link_req *r, bool erspan)
{
	struct tnl t = { .family = AF_INET, .pmtudisc = 1, .erspan_ver = 1 };

	if (!r->create && load(r, &t))
		return 1;
	for (int i = r->from; i < r->to; i = ipl_next(r->a, i))
		if (tnl_apply(r, &t, i))
			return 1;
	if (multicast_keys(r, &t))
		return 1;
	if (t.metadata)
		return nla_put_flag(r->msg, IFLA_GRE_COLLECT_METADATA) < 0 ?
			       nsh_err(r->sh, "out of memory") :
			       0;
	return put_tunnel(r->msg, &t, erspan) ? nsh_err(r->sh, "out of memory")
					      : 0;
}

static int gre_put(struct link_req *r)
{
	return put(r, false);
}

static int erspan_put(struct link_req *r)
{
	return put(r, true);
}

/* the keys, flags and ERSPAN fields both GRE printers share */
void link_gre_print_common(struct nlattr **tb)
{
	uint16_t iflags = 0, oflags = 0;
	char b[INET_ADDRSTRLEN];

	if (tb[IFLA_GRE_IFLAGS])
		iflags = nla_get_u16(tb[IFLA_GRE_IFLAGS]);
	if (tb[IFLA_GRE_OFLAGS])
		oflags = nla_get_u16(tb[IFLA_GRE_OFLAGS]);
	if ((iflags & GRE_KEY) && tb[IFLA_GRE_IKEY])
		pr_string(PR_ANY, "ikey", "ikey %s ",
			  inet_ntop(AF_INET, nla_data(tb[IFLA_GRE_IKEY]), b,
				    sizeof(b)));
	if ((oflags & GRE_KEY) && tb[IFLA_GRE_OKEY])
		pr_string(PR_ANY, "okey", "okey %s ",
			  inet_ntop(AF_INET, nla_data(tb[IFLA_GRE_OKEY]), b,
				    sizeof(b)));
	if (iflags & GRE_SEQ)
		pr_bool(PR_ANY, "iseq", "iseq ", true);
	if (oflags & GRE_SEQ)
		pr_bool(PR_ANY, "oseq", "oseq ", true);
	if (iflags & GRE_CSUM)
		pr_bool(PR_ANY, "icsum", "icsum ", true);
	if (oflags & GRE_CSUM)
		pr_bool(PR_ANY, "ocsum", "ocsum ", true);
}

void link_gre_print_erspan(struct nlattr **tb)
{
	if (tb[IFLA_GRE_ERSPAN_INDEX])
		pr_uint(PR_ANY, "erspan_index", "erspan_index %u ",
			nla_get_u32(tb[IFLA_GRE_ERSPAN_INDEX]));
	if (tb[IFLA_GRE_ERSPAN_VER])
		pr_uint(PR_ANY, "erspan_ver", "erspan_ver %u ",
			nla_get_u8(tb[IFLA_GRE_ERSPAN_VER]));
	if (tb[IFLA_GRE_ERSPAN_DIR])
		pr_string(PR_ANY, "erspan_dir", "erspan_dir %s ",
			  nla_get_u8(tb[IFLA_GRE_ERSPAN_DIR]) ? "egress" :
								"ingress");
	if (tb[IFLA_GRE_ERSPAN_HWID])
		pr_0xhex(PR_ANY, "erspan_hwid", "erspan_hwid %#llx ",
			 nla_get_u16(tb[IFLA_GRE_ERSPAN_HWID]));
	tnl_print_encap(tb, IFLA_GRE_ENCAP_TYPE, IFLA_GRE_ENCAP_FLAGS,
			IFLA_GRE_ENCAP_SPORT, IFLA_GRE_ENCAP_DPORT);
}

/* ip -d link: iproute2's gre_print_opt (link_gre.c) */
static void gre_print(struct link_pr *c, struct nlattr **tb)
{
	uint8_t ttl = 0, tos = 0;

	if (!tb)
		return;
	if (tb[IFLA_GRE_COLLECT_METADATA])
		pr_bool(PR_ANY, "external", "external ", true);
	tnl_print_endpoint("remote", tb[IFLA_GRE_REMOTE], AF_INET);
	tnl_print_endpoint("local", tb[IFLA_GRE_LOCAL], AF_INET);
	if (tb[IFLA_GRE_LINK] && nla_get_u32(tb[IFLA_GRE_LINK]))
		pr_string(PR_ANY, "link", "dev %s ",
			  link_pr_ifname(c, nla_get_u32(tb[IFLA_GRE_LINK])));
	if (tb[IFLA_GRE_TTL])
		ttl = nla_get_u8(tb[IFLA_GRE_TTL]);
	if (pr_json() || ttl)
		pr_uint(PR_ANY, "ttl", "ttl %u ", ttl);
	else
		pr_string(PR_FP, NULL, "ttl %s ", "inherit");
	if (tb[IFLA_GRE_TOS])
		tos = nla_get_u8(tb[IFLA_GRE_TOS]);
	if (tos) {
		if (pr_json() || tos != 1)
			pr_0xhex(PR_ANY, "tos", "tos %#llx ", tos);
		else
			pr_string(PR_FP, NULL, "tos %s ", "inherit");
	}
	if (tb[IFLA_GRE_PMTUDISC]) {
		if (!nla_get_u8(tb[IFLA_GRE_PMTUDISC]))
			pr_bool(PR_ANY, "pmtudisc", "nopmtudisc ", false);
		else
			pr_bool(PR_JSON, "pmtudisc", NULL, true);
	}
	if (tb[IFLA_GRE_IGNORE_DF] && nla_get_u8(tb[IFLA_GRE_IGNORE_DF]))
		pr_bool(PR_ANY, "ignore_df", "ignore-df ", true);
	link_gre_print_common(tb);
	if (tb[IFLA_GRE_FWMARK] && nla_get_u32(tb[IFLA_GRE_FWMARK]))
		pr_0xhex(PR_ANY, "fwmark", "fwmark %#llx ",
			 nla_get_u32(tb[IFLA_GRE_FWMARK]));
	link_gre_print_erspan(tb);
}

const struct link_kind gre_kind = {
	.name = "gre",
	.summary = "IP over GRE over IPv4 (remote, local, key, ttl …)",
	.opts = &gre_opts,
	.put = gre_put,
	.print = gre_print,
	.maxattr = IFLA_GRE_MAX,
	.driver = "ip_gre",
};

const struct link_kind gretap_kind = {
	.name = "gretap",
	.summary = "Ethernet over GRE over IPv4",
	.opts = &gre_opts,
	.put = gre_put,
	.print = gre_print,
	.maxattr = IFLA_GRE_MAX,
	.driver = "ip_gre",
};

const struct link_kind erspan_kind = {
	.name = "erspan",
	.summary = "ERSPAN mirroring over GRE over IPv4",
	.opts = &erspan_opts,
	.put = erspan_put,
	.print = gre_print,
	.maxattr = IFLA_GRE_MAX,
	.driver = "ip_gre",
};
