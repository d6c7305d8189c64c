/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * why_probe.c - the probe of `why` (why.h): a native ICMP echo from
 * inside a namespace, and the readers that enter one (its sysctls).
 */
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/icmp6.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <linux/icmp.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/addr.h>
#include <netlink/route/neighbour.h>
#include "cmds.h"
#include "model.h"
#include "show.h"
#include "why.h"
#include "probe.h"

/* an nsfs handle on NS of M (ns_close it): 0, or 1 after reporting */
static int why_open(struct nsh *sh, struct model *m, struct model_ns *ns,
		    struct nsh_ns *ret)
{
	char esc[300];
	int rc;

	if (ns == m->ns[0]) {
		*ret = sh->home;
		ret->fd = -1;	/* not ours to close */
		return 0;
	}
	rc = model_ns_open(sh, ns, ret);
	if (rc == 0)
		return 0;
	str_escape(model_ns_label(ns), esc, sizeof(esc));
	return nsh_err(sh, "'%s': %s", esc,
		       rc == -ESTALE ? "the namespace changed"
		       : rc == -ENOENT ? "no such namespace"
				       : strerror(-rc));
}

/* why_enter - act in NS (of model M) for a while: ns_push() it through its
 * name, label or PID, checked to be the same namespace (model_ns_open);
 * undo with ns_pop().  0, or 1 after reporting */
int why_enter(struct nsh *sh, struct model *m, struct model_ns *ns,
	      struct nsh_ns *saved)
{
	struct nsh_ns h;
	int rc;

	if (ns == m->ns[0])
		return ns_push(sh, &sh->home, saved);
	if (why_open(sh, m, ns, &h))
		return 1;
	rc = ns_push(sh, &h, saved);
	ns_close(&h);
	return rc;
}

/* why_sysctl - /proc/sys/net/KEY as NS sees it (the engine's sysctl
 * reader), or -1 when it does not exist */
int why_sysctl(struct nsh *sh, struct model *m, struct model_ns *ns,
	       const char *key)
{
	struct nsh_ns h;
	char path[300], buf[32];
	int n;

	if (why_open(sh, m, ns, &h))
		return -1;
	snprintf(path, sizeof(path), "net/%s", key);
	n = sysctl_read(sh, ns == m->ns[0] ? &sh->home : &h, path, buf,
			sizeof(buf));
	if (ns != m->ns[0])
		ns_close(&h);
	if (n <= 0)
		return -1;
	return atoi(buf);
}

/* a socket address of either family */
union sa {
	struct sockaddr sa;
	struct sockaddr_in v4;
	struct sockaddr_in6 v6;
};

/* U = address X (its family), port PORT; returns its length */
static socklen_t sa_set(union sa *u, const struct nsh_prefix *x, int port)
{
	memset(u, 0, sizeof(*u));
	if (x->family == AF_INET6) {
		u->v6.sin6_family = AF_INET6;
		u->v6.sin6_port = htons((uint16_t)port);
		memcpy(&u->v6.sin6_addr, x->addr, 16);
		return sizeof(u->v6);
	}
	u->v4.sin_family = AF_INET;
	u->v4.sin_port = htons((uint16_t)port);
	memcpy(&u->v4.sin_addr, x->addr, 4);
	return sizeof(u->v4);
}

/* the address bytes in U */
static const unsigned char *sa_addr(const union sa *u)
{
	if (u->sa.sa_family == AF_INET6)
		return (const unsigned char *)&u->v6.sin6_addr;
	return (const unsigned char *)&u->v4.sin_addr;
}

/* what an ICMP error says, in words */
static const char *icmp_error(bool v6, int type, int code)
{
	static const char *const v4[] = {
		"network unreachable", "host unreachable",
		"protocol unreachable", "port unreachable",
		"fragmentation needed", "source route failed",
	};
	static const char *const v6u[] = {
		"no route", "administratively prohibited", "beyond scope",
		"address unreachable", "port unreachable",
	};

	if (type == (v6 ? ICMP6_TIME_EXCEEDED : ICMP_TIME_EXCEEDED))
		return "time to live exceeded";
	if (v6)
		return code < (int)ARRAY_SIZE(v6u) ? v6u[code] : "unreachable";
	if (code == ICMP_PKT_FILTERED || code == ICMP_NET_ANO ||
	    code == ICMP_HOST_ANO)
		return "administratively prohibited";
	return code < (int)ARRAY_SIZE(v4) ? v4[code] : "unreachable";
}

/*
 * echo_once - one ICMP echo to X from the current namespace, through the
 * prober's raw socket, with our own identifier and a random cookie; wait
 * up to 1 s for its answer (an echo reply from X, or an ICMP error about
 * it) into *PR.
 */
static void echo_once(struct nsh *sh, const struct nsh_prefix *x,
		      struct why_probe *pr)
{
	struct icmp_probe p = { .id = echo_id(), .seq = 1, .len = 24 };
	struct icmp_answer a;
	double t0, left;
	char s[64];
	int fd, err;

	if (getrandom(p.cookie, sizeof(p.cookie), GRND_NONBLOCK) !=
	    (ssize_t)sizeof(p.cookie))
		for (size_t i = 0; i < sizeof(p.cookie); i++)
			p.cookie[i] = (unsigned char)(p.id * (i + 1) >> 3);
	fd = icmp_probe_socket(sh, NULL, x->family);
	if (fd < 0) {
		snprintf(pr->what, sizeof(pr->what), "no raw socket: %s",
			 strerror(-fd));
		return;
	}
	t0 = mono_ms();
	snprintf(pr->what, sizeof(pr->what), "no answer within 1 s");
	err = icmp_probe_send(&p, fd, x);
	left = err < 0 ? 0 : 1000;
	if (err < 0)
		snprintf(pr->what, sizeof(pr->what), "cannot send: %s",
			 strerror(-err));
	while (left > 0) {
		struct pollfd pf = { fd, POLLIN, 0 };
		int r = 0;

		if (poll(&pf, 1, (int)left + 1) > 0)
			r = icmp_probe_read(&p, fd, x, &a);
		left = 1000 - (mono_ms() - t0);
		if (r == ICMP_REPLY) {
			pr->answered = true;
			pr->rtt_ms = a.rtt_ms;
			break;
		}
		if (r == ICMP_ERROR) {
			show_ip(x->family, a.from, s, sizeof(s));
			snprintf(pr->what, sizeof(pr->what), "%s answered: %s",
				 s, icmp_error(x->family == AF_INET6, a.type,
					       a.code));
			break;
		}
	}
	close(fd);
}

/* the NUD_* state of SK's neighbour entry for IP on IFINDEX (0: none);
 * an entry still unresolved from an earlier attempt is deleted when
 * DROP, so that the probe starts a fresh resolution at once instead of
 * queueing behind the kernel's next retry */
static int neigh_state(struct nl_sock *sk, int ifindex, int family,
		       const unsigned char *ip, bool drop)
{
	struct nl_addr *a = nl_addr_build(family, ip, why_alen(family));
	struct nl_cache *cache = NULL;
	struct rtnl_neigh *n;
	int state = 0;

	if (a && rtnl_neigh_alloc_cache(sk, &cache) == 0 &&
	    (n = rtnl_neigh_get(cache, ifindex, a))) {
		state = rtnl_neigh_get_state(n);
		if (drop && (state & (NUD_INCOMPLETE | NUD_FAILED)))
			rtnl_neigh_delete(sk, n, 0);
		rtnl_neigh_put(n);
	}
	if (cache)
		nl_cache_free(cache);
	if (a)
		nl_addr_put(a);
	return state;
}

/*
 * why_probe - inside A: the source address the kernel picks towards X (a
 * UDP socket's connect sends nothing); with OIF, the neighbour entry of
 * NEXT on it (an unresolved one, left by an earlier attempt, is cleared so
 * that the probe does not queue behind it); one ICMP echo; the neighbour
 * entry again.  Fills *PR.
 */
void why_probe(struct nsh *sh, struct model *m, struct model_ns *a,
	       const struct nsh_prefix *x, int oif, const unsigned char *next,
	       struct why_probe *pr)
{
	union sa to, me = { 0 };
	socklen_t tolen = sa_set(&to, x, 9), ml = sizeof(me);
	struct nl_sock *sk;
	struct nsh_ns saved;
	int fd;

	memset(pr, 0, sizeof(*pr));
	snprintf(pr->what, sizeof(pr->what), "not sent");
	if (why_enter(sh, m, a, &saved))
		return;
	fd = socket(x->family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd >= 0 && connect(fd, &to.sa, tolen) == 0 &&
	    getsockname(fd, &me.sa, &ml) == 0)
		show_ip(x->family, sa_addr(&me), pr->ksrc, sizeof(pr->ksrc));
	if (fd >= 0)
		close(fd);
	sk = oif ? ns_sock(sh) : NULL;
	if (sk)
		pr->neigh_before = neigh_state(sk, oif, x->family, next, true);
	echo_once(sh, x, pr);
	if (sk)
		pr->neigh_after = neigh_state(sk, oif, x->family, next, false);
	ns_pop(sh, &saved);
}
