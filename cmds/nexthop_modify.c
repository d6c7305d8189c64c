/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * nexthop_modify.c - `ip nexthop add`, `replace` and `delete` natively,
 * as iproute2 6.1's ipnh_modify: one RTM_NEWNEXTHOP/RTM_DELNEXTHOP with
 * the nhmsg and the NHA_* attributes in the order of the words (see
 * nexthop.c).
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
#include "route_req.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ------------------------------------------------------------ changes */

static int too_large(struct nsh *sh)
{
	return nsh_err(sh, "the request is too large");
}

/* NHA_ENCAP { … } and NHA_ENCAP_TYPE from the bindings of `encap` at I
 * (the labels of mpls are its second value, the other words are
 * rt_build_encap's): the index of the first binding after them in *NEXT */
static int put_encap(struct nsh *sh, struct nl_msg *msg,
		     const struct nsh_args *a, int i, int *next)
{
	struct abuf e = { .n = 0 };
	uint16_t et;
	int j;

	if (streq(ipl_arg(a, i, 0)->text, "mpls")) {
		struct mpls_label l[MPLS_MAX_LABELS];
		int n = nh_labels_parse(ipl_arg(a, i, 1)->text, l);

		if (n < 0)
			return too_large(sh);
		abuf_put(&e, MPLS_IPTUNNEL_DST, l, (size_t)n * sizeof(l[0]));
	}
	if (rt_build_encap(sh, a, i, &e, &et))
		return 1;
	if (nla_put(msg, NHA_ENCAP | NLA_F_NESTED, (int)e.n, e.b) < 0 ||
	    nla_put_u16(msg, NHA_ENCAP_TYPE, et) < 0)
		return too_large(sh);
	for (j = ipl_next(a, i); j < a->nbind && rt_is_encap_word(a, j);
	     j = ipl_next(a, j))
		;
	*next = j;
	return 0;
}

/* NHA_RES_GROUP { … } (when words follow `resilient`: iproute2 then
 * sends the nest, empty or not) and NHA_GROUP_TYPE */
static int put_grptype(struct nsh *sh, struct nl_msg *msg,
		       const struct nsh_args *a, int i, int *next)
{
	bool res = streq(ipl_arg(a, i, 0)->text, "resilient");
	struct nlattr *nest = NULL;
	int j = ipl_next(a, i);

	if (res && i + 2 < a->nbind) {
		nest = nla_nest_start(msg, NHA_RES_GROUP | NLA_F_NESTED);
		if (!nest)
			return too_large(sh);
	}
	for (; nest && j < a->nbind; j = ipl_next(a, j)) {
		const struct ipl_opt *o = a->bind[j].opt;
		uint32_t n = (uint32_t)ipl_arg(a, j, 0)->num;
		int rc;

		if (!o || o->key < XK_BUCKETS || o->key > XK_UNBALANCED)
			break;
		if (o->key == XK_BUCKETS)
			rc = nla_put_u16(msg, NHA_RES_GROUP_BUCKETS,
					 (uint16_t)n);
		else
			rc = nla_put_u32(msg, o->key == XK_IDLE ?
					 NHA_RES_GROUP_IDLE_TIMER :
					 NHA_RES_GROUP_UNBALANCED_TIMER,
					 n * 100);
		if (rc < 0)
			return too_large(sh);
	}
	if (nest)
		nla_nest_end_keep_empty(msg, nest);
	if (nla_put_u16(msg, NHA_GROUP_TYPE, res ? NEXTHOP_GRP_TYPE_RES :
						   NEXTHOP_GRP_TYPE_MPATH) < 0)
		return too_large(sh);
	*next = j;
	return 0;
}

static int put_group(struct nsh *sh, struct nl_msg *msg, const char *w)
{
	struct nexthop_grp g[GROUP_MAX];
	char err[160];
	int n = nh_group_parse(w, g, GROUP_MAX, err, sizeof(err));

	if (n < 0)
		return nsh_err(sh, "'%s': %s", w, err);
	if (nla_put(msg, NHA_GROUP, n * (int)sizeof(g[0]), g) < 0)
		return too_large(sh);
	return 0;
}

static const char *fam_name(int family)
{
	return family == AF_INET ? "IPv4" : family == AF_INET6 ? "IPv6" :
								 "other";
}

/* via [FAMILY] ADDR: the nexthop's family (-4/-6, or IPv4 after `dev`
 * or `blackhole`) must be the gateway's (get_addr) */
static int put_via(struct nsh *sh, struct nl_msg *msg, struct nhmsg *hdr,
		   const struct nsh_args *a, int i)
{
	const struct nsh_val *v = ipl_arg(a, i, 1) ? ipl_arg(a, i, 1) :
						      ipl_arg(a, i, 0);
	int fam = v->pfx.family;

	if (hdr->nh_family && hdr->nh_family != fam)
		return nsh_err(sh, "'%s': not an %s address (the nexthop is "
				   "%s%s)", v->text, fam_name(hdr->nh_family),
			       fam_name(hdr->nh_family),
			       sh->o.family ? "" :
			       ": give 'via' before 'dev', or -6");
	hdr->nh_family = (unsigned char)fam;
	if (nla_put(msg, NHA_GATEWAY, fam == AF_INET ? 4 : 16,
		    v->pfx.addr) < 0)
		return too_large(sh);
	return 0;
}

/* the kernel's refusal, in one line about the nexthop (ENCAP: the type
 * of its encapsulation, if any) */
int nh_refused(struct nsh *sh, const char *subject, int err, int type,
	       const char *encap)
{
	char why[256];
	int e = nl_last_errno();

	nl_reason(err, why, sizeof(why));
	if (encap && e == EOPNOTSUPP && strstr(why, "lwt encapsulation"))
		return nsh_err(sh, "encap %s: this kernel has no %s "
				   "lightweight tunnels", encap, encap);
	if (e == EOPNOTSUPP && !nl_last_msg()[0])
		return nsh_err(sh, "'%s': this kernel has no nexthop objects "
				   "(%s)", subject, why);
	if (e == EEXIST && type == RTM_NEWNEXTHOP)
		return nsh_err(sh, "'%s': the nexthop exists (replace changes "
				   "it)", subject);
	if (e == ENOENT && !nl_last_msg()[0] && type != RTM_NEWNEXTHOP)
		return nsh_err(sh, "'%s': no such nexthop", subject);
	return nsh_err(sh, "'%s': %s", subject, why);
}

/* a nexthop request being built from the words */
struct nh_req {
	struct nsh *sh;
	struct nl_msg *msg;
	struct nhmsg *hdr;
	const char *subject, *encap;
	uint32_t nh_flags;
};

/* the word at binding I into Q's request, the index of the binding after
 * it (and its own words) in *NEXT: 0, 1 after reporting, or negative
 * when the request is full */
static int modify_word(struct nh_req *q, const struct nsh_args *a, int i,
		       int *next)
{
	const struct ipl_opt *o = a->bind[i].opt;
	const struct nsh_val *v = ipl_arg(a, i, 0);
	struct nhmsg *hdr = q->hdr;
	int idx;

	switch (o ? o->key : 0) {
	case XK_ID:
		q->subject = v->text;
		return nla_put_u32(q->msg, NHA_ID, (uint32_t)v->num);
	case XK_DEV:
		if (link_index(q->sh, v->text, &idx))
			return 1;
		if (!hdr->nh_family)
			hdr->nh_family = AF_INET;
		return nla_put_u32(q->msg, NHA_OIF, (uint32_t)idx);
	case XK_VIA:
		return put_via(q->sh, q->msg, hdr, a, i);
	case XK_ENCAP:
		q->encap = v->text;
		return put_encap(q->sh, q->msg, a, i, next);
	case XK_BLACKHOLE:
		if (!hdr->nh_family)
			hdr->nh_family = AF_INET;
		return nla_put_flag(q->msg, NHA_BLACKHOLE);
	case XK_FDB:
		return nla_put_flag(q->msg, NHA_FDB);
	case XK_ONLINK:
		q->nh_flags |= RTNH_F_ONLINK;
		return 0;
	case XK_GROUP:
		return put_group(q->sh, q->msg, v->text);
	case XK_TYPE:
		return put_grptype(q->sh, q->msg, a, i, next);
	case XK_PROTO:
		hdr->nh_protocol = (unsigned char)v->num;
		return 0;
	default:
		return 0;
	}
}

/*
 * nh_modify - ip nexthop add (CREATE|EXCL), replace (CREATE|REPLACE),
 * delete (RTM_DELNEXTHOP): ipnh_modify's request, attributes in the
 * order of the words.
 */
static int nh_modify(struct nsh *sh, const struct nsh_args *a, int type,
		     int flags)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct nhmsg nhm = { .nh_family = (unsigned char)sh->o.family };
	struct nh_req q = { .sh = sh };
	struct nl_sock *sk;
	int err;

	if (nh_wants_help(a))
		return 0;
	msg = nlmsg_alloc_simple(type, NLM_F_REQUEST | NLM_F_ACK | flags);
	if (!msg || nlmsg_append(msg, &nhm, sizeof(nhm), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	q.msg = msg;
	q.hdr = nlmsg_data(nlmsg_hdr(msg));
	for (int i = 0; i < a->nbind;) {
		int next = ipl_next(a, i), rc = modify_word(&q, a, i, &next);

		if (rc > 0)
			return 1;
		if (rc < 0)
			return too_large(sh);
		i = next;
	}
	q.hdr->nh_flags = q.nh_flags;
	if (!q.subject)
		q.subject = type == RTM_DELNEXTHOP ? "nexthop" : "new nexthop";
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	err = ipr_ack(sk, msg);
	return err < 0 ? nh_refused(sh, q.subject, err, type, q.encap) : 0;
}

int nh_cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return nh_modify(sh, a, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL);
}

int nh_cmd_replace(struct nsh *sh, const struct nsh_args *a)
{
	return nh_modify(sh, a, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE);
}

int nh_cmd_delete(struct nsh *sh, const struct nsh_args *a)
{
	return nh_modify(sh, a, RTM_DELNEXTHOP, 0);
}

