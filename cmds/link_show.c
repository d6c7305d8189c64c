/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_show.c - `ip link show [dev IFNAME] [up] [group G] [master DEV |
 * vrf DEV | nomaster] [type KIND]`, printed as iproute2 6.1 prints it
 * (ip/ipaddress.c print_linkinfo): the kernel's own RTM_NEWLINK messages,
 * one per link, in text (-o: on one line, -br: brief), -d with each kind's
 * details (the kinds' print()), -s / -s -s with the counters, -j / -j -p
 * with iproute2's keys and types.
 *
 * The same requests as iproute2: RTM_GETLINK of the one link when only a
 * link is named, else one dump (the kernel filters by master and kind).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <linux/if.h>
#include <linux/if_link.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <linux/snmp.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/socket.h>
#include <netlink/route/link.h>

#include "link.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif
#ifndef IFF_DORMANT
#define IFF_DORMANT 0x20000
#endif
#ifndef IFF_ECHO
#define IFF_ECHO 0x40000
#endif

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)

/* a link the show looked up by index, outside what it lists */
struct pr_seen {
	unsigned ifindex;
	unsigned flags;
	bool found;
	char name[IFNAMSIZ];
};

struct link_pr {
	struct nsh *sh;
	struct nl_sock *sk;
	const struct msg_list *links;	/* the show's, for lookups */
	struct pr_seen seen[16];
	int nseen;
	/* nsid -> /run/netns name, made on first use */
	struct { int nsid; char *name; } *ids;
	int nids;
	bool ids_done;
	struct link_filter f;
	char slave_buf[64];	/* type KIND_slave's KIND */
	/* iproute2's do_link (ip link: the link mode, the address
	 * generation mode, the alias and -s counters) and showqueue (the
	 * queue length; not in `ip monitor`) */
	bool do_link;
	bool showqueue;
};

struct nsh *link_pr_sh(const struct link_pr *c)
{
	return c->sh;
}

/* ------------------------------------------------------------ lookups */

static struct ifinfomsg *msg_ifi(const struct nlmsghdr *n)
{
	return nlmsg_data(n);
}

static void parse_link(const struct nlmsghdr *n, struct nlattr **tb)
{
	memset(tb, 0, sizeof(*tb) * (IFLA_MAX + 1));
	if (n->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg)))
		return;
	(void)nla_parse(
		tb, IFLA_MAX,
		(struct nlattr *)((char *)msg_ifi(n) +
				  NLMSG_ALIGN(sizeof(struct ifinfomsg))),
		(int)(n->nlmsg_len - NLMSG_LENGTH(sizeof(struct ifinfomsg))),
		NULL);
}

/* name and flags of link IFINDEX: from the listed messages, or asked
 * for once (as iproute2's ll_index_to_name fills its cache) */
static const struct pr_seen *lookup(struct link_pr *c, unsigned ifindex)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	struct pr_seen *s;

	for (int i = 0; i < c->nseen; i++)
		if (c->seen[i].ifindex == ifindex)
			return &c->seen[i];
	s = &c->seen[c->nseen < (int)ARRAY_SIZE(c->seen) ? c->nseen++ :
			(int)ARRAY_SIZE(c->seen) - 1];
	memset(s, 0, sizeof(*s));
	s->ifindex = ifindex;
	for (int i = 0; c->links && i < c->links->n; i++) {
		struct nlattr *tb[IFLA_MAX + 1];
		struct ifinfomsg *ifi = msg_ifi(c->links->v[i]);

		if ((unsigned)ifi->ifi_index != ifindex)
			continue;
		parse_link(c->links->v[i], tb);
		if (!tb[IFLA_IFNAME])
			continue;
		snprintf(s->name, sizeof(s->name), "%s",
			 nla_get_string(tb[IFLA_IFNAME]));
		s->flags = ifi->ifi_flags;
		s->found = true;
		return s;
	}
	if (rtnl_link_get_kernel(c->sk, (int)ifindex, NULL, &l) == 0 && l &&
	    rtnl_link_get_name(l)) {
		snprintf(s->name, sizeof(s->name), "%s", rtnl_link_get_name(l));
		s->flags = rtnl_link_get_flags(l);
		s->found = true;
	}
	return s;
}

const char *link_pr_ifname(struct link_pr *c, unsigned ifindex)
{
	static char buf[IFNAMSIZ + 8];
	const struct pr_seen *s;

	if (!ifindex)
		return "*";
	s = lookup(c, ifindex);
	if (s->found)
		return s->name;
	snprintf(buf, sizeof(buf), "if%u", ifindex);
	return buf;
}

/* the /run/netns name of the namespace with id NSID here, or NULL; each
 * /run/netns entry asked once per show (iproute2's netns_map_init) */
static const char *nsid_name(struct link_pr *c, int nsid)
{
	if (!c->ids_done) {
		DIR *d = opendir(NETNS_RUN_DIR);
		struct dirent *de;

		c->ids_done = true;
		while (d && (de = readdir(d))) {
			char path[512];
			void *nv;
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
			nv = realloc(c->ids, sizeof(*c->ids) *
						     (size_t)(c->nids + 1));
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
	for (int i = 0; i < c->nids; i++)
		if (c->ids[i].nsid == nsid)
			return c->ids[i].name;
	return NULL;
}

/* ------------------------------------------------------------ fields */

static bool numeric(const struct link_pr *c)
{
	return c->sh->o.numeric;
}

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

/* "<BROADCAST,UP,LOWER_UP> ": the bits without a name in hex, M-DOWN
 * when MDOWN (the link below is down) */
void link_pr_flags(unsigned flags, bool mdown)
{
	const char *words[LINK_FLAG_WORDS];
	unsigned rest;
	int n = link_flag_words(flags, words, &rest);

	pr_arr_open(PR_ANY, pr_json() ? "flags" : "<");
	for (int i = 0; i < n; i++)
		pr_string(PR_ANY, NULL, i + 1 < n || rest ? "%s," : "%s",
			  words[i]);
	if (rest)
		pr_hex(PR_ANY, NULL, "%x", rest);
	if (mdown)
		pr_string(PR_ANY, NULL, ",%s", "M-DOWN");
	pr_arr_close(PR_ANY, "> ");
}

static const char *const operstates[] = {
	"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
	"TESTING", "DORMANT", "UP",
};

const char *link_operstate_name(unsigned st)
{
	return st < ARRAY_SIZE(operstates) ? operstates[st] : "UNKNOWN";
}

static enum pr_color state_color(uint8_t state)
{
	return state == IF_OPER_UP ? PC_UP :
	       state == IF_OPER_DOWN ? PC_DOWN : PC_NONE;
}

static void print_operstate(const struct link_pr *c, uint8_t state)
{
	if (state >= ARRAY_SIZE(operstates)) {
		if (pr_json())
			pr_uint(PR_JSON, "operstate_index", NULL, state);
		else
			pr_0xhex(PR_FP, NULL, "state %#llx", state);
	} else if (c->sh->o.brief) {
		pr_color_string(PR_ANY, state_color(state), "operstate",
				"%-14s ", operstates[state]);
	} else if (pr_json()) {
		pr_string(PR_JSON, "operstate", NULL, operstates[state]);
	} else {
		printf("state ");
		pr_color_string(PR_FP, state_color(state), NULL, "%s ",
				operstates[state]);
	}
}

/* "v1@v2", "v1@if7" (its link in another namespace), "v1@NONE"; JSON
 * "link"/"link_index" before "ifname".  True: the link below is down */
static bool print_name_and_link(struct link_pr *c, const char *fmt,
				const char *name, struct nlattr **tb)
{
	char b[2 * IFNAMSIZ + 16], idx[24];
	const char *link = NULL;
	bool mdown = false;

	if (tb[IFLA_LINK]) {
		unsigned iflink = nla_get_u32(tb[IFLA_LINK]);

		if (iflink && tb[IFLA_LINK_NETNSID]) {
			if (pr_json()) {
				pr_int(PR_JSON, "link_index", NULL,
				       (int)iflink);
			} else {
				snprintf(idx, sizeof(idx), "if%u", iflink);
				link = idx;
			}
		} else if (iflink) {
			const struct pr_seen *s = lookup(c, iflink);

			link = link_pr_ifname(c, iflink);
			if (pr_json()) {
				pr_string(PR_JSON, "link", NULL, link);
				link = NULL;
			}
			/* iproute2 knows the flags only of links it has
			 * seen: an unknown one is not said to be down */
			mdown = s->found && !(s->flags & IFF_UP);
		} else if (pr_json()) {
			pr_null(PR_JSON, "link", NULL, NULL);
		} else {
			link = "NONE";
		}
		if (link) {
			snprintf(b, sizeof(b), "%s@%s", name, link);
			name = b;
		}
	}
	pr_color_string(PR_ANY, PC_IFNAME, "ifname", fmt, name);
	return mdown;
}

static void print_addr_gen_mode(struct nlattr *af_spec)
{
	struct nlattr *tb[IFLA_INET6_MAX + 1], *in6 = NULL, *a;
	const char *s;
	char b[16];
	int rem;

	nla_for_each_nested(a, af_spec, rem)
		if (nla_type(a) == AF_INET6)
			in6 = a;
	if (!in6 || nla_parse_nested(tb, IFLA_INET6_MAX, in6, NULL) < 0 ||
	    !tb[IFLA_INET6_ADDR_GEN_MODE])
		return;
	switch (nla_get_u8(tb[IFLA_INET6_ADDR_GEN_MODE])) {
	case IN6_ADDR_GEN_MODE_EUI64: s = "eui64"; break;
	case IN6_ADDR_GEN_MODE_NONE: s = "none"; break;
	case IN6_ADDR_GEN_MODE_STABLE_PRIVACY: s = "stable_secret"; break;
	case IN6_ADDR_GEN_MODE_RANDOM: s = "random"; break;
	default:
		snprintf(b, sizeof(b), "%#.2hhx",
			 nla_get_u8(tb[IFLA_INET6_ADDR_GEN_MODE]));
		s = b;
	}
	pr_string(PR_ANY, "inet6_addr_gen_mode", "addrgenmode %s ", s);
}

/* the kind's (and the port's) details: "\n    veth …", "linkinfo" */
static void print_linktype(struct link_pr *c, struct nlattr *li)
{
	struct nlattr *info[IFLA_INFO_MAX + 1], *tb[LINK_KIND_MAXATTR + 1];
	const struct link_kind *k;
	bool have;

	if (nla_parse_nested(info, IFLA_INFO_MAX, li, NULL) < 0)
		return;
	pr_obj_open("linkinfo");
	for (int slave = 0; slave < 2; slave++) {
		struct nlattr *kind = info[slave ? IFLA_INFO_SLAVE_KIND :
						   IFLA_INFO_KIND];
		struct nlattr *data = info[slave ? IFLA_INFO_SLAVE_DATA :
						   IFLA_INFO_DATA];
		char name[64];

		if (!kind)
			continue;
		snprintf(name, sizeof(name), "%s%s", nla_get_string(kind),
			 slave ? "_slave" : "");
		pr_nl();
		pr_string(PR_ANY, slave ? "info_slave_kind" : "info_kind",
			  slave ? "    %s_slave " : "    %s ",
			  nla_get_string(kind));
		k = link_kind_find(name);
		if (!k || !k->print || k->maxattr >= LINK_KIND_MAXATTR)
			continue;
		have = data && nla_parse_nested(tb, k->maxattr, data,
						NULL) == 0;
		pr_obj_open(slave ? "info_slave_data" : "info_data");
		k->print(c, have ? tb : NULL);
		pr_obj_close();
	}
	pr_obj_close();
}

static void print_proto_down(struct nlattr **tb)
{
	struct nlattr *reason[IFLA_PROTO_DOWN_REASON_MAX + 1];
	bool start = true;
	uint8_t r;

	if (tb[IFLA_PROTO_DOWN] && nla_get_u8(tb[IFLA_PROTO_DOWN]))
		pr_bool(PR_ANY, "proto_down", " protodown on ", true);
	if (!tb[IFLA_PROTO_DOWN_REASON] ||
	    nla_parse_nested(reason, IFLA_PROTO_DOWN_REASON_MAX,
			     tb[IFLA_PROTO_DOWN_REASON], NULL) < 0)
		return;
	/* iproute2 6.1 tests the link's attribute of this number (its
	 * address), then reads the reason as one byte */
	if (!tb[IFLA_PROTO_DOWN_REASON_VALUE] ||
	    !reason[IFLA_PROTO_DOWN_REASON_VALUE])
		return;
	r = nla_get_u8(reason[IFLA_PROTO_DOWN_REASON_VALUE]);
	if (!r)
		return;
	pr_arr_open(PR_ANY, pr_json() ? "proto_down_reason" :
					"protodown_reason <");
	for (int i = 0; r; i++, r >>= 1) {
		char b[16];

		if (!(r & 1))
			continue;
		snprintf(b, sizeof(b), "%d", i);
		pr_string(PR_ANY, NULL, start ? "%s" : ",%s", b);
		start = false;
	}
	pr_arr_close(PR_ANY, ">");
}

static void print_xdp(struct nlattr *xdp)
{
	struct nlattr *tb[IFLA_XDP_MAX + 1];
	static const char *const modes[] = {
		[XDP_ATTACHED_DRV] = "xdp", [XDP_ATTACHED_SKB] = "xdpgeneric",
		[XDP_ATTACHED_HW] = "xdpoffload",
		[XDP_ATTACHED_MULTI] = "xdpmulti",
	};
	uint8_t mode;

	if (nla_parse_nested(tb, IFLA_XDP_MAX, xdp, NULL) < 0 ||
	    !tb[IFLA_XDP_ATTACHED])
		return;
	mode = nla_get_u8(tb[IFLA_XDP_ATTACHED]);
	if (mode == XDP_ATTACHED_NONE)
		return;
	if (pr_json()) {
		pr_obj_open("xdp");
		pr_uint(PR_JSON, "mode", NULL, mode);
		pr_arr_open(PR_JSON, "attached");
		pr_arr_close(PR_JSON, NULL);
		pr_obj_close();
		return;
	}
	if (mode < ARRAY_SIZE(modes) && modes[mode])
		printf("%s", modes[mode]);
	else
		printf("xdp[%u]", mode);
	printf(" ");
}

/* ------------------------------------------------------------ counters */

static void stats_columns(unsigned *cols, bool human, int n, ...)
{
	va_list ap;

	va_start(ap, n);
	for (int i = 0; i < n; i++) {
		uint64_t v = va_arg(ap, uint64_t);
		unsigned len;

		if (human)
			continue;
		for (len = 1; v > 9; len++, v /= 10)
			;
		if (len > cols[i])
			cols[i] = len;
	}
	va_end(ap);
}

static void print_stats_json(const struct link_pr *c,
			     const struct rtnl_link_stats64 *s,
			     const struct nlattr *cc, const char *what)
{
	int more = c->sh->o.stats > 1;

	pr_obj_open(what);
	pr_obj_open("rx");
	pr_u64(PR_JSON, "bytes", NULL, s->rx_bytes);
	pr_u64(PR_JSON, "packets", NULL, s->rx_packets);
	pr_u64(PR_JSON, "errors", NULL, s->rx_errors);
	pr_u64(PR_JSON, "dropped", NULL, s->rx_dropped);
	pr_u64(PR_JSON, "over_errors", NULL, s->rx_over_errors);
	pr_u64(PR_JSON, "multicast", NULL, s->multicast);
	if (s->rx_compressed)
		pr_u64(PR_JSON, "compressed", NULL, s->rx_compressed);
	if (more) {
		pr_u64(PR_JSON, "length_errors", NULL, s->rx_length_errors);
		pr_u64(PR_JSON, "crc_errors", NULL, s->rx_crc_errors);
		pr_u64(PR_JSON, "frame_errors", NULL, s->rx_frame_errors);
		pr_u64(PR_JSON, "fifo_errors", NULL, s->rx_fifo_errors);
		pr_u64(PR_JSON, "missed_errors", NULL, s->rx_missed_errors);
		if (s->rx_nohandler)
			pr_u64(PR_JSON, "nohandler", NULL, s->rx_nohandler);
		if (s->rx_otherhost_dropped)
			pr_u64(PR_JSON, "otherhost", NULL,
			       s->rx_otherhost_dropped);
	}
	pr_obj_close();
	pr_obj_open("tx");
	pr_u64(PR_JSON, "bytes", NULL, s->tx_bytes);
	pr_u64(PR_JSON, "packets", NULL, s->tx_packets);
	pr_u64(PR_JSON, "errors", NULL, s->tx_errors);
	pr_u64(PR_JSON, "dropped", NULL, s->tx_dropped);
	pr_u64(PR_JSON, "carrier_errors", NULL, s->tx_carrier_errors);
	pr_u64(PR_JSON, "collisions", NULL, s->collisions);
	if (s->tx_compressed)
		pr_u64(PR_JSON, "compressed", NULL, s->tx_compressed);
	if (more) {
		pr_u64(PR_JSON, "aborted_errors", NULL, s->tx_aborted_errors);
		pr_u64(PR_JSON, "fifo_errors", NULL, s->tx_fifo_errors);
		pr_u64(PR_JSON, "window_errors", NULL, s->tx_window_errors);
		pr_u64(PR_JSON, "heartbeat_errors", NULL,
		       s->tx_heartbeat_errors);
		if (cc)
			pr_u64(PR_JSON, "carrier_changes", NULL,
			       nla_get_u32((struct nlattr *)cc));
	}
	pr_obj_close();
	pr_obj_close();
}

/* the RX and TX tables of -s (and their error lines with -s -s) */
static void print_stats_text(const struct link_pr *c,
			     const struct rtnl_link_stats64 *s,
			     const struct nlattr *cc)
{
	bool h = c->sh->o.human, iec = c->sh->o.iec;
	int more = c->sh->o.stats > 1;
	const char *sl = pr_sl();
	uint64_t nc = cc ? nla_get_u32((struct nlattr *)cc) : 0, z = 0;
	unsigned cols[] = { 10, 7, 6, 7, 7, 7, 10, 9 };

	stats_columns(cols, h, 8, s->rx_bytes, s->rx_packets, s->rx_errors,
		      s->rx_dropped, s->rx_missed_errors, s->multicast,
		      s->rx_compressed, z);
	if (more)
		stats_columns(cols, h, 8, z, s->rx_length_errors,
			      s->rx_crc_errors, s->rx_frame_errors,
			      s->rx_fifo_errors, s->rx_over_errors,
			      s->rx_nohandler, s->rx_otherhost_dropped);
	stats_columns(cols, h, 8, s->tx_bytes, s->tx_packets, s->tx_errors,
		      s->tx_dropped, s->tx_carrier_errors, s->collisions,
		      s->tx_compressed, z);
	if (more)
		stats_columns(cols, h, 8, z, z, s->tx_aborted_errors,
			      s->tx_fifo_errors, s->tx_window_errors,
			      s->tx_heartbeat_errors, nc, z);

	printf("    RX: %*s %*s %*s %*s %*s %*s %*s%s", (int)cols[0] - 4,
	       "bytes", (int)cols[1], "packets", (int)cols[2], "errors",
	       (int)cols[3], "dropped", (int)cols[4], "missed", (int)cols[5],
	       "mcast", (int)cols[6], s->rx_compressed ? "compressed" : "",
	       sl);
	printf("    ");
	pr_num(cols[0], s->rx_bytes, h, iec);
	pr_num(cols[1], s->rx_packets, h, iec);
	pr_num(cols[2], s->rx_errors, h, iec);
	pr_num(cols[3], s->rx_dropped, h, iec);
	pr_num(cols[4], s->rx_missed_errors, h, iec);
	pr_num(cols[5], s->multicast, h, iec);
	if (s->rx_compressed)
		pr_num(cols[6], s->rx_compressed, h, iec);
	if (more) {
		printf("%s", sl);
		printf("    RX errors:%*s %*s %*s %*s %*s %*s%*s%*s%s",
		       (int)cols[0] - 10, "", (int)cols[1], "length",
		       (int)cols[2], "crc", (int)cols[3], "frame",
		       (int)cols[4], "fifo", (int)cols[5], "overrun",
		       s->rx_nohandler ? (int)cols[6] + 1 : 0,
		       s->rx_nohandler ? " nohandler" : "",
		       s->rx_otherhost_dropped ? (int)cols[7] + 1 : 0,
		       s->rx_otherhost_dropped ? " otherhost" : "", sl);
		printf("%*s", (int)cols[0] + 5, "");
		pr_num(cols[1], s->rx_length_errors, h, iec);
		pr_num(cols[2], s->rx_crc_errors, h, iec);
		pr_num(cols[3], s->rx_frame_errors, h, iec);
		pr_num(cols[4], s->rx_fifo_errors, h, iec);
		pr_num(cols[5], s->rx_over_errors, h, iec);
		if (s->rx_nohandler)
			pr_num(cols[6], s->rx_nohandler, h, iec);
		if (s->rx_otherhost_dropped)
			pr_num(cols[7], s->rx_otherhost_dropped, h, iec);
	}
	printf("%s", sl);
	printf("    TX: %*s %*s %*s %*s %*s %*s %*s%s", (int)cols[0] - 4,
	       "bytes", (int)cols[1], "packets", (int)cols[2], "errors",
	       (int)cols[3], "dropped", (int)cols[4], "carrier",
	       (int)cols[5], "collsns", (int)cols[6],
	       s->tx_compressed ? "compressed" : "", sl);
	printf("    ");
	pr_num(cols[0], s->tx_bytes, h, iec);
	pr_num(cols[1], s->tx_packets, h, iec);
	pr_num(cols[2], s->tx_errors, h, iec);
	pr_num(cols[3], s->tx_dropped, h, iec);
	pr_num(cols[4], s->tx_carrier_errors, h, iec);
	pr_num(cols[5], s->collisions, h, iec);
	if (s->tx_compressed)
		pr_num(cols[6], s->tx_compressed, h, iec);
	if (more) {
		printf("%s", sl);
		printf("    TX errors:%*s %*s %*s %*s %*s %*s%s",
		       (int)cols[0] - 10, "", (int)cols[1], "aborted",
		       (int)cols[2], "fifo", (int)cols[3], "window",
		       (int)cols[4], "heartbt", (int)cols[5],
		       cc ? "transns" : "", sl);
		printf("%*s", (int)cols[0] + 5, "");
		pr_num(cols[1], s->tx_aborted_errors, h, iec);
		pr_num(cols[2], s->tx_fifo_errors, h, iec);
		pr_num(cols[3], s->tx_window_errors, h, iec);
		pr_num(cols[4], s->tx_heartbeat_errors, h, iec);
		if (cc)
			pr_num(cols[5], nc, h, iec);
	}
}

/* the I-th 64-bit counter at P (netlink aligns attributes to 4 bytes
 * only: no uint64_t loads) */
static uint64_t mib_at(const void *p, int i)
{
	uint64_t v;

	memcpy(&v, (const char *)p + (size_t)i * sizeof(v), sizeof(v));
	return v;
}

/* the IPv6 counters an AF_INET6 link message has (ip -6 address -s) in
 * place of the link's, as iproute2's get_snmp_counters */
static void snmp_counters(struct rtnl_link_stats64 *s, struct nlattr *info)
{
	struct nlattr *tb[IFLA_INET6_MAX + 1];
	const void *mib;

	if (nla_parse_nested(tb, IFLA_INET6_MAX, info, NULL) < 0 ||
	    !tb[IFLA_INET6_STATS] ||
	    nla_len(tb[IFLA_INET6_STATS]) <
		    (int)(IPSTATS_MIB_CSUMERRORS + 1) * 8)
		return;
	mib = nla_data(tb[IFLA_INET6_STATS]);
	s->rx_packets = mib_at(mib, IPSTATS_MIB_INPKTS);
	s->rx_bytes = mib_at(mib, IPSTATS_MIB_INOCTETS);
	s->tx_packets = mib_at(mib, IPSTATS_MIB_OUTPKTS);
	s->tx_bytes = mib_at(mib, IPSTATS_MIB_OUTOCTETS);
	s->rx_errors = mib_at(mib, IPSTATS_MIB_INDISCARDS);
	s->tx_errors = mib_at(mib, IPSTATS_MIB_OUTDISCARDS);
	s->multicast = mib_at(mib, IPSTATS_MIB_INMCASTPKTS);
	s->rx_frame_errors = mib_at(mib, IPSTATS_MIB_CSUMERRORS);
}

static void print_stats(const struct link_pr *c, struct nlattr **tb)
{
	struct rtnl_link_stats64 s = { 0 };
	const char *what = "stats64";
	struct nlattr *a = tb[IFLA_STATS64];

	if (a) {
		memcpy(&s, nla_data(a), (size_t)nla_len(a) < sizeof(s) ?
						(size_t)nla_len(a) :
						sizeof(s));
	} else if (tb[IFLA_STATS]) {
		struct rtnl_link_stats o = { 0 };
		uint32_t *from = (uint32_t *)&o;
		uint64_t *to = (uint64_t *)&s;

		a = tb[IFLA_STATS];
		memcpy(&o, nla_data(a), (size_t)nla_len(a) < sizeof(o) ?
						(size_t)nla_len(a) :
						sizeof(o));
		for (size_t i = 0; i < sizeof(o) / sizeof(*from); i++)
			to[i] = from[i];
		what = "stats";
	} else if (tb[IFLA_PROTINFO]) {
		snmp_counters(&s, tb[IFLA_PROTINFO]);
	} else {
		return;
	}
	if (pr_json())
		print_stats_json(c, &s, tb[IFLA_CARRIER_CHANGES], what);
	else
		print_stats_text(c, &s, tb[IFLA_CARRIER_CHANGES]);
}

/* ------------------------------------------------------------ one link */

static int print_brief(struct link_pr *c, const char *name,
		       const struct ifinfomsg *ifi, struct nlattr **tb)
{
	bool mdown = print_name_and_link(c, "%-16s ", name, tb);
	char b[64];

	if (tb[IFLA_OPERSTATE])
		print_operstate(c, nla_get_u8(tb[IFLA_OPERSTATE]));
	/* ip address leaves the line open for the addresses */
	if (c->f.family != AF_PACKET)
		return 0;
	if (tb[IFLA_ADDRESS])
		pr_color_string(PR_ANY, PC_MAC, "address", "%s ",
			  pr_lladdr(nla_data(tb[IFLA_ADDRESS]),
				    nla_len(tb[IFLA_ADDRESS]), ifi->ifi_type,
				    b, sizeof(b)));
	link_pr_flags(ifi->ifi_flags, mdown);
	pr_string(PR_FP, NULL, "%s", "\n");
	return 0;
}

static void print_lladdrs(struct link_pr *c, const struct ifinfomsg *ifi,
			  struct nlattr **tb)
{
	char b[64];

	pr_nl();
	pr_string(PR_ANY, "link_type", "    link/%s ",
		  pr_lltype(ifi->ifi_type, numeric(c), b, sizeof(b)));
	if (tb[IFLA_ADDRESS])
		pr_color_string(PR_ANY, PC_MAC, "address", "%s",
			  pr_lladdr(nla_data(tb[IFLA_ADDRESS]),
				    nla_len(tb[IFLA_ADDRESS]), ifi->ifi_type,
				    b, sizeof(b)));
	if (tb[IFLA_BROADCAST]) {
		if (ifi->ifi_flags & IFF_POINTOPOINT) {
			pr_string(PR_FP, NULL, " peer ", NULL);
			pr_bool(PR_JSON, "link_pointtopoint", NULL, true);
		} else {
			pr_string(PR_FP, NULL, " brd ", NULL);
		}
		pr_color_string(PR_ANY, PC_MAC, "broadcast", "%s",
			  pr_lladdr(nla_data(tb[IFLA_BROADCAST]),
				    nla_len(tb[IFLA_BROADCAST]),
				    ifi->ifi_type, b, sizeof(b)));
	}
	if (tb[IFLA_PERM_ADDRESS]) {
		int len = nla_len(tb[IFLA_PERM_ADDRESS]);

		if (!tb[IFLA_ADDRESS] || nla_len(tb[IFLA_ADDRESS]) != len ||
		    memcmp(nla_data(tb[IFLA_PERM_ADDRESS]),
			   nla_data(tb[IFLA_ADDRESS]), (size_t)len)) {
			pr_string(PR_FP, NULL, " permaddr ", NULL);
			pr_color_string(PR_ANY, PC_MAC, "permaddr", "%s",
				  pr_lladdr(nla_data(tb[IFLA_PERM_ADDRESS]),
					    len, ifi->ifi_type, b,
					    sizeof(b)));
		}
	}
}

static void print_netnsid(struct link_pr *c, struct nlattr **tb)
{
	if (tb[IFLA_LINK_NETNSID]) {
		int id = (int)nla_get_u32(tb[IFLA_LINK_NETNSID]);
		const char *name;

		if (pr_json())
			pr_int(PR_JSON, "link_netnsid", NULL, id);
		else if (id < 0)
			pr_string(PR_FP, NULL, " link-netnsid %s", "unknown");
		else if ((name = nsid_name(c, id)))
			pr_string(PR_FP, NULL, " link-netns %s", name);
		else
			pr_int(PR_FP, NULL, " link-netnsid %d", id);
	}
	if (tb[IFLA_NEW_NETNSID]) {
		int id = (int)nla_get_u32(tb[IFLA_NEW_NETNSID]);
		const char *name = nsid_name(c, id);

		if (name)
			pr_string(PR_FP, NULL, " new-netns %s", name);
		else
			pr_int(PR_FP, NULL, " new-netnsid %d", id);
	}
	if (tb[IFLA_NEW_IFINDEX])
		pr_int(PR_FP, NULL, " new-ifindex %d",
		       (int)nla_get_u32(tb[IFLA_NEW_IFINDEX]));
}

static void print_u32_attr(struct nlattr **tb, int attr, const char *key,
			   const char *fmt)
{
	if (tb[attr])
		pr_uint(PR_ANY, key, fmt, nla_get_u32(tb[attr]));
}

static void print_details(struct link_pr *c, struct nlattr **tb)
{
	char b[128];

	print_u32_attr(tb, IFLA_PROMISCUITY, "promiscuity", " promiscuity %u ");
	print_u32_attr(tb, IFLA_ALLMULTI, "allmulti", " allmulti %u ");
	print_u32_attr(tb, IFLA_MIN_MTU, "min_mtu", "minmtu %u ");
	print_u32_attr(tb, IFLA_MAX_MTU, "max_mtu", "maxmtu %u ");
	if (tb[IFLA_LINKINFO])
		print_linktype(c, tb[IFLA_LINKINFO]);
	if (tb[IFLA_AF_SPEC] && c->do_link)
		print_addr_gen_mode(tb[IFLA_AF_SPEC]);
	print_u32_attr(tb, IFLA_NUM_TX_QUEUES, "num_tx_queues",
		       "numtxqueues %u ");
	print_u32_attr(tb, IFLA_NUM_RX_QUEUES, "num_rx_queues",
		       "numrxqueues %u ");
	print_u32_attr(tb, IFLA_GSO_MAX_SIZE, "gso_max_size",
		       "gso_max_size %u ");
	print_u32_attr(tb, IFLA_GSO_MAX_SEGS, "gso_max_segs",
		       "gso_max_segs %u ");
	print_u32_attr(tb, IFLA_TSO_MAX_SIZE, "tso_max_size",
		       "tso_max_size %u ");
	print_u32_attr(tb, IFLA_TSO_MAX_SEGS, "tso_max_segs",
		       "tso_max_segs %u ");
	print_u32_attr(tb, IFLA_GRO_MAX_SIZE, "gro_max_size",
		       "gro_max_size %u ");
	if (tb[IFLA_PHYS_PORT_NAME])
		pr_string(PR_ANY, "phys_port_name", "portname %s ",
			  nla_get_string(tb[IFLA_PHYS_PORT_NAME]));
	if (tb[IFLA_PHYS_PORT_ID])
		pr_string(PR_ANY, "phys_port_id", "portid %s ",
			  pr_hexstring(nla_data(tb[IFLA_PHYS_PORT_ID]),
				       nla_len(tb[IFLA_PHYS_PORT_ID]), b,
				       sizeof(b)));
	if (tb[IFLA_PHYS_SWITCH_ID])
		pr_string(PR_ANY, "phys_switch_id", "switchid %s ",
			  pr_hexstring(nla_data(tb[IFLA_PHYS_SWITCH_ID]),
				       nla_len(tb[IFLA_PHYS_SWITCH_ID]), b,
				       sizeof(b)));
	if (tb[IFLA_PARENT_DEV_BUS_NAME])
		pr_string(PR_ANY, "parentbus", "parentbus %s ",
			  nla_get_string(tb[IFLA_PARENT_DEV_BUS_NAME]));
	if (tb[IFLA_PARENT_DEV_NAME])
		pr_string(PR_ANY, "parentdev", "parentdev %s ",
			  nla_get_string(tb[IFLA_PARENT_DEV_NAME]));
}

static void print_altnames(struct nlattr *list)
{
	struct nlattr *a;
	int rem;

	pr_arr_open(PR_JSON, "altnames");
	nla_for_each_nested(a, list, rem) {
		if (nla_type(a) != IFLA_ALT_IFNAME)
			continue;
		pr_string(PR_FP, NULL, "%s    altname ", pr_sl());
		pr_string(PR_ANY, NULL, "%s", nla_get_string(a));
	}
	pr_arr_close(PR_JSON, NULL);
}

static bool kind_is(struct nlattr **tb, const char *kind, bool slave)
{
	struct nlattr *info[IFLA_INFO_MAX + 1];
	const char *k = "";

	if (!tb[IFLA_LINKINFO])
		return false;
	if (nla_parse_nested(info, IFLA_INFO_MAX, tb[IFLA_LINKINFO],
			     NULL) == 0 &&
	    info[slave ? IFLA_INFO_SLAVE_KIND : IFLA_INFO_KIND])
		k = nla_get_string(info[slave ? IFLA_INFO_SLAVE_KIND :
						IFLA_INFO_KIND]);
	return streq(k, kind);
}

/* "qlen N": the message's, or (an AF_INET6 link message has none) the
 * link's by an ioctl, as iproute2's print_queuelen */
static void print_queuelen(struct link_pr *c, const char *name,
			   struct nlattr **tb)
{
	struct ifreq ifr = { 0 };
	int qlen;

	if (tb[IFLA_TXQLEN]) {
		qlen = (int)nla_get_u32(tb[IFLA_TXQLEN]);
	} else {
		snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
		if (ioctl(nl_socket_get_fd(c->sk), SIOCGIFTXQLEN, &ifr) < 0)
			return;
		qlen = ifr.ifr_qlen;
	}
	if (qlen)
		pr_int(PR_ANY, "txqlen", "qlen %d", qlen);
}

/*
 * print_link - one link as print_linkinfo prints it: -1 when a filter
 * leaves it out, 0 when nothing is printed (a label filter), 1 printed.
 */
static int print_link(struct link_pr *c, const struct nlmsghdr *n)
{
	const struct ifinfomsg *ifi = msg_ifi(n);
	struct nlattr *tb[IFLA_MAX + 1];
	const struct nsh_opts *o = &c->sh->o;
	const char *name;
	char b[64];
	bool mdown;

	if ((n->nlmsg_type != RTM_NEWLINK && n->nlmsg_type != RTM_DELLINK) ||
	    n->nlmsg_len < NLMSG_LENGTH(sizeof(*ifi)))
		return -1;
	if (c->f.up && !(ifi->ifi_flags & IFF_UP))
		return -1;
	parse_link(n, tb);
	if (!tb[IFLA_IFNAME])
		return -1;
	name = nla_get_string(tb[IFLA_IFNAME]);
	if (c->f.label)
		return 0;
	if (tb[IFLA_GROUP] && c->f.group != -1 &&
	    nla_get_u32(tb[IFLA_GROUP]) != (uint32_t)c->f.group)
		return -1;
	if (c->f.master > 0 &&
	    (!tb[IFLA_MASTER] ||
	     nla_get_u32(tb[IFLA_MASTER]) != (uint32_t)c->f.master))
		return -1;
	if (c->f.kind && !kind_is(tb, c->f.kind, false))
		return -1;
	if (c->f.slave_kind && !kind_is(tb, c->f.slave_kind, true))
		return -1;
	if (n->nlmsg_type == RTM_DELLINK)
		pr_bool(PR_ANY, "deleted", "Deleted ", true);
	if (o->brief)
		return print_brief(c, name, ifi, tb);

	pr_int(PR_ANY, "ifindex", "%d: ", ifi->ifi_index);
	mdown = print_name_and_link(c, "%s: ", name, tb);
	link_pr_flags(ifi->ifi_flags, mdown);
	if (tb[IFLA_MTU])
		pr_int(PR_ANY, "mtu", "mtu %u ",
		       (int)nla_get_u32(tb[IFLA_MTU]));
	if (tb[IFLA_XDP])
		print_xdp(tb[IFLA_XDP]);
	if (tb[IFLA_QDISC])
		pr_string(PR_ANY, "qdisc", "qdisc %s ",
			  nla_get_string(tb[IFLA_QDISC]));
	if (tb[IFLA_MASTER])
		pr_string(PR_ANY, "master", "master %s ",
			  link_pr_ifname(c, nla_get_u32(tb[IFLA_MASTER])));
	if (tb[IFLA_OPERSTATE])
		print_operstate(c, nla_get_u8(tb[IFLA_OPERSTATE]));
	if (tb[IFLA_LINKMODE] && c->do_link) {
		uint8_t m = nla_get_u8(tb[IFLA_LINKMODE]);

		if (m > 1)
			pr_int(PR_ANY, "linkmode_index", "mode %d ", m);
		else
			pr_string(PR_ANY, "linkmode", "mode %s ",
				  m ? "DORMANT" : "DEFAULT");
	}
	if (tb[IFLA_GROUP])
		pr_string(PR_ANY, "group", "group %s ",
			  rt_group_n2a(nla_get_u32(tb[IFLA_GROUP]), b,
				       sizeof(b)));
	if (c->showqueue)
		print_queuelen(c, name, tb);
	if (tb[IFLA_EVENT]) {
		static const char *const ev[] = {
			"NONE", "REBOOT", "FEATURE CHANGE",
			"BONDING FAILOVER", "NOTIFY PEERS", "RESEND IGMP",
			"BONDING OPTION",
		};
		uint32_t e = nla_get_u32(tb[IFLA_EVENT]);

		if (e >= ARRAY_SIZE(ev))
			pr_int(PR_ANY, "event", "event %d ", (int)e);
		else if (e)
			pr_string(PR_ANY, "event", "event %s ", ev[e]);
	}
	/* -4/-6 (ip address) leave the link-layer line out */
	if (!c->f.family || c->f.family == AF_PACKET || o->details)
		print_lladdrs(c, ifi, tb);
	print_netnsid(c, tb);
	if (tb[IFLA_PROTO_DOWN])
		print_proto_down(tb);
	if (o->details)
		print_details(c, tb);
	if (tb[IFLA_IFALIAS] && (c->do_link || o->details)) {
		pr_string(PR_FP, NULL, "%s    ", pr_sl());
		pr_string(PR_ANY, "ifalias", "alias %s",
			  nla_get_string(tb[IFLA_IFALIAS]));
	}
	if (o->stats && c->do_link) {
		pr_nl();
		print_stats(c, tb);
	}
	if (tb[IFLA_PROP_LIST])
		print_altnames(tb[IFLA_PROP_LIST]);
	pr_string(PR_FP, NULL, "%s", "\n");
	return 1;
}

/* ------------------------------------------------------------ requests */

int link_get_list(struct nsh *sh, struct nl_sock *sk, const char *name,
		  int ifindex, uint32_t mask, struct msg_list *ret)
{
	struct nlmsghdr *h;
	char d[300];
	int err = link_get_msg(sk, ifindex, name, mask, &h);

	if (err == -ENODEV)
		return link_no_such(sh, &sh->cur, name ? name : "(the link)");
	if (err < 0)
		return nsh_err(sh, "cannot list the links of %s: %s",
			       ns_desc(&sh->cur, d, sizeof(d)),
			       strerror(-err));
	ret->v = malloc(sizeof(*ret->v));
	if (!ret->v) {
		free(h);
		return nsh_err(sh, "out of memory");
	}
	ret->v[0] = h;
	ret->n = ret->cap = 1;
	return 0;
}

DEFINE_PUTP(struct nl_msg, nlmsg_free)

int link_dump(struct nsh *sh, struct nl_sock *sk, int family,
	      const struct link_filter *f, struct msg_list *ret)
{
	_cleanup_(nlmsg_freep) struct nl_msg *m = nlmsg_alloc();
	struct ifinfomsg ifi = { .ifi_family = (unsigned char)family };
	struct nlattr *li;

	if (!m || nlmsg_append(m, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	/* another family's request is the bare header */
	if (family != AF_UNSPEC && family != AF_PACKET)
		goto send;
	if (nla_put_u32(m, IFLA_EXT_MASK, RTEXT_FILTER_VF) < 0 ||
	    (f->master && nla_put_u32(m, IFLA_MASTER,
				      (uint32_t)f->master) < 0))
		return nsh_err(sh, "out of memory");
	if (f->kind) {
		li = nla_nest_start(m, IFLA_LINKINFO);
		if (!li || nla_put(m, IFLA_INFO_KIND, (int)strlen(f->kind),
				   f->kind) < 0)
			return nsh_err(sh, "out of memory");
		nla_nest_end(m, li);
	}
send:
	return dump_msgs(sh, sk, RTM_GETLINK, nlmsg_data(nlmsg_hdr(m)),
			 (size_t)nlmsg_datalen(nlmsg_hdr(m)), "links", ret);
}

/* ------------------------------------------------------------ a show */

struct link_pr *link_pr_new(struct nsh *sh, struct nl_sock *sk,
			    const struct link_filter *f,
			    const struct msg_list *links, bool do_link)
{
	struct link_pr *c = calloc(1, sizeof(*c));

	if (!c) {
		nsh_err(sh, "out of memory");
		return NULL;
	}
	c->sh = sh;
	c->sk = sk;
	c->f = *f;
	c->links = links;
	c->do_link = do_link;
	c->showqueue = true;
	return c;
}

static void forget_nsids(struct link_pr *c)
{
	for (int i = 0; i < c->nids; i++)
		free(c->ids[i].name);
	free(c->ids);
	c->ids = NULL;
	c->nids = 0;
}

void link_pr_free(struct link_pr *c)
{
	if (!c)
		return;
	forget_nsids(c);
	free(c);
}

int link_pr_print(struct link_pr *c, const struct nlmsghdr *n)
{
	return print_link(c, n);
}

void link_pr_stats(struct link_pr *c, const struct nlmsghdr *n)
{
	struct nlattr *tb[IFLA_MAX + 1];

	parse_link(n, tb);
	print_stats(c, tb);
	pr_nl();
}

/* ------------------------------------------------------------ the command */

enum show_key {
	SK_TO = LK_KIND_BASE, SK_SCOPE, SK_UP, SK_FLAG, SK_LABEL, SK_GROUP,
	SK_MASTER, SK_VRF, SK_NOMASTER, SK_TYPE, SK_HELP, SK_DEV,
};

/* the address flags ip address show filters by: accepted, and without
 * effect on links */
#define FLAG(w)                                 \
	{ w, IPL_ALIAS, NULL, SK_FLAG },        \
	{                                       \
		"-" w, IPL_ALIAS, NULL, SK_FLAG \
	}

static const struct ipl_opt show_rows[] = {
	{ "to", 0, "IFADDR", SK_TO, "addresses in this prefix (no effect)" },
	{ "scope", 0, "WORD", SK_SCOPE, "addresses of this scope (no "
					"effect)" },
	{ "up", 0, NULL, SK_UP, "only links that are up" },
	FLAG("dynamic"), FLAG("primary"), FLAG("secondary"),
	FLAG("temporary"), FLAG("nodad"), FLAG("optimistic"),
	FLAG("dadfailed"), FLAG("home"), FLAG("deprecated"),
	FLAG("tentative"), FLAG("permanent"), FLAG("mngtmpaddr"),
	FLAG("noprefixroute"), FLAG("autojoin"), FLAG("stable-privacy"),
	{ "label", 0, "WORD", SK_LABEL, "addresses with this label" },
	{ "group", 0, "GROUP", SK_GROUP, "links of this group" },
	{ "master", 0, "DEV", SK_MASTER, "ports of this master" },
	{ "vrf", 0, "DEV", SK_VRF, "ports of this VRF" },
	{ "nomaster", 0, NULL, SK_NOMASTER, "links without a master" },
	{ "type", 0, "WORD", SK_TYPE, "links of this kind (KIND_slave: "
				      "ports of a master of this kind)" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, SK_HELP },
	{ "dev", IPL_DEFAULT | IPL_ONCE, "DEV", SK_DEV, "the link" },
	{ NULL },
};

const struct ipl_table link_show_opts = { "ip link show", show_rows };

/* vrf DEV: it must be a VRF (iproute2's name_is_vrf) */
static bool is_vrf(struct link_pr *c, const char *dev)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	const char *k;

	if (rtnl_link_get_kernel(c->sk, 0, dev, &l) < 0 || !l)
		return false;
	k = rtnl_link_get_type(l);
	return k && streq(k, "vrf");
}

static int read_filters(struct link_pr *c, const struct nsh_args *a,
			const char **dev)
{
	struct link_filter *f = &c->f;

	*dev = NULL;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		size_t n;

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		switch (o->key) {
		case SK_TO:
			/* iproute2 reads it for the family of links */
			return nsh_err(c->sh, "'%s': an address prefix, which "
					      "does not select links",
				       v->text);
		case SK_UP:
			f->up = true;
			break;
		case SK_LABEL:
			f->label = v->text;
			break;
		case SK_GROUP:
			f->group = (long long)(uint32_t)v->num;
			break;
		case SK_MASTER:
		case SK_VRF:
			if (link_index(c->sh, v->text, &f->master))
				return 1;
			if (o->key == SK_VRF && !is_vrf(c, v->text))
				return nsh_err(c->sh, "'%s': not a VRF",
					       v->text);
			break;
		case SK_NOMASTER:
			f->master = -1;
			break;
		case SK_TYPE:
			n = strlen(v->text);
			if (n >= 6 && streq(v->text + n - 6, "_slave")) {
				snprintf(c->slave_buf, sizeof(c->slave_buf),
					 "%.*s", (int)(n - 6), v->text);
				f->slave_kind = c->slave_buf;
				f->kind = NULL;
			} else {
				f->kind = v->text;
			}
			break;
		case SK_HELP:
			return -1;
		case SK_DEV:
			*dev = v->text;
			break;
		}
	}
	return 0;
}

/* the links of the show: DEV alone (RTM_GETLINK of it, as iproute2's
 * iplink_get; by its index when a group is asked for too), or the dump */
static int show_links(struct link_pr *c, const char *dev,
		      struct msg_list *ret)
{
	uint32_t mask = RTEXT_FILTER_VF;
	int ifindex;

	if (!dev)
		return link_dump(c->sh, c->sk, AF_PACKET, &c->f, ret);
	if (link_index(c->sh, dev, &ifindex))
		return 1;
	if (c->f.group == -1)
		return link_get_list(c->sh, c->sk, dev, 0, mask, ret);
	if (!c->sh->o.stats)
		mask |= RTEXT_FILTER_SKIP_STATS;
	return link_get_list(c->sh, c->sk, NULL, ifindex, mask, ret);
}

int link_show_cmd(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(msg_list_free) struct msg_list links = { 0 };
	struct link_pr c = { .sh = sh, .f = { .family = AF_PACKET,
					       .group = -1 },
			     .links = &links, .do_link = true,
			     .showqueue = true };
	const struct nsh_opts *o = &sh->o;
	const char *dev;
	int rc;

	c.sk = ns_sock(sh);
	if (!c.sk)
		return 1;
	rt_names_reset(o->numeric);
	rc = read_filters(&c, a, &dev);
	if (rc < 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	if (rc || show_links(&c, dev, &links))
		return 1;
	pr_begin(o->json, o->pretty, o->oneline, true);
	pr_color(o->color);
	for (int i = 0; i < links.n; i++) {
		pr_obj_open(NULL);
		(void)print_link(&c, links.v[i]);
		pr_obj_close();
	}
	pr_end();
	forget_nsids(&c);
	return 0;
}

/* the next message of F into *RET: 1, 0 at the end, -1 when F is no
 * message file */
static int read_msg(FILE *f, struct nlmsghdr **ret)
{
	struct nlmsghdr h, *m;
	size_t len;

	if (fread(&h, sizeof(h), 1, f) != 1)
		return 0;
	len = NLMSG_ALIGN(h.nlmsg_len);
	if (h.nlmsg_len < sizeof(h))
		return -1;
	m = malloc(len);
	if (!m)
		return -1;
	memcpy(m, &h, sizeof(h));
	if (len > sizeof(h) && fread(m + 1, len - sizeof(h), 1, f) != 1) {
		free(m);
		return -1;
	}
	*ret = m;
	return 1;
}

/*
 * link_print_file - the RTM_NEWLINK/RTM_DELLINK messages saved in PATH
 * (as `ip monitor file` reads them: each message whole, one after the
 * other) printed as `ip monitor file PATH` prints them; names of other
 * links looked up in SH->cur.  0, or 1 after reporting.
 */
int link_print_file(struct nsh *sh, const char *path)
{
	_cleanup_(msg_list_free) struct msg_list links = { 0 };
	struct link_pr c = { .sh = sh, .f = { .group = -1 },
			     .links = &links };
	FILE *f = fopen(path, "re");
	struct nlmsghdr *m;
	int got;

	if (!f)
		return nsh_err(sh, "'%s': %s", path, strerror(errno));
	rt_names_reset(sh->o.numeric);
	c.sk = ns_sock(sh);
	while (c.sk && (got = read_msg(f, &m)) > 0) {
		void *v = realloc(links.v, sizeof(*links.v) *
						   (size_t)(links.n + 1));

		if (!v) {
			free(m);
			got = -1;
			break;
		}
		links.v = v;
		ANALYZER_KEEP(links.v);	/* _cleanup_: freed on return */
		links.v[links.n++] = m;
	}
	fclose(f);
	if (!c.sk)
		return 1;
	if (got < 0)
		return nsh_err(sh, "'%s': not a message file", path);
	pr_begin(false, false, sh->o.oneline, false);
	for (int i = 0; i < links.n; i++)
		(void)print_link(&c, links.v[i]);
	pr_end();
	forget_nsids(&c);
	return 0;
}
