/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * capture_read.c - the sockets of `capture` (cmds/capture.c): each opened
 * in its link's namespace, read in one poll loop, each packet with the
 * kernel's timestamp, its direction and the VLAN tag the kernel took off;
 * the reorder window that puts the stream of all links in time order, and
 * the packets out (a line each, and/or the pcapng file).
 */
#include "config.h"

#include <errno.h>
#include <net/ethernet.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <linux/filter.h>
#include <linux/if_packet.h>
#include <arpa/inet.h>

#include "cmds.h"
#include "capture.h"
#include "model.h"
#include "show.h"

/* ------------------------------------------------------------ sockets */

int capture_open(struct nsh *sh, struct capture *c, struct model *m,
		 int i)
{
	struct cap_if *f = &c->ifs[i];
	struct sockaddr_ll sll = { .sll_family = AF_PACKET,
				   .sll_protocol = htons(ETH_P_ALL),
				   .sll_ifindex = f->ifindex };
	struct sock_fprog fp = { (unsigned short)c->prog.bf_len,
				 (struct sock_filter *)c->prog.bf_insns };
	int one = 1, rcvbuf = 4 << 20, e;
	struct nsh_ns saved;

	if (why_enter(sh, m, f->ns, &saved))
		return 1;
	f->fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	e = errno;
	ns_pop(sh, &saved);
	f->ns = NULL;		/* the model may change from here on */
	if (f->fd < 0)
		return nsh_err(sh, "'%s': cannot open a packet socket: %s",
			       f->name, strerror(e));
	(void)setsockopt(f->fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf,
			 sizeof(rcvbuf));
	if (setsockopt(f->fd, SOL_PACKET, PACKET_AUXDATA, &one,
		       sizeof(one)) < 0 ||
	    setsockopt(f->fd, SOL_SOCKET, SO_TIMESTAMP, &one,
		       sizeof(one)) < 0 ||
	    (c->has_prog && setsockopt(f->fd, SOL_SOCKET, SO_ATTACH_FILTER,
				       &fp, sizeof(fp)) < 0) ||
	    bind(f->fd, (struct sockaddr *)&sll, sizeof(sll)) < 0)
		return nsh_err(sh, "'%s': cannot capture on it: %s", f->name,
			       strerror(errno));
	return 0;
}

/* ------------------------------------------------------------ output */

static void show_line(struct capture *c, const struct pkt *k)
{
	char line[1024];
	time_t sec = (time_t)(k->us / 1000000);
	struct tm tm;

	cap_decode(k->data, k->caplen, k->len, line, sizeof(line));
	localtime_r(&sec, &tm);
	printf("%02d:%02d:%02d.%06u %s %s %s\n", tm.tm_hour, tm.tm_min,
	       tm.tm_sec, (unsigned)(k->us % 1000000), c->ifs[k->iface].name,
	       cap_dir(k->pkttype), line);
}

/* what is buffered, out (after each round of the loop: a file or a pipe
 * gets its packets within REORDER_MS, not a write each); 0, or 1 after
 * reporting (a reader gone, `capture … | head`, ends it quietly) */
static int out_flush(struct nsh *sh, struct capture *c)
{
	if ((!c->lines || fflush(stdout) != EOF) &&
	    (!c->out || fflush(c->out) != EOF))
		return 0;
	c->done = true;
	if (errno == EPIPE)
		return 0;
	return nsh_err(sh, "'%s': %s", c->out && c->out != stdout ? c->file
				       : "standard output", strerror(errno));
}

/* packet K out: its line and/or its block; 0, or 1 after reporting */
static int emit(struct nsh *sh, struct capture *c, const struct pkt *k)
{
	if (c->lines)
		show_line(c, k);
	if (c->out) {
		int r = pcapng_packet(c->out, k->iface, k->us, k->pkttype,
				      k->data, k->caplen, k->len);

		if (r < 0) {
			c->done = true;
			return errno == EPIPE ? 0
			       : nsh_err(sh, "'%s': %s", c->file,
					 strerror(errno));
		}
	}
	if (c->count && ++c->shown >= c->count)
		c->done = true;
	else if (!c->count)
		c->shown++;
	return 0;
}

/* the packets older than CUTOFF (all when 0), in time order */
static int flush(struct nsh *sh, struct capture *c, uint64_t cutoff)
{
	int n = 0, rc = 0;

	while (n < c->nq && !c->done && (!cutoff || c->q[n].us <= cutoff))
		rc |= emit(sh, c, &c->q[n++]);
	if (!n)
		return rc;
	for (int i = 0; i < n; i++)
		free(c->q[i].data);
	memmove(c->q, c->q + n, sizeof(*c->q) * (size_t)(c->nq - n));
	c->nq -= n;
	return rc;
}

static uint64_t now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000000 + (uint64_t)ts.tv_nsec / 1000;
}

/* ------------------------------------------------------------ reading */

/* A after B: later in time; at the same microsecond, a packet going out
 * comes before one coming in (a veth's two ends see a frame at once: the
 * sending end is the cause) */
static bool later(const struct pkt *a, const struct pkt *b)
{
	if (a->us != b->us)
		return a->us > b->us;
	return a->pkttype != PACKET_OUTGOING && b->pkttype == PACKET_OUTGOING;
}

/* into the window at its place in time order (new packets are mostly
 * the latest: the walk from the end is short) */
static int enqueue(struct capture *c, struct pkt *k)
{
	int i;

	if (c->nq == c->capq) {
		int cap = c->capq ? c->capq * 2 : 64;
		struct pkt *q = realloc(c->q, sizeof(*q) * (size_t)cap);

		if (!q)
			return -ENOMEM;
		c->q = q;
		c->capq = cap;
	}
	k->seq = c->seq++;
	for (i = c->nq; i > 0 && later(&c->q[i - 1], k); i--)
		;
	memmove(c->q + i + 1, c->q + i, sizeof(*c->q) * (size_t)(c->nq - i));
	c->q[i] = *k;
	c->nq++;
	return 0;
}

/* the time stamp and the VLAN tag the kernel took off, from the control
 * messages; the tag goes back into the frame (BUF has room for it) */
static void ancillary(struct msghdr *mh, struct pkt *k, unsigned char *buf)
{
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(mh); cm;
	     cm = CMSG_NXTHDR(mh, cm)) {
		if (cm->cmsg_level == SOL_SOCKET &&
		    cm->cmsg_type == SO_TIMESTAMP) {
			struct timeval tv;

			memcpy(&tv, CMSG_DATA(cm), sizeof(tv));
			k->us = (uint64_t)tv.tv_sec * 1000000 +
				(uint64_t)tv.tv_usec;
		} else if (cm->cmsg_level == SOL_PACKET &&
			   cm->cmsg_type == PACKET_AUXDATA) {
			struct tpacket_auxdata ax;
			uint16_t tag[2];

			memcpy(&ax, CMSG_DATA(cm), sizeof(ax));
			if (!(ax.tp_status & TP_STATUS_VLAN_VALID) ||
			    k->caplen < 12)
				continue;
			tag[0] = htons(ax.tp_status & TP_STATUS_VLAN_TPID_VALID
				       ? ax.tp_vlan_tpid : 0x8100);
			tag[1] = htons(ax.tp_vlan_tci);
			memmove(buf + 16, buf + 12, k->caplen - 12);
			memcpy(buf + 12, tag, 4);
			k->caplen += 4;
			k->len += 4;
		}
	}
}

/* every packet waiting on interface I; 0, or a negative errno */
static int drain(struct capture *c, int i)
{
	static unsigned char buf[SNAPLEN + 4];
	union {
		char b[CMSG_SPACE(sizeof(struct tpacket_auxdata)) +
		       CMSG_SPACE(sizeof(struct timeval))];
		struct cmsghdr align;
	} ctl;

	for (int round = 0; round < 256; round++) {
		struct sockaddr_ll sll;
		struct iovec iov = { buf, SNAPLEN };
		struct msghdr mh = { &sll, sizeof(sll), &iov, 1, ctl.b,
				     sizeof(ctl.b), 0 };
		ssize_t n = recvmsg(c->ifs[i].fd, &mh, MSG_TRUNC);
		struct pkt k = { .iface = i };

		if (n < 0)
			return errno == EAGAIN || errno == EINTR ? 0 : -errno;
		k.len = (uint32_t)n;
		k.caplen = n > SNAPLEN ? SNAPLEN : (uint32_t)n;
		k.pkttype = sll.sll_pkttype;
		k.us = now_us();
		ancillary(&mh, &k, buf);
		if (!(k.data = malloc(k.caplen)))
			return -ENOMEM;
		memcpy(k.data, buf, k.caplen);
		if (enqueue(c, &k) < 0) {
			free(k.data);
			return -ENOMEM;
		}
	}
	return 0;
}

/* the sockets poll found ready, read; 0, or 1 after reporting */
static int read_ready(struct nsh *sh, struct capture *c, struct pollfd *pfd,
		      int *live)
{
	for (int i = 0; i < c->nifs; i++) {
		int r = pfd[i].revents ? drain(c, i) : 0;

		if (r == -ENOMEM)
			return nsh_err(sh, "out of memory");
		if (r == -ENETDOWN) {	/* down, or deleted */
			nsh_warn(sh, "'%s': the link is down (its packets "
				 "come when it is up)", c->ifs[i].name);
		} else if (r < 0) {
			nsh_warn(sh, "'%s': %s: no more packets from it",
				 c->ifs[i].name, strerror(-r));
			pfd[i].fd = -1;
			(*live)--;
		}
	}
	return 0;
}

int capture_loop(struct nsh *sh, struct capture *c)
{
	struct pollfd pfd[MAX_IFS];
	int rc = 0, live = c->nifs;

	for (int i = 0; i < c->nifs; i++)
		pfd[i] = (struct pollfd){ c->ifs[i].fd, POLLIN, 0 };
	while (!c->done && !nsh_interrupted && live) {
		int n = poll(pfd, (nfds_t)c->nifs,
			     c->nq ? REORDER_MS / 2 : 500);

		if (n < 0 && errno != EINTR)
			return nsh_err(sh, "poll: %s", strerror(errno));
		if (n > 0 && read_ready(sh, c, pfd, &live))
			return 1;
		rc |= flush(sh, c, now_us() - REORDER_MS * 1000);
		rc |= out_flush(sh, c);
	}
	/* stopped: what the sockets already hold still counts */
	for (int i = 0; !c->done && i < c->nifs; i++)
		for (int k = 0, nq = -1; pfd[i].fd >= 0 && nq != c->nq &&
					 k < 64; k++) {
			nq = c->nq;
			if (drain(c, i) < 0)
				break;
		}
	rc |= flush(sh, c, 0);
	return rc | out_flush(sh, c);
}

unsigned long capture_drops(struct capture *c)
{
	unsigned long n = 0;

	for (int i = 0; i < c->nifs; i++) {
		struct tpacket_stats st;
		socklen_t len = sizeof(st);

		if (c->ifs[i].fd >= 0 &&
		    getsockopt(c->ifs[i].fd, SOL_PACKET, PACKET_STATISTICS,
			       &st, &len) == 0)
			n += st.tp_drops;
	}
	return n;
}
