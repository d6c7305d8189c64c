/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * journal.c - what this session created, written down as it happens, so
 * that `cleanup` can remove exactly that, even after nsh was killed.
 *
 * One file per session, /run/nsh/PID.journal, opened on the first thing
 * the session creates and appended to with one write(2) per line, so a
 * SIGKILL loses nothing that was done.  Lines:
 *
 *     session PID STARTTIME GROUP      the first line
 *     rundir                           nsh made /run/netns a mount point
 *     netns 0 0 NAME                   about to make NAME (its file)
 *     netns DEV INO NAME               NAME is (about to be) bound to
 *                                      that namespace
 *     -netns NAME                      gone again (deleted, or never made)
 *     spawn PID STARTTIME LABEL        `spawn` started PID
 *
 * Links are not listed: the kernel carries the tag itself.  Every link nsh
 * creates is put in the link group GROUP (IFLA_GROUP, set in the creating
 * request, so it costs nothing), which follows the link when it changes
 * namespace; cleanup deletes a session's links with one request per
 * namespace.  The group is derived from the session's PID and start time,
 * so concurrent sessions never share one.
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
static uint32_t group;
static unsigned long long start;

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

bool proc_alive(pid_t pid, unsigned long long st)
{
	return pid > 0 && st && proc_starttime(pid) == st;
}

void journal_init(struct nsh *sh)
{
	memonly = sh->o.sandbox;
	start = proc_starttime(getpid());
	group = journal_group_of(getpid(), start);
}

uint32_t journal_group(void)
{
	return group;
}

uint32_t journal_group_of(pid_t pid, unsigned long long st)
{
	uint64_t h = 14695981039346656037ull;

	for (int i = 0; i < 2; i++) {
		uint64_t v = i ? st : (uint64_t)pid;

		for (int b = 0; b < 8; b++) {
			h ^= (v >> (8 * b)) & 0xff;
			h *= 1099511628211ull;
		}
	}
	return JOURNAL_GROUP_BASE | (uint32_t)((h ^ (h >> 32)) & 0xffffff);
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
	n = snprintf(line, sizeof(line), "session %d %llu %u\n", (int)getpid(),
		     start, group);
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

/* a later line about NAME replaces the earlier one */
static void forget_netns(struct journal *j, int sess, const char *name)
{
	for (int i = j->n - 1; i >= 0; i--)
		if (j->rec[i].sess == sess && j->rec[i].kind == JOURNAL_NETNS &&
		    streq(j->rec[i].name, name)) {
			j->rec[i] = j->rec[--j->n];
			return;
		}
}

/* parse the journal text BUF of session number SESS into *J */
static void parse(struct journal *j, int sess, char *buf)
{
	char *save = NULL;

	for (char *l = strtok_r(buf, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save)) {
		struct journal_rec r = { .sess = sess };
		unsigned long long a, b;
		int pid, off = 0;

		if (sscanf(l, "session %d %llu %u", &pid, &a,
			   &j->sess[sess].group) == 3) {
			j->sess[sess].pid = pid;
			j->sess[sess].start = a;
			continue;
		}
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
		if (j->n == j->cap) {
			int cap = j->cap ? j->cap * 2 : 32;
			void *nr = realloc(j->rec, sizeof(*j->rec) * (size_t)cap);

			if (!nr)
				return;
			j->rec = nr;
			j->cap = cap;
		}
		j->rec[j->n++] = r;
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
	j->sess[s].group = group;
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
		_cleanup_free_ char *buf = NULL;
		_cleanup_close_ int fd = -1;
		int pid;
		char c;

		if (sscanf(e->d_name, "%d.journa%c", &pid, &c) != 2 ||
		    pid == getpid())
			continue;
		snprintf(path, sizeof(path), "%s/%s", JOURNAL_DIR, e->d_name);
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		if (fd < 0 || !(buf = read_all(fd)))
			continue;
		s = add_session(j);
		if (s < 0)
			break;
		snprintf(j->sess[s].path, sizeof(j->sess[s].path), "%s", path);
		parse(j, s, buf);
		j->sess[s].live = proc_alive(j->sess[s].pid, j->sess[s].start);
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

void journal_done(struct journal *j)
{
	for (int s = 0; s < j->nsess; s++) {
		if (j->sess[s].self) {
			char path[PATH_MAX];

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

void journal_fini(void)
{
	if (jfd >= 0)
		close(jfd);
	jfd = -1;
}
