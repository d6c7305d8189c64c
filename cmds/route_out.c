/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_out.c - the printing of a route show and of what routes, rules
 * and nexthops have in common: iproute2's print_* calls on one rt_print
 * (rtp_*: text, or a member of the -j JSON), the addresses of any family
 * (rt_addr_n2a), and the attribute printers of ip/iproute.c and
 * ip/iproute_lwtunnel.c: flags, gateway, via, dev (ipr_ifname's names),
 * realms, the new destination and the encaps (mpls, ip, ip6, seg6).
 */
#include "config.h"

#include <endian.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/lwtunnel.h>
#include <linux/mpls.h>
#include <linux/mpls_iptunnel.h>
#include <linux/rtnetlink.h>
#include <linux/seg6.h>
#include <linux/seg6_iptunnel.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>

#include "route_priv.h"

/* TUNNEL_* of LWTUNNEL_IP_FLAGS (big-endian bits, as the kernel has them) */
#define LWT_TUNNEL_CSUM htons(0x01)
#define LWT_TUNNEL_KEY htons(0x04)
#define LWT_TUNNEL_SEQ htons(0x08)

/* ------------------------------------------------------------ output */

/*
 * iproute2's print_* (lib/json_print.c) for one show: a field goes to the
 * JSON object under KEY (when KEY is set), or to the text through FMT
 * (when FMT is set).
 */
void rtp_str(struct rt_print *p, const char *key, const char *fmt,
	     const char *val)
{
	if (p->json) {
		if (key)
			json_str(&p->j, key, val);
	} else if (fmt) {
		printf(fmt, val);
	}
}

void rtp_uint(struct rt_print *p, const char *key, const char *fmt,
	      unsigned long long val)
{
	if (p->json) {
		if (key)
			json_uint(&p->j, key, val);
	} else if (fmt) {
		printf(fmt, val);
	}
}

/* print_color_string: the text in C's colour under -c */
void rtp_color(struct rt_print *p, enum pr_color c, const char *key,
	       const char *fmt, const char *val)
{
	if (p->json) {
		if (key)
			json_str(&p->j, key, val);
	} else if (fmt) {
		pr_color_text(c, fmt, val);
	}
}

/* ifa_family_color */
enum pr_color rt_fam_color(int family)
{
	return family == AF_INET ? PC_INET :
	       family == AF_INET6 ? PC_INET6 : PC_NONE;
}

void rtp_int(struct rt_print *p, const char *key, const char *fmt,
	     long long val)
{
	if (p->json) {
		if (key)
			json_int(&p->j, key, val);
	} else if (fmt) {
		printf(fmt, val);
	}
}

/* print_0xhex: "0x…" as a JSON string */
void rtp_hex(struct rt_print *p, const char *key, const char *fmt,
	     unsigned long long val)
{
	char buf[32];

	if (p->json) {
		snprintf(buf, sizeof(buf), "%#llx", val);
		json_str(&p->j, key, buf);
	} else {
		printf(fmt, val);
	}
}

/* print_null: JSON null, or the text FMT */
void rtp_null(struct rt_print *p, const char *key, const char *fmt)
{
	if (p->json)
		json_str_or_null(&p->j, key, NULL);
	else
		fputs(fmt, stdout);
}

void rtp_bool(struct rt_print *p, const char *key, const char *fmt,
	      bool val)
{
	if (p->json)
		json_bool(&p->j, key, val);
	else if (val)
		fputs(fmt, stdout);
}

void rtp_open(struct rt_print *p, const char *key)
{
	if (!p->json)
		return;
	json_key(&p->j, key);
	json_begin_object(&p->j);
}

void rtp_close(struct rt_print *p)
{
	if (p->json)
		json_end_object(&p->j);
}

void rtp_open_array(struct rt_print *p, const char *key)
{
	if (!p->json)
		return;
	json_key(&p->j, key);
	json_begin_array(&p->j);
}

void rtp_close_array(struct rt_print *p)
{
	if (p->json)
		json_end_array(&p->j);
}

/* ------------------------------------------------------------ addresses */

int rt_real_family(int type, int family)
{
	if (type != RTN_MULTICAST)
		return family;
	if (family == RTNL_FAMILY_IPMR)
		return AF_INET;
	if (family == RTNL_FAMILY_IP6MR)
		return AF_INET6;
	return family;
}

/* rt_addr_n2a: an address of FAMILY, LEN bytes at DATA */
const char *rt_addr_n2a(int family, int len, const void *data, char *buf,
			size_t size)
{
	switch (family) {
	case AF_INET:
	case AF_INET6:
		if (len == (family == AF_INET ? 4 : 16) &&
		    inet_ntop(family, data, buf, (socklen_t)size))
			return buf;
		break;
	case AF_MPLS: {
		const uint32_t *l = data;
		size_t o = 0;

		buf[0] = '\0';
		for (int i = 0; i < len / 4 && o < size; i++) {
			uint32_t e = ntohl(l[i]);

			o += (size_t)snprintf(buf + o, size - o, "%s%u",
					      i ? "/" : "",
					      (e & MPLS_LS_LABEL_MASK) >>
						      MPLS_LS_LABEL_SHIFT);
			if (e & MPLS_LS_S_MASK)
				break;
		}
		return buf;
	}
	case AF_PACKET: {
		const unsigned char *b = data;
		size_t o = 0;

		buf[0] = '\0';
		for (int i = 0; i < len && o < size; i++)
			o += (size_t)snprintf(buf + o, size - o, "%s%02x",
					      i ? ":" : "", b[i]);
		return buf;
	}
	default:
		break;
	}
	snprintf(buf, size, "???");
	return buf;
}

const char *rt_rta_addr(int family, const struct nlattr *a, char *buf,
			size_t size)
{
	return rt_addr_n2a(family, nla_len(a), nla_data(a), buf, size);
}

/* ------------------------------------------------------------ pieces */

void rt_print_flags(struct rt_print *p, unsigned flags)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{ RTNH_F_DEAD, "dead" }, { RTNH_F_ONLINK, "onlink" },
		{ RTNH_F_PERVASIVE, "pervasive" },
		{ RTNH_F_OFFLOAD, "offload" }, { RTNH_F_TRAP, "trap" },
		{ RTM_F_NOTIFY, "notify" }, { RTNH_F_LINKDOWN, "linkdown" },
		{ RTNH_F_UNRESOLVED, "unresolved" },
		{ RTM_F_OFFLOAD, "rt_offload" }, { RTM_F_TRAP, "rt_trap" },
		{ RTM_F_OFFLOAD_FAILED, "rt_offload_failed" },
	};

	rtp_open_array(p, "flags");
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!(flags & names[i].bit))
			continue;
		if (p->json)
			json_str(&p->j, NULL, names[i].name);
		else
			printf("%s ", names[i].name);
	}
	rtp_close_array(p);
}

void rt_print_gateway(struct rt_print *p, int family, const char *gw)
{
	if (p->json) {
		json_str(&p->j, "gateway", gw);
	} else {
		fputs("via ", stdout);
		pr_color_text(rt_fam_color(family), "%s ", gw);
	}
}

/* RTA_VIA: another family's gateway */
void rt_print_via(struct rt_print *p, const struct nlattr *a)
{
	const struct rtvia *via = nla_data(a);
	char buf[INET6_ADDRSTRLEN + 64];
	const char *host;

	if (nla_len(a) < 2)
		return;
	host = rt_addr_n2a(via->rtvia_family, nla_len(a) - 2, via->rtvia_addr,
			   buf, sizeof(buf));
	if (p->json) {
		rtp_open(p, "via");
		json_str(&p->j, "family", rt_family_name(via->rtvia_family));
		json_str(&p->j, "host", host);
		rtp_close(p);
	} else {
		printf("via %s ", rt_family_name(via->rtvia_family));
		pr_color_text(rt_fam_color(via->rtvia_family), "%s ", host);
	}
}

void rt_print_dev(struct rt_print *p, const char *label, uint32_t idx)
{
	const char *name = ipr_ifname(p->sh, (int)idx);

	if (p->json) {
		json_str(&p->j, label, name);
	} else {
		printf("%s ", label);
		pr_color_text(PC_IFNAME, "%s ", name);
	}
}

/* RTA_FLOW: realms FROM/TO */
void rt_print_flow(struct rt_print *p, const struct nlattr *a)
{
	uint32_t to = nla_get_u32((struct nlattr *)a), from = to >> 16;
	char b[32];

	to &= 0xffff;
	if (p->json) {
		rtp_open(p, "flow");
		if (from)
			json_str(&p->j, "from",
				 rt_realm_n2a(from, b, sizeof(b)));
		json_str(&p->j, "to", rt_realm_n2a(to, b, sizeof(b)));
		rtp_close(p);
		return;
	}
	printf("realm%s ", from ? "s" : "");
	if (from)
		printf("%s/", rt_realm_n2a(from, b, sizeof(b)));
	printf("%s ", rt_realm_n2a(to, b, sizeof(b)));
}

void rt_print_newdst(struct rt_print *p, int family,
		     const struct nlattr *a)
{
	char buf[128];

	rt_rta_addr(family, a, buf, sizeof(buf));
	if (p->json) {
		json_str(&p->j, "to", buf);
	} else {
		fputs("as to ", stdout);
		pr_color_text(rt_fam_color(family), "%s ", buf);
	}
}

/* a big-endian u64 attribute */
static uint64_t be64_get(const struct nlattr *a)
{
	uint64_t v;

	memcpy(&v, nla_data(a), sizeof(v));
	return be64toh(v);
}

/* LWTUNNEL_ENCAP_IP/IP6: the tunnel's key, addresses, ttl, … */
static void print_encap_ip(struct rt_print *p, const struct nlattr *encap,
			   bool v6)
{
	struct nlattr *tb[LWTUNNEL_IP6_MAX + 1];
	char buf[INET6_ADDRSTRLEN];
	int family = v6 ? AF_INET6 : AF_INET;

	if (nla_parse_nested(tb, LWTUNNEL_IP6_MAX, (struct nlattr *)encap,
			     NULL) < 0)
		return;
	/* the two kinds number their attributes alike up to FLAGS */
	if (tb[LWTUNNEL_IP_ID])
		rtp_uint(p, "id", "id %llu ", be64_get(tb[LWTUNNEL_IP_ID]));
	if (tb[LWTUNNEL_IP_SRC])
		rtp_str(p, "src", "src %s ",
			rt_rta_addr(family, tb[LWTUNNEL_IP_SRC], buf,
				    sizeof(buf)));
	if (tb[LWTUNNEL_IP_DST])
		rtp_str(p, "dst", "dst %s ",
			rt_rta_addr(family, tb[LWTUNNEL_IP_DST], buf,
				    sizeof(buf)));
	if (v6) {
		if (tb[LWTUNNEL_IP6_HOPLIMIT])
			rtp_uint(p, "hoplimit", "hoplimit %llu ",
				nla_get_u8(tb[LWTUNNEL_IP6_HOPLIMIT]));
		if (tb[LWTUNNEL_IP6_TC])
			rtp_uint(p, "tc", "tc %llu ",
				nla_get_u8(tb[LWTUNNEL_IP6_TC]));
	} else {
		if (tb[LWTUNNEL_IP_TTL])
			rtp_uint(p, "ttl", "ttl %llu ",
				nla_get_u8(tb[LWTUNNEL_IP_TTL]));
		if (tb[LWTUNNEL_IP_TOS])
			rtp_int(p, "tos", "tos %lld ",
			       nla_get_u8(tb[LWTUNNEL_IP_TOS]));
	}
	if (tb[LWTUNNEL_IP_FLAGS]) {
		uint16_t flags = nla_get_u16(tb[LWTUNNEL_IP_FLAGS]);

		if (flags & LWT_TUNNEL_KEY)
			rtp_bool(p, "key", "key ", true);
		if (flags & LWT_TUNNEL_CSUM)
			rtp_bool(p, "csum", "csum ", true);
		if (flags & LWT_TUNNEL_SEQ)
			rtp_bool(p, "seq", "seq ", true);
	}
}

/* LWTUNNEL_ENCAP_SEG6: "mode encap segs 2 [ A B ] [hmac N]" */
static void print_encap_seg6(struct rt_print *p, const struct nlattr *encap)
{
	static const char *const modes[] = {
		"inline", "encap", "l2encap", "encap.red", "l2encap.red",
	};
	struct nlattr *tb[SEG6_IPTUNNEL_MAX + 1];
	const struct seg6_iptunnel_encap *t;
	const struct ipv6_sr_hdr *srh;
	char buf[INET6_ADDRSTRLEN];

	if (nla_parse_nested(tb, SEG6_IPTUNNEL_MAX, (struct nlattr *)encap,
			     NULL) < 0 || !tb[SEG6_IPTUNNEL_SRH] ||
	    nla_len(tb[SEG6_IPTUNNEL_SRH]) < (int)(sizeof(*t) + sizeof(*srh)))
		return;
	t = nla_data(tb[SEG6_IPTUNNEL_SRH]);
	srh = t->srh;
	rtp_str(p, "mode", "mode %s ",
	       t->mode >= 0 && t->mode < (int)ARRAY_SIZE(modes) ?
		       modes[t->mode] : "<unknown>");
	if (nla_len(tb[SEG6_IPTUNNEL_SRH]) <
	    (int)(sizeof(*t) + sizeof(*srh) + 16 * (srh->first_segment + 1u)))
		return;
	if (p->json)
		rtp_open_array(p, "segs");
	else
		printf("segs %d [ ", srh->first_segment + 1);
	for (int i = srh->first_segment; i >= 0; i--) {
		inet_ntop(AF_INET6, &srh->segments[i], buf, sizeof(buf));
		if (p->json)
			json_str(&p->j, NULL, buf);
		else
			printf("%s ", buf);
	}
	if (p->json)
		rtp_close_array(p);
	else
		fputs("] ", stdout);
	if (sr_has_hmac(srh)) {
		const unsigned char *tlv = (const unsigned char *)srh +
					   ((srh->hdrlen + 1) << 3) - 40;
		uint32_t id;

		memcpy(&id, tlv + 4, 4);
		rtp_hex(p, "hmac", "hmac %llX ", ntohl(id));
	}
}

/* LWTUNNEL_ENCAP_MPLS: the labels and their TTL */
static void print_encap_mpls(struct rt_print *p, const struct nlattr *encap)
{
	struct nlattr *tb[MPLS_IPTUNNEL_MAX + 1];
	char buf[INET6_ADDRSTRLEN + 512];

	if (nla_parse_nested(tb, MPLS_IPTUNNEL_MAX, (struct nlattr *)encap,
			     NULL) < 0)
		return;
	if (tb[MPLS_IPTUNNEL_DST])
		rtp_str(p, "dst", " %s ",
			rt_rta_addr(AF_MPLS, tb[MPLS_IPTUNNEL_DST], buf,
				    sizeof(buf)));
	if (tb[MPLS_IPTUNNEL_TTL])
		rtp_uint(p, "ttl", "ttl %llu ",
			 nla_get_u8(tb[MPLS_IPTUNNEL_TTL]));
}

const char *rt_encap_name(unsigned type)
{
	static const char *const names[] = {
		[LWTUNNEL_ENCAP_MPLS] = "mpls", [LWTUNNEL_ENCAP_IP] = "ip",
		[LWTUNNEL_ENCAP_IP6] = "ip6", [LWTUNNEL_ENCAP_ILA] = "ila",
		[LWTUNNEL_ENCAP_BPF] = "bpf", [LWTUNNEL_ENCAP_SEG6] = "seg6",
		[LWTUNNEL_ENCAP_SEG6_LOCAL] = "seg6local",
		[LWTUNNEL_ENCAP_RPL] = "rpl", [LWTUNNEL_ENCAP_IOAM6] = "ioam6",
		[LWTUNNEL_ENCAP_XFRM] = "xfrm",
	};

	return type < ARRAY_SIZE(names) ? names[type] : NULL;
}

void rt_print_encap(struct rt_print *p, const struct nlattr *type,
		    const struct nlattr *encap)
{
	const char *name;
	unsigned et;

	if (!type)
		return;
	et = nla_get_u16((struct nlattr *)type);
	name = rt_encap_name(et);
	rtp_str(p, "encap", " encap %s ", name ? name : "unknown");
	switch (et) {
	case LWTUNNEL_ENCAP_MPLS:
		print_encap_mpls(p, encap);
		break;
	case LWTUNNEL_ENCAP_IP:
		print_encap_ip(p, encap, false);
		break;
	case LWTUNNEL_ENCAP_IP6:
		print_encap_ip(p, encap, true);
		break;
	case LWTUNNEL_ENCAP_SEG6:
		print_encap_seg6(p, encap);
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------ begin */

void rt_print_begin(struct rt_print *p, struct nsh *sh, struct nl_sock *sk,
		    struct rt_filter *f)
{
	memset(p, 0, sizeof(*p));
	p->sh = sh;
	p->sk = sk;
	p->f = f;
	p->json = sh->o.json;
	p->j.pretty = sh->o.pretty;
	p->sl = sh->o.oneline ? "\\" : "\n";
	pr_color(sh->o.color && !sh->o.json);
	ipr_ifname_reset();	/* the links are asked about afresh */
}

void rt_print_open_list(struct rt_print *p)
{
	if (p->json)
		json_begin_array(&p->j);
}

void rt_print_close_list(struct rt_print *p)
{
	if (!p->json)
		return;
	json_end_array(&p->j);
	json_end(&p->j);
}
