/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ns.c - network namespace handles: opening one by name, PID or label,
 * resolving a reference with its error, and switching the process between
 * namespaces (the one file with setns()).
 *
 * nsh is single-threaded, so setns() on the process is safe; the process
 * netns is always SH->cur.  The per-namespace netlink sockets are
 * ns_sock.c, the /run/netns entries ns_rundir.c and ns_unname.c, the
 * --sandbox setup ns_sandbox.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/wait.h>
#include <unistd.h>

#include "nsh.h"
#include "ns_priv.h"

/* ------------------------------------------------------------ handles */

int ns_fill(struct nsh_ns *ns, int fd, const char *label)
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

void ns_setns_or_die(int fd)
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

/* bind SRC on PATH, in the mount namespace MNTFD (a child enters it) or
 * here (MNTFD < 0); 0 or -errno */
int ns_bind_entry(int mntfd, const char *src, const char *path)
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

/* ------------------------------------------------------------ names */

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
