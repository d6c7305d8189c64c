/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show.c - views of the live model (being written) */
#include "config.h"

#include "cmds.h"

static const struct nsh_cmd show_cmds[] = {
	{ NULL },
};

const struct nsh_family show_family = {
	"show", "views of the lab: tree, topology, paths, events", show_cmds,
};
