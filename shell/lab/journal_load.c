/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * journal_load.c - what `cleanup` may remove: this session's journal and
 * the dead sessions' ones in JOURNAL_DIR read (a live session's things,
 * or another live mount namespace's, are left alone), the labels of the
 * live sessions' spawns, and the journals removed once done.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nsh.h"
#include "journal_priv.h"

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
	return fd < 0 ? NULL : journal_read_fd(fd);
}

/* a live session's things are its own: the records of session S left
 * out of J */
static void drop_session(struct journal *j, int s)
{
	for (int i = 0; i < j->n;)
		if (j->rec[i].sess == s)
			j->rec[i] = j->rec[--j->n];
		else
			i++;
}

/* the journal BUF at PATH, another session's, as session S of J: its
 * records stay only when it is dead */
static void load_other(struct journal *j, int s, const char *path,
		       char *buf)
{
	snprintf(j->sess[s].path, sizeof(j->sess[s].path), "%s", path);
	journal_parse(j, s, buf);
	j->sess[s].live = proc_alive(j->sess[s].pid, j->sess[s].start);
	/* another mount namespace's session (a sandbox sharing /run): not
	 * ours to judge, as if alive, while that mount namespace lives (a
	 * dead one's things are anyone's to clean) */
	if (j->sess[s].mnt && j->sess[s].mnt != journal_self_mnt() &&
	    mnt_alive(j->sess[s].mnt)) {
		j->sess[s].live = true;
		j->sess[s].path[0] = '\0';
	}
	if (j->sess[s].live)
		drop_session(j, s);
}

int journal_load(bool dead_too, struct journal *j)
{
	_cleanup_free_ char *own = journal_own_text();
	int s;

	memset(j, 0, sizeof(*j));
	s = journal_add_session(j);
	if (s < 0)
		return -1;
	j->sess[s].self = true;
	j->sess[s].pid = getpid();
	j->sess[s].start = journal_start();
	if (own)
		journal_parse(j, s, own);
	if (!dead_too || journal_in_memory())
		return 0;

	_cleanup_(closedirp) DIR *d = opendir(JOURNAL_DIR);
	struct dirent *e;

	while (d && (e = readdir(d))) {
		char path[PATH_MAX];
		_cleanup_free_ char *buf = other_journal(e, path, sizeof(path));

		if (!buf)
			continue;
		s = journal_add_session(j);
		if (s < 0)
			break;
		load_other(j, s, path, buf);
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
	for (int s = 0; s < j->nsess; s++)
		if (j->sess[s].self)
			journal_own_remove();
		else if (!j->sess[s].live && j->sess[s].path[0])
			(void)unlink(j->sess[s].path);
	(void)rmdir(JOURNAL_DIR);	/* only when empty */
}
