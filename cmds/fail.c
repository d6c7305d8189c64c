/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fail.c - failures on cue: `fail link NS:IF`, `restore link`,
 * `fail node NS`, `restore node`, `flap link … every 2s [for 20s]`,
 * `after 5s COMMAND…`, `jobs`.
 *
 * A failed link is set down at both ends of its cable (a veth's peer
 * too, in whatever namespace it is), so both sides lose the carrier; a
 * failed node has every link but lo down and the processes inside it
 * stopped (SIGSTOP; the holder of a spawned namespace too).  What was up
 * before and which processes were stopped is remembered, so `restore`
 * gives back exactly that.  The faults are this session's: `why` and
 * `show` name them ("failed by 'fail link'", fail_reason).
 *
 * `flap` and `after` run as background jobs of nsh (a forked nsh), listed
 * by `jobs` and ended by `kill %N`.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <netlink/route/link.h>

#include "cmds.h"
#include "model.h"

/* one end of a failed cable, or a link of a failed node */
struct end {
	dev_t dev;
	ino_t ino;
	int ifindex;
	bool was_up;
};

struct fault {
	bool node;		/* fail node (else fail link) */
	char what[300];		/* "ns2:veth-ns2", "ns2" */
	struct end ends[64];
	int nends;
	pid_t stopped[64];
	int nstopped;
};

static struct fault faults[32];
static int nfaults;

/*
 * The faults are kept in FAULTS_FILE too, so that every nsh of the
 * sandbox or host sees them: the jobs of `after` and `flap` (forked
 * copies), another session's `why` and `show`, a later `restore`.
 */
#define FAULTS_FILE JOURNAL_DIR "/faults"

static struct stat faults_seen;	/* the file as last read */

static void faults_load(void)
{
	struct stat st;
	FILE *f;

	if (stat(FAULTS_FILE, &st) < 0) {
		nfaults = 0;
		memset(&faults_seen, 0, sizeof(faults_seen));
		return;
	}
	if (st.st_ino == faults_seen.st_ino &&
	    st.st_mtim.tv_sec == faults_seen.st_mtim.tv_sec &&
	    st.st_mtim.tv_nsec == faults_seen.st_mtim.tv_nsec &&
	    st.st_size == faults_seen.st_size)
		return;
	faults_seen = st;
	nfaults = 0;
	if (!(f = fopen(FAULTS_FILE, "re")))
		return;
	while (nfaults < (int)ARRAY_SIZE(faults)) {
		struct fault *x = &faults[nfaults];
		int node;

		*x = (struct fault){ 0 };
		if (fscanf(f, "%d %299s %d", &node, x->what, &x->nends) != 3 ||
		    x->nends < 0 || x->nends > (int)ARRAY_SIZE(x->ends))
			break;
		x->node = node;
		for (int k = 0; k < x->nends; k++) {
			unsigned long long dev, ino;
			int up;

			if (fscanf(f, "%llu %llu %d %d", &dev, &ino,
				   &x->ends[k].ifindex, &up) != 4)
				goto out;
			x->ends[k].dev = (dev_t)dev;
			x->ends[k].ino = (ino_t)ino;
			x->ends[k].was_up = up;
		}
		if (fscanf(f, "%d", &x->nstopped) != 1 || x->nstopped < 0 ||
		    x->nstopped > (int)ARRAY_SIZE(x->stopped))
			break;
		for (int k = 0; k < x->nstopped; k++)
			if (fscanf(f, "%d", &x->stopped[k]) != 1)
				goto out;
		nfaults++;
	}
out:
	fclose(f);
}

static void faults_save(void)
{
	char tmp[sizeof(FAULTS_FILE) + 32];
	FILE *f;

	if (!nfaults) {
		(void)unlink(FAULTS_FILE);
		memset(&faults_seen, 0, sizeof(faults_seen));
		return;
	}
	(void)mkdir(JOURNAL_DIR, 0755);
	snprintf(tmp, sizeof(tmp), "%s.%d", FAULTS_FILE, (int)getpid());
	if (!(f = fopen(tmp, "we")))
		return;
	for (int i = 0; i < nfaults; i++) {
		const struct fault *x = &faults[i];

		fprintf(f, "%d %s %d", x->node, x->what, x->nends);
		for (int k = 0; k < x->nends; k++)
			fprintf(f, " %llu %llu %d %d",
				(unsigned long long)x->ends[k].dev,
				(unsigned long long)x->ends[k].ino,
				x->ends[k].ifindex, x->ends[k].was_up);
		fprintf(f, " %d", x->nstopped);
		for (int k = 0; k < x->nstopped; k++)
			fprintf(f, " %d", (int)x->stopped[k]);
		fputc('\n', f);
	}
	if (fclose(f) == 0 && rename(tmp, FAULTS_FILE) == 0)
		(void)stat(FAULTS_FILE, &faults_seen);
	else
		(void)unlink(tmp);
}

/* ------------------------------------------------------------ lookups */

static struct fault *fault_find(bool node, const char *what)
{
	faults_load();
	for (int i = 0; i < nfaults; i++)
		if (faults[i].node == node && streq(faults[i].what, what))
			return &faults[i];
	return NULL;
}

/*
 * fail_reason - "failed by 'fail link'" when link L of NS is down because
 * of a fault of this session (FIX, when given, gets the command that
 * undoes it), else NULL.
 */
const char *fail_reason(const struct model_ns *ns, const struct model_link *l,
			char *fix, size_t len)
{
	faults_load();
	for (int i = 0; i < nfaults; i++)
		for (int k = 0; k < faults[i].nends; k++) {
			const struct end *e = &faults[i].ends[k];

			if (e->dev != ns->dev || e->ino != ns->ino ||
			    e->ifindex != l->ifindex)
				continue;
			if (fix)
				snprintf(fix, len, "restore %s %s",
					 faults[i].node ? "node" : "link",
					 faults[i].what);
			return faults[i].node ? "failed by 'fail node'"
					      : "failed by 'fail link'";
		}
	return NULL;
}

/* ------------------------------------------------------------ changes */

/* link IFINDEX of the model namespace NS up or down */
static int set_up(struct nsh *sh, const struct model_ns *mns, int ifindex,
		  bool up)
{
	struct rtnl_link *orig = rtnl_link_alloc(), *chg = rtnl_link_alloc();
	struct nsh_ns ns = { .fd = -1 };
	struct nl_sock *sk;
	char ref[300];
	int r = -ENOMEM;

	if (!orig || !chg)
		goto out;
	if (mns->name[0])
		snprintf(ref, sizeof(ref), "%s", mns->name);
	else if (mns->pid)
		snprintf(ref, sizeof(ref), "%d", (int)mns->pid);
	else
		ref[0] = '\0';
	if (ref[0] && ns_resolve(sh, ref, true, &ns)) {
		r = -ENOENT;
		goto out;
	}
	sk = ref[0] ? ns_sock_in(sh, &ns) : ns_sock_in(sh, &sh->home);
	if (!sk) {
		r = -EIO;
		goto out;
	}
	rtnl_link_set_ifindex(orig, ifindex);
	if (up)
		rtnl_link_set_flags(chg, IFF_UP);
	else
		rtnl_link_unset_flags(chg, IFF_UP);
	r = rtnl_link_change(sk, orig, chg, 0);
out:
	if (ns.fd >= 0)
		ns_close(&ns);
	rtnl_link_put(orig);
	rtnl_link_put(chg);
	return r;
}

static void add_end(struct fault *f, const struct model_ns *ns,
		    const struct model_link *l)
{
	if (f->nends < (int)ARRAY_SIZE(f->ends))
		f->ends[f->nends++] = (struct end){ ns->dev, ns->ino,
						    l->ifindex,
						    l->flags & IFF_UP };
}

/* every end of F down; 0, or 1 after reporting (what was done undone) */
static int ends_down(struct nsh *sh, struct model *m, struct fault *f)
{
	for (int k = 0; k < f->nends; k++) {
		struct model_ns *ns = model_ns_find(m, f->ends[k].dev,
						    f->ends[k].ino);
		int r = ns ? set_up(sh, ns, f->ends[k].ifindex, false)
			   : -ENOENT;

		if (r < 0) {
			while (k-- > 0)
				if ((ns = model_ns_find(m, f->ends[k].dev,
							f->ends[k].ino)) &&
				    f->ends[k].was_up)
					(void)set_up(sh, ns, f->ends[k].ifindex,
						     true);
			return nsh_err(sh, "'%s': cannot set it down: %s",
				       f->what, r == -ENOENT ? "gone"
						: nl_geterror(r));
		}
	}
	return 0;
}

/* the ends that were up, up again; the stopped processes continued */
static int undo(struct nsh *sh, struct model *m, const struct fault *f)
{
	int rc = 0;

	for (int k = 0; k < f->nstopped; k++)
		(void)kill(f->stopped[k], SIGCONT);
	for (int k = 0; k < f->nends; k++) {
		struct model_ns *ns = model_ns_find(m, f->ends[k].dev,
						    f->ends[k].ino);

		if (f->ends[k].was_up &&
		    (!ns || set_up(sh, ns, f->ends[k].ifindex, true) < 0))
			rc = 1;
	}
	return rc;
}

static int stop_one(pid_t pid, const char *comm, void *ctx)
{
	struct fault *f = ctx;

	if (f->nstopped < (int)ARRAY_SIZE(f->stopped) &&
	    kill(pid, SIGSTOP) == 0)
		f->stopped[f->nstopped++] = pid;
	return 0;
}

/* the processes whose network namespace is NS (not nsh itself) */
static void stop_processes(struct fault *f, const struct model_ns *ns)
{
	(void)ns_procs(ns->dev, ns->ino, stop_one, f);
}

/* ------------------------------------------------------------ commands */

/* the next free fault, for WHAT (not counted until saved), or NULL after
 * reporting */
static struct fault *fault_new(struct nsh *sh, bool node, const char *what)
{
	struct fault *f;

	if (fault_find(node, what)) {
		nsh_err(sh, "'%s': already failed ('restore %s %s')", what,
			node ? "node" : "link", what);
		return NULL;
	}
	if (nfaults == (int)ARRAY_SIZE(faults)) {
		nsh_err(sh, "too many faults at once");
		return NULL;
	}
	f = &faults[nfaults];
	*f = (struct fault){ .node = node };
	snprintf(f->what, sizeof(f->what), "%s", what);
	return f;
}

/* F counted and saved, then its ends set down; 0, or 1 after reporting
 * (F forgotten again).  Saved first: a watch in another nsh sees the
 * fault with the event */
static int fault_apply(struct nsh *sh, struct model *m, struct fault *f)
{
	nfaults++;
	faults_save();
	if (ends_down(sh, m, f)) {
		nfaults--;
		faults_save();
		return 1;
	}
	return 0;
}

static int fail_link(struct nsh *sh, struct model *m, const char *word)
{
	struct model_ns *ns, *pns;
	struct model_link *l, *pl;
	struct fault *f;

	if (!(l = nsif_find(sh, m, word, true, &ns)))
		return 1;
	if (!(f = fault_new(sh, false, word)))
		return 1;
	add_end(f, ns, l);
	if (model_peer(m, ns, l, &pns, &pl))
		add_end(f, pns, pl);
	if (fault_apply(sh, m, f))
		return 1;
	if (f->nends == 2)
		printf("%s failed: down at both ends (its peer %s:%s too)\n",
		       word, model_ns_label(pns), pl->name);
	else
		printf("%s failed: down\n", word);
	return 0;
}

static int fail_node(struct nsh *sh, struct model *m, const char *name)
{
	struct model_ns *ns = model_ns_by_name(m, name);
	struct fault *f;

	if (!ns)
		return nsh_err(sh, "'%s': no such namespace", name);
	if (!(f = fault_new(sh, true, name)))
		return 1;
	for (int i = 0; i < ns->nlinks; i++)
		if (!(ns->links[i].flags & IFF_LOOPBACK))
			add_end(f, ns, &ns->links[i]);
	if (fault_apply(sh, m, f))
		return 1;
	stop_processes(f, ns);
	faults_save();
	printf("%s failed: %d link%s down, %d process%s stopped\n", name,
	       f->nends, f->nends == 1 ? "" : "s", f->nstopped,
	       f->nstopped == 1 ? "" : "es");
	return 0;
}

static int cmd_fail(struct nsh *sh, const struct nsh_args *a)
{
	struct model *m = model_get(sh);

	if (!m)
		return 1;
	if (arg_has(a, "node"))
		return fail_node(sh, m, arg_str(a, "ns"));
	return fail_link(sh, m, arg_str(a, "nsif"));
}

/* undo fault WHAT: 0, or 1 after reporting */
static int restore(struct nsh *sh, bool node, const char *what)
{
	struct fault *f = fault_find(node, what);
	struct model *m = model_get(sh);
	int rc;

	if (!f)
		return nsh_err(sh, "'%s': not failed (by 'fail %s')", what,
			       node ? "node" : "link");
	if (!m)
		return 1;
	rc = undo(sh, m, f);
	*f = faults[--nfaults];
	faults_save();
	printf("%s restored\n", what);
	return rc ? nsh_err(sh, "'%s': some of it could not be restored",
			    what) : 0;
}

static int cmd_restore(struct nsh *sh, const struct nsh_args *a)
{
	bool node = arg_has(a, "node");

	return restore(sh, node, node ? arg_str(a, "ns") : arg_str(a, "nsif"));
}

static void sleep_ms(long long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR &&
	       !nsh_terminated)
		;
}

static int cmd_flap(struct nsh *sh, const struct nsh_args *a)
{
	const char *word = arg_str(a, "nsif");
	long long every = parse_duration_ms(arg_str(a, "every"));
	long long total = arg_has(a, "for") ? parse_duration_ms(arg_str(a, "total"))
					    : 0;
	char text[400];
	struct model *m;
	pid_t pid;

	if (every < 50 || total < 0)
		return nsh_err(sh, "'%s': not a duration like 2s or 500ms "
				   "(at least 50ms)",
			       every < 50 ? arg_str(a, "every")
					  : arg_str(a, "total"));
	struct model_ns *ns;

	if (!(m = model_get(sh)) || !nsif_find(sh, m, word, true, &ns))
		return 1;
	snprintf(text, sizeof(text), "flap link %s every %s%s%s", word,
		 arg_str(a, "every"), total ? " for " : "",
		 total ? arg_str(a, "total") : "");
	pid = nsh_job_fork(sh, text);
	if (pid < 0)
		return 1;
	if (pid > 0)
		return 0;
	/* the job: down, up, down, … each EVERY, until TOTAL or killed */
	long long start = mono_ms();
	bool down = false;
	int rc = 0;
	int out = open("/dev/null", O_WRONLY | O_CLOEXEC);

	if (out >= 0) {		/* "failed"/"restored" would fill the screen */
		(void)dup2(out, 1);
		close(out);
	}
	/* each change on the clock's beat (start + k * EVERY), not EVERY
	 * after the last one finished: the period does not drift */
	for (long long k = 1; !nsh_terminated &&
			      (!total || mono_ms() - start < total); k++) {
		long long wait;

		m = model_get(sh);
		rc = down ? restore(sh, false, word)
			  : m ? fail_link(sh, m, word) : 1;
		if (rc)
			break;
		down = !down;
		wait = start + k * every - mono_ms();
		if (wait > 0)
			sleep_ms(wait);
	}
	if (down)
		(void)restore(sh, false, word);
	nsh_job_exit(sh, rc);
}

/* `after 5s COMMAND…`: COMMAND runs later, in a background job */
static int cmd_after(struct nsh *sh, const struct nsh_args *a)
{
	long long ms = parse_duration_ms(arg_str(a, "delay"));
	char text[400];
	size_t n = 0;
	pid_t pid;

	if (ms < 0)
		return nsh_err(sh, "'%s': not a duration like 5s or 500ms",
			       arg_str(a, "delay"));
	n += (size_t)snprintf(text, sizeof(text), "after %s",
			      arg_str(a, "delay"));
	for (int i = 0; i < a->nrest && n < sizeof(text); i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, " %s",
				      a->rest[i]);
	pid = nsh_job_fork(sh, text);
	if (pid < 0)
		return 1;
	if (pid > 0)
		return 0;
	sleep_ms(ms);
	nsh_job_exit(sh, nsh_terminated ? 128 + nsh_terminated
			 : nsh_run_words(sh, a->nrest, a->rest, NSH_RUN));
}

static int cmd_jobs(struct nsh *sh, const struct nsh_args *a)
{
	nsh_jobs_print(sh);
	return 0;
}

/* a link as these commands and expect's take it; TAB as for capture */
static const struct nsh_type fail_types[] = {
	{ "LINKREF", "a link: NS:IF (ns2:veth-ns2), host:IF, IF in the "
		     "namespace nsh acts in, HOST:NS:IF on another host",
	  NULL, nsif_complete },
	{ NULL },
};

static const struct nsh_cmd fail_cmds[] = {
	{ "fail link LINKREF$nsif",
	  "take a cable down at both ends (a veth's peer too) until "
	  "'restore link'",
	  cmd_fail, NSH_CMD_MUTATES, "fail link ns2:veth-ns2",
	  "ip -n NS link set IF down; ip -n PEERNS link set PEER down" },
	{ "fail node NSNAME$ns",
	  "take a namespace off the lab: its links down, its processes "
	  "stopped, until 'restore node'",
	  cmd_fail, NSH_CMD_MUTATES, "fail node ns2",
	  "ip -n NS link set IF down (each); kill -STOP PID (each)" },
	{ "restore link LINKREF$nsif", "undo 'fail link': both ends as before",
	  cmd_restore, NSH_CMD_MUTATES, "restore link ns2:veth-ns2",
	  "ip -n NS link set IF up; ip -n PEERNS link set PEER up" },
	{ "restore node NSNAME$ns", "undo 'fail node'", cmd_restore, NSH_CMD_MUTATES,
	  "restore node ns2", "ip -n NS link set IF up; kill -CONT PID" },
	{ "flap link LINKREF$nsif every WORD$every [ for WORD$total ]",
	  "fail and restore a cable in turn, in the background (jobs, "
	  "kill %N)",
	  cmd_flap, 0, "flap link ns2:veth-ns2 every 2s for 20s" },
	{ "after WORD$delay ARGS...",
	  "run a command later, in the background (jobs, kill %N)",
	  cmd_after, NSH_CMD_NESTED, "after 5s fail link ns2:veth-ns2" },
	{ "jobs", "the background jobs: programs started with &, flap, after",
	  cmd_jobs, NSH_CMD_NOBARRIER, "jobs" },
	{ NULL },
};

const struct nsh_family fail_family = {
	"fail", "failures on cue: fail, restore, flap, after, jobs",
	fail_cmds, fail_types,
};
