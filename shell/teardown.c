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
 * command that is not itself a namespace delete (or the end of the script,
 * or the prompt) waits for them.  Consecutive deletes are thus one batch
 * for the kernel, and nothing is deleted link by link (~20 ms each).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <netlink/netlink.h>
#include <netlink/cache.h>
#include <netlink/route/link.h>

#include "nsh.h"

struct pending {
	struct nsh_ns ns;	/* where the peer lives (own fd) */
	int ifindex;
	char name[16];
};

static struct pending *pend;
static int npend, cap;

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

/* the namespace NSID (as seen by socket SK) names, among the ones nsh can
 * reach: the current one, the home one, then every named one but SKIP */
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
	if (!d)
		return false;
	while ((de = readdir(d))) {
		char path[512];
		struct stat st;
		int fd;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, de->d_name);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (fstat(fd, &st) == 0 &&
		    !(st.st_dev == skip->dev && st.st_ino == skip->ino) &&
		    nl_get_nsid(sk, fd) == nsid) {
			memset(ret, 0, sizeof(*ret));
			ret->fd = fd;
			ret->dev = st.st_dev;
			ret->ino = st.st_ino;
			snprintf(ret->label, sizeof(ret->label), "%.*s",
				 (int)sizeof(ret->label) - 1, de->d_name);
			closedir(d);
			return true;
		}
		close(fd);
	}
	closedir(d);
	return false;
}

/* forget the pending peers that live in NS: they go with it, and holding
 * NS open to watch them would keep it alive */
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
}

void teardown_collect(struct nsh *sh, const struct nsh_ns *ns)
{
	struct nl_sock *sk;
	struct nl_cache *cache = NULL;
	struct nl_object *o;

	drop_in(ns);
	sk = ns_sock_in(sh, ns);

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

int teardown_wait(struct nsh *sh)
{
	struct timespec start, now;
	int rounds = 0;

	if (!npend)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &start);
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
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= 10) {
			char d[128];

			nsh_warn(sh, "link %d in %s is still there 10 s after "
				     "its namespace was deleted (a process "
				     "may still hold the namespace)",
				 pend[0].ifindex,
				 ns_desc(&pend[0].ns, d, sizeof(d)));
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
