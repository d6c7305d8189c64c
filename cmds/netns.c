/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * netns.c - `ip netns …`, interoperating with iproute2 both ways: the same
 * /run/netns entries, lock and mounts (see shell/ns.c), so `ip netns` sees
 * nsh's namespaces and nsh sees theirs.
 *
 * The verbs are iproute2's (ip/ipnetns.c), in its order: list, list-id,
 * add, set, delete, identify, pids, exec, monitor, attach; `ip -all netns
 * exec|delete` act in every named namespace, in the directory's order.
 * Listings print what iproute2 prints (text and -j), in the directory's
 * order; nsh adds one thing: a stale entry (a plain file, not a mounted
 * namespace) is marked as such.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/socket.h>
#include <netlink/errno.h>

#include "cmds.h"
#include "iproute.h"
#include "ipl.h"
#include "netns.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

enum netns_key { K_NAME = 1, K_PID, K_NSID, K_TARGET, K_EXEC };

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

/* the nsid SK's namespace gives the namespace called NAME, or -1 */
static int nsid_of_name(struct nl_sock *sk, const char *name)
{
	char path[PATH_MAX];
	int fd, id;

	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	id = sk ? nl_get_nsid(sk, fd) : -1;
	close(fd);
	return id;
}

/* ------------------------------------------------------------ nsid lines */

void nsid_map_free(struct nsid_map *m)
{
	for (int i = 0; i < m->n; i++)
		free(m->v[i].name);
	free(m->v);
	memset(m, 0, sizeof(*m));
}

static struct nsid_name_ent *map_get(struct nsid_map *m, int nsid)
{
	for (int i = 0; nsid >= 0 && i < m->n; i++)
		if (m->v[i].nsid == nsid)
			return &m->v[i];
	return NULL;
}

static void map_add(struct nsid_map *m, int nsid, const char *name)
{
	struct nsid_name_ent *v;

	if (map_get(m, nsid))
		return;
	v = realloc(m->v, sizeof(*v) * (size_t)(m->n + 1));
	if (!v)
		return;
	m->v = v;
	v[m->n].nsid = nsid;
	v[m->n].name = strdup(name);
	if (v[m->n].name)
		m->n++;
}

static void map_del(struct nsid_map *m, struct nsid_name_ent *e)
{
	free(e->name);
	*e = m->v[--m->n];
}

void nsid_map_load(struct nl_sock *sk, struct nsid_map *m)
{
	int n;
	char **names;

	/* as iproute2: without the directory the map is made later */
	if (m->done || access(NETNS_RUN_DIR, F_OK) < 0)
		return;
	m->done = true;
	names = netns_names(&n);
	for (int i = 0; i < n; i++) {
		int id = nsid_of_name(sk, names[i]);

		if (id >= 0)
			map_add(m, id, names[i]);
	}
	netns_names_free(names, n);
}

const char *nsid_map_name(struct nl_sock *sk, struct nsid_map *m, int nsid)
{
	struct nsid_name_ent *e;

	nsid_map_load(sk, m);
	e = map_get(m, nsid);
	return e ? e->name : NULL;
}

/* the first name (in the directory's order) whose nsid is NSID, into BUF */
static bool name_of_nsid(struct nl_sock *sk, int nsid, char *buf, size_t len)
{
	int n;
	char **names = nsid >= 0 ? netns_names(&n) : NULL;
	bool found = false;

	for (int i = 0; names && i < n && !found; i++)
		if (nsid_of_name(sk, names[i]) == nsid) {
			snprintf(buf, len, "%s", names[i]);
			found = true;
		}
	if (names)
		netns_names_free(names, n);
	return found;
}

static void nsid_field(struct json *j, const char *key, int id)
{
	if (id < 0) {
		if (!j)
			printf("%s unassigned ", key);
	} else if (j) {
		json_int(j, key, id);
	} else {
		printf("%s %d ", key, id);
	}
}

void nsid_print(struct nl_sock *sk, struct nsid_map *m, struct json *j,
		const struct nlmsghdr *nlh)
{
	struct nlattr *tb[NETNSA_MAX + 1];
	struct nsid_name_ent *e;
	char name[NAME_MAX + 1], esc[4 * NAME_MAX + 8];
	bool found = false;
	int nsid, cur = -1;

	/* the map as the caller loaded it: iproute2's print_nsid does not
	 * load it (a missing directory leaves it empty until a link asks) */
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(struct rtgenmsg), tb,
			NETNSA_MAX, NULL) < 0 || !tb[NETNSA_NSID])
		return;
	if (j) {
		json_key(j, NULL);
		json_begin_object(j);
	}
	if (nlh->nlmsg_type == RTM_DELNSID) {
		if (j)
			json_bool(j, "deleted", true);
		else
			printf("Deleted ");
	}
	nsid = nla_get_s32(tb[NETNSA_NSID]);
	nsid_field(j, "nsid", nsid);
	if (tb[NETNSA_CURRENT_NSID]) {
		cur = nla_get_s32(tb[NETNSA_CURRENT_NSID]);
		nsid_field(j, "current-nsid", cur);
	}
	/* iproute2's quirks: the name is looked up by the current nsid when
	 * there is one, leaves the map once printed, and an nsid the map
	 * lacks is searched by its own number */
	e = map_get(m, tb[NETNSA_CURRENT_NSID] ? cur : nsid);
	if (e) {
		snprintf(name, sizeof(name), "%s", e->name);
		map_del(m, e);
		found = true;
	} else if (nlh->nlmsg_type == RTM_NEWNSID &&
		   name_of_nsid(sk, nsid, name, sizeof(name))) {
		map_add(m, nsid, name);
		found = true;
	}
	if (found && j)
		json_str(j, "name", name);
	else if (found)
		printf("(iproute2 netns name: %s)",
		       str_escape(name, esc, sizeof(esc)));
	if (j)
		json_end_object(j);
	else
		putchar('\n');
	fflush(stdout);
}

/* ------------------------------------------------------------ list */

static int cmd_list(struct nsh *sh, const struct nsh_args *a)
{
	struct nl_sock *sk = ns_sock(sh);
	struct json j = { .pretty = sh->o.pretty };
	int n;
	char **names = netns_names(&n);

	if (sh->o.json)
		json_begin_array(&j);
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX], esc[4 * NAME_MAX + 8], target[PATH_MAX];
		char tesc[sizeof(esc)];
		int id = -1, fd;
		struct statfs sfs;
		bool stale = false;
		ssize_t tl;

		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, names[i]);
		/* a symlink (docker's namespaces, linked by hand): say where
		 * to, and whether a namespace is there */
		tl = readlink(path, target, sizeof(target) - 1);
		target[tl > 0 ? tl : 0] = '\0';
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
			if (*target) {
				json_str(&j, "symlink", target);
				json_bool(&j, "dangling", fd < 0 || stale);
			}
			json_end_object(&j);
			continue;
		}
		printf("%s", str_escape(names[i], esc, sizeof(esc)));
		if (id >= 0)
			printf(" (id: %d)", id);
		if (*target)
			printf(" (symlink to %s%s)",
			       str_escape(target, tesc, sizeof(tesc)),
			       fd < 0 ? ", which does not exist" :
			       stale ? ", which is no namespace" : "");
		else if (stale)
			printf(" (stale: not a mounted namespace)");
		putchar('\n');
	}
	if (sh->o.json) {
		json_end_array(&j);
		json_end(&j);
	}
	netns_names_free(names, n);
	return 0;
}

static struct nl_msg *nsid_msg(int type)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(type, 0);

	if (msg && nlmsg_append(msg, &g, sizeof(g), NLMSG_ALIGNTO) < 0) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/* list-id nsid N: the one nsid */
static int list_one_id(struct nsh *sh, struct nl_sock *sk, struct nsid_map *m,
		       struct json *j, long nsid, long target)
{
	struct nl_msg *msg = nsid_msg(RTM_GETNSID);
	struct nlmsghdr *reply = NULL;
	char why[256];
	int err;

	if (!msg || nla_put_s32(msg, NETNSA_NSID, (int32_t)nsid) < 0 ||
	    (target >= 0 &&
	     nla_put_s32(msg, NETNSA_TARGET_NSID, (int32_t)target) < 0)) {
		nlmsg_free(msg);
		return nsh_err(sh, "out of memory");
	}
	err = ipr_get(sk, msg, &reply);
	nlmsg_free(msg);
	if (err < 0)
		return nsh_err(sh, "'%ld': %s", nsid,
			       nl_reason(err, why, sizeof(why)));
	if (j)
		json_begin_array(j);
	nsid_print(sk, m, j, reply);
	if (j) {
		json_end_array(j);
		json_end(j);
	}
	free(reply);
	return 0;
}

struct dump_arg {
	struct msg_list *l;
	int err;		/* the dump's own error, from its NLMSG_DONE */
	char msg[200];
};

static int dump_valid(struct nl_msg *msg, void *arg)
{
	struct dump_arg *d = arg;
	struct nlmsghdr *nlh = nlmsg_hdr(msg), *copy, **v;

	if (nlh->nlmsg_type != RTM_NEWNSID)
		return NL_SKIP;
	v = realloc(d->l->v, sizeof(*v) * (size_t)(d->l->n + 1));
	copy = v ? malloc(nlh->nlmsg_len) : NULL;
	if (v)
		d->l->v = v;
	if (!copy) {
		d->l->oom = true;
		return NL_STOP;
	}
	memcpy(copy, nlh, nlh->nlmsg_len);
	d->l->v[d->l->n++] = copy;
	return NL_OK;
}

/* a dump that fails (a bad filter) says so in its NLMSG_DONE: an errno
 * and the extended ack's message, which libnl does not look at */
static int dump_finish(struct nl_msg *msg, void *arg)
{
	struct dump_arg *d = arg;
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	int len = nlmsg_datalen(nlh) - NLMSG_ALIGN((int)sizeof(int));
	int err;

	if (nlmsg_datalen(nlh) < (int)sizeof(int))
		return NL_STOP;
	memcpy(&err, nlmsg_data(nlh), sizeof(err));
	if (err >= 0)
		return NL_STOP;
	d->err = -err;
	snprintf(d->msg, sizeof(d->msg), "%s", strerror(-err));
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) && len > 0 &&
	    nla_parse(tb, NLMSGERR_ATTR_MAX,
		      (struct nlattr *)((char *)nlmsg_data(nlh) +
					NLMSG_ALIGN(sizeof(int))),
		      len, NULL) == 0 && tb[NLMSGERR_ATTR_MSG])
		snprintf(d->msg, sizeof(d->msg), "%s",
			 nla_get_string(tb[NLMSGERR_ATTR_MSG]));
	return NL_STOP;
}

/* the RTM_GETNSID dump: REQ (LEN bytes: rtgenmsg and a filter) into *L */
static int dump_nsids(struct nsh *sh, struct nl_sock *sk, void *req,
		      size_t len, struct msg_list *l)
{
	struct dump_arg d = { .l = l };
	struct nl_cb *orig, *cb;
	char why[256];
	int err;

	nl_clear_error();
	err = nl_send_simple(sk, RTM_GETNSID, NLM_F_DUMP, req, len);
	if (err >= 0) {
		orig = nl_socket_get_cb(sk);	/* a new reference */
		cb = nl_cb_clone(orig);
		nl_cb_put(orig);
		if (!cb)
			return nsh_err(sh, "out of memory");
		nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, dump_valid, &d);
		nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, dump_finish, &d);
		err = nl_recvmsgs(sk, cb);
		nl_cb_put(cb);
	}
	if (l->oom)
		return nsh_err(sh, "out of memory");
	if (err < 0)
		return nsh_err(sh, "cannot list the nsids: %s",
			       nl_reason(err, why, sizeof(why)));
	if (d.err) {
		if (d.msg[0] && d.msg[1] && !isupper((unsigned char)d.msg[1]))
			d.msg[0] = (char)tolower((unsigned char)d.msg[0]);
		if (d.msg[0] && d.msg[strlen(d.msg) - 1] == '.')
			d.msg[strlen(d.msg) - 1] = '\0';
		return nsh_err(sh, "cannot list the nsids: %s", d.msg);
	}
	return 0;
}

/* a socket of the current namespace with NETLINK_GET_STRICT_CHK (free it) */
static struct nl_sock *strict_sock(struct nsh *sh)
{
	struct nl_sock *sk = nl_socket_alloc();
	int one = 1, err;

	if (!sk) {
		nsh_err(sh, "out of memory");
		return NULL;
	}
	err = nl_connect(sk, NETLINK_ROUTE);
	if (err < 0) {
		nl_socket_free(sk);
		nsh_err(sh, "cannot open a netlink socket: %s",
			nl_geterror(err));
		return NULL;
	}
	nl_sock_setup(sk);
	(void)setsockopt(nl_socket_get_fd(sk), SOL_NETLINK,
			 NETLINK_GET_STRICT_CHK, &one, sizeof(one));
	return sk;
}

static int cmd_list_id(struct nsh *sh, const struct nsh_args *a)
{
	struct nl_sock *sk = ns_sock(sh);
	const struct nsh_val *nsid = ipl_get(a, K_NSID);
	const struct nsh_val *target = ipl_get(a, K_TARGET);
	struct json j = { .pretty = sh->o.pretty };
	struct nsid_map m = { NULL };
	struct msg_list l = { NULL };
	/* rtgenmsg, padding, then NETNSA_TARGET_NSID */
	struct {
		struct rtgenmsg g;
		unsigned char pad[3];
		struct nlattr nla;
		int32_t val;
	} req = { .g.rtgen_family = AF_UNSPEC,
		  .nla.nla_len = NLA_HDRLEN + sizeof(int32_t),
		  .nla.nla_type = NETNSA_TARGET_NSID };
	struct nl_sock *dsk;
	int rc;

	if (!sk)
		return 1;
	nsid_map_load(sk, &m);
	if (nsid) {
		rc = list_one_id(sh, sk, &m, sh->o.json ? &j : NULL, nsid->num,
				 target ? target->num : -1);
		nsid_map_free(&m);
		return rc;
	}
	req.val = target ? (int32_t)target->num : 0;
	/* the kernel reads a dump's filter only from a socket that asked for
	 * strict checks: one of its own, not the shared one */
	dsk = target ? strict_sock(sh) : sk;
	if (!dsk) {
		nsid_map_free(&m);
		return 1;
	}
	rc = dump_nsids(sh, dsk, &req, target ? sizeof(req) : sizeof(req.g),
			&l);
	if (dsk != sk)
		nl_socket_free(dsk);
	if (!rc) {
		if (sh->o.json)
			json_begin_array(&j);
		for (int i = 0; i < l.n; i++)
			nsid_print(sk, &m, sh->o.json ? &j : NULL, l.v[i]);
		if (sh->o.json) {
			json_end_array(&j);
			json_end(&j);
		}
	}
	msg_list_free(&l);
	nsid_map_free(&m);
	return rc;
}

/* ------------------------------------------------------------ add, set */

static int cmd_add(struct nsh *sh, const struct nsh_args *a)
{
	return ns_create(sh, ipl_str(a, K_NAME));
}

static int cmd_attach(struct nsh *sh, const struct nsh_args *a)
{
	return ns_attach(sh, ipl_str(a, K_NAME), (pid_t)ipl_get(a, K_PID)->num);
}

/* ip netns set NAME NSID|auto: RTM_NEWNSID in the current namespace */
static int cmd_set(struct nsh *sh, const struct nsh_args *a)
{
	const char *name = ipl_str(a, K_NAME);
	const struct nsh_val *id = ipl_get(a, K_NSID);
	struct nl_sock *sk = ns_sock(sh);
	struct nl_msg *msg;
	struct nsh_ns ns;
	char why[256], esc[4 * NAME_MAX + 8];
	int err;

	if (!sk || ns_resolve(sh, name, false, &ns))
		return 1;
	msg = nsid_msg(RTM_NEWNSID);
	if (!msg || nla_put_u32(msg, NETNSA_FD, (uint32_t)ns.fd) < 0 ||
	    nla_put_s32(msg, NETNSA_NSID,
			streq(id->text, "auto") ? -1 : (int32_t)id->num) < 0) {
		nlmsg_free(msg);
		ns_close(&ns);
		return nsh_err(sh, "out of memory");
	}
	err = ipr_ack(sk, msg);
	nlmsg_free(msg);
	ns_close(&ns);
	if (err < 0)
		return nsh_err(sh, "'%s': %s", str_escape(name, esc, sizeof(esc)),
			       nl_reason(err, why, sizeof(why)));
	return 0;
}

/* ------------------------------------------------------------ delete */

static int cmd_del(struct nsh *sh, const struct nsh_args *a)
{
	char **names;
	int n, rc = 0;

	if (!sh->o.all)
		return ns_unname(sh, ipl_str(a, K_NAME));
	/* -all: every name, in the directory's order; where iproute2 stops
	 * at the first failure, every name is tried (reliability.md a-23):
	 * each failure says so, and the status says one happened */
	names = netns_names(&n);
	for (int i = 0; i < n; i++)
		rc |= ns_unname(sh, names[i]);
	netns_names_free(names, n);
	return rc;
}

/* ------------------------------------------------------------ identify, pids */

static int cmd_identify(struct nsh *sh, const struct nsh_args *a)
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

static int cmd_pids(struct nsh *sh, const struct nsh_args *a)
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

/* ------------------------------------------------------------ exec */

/* ip -all netns exec CMD: CMD in every named namespace, under a header;
 * as iproute2, its status is not the line's */
static int exec_all(struct nsh *sh, int argc, char **argv)
{
	char **names;
	int n;

	names = netns_names(&n);
	for (int i = 0; i < n && !nsh_interrupted; i++) {
		char esc[4 * NAME_MAX + 8];
		struct nsh_ns ns;

		printf("\nnetns: %s\n", str_escape(names[i], esc, sizeof(esc)));
		fflush(stdout);
		if (ns_resolve(sh, names[i], false, &ns))
			continue;
		(void)run_inside(sh, &ns, argc, argv);
		ns_close(&ns);
		snprintf(sh->cmdname, sizeof(sh->cmdname), "ip netns exec");
	}
	netns_names_free(names, n);
	return 0;
}

static int cmd_exec(struct nsh *sh, const struct nsh_args *a)
{
	struct nsh_ns ns;
	int rc;

	if (sh->o.all) {
		sh->exec_in_place = false;	/* one program per namespace */
		return exec_all(sh, a->nrest, a->rest);
	}
	if (ns_resolve(sh, ipl_str(a, K_EXEC), true, &ns))
		return 1;
	rc = run_inside(sh, &ns, a->nrest, a->rest);
	ns_close(&ns);
	return rc;
}

/* ------------------------------------------------------------ monitor */

/* ip netns monitor: "add NAME" and "delete NAME" as names come and go,
 * until Ctrl-C */
static int cmd_monitor(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_close_ int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));

	if (fd < 0)
		return nsh_err(sh, "inotify: %s", strerror(errno));
	if (mkdir(NETNS_RUN_DIR, 0755) < 0 && errno != EEXIST)
		return nsh_err(sh, "cannot create %s: %s", NETNS_RUN_DIR,
			       strerror(errno));
	if (inotify_add_watch(fd, NETNS_RUN_DIR, IN_CREATE | IN_DELETE) < 0)
		return nsh_err(sh, "cannot watch %s: %s", NETNS_RUN_DIR,
			       strerror(errno));
	fflush(stdout);
	while (!nsh_interrupted) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		ssize_t len;

		if (poll(&pfd, 1, -1) < 0) {
			if (errno == EINTR)
				continue;
			return nsh_err(sh, "poll: %s", strerror(errno));
		}
		len = read(fd, buf, sizeof(buf));
		if (len < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return nsh_err(sh, "read: %s", strerror(errno));
		}
		for (char *p = buf; p < buf + len;) {
			const struct inotify_event *ev = (const void *)p;
			char esc[4 * NAME_MAX + 8];

			if (ev->len && (ev->mask & IN_CREATE))
				printf("add %s\n",
				       str_escape(ev->name, esc, sizeof(esc)));
			if (ev->len && (ev->mask & IN_DELETE))
				printf("delete %s\n",
				       str_escape(ev->name, esc, sizeof(esc)));
			p += sizeof(*ev) + ev->len;
		}
		fflush(stdout);
	}
	nsh_interrupted = 0;
	return 0;
}

/* ------------------------------------------------------------ the words */

/* iproute2's nsids: get_integer, then >= 0 (nsh: no octal) */
static int t_nsid(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, INT32_MAX, &n, ret_err) < 0)
		return -1;
	v->num = (long)n;
	return 0;
}

static int t_netnsid(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	if (streq(w, "auto")) {
		v->num = -1;
		return 0;
	}
	return t_nsid(w, v, errbuf, errlen, ret_err);
}

static const struct nsh_type netns_types[] = {
	{ "NSID", "a namespace id (a number from 0)", t_nsid },
	{ "NETNSID", "'auto' (the kernel picks one) or a namespace id",
	  t_netnsid },
	{ NULL },
};

/* the word after exec: the namespace, then the command; with -all, the
 * command is every word */
static int parse_exec(struct ipl_parse *p, const struct ipl_opt *o)
{
	if (!ipl_has_global(p->a, "-all")) {
		if (ipl_bind_val(p, o, "NSREF", p->i))
			return -1;
		p->i++;
	}
	if (p->i == p->argc) {
		if (!p->completing)
			return ipl_fail(p, p->argc, "missing the command after "
					"'%s'", p->argv[p->argc - 1]);
		p->exp_arg = "ARGS";
		p->exp_opt = o;
		p->err_tok = IPL_END;
		return IPL_END;
	}
	p->a->rest = p->argv + p->i;
	p->a->nrest = p->argc - p->i;
	p->i = p->argc;
	return 0;
}

/* with -all, delete and exec need no namespace */
static int check_all(struct ipl_parse *p, int key, const char *what)
{
	if (ipl_find(p->a, 0, key) >= 0)
		return 0;
	if (ipl_has_global(p->a, "-all"))
		return key == K_EXEC ? ipl_fail(p, p->argc, "missing the "
						"command after '%s'",
						p->argv[p->argc - 1]) : 0;
	return ipl_fail(p, p->argc, "missing %s", what);
}

static int check_del(struct ipl_parse *p)
{
	return check_all(p, K_NAME, "NETNS");
}

static int check_exec(struct ipl_parse *p)
{
	return check_all(p, K_EXEC, "NSREF");
}

#define POS(kw, arg, key, help) \
	{ kw, IPL_DEFAULT | IPL_NOKW | IPL_ONCE | IPL_REQUIRED, arg, key, help }
#define POS_OPT(kw, arg, key, help) \
	{ kw, IPL_DEFAULT | IPL_NOKW | IPL_ONCE, arg, key, help }

static const struct ipl_opt list_id_rows[] = {
	{ "target-nsid", IPL_ONCE, "NSID", K_TARGET,
	  "the nsids as this namespace numbers them" },
	{ "nsid", IPL_ONCE, "NSID", K_NSID, "only this nsid" },
	{ NULL } };
static const struct ipl_table list_id_opts = { "ip netns list-id",
					       list_id_rows };
static const struct ipl_opt add_rows[] = {
	POS("nsname", "NSNAME", K_NAME, "the new namespace's name"), { NULL } };
static const struct ipl_table add_opts = { "ip netns add", add_rows };
static const struct ipl_opt set_rows[] = {
	POS("netns", "NETNS", K_NAME, "the namespace"),
	POS("nsid", "NETNSID", K_NSID, "its nsid here, or auto"),
	{ NULL } };
static const struct ipl_table set_opts = { "ip netns set", set_rows };
static const struct ipl_opt del_rows[] = {
	POS_OPT("netns", "NETNS", K_NAME, "the namespace (none with -all)"),
	{ NULL } };
static const struct ipl_table del_opts = { "ip netns delete", del_rows,
					   check_del };
static const struct ipl_opt pids_rows[] = {
	POS("netns", "NETNS", K_NAME, "the namespace"), { NULL } };
static const struct ipl_table pids_opts = { "ip netns pids", pids_rows };
static const struct ipl_opt exec_rows[] = {
	{ "nsref", IPL_DEFAULT | IPL_NOKW | IPL_ONCE, "NSREF ARGS...", K_EXEC,
	  "the namespace (none with -all), then the command", NULL,
	  parse_exec },
	{ NULL } };
static const struct ipl_table exec_opts = { "ip netns exec", exec_rows,
					    check_exec };
static const struct ipl_opt attach_rows[] = {
	POS("nsname", "NSNAME", K_NAME, "the new name"),
	POS("pid", "PID", K_PID, "the process"),
	{ NULL } };
static const struct ipl_table attach_opts = { "ip netns attach",
					      attach_rows };
static const struct ipl_opt identify_rows[] = {
	POS_OPT("pid", "PID", K_PID, "the process (default: nsh)"),
	{ NULL } };
static const struct ipl_table identify_opts = { "ip netns identify",
						identify_rows };

/* in iproute2's order (do_netns): `ip netns s` is show, `ip netns a` add,
 * `ip netns se` set */
static const struct nsh_cmd netns_cmds[] = {
	{ "ip netns list/show/lst", "list the named namespaces", cmd_list },
	{ "ip netns list-id", "the nsids this namespace gives others",
	  cmd_list_id, 0, "ip netns list-id", NULL, &list_id_opts },
	{ "ip netns add", "create a named network namespace",
	  cmd_add, NSH_CMD_MUTATES,
	  "ip netns add ns1", NULL, &add_opts },
	{ "ip netns set", "give a namespace an nsid (as this one sees it)",
	  cmd_set, NSH_CMD_MUTATES, "ip netns set ns1 auto", NULL, &set_opts },
	{ "ip netns delete",
	  "delete a namespace name (and, once unused, the namespace)",
	  cmd_del, NSH_CMD_NOBARRIER | NSH_CMD_MUTATES,
	  "ip netns del ns1", NULL, &del_opts },
	{ "ip netns identify",
	  "the name of the namespace of a process (default: nsh's)",
	  cmd_identify, 0, NULL, NULL, &identify_opts },
	{ "ip netns pids", "the processes inside a namespace", cmd_pids, 0,
	  NULL, NULL, &pids_opts },
	{ "ip netns exec",
	  "run a program (or an ip/sysctl command) inside a namespace",
	  cmd_exec, NSH_CMD_NESTED | NSH_CMD_TAIL | NSH_CMD_CONTEXT,
	  "ip netns exec ns1 ping -c 3 10.0.0.2",
	  NULL, &exec_opts },
	{ "ip netns monitor", "namespace names as they come and go",
	  cmd_monitor },
	{ "ip netns attach", "name the namespace of a process",
	  cmd_attach, NSH_CMD_MUTATES,
	  NULL, NULL, &attach_opts },
	{ "ip netns", "list the named namespaces", cmd_list },
	{ NULL },
};

const struct nsh_family netns_family = {
	"netns", "ip netns: create, delete, list and use namespaces",
	netns_cmds, netns_types,
};
