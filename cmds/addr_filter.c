/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr_filter.c - what `ip address show` and `flush` select, as
 * iproute2's ipaddr_list_flush_or_save: the filter words (the links'
 * part is ip link's struct link_filter), one address dump read directly
 * (a libnl cache would merge entries and drop flags) as views of its
 * messages, and print_addrinfo's tests of one address.
 */
#include "config.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/route/link.h>

#include "addr_priv.h"
#include "iproute.h"
#include "ipl.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)

/* ------------------------------------------------------------ the filter */

/* get_filter: a flag word, "-" inverting it; dynamic and primary are
 * "not permanent" and "not secondary" */
static void take_flag(struct addr_filter *f, const char *word)
{
	const struct addr_flag *fl;
	bool inv = word[0] == '-';

	word += inv;
	if (streq(word, "dynamic")) {
		inv = !inv;
		word = "permanent";
	} else if (streq(word, "primary")) {
		inv = !inv;
		word = "secondary";
	}
	fl = addr_flag_find(word);
	if (inv)
		f->flags &= ~fl->mask;
	else
		f->flags |= fl->mask;
	f->flagmask |= fl->mask;
}

/* the family of V, checked against the filter's (get_prefix's) */
static int take_to(struct nsh *sh, struct addr_filter *f, const struct nsh_val *v)
{
	int family = f->lf.family;

	if (family && family != v->pfx.family)
		return nsh_err(sh, "'%s': not an %s prefix", v->text,
			       family == AF_INET ? "IPv4" :
			       family == AF_INET6 ? "IPv6" : "IP");
	f->pfx = v->pfx;
	f->lf.family = v->pfx.family;
	return 0;
}

/* vrf NAME: an existing link of kind vrf */
static int take_vrf(struct nsh *sh, struct addr_filter *f, const char *name)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	const char *kind;

	if (link_lookup(sh, name, &l))
		return 1;
	kind = rtnl_link_get_type(l);
	if (!kind || !streq(kind, "vrf"))
		return nsh_err(sh, "'%s': not a VRF (its kind is %s)", name,
			       kind ? kind : "none");
	f->lf.master = rtnl_link_get_ifindex(l);
	return 0;
}

/* type KIND, or KIND_slave: the ports of a master of that kind */
static void take_type(struct addr_filter *f, const char *type)
{
	size_t n = strlen(type);

	if (n >= 6 && streq(type + n - 6, "_slave")) {
		snprintf(f->slave_kind, sizeof(f->slave_kind), "%.*s",
			 (int)(n - 6), type);
		f->lf.slave_kind = f->slave_kind;
	} else {
		f->lf.kind = type;
	}
}

/* the filter words of A, in their order; *DEV: the link named, if any */
int addr_parse_filter(struct nsh *sh, const struct nsh_args *a,
			struct addr_filter *f, const char **dev)
{
	*f = (struct addr_filter){ .lf = { .family = sh->o.family, .group = -1 } };
	*dev = NULL;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		switch ((enum addr_key)o->key) {
		case AK_TO:
			if (take_to(sh, f, v))
				return 1;
			break;
		case AK_SCOPE:
			/* all: RT_SCOPE_NOWHERE, masked out */
			f->scopemask = v->special ? 0 : ~0U;
			f->scope = v->special ? RT_SCOPE_NOWHERE :
						(unsigned)v->num;
			break;
		case AK_UP:
			f->lf.up = true;
			break;
		case AK_FLAG:
			take_flag(f, a->bind[i].v.text);
			break;
		case AK_LABEL:
			f->lf.label = v->text;
			break;
		case AK_GROUP:
			f->lf.group = (long long)(uint32_t)v->num;
			break;
		case AK_MASTER:
			if (link_index(sh, v->text, &f->lf.master))
				return 1;
			break;
		case AK_VRF:
			if (take_vrf(sh, f, v->text))
				return 1;
			break;
		case AK_NOMASTER:
			f->lf.master = -1;
			break;
		case AK_TYPE:
			take_type(f, v->text);
			break;
		case AK_DEV:
			*dev = v->text;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* ------------------------------------------------------------ addresses */

bool addr_view(struct nlmsghdr *n, struct ifa_view *v)
{
	v->n = n;
	v->ifa = nlmsg_data(n);
	if (v->ifa->ifa_family != AF_INET && v->ifa->ifa_family != AF_INET6)
		return false;
	if (nlmsg_parse(n, sizeof(*v->ifa), v->tb, IFA_MAX, NULL) < 0)
		return false;
	v->flags = v->tb[IFA_FLAGS] ? nla_get_u32(v->tb[IFA_FLAGS]) :
				      v->ifa->ifa_flags;
	v->local = v->tb[IFA_LOCAL] ? v->tb[IFA_LOCAL] : v->tb[IFA_ADDRESS];
	v->address = v->tb[IFA_ADDRESS] ? v->tb[IFA_ADDRESS] : v->local;
	return true;
}

/* inet_addr_match_rta: RTA lies in the filter's prefix (or there is none) */
static bool pfx_match(const struct nsh_prefix *m, const struct nlattr *rta)
{
	const unsigned char *a;
	int len = m->len;

	if (!rta || m->family == AF_UNSPEC || len <= 0)
		return true;
	if (nla_len(rta) != (m->family == AF_INET ? 4 : 16))
		return false;
	a = nla_data(rta);
	if (memcmp(a, m->addr, (size_t)len / 8) != 0)
		return false;
	return !(len % 8) ||
	       !((a[len / 8] ^ m->addr[len / 8]) & (0xff00 >> (len % 8)));
}

/* print_addrinfo's (and ipaddr_filter's) tests of one address; DEVNAME:
 * its link's name, the label of an address without one */
bool addr_ifa_match(const struct addr_filter *f, const struct ifa_view *v,
		      const char *devname)
{
	const char *label;

	if (!v->ifa)	/* ifa_view fills those it counts: never */
		return false;
	if (f->ifindex && f->ifindex != (int)v->ifa->ifa_index)
		return false;
	if ((f->scope ^ v->ifa->ifa_scope) & f->scopemask)
		return false;
	if ((f->flags ^ v->flags) & f->flagmask)
		return false;
	if (f->lf.family && f->lf.family != v->ifa->ifa_family)
		return false;
	if (f->lf.label) {
		label = v->tb[IFA_LABEL] ? nla_data(v->tb[IFA_LABEL]) : devname;
		if (fnmatch(f->lf.label, label, 0) != 0)
			return false;
	}
	return pfx_match(&f->pfx, v->local);
}

void addrs_free(struct addrs *a)
{
	msg_list_free(&a->msgs);
	free(a->v);
	a->v = NULL;
	a->n = 0;
}

/* one address dump of FAMILY (iproute2 asks for IFINDEX's; the kernel
 * only filters on strict sockets, so the caller filters too) */
int addrs_dump(struct nsh *sh, struct nl_sock *sk, int family,
		      int ifindex, struct addrs *a)
{
	struct ifaddrmsg hdr = { .ifa_family = (unsigned char)family,
				 .ifa_index = (unsigned)ifindex };

	addrs_free(a);
	if (dump_msgs(sh, sk, RTM_GETADDR, &hdr, sizeof(hdr), "addresses",
		      &a->msgs))
		return 1;
	a->v = calloc((size_t)a->msgs.n + 1, sizeof(*a->v));
	if (!a->v)
		return nsh_err(sh, "out of memory");
	ANALYZER_KEEP(a->v);	/* the caller's _cleanup_(addrs_free) */
	for (int i = 0; i < a->msgs.n; i++)
		a->n += addr_view(a->msgs.v[i], &a->v[a->n]);
	return 0;
}
