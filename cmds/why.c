/* SPDX-License-Identifier: GPL-3.0-or-later */
/* why.c - being written */
#include "config.h"

#include "cmds.h"

static const struct nsh_cmd why_cmds[] = {
	{ NULL },
};

const struct nsh_family why_family = {
	"why", "diagnose why one namespace cannot reach another", why_cmds,
};
