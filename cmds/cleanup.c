/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cleanup.c - `cleanup [--dry-run]`: remove exactly what nsh created.
 *
 * What nsh created is in the journal (shell/journal.c): the processes it
 * spawned, the namespaces it named (with their nsfs identity, so a
 * namespace someone made again under the same name is left alone), and,
 * carried by the kernel itself, the link group that tags every link it
 * made.  This session's things are removed, and those of sessions that
 * are gone (nsh killed mid-script); a session still running keeps its own.
 *
 * Order: the processes first (their namespaces die with them), then the
 * named namespaces (their veths die with them, peers included), then the
 * tagged links left in any namespace still there (one RTM_DELLINK by group
 * per namespace), then /run/netns's mount if nsh made it and it is empty.
 * It returns once the kernel has removed the links.
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
#include "../shell/model.h"

struct groups {
	uint32_t g[64];
	int n;
};

static bool has_group(const struct groups *gs, uint32_t g)
{
	for (int i = 0; i < gs->n; i++)
		if (gs->g[i] == g)
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

static void kill_processes(struct journal *j, struct tally *t)
{
	for (int i = 0; i < j->n; i++) {
		struct journal_rec *r = &j->rec[i];

		if (r->kind != JOURNAL_SPAWN || !proc_alive(r->pid, r->start))
			continue;
		say(t, "process %d (spawn %s)", (int)r->pid, r->name);
		t->procs++;
		if (t->dry)
			continue;
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

struct scan {
	const struct groups *gs;
	const struct journal *skip;	/* dry run: namespaces that would go */
	struct tally *t;
	int left;		/* tagged links still there */
	bool del;
};

/* one RTM_DELLINK for every link of group G in the namespace of SK */
static int delete_group(struct nl_sock *sk, uint32_t g)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_DELLINK, 0);
	int err;

	if (!msg)
		return -NLE_NOMEM;
	if (nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, IFLA_GROUP, g) < 0) {
		nlmsg_free(msg);
		return -NLE_NOMEM;
	}
	err = nl_send_sync(sk, msg);	/* frees MSG */
	return err == -NLE_OBJ_NOTFOUND || err == -NLE_NODEV ? 0 : err;
}

static int scan_ns(struct nsh *sh, struct nsh_ns *ns, void *ctx)
{
	struct scan *s = ctx;
	struct nl_sock *sk = ns_sock_in(sh, ns);
	struct nl_cache *cache = NULL;
	struct groups found = { .n = 0 };
	char d[300], why[256];
	int err;

	for (int i = 0; s->skip && i < s->skip->n; i++)
		if (s->skip->rec[i].kind == JOURNAL_NETNS &&
		    s->skip->rec[i].dev == ns->dev &&
		    s->skip->rec[i].ino == ns->ino)
			return 0;
	if (!sk)
		return 1;
	err = rtnl_link_alloc_cache(sk, AF_UNSPEC, &cache);
	if (err < 0)
		return nsh_err(sh, "cannot list the links of %s: %s",
			       ns_desc(ns, d, sizeof(d)),
			       nl_reason(err, why, sizeof(why)));
	for (struct nl_object *o = nl_cache_get_first(cache); o;
	     o = nl_cache_get_next(o)) {
		struct rtnl_link *l = (struct rtnl_link *)o;
		uint32_t g = rtnl_link_get_group(l);

		if (!has_group(s->gs, g))
			continue;
		s->left++;
		if (s->t) {
			const char *k = rtnl_link_get_type(l);

			say(s->t, "link %s (%s) in %s", rtnl_link_get_name(l),
			    k ? k : "link", ns_desc(ns, d, sizeof(d)));
			s->t->links++;
		}
		if (!has_group(&found, g) && found.n < (int)ARRAY_SIZE(found.g))
			found.g[found.n++] = g;
	}
	nl_cache_free(cache);
	for (int i = 0; s->del && i < found.n; i++) {
		nl_clear_error();
		err = delete_group(sk, found.g[i]);
		if (err < 0)
			return nsh_err(sh, "cannot delete nsh's links in %s: %s",
				       ns_desc(ns, d, sizeof(d)),
				       nl_reason(err, why, sizeof(why)));
	}
	return 0;
}

/* wait until no tagged link is left anywhere (deletions are asynchronous
 * where a namespace dies with its links) */
static int wait_links(struct nsh *sh, const struct groups *gs)
{
	for (int t = 0; t < 1000; t++) {
		struct scan s = { .gs = gs };

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
	struct groups gs = { .n = 0 };
	struct tally t = { .dry = dry_run, .quiet = quiet };
	struct scan s = { .gs = &gs, .t = &t, .del = !dry_run };

	int rc = 0;

	if (journal_load(dead_too, &j) < 0)
		return nsh_err(sh, "out of memory");
	for (int i = 0; i < j.nsess && gs.n < (int)ARRAY_SIZE(gs.g); i++)
		if (!j.sess[i].live)
			gs.g[gs.n++] = j.sess[i].group;
	if (dry_run)
		s.skip = &j;
	kill_processes(&j, &t);
	if (!dry_run)
		nsh_leave_all(sh);
	rc |= delete_namespaces(sh, &j, &t);
	if (!dry_run)
		rc |= teardown_wait(sh);
	rc |= each_namespace(sh, scan_ns, &s);
	if (!dry_run)
		rc |= wait_links(sh, &gs);
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
