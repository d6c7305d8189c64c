/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * neigh_show.c - `ip neigh show`, `flush` and `get` natively, as iproute2
 * 6.1's do_show_or_flush and ipneigh_get: one dump (filtered by the
 * kernel on the link and master), iproute2's filters and flush's rounds
 * (see neigh.c); each entry printed by cmds/neigh_print.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/route/link.h>

#include "neigh.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ------------------------------------------------------------ show */

/* print_neigh's filter */
static bool wanted(struct nshow *s, const struct nlmsghdr *nlh,
		   struct nlattr **tb)
{
	const struct ndmsg *r = nlmsg_data(nlh);
	unsigned char d[16];

	if (s->family && s->family != r->ndm_family)
		return false;
	if (s->index && s->index != r->ndm_ifindex)
		return false;
	if (!(s->state & r->ndm_state) && !(r->ndm_flags & NTF_PROXY) &&
	    !(r->ndm_flags & NTF_EXT_LEARNED) &&
	    (r->ndm_state || !(s->state & 0x100)))
		return false;
	if (s->master && !(nlh->nlmsg_flags & NLM_F_DUMP_FILTERED) &&
	    !s->warned && !s->flush) {
		s->warned = true;
		printf("\nWARNING: Kernel does not support filtering by "
		       "master device\n\n");
	}
	/* inet_addr_match_rta */
	if (tb[NDA_DST] && s->pfx.family != AF_UNSPEC && s->bits > 0) {
		int n = nla_len(tb[NDA_DST]);
		int fam = n == 4 ? AF_INET : n == 16 ? AF_INET6 : AF_UNSPEC;
		int full = s->bits / 8, rest = s->bits % 8;

		if (fam != s->pfx.family)
			return false;
		memcpy(d, nla_data(tb[NDA_DST]), (size_t)n);
		if (memcmp(d, s->pfx.addr, (size_t)full) != 0)
			return false;
		if (rest && ((d[full] ^ s->pfx.addr[full]) &
			     (0xff << (8 - rest)) & 0xff))
			return false;
	}
	if (s->protocol && (!tb[NDA_PROTOCOL] ||
			    nla_get_u8(tb[NDA_PROTOCOL]) != s->protocol))
		return false;
	if (s->unused && tb[NDA_CACHEINFO] &&
	    nla_len(tb[NDA_CACHEINFO]) >= (int)sizeof(struct nda_cacheinfo) &&
	    ((struct nda_cacheinfo *)nla_data(tb[NDA_CACHEINFO]))->ndm_refcnt)
		return false;
	return true;
}


static int neigh_dump(struct nshow *s, struct msg_list *l)
{
	struct {
		struct ndmsg ndm;
		struct nlattr a1;
		uint32_t v1;
		struct nlattr a2;
		uint32_t v2;
	} req = {
		.ndm = { .ndm_family = (unsigned char)s->family,
			 .ndm_flags = s->proxy ? NTF_PROXY : 0 },
	};
	size_t len = sizeof(req.ndm);
	char *at = (char *)&req.a1;

	if (s->index) {
		struct nlattr *a = (struct nlattr *)at;

		a->nla_type = NDA_IFINDEX;
		a->nla_len = NLA_HDRLEN + 4;
		memcpy(at + NLA_HDRLEN, &s->index, 4);
		at += NLA_HDRLEN + 4;
		len += NLA_HDRLEN + 4;
	}
	if (s->master) {
		struct nlattr *a = (struct nlattr *)at;

		a->nla_type = NDA_MASTER;
		a->nla_len = NLA_HDRLEN + 4;
		memcpy(at + NLA_HDRLEN, &s->master, 4);
		len += NLA_HDRLEN + 4;
	}
	return dump_msgs(s->sh, s->sk, RTM_GETNEIGH, &req, len,
			 "neighbour entries", l);
}

/* name_is_vrf */
static int vrf_index(struct nsh *sh, const char *name, int *ret)
{
	struct rtnl_link *l = NULL;
	const char *kind;
	bool vrf;

	if (link_lookup(sh, name, &l))
		return 1;
	kind = rtnl_link_get_type(l);
	vrf = kind && streq(kind, "vrf");
	*ret = rtnl_link_get_ifindex(l);
	rtnl_link_put(l);
	if (!vrf)
		return nsh_err(sh, "'%s': not a VRF", name);
	return 0;
}

/* nud STATE of a listing: the first replaces the default states */
static void filter_nud(struct nshow *s, const struct nsh_val *v,
		       bool *state_given)
{
	unsigned st;

	if (!*state_given) {
		*state_given = true;
		s->state = 0;
	}
	st = (unsigned)v->num;
	if (v->num < 0)
		st = s->flush ? ~(unsigned)NUD_NOARP : ~0u;
	s->state |= st ? st : 0x100;
}

/* [to] PREFIX of a listing (all/default: any); 0, or 1 after reporting */
static int filter_prefix(struct nsh *sh, struct nshow *s,
			 const struct nsh_val *v)
{
	if (v->special) {
		memset(&s->pfx, 0, sizeof(s->pfx));
		s->pfx.family = s->family;
		s->bits = 0;
		return 0;
	}
	if (s->family && s->family != v->pfx.family)
		return nsh_err(sh, "'%s': not an %s prefix (the listing is of "
				   "%s entries)", v->text,
			       v->pfx.family == AF_INET ? "IPv6" : "IPv4",
			       v->pfx.family == AF_INET ? "IPv6" : "IPv4");
	s->pfx = v->pfx;
	s->bits = v->pfx.len;
	if (!s->family)
		s->family = v->pfx.family;
	return 0;
}

/* the filter of the line: do_show_or_flush's loop */
static int read_filter(struct nsh *sh, const struct nsh_args *a,
		       struct nshow *s)
{
	bool state_given = false;
	const char *dev = NULL;

	s->family = sh->o.family;
	s->state = s->flush ? ~(unsigned)(NUD_PERMANENT | NUD_NOARP) :
			      0xff & ~(unsigned)NUD_NOARP;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		int rc = 0;

		switch (o ? o->key : 0) {
		case NK_DEV:
			dev = v->text;
			break;
		case NK_MASTER:
			rc = link_index(sh, v->text, &s->master);
			break;
		case NK_VRF:
			rc = vrf_index(sh, v->text, &s->master);
			break;
		case NK_NOMASTER:
			s->master = -1;
			break;
		case NK_UNUSED:
			s->unused = true;
			break;
		case NK_NUD:
			filter_nud(s, v, &state_given);
			break;
		case NK_PROXIES:
			s->proxy = true;
			break;
		case NK_PROTO:
			/* all: no filter */
			s->protocol = v->special ? 0 : (unsigned)v->num;
			break;
		case NK_TO:
			rc = filter_prefix(sh, s, v);
			break;
		default:
			break;
		}
		if (rc)
			return 1;
	}
	if (dev && link_index(sh, dev, &s->index))
		return 1;
	return 0;
}

static int show(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct nshow s = { .sh = sh, .json = sh->o.json,
			   .j = { .pretty = sh->o.pretty } };
	int rc = 1;

	pr_color(sh->o.color && !s.json);
	rt_names_reset(sh->o.numeric);
	if (neigh_wants_help(a))
		return 0;
	s.sk = ns_sock(sh);
	if (!s.sk || read_filter(sh, a, &s) || neigh_dump(&s, &l))
		goto out;
	if (s.json)
		json_begin_array(&s.j);
	for (int i = 0; i < l.n; i++) {
		struct nlattr *tb[NDA_MAX + 1];

		if (nlmsg_parse(l.v[i], sizeof(struct ndmsg), tb, NDA_MAX,
				NULL) < 0)
			continue;
		if (wanted(&s, l.v[i], tb))
			neigh_print(&s, l.v[i], tb);
	}
	if (s.json) {
		json_end_array(&s.j);
		json_end(&s.j);
	}
	rc = 0;
out:
	neigh_show_free(&s);
	return rc;
}

int neigh_cmd_show(struct nsh *sh, const struct nsh_args *a)
{
	return show(sh, a);
}

/* delete the entry NLH describes: the kernel's message sent back as
 * RTM_DELNEIGH, as iproute2's flush does */
static int flush_one(struct nshow *s, const struct nlmsghdr *nlh,
		     struct nlattr **tb)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nlmsg_alloc_simple(RTM_DELNEIGH, NLM_F_REQUEST | NLM_F_ACK);
	const struct ndmsg *r = nlmsg_data(nlh);
	char buf[64], why[256];
	int err;

	if (!msg || nlmsg_append(msg, nlmsg_data(nlh),
				 (size_t)nlmsg_datalen(nlh), NLMSG_ALIGNTO) < 0)
		return nsh_err(s->sh, "out of memory");
	err = ipr_ack(s->sk, msg);
	/* gone already: the kernel's garbage collector was first */
	if (err >= 0 || nl_last_errno() == ENOENT)
		return 0;
	return nsh_err(s->sh, "'%s': %s",
		       tb[NDA_DST] ? neigh_addr_str(r->ndm_family, tb[NDA_DST], buf,
					      sizeof(buf)) : "?",
		       nl_reason(err, why, sizeof(why)));
}

/* ip neigh flush SELECTOR: rounds of dump and delete until a dump finds
 * nothing (at most 10); -s tells the rounds */
int neigh_cmd_flush(struct nsh *sh, const struct nsh_args *a)
{
	struct nshow s = { .sh = sh, .flush = true };
	int rc = 1, round = 0;

	pr_color(sh->o.color);
	rt_names_reset(sh->o.numeric);
	if (neigh_wants_help(a))
		return 0;
	if (!neigh_has_args(a))
		return nsh_err(sh, "missing what to flush (dev DEV, to PREFIX, "
				   "nud STATE, all, …)");
	s.sk = ns_sock(sh);
	if (!s.sk || read_filter(sh, a, &s))
		goto out;
	for (; round < 10; round++) {
		_cleanup_(msg_list_free) struct msg_list l = { 0 };
		int n = 0;

		if (neigh_dump(&s, &l))
			goto out;
		for (int i = 0; i < l.n; i++) {
			struct nlattr *tb[NDA_MAX + 1];

			if (nlmsg_parse(l.v[i], sizeof(struct ndmsg), tb,
					NDA_MAX, NULL) < 0 ||
			    !wanted(&s, l.v[i], tb))
				continue;
			if (flush_one(&s, l.v[i], tb))
				goto out;
			n++;
			if (sh->o.stats >= 2)
				neigh_print(&s, l.v[i], tb);
		}
		if (!n) {
			if (sh->o.stats && !round)
				printf("Nothing to flush.\n");
			else if (sh->o.stats)
				printf("*** Flush is complete after %d "
				       "round%s ***\n", round,
				       round > 1 ? "s" : "");
			rc = 0;
			goto out;
		}
		if (sh->o.stats)
			printf("\n*** Round %d, deleting %d entries ***\n",
			       round + 1, n);
		s.state &= ~(unsigned)NUD_FAILED;
	}
	printf("*** Flush not complete bailing out after %d rounds\n", 10);
out:
	fflush(stdout);
	neigh_show_free(&s);
	return rc;
}

/* the words of ip neigh get: the address into *DST, the link into *DEV,
 * proxy into NDM; 0, or 1 after reporting what is missing */
static int get_words(struct nsh *sh, const struct nsh_args *a,
		     struct ndmsg *ndm, const struct nsh_val **dst,
		     const char **dev)
{
	bool dev_ok = false;

	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case NK_DEV:
			*dev = v->text;
			dev_ok = true;
			break;
		case NK_PROXY:
			ndm->ndm_flags |= NTF_PROXY;
			dev_ok = true;
			*dst = v;
			break;
		case NK_TO:
			*dst = v;
			break;
		default:
			break;
		}
	}
	if (!*dst)
		return nsh_err(sh, "missing the neighbour's address (ADDR or "
				   "proxy ADDR)");
	if (!dev_ok)
		return nsh_err(sh, "'%s': missing 'dev DEV' (the link of the "
				   "entry)", (*dst)->text);
	return 0;
}

/* ip neigh get ADDR dev DEV: the kernel's entry, printed as show does
 * (in text, -j or not: iproute2 opens no JSON here) */
int neigh_cmd_get(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ndmsg ndm = { .ndm_family = (unsigned char)sh->o.family };
	struct nshow s = { .sh = sh, .state = ~0u };
	const struct nsh_val *dst = NULL;
	const char *dev = NULL;
	struct nlmsghdr *ans = NULL;
	struct nlattr *tb[NDA_MAX + 1];
	int err, idx, rc = 1;

	pr_color(sh->o.color && !sh->o.json);
	rt_names_reset(sh->o.numeric);
	if (neigh_wants_help(a))
		return 0;
	/* !dst: get_words reported it missing */
	if (get_words(sh, a, &ndm, &dst, &dev) || !dst ||
	    neigh_check_family(sh, dst))
		return 1;
	ndm.ndm_family = (unsigned char)dst->pfx.family;
	if (dev) {
		if (link_index(sh, dev, &idx))
			return 1;
		ndm.ndm_ifindex = idx;
	}
	s.sk = ns_sock(sh);
	if (!s.sk)
		return 1;
	msg = nlmsg_alloc_simple(RTM_GETNEIGH, NLM_F_REQUEST);
	if (!msg || nlmsg_append(msg, &ndm, sizeof(ndm), NLMSG_ALIGNTO) < 0 ||
	    nla_put(msg, NDA_DST, dst->pfx.family == AF_INET ? 4 : 16,
		    dst->pfx.addr) < 0)
		return nsh_err(sh, "out of memory");
	err = ipr_get(s.sk, msg, &ans);
	if (err < 0) {
		if (nl_last_errno() == ENOENT)
			return nsh_err(sh, "'%s': no such entry%s%s", dst->text,
				       dev ? " on " : "", dev ? dev : "");
		return neigh_refused(sh, dst->text, err);
	}
	if (nlmsg_parse(ans, sizeof(struct ndmsg), tb, NDA_MAX, NULL) >= 0) {
		neigh_print(&s, ans, tb);
		rc = 0;
	}
	free(ans);
	neigh_show_free(&s);
	return rc;
}
