/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link.c - `ip link add/set/delete/show`, natively through libnl.
 *
 * A rejected command changes nothing.  What the kernel refuses atomically
 * (a name already taken, a link that does not exist) is sent as it is,
 * in the one RTM_NEWLINK, and only a refusal is explained by looking the
 * names up; what the kernel might apply in part (a move, a rename, a
 * master: it brings a link up before it enslaves it) is checked first
 * (links and namespaces present, a master that is a bridge, no
 * contradictory settings).  Lookups are single RTM_GETLINK requests
 * (link_lookup), never dumps.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <netlink/netlink.h>
#include <netlink/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/link/veth.h>

#include "cmds.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_addr, nl_addr_put)

/* an nsh_ns from ns_resolve, closed at the end of its scope */
static void ns_closep(struct nsh_ns *ns)
{
	ns_close(ns);
}

#define _cleanup_ns_ _cleanup_(ns_closep)
#define NS_NONE { .fd = -1 }

/* the one request a command sends, once everything is checked */
enum link_req { REQ_ADD, REQ_CHANGE, REQ_DELETE };

/*
 * send_only - in SH->cur: create link L (REQ_ADD), apply the changes L to
 * link ORIG (REQ_CHANGE) or delete link L (REQ_DELETE).  Returns 1 after
 * reporting when there is no socket, else 0 with libnl's result in *ERR
 * (the kernel's errno in nl_last_errno()).
 */
static int send_only(struct nsh *sh, enum link_req req, struct rtnl_link *orig,
		     struct rtnl_link *l, int *err)
{
	struct nl_sock *sk = ns_sock(sh);

	if (!sk)
		return 1;
	nl_clear_error();
	if (req == REQ_ADD)
		*err = rtnl_link_add(sk, l, NLM_F_CREATE | NLM_F_EXCL);
	else if (req == REQ_CHANGE)
		*err = rtnl_link_change(sk, orig, l, 0);
	else
		*err = rtnl_link_delete(sk, l);
	return 0;
}

/* the same, a failure reported about SUBJECT in the kernel's words: 0 or 1 */
static int send_req(struct nsh *sh, enum link_req req, struct rtnl_link *orig,
		    struct rtnl_link *l, const char *subject)
{
	char why[256];
	int err;

	if (send_only(sh, req, orig, l, &err))
		return 1;
	if (err < 0)
		return nsh_err(sh, "'%s': %s", subject,
			       nl_reason(err, why, sizeof(why)));
	return 0;
}

/*
 * name_free - check that no link called NAME exists in NS (other than the
 * link with ifindex SELF, when SELF > 0).  A veth the kernel is about to
 * remove with its peer's deleted namespace (teardown_settle) is waited
 * for, and *WAITED (if given) set.  Returns 0 when free, or reports
 * "'NAME': already exists in …" and returns 1.
 */
static int name_free(struct nsh *sh, const struct nsh_ns *ns, const char *name,
		     int self, bool *waited)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	char d[300];

	if (link_lookup_in(sh, ns, name, true, &l))
		return 1;
	if (l && !(self > 0 && rtnl_link_get_ifindex(l) == self) &&
	    teardown_settle(sh, ns, l)) {
		if (waited)
			*waited = true;
		rtnl_link_put(TAKE_PTR(l));
		if (link_lookup_in(sh, ns, name, true, &l))
			return 1;
	}
	if (!l || (self > 0 && rtnl_link_get_ifindex(l) == self))
		return 0;
	return nsh_err(sh, "'%s': already exists in %s", name,
		       ns_desc(ns, d, sizeof(d)));
}

/* the kind of link L ("veth", "bridge"), or "" */
static const char *link_kind(struct rtnl_link *l)
{
	const char *k = rtnl_link_get_type(l);

	return k ? k : "";
}

static bool is_bridge(struct rtnl_link *l)
{
	return streq(link_kind(l), "bridge");
}

static bool is_loopback(struct rtnl_link *l)
{
	return rtnl_link_get_flags(l) & IFF_LOOPBACK;
}

/*
 * resolve_target - open namespace REF (a name or a PID) into *RET, or
 * leave *RET closed when REF is NULL.  Returns 0 or 1 after reporting.
 */
static int resolve_target(struct nsh *sh, const char *ref, struct nsh_ns *ret)
{
	ret->fd = -1;
	if (!ref)
		return 0;
	return ns_resolve(sh, ref, true, ret);
}

/* ------------------------------------------------------------ add */

/*
 * add_link - create L (named NAME in WHERE; its peer PNAME in PWHERE, or
 * NULL).  A name taken is said which (the kernel created nothing); if it
 * was a veth on its way out with its peer's namespace, name_free waited
 * for it and the request is sent once more.  0 or 1 after reporting.
 */
static int add_link(struct nsh *sh, struct rtnl_link *l,
		    const struct nsh_ns *where, const char *name,
		    const struct nsh_ns *pwhere, const char *pname)
{
	char why[256];
	int err;

	for (int tries = 0;; tries++) {
		bool waited = false;

		if (send_only(sh, REQ_ADD, NULL, l, &err))
			return 1;
		if (err >= 0)
			return 0;
		nl_reason(err, why, sizeof(why));
		if (nl_last_errno() != EEXIST || tries)
			break;
		if (name_free(sh, where, name, 0, &waited) ||
		    (pname && name_free(sh, pwhere, pname, 0, &waited)))
			return 1;
		if (!waited)
			break;
	}
	return nsh_err(sh, "'%s': %s", name, why);
}

/*
 * ip link add NAME [netns NS] type veth peer [name] PEER [netns NS]: both
 * ends in one RTM_NEWLINK; each end may be created directly in another
 * namespace (IFLA_NET_NS_FD at the top level for the first end, inside
 * VETH_INFO_PEER for the peer).  An end without `netns` is created where
 * the command runs (SH->cur), as with iproute2.
 */
static int cmd_add_veth(struct nsh *sh, const struct nsh_args *a)
{
	const char *name = arg_str(a, "newif");
	const char *pname = arg_str(a, "peer");
	_cleanup_ns_ struct nsh_ns ns = NS_NONE, pns = NS_NONE;
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	_cleanup_(rtnl_link_putp) struct rtnl_link *peer = NULL;
	const struct nsh_ns *where, *pwhere;
	char d[300];

	if (resolve_target(sh, arg_str(a, "nsref"), &ns) ||
	    resolve_target(sh, arg_str(a, "peer_netns"), &pns))
		return 1;
	where = ns.fd >= 0 ? &ns : &sh->cur;
	pwhere = pns.fd >= 0 ? &pns : &sh->cur;
	if (ns_same(where, pwhere) && streq(name, pname))
		return nsh_err(sh, "'%s': both ends of a veth pair would have "
				   "this name in %s",
			       name, ns_desc(where, d, sizeof(d)));

	l = rtnl_link_veth_alloc();
	if (!l)
		return nsh_err(sh, "out of memory");
	peer = rtnl_link_veth_get_peer(l);
	rtnl_link_set_name(l, name);
	rtnl_link_set_name(peer, pname);
	/* the tag `cleanup` knows nsh's links by (shell/journal.c) */
	rtnl_link_set_group(l, journal_group());
	rtnl_link_set_group(peer, journal_group());
	if (!ns_same(where, &sh->cur))
		rtnl_link_set_ns_fd(l, where->fd);
	if (!ns_same(pwhere, &sh->cur))
		rtnl_link_set_ns_fd(peer, pwhere->fd);
	return add_link(sh, l, where, name, pwhere, pname);
}

/* ip link add NAME type bridge */
static int cmd_add_bridge(struct nsh *sh, const struct nsh_args *a)
{
	const char *name = arg_str(a, "newif");
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	int err;

	l = rtnl_link_alloc();
	if (!l)
		return nsh_err(sh, "out of memory");
	err = rtnl_link_set_type(l, "bridge");
	if (err < 0)
		return nsh_err(sh, "'%s': %s", name, nl_geterror(err));
	rtnl_link_set_name(l, name);
	rtnl_link_set_group(l, journal_group());
	return add_link(sh, l, &sh->cur, name, NULL, NULL);
}

/* ------------------------------------------------------------ set */

/* how many times keyword KW was given */
static int kw_count(const struct nsh_args *a, const char *kw)
{
	int n = 0;

	for (int i = 0; i < a->nbind; i++)
		if (a->bind[i].is_kw && streq(a->bind[i].name, kw))
			n++;
	return n;
}

/*
 * check_repeats - refuse a setting given twice and settings that
 * contradict each other (iproute2 silently keeps the last one).  `netns`
 * with `master` is refused too: the kernel moves the link first and then
 * reads the master's ifindex in the new namespace, not where the user
 * named the bridge.
 */
static int check_repeats(struct nsh *sh, const struct nsh_args *a)
{
	static const char *const once[] = { "up", "down", "netns", "master",
					     "nomaster", "mtu", "name",
					     "address" };
	static const struct {
		const char *a, *b, *hint;
	} clash[] = {
		{ "up", "down", "" },
		{ "master", "nomaster", "" },
		{ "netns", "master", "; set it after the move, with "
				     "'ip -n NS link set … master …'" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(once); i++)
		if (kw_count(a, once[i]) > 1)
			return nsh_err(sh, "'%s': given more than once",
				       once[i]);
	for (size_t i = 0; i < ARRAY_SIZE(clash); i++)
		if (arg_has(a, clash[i].a) && arg_has(a, clash[i].b))
			return nsh_err(sh, "'%s': cannot be combined with "
					   "'%s'%s",
				       clash[i].b, clash[i].a, clash[i].hint);
	return 0;
}

/*
 * check_master - BRIDGE must be a bridge in SH->cur and L a link that can
 * be its port.  On success *RET_INDEX is the bridge's ifindex.
 */
static int check_master(struct nsh *sh, struct rtnl_link *l,
			const char *bridge, int *ret_index)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *br = NULL;
	const char *name = rtnl_link_get_name(l);

	if (link_lookup(sh, bridge, &br))
		return 1;
	if (!is_bridge(br))
		return nsh_err(sh, "'%s': not a bridge (it is %s%s)", bridge,
			       *link_kind(br) ? "a " : "a link without a kind",
			       link_kind(br));
	if (rtnl_link_get_ifindex(br) == rtnl_link_get_ifindex(l))
		return nsh_err(sh, "'%s': a bridge cannot be its own port",
			       name);
	if (is_bridge(l))
		return nsh_err(sh, "'%s': a bridge cannot be a port of another "
				   "bridge",
			       name);
	if (is_loopback(l))
		return nsh_err(sh, "'%s': the loopback device cannot be a "
				   "bridge port",
			       name);
	*ret_index = rtnl_link_get_ifindex(br);
	return 0;
}

/* put IFNAME's IFF_UP back to WAS_UP (after a refused change) */
static void undo_up(struct nsh *sh, const char *ifname, bool was_up)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *orig = rtnl_link_alloc();
	_cleanup_(rtnl_link_putp) struct rtnl_link *chg = rtnl_link_alloc();
	int err;

	if (!orig || !chg)
		return;
	rtnl_link_set_name(chg, ifname);
	if (was_up)
		rtnl_link_set_flags(chg, IFF_UP);
	else
		rtnl_link_unset_flags(chg, IFF_UP);
	(void)send_only(sh, REQ_CHANGE, orig, chg, &err);
}

/*
 * ip link set IFNAME master BRIDGE [up|down], the line that puts each
 * namespace of a lab on its bridge, without an RTM_GETLINK: IFNAME's
 * ifindex and flags come from two ioctls, BRIDGE's kind from an earlier
 * lookup while it is still the same device (bridge_index).  The kernel
 * brings a link up (or down) before it enslaves it: if it then refuses
 * the master (IFNAME is a bridge, BRIDGE no longer one), the flag is put
 * back and the refusal explained by the checks.  0 or 1 when done; -1
 * when nothing was sent and the checked way must say why.
 */
static int set_master_fast(struct nsh *sh, const struct nsh_args *a,
			   const char *ifname, const char *bridge)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *orig = NULL;
	_cleanup_(rtnl_link_putp) struct rtnl_link *chg = NULL;
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	bool up = arg_has(a, "up"), down = arg_has(a, "down");
	unsigned flags;
	int self, master, err, rc;
	char why[256];

	rc = link_brief(sh, ifname, &self, &flags);
	if (!rc)
		rc = bridge_index(sh, bridge, &master);
	if (rc)
		return rc;
	if (self == master || (flags & IFF_LOOPBACK))
		return -1;
	orig = rtnl_link_alloc();
	chg = rtnl_link_alloc();
	if (!orig || !chg)
		return nsh_err(sh, "out of memory");
	rtnl_link_set_name(chg, ifname);
	rtnl_link_set_master(chg, master);
	if (up)
		rtnl_link_set_flags(chg, IFF_UP);
	if (down)
		rtnl_link_unset_flags(chg, IFF_UP);
	if (send_only(sh, REQ_CHANGE, orig, chg, &err))
		return 1;
	if (err >= 0)
		return 0;
	nl_reason(err, why, sizeof(why));
	if ((up || down) && up != !!(flags & IFF_UP))
		undo_up(sh, ifname, flags & IFF_UP);
	if (link_lookup(sh, ifname, &l) || check_master(sh, l, bridge, &master))
		return 1;
	return nsh_err(sh, "'%s': %s", ifname, why);
}

/*
 * ip link set IFNAME SETTING…: everything is checked first, then sent as
 * one RTM_NEWLINK (rtnl_link_change), a namespace move included, as
 * iproute2 does.  The kernel moves the link first, then applies the other
 * settings in the target namespace (a new name is checked there).  Without
 * a move, a new name or a master there is nothing to check: the link is
 * named in the request and not looked up, unless the kernel says it does
 * not exist.
 */
static int cmd_set(struct nsh *sh, const struct nsh_args *a)
{
	const char *ifname = arg_str(a, "ifname");
	const char *newname = arg_str(a, "newname");
	const char *bridge = arg_str(a, "bridge");
	const struct nsh_val *mtu = arg_val(a, "mtu");
	const struct nsh_val *mac = arg_val(a, "mac");
	_cleanup_ns_ struct nsh_ns ns = NS_NONE;
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	_cleanup_(rtnl_link_putp) struct rtnl_link *chg = NULL;
	const struct nsh_ns *where = &sh->cur;
	bool move = false;
	int self, master = 0, err;
	char why[256];

	if (check_repeats(sh, a))
		return 1;
	if (bridge && !newname && !mtu && !mac && !arg_has(a, "nsref")) {
		int rc = set_master_fast(sh, a, ifname, bridge);

		if (rc >= 0)
			return rc;
	}
	if (!newname && !bridge && !arg_has(a, "nsref"))
		goto send;
	if (link_lookup(sh, ifname, &l))
		return 1;
	self = rtnl_link_get_ifindex(l);
	if (resolve_target(sh, arg_str(a, "nsref"), &ns))
		return 1;
	if (ns.fd >= 0 && !ns_same(&ns, &sh->cur)) {
		move = true;
		where = &ns;
		if (is_bridge(l) || is_loopback(l))
			return nsh_err(sh, "'%s': bridges and lo cannot move "
					   "to another namespace",
				       ifname);
	}
	/* the name the link will have where it will be */
	if (move || (newname && !streq(newname, ifname)))
		if (name_free(sh, where, newname ? newname : ifname,
			      move ? 0 : self, NULL))
			return 1;
	if (bridge && check_master(sh, l, bridge, &master))
		return 1;
send:
	chg = rtnl_link_alloc();
	if (!l)
		l = rtnl_link_alloc();
	if (!chg || !l)
		return nsh_err(sh, "out of memory");
	/* no ifindex in L: the kernel finds the link by this name */
	if (!rtnl_link_get_ifindex(l))
		rtnl_link_set_name(chg, ifname);
	if (arg_has(a, "up"))
		rtnl_link_set_flags(chg, IFF_UP);
	if (arg_has(a, "down"))
		rtnl_link_unset_flags(chg, IFF_UP);
	if (move)
		rtnl_link_set_ns_fd(chg, ns.fd);
	if (bridge)
		rtnl_link_set_master(chg, master);
	if (arg_has(a, "nomaster"))
		rtnl_link_set_master(chg, 0);
	if (mtu)
		rtnl_link_set_mtu(chg, (unsigned int)mtu->num);
	if (newname)
		rtnl_link_set_name(chg, newname);
	if (mac) {
		_cleanup_(nl_addr_putp) struct nl_addr *ad =
			nl_addr_build(AF_LLC, mac->mac, sizeof(mac->mac));

		if (!ad)
			return nsh_err(sh, "out of memory");
		rtnl_link_set_addr(chg, ad);
	}
	if (send_only(sh, REQ_CHANGE, l, chg, &err))
		return 1;
	if (err >= 0)
		return 0;
	if (nl_last_errno() == ENODEV && !rtnl_link_get_ifindex(l))
		return link_no_such(sh, &sh->cur, ifname);
	return nsh_err(sh, "'%s': %s", ifname, nl_reason(err, why, sizeof(why)));
}

/* ------------------------------------------------------------ delete */

/*
 * ip link delete IFNAME (a veth takes its peer along, wherever it is).
 * Not held behind the teardown barrier (`ip netns del …` x N, then `ip
 * link del br0` overlaps the kernel's namespace cleanup), unless IFNAME
 * may be a peer the deleted namespaces take along: then it waits for them
 * first, and IFNAME is likely gone.
 */
static int cmd_delete(struct nsh *sh, const struct nsh_args *a)
{
	const char *ifname = arg_str(a, "ifname");
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	_cleanup_(rtnl_link_putp) struct rtnl_link *del = NULL;
	int32_t nsid;

	if (link_lookup(sh, ifname, &l))
		return 1;
	if (teardown_may_be_peer(sh, &sh->cur, rtnl_link_get_ifindex(l),
				 rtnl_link_get_link_netnsid(l, &nsid) == 0 ?
					 &nsid : NULL)) {
		rtnl_link_put(TAKE_PTR(l));
		teardown_wait(sh);
		if (link_lookup(sh, ifname, &l))
			return 1;
	}
	if (is_loopback(l))
		return nsh_err(sh, "'%s': the loopback device cannot be "
				   "deleted",
			       ifname);
	del = rtnl_link_alloc();
	if (!del)
		return nsh_err(sh, "out of memory");
	rtnl_link_set_ifindex(del, rtnl_link_get_ifindex(l));
	return send_req(sh, REQ_DELETE, NULL, del, ifname);
}

/* ------------------------------------------------------------ show */

static int cmd_show(struct nsh *sh, const struct nsh_args *a)
{
	return link_show(sh, arg_str(a, "ifname"));
}

static const struct nsh_cmd link_cmds[] = {
	{ "ip link add/a [ name ] NEWIF [ netns NSREF ] type veth peer "
	  "[ name ] NEWIF$peer [ netns NSREF$peer_netns ]",
	  "create a veth pair (either end may go straight into a namespace)",
	  cmd_add_veth, 0,
	  "ip link add veth1 type veth peer name veth2 netns ns2" },
	{ "ip link add/a [ name ] NEWIF type bridge", "create a bridge",
	  cmd_add_bridge, 0, "ip link add br0 type bridge" },
	{ "ip link set/s [ dev ] IFNAME { up | down | netns NSREF | "
	  "master BRIDGE | nomaster | mtu MTU | name NEWIF$newname | "
	  "address MAC } ...",
	  "change a link: state, namespace, bridge, MTU, name, address",
	  cmd_set, 0, "ip link set veth1 netns ns1" },
	{ "ip link delete [ dev ] IFNAME",
	  "delete a link (a veth takes its peer along)", cmd_delete,
	  NSH_CMD_NOBARRIER,
	  "ip link del veth1" },
	{ "ip link", "list the links", cmd_show },
	{ "ip link ( show | list/l | lst ) [ [ dev ] IFNAME ]",
	  "list the links, or show one", cmd_show, 0, "ip -j link show veth1" },
	{ NULL },
};

const struct nsh_family link_family = {
	"link", "ip link: create, change, delete and list links", link_cmds,
};
