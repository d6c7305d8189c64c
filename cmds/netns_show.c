/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * netns_show.c - what is named: the names of /run/netns in the
 * directory's order, `ip netns list` (text and -j; nsh adds where a
 * symlink points and marks a stale entry), `ip netns identify` and
 * `ip netns pids`.
 */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>
#include <netlink/netlink.h>
#include <netlink/socket.h>

#include "cmds.h"
#include "iproute.h"
#include "ipl.h"
#include "netns_priv.h"

/* ------------------------------------------------------------ names */

char **netns_names(int *ret_n)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *de;
	char **v = NULL;
	int n = 0;

	*ret_n = 0;
	if (!d)
		return NULL;
	while ((de = readdir(d))) {
		char **nv;

		if (streq(de->d_name, ".") || streq(de->d_name, ".."))
			continue;
		nv = realloc(v, sizeof(*v) * (size_t)(n + 1));
		if (!nv)
			break;
		v = nv;
		v[n] = strdup(de->d_name);
		if (v[n])
			n++;
	}
	closedir(d);
	*ret_n = n;
	return v;
}

void netns_names_free(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* ------------------------------------------------------------ list */

/* what `ip netns list` says of one name */
struct list_ent {
	int id;			/* its nsid here, or -1 */
	bool stale;		/* a plain file, not a mounted namespace */
	bool missing;		/* nothing there to open */
	char target[PATH_MAX];	/* where it links to, or "" */
};

/* name NAME of /run/netns, looked at (SK: for its nsid) */
static void list_read(struct nl_sock *sk, const char *name,
		      struct list_ent *e)
{
	char path[PATH_MAX];
	struct statfs sfs;
	ssize_t tl;
	int fd;

	e->id = -1;
	e->stale = false;
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	/* a symlink (docker's namespaces, linked by hand): say where
	 * to, and whether a namespace is there */
	tl = readlink(path, e->target, sizeof(e->target) - 1);
	e->target[tl > 0 ? tl : 0] = '\0';
	fd = open(path, O_RDONLY | O_CLOEXEC);
	e->missing = fd < 0;
	if (fd >= 0) {
		if (fstatfs(fd, &sfs) == 0 && sfs.f_type != NSFS_MAGIC)
			e->stale = true;
		else if (sk)
			e->id = nl_get_nsid(sk, fd);
		close(fd);
	}
}

static void list_json(struct json *j, const char *name,
		      const struct list_ent *e)
{
	json_key(j, NULL);
	json_begin_object(j);
	json_str(j, "name", name);
	if (e->id >= 0)
		json_int(j, "id", e->id);
	if (e->stale)
		json_bool(j, "stale", true);
	if (*e->target) {
		json_str(j, "symlink", e->target);
		json_bool(j, "dangling", e->missing || e->stale);
	}
	json_end_object(j);
}

static void list_text(const char *name, const struct list_ent *e)
{
	char esc[4 * NAME_MAX + 8], tesc[sizeof(esc)];

	printf("%s", str_escape(name, esc, sizeof(esc)));
	if (e->id >= 0)
		printf(" (id: %d)", e->id);
	if (*e->target)
		printf(" (symlink to %s%s)",
		       str_escape(e->target, tesc, sizeof(tesc)),
		       e->missing ? ", which does not exist" :
		       e->stale ? ", which is no namespace" : "");
	else if (e->stale)
		printf(" (stale: not a mounted namespace)");
	putchar('\n');
}

/* ip netns list: every name, in the directory's order */
int netns_list(struct nsh *sh, const struct nsh_args *a)
{
	struct nl_sock *sk = ns_sock(sh);
	struct json j = { .pretty = sh->o.pretty };
	struct list_ent e;
	int n;
	char **names = netns_names(&n);

	if (sh->o.json)
		json_begin_array(&j);
	for (int i = 0; i < n; i++) {
		list_read(sk, names[i], &e);
		if (sh->o.json)
			list_json(&j, names[i], &e);
		else
			list_text(names[i], &e);
	}
	if (sh->o.json) {
		json_end_array(&j);
		json_end(&j);
	}
	netns_names_free(names, n);
	return 0;
}

/* ------------------------------------------------------------ identify, pids */

/* ip netns identify [PID]: the last name of its namespace (nsh's) */
int netns_identify(struct nsh *sh, const struct nsh_args *a)
{
	const struct nsh_val *pid = ipl_get(a, K_PID);
	dev_t dev = sh->cur.dev;
	ino_t ino = sh->cur.ino;
	char last[NAME_MAX + 1] = "", esc[4 * NAME_MAX + 8];
	char **names;
	int n;

	if (pid) {
		char path[64];
		struct stat st;

		snprintf(path, sizeof(path), "/proc/%ld/ns/net", pid->num);
		if (stat(path, &st) < 0)
			return nsh_err(sh, "'%ld': no such process", pid->num);
		dev = st.st_dev;
		ino = st.st_ino;
	}
	/* iproute2 prints the last name of the namespace (an empty line for
	 * none) */
	names = netns_names(&n);
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX];
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, names[i]);
		if (stat(path, &st) == 0 && st.st_dev == dev && st.st_ino == ino)
			snprintf(last, sizeof(last), "%s", names[i]);
	}
	netns_names_free(names, n);
	printf("%s\n", str_escape(last, esc, sizeof(esc)));
	return 0;
}

/* ip netns pids NAME: the processes whose namespace it is */
int netns_pids(struct nsh *sh, const struct nsh_args *a)
{
	struct nsh_ns ns;
	DIR *d;
	struct dirent *de;

	if (ns_resolve(sh, ipl_str(a, K_NAME), false, &ns))
		return 1;
	d = opendir("/proc");
	while (d && (de = readdir(d))) {
		char path[300];
		struct stat st;

		if (de->d_name[0] < '0' || de->d_name[0] > '9' ||
		    de->d_name[strspn(de->d_name, "0123456789")])
			continue;
		snprintf(path, sizeof(path), "/proc/%s/ns/net", de->d_name);
		if (stat(path, &st) == 0 && st.st_dev == ns.dev &&
		    st.st_ino == ns.ino)
			printf("%s\n", de->d_name);
	}
	if (d)
		closedir(d);
	ns_close(&ns);
	return 0;
}
