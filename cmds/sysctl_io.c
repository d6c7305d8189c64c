/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sysctl_io.c - the keys of `sysctl` (see sysctl.c), as procps-ng 4.0.2
 * reads and writes them under /proc/sys: its key names (slashdot), its
 * ReadSetting, DisplayAll and WriteSetting with their messages, and the
 * `key = value` lines of -p files (Preload).
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <limits.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmds.h"
#include "probe.h"
#include "sysctl.h"

#define MAX_VALUE (1 << 20)

/* ------------------------------------------------------------ messages */

void sc_warnx(struct sc *s, const char *fmt, ...)
{
	char msg[PATH_MAX + 128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	(void)nsh_err(s->sh, "%s", msg);
}

/*
 * procps's slashdot(): the first separator of P tells the key's style;
 * when it is OLD, every '.' and '/' swap (a '/' in a dotted key stands for
 * a dot inside a name, such as the VLAN link "eth0.100").  A repeated
 * separator is warned about (once a call).
 */
static void slashdot(struct sc *s, char *p, char old, char new)
{
	bool warned = false;

	p = strpbrk(p, "/.");
	if (!p || *p == new)
		return;
	for (; p; p = strpbrk(p + 1, "/.")) {
		char c = *p;

		if ((p[1] == '/' || p[1] == '.') && !warned) {
			sc_warnx(s, "separators should not be repeated: %s", p);
			warned = true;
		}
		if (c == old)
			*p = new;
		if (c == new)
			*p = old;
	}
}

/* the key NAME as a path under /proc/sys (free it) */
static char *key_path(struct sc *s, const char *name)
{
	char *p = malloc(PROC_LEN + strlen(name) + 2);

	if (!p)
		return NULL;
	strcpy(p, PROC_SYS);
	strcat(p, name);
	slashdot(s, p + PROC_LEN, '.', '/');
	return p;
}

/* does PATH resolve to somewhere under /proc/sys/? (procps refuses keys
 * with ".." that leave it) */
static bool is_proc_path(struct sc *s, const char *path)
{
	_cleanup_free_ char *real = realpath(path, NULL);

	if (!real)
		return false;
	if (strncmp(real, PROC_SYS, PROC_LEN) == 0)
		return true;
	sc_warnx(s, "Path is not under %s: %s", PROC_SYS, path);
	return false;
}

/* -r: an extended regular expression; one that does not compile
 * matches nothing, as in procps */
static bool pattern_match(struct sc *s, const char *str)
{
	return s->have_re && regexec(&s->re, str, 0, NULL, 0) == 0;
}

/* ------------------------------------------------------------ reading */

/* print a value as procps does: each line "KEY = LINE" (-n: the line,
 * -b: without its newline) */
static void print_value(struct sc *s, const char *key, const char *val,
			size_t len)
{
	for (const char *p = val, *end = val + len; p < end;) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);

		if (s->print_name)
			printf("%s = %.*s\n", key, (int)n, p);
		else if (s->print_newline)
			printf("%.*s%s", (int)n, p, nl ? "\n" : "");
		else
			printf("%.*s", (int)n, p);
		p += n + (nl != NULL);
	}
}

/* open() of key OUT failed (errno): procps's message; 0 or 1 */
static int open_failed(struct sc *s, const char *out)
{
	switch (errno) {
	case ENOENT:
		if (s->ignore)
			return 0;
		sc_warnx(s, "\"%s\" is an unknown key", out);
		return 1;
	case EACCES:
		sc_warnx(s, "permission denied on key '%s'", out);
		return 1;
	case EIO:	/* stable_secret until one is set */
		return 1;
	default:
		sc_warnx(s, "reading key \"%s\": %s", out, strerror(errno));
		return 1;
	}
}

/* reading key OUT (at PATH) failed (errno): procps's message, or the
 * directory's keys; 0 or 1 */
static int read_failed(struct sc *s, const char *out, const char *path)
{
	switch (errno) {
	case EACCES:
		sc_warnx(s, "permission denied on key '%s'", out);
		return 1;
	case EISDIR:
		return sc_display_all(s, path);
	case EIO:
		return 1;
	default:
		sc_warnx(s, "reading key \"%s\"", out);
		return 1;
	}
}

/* procps's ReadSetting: 0, 1 (failed) or -1 (refused) */
int sc_read_setting(struct sc *s, const char *name)
{
	_cleanup_free_ char *out = NULL, *path = NULL, *val = NULL;
	_cleanup_close_ int fd = -1;
	struct stat st;
	size_t len;

	if (!*name) {
		sc_warnx(s, "\"%s\" is an unknown key", name);
		return -1;
	}
	/* procps 4.0.2 makes the printed name twice (before and after the
	 * path): a repeated separator may be warned about three times */
	out = strdup(name);
	if (!out)
		return 1;
	slashdot(s, out, '/', '.');
	free(out);
	path = key_path(s, name);
	out = strdup(name);
	ANALYZER_KEEP(out);	/* _cleanup_: freed on return */
	if (!out || !path)
		return 1;
	slashdot(s, out, '/', '.');
	if (stat(path, &st) < 0) {
		if (s->ignore)
			return 0;
		sc_warnx(s, "cannot stat %s: %s", path, strerror(errno));
		return 1;
	}
	if (!(st.st_mode & S_IRUSR))
		return 0;
	if (!is_proc_path(s, path))
		return -1;
	if (S_ISDIR(st.st_mode))
		return sc_display_all(s, path);
	if (s->pattern && !pattern_match(s, out))
		return 0;
	if (s->name_only) {
		printf("%s\n", out);
		return 0;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return open_failed(s, out);
	val = sysctl_slurp(fd, MAX_VALUE, &len);
	if (!val)
		return read_failed(s, out, path);
	print_value(s, out, val, len);
	return 0;
}

static bool is_deprecated(const char *name)
{
	return streq(name, "base_reachable_time") || streq(name, "retrans_time");
}

/*
 * procps's DisplayAll: every key under DIR, in the directory's own order;
 * the status of the keys directly in DIR only (procps 4.0.2 drops the
 * subdirectories' and a failed stat's).
 */
int sc_display_all(struct sc *s, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int rc = 0;

	if (!d) {
		sc_warnx(s, "unable to open directory \"%s/\"", dir);
		return 1;
	}
	while ((de = readdir(d))) {
		char sub[PATH_MAX];
		struct stat st;

		if (streq(de->d_name, ".") || streq(de->d_name, "..") ||
		    (!s->deprecated && is_deprecated(de->d_name)))
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", dir,
				     de->d_name) >= sizeof(sub))
			continue;
		if (stat(sub, &st) < 0)
			sc_warnx(s, "cannot stat %s: %s", sub, strerror(errno));
		else if (S_ISDIR(st.st_mode))
			(void)sc_display_all(s, sub);
		else
			rc |= sc_read_setting(s, sub + PROC_LEN);
	}
	closedir(d);
	return rc;
}

/* ------------------------------------------------------------ writing */

void sc_settings_free(struct settings *l)
{
	for (struct setting *n = l->head, *next; n; n = next) {
		next = n->next;
		free(n->key);
		free(n->path);
		free(n->value);
		free(n);
	}
	l->head = NULL;
	l->tail = &l->head;
}

/* open() of key DOTTED for SET failed with E: procps's message (IGN: its
 * ", ignoring"); 0 or 1 */
static int open_w_failed(struct sc *s, const struct setting *set,
			 const char *dotted, const char *ign, int e)
{
	int rc = 0;

	if (e == ENOENT) {
		if (!s->ignore) {
			sc_warnx(s, "\"%s\" is an unknown key%s", dotted, ign);
			rc = !set->ignore_failure;
		}
	} else if (e == EPERM || e == EROFS || e == EACCES) {
		sc_warnx(s, "permission denied on key \"%s\"%s", dotted, ign);
	} else {
		sc_warnx(s, "setting key \"%s\"%s: %s", dotted, ign,
			 strerror(e));
	}
	if (!set->ignore_failure && e != ENOENT)
		rc = 1;
	return rc;
}

/* SET's value into PATH (key DOTTED): 0 or 1 */
static int write_value(struct sc *s, const struct setting *set,
		       const char *path, const char *dotted, const char *ign)
{
	_cleanup_close_ int fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	_cleanup_free_ char *buf = NULL;
	ssize_t r = -1;

	if (fd < 0)
		return open_w_failed(s, set, dotted, ign, errno);
	/* one write of "VALUE\n", as procps's stream does */
	if (asprintf(&buf, "%s\n", set->value) < 0)
		return 1;
	do
		r = write(fd, buf, strlen(buf));
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		sc_warnx(s, "setting key \"%s\": %s", dotted, strerror(errno));
		return 1;
	}
	return 0;
}

/* procps's WriteSetting: 0 or 1 */
int sc_write_setting(struct sc *s, const struct setting *set,
		     const char *path)
{
	_cleanup_free_ char *dotted = NULL;
	const char *ign = set->ignore_failure ? ", ignoring" : "";
	struct stat st;
	int rc;

	if (stat(path, &st) < 0) {
		if (s->ignore)
			return 0;
		sc_warnx(s, "cannot stat %s: %s", path, strerror(errno));
		return 1;
	}
	if (!is_proc_path(s, path))
		return 1;
	dotted = strdup(path + PROC_LEN);
	if (!dotted)
		return 1;
	slashdot(s, dotted, '/', '.');
	/*
	 * A read-only key or a group: procps 4.0.2 reports the errno its
	 * realpath() left (EINVAL, from readlink on a file that is no link)
	 * and does not count it as a failure.
	 */
	if (!(st.st_mode & S_IWUSR) || S_ISDIR(st.st_mode)) {
		sc_warnx(s, "setting key \"%s\": %s", dotted, strerror(EINVAL));
		return 0;
	}
	/* a failed write prints nothing (the dry run writes nothing) */
	if (!s->dry_run && (rc = write_value(s, set, path, dotted, ign)))
		return rc;
	if (!s->quiet || s->dry_run) {
		if (s->name_only)	/* sic: procps 4.0.2 prints the value */
			printf("%s\n", set->value);
		else if (s->print_name)
			printf("%s = %s\n", dotted, set->value);
		else
			printf("%s%s", set->value, s->print_newline ? "\n" : "");
	}
	return 0;
}

static char *lstrip(char *p)
{
	while (isspace((unsigned char)*p))
		p++;
	return p;
}

static void rstrip(char *p)
{
	size_t n = strlen(p);

	/* as procps: the first character stays, blank or not */
	while (n > 1 && isspace((unsigned char)p[n - 1]))
		n--;
	p[n] = '\0';
}

/*
 * procps's parse_setting_line: "key = value", "-key = value" (failures
 * ignored), "-key" (no value: a key a glob leaves out).  NULL for a blank
 * or comment line, one the pattern leaves out, or bad syntax (said).
 */
struct setting *sc_parse_setting(struct sc *s, const char *file, int n,
				 char *line)
{
	_cleanup_free_ struct setting *set = calloc(1, sizeof(*set));
	char *key = lstrip(line), *value;

	ANALYZER_KEEP(set);	/* _cleanup_: freed on return */
	if (!set || strlen(key) < 2 || key[0] == '#' || key[0] == ';')
		return NULL;
	if (s->pattern && !pattern_match(s, key))
		// cppcheck-suppress memleak ; _cleanup_free_ frees set (cppcheck ignores the cleanup attribute)
		return NULL;
	value = strchr(key, '=');
	if (!value) {
		if (key[0] != '-') {
			sc_warnx(s, "%s(%d): invalid syntax, continuing...",
			       file, n);
			// cppcheck-suppress memleak ; _cleanup_free_ frees set (cppcheck ignores the cleanup attribute)
			return NULL;
		}
		key++;
		rstrip(key);
	} else {
		*value++ = '\0';
		if (key[0] == '-') {
			set->ignore_failure = true;
			key++;
		}
		value = lstrip(value);
		rstrip(value);
		rstrip(key);
		set->value = strdup(value);
		if (!set->value)
			// cppcheck-suppress memleak ; _cleanup_free_ frees set (cppcheck ignores the cleanup attribute)
			return NULL;
	}
	set->key = strdup(key);
	set->path = set->key ? key_path(s, key) : NULL;
	if (!set->path) {
		free(set->key);
		free(set->value);
		return NULL;
	}
	return TAKE_PTR(set);
}

static bool has_glob(const char *p)
{
	return strpbrk(p, "*?[") != NULL;
}

/* is PATH set (or left out) by a line of its own? */
static bool settings_has(const struct settings *l, const char *path)
{
	for (const struct setting *n = l->head; n; n = n->next)
		if (streq(n->path, path))
			return true;
	return false;
}

/* write the settings of the -p files: a glob's keys but those that have
 * lines of their own */
int sc_write_settings(struct sc *s, const struct settings *l)
{
	int rc = 0;

	for (const struct setting *n = l->head; n; n = n->next) {
		glob_t g;

		if (!n->value)
			continue;
		if (!has_glob(n->path)) {
			rc |= sc_write_setting(s, n, n->path);
			continue;
		}
		if (glob(n->path, 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++)
			if (!settings_has(l, g.gl_pathv[i]))
				rc |= sc_write_setting(s, n, g.gl_pathv[i]);
		globfree(&g);
	}
	return rc;
}

/* procps's Preload: the lines of the files NAME matches ("-": standard
 * input) into L */
int sc_preload(struct sc *s, struct settings *l, const char *name)
{
	glob_t g;
	int rc;

	rc = glob(name, GLOB_NOCHECK | GLOB_BRACE | GLOB_TILDE, NULL, &g);
	if (rc != 0 && rc != GLOB_NOMATCH) {
		sc_warnx(s, "glob failed");
		return 1;
	}
	for (size_t i = 0; i < g.gl_pathc; i++) {
		const char *path = g.gl_pathv[i];
		bool in = streq(path, "-");
		FILE *f = in ? stdin : fopen(path, "re");
		_cleanup_free_ char *line = NULL;
		size_t cap = 0;
		ssize_t len;
		int n = 0;

		if (!f) {
			sc_warnx(s, "cannot open \"%s\": %s", path,
			       strerror(errno));
			globfree(&g);
			return 1;
		}
		while ((len = getline(&line, &cap, f)) > 0) {
			struct setting *set;

			n++;
			if (len < 2)
				continue;
			set = sc_parse_setting(s, path, n, line);
			if (set) {
				*l->tail = set;
				l->tail = &set->next;
			}
		}
		if (!in)
			fclose(f);
	}
	globfree(&g);
	return 0;
}

