/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ns_unname.c - `ip netns delete`: a name taken from /run/netns (the
 * namespace's veth peers noted for the wait of teardown.c), and the
 * processes that still hold a namespace (ns_procs).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "nsh.h"
#include "ns_priv.h"

int ns_procs(dev_t dev, ino_t ino,
	     int (*fn)(pid_t pid, const char *comm, void *ctx), void *ctx)
{
	_cleanup_(closedirp) DIR *d = opendir("/proc");
	struct dirent *e;
	pid_t self = getpid();

	while (d && (e = readdir(d))) {
		char path[300], comm[64] = "?";
		struct stat st;
		FILE *f;
		long pid = strtol(e->d_name, NULL, 10);
		int r;

		if (pid <= 0 || pid == self)
			continue;
		snprintf(path, sizeof(path), "/proc/%ld/ns/net", pid);
		if (stat(path, &st) < 0 || st.st_dev != dev || st.st_ino != ino)
			continue;
		snprintf(path, sizeof(path), "/proc/%ld/comm", pid);
		if ((f = fopen(path, "re"))) {
			if (fgets(comm, sizeof(comm), f))
				comm[strcspn(comm, "\n")] = '\0';
			fclose(f);
		}
		if ((r = fn((pid_t)pid, comm, ctx)))
			return r;
	}
	return 0;
}

struct holders {
	char *buf;
	size_t len, o;
	int n;
};

static int holder(pid_t pid, const char *comm, void *ctx)
{
	struct holders *h = ctx;

	if (h->n++ < 5 && h->o < h->len)
		h->o += (size_t)snprintf(h->buf + h->o, h->len - h->o,
					 "%s%d (%s)", h->n > 1 ? ", " : "",
					 (int)pid, comm);
	return 0;
}

/* the processes whose network namespace is (DEV, INO), as `ip netns pids`
 * lists them: "1234 (sleep), 5678 (bash)" in BUF; how many */
static int holders(dev_t dev, ino_t ino, char *buf, size_t len)
{
	struct holders h = { buf, len, 0, 0 };

	buf[0] = '\0';
	(void)ns_procs(dev, ino, holder, &h);
	if (h.n > 5 && h.o < len)
		snprintf(buf + h.o, len - h.o, " and %d more", h.n - 5);
	return h.n;
}

/* before the name PATH goes: when it is a namespace, refuse the one nsh
 * is in, else note its veth peers (for the wait) and drop its socket; *NS
 * is then its identity (ino 0: none), *KEEP a descriptor on it (to mount
 * it back).  0, or 1 after the error */
static int unname_look(struct nsh *sh, const char *path, const char *name,
		       const char *esc, struct nsh_ns *ns, int *keep)
{
	struct stat st;
	struct statfs sfs;
	int fd;

	if (lstat(path, &st) < 0)
		return nsh_err(sh, "'%s': no such namespace", esc);
	if (S_ISLNK(st.st_mode) || statfs(path, &sfs) < 0 ||
	    sfs.f_type != NSFS_MAGIC)
		return 0;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0 && ns_fill(ns, fd, name) == 0) {
		if (ns_same(ns, &sh->cur)) {
			close(fd);
			return nsh_err(sh, "'%s': cannot delete the namespace "
					   "nsh is in; 'leave' it first",
				       esc);
		}
		teardown_collect(sh, ns);
		teardown_hold(ns);
		ns_forget(sh, ns->dev, ns->ino);
	}
	*keep = fd;
	return 0;
}

/* unlink(PATH) failed (errno): the name stays as it was, what umount2
 * took mounted back from KEEP; 1 after the error */
static int unname_failed(struct nsh *sh, const char *path, const char *esc,
			 int keep)
{
	struct statfs sfs;
	char src[64];
	bool here;

	if (errno != EBUSY)
		return nsh_err(sh, "'%s': cannot remove %s: %s", esc, path,
			       strerror(errno));
	here = statfs(path, &sfs) == 0 && sfs.f_type == NSFS_MAGIC;
	snprintf(src, sizeof(src), "/proc/self/fd/%d", keep);
	if (keep >= 0)
		(void)mount(src, path, "none", MS_BIND, NULL);
	if (here)
		return nsh_err(sh, "'%s': %s is mounted more than once (umount "
				   "it, then delete)",
			       esc, path);
	return nsh_err(sh, "'%s': %s is still mounted in another mount "
			   "namespace (a container's, or a process's started "
			   "with unshare -m): the name stays",
		       esc, path);
}

/*
 * As ip, the name goes; but the namespace NS and its links live on while
 * processes hold it: say which.  The look through /proc costs a stat per
 * process: at the prompt always, in a script for its first 16 deletions
 * only (a teardown of 1000 namespaces must not pay 1000 of them).
 */
static void warn_holders(struct nsh *sh, const char *esc,
			 const struct nsh_ns *ns)
{
	static int looked;
	char procs[400];

	if (ns->ino && (sh->interactive || looked++ < 16) &&
	    holders(ns->dev, ns->ino, procs, sizeof(procs)) > 0)
		nsh_warn(sh, "'%s': the name is gone, but processes still "
			     "hold the namespace (its links stay until they "
			     "end): %s",
			 esc, procs);
}

int ns_unname(struct nsh *sh, const char *name)
{
	char path[PATH_MAX], esc[300];
	struct nsh_ns ns = { .fd = -1 };
	_cleanup_close_ int keep = -1;	/* to mount it back on EBUSY */
	int rc;

	str_escape(name, esc, sizeof(esc));
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	rc = unname_look(sh, path, name, esc, &ns, &keep);
	if (rc)
		return rc;
	(void)umount2(path, MNT_DETACH);
	if (unlink(path) < 0)
		return unname_failed(sh, path, esc, keep);
	journal_netns_gone(name);
	if (ns.ino)
		journal_links_ns_gone(ns.dev, ns.ino);
	warn_holders(sh, esc, &ns);
	return 0;
}
