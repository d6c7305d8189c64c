/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * grade.c - grading a class (issue 16): `nsh --check LAB.nsh --each
 * DIR…` builds each submission in a fresh sandbox of its own and runs the
 * lab's `expect` lines against it: one row per student.
 *
 * A submission is a directory holding a .nsh script, a bash + iproute2
 * script (.sh, run by `sh -e` in that directory) or a running-config
 * (`show running-config > lab.conf`); a file given instead of a directory
 * is taken as the script itself.  Each is built by a forked nsh that
 * enters a new network + mount namespace first (--sandbox's), so one
 * submission can see, break or leave nothing of another, and is killed
 * with all its processes when --timeout passes.  --wait lets routes
 * converge before the checks.  Rows: a table, -j (JSON) or --csv.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core.h"
#include "grade.h"

struct row {
	const char *name;
	int passed, failed;	/* -1: not checked */
	char status[32];	/* ok, failed, build failed, timeout, … */
	char detail[400];
};

/* ------------------------------------------------------------ finding */

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n > k && streq(s + n - k, suffix);
}

/* the submission's script in DIR (first .nsh, else .sh, else .conf or
 * running-config), into BUF; false if none */
static bool find_script(const char *dir, char *buf, size_t len)
{
	static const char *const kinds[] = { ".nsh", ".sh", ".conf",
					     "running-config" };
	struct stat st;

	if (stat(dir, &st) == 0 && S_ISREG(st.st_mode)) {
		snprintf(buf, len, "%s", dir);
		return true;
	}
	for (size_t k = 0; k < ARRAY_SIZE(kinds); k++) {
		_cleanup_(closedirp) DIR *d = opendir(dir);
		struct dirent *e;
		char best[256] = "";

		while (d && (e = readdir(d)))
			if (e->d_name[0] != '.' &&
			    (ends_with(e->d_name, kinds[k]) ||
			     streq(e->d_name, kinds[k])) &&
			    (!best[0] || strcmp(e->d_name, best) < 0))
				snprintf(best, sizeof(best), "%s", e->d_name);
		if (best[0]) {
			snprintf(buf, len, "%s/%s", dir, best);
			return true;
		}
	}
	return false;
}

/* ------------------------------------------------------------ the child */

static int kill_one(pid_t pid, const char *comm, void *ctx)
{
	(void)kill(pid, SIGKILL);
	return 0;
}

/* every other process in this network namespace, ended (its spawns,
 * its background programs): nothing of a submission outlives its row */
static void kill_namespace_mates(dev_t dev, ino_t ino)
{
	(void)ns_procs(dev, ino, kill_one, NULL);
}

/* run SCRIPT as bash + iproute2 would (sh -e, in its directory) */
static int run_shell_script(const char *script)
{
	pid_t pid = fork();
	int ws;

	if (pid < 0)
		return 1;
	if (pid == 0) {
		char dir[4096];
		const char *slash = strrchr(script, '/');

		snprintf(dir, sizeof(dir), "%.*s",
			 slash ? (int)(slash - script) : 1,
			 slash ? script : ".");
		if (chdir(dir) == 0)
			execlp("sh", "sh", "-e", slash ? slash + 1 : script,
			       (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &ws, 0) < 0)
		if (errno != EINTR)
			return 1;
	return WIFEXITED(ws) ? WEXITSTATUS(ws) : 1;
}

/*
 * In the forked nsh: a new sandbox, the build (its output to LOG), the
 * wait, then the lab's checks as JSON on OUT.  Exits 0, or 10 when the
 * build failed (the checks still ran).
 */
static void __attribute__((noreturn)) child(struct nsh *sh, const char *lab,
					    const char *script,
					    const struct grade_opts *g,
					    int out, int log)
{
	struct stat st;
	int build;

	(void)setpgid(0, 0);
	(void)dup2(log, 1);
	(void)dup2(log, 2);
	sh->o.sandbox = true;	/* its journal too stays in the sandbox */
	if (ns_sandbox_enter() < 0 || ns_init(sh) < 0)
		_exit(20);
	if (stat("/proc/self/ns/net", &st) == 0)
		dprintf(out, "ns %llu %llu\n", (unsigned long long)st.st_dev,
			(unsigned long long)st.st_ino);
	journal_init(sh);
	build = ends_with(script, ".sh") ? run_shell_script(script)
					  : script_run_file(sh, script);
	sh->file = NULL;
	if (g->wait_ms > 0)
		usleep((useconds_t)(g->wait_ms * 1000));
	fflush(stdout);
	(void)dup2(out, 1);
	sh->o.json = true;
	(void)check_run_file(sh, lab);
	fflush(stdout);
	fflush(stderr);
	kill_namespace_mates(st.st_dev, st.st_ino);
	_exit(build ? 10 : 0);
}

/* ------------------------------------------------------------ the parent */

/* "key": N in JSON text, or -1 */
static int json_int_of(const char *text, const char *key)
{
	char k[64];
	const char *p;

	snprintf(k, sizeof(k), "\"%s\":", key);
	p = strstr(text, k);
	return p ? atoi(p + strlen(k) + strspn(p + strlen(k), " ")) : -1;
}

/* the first line of LOG that looks like an error, for the row */
static void first_error(int log, char *buf, size_t len)
{
	char text[8192];
	ssize_t n = pread(log, text, sizeof(text) - 1, 0);
	char *line = text;

	buf[0] = '\0';
	if (n <= 0)
		return;
	text[n] = '\0';
	while (line && *line) {
		char *nl = strchr(line, '\n');

		if (nl)
			*nl = '\0';
		if (strstr(line, ": ")) {
			snprintf(buf, len, "%.*s", (int)(len - 1), line);
			return;
		}
		line = nl ? nl + 1 : NULL;
	}
}

/* read the child's pipe until it ends or DEADLINE (mono_ms): the text,
 * and whether it ended in time */
static bool collect(int fd, long long deadline, char *buf, size_t len)
{
	size_t used = 0;

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		long long left = deadline - mono_ms();
		ssize_t n;

		if (left <= 0 || nsh_interrupted || nsh_terminated)
			return false;
		if (poll(&p, 1, (int)(left > 1000 ? 1000 : left)) <= 0)
			continue;
		n = read(fd, buf + used, len - 1 - used);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			buf[used] = '\0';
			return true;
		}
		used += (size_t)n;
		if (used == len - 1)
			used = 0;	/* far too much: keep reading */
	}
}

/* the row of a submission whose child ended (IN_TIME, with wait status
 * WS; its gradebook JSON in TEXT, its output in LOG) or was stopped */
static void row_result(struct row *r, const struct grade_opts *g,
		       bool in_time, int ws, const char *text, int log)
{
	if (!in_time) {
		snprintf(r->status, sizeof(r->status), "timeout");
		snprintf(r->detail, sizeof(r->detail), "not done within %lld "
			 "ms", g->timeout_ms);
		return;
	}
	r->passed = json_int_of(text, "passed");
	r->failed = json_int_of(text, "failed");
	if (WIFEXITED(ws) && WEXITSTATUS(ws) == 10) {
		snprintf(r->status, sizeof(r->status), "build failed");
		first_error(log, r->detail, sizeof(r->detail));
	} else if (r->passed < 0) {
		snprintf(r->status, sizeof(r->status), "error");
		first_error(log, r->detail, sizeof(r->detail));
	} else {
		snprintf(r->status, sizeof(r->status), "%s",
			 r->failed ? "failed" : "ok");
	}
}

/* one submission DIR graded in a sandbox of its own, into *R */
static void grade_one(struct nsh *sh, const char *lab, const char *dir,
		      const struct grade_opts *g, struct row *r)
{
	char script[4096], text[65536];
	int pfd[2], log = -1, ws = 0;
	unsigned long long dev = 0, ino = 0;
	pid_t pid;
	bool in_time;

	*r = (struct row){ .name = dir, .passed = -1, .failed = -1 };
	if (!find_script(dir, script, sizeof(script))) {
		snprintf(r->status, sizeof(r->status), "no script");
		snprintf(r->detail, sizeof(r->detail), "no .nsh, .sh or "
			 "running-config in it");
		return;
	}
	log = memfd_create("nsh-grade-log", MFD_CLOEXEC);
	if (log < 0 || pipe2(pfd, O_CLOEXEC) < 0) {
		snprintf(r->status, sizeof(r->status), "error");
		snprintf(r->detail, sizeof(r->detail), "%s", strerror(errno));
		if (log >= 0)
			close(log);
		return;
	}
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		close(pfd[0]);
		child(sh, lab, script, g, pfd[1], log);
	}
	close(pfd[1]);
	in_time = pid > 0 && collect(pfd[0], mono_ms() + g->timeout_ms, text,
				     sizeof(text));
	close(pfd[0]);
	if (pid > 0 && sscanf(text, "ns %llu %llu", &dev, &ino) == 2 &&
	    !in_time)
		kill_namespace_mates((dev_t)dev, (ino_t)ino);
	if (pid > 0) {
		(void)kill(-pid, SIGKILL);
		while (waitpid(pid, &ws, 0) < 0 && errno == EINTR)
			;
	}
	row_result(r, g, in_time, ws, text, log);
	close(log);
}

/* ------------------------------------------------------------ output */

static void csv_field(const char *s)
{
	if (!s)
		s = "";
	putchar('"');
	for (; *s; s++) {
		if (*s == '"')
			putchar('"');
		putchar(*s);
	}
	putchar('"');
}

static void print_rows(struct nsh *sh, const struct row *r, int n,
		       const struct grade_opts *g)
{
	struct json j = { .pretty = sh->o.pretty };

	if (g->csv) {
		printf("submission,passed,failed,status,detail\n");
		for (int i = 0; i < n; i++) {
			csv_field(r[i].name);
			printf(",%d,%d,", r[i].passed, r[i].failed);
			csv_field(r[i].status);
			putchar(',');
			csv_field(r[i].detail);
			putchar('\n');
		}
		return;
	}
	if (sh->o.json) {
		json_begin_array(&j);
		for (int i = 0; i < n; i++) {
			json_key(&j, NULL);
			json_begin_object(&j);
			json_str(&j, "submission", r[i].name);
			json_int(&j, "passed", r[i].passed);
			json_int(&j, "failed", r[i].failed);
			json_str(&j, "status", r[i].status);
			json_str(&j, "detail", r[i].detail);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_end(&j);
		return;
	}
	printf("%-24s %6s %6s  %s\n", "submission", "passed", "failed",
	       "status");
	for (int i = 0; i < n; i++) {
		char p[16] = "-", f[16] = "-", esc[300];

		if (r[i].passed >= 0)
			snprintf(p, sizeof(p), "%d", r[i].passed);
		if (r[i].failed >= 0)
			snprintf(f, sizeof(f), "%d", r[i].failed);
		printf("%-24s %6s %6s  %s%s%s\n",
		       str_escape(r[i].name, esc, sizeof(esc)), p, f,
		       r[i].status, r[i].detail[0] ? ": " : "", r[i].detail);
	}
}

int grade_run(struct nsh *sh, const char *lab, char **dirs, int n,
	      const struct grade_opts *g)
{
	struct row *rows = calloc((size_t)n + 1, sizeof(*rows));
	int status = 0;

	if (!rows) {
		fprintf(stderr, "nsh: out of memory\n");
		return 2;
	}
	for (int i = 0; i < n && !nsh_interrupted && !nsh_terminated; i++) {
		grade_one(sh, lab, dirs[i], g, &rows[i]);
		if (!streq(rows[i].status, "ok"))
			status = 1;
	}
	print_rows(sh, rows, n, g);
	free(rows);
	return nsh_interrupted ? 130 : status;
}
