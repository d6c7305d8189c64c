/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * path.h - the path finder: the route a namespace takes to an address
 * (its longest matching prefix), and the hops from one namespace to
 * another namespace or to an address, layer 2 first, then from router to
 * router, with where and why the path is broken.  `show path`, `why`,
 * `expect reach` and `capture` build on it.  Reads the model only
 * (shell/lab/model.h): nothing here prints or asks the kernel.
 */
#ifndef NSH_PATH_H
#define NSH_PATH_H

#include <stdbool.h>
#include <stddef.h>

#include "nsh.h"
#include "model.h"

/* the way NS sends to an address: its longest matching prefix in the main
 * table (its own subnets count as connected routes) */
struct path_route {
	int oif;
	bool has_gw;
	unsigned char gw[16];
	int plen;
	int type;			/* RTN_* */
	const struct model_route *r;	/* NULL: one of NS's subnets */
};

bool path_route_lookup(struct model_ns *ns, const struct nsh_prefix *x,
		       struct path_route *ret);

/* what broke a path */
enum path_fault {
	PATH_DOWN,		/* a hop is administratively down */
	PATH_NO_CARRIER,	/* a hop is up, without carrier */
	PATH_NO_CABLE,		/* no bridge or cable to the other end, or
				 * to the next hop */
	PATH_NO_ROUTE,		/* a namespace has no route to it */
	PATH_BAD_ROUTE,		/* its route is not unicast or has no link */
	PATH_NO_GATEWAY,	/* nobody has the gateway's address */
	PATH_NO_OWNER,		/* nobody has the target address */
	PATH_LOOP,		/* more than 8 routers */
};

struct path_hop {
	struct model_ns *ns;
	struct model_link *link;
	bool routed;		/* a router (this hop's namespace) forwards
				 * from the previous hop to this one */
};

struct path_break {
	enum path_fault fault;
	struct model_ns *ns;
	struct model_link *link;	/* NULL: the namespace as a whole */
	char reason[256];		/* "admin down", "no route", … */
	char line[700];			/* what `show path` prints */
};

struct path {
	struct path_hop *hops;
	int nhops;
	char notes[8][320];
	int nnotes;
	struct path_break brk[16];	/* in path order; admin-down hops
					 * before carrier losses */
	int nbrk;
	struct model_ns *owner;		/* who has the target address, if
					 * anyone */
	struct model_link *owner_link;
};

/* the word a break's reason gives for link L's state ("DOWN",
 * "NO-CARRIER", …): the views' own word, which may know more than the
 * model (a link `fail` took down) */
typedef const char *path_state_fn(struct model *m, struct model_ns *ns,
				  const struct model_link *l);

/*
 * path_find - the path from namespace FROM to namespace TO (layer 2 first,
 * then routed to TO's address when they share no bridge or cable), or,
 * with TO NULL, to address X (from router to router along the routes).
 * STATE words a peer's state in a carrier loss.  Fills *RET (free with
 * path_free); complete when ret->nbrk is 0.
 */
void path_find(struct model *m, struct model_ns *from, struct model_ns *to,
	       const struct nsh_prefix *x, path_state_fn *state,
	       struct path *ret);
void path_free(struct path *p);
/* the hops on one line, as `show path` prints them */
const char *path_text(const struct model *m, const struct path *p, char *buf,
		      size_t len);

#endif
