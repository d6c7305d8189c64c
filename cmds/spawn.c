/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * spawn.c - `spawn` and `kill`: seed 001's `unshare --net --fork bash` in
 * other terminals, as one command in one session.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* open a tmux window with a shell inside the namespace of PID */
static int open_terminal(struct nsh *sh, const char *label, pid_t pid)
{
	char self[PATH_MAX], line[PATH_MAX + 128];
	const char *shell = getenv("SHELL");
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *argv[] = { "tmux", "new-window", "-n", (char *)label, line,
			 NULL };

	if (!getenv("TMUX"))
		return nsh_err(sh, "'%s': --terminal needs nsh to run inside "
				   "tmux (TMUX is not set); use 'enter %s'",
			       label, label);
	if (n < 0)
		return nsh_err(sh, "'%s': %s", label, strerror(errno));
	self[n] = '\0';
	snprintf(line, sizeof(line), "'%s' -c 'enter %d %s'", self, (int)pid,
		 shell && *shell && !strchr(shell, '\'') ? shell : "/bin/sh");
	return ns_exec_in(sh, &sh->home, argv) ? nsh_err(sh, "'%s': tmux "
							  "failed", label)
					       : 0;
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
static int cmd_kill(struct nsh *sh, const struct nsh_args *a)
{
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

	for (int i = 0; i < n; i++)
		printf("%s\tpid %d\n", labels[i], (int)pids[i]);
	return 0;
}

static const struct nsh_cmd spawn_cmds[] = {
	{ "spawn [ --terminal ] [ NSNAME$label [ ARGS... ] ]",
	  "start a process in a new network namespace, named by a label "
	  "(unshare --net --fork)",
	  cmd_spawn, 0, "spawn h1",
	  "unshare --net --fork {*|sleep infinity} &   (then use its PID: "
	  "nsenter -t PID -n …, ip link set IF netns PID)" },
	{ "spawn list", "the namespaces spawned, with their PIDs", cmd_spawned,
	  0, NULL, "lsns -t net" },
	{ "kill ARGS...", "end a spawned namespace: kill LABEL (otherwise the "
			  "kill program)",
	  cmd_kill, 0, "kill h1", "kill {pid:*}" },
	{ NULL },
};

const struct nsh_family spawn_family = {
	"spawn", "namespaces held by processes: spawn, kill", spawn_cmds,
};
