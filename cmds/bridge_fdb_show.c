/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bridge_fdb_show.c - iproute2's `bridge fdb show` and `bridge fdb get`,
 * natively: the same strict RTM_GETNEIGH dump as bridge/fdb.c's (the
 * kernel filters on the port and the bridge) or the one entry asked
 * for, printed as print_fdb prints it (text and JSON).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/if_bridge.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "bridge.h"
#include "iproute.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ------------------------------------------------------------ print */

/* a show's filters, as fdb.c's statics */
struct fshow {
	struct nsh *sh;
	int filter_index;
	unsigned filter_state;
	unsigned filter_vlan;
	bool filter_dynamic;
};

static const char *state_name(unsigned s, char *buf, size_t len)
{
	if (s & NUD_PERMANENT)
		return "permanent";
	if (s & NUD_NOARP)
		return "static";
	if (s & NUD_STALE)
		return "stale";
	if (s & NUD_REACHABLE)
		return "";
	snprintf(buf, len, pr_json() ? "%#x" : "state=%#x", s);
	return buf;
}

static void print_flags(uint8_t flags)
{
	static const struct {
		unsigned flag;
		const char *name;
	} names[] = {
		{ NTF_SELF, "self" }, { NTF_ROUTER, "router" },
		{ NTF_EXT_LEARNED, "extern_learn" },
		{ NTF_OFFLOADED, "offload" }, { NTF_MASTER, "master" },
		{ NTF_STICKY, "sticky" },
	};

	pr_arr_open(PR_JSON, pr_json() ? "flags" : "");
	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (flags & names[i].flag)
			pr_string(PR_ANY, NULL, "%s ", names[i].name);
	pr_arr_close(PR_JSON, NULL);
}

static void print_lladdr(const struct nlattr *a)
{
	const unsigned char *b = nla_data(a);
	char buf[3 * 32 + 1] = "";
	size_t used = 0;
	int n = nla_len(a);

	for (int i = 0; i < n && used + 4 <= sizeof(buf); i++)
		used += (size_t)snprintf(buf + used, sizeof(buf) - used,
					 "%s%02x", i ? ":" : "", b[i]);
	pr_color_string(PR_ANY, PC_MAC, "mac", "%s ", buf);
}

/* where the entry leads: dst, vlan, port, vni, src_vni, via, nhid,
 * link-netnsid */
static void print_remote(struct fshow *s, struct nlattr **tb, uint16_t vid)
{
	char buf[INET6_ADDRSTRLEN + 16];

	if (tb[NDA_DST]) {
		int af = nla_len(tb[NDA_DST]) == 16 ? AF_INET6 : AF_INET;

		if (!inet_ntop(af, nla_data(tb[NDA_DST]), buf, sizeof(buf)))
			snprintf(buf, sizeof(buf), "???");
		pr_string(PR_FP, NULL, "%s", "dst ");
		pr_color_string(PR_ANY, af == AF_INET6 ? PC_INET6 : PC_INET,
				"dst", "%s ", buf);
	}
	if (vid)
		pr_uint(PR_ANY, "vlan", "vlan %hu ", vid);
	if (tb[NDA_PORT])
		pr_uint(PR_ANY, "port", "port %u ",
			ntohs(nla_get_u16(tb[NDA_PORT])));
	if (tb[NDA_VNI])
		pr_uint(PR_ANY, "vni", "vni %u ", nla_get_u32(tb[NDA_VNI]));
	if (tb[NDA_SRC_VNI])
		pr_uint(PR_ANY, "src_vni", "src_vni %u ",
			nla_get_u32(tb[NDA_SRC_VNI]));
	if (tb[NDA_IFINDEX]) {
		unsigned via = nla_get_u32(tb[NDA_IFINDEX]);

		if (tb[NDA_LINK_NETNSID])
			pr_uint(PR_ANY, "viaIfIndex", "via ifindex %u ", via);
		else
			pr_string(PR_ANY, "viaIf", "via %s ",
				  ipr_ifname(s->sh, (int)via));
	}
	if (tb[NDA_NH_ID])
		pr_uint(PR_ANY, "nhid", "nhid %u ", nla_get_u32(tb[NDA_NH_ID]));
	if (tb[NDA_LINK_NETNSID])
		pr_uint(PR_ANY, "linkNetNsId", "link-netnsid %d ",
			nla_get_u32(tb[NDA_LINK_NETNSID]));
}

/* -s: "used N/N" in seconds */
static void print_cacheinfo(const struct nlattr *a)
{
	const struct nda_cacheinfo *ci = nla_data(a);
	long hz = sysconf(_SC_CLK_TCK);

	if (hz <= 0)
		hz = 100;
	if (pr_json()) {
		pr_uint(PR_JSON, "used", NULL,
			(unsigned)(ci->ndm_used / (unsigned)hz));
		pr_uint(PR_JSON, "updated", NULL,
			(unsigned)(ci->ndm_updated / (unsigned)hz));
	} else {
		printf("used %d/%d ", (int)(ci->ndm_used / hz),
		       (int)(ci->ndm_updated / hz));
	}
}

/* does the show's filter keep the entry (its vlan in *VID)? */
static bool fdb_keep(struct fshow *s, struct nlmsghdr *nlh,
		     struct nlattr **tb, uint16_t *vid)
{
	struct ndmsg *ndm = nlmsg_data(nlh);

	if ((nlh->nlmsg_type != RTM_NEWNEIGH &&
	     nlh->nlmsg_type != RTM_DELNEIGH) ||
	    ndm->ndm_family != AF_BRIDGE)
		return false;
	if (s->filter_index && s->filter_index != ndm->ndm_ifindex)
		return false;
	if (s->filter_state && !(ndm->ndm_state & s->filter_state))
		return false;
	if (nlmsg_parse(nlh, sizeof(*ndm), tb, NDA_MAX, NULL) < 0)
		return false;
	*vid = tb[NDA_VLAN] ? nla_get_u16(tb[NDA_VLAN]) : 0;
	if (s->filter_vlan && s->filter_vlan != *vid)
		return false;
	return !(s->filter_dynamic && (ndm->ndm_state & NUD_PERMANENT));
}

static void print_fdb(struct fshow *s, struct nlmsghdr *nlh)
{
	struct ndmsg *ndm = nlmsg_data(nlh);
	struct nlattr *tb[NDA_MAX + 1];
	char buf[INET6_ADDRSTRLEN + 16];
	uint16_t vid = 0;

	if (!fdb_keep(s, nlh, tb, &vid))
		return;
	pr_obj_open(NULL);
	if (tb[NDA_LLADDR])
		print_lladdr(tb[NDA_LLADDR]);
	if (!s->filter_index && ndm->ndm_ifindex) {
		pr_string(PR_FP, NULL, "%s", "dev ");
		pr_color_string(PR_ANY, PC_IFNAME, "ifname", "%s ",
				ipr_ifname(s->sh, ndm->ndm_ifindex));
	}
	print_remote(s, tb, vid);
	if (s->sh->o.stats && tb[NDA_CACHEINFO] &&
	    nla_len(tb[NDA_CACHEINFO]) >= (int)sizeof(struct nda_cacheinfo))
		print_cacheinfo(tb[NDA_CACHEINFO]);
	print_flags(ndm->ndm_flags);
	if (tb[NDA_MASTER])
		pr_string(PR_ANY, "master", "master %s ",
			  ipr_ifname(s->sh, (int)nla_get_u32(tb[NDA_MASTER])));
	pr_string(PR_ANY, "state", "%s\n",
		  state_name(ndm->ndm_state, buf, sizeof(buf)));
	pr_obj_close();
}

/* ------------------------------------------------------------ show */

static const struct ipl_opt show_rows[] = {
	{ "brport", 0, "DEV", F_DEV, "only this port's entries" },
	{ "dev", IPL_ALIAS, "DEV", F_DEV },
	{ "br", 0, "DEV", F_BR, "only this bridge's entries" },
	{ "vlan", IPL_ONCE, "NUM16", F_VLAN, "only this VLAN's entries" },
	{ "state", 0, "FDBSTATE", F_STATE, "only entries in this state" },
	{ "dynamic", 0, NULL, F_DYNAMIC, "no permanent entries" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, F_HELP },
	{ "WORD", IPL_DEFAULT | IPL_NOKW | IPL_MULTI | IPL_ALIAS, "WORD",
	  F_IGNORED, "ignored, as iproute2 ignores it" },
	{ NULL },
};

const struct ipl_table fdb_show_opts = { "bridge fdb show", show_rows };

int fdb_show(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct fshow s = { .sh = sh };
	struct ndmsg ndm = { .ndm_family = AF_BRIDGE };
	struct msg_list l = { 0 };
	const char *dev = NULL, *br = NULL;
	int br_index = 0, err;

	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case F_DEV: dev = v->text; break;
		case F_BR: br = v->text; break;
		case F_VLAN: s.filter_vlan = (unsigned)v->num; break;
		case F_STATE: s.filter_state |= (unsigned)v->num; break;
		case F_DYNAMIC: s.filter_dynamic = true; break;
		case F_HELP:
			ipl_usage(a->cmd, stdout);
			return 0;
		default: break;
		}
	}
	ipr_ifname_reset();
	if (br && link_index(sh, br, &br_index))
		return 1;
	if (dev && link_index(sh, dev, &s.filter_index))
		return 1;
	ndm.ndm_ifindex = s.filter_index;
	msg = bridge_msg(sh, RTM_GETNEIGH, 0, &ndm, sizeof(ndm));
	if (!msg)
		return 1;
	if (br_index && nla_put_u32(msg, NDA_MASTER, (uint32_t)br_index) < 0)
		return nsh_err(sh, "out of memory");
	err = ipr_dump(ns_sock(sh), msg, true, &l);
	if (err) {
		char why[256];

		msg_list_free(&l);
		return nsh_err(sh, "cannot list the forwarding database: %s",
			       nl_reason(err, why, sizeof(why)));
	}
	pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
	pr_color(sh->o.color && !sh->o.json);
	for (int i = 0; i < l.n; i++)
		print_fdb(&s, l.v[i]);
	pr_end();
	msg_list_free(&l);
	return 0;
}

/* ------------------------------------------------------------ get */

static const struct ipl_opt get_rows[] = {
	{ "brport", 0, "DEV", F_DEV, "the port" },
	{ "dev", IPL_ALIAS, "DEV", F_DEV },
	{ "br", 0, "DEV", F_BR, "the bridge" },
	{ "vni", 0, "VNI", F_VNI, "the VNI" },
	{ "self", 0, NULL, F_SELF, "the device's own table" },
	{ "master", IPL_PREFIX, NULL, F_MASTER, "the bridge's table" },
	{ "vlan", IPL_PREFIX | IPL_ONCE, "NUM16", F_VLAN, "the VLAN" },
	{ "dynamic", IPL_PREFIX, NULL, F_DYNAMIC, "not a permanent entry" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, F_HELP },
	{ "to", IPL_DEFAULT | IPL_ONCE, "FDBMAC", F_ADDR, "the MAC address" },
	{ NULL },
};

const struct ipl_table fdb_get_opts = { "bridge fdb get", get_rows };

/* what a get line names */
struct fdb_get_line {
	const struct nsh_val *addr;
	const char *dev, *br;
	long vlan, vni;
};

/* the words of A into G, NDM and S; false after `help` (the usage) */
static bool get_words(const struct nsh_args *a, struct fdb_get_line *g,
		      struct ndmsg *ndm, struct fshow *s)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case F_DEV: g->dev = v->text; break;
		case F_BR: g->br = v->text; break;
		case F_VNI: g->vni = v->num; break;
		case F_SELF: ndm->ndm_flags |= NTF_SELF; break;
		case F_MASTER: ndm->ndm_flags |= NTF_MASTER; break;
		case F_VLAN: g->vlan = v->num; break;
		case F_DYNAMIC: s->filter_dynamic = true; break;
		case F_ADDR: g->addr = v; break;
		case F_HELP:
			ipl_usage(a->cmd, stdout);
			return false;
		default: break;
		}
	}
	return true;
}

int fdb_get(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	_cleanup_free_ struct nlmsghdr *answer = NULL;
	struct ndmsg ndm = { .ndm_family = AF_BRIDGE };
	struct fshow s = { .sh = sh };
	struct fdb_get_line g = { .vlan = -1, .vni = -1 };
	int idx, err;

	if (!get_words(a, &g, &ndm, &s))
		return 0;
	if ((!g.dev && !g.br) || !g.addr)
		return nsh_err(sh, "missing %s (device or master and address "
				   "are required)", g.addr ? "'dev DEV' or "
							     "'br BRIDGE'" :
							     "the MAC address");
	ipr_ifname_reset();
	if (g.dev) {
		if (link_index(sh, g.dev, &idx))
			return 1;
		ndm.ndm_ifindex = idx;
	}
	msg = bridge_msg(sh, RTM_GETNEIGH, 0, &ndm, sizeof(ndm));
	if (!msg)
		return 1;
	if (nla_put(msg, NDA_LLADDR, 6, g.addr->mac) < 0 ||
	    (g.vlan >= 0 && nla_put_u16(msg, NDA_VLAN, (uint16_t)g.vlan) < 0) ||
	    (g.vni >= 0 && nla_put_u32(msg, NDA_VNI, (uint32_t)g.vni) < 0))
		return nsh_err(sh, "out of memory");
	if (g.br) {
		if (link_index(sh, g.br, &idx))
			return 1;
		if (nla_put_u32(msg, NDA_MASTER, (uint32_t)idx) < 0)
			return nsh_err(sh, "out of memory");
	}
	err = ipr_get(ns_sock(sh), msg, &answer);
	if (err > 0)
		return 1;
	if (err < 0)
		return bridge_refused(sh, g.addr->text, err);
	pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
	pr_color(sh->o.color && !sh->o.json);
	print_fdb(&s, answer);
	pr_end();
	return 0;
}
