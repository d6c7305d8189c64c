/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ns_sandbox.c - --sandbox: the process in a network and mount namespace
 * of its own (in a user namespace first when not root), with a private,
 * empty /run/netns and its own /sys.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nsh.h"

/* write S to the file PATH (for the uid/gid maps) */
static int write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n = -1;

	if (fd >= 0) {
		n = write(fd, s, strlen(s));
		close(fd);
	}
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

/* why an unprivileged user namespace is refused here, or NULL */
static const char *userns_blocker(void)
{
	static const struct {
		const char *path, *bad, *why;
	} knobs[] = {
		{ "/proc/sys/kernel/apparmor_restrict_unprivileged_userns", "1",
		  "kernel.apparmor_restrict_unprivileged_userns=1 (AppArmor "
		  "restricts unprivileged user namespaces)" },
		{ "/proc/sys/kernel/unprivileged_userns_clone", "0",
		  "kernel.unprivileged_userns_clone=0" },
		{ "/proc/sys/user/max_user_namespaces", "0",
		  "user.max_user_namespaces=0" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(knobs); i++) {
		char buf[16] = "";
		FILE *f = fopen(knobs[i].path, "re");

		if (!f)
			continue;
		if (fgets(buf, sizeof(buf), f))
			buf[strcspn(buf, "\n")] = '\0';
		fclose(f);
		if (streq(buf, knobs[i].bad))
			return knobs[i].why;
	}
	return NULL;
}

/*
 * Not root: a user namespace first, in which this user is root (uid and
 * gid mapped to their own), so that the network and mount namespaces it
 * owns can be set up without any privilege on the host.
 */
static int sandbox_userns(void)
{
	uid_t uid = geteuid();
	gid_t gid = getegid();
	char map[64];

	if (unshare(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWNS) < 0) {
		const char *why = userns_blocker();

		fprintf(stderr, "nsh: --sandbox: this user cannot create a "
				"user namespace: %s%s%s\n",
			strerror(errno), why ? "; blocked by " : "",
			why ? why : "");
		return -1;
	}
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)uid);
	if (write_file("/proc/self/setgroups", "deny") < 0 ||
	    write_file("/proc/self/uid_map", map) < 0) {
		fprintf(stderr, "nsh: --sandbox: cannot map the user: %s\n",
			strerror(errno));
		return -1;
	}
	snprintf(map, sizeof(map), "0 %u 1\n", (unsigned)gid);
	if (write_file("/proc/self/gid_map", map) < 0) {
		fprintf(stderr, "nsh: --sandbox: cannot map the group: %s\n",
			strerror(errno));
		return -1;
	}
	return 0;
}

int ns_sandbox_enter(void)
{
	struct stat st;
	const char *dir = NETNS_RUN_DIR;

	if (geteuid() != 0) {
		if (sandbox_userns() < 0)
			return -1;
	} else if (unshare(CLONE_NEWNET | CLONE_NEWNS) < 0) {
		fprintf(stderr, "nsh: --sandbox: cannot create a network and "
				"mount namespace: %s%s\n",
			strerror(errno), errno == EPERM ? " (are you root?)" : "");
		return -1;
	}
	if (mount("", "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0) {
		fprintf(stderr, "nsh: --sandbox: cannot make / private: %s\n",
			strerror(errno));
		return -1;
	}
	/* a private, empty /run/netns; /run itself if the directory is
	 * missing, so that the host's /run is never written */
	if (stat(dir, &st) < 0)
		dir = "/run";
	if (mount("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		  "mode=0755") < 0) {
		fprintf(stderr, "nsh: --sandbox: cannot mount a tmpfs on %s: "
				"%s\n",
			dir, strerror(errno));
		return -1;
	}
	/* /sys shows the namespace of whoever mounted it: remount */
	if (umount2("/sys", MNT_DETACH) == 0)
		(void)mount("sysfs", "/sys", "sysfs", MS_NOSUID | MS_NODEV |
				MS_NOEXEC, NULL);
	return 0;
}
