/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_modify.c - one `ip link add/set/replace/delete` line as one
 * request, as iproute2's iplink_modify builds it: the names the line
 * gives (`name`, `dev`, a bare word), iproute2's checks before anything
 * is sent, the RTM_NEWLINK (RTM_DELLINK) with its attributes
 * (cmds/link_put.c), sent once more when a dying veth still held the
 * name, journaled once acknowledged (cmds/link_journal.c), and put back
 * (cmds/link_undo.c) and explained (cmds/link_refusal.c) when refused.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/route/link.h>

#include "link_priv.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_msg, nlmsg_free)

#ifndef IFLA_NEW_IFINDEX
#define IFLA_NEW_IFINDEX 49
#endif

/* ------------------------------------------------------------ names */

int link_read_names(const struct nsh_args *a, struct names *n)
{
	memset(n, 0, sizeof(*n));
	n->type_at = a->nbind;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		if (o->key == LK_TYPE) {
			n->type_at = i;
			n->kind = v ? v->text : NULL;
			break;
		}
		if (o->key == LK_NAME)
			n->name = v->text;
		else if (o->key == LK_DEV)
			n->dev = v->text;
		else if (o->key == LK_GROUP)
			n->group = true;
		else if (o->key == LK_HELP)
			return -1;
	}
	for (int i = n->type_at; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && a->bind[i].opt->key == LK_KIND_HELP)
			return -2;
	if (n->name && n->dev && !streq(n->name, n->dev))
		n->dev_and_name = true;
	if (!n->name)
		n->name = n->dev;
	else if (!n->dev)
		n->dev = n->name;
	return 0;
}

/* the peer's name of a veth line (for messages and the retry after a
 * settle) */
static const char *peer_name(const struct nsh_args *a, int from)
{
	const char *name = NULL, *dev = NULL;

	for (int i = from; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (o && o->key == LK_NAME)
			name = ipl_arg(a, i, 0)->text;
		else if (o && o->key == LK_DEV && ipl_arg(a, i, 0))
			dev = ipl_arg(a, i, 0)->text;
	}
	return name ? name : dev;
}

/*
 * name_settled - NAME is about to be taken in NS: if a veth the kernel is
 * removing with its peer's deleted namespace (teardown_settle) holds it,
 * wait for it to go.  True when it waited.
 */
static bool name_settled(struct nsh *sh, const struct nsh_ns *ns,
			 const char *name)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;

	if (!name || link_lookup_in(sh, ns, name, true, &l) || !l)
		return false;
	return teardown_settle(sh, ns, l);
}

/* `type KIND help`: the kind's options */
static int kind_help(const struct names *n)
{
	const struct link_kind *k = n->kind ? link_kind_find(n->kind) : NULL;
	char syntax[128];
	struct nsh_cmd cmd = { .syntax = syntax };

	if (!k || !k->opts)
		return 0;
	snprintf(syntax, sizeof(syntax), "ip link add NAME type %s", n->kind);
	cmd.opts = k->opts;
	ipl_usage(&cmd, stdout);
	return 0;
}

/* iproute2's checks of the names before anything is sent */
static int check_names(struct nsh *sh, const struct nsh_args *a,
		       const struct names *n, bool create)
{
	if (create) {
		if (n->dev_and_name)
			return nsh_err(sh, "'%s': both 'name' and 'dev' cannot "
					   "be used when creating a link",
				       n->dev);
		if (n->group && !n->dev)
			return nsh_err(sh, "'group': cannot be used when "
					   "creating a link");
		if (!n->kind)
			return nsh_err(sh, "missing 'type KIND' (veth, bridge, "
					   "vxlan, macvlan, …)");
		/* the kernel reads NAME%d as a template (tmpl%d makes
		 * tmpl0): the lab would not know its own link's name */
		const char *w[] = { n->name, n->peer };

		for (size_t i = 0; i < 2; i++)
			if (w[i] && strchr(w[i], '%'))
				return nsh_err(sh, "'%s': '%%' makes the kernel "
						   "pick the name; write the "
						   "name itself",
					       w[i]);
		return 0;
	}
	if (!n->dev && !n->group)
		return nsh_err(sh, "missing the link ('dev NAME')");
	if (!n->dev && n->kind)
		return nsh_err(sh, "'type': not with 'group' alone (which "
				   "links?)");
	(void)a;
	return 0;
}

/* address on an existing link: as long as the link's own (iproute2's
 * check, before it sends) */
static int check_addr_len(struct nsh *sh, const struct link_req *r,
			  const struct names *n)
{
	_cleanup_free_ struct nlmsghdr *h = NULL;
	struct nlattr *tb[IFLA_MAX + 1];
	const char *text = ipl_str(r->a, LK_ADDRESS);

	if (!r->addr_len || !text ||
	    link_get_msg(ns_sock(sh), link_msg_ifi(r->msg)->ifi_index, NULL,
			 RTEXT_FILTER_SKIP_STATS, &h) < 0 ||
	    nlmsg_parse(h, sizeof(struct ifinfomsg), tb, IFLA_MAX, NULL) < 0 ||
	    !tb[IFLA_ADDRESS] || nla_len(tb[IFLA_ADDRESS]) == r->addr_len)
		return 0;
	return nsh_err(sh, "'%s': the link-layer (MAC) address of '%s' has "
			   "%d bytes, not %d",
		       text, n->dev, nla_len(tb[IFLA_ADDRESS]), r->addr_len);
}

/* ------------------------------------------------------------ sending */

/* links brought up: a program run next waits until they are running
 * (shell/settle.c) */
static void note_up(struct nsh *sh, const struct nsh_args *a,
		    const struct link_req *r)
{
	if (ipl_find(a, 0, LK_UP) < 0)
		return;
	settle_note(sh, NULL);
	if (r->ns)
		settle_note(sh, r->ns->label);
	if (r->peer_ns)
		settle_note(sh, r->peer_ns->label);
}

/* what an acknowledged line made, renamed, moved or deleted: to the
 * journal */
static void noted(struct nsh *sh, const struct link_req *r,
		  const struct names *n, int type, struct link_made *made)
{
	int ifindex = link_msg_ifi(r->msg)->ifi_index;

	if (r->create)
		link_made_note(sh, r, n->name, n->peer, made);
	else if (type == RTM_DELLINK && n->dev && ifindex)
		journal_link_gone(sh->cur.dev, sh->cur.ino, ifindex);
	else if (type == RTM_NEWLINK && n->dev && ifindex &&
		 (r->stages & (SG_NAME | SG_NETNS)))
		link_journal_set(sh, r, ifindex, n->name);
}

/* the request's attributes: ip link's options, the new index, the name,
 * the kind's data; N->peer learnt.  0, or 1 after reporting */
static int put_request(struct link_req *r, struct names *n)
{
	const struct nsh_args *a = r->a;
	struct nl_msg *msg = r->msg;

	if (link_put_generic(r, 0, n->type_at, link_msg_ifi(msg), false))
		return 1;
	if (r->new_index) {
		if (!(r->stages & SG_NETNS))
			return nsh_err(r->sh, "'index': only when creating a "
					      "link or moving it to another "
					      "namespace");
		if (nla_put_u32(msg, IFLA_NEW_IFINDEX,
				(uint32_t)r->new_index) < 0)
			return link_put_fail(r);
	}
	/* the name of a new link, or a rename (link_read_names gives a
	 * name its dev) */
	if (n->name && (r->create || (n->dev && !streq(n->name, n->dev)))) {
		if (nla_put_string(msg, IFLA_IFNAME, n->name) < 0)
			return link_put_fail(r);
		if (!r->create)
			r->stages |= SG_NAME;
	}
	if (!n->kind)		/* not when creating: check_names */
		return 0;
	if (link_put_kind(r, n->kind, n->type_at))
		return 1;
	if (r->create && (streq(n->kind, "veth") || streq(n->kind, "vxcan")))
		n->peer = peer_name(a, ipl_next(a, n->type_at));
	return 0;
}

/*
 * send_retry - send R on SK; a name still held by a veth on its way out
 * (its peer's namespace deleted): wait for it, then send once more (as a
 * new message: a new sequence number).  0, or -1 with the kernel's
 * refusal in WHY.
 */
static int send_retry(struct nsh *sh, struct nl_sock *sk, struct link_req *r,
		      const struct names *n, struct link_made *made,
		      struct refusal *why)
{
	for (int tries = 0;; tries++) {
		int err = link_made_send(sk, r->msg, made);

		if (err >= 0)
			return 0;
		why->e = nl_last_errno();
		snprintf(why->msg, sizeof(why->msg), "%s", nl_last_msg());
		nl_reason(err, why->reason, sizeof(why->reason));
		nlmsg_hdr(r->msg)->nlmsg_seq = NL_AUTO_SEQ;
		if (why->e != EEXIST || tries ||
		    !(name_settled(sh, r->ns ? r->ns : &sh->cur, n->name) |
		      name_settled(sh, r->peer_ns ? r->peer_ns : &sh->cur,
				   n->peer)))
			return -1;
	}
}

/* send R with the journal told before and after; a refusal undone and
 * explained.  0, or 1 after reporting */
static int send_request(struct nsh *sh, struct link_req *r,
			const struct names *n, int type, int flags,
			const struct before *b)
{
	struct link_made made = { .evfd = -1 };
	struct refusal why = { 0 };
	struct nl_sock *sk = ns_sock(sh);
	int ifindex = link_msg_ifi(r->msg)->ifi_index, rc;

	if (!sk)
		return 1;
	if (r->create)
		link_made_begin(sh, r, n->name, n->kind, flags & NLM_F_REPLACE,
				&made);
	else if (type == RTM_NEWLINK && n->dev && ifindex &&
		 (r->stages & (SG_NAME | SG_NETNS)))
		link_journal_setting(sh, r, ifindex, n->name);
	rc = send_retry(sh, sk, r, n, &made, &why);
	if (rc == 0) {
		noted(sh, r, n, type, &made);
		note_up(sh, r->a, r);
	} else {
		link_undo(sh, r, n, b);
		rc = link_refused(sh, r, n, &why, type);
	}
	link_made_end(&made);
	return rc;
}

int link_modify(struct nsh *sh, const struct nsh_args *a, int type,
		int flags)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
	struct link_req r = { .sh = sh, .a = a };
	struct before b = { 0 };
	struct names n;
	int idx, rc;

	switch (link_read_names(a, &n)) {
	case -1:
		ipl_usage(a->cmd, stdout);
		return 0;
	case -2:
		return kind_help(&n);
	}
	r.create = flags & NLM_F_CREATE;
	if (check_names(sh, a, &n, r.create))
		return 1;
	r.dev = n.dev ? n.dev : "";
	if (sh->o.family)
		ifi.ifi_family = (unsigned char)sh->o.family;
	msg = nlmsg_alloc_simple(type, NLM_F_REQUEST | NLM_F_ACK | flags);
	if (!msg || nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	r.msg = msg;
	if (!r.create && n.dev) {
		if (link_index(sh, n.dev, &idx))
			return 1;
		link_msg_ifi(msg)->ifi_index = idx;
	}
	rc = put_request(&r, &n);
	if (!rc && type == RTM_NEWLINK && !r.create && n.dev)
		rc = check_addr_len(sh, &r, &n) || link_before_read(sh, &r, &b);
	if (!rc)
		rc = send_request(sh, &r, &n, type, flags, &b);
	link_req_release();
	return rc;
}
