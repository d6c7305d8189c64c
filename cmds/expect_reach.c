/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * expect_reach.c - `expect reach` and `expect no-reach`: real echo
 * requests, sent from inside the namespace on a raw socket (opened there,
 * used from here), retried until the deadline.  When a reach fails, the
 * path finder (shell/lab/path.h) names the first broken hop.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <netinet/ip_icmp.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "expect.h"
#include "model.h"
#include "probe.h"
#include "show.h"

#define REACH_MS 3000		/* default window of `expect reach` */
#define NO_REACH_MS 1000	/* the window of `expect no-reach` */
#define MAX_MS 600000		/* the longest window `within` accepts */
#define PROBE_EVERY_MS 200	/* one echo request this often */

/* ------------------------------------------------------------ pings */

/* an echo sender inside one namespace */
struct probe {
	int fd[2];		/* raw ICMP, ICMPv6 sockets; -1: not open */
	struct icmp_probe ip;	/* identifier, sequence, send times */
	double rtt;		/* of the answer, in ms */
	char err[200];		/* the last ICMP error or send failure */
};

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
	path_find(m, from, to, to ? NULL : x, show_state, &p);
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

/* a reach under way */
struct reach {
	struct nsh *sh;
	struct model *m;		/* as the last round saw it */
	const char *ref, *target;
	struct probe p;
	struct model_ns *from, *to;	/* TO: NULL for an address */
	struct nsh_prefix x;		/* the address pinged */
	bool have;			/* X is known */
	bool got;			/* an answer came */
	bool gone;			/* nothing (more) to try */
};

/* one round: the model again, the target's address, one echo request;
 * false when there is nothing to try (O->found says why) */
static bool reach_send(struct reach *r, struct out *o)
{
	int fd = -1;

	/* the model moves on as links come up */
	r->m = model_get(r->sh);
	r->from = r->m ? expect_ns(r->m, r->ref, o->found, o->len) : NULL;
	r->have = r->from && target_addr(r->m, r->target, &r->to, &r->x, o);
	if (!r->from || (!r->have && !r->to))
		return false;	/* no such thing: no retry */
	if (r->have && (fd = probe_open(&r->p, r->sh, r->m, r->from,
					r->x.family)) < 0) {
		SAY(found, "%s", r->p.err);
		return false;	/* cannot even try */
	}
	if (r->have)
		probe_send(&r->p, fd, &r->x);
	return true;
}

/* wait (from NOW) until NEXT or END for an answer on the open sockets;
 * false when poll fails */
static bool reach_wait(struct reach *r, double now, double next, double end)
{
	struct pollfd pfd[2];
	int nfd = 0;
	double wait;

	for (int i = 0; i < 2; i++)
		if (r->p.fd[i] >= 0)
			pfd[nfd++] = (struct pollfd){ .fd = r->p.fd[i],
						      .events = POLLIN };
	wait = (next < end ? next : end) - now;
	if (poll(pfd, (nfds_t)nfd, (int)wait + 1) < 0 && errno != EINTR)
		return false;
	for (int i = 0; i < nfd && r->have && !r->got; i++)
		if (pfd[i].revents & POLLIN)
			r->got = probe_read(&r->p, pfd[i].fd, &r->x);
	return true;
}

/* rounds every PROBE_EVERY_MS until an answer, the deadline END, an
 * interruption or nothing to try */
static void reach_loop(struct reach *r, double end, struct out *o)
{
	double next = 0;

	while (!r->got && !r->gone) {
		double now = mono_ms();

		if (now >= end)
			break;
		if (nsh_interrupted) {
			SAY(found, "interrupted");
			r->gone = true;
			break;
		}
		if (now >= next) {
			if (!reach_send(r, o)) {
				r->gone = true;
				break;
			}
			next = now + PROBE_EVERY_MS;
		}
		if (!reach_wait(r, now, next, end))
			break;
	}
}

/*
 * ex_reach - `expect reach` (WANT) and `expect no-reach` (!WANT): echo
 * requests from the namespace every PROBE_EVERY_MS until an answer or the
 * deadline.  A namespace target's address is looked up again each round,
 * so a link that comes up during the window counts.
 */
bool ex_reach(struct nsh *sh, struct model *m, const struct nsh_args *a,
	      bool want, struct out *o)
{
	struct reach r = { .sh = sh, .m = m, .ref = arg_str(a, "from"),
			   .target = arg_str(a, "target"),
			   .p = { .fd = { -1, -1 } } };
	long window = want ? within_ms(a, o) : NO_REACH_MS;
	const char *verb = want ? "reaches" : "does not reach";
	char resc[300], tesc[300], ip[64], t[32];

	str_escape(r.ref, resc, sizeof(resc));
	str_escape(r.target, tesc, sizeof(tesc));
	SAY(what, "%s %s %s", resc, verb, tesc);
	if (window < 0 || !expect_ns(m, r.ref, o->found, o->len))
		return false;
	r.p.ip.id = echo_id();
	r.p.ip.len = 64;
	memcpy(r.p.ip.cookie, "nsh expect reach", sizeof(r.p.ip.cookie));
	reach_loop(&r, mono_ms() + (double)window, o);
	for (int i = 0; i < 2; i++)
		if (r.p.fd[i] >= 0)
			close(r.p.fd[i]);
	if (r.gone)
		return false;
	if (r.have && r.to)
		SAY(what, "%s %s %s (%s)", resc, verb, tesc,
		    show_ip(r.x.family, r.x.addr, ip, sizeof(ip)));
	if (r.got)
		SAY(found, "answered in %.2f ms", r.p.rtt);
	else if (r.have)
		SAY(found, "no answer within %s%s%s",
		    ms_text(window, t, sizeof(t)), r.p.err[0] ? ": " : "",
		    r.p.err);
	/* else target_addr said why */
	if (!want)
		return !r.got;
	if (!r.got)	/* the model as the last round saw it */
		path_hint(r.m, r.from, r.to, &r.x, o);
	return r.got;
}
