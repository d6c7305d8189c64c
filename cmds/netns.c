/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * netns.c - `ip netns …`, interoperating with iproute2 both ways: the same
 * /run/netns entries, lock and mounts (see shell/ns.c), so `ip netns` sees
 * nsh's namespaces and nsh sees theirs.
 *
 * The verbs are iproute2's (ip/ipnetns.c), in its order: list, list-id,
 * add, set, delete, identify, pids, exec, monitor, attach; `ip -all netns
 * exec|delete` act in every named namespace, in the directory's order.
 * This file holds what changes names and runs inside them (add, set,
 * delete, exec, monitor, attach) and the words of every verb;
 * cmds/netns_show.c the listings (list, identify, pids) and
 * cmds/netns_nsid.c the nsids (list-id, the nsid lines).
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
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
#include "netns_priv.h"

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
	{ "ip netns list/show/lst", "list the named namespaces", netns_list },
	{ "ip netns list-id", "the nsids this namespace gives others",
	  netns_list_id, 0, "ip netns list-id", NULL, &list_id_opts },
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
	  netns_identify, 0, NULL, NULL, &identify_opts },
	{ "ip netns pids", "the processes inside a namespace", netns_pids, 0,
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
	{ "ip netns", "list the named namespaces", netns_list },
	{ NULL },
};

const struct nsh_family netns_family = {
	"netns", "ip netns: create, delete, list and use namespaces",
	netns_cmds, netns_types,
};
