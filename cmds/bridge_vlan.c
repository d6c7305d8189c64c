/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bridge_vlan.c - `bridge vlan add` and `bridge vlan delete`, as
 * bridge/vlan.c's vlan_modify: one RTM_SETLINK/RTM_DELLINK of family
 * AF_BRIDGE with IFLA_BRIDGE_VLAN_INFO entries (a range: its first and
 * last) or tunnel mappings in IFLA_AF_SPEC.  A kernel without VLAN
 * filtering refuses it, which is reported in one line.
 */
#include "config.h"

#include <errno.h>
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

const struct ipl_table bridge_vlan_modify_opts = { "bridge vlan add",
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

/* what a bridge vlan add/del line asks for */
struct vlan_set {
	const char *dev;
	long vid, vid_end;	/* vid_end: -1 without a range */
	long tun, tun_end;	/* tunnel_info id: -1 without */
	uint16_t vflags;	/* BRIDGE_VLAN_INFO_* */
	uint16_t flags;		/* BRIDGE_FLAGS_SELF, _MASTER */
};

/* the words of A into S, in their order */
static void read_vlan_set(const struct nsh_args *a, struct vlan_set *s)
{
	*s = (struct vlan_set){ .vid = -1, .vid_end = -1, .tun = -1,
				.tun_end = -1 };
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		switch (o ? o->key : 0) {
		case BV_DEV: s->dev = v->text; break;
		case BV_VID:
			s->vid = v->num;
			s->vid_end = v->special;
			if (s->vid_end >= 0)
				s->vflags |= BRIDGE_VLAN_INFO_RANGE_BEGIN;
			break;
		case BV_SELF: s->flags |= BRIDGE_FLAGS_SELF; break;
		case BV_MASTER: s->flags |= BRIDGE_FLAGS_MASTER; break;
		case BV_PVID: s->vflags |= BRIDGE_VLAN_INFO_PVID; break;
		case BV_UNTAGGED: s->vflags |= BRIDGE_VLAN_INFO_UNTAGGED; break;
		case BV_TUNNEL:
			s->tun = v->num;
			s->tun_end = v->special;
			break;
		default: break;
		}
	}
}

/* vlan.c's checks of the device and the VLAN ID or range; 0, or 1 after
 * reporting */
static int check_vlan_set(struct nsh *sh, const struct vlan_set *s)
{
	if (!s->dev || s->vid < 0)
		return nsh_err(sh, "missing %s (device and VLAN ID are "
				   "required)", s->dev ? "'vid VID'" :
							 "'dev DEV'");
	if (s->vid >= 4096)
		return nsh_err(sh, "'%ld': invalid VLAN ID (0-4095)", s->vid);
	if (s->vflags & BRIDGE_VLAN_INFO_RANGE_BEGIN) {
		if (s->vid_end >= 4096 || s->vid >= s->vid_end)
			return nsh_err(sh, "'%ld-%ld': invalid VLAN range",
				       s->vid, s->vid_end);
		if (s->vflags & BRIDGE_VLAN_INFO_PVID)
			return nsh_err(sh, "'pvid': cannot be configured for "
					   "a VLAN range");
	}
	return 0;
}

/* the VLAN entries of S: tunnel mappings, a range (its first and last
 * entry) or one VLAN; 0, or -1 (full) */
static int put_vlans(struct nl_msg *msg, const struct vlan_set *s)
{
	uint16_t vid = (uint16_t)s->vid, end = (uint16_t)s->vid_end;
	uint16_t last = (s->vflags & ~BRIDGE_VLAN_INFO_RANGE_BEGIN) |
			BRIDGE_VLAN_INFO_RANGE_END;

	if (s->tun >= 0 && s->vid_end > s->vid) {
		if (put_tunnel_info(msg, vid, (uint32_t)s->tun,
				    BRIDGE_VLAN_INFO_RANGE_BEGIN))
			return -1;
		return put_tunnel_info(msg, end,
				       (uint32_t)(s->tun_end >= 0 ? s->tun_end :
								    0),
				       BRIDGE_VLAN_INFO_RANGE_END);
	}
	if (s->tun >= 0)
		return put_tunnel_info(msg, vid, (uint32_t)s->tun, 0);
	if (put_vlan_info(msg, s->vflags, vid) < 0)
		return -1;
	if (s->vid_end >= 0 && put_vlan_info(msg, last, end) < 0)
		return -1;
	return 0;
}

/* bridge vlan add/del: one request of TYPE (RTM_SETLINK, RTM_DELLINK) */
static int vlan_modify(struct nsh *sh, const struct nsh_args *a, int type)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_BRIDGE };
	struct vlan_set s;
	struct nlattr *spec;
	int err;

	read_vlan_set(a, &s);
	if (check_vlan_set(sh, &s))
		return 1;
	ifi.ifi_index = bridge_dev_index(sh, s.dev);
	if (!ifi.ifi_index)
		return 1;
	msg = bridge_msg(sh, type, 0, &ifi, sizeof(ifi));
	if (!msg)
		return 1;
	spec = ipr_nest(msg, IFLA_AF_SPEC);
	if (!spec ||
	    (s.flags && nla_put_u16(msg, IFLA_BRIDGE_FLAGS, s.flags) < 0) ||
	    put_vlans(msg, &s))
		return nsh_err(sh, "'%s': the request is too large", s.dev);
	ipr_nest_end(msg, spec);
	err = ipr_talk(sh, msg);
	if (err > 0)
		return 1;
	return err < 0 ? vlan_refused(sh, s.dev, err) : 0;
}

int bridge_vlan_add(struct nsh *sh, const struct nsh_args *a)
{
	return vlan_modify(sh, a, RTM_SETLINK);
}

int bridge_vlan_del(struct nsh *sh, const struct nsh_args *a)
{
	return vlan_modify(sh, a, RTM_DELLINK);
}
