/* SPDX-License-Identifier: GPL-3.0-or-later */
/* route.c - stub, being written */
#include "config.h"

#include "cmds.h"

static const struct nsh_cmd route_cmds[] = {
	{ NULL },
};

const struct nsh_family route_family = { "route", "(coming)", route_cmds };
