/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show_path.c - being written */
#include "config.h"

#include "cmds.h"
