/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * expect.c - checks a lab makes of itself: `expect reach`, `no-reach`,
 * `link`, `addr`, `master` and `netns`, the same at the prompt, in a
 * script (where a failing one stops it at its line) and under
 * `nsh --check FILE` (shell/check.c), which grades a lab built by hand.
 *
 * Reachability is real: ICMP echoes sent from inside the namespace
 * (expect_reach.c).  Everything else is read from the live model
 * (shell/lab/model.h), but a namespace's sysctls and processes.
 *
 * expect_eval() never prints: it returns what was expected and what was
 * found, so `--check` can put each check on one line of its own.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "core.h"
#include "expect.h"
#include "model.h"
#include "show.h"
#include "why.h"

/* ------------------------------------------------------------ names */

/* expect_ns: see expect.h */
struct model_ns *expect_ns(struct model *m, const char *ref, char *why,
			   size_t len)
{
	enum model_ref_why w;
	const char *bad;
	struct model_ns *ns = model_ns_ref(m, ref, &w, &bad);
	char esc[300];

	if (ns)
		return ns;
	str_escape(ref, esc, sizeof(esc));
	if (w == MODEL_REF_BAD)
		snprintf(why, len, "'%s': %s", esc, bad);
	else
		snprintf(why, len, "there is no namespace '%s'", esc);
	return NULL;
}

/*
 * find_link - "NS:IFNAME" (read by nsif_read: the last ':' splits) or
 * a bare IFNAME in the namespace nsh acts in.  Fills *RET_NS and returns
 * the link, or NULL with the reason in O->found.
 */
static struct model_link *find_link(struct nsh *sh, struct model *m,
				    const char *word, struct model_ns **ret_ns,
				    struct out *o)
{
	struct model_link *l;
	const char *bad;
	struct nsif x;
	char esc[64];

	nsif_read(word, &x);
	if ((bad = check_link_name(x.ifname))) {
		SAY(found, "'%s': %s", str_escape(x.ifname, esc, sizeof(esc)),
		    bad);
		return NULL;
	}
	if (!x.bare) {
		*ret_ns = expect_ns(m, x.ns, o->found, o->len);
	} else {
		*ret_ns = model_ns_cur(m, sh);
		if (!*ret_ns)
			SAY(found, "the namespace nsh is in is not in the "
				   "model");
	}
	if (!*ret_ns)
		return NULL;
	l = model_link_by_name(*ret_ns, x.ifname);
	if (!l)
		SAY(found, "%s has no link '%s'", model_ns_label(*ret_ns),
		    str_escape(x.ifname, esc, sizeof(esc)));
	return l;
}

/* ------------------------------------------------------------ link, addr */

/* expect link NSIF up|down: its state (up without a carrier fails) */
static bool ex_link(struct nsh *sh, struct model *m, const struct nsh_args *a,
		    struct out *o)
{
	const char *word = arg_str(a, "nsif");
	bool want_up = arg_has(a, "up"), up;
	struct model_ns *ns;
	struct model_link *l;
	char esc[300];

	SAY(what, "%s is %s", str_escape(word, esc, sizeof(esc)),
	    want_up ? "up" : "down");
	if (!(l = find_link(sh, m, word, &ns, o)))
		return false;
	up = l->flags & IFF_UP;
	if (up && !show_carrier(m, ns, l))
		SAY(found, "it is up, without a carrier");
	else if (up != want_up)
		SAY(found, "it is %s", up ? "up" : "down");
	return up == want_up;
}

/* expect addr NSIF IFADDR: the link has the address (and length) */
static bool ex_addr(struct nsh *sh, struct model *m, const struct nsh_args *a,
		    struct out *o)
{
	const char *word = arg_str(a, "nsif");
	const struct nsh_prefix *p = &arg_val(a, "ifaddr")->pfx;
	size_t alen = p->family == AF_INET ? 4 : 16;
	bool other_len = false;
	struct model_ns *ns;
	struct model_link *l;
	char want[64], have[400], ip[64], esc[300];

	prefix_str(p, p->has_len, want, sizeof(want));
	SAY(what, "%s has %s", str_escape(word, esc, sizeof(esc)), want);
	if (!(l = find_link(sh, m, word, &ns, o)))
		return false;
	for (int i = 0; i < ns->naddrs; i++) {
		const struct model_addr *x = &ns->addrs[i];

		if (x->ifindex != l->ifindex || x->family != p->family ||
		    memcmp(x->addr, p->addr, alen))
			continue;
		if (!p->has_len)
			SAY(found, "it has %s/%d", show_ip(x->family, x->addr,
							   ip, sizeof(ip)),
			    x->plen);
		if (!p->has_len || x->plen == p->len)
			return true;
		other_len = true;
	}
	/* the link-local ones too when one is expected */
	show_addrs(ns, l->ifindex,
		   p->family == AF_INET6 && p->addr[0] == 0xfe &&
		   (p->addr[1] & 0xc0) == 0x80, ", ", have, sizeof(have));
	if (!have[0])
		SAY(found, "it has no address");
	else
		SAY(found, "it has %s%s", have,
		    other_len ? " (another prefix length)" : "");
	return false;
}

/* ------------------------------------------------------------ master, netns */

/* expect master NSIF BRIDGE: the link is a port of the bridge */
static bool ex_master(struct nsh *sh, struct model *m,
		      const struct nsh_args *a, struct out *o)
{
	const char *word = arg_str(a, "nsif");
	const char *bridge = arg_str(a, "bridge");
	const struct model_link *ml;
	struct model_ns *ns;
	struct model_link *l;
	char esc[300];

	SAY(what, "%s is a port of %s", str_escape(word, esc, sizeof(esc)),
	    bridge);
	if (!(l = find_link(sh, m, word, &ns, o)))
		return false;
	ml = l->master ? model_link_by_index(ns, l->master) : NULL;
	if (ml && streq(ml->name, bridge))
		return true;
	if (!l->master)
		SAY(found, "it has no master");
	else if (!ml)
		SAY(found, "its master is link %d, not in the model",
		    l->master);
	else
		SAY(found, "its master is %s", ml->name);
	if (!model_link_by_name(ns, bridge))
		snprintf(o->found + strlen(o->found),
			 o->len - strlen(o->found),
			 ", and %s has no link '%s'", model_ns_label(ns),
			 bridge);
	return false;
}

/* the namespace is in /run/netns (an nsfs mount, not a stale file), or
 * is a label of `spawn` (asked of the kernel and of nsh, not the model) */
static bool ex_netns(struct nsh *sh, const struct nsh_args *a,
		     struct out *o)
{
	const char *name = arg_str(a, "name");
	char path[PATH_MAX], esc[300];
	struct statfs sfs;
	int fd;

	str_escape(name, esc, sizeof(esc));
	SAY(what, "namespace '%s' exists", esc);
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		bool ok = fstatfs(fd, &sfs) == 0 && sfs.f_type == NSFS_MAGIC;

		close(fd);
		if (!ok)
			SAY(found, "%s/%s is a stale plain file, not a "
				   "namespace", NETNS_RUN_DIR, esc);
		return ok;
	}
	if (spawn_find(name)) {
		SAY(found, "spawn holds it (pid %d)", (int)spawn_find(name));
		return true;
	}
	SAY(found, "there is no '%s' in %s", esc, NETNS_RUN_DIR);
	return false;
}

/* ------------------------------------------------------------ graders */

/* does route R match prefix P (AF_UNSPEC: the default route of any
 * family)? */
static bool route_is(const struct model_route *r, const struct nsh_prefix *p)
{
	size_t full;

	if (p->family == AF_UNSPEC)
		return r->dst_len == 0;
	if (r->family != p->family || r->dst_len != p->len)
		return false;
	full = (size_t)p->len / 8;
	if (memcmp(r->dst, p->addr, full))
		return false;
	return p->len % 8 == 0 ||
	       !((r->dst[full] ^ p->addr[full]) & (0xff00 >> (p->len % 8)));
}

/* a main-table unicast route of NS to P, through GW and DEV if given */
static const struct model_route *find_route(struct model_ns *ns,
					    const struct nsh_prefix *p,
					    const struct nsh_val *gw,
					    const struct model_link *dev)
{
	for (int i = 0; i < ns->nroutes; i++) {
		const struct model_route *r = &ns->routes[i];
		size_t alen = r->family == AF_INET ? 4 : 16;

		if (r->table != RT_TABLE_MAIN || r->type != RTN_UNICAST ||
		    !route_is(r, p))
			continue;
		if (gw && (!r->has_gw || r->family != gw->pfx.family ||
			   memcmp(r->gw, gw->pfx.addr, alen)))
			continue;
		if (dev && r->oif != dev->ifindex)
			continue;
		return r;
	}
	return NULL;
}

/* expect route NS PREFIX [via GW] [dev IF] (WANT), expect no-route (!WANT) */
static bool ex_route(struct nsh *sh, struct model *m, const struct nsh_args *a,
		     bool want, struct out *o)
{
	const struct nsh_prefix *p = &arg_val(a, "dst")->pfx;
	const struct nsh_val *gw = arg_has(a, "via") ? arg_val(a, "gw") : NULL;
	const char *devname = arg_has(a, "dev") ? arg_str(a, "dev") : NULL;
	const char *ref = arg_str(a, "ns");
	struct model_ns *ns;
	const struct model_link *dev = NULL;
	char dst[64], g[64], esc[300];

	if (p->family == AF_UNSPEC)
		snprintf(dst, sizeof(dst), "default");
	else
		prefix_str(p, true, dst, sizeof(dst));
	SAY(what, "%s has %sa route to %s%s%s%s%s", str_escape(ref, esc,
							       sizeof(esc)),
	    want ? "" : "no ", dst, gw ? " via " : "",
	    gw ? show_ip(gw->pfx.family, gw->pfx.addr, g, sizeof(g)) : "",
	    devname ? " dev " : "", devname ? devname : "");
	if (!(ns = expect_ns(m, ref, o->found, o->len)))
		return false;
	if (devname && !(dev = model_link_by_name(ns, devname))) {
		SAY(found, "%s has no link '%s'", model_ns_label(ns), devname);
		return false;
	}
	if ((find_route(ns, p, gw, dev) != NULL) == want)
		return true;
	if (want && find_route(ns, p, NULL, NULL))
		SAY(found, "its route to %s goes another way", dst);
	else
		SAY(found, want ? "no such route in its main table"
				: "it has one");
	return false;
}

/* expect sysctl NS KEY VALUE: /proc/sys/KEY inside NS reads VALUE */
static bool ex_sysctl(struct nsh *sh, struct model *m, const struct nsh_args *a,
		      struct out *o)
{
	const char *ref = arg_str(a, "ns"), *key = arg_str(a, "key");
	const char *want = arg_str(a, "value");
	struct model_ns *ns;
	int v;

	SAY(what, "%s has %s = %s", ref, key, want);
	if (!(ns = expect_ns(m, ref, o->found, o->len)))
		return false;
	if (strncmp(key, "net.", 4)) {
		SAY(found, "only net.* keys belong to a namespace");
		return false;
	}
	char path[256];

	snprintf(path, sizeof(path), "%s", key + 4);
	for (char *c = path; *c; c++)
		if (*c == '.')
			*c = '/';
	v = why_sysctl(sh, m, ns, path);
	if (v < 0) {
		SAY(found, "no such key there");
		return false;
	}
	if (v == atoi(want) && want[strspn(want, "0123456789-")] == '\0')
		return true;
	SAY(found, "it is %d", v);
	return false;
}

/* ns_procs() callback: the process's command is NAME */
static int comm_is(pid_t pid, const char *comm, void *name)
{
	return streq(comm, name);
}

/* expect process NS NAME: a process whose command is NAME runs in NS */
static bool ex_process(struct nsh *sh, struct model *m,
		       const struct nsh_args *a, struct out *o)
{
	const char *ref = arg_str(a, "ns"), *name = arg_str(a, "name");
	struct model_ns *ns;

	SAY(what, "a process '%s' runs in %s", name, ref);
	if (!(ns = expect_ns(m, ref, o->found, o->len)))
		return false;
	if (ns_procs(ns->dev, ns->ino, comm_is, (void *)name))
		return true;
	SAY(found, "none");
	return false;
}

/* ------------------------------------------------------------ the commands */

/* expect_eval: see core.h */
bool expect_eval(struct nsh *sh, const struct nsh_args *a, char *what,
		 char *found, char *hint, size_t len)
{
	struct out o = { what, found, hint, len };
	struct model *m;

	what[0] = found[0] = hint[0] = '\0';
	if (arg_has(a, "netns"))
		return ex_netns(sh, a, &o);
	m = model_get(sh);
	if (!m) {
		snprintf(what, len, "%s", a->cmd->syntax);
		snprintf(found, len, "the live model cannot be loaded");
		return false;
	}
	if (arg_has(a, "reach") || arg_has(a, "no-reach"))
		return ex_reach(sh, m, a, arg_has(a, "reach"), &o);
	if (arg_has(a, "link"))
		return ex_link(sh, m, a, &o);
	if (arg_has(a, "addr"))
		return ex_addr(sh, m, a, &o);
	if (arg_has(a, "route") || arg_has(a, "no-route"))
		return ex_route(sh, m, a, arg_has(a, "route"), &o);
	if (arg_has(a, "sysctl"))
		return ex_sysctl(sh, m, a, &o);
	if (arg_has(a, "process"))
		return ex_process(sh, m, a, &o);
	return ex_master(sh, m, a, &o);
}

/*
 * expect …: silent when it holds (one "ok: …" line at the prompt); else
 * "[FILE:LINE: ]expect failed: WHAT: FOUND", for a reach the first broken
 * hop on an indented line, and status 1, which stops a script.
 */
static int cmd_expect(struct nsh *sh, const struct nsh_args *a)
{
	char what[512], found[512], hint[800];

	if (expect_eval(sh, a, what, found, hint, sizeof(what))) {
		if (sh->interactive)
			printf("ok: %s%s%s\n", what, found[0] ? ": " : "",
			       found);
		return 0;
	}
	nsh_err_raw(sh, "expect failed: %s: %s", what, found);
	if (hint[0])
		fprintf(stderr, "  %s\n", hint);
	return 1;
}

static const struct nsh_cmd expect_cmds[] = {
	{ "expect reach NSREF$from WORD$target [ within ( UINT$window "
	  "( s | ms ) | WORD$window_word ) ]",
	  "check that a namespace gets an echo reply from another or from an "
	  "address (tried for 3 s, or the time given)",
	  cmd_expect, 0, "expect reach ns1 ns2 within 5 s",
	  "{exec:from} ping -c 1 -W 1 {addr:target}   (until it answers)" },
	{ "expect no-reach NSREF$from WORD$target",
	  "check that a namespace gets no answer from another or from an "
	  "address within 1 s", cmd_expect, 0,
	  "expect no-reach ns1 10.0.0.9",
	  "! {exec:from} ping -c 1 -W 1 {addr:target}" },
	{ "expect link LINKREF$nsif ( up | down )",
	  "check that a link (NS:IFNAME, host:IFNAME or IFNAME) is up or down",
	  cmd_expect, 0, "expect link ns2:veth-ns2 up",
	  "{ipn:nsif} link show {if:nsif}   (look for state UP/DOWN)" },
	{ "expect addr LINKREF$nsif IFADDR",
	  "check that a link (NS:IFNAME or IFNAME) has an address",
	  cmd_expect, 0, "expect addr ns1:veth-ns1 192.168.50.2/16",
	  "{ipn:nsif} addr show dev {if:nsif}   (look for {ifaddr})" },
	{ "expect master LINKREF$nsif BRIDGE",
	  "check that a link (NS:IFNAME or IFNAME) is a port of a bridge",
	  cmd_expect, 0, "expect master veth-br1 br0",
	  "{ipn:nsif} link show {if:nsif}   (look for master {bridge})" },
	{ "expect route NSREF$ns ROUTE$dst [ via ADDR$gw ] [ dev WORD$dev ]",
	  "check that a namespace has a route (main table) to a prefix or "
	  "default, through a gateway or link if given",
	  cmd_expect, 0, "expect route ns1 default via 10.0.0.1",
	  "{ipn:ns} route show {dst}" },
	{ "expect no-route NSREF$ns ROUTE$dst",
	  "check that a namespace has no route (main table) to a prefix",
	  cmd_expect, 0, "expect no-route ns1 10.9.0.0/24",
	  "{ipn:ns} route show {dst}   (empty)" },
	{ "expect sysctl NSREF$ns WORD$key WORD$value",
	  "check a namespace's sysctl (net.* keys)", cmd_expect, 0,
	  "expect sysctl r1 net.ipv4.ip_forward 1",
	  "ip netns exec {ns} sysctl -n {key}" },
	{ "expect process NSREF$ns WORD$name",
	  "check that a process of that command name runs in a namespace",
	  cmd_expect, 0, "expect process ns2 nginx",
	  "ip netns pids {ns}   (and their /proc/PID/comm)" },
	{ "expect netns NETNS$name", "check that a named namespace exists",
	  cmd_expect, 0, "expect netns ns1",
	  "ip netns list   (look for {name})" },
	{ NULL },
};

const struct nsh_family expect_family = {
	"expect", "checks a lab makes of itself, and grading", expect_cmds,
};
