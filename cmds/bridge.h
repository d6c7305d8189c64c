/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bridge.h - iproute2's `bridge` (link, fdb, vlan), natively: what the
 * files of the family share (cmds/bridge.c: the family, its types and
 * shared helpers; cmds/bridge_link.c: link; cmds/bridge_fdb.c and
 * cmds/bridge_fdb_show.c: fdb; cmds/bridge_vlan.c and
 * cmds/bridge_vlan_show.c: vlan).
 */
#ifndef NSH_BRIDGE_H
#define NSH_BRIDGE_H

#include "cmds.h"
#include "ipl.h"

struct nl_msg;
struct msg_list;

/* the rows' tables and handlers of `bridge link` (cmds/bridge_link.c) */
extern const struct ipl_table bridge_link_set_opts;
extern const struct ipl_table bridge_link_show_opts;
int bridge_link_set(struct nsh *sh, const struct nsh_args *a);
int bridge_link_show(struct nsh *sh, const struct nsh_args *a);

/* … of `bridge vlan` (cmds/bridge_vlan.c, cmds/bridge_vlan_show.c) */
extern const struct ipl_table bridge_vlan_modify_opts;
extern const struct ipl_table bridge_vlan_show_opts;
int bridge_vlan_add(struct nsh *sh, const struct nsh_args *a);
int bridge_vlan_del(struct nsh *sh, const struct nsh_args *a);
int bridge_vlan_show(struct nsh *sh, const struct nsh_args *a);
int bridge_vlan_tunnelshow(struct nsh *sh, const struct nsh_args *a);

/* the keys of the `bridge fdb` tables */
enum fdb_key {
	F_DEV = 1, F_DST, F_NHID, F_PORT, F_VNI, F_SRC_VNI, F_VIA, F_SELF,
	F_MASTER, F_ROUTER, F_PERMANENT, F_STATIC, F_DYNAMIC, F_VLAN, F_USE,
	F_EXT, F_STICKY, F_HELP, F_ADDR, F_BR, F_STATE, F_IGNORED,
	/* flush */
	F_NOPERMANENT, F_NOSTATIC, F_NODYNAMIC, F_ADDED, F_NOADDED,
	F_NOEXT, F_NOSTICKY, F_OFFLOADED, F_NOOFFLOADED, F_BRPORT,
};

/* the rows' tables and handlers of `bridge fdb` (cmds/bridge_fdb.c,
 * cmds/bridge_fdb_show.c) */
extern const struct ipl_table fdb_modify_opts;
extern const struct ipl_table fdb_show_opts;
extern const struct ipl_table fdb_get_opts;
extern const struct ipl_table fdb_flush_opts;
int fdb_add(struct nsh *sh, const struct nsh_args *a);
int fdb_append(struct nsh *sh, const struct nsh_args *a);
int fdb_replace(struct nsh *sh, const struct nsh_args *a);
int fdb_delete(struct nsh *sh, const struct nsh_args *a);
int fdb_get(struct nsh *sh, const struct nsh_args *a);
int fdb_show(struct nsh *sh, const struct nsh_args *a);
int fdb_flush(struct nsh *sh, const struct nsh_args *a);

/* the family's own placeholder types (cmds/bridge.c) */
extern const struct nsh_type bridge_types[];

/* iproute2's "Device ... is a required argument" and the like, kernel
 * refusals: "'DEV': reason" (1) */
int bridge_refused(struct nsh *sh, const char *dev, int err);

/* a request of TYPE (RTM_SETLINK…) for link DEV with the header HDR of
 * LEN bytes: NULL after reporting */
struct nl_msg *bridge_msg(struct nsh *sh, int type, int flags,
			  const void *hdr, size_t len);

/* the ifindex of DEV, as bridge's ll_name_to_index, or 0 after
 * reporting */
int bridge_dev_index(struct nsh *sh, const char *dev);

/* a port's STP state: "state forwarding " (text and JSON) */
void bridge_print_stp_state(uint8_t state);

/* one AF_BRIDGE RTM_GETLINK dump into L, with IFLA_EXT_MASK FILTER (0:
 * none): ipr_dump's answer */
int bridge_link_dump(struct nsh *sh, uint32_t filter, struct msg_list *l);

/* "cannot list the WHAT: reason" of a failed dump (1) */
int bridge_dump_failed(struct nsh *sh, const char *what, int err);

#endif
