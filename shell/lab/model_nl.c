/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model_nl.c - where the model's facts come from.
 *
 * - One rtnetlink socket in the host namespace, with
 *   NETLINK_LISTEN_ALL_NSID, receives the link, address and route events
 *   of every namespace that has an nsid in the host namespace; the
 *   ancillary data names the source (none: the host itself).  So each
 *   namespace the model learns about is given an nsid (as
 *   `ip netns set NAME auto` would) before it is dumped: events between
 *   the two are replayed after the dump, and replaying in order converges.
 *   1000 namespaces need no more sockets than one.
 * - A dump of one namespace opens a socket inside it for the time of the
 *   dump only, so the model never pins a namespace.
 * - /run/netns is rescanned when the mount table changes: every
 *   `ip netns add/delete` (nsh's or anyone's) is a mount or an unmount, and
 *   /proc/self/mountinfo reports those by poll(POLLPRI).  (An inotify
 *   watch on the directory would be blinded by the first `ip netns add`,
 *   which bind-mounts the directory over itself: pyroute2 #694.)
 * - An overrun (ENOBUFS) or an interrupted dump reloads everything.
 * - A namespace is known by its nsfs inode, and the kernel hands a dead
 *   namespace's inode number to the next one made: the host's RTM_DELNSID
 *   (sent before the number is freed) drops the dead one from the model,
 *   so a new namespace under an old number is never taken for the old one
 *   (with the old one's nsid, which its events do not carry).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <linux/if.h>
#include <linux/net_namespace.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/cache.h>
#include <netlink/msg.h>
#include <netlink/route/link.h>
#include <netlink/route/addr.h>
#include <netlink/route/route.h>
#include <netlink/route/rtnl.h>

#include "model.h"
#include "probe.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

static struct model *M;
static int evfd = -1;	/* all-nsid event socket, host namespace */
static int mntfd = -1;	/* /proc/self/mountinfo */
static bool need_resync;
static bool need_rescan;	/* a namespace the model showed has died */

static void nsids_forget(ino_t ino);

struct model *model_peek(void)
{
	return M;
}

/* ------------------------------------------------------------ objects */

static void from_link(struct rtnl_link *l, struct model_link *m)
{
	struct nl_addr *a = rtnl_link_get_addr(l);
	const char *s;
	int32_t nsid;

	memset(m, 0, sizeof(*m));
	m->ifindex = rtnl_link_get_ifindex(l);
	snprintf(m->name, sizeof(m->name), "%s",
		 rtnl_link_get_name(l) ? rtnl_link_get_name(l) : "");
	if ((s = rtnl_link_get_type(l)))
		snprintf(m->kind, sizeof(m->kind), "%s", s);
	if ((s = rtnl_link_get_slave_type(l)))
		snprintf(m->slave_kind, sizeof(m->slave_kind), "%s", s);
	m->flags = rtnl_link_get_flags(l);
	m->operstate = rtnl_link_get_operstate(l);
	m->mtu = rtnl_link_get_mtu(l);
	if (a && nl_addr_get_len(a) == 6) {
		memcpy(m->mac, nl_addr_get_binary_addr(a), 6);
		m->has_mac = true;
	}
	m->master = rtnl_link_get_master(l);
	m->peer_ifindex = rtnl_link_get_link(l);
	m->peer_nsid = rtnl_link_get_link_netnsid(l, &nsid) == 0 ? nsid : -1;
	/* a link that is its own lower link has none; a peer in another
	 * namespace may well have the same number */
	if (m->peer_ifindex == m->ifindex && m->peer_nsid < 0)
		m->peer_ifindex = 0;
}

static void copy_addr(struct nl_addr *a, unsigned char *out)
{
	unsigned len = a ? nl_addr_get_len(a) : 0;

	memset(out, 0, 16);
	if (len > 16)
		len = 16;
	if (len)
		memcpy(out, nl_addr_get_binary_addr(a), len);
}

static void from_addr(struct rtnl_addr *a, struct model_addr *m)
{
	struct nl_addr *brd = rtnl_addr_get_broadcast(a);
	const char *s;

	memset(m, 0, sizeof(*m));
	m->ifindex = rtnl_addr_get_ifindex(a);
	m->family = rtnl_addr_get_family(a);
	copy_addr(rtnl_addr_get_local(a), m->addr);
	m->plen = rtnl_addr_get_prefixlen(a);
	m->scope = rtnl_addr_get_scope(a);
	m->flags = rtnl_addr_get_flags(a);
	if (m->family == AF_INET && brd && nl_addr_get_len(brd) == 4) {
		memcpy(m->brd, nl_addr_get_binary_addr(brd), 4);
		m->has_brd = true;
	}
	if (m->family == AF_INET && (s = rtnl_addr_get_label(a)))
		snprintf(m->label, sizeof(m->label), "%s", s);
}

/* route R as seen through its nexthop NH (see apply) */
static void from_route(struct rtnl_route *r, int nh_i, struct model_route *m)
{
	struct nl_addr *dst = rtnl_route_get_dst(r);
	struct nl_addr *src = rtnl_route_get_pref_src(r);

	memset(m, 0, sizeof(*m));
	m->family = rtnl_route_get_family(r);
	copy_addr(dst, m->dst);
	m->dst_len = dst ? (int)nl_addr_get_prefixlen(dst) : 0;
	m->table = rtnl_route_get_table(r);
	m->protocol = rtnl_route_get_protocol(r);
	m->scope = rtnl_route_get_scope(r);
	m->type = rtnl_route_get_type(r);
	m->priority = rtnl_route_get_priority(r);
	if (src && nl_addr_get_len(src) <= 16) {
		copy_addr(src, m->prefsrc);
		m->has_prefsrc = true;
	}
	if (rtnl_route_get_nnexthops(r) > nh_i) {
		struct rtnl_nexthop *nh = rtnl_route_nexthop_n(r, nh_i);
		struct nl_addr *gw = rtnl_route_nh_get_gateway(nh);

		m->oif = rtnl_route_nh_get_ifindex(nh);
		/* not RTNH_F_LINKDOWN or DEAD: those change without a word */
		m->onlink = rtnl_route_nh_get_flags(nh) & RTNH_F_ONLINK;
		if (gw) {
			copy_addr(gw, m->gw);
			m->has_gw = true;
		}
	}
}

/*
 * Links to re-read after the batch of events (refresh_links): changes the
 * kernel makes to a link without announcing them, or only later.
 * - A veth end that moves or is created changes its peer's view (the
 *   peer's IFLA_LINK and link netnsid) without a word.
 * - A veth end going up or down switches its peer's carrier at once, but
 *   linkwatch announces it (and the operstate) only later.
 * - A port whose carrier changes, or that joins or leaves a bridge,
 *   switches the bridge's carrier; linkwatch announces that up to a second
 *   later (the bridge is no urgent event).
 */
#define MAX_REFRESH 64

static struct {
	dev_t dev;
	ino_t ino;
	int ifindex;
} refresh[MAX_REFRESH];
static int nrefresh;

static void want_refresh(const struct model_ns *ns, int ifindex)
{
	if (!ifindex)
		return;
	for (int i = 0; i < nrefresh; i++)
		if (refresh[i].ifindex == ifindex && refresh[i].dev == ns->dev &&
		    refresh[i].ino == ns->ino)
			return;
	if (nrefresh < MAX_REFRESH)
		refresh[nrefresh++] = (typeof(refresh[0])){ ns->dev, ns->ino,
							    ifindex };
}

static void want_peer_refresh(struct model_ns *ns, const struct model_link *l)
{
	if (!M || !l->peer_ifindex)
		return;
	for (int i = 0; i < M->nns; i++) {
		struct model_link *p =
			model_link_by_index(M->ns[i], l->peer_ifindex);

		/* even one that points back at us: its link netnsid may be
		 * stale (the end moved, keeping its number) */
		/* in any namespace, its own too (a peer moved back beside
		 * it): only the link itself is not its own peer */
		if (!p || !streq(p->kind, "veth") ||
		    (M->ns[i] == ns && p->ifindex == l->ifindex))
			continue;
		want_refresh(M->ns[i], p->ifindex);
	}
}

/* L (as the kernel says it now) into NS; its bridge, old and new, is
 * re-read when L's carrier or master changed */
static void link_update(struct model_ns *ns, const struct model_link *l)
{
	const struct model_link *old = model_link_by_index(ns, l->ifindex);
	const unsigned carrier = IFF_LOWER_UP | IFF_RUNNING;

	/* (a new link, or one just moved here, is down: no carrier) */
	if (old && (old->master != l->master ||
		    ((old->flags ^ l->flags) & carrier) ||
		    old->operstate != l->operstate)) {
		want_refresh(ns, old->master);
		want_refresh(ns, l->master);
	}
	model_link_set(ns, l);
}

/* apply one libnl object to NS; ADD false for a deletion */
static void apply(struct model_ns *ns, struct nl_object *o, bool add)
{
	const char *type = nl_object_get_type(o);

	if (streq(type, "route/link")) {
		struct model_link l;

		from_link((struct rtnl_link *)o, &l);
		if (add && streq(l.kind, "veth"))
			want_peer_refresh(ns, &l);
		if (add) {
			link_update(ns, &l);
		} else {
			const struct model_link *old =
				model_link_by_index(ns, l.ifindex);

			if (old)	/* a port gone: its bridge's carrier */
				want_refresh(ns, old->master);
			model_link_del(ns, l.ifindex);
		}
	} else if (streq(type, "route/addr")) {
		struct model_addr a;

		from_addr((struct rtnl_addr *)o, &a);
		model_addr_set(ns, &a, add);
	} else if (streq(type, "route/route")) {
		struct rtnl_route *rt = (struct rtnl_route *)o;
		int n = rtnl_route_get_nnexthops(rt);

		/* libnl's cache merges one prefix on several devices (every
		 * fe80::/64) into one route with several nexthops: the model
		 * keeps one route per device */
		for (int i = 0; i < (n > 0 ? n : 1); i++) {
			struct model_route r;

			from_route(rt, i, &r);
			if (r.table == RT_TABLE_LOCAL)
				return;
			model_route_set(ns, &r, add);
		}
	}
}

/* ------------------------------------------------------------ dumps */

static void apply_cache(struct model_ns *ns, struct nl_cache *c)
{
	for (struct nl_object *o = nl_cache_get_first(c); o;
	     o = nl_cache_get_next(o))
		apply(ns, o, true);
	nl_cache_free(c);
}

struct parse_ctx {
	struct model_ns *ns;
	bool add;
};

static void parse_cb(struct nl_object *o, void *arg)
{
	struct parse_ctx *p = arg;

	apply(p->ns, o, p->add);
}

static int route_msg(struct nl_msg *msg, void *arg)
{
	(void)nl_msg_parse(msg, parse_cb, arg);
	return NL_OK;
}

/*
 * Dump the routes of the namespace of SK into NS, message by message:
 * libnl's route cache keeps one object per (table, prefix, metric), so
 * the fe80::/64 of each link but one would be lost.
 */
static int dump_routes(struct nl_sock *sk, struct model_ns *ns)
{
	struct parse_ctx p = { .ns = ns, .add = true };
	struct nl_cb *orig = nl_socket_get_cb(sk), *cb = nl_cb_clone(orig);
	int err;

	nl_cb_put(orig);
	if (!cb)
		return -1;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, route_msg, &p);
	err = nl_rtgen_request(sk, RTM_GETROUTE, AF_UNSPEC, NLM_F_DUMP);
	if (err >= 0)
		err = nl_recvmsgs(sk, cb);
	nl_cb_put(cb);
	return err < 0 ? -1 : 0;
}

/* dump NS, whose nsfs fd is FD, into the model (a socket inside it for
 * the time of the dump); 0 or -1 */
static int load_ns(struct nsh *sh, struct model_ns *ns, int fd)
{
	struct nl_sock *sk;
	struct nl_cache *c;
	int rc = -1;

	/* the socket stays in the namespace it was made in */
	sk = ns_nl_sock_fd(sh, fd);
	if (sk) {
		model_ns_clear(ns);
		for (int tries = 0; tries < 5 && rc < 0; tries++) {
			/* NLE_DUMP_INTR: changed during the dump, again */
			model_ns_clear(ns);
			if (rtnl_link_alloc_cache(sk, AF_UNSPEC, &c) < 0)
				continue;
			apply_cache(ns, c);
			if (rtnl_addr_alloc_cache(sk, &c) < 0)
				continue;
			apply_cache(ns, c);
			if (dump_routes(sk, ns) < 0)
				continue;
			rc = 0;
		}
		nl_socket_free(sk);
	}
	ns->dirty = rc < 0;
	return rc;
}

/* RTM_NEWNSID: let the kernel pick an nsid for the namespace FD */
static void set_nsid(struct nl_sock *sk, int fd)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_NEWNSID, NLM_F_REQUEST);

	if (!msg)
		return;
	if (nlmsg_append(msg, &g, sizeof(g), NLMSG_ALIGNTO) == 0 &&
	    nla_put_u32(msg, NETNSA_FD, (uint32_t)fd) == 0 &&
	    nla_put_s32(msg, NETNSA_NSID, -1) == 0 &&
	    nl_send_auto(sk, msg) >= 0)
		(void)nl_wait_for_ack(sk);
	nlmsg_free(msg);
}

/* the nsid of namespace FD in the host namespace, assigning one if none */
static int ensure_nsid(struct nsh *sh, int fd)
{
	struct nl_sock *sk = ns_sock_in(sh, &sh->home);
	struct stat st;
	int id;

	/* never the host itself (its own nsid would be no use) */
	if (!sk || fstat(fd, &st) < 0 ||
	    (st.st_dev == sh->home.dev && st.st_ino == sh->home.ino))
		return -1;
	id = nl_get_nsid(sk, fd);
	if (id < 0) {
		set_nsid(sk, fd);
		id = nl_get_nsid(sk, fd);
	}
	return id;
}

/* ------------------------------------------------------------ /run/netns */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static struct timespec last_procs;

/*
 * Namespaces held only by processes (as `lsns -t net` finds them), among
 * the processes that share nsh's mount namespace: in a sandbox the rest
 * of the machine lives in the real host's namespaces, which are no part
 * of the lab.  Marks what it finds as seen.
 */
static void scan_procs(struct nsh *sh)
{
	struct stat mnt, st, fst;
	DIR *d;
	struct dirent *de;

	static pid_t opids[256];		/* other sessions' spawns */
	static char olabels[256][64];
	int nothers;

	clock_gettime(CLOCK_MONOTONIC, &last_procs);
	if (stat("/proc/self/ns/mnt", &mnt) < 0 || !(d = opendir("/proc")))
		return;
	nothers = journal_spawns(opids, olabels, 256);
	while ((de = readdir(d))) {
		char path[300];
		struct model_ns *ns;
		pid_t pid = (pid_t)atoi(de->d_name);
		const char *label;
		int fd;

		if (pid <= 0 || pid == getpid())
			continue;
		snprintf(path, sizeof(path), "/proc/%d/ns/mnt", (int)pid);
		if (stat(path, &st) < 0 || st.st_ino != mnt.st_ino ||
		    st.st_dev != mnt.st_dev)
			continue;
		snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)pid);
		if (stat(path, &st) < 0)
			continue;
		ns = model_ns_find(M, st.st_dev, st.st_ino);
		label = spawn_label_of(pid);
		for (int i = 0; !label && i < nothers; i++)
			if (opids[i] == pid)
				label = olabels[i];
		if (ns) {
			if (ns->pid && (!ns->seen || pid < ns->pid))
				model_ns_set_pid(ns, pid);
			if (ns->pid && !ns->name[0] && label)
				snprintf(ns->name, sizeof(ns->name), "%s", label);
			ns->seen = true;
			continue;
		}
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		/* the process may have changed namespace since (`ip netns
		 * add` goes back to its own after the bind mount): the fd
		 * must be the namespace the entry is for */
		if (fstat(fd, &fst) < 0 || fst.st_ino != st.st_ino ||
		    fst.st_dev != st.st_dev) {
			close(fd);
			continue;
		}
		ns = model_ns_add(M, st.st_dev, st.st_ino, label ? label : "");
		model_ns_set_pid(ns, pid);
		snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
		FILE *f = fopen(path, "re");

		if (f) {
			if (fgets(ns->comm, sizeof(ns->comm), f))
				ns->comm[strcspn(ns->comm, "\n")] = '\0';
			fclose(f);
		}
		ns->nsid = ensure_nsid(sh, fd);
		load_ns(sh, ns, fd);
		close(fd);
		ns->seen = true;
	}
	closedir(d);
}

/* add the namespaces that appeared in NETNS_RUN_DIR or were created by a
 * process, drop the ones that lost their last name and process */
static void rescan(struct nsh *sh)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *de;
	char **names = NULL;
	int n = 0;

	for (int i = 0; i < M->nns; i++)
		M->ns[i]->seen = i == 0;
	while (d && (de = readdir(d))) {
		char **nv;

		if (de->d_name[0] == '.' &&
		    (!de->d_name[1] || streq(de->d_name, "..")))
			continue;
		nv = realloc(names, sizeof(*names) * (size_t)(n + 1));
		if (!nv)
			break;
		names = nv;
		names[n++] = strdup(de->d_name);
	}
	if (d)
		closedir(d);
	if (n > 1)
		qsort(names, (size_t)n, sizeof(*names), cmp_str);
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX];
		struct model_ns *ns;
		struct stat st;
		int fd;

		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, names[i]);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		/* a stale plain file is no namespace: nsfs has its own dev */
		if (fd < 0 || fstat(fd, &st) < 0 || st.st_dev != sh->home.dev) {
			if (fd >= 0)
				close(fd);
			continue;
		}
		ns = model_ns_find(M, st.st_dev, st.st_ino);
		if (ns && ns->pid && !ns->seen) {
			/* a process's namespace that got a name */
			ns->pid = 0;
			snprintf(ns->name, sizeof(ns->name), "%s", names[i]);
		}
		if (!ns) {
			ns = model_ns_add(M, st.st_dev, st.st_ino, names[i]);
			ns->nsid = ensure_nsid(sh, fd);
			load_ns(sh, ns, fd);
		} else if (ns != M->ns[0] && ns->nsid < 0) {
			/* no nsid yet (or a dead one's entry under a reused
			 * inode number): its events cannot reach us */
			ns->nsid = ensure_nsid(sh, fd);
			load_ns(sh, ns, fd);
		}
		if (ns != M->ns[0] && !ns->seen && !streq(ns->name, names[i])) {
			/* first name in order wins when there are several */
			snprintf(ns->name, sizeof(ns->name), "%s", names[i]);
		}
		ns->seen = true;
		close(fd);
	}
	scan_procs(sh);
	for (int i = M->nns - 1; i > 0; i--)
		if (!M->ns[i]->seen) {
			/* gone: nsh must not keep it alive with a socket */
			ns_forget(sh, M->ns[i]->dev, M->ns[i]->ino);
			nsids_forget(M->ns[i]->ino);
			model_ns_del(M, M->ns[i]);
		}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* an nsfs fd for NS (close it), through its process or its name */
/* PATH opened, when it is the namespace NS: the fd, or -errno */
static int open_checked(const char *path, const struct model_ns *ns)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_CLOEXEC), e;

	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) < 0) {
		e = errno;
		close(fd);
		return -e;
	}
	if (st.st_dev != ns->dev || st.st_ino != ns->ino) {
		close(fd);
		return -ESTALE;
	}
	return fd;
}

int model_ns_open(struct nsh *sh, const struct model_ns *ns,
		  struct nsh_ns *ret)
{
	char path[PATH_MAX];
	int fd = -ENOENT;

	if (ns->dev == sh->home.dev && ns->ino == sh->home.ino) {
		fd = fcntl(sh->home.fd, F_DUPFD_CLOEXEC, 3);
		if (fd < 0)
			return -errno;
		*ret = sh->home;
		ret->fd = fd;
		return 0;
	}
	if (ns->name[0] && !strchr(ns->name, '/')) {
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, ns->name);
		fd = open_checked(path, ns);
	}
	/* a name that hides a label, or none: the holder's namespace */
	if (fd < 0 && ns->pid) {
		snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)ns->pid);
		fd = open_checked(path, ns);
	}
	if (fd < 0)
		return fd;
	*ret = (struct nsh_ns){ .fd = fd, .dev = ns->dev, .ino = ns->ino,
				.held = ns->pid != 0 };
	snprintf(ret->label, sizeof(ret->label), "%s", model_ns_label(ns));
	return 0;
}

/* an nsfs fd for NS (checked), or -1 */
static int ns_open(const struct model_ns *ns, struct nsh *sh)
{
	struct nsh_ns h;

	return model_ns_open(sh, ns, &h) < 0 ? -1 : h.fd;
}

/* reload every namespace (after an overrun) */
static void resync(struct nsh *sh)
{
	need_resync = false;
	M->resyncs++;
	for (int i = M->nns - 1; i >= 0; i--) {
		struct model_ns *ns = M->ns[i];
		struct nl_sock *sk = ns_sock_in(sh, &sh->home);
		int fd = ns_open(ns, sh);

		/* the events lost may have told of its death (and its inode
		 * number may be another namespace's now) */
		if (i > 0 && (fd < 0 || !sk || nl_get_nsid(sk, fd) != ns->nsid)) {
			ns_forget(sh, ns->dev, ns->ino);
			nsids_forget(ns->ino);
			model_ns_del(M, ns);
		} else if (fd >= 0) {
			load_ns(sh, ns, fd);
		}
		if (fd >= 0)
			close(fd);
	}
	rescan(sh);
}

/* ------------------------------------------------------------ events */

static struct model_ns *ns_by_nsid(int nsid)
{
	if (nsid < 0)
		return M->ns[0];
	for (int i = 1; i < M->nns; i++)
		if (M->ns[i]->nsid == nsid)
			return M->ns[i];
	return NULL;
}

static int ns_open(const struct model_ns *ns, struct nsh *sh);

static struct nsh *model_sh;	/* the session the model belongs to */

/* nsids as other namespaces see them: (viewer, target) -> nsid */
#define NSID_CACHE 256

static struct {
	ino_t viewer, target;
	int nsid;
} nsids[NSID_CACHE];
static int nnsids, nsids_next;

static void nsids_forget(ino_t ino)
{
	for (int i = 0; i < nnsids; i++)
		if (nsids[i].viewer == ino || nsids[i].target == ino)
			nsids[i].viewer = nsids[i].target = 0;
}

int model_nsid_in(struct model_ns *viewer, struct model_ns *target)
{
	struct nsh *sh = model_sh;
	int vfd, tfd, id = -1;

	if (viewer == M->ns[0])
		return target->nsid;
	for (int i = 0; i < nnsids; i++)
		if (nsids[i].viewer == viewer->ino &&
		    nsids[i].target == target->ino)
			return nsids[i].nsid;
	vfd = ns_open(viewer, sh);
	tfd = ns_open(target, sh);
	if (vfd >= 0 && tfd >= 0) {
		struct nl_sock *sk = ns_nl_sock_fd(sh, vfd);

		if (sk) {
			id = nl_get_nsid(sk, tfd);
			nl_socket_free(sk);
		}
	}
	if (vfd >= 0)
		close(vfd);
	if (tfd >= 0)
		close(tfd);
	nsids[nsids_next].viewer = viewer->ino;
	nsids[nsids_next].target = target->ino;
	nsids[nsids_next].nsid = id;
	nsids_next = (nsids_next + 1) % NSID_CACHE;
	if (nnsids < NSID_CACHE)
		nnsids++;
	return id;
}

/* re-read the links noted by want_refresh, each with one request (the
 * list may grow meanwhile: a peer's carrier is its bridge's) */
static void refresh_links(struct nsh *sh)
{
	for (int i = 0; i < nrefresh; i++) {
		struct model_ns *ns = model_ns_find(M, refresh[i].dev,
						    refresh[i].ino);
		struct rtnl_link *l = NULL;
		struct nl_sock *sk;
		int fd;

		if (!ns)
			continue;
		fd = ns_open(ns, sh);
		if (fd < 0)
			continue;
		sk = ns_nl_sock_fd(sh, fd);
		if (sk && rtnl_link_get_kernel(sk, refresh[i].ifindex, NULL,
					       &l) == 0) {
			struct model_link m;

			from_link(l, &m);
			link_update(ns, &m);
			rtnl_link_put(l);
		}
		if (sk)
			nl_socket_free(sk);
		close(fd);
	}
	nrefresh = 0;
}

/* the host's RTM_DELNSID messages in BUF (R bytes): the namespaces with
 * those nsids have died; drop them, and look at /run/netns again (a new
 * namespace may have taken a dead one's inode number already) */
static void nsids_dead(struct nsh *sh, const char *buf, ssize_t r)
{
	for (const struct nlmsghdr *h = (const struct nlmsghdr *)buf;
	     NLMSG_OK(h, r); h = NLMSG_NEXT(h, r)) {
		const struct rtattr *a;
		int len, id = -1;

		if (h->nlmsg_type != RTM_DELNSID ||
		    h->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtgenmsg)))
			continue;
		len = (int)h->nlmsg_len - NLMSG_SPACE(sizeof(struct rtgenmsg));
		for (a = (const struct rtattr *)((const char *)NLMSG_DATA(h) +
			 NLMSG_ALIGN(sizeof(struct rtgenmsg)));
		     RTA_OK(a, len); a = RTA_NEXT(a, len))
			if (a->rta_type == NETNSA_NSID &&
			    RTA_PAYLOAD(a) >= sizeof(int32_t))
				memcpy(&id, RTA_DATA(a), sizeof(int32_t));
		for (int i = M->nns - 1; id >= 0 && i > 0; i--) {
			struct model_ns *ns = M->ns[i];

			if (ns->nsid != id)
				continue;
			ns_forget(sh, ns->dev, ns->ino);
			nsids_forget(ns->ino);
			model_ns_del(M, ns);
			need_rescan = true;
		}
	}
}


/*
 * model_apply - one rtnetlink message H of namespace NS into the model
 * (drain's step; tests/fuzz/fuzz-model.c feeds it too): 1 when it was a
 * change the model keeps, else 0.
 */
int model_apply(struct model_ns *ns, struct nlmsghdr *h)
{
	struct parse_ctx p = { .ns = ns };
	struct nl_msg *msg;

	/* a bridge's per-port messages (family AF_BRIDGE) describe the
	 * port's bridging, not the link: their DELLINK only says it left
	 * its bridge (libnl cannot tell: it calls a bridge device
	 * AF_BRIDGE too) */
	if ((h->nlmsg_type == RTM_NEWLINK || h->nlmsg_type == RTM_DELLINK) &&
	    h->nlmsg_len >= NLMSG_LENGTH(sizeof(struct ifinfomsg)) &&
	    ((struct ifinfomsg *)NLMSG_DATA(h))->ifi_family == AF_BRIDGE)
		return 0;
	switch (h->nlmsg_type) {
	case RTM_NEWLINK: case RTM_NEWADDR: case RTM_NEWROUTE:
		p.add = true;
		break;
	case RTM_DELLINK: case RTM_DELADDR: case RTM_DELROUTE:
		p.add = false;
		break;
	default:
		return 0;
	}
	msg = nlmsg_convert(h);
	if (!msg)
		return 0;
	/* libnl finds the parser by protocol and type */
	nlmsg_set_proto(msg, NETLINK_ROUTE);
	(void)nl_msg_parse(msg, parse_cb, &p);
	nlmsg_free(msg);
	return 1;
}

/* read every pending event without blocking */
static void drain(struct nsh *sh)
{
	char buf[65536], cbuf[CMSG_SPACE(sizeof(int))];

	for (;;) {
		struct iovec iov = { buf, sizeof(buf) };
		struct sockaddr_nl from = { 0 };
		struct msghdr mh = { .msg_name = &from,
				     .msg_namelen = sizeof(from),
				     .msg_iov = &iov, .msg_iovlen = 1,
				     .msg_control = cbuf,
				     .msg_controllen = sizeof(cbuf) };
		struct model_ns *ns;
		int nsid = -1;
		ssize_t r = recvmsg(evfd, &mh, MSG_DONTWAIT);

		if (r < 0) {
			if (errno == ENOBUFS) {
				need_resync = true;
				continue;
			}
			if (errno == EINTR)
				continue;
			refresh_links(sh);
			return;
		}
		for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c;
		     c = CMSG_NXTHDR(&mh, c))
			if (c->cmsg_level == SOL_NETLINK &&
			    c->cmsg_type == NETLINK_LISTEN_ALL_NSID)
				memcpy(&nsid, CMSG_DATA(c), sizeof(nsid));
		/* any process may send to this socket: only the kernel's
		 * word counts (libnl loops on some malformed messages) */
		if (from.nl_pid != 0)
			continue;
		ns = ns_by_nsid(nsid);
		if (!ns)
			continue;	/* a namespace the model does not show */
		if (ns == M->ns[0])
			nsids_dead(sh, buf, r);
		for (struct nlmsghdr *h = (struct nlmsghdr *)buf;
		     NLMSG_OK(h, r); h = NLMSG_NEXT(h, r))
			M->events += (unsigned long)model_apply(ns, h);
	}
}

/* the model's one listener: the host's rtnetlink events of every
 * namespace with an nsid (LISTEN_ALL_NSID) */
static int open_event_socket(struct nsh *sh)
{
	static const int groups[] = { RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR,
				      RTNLGRP_IPV6_IFADDR, RTNLGRP_IPV4_ROUTE,
				      RTNLGRP_IPV6_ROUTE, RTNLGRP_NSID };
	const struct events_opts o = { .groups = groups,
				       .ngroups = ARRAY_SIZE(groups),
				       .rcvbuf = 8 << 20, .nonblock = true,
				       .all_nsid = true };
	int fd = ns_events_open(sh, &sh->home, &o, NULL);

	if (fd < 0) {
		errno = -fd;	/* model_get reports it */
		return -1;
	}
	return fd;
}

/* ------------------------------------------------------------ public */

struct model *model_get(struct nsh *sh)
{
	if (M) {
		model_ready(sh, NULL, 0);
		return M;
	}
	M = model_alloc();
	model_sh = sh;
	evfd = open_event_socket(sh);
	if (evfd < 0) {
		nsh_err(sh, "cannot listen to netlink events: %s",
			strerror(errno));
		model_free(M);
		M = NULL;
		return NULL;
	}
	mntfd = open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
	model_ns_add(M, sh->home.dev, sh->home.ino, "");
	load_ns(sh, M->ns[0], sh->home.fd);
	rescan(sh);
	drain(sh);
	return M;
}

int model_pollfds(struct pollfd *fds, int max)
{
	int n = 0;

	if (!M)
		return 0;
	if (evfd >= 0 && n < max)
		fds[n++] = (struct pollfd){ .fd = evfd, .events = POLLIN };
	if (mntfd >= 0 && n < max)
		fds[n++] = (struct pollfd){ .fd = mntfd, .events = POLLPRI };
	return n;
}

void model_ready(struct nsh *sh, const struct pollfd *fds, int nfds)
{
	struct pollfd p = { .fd = mntfd, .events = POLLPRI };
	bool mounts = false;

	if (!M)
		return;
	/* poll() on mountinfo reports a change once: the caller's poll may
	 * already have seen it */
	for (int i = 0; i < nfds; i++)
		if (fds[i].fd == mntfd && (fds[i].revents & POLLPRI))
			mounts = true;
	if (!mounts && mntfd >= 0 && poll(&p, 1, 0) > 0 &&
	    (p.revents & POLLPRI))
		mounts = true;
	drain(sh);
	/* processes come and go without an event: look again each second */
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec - last_procs.tv_sec >= 1 + (now.tv_nsec < last_procs.tv_nsec))
		mounts = true;
	/* the mount table changed: a namespace came or went */
	if (mounts || need_rescan) {
		need_rescan = false;
		rescan(sh);
		drain(sh);
	}
	if (need_resync)
		resync(sh);
}

void model_fini(void)
{
	if (evfd >= 0)
		close(evfd);
	if (mntfd >= 0)
		close(mntfd);
	evfd = mntfd = -1;
	model_free(M);
	M = NULL;
}

void model_forget(void)
{
	if (evfd >= 0)
		close(evfd);
	if (mntfd >= 0)
		close(mntfd);
	evfd = mntfd = -1;
	model_free(M);	/* this copy's memory only */
	M = NULL;
	need_resync = need_rescan = false;
	nrefresh = 0;
}
