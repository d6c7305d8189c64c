/* SPDX-License-Identifier: GPL-3.0-or-later */
/* link.c - stub, being written */
#include "config.h"

#include "cmds.h"

static const struct nsh_cmd link_cmds[] = {
	{ NULL },
};

const struct nsh_family link_family = { "link", "(coming)", link_cmds };

