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
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <unistd.h>

#define _cleanup_(f) __attribute__((cleanup(f)))

/* CLOCK_MONOTONIC in microseconds, 64-bit: no overflow however long the
 * machine has been up (an int of milliseconds ends at ~24 days, of
 * microseconds at ~36 minutes) */
static inline int64_t mono_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* the same in milliseconds, as a double for durations */
static inline double mono_ms(void)
{
	return (double)mono_us() / 1e3;
}

/* an ICMP echo identifier for this process now */
static inline uint16_t echo_id(void)
{
	return (uint16_t)((uint64_t)getpid() ^ (uint64_t)mono_us());
}

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

/*
 * ANALYZER_KEEP(p): clang's analyzer (scan-build, clang 14) does not run
 * cleanup attributes, so to it a _cleanup_ variable leaks on every early
 * return.  Under the analyzer only, P is stored where it stays reachable
 * and so is no longer tracked; the compiled program is unchanged.  Put it
 * after the allocation of a _cleanup_ variable scan-build reports.
 */
#ifdef __clang_analyzer__
extern void *volatile nsh_analyzer_keep;
#define ANALYZER_KEEP(p) ((void)(nsh_analyzer_keep = (void *)(p)))
#else
#define ANALYZER_KEEP(p) ((void)0)
#endif

#endif
