/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * spawn.c - namespaces held by processes, the way `unshare --net --fork`
 * makes them (seed 001), and the labels nsh gives the ones it starts.
 *
 * `spawn h1` forks a quiet holder that unshares a network namespace and
 * waits; `spawn h1 PROGRAM…` runs PROGRAM there instead.  The label h1
 * then names that namespace anywhere a namespace is expected, after the
 * names in /run/netns and before PIDs.  Holders die with nsh
 * (PR_SET_PDEATHSIG), or with `kill h1`; nothing is left running.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>

#include "nsh.h"

#define MAX_SPAWN 256

static struct {
	char label[64];
	pid_t pid;
	pid_t term;	/* its terminal window: the shell (a tmux pane) or
			 * the terminal program, nsh's child; 0: none */
	bool term_child;
} sp[MAX_SPAWN];
static int nsp;

void spawn_set_terminal(const char *label, pid_t pid, bool child)
{
	for (int i = 0; i < nsp; i++)
		if (streq(sp[i].label, label)) {
			sp[i].term = pid;
			sp[i].term_child = child;
		}
}

static ino_t net_ino(pid_t pid)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)pid);
	return stat(path, &st) == 0 ? st.st_ino : 0;
}

/* the window is still that namespace's: nsh's own child not yet reaped,
 * or a pane's shell still inside the holder's namespace (a PID reused by
 * anything else is not signalled) */
static bool term_ours(int i)
{
	if (sp[i].term_child)
		return waitpid(sp[i].term, NULL, WNOHANG) == 0;
	return net_ino(sp[i].term) && net_ino(sp[i].term) == net_ino(sp[i].pid);
}

/* the window's shell goes with its namespace (SIGHUP, as a closed
 * terminal would) */
static void end_terminal(int i)
{
	if (sp[i].term > 0 && term_ours(i) && kill(sp[i].term, SIGHUP) == 0) {
		/* a shell still starting may not take it yet */
		for (int t = 0; t < 20 && term_ours(i); t++)
			usleep(10000);
		if (term_ours(i))
			(void)kill(sp[i].term, SIGKILL);
		if (sp[i].term_child)
			(void)waitpid(sp[i].term, NULL, 0);
	}
	sp[i].term = 0;
}

pid_t spawn_find(const char *label)
{
	spawn_reap();
	for (int i = 0; i < nsp; i++)
		if (streq(sp[i].label, label))
			return sp[i].pid;
	return 0;
}

const char *spawn_label_of(pid_t pid)
{
	for (int i = 0; i < nsp; i++)
		if (sp[i].pid == pid)
			return sp[i].label;
	return NULL;
}

int spawn_list(const char **labels, pid_t *pids, int max)
{
	int n = 0;

	spawn_reap();
	for (int i = 0; i < nsp && n < max; i++, n++) {
		labels[n] = sp[i].label;
		pids[n] = sp[i].pid;
	}
	return n;
}

static void forget(int i)
{
	end_terminal(i);
	sp[i] = sp[--nsp];
}

void spawn_reap(void)
{
	for (int i = 0; i < nsp;) {
		int st;

		if (waitpid(sp[i].pid, &st, WNOHANG) == sp[i].pid ||
		    (kill(sp[i].pid, 0) < 0 && errno == ESRCH))
			forget(i);
		else
			i++;
	}
}

/* the child: a new network namespace, then PROGRAM or a quiet wait */
static void child(const struct nsh *sh, int ready, pid_t parent,
		  char **argv)
{
	int zero = 0;

	(void)prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(0);
	if (unshare(CLONE_NEWNET) < 0) {
		int e = errno;

		(void)!write(ready, &e, sizeof(e));
		_exit(1);
	}
	(void)!write(ready, &zero, sizeof(zero));
	close(ready);
	if (argv) {
		int null = open("/dev/null", O_RDONLY);

		if (null >= 0) {
			dup2(null, 0);
			close(null);
		}
		child_restore_nofile();
		child_identity(sh);
		execvp(argv[0], argv);
		fprintf(stderr, "nsh: spawn: %s: %s\n", argv[0],
			strerror(errno));
		_exit(127);
	}
	(void)prctl(PR_SET_NAME, "nsh-holder");
	child_close_from(0);
	for (;;)
		pause();
}

int spawn_start(struct nsh *sh, const char *label, char **argv,
		pid_t *ret_pid)
{
	pid_t parent = getpid(), pid;
	int p[2], err = 0;

	spawn_reap();
	if (nsp == MAX_SPAWN)
		return nsh_err(sh, "'%s': too many spawned namespaces", label);
	if (pipe2(p, O_CLOEXEC) < 0)
		return nsh_err(sh, "'%s': %s", label, strerror(errno));
	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return nsh_err(sh, "'%s': cannot fork: %s", label,
			       strerror(errno));
	}
	if (pid == 0) {
		struct sigaction dfl = { .sa_handler = SIG_DFL };

		close(p[0]);
		sigaction(SIGINT, &dfl, NULL);
		sigaction(SIGPIPE, &dfl, NULL);
		/* its own process group: Ctrl-C at the prompt spares it */
		setpgid(0, 0);
		child(sh, p[1], parent, argv);
	}
	close(p[1]);
	if (read(p[0], &err, sizeof(err)) != sizeof(err))
		err = EIO;
	close(p[0]);
	if (err) {
		waitpid(pid, NULL, 0);
		return nsh_err(sh, "'%s': cannot create a network namespace: "
				   "%s",
			       label, strerror(err));
	}
	snprintf(sp[nsp].label, sizeof(sp[nsp].label), "%s", label);
	sp[nsp].pid = pid;
	sp[nsp].term = 0;
	nsp++;
	journal_spawn(pid, label);
	*ret_pid = pid;
	return 0;
}

int spawn_kill(struct nsh *sh, const char *label)
{
	for (int i = 0; i < nsp; i++) {
		if (!streq(sp[i].label, label))
			continue;
		end_terminal(i);
		(void)kill(sp[i].pid, SIGTERM);
		/* a holder dies at once; a program gets a moment */
		for (int t = 0; t < 100; t++) {
			if (waitpid(sp[i].pid, NULL, WNOHANG) == sp[i].pid)
				break;
			if (t == 50)
				(void)kill(sp[i].pid, SIGKILL);
			usleep(10000);
		}
		forget(i);
		return 0;
	}
	return nsh_err(sh, "'%s': no namespace spawned by that name", label);
}

void spawn_fini(void)
{
	for (int i = 0; i < nsp; i++) {
		end_terminal(i);
		(void)kill(sp[i].pid, SIGKILL);
		(void)waitpid(sp[i].pid, NULL, 0);
	}
	nsp = 0;
}
