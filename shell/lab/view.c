/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * view.c - the model read the way every view reads it (view.h): the
 * order of namespaces and links, veth peers, carriers, and the words for
 * addresses and routes.  `show`, `show topology`, `show path`, `why`,
 * `watch` and `show running-config` share them, so that they say one
 * thing the same way.  Reads the model only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "nsh.h"
#include "view.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif

/* ------------------------------------------------------------ order */

/* named namespaces by name, then the ones only a process holds, by PID */
static int cmp_ns(const void *a, const void *b)
{
	const struct model_ns *x = *(struct model_ns *const *)a;
	const struct model_ns *y = *(struct model_ns *const *)b;

	if (!*x->name != !*y->name)
		return *x->name ? -1 : 1;
	if (*x->name)
		return strcmp(x->name, y->name);
	return (x->pid > y->pid) - (x->pid < y->pid);
}

/* show_namespaces - the namespaces in display order: the host, then the
 * named ones sorted by name, then the unnamed ones that processes hold
 * (free the array) */
struct model_ns **show_namespaces(struct model *m)
{
	struct model_ns **v = xmalloc(sizeof(*v) * (size_t)(m->nns + 1));

	memcpy(v, m->ns, sizeof(*v) * (size_t)m->nns);
	if (m->nns > 2)
		qsort(v + 1, (size_t)m->nns - 1, sizeof(*v), cmp_ns);
	return v;
}

/* links by ifindex */
static int cmp_link_index(const void *a, const void *b)
{
	const struct model_link *x = *(struct model_link *const *)a;
	const struct model_link *y = *(struct model_link *const *)b;

	return (x->ifindex > y->ifindex) - (x->ifindex < y->ifindex);
}

/* links by name */
static int cmp_link_name(const void *a, const void *b)
{
	return strcmp((*(struct model_link *const *)a)->name,
		      (*(struct model_link *const *)b)->name);
}

/* show_links - NS's links sorted by name or by ifindex (free the array;
 * the pointers are valid until the model next changes) */
struct model_link **show_links(struct model_ns *ns, bool by_name)
{
	struct model_link **v = xmalloc(sizeof(*v) * (size_t)(ns->nlinks + 1));

	for (int i = 0; i < ns->nlinks; i++)
		v[i] = &ns->links[i];
	qsort(v, (size_t)ns->nlinks, sizeof(*v),
	      by_name ? cmp_link_name : cmp_link_index);
	return v;
}

/* show_peer - the other end of veth L, by model_peer(): the model keeps
 * the peers mutual (model_nl.c re-reads an end whose peer moved, came
 * back or was born; ties are settled by nsid).  A link that is no veth
 * has no peer here: a VLAN's IFLA_LINK is its lower device. */
bool show_peer(struct model *m, struct model_ns *ns,
	       const struct model_link *l, struct model_ns **ret_ns,
	       struct model_link **ret)
{
	return streq(l->kind, "veth") && model_peer(m, ns, l, ret_ns, ret);
}

/*
 * show_carrier - L is up and has a carrier.  Inferred, not read from the
 * model's IFF_LOWER_UP.  The kernel announces carrier changes through
 * linkwatch, later than the change (a bridge up to a second later); the
 * model re-reads a veth's peer and a port's bridge when their carrier may
 * have changed (model_nl.c), so its flags follow the kernel's.  But the
 * kernel switches a bridge's carrier only when linkwatch gets to the port,
 * a moment after `ip link set vb up` returned: a `show` on the next line
 * could find the bridge without one (6 in 20 tries).  So: a veth has one
 * exactly when both ends are up, a bridge when one of its ports has; other
 * links say it.
 */
bool show_carrier(struct model *m, struct model_ns *ns,
		  const struct model_link *l)
{
	struct model_ns *pns;
	struct model_link *pl;

	if (!(l->flags & IFF_UP))
		return false;
	if (show_peer(m, ns, l, &pns, &pl))
		return pl->flags & IFF_UP;
	if (streq(l->kind, "bridge")) {
		for (int i = 0; i < ns->nlinks; i++)
			if (ns->links[i].master == l->ifindex &&
			    &ns->links[i] != l &&
			    !streq(ns->links[i].kind, "bridge") &&
			    show_carrier(m, ns, &ns->links[i]))
				return true;
		return false;
	}
	return l->flags & IFF_LOWER_UP;
}

/* ------------------------------------------------------------ words */

/* what the views (and `why`) say about addresses and routes */

/* address A of FAMILY in words ("?" when it has none) */
const char *show_ip(int family, const unsigned char *a, char *buf, size_t len)
{
	if (!inet_ntop(family, a, buf, (socklen_t)len))
		snprintf(buf, len, "?");
	return buf;
}

/* an IPv6 link-local address (fe80::/10), which every link has */
bool show_link_local(const struct model_addr *a)
{
	return a->family == AF_INET6 && a->addr[0] == 0xfe &&
	       (a->addr[1] & 0xc0) == 0x80;
}

/* show_addrs: see view.h */
const char *show_addrs(const struct model_ns *ns, int ifindex, bool all,
		       const char *sep, char *buf, size_t len)
{
	size_t n = 0;
	char ip[64];

	buf[0] = '\0';
	for (int i = 0; i < ns->naddrs && n + 1 < len; i++) {
		const struct model_addr *a = &ns->addrs[i];

		if (a->ifindex != ifindex || (!all && show_link_local(a)))
			continue;
		n += (size_t)snprintf(buf + n, len - n, "%s%s/%d",
				      n ? sep : "",
				      show_ip(a->family, a->addr, ip,
					      sizeof(ip)),
				      a->plen);
	}
	return buf;
}

/* iproute2's words for IFA_F_* flags, in its order */
static const struct {
	unsigned bit;
	const char *name;
} addr_flags[] = {
	{ IFA_F_SECONDARY, "secondary" }, { IFA_F_NODAD, "nodad" },
	{ IFA_F_OPTIMISTIC, "optimistic" }, { IFA_F_DADFAILED, "dadfailed" },
	{ IFA_F_HOMEADDRESS, "home" }, { IFA_F_DEPRECATED, "deprecated" },
	{ IFA_F_TENTATIVE, "tentative" },
	{ IFA_F_PERMANENT, "dynamic" },	/* said when absent */
	{ IFA_F_MANAGETEMPADDR, "mngtmpaddr" },
	{ IFA_F_NOPREFIXROUTE, "noprefixroute" },
	{ IFA_F_MCAUTOJOIN, "autojoin" },
	{ IFA_F_STABLE_PRIVACY, "stable-privacy" },
};

/* show_addr_flags: see view.h */
int show_addr_flags(unsigned flags, int family, const char **names)
{
	int n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(addr_flags); i++) {
		if (addr_flags[i].bit == IFA_F_PERMANENT ?
			    (flags & IFA_F_PERMANENT) != 0 :
			    !(flags & addr_flags[i].bit))
			continue;
		names[n++] = addr_flags[i].bit == IFA_F_SECONDARY &&
					     family == AF_INET6 ?
				     "temporary" :
				     addr_flags[i].name;
	}
	return n;
}

/* "default", or "10.0.0.0/24" (iproute2's words for a destination) */
const char *show_route_dst(const struct model_route *r, char *buf,
			   size_t len)
{
	if (r->dst_len == 0) {
		snprintf(buf, len, "default");
	} else {
		show_ip(r->family, r->dst, buf, len - 8);
		snprintf(buf + strlen(buf), 8, "/%d", r->dst_len);
	}
	return buf;
}

/* "default via 10.0.0.1 dev v1", "10.0.0.0/24 dev v1 table 100 src
 * 10.0.0.2 metric 5 onlink", … (iproute2's order) */
const char *show_route_text(struct model_ns *ns, const struct model_route *r,
			    bool with_dev, char *buf, size_t len)
{
	static const char *const types[] = {
		[RTN_BLACKHOLE] = "blackhole ",
		[RTN_UNREACHABLE] = "unreachable ",
		[RTN_PROHIBIT] = "prohibit ",
		[RTN_THROW] = "throw ",
	};
	const struct model_link *l = r->oif ? model_link_by_index(ns, r->oif)
					    : NULL;
	char dst[64], gw[64];
	size_t o;

	show_route_dst(r, dst, sizeof(dst));
	o = (size_t)snprintf(buf, len, "%s%s",
			     r->type < (int)ARRAY_SIZE(types) && r->type >= 0 &&
					     types[r->type] ?
				     types[r->type] :
				     "",
			     dst);
	if (r->has_gw && o < len)
		o += (size_t)snprintf(buf + o, len - o, " via %s",
				      show_ip(r->family, r->gw, gw,
					      sizeof(gw)));
	if ((with_dev || !r->has_gw) && r->oif && o < len) {
		if (l)
			o += (size_t)snprintf(buf + o, len - o, " dev %s",
					      l->name);
		else
			o += (size_t)snprintf(buf + o, len - o, " dev if%d",
					      r->oif);
	}
	if (r->table != RT_TABLE_MAIN && o < len)
		o += (size_t)snprintf(buf + o, len - o, " table %u", r->table);
	if (r->has_prefsrc && o < len)
		o += (size_t)snprintf(buf + o, len - o, " src %s",
				      show_ip(r->family, r->prefsrc, gw,
					      sizeof(gw)));
	if (r->priority && o < len)
		o += (size_t)snprintf(buf + o, len - o, " metric %u",
				      r->priority);
	if (r->onlink && o < len)
		snprintf(buf + o, len - o, " onlink");
	return buf;
}

/* the first PLEN bits of A and B agree */
bool show_same_prefix(const unsigned char *a, const unsigned char *b,
		      int plen)
{
	int bytes = plen / 8, bits = plen % 8;

	if (memcmp(a, b, (size_t)bytes))
		return false;
	return !bits || !((a[bytes] ^ b[bytes]) & (0xff << (8 - bits)));
}
