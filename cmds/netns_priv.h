/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * netns_priv.h - what the files of `ip netns` share: the keys of their
 * words, the handlers the table in cmds/netns.c names, and the nsid
 * request they all start from.
 */
#ifndef NSH_NETNS_PRIV_H
#define NSH_NETNS_PRIV_H

#include "cmds.h"
#include "netns.h"

struct nl_msg;

enum netns_key { K_NAME = 1, K_PID, K_NSID, K_TARGET, K_EXEC };

/* an RTM_xxxNSID request of TYPE with its rtgenmsg, or NULL (no memory);
 * cmds/netns_nsid.c */
struct nl_msg *nsid_msg(int type);

/* ip netns list-id (cmds/netns_nsid.c) */
int netns_list_id(struct nsh *sh, const struct nsh_args *a);
/* ip netns list, identify, pids (cmds/netns_show.c) */
int netns_list(struct nsh *sh, const struct nsh_args *a);
int netns_identify(struct nsh *sh, const struct nsh_args *a);
int netns_pids(struct nsh *sh, const struct nsh_args *a);

#endif
