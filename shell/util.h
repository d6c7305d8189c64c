/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * util.h - scope cleanup macros (libnl's own _nl_auto_* are not installed,
 * so nsh has its own, in systemd's style) and small helpers.
 *
 * Destructors accept NULL.  TAKE_PTR/TAKE_FD hand ownership out of a scope.
 */
#ifndef NSH_UTIL_H
#define NSH_UTIL_H

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define _cleanup_(f) __attribute__((cleanup(f)))

static inline void freep(void *p)
{
	free(*(void **)p);
}

static inline void closep(int *fd)
{
	if (*fd >= 0)
		(void)close(*fd);
}

static inline void closedirp(DIR **d)
{
	if (*d)
		(void)closedir(*d);
}

#define _cleanup_free_ _cleanup_(freep)
#define _cleanup_close_ _cleanup_(closep)

#define TAKE_PTR(p)                                                            \
	({                                                                     \
		__typeof__(p) _p = (p);                                        \
		(p) = NULL;                                                    \
		_p;                                                            \
	})
#define TAKE_FD(fd)                                                            \
	({                                                                     \
		int _fd = (fd);                                                \
		(fd) = -1;                                                     \
		_fd;                                                           \
	})

/* Define a NULL-accepting pointer destructor fooxp() for a libnl put(). */
#define DEFINE_PUTP(type, fn)                                                  \
	static inline void fn##p(type **p)                                     \
	{                                                                      \
		if (*p)                                                        \
			fn(*p);                                                \
	}

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define streq(a, b) (strcmp((a), (b)) == 0)

#endif
