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
#include <inttypes.h>
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
	[LINK_SHOW_ADDR] = { .details = true, .family_hides_ll = true,
			     .p2p_peer = true, .lost_lower_down = true },
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

/*
 * print_brief - -br: "NAME@PEER        STATE          " as iproute2's
 * print_linkinfo_brief; `ip link` (and `ip -0 address`) add the address
 * and the flags and end the line, `ip address` leaves it open for the
 * addresses.  PEER: the link L sits on, or NULL.
 */
static void print_brief(struct link_show_ctx *c, struct rtnl_link *l,
			const char *peer, bool peer_nsid, bool mdown)
{
	bool json = c->sh->o.json;
	bool lladdr = c->mode == LINK_SHOW_LINK ||
		      c->sh->o.family == AF_PACKET;
	char name[2 * IFNAMSIZ + 16], esc[1024], buf[64];

	if (json) {
		json_key(&c->j, NULL);
		json_begin_object(&c->j);
		if (peer && peer_nsid)
			json_int(&c->j, "link_index", rtnl_link_get_link(l));
		else if (peer)
			json_str(&c->j, "link", peer);
		json_str(&c->j, "ifname", rtnl_link_get_name(l));
		json_str(&c->j, "operstate", operstate_str(l));
	} else {
		snprintf(name, sizeof(name), "%s%s%s", rtnl_link_get_name(l),
			 peer ? "@" : "", peer ? peer : "");
		printf("%-16s %-14s ", shown(c, name, esc, sizeof(esc)),
		       operstate_str(l));
	}
	if (!lladdr)
		return;
	if (rtnl_link_get_addr(l)) {
		lladdr_str(rtnl_link_get_addr(l), buf, sizeof(buf));
		if (json)
			json_str(&c->j, "address", buf);
		else
			printf("%s ", buf);
	}
	print_flags(c, rtnl_link_get_flags(l), mdown);
	if (!json)
		fputs(" \n", stdout);
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
	if (c->sh->o.brief) {
		print_brief(c, l, iflink ? peer : NULL, has_nsid, mdown);
		return;
	}
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
	if (!styles[c->mode].family_hides_ll || !c->sh->o.family ||
	    c->sh->o.family == AF_PACKET || c->sh->o.details)
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

/*
 * print_num - one counter of the -s table in a column of WIDTH, as
 * iproute2's print_num: the number, or with -h a short form (1.23k; -iec:
 * powers of 1024, 1.23Ki)
 */
static void print_num(struct link_show_ctx *c, unsigned width, uint64_t n)
{
	const char *prefix = "kMGTPE";
	const unsigned base = c->sh->o.iec ? 1024 : 1000;
	uint64_t powi = 1, powj = 1;
	int precision = 2;
	char buf[64];

	if (!c->sh->o.human || n < base) {
		printf("%*" PRIu64 " ", (int)width, n);
		return;
	}
	for (;;) {
		powi *= base;
		if (n / base < powi || !prefix[1])
			break;
		prefix++;
	}
	for (; precision > 0; precision--) {
		powj *= 10;
		if (n / powi < powj)
			break;
	}
	snprintf(buf, sizeof(buf), "%.*f%c%s", precision,
		 (double)n / (double)powi, *prefix, c->sh->o.iec ? "i" : "");
	printf("%*s ", (int)width, buf);
}

/* widen COLS to the decimal widths of the N values (not under -h) */
static void size_columns(struct link_show_ctx *c, unsigned *cols, int n,
			 const uint64_t *v)
{
	for (int i = 0; i < n && !c->sh->o.human; i++) {
		unsigned len = 1;

		for (uint64_t x = v[i]; x > 9; x /= 10)
			len++;
		if (len > cols[i])
			cols[i] = len;
	}
}

/* the counters of the -s table, in iproute2's rtnl_link_stats64 terms */
enum {
	S_RX_BYTES, S_RX_PACKETS, S_RX_ERRORS, S_RX_DROPPED, S_RX_MISSED,
	S_MCAST, S_RX_COMPRESSED, S_RX_LENGTH, S_RX_CRC, S_RX_FRAME,
	S_RX_FIFO, S_RX_OVER, S_RX_NOHANDLER, S_TX_BYTES, S_TX_PACKETS,
	S_TX_ERRORS, S_TX_DROPPED, S_TX_CARRIER, S_COLLISIONS,
	S_TX_COMPRESSED, S_TX_ABORTED, S_TX_FIFO, S_TX_WINDOW, S_TX_HBEAT,
	S_CARRIER_CHANGES, S_N
};

static const rtnl_link_stat_id_t stat_ids[S_CARRIER_CHANGES] = {
	RTNL_LINK_RX_BYTES, RTNL_LINK_RX_PACKETS, RTNL_LINK_RX_ERRORS,
	RTNL_LINK_RX_DROPPED, RTNL_LINK_RX_MISSED_ERR, RTNL_LINK_MULTICAST,
	RTNL_LINK_RX_COMPRESSED, RTNL_LINK_RX_LEN_ERR, RTNL_LINK_RX_CRC_ERR,
	RTNL_LINK_RX_FRAME_ERR, RTNL_LINK_RX_FIFO_ERR, RTNL_LINK_RX_OVER_ERR,
	RTNL_LINK_RX_NOHANDLER, RTNL_LINK_TX_BYTES, RTNL_LINK_TX_PACKETS,
	RTNL_LINK_TX_ERRORS, RTNL_LINK_TX_DROPPED, RTNL_LINK_TX_CARRIER_ERR,
	RTNL_LINK_COLLISIONS, RTNL_LINK_TX_COMPRESSED, RTNL_LINK_TX_ABORT_ERR,
	RTNL_LINK_TX_FIFO_ERR, RTNL_LINK_TX_WIN_ERR, RTNL_LINK_TX_HBEAT_ERR,
};

static void stats_json(struct link_show_ctx *c, const uint64_t *s,
		       bool has_cc)
{
	struct json *j = &c->j;
	bool more = c->sh->o.stats > 1;

	json_key(j, "stats64");
	json_begin_object(j);
	json_key(j, "rx");
	json_begin_object(j);
	json_uint(j, "bytes", s[S_RX_BYTES]);
	json_uint(j, "packets", s[S_RX_PACKETS]);
	json_uint(j, "errors", s[S_RX_ERRORS]);
	json_uint(j, "dropped", s[S_RX_DROPPED]);
	json_uint(j, "over_errors", s[S_RX_OVER]);
	json_uint(j, "multicast", s[S_MCAST]);
	if (s[S_RX_COMPRESSED])
		json_uint(j, "compressed", s[S_RX_COMPRESSED]);
	if (more) {
		json_uint(j, "length_errors", s[S_RX_LENGTH]);
		json_uint(j, "crc_errors", s[S_RX_CRC]);
		json_uint(j, "frame_errors", s[S_RX_FRAME]);
		json_uint(j, "fifo_errors", s[S_RX_FIFO]);
		json_uint(j, "missed_errors", s[S_RX_MISSED]);
		if (s[S_RX_NOHANDLER])
			json_uint(j, "nohandler", s[S_RX_NOHANDLER]);
	}
	json_end_object(j);
	json_key(j, "tx");
	json_begin_object(j);
	json_uint(j, "bytes", s[S_TX_BYTES]);
	json_uint(j, "packets", s[S_TX_PACKETS]);
	json_uint(j, "errors", s[S_TX_ERRORS]);
	json_uint(j, "dropped", s[S_TX_DROPPED]);
	json_uint(j, "carrier_errors", s[S_TX_CARRIER]);
	json_uint(j, "collisions", s[S_COLLISIONS]);
	if (s[S_TX_COMPRESSED])
		json_uint(j, "compressed", s[S_TX_COMPRESSED]);
	if (more) {
		json_uint(j, "aborted_errors", s[S_TX_ABORTED]);
		json_uint(j, "fifo_errors", s[S_TX_FIFO]);
		json_uint(j, "window_errors", s[S_TX_WINDOW]);
		json_uint(j, "heartbeat_errors", s[S_TX_HBEAT]);
		if (has_cc)
			json_uint(j, "carrier_changes", s[S_CARRIER_CHANGES]);
	}
	json_end_object(j);
	json_end_object(j);
}

/* values V[IDX[i]] for size_columns */
static void size_of(struct link_show_ctx *c, unsigned *cols, const uint64_t *s,
		    const int *idx, int n)
{
	uint64_t v[8];

	for (int i = 0; i < n; i++)
		v[i] = idx[i] < 0 ? 0 : s[idx[i]];
	size_columns(c, cols, n, v);
}

void link_show_stats(struct link_show_ctx *c, struct rtnl_link *l)
{
	static const int rx[] = { S_RX_BYTES, S_RX_PACKETS, S_RX_ERRORS,
				  S_RX_DROPPED, S_RX_MISSED, S_MCAST,
				  S_RX_COMPRESSED, -1 };
	static const int rxe[] = { -1, S_RX_LENGTH, S_RX_CRC, S_RX_FRAME,
				   S_RX_FIFO, S_RX_OVER, S_RX_NOHANDLER, -1 };
	static const int tx[] = { S_TX_BYTES, S_TX_PACKETS, S_TX_ERRORS,
				  S_TX_DROPPED, S_TX_CARRIER, S_COLLISIONS,
				  S_TX_COMPRESSED, -1 };
	static const int txe[] = { -1, -1, S_TX_ABORTED, S_TX_FIFO,
				   S_TX_WINDOW, S_TX_HBEAT, S_CARRIER_CHANGES,
				   -1 };
	/* the widths of "*X errors:", "packets", "errors", "dropped",
	 * "heartbt", "overrun", "compressed", "otherhost" */
	unsigned cols[8] = { 10, 7, 6, 7, 7, 7, 10, 9 };
	bool more = c->sh->o.stats > 1;
	uint64_t s[S_N] = { 0 };
	uint32_t cc = 0;
	const char *sl = c->sh->o.oneline ? "\\" : "\n";	/* _SL_ */
	bool has_cc = rtnl_link_get_carrier_changes(l, &cc) == 0;

	for (int i = 0; i < S_CARRIER_CHANGES; i++)
		s[i] = rtnl_link_get_stat(l, stat_ids[i]);
	s[S_CARRIER_CHANGES] = cc;
	if (rtnl_link_get_family(l) == AF_INET6) {
		/* from an AF_INET6 dump (ip -6 address): no link counters,
		 * iproute2 shows some of the IPv6 SNMP ones instead */
		memset(s, 0, sizeof(s));
		s[S_RX_PACKETS] = rtnl_link_get_stat(l, RTNL_LINK_IP6_INPKTS);
		s[S_RX_BYTES] = rtnl_link_get_stat(l, RTNL_LINK_IP6_INOCTETS);
		s[S_TX_PACKETS] = rtnl_link_get_stat(l, RTNL_LINK_IP6_OUTPKTS);
		s[S_TX_BYTES] = rtnl_link_get_stat(l, RTNL_LINK_IP6_OUTOCTETS);
		s[S_RX_ERRORS] = rtnl_link_get_stat(l,
						    RTNL_LINK_IP6_INDISCARDS);
		s[S_TX_ERRORS] = rtnl_link_get_stat(l,
						    RTNL_LINK_IP6_OUTDISCARDS);
		s[S_MCAST] = rtnl_link_get_stat(l, RTNL_LINK_IP6_INMCASTPKTS);
		s[S_RX_FRAME] = rtnl_link_get_stat(l, RTNL_LINK_IP6_CSUMERRORS);
		has_cc = false;
	}
	if (c->sh->o.json) {
		stats_json(c, s, has_cc);
		return;
	}
	size_of(c, cols, s, rx, 8);
	if (more)
		size_of(c, cols, s, rxe, 8);
	size_of(c, cols, s, tx, 8);
	if (more)
		size_of(c, cols, s, txe, 8);
	printf("    RX: %*s %*s %*s %*s %*s %*s %*s%s", (int)cols[0] - 4,
	       "bytes", (int)cols[1], "packets", (int)cols[2], "errors",
	       (int)cols[3], "dropped", (int)cols[4], "missed", (int)cols[5],
	       "mcast", (int)cols[6], s[S_RX_COMPRESSED] ? "compressed" : "",
	       sl);
	fputs("    ", stdout);
	for (int i = 0; i < 6; i++)
		print_num(c, cols[i], s[rx[i]]);
	if (s[S_RX_COMPRESSED])
		print_num(c, cols[6], s[S_RX_COMPRESSED]);
	if (more) {
		printf("%s    RX errors:%*s %*s %*s %*s %*s %*s%*s%s", sl,
		       (int)cols[0] - 10, "", (int)cols[1], "length",
		       (int)cols[2], "crc", (int)cols[3], "frame",
		       (int)cols[4], "fifo", (int)cols[5], "overrun",
		       s[S_RX_NOHANDLER] ? (int)cols[6] + 1 : 0,
		       s[S_RX_NOHANDLER] ? " nohandler" : "", sl);
		printf("%*s", (int)cols[0] + 5, "");
		for (int i = 1; i < 6; i++)
			print_num(c, cols[i], s[rxe[i]]);
		if (s[S_RX_NOHANDLER])
			print_num(c, cols[6], s[S_RX_NOHANDLER]);
	}
	printf("%s    TX: %*s %*s %*s %*s %*s %*s %*s%s", sl, (int)cols[0] - 4,
	       "bytes", (int)cols[1], "packets", (int)cols[2], "errors",
	       (int)cols[3], "dropped", (int)cols[4], "carrier", (int)cols[5],
	       "collsns", (int)cols[6], s[S_TX_COMPRESSED] ? "compressed" : "",
	       sl);
	fputs("    ", stdout);
	for (int i = 0; i < 6; i++)
		print_num(c, cols[i], s[tx[i]]);
	if (s[S_TX_COMPRESSED])
		print_num(c, cols[6], s[S_TX_COMPRESSED]);
	if (more) {
		printf("%s    TX errors:%*s %*s %*s %*s %*s %*s%s", sl,
		       (int)cols[0] - 10, "", (int)cols[1], "aborted",
		       (int)cols[2], "fifo", (int)cols[3], "window",
		       (int)cols[4], "heartbt", (int)cols[5],
		       has_cc ? "transns" : "", sl);
		printf("%*s", (int)cols[0] + 5, "");
		for (int i = 1; i < 5; i++)
			print_num(c, cols[i], s[txe[i + 1]]);
		if (has_cc)
			print_num(c, cols[5], s[S_CARRIER_CHANGES]);
	}
	fputs(sl, stdout);
}

void link_show_end(struct link_show_ctx *c)
{
	if (c->sh->o.json) {
		json_end_array(&c->j);
		json_end(&c->j);
	}
	free_nsids(c);
}
