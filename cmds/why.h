/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * why.h - the interfaces between the parts of `why`: the command and its
 * answer (why.c), the checks of the ends (why_ends.c) and along the path
 * (why_path.c), the fixes' words (why_fix.c), and the probe and the
 * readers that enter a namespace (why_probe.c); `expect` reads sysctls
 * through why_sysctl().  Only why_enter(), why_sysctl() and why_probe()
 * enter a namespace; the rest reads the model.
 */
#ifndef NSH_WHY_H
#define NSH_WHY_H

#include <stdbool.h>
#include <stddef.h>

#include "nsh.h"
#include "model.h"
#include "path.h"

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
/* the destination of route H as `ip route` names it: "10.0.2.0/24", or
 * "default" (for no route at all too: the one to add); BUF of 64 bytes */
const char *why_route_dst(const struct path_route *h, char *buf, size_t len);

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
/* one ICMP echo from inside A to X, its answer within 1 s */
void why_probe(struct nsh *sh, struct model *m, struct model_ns *a,
	       const struct nsh_prefix *x, int oif, const unsigned char *next,
	       struct why_probe *pr);

/* ------------------------------------------------------------ why: checks */

/* where a check sits on the path: the failure that comes first is the
 * cause; hops are 0…n-1, a carrier lost comes after every link down */
enum {
	POS_ROUTE = -2, POS_GW,
	POS_CARRIER = 500,	/* + the hop */
	POS_END = 1000,		/* at the target */
	POS_BACK = 2000,	/* the way back */
};

struct check {
	char name[96];
	char detail[400];
	bool ok;
	bool hard;		/* a failure here explains a lost probe */
	int pos;
	char cause[400];
	char fix[400];		/* "" when nsh knows none */
};

struct why {
	struct nsh *sh;
	struct model *m;
	struct model_ns *a, *b;		/* B: the target namespace or NULL */
	struct nsh_prefix x;		/* the address probed */
	bool has_x;
	char xs[64];
	struct model_ns *owner;		/* who has X, if anyone */
	struct model_link *owner_link;
	const struct model_addr *src;	/* A's source address */
	int src_check;			/* its check */
	struct path_route rt;		/* A's route to X */
	bool has_rt;
	struct path fwd;		/* A to X */
	struct path l2;			/* A to B: bridges and cables only */
	struct check c[64];
	int nc;
	char then[400];			/* a second step of the fix */
	struct why_probe pr;		/* the probe */
};

/* a check at POS on the path: OK or not, NAME, its detail FMT… */
struct check *why_check(struct why *w, int pos, bool ok, const char *name,
			const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* C failed: the probe is lost because of FMT…; FIX repairs it (NULL:
 * nothing nsh knows) */
void why_blame(struct check *c, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* why_ends.c: B's address to probe (W->x), when B is a namespace */
void why_pick_target(struct why *w);
/* why_ends.c: the addresses at both ends, A's route and its gateway */
void why_check_ends(struct why *w);

/* why_path.c: every hop of P (state, carrier, cable or bridge, each
 * router's forwarding and rp_filter) */
void why_check_hops(struct why *w, const struct path *p);
/* why_path.c: what the path finder found broken besides the links */
void why_check_breaks(struct why *w);
/* why_path.c: the way back from the target, and rp_filter */
void why_check_back(struct why *w);
/* why_path.c: after the probe, the evidence: A's neighbour entry (its
 * check in *NB_CHECK) and bridge netfilter (the first hop in *NF_HOP) */
void why_check_evidence(struct why *w, int *nf_hop, int *nb_check);

#endif
