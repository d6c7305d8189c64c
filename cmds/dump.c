/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * dump.c - one rtnetlink dump, its answers copied as they came: the
 * listings of addresses and routes parse the kernel's messages themselves,
 * because a libnl cache would merge entries and drop flags.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>

#include "cmds.h"

/* what dump_cb needs: the list and the one message type to keep */
struct dump_arg {
	struct msg_list *l;
	int type;
};

void msg_list_free(struct msg_list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

/* NL_CB_VALID: keep a copy of one message of the expected type */
static int dump_cb(struct nl_msg *msg, void *arg)
{
	struct dump_arg *da = arg;
	struct msg_list *l = da->l;
	struct nlmsghdr *nlh = nlmsg_hdr(msg), *copy;

	if (nlh->nlmsg_type != da->type)
		return NL_SKIP;
	if (l->n == l->cap) {
		int cap = l->cap ? 2 * l->cap : 32;
		struct nlmsghdr **v = realloc(l->v, sizeof(*v) * (size_t)cap);

		if (!v) {
			l->oom = true;
			return NL_STOP;
		}
		l->v = v;
		l->cap = cap;
	}
	copy = malloc(nlh->nlmsg_len);
	if (!copy) {
		l->oom = true;
		return NL_STOP;
	}
	memcpy(copy, nlh, nlh->nlmsg_len);
	l->v[l->n++] = copy;
	return NL_OK;
}

/* dump_msgs - see cmds.h: one dump, retried when it was interrupted */
int dump_msgs(struct nsh *sh, struct nl_sock *sk, int type, void *hdr,
	      size_t len, const char *what, struct msg_list *ret)
{
	/* the answers to RTM_GETxxx are RTM_NEWxxx, the first type of its
	 * family of four (NEW, DEL, GET, SET from RTM_BASE on) */
	struct dump_arg da = { .l = ret, .type = type & ~3 };
	char why[256];
	int err = 0;

	for (int attempt = 0; attempt < 5; attempt++) {
		struct nl_cb *orig, *cb;

		msg_list_free(ret);
		nl_clear_error();
		err = nl_send_simple(sk, type, NLM_F_DUMP, hdr, len);
		if (err < 0)
			break;
		orig = nl_socket_get_cb(sk);	/* a new reference */
		cb = nl_cb_clone(orig);
		nl_cb_put(orig);
		if (!cb)
			return nsh_err(sh, "out of memory");
		nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, dump_cb, &da);
		err = nl_recvmsgs(sk, cb);
		nl_cb_put(cb);
		if (err != -NLE_DUMP_INTR)
			break;
	}
	if (ret->oom)
		return nsh_err(sh, "out of memory");
	if (err < 0)
		return nsh_err(sh, "cannot list the %s: %s", what,
			       nl_reason(err, why, sizeof(why)));
	return 0;
}
