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
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
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

/*
 * Out of memory: one policy.
 *
 * Memory the program cannot do without - the model, the compiled grammar,
 * a view or a plan under construction - is allocated with the x* helpers
 * below: when the allocation fails, nsh writes one line, "nsh: out of
 * memory", and aborts (as git's xmalloc).  Where a command can simply fail
 * - a request, a user's input, anything with a way back - the allocation
 * is checked and the command fails with nsh_err(sh, "out of memory").
 * Never "if (!p) abort();" by hand, and never "p = realloc(p, ...)" (the
 * block leaks when it fails): xrealloc, or a temporary checked before it
 * replaces p.
 *
 * A size of 0 asks for 1 byte, so success is never NULL.
 */
static inline void __attribute__((noreturn, cold)) nsh_oom(void)
{
	/* write(2), not stdio: malloc has just failed */
	static const char msg[] = "nsh: out of memory\n";

	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0) {
		/* nothing more can be said */
	}
	abort();
}

static inline void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		nsh_oom();
	return p;
}

static inline void *xcalloc(size_t nmemb, size_t size)
{
	void *p = nmemb && size ? calloc(nmemb, size) : calloc(1, 1);

	if (!p)
		nsh_oom();
	return p;
}

static inline void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		nsh_oom();
	return p;
}

static inline char *xstrdup(const char *s)
{
	char *p = strdup(s);

	if (!p)
		nsh_oom();
	return p;
}

/* a string printed to a new block: vsnprintf fails only for more than
 * INT_MAX bytes (or a bad format), which is taken as out of memory too,
 * as asprintf's failure was */
static inline char *__attribute__((format(printf, 1, 2)))
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		nsh_oom();
	p = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
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
