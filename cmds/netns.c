/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * netns.c - `ip netns …`, interoperating with iproute2 both ways: the same
 * /run/netns entries, lock and mounts (see shell/ns.c), so `ip netns` sees
 * nsh's namespaces and nsh sees theirs.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>

#include "cmds.h"
#include "ipl.h"


static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return ns_create(sh, arg_str(a, "nsname"));
}

static int cmd_del(struct nsh *sh, const struct nsh_args *a)
{
	return ns_unname(sh, arg_str(a, "netns"));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* the names in NETNS_RUN_DIR, sorted; *RET_N of them (free each, and *RET) */
static char **list_names(int *ret_n)
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
		v[n++] = strdup(de->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(v, (size_t)n, sizeof(*v), cmp_str);
	*ret_n = n;
	return v;
}

static void free_names(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int cmd_list(struct nsh *sh, const struct nsh_args *a)
{
	struct nl_sock *sk = ns_sock(sh);
	struct json j = { .pretty = sh->o.pretty };
	int n;
	char **names = list_names(&n);

	if (sh->o.json)
		json_begin_array(&j);
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX], esc[300];
		int id = -1, fd;
		struct statfs sfs;
		bool stale = false;

		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, names[i]);
		fd = open(path, O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			if (fstatfs(fd, &sfs) == 0 && sfs.f_type != NSFS_MAGIC)
				stale = true;
			else if (sk)
				id = nl_get_nsid(sk, fd);
			close(fd);
		}
		if (sh->o.json) {
			json_key(&j, NULL);
			json_begin_object(&j);
			json_str(&j, "name", names[i]);
			if (id >= 0)
				json_int(&j, "id", id);
			if (stale)
				json_bool(&j, "stale", true);
			json_end_object(&j);
			continue;
		}
		printf("%s", str_escape(names[i], esc, sizeof(esc)));
		if (id >= 0)
			printf(" (id: %d)", id);
		if (stale)
			printf(" (stale: not a mounted namespace)");
		putchar('\n');
	}
	if (sh->o.json) {
		json_end_array(&j);
		json_end(&j);
	}
	free_names(names, n);
	return 0;
}

static int cmd_exec(struct nsh *sh, const struct nsh_args *a)
{
	struct nsh_ns ns;
	int rc;

	if (ns_resolve(sh, arg_str(a, "nsref"), true, &ns))
		return 1;
	rc = run_inside(sh, &ns, a->nrest, a->rest);
	ns_close(&ns);
	return rc;
}

static int cmd_attach(struct nsh *sh, const struct nsh_args *a)
{
	return ns_attach(sh, arg_str(a, "nsname"), (pid_t)arg_val(a, "pid")->num);
}

static int cmd_identify(struct nsh *sh, const struct nsh_args *a)
{
	const struct nsh_val *pid = arg_val(a, "pid");
	dev_t dev = sh->cur.dev;
	ino_t ino = sh->cur.ino;
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
	names = list_names(&n);
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX], esc[300];
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, names[i]);
		if (stat(path, &st) == 0 && st.st_dev == dev && st.st_ino == ino)
			printf("%s\n", str_escape(names[i], esc, sizeof(esc)));
	}
	free_names(names, n);
	return 0;
}

static int cmd_pids(struct nsh *sh, const struct nsh_args *a)
{
	struct nsh_ns ns;
	DIR *d;
	struct dirent *de;

	if (ns_resolve(sh, arg_str(a, "netns"), false, &ns))
		return 1;
	d = opendir("/proc");
	while (d && (de = readdir(d))) {
		char path[300];
		struct stat st;

		if (de->d_name[0] < '1' || de->d_name[0] > '9')
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

#define POS(kw, arg, help) \
	{ kw, IPL_DEFAULT | IPL_NOKW | IPL_ONCE | IPL_REQUIRED, arg, 1, help }

static const struct ipl_opt add_rows[] = {
	POS("nsname", "NSNAME", "the new namespace's name"), { NULL } };
static const struct ipl_table add_opts = { "ip netns add", add_rows };
static const struct ipl_opt del_rows[] = {
	POS("netns", "NETNS", "the namespace"), { NULL } };
static const struct ipl_table del_opts = { "ip netns delete", del_rows };
static const struct ipl_opt exec_rows[] = {
	POS("nsref", "NSREF ARGS...", "the namespace, then the command"),
	{ NULL } };
static const struct ipl_table exec_opts = { "ip netns exec", exec_rows };
static const struct ipl_opt attach_rows[] = {
	POS("nsname", "NSNAME", "the new name"),
	{ "pid", IPL_DEFAULT | IPL_NOKW | IPL_ONCE | IPL_REQUIRED, "PID", 2,
	  "the process" },
	{ NULL } };
static const struct ipl_table attach_opts = { "ip netns attach",
					      attach_rows };
static const struct ipl_opt identify_rows[] = {
	{ "pid", IPL_DEFAULT | IPL_NOKW | IPL_ONCE, "PID", 1,
	  "the process (default: nsh)" },
	{ NULL } };
static const struct ipl_table identify_opts = { "ip netns identify",
						identify_rows };

/* in iproute2's order (do_netns): `ip netns s` is show, `ip netns a` add */
static const struct nsh_cmd netns_cmds[] = {
	{ "ip netns list/show/lst", "list the named namespaces", cmd_list },
	{ "ip netns list-id", "the nsids of the namespaces", NULL },
	{ "ip netns add", "create a named network namespace", cmd_add, 0,
	  "ip netns add ns1", NULL, &add_opts },
	{ "ip netns set", "give a namespace an nsid", NULL },
	{ "ip netns delete",
	  "delete a namespace name (and, once unused, the namespace)",
	  cmd_del, NSH_CMD_NOBARRIER, "ip netns del ns1", NULL, &del_opts },
	{ "ip netns identify",
	  "the names of the namespace of a process (default: nsh's)",
	  cmd_identify, 0, NULL, NULL, &identify_opts },
	{ "ip netns pids", "the processes inside a namespace", cmd_pids, 0,
	  NULL, NULL, &del_opts },
	{ "ip netns exec",
	  "run a program (or an ip/sysctl command) inside a namespace",
	  cmd_exec, NSH_CMD_NESTED, "ip netns exec ns1 ping -c 3 10.0.0.2",
	  NULL, &exec_opts },
	{ "ip netns monitor", "namespaces as they come and go", NULL },
	{ "ip netns attach", "name the namespace of a process", cmd_attach, 0,
	  NULL, NULL, &attach_opts },
	{ "ip netns", "list the named namespaces", cmd_list },
	{ NULL },
};

const struct nsh_family netns_family = {
	"netns", "ip netns: create, delete, list and use namespaces",
	netns_cmds,
};
