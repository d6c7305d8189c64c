/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * nexthop_print.c - a nexthop (__print_nexthop_entry) and a resilient
 * group's bucket (print_nexthop_bucket) in iproute2 6.1's layout, text
 * and -j JSON, on a show's printer (struct rt_print, route_out.c): for
 * nexthop_show.c, and for the nh_info of a route under -d
 * (route_print.c).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "nexthop.h"
#include "route.h"

/* ------------------------------------------------------------ show */

int nh_show_begin(struct rt_print *p, struct nsh *sh)
{
	rt_names_reset(sh->o.numeric);
	rt_print_begin(p, sh, ns_sock(sh), NULL);
	return p->sk ? 0 : 1;
}

/* print_tv of a clock_t count (hundredths), as __jiffies_to_tv makes it */
static void put_time(struct rt_print *p, const char *key, uint64_t jiffies)
{
	unsigned long long usec = 10000ULL * jiffies;
	unsigned long long sec = usec / 1000000;
	double t = (double)sec + (double)(usec - 1000000 * sec) / 1000000;

	if (p->json) {
		json_key(&p->j, key);
		printf("%g", t);
	} else {
		printf("%s %g ", key, t);
	}
}

/* the members of a group: "group 1,2/3 " */
static void put_group_members(struct rt_print *p, const struct nlattr *a)
{
	const struct nexthop_grp *g = nla_data(a);
	int n = nla_len(a) / (int)sizeof(*g);

	rtp_open_array(p, "group");
	if (!p->json)
		fputs("group ", stdout);
	for (int i = 0; i < n; i++) {
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

/* "type resilient" (mpath is not said) */
static void put_group_type(struct rt_print *p, const struct nlattr *a)
{
	uint16_t type = nla_get_u16((struct nlattr *)a);

	if (type != NEXTHOP_GRP_TYPE_MPATH)
		rtp_str(p, "type", "type %s ",
			type == NEXTHOP_GRP_TYPE_RES ? "resilient" :
						       "<unknown type>");
}

/* a resilient group's buckets and timers */
static void put_res_group(struct rt_print *p, struct nlattr *a)
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
	rtp_open(p, "resilient_args");
	rtp_uint(p, "buckets", "buckets %llu ", buckets);
	put_time(p, "idle_timer", idle);
	put_time(p, "unbalanced_timer", unbal);
	put_time(p, "unbalanced_time", unbal_time);
	rtp_close(p);
}

/* the group: members, type and resilient arguments */
static void put_group(struct rt_print *p, struct nlattr **tb)
{
	if (tb[NHA_GROUP] && nla_len(tb[NHA_GROUP]) > 0 &&
	    nla_len(tb[NHA_GROUP]) % (int)sizeof(struct nexthop_grp) == 0)
		put_group_members(p, tb[NHA_GROUP]);
	if (tb[NHA_GROUP_TYPE])
		put_group_type(p, tb[NHA_GROUP_TYPE]);
	if (tb[NHA_RES_GROUP])
		put_res_group(p, tb[NHA_RES_GROUP]);
}

/* where it leads: encap, gateway, dev, scope, blackhole, protocol */
static void put_hop(struct rt_print *p, const struct nhmsg *nhm,
		    struct nlattr **tb)
{
	bool details = p->sh->o.details > 0;
	char buf[INET6_ADDRSTRLEN + 64];

	if (tb[NHA_ENCAP])
		rt_print_encap(p, tb[NHA_ENCAP_TYPE], tb[NHA_ENCAP]);
	if (tb[NHA_GATEWAY])
		rt_print_gateway(p, nhm->nh_family,
				 rt_rta_addr(nhm->nh_family, tb[NHA_GATEWAY],
					     buf, sizeof(buf)));
	if (tb[NHA_OIF] && nla_get_u32(tb[NHA_OIF]))
		rt_print_dev(p, "dev", nla_get_u32(tb[NHA_OIF]));
	if (nhm->nh_scope != RT_SCOPE_UNIVERSE || details)
		rtp_str(p, "scope", "scope %s ",
			rt_scope_n2a(nhm->nh_scope, buf, sizeof(buf)));
	if (tb[NHA_BLACKHOLE])
		rtp_null(p, "blackhole", "blackhole ");
	if (nhm->nh_protocol != RTPROT_UNSPEC || details)
		rtp_str(p, "protocol", "proto %s ",
			rt_proto_n2a(nhm->nh_protocol, buf, sizeof(buf)));
}

bool nh_print_entry(struct rt_print *p, const char *prefix, const char *key,
		    const struct nlmsghdr *nlh)
{
	const struct nhmsg *nhm = nlmsg_data(nlh);
	struct nlattr *tb[NHA_MAX + 1];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*nhm), tb, NHA_MAX,
			NULL) < 0)
		return false;
	if (prefix && !p->json)
		fputs(prefix, stdout);
	rtp_open(p, key);
	rtp_uint(p, "id", "id %llu ", tb[NHA_ID] ? nla_get_u32(tb[NHA_ID]) : 0);
	put_group(p, tb);
	put_hop(p, nhm, tb);
	rt_print_flags(p, nhm->nh_flags);
	if (tb[NHA_FDB])
		rtp_null(p, "fdb", "fdb");
	rtp_close(p);
	return true;
}

/* one nexthop of a listing, a line of its own */
void print_nexthop(struct rt_print *p, const struct nlmsghdr *nlh)
{
	if (nh_print_entry(p, NULL, NULL, nlh) && !p->json)
		putchar('\n');
}

/* one bucket (print_nexthop_bucket) */
void print_bucket(struct rt_print *p, const struct nlmsghdr *nlh)
{
	const struct nhmsg *nhm = nlmsg_data(nlh);
	struct nlattr *tb[NHA_MAX + 1], *bt[NHA_RES_BUCKET_MAX + 1];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*nhm), tb, NHA_MAX,
			NULL) < 0)
		return;
	rtp_open(p, NULL);
	if (tb[NHA_ID])
		rtp_uint(p, "id", "id %llu ", nla_get_u32(tb[NHA_ID]));
	if (tb[NHA_RES_BUCKET] &&
	    nla_parse_nested(bt, NHA_RES_BUCKET_MAX, tb[NHA_RES_BUCKET],
			     NULL) >= 0) {
		rtp_open(p, "bucket");
		if (bt[NHA_RES_BUCKET_INDEX])
			rtp_uint(p, "index", "index %llu ",
				 nla_get_u16(bt[NHA_RES_BUCKET_INDEX]));
		if (bt[NHA_RES_BUCKET_IDLE_TIME])
			put_time(p, "idle_time",
				 nla_get_u64(bt[NHA_RES_BUCKET_IDLE_TIME]));
		if (bt[NHA_RES_BUCKET_NH_ID])
			rtp_uint(p, "nhid", "nhid %llu ",
				 nla_get_u32(bt[NHA_RES_BUCKET_NH_ID]));
		rtp_close(p);
	}
	rt_print_flags(p, nhm->nh_flags);
	if (p->json)
		rtp_close(p);
	else
		putchar('\n');
}
