/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * nexthop_show.c - `ip nexthop list`, `get`, `flush` and `bucket` natively,
 * as iproute2 6.1's ipnh_list_flush, ipnh_get and ipnh_bucket_*: the
 * selectors, the dump requests and the deletes (printing: nexthop_print.c).
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

DEFINE_PUTP(struct nl_msg, nlmsg_free)



/* a dump request of the nhmsg and the filter's attributes */
struct dreq {
	struct nhmsg nhm;
	unsigned char buf[64];
	size_t len;		/* of the attributes */
};

static void dreq_put(struct dreq *r, int type, const void *data, size_t n)
{
	struct nlattr *a = (struct nlattr *)(r->buf + r->len);

	a->nla_type = (uint16_t)type;
	a->nla_len = (uint16_t)(NLA_HDRLEN + n);
	if (n)
		memcpy((char *)a + NLA_HDRLEN, data, n);
	r->len += NLA_ALIGN(NLA_HDRLEN + n);
}

/* the selectors of a listing (ipnh_list_flush, ipnh_bucket_list) */
struct xfilter {
	uint32_t ifindex, master, id, nhid, proto;
	bool groups, fdb, has_id, has_proto;
	const char *id_text;
};

static int read_filter(struct nsh *sh, const struct nsh_args *a,
		       struct xfilter *f)
{
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		struct rtnl_link *l = NULL;
		int idx;

		switch (o ? o->key : 0) {
		case XK_DEV:
		case XK_MASTER:
			if (link_index(sh, v->text, &idx))
				return 1;
			*(o->key == XK_DEV ? &f->ifindex : &f->master) =
				(uint32_t)idx;
			break;
		case XK_VRF: {
			const char *kind;
			bool vrf;

			if (link_lookup(sh, v->text, &l))
				return 1;
			kind = rtnl_link_get_type(l);
			vrf = kind && streq(kind, "vrf");
			f->master = (uint32_t)rtnl_link_get_ifindex(l);
			rtnl_link_put(l);
			if (!vrf)
				return nsh_err(sh, "'%s': not a VRF", v->text);
			break;
		}
		case XK_GROUPS:
			f->groups = true;
			break;
		case XK_FDB:
			f->fdb = true;
			break;
		case XK_ID:
			f->has_id = true;
			f->id = (uint32_t)v->num;
			f->id_text = v->text;
			break;
		case XK_NHID:
			f->nhid = (uint32_t)v->num;
			break;
		case XK_PROTO:
			/* the list's `id` reads no further: a protocol
			 * given after it never counts */
			if (!f->has_id) {
				f->has_proto = true;
				f->proto = (uint32_t)v->num;
			}
			break;
		default:
			break;
		}
	}
	return 0;
}

/* nh_dump_filter (and nh_dump_bucket_filter for BUCKETS) */
static void dreq_filter(struct dreq *r, const struct xfilter *f,
			bool buckets)
{
	if (f->ifindex)
		dreq_put(r, NHA_OIF, &f->ifindex, 4);
	if (f->groups)
		dreq_put(r, NHA_GROUPS, NULL, 0);
	if (f->master)
		dreq_put(r, NHA_MASTER, &f->master, 4);
	if (f->fdb)
		dreq_put(r, NHA_FDB, NULL, 0);
	if (!buckets)
		return;
	if (f->id)
		dreq_put(r, NHA_ID, &f->id, 4);
	if (f->nhid) {
		struct nlattr *nest = (struct nlattr *)(r->buf + r->len);

		dreq_put(r, NHA_RES_BUCKET | NLA_F_NESTED, NULL, 0);
		dreq_put(r, NHA_RES_BUCKET_NH_ID, &f->nhid, 4);
		nest->nla_len = (uint16_t)((r->buf + r->len) -
					   (unsigned char *)nest);
	}
}

static int nh_dump(struct rt_print *s, int type, struct dreq *r,
		   struct msg_list *l)
{
	r->nhm.nh_family = (unsigned char)s->sh->o.family;
	return dump_msgs(s->sh, s->sk, type, r, sizeof(r->nhm) + r->len,
			 type == RTM_GETNEXTHOP ? "nexthops" :
						  "nexthop buckets", l);
}

struct nl_msg *nh_id_msg(int type, int flags, int family, uint32_t id)
{
	struct nhmsg nhm = { .nh_family = (unsigned char)family };
	struct nl_msg *msg = nlmsg_alloc_simple(type, flags);

	if (msg && (nlmsg_append(msg, &nhm, sizeof(nhm), NLMSG_ALIGNTO) < 0 ||
		    nla_put_u32(msg, NHA_ID, id) < 0)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/* RTM_GETNEXTHOP for ID (with the list's protocol filter) */
static int get_one(struct rt_print *s, const char *what, uint32_t id,
		   const struct xfilter *f)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nh_id_msg(RTM_GETNEXTHOP, NLM_F_REQUEST, s->sh->o.family, id);
	struct nlmsghdr *ans = NULL;
	int err;

	if (!msg)
		return nsh_err(s->sh, "out of memory");
	err = ipr_get(s->sk, msg, &ans);
	if (err < 0) {
		return nh_refused(s->sh, what, err, RTM_GETNEXTHOP, NULL);
	}
	rt_print_open_list(s);
	if (!f || !f->has_proto ||
	    ((const struct nhmsg *)nlmsg_data(ans))->nh_protocol == f->proto)
		print_nexthop(s, ans);
	rt_print_close_list(s);
	free(ans);
	return 0;
}

/* ip nexthop [list [SELECTOR]] */
int nh_cmd_list(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct dreq r = { 0 };
	struct xfilter f;
	struct rt_print s;

	if (nh_wants_help(a))
		return 0;
	if (nh_show_begin(&s, sh) || read_filter(sh, a, &f))
		return 1;
	if (f.has_id)
		return get_one(&s, f.id_text, f.id, &f);
	dreq_filter(&r, &f, false);
	if (nh_dump(&s, RTM_GETNEXTHOP, &r, &l))
		return 1;
	rt_print_open_list(&s);
	for (int i = 0; i < l.n; i++)
		if (!f.has_proto ||
		    ((const struct nhmsg *)nlmsg_data(l.v[i]))->nh_protocol ==
			    f.proto)
			print_nexthop(&s, l.v[i]);
	rt_print_close_list(&s);
	return 0;
}

/* ip nexthop get id ID */
int nh_cmd_get(struct nsh *sh, const struct nsh_args *a)
{
	int i = -1;
	struct rt_print s;
	int rc;

	for (int k = ipl_find(a, 0, XK_ID); k >= 0; k = ipl_find(a, k + 1,
								 XK_ID))
		i = k;
	if (i < 0 || !ipl_arg(a, i, 0)->num)
		return nsh_err(sh, "missing 'id ID' (a nexthop's id, not 0)");
	if (nh_show_begin(&s, sh))
		return 1;
	rc = get_one(&s, ipl_arg(a, i, 0)->text,
		     (uint32_t)ipl_arg(a, i, 0)->num, NULL);
	return rc;
}

/* RTM_DELNEXTHOP for ID (delete_nexthop); quiet about ENOENT when
 * FLUSHING: a group goes with its last member */
static int del_one(struct nsh *sh, struct nl_sock *sk, uint32_t id,
		   const char *what)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nh_id_msg(RTM_DELNEXTHOP, NLM_F_REQUEST | NLM_F_ACK, AF_UNSPEC,
			  id);
	char buf[16];
	int err;

	if (!msg)
		return nsh_err(sh, "out of memory");
	err = ipr_ack(sk, msg);
	if (err >= 0)
		return 0;
	if (!what) {
		if (nl_last_errno() == ENOENT)
			return -1;
		snprintf(buf, sizeof(buf), "%u", id);
		what = buf;
	}
	return nh_refused(sh, what, err, RTM_DELNEXTHOP, NULL);
}

/*
 * ip nexthop flush [SELECTOR]: delete what a dump with the selector
 * lists; without one the groups first, then the rest (ipnh_flush).
 * Prints how many went.
 */
int nh_cmd_flush(struct nsh *sh, const struct nsh_args *a)
{
	struct dreq r;
	struct xfilter f;
	struct rt_print s;
	bool all = true;
	unsigned flushed = 0;
	int rc = 0;

	if (nh_wants_help(a))
		return 0;
	for (int i = 0; i < a->nbind; i++)
		if (a->bind[i].opt && a->bind[i].opt->key < IPL_KEY_GLOBAL)
			all = false;
	if (nh_show_begin(&s, sh) || read_filter(sh, a, &f))
		return 1;
	if (f.has_id)
		return del_one(sh, s.sk, f.id, f.id_text) ? 1 : 0;
	if (all)
		f.groups = true;
	for (;;) {
		_cleanup_(msg_list_free) struct msg_list l = { 0 };

		memset(&r, 0, sizeof(r));
		dreq_filter(&r, &f, false);
		if (nh_dump(&s, RTM_GETNEXTHOP, &r, &l)) {
			rc = 1;
			break;
		}
		for (int i = 0; i < l.n; i++) {
			const struct nhmsg *nhm = nlmsg_data(l.v[i]);
			struct nlattr *id = nlmsg_find_attr(l.v[i],
							    sizeof(*nhm),
							    NHA_ID);
			int e;

			if ((f.has_proto && nhm->nh_protocol != f.proto) ||
			    !id || !nla_get_u32(id))
				continue;
			e = del_one(sh, s.sk, nla_get_u32(id), NULL);
			if (!e)
				flushed++;
			else if (e > 0)
				rc = 1;
		}
		if (!(all && f.groups))
			break;
		f.groups = false;
	}
	if (!flushed)
		printf("Nothing to flush\n");
	else
		printf("Flushed %u nexthops\n", flushed);
	return rc;
}

/* ip nexthop bucket get id ID index INDEX: the answer into L; 0, or 1
 * after reporting */
static int bucket_get(struct rt_print *s, const struct nsh_args *a,
		      const struct xfilter *f, struct msg_list *l)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nh_id_msg(RTM_GETNEXTHOPBUCKET, NLM_F_REQUEST, s->sh->o.family,
			  f->id);
	const struct nsh_val *idx = NULL;
	struct nlmsghdr *ans = NULL;
	struct nlattr *nest;
	char what[48];
	int err;

	for (int k = ipl_find(a, 0, XK_INDEX); k >= 0;
	     k = ipl_find(a, k + 1, XK_INDEX))
		idx = ipl_arg(a, k, 0);
	if (!f->id || !idx)
		return nsh_err(s->sh, "missing '%s'", !f->id ? "id ID" :
							      "index INDEX");
	nest = msg ? nla_nest_start(msg, NHA_RES_BUCKET | NLA_F_NESTED) : NULL;
	if (!nest ||
	    nla_put_u16(msg, NHA_RES_BUCKET_INDEX, (uint16_t)idx->num) < 0)
		return nsh_err(s->sh, "out of memory");
	nla_nest_end(msg, nest);
	snprintf(what, sizeof(what), "id %u index %ld", f->id, idx->num);
	err = ipr_get(s->sk, msg, &ans);
	if (err < 0)
		return nh_refused(s->sh, what, err, RTM_GETNEXTHOPBUCKET, NULL);
	l->v = calloc(1, sizeof(*l->v));
	if (!l->v) {
		free(ans);
		return nsh_err(s->sh, "out of memory");
	}
	l->v[l->n++] = ans;
	return 0;
}

/* ip nexthop bucket [list [SELECTOR] | get id ID index INDEX] */
int nh_cmd_bucket(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct dreq r = { 0 };
	struct xfilter f;
	struct rt_print s;

	if (nh_wants_help(a))
		return 0;
	if (nh_show_begin(&s, sh) || read_filter(sh, a, &f))
		return 1;
	if (ipl_find(a, 0, XK_GET) >= 0) {
		if (bucket_get(&s, a, &f, &l))
			return 1;
	} else {
		dreq_filter(&r, &f, true);
		if (nh_dump(&s, RTM_GETNEXTHOPBUCKET, &r, &l))
			return 1;
	}
	ANALYZER_KEEP(l.v);	/* _cleanup_: freed on return */
	rt_print_open_list(&s);
	for (int i = 0; i < l.n; i++)
		print_bucket(&s, l.v[i]);
	rt_print_close_list(&s);
	return 0;
}
