/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr.c - `ip address add|change|replace|delete`: one RTM_NEWADDR or
 * RTM_DELADDR, built as iproute2's ipaddr_modify builds it, so the kernel
 * cannot tell which tool sent it; and the family's table.  Listing and
 * flushing are in addr_show.c.
 *
 * The request follows the words in their order, as iproute2 reads them:
 * the first address fixes the family (or -4/-6 did), and a flag word such
 * as nodad met before any IPv6 address is dropped with iproute2's warning.
 * Warnings are printed once the kernel has done the request, so a
 * refused line says one thing.  An IPv4 address deleted without /LEN is
 * iproute2's wildcard deletion (no IFA_ADDRESS: the kernel deletes the
 * first address with that local part, whatever its prefix length); nsh
 * does the same and says so in one warning line, not iproute2's four.
 */
#include "config.h"

#include <errno.h>
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

#include "addr.h"
#include "cmds.h"
#include "iproute.h"
#include "ipl.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

#define INFINITY_LIFE_TIME 0xffffffffU

const struct addr_flag addr_flags[] = {
	{ "secondary", IFA_F_SECONDARY, true, false },
	{ "temporary", IFA_F_SECONDARY, true, false },
	{ "nodad", IFA_F_NODAD, false, true },
	{ "optimistic", IFA_F_OPTIMISTIC, false, true },
	{ "dadfailed", IFA_F_DADFAILED, true, true },
	{ "home", IFA_F_HOMEADDRESS, false, true },
	{ "deprecated", IFA_F_DEPRECATED, true, true },
	{ "tentative", IFA_F_TENTATIVE, true, true },
	{ "permanent", IFA_F_PERMANENT, true, true },
	{ "mngtmpaddr", IFA_F_MANAGETEMPADDR, false, true },
	{ "noprefixroute", IFA_F_NOPREFIXROUTE, false, false },
	{ "autojoin", IFA_F_MCAUTOJOIN, false, false },
	{ "stable-privacy", IFA_F_STABLE_PRIVACY, true, true },
};

const size_t addr_nflags = ARRAY_SIZE(addr_flags);

const struct addr_flag *addr_flag_find(const char *name)
{
	for (size_t i = 0; i < ARRAY_SIZE(addr_flags); i++)
		if (streq(addr_flags[i].name, name))
			return &addr_flags[i];
	return NULL;
}

/* LFT: a lifetime, "forever" or seconds */
static int t_lft(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned long long n;

	(void)errbuf;
	(void)errlen;
	if (streq(w, "forever")) {
		v->num = INFINITY_LIFE_TIME;
		return 0;
	}
	if (parse_num(w, UINT32_MAX, &n, ret_err) < 0) {
		*ret_err = "not a lifetime (seconds, or forever)";
		return -1;
	}
	v->num = (long)n;
	return 0;
}

static void complete_lft(struct nsh *sh, const char *prefix,
			 void (*add)(void *, const char *, const char *),
			 void *ctx)
{
	(void)sh;
	if (strncmp("forever", prefix, strlen(prefix)) == 0)
		add(ctx, "forever", "no end");
}

static const struct nsh_type addr_types[] = {
	{ "LFT", "a lifetime: seconds, or forever", t_lft, complete_lft },
	{ NULL },
};

/* ------------------------------------------------------------ the request */

/* the request being built, and what ipaddr_modify remembers on the way */
struct modify {
	struct nsh *sh;
	struct nl_msg *msg;
	int cmd;
	int family;		/* req.ifa.ifa_family */
	int prefixlen;
	int scope;
	bool scoped;
	const char *dev;
	const struct nsh_val *local, *peer;
	int brd_special;	/* '+' or '-' */
	bool has_lft;
	uint32_t valid, preferred;
	unsigned flags;
	const char *warn[16];	/* the warnings, printed once it is done */
	const char *warn_word[16];
	int nwarn;
};

static const char *family_word(int family)
{
	switch (family) {
	case AF_INET: return "an IPv4";
	case AF_INET6: return "an IPv6";
	case AF_PACKET: return "a link-layer (-0)";
	case AF_MPLS: return "an MPLS (-M)";
	case AF_BRIDGE: return "a bridge (-B)";
	default: return "another";
	}
}

/* V is of the request's family, or fixes it (iproute2's get_prefix with
 * req.ifa.ifa_family) */
static int take_family(struct modify *m, const struct nsh_val *v)
{
	if (m->family && m->family != v->pfx.family)
		return nsh_err(m->sh, "'%s': not %s address", v->text,
			       family_word(m->family));
	m->family = v->pfx.family;
	return 0;
}

static size_t alen(int family)
{
	return family == AF_INET ? 4 : 16;
}

static int put_addr(struct modify *m, int attr, const struct nsh_prefix *p)
{
	if (nla_put(m->msg, attr, (int)alen(p->family), p->addr) < 0)
		return nsh_err(m->sh, "out of memory");
	return 0;
}

static void add_warning(struct modify *m, const char *word, const char *why)
{
	if (m->nwarn < (int)ARRAY_SIZE(m->warn)) {
		m->warn_word[m->nwarn] = word;
		m->warn[m->nwarn++] = why;
	}
}

/* a flag word: iproute2 warns about the kernel's own flags, and about an
 * IPv6 one while the address is not (yet) known to be IPv6 */
static void take_flag(struct modify *m, const char *word)
{
	const struct addr_flag *f = addr_flag_find(word);

	if (f->readonly)
		add_warning(m, word, "not mutable from userspace (ignored)");
	else if (f->v6only && m->family != AF_INET6)
		add_warning(m, word, "can be set only for IPv6 addresses "
				     "(ignored)");
	else
		m->flags |= f->mask;
}

/* one keyword of the line, in its order (ipaddr_modify's loop) */
static int take_word(struct modify *m, const struct nsh_args *a, int i)
{
	const struct ipl_opt *o = a->bind[i].opt;
	const struct nsh_val *v = ipl_arg(a, i, 0);
	int rc = 0;

	switch ((enum addr_key)o->key) {
	case AK_PEER:
		if (take_family(m, v) || put_addr(m, IFA_ADDRESS, &v->pfx))
			return 1;
		m->peer = v;
		m->prefixlen = v->pfx.len;
		break;
	case AK_BRD:
		if (v->special) {
			m->brd_special = v->special;
			break;
		}
		/* fall through */
	case AK_ANYCAST:
		if (take_family(m, v))
			return 1;
		rc = put_addr(m, o->key == AK_BRD ? IFA_BROADCAST : IFA_ANYCAST,
			      &v->pfx);
		break;
	case AK_SCOPE:
		m->scope = (int)v->num;
		m->scoped = true;
		break;
	case AK_DEV:
		m->dev = v->text;	/* iproute2: the last one counts */
		break;
	case AK_LABEL:
		if (nla_put_string(m->msg, IFA_LABEL, v->text) < 0)
			return nsh_err(m->sh, "out of memory");
		break;
	case AK_METRIC:
		if (nla_put_u32(m->msg, IFA_RT_PRIORITY, (uint32_t)v->num) < 0)
			return nsh_err(m->sh, "out of memory");
		break;
	case AK_VALID:
	case AK_PREFERRED:
		*(o->key == AK_VALID ? &m->valid : &m->preferred) =
			(uint32_t)v->num;
		m->has_lft = true;
		break;
	case AK_FLAG:
		take_flag(m, a->bind[i].v.text);
		break;
	case AK_LOCAL:
		if (take_family(m, v) || put_addr(m, IFA_LOCAL, &v->pfx))
			return 1;
		m->local = v;
		break;
	default:
		break;
	}
	return rc;
}

/* the first or last address of PFX's subnet ('-' / '+'), as the
 * broadcast address: only IPv4 prefixes of up to /30 get one */
static int put_derived_brd(struct modify *m, const struct nsh_prefix *pfx)
{
	struct nsh_prefix b = *pfx;
	uint32_t a, host;

	if (m->family != AF_INET)
		return nsh_err(m->sh, "'%c': broadcast addresses are for IPv4 "
				      "only", m->brd_special);
	if (b.len > 30)
		return 0;
	host = b.len ? ~0U >> b.len : ~0U;
	memcpy(&a, b.addr, 4);
	a = ntohl(a);
	a = m->brd_special == '+' ? a | host : a & ~host;
	a = htonl(a);
	memcpy(b.addr, &a, 4);
	return put_addr(m, IFA_BROADCAST, &b);
}

static bool is_multicast(const struct nsh_prefix *p)
{
	if (p->family == AF_INET)
		return (p->addr[0] & 0xf0) == 0xe0;
	return p->family == AF_INET6 && p->addr[0] == 0xff;
}

/* IFA_ADDRESS for a local address without a peer (not for iproute2's
 * wildcard deletion), the prefix length, the derived broadcast and the
 * default scope; 0, or 1 after reporting */
static int finish_address(struct modify *m, const struct nsh_prefix *lcl)
{
	struct nsh_prefix none = { 0 };

	if (!m->peer && lcl) {
		if (m->cmd == RTM_DELADDR && lcl->family == AF_INET &&
		    !lcl->has_len)
			add_warning(m, m->local->text,
				    "no prefix length: the first address "
				    "with this local part goes (iproute2's "
				    "wildcard deletion)");
		else if (put_addr(m, IFA_ADDRESS, lcl))
			return 1;
	}
	if (!m->prefixlen)
		m->prefixlen = lcl ? lcl->len : 0;
	if (m->brd_special && m->cmd != RTM_DELADDR &&
	    put_derived_brd(m, m->peer ? &m->peer->pfx : lcl ? lcl : &none))
		return 1;
	if (!m->scoped && m->cmd != RTM_DELADDR)
		m->scope = lcl && lcl->family == AF_INET &&
					   lcl->addr[0] == 127 ?
				   RT_SCOPE_HOST : RT_SCOPE_UNIVERSE;
	return 0;
}

/* IFA_CACHEINFO of valid_lft and preferred_lft, if given; 0, or 1 after
 * reporting */
static int put_lifetimes(struct modify *m)
{
	struct ifa_cacheinfo ci = { .ifa_prefered = m->preferred,
				    .ifa_valid = m->valid };

	if (!m->has_lft)
		return 0;
	if (!m->valid)
		return nsh_err(m->sh, "valid_lft is zero");
	if (m->valid < m->preferred)
		return nsh_err(m->sh, "preferred_lft (%u) is greater than "
				      "valid_lft (%u)",
			       m->preferred, m->valid);
	if (nla_put(m->msg, IFA_CACHEINFO, sizeof(ci), &ci) < 0)
		return nsh_err(m->sh, "out of memory");
	return 0;
}

/*
 * finish - what ipaddr_modify does after its loop: the flags, the
 * address (finish_address), the link, the lifetimes, the header.  0, or
 * 1 after reporting.
 */
static int finish(struct modify *m)
{
	const struct nsh_prefix *lcl = m->local ? &m->local->pfx : NULL;
	struct ifaddrmsg *ifm;
	int ifindex;

	if (m->flags > 0xff && nla_put_u32(m->msg, IFA_FLAGS, m->flags) < 0)
		return nsh_err(m->sh, "out of memory");
	if (!m->dev)
		return nsh_err(m->sh, "%s%s%smissing 'dev IFNAME' (the link of "
				      "the address)",
			       m->local ? "'" : "",
			       m->local ? m->local->text : "",
			       m->local ? "': " : "");
	/* iproute2 would send a request of no family, which the kernel
	 * refuses with "Operation not supported" */
	if (!m->family)
		return nsh_err(m->sh, "missing the address (ADDRESS[/LEN])");
	if (finish_address(m, lcl) || link_index(m->sh, m->dev, &ifindex) ||
	    put_lifetimes(m))
		return 1;
	if ((m->flags & IFA_F_MCAUTOJOIN) && !(lcl && is_multicast(lcl)))
		return nsh_err(m->sh, "%s%s%sautojoin needs a multicast "
				      "address",
			       m->local ? "'" : "",
			       m->local ? m->local->text : "",
			       m->local ? "': " : "");
	ifm = nlmsg_data(nlmsg_hdr(m->msg));
	ifm->ifa_family = (unsigned char)m->family;
	ifm->ifa_flags = m->flags > 0xff ? 0 : (unsigned char)m->flags;
	ifm->ifa_prefixlen = (unsigned char)m->prefixlen;
	ifm->ifa_scope = (unsigned char)m->scope;
	ifm->ifa_index = (unsigned)ifindex;
	return 0;
}

/*
 * explain_deladdr - a delete the kernel refused with EADDRNOTAVAIL: "no
 * such address on 'v1'", and which prefix length it has if the link has
 * the address with another one (one dump, on this error path only)
 */
static int explain_deladdr(struct modify *m, struct nl_sock *sk)
{
	struct ifaddrmsg hdr = { .ifa_family = (unsigned char)m->family };
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	const struct nsh_val *v = m->local;
	const struct ifaddrmsg *want = nlmsg_data(nlmsg_hdr(m->msg));
	char other[INET6_ADDRSTRLEN + 8] = "";

	if (v && dump_msgs(m->sh, sk, RTM_GETADDR, &hdr, sizeof(hdr),
			   "addresses", &l))
		return 1;
	for (int i = 0; v && i < l.n && !other[0]; i++) {
		struct ifaddrmsg *ifa = nlmsg_data(l.v[i]);
		struct nlattr *tb[IFA_MAX + 1];
		struct nlattr *loc;
		struct nsh_prefix p = { .family = ifa->ifa_family,
					.len = ifa->ifa_prefixlen };

		if (ifa->ifa_index != want->ifa_index ||
		    ifa->ifa_family != v->pfx.family ||
		    nlmsg_parse(l.v[i], sizeof(*ifa), tb, IFA_MAX, NULL) < 0)
			continue;
		loc = tb[IFA_LOCAL] ? tb[IFA_LOCAL] : tb[IFA_ADDRESS];
		if (!loc || (size_t)nla_len(loc) != alen(p.family) ||
		    memcmp(nla_data(loc), v->pfx.addr, alen(p.family)) != 0)
			continue;
		memcpy(p.addr, nla_data(loc), alen(p.family));
		prefix_str(&p, true, other, sizeof(other));
	}
	return nsh_err(m->sh, "'%s': no such address on '%s'%s%s%s",
		       v ? v->text : m->dev, m->dev,
		       other[0] ? " (it has " : "", other, other[0] ? ")" : "");
}

/* the kernel's refusal in words */
static int report(struct modify *m, struct nl_sock *sk, int err)
{
	const char *subject = m->local ? m->local->text :
			      m->peer ? m->peer->text : m->dev;
	char why[256];

	if (m->cmd == RTM_NEWADDR && nl_last_errno() == EEXIST)
		return nsh_err(m->sh, "'%s': address already assigned on '%s'",
			       subject, m->dev);
	if (m->cmd == RTM_DELADDR && nl_last_errno() == EADDRNOTAVAIL)
		return explain_deladdr(m, sk);
	return nsh_err(m->sh, "'%s': %s", subject,
		       nl_reason(err, why, sizeof(why)));
}

/*
 * addr_modify - ip address add (CREATE|EXCL), change (REPLACE), replace
 * (CREATE|REPLACE), delete (RTM_DELADDR): one request.
 */
static int addr_modify(struct nsh *sh, const struct nsh_args *a, int cmd,
		       int flags)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifaddrmsg ifa = { 0 };
	struct modify m = { .sh = sh, .cmd = cmd,
			    .valid = INFINITY_LIFE_TIME,
			    .preferred = INFINITY_LIFE_TIME };
	struct nl_sock *sk;
	int err;

	if (ipl_find(a, 0, AK_HELP) >= 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	/* -4/-6 (or -0, -M, -B: then no address fits) */
	m.family = sh->o.family;
	msg = nlmsg_alloc_simple(cmd, flags);
	if (!msg || nlmsg_append(msg, &ifa, sizeof(ifa), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	m.msg = msg;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (o && o->key < IPL_KEY_GLOBAL && take_word(&m, a, i))
			return 1;
	}
	if (finish(&m))
		return 1;
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	err = ipr_ack(sk, msg);
	if (err < 0)
		return report(&m, sk, err);
	for (int i = 0; i < m.nwarn; i++)
		nsh_warn(sh, "'%s': %s", m.warn_word[i], m.warn[i]);
	return 0;
}

static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return addr_modify(sh, a, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL);
}

static int cmd_change(struct nsh *sh, const struct nsh_args *a)
{
	return addr_modify(sh, a, RTM_NEWADDR, NLM_F_REPLACE);
}

static int cmd_replace(struct nsh *sh, const struct nsh_args *a)
{
	return addr_modify(sh, a, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE);
}

static int cmd_delete(struct nsh *sh, const struct nsh_args *a)
{
	return addr_modify(sh, a, RTM_DELADDR, 0);
}

/* ------------------------------------------------------------ the table */

#define FLAG_ROW(name, fl, help) { name, fl, NULL, AK_FLAG, help }

/* ipaddr_modify's loop, in its order: a word no keyword claims is the
 * local address */
static const struct ipl_opt modify_rows[] = {
	{ "peer", IPL_ONCE, "IFADDR", AK_PEER, "the other end of a point to "
					       "point link, PREFIX" },
	{ "remote", IPL_ALIAS | IPL_ONCE, "IFADDR", AK_PEER },
	{ "broadcast", IPL_PREFIX | IPL_ONCE, "BRD", AK_BRD,
	  "broadcast address, or + / - for the last / first of the prefix" },
	{ "brd", IPL_ALIAS | IPL_ONCE, "BRD", AK_BRD },
	{ "anycast", IPL_ONCE, "ADDR", AK_ANYCAST, "anycast address" },
	{ "scope", 0, "RTSCOPE", AK_SCOPE, "global, site, link, host or a "
					 "number" },
	{ "dev", 0, "DEV", AK_DEV, "the link" },
	{ "label", 0, "TEXT", AK_LABEL, "an IPv4 label, like eth0:1" },
	{ "metric", IPL_PREFIX, "NUM", AK_METRIC, "the metric of the prefix "
						  "route" },
	{ "priority", IPL_PREFIX | IPL_ALIAS, "NUM", AK_METRIC },
	{ "preference", IPL_PREFIX | IPL_ALIAS, "NUM", AK_METRIC },
	{ "valid_lft", IPL_PREFIX | IPL_ONCE, "LFT", AK_VALID,
	  "valid lifetime: seconds or forever" },
	{ "preferred_lft", IPL_PREFIX | IPL_ONCE, "LFT", AK_PREFERRED,
	  "preferred lifetime: seconds or forever" },
	/* the flags, in ifa_flag_data's order; the kernel's own are only
	 * warned about */
	FLAG_ROW("secondary", IPL_ALIAS, NULL),
	FLAG_ROW("temporary", IPL_ALIAS, NULL),
	FLAG_ROW("nodad", 0, "no duplicate address detection (IPv6)"),
	FLAG_ROW("optimistic", 0, "optimistic duplicate address detection "
				  "(IPv6)"),
	FLAG_ROW("dadfailed", IPL_ALIAS, NULL),
	FLAG_ROW("home", 0, "a home address (IPv6 mobility)"),
	FLAG_ROW("deprecated", IPL_ALIAS, NULL),
	FLAG_ROW("tentative", IPL_ALIAS, NULL),
	FLAG_ROW("permanent", IPL_ALIAS, NULL),
	FLAG_ROW("mngtmpaddr", 0, "make temporary addresses from it (IPv6)"),
	FLAG_ROW("noprefixroute", 0, "no route for the prefix"),
	FLAG_ROW("autojoin", 0, "join the multicast group of the address"),
	FLAG_ROW("stable-privacy", IPL_ALIAS, NULL),
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, AK_HELP },
	{ "local", IPL_DEFAULT | IPL_ONCE, "IFADDR", AK_LOCAL,
	  "the address, ADDRESS[/LEN] (no /LEN: /32 or /128)" },
	{ NULL },
};

static const struct ipl_table modify_opts = { "ip address add", modify_rows };

/* do_ipaddr's verbs in its order (list, show and lst are one row: show
 * first, the word people type, for help and messages) */
static const struct nsh_cmd addr_cmds[] = {
	{ "ip address add", "add an IPv4 or IPv6 address to a link", cmd_add,
	  NSH_CMD_MUTATES,
	  "ip addr add 10.0.0.1/24 dev veth1", NULL, &modify_opts },
	{ "ip address change/=chg", "change an address (flags, lifetimes)",
	  cmd_change, NSH_CMD_MUTATES,
	  "ip addr change fd00::1/64 dev veth1 preferred_lft 0",
	  NULL, &modify_opts },
	{ "ip address replace", "add an address, or change it if it exists",
	  cmd_replace, NSH_CMD_MUTATES,
	  "ip addr replace 10.0.0.1/24 dev veth1", NULL,
	  &modify_opts },
	{ "ip address delete", "remove an address from a link",
	  cmd_delete, NSH_CMD_MUTATES,
	  "ip addr del 10.0.0.1/24 dev veth1", NULL, &modify_opts },
	{ "ip address show/list/lst", "list links with their addresses",
	  addr_show, 0, "ip -4 addr show dev veth1", NULL, &addr_show_opts },
	{ "ip address flush", "remove the addresses that match",
	  addr_flush, NSH_CMD_MUTATES,
	  "ip addr flush dev veth1", NULL, &addr_show_opts },
	{ "ip address save", "save addresses in binary form", NULL },
	{ "ip address showdump", "show a saved dump", NULL },
	{ "ip address restore", "restore a saved dump", NULL },
	{ "ip address", "list links with their addresses", addr_show },
	{ NULL },
};

const struct nsh_family addr_family = {
	"addr", "ip address: add, change, delete, flush and show addresses",
	addr_cmds, addr_types,
};
