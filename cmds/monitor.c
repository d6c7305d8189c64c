/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * monitor.c - `ip monitor [all | OBJECTS] [label] [all-nsid] [dev DEV]`:
 * the kernel's rtnetlink events of the current namespace (with all-nsid,
 * of every namespace it has an nsid for), printed as ip/ipmonitor.c
 * prints them, until Ctrl-C.
 *
 * The lines are iproute2's monitor lines, which are not quite those of
 * its show commands (no "mode"/"qlen" on a link, the link's index before
 * an address, "Deleted " before what went), so the printers are here,
 * from the raw messages.  Like iproute2, the names of link indexes come
 * from a map filled at the start and kept by the link events of any
 * namespace (so all-nsid may name another namespace's link after one of
 * this one, as ip does), and the nsid names from its netns map.
 *
 * What nsh does not print itself (mroute, prefix, stats, `file`) runs
 * in the real ip.
 */
#include "config.h"

#include <errno.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/fib_rules.h>
#include <linux/icmpv6.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/net_namespace.h>
#include <linux/netconf.h>
#include <linux/netlink.h>
#include <linux/nexthop.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/utils.h>

#include "cmds.h"
#include "iproute.h"
#include "ipl.h"
#include "netns.h"
#include "probe.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif
#ifndef ARPHRD_IP6GRE
#define ARPHRD_IP6GRE 823
#endif
#ifndef IF_OPER_UP
#define IF_OPER_UP 6
#endif
#ifndef INFINITY_LIFE_TIME
#define INFINITY_LIFE_TIME 0xffffffffU	/* iproute2's: no lifetime */
#endif

enum mon_key {
	M_FILE = 1, M_LABEL, M_LINK, M_ADDR, M_ROUTE, M_MROUTE, M_PREFIX,
	M_NEIGH, M_NETCONF, M_RULE, M_NSID, M_NEXTHOP, M_STATS, M_ALL,
	M_ALL_NSID, M_HELP, M_DEV,
};

#define L(k) (1u << (k))

/* a link index's name, flags and type, as iproute2's ll map keeps them */
struct ll_ent {
	int index;
	unsigned flags;
	unsigned short type;
	char name[IFNAMSIZ];
};

struct mon {
	struct nsh *sh;
	struct nl_sock *sk;	/* the current namespace's, for questions */
	int fd;			/* the listening socket */
	unsigned mask;		/* L(M_LINK)…: what to print */
	bool label, all_nsid;
	int ifindex;		/* dev DEV: only its events */
	int family;		/* -4/-6 */
	struct ll_ent *ll;
	int nll;
	struct nsid_map ids;
};

/* ------------------------------------------------------------ names */

static struct ll_ent *ll_get(struct mon *m, int index)
{
	for (int i = 0; i < m->nll; i++)
		if (m->ll[i].index == index)
			return &m->ll[i];
	return NULL;
}

/* remember (or forget, for RTM_DELLINK) the link of NLH */
static void ll_remember(struct mon *m, const struct nlmsghdr *nlh)
{
	const struct ifinfomsg *ifi = nlmsg_data(nlh);
	struct nlattr *tb[IFLA_MAX + 1];
	struct ll_ent *e = ll_get(m, ifi->ifi_index);

	if (nlh->nlmsg_type == RTM_DELLINK) {
		if (e)
			*e = m->ll[--m->nll];
		return;
	}
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ifi), tb, IFLA_MAX,
			NULL) < 0)
		return;
	if (!e) {
		struct ll_ent *v = realloc(m->ll, sizeof(*v) *
						  (size_t)(m->nll + 1));

		if (!v)
			return;
		m->ll = v;
		e = &v[m->nll++];
		memset(e, 0, sizeof(*e));
		e->index = ifi->ifi_index;
	}
	e->flags = ifi->ifi_flags;
	e->type = ifi->ifi_type;
	if (tb[IFLA_IFNAME])
		snprintf(e->name, sizeof(e->name), "%s",
			 nla_get_string(tb[IFLA_IFNAME]));
}

static int ll_dump_cb(struct nl_msg *msg, void *arg)
{
	ll_remember(arg, nlmsg_hdr(msg));
	return NL_OK;
}

/* iproute2's ll_init_map: the links of the current namespace */
static void ll_init(struct mon *m)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_cb *orig, *cb;

	if (nl_send_simple(m->sk, RTM_GETLINK, NLM_F_DUMP, &ifi,
			   sizeof(ifi)) < 0)
		return;
	orig = nl_socket_get_cb(m->sk);
	cb = nl_cb_clone(orig);
	nl_cb_put(orig);
	if (!cb)
		return;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, ll_dump_cb, m);
	(void)nl_recvmsgs(m->sk, cb);
	nl_cb_put(cb);
}

/* iproute2's ll_link_get: ask the kernel for link INDEX, and keep it */
static struct ll_ent *ll_ask(struct mon *m, int index)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC,
				 .ifi_index = index };
	struct nl_cb *orig, *cb;

	if (nl_send_simple(m->sk, RTM_GETLINK, 0, &ifi, sizeof(ifi)) < 0)
		return NULL;
	orig = nl_socket_get_cb(m->sk);
	cb = nl_cb_clone(orig);
	nl_cb_put(orig);
	if (!cb)
		return NULL;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, ll_dump_cb, m);
	/* the answer, then the ACK libnl asked for (an error replaces both) */
	if (nl_recvmsgs(m->sk, cb) >= 0)
		(void)nl_wait_for_ack(m->sk);
	nl_cb_put(cb);
	return ll_get(m, index);
}

/* iproute2's ll_index_to_name: the map, the kernel, or "ifN" */
static const char *ll_name(struct mon *m, int index, char *buf, size_t len)
{
	struct ll_ent *e;

	if (!index)
		return "*";
	e = ll_get(m, index);
	if (!e)
		e = ll_ask(m, index);
	if (e)
		return e->name;
	snprintf(buf, len, "if%d", index);
	return buf;
}

static const char *lladdr_str(const unsigned char *a, int len, int type,
			      char *buf, size_t blen)
{
	size_t o = 0;

	if (len == 4 && (type == ARPHRD_TUNNEL || type == ARPHRD_SIT ||
			 type == ARPHRD_IPGRE))
		return inet_ntop(AF_INET, a, buf, (socklen_t)blen);
	if (len == 16 && (type == ARPHRD_TUNNEL6 || type == ARPHRD_IP6GRE))
		return inet_ntop(AF_INET6, a, buf, (socklen_t)blen);
	buf[0] = '\0';
	for (int i = 0; i < len && o + 4 < blen; i++)
		o += (size_t)snprintf(buf + o, blen - o, "%s%02x", i ? ":" : "",
				      a[i]);
	return buf;
}

static const char *addr_str(int family, const struct nlattr *a, char *buf,
			    size_t len)
{
	if ((family == AF_INET && nla_len(a) >= 4) ||
	    (family == AF_INET6 && nla_len(a) >= 16))
		return inet_ntop(family, nla_data(a), buf, (socklen_t)len);
	snprintf(buf, len, "???");
	return buf;
}

static int bit_len(int family)
{
	return family == AF_INET6 ? 128 : family == AF_INET ? 32 :
	       family == AF_MPLS ? 20 : 0;
}

/* ------------------------------------------------------------ headers */

static void headers(struct mon *m, const char *label, int nsid)
{
	if (m->sh->o.timestamp) {
		struct timeval tv;
		struct tm tm;
		char t[64];

		gettimeofday(&tv, NULL);
		localtime_r(&tv.tv_sec, &tm);
		if (m->sh->o.timestamp >= 2) {
			strftime(t, sizeof(t), "%Y-%m-%dT%H:%M:%S", &tm);
			printf("[%s.%06ld] ", t, (long)tv.tv_usec);
		} else {
			asctime_r(&tm, t);
			t[strcspn(t, "\n")] = '\0';
			printf("Timestamp: %s %ld usec\n", t, (long)tv.tv_usec);
		}
	}
	if (m->all_nsid) {
		if (nsid < 0)
			printf("[nsid current]");
		else
			printf("[nsid %d]", nsid);
	}
	if (m->label)
		printf("%s", label);
}

/* ------------------------------------------------------------ link */

static void print_link(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	const struct ifinfomsg *ifi = nlmsg_data(nlh);
	struct nlattr *tb[IFLA_MAX + 1];
	const char *words[LINK_FLAG_WORDS], *name;
	char buf[64], peer[IFNAMSIZ + 8] = "";
	unsigned rest;
	bool mdown = false;
	int n;

	ll_remember(m, nlh);
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ifi), tb, IFLA_MAX,
			NULL) < 0 || !tb[IFLA_IFNAME])
		return;
	if (m->ifindex && ifi->ifi_index != m->ifindex)
		return;
	name = nla_get_string(tb[IFLA_IFNAME]);
	headers(m, "[LINK]", nsid);
	if (nlh->nlmsg_type == RTM_DELLINK)
		printf("Deleted ");
	if (tb[IFLA_LINK]) {
		int iflink = (int)nla_get_u32(tb[IFLA_LINK]);

		if (!iflink) {
			snprintf(peer, sizeof(peer), "NONE");
		} else if (tb[IFLA_LINK_NETNSID]) {
			snprintf(peer, sizeof(peer), "if%d", iflink);
		} else {
			struct ll_ent *e = ll_get(m, iflink);

			snprintf(peer, sizeof(peer), "%s",
				 ll_name(m, iflink, buf, sizeof(buf)));
			mdown = !(e && (e->flags & IFF_UP));
		}
	}
	printf("%d: %s%s%s: <", ifi->ifi_index, name, peer[0] ? "@" : "",
	       peer);
	n = link_flag_words(ifi->ifi_flags, words, &rest);
	for (int i = 0; i < n; i++)
		printf("%s%s", i ? "," : "", words[i]);
	if (rest)
		printf("%s%x", n ? "," : "", rest);
	printf("%s> ", mdown ? ",M-DOWN" : "");
	if (tb[IFLA_MTU])
		printf("mtu %u ", nla_get_u32(tb[IFLA_MTU]));
	if (tb[IFLA_QDISC])
		printf("qdisc %s ", nla_get_string(tb[IFLA_QDISC]));
	if (tb[IFLA_MASTER])
		printf("master %s ",
		       ll_name(m, (int)nla_get_u32(tb[IFLA_MASTER]), buf,
			       sizeof(buf)));
	if (tb[IFLA_OPERSTATE]) {
		unsigned st = nla_get_u8(tb[IFLA_OPERSTATE]);

		if (st <= IF_OPER_UP)
			printf("state %s ", link_operstate_name(st));
		else
			printf("state %#x", st);
	}
	if (tb[IFLA_GROUP]) {
		unsigned g = nla_get_u32(tb[IFLA_GROUP]);

		printf("group %s ", rt_group_n2a(g, buf, sizeof(buf)));
	}
	if (tb[IFLA_EVENT]) {
		static const char *const events[] = {
			"NONE", "REBOOT", "FEATURE CHANGE", "BONDING FAILOVER",
			"NOTIFY PEERS", "RESEND IGMP", "BONDING OPTION",
		};
		unsigned ev = nla_get_u32(tb[IFLA_EVENT]);

		if (ev >= ARRAY_SIZE(events))
			printf("event %u ", ev);
		else if (ev)
			printf("event %s ", events[ev]);
	}
	printf("\n    link/%s ", nl_llproto2str(ifi->ifi_type, buf,
						  sizeof(buf)));
	if (tb[IFLA_ADDRESS])
		printf("%s", lladdr_str(nla_data(tb[IFLA_ADDRESS]),
					nla_len(tb[IFLA_ADDRESS]),
					ifi->ifi_type, buf, sizeof(buf)));
	if (tb[IFLA_BROADCAST])
		printf(" %s %s", ifi->ifi_flags & IFF_POINTOPOINT ? "peer" :
								      "brd",
		       lladdr_str(nla_data(tb[IFLA_BROADCAST]),
				  nla_len(tb[IFLA_BROADCAST]), ifi->ifi_type,
				  buf, sizeof(buf)));
	if (tb[IFLA_PERM_ADDRESS] &&
	    (!tb[IFLA_ADDRESS] ||
	     nla_len(tb[IFLA_ADDRESS]) != nla_len(tb[IFLA_PERM_ADDRESS]) ||
	     memcmp(nla_data(tb[IFLA_ADDRESS]), nla_data(tb[IFLA_PERM_ADDRESS]),
		    (size_t)nla_len(tb[IFLA_ADDRESS]))))
		printf(" permaddr %s",
		       lladdr_str(nla_data(tb[IFLA_PERM_ADDRESS]),
				  nla_len(tb[IFLA_PERM_ADDRESS]), ifi->ifi_type,
				  buf, sizeof(buf)));
	if (tb[IFLA_LINK_NETNSID]) {
		int id = (int)nla_get_u32(tb[IFLA_LINK_NETNSID]);
		const char *ns = id >= 0 ? nsid_map_name(m->sk, &m->ids, id) :
					   NULL;

		if (ns)
			printf(" link-netns %s", ns);
		else if (id >= 0)
			printf(" link-netnsid %d", id);
		else
			printf(" link-netnsid unknown");
	}
	if (tb[IFLA_NEW_NETNSID]) {
		int id = (int)nla_get_u32(tb[IFLA_NEW_NETNSID]);
		const char *ns = nsid_map_name(m->sk, &m->ids, id);

		if (ns)
			printf(" new-netns %s", ns);
		else
			printf(" new-netnsid %d", id);
	}
	if (tb[IFLA_NEW_IFINDEX])
		printf(" new-ifindex %d", (int)nla_get_u32(tb[IFLA_NEW_IFINDEX]));
	if (tb[IFLA_PROTO_DOWN] && nla_get_u8(tb[IFLA_PROTO_DOWN]))
		printf(" protodown on ");
	putchar('\n');
}

/* ------------------------------------------------------------ address */

static void print_addr(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	static const struct {
		const char *name;
		unsigned mask;
	} flags[] = {
		{ "secondary", IFA_F_SECONDARY }, { "nodad", IFA_F_NODAD },
		{ "optimistic", IFA_F_OPTIMISTIC },
		{ "dadfailed", IFA_F_DADFAILED },
		{ "home", IFA_F_HOMEADDRESS },
		{ "deprecated", IFA_F_DEPRECATED },
		{ "tentative", IFA_F_TENTATIVE },
		{ "permanent", IFA_F_PERMANENT },
		{ "mngtmpaddr", IFA_F_MANAGETEMPADDR },
		{ "noprefixroute", IFA_F_NOPREFIXROUTE },
		{ "autojoin", IFA_F_MCAUTOJOIN },
		{ "stable-privacy", IFA_F_STABLE_PRIVACY },
	};
	const struct ifaddrmsg *ifa = nlmsg_data(nlh);
	struct nlattr *tb[IFA_MAX + 1];
	const struct nlattr *local, *address;
	char a[INET6_ADDRSTRLEN + 8], b[INET6_ADDRSTRLEN + 8], dev[64];
	unsigned fl;

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ifa), tb, IFA_MAX,
			NULL) < 0)
		return;
	if (m->ifindex && (int)ifa->ifa_index != m->ifindex)
		return;
	fl = tb[IFA_FLAGS] ? nla_get_u32(tb[IFA_FLAGS]) : ifa->ifa_flags;
	local = tb[IFA_LOCAL] ? tb[IFA_LOCAL] : tb[IFA_ADDRESS];
	address = tb[IFA_ADDRESS] ? tb[IFA_ADDRESS] : tb[IFA_LOCAL];
	headers(m, "[ADDR]", nsid);
	if (nlh->nlmsg_type == RTM_DELADDR)
		printf("Deleted ");
	printf("%u: %s", ifa->ifa_index,
	       ll_name(m, (int)ifa->ifa_index, dev, sizeof(dev)));
	if (ifa->ifa_family == AF_INET || ifa->ifa_family == AF_INET6)
		printf("    %s ", rt_family_name(ifa->ifa_family));
	else
		printf("    family %d ", ifa->ifa_family);
	if (local) {
		printf("%s", addr_str(ifa->ifa_family, local, a, sizeof(a)));
		if (address &&
		    memcmp(nla_data(address), nla_data(local),
			   ifa->ifa_family == AF_INET ? 4 : 16))
			printf(" peer %s", addr_str(ifa->ifa_family, address,
						    b, sizeof(b)));
		printf("/%d ", ifa->ifa_prefixlen);
		if (tb[IFA_RT_PRIORITY])
			printf("metric %u ", nla_get_u32(tb[IFA_RT_PRIORITY]));
	}
	if (tb[IFA_BROADCAST])
		printf("brd %s ", addr_str(ifa->ifa_family, tb[IFA_BROADCAST],
					   a, sizeof(a)));
	if (tb[IFA_ANYCAST])
		printf("any %s ", addr_str(ifa->ifa_family, tb[IFA_ANYCAST], a,
					   sizeof(a)));
	printf("scope %s ", rt_scope_n2a(ifa->ifa_scope, a, sizeof(a)));
	for (size_t i = 0; i < ARRAY_SIZE(flags); i++) {
		if (flags[i].mask == IFA_F_PERMANENT) {
			if (!(fl & IFA_F_PERMANENT))
				printf("dynamic ");
		} else if (fl & flags[i].mask) {
			printf("%s ", flags[i].mask == IFA_F_SECONDARY &&
						ifa->ifa_family == AF_INET6 ?
					      "temporary" : flags[i].name);
		}
		fl &= ~flags[i].mask;
	}
	if (fl)
		printf("flags %02x ", fl);
	if (tb[IFA_LABEL])
		printf("%s", nla_get_string(tb[IFA_LABEL]));
	if (tb[IFA_CACHEINFO]) {
		const struct ifa_cacheinfo *ci = nla_data(tb[IFA_CACHEINFO]);

		printf("\n       valid_lft ");
		if (ci->ifa_valid == INFINITY_LIFE_TIME)
			printf("forever");
		else
			printf("%usec", ci->ifa_valid);
		printf(" preferred_lft ");
		if (ci->ifa_prefered == INFINITY_LIFE_TIME)
			printf("forever");
		else if (ifa->ifa_flags & IFA_F_DEPRECATED)
			printf("%dsec", (int)ci->ifa_prefered);
		else
			printf("%usec", ci->ifa_prefered);
	}
	putchar('\n');
}

/* ------------------------------------------------------------ route */

static void print_rt_flags(unsigned f)
{
	static const struct {
		unsigned mask;
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

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (f & names[i].mask)
			printf("%s ", names[i].name);
}

static void print_metrics(const struct nlattr *mx)
{
	static const char *const names[RTAX_MAX + 1] = {
		[RTAX_MTU] = "mtu", [RTAX_WINDOW] = "window",
		[RTAX_RTT] = "rtt", [RTAX_RTTVAR] = "rttvar",
		[RTAX_SSTHRESH] = "ssthresh", [RTAX_CWND] = "cwnd",
		[RTAX_ADVMSS] = "advmss", [RTAX_REORDERING] = "reordering",
		[RTAX_HOPLIMIT] = "hoplimit", [RTAX_INITCWND] = "initcwnd",
		[RTAX_FEATURES] = "features", [RTAX_RTO_MIN] = "rto_min",
		[RTAX_INITRWND] = "initrwnd", [RTAX_QUICKACK] = "quickack",
		[RTAX_CC_ALGO] = "congctl",
		[RTAX_FASTOPEN_NO_COOKIE] = "fastopen_no_cookie",
	};
	struct nlattr *tb[RTAX_MAX + 1];
	unsigned lock = 0;

	if (nla_parse_nested(tb, RTAX_MAX, (struct nlattr *)mx, NULL) < 0)
		return;
	if (tb[RTAX_LOCK])
		lock = nla_get_u32(tb[RTAX_LOCK]);
	for (int i = 2; i <= RTAX_MAX; i++) {
		unsigned v = 0;

		if (!tb[i] && !(lock & (1u << i)))
			continue;
		if (tb[i] && i != RTAX_CC_ALGO)
			v = nla_get_u32(tb[i]);
		if (i == RTAX_HOPLIMIT && (int)v == -1)
			continue;
		if (names[i])
			printf("%s ", names[i]);
		else
			printf("metric %d ", i);
		if (lock & (1u << i))
			printf("lock ");
		if (i == RTAX_FEATURES) {
			if (v & RTAX_FEATURE_ECN)
				printf("ecn ");
			if (v & ~RTAX_FEATURE_ECN)
				printf("0x%x ", v & ~RTAX_FEATURE_ECN);
		} else if (i == RTAX_RTT || i == RTAX_RTTVAR ||
			   i == RTAX_RTO_MIN) {
			v /= i == RTAX_RTT ? 8 : i == RTAX_RTTVAR ? 4 : 1;
			if (v >= 1000)
				printf("%gs ", v / 1e3);
			else
				printf("%ums ", v);
		} else if (i == RTAX_CC_ALGO) {
			printf("%s ", tb[i] ? nla_get_string(tb[i]) : "");
		} else {
			printf("%u ", v);
		}
	}
}

static void print_gateway(int family, const struct nlattr *a)
{
	char buf[INET6_ADDRSTRLEN + 8];

	printf("via %s ", addr_str(family, a, buf, sizeof(buf)));
}

static void print_via(const struct nlattr *a)
{
	const struct rtvia *via = nla_data(a);
	char buf[INET6_ADDRSTRLEN + 8];

	printf("via %s %s ", rt_family_name(via->rtvia_family),
	       inet_ntop(via->rtvia_family, via->rtvia_addr, buf,
			 sizeof(buf)) ?: "???");
}

static void print_multipath(struct mon *m, const struct rtmsg *r,
			    const struct nlattr *mp)
{
	const struct rtnexthop *nh = nla_data(mp);
	int len = nla_len(mp);
	char dev[64];

	while (len >= (int)sizeof(*nh) && nh->rtnh_len <= len) {
		printf("\n\tnexthop ");
		if (nh->rtnh_len > sizeof(*nh)) {
			struct nlattr *tb[RTA_MAX + 1];

			if (nla_parse(tb, RTA_MAX,
				      (struct nlattr *)RTNH_DATA(nh),
				      nh->rtnh_len - (int)sizeof(*nh),
				      NULL) == 0) {
				if (tb[RTA_GATEWAY])
					print_gateway(r->rtm_family,
						      tb[RTA_GATEWAY]);
				if (tb[RTA_VIA])
					print_via(tb[RTA_VIA]);
			}
		}
		printf("dev %s ", ll_name(m, nh->rtnh_ifindex, dev,
					  sizeof(dev)));
		if (r->rtm_family != AF_MPLS)
			printf("weight %d ", nh->rtnh_hops + 1);
		print_rt_flags(nh->rtnh_flags);
		len -= NLMSG_ALIGN(nh->rtnh_len);
		nh = RTNH_NEXT(nh);
	}
}

/* the address of a route's DST or SRC: "ADDR/LEN", "ADDR" for a host */
static const char *rt_prefix(int family, const struct nlattr *a, int plen,
			     char *buf, size_t len)
{
	char ab[INET6_ADDRSTRLEN + 8];

	if (plen != bit_len(family))
		snprintf(buf, len, "%s/%d", addr_str(family, a, ab, sizeof(ab)),
			 plen);
	else
		snprintf(buf, len, "%s", addr_str(family, a, ab, sizeof(ab)));
	return buf;
}

static void print_route(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	const struct rtmsg *r = nlmsg_data(nlh);
	struct nlattr *tb[RTA_MAX + 1];
	char b[128], dev[64];
	unsigned table;
	int family = r->rtm_family;

	if (r->rtm_flags & RTM_F_CLONED)
		return;
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*r), tb, RTA_MAX,
			NULL) < 0)
		return;
	if (m->family && family != m->family)
		return;
	if (m->ifindex && (!tb[RTA_OIF] ||
			   (int)nla_get_u32(tb[RTA_OIF]) != m->ifindex))
		return;
	table = tb[RTA_TABLE] ? nla_get_u32(tb[RTA_TABLE]) : r->rtm_table;
	headers(m, "[ROUTE]", nsid);
	if (nlh->nlmsg_type == RTM_DELROUTE)
		printf("Deleted ");
	if (r->rtm_type != RTN_UNICAST)
		printf("%s ", rt_type_n2a(r->rtm_type, b, sizeof(b)));
	if (tb[RTA_DST])
		printf("%s ", rt_prefix(family, tb[RTA_DST], r->rtm_dst_len, b,
					sizeof(b)));
	else if (r->rtm_dst_len)
		printf("0/%d  ", r->rtm_dst_len);
	else
		printf("default ");
	if (tb[RTA_SRC])
		printf("from %s ", rt_prefix(family, tb[RTA_SRC],
					     r->rtm_src_len, b, sizeof(b)));
	else if (r->rtm_src_len)
		printf("from 0/%u ", r->rtm_src_len);
	if (tb[RTA_NH_ID])
		printf("nhid %u ", nla_get_u32(tb[RTA_NH_ID]));
	if (r->rtm_tos)
		printf("tos 0x%02x ", r->rtm_tos);
	if (tb[RTA_GATEWAY])
		print_gateway(family, tb[RTA_GATEWAY]);
	if (tb[RTA_VIA])
		print_via(tb[RTA_VIA]);
	if (tb[RTA_OIF] && !m->ifindex)
		printf("dev %s ", ll_name(m, (int)nla_get_u32(tb[RTA_OIF]), dev,
					  sizeof(dev)));
	if (table && table != RT_TABLE_MAIN)
		printf("table %s ", rt_table_n2a(table, b, sizeof(b)));
	if (r->rtm_protocol != RTPROT_BOOT)
		printf("proto %s ", rt_proto_n2a(r->rtm_protocol, b, sizeof(b)));
	if (r->rtm_scope != RT_SCOPE_UNIVERSE)
		printf("scope %s ", rt_scope_n2a(r->rtm_scope, b, sizeof(b)));
	if (tb[RTA_PREFSRC])
		printf("src %s ", addr_str(family, tb[RTA_PREFSRC], b,
					   sizeof(b)));
	if (tb[RTA_PRIORITY])
		printf("metric %u ", nla_get_u32(tb[RTA_PRIORITY]));
	print_rt_flags(r->rtm_flags);
	if (tb[RTA_MARK] && nla_get_u32(tb[RTA_MARK])) {
		unsigned mark = nla_get_u32(tb[RTA_MARK]);

		printf(mark >= 16 ? "mark 0x%x " : "mark %u ", mark);
	}
	if (tb[RTA_UID])
		printf("uid %u ", nla_get_u32(tb[RTA_UID]));
	if ((family == AF_INET || family == AF_INET6) && tb[RTA_CACHEINFO]) {
		const struct rta_cacheinfo *ci = nla_data(tb[RTA_CACHEINFO]);
		long hz = sysconf(_SC_CLK_TCK);

		if (ci->rta_expires)
			printf("expires %dsec ", ci->rta_expires /
						 (int)(hz > 0 ? hz : 100));
		if (ci->rta_error)
			printf("error %u ", ci->rta_error);
		if (ci->rta_id)
			printf("ipid 0x%04x ", ci->rta_id);
	}
	if (tb[RTA_METRICS])
		print_metrics(tb[RTA_METRICS]);
	if (tb[RTA_IIF])
		printf("iif %s ", ll_name(m, (int)nla_get_u32(tb[RTA_IIF]), dev,
					  sizeof(dev)));
	if (tb[RTA_PREF]) {
		unsigned p = nla_get_u8(tb[RTA_PREF]);

		if (p == ICMPV6_ROUTER_PREF_LOW)
			printf("pref low");
		else if (p == ICMPV6_ROUTER_PREF_MEDIUM)
			printf("pref medium");
		else if (p == ICMPV6_ROUTER_PREF_HIGH)
			printf("pref high");
		else
			printf("%u", p);
	}
	if (tb[RTA_MULTIPATH])
		print_multipath(m, r, tb[RTA_MULTIPATH]);
	putchar('\n');
}

/* ------------------------------------------------------------ neigh */

static void print_neigh(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	static const struct {
		unsigned mask;
		const char *name;
	} states[] = {
		{ NUD_INCOMPLETE, "INCOMPLETE" }, { NUD_REACHABLE, "REACHABLE" },
		{ NUD_STALE, "STALE" }, { NUD_DELAY, "DELAY" },
		{ NUD_PROBE, "PROBE" }, { NUD_FAILED, "FAILED" },
		{ NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" },
	};
	const struct ndmsg *r = nlmsg_data(nlh);
	struct nlattr *tb[NDA_MAX + 1];
	char b[128];
	unsigned ext = 0;

	if (m->family && r->ndm_family != m->family)
		return;
	if (m->ifindex && r->ndm_ifindex != m->ifindex)
		return;
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*r), tb, NDA_MAX,
			NULL) < 0)
		return;
	if (tb[NDA_FLAGS_EXT])
		ext = nla_get_u32(tb[NDA_FLAGS_EXT]);
	headers(m, "[NEIGH]", nsid);
	if (nlh->nlmsg_type == RTM_DELNEIGH)
		printf("Deleted ");
	else if (nlh->nlmsg_type == RTM_GETNEIGH)
		printf("miss ");
	if (tb[NDA_DST]) {
		int family = r->ndm_family;

		if (family == AF_BRIDGE)
			family = nla_len(tb[NDA_DST]) == 16 ? AF_INET6 :
							      AF_INET;
		printf("%s ", addr_str(family, tb[NDA_DST], b, sizeof(b)));
	}
	if (!m->ifindex && r->ndm_ifindex)
		printf("dev %s ", ll_name(m, r->ndm_ifindex, b, sizeof(b)));
	if (tb[NDA_LLADDR]) {
		struct ll_ent *e = ll_get(m, r->ndm_ifindex);

		printf("lladdr %s ", lladdr_str(nla_data(tb[NDA_LLADDR]),
						nla_len(tb[NDA_LLADDR]),
						e ? e->type : ARPHRD_ETHER, b,
						sizeof(b)));
	}
	if (r->ndm_flags & NTF_ROUTER)
		printf("router ");
	if (r->ndm_flags & NTF_PROXY)
		printf("proxy ");
	if (ext & NTF_EXT_MANAGED)
		printf("managed ");
	if (r->ndm_flags & NTF_EXT_LEARNED)
		printf("extern_learn ");
	if (r->ndm_flags & NTF_OFFLOADED)
		printf("offload ");
	for (size_t i = 0; i < ARRAY_SIZE(states); i++)
		if (r->ndm_state & states[i].mask)
			printf("%s ", states[i].name);
	if (tb[NDA_PROTOCOL] && nla_get_u8(tb[NDA_PROTOCOL]))
		printf("proto %s ", rt_proto_n2a(nla_get_u8(tb[NDA_PROTOCOL]), b,
					       sizeof(b)));
	putchar('\n');
}

/* ------------------------------------------------------------ rule */

static void print_rule(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	const struct fib_rule_hdr *frh = nlmsg_data(nlh);
	struct nlattr *tb[FRA_MAX + 1];
	int host_len = bit_len(frh->family);
	char b[128];
	unsigned table;

	if (m->family && frh->family != m->family)
		return;
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*frh), tb, FRA_MAX,
			NULL) < 0)
		return;
	headers(m, "[RULE]", nsid);
	if (nlh->nlmsg_type == RTM_DELRULE)
		printf("Deleted ");
	printf("%u:\t", tb[FRA_PRIORITY] ? nla_get_u32(tb[FRA_PRIORITY]) : 0);
	if (frh->flags & FIB_RULE_INVERT)
		printf("not ");
	if (tb[FRA_SRC]) {
		printf("from %s", addr_str(frh->family, tb[FRA_SRC], b,
					   sizeof(b)));
		if (frh->src_len != host_len)
			printf("/%u", frh->src_len);
	} else if (frh->src_len) {
		printf("from 0/%u", frh->src_len);
	} else {
		printf("from all");
	}
	if (tb[FRA_DST]) {
		printf(" to %s", addr_str(frh->family, tb[FRA_DST], b,
					  sizeof(b)));
		if (frh->dst_len != host_len)
			printf("/%u", frh->dst_len);
	} else if (frh->dst_len) {
		printf(" to 0/%u", frh->dst_len);
	}
	if (frh->tos)
		printf(" tos 0x%02x", frh->tos);
	if (tb[FRA_FWMARK] || tb[FRA_FWMASK]) {
		unsigned mark = tb[FRA_FWMARK] ? nla_get_u32(tb[FRA_FWMARK]) : 0;
		unsigned mask = tb[FRA_FWMASK] ? nla_get_u32(tb[FRA_FWMASK]) :
						 0xffffffff;

		printf(" fwmark %#x", mark);
		if (mask && mask != 0xffffffff)
			printf("/%#x", mask);
	}
	if (tb[FRA_IFNAME]) {
		printf(" iif %s", nla_get_string(tb[FRA_IFNAME]));
		if (frh->flags & FIB_RULE_IIF_DETACHED)
			printf(" [detached]");
	}
	if (tb[FRA_OIFNAME]) {
		printf(" oif %s", nla_get_string(tb[FRA_OIFNAME]));
		if (frh->flags & FIB_RULE_OIF_DETACHED)
			printf(" [detached]");
	}
	if (tb[FRA_L3MDEV] && nla_get_u8(tb[FRA_L3MDEV]))
		printf(" lookup [l3mdev-table]");
	if (tb[FRA_UID_RANGE]) {
		const struct fib_rule_uid_range *u = nla_data(tb[FRA_UID_RANGE]);

		printf(" uidrange %u-%u", u->start, u->end);
	}
	if (tb[FRA_SPORT_RANGE]) {
		const struct fib_rule_port_range *p =
			nla_data(tb[FRA_SPORT_RANGE]);

		if (p->start == p->end)
			printf(" sport %u", p->start);
		else
			printf(" sport %u-%u", p->start, p->end);
	}
	if (tb[FRA_DPORT_RANGE]) {
		const struct fib_rule_port_range *p =
			nla_data(tb[FRA_DPORT_RANGE]);

		if (p->start == p->end)
			printf(" dport %u", p->start);
		else
			printf(" dport %u-%u", p->start, p->end);
	}
	table = tb[FRA_TABLE] ? nla_get_u32(tb[FRA_TABLE]) : frh->table;
	if (table) {
		printf(" lookup %s", rt_table_n2a(table, b, sizeof(b)));
		if (tb[FRA_SUPPRESS_PREFIXLEN] &&
		    (int)nla_get_u32(tb[FRA_SUPPRESS_PREFIXLEN]) != -1)
			printf(" suppress_prefixlength %d",
			       (int)nla_get_u32(tb[FRA_SUPPRESS_PREFIXLEN]));
		if (tb[FRA_SUPPRESS_IFGROUP] &&
		    (int)nla_get_u32(tb[FRA_SUPPRESS_IFGROUP]) != -1)
			printf(" suppress_ifgroup %u",
			       nla_get_u32(tb[FRA_SUPPRESS_IFGROUP]));
	}
	if (frh->action == FR_ACT_GOTO) {
		if (tb[FRA_GOTO])
			printf(" goto %u", nla_get_u32(tb[FRA_GOTO]));
		else
			printf(" goto none");
		if (frh->flags & FIB_RULE_UNRESOLVED)
			printf(" [unresolved]");
	} else if (frh->action == FR_ACT_NOP) {
		printf(" nop");
	} else if (frh->action != FR_ACT_TO_TBL) {
		printf(" %s", rt_type_n2a(frh->action, b, sizeof(b)));
	}
	if (tb[FRA_PROTOCOL]) {
		unsigned p = nla_get_u8(tb[FRA_PROTOCOL]);

		if (p && p != RTPROT_KERNEL)
			printf(" proto %s", rt_proto_n2a(p, b, sizeof(b)));
	}
	putchar('\n');
}

/* ------------------------------------------------------------ netconf */

static void print_netconf(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	static const char *const rp_names[] = { "off", "strict", "loose" };
	const struct netconfmsg *ncm = nlmsg_data(nlh);
	struct nlattr *tb[NETCONFA_MAX + 1];
	static const struct {
		int attr;
		const char *name;
	} onoff[] = {
		{ NETCONFA_MC_FORWARDING, "mc_forwarding" },
		{ NETCONFA_PROXY_NEIGH, "proxy_neigh" },
		{ NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN,
		  "ignore_routes_with_linkdown" },
		{ NETCONFA_INPUT, "input" },
	};
	int ifindex = 0;
	char dev[64];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ncm), tb, NETCONFA_MAX,
			NULL) < 0)
		return;
	if (tb[NETCONFA_IFINDEX])
		ifindex = (int)nla_get_u32(tb[NETCONFA_IFINDEX]);
	if (m->ifindex && ifindex != m->ifindex)
		return;
	headers(m, "[NETCONF]", nsid);
	if (nlh->nlmsg_type == RTM_DELNETCONF)
		printf("Deleted ");
	printf("%s ", rt_family_name(ncm->ncm_family));
	if (tb[NETCONFA_IFINDEX])
		printf("%s ", ifindex == NETCONFA_IFINDEX_ALL ? "all" :
			      ifindex == NETCONFA_IFINDEX_DEFAULT ?
				      "default" :
				      ll_name(m, ifindex, dev, sizeof(dev)));
	if (tb[NETCONFA_FORWARDING])
		printf("forwarding %s ",
		       nla_get_u32(tb[NETCONFA_FORWARDING]) ? "on" : "off");
	if (tb[NETCONFA_RP_FILTER]) {
		unsigned rp = nla_get_u32(tb[NETCONFA_RP_FILTER]);

		if (rp < ARRAY_SIZE(rp_names))
			printf("rp_filter %s ", rp_names[rp]);
		else
			printf("rp_filter %u ", rp);
	}
	for (size_t i = 0; i < ARRAY_SIZE(onoff); i++)
		if (tb[onoff[i].attr])
			printf("%s %s ", onoff[i].name,
			       nla_get_u32(tb[onoff[i].attr]) ? "on" : "off");
	putchar('\n');
}

/* ------------------------------------------------------------ nexthop */

static void print_nexthop(struct mon *m, const struct nlmsghdr *nlh,
			  int nsid)
{
	const struct nhmsg *nhm = nlmsg_data(nlh);
	struct nlattr *tb[NHA_MAX + 1];
	char b[128];

	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*nhm), tb, NHA_MAX,
			NULL) < 0)
		return;
	headers(m, "[NEXTHOP]", nsid);
	if (nlh->nlmsg_type == RTM_DELNEXTHOP)
		printf("Deleted ");
	printf("id %u ", tb[NHA_ID] ? nla_get_u32(tb[NHA_ID]) : 0);
	if (tb[NHA_GROUP]) {
		const struct nexthop_grp *g = nla_data(tb[NHA_GROUP]);
		int n = nla_len(tb[NHA_GROUP]) / (int)sizeof(*g);

		printf("group ");
		for (int i = 0; i < n; i++) {
			printf("%s%u", i ? "/" : "", g[i].id);
			if (g[i].weight)
				printf(",%u", g[i].weight + 1);
		}
		printf(" ");
	}
	if (tb[NHA_GROUP_TYPE] &&
	    nla_get_u16(tb[NHA_GROUP_TYPE]) == NEXTHOP_GRP_TYPE_RES)
		printf("type resilient ");
	if (tb[NHA_GATEWAY])
		print_gateway(nhm->nh_family, tb[NHA_GATEWAY]);
	if (tb[NHA_OIF])
		printf("dev %s ", ll_name(m, (int)nla_get_u32(tb[NHA_OIF]), b,
					  sizeof(b)));
	if (nhm->nh_scope != RT_SCOPE_UNIVERSE)
		printf("scope %s ", rt_scope_n2a(nhm->nh_scope, b, sizeof(b)));
	if (tb[NHA_BLACKHOLE])
		printf("blackhole ");
	if (nhm->nh_protocol != RTPROT_UNSPEC)
		printf("proto %s ", rt_proto_n2a(nhm->nh_protocol, b, sizeof(b)));
	print_rt_flags(nhm->nh_flags);
	if (tb[NHA_FDB])
		printf("fdb");
	putchar('\n');
}

/* ------------------------------------------------------------ the loop */

static void dispatch(struct mon *m, const struct nlmsghdr *nlh, int nsid)
{
	switch (nlh->nlmsg_type) {
	case RTM_NEWLINK:
	case RTM_DELLINK:
		if (m->mask & L(M_LINK))
			print_link(m, nlh, nsid);
		else
			ll_remember(m, nlh);
		break;
	case RTM_NEWADDR:
	case RTM_DELADDR:
		print_addr(m, nlh, nsid);
		break;
	case RTM_NEWROUTE:
	case RTM_DELROUTE:
		print_route(m, nlh, nsid);
		break;
	case RTM_NEWNEIGH:
	case RTM_DELNEIGH:
	case RTM_GETNEIGH:
		print_neigh(m, nlh, nsid);
		break;
	case RTM_NEWRULE:
	case RTM_DELRULE:
		print_rule(m, nlh, nsid);
		break;
	case RTM_NEWNETCONF:
	case RTM_DELNETCONF:
		print_netconf(m, nlh, nsid);
		break;
	case RTM_NEWNSID:
	case RTM_DELNSID:
		headers(m, "[NSID]", nsid);
		nsid_print(m->sk, &m->ids, NULL, nlh);
		break;
	case RTM_NEWNEXTHOP:
	case RTM_DELNEXTHOP:
		print_nexthop(m, nlh, nsid);
		break;
	default:	/* mroute, prefix, stats: not asked for natively */
		break;
	}
	fflush(stdout);
}

/* one read of the socket: its messages, with the nsid they came from */
static int receive(struct mon *m)
{
	char buf[65536] __attribute__((aligned(__alignof__(struct nlmsghdr))));
	char cbuf[CMSG_SPACE(sizeof(int))];
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1,
			      .msg_control = cbuf,
			      .msg_controllen = sizeof(cbuf) };
	int nsid = -1;
	ssize_t n = recvmsg(m->fd, &msg, 0);

	if (n < 0)
		return errno == EINTR || errno == EAGAIN || errno == ENOBUFS ?
			       0 : -1;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c;
	     c = CMSG_NXTHDR(&msg, c))
		if (c->cmsg_level == SOL_NETLINK &&
		    c->cmsg_type == NETLINK_LISTEN_ALL_NSID &&
		    c->cmsg_len == CMSG_LEN(sizeof(int)))
			memcpy(&nsid, CMSG_DATA(c), sizeof(nsid));
	for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, n);
	     h = NLMSG_NEXT(h, n))
		dispatch(m, h, nsid);
	return 0;
}

/* the groups of the objects asked for, as ip monitor subscribes */
static int subscribe(struct mon *m)
{
	bool v4 = !m->family || m->family == AF_INET;
	bool v6 = !m->family || m->family == AF_INET6;
	bool mpls = !m->family || m->family == AF_MPLS;
	struct {
		unsigned obj;
		bool on;
		int group;
	} g[] = {
		{ M_LINK, true, RTNLGRP_LINK },
		{ M_ADDR, v4, RTNLGRP_IPV4_IFADDR },
		{ M_ADDR, v6, RTNLGRP_IPV6_IFADDR },
		{ M_ROUTE, v4, RTNLGRP_IPV4_ROUTE },
		{ M_ROUTE, v6, RTNLGRP_IPV6_ROUTE },
		{ M_ROUTE, mpls, RTNLGRP_MPLS_ROUTE },
		{ M_NEIGH, true, RTNLGRP_NEIGH },
		{ M_NETCONF, v4, RTNLGRP_IPV4_NETCONF },
		{ M_NETCONF, v6, RTNLGRP_IPV6_NETCONF },
		{ M_NETCONF, mpls, RTNLGRP_MPLS_NETCONF },
		{ M_RULE, v4, RTNLGRP_IPV4_RULE },
		{ M_RULE, v6, RTNLGRP_IPV6_RULE },
		{ M_NSID, true, RTNLGRP_NSID },
		{ M_NEXTHOP, true, RTNLGRP_NEXTHOP },
	};
	int groups[ARRAY_SIZE(g)], one = 1;
	/* a group this kernel lacks (MPLS) is no error */
	struct events_opts o = { .groups = groups, .groups_optional = true };

	for (size_t i = 0; i < ARRAY_SIZE(g); i++)
		if (g[i].on && (m->mask & L(g[i].obj)))
			groups[o.ngroups++] = g[i].group;
	m->fd = ns_events_open(m->sh, &m->sh->cur, &o, NULL);
	if (m->fd < 0)
		return nsh_err(m->sh, "cannot open a netlink socket: %s",
			       strerror(-m->fd));
	if (m->all_nsid &&
	    setsockopt(m->fd, SOL_NETLINK, NETLINK_LISTEN_ALL_NSID, &one,
		       sizeof(one)) < 0)
		return nsh_err(m->sh, "NETLINK_LISTEN_ALL_NSID: %s",
			       strerror(errno));
	return 0;
}

static void usage(void)
{
	printf("Usage: ip monitor [ all | OBJECTS ] [ FILE ] [ label ] "
	       "[ all-nsid ]\n"
	       "                  [ dev DEVICE ]\n"
	       "OBJECTS :=  address | link | mroute | neigh | netconf |\n"
	       "            nexthop | nsid | prefix | route | rule | stats\n"
	       "FILE := file FILENAME\n");
}

static int cmd_monitor(struct nsh *sh, const struct nsh_args *a)
{
	struct mon m = { .sh = sh, .fd = -1, .family = sh->o.family };
	unsigned asked = 0;
	int rc = 0;

	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		switch (o->key) {
		case M_HELP:
			usage();
			return 0;
		case M_LABEL:
		case M_ALL:
			m.label = true;
			break;
		case M_ALL_NSID:
			m.all_nsid = true;
			break;
		case M_DEV:
			if (link_index(sh, ipl_arg(a, i, 0)->text, &m.ifindex))
				return 1;
			break;
		default:
			asked |= L(o->key);
			break;
		}
	}
	m.mask = asked ? asked : ~0u;
	rt_names_reset(sh->o.numeric);
	m.sk = ns_sock(sh);
	if (!m.sk || subscribe(&m)) {
		if (m.fd >= 0)
			close(m.fd);
		return 1;
	}
	ll_init(&m);
	nsid_map_load(m.sk, &m.ids);
	fflush(stdout);
	while (!nsh_interrupted) {
		struct pollfd pfd = { m.fd, POLLIN, 0 };

		if (poll(&pfd, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			rc = nsh_err(sh, "poll: %s", strerror(errno));
			break;
		}
		if (receive(&m) < 0) {
			rc = nsh_err(sh, "netlink receive error: %s",
				     strerror(errno));
			break;
		}
	}
	nsh_interrupted = 0;
	close(m.fd);
	free(m.ll);
	nsid_map_free(&m.ids);
	return rc;
}

/* objects nsh does not print itself: the real ip runs the line */
static int not_native(struct ipl_parse *p, const struct ipl_opt *o)
{
	(void)o;
	ipl_fallback(p);
	return 0;
}

#define OBJ(kw, key, help) { kw, IPL_PREFIX, NULL, key, help }

/* do_ipmonitor's words, in its order */
static const struct ipl_opt monitor_rows[] = {
	{ "file", IPL_PREFIX, "FILE", M_FILE, "print the events saved in FILE",
	  NULL, not_native },
	OBJ("label", M_LABEL, "each line starts with [LINK], [ADDR]…"),
	OBJ("link", M_LINK, "link events"),
	OBJ("address", M_ADDR, "address events"),
	OBJ("route", M_ROUTE, "route events"),
	{ "mroute", IPL_PREFIX, NULL, M_MROUTE, "multicast route events",
	  NULL, not_native },
	{ "prefix", IPL_PREFIX, NULL, M_PREFIX, "IPv6 prefix events", NULL,
	  not_native },
	OBJ("neigh", M_NEIGH, "neighbour events"),
	OBJ("netconf", M_NETCONF, "forwarding and rp_filter settings"),
	OBJ("rule", M_RULE, "routing rule events"),
	OBJ("nsid", M_NSID, "nsid events"),
	OBJ("nexthop", M_NEXTHOP, "nexthop events"),
	{ "stats", 0, NULL, M_STATS, "statistics events", NULL, not_native },
	{ "all", 0, NULL, M_ALL, "every object, labelled" },
	OBJ("all-nsid", M_ALL_NSID, "the events of every namespace with an "
				    "nsid"),
	OBJ("help", M_HELP, "the usage"),
	{ "dev", IPL_ONCE, "DEV", M_DEV, "only the events of this link" },
	{ NULL } };
static const struct ipl_table monitor_opts = { "ip monitor", monitor_rows };

static const struct nsh_cmd monitor_cmds[] = {
	{ "ip monitor", "print the kernel's network events until Ctrl-C",
	  cmd_monitor, 0, "ip monitor label link address", NULL,
	  &monitor_opts },
	{ NULL },
};

const struct nsh_family monitor_family = {
	"monitor", "ip monitor: the kernel's network events as they happen",
	monitor_cmds,
};
