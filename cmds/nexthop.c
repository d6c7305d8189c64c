/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * nexthop.c - `ip nexthop …` natively, as iproute2 6.1's ip/ipnexthop.c
 * does it: add, replace and delete (one RTM_NEWNEXTHOP/RTM_DELNEXTHOP
 * with the nhmsg and NHA_* attributes iproute2 sends, in its order),
 * list, get and flush, and the buckets of resilient groups (bucket list,
 * bucket get).
 *
 * libnl 3.7 has no nexthop objects: the requests are built with its
 * message API and the kernel's answers parsed here, printed in
 * iproute2's layout (text and -j).  The encapsulations nsh builds itself
 * are mpls, ip and ip6 (without tunnel options); a line with another one
 * is run by the real ip.
 *
 * This file: the placeholder types, the grammar and the command rows;
 * the requests are in nexthop_modify.c, the printing in nexthop_print.c,
 * list, get, flush and bucket in nexthop_show.c.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/lwtunnel.h>
#include <linux/mpls.h>
#include <linux/mpls_iptunnel.h>
#include <linux/if_tunnel.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/route/link.h>

#include "nexthop.h"


/* ------------------------------------------------------------ types */

#define FAIL(...)                                                              \
	do {                                                                   \
		snprintf(errbuf, errlen, __VA_ARGS__);                         \
		*ret_err = NULL;                                               \
		return -1;                                                     \
	} while (0)

/* NHGROUP: ID[,WEIGHT]/ID[,WEIGHT]/…, weights 1-256 */
int nh_group_parse(const char *w, struct nexthop_grp *g, int max,
		   char *errbuf, size_t errlen)
{
	int n = 0;

	for (const char *p = w;; n++) {
		char part[64], *comma;
		size_t len = strcspn(p, "/");
		unsigned long long id, wt = 1;
		const char *err;

		if (n == max) {
			snprintf(errbuf, errlen, "a group has at most %d "
				 "members", max);
			return -1;
		}
		snprintf(part, sizeof(part), "%.*s", (int)len, p);
		comma = strchr(part, ',');
		if (comma)
			*comma++ = '\0';
		if (parse_num(part, UINT32_MAX, &id, &err) < 0) {
			snprintf(errbuf, errlen, "'%s': not a nexthop id (%s)",
				 part, err);
			return -1;
		}
		if (comma && (parse_num(comma, 256, &wt, &err) < 0 || !wt)) {
			snprintf(errbuf, errlen, "'%s': a weight is a number "
				 "from 1 to 256", comma);
			return -1;
		}
		if (g) {
			memset(&g[n], 0, sizeof(g[n]));
			g[n].id = (uint32_t)id;
			g[n].weight = (uint8_t)(wt - 1);
		}
		p += len;
		if (!*p++)
			return n + 1;
	}
}

static int t_group(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	*ret_err = NULL;
	return nh_group_parse(w, NULL, GROUP_MAX, errbuf, errlen) < 0 ? -1 : 0;
}

/* a timer in seconds, sent in hundredths: below UINT32_MAX / 100 */
static int t_timer(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, UINT32_MAX, &n, ret_err) < 0)
		return -1;
	if (n >= UINT32_MAX / 100)
		FAIL("a timer is below %u seconds", UINT32_MAX / 100);
	v->num = (long)n;
	return 0;
}

/* MPLS labels, LABEL[/LABEL…], each below 2^20 (mpls_pton) */
int nh_labels_parse(const char *w, struct mpls_label *out)
{
	int n = 0;

	for (const char *p = w; n < MPLS_MAX_LABELS; n++) {
		char part[32];
		size_t len = strcspn(p, "/");
		unsigned long long l;
		const char *err;

		snprintf(part, sizeof(part), "%.*s", (int)len, p);
		if (len >= sizeof(part) || parse_num(part, (1 << 20) - 1, &l,
						     &err) < 0)
			return -1;
		if (out)
			out[n].entry = htonl((uint32_t)l <<
					     MPLS_LS_LABEL_SHIFT);
		p += len;
		if (!*p++) {
			if (out)
				out[n].entry |= htonl(1 << MPLS_LS_S_SHIFT);
			return n + 1;
		}
	}
	return -1;
}

static int t_labels(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	if (nh_labels_parse(w, NULL) < 0)
		FAIL("MPLS labels are numbers below 1048576 separated by '/' "
		     "(at most %d)", MPLS_MAX_LABELS);
	return 0;
}

static const struct nsh_type nexthop_types[] = {
	{ "NHGROUP", "nexthop ids with optional weights: ID[,WEIGHT]/ID…",
	  t_group },
	{ "SECONDS", "a number of seconds", t_timer },
	{ "LABELS", "MPLS labels: LABEL[/LABEL…]", t_labels },
	{ NULL },
};

/* ------------------------------------------------------------ grammar */

#define NEED_FAILED(p) ((p)->completing ? -2 : -1)

/* via [inet|inet6] ADDR */
static int parse_via(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, "ADDR");
	int fam = AF_UNSPEC;

	if (!w)
		return NEED_FAILED(p);
	if (streq(w, "inet") || streq(w, "inet6")) {
		fam = streq(w, "inet") ? AF_INET : AF_INET6;
		if (ipl_bind_val(p, o, "inet|inet6", p->i))
			return -1;
		p->i++;
		w = ipl_need(p, o, "ADDR");
		if (!w)
			return NEED_FAILED(p);
	} else if (streq(w, "link") || streq(w, "mpls") ||
		   streq(w, "bridge")) {
		return ipl_fail(p, p->i, "'%s': a nexthop's gateway is an IPv4 "
				"or IPv6 address", w);
	}
	if (ipl_bind_val(p, o, "ADDR", p->i))
		return -1;
	if (fam && p->a->bind[p->a->nbind - 1].v.pfx.family != fam)
		return ipl_fail(p, p->i, "'%s': not an %s address (after '%s')",
				w, fam == AF_INET ? "IPv4" : "IPv6",
				p->argv[p->i - 1]);
	p->i++;
	return 0;
}

static const struct ipl_opt res_rows[] = {
	{ "buckets", 0, "NUM16", XK_BUCKETS, "the number of buckets" },
	{ "idle_timer", 0, "SECONDS", XK_IDLE,
	  "a bucket idle this long may move" },
	{ "unbalanced_timer", 0, "SECONDS", XK_UNBALANCED,
	  "move busy buckets after this long unbalanced" },
	{ NULL },
};

static const struct ipl_table res_opts = { "type resilient", res_rows };

/* type mpath|resilient [RESILIENT_ARGS] */
static int parse_grptype(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, "mpath|resilient");

	if (!w)
		return NEED_FAILED(p);
	if (ipl_bind_val(p, o, "mpath|resilient", p->i))
		return -1;
	p->i++;
	if (streq(w, "resilient"))
		return ipl_walk(p, &res_opts, true);
	return 0;
}

static const struct ipl_opt mpls_rows[] = {
	{ "ttl", IPL_ONCE, "NUM8", EK_TTL, "the TTL of the pushed labels" },
	{ NULL },
};

static const struct ipl_table mpls_opts = { "encap mpls", mpls_rows };

/*
 * encap TYPE ARGS (lwt_parse_encap): mpls LABELS [ttl N], ip …, ip6 …;
 * the other types are the real ip's.  iproute2 wants a word after the
 * type's first argument.
 */
static int parse_encap(struct ipl_parse *p, const struct ipl_opt *o)
{
	static const char *const others[] = {
		"ila", "bpf", "seg6", "seg6local", "rpl", "ioam6", "xfrm",
		"help",
	};
	const char *w = ipl_need(p, o, "mpls|ip|ip6");
	bool mpls;

	if (!w)
		return NEED_FAILED(p);
	for (size_t i = 0; i < ARRAY_SIZE(others); i++)
		if (streq(w, others[i]))
			return rt_parse_not_native(p, o);
	if (ipl_bind_val(p, o, "mpls|ip|ip6", p->i))
		return -1;
	p->i++;
	mpls = streq(w, "mpls");
	if (!mpls && p->completing && p->i >= p->argc)
		return ipl_walk(p, streq(w, "ip") ? &rt_encap_ip_opts :
						  &rt_encap_ip6_opts,
				true);
	if (!ipl_need(p, o, mpls ? "LABELS" : "WORD"))
		return NEED_FAILED(p);
	if (p->i + 1 >= p->argc && !p->completing)
		return ipl_fail(p, p->argc, "unexpected end of line after "
				"'encap'");
	if (!mpls)
		return ipl_walk(p, streq(w, "ip") ? &rt_encap_ip_opts :
						  &rt_encap_ip6_opts,
				true);
	if (ipl_bind_val(p, o, "LABELS", p->i))
		return -1;
	p->i++;
	return ipl_walk(p, &mpls_opts, true);
}

/* ipnh_modify's loop, in its order */
static const struct ipl_opt modify_rows[] = {
	{ "id", 0, "NUM", XK_ID, "the nexthop's id (none: the kernel picks "
				 "one)" },
	{ "dev", 0, "DEV", XK_DEV, "the link" },
	{ "via", 0, "ADDR", XK_VIA, "the gateway: [inet|inet6] ADDR", NULL,
	  parse_via },
	{ "encap", 0, "TYPE", XK_ENCAP, "encapsulation: mpls LABELS, ip …, "
					"ip6 …", NULL, parse_encap },
	{ "blackhole", 0, NULL, XK_BLACKHOLE, "drop the packets" },
	{ "fdb", 0, NULL, XK_FDB, "a nexthop of the bridge's fdb" },
	{ "onlink", 0, NULL, XK_ONLINK, "the gateway is on the link as is" },
	{ "group", 0, "NHGROUP", XK_GROUP, "a group: ID[,WEIGHT]/ID…" },
	{ "type", 0, "mpath|resilient", XK_TYPE,
	  "the group's type (resilient: buckets N idle_timer S "
	  "unbalanced_timer S)", NULL, parse_grptype },
	{ "protocol", IPL_PREFIX, "RTPROTO", XK_PROTO, "who made it" },
	{ "help", 0, NULL, XK_HELP, "the usage" },
	{ NULL },
};

static const struct ipl_table modify_opts = { "ip nexthop add",
					      modify_rows };

/* `id ID` in a listing: iproute2 shows (deletes) that one at once and
 * reads no further */
static int parse_list_id(struct ipl_parse *p, const struct ipl_opt *o)
{
	if (!ipl_need(p, o, "NUM"))
		return NEED_FAILED(p);
	if (ipl_bind_val(p, o, "NUM", p->i))
		return -1;
	p->i++;
	if (!p->completing)
		p->i = p->argc;
	return 0;
}

/* ipnh_list_flush's loop */
static const struct ipl_opt list_rows[] = {
	{ "dev", IPL_PREFIX, "DEV", XK_DEV, "nexthops of this link" },
	{ "groups", IPL_PREFIX, NULL, XK_GROUPS, "the groups only" },
	{ "master", IPL_PREFIX, "DEV", XK_MASTER, "nexthops of the ports of "
						  "a master" },
	{ "vrf", IPL_PREFIX, "DEV", XK_VRF, "nexthops of the ports of a VRF" },
	{ "id", 0, "NUM", XK_ID, "this one nexthop (ends the line)", NULL,
	  parse_list_id },
	{ "protocol", IPL_PREFIX, "NUM", XK_PROTO, "nexthops made by this "
						   "protocol (a number)" },
	{ "fdb", IPL_PREFIX, NULL, XK_FDB, "the fdb nexthops" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, XK_HELP },
	{ NULL },
};

static const struct ipl_table list_opts = { "ip nexthop list", list_rows };

static const struct ipl_opt get_rows[] = {
	{ "id", 0, "NUM", XK_ID, "the nexthop's id" },
	{ NULL },
};

static const struct ipl_table get_opts = { "ip nexthop get", get_rows };

/* ipnh_bucket_list's loop */
static const struct ipl_opt bucket_list_rows[] = {
	{ "dev", IPL_PREFIX, "DEV", XK_DEV, "buckets of nexthops of this "
					    "link" },
	{ "master", IPL_PREFIX, "DEV", XK_MASTER, "buckets of nexthops of the "
						  "ports of a master" },
	{ "vrf", IPL_PREFIX, "DEV", XK_VRF, "buckets of nexthops of the ports "
					    "of a VRF" },
	{ "id", 0, "NUM", XK_ID, "the buckets of this group" },
	{ "nhid", 0, "NUM", XK_NHID, "the buckets of this nexthop" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, XK_HELP },
	{ NULL },
};

static const struct ipl_opt bucket_get_rows[] = {
	{ "id", 0, "NUM", XK_ID, "the group's id" },
	{ "index", 0, "NUM16", XK_INDEX, "the bucket's index" },
	{ NULL },
};

static const struct ipl_table bucket_list_opts = { "ip nexthop bucket list",
						   bucket_list_rows };
static const struct ipl_table bucket_get_opts = { "ip nexthop bucket get",
						  bucket_get_rows };

/* do_ipnh_bucket */
static const struct ipl_opt bucket_rows[] = {
	{ "list", IPL_PREFIX | IPL_REST, NULL, XK_LIST,
	  "list the buckets of resilient groups", &bucket_list_opts },
	{ "show", IPL_PREFIX | IPL_REST | IPL_ALIAS, NULL, XK_LIST, NULL,
	  &bucket_list_opts },
	{ "lst", IPL_PREFIX | IPL_REST | IPL_ALIAS, NULL, XK_LIST, NULL,
	  &bucket_list_opts },
	{ "get", IPL_PREFIX | IPL_REST, NULL, XK_GET, "one bucket: id ID index "
						      "INDEX",
	  &bucket_get_opts },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, XK_HELP },
	{ NULL },
};

static const struct ipl_table bucket_opts = { "ip nexthop bucket",
					      bucket_rows };

bool nh_wants_help(const struct nsh_args *a)
{
	if (ipl_find(a, 0, XK_HELP) < 0)
		return false;
	ipl_usage(a->cmd, stdout);
	return true;
}

/* in iproute2's order (do_ipnh) */
static const struct nsh_cmd nexthop_cmds[] = {
	{ "ip nexthop add", "add a nexthop object or group", nh_cmd_add, NSH_CMD_MUTATES,
	  "ip nexthop add id 1 via 10.0.0.2 dev veth1", NULL, &modify_opts },
	{ "ip nexthop replace", "add or replace a nexthop", nh_cmd_replace,
	  NSH_CMD_MUTATES,
	  "ip nexthop replace id 10 group 1/2", NULL, &modify_opts },
	{ "ip nexthop delete", "delete a nexthop", nh_cmd_delete,
	  NSH_CMD_MUTATES,
	  "ip nexthop del id 1", NULL, &modify_opts },
	{ "ip nexthop list/show/lst", "list the nexthops", nh_cmd_list, 0,
	  "ip nexthop show dev veth1", NULL, &list_opts },
	{ "ip nexthop get", "show one nexthop", nh_cmd_get, 0,
	  "ip nexthop get id 1", NULL, &get_opts },
	{ "ip nexthop flush", "delete nexthops (all without a selector)",
	  nh_cmd_flush, NSH_CMD_MUTATES, "ip nexthop flush dev veth1", NULL, &list_opts },
	{ "ip nexthop bucket", "the buckets of resilient groups", nh_cmd_bucket,
	  0, "ip nexthop bucket show id 10", NULL, &bucket_opts },
	{ "ip nexthop", "list the nexthops", nh_cmd_list },
	{ NULL },
};

const struct nsh_family nexthop_family = {
	"nexthop", "ip nexthop: add, replace, delete, show and flush nexthop "
		   "objects and groups",
	nexthop_cmds, nexthop_types,
};
