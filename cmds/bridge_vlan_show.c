/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bridge_vlan_show.c - `bridge vlan show` and `bridge vlan tunnelshow`,
 * as bridge/vlan.c: the VLANs (or tunnel mappings) of an AF_BRIDGE link
 * dump; with -d the VLANs and their options from an RTM_GETVLAN dump;
 * with -s their counters from RTM_GETSTATS (the bridges', then the
 * ports').  The same dumps iproute2 asks for (strict, as its rtnl handle
 * is), printed through cmds/iproute.c in text and JSON.
 */
#include "config.h"

#include <stdio.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "bridge.h"
#include "iproute.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

enum { VS_DEV = 1, VS_VID, VS_IGNORED };

static const struct ipl_opt vlan_show_rows[] = {
	{ "dev", IPL_ONCE, "DEV", VS_DEV, "only this bridge or port" },
	{ "vid", IPL_ONCE, "NUM16", VS_VID, "only this VLAN" },
	{ "WORD", IPL_DEFAULT | IPL_NOKW | IPL_MULTI | IPL_ALIAS, "WORD",
	  VS_IGNORED, "ignored, as iproute2 ignores it" },
	{ NULL },
};

const struct ipl_table bridge_vlan_show_opts = { "bridge vlan show",
						 vlan_show_rows };

/* a show of VLANs: its filters and the port being printed */
struct vshow {
	struct nsh *sh;
	int filter_index;
	unsigned filter_vlan;
	int cur;		/* -d: the port whose object is open, or -1 */
};

#define VLAN_ID_LEN 9

/* 0: skip this entry; 1: print it; -1: stop (past the filtered VLAN) */
static int vlan_check(const struct vshow *s, uint16_t vid, uint16_t flags)
{
	if (s->filter_vlan && vid > s->filter_vlan &&
	    !(flags & BRIDGE_VLAN_INFO_RANGE_END))
		return -1;
	if ((flags & BRIDGE_VLAN_INFO_RANGE_BEGIN) || vid < s->filter_vlan)
		return 0;
	return 1;
}

static void open_vlan_port(struct vshow *s, int ifindex, bool tunnels)
{
	pr_obj_open(NULL);
	pr_string(PR_ANY, "ifname", "%-16s  ", ipr_ifname(s->sh, ifindex));
	pr_arr_open(PR_JSON, tunnels ? "tunnels" : "vlans");
}

static void close_vlan_port(void)
{
	pr_arr_close(PR_JSON, NULL);
	pr_obj_close();
}

/* before a row of a port's VLANs: the port's name on its first (*OPENED
 * then), else the indentation */
static void vlan_row(struct vshow *s, int ifindex, bool tunnels,
		     bool *opened)
{
	if (*opened) {
		pr_string(PR_FP, NULL, "%-16s  ", "");
		return;
	}
	open_vlan_port(s, ifindex, tunnels);
	*opened = true;
}

/* "10" or "10-20" (VLAN_ID_LEN wide in the tunnel listing): its width */
static int print_range(const char *name, unsigned start, unsigned id)
{
	char key[32];
	int width = 0;

	if (!pr_json())
		width = snprintf(NULL, 0, "%u", start);
	pr_uint(PR_ANY, name, "%u", start);
	if (start != id) {
		snprintf(key, sizeof(key), "%sEnd", name);
		if (!pr_json())
			width += snprintf(NULL, 0, "-%u", id);
		pr_uint(PR_ANY, key, "-%u", id);
	}
	return width;
}

static void print_vlan_flags(uint16_t flags)
{
	if (!flags)
		return;
	pr_arr_open(PR_JSON, "flags");
	if (flags & BRIDGE_VLAN_INFO_PVID)
		pr_string(PR_ANY, NULL, " %s", "PVID");
	if (flags & BRIDGE_VLAN_INFO_UNTAGGED)
		pr_string(PR_ANY, NULL, " %s", "Egress Untagged");
	pr_arr_close(PR_JSON, NULL);
}

static void print_vlan_info(struct vshow *s, struct nlattr *spec,
			    int ifindex)
{
	uint16_t last_start = 0;
	bool opened = false;
	struct nlattr *x;
	int rem;

	nla_for_each_nested(x, spec, rem) {
		const struct bridge_vlan_info *vi;
		int check;

		if (nla_type(x) != IFLA_BRIDGE_VLAN_INFO ||
		    nla_len(x) < (int)sizeof(*vi))
			continue;
		vi = nla_data(x);
		if (!(vi->flags & BRIDGE_VLAN_INFO_RANGE_END))
			last_start = vi->vid;
		check = vlan_check(s, vi->vid, vi->flags);
		if (check < 0)
			break;
		if (!check)
			continue;
		vlan_row(s, ifindex, false, &opened);
		pr_obj_open(NULL);
		print_range("vlan", last_start, vi->vid);
		print_vlan_flags(vi->flags);
		pr_obj_close();
		pr_nl();
	}
	if (opened)
		close_vlan_port();
}

static void print_tunnel_info(struct vshow *s, struct nlattr *spec,
			      int ifindex)
{
	uint16_t last_vid = 0;
	uint32_t last_id = 0;
	bool opened = false;
	struct nlattr *x;
	int rem;

	nla_for_each_nested(x, spec, rem) {
		struct nlattr *t[IFLA_BRIDGE_VLAN_TUNNEL_MAX + 1];
		uint16_t vid, flags = 0;
		uint32_t id = 0;
		int check, width;

		if (nla_type(x) != IFLA_BRIDGE_VLAN_TUNNEL_INFO ||
		    nla_parse_nested(t, IFLA_BRIDGE_VLAN_TUNNEL_MAX, x,
				     NULL) < 0 ||
		    !t[IFLA_BRIDGE_VLAN_TUNNEL_VID])
			continue;
		vid = nla_get_u16(t[IFLA_BRIDGE_VLAN_TUNNEL_VID]);
		if (t[IFLA_BRIDGE_VLAN_TUNNEL_ID])
			id = nla_get_u32(t[IFLA_BRIDGE_VLAN_TUNNEL_ID]);
		if (t[IFLA_BRIDGE_VLAN_TUNNEL_FLAGS])
			flags = nla_get_u16(t[IFLA_BRIDGE_VLAN_TUNNEL_FLAGS]);
		if (!(flags & BRIDGE_VLAN_INFO_RANGE_END)) {
			last_vid = vid;
			last_id = id;
		}
		check = vlan_check(s, vid, flags);
		if (check < 0)
			break;
		if (!check)
			continue;
		vlan_row(s, ifindex, true, &opened);
		pr_obj_open(NULL);
		width = print_range("vlan", last_vid, vid);
		if (width <= VLAN_ID_LEN) {
			char pad[VLAN_ID_LEN + 1];

			snprintf(pad, sizeof(pad), "%-*s", VLAN_ID_LEN - width,
				 "");
			pr_string(PR_FP, NULL, "%s  ", pad);
		}
		print_range("tunid", last_id, id);
		pr_obj_close();
		pr_nl();
	}
	if (opened)
		close_vlan_port();
}

static void print_vlan_link(struct vshow *s, struct nlmsghdr *nlh,
			    bool tunnels)
{
	struct ifinfomsg *ifi = nlmsg_data(nlh);
	struct nlattr *tb[IFLA_MAX + 1];

	if (ifi->ifi_family != AF_BRIDGE ||
	    (s->filter_index && s->filter_index != ifi->ifi_index))
		return;
	if (nlmsg_parse(nlh, sizeof(*ifi), tb, IFLA_MAX, NULL) < 0 ||
	    !tb[IFLA_AF_SPEC])
		return;
	if (tunnels)
		print_tunnel_info(s, tb[IFLA_AF_SPEC], ifi->ifi_index);
	else
		print_vlan_info(s, tb[IFLA_AF_SPEC], ifi->ifi_index);
}

/* -s: "RX: N bytes N packets" and "TX: …", each on a line of its own
 * under the VLAN */
static void print_rx_tx(uint64_t rx_bytes, uint64_t rx_packets,
			uint64_t tx_bytes, uint64_t tx_packets)
{
	pr_string(PR_FP, NULL, "%-16s    ", "");
	pr_u64(PR_ANY, "rx_bytes", "RX: %llu bytes",
	       (unsigned long long)rx_bytes);
	pr_u64(PR_ANY, "rx_packets", " %llu packets\n",
	       (unsigned long long)rx_packets);
	pr_string(PR_FP, NULL, "%-16s    ", "");
	pr_u64(PR_ANY, "tx_bytes", "TX: %llu bytes",
	       (unsigned long long)tx_bytes);
	pr_u64(PR_ANY, "tx_packets", " %llu packets\n",
	       (unsigned long long)tx_packets);
}

/* the counters of BRIDGE_VLANDB_ENTRY_STATS A into ST: rx bytes,
 * packets, tx bytes, packets (those missing stay 0) */
static void read_vlandb_stats(struct nlattr *a, uint64_t st[4])
{
	static const int which[4] = {
		BRIDGE_VLANDB_STATS_RX_BYTES, BRIDGE_VLANDB_STATS_RX_PACKETS,
		BRIDGE_VLANDB_STATS_TX_BYTES, BRIDGE_VLANDB_STATS_TX_PACKETS,
	};
	struct nlattr *sb[BRIDGE_VLANDB_STATS_MAX + 1];

	if (nla_parse_nested(sb, BRIDGE_VLANDB_STATS_MAX, a, NULL) < 0)
		return;
	for (int k = 0; k < 4; k++)
		if (sb[which[k]])
			st[k] = nla_get_u64(sb[which[k]]);
}

/* the object of one VLAN entry: the port's first opens the port */
static void open_vlan_entry(struct vshow *s, int ifindex)
{
	if (s->cur != ifindex) {
		open_vlan_port(s, ifindex, false);
		pr_obj_open(NULL);
		s->cur = ifindex;
	} else {
		pr_obj_open(NULL);
		pr_string(PR_FP, NULL, "%-16s  ", "");
	}
}

/* -d: one entry of an RTM_GETVLAN dump (BRIDGE_VLANDB_ENTRY) */
static void print_vlan_opts(struct vshow *s, struct nlattr *e, int ifindex)
{
	struct nlattr *tb[BRIDGE_VLANDB_ENTRY_MAX + 1];
	const struct bridge_vlan_info *vi;
	uint64_t st[4] = { 0 };
	uint16_t range;

	if (nla_parse_nested(tb, BRIDGE_VLANDB_ENTRY_MAX, e, NULL) < 0 ||
	    !tb[BRIDGE_VLANDB_ENTRY_INFO])
		return;
	vi = nla_data(tb[BRIDGE_VLANDB_ENTRY_INFO]);
	range = tb[BRIDGE_VLANDB_ENTRY_RANGE] ?
			nla_get_u16(tb[BRIDGE_VLANDB_ENTRY_RANGE]) :
			vi->vid;
	if (s->filter_vlan &&
	    (s->filter_vlan < vi->vid || s->filter_vlan > range))
		return;
	if (tb[BRIDGE_VLANDB_ENTRY_STATS])
		read_vlandb_stats(tb[BRIDGE_VLANDB_ENTRY_STATS], st);
	open_vlan_entry(s, ifindex);
	print_range("vlan", vi->vid, range);
	print_vlan_flags(vi->flags);
	pr_nl();
	pr_string(PR_FP, NULL, "%-16s    ", "");
	bridge_print_stp_state(tb[BRIDGE_VLANDB_ENTRY_STATE] ?
			nla_get_u8(tb[BRIDGE_VLANDB_ENTRY_STATE]) : 0);
	if (tb[BRIDGE_VLANDB_ENTRY_MCAST_ROUTER])
		pr_uint(PR_ANY, "mcast_router", "mcast_router %u ",
			 nla_get_u8(tb[BRIDGE_VLANDB_ENTRY_MCAST_ROUTER]));
	pr_nl();
	if (s->sh->o.stats)
		print_rx_tx(st[0], st[1], st[2], st[3]);
	pr_obj_close();
}

static void print_vlan_rtm(struct vshow *s, struct nlmsghdr *nlh)
{
	struct br_vlan_msg *bvm = nlmsg_data(nlh);
	struct nlattr *x;
	int rem;

	if (bvm->family != AF_BRIDGE ||
	    (s->filter_index && s->filter_index != (int)bvm->ifindex))
		return;
	if (s->cur != -1 && s->cur != (int)bvm->ifindex) {
		close_vlan_port();
		s->cur = -1;
	}
	nlmsg_for_each_attr(x, nlh, sizeof(*bvm), rem)
		if (nla_type(x) == BRIDGE_VLANDB_ENTRY)
			print_vlan_opts(s, x, (int)bvm->ifindex);
}

/* -s: the VLAN counters of one RTM_NEWSTATS answer's xstats */
static void print_vlan_stats(struct vshow *s, struct nlattr *xs, int ifindex)
{
	struct nlattr *tb[LINK_XSTATS_TYPE_MAX + 1], *x;
	bool found = false;
	int rem;

	if (nla_parse_nested(tb, LINK_XSTATS_TYPE_MAX, xs, NULL) < 0 ||
	    !tb[LINK_XSTATS_TYPE_BRIDGE])
		return;
	nla_for_each_nested(x, tb[LINK_XSTATS_TYPE_BRIDGE], rem) {
		const struct bridge_vlan_xstats *v = nla_data(x);

		if (nla_type(x) != BRIDGE_XSTATS_VLAN ||
		    nla_len(x) < (int)sizeof(*v))
			continue;
		if (s->filter_vlan && s->filter_vlan != v->vid)
			continue;
		/* pure port entries come with the ports' own dump */
		if ((v->flags & BRIDGE_VLAN_INFO_MASTER) &&
		    !(v->flags & BRIDGE_VLAN_INFO_BRENTRY))
			continue;
		vlan_row(s, ifindex, false, &found);
		pr_obj_open(NULL);
		pr_uint(PR_ANY, "vid", "%hu", v->vid);
		print_vlan_flags(v->flags);
		pr_nl();
		print_rx_tx(v->rx_bytes, v->rx_packets, v->tx_bytes,
			    v->tx_packets);
		pr_obj_close();
	}
	if (found)
		close_vlan_port();
}

static int stats_dump(struct nsh *sh, uint32_t mask, struct msg_list *l)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct if_stats_msg ifsm = { .family = AF_UNSPEC,
				     .filter_mask = mask };

	msg = bridge_msg(sh, RTM_GETSTATS, 0, &ifsm, sizeof(ifsm));
	return msg ? ipr_dump(ns_sock(sh), msg, true, l) : -NLE_NOMEM;
}

static int vlandb_dump(struct nsh *sh, struct msg_list *l)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct br_vlan_msg bvm = { .family = AF_BRIDGE };

	msg = bridge_msg(sh, RTM_GETVLAN, 0, &bvm, sizeof(bvm));
	if (!msg ||
	    nla_put_u32(msg, BRIDGE_VLANDB_DUMP_FLAGS,
			sh->o.stats ? BRIDGE_VLANDB_DUMPF_STATS : 0) < 0)
		return -NLE_NOMEM;
	return ipr_dump(ns_sock(sh), msg, true, l);
}

/* a dump failed after the header was printed: iproute2 exits there,
 * its JSON array left open */
static int vlan_dump_failed(struct nsh *sh, int err)
{
	fflush(stdout);
	return bridge_dump_failed(sh, "VLANs", err);
}

/* -d: the VLANs with their options, from an RTM_GETVLAN dump */
static int show_vlandb(struct vshow *s)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct nsh *sh = s->sh;
	int err = vlandb_dump(sh, &l);

	pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
	if (!pr_json())
		printf("%-16s  %-9s\n", "port", "vlan-id");
	if (err)
		return vlan_dump_failed(sh, err);
	for (int i = 0; i < l.n; i++)
		print_vlan_rtm(s, l.v[i]);
	if (s->cur != -1)
		close_vlan_port();
	pr_end();
	return 0;
}

/* the VLANs (or, TUNNELS, the tunnel mappings) of an AF_BRIDGE link
 * dump */
static int show_link_vlans(struct vshow *s, bool tunnels)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct nsh *sh = s->sh;
	int err = bridge_link_dump(sh, sh->o.compress_vlans ?
					       RTEXT_FILTER_BRVLAN_COMPRESSED :
					       RTEXT_FILTER_BRVLAN, &l);

	if (err)
		return bridge_dump_failed(sh, "VLANs", err);
	pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
	if (!pr_json())
		printf("%-16s  %-9s%s\n", "port", "vlan-id",
		       tunnels ? "  tunnel-id" : "");
	for (int i = 0; i < l.n; i++)
		print_vlan_link(s, l.v[i], tunnels);
	pr_end();
	return 0;
}

/* -s: the VLAN counters of one RTM_NEWSTATS answer N */
static void print_stats_msg(struct vshow *s, struct nlmsghdr *n)
{
	struct if_stats_msg *ifsm = nlmsg_data(n);
	struct nlattr *tb[IFLA_STATS_MAX + 1];

	if (s->filter_index && s->filter_index != (int)ifsm->ifindex)
		return;
	if (nlmsg_parse(n, sizeof(*ifsm), tb, IFLA_STATS_MAX, NULL) < 0)
		return;
	if (tb[IFLA_STATS_LINK_XSTATS])
		print_vlan_stats(s, tb[IFLA_STATS_LINK_XSTATS],
				 (int)ifsm->ifindex);
	if (tb[IFLA_STATS_LINK_XSTATS_SLAVE])
		print_vlan_stats(s, tb[IFLA_STATS_LINK_XSTATS_SLAVE],
				 (int)ifsm->ifindex);
}

/* -s: the counters of the bridges' VLANs, then the ports' */
static int show_vlan_stats(struct vshow *s)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct nsh *sh = s->sh;

	pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
	if (!pr_json())
		printf("%-16s  vlan-id\n", "port");
	for (int pass = 0; pass < 2; pass++) {
		int attr = pass ? IFLA_STATS_LINK_XSTATS_SLAVE :
				  IFLA_STATS_LINK_XSTATS;
		int err = stats_dump(sh, IFLA_STATS_FILTER_BIT(attr), &l);

		if (err)
			return vlan_dump_failed(sh, err);
		for (int i = 0; i < l.n; i++)
			print_stats_msg(s, l.v[i]);
	}
	pr_end();
	return 0;
}

static int vlan_show_any(struct nsh *sh, const struct nsh_args *a,
			 bool tunnels)
{
	struct vshow s = { .sh = sh, .cur = -1 };
	const char *dev = ipl_str(a, VS_DEV);
	const struct nsh_val *vid = ipl_get(a, VS_VID);

	s.filter_vlan = vid ? (unsigned)vid->num : 0;
	if (dev && !(s.filter_index = bridge_dev_index(sh, dev)))
		return 1;
	ipr_ifname_reset();
	if (sh->o.details && !tunnels)
		return show_vlandb(&s);
	if (!sh->o.stats || tunnels)
		return show_link_vlans(&s, tunnels);
	return show_vlan_stats(&s);
}

int bridge_vlan_show(struct nsh *sh, const struct nsh_args *a)
{
	return vlan_show_any(sh, a, false);
}

int bridge_vlan_tunnelshow(struct nsh *sh, const struct nsh_args *a)
{
	return vlan_show_any(sh, a, true);
}
