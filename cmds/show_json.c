/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show_json.c - `show -j`: the model as JSON, every namespace with its
 * links, addresses and routes, in the words of `ip -j` where it has them.
 * Other tests parse this: keep the keys.  Reads the model only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "model.h"
#include "show.h"

/* an address scope as `ip -j addr` names it */
static const char *scope_name(int scope, char *buf, size_t len)
{
	switch (scope) {
	case RT_SCOPE_UNIVERSE: return "global";
	case RT_SCOPE_SITE: return "site";
	case RT_SCOPE_LINK: return "link";
	case RT_SCOPE_HOST: return "host";
	case RT_SCOPE_NOWHERE: return "nowhere";
	}
	snprintf(buf, len, "%d", scope);
	return buf;
}

/* L's flags as `ip -j link` says them */
static void json_link_flags(struct json *j, const struct model_link *l)
{
	const char *words[LINK_FLAG_WORDS];
	unsigned rest;
	int n = link_flag_words(l->flags, words, &rest);

	json_key(j, "flags");
	json_begin_array(j);
	for (int i = 0; i < n; i++)
		json_str(j, NULL, words[i]);
	json_end_array(j);
}

/* link L of NS, with its carrier (inferred), master and veth peer */
static void json_link(struct json *j, struct model *m, struct model_ns *ns,
		      const struct model_link *l)
{
	const struct model_link *master = l->master ?
		model_link_by_index(ns, l->master) : NULL;
	struct model_ns *pns;
	struct model_link *peer;
	char buf[32];

	json_key(j, NULL);
	json_begin_object(j);
	json_int(j, "ifindex", l->ifindex);
	json_str(j, "name", l->name);
	json_str(j, "kind", l->kind);
	json_bool(j, "up", l->flags & IFF_UP);
	json_bool(j, "lower_up", show_carrier(m, ns, l));
	json_link_flags(j, l);
	json_str(j, "operstate", link_operstate_name(l->operstate));
	json_uint(j, "mtu", l->mtu);
	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x", l->mac[0],
		 l->mac[1], l->mac[2], l->mac[3], l->mac[4], l->mac[5]);
	json_str_or_null(j, "mac", l->has_mac ? buf : NULL);
	json_str_or_null(j, "master", master ? master->name : NULL);
	json_key(j, "peer");
	if (show_peer(m, ns, l, &pns, &peer)) {
		json_begin_object(j);
		json_str(j, "netns", model_ns_label(pns));
		json_str(j, "name", peer->name);
		json_end_object(j);
	} else {
		fputs("null", stdout);
	}
	json_end_object(j);
}

/* an address's flags (iproute2's words), broadcast and label */
static void json_addr_more(struct json *j, const struct model_addr *a)
{
	const char *flags[SHOW_ADDR_FLAGS];
	int n = show_addr_flags(a->flags, a->family, flags);
	char buf[64];

	json_key(j, "flags");
	json_begin_array(j);
	for (int i = 0; i < n; i++)
		json_str(j, NULL, flags[i]);
	json_end_array(j);
	json_str_or_null(j, "broadcast", a->has_brd ?
		  show_ip(AF_INET, a->brd, buf, sizeof(buf)) : NULL);
	json_str_or_null(j, "label", a->label[0] ? a->label : NULL);
}

/* route R of NS, as `ip -j route` words its fields */
static void json_route(struct json *j, struct model_ns *ns,
		       const struct model_route *r)
{
	const struct model_link *l = r->oif ? model_link_by_index(ns, r->oif)
					    : NULL;
	char buf[64];

	json_key(j, NULL);
	json_begin_object(j);
	json_str(j, "dst", show_route_dst(r, buf, sizeof(buf)));
	json_str_or_null(j, "gateway", r->has_gw ?
		  show_ip(r->family, r->gw, buf, sizeof(buf)) : NULL);
	json_str_or_null(j, "dev", l ? l->name : NULL);
	/* strings, as in `ip -j route`: a name, or the number */
	snprintf(buf, sizeof(buf), "%d", r->protocol);
	json_str(j, "protocol", r->protocol == RTPROT_BOOT ? "boot" :
				r->protocol == RTPROT_KERNEL ? "kernel" :
				r->protocol == RTPROT_STATIC ? "static" : buf);
	if (r->table == RT_TABLE_MAIN)
		json_str(j, "table", "main");
	else
		json_str(j, "table", (snprintf(buf, sizeof(buf), "%u",
					       r->table), buf));
	json_uint(j, "metric", r->priority);
	json_str_or_null(j, "prefsrc", r->has_prefsrc ?
		  show_ip(r->family, r->prefsrc, buf, sizeof(buf)) : NULL);
	json_bool(j, "onlink", r->onlink);
	json_end_object(j);
}

/* routes in order: family, table, destination, length, metric, link */
static int cmp_route(const void *a, const void *b)
{
	const struct model_route *x = a, *y = b;
	int c;

	if (x->family != y->family)
		return x->family - y->family;
	if (x->table != y->table)
		return x->table < y->table ? -1 : 1;
	if ((c = memcmp(x->dst, y->dst, sizeof(x->dst))))
		return c;
	if (x->dst_len != y->dst_len)
		return x->dst_len - y->dst_len;
	if (x->priority != y->priority)
		return x->priority < y->priority ? -1 : 1;
	return x->oif - y->oif;
}

/* NS's addresses, as `ip -j addr` words them */
static void json_addrs(struct json *j, struct model_ns *ns)
{
	char buf[64];

	json_key(j, "addresses");
	json_begin_array(j);
	for (int k = 0; k < ns->naddrs; k++) {
		const struct model_addr *a = &ns->addrs[k];
		const struct model_link *l =
			model_link_by_index(ns, a->ifindex);

		json_key(j, NULL);
		json_begin_object(j);
		json_str(j, "dev", l ? l->name : "");
		json_str(j, "family", a->family == AF_INET6 ? "inet6" : "inet");
		json_str(j, "local", show_ip(a->family, a->addr, buf,
					     sizeof(buf)));
		json_int(j, "prefixlen", a->plen);
		json_str(j, "scope", scope_name(a->scope, buf, sizeof(buf)));
		json_addr_more(j, a);
		json_end_object(j);
	}
	json_end_array(j);
}

/* NS's routes, sorted (family, table, dst, length, metric, link) */
static void json_routes(struct json *j, struct model_ns *ns)
{
	struct model_route *routes;

	routes = xmalloc(sizeof(*routes) * (size_t)(ns->nroutes + 1));
	if (ns->nroutes)
		memcpy(routes, ns->routes,
		       sizeof(*routes) * (size_t)ns->nroutes);
	qsort(routes, (size_t)ns->nroutes, sizeof(*routes), cmp_route);
	json_key(j, "routes");
	json_begin_array(j);
	for (int k = 0; k < ns->nroutes; k++)
		json_route(j, ns, &routes[k]);
	json_end_array(j);
	free(routes);
}

/* namespace NS (the host when FIRST): its name, nsid, links by ifindex,
 * addresses and routes */
static void json_ns(struct json *j, struct model *m, struct model_ns *ns,
		    bool first)
{
	struct model_link **links = show_links(ns, false);

	json_key(j, NULL);
	json_begin_object(j);
	json_str(j, "name", model_ns_label(ns));
	json_key(j, "nsid");
	if (!first && ns->nsid >= 0)
		printf("%d", ns->nsid);
	else
		fputs("null", stdout);
	json_key(j, "links");
	json_begin_array(j);
	for (int k = 0; k < ns->nlinks; k++)
		json_link(j, m, ns, links[k]);
	json_end_array(j);
	free(links);
	json_addrs(j, ns);
	json_routes(j, ns);
	json_end_object(j);
}

/*
 * show -j: {"namespaces":[{"name","nsid","links":[…],"addresses":[…],
 * "routes":[…]}]}; links by ifindex, routes sorted (family, table, dst).
 * A link's "lower_up" is the carrier the views infer (show_carrier), its
 * "flags" and "operstate" what the kernel last said; an address has its
 * "flags" (iproute2's words), "broadcast" and "label", a route its
 * "prefsrc" and "onlink".  Other tests parse this: keep the keys.
 */
void show_json(struct model *m)
{
	struct model_ns **nss = show_namespaces(m);
	struct json j = { 0 };

	json_begin_object(&j);
	json_key(&j, "namespaces");
	json_begin_array(&j);
	for (int i = 0; i < m->nns; i++)
		json_ns(&j, m, nss[i], i == 0);
	json_end_array(&j);
	json_end_object(&j);
	json_end(&j);
	free(nss);
}
