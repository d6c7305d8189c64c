/* SPDX-License-Identifier: GPL-3.0-or-later */
/* config.c - running-config, save, record (being written) */
#include "config.h"

#include "cmds.h"

static const struct nsh_cmd config_cmds[] = {
	{ NULL },
};

const struct nsh_family config_family = {
	"config", "the lab as a script: running-config, save, record",
	config_cmds,
};
