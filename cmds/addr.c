/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr.c - `ip address …`: add, delete, flush and show the IPv4 and IPv6
 * addresses of links.
 *
 * The requests are the ones iproute2 sends (IFA_LOCAL and IFA_ADDRESS, no
 * broadcast unless asked, host scope for 127/8, NLM_F_CREATE|NLM_F_EXCL),
 * so `ip -j addr` cannot tell which tool made an address.  Addresses are
 * built from the already-parsed placeholder values, never re-parsed.
 * Listing parses the kernel's RTM_NEWADDR messages directly (a libnl cache
 * would merge entries and drop flags) and prints iproute2's layout.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>

#include "cmds.h"
#include "ipl.h"

enum addr_key { AK_PEER = 1, AK_BRD, AK_ANYCAST, AK_SCOPE, AK_DEV, AK_LABEL,
		AK_METRIC, AK_VALID, AK_PREFERRED, AK_NODAD, AK_NOPREFIXROUTE,
		AK_HOME, AK_MNGTMP, AK_AUTOJOIN, AK_OPTIMISTIC, AK_LOCAL,
		AK_HELP };
#include "show.h"

DEFINE_PUTP(struct rtnl_addr, rtnl_addr_put)
DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_addr, nl_addr_put)
DEFINE_PUTP(struct nl_cache, nl_cache_free)

#define FOREVER 0xffffffffU

/* one address as the kernel reported it */
struct ifa {
	int family;
	int ifindex;
	int plen;
	int scope;
	uint32_t flags;
	unsigned char local[16];
	unsigned char peer[16];	/* IFA_ADDRESS */
	unsigned char brd[16];
	bool has_brd;
	char label[IFNAMSIZ];
	uint32_t valid, preferred;
};

/* the addresses of one dump, filtered by link and family */
struct ifa_list {
	struct ifa *v;
	int n;
	int ifindex;		/* 0: every link */
	int family;		/* AF_UNSPEC: both */
};

static void ifa_list_free(struct ifa_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static size_t alen(int family)
{
	return family == AF_INET ? 4 : 16;
}

/* copy address attribute A (if it has the right size) into OUT */
static bool get_addr(const struct nlattr *a, int family, unsigned char *out)
{
	if (!a || (size_t)nla_len(a) != alen(family))
		return false;
	memcpy(out, nla_data(a), alen(family));
	return true;
}

/*
 * parse_ifa - the address of one RTM_NEWADDR message NLH into *RET, if it
 * passes L's filter (returns false otherwise)
 */
static bool parse_ifa(struct nlmsghdr *nlh, const struct ifa_list *l,
		      struct ifa *ret)
{
	struct ifaddrmsg *ifm = nlmsg_data(nlh);
	struct nlattr *tb[IFA_MAX + 1];
	struct ifa e = { 0 };
	bool local, peer;

	if (nlmsg_parse(nlh, sizeof(*ifm), tb, IFA_MAX, NULL) < 0)
		return false;
	if ((ifm->ifa_family != AF_INET && ifm->ifa_family != AF_INET6) ||
	    (l->family && ifm->ifa_family != l->family) ||
	    (l->ifindex && (int)ifm->ifa_index != l->ifindex))
		return false;
	e.family = ifm->ifa_family;
	e.ifindex = (int)ifm->ifa_index;
	e.plen = ifm->ifa_prefixlen;
	e.scope = ifm->ifa_scope;
	e.flags = tb[IFA_FLAGS] ? nla_get_u32(tb[IFA_FLAGS]) : ifm->ifa_flags;
	local = get_addr(tb[IFA_LOCAL], e.family, e.local);
	peer = get_addr(tb[IFA_ADDRESS], e.family, e.peer);
	if (!local && !peer)
		return false;
	if (!local)
		memcpy(e.local, e.peer, sizeof(e.local));
	if (!peer)
		memcpy(e.peer, e.local, sizeof(e.peer));
	e.has_brd = get_addr(tb[IFA_BROADCAST], e.family, e.brd);
	if (tb[IFA_LABEL])
		nla_strlcpy(e.label, tb[IFA_LABEL], sizeof(e.label));
	e.valid = e.preferred = FOREVER;
	if (tb[IFA_CACHEINFO] &&
	    nla_len(tb[IFA_CACHEINFO]) >= (int)sizeof(struct ifa_cacheinfo)) {
		struct ifa_cacheinfo *ci = nla_data(tb[IFA_CACHEINFO]);

		e.valid = ci->ifa_valid;
		e.preferred = ci->ifa_prefered;
	}
	*ret = e;
	return true;
}

/*
 * ifa_dump - the addresses of SH->cur that pass L's filter, replacing
 * what L held (one dump, retried if the kernel reports it was interrupted
 * by a change).
 */
static int ifa_dump(struct nsh *sh, struct nl_sock *sk, struct ifa_list *l)
{
	struct ifaddrmsg hdr = { .ifa_family = (unsigned char)l->family };
	_cleanup_(msg_list_free) struct msg_list m = { 0 };

	ifa_list_free(l);
	if (dump_msgs(sh, sk, RTM_GETADDR, &hdr, sizeof(hdr), "addresses",
		      &m))
		return 1;
	l->v = calloc((size_t)m.n + 1, sizeof(*l->v));
	if (!l->v)
		return nsh_err(sh, "out of memory");
	for (int i = 0; i < m.n; i++)
		l->n += parse_ifa(m.v[i], l, &l->v[l->n]);
	return 0;
}

/* ------------------------------------------------------------ show */

static const char *const scopes[256] = {
	[RT_SCOPE_UNIVERSE] = "global", [RT_SCOPE_SITE] = "site",
	[RT_SCOPE_LINK] = "link", [RT_SCOPE_HOST] = "host",
	[RT_SCOPE_NOWHERE] = "nowhere",
};

static const char *scope_name(int scope, char *buf, size_t len)
{
	if (scope >= 0 && scope < 256 && scopes[scope])
		return scopes[scope];
	snprintf(buf, len, "%d", scope);
	return buf;
}

/* one address: "    inet 10.0.0.1/24 brd … scope global v1" + lifetimes */
static void print_ifa(struct link_show_ctx *c, const struct ifa *e)
{
	bool json = c->sh->o.json, v6 = e->family == AF_INET6;
	struct json *j = &c->j;
	char buf[INET6_ADDRSTRLEN];
	const char *flags[SHOW_ADDR_FLAGS];
	int nflags;

	if (json) {
		json_key(j, NULL);
		json_begin_object(j);
	} else {
		fputs("   ", stdout);
	}
	link_show_field(c, "family", "", v6 ? "inet6" : "inet");
	link_show_field(c, "local", "",
			inet_ntop(e->family, e->local, buf, sizeof(buf)));
	if (memcmp(e->local, e->peer, alen(e->family)) != 0)
		link_show_field(c, "address", "peer",
				inet_ntop(e->family, e->peer, buf, sizeof(buf)));
	if (json)
		json_int(j, "prefixlen", e->plen);
	else
		printf("/%d", e->plen);
	if (e->has_brd)
		link_show_field(c, "broadcast", "brd",
				inet_ntop(e->family, e->brd, buf, sizeof(buf)));
	link_show_field(c, "scope", "scope",
			scope_name(e->scope, buf, sizeof(buf)));
	nflags = show_addr_flags(e->flags, e->family, flags);
	for (int i = 0; i < nflags; i++) {
		if (json)
			json_bool(j, flags[i], true);
		else
			printf(" %s", flags[i]);
	}
	if (json) {
		if (!v6 && e->label[0])
			json_str(j, "label", e->label);
		json_uint(j, "valid_life_time", e->valid);
		json_uint(j, "preferred_life_time", e->preferred);
		json_end_object(j);
		return;
	}
	printf(" %s\n       valid_lft ", v6 ? "" : e->label);
	if (e->valid == FOREVER)
		fputs("forever", stdout);
	else
		printf("%usec", e->valid);
	if (e->preferred == FOREVER)
		fputs(" preferred_lft forever\n", stdout);
	else
		printf(" preferred_lft %usec\n", e->preferred);
}

/* a link and its addresses (skipped under -4/-6 when it has none) */
static void show_one(struct link_show_ctx *c, struct rtnl_link *l,
		     const struct ifa_list *al)
{
	int idx = rtnl_link_get_ifindex(l), n = 0;

	for (int i = 0; i < al->n; i++)
		n += al->v[i].ifindex == idx;
	if (!n && c->sh->o.family)
		return;
	link_show_one(c, l);
	if (c->sh->o.json) {
		json_key(&c->j, "addr_info");
		json_begin_array(&c->j);
	}
	for (int i = 0; i < al->n; i++)
		if (al->v[i].ifindex == idx)
			print_ifa(c, &al->v[i]);
	if (c->sh->o.json)
		json_end_array(&c->j);
	link_show_one_end(c);
}

/* ip address [show [dev] IFNAME] */
static int cmd_show(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *one = NULL;
	_cleanup_(nl_cache_freep) struct nl_cache *links = NULL;
	_cleanup_(ifa_list_free) struct ifa_list al = {
		.family = sh->o.family
	};
	const char *dev = ipl_str(a, AK_DEV);
	struct link_show_ctx c;
	struct nl_sock *sk;
	char why[256];
	int err;

	sk = ns_sock(sh);
	if (!sk)
		return 1;
	if (dev) {
		if (link_lookup(sh, dev, &one))
			return 1;
		al.ifindex = rtnl_link_get_ifindex(one);
	} else {
		err = rtnl_link_alloc_cache(sk, AF_UNSPEC, &links);
		if (err < 0)
			return nsh_err(sh, "cannot list the links: %s",
				       nl_reason(err, why, sizeof(why)));
	}
	if (ifa_dump(sh, sk, &al))
		return 1;
	/* one link: the names of its lower link and master are asked for */
	link_show_begin(&c, sh, sk, links, LINK_SHOW_ADDR);
	if (one)
		show_one(&c, one, &al);
	for (struct nl_object *o = links ? nl_cache_get_first(links) : NULL;
	     o; o = nl_cache_get_next(o))
		show_one(&c, (struct rtnl_link *)o, &al);
	link_show_end(&c);
	return 0;
}

/* ------------------------------------------------------------ changes */

/* the family of the address, checked against -4/-6 */
static int check_family(struct nsh *sh, const struct nsh_val *v)
{
	if (sh->o.family && sh->o.family != v->pfx.family)
		return nsh_err(sh, "'%s': not an %s address (-%c was given)",
			       v->text,
			       sh->o.family == AF_INET ? "IPv4" : "IPv6",
			       sh->o.family == AF_INET ? '4' : '6');
	return 0;
}

/* an nl_addr of P's address; with its prefix length if WITH_LEN */
static struct nl_addr *to_nl(const struct nsh_prefix *p, bool with_len)
{
	struct nl_addr *n = nl_addr_build(p->family, p->addr, alen(p->family));

	if (n)
		nl_addr_set_prefixlen(n, with_len ? p->len : 0);
	return n;
}

/* iproute2's scope names, or a number 0-255 */
static int parse_scope(const char *s, int *ret)
{
	unsigned long n;

	for (int i = 0; i < 256; i++)
		if (scopes[i] && streq(s, scopes[i])) {
			*ret = i;
			return 0;
		}
	if (parse_uint(s, 255, &n) < 0)
		return -1;
	*ret = (int)n;
	return 0;
}

/*
 * The broadcast address to set: an explicit one, or for '+' / '-' the
 * prefix's last / first address (iproute2: only for prefixes up to /30).
 * Returns 0 with *RET NULL when none is to be set, or reports.
 */
static int make_brd(struct nsh *sh, const struct nsh_val *ifa,
		    const struct nsh_val *b, struct nl_addr **ret)
{
	struct nsh_prefix p = ifa->pfx;

	*ret = NULL;
	if (!b)
		return 0;
	if (ifa->pfx.family != AF_INET)
		return nsh_err(sh, "'%s': broadcast addresses are for IPv4 only",
			       b->text);
	if (!b->special) {
		if (b->pfx.family != AF_INET)
			return nsh_err(sh, "'%s': not an IPv4 address",
				       b->text);
		p = b->pfx;
	} else if (p.len > 30) {
		return 0;
	} else {
		uint32_t a, mask = p.len ? ~0U << (32 - p.len) : 0;

		memcpy(&a, p.addr, 4);
		a = ntohl(a);
		a = b->special == '+' ? (a | ~mask) : (a & mask);
		a = htonl(a);
		memcpy(p.addr, &a, 4);
	}
	*ret = to_nl(&p, false);
	return *ret ? 0 : nsh_err(sh, "out of memory");
}

/* ip address add IFADDR dev IFNAME [brd …] [label …] [scope …] [nodad]
 * [noprefixroute] */
static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	const struct nsh_val *ifa = ipl_get(a, AK_LOCAL);
	const struct nsh_val *label = ipl_get(a, AK_LABEL);
	const struct nsh_val *scope = ipl_get(a, AK_SCOPE);
	const char *dev = ipl_str(a, AK_DEV);
	_cleanup_(rtnl_addr_putp) struct rtnl_addr *ra = NULL;
	_cleanup_(nl_addr_putp) struct nl_addr *local = NULL;
	_cleanup_(nl_addr_putp) struct nl_addr *brd = NULL;
	struct nl_sock *sk;
	char why[256];
	int sc = 0, ifindex, err;

	if (!ifa)
		return nsh_err(sh, "missing the address (ADDRESS/LEN)");
	if (check_family(sh, ifa))
		return 1;
	if (!dev)
		return nsh_err(sh, "'%s': missing 'dev IFNAME' (the link that "
				   "gets the address)", ifa->text);
	if (scope && parse_scope(scope->text, &sc) < 0)
		return nsh_err(sh, "'%s': not a scope (global, site, link, "
				   "host, nowhere or a number 0-255)",
			       scope->text);
	if (label && ifa->pfx.family != AF_INET)
		return nsh_err(sh, "'%s': labels are for IPv4 addresses only",
			       label->text);
	if (label && (strlen(label->text) >= IFNAMSIZ ||
		      strncmp(label->text, dev, strlen(dev)) != 0))
		return nsh_err(sh, "'%s': a label starts with the link name "
				   "and has at most %d bytes, like %s:1",
			       label->text, IFNAMSIZ - 1, dev);
	if (make_brd(sh, ifa, ipl_get(a, AK_BRD), &brd))
		return 1;
	if (link_index(sh, dev, &ifindex))
		return 1;
	sk = ns_sock(sh);
	ra = rtnl_addr_alloc();
	local = to_nl(&ifa->pfx, true);
	if (!sk || !ra || !local)
		return sk ? nsh_err(sh, "out of memory") : 1;
	rtnl_addr_set_ifindex(ra, ifindex);
	if (rtnl_addr_set_local(ra, local) < 0 ||
	    (brd && rtnl_addr_set_broadcast(ra, brd) < 0) ||
	    (label && rtnl_addr_set_label(ra, label->text) < 0))
		return nsh_err(sh, "'%s': cannot build the request", ifa->text);
	/* unset: libnl, like iproute2, picks host for 127/8, else global */
	if (scope)
		rtnl_addr_set_scope(ra, sc);
	if (ipl_find(a, 0, AK_NODAD) >= 0 ||
	    ipl_find(a, 0, AK_NOPREFIXROUTE) >= 0)
		rtnl_addr_set_flags(ra, (ipl_find(a, 0, AK_NODAD) >= 0 ?
						 IFA_F_NODAD : 0) |
					(ipl_find(a, 0, AK_NOPREFIXROUTE) >= 0 ?
						 IFA_F_NOPREFIXROUTE : 0));
	nl_clear_error();
	err = rtnl_addr_add(sk, ra, NLM_F_EXCL);
	if (err == 0)
		return 0;
	if (nl_last_errno() == EEXIST)
		return nsh_err(sh, "'%s': address already assigned on '%s'",
			       ifa->text, dev);
	return nsh_err(sh, "'%s': %s", ifa->text,
		       nl_reason(err, why, sizeof(why)));
}

/* delete address E (as the kernel reported it) */
static int del_one(struct nl_sock *sk, const struct ifa *e)
{
	_cleanup_(rtnl_addr_putp) struct rtnl_addr *ra = rtnl_addr_alloc();
	_cleanup_(nl_addr_putp) struct nl_addr *local = NULL;
	_cleanup_(nl_addr_putp) struct nl_addr *peer = NULL;
	size_t n = alen(e->family);

	local = nl_addr_build(e->family, e->local, n);
	peer = nl_addr_build(e->family, e->peer, n);
	if (!ra || !local || !peer)
		return -NLE_NOMEM;
	rtnl_addr_set_ifindex(ra, e->ifindex);
	/* a point-to-point address is known by its peer too: the prefix
	 * length then belongs to the peer */
	if (memcmp(e->local, e->peer, n) != 0) {
		nl_addr_set_prefixlen(peer, e->plen);
		if (rtnl_addr_set_peer(ra, peer) < 0)
			return -NLE_INVAL;
	} else {
		nl_addr_set_prefixlen(local, e->plen);
	}
	if (rtnl_addr_set_local(ra, local) < 0)
		return -NLE_INVAL;
	rtnl_addr_set_scope(ra, e->scope);
	nl_clear_error();
	return rtnl_addr_delete(sk, ra, 0);
}

/*
 * ip address delete IFADDR dev IFNAME: the address must be on the link;
 * without a prefix length the one address with that local part is meant
 * (iproute2 would delete whichever comes first and warn).
 */
static int cmd_del(struct nsh *sh, const struct nsh_args *a)
{
	const struct nsh_val *ifa = ipl_get(a, AK_LOCAL);
	const char *dev = ipl_str(a, AK_DEV);
	_cleanup_(rtnl_link_putp) struct rtnl_link *link = NULL;
	_cleanup_(ifa_list_free) struct ifa_list al = {
		.family = ifa->pfx.family
	};
	const struct ifa *hit = NULL;
	struct nl_sock *sk;
	char why[256], other[64];
	int nmatch = 0, err;

	if (!ifa)
		return nsh_err(sh, "missing the address (ADDRESS/LEN)");
	if (check_family(sh, ifa))
		return 1;
	if (!dev)
		return nsh_err(sh, "'%s': missing 'dev IFNAME' (the link that "
				   "has the address)", ifa->text);
	if (link_lookup(sh, dev, &link))
		return 1;
	sk = ns_sock(sh);
	al.ifindex = rtnl_link_get_ifindex(link);
	if (!sk || ifa_dump(sh, sk, &al))
		return 1;
	other[0] = '\0';
	for (int i = 0; i < al.n; i++) {
		const struct ifa *e = &al.v[i];
		struct nsh_prefix p = { .family = e->family, .len = e->plen };

		if (memcmp(e->local, ifa->pfx.addr, alen(e->family)) != 0)
			continue;
		memcpy(p.addr, e->local, sizeof(p.addr));
		if (ifa->pfx.has_len && e->plen != ifa->pfx.len) {
			prefix_str(&p, true, other, sizeof(other));
			continue;
		}
		hit = e;
		nmatch++;
	}
	if (!hit)
		return nsh_err(sh, "'%s': no such address on '%s'%s%s%s",
			       ifa->text, dev, other[0] ? " (it has " : "",
			       other, other[0] ? ")" : "");
	if (nmatch > 1)
		return nsh_err(sh, "'%s': %d addresses on '%s' match; give the "
				   "prefix length", ifa->text, nmatch, dev);
	err = del_one(sk, hit);
	if (err < 0)
		return nsh_err(sh, "'%s': %s", ifa->text,
			       nl_reason(err, why, sizeof(why)));
	return 0;
}

/* ip address flush dev IFNAME: every address of the link (-4/-6: one
 * family), IPv6 link-local ones included, as iproute2 does */
static int cmd_flush(struct nsh *sh, const struct nsh_args *a)
{
	const char *dev = ipl_str(a, AK_DEV);
	_cleanup_(rtnl_link_putp) struct rtnl_link *link = NULL;
	_cleanup_(ifa_list_free) struct ifa_list al = {
		.family = sh->o.family
	};
	struct nl_sock *sk;
	char why[256], buf[64];
	int rc = 0;

	if (link_lookup(sh, dev, &link))
		return 1;
	sk = ns_sock(sh);
	al.ifindex = rtnl_link_get_ifindex(link);
	if (!sk)
		return 1;
	/* deleting a primary IPv4 address takes its secondaries with it,
	 * so go round until the link has none left */
	for (int round = 0; round < 10 && !rc; round++) {
		if (ifa_dump(sh, sk, &al))
			return 1;
		if (!al.n)
			break;
		for (int i = 0; i < al.n && !rc; i++) {
			const struct ifa *e = &al.v[i];
			struct nsh_prefix p = { .family = e->family,
						.len = e->plen };
			int err = del_one(sk, e);

			if (err >= 0 || nl_last_errno() == EADDRNOTAVAIL)
				continue;
			memcpy(p.addr, e->local, sizeof(p.addr));
			rc = nsh_err(sh, "'%s': %s",
				     prefix_str(&p, true, buf, sizeof(buf)),
				     nl_reason(err, why, sizeof(why)));
		}
	}
	return rc;
}


/* ipaddr_modify's loop, in its order */
static const struct ipl_opt addr_rows[] = {
	{ "peer", IPL_ONCE, "IFADDR", AK_PEER, "the other end (point to "
					       "point)" },
	{ "remote", IPL_ALIAS | IPL_ONCE, "IFADDR", AK_PEER },
	{ "broadcast", IPL_PREFIX | IPL_ONCE, "BRD", AK_BRD,
	  "broadcast address, + or - to derive it" },
	{ "brd", IPL_ALIAS | IPL_ONCE, "BRD", AK_BRD },
	{ "anycast", IPL_ONCE, "ADDR", AK_ANYCAST, "anycast address" },
	{ "scope", 0, "WORD", AK_SCOPE, "global, site, link, host or a "
					"number" },
	{ "dev", 0, "DEV", AK_DEV, "the link" },
	{ "label", 0, "WORD", AK_LABEL, "an IPv4 label like eth0:1" },
	{ "metric", IPL_PREFIX, "NUM", AK_METRIC, "the prefix route's "
						  "metric" },
	{ "priority", IPL_PREFIX | IPL_ALIAS, "NUM", AK_METRIC },
	{ "preference", IPL_PREFIX | IPL_ALIAS, "NUM", AK_METRIC },
	{ "valid_lft", IPL_PREFIX | IPL_ONCE, "WORD", AK_VALID,
	  "valid lifetime: seconds or forever" },
	{ "preferred_lft", IPL_PREFIX | IPL_ONCE, "WORD", AK_PREFERRED,
	  "preferred lifetime: seconds or forever" },
	{ "home", 0, NULL, AK_HOME, "IPv6 home address" },
	{ "nodad", 0, NULL, AK_NODAD, "no duplicate address detection" },
	{ "optimistic", 0, NULL, AK_OPTIMISTIC, "optimistic DAD" },
	{ "mngtmpaddr", 0, NULL, AK_MNGTMP, "make temporary addresses" },
	{ "noprefixroute", 0, NULL, AK_NOPREFIXROUTE, "no prefix route" },
	{ "autojoin", 0, NULL, AK_AUTOJOIN, "join the multicast group" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, AK_HELP },
	{ "local", IPL_DEFAULT | IPL_ONCE, "IFADDR", AK_LOCAL,
	  "the address, ADDRESS[/LEN]" },
	{ NULL },
};

static const struct ipl_table addr_opts = { "ip address add", addr_rows };

static const struct ipl_opt addr_show_rows[] = {
	{ "to", 0, "IFADDR", 1, "addresses in this prefix" },
	{ "scope", 0, "WORD", 2, "addresses of this scope" },
	{ "up", 0, NULL, 3, "links that are up" },
	{ "label", 0, "WORD", 4, "addresses with this label" },
	{ "group", 0, "GROUP", 5, "links of this group" },
	{ "master", 0, "DEV", 6, "ports of this master" },
	{ "vrf", 0, "DEV", 7, "ports of this VRF" },
	{ "nomaster", 0, NULL, 8, "links without a master" },
	{ "type", 0, "WORD", 9, "links of this kind" },
	{ "dev", IPL_DEFAULT | IPL_ONCE, "DEV", AK_DEV, "the link" },
	{ NULL },
};

static const struct ipl_table addr_show_opts = { "ip address show",
						 addr_show_rows };

static const struct nsh_cmd addr_cmds[] = {
	{ "ip address add", "add an IPv4 or IPv6 address to a link", cmd_add,
	  0, "ip addr add 10.0.0.1/24 dev veth1", NULL, &addr_opts },
	{ "ip address change/=chg", "change an address", NULL },
	{ "ip address replace", "add or change an address", NULL },
	{ "ip address delete", "remove an address from a link", cmd_del, 0,
	  "ip addr del 10.0.0.1/24 dev veth1", NULL, &addr_opts },
	{ "ip address list/show/lst", "list links with their addresses",
	  cmd_show, 0, "ip -4 addr show dev veth1", NULL, &addr_show_opts },
	{ "ip address flush", "remove the addresses of a link", cmd_flush, 0,
	  "ip addr flush dev veth1", NULL, &addr_show_opts },
	{ "ip address save", "addresses in binary form", NULL },
	{ "ip address showdump", "show a saved dump", NULL },
	{ "ip address restore", "restore a saved dump", NULL },
	{ "ip address", "list links with their addresses", cmd_show },
	{ NULL },
};

const struct nsh_family addr_family = {
	"addr", "ip address: add, delete, flush and show IP addresses",
	addr_cmds,
};
