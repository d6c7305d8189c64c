/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * expect.c - checks a lab makes of itself: `expect reach`, `no-reach`,
 * `link`, `addr`, `master` and `netns`, the same at the prompt, in a
 * script (where a failing one stops it at its line) and under
 * `nsh --check FILE` (shell/check.c), which grades a lab built by hand.
 *
 * Reachability is real: an ICMP echo sent from inside the namespace on a
 * raw socket (opened there, used from here), retried until the deadline.
 * Everything else is read from the live model (shell/model.h).  When a
 * reach fails, the path finder (cmds/show.h) names the first broken hop.
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
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "core.h"
#include "model.h"
#include "show.h"
#include "probe.h"

#define REACH_MS 3000		/* default window of `expect reach` */
#define NO_REACH_MS 1000	/* the window of `expect no-reach` */
#define MAX_MS 600000		/* the longest window `within` accepts */
#define PROBE_EVERY_MS 200	/* one echo request this often */


/* the three texts of a verdict */
struct out {
	char *what, *found, *hint;
	size_t len;
};

#define SAY(buf, ...) snprintf(o->buf, o->len, __VA_ARGS__)


/* ------------------------------------------------------------ names */

/*
 * find_ns - the namespace REF names in the model: a /run/netns name or
 * `spawn` label, "host", or the PID of a process in one.  NULL with the
 * reason in WHY (LEN bytes; nothing is printed: a student's missing
 * namespace is a failed check, not an error).
 */
static struct model_ns *find_ns(struct model *m, const char *ref,
				char *why, size_t len)
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
		*ret_ns = find_ns(m, x.ns, o->found, o->len);
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
	show_addrs(ns, l->ifindex, p->family == AF_INET6 && p->addr[0] == 0xfe &&
		   (p->addr[1] & 0xc0) == 0x80, ", ", have, sizeof(have));
	if (!have[0])
		SAY(found, "it has no address");
	else
		SAY(found, "it has %s%s", have,
		    other_len ? " (another prefix length)" : "");
	return false;
}

/* ------------------------------------------------------------ master, netns */

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

/* ------------------------------------------------------------ pings */

/* an echo sender inside one namespace */
struct probe {
	int fd[2];		/* raw ICMP, ICMPv6 sockets; -1: not open */
	struct icmp_probe ip;	/* identifier, sequence, send times */
	double rtt;		/* of the answer, in ms */
	char err[200];		/* the last ICMP error or send failure */
};

static double now_ms(void)
{
	return mono_ms();
}

/*
 * probe_open - the raw socket of FAMILY inside FROM: made there (the
 * process enters FROM for the socket() call only), used from here.  Only
 * echo replies and the errors that can answer an echo get through.
 */
static int probe_open(struct probe *p, struct nsh *sh, struct model *m,
		      const struct model_ns *from, int family)
{
	int i = family == AF_INET6, fd, err;
	struct nsh_ns ns;

	if (p->fd[i] >= 0)
		return p->fd[i];
	err = model_ns_open(sh, from, &ns);
	if (err < 0) {
		snprintf(p->err, sizeof(p->err), "cannot open its namespace: "
			 "%s", strerror(-err));
		return -1;
	}
	fd = icmp_probe_socket(sh, &ns, family);
	ns_close(&ns);
	if (fd < 0) {
		snprintf(p->err, sizeof(p->err), "cannot open a raw ICMP "
			 "socket: %s", strerror(-fd));
		return -1;
	}
	return p->fd[i] = fd;
}

/* send one echo request to X on FD */
static void probe_send(struct probe *p, int fd, const struct nsh_prefix *x)
{
	int err = icmp_probe_send(&p->ip, fd, x);

	if (err < 0)
		snprintf(p->err, sizeof(p->err), "cannot send: %s",
			 strerror(-err));
}

/* what an ICMP error of TYPE/CODE says, in words */
static const char *icmp_words(int family, int type, int code)
{
	bool v4 = family == AF_INET;

	if (type == (v4 ? ICMP_TIME_EXCEEDED : ICMP6_TIME_EXCEEDED))
		return "time exceeded (a routing loop?)";
	if (code == (v4 ? ICMP_NET_UNREACH : ICMP6_DST_UNREACH_NOROUTE))
		return "network unreachable";
	if (code == (v4 ? ICMP_HOST_UNREACH : ICMP6_DST_UNREACH_ADDR))
		return "host unreachable";
	if (v4 ? code == ICMP_NET_ANO || code == ICMP_HOST_ANO ||
		 code == ICMP_PKT_FILTERED : code == ICMP6_DST_UNREACH_ADMIN)
		return "administratively prohibited";
	return "destination unreachable";
}

/*
 * probe_read - take one packet from FD: true when it is the answer to one
 * of our echoes from X; an ICMP error about one of them is kept in P->err.
 */
static bool probe_read(struct probe *p, int fd, const struct nsh_prefix *x)
{
	struct icmp_answer a;
	char ip[64];

	switch (icmp_probe_read(&p->ip, fd, x, &a)) {
	case ICMP_REPLY:
		p->rtt = a.rtt_ms;
		return true;
	case ICMP_ERROR:
		snprintf(p->err, sizeof(p->err), "%s (reported by %s)",
			 icmp_words(x->family, a.type, a.code),
			 show_ip(x->family, a.from, ip, sizeof(ip)));
		return false;
	default:
		return false;
	}
}

/* ------------------------------------------------------------ reach */

/*
 * target_addr - the address to ping for TARGET: a namespace's first global
 * IPv4 address on a link that is up (else on any link; IPv6 when it has
 * no IPv4), or the address TARGET is.  Fills *RET_NS (NULL for an address)
 * and returns false with the reason in O->found.
 */
static bool target_addr(struct model *m, const char *target,
			struct model_ns **ret_ns, struct nsh_prefix *ret,
			struct out *o)
{
	struct model_ns *ns = model_ns_by_name(m, target);
	const char *err = NULL;
	char ebuf[128], esc[300];

	if (!ns && streq(target, "host"))
		ns = m->ns[0];
	*ret_ns = ns;
	if (!ns) {
		if (parse_prefix(target, false, ret, ebuf, sizeof(ebuf),
				 &err) == 0)
			return true;
		str_escape(target, esc, sizeof(esc));
		if (strchr(target, '/') || strspn(target, "0123456789abcdef"
					"ABCDEF.:") == strlen(target))
			SAY(found, "'%s': %s", esc, err ? err : ebuf);
		else
			SAY(found, "there is no namespace '%s'", esc);
		return false;
	}
	for (int pass = 0; pass < 4; pass++)
		for (int i = 0; i < ns->naddrs; i++) {
			const struct model_addr *x = &ns->addrs[i];
			const struct model_link *l =
				model_link_by_index(ns, x->ifindex);

			if (x->family != (pass < 2 ? AF_INET : AF_INET6) ||
			    x->scope != RT_SCOPE_UNIVERSE || !l ||
			    (pass % 2 == 0 && !(l->flags & IFF_UP)))
				continue;
			memset(ret, 0, sizeof(*ret));
			ret->family = x->family;
			memcpy(ret->addr, x->addr, sizeof(ret->addr));
			ret->len = x->family == AF_INET ? 32 : 128;
			return true;
		}
	SAY(found, "%s has no global address to send to",
	    model_ns_label(ns));
	return false;
}

/* O->hint: the first break the path finder sees from FROM to TO (a
 * namespace) or X; when it sees none, its first note */
static void path_hint(struct model *m, struct model_ns *from,
		      struct model_ns *to, const struct nsh_prefix *x,
		      struct out *o)
{
	struct path p;

	if (to == from)
		return;
	path_find(m, from, to, to ? NULL : x, &p);
	if (p.nbrk)
		SAY(hint, "%s", p.brk[0].line);
	else if (p.nnotes)
		SAY(hint, "%s", p.notes[0]);
	else
		SAY(hint, "the path finder sees no break: look at firewalls "
			  "and sysctls");
	path_free(&p);
}

/* the window of `within`: "2 s", "500 ms" or one word "2s", "500ms";
 * -1 with the reason in O->found */
static long within_ms(const struct nsh_args *a, struct out *o)
{
	const struct nsh_val *v = arg_val(a, "window");
	const char *w = arg_str(a, "window_word");
	unsigned long n;
	char num[16];
	size_t d;
	long ms;

	if (v) {
		ms = arg_has(a, "ms") ? v->num : v->num * 1000;
	} else if (w) {
		d = strspn(w, "0123456789");
		snprintf(num, sizeof(num), "%.*s", (int)d, w);
		if (d == 0 || d >= sizeof(num) - 1 ||
		    parse_uint(num, MAX_MS, &n) < 0 ||
		    (!streq(w + d, "s") && !streq(w + d, "ms"))) {
			SAY(found, "'%.40s': not a time like 2s, 2 s or "
				   "500ms", w);
			return -1;
		}
		ms = streq(w + d, "ms") ? (long)n : (long)n * 1000;
	} else {
		return REACH_MS;
	}
	if (ms < 1 || ms > MAX_MS) {
		SAY(found, "the time must be from 1 ms to %d s", MAX_MS / 1000);
		return -1;
	}
	return ms;
}

/* "3 s" or "500 ms" */
static const char *ms_text(long ms, char *buf, size_t len)
{
	snprintf(buf, len, ms % 1000 ? "%ld ms" : "%ld s",
		 ms % 1000 ? ms : ms / 1000);
	return buf;
}

/*
 * ex_reach - `expect reach` (WANT) and `expect no-reach` (!WANT): echo
 * requests from the namespace every PROBE_EVERY_MS until an answer or the
 * deadline.  A namespace target's address is looked up again each round,
 * so a link that comes up during the window counts.
 */
static bool ex_reach(struct nsh *sh, struct model *m,
		     const struct nsh_args *a, bool want, struct out *o)
{
	const char *ref = arg_str(a, "from"), *target = arg_str(a, "target");
	struct probe p = { .fd = { -1, -1 } };
	long window = want ? within_ms(a, o) : NO_REACH_MS;
	struct model_ns *from = NULL, *to = NULL;
	struct nsh_prefix x = { 0 };
	char resc[300], tesc[300], ip[64], t[32];
	bool have = false, got = false, gone = false;
	double end, next = 0, wait;

	str_escape(ref, resc, sizeof(resc));
	str_escape(target, tesc, sizeof(tesc));
	SAY(what, "%s %s %s", resc, want ? "reaches" : "does not reach",
	    tesc);
	if (window < 0 || !find_ns(m, ref, o->found, o->len))
		return false;
	p.ip.id = echo_id();
	p.ip.len = 64;
	memcpy(p.ip.cookie, "nsh expect reach", sizeof(p.ip.cookie));
	end = now_ms() + (double)window;
	while (!got && !gone) {
		struct pollfd pfd[2];
		double now = now_ms();
		int fd = -1, nfd = 0;

		if (now >= end)
			break;
		if (nsh_interrupted) {
			SAY(found, "interrupted");
			gone = true;
			break;
		}
		if (now >= next) {
			/* the model moves on as links come up */
			m = model_get(sh);
			from = m ? find_ns(m, ref, o->found, o->len) : NULL;
			have = from && target_addr(m, target, &to, &x, o);
			if (!from || (!have && !to)) {
				gone = true;	/* no such thing: no retry */
				break;
			}
			if (have && (fd = probe_open(&p, sh, m, from,
						     x.family)) < 0) {
				SAY(found, "%s", p.err);
				gone = true;	/* cannot even try */
				break;
			}
			if (have)
				probe_send(&p, fd, &x);
			next = now + PROBE_EVERY_MS;
		}
		for (int i = 0; i < 2; i++)
			if (p.fd[i] >= 0)
				pfd[nfd++] = (struct pollfd){
					.fd = p.fd[i], .events = POLLIN };
		wait = (next < end ? next : end) - now;
		if (poll(pfd, (nfds_t)nfd, (int)wait + 1) < 0 &&
		    errno != EINTR)
			break;
		for (int i = 0; i < nfd && have && !got; i++)
			if (pfd[i].revents & POLLIN)
				got = probe_read(&p, pfd[i].fd, &x);
	}
	for (int i = 0; i < 2; i++)
		if (p.fd[i] >= 0)
			close(p.fd[i]);
	if (gone)
		return false;
	if (have && to)
		SAY(what, "%s %s %s (%s)", resc, want ? "reaches" :
		    "does not reach", tesc, show_ip(x.family, x.addr, ip,
						    sizeof(ip)));
	if (got)
		SAY(found, "answered in %.2f ms", p.rtt);
	else if (have)
		SAY(found, "no answer within %s%s%s", ms_text(window, t,
							      sizeof(t)),
		    p.err[0] ? ": " : "", p.err);
	/* else target_addr said why */
	if (!want)
		return !got;
	if (!got)	/* the model as the last round saw it */
		path_hint(m, from, to, &x, o);
	return got;
}

/* ------------------------------------------------------------ graders' checks */

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
	if (!(ns = find_ns(m, ref, o->found, o->len)))
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
	if (!(ns = find_ns(m, ref, o->found, o->len)))
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
	if (!(ns = find_ns(m, ref, o->found, o->len)))
		return false;
	if (ns_procs(ns->dev, ns->ino, comm_is, (void *)name))
		return true;
	SAY(found, "none");
	return false;
}

/* ------------------------------------------------------------ the commands */

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
	{ "expect link WORD$nsif ( up | down )",
	  "check that a link (NS:IFNAME, host:IFNAME or IFNAME) is up or down",
	  cmd_expect, 0, "expect link ns2:veth-ns2 up",
	  "{ipn:nsif} link show {if:nsif}   (look for state UP/DOWN)" },
	{ "expect addr WORD$nsif IFADDR",
	  "check that a link (NS:IFNAME or IFNAME) has an address",
	  cmd_expect, 0, "expect addr ns1:veth-ns1 192.168.50.2/16",
	  "{ipn:nsif} addr show dev {if:nsif}   (look for {ifaddr})" },
	{ "expect master WORD$nsif BRIDGE",
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
