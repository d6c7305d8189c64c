/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-script.c - the script reader and the checking pass.
 *
 * The input is a script file.  It is read as `nsh -f FILE` reads one
 * (script_load: BOM, CRLF, continuations, a NUL refused, the dangling
 * backslash), from a memfd through /proc/self/fd so the regular-file path
 * is the one taken; then every logical line is checked with
 * nsh_prepare_line, as run_lines does before the first line runs (the
 * words, the sh grammar, expansions with the values the checking pass
 * knows, matching against the command tree, every placeholder value).
 *
 * Nothing runs: nsh_run_prepared is never called, and the checking pass
 * starts no program and sends no netlink request (it reads /run/netns
 * names at most: `NS ip …` lines).  guard.h makes sure of it: a program,
 * a fork, a netlink socket, setns/unshare/mount all fail with EPERM.
 * No model is built (nothing here calls model_get; if a later change
 * made the checking pass consult it, its socket would fail, not reach
 * the kernel).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nsh.h"
#include "core.h"
#include "guard.h"

static struct nsh sh = { .home.fd = -1, .cur.fd = -1 };
static int mfd = -1;
static char path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_guard();
	fuzz_guard_check();
	if (cmdtree_init(nsh_families, nsh_shared_types) < 0)
		abort();
	mfd = memfd_create("fuzz.nsh", MFD_CLOEXEC);
	if (mfd < 0 || fchmod(mfd, 0600) < 0)
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", mfd);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct script_line *lines = NULL;
	int n = 0;

	if (ftruncate(mfd, 0) < 0 ||
	    (size && pwrite(mfd, data, size, 0) != (ssize_t)size))
		abort();
	sh.file = NULL;
	sh.line = 0;
	if (script_load(&sh, path, &lines, &n))
		return 0;
	nsh_vars_check_begin();
	for (int i = 0; i < n; i++) {
		struct nsh_prepared p;
		int rc;

		sh.line = lines[i].lineno;
		rc = nsh_prepare_line(&sh, lines[i].text, &p);
		nsh_prepared_free(&p);
		if (rc)
			break;	/* the script would stop here */
	}
	script_lines_free(lines, n);
	sh.file = NULL;
	return 0;
}
