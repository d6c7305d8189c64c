/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bridge.h - iproute2's `bridge` (link, fdb, vlan), natively: what the
 * files of the family share (cmds/bridge.c: the family, link and vlan;
 * cmds/bridge_fdb.c: fdb).
 */
#ifndef NSH_BRIDGE_H
#define NSH_BRIDGE_H

#include "cmds.h"
#include "ipl.h"

struct nl_msg;

/* the rows' tables and handlers of `bridge fdb` (cmds/bridge_fdb.c) */
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

#endif
