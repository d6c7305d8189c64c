/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_show.c - `ip route show|list`, `ip route flush` and `ip route get`
 * as iproute2 6.1 does them (ip/iproute.c): its filter (to/root/match/
 * exact, table, proto, type, scope, dev, via, src, metric, …), and its
 * print_route, field by field, in text (-o: one line) and in -j JSON with
 * its keys and value types.
 *
 * The routes are the kernel's RTM_NEWROUTE messages as they came: a libnl
 * cache would merge IPv6 routes that share a prefix and drop what it does
 * not know.
 */
#include "config.h"

#include <endian.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/in_route.h>
#include <linux/lwtunnel.h>
#include <linux/mpls.h>
#include <linux/mpls_iptunnel.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <linux/seg6.h>
#include <linux/seg6_iptunnel.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "route.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ip/iproute.c's names of the metrics (RTA_METRICS) */
static const char *const mx_names[RTAX_MAX + 1] = {
	[RTAX_MTU] = "mtu", [RTAX_WINDOW] = "window", [RTAX_RTT] = "rtt",
	[RTAX_RTTVAR] = "rttvar", [RTAX_SSTHRESH] = "ssthresh",
	[RTAX_CWND] = "cwnd", [RTAX_ADVMSS] = "advmss",
	[RTAX_REORDERING] = "reordering", [RTAX_HOPLIMIT] = "hoplimit",
	[RTAX_INITCWND] = "initcwnd", [RTAX_FEATURES] = "features",
	[RTAX_RTO_MIN] = "rto_min", [RTAX_INITRWND] = "initrwnd",
	[RTAX_QUICKACK] = "quickack", [RTAX_CC_ALGO] = "congctl",
	[RTAX_FASTOPEN_NO_COOKIE] = "fastopen_no_cookie",
};

/* TUNNEL_* of LWTUNNEL_IP_FLAGS (big-endian bits, as the kernel has them) */
#define LWT_TUNNEL_CSUM htons(0x01)
#define LWT_TUNNEL_KEY htons(0x04)
#define LWT_TUNNEL_SEQ htons(0x08)

#ifndef MIN
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#endif

#ifndef RTNL_FAMILY_IPMR
#define RTNL_FAMILY_IPMR 128
#define RTNL_FAMILY_IP6MR 129
#endif

/* ------------------------------------------------------------ links */

const char *rt_link_name(struct rt_links *l, int index)
{
	char name[IF_NAMESIZE];
	int slot;

	if (index == 0)
		return "*";
	for (int i = 0; i < l->n; i++)
		if (l->v[i].index == index)
			return l->v[i].name;
	slot = l->n < (int)ARRAY_SIZE(l->v) ? l->n++ : (int)ARRAY_SIZE(l->v) - 1;
	l->v[slot].index = index;
	if (if_indextoname((unsigned)index, name))
		snprintf(l->v[slot].name, sizeof(l->v[slot].name), "%s", name);
	else
		snprintf(l->v[slot].name, sizeof(l->v[slot].name), "if%d",
			 index);
	return l->v[slot].name;
}

/* ------------------------------------------------------------ output */

/*
 * iproute2's print_* (lib/json_print.c) for one show: a field goes to the
 * JSON object under KEY (when KEY is set), or to the text through FMT
 * (when FMT is set).
 */
static void rtp_str(struct rt_print *p, const char *key, const char *fmt,
		   const char *val)
{
	if (p->json) {
		if (key)
			json_str(&p->j, key, val);
	} else if (fmt) {
		printf(fmt, val);
	}
}

static void rtp_uint(struct rt_print *p, const char *key, const char *fmt,
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
static void rtp_color(struct rt_print *p, enum pr_color c, const char *key,
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
static enum pr_color fam_color(int family)
{
	return family == AF_INET ? PC_INET :
	       family == AF_INET6 ? PC_INET6 : PC_NONE;
}

static void rtp_int(struct rt_print *p, const char *key, const char *fmt,
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
static void rtp_hex(struct rt_print *p, const char *key, const char *fmt,
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
static void rtp_null(struct rt_print *p, const char *key, const char *fmt)
{
	if (p->json)
		json_str_or_null(&p->j, key, NULL);
	else
		fputs(fmt, stdout);
}

static void rtp_bool(struct rt_print *p, const char *key, const char *fmt,
		    bool val)
{
	if (p->json)
		json_bool(&p->j, key, val);
	else if (val)
		fputs(fmt, stdout);
}

static void rtp_open(struct rt_print *p, const char *key)
{
	if (!p->json)
		return;
	json_key(&p->j, key);
	json_begin_object(&p->j);
}

static void rtp_close(struct rt_print *p)
{
	if (p->json)
		json_end_object(&p->j);
}

static void rtp_open_array(struct rt_print *p, const char *key)
{
	if (!p->json)
		return;
	json_key(&p->j, key);
	json_begin_array(&p->j);
}

static void rtp_close_array(struct rt_print *p)
{
	if (p->json)
		json_end_array(&p->j);
}

/* ------------------------------------------------------------ addresses */

static int real_family(int type, int family)
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
static const char *addr_n2a(int family, int len, const void *data, char *buf,
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

static const char *rta_addr(int family, const struct nlattr *a, char *buf,
			    size_t size)
{
	return addr_n2a(family, nla_len(a), nla_data(a), buf, size);
}

/* ------------------------------------------------------------ pieces */

/* print_rt_flags */
static void print_flags(struct rt_print *p, unsigned flags)
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

static void print_gateway(struct rt_print *p, int family, const char *gw)
{
	if (p->json) {
		json_str(&p->j, "gateway", gw);
	} else {
		fputs("via ", stdout);
		pr_color_text(fam_color(family), "%s ", gw);
	}
}

/* RTA_VIA: another family's gateway */
static void print_via(struct rt_print *p, const struct nlattr *a)
{
	const struct rtvia *via = nla_data(a);
	char buf[INET6_ADDRSTRLEN + 64];
	const char *host;

	if (nla_len(a) < 2)
		return;
	host = addr_n2a(via->rtvia_family, nla_len(a) - 2, via->rtvia_addr,
			buf, sizeof(buf));
	if (p->json) {
		rtp_open(p, "via");
		json_str(&p->j, "family", rt_family_name(via->rtvia_family));
		json_str(&p->j, "host", host);
		rtp_close(p);
	} else {
		printf("via %s ", rt_family_name(via->rtvia_family));
		pr_color_text(fam_color(via->rtvia_family), "%s ", host);
	}
}

static void print_dev(struct rt_print *p, const char *label, uint32_t idx)
{
	const char *name = rt_link_name(&p->links, (int)idx);

	if (p->json) {
		json_str(&p->j, label, name);
	} else {
		printf("%s ", label);
		pr_color_text(PC_IFNAME, "%s ", name);
	}
}

/* RTA_FLOW: realms FROM/TO */
static void print_flow(struct rt_print *p, const struct nlattr *a)
{
	uint32_t to = nla_get_u32((struct nlattr *)a), from = to >> 16;
	char b[32];

	to &= 0xffff;
	if (p->json) {
		rtp_open(p, "flow");
		if (from)
			json_str(&p->j, "from", rt_realm_n2a(from, b, sizeof(b)));
		json_str(&p->j, "to", rt_realm_n2a(to, b, sizeof(b)));
		rtp_close(p);
		return;
	}
	printf("realm%s ", from ? "s" : "");
	if (from)
		printf("%s/", rt_realm_n2a(from, b, sizeof(b)));
	printf("%s ", rt_realm_n2a(to, b, sizeof(b)));
}

static void print_newdst(struct rt_print *p, int family,
			 const struct nlattr *a)
{
	char buf[128];

	rta_addr(family, a, buf, sizeof(buf));
	if (p->json) {
		json_str(&p->j, "to", buf);
	} else {
		fputs("as to ", stdout);
		pr_color_text(fam_color(family), "%s ", buf);
	}
}

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
		       rta_addr(family, tb[LWTUNNEL_IP_SRC], buf, sizeof(buf)));
	if (tb[LWTUNNEL_IP_DST])
		rtp_str(p, "dst", "dst %s ",
		       rta_addr(family, tb[LWTUNNEL_IP_DST], buf, sizeof(buf)));
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

/* lwt_print_encap: " encap TYPE …" */
static void print_encap(struct rt_print *p, const struct nlattr *type,
			const struct nlattr *encap)
{
	static const char *const names[] = {
		[LWTUNNEL_ENCAP_MPLS] = "mpls", [LWTUNNEL_ENCAP_IP] = "ip",
		[LWTUNNEL_ENCAP_IP6] = "ip6", [LWTUNNEL_ENCAP_ILA] = "ila",
		[LWTUNNEL_ENCAP_BPF] = "bpf", [LWTUNNEL_ENCAP_SEG6] = "seg6",
		[LWTUNNEL_ENCAP_SEG6_LOCAL] = "seg6local",
		[LWTUNNEL_ENCAP_RPL] = "rpl", [LWTUNNEL_ENCAP_IOAM6] = "ioam6",
		[LWTUNNEL_ENCAP_XFRM] = "xfrm",
	};
	unsigned et;

	if (!type)
		return;
	et = nla_get_u16((struct nlattr *)type);
	rtp_str(p, "encap", " encap %s ",
	       et < ARRAY_SIZE(names) && names[et] ? names[et] : "unknown");
	switch (et) {
	case LWTUNNEL_ENCAP_MPLS: {
		struct nlattr *tb[MPLS_IPTUNNEL_MAX + 1];
		char buf[128];

		if (nla_parse_nested(tb, MPLS_IPTUNNEL_MAX,
				     (struct nlattr *)encap, NULL) < 0)
			break;
		if (tb[MPLS_IPTUNNEL_DST])
			rtp_str(p, "dst", " %s ",
			       rta_addr(AF_MPLS, tb[MPLS_IPTUNNEL_DST], buf,
					sizeof(buf)));
		if (tb[MPLS_IPTUNNEL_TTL])
			rtp_uint(p, "ttl", "ttl %llu ",
				nla_get_u8(tb[MPLS_IPTUNNEL_TTL]));
		break;
	}
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

/* print_cache_flags: the RTCF_* of a cached route */
static void print_cache_flags(struct rt_print *p, uint32_t flags)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} names[] = {
		{ RTCF_LOCAL, "local" }, { RTCF_REJECT, "reject" },
		{ RTCF_MULTICAST, "mc" }, { RTCF_BROADCAST, "brd" },
		{ RTCF_DNAT, "dst-nat" }, { RTCF_SNAT, "src-nat" },
		{ RTCF_MASQ, "masq" }, { RTCF_DIRECTDST, "dst-direct" },
		{ RTCF_DIRECTSRC, "src-direct" },
		{ RTCF_REDIRECTED, "redirected" },
		{ RTCF_DOREDIRECT, "redirect" }, { RTCF_FAST, "fastroute" },
		{ RTCF_NOTIFY, "notify" }, { RTCF_TPROXY, "proxy" },
	};

	flags &= ~0xffffu;
	if (p->json) {
		rtp_open_array(p, "cache");
	} else {
		printf("%s    cache ", p->sl);
		if (!flags)
			return;
		putchar('<');
	}
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!(flags & names[i].bit))
			continue;
		flags &= ~names[i].bit;
		if (p->json)
			json_str(&p->j, NULL, names[i].name);
		else
			printf("%s%s", names[i].name, flags ? "," : "> ");
	}
	if (flags) {
		char buf[16];

		snprintf(buf, sizeof(buf), "%x", flags);
		if (p->json)
			json_str(&p->j, "flags", buf);
		else
			printf("%s>", buf);
	}
	rtp_close_array(p);
}

static void print_cacheinfo(struct rt_print *p, const struct rta_cacheinfo *ci)
{
	long hz = sysconf(_SC_CLK_TCK);

	if (hz <= 0)
		hz = 100;
	if (ci->rta_expires)
		rtp_int(p, "expires", "expires %lldsec ",
		       (long long)(ci->rta_expires / hz));
	if (ci->rta_error)
		rtp_uint(p, "error", "error %llu ", ci->rta_error);
	if (p->sh->o.stats) {
		if (ci->rta_clntref)
			rtp_uint(p, "users", "users %llu ", ci->rta_clntref);
		if (ci->rta_used)
			rtp_uint(p, "used", "used %llu ", ci->rta_used);
		if (ci->rta_lastuse)
			rtp_uint(p, "age", "age %llusec ",
				ci->rta_lastuse / (unsigned long)hz);
	}
	if (ci->rta_id)
		rtp_hex(p, "ipid", "ipid 0x%04llx ", ci->rta_id);
	if (ci->rta_ts || ci->rta_tsage) {
		rtp_hex(p, "ts", "ts 0x%llx", ci->rta_ts);
		rtp_uint(p, "tsage", "tsage %llusec ", ci->rta_tsage);
	}
}

/* a time metric in ms: "3s", "200ms" */
static void print_ms(struct rt_print *p, const char *key, unsigned val)
{
	if (p->json)
		json_uint(&p->j, key, val);
	else if (val >= 1000)
		printf("%gs ", val / 1e3);
	else
		printf("%ums ", val);
}

/* RTA_METRICS: "mtu lock 1400 rtt 3s …"; -j: "metrics": [ { … } ] */
static void print_metrics(struct rt_print *p, const struct nlattr *a)
{
	struct nlattr *mx[RTAX_MAX + 1];
	uint32_t lock = 0;

	if (nla_parse_nested(mx, RTAX_MAX, (struct nlattr *)a, NULL) < 0)
		return;
	rtp_open_array(p, "metrics");
	rtp_open(p, NULL);
	if (mx[RTAX_LOCK])
		lock = nla_get_u32(mx[RTAX_LOCK]);
	for (int i = 2; i <= RTAX_MAX; i++) {
		uint32_t val = 0;

		if (!mx[i] && !(lock & (1u << i)))
			continue;
		if (mx[i] && i != RTAX_CC_ALGO)
			val = nla_get_u32(mx[i]);
		if (i == RTAX_HOPLIMIT && (int)val == -1)
			continue;
		if (!p->json) {
			if (mx_names[i])
				printf("%s ", mx_names[i]);
			else
				printf("metric %d ", i);
			if (lock & (1u << i))
				fputs("lock ", stdout);
		}
		switch (i) {
		case RTAX_FEATURES: {
			uint32_t of = val;

			if (val & RTAX_FEATURE_ECN) {
				rtp_null(p, "ecn", "ecn ");
				val &= ~RTAX_FEATURE_ECN;
			}
			if (val)
				rtp_hex(p, "features", "%#llx ", of);
			break;
		}
		case RTAX_RTT:
			print_ms(p, mx_names[i], val / 8);
			break;
		case RTAX_RTTVAR:
			print_ms(p, mx_names[i], val / 4);
			break;
		case RTAX_RTO_MIN:
			print_ms(p, mx_names[i], val);
			break;
		case RTAX_CC_ALGO: {
			char cc[64] = "";

			if (mx[i])
				nla_strlcpy(cc, mx[i], sizeof(cc));
			rtp_str(p, "congestion", "%s ", cc);
			break;
		}
		default:
			rtp_uint(p, mx_names[i], "%llu ", val);
			break;
		}
	}
	rtp_close(p);
	rtp_close_array(p);
}

/* print_rt_pref (no space after it: it ends iproute2's line) */
static void print_pref(struct rt_print *p, unsigned pref)
{
	switch (pref) {
	case 3:
		rtp_str(p, "pref", "pref %s", "low");
		break;
	case 0:
		rtp_str(p, "pref", "pref %s", "medium");
		break;
	case 1:
		rtp_str(p, "pref", "pref %s", "high");
		break;
	default:
		rtp_uint(p, "pref", "%llu", pref);
		break;
	}
}

/* the next hops of RTA_MULTIPATH: "\n\tnexthop via … dev … weight N" */
static void print_multipath(struct rt_print *p, const struct rtmsg *r,
			    const struct nlattr *mp)
{
	const struct rtnexthop *nh = nla_data(mp);
	int len = nla_len(mp);
	bool first = true;
	bool mc = (r->rtm_flags & RTM_F_CLONED) &&
		  r->rtm_type == RTN_MULTICAST;

	rtp_open_array(p, "nexthops");
	while (len >= (int)sizeof(*nh)) {
		struct nlattr *tb[RTA_MAX + 1];
		char buf[INET6_ADDRSTRLEN];

		if (nh->rtnh_len > len)
			break;
		rtp_open(p, NULL);
		if (mc) {
			if (!p->json)
				fputs(first ? "Oifs: " : " ", stdout);
			first = false;
		} else if (!p->json) {
			printf("%s\tnexthop ", p->sl);
		}
		if (nh->rtnh_len > sizeof(*nh) &&
		    nla_parse(tb, RTA_MAX, (struct nlattr *)RTNH_DATA(nh),
			      nh->rtnh_len - (int)sizeof(*nh), NULL) == 0) {
			if (tb[RTA_ENCAP])
				print_encap(p, tb[RTA_ENCAP_TYPE],
					    tb[RTA_ENCAP]);
			if (tb[RTA_NEWDST])
				print_newdst(p, r->rtm_family, tb[RTA_NEWDST]);
			if (tb[RTA_GATEWAY])
				print_gateway(p, r->rtm_family,
					      rta_addr(r->rtm_family,
						       tb[RTA_GATEWAY], buf,
						       sizeof(buf)));
			if (tb[RTA_VIA])
				print_via(p, tb[RTA_VIA]);
			if (tb[RTA_FLOW])
				print_flow(p, tb[RTA_FLOW]);
		}
		if (mc) {
			rtp_str(p, "dev", "%s",
			       rt_link_name(&p->links, nh->rtnh_ifindex));
			if (nh->rtnh_hops != 1)
				rtp_int(p, "ttl", "(ttl>%lld)", nh->rtnh_hops);
			if (!p->json)
				putchar(' ');
		} else {
			rtp_str(p, "dev", "dev %s ",
			       rt_link_name(&p->links, nh->rtnh_ifindex));
			if (r->rtm_family != AF_MPLS)
				rtp_int(p, "weight", "weight %lld ",
				       nh->rtnh_hops + 1);
		}
		print_flags(p, nh->rtnh_flags);
		len -= NLMSG_ALIGN(nh->rtnh_len);
		nh = RTNH_NEXT(nh);
		rtp_close(p);
	}
	rtp_close_array(p);
}

/* -d with nhid: "\n\tnh_info id 5 via … dev … scope link proto unspec" */
static void print_nh_info(struct rt_print *p, uint32_t id)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nlmsg_alloc_simple(RTM_GETNEXTHOP, NLM_F_REQUEST);
	struct nhmsg nhm = { .nh_family = (unsigned char)p->sh->o.family };
	struct nlattr *tb[NHA_MAX + 1];
	struct nlmsghdr *ans;
	const struct nhmsg *n;
	char b[64];
	int err;

	if (!msg || nlmsg_append(msg, &nhm, sizeof(nhm), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, NHA_ID, id) < 0)
		return;
	err = ipr_get(p->sk, msg, &ans);
	if (err < 0)
		return;
	n = nlmsg_data(ans);
	if (nlmsg_parse(ans, sizeof(*n), tb, NHA_MAX, NULL) < 0) {
		free(ans);
		return;
	}
	if (!p->json)
		fputs("\n\tnh_info ", stdout);
	rtp_open(p, "nh_info");
	rtp_uint(p, "id", "id %llu ",
		tb[NHA_ID] ? nla_get_u32(tb[NHA_ID]) : 0);
	if (tb[NHA_GROUP]) {
		const struct nexthop_grp *g = nla_data(tb[NHA_GROUP]);
		int cnt = nla_len(tb[NHA_GROUP]) / (int)sizeof(*g);

		rtp_open_array(p, "group");
		if (!p->json)
			fputs("group ", stdout);
		for (int i = 0; i < cnt; i++) {
			rtp_open(p, NULL);
			if (i && !p->json)
				putchar('/');
			rtp_uint(p, "id", "%llu", g[i].id);
			if (g[i].weight)
				rtp_uint(p, "weight", ",%llu", g[i].weight + 1u);
			rtp_close(p);
		}
		if (!p->json)
			putchar(' ');
		rtp_close_array(p);
	}
	if (tb[NHA_GROUP_TYPE] &&
	    nla_get_u16(tb[NHA_GROUP_TYPE]) != NEXTHOP_GRP_TYPE_MPATH)
		rtp_str(p, "type", "type %s ",
		       nla_get_u16(tb[NHA_GROUP_TYPE]) == NEXTHOP_GRP_TYPE_RES ?
			       "resilient" : "<unknown type>");
	if (tb[NHA_ENCAP])
		print_encap(p, tb[NHA_ENCAP_TYPE], tb[NHA_ENCAP]);
	if (tb[NHA_GATEWAY]) {
		char gw[INET6_ADDRSTRLEN];

		print_gateway(p, n->nh_family,
			      rta_addr(n->nh_family, tb[NHA_GATEWAY], gw,
				       sizeof(gw)));
	}
	if (tb[NHA_OIF])
		print_dev(p, "dev", nla_get_u32(tb[NHA_OIF]));
	if (n->nh_scope != RT_SCOPE_UNIVERSE || p->sh->o.details)
		rtp_str(p, "scope", "scope %s ",
		       rt_scope_n2a(n->nh_scope, b, sizeof(b)));
	if (tb[NHA_BLACKHOLE])
		rtp_null(p, "blackhole", "blackhole ");
	if (n->nh_protocol != RTPROT_UNSPEC || p->sh->o.details)
		rtp_str(p, "protocol", "proto %s ",
		       rt_proto_n2a(n->nh_protocol, b, sizeof(b)));
	print_flags(p, n->nh_flags);
	if (tb[NHA_FDB])
		rtp_null(p, "fdb", "fdb");
	rtp_close(p);
	free(ans);
}

/* ------------------------------------------------------------ filter */

void rt_filter_reset(struct rt_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->mdst.bitlen = -1;
	f->msrc.bitlen = -1;
}

uint32_t rt_msg_table(struct nlmsghdr *nlh, struct nlattr **tb)
{
	struct rtmsg *r = nlmsg_data(nlh);

	return tb[RTA_TABLE] ? nla_get_u32(tb[RTA_TABLE]) : r->rtm_table;
}

/* inet_addr_match: the first BITS bits of A and B are the same */
static bool addr_match(const unsigned char *a, const unsigned char *b,
		       int bits)
{
	int bytes = bits / 8;

	if (bits <= 0)
		return true;
	if (memcmp(a, b, (size_t)bytes))
		return false;
	if (bits % 8) {
		unsigned char mask = (unsigned char)(0xff << (8 - bits % 8));

		return !((a[bytes] ^ b[bytes]) & mask);
	}
	return true;
}

static int host_len(int family)
{
	switch (family) {
	case AF_INET6: return 128;
	case AF_INET: return 32;
	case AF_MPLS: return 20;
	default: return 0;
	}
}

/* filter_nlmsg, with the route's attributes TB */
bool rt_filter_keep(struct rt_print *p, struct nlmsghdr *nlh,
		    struct nlattr **tb)
{
	struct rt_filter *f = p->f;
	struct rtmsg *r = nlmsg_data(nlh);
	unsigned char dst[16] = { 0 }, src[16] = { 0 }, via[16] = { 0 },
		      prefsrc[16] = { 0 };
	int hl = host_len(r->rtm_family);
	uint32_t table = rt_msg_table(nlh, tb);

	if (p->sh->o.family && r->rtm_family != p->sh->o.family)
		return false;
	if (r->rtm_family == AF_INET6 && table != RT_TABLE_MAIN)
		f->ip6_multiple_tables = true;
	if (f->cloned == !(r->rtm_flags & RTM_F_CLONED))
		return false;
	if (r->rtm_family == AF_INET6 && !f->ip6_multiple_tables) {
		if (f->tb == RT_TABLE_LOCAL && r->rtm_type != RTN_LOCAL)
			return false;
		if (f->tb == RT_TABLE_MAIN && r->rtm_type == RTN_LOCAL)
			return false;
		if (f->tb && f->tb != RT_TABLE_LOCAL && f->tb != RT_TABLE_MAIN)
			return false;
	} else if (f->tb > 0 && f->tb != table) {
		return false;
	}
	if ((f->protocol ^ r->rtm_protocol) & f->protocolmask)
		return false;
	if ((f->scope ^ r->rtm_scope) & f->scopemask)
		return false;
	if (f->typemask && !(r->rtm_type < 64 &&
			     (f->typemask & (1ull << r->rtm_type))))
		return false;
	if ((f->tos ^ r->rtm_tos) & f->tosmask)
		return false;
	if (f->rdst.family ? r->rtm_family != f->rdst.family ||
				     f->rdst.bitlen > r->rtm_dst_len :
			     f->rdst.len_given && f->rdst.bitlen > r->rtm_dst_len)
		return false;
	if (f->mdst.family ? r->rtm_family != f->mdst.family ||
				     (f->mdst.bitlen >= 0 &&
				      f->mdst.bitlen < r->rtm_dst_len) :
			     f->mdst.len_given && f->mdst.bitlen >= 0 &&
				     f->mdst.bitlen < r->rtm_dst_len)
		return false;
	if (f->rsrc.family ? r->rtm_family != f->rsrc.family ||
				     f->rsrc.bitlen > r->rtm_src_len :
			     f->rsrc.len_given && f->rsrc.bitlen > r->rtm_src_len)
		return false;
	if (f->msrc.family ? r->rtm_family != f->msrc.family ||
				     (f->msrc.bitlen >= 0 &&
				      f->msrc.bitlen < r->rtm_src_len) :
			     f->msrc.len_given && f->msrc.bitlen >= 0 &&
				     f->msrc.bitlen < r->rtm_src_len)
		return false;
	if (f->rvia.family) {
		int family = r->rtm_family;

		if (tb[RTA_VIA] && nla_len(tb[RTA_VIA]) >= 2)
			family = ((struct rtvia *)nla_data(tb[RTA_VIA]))
					 ->rtvia_family;
		if (family != f->rvia.family)
			return false;
	}
	if (f->rprefsrc.family && r->rtm_family != f->rprefsrc.family)
		return false;
	if (tb[RTA_DST])
		memcpy(dst, nla_data(tb[RTA_DST]),
		       MIN((size_t)(r->rtm_dst_len + 7) / 8,
			   (size_t)nla_len(tb[RTA_DST])));
	if (tb[RTA_SRC])
		memcpy(src, nla_data(tb[RTA_SRC]),
		       MIN((size_t)(r->rtm_src_len + 7) / 8,
			   (size_t)nla_len(tb[RTA_SRC])));
	if (f->rvia.bitlen > 0) {
		if (tb[RTA_GATEWAY])
			memcpy(via, nla_data(tb[RTA_GATEWAY]),
			       MIN((size_t)hl / 8,
				   (size_t)nla_len(tb[RTA_GATEWAY])));
		if (tb[RTA_VIA] && nla_len(tb[RTA_VIA]) > 2)
			memcpy(via, ((struct rtvia *)nla_data(tb[RTA_VIA]))
					    ->rtvia_addr,
			       MIN((size_t)nla_len(tb[RTA_VIA]) - 2,
				   sizeof(via)));
	}
	if (f->rprefsrc.bitlen > 0 && tb[RTA_PREFSRC])
		memcpy(prefsrc, nla_data(tb[RTA_PREFSRC]),
		       MIN((size_t)hl / 8, (size_t)nla_len(tb[RTA_PREFSRC])));
	if ((f->rdst.family || f->rdst.len_given) &&
	    !addr_match(dst, f->rdst.data, f->rdst.bitlen))
		return false;
	if ((f->mdst.family || f->mdst.len_given) &&
	    !addr_match(dst, f->mdst.data, r->rtm_dst_len))
		return false;
	if ((f->rsrc.family || f->rsrc.len_given) &&
	    !addr_match(src, f->rsrc.data, f->rsrc.bitlen))
		return false;
	if ((f->msrc.family || f->msrc.len_given) && f->msrc.bitlen >= 0 &&
	    !addr_match(src, f->msrc.data, r->rtm_src_len))
		return false;
	if (f->rvia.family && !addr_match(via, f->rvia.data, f->rvia.bitlen))
		return false;
	if (f->rprefsrc.family &&
	    !addr_match(prefsrc, f->rprefsrc.data, f->rprefsrc.bitlen))
		return false;
	if (f->realmmask &&
	    (((tb[RTA_FLOW] ? nla_get_u32(tb[RTA_FLOW]) : 0) ^ f->realm) &
	     f->realmmask))
		return false;
	if (f->iifmask &&
	    (((tb[RTA_IIF] ? (int)nla_get_u32(tb[RTA_IIF]) : 0) ^ f->iif) &
	     f->iifmask))
		return false;
	if (f->oifmask &&
	    (((tb[RTA_OIF] ? (int)nla_get_u32(tb[RTA_OIF]) : 0) ^ f->oif) &
	     f->oifmask))
		return false;
	if (f->markmask &&
	    (((tb[RTA_MARK] ? (int)nla_get_u32(tb[RTA_MARK]) : 0) ^ f->mark) &
	     f->markmask))
		return false;
	if (f->metricmask &&
	    (((tb[RTA_PRIORITY] ? nla_get_u32(tb[RTA_PRIORITY]) : 0) ^
	      f->metric) & f->metricmask))
		return false;
	/* the IPv6 null entry, which cannot be deleted */
	if (f->flushing && r->rtm_family == AF_INET6 && !r->rtm_dst_len &&
	    r->rtm_type == RTN_UNREACHABLE && tb[RTA_PRIORITY] &&
	    nla_get_u32(tb[RTA_PRIORITY]) == UINT32_MAX)
		return false;
	return true;
}

/* ------------------------------------------------------------ route */

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
}

/* the destination or source: "10.0.0.0/24", "10.0.0.1", "default" */
static const char *prefix_text(const struct rtmsg *r, const struct nlattr *a,
			       unsigned len, char *buf, size_t size)
{
	int family = real_family(r->rtm_type, r->rtm_family);
	char addr[96];

	rta_addr(family, a, addr, sizeof(addr));
	if ((int)len != host_len(r->rtm_family))
		snprintf(buf, size, "%s/%u", addr, len);
	else
		snprintf(buf, size, "%s", addr);
	return buf;
}

void rt_print_route(struct rt_print *p, struct nlmsghdr *nlh)
{
	struct rtmsg *r = nlmsg_data(nlh);
	struct rt_filter *f = p->f;
	struct nlattr *tb[RTA_MAX + 1];
	int hl = host_len(r->rtm_family);
	int details = p->sh->o.details;
	uint32_t table;
	char b[INET6_ADDRSTRLEN + 64];

	if (nlh->nlmsg_type != RTM_NEWROUTE && nlh->nlmsg_type != RTM_DELROUTE)
		return;
	if (nlmsg_parse(nlh, sizeof(*r), tb, RTA_MAX, NULL) < 0)
		return;
	if (!rt_filter_keep(p, nlh, tb))
		return;
	table = rt_msg_table(nlh, tb);
	rtp_open(p, NULL);
	if (nlh->nlmsg_type == RTM_DELROUTE)
		rtp_bool(p, "deleted", "Deleted ", true);
	if ((r->rtm_type != RTN_UNICAST || details) &&
	    (!f->typemask || (r->rtm_type < 64 &&
			      (f->typemask & (1ull << r->rtm_type)))))
		rtp_str(p, "type", "%s ", rt_type_n2a(r->rtm_type, b, sizeof(b)));
	if (tb[RTA_DST])
		prefix_text(r, tb[RTA_DST], r->rtm_dst_len, b, sizeof(b));
	else if (r->rtm_dst_len)
		snprintf(b, sizeof(b), "0/%d ", r->rtm_dst_len);
	else
		snprintf(b, sizeof(b), "default");
	rtp_color(p, tb[RTA_DST] ? fam_color(real_family(r->rtm_type,
							 r->rtm_family)) :
		  PC_NONE, "dst", "%s ", b);
	if (tb[RTA_SRC]) {
		rtp_color(p, fam_color(real_family(r->rtm_type, r->rtm_family)),
			  "from", "from %s ",
		       prefix_text(r, tb[RTA_SRC], r->rtm_src_len, b,
				   sizeof(b)));
	} else if (r->rtm_src_len) {
		snprintf(b, sizeof(b), "0/%u", r->rtm_src_len);
		rtp_str(p, "src", "from %s ", b);
	}
	if (tb[RTA_NH_ID])
		rtp_uint(p, "nhid", "nhid %llu ", nla_get_u32(tb[RTA_NH_ID]));
	if (tb[RTA_NEWDST])
		print_newdst(p, r->rtm_family, tb[RTA_NEWDST]);
	if (tb[RTA_ENCAP])
		print_encap(p, tb[RTA_ENCAP_TYPE], tb[RTA_ENCAP]);
	if (r->rtm_tos && f->tosmask != -1)
		rtp_str(p, "tos", "tos %s ",
		       rt_dsfield_n2a(r->rtm_tos, b, sizeof(b)));
	if (tb[RTA_GATEWAY] && f->rvia.bitlen != hl)
		print_gateway(p, r->rtm_family,
			      rta_addr(r->rtm_family, tb[RTA_GATEWAY], b,
				       sizeof(b)));
	if (tb[RTA_VIA])
		print_via(p, tb[RTA_VIA]);
	if (tb[RTA_OIF] && f->oifmask != -1)
		print_dev(p, "dev", nla_get_u32(tb[RTA_OIF]));
	if (table && (table != RT_TABLE_MAIN || details) && !f->tb)
		rtp_str(p, "table", "table %s ", rt_table_n2a(table, b, sizeof(b)));
	if (!(r->rtm_flags & RTM_F_CLONED)) {
		if ((r->rtm_protocol != RTPROT_BOOT || details) &&
		    f->protocolmask != -1)
			rtp_str(p, "protocol", "proto %s ",
			       rt_proto_n2a(r->rtm_protocol, b, sizeof(b)));
		if ((r->rtm_scope != RT_SCOPE_UNIVERSE || details) &&
		    f->scopemask != -1)
			rtp_str(p, "scope", "scope %s ",
			       rt_scope_n2a(r->rtm_scope, b, sizeof(b)));
	}
	if (tb[RTA_PREFSRC] && f->rprefsrc.bitlen != hl) {
		if (!p->json)
			fputs("src ", stdout);
		rtp_color(p, fam_color(r->rtm_family), "prefsrc", "%s ",
			  rta_addr(r->rtm_family, tb[RTA_PREFSRC], b,
				   sizeof(b)));
	}
	if (tb[RTA_PRIORITY] && f->metricmask != (uint32_t)-1)
		rtp_uint(p, "metric", "metric %llu ",
			nla_get_u32(tb[RTA_PRIORITY]));
	print_flags(p, r->rtm_flags);
	if (tb[RTA_MARK] && nla_get_u32(tb[RTA_MARK])) {
		uint32_t mark = nla_get_u32(tb[RTA_MARK]);

		if (p->json)
			json_uint(&p->j, "mark", mark);
		else if (mark >= 16)
			printf("mark 0x%x ", mark);
		else
			printf("mark %u ", mark);
	}
	if (tb[RTA_FLOW] && f->realmmask != ~0u)
		print_flow(p, tb[RTA_FLOW]);
	if (tb[RTA_UID])
		rtp_uint(p, "uid", "uid %llu ", nla_get_u32(tb[RTA_UID]));
	if (r->rtm_family == AF_INET && (r->rtm_flags & RTM_F_CLONED))
		print_cache_flags(p, r->rtm_flags);
	if ((r->rtm_family == AF_INET || r->rtm_family == AF_INET6) &&
	    tb[RTA_CACHEINFO] &&
	    nla_len(tb[RTA_CACHEINFO]) >= (int)sizeof(struct rta_cacheinfo))
		print_cacheinfo(p, nla_data(tb[RTA_CACHEINFO]));
	if (tb[RTA_METRICS])
		print_metrics(p, tb[RTA_METRICS]);
	if (tb[RTA_IIF] && f->iifmask != -1)
		print_dev(p, "iif", nla_get_u32(tb[RTA_IIF]));
	if (tb[RTA_PREF])
		print_pref(p, nla_get_u8(tb[RTA_PREF]));
	if (tb[RTA_TTL_PROPAGATE]) {
		bool on = nla_get_u8(tb[RTA_TTL_PROPAGATE]);

		if (p->json)
			json_bool(&p->j, "ttl-propogate", on);
		else
			printf("ttl-propogate %s", on ? "enabled" : "disabled");
	}
	if (tb[RTA_NH_ID] && details)
		print_nh_info(p, nla_get_u32(tb[RTA_NH_ID]));
	if (tb[RTA_MULTIPATH])
		print_multipath(p, r, tb[RTA_MULTIPATH]);
	if (!p->json)
		putchar('\n');
	rtp_close(p);
}

/* ------------------------------------------------------------ list */

enum list_key {
	LK_TABLE = 1, LK_VRF, LK_CACHED, LK_TOS, LK_PROTO, LK_SCOPE, LK_TYPE,
	LK_DEV, LK_IIF, LK_MARK, LK_METRIC, LK_VIA, LK_SRC, LK_REALMS,
	LK_FROM, LK_TO,
};

/* a parsed RTMATCH value as iproute2's get_prefix makes it, in FAMILY
 * (AF_UNSPEC: the address's); 0, or 1 after reporting a wrong family */
static int to_prefix(struct nsh *sh, const struct nsh_val *v, int family,
		     struct rt_prefix *ret)
{
	memset(ret, 0, sizeof(*ret));
	if (v->special) {
		ret->family = family;
		ret->bitlen = 0;
		ret->len_given = v->special == 'd';
		return 0;
	}
	if (family && family != v->pfx.family)
		return nsh_err(sh, "'%s': not an %s prefix", v->text,
			       family == AF_INET ? "IPv4" :
			       family == AF_INET6 ? "IPv6" :
						    rt_family_name(family));
	ret->family = v->pfx.family;
	ret->bitlen = v->pfx.len;
	ret->len_given = v->pfx.has_len;
	memcpy(ret->data, v->pfx.addr, sizeof(ret->data));
	return 0;
}

/* [root|match|exact] PREFIX into the filter's R (root) and M (match) */
static int sel_prefix(struct nsh *sh, const struct nsh_args *a, int i,
		      int family, struct rt_prefix *r, struct rt_prefix *m)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	int mode = 'e';

	if (v && ipl_arg(a, i, 1)) {	/* the mode word first */
		mode = v->special;
		v = ipl_arg(a, i, 1);
	}
	if (!v)
		return 0;
	if (mode == 'r')
		return to_prefix(sh, v, family, r);
	if (to_prefix(sh, v, family, m))
		return 1;
	if (mode == 'e')
		*r = *m;
	return 0;
}

/* the filter of `ip route list|flush` from A; 0 or 1 */
static int list_filter(struct nsh *sh, const struct nsh_args *a,
		       struct rt_filter *f, int *ret_family)
{
	int family = sh->o.family, idx;
	const char *od = NULL, *id = NULL;
	uint32_t mark = 0;

	rt_filter_reset(f);
	f->tb = RT_TABLE_MAIN;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (a->bind[i].opt->key) {
		case LK_TABLE:
			if (v->special == 'a')
				f->tb = 0;
			else if (v->special == 'c')
				f->cloned = 1;
			else
				f->tb = (uint32_t)v->num;
			break;
		case LK_VRF:
			if (rt_vrf_table(sh, v->text, &f->tb))
				return 1;
			f->typemask = ~((1ull << RTN_LOCAL) |
					(1ull << RTN_BROADCAST));
			break;
		case LK_CACHED:
			f->cloned = 1;
			break;
		case LK_TOS:
			f->tos = (int)v->num;
			f->tosmask = -1;
			break;
		case LK_PROTO:
			f->protocol = v->special ? 0 : (int)v->num;
			f->protocolmask = v->special ? 0 : -1;
			break;
		case LK_SCOPE:
			f->scope = v->special ? RT_SCOPE_NOWHERE : (int)v->num;
			f->scopemask = v->special ? 0 : -1;
			break;
		case LK_TYPE:
			f->typemask = v->num < 64 ? 1ull << v->num : 0;
			break;
		case LK_DEV:
			od = v->text;
			break;
		case LK_IIF:
			id = v->text;
			break;
		case LK_MARK:
			mark = (uint32_t)v->num;
			f->markmask = -1;
			break;
		case LK_METRIC:
			f->metric = (uint32_t)v->num;
			f->metricmask = (uint32_t)-1;
			break;
		case LK_VIA: {
			const struct nsh_val *w = ipl_arg(a, i, 1);
			int fam = family;

			if (w) {	/* a family word first */
				fam = rt_read_family(v->text);
				v = w;
			}
			if (to_prefix(sh, v, fam, &f->rvia))
				return 1;
			break;
		}
		case LK_SRC:
			if (to_prefix(sh, v, family, &f->rprefsrc))
				return 1;
			break;
		case LK_REALMS: {
			size_t n = strlen(v->text);

			f->realm = (uint32_t)v->num;
			f->realmmask = ~0u;
			if (!(f->realm & 0xffff) && n && v->text[n - 1] == '/')
				f->realmmask &= ~0xffffu;
			if (!(f->realm & 0xffff0000u) &&
			    (!strchr(v->text, '/') || v->text[0] == '/'))
				f->realmmask &= ~0xffff0000u;
			break;
		}
		case LK_FROM:
			if (sel_prefix(sh, a, i, family, &f->rsrc, &f->msrc))
				return 1;
			break;
		case LK_TO:
			if (sel_prefix(sh, a, i, family, &f->rdst, &f->mdst))
				return 1;
			break;
		default:
			break;
		}
	}
	if (family == AF_UNSPEC && f->tb)
		family = AF_INET;
	if (id) {
		if (link_index(sh, id, &idx))
			return 1;
		f->iif = idx;
		f->iifmask = -1;
	}
	if (od) {
		if (link_index(sh, od, &idx))
			return 1;
		f->oif = idx;
		f->oifmask = -1;
	}
	f->mark = (int)mark;
	*ret_family = family;
	return 0;
}

/* one dump of FAMILY's routes (cached ones when the filter asks) */
static int dump_routes(struct nsh *sh, struct nl_sock *sk, int family,
		       const struct rt_filter *f, struct msg_list *l)
{
	struct rtmsg hdr = { .rtm_family = (unsigned char)family };

	if (f->cloned)
		hdr.rtm_flags |= RTM_F_CLONED;
	return dump_msgs(sh, sk, RTM_GETROUTE, &hdr, sizeof(hdr), "routes", l);
}

/* iproute_flush_cache: the IPv4 routing cache */
static int flush_cache4(struct nsh *sh)
{
	const char *path = "/proc/sys/net/ipv4/route/flush";
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	bool ok;

	if (fd < 0)
		return nsh_err(sh, "cannot open %s: %s", path, strerror(errno));
	ok = write(fd, "-1", 2) == 2;
	close(fd);
	if (!ok)
		return nsh_err(sh, "cannot flush the routing cache: %s",
			       strerror(errno));
	return 0;
}

static int flush(struct rt_print *p, int family)
{
	struct nsh *sh = p->sh;
	time_t start = time(NULL);
	char why[256];
	int round = 0;

	if (p->f->cloned) {
		if (family != AF_INET6) {
			if (flush_cache4(sh))
				return 1;
			if (sh->o.stats)
				printf("*** IPv4 routing cache is flushed.\n");
		}
		if (family == AF_INET)
			return 0;
	}
	p->f->flushing = true;
	for (;;) {
		_cleanup_(msg_list_free) struct msg_list l = { 0 };
		int flushed = 0, failed = 0;

		if (dump_routes(sh, p->sk, family, p->f, &l))
			return 1;
		/* like iproute2's batch: every route of the round is asked
		 * for, and a refusal ends the flush after the round */
		for (int i = 0; i < l.n; i++) {
			struct nlmsghdr *nlh = l.v[i];
			struct nlattr *tb[RTA_MAX + 1];
			_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
			int err;

			if (nlmsg_parse(nlh, sizeof(struct rtmsg), tb, RTA_MAX,
					NULL) < 0 ||
			    !rt_filter_keep(p, nlh, tb))
				continue;
			flushed++;
			if (sh->o.stats >= 2)
				rt_print_route(p, nlh);
			/* the route as the kernel gave it, now deleted */
			msg = nlmsg_alloc_simple(RTM_DELROUTE, 0);
			if (!msg || nlmsg_append(msg, nlmsg_data(nlh),
						 nlmsg_datalen(nlh),
						 NLMSG_ALIGNTO) < 0)
				return nsh_err(sh, "out of memory");
			err = ipr_ack(p->sk, msg);
			if (err < 0 && !failed++)
				nl_reason(err, why, sizeof(why));
		}
		if (failed)
			return nsh_err(sh, "cannot flush %d of the routes: %s",
				       failed, why);
		if (!flushed) {
			if (sh->o.stats) {
				if (round == 0 &&
				    (!p->f->cloned || family == AF_INET6))
					printf("Nothing to flush.\n");
				else
					printf("*** Flush is complete after %d "
					       "round%s ***\n", round,
					       round > 1 ? "s" : "");
			}
			fflush(stdout);
			return 0;
		}
		round++;
		if (time(NULL) - start > 30) {
			printf("\n*** Flush not completed after %ld seconds, "
			       "%d entries remain ***\n",
			       (long)(time(NULL) - start), flushed);
			return 1;
		}
		if (sh->o.stats) {
			printf("\n*** Round %d, deleting %d entries ***\n",
			       round, flushed);
			fflush(stdout);
		}
	}
}

/* any word after the verb (the global options are bindings too) */
static bool has_words(const struct nsh_args *a)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && a->bind[i].opt->key < IPL_KEY_GLOBAL)
			return true;
	return false;
}

int route_list(struct nsh *sh, const struct nsh_args *a, bool do_flush)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct nl_sock *sk = ns_sock(sh);
	struct rt_filter f;
	struct rt_print p;
	int family = AF_UNSPEC;

	rt_names_reset(sh->o.numeric);
	if (!sk)
		return 1;
	if (do_flush && !has_words(a))
		return nsh_err(sh, "\"ip route flush\" requires arguments");
	if (list_filter(sh, a, &f, &family))
		return 1;
	rt_print_begin(&p, sh, sk, &f);
	if (do_flush)
		return flush(&p, family);
	if (dump_routes(sh, sk, family, &f, &l))
		return 1;
	if (p.json)
		json_begin_array(&p.j);
	for (int i = 0; i < l.n; i++)
		rt_print_route(&p, l.v[i]);
	if (p.json) {
		json_end_array(&p.j);
		json_end(&p.j);
	}
	fflush(stdout);
	return 0;
}

/* ------------------------------------------------------------ get */

enum get_key {
	GK_TOS = 1, GK_FROM, GK_IIF, GK_MARK, GK_OIF, GK_NOTIFY, GK_CONNECTED,
	GK_VRF, GK_UID, GK_FIBMATCH, GK_AS, GK_SPORT, GK_DPORT, GK_IPPROTO,
	GK_TO,
};

/* the family a prefix value sets (AF_UNSPEC for default, all, any) */
static int val_family(const struct nsh_val *v)
{
	return v->special ? AF_UNSPEC : v->pfx.family;
}

/* get_prefix's family check: V must be of *FAMILY when it is set; else
 * it sets it */
static int want_family(struct nsh *sh, const struct nsh_val *v, int *family)
{
	int f = val_family(v);

	if (*family && f && f != *family)
		return nsh_err(sh, "'%s': not an %s address", v->text,
			       *family == AF_INET ? "IPv4" : "IPv6");
	if (!*family)
		*family = f;
	return 0;
}

/* the address bytes of V in FAMILY (default: zeros of its length) */
static int val_bytes(const struct nsh_val *v, int family)
{
	if (v->special == 'a')
		return 0;
	if (v->special == 'd')
		return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
	return v->pfx.family == AF_INET ? 4 : 16;
}

/* the request of `ip route get`, from A */
static int get_request(struct nsh *sh, const struct nsh_args *a,
		       struct nl_msg *msg, bool *connected, const char **dst)
{
	struct rtmsg r = { .rtm_family = (unsigned char)sh->o.family };
	const char *idev = NULL, *odev = NULL;
	bool fibmatch = false, from_ok = false, found = false;
	int family = sh->o.family, idx;
	uint32_t mark = 0;
	struct rtmsg *rtm;

	if (nlmsg_append(msg, &r, sizeof(r), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	rtm = nlmsg_data(nlmsg_hdr(msg));
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct nsh_val *v = ipl_arg(a, i, 0);
		int err = 0, n;

		switch (a->bind[i].opt->key) {
		case GK_TOS:
			rtm->rtm_tos = (unsigned char)v->num;
			break;
		case GK_FROM:
			if (want_family(sh, v, &family))
				return 1;
			from_ok = true;
			n = val_bytes(v, family);
			if (n)
				err = nla_put(msg, RTA_SRC, n, v->pfx.addr);
			rtm->rtm_src_len = v->special ? 0 :
						(unsigned char)v->pfx.len;
			break;
		case GK_IIF:
			idev = v->text;
			break;
		case GK_MARK:
			mark = (uint32_t)v->num;
			break;
		case GK_OIF:
			odev = v->text;
			break;
		case GK_NOTIFY:
			rtm->rtm_flags |= RTM_F_NOTIFY;
			break;
		case GK_CONNECTED:
			*connected = true;
			break;
		case GK_VRF: {
			uint32_t tid;

			if (rt_vrf_table(sh, v->text, &tid))
				return 1;
			odev = v->text;
			break;
		}
		case GK_UID:
			err = nla_put_u32(msg, RTA_UID, (uint32_t)v->num);
			break;
		case GK_FIBMATCH:
			fibmatch = true;
			break;
		case GK_AS:
			if (streq(v->text, "to"))
				v = ipl_arg(a, i, 1);
			if (want_family(sh, v, &family))
				return 1;
			err = nla_put(msg, RTA_NEWDST, val_bytes(v, family),
				      v->pfx.addr);
			break;
		case GK_SPORT:
			err = nla_put_u16(msg, RTA_SPORT,
					  htons((uint16_t)v->num));
			break;
		case GK_DPORT:
			err = nla_put_u16(msg, RTA_DPORT,
					  htons((uint16_t)v->num));
			break;
		case GK_IPPROTO:
			err = nla_put_u8(msg, RTA_IP_PROTO, (uint8_t)v->num);
			break;
		case GK_TO: {
			int len = v->special ? 0 : v->pfx.len;

			if (want_family(sh, v, &family))
				return 1;
			n = val_bytes(v, family);
			if (n)
				err = nla_put(msg, RTA_DST, n, v->pfx.addr);
			if (family == AF_INET && len != 32) {
				nsh_warn(sh, "/%u as prefix is invalid, only "
					     "/32 (or none) is supported", len);
				len = 32;
			} else if (family == AF_INET6 && len != 128) {
				nsh_warn(sh, "/%u as prefix is invalid, only "
					     "/128 (or none) is supported",
					 len);
				len = 128;
			}
			rtm->rtm_dst_len = (unsigned char)len;
			found = true;
			*dst = v->text;
			break;
		}
		default:
			break;
		}
		if (err < 0)
			return nsh_err(sh, "out of memory");
		rtm = nlmsg_data(nlmsg_hdr(msg));
	}
	if (!found)
		return nsh_err(sh, "need at least a destination address");
	if (idev) {
		if (link_index(sh, idev, &idx) ||
		    nla_put_u32(msg, RTA_IIF, (uint32_t)idx) < 0)
			return 1;
	}
	if (odev) {
		if (link_index(sh, odev, &idx) ||
		    nla_put_u32(msg, RTA_OIF, (uint32_t)idx) < 0)
			return 1;
	}
	if (mark && nla_put_u32(msg, RTA_MARK, mark) < 0)
		return nsh_err(sh, "out of memory");
	rtm = nlmsg_data(nlmsg_hdr(msg));
	rtm->rtm_family = (unsigned char)(family ? family : AF_INET);
	/* only IPv4 knows RTM_F_LOOKUP_TABLE */
	if (rtm->rtm_family == AF_INET)
		rtm->rtm_flags |= RTM_F_LOOKUP_TABLE;
	if (fibmatch)
		rtm->rtm_flags |= RTM_F_FIB_MATCH;
	if (from_ok)
		*connected = false;
	return 0;
}

int route_get(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nlmsg_alloc_simple(RTM_GETROUTE, NLM_F_REQUEST);
	struct nl_sock *sk = ns_sock(sh);
	bool connected = false;
	const char *dst = "";
	struct rt_filter f;
	struct rt_print p;
	char why[256];

	rt_names_reset(sh->o.numeric);
	if (!sk)
		return 1;
	if (!msg)
		return nsh_err(sh, "out of memory");
	if (get_request(sh, a, msg, &connected, &dst))
		return 1;
	rt_filter_reset(&f);
	f.cloned = 2;	/* cached or not */
	rt_print_begin(&p, sh, sk, &f);
	/* `connected` asks again (iproute2 6.1 sends the same request) and
	 * prints both answers; its JSON ends with the first */
	for (int round = 0; round < (connected ? 2 : 1); round++) {
		struct nlmsghdr *ans;
		int err;

		nlmsg_hdr(msg)->nlmsg_seq = NL_AUTO_SEQ;
		err = ipr_get(sk, msg, &ans);
		if (err < 0)
			return nsh_err(sh, "'%s': %s", dst,
				       nl_reason(err, why, sizeof(why)));
		if (p.json)
			json_begin_array(&p.j);
		rt_print_route(&p, ans);
		free(ans);
		if (p.json) {
			json_end_array(&p.j);
			json_end(&p.j);
			p.json = false;
		}
	}
	fflush(stdout);
	return 0;
}

/* ------------------------------------------------------------ tables */

/* via [FAMILY] PREFIX */
static int parse_via_sel(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, "RTMATCH");
	int family;

	if (!w)
		return p->completing ? -2 : -1;
	family = rt_read_family(w);
	if (family == AF_PACKET || family == AF_MPLS || family == AF_BRIDGE) {
		ipl_fallback(p);
		return 0;
	}
	if (family) {
		if (rt_bind_word(p, o, p->i++, 0))
			return -1;
		if (!ipl_need(p, o, "RTMATCH"))
			return p->completing ? -2 : -1;
	}
	if (ipl_bind_val(p, o, "RTMATCH", p->i))
		return -1;
	p->i++;
	return 0;
}

/* [root|match|exact] PREFIX (any abbreviation of the three) */
static int parse_sel(struct ipl_parse *p, const struct ipl_opt *o)
{
	static const char *const modes[] = { "root", "match", "exact" };
	const char *w = ipl_need(p, o, "RTMATCH");

	if (!w)
		return p->completing ? -2 : -1;
	for (size_t m = 0; m < ARRAY_SIZE(modes); m++) {
		if (!ipl_matches(w, modes[m]))
			continue;
		if (rt_bind_word(p, o, p->i++, modes[m][0]))
			return -1;
		if (!ipl_need(p, o, "RTMATCH"))
			return p->completing ? -2 : -1;
		break;
	}
	if (ipl_bind_val(p, o, "RTMATCH", p->i))
		return -1;
	p->i++;
	return 0;
}

#define P IPL_PREFIX
#define A IPL_ALIAS

/* iproute_list_flush_or_save's words, in its order */
static const struct ipl_opt list_rows[] = {
	{ "table", P, "RTTABLESEL", LK_TABLE, "a table, all or cache" },
	{ "vrf", P, "DEV", LK_VRF, "the table of a VRF" },
	{ "cached", P, NULL, LK_CACHED, "cached routes" },
	{ "cloned", P | A, NULL, LK_CACHED },
	{ "tos", 0, "DSFIELD", LK_TOS, "the TOS" },
	{ "dsfield", P | A, "DSFIELD", LK_TOS },
	{ "protocol", P, "RTPROTOSEL", LK_PROTO, "the protocol, or all" },
	{ "scope", P, "RTSCOPESEL", LK_SCOPE, "the scope, or all" },
	{ "type", P, "RTTYPE", LK_TYPE, "the route type" },
	{ "dev", 0, "DEV", LK_DEV, "the output link" },
	{ "oif", A, "DEV", LK_DEV },
	{ "iif", 0, "DEV", LK_IIF, "the input link" },
	{ "mark", 0, "NUM", LK_MARK, "the firewall mark" },
	{ "metric", P, "NUM", LK_METRIC, "the metric" },
	{ "priority", P | A, "NUM", LK_METRIC },
	{ "preference", A, "NUM", LK_METRIC },
	{ "via", 0, "RTMATCH", LK_VIA, "the gateway ([inet|inet6] PREFIX)",
	  NULL, parse_via_sel },
	{ "src", 0, "RTMATCH", LK_SRC, "the preferred source" },
	{ "realms", P, "REALMS", LK_REALMS, "the realms" },
	{ "from", P, "RTMATCH", LK_FROM, "the source prefix "
					 "([root|match|exact] PREFIX)",
	  NULL, parse_sel },
	{ "to", P | IPL_DEFAULT, "RTMATCH", LK_TO,
	  "the prefix: [root|match|exact] PREFIX", NULL, parse_sel },
	{ NULL },
};

const struct ipl_table route_list_opts = { "ip route show", list_rows };

/* iproute_get's words, in its order */
static const struct ipl_opt get_rows[] = {
	{ "tos", 0, "DSFIELD", GK_TOS, "the TOS" },
	{ "dsfield", P | A, "DSFIELD", GK_TOS },
	{ "from", P, "RTMATCH", GK_FROM, "the source address" },
	{ "iif", P, "DEV", GK_IIF, "the input link" },
	{ "mark", P, "NUM", GK_MARK, "the firewall mark" },
	{ "oif", P, "DEV", GK_OIF, "the output link" },
	{ "dev", A, "DEV", GK_OIF },
	{ "notify", P, NULL, GK_NOTIFY, "RTM_F_NOTIFY" },
	{ "connected", P, NULL, GK_CONNECTED, "ask again" },
	{ "vrf", P, "DEV", GK_VRF, "a VRF's table" },
	{ "uid", P, "NUM", GK_UID, "the user ID" },
	{ "fibmatch", P, NULL, GK_FIBMATCH, "the matching route itself" },
	{ "as", 0, "[to] RTMATCH", GK_AS, "the new destination" },
	{ "sport", P, "NUM16", GK_SPORT, "the source port" },
	{ "dport", P, "NUM16", GK_DPORT, "the destination port" },
	{ "ipproto", P, "IPPROTO", GK_IPPROTO, "the IP protocol" },
	{ "to", IPL_DEFAULT, "RTMATCH", GK_TO, "the address" },
	{ NULL },
};

const struct ipl_table route_get_opts = { "ip route get", get_rows };
