/* SPDX-License-Identifier: GPL-3.0-or-later */
/* show.h - what cmds/show*.c and cmds/why.c share (being written) */
#ifndef NSH_SHOW_H
#define NSH_SHOW_H
#endif
