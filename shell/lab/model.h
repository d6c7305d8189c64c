/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model.h - the live model: every network namespace nsh can see (the host
 * and the named ones in /run/netns), with their links, addresses and
 * routes, kept current by netlink events.
 *
 * Objects are keyed by namespace identity (nsfs device + inode) and
 * ifindex, never by name.  The model holds no fd or socket in any
 * namespace but the host's, so it never keeps a deleted namespace alive.
 * It reads only memory: completion and the show views never wait on the
 * kernel.  It is loaded on first use (at start for the interactive
 * prompt), so scripts that never look at it do not pay for it.
 */
#ifndef NSH_MODEL_H
#define NSH_MODEL_H

#include <poll.h>
#include <stdbool.h>
#include <sys/types.h>

#include "nsh.h"

struct model_link {
	int ifindex;
	char name[16];
	char kind[16];		/* "veth", "bridge", "" for lo/physical */
	char slave_kind[16];	/* "bridge" for a bridge port */
	unsigned flags;		/* IFF_UP, IFF_LOWER_UP, … */
	unsigned char operstate;	/* IF_OPER_* */
	unsigned mtu;
	unsigned char mac[6];
	bool has_mac;
	int master;		/* ifindex of the bridge, 0 for none */
	int peer_ifindex;	/* IFLA_LINK: the veth peer, 0 for none */
	int peer_nsid;		/* IFLA_LINK_NETNSID, -1: same namespace */
};

struct model_addr {
	int ifindex;
	int family;
	unsigned char addr[16];
	int plen;
	int scope;
	unsigned flags;		/* IFA_F_*: permanent, nodad, tentative, … */
	unsigned char brd[4];	/* IPv4 broadcast address, if has_brd */
	bool has_brd;
	char label[16];		/* IPv4 label (the link's name by default) */
};

struct model_route {
	int family;
	unsigned char dst[16];
	int dst_len;		/* 0: default */
	unsigned char gw[16];
	bool has_gw;
	int oif;
	unsigned table;
	int protocol;
	int scope;
	int type;
	unsigned priority;
	unsigned char prefsrc[16];	/* the source it prefers, if has_prefsrc */
	bool has_prefsrc;
	bool onlink;		/* RTNH_F_ONLINK: gateway on the link as is */
};

struct model_ns {
	dev_t dev;
	ino_t ino;
	char name[256];		/* "" for the host; else its /run/netns name,
				 * or the label `spawn` gave it */
	pid_t pid;		/* held by a process only: its lowest PID */
	char pidlabel[24];	/* "pid 1234" (model_ns_set_pid) */
	char comm[16];		/* and that process's command */
	int nsid;		/* its nsid in the host namespace, -1 if none */
	struct model_link *links;
	int nlinks, caplinks;
	struct model_addr *addrs;
	int naddrs, capaddrs;
	struct model_route *routes;
	int nroutes, caproutes;
	bool seen;		/* scratch for rescans */
	bool dirty;		/* needs a fresh dump */
};

struct model {
	struct model_ns **ns;	/* ns[0] is the host */
	int nns, capns;
	unsigned long events;	/* netlink events applied */
	unsigned long resyncs;	/* full reloads after an overrun */
};

/* What changed (for `watch`, and the step-by-step diff). */
enum model_what {
	MODEL_NS_ADD, MODEL_NS_DEL,
	MODEL_LINK_ADD, MODEL_LINK_DEL, MODEL_LINK_CHANGE,
	MODEL_ADDR_ADD, MODEL_ADDR_DEL,
	MODEL_ROUTE_ADD, MODEL_ROUTE_DEL,
};

struct model_change {
	enum model_what what;
	const struct model_ns *ns;
	const struct model_link *old, *link;	/* links: before, after */
	const struct model_addr *addr;
	const struct model_route *route;
};

typedef void (*model_listen_fn)(void *ctx, const struct model_change *ch);

/* ---------------------------------------------------------------- use */

/*
 * model_get - the model, loaded on first call and brought up to date (the
 * pending events applied, /run/netns rescanned if it changed).  NULL only
 * when it cannot be loaded (reported).
 */
struct model *model_get(struct nsh *sh);
/* the model if loaded (no update), else NULL */
struct model *model_peek(void);
void model_fini(void);
/* in a forked nsh: drop the model (its copy of the memory is freed; the
 * parent's event sockets are closed, not read): model_get() then makes a
 * new one */
void model_forget(void);

struct model_ns *model_ns_find(struct model *m, dev_t dev, ino_t ino);
struct model_ns *model_ns_by_name(struct model *m, const char *name);
/* the namespace SH acts in now (SH->cur), or NULL if not in the model */
struct model_ns *model_ns_cur(struct model *m, struct nsh *sh);
/*
 * model_ns_ref - the one reading of a namespace reference against the
 * model: a /run/netns name (or another name of the same namespace), a
 * `spawn` label, "host" (when no namespace is called that), or the PID of
 * a process in one.  NULL with *WHY saying which rule failed (callers word
 * it; *BAD is check_netns_ref's reason for MODEL_REF_BAD).
 */
enum model_ref_why {
	MODEL_REF_NONE,		/* no such namespace */
	MODEL_REF_BAD,		/* not a namespace reference at all */
	MODEL_REF_NO_PROCESS,	/* a PID, but no such process */
	MODEL_REF_NOT_MODELLED,	/* a process's namespace, not modelled */
};
struct model_ns *model_ns_ref(struct model *m, const char *ref,
			      enum model_ref_why *why, const char **bad);
/*
 * model_ns_open - an nsfs handle on NS (ns_close it): through its name,
 * else its holder's PID; each opened file checked to be NS by device and
 * inode (a name reused for another namespace must not be taken for it).
 * 0, or -errno (-ESTALE: the namespace changed).  The one way from the
 * model to the kernel's namespace.
 */
int model_ns_open(struct nsh *sh, const struct model_ns *ns,
		  struct nsh_ns *ret);
struct model_link *model_link_by_index(struct model_ns *ns, int ifindex);
struct model_link *model_link_by_name(struct model_ns *ns, const char *name);
/*
 * model_peer - the other end of veth L in NS: its namespace and link, found
 * by mutual ifindex across the namespaces of the model.  false if unknown.
 */
bool model_peer(struct model *m, struct model_ns *ns,
		const struct model_link *l, struct model_ns **ret_ns,
		struct model_link **ret);
/* "ns1", "host", or "pid 1234" for an unnamed process-held namespace */
const char *model_ns_label(const struct model_ns *ns);

void model_listen(model_listen_fn fn, void *ctx);
void model_unlisten(model_listen_fn fn, void *ctx);

/* ---------------------------------------------------------------- the loop */

/*
 * The file descriptors the prompt must poll (the event socket and
 * /proc/self/mountinfo), with their events; returns how many (<= MAX).
 * model_ready() handles what FDS (the caller's poll results, or NULL)
 * reported, and anything else pending, without blocking.
 */
int model_pollfds(struct pollfd *fds, int max);
void model_ready(struct nsh *sh, const struct pollfd *fds, int nfds);

/* ---------------------------------------------------------------- internal */

/* shell/lab/model.c: updates, called by the netlink side */
struct model_ns *model_ns_add(struct model *m, dev_t dev, ino_t ino,
			      const char *name);
void model_ns_del(struct model *m, struct model_ns *ns);
void model_ns_clear(struct model_ns *ns);
void model_ns_set_pid(struct model_ns *ns, pid_t pid);
void model_link_set(struct model_ns *ns, const struct model_link *l);
void model_link_del(struct model_ns *ns, int ifindex);
void model_addr_set(struct model_ns *ns, const struct model_addr *a, bool add);
void model_route_set(struct model_ns *ns, const struct model_route *r,
		     bool add);
void model_emit(const struct model_change *ch);
/* one rtnetlink message of NS into the model: 1 applied, 0 not a model
 * message (shell/lab/model_msg.c, for model_nl.c's event loop and the
 * fuzz target) */
struct nlmsghdr;
int model_apply(struct model_ns *ns, struct nlmsghdr *h);
/* the nsid VIEWER gives TARGET (cached; -1 unknown): model_nl.c */
int model_nsid_in(struct model_ns *viewer, struct model_ns *target);
struct model *model_alloc(void);
void model_free(struct model *m);

#endif
