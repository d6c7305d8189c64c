/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * guard.h - what makes a fuzz target harmless, whatever its input.
 *
 * The targets call nsh's parsers and checking pass only, which run
 * nothing; this guard makes sure of it, should a bug or a later change
 * make one of them try.  Installed once, before the first input, a
 * seccomp filter makes these system calls fail with EPERM:
 *   - execve, execveat: no program can run;
 *   - fork, vfork, clone without CLONE_VM, clone3 (ENOSYS: glibc falls
 *     back to clone): no copy of the process (threads and the sanitizers'
 *     helpers, which share memory, still work);
 *   - socket of any family but AF_UNIX: no netlink, so no request can
 *     reach the kernel's network state;
 *   - setns, unshare, mount, umount2, pivot_root: no namespace is entered,
 *     made or mounted.
 * One cost: a sanitizer report cannot start llvm-symbolizer, so its stack
 * shows module+offset (symbolize it with llvm-symbolizer afterwards; UBSan
 * reports still name the file and line).
 */
#ifndef NSH_FUZZ_GUARD_H
#define NSH_FUZZ_GUARD_H

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sched.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#if defined(__x86_64__)
#define FUZZ_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define FUZZ_ARCH AUDIT_ARCH_AARCH64
#else
#error "tests/fuzz/guard.h: add this architecture's AUDIT_ARCH"
#endif

#define G_DENY(nr)                                                        \
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (nr), 0, 1),                  \
	BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM)
#define G_ARG0 offsetof(struct seccomp_data, args[0])

static void fuzz_guard(void)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, arch)),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, FUZZ_ARCH, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
			 offsetof(struct seccomp_data, nr)),
		G_DENY(__NR_execve),
		G_DENY(__NR_execveat),
#ifdef __NR_fork
		G_DENY(__NR_fork),
#endif
#ifdef __NR_vfork
		G_DENY(__NR_vfork),
#endif
		G_DENY(__NR_setns),
		G_DENY(__NR_unshare),
		G_DENY(__NR_mount),
		G_DENY(__NR_umount2),
		G_DENY(__NR_pivot_root),
#ifdef __NR_clone3
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone3, 0, 1),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | ENOSYS),
#endif
		/* clone: allowed only with CLONE_VM (a thread) */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_clone, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, G_ARG0),
		BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, CLONE_VM, 5, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		/* socket: AF_UNIX only */
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_socket, 0, 3),
		BPF_STMT(BPF_LD | BPF_W | BPF_ABS, G_ARG0),
		BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AF_UNIX, 1, 0),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ERRNO | EPERM),
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { .len = sizeof(f) / sizeof(f[0]),
				   .filter = f };

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog) < 0) {
		perror("fuzz guard: seccomp");
		abort();	/* never fuzz unguarded */
	}
}

/* the guard works: each of these must fail (checked once at start) */
static void fuzz_guard_check(void)
{
	int s = socket(AF_NETLINK, SOCK_RAW, 0);

	if (s >= 0 || errno != EPERM || syscall(__NR_unshare, 0) == 0 ||
	    errno != EPERM) {
		fprintf(stderr, "fuzz guard: not in force\n");
		abort();
	}
}

#endif
