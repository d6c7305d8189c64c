/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_geneve.c - `type geneve id VNI remote ADDR [ttl TTL] [tos TOS] [df
 * DF] [flowlabel LABEL] [dstport PORT] [[no]external] [[no]udpcsum] …`:
 * Ethernet over Geneve (UDP), as iproute2's ip/iplink_geneve.c parses
 * and prints it.
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
	GV_ID = LK_KIND_BASE, GV_REMOTE, GV_TTL, GV_TOS, GV_DF, GV_LABEL,
	GV_DSTPORT, GV_EXTERNAL, GV_UDPCSUM, GV_ZCSUM6TX, GV_ZCSUM6RX,
	GV_INNERPROTO,
};

#define P (IPL_PREFIX | IPL_ONCE)
#define PA (IPL_PREFIX | IPL_ONCE | IPL_ALIAS)

static const struct ipl_opt geneve_rows[] = {
	{ "id", P, "VNI", GV_ID, "the network identifier (0-16777215)" },
	{ "vni", PA, "VNI", GV_ID },
	{ "remote", P, "ADDR", GV_REMOTE, "the other end" },
	{ "ttl", P, "TTL", GV_TTL, "TTL: 1-255, auto or inherit" },
	{ "hoplimit", PA, "TTL", GV_TTL },
	{ "tos", P, "TOS", GV_TOS, "TOS, or inherit" },
	{ "dsfield", PA, "TOS", GV_TOS },
	{ "df", P, "unset|set|inherit", GV_DF, "the DF bit" },
	{ "label", PA, "FLOWLABEL", GV_LABEL },
	{ "flowlabel", P, "FLOWLABEL", GV_LABEL, "the IPv6 flow label" },
	{ "dstport", P, "NUM16", GV_DSTPORT, "the UDP port (6081)" },
	{ "external", P, NULL, GV_EXTERNAL, "metadata mode (no VNI)" },
	{ "noexternal", P, NULL, GV_EXTERNAL, NULL },
	{ "udpcsum", P, NULL, GV_UDPCSUM, "UDP checksums over IPv4" },
	{ "noudpcsum", P, NULL, GV_UDPCSUM, NULL },
	{ "udp6zerocsumtx", P, NULL, GV_ZCSUM6TX, NULL },
	{ "noudp6zerocsumtx", P, NULL, GV_ZCSUM6TX, NULL },
	{ "udp6zerocsumrx", P, NULL, GV_ZCSUM6RX, NULL },
	{ "noudp6zerocsumrx", P, NULL, GV_ZCSUM6RX, NULL },
	{ "innerprotoinherit", IPL_ONCE, NULL, GV_INNERPROTO,
	  "carry the inner protocol (no Ethernet header)" },
	LINK_KIND_HELP,
	{ NULL },
};

static const struct ipl_table geneve_opts = { "type geneve", geneve_rows };

/* what geneve_put gathers from the words */
struct gv {
	const struct nsh_val *remote;
	bool metadata, have_id, have_label, have_ttl, have_tos, inner;
	int have_csum[3];
	uint32_t vni, label;
	uint8_t ttl, tos;
	uint16_t dstport;
};

/* one word (binding I) into G (ttl inherit, df: into the request): 0, 1
 * after reporting, or a negative libnl error */
static int gv_word(struct link_req *r, int i, struct gv *g)
{
	const struct ipl_opt *o = r->a->bind[i].opt;
	const struct nsh_val *v = ipl_arg(r->a, i, 0);
	bool yes = strncmp(o->kw, "no", 2) != 0;

	switch (o->key) {
	case GV_ID:
		g->vni = (uint32_t)v->num;
		g->have_id = true;
		break;
	case GV_REMOTE:
		if ((v->pfx.family == AF_INET &&
		     (v->pfx.addr[0] & 0xf0) == 0xe0) ||
		    (v->pfx.family == AF_INET6 && v->pfx.addr[0] == 0xff))
			return nsh_err(r->sh, "'%s': not a unicast address",
				       v->text);
		g->remote = v;
		break;
	case GV_TTL:
		g->have_ttl = true;
		if (v->special == 'i')
			return nla_put_u8(r->msg, IFLA_GENEVE_TTL_INHERIT, 1);
		g->ttl = (uint8_t)v->num;
		break;
	case GV_TOS:
		g->have_tos = true;
		g->tos = (uint8_t)v->num;
		break;
	case GV_DF:
		return nla_put_u8(r->msg, IFLA_GENEVE_DF,
				  streq(v->text, "unset") ? GENEVE_DF_UNSET :
				  streq(v->text, "set")	  ? GENEVE_DF_SET :
							    GENEVE_DF_INHERIT);
	case GV_LABEL:
		g->have_label = true;
		g->label = htonl((uint32_t)v->num);
		break;
	case GV_DSTPORT:
		g->dstport = (uint16_t)v->num;
		break;
	case GV_EXTERNAL:
		g->metadata = yes;
		break;
	case GV_UDPCSUM:
	case GV_ZCSUM6TX:
	case GV_ZCSUM6RX:
		g->have_csum[o->key - GV_UDPCSUM] = yes;
		break;
	case GV_INNERPROTO:
		g->inner = true;
		break;
	}
	return 0;
}

/* the attributes after the words, in iproute2's order: 0 or a negative
 * libnl error */
static int gv_put_last(struct link_req *r, const struct gv *g, bool set_op)
{
	struct nl_msg *m = r->msg;
	int rc = nla_put_u32(m, IFLA_GENEVE_ID, g->vni);

	if (rc >= 0 && g->remote)
		rc = g->remote->pfx.family == AF_INET ?
			     nla_put(m, IFLA_GENEVE_REMOTE, 4,
				     g->remote->pfx.addr) :
			     nla_put(m, IFLA_GENEVE_REMOTE6, 16,
				     g->remote->pfx.addr);
	if (rc >= 0 && (!set_op || g->have_label))
		rc = nla_put_u32(m, IFLA_GENEVE_LABEL, g->label);
	if (rc >= 0 && (!set_op || g->have_ttl))
		rc = nla_put_u8(m, IFLA_GENEVE_TTL, g->ttl);
	if (rc >= 0 && (!set_op || g->have_tos))
		rc = nla_put_u8(m, IFLA_GENEVE_TOS, g->tos);
	if (rc >= 0 && g->dstport)
		rc = nla_put_u16(m, IFLA_GENEVE_PORT, htons(g->dstport));
	if (rc >= 0 && g->metadata)
		rc = nla_put_flag(m, IFLA_GENEVE_COLLECT_METADATA);
	if (rc >= 0 && g->inner)
		rc = nla_put_flag(m, IFLA_GENEVE_INNER_PROTO_INHERIT);
	for (int k = 0; k < 3 && rc >= 0; k++)
		if (g->have_csum[k] >= 0)
			rc = nla_put_u8(m,
					k == 0 ? IFLA_GENEVE_UDP_CSUM :
					k == 1 ? IFLA_GENEVE_UDP_ZERO_CSUM6_TX :
						 IFLA_GENEVE_UDP_ZERO_CSUM6_RX,
					(uint8_t)g->have_csum[k]);
	return rc;
}

static int geneve_put(struct link_req *r)
{
	struct gv g = { .have_csum = { -1, -1, -1 } };
	bool set_op = !r->create;
	int rc = 0;

	for (int i = r->from; i < r->to && rc >= 0; i = ipl_next(r->a, i)) {
		rc = gv_word(r, i, &g);
		if (rc > 0)
			return 1;
	}
	if (g.metadata && g.have_id)
		return nsh_err(r->sh, "'external': not with a VNI ('id')");
	if (!g.metadata && !g.have_id)
		return nsh_err(r->sh, "missing the network identifier "
				      "('id VNI')");
	if (!g.metadata && !set_op && !g.remote)
		return nsh_err(r->sh, "missing the other end ('remote "
				      "ADDR')");
	if (rc >= 0)
		rc = gv_put_last(r, &g, set_op);
	return rc < 0 ? nsh_err(r->sh, "out of memory") : 0;
}

static void print_csum(struct nlattr **tb, int attr, const char *key,
		       const char *word)
{
	if (!tb[attr])
		return;
	if (pr_json())
		pr_bool(PR_JSON, key, NULL, nla_get_u8(tb[attr]));
	else
		printf("%s%s ", nla_get_u8(tb[attr]) ? "" : "no", word);
}

/* ip -d link: iproute2's geneve_print_opt */
/* the outer header: ttl, tos, df */
static void print_outer(struct nlattr **tb)
{
	uint8_t tos = 0;

	if (tb[IFLA_GENEVE_TTL_INHERIT] &&
	    nla_get_u8(tb[IFLA_GENEVE_TTL_INHERIT])) {
		pr_string(PR_FP, NULL, "ttl %s ", "inherit");
	} else if (tb[IFLA_GENEVE_TTL]) {
		uint8_t ttl = nla_get_u8(tb[IFLA_GENEVE_TTL]);

		if (pr_json() || ttl)
			pr_uint(PR_ANY, "ttl", "ttl %u ", ttl);
		else
			pr_string(PR_FP, NULL, "ttl %s ", "auto");
	}
	if (tb[IFLA_GENEVE_TOS])
		tos = nla_get_u8(tb[IFLA_GENEVE_TOS]);
	if (tos) {
		if (pr_json() || tos != 1)
			pr_0xhex(PR_ANY, "tos", "tos %#llx ", tos);
		else
			pr_string(PR_FP, NULL, "tos %s ", "inherit");
	}
	if (tb[IFLA_GENEVE_DF]) {
		uint8_t df = nla_get_u8(tb[IFLA_GENEVE_DF]);

		if (df == GENEVE_DF_UNSET)
			pr_string(PR_JSON, "df", "df %s ", "unset");
		else if (df == GENEVE_DF_SET)
			pr_string(PR_ANY, "df", "df %s ", "set");
		else if (df == GENEVE_DF_INHERIT)
			pr_string(PR_ANY, "df", "df %s ", "inherit");
	}
}

static void geneve_print(struct link_pr *c, struct nlattr **tb)
{
	char b[INET6_ADDRSTRLEN];

	if (!tb)
		return;
	if (tb[IFLA_GENEVE_COLLECT_METADATA])
		pr_bool(PR_ANY, "external", "external ", true);
	if (tb[IFLA_GENEVE_ID] && nla_len(tb[IFLA_GENEVE_ID]) >= 4)
		pr_uint(PR_ANY, "id", "id %u ",
			nla_get_u32(tb[IFLA_GENEVE_ID]));
	if (tb[IFLA_GENEVE_REMOTE]) {
		if (nla_get_u32(tb[IFLA_GENEVE_REMOTE]))
			pr_string(PR_ANY, "remote", "remote %s ",
				  inet_ntop(AF_INET,
					    nla_data(tb[IFLA_GENEVE_REMOTE]), b,
					    sizeof(b)));
	} else if (tb[IFLA_GENEVE_REMOTE6]) {
		const struct in6_addr *a6 = nla_data(tb[IFLA_GENEVE_REMOTE6]);

		if (!IN6_IS_ADDR_UNSPECIFIED(a6) && !IN6_IS_ADDR_MULTICAST(a6))
			pr_string(PR_ANY, "remote6", "remote %s ",
				  inet_ntop(AF_INET6, a6, b, sizeof(b)));
	}
	print_outer(tb);
	if (tb[IFLA_GENEVE_LABEL] && nla_get_u32(tb[IFLA_GENEVE_LABEL]))
		pr_0xhex(PR_ANY, "label", "flowlabel %#llx ",
			 ntohl(nla_get_u32(tb[IFLA_GENEVE_LABEL])));
	if (tb[IFLA_GENEVE_PORT])
		pr_uint(PR_ANY, "port", "dstport %u ",
			ntohs(nla_get_u16(tb[IFLA_GENEVE_PORT])));
	print_csum(tb, IFLA_GENEVE_UDP_CSUM, "udp_csum", "udpcsum");
	print_csum(tb, IFLA_GENEVE_UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx",
		   "udp6zerocsumtx");
	print_csum(tb, IFLA_GENEVE_UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx",
		   "udp6zerocsumrx");
	if (tb[IFLA_GENEVE_INNER_PROTO_INHERIT])
		pr_bool(PR_ANY, "inner_proto_inherit", "innerprotoinherit ",
			true);
}

const struct link_kind geneve_kind = {
	.name = "geneve",
	.summary = "Ethernet over Geneve (UDP): id VNI remote ADDR",
	.opts = &geneve_opts,
	.put = geneve_put,
	.print = geneve_print,
	.maxattr = IFLA_GENEVE_MAX,
	.driver = "geneve",
};
