/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * neigh.h - private to `ip neigh`: what cmds/neigh.c (types, grammar,
 * add/change/replace/delete) and cmds/neigh_show.c (show, flush, get)
 * share.
 */
#ifndef NSH_NEIGH_H
#define NSH_NEIGH_H

#include <stdbool.h>

#include "cmds.h"
#include "iproute.h"
#include "ipl.h"

enum neigh_key {
	NK_LLADDR = 1, NK_NUD, NK_PROXY, NK_ROUTER, NK_USE, NK_MANAGED,
	NK_EXTERN, NK_DEV, NK_PROTO, NK_HELP, NK_TO, NK_MASTER, NK_VRF,
	NK_NOMASTER, NK_UNUSED, NK_PROXIES,
};

/* iproute2's "Flush requires arguments": any word after the verb */
bool neigh_has_args(const struct nsh_args *a);
/* `help` among the arguments: the usage, as iproute2 prints it first */
bool neigh_wants_help(const struct nsh_args *a);
/* address V must be of -4/-6's family; 0, or 1 after reporting */
int neigh_check_family(struct nsh *sh, const struct nsh_val *v);
/* the kernel's refusal ERR about SUBJECT, in one line (1) */
int neigh_refused(struct nsh *sh, const char *subject, int err);

int neigh_cmd_show(struct nsh *sh, const struct nsh_args *a);
int neigh_cmd_flush(struct nsh *sh, const struct nsh_args *a);
int neigh_cmd_get(struct nsh *sh, const struct nsh_args *a);

#endif
