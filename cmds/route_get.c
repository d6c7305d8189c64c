/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_get.c - `ip route get` (ip/iproute.c's iproute_get): the request
 * its words make (RTM_GETROUTE with the address, the source, the links,
 * the mark, the ports …), the kernel's answer printed as a route, and the
 * table of those words.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "route_priv.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

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

/* what the words of `ip route get` set besides the request's attributes */
struct get_words {
	int family;
	const char *idev, *odev;	/* looked up at the end */
	uint32_t mark;
	bool fibmatch, from_ok, found, connected;
	const char *dst;		/* the address, for errors */
};

/* the header of the request in MSG (it moves as attributes are added) */
static struct rtmsg *get_rtm(struct nl_msg *msg)
{
	return nlmsg_data(nlmsg_hdr(msg));
}

/* from ADDR: RTA_SRC and its length */
static int put_from(struct nsh *sh, struct nl_msg *msg,
		    const struct nsh_val *v, struct get_words *w)
{
	int n;

	if (want_family(sh, v, &w->family))
		return 1;
	w->from_ok = true;
	n = rt_val_bytes(v, w->family);
	if (n && nla_put(msg, RTA_SRC, n, v->pfx.addr) < 0)
		return nsh_err(sh, "out of memory");
	get_rtm(msg)->rtm_src_len = v->special ? 0 : (unsigned char)v->pfx.len;
	return 0;
}

/* [to] ADDR: RTA_DST, a host's length (a prefix's is warned about) */
static int put_to(struct nsh *sh, struct nl_msg *msg, const struct nsh_val *v,
		  struct get_words *w)
{
	int len = v->special ? 0 : v->pfx.len, n;

	if (want_family(sh, v, &w->family))
		return 1;
	n = rt_val_bytes(v, w->family);
	if (n && nla_put(msg, RTA_DST, n, v->pfx.addr) < 0)
		return nsh_err(sh, "out of memory");
	if (w->family == AF_INET && len != 32) {
		nsh_warn(sh, "/%u as prefix is invalid, only /32 (or none) is "
			     "supported", len);
		len = 32;
	} else if (w->family == AF_INET6 && len != 128) {
		nsh_warn(sh, "/%u as prefix is invalid, only /128 (or none) "
			     "is supported", len);
		len = 128;
	}
	get_rtm(msg)->rtm_dst_len = (unsigned char)len;
	w->found = true;
	w->dst = v->text;
	return 0;
}

/* as [to] ADDR: RTA_NEWDST, from the binding at I */
static int put_as(struct nsh *sh, struct nl_msg *msg,
		  const struct nsh_args *a, int i, struct get_words *w)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);

	if (streq(v->text, "to"))
		v = ipl_arg(a, i, 1);
	if (want_family(sh, v, &w->family))
		return 1;
	if (nla_put(msg, RTA_NEWDST, rt_val_bytes(v, w->family),
		    v->pfx.addr) < 0)
		return nsh_err(sh, "out of memory");
	return 0;
}

/* the words that put a number: uid, sport, dport, ipproto; 0 or -1 */
static int put_number(struct nl_msg *msg, int key, const struct nsh_val *v)
{
	switch (key) {
	case GK_UID:
		return nla_put_u32(msg, RTA_UID, (uint32_t)v->num);
	case GK_SPORT:
		return nla_put_u16(msg, RTA_SPORT, htons((uint16_t)v->num));
	case GK_DPORT:
		return nla_put_u16(msg, RTA_DPORT, htons((uint16_t)v->num));
	case GK_IPPROTO:
		return nla_put_u8(msg, RTA_IP_PROTO, (uint8_t)v->num);
	default:
		return 0;
	}
}

/* the binding at I into MSG and W; 0 or 1 */
static int get_word(struct nsh *sh, const struct nsh_args *a, int i,
		    struct nl_msg *msg, struct get_words *w)
{
	const struct nsh_val *v = ipl_arg(a, i, 0);
	int key = a->bind[i].opt->key;
	uint32_t tid;

	switch (key) {
	case GK_TOS:
		get_rtm(msg)->rtm_tos = (unsigned char)v->num;
		return 0;
	case GK_FROM:
		return put_from(sh, msg, v, w);
	case GK_IIF:
		w->idev = v->text;
		return 0;
	case GK_MARK:
		w->mark = (uint32_t)v->num;
		return 0;
	case GK_OIF:
		w->odev = v->text;
		return 0;
	case GK_VRF:	/* a VRF's table, through the VRF as the output link */
		if (rt_vrf_table(sh, v->text, &tid))
			return 1;
		w->odev = v->text;
		return 0;
	case GK_NOTIFY:
		get_rtm(msg)->rtm_flags |= RTM_F_NOTIFY;
		return 0;
	case GK_CONNECTED:
		w->connected = true;
		return 0;
	case GK_FIBMATCH:
		w->fibmatch = true;
		return 0;
	case GK_AS:
		return put_as(sh, msg, a, i, w);
	case GK_TO:
		return put_to(sh, msg, v, w);
	default:
		if (put_number(msg, key, v) < 0)
			return nsh_err(sh, "out of memory");
		return 0;
	}
}

/* after the words: the links, the mark, the family and the flags */
static int get_finish(struct nsh *sh, struct nl_msg *msg,
		      const struct get_words *w)
{
	struct rtmsg *rtm;
	int idx;

	if (w->idev && (link_index(sh, w->idev, &idx) ||
			nla_put_u32(msg, RTA_IIF, (uint32_t)idx) < 0))
		return 1;
	if (w->odev && (link_index(sh, w->odev, &idx) ||
			nla_put_u32(msg, RTA_OIF, (uint32_t)idx) < 0))
		return 1;
	if (w->mark && nla_put_u32(msg, RTA_MARK, w->mark) < 0)
		return nsh_err(sh, "out of memory");
	rtm = get_rtm(msg);
	rtm->rtm_family = (unsigned char)(w->family ? w->family : AF_INET);
	/* only IPv4 knows RTM_F_LOOKUP_TABLE */
	if (rtm->rtm_family == AF_INET)
		rtm->rtm_flags |= RTM_F_LOOKUP_TABLE;
	if (w->fibmatch)
		rtm->rtm_flags |= RTM_F_FIB_MATCH;
	return 0;
}

/* the request of `ip route get`, from A */
static int get_request(struct nsh *sh, const struct nsh_args *a,
		       struct nl_msg *msg, bool *connected, const char **dst)
{
	struct rtmsg r = { .rtm_family = (unsigned char)sh->o.family };
	struct get_words w = { .family = sh->o.family };

	if (nlmsg_append(msg, &r, sizeof(r), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (get_word(sh, a, i, msg, &w))
			return 1;
	if (!w.found)
		return nsh_err(sh, "need at least a destination address");
	if (get_finish(sh, msg, &w))
		return 1;
	*dst = w.dst;
	/* `from` makes `connected` moot, as in iproute2 */
	*connected = w.connected && !w.from_ok;
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
		rt_print_open_list(&p);
		rt_print_route(&p, ans);
		free(ans);
		rt_print_close_list(&p);
		p.json = false;
	}
	fflush(stdout);
	return 0;
}

#define P IPL_PREFIX
#define A IPL_ALIAS


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
