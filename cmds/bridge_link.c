/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bridge_link.c - `bridge link set` and `bridge link show`, as
 * bridge/link.c: brlink_modify's keywords (in its order, compared
 * exactly) sent as one RTM_SETLINK of family AF_BRIDGE (the port's
 * settings in a nested IFLA_PROTINFO, self/master/hwmode in
 * IFLA_AF_SPEC), and the ports of an AF_BRIDGE link dump printed as
 * print_linkinfo prints them (text and JSON).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "bridge.h"
#include "iproute.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ------------------------------------------------------------ link set */

enum bl_key {
	BL_DEV = 1, BL_GUARD, BL_HAIRPIN, BL_FASTLEAVE, BL_ROOT_BLOCK,
	BL_LEARNING, BL_LEARNING_SYNC, BL_FLOOD, BL_MCAST_ROUTER,
	BL_MCAST_FLOOD, BL_BCAST_FLOOD, BL_MCAST_TO_UCAST, BL_COST,
	BL_PRIORITY, BL_STATE, BL_HWMODE, BL_SELF, BL_MASTER,
	BL_NEIGH_SUPPRESS, BL_VLAN_TUNNEL, BL_ISOLATED, BL_LOCKED, BL_BACKUP,
	BL_NOBACKUP, BL_NKEYS,
};

#define OO "ONOFF"

/* brlink_modify's keywords, in its order, all compared exactly */
static const struct ipl_opt link_set_rows[] = {
	{ "dev", 0, "DEV", BL_DEV, "the bridge port" },
	{ "guard", 0, OO, BL_GUARD, "ignore STP BPDUs from the port" },
	{ "hairpin", 0, OO, BL_HAIRPIN,
	  "send frames back out the port they came in" },
	{ "fastleave", 0, OO, BL_FASTLEAVE, "multicast fast leave" },
	{ "root_block", 0, OO, BL_ROOT_BLOCK, "never become the root port" },
	{ "learning", 0, OO, BL_LEARNING, "learn source addresses" },
	{ "learning_sync", 0, OO, BL_LEARNING_SYNC,
	  "sync learned addresses to the bridge" },
	{ "flood", 0, OO, BL_FLOOD, "flood unknown unicast" },
	{ "mcast_router", 0, "NUM8", BL_MCAST_ROUTER,
	  "multicast router mode (0-3)" },
	{ "mcast_flood", 0, OO, BL_MCAST_FLOOD, "flood unknown multicast" },
	{ "bcast_flood", 0, OO, BL_BCAST_FLOOD, "flood broadcast" },
	{ "mcast_to_unicast", 0, OO, BL_MCAST_TO_UCAST,
	  "multicast to unicast" },
	{ "cost", 0, "NUM", BL_COST, "STP path cost" },
	{ "priority", 0, "NUM16", BL_PRIORITY, "STP port priority" },
	{ "state", 0, "STPSTATE", BL_STATE, "STP port state" },
	{ "hwmode", 0, "vepa|veb", BL_HWMODE,
	  "hardware bridging mode (with self)" },
	{ "self", 0, NULL, BL_SELF, "the device itself" },
	{ "master", 0, NULL, BL_MASTER, "its bridge" },
	{ "neigh_suppress", 0, OO, BL_NEIGH_SUPPRESS, "ARP/ND suppression" },
	{ "vlan_tunnel", 0, OO, BL_VLAN_TUNNEL, "VLAN to tunnel mapping" },
	{ "isolated", 0, OO, BL_ISOLATED,
	  "isolated port: talks only to non-isolated ones" },
	{ "locked", 0, OO, BL_LOCKED, "locked port (802.1X)" },
	{ "backup_port", 0, "DEV", BL_BACKUP, "the backup port" },
	{ "nobackup_port", 0, NULL, BL_NOBACKUP, "no backup port" },
	{ NULL },
};

const struct ipl_table bridge_link_set_opts = { "bridge link set",
						link_set_rows };

/* the IFLA_BRPORT_* attribute of an on/off or number setting */
struct brport_attr {
	int key;
	int attr;
};

/* those before cost, priority and state, in the order brlink_modify puts
 * them */
static const struct brport_attr brport_u8[] = {
	{ BL_GUARD, IFLA_BRPORT_GUARD }, { BL_HAIRPIN, IFLA_BRPORT_MODE },
	{ BL_FASTLEAVE, IFLA_BRPORT_FAST_LEAVE },
	{ BL_ROOT_BLOCK, IFLA_BRPORT_PROTECT },
	{ BL_FLOOD, IFLA_BRPORT_UNICAST_FLOOD },
	{ BL_MCAST_ROUTER, IFLA_BRPORT_MULTICAST_ROUTER },
	{ BL_MCAST_FLOOD, IFLA_BRPORT_MCAST_FLOOD },
	{ BL_BCAST_FLOOD, IFLA_BRPORT_BCAST_FLOOD },
	{ BL_MCAST_TO_UCAST, IFLA_BRPORT_MCAST_TO_UCAST },
	{ BL_LEARNING, IFLA_BRPORT_LEARNING },
	{ BL_LEARNING_SYNC, IFLA_BRPORT_LEARNING_SYNC },
};

/* those after them */
static const struct brport_attr brport_u8_late[] = {
	{ BL_NEIGH_SUPPRESS, IFLA_BRPORT_NEIGH_SUPPRESS },
	{ BL_VLAN_TUNNEL, IFLA_BRPORT_VLAN_TUNNEL },
	{ BL_ISOLATED, IFLA_BRPORT_ISOLATED },
	{ BL_LOCKED, IFLA_BRPORT_LOCKED },
};

/* what a bridge link set line asks for */
struct brport_set {
	long val[BL_NKEYS];	/* a value per key, -1: not given */
	const char *dev, *backup;
	uint16_t flags;		/* BRIDGE_FLAGS_SELF, _MASTER */
	int backup_idx;		/* 0: nobackup_port, -1: not given */
};

/* the words of A into S; the last of a keyword wins, as in brlink_modify */
static void read_link_set(const struct nsh_args *a, struct brport_set *s)
{
	for (int k = 0; k < BL_NKEYS; k++)
		s->val[k] = -1;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		switch (o->key) {
		case BL_DEV:
			s->dev = v->text;
			break;
		case BL_HWMODE:
			s->flags = BRIDGE_FLAGS_SELF;
			s->val[BL_HWMODE] = streq(v->text, "vepa") ?
						    BRIDGE_MODE_VEPA :
						    BRIDGE_MODE_VEB;
			break;
		case BL_SELF:
			s->flags |= BRIDGE_FLAGS_SELF;
			break;
		case BL_MASTER:
			s->flags |= BRIDGE_FLAGS_MASTER;
			break;
		case BL_BACKUP:
			s->backup = v->text;
			break;
		case BL_NOBACKUP:
			s->backup = NULL;
			s->backup_idx = 0;
			break;
		default:
			s->val[o->key] = v->num;
		}
	}
}

/* the u8 settings of table T (N rows) that S gives; 0, or -1 (full) */
static int put_u8s(struct nl_msg *msg, const struct brport_set *s,
		   const struct brport_attr *t, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (s->val[t[k].key] >= 0 &&
		    nla_put_u8(msg, t[k].attr, (uint8_t)s->val[t[k].key]) < 0)
			return -1;
	return 0;
}

/* IFLA_PROTINFO: the port's settings, in brlink_modify's order; 0, or
 * -1 (full) */
static int put_protinfo(struct nl_msg *msg, const struct brport_set *s)
{
	const long *val = s->val;
	struct nlattr *nest = ipr_nest(msg, IFLA_PROTINFO | NLA_F_NESTED);

	if (!nest || put_u8s(msg, s, brport_u8, ARRAY_SIZE(brport_u8)))
		return -1;
	if (val[BL_COST] > 0 &&
	    nla_put_u32(msg, IFLA_BRPORT_COST, (uint32_t)val[BL_COST]) < 0)
		return -1;
	/* a priority above 32767 is negative in iproute2's __s16: unsent */
	if (val[BL_PRIORITY] >= 0 && val[BL_PRIORITY] <= 32767 &&
	    nla_put_u16(msg, IFLA_BRPORT_PRIORITY,
			(uint16_t)val[BL_PRIORITY]) < 0)
		return -1;
	if (val[BL_STATE] >= 0 && val[BL_STATE] <= 127 &&
	    nla_put_u8(msg, IFLA_BRPORT_STATE, (uint8_t)val[BL_STATE]) < 0)
		return -1;
	if (put_u8s(msg, s, brport_u8_late, ARRAY_SIZE(brport_u8_late)))
		return -1;
	if (s->backup_idx >= 0 &&
	    nla_put_u32(msg, IFLA_BRPORT_BACKUP_PORT,
			(uint32_t)s->backup_idx) < 0)
		return -1;
	ipr_nest_end(msg, nest);
	return 0;
}

/* IFLA_AF_SPEC: self/master and hwmode, if given; 0, or -1 (full) */
static int put_af_spec(struct nl_msg *msg, const struct brport_set *s)
{
	struct nlattr *nest;

	if (s->val[BL_HWMODE] < 0 && !s->flags)
		return 0;
	nest = ipr_nest(msg, IFLA_AF_SPEC);
	if (!nest ||
	    (s->flags && nla_put_u16(msg, IFLA_BRIDGE_FLAGS, s->flags) < 0) ||
	    (s->val[BL_HWMODE] >= 0 &&
	     nla_put_u16(msg, IFLA_BRIDGE_MODE,
			 (uint16_t)s->val[BL_HWMODE]) < 0))
		return -1;
	ipr_nest_end(msg, nest);
	return 0;
}

int bridge_link_set(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	struct brport_set s = { .backup_idx = -1 };
	int err;

	read_link_set(a, &s);
	if (!s.dev)
		return nsh_err(sh, "missing 'dev DEV' (the bridge port)");
	if (s.backup && !(s.backup_idx = bridge_dev_index(sh, s.backup)))
		return 1;
	ifi.ifi_index = bridge_dev_index(sh, s.dev);
	if (!ifi.ifi_index)
		return 1;
	msg = bridge_msg(sh, RTM_SETLINK, 0, &ifi, sizeof(ifi));
	if (!msg)
		return 1;
	if (put_protinfo(msg, &s) || put_af_spec(msg, &s))
		return nsh_err(sh, "'%s': the request is too large", s.dev);
	err = ipr_talk(sh, msg);
	if (err > 0)
		return 1;
	return err < 0 ? bridge_refused(sh, s.dev, err) : 0;
}

/* ------------------------------------------------------------ link show */

/* the port's settings in -d, in bridge/link.c's order */
static const struct {
	int attr;
	const char *name;
	bool number;
} protinfo_details[] = {
	{ IFLA_BRPORT_MODE, "hairpin" }, { IFLA_BRPORT_GUARD, "guard" },
	{ IFLA_BRPORT_PROTECT, "root_block" },
	{ IFLA_BRPORT_FAST_LEAVE, "fastleave" },
	{ IFLA_BRPORT_LEARNING, "learning" },
	{ IFLA_BRPORT_LEARNING_SYNC, "learning_sync" },
	{ IFLA_BRPORT_UNICAST_FLOOD, "flood" },
	{ IFLA_BRPORT_MCAST_FLOOD, "mcast_flood" },
	{ IFLA_BRPORT_BCAST_FLOOD, "bcast_flood" },
	{ IFLA_BRPORT_MULTICAST_ROUTER, "mcast_router", true },
	{ IFLA_BRPORT_MCAST_TO_UCAST, "mcast_to_unicast" },
	{ IFLA_BRPORT_NEIGH_SUPPRESS, "neigh_suppress" },
	{ IFLA_BRPORT_VLAN_TUNNEL, "vlan_tunnel" },
};

static void print_protinfo(struct nsh *sh, struct nlattr *attr)
{
	struct nlattr *tb[IFLA_BRPORT_MAX + 1];
	char fmt[64];

	if (!(attr->nla_type & NLA_F_NESTED)) {
		bridge_print_stp_state(nla_get_u8(attr));
		return;
	}
	if (nla_parse_nested(tb, IFLA_BRPORT_MAX, attr, NULL) < 0)
		return;
	if (tb[IFLA_BRPORT_STATE])
		bridge_print_stp_state(nla_get_u8(tb[IFLA_BRPORT_STATE]));
	if (tb[IFLA_BRPORT_PRIORITY])
		pr_uint(PR_ANY, "priority", "priority %u ",
			 nla_get_u16(tb[IFLA_BRPORT_PRIORITY]));
	if (tb[IFLA_BRPORT_COST])
		pr_uint(PR_ANY, "cost", "cost %u ",
			 nla_get_u32(tb[IFLA_BRPORT_COST]));
	if (!sh->o.details)
		return;
	if (!pr_json())
		printf("%s    ", sh->o.oneline ? "\\" : "\n");
	for (size_t i = 0; i < ARRAY_SIZE(protinfo_details); i++) {
		struct nlattr *x = tb[protinfo_details[i].attr];

		if (!x)
			continue;
		snprintf(fmt, sizeof(fmt), "%s %s ", protinfo_details[i].name,
			 protinfo_details[i].number ? "%u" : "%s");
		if (protinfo_details[i].number)
			pr_uint(PR_ANY, protinfo_details[i].name, fmt,
				 nla_get_u8(x));
		else
			pr_on_off(PR_ANY, protinfo_details[i].name, fmt,
				   nla_get_u8(x));
	}
	if (tb[IFLA_BRPORT_BACKUP_PORT]) {
		int backup = (int)nla_get_u32(tb[IFLA_BRPORT_BACKUP_PORT]);

		pr_string(PR_ANY, "backup_port", "backup_port %s ",
			   ipr_ifname(sh, backup));
	}
	if (tb[IFLA_BRPORT_ISOLATED])
		pr_on_off(PR_ANY, "isolated", "isolated %s ",
			   nla_get_u8(tb[IFLA_BRPORT_ISOLATED]));
	if (tb[IFLA_BRPORT_LOCKED])
		pr_on_off(PR_ANY, "locked", "locked %s ",
			   nla_get_u8(tb[IFLA_BRPORT_LOCKED]));
}

/* "v1@v2: ", with iproute2's M-DOWN: the lower link is down */
static bool print_name_and_link(struct nsh *sh, const char *name,
				struct nlattr **tb)
{
	char buf[2 * IFNAMSIZ + 8];
	const char *link = NULL;
	bool mdown = false;

	if (tb[IFLA_LINK]) {
		int iflink = (int)nla_get_u32(tb[IFLA_LINK]);

		if (!iflink) {
			pr_null(PR_JSON, "link", NULL, NULL);
			link = pr_json() ? NULL : "NONE";
		} else if (tb[IFLA_LINK_NETNSID]) {
			pr_int(PR_JSON, "link_index", NULL, iflink);
			snprintf(buf, sizeof(buf), "if%d", iflink);
			link = pr_json() ? NULL : buf;
		} else {
			int up = ipr_ifup(sh, iflink);

			pr_string(PR_JSON, "link", NULL,
				   ipr_ifname(sh, iflink));
			link = pr_json() ? NULL : ipr_ifname(sh, iflink);
			mdown = up == 0;
		}
	}
	if (link) {
		char full[512];

		snprintf(full, sizeof(full), "%s@%s", name, link);
		pr_color_string(PR_ANY, PC_IFNAME, "ifname", "%s: ", full);
	} else {
		pr_color_string(PR_ANY, PC_IFNAME, "ifname", "%s: ", name);
	}
	return mdown;
}

static void print_link(struct nsh *sh, struct nlmsghdr *nlh, int filter)
{
	struct ifinfomsg *ifi = nlmsg_data(nlh);
	struct nlattr *tb[IFLA_MAX + 1];
	bool mdown;

	if (ifi->ifi_family != AF_BRIDGE && ifi->ifi_family != AF_UNSPEC)
		return;
	if (filter && filter != ifi->ifi_index)
		return;
	if (nlmsg_parse(nlh, sizeof(*ifi), tb, IFLA_MAX, NULL) < 0 ||
	    !tb[IFLA_IFNAME])
		return;
	pr_obj_open(NULL);
	pr_int(PR_ANY, "ifindex", "%d: ", ifi->ifi_index);
	mdown = print_name_and_link(sh, nla_get_string(tb[IFLA_IFNAME]), tb);
	link_pr_flags(ifi->ifi_flags, mdown);
	if (tb[IFLA_MTU])
		pr_int(PR_ANY, "mtu", "mtu %u ",
			(int)nla_get_u32(tb[IFLA_MTU]));
	if (tb[IFLA_MASTER])
		pr_string(PR_ANY, "master", "master %s ",
			   ipr_ifname(sh, (int)nla_get_u32(tb[IFLA_MASTER])));
	if (tb[IFLA_PROTINFO])
		print_protinfo(sh, tb[IFLA_PROTINFO]);
	if (tb[IFLA_AF_SPEC]) {
		struct nlattr *af[IFLA_BRIDGE_MAX + 1];

		if (nla_parse_nested(af, IFLA_BRIDGE_MAX, tb[IFLA_AF_SPEC],
				     NULL) == 0 && af[IFLA_BRIDGE_MODE]) {
			uint16_t mode = nla_get_u16(af[IFLA_BRIDGE_MODE]);

			if (mode <= BRIDGE_MODE_VEPA)
				pr_string(PR_ANY, "hwmode", "hwmode %s ",
					   mode ? "VEPA" : "VEB");
			else
				pr_0xhex(PR_ANY, "hwmode", "hwmode %#llx ",
					  mode);
		}
	}
	pr_string(PR_FP, NULL, "%s", "\n");
	pr_obj_close();
}

enum { BS_DEV = 1, BS_IGNORED };

/* brlink_show: `dev`, and any other word ignored */
static const struct ipl_opt link_show_rows[] = {
	{ "dev", IPL_ONCE, "DEV", BS_DEV, "only this port" },
	{ "WORD", IPL_DEFAULT | IPL_NOKW | IPL_MULTI | IPL_ALIAS, "WORD",
	  BS_IGNORED, "ignored, as iproute2 ignores it" },
	{ NULL },
};

const struct ipl_table bridge_link_show_opts = { "bridge link show",
						 link_show_rows };

int bridge_link_show(struct nsh *sh, const struct nsh_args *a)
{
	struct msg_list l = { 0 };
	const char *dev = ipl_str(a, BS_DEV);
	int filter = 0, err;

	if (dev && !(filter = bridge_dev_index(sh, dev)))
		return 1;
	ipr_ifname_reset();
	err = bridge_link_dump(sh, 0, &l);
	if (err) {
		msg_list_free(&l);
		return err > 0 ? 1 :
				 bridge_dump_failed(sh, "bridge ports", err);
	}
	pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
	pr_color(sh->o.color && !sh->o.json);
	for (int i = 0; i < l.n; i++)
		print_link(sh, l.v[i], filter);
	pr_end();
	msg_list_free(&l);
	return 0;
}
