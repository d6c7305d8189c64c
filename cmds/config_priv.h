/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config_priv.h - what the two files of the running-config share: the
 * namespaces sorted out (how each can be made again, its words), the
 * links the script makes, and the sections cmds/config_l3.c writes.
 */
#ifndef NSH_CONFIG_PRIV_H
#define NSH_CONFIG_PRIV_H

#include <stdbool.h>
#include <stdio.h>

#include "nsh.h"

struct model;
struct model_ns;
struct model_link;

/* how a namespace can be made again */
enum how {
	HOW_HOST,	/* where the script runs */
	HOW_NAMED,	/* ip netns add NAME */
	HOW_SPAWNED,	/* spawn LABEL */
	HOW_FOREIGN,	/* held by a process nsh did not start: cannot */
};

struct rc_ns {
	struct model_ns *ns;
	enum how how;
	char word[300];			/* its name or label, quoted */
	char ref[256];			/* the same, unquoted */
	char ip[320];			/* "ip" or "ip -n WORD" */
	struct model_link **links;	/* by name */
};

struct rc {
	struct nsh *sh;
	struct model *m;
	FILE *f;
	struct rc_ns *v;
	int n;
	const struct model_link **made;	/* links the script creates */
	int nmade, capmade;
};

/* whether the script makes L (lo counts: it is there) */
bool rc_is_made(const struct rc *c, const struct model_link *l);
/* L's name as a word (link names never need much quoting) */
const char *rc_lname(const struct model_link *l, char *buf, size_t len);
/* "# TITLE" before the first line of a section (*FIRST: none yet) */
void rc_section(struct rc *c, bool *first, const char *title);

/* 6. addresses, 8. routes, 9. sysctls (cmds/config_l3.c) */
void emit_addrs(struct rc *c);
void emit_routes(struct rc *c);
void emit_sysctls(struct rc *c);

#endif
