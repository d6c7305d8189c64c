/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * nexthop_print.c - a nexthop (print_nexthop) and a resilient group's
 * bucket (print_nexthop_bucket) in iproute2 6.1's layout, text and -j
 * JSON, for nexthop_show.c and the events of `ip monitor`.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/lwtunnel.h>
#include <linux/mpls.h>
#include <linux/mpls_iptunnel.h>
#include <linux/if_tunnel.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/route/link.h>

#include "nexthop.h"

/* ------------------------------------------------------------ show */

void xshow_free(struct xshow *s)
{
	if (s->links)
		nl_cache_free(s->links);
}

static const char *dev_name(struct xshow *s, int idx, char *buf, size_t len)
{
	if (!s->links_done) {
		s->links_done = true;
		if (rtnl_link_alloc_cache(s->sk, AF_UNSPEC, &s->links) < 0)
			s->links = NULL;
	}
	if (!s->links || !rtnl_link_i2name(s->links, idx, buf, len))
		snprintf(buf, len, "if%d", idx);
	return buf;
}

/* "KEY": "VAL" under -j, TEXT VAL and a blank in text */
static void put_str(struct xshow *s, const char *key, const char *text,
		    const char *val)
{
	if (s->json)
		json_str(&s->j, key, val);
	else
		printf("%s%s ", text, val);
}

static void put_uint(struct xshow *s, const char *key, const char *text,
		     unsigned long long val)
{
	if (s->json)
		json_uint(&s->j, key, val);
	else
		printf("%s%llu ", text, val);
}

/* print_tv of a clock_t count (hundredths), as __jiffies_to_tv makes it */
static void put_time(struct xshow *s, const char *key, uint64_t jiffies)
{
	unsigned long long usec = 10000ULL * jiffies;
	unsigned long long sec = usec / 1000000;
	double t = (double)sec + (double)(usec - 1000000 * sec) / 1000000;

	if (s->json) {
		json_key(&s->j, key);
		printf("%g", t);
	} else {
		printf("%s %g ", key, t);
	}
}

static void put_null(struct xshow *s, const char *key, const char *text)
{
	if (s->json) {
		json_key(&s->j, key);
		fputs("null", stdout);
	} else {
		fputs(text, stdout);
	}
}

static void put_bool(struct xshow *s, const char *key)
{
	if (s->json)
		json_bool(&s->j, key, true);
	else
		printf("%s ", key);
}

/* print_rt_flags */
static void put_flags(struct xshow *s, unsigned flags)
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

	if (s->json) {
		json_key(&s->j, "flags");
		json_begin_array(&s->j);
	}
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!(flags & names[i].bit))
			continue;
		if (s->json)
			json_str(&s->j, NULL, names[i].name);
		else
			printf("%s ", names[i].name);
	}
	if (s->json)
		json_end_array(&s->j);
}

static const char *addr_str(int family, const struct nlattr *a, char *buf,
			    size_t len)
{
	if ((family == AF_INET && nla_len(a) == 4) ||
	    (family == AF_INET6 && nla_len(a) == 16))
		return inet_ntop(family, nla_data(a), buf, (socklen_t)len);
	return "???";
}

/* mpls_ntop */
static const char *labels_str(const struct nlattr *a, char *buf, size_t len)
{
	const struct mpls_label *l = nla_data(a);
	int n = nla_len(a) / (int)sizeof(*l);
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && o < len; i++) {
		uint32_t e = ntohl(l[i].entry);

		o += (size_t)snprintf(buf + o, len - o, "%s%u", i ? "/" : "",
				      (e & MPLS_LS_LABEL_MASK) >>
					      MPLS_LS_LABEL_SHIFT);
		if (e & MPLS_LS_S_MASK)
			break;
	}
	return buf;
}

/* lwt_print_encap's mpls part */
static void print_encap_mpls(struct xshow *s, const struct nlattr *encap)
{
	struct nlattr *tb[MPLS_IPTUNNEL_MAX + 1];
	char buf[INET6_ADDRSTRLEN + 512];

	if (nla_parse_nested(tb, MPLS_IPTUNNEL_MAX, (struct nlattr *)encap,
			     NULL) < 0)
		return;
	if (tb[MPLS_IPTUNNEL_DST])
		put_str(s, "dst", " ", labels_str(tb[MPLS_IPTUNNEL_DST], buf,
						 sizeof(buf)));
	if (tb[MPLS_IPTUNNEL_TTL])
		put_uint(s, "ttl", "ttl ", nla_get_u8(tb[MPLS_IPTUNNEL_TTL]));
}

/* lwt_print_encap's ip and ip6 parts (IP: ip): the attributes have the
 * same numbers but for the names of TTL/hop limit and TOS/TC */
static void print_encap_ip(struct xshow *s, const struct nlattr *encap,
			   bool ip)
{
	struct nlattr *tb[LWTUNNEL_IP_MAX + LWTUNNEL_IP6_MAX + 1];
	int fam = ip ? AF_INET : AF_INET6;
	char buf[INET6_ADDRSTRLEN + 512];

	if (nla_parse_nested(tb, ip ? LWTUNNEL_IP_MAX : LWTUNNEL_IP6_MAX,
			     (struct nlattr *)encap, NULL) < 0)
		return;
	if (tb[LWTUNNEL_IP_ID])
		put_uint(s, "id", "id ",
			 nh_swap64(nla_get_u64(tb[LWTUNNEL_IP_ID])));
	if (tb[LWTUNNEL_IP_SRC])
		put_str(s, "src", "src ", addr_str(fam, tb[LWTUNNEL_IP_SRC],
						  buf, sizeof(buf)));
	if (tb[LWTUNNEL_IP_DST])
		put_str(s, "dst", "dst ", addr_str(fam, tb[LWTUNNEL_IP_DST],
						  buf, sizeof(buf)));
	if (ip) {
		if (tb[LWTUNNEL_IP_TTL])
			put_uint(s, "ttl", "ttl ",
				 nla_get_u8(tb[LWTUNNEL_IP_TTL]));
		if (tb[LWTUNNEL_IP_TOS])
			put_uint(s, "tos", "tos ",
				 nla_get_u8(tb[LWTUNNEL_IP_TOS]));
	} else {
		if (tb[LWTUNNEL_IP6_HOPLIMIT])
			put_uint(s, "hoplimit", "hoplimit ",
				 nla_get_u8(tb[LWTUNNEL_IP6_HOPLIMIT]));
		if (tb[LWTUNNEL_IP6_TC])
			put_uint(s, "tc", "tc ",
				 nla_get_u8(tb[LWTUNNEL_IP6_TC]));
	}
	if (tb[LWTUNNEL_IP_FLAGS]) {
		uint16_t f = nla_get_u16(tb[LWTUNNEL_IP_FLAGS]);

		if (f & TUNNEL_KEY)
			put_bool(s, "key");
		if (f & TUNNEL_CSUM)
			put_bool(s, "csum");
		if (f & TUNNEL_SEQ)
			put_bool(s, "seq");
	}
}

/* lwt_print_encap for mpls, ip and ip6; of the others only the type */
static void print_encap(struct xshow *s, const struct nlattr *type,
		      const struct nlattr *encap)
{
	static const char *const names[] = {
		[LWTUNNEL_ENCAP_MPLS] = "mpls", [LWTUNNEL_ENCAP_IP] = "ip",
		[LWTUNNEL_ENCAP_ILA] = "ila", [LWTUNNEL_ENCAP_IP6] = "ip6",
		[LWTUNNEL_ENCAP_SEG6] = "seg6", [LWTUNNEL_ENCAP_BPF] = "bpf",
		[LWTUNNEL_ENCAP_SEG6_LOCAL] = "seg6local",
		[LWTUNNEL_ENCAP_RPL] = "rpl", [LWTUNNEL_ENCAP_IOAM6] = "ioam6",
		[LWTUNNEL_ENCAP_XFRM] = "xfrm",
	};
	unsigned et = nla_get_u16(type);
	const char *name = et < ARRAY_SIZE(names) && names[et] ? names[et] :
								  "unknown";

	if (s->json)
		json_str(&s->j, "encap", name);
	else
		printf(" encap %s ", name);
	if (et == LWTUNNEL_ENCAP_MPLS)
		print_encap_mpls(s, encap);
	else if (et == LWTUNNEL_ENCAP_IP || et == LWTUNNEL_ENCAP_IP6)
		print_encap_ip(s, encap, et == LWTUNNEL_ENCAP_IP);
}

/* the members of a group: "group 1,2/3 " */
static void put_group_members(struct xshow *s, const struct nlattr *a)
{
	const struct nexthop_grp *g = nla_data(a);
	int n = nla_len(a) / (int)sizeof(*g);

	if (s->json) {
		json_key(&s->j, "group");
		json_begin_array(&s->j);
	} else {
		fputs("group ", stdout);
	}
	for (int i = 0; i < n; i++) {
		if (s->json) {
			json_key(&s->j, NULL);
			json_begin_object(&s->j);
			json_uint(&s->j, "id", g[i].id);
			if (g[i].weight)
				json_uint(&s->j, "weight", g[i].weight + 1u);
			json_end_object(&s->j);
			continue;
		}
		printf("%s%u", i ? "/" : "", g[i].id);
		if (g[i].weight)
			printf(",%u", g[i].weight + 1u);
	}
	if (s->json)
		json_end_array(&s->j);
	else
		putchar(' ');
}

static void put_res_group(struct xshow *s, struct nlattr *a)
{
	struct nlattr *tb[NHA_RES_GROUP_MAX + 1];
	uint16_t buckets = 0;
	uint32_t idle = 0, unbal = 0;
	uint64_t unbal_time = 0;

	if (nla_parse_nested(tb, NHA_RES_GROUP_MAX, a, NULL) < 0)
		memset(tb, 0, sizeof(tb));
	if (tb[NHA_RES_GROUP_BUCKETS])
		buckets = nla_get_u16(tb[NHA_RES_GROUP_BUCKETS]);
	if (tb[NHA_RES_GROUP_IDLE_TIMER])
		idle = nla_get_u32(tb[NHA_RES_GROUP_IDLE_TIMER]);
	if (tb[NHA_RES_GROUP_UNBALANCED_TIMER])
		unbal = nla_get_u32(tb[NHA_RES_GROUP_UNBALANCED_TIMER]);
	if (tb[NHA_RES_GROUP_UNBALANCED_TIME])
		unbal_time = nla_get_u64(tb[NHA_RES_GROUP_UNBALANCED_TIME]);
	if (s->json) {
		json_key(&s->j, "resilient_args");
		json_begin_object(&s->j);
	}
	put_uint(s, "buckets", "buckets ", buckets);
	put_time(s, "idle_timer", idle);
	put_time(s, "unbalanced_timer", unbal);
	put_time(s, "unbalanced_time", unbal_time);
	if (s->json)
		json_end_object(&s->j);
}

/* one nexthop in iproute2's layout (__print_nexthop_entry) */
void print_nexthop(struct xshow *s, const struct nlmsghdr *nlh)
{
	const struct nhmsg *nhm = nlmsg_data(nlh);
	struct nlattr *tb[NHA_MAX + 1];
	bool details = s->sh->o.details > 0;
	char buf[INET6_ADDRSTRLEN + 64];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*nhm), tb, NHA_MAX,
			NULL) < 0)
		return;
	if (s->json) {
		json_key(&s->j, NULL);
		json_begin_object(&s->j);
	}
	put_uint(s, "id", "id ", tb[NHA_ID] ? nla_get_u32(tb[NHA_ID]) : 0);
	if (tb[NHA_GROUP] && nla_len(tb[NHA_GROUP]) > 0 &&
	    nla_len(tb[NHA_GROUP]) % (int)sizeof(struct nexthop_grp) == 0)
		put_group_members(s, tb[NHA_GROUP]);
	if (tb[NHA_GROUP_TYPE] &&
	    nla_get_u16(tb[NHA_GROUP_TYPE]) != NEXTHOP_GRP_TYPE_MPATH)
		put_str(s, "type", "type ",
			nla_get_u16(tb[NHA_GROUP_TYPE]) ==
					NEXTHOP_GRP_TYPE_RES ?
				"resilient" : "<unknown type>");
	if (tb[NHA_RES_GROUP])
		put_res_group(s, tb[NHA_RES_GROUP]);
	if (tb[NHA_ENCAP] && tb[NHA_ENCAP_TYPE])
		print_encap(s, tb[NHA_ENCAP_TYPE], tb[NHA_ENCAP]);
	if (tb[NHA_GATEWAY])
		put_str(s, "gateway", "via ",
			addr_str(nhm->nh_family, tb[NHA_GATEWAY], buf,
				 sizeof(buf)));
	if (tb[NHA_OIF] && nla_get_u32(tb[NHA_OIF]))
		put_str(s, "dev", "dev ",
			dev_name(s, (int)nla_get_u32(tb[NHA_OIF]), buf,
				 sizeof(buf)));
	if (nhm->nh_scope != RT_SCOPE_UNIVERSE || details)
		put_str(s, "scope", "scope ",
			rt_scope_n2a(nhm->nh_scope, buf, sizeof(buf)));
	if (tb[NHA_BLACKHOLE])
		put_null(s, "blackhole", "blackhole ");
	if (nhm->nh_protocol != RTPROT_UNSPEC || details)
		put_str(s, "protocol", "proto ",
			rt_proto_n2a(nhm->nh_protocol, buf, sizeof(buf)));
	put_flags(s, nhm->nh_flags);
	if (tb[NHA_FDB])
		put_null(s, "fdb", "fdb");
	if (s->json)
		json_end_object(&s->j);
	else
		putchar('\n');
}

/* one bucket (print_nexthop_bucket) */
void print_bucket(struct xshow *s, const struct nlmsghdr *nlh)
{
	const struct nhmsg *nhm = nlmsg_data(nlh);
	struct nlattr *tb[NHA_MAX + 1], *bt[NHA_RES_BUCKET_MAX + 1];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*nhm), tb, NHA_MAX,
			NULL) < 0)
		return;
	if (s->json) {
		json_key(&s->j, NULL);
		json_begin_object(&s->j);
	}
	if (tb[NHA_ID])
		put_uint(s, "id", "id ", nla_get_u32(tb[NHA_ID]));
	if (tb[NHA_RES_BUCKET] &&
	    nla_parse_nested(bt, NHA_RES_BUCKET_MAX, tb[NHA_RES_BUCKET],
			     NULL) >= 0) {
		if (s->json) {
			json_key(&s->j, "bucket");
			json_begin_object(&s->j);
		}
		if (bt[NHA_RES_BUCKET_INDEX])
			put_uint(s, "index", "index ",
				 nla_get_u16(bt[NHA_RES_BUCKET_INDEX]));
		if (bt[NHA_RES_BUCKET_IDLE_TIME])
			put_time(s, "idle_time",
				 nla_get_u64(bt[NHA_RES_BUCKET_IDLE_TIME]));
		if (bt[NHA_RES_BUCKET_NH_ID])
			put_uint(s, "nhid", "nhid ",
				 nla_get_u32(bt[NHA_RES_BUCKET_NH_ID]));
		if (s->json)
			json_end_object(&s->j);
	}
	put_flags(s, nhm->nh_flags);
	if (s->json)
		json_end_object(&s->j);
	else
		putchar('\n');
}

void xshow_init(struct xshow *s, struct nsh *sh)
{
	memset(s, 0, sizeof(*s));
	s->sh = sh;
	s->json = sh->o.json;
	s->j.pretty = sh->o.pretty;
	rt_names_reset(sh->o.numeric);
}
