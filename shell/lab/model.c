/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model.c - the live model's data: namespaces with their links, addresses
 * and routes, updated in place and reported to listeners as changes.
 * Where the updates come from (dumps and netlink events) is model_nl.c
 * and its siblings (model_msg.c, model_dump.c, model_scan.c).
 */
#include "config.h"

#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "model.h"

/* ------------------------------------------------------------ listeners */

static struct {
	model_listen_fn fn;
	void *ctx;
} listeners[8];

void model_listen(model_listen_fn fn, void *ctx)
{
	for (size_t i = 0; i < ARRAY_SIZE(listeners); i++)
		if (!listeners[i].fn) {
			listeners[i].fn = fn;
			listeners[i].ctx = ctx;
			return;
		}
}

void model_unlisten(model_listen_fn fn, void *ctx)
{
	for (size_t i = 0; i < ARRAY_SIZE(listeners); i++)
		if (listeners[i].fn == fn && listeners[i].ctx == ctx)
			listeners[i].fn = NULL;
}

void model_emit(const struct model_change *ch)
{
	for (size_t i = 0; i < ARRAY_SIZE(listeners); i++)
		if (listeners[i].fn)
			listeners[i].fn(listeners[i].ctx, ch);
}

/* ------------------------------------------------------------ growth */

/* make room for one more element of SIZE in *V (N used, *CAP allocated) */
static void *grow(void *v, int n, int *cap, size_t size)
{
	void *nv;

	if (n < *cap)
		return v;
	nv = xrealloc(v, size * (size_t)(*cap ? *cap * 2 : 4));
	*cap = *cap ? *cap * 2 : 4;
	return nv;
}

/* ------------------------------------------------------------ namespaces */

struct model *model_alloc(void)
{
	return xcalloc(1, sizeof(struct model));
}

void model_ns_clear(struct model_ns *ns)
{
	free(ns->links);
	free(ns->addrs);
	free(ns->routes);
	ns->links = NULL;
	ns->addrs = NULL;
	ns->routes = NULL;
	ns->nlinks = ns->caplinks = 0;
	ns->naddrs = ns->capaddrs = 0;
	ns->nroutes = ns->caproutes = 0;
}

void model_free(struct model *m)
{
	if (!m)
		return;
	for (int i = 0; i < m->nns; i++) {
		model_ns_clear(m->ns[i]);
		free(m->ns[i]);
	}
	free(m->ns);
	free(m);
}

struct model_ns *model_ns_find(struct model *m, dev_t dev, ino_t ino)
{
	for (int i = 0; i < m->nns; i++)
		if (m->ns[i]->dev == dev && m->ns[i]->ino == ino)
			return m->ns[i];
	return NULL;
}

struct model_ns *model_ns_by_name(struct model *m, const char *name)
{
	char *end;
	long pid;

	char path[PATH_MAX];
	struct stat st;

	for (int i = 0; i < m->nns; i++)
		if (streq(m->ns[i]->name, name))
			return m->ns[i];
	/* another name of a namespace (two bind mounts; the host attached
	 * under a name): by identity */
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	if (!strchr(name, '/') && stat(path, &st) == 0) {
		struct model_ns *ns = model_ns_find(m, st.st_dev, st.st_ino);

		if (ns)
			return ns;
	}
	/* a PID names the namespace it holds, as everywhere in nsh */
	pid = strtol(name, &end, 10);
	for (int i = 0; *name && !*end && pid > 0 && i < m->nns; i++)
		if (m->ns[i]->pid == pid)
			return m->ns[i];
	return NULL;
}

struct model_ns *model_ns_ref(struct model *m, const char *ref,
			      enum model_ref_why *why, const char **bad)
{
	struct model_ns *ns = *ref ? model_ns_by_name(m, ref) : NULL;
	char path[64];
	struct stat st;

	*why = MODEL_REF_NONE;
	*bad = NULL;
	if (ns)
		return ns;
	if (streq(ref, "host"))
		return m->ns[0];
	*bad = check_netns_ref(ref);
	if (*bad) {
		*why = MODEL_REF_BAD;
		return NULL;
	}
	if (strspn(ref, "0123456789") != strlen(ref) || *ref == '0' ||
	    strlen(ref) >= 10)
		return NULL;
	snprintf(path, sizeof(path), "/proc/%s/ns/net", ref);
	if (stat(path, &st) < 0) {
		*why = MODEL_REF_NO_PROCESS;
		return NULL;
	}
	ns = model_ns_find(m, st.st_dev, st.st_ino);
	if (!ns)
		*why = MODEL_REF_NOT_MODELLED;
	return ns;
}

struct model_ns *model_ns_cur(struct model *m, struct nsh *sh)
{
	return model_ns_find(m, sh->cur.dev, sh->cur.ino);
}

const char *model_ns_label(const struct model_ns *ns)
{
	if (ns->name[0])
		return ns->name;
	return ns->pid ? ns->pidlabel : "host";
}

void model_ns_set_pid(struct model_ns *ns, pid_t pid)
{
	ns->pid = pid;
	snprintf(ns->pidlabel, sizeof(ns->pidlabel), "pid %d", (int)pid);
}

struct model_ns *model_ns_add(struct model *m, dev_t dev, ino_t ino,
			      const char *name)
{
	struct model_ns *ns = xcalloc(1, sizeof(*ns));

	ns->dev = dev;
	ns->ino = ino;
	ns->nsid = -1;
	snprintf(ns->name, sizeof(ns->name), "%s", name);
	m->ns = grow(m->ns, m->nns, &m->capns, sizeof(*m->ns));
	m->ns[m->nns++] = ns;
	model_emit(&(struct model_change){ .what = MODEL_NS_ADD, .ns = ns });
	return ns;
}

void model_ns_del(struct model *m, struct model_ns *ns)
{
	for (int i = 0; i < m->nns; i++) {
		if (m->ns[i] != ns)
			continue;
		model_emit(&(struct model_change){ .what = MODEL_NS_DEL,
						   .ns = ns });
		memmove(&m->ns[i], &m->ns[i + 1],
			sizeof(*m->ns) * (size_t)(m->nns - i - 1));
		m->nns--;
		model_ns_clear(ns);
		free(ns);
		return;
	}
}

/* ------------------------------------------------------------ links */

static void drop_routes(struct model_ns *ns, int ifindex, int family)
{
	int keep = 0;

	for (int i = 0; i < ns->nroutes; i++)
		if (ns->routes[i].oif != ifindex ||
		    (family && ns->routes[i].family != family))
			ns->routes[keep++] = ns->routes[i];
	ns->nroutes = keep;
}

struct model_link *model_link_by_index(struct model_ns *ns, int ifindex)
{
	for (int i = 0; i < ns->nlinks; i++)
		if (ns->links[i].ifindex == ifindex)
			return &ns->links[i];
	return NULL;
}

struct model_link *model_link_by_name(struct model_ns *ns, const char *name)
{
	for (int i = 0; i < ns->nlinks; i++)
		if (streq(ns->links[i].name, name))
			return &ns->links[i];
	return NULL;
}

void model_link_set(struct model_ns *ns, const struct model_link *l)
{
	struct model_link *cur = model_link_by_index(ns, l->ifindex);
	struct model_link old;

	if (cur) {
		if (memcmp(cur, l, sizeof(*l)) == 0)
			return;
		old = *cur;
		*cur = *l;
		/* IPv4 drops the routes of a link that goes down without a
		 * word (fib_sync_down_dev); IPv6 announces its own */
		if ((old.flags & IFF_UP) && !(l->flags & IFF_UP))
			drop_routes(ns, l->ifindex, AF_INET);
		model_emit(&(struct model_change){ .what = MODEL_LINK_CHANGE,
						   .ns = ns, .old = &old,
						   .link = cur });
		return;
	}
	ns->links = grow(ns->links, ns->nlinks, &ns->caplinks,
			 sizeof(*ns->links));
	ns->links[ns->nlinks] = *l;
	model_emit(&(struct model_change){ .what = MODEL_LINK_ADD, .ns = ns,
					   .link = &ns->links[ns->nlinks] });
	ns->nlinks++;
}

void model_link_del(struct model_ns *ns, int ifindex)
{
	struct model_link *l = model_link_by_index(ns, ifindex);
	int keep = 0;

	if (!l)
		return;
	/* its addresses and routes go with it */
	for (int i = 0; i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex != ifindex)
			ns->addrs[keep++] = ns->addrs[i];
	ns->naddrs = keep;
	drop_routes(ns, ifindex, 0);
	model_emit(&(struct model_change){ .what = MODEL_LINK_DEL, .ns = ns,
					   .link = l });
	*l = ns->links[--ns->nlinks];
}

/* ------------------------------------------------------------ addresses */

static bool addr_eq(const struct model_addr *a, const struct model_addr *b)
{
	size_t len = a->family == AF_INET6 ? 16 : 4;

	return a->ifindex == b->ifindex && a->family == b->family &&
	       a->plen == b->plen && memcmp(a->addr, b->addr, len) == 0;
}

/* IFINDEX still has an IPv4 address */
static bool has_inet(const struct model_ns *ns, int ifindex)
{
	for (int i = 0; i < ns->naddrs; i++)
		if (ns->addrs[i].ifindex == ifindex &&
		    ns->addrs[i].family == AF_INET)
			return true;
	return false;
}

void model_addr_set(struct model_ns *ns, const struct model_addr *a, bool add)
{
	for (int i = 0; i < ns->naddrs; i++) {
		if (!addr_eq(&ns->addrs[i], a))
			continue;
		if (add) {
			ns->addrs[i] = *a;
			return;
		}
		model_emit(&(struct model_change){ .what = MODEL_ADDR_DEL,
						   .ns = ns, .addr = a });
		ns->addrs[i] = ns->addrs[--ns->naddrs];
		/* the link's last IPv4 address gone: IPv4 drops every route
		 * through it without a word (fib_disable_ip), as on link
		 * down */
		if (a->family == AF_INET && !has_inet(ns, a->ifindex))
			drop_routes(ns, a->ifindex, AF_INET);
		return;
	}
	if (!add)
		return;
	ns->addrs = grow(ns->addrs, ns->naddrs, &ns->capaddrs,
			 sizeof(*ns->addrs));
	ns->addrs[ns->naddrs++] = *a;
	model_emit(&(struct model_change){ .what = MODEL_ADDR_ADD, .ns = ns,
					   .addr = a });
}

/* ------------------------------------------------------------ routes */

/* a route's identity: the same prefix may exist once per device and
 * gateway (connected routes of one subnet on two links, IPv6 fe80::/64) */
static bool route_eq(const struct model_route *a, const struct model_route *b)
{
	return a->family == b->family && a->table == b->table &&
	       a->dst_len == b->dst_len && a->priority == b->priority &&
	       a->oif == b->oif && a->has_gw == b->has_gw &&
	       memcmp(a->gw, b->gw, sizeof(a->gw)) == 0 &&
	       memcmp(a->dst, b->dst, sizeof(a->dst)) == 0;
}

void model_route_set(struct model_ns *ns, const struct model_route *r,
		     bool add)
{
	for (int i = 0; i < ns->nroutes; i++) {
		if (!route_eq(&ns->routes[i], r))
			continue;
		if (add) {
			ns->routes[i] = *r;
			return;
		}
		model_emit(&(struct model_change){ .what = MODEL_ROUTE_DEL,
						   .ns = ns, .route = r });
		ns->routes[i] = ns->routes[--ns->nroutes];
		return;
	}
	if (!add)
		return;
	ns->routes = grow(ns->routes, ns->nroutes, &ns->caproutes,
			  sizeof(*ns->routes));
	ns->routes[ns->nroutes++] = *r;
	model_emit(&(struct model_change){ .what = MODEL_ROUTE_ADD, .ns = ns,
					   .route = r });
}

/* ------------------------------------------------------------ peers */

bool model_peer(struct model *m, struct model_ns *ns,
		const struct model_link *l, struct model_ns **ret_ns,
		struct model_link **ret)
{
	struct model_ns *found_ns = NULL;
	struct model_link *found = NULL;
	int n = 0;

	if (!l->peer_ifindex)
		return false;
	if (l->peer_nsid < 0) {
		found = model_link_by_index(ns, l->peer_ifindex);
		if (!found)
			return false;
		*ret_ns = ns;
		*ret = found;
		return true;
	}
	/* elsewhere: the veth whose ifindex is our peer's and whose peer is
	 * us, in another namespace; when several pairs carry the same two
	 * numbers, the nsid our namespace gives each candidate settles it */
	for (int pass = 0; pass < 2 && n != 1; pass++) {
		n = 0;
		for (int i = 0; i < m->nns; i++) {
			struct model_link *p;

			if (m->ns[i] == ns)
				continue;
			p = model_link_by_index(m->ns[i], l->peer_ifindex);
			if (!p || p->peer_ifindex != l->ifindex ||
			    p->peer_nsid < 0)
				continue;
			if (pass == 1 &&
			    model_nsid_in(ns, m->ns[i]) != l->peer_nsid)
				continue;
			found_ns = m->ns[i];
			found = p;
			n++;
		}
		if (n == 0)
			return false;
	}
	if (n != 1)
		return false;
	*ret_ns = found_ns;
	*ret = found;
	return true;
}
