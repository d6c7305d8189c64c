/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check.c - nsh --check (being written) */
#include "config.h"

#include <stdio.h>

#include "core.h"

int check_run_file(struct nsh *sh, const char *path)
{
	fprintf(stderr, "nsh: --check: not written yet\n");
	return 2;
}
