/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * probe.c - looking at the kernel from inside a namespace, the one way
 * each: the sysctl reader (/proc/sys as a namespace sees it), the ICMP
 * echo prober (`why`, `expect reach`) and the rtnetlink event listener
 * (the model, teardown, link journal).  Each socket or file is made inside
 * the namespace through ns_call and used from where nsh is.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <linux/icmp.h>
#include <linux/netlink.h>

#include "probe.h"

/* ------------------------------------------------------------ sysctl */

char *sysctl_slurp(int fd, size_t max, size_t *len)
{
	_cleanup_free_ char *buf = NULL;
	size_t n = 0, cap = 0;

	for (;;) {
		ssize_t r;

		if (n + 4096 > cap) {
			char *nb;

			if (cap >= max) {
				errno = EFBIG;
				return NULL;
			}
			cap = cap ? 2 * cap : 4096;
			nb = realloc(buf, cap + 1);
			if (!nb)
				return NULL;
			buf = nb;
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return NULL;
		if (r == 0)
			break;
		n += (size_t)r;
	}
	buf[n] = '\0';
	*len = n;
	return TAKE_PTR(buf);
}

static int open_cb(void *arg)
{
	int fd = open(arg, O_RDONLY | O_CLOEXEC);

	return fd < 0 ? -errno : fd;
}

int sysctl_read(struct nsh *sh, const struct nsh_ns *ns, const char *path,
		char *buf, size_t len)
{
	char full[4096];
	ssize_t n;
	int fd, e;

	snprintf(full, sizeof(full), "/proc/sys/%s", path);
	/* /proc/sys/net shows the namespace of whoever opens it */
	fd = ns ? ns_call(sh, ns, open_cb, full) : open_cb(full);
	if (fd < 0)
		return fd;
	n = read(fd, buf, len - 1);
	e = errno;
	close(fd);
	if (n < 0)
		return -e;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return (int)n;
}

/* ------------------------------------------------------------ events */

int ns_events_open(struct nsh *sh, const struct nsh_ns *ns,
		   const struct events_opts *o, unsigned int *portid)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK,
				  .nl_groups = o->mask };
	socklen_t salen = sizeof(sa);
	int one = 1, e;
	int fd = ns_socket_in(sh, ns, AF_NETLINK,
			      SOCK_RAW | (o->nonblock ? SOCK_NONBLOCK : 0),
			      NETLINK_ROUTE);

	if (fd < 0)
		return fd;
	/* room for a burst (1000 veths going at once send ~3000 events) */
	if (o->rcvbuf &&
	    setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &o->rcvbuf,
		       sizeof(o->rcvbuf)) < 0)
		(void)setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &o->rcvbuf,
				 sizeof(o->rcvbuf));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0)
		goto fail;
	for (size_t i = 0; i < o->ngroups; i++)
		if (setsockopt(fd, SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
			       &o->groups[i], sizeof(o->groups[i])) < 0 &&
		    !o->groups_optional)
			goto fail;
	if (o->all_nsid)
		(void)setsockopt(fd, SOL_NETLINK, NETLINK_LISTEN_ALL_NSID,
				 &one, sizeof(one));
	if (portid) {
		if (getsockname(fd, (struct sockaddr *)&sa, &salen) < 0)
			goto fail;
		*portid = sa.nl_pid;
	}
	return fd;
fail:
	e = errno;
	close(fd);
	return -e;
}

/* ------------------------------------------------------------ ICMP echo */

/* a raw ICMP (ICMPv6) socket that lets through only echo replies and the
 * errors that can answer an echo (a busy namespace has other ICMP) */
static int icmp_open_cb(void *arg)
{
	int family = *(int *)arg;
	bool v6 = family == AF_INET6;
	int fd = socket(family, SOCK_RAW | SOCK_CLOEXEC,
			v6 ? IPPROTO_ICMPV6 : IPPROTO_ICMP);

	if (fd < 0)
		return -errno;
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

int icmp_probe_socket(struct nsh *sh, const struct nsh_ns *ns, int family)
{
	return ns ? ns_call(sh, ns, icmp_open_cb, &family)
		  : icmp_open_cb(&family);
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

static size_t alen(int family)
{
	return family == AF_INET6 ? 16 : 4;
}

int icmp_probe_send(struct icmp_probe *p, int fd, const struct nsh_prefix *x)
{
	bool v6 = x->family == AF_INET6;
	unsigned char pkt[ICMP_PROBE_MAX] = { 0 };
	struct sockaddr_storage ss = { 0 };
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
	size_t len = p->len > 8 + sizeof(p->cookie) && p->len <= sizeof(pkt)
		     ? p->len : 8 + sizeof(p->cookie);
	socklen_t sl;

	pkt[0] = v6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO;
	pkt[4] = (unsigned char)(p->id >> 8);
	pkt[5] = (unsigned char)p->id;
	pkt[6] = (unsigned char)(p->seq >> 8);
	pkt[7] = (unsigned char)p->seq;
	memcpy(pkt + 8, p->cookie, sizeof(p->cookie));
	if (v6) {	/* the kernel sums ICMPv6 itself */
		sin6->sin6_family = AF_INET6;
		memcpy(&sin6->sin6_addr, x->addr, 16);
		sl = sizeof(*sin6);
	} else {
		uint16_t sum = cksum(pkt, len);

		pkt[2] = (unsigned char)(sum >> 8);
		pkt[3] = (unsigned char)sum;
		sin->sin_family = AF_INET;
		memcpy(&sin->sin_addr, x->addr, 4);
		sl = sizeof(*sin);
	}
	p->sent[p->seq % ICMP_PROBE_SENT] = mono_ms();
	p->seq++;
	if (sendto(fd, pkt, len, 0, (struct sockaddr *)&ss, sl) < 0)
		return -errno;
	return 0;
}

/* is the error in IC (N bytes of packet from BUF) about one of our echoes
 * to X?  It quotes our packet: its IP header, then our echo */
static bool quotes_ours(const struct icmp_probe *p, const unsigned char *buf,
			const unsigned char *ic, size_t n,
			const struct nsh_prefix *x)
{
	bool v6 = x->family == AF_INET6;
	const unsigned char *in = ic + 8;
	size_t at = (size_t)(in - buf), ihl;

	if (v6) {
		ihl = 40;
		if (n < at + 40 || in[6] != IPPROTO_ICMPV6 ||
		    memcmp(in + 24, x->addr, 16))
			return false;
	} else {
		if (n < at + 20)
			return false;
		ihl = (size_t)(in[0] & 0x0f) * 4;
		if (in[9] != IPPROTO_ICMP || memcmp(in + 16, x->addr, 4))
			return false;
	}
	return n >= at + ihl + 8 &&
	       in[ihl] == (v6 ? ICMP6_ECHO_REQUEST : ICMP_ECHO) &&
	       (in[ihl + 4] << 8 | in[ihl + 5]) == p->id;
}

int icmp_probe_read(struct icmp_probe *p, int fd, const struct nsh_prefix *x,
		    struct icmp_answer *a)
{
	unsigned char buf[2048], *ic;
	struct sockaddr_storage ss;
	socklen_t sl = sizeof(ss);
	bool v6 = x->family == AF_INET6;
	size_t hl = 0;
	const unsigned char *src;
	ssize_t n = recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT,
			     (struct sockaddr *)&ss, &sl);

	if (n < 8)
		return 0;
	if (v6) {
		src = ((struct sockaddr_in6 *)&ss)->sin6_addr.s6_addr;
	} else {	/* IPv4 raw sockets see the IP header */
		hl = (size_t)(buf[0] & 0x0f) * 4;
		if ((size_t)n < hl + 8)
			return 0;
		src = buf + 12;
	}
	ic = buf + hl;
	memcpy(a->from, src, alen(x->family));
	if (ic[0] == (v6 ? ICMP6_ECHO_REPLY : ICMP_ECHOREPLY)) {
		/* ours: our identifier and cookie, from X */
		if ((size_t)n < hl + 8 + sizeof(p->cookie) ||
		    (ic[4] << 8 | ic[5]) != p->id ||
		    memcmp(ic + 8, p->cookie, sizeof(p->cookie)) ||
		    memcmp(src, x->addr, alen(x->family)))
			return 0;
		a->rtt_ms = mono_ms() -
			    p->sent[(ic[6] << 8 | ic[7]) % ICMP_PROBE_SENT];
		return ICMP_REPLY;
	}
	if (!quotes_ours(p, buf, ic, (size_t)n, x))
		return 0;
	a->type = ic[0];
	a->code = ic[1];
	return ICMP_ERROR;
}
