/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * neigh.h - private to `ip neigh`: what cmds/neigh.c (types, grammar,
 * add/change/replace/delete), cmds/neigh_show.c (show, flush, get) and
 * cmds/neigh_print.c (one entry) share.
 */
#ifndef NSH_NEIGH_H
#define NSH_NEIGH_H

#include <stdbool.h>
#include <stddef.h>

#include "cmds.h"
#include "iproute.h"
#include "ipl.h"

struct nl_cache;
struct nl_sock;
struct nlattr;
struct nlmsghdr;

enum neigh_key {
	NK_LLADDR = 1, NK_NUD, NK_PROXY, NK_ROUTER, NK_USE, NK_MANAGED,
	NK_EXTERN, NK_DEV, NK_PROTO, NK_HELP, NK_TO, NK_MASTER, NK_VRF,
	NK_NOMASTER, NK_UNUSED, NK_PROXIES,
};

/* iproute2's "Flush requires arguments": any word after the verb */
bool neigh_has_args(const struct nsh_args *a);
/* `help` among the arguments: the usage, as iproute2 prints it first */
bool neigh_wants_help(const struct nsh_args *a);
/* address V must be of -4/-6's family; 0, or 1 after reporting */
int neigh_check_family(struct nsh *sh, const struct nsh_val *v);
/* the kernel's refusal ERR about SUBJECT, in one line (1) */
int neigh_refused(struct nsh *sh, const char *subject, int err);

/* one listing: iproute2's filter and its output state */
struct nshow {
	struct nsh *sh;
	struct nl_sock *sk;
	struct nl_cache *links;	/* made on first use */
	bool links_done;
	struct json j;
	bool json;
	/* filter */
	int family;
	int index;		/* ifindex of `dev`, 0: any */
	int master;		/* 0: any, -1: nomaster */
	unsigned state;		/* NUD_* bits; 0x100: NUD_NONE */
	bool unused;
	unsigned protocol;
	bool proxy;
	struct nsh_prefix pfx;	/* family AF_UNSPEC: any */
	int bits;
	/* flush */
	bool flush;
	int flushed;
	bool warned;
};

/* print_neigh: the entry of NLH (its attributes TB), in text or -j */
void neigh_print(struct nshow *s, const struct nlmsghdr *nlh,
		 struct nlattr **tb);
/* format_host_rta: an IPv4 or IPv6 address by FAMILY, or "???" */
const char *neigh_addr_str(int family, const struct nlattr *a, char *buf,
			   size_t len);
/* what a listing holds (its link cache) */
void neigh_show_free(struct nshow *s);

int neigh_cmd_show(struct nsh *sh, const struct nsh_args *a);
int neigh_cmd_flush(struct nsh *sh, const struct nsh_args *a);
int neigh_cmd_get(struct nsh *sh, const struct nsh_args *a);

#endif
