/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * rule.h - private to `ip rule`: what cmds/rule.c (add, delete) and
 * cmds/rule_show.c (list, flush) share.
 */
#ifndef NSH_RULE_H
#define NSH_RULE_H

#include <stdbool.h>
#include <stdint.h>

#include "route.h"

/* the two ends of a PORTRANGE/UIDRANGE value */
static inline uint32_t lo32(const struct nsh_val *v)
{
	return (uint32_t)((unsigned long)v->num & 0xffffffffu);
}

static inline uint32_t hi32(const struct nsh_val *v)
{
	return (uint32_t)((unsigned long long)v->num >> 32);
}

/* ip rule list (FLUSH: flush) and its words */
int rule_list(struct nsh *sh, const struct nsh_args *a, bool flush);
extern const struct ipl_table rule_list_opts;

#endif
