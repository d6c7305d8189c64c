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
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include "nsh.h"

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

/* the inode of this process's mount namespace */
static unsigned long long self_mnt(void)
{
	struct stat st;

	return stat("/proc/self/ns/mnt", &st) == 0 ? (unsigned long long)st.st_ino
						   : 0;
}

static int journal_open(void)
{
	char path[PATH_MAX], line[128];
	int n;

	if (jfd >= 0)
		return 0;
	if (!memonly && (mkdir(JOURNAL_DIR, 0700) == 0 || errno == EEXIST)) {
		snprintf(path, sizeof(path), "%s/%d.journal", JOURNAL_DIR,
			 (int)getpid());
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
		     (int)getpid(), start, self_mnt());
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
	if (jfd >= 0)
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

/* ------------------------------------------------------------ reading */

static char *read_all(int fd)
{
	size_t len = 0, cap = 4096;
	char *buf = malloc(cap + 1);
	ssize_t r;

	while (buf && (r = pread(fd, buf + len, cap - len, (off_t)len)) > 0) {
		len += (size_t)r;
		if (len == cap) {
			char *nb = realloc(buf, cap * 2 + 1);

			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		}
	}
	if (buf)
		buf[len] = '\0';
	return buf;
}

static struct journal_rec *add_rec(struct journal *j)
{
	if (j->n == j->cap) {
		int cap = j->cap ? j->cap * 2 : 32;
		void *nr = realloc(j->rec, sizeof(*j->rec) * (size_t)cap);

		if (!nr)
			return NULL;
		j->rec = nr;
		j->cap = cap;
	}
	return &j->rec[j->n++];
}

static void drop_rec(struct journal *j, int i)
{
	j->rec[i] = j->rec[--j->n];
}

/* a later line about NAME replaces the earlier one */
static void forget_netns(struct journal *j, int sess, const char *name)
{
	for (int i = j->n - 1; i >= 0; i--)
		if (j->rec[i].sess == sess && j->rec[i].kind == JOURNAL_NETNS &&
		    streq(j->rec[i].name, name)) {
			drop_rec(j, i);
			return;
		}
}

/* the link record of session SESS for link IFINDEX of DEV INO, or -1 */
static int find_link(const struct journal *j, int sess, unsigned long long dev,
		     unsigned long long ino, int ifindex)
{
	for (int i = j->n - 1; i >= 0; i--) {
		const struct journal_rec *r = &j->rec[i];

		if (r->sess == sess && r->kind == JOURNAL_LINK &&
		    r->ifindex == ifindex && r->dev == (dev_t)dev &&
		    r->ino == (ino_t)ino)
			return i;
	}
	return -1;
}

/* forget link record I and the other end it was made with */
static void forget_link(struct journal *j, int i)
{
	int sess = j->rec[i].sess, pair = j->rec[i].pair;

	drop_rec(j, i);
	for (int k = j->n - 1; pair && k >= 0; k--)
		if (j->rec[k].sess == sess && j->rec[k].kind == JOURNAL_LINK &&
		    j->rec[k].pair == pair) {
			drop_rec(j, k);
			return;
		}
}

/* whether NAME can be a link's name */
static bool link_name_ok(const char *name)
{
	return *name && strlen(name) < 16 && !strpbrk(name, " \t/");
}

/* the intent (link?) of session SESS for NAME in DEV INO, or -1 */
static int find_asked(const struct journal *j, int sess,
		      unsigned long long dev, unsigned long long ino,
		      const char *name)
{
	for (int i = j->n - 1; i >= 0; i--) {
		const struct journal_rec *r = &j->rec[i];

		if (r->sess == sess && r->kind == JOURNAL_LINK &&
		    !r->ifindex && r->dev == (dev_t)dev &&
		    r->ino == (ino_t)ino && streq(r->name, name))
			return i;
	}
	return -1;
}

/* "DEV INO IFINDEX NAME" at L: 0, or -1 when L is not that */
static int read_link(const char *l, struct journal_rec *r)
{
	unsigned long long dev, ino;
	int ifindex, off = 0;

	if (sscanf(l, "%llu %llu %d %n", &dev, &ino, &ifindex, &off) != 3 ||
	    !off || ifindex <= 0 || !link_name_ok(l + off))
		return -1;
	r->kind = JOURNAL_LINK;
	r->dev = (dev_t)dev;
	r->ino = (ino_t)ino;
	r->ifindex = ifindex;
	snprintf(r->name, sizeof(r->name), "%s", l + off);
	return 0;
}

/* link? DEV INO KIND NAME, -link? DEV INO NAME, moving DEV INO IFINDEX
 * DEV2 INO2 NAME: 0, or -1 when L is none of them */
static int parse_intent(struct journal *j, int sess, const char *l)
{
	struct journal_rec r = { .sess = sess, .kind = JOURNAL_LINK }, *nr;
	unsigned long long dev, ino, dev2, ino2;
	int i, ifindex, off = 0;
	char kind[16];

	if (sscanf(l, "link? %llu %llu %15s %n", &dev, &ino, kind, &off) == 3 &&
	    off) {
		if (!link_name_ok(l + off))
			return 0;
		i = find_asked(j, sess, dev, ino, l + off);
		if (i >= 0)
			drop_rec(j, i);
		r.dev = (dev_t)dev;
		r.ino = (ino_t)ino;
		r.pair = ++j->npair;
		snprintf(r.type, sizeof(r.type), "%s", kind);
		snprintf(r.name, sizeof(r.name), "%s", l + off);
		nr = add_rec(j);
		if (nr)
			*nr = r;
	} else if (sscanf(l, "-link? %llu %llu %n", &dev, &ino, &off) == 2 &&
		   off) {
		i = find_asked(j, sess, dev, ino, l + off);
		if (i >= 0)
			drop_rec(j, i);
	} else if (sscanf(l, "moving %llu %llu %d %llu %llu %n", &dev, &ino,
			  &ifindex, &dev2, &ino2, &off) == 5 && off) {
		i = find_link(j, sess, dev, ino, ifindex);
		if (i < 0 || !link_name_ok(l + off))
			return 0;
		j->rec[i].dev2 = (dev_t)dev2;
		j->rec[i].ino2 = (ino_t)ino2;
		snprintf(j->rec[i].name2, sizeof(j->rec[i].name2), "%s",
			 l + off);
	} else {
		return -1;
	}
	return 0;
}

/* the link lines of session SESS: link, peer, moved, -link, -links and
 * the intents.  *PAIR is the pair number of the last `link` line.  0, or
 * -1 when L is none of them */
static int parse_link(struct journal *j, int sess, const char *l, int *pair)
{
	struct journal_rec r = { .sess = sess }, *nr;
	unsigned long long dev, ino;
	int i, ifindex, off = 0;
	bool peer = strncmp(l, "peer ", 5) == 0;

	if (parse_intent(j, sess, l) == 0)
		return 0;
	if (strncmp(l, "link ", 5) == 0 || peer) {
		if (read_link(l + 5, &r) < 0)
			return 0;
		if (!peer || !*pair)
			*pair = ++j->npair;
		r.pair = *pair;
		r.peer = peer;
		/* it was asked for: made */
		i = find_asked(j, sess, r.dev, r.ino, r.name);
		if (i >= 0)
			drop_rec(j, i);
	} else if (sscanf(l, "moved %llu %llu %d %n", &dev, &ino, &ifindex,
			  &off) == 3 && off) {
		i = find_link(j, sess, dev, ino, ifindex);
		if (i < 0 || read_link(l + off, &r) < 0)
			return 0;
		r.pair = j->rec[i].pair;
		r.peer = j->rec[i].peer;
		drop_rec(j, i);
	} else if (sscanf(l, "-link %llu %llu %d", &dev, &ino, &ifindex) ==
		   3) {
		i = find_link(j, sess, dev, ino, ifindex);
		if (i >= 0)
			forget_link(j, i);
		return 0;
	} else if (sscanf(l, "-links %llu %llu", &dev, &ino) == 2) {
		for (i = j->n - 1; i >= 0; i--)
			if (j->rec[i].sess == sess &&
			    j->rec[i].kind == JOURNAL_LINK &&
			    j->rec[i].dev == (dev_t)dev &&
			    j->rec[i].ino == (ino_t)ino)
				drop_rec(j, i);
		return 0;
	} else {
		return -1;
	}
	/* a later line about the same link replaces the earlier one */
	i = find_link(j, sess, r.dev, r.ino, r.ifindex);
	if (i >= 0)
		drop_rec(j, i);
	nr = add_rec(j);
	if (nr)
		*nr = r;
	return 0;
}

/* parse the journal text BUF of session number SESS into *J */
static void parse(struct journal *j, int sess, char *buf)
{
	char *save = NULL;
	int pair = 0;

	for (char *l = strtok_r(buf, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		struct journal_rec r = { .sess = sess }, *nr;
		unsigned long long a, b;
		int pid, off = 0;

		if (sscanf(l, "session %d %llu", &pid, &a) == 2) {
			/* (an older nsh wrote a link group after them) */
			j->sess[sess].pid = pid;
			j->sess[sess].start = a;
			if (sscanf(l, "session %*d %*u mnt %llu", &b) == 1)
				j->sess[sess].mnt = b;
			continue;
		}
		if (parse_link(j, sess, l, &pair) == 0)
			continue;
		if (streq(l, "rundir")) {
			r.kind = JOURNAL_RUNDIR;
		} else if (sscanf(l, "netns %llu %llu %n", &a, &b, &off) == 2 &&
			   off) {
			r.kind = JOURNAL_NETNS;
			r.dev = (dev_t)a;
			r.ino = (ino_t)b;
			snprintf(r.name, sizeof(r.name), "%s", l + off);
			forget_netns(j, sess, r.name);
		} else if (strncmp(l, "-netns ", 7) == 0) {
			forget_netns(j, sess, l + 7);
			continue;
		} else if (sscanf(l, "spawn %d %llu %n", &pid, &a, &off) == 2 &&
			   off) {
			r.kind = JOURNAL_SPAWN;
			r.pid = pid;
			r.start = a;
			snprintf(r.name, sizeof(r.name), "%s", l + off);
		} else {
			continue;
		}
		nr = add_rec(j);
		if (!nr)
			return;
		*nr = r;
	}
}

static int add_session(struct journal *j)
{
	void *ns = realloc(j->sess, sizeof(*j->sess) * (size_t)(j->nsess + 1));

	if (!ns)
		return -1;
	j->sess = ns;
	memset(&j->sess[j->nsess], 0, sizeof(*j->sess));
	return j->nsess++;
}

/* some process's mount namespace has inode INO */
static bool mnt_alive(unsigned long long ino)
{
	_cleanup_(closedirp) DIR *d = opendir("/proc");
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char path[300];
		struct stat st;

		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof(path), "/proc/%s/ns/mnt", e->d_name);
		if (stat(path, &st) == 0 && (unsigned long long)st.st_ino == ino)
			return true;
	}
	return false;
}

/* the text of another session's journal E in JOURNAL_DIR (free it), its
 * path in PATH; NULL for anything else */
static char *other_journal(const struct dirent *e, char *path, size_t len)
{
	_cleanup_close_ int fd = -1;
	int pid;
	char c;

	if (sscanf(e->d_name, "%d.journa%c", &pid, &c) != 2 || pid == getpid())
		return NULL;
	snprintf(path, len, "%s/%s", JOURNAL_DIR, e->d_name);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	return fd < 0 ? NULL : read_all(fd);
}

int journal_load(bool dead_too, struct journal *j)
{
	_cleanup_free_ char *own = NULL;
	int s;

	memset(j, 0, sizeof(*j));
	s = add_session(j);
	if (s < 0)
		return -1;
	j->sess[s].self = true;
	j->sess[s].pid = getpid();
	j->sess[s].start = start;
	if (jfd >= 0) {
		own = read_all(jfd);
		if (own)
			parse(j, s, own);
	}
	if (!dead_too || memonly)
		return 0;

	_cleanup_(closedirp) DIR *d = opendir(JOURNAL_DIR);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char path[PATH_MAX];
		_cleanup_free_ char *buf = other_journal(e, path, sizeof(path));

		if (!buf)
			continue;
		s = add_session(j);
		if (s < 0)
			break;
		snprintf(j->sess[s].path, sizeof(j->sess[s].path), "%s", path);
		parse(j, s, buf);
		j->sess[s].live = proc_alive(j->sess[s].pid, j->sess[s].start);
		/* another mount namespace's session (a sandbox sharing /run):
		 * not ours to judge, as if alive, while that mount namespace
		 * lives (a dead one's things are anyone's to clean) */
		if (j->sess[s].mnt && j->sess[s].mnt != self_mnt() &&
		    mnt_alive(j->sess[s].mnt)) {
			j->sess[s].live = true;
			j->sess[s].path[0] = '\0';
		}
		/* a live session's things are its own: leave them */
		if (j->sess[s].live) {
			for (int i = 0; i < j->n;)
				if (j->rec[i].sess == s)
					j->rec[i] = j->rec[--j->n];
				else
					i++;
		}
	}
	return 0;
}

int journal_spawns(pid_t *pids, char (*labels)[64], int max)
{
	_cleanup_(closedirp) DIR *d = opendir(JOURNAL_DIR);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)) && n < max) {
		char path[PATH_MAX];
		_cleanup_free_ char *buf = other_journal(e, path, sizeof(path));
		char *save = NULL;

		if (!buf)
			continue;
		for (char *l = strtok_r(buf, "\n", &save); l && n < max;
		     l = strtok_r(NULL, "\n", &save)) {
			unsigned long long st;
			int p, off = 0;

			if (sscanf(l, "spawn %d %llu %n", &p, &st, &off) == 2 &&
			    off && strlen(l + off) < 64 && proc_alive(p, st)) {
				pids[n] = p;
				snprintf(labels[n++], 64, "%s", l + off);
			}
		}
	}
	return n;
}

pid_t journal_find_spawn(const char *label)
{
	pid_t pids[256];
	char labels[256][64];
	int n = journal_spawns(pids, labels, 256);

	for (int i = n - 1; i >= 0; i--)
		if (streq(labels[i], label))
			return pids[i];
	return 0;
}

void journal_done(struct journal *j)
{
	for (int s = 0; s < j->nsess; s++) {
		if (j->sess[s].self) {
			char path[PATH_MAX];

			nlinks = 0;	/* what it made is gone */
			if (jfd < 0)
				continue;
			if (!memonly) {
				snprintf(path, sizeof(path), "%s/%d.journal",
					 JOURNAL_DIR, (int)getpid());
				(void)unlink(path);
			}
			close(jfd);
			jfd = -1;
		} else if (!j->sess[s].live && j->sess[s].path[0]) {
			(void)unlink(j->sess[s].path);
		}
	}
	(void)rmdir(JOURNAL_DIR);	/* only when empty */
}

void journal_free(struct journal *j)
{
	free(j->rec);
	free(j->sess);
	memset(j, 0, sizeof(*j));
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
		char path[PATH_MAX];

		snprintf(path, sizeof(path), "%s/%d.journal", JOURNAL_DIR,
			 (int)getpid());
		(void)unlink(path);
		(void)rmdir(JOURNAL_DIR);	/* only when empty */
	}
	if (jfd >= 0)
		close(jfd);
	jfd = -1;
	free(links);
	links = NULL;
	nlinks = caplinks = 0;
}
