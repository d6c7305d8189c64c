/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * redir.c - the redirections of one simple command ([N]< > >> >| <> >&
 * <&, &> &>>), put in place around it: descriptors 0-2 are saved and
 * given back after it; 3-9 only exist for the programs it starts
 * (nsh.fdmap), nsh's own descriptors are not touched.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <string.h>
#include <unistd.h>

#include "run_priv.h"

void fds_init(struct fds *f)
{
	f->mapped = false;
	for (int i = 0; i < 3; i++)
		f->saved[i] = -2;
	for (int i = 0; i < 10; i++)
		f->map[i] = -1;
}

/* what descriptor N of the command is now: -1 none */
static int fd_now(const struct fds *f, int n)
{
	if (n < 3)
		return f->map[n] == NSH_FD_CLOSED || fcntl(n, F_GETFD) < 0 ?
			       -1 : n;
	return f->map[n];
}

/* make descriptor N of the command SRC (-1: closed) */
static int install(struct fds *f, int n, int src)
{
	int null = -1, e = 0;

	if (n < 0 || n >= (int)ARRAY_SIZE(f->map))
		return -EBADF;	/* the grammar allows 0-9 only */
	if (n >= 3) {
		if (f->map[n] >= 0)
			close(f->map[n]);
		f->map[n] = src < 0 ? -1 : fcntl(src, F_DUPFD_CLOEXEC, 10);
		f->mapped = true;
		return src >= 0 && f->map[n] < 0 ? -errno : 0;
	}
	if (f->saved[n] == -2)
		f->saved[n] = fcntl(n, F_DUPFD_CLOEXEC, 10);
	f->map[n] = -1;
	if (src < 0) {
		/* nsh keeps 0-2 open (its next socket must not take the
		 * number): /dev/null for itself, closed for its programs */
		null = open("/dev/null", O_RDWR | O_CLOEXEC);
		if (null < 0)
			return -errno;
		f->map[n] = NSH_FD_CLOSED;
		f->mapped = true;
		src = null;
	}
	if (src != n && dup2(src, n) < 0)
		e = -errno;
	if (null >= 0)
		close(null);
	return e;
}

/* open PATH for OP (<, >, >>, <>, &>, &>>) */
static int open_target(enum sh_redir_op op, const char *path)
{
	int fl = O_CLOEXEC | O_NOCTTY;

	switch (op) {
	case SH_R_IN:
		fl |= O_RDONLY;
		break;
	case SH_R_RW:
		fl |= O_RDWR | O_CREAT;
		break;
	case SH_R_APPEND:
	case SH_R_BOTH_APPEND:
		fl |= O_WRONLY | O_CREAT | O_APPEND;
		break;
	default:
		fl |= O_WRONLY | O_CREAT | O_TRUNC;
	}
	return open(path, fl, 0666);
}

int fds_redirect(struct nsh *sh, struct fds *f, const struct sh_redir *rd,
		 const char *target)
{
	enum sh_redir_op op = rd->op;
	int fd, e;

	if (op == SH_R_DUP) {
		if (streq(target, "-"))
			return install(f, rd->fd, -1) < 0;
		if (target[0] >= '0' && target[0] <= '9' && !target[1]) {
			int src = fd_now(f, target[0] - '0');

			if (src < 0)
				return nsh_err(sh, "'%s': bad file descriptor",
					       target);
			e = install(f, rd->fd, src);
			goto done;
		}
		if (!rd->dup_out || rd->fd_given)
			return nsh_err(sh, "'%s': ambiguous redirect", target);
		op = SH_R_BOTH;		/* >&FILE */
	}
	fd = open_target(op, target);
	if (fd < 0)
		return nsh_err(sh, "'%s': %s", target, strerror(errno));
	if (op == SH_R_BOTH || op == SH_R_BOTH_APPEND) {
		e = install(f, 1, fd);
		if (!e)
			e = install(f, 2, fd);
	} else {
		e = install(f, rd->fd, fd);
	}
	close(fd);
done:
	if (e < 0)
		return nsh_err(sh, "'%s': %s", target, strerror(-e));
	return 0;
}

void fds_restore(struct fds *f)
{
	fflush(stdout);
	fflush(stderr);
	for (int n = 0; n < 3; n++) {
		if (f->saved[n] == -2)
			continue;
		if (f->saved[n] >= 0) {
			(void)dup2(f->saved[n], n);
			close(f->saved[n]);
		} else {
			close(n);
		}
		if (n == 0) {
			__fpurge(stdin);
			clearerr(stdin);
		}
		f->saved[n] = -2;
	}
	for (int n = 3; n < 10; n++)
		if (f->map[n] >= 0) {
			close(f->map[n]);
			f->map[n] = -1;
		}
}

