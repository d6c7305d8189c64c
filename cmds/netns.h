/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * netns.h - what `ip netns` shares with `ip monitor`: the nsid lines
 * ("nsid 0 (iproute2 netns name: ns1)") and the names behind them.
 */
#ifndef NSH_NETNS_H
#define NSH_NETNS_H

#include "cmds.h"

struct nlmsghdr;

/*
 * nsid -> /run/netns name, as iproute2's netns map: made once from the
 * names' nsids in the current namespace (the first name of an nsid wins);
 * a printed name leaves it, and comes back when the directory is searched
 * again for an nsid it lacks.
 */
struct nsid_map {
	struct nsid_name_ent {
		int nsid;
		char *name;
	} *v;
	int n;
	bool done;
};

void nsid_map_free(struct nsid_map *m);
/* fill M from the names' nsids as SK's namespace sees them (once) */
void nsid_map_load(struct nl_sock *sk, struct nsid_map *m);
/* the name M has for NSID, or NULL */
const char *nsid_map_name(struct nl_sock *sk, struct nsid_map *m, int nsid);
/* the names of NETNS_RUN_DIR in the directory's order (free with
 * netns_names_free); *RET_N of them */
char **netns_names(int *ret_n);
void netns_names_free(char **v, int n);

/*
 * nsid_print - one RTM_NEWNSID or RTM_DELNSID as iproute2 prints it: text
 * ("Deleted nsid 3 current-nsid 1 (iproute2 netns name: ns1)") or, when J
 * is not NULL, one JSON object.  SK: the current namespace's socket.
 */
void nsid_print(struct nl_sock *sk, struct nsid_map *m, struct json *j,
		const struct nlmsghdr *nlh);

#endif
