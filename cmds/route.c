/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route.c - `ip route …` natively, as iproute2 6.1 (ip/iproute.c): add,
 * change, replace, prepend, append, test and delete with iproute_modify's
 * words in its order and match modes (route types, gateways of another
 * family, metrics, multipath next hops, nexthop objects, lightweight
 * tunnels, tables by number or name …); list, get and flush are in
 * route_show.c; save, restore and showdump (binary dumps) are left to the
 * real ip.
 *
 * The request is the RTM_NEWROUTE (RTM_DELROUTE) iproute2 sends, header
 * and attributes, so that `ip -j route` cannot tell which tool made a
 * route: protocol boot unless given, table main (or local for local,
 * broadcast, nat and anycast routes), scope link for a route without a
 * gateway, host for local and nat, universe else; for a delete, the
 * protocol, type and scope left open.  What the kernel refuses changes
 * nothing; its reason is reported in one line that names the word.
 */
#include "config.h"

#include <errno.h>
#include <endian.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/lwtunnel.h>
#include <linux/mpls_iptunnel.h>
#include <linux/rtnetlink.h>
#include <linux/seg6.h>
#include <linux/seg6_iptunnel.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/vrf.h>

#include "route.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)
DEFINE_PUTP(struct rtnl_link, rtnl_link_put)

enum route_key {
	RK_SRC = 1, RK_AS, RK_VIA, RK_FROM, RK_TOS, RK_EXPIRES, RK_METRIC,
	RK_SCOPE, RK_MTU, RK_HOPLIMIT, RK_ADVMSS, RK_REORDERING, RK_RTT,
	RK_RTO_MIN, RK_WINDOW, RK_CWND, RK_INITCWND, RK_INITRWND,
	RK_FEATURES, RK_QUICKACK, RK_CONGCTL, RK_RTTVAR, RK_SSTHRESH,
	RK_REALMS, RK_ONLINK, RK_NEXTHOP, RK_NHID, RK_PROTO, RK_TABLE,
	RK_VRF, RK_DEV, RK_PREF, RK_ENCAP, RK_TTLPROP, RK_FASTOPEN, RK_TO,
	/* inside `nexthop` */
	NK_VIA, NK_DEV, NK_WEIGHT, NK_ONLINK, NK_REALMS, NK_ENCAP, NK_AS,
	/* inside `encap TYPE` */
	EK_LABELS, EK_TTL, EK_ID, EK_DST, EK_SRC, EK_TOS, EK_KEY, EK_CSUM,
	EK_SEQ, EK_HOPLIMIT, EK_TC, EK_MODE, EK_SEGS, EK_HMAC,
};

/* ------------------------------------------------------------ helpers */

static const char *fam_name(int family)
{
	return family == AF_INET ? "IPv4" : family == AF_INET6 ? "IPv6" :
						   rt_family_name(family);
}

/* the address family of a route being parsed, as iproute_modify keeps
 * it: unset until -4/-6 or the first address word sets it */
struct fam {
	int family;
	const char *by;		/* the word that set it; NULL: -4/-6 */
};

/* V (an address or prefix of its own family, or default/all/any) in the
 * route's family: sets it, or must agree with it */
static int fam_take(struct nsh *sh, struct fam *f, const struct nsh_val *v)
{
	int vf = v->special ? AF_UNSPEC : v->pfx.family;

	if (!vf)
		return 0;
	if (!f->family) {
		f->family = vf;
		f->by = v->text;
		return 0;
	}
	if (vf == f->family)
		return 0;
	if (!f->by)
		return nsh_err(sh, "'%s': not an %s address (-%c was given)",
			       v->text, fam_name(f->family),
			       f->family == AF_INET ? '4' : '6');
	return nsh_err(sh, "'%s': an %s address in a route with %s '%s'",
		       v->text, fam_name(vf), fam_name(f->family), f->by);
}

/* the bytes of address V in FAMILY: default is zeros of FAMILY's
 * length, all/any none */
static int val_bytes(const struct nsh_val *v, int family)
{
	if (v->special == 'a')
		return 0;
	if (v->special == 'd')
		return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
	return v->pfx.family == AF_INET ? 4 : 16;
}

int rt_vrf_table(struct nsh *sh, const char *name, uint32_t *ret)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	const char *kind;

	if (link_lookup(sh, name, &l))
		return 1;
	kind = rtnl_link_get_type(l);
	if (!kind || !streq(kind, "vrf") || rtnl_link_vrf_get_tableid(l, ret) < 0
	    || !*ret)
		return nsh_err(sh, "'%s': not a VRF", name);
	return 0;
}

/*
 * A small attribute buffer, for what goes inside RTA_MULTIPATH (whose
 * struct rtnexthop entries libnl cannot nest) and for an encap.
 */
struct abuf {
	char b[4096];
	size_t n;
	bool full;
};

static struct nlattr *abuf_put(struct abuf *a, int type, const void *data,
			       size_t len)
{
	struct nlattr *na = (struct nlattr *)(a->b + a->n);
	size_t total = NLA_ALIGN(NLA_HDRLEN + len);

	if (a->n + total > sizeof(a->b)) {
		a->full = true;
		return NULL;
	}
	memset(na, 0, total);
	na->nla_type = (uint16_t)type;
	na->nla_len = (uint16_t)(NLA_HDRLEN + len);
	if (len)
		memcpy((char *)na + NLA_HDRLEN, data, len);
	a->n += total;
	return na;
}

static void abuf_u8(struct abuf *a, int type, uint8_t v)
{
	abuf_put(a, type, &v, 1);
}

static void abuf_u16(struct abuf *a, int type, uint16_t v)
{
	abuf_put(a, type, &v, 2);
}

static void abuf_u32(struct abuf *a, int type, uint32_t v)
{
	abuf_put(a, type, &v, 4);
}

/* ------------------------------------------------------------ encap */

/* the encap type of the word W, or LWTUNNEL_ENCAP_NONE */
static int encap_type(const char *w)
{
	static const char *const names[] = {
		[LWTUNNEL_ENCAP_MPLS] = "mpls", [LWTUNNEL_ENCAP_IP] = "ip",
		[LWTUNNEL_ENCAP_IP6] = "ip6", [LWTUNNEL_ENCAP_ILA] = "ila",
		[LWTUNNEL_ENCAP_BPF] = "bpf", [LWTUNNEL_ENCAP_SEG6] = "seg6",
		[LWTUNNEL_ENCAP_SEG6_LOCAL] = "seg6local",
		[LWTUNNEL_ENCAP_RPL] = "rpl", [LWTUNNEL_ENCAP_IOAM6] = "ioam6",
		[LWTUNNEL_ENCAP_XFRM] = "xfrm",
	};

	for (size_t i = 1; i < ARRAY_SIZE(names); i++)
		if (names[i] && streq(w, names[i]))
			return (int)i;
	return LWTUNNEL_ENCAP_NONE;
}

static const char *const seg6_modes[] = {
	[SEG6_IPTUN_MODE_INLINE] = "inline",
	[SEG6_IPTUN_MODE_ENCAP] = "encap",
	[SEG6_IPTUN_MODE_L2ENCAP] = "l2encap",
	[SEG6_IPTUN_MODE_ENCAP_RED] = "encap.red",
	[SEG6_IPTUN_MODE_L2ENCAP_RED] = "l2encap.red",
};

/*
 * encap seg6 [mode MODE] [segs ADDR,…] [hmac KEYID] (parse_encap_seg6):
 * SEG6_IPTUNNEL_SRH, the mode and a segment routing header with the
 * segments last first (inline mode keeps a place for the destination)
 */
static int build_seg6(struct nsh *sh, const struct nsh_args *a, int i,
		      struct abuf *out)
{
	struct {
		int mode;
		struct ipv6_sr_hdr srh;
		unsigned char room[16 * 64 + 40];
	} t = { .mode = -1 };
	const char *segs = "";
	uint32_t hmac = 0;
	int nsegs = 1, len, seg;

	for (int j = ipl_next(a, i); j < a->nbind; j = ipl_next(a, j)) {
		const struct nsh_val *v = ipl_arg(a, j, 0);
		int key = a->bind[j].opt->key;

		if (key < EK_LABELS)
			break;
		if (key == EK_MODE) {
			for (size_t m = 0; m < ARRAY_SIZE(seg6_modes); m++)
				if (streq(v->text, seg6_modes[m]))
					t.mode = (int)m;
		} else if (key == EK_SEGS) {
			if (t.mode == -1)
				return nsh_err(sh, "'%s': \"segs\" provided "
						   "before \"mode\"", v->text);
			segs = v->text;
		} else if (key == EK_HMAC) {
			hmac = (uint32_t)v->num;
		}
	}
	for (const char *c = segs; *c; c++)
		nsegs += *c == ',';
	if (!t.mode)	/* inline: the destination is a segment too */
		nsegs++;
	if (nsegs > 64)
		return nsh_err(sh, "'%s': too many segments", segs);
	len = 8 + 16 * nsegs + (hmac ? 40 : 0);
	t.srh.hdrlen = (unsigned char)((len >> 3) - 1);
	t.srh.type = 4;
	t.srh.segments_left = (unsigned char)(nsegs - 1);
	t.srh.first_segment = (unsigned char)(nsegs - 1);
	if (hmac)
		t.srh.flags |= SR6_FLAG1_HMAC;
	seg = nsegs - 1;
	for (const char *c = segs; *c && seg >= 0; seg--) {
		size_t n = strcspn(c, ",");
		char addr[64];

		snprintf(addr, sizeof(addr), "%.*s", (int)n, c);
		if (inet_pton(AF_INET6, addr, t.room + 16 * seg) != 1)
			return nsh_err(sh, "'%s': not an IPv6 address", addr);
		c += n + (c[n] == ',');
	}
	if (hmac) {
		unsigned char *tlv = (unsigned char *)&t.srh + len - 40;
		uint32_t id = htonl(hmac);

		tlv[0] = 5;	/* SR6_TLV_HMAC */
		tlv[1] = 38;
		memcpy(tlv + 4, &id, 4);
	}
	abuf_put(out, SEG6_IPTUNNEL_SRH, &t, sizeof(int) + (size_t)len);
	return 0;
}

/*
 * The encap that starts at binding I (the `encap` keyword; its value the
 * type, then the type's own words) as the inner attributes of RTA_ENCAP
 * in *OUT; its type in *TYPE.  0, or 1 after reporting.
 */
static int build_encap(struct nsh *sh, const struct nsh_args *a, int i,
		       struct abuf *out, uint16_t *type)
{
	bool v6;
	uint16_t flags = 0;

	*type = (uint16_t)encap_type(ipl_arg(a, i, 0)->text);
	if (*type == LWTUNNEL_ENCAP_SEG6)
		return build_seg6(sh, a, i, out);
	v6 = *type == LWTUNNEL_ENCAP_IP6;
	for (int j = ipl_next(a, i); j < a->nbind; j = ipl_next(a, j)) {
		const struct nsh_val *v = ipl_arg(a, j, 0);
		int key = a->bind[j].opt->key;

		if (key < EK_LABELS)
			break;
		switch (key) {
		case EK_LABELS:
			abuf_put(out, MPLS_IPTUNNEL_DST, v->pfx.addr,
				 (size_t)v->pfx.len);
			break;
		case EK_TTL:	/* MPLS_IPTUNNEL_TTL, LWTUNNEL_IP_TTL */
			abuf_u8(out, *type == LWTUNNEL_ENCAP_MPLS ?
					     MPLS_IPTUNNEL_TTL : LWTUNNEL_IP_TTL,
				(uint8_t)v->num);
			break;
		case EK_HOPLIMIT:
			abuf_u8(out, LWTUNNEL_IP6_HOPLIMIT, (uint8_t)v->num);
			break;
		case EK_ID: {
			uint64_t id = htobe64((uint64_t)v->num);

			abuf_put(out, LWTUNNEL_IP_ID, &id, sizeof(id));
			break;
		}
		case EK_DST:
		case EK_SRC:
			if (v->pfx.family != (v6 ? AF_INET6 : AF_INET))
				return nsh_err(sh, "'%s': not an %s address",
					       v->text, v6 ? "IPv6" : "IPv4");
			abuf_put(out, key == EK_DST ? LWTUNNEL_IP_DST :
						      LWTUNNEL_IP_SRC,
				 v->pfx.addr, v6 ? 16 : 4);
			break;
		case EK_TOS:	/* LWTUNNEL_IP_TOS, LWTUNNEL_IP6_TC */
		case EK_TC:
			abuf_u8(out, v6 ? LWTUNNEL_IP6_TC : LWTUNNEL_IP_TOS,
				(uint8_t)v->num);
			break;
		case EK_CSUM:
			flags |= htons(0x01);
			break;
		case EK_KEY:
			flags |= htons(0x04);
			break;
		case EK_SEQ:
			flags |= htons(0x08);
			break;
		default:
			break;
		}
	}
	if (flags)
		abuf_u16(out, LWTUNNEL_IP_FLAGS, flags);
	if (out->full)
		return nsh_err(sh, "too many attributes");
	return 0;
}

/* ------------------------------------------------------------ the request */

struct route_req {
	struct nsh *sh;
	struct nl_msg *msg;
	struct fam fam;
	int cmd;		/* RTM_NEWROUTE, RTM_DELROUTE */
	bool gw_ok, nhs_ok, scope_ok, table_ok, type_ok, dst_ok;
	uint32_t nhid;
	const char *dev;
	const struct nsh_val *dst, *via, *src;	/* for messages */
	/* RTA_METRICS */
	struct abuf mx;
	uint32_t mxlock;
};

static struct rtmsg *req_rtm(struct route_req *q)
{
	return nlmsg_data(nlmsg_hdr(q->msg));
}

/* a metric: [lock] VALUE */
static void metric(struct route_req *q, const struct nsh_args *a, int i,
		   int rtax, uint32_t mult)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	uint32_t val;

	if (streq(v->text, "lock") && ipl_arg(a, i, 1)) {
		q->mxlock |= 1u << rtax;
		v = ipl_arg(a, i, 1);
	}
	val = (uint32_t)v->num;
	/* a time without a unit is the kernel's own units */
	if (mult > 1 && v->special != 'r')
		val *= mult;
	abuf_u32(&q->mx, rtax, val);
}

/* via [FAMILY] ADDR: RTA_GATEWAY in the route's family, else RTA_VIA */
static int gateway(struct route_req *q, const struct nsh_args *a, int i,
		   struct abuf *nh)
{
	const struct nsh_val *v = ipl_arg(a, i, 0), *w = ipl_arg(a, i, 1);
	int err;

	if (w) {	/* a family word first: an address of that family */
		int family = rt_read_family(v->text);

		v = w;
		if (v->pfx.family != family)
			return nsh_err(q->sh, "'%s': not an %s address",
				       v->text, fam_name(family));
		if (!q->fam.family) {
			q->fam.family = family;
			q->fam.by = v->text;
		}
	} else if (fam_take(q->sh, &q->fam, v)) {
		return 1;
	}
	q->via = v;
	if (v->pfx.family == q->fam.family) {
		if (nh) {
			abuf_put(nh, RTA_GATEWAY, v->pfx.addr,
				 (size_t)val_bytes(v, 0));
			return 0;
		}
		err = nla_put(q->msg, RTA_GATEWAY, val_bytes(v, 0),
			      v->pfx.addr);
	} else {
		unsigned char via[18];
		uint16_t f = (uint16_t)v->pfx.family;
		int n = val_bytes(v, 0);

		memcpy(via, &f, 2);
		memcpy(via + 2, v->pfx.addr, (size_t)n);
		if (nh) {
			abuf_put(nh, RTA_VIA, via, (size_t)n + 2);
			return 0;
		}
		err = nla_put(q->msg, RTA_VIA, n + 2, via);
	}
	return err < 0 ? nsh_err(q->sh, "out of memory") : 0;
}

/* `nexthop …` from binding I on: RTA_MULTIPATH (parse_nexthops) */
static int nexthops(struct route_req *q, const struct nsh_args *a, int i)
{
	struct abuf mp = { .n = 0 };
	struct rtnexthop *rtnh = NULL;
	size_t start = 0;

	for (; i < a->nbind; i = ipl_next(a, i)) {
		const struct nsh_val *v = ipl_arg(a, i, 0);
		int key = a->bind[i].opt->key, idx;

		switch (key) {
		case RK_NEXTHOP:
			if (rtnh)
				rtnh->rtnh_len = (unsigned short)(mp.n - start);
			if (ipl_next(a, i) >= a->nbind)
				return nsh_err(q->sh, "'nexthop': unexpected end "
						      "of line after it");
			start = NLMSG_ALIGN(mp.n);
			if (start + sizeof(*rtnh) > sizeof(mp.b))
				return nsh_err(q->sh, "too many next hops");
			rtnh = (struct rtnexthop *)(mp.b + start);
			memset(rtnh, 0, sizeof(*rtnh));
			mp.n = start + sizeof(*rtnh);
			break;
		case NK_VIA:
			if (gateway(q, a, i, &mp))
				return 1;
			break;
		case NK_DEV:
			if (link_index(q->sh, v->text, &idx))
				return 1;
			rtnh->rtnh_ifindex = idx;
			break;
		case NK_WEIGHT:
			if (v->num < 1 || v->num > 256)
				return nsh_err(q->sh, "'%s': a weight is 1-256",
					       v->text);
			rtnh->rtnh_hops = (unsigned char)(v->num - 1);
			break;
		case NK_ONLINK:
			rtnh->rtnh_flags |= RTNH_F_ONLINK;
			break;
		case NK_REALMS:
			abuf_u32(&mp, RTA_FLOW, (uint32_t)v->num);
			break;
		case NK_ENCAP: {
			struct abuf e = { .n = 0 };
			uint16_t type;
			struct nlattr *na;

			if (build_encap(q->sh, a, i, &e, &type))
				return 1;
			na = abuf_put(&mp, RTA_ENCAP, e.b, e.n);
			if (na)
				na->nla_type |= NLA_F_NESTED;
			abuf_u16(&mp, RTA_ENCAP_TYPE, type);
			break;
		}
		case NK_AS:
			if (streq(v->text, "to") && ipl_arg(a, i, 1))
				v = ipl_arg(a, i, 1);
			if (fam_take(q->sh, &q->fam, v))
				return 1;
			abuf_put(&mp, RTA_NEWDST, v->pfx.addr,
				 (size_t)val_bytes(v, 0));
			break;
		default:
			break;
		}
		if (mp.full)
			return nsh_err(q->sh, "too many next hops");
		/* the buffer may hold the entry being filled: keep rtnh */
		if (rtnh && key != RK_NEXTHOP)
			rtnh = (struct rtnexthop *)(mp.b + start);
	}
	if (rtnh)
		rtnh->rtnh_len = (unsigned short)(mp.n - start);
	if (mp.n && nla_put(q->msg, RTA_MULTIPATH, (int)mp.n, mp.b) < 0)
		return nsh_err(q->sh, "too long a request");
	return 0;
}

/* the words of A into Q's request (iproute_modify's loop); 0 or 1 */
static int route_words(struct route_req *q, const struct nsh_args *a)
{
	struct nsh *sh = q->sh;
	int nh_from = -1;

	for (int i = 0; i < a->nbind && nh_from < 0; i = ipl_next(a, i)) {
		const struct nsh_val *v = ipl_arg(a, i, 0);
		struct rtmsg *r = req_rtm(q);
		int err = 0;

		switch (a->bind[i].opt->key) {
		case RK_SRC:
			if (fam_take(sh, &q->fam, v))
				return 1;
			q->src = v;
			err = nla_put(q->msg, RTA_PREFSRC, val_bytes(v, 0),
				      v->pfx.addr);
			break;
		case RK_AS:
			if (streq(v->text, "to") && ipl_arg(a, i, 1))
				v = ipl_arg(a, i, 1);
			if (fam_take(sh, &q->fam, v))
				return 1;
			err = nla_put(q->msg, RTA_NEWDST, val_bytes(v, 0),
				      v->pfx.addr);
			break;
		case RK_VIA:
			q->gw_ok = true;
			if (gateway(q, a, i, NULL))
				return 1;
			break;
		case RK_FROM: {
			int n;

			if (fam_take(sh, &q->fam, v))
				return 1;
			n = val_bytes(v, q->fam.family);
			if (n)
				err = nla_put(q->msg, RTA_SRC, n, v->pfx.addr);
			req_rtm(q)->rtm_src_len = v->special ? 0 :
						(unsigned char)v->pfx.len;
			break;
		}
		case RK_TOS:
			r->rtm_tos = (unsigned char)v->num;
			break;
		case RK_EXPIRES:
			err = nla_put_u32(q->msg, RTA_EXPIRES, (uint32_t)v->num);
			break;
		case RK_METRIC:
			err = nla_put_u32(q->msg, RTA_PRIORITY,
					  (uint32_t)v->num);
			break;
		case RK_SCOPE:
			r->rtm_scope = (unsigned char)v->num;
			q->scope_ok = true;
			break;
		case RK_MTU: metric(q, a, i, RTAX_MTU, 1); break;
		case RK_HOPLIMIT: metric(q, a, i, RTAX_HOPLIMIT, 1); break;
		case RK_ADVMSS: metric(q, a, i, RTAX_ADVMSS, 1); break;
		case RK_REORDERING: metric(q, a, i, RTAX_REORDERING, 1); break;
		case RK_RTT: metric(q, a, i, RTAX_RTT, 8); break;
		case RK_RTO_MIN:
			q->mxlock |= 1u << RTAX_RTO_MIN;
			abuf_u32(&q->mx, RTAX_RTO_MIN, (uint32_t)v->num);
			break;
		case RK_WINDOW: metric(q, a, i, RTAX_WINDOW, 1); break;
		case RK_CWND: metric(q, a, i, RTAX_CWND, 1); break;
		case RK_INITCWND: metric(q, a, i, RTAX_INITCWND, 1); break;
		case RK_INITRWND: metric(q, a, i, RTAX_INITRWND, 1); break;
		case RK_FEATURES:
			abuf_u32(&q->mx, RTAX_FEATURES, RTAX_FEATURE_ECN);
			break;
		case RK_QUICKACK:
			abuf_u32(&q->mx, RTAX_QUICKACK, v->text[0] == '1');
			break;
		case RK_CONGCTL:
			if (streq(v->text, "lock") && ipl_arg(a, i, 1)) {
				q->mxlock |= 1u << RTAX_CC_ALGO;
				v = ipl_arg(a, i, 1);
			}
			abuf_put(&q->mx, RTAX_CC_ALGO, v->text, strlen(v->text));
			break;
		case RK_RTTVAR: metric(q, a, i, RTAX_RTTVAR, 4); break;
		case RK_SSTHRESH: metric(q, a, i, RTAX_SSTHRESH, 1); break;
		case RK_REALMS:
			err = nla_put_u32(q->msg, RTA_FLOW, (uint32_t)v->num);
			break;
		case RK_ONLINK:
			r->rtm_flags |= RTNH_F_ONLINK;
			break;
		case RK_NEXTHOP:
			q->nhs_ok = true;
			nh_from = i;
			break;
		case RK_NHID:
			q->nhid = (uint32_t)v->num;
			err = nla_put_u32(q->msg, RTA_NH_ID, q->nhid);
			break;
		case RK_PROTO:
			r->rtm_protocol = (unsigned char)v->num;
			break;
		case RK_VRF:
		case RK_TABLE: {
			uint32_t tid = (uint32_t)v->num;

			if (a->bind[i].opt->key == RK_VRF &&
			    rt_vrf_table(sh, v->text, &tid))
				return 1;
			if (tid < 256) {
				r->rtm_table = (unsigned char)tid;
			} else {
				r->rtm_table = RT_TABLE_UNSPEC;
				err = nla_put_u32(q->msg, RTA_TABLE, tid);
			}
			q->table_ok = true;
			break;
		}
		case RK_DEV:
			q->dev = v->text;
			break;
		case RK_PREF:
			err = nla_put_u8(q->msg, RTA_PREF, (uint8_t)v->num);
			break;
		case RK_ENCAP: {
			struct abuf e = { .n = 0 };
			uint16_t type;

			if (build_encap(sh, a, i, &e, &type))
				return 1;
			err = nla_put(q->msg, RTA_ENCAP | NLA_F_NESTED,
				      (int)e.n, e.b);
			if (!err)
				err = nla_put_u16(q->msg, RTA_ENCAP_TYPE, type);
			break;
		}
		case RK_TTLPROP:
			err = nla_put_u8(q->msg, RTA_TTL_PROPAGATE,
					 (uint8_t)v->num);
			break;
		case RK_FASTOPEN:
			abuf_u32(&q->mx, RTAX_FASTOPEN_NO_COOKIE,
				 v->text[0] == '1');
			break;
		case RK_TO: {
			const struct nsh_val *d = v;
			int n;

			if (ipl_arg(a, i, 1)) {	/* the route type first */
				r->rtm_type = (unsigned char)v->num;
				q->type_ok = true;
				d = ipl_arg(a, i, 1);
			}
			if (fam_take(sh, &q->fam, d))
				return 1;
			q->dst = d;
			q->dst_ok = true;
			r->rtm_dst_len = d->special ? 0 :
						(unsigned char)d->pfx.len;
			n = val_bytes(d, q->fam.family);
			if (n)
				err = nla_put(q->msg, RTA_DST, n, d->pfx.addr);
			break;
		}
		default:
			break;
		}
		if (err < 0 || q->mx.full)
			return nsh_err(sh, "too long a request");
	}
	if (!q->dst_ok)
		return nsh_err(sh, "missing the destination (a prefix or "
				   "default)");
	if (q->dev) {
		int idx;

		if (link_index(sh, q->dev, &idx) ||
		    nla_put_u32(q->msg, RTA_OIF, (uint32_t)idx) < 0)
			return 1;
	}
	if (q->mx.n) {
		if (q->mxlock)
			abuf_u32(&q->mx, RTAX_LOCK, q->mxlock);
		if (nla_put(q->msg, RTA_METRICS, (int)q->mx.n, q->mx.b) < 0)
			return nsh_err(sh, "out of memory");
	}
	if (nh_from >= 0 && nexthops(q, a, nh_from))
		return 1;
	return 0;
}

/* the header's defaults, once the words are read (iproute_modify) */
static void route_defaults(struct route_req *q)
{
	struct rtmsg *r = req_rtm(q);

	if (!q->fam.family)
		q->fam.family = AF_INET;
	r->rtm_family = (unsigned char)q->fam.family;
	if (!q->table_ok && (r->rtm_type == RTN_LOCAL ||
			     r->rtm_type == RTN_BROADCAST ||
			     r->rtm_type == RTN_NAT ||
			     r->rtm_type == RTN_ANYCAST))
		r->rtm_table = RT_TABLE_LOCAL;
	if (!q->scope_ok) {
		if (r->rtm_family == AF_INET6 || r->rtm_family == AF_MPLS)
			r->rtm_scope = RT_SCOPE_UNIVERSE;
		else if (r->rtm_type == RTN_LOCAL || r->rtm_type == RTN_NAT)
			r->rtm_scope = RT_SCOPE_HOST;
		else if (r->rtm_type == RTN_BROADCAST ||
			 r->rtm_type == RTN_MULTICAST ||
			 r->rtm_type == RTN_ANYCAST)
			r->rtm_scope = RT_SCOPE_LINK;
		else if (r->rtm_type == RTN_UNICAST ||
			 r->rtm_type == RTN_UNSPEC) {
			if (q->cmd == RTM_DELROUTE)
				r->rtm_scope = RT_SCOPE_NOWHERE;
			else if (!q->gw_ok && !q->nhs_ok && !q->nhid)
				r->rtm_scope = RT_SCOPE_LINK;
		}
	}
	if (!q->type_ok && r->rtm_family == AF_MPLS)
		r->rtm_type = RTN_UNICAST;
}

/* the kernel refused: say which word it is about */
static int refused(struct route_req *q, int err)
{
	const char *subject = q->dst ? q->dst->text : "";
	int e = nl_last_errno();
	char why[256];

	if (q->cmd == RTM_NEWROUTE && e == EEXIST)
		return nsh_err(q->sh, "'%s': route already exists", subject);
	/* IPv4 says ESRCH, IPv6 ENOENT */
	if (q->cmd == RTM_DELROUTE && (e == ESRCH || e == ENOENT))
		return nsh_err(q->sh, "'%s': no such route", subject);
	nl_reason(err, why, sizeof(why));
	if (q->via && (strstr(why, "gateway") || strstr(why, "Nexthop") ||
		       strstr(why, "nexthop") || e == ENETUNREACH ||
		       e == EHOSTUNREACH))
		subject = q->via->text;
	else if (q->src && strstr(why, "src"))
		subject = q->src->text;
	return nsh_err(q->sh, "'%s': %s", subject, why);
}

static int modify(struct nsh *sh, const struct nsh_args *a, int cmd,
		  int flags)
{
	/* room for many next hops (libnl's default is a page) */
	_cleanup_(nlmsg_freep) struct nl_msg *msg = nlmsg_alloc_size(16384);
	struct rtmsg r = {
		.rtm_family = (unsigned char)sh->o.family,
		.rtm_table = RT_TABLE_MAIN,
		.rtm_scope = RT_SCOPE_NOWHERE,
	};
	struct route_req q = { .sh = sh, .cmd = cmd,
			       .fam = { .family = sh->o.family } };
	struct nl_sock *sk;
	int err;

	rt_names_reset(sh->o.numeric);
	if (!msg || !nlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, cmd, 0,
			       NLM_F_REQUEST | flags))
		return nsh_err(sh, "out of memory");
	if (sh->o.family && sh->o.family != AF_INET &&
	    sh->o.family != AF_INET6)
		return nsh_err(sh, "-%s: nsh does only IPv4 and IPv6 routes",
			       rt_family_name(sh->o.family));
	if (cmd != RTM_DELROUTE) {
		r.rtm_protocol = RTPROT_BOOT;
		r.rtm_scope = RT_SCOPE_UNIVERSE;
		r.rtm_type = RTN_UNICAST;
	}
	if (nlmsg_append(msg, &r, sizeof(r), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	q.msg = msg;
	if (route_words(&q, a))
		return 1;
	route_defaults(&q);
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	err = ipr_ack(sk, msg);
	if (err < 0)
		return refused(&q, err);
	return 0;
}

static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
}

static int cmd_change(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_REPLACE);
}

static int cmd_replace(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE);
}

static int cmd_prepend(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_CREATE);
}

static int cmd_append(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND);
}

static int cmd_test(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_NEWROUTE, NLM_F_EXCL);
}

static int cmd_del(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, RTM_DELROUTE, 0);
}

static int cmd_show(struct nsh *sh, const struct nsh_args *a)
{
	return route_list(sh, a, false);
}

static int cmd_flush(struct nsh *sh, const struct nsh_args *a)
{
	return route_list(sh, a, true);
}

static int cmd_get(struct nsh *sh, const struct nsh_args *a)
{
	return route_get(sh, a);
}

/* ------------------------------------------------------------ grammar */

/* via [FAMILY] ADDR; at the top, only once ("use nexthop syntax") */
static int parse_via(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w;
	int family, n = 0;

	for (int i = 0; o->key == RK_VIA && i < p->a->nbind; i++)
		n += p->a->bind[i].is_kw && p->a->bind[i].opt == o;
	if (n > 1)
		return ipl_fail(p, p->i - 1, "'via': use nexthop syntax to "
				"specify multiple via");
	w = ipl_need(p, o, "ADDR");
	if (!w)
		return p->completing ? -2 : -1;
	family = rt_read_family(w);
	if (family == AF_PACKET || family == AF_MPLS || family == AF_BRIDGE) {
		ipl_fallback(p);	/* another kind of address */
		return 0;
	}
	if (family) {
		if (rt_bind_word(p, o, p->i++, 0))
			return -1;
		if (!ipl_need(p, o, "ADDR"))
			return p->completing ? -2 : -1;
	}
	if (ipl_bind_val(p, o, "ADDR", p->i))
		return -1;
	p->i++;
	return 0;
}

/* [TYPE] PREFIX: a type word (not a number) before the prefix */
static int parse_dst(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, "RTPREFIX");
	int family = rt_line_family(p);
	uint32_t type;

	if (!w)
		return p->completing ? -2 : -1;
	if (family && family != AF_INET && family != AF_INET6) {
		ipl_fallback(p);	/* MPLS labels, link addresses … */
		return 0;
	}
	if ((w[0] < '0' || w[0] > '9') && rt_type_a2n(w, &type) == 0) {
		if (ipl_bind_val(p, o, "RTTYPE", p->i++))
			return -1;
		if (!ipl_need(p, o, "RTPREFIX"))
			return p->completing ? -2 : -1;
	}
	if (ipl_bind_val(p, o, "RTPREFIX", p->i))
		return -1;
	p->i++;
	return 0;
}

static const struct ipl_opt mpls_rows[] = {
	{ "labels", IPL_DEFAULT | IPL_NOKW | IPL_ONCE | IPL_REQUIRED,
	  "MPLSLABELS", EK_LABELS, "the label stack" },
	{ "ttl", IPL_ONCE, "NUM8", EK_TTL, "the TTL" },
	{ NULL },
};
static const struct ipl_table mpls_opts = { "encap mpls", mpls_rows };

/* parse_encap_ip: ip geneve_opts, vxlan_opts and erspan_opts are left
 * to the real ip */
static int parse_not_native(struct ipl_parse *p, const struct ipl_opt *o)
{
	(void)o;
	ipl_fallback(p);
	return 0;
}

static const struct ipl_opt ip_rows[] = {
	{ "id", IPL_ONCE, "NUM64", EK_ID, "the tunnel key" },
	{ "dst", IPL_ONCE, "ADDR", EK_DST, "the remote address" },
	{ "src", IPL_ONCE, "ADDR", EK_SRC, "the local address" },
	{ "tos", IPL_ONCE, "DSFIELD", EK_TOS, "the TOS" },
	{ "ttl", IPL_ONCE, "NUM8", EK_TTL, "the TTL" },
	{ "geneve_opts", 0, NULL, 0, "Geneve options (the real ip)", NULL,
	  parse_not_native },
	{ "vxlan_opts", 0, NULL, 0, "VXLAN options (the real ip)", NULL,
	  parse_not_native },
	{ "erspan_opts", 0, NULL, 0, "ERSPAN options (the real ip)", NULL,
	  parse_not_native },
	{ "key", IPL_ONCE, NULL, EK_KEY, "the KEY flag" },
	{ "csum", IPL_ONCE, NULL, EK_CSUM, "the CSUM flag" },
	{ "seq", IPL_ONCE, NULL, EK_SEQ, "the SEQ flag" },
	{ NULL },
};
static const struct ipl_table ip_opts = { "encap ip", ip_rows };

static const struct ipl_opt ip6_rows[] = {
	{ "id", IPL_ONCE, "NUM64", EK_ID, "the tunnel key" },
	{ "dst", IPL_ONCE, "ADDR", EK_DST, "the remote address" },
	{ "src", IPL_ONCE, "ADDR", EK_SRC, "the local address" },
	{ "tc", IPL_ONCE, "DSFIELD", EK_TC, "the traffic class" },
	{ "hoplimit", IPL_ONCE, "NUM8", EK_HOPLIMIT, "the hop limit" },
	{ "geneve_opts", 0, NULL, 0, "Geneve options (the real ip)", NULL,
	  parse_not_native },
	{ "vxlan_opts", 0, NULL, 0, "VXLAN options (the real ip)", NULL,
	  parse_not_native },
	{ "erspan_opts", 0, NULL, 0, "ERSPAN options (the real ip)", NULL,
	  parse_not_native },
	{ "key", IPL_ONCE, NULL, EK_KEY, "the KEY flag" },
	{ "csum", IPL_ONCE, NULL, EK_CSUM, "the CSUM flag" },
	{ "seq", IPL_ONCE, NULL, EK_SEQ, "the SEQ flag" },
	{ NULL },
};
static const struct ipl_table ip6_opts = { "encap ip6", ip6_rows };

static const struct ipl_opt seg6_rows[] = {
	{ "mode", IPL_ONCE, "inline|encap|l2encap|encap.red|l2encap.red",
	  EK_MODE, "how the header is added" },
	{ "segs", IPL_ONCE, "SEGS", EK_SEGS, "the segments, ADDR,ADDR…" },
	{ "hmac", IPL_ONCE, "NUM", EK_HMAC, "the HMAC key ID" },
	{ NULL },
};
static const struct ipl_table seg6_opts = { "encap seg6", seg6_rows };

/* encap TYPE …: mpls, ip, ip6 and seg6 here; seg6local, bpf, ila, rpl,
 * ioam6 and xfrm are left to the real ip */
static int parse_encap(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, "mpls|ip|ip6|seg6|seg6local|bpf|ila|"
				       "rpl|ioam6|xfrm");
	int type;

	if (!w)
		return p->completing ? -2 : -1;
	type = encap_type(w);
	if (type == LWTUNNEL_ENCAP_NONE)
		return ipl_fail(p, p->i, "'%s': not an encap type (mpls, ip, "
				"ip6, seg6, seg6local, bpf, ila, rpl, ioam6, "
				"xfrm)", w);
	if (rt_bind_word(p, o, p->i++, 0))
		return -1;
	if (type != LWTUNNEL_ENCAP_MPLS && type != LWTUNNEL_ENCAP_IP &&
	    type != LWTUNNEL_ENCAP_IP6 && type != LWTUNNEL_ENCAP_SEG6) {
		ipl_fallback(p);
		return 0;
	}
	if (p->i >= p->argc && !p->completing)
		return ipl_fail(p, p->argc, "unexpected end of line after "
				"'encap %s'", w);
	return ipl_walk(p, type == LWTUNNEL_ENCAP_MPLS ? &mpls_opts :
			   type == LWTUNNEL_ENCAP_IP ? &ip_opts :
			   type == LWTUNNEL_ENCAP_IP6 ? &ip6_opts : &seg6_opts,
			true);
}

#define P IPL_PREFIX
#define A IPL_ALIAS
#define LOCK_NUM "[lock] NUM"

/* parse_one_nh's words */
static const struct ipl_opt nh_rows[] = {
	{ "nexthop", 0, NULL, RK_NEXTHOP, "the next next hop" },
	{ "via", 0, "ADDR", NK_VIA, "its gateway ([inet|inet6] ADDR)", NULL,
	  parse_via },
	{ "dev", 0, "DEV", NK_DEV, "its link" },
	{ "weight", 0, "NUM", NK_WEIGHT, "its weight (1-256)" },
	{ "onlink", 0, NULL, NK_ONLINK, "the gateway is on the link" },
	{ "realms", P, "REALMS", NK_REALMS, "its realms" },
	{ "encap", 0, "ENCAPTYPE", NK_ENCAP, "a tunnel: mpls, ip, ip6 …",
	  NULL, parse_encap },
	{ "as", 0, "[to] ADDR", NK_AS, "the new destination" },
	{ NULL },
};
static const struct ipl_table nh_opts = { "nexthop", nh_rows };

/* iproute_modify's words, in its order */
static const struct ipl_opt route_rows[] = {
	{ "src", 0, "ADDR", RK_SRC, "the source address to prefer" },
	{ "as", 0, "[to] ADDR", RK_AS, "the new destination (NAT)" },
	{ "via", 0, "ADDR", RK_VIA, "the gateway ([inet|inet6] ADDR)", NULL,
	  parse_via },
	{ "from", 0, "RTPREFIX", RK_FROM, "the source prefix" },
	{ "tos", 0, "DSFIELD", RK_TOS, "the TOS" },
	{ "dsfield", P | A, "DSFIELD", RK_TOS },
	{ "expires", 0, "NUM", RK_EXPIRES, "seconds to live (IPv6)" },
	{ "metric", P, "NUM", RK_METRIC, "the metric" },
	{ "priority", P | A, "NUM", RK_METRIC },
	{ "preference", A, "NUM", RK_METRIC },
	{ "scope", 0, "RTSCOPE", RK_SCOPE, "the scope" },
	{ "mtu", 0, LOCK_NUM, RK_MTU, "the path MTU" },
	{ "hoplimit", 0, "[lock] NUM8", RK_HOPLIMIT, "the hop limit" },
	{ "advmss", 0, LOCK_NUM, RK_ADVMSS, "the MSS to advertise" },
	{ "reordering", P, LOCK_NUM, RK_REORDERING, "the reordering" },
	{ "rtt", 0, "[lock] RTTIME", RK_RTT, "the round-trip time" },
	{ "rto_min", 0, "RTTIME", RK_RTO_MIN, "the minimum TCP timeout" },
	{ "window", P, LOCK_NUM, RK_WINDOW, "the TCP window" },
	{ "cwnd", P, LOCK_NUM, RK_CWND, "the congestion window" },
	{ "initcwnd", P, LOCK_NUM, RK_INITCWND, "the initial cwnd" },
	{ "initrwnd", P, LOCK_NUM, RK_INITRWND, "the initial receive "
					       "window" },
	{ "features", P, "ecn", RK_FEATURES, "ECN" },
	{ "quickack", P, "0|1", RK_QUICKACK, "quick ACKs" },
	{ "congctl", P, "[lock] WORD", RK_CONGCTL, "the congestion control" },
	{ "rttvar", P, "[lock] RTTIME", RK_RTTVAR, "the RTT variance" },
	{ "ssthresh", P, LOCK_NUM, RK_SSTHRESH, "the slow-start threshold" },
	{ "realms", P, "REALMS", RK_REALMS, "the realms" },
	{ "onlink", 0, NULL, RK_ONLINK, "the gateway is on the link" },
	{ "nexthop", IPL_REST, NULL, RK_NEXTHOP, "a next hop of a multipath "
						 "route", &nh_opts },
	{ "nhid", 0, "NUM", RK_NHID, "a nexthop object" },
	{ "protocol", P, "RTPROTO", RK_PROTO, "the protocol" },
	{ "table", P, "TABLE", RK_TABLE, "the table" },
	{ "vrf", P, "DEV", RK_VRF, "a VRF's table" },
	{ "dev", 0, "DEV", RK_DEV, "the link" },
	{ "oif", A, "DEV", RK_DEV },
	{ "pref", P, "RTPREF", RK_PREF, "the IPv6 router preference" },
	{ "encap", 0, "ENCAPTYPE", RK_ENCAP, "a tunnel: mpls, ip, ip6, seg6 …",
	  NULL, parse_encap },
	{ "ttl-propagate", 0, "TTLPROP", RK_TTLPROP, "MPLS TTL propagation" },
	{ "fastopen_no_cookie", P, "0|1", RK_FASTOPEN,
	  "TCP fast open without a cookie" },
	{ "to", IPL_DEFAULT | IPL_ONCE, "RTPREFIX", RK_TO,
	  "the destination: [TYPE] PREFIX or default", NULL, parse_dst },
	{ NULL },
};

static const struct ipl_table route_opts = { "ip route add", route_rows };

/* do_iproute's verbs, in its order */
static const struct nsh_cmd route_cmds[] = {
	{ "ip route add", "add a route", cmd_add, NSH_CMD_MUTATES,
	  "ip route add default via 10.0.0.254", NULL, &route_opts },
	{ "ip route change/=chg", "change a route", cmd_change, NSH_CMD_MUTATES,
	  "ip route change default via 10.0.0.253", NULL, &route_opts },
	{ "ip route replace", "add or replace a route",
	  cmd_replace, NSH_CMD_MUTATES,
	  "ip route replace 10.1.0.0/16 via 10.0.0.2", NULL, &route_opts },
	{ "ip route prepend", "add a route before those of its prefix",
	  cmd_prepend, NSH_CMD_MUTATES, NULL, NULL, &route_opts },
	{ "ip route append", "add a route after those of its prefix",
	  cmd_append, NSH_CMD_MUTATES, NULL, NULL, &route_opts },
	{ "ip route test", "check that a route could be added", cmd_test, 0,
	  NULL, NULL, &route_opts },
	{ "ip route delete", "delete a route", cmd_del, NSH_CMD_MUTATES,
	  "ip route del default", NULL, &route_opts },
	{ "ip route list/show/lst", "list routes (-6: IPv6)", cmd_show, 0,
	  "ip route show table all", NULL, &route_list_opts },
	{ "ip route get", "the route the kernel picks for an address",
	  cmd_get, 0, "ip route get 10.0.0.2", NULL, &route_get_opts },
	{ "ip route flush", "delete the routes a selector picks", cmd_flush,
	  NSH_CMD_MUTATES, "ip route flush table main proto static", NULL,
	  &route_list_opts },
	{ "ip route save", "write routes as a binary dump (the real ip)",
	  NULL },
	{ "ip route restore", "read a binary dump (the real ip)", NULL },
	{ "ip route showdump", "print a binary dump (the real ip)", NULL },
	{ "ip route", "list the main table", cmd_show },
	{ NULL },
};

const struct nsh_family route_family = {
	"route", "ip route: add, change, delete, show, get and flush routes",
	route_cmds, route_types,
};
