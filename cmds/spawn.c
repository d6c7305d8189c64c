/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * spawn.c - `spawn` and `kill`: seed 001's `unshare --net --fork bash` in
 * other terminals, as one command in one session.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>

#include "cmds.h"
#include "core.h"

/* a label nobody uses yet: spawn1, spawn2, … */
static void auto_label(char *buf, size_t len)
{
	for (int i = 1;; i++) {
		char path[PATH_MAX];

		snprintf(buf, len, "spawn%d", i);
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, buf);
		if (!spawn_find(buf) && access(path, F_OK) < 0)
			return;
	}
}

/* ARGV's standard output (the first line, in BUF); its status */
static int run_capture(char **argv, char *buf, size_t len)
{
	int p[2], st;
	ssize_t n;
	pid_t pid;

	buf[0] = '\0';
	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		dup2(p[1], 1);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(p[1]);
	n = pid > 0 ? read(p[0], buf, len - 1) : -1;
	close(p[0]);
	buf[n > 0 ? n : 0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	if (pid < 0)
		return -1;
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

/* the words that open a window: the terminal's, then nsenter's */
struct window_cmd {
	char *argv[20];
	char mnt[64], net[PATH_MAX + 8], uid[32], gid[32];
};

/* the terminal's words: a tmux window, else a terminal program on the
 * display; 0, or -1 after reporting that there is neither */
static int window_terminal(struct nsh *sh, const char *title,
			   struct window_cmd *w, int *i)
{
	const char *term = getenv("TERMINAL");

	if (getenv("TMUX")) {
		w->argv[(*i)++] = "tmux";
		w->argv[(*i)++] = "new-window";
		w->argv[(*i)++] = "-P";
		w->argv[(*i)++] = "-F";
		w->argv[(*i)++] = "#{pane_pid}";
		w->argv[(*i)++] = "-n";
		w->argv[(*i)++] = (char *)title;
	} else if (getenv("DISPLAY") || getenv("WAYLAND_DISPLAY")) {
		w->argv[(*i)++] = (char *)(term && *term ? term : "xterm");
		w->argv[(*i)++] = "-T";
		w->argv[(*i)++] = (char *)title;
		w->argv[(*i)++] = "-e";
	} else {
		return nsh_err(sh, "'%s': a window needs tmux (TMUX is not "
				   "set) or a display; use 'enter %s'",
			       title, title), -1;
	}
	return 0;
}

/* W's words for a window titled TITLE whose shell is inside NETPATH;
 * 0, or -1 after reporting */
static int window_words(struct nsh *sh, const char *title,
			const char *netpath, struct window_cmd *w)
{
	const char *shell = getenv("SHELL");
	int i = 0;

	if (!shell || !*shell)
		shell = "/bin/sh";
	snprintf(w->mnt, sizeof(w->mnt), "--mount=/proc/%d/ns/mnt",
		 (int)getpid());
	snprintf(w->net, sizeof(w->net), "--net=%s", netpath);
	if (window_terminal(sh, title, w, &i) < 0)
		return -1;
	w->argv[i++] = "nsenter";
	w->argv[i++] = w->mnt;
	w->argv[i++] = w->net;
	if (sh->o.as_user) {	/* --user: the window's shell is the user's */
		snprintf(w->uid, sizeof(w->uid), "--setuid=%u",
			 (unsigned)sh->o.uid);
		snprintf(w->gid, sizeof(w->gid), "--setgid=%u",
			 (unsigned)sh->o.gid);
		w->argv[i++] = w->uid;
		w->argv[i++] = w->gid;
	}
	w->argv[i++] = "--";
	w->argv[i++] = (char *)shell;
	w->argv[i] = NULL;
	return 0;
}

/* the terminal program ARGV itself: ours to end (TRACK: its PID), else
 * left to init (a second fork: no zombie for nsh to reap; 0); -1 after
 * reporting */
static pid_t window_fork(struct nsh *sh, const char *title, char **argv,
			 bool track)
{
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid == 0) {
		if (!track && fork() != 0)
			_exit(0);
		signal(SIGPIPE, SIG_DFL);
		setpgid(0, 0);
		child_close_from(3);
		execvp(argv[0], argv);
		_exit(127);
	}
	if (pid < 0)
		return nsh_err(sh, "'%s': cannot fork: %s", title,
			       strerror(errno)), -1;
	if (!track) {
		(void)waitpid(pid, NULL, 0);
		return 0;
	}
	return pid;
}

/*
 * A terminal window whose shell is inside the namespace NETPATH names and
 * inside nsh's mount namespace (its sandbox): the window is made by a
 * tmux server or a terminal program that lives outside, so the shell gets
 * there with nsenter, through /proc/NSH/ns/mnt and a NETPATH that is
 * opened before the mount namespace changes (/proc/PID/ns/net of a
 * holder, or /proc/NSH/root/run/netns/NAME).  Its shell's PID, 0 if the
 * terminal does not say, -1 after reporting.
 */
static pid_t open_window(struct nsh *sh, const char *title,
			 const char *netpath, bool track)
{
	struct window_cmd w = { 0 };
	char out[64];

	if (window_words(sh, title, netpath, &w) < 0)
		return -1;
	if (w.argv[0][0] == 't' && streq(w.argv[0], "tmux")) {
		if (run_capture(w.argv, out, sizeof(out)))
			return nsh_err(sh, "'%s': tmux failed", title), -1;
		return (pid_t)atoi(out);
	}
	return window_fork(sh, title, w.argv, track);
}

/* open a window with a shell inside the namespace of PID */
static int open_terminal(struct nsh *sh, const char *label, pid_t pid)
{
	char net[64];
	pid_t w;

	snprintf(net, sizeof(net), "/proc/%d/ns/net", (int)pid);
	w = open_window(sh, label, net, true);
	if (w < 0)
		return 1;
	spawn_set_terminal(label, w, !getenv("TMUX"));
	return 0;
}

/* the program ARGV[0] with the rest of A's words (a command word of
 * nsh's that is also a program's name: xterm -fa …, net ads …) */
static int run_as_program(struct nsh *sh, const char *prog,
			  const struct nsh_args *a)
{
	_cleanup_free_ char **argv = calloc((size_t)a->nrest + 2,
					    sizeof(*argv));

	if (!argv)
		return nsh_err(sh, "out of memory");
	argv[0] = (char *)prog;
	if (a->nrest)
		memcpy(argv + 1, a->rest, sizeof(*argv) * (size_t)a->nrest);
	return nsh_run_program(sh, &sh->cur, a->nrest + 1, argv);
}

/* is REF a namespace (a name, a label, a PID), without a word said (a
 * stale entry counts: ns_resolve then says what it is) */
static bool names_ns(struct nsh *sh, const char *ref)
{
	struct nsh_ns ns;
	int rc = ns_lookup(sh, ref, NS_REF_PID, &ns);

	if (rc == 0)
		ns_close(&ns);
	/* a label whose process is gone counts too; a PID's does not */
	return rc == 0 || rc == -EMEDIUMTYPE ||
	       (rc == -ESRCH && strspn(ref, "0123456789") != strlen(ref));
}

/* xterm NSREF: a window with a shell inside a namespace (Mininet's);
 * anything else is the xterm program */
static int cmd_xterm(struct nsh *sh, const struct nsh_args *a)
{
	char net[PATH_MAX + 64];
	const char *ref;
	struct nsh_ns ns;
	pid_t pid;

	if (a->nrest != 1 || !names_ns(sh, a->rest[0]))
		return run_as_program(sh, "xterm", a);
	ref = a->rest[0];
	if ((pid = spawn_find(ref)))
		return open_terminal(sh, ref, pid);
	if (ns_resolve(sh, ref, true, &ns))
		return 1;
	ns_close(&ns);
	if ((pid = journal_find_spawn(ref)) ||
	    strspn(ref, "0123456789") == strlen(ref))
		snprintf(net, sizeof(net), "/proc/%d/ns/net",
			 pid ? (int)pid : atoi(ref));
	else
		snprintf(net, sizeof(net), "/proc/%d/root%s/%s", (int)getpid(),
			 NETNS_RUN_DIR, ref);
	return open_window(sh, ref, net, false) < 0;
}

static int cmd_spawn(struct nsh *sh, const struct nsh_args *a)
{
	const char *label = arg_str(a, "label");
	char buf[64], path[PATH_MAX];
	pid_t pid;

	if (!label) {
		auto_label(buf, sizeof(buf));
		label = buf;
	}
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, label);
	if (spawn_find(label) || access(path, F_OK) == 0)
		return nsh_err(sh, "'%s': a namespace of that name exists",
			       label);
	if (spawn_start(sh, label, a->nrest ? a->rest : NULL, &pid))
		return 1;
	printf("%s: pid %d\n", label, (int)pid);
	if (arg_has(a, "--terminal"))
		return open_terminal(sh, label, pid);
	return 0;
}

/* kill LABEL ends a spawned namespace; anything else is the kill program */
/* kill %N…: nsh's background jobs (their process groups), as bash */
static int kill_jobs(struct nsh *sh, const struct nsh_args *a)
{
	for (int i = 0; i < a->nrest; i++) {
		unsigned long id;
		pid_t pid;

		if (parse_uint(a->rest[i] + 1, INT_MAX, &id) < 0 ||
		    !(pid = nsh_job_pid((int)id)))
			return nsh_err(sh, "'%s': no such job", a->rest[i]);
		if (kill(-pid, SIGTERM) < 0 && kill(pid, SIGTERM) < 0)
			return nsh_err(sh, "'%s': %s", a->rest[i],
				       strerror(errno));
	}
	return 0;
}

static int cmd_kill(struct nsh *sh, const struct nsh_args *a)
{
	if (a->nrest && a->rest[0][0] == '%')
		return kill_jobs(sh, a);
	if (a->nrest == 1 && spawn_find(a->rest[0])) {
		struct nsh_ns ns;

		/* as `ip netns delete`: the next command waits until the
		 * veths it held are gone */
		if (ns_resolve(sh, a->rest[0], false, &ns) == 0) {
			if (ns_same(&ns, &sh->cur)) {
				ns_close(&ns);
				return nsh_err(sh, "'%s': nsh is inside it; "
						   "'leave' first",
					       a->rest[0]);
			}
			teardown_collect(sh, &ns);
			journal_links_ns_gone(ns.dev, ns.ino);
			ns_close(&ns);
		}
		return spawn_kill(sh, a->rest[0]);
	}
	char **argv = calloc((size_t)a->nrest + 2, sizeof(*argv));
	int rc;

	if (!argv)
		return nsh_err(sh, "out of memory");
	argv[0] = "kill";
	if (a->nrest)
		memcpy(argv + 1, a->rest, sizeof(*argv) * (size_t)a->nrest);
	rc = nsh_run_program(sh, &sh->cur, a->nrest + 1, argv);
	free(argv);
	return rc;
}

static int cmd_spawned(struct nsh *sh, const struct nsh_args *a)
{
	const char *labels[256];
	pid_t pids[256];
	int n = spawn_list(labels, pids, 256);

	struct json j = { .pretty = sh->o.pretty };

	if (!arg_has(a, "-j")) {
		for (int i = 0; i < n; i++)
			printf("%s\tpid %d\n", labels[i], (int)pids[i]);
		return 0;
	}
	json_begin_array(&j);
	for (int i = 0; i < n; i++) {
		json_key(&j, NULL);
		json_begin_object(&j);
		json_str(&j, "label", labels[i]);
		json_int(&j, "pid", pids[i]);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end(&j);
	return 0;
}

static const struct nsh_cmd spawn_cmds[] = {
	{ "spawn [ --terminal ] [ NSNAME$label [ ARGS... ] ]",
	  "start a process in a new network namespace, named by a label "
	  "(unshare --net --fork)",
	  cmd_spawn, NSH_CMD_SPAWNS, "spawn h1",
	  "unshare --net --fork {*|sleep infinity} &   (then use its PID: "
	  "nsenter -t PID -n …, ip link set IF netns PID)" },
	{ "spawn list [ -j ]", "the namespaces spawned, with their PIDs",
	  cmd_spawned,
	  0, NULL, "lsns -t net" },
	{ "xterm [ ARGS... ]",
	  "a terminal window (tmux, else $TERMINAL or xterm) with a shell "
	  "inside a namespace, and inside nsh's sandbox",
	  cmd_xterm, 0, "xterm ns1",
	  "tmux new-window ip netns exec {nsref} $SHELL" },
	{ "kill TARGET...", "end a spawned namespace: kill LABEL (otherwise the "
			  "kill program)",
	  cmd_kill, NSH_CMD_KILLS, "kill h1", "kill {pid:*}" },
	{ NULL },
};

const struct nsh_family spawn_family = {
	"spawn", "namespaces held by processes: spawn, kill", spawn_cmds,
};
