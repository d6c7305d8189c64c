/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * shfallback.c - a script (or -c line) in sh syntax nsh does not run
 * itself: if, for, while, case, functions, ( … ), { … }, $( … ), `…`,
 * here-documents.  Tutorials write their labs that way too ("for ns in
 * ns1 ns2 ns3; do … done"), so rather than refuse it, nsh hands the
 * language to bash and keeps the work: bash finds `ip`, `bridge` and `tc`
 * first in a private directory of links to this nsh, which, called by
 * one of those names, runs that one command natively (main.c's applet);
 * `sudo` is a function that runs its command; a command bash does not
 * know (show, expect, …) is handed to nsh (`nsh-words`).  bash runs it
 * as nsh runs a script, stopping at the first failure (-e).  One line on
 * stderr says so.  The directory is made in /run/nsh (root's, 0700: no
 * one else can make or take that name, even after it is removed, when
 * bash ends).  A script
 * bash itself finds broken (`bash -n`: an unclosed `{`, a `for` without
 * `done`) is not handed over: nsh reports it and runs none of it, as for
 * any syntax error.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "nsh.h"
#include "core.h"

#define DIR_MAX 64	/* the private directory's path */

static const char *const applets[] = { "ip", "bridge", "tc", "nsh-words" };

/* BASH_ENV: sudo runs its command (its options dropped); what bash does
 * not find, nsh runs (the nsh-words link in DIR) */
static int write_rc(const char *dir)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/rc", dir);
	if (!(f = fopen(path, "we")))
		return -errno;
	fputs("sudo() {\n"
	      "\twhile [ $# -gt 0 ]; do\n"
	      "\t\tcase $1 in\n"
	      "\t\t-[ughpCDrtUT]) shift 2 ;;\n"
	      "\t\t--) shift; break ;;\n"
	      "\t\t-*) shift ;;\n"
	      "\t\t*) break ;;\n"
	      "\t\tesac\n"
	      "\tdone\n"
	      "\t\"$@\"\n"
	      "}\n", f);
	fprintf(f, "command_not_found_handle() { '%s/nsh-words' \"$@\"; }\n",
		dir);
	return fclose(f) ? -errno : 0;
}

/* DIR with the applets' links to SELF and the rc file: 0 or -errno */
static int make_dir(char *dir, size_t len)
{
	char self[PATH_MAX], link[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	if (n < 0)
		return -errno;
	self[n] = '\0';
	if (mkdir(JOURNAL_DIR, 0700) < 0 && errno != EEXIST)
		return -errno;
	snprintf(dir, len, "%s/sh.XXXXXX", JOURNAL_DIR);
	if (!mkdtemp(dir)) {
		dir[0] = '\0';
		return -errno;
	}
	for (size_t i = 0; i < ARRAY_SIZE(applets); i++) {
		snprintf(link, sizeof(link), "%s/%s", dir, applets[i]);
		if (symlink(self, link) < 0)
			return -errno;
	}
	return write_rc(dir);
}

static void remove_dir(const char *dir)
{
	char path[PATH_MAX];

	if (!dir[0])
		return;
	for (size_t i = 0; i < ARRAY_SIZE(applets); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, applets[i]);
		(void)unlink(path);
	}
	snprintf(path, sizeof(path), "%s/rc", dir);
	(void)unlink(path);
	snprintf(path, sizeof(path), "%s/script", dir);
	(void)unlink(path);
	(void)rmdir(dir);
}

/* TEXT into DIR/script (a script read from stdin): its path, or NULL */
static char *copy_text(const char *dir, const char *text, char *path,
		       size_t len)
{
	FILE *f;

	snprintf(path, len, "%s/script", dir);
	if (!(f = fopen(path, "we")))
		return NULL;
	fputs(text, f);
	return fclose(f) ? NULL : path;
}

static const char *bash_path(void)
{
	static const char *const paths[] = { "/bin/bash", "/usr/bin/bash" };

	for (size_t i = 0; i < ARRAY_SIZE(paths); i++)
		if (access(paths[i], X_OK) == 0)
			return paths[i];
	return NULL;
}

/* does bash read ARGV's script without a syntax error (bash -n)? */
static bool syntax_ok(char **argv)
{
	char *n[5] = { argv[0], "-n", argv[2], argv[3], NULL };

	return exec_quietly_ok(n);
}

/* bash -e with the applets first in PATH: its status */
static int run_bash(struct nsh *sh, const char *dir, int argc, char **argv)
{
	const char *old = getenv("PATH");
	_cleanup_free_ char *saved = old ? strdup(old) : NULL;
	_cleanup_free_ char *path = NULL;
	char rc[PATH_MAX], jpath[128];
	int st;

	ANALYZER_KEEP(saved);	/* _cleanup_: freed on return */
	if (asprintf(&path, "%s:%s", dir, old ? old : "/usr/bin:/bin") < 0)
		return nsh_err_raw(sh, "out of memory");
	ANALYZER_KEEP(path);	/* _cleanup_: freed on return */
	snprintf(rc, sizeof(rc), "%s/rc", dir);
	setenv("PATH", path, 1);
	setenv("BASH_ENV", rc, 1);
	/* what nsh's commands make there is this session's (cleanup) */
	if (journal_path(jpath, sizeof(jpath)) == 0)
		setenv(JOURNAL_ENV, jpath, 1);
	/* nsh's own work (its environment kept, root's, as the real ip's
	 * in run_fallback); its failure told by what failed, not again */
	sh->o.as_root = true;
	sh->status_tested = true;
	st = nsh_run_program(sh, &sh->cur, argc, argv);
	sh->status_tested = false;
	sh->o.as_root = false;
	unsetenv(JOURNAL_ENV);
	unsetenv("BASH_ENV");
	if (saved)
		setenv("PATH", saved, 1);
	else
		unsetenv("PATH");
	return st;
}

int sh_fallback_run(struct nsh *sh, const char *path, const char *text,
		    bool script)
{
	const char *bash = bash_path();
	char dir[DIR_MAX] = "", copy[PATH_MAX];
	char *argv[6] = { "bash", "-e", "--", NULL, NULL, NULL };
	int rc;

	if (!bash)
		return -ENOENT;
	/* a script nsh will not quote (may be a secret), or one whose hosts
	 * connected in the checking pass (their agents are this nsh's) */
	if (sh->redact || sh->hosts)
		return -EPERM;
	if ((rc = make_dir(dir, sizeof(dir))) < 0) {
		remove_dir(dir);
		return rc;
	}
	argv[0] = (char *)bash;
	if (path) {
		argv[3] = (char *)path;
	} else if (script) {
		if (!(argv[3] = copy_text(dir, text, copy, sizeof(copy)))) {
			remove_dir(dir);
			return -EIO;
		}
	} else {
		argv[2] = "-c";
		argv[3] = (char *)text;
	}
	if (!syntax_ok(argv)) {
		remove_dir(dir);
		return -EINVAL;
	}
	fprintf(stderr, "nsh: %s%s%d: column %d: %s; bash runs %s, nsh its "
			"ip, bridge and tc commands\n",
		sh->file ? sh->file : "", sh->file ? ":" : "line ",
		sh->needs_sh.line ? sh->needs_sh.line : 1, sh->needs_sh.col,
		sh->needs_sh.why, script ? "the script" : "the line");
	fflush(stderr);
	rc = run_bash(sh, dir, 4, argv);
	remove_dir(dir);
	return rc;
}

int sh_fallback_refused(struct nsh *sh, int rc)
{
	sh->line = sh->needs_sh.line;
	sh->cmdname[0] = '\0';
	if (rc == -EINVAL)	/* broken for bash too: nsh's own error */
		return nsh_err_raw(sh, "column %d: %s", sh->needs_sh.col,
				   sh->needs_sh.why);
	if (rc == -EPERM)
		return nsh_err_raw(sh, "column %d: %s (not handed to bash: %s)",
				   sh->needs_sh.col, sh->needs_sh.why,
				   sh->hosts ? "the script declares hosts" :
					       "nsh does not quote this file");
	return nsh_err_raw(sh, "column %d: %s (and no bash to run it: %s)",
			   sh->needs_sh.col, sh->needs_sh.why, strerror(-rc));
}
