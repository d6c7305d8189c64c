/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * journal.c - what this session created, written down as it happens, so
 * that `cleanup` can remove exactly that, even after nsh was killed.
 *
 * One file per session, /run/nsh/PID.journal, opened on the first thing
 * the session creates and appended to with one write(2) per line, so a
 * SIGKILL loses nothing that was done.  Lines:
 *
 *     session PID STARTTIME            the first line
 *     rundir                           nsh made /run/netns a mount point
 *     netns 0 0 NAME                   about to make NAME (its file)
 *     netns DEV INO NAME               NAME is (about to be) bound to
 *                                      that namespace
 *     -netns NAME                      gone again (deleted, or never made)
 *     spawn PID STARTTIME LABEL        `spawn` started PID
 *     link? DEV INO KIND NAME          about to ask for link NAME of KIND
 *                                      in the namespace of nsfs DEV INO,
 *                                      where no link has that name
 *     -link? DEV INO NAME              refused
 *     link DEV INO IFINDEX NAME        the kernel made link IFINDEX, NAME,
 *                                      in the namespace of nsfs DEV INO
 *     peer DEV INO IFINDEX NAME        … and that one with it, the other
 *                                      end of the link of the line before
 *                                      (veth, vxcan)
 *     moving DEV INO IFINDEX DEV2 INO2 NAME
 *                                      about to rename or move a link of
 *                                      the journal: it may be NAME in DEV2
 *                                      INO2 (the same ifindex, if free)
 *     moved DEV INO IFINDEX DEV2 INO2 IFINDEX2 NAME
 *                                      nsh renamed or moved a link of the
 *                                      journal: it is now that one
 *     -link DEV INO IFINDEX            nsh deleted it (and its other end)
 *     -links DEV INO                   nsh deleted that namespace, and the
 *                                      links made there with it
 *
 * A later line about the same link (namespace and ifindex) replaces the
 * earlier one; a line of a kind not listed here is skipped.  A link is
 * written down once the kernel has acknowledged it, as the kernel has it
 * (a name the kernel chose included: cmds/link_journal.c reads it back),
 * so nothing of nsh shows in the kernel's state: a link nsh made is
 * exactly the one iproute2 makes (`group default`).  cleanup deletes a
 * link of the journal only when its namespace still has that ifindex
 * under that name.
 *
 * The kernel makes a link within the request's system call, and a SIGKILL
 * that comes meanwhile ends nsh as the call returns, before it can write
 * the `link` line: hence `link?` and `moving` before the request.  An
 * unanswered `link?` stands for the link of that name and kind in that
 * namespace (there was none before: the name was looked up), an
 * unanswered `moving` for the link of that ifindex under the new name
 * there.  (A link the kernel names is only known from the answer.)
 *
 * A session is dead when no process has its PID and start time.  Under
 * --sandbox everything dies with the session anyway; the journal is then
 * kept in an anonymous memfd, so that `cleanup` (and `b` in --step) still
 * work, and nothing is written on the host.
 *
 * This file writes the journal; journal_parse.c reads one, journal_load.c
 * finds the dead sessions' ones for `cleanup`.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "nsh.h"
#include "journal_priv.h"

static int jfd = -1;
static bool memonly;
static unsigned long long start;

/* the links this session made, where they are now (for renames, moves,
 * deletions); the two ends of a veth share a pair number */
struct mine {
	dev_t dev;
	ino_t ino;
	int ifindex;
	int pair;
};
static struct mine *links;
static int nlinks, caplinks, npairs;

unsigned long long proc_starttime(pid_t pid)
{
	char path[64], buf[1024];
	unsigned long long v = 0;
	const char *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return 0;
	buf[n] = '\0';
	p = strrchr(buf, ')');	/* the command may hold blanks and ')' */
	if (!p)
		return 0;
	/* field 22 is the start time; after ')' come fields 3… */
	for (int field = 2; field < 22 && p; field++)
		p = strchr(p + 1, ' ');
	if (p)
		v = strtoull(p + 1, NULL, 10);
	return v;
}

bool proc_zombie(pid_t pid)
{
	char path[64], buf[512];
	const char *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return false;
	buf[n] = '\0';
	p = strrchr(buf, ')');
	return p && p[1] == ' ' && p[2] == 'Z';
}

bool proc_alive(pid_t pid, unsigned long long st)
{
	return pid > 0 && st && proc_starttime(pid) == st;
}

void journal_init(struct nsh *sh)
{
	memonly = sh->o.sandbox;
	start = proc_starttime(getpid());
}

unsigned long long journal_self_mnt(void)
{
	struct stat st;

	return stat("/proc/self/ns/mnt", &st) == 0 ? (unsigned long long)st.st_ino
						   : 0;
}

/* this session's journal file: JOURNAL_DIR/PID.journal, in PATH */
static void own_path(char *path, size_t len)
{
	snprintf(path, len, "%s/%d.journal", JOURNAL_DIR, (int)getpid());
}

/*
 * A command of a session's script that bash runs (shfallback.c): its
 * lines go to that session's journal, JOURNAL_ENV "PATH DEV INO" (the
 * session's descriptor under /proc, and the file it must be: a variable
 * left in a process that outlives the session, its PID and descriptor
 * reused, opens something else, and is not used).  The descriptor, or -1.
 */
static int shared_open(void)
{
	const char *v = getenv(JOURNAL_ENV);
	char path[96];
	unsigned long long dev, ino;
	struct stat st;
	int fd;

	if (!v || sscanf(v, "%95s %llu %llu", path, &dev, &ino) != 3 ||
	    (fd = open(path, O_RDWR | O_APPEND | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &st) == 0 && st.st_dev == dev && st.st_ino == ino)
		return fd;
	close(fd);
	return -1;
}

static int journal_open(void)
{
	char path[PATH_MAX], line[128];
	int n;

	if (jfd >= 0)
		return 0;
	if ((jfd = shared_open()) >= 0)
		return 0;
	if (!memonly && (mkdir(JOURNAL_DIR, 0700) == 0 || errno == EEXIST)) {
		own_path(path, sizeof(path));
		jfd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_APPEND |
				       O_CLOEXEC | O_NOFOLLOW,
			   0600);
	}
	if (jfd < 0)
		jfd = memfd_create("nsh-journal", MFD_CLOEXEC);
	if (jfd < 0)
		return -1;
	/* the mount namespace it belongs to: a cleanup in another sandbox
	 * that shares /run leaves it alone */
	n = snprintf(line, sizeof(line), "session %d %llu mnt %llu\n",
		     (int)getpid(), start, journal_self_mnt());
	if (write(jfd, line, (size_t)n) != n)
		return -1;
	return 0;
}

static void note(const char *fmt, ...)
{
	char line[600];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line) - 1, fmt, ap);
	va_end(ap);
	if (n < 0 || n >= (int)sizeof(line) - 1 || journal_open() < 0)
		return;
	line[n++] = '\n';
	(void)!write(jfd, line, (size_t)n);
}

int journal_path(char *buf, size_t len)
{
	struct stat st;

	if (journal_open() < 0 || fstat(jfd, &st) < 0)
		return -1;
	snprintf(buf, len, "/proc/%d/fd/%d %llu %llu", (int)getpid(), jfd,
		 (unsigned long long)st.st_dev, (unsigned long long)st.st_ino);
	return 0;
}

void journal_prepare(void)
{
	(void)journal_open();
}

void journal_netns(const char *name, const char *nspath)
{
	struct stat st = { 0 };

	if (nspath && stat(nspath, &st) < 0)
		return;
	note("netns %llu %llu %s", (unsigned long long)st.st_dev,
	     (unsigned long long)st.st_ino, name);
}

void journal_netns_gone(const char *name)
{
	/* a journal of this session's (or, bash running a script, of the
	 * session whose command this is) */
	if (jfd >= 0 || getenv(JOURNAL_ENV))
		note("-netns %s", name);
}

void journal_rundir(void)
{
	note("rundir");
}

void journal_spawn(pid_t pid, const char *label)
{
	note("spawn %d %llu %s", (int)pid, proc_starttime(pid), label);
}

/* ------------------------------------------------------------ links */

static struct mine *mine_find(dev_t dev, ino_t ino, int ifindex)
{
	for (int i = nlinks - 1; i >= 0; i--)
		if (links[i].ifindex == ifindex && links[i].ino == ino &&
		    links[i].dev == dev)
			return &links[i];
	return NULL;
}

static void mine_drop(struct mine *m)
{
	*m = links[--nlinks];
}

static int mine_add(const struct journal_link *l, int pair)
{
	struct mine *m = mine_find(l->dev, l->ino, l->ifindex);

	if (!m && nlinks == caplinks) {
		int cap = caplinks ? caplinks * 2 : 64;
		struct mine *nl = realloc(links, sizeof(*nl) * (size_t)cap);

		if (!nl)
			return -ENOMEM;
		links = nl;
		caplinks = cap;
	}
	if (!m)
		m = &links[nlinks++];
	*m = (struct mine){ .dev = l->dev, .ino = l->ino,
			    .ifindex = l->ifindex, .pair = pair };
	return 0;
}

void journal_link_asked(dev_t dev, ino_t ino, const char *kind,
			const char *name)
{
	note("link? %llu %llu %s %s", (unsigned long long)dev,
	     (unsigned long long)ino, kind, name);
}

void journal_link_refused(dev_t dev, ino_t ino, const char *name)
{
	note("-link? %llu %llu %s", (unsigned long long)dev,
	     (unsigned long long)ino, name);
}

void journal_link(const struct journal_link *l, bool peer)
{
	if (!peer)
		npairs++;
	note("%s %llu %llu %d %s", peer ? "peer" : "link",
	     (unsigned long long)l->dev, (unsigned long long)l->ino,
	     l->ifindex, l->name);
	(void)mine_add(l, npairs);
}

bool journal_has_link(dev_t dev, ino_t ino, int ifindex)
{
	return mine_find(dev, ino, ifindex) != NULL;
}

void journal_link_moving(dev_t dev, ino_t ino, int ifindex, dev_t dev2,
			 ino_t ino2, const char *name)
{
	if (mine_find(dev, ino, ifindex))
		note("moving %llu %llu %d %llu %llu %s",
		     (unsigned long long)dev, (unsigned long long)ino, ifindex,
		     (unsigned long long)dev2, (unsigned long long)ino2, name);
}

void journal_link_moved(dev_t dev, ino_t ino, int ifindex,
			const struct journal_link *now)
{
	struct mine *m = mine_find(dev, ino, ifindex);
	int pair;

	if (!m)
		return;
	note("moved %llu %llu %d %llu %llu %d %s", (unsigned long long)dev,
	     (unsigned long long)ino, ifindex, (unsigned long long)now->dev,
	     (unsigned long long)now->ino, now->ifindex, now->name);
	pair = m->pair;
	mine_drop(m);
	(void)mine_add(now, pair);
}

void journal_link_gone(dev_t dev, ino_t ino, int ifindex)
{
	struct mine *m = mine_find(dev, ino, ifindex);
	int pair;

	if (!m)
		return;
	note("-link %llu %llu %d", (unsigned long long)dev,
	     (unsigned long long)ino, ifindex);
	pair = m->pair;
	mine_drop(m);
	for (int i = 0; i < nlinks; i++)
		if (links[i].pair == pair) {
			mine_drop(&links[i]);
			break;
		}
}

void journal_links_ns_gone(dev_t dev, ino_t ino)
{
	bool any = false;

	for (int i = 0; i < nlinks;)
		if (links[i].dev == dev && links[i].ino == ino) {
			mine_drop(&links[i]);
			any = true;
		} else {
			i++;
		}
	if (any)
		note("-links %llu %llu", (unsigned long long)dev,
		     (unsigned long long)ino);
}

/* ------------------------------------------------------------ its end */

/* (journal_priv.h says what each of these gives) */
char *journal_own_text(void)
{
	return jfd >= 0 ? journal_read_fd(jfd) : NULL;
}

bool journal_in_memory(void)
{
	return memonly;
}

unsigned long long journal_start(void)
{
	return start;
}

void journal_own_remove(void)
{
	char path[PATH_MAX];

	nlinks = 0;	/* what it made is gone */
	if (jfd < 0)
		return;
	if (!memonly) {
		own_path(path, sizeof(path));
		(void)unlink(path);
	}
	close(jfd);
	jfd = -1;
}

/* this session still owns something: a link it made, a namespace under
 * the name it gave, a spawned process */
static bool owns_something(void)
{
	struct journal j;
	bool owns = nlinks > 0;

	if (owns || journal_load(false, &j) < 0)
		return true;
	for (int i = 0; i < j.n && !owns; i++) {
		const struct journal_rec *r = &j.rec[i];
		char path[PATH_MAX];
		struct stat st;

		if (r->kind == JOURNAL_NETNS) {
			snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR,
				 r->name);
			owns = stat(path, &st) == 0 &&
			       (!r->ino || st.st_ino == r->ino);
		} else if (r->kind == JOURNAL_SPAWN) {
			owns = proc_alive(r->pid, r->start);
		} else if (r->kind == JOURNAL_LINK) {
			owns = true;
		}
	}
	journal_free(&j);
	return owns;
}

void journal_fini(void)
{
	/* a session that ends owning nothing leaves no journal behind */
	if (jfd >= 0 && !memonly && !owns_something()) {
		journal_own_remove();
		(void)rmdir(JOURNAL_DIR);	/* only when empty */
	}
	if (jfd >= 0)
		close(jfd);
	jfd = -1;
	free(links);
	links = NULL;
	nlinks = caplinks = 0;
}
