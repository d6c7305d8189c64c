/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_req.h - private to `ip route add/change/…/delete`: what
 * cmds/route.c (the request and its words) and cmds/route_nh.c (gateways,
 * multipath next hops, encaps and their grammar) share, with the
 * families of values in cmds/route_types.c; the encap builder
 * (rt_build_encap) serves `ip nexthop add` (cmds/nexthop_modify.c) too.
 */
#ifndef NSH_ROUTE_REQ_H
#define NSH_ROUTE_REQ_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "route.h"

enum route_key {
	RK_SRC = 1, RK_AS, RK_VIA, RK_FROM, RK_TOS, RK_EXPIRES, RK_METRIC,
	RK_SCOPE, RK_MTU, RK_HOPLIMIT, RK_ADVMSS, RK_REORDERING, RK_RTT,
	RK_RTO_MIN, RK_WINDOW, RK_CWND, RK_INITCWND, RK_INITRWND,
	RK_FEATURES, RK_QUICKACK, RK_CONGCTL, RK_RTTVAR, RK_SSTHRESH,
	RK_REALMS, RK_ONLINK, RK_NEXTHOP, RK_NHID, RK_PROTO, RK_TABLE,
	RK_VRF, RK_DEV, RK_PREF, RK_ENCAP, RK_TTLPROP, RK_FASTOPEN, RK_TO,
	/* inside `nexthop` */
	NK_VIA, NK_DEV, NK_WEIGHT, NK_ONLINK, NK_REALMS, NK_ENCAP, NK_AS,
	/* inside `encap TYPE`: enum encap_key (route.h) */
};

/*
 * A small attribute buffer, for what goes inside RTA_MULTIPATH (whose
 * struct rtnexthop entries libnl cannot nest) and for an encap.
 */
struct abuf {
	char b[4096];
	size_t n;
	bool full;
};

static inline struct nlattr *abuf_put(struct abuf *a, int type,
				      const void *data, size_t len)
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

static inline void abuf_u8(struct abuf *a, int type, uint8_t v)
{
	abuf_put(a, type, &v, 1);
}

static inline void abuf_u16(struct abuf *a, int type, uint16_t v)
{
	abuf_put(a, type, &v, 2);
}

static inline void abuf_u32(struct abuf *a, int type, uint32_t v)
{
	abuf_put(a, type, &v, 4);
}

/* the address family of a route being parsed, as iproute_modify keeps
 * it: unset until -4/-6 or the first address word sets it */
struct fam {
	int family;
	const char *by;		/* the word that set it; NULL: -4/-6 */
};

/* "IPv4", "IPv6" or the family's name */
const char *rt_fam_name(int family);
/* V (an address or prefix of its own family, or default/all/any) in the
 * route's family: sets it, or must agree with it; 0, or 1 after
 * reporting */
int rt_fam_take(struct nsh *sh, struct fam *f, const struct nsh_val *v);

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

/* via [FAMILY] ADDR at binding I: RTA_GATEWAY in the route's family,
 * else RTA_VIA; into NH (a next hop's attributes), or the request when
 * NULL.  0, or 1 after reporting */
int rt_gateway(struct route_req *q, const struct nsh_args *a, int i,
	       struct abuf *nh);
/* `nexthop …` from binding I on: RTA_MULTIPATH; 0, or 1 */
int rt_nexthops(struct route_req *q, const struct nsh_args *a, int i);
/* the encap that starts at binding I (the `encap` keyword) as the inner
 * attributes of RTA_ENCAP (NHA_ENCAP) added to *OUT, its type in *TYPE;
 * 0, or 1 */
int rt_build_encap(struct nsh *sh, const struct nsh_args *a, int i,
		   struct abuf *out, uint16_t *type);
/* is binding I a word of an encap (enum encap_key)? */
bool rt_is_encap_word(const struct nsh_args *a, int i);

/* the grammar: `via`, `encap TYPE …` and the words after `nexthop` */
int rt_parse_via(struct ipl_parse *p, const struct ipl_opt *o);
int rt_parse_encap(struct ipl_parse *p, const struct ipl_opt *o);
extern const struct ipl_table rt_nh_opts;

#endif
