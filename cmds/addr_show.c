/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr_show.c - `ip address [list|show|flush] [FILTER…]`, as iproute2's
 * ipaddr_list_flush_or_save: the same filter words, the same choice of
 * links and addresses, and its text (-o, -br, -s) and -j layouts, quirks
 * included (under -j a link or an address a filter leaves out is still an
 * empty object, as iproute2 opens it before it knows).
 *
 * Listing is one link dump (or one link) and one address dump; the
 * kernel's RTM_NEWADDR messages are read directly (a libnl cache would
 * merge entries and drop flags).  Each link's header comes from
 * cmds/link_show.c (LINK_SHOW_ADDR).
 *
 * Flushing dumps the addresses that match and deletes each with the
 * message the kernel sent for it, round after round (deleting a primary
 * IPv4 address takes its secondaries or promotes them), at most -l N
 * rounds (10; -l 0: until none is left).
 */
#include "config.h"

#include <errno.h>
#include <unistd.h>
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/addr.h>
#include <netlink/utils.h>
#include <netlink/route/link.h>

#include "addr.h"
#include "cmds.h"
#include "ipl.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_cache, nl_cache_free)
DEFINE_PUTP(struct nl_msg, nlmsg_free)

#define INFINITY_LIFE_TIME 0xffffffffU

/* ------------------------------------------------------------ the filter */

/* iproute2's struct link_filter, as far as addresses use it */
struct filter {
	int family;
	int ifindex;
	unsigned scope, scopemask;
	unsigned flags, flagmask;
	const char *label;	/* a glob */
	struct nsh_prefix pfx;	/* family AF_UNSPEC: none */
	bool up;
	long long group;	/* -1: any */
	int master;		/* 0: any; -1: none (nomaster) */
	const char *kind;
	bool has_skind;
	char slave_kind[64];	/* type KIND_slave */
};

/* get_filter: a flag word, "-" inverting it; dynamic and primary are
 * "not permanent" and "not secondary" */
static void take_flag(struct filter *f, const char *word)
{
	const struct addr_flag *fl;
	bool inv = word[0] == '-';

	word += inv;
	if (streq(word, "dynamic")) {
		inv = !inv;
		word = "permanent";
	} else if (streq(word, "primary")) {
		inv = !inv;
		word = "secondary";
	}
	fl = addr_flag_find(word);
	if (inv)
		f->flags &= ~fl->mask;
	else
		f->flags |= fl->mask;
	f->flagmask |= fl->mask;
}

/* the family of V, checked against the filter's (get_prefix's) */
static int take_to(struct nsh *sh, struct filter *f, const struct nsh_val *v)
{
	if (f->family && f->family != v->pfx.family)
		return nsh_err(sh, "'%s': not an %s prefix", v->text,
			       f->family == AF_INET ? "IPv4" :
			       f->family == AF_INET6 ? "IPv6" : "IP");
	f->pfx = v->pfx;
	f->family = v->pfx.family;
	return 0;
}

/* vrf NAME: an existing link of kind vrf */
static int take_vrf(struct nsh *sh, struct filter *f, const char *name)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	const char *kind;

	if (link_lookup(sh, name, &l))
		return 1;
	kind = rtnl_link_get_type(l);
	if (!kind || !streq(kind, "vrf"))
		return nsh_err(sh, "'%s': not a VRF (its kind is %s)", name,
			       kind ? kind : "none");
	f->master = rtnl_link_get_ifindex(l);
	return 0;
}

/* the filter words of A, in their order; *DEV: the link named, if any */
static int parse_filter(struct nsh *sh, const struct nsh_args *a,
			struct filter *f, const char **dev)
{
	*f = (struct filter){ .family = sh->o.family, .group = -1 };
	*dev = NULL;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		size_t n;

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		switch ((enum addr_key)o->key) {
		case AK_TO:
			if (take_to(sh, f, v))
				return 1;
			break;
		case AK_SCOPE:
			f->scopemask = v->num < 0 ? 0 : ~0U;
			f->scope = v->num < 0 ? RT_SCOPE_NOWHERE :
						(unsigned)v->num;
			break;
		case AK_UP:
			f->up = true;
			break;
		case AK_FLAG:
			take_flag(f, a->bind[i].v.text);
			break;
		case AK_LABEL:
			f->label = v->text;
			break;
		case AK_GROUP:
			f->group = v->num;
			break;
		case AK_MASTER:
			if (link_index(sh, v->text, &f->master))
				return 1;
			break;
		case AK_VRF:
			if (take_vrf(sh, f, v->text))
				return 1;
			break;
		case AK_NOMASTER:
			f->master = -1;
			break;
		case AK_TYPE:
			n = strlen(v->text);
			if (n >= 6 && streq(v->text + n - 6, "_slave")) {
				snprintf(f->slave_kind, sizeof(f->slave_kind),
					 "%.*s", (int)(n - 6), v->text);
				f->has_skind = true;
			} else {
				f->kind = v->text;
			}
			break;
		case AK_DEV:
			*dev = v->text;
			break;
		default:
			break;
		}
	}
	return 0;
}

/* ------------------------------------------------------------ addresses */

/* one RTM_NEWADDR message, its attributes and flags */
struct ifa_view {
	struct nlmsghdr *n;
	const struct ifaddrmsg *ifa;
	struct nlattr *tb[IFA_MAX + 1];
	unsigned flags;
	const struct nlattr *local;	/* IFA_LOCAL, else IFA_ADDRESS */
	const struct nlattr *address;	/* IFA_ADDRESS, else IFA_LOCAL */
};

static bool ifa_view(struct nlmsghdr *n, struct ifa_view *v)
{
	v->n = n;
	v->ifa = nlmsg_data(n);
	if (v->ifa->ifa_family != AF_INET && v->ifa->ifa_family != AF_INET6)
		return false;
	if (nlmsg_parse(n, sizeof(*v->ifa), v->tb, IFA_MAX, NULL) < 0)
		return false;
	v->flags = v->tb[IFA_FLAGS] ? nla_get_u32(v->tb[IFA_FLAGS]) :
				      v->ifa->ifa_flags;
	v->local = v->tb[IFA_LOCAL] ? v->tb[IFA_LOCAL] : v->tb[IFA_ADDRESS];
	v->address = v->tb[IFA_ADDRESS] ? v->tb[IFA_ADDRESS] : v->local;
	return true;
}

/* inet_addr_match_rta: RTA lies in the filter's prefix (or there is none) */
static bool pfx_match(const struct nsh_prefix *m, const struct nlattr *rta)
{
	const unsigned char *a;
	int len = m->len;

	if (!rta || m->family == AF_UNSPEC || len <= 0)
		return true;
	if (nla_len(rta) != (m->family == AF_INET ? 4 : 16))
		return false;
	a = nla_data(rta);
	if (memcmp(a, m->addr, (size_t)len / 8) != 0)
		return false;
	return !(len % 8) ||
	       !((a[len / 8] ^ m->addr[len / 8]) & (0xff00 >> (len % 8)));
}

/* the name of link IFINDEX here (flush has no link list), or "ifN" */
static const char *ifname_of(int ifindex, char *buf)
{
	if (!if_indextoname((unsigned)ifindex, buf))
		snprintf(buf, IF_NAMESIZE, "if%d", ifindex);
	return buf;
}

/* print_addrinfo's (and ipaddr_filter's) tests of one address; DEVNAME:
 * its link's name, the label of an address without one */
static bool ifa_match(const struct filter *f, const struct ifa_view *v,
		      const char *devname)
{
	const char *label;

	if (f->ifindex && f->ifindex != (int)v->ifa->ifa_index)
		return false;
	if ((f->scope ^ v->ifa->ifa_scope) & f->scopemask)
		return false;
	if ((f->flags ^ v->flags) & f->flagmask)
		return false;
	if (f->family && f->family != v->ifa->ifa_family)
		return false;
	if (f->label) {
		label = v->tb[IFA_LABEL] ? nla_data(v->tb[IFA_LABEL]) : devname;
		if (fnmatch(f->label, label, 0) != 0)
			return false;
	}
	return pfx_match(&f->pfx, v->local);
}

/* ------------------------------------------------------------ printing */

struct out {
	struct nsh *sh;
	struct json *j;		/* NULL: text */
	bool brief;
	bool with_dev;		/* -o, flush's -s -s: "IDX: DEV" first */
	const char *sl;		/* _SL_: "\n", or "\\" under -o */
};

static void out_str(const struct out *o, const char *key, const char *fmt,
		    const char *val)
{
	if (o->j)
		json_str(o->j, key, val);
	else
		printf(fmt, val);
}

static void out_uint(const struct out *o, const char *key, const char *fmt,
		     unsigned val)
{
	if (o->j)
		json_uint(o->j, key, val);
	else
		printf(fmt, val);
}

static const char *ntop(const struct ifa_view *v, const struct nlattr *a,
			char *buf)
{
	int family = v->ifa->ifa_family;

	if (nla_len(a) != (family == AF_INET ? 4 : 16) ||
	    !inet_ntop(family, nla_data(a), buf, INET6_ADDRSTRLEN))
		snprintf(buf, INET6_ADDRSTRLEN, "?");
	return buf;
}

/* print_ifa_flags: the words in ifa_flag_data's order ("dynamic" for a
 * missing IFA_F_PERMANENT, "temporary" for an IPv6 secondary), then the
 * bits without a name in hex */
static void print_flags(const struct out *o, const struct ifa_view *v)
{
	unsigned flags = v->flags;
	char hex[16];

	for (size_t i = 0; i < addr_nflags; i++) {
		const struct addr_flag *f = &addr_flags[i];
		const char *name = f->name;

		if (f->mask == IFA_F_PERMANENT) {
			if (!(flags & f->mask))
				name = "dynamic";
			else
				name = NULL;
		} else if (!(flags & f->mask)) {
			name = NULL;
		} else if (f->mask == IFA_F_SECONDARY &&
			   v->ifa->ifa_family == AF_INET6) {
			name = "temporary";
		}
		if (name && o->j)
			json_bool(o->j, name, true);
		else if (name)
			printf("%s ", name);
		flags &= ~f->mask;
	}
	if (!flags)
		return;
	snprintf(hex, sizeof(hex), "%02x", flags);
	if (o->j)
		json_str(o->j, "ifa_flags", hex);
	else
		printf("flags %s ", hex);
}

/* the lifetimes: "       valid_lft forever preferred_lft 60sec" */
static void print_lifetimes(const struct out *o, const struct ifa_view *v)
{
	const struct ifa_cacheinfo *ci = nla_data(v->tb[IFA_CACHEINFO]);

	if (!o->j)
		printf("%s       valid_lft ", o->sl);
	if (ci->ifa_valid == INFINITY_LIFE_TIME && !o->j)
		fputs("forever", stdout);
	else
		out_uint(o, "valid_life_time", "%usec", ci->ifa_valid);
	if (!o->j)
		fputs(" preferred_lft ", stdout);
	if (ci->ifa_prefered == INFINITY_LIFE_TIME && !o->j)
		fputs("forever", stdout);
	else if (ci->ifa_prefered != INFINITY_LIFE_TIME &&
		 (v->flags & IFA_F_DEPRECATED) && o->j)
		json_int(o->j, "preferred_life_time", (int)ci->ifa_prefered);
	else if (ci->ifa_prefered != INFINITY_LIFE_TIME &&
		 (v->flags & IFA_F_DEPRECATED))
		printf("%dsec", (int)ci->ifa_prefered);
	else
		out_uint(o, "preferred_life_time", "%usec", ci->ifa_prefered);
}

/* print_addrinfo, past its filters: one address of link DEVNAME */
static void print_addr(const struct out *o, const struct ifa_view *v,
		       const char *devname)
{
	const struct ifaddrmsg *ifa = v->ifa;
	char buf[INET6_ADDRSTRLEN], sb[16];
	size_t n = ifa->ifa_family == AF_INET ? 4 : 16;

	if (!o->brief) {
		if (o->with_dev && o->j) {
			json_int(o->j, "index", ifa->ifa_index);
			json_str(o->j, "dev", devname);
		} else if (o->with_dev) {
			printf("%u: %s", ifa->ifa_index, devname);
		}
		out_str(o, "family", "    %s ",
			ifa->ifa_family == AF_INET ? "inet" : "inet6");
	}
	if (v->local) {
		out_str(o, "local", "%s", ntop(v, v->local, buf));
		if (v->address && nla_len(v->address) >= (int)n &&
		    nla_len(v->local) >= (int)n &&
		    memcmp(nla_data(v->address), nla_data(v->local), n)) {
			if (!o->j)
				fputs(" peer ", stdout);
			out_str(o, "address", "%s", ntop(v, v->address, buf));
		}
		if (o->j)
			json_int(o->j, "prefixlen", ifa->ifa_prefixlen);
		else
			printf("/%d ", ifa->ifa_prefixlen);
		if (v->tb[IFA_RT_PRIORITY])
			out_uint(o, "metric", "metric %u ",
				 nla_get_u32(v->tb[IFA_RT_PRIORITY]));
	}
	if (o->brief)
		return;
	if (v->tb[IFA_BROADCAST]) {
		if (!o->j)
			fputs("brd ", stdout);
		out_str(o, "broadcast", "%s ",
			ntop(v, v->tb[IFA_BROADCAST], buf));
	}
	if (v->tb[IFA_ANYCAST]) {
		if (!o->j)
			fputs("any ", stdout);
		out_str(o, "anycast", "%s ", ntop(v, v->tb[IFA_ANYCAST], buf));
	}
	out_str(o, "scope", "scope %s ",
		addr_scope_n2a(ifa->ifa_scope, o->sh->o.numeric, sb,
			       sizeof(sb)));
	print_flags(o, v);
	if (v->tb[IFA_LABEL])
		out_str(o, "label", "%s", nla_data(v->tb[IFA_LABEL]));
	if (v->tb[IFA_CACHEINFO] &&
	    nla_len(v->tb[IFA_CACHEINFO]) >= (int)sizeof(struct ifa_cacheinfo))
		print_lifetimes(o, v);
	if (!o->j)
		putchar('\n');
}

/* ------------------------------------------------------------ links */

/* links in ifindex order, as the kernel dumps them */
static int cmp_ifindex(const void *a, const void *b)
{
	int x = rtnl_link_get_ifindex(*(struct rtnl_link *const *)a);
	int y = rtnl_link_get_ifindex(*(struct rtnl_link *const *)b);

	return (x > y) - (x < y);
}

/*
 * kind_dump - the links the kernel keeps of a dump asked with a kind, as
 * iproute2's iplink_filter_req asks (into KEEP, by ifindex): the kernel
 * filters by a kind it knows and ignores one it does not (no module for
 * it), which iproute2 then filters itself.  Only asked for `type KIND`.
 */
static int kind_dump(struct nsh *sh, struct nl_sock *sk, const char *kind,
		     struct msg_list *keep)
{
	_cleanup_(nlmsg_freep) struct nl_msg *m = nlmsg_alloc();
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nlattr *li;

	if (!m || nlmsg_append(m, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(m, IFLA_EXT_MASK, RTEXT_FILTER_VF) < 0 ||
	    !(li = nla_nest_start(m, IFLA_LINKINFO)) ||
	    nla_put(m, IFLA_INFO_KIND, (int)strlen(kind), kind) < 0)
		return nsh_err(sh, "out of memory");
	nla_nest_end(m, li);
	return dump_msgs(sh, sk, RTM_GETLINK, nlmsg_data(nlmsg_hdr(m)),
			 (size_t)nlmsg_datalen(nlmsg_hdr(m)), "links", keep);
}

/* what the kernel leaves out of a link dump asked with IFLA_MASTER (the
 * master filter) and a kind (the links it sent, in KEEP) */
static bool dump_keeps(const struct filter *f, const struct msg_list *keep,
		       struct rtnl_link *l)
{
	int master = rtnl_link_get_master(l);

	if (f->master == -1 && master)
		return false;
	if (f->master > 0 && master != f->master)
		return false;
	for (int i = 0; f->kind && i < keep->n; i++) {
		const struct ifinfomsg *ifi = nlmsg_data(keep->v[i]);

		if (ifi->ifi_index == rtnl_link_get_ifindex(l))
			return true;
	}
	return !f->kind;
}

/*
 * print_linkinfo's filters: -1, the link is left out with its addresses;
 * 0, its header is not printed but its addresses are (a label filter);
 * 1, it is shown
 */
static int link_pass(const struct filter *f, struct rtnl_link *l)
{
	const char *kind = rtnl_link_get_type(l);
	const char *skind = rtnl_link_get_slave_type(l);
	int master = rtnl_link_get_master(l);

	if (f->up && !(rtnl_link_get_flags(l) & IFF_UP))
		return -1;
	if (f->label)
		return 0;
	/* an AF_INET6 link message has no group to compare */
	if (f->group != -1 && rtnl_link_get_family(l) != AF_INET6 &&
	    rtnl_link_get_group(l) != f->group)
		return -1;
	if (f->master > 0 && master != f->master)
		return -1;
	if (f->kind && !(kind && streq(kind, f->kind)))
		return -1;
	if (f->has_skind && !(skind ? streq(skind, f->slave_kind) :
				 !f->slave_kind[0] && kind))
		return -1;
	return 1;
}

/* the addresses of one show, as views into MSGS */
struct addrs {
	struct msg_list msgs;
	struct ifa_view *v;
	int n;
};

static void addrs_free(struct addrs *a)
{
	msg_list_free(&a->msgs);
	free(a->v);
	a->v = NULL;
	a->n = 0;
}

/* one address dump of FAMILY (iproute2 asks for IFINDEX's; the kernel
 * only filters on strict sockets, so the caller filters too) */
static int addrs_dump(struct nsh *sh, struct nl_sock *sk, int family,
		      int ifindex, struct addrs *a)
{
	struct ifaddrmsg hdr = { .ifa_family = (unsigned char)family,
				 .ifa_index = (unsigned)ifindex };

	addrs_free(a);
	if (dump_msgs(sh, sk, RTM_GETADDR, &hdr, sizeof(hdr), "addresses",
		      &a->msgs))
		return 1;
	a->v = calloc((size_t)a->msgs.n + 1, sizeof(*a->v));
	if (!a->v)
		return nsh_err(sh, "out of memory");
	for (int i = 0; i < a->msgs.n; i++)
		a->n += ifa_view(a->msgs.v[i], &a->v[a->n]);
	return 0;
}

/* ipaddr_filter: a link stays if one of its addresses passes the filter,
 * or (no family asked for) if it has none at all */
static bool link_has_match(const struct filter *f, struct rtnl_link *l,
			   const struct addrs *ad)
{
	int idx = rtnl_link_get_ifindex(l);
	bool missing = true;

	for (int i = 0; i < ad->n; i++) {
		const struct ifa_view *v = &ad->v[i];

		if ((int)v->ifa->ifa_index != idx)
			continue;
		missing = false;
		if (ifa_match(f, v, rtnl_link_get_name(l)))
			return true;
	}
	return missing && (f->family == AF_UNSPEC || f->family == AF_PACKET);
}

/* print_selected_addrinfo: the "addr_info" of link L */
static void print_link_addrs(const struct out *o, const struct filter *f,
			     struct rtnl_link *l, const struct addrs *ad)
{
	int idx = rtnl_link_get_ifindex(l);

	if (o->j) {
		json_key(o->j, "addr_info");
		json_begin_array(o->j);
	}
	for (int i = 0; i < ad->n; i++) {
		const struct ifa_view *v = &ad->v[i];

		if ((int)v->ifa->ifa_index != idx ||
		    (f->family && f->family != v->ifa->ifa_family) ||
		    (f->up && !(rtnl_link_get_flags(l) & IFF_UP)))
			continue;
		if (o->j) {
			json_key(o->j, NULL);
			json_begin_object(o->j);
		}
		if (ifa_match(f, v, rtnl_link_get_name(l)))
			print_addr(o, v, rtnl_link_get_name(l));
		if (o->j)
			json_end_object(o->j);
	}
	if (o->j)
		json_end_array(o->j);
	else if (o->brief)
		putchar('\n');
}

/* the queue length iproute2 asks for when the link message has none */
static int ioctl_txqlen(const char *name)
{
	struct ifreq ifr = { 0 };
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int qlen = 0;

	if (fd < 0)
		return 0;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", name);
	if (ioctl(fd, SIOCGIFTXQLEN, &ifr) == 0)
		qlen = ifr.ifr_qlen;
	close(fd);
	return qlen;
}

/* "<BROADCAST,UP,M-DOWN>" or "flags": [ … ], as iproute2 prints them */
static void print_link_flags(struct json *j, unsigned flags, bool mdown)
{
	const char *words[LINK_FLAG_WORDS + 2];
	unsigned rest;
	char hex[16];
	int n = link_flag_words(flags, words, &rest);

	if (rest) {
		snprintf(hex, sizeof(hex), "%x", rest);
		words[n++] = hex;
	}
	if (mdown)
		words[n++] = "M-DOWN";
	if (j) {
		json_key(j, "flags");
		json_begin_array(j);
	} else {
		putchar('<');
	}
	for (int i = 0; i < n; i++) {
		if (j)
			json_str(j, NULL, words[i]);
		else
			printf("%s%s", i ? "," : "", words[i]);
	}
	if (j)
		json_end_array(j);
	else
		fputs("> ", stdout);
}

/* a link-layer address as "aa:bb:…" */
static const char *lladdr_hex(struct nl_addr *a, char *buf, size_t len)
{
	const unsigned char *b = nl_addr_get_binary_addr(a);
	size_t used = 0;

	buf[0] = '\0';
	for (unsigned i = 0; i < nl_addr_get_len(a) && used + 4 <= len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%02x",
					 i ? ":" : "", b[i]);
	return buf;
}

/*
 * header6 - the header of link L from an AF_INET6 link dump, the one
 * iproute2 asks for under -6: the kernel's inet6_fill_ifinfo gives name,
 * address, mtu, lower link and state, and no qdisc, group, netnsid or
 * details; iproute2 reads the queue length with an ioctl, and looks the
 * lower link up here (a veth peer elsewhere: its index, and M-DOWN).
 */
static void header6(struct link_show_ctx *c, struct rtnl_link *l)
{
	struct json *j = c->sh->o.json ? &c->j : NULL;
	const struct out o = { .j = j };
	int idx = rtnl_link_get_ifindex(l), iflink = rtnl_link_get_link(l);
	const char *name = rtnl_link_get_name(l);
	const char *state = link_operstate_name(rtnl_link_get_operstate(l));
	struct rtnl_link *low = NULL;
	char peer[IFNAMSIZ + 16], buf[64];
	int qlen = ioctl_txqlen(name);

	if (iflink != idx && iflink) {
		low = rtnl_link_get(c->cache, iflink);
		snprintf(peer, sizeof(peer), "%s",
			 low ? rtnl_link_get_name(low) : "");
		if (!low)
			snprintf(peer, sizeof(peer), "if%d", iflink);
	}
	if (j) {
		json_key(j, NULL);
		json_begin_object(j);
		json_int(j, "ifindex", idx);
		if (iflink != idx && iflink)
			json_str(j, "link", peer);
		json_str(j, "ifname", name);
	} else if (iflink != idx && iflink) {
		printf("%d: %s@%s: ", idx, name, peer);
	} else {
		printf("%d: %s: ", idx, name);
	}
	print_link_flags(j, rtnl_link_get_flags(l),
			 iflink != idx && iflink &&
				 !(low && (rtnl_link_get_flags(low) & IFF_UP)));
	if (low)
		rtnl_link_put(low);
	out_uint(&o, "mtu", "mtu %u ", rtnl_link_get_mtu(l));
	out_str(&o, "operstate", "state %s ", state);
	if (qlen)
		out_uint(&o, "txqlen", "qlen %u", (unsigned)qlen);
	if (c->sh->o.details) {
		nl_llproto2str((int)rtnl_link_get_arptype(l), buf, sizeof(buf));
		out_str(&o, "link_type", "\n    link/%s ", buf);
		if (rtnl_link_get_addr(l))
			out_str(&o, "address", "%s",
				lladdr_hex(rtnl_link_get_addr(l), buf,
					   sizeof(buf)));
	}
	if (!j)
		putchar('\n');
}

/* open the link's JSON object without a header (the header opens it) */
static void open_bare(struct link_show_ctx *c)
{
	if (c->sh->o.json) {
		json_key(&c->j, NULL);
		json_begin_object(&c->j);
	}
}

/* one link of the show: header, addresses, -s counters */
static void show_link(struct link_show_ctx *c, const struct out *o,
		      const struct filter *f, struct rtnl_link *l,
		      const struct addrs *ad, bool no_link)
{
	int res = 0;

	if (o->brief || !no_link) {
		res = link_pass(f, l);
		if (res > 0 && !o->brief && rtnl_link_get_family(l) == AF_INET6)
			header6(c, l);
		else if (res > 0)
			link_show_one(c, l);
		if (res > 0) {
			res = o->brief ? 0 : 1;
		} else {
			open_bare(c);
		}
	} else {
		open_bare(c);
	}
	if (res >= 0 && f->family != AF_PACKET)
		print_link_addrs(o, f, l, ad);
	if (res > 0 && c->sh->o.stats)
		link_show_stats(c, l);
	link_show_one_end(c);
}

/* the links to show: DEV alone, or the dump as the kernel filters it */
static int get_links(struct nsh *sh, struct nl_sock *sk, const char *dev,
		     const struct filter *f, struct nl_cache **cache,
		     struct rtnl_link **one, struct rtnl_link ***ret,
		     int *ret_n)
{
	_cleanup_(msg_list_free) struct msg_list keep = { 0 };
	struct rtnl_link **v;
	char why[256], d[300];
	bool filtered;
	int n = 0, err;

	if (dev) {
		if (link_lookup(sh, dev, one))
			return 1;
		v = calloc(1, sizeof(*v));
		if (!v)
			return nsh_err(sh, "out of memory");
		v[n++] = *one;
		*ret = v;
		*ret_n = n;
		return 0;
	}
	/* -6: iproute2 asks for the links of AF_INET6, which the kernel
	 * answers with its IPv6 view of them (see header6); AF_INET has no
	 * view of its own and gets the full one.  Only a request of no
	 * family (or -0) carries the master and kind for the kernel to
	 * filter on. */
	nl_clear_error();
	err = rtnl_link_alloc_cache(sk, sh->o.family == AF_INET6 ? AF_INET6 :
								   AF_UNSPEC,
				    cache);
	if (err < 0)
		return nsh_err(sh, "cannot list the links of %s: %s",
			       ns_desc(&sh->cur, d, sizeof(d)),
			       nl_reason(err, why, sizeof(why)));
	filtered = !sh->o.family || sh->o.family == AF_PACKET;
	if (filtered && f->kind && kind_dump(sh, sk, f->kind, &keep))
		return 1;
	v = calloc((size_t)nl_cache_nitems(*cache) + 1, sizeof(*v));
	if (!v)
		return nsh_err(sh, "out of memory");
	for (struct nl_object *o = nl_cache_get_first(*cache); o;
	     o = nl_cache_get_next(o))
		if (!filtered || dump_keeps(f, &keep, (struct rtnl_link *)o))
			v[n++] = (struct rtnl_link *)o;
	qsort(v, (size_t)n, sizeof(*v), cmp_ifindex);
	*ret = v;
	*ret_n = n;
	return 0;
}

/* ip address [list|show] [FILTER…] */
int addr_show(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nl_cache_freep) struct nl_cache *cache = NULL;
	_cleanup_(rtnl_link_putp) struct rtnl_link *one = NULL;
	_cleanup_free_ struct rtnl_link **links = NULL;
	_cleanup_(addrs_free) struct addrs ad = { 0 };
	struct link_show_ctx c;
	struct filter f;
	struct out o;
	struct nl_sock *sk;
	const char *dev;
	int n = 0, kept = 0;
	bool no_link;

	if (ipl_find(a, 0, AK_HELP) >= 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	if (parse_filter(sh, a, &f, &dev))
		return 1;
	sk = ns_sock(sh);
	if (!sk || get_links(sh, sk, dev, &f, &cache, &one, &links, &n))
		return 1;
	if (one)
		f.ifindex = rtnl_link_get_ifindex(one);
	/* "to PREFIX" sets the family as -4/-6 would, for the header too */
	sh->o.family = f.family;
	no_link = sh->o.oneline && f.family != AF_PACKET;
	if (f.family != AF_PACKET) {
		if (addrs_dump(sh, sk, f.family, f.ifindex, &ad))
			return 1;
		for (int i = 0; i < n; i++)
			if (link_has_match(&f, links[i], &ad))
				links[kept++] = links[i];
		n = kept;
	}
	link_show_begin(&c, sh, sk, cache, LINK_SHOW_ADDR);
	o = (struct out){ .sh = sh, .j = sh->o.json ? &c.j : NULL,
			  .brief = sh->o.brief, .with_dev = no_link,
			  .sl = sh->o.oneline ? "\\" : "\n" };
	for (int i = 0; i < n; i++)
		show_link(&c, &o, &f, links[i], &ad, no_link);
	link_show_end(&c);
	return 0;
}

/* ------------------------------------------------------------ flush */

/* -l N: the rounds flush may take (iproute2's max_flush_loops: 10 unless
 * given; 0: no limit) */
static int flush_loops(const struct nsh *sh, const struct nsh_args *a)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (o && o->key >= IPL_KEY_GLOBAL && streq(o->kw, "-loops"))
			return sh->o.loops;
	}
	return 10;
}

/* whether A has words of the table (not only global options) */
static bool has_filter_words(const struct nsh_args *a)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && a->bind[i].opt->key < IPL_KEY_GLOBAL)
			return true;
	return false;
}

/* delete the address of V (its message sent back as RTM_DELADDR, as
 * iproute2 does); an address already gone with its primary is no error */
static int flush_one(struct nsh *sh, struct nl_sock *sk,
		     const struct ifa_view *v)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = nlmsg_convert(v->n);
	char why[256], buf[INET6_ADDRSTRLEN];
	struct nlmsghdr *h;
	int err;

	if (!msg)
		return nsh_err(sh, "out of memory");
	h = nlmsg_hdr(msg);
	h->nlmsg_type = RTM_DELADDR;
	h->nlmsg_flags = NLM_F_REQUEST;
	h->nlmsg_seq = NL_AUTO_SEQ;
	h->nlmsg_pid = NL_AUTO_PORT;
	nl_clear_error();
	err = nl_send_auto(sk, msg);
	if (err >= 0)
		err = nl_wait_for_ack(sk);
	if (err >= 0 || nl_last_errno() == EADDRNOTAVAIL)
		return 0;
	return nsh_err(sh, "'%s/%d': %s",
		       v->local ? ntop(v, v->local, buf) : "?",
		       v->ifa->ifa_prefixlen, nl_reason(err, why, sizeof(why)));
}

/* ip address flush FILTER… */
int addr_flush(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(addrs_free) struct addrs ad = { 0 };
	struct out o = { .sh = sh, .with_dev = true, .sl = "\n" };
	int loops = flush_loops(sh, a);
	struct filter f;
	struct nl_sock *sk;
	const char *dev;

	if (ipl_find(a, 0, AK_HELP) >= 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	if (!has_filter_words(a))
		return nsh_err(sh, "flush requires arguments (dev IFNAME, to "
				   "PREFIX, scope, label, a flag…)");
	if (sh->o.family == AF_PACKET)
		return nsh_err(sh, "cannot flush link addresses (-0)");
	if (parse_filter(sh, a, &f, &dev))
		return 1;
	if (dev && link_index(sh, dev, &f.ifindex))
		return 1;
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	for (int round = 0; !loops || round < loops;) {
		char name[IF_NAMESIZE];
		int flushed = 0;

		if (addrs_dump(sh, sk, f.family, f.ifindex, &ad))
			return 1;
		for (int i = 0; i < ad.n; i++) {
			struct ifa_view *v = &ad.v[i];
			/* the link's name: for a label filter, and -s -s */
			const char *dn = f.label || sh->o.stats > 1 ?
				ifname_of((int)v->ifa->ifa_index, name) : "";

			if (!ifa_match(&f, v, dn))
				continue;
			ad.v[flushed++] = *v;
			if (sh->o.stats > 1)
				print_addr(&o, v, dn);
		}
		if (!flushed) {
			if (sh->o.stats && !round)
				printf("Nothing to flush.\n");
			else if (sh->o.stats)
				printf("*** Flush is complete after %d round%s "
				       "***\n", round, round > 1 ? "s" : "");
			return 0;
		}
		round++;
		for (int i = 0; i < flushed; i++)
			if (flush_one(sh, sk, &ad.v[i]))
				return 1;
		if (sh->o.stats)
			printf("\n*** Round %d, deleting %d addresses ***\n",
			       round, flushed);
		/* "primary": one round, or the secondaries promoted in it
		 * would go next */
		if ((f.flagmask & IFA_F_SECONDARY) &&
		    !(f.flags & IFA_F_SECONDARY)) {
			if (sh->o.stats)
				printf("*** Flush is complete after %d round%s "
				       "***\n", round, round > 1 ? "s" : "");
			return 0;
		}
	}
	return nsh_err(sh, "flush remains incomplete after %d rounds", loops);
}

/* ------------------------------------------------------------ the table */

#define FILTER_ROW(name, help) { name, 0, NULL, AK_FLAG, help }
#define FILTER_NOT(name) { "-" name, IPL_ALIAS, NULL, AK_FLAG }

/* ipaddr_list_flush_or_save's loop, in its order: a word no keyword
 * claims is the link */
static const struct ipl_opt show_rows[] = {
	{ "to", 0, "IFADDR", AK_TO, "addresses in this prefix" },
	{ "scope", 0, "SCOPE", AK_SCOPE, "addresses of this scope (or all)" },
	{ "up", 0, NULL, AK_UP, "links that are up" },
	FILTER_ROW("secondary", "secondary addresses (-secondary: the others)"),
	FILTER_NOT("secondary"),
	FILTER_ROW("temporary", "temporary (IPv6 privacy) addresses"),
	FILTER_NOT("temporary"),
	FILTER_ROW("nodad", "addresses without duplicate address detection"),
	FILTER_NOT("nodad"),
	FILTER_ROW("optimistic", "optimistic addresses"),
	FILTER_NOT("optimistic"),
	FILTER_ROW("dadfailed", "addresses that failed duplicate address "
				"detection"),
	FILTER_NOT("dadfailed"),
	FILTER_ROW("home", "home addresses"),
	FILTER_NOT("home"),
	FILTER_ROW("deprecated", "deprecated addresses"),
	FILTER_NOT("deprecated"),
	FILTER_ROW("tentative", "addresses still in duplicate address "
				"detection"),
	FILTER_NOT("tentative"),
	FILTER_ROW("permanent", "permanent addresses"),
	FILTER_NOT("permanent"),
	FILTER_ROW("mngtmpaddr", "addresses that make temporary ones"),
	FILTER_NOT("mngtmpaddr"),
	FILTER_ROW("noprefixroute", "addresses without a prefix route"),
	FILTER_NOT("noprefixroute"),
	FILTER_ROW("autojoin", "multicast addresses joined"),
	FILTER_NOT("autojoin"),
	FILTER_ROW("stable-privacy", "stable privacy addresses"),
	FILTER_NOT("stable-privacy"),
	FILTER_ROW("dynamic", "addresses with a lifetime"),
	FILTER_NOT("dynamic"),
	FILTER_ROW("primary", "primary addresses"),
	FILTER_NOT("primary"),
	{ "label", 0, "TEXT", AK_LABEL, "addresses whose label matches this "
					"pattern" },
	{ "group", 0, "GROUP", AK_GROUP, "links of this group" },
	{ "master", 0, "DEV", AK_MASTER, "ports of this master" },
	{ "vrf", 0, "DEV", AK_VRF, "ports of this VRF" },
	{ "nomaster", 0, NULL, AK_NOMASTER, "links without a master" },
	{ "type", 0, "WORD", AK_TYPE, "links of this kind (KIND_slave: "
				      "ports of one)" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, AK_HELP },
	{ "dev", IPL_DEFAULT | IPL_ONCE, "DEV", AK_DEV, "the link" },
	{ NULL },
};

const struct ipl_table addr_show_opts = { "ip address show", show_rows };
