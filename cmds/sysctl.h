/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sysctl.h - private to `sysctl`: what cmds/sysctl.c (the options and the
 * command) and cmds/sysctl_io.c (reading and writing keys, -p files)
 * share.
 */
#ifndef NSH_SYSCTL_H
#define NSH_SYSCTL_H

#include <regex.h>
#include <stdbool.h>

#include "cmds.h"

#define PROC_SYS "/proc/sys/"
#define PROC_LEN (sizeof(PROC_SYS) - 1)
#define DEFAULT_PRELOAD "/etc/sysctl.conf"

/* what the options ask for */
enum sc_action { SC_RUN, SC_VERSION, SC_USAGE, SC_SYSTEM };

struct sc {
	struct nsh *sh;
	bool print_name;	/* "KEY = " (not -n, -b) */
	bool print_newline;	/* not -b */
	bool ignore;		/* -e */
	bool name_only;		/* -N */
	bool write;		/* -w */
	bool preload;		/* -p, -f, --load */
	bool quiet;		/* -q */
	bool all;		/* -a, -A, -X */
	bool deprecated;	/* --deprecated: list the deprecated keys */
	bool dry_run;		/* --dry-run */
	const char *preload_file;	/* -pFILE, --load=FILE */
	const char *pattern;	/* -r */
	regex_t re;
	bool have_re;
	enum sc_action action;
	char err[160];		/* getopt's complaint */
	char **args;		/* the words that are no options, in order */
	int nargs;
};

/* one `key = value` of the command line or of a -p file */
struct setting {
	char *key;
	char *path;
	char *value;		/* NULL: "-key" (excluded from a glob) */
	bool ignore_failure;	/* "-key = value" */
	struct setting *next;
};

struct settings {
	struct setting *head, **tail;
};

/* procps's warnx: "sysctl: MESSAGE" (the status is the caller's) */
void sc_warnx(struct sc *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* procps's ReadSetting: 0, 1 (failed) or -1 (refused) */
int sc_read_setting(struct sc *s, const char *name);
/* procps's DisplayAll: every key under DIR; 0 or 1 */
int sc_display_all(struct sc *s, const char *dir);
/* procps's WriteSetting: 0 or 1 */
int sc_write_setting(struct sc *s, const struct setting *set,
		     const char *path);
/* procps's parse_setting_line (LINE of FILE, line N): a setting, or NULL
 * (blank, comment, left out by the pattern, or bad syntax: said) */
struct setting *sc_parse_setting(struct sc *s, const char *file, int n,
				 char *line);
void sc_settings_free(struct settings *l);
/* the settings of the -p files; 0 or 1 */
int sc_write_settings(struct sc *s, const struct settings *l);
/* procps's Preload: the lines of the files NAME matches into L; 0 or 1 */
int sc_preload(struct sc *s, struct settings *l, const char *name);

#endif
