/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * checkpoint.c - undo at the prompt: `checkpoint [NAME]`,
 * `checkpoints`, `undo [NAME]`, `reset`.
 *
 * A state is the lab's running-config (cmds/config.c), its comment lines
 * left out: namespaces, links (kind, peer, master, mtu, up), addresses,
 * routes and the sysctls it covers.  Going back to one applies the
 * smallest change (cmds/checkpoint_diff.c) and tells it in `watch`'s
 * + - ~ lines.
 *
 * `undo` goes back to the last checkpoint; with none, to the state before
 * the last command that changes the lab: nsh_before_hook takes that
 * snapshot before each such command (record_changes, shell/record.c), and
 * the first one is the session's start that `reset` returns to.  They are
 * taken while the model is loaded anyway (the prompt, -i, --step) or when
 * the checking pass met checkpoint, undo or reset (NSH_CMD_UNDO): a plain
 * script pays nothing.  A snapshot is the model written out (about 10 µs
 * for a dozen namespaces, once the model has caught up with the kernel);
 * the sysctls, read in each namespace, are reused from the last full read
 * until a `sysctl` command runs.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmds.h"
#include "core.h"
#include "model.h"
#include "checkpoint.h"

#define MAX_CKPT 64
#define MAX_AUTO 32

bool checkpoint_busy;

static struct {
	struct snap ckpt[MAX_CKPT];	/* by `checkpoint`, oldest first */
	int nckpt, seq;
	struct snap autos[MAX_AUTO];	/* before each change, oldest first */
	int nauto;
	struct snap start;		/* the session's start */
	bool have_start;
	unsigned long long cost_ns;	/* automatic snapshots' time */
	unsigned long nsnaps;
} cp;

/* ------------------------------------------------------------ snapshots */

void snap_free(struct snap *s)
{
	for (int i = 0; i < s->n; i++)
		free(s->lines[i]);
	free(s->lines);
	*s = (struct snap){ 0 };
}

static void snap_add(struct snap *s, const char *line, int *cap)
{
	if (s->n == *cap) {
		*cap = *cap ? 2 * *cap : 32;
		s->lines = xrealloc(s->lines, sizeof(*s->lines) * (size_t)*cap);
	}
	s->lines[s->n++] = xstrdup(line);
}

/*
 * The sysctl lines of the last full snapshot: an automatic snapshot
 * reuses them (reading /proc/sys in each namespace is most of its cost)
 * until a `sysctl` command runs; those of namespaces that are gone are
 * left out.
 */
static struct snap sysctls;
static bool sysctls_valid;

static bool is_sysctl(const char *line)
{
	return strstr(line, "sysctl -w ") != NULL;
}

static void sysctls_keep(const struct snap *s)
{
	int cap = 0;

	snap_free(&sysctls);
	for (int i = 0; i < s->n; i++)
		if (is_sysctl(s->lines[i]))
			snap_add(&sysctls, s->lines[i], &cap);
	sysctls_valid = true;
}

/* the cached sysctl lines of the namespaces S has */
static void sysctls_put(struct snap *s, int *cap)
{
	int n = s->n;

	for (int i = 0; i < sysctls.n; i++) {
		const char *l = sysctls.lines[i], *w;
		char add[300], sp[300];
		bool found = false;

		if (strncmp(l, "ip netns exec ", 14) == 0) {
			w = l + 14;
			snprintf(add, sizeof(add), "ip netns add %.*s",
				 (int)strcspn(w, " "), w);
			snprintf(sp, sizeof(sp), "spawn %.*s",
				 (int)strcspn(w, " "), w);
			for (int k = 0; k < n && !found; k++)
				found = streq(s->lines[k], add) ||
					streq(s->lines[k], sp);
			if (!found)
				continue;
		}
		snap_add(s, l, cap);
	}
}

/* S := the running-config now (the host's view); with FAST, the sysctls
 * as last read.  0, or 1 after reporting */
static int snap_take_as(struct nsh *sh, struct snap *s, const char *name,
			bool fast)
{
	char *buf = NULL, *save = NULL;
	size_t len = 0;
	FILE *f;
	int rc, cap = 0;

	/* S is empty (safe to compare and free) on every return */
	*s = (struct snap){ .when = time(NULL) };
	f = open_memstream(&buf, &len);
	if (!f)
		return nsh_err(sh, "out of memory");
	fast = fast && sysctls_valid;
	rc = config_write(sh, f, !fast);
	fclose(f);
	snprintf(s->name, sizeof(s->name), "%s", name ? name : "");
	for (char *l = rc ? NULL : strtok_r(buf, "\n", &save); l;
	     l = strtok_r(NULL, "\n", &save))
		if (*l != '#' && *l)
			snap_add(s, l, &cap);
	free(buf);
	if (!rc && fast)
		sysctls_put(s, &cap);
	else if (!rc)
		sysctls_keep(s);
	return rc;
}

int snap_take(struct nsh *sh, struct snap *s, const char *name)
{
	return snap_take_as(sh, s, name, false);
}

static bool snap_has(const struct snap *s, const char *line)
{
	for (int i = 0; i < s->n; i++)
		if (streq(s->lines[i], line))
			return true;
	return false;
}

bool snap_same(const struct snap *a, const struct snap *b)
{
	if (a->n != b->n)
		return false;
	for (int i = 0; i < a->n; i++)
		if (!snap_has(b, a->lines[i]))
			return false;
	return true;
}

/* "2 namespaces, 4 links, 4 addresses, 2 routes" */
static void snap_summary(const struct snap *s, char *buf, size_t len)
{
	int ns = 0, links = 0, addrs = 0, routes = 0, other = 0;

	for (int i = 0; i < s->n; i++) {
		const char *l = s->lines[i];

		if (strncmp(l, "ip netns add ", 13) == 0 ||
		    strncmp(l, "spawn ", 6) == 0)
			ns++;
		else if (strstr(l, " link add ") && strstr(l, " type veth "))
			links += 2;
		else if (strstr(l, " link add "))
			links++;
		else if (strstr(l, " addr add "))
			addrs++;
		else if (strstr(l, " route add "))
			routes++;
		else if (strstr(l, "sysctl -w "))
			other++;
	}
	snprintf(buf, len, "%d namespace%s, %d link%s, %d address%s, "
		 "%d route%s%s", ns, ns == 1 ? "" : "s", links,
		 links == 1 ? "" : "s", addrs, addrs == 1 ? "" : "es", routes,
		 routes == 1 ? "" : "s", other ? ", sysctls" : "");
}

/* the session's start, taken before its first change (or first use) */
static int want_start(struct nsh *sh)
{
	if (cp.have_start)
		return 0;
	if (snap_take(sh, &cp.start, "start"))
		return 1;
	cp.have_start = true;
	return 0;
}

unsigned long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (unsigned long long)t.tv_sec * 1000000000ULL +
	       (unsigned long long)t.tv_nsec;
}

static bool changes(struct nsh *sh, const struct nsh_cmd *cmd, int argc,
		    char **argv)
{
	static const char *const words[] = { "fail", "restore", "flap",
					     "cleanup" };

	if (record_changes(sh, cmd, argc, argv))
		return true;
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (strncmp(cmd->syntax, words[i], strlen(words[i])) == 0 &&
		    cmd->syntax[strlen(words[i])] == ' ')
			return true;
	return false;
}

/* nsh_before_hook: the state before a command that changes the lab */
void checkpoint_before(struct nsh *sh, int argc, char **argv,
		       const struct nsh_cmd *cmd)
{
	unsigned long long t0;
	struct snap s;

	if (checkpoint_busy || !(nsh_undo_wanted || model_peek()) ||
	    !changes(sh, cmd, argc, argv))
		return;
	t0 = now_ns();
	checkpoint_busy = true;
	if (!want_start(sh) && !snap_take_as(sh, &s, "auto", true)) {
		if (cp.nauto == MAX_AUTO) {
			snap_free(&cp.autos[0]);
			memmove(cp.autos, cp.autos + 1,
				sizeof(cp.autos[0]) * (MAX_AUTO - 1));
			cp.nauto--;
		}
		cp.autos[cp.nauto++] = s;
	}
	if (strncmp(cmd->syntax, "sysctl", 6) == 0)
		sysctls_valid = false;	/* it may write one */
	checkpoint_busy = false;
	cp.cost_ns += now_ns() - t0;
	cp.nsnaps++;
}

/* ------------------------------------------------------------ commands */

static struct snap *ckpt_find(const char *name)
{
	for (int i = cp.nckpt - 1; i >= 0; i--)
		if (streq(cp.ckpt[i].name, name))
			return &cp.ckpt[i];
	return NULL;
}

static int bad_name(struct nsh *sh, const char *name)
{
	char esc[160];

	if (strlen(name) >= sizeof(cp.ckpt[0].name))
		return nsh_err(sh, "'%.40s…': a checkpoint's name is at most "
				   "63 bytes", str_escape(name, esc,
							  sizeof(esc)));
	for (const char *p = name; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == '\'' || *p == 0x7f)
			return nsh_err(sh, "'%s': a checkpoint's name is one "
					   "plain word", str_escape(name, esc,
								    sizeof(esc)));
	return 0;
}

/* checkpoint [NAME] */
static int cmd_checkpoint(struct nsh *sh, const struct nsh_args *a)
{
	const char *name = arg_str(a, "name");
	char def[32], sum[160];
	struct snap s, *old;

	if (name && bad_name(sh, name))
		return 1;
	if (!name) {
		snprintf(def, sizeof(def), "c%d", ++cp.seq);
		name = def;
	}
	if (want_start(sh) || snap_take(sh, &s, name))
		return 1;
	old = ckpt_find(name);
	if (old) {	/* replaced: it is the last one now */
		snap_free(old);
		memmove(old, old + 1,
			sizeof(*old) * (size_t)(cp.ckpt + cp.nckpt - old - 1));
		cp.nckpt--;
	} else if (cp.nckpt == MAX_CKPT) {
		snap_free(&s);
		return nsh_err(sh, "too many checkpoints (%d)", MAX_CKPT);
	}
	cp.ckpt[cp.nckpt++] = s;
	snap_summary(&s, sum, sizeof(sum));
	printf("checkpoint '%s'%s: %s\n", name, old ? " (replaced)" : "",
	       sum);
	return 0;
}

static void list_one(const struct snap *s, const char *note)
{
	char when[32], sum[160];

	strftime(when, sizeof(when), "%H:%M:%S", localtime(&s->when));
	snap_summary(s, sum, sizeof(sum));
	printf("%-16s %s  %s%s\n", s->name, when, sum, note);
}

/* checkpoints */
static int cmd_checkpoints(struct nsh *sh, const struct nsh_args *a)
{
	(void)a;
	if (cp.have_start)
		list_one(&cp.start, "  (reset)");
	for (int i = 0; i < cp.nckpt; i++)
		list_one(&cp.ckpt[i], i == cp.nckpt - 1 ? "  (undo)" : "");
	if (!cp.nckpt)
		printf("no checkpoints%s\n", cp.nauto ?
		       "; undo goes back one change" : "");
	if (cp.nsnaps)
		printf("(%d automatic snapshot%s kept; %lu taken, %.0f µs "
		       "each on average)\n", cp.nauto,
		       cp.nauto == 1 ? "" : "s", cp.nsnaps,
		       (double)cp.cost_ns / 1e3 / (double)cp.nsnaps);
	return 0;
}

/* undo without a checkpoint: the newest automatic snapshot that differs
 * from now (those that do not are dropped) */
static int undo_auto(struct nsh *sh)
{
	struct snap now;
	int rc;

	if (snap_take(sh, &now, NULL))
		return 1;
	while (cp.nauto && snap_same(&cp.autos[cp.nauto - 1], &now))
		snap_free(&cp.autos[--cp.nauto]);
	snap_free(&now);
	if (!cp.nauto)
		return nsh_err(sh, "nothing to undo (no checkpoint, no change "
				   "made in this session)");
	rc = go_to(sh, &cp.autos[cp.nauto - 1],
		   "the state before the last change");
	if (!rc)
		snap_free(&cp.autos[--cp.nauto]);
	return rc;
}

/* undo [NAME] */
static int cmd_undo(struct nsh *sh, const struct nsh_args *a)
{
	const char *name = arg_str(a, "name");
	char what[96], esc[160];
	struct snap *s;

	if (name) {
		s = ckpt_find(name);
		if (!s)
			return nsh_err(sh, "'%s': no such checkpoint (see "
					   "'checkpoints')",
				       str_escape(name, esc, sizeof(esc)));
	} else if (cp.nckpt) {
		s = &cp.ckpt[cp.nckpt - 1];
	} else {
		return undo_auto(sh);
	}
	snprintf(what, sizeof(what), "checkpoint '%s'", s->name);
	return go_to(sh, s, what);
}

/* reset */
static int cmd_reset(struct nsh *sh, const struct nsh_args *a)
{
	(void)a;
	if (!cp.have_start)
		return nsh_err(sh, "nothing to undo (no change made in this "
				   "session)");
	return go_to(sh, &cp.start, "the session's start");
}

static const struct nsh_cmd checkpoint_cmds[] = {
	{ "checkpoint [ WORD$name ]",
	  "remember the lab's state (its running-config) under a name, for "
	  "'undo'", cmd_checkpoint, NSH_CMD_UNDO, "checkpoint working",
	  "show running-config   (kept in the session)" },
	{ "checkpoints", "list the checkpoints: name, time, what the lab held",
	  cmd_checkpoints, 0, "checkpoints" },
	{ "undo [ WORD$name ]",
	  "back to the last checkpoint (or the one named); with none, to "
	  "before the last change", cmd_undo, NSH_CMD_UNDO, "undo",
	  "the difference to the checkpoint's running-config: ip … del, "
	  "ip … add, ip link set …" },
	{ "reset", "back to the state the session began with", cmd_reset, NSH_CMD_UNDO,
	  "reset",
	  "the difference to the start's running-config: ip … del, ip … add" },
	{ NULL },
};

const struct nsh_family checkpoint_family = {
	"checkpoint", "undo at the prompt: checkpoint, checkpoints, undo, "
	"reset", checkpoint_cmds,
};

