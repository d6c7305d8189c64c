/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * why_probe.c - the probe: a native ICMP echo from inside a namespace (part of `why`, see why.c).
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

/* ============================================================ the probe
 *
 * Entering a namespace to read it or to send from it (cmds/why_probe.c to
 * be).
 */

/* why_enter - act in NS (of model M) for a while: ns_push() it through its
 * name, label or PID, checked to be the same namespace (model_ns_open);
 * undo with ns_pop().  0, or 1 after reporting */
int why_enter(struct nsh *sh, struct model *m, struct model_ns *ns,
	      struct nsh_ns *saved)
{
	struct nsh_ns h;
	char esc[300];
	int rc;

	if (ns == m->ns[0])
		return ns_push(sh, &sh->home, saved);
	rc = model_ns_open(sh, ns, &h);
	if (rc < 0) {
		str_escape(model_ns_label(ns), esc, sizeof(esc));
		return nsh_err(sh, "'%s': %s", esc,
			       rc == -ESTALE ? "the namespace changed"
			       : rc == -ENOENT ? "no such namespace"
					       : strerror(-rc));
	}
	rc = ns_push(sh, &h, saved);
	ns_close(&h);
	return rc;
}

/* why_sysctl - /proc/sys/net/KEY as NS sees it (/proc/sys/net shows the
 * namespace of the process that opens it: nsh enters NS to read), or -1
 * when it does not exist */
int why_sysctl(struct nsh *sh, struct model *m, struct model_ns *ns,
	       const char *key)
{
	struct nsh_ns saved;
	char path[300], buf[32];
	ssize_t n = -1;
	int fd;

	snprintf(path, sizeof(path), "/proc/sys/net/%s", key);
	if (why_enter(sh, m, ns, &saved))
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		n = read(fd, buf, sizeof(buf) - 1);
		close(fd);
	}
	ns_pop(sh, &saved);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return atoi(buf);
}

/* the Internet checksum (RFC 1071) */
static uint16_t cksum(const unsigned char *p, size_t len)
{
	uint32_t sum = 0;

	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)(p[len - 1] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
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

/* the monotonic clock in milliseconds */
double why_now_ms(void)
{
	return mono_ms();
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
 * echo_once - one ICMP echo to X from the current namespace, through a raw
 * socket, with our own identifier and a random cookie; wait up to 1 s for
 * its answer (an echo reply from X, or an ICMP error about it) into *PR.
 */
/*
 * icmp_socket - a raw ICMP (AF_INET6: ICMPv6) socket in the current
 * namespace that lets through only echo replies and errors (a busy
 * namespace has other ICMP); -1 with errno on failure.
 */
int icmp_socket(int family)
{
	bool v6 = family == AF_INET6;
	int fd = socket(family, SOCK_RAW | SOCK_CLOEXEC,
			v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);

	if (fd < 0)
		return -1;
	if (v6) {
		struct icmp6_filter f;

		ICMP6_FILTER_SETBLOCKALL(&f);
		ICMP6_FILTER_SETPASS(ICMP6_ECHO_REPLY, &f);
		ICMP6_FILTER_SETPASS(ICMP6_DST_UNREACH, &f);
		ICMP6_FILTER_SETPASS(ICMP6_TIME_EXCEEDED, &f);
		(void)setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, &f,
				 sizeof(f));
	} else {
		struct icmp_filter f = { ~(1U << ICMP_ECHOREPLY |
					   1U << ICMP_DEST_UNREACH |
					   1U << ICMP_TIME_EXCEEDED) };

		(void)setsockopt(fd, SOL_RAW, ICMP_FILTER, &f, sizeof(f));
	}
	return fd;
}

static void echo_once(const struct nsh_prefix *x, struct why_probe *pr)
{
	bool v6 = x->family == AF_INET6;
	union sa to, from;
	socklen_t tolen = sa_set(&to, x, 0);
	unsigned char pkt[8 + 16], buf[2048], cookie[16];
	uint16_t id = echo_id();
	double t0, left;
	int fd;

	if (getrandom(cookie, sizeof(cookie), GRND_NONBLOCK) !=
	    (ssize_t)sizeof(cookie))
		for (size_t i = 0; i < sizeof(cookie); i++)
			cookie[i] = (unsigned char)(id * (i + 1) >> 3);
	fd = icmp_socket(x->family);
	if (fd < 0) {
		snprintf(pr->what, sizeof(pr->what), "no raw socket: %s",
			 strerror(errno));
		return;
	}
	memset(pkt, 0, sizeof(pkt));
	pkt[0] = v6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO;
	pkt[4] = (unsigned char)(id >> 8);
	pkt[5] = (unsigned char)id;
	pkt[7] = 1;	/* sequence 1 */
	memcpy(pkt + 8, cookie, sizeof(cookie));
	if (!v6) {	/* the kernel sums ICMPv6 itself */
		uint16_t sum = cksum(pkt, sizeof(pkt));

		pkt[2] = (unsigned char)(sum >> 8);
		pkt[3] = (unsigned char)sum;
	}
	t0 = why_now_ms();
	snprintf(pr->what, sizeof(pr->what), "no answer within 1 s");
	if (sendto(fd, pkt, sizeof(pkt), 0, &to.sa, tolen) < 0) {
		snprintf(pr->what, sizeof(pr->what), "cannot send: %s",
			 strerror(errno));
		left = 0;
	} else {
		left = 1000;
	}
	while (left > 0) {
		struct pollfd p = { fd, POLLIN, 0 };
		socklen_t fl = sizeof(from);
		const unsigned char *icmp = buf, *in;
		ssize_t n;
		size_t hl = 0;
		char s[64];

		if (poll(&p, 1, (int)left + 1) <= 0 ||
		    (n = recvfrom(fd, buf, sizeof(buf), 0,
				  &from.sa, &fl)) <= 0) {
			left = 1000 - (why_now_ms() - t0);
			continue;
		}
		left = 1000 - (why_now_ms() - t0);
		if (!v6) {	/* IPv4 raw sockets see the IP header */
			hl = (size_t)(buf[0] & 0x0f) * 4;
			icmp = buf + hl;
		}
		if ((size_t)n < hl + 8)
			continue;
		/* ours: our identifier, sequence and cookie, from X */
		if (icmp[0] == (v6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY) &&
		    (size_t)n >= hl + sizeof(pkt) &&
		    !memcmp(icmp + 4, pkt + 4, 4) &&
		    !memcmp(icmp + 8, cookie, sizeof(cookie)) &&
		    !memcmp(v6 ? sa_addr(&from) : buf + 12, x->addr,
			    why_alen(x->family))) {
			pr->answered = true;
			pr->rtt_ms = why_now_ms() - t0;
			break;
		}
		if (icmp[0] == (v6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY))
			continue;
		/* an error: the packet it quotes must be our echo */
		in = icmp + 8;
		hl = v6 ? 40 : (size_t)(in[0] & 0x0f) * 4;
		if ((size_t)n < (size_t)(in - buf) + hl + 8 ||
		    in[hl] != (v6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO) ||
		    memcmp(in + hl + 4, pkt + 4, 4))
			continue;
		/* the sender: IPv4's header has it, IPv6's comes apart */
		show_ip(x->family, v6 ? sa_addr(&from) : buf + 12, s,
			sizeof(s));
		snprintf(pr->what, sizeof(pr->what), "%s answered: %s", s,
			 icmp_error(v6, icmp[0], icmp[1]));
		break;
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
	union sa to, me;
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
	echo_once(x, pr);
	if (sk)
		pr->neigh_after = neigh_state(sk, oif, x->family, next, false);
	ns_pop(sh, &saved);
}
