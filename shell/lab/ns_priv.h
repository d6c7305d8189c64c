/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ns_priv.h - what the namespace files (ns.c, ns_rundir.c, ns_unname.c)
 * share and no other file uses.
 */
#ifndef NSH_NS_PRIV_H
#define NSH_NS_PRIV_H

#include "nsh.h"

/* NS from the nsfs descriptor FD, labelled LABEL: 0 (NS holds FD now) or
 * -1 (FD is still the caller's) */
int ns_fill(struct nsh_ns *ns, int fd, const char *label);
/* back into the network namespace FD, or end the process: nsh must never
 * act in the wrong namespace */
void ns_setns_or_die(int fd);
/* bind SRC on PATH, in the mount namespace MNTFD (a child enters it) or
 * here (MNTFD < 0); 0 or -errno */
int ns_bind_entry(int mntfd, const char *src, const char *path);

#endif
