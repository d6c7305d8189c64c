/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bridge.c - iproute2's `bridge link` and `bridge vlan`, natively, with
 * bridge/link.c's and bridge/vlan.c's grammar (their keywords, in their
 * order, exact where they compare exactly), requests and output; and the
 * family's table (with `bridge fdb`, cmds/bridge_fdb.c).
 *
 * `bridge link set` is one RTM_SETLINK of family AF_BRIDGE: the port's
 * settings in a nested IFLA_PROTINFO, `self`/`master`/`hwmode` in
 * IFLA_AF_SPEC.  `bridge vlan add/del` is one RTM_SETLINK/RTM_DELLINK
 * with IFLA_BRIDGE_VLAN_INFO entries in IFLA_AF_SPEC; a kernel without
 * VLAN filtering refuses it, which is reported in one line.  The shows
 * are the same dumps iproute2 asks for (strict, as its rtnl handle is),
 * printed through cmds/iproute.c.
 */
#include "config.h"

#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_bridge.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "bridge.h"
#include "iproute.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif
#ifndef IFF_DORMANT
#define IFF_DORMANT 0x20000
#endif
#ifndef IFF_ECHO
#define IFF_ECHO 0x40000
#endif

/* ------------------------------------------------------------ types */

#define FAIL(msg)                                                              \
	do {                                                                   \
		*ret_err = (msg);                                              \
		return -1;                                                     \
	} while (0)

static const char *const stp_states[] = {
	[BR_STATE_DISABLED] = "disabled", [BR_STATE_LISTENING] = "listening",
	[BR_STATE_LEARNING] = "learning",
	[BR_STATE_FORWARDING] = "forwarding",
	[BR_STATE_BLOCKING] = "blocking",
};

/* a decimal number or the name of an STP state */
static int t_stp(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	char *end;
	long n = strtol(w, &end, 10);

	if (*w && !*end) {
		if (n < 0 || n > 255)
			FAIL("an STP state is 0 to 4");
		v->num = n;
		return 0;
	}
	for (size_t i = 0; i < ARRAY_SIZE(stp_states); i++)
		if (streq(w, stp_states[i])) {
			v->num = (long)i;
			return 0;
		}
	FAIL("invalid STP port state (disabled, listening, learning, "
	     "forwarding, blocking or a number)");
}

/* six hex bytes as fdb.c's sscanf reads them: 1 or 2 digits, ':' */
static int t_fdbmac(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	unsigned char b[6];

	if (parse_lladdr(w, b, sizeof(b)) != 6 || strchr(w, '.'))
		FAIL("invalid mac address (six hex bytes like "
		     "02:00:00:00:00:01)");
	memcpy(v->mac, b, 6);
	return 0;
}

/* a VLAN ID or a range "FIRST-LAST" (the checks come later, as in
 * vlan.c, with its messages) */
static int t_vid(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	const char *dash = strchr(w, '-');
	unsigned long long a, b = 0;
	char first[32];

	snprintf(first, sizeof(first), "%.*s",
		 dash ? (int)(dash - w) : (int)strlen(w), w);
	if (parse_num(first, 65535, &a, ret_err) < 0 ||
	    (dash && parse_num(dash + 1, 65535, &b, ret_err) < 0))
		FAIL("a VLAN ID (0-4095) or a range like 10-20");
	v->num = (long)a;
	v->special = dash ? (int)b : -1;
	return 0;
}

/* a UDP port: a number (strtoul, base 0) or a service name */
static int t_udpport(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	char *end;
	unsigned long n = strtoul(w, &end, 0);

	if (*w && !*end) {
		if (n > 0xffff)
			FAIL("invalid port (0-65535)");
		v->num = (long)n;
		return 0;
	}
	{
		struct servent *se = getservbyname(w, "udp");

		if (!se)
			FAIL("invalid port: no such UDP service");
		v->num = ntohs((uint16_t)se->s_port);
	}
	return 0;
}

/* fdb show's `state`: a name (any abbreviation), "all" or a number */
static int t_fdbstate(const char *w, struct nsh_val *v, char *errbuf,
		      size_t errlen, const char **ret_err)
{
	static const struct {
		const char *name;
		long state;
	} st[] = {
		{ "permanent", NUD_PERMANENT }, { "static", NUD_NOARP },
		{ "temp", NUD_NOARP }, { "stale", NUD_STALE },
		{ "reachable", NUD_REACHABLE }, { "dynamic", NUD_REACHABLE },
	};
	unsigned long long n;

	for (size_t i = 0; i < ARRAY_SIZE(st); i++)
		if (ipl_matches(w, st[i].name)) {
			v->num = st[i].state;
			return 0;
		}
	if (streq(w, "all")) {
		v->num = 0xffffffffL;
		return 0;
	}
	if (parse_num(w, UINT32_MAX, &n, ret_err) < 0)
		FAIL("invalid state (permanent, static, stale, reachable, "
		     "dynamic, all or a number)");
	v->num = (long)n;
	return 0;
}

const struct nsh_type bridge_types[] = {
	{ "STPSTATE", "an STP state: disabled, listening, learning, "
		      "forwarding, blocking, or 0-4", t_stp },
	{ "FDBMAC", "a MAC address like 02:00:00:00:00:01", t_fdbmac },
	{ "VID", "a VLAN ID, or a range like 10-20", t_vid },
	{ "UDPPORT", "a UDP port: a number or a service name", t_udpport },
	{ "FDBSTATE", "permanent, static, stale, reachable, dynamic, all",
	  t_fdbstate },
	{ NULL },
};

/* ------------------------------------------------------------ shared */

int bridge_refused(struct nsh *sh, const char *dev, int err)
{
	char why[256];

	nl_reason(err, why, sizeof(why));
	return nsh_err(sh, "'%s': %s", dev, why);
}

struct nl_msg *bridge_msg(struct nsh *sh, int type, int flags,
			  const void *hdr, size_t len)
{
	struct nl_msg *msg = nlmsg_alloc_simple(type, NLM_F_REQUEST | flags);

	if (!msg || nlmsg_append(msg, (void *)hdr, len, NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		nsh_err(sh, "out of memory");
		return NULL;
	}
	return msg;
}

/* the ifindex of DEV, as bridge's ll_name_to_index, or 0 after
 * reporting */
static int dev_index(struct nsh *sh, const char *dev)
{
	int idx;

	ipr_ifname_reset();
	return link_index(sh, dev, &idx) ? 0 : idx;
}

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

static const struct ipl_table link_set_opts = { "bridge link set",
						 link_set_rows };

/* the IFLA_BRPORT_* attribute of an on/off or number setting, in the
 * order brlink_modify puts them */
static const struct {
	int key;
	int attr;
} brport_u8[] = {
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

static const struct {
	int key;
	int attr;
} brport_u8_late[] = {
	{ BL_NEIGH_SUPPRESS, IFLA_BRPORT_NEIGH_SUPPRESS },
	{ BL_VLAN_TUNNEL, IFLA_BRPORT_VLAN_TUNNEL },
	{ BL_ISOLATED, IFLA_BRPORT_ISOLATED },
	{ BL_LOCKED, IFLA_BRPORT_LOCKED },
};

static int link_set(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	long val[BL_NKEYS];
	const char *dev = NULL, *backup = NULL;
	uint16_t flags = 0;
	int backup_idx = -1, err;
	struct nlattr *nest;

	for (int k = 0; k < BL_NKEYS; k++)
		val[k] = -1;
	/* the last of a keyword wins, as in brlink_modify */
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		switch (o->key) {
		case BL_DEV:
			dev = v->text;
			break;
		case BL_HWMODE:
			flags = BRIDGE_FLAGS_SELF;
			val[BL_HWMODE] = streq(v->text, "vepa") ?
						 BRIDGE_MODE_VEPA :
						 BRIDGE_MODE_VEB;
			break;
		case BL_SELF:
			flags |= BRIDGE_FLAGS_SELF;
			break;
		case BL_MASTER:
			flags |= BRIDGE_FLAGS_MASTER;
			break;
		case BL_BACKUP:
			backup = v->text;
			break;
		case BL_NOBACKUP:
			backup = NULL;
			backup_idx = 0;
			break;
		default:
			val[o->key] = v->num;
		}
	}
	if (!dev)
		return nsh_err(sh, "missing 'dev DEV' (the bridge port)");
	if (backup && !(backup_idx = dev_index(sh, backup)))
		return 1;
	ifi.ifi_index = dev_index(sh, dev);
	if (!ifi.ifi_index)
		return 1;
	msg = bridge_msg(sh, RTM_SETLINK, 0, &ifi, sizeof(ifi));
	if (!msg)
		return 1;
	nest = ipr_nest(msg, IFLA_PROTINFO | NLA_F_NESTED);
	if (!nest)
		goto full;
	for (size_t k = 0; k < ARRAY_SIZE(brport_u8); k++)
		if (val[brport_u8[k].key] >= 0 &&
		    nla_put_u8(msg, brport_u8[k].attr,
			       (uint8_t)val[brport_u8[k].key]) < 0)
			goto full;
	if (val[BL_COST] > 0 &&
	    nla_put_u32(msg, IFLA_BRPORT_COST, (uint32_t)val[BL_COST]) < 0)
		goto full;
	/* a priority above 32767 is negative in iproute2's __s16: unsent */
	if (val[BL_PRIORITY] >= 0 && val[BL_PRIORITY] <= 32767 &&
	    nla_put_u16(msg, IFLA_BRPORT_PRIORITY,
			(uint16_t)val[BL_PRIORITY]) < 0)
		goto full;
	if (val[BL_STATE] >= 0 && val[BL_STATE] <= 127 &&
	    nla_put_u8(msg, IFLA_BRPORT_STATE, (uint8_t)val[BL_STATE]) < 0)
		goto full;
	for (size_t k = 0; k < ARRAY_SIZE(brport_u8_late); k++)
		if (val[brport_u8_late[k].key] >= 0 &&
		    nla_put_u8(msg, brport_u8_late[k].attr,
			       (uint8_t)val[brport_u8_late[k].key]) < 0)
			goto full;
	if (backup_idx >= 0 &&
	    nla_put_u32(msg, IFLA_BRPORT_BACKUP_PORT, (uint32_t)backup_idx) < 0)
		goto full;
	ipr_nest_end(msg, nest);
	if (val[BL_HWMODE] >= 0 || flags) {
		nest = ipr_nest(msg, IFLA_AF_SPEC);
		if (!nest ||
		    (flags && nla_put_u16(msg, IFLA_BRIDGE_FLAGS, flags) < 0) ||
		    (val[BL_HWMODE] >= 0 &&
		     nla_put_u16(msg, IFLA_BRIDGE_MODE,
				 (uint16_t)val[BL_HWMODE]) < 0))
			goto full;
		ipr_nest_end(msg, nest);
	}
	err = ipr_talk(sh, msg);
	if (err > 0)
		return 1;
	return err < 0 ? bridge_refused(sh, dev, err) : 0;
full:
	return nsh_err(sh, "'%s': the request is too large", dev);
}

/* ------------------------------------------------------------ link show */

static void print_stp_state(uint8_t state)
{
	if (state <= BR_STATE_BLOCKING)
		pr_string(PR_ANY, "state", "state %s ", stp_states[state]);
	else
		pr_uint(PR_ANY, "state", "state (%d) ", state);
}

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
		print_stp_state(nla_get_u8(attr));
		return;
	}
	if (nla_parse_nested(tb, IFLA_BRPORT_MAX, attr, NULL) < 0)
		return;
	if (tb[IFLA_BRPORT_STATE])
		print_stp_state(nla_get_u8(tb[IFLA_BRPORT_STATE]));
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
		pr_string(PR_ANY, "ifname", "%s: ", full);
	} else {
		pr_string(PR_ANY, "ifname", "%s: ", name);
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

/* one AF_BRIDGE RTM_GETLINK dump, with IFLA_EXT_MASK FILTER (0: none) */
static int link_dump(struct nsh *sh, uint32_t filter, struct msg_list *l)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };

	msg = bridge_msg(sh, RTM_GETLINK, 0, &ifi, sizeof(ifi));
	if (!msg)
		return -NLE_NOMEM;
	if (filter && nla_put_u32(msg, IFLA_EXT_MASK, filter) < 0)
		return -NLE_NOMEM;
	return ipr_dump(ns_sock(sh), msg, true, l);
}

static int dump_failed(struct nsh *sh, const char *what, int err)
{
	char why[256];

	return nsh_err(sh, "cannot list the %s: %s", what,
		       nl_reason(err, why, sizeof(why)));
}

enum { BS_DEV = 1, BS_IGNORED };

/* brlink_show: `dev`, and any other word ignored */
static const struct ipl_opt link_show_rows[] = {
	{ "dev", IPL_ONCE, "DEV", BS_DEV, "only this port" },
	{ "WORD", IPL_DEFAULT | IPL_NOKW | IPL_MULTI | IPL_ALIAS, "WORD",
	  BS_IGNORED, "ignored, as iproute2 ignores it" },
	{ NULL },
};

static const struct ipl_table link_show_opts = { "bridge link show",
						  link_show_rows };

static int brlink_show(struct nsh *sh, const struct nsh_args *a)
{
	struct msg_list l = { 0 };
	const char *dev = ipl_str(a, BS_DEV);
	int filter = 0, err;

	if (dev && !(filter = dev_index(sh, dev)))
		return 1;
	ipr_ifname_reset();
	err = link_dump(sh, 0, &l);
	if (err) {
		msg_list_free(&l);
		return err > 0 ? 1 : dump_failed(sh, "bridge ports", err);
	}
	pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
	for (int i = 0; i < l.n; i++)
		print_link(sh, l.v[i], filter);
	pr_end();
	msg_list_free(&l);
	return 0;
}

/* ------------------------------------------------------------ vlan */

enum bv_key { BV_DEV = 1, BV_VID, BV_SELF, BV_MASTER, BV_PVID, BV_UNTAGGED,
	      BV_TUNNEL, BV_IGNORED };

/* tunnel_info id ID[-ID] */
static int parse_tunnel_info(struct ipl_parse *p, const struct ipl_opt *o)
{
	const char *w = ipl_need(p, o, "id");

	if (!w)
		return p->completing ? -2 : -1;
	if (!ipl_matches(w, "id"))
		return ipl_fail(p, p->i, "'%s': tunnel id expected "
				"(tunnel_info id ID)", w);
	p->i++;
	if (!ipl_need(p, o, "TUNID"))
		return p->completing ? -2 : -1;
	if (ipl_bind_val(p, o, "VID", p->i) == 0) {
		const struct nsh_val *v = &p->a->bind[p->a->nbind - 1].v;

		if (v->num >= 1 << 24 ||
		    (v->special >= 0 && v->special >= 1 << 24))
			return ipl_fail(p, p->i, "'%s': invalid tunnel id",
					p->argv[p->i]);
		p->i++;
		return 0;
	}
	return -1;
}

static const struct ipl_opt vlan_modify_rows[] = {
	{ "dev", 0, "DEV", BV_DEV, "the bridge or port" },
	{ "vid", 0, "VID", BV_VID, "the VLAN ID or range" },
	{ "self", 0, NULL, BV_SELF, "the device itself" },
	{ "master", 0, NULL, BV_MASTER, "its bridge" },
	{ "pvid", 0, NULL, BV_PVID, "the port's VLAN for untagged frames" },
	{ "untagged", 0, NULL, BV_UNTAGGED, "send the VLAN untagged" },
	{ "tunnel_info", 0, "id TUNID", BV_TUNNEL,
	  "the tunnel ID of the VLAN", NULL, parse_tunnel_info },
	{ "WORD", IPL_DEFAULT | IPL_NOKW | IPL_MULTI | IPL_ALIAS, "WORD",
	  BV_IGNORED, "ignored, as iproute2 ignores it" },
	{ NULL },
};

static const struct ipl_table vlan_modify_opts = { "bridge vlan add",
						    vlan_modify_rows };

static int put_vlan_info(struct nl_msg *msg, uint16_t flags, uint16_t vid)
{
	struct bridge_vlan_info vi = { .flags = flags, .vid = vid };

	return nla_put(msg, IFLA_BRIDGE_VLAN_INFO, sizeof(vi), &vi);
}

static int put_tunnel_info(struct nl_msg *msg, uint16_t vid, uint32_t id,
			   uint16_t flags)
{
	struct nlattr *t = ipr_nest(msg, IFLA_BRIDGE_VLAN_TUNNEL_INFO);

	if (!t || nla_put_u32(msg, IFLA_BRIDGE_VLAN_TUNNEL_ID, id) < 0 ||
	    nla_put_u16(msg, IFLA_BRIDGE_VLAN_TUNNEL_VID, vid) < 0 ||
	    nla_put_u16(msg, IFLA_BRIDGE_VLAN_TUNNEL_FLAGS, flags) < 0)
		return -1;
	ipr_nest_end(msg, t);
	return 0;
}

static int vlan_refused(struct nsh *sh, const char *dev, int err)
{
	char why[256];

	nl_reason(err, why, sizeof(why));
	if (nl_last_errno() == EOPNOTSUPP)
		return nsh_err(sh, "'%s': %s (this kernel's bridge has no "
				   "VLAN filtering, or '%s' is no bridge or "
				   "port)", dev, why, dev);
	return nsh_err(sh, "'%s': %s", dev, why);
}

static int vlan_modify(struct nsh *sh, const struct nsh_args *a, int type)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	const char *dev = NULL;
	long vid = -1, vid_end = -1, tun = -1, tun_end = -1;
	uint16_t vflags = 0, flags = 0;
	struct nlattr *spec;
	int err;

	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case BV_DEV: dev = v->text; break;
		case BV_VID:
			vid = v->num;
			vid_end = v->special;
			if (vid_end >= 0)
				vflags |= BRIDGE_VLAN_INFO_RANGE_BEGIN;
			break;
		case BV_SELF: flags |= BRIDGE_FLAGS_SELF; break;
		case BV_MASTER: flags |= BRIDGE_FLAGS_MASTER; break;
		case BV_PVID: vflags |= BRIDGE_VLAN_INFO_PVID; break;
		case BV_UNTAGGED: vflags |= BRIDGE_VLAN_INFO_UNTAGGED; break;
		case BV_TUNNEL:
			tun = v->num;
			tun_end = v->special;
			break;
		default: break;
		}
	}
	if (!dev || vid < 0)
		return nsh_err(sh, "missing %s (device and VLAN ID are "
				   "required)", dev ? "'vid VID'" :
						      "'dev DEV'");
	if (vid >= 4096)
		return nsh_err(sh, "'%ld': invalid VLAN ID (0-4095)", vid);
	if (vflags & BRIDGE_VLAN_INFO_RANGE_BEGIN) {
		if (vid_end >= 4096 || vid >= vid_end)
			return nsh_err(sh, "'%ld-%ld': invalid VLAN range", vid,
				       vid_end);
		if (vflags & BRIDGE_VLAN_INFO_PVID)
			return nsh_err(sh, "'pvid': cannot be configured for "
					   "a VLAN range");
	}
	ifi.ifi_index = dev_index(sh, dev);
	if (!ifi.ifi_index)
		return 1;
	msg = bridge_msg(sh, type, 0, &ifi, sizeof(ifi));
	if (!msg)
		return 1;
	spec = ipr_nest(msg, IFLA_AF_SPEC);
	if (!spec || (flags && nla_put_u16(msg, IFLA_BRIDGE_FLAGS, flags) < 0))
		goto full;
	if (tun >= 0) {
		if (vid_end > vid) {
			if (put_tunnel_info(msg, (uint16_t)vid, (uint32_t)tun,
					    BRIDGE_VLAN_INFO_RANGE_BEGIN) ||
			    put_tunnel_info(msg, (uint16_t)vid_end,
					    (uint32_t)(tun_end >= 0 ? tun_end :
								      0),
					    BRIDGE_VLAN_INFO_RANGE_END))
				goto full;
		} else if (put_tunnel_info(msg, (uint16_t)vid, (uint32_t)tun,
					   0)) {
			goto full;
		}
	} else if (vid_end >= 0) {
		if (put_vlan_info(msg, vflags, (uint16_t)vid) < 0 ||
		    put_vlan_info(msg,
				  (vflags & ~BRIDGE_VLAN_INFO_RANGE_BEGIN) |
					  BRIDGE_VLAN_INFO_RANGE_END,
				  (uint16_t)vid_end) < 0)
			goto full;
	} else if (put_vlan_info(msg, vflags, (uint16_t)vid) < 0) {
		goto full;
	}
	ipr_nest_end(msg, spec);
	err = ipr_talk(sh, msg);
	if (err > 0)
		return 1;
	return err < 0 ? vlan_refused(sh, dev, err) : 0;
full:
	return nsh_err(sh, "'%s': the request is too large", dev);
}

static int vlan_add(struct nsh *sh, const struct nsh_args *a)
{
	return vlan_modify(sh, a, RTM_SETLINK);
}

static int vlan_del(struct nsh *sh, const struct nsh_args *a)
{
	return vlan_modify(sh, a, RTM_DELLINK);
}

/* ------------------------------------------------------------ vlan show */

enum { VS_DEV = 1, VS_VID, VS_IGNORED };

static const struct ipl_opt vlan_show_rows[] = {
	{ "dev", IPL_ONCE, "DEV", VS_DEV, "only this bridge or port" },
	{ "vid", IPL_ONCE, "NUM16", VS_VID, "only this VLAN" },
	{ "WORD", IPL_DEFAULT | IPL_NOKW | IPL_MULTI | IPL_ALIAS, "WORD",
	  VS_IGNORED, "ignored, as iproute2 ignores it" },
	{ NULL },
};

static const struct ipl_table vlan_show_opts = { "bridge vlan show",
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
		if (!opened) {
			open_vlan_port(s, ifindex, false);
			opened = true;
		} else {
			pr_string(PR_FP, NULL, "%-16s  ", "");
		}
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
		if (!opened) {
			open_vlan_port(s, ifindex, true);
			opened = true;
		} else {
			pr_string(PR_FP, NULL, "%-16s  ", "");
		}
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

/* -d: one entry of an RTM_GETVLAN dump (BRIDGE_VLANDB_ENTRY) */
static void print_vlan_opts(struct vshow *s, struct nlattr *e, int ifindex)
{
	struct nlattr *tb[BRIDGE_VLANDB_ENTRY_MAX + 1];
	const struct bridge_vlan_info *vi;
	uint64_t st[4] = { 0 };	/* rx bytes, packets, tx bytes, packets */
	uint16_t range;
	uint8_t state = 0;

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
	if (tb[BRIDGE_VLANDB_ENTRY_STATE])
		state = nla_get_u8(tb[BRIDGE_VLANDB_ENTRY_STATE]);
	if (tb[BRIDGE_VLANDB_ENTRY_STATS]) {
		struct nlattr *sb[BRIDGE_VLANDB_STATS_MAX + 1];
		static const int which[4] = {
			BRIDGE_VLANDB_STATS_RX_BYTES,
			BRIDGE_VLANDB_STATS_RX_PACKETS,
			BRIDGE_VLANDB_STATS_TX_BYTES,
			BRIDGE_VLANDB_STATS_TX_PACKETS,
		};

		if (nla_parse_nested(sb, BRIDGE_VLANDB_STATS_MAX,
				     tb[BRIDGE_VLANDB_ENTRY_STATS],
				     NULL) == 0)
			for (int k = 0; k < 4; k++)
				if (sb[which[k]])
					st[k] = nla_get_u64(sb[which[k]]);
	}
	if (s->cur != ifindex) {
		open_vlan_port(s, ifindex, false);
		pr_obj_open(NULL);
		s->cur = ifindex;
	} else {
		pr_obj_open(NULL);
		pr_string(PR_FP, NULL, "%-16s  ", "");
	}
	print_range("vlan", vi->vid, range);
	print_vlan_flags(vi->flags);
	pr_nl();
	pr_string(PR_FP, NULL, "%-16s    ", "");
	print_stp_state(state);
	if (tb[BRIDGE_VLANDB_ENTRY_MCAST_ROUTER])
		pr_uint(PR_ANY, "mcast_router", "mcast_router %u ",
			 nla_get_u8(tb[BRIDGE_VLANDB_ENTRY_MCAST_ROUTER]));
	pr_nl();
	if (s->sh->o.stats) {
		pr_string(PR_FP, NULL, "%-16s    ", "");
		pr_u64(PR_ANY, "rx_bytes", "RX: %llu bytes",
			(unsigned long long)st[0]);
		pr_u64(PR_ANY, "rx_packets", " %llu packets\n",
			(unsigned long long)st[1]);
		pr_string(PR_FP, NULL, "%-16s    ", "");
		pr_u64(PR_ANY, "tx_bytes", "TX: %llu bytes",
			(unsigned long long)st[2]);
		pr_u64(PR_ANY, "tx_packets", " %llu packets\n",
			(unsigned long long)st[3]);
	}
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
		if (!found) {
			open_vlan_port(s, ifindex, false);
			found = true;
		} else {
			pr_string(PR_FP, NULL, "%-16s  ", "");
		}
		pr_obj_open(NULL);
		pr_uint(PR_ANY, "vid", "%hu", v->vid);
		print_vlan_flags(v->flags);
		pr_nl();
		pr_string(PR_FP, NULL, "%-16s    ", "");
		pr_u64(PR_ANY, "rx_bytes", "RX: %llu bytes",
			(unsigned long long)v->rx_bytes);
		pr_u64(PR_ANY, "rx_packets", " %llu packets\n",
			(unsigned long long)v->rx_packets);
		pr_string(PR_FP, NULL, "%-16s    ", "");
		pr_u64(PR_ANY, "tx_bytes", "TX: %llu bytes",
			(unsigned long long)v->tx_bytes);
		pr_u64(PR_ANY, "tx_packets", " %llu packets\n",
			(unsigned long long)v->tx_packets);
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
	return dump_failed(sh, "VLANs", err);
}

static int vlan_show_any(struct nsh *sh, const struct nsh_args *a,
			 bool tunnels)
{
	struct vshow s = { .sh = sh, .cur = -1 };
	struct msg_list l = { 0 };
	const char *dev = ipl_str(a, VS_DEV);
	const struct nsh_val *vid = ipl_get(a, VS_VID);
	int err;

	s.filter_vlan = vid ? (unsigned)vid->num : 0;
	if (dev && !(s.filter_index = dev_index(sh, dev)))
		return 1;
	ipr_ifname_reset();
	if (sh->o.details && !tunnels) {
		err = vlandb_dump(sh, &l);
		pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
		if (!pr_json())
			printf("%-16s  %-9s\n", "port", "vlan-id");
		if (err) {
			msg_list_free(&l);
			return vlan_dump_failed(sh, err);
		}
		for (int i = 0; i < l.n; i++)
			print_vlan_rtm(&s, l.v[i]);
		if (s.cur != -1)
			close_vlan_port();
		goto out;
	}
	if (!sh->o.stats || tunnels) {
		err = link_dump(sh, sh->o.compress_vlans ?
					    RTEXT_FILTER_BRVLAN_COMPRESSED :
					    RTEXT_FILTER_BRVLAN, &l);
		if (err) {
			msg_list_free(&l);
			return dump_failed(sh, "VLANs", err);
		}
		pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
		if (!pr_json())
			printf("%-16s  %-9s%s\n", "port", "vlan-id",
			       tunnels ? "  tunnel-id" : "");
		for (int i = 0; i < l.n; i++)
			print_vlan_link(&s, l.v[i], tunnels);
		goto out;
	}
	pr_begin(sh->o.json, sh->o.pretty, sh->o.oneline, true);
	if (!pr_json())
		printf("%-16s  vlan-id\n", "port");
	for (int pass = 0; pass < 2; pass++) {
		int attr = pass ? IFLA_STATS_LINK_XSTATS_SLAVE :
				  IFLA_STATS_LINK_XSTATS;

		err = stats_dump(sh, IFLA_STATS_FILTER_BIT(attr), &l);
		if (err) {
			msg_list_free(&l);
			return vlan_dump_failed(sh, err);
		}
		for (int i = 0; i < l.n; i++) {
			struct if_stats_msg *ifsm = nlmsg_data(l.v[i]);
			struct nlattr *tb[IFLA_STATS_MAX + 1];

			if (s.filter_index &&
			    s.filter_index != (int)ifsm->ifindex)
				continue;
			if (nlmsg_parse(l.v[i], sizeof(*ifsm), tb,
					IFLA_STATS_MAX, NULL) < 0)
				continue;
			if (tb[IFLA_STATS_LINK_XSTATS])
				print_vlan_stats(&s, tb[IFLA_STATS_LINK_XSTATS],
						 (int)ifsm->ifindex);
			if (tb[IFLA_STATS_LINK_XSTATS_SLAVE])
				print_vlan_stats(
					&s, tb[IFLA_STATS_LINK_XSTATS_SLAVE],
					(int)ifsm->ifindex);
		}
	}
out:
	pr_end();
	msg_list_free(&l);
	return 0;
}

static int vlan_show(struct nsh *sh, const struct nsh_args *a)
{
	return vlan_show_any(sh, a, false);
}

static int vlan_tunnelshow(struct nsh *sh, const struct nsh_args *a)
{
	return vlan_show_any(sh, a, true);
}

/* ------------------------------------------------------------ family */

static int bridge_batch(struct nsh *sh, const struct nsh_args *a)
{
	return ipr_batch(sh, a, "bridge");
}

/* in iproute2's order (do_link, do_fdb, do_vlan) */
static const struct nsh_cmd bridge_cmds[] = {
	{ "bridge link set/change", "change a bridge port's settings",
	  link_set, NSH_CMD_MUTATES,
	  "bridge link set dev veth-br1 cost 4 hairpin on", NULL,
	  &link_set_opts },
	{ "bridge link show/lst/list", "list the bridge ports", brlink_show, 0,
	  "bridge -d link show dev veth-br1", NULL, &link_show_opts },
	{ "bridge link", "list the bridge ports", brlink_show },
	{ "bridge fdb add", "add a forwarding database entry",
	  fdb_add, NSH_CMD_MUTATES,
	  "bridge fdb add 02:00:00:00:00:01 dev veth-br1 master static",
	  NULL, &fdb_modify_opts },
	{ "bridge fdb append", "add an entry, also when one exists (VXLAN "
			       "flooding)", fdb_append, NSH_CMD_MUTATES,
	  "bridge fdb append 00:00:00:00:00:00 dev vxlan0 dst 10.0.0.2", NULL,
	  &fdb_modify_opts },
	{ "bridge fdb replace", "add or replace an entry",
	  fdb_replace, NSH_CMD_MUTATES,
	  NULL, NULL, &fdb_modify_opts },
	{ "bridge fdb delete", "delete an entry", fdb_delete, NSH_CMD_MUTATES,
	  "bridge fdb del 02:00:00:00:00:01 dev veth-br1 master", NULL,
	  &fdb_modify_opts },
	{ "bridge fdb get", "show one entry", fdb_get, 0,
	  "bridge fdb get 02:00:00:00:00:01 br br0", NULL, &fdb_get_opts },
	{ "bridge fdb show/lst/list", "list the forwarding database",
	  fdb_show, 0, "bridge fdb show br br0", NULL, &fdb_show_opts },
	{ "bridge fdb =flush", "delete entries in bulk", fdb_flush, 0,
	  "bridge fdb flush dev br0 dynamic", NULL, &fdb_flush_opts },
	{ "bridge fdb", "list the forwarding database", fdb_show },
	{ "bridge vlan add", "add a VLAN to a bridge port",
	  vlan_add, NSH_CMD_MUTATES,
	  "bridge vlan add dev veth-br1 vid 10 pvid untagged", NULL,
	  &vlan_modify_opts },
	{ "bridge vlan delete", "delete a VLAN from a bridge port", vlan_del,
	  NSH_CMD_MUTATES, NULL, NULL, &vlan_modify_opts },
	{ "bridge vlan show/lst/list", "list the VLANs of the bridge ports",
	  vlan_show, 0, "bridge vlan show dev veth-br1", NULL,
	  &vlan_show_opts },
	{ "bridge vlan tunnelshow", "list the VLAN to tunnel mappings",
	  vlan_tunnelshow, 0, NULL, NULL, &vlan_show_opts },
	{ "bridge vlan set", "set a VLAN's options", NULL, NSH_CMD_MUTATES },
	{ "bridge vlan =global", "a bridge's per-VLAN settings", NULL },
	{ "bridge vlan", "list the VLANs of the bridge ports", vlan_show },
	{ "bridge -batch", "run the bridge commands of a file", bridge_batch,
	  NSH_CMD_HIDDEN },
	{ NULL },
};

const struct nsh_family bridge_family = {
	"bridge", "bridge link, fdb, vlan: bridge ports, forwarding database, "
		  "VLANs", bridge_cmds, bridge_types,
};
