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
 *
 * This file: the options and the command; reading and writing the keys
 * is sysctl_io.c's.
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
#include "sysctl.h"

/* ------------------------------------------------------------ options */

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
	char path[PATH_MAX] = "sysctl";

	if (s->sh->o.native)
		return nsh_err(s->sh, "--system: not native (--native refuses "
				      "to run the real sysctl)");
	if (exec_find_real("sysctl", path, sizeof(path)) < 0)
		return nsh_err(s->sh, "--system: not native, and no real "
				      "sysctl to run it");
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
		sc_warnx(s, "no variables specified");
		return 1;
	}
	if (s->name_only && s->quiet) {
		sc_warnx(s, "options -N and -q cannot coexist");
		return 1;
	}
	for (int i = 0; i < s->nargs; i++) {
		_cleanup_free_ char *w = NULL;
		struct setting *set;

		fflush(stdout);
		if (!s->write && !strchr(s->args[i], '=')) {
			rc += sc_read_setting(s, s->args[i]);
			continue;
		}
		w = strdup(s->args[i]);
		set = w ? sc_parse_setting(s, "command line", 0, w) : NULL;
		if (!set || !set->value) {
			rc |= 1;
		} else {
			rc |= sc_write_setting(s, set, set->path);
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
		rc = sc_display_all(s, "/proc/sys");
	} else if (s->preload) {
		if (s->preload_file)
			rc |= sc_preload(s, &l, s->preload_file);
		else if (!s->nargs)
			rc |= sc_preload(s, &l, DEFAULT_PRELOAD);
		for (int i = 0; i < s->nargs; i++)
			rc |= sc_preload(s, &l, s->args[i]);
		rc |= sc_write_settings(s, &l);
		sc_settings_free(&l);
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

	ANALYZER_KEEP(argv);
	ANALYZER_KEEP(args);
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
