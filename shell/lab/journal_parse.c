/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * journal_parse.c - a session's journal text (the lines journal.c
 * describes) read into a struct journal: a later line about the same
 * namespace or link replaces the earlier one, a line of a kind not known
 * is skipped, and what a line's pair or intent refers to is looked up
 * among the records of the same session.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nsh.h"
#include "journal_priv.h"

/* the whole text of FD, from its start (free it) */
char *journal_read_fd(int fd)
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

/* the journal text BUF of session number SESS into *J */
void journal_parse(struct journal *j, int sess, char *buf)
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

int journal_add_session(struct journal *j)
{
	void *ns = realloc(j->sess, sizeof(*j->sess) * (size_t)(j->nsess + 1));

	if (!ns)
		return -1;
	j->sess = ns;
	memset(&j->sess[j->nsess], 0, sizeof(*j->sess));
	return j->nsess++;
}

void journal_free(struct journal *j)
{
	free(j->rec);
	free(j->sess);
	memset(j, 0, sizeof(*j));
}
