/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bridge.c - iproute2's `bridge`, natively: the family's table (in
 * iproute2's order), its placeholder types and what its files share (the
 * request, the kernel's refusal, a port's STP state, the AF_BRIDGE link
 * dump).  The commands are bridge/link.c's (cmds/bridge_link.c),
 * bridge/fdb.c's (cmds/bridge_fdb.c) and bridge/vlan.c's
 * (cmds/bridge_vlan.c, cmds/bridge_vlan_show.c), with their grammar
 * (keywords in their order, exact where they compare exactly), requests
 * and output.
 */
#include "config.h"

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

int bridge_dev_index(struct nsh *sh, const char *dev)
{
	int idx;

	ipr_ifname_reset();
	return link_index(sh, dev, &idx) ? 0 : idx;
}


void bridge_print_stp_state(uint8_t state)
{
	if (state <= BR_STATE_BLOCKING)
		pr_string(PR_ANY, "state", "state %s ", stp_states[state]);
	else
		pr_uint(PR_ANY, "state", "state (%d) ", state);
}

int bridge_link_dump(struct nsh *sh, uint32_t filter, struct msg_list *l)
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

int bridge_dump_failed(struct nsh *sh, const char *what, int err)
{
	char why[256];

	return nsh_err(sh, "cannot list the %s: %s", what,
		       nl_reason(err, why, sizeof(why)));
}


/* ------------------------------------------------------------ family */

static int bridge_batch(struct nsh *sh, const struct nsh_args *a)
{
	return ipr_batch(sh, a, "bridge");
}

/* in iproute2's order (do_link, do_fdb, do_vlan) */
static const struct nsh_cmd bridge_cmds[] = {
	{ "bridge link set/change", "change a bridge port's settings",
	  bridge_link_set, NSH_CMD_MUTATES,
	  "bridge link set dev veth-br1 cost 4 hairpin on", NULL,
	  &bridge_link_set_opts },
	{ "bridge link show/lst/list", "list the bridge ports",
	  bridge_link_show, 0,
	  "bridge -d link show dev veth-br1", NULL, &bridge_link_show_opts },
	{ "bridge link", "list the bridge ports", bridge_link_show },
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
	  bridge_vlan_add, NSH_CMD_MUTATES,
	  "bridge vlan add dev veth-br1 vid 10 pvid untagged", NULL,
	  &bridge_vlan_modify_opts },
	{ "bridge vlan delete", "delete a VLAN from a bridge port",
	  bridge_vlan_del,
	  NSH_CMD_MUTATES, NULL, NULL, &bridge_vlan_modify_opts },
	{ "bridge vlan show/lst/list", "list the VLANs of the bridge ports",
	  bridge_vlan_show, 0, "bridge vlan show dev veth-br1", NULL,
	  &bridge_vlan_show_opts },
	{ "bridge vlan tunnelshow", "list the VLAN to tunnel mappings",
	  bridge_vlan_tunnelshow, 0, NULL, NULL, &bridge_vlan_show_opts },
	{ "bridge vlan set", "set a VLAN's options", NULL, NSH_CMD_MUTATES },
	{ "bridge vlan =global", "a bridge's per-VLAN settings", NULL },
	{ "bridge vlan", "list the VLANs of the bridge ports",
	  bridge_vlan_show },
	{ "bridge -batch", "run the bridge commands of a file", bridge_batch,
	  NSH_CMD_HIDDEN },
	{ NULL },
};

const struct nsh_family bridge_family = {
	"bridge", "bridge link, fdb, vlan: bridge ports, forwarding database, "
		  "VLANs", bridge_cmds, bridge_types,
};
