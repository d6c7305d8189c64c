/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route.c - `ip route …`: add, delete and show the routes of the main table,
 * IPv4 and IPv6.
 *
 * The requests carry exactly the header iproute2 sends (protocol boot,
 * table main, type unicast, scope universe with a gateway and link
 * without; for a delete: protocol, type and scope left open), so that
 * `ip -j route` cannot tell which tool added a route.  libnl builds the
 * attributes; the rtmsg header is then set explicitly, because libnl
 * versions differ in how they guess a scope.  Listing parses the kernel's
 * RTM_NEWROUTE messages directly (a libnl cache merges IPv6 routes that
 * share a prefix) and prints iproute2's layout.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/route/link.h>
#include <netlink/route/route.h>
#include <netlink/route/nexthop.h>

#include "cmds.h"
#include "ipl.h"

enum route_key { RK_VIA = 1, RK_DEV, RK_SRC, RK_METRIC, RK_ONLINK, RK_TO };

DEFINE_PUTP(struct rtnl_route, rtnl_route_put)
DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_addr, nl_addr_put)
DEFINE_PUTP(struct nl_cache, nl_cache_free)
DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ------------------------------------------------------------ show */

/* rt_dump - every route of FAMILY in SH->cur, as the kernel's messages */
static int rt_dump(struct nsh *sh, struct nl_sock *sk, int family,
		   struct msg_list *l)
{
	struct rtmsg hdr = { .rtm_family = (unsigned char)family };

	return dump_msgs(sh, sk, RTM_GETROUTE, &hdr, sizeof(hdr), "routes", l);
}

struct rt_show {
	struct nsh *sh;
	struct nl_cache *links;
	struct json j;
	bool json;
};

/* NAMES[V] if it has one, else V in decimal */
static const char *name_of(const char *const *names, size_t n, unsigned v,
			   char *buf, size_t len)
{
	if (v < n && names[v])
		return names[v];
	snprintf(buf, len, "%u", v);
	return buf;
}

static const char *proto_name(unsigned p, char *buf, size_t len)
{
	static const char *const names[256] = {
		[RTPROT_UNSPEC] = "unspec", [RTPROT_REDIRECT] = "redirect",
		[RTPROT_KERNEL] = "kernel", [RTPROT_BOOT] = "boot",
		[RTPROT_STATIC] = "static", [RTPROT_GATED] = "gated",
		[RTPROT_RA] = "ra", [RTPROT_MRT] = "mrt",
		[RTPROT_ZEBRA] = "zebra", [RTPROT_BIRD] = "bird",
		[RTPROT_DNROUTED] = "dnrouted", [RTPROT_XORP] = "xorp",
		[RTPROT_NTK] = "ntk", [RTPROT_DHCP] = "dhcp",
		[RTPROT_MROUTED] = "mrouted",
		[RTPROT_KEEPALIVED] = "keepalived",
		[RTPROT_BABEL] = "babel", [RTPROT_OPENR] = "openr",
		[RTPROT_BGP] = "bgp", [RTPROT_ISIS] = "isis",
		[RTPROT_OSPF] = "ospf", [RTPROT_RIP] = "rip",
		[RTPROT_EIGRP] = "eigrp",
	};

	return name_of(names, ARRAY_SIZE(names), p, buf, len);
}

static const char *scope_name(unsigned s, char *buf, size_t len)
{
	static const char *const names[256] = {
		[RT_SCOPE_UNIVERSE] = "global", [RT_SCOPE_SITE] = "site",
		[RT_SCOPE_LINK] = "link", [RT_SCOPE_HOST] = "host",
		[RT_SCOPE_NOWHERE] = "nowhere",
	};

	return name_of(names, ARRAY_SIZE(names), s, buf, len);
}

static const char *type_name(unsigned t, char *buf, size_t len)
{
	static const char *const names[] = {
		"unspec", "unicast", "local", "broadcast", "anycast",
		"multicast", "blackhole", "unreachable", "prohibit", "throw",
		"nat", "xresolve",
	};

	return name_of(names, ARRAY_SIZE(names), t, buf, len);
}

/* "key value " in text, "key": "value" in JSON */
static void field(struct rt_show *s, const char *key, const char *text,
		  const char *val)
{
	if (s->json)
		json_str(&s->j, key, val);
	else
		printf("%s%s%s ", text, *text ? " " : "", val);
}

static void addr_field(struct rt_show *s, int family, const char *key,
		       const char *text, const struct nlattr *a)
{
	char buf[INET6_ADDRSTRLEN];

	if (nla_len(a) != (family == AF_INET ? 4 : 16) ||
	    !inet_ntop(family, nla_data(a), buf, sizeof(buf)))
		return;
	field(s, key, text, buf);
}

static void dev_field(struct rt_show *s, uint32_t idx)
{
	char buf[64];

	if (!s->links || !rtnl_link_i2name(s->links, (int)idx, buf,
					   sizeof(buf)))
		snprintf(buf, sizeof(buf), "if%u", idx);
	field(s, "dev", "dev", buf);
}

/* route and next-hop flags, in iproute2's order */
static void flags_field(struct rt_show *s, unsigned flags)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{ RTNH_F_DEAD, "dead" }, { RTNH_F_ONLINK, "onlink" },
		{ RTNH_F_PERVASIVE, "pervasive" },
		{ RTNH_F_OFFLOAD, "offload" }, { RTM_F_NOTIFY, "notify" },
		{ RTNH_F_LINKDOWN, "linkdown" },
		{ RTNH_F_UNRESOLVED, "unresolved" },
		{ RTM_F_OFFLOAD, "rt_offload" }, { RTM_F_TRAP, "rt_trap" },
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

/* the next hops of a multipath route: "\n\tnexthop via … dev … weight N" */
static void multipath(struct rt_show *s, int family, const struct nlattr *mp)
{
	const struct rtnexthop *nh = nla_data(mp);
	int left = nla_len(mp);

	if (s->json) {
		json_key(&s->j, "nexthops");
		json_begin_array(&s->j);
	}
	while (left >= (int)sizeof(*nh) && nh->rtnh_len >= sizeof(*nh) &&
	       nh->rtnh_len <= left) {
		struct nlattr *tb[RTA_MAX + 1];

		if (nla_parse(tb, RTA_MAX, (struct nlattr *)RTNH_DATA(nh),
			      nh->rtnh_len - (int)sizeof(*nh), NULL) < 0)
			break;
		if (s->json) {
			json_key(&s->j, NULL);
			json_begin_object(&s->j);
		} else {
			fputs("\n\tnexthop ", stdout);
		}
		if (tb[RTA_GATEWAY])
			addr_field(s, family, "gateway", "via",
				   tb[RTA_GATEWAY]);
		dev_field(s, (uint32_t)nh->rtnh_ifindex);
		if (s->json)
			json_int(&s->j, "weight", nh->rtnh_hops + 1);
		else
			printf("weight %d ", nh->rtnh_hops + 1);
		flags_field(s, nh->rtnh_flags);
		if (s->json)
			json_end_object(&s->j);
		left -= RTNH_ALIGN(nh->rtnh_len);
		nh = RTNH_NEXT(nh);
	}
	if (s->json)
		json_end_array(&s->j);
}

/* one route in iproute2's layout (the main table, not cached clones) */
static void print_route(struct rt_show *s, struct nlmsghdr *nlh)
{
	static const char *const prefs[] = { "medium", "high", "", "low" };
	struct rtmsg *r = nlmsg_data(nlh);
	struct nlattr *tb[RTA_MAX + 1];
	uint32_t table = r->rtm_table;
	int hostlen = r->rtm_family == AF_INET ? 32 : 128;
	char buf[INET6_ADDRSTRLEN + 8], dst[INET6_ADDRSTRLEN + 8];

	if (nlmsg_parse(nlh, sizeof(*r), tb, RTA_MAX, NULL) < 0)
		return;
	if (tb[RTA_TABLE])
		table = nla_get_u32(tb[RTA_TABLE]);
	if (table != RT_TABLE_MAIN || (r->rtm_flags & RTM_F_CLONED))
		return;
	if (s->json) {
		json_key(&s->j, NULL);
		json_begin_object(&s->j);
	}
	if (r->rtm_type != RTN_UNICAST)
		field(s, "type", "", type_name(r->rtm_type, buf, sizeof(buf)));
	if (tb[RTA_DST] && nla_len(tb[RTA_DST]) == hostlen / 8) {
		inet_ntop(r->rtm_family, nla_data(tb[RTA_DST]), dst,
			  INET6_ADDRSTRLEN);
		if (r->rtm_dst_len != hostlen)
			snprintf(dst + strlen(dst), 8, "/%u", r->rtm_dst_len);
	} else if (r->rtm_dst_len) {
		snprintf(dst, sizeof(dst), "0/%u", r->rtm_dst_len);
	} else {
		snprintf(dst, sizeof(dst), "default");
	}
	field(s, "dst", "", dst);
	if (tb[RTA_GATEWAY])
		addr_field(s, r->rtm_family, "gateway", "via", tb[RTA_GATEWAY]);
	if (tb[RTA_OIF])
		dev_field(s, nla_get_u32(tb[RTA_OIF]));
	if (r->rtm_protocol != RTPROT_BOOT)
		field(s, "protocol", "proto",
		      proto_name(r->rtm_protocol, buf, sizeof(buf)));
	if (r->rtm_scope != RT_SCOPE_UNIVERSE)
		field(s, "scope", "scope",
		      scope_name(r->rtm_scope, buf, sizeof(buf)));
	if (tb[RTA_PREFSRC])
		addr_field(s, r->rtm_family, "prefsrc", "src", tb[RTA_PREFSRC]);
	if (tb[RTA_PRIORITY] && s->json)
		json_uint(&s->j, "metric", nla_get_u32(tb[RTA_PRIORITY]));
	else if (tb[RTA_PRIORITY])
		printf("metric %u ", nla_get_u32(tb[RTA_PRIORITY]));
	flags_field(s, r->rtm_flags);
	if (tb[RTA_PREF] && nla_get_u8(tb[RTA_PREF]) < ARRAY_SIZE(prefs)) {
		const char *p = prefs[nla_get_u8(tb[RTA_PREF])];

		if (s->json)
			json_str(&s->j, "pref", p);
		else
			printf("pref %s", p);
	}
	if (tb[RTA_MULTIPATH])
		multipath(s, r->rtm_family, tb[RTA_MULTIPATH]);
	if (s->json)
		json_end_object(&s->j);
	else
		putchar('\n');
}

/* ip route [show]: the main table of one family (-6; IPv4 by default) */
static int cmd_show(struct nsh *sh, const struct nsh_args *a)
{
	struct rt_show s = { .sh = sh, .json = sh->o.json,
			     .j = { .pretty = sh->o.pretty } };
	_cleanup_(nl_cache_freep) struct nl_cache *links = NULL;
	struct nl_sock *sk = ns_sock(sh);
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	char why[256];
	int err;

	if (!sk)
		return 1;
	err = rtnl_link_alloc_cache(sk, AF_UNSPEC, &links);
	if (err < 0)
		return nsh_err(sh, "cannot list the links: %s",
			       nl_reason(err, why, sizeof(why)));
	s.links = links;
	if (rt_dump(sh, sk, sh->o.family ? sh->o.family : AF_INET, &l))
		return 1;
	if (s.json)
		json_begin_array(&s.j);
	for (int i = 0; i < l.n; i++)
		print_route(&s, l.v[i]);
	if (s.json) {
		json_end_array(&s.j);
		json_end(&s.j);
	}
	return 0;
}

/* ------------------------------------------------------------ changes */

static const char *fam_name(int family)
{
	return family == AF_INET ? "IPv4" : "IPv6";
}

/*
 * The family of the route: from the prefix, the gateway and the source,
 * which must agree with each other and with -4/-6; "default dev X" alone
 * is IPv4 unless -6 is given.
 */
static int pick_family(struct nsh *sh, const struct nsh_val *route,
			const struct nsh_val *via, const struct nsh_val *src,
			int *ret)
{
	const struct nsh_val *v[] = { route, via, src };
	const struct nsh_val *first = NULL;

	for (size_t i = 0; i < ARRAY_SIZE(v); i++) {
		if (!v[i] || v[i]->pfx.family == AF_UNSPEC)
			continue;
		if (sh->o.family && v[i]->pfx.family != sh->o.family)
			return nsh_err(sh, "'%s': not an %s address (-%c was "
					   "given)", v[i]->text,
				       fam_name(sh->o.family),
				       sh->o.family == AF_INET ? '4' : '6');
		if (first && v[i]->pfx.family != first->pfx.family)
			return nsh_err(sh, "'%s': an %s address in a route "
					   "with %s '%s'", v[i]->text,
				       fam_name(v[i]->pfx.family),
				       fam_name(first->pfx.family),
				       first->text);
		if (!first)
			first = v[i];
	}
	*ret = first ? first->pfx.family :
		       sh->o.family ? sh->o.family : AF_INET;
	return 0;
}

static struct nl_addr *to_nl(int family, const struct nsh_prefix *p)
{
	struct nl_addr *n;

	if (p->family == AF_UNSPEC) {	/* default: no RTA_DST, length 0 */
		n = nl_addr_alloc(0);
		if (n)
			nl_addr_set_family(n, family);
		return n;
	}
	n = nl_addr_build(p->family, p->addr, p->family == AF_INET ? 4 : 16);
	if (n)
		nl_addr_set_prefixlen(n, p->len);
	return n;
}

/*
 * modify - send RTM_NEWROUTE (ADD) or RTM_DELROUTE for the parsed command:
 * validates every argument and the link first, so a rejected command
 * changes nothing.
 */
static int modify(struct nsh *sh, const struct nsh_args *a, bool add)
{
	const struct nsh_val *route = ipl_get(a, RK_TO);
	const struct nsh_val *via = ipl_get(a, RK_VIA);
	const struct nsh_val *src = ipl_get(a, RK_SRC);
	const struct nsh_val *metric = ipl_get(a, RK_METRIC);
	const char *dev = ipl_str(a, RK_DEV);
	_cleanup_(rtnl_route_putp) struct rtnl_route *rt = NULL;
	_cleanup_(rtnl_link_putp) struct rtnl_link *link = NULL;
	_cleanup_(nl_addr_putp) struct nl_addr *dst = NULL;
	_cleanup_(nl_addr_putp) struct nl_addr *gw = NULL;
	_cleanup_(nl_addr_putp) struct nl_addr *psrc = NULL;
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct rtnl_nexthop *nh = NULL;
	struct nl_sock *sk;
	struct rtmsg *rtm;
	const char *subject = route->text;
	char why[256];
	int family = AF_INET, err;

	if (!route)
		return nsh_err(sh, "missing the destination (PREFIX or "
				   "default)");
	if (pick_family(sh, route, via, src, &family))
		return 1;
	if (dev && link_lookup(sh, dev, &link))
		return 1;
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	rt = rtnl_route_alloc();
	dst = to_nl(family, &route->pfx);
	gw = via ? to_nl(family, &via->pfx) : NULL;
	psrc = src ? to_nl(family, &src->pfx) : NULL;
	if (!rt || !dst || (via && !gw) || (src && !psrc))
		return nsh_err(sh, "out of memory");
	if (rtnl_route_set_family(rt, (uint8_t)family) < 0 ||
	    rtnl_route_set_dst(rt, dst) < 0 ||
	    (psrc && rtnl_route_set_pref_src(rt, psrc) < 0))
		return nsh_err(sh, "'%s': cannot build the request", subject);
	rtnl_route_set_table(rt, RT_TABLE_MAIN);
	if (metric)
		rtnl_route_set_priority(rt, (uint32_t)metric->num);
	if (via || link) {
		nh = rtnl_route_nh_alloc();
		if (!nh)
			return nsh_err(sh, "out of memory");
		if (gw)
			rtnl_route_nh_set_gateway(nh, gw);
		if (link)
			rtnl_route_nh_set_ifindex(nh,
						  rtnl_link_get_ifindex(link));
		rtnl_route_add_nexthop(rt, nh);	/* the route owns it now */
	}
	err = add ? rtnl_route_build_add_request(rt, NLM_F_EXCL, &msg) :
		    rtnl_route_build_del_request(rt, 0, &msg);
	if (err < 0)
		return nsh_err(sh, "'%s': cannot build the request: %s",
			       subject, nl_geterror(err));
	/* the header iproute2 sends */
	rtm = nlmsg_data(nlmsg_hdr(msg));
	rtm->rtm_table = RT_TABLE_MAIN;
	rtm->rtm_protocol = add ? RTPROT_BOOT : RTPROT_UNSPEC;
	rtm->rtm_type = add ? RTN_UNICAST : RTN_UNSPEC;
	if (ipl_find(a, 0, RK_ONLINK) >= 0)	/* the gateway is on the link as is */
		rtm->rtm_flags |= RTNH_F_ONLINK;
	if (family == AF_INET6)
		rtm->rtm_scope = RT_SCOPE_UNIVERSE;
	else if (!add)
		rtm->rtm_scope = RT_SCOPE_NOWHERE;
	else
		rtm->rtm_scope = via ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	nl_clear_error();
	err = nl_send_auto_complete(sk, msg);
	if (err >= 0)
		err = nl_wait_for_ack(sk);
	if (err >= 0)
		return 0;
	if (add && nl_last_errno() == EEXIST)
		return nsh_err(sh, "'%s': route already exists", subject);
	if (!add && nl_last_errno() == ESRCH)
		return nsh_err(sh, "'%s': no such route", subject);
	nl_reason(err, why, sizeof(why));
	/* name the argument the kernel complains about */
	if (via && (strstr(why, "gateway") || strstr(why, "Nexthop") ||
		    nl_last_errno() == ENETUNREACH ||
		    nl_last_errno() == EHOSTUNREACH))
		subject = via->text;
	else if (src && strstr(why, "src"))
		subject = src->text;
	return nsh_err(sh, "'%s': %s", subject, why);
}

static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, true);
}

static int cmd_del(struct nsh *sh, const struct nsh_args *a)
{
	return modify(sh, a, false);
}

static const struct ipl_opt route_rows[] = {
	{ "src", 0, "ADDR", RK_SRC, "the source address to prefer" },
	{ "via", 0, "ADDR", RK_VIA, "the gateway" },
	{ "metric", IPL_PREFIX | IPL_ONCE, "NUM", RK_METRIC, "the metric" },
	{ "onlink", 0, NULL, RK_ONLINK, "the gateway is on the link" },
	{ "dev", IPL_ONCE, "DEV", RK_DEV, "the link" },
	{ "oif", IPL_ALIAS | IPL_ONCE, "DEV", RK_DEV },
	{ "to", IPL_DEFAULT | IPL_ONCE, "ROUTE", RK_TO,
	  "the destination: PREFIX or default" },
	{ NULL },
};

static const struct ipl_table route_opts = { "ip route add", route_rows };

static const struct nsh_cmd route_cmds[] = {
	{ "ip route add", "add a route to the main table", cmd_add, 0,
	  "ip route add default via 10.0.0.254", NULL, &route_opts },
	{ "ip route delete", "delete a route from the main table", cmd_del, 0,
	  "ip route del default", NULL, &route_opts },
	{ "ip route list/show/lst", "list the main table (-6: the IPv6 one)",
	  cmd_show, 0, "ip -6 route", NULL },
	{ "ip route", "list the main table", cmd_show },
	{ NULL },
};

const struct nsh_family route_family = {
	"route", "ip route: add, delete and show routes", route_cmds,
};
