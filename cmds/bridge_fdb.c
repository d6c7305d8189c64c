/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bridge_fdb.c - iproute2's `bridge fdb` (add, append, replace, delete,
 * get, show, flush), natively, with bridge/fdb.c's grammar, requests and
 * output.
 *
 * An entry is one RTM_NEWNEIGH (RTM_DELNEIGH) of family AF_BRIDGE: the
 * ndmsg's state and flags as fdb.c derives them (NUD_NOARP|PERMANENT and
 * NTF_SELF unless the line says otherwise), then NDA_LLADDR, NDA_DST,
 * NDA_VLAN, NDA_NH_ID, NDA_PORT, NDA_VNI, NDA_SRC_VNI, NDA_IFINDEX in
 * its order.  `append 00:00:00:00:00:00 dev vxlan0 dst IP` is VXLAN's
 * flood list.  The show is the same strict RTM_GETNEIGH dump (the kernel
 * filters on the port and the bridge), printed as print_fdb prints.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
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

#ifndef NLM_F_BULK
#define NLM_F_BULK 0x200
#endif

enum fdb_key {
	F_DEV = 1, F_DST, F_NHID, F_PORT, F_VNI, F_SRC_VNI, F_VIA, F_SELF,
	F_MASTER, F_ROUTER, F_PERMANENT, F_STATIC, F_DYNAMIC, F_VLAN, F_USE,
	F_EXT, F_STICKY, F_HELP, F_ADDR, F_BR, F_STATE, F_IGNORED,
	/* flush */
	F_NOPERMANENT, F_NOSTATIC, F_NODYNAMIC, F_ADDED, F_NOADDED,
	F_NOEXT, F_NOSTICKY, F_OFFLOADED, F_NOOFFLOADED, F_BRPORT,
};

/* ------------------------------------------------------------ modify */

static const struct ipl_opt modify_rows[] = {
	{ "dev", 0, "DEV", F_DEV, "the port (or vxlan) device" },
	{ "dst", IPL_ONCE, "ADDR", F_DST, "the remote VXLAN endpoint" },
	{ "nhid", 0, "NUM", F_NHID, "a nexthop group (not with dst)" },
	{ "port", 0, "UDPPORT", F_PORT, "the remote UDP port" },
	{ "vni", 0, "VNI", F_VNI, "the remote VNI" },
	{ "src_vni", 0, "VNI", F_SRC_VNI, "the source VNI" },
	{ "via", 0, "DEV", F_VIA, "the device to reach dst through" },
	{ "self", 0, NULL, F_SELF, "the device's own table" },
	{ "master", IPL_PREFIX, NULL, F_MASTER, "the bridge's table" },
	{ "router", IPL_PREFIX, NULL, F_ROUTER, "the neighbour is a router" },
	{ "local", IPL_PREFIX, NULL, F_PERMANENT,
	  "a local address (permanent)" },
	{ "permanent", IPL_PREFIX, NULL, F_PERMANENT, "permanent" },
	{ "temp", IPL_PREFIX, NULL, F_STATIC, "static" },
	{ "static", IPL_PREFIX, NULL, F_STATIC, "static: no ageing" },
	{ "dynamic", IPL_PREFIX, NULL, F_DYNAMIC, "dynamic: it ages" },
	{ "vlan", IPL_PREFIX | IPL_ONCE, "NUM16", F_VLAN, "the VLAN" },
	{ "use", IPL_PREFIX, NULL, F_USE, "mark it used" },
	{ "extern_learn", IPL_PREFIX, NULL, F_EXT,
	  "learned externally (a control plane)" },
	{ "sticky", IPL_PREFIX, NULL, F_STICKY, "never moves to another port" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, F_HELP },
	{ "to", IPL_DEFAULT | IPL_ONCE, "FDBMAC", F_ADDR, "the MAC address" },
	{ NULL },
};

const struct ipl_table fdb_modify_opts = { "bridge fdb add", modify_rows };

/* what the lines of add/append/replace/delete say */
struct fdb_line {
	struct ndmsg ndm;
	const char *dev, *via;
	const struct nsh_val *addr, *dst;
	long vlan, port, vni, src_vni;
	unsigned long nhid;
};

static int read_modify(struct nsh *sh, const struct nsh_args *a,
		       struct fdb_line *f)
{
	memset(f, 0, sizeof(*f));
	f->ndm.ndm_family = AF_BRIDGE;
	f->ndm.ndm_state = NUD_NOARP;
	f->vlan = f->vni = f->src_vni = -1;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case F_DEV: f->dev = v->text; break;
		case F_DST: f->dst = v; break;
		case F_NHID: f->nhid = (unsigned long)v->num; break;
		case F_PORT: f->port = v->num; break;
		case F_VNI: f->vni = v->num; break;
		case F_SRC_VNI: f->src_vni = v->num; break;
		case F_VIA: f->via = v->text; break;
		case F_SELF: f->ndm.ndm_flags |= NTF_SELF; break;
		case F_MASTER: f->ndm.ndm_flags |= NTF_MASTER; break;
		case F_ROUTER: f->ndm.ndm_flags |= NTF_ROUTER; break;
		case F_PERMANENT: f->ndm.ndm_state |= NUD_PERMANENT; break;
		case F_STATIC: f->ndm.ndm_state |= NUD_REACHABLE; break;
		case F_DYNAMIC:
			f->ndm.ndm_state |= NUD_REACHABLE;
			f->ndm.ndm_state &= (uint16_t)~NUD_NOARP;
			break;
		case F_VLAN: f->vlan = v->num; break;
		case F_USE: f->ndm.ndm_flags |= NTF_USE; break;
		case F_EXT: f->ndm.ndm_flags |= NTF_EXT_LEARNED; break;
		case F_STICKY: f->ndm.ndm_flags |= NTF_STICKY; break;
		case F_HELP: return -1;
		case F_ADDR: f->addr = v; break;
		default: break;
		}
	}
	if (!f->dev || !f->addr)
		return nsh_err(sh, "missing %s (device and address are "
				   "required)", f->dev ? "the MAC address" :
							 "'dev DEV'");
	if (f->nhid && (f->dst || f->port || f->vni >= 0))
		return nsh_err(sh, "'nhid': dst, port, vni are mutually "
				   "exclusive with nhid");
	/* self and permanent unless the line says otherwise */
	if (!(f->ndm.ndm_flags & (NTF_SELF | NTF_MASTER)))
		f->ndm.ndm_flags |= NTF_SELF;
	if (!(f->ndm.ndm_state & (NUD_PERMANENT | NUD_REACHABLE)))
		f->ndm.ndm_state |= NUD_PERMANENT;
	return 0;
}

static int put_modify(struct nl_msg *msg, const struct fdb_line *f, int via)
{
	if (nla_put(msg, NDA_LLADDR, 6, f->addr->mac) < 0)
		return -1;
	if (f->dst &&
	    nla_put(msg, NDA_DST, f->dst->pfx.family == AF_INET ? 4 : 16,
		    f->dst->pfx.addr) < 0)
		return -1;
	if (f->vlan >= 0 && nla_put_u16(msg, NDA_VLAN, (uint16_t)f->vlan) < 0)
		return -1;
	if (f->nhid && nla_put_u32(msg, NDA_NH_ID, (uint32_t)f->nhid) < 0)
		return -1;
	if (f->port && nla_put_u16(msg, NDA_PORT, htons((uint16_t)f->port)) < 0)
		return -1;
	if (f->vni >= 0 && nla_put_u32(msg, NDA_VNI, (uint32_t)f->vni) < 0)
		return -1;
	if (f->src_vni >= 0 &&
	    nla_put_u32(msg, NDA_SRC_VNI, (uint32_t)f->src_vni) < 0)
		return -1;
	if (via && nla_put_u32(msg, NDA_IFINDEX, (uint32_t)via) < 0)
		return -1;
	return 0;
}

static int fdb_modify(struct nsh *sh, const struct nsh_args *a, int type,
		      int flags)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct fdb_line f;
	int via = 0, idx, err, rc;

	rc = read_modify(sh, a, &f);
	if (rc < 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	if (rc)
		return rc;
	if (f.via && link_index(sh, f.via, &via))
		return 1;
	if (link_index(sh, f.dev, &idx))
		return 1;
	f.ndm.ndm_ifindex = idx;
	msg = bridge_msg(sh, type, flags, &f.ndm, sizeof(f.ndm));
	if (!msg)
		return 1;
	if (put_modify(msg, &f, via) < 0)
		return nsh_err(sh, "'%s': the request is too large", f.dev);
	err = ipr_talk(sh, msg);
	if (err > 0)
		return 1;
	return err < 0 ? bridge_refused(sh, f.dev, err) : 0;
}

int fdb_add(struct nsh *sh, const struct nsh_args *a)
{
	return fdb_modify(sh, a, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL);
}

int fdb_append(struct nsh *sh, const struct nsh_args *a)
{
	return fdb_modify(sh, a, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_APPEND);
}

int fdb_replace(struct nsh *sh, const struct nsh_args *a)
{
	return fdb_modify(sh, a, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE);
}

int fdb_delete(struct nsh *sh, const struct nsh_args *a)
{
	return fdb_modify(sh, a, RTM_DELNEIGH, 0);
}

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
	pr_string(PR_ANY, "mac", "%s ", buf);
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
		pr_string(PR_ANY, "dst", "%s ", buf);
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
		pr_string(PR_ANY, "ifname", "%s ",
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
	print_fdb(&s, answer);
	pr_end();
	return 0;
}

/* ------------------------------------------------------------ flush */

static const struct ipl_opt flush_rows[] = {
	{ "dev", 0, "DEV", F_DEV, "the bridge (or device) to flush" },
	{ "master", 0, NULL, F_MASTER, "the bridge's entries" },
	{ "self", 0, NULL, F_SELF, "the device's own entries" },
	{ "permanent", 0, NULL, F_PERMANENT, "permanent entries" },
	{ "nopermanent", 0, NULL, F_NOPERMANENT, "no permanent entries" },
	{ "static", 0, NULL, F_STATIC, "static entries" },
	{ "nostatic", 0, NULL, F_NOSTATIC, "no static entries" },
	{ "dynamic", 0, NULL, F_DYNAMIC, "dynamic entries" },
	{ "nodynamic", 0, NULL, F_NODYNAMIC, "no dynamic entries" },
	{ "added_by_user", 0, NULL, F_ADDED, "entries added by a user" },
	{ "noadded_by_user", 0, NULL, F_NOADDED, "no entries added by a user" },
	{ "extern_learn", 0, NULL, F_EXT, "externally learned entries" },
	{ "noextern_learn", 0, NULL, F_NOEXT,
	  "no externally learned entries" },
	{ "sticky", 0, NULL, F_STICKY, "sticky entries" },
	{ "nosticky", 0, NULL, F_NOSTICKY, "no sticky entries" },
	{ "offloaded", 0, NULL, F_OFFLOADED, "offloaded entries" },
	{ "nooffloaded", 0, NULL, F_NOOFFLOADED, "no offloaded entries" },
	{ "brport", IPL_ONCE, "DEV", F_BRPORT, "only this port's entries" },
	{ "vlan", IPL_ONCE, "NUM16", F_VLAN, "only this VLAN's entries" },
	{ "WORD", IPL_DEFAULT | IPL_NOKW | IPL_MULTI | IPL_ALIAS, "WORD",
	  F_IGNORED, "ignored, as iproute2 ignores it" },
	{ NULL },
};

const struct ipl_table fdb_flush_opts = { "bridge fdb flush", flush_rows };

/* a flush selector word: the state and flag bits it sets or clears (in
 * that order) and the bits it adds to the masks */
static const struct fdb_sel {
	int key;
	uint16_t state_on, state_off, state_mask;
	uint16_t flags_on, flags_off, flags_mask;
} fdb_sels[] = {
	{ F_MASTER, 0, 0, 0, NTF_MASTER, 0, 0 },
	{ F_SELF, 0, 0, 0, NTF_SELF, 0, 0 },
	{ F_PERMANENT, NUD_PERMANENT, 0, NUD_PERMANENT, 0, 0, 0 },
	{ F_NOPERMANENT, 0, NUD_PERMANENT, NUD_PERMANENT, 0, 0, 0 },
	{ F_STATIC, NUD_NOARP, 0, NUD_NOARP | NUD_PERMANENT, 0, 0, 0 },
	{ F_NOSTATIC, 0, NUD_NOARP, NUD_NOARP, 0, 0, 0 },
	/* fdb.c's own expression: clears NOARP only */
	{ F_DYNAMIC, 0, NUD_NOARP, NUD_NOARP | NUD_PERMANENT, 0, 0, 0 },
	{ F_NODYNAMIC, NUD_NOARP, 0, NUD_NOARP, 0, 0, 0 },
	{ F_ADDED, 0, 0, 0, NTF_USE, 0, NTF_USE },
	{ F_NOADDED, 0, 0, 0, 0, NTF_USE, NTF_USE },
	{ F_EXT, 0, 0, 0, NTF_EXT_LEARNED, 0, NTF_EXT_LEARNED },
	{ F_NOEXT, 0, 0, 0, 0, NTF_EXT_LEARNED, NTF_EXT_LEARNED },
	{ F_STICKY, 0, 0, 0, NTF_STICKY, 0, NTF_STICKY },
	{ F_NOSTICKY, 0, 0, 0, 0, NTF_STICKY, NTF_STICKY },
	{ F_OFFLOADED, 0, 0, 0, NTF_OFFLOADED, 0, NTF_OFFLOADED },
	{ F_NOOFFLOADED, 0, 0, 0, 0, NTF_OFFLOADED, NTF_OFFLOADED },
};

/* what a flush line selects */
struct fdb_flush_line {
	uint16_t state, state_mask, flags, flags_mask;
	const char *dev, *port;
	long vid;
};

/* the selector word KEY into F */
static void flush_sel(struct fdb_flush_line *f, int key)
{
	for (size_t k = 0; k < ARRAY_SIZE(fdb_sels); k++) {
		const struct fdb_sel *s = &fdb_sels[k];

		if (s->key != key)
			continue;
		f->state = (uint16_t)((f->state | s->state_on) &
				      ~s->state_off);
		f->state_mask |= s->state_mask;
		f->flags = (uint16_t)((f->flags | s->flags_on) &
				      ~s->flags_off);
		f->flags_mask |= s->flags_mask;
	}
}

/* the words of A into F */
static void flush_words(const struct nsh_args *a, struct fdb_flush_line *f)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case F_DEV: f->dev = v->text; break;
		case F_BRPORT: f->port = v->text; break;
		case F_VLAN: f->vid = v->num; break;
		default: flush_sel(f, o ? o->key : 0); break;
		}
	}
}

int fdb_flush(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ndmsg ndm = { .ndm_family = AF_BRIDGE };
	struct fdb_flush_line f = { .vid = -1 };
	int idx, port_idx = -1, err;

	flush_words(a, &f);
	if (!f.dev)
		return nsh_err(sh, "missing 'dev DEV' (the device is "
				   "required)");
	if (link_index(sh, f.dev, &idx))
		return 1;
	if (f.port && link_index(sh, f.port, &port_idx))
		return 1;
	if (f.vid >= 4096)
		return nsh_err(sh, "'%ld': invalid VLAN ID (0-4095)", f.vid);
	/* self unless the line says master */
	if (!(f.flags & (NTF_SELF | NTF_MASTER)))
		f.flags |= NTF_SELF;
	ndm.ndm_ifindex = idx;
	ndm.ndm_flags = (uint8_t)f.flags;
	ndm.ndm_state = f.state;
	msg = bridge_msg(sh, RTM_DELNEIGH, NLM_F_BULK, &ndm, sizeof(ndm));
	if (!msg)
		return 1;
	if ((port_idx > -1 &&
	     nla_put_u32(msg, NDA_IFINDEX, (uint32_t)port_idx) < 0) ||
	    (f.vid > -1 && nla_put_u16(msg, NDA_VLAN, (uint16_t)f.vid) < 0) ||
	    (f.flags_mask &&
	     nla_put_u8(msg, NDA_NDM_FLAGS_MASK, (uint8_t)f.flags_mask) < 0) ||
	    (f.state_mask &&
	     nla_put_u16(msg, NDA_NDM_STATE_MASK, f.state_mask) < 0))
		return nsh_err(sh, "out of memory");
	err = ipr_talk(sh, msg);
	if (err > 0)
		return 1;
	return err < 0 ? bridge_refused(sh, f.dev, err) : 0;
}
