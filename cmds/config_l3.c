/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config_l3.c - the running-config's addresses (6), routes (8) and
 * sysctls (9), for the links cmds/config.c made: each address with what
 * `ip addr add` said besides it, in an order that does not depend on how
 * the model learned them; the routes someone added; the forwarding and
 * bridge-netfilter sysctls that are not their defaults.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "core.h"
#include "model.h"
#include "show.h"
#include "probe.h"
#include "config_priv.h"

/* ------------------------------------------------------------ addresses */

/* the scope `ip address add` gives A by itself: host for 127/8 */
static int default_scope(const struct model_addr *a)
{
	if (a->family == AF_INET && a->addr[0] == 127)
		return RT_SCOPE_HOST;
	return RT_SCOPE_UNIVERSE;
}

/* an address the kernel makes: the loopback's own, while it is up */
static bool kernel_made(const struct model_addr *a, const struct model_link *l)
{
	static const unsigned char v6one[16] = { [15] = 1 };
	static const unsigned char v4lo[4] = { 127, 0, 0, 1 };

	if (!(l->flags & IFF_LOOPBACK) || !(l->flags & IFF_UP))
		return false;
	if (a->family == AF_INET)
		return a->plen == 8 && memcmp(a->addr, v4lo, 4) == 0;
	return a->plen == 128 && memcmp(a->addr, v6one, 16) == 0;
}

/* what `ip addr add` said besides the address: brd, label, nodad,
 * noprefixroute (not lifetimes: the script makes permanent addresses) */
static void addr_more(struct rc *c, const struct model_link *l,
		      const struct model_addr *ad)
{
	char buf[64];

	if (ad->has_brd)
		fprintf(c->f, " brd %s",
			show_ip(AF_INET, ad->brd, buf, sizeof(buf)));
	if (ad->label[0] && !streq(ad->label, l->name))
		fprintf(c->f, " label %s",
			record_quote(ad->label, buf, sizeof(buf)) ? buf : "?");
	if (ad->flags & IFA_F_NODAD)
		fputs(" nodad", c->f);
	if (ad->flags & IFA_F_NOPREFIXROUTE)
		fputs(" noprefixroute", c->f);
}

/*
 * The order a script adds a link's addresses in: IPv4 first, the primary
 * of a subnet before its secondaries (the kernel makes the first one added
 * primary), then by address: the same script for every build of a lab,
 * whatever order the model learned them in.
 */
static int cmp_addr(const void *x, const void *y)
{
	const struct model_addr *a = *(const struct model_addr *const *)x;
	const struct model_addr *b = *(const struct model_addr *const *)y;
	int sa = a->family == AF_INET && (a->flags & IFA_F_SECONDARY);
	int sb = b->family == AF_INET && (b->flags & IFA_F_SECONDARY);
	int d;

	if (a->family != b->family)
		return a->family - b->family;
	if (sa != sb)
		return sa - sb;
	if ((d = memcmp(a->addr, b->addr, sizeof(a->addr))))
		return d;
	return a->plen - b->plen;
}

static void emit_addr(struct rc *c, struct rc_ns *r,
		      const struct model_link *l, const struct model_addr *ad)
{
	char a[64], ip[64];

	fprintf(c->f, "%s addr add %s/%d dev %s", r->ip,
		show_ip(ad->family, ad->addr, ip, sizeof(ip)), ad->plen,
		rc_lname(l, a, sizeof(a)));
	if (ad->family == AF_INET && ad->scope != default_scope(ad))
		fprintf(c->f, " scope %s",
			ad->scope == RT_SCOPE_HOST ? "host" :
			ad->scope == RT_SCOPE_LINK ? "link" :
			ad->scope == RT_SCOPE_UNIVERSE ? "global" : "?");
	addr_more(c, l, ad);
	fputc('\n', c->f);
}

void emit_addrs(struct rc *c)
{
	bool first = true;

	for (int i = 0; i < c->n; i++) {
		struct rc_ns *r = &c->v[i];
		const struct model_addr **v =
			xmalloc(sizeof(*v) * (size_t)(r->ns->naddrs + 1));

		for (int j = 0; j < r->ns->naddrs; j++)
			v[j] = &r->ns->addrs[j];
		qsort(v, (size_t)r->ns->naddrs, sizeof(*v), cmp_addr);
		for (int k = 0; k < r->ns->nlinks; k++) {
			const struct model_link *l = r->links[k];

			if (!rc_is_made(c, l))
				continue;
			for (int j = 0; j < r->ns->naddrs; j++) {
				if (v[j]->ifindex != l->ifindex ||
				    show_link_local(v[j]) ||
				    kernel_made(v[j], l))
					continue;
				rc_section(c, &first, "addresses");
				emit_addr(c, r, l, v[j]);
			}
		}
		free(v);
	}
}

/* ------------------------------------------------------------ routes */

/* one route someone added: `ip [-n NS] [-6] route add DST [via GW]
 * [dev X] [src ADDR] [metric N] [onlink]`, or a comment when nsh could not
 * add it back */
static void emit_route(struct rc *c, struct rc_ns *r,
		       const struct model_route *rt)
{
	const struct model_link *l = rt->oif ?
				     model_link_by_index(r->ns, rt->oif) :
				     NULL;
	unsigned dflt_metric = rt->family == AF_INET6 ? 1024 : 0;
	char dst[80], gw[64], a[64], text[256];

	if (rt->table != RT_TABLE_MAIN || rt->type != RTN_UNICAST ||
	    (l && !rc_is_made(c, l))) {
		fprintf(c->f, "# %s: route %s is not recreated\n",
			model_ns_label(r->ns),
			show_route_text(r->ns, rt, true, text, sizeof(text)));
		return;
	}
	if (rt->dst_len)
		snprintf(dst, sizeof(dst), "%s/%d",
			 show_ip(rt->family, rt->dst, gw, sizeof(gw)),
			 rt->dst_len);
	else
		snprintf(dst, sizeof(dst), "default");
	fprintf(c->f, "%s%s route add %s", r->ip,
		rt->family == AF_INET6 ? " -6" : "", dst);
	if (rt->has_gw)
		fprintf(c->f, " via %s",
			show_ip(rt->family, rt->gw, gw, sizeof(gw)));
	if (l)
		fprintf(c->f, " dev %s", rc_lname(l, a, sizeof(a)));
	if (rt->has_prefsrc)
		fprintf(c->f, " src %s",
			show_ip(rt->family, rt->prefsrc, gw, sizeof(gw)));
	if (rt->priority != dflt_metric)
		fprintf(c->f, " metric %u", rt->priority);
	if (rt->onlink)
		fputs(" onlink", c->f);
	fputc('\n', c->f);
}

void emit_routes(struct rc *c)
{
	bool first = true;

	for (int i = 0; i < c->n; i++) {
		struct rc_ns *r = &c->v[i];

		if (r->how == HOW_FOREIGN)
			continue;
		for (int k = 0; k < r->ns->nroutes; k++) {
			const struct model_route *rt = &r->ns->routes[k];

			if (rt->protocol != RTPROT_BOOT &&
			    rt->protocol != RTPROT_STATIC)
				continue;
			if (rt->family != AF_INET && rt->family != AF_INET6)
				continue;
			rc_section(c, &first, "routes");
			emit_route(c, r, rt);
		}
	}
}

/* ------------------------------------------------------------ sysctls */

static const struct {
	const char *key;	/* in dots, as written */
	const char *dflt;
	bool host_only;
} sysctls[] = {
	{ "net.ipv4.ip_forward", "0", false },
	{ "net.ipv6.conf.all.forwarding", "0", false },
	{ "net.bridge.bridge-nf-call-iptables", "1", true },
	{ "net.bridge.bridge-nf-call-arptables", "1", true },
	{ "net.bridge.bridge-nf-call-ip6tables", "1", true },
};

/* the value of KEY in the namespace the process is in, or "" if none */
static void read_key(struct nsh *sh, const char *key, char *buf, size_t len)
{
	char path[PATH_MAX];
	size_t o = 0;

	for (const char *p = key; *p && o < sizeof(path) - 1; p++)
		path[o++] = *p == '.' ? '/' : *p;
	path[o] = '\0';
	if (sysctl_read(sh, NULL, path, buf, len) < 0)
		buf[0] = '\0';
}

/* the sysctls of R that are not their defaults (read inside it) */
static void emit_sysctls_of(struct rc *c, struct rc_ns *r, bool *first)
{
	struct nsh_ns ns = { .fd = -1 }, saved;
	bool host = r->how == HOW_HOST;
	char val[64];

	if (host)
		ns = c->sh->home;
	else if (ns_resolve(c->sh, r->ref, false, &ns))
		return;
	if (ns_push(c->sh, &ns, &saved)) {
		if (!host)
			ns_close(&ns);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(sysctls); i++) {
		if (sysctls[i].host_only && !host)
			continue;
		read_key(c->sh, sysctls[i].key, val, sizeof(val));
		if (!*val || streq(val, sysctls[i].dflt))
			continue;
		rc_section(c, first, "sysctls");
		if (!host)
			fprintf(c->f, "ip netns exec %s ", r->word);
		fprintf(c->f, "sysctl -w %s=%s\n", sysctls[i].key, val);
	}
	ns_pop(c->sh, &saved);
	if (!host)
		ns_close(&ns);
}

void emit_sysctls(struct rc *c)
{
	bool first = true;

	for (int i = 0; i < c->n; i++)
		if (c->v[i].how != HOW_FOREIGN)
			emit_sysctls_of(c, &c->v[i], &first);
}

