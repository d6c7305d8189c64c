/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cleanup.c - `cleanup [--dry-run]`: remove exactly what nsh created.
 *
 * What nsh created is in the journal (shell/journal.c): the processes it
 * spawned, the namespaces it named (with their nsfs identity, so a
 * namespace someone made again under the same name is left alone), and
 * the links it made, each where it is now (namespace, ifindex, name).
 * This session's things are removed, and those of sessions that are gone
 * (nsh killed mid-script); a session still running keeps its own.
 *
 * Order: the processes first (their namespaces die with them), then the
 * named namespaces (their veths die with them, peers included), then the
 * journal's links left in any namespace still there: one RTM_DELLINK
 * each, for a link that still has its ifindex and its name (an ifindex
 * reused under another name is someone else's link), the first end of a
 * veth pair first (its peer goes with it); then /run/netns's mount if nsh
 * made it and it is empty.  It returns once the kernel has removed the
 * links.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/cache.h>
#include <netlink/msg.h>
#include <netlink/route/link.h>

#include "cmds.h"
#include "model.h"

/* namespaces by nsfs identity */
struct nsset {
	struct { dev_t dev; ino_t ino; } *v;
	int n, cap;
};

static void nsset_add(struct nsset *s, dev_t dev, ino_t ino)
{
	if (s->n == s->cap) {
		int cap = s->cap ? s->cap * 2 : 16;
		void *v = realloc(s->v, sizeof(*s->v) * (size_t)cap);

		if (!v)
			return;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n].dev = dev;
	s->v[s->n].ino = ino;
	s->n++;
}

static bool nsset_has(const struct nsset *s, dev_t dev, ino_t ino)
{
	for (int i = 0; s && i < s->n; i++)
		if (s->v[i].dev == dev && s->v[i].ino == ino)
			return true;
	return false;
}

struct tally {
	int procs, netns, links;
	bool dry, quiet;
};

static void say(const struct tally *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(const struct tally *t, const char *fmt, ...)
{
	va_list ap;

	if (t->quiet)
		return;
	fputs(t->dry ? "would remove " : "removed ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* ------------------------------------------------------------ processes */

static void end_process(pid_t pid, unsigned long long start)
{
	(void)kill(pid, SIGKILL);
	for (int t = 0; t < 500; t++) {
		(void)waitpid(pid, NULL, WNOHANG);	/* ours: reap it */
		if (!proc_alive(pid, start))
			return;
		usleep(2000);
	}
}

/* as `kill LABEL`: the veths whose peers die with the namespace of PID
 * are waited for (teardown_wait) */
static void wait_for_peers(struct nsh *sh, pid_t pid, const char *label)
{
	char dir[64];
	struct nsh_ns ns;

	snprintf(dir, sizeof(dir), "/proc/%d/ns", (int)pid);
	if (ns_open_path(sh, dir, "net", label, &ns) < 0)
		return;
	if (!ns_same(&ns, &sh->cur) && !ns_same(&ns, &sh->home)) {
		teardown_collect(sh, &ns);
		ns_forget(sh, ns.dev, ns.ino);
	}
	ns_close(&ns);
}

static void kill_processes(struct nsh *sh, struct journal *j, struct tally *t)
{
	spawn_reap();	/* this session's own exited spawns: no zombies */
	for (int i = 0; i < j->n; i++) {
		struct journal_rec *r = &j->rec[i];

		if (r->kind != JOURNAL_SPAWN || !proc_alive(r->pid, r->start))
			continue;
		if (proc_zombie(r->pid)) {
			/* dead already: nothing to end, nothing it holds */
			if (!t->quiet)
				printf("process %d (spawn %s) had already exited "
				       "(its parent has not reaped it)\n",
				       (int)r->pid, r->name);
			continue;
		}
		say(t, "process %d (spawn %s)", (int)r->pid, r->name);
		t->procs++;
		if (t->dry)
			continue;
		wait_for_peers(sh, r->pid, r->name);
		end_process(r->pid, r->start);
	}
	if (!t->dry)
		spawn_reap();
}

/* ------------------------------------------------------------ namespaces */

static bool is_nsfs(const char *path)
{
	struct statfs sfs;

	return statfs(path, &sfs) == 0 && sfs.f_type == NSFS_MAGIC;
}

static int delete_namespaces(struct nsh *sh, struct journal *j,
			     struct tally *t)
{
	int rc = 0;

	for (int i = 0; i < j->n; i++) {
		struct journal_rec *r = &j->rec[i];
		char path[PATH_MAX], esc[300];
		struct stat st;

		if (r->kind != JOURNAL_NETNS)
			continue;
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, r->name);
		if (stat(path, &st) < 0)
			continue;
		if (S_ISREG(st.st_mode) && st.st_size == 0 && !is_nsfs(path)) {
			/* killed between making the file and mounting on it */
			say(t, "the empty file %s", path);
			if (!t->dry)
				(void)unlink(path);
			continue;
		}
		if (st.st_dev != r->dev || st.st_ino != r->ino)
			continue;	/* someone else's now */
		say(t, "namespace %s", str_escape(r->name, esc, sizeof(esc)));
		t->netns++;
		if (!t->dry && ns_unname(sh, r->name))
			rc = 1;
	}
	return rc;
}

/* ------------------------------------------------------------ links */

/* every namespace the model knows (the host's, the named ones, those only
 * processes hold), opened in turn for FN */
static int each_namespace(struct nsh *sh,
			  int (*fn)(struct nsh *, struct nsh_ns *, void *),
			  void *ctx)
{
	struct model *m = model_get(sh);
	int rc = fn(sh, &sh->home, ctx);

	for (int i = 1; m && i < m->nns; i++) {
		struct model_ns *mn = m->ns[i];
		char dir[64];
		struct nsh_ns ns;

		snprintf(dir, sizeof(dir), "/proc/%d/ns", (int)mn->pid);
		if (ns_open_path(sh, mn->pid > 0 ? dir : NETNS_RUN_DIR,
				 mn->pid > 0 ? "net" : mn->name,
				 model_ns_label(mn), &ns) < 0)
			continue;
		ns.held = mn->pid > 0;
		if (ns.dev == mn->dev && ns.ino == mn->ino)
			rc |= fn(sh, &ns, ctx);
		if (ns.held)
			ns_forget(sh, ns.dev, ns.ino);
		ns_close(&ns);
	}
	return rc;
}

/* the namespaces that go with the cleanup: those it deletes, and those of
 * the processes it ends */
static void going(const struct journal *j, struct nsset *g)
{
	for (int i = 0; i < j->n; i++) {
		const struct journal_rec *r = &j->rec[i];
		char path[PATH_MAX];
		struct stat st;

		if (r->kind == JOURNAL_NETNS)
			snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR,
				 r->name);
		else if (r->kind == JOURNAL_SPAWN &&
			 proc_alive(r->pid, r->start))
			snprintf(path, sizeof(path), "/proc/%d/ns/net",
				 (int)r->pid);
		else
			continue;
		if (stat(path, &st) == 0 &&
		    (r->kind == JOURNAL_SPAWN ||
		     (st.st_dev == r->dev && st.st_ino == r->ino)))
			nsset_add(g, st.st_dev, st.st_ino);
	}
}

/* the other end of link record I (the same pair number), or -1 */
static int other_end(const struct journal *j, int i)
{
	const struct journal_rec *r = &j->rec[i];

	for (int k = 0; r->pair && k < j->n; k++)
		if (k != i && j->rec[k].kind == JOURNAL_LINK &&
		    j->rec[k].sess == r->sess && j->rec[k].pair == r->pair)
			return k;
	return -1;
}

struct scan {
	const struct journal *j;
	bool *done;		/* by record: dealt with, or its other end
				 * was (NULL: count them all) */
	const struct nsset *skip;	/* dry run: namespaces that would go */
	struct tally *t;	/* NULL: count only */
	bool peers;		/* this round: the ends made as peers too */
	bool del;
	int left;		/* the journal's links still there */
};

/* whether link record I is for this round of S, in NS */
static bool in_round(const struct scan *s, int i, const struct nsh_ns *ns)
{
	const struct journal_rec *r = &s->j->rec[i];

	return r->kind == JOURNAL_LINK &&
	       ((r->dev == ns->dev && r->ino == ns->ino) ||
		(r->ino2 && r->dev2 == ns->dev && r->ino2 == ns->ino)) &&
	       (!s->done || !s->done[i]) && (s->peers || !r->peer);
}

/* the link of record R in CACHE, the namespace NS: the same ifindex under
 * the same name (the same ifindex under another name is someone else's),
 * or the one it was being renamed or moved to; the link of the name and
 * kind asked for when the kernel's answer was not heard.  NULL: none */
static struct rtnl_link *find_rec(struct nl_cache *cache,
				  const struct journal_rec *r,
				  const struct nsh_ns *ns)
{
	struct rtnl_link *l = NULL;
	const char *k;

	if (r->dev == ns->dev && r->ino == ns->ino) {
		l = r->ifindex ? rtnl_link_get(cache, r->ifindex) :
				 rtnl_link_get_by_name(cache, r->name);
		k = l ? rtnl_link_get_type(l) : NULL;
		if (l && (!streq(rtnl_link_get_name(l), r->name) ||
			  (!r->ifindex && !(k && streq(k, r->type))))) {
			rtnl_link_put(l);
			l = NULL;
		}
	}
	if (!l && r->ino2 && r->ifindex && r->dev2 == ns->dev &&
	    r->ino2 == ns->ino) {
		l = rtnl_link_get(cache, r->ifindex);
		if (l && !streq(rtnl_link_get_name(l), r->name2)) {
			rtnl_link_put(l);
			l = NULL;
		}
	}
	return l;
}

/* one RTM_DELLINK for link IFINDEX in the namespace of SK */
static int delete_link(struct nl_sock *sk, int ifindex)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC,
				 .ifi_index = ifindex };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_DELLINK, 0);
	int err;

	if (!msg)
		return -NLE_NOMEM;
	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return -NLE_NOMEM;
	}
	nl_clear_error();
	err = nl_send_sync(sk, msg);	/* frees MSG */
	return err == -NLE_OBJ_NOTFOUND || err == -NLE_NODEV ? 0 : err;
}

/* link record I, found as L in NS: list it, delete it */
static int one_link(struct nsh *sh, struct scan *s, struct nl_sock *sk,
		    const struct nsh_ns *ns, struct rtnl_link *l, int i)
{
	int other = other_end(s->j, i), err;
	char d[300], why[256];

	if (s->skip && other >= 0 &&
	    nsset_has(s->skip, s->j->rec[other].dev, s->j->rec[other].ino)) {
		s->done[i] = true;	/* it goes with the other end */
		return 0;
	}
	s->left++;
	if (!s->t)
		return 0;
	s->done[i] = true;
	if (other >= 0)
		s->done[other] = true;	/* it goes with this one */
	{
		const char *k = rtnl_link_get_type(l);

		say(s->t, "link %s (%s) in %s", rtnl_link_get_name(l),
		    k ? k : "link", ns_desc(ns, d, sizeof(d)));
	}
	s->t->links++;
	if (!s->del)
		return 0;
	err = delete_link(sk, rtnl_link_get_ifindex(l));
	if (err < 0)
		return nsh_err(sh, "cannot delete link %s in %s: %s",
			       rtnl_link_get_name(l), ns_desc(ns, d, sizeof(d)),
			       nl_reason(err, why, sizeof(why)));
	return 0;
}

static int scan_ns(struct nsh *sh, struct nsh_ns *ns, void *ctx)
{
	struct scan *s = ctx;
	struct nl_cache *cache = NULL;
	struct nl_sock *sk;
	char d[300], why[256];
	int err, rc = 0, i;

	if (nsset_has(s->skip, ns->dev, ns->ino))
		return 0;
	for (i = 0; i < s->j->n && !in_round(s, i, ns); i++)
		;
	if (i == s->j->n)
		return 0;	/* nothing of the journal there */
	sk = ns_sock_in(sh, ns);
	if (!sk)
		return 1;
	err = rtnl_link_alloc_cache(sk, AF_UNSPEC, &cache);
	if (err < 0)
		return nsh_err(sh, "cannot list the links of %s: %s",
			       ns_desc(ns, d, sizeof(d)),
			       nl_reason(err, why, sizeof(why)));
	for (; i < s->j->n; i++) {
		struct rtnl_link *l;

		if (!in_round(s, i, ns))
			continue;
		l = find_rec(cache, &s->j->rec[i], ns);
		if (l) {
			rc |= one_link(sh, s, sk, ns, l, i);
			rtnl_link_put(l);
		}
	}
	nl_cache_free(cache);
	return rc;
}

/* the journal's links, wherever they are now: the first ends of pairs
 * and lone links, then the ends made as peers whose other end was not
 * there */
static int delete_links(struct nsh *sh, const struct journal *j,
			const struct nsset *skip, struct tally *t)
{
	_cleanup_free_ bool *done = calloc((size_t)j->n + 1, sizeof(*done));
	struct scan s = { .j = j, .done = done, .skip = skip, .t = t,
			  .del = !t->dry };
	int rc;

	ANALYZER_KEEP(done);
	if (!done)
		return nsh_err(sh, "out of memory");
	rc = each_namespace(sh, scan_ns, &s);
	s.peers = true;
	return rc | each_namespace(sh, scan_ns, &s);
}

/* wait until none of the journal's links is left anywhere (deletions are
 * asynchronous where a namespace dies with its links) */
static int wait_links(struct nsh *sh, const struct journal *j)
{
	for (int t = 0; t < 1000; t++) {
		struct scan s = { .j = j, .peers = true };

		if (each_namespace(sh, scan_ns, &s))
			return 1;
		if (!s.left)
			return 0;
		if (nsh_interrupted)
			return nsh_err(sh, "interrupted");
		usleep(5000);
	}
	return nsh_err(sh, "the kernel still shows nsh's links after 5 s");
}

/* ------------------------------------------------------------ /run/netns */

static void release_rundir(struct nsh *sh, struct journal *j,
			   struct tally *t)
{
	_cleanup_(closedirp) DIR *d = NULL;
	struct dirent *e;
	bool made = false;

	for (int i = 0; i < j->n; i++)
		made |= j->rec[i].kind == JOURNAL_RUNDIR;
	for (int s = 0; s < j->nsess; s++)
		if (j->sess[s].live)
			return;	/* another session may rely on it */
	if (!made || !(d = opendir(NETNS_RUN_DIR)))
		return;
	while ((e = readdir(d)))
		if (!streq(e->d_name, ".") && !streq(e->d_name, ".."))
			return;
	say(t, "the mount on %s", NETNS_RUN_DIR);
	if (!t->dry)
		(void)umount2(NETNS_RUN_DIR, MNT_DETACH);
}

int cleanup_run(struct nsh *sh, bool dead_too, bool dry_run, bool quiet)
{
	struct journal j;
	struct nsset skip = { 0 };
	struct tally t = { .dry = dry_run, .quiet = quiet };
	int rc = 0;

	rc |= hosts_cleanup(sh, dry_run, quiet);	/* the lab's other hosts */
	if (journal_load(dead_too, &j) < 0)
		return nsh_err(sh, "out of memory");
	if (dry_run)
		going(&j, &skip);
	kill_processes(sh, &j, &t);
	if (!dry_run)
		nsh_leave_all(sh);
	rc |= delete_namespaces(sh, &j, &t);
	if (!dry_run)
		rc |= teardown_wait(sh);
	rc |= delete_links(sh, &j, dry_run ? &skip : NULL, &t);
	if (!dry_run && !rc)
		rc |= wait_links(sh, &j);
	release_rundir(sh, &j, &t);
	if (!dry_run && !rc)
		journal_done(&j);
	for (int i = 0; i < j.nsess && !quiet; i++)
		if (j.sess[i].live)
			printf("left alone: what nsh session %d (still "
			       "running) made\n",
			       (int)j.sess[i].pid);
	if (!quiet && !t.procs && !t.netns && !t.links)
		printf("nothing to clean up\n");
	free(skip.v);
	journal_free(&j);
	return rc;
}

static int cmd_cleanup(struct nsh *sh, const struct nsh_args *a)
{
	return cleanup_run(sh, true, arg_has(a, "--dry-run"), false);
}

static const struct nsh_cmd cleanup_cmds[] = {
	{ "cleanup [ --dry-run ]",
	  "remove what nsh created (namespaces, links, processes), and "
	  "nothing else",
	  cmd_cleanup, 0, "cleanup --dry-run",
	  "ip netns delete NAME; ip link delete NAME; kill PID   (one by "
	  "one, for what 'cleanup --dry-run' lists)" },
	{ NULL },
};

const struct nsh_family cleanup_family = {
	"cleanup", "cleanup", cleanup_cmds,
};
