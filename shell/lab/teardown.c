/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * teardown.c - wait until the kernel has really removed what a deleted
 * namespace held.
 *
 * Unmounting a namespace's name returns at once; the kernel destroys the
 * namespace later, in a batch on its cleanup workqueue, and only then do
 * the veth peers it held in other namespaces vanish (~30 ms here).  A
 * script that re-creates the same names on the next line would get
 * "File exists".  So `ip netns delete` notes those peers, and the next
 * command that needs it (not a namespace delete, not an `ip link delete`
 * of a link that is not such a peer; and the prompt) waits for them.
 * Consecutive deletes are thus one batch for the kernel, and nothing is
 * deleted link by link (~20 ms each).  The end of a script does not wait:
 * a later session that needs one of those names waits then
 * (teardown_settle).
 *
 * Finding the peers must cost next to nothing (a lab of 1000 namespaces is
 * deleted in well under a second), so a deleted namespace D is not
 * entered: one RTM_GETNSID asks the current namespace (and the home one)
 * which nsid it gives D, and a veth there whose peer is in D carries that
 * nsid as IFLA_LINK_NETNSID ("watched" namespaces).  The wait then opens
 * one socket per watched namespace, subscribed to link events, dumps its
 * veths once, and waits for the RTM_DELLINK of each one whose peer is in
 * a deleted namespace: its nsid is one of the noted ones, or -1 once the
 * kernel, destroying D, has forgotten D's nsid (a veth whose peer
 * namespace is alive always gets one).  The kernel unregisters all the
 * devices of the namespaces it destroys, and their peers wherever they
 * are, in one batch: once the watched peers are gone, so are D's others.
 * Only a namespace that neither the current nor the home namespace knows
 * by an nsid (no veth to them) is entered: its links are dumped, each
 * veth's peer namespace found among the named ones, and that peer polled.
 * (Not covered: a namespace that the current one knows by an nsid but no
 * longer shares a veth with, and that has a veth to a third namespace.)
 *
 * This file keeps the notes and runs the wait; the wait in one watched
 * namespace is teardown_watch.c.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <netlink/netlink.h>
#include <netlink/cache.h>
#include <netlink/route/link.h>

#include "nsh.h"
#include "probe.h"
#include "teardown_priv.h"

/* ------------------------------------------------------------ the notes */

/* a peer found by entering the deleted namespace: polled by ifindex */
struct pending {
	struct nsh_ns ns;	/* where the peer lives (own fd) */
	int ifindex;
	char name[16];
};

static struct pending *pend;
static int npend, cap;

/*
 * The deleted namespaces themselves, held open until the next wait: the
 * kernel then destroys them all in one batch, and until then its cleanup
 * work does not compete for the RTNL lock with the commands in between
 * (deleting a bridge detaches its ports one by one, each after an RCU
 * grace period: 40 ms for 100 ports, twice that if the cleanup of their
 * namespaces holds the lock first).  At exit they are closed with
 * everything else, and the kernel carries on alone.
 */
static struct intset held;


#define MAX_WATCH 4
static struct watch watches[MAX_WATCH];
static int nwatch;

void teardown_add(struct nsh *sh, const struct nsh_ns *where, int ifindex,
		  const char *name)
{
	struct pending *p;

	if (npend == cap) {
		struct pending *n = realloc(pend, sizeof(*n) * (cap ? cap * 2 : 16));

		if (!n)
			return;
		pend = n;
		cap = cap ? cap * 2 : 16;
	}
	p = &pend[npend];
	p->ns = *where;
	p->ns.held = false;	/* its socket is dropped by gone() */
	p->ns.fd = fcntl(where->fd, F_DUPFD_CLOEXEC, 3);
	if (p->ns.fd < 0)
		return;
	p->ifindex = ifindex;
	snprintf(p->name, sizeof(p->name), "%s", name ? name : "");
	npend++;
}

void teardown_hold(const struct nsh_ns *ns)
{
	/* out of descriptors: the namespace just goes at once */
	int fd = fcntl(ns->fd, F_DUPFD_CLOEXEC, 3);

	if (fd >= 0 && intset_add(&held, fd) < 0)
		close(fd);
}

void teardown_release(void)
{
	for (int i = 0; i < held.n; i++)
		close(held.v[i]);
	held.n = 0;
}

static void watch_free(struct watch *w)
{
	ns_close(&w->ns);
	free(w->nsids.v);
	memset(&w->nsids, 0, sizeof(w->nsids));
}

/* note that namespace WHERE gives a deleted namespace NSID: 0, or -1 */
static int watch_add(const struct nsh_ns *where, int nsid)
{
	struct watch *w = NULL;

	for (int i = 0; i < nwatch && !w; i++)
		if (ns_same(&watches[i].ns, where))
			w = &watches[i];
	if (!w) {
		if (nwatch == MAX_WATCH)
			return -1;
		w = &watches[nwatch];
		memset(w, 0, sizeof(*w));
		w->ns = *where;
		w->ns.held = false;	/* no cached socket is used */
		w->ns.fd = fcntl(where->fd, F_DUPFD_CLOEXEC, 3);
		if (w->ns.fd < 0)
			return -1;
		nwatch++;
	}
	if (intset_has(&w->nsids, nsid))
		return 0;
	return intset_add(&w->nsids, nsid);
}

/* a namespace a process of `spawn` holds that SK knows by NSID, not SKIP */
static bool find_spawned(struct nsh *sh, struct nl_sock *sk, int nsid,
			 const struct nsh_ns *skip, struct nsh_ns *ret)
{
	const char *labels[256];
	pid_t pids[256];
	int n = spawn_list(labels, pids, 256);

	for (int i = 0; i < n; i++) {
		char dir[64];

		snprintf(dir, sizeof(dir), "/proc/%d/ns", (int)pids[i]);
		if (ns_open_path(sh, dir, "net", labels[i], ret) < 0)
			continue;
		ret->held = true;
		if (!ns_same(ret, skip) && nl_get_nsid(sk, ret->fd) == nsid)
			return true;
		close(ret->fd);
	}
	return false;
}

/* the namespace NSID (as seen by socket SK) names, among the ones nsh can
 * reach: the current one, the home one, every named one but SKIP, then
 * those the processes of `spawn` hold */
static bool find_by_nsid(struct nsh *sh, struct nl_sock *sk, int nsid,
			 const struct nsh_ns *skip, struct nsh_ns *ret)
{
	DIR *d;
	struct dirent *de;

	if (nl_get_nsid(sk, sh->cur.fd) == nsid) {
		*ret = sh->cur;
		return true;
	}
	if (nl_get_nsid(sk, sh->home.fd) == nsid) {
		*ret = sh->home;
		return true;
	}
	d = opendir(NETNS_RUN_DIR);
	while (d && (de = readdir(d))) {
		if (de->d_name[0] == '.' ||
		    ns_open_path(sh, NETNS_RUN_DIR, de->d_name, de->d_name,
				 ret) < 0)
			continue;
		if (!ns_same(ret, skip) && nl_get_nsid(sk, ret->fd) == nsid) {
			closedir(d);
			return true;
		}
		close(ret->fd);
	}
	if (d)
		closedir(d);
	return find_spawned(sh, sk, nsid, skip, ret);
}

/* forget what lives in NS: it goes with it, and holding NS open to watch
 * it would keep it alive */
static void drop_in(const struct nsh_ns *ns)
{
	int keep = 0;

	for (int i = 0; i < npend; i++) {
		if (ns_same(&pend[i].ns, ns)) {
			ns_close(&pend[i].ns);
			continue;
		}
		pend[keep++] = pend[i];
	}
	npend = keep;
	keep = 0;
	for (int i = 0; i < nwatch; i++) {
		if (ns_same(&watches[i].ns, ns)) {
			watch_free(&watches[i]);
			continue;
		}
		watches[keep++] = watches[i];
	}
	nwatch = keep;
}

/* NS is known to neither the current nor the home namespace: enter it,
 * and note each veth's peer where it lives */
static void collect_inside(struct nsh *sh, const struct nsh_ns *ns)
{
	struct nl_sock *sk = ns_sock_in(sh, ns);
	struct nl_cache *cache = NULL;
	struct nl_object *o;

	if (!sk || rtnl_link_alloc_cache(sk, AF_UNSPEC, &cache) < 0)
		return;
	for (o = nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
		struct rtnl_link *l = (struct rtnl_link *)o;
		const char *kind = rtnl_link_get_type(l);
		int32_t nsid;
		struct nsh_ns where;

		if (!kind || !streq(kind, "veth") ||
		    rtnl_link_get_link_netnsid(l, &nsid) < 0 || nsid < 0)
			continue;
		if (!find_by_nsid(sh, sk, nsid, ns, &where))
			continue;
		teardown_add(sh, &where, rtnl_link_get_link(l), NULL);
		if (where.fd != sh->cur.fd && where.fd != sh->home.fd)
			close(where.fd);
	}
	nl_cache_free(cache);
}

void teardown_collect(struct nsh *sh, const struct nsh_ns *ns)
{
	const struct nsh_ns *by[2] = { &sh->cur, &sh->home };
	bool known = false;

	drop_in(ns);
	for (int i = 0; i < 2; i++) {
		struct nl_sock *sk;
		int nsid;

		if ((i == 1 && ns_same(&sh->home, &sh->cur)) ||
		    ns_same(by[i], ns))
			continue;
		sk = ns_sock_in(sh, by[i]);
		nsid = sk ? nl_get_nsid(sk, ns->fd) : -1;
		if (nsid >= 0 && watch_add(by[i], nsid) == 0)
			known = true;
	}
	if (!known)
		collect_inside(sh, ns);
}

bool teardown_may_be_peer(struct nsh *sh, const struct nsh_ns *ns,
			  int ifindex, const int *peer_nsid)
{
	for (int i = 0; i < npend; i++)
		if (pend[i].ifindex == ifindex && ns_same(&pend[i].ns, ns))
			return true;
	if (!peer_nsid)
		return false;
	for (int i = 0; i < nwatch; i++)
		if (ns_same(&watches[i].ns, ns) &&
		    (*peer_nsid < 0 || intset_has(&watches[i].nsids, *peer_nsid)))
			return true;
	return false;
}

/* ------------------------------------------------------------ waiting */

double teardown_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t0->tv_sec) +
	       (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
}

void teardown_warn_left(struct nsh *sh, const struct nsh_ns *ns,
			int ifindex)
{
	char d[128];

	nsh_warn(sh, "link %d in %s is still there %d s after its namespace "
		     "was deleted (a process may still hold the namespace)",
		 ifindex, ns_desc(ns, d, sizeof(d)), WAIT_SECONDS);
}


static bool gone(struct nsh *sh, struct pending *p)
{
	struct nl_sock *sk = ns_sock_in(sh, &p->ns);
	struct rtnl_link *l = NULL;
	int err;

	if (!sk)
		return true;
	err = rtnl_link_get_kernel(sk, p->ifindex, NULL, &l);
	if (l)
		rtnl_link_put(l);
	/* a socket in another namespace would pin it: do not keep one */
	if (!ns_same(&p->ns, &sh->cur) && !ns_same(&p->ns, &sh->home))
		ns_forget(sh, p->ns.dev, p->ns.ino);
	return err < 0;
}

/* poll the peers noted one by one until gone, up to START + WAIT_SECONDS */
static int pending_wait(struct nsh *sh, const struct timespec *start)
{
	int rounds = 0;

	for (;;) {
		int keep = 0;

		for (int i = 0; i < npend; i++) {
			if (gone(sh, &pend[i])) {
				ns_close(&pend[i].ns);
				continue;
			}
			pend[keep++] = pend[i];
		}
		npend = keep;
		if (!npend)
			return 0;
		if (teardown_since(start) >= WAIT_SECONDS || nsh_interrupted) {
			if (!nsh_interrupted)
				teardown_warn_left(sh, &pend[0].ns,
						   pend[0].ifindex);
			for (int i = 0; i < npend; i++)
				ns_close(&pend[i].ns);
			npend = 0;
			return 1;
		}
		/* 1 ms, then 2, 4 … up to 16 ms between polls */
		struct timespec ts = { 0, 1000000L << (rounds < 4 ? rounds : 4) };

		nanosleep(&ts, NULL);
		rounds++;
	}
}

/*
 * A namespace's deletion is only as final as the kernel makes it: the
 * session that deleted it (or ip) may have exited before the peers went.
 * Such a peer is recognised without any note: its IFLA_LINK_NETNSID is -1
 * once the kernel has forgotten the dying namespace's nsid, and before that
 * the nsid no longer resolves to a live namespace.  One more case: a
 * process that exits frees its netlink sockets only after an RCU grace
 * period, and a socket holds its namespace, so a namespace deleted just
 * before its deleter exited still resolves for a few milliseconds.  A peer
 * whose nsid resolves, but to no namespace nsh can name, is therefore
 * watched for SETTLE_MS before it is taken for a live one (2.5 s: a
 * loaded machine, or a sanitizer build, has seen the kernel's cleanup of
 * 50 namespaces take more than one).
 */
#define SETTLE_MS 2500

/* whether NSID (as SK sees it) is a namespace nsh can name */
static bool nsid_named(struct nsh *sh, struct nl_sock *sk, int nsid)
{
	struct nsh_ns none = { .fd = -1 }, found;

	if (!find_by_nsid(sh, sk, nsid, &none, &found))
		return false;
	if (found.fd != sh->cur.fd && found.fd != sh->home.fd)
		close(found.fd);
	return true;
}

bool teardown_settle(struct nsh *sh, const struct nsh_ns *ns,
		     struct rtnl_link *l)
{
	struct nl_sock *sk = ns_sock_in(sh, ns);
	int ifindex = rtnl_link_get_ifindex(l);
	struct timespec start;
	int32_t nsid;

	if (!sk || rtnl_link_get_link_netnsid(l, &nsid) < 0)
		return false;
	if (nsid >= 0 && nsid_named(sh, sk, nsid))
		return false;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (int round = 0; nsid >= 0 && nl_nsid_alive(sk, nsid); round++) {
		struct rtnl_link *now = NULL;
		bool peer_elsewhere;

		if (teardown_since(&start) * 1000 >= SETTLE_MS ||
		    nsh_interrupted)
			return false;
		/* 1 ms, then 2, 4 … up to 16 ms between looks */
		struct timespec ts = { 0, 1000000L << (round < 4 ? round : 4) };

		nanosleep(&ts, NULL);
		if (rtnl_link_get_kernel(sk, ifindex, NULL, &now) < 0)
			return true;	/* gone meanwhile */
		peer_elsewhere = rtnl_link_get_link_netnsid(now, &nsid) == 0;
		rtnl_link_put(now);
		if (!peer_elsewhere)
			return false;
	}
	teardown_add(sh, ns, ifindex, rtnl_link_get_name(l));
	return teardown_wait(sh) == 0;
}

int teardown_wait(struct nsh *sh)
{
	struct timespec start;
	int rc = 0;

	teardown_release();
	if (!npend && !nwatch)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (int i = 0; i < nwatch; i++) {
		if (!rc)
			rc = teardown_watch_wait(sh, &watches[i], &start);
		watch_free(&watches[i]);
	}
	nwatch = 0;
	if (pending_wait(sh, &start))
		rc = 1;
	return rc;
}

