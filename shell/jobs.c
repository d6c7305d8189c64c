/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * jobs.c - forked copies of nsh (a command of a pipeline, a background
 * list, nsh's own background jobs such as `flap`) and the table of
 * background jobs: `jobs`, `wait`, `kill %N`, "[1]+  Done" at the prompt.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model.h"
#include "run_priv.h"

#define MAX_JOBS 64

static struct {
	int id;
	pid_t pid;
	char text[120];
} jobs[MAX_JOBS];

static int njobs;

/* in a forked copy of nsh: what it must not share with its parent */
void subshell_enter(struct nsh *sh)
{
	signal(SIGPIPE, SIG_DFL);
	ns_forget_all();
	model_forget();
	sh->subshell = true;
	njobs = 0;		/* the parent's */
}

/* the exit of a forked nsh */
void __attribute__((noreturn)) subshell_exit(struct nsh *sh, int st)
{
	teardown_wait(sh);
	fflush(stdout);
	fflush(stderr);
	_exit(st & 0xff);
}

/* wait for PID: its status, as sh gives it */
int wait_status(pid_t pid)
{
	int ws;

	while (waitpid(pid, &ws, 0) < 0)
		if (errno != EINTR)
			return 127;
	if (WIFEXITED(ws))
		return WEXITSTATUS(ws);
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	return 1;
}

/* before a fork: what nsh owes the commands it runs, and no buffered
 * output that two processes would write */
void before_fork(struct nsh *sh)
{
	if (!sh->pid)
		sh->pid = getpid();	/* $$ in the forked copies */
	if (!sh->replaying) {
		teardown_wait(sh);
		settle_wait(sh);
	}
	journal_prepare();
	fflush(NULL);
}

/* list PID as job TEXT (LEN bytes): its number, 0 when the table is full */
static int job_add(pid_t pid, const char *text, int len)
{
	int id = 0;

	for (int i = 0; i < njobs; i++)
		if (jobs[i].id > id)
			id = jobs[i].id;
	if (njobs == MAX_JOBS)
		return 0;
	jobs[njobs].id = ++id;
	jobs[njobs].pid = pid;
	snprintf(jobs[njobs].text, sizeof(jobs[njobs].text), "%.*s", len,
		 text);
	njobs++;
	return id;
}

/* job I has ended with wait status WS: REPORT says so, as bash does */
static void job_done(struct nsh *sh, int i, int ws, bool report)
{
	if (report) {
		if (WIFEXITED(ws) && !WEXITSTATUS(ws))
			printf("[%d]+  Done      %s\n", jobs[i].id,
			       jobs[i].text);
		else
			printf("[%d]+  Exit %-4d %s\n", jobs[i].id,
			       WIFEXITED(ws) ? WEXITSTATUS(ws) :
					       128 + WTERMSIG(ws),
			       jobs[i].text);
		fflush(stdout);
	}
	jobs[i] = jobs[--njobs];
}

void nsh_jobs_reap(struct nsh *sh, bool report)
{
	for (int i = 0; i < njobs;) {
		int ws = 0;
		pid_t w = waitpid(jobs[i].pid, &ws, WNOHANG);

		if (w == jobs[i].pid || (w < 0 && errno == ECHILD))
			job_done(sh, i, ws, report);
		else
			i++;
	}
}

int nsh_jobs_wait(struct nsh *sh, pid_t pid)
{
	int st = 0;

	for (int i = 0; i < njobs;) {
		if (pid && jobs[i].pid != pid) {
			i++;
			continue;
		}
		st = wait_status(jobs[i].pid);
		jobs[i] = jobs[--njobs];
		if (nsh_interrupted)
			return 128 + SIGINT;
	}
	return st;
}

pid_t job_start(struct nsh *sh, const char *text, int len)
{
	pid_t pid;
	int id;

	before_fork(sh);
	pid = fork();
	if (pid < 0) {
		nsh_err(sh, "cannot fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY | O_CLOEXEC);

		(void)setpgid(0, 0);
		subshell_enter(sh);
		sh->errexit = false;
		if (null >= 0) {
			(void)dup2(null, 0);
			close(null);
		}
		return 0;
	}
	(void)setpgid(pid, pid);
	id = job_add(pid, text, len);
	sh->last_bg = pid;
	if (sh->interactive) {
		fprintf(stderr, "[%d] %d\n", id, (int)pid);
		fflush(stderr);
	}
	return pid;
}

/*
 * nsh_job_fork - a background job of nsh's own (`flap`, `after`): forks;
 * in the child (a subshell, stdin /dev/null) returns 0, in the parent the
 * child's PID after listing it as job TEXT ("[N] PID" at the prompt), or
 * -1 after reporting.  The child ends with nsh_job_exit.
 */
pid_t nsh_job_fork(struct nsh *sh, const char *text)
{
	return job_start(sh, text, (int)strlen(text));
}

void nsh_job_exit(struct nsh *sh, int st)
{
	subshell_exit(sh, st);
}

/* `jobs`: the background jobs still running, as bash lists them */
void nsh_jobs_print(struct nsh *sh)
{
	nsh_jobs_reap(sh, true);
	for (int i = 0; i < njobs; i++)
		printf("[%d]  Running   %s\n", jobs[i].id, jobs[i].text);
}

/* the PID of job ID (`kill %ID`), or 0 */
pid_t nsh_job_pid(int id)
{
	for (int i = 0; i < njobs; i++)
		if (jobs[i].id == id)
			return jobs[i].pid;
	return 0;
}

