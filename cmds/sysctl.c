/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * sysctl.c - `sysctl`, procps style, through /proc/sys of the current
 * namespace (the process is always in SH->cur, and /proc/sys/net shows the
 * network namespace of the process that looks): no sysctl program runs.
 *
 * Keys use dots (net.ipv4.ip_forward) or, as procps allows, slashes when
 * the first separator is a slash (net/ipv4/conf/eth0.100/forwarding).
 * Every key is checked before anything is written, so a rejected command
 * changes nothing.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cmds.h"

#define PROC_SYS "/proc/sys"
#define MAX_VALUE (1 << 20)

struct sysctl_opts {
	bool names;		/* print "KEY = " (not -n) */
	bool quiet;		/* -q: no output for writes */
	bool ignore;		/* -e: skip unknown keys */
};

/* one key of the command line */
struct key {
	const char *word;	/* as written, "KEY" or "KEY=VALUE" */
	char name[PATH_MAX];	/* as written, without "=VALUE" */
	char shown[PATH_MAX];	/* in dots, as printed: net.ipv4.ip_forward */
	char path[PATH_MAX + 16];	/* /proc/sys/… */
	const char *value;	/* NULL: read */
	bool skip;		/* -e and it does not exist */
	bool dir;
};

/* strerror, lower-case as nsh messages are */
static const char *errstr(int err, char *buf, size_t len)
{
	snprintf(buf, len, "%s", strerror(err));
	if (isupper((unsigned char)buf[0]) && !isupper((unsigned char)buf[1]))
		buf[0] = (char)tolower((unsigned char)buf[0]);
	return buf;
}

/*
 * "net.ipv4.ip_forward" -> "net/ipv4/ip_forward".  As in procps, when the
 * first separator is '.', dots and slashes swap (a slash then stands for a
 * dot inside a name, such as a VLAN link "eth0.100"); when it is '/', the
 * key is a path already.  TO_PATH false converts a path back to a key.
 */
static void convert(const char *in, char *out, size_t len, bool to_path)
{
	size_t sep = strcspn(in, "./"), n = 0;
	bool swap = !to_path || in[sep] == '.';

	while (*in == '/' || *in == '.')
		in++;
	for (; *in && n + 1 < len; in++)
		out[n++] = !swap ? *in : *in == '.' ? '/' : *in == '/' ? '.' :
									*in;
	out[n] = '\0';
}

/* print one value: "KEY = VALUE" per line (-n: the value only) */
static void print_value(const struct sysctl_opts *o, const char *name,
			const char *val)
{
	const char *p = val;

	do {
		size_t n = strcspn(p, "\n");

		if (o->names)
			printf("%s = ", name);
		printf("%.*s\n", (int)n, p);
		p += n;
		if (*p == '\n')
			p++;
	} while (*p);
}

/* the contents of PATH without the final newline (free it), or NULL with
 * errno set; *RAW: how many bytes the file gave */
static char *slurp(const char *path, size_t *raw)
{
	_cleanup_close_ int fd = open(path, O_RDONLY | O_CLOEXEC);
	_cleanup_free_ char *buf = NULL;
	size_t n = 0, cap = 0;

	if (fd < 0)
		return NULL;
	for (;;) {
		ssize_t r;

		if (n + 4096 > cap) {
			char *nb;

			if (cap >= MAX_VALUE) {
				errno = EFBIG;
				return NULL;
			}
			cap = cap ? 2 * cap : 4096;
			nb = realloc(buf, cap + 1);
			if (!nb)
				return NULL;
			buf = nb;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return NULL;
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*raw = n;
	while (n && buf[n - 1] == '\n')
		n--;
	buf[n] = '\0';
	return TAKE_PTR(buf);
}

static int cmp_names(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/* every readable key under directory PATH, sorted (as procps -a: keys
 * that cannot be read or are empty, such as write-only ones, and the
 * deprecated jiffies variants of the neighbour timers are left out) */
static void show_dir(const struct sysctl_opts *o, const char *path)
{
	struct dirent **ents;
	int n = scandir(path, &ents, NULL, cmp_names);

	for (int i = 0; i < n; i++) {
		char sub[PATH_MAX], name[PATH_MAX];
		struct stat st;
		size_t raw;
		char *val;

		if (ents[i]->d_name[0] == '.' ||
		    (size_t)snprintf(sub, sizeof(sub), "%s/%s", path,
				     ents[i]->d_name) >= sizeof(sub) ||
		    stat(sub, &st) < 0) {
			free(ents[i]);
			continue;
		}
		free(ents[i]);
		if (S_ISDIR(st.st_mode)) {
			show_dir(o, sub);
			continue;
		}
		if (!(st.st_mode & S_IRUSR) ||
		    (strstr(sub, "/neigh/") &&
		     (streq(strrchr(sub, '/'), "/base_reachable_time") ||
		      streq(strrchr(sub, '/'), "/retrans_time"))) ||
		    !(val = slurp(sub, &raw)))
			continue;
		if (!raw) {
			free(val);
			continue;
		}
		convert(sub + strlen(PROC_SYS), name, sizeof(name), false);
		print_value(o, name, val);
		free(val);
	}
	if (n >= 0)
		free(ents);
}

/* check key K before anything happens: it exists, and can be written
 * (a value given) or read (none) */
static int check_key(struct nsh *sh, const struct sysctl_opts *o,
		     bool write, struct key *k)
{
	const char *eq = strchr(k->word, '=');
	char rel[PATH_MAX], why[128];
	struct stat st;

	snprintf(k->name, sizeof(k->name), "%.*s",
		 (int)(eq ? (size_t)(eq - k->word) : strlen(k->word)), k->word);
	k->value = eq ? eq + 1 : NULL;
	if (write && !eq)
		return nsh_err(sh, "'%s': -w needs KEY=VALUE", k->name);
	convert(k->name, rel, sizeof(rel), true);
	convert(rel, k->shown, sizeof(k->shown), false);
	snprintf(k->path, sizeof(k->path), "%s/%s", PROC_SYS, rel);
	if (stat(k->path, &st) < 0) {
		if (errno != ENOENT && errno != ENOTDIR)
			return nsh_err(sh, "'%s': %s", k->name,
				       errstr(errno, why, sizeof(why)));
		if (o->ignore) {
			k->skip = true;
			return 0;
		}
		if (strncmp(rel, "net/bridge/", 11) == 0)
			return nsh_err(sh, "'%s': no such key (is the "
					   "br_netfilter module loaded?)",
				       k->name);
		return nsh_err(sh, "'%s': no such key", k->name);
	}
	k->dir = S_ISDIR(st.st_mode);
	if (k->dir && k->value)
		return nsh_err(sh, "'%s': a group of keys, not a key (sysctl "
				   "%s lists them)", k->name, k->name);
	if (!k->dir && k->value && !(st.st_mode & S_IWUSR))
		return nsh_err(sh, "'%s': read-only key", k->name);
	if (!k->dir && !k->value && !(st.st_mode & S_IRUSR))
		return nsh_err(sh, "'%s': write-only key (set it with "
				   "KEY=VALUE)", k->name);
	return 0;
}

/* write K's value, then print it like procps: "KEY = VALUE" */
static int write_key(struct nsh *sh, const struct sysctl_opts *o,
		     const struct key *k)
{
	_cleanup_close_ int fd = open(k->path, O_WRONLY | O_CLOEXEC);
	size_t len = strlen(k->value);
	char why[128];
	ssize_t r = -1;

	if (fd >= 0) {
		do
			r = write(fd, k->value, len);
		while (r < 0 && errno == EINTR);
	}
	if (r < 0 && errno == EINVAL)
		return nsh_err(sh, "'%s': invalid value '%s'", k->name,
			       k->value);
	if (r < 0 && (errno == EPERM || errno == EACCES))
		return nsh_err(sh, "'%s': permission denied (are you root?)",
			       k->name);
	if (r < 0)
		return nsh_err(sh, "'%s': %s", k->name,
			       errstr(errno, why, sizeof(why)));
	if ((size_t)r != len)
		return nsh_err(sh, "'%s': value '%s' not taken whole",
			       k->name, k->value);
	if (!o->quiet)
		print_value(o, k->shown, k->value);
	return 0;
}

/* read K: a key's value, or every key of a group */
static int read_key(struct nsh *sh, const struct sysctl_opts *o,
		    const struct key *k)
{
	_cleanup_free_ char *val = NULL;
	char why[128];
	size_t raw;

	if (k->dir) {
		show_dir(o, k->path);
		return 0;
	}
	val = slurp(k->path, &raw);
	if (!val)
		return nsh_err(sh, "'%s': %s", k->name,
			       errstr(errno, why, sizeof(why)));
	print_value(o, k->shown, val);
	return 0;
}

/* sysctl [-w] [-n] [-q] [-e] [-a] KEY[=VALUE]… */
static int cmd_sysctl(struct nsh *sh, const struct nsh_args *a)
{
	struct sysctl_opts o = { .names = !arg_has(a, "-n"),
				 .quiet = arg_has(a, "-q"),
				 .ignore = arg_has(a, "-e") };
	bool write = arg_has(a, "-w");
	_cleanup_free_ struct key *keys = NULL;
	int n = 0, rc = 0;

	while (arg_nth(a, "sysctl", n))
		n++;
	if (!n && arg_has(a, "-a")) {
		show_dir(&o, PROC_SYS);
		return 0;
	}
	if (!n)
		return nsh_err(sh, "missing a key, such as net.ipv4.ip_forward");
	keys = calloc((size_t)n, sizeof(*keys));
	if (!keys)
		return nsh_err(sh, "out of memory");
	for (int i = 0; i < n; i++) {
		keys[i].word = arg_nth(a, "sysctl", i)->text;
		rc |= check_key(sh, &o, write, &keys[i]);
	}
	if (rc)
		return rc;
	for (int i = 0; i < n; i++) {
		if (keys[i].skip)
			continue;
		fflush(stdout);
		rc |= keys[i].value ? write_key(sh, &o, &keys[i]) :
				      read_key(sh, &o, &keys[i]);
	}
	return rc;
}

static const struct nsh_cmd sysctl_cmds[] = {
	{ "sysctl [ { -w | -n | -q | -e | -a } ... ] [ { SYSCTL } ... ]",
	  "read or set kernel parameters of the current namespace",
	  cmd_sysctl, 0, "sysctl -w net.ipv4.ip_forward=1", "{in}{argv}" },
	{ NULL },
};

const struct nsh_family sysctl_family = {
	"sysctl", "sysctl: read and set kernel parameters (/proc/sys)",
	sysctl_cmds,
};
