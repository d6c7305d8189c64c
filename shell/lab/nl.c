/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * nl.c - libnl socket set-up and error capture.
 *
 * libnl turns the kernel's errno into its own coarser NLE_* codes and drops
 * the extended ack message ("The interface netns is immutable").  Every
 * socket nsh opens gets an error callback that keeps both, so messages can
 * give the kernel's reason in words.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/socket.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

#include "nsh.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

static int last_errno;
static char last_msg[256];

int nl_last_errno(void)
{
	return last_errno;
}

const char *nl_last_msg(void)
{
	return last_msg;
}

void nl_clear_error(void)
{
	last_errno = 0;
	last_msg[0] = '\0';
}

/* the extended ack's message among the attributes from A to the end of
 * NLH (NLMSGERR_ATTR_MSG) into last_msg */
static void ext_ack_msg(const struct nlmsghdr *nlh, const struct nlattr *a)
{
	const char *end = (const char *)nlh + nlh->nlmsg_len;

	last_msg[0] = '\0';
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return;
	for (; (const char *)a + NLA_HDRLEN <= end && a->nla_len >= NLA_HDRLEN &&
	       (const char *)a + a->nla_len <= end;
	     a = (const struct nlattr *)((const char *)a +
					 NLA_ALIGN(a->nla_len))) {
		if ((a->nla_type & NLA_TYPE_MASK) == NLMSGERR_ATTR_MSG) {
			size_t n = a->nla_len - NLA_HDRLEN;

			if (n >= sizeof(last_msg))
				n = sizeof(last_msg) - 1;
			memcpy(last_msg, (const char *)a + NLA_HDRLEN, n);
			last_msg[n] = '\0';
		}
	}
}

static int err_cb(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	size_t off = sizeof(*e);

	last_errno = -e->error;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += e->msg.nlmsg_len - NLMSG_HDRLEN;
	ext_ack_msg(nlh, (const struct nlattr *)((const char *)e +
						 NLMSG_ALIGN(off)));
	return NL_STOP;
}

/* the end of a dump: libnl reads no error in NLMSG_DONE, where the
 * kernel puts one (a strict dump's "FIB table does not exist"), with its
 * ext-ack message after it, as iproute2's rtnl_dump_done reads them */
static int done_cb(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	int err;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(err)))
		return NL_OK;
	memcpy(&err, nlmsg_data(nlh), sizeof(err));
	if (err >= 0)
		return NL_OK;
	last_errno = -err;
	ext_ack_msg(nlh, (const struct nlattr *)((const char *)nlmsg_data(nlh) +
						 NLMSG_ALIGN(sizeof(err))));
	return -nl_syserr2nlerr(-err);
}

/* a successful ACK: whatever was captured before is no longer current */
static int ack_cb(struct nl_msg *msg, void *arg)
{
	nl_clear_error();
	return NL_STOP;
}

int nl_sock_setup(struct nl_sock *sk)
{
	int one = 1;
	int fd = nl_socket_get_fd(sk);

	nl_socket_modify_err_cb(sk, NL_CB_CUSTOM, err_cb, NULL);
	nl_socket_modify_cb(sk, NL_CB_ACK, NL_CB_CUSTOM, ack_cb, NULL);
	nl_socket_modify_cb(sk, NL_CB_FINISH, NL_CB_CUSTOM, done_cb, NULL);
	(void)setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	(void)setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	return 0;
}

/* lower-case the first letter and drop a final full stop */
static const char *tidy(char *buf)
{
	size_t n = strlen(buf);

	if (n && buf[n - 1] == '.')
		buf[n - 1] = '\0';
	if (isupper((unsigned char)buf[0]) && !isupper((unsigned char)buf[1]))
		buf[0] = (char)tolower((unsigned char)buf[0]);
	return buf;
}

bool nsh_kernel_refused;

const char *nl_reason(int nlerr, char *buf, size_t len)
{
	/* the captured kernel error only if it is the one libnl reports */
	bool kernel = last_errno &&
		      nl_syserr2nlerr(last_errno) == (nlerr < 0 ? -nlerr : nlerr);

	/* what iproute2 prints as "RTNETLINK answers: …" and exits 2 for */
	if (kernel)
		nsh_kernel_refused = true;
	if (kernel && last_msg[0])
		snprintf(buf, len, "%s", last_msg);
	else if (kernel && last_errno == EPERM)
		snprintf(buf, len, "operation not permitted (are you root?)");
	else if (kernel)
		snprintf(buf, len, "%s", strerror(last_errno));
	else
		snprintf(buf, len, "%s", nl_geterror(nlerr));
	return tidy(buf);
}

/* ------------------------------------------------------------ nsid */

static int nsid_cb(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[NETNSA_MAX + 1];
	int *ret = arg;

	if (nlmsg_parse(nlmsg_hdr(msg), sizeof(struct rtgenmsg), tb,
			NETNSA_MAX, NULL) < 0)
		return NL_SKIP;
	if (tb[NETNSA_NSID])
		*ret = (int)nla_get_s32(tb[NETNSA_NSID]);
	return NL_OK;
}

/* RTM_GETNSID for the namespace ATTR (NETNSA_FD or NETNSA_NSID) names:
 * its nsid as SK's namespace sees it, or -1 (none, or an error) */
static int get_nsid(struct nl_sock *sk, int attr, uint32_t val)
{
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nl_msg *msg = nlmsg_alloc_simple(RTM_GETNSID, NLM_F_REQUEST);
	struct nl_cb *cb = NULL, *orig;
	int nsid = -1;

	if (!msg)
		return -1;
	if (nlmsg_append(msg, &g, sizeof(g), NLMSG_ALIGNTO) < 0 ||
	    nla_put_u32(msg, attr, val) < 0 || nl_send_auto(sk, msg) < 0)
		goto out;
	orig = nl_socket_get_cb(sk);	/* a new reference */
	cb = nl_cb_clone(orig);
	nl_cb_put(orig);
	if (!cb)
		goto out;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, nsid_cb, &nsid);
	/* the reply, then the ACK libnl asked for (an error replaces both) */
	if (nl_recvmsgs(sk, cb) >= 0)
		(void)nl_wait_for_ack(sk);
out:
	if (cb)
		nl_cb_put(cb);
	nlmsg_free(msg);
	return nsid;
}

int nl_get_nsid(struct nl_sock *sk, int nsfd)
{
	return get_nsid(sk, NETNSA_FD, (uint32_t)nsfd);
}

/*
 * The kernel looks an nsid up with maybe_get_net(): a namespace whose last
 * reference is gone (being destroyed, its nsid not yet forgotten) answers
 * ENOENT like an unknown nsid.
 */
bool nl_nsid_alive(struct nl_sock *sk, int nsid)
{
	return nsid >= 0 && get_nsid(sk, NETNSA_NSID, (uint32_t)nsid) == nsid;
}
