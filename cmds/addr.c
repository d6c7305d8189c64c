/* SPDX-License-Identifier: GPL-3.0-or-later */
/* addr.c - stub, being written */
#include "config.h"

#include "cmds.h"

static const struct nsh_cmd addr_cmds[] = {
	{ NULL },
};

const struct nsh_family addr_family = { "addr", "(coming)", addr_cmds };
