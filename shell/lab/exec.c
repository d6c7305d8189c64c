/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * exec.c - run a program in the current namespace, the way
 * `ip netns exec` does (iproute2 lib/namespace.c netns_switch(), lib/exec.c).
 *
 * The process is already in SH->cur (setns), so the child inherits the
 * network namespace.  When that is not the namespace nsh started in, the
 * child also gets a private mount namespace (slave, so nothing propagates
 * back), a /sys remounted so /sys/class/net shows the namespace, and the
 * files of /etc/netns/NAME bound over /etc.  Only fds 0-2 reach the program
 * and every signal disposition is back to its default.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/statvfs.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <grp.h>
#include <sched.h>
#include <stdlib.h>
#include <unistd.h>

#include "nsh.h"

volatile sig_atomic_t nsh_interrupted;
volatile sig_atomic_t nsh_terminated;

static struct rlimit nofile;	/* the soft limit nsh was started with */
static bool nofile_raised;

void child_close_from(int first)
{
	struct rlimit rl;
	rlim_t top = 1024;

#ifdef SYS_close_range
	if (syscall(SYS_close_range, (unsigned int)first, ~0U, 0U) == 0)
		return;
#endif
	/* no close_range (before Linux 5.9, or a seccomp filter): nsh keeps
	 * few descriptors, and those above the limit it was started with are
	 * close-on-exec; do not loop to a raised or huge limit */
	if (nofile_raised)
		top = nofile.rlim_cur;
	else if (getrlimit(RLIMIT_NOFILE, &rl) == 0)
		top = rl.rlim_cur;
	if (top > 65536)
		top = 65536;
	for (int fd = first; fd < (int)top; fd++)
		(void)close(fd);
}

/*
 * A lab of 1000 namespaces deleted in one script holds 1000 descriptors
 * until the next wait (shell/lab/teardown.c), beyond the usual soft limit of
 * 1024; so nsh raises its soft limit to the hard one, and puts the old
 * one back in every program it starts (as systemd does), for programs
 * that use select().
 */
bool exec_quietly_ok(char **argv)
{
	pid_t pid;
	int st;

	fflush(NULL);
	if ((pid = fork()) < 0)
		return false;
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR | O_CLOEXEC);

		if (null >= 0) {
			(void)dup2(null, 0);
			(void)dup2(null, 1);
			(void)dup2(null, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

int exec_find_real(const char *name, char *buf, size_t len)
{
	static const char *const dirs[] = { "/usr/sbin", "/sbin", "/usr/bin",
					    "/bin" };

	for (size_t d = 0; d < ARRAY_SIZE(dirs); d++) {
		snprintf(buf, len, "%s/%s", dirs[d], name);
		if (access(buf, X_OK) == 0)
			return 0;
	}
	return -ENOENT;
}

void exec_raise_nofile(void)
{
	struct rlimit rl;
	FILE *f;
	long nr_open = 0;

	if (getrlimit(RLIMIT_NOFILE, &nofile) < 0 ||
	    nofile.rlim_cur >= nofile.rlim_max)
		return;
	rl = nofile;
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY ? 1 << 20 : rl.rlim_max;
	if (rl.rlim_cur > 1 << 20)
		rl.rlim_cur = 1 << 20;
	nofile_raised = setrlimit(RLIMIT_NOFILE, &rl) == 0;
	/* an infinite hard limit above fs.nr_open: the kernel's ceiling */
	if (!nofile_raised && (f = fopen("/proc/sys/fs/nr_open", "re"))) {
		if (fscanf(f, "%ld", &nr_open) == 1 && nr_open > 0 &&
		    (rlim_t)nr_open < rl.rlim_cur) {
			rl.rlim_cur = (rlim_t)nr_open;
			nofile_raised = setrlimit(RLIMIT_NOFILE, &rl) == 0;
		}
		fclose(f);
	}
}

void child_restore_nofile(void)
{
	if (nofile_raised)
		(void)setrlimit(RLIMIT_NOFILE, &nofile);
}

/*
 * Every signal back to SIG_DFL, and none blocked.  The raw system call,
 * because glibc's sigaction() refuses the two real-time signals it
 * reserves (32, 33), which a parent such as make may have left ignored.
 */
void child_reset_signals(void)
{
	struct {
		void (*handler)(int);
		unsigned long flags;
		void (*restorer)(void);
		uint64_t mask;
	} ksa = { .handler = SIG_DFL };
	sigset_t none;

	for (int s = 1; s <= 64; s++)
		if (s != SIGKILL && s != SIGSTOP)
			(void)syscall(SYS_rt_sigaction, s, &ksa, NULL,
				      sizeof(ksa.mask));
	sigemptyset(&none);
	(void)sigprocmask(SIG_SETMASK, &none, NULL);
}

/* bind /etc/netns/NAME/FILE over /etc/FILE, as iproute2's bind_etc() */
static void child_bind_etc(const char *name)
{
	char dir[PATH_MAX];
	DIR *d;
	struct dirent *e;

	if (strlen(name) >= NAME_MAX)
		return;
	snprintf(dir, sizeof(dir), "%s/%s", NETNS_ETC_DIR, name);
	d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		char src[PATH_MAX + 256], dst[PATH_MAX];

		if (streq(e->d_name, ".") || streq(e->d_name, ".."))
			continue;
		snprintf(src, sizeof(src), "%s/%s", dir, e->d_name);
		snprintf(dst, sizeof(dst), "/etc/%s", e->d_name);
		if (mount(src, dst, "none", MS_BIND, NULL) < 0)
			fprintf(stderr, "nsh: warning: cannot bind %s over "
					"%s: %s\n",
				src, dst, strerror(errno));
	}
	closedir(d);
}

static int child_switch_mounts(const struct nsh_ns *ns)
{
	struct statvfs fs;
	unsigned long flags = 0;

	if (unshare(CLONE_NEWNS) < 0) {
		fprintf(stderr, "nsh: cannot create a mount namespace: %s\n",
			strerror(errno));
		return -1;
	}
	if (mount("", "/", "none", MS_SLAVE | MS_REC, NULL) < 0) {
		fprintf(stderr, "nsh: cannot make / a slave mount: %s\n",
			strerror(errno));
		return -1;
	}
	if (umount2("/sys", MNT_DETACH) < 0 && statvfs("/sys", &fs) == 0 &&
	    (fs.f_flag & ST_RDONLY))
		flags = MS_RDONLY;
	if (mount(ns->label[0] ? ns->label : "sysfs", "/sys", "sysfs", flags,
		  NULL) < 0)
		fprintf(stderr, "nsh: warning: cannot mount /sys (it shows "
				"another namespace): %s\n",
			strerror(errno));
	if (ns->label[0] && strncmp(ns->label, "pid ", 4) != 0)
		child_bind_etc(ns->label);
	return 0;
}

void child_identity(const struct nsh *sh)
{
	if (sh->o.as_root)
		return;
	if (sh->o.clean_env) {
		const char *keep[] = { "TERM", "LANG" };
		char val[2][512];
		const char *home = sh->o.as_user ? sh->o.user_home : getenv("HOME");
		const char *user = sh->o.as_user ? sh->o.user : getenv("USER");
		char h[256], u[64];

		snprintf(h, sizeof(h), "%s", home ? home : "/");
		snprintf(u, sizeof(u), "%s", user ? user : "root");
		for (int i = 0; i < 2; i++)
			snprintf(val[i], sizeof(val[i]), "%s",
				 getenv(keep[i]) ? getenv(keep[i]) : "");
		clearenv();
		setenv("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:"
			       "/usr/bin:/sbin:/bin", 1);
		setenv("HOME", h, 1);
		setenv("USER", u, 1);
		for (int i = 0; i < 2; i++)
			if (val[i][0])
				setenv(keep[i], val[i], 1);
	} else if (sh->o.as_user) {
		setenv("HOME", sh->o.user_home, 1);
		setenv("USER", sh->o.user, 1);
		setenv("LOGNAME", sh->o.user, 1);
	}
	if (!sh->o.as_user)
		return;
	if (setgroups((size_t)sh->o.ngroups, sh->o.groups) < 0 ||
	    setgid(sh->o.gid) < 0 || setuid(sh->o.uid) < 0) {
		nsh_err_raw((struct nsh *)sh, "cannot run programs as %s: %s",
			    sh->o.user, strerror(errno));
		_exit(126);
	}
}

int ns_exec(struct nsh *sh, char **argv)
{
	return ns_exec_in(sh, &sh->cur, argv);
}

/* descriptors 3-9 as the line redirected them (SH->fdmap), the rest
 * closed */
static void child_fds(const struct nsh *sh)
{
	if (!sh->fdmap) {
		child_close_from(3);
		return;
	}
	for (int fd = 0; fd < 3; fd++)
		if (sh->fdmap[fd] == NSH_FD_CLOSED)
			(void)close(fd);
	/* the sources are all above 9 */
	for (int fd = 3; fd < 10; fd++) {
		if (sh->fdmap[fd] >= 0)
			(void)dup2(sh->fdmap[fd], fd);
		else
			(void)close(fd);
	}
	child_close_from(10);
}

/* the forked side of ns_exec_in (or nsh itself, for ns_exec_replace) */
static void __attribute__((noreturn))
exec_child(struct nsh *sh, const struct nsh_ns *ns, char **argv)
{
	int err;

	child_reset_signals();
	err = ns_same(ns, &sh->cur) ? 0 : ns_enter_child(ns);
	if (err < 0) {
		nsh_err_raw(sh, "%s: cannot enter the namespace: %s",
			    argv[0], strerror(-err));
		_exit(126);
	}
	if (!ns_same(ns, &sh->home) && child_switch_mounts(ns) < 0)
		_exit(126);
	child_fds(sh);
	child_restore_nofile();
	child_identity(sh);
	for (char **e = sh->env_add; e && *e; e++)
		(void)putenv(*e);
	execvp(argv[0], argv);
	int e = errno;

	if (e == ENOENT)
		nsh_err_raw(sh, "%s: command not found", argv[0]);
	else
		nsh_err_raw(sh, "%s: %s", argv[0], strerror(e));
	_exit(e == ENOENT ? 127 : 126);
}

void ns_exec_replace(struct nsh *sh, const struct nsh_ns *ns, char **argv)
{
	fflush(stdout);
	fflush(stderr);
	exec_child(sh, ns, argv);
}

int ns_exec_in(struct nsh *sh, const struct nsh_ns *ns, char **argv)
{
	pid_t pid, w;
	int status;

	fflush(stdout);
	fflush(stderr);
	pid = fork();
	if (pid < 0)
		return nsh_err(sh, "cannot fork: %s", strerror(errno));
	if (pid == 0)
		exec_child(sh, ns, argv);
	/* Ctrl-C reaches the program (same process group); nsh waits on.
	 * SIGTERM and SIGHUP were sent to nsh alone: passed on, once */
	bool passed = false;

	for (;;) {
		if (nsh_terminated && !passed) {
			(void)kill(pid, nsh_terminated);
			passed = true;
		}
		w = waitpid(pid, &status, 0);
		if (w >= 0 || errno != EINTR)
			break;
	}
	nsh_interrupted = 0;
	if (w < 0)
		return nsh_err(sh, "waitpid: %s", strerror(errno));
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 1;
}
