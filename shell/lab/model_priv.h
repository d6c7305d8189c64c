/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model_priv.h - what the files that keep the model current share
 * (model_nl.c, model_msg.c, model_dump.c, model_scan.c) and no other
 * file uses.
 */
#ifndef NSH_MODEL_PRIV_H
#define NSH_MODEL_PRIV_H

#include <stdbool.h>

#include "model.h"

struct nl_object;

/* model_msg.c: what model_parse_cb applies its objects to */
struct model_parse {
	struct model_ns *ns;
	bool add;		/* false: a deletion */
};
/* nl_msg_parse's callback (ARG a struct model_parse): O into the model */
void model_parse_cb(struct nl_object *o, void *arg);
/* re-read the links a change made stale (each with one request) */
void model_refresh_links(struct nsh *sh);
/* forget the links noted for a re-read */
void model_refresh_clear(void);

/* model_dump.c: dump NS, whose nsfs fd is FD, into the model; 0 or -1 */
int model_ns_load(struct nsh *sh, struct model_ns *ns, int fd);
/* the nsid of namespace FD in the host namespace, given one if none */
int model_ensure_nsid(struct nsh *sh, int fd);

/* model_scan.c: add the namespaces that appeared in NETNS_RUN_DIR or were
 * created by a process, drop the ones that lost their last name and
 * process */
void model_rescan(struct nsh *sh);
/* an nsfs fd for NS (checked: model_ns_open), or -1 */
int model_ns_fd(const struct model_ns *ns, struct nsh *sh);
/* a second has passed since the processes were last looked at (they come
 * and go without an event) */
bool model_procs_due(void);

/* model_nl.c: NS has died: out of the model, with the socket that would
 * keep it alive and the nsids cached for it */
void model_ns_gone(struct nsh *sh, struct model_ns *ns);

#endif
