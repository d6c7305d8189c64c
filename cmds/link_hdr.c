/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_hdr.c - the per-link header of `ip address show` from a libnl
 * link object (link_show_begin/one/one_end/end, cmds.h): "2: v1@if3:
 * <…> mtu 1500 …" and its link/ line, or their -j keys.  `ip link show`
 * itself prints the kernel's messages (cmds/link_show.c).
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

/*
 * What differs between the two variants of the header.  The first three
 * are iproute2's own (its do_link); the last three are differences that
 * the two listings had when each printed its own header, kept so that
 * neither output changes.
 */
static const struct {
	bool linkmode;		/* " mode DEFAULT" / "linkmode" */
	bool details;		/* -d: promiscuity, kinds, queues */
	bool family_hides_ll;	/* -4/-6 leave out the link/ line */
	bool escape;		/* names escaped for the terminal (text) */
	bool p2p_peer; /* "peer", not "brd", on point-to-point links */
	bool lost_lower_down; /* M-DOWN when the lower link is not found */
} styles[] = {
	[LINK_SHOW_LINK] = { .linkmode = true, .details = true,
			     .escape = true },
	[LINK_SHOW_ADDR] = { .family_hides_ll = true, .p2p_peer = true,
			     .lost_lower_down = true },
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

/* S as the text layout shows it: escaped for the terminal in `ip link` */
static const char *shown(struct link_show_ctx *c, const char *s, char *buf,
			 size_t len)
{
	if (c->sh->o.json || !styles[c->mode].escape)
		return s;
	return str_escape(s, buf, len);
}

/*
 * index_name - the name of link IFINDEX of SH->cur (from the dump, or
 * asked for when the show has none), or "ifINDEX" as iproute2 says.  When
 * DOWN is not NULL, *DOWN is iproute2's M-DOWN: that link is down.
 */
static const char *index_name(struct link_show_ctx *c, int ifindex, char *buf,
			      size_t len, bool *down)
{
	struct rtnl_link *l = NULL;

	if (c->cache)
		l = rtnl_link_get(c->cache, ifindex);
	else
		(void)rtnl_link_get_kernel(c->sk, ifindex, NULL, &l);
	if (l && rtnl_link_get_name(l))
		snprintf(buf, len, "%s", rtnl_link_get_name(l));
	else
		snprintf(buf, len, "if%d", ifindex);
	if (down)
		*down = l ? !(rtnl_link_get_flags(l) & IFF_UP) :
			    styles[c->mode].lost_lower_down;
	if (l)
		rtnl_link_put(l);
	return buf;
}

/*
 * load_nsids - ask, once per show, each /run/netns entry for the nsid the
 * current namespace gives it (as iproute2's netns_map_init does).
 * RTM_GETNSID never assigns one, so this changes nothing.
 */
static void load_nsids(struct link_show_ctx *c)
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
static const char *nsid_name(struct link_show_ctx *c, int nsid)
{
	if (!c->ids_done)
		load_nsids(c);
	for (int i = 0; i < c->nids; i++)
		if (c->ids[i].nsid == nsid)
			return c->ids[i].name;
	return NULL;
}

static void free_nsids(struct link_show_ctx *c)
{
	for (int i = 0; i < c->nids; i++)
		free(c->ids[i].name);
	free(c->ids);
	c->ids = NULL;
	c->nids = 0;
}

void link_show_field(struct link_show_ctx *c, const char *key,
		     const char *label, const char *val)
{
	if (c->sh->o.json)
		json_str(&c->j, key, val);
	else
		printf(" %s%s%s", label, *label ? " " : "", val);
}

/* the same for a number: "KEY": VAL, or " LABEL VAL" */
static void field_uint(struct link_show_ctx *c, const char *key,
		       const char *label, unsigned val)
{
	if (c->sh->o.json)
		json_uint(&c->j, key, val);
	else
		printf(" %s %u", label, val);
}

/* one flag of the list: a JSON string, or NAME after a comma */
static void flag(struct link_show_ctx *c, const char *name, bool *first)
{
	if (c->sh->o.json)
		json_str(&c->j, NULL, name);
	else
		printf("%s%s", *first ? "" : ",", name);
	*first = false;
}

/*
 * print_flags - "<BROADCAST,UP>" or "flags": [ … ]: FLAGS in iproute2's
 * order, NO-CARRIER first (up without carrier), unknown bits in hex, and
 * M-DOWN last when MDOWN (the link it sits on is down).
 */
int link_flag_words(unsigned flags, const char **words, unsigned *rest)
{
	int n = 0;

	if ((flags & IFF_UP) && !(flags & IFF_RUNNING))
		words[n++] = "NO-CARRIER";
	flags &= ~(unsigned)IFF_RUNNING;
	for (size_t i = 0; i < ARRAY_SIZE(flag_names); i++)
		if (flags & flag_names[i].flag) {
			flags &= ~flag_names[i].flag;
			words[n++] = flag_names[i].name;
		}
	*rest = flags;
	return n;
}

const char *link_operstate_name(unsigned st)
{
	return st < ARRAY_SIZE(operstates) ? operstates[st] : "UNKNOWN";
}

static void print_flags(struct link_show_ctx *c, unsigned flags, bool mdown)
{
	bool json = c->sh->o.json, first = true;
	const char *words[LINK_FLAG_WORDS];
	int n = link_flag_words(flags, words, &flags);
	char hex[16];

	if (json) {
		json_key(&c->j, "flags");
		json_begin_array(&c->j);
	} else {
		putchar('<');
	}
	for (int i = 0; i < n; i++)
		flag(c, words[i], &first);
	if (flags) {
		snprintf(hex, sizeof(hex), "%x", flags);
		flag(c, hex, &first);
	}
	if (mdown)
		flag(c, "M-DOWN", &first);
	if (json)
		json_end_array(&c->j);
	else
		putchar('>');
}

static const char *operstate_str(struct rtnl_link *l)
{
	return link_operstate_name(rtnl_link_get_operstate(l));
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

/* the link-layer part: "\n    link/ether ADDR brd ADDR", or its keys */
static void print_lladdr(struct link_show_ctx *c, struct rtnl_link *l)
{
	bool p2p = styles[c->mode].p2p_peer &&
		   (rtnl_link_get_flags(l) & IFF_POINTOPOINT);
	char buf[64];

	/* "ether", "loopback", … (the link/TYPE of iproute2) */
	nl_llproto2str((int)rtnl_link_get_arptype(l), buf, sizeof(buf));
	if (c->sh->o.json)
		json_str(&c->j, "link_type", buf);
	else
		printf("\n    link/%s", buf);
	if (rtnl_link_get_addr(l))
		link_show_field(c, "address", "",
				lladdr_str(rtnl_link_get_addr(l), buf,
					   sizeof(buf)));
	if (rtnl_link_get_broadcast(l))
		link_show_field(c, "broadcast", p2p ? "peer" : "brd",
				lladdr_str(rtnl_link_get_broadcast(l), buf,
					   sizeof(buf)));
}

/* where a link's peer lives: " link-netns NAME" (" link-netnsid N" when
 * it has no name), "link_netnsid": N under -j */
static void print_netns(struct link_show_ctx *c, int32_t nsid)
{
	const char *ns;
	char esc[1024];

	if (c->sh->o.json) {
		json_int(&c->j, "link_netnsid", nsid);
		return;
	}
	ns = nsid_name(c, nsid);
	if (ns)
		printf(" link-netns %s", shown(c, ns, esc, sizeof(esc)));
	else
		printf(" link-netnsid %d", nsid);
}

/* -d: " promiscuity N\n    KIND KIND_slave numtxqueues N numrxqueues N" */
static void print_details(struct link_show_ctx *c, struct rtnl_link *l)
{
	const char *kind = rtnl_link_get_type(l);
	const char *skind = rtnl_link_get_slave_type(l);
	struct json *j = &c->j;

	field_uint(c, "promiscuity", "promiscuity",
		   rtnl_link_get_promiscuity(l));
	if (c->sh->o.json && (kind || skind)) {
		json_key(j, "linkinfo");
		json_begin_object(j);
		if (kind)
			json_str(j, "info_kind", kind);
		if (skind)
			json_str(j, "info_slave_kind", skind);
		json_end_object(j);
	} else if (kind || skind) {
		printf("\n   ");
		if (kind)
			printf(" %s", kind);
		if (skind)
			printf(" %s_slave", skind);
	}
	field_uint(c, "num_tx_queues", "numtxqueues",
		   rtnl_link_get_num_tx_queues(l));
	field_uint(c, "num_rx_queues", "numrxqueues",
		   rtnl_link_get_num_rx_queues(l));
}

void link_show_begin(struct link_show_ctx *c, struct nsh *sh,
		     struct nl_sock *sk, struct nl_cache *cache,
		     enum link_show_mode mode)
{
	*c = (struct link_show_ctx){
		.sh = sh,
		.sk = sk,
		.cache = cache,
		.mode = mode,
		.j = { .pretty = sh->o.pretty },
	};
	if (sh->o.json)
		json_begin_array(&c->j);
}

/*
 * link_show_one - the header of link L: "2: v1@if3: <…> mtu 1500 … qlen
 * 1000\n    link/ether …\n" in text; under -j an element of the array with
 * the same keys as iproute2, left open (link_show_one_end closes it).
 */
void link_show_one(struct link_show_ctx *c, struct rtnl_link *l)
{
	struct json *j = &c->j;
	const char *qdisc = rtnl_link_get_qdisc(l);
	int ifindex = rtnl_link_get_ifindex(l);
	int iflink = rtnl_link_get_link(l);
	int master = rtnl_link_get_master(l);
	int32_t nsid = -1;
	bool has_nsid = rtnl_link_get_link_netnsid(l, &nsid) == 0;
	bool json = c->sh->o.json, mdown = false;
	char peer[IFNAMSIZ + 8], buf[IFNAMSIZ + 8], esc[1024];

	/* the link L sits on (a veth's peer): only its index when it is in
	 * another namespace; L itself is never shown as its own */
	if (iflink == ifindex && !has_nsid)
		iflink = 0;
	if (iflink && has_nsid)
		snprintf(peer, sizeof(peer), "if%d", iflink);
	else if (iflink)
		index_name(c, iflink, peer, sizeof(peer), &mdown);
	if (json) {
		json_key(j, NULL);
		json_begin_object(j);
		json_int(j, "ifindex", ifindex);
		if (iflink && has_nsid)
			json_int(j, "link_index", iflink);
		else if (iflink)
			json_str(j, "link", peer);
		json_str(j, "ifname", rtnl_link_get_name(l));
	} else {
		printf("%d: %s", ifindex,
		       shown(c, rtnl_link_get_name(l), esc, sizeof(esc)));
		if (iflink)
			printf("@%s", shown(c, peer, esc, sizeof(esc)));
		printf(": ");
	}
	print_flags(c, rtnl_link_get_flags(l), mdown);
	field_uint(c, "mtu", "mtu", rtnl_link_get_mtu(l));
	if (qdisc)
		link_show_field(c, "qdisc", "qdisc", qdisc);
	if (master)
		link_show_field(c, "master", "master",
				shown(c, index_name(c, master, buf, sizeof(buf),
						    NULL),
				      esc, sizeof(esc)));
	link_show_field(c, "operstate", "state", operstate_str(l));
	if (styles[c->mode].linkmode)
		link_show_field(c, "linkmode", "mode",
				rtnl_link_get_linkmode(l) ? "DORMANT" :
							    "DEFAULT");
	link_show_field(c, "group", "group", group_str(l, buf, sizeof(buf)));
	field_uint(c, "txqlen", "qlen", rtnl_link_get_txqlen(l));
	if (!styles[c->mode].family_hides_ll || !c->sh->o.family)
		print_lladdr(c, l);
	if (has_nsid)
		print_netns(c, nsid);
	if (styles[c->mode].details && c->sh->o.details)
		print_details(c, l);
	if (!json)
		putchar('\n');
}

void link_show_one_end(struct link_show_ctx *c)
{
	if (c->sh->o.json)
		json_end_object(&c->j);
}

void link_show_end(struct link_show_ctx *c)
{
	if (c->sh->o.json) {
		json_end_array(&c->j);
		json_end(&c->j);
	}
	free_nsids(c);
}
