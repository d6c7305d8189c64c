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

#include "cmds.h"
#include "iproute.h"
#include "ipl.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ------------------------------------------------------------ types */

#define FAIL(...)                                                              \
	do {                                                                   \
		snprintf(errbuf, errlen, __VA_ARGS__);                         \
		*ret_err = NULL;                                               \
		return -1;                                                     \
	} while (0)

/* NHGROUP: ID[,WEIGHT]/ID[,WEIGHT]/…, weights 1-256 */
static int group_parse(const char *w, struct nexthop_grp *g, int max,
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

#define GROUP_MAX 256

static int t_group(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	*ret_err = NULL;
	return group_parse(w, NULL, GROUP_MAX, errbuf, errlen) < 0 ? -1 : 0;
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
#define MPLS_MAX_LABELS 64

static int labels_parse(const char *w, struct mpls_label *out)
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
	if (labels_parse(w, NULL) < 0)
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

enum nh_key {
	XK_ID = 1, XK_DEV, XK_VIA, XK_ENCAP, XK_BLACKHOLE, XK_FDB, XK_ONLINK,
	XK_GROUP, XK_TYPE, XK_PROTO, XK_HELP,
	/* type resilient */
	XK_BUCKETS, XK_IDLE, XK_UNBALANCED,
	/* encap mpls, ip, ip6 */
	XK_E_TTL, XK_E_ID, XK_E_DST, XK_E_SRC, XK_E_TOS, XK_E_KEY,
	XK_E_CSUM, XK_E_SEQ,
	/* list, flush, bucket */
	XK_GROUPS, XK_MASTER, XK_VRF, XK_NHID, XK_LIST, XK_GET, XK_INDEX,
};

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

static int parse_not_native(struct ipl_parse *p, const struct ipl_opt *o)
{
	ipl_fallback(p);
	return 0;
}

static const struct ipl_opt mpls_rows[] = {
	{ "ttl", IPL_ONCE, "NUM8", XK_E_TTL, "the TTL of the pushed labels" },
	{ NULL },
};

static const struct ipl_opt eip_rows[] = {
	{ "id", IPL_ONCE, "NUM64", XK_E_ID, "the tunnel key" },
	{ "dst", IPL_ONCE, "ADDR", XK_E_DST, "the tunnel's far end" },
	{ "src", IPL_ONCE, "ADDR", XK_E_SRC, "the tunnel's near end" },
	{ "tos", IPL_ONCE, "DSFIELD", XK_E_TOS, "the TOS" },
	{ "ttl", IPL_ONCE, "NUM8", XK_E_TTL, "the TTL" },
	{ "geneve_opts", 0, NULL, 0, "geneve options (the real ip)", NULL,
	  parse_not_native },
	{ "vxlan_opts", 0, NULL, 0, "vxlan options (the real ip)", NULL,
	  parse_not_native },
	{ "erspan_opts", 0, NULL, 0, "erspan options (the real ip)", NULL,
	  parse_not_native },
	{ "key", IPL_ONCE, NULL, XK_E_KEY, "keyed" },
	{ "csum", IPL_ONCE, NULL, XK_E_CSUM, "checksummed" },
	{ "seq", IPL_ONCE, NULL, XK_E_SEQ, "sequenced" },
	{ NULL },
};

static const struct ipl_opt eip6_rows[] = {
	{ "id", IPL_ONCE, "NUM64", XK_E_ID, "the tunnel key" },
	{ "dst", IPL_ONCE, "ADDR", XK_E_DST, "the tunnel's far end" },
	{ "src", IPL_ONCE, "ADDR", XK_E_SRC, "the tunnel's near end" },
	{ "tc", IPL_ONCE, "DSFIELD", XK_E_TOS, "the traffic class" },
	{ "hoplimit", IPL_ONCE, "NUM8", XK_E_TTL, "the hop limit" },
	{ "geneve_opts", 0, NULL, 0, "geneve options (the real ip)", NULL,
	  parse_not_native },
	{ "vxlan_opts", 0, NULL, 0, "vxlan options (the real ip)", NULL,
	  parse_not_native },
	{ "erspan_opts", 0, NULL, 0, "erspan options (the real ip)", NULL,
	  parse_not_native },
	{ "key", IPL_ONCE, NULL, XK_E_KEY, "keyed" },
	{ "csum", IPL_ONCE, NULL, XK_E_CSUM, "checksummed" },
	{ "seq", IPL_ONCE, NULL, XK_E_SEQ, "sequenced" },
	{ NULL },
};

static const struct ipl_table mpls_opts = { "encap mpls", mpls_rows };
static const struct ipl_table eip_opts = { "encap ip", eip_rows };
static const struct ipl_table eip6_opts = { "encap ip6", eip6_rows };

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
			return parse_not_native(p, o);
	if (ipl_bind_val(p, o, "mpls|ip|ip6", p->i))
		return -1;
	p->i++;
	mpls = streq(w, "mpls");
	if (!mpls && p->completing && p->i >= p->argc)
		return ipl_walk(p, streq(w, "ip") ? &eip_opts : &eip6_opts,
				true);
	if (!ipl_need(p, o, mpls ? "LABELS" : "WORD"))
		return NEED_FAILED(p);
	if (p->i + 1 >= p->argc && !p->completing)
		return ipl_fail(p, p->argc, "unexpected end of line after "
				"'encap'");
	if (!mpls)
		return ipl_walk(p, streq(w, "ip") ? &eip_opts : &eip6_opts,
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

static bool wants_help(const struct nsh_args *a)
{
	if (ipl_find(a, 0, XK_HELP) < 0)
		return false;
	ipl_usage(a->cmd, stdout);
	return true;
}

/* ------------------------------------------------------------ changes */

static int too_large(struct nsh *sh)
{
	return nsh_err(sh, "the request is too large");
}

/* a 64-bit number in network order and back (htonll, ntohll) */
static uint64_t swap64(uint64_t v)
{
	unsigned char b[8];
	uint64_t r;

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (56 - 8 * i));
	memcpy(&r, b, sizeof(r));
	return r;
}

/* NHA_ENCAP { … } and NHA_ENCAP_TYPE from the bindings of `encap` at I:
 * the index of the first binding after them in *NEXT */
static int put_encap(struct nsh *sh, struct nl_msg *msg,
		     const struct nsh_args *a, int i, int *next)
{
	const char *type = ipl_arg(a, i, 0)->text;
	const struct nsh_val *labels = ipl_arg(a, i, 1);
	bool mpls = streq(type, "mpls"), ip = streq(type, "ip");
	uint16_t et = mpls ? LWTUNNEL_ENCAP_MPLS :
		      ip   ? LWTUNNEL_ENCAP_IP :
			     LWTUNNEL_ENCAP_IP6;
	struct nlattr *nest = nla_nest_start(msg, NHA_ENCAP | NLA_F_NESTED);
	uint16_t tflags = 0;
	int j;

	if (!nest)
		return too_large(sh);
	if (mpls) {
		struct mpls_label l[MPLS_MAX_LABELS];
		int n = labels_parse(labels->text, l);

		if (n < 0 || nla_put(msg, MPLS_IPTUNNEL_DST,
				     n * (int)sizeof(l[0]), l) < 0)
			return too_large(sh);
	}
	for (j = ipl_next(a, i); j < a->nbind; j = ipl_next(a, j)) {
		const struct ipl_opt *o = a->bind[j].opt;
		const struct nsh_val *v = ipl_arg(a, j, 0);
		int rc = 0, fam = ip ? AF_INET : AF_INET6;

		if (!o || o->key < XK_E_TTL || o->key > XK_E_SEQ)
			break;
		switch (o->key) {
		case XK_E_TTL:
			rc = nla_put_u8(msg, mpls ? MPLS_IPTUNNEL_TTL :
					     ip   ? LWTUNNEL_IP_TTL :
						    LWTUNNEL_IP6_HOPLIMIT,
					(uint8_t)v->num);
			break;
		case XK_E_ID:
			rc = nla_put_u64(msg, ip ? LWTUNNEL_IP_ID :
						   LWTUNNEL_IP6_ID,
					 swap64((unsigned long)v->num));
			break;
		case XK_E_DST:
		case XK_E_SRC:
			if (v->pfx.family != fam)
				return nsh_err(sh, "'%s': not an %s address "
						   "(encap %s)", v->text,
					       ip ? "IPv4" : "IPv6", type);
			rc = nla_put(msg, o->key == XK_E_DST ?
					     (ip ? LWTUNNEL_IP_DST :
						   LWTUNNEL_IP6_DST) :
					     (ip ? LWTUNNEL_IP_SRC :
						   LWTUNNEL_IP6_SRC),
				     ip ? 4 : 16, v->pfx.addr);
			break;
		case XK_E_TOS:
			rc = nla_put_u8(msg, ip ? LWTUNNEL_IP_TOS :
						  LWTUNNEL_IP6_TC,
					(uint8_t)v->num);
			break;
		case XK_E_KEY:
			tflags |= TUNNEL_KEY;
			break;
		case XK_E_CSUM:
			tflags |= TUNNEL_CSUM;
			break;
		case XK_E_SEQ:
			tflags |= TUNNEL_SEQ;
			break;
		}
		if (rc < 0)
			return too_large(sh);
	}
	if (tflags && nla_put_u16(msg, ip ? LWTUNNEL_IP_FLAGS :
					    LWTUNNEL_IP6_FLAGS, tflags) < 0)
		return too_large(sh);
	nla_nest_end(msg, nest);
	if (nla_put_u16(msg, NHA_ENCAP_TYPE, et) < 0)
		return too_large(sh);
	*next = j;
	return 0;
}

/* NHA_RES_GROUP { … } (when words follow `resilient`: iproute2 then
 * sends the nest, empty or not) and NHA_GROUP_TYPE */
static int put_grptype(struct nsh *sh, struct nl_msg *msg,
		       const struct nsh_args *a, int i, int *next)
{
	bool res = streq(ipl_arg(a, i, 0)->text, "resilient");
	struct nlattr *nest = NULL;
	int j = ipl_next(a, i);

	if (res && i + 2 < a->nbind) {
		nest = nla_nest_start(msg, NHA_RES_GROUP | NLA_F_NESTED);
		if (!nest)
			return too_large(sh);
	}
	for (; nest && j < a->nbind; j = ipl_next(a, j)) {
		const struct ipl_opt *o = a->bind[j].opt;
		uint32_t n = (uint32_t)ipl_arg(a, j, 0)->num;
		int rc;

		if (!o || o->key < XK_BUCKETS || o->key > XK_UNBALANCED)
			break;
		if (o->key == XK_BUCKETS)
			rc = nla_put_u16(msg, NHA_RES_GROUP_BUCKETS,
					 (uint16_t)n);
		else
			rc = nla_put_u32(msg, o->key == XK_IDLE ?
					 NHA_RES_GROUP_IDLE_TIMER :
					 NHA_RES_GROUP_UNBALANCED_TIMER,
					 n * 100);
		if (rc < 0)
			return too_large(sh);
	}
	if (nest)
		nla_nest_end_keep_empty(msg, nest);
	if (nla_put_u16(msg, NHA_GROUP_TYPE, res ? NEXTHOP_GRP_TYPE_RES :
						   NEXTHOP_GRP_TYPE_MPATH) < 0)
		return too_large(sh);
	*next = j;
	return 0;
}

static int put_group(struct nsh *sh, struct nl_msg *msg, const char *w)
{
	struct nexthop_grp g[GROUP_MAX];
	char err[160];
	int n = group_parse(w, g, GROUP_MAX, err, sizeof(err));

	if (n < 0)
		return nsh_err(sh, "'%s': %s", w, err);
	if (nla_put(msg, NHA_GROUP, n * (int)sizeof(g[0]), g) < 0)
		return too_large(sh);
	return 0;
}

static const char *fam_name(int family)
{
	return family == AF_INET ? "IPv4" : family == AF_INET6 ? "IPv6" :
								 "other";
}

/* via [FAMILY] ADDR: the nexthop's family (-4/-6, or IPv4 after `dev`
 * or `blackhole`) must be the gateway's (get_addr) */
static int put_via(struct nsh *sh, struct nl_msg *msg, struct nhmsg *hdr,
		   const struct nsh_args *a, int i)
{
	const struct nsh_val *v = ipl_arg(a, i, 1) ? ipl_arg(a, i, 1) :
						      ipl_arg(a, i, 0);
	int fam = v->pfx.family;

	if (hdr->nh_family && hdr->nh_family != fam)
		return nsh_err(sh, "'%s': not an %s address (the nexthop is "
				   "%s%s)", v->text, fam_name(hdr->nh_family),
			       fam_name(hdr->nh_family),
			       sh->o.family ? "" :
			       ": give 'via' before 'dev', or -6");
	hdr->nh_family = (unsigned char)fam;
	if (nla_put(msg, NHA_GATEWAY, fam == AF_INET ? 4 : 16,
		    v->pfx.addr) < 0)
		return too_large(sh);
	return 0;
}

/* the kernel's refusal, in one line about the nexthop (ENCAP: the type
 * of its encapsulation, if any) */
static int refused(struct nsh *sh, const char *subject, int err, int type,
		   const char *encap)
{
	char why[256];
	int e = nl_last_errno();

	nl_reason(err, why, sizeof(why));
	if (encap && e == EOPNOTSUPP && strstr(why, "lwt encapsulation"))
		return nsh_err(sh, "encap %s: this kernel has no %s "
				   "lightweight tunnels", encap, encap);
	if (e == EOPNOTSUPP && !nl_last_msg()[0])
		return nsh_err(sh, "'%s': this kernel has no nexthop objects "
				   "(%s)", subject, why);
	if (e == EEXIST && type == RTM_NEWNEXTHOP)
		return nsh_err(sh, "'%s': the nexthop exists (replace changes "
				   "it)", subject);
	if (e == ENOENT && !nl_last_msg()[0] && type != RTM_NEWNEXTHOP)
		return nsh_err(sh, "'%s': no such nexthop", subject);
	return nsh_err(sh, "'%s': %s", subject, why);
}

/*
 * nh_modify - ip nexthop add (CREATE|EXCL), replace (CREATE|REPLACE),
 * delete (RTM_DELNEXTHOP): ipnh_modify's request, attributes in the
 * order of the words.
 */
static int nh_modify(struct nsh *sh, const struct nsh_args *a, int type,
		     int flags)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct nhmsg nhm = { .nh_family = (unsigned char)sh->o.family };
	const char *subject = NULL, *encap = NULL;
	uint32_t nh_flags = 0;
	struct nhmsg *hdr;
	struct nl_sock *sk;
	int err, idx;

	if (wants_help(a))
		return 0;
	msg = nlmsg_alloc_simple(type, NLM_F_REQUEST | NLM_F_ACK | flags);
	if (!msg || nlmsg_append(msg, &nhm, sizeof(nhm), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	hdr = nlmsg_data(nlmsg_hdr(msg));
	for (int i = 0; i < a->nbind;) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		int next = ipl_next(a, i), rc = 0;

		switch (o ? o->key : 0) {
		case XK_ID:
			subject = v->text;
			rc = nla_put_u32(msg, NHA_ID, (uint32_t)v->num);
			break;
		case XK_DEV:
			if (link_index(sh, v->text, &idx))
				return 1;
			rc = nla_put_u32(msg, NHA_OIF, (uint32_t)idx);
			if (!hdr->nh_family)
				hdr->nh_family = AF_INET;
			break;
		case XK_VIA:
			if (put_via(sh, msg, hdr, a, i))
				return 1;
			break;
		case XK_ENCAP:
			encap = v->text;
			if (put_encap(sh, msg, a, i, &next))
				return 1;
			break;
		case XK_BLACKHOLE:
			rc = nla_put_flag(msg, NHA_BLACKHOLE);
			if (!hdr->nh_family)
				hdr->nh_family = AF_INET;
			break;
		case XK_FDB:
			rc = nla_put_flag(msg, NHA_FDB);
			break;
		case XK_ONLINK:
			nh_flags |= RTNH_F_ONLINK;
			break;
		case XK_GROUP:
			if (put_group(sh, msg, v->text))
				return 1;
			break;
		case XK_TYPE:
			if (put_grptype(sh, msg, a, i, &next))
				return 1;
			break;
		case XK_PROTO:
			hdr->nh_protocol = (unsigned char)v->num;
			break;
		default:
			break;
		}
		if (rc < 0)
			return too_large(sh);
		i = next;
	}
	hdr->nh_flags = nh_flags;
	if (!subject)
		subject = type == RTM_DELNEXTHOP ? "nexthop" : "new nexthop";
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	err = ipr_ack(sk, msg);
	return err < 0 ? refused(sh, subject, err, type, encap) : 0;
}

static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return nh_modify(sh, a, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_EXCL);
}

static int cmd_replace(struct nsh *sh, const struct nsh_args *a)
{
	return nh_modify(sh, a, RTM_NEWNEXTHOP, NLM_F_CREATE | NLM_F_REPLACE);
}

static int cmd_delete(struct nsh *sh, const struct nsh_args *a)
{
	return nh_modify(sh, a, RTM_DELNEXTHOP, 0);
}

/* ------------------------------------------------------------ show */

struct xshow {
	struct nsh *sh;
	struct nl_sock *sk;
	struct nl_cache *links;	/* made on first use */
	bool links_done;
	struct json j;
	bool json;
};

static void xshow_free(struct xshow *s)
{
	if (s->links)
		nl_cache_free(s->links);
}

static const char *dev_name(struct xshow *s, int idx, char *buf, size_t len)
{
	if (!s->links_done) {
		s->links_done = true;
		if (rtnl_link_alloc_cache(s->sk, AF_UNSPEC, &s->links) < 0)
			s->links = NULL;
	}
	if (!s->links || !rtnl_link_i2name(s->links, idx, buf, len))
		snprintf(buf, len, "if%d", idx);
	return buf;
}

/* "KEY": "VAL" under -j, TEXT VAL and a blank in text */
static void put_str(struct xshow *s, const char *key, const char *text,
		    const char *val)
{
	if (s->json)
		json_str(&s->j, key, val);
	else
		printf("%s%s ", text, val);
}

static void put_uint(struct xshow *s, const char *key, const char *text,
		     unsigned long long val)
{
	if (s->json)
		json_uint(&s->j, key, val);
	else
		printf("%s%llu ", text, val);
}

/* print_tv of a clock_t count (hundredths), as __jiffies_to_tv makes it */
static void put_time(struct xshow *s, const char *key, uint64_t jiffies)
{
	unsigned long long usec = 10000ULL * jiffies;
	unsigned long long sec = usec / 1000000;
	double t = (double)sec + (double)(usec - 1000000 * sec) / 1000000;

	if (s->json) {
		json_key(&s->j, key);
		printf("%g", t);
	} else {
		printf("%s %g ", key, t);
	}
}

static void put_null(struct xshow *s, const char *key, const char *text)
{
	if (s->json) {
		json_key(&s->j, key);
		fputs("null", stdout);
	} else {
		fputs(text, stdout);
	}
}

static void put_bool(struct xshow *s, const char *key)
{
	if (s->json)
		json_bool(&s->j, key, true);
	else
		printf("%s ", key);
}

/* print_rt_flags */
static void put_flags(struct xshow *s, unsigned flags)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{ RTNH_F_DEAD, "dead" }, { RTNH_F_ONLINK, "onlink" },
		{ RTNH_F_PERVASIVE, "pervasive" },
		{ RTNH_F_OFFLOAD, "offload" }, { RTNH_F_TRAP, "trap" },
		{ RTM_F_NOTIFY, "notify" }, { RTNH_F_LINKDOWN, "linkdown" },
		{ RTNH_F_UNRESOLVED, "unresolved" },
		{ RTM_F_OFFLOAD, "rt_offload" }, { RTM_F_TRAP, "rt_trap" },
		{ RTM_F_OFFLOAD_FAILED, "rt_offload_failed" },
	};

	if (s->json) {
		json_key(&s->j, "flags");
		json_begin_array(&s->j);
	}
	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!(flags & names[i].bit))
			continue;
		if (s->json)
			json_str(&s->j, NULL, names[i].name);
		else
			printf("%s ", names[i].name);
	}
	if (s->json)
		json_end_array(&s->j);
}

static const char *addr_str(int family, const struct nlattr *a, char *buf,
			    size_t len)
{
	if ((family == AF_INET && nla_len(a) == 4) ||
	    (family == AF_INET6 && nla_len(a) == 16))
		return inet_ntop(family, nla_data(a), buf, (socklen_t)len);
	return "???";
}

/* mpls_ntop */
static const char *labels_str(const struct nlattr *a, char *buf, size_t len)
{
	const struct mpls_label *l = nla_data(a);
	int n = nla_len(a) / (int)sizeof(*l);
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < n && o < len; i++) {
		uint32_t e = ntohl(l[i].entry);

		o += (size_t)snprintf(buf + o, len - o, "%s%u", i ? "/" : "",
				      (e & MPLS_LS_LABEL_MASK) >>
					      MPLS_LS_LABEL_SHIFT);
		if (e & MPLS_LS_S_MASK)
			break;
	}
	return buf;
}

/* lwt_print_encap for mpls, ip and ip6; of the others only the type */
static void print_encap(struct xshow *s, const struct nlattr *type,
		      const struct nlattr *encap)
{
	static const char *const names[] = {
		[LWTUNNEL_ENCAP_MPLS] = "mpls", [LWTUNNEL_ENCAP_IP] = "ip",
		[LWTUNNEL_ENCAP_ILA] = "ila", [LWTUNNEL_ENCAP_IP6] = "ip6",
		[LWTUNNEL_ENCAP_SEG6] = "seg6", [LWTUNNEL_ENCAP_BPF] = "bpf",
		[LWTUNNEL_ENCAP_SEG6_LOCAL] = "seg6local",
		[LWTUNNEL_ENCAP_RPL] = "rpl", [LWTUNNEL_ENCAP_IOAM6] = "ioam6",
		[LWTUNNEL_ENCAP_XFRM] = "xfrm",
	};
	struct nlattr *tb[LWTUNNEL_IP_MAX + LWTUNNEL_IP6_MAX + 1];
	unsigned et = nla_get_u16(type);
	const char *name = et < ARRAY_SIZE(names) && names[et] ? names[et] :
								  "unknown";
	bool ip = et == LWTUNNEL_ENCAP_IP;
	int fam = ip ? AF_INET : AF_INET6;
	char buf[INET6_ADDRSTRLEN + 512];

	if (s->json)
		json_str(&s->j, "encap", name);
	else
		printf(" encap %s ", name);
	if (et == LWTUNNEL_ENCAP_MPLS) {
		if (nla_parse_nested(tb, MPLS_IPTUNNEL_MAX,
				     (struct nlattr *)encap, NULL) < 0)
			return;
		if (tb[MPLS_IPTUNNEL_DST])
			put_str(s, "dst", " ", labels_str(tb[MPLS_IPTUNNEL_DST],
							 buf, sizeof(buf)));
		if (tb[MPLS_IPTUNNEL_TTL])
			put_uint(s, "ttl", "ttl ",
				 nla_get_u8(tb[MPLS_IPTUNNEL_TTL]));
		return;
	}
	if ((!ip && et != LWTUNNEL_ENCAP_IP6) ||
	    nla_parse_nested(tb, ip ? LWTUNNEL_IP_MAX : LWTUNNEL_IP6_MAX,
			     (struct nlattr *)encap, NULL) < 0)
		return;
	/* the ip and ip6 attributes have the same numbers but for the
	 * names of TTL/hop limit and TOS/TC */
	if (tb[LWTUNNEL_IP_ID])
		put_uint(s, "id", "id ",
			 swap64(nla_get_u64(tb[LWTUNNEL_IP_ID])));
	if (tb[LWTUNNEL_IP_SRC])
		put_str(s, "src", "src ", addr_str(fam, tb[LWTUNNEL_IP_SRC],
						  buf, sizeof(buf)));
	if (tb[LWTUNNEL_IP_DST])
		put_str(s, "dst", "dst ", addr_str(fam, tb[LWTUNNEL_IP_DST],
						  buf, sizeof(buf)));
	if (ip) {
		if (tb[LWTUNNEL_IP_TTL])
			put_uint(s, "ttl", "ttl ",
				 nla_get_u8(tb[LWTUNNEL_IP_TTL]));
		if (tb[LWTUNNEL_IP_TOS])
			put_uint(s, "tos", "tos ",
				 nla_get_u8(tb[LWTUNNEL_IP_TOS]));
	} else {
		if (tb[LWTUNNEL_IP6_HOPLIMIT])
			put_uint(s, "hoplimit", "hoplimit ",
				 nla_get_u8(tb[LWTUNNEL_IP6_HOPLIMIT]));
		if (tb[LWTUNNEL_IP6_TC])
			put_uint(s, "tc", "tc ",
				 nla_get_u8(tb[LWTUNNEL_IP6_TC]));
	}
	if (tb[LWTUNNEL_IP_FLAGS]) {
		uint16_t f = nla_get_u16(tb[LWTUNNEL_IP_FLAGS]);

		if (f & TUNNEL_KEY)
			put_bool(s, "key");
		if (f & TUNNEL_CSUM)
			put_bool(s, "csum");
		if (f & TUNNEL_SEQ)
			put_bool(s, "seq");
	}
}

/* the members of a group: "group 1,2/3 " */
static void put_group_members(struct xshow *s, const struct nlattr *a)
{
	const struct nexthop_grp *g = nla_data(a);
	int n = nla_len(a) / (int)sizeof(*g);

	if (s->json) {
		json_key(&s->j, "group");
		json_begin_array(&s->j);
	} else {
		fputs("group ", stdout);
	}
	for (int i = 0; i < n; i++) {
		if (s->json) {
			json_key(&s->j, NULL);
			json_begin_object(&s->j);
			json_uint(&s->j, "id", g[i].id);
			if (g[i].weight)
				json_uint(&s->j, "weight", g[i].weight + 1u);
			json_end_object(&s->j);
			continue;
		}
		printf("%s%u", i ? "/" : "", g[i].id);
		if (g[i].weight)
			printf(",%u", g[i].weight + 1u);
	}
	if (s->json)
		json_end_array(&s->j);
	else
		putchar(' ');
}

static void put_res_group(struct xshow *s, struct nlattr *a)
{
	struct nlattr *tb[NHA_RES_GROUP_MAX + 1];
	uint16_t buckets = 0;
	uint32_t idle = 0, unbal = 0;
	uint64_t unbal_time = 0;

	if (nla_parse_nested(tb, NHA_RES_GROUP_MAX, a, NULL) < 0)
		memset(tb, 0, sizeof(tb));
	if (tb[NHA_RES_GROUP_BUCKETS])
		buckets = nla_get_u16(tb[NHA_RES_GROUP_BUCKETS]);
	if (tb[NHA_RES_GROUP_IDLE_TIMER])
		idle = nla_get_u32(tb[NHA_RES_GROUP_IDLE_TIMER]);
	if (tb[NHA_RES_GROUP_UNBALANCED_TIMER])
		unbal = nla_get_u32(tb[NHA_RES_GROUP_UNBALANCED_TIMER]);
	if (tb[NHA_RES_GROUP_UNBALANCED_TIME])
		unbal_time = nla_get_u64(tb[NHA_RES_GROUP_UNBALANCED_TIME]);
	if (s->json) {
		json_key(&s->j, "resilient_args");
		json_begin_object(&s->j);
	}
	put_uint(s, "buckets", "buckets ", buckets);
	put_time(s, "idle_timer", idle);
	put_time(s, "unbalanced_timer", unbal);
	put_time(s, "unbalanced_time", unbal_time);
	if (s->json)
		json_end_object(&s->j);
}

/* one nexthop in iproute2's layout (__print_nexthop_entry) */
static void print_nexthop(struct xshow *s, const struct nlmsghdr *nlh)
{
	const struct nhmsg *nhm = nlmsg_data(nlh);
	struct nlattr *tb[NHA_MAX + 1];
	bool details = s->sh->o.details > 0;
	char buf[INET6_ADDRSTRLEN + 64];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*nhm), tb, NHA_MAX,
			NULL) < 0)
		return;
	if (s->json) {
		json_key(&s->j, NULL);
		json_begin_object(&s->j);
	}
	put_uint(s, "id", "id ", tb[NHA_ID] ? nla_get_u32(tb[NHA_ID]) : 0);
	if (tb[NHA_GROUP] && nla_len(tb[NHA_GROUP]) > 0 &&
	    nla_len(tb[NHA_GROUP]) % (int)sizeof(struct nexthop_grp) == 0)
		put_group_members(s, tb[NHA_GROUP]);
	if (tb[NHA_GROUP_TYPE] &&
	    nla_get_u16(tb[NHA_GROUP_TYPE]) != NEXTHOP_GRP_TYPE_MPATH)
		put_str(s, "type", "type ",
			nla_get_u16(tb[NHA_GROUP_TYPE]) ==
					NEXTHOP_GRP_TYPE_RES ?
				"resilient" : "<unknown type>");
	if (tb[NHA_RES_GROUP])
		put_res_group(s, tb[NHA_RES_GROUP]);
	if (tb[NHA_ENCAP] && tb[NHA_ENCAP_TYPE])
		print_encap(s, tb[NHA_ENCAP_TYPE], tb[NHA_ENCAP]);
	if (tb[NHA_GATEWAY])
		put_str(s, "gateway", "via ",
			addr_str(nhm->nh_family, tb[NHA_GATEWAY], buf,
				 sizeof(buf)));
	if (tb[NHA_OIF] && nla_get_u32(tb[NHA_OIF]))
		put_str(s, "dev", "dev ",
			dev_name(s, (int)nla_get_u32(tb[NHA_OIF]), buf,
				 sizeof(buf)));
	if (nhm->nh_scope != RT_SCOPE_UNIVERSE || details)
		put_str(s, "scope", "scope ",
			rt_scope_n2a(nhm->nh_scope, buf, sizeof(buf)));
	if (tb[NHA_BLACKHOLE])
		put_null(s, "blackhole", "blackhole ");
	if (nhm->nh_protocol != RTPROT_UNSPEC || details)
		put_str(s, "protocol", "proto ",
			rt_proto_n2a(nhm->nh_protocol, buf, sizeof(buf)));
	put_flags(s, nhm->nh_flags);
	if (tb[NHA_FDB])
		put_null(s, "fdb", "fdb");
	if (s->json)
		json_end_object(&s->j);
	else
		putchar('\n');
}

/* one bucket (print_nexthop_bucket) */
static void print_bucket(struct xshow *s, const struct nlmsghdr *nlh)
{
	const struct nhmsg *nhm = nlmsg_data(nlh);
	struct nlattr *tb[NHA_MAX + 1], *bt[NHA_RES_BUCKET_MAX + 1];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*nhm), tb, NHA_MAX,
			NULL) < 0)
		return;
	if (s->json) {
		json_key(&s->j, NULL);
		json_begin_object(&s->j);
	}
	if (tb[NHA_ID])
		put_uint(s, "id", "id ", nla_get_u32(tb[NHA_ID]));
	if (tb[NHA_RES_BUCKET] &&
	    nla_parse_nested(bt, NHA_RES_BUCKET_MAX, tb[NHA_RES_BUCKET],
			     NULL) >= 0) {
		if (s->json) {
			json_key(&s->j, "bucket");
			json_begin_object(&s->j);
		}
		if (bt[NHA_RES_BUCKET_INDEX])
			put_uint(s, "index", "index ",
				 nla_get_u16(bt[NHA_RES_BUCKET_INDEX]));
		if (bt[NHA_RES_BUCKET_IDLE_TIME])
			put_time(s, "idle_time",
				 nla_get_u64(bt[NHA_RES_BUCKET_IDLE_TIME]));
		if (bt[NHA_RES_BUCKET_NH_ID])
			put_uint(s, "nhid", "nhid ",
				 nla_get_u32(bt[NHA_RES_BUCKET_NH_ID]));
		if (s->json)
			json_end_object(&s->j);
	}
	put_flags(s, nhm->nh_flags);
	if (s->json)
		json_end_object(&s->j);
	else
		putchar('\n');
}

/* a dump request of the nhmsg and the filter's attributes */
struct dreq {
	struct nhmsg nhm;
	unsigned char buf[64];
	size_t len;		/* of the attributes */
};

static void dreq_put(struct dreq *r, int type, const void *data, size_t n)
{
	struct nlattr *a = (struct nlattr *)(r->buf + r->len);

	a->nla_type = (uint16_t)type;
	a->nla_len = (uint16_t)(NLA_HDRLEN + n);
	if (n)
		memcpy((char *)a + NLA_HDRLEN, data, n);
	r->len += NLA_ALIGN(NLA_HDRLEN + n);
}

/* the selectors of a listing (ipnh_list_flush, ipnh_bucket_list) */
struct xfilter {
	uint32_t ifindex, master, id, nhid, proto;
	bool groups, fdb, has_id, has_proto;
	const char *id_text;
};

static int read_filter(struct nsh *sh, const struct nsh_args *a,
		       struct xfilter *f)
{
	memset(f, 0, sizeof(*f));
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		struct rtnl_link *l = NULL;
		int idx;

		switch (o ? o->key : 0) {
		case XK_DEV:
		case XK_MASTER:
			if (link_index(sh, v->text, &idx))
				return 1;
			*(o->key == XK_DEV ? &f->ifindex : &f->master) =
				(uint32_t)idx;
			break;
		case XK_VRF: {
			const char *kind;
			bool vrf;

			if (link_lookup(sh, v->text, &l))
				return 1;
			kind = rtnl_link_get_type(l);
			vrf = kind && streq(kind, "vrf");
			f->master = (uint32_t)rtnl_link_get_ifindex(l);
			rtnl_link_put(l);
			if (!vrf)
				return nsh_err(sh, "'%s': not a VRF", v->text);
			break;
		}
		case XK_GROUPS:
			f->groups = true;
			break;
		case XK_FDB:
			f->fdb = true;
			break;
		case XK_ID:
			f->has_id = true;
			f->id = (uint32_t)v->num;
			f->id_text = v->text;
			break;
		case XK_NHID:
			f->nhid = (uint32_t)v->num;
			break;
		case XK_PROTO:
			/* the list's `id` reads no further: a protocol
			 * given after it never counts */
			if (!f->has_id) {
				f->has_proto = true;
				f->proto = (uint32_t)v->num;
			}
			break;
		default:
			break;
		}
	}
	return 0;
}

/* nh_dump_filter (and nh_dump_bucket_filter for BUCKETS) */
static void dreq_filter(struct dreq *r, const struct xfilter *f,
			bool buckets)
{
	if (f->ifindex)
		dreq_put(r, NHA_OIF, &f->ifindex, 4);
	if (f->groups)
		dreq_put(r, NHA_GROUPS, NULL, 0);
	if (f->master)
		dreq_put(r, NHA_MASTER, &f->master, 4);
	if (f->fdb)
		dreq_put(r, NHA_FDB, NULL, 0);
	if (!buckets)
		return;
	if (f->id)
		dreq_put(r, NHA_ID, &f->id, 4);
	if (f->nhid) {
		struct nlattr *nest = (struct nlattr *)(r->buf + r->len);

		dreq_put(r, NHA_RES_BUCKET | NLA_F_NESTED, NULL, 0);
		dreq_put(r, NHA_RES_BUCKET_NH_ID, &f->nhid, 4);
		nest->nla_len = (uint16_t)((r->buf + r->len) -
					   (unsigned char *)nest);
	}
}

static int nh_dump(struct xshow *s, int type, struct dreq *r,
		   struct msg_list *l)
{
	r->nhm.nh_family = (unsigned char)s->sh->o.family;
	return dump_msgs(s->sh, s->sk, type, r, sizeof(r->nhm) + r->len,
			 type == RTM_GETNEXTHOP ? "nexthops" :
						  "nexthop buckets", l);
}

/* RTM_GETNEXTHOP for ID (with the list's protocol filter) */
static int get_one(struct xshow *s, const char *what, uint32_t id,
		   const struct xfilter *f)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nlmsg_alloc_simple(RTM_GETNEXTHOP, NLM_F_REQUEST);
	struct nhmsg nhm = { .nh_family = (unsigned char)s->sh->o.family };
	struct nlmsghdr *ans = NULL;
	int err;

	if (!msg || nlmsg_append(msg, &nhm, sizeof(nhm), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, NHA_ID, id) < 0)
		return nsh_err(s->sh, "out of memory");
	err = ipr_get(s->sk, msg, &ans);
	if (err < 0) {
		return refused(s->sh, what, err, RTM_GETNEXTHOP, NULL);
	}
	if (s->json)
		json_begin_array(&s->j);
	if (!f || !f->has_proto ||
	    ((const struct nhmsg *)nlmsg_data(ans))->nh_protocol == f->proto)
		print_nexthop(s, ans);
	if (s->json) {
		json_end_array(&s->j);
		json_end(&s->j);
	}
	free(ans);
	return 0;
}

static void xshow_init(struct xshow *s, struct nsh *sh)
{
	memset(s, 0, sizeof(*s));
	s->sh = sh;
	s->json = sh->o.json;
	s->j.pretty = sh->o.pretty;
	rt_names_reset(sh->o.numeric);
}

/* ip nexthop [list [SELECTOR]] */
static int cmd_list(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct dreq r = { 0 };
	struct xfilter f;
	struct xshow s;
	int rc = 1;

	if (wants_help(a))
		return 0;
	xshow_init(&s, sh);
	s.sk = ns_sock(sh);
	if (!s.sk || read_filter(sh, a, &f))
		goto out;
	if (f.has_id) {
		rc = get_one(&s, f.id_text, f.id, &f);
		goto out;
	}
	dreq_filter(&r, &f, false);
	if (nh_dump(&s, RTM_GETNEXTHOP, &r, &l))
		goto out;
	if (s.json)
		json_begin_array(&s.j);
	for (int i = 0; i < l.n; i++)
		if (!f.has_proto ||
		    ((const struct nhmsg *)nlmsg_data(l.v[i]))->nh_protocol ==
			    f.proto)
			print_nexthop(&s, l.v[i]);
	if (s.json) {
		json_end_array(&s.j);
		json_end(&s.j);
	}
	rc = 0;
out:
	xshow_free(&s);
	return rc;
}

/* ip nexthop get id ID */
static int cmd_get(struct nsh *sh, const struct nsh_args *a)
{
	int i = -1;
	struct xshow s;
	int rc;

	for (int k = ipl_find(a, 0, XK_ID); k >= 0; k = ipl_find(a, k + 1,
								 XK_ID))
		i = k;
	if (i < 0 || !ipl_arg(a, i, 0)->num)
		return nsh_err(sh, "missing 'id ID' (a nexthop's id, not 0)");
	xshow_init(&s, sh);
	s.sk = ns_sock(sh);
	if (!s.sk)
		return 1;
	rc = get_one(&s, ipl_arg(a, i, 0)->text,
		     (uint32_t)ipl_arg(a, i, 0)->num, NULL);
	xshow_free(&s);
	return rc;
}

/* RTM_DELNEXTHOP for ID (delete_nexthop); quiet about ENOENT when
 * FLUSHING: a group goes with its last member */
static int del_one(struct nsh *sh, struct nl_sock *sk, uint32_t id,
		   const char *what)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nlmsg_alloc_simple(RTM_DELNEXTHOP, NLM_F_REQUEST | NLM_F_ACK);
	struct nhmsg nhm = { .nh_family = AF_UNSPEC };
	char buf[16];
	int err;

	if (!msg || nlmsg_append(msg, &nhm, sizeof(nhm), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, NHA_ID, id) < 0)
		return nsh_err(sh, "out of memory");
	err = ipr_ack(sk, msg);
	if (err >= 0)
		return 0;
	if (!what) {
		if (nl_last_errno() == ENOENT)
			return -1;
		snprintf(buf, sizeof(buf), "%u", id);
		what = buf;
	}
	return refused(sh, what, err, RTM_DELNEXTHOP, NULL);
}

/*
 * ip nexthop flush [SELECTOR]: delete what a dump with the selector
 * lists; without one the groups first, then the rest (ipnh_flush).
 * Prints how many went.
 */
static int cmd_flush(struct nsh *sh, const struct nsh_args *a)
{
	struct dreq r;
	struct xfilter f;
	struct xshow s;
	bool all = true;
	unsigned flushed = 0;
	int rc = 0;

	if (wants_help(a))
		return 0;
	for (int i = 0; i < a->nbind; i++)
		if (a->bind[i].opt && a->bind[i].opt->key < IPL_KEY_GLOBAL)
			all = false;
	xshow_init(&s, sh);
	s.sk = ns_sock(sh);
	if (!s.sk || read_filter(sh, a, &f))
		return 1;
	if (f.has_id)
		return del_one(sh, s.sk, f.id, f.id_text) ? 1 : 0;
	if (all)
		f.groups = true;
	for (;;) {
		_cleanup_(msg_list_free) struct msg_list l = { 0 };

		memset(&r, 0, sizeof(r));
		dreq_filter(&r, &f, false);
		if (nh_dump(&s, RTM_GETNEXTHOP, &r, &l)) {
			rc = 1;
			break;
		}
		for (int i = 0; i < l.n; i++) {
			const struct nhmsg *nhm = nlmsg_data(l.v[i]);
			struct nlattr *id = nlmsg_find_attr(l.v[i],
							    sizeof(*nhm),
							    NHA_ID);
			int e;

			if ((f.has_proto && nhm->nh_protocol != f.proto) ||
			    !id || !nla_get_u32(id))
				continue;
			e = del_one(sh, s.sk, nla_get_u32(id), NULL);
			if (!e)
				flushed++;
			else if (e > 0)
				rc = 1;
		}
		if (!(all && f.groups))
			break;
		f.groups = false;
	}
	if (!flushed)
		printf("Nothing to flush\n");
	else
		printf("Flushed %u nexthops\n", flushed);
	xshow_free(&s);
	return rc;
}

/* ip nexthop bucket [list [SELECTOR] | get id ID index INDEX] */
static int cmd_bucket(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct dreq r = { 0 };
	struct xfilter f;
	struct xshow s;
	int rc = 1;

	if (wants_help(a))
		return 0;
	xshow_init(&s, sh);
	s.sk = ns_sock(sh);
	if (!s.sk || read_filter(sh, a, &f))
		goto out;
	if (ipl_find(a, 0, XK_GET) >= 0) {
		_cleanup_(nlmsg_freep) struct nl_msg *msg =
			nlmsg_alloc_simple(RTM_GETNEXTHOPBUCKET, NLM_F_REQUEST);
		struct nhmsg nhm = { .nh_family =
					     (unsigned char)sh->o.family };
		const struct nsh_val *idx = NULL;
		struct nlmsghdr *ans = NULL;
		struct nlattr *nest;
		char what[48];
		int err;

		for (int k = ipl_find(a, 0, XK_INDEX); k >= 0;
		     k = ipl_find(a, k + 1, XK_INDEX))
			idx = ipl_arg(a, k, 0);
		if (!f.id || !idx) {
			rc = nsh_err(sh, "missing '%s'", !f.id ? "id ID" :
								 "index INDEX");
			goto out;
		}
		if (!msg ||
		    nlmsg_append(msg, &nhm, sizeof(nhm), NLMSG_ALIGNTO) < 0 ||
		    nla_put_u32(msg, NHA_ID, f.id) < 0 ||
		    !(nest = nla_nest_start(msg, NHA_RES_BUCKET |
							 NLA_F_NESTED)) ||
		    nla_put_u16(msg, NHA_RES_BUCKET_INDEX,
				(uint16_t)idx->num) < 0) {
			rc = nsh_err(sh, "out of memory");
			goto out;
		}
		nla_nest_end(msg, nest);
		snprintf(what, sizeof(what), "id %u index %ld", f.id,
			 idx->num);
		err = ipr_get(s.sk, msg, &ans);
		if (err < 0) {
			rc = refused(sh, what, err, RTM_GETNEXTHOPBUCKET, NULL);
			goto out;
		}
		l.v = calloc(1, sizeof(*l.v));
		if (!l.v) {
			free(ans);
			rc = nsh_err(sh, "out of memory");
			goto out;
		}
		l.v[l.n++] = ans;
	} else {
		dreq_filter(&r, &f, true);
		if (nh_dump(&s, RTM_GETNEXTHOPBUCKET, &r, &l))
			goto out;
	}
	if (s.json)
		json_begin_array(&s.j);
	for (int i = 0; i < l.n; i++)
		print_bucket(&s, l.v[i]);
	if (s.json) {
		json_end_array(&s.j);
		json_end(&s.j);
	}
	rc = 0;
out:
	xshow_free(&s);
	return rc;
}

/* in iproute2's order (do_ipnh) */
static const struct nsh_cmd nexthop_cmds[] = {
	{ "ip nexthop add", "add a nexthop object or group",
	  cmd_add, NSH_CMD_MUTATES,
	  "ip nexthop add id 1 via 10.0.0.2 dev veth1", NULL, &modify_opts },
	{ "ip nexthop replace", "add or replace a nexthop",
	  cmd_replace, NSH_CMD_MUTATES,
	  "ip nexthop replace id 10 group 1/2", NULL, &modify_opts },
	{ "ip nexthop delete", "delete a nexthop", cmd_delete, NSH_CMD_MUTATES,
	  "ip nexthop del id 1", NULL, &modify_opts },
	{ "ip nexthop list/show/lst", "list the nexthops", cmd_list, 0,
	  "ip nexthop show dev veth1", NULL, &list_opts },
	{ "ip nexthop get", "show one nexthop", cmd_get, 0,
	  "ip nexthop get id 1", NULL, &get_opts },
	{ "ip nexthop flush", "delete nexthops (all without a selector)",
	  cmd_flush, NSH_CMD_MUTATES,
	  "ip nexthop flush dev veth1", NULL, &list_opts },
	{ "ip nexthop bucket", "the buckets of resilient groups", cmd_bucket,
	  0, "ip nexthop bucket show id 10", NULL, &bucket_opts },
	{ "ip nexthop", "list the nexthops", cmd_list },
	{ NULL },
};

const struct nsh_family nexthop_family = {
	"nexthop", "ip nexthop: add, replace, delete, show and flush nexthop "
		   "objects and groups",
	nexthop_cmds, nexthop_types,
};
