/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sysctl.c - `sysctl`, as procps-ng 4.0.2 (Debian 12) does it, through
 * /proc/sys of the current namespace (the process is always in SH->cur,
 * and /proc/sys/net shows the network namespace of the process that
 * looks): no sysctl program runs.
 *
 * procps's behaviour is the contract, quirks included: options anywhere
 * (getopt's permutation), KEY=VALUE writes with or without -w, keys taken
 * one after the other (a write before an unknown key is done), its
 * messages ("cannot stat /proc/sys/net/x: No such file or directory"), its
 * output ("net.ipv4.ip_forward = 1", even when the key was written with
 * slashes) and its exit status (the failed reads added up, the failed
 * writes or-ed in).  -p FILE reads `key = value` lines (`#`/`;` comments,
 * `-key` ignoring failures, globs).  --system applies every system file
 * (mostly kernel-wide keys, nothing of a lab's): the real sysctl runs it.
 *
 * nsh differs in one way: an unknown option is an error (one line, before
 * anything runs, also when a script is checked), where procps prints its
 * usage and exits 0.
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
#include "core.h"
#include "probe.h"

#define PROC_SYS "/proc/sys/"
#define PROC_LEN (sizeof(PROC_SYS) - 1)
#define DEFAULT_PRELOAD "/etc/sysctl.conf"
#define MAX_VALUE (1 << 20)

/* ------------------------------------------------------------ options */

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

/* procps's long options (getopt_long: any unique abbreviation) */
static const struct {
	const char *name;
	char arg;		/* 0 none, 'o' optional, 'r' required */
	char opt;		/* the short option it stands for */
} longopts[] = {
	{ "all", 0, 'a' }, { "deprecated", 0, 'D' }, { "dry-run", 0, 'R' },
	{ "binary", 0, 'b' }, { "ignore", 0, 'e' }, { "names", 0, 'N' },
	{ "values", 0, 'n' }, { "load", 'o', 'p' }, { "quiet", 0, 'q' },
	{ "write", 0, 'w' }, { "system", 0, 'S' }, { "pattern", 'r', 'r' },
	{ "help", 0, 'h' }, { "version", 0, 'V' },
};

#define SHORT_OPTS "bneNwfpqoxaAXrVdh"

/* apply option C (ARG its value, or NULL); false once an option that acts
 * at once (-V, -h, --system) was met: the rest is not looked at */
static bool apply(struct sc *s, char c, const char *arg)
{
	switch (c) {
	case 'b':
		s->print_newline = false;
		s->print_name = false;
		break;
	case 'n':
		s->print_name = false;
		break;
	case 'e':
		s->ignore = true;
		break;
	case 'N':
		s->name_only = true;
		break;
	case 'w':
		s->write = true;
		break;
	case 'f':
	case 'p':
		s->preload = true;
		if (arg)
			s->preload_file = arg;
		break;
	case 'q':
		s->quiet = true;
		break;
	case 'a':
	case 'A':
	case 'X':
		s->all = true;
		break;
	case 'D':
		s->deprecated = true;
		break;
	case 'R':
		s->dry_run = true;
		break;
	case 'r':
		s->pattern = arg;
		break;
	case 'S':
		s->action = SC_SYSTEM;
		return false;
	case 'V':
		s->action = SC_VERSION;
		return false;
	case 'd':
	case 'h':
		s->action = SC_USAGE;
		return false;
	default:		/* -o, -x: BSD's, they do nothing */
		break;
	}
	return true;
}

static int fail(struct sc *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int fail(struct sc *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->err, sizeof(s->err), fmt, ap);
	va_end(ap);
	return -1;
}

/* the long option W ("--name[=value]") at ARGV[*I]; 1: go on, 0: an
 * option that acts at once, -1: S->err says why */
static int long_opt(struct sc *s, int argc, char **argv, int *i)
{
	const char *w = argv[*i] + 2, *eq = strchr(w, '=');
	size_t n = eq ? (size_t)(eq - w) : strlen(w);
	int found = -1, nfound = 0;
	char list[160] = "";

	for (size_t k = 0; k < ARRAY_SIZE(longopts); k++) {
		if (strncmp(longopts[k].name, w, n) != 0)
			continue;
		if (strlen(longopts[k].name) == n) {	/* exact wins */
			found = (int)k;
			nfound = 1;
			break;
		}
		found = (int)k;
		nfound++;
		snprintf(list + strlen(list), sizeof(list) - strlen(list),
			 " '--%s'", longopts[k].name);
	}
	if (nfound > 1)
		return fail(s, "ambiguous option; possibilities:%s", list);
	if (found < 0)
		return fail(s, "unrecognized option");
	if (eq && !longopts[found].arg)
		return fail(s, "option '--%s' doesn't allow an argument",
			    longopts[found].name);
	if (!eq && longopts[found].arg == 'r') {
		if (*i + 1 >= argc)
			return fail(s, "option '--%s' requires an argument",
				    longopts[found].name);
		eq = argv[++*i] - 1;
	}
	return apply(s, longopts[found].opt, eq ? eq + 1 : NULL) ? 1 : 0;
}

/* the short options of ARGV[*I] ("-qw", "-pFILE", "-r PATTERN") */
static int short_opts(struct sc *s, int argc, char **argv, int *i)
{
	const char *w = argv[*i];

	for (int j = 1; w[j]; j++) {
		char c = w[j];
		const char *arg = NULL;

		if (!strchr(SHORT_OPTS, c))
			return fail(s, "invalid option -- '%c'", c);
		if (c == 'p' && w[j + 1]) {
			arg = w + j + 1;
		} else if (c == 'r') {
			if (w[j + 1])
				arg = w + j + 1;
			else if (*i + 1 < argc)
				arg = argv[++*i];
			else
				return fail(s, "option requires an argument "
					    "-- '%c'", c);
		}
		if (!apply(s, c, arg))
			return 0;
		if (arg)
			break;
	}
	return 1;
}

/*
 * Read the options of ARGV as getopt_long does (they may come anywhere;
 * "--" ends them); the other words go to S->args, in order.  0, or -1
 * with S->err set.  CHECK: ARGV is one word of a line being checked, an
 * option's value may follow it.
 */
static int parse_opts(struct sc *s, int argc, char **argv, bool check)
{
	bool options = true;

	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		int rc;

		if (!options || w[0] != '-' || !w[1]) {
			if (s->args)
				s->args[s->nargs] = argv[i];
			s->nargs++;
			continue;
		}
		if (streq(w, "--")) {
			options = false;
			continue;
		}
		rc = w[1] == '-' ? long_opt(s, argc, argv, &i)
				 : short_opts(s, argc, argv, &i);
		if (rc < 0 && check && strstr(s->err, "requires an argument"))
			rc = 1;
		if (rc <= 0)
			return rc;
	}
	return 0;
}

static void sc_init(struct sc *s, struct nsh *sh)
{
	memset(s, 0, sizeof(*s));
	s->sh = sh;
	s->print_name = true;
	s->print_newline = true;
}

/* ------------------------------------------------------------ messages */

/* procps's warnx: "sysctl: MESSAGE" (the status is the caller's) */
static void warnx_(struct sc *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void warnx_(struct sc *s, const char *fmt, ...)
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
			warnx_(s, "separators should not be repeated: %s", p);
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
	warnx_(s, "Path is not under %s: %s", PROC_SYS, path);
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

static int display_all(struct sc *s, const char *dir);

/* procps's ReadSetting: 0, 1 (failed) or -1 (refused) */
static int read_setting(struct sc *s, const char *name)
{
	_cleanup_free_ char *out = NULL, *path = NULL, *val = NULL;
	_cleanup_close_ int fd = -1;
	struct stat st;
	size_t len;

	if (!*name) {
		warnx_(s, "\"%s\" is an unknown key", name);
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
	if (!out || !path)
		return 1;
	slashdot(s, out, '/', '.');
	if (stat(path, &st) < 0) {
		if (s->ignore)
			return 0;
		warnx_(s, "cannot stat %s: %s", path, strerror(errno));
		return 1;
	}
	if (!(st.st_mode & S_IRUSR))
		return 0;
	if (!is_proc_path(s, path))
		return -1;
	if (S_ISDIR(st.st_mode))
		return display_all(s, path);
	if (s->pattern && !pattern_match(s, out))
		return 0;
	if (s->name_only) {
		printf("%s\n", out);
		return 0;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		switch (errno) {
		case ENOENT:
			if (s->ignore)
				return 0;
			warnx_(s, "\"%s\" is an unknown key", out);
			return 1;
		case EACCES:
			warnx_(s, "permission denied on key '%s'", out);
			return 1;
		case EIO:	/* stable_secret until one is set */
			return 1;
		default:
			warnx_(s, "reading key \"%s\": %s", out,
			       strerror(errno));
			return 1;
		}
	}
	val = sysctl_slurp(fd, MAX_VALUE, &len);
	if (!val) {
		switch (errno) {
		case EACCES:
			warnx_(s, "permission denied on key '%s'", out);
			return 1;
		case EISDIR:
			return display_all(s, path);
		case EIO:
			return 1;
		default:
			warnx_(s, "reading key \"%s\"", out);
			return 1;
		}
	}
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
static int display_all(struct sc *s, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	int rc = 0;

	if (!d) {
		warnx_(s, "unable to open directory \"%s/\"", dir);
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
			warnx_(s, "cannot stat %s: %s", sub, strerror(errno));
		else if (S_ISDIR(st.st_mode))
			(void)display_all(s, sub);
		else
			rc |= read_setting(s, sub + PROC_LEN);
	}
	closedir(d);
	return rc;
}

/* ------------------------------------------------------------ writing */

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

static void settings_free(struct settings *l)
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

/* procps's WriteSetting: 0 or 1 */
static int write_setting(struct sc *s, const struct setting *set,
			 const char *path)
{
	_cleanup_free_ char *dotted = NULL;
	const char *ign = set->ignore_failure ? ", ignoring" : "";
	struct stat st;
	int rc = 0;

	if (stat(path, &st) < 0) {
		if (s->ignore)
			return 0;
		warnx_(s, "cannot stat %s: %s", path, strerror(errno));
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
		warnx_(s, "setting key \"%s\": %s", dotted, strerror(EINVAL));
		return 0;
	}
	if (!s->dry_run) {
		_cleanup_close_ int fd = open(path, O_WRONLY | O_TRUNC |
						    O_CLOEXEC);
		_cleanup_free_ char *buf = NULL;
		ssize_t r = -1;

		if (fd < 0) {
			int e = errno;

			if (e == ENOENT) {
				if (!s->ignore) {
					warnx_(s, "\"%s\" is an unknown key%s",
					       dotted, ign);
					rc = !set->ignore_failure;
				}
			} else if (e == EPERM || e == EROFS || e == EACCES) {
				warnx_(s, "permission denied on key \"%s\"%s",
				       dotted, ign);
			} else {
				warnx_(s, "setting key \"%s\"%s: %s", dotted,
				       ign, strerror(e));
			}
			if (!set->ignore_failure && e != ENOENT)
				rc = 1;
		} else {
			/* one write of "VALUE\n", as procps's stream does */
			if (asprintf(&buf, "%s\n", set->value) < 0)
				return 1;
			do
				r = write(fd, buf, strlen(buf));
			while (r < 0 && errno == EINTR);
			if (r < 0) {
				warnx_(s, "setting key \"%s\": %s", dotted,
				       strerror(errno));
				return 1;
			}
		}
	}
	if ((rc == 0 && !s->quiet) || s->dry_run) {
		if (s->name_only)	/* sic: procps 4.0.2 prints the value */
			printf("%s\n", set->value);
		else if (s->print_name)
			printf("%s = %s\n", dotted, set->value);
		else
			printf("%s%s", set->value, s->print_newline ? "\n" : "");
	}
	return rc;
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
static struct setting *parse_setting(struct sc *s, const char *file, int n,
				     char *line)
{
	_cleanup_free_ struct setting *set = calloc(1, sizeof(*set));
	char *key = lstrip(line), *value;

	if (!set || strlen(key) < 2 || key[0] == '#' || key[0] == ';')
		return NULL;
	if (s->pattern && !pattern_match(s, key))
		return NULL;
	value = strchr(key, '=');
	if (!value) {
		if (key[0] != '-') {
			warnx_(s, "%s(%d): invalid syntax, continuing...",
			       file, n);
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
static int write_settings(struct sc *s, const struct settings *l)
{
	int rc = 0;

	for (const struct setting *n = l->head; n; n = n->next) {
		glob_t g;

		if (!n->value)
			continue;
		if (!has_glob(n->path)) {
			rc |= write_setting(s, n, n->path);
			continue;
		}
		if (glob(n->path, 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++)
			if (!settings_has(l, g.gl_pathv[i]))
				rc |= write_setting(s, n, g.gl_pathv[i]);
		globfree(&g);
	}
	return rc;
}

/* procps's Preload: the lines of the files NAME matches ("-": standard
 * input) into L */
static int preload(struct sc *s, struct settings *l, const char *name)
{
	glob_t g;
	int rc;

	rc = glob(name, GLOB_NOCHECK | GLOB_BRACE | GLOB_TILDE, NULL, &g);
	if (rc != 0 && rc != GLOB_NOMATCH) {
		warnx_(s, "glob failed");
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
			warnx_(s, "cannot open \"%s\": %s", path,
			       strerror(errno));
			globfree(&g);
			return 1;
		}
		while ((len = getline(&line, &cap, f)) > 0) {
			struct setting *set;

			n++;
			if (len < 2)
				continue;
			set = parse_setting(s, path, n, line);
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

/* ------------------------------------------------------------ the command */

static void usage(void)
{
	printf("\nUsage:\n"
	       " sysctl [options] [variable[=value] ...]\n"
	       "\nOptions:\n"
	       "  -a, --all            display all variables\n"
	       "  -A                   alias of -a\n"
	       "  -X                   alias of -a\n"
	       "      --deprecated     include deprecated parameters to "
	       "listing\n"
	       "      --dry-run        Print the key and values but do not "
	       "write\n"
	       "  -b, --binary         print value without new line\n"
	       "  -e, --ignore         ignore unknown variables errors\n"
	       "  -N, --names          print variable names without values\n"
	       "  -n, --values         print only values of the given "
	       "variable(s)\n"
	       "  -p, --load[=<file>]  read values from file\n"
	       "  -f                   alias of -p\n"
	       "      --system         read values from all system "
	       "directories\n"
	       "  -r, --pattern <expression>\n"
	       "                       select setting that match expression\n"
	       "  -q, --quiet          do not echo variable set\n"
	       "  -w, --write          enable writing a value to variable\n"
	       "  -o                   does nothing\n"
	       "  -x                   does nothing\n"
	       "  -d                   alias of -h\n"
	       "\n -h, --help     display this help and exit\n"
	       " -V, --version  output version information and exit\n"
	       "\nFor more details see sysctl(8).\n");
}

/* --system: the real sysctl, with the line as typed */
static int run_real(struct sc *s, int argc, char **argv)
{
	static const char *const dirs[] = { "/usr/sbin", "/sbin", "/usr/bin",
					    "/bin" };
	char path[PATH_MAX] = "sysctl";

	if (s->sh->o.native)
		return nsh_err(s->sh, "--system: not native (--native refuses "
				      "to run the real sysctl)");
	for (size_t d = 0; d < ARRAY_SIZE(dirs); d++) {
		snprintf(path, sizeof(path), "%s/sysctl", dirs[d]);
		if (access(path, X_OK) == 0)
			break;
	}
	if (!s->sh->replaying)
		fprintf(stderr, "nsh: sysctl --system: not native, ran %s\n",
			path);
	return nsh_run_program(s->sh, &s->sh->cur, argc, argv);
}

/* the keys of the command line, one after the other */
static int run_keys(struct sc *s)
{
	int rc = 0;

	if (!s->nargs) {
		warnx_(s, "no variables specified");
		return 1;
	}
	if (s->name_only && s->quiet) {
		warnx_(s, "options -N and -q cannot coexist");
		return 1;
	}
	for (int i = 0; i < s->nargs; i++) {
		_cleanup_free_ char *w = NULL;
		struct setting *set;

		fflush(stdout);
		if (!s->write && !strchr(s->args[i], '=')) {
			rc += read_setting(s, s->args[i]);
			continue;
		}
		w = strdup(s->args[i]);
		set = w ? parse_setting(s, "command line", 0, w) : NULL;
		if (!set || !set->value) {
			rc |= 1;
		} else {
			rc |= write_setting(s, set, set->path);
		}
		if (set) {
			free(set->key);
			free(set->path);
			free(set->value);
			free(set);
		}
	}
	return rc;
}

static int run(struct sc *s, int argc, char **argv)
{
	struct settings l = { NULL, &l.head };
	int rc = 0;

	switch (s->action) {
	case SC_VERSION:
		printf("sysctl from nsh %s (procps-ng 4.0.2's options)\n",
		       PACKAGE_VERSION);
		return 0;
	case SC_USAGE:
		usage();
		return 0;
	case SC_SYSTEM:
		return run_real(s, argc, argv);
	case SC_RUN:
		break;
	}
	if (s->pattern)
		s->have_re = regcomp(&s->re, s->pattern,
				     REG_EXTENDED | REG_NOSUB) == 0;
	if (s->all) {
		rc = display_all(s, "/proc/sys");
	} else if (s->preload) {
		if (s->preload_file)
			rc |= preload(s, &l, s->preload_file);
		else if (!s->nargs)
			rc |= preload(s, &l, DEFAULT_PRELOAD);
		for (int i = 0; i < s->nargs; i++)
			rc |= preload(s, &l, s->args[i]);
		rc |= write_settings(s, &l);
		settings_free(&l);
	} else {
		rc = run_keys(s);
	}
	if (s->have_re)
		regfree(&s->re);
	fflush(stdout);
	return rc & 0xff;
}

/* the words of the line: "sysctl" and every argument, as typed */
static int cmd_sysctl(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_free_ char **argv = calloc((size_t)a->nbind + 1,
					     sizeof(*argv));
	_cleanup_free_ char **args = calloc((size_t)a->nbind + 1,
					     sizeof(*args));
	struct sc s;
	int argc = 0;

	if (!argv || !args)
		return nsh_err(sh, "out of memory");
	for (int i = 0; i < a->nbind; i++)
		argv[argc++] = (char *)a->bind[i].v.text;
	sc_init(&s, sh);
	s.args = args;
	if (parse_opts(&s, argc - 1, argv + 1, false) < 0)
		return nsh_err(sh, "%s", s.err);
	return run(&s, argc, argv);
}

/* ------------------------------------------------------------ the words */

/* a word of the line: an option must be one procps knows (checked before
 * anything runs); a key or a file is checked when it is used, as procps */
static int t_arg(const char *w, struct nsh_val *v, char *errbuf, size_t errlen,
		 const char **ret_err)
{
	struct sc s;
	char *argv[1] = { (char *)w };

	sc_init(&s, NULL);
	if (parse_opts(&s, 1, argv, true) < 0) {
		snprintf(errbuf, errlen, "%s", s.err);
		return -1;
	}
	return 0;
}

/* TAB: the keys under /proc/sys (in the style of the prefix: dots, or
 * slashes when its first separator is one), and the long options */
static void complete_arg(struct nsh *sh, const char *prefix,
			 void (*add)(void *, const char *, const char *),
			 void *ctx)
{
	char dir[PATH_MAX], word[PATH_MAX];
	const char *last, *part;
	size_t first = strcspn(prefix, "./");
	char sep = prefix[first] == '/' ? '/' : '.';
	DIR *d;
	struct dirent *de;

	if (prefix[0] == '-') {
		for (size_t i = 0; i < ARRAY_SIZE(longopts); i++) {
			snprintf(word, sizeof(word), "--%s", longopts[i].name);
			if (strncmp(word, prefix, strlen(prefix)) == 0)
				add(ctx, word, "an option");
		}
		return;
	}
	if (strchr(prefix, '='))
		return;
	last = strrchr(prefix, sep);
	part = last ? last + 1 : prefix;
	snprintf(dir, sizeof(dir), "%s%.*s", PROC_SYS,
		 last ? (int)(last - prefix) : 0, prefix);
	if (sep == '.')
		for (char *p = dir + PROC_LEN; *p; p++)
			*p = *p == '.' ? '/' : *p == '/' ? '.' : *p;
	d = opendir(dir);
	while (d && (de = readdir(d))) {
		struct stat st;
		char sub[PATH_MAX + 256];
		bool isdir;

		if (de->d_name[0] == '.' ||
		    strncmp(de->d_name, part, strlen(part)) != 0)
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", dir, de->d_name);
		isdir = stat(sub, &st) == 0 && S_ISDIR(st.st_mode);
		snprintf(word, sizeof(word), "%.*s%s%s",
			 (int)(part - prefix), prefix, de->d_name,
			 isdir ? (sep == '.' ? "." : "/") : "");
		if (sep == '.' && strchr(de->d_name, '.'))
			for (char *p = word + (part - prefix); *p; p++)
				if (*p == '.' && p[1])
					*p = '/';
		add(ctx, word, isdir ? "a group of keys" : "a key");
	}
	if (d)
		closedir(d);
}

static const struct nsh_type sysctl_types[] = {
	{ "SYSCTLARG", "an option, a key such as net.ipv4.ip_forward, "
		       "KEY=VALUE to set it, or a file for -p",
	  t_arg, complete_arg },
	{ NULL },
};

static const struct nsh_cmd sysctl_cmds[] = {
	{ "sysctl [ { SYSCTLARG } ... ]",
	  "read or set kernel parameters of the current namespace (procps)",
	  cmd_sysctl, NSH_CMD_ASSIGNS, "sysctl -w net.ipv4.ip_forward=1",
	  "{in}{argv}" },
	{ NULL },
};

const struct nsh_family sysctl_family = {
	"sysctl", "sysctl: read and set kernel parameters (/proc/sys)",
	sysctl_cmds, sysctl_types,
};
