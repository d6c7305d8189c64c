/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * host.h - what host.c (hosts, lines run there) and host_link.c (links
 * and bridges across hosts) share.
 */
#ifndef NSH_HOST_H
#define NSH_HOST_H

#include <stdbool.h>

#include "remote.h"

struct nsh;

/* run LINE on H: its status; its standard output into *OUT (when OUT,
 * free it) or onto stdout, its errors onto stderr with the host's name in
 * front; a host not up, or lost meanwhile: one error line and 1 */
int host_run(struct nsh *sh, struct nsh_host *h, const char *line,
	     char **out);
int host_runf(struct nsh *sh, struct nsh_host *h, char **out,
	      const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* the words of ARGV as one line the agent splits back into them (free it) */
char *host_join_words(int argc, char **argv);
/* TEXT (an agent's stderr) line by line, each prefixed as nsh's own
 * errors are, with the host's name in front */
void host_put_err(struct nsh *sh, const char *host, const char *text);
/* `watch` over the lab's hosts: each up host's model changes since the
 * last call, printed with its name (JSON: -j); MORE false ends it */
void hosts_watch(struct nsh *sh, bool json, bool more);
/* `ip link add NS1@H1 type veth peer NS2@H2` (or NAME netns HOST:NS on
 * each side): the cable made across the hosts (host_veth.c); its status,
 * or -1 when ARGV is not such a line */
int hosts_veth_across(struct nsh *sh, int argc, char **argv);
/* is a host up? */
bool hosts_any_up(const struct nsh *sh);
/* may a script's line for a host go without waiting for its reply? */
bool host_may_pipe(const struct nsh *sh);
/* ARGV run on host NAME (pipelined in a script): its status */
int host_run_words(struct nsh *sh, const char *name, int argc, char **argv);
/* W as one word of a line (in single quotes when it needs them), for the
 * agent's line splitter and ssh's remote shell (free it) */
char *sh_quoted(const char *w);

#endif
