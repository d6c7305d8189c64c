/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model_scan.c - which namespaces the model shows: the entries of
 * /run/netns (rescanned when the mount table changes) and the namespaces
 * held only by processes; and the way from a namespace of the model back
 * to the kernel's (model_ns_open).
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/stat.h>

#include "model.h"
#include "model_priv.h"

/* ------------------------------------------------------------ processes */

static struct timespec last_procs;	/* when scan_procs last looked */

/* the labels of other live sessions' spawns (from their journals) */
struct spawns {
	pid_t pid[256];
	char label[256][64];
	int n;
};

/* PID shares nsh's mount namespace MNT: *ST is its network namespace */
static bool proc_netns(pid_t pid, const struct stat *mnt, struct stat *st)
{
	char path[64];

	snprintf(path, sizeof(path), "/proc/%d/ns/mnt", (int)pid);
	if (stat(path, st) < 0 || st->st_ino != mnt->st_ino ||
	    st->st_dev != mnt->st_dev)
		return false;
	snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)pid);
	return stat(path, st) == 0;
}

/* the label `spawn` gave PID, in this session or another one, or NULL */
static const char *proc_label(pid_t pid, const struct spawns *others)
{
	const char *label = spawn_label_of(pid);

	for (int i = 0; !label && i < others->n; i++)
		if (others->pid[i] == pid)
			label = others->label[i];
	return label;
}

/* the command of PID, the holder of NS, into NS->comm */
static void read_comm(pid_t pid, struct model_ns *ns)
{
	char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/comm", (int)pid);
	f = fopen(path, "re");
	if (!f)
		return;
	if (fgets(ns->comm, sizeof(ns->comm), f))
		ns->comm[strcspn(ns->comm, "\n")] = '\0';
	fclose(f);
}

/* NS, known already, is held by PID too: the lowest PID holds it, and a
 * label names it when no name does */
static void proc_seen(struct model_ns *ns, pid_t pid, const char *label)
{
	if (ns->pid && (!ns->seen || pid < ns->pid))
		model_ns_set_pid(ns, pid);
	if (ns->pid && !ns->name[0] && label)
		snprintf(ns->name, sizeof(ns->name), "%s", label);
	ns->seen = true;
}

/* the namespace ST of process PID, new to the model: added, given an
 * nsid, and loaded */
static void proc_ns_add(struct nsh *sh, struct model *m, pid_t pid,
			const struct stat *st, const char *label)
{
	char path[64];
	struct model_ns *ns;
	struct stat fst;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	/* the process may have changed namespace since (`ip netns add` goes
	 * back to its own after the bind mount): the fd must be the
	 * namespace the entry is for */
	if (fstat(fd, &fst) < 0 || fst.st_ino != st->st_ino ||
	    fst.st_dev != st->st_dev) {
		close(fd);
		return;
	}
	ns = model_ns_add(m, st->st_dev, st->st_ino, label ? label : "");
	model_ns_set_pid(ns, pid);
	read_comm(pid, ns);
	ns->nsid = model_ensure_nsid(sh, fd);
	model_ns_load(sh, ns, fd);
	close(fd);
	ns->seen = true;
}

/*
 * Namespaces held only by processes (as `lsns -t net` finds them), among
 * the processes that share nsh's mount namespace: in a sandbox the rest
 * of the machine lives in the real host's namespaces, which are no part
 * of the lab.  Marks what it finds as seen.
 */
static void scan_procs(struct nsh *sh, struct model *m)
{
	static struct spawns others;	/* (17 KiB: not on the stack) */
	struct stat mnt, st;
	struct dirent *de;
	DIR *d;

	clock_gettime(CLOCK_MONOTONIC, &last_procs);
	if (stat("/proc/self/ns/mnt", &mnt) < 0 || !(d = opendir("/proc")))
		return;
	others.n = journal_spawns(others.pid, others.label,
				  (int)ARRAY_SIZE(others.pid));
	while ((de = readdir(d))) {
		pid_t pid = (pid_t)atoi(de->d_name);
		struct model_ns *ns;
		const char *label;

		if (pid <= 0 || pid == getpid() || !proc_netns(pid, &mnt, &st))
			continue;
		ns = model_ns_find(m, st.st_dev, st.st_ino);
		label = proc_label(pid, &others);
		if (ns)
			proc_seen(ns, pid, label);
		else
			proc_ns_add(sh, m, pid, &st, label);
	}
	closedir(d);
}

bool model_procs_due(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec - last_procs.tv_sec >=
	       1 + (now.tv_nsec < last_procs.tv_nsec);
}

/* ------------------------------------------------------------ /run/netns */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* the entries of NETNS_RUN_DIR in *RET, sorted (free each, and *RET);
 * how many */
static int run_names(char ***ret)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *de;
	char **names = NULL;
	int n = 0;

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
	*ret = names;
	return n;
}

/* the entry NAME of NETNS_RUN_DIR: its namespace added if new, given an
 * nsid and loaded if it has none, named, and marked seen */
static void scan_name(struct nsh *sh, struct model *m, const char *name)
{
	char path[PATH_MAX];
	struct model_ns *ns;
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	/* a stale plain file is no namespace: nsfs has its own dev */
	if (fd < 0 || fstat(fd, &st) < 0 || st.st_dev != sh->home.dev) {
		if (fd >= 0)
			close(fd);
		return;
	}
	ns = model_ns_find(m, st.st_dev, st.st_ino);
	if (ns && ns->pid && !ns->seen) {
		/* a process's namespace that got a name */
		ns->pid = 0;
		snprintf(ns->name, sizeof(ns->name), "%s", name);
	}
	if (!ns)
		ns = model_ns_add(m, st.st_dev, st.st_ino, name);
	if (ns != m->ns[0] && ns->nsid < 0) {
		/* new, or no nsid yet (or a dead one's entry under a reused
		 * inode number): its events cannot reach us */
		ns->nsid = model_ensure_nsid(sh, fd);
		model_ns_load(sh, ns, fd);
	}
	if (ns != m->ns[0] && !ns->seen && !streq(ns->name, name)) {
		/* first name in order wins when there are several */
		snprintf(ns->name, sizeof(ns->name), "%s", name);
	}
	ns->seen = true;
	close(fd);
}

void model_rescan(struct nsh *sh)
{
	struct model *m = model_peek();
	char **names;
	int n;

	for (int i = 0; i < m->nns; i++)
		m->ns[i]->seen = i == 0;
	n = run_names(&names);
	for (int i = 0; i < n; i++)
		scan_name(sh, m, names[i]);
	scan_procs(sh, m);
	/* gone: nsh must not keep it alive with a socket */
	for (int i = m->nns - 1; i > 0; i--)
		if (!m->ns[i]->seen)
			model_ns_gone(sh, m->ns[i]);
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ------------------------------------------------------------ opening */

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
int model_ns_fd(const struct model_ns *ns, struct nsh *sh)
{
	struct nsh_ns h = { .fd = -1 };

	return model_ns_open(sh, ns, &h) < 0 ? -1 : h.fd;
}
