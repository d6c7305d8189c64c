/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show.h - what the views of the live model share (cmds/show.c,
 * show_json.c, show_topo*.c, show_path.c, watch.c, view_lib.c) and what
 * `why`, `expect`, `capture` and `show running-config` use of them: the
 * engine's view of the model (shell/lab/view.h) and its path finder
 * (shell/lab/path.h), a link's state in a word, the reading of NSREF and
 * of a path's TARGET.
 *
 * The views read the model only; pointers into the model are valid until
 * the model next changes (model_get, model_ready).
 */
#ifndef NSH_SHOW_H
#define NSH_SHOW_H

#include <stdbool.h>
#include <stddef.h>

#include "nsh.h"
#include "model.h"
#include "path.h"
#include "view.h"
#include "why.h"	/* the why_* words and readers, for their users */

/* ------------------------------------------------------------ view_lib.c */

/* "UP", "DOWN", "FAILED" (down by `fail`) or "NO-CARRIER"; the word the
 * path finder's breaks use too (a path_state_fn) */
const char *show_state(struct model *m, struct model_ns *ns,
		       const struct model_link *l);
/*
 * show_ns_ref - the namespace REF names in the model: a /run/netns name or
 * label, "host", or the PID of a process in one.  NULL after reporting.
 */
struct model_ns *show_ns_ref(struct nsh *sh, struct model *m,
			     const char *ref);
/* TARGET of `show path` and `why`: a namespace (*RET_NS) or an address
 * (*RET_X, *RET_NS NULL); 0, or 1 after reporting */
int show_target(struct nsh *sh, struct model *m, struct model_ns *from,
		const char *target, struct model_ns **ret_ns,
		struct nsh_prefix *ret_x);

/* ------------------------------------------------------------ the commands */

void show_json(struct model *m);
int cmd_show(struct nsh *sh, const struct nsh_args *a);
int cmd_show_topology(struct nsh *sh, const struct nsh_args *a);
int cmd_show_path(struct nsh *sh, const struct nsh_args *a);
int cmd_watch(struct nsh *sh, const struct nsh_args *a);

#endif
