/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ns.c - network namespaces: resolving names and PIDs, switching the
 * process between them, one rtnetlink socket per namespace, and the
 * /run/netns layout shared with iproute2 (ip-netns(8)).
 *
 * nsh is single-threaded, so setns() on the process is safe; the process
 * netns is always SH->cur.  A netlink socket talks to the namespace it was
 * opened in, so sockets are cached per namespace (a few, least recently
 * used first out: 1000 namespaces must not need 1000 sockets) and dropped
 * when a namespace loses its name, so nsh never pins a deleted namespace.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>

#include "nsh.h"


/* ------------------------------------------------------------ handles */

static int ns_fill(struct nsh_ns *ns, int fd, const char *label)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -1;
	ns->fd = fd;
	ns->held = false;
	ns->dev = st.st_dev;
	ns->ino = st.st_ino;
	snprintf(ns->label, sizeof(ns->label), "%.*s",
		 (int)sizeof(ns->label) - 1, label);
	return 0;
}

int ns_init(struct nsh *sh)
{
	int fd = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);

	if (fd < 0 || ns_fill(&sh->home, fd, "") < 0) {
		fprintf(stderr, "nsh: cannot open /proc/self/ns/net: %s (is "
				"/proc mounted? does the kernel have network "
				"namespaces?)\n",
			strerror(errno));
		return -1;
	}
	sh->cur = sh->home;
	sh->cur.fd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	return sh->cur.fd < 0 ? -1 : 0;
}

bool ns_same(const struct nsh_ns *a, const struct nsh_ns *b)
{
	return a->dev == b->dev && a->ino == b->ino;
}

void ns_close(struct nsh_ns *ns)
{
	/* a socket cached in a process's namespace would keep it (and its
	 * veths) alive after the process ends */
	if (ns->held)
		ns_forget(NULL, ns->dev, ns->ino);
	if (ns->fd >= 0)
		close(ns->fd);
	ns->fd = -1;
}

int ns_open_path(struct nsh *sh, const char *dir, const char *name,
		 const char *label, struct nsh_ns *ret)
{
	char path[PATH_MAX];
	struct statfs sfs;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstatfs(fd, &sfs) < 0 || sfs.f_type != NSFS_MAGIC ||
	    ns_fill(ret, fd, label) < 0) {
		close(fd);
		return -1;
	}
	return 0;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

const char *ns_missing_hint(const char *ref)
{
	size_t n = strlen(ref);

	if (n > 2 && ref[0] == '<' && ref[n - 1] == '>')
		return " (the tutorial's placeholder: 'spawn ns1' makes a "
		       "process-held namespace and names it)";
	return "";
}

/* open /proc/PID/ns/net as a held namespace labelled LABEL: 0 or -errno */
static int open_pid(pid_t pid, const char *label, struct nsh_ns *ret)
{
	char path[64];
	int fd, e;

	snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (ns_fill(ret, fd, label) < 0) {
		e = errno;
		close(fd);
		return -e;
	}
	ret->held = true;
	return 0;
}

/* the label of the namespace of PID REF: a spawned holder's label names
 * it (the prompt says nsh[h1]>, not nsh[pid 7261]>), else "pid REF" */
static void pid_label(const char *ref, char *buf, size_t len)
{
	const char *l = spawn_label_of((pid_t)atoi(ref));

	if (l)
		snprintf(buf, len, "%s", l);
	else
		snprintf(buf, len, "pid %s", ref);
}

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

/* REF as a name in NETNS_RUN_DIR: 0, or -errno (-EMEDIUMTYPE: a stale
 * plain file there) */
static int open_name(struct nsh *sh, const char *ref, struct nsh_ns *ret)
{
	char path[PATH_MAX];
	struct statfs sfs;
	int fd, e;

	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, ref);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (ns_fill(ret, fd, ref) < 0) {
		e = errno;
		close(fd);
		return -e;
	}
	/* every namespace file is on nsfs, where the home one is: only
	 * another device needs the file system's type looked at */
	if (ret->dev != sh->home.dev &&
	    (fstatfs(fd, &sfs) < 0 || sfs.f_type != NSFS_MAGIC)) {
		close(fd);
		ret->fd = -1;
		return -EMEDIUMTYPE;
	}
	return 0;
}

int ns_lookup(struct nsh *sh, const char *ref, unsigned flags,
	      struct nsh_ns *ret)
{
	char label[300];
	pid_t pid;
	int n, rc;

	/* the label of a PID's namespace ("pid 1234"), as ns_lookup gave */
	if ((flags & NS_REF_PIDLABEL) && sscanf(ref, "pid %d", &n) == 1 &&
	    n > 0)
		return open_pid((pid_t)n, ref, ret);
	if (check_netns_ref(ref))
		return -EINVAL;
	rc = open_name(sh, ref, ret);
	if (rc != -ENOENT)
		return rc;
	/* a label of `spawn`, this session's or (from its journal) another
	 * live session's: the namespace of its process */
	if (!all_digits(ref) &&
	    ((pid = spawn_find(ref)) || (pid = journal_find_spawn(ref))))
		return open_pid(pid, ref, ret) < 0 ? -ESRCH : 0;
	if (!(flags & NS_REF_PID) || !all_digits(ref))
		return -ENOENT;
	pid_label(ref, label, sizeof(label));
	rc = open_pid((pid_t)atoi(ref), label, ret);
	return rc == -ENOENT ? -ESRCH : rc;
}

int ns_resolve(struct nsh *sh, const char *ref, bool allow_pid,
	       struct nsh_ns *ret)
{
	char esc[300], path[PATH_MAX];
	const char *bad = check_netns_ref(ref);
	int rc;

	str_escape(ref, esc, sizeof(esc));
	if (bad)
		return nsh_err(sh, "'%s': %s", esc, bad);
	rc = ns_lookup(sh, ref, allow_pid ? NS_REF_PID : 0, ret);
	if (rc == 0)
		return 0;
	if (rc == -ESRCH && !all_digits(ref))
		return nsh_err(sh, "'%s': its process is gone", esc);
	if (rc == -ESRCH)
		return nsh_err(sh, "'%s': no namespace and no process of that "
				   "name", esc);
	if (rc == -ENOENT)
		return nsh_err(sh, "'%s': no such namespace%s", esc,
			       ns_missing_hint(ref));
	if (rc == -EMEDIUMTYPE)
		return nsh_err(sh, "'%s': stale entry in %s (a plain file, "
				   "not a namespace); remove it with "
				   "'ip netns delete %s'",
			       esc, NETNS_RUN_DIR, esc);
	/* the file that could not be opened: the name's, else the PID's */
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, ref);
	if (allow_pid && all_digits(ref) && access(path, F_OK) < 0)
		snprintf(path, sizeof(path), "/proc/%s/ns/net", ref);
	return nsh_err(sh, "'%s': cannot open %s: %s", esc, path,
		       strerror(-rc));
}

/* ------------------------------------------------------------ switching */

/*
 * The one place the process changes its network namespace.  nsh is
 * single-threaded (setns(CLONE_NEWNET) acts on the calling thread only):
 * keep it so.  Every way in is paired with ns_back, which returns to
 * SH->cur or ends the process: nsh must never act in the wrong namespace.
 */
static int ns_enter_fd(int fd)
{
	return setns(fd, CLONE_NEWNET) < 0 ? -errno : 0;
}

static void ns_setns_or_die(int fd)
{
	if (setns(fd, CLONE_NEWNET) < 0) {
		/* the process would act in the wrong namespace: stop now */
		fprintf(stderr, "nsh: cannot return to the previous network "
				"namespace: %s\n",
			strerror(errno));
		_exit(70);
	}
}

int ns_call_fd(struct nsh *sh, int fd, int (*fn)(void *), void *arg)
{
	int rc = ns_enter_fd(fd);

	if (rc < 0)
		return rc;
	rc = fn(arg);
	ns_setns_or_die(sh->cur.fd);
	return rc;
}

int ns_call(struct nsh *sh, const struct nsh_ns *ns, int (*fn)(void *),
	    void *arg)
{
	if (ns_same(ns, &sh->cur))
		return fn(arg);
	return ns_call_fd(sh, ns->fd, fn, arg);
}

int ns_enter_child(const struct nsh_ns *ns)
{
	return ns_enter_fd(ns->fd);
}

struct sock_args {
	int domain, type, protocol;
};

static int sock_in_cb(void *arg)
{
	const struct sock_args *a = arg;
	int fd = socket(a->domain, a->type | SOCK_CLOEXEC, a->protocol);

	return fd < 0 ? -errno : fd;
}

int ns_socket_fd(struct nsh *sh, int nsfd, int domain, int type,
		 int protocol)
{
	struct sock_args a = { domain, type, protocol };

	return ns_call_fd(sh, nsfd, sock_in_cb, &a);
}

int ns_socket_in(struct nsh *sh, const struct nsh_ns *ns, int domain,
		 int type, int protocol)
{
	struct sock_args a = { domain, type, protocol };

	return ns_call(sh, ns, sock_in_cb, &a);
}

int ns_push_own(struct nsh *sh, struct nsh_ns *ns, struct nsh_ns *saved)
{
	int err = ns_enter_fd(ns->fd);

	if (err < 0) {
		char d[128];

		return nsh_err(sh, "cannot enter %s: %s",
			       ns_desc(ns, d, sizeof(d)), strerror(-err));
	}
	*saved = sh->cur;
	sh->cur = *ns;
	ns->fd = -1;
	return 0;
}

int ns_push(struct nsh *sh, struct nsh_ns *ns, struct nsh_ns *saved)
{
	struct nsh_ns next = *ns;
	int rc;

	next.fd = fcntl(ns->fd, F_DUPFD_CLOEXEC, 3);
	if (next.fd < 0)
		return nsh_err(sh, "%s", strerror(errno));
	rc = ns_push_own(sh, &next, saved);
	if (rc)
		close(next.fd);
	return rc;
}

void ns_pop(struct nsh *sh, struct nsh_ns *saved)
{
	ns_setns_or_die(saved->fd);
	ns_close(&sh->cur);	/* drops the socket of a held namespace */
	sh->cur = *saved;
	saved->fd = -1;
}

/* ------------------------------------------------------------ sockets */

#define SOCK_CACHE 8

static struct {
	struct nl_sock *sk;
	dev_t dev;
	ino_t ino;
	unsigned long used;
} cache[SOCK_CACHE];
static unsigned long cache_clock;

/* a connected rtnetlink socket of libnl, set up by nl_sock_setup (extended
 * acks), in the current namespace; NULL with *ERR (-NLE_*) */
static struct nl_sock *nl_sock_open(int *err)
{
	struct nl_sock *sk = nl_socket_alloc();

	if (!sk) {
		*err = -NLE_NOMEM;
		return NULL;
	}
	*err = nl_connect(sk, NETLINK_ROUTE);
	if (*err < 0) {
		nl_socket_free(sk);
		return NULL;
	}
	nl_sock_setup(sk);
	return sk;
}

struct nl_open_args {
	struct nl_sock *sk;
	int err;
};

static int nl_open_cb(void *arg)
{
	struct nl_open_args *a = arg;

	a->sk = nl_sock_open(&a->err);
	return 0;
}

struct nl_sock *ns_nl_sock_fd(struct nsh *sh, int nsfd)
{
	struct nl_open_args a = { NULL, 0 };

	return ns_call_fd(sh, nsfd, nl_open_cb, &a) < 0 ? NULL : a.sk;
}

/* the cached socket of namespace NS, opening it (inside NS) if needed */
static struct nl_sock *sock_get(struct nsh *sh, const struct nsh_ns *ns)
{
	struct nl_open_args a = { NULL, 0 };
	int slot = 0, rc;

	for (int i = 0; i < SOCK_CACHE; i++) {
		if (cache[i].sk && cache[i].dev == ns->dev &&
		    cache[i].ino == ns->ino) {
			cache[i].used = ++cache_clock;
			return cache[i].sk;
		}
		if (!cache[i].sk || cache[i].used < cache[slot].used)
			slot = i;
		if (!cache[i].sk)
			break;
	}
	if (cache[slot].sk)
		nl_socket_free(cache[slot].sk);
	rc = ns_call(sh, ns, nl_open_cb, &a);
	if (rc < 0) {
		char d[128];

		nsh_err(sh, "cannot enter %s: %s", ns_desc(ns, d, sizeof(d)),
			strerror(-rc));
		return NULL;
	}
	if (!a.sk) {
		if (a.err == -NLE_NOMEM)
			nsh_err(sh, "out of memory");
		else
			nsh_err(sh, "cannot open a netlink socket: %s",
				nl_geterror(a.err));
		return NULL;
	}
	cache[slot].sk = a.sk;
	cache[slot].dev = ns->dev;
	cache[slot].ino = ns->ino;
	cache[slot].used = ++cache_clock;
	return cache[slot].sk;
}

struct nl_sock *ns_sock(struct nsh *sh)
{
	nl_clear_error();
	return sock_get(sh, &sh->cur);
}

struct nl_sock *ns_sock_in(struct nsh *sh, const struct nsh_ns *ns)
{
	nl_clear_error();
	return sock_get(sh, ns);
}

void ns_forget(struct nsh *sh, dev_t dev, ino_t ino)
{
	for (int i = 0; i < SOCK_CACHE; i++)
		if (cache[i].sk && cache[i].dev == dev && cache[i].ino == ino) {
			nl_socket_free(cache[i].sk);
			cache[i].sk = NULL;
			cache[i].used = 0;
		}
}

void ns_forget_all(void)
{
	for (int i = 0; i < SOCK_CACHE; i++)
		if (cache[i].sk) {
			nl_socket_free(cache[i].sk);
			cache[i].sk = NULL;
			cache[i].used = 0;
		}
}

void ns_fini(struct nsh *sh)
{
	for (int i = 0; i < SOCK_CACHE; i++)
		if (cache[i].sk) {
			nl_socket_free(cache[i].sk);
			cache[i].sk = NULL;
		}
	ns_close(&sh->cur);
	ns_close(&sh->home);
}

/* ------------------------------------------------------------ /run/netns */

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
	int shared, master, s, m;
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

/* bind SRC on PATH, in the mount namespace MNTFD (a child enters it) or
 * here (MNTFD < 0); 0 or -errno */
static int bind_entry(int mntfd, const char *src, const char *path)
{
	int status;
	pid_t pid;

	if (mntfd < 0)
		return mount(src, path, "none", MS_BIND, NULL) ? -errno : 0;
	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		if (setns(mntfd, CLONE_NEWNS) < 0 ||
		    mount(src, path, "none", MS_BIND, NULL) < 0)
			_exit(errno & 0x7f);
		_exit(0);
	}
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	if (!WIFEXITED(status))
		return -EINTR;
	return -WEXITSTATUS(status);
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
	fd = bind_entry(mntfd, "/proc/thread-self/ns/net", path);
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
	fd = bind_entry(mntfd, src, path);
	if (fd < 0) {
		int e = -fd;

		unlink(path);
		journal_netns_gone(name);
		return nsh_err(sh, "'%s': cannot bind %s: %s", name, src,
			       strerror(e));
	}
	return 0;
}

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

int ns_unname(struct nsh *sh, const char *name)
{
	char path[PATH_MAX], esc[300], procs[400];
	struct stat st;
	struct statfs sfs;
	dev_t dev = 0;
	ino_t ino = 0;
	_cleanup_close_ int keep = -1;	/* to mount it back on EBUSY */

	str_escape(name, esc, sizeof(esc));
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	if (lstat(path, &st) < 0)
		return nsh_err(sh, "'%s': no such namespace", esc);
	if (!S_ISLNK(st.st_mode) && statfs(path, &sfs) == 0 &&
	    sfs.f_type == NSFS_MAGIC) {
		struct nsh_ns ns;
		int fd = open(path, O_RDONLY | O_CLOEXEC);

		if (fd >= 0 && ns_fill(&ns, fd, name) == 0) {
			if (ns_same(&ns, &sh->cur)) {
				close(fd);
				return nsh_err(sh, "'%s': cannot delete the "
						   "namespace nsh is in; "
						   "'leave' it first",
					       esc);
			}
			teardown_collect(sh, &ns);
			teardown_hold(&ns);
			ns_forget(sh, ns.dev, ns.ino);
			dev = ns.dev;
			ino = ns.ino;
		}
		keep = fd;
	}
	(void)umount2(path, MNT_DETACH);
	if (unlink(path) < 0) {
		if (errno == EBUSY) {
			bool here = statfs(path, &sfs) == 0 &&
				    sfs.f_type == NSFS_MAGIC;
			char src[64];

			/* the name stays as it was: mount back what the
			 * umount2 above took */
			snprintf(src, sizeof(src), "/proc/self/fd/%d", keep);
			if (keep >= 0)
				(void)mount(src, path, "none", MS_BIND, NULL);
			if (here)
				return nsh_err(sh, "'%s': %s is mounted more "
						   "than once (umount it, "
						   "then delete)",
					       esc, path);
			return nsh_err(sh, "'%s': %s is still mounted in "
					   "another mount namespace (a "
					   "container's, or a process's "
					   "started with unshare -m): the name "
					   "stays",
				       esc, path);
		}
		return nsh_err(sh, "'%s': cannot remove %s: %s", esc, path,
			       strerror(errno));
	}
	journal_netns_gone(name);
	if (ino)
		journal_links_ns_gone(dev, ino);
	/* as ip, the name goes; but the namespace and its links live on.
	 * The look through /proc costs a stat per process: at the prompt
	 * always, in a script for its first 16 deletions only (a teardown
	 * of 1000 namespaces must not pay 1000 of them) */
	static int looked;

	if (ino && (sh->interactive || looked++ < 16) &&
	    holders(dev, ino, procs, sizeof(procs)) > 0)
		nsh_warn(sh, "'%s': the name is gone, but processes still "
			     "hold the namespace (its links stay until they "
			     "end): %s",
			 esc, procs);
	return 0;
}

/* ------------------------------------------------------------ sandbox */

/* write S to the file PATH (for the uid/gid maps) */
static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n = -1;

	if (fd >= 0) {
		n = write(fd, s, strlen(s));
		close(fd);
	}
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

/* why an unprivileged user namespace is refused here, or NULL */
static const char *userns_blocker(void)
{
	static const struct {
		const char *path, *bad, *why;
	} knobs[] = {
		{ "/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "1",
		  "kernel.apparmor_restrict_unprivileged_userns=1 (AppArmor "
		  "restricts unprivileged user namespaces)" },
		{ "/proc/sys/kernel/unprivileged_userns_clone", "0",
		  "kernel.unprivileged_userns_clone=0" },
		{ "/proc/sys/user/max_user_namespaces", "0",
		  "user.max_user_namespaces=0" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(knobs); i++) {
		char buf[16] = "";
		FILE *f = fopen(knobs[i].path, "re");

		if (!f)
			continue;
		if (fgets(buf, sizeof(buf), f))
			buf[strcspn(buf, "\n")] = '\0';
		fclose(f);
		if (streq(buf, knobs[i].bad))
			return knobs[i].why;
	}
	return NULL;
}

/*
 * Not root: a user namespace first, in which this user is root (uid and
 * gid mapped to their own), so that the network and mount namespaces it
 * owns can be set up without any privilege on the host.
 */
static int sandbox_userns(void)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();
	char map[64];

	if (unshare(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWNS) < 0) {
		const char *why = userns_blocker();

		fprintf(stderr, "nsh: --sandbox: this user cannot create a "
				"user namespace: %s%s%s\n",
			strerror(errno), why ? "; blocked by " : "",
			why ? why : "");
		return -1;
	}
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)uid);
	if (write_file("/proc/self/setgroups", "deny") < 0 ||
	    write_file("/proc/self/uid_map", map) < 0) {
		fprintf(stderr, "nsh: --sandbox: cannot map the user: %s\n",
			strerror(errno));
		return -1;
	}
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)gid);
	if (write_file("/proc/self/gid_map", map) < 0) {
		fprintf(stderr, "nsh: --sandbox: cannot map the group: %s\n",
			strerror(errno));
		return -1;
	}
	return 0;
}

int ns_sandbox_enter(void)
{
	struct stat st;
	const char *dir = NETNS_RUN_DIR;

	if (geteuid() != 0) {
		if (sandbox_userns() < 0)
			return -1;
	} else if (unshare(CLONE_NEWNET | CLONE_NEWNS) < 0) {
		fprintf(stderr, "nsh: --sandbox: cannot create a network and "
				"mount namespace: %s%s\n",
			strerror(errno), errno == EPERM ? " (are you root?)" : "");
		return -1;
	}
	if (mount("", "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) {
		fprintf(stderr, "nsh: --sandbox: cannot make / private: %s\n",
			strerror(errno));
		return -1;
	}
	/* a private, empty /run/netns; /run itself if the directory is
	 * missing, so that the host's /run is never written */
	if (stat(dir, &st) < 0)
		dir = "/run";
	if (mount("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		  "mode=0755") < 0) {
		fprintf(stderr, "nsh: --sandbox: cannot mount a tmpfs on %s: "
				"%s\n",
			dir, strerror(errno));
		return -1;
	}
	/* /sys shows the namespace of whoever mounted it: remount */
	if (umount2("/sys", MNT_DETACH) == 0)
		(void)mount("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV |
				MS_NOEXEC, NULL);
	return 0;
}

/* the rules every namespace reference obeys (a name under /run/netns) */
const char *check_netns_ref(const char *s)
{
	if (!*s)
		return "a namespace name cannot be empty";
	if (strchr(s, '/'))
		return "a namespace name cannot contain '/'";
	if (streq(s, ".") || streq(s, ".."))
		return "'.' and '..' are not namespace names";
	if (strlen(s) > NAME_MAX)
		return "a namespace name is at most 255 bytes";
	return NULL;
}
