/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr.c - `ip address …`: add, delete, flush and show the IPv4 and IPv6
 * addresses of links.
 *
 * The requests are the ones iproute2 sends (IFA_LOCAL and IFA_ADDRESS, no
 * broadcast unless asked, host scope for 127/8, NLM_F_CREATE|NLM_F_EXCL),
 * so `ip -j addr` cannot tell which tool made an address.  Addresses are
 * built from the already-parsed placeholder values, never re-parsed.
 * Listing parses the kernel's RTM_NEWADDR messages directly (a libnl cache
 * would merge entries and drop flags) and prints iproute2's layout.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/utils.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>

#include "cmds.h"

DEFINE_PUTP(struct rtnl_addr, rtnl_addr_put)
DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_addr, nl_addr_put)
DEFINE_PUTP(struct nl_cache, nl_cache_free)

#define FOREVER 0xffffffffU

/* one address as the kernel reported it */
struct ifa {
	int family;
	int ifindex;
	int plen;
	int scope;
	uint32_t flags;
	unsigned char local[16];
	unsigned char peer[16];	/* IFA_ADDRESS */
	unsigned char brd[16];
	bool has_brd;
	char label[IFNAMSIZ];
	uint32_t valid, preferred;
};

/* the addresses of one dump, filtered by link and family */
struct ifa_list {
	struct ifa *v;
	int n, cap;
	int ifindex;		/* 0: every link */
	int family;		/* AF_UNSPEC: both */
	bool oom;
};

static void ifa_list_free(struct ifa_list *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static size_t alen(int family)
{
	return family == AF_INET ? 4 : 16;
}

/* copy address attribute A (if it has the right size) into OUT */
static bool get_addr(const struct nlattr *a, int family, unsigned char *out)
{
	if (!a || (size_t)nla_len(a) != alen(family))
		return false;
	memcpy(out, nla_data(a), alen(family));
	return true;
}

/* NL_CB_VALID: keep one RTM_NEWADDR message if it passes the filter */
static int ifa_cb(struct nl_msg *msg, void *arg)
{
	struct ifa_list *l = arg;
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct ifaddrmsg *ifm = nlmsg_data(nlh);
	struct nlattr *tb[IFA_MAX + 1];
	struct ifa e = { 0 };
	bool local, peer;

	if (nlh->nlmsg_type != RTM_NEWADDR ||
	    nlmsg_parse(nlh, sizeof(*ifm), tb, IFA_MAX, NULL) < 0)
		return NL_SKIP;
	if ((ifm->ifa_family != AF_INET && ifm->ifa_family != AF_INET6) ||
	    (l->family && ifm->ifa_family != l->family) ||
	    (l->ifindex && (int)ifm->ifa_index != l->ifindex))
		return NL_SKIP;
	e.family = ifm->ifa_family;
	e.ifindex = (int)ifm->ifa_index;
	e.plen = ifm->ifa_prefixlen;
	e.scope = ifm->ifa_scope;
	e.flags = tb[IFA_FLAGS] ? nla_get_u32(tb[IFA_FLAGS]) : ifm->ifa_flags;
	local = get_addr(tb[IFA_LOCAL], e.family, e.local);
	peer = get_addr(tb[IFA_ADDRESS], e.family, e.peer);
	if (!local && !peer)
		return NL_SKIP;
	if (!local)
		memcpy(e.local, e.peer, sizeof(e.local));
	if (!peer)
		memcpy(e.peer, e.local, sizeof(e.peer));
	e.has_brd = get_addr(tb[IFA_BROADCAST], e.family, e.brd);
	if (tb[IFA_LABEL])
		nla_strlcpy(e.label, tb[IFA_LABEL], sizeof(e.label));
	e.valid = e.preferred = FOREVER;
	if (tb[IFA_CACHEINFO] &&
	    nla_len(tb[IFA_CACHEINFO]) >= (int)sizeof(struct ifa_cacheinfo)) {
		struct ifa_cacheinfo *ci = nla_data(tb[IFA_CACHEINFO]);

		e.valid = ci->ifa_valid;
		e.preferred = ci->ifa_prefered;
	}
	if (l->n == l->cap) {
		int cap = l->cap ? 2 * l->cap : 16;
		struct ifa *v = realloc(l->v, sizeof(*v) * (size_t)cap);

		if (!v) {
			l->oom = true;
			return NL_STOP;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = e;
	return NL_OK;
}

/*
 * ifa_dump - the addresses of SH->cur that pass L's filter (one dump,
 * retried if the kernel reports it was interrupted by a change).
 */
static int ifa_dump(struct nsh *sh, struct nl_sock *sk, struct ifa_list *l)
{
	struct ifaddrmsg hdr = { .ifa_family = (unsigned char)l->family };
	char why[256];
	int err = 0;

	for (int attempt = 0; attempt < 5; attempt++) {
		struct nl_cb *orig, *cb;

		l->n = 0;
		nl_clear_error();
		err = nl_send_simple(sk, RTM_GETADDR, NLM_F_DUMP, &hdr,
				     sizeof(hdr));
		if (err < 0)
			break;
		orig = nl_socket_get_cb(sk);	/* a new reference */
		cb = nl_cb_clone(orig);
		nl_cb_put(orig);
		if (!cb)
			return nsh_err(sh, "out of memory");
		nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, ifa_cb, l);
		err = nl_recvmsgs(sk, cb);
		nl_cb_put(cb);
		if (err != -NLE_DUMP_INTR)
			break;
	}
	if (l->oom)
		return nsh_err(sh, "out of memory");
	if (err < 0)
		return nsh_err(sh, "cannot list the addresses: %s",
			       nl_reason(err, why, sizeof(why)));
	return 0;
}

/* ------------------------------------------------------------ show */

struct show {
	struct nsh *sh;
	struct nl_sock *sk;
	struct nl_cache *links;	/* NULL when showing one link */
	struct json j;
};

static const char *const scopes[256] = {
	[RT_SCOPE_UNIVERSE] = "global", [RT_SCOPE_SITE] = "site",
	[RT_SCOPE_LINK] = "link", [RT_SCOPE_HOST] = "host",
	[RT_SCOPE_NOWHERE] = "nowhere",
};

static const char *scope_name(int scope, char *buf, size_t len)
{
	if (scope >= 0 && scope < 256 && scopes[scope])
		return scopes[scope];
	snprintf(buf, len, "%d", scope);
	return buf;
}

/* a field: "KEY": "VAL" in JSON, " LABEL VAL" in text (" VAL" if no label) */
static void kv(struct show *s, const char *key, const char *label,
	       const char *val)
{
	if (s->sh->o.json)
		json_str(&s->j, key, val);
	else
		printf(" %s%s%s", label, *label ? " " : "", val);
}

static void kv_uint(struct show *s, const char *key, const char *label,
		    unsigned val)
{
	if (s->sh->o.json)
		json_uint(&s->j, key, val);
	else
		printf(" %s %u", label, val);
}

/* the name of link IDX in SH->cur, or "ifIDX"; its flags in *FLAGS */
static const char *link_name(struct show *s, int idx, char *buf, size_t len,
			     unsigned *flags)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;

	if (s->links)
		l = rtnl_link_get(s->links, idx);
	else
		(void)rtnl_link_get_kernel(s->sk, idx, NULL, &l);
	*flags = l ? rtnl_link_get_flags(l) : 0;
	if (l && rtnl_link_get_name(l))
		snprintf(buf, len, "%s", rtnl_link_get_name(l));
	else
		snprintf(buf, len, "if%d", idx);
	return buf;
}

/* the /run/netns name that SH->cur calls NSID, or NULL */
static const char *nsid_name(struct show *s, int nsid, char *buf, size_t len)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *de;
	const char *found = NULL;

	while (d && !found && (de = readdir(d))) {
		char path[300];
		int fd;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR,
			 de->d_name);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (nl_get_nsid(s->sk, fd) == nsid) {
			snprintf(buf, len, "%s", de->d_name);
			found = buf;
		}
		close(fd);
	}
	if (d)
		closedir(d);
	return found;
}

static void print_hw(struct nl_addr *a, char *buf, size_t len)
{
	const unsigned char *p = a ? nl_addr_get_binary_addr(a) : NULL;
	size_t n = a ? nl_addr_get_len(a) : 0, o = 0;

	buf[0] = '\0';
	for (size_t i = 0; p && i < n && o + 4 < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s%02x", i ? ":" : "",
				      p[i]);
}

/* one flag of a list: a JSON string, or "NAME" after a comma */
static void flag(struct show *s, const char *name, bool *first)
{
	if (s->sh->o.json)
		json_str(&s->j, NULL, name);
	else
		printf("%s%s", *first ? "" : ",", name);
	*first = false;
}

/* iproute2's flag names, in its order; M-DOWN: the lower link is down */
static void link_flags(struct show *s, unsigned flags, bool mdown)
{
	static const struct {
		unsigned bit;
		const char *name;
	} names[] = {
		{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_BROADCAST, "BROADCAST" },
		{ IFF_POINTOPOINT, "POINTOPOINT" },
		{ IFF_MULTICAST, "MULTICAST" }, { IFF_NOARP, "NOARP" },
		{ IFF_ALLMULTI, "ALLMULTI" }, { IFF_PROMISC, "PROMISC" },
		{ IFF_MASTER, "MASTER" }, { IFF_SLAVE, "SLAVE" },
		{ IFF_DEBUG, "DEBUG" }, { IFF_DYNAMIC, "DYNAMIC" },
		{ IFF_AUTOMEDIA, "AUTOMEDIA" }, { IFF_PORTSEL, "PORTSEL" },
		{ IFF_NOTRAILERS, "NOTRAILERS" }, { IFF_UP, "UP" },
		{ IFF_LOWER_UP, "LOWER_UP" }, { IFF_DORMANT, "DORMANT" },
		{ IFF_ECHO, "ECHO" },
	};
	bool first = true;

	if (s->sh->o.json) {
		json_key(&s->j, "flags");
		json_begin_array(&s->j);
	} else {
		putchar('<');
	}
	if ((flags & IFF_UP) && !(flags & IFF_RUNNING))
		flag(s, "NO-CARRIER", &first);
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (flags & names[i].bit)
			flag(s, names[i].name, &first);
	if (mdown)
		flag(s, "M-DOWN", &first);
	if (s->sh->o.json)
		json_end_array(&s->j);
	else
		putchar('>');
}

/* the link part of an `ip address` entry: "2: v1@if3: <…> mtu …" */
static void print_link(struct show *s, struct rtnl_link *l)
{
	static const char *const opstates[] = {
		"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN",
		"TESTING", "DORMANT", "UP",
	};
	bool json = s->sh->o.json;
	int idx = rtnl_link_get_ifindex(l), iflink = rtnl_link_get_link(l);
	int master = rtnl_link_get_master(l);
	unsigned op = rtnl_link_get_operstate(l), pflags;
	const char *qdisc = rtnl_link_get_qdisc(l);
	int32_t nsid = -1;
	bool has_nsid = rtnl_link_get_link_netnsid(l, &nsid) == 0;
	bool mdown = false;
	char peer[64], buf[64], type[32], hw[64], brd[64], nsname[300];

	/* a link in another namespace may have the same index as ours */
	if (iflink == idx && !has_nsid)
		iflink = 0;
	if (iflink && has_nsid) {
		snprintf(peer, sizeof(peer), "if%d", iflink);
	} else if (iflink) {
		link_name(s, iflink, peer, sizeof(peer), &pflags);
		mdown = !(pflags & IFF_UP);
	}
	if (json) {
		json_int(&s->j, "ifindex", idx);
		if (iflink && has_nsid)
			json_int(&s->j, "link_index", iflink);
		else if (iflink)
			json_str(&s->j, "link", peer);
		json_str(&s->j, "ifname", rtnl_link_get_name(l));
	} else {
		printf("%d: %s%s%s: ", idx, rtnl_link_get_name(l),
		       iflink ? "@" : "", iflink ? peer : "");
	}
	link_flags(s, rtnl_link_get_flags(l), mdown);
	kv_uint(s, "mtu", "mtu", rtnl_link_get_mtu(l));
	if (qdisc)
		kv(s, "qdisc", "qdisc", qdisc);
	if (master)
		kv(s, "master", "master",
		   link_name(s, master, buf, sizeof(buf), &pflags));
	kv(s, "operstate", "state",
	   op < ARRAY_SIZE(opstates) ? opstates[op] : "UNKNOWN");
	snprintf(buf, sizeof(buf), "%u", rtnl_link_get_group(l));
	kv(s, "group", "group", rtnl_link_get_group(l) ? buf : "default");
	kv_uint(s, "txqlen", "qlen", rtnl_link_get_txqlen(l));
	/* the link-layer line is left out under -4/-6, as iproute2 does */
	if (!s->sh->o.family) {
		nl_llproto2str((int)rtnl_link_get_arptype(l), type,
			       sizeof(type));
		print_hw(rtnl_link_get_addr(l), hw, sizeof(hw));
		print_hw(rtnl_link_get_broadcast(l), brd, sizeof(brd));
		if (json)
			json_str(&s->j, "link_type", type);
		else
			printf("\n    link/%s", type);
		if (hw[0])
			kv(s, "address", "", hw);
		if (brd[0])
			kv(s, "broadcast", rtnl_link_get_flags(l) &
					   IFF_POINTOPOINT ? "peer" : "brd",
			   brd);
	}
	if (has_nsid && json)
		json_int(&s->j, "link_netnsid", nsid);
	else if (has_nsid && nsid_name(s, nsid, nsname, sizeof(nsname)))
		printf(" link-netns %s", nsname);
	else if (has_nsid)
		printf(" link-netnsid %d", nsid);
	if (!json)
		putchar('\n');
}

/* one address: "    inet 10.0.0.1/24 brd … scope global v1" + lifetimes */
static void print_ifa(struct show *s, const struct ifa *e)
{
	static const struct {
		uint32_t bit;
		const char *name;
	} flags[] = {
		{ IFA_F_SECONDARY, "secondary" }, { IFA_F_NODAD, "nodad" },
		{ IFA_F_OPTIMISTIC, "optimistic" },
		{ IFA_F_DADFAILED, "dadfailed" },
		{ IFA_F_HOMEADDRESS, "home" },
		{ IFA_F_DEPRECATED, "deprecated" },
		{ IFA_F_TENTATIVE, "tentative" },
		{ IFA_F_PERMANENT, "dynamic" },	/* shown when absent */
		{ IFA_F_MANAGETEMPADDR, "mngtmpaddr" },
		{ IFA_F_NOPREFIXROUTE, "noprefixroute" },
		{ IFA_F_MCAUTOJOIN, "autojoin" },
		{ IFA_F_STABLE_PRIVACY, "stable-privacy" },
	};
	bool json = s->sh->o.json, v6 = e->family == AF_INET6;
	char buf[INET6_ADDRSTRLEN];

	if (json) {
		json_key(&s->j, NULL);
		json_begin_object(&s->j);
	} else {
		fputs("   ", stdout);
	}
	kv(s, "family", "", v6 ? "inet6" : "inet");
	kv(s, "local", "", inet_ntop(e->family, e->local, buf, sizeof(buf)));
	if (memcmp(e->local, e->peer, alen(e->family)) != 0)
		kv(s, "address", "peer",
		   inet_ntop(e->family, e->peer, buf, sizeof(buf)));
	if (json)
		json_int(&s->j, "prefixlen", e->plen);
	else
		printf("/%d", e->plen);
	if (e->has_brd)
		kv(s, "broadcast", "brd",
		   inet_ntop(e->family, e->brd, buf, sizeof(buf)));
	kv(s, "scope", "scope", scope_name(e->scope, buf, sizeof(buf)));
	for (size_t i = 0; i < ARRAY_SIZE(flags); i++) {
		const char *name = flags[i].name;

		if (flags[i].bit == IFA_F_PERMANENT ?
			    (e->flags & IFA_F_PERMANENT) != 0 :
			    !(e->flags & flags[i].bit))
			continue;
		if (flags[i].bit == IFA_F_SECONDARY && v6)
			name = "temporary";
		if (json)
			json_bool(&s->j, name, true);
		else
			printf(" %s", name);
	}
	if (json) {
		if (!v6 && e->label[0])
			json_str(&s->j, "label", e->label);
		json_uint(&s->j, "valid_life_time", e->valid);
		json_uint(&s->j, "preferred_life_time", e->preferred);
		json_end_object(&s->j);
		return;
	}
	printf(" %s\n       valid_lft ", v6 ? "" : e->label);
	if (e->valid == FOREVER)
		fputs("forever", stdout);
	else
		printf("%usec", e->valid);
	if (e->preferred == FOREVER)
		fputs(" preferred_lft forever\n", stdout);
	else
		printf(" preferred_lft %usec\n", e->preferred);
}

/* a link and its addresses (skipped under -4/-6 when it has none) */
static void show_one(struct show *s, struct rtnl_link *l,
		     const struct ifa_list *al)
{
	int idx = rtnl_link_get_ifindex(l), n = 0;

	for (int i = 0; i < al->n; i++)
		n += al->v[i].ifindex == idx;
	if (!n && s->sh->o.family)
		return;
	if (s->sh->o.json) {
		json_key(&s->j, NULL);
		json_begin_object(&s->j);
	}
	print_link(s, l);
	if (s->sh->o.json) {
		json_key(&s->j, "addr_info");
		json_begin_array(&s->j);
	}
	for (int i = 0; i < al->n; i++)
		if (al->v[i].ifindex == idx)
			print_ifa(s, &al->v[i]);
	if (s->sh->o.json) {
		json_end_array(&s->j);
		json_end_object(&s->j);
	}
}

/* ip address [show [dev] IFNAME] */
static int cmd_show(struct nsh *sh, const struct nsh_args *a)
{
	struct show s = { .sh = sh, .j = { .pretty = sh->o.pretty } };
	_cleanup_(rtnl_link_putp) struct rtnl_link *one = NULL;
	_cleanup_(nl_cache_freep) struct nl_cache *links = NULL;
	_cleanup_(ifa_list_free) struct ifa_list al = {
		.family = sh->o.family
	};
	const char *dev = arg_str(a, "ifname");
	char why[256];
	int err;

	s.sk = ns_sock(sh);
	if (!s.sk)
		return 1;
	if (dev) {
		if (link_lookup(sh, dev, &one))
			return 1;
		al.ifindex = rtnl_link_get_ifindex(one);
	} else {
		err = rtnl_link_alloc_cache(s.sk, AF_UNSPEC, &links);
		if (err < 0)
			return nsh_err(sh, "cannot list the links: %s",
				       nl_reason(err, why, sizeof(why)));
		s.links = links;
	}
	if (ifa_dump(sh, s.sk, &al))
		return 1;
	if (sh->o.json)
		json_begin_array(&s.j);
	if (one)
		show_one(&s, one, &al);
	for (struct nl_object *o = links ? nl_cache_get_first(links) : NULL;
	     o; o = nl_cache_get_next(o))
		show_one(&s, (struct rtnl_link *)o, &al);
	if (sh->o.json) {
		json_end_array(&s.j);
		json_end(&s.j);
	}
	return 0;
}

/* ------------------------------------------------------------ changes */

/* "dev" and friends given twice are a mistake, not "last one wins" */
static int check_once(struct nsh *sh, const struct nsh_args *a,
		      const char *bind, const char *what)
{
	const struct nsh_val *v = arg_nth(a, bind, 1);

	if (v)
		return nsh_err(sh, "'%s': %s given twice", v->text, what);
	return 0;
}

/* the family of the address, checked against -4/-6 */
static int check_family(struct nsh *sh, const struct nsh_val *v)
{
	if (sh->o.family && sh->o.family != v->pfx.family)
		return nsh_err(sh, "'%s': not an %s address (-%c was given)",
			       v->text,
			       sh->o.family == AF_INET ? "IPv4" : "IPv6",
			       sh->o.family == AF_INET ? '4' : '6');
	return 0;
}

/* an nl_addr of P's address; with its prefix length if WITH_LEN */
static struct nl_addr *to_nl(const struct nsh_prefix *p, bool with_len)
{
	struct nl_addr *n = nl_addr_build(p->family, p->addr, alen(p->family));

	if (n)
		nl_addr_set_prefixlen(n, with_len ? p->len : 0);
	return n;
}

/* iproute2's scope names, or a number 0-255 */
static int parse_scope(const char *s, int *ret)
{
	unsigned long n;

	for (int i = 0; i < 256; i++)
		if (scopes[i] && streq(s, scopes[i])) {
			*ret = i;
			return 0;
		}
	if (parse_uint(s, 255, &n) < 0)
		return -1;
	*ret = (int)n;
	return 0;
}

/*
 * The broadcast address to set: an explicit one, or for '+' / '-' the
 * prefix's last / first address (iproute2: only for prefixes up to /30).
 * Returns 0 with *RET NULL when none is to be set, or reports.
 */
static int make_brd(struct nsh *sh, const struct nsh_val *ifa,
		    const struct nsh_val *b, struct nl_addr **ret)
{
	struct nsh_prefix p = ifa->pfx;

	*ret = NULL;
	if (!b)
		return 0;
	if (ifa->pfx.family != AF_INET)
		return nsh_err(sh, "'%s': broadcast addresses are for IPv4 only",
			       b->text);
	if (!b->special) {
		if (b->pfx.family != AF_INET)
			return nsh_err(sh, "'%s': not an IPv4 address",
				       b->text);
		p = b->pfx;
	} else if (p.len > 30) {
		return 0;
	} else {
		uint32_t a, mask = p.len ? ~0U << (32 - p.len) : 0;

		memcpy(&a, p.addr, 4);
		a = ntohl(a);
		a = b->special == '+' ? (a | ~mask) : (a & mask);
		a = htonl(a);
		memcpy(p.addr, &a, 4);
	}
	*ret = to_nl(&p, false);
	return *ret ? 0 : nsh_err(sh, "out of memory");
}

/* ip address add IFADDR dev IFNAME [brd …] [label …] [scope …] */
static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	const struct nsh_val *ifa = arg_val(a, "ifaddr");
	const struct nsh_val *label = arg_val(a, "label");
	const struct nsh_val *scope = arg_val(a, "scope");
	const char *dev = arg_str(a, "ifname");
	_cleanup_(rtnl_link_putp) struct rtnl_link *link = NULL;
	_cleanup_(rtnl_addr_putp) struct rtnl_addr *ra = NULL;
	_cleanup_(nl_addr_putp) struct nl_addr *local = NULL;
	_cleanup_(nl_addr_putp) struct nl_addr *brd = NULL;
	struct nl_sock *sk;
	char why[256];
	int sc = 0, err;

	if (check_once(sh, a, "ifname", "dev") ||
	    check_once(sh, a, "brd", "broadcast") ||
	    check_once(sh, a, "label", "label") ||
	    check_once(sh, a, "scope", "scope") || check_family(sh, ifa))
		return 1;
	if (!dev)
		return nsh_err(sh, "'%s': missing 'dev IFNAME' (the link that "
				   "gets the address)", ifa->text);
	if (scope && parse_scope(scope->text, &sc) < 0)
		return nsh_err(sh, "'%s': not a scope (global, site, link, "
				   "host, nowhere or a number 0-255)",
			       scope->text);
	if (label && ifa->pfx.family != AF_INET)
		return nsh_err(sh, "'%s': labels are for IPv4 addresses only",
			       label->text);
	if (label && (strlen(label->text) >= IFNAMSIZ ||
		      strncmp(label->text, dev, strlen(dev)) != 0))
		return nsh_err(sh, "'%s': a label starts with the link name "
				   "and has at most %d bytes, like %s:1",
			       label->text, IFNAMSIZ - 1, dev);
	if (make_brd(sh, ifa, arg_val(a, "brd"), &brd))
		return 1;
	if (link_lookup(sh, dev, &link))
		return 1;
	sk = ns_sock(sh);
	ra = rtnl_addr_alloc();
	local = to_nl(&ifa->pfx, true);
	if (!sk || !ra || !local)
		return sk ? nsh_err(sh, "out of memory") : 1;
	rtnl_addr_set_ifindex(ra, rtnl_link_get_ifindex(link));
	if (rtnl_addr_set_local(ra, local) < 0 ||
	    (brd && rtnl_addr_set_broadcast(ra, brd) < 0) ||
	    (label && rtnl_addr_set_label(ra, label->text) < 0))
		return nsh_err(sh, "'%s': cannot build the request", ifa->text);
	/* unset: libnl, like iproute2, picks host for 127/8, else global */
	if (scope)
		rtnl_addr_set_scope(ra, sc);
	nl_clear_error();
	err = rtnl_addr_add(sk, ra, NLM_F_EXCL);
	if (err == 0)
		return 0;
	if (nl_last_errno() == EEXIST)
		return nsh_err(sh, "'%s': address already assigned on '%s'",
			       ifa->text, dev);
	return nsh_err(sh, "'%s': %s", ifa->text,
		       nl_reason(err, why, sizeof(why)));
}

/* delete address E (as the kernel reported it) */
static int del_one(struct nl_sock *sk, const struct ifa *e)
{
	_cleanup_(rtnl_addr_putp) struct rtnl_addr *ra = rtnl_addr_alloc();
	_cleanup_(nl_addr_putp) struct nl_addr *local = NULL;
	_cleanup_(nl_addr_putp) struct nl_addr *peer = NULL;
	size_t n = alen(e->family);

	local = nl_addr_build(e->family, e->local, n);
	peer = nl_addr_build(e->family, e->peer, n);
	if (!ra || !local || !peer)
		return -NLE_NOMEM;
	rtnl_addr_set_ifindex(ra, e->ifindex);
	/* a point-to-point address is known by its peer too: the prefix
	 * length then belongs to the peer */
	if (memcmp(e->local, e->peer, n) != 0) {
		nl_addr_set_prefixlen(peer, e->plen);
		if (rtnl_addr_set_peer(ra, peer) < 0)
			return -NLE_INVAL;
	} else {
		nl_addr_set_prefixlen(local, e->plen);
	}
	if (rtnl_addr_set_local(ra, local) < 0)
		return -NLE_INVAL;
	rtnl_addr_set_scope(ra, e->scope);
	nl_clear_error();
	return rtnl_addr_delete(sk, ra, 0);
}

/*
 * ip address delete IFADDR dev IFNAME: the address must be on the link;
 * without a prefix length the one address with that local part is meant
 * (iproute2 would delete whichever comes first and warn).
 */
static int cmd_del(struct nsh *sh, const struct nsh_args *a)
{
	const struct nsh_val *ifa = arg_val(a, "ifaddr");
	const char *dev = arg_str(a, "ifname");
	_cleanup_(rtnl_link_putp) struct rtnl_link *link = NULL;
	_cleanup_(ifa_list_free) struct ifa_list al = {
		.family = ifa->pfx.family
	};
	const struct ifa *hit = NULL;
	struct nl_sock *sk;
	char why[256], other[64];
	int nmatch = 0, err;

	if (check_once(sh, a, "ifname", "dev") || check_family(sh, ifa))
		return 1;
	if (!dev)
		return nsh_err(sh, "'%s': missing 'dev IFNAME' (the link that "
				   "has the address)", ifa->text);
	if (link_lookup(sh, dev, &link))
		return 1;
	sk = ns_sock(sh);
	al.ifindex = rtnl_link_get_ifindex(link);
	if (!sk || ifa_dump(sh, sk, &al))
		return 1;
	other[0] = '\0';
	for (int i = 0; i < al.n; i++) {
		const struct ifa *e = &al.v[i];
		struct nsh_prefix p = { .family = e->family, .len = e->plen };

		if (memcmp(e->local, ifa->pfx.addr, alen(e->family)) != 0)
			continue;
		memcpy(p.addr, e->local, sizeof(p.addr));
		if (ifa->pfx.has_len && e->plen != ifa->pfx.len) {
			prefix_str(&p, true, other, sizeof(other));
			continue;
		}
		hit = e;
		nmatch++;
	}
	if (!hit)
		return nsh_err(sh, "'%s': no such address on '%s'%s%s%s",
			       ifa->text, dev, other[0] ? " (it has " : "",
			       other, other[0] ? ")" : "");
	if (nmatch > 1)
		return nsh_err(sh, "'%s': %d addresses on '%s' match; give the "
				   "prefix length", ifa->text, nmatch, dev);
	err = del_one(sk, hit);
	if (err < 0)
		return nsh_err(sh, "'%s': %s", ifa->text,
			       nl_reason(err, why, sizeof(why)));
	return 0;
}

/* ip address flush dev IFNAME: every address of the link (-4/-6: one
 * family), IPv6 link-local ones included, as iproute2 does */
static int cmd_flush(struct nsh *sh, const struct nsh_args *a)
{
	const char *dev = arg_str(a, "ifname");
	_cleanup_(rtnl_link_putp) struct rtnl_link *link = NULL;
	_cleanup_(ifa_list_free) struct ifa_list al = {
		.family = sh->o.family
	};
	struct nl_sock *sk;
	char why[256], buf[64];
	int rc = 0;

	if (link_lookup(sh, dev, &link))
		return 1;
	sk = ns_sock(sh);
	al.ifindex = rtnl_link_get_ifindex(link);
	if (!sk)
		return 1;
	/* deleting a primary IPv4 address takes its secondaries with it,
	 * so go round until the link has none left */
	for (int round = 0; round < 10 && !rc; round++) {
		if (ifa_dump(sh, sk, &al))
			return 1;
		if (!al.n)
			break;
		for (int i = 0; i < al.n && !rc; i++) {
			const struct ifa *e = &al.v[i];
			struct nsh_prefix p = { .family = e->family,
						.len = e->plen };
			int err = del_one(sk, e);

			if (err >= 0 || nl_last_errno() == EADDRNOTAVAIL)
				continue;
			memcpy(p.addr, e->local, sizeof(p.addr));
			rc = nsh_err(sh, "'%s': %s",
				     prefix_str(&p, true, buf, sizeof(buf)),
				     nl_reason(err, why, sizeof(why)));
		}
	}
	return rc;
}

static const struct nsh_cmd addr_cmds[] = {
	{ "ip address/a add/a IFADDR [ { dev IFNAME | broadcast BRD | "
	  "brd BRD | label WORD$label | scope WORD$scope } ... ]",
	  "add an IPv4 or IPv6 address to a link", cmd_add, 0,
	  "ip addr add 10.0.0.1/24 dev veth1" },
	{ "ip address/a delete IFADDR [ dev IFNAME ]",
	  "remove an address from a link", cmd_del, 0,
	  "ip addr del 10.0.0.1/24 dev veth1" },
	{ "ip address/a flush [ dev ] IFNAME",
	  "remove every address of a link", cmd_flush, 0,
	  "ip addr flush dev veth1" },
	{ "ip address/a [ ( show | list/l | lst ) [ [ dev ] IFNAME ] ]",
	  "list links with their addresses", cmd_show, 0,
	  "ip -4 addr show dev veth1" },
	{ NULL },
};

const struct nsh_family addr_family = {
	"addr", "ip address: add, delete, flush and show IP addresses",
	addr_cmds,
};
