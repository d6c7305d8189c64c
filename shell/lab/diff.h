/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * diff.h - the model's changes collected as they come (model_listen): the
 * diff `watch` narrates and --step shows after each step.  Each change is
 * a copy (the model's memory moves), with the names it needs said then;
 * a link that left one namespace and appeared in another (same MAC, same
 * kind) is paired into one move.  Changes the kernel makes on its own
 * behalf (its prefix routes) are left out: they follow from the
 * addresses.  Nothing here prints.
 */
#ifndef NSH_DIFF_H
#define NSH_DIFF_H

#include <stdbool.h>
#include <sys/types.h>

#include "model.h"

struct diff_event {
	enum model_what what;
	dev_t dev;
	ino_t ino;
	char ns[256];		/* the namespace's label */
	struct model_link old, link;
	char text[128];		/* addr: "10.0.0.1/24"; route: its text */
	char dev_name[16];	/* addr: the link; change: the new master */
	char old_master[16];	/* change: the master before */
	int family;		/* addr: AF_INET or AF_INET6 */
	bool moved;		/* link-del: paired with a link-add */
	int pair;		/* moved: index of that link-add */
	bool skip;		/* told by another entry */
};

struct model_diff {
	struct diff_event *v;
	int n, cap;
	bool no_auto;		/* leave out IPv6 link-local addresses (the
				 * kernel's own, and late) */
};

/* collect the model's changes into D from now on */
void diff_begin(struct model_diff *d);
/* stop collecting, and free what was collected */
void diff_end(struct model_diff *d);
/*
 * diff_pair - pair each link deletion with a later addition of the same
 * link (same MAC and kind) in another namespace: a move.  Returns the
 * number of deletions left unpaired.
 */
int diff_pair(struct model_diff *d);
/* forget what was collected (it has been told) */
void diff_clear(struct model_diff *d);

#endif
