/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sysctl.c - stub, being written */
#include "config.h"

#include "cmds.h"

static const struct nsh_cmd sysctl_cmds[] = {
	{ NULL },
};

const struct nsh_family sysctl_family = { "sysctl", "(coming)", sysctl_cmds };
