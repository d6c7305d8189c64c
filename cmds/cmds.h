/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmds.h - the command families (one file each) and what they share.
 */
#ifndef NSH_CMDS_H
#define NSH_CMDS_H

#include "nsh.h"

struct rtnl_link;

extern const struct nsh_family shell_family;
extern const struct nsh_family netns_family;
extern const struct nsh_family link_family;
extern const struct nsh_family addr_family;
extern const struct nsh_family route_family;
extern const struct nsh_family sysctl_family;

/*
 * link_lookup - the link called NAME in SH->cur (a kernel request, not a
 * dump).  On success *RET holds a reference (rtnl_link_put it) and 0 is
 * returned; otherwise "'NAME': no such link in the host namespace" (or the
 * kernel's reason) is reported and 1 returned.
 */
int link_lookup(struct nsh *sh, const char *name, struct rtnl_link **ret);
/* the same in namespace NS; *RET NULL and 0 when QUIET and not found */
int link_lookup_in(struct nsh *sh, const struct nsh_ns *ns, const char *name,
		   bool quiet, struct rtnl_link **ret);

/* ip link show (cmds/link_show.c) */
int link_show(struct nsh *sh, const char *name);

/* `ip netns exec NS …` and `enter NS …`: run ARGV inside NS */
int run_inside(struct nsh *sh, struct nsh_ns *ns, int argc, char **argv);

#endif
