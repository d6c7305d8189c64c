/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * netns_nsid.c - nsids, the numbers a namespace gives others: the
 * nsid -> /run/netns name map and the nsid lines ("nsid 0 (iproute2 netns
 * name: ns1)") that `ip monitor` prints too, and `ip netns list-id`
 * (one nsid, or the RTM_GETNSID dump with its target-nsid filter).
 */
#include "config.h"

#include <ctype.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
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

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

/* ------------------------------------------------------------ names */

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

/* ------------------------------------------------------------ list-id */

struct nl_msg *nsid_msg(int type)
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

/* ip netns list-id [target-nsid N] [nsid N] */
int netns_list_id(struct nsh *sh, const struct nsh_args *a)
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
