/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_show.c - `ip link [show [dev] IFNAME]`: one RTM_GETLINK dump of the
 * current namespace (rtnl_link_alloc_cache), printed in iproute2's layout,
 * or with -j as JSON with iproute2's keys, so that tutorials and scripts
 * that parse `ip -j link` work unchanged.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <netlink/netlink.h>
#include <netlink/addr.h>
#include <netlink/cache.h>
#include <netlink/utils.h>
#include <netlink/route/link.h>

#include "cmds.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif
#ifndef IFF_DORMANT
#define IFF_DORMANT 0x20000
#endif
#ifndef IFF_ECHO
#define IFF_ECHO 0x40000
#endif

DEFINE_PUTP(struct nl_cache, nl_cache_free)

/* a named namespace and the nsid the current namespace gives it */
struct nsid_name {
	int nsid;
	char *name;
};

/* what one show needs besides the link itself */
struct show_ctx {
	struct nsh *sh;
	struct nl_sock *sk;
	struct nl_cache *cache;
	struct json j;
	struct nsid_name *ids;	/* built on first use */
	int nids;
	bool ids_done;
};

/* the flags in iproute2's order (print_link_flags) */
static const struct {
	unsigned flag;
	const char *name;
} flag_names[] = {
	{ IFF_LOOPBACK, "LOOPBACK" },	{ IFF_BROADCAST, "BROADCAST" },
	{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
	{ IFF_NOARP, "NOARP" },		{ IFF_ALLMULTI, "ALLMULTI" },
	{ IFF_PROMISC, "PROMISC" },	{ IFF_MASTER, "MASTER" },
	{ IFF_SLAVE, "SLAVE" },		{ IFF_DEBUG, "DEBUG" },
	{ IFF_DYNAMIC, "DYNAMIC" },	{ IFF_AUTOMEDIA, "AUTOMEDIA" },
	{ IFF_PORTSEL, "PORTSEL" },	{ IFF_NOTRAILERS, "NOTRAILERS" },
	{ IFF_UP, "UP" },		{ IFF_LOWER_UP, "LOWER_UP" },
	{ IFF_DORMANT, "DORMANT" },	{ IFF_ECHO, "ECHO" },
};

static const char *const operstates[] = {
	"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
	"TESTING", "DORMANT", "UP",
};

/* "aa:bb:…" for a link-layer address A ("" when absent) */
static const char *lladdr_str(struct nl_addr *a, char *buf, size_t len)
{
	const unsigned char *b;
	size_t used = 0;

	buf[0] = '\0';
	if (!a)
		return buf;
	b = nl_addr_get_binary_addr(a);
	for (unsigned i = 0; i < nl_addr_get_len(a) && used + 4 <= len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%02x",
					 i ? ":" : "", b[i]);
	return buf;
}

/* the name of link IFINDEX in the cache, or "ifINDEX" as iproute2 says */
static const char *index_name(struct show_ctx *c, int ifindex, char *buf,
			      size_t len)
{
	if (!rtnl_link_i2name(c->cache, ifindex, buf, len))
		snprintf(buf, len, "if%d", ifindex);
	return buf;
}

/*
 * load_nsids - ask, once per show, each /run/netns entry for the nsid the
 * current namespace gives it (as iproute2's netns_map_init does).
 * RTM_GETNSID never assigns one, so this changes nothing.
 */
static void load_nsids(struct show_ctx *c)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *de;

	c->ids_done = true;
	while (d && (de = readdir(d))) {
		struct nsid_name *nv;
		char path[512];
		int fd, id;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR,
			 de->d_name);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		id = nl_get_nsid(c->sk, fd);
		close(fd);
		if (id < 0)
			continue;
		nv = realloc(c->ids, sizeof(*nv) * (size_t)(c->nids + 1));
		if (!nv)
			break;
		c->ids = nv;
		c->ids[c->nids].nsid = id;
		c->ids[c->nids].name = strdup(de->d_name);
		if (c->ids[c->nids].name)
			c->nids++;
	}
	if (d)
		closedir(d);
}

/* the /run/netns name of the namespace with id NSID here, or NULL (the
 * host namespace, for instance, has no name) */
static const char *nsid_name(struct show_ctx *c, int nsid)
{
	if (!c->ids_done)
		load_nsids(c);
	for (int i = 0; i < c->nids; i++)
		if (c->ids[i].nsid == nsid)
			return c->ids[i].name;
	return NULL;
}

static void free_nsids(struct show_ctx *c)
{
	for (int i = 0; i < c->nids; i++)
		free(c->ids[i].name);
	free(c->ids);
}

/*
 * lower_down - iproute2's M-DOWN: the link L sits on (IFLA_LINK, in this
 * namespace: a veth's peer) is down.
 */
static bool lower_down(struct show_ctx *c, struct rtnl_link *l)
{
	int32_t nsid;
	struct rtnl_link *m;
	bool down;

	if (!rtnl_link_get_link(l) || rtnl_link_get_link_netnsid(l, &nsid) == 0)
		return false;
	m = rtnl_link_get(c->cache, rtnl_link_get_link(l));
	if (!m)
		return false;
	down = !(rtnl_link_get_flags(m) & IFF_UP);
	rtnl_link_put(m);
	return down;
}

/*
 * for_each_flag - call FN with each flag name of L in iproute2's order:
 * NO-CARRIER first (up without carrier), M-DOWN last.
 */
static void for_each_flag(struct show_ctx *c, struct rtnl_link *l,
			  void (*fn)(struct show_ctx *, const char *, bool *),
			  bool *first)
{
	unsigned flags = rtnl_link_get_flags(l);
	char hex[16];

	if ((flags & IFF_UP) && !(flags & IFF_RUNNING))
		fn(c, "NO-CARRIER", first);
	flags &= ~(unsigned)IFF_RUNNING;
	for (size_t i = 0; i < ARRAY_SIZE(flag_names); i++)
		if (flags & flag_names[i].flag) {
			flags &= ~flag_names[i].flag;
			fn(c, flag_names[i].name, first);
		}
	if (flags) {
		snprintf(hex, sizeof(hex), "%x", flags);
		fn(c, hex, first);
	}
	if (lower_down(c, l))
		fn(c, "M-DOWN", first);
}

static void flag_text(struct show_ctx *c, const char *name, bool *first)
{
	printf("%s%s", *first ? "" : ",", name);
	*first = false;
}

static void flag_json(struct show_ctx *c, const char *name, bool *first)
{
	json_str(&c->j, NULL, name);
}

static const char *operstate_str(struct rtnl_link *l)
{
	uint8_t st = rtnl_link_get_operstate(l);

	return st < ARRAY_SIZE(operstates) ? operstates[st] : "UNKNOWN";
}

/* the link group: "default" (0) or its number, a string in both layouts */
static const char *group_str(struct rtnl_link *l, char *buf, size_t len)
{
	uint32_t g = rtnl_link_get_group(l);

	if (!g)
		return "default";
	snprintf(buf, len, "%u", g);
	return buf;
}

/* "ether", "loopback", … (the link/TYPE of iproute2) */
static const char *link_type(struct rtnl_link *l, char *buf, size_t len)
{
	return nl_llproto2str((int)rtnl_link_get_arptype(l), buf, len);
}

/* print one link as iproute2's text */
static void show_text(struct show_ctx *c, struct rtnl_link *l)
{
	char buf[IFNAMSIZ + 8], addr[64], esc[1024];
	const char *qdisc = rtnl_link_get_qdisc(l);
	const char *kind = rtnl_link_get_type(l);
	const char *skind = rtnl_link_get_slave_type(l);
	int ifindex = rtnl_link_get_ifindex(l);
	int iflink = rtnl_link_get_link(l);
	int master = rtnl_link_get_master(l);
	int32_t nsid = -1;
	bool has_nsid = rtnl_link_get_link_netnsid(l, &nsid) == 0;
	bool first = true;

	printf("%d: %s", ifindex,
	       str_escape(rtnl_link_get_name(l), esc, sizeof(esc)));
	if (iflink && has_nsid)
		printf("@if%d", iflink);
	else if (iflink)
		printf("@%s",
		       str_escape(index_name(c, iflink, buf, sizeof(buf)), esc,
				  sizeof(esc)));
	printf(": <");
	for_each_flag(c, l, flag_text, &first);
	printf("> mtu %u", rtnl_link_get_mtu(l));
	if (qdisc)
		printf(" qdisc %s", qdisc);
	if (master)
		printf(" master %s",
		       str_escape(index_name(c, master, buf, sizeof(buf)), esc,
				  sizeof(esc)));
	printf(" state %s mode %s group %s qlen %u\n", operstate_str(l),
	       rtnl_link_get_linkmode(l) ? "DORMANT" : "DEFAULT",
	       group_str(l, buf, sizeof(buf)), rtnl_link_get_txqlen(l));

	printf("    link/%s", link_type(l, buf, sizeof(buf)));
	if (rtnl_link_get_addr(l))
		printf(" %s", lladdr_str(rtnl_link_get_addr(l), addr,
					 sizeof(addr)));
	if (rtnl_link_get_broadcast(l))
		printf(" brd %s", lladdr_str(rtnl_link_get_broadcast(l), addr,
					     sizeof(addr)));
	if (has_nsid) {
		const char *ns = nsid_name(c, nsid);

		if (ns)
			printf(" link-netns %s",
			       str_escape(ns, esc, sizeof(esc)));
		else
			printf(" link-netnsid %d", nsid);
	}
	if (c->sh->o.details) {
		printf(" promiscuity %u", rtnl_link_get_promiscuity(l));
		if (kind || skind) {
			printf("\n   ");
			if (kind)
				printf(" %s", kind);
			if (skind)
				printf(" %s_slave", skind);
		}
		printf(" numtxqueues %u numrxqueues %u",
		       rtnl_link_get_num_tx_queues(l),
		       rtnl_link_get_num_rx_queues(l));
	}
	putchar('\n');
}

/* print one link as an element of iproute2's JSON array */
static void show_json(struct show_ctx *c, struct rtnl_link *l)
{
	struct json *j = &c->j;
	char buf[IFNAMSIZ + 8], addr[64];
	const char *qdisc = rtnl_link_get_qdisc(l);
	const char *kind = rtnl_link_get_type(l);
	const char *skind = rtnl_link_get_slave_type(l);
	int ifindex = rtnl_link_get_ifindex(l);
	int iflink = rtnl_link_get_link(l);
	int master = rtnl_link_get_master(l);
	int32_t nsid = -1;
	bool has_nsid = rtnl_link_get_link_netnsid(l, &nsid) == 0;
	bool first = true;

	json_key(j, NULL);
	json_begin_object(j);
	json_int(j, "ifindex", ifindex);
	if (iflink && has_nsid)
		json_int(j, "link_index", iflink);
	else if (iflink)
		json_str(j, "link", index_name(c, iflink, buf, sizeof(buf)));
	json_str(j, "ifname", rtnl_link_get_name(l));
	json_key(j, "flags");
	json_begin_array(j);
	for_each_flag(c, l, flag_json, &first);
	json_end_array(j);
	json_uint(j, "mtu", rtnl_link_get_mtu(l));
	if (qdisc)
		json_str(j, "qdisc", qdisc);
	if (master)
		json_str(j, "master", index_name(c, master, buf, sizeof(buf)));
	json_str(j, "operstate", operstate_str(l));
	json_str(j, "linkmode", rtnl_link_get_linkmode(l) ? "DORMANT"
							  : "DEFAULT");
	json_str(j, "group", group_str(l, buf, sizeof(buf)));
	json_uint(j, "txqlen", rtnl_link_get_txqlen(l));
	json_str(j, "link_type", link_type(l, buf, sizeof(buf)));
	if (rtnl_link_get_addr(l))
		json_str(j, "address", lladdr_str(rtnl_link_get_addr(l), addr,
						  sizeof(addr)));
	if (rtnl_link_get_broadcast(l))
		json_str(j, "broadcast",
			 lladdr_str(rtnl_link_get_broadcast(l), addr,
				    sizeof(addr)));
	if (has_nsid)
		json_int(j, "link_netnsid", nsid);
	if (c->sh->o.details) {
		json_uint(j, "promiscuity", rtnl_link_get_promiscuity(l));
		if (kind || skind) {
			json_key(j, "linkinfo");
			json_begin_object(j);
			if (kind)
				json_str(j, "info_kind", kind);
			if (skind)
				json_str(j, "info_slave_kind", skind);
			json_end_object(j);
		}
		json_uint(j, "num_tx_queues", rtnl_link_get_num_tx_queues(l));
		json_uint(j, "num_rx_queues", rtnl_link_get_num_rx_queues(l));
	}
	json_end_object(j);
}

/* order the dump by ifindex, as the kernel (and iproute2) list it */
static int cmp_ifindex(const void *a, const void *b)
{
	int x = rtnl_link_get_ifindex(*(struct rtnl_link *const *)a);
	int y = rtnl_link_get_ifindex(*(struct rtnl_link *const *)b);

	return (x > y) - (x < y);
}

int link_show(struct nsh *sh, const char *name)
{
	_cleanup_(nl_cache_freep) struct nl_cache *cache = NULL;
	_cleanup_free_ struct rtnl_link **v = NULL;
	struct show_ctx c = { .sh = sh, .j = { .pretty = sh->o.pretty } };
	struct nl_object *o;
	char why[256], d[300];
	int n = 0, err;

	c.sk = ns_sock(sh);
	if (!c.sk)
		return 1;
	nl_clear_error();
	err = rtnl_link_alloc_cache(c.sk, AF_UNSPEC, &cache);
	if (err < 0)
		return nsh_err(sh, "cannot list the links of %s: %s",
			       ns_desc(&sh->cur, d, sizeof(d)),
			       nl_reason(err, why, sizeof(why)));
	c.cache = cache;

	v = calloc((size_t)nl_cache_nitems(cache) + 1, sizeof(*v));
	if (!v)
		return nsh_err(sh, "out of memory");
	for (o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
		struct rtnl_link *l = (struct rtnl_link *)o;

		if (!name || streq(rtnl_link_get_name(l), name))
			v[n++] = l;
	}
	if (name && !n)
		return nsh_err(sh, "'%s': no such link in %s", name,
			       ns_desc(&sh->cur, d, sizeof(d)));
	qsort(v, (size_t)n, sizeof(*v), cmp_ifindex);

	if (sh->o.json)
		json_begin_array(&c.j);
	for (int i = 0; i < n; i++) {
		if (sh->o.json)
			show_json(&c, v[i]);
		else
			show_text(&c, v[i]);
	}
	if (sh->o.json) {
		json_end_array(&c.j);
		json_end(&c.j);
	}
	free_nsids(&c);
	return 0;
}
