/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_tunnel.c - what the IP tunnels share (iproute2's ip/tunnel.c and
 * the option loops of link_gre.c, link_gre6.c, link_iptnl.c,
 * link_ip6tnl.c): the options applied to a struct tnl, the link's own
 * settings read for `set`, the endpoints and the encapsulation printed.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/if_link.h>
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "link.h"

#define FLOWINFO_TCLASS htonl(0x0ff00000)
#define FLOWINFO_FLOWLABEL htonl(0x000fffff)

int tnl_existing(struct link_req *r, struct nlattr **tb, int maxattr,
		 struct nlmsghdr **keep)
{
	struct nlattr *ltb[IFLA_MAX + 1], *info[IFLA_INFO_MAX + 1];
	int ifindex = ((struct ifinfomsg *)nlmsg_data(nlmsg_hdr(r->msg)))
			      ->ifi_index;

	*keep = NULL;
	if (link_get_msg(ns_sock(r->sh), ifindex, NULL,
			 RTEXT_FILTER_SKIP_STATS, keep) < 0 ||
	    nlmsg_parse(*keep, sizeof(struct ifinfomsg), ltb, IFLA_MAX,
			NULL) < 0 ||
	    !ltb[IFLA_LINKINFO] ||
	    nla_parse_nested(info, IFLA_INFO_MAX, ltb[IFLA_LINKINFO], NULL) <
		    0 ||
	    !info[IFLA_INFO_DATA] ||
	    nla_parse_nested(tb, maxattr, info[IFLA_INFO_DATA], NULL) < 0)
		return nsh_err(r->sh, "'%s': cannot read its tunnel settings",
			       r->dev);
	return 0;
}

/* key/ikey/okey, seq/iseq/oseq, csum/icsum/ocsum and their no- forms */
static void gre_flag(struct tnl *t, const char *kw, uint16_t flag,
		     const struct nsh_val *v)
{
	bool no = strncmp(kw, "no", 2) == 0;
	const char *base = no ? kw + 2 : kw;
	bool in = base[0] != 'o', out = base[0] != 'i';
	uint32_t key = v ? htonl((uint32_t)v->num) : 0;

	if (in) {
		t->iflags = no ? t->iflags & (uint16_t)~flag : t->iflags | flag;
		if (flag == GRE_KEY)
			t->ikey = key;
	}
	if (out) {
		t->oflags = no ? t->oflags & (uint16_t)~flag : t->oflags | flag;
		if (flag == GRE_KEY)
			t->okey = key;
	}
}

/* tclass, flowlabel, dscp, fwmark, [no]allow-localremote, encaplimit of
 * ip6tnl and ip6gre (option O, value V, NO: the no- form) */
static void tnl_ip6(struct tnl *t, const struct ipl_opt *o,
		    const struct nsh_val *v, bool no)
{
	switch (o->key) {
	case TN_TCLASS:
		t->flowinfo &= ~FLOWINFO_TCLASS;
		if (v->special == 'i') {
			t->flags |= IP6_TNL_F_USE_ORIG_TCLASS;
		} else {
			t->flowinfo |= htonl((uint32_t)v->num << 20) &
				       FLOWINFO_TCLASS;
			t->flags &= ~IP6_TNL_F_USE_ORIG_TCLASS;
		}
		break;
	case TN_FLOWLABEL:
		t->flowinfo &= ~FLOWINFO_FLOWLABEL;
		if (v->special == 'i') {
			t->flags |= IP6_TNL_F_USE_ORIG_FLOWLABEL;
		} else {
			t->flowinfo |= htonl((uint32_t)v->num) &
				       FLOWINFO_FLOWLABEL;
			t->flags &= ~IP6_TNL_F_USE_ORIG_FLOWLABEL;
		}
		break;
	case TN_DSCP:
		t->flags |= IP6_TNL_F_RCV_DSCP_COPY;
		break;
	case TN_FWMARK:
		if (v->special == 'i') {
			t->flags |= IP6_TNL_F_USE_ORIG_FWMARK;
			t->fwmark = 0;
		} else {
			t->fwmark = (uint32_t)v->num;
			t->flags &= ~IP6_TNL_F_USE_ORIG_FWMARK;
		}
		break;
	case TN_ALLOWLR:
		if (no)
			t->flags &= ~IP6_TNL_F_ALLOW_LOCAL_REMOTE;
		else
			t->flags |= IP6_TNL_F_ALLOW_LOCAL_REMOTE;
		break;
	case TN_ENCAPLIMIT:
		if (v->special == 'n') {
			t->flags |= IP6_TNL_F_IGN_ENCAP_LIMIT;
		} else {
			t->encap_limit = (uint8_t)v->num;
			t->flags &= ~IP6_TNL_F_IGN_ENCAP_LIMIT;
		}
		break;
	}
}

/* noencap, encap fou|gue, encap-sport, encap-dport, [no]encap-csum … */
static void tnl_encap(struct tnl *t, const struct ipl_opt *o,
		      const struct nsh_val *v, bool no)
{
	const char *what = no ? o->kw + 2 : o->kw;
	uint16_t f;

	switch (o->key) {
	case TN_NOENCAP:
		t->encap_type = TUNNEL_ENCAP_NONE;
		break;
	case TN_ENCAP:
		t->encap_type = streq(v->text, "fou") ? TUNNEL_ENCAP_FOU :
				streq(v->text, "gue") ? TUNNEL_ENCAP_GUE :
							TUNNEL_ENCAP_NONE;
		break;
	case TN_ENCAP_SPORT:
		t->encap_sport = (uint16_t)v->num;
		break;
	case TN_ENCAP_DPORT:
		t->encap_dport = (uint16_t)v->num;
		break;
	case TN_ENCAP_FLAG:
		f = streq(what, "encap-csum")	   ? TUNNEL_ENCAP_FLAG_CSUM :
		    streq(what, "encap-udp6-csum") ? TUNNEL_ENCAP_FLAG_CSUM6 :
						     TUNNEL_ENCAP_FLAG_REMCSUM;
		t->encap_flags = no ? t->encap_flags & (uint16_t)~f :
				      t->encap_flags | f;
		break;
	}
}

/* erspan, erspan_ver, erspan_dir, erspan_hwid: 0, or 1 after reporting */
static int tnl_erspan(struct link_req *r, struct tnl *t,
		      const struct ipl_opt *o, const struct nsh_val *v)
{
	switch (o->key) {
	case TN_ERSPAN:
		if (!v->num || v->num >= (1 << 20))
			return nsh_err(r->sh, "'%s': an erspan index is 1 to "
					      "1048575", v->text);
		t->erspan_idx = (uint32_t)v->num;
		break;
	case TN_ERSPAN_VER:
		if (v->num > 2)
			return nsh_err(r->sh, "'%s': an erspan version is 0, 1 "
					      "or 2", v->text);
		t->erspan_ver = (uint8_t)v->num;
		break;
	case TN_ERSPAN_DIR:
		t->erspan_dir = (uint8_t)v->num;
		break;
	case TN_ERSPAN_HWID:
		t->erspan_hwid = (uint16_t)v->num;
		break;
	}
	return 0;
}

/* isatap, 6rd-prefix, 6rd-relay_prefix, 6rd-reset of sit: 0, or 1 */
static int tnl_sit(struct link_req *r, struct tnl *t,
		   const struct ipl_opt *o, const struct nsh_val *v)
{
	switch (o->key) {
	case TN_ISATAP:
		t->sit_flags |= SIT_ISATAP;
		break;
	case TN_6RD_PREFIX:
		if (v->pfx.family != AF_INET6)
			return nsh_err(r->sh, "'%s': not an IPv6 prefix",
				       v->text);
		memcpy(t->prefix6, v->pfx.addr, 16);
		t->prefix6_len = (uint16_t)v->pfx.len;
		t->have_prefix6 = true;
		break;
	case TN_6RD_RELAY:
		if (v->pfx.family != AF_INET)
			return nsh_err(r->sh, "'%s': not an IPv4 prefix",
				       v->text);
		memcpy(t->relay4, v->pfx.addr, 4);
		t->relay4_len = (uint16_t)v->pfx.len;
		t->have_relay4 = true;
		break;
	case TN_6RD_RESET:
		memset(t->prefix6, 0, sizeof(t->prefix6));
		t->prefix6[0] = 0x20;
		t->prefix6[1] = 0x02;
		t->prefix6_len = 16;
		t->have_prefix6 = true;
		memset(t->relay4, 0, sizeof(t->relay4));
		t->relay4_len = 0;
		t->have_relay4 = false;
		break;
	}
	return 0;
}

/* remote ADDR, local ADDR (any: none) */
static void tnl_endpoint(struct tnl *t, int key, const struct nsh_val *v)
{
	bool any = v->special == 'a';

	if (key == TN_REMOTE) {
		t->have_remote = !any;
		memcpy(t->remote, v->pfx.addr, 16);
	} else {
		t->have_local = !any;
		memcpy(t->local, v->pfx.addr, 16);
	}
}

int tnl_apply(struct link_req *r, struct tnl *t, int i)
{
	const struct nsh_args *a = r->a;
	const struct ipl_opt *o = a->bind[i].opt;
	const struct nsh_val *v = ipl_arg(a, i, 0);
	bool no = strncmp(o->kw, "no", 2) == 0;
	int idx;

	switch (o->key) {
	case TN_KEY:
		gre_flag(t, o->kw, GRE_KEY, v);
		break;
	case TN_SEQ:
		gre_flag(t, o->kw, GRE_SEQ, NULL);
		break;
	case TN_CSUM:
		gre_flag(t, o->kw, GRE_CSUM, NULL);
		break;
	case TN_PMTUDISC:
		t->pmtudisc = !no;
		break;
	case TN_REMOTE:
	case TN_LOCAL:
		tnl_endpoint(t, o->key, v);
		break;
	case TN_DEV:
		if (link_index(r->sh, v->text, &idx))
			return 1;
		t->link = (uint32_t)idx;
		break;
	case TN_TTL:
		t->ttl = (uint8_t)v->num;
		break;
	case TN_TOS:
		t->tos = (uint8_t)v->num;
		break;
	case TN_EXTERNAL:
		t->metadata = true;
		break;
	case TN_IGNDF:
		/* only the low bit is sent; 2 says "given" */
		t->ignore_df = no ? 2 : 1;
		break;
	case TN_MODE:
		break;	/* by the kind */
	default:
		tnl_ip6(t, o, v, no);
		tnl_encap(t, o, v, no);
		return tnl_erspan(r, t, o, v) || tnl_sit(r, t, o, v);
	}
	return 0;
}

void tnl_print_endpoint(const char *name, struct nlattr *a, int family)
{
	char b[INET6_ADDRSTRLEN], fmt[32];
	const char *value = "any";
	int len = family == AF_INET ? 4 : 16;

	if (a && nla_len(a) >= len) {
		static const uint8_t zero[16];

		if (memcmp(nla_data(a), zero, (size_t)len))
			value = inet_ntop(family, nla_data(a), b, sizeof(b));
	} else if (a) {
		value = "unknown";
	}
	snprintf(fmt, sizeof(fmt), "%s %%s", name);
	pr_string(PR_ANY, name, fmt, value);
	pr_string(PR_FP, NULL, " ", NULL);
}

/* "encap-sport auto " / "noencap-csum " */
static const char *encap_str(const char *name, bool on, int port, char *buf,
			     size_t len)
{
	char p[16];
	const char *val = p;

	if (!port)
		val = "auto ";
	else if (port < 0)
		val = "";
	else
		snprintf(p, sizeof(p), "%d ", port - 1);
	snprintf(buf, len, "%sencap-%s %s", on ? "" : "no", name, val);
	return buf;
}

void tnl_print_encap(struct nlattr **tb, int type_attr, int flags_attr,
		     int sport_attr, int dport_attr)
{
	uint16_t type, flags = 0, sport = 0, dport = 0;
	char b[48];

	if (!tb[type_attr])
		return;
	type = nla_get_u16(tb[type_attr]);
	if (type == TUNNEL_ENCAP_NONE)
		return;
	if (tb[flags_attr])
		flags = nla_get_u16(tb[flags_attr]);
	if (tb[sport_attr])
		sport = nla_get_u16(tb[sport_attr]);
	if (tb[dport_attr])
		dport = nla_get_u16(tb[dport_attr]);
	pr_obj_open("encap");
	pr_string(PR_FP, NULL, "encap ", NULL);
	if (type == TUNNEL_ENCAP_FOU)
		pr_string(PR_ANY, "type", "%s ", "fou");
	else if (type == TUNNEL_ENCAP_GUE)
		pr_string(PR_ANY, "type", "%s ", "gue");
	else
		pr_null(PR_ANY, "type", "%s ", "unknown");
	if (pr_json()) {
		pr_uint(PR_JSON, "sport", NULL, ntohs(sport));
		pr_uint(PR_JSON, "dport", NULL, ntohs(dport));
		pr_bool(PR_JSON, "csum", NULL, flags & TUNNEL_ENCAP_FLAG_CSUM);
		pr_bool(PR_JSON, "csum6", NULL,
			flags & TUNNEL_ENCAP_FLAG_CSUM6);
		pr_bool(PR_JSON, "remcsum", NULL,
			flags & TUNNEL_ENCAP_FLAG_REMCSUM);
		pr_obj_close();
		return;
	}
	printf("%s", encap_str("sport", true, sport ? ntohs(sport) + 1 : 0, b,
			       sizeof(b)));
	printf("%s", encap_str("dport", true, ntohs(dport) + 1, b, sizeof(b)));
	printf("%s", encap_str("csum", flags & TUNNEL_ENCAP_FLAG_CSUM, -1, b,
			       sizeof(b)));
	printf("%s", encap_str("csum6", flags & TUNNEL_ENCAP_FLAG_CSUM6, -1, b,
			       sizeof(b)));
	printf("%s", encap_str("remcsum", flags & TUNNEL_ENCAP_FLAG_REMCSUM, -1,
			       b, sizeof(b)));
}
