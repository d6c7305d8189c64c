/* SPDX-License-Identifier: GPL-3.0-or-later */
/* expect.c - inline checks (being written) */
#include "config.h"

#include "cmds.h"

static const struct nsh_cmd expect_cmds[] = {
	{ NULL },
};

const struct nsh_family expect_family = {
	"expect", "checks a lab makes of itself, and grading", expect_cmds,
};
