/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr_show.c - `ip address [list|show|flush] [FILTER…]`, as iproute2's
 * ipaddr_list_flush_or_save: the same filter words, the same choice of
 * links and addresses, and its text (-o, -br, -s) and -j layouts, quirks
 * included (under -j a link or an address a filter leaves out is still an
 * empty object, as iproute2 opens it before it knows).
 *
 * Listing is one link dump (or one link) and one address dump, the
 * kernel's messages read directly (a libnl cache would merge entries and
 * drop flags).  Each link's header is ip link's printer
 * (cmds/link_show.c, as ip address), its addresses are printed here.
 *
 * Flushing dumps the addresses that match and deletes each with the
 * message the kernel sent for it, round after round (deleting a primary
 * IPv4 address takes its secondaries or promotes them), at most -l N
 * rounds (10; -l 0: until none is left).
 */
#include "config.h"

#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/route/link.h>

#include "addr.h"
#include "cmds.h"
#include "iproute.h"
#include "ipl.h"
#include "link.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_msg, nlmsg_free)
DEFINE_PUTP(struct link_pr, link_pr_free)

#define INFINITY_LIFE_TIME 0xffffffffU

/* ------------------------------------------------------------ the filter */

/* iproute2's struct link_filter: the links' part is ip link's */
struct filter {
	struct link_filter lf;	/* lf.family: the addresses' too */
	int ifindex;
	unsigned scope, scopemask;
	unsigned flags, flagmask;
	struct nsh_prefix pfx;	/* family AF_UNSPEC: none */
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
	int family = f->lf.family;

	if (family && family != v->pfx.family)
		return nsh_err(sh, "'%s': not an %s prefix", v->text,
			       family == AF_INET ? "IPv4" :
			       family == AF_INET6 ? "IPv6" : "IP");
	f->pfx = v->pfx;
	f->lf.family = v->pfx.family;
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
	f->lf.master = rtnl_link_get_ifindex(l);
	return 0;
}

/* type KIND, or KIND_slave: the ports of a master of that kind */
static void take_type(struct filter *f, const char *type)
{
	size_t n = strlen(type);

	if (n >= 6 && streq(type + n - 6, "_slave")) {
		snprintf(f->slave_kind, sizeof(f->slave_kind), "%.*s",
			 (int)(n - 6), type);
		f->lf.slave_kind = f->slave_kind;
	} else {
		f->lf.kind = type;
	}
}

/* the filter words of A, in their order; *DEV: the link named, if any */
static int parse_filter(struct nsh *sh, const struct nsh_args *a,
			struct filter *f, const char **dev)
{
	*f = (struct filter){ .lf = { .family = sh->o.family, .group = -1 } };
	*dev = NULL;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		switch ((enum addr_key)o->key) {
		case AK_TO:
			if (take_to(sh, f, v))
				return 1;
			break;
		case AK_SCOPE:
			/* all: RT_SCOPE_NOWHERE, masked out */
			f->scopemask = v->special ? 0 : ~0U;
			f->scope = v->special ? RT_SCOPE_NOWHERE :
						(unsigned)v->num;
			break;
		case AK_UP:
			f->lf.up = true;
			break;
		case AK_FLAG:
			take_flag(f, a->bind[i].v.text);
			break;
		case AK_LABEL:
			f->lf.label = v->text;
			break;
		case AK_GROUP:
			f->lf.group = (long long)(uint32_t)v->num;
			break;
		case AK_MASTER:
			if (link_index(sh, v->text, &f->lf.master))
				return 1;
			break;
		case AK_VRF:
			if (take_vrf(sh, f, v->text))
				return 1;
			break;
		case AK_NOMASTER:
			f->lf.master = -1;
			break;
		case AK_TYPE:
			take_type(f, v->text);
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

	if (!v->ifa)	/* ifa_view fills those it counts: never */
		return false;
	if (f->ifindex && f->ifindex != (int)v->ifa->ifa_index)
		return false;
	if ((f->scope ^ v->ifa->ifa_scope) & f->scopemask)
		return false;
	if ((f->flags ^ v->flags) & f->flagmask)
		return false;
	if (f->lf.family && f->lf.family != v->ifa->ifa_family)
		return false;
	if (f->lf.label) {
		label = v->tb[IFA_LABEL] ? nla_data(v->tb[IFA_LABEL]) : devname;
		if (fnmatch(f->lf.label, label, 0) != 0)
			return false;
	}
	return pfx_match(&f->pfx, v->local);
}

/* ------------------------------------------------------------ printing */

struct out {
	struct nsh *sh;
	bool brief;
	bool with_dev;		/* -o, flush's -s -s: "IDX: DEV" first */
};

static const char *ntop(const struct ifa_view *v, const struct nlattr *a,
			char *buf)
{
	int family = v->ifa->ifa_family;

	if (nla_len(a) != (family == AF_INET ? 4 : 16) ||
	    !inet_ntop(family, nla_data(a), buf, INET6_ADDRSTRLEN))
		snprintf(buf, INET6_ADDRSTRLEN, "?");
	return buf;
}

/* an address of V's family, in its colour under -c */
static void print_host(const struct ifa_view *v, const char *key,
		       const char *fmt, const struct nlattr *a)
{
	char buf[INET6_ADDRSTRLEN];

	pr_color_string(PR_ANY, v->ifa->ifa_family == AF_INET ? PC_INET :
								PC_INET6,
			key, fmt, ntop(v, a, buf));
}

/* print_ifa_flags: the words in ifa_flag_data's order ("dynamic" for a
 * missing IFA_F_PERMANENT, "temporary" for an IPv6 secondary), then the
 * bits without a name in hex */
static void print_flags(const struct ifa_view *v)
{
	unsigned flags = v->flags;
	char hex[16];

	for (size_t i = 0; i < addr_nflags; i++) {
		const struct addr_flag *f = &addr_flags[i];

		if (f->mask == IFA_F_PERMANENT) {
			if (!(flags & f->mask))
				pr_bool(PR_ANY, "dynamic", "dynamic ", true);
		} else if (!(flags & f->mask)) {
		} else if (f->mask == IFA_F_SECONDARY &&
			   v->ifa->ifa_family == AF_INET6) {
			pr_bool(PR_ANY, "temporary", "temporary ", true);
		} else {
			pr_string(PR_FP, NULL, "%s ", f->name);
			pr_bool(PR_JSON, f->name, NULL, true);
		}
		flags &= ~f->mask;
	}
	if (!flags)
		return;
	snprintf(hex, sizeof(hex), "%02x", flags);
	pr_string(PR_JSON, "ifa_flags", NULL, hex);
	pr_string(PR_FP, NULL, "flags %s ", hex);
}

/* one lifetime: "forever", or seconds (signed when deprecated) */
static void print_lifetime(const char *key, unsigned t, bool deprecated)
{
	if (t == INFINITY_LIFE_TIME) {
		pr_uint(PR_JSON, key, NULL, t);
		pr_string(PR_FP, NULL, "%s", "forever");
	} else if (deprecated) {
		pr_int(PR_ANY, key, "%dsec", (int)t);
	} else {
		pr_uint(PR_ANY, key, "%usec", t);
	}
}

/* the lifetimes: "       valid_lft forever preferred_lft 60sec" */
static void print_lifetimes(const struct ifa_view *v)
{
	const struct ifa_cacheinfo *ci = nla_data(v->tb[IFA_CACHEINFO]);

	pr_nl();
	pr_string(PR_FP, NULL, "       valid_lft ", NULL);
	print_lifetime("valid_life_time", ci->ifa_valid, false);
	pr_string(PR_FP, NULL, " preferred_lft ", NULL);
	print_lifetime("preferred_life_time", ci->ifa_prefered,
		       v->flags & IFA_F_DEPRECATED);
}

/* print_addrinfo, past its filters: one address of link DEVNAME */
static void print_addr(const struct out *o, const struct ifa_view *v,
		       const char *devname)
{
	const struct ifaddrmsg *ifa = v->ifa;
	size_t n = ifa->ifa_family == AF_INET ? 4 : 16;
	char sb[16];

	if (!o->brief) {
		if (o->with_dev) {
			pr_int(PR_JSON, "index", NULL, (int)ifa->ifa_index);
			pr_string(PR_JSON, "dev", NULL, devname);
			if (!pr_json())
				printf("%u: %s", ifa->ifa_index, devname);
		}
		pr_string(PR_ANY, "family", "    %s ",
			  ifa->ifa_family == AF_INET ? "inet" : "inet6");
	}
	if (v->local) {
		print_host(v, "local", "%s", v->local);
		if (v->address && nla_len(v->address) >= (int)n &&
		    nla_len(v->local) >= (int)n &&
		    memcmp(nla_data(v->address), nla_data(v->local), n)) {
			pr_string(PR_FP, NULL, " %s ", "peer");
			print_host(v, "address", "%s", v->address);
		}
		pr_int(PR_ANY, "prefixlen", "/%d ", ifa->ifa_prefixlen);
		if (v->tb[IFA_RT_PRIORITY])
			pr_uint(PR_ANY, "metric", "metric %u ",
				nla_get_u32(v->tb[IFA_RT_PRIORITY]));
	}
	if (o->brief)
		return;
	if (v->tb[IFA_BROADCAST]) {
		pr_string(PR_FP, NULL, "%s ", "brd");
		print_host(v, "broadcast", "%s ", v->tb[IFA_BROADCAST]);
	}
	if (v->tb[IFA_ANYCAST]) {
		pr_string(PR_FP, NULL, "%s ", "any");
		print_host(v, "anycast", "%s ", v->tb[IFA_ANYCAST]);
	}
	pr_string(PR_ANY, "scope", "scope %s ",
		  rt_scope_n2a(ifa->ifa_scope, sb, sizeof(sb)));
	print_flags(v);
	if (v->tb[IFA_LABEL])
		pr_string(PR_ANY, "label", "%s", nla_data(v->tb[IFA_LABEL]));
	if (v->tb[IFA_CACHEINFO] &&
	    nla_len(v->tb[IFA_CACHEINFO]) >= (int)sizeof(struct ifa_cacheinfo))
		print_lifetimes(v);
	pr_string(PR_FP, NULL, "%s", "\n");
}

bool addr_print_msg(struct nlmsghdr *n, const char *devname)
{
	const struct out o = { .with_dev = true };
	struct ifa_view v;

	if (!ifa_view(n, &v))
		return false;
	print_addr(&o, &v, devname);
	return true;
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
	ANALYZER_KEEP(a->v);	/* the caller's _cleanup_(addrs_free) */
	for (int i = 0; i < a->msgs.n; i++)
		a->n += ifa_view(a->msgs.v[i], &a->v[a->n]);
	return 0;
}

/* ------------------------------------------------------------ links */

static const struct ifinfomsg *msg_ifi(const struct nlmsghdr *n)
{
	return nlmsg_data(n);
}

/* the name in link message N ("" without one) */
static const char *msg_ifname(const struct nlmsghdr *n)
{
	struct nlattr *a = nlmsg_find_attr((struct nlmsghdr *)n,
					   sizeof(struct ifinfomsg),
					   IFLA_IFNAME);

	return a ? nla_get_string(a) : "";
}

/* ipaddr_filter: a link stays if one of its addresses passes the filter,
 * or (no family asked for) if it has none at all */
static bool link_has_match(const struct filter *f, const struct nlmsghdr *n,
			   const struct addrs *ad)
{
	int idx = msg_ifi(n)->ifi_index;
	bool missing = true;

	for (int i = 0; i < ad->n; i++) {
		const struct ifa_view *v = &ad->v[i];

		if (!v->ifa || (int)v->ifa->ifa_index != idx)
			continue;
		missing = false;
		if (ifa_match(f, v, msg_ifname(n)))
			return true;
	}
	return missing && (f->lf.family == AF_UNSPEC ||
			   f->lf.family == AF_PACKET);
}

/* print_selected_addrinfo: the "addr_info" of link message N */
static void print_link_addrs(const struct out *o, const struct filter *f,
			     const struct nlmsghdr *n, const struct addrs *ad)
{
	const struct ifinfomsg *ifi = msg_ifi(n);

	pr_arr_open(PR_JSON, "addr_info");
	for (int i = 0; i < ad->n; i++) {
		const struct ifa_view *v = &ad->v[i];

		if ((int)v->ifa->ifa_index != ifi->ifi_index ||
		    (f->lf.family && f->lf.family != v->ifa->ifa_family) ||
		    (f->lf.up && !(ifi->ifi_flags & IFF_UP)))
			continue;
		pr_obj_open(NULL);
		if (ifa_match(f, v, msg_ifname(n)))
			print_addr(o, v, msg_ifname(n));
		pr_obj_close();
	}
	pr_arr_close(PR_JSON, NULL);
	if (o->brief)
		pr_string(PR_FP, NULL, "%s", "\n");
}

/*
 * the links to show: DEV alone (its messages as ipaddr_link_get asks for
 * it), or the dump of the family asked for: under -6 the kernel answers
 * with its IPv6 view of the links (name, address, mtu, state; no qdisc
 * or group), AF_INET has no view of its own and gets the full one
 */
static int get_links(struct nsh *sh, struct nl_sock *sk, const char *dev,
		     struct filter *f, struct msg_list *ret)
{
	uint32_t mask = RTEXT_FILTER_VF;

	if (!dev)
		return link_dump(sh, sk, sh->o.family, &f->lf, ret);
	if (!sh->o.stats)
		mask |= RTEXT_FILTER_SKIP_STATS;
	if (link_get_list(sh, sk, dev, 0, mask, ret))
		return 1;
	f->ifindex = msg_ifi(ret->v[0])->ifi_index;
	return 0;
}

/* one link of the show: header, addresses, -s counters */
static void show_link(struct link_pr *pr, const struct out *o,
		      const struct filter *f, const struct nlmsghdr *n,
		      const struct addrs *ad, bool no_link)
{
	int res = 0;

	pr_obj_open(NULL);
	if (o->brief || !no_link)
		res = link_pr_print(pr, n);
	if (res >= 0 && f->lf.family != AF_PACKET)
		print_link_addrs(o, f, n, ad);
	if (res > 0 && o->sh->o.stats)
		link_pr_stats(pr, n);
	pr_obj_close();
}

/* ip address [list|show] [FILTER…] */
int addr_show(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(msg_list_free) struct msg_list links = { 0 };
	_cleanup_(addrs_free) struct addrs ad = { 0 };
	_cleanup_(link_pr_freep) struct link_pr *pr = NULL;
	const struct nsh_opts *opt = &sh->o;
	struct filter f;
	struct out o;
	struct nl_sock *sk;
	const char *dev;
	bool no_link;

	if (ipl_find(a, 0, AK_HELP) >= 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	rt_names_reset(opt->numeric);
	if (parse_filter(sh, a, &f, &dev))
		return 1;
	sk = ns_sock(sh);
	if (!sk || get_links(sh, sk, dev, &f, &links))
		return 1;
	no_link = opt->oneline && f.lf.family != AF_PACKET;
	if (f.lf.family != AF_PACKET &&
	    addrs_dump(sh, sk, f.lf.family, f.ifindex, &ad))
		return 1;
	pr = link_pr_new(sh, sk, &f.lf, &links, false);
	if (!pr)
		return 1;
	o = (struct out){ .sh = sh, .brief = opt->brief, .with_dev = no_link };
	pr_begin(opt->json, opt->pretty, opt->oneline, true);
	pr_color(opt->color);
	for (int i = 0; i < links.n; i++)
		if (f.lf.family == AF_PACKET ||
		    link_has_match(&f, links.v[i], &ad))
			show_link(pr, &o, &f, links.v[i], &ad, no_link);
	pr_end();
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
	err = ipr_ack(sk, msg);
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
	struct out o = { .sh = sh, .with_dev = true };
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
	rt_names_reset(sh->o.numeric);
	if (parse_filter(sh, a, &f, &dev))
		return 1;
	if (dev && link_index(sh, dev, &f.ifindex))
		return 1;
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	pr_begin(false, false, false, false);	/* -s -s: the addresses */
	for (int round = 0; !loops || round < loops;) {
		char name[IF_NAMESIZE];
		int flushed = 0;

		if (addrs_dump(sh, sk, f.lf.family, f.ifindex, &ad))
			return 1;
		for (int i = 0; i < ad.n; i++) {
			struct ifa_view *v = &ad.v[i];
			/* the link's name: for a label filter, and -s -s */
			const char *dn = (f.lf.label || sh->o.stats > 1) &&
						 v->ifa ?
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
	{ "scope", 0, "RTSCOPESEL", AK_SCOPE, "addresses of this scope (or all)" },
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
