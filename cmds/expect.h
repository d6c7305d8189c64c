/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * expect.h - what the two halves of `expect` share: the checks read from
 * the model and the commands (expect.c), and reachability, real echo
 * requests (expect_reach.c).  A check never prints: it fills the three
 * texts of its verdict.
 */
#ifndef NSH_EXPECT_H
#define NSH_EXPECT_H

#include <stdbool.h>
#include <stddef.h>

#include "nsh.h"
#include "model.h"

/* the three texts of a verdict */
struct out {
	char *what, *found, *hint;
	size_t len;
};

#define SAY(buf, ...) snprintf(o->buf, o->len, __VA_ARGS__)

/*
 * expect_ns - the namespace REF names in the model: a /run/netns name or
 * `spawn` label, "host", or the PID of a process in one.  NULL with the
 * reason in WHY (LEN bytes; nothing is printed: a student's missing
 * namespace is a failed check, not an error).
 */
struct model_ns *expect_ns(struct model *m, const char *ref, char *why,
			   size_t len);

/* `expect reach` (WANT) and `expect no-reach` (!WANT) */
bool ex_reach(struct nsh *sh, struct model *m, const struct nsh_args *a,
	      bool want, struct out *o);

#endif
