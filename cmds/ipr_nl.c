/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipr_nl.c - the netlink requests of the iproute2 families, as iproute2's
 * rtnl_talk and rtnl_dump_filter make them: a request and the kernel's
 * acknowledgement (ipr_ack; ipr_talk says the kernel's warning, as
 * iproute2 does), a request answered by one message (ipr_get), and a dump
 * whose answers are copied as they came (ipr_dump, dump_msgs): the shows
 * parse the kernel's messages themselves, because a libnl cache would
 * merge entries and drop flags.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/socket.h>

#include "iproute.h"

#ifndef NETLINK_GET_STRICT_CHK
#define NETLINK_GET_STRICT_CHK 12
#endif

DEFINE_PUTP(struct nl_msg, nlmsg_free)

void msg_list_free(struct msg_list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
	l->oom = false;
}

/* the answers being collected: into a list (LIST) or one message (ONE) */
struct collect {
	struct msg_list *list;
	struct nlmsghdr **one;
	int type;		/* the RTM_NEWxxx type kept */
	bool oom;
	bool acked;		/* the acknowledgement came */
	char *warning;		/* its message, if wanted (256 bytes) */
};

/* the answers to RTM_GETxxx are RTM_NEWxxx, the first type of its family
 * of four (NEW, DEL, GET, SET from RTM_BASE on) */
static int answer_type(struct nl_msg *msg)
{
	return nlmsg_hdr(msg)->nlmsg_type & ~3;
}

/* the kernel's warning that came with a success, if any (an extended
 * acknowledgement's NLMSGERR_ATTR_MSG) */
static void ack_warning(const struct nlmsghdr *nlh, char *warning)
{
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	char *end = (char *)nlmsg_data(nlh) + sizeof(struct nlmsgerr);
	int len = (int)(nlh->nlmsg_len - NLMSG_HDRLEN -
			sizeof(struct nlmsgerr));

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || len <= 0 ||
	    nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)end, len,
		      NULL) < 0 ||
	    !tb[NLMSGERR_ATTR_MSG])
		return;
	snprintf(warning, 256, "%.*s",
		 (int)strcspn(nla_data(tb[NLMSGERR_ATTR_MSG]), "\n"),
		 (char *)nla_data(tb[NLMSGERR_ATTR_MSG]));
}

static int ack_cb(struct nl_msg *msg, void *arg)
{
	struct collect *c = arg;

	c->acked = true;
	if (c->warning)
		ack_warning(nlmsg_hdr(msg), c->warning);
	return NL_STOP;
}

/* a copy of one message, into the list or as the one answer */
static int keep(struct collect *c, const struct nlmsghdr *nlh)
{
	struct msg_list *l = c->list;
	struct nlmsghdr *copy = malloc(nlh->nlmsg_len);

	if (!copy)
		return -1;
	memcpy(copy, nlh, nlh->nlmsg_len);
	if (c->one) {
		free(*c->one);
		*c->one = copy;
		return 0;
	}
	if (l->n == l->cap) {
		int cap = l->cap ? 2 * l->cap : 32;
		struct nlmsghdr **v = realloc(l->v, sizeof(*v) * (size_t)cap);

		if (!v) {
			free(copy);
			return -1;
		}
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = copy;
	return 0;
}

static int collect_cb(struct nl_msg *msg, void *arg)
{
	struct collect *c = arg;
	struct nlmsghdr *nlh = nlmsg_hdr(msg);

	if (nlh->nlmsg_type != c->type || (!c->list && !c->one))
		return NL_SKIP;
	if (keep(c, nlh) < 0) {
		c->oom = true;
		return NL_STOP;
	}
	return NL_OK;
}

/* receive the answers to the request just sent, through collect_cb */
static int receive(struct nl_sock *sk, struct collect *c)
{
	struct nl_cb *orig = nl_socket_get_cb(sk), *cb;
	int err;

	cb = nl_cb_clone(orig);
	nl_cb_put(orig);
	if (!cb)
		return -NLE_NOMEM;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, collect_cb, c);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, ack_cb, c);
	err = nl_recvmsgs(sk, cb);
	nl_cb_put(cb);
	if (c->oom)
		return -NLE_NOMEM;
	return err;
}

/* send MSG and receive until the acknowledgement (or the error) */
static int request(struct nl_sock *sk, struct nl_msg *msg, struct collect *c)
{
	int err;

	if (!sk)
		return -NLE_BAD_SOCK;
	nl_clear_error();
	err = nl_send_auto(sk, msg);
	while (err >= 0 && !c->acked)
		err = receive(sk, c);
	return err < 0 ? err : 0;
}

int ipr_ack(struct nl_sock *sk, struct nl_msg *msg)
{
	struct collect c = { 0 };

	return request(sk, msg, &c);
}

int ipr_talk(struct nsh *sh, struct nl_msg *msg)
{
	struct nl_sock *sk = ns_sock(sh);
	char warning[256] = "";
	struct collect c = { .warning = warning };
	int err;

	if (!sk)
		return 1;
	err = request(sk, msg, &c);
	/* as iproute2 says what the kernel warned of */
	if (!err && warning[0])
		nsh_warn(sh, "%s", warning);
	return err;
}

int ipr_get(struct nl_sock *sk, struct nl_msg *msg, struct nlmsghdr **ret)
{
	struct collect c = { .one = ret, .type = answer_type(msg) };
	int err;

	*ret = NULL;
	err = request(sk, msg, &c);
	if (err < 0) {
		free(*ret);
		*ret = NULL;
		return err;
	}
	return *ret ? 0 : -NLE_OBJ_NOTFOUND;
}

static void strict(struct nl_sock *sk, int on)
{
	(void)setsockopt(nl_socket_get_fd(sk), SOL_NETLINK,
			 NETLINK_GET_STRICT_CHK, &on, sizeof(on));
}

int ipr_dump(struct nl_sock *sk, struct nl_msg *msg, bool strict_chk,
	     struct msg_list *ret)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct collect c = { .list = ret, .type = answer_type(msg) };
	int err = 0;

	if (!sk)
		return -NLE_BAD_SOCK;
	nlh->nlmsg_flags |= NLM_F_DUMP;
	if (strict_chk)
		strict(sk, 1);
	/* again while the kernel says a change interrupted it */
	for (int attempt = 0; attempt < 5; attempt++) {
		msg_list_free(ret);
		nl_clear_error();
		nlh->nlmsg_seq = NL_AUTO_SEQ;
		err = nl_send_auto(sk, msg);
		if (err < 0)
			break;
		err = receive(sk, &c);
		if (err != -NLE_DUMP_INTR)
			break;
	}
	if (strict_chk)
		strict(sk, 0);
	return err < 0 ? err : 0;
}

int dump_msgs(struct nsh *sh, struct nl_sock *sk, int type, void *hdr,
	      size_t len, const char *what, struct msg_list *ret)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nlmsg_alloc_simple(type, NLM_F_DUMP);
	char why[256];
	int err;

	if (!msg || nlmsg_append(msg, hdr, len, NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	err = ipr_dump(sk, msg, false, ret);
	if (err == -NLE_NOMEM)
		return nsh_err(sh, "out of memory");
	if (err < 0)
		return nsh_err(sh, "cannot list the %s: %s", what,
			       nl_reason(err, why, sizeof(why)));
	return 0;
}

struct nlattr *ipr_nest(struct nl_msg *msg, int type)
{
	struct nlattr *start = (struct nlattr *)nlmsg_tail(nlmsg_hdr(msg));

	if (nla_put(msg, type, 0, NULL) < 0)
		return NULL;
	return start;
}

void ipr_nest_end(struct nl_msg *msg, struct nlattr *start)
{
	start->nla_len = (uint16_t)((char *)nlmsg_tail(nlmsg_hdr(msg)) -
				    (char *)start);
}
