/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show.h - what the views of the live model (cmds/show.c, show_topo.c,
 * show_path.c) and `why` (cmds/why.c) share: the words for links,
 * addresses and routes, and the path finder behind `show path`; and the
 * interfaces between the parts of `why` (the fixes' words, the probe).
 *
 * The views and the path finder read the model only (shell/model.h);
 * only why_enter(), why_sysctl() and why_probe() enter a namespace.
 * Pointers into the model are valid until the model next changes
 * (model_get, model_ready).
 */
#ifndef NSH_SHOW_H
#define NSH_SHOW_H

#include <stdbool.h>
#include <stddef.h>

#include "nsh.h"
#include "model.h"

/* ------------------------------------------------------------ show.c */

/* the namespaces in display order: the host, the named ones by name,
 * then the ones only a process holds, by PID (free the array) */
struct model_ns **show_namespaces(struct model *m);
/* NS's links sorted by name or by ifindex (free the array) */
struct model_link **show_links(struct model_ns *ns, bool by_name);
/* L is up with a carrier (see show.c for why this is inferred) */
bool show_carrier(struct model *m, struct model_ns *ns,
		  const struct model_link *l);
/* "UP", "DOWN" or "NO-CARRIER" */
const char *show_state(struct model *m, struct model_ns *ns,
		       const struct model_link *l);
/* the other end of veth L: false when L is no veth or its peer is in no
 * namespace of the model */
bool show_peer(struct model *m, struct model_ns *ns,
	       const struct model_link *l, struct model_ns **ret_ns,
	       struct model_link **ret);

/* ------------------------------------------------------------ show.c: words */

const char *show_ip(int family, const unsigned char *a, char *buf, size_t len);
/* an IPv6 link-local address (fe80::/10) */
bool show_link_local(const struct model_addr *a);
/* the addresses of link IFINDEX in NS, "a/n" joined by SEP (not the IPv6
 * link-local ones unless ALL), into BUF; returns BUF */
const char *show_addrs(const struct model_ns *ns, int ifindex, bool all,
		       const char *sep, char *buf, size_t len);
/*
 * show_addr_flags - the words iproute2 says for an address's IFA_F_* FLAGS,
 * in its order ("dynamic" when IFA_F_PERMANENT is absent, "temporary" for
 * IFA_F_SECONDARY in IPv6): into NAMES (room for SHOW_ADDR_FLAGS); how many
 */
#define SHOW_ADDR_FLAGS 12
int show_addr_flags(unsigned flags, int family, const char **names);
/* the columns S takes on a terminal */
int show_width(const char *s);
/* "default via 10.0.0.1 dev v1", "10.0.0.0/24 dev v1 table 100", … */
const char *show_route_text(struct model_ns *ns, const struct model_route *r,
			    bool with_dev, char *buf, size_t len);
/* the first PLEN bits of A and B agree */
bool show_same_prefix(const unsigned char *a, const unsigned char *b,
		      int plen);

/* ------------------------------------------------------------ show_path.c */

/*
 * show_ns_ref - the namespace REF names in the model: a /run/netns name or
 * label, "host", or the PID of a process in one.  NULL after reporting.
 */
struct model_ns *show_ns_ref(struct nsh *sh, struct model *m,
			     const char *ref);

/* the way NS sends to an address: its longest matching prefix in the main
 * table (its own subnets count as connected routes) */
struct show_route {
	int oif;
	bool has_gw;
	unsigned char gw[16];
	int plen;
	int type;			/* RTN_* */
	const struct model_route *r;	/* NULL: one of NS's subnets */
};

bool show_route_lookup(struct model_ns *ns, const struct nsh_prefix *x,
		       struct show_route *ret);

/* ------------------------------------------------------------ paths */

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

/*
 * path_find - the path from namespace FROM to namespace TO (layer 2 first,
 * then routed to TO's address when they share no bridge or cable), or,
 * with TO NULL, to address X (from router to router along the routes).
 * Fills *RET (free with path_free); complete when ret->nbrk is 0.
 */
void path_find(struct model *m, struct model_ns *from, struct model_ns *to,
	       const struct nsh_prefix *x, struct path *ret);
void path_free(struct path *p);
/* the hops on one line, as `show path` prints them */
const char *path_text(const struct model *m, const struct path *p, char *buf,
		      size_t len);
/* TARGET of `show path` and `why`: a namespace (*RET_NS) or an address
 * (*RET_X, *RET_NS NULL); 0, or 1 after reporting */
int show_target(struct nsh *sh, struct model *m, struct model_ns *from,
		const char *target, struct model_ns **ret_ns,
		struct nsh_prefix *ret_x);

/* ------------------------------------------------------------ why: fixes */

/* how a command acts in NS: "ip " / "ip -n ns1 " / "ip -n 1234 " (a
 * namespace only a process holds), "sysctl -w " / "ip netns exec ns1
 * sysctl -w " */
const char *why_ip_in(const struct model *m, const struct model_ns *ns,
		      char *buf, size_t len);
const char *why_sysctl_in(const struct model *m, const struct model_ns *ns,
			  char *buf, size_t len);
/* "veth-br2 (host)" */
const char *why_where(const struct model_ns *ns, const struct model_link *l,
		      char *buf, size_t len);
size_t why_alen(int family);
/* an address that counts: not link-local, not on lo */
bool why_usable(struct model_ns *ns, const struct model_addr *a);
bool why_same_subnet(const struct model_addr *a, const struct model_addr *b);
/* the address NS sends from out of OIF towards NEXT (0: any link) */
const struct model_addr *why_pick_src(struct model_ns *ns, int oif,
				      int family, const unsigned char *next);
const struct model_addr *why_addr_of(const struct model_ns *ns, int family,
				     const unsigned char *ip);
/* "ADDR/PLEN": a free address in NET/PLEN, HINT's host part if free */
bool why_free_addr(struct model *m, int family, const unsigned char *net,
		   int plen, const unsigned char *hint, char *buf, size_t len);
/* a gateway for NS towards X: another namespace's address on its subnet */
bool why_find_router(struct model *m, struct model_ns *ns,
		     const struct nsh_prefix *x, char *buf, size_t len);
/* the port missing from a bridge between FROM's segment and NEXT's */
bool why_cable_fix(struct model *m, struct model_ns *ns,
		   struct model_link *from, int family,
		   const unsigned char *next, char *fix, size_t flen,
		   char *cause, size_t clen);
/* the veth end that belongs in B but was left outside */
bool why_stray_fix(struct model *m, struct model_ns *a, struct model_ns *b,
		   char *fix, size_t len, char *end_at, size_t elen);

/* ------------------------------------------------------------ why: probe */

struct why_probe {
	bool answered;
	double rtt_ms;
	char what[300];		/* what came back, in words */
	char ksrc[64];		/* the source address the kernel picks */
	int neigh_before;	/* the next hop's NUD_* state (0: none), */
	int neigh_after;	/* before and after the probe */
};

/* act in NS of M for a while (undo with ns_pop); 0 or 1 after reporting */
int why_enter(struct nsh *sh, struct model *m, struct model_ns *ns,
	      struct nsh_ns *saved);
/* /proc/sys/net/KEY inside NS, or -1 */
int why_sysctl(struct nsh *sh, struct model *m, struct model_ns *ns,
	       const char *key);
double why_now_ms(void);
/* one ICMP echo from inside A to X, its answer within 1 s */
void why_probe(struct nsh *sh, struct model *m, struct model_ns *a,
	       const struct nsh_prefix *x, int oif, const unsigned char *next,
	       struct why_probe *pr);

/* ------------------------------------------------------------ the commands */

void show_json(struct model *m);
int cmd_show(struct nsh *sh, const struct nsh_args *a);
int cmd_show_topology(struct nsh *sh, const struct nsh_args *a);
int cmd_show_path(struct nsh *sh, const struct nsh_args *a);

#endif
