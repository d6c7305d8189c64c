/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bridge_fdb.c - iproute2's `bridge fdb add`, `append`, `replace`,
 * `delete` and `flush`, natively, with bridge/fdb.c's grammar and
 * requests (get and show: cmds/bridge_fdb_show.c).
 *
 * An entry is one RTM_NEWNEIGH (RTM_DELNEIGH) of family AF_BRIDGE: the
 * ndmsg's state and flags as fdb.c derives them (NUD_NOARP|PERMANENT and
 * NTF_SELF unless the line says otherwise), then NDA_LLADDR, NDA_DST,
 * NDA_VLAN, NDA_NH_ID, NDA_PORT, NDA_VNI, NDA_SRC_VNI, NDA_IFINDEX in
 * its order.  `append 00:00:00:00:00:00 dev vxlan0 dst IP` is VXLAN's
 * flood list.
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
