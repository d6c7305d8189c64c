/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_nh.c - a route's next hops for `ip route add/change/…` (see
 * route.c): the gateway (`via`), the entries of a multipath route
 * (`nexthop …`, RTA_MULTIPATH) and lightweight-tunnel encaps (`encap
 * mpls|ip|ip6|seg6 …`, RTA_ENCAP), with the grammar of these words, as
 * iproute2 6.1's ip/iproute.c and ip/iproute_lwtunnel.c.
 */
#include "config.h"

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
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "route_req.h"

/* ------------------------------------------------------------ encap */

/* the encap type of the word W, or LWTUNNEL_ENCAP_NONE */
static int encap_type(const char *w)
{
	for (unsigned i = 1; i <= LWTUNNEL_ENCAP_MAX; i++)
		if (rt_encap_name(i) && streq(w, rt_encap_name(i)))
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

/* SEG6_IPTUNNEL_SRH's value: the mode, then the header */
struct seg6_tun {
	int mode;
	struct ipv6_sr_hdr srh;
	unsigned char room[16 * 64 + 40];
};

/* the words of `encap seg6` after binding I: the mode into T, the
 * segments and the HMAC key ID; 0, or 1 after reporting */
static int seg6_words(struct nsh *sh, const struct nsh_args *a, int i,
		      struct seg6_tun *t, const char **segs, uint32_t *hmac)
{
	for (int j = ipl_next(a, i); j < a->nbind; j = ipl_next(a, j)) {
		const struct nsh_val *v = ipl_arg(a, j, 0);
		int key = a->bind[j].opt->key;

		if (key < EK_LABELS)
			break;
		if (key == EK_MODE) {
			for (size_t m = 0; m < ARRAY_SIZE(seg6_modes); m++)
				if (streq(v->text, seg6_modes[m]))
					t->mode = (int)m;
		} else if (key == EK_SEGS) {
			if (t->mode == -1)
				return nsh_err(sh, "'%s': \"segs\" provided "
						   "before \"mode\"", v->text);
			*segs = v->text;
		} else if (key == EK_HMAC) {
			*hmac = (uint32_t)v->num;
		}
	}
	return 0;
}

/* the segments SEGS (ADDR,…) into T's header, last first, from index SEG
 * down; 0, or 1 after reporting */
static int seg6_segments(struct nsh *sh, struct seg6_tun *t,
			 const char *segs, int seg)
{
	for (const char *c = segs; *c && seg >= 0; seg--) {
		size_t n = strcspn(c, ",");
		char addr[64];

		snprintf(addr, sizeof(addr), "%.*s", (int)n, c);
		if (inet_pton(AF_INET6, addr, t->room + 16 * seg) != 1)
			return nsh_err(sh, "'%s': not an IPv6 address", addr);
		c += n + (c[n] == ',');
	}
	return 0;
}

/*
 * encap seg6 [mode MODE] [segs ADDR,…] [hmac KEYID] (parse_encap_seg6):
 * SEG6_IPTUNNEL_SRH, the mode and a segment routing header with the
 * segments last first (inline mode keeps a place for the destination)
 */
static int build_seg6(struct nsh *sh, const struct nsh_args *a, int i,
		      struct abuf *out)
{
	struct seg6_tun t = { .mode = -1 };
	const char *segs = "";
	uint32_t hmac = 0;
	int nsegs = 1, len;

	if (seg6_words(sh, a, i, &t, &segs, &hmac))
		return 1;
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
	if (seg6_segments(sh, &t, segs, nsegs - 1))
		return 1;
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

/* one word of `encap mpls|ip|ip6` (KEY, value V) of an encap of TYPE into
 * OUT, its flag bits into *FLAGS; 0, or 1 after reporting */
static int encap_word(struct nsh *sh, struct abuf *out, int key,
		      const struct nsh_val *v, uint16_t type, uint16_t *flags)
{
	bool v6 = type == LWTUNNEL_ENCAP_IP6;
	uint64_t id;

	switch (key) {
	case EK_LABELS:
		abuf_put(out, MPLS_IPTUNNEL_DST, v->pfx.addr,
			 (size_t)v->pfx.len);
		break;
	case EK_TTL:	/* MPLS_IPTUNNEL_TTL, LWTUNNEL_IP_TTL */
		abuf_u8(out, type == LWTUNNEL_ENCAP_MPLS ? MPLS_IPTUNNEL_TTL :
							   LWTUNNEL_IP_TTL,
			(uint8_t)v->num);
		break;
	case EK_HOPLIMIT:
		abuf_u8(out, LWTUNNEL_IP6_HOPLIMIT, (uint8_t)v->num);
		break;
	case EK_ID:
		id = htobe64((uint64_t)v->num);
		abuf_put(out, LWTUNNEL_IP_ID, &id, sizeof(id));
		break;
	case EK_DST:
	case EK_SRC:
		if (v->pfx.family != (v6 ? AF_INET6 : AF_INET))
			return nsh_err(sh, "'%s': not an %s address (encap "
					   "%s)", v->text, v6 ? "IPv6" : "IPv4",
				       v6 ? "ip6" : "ip");
		abuf_put(out, key == EK_DST ? LWTUNNEL_IP_DST : LWTUNNEL_IP_SRC,
			 v->pfx.addr, v6 ? 16 : 4);
		break;
	case EK_TOS:	/* LWTUNNEL_IP_TOS, LWTUNNEL_IP6_TC */
	case EK_TC:
		abuf_u8(out, v6 ? LWTUNNEL_IP6_TC : LWTUNNEL_IP_TOS,
			(uint8_t)v->num);
		break;
	case EK_CSUM:
		*flags |= htons(0x01);
		break;
	case EK_KEY:
		*flags |= htons(0x04);
		break;
	case EK_SEQ:
		*flags |= htons(0x08);
		break;
	default:
		break;
	}
	return 0;
}

bool rt_is_encap_word(const struct nsh_args *a, int i)
{
	const struct ipl_opt *o = a->bind[i].opt;

	return o && o->key >= EK_LABELS && o->key <= EK_HMAC;
}

int rt_build_encap(struct nsh *sh, const struct nsh_args *a, int i,
		   struct abuf *out, uint16_t *type)
{
	uint16_t flags = 0;

	*type = (uint16_t)encap_type(ipl_arg(a, i, 0)->text);
	if (*type == LWTUNNEL_ENCAP_SEG6)
		return build_seg6(sh, a, i, out);
	for (int j = ipl_next(a, i); j < a->nbind && rt_is_encap_word(a, j);
	     j = ipl_next(a, j))
		if (encap_word(sh, out, a->bind[j].opt->key, ipl_arg(a, j, 0),
			       *type, &flags))
			return 1;
	if (flags)
		abuf_u16(out, LWTUNNEL_IP_FLAGS, flags);
	if (out->full)
		return nsh_err(sh, "too many attributes");
	return 0;
}

/* ------------------------------------------------------------ next hops */

int rt_gateway(struct route_req *q, const struct nsh_args *a, int i,
	       struct abuf *nh)
{
	const struct nsh_val *v = ipl_arg(a, i, 0), *w = ipl_arg(a, i, 1);
	int err;

	if (w) {	/* a family word first: an address of that family */
		int family = rt_read_family(v->text);

		v = w;
		if (v->pfx.family != family)
			return nsh_err(q->sh, "'%s': not an %s address",
				       v->text, rt_fam_name(family));
		if (!q->fam.family) {
			q->fam.family = family;
			q->fam.by = v->text;
		}
	} else if (rt_fam_take(q->sh, &q->fam, v)) {
		return 1;
	}
	q->via = v;
	if (v->pfx.family == q->fam.family) {
		if (nh) {
			abuf_put(nh, RTA_GATEWAY, v->pfx.addr,
				 (size_t)rt_val_bytes(v, 0));
			return 0;
		}
		err = nla_put(q->msg, RTA_GATEWAY, rt_val_bytes(v, 0),
			      v->pfx.addr);
	} else {
		unsigned char via[18];
		uint16_t f = (uint16_t)v->pfx.family;
		int n = rt_val_bytes(v, 0);

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


/* a multipath route's entries being built: MP holds them, the one being
 * filled starts at START (NULL rtnh: none yet) */
struct mpath {
	struct abuf mp;
	struct rtnexthop *rtnh;
	size_t start;
};

/* `nexthop` at binding I: ends the entry being filled, starts another;
 * 0, or 1 after reporting */
static int mpath_next(struct route_req *q, const struct nsh_args *a, int i,
		      struct mpath *m)
{
	if (m->rtnh)
		m->rtnh->rtnh_len = (unsigned short)(m->mp.n - m->start);
	if (ipl_next(a, i) >= a->nbind)
		return nsh_err(q->sh, "'nexthop': unexpected end of line "
				      "after it");
	m->start = NLMSG_ALIGN(m->mp.n);
	if (m->start + sizeof(*m->rtnh) > sizeof(m->mp.b))
		return nsh_err(q->sh, "too many next hops");
	m->rtnh = (struct rtnexthop *)(m->mp.b + m->start);
	memset(m->rtnh, 0, sizeof(*m->rtnh));
	m->mp.n = m->start + sizeof(*m->rtnh);
	return 0;
}

/* a next hop's `encap …` at binding I: RTA_ENCAP and RTA_ENCAP_TYPE in
 * MP; 0, or 1 after reporting */
static int mpath_encap(struct route_req *q, const struct nsh_args *a, int i,
		       struct abuf *mp)
{
	struct abuf e = { .n = 0 };
	uint16_t type;
	struct nlattr *na;

	if (rt_build_encap(q->sh, a, i, &e, &type))
		return 1;
	na = abuf_put(mp, RTA_ENCAP, e.b, e.n);
	if (na)
		na->nla_type |= NLA_F_NESTED;
	abuf_u16(mp, RTA_ENCAP_TYPE, type);
	return 0;
}

/* one word (KEY) of a next hop at binding I into M; 0, or 1 */
static int mpath_word(struct route_req *q, const struct nsh_args *a, int i,
		      int key, struct mpath *m)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	int idx;

	/* rt_nexthops starts at a `nexthop`: the words after it fill the
	 * entry it began */
	if (key != RK_NEXTHOP && !m->rtnh)
		return nsh_err(q->sh, "'%s': not after a 'nexthop'",
			       a->bind[i].opt->kw);
	switch (key) {
	case RK_NEXTHOP:
		return mpath_next(q, a, i, m);
	case NK_VIA:
		return rt_gateway(q, a, i, &m->mp);
	case NK_DEV:
		if (link_index(q->sh, v->text, &idx))
			return 1;
		m->rtnh->rtnh_ifindex = idx;
		break;
	case NK_WEIGHT:
		if (v->num < 1 || v->num > 256)
			return nsh_err(q->sh, "'%s': a weight is 1-256",
				       v->text);
		m->rtnh->rtnh_hops = (unsigned char)(v->num - 1);
		break;
	case NK_ONLINK:
		m->rtnh->rtnh_flags |= RTNH_F_ONLINK;
		break;
	case NK_REALMS:
		abuf_u32(&m->mp, RTA_FLOW, (uint32_t)v->num);
		break;
	case NK_ENCAP:
		return mpath_encap(q, a, i, &m->mp);
	case NK_AS:
		if (streq(v->text, "to") && ipl_arg(a, i, 1))
			v = ipl_arg(a, i, 1);
		if (rt_fam_take(q->sh, &q->fam, v))
			return 1;
		abuf_put(&m->mp, RTA_NEWDST, v->pfx.addr,
			 (size_t)rt_val_bytes(v, 0));
		break;
	default:
		break;
	}
	return 0;
}

/* RTA_MULTIPATH (parse_nexthops) */
int rt_nexthops(struct route_req *q, const struct nsh_args *a, int i)
{
	struct mpath m = { .mp = { .n = 0 }, .rtnh = NULL, .start = 0 };

	for (; i < a->nbind; i = ipl_next(a, i)) {
		int key = a->bind[i].opt->key;

		if (mpath_word(q, a, i, key, &m))
			return 1;
		if (m.mp.full)
			return nsh_err(q->sh, "too many next hops");
		/* the buffer may hold the entry being filled: keep rtnh */
		if (m.rtnh && key != RK_NEXTHOP)
			m.rtnh = (struct rtnexthop *)(m.mp.b + m.start);
	}
	if (m.rtnh)
		m.rtnh->rtnh_len = (unsigned short)(m.mp.n - m.start);
	if (m.mp.n && nla_put(q->msg, RTA_MULTIPATH, (int)m.mp.n, m.mp.b) < 0)
		return nsh_err(q->sh, "too long a request");
	return 0;
}

/* ------------------------------------------------------------ grammar */


int rt_parse_family_addr(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, o->arg);
	int family;

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
		if (!ipl_need(p, o, o->arg))
			return p->completing ? -2 : -1;
	}
	if (ipl_bind_val(p, o, o->arg, p->i))
		return -1;
	p->i++;
	return 0;
}

/* via [FAMILY] ADDR; at the top, only once ("use nexthop syntax") */
int rt_parse_via(struct ipl_parse *p, const struct ipl_opt *o)
{
	int n = 0;

	for (int i = 0; o->key == RK_VIA && i < p->a->nbind; i++)
		n += p->a->bind[i].is_kw && p->a->bind[i].opt == o;
	if (n > 1)
		return ipl_fail(p, p->i - 1, "'via': use nexthop syntax to "
				"specify multiple via");
	return rt_parse_family_addr(p, o);
}

static const struct ipl_opt mpls_rows[] = {
	{ "labels", IPL_DEFAULT | IPL_NOKW | IPL_ONCE | IPL_REQUIRED,
	  "MPLSLABELS", EK_LABELS, "the label stack" },
	{ "ttl", IPL_ONCE, "NUM8", EK_TTL, "the TTL" },
	{ NULL },
};
static const struct ipl_table mpls_opts = { "encap mpls", mpls_rows };

int rt_parse_not_native(struct ipl_parse *p, const struct ipl_opt *o)
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
	  rt_parse_not_native },
	{ "vxlan_opts", 0, NULL, 0, "VXLAN options (the real ip)", NULL,
	  rt_parse_not_native },
	{ "erspan_opts", 0, NULL, 0, "ERSPAN options (the real ip)", NULL,
	  rt_parse_not_native },
	{ "key", IPL_ONCE, NULL, EK_KEY, "the KEY flag" },
	{ "csum", IPL_ONCE, NULL, EK_CSUM, "the CSUM flag" },
	{ "seq", IPL_ONCE, NULL, EK_SEQ, "the SEQ flag" },
	{ NULL },
};
const struct ipl_table rt_encap_ip_opts = { "encap ip", ip_rows };

static const struct ipl_opt ip6_rows[] = {
	{ "id", IPL_ONCE, "NUM64", EK_ID, "the tunnel key" },
	{ "dst", IPL_ONCE, "ADDR", EK_DST, "the remote address" },
	{ "src", IPL_ONCE, "ADDR", EK_SRC, "the local address" },
	{ "tc", IPL_ONCE, "DSFIELD", EK_TC, "the traffic class" },
	{ "hoplimit", IPL_ONCE, "NUM8", EK_HOPLIMIT, "the hop limit" },
	{ "geneve_opts", 0, NULL, 0, "Geneve options (the real ip)", NULL,
	  rt_parse_not_native },
	{ "vxlan_opts", 0, NULL, 0, "VXLAN options (the real ip)", NULL,
	  rt_parse_not_native },
	{ "erspan_opts", 0, NULL, 0, "ERSPAN options (the real ip)", NULL,
	  rt_parse_not_native },
	{ "key", IPL_ONCE, NULL, EK_KEY, "the KEY flag" },
	{ "csum", IPL_ONCE, NULL, EK_CSUM, "the CSUM flag" },
	{ "seq", IPL_ONCE, NULL, EK_SEQ, "the SEQ flag" },
	{ NULL },
};
const struct ipl_table rt_encap_ip6_opts = { "encap ip6", ip6_rows };

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
int rt_parse_encap(struct ipl_parse *p, const struct ipl_opt *o)
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
			   type == LWTUNNEL_ENCAP_IP ? &rt_encap_ip_opts :
			   type == LWTUNNEL_ENCAP_IP6 ? &rt_encap_ip6_opts :
							&seg6_opts,
			true);
}
#define P IPL_PREFIX

/* parse_one_nh's words */
static const struct ipl_opt nh_rows[] = {
	{ "nexthop", 0, NULL, RK_NEXTHOP, "the next next hop" },
	{ "via", 0, "ADDR", NK_VIA, "its gateway ([inet|inet6] ADDR)", NULL,
	  rt_parse_via },
	{ "dev", 0, "DEV", NK_DEV, "its link" },
	{ "weight", 0, "NUM", NK_WEIGHT, "its weight (1-256)" },
	{ "onlink", 0, NULL, NK_ONLINK, "the gateway is on the link" },
	{ "realms", P, "REALMS", NK_REALMS, "its realms" },
	{ "encap", 0, "ENCAPTYPE", NK_ENCAP, "a tunnel: mpls, ip, ip6 …",
	  NULL, rt_parse_encap },
	{ "as", 0, "[to] ADDR", NK_AS, "the new destination" },
	{ NULL },
};const struct ipl_table rt_nh_opts = { "nexthop", nh_rows };
