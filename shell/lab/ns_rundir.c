/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ns_rundir.c - naming a namespace in /run/netns as iproute2 does
 * (ip-netns(8)): the shared mount point, `ip netns add` (ns_create) and
 * `ip netns attach` (ns_attach), from inside `ip netns exec` too.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "nsh.h"
#include "ns_priv.h"

/*
 * PATH exists: true if it is (or within 200 ms becomes) a namespace, false
 * if it stays a plain file, a stale entry.  Another `ip netns add` of the
 * same name creates the file before it mounts the namespace on it: that
 * moment is no stale entry.
 */
static bool entry_settles(const char *path)
{
	for (int i = 0; i < 20; i++) {
		struct statfs sfs;
		struct stat st;

		if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode) ||
		    (statfs(path, &sfs) == 0 && sfs.f_type == NSFS_MAGIC))
			return true;
		usleep(10000);
	}
	return false;
}

/*
 * Make NETNS_RUN_DIR a shared mount point, exactly as iproute2's
 * netns_add() does and under the same flock on the directory, so that the
 * first `ip netns add` of nsh and of ip never race (Debian #949235): a
 * recursive self-bind (MS_REC keeps other tools' entries) when it is not a
 * mount point yet, then MS_SHARED so the entries are seen by every mount
 * namespace that shares it.
 */
static int run_dir_setup(struct nsh *sh)
{
	static bool done;
	bool made = false;
	int lock, rc = 0;

	if (done)
		return 0;
	if (mkdir(NETNS_RUN_DIR, 0755) < 0 && errno != EEXIST)
		return nsh_err(sh, "cannot create %s: %s", NETNS_RUN_DIR,
			       strerror(errno));
	lock = open(NETNS_RUN_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (lock >= 0 && flock(lock, LOCK_EX) < 0)
		nsh_warn(sh, "cannot lock %s: %s", NETNS_RUN_DIR,
			 strerror(errno));
	while (mount("", NETNS_RUN_DIR, "none", MS_SHARED | MS_REC, NULL)) {
		if (errno != EINVAL || made) {
			rc = nsh_err(sh, "cannot make %s a shared mount: %s",
				     NETNS_RUN_DIR, strerror(errno));
			break;
		}
		if (mount(NETNS_RUN_DIR, NETNS_RUN_DIR, "none",
			  MS_BIND | MS_REC, NULL)) {
			rc = nsh_err(sh, "cannot bind %s onto itself: %s",
				     NETNS_RUN_DIR, strerror(errno));
			break;
		}
		made = true;
		journal_rundir();
	}
	if (lock >= 0)
		close(lock);
	done = rc == 0;
	return rc;
}

/*
 * Under `ip netns exec` (or any mount namespace made with MS_SLAVE),
 * NETNS_RUN_DIR is a slave of the outer one: the entry file is made on the
 * shared tmpfs, but a bind mount made here never propagates back, so the
 * outer world sees a mode-0, 0-byte file that `ip netns exec` cannot use
 * (issue 14 failure 6).  The bind is then made in the mount namespace
 * NETNS_RUN_DIR receives its mounts from, found among nsh's ancestors (the
 * shell that ran `ip netns exec`): from there it propagates to every copy,
 * this one included.
 */

/* the peer groups of NETNS_RUN_DIR in PID's mount namespace: SHARED of
 * "shared:N", MASTER of "master:N" (0: none); -errno */
static int run_dir_groups(pid_t pid, int *shared, int *master)
{
	char path[64], line[4096], mp[4096];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/mountinfo", (int)pid);
	if (!(f = fopen(path, "re")))
		return -errno;
	*shared = *master = 0;
	while (fgets(line, sizeof(line), f)) {
		char *tok, *save = NULL, *end = strstr(line, " - ");
		int i = 0;

		if (sscanf(line, "%*s %*s %*s %*s %4095s", mp) != 1 ||
		    strcmp(mp, NETNS_RUN_DIR) || !end)
			continue;
		*end = '\0';
		*shared = *master = 0;	/* the last (topmost) mount wins */
		for (tok = strtok_r(line, " ", &save); tok;
		     tok = strtok_r(NULL, " ", &save))
			if (i++ >= 6) {
				(void)sscanf(tok, "shared:%d", shared);
				(void)sscanf(tok, "master:%d", master);
			}
	}
	fclose(f);
	return 0;
}

static pid_t parent_of(pid_t pid)
{
	char path[64], buf[512], *p;
	FILE *f;
	int ppid = 0;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if (!(f = fopen(path, "re")))
		return 0;
	if (fgets(buf, sizeof(buf), f) && (p = strrchr(buf, ')')))
		(void)sscanf(p + 1, " %*c %d", &ppid);
	fclose(f);
	return ppid;
}

/* where entries must be bound: -1 for this mount namespace, an open fd of
 * the ancestor's mount namespace NETNS_RUN_DIR is a slave of, or -2 when
 * it is a slave of one nsh cannot find.  Looked up once (a session's
 * mount namespace stays; 1000 adds must not read mountinfo 1000 times) */
static int run_dir_find_master(void);

static int run_dir_master(void)
{
	static int fd = -3;

	if (fd == -3)
		fd = run_dir_find_master();
	return fd;
}

static int run_dir_find_master(void)
{
	int shared = 0, master = 0, s, m;
	pid_t p;

	if (run_dir_groups(getpid(), &shared, &master) < 0 || !master)
		return -1;
	for (p = getppid(); p > 0; p = parent_of(p))
		if (run_dir_groups(p, &s, &m) == 0 && s == master) {
			char path[64];
			int fd;

			snprintf(path, sizeof(path), "/proc/%d/ns/mnt", (int)p);
			fd = open(path, O_RDONLY | O_CLOEXEC);
			return fd >= 0 ? fd : -2;
		}
	return -2;
}

static int run_dir_foreign(struct nsh *sh, const char *name)
{
	return nsh_err(sh, "'%s': %s here is a copy of another mount "
			   "namespace's (as under ip netns exec) and nsh "
			   "cannot find that one: a namespace made here "
			   "would be an empty, unusable file there",
		       name, NETNS_RUN_DIR);
}

int ns_create(struct nsh *sh, const char *name)
{
	char path[PATH_MAX];
	int mntfd, fd;

	if (run_dir_setup(sh))
		return 1;
	if ((mntfd = run_dir_master()) == -2)
		return run_dir_foreign(sh, name);
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	/* journal first: a SIGKILL at any point leaves nothing unrecorded */
	journal_netns(name, NULL);
	/* O_EXCL: never check-then-create; mode 0 as iproute2 */
	fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (fd < 0) {
		journal_netns_gone(name);
		if (errno == EEXIST) {
			if (!entry_settles(path))
				return nsh_err(sh, "'%s': a stale entry (a "
						   "plain file, not a "
						   "namespace) has this name; "
						   "remove it with 'ip netns "
						   "delete %s'",
					       name, name);
			return nsh_err(sh, "'%s': namespace already exists",
				       name);
		}
		return nsh_err(sh, "'%s': cannot create %s: %s", name, path,
			       strerror(errno));
	}
	close(fd);
	if (unshare(CLONE_NEWNET) < 0) {
		int e = errno;

		unlink(path);
		journal_netns_gone(name);
		return nsh_err(sh, "'%s': cannot create a network namespace: "
				   "%s%s",
			       name, strerror(e),
			       e == ENOSPC ? " (see user.max_net_namespaces)"
			       : e == EPERM ? " (are you root?)"
					    : "");
	}
	journal_netns(name, "/proc/thread-self/ns/net");
	fd = ns_bind_entry(mntfd, "/proc/thread-self/ns/net", path);
	if (fd < 0) {
		int e = -fd;

		ns_setns_or_die(sh->cur.fd);
		unlink(path);
		journal_netns_gone(name);
		return nsh_err(sh, "'%s': cannot bind the namespace to %s: %s",
			       name, path, strerror(e));
	}
	ns_setns_or_die(sh->cur.fd);
	return 0;
}

int ns_attach(struct nsh *sh, const char *name, pid_t pid)
{
	char path[PATH_MAX], src[64];
	int mntfd, fd;

	if (run_dir_setup(sh))
		return 1;
	if ((mntfd = run_dir_master()) == -2)
		return run_dir_foreign(sh, name);
	snprintf(src, sizeof(src), "/proc/%d/ns/net", (int)pid);
	if (access(src, F_OK) < 0)
		return nsh_err(sh, "'%d': no such process", (int)pid);
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	journal_netns(name, src);
	fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (fd < 0 && errno == EEXIST)
		journal_netns_gone(name);
	if (fd < 0)
		return nsh_err(sh, "'%s': %s", name,
			       errno == EEXIST ? "namespace already exists"
					       : strerror(errno));
	close(fd);
	fd = ns_bind_entry(mntfd, src, path);
	if (fd < 0) {
		int e = -fd;

		unlink(path);
		journal_netns_gone(name);
		return nsh_err(sh, "'%s': cannot bind %s: %s", name, src,
			       strerror(e));
	}
	return 0;
}
