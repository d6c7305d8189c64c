/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * capture.c - packets you can watch (issue 16): `capture NS:IF [NS:IF…]
 * [-w FILE.pcapng] [-c N] [FILTER…]` and `capture path NS1 NS2 …`.
 *
 * One AF_PACKET socket per interface, opened inside the interface's
 * namespace (nsh enters it, opens the socket, comes back: a packet socket
 * belongs to the namespace it was made in) and bound to its ifindex.
 * Nothing runs or is installed in the namespaces; no tcpdump.  The socket
 * is made with protocol 0 (it receives nothing), given its filter, and
 * only then bound to ETH_P_ALL and the link: no packet the filter refuses
 * slips in before it is attached.
 *
 * A poll loop reads every socket; each packet carries the kernel's
 * timestamp (SO_TIMESTAMP) and its direction (sll_pkttype), and
 * PACKET_AUXDATA gives back the VLAN tag the kernel took off.  The packets
 * wait in a short reorder window (REORDER_MS), sorted by time, so the
 * stream of all interfaces comes out in time order: one line each
 * (capture_decode.c), and/or the pcapng file (capture_pcapng.c).  The
 * capture ends after -c N packets, on Ctrl-C, SIGTERM or SIGHUP.
 *
 * A FILTER in tcpdump's syntax is compiled by libpcap (pcap_open_dead +
 * pcap_compile: no device is opened by libpcap) into classic BPF and
 * attached to every socket (SO_ATTACH_FILTER).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
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
#include <pcap/pcap.h>

#include "cmds.h"
#include "capture.h"
#include "model.h"
#include "show.h"

#define MAX_IFS 64
#define SNAPLEN 65535
#define REORDER_MS 40

struct cap_if {
	char *name;		/* "ns1:veth-ns1" (escaped) */
	struct model_ns *ns;	/* valid until the sockets are open */
	int ifindex;
	int fd;
};

struct pkt {
	uint64_t us;		/* CLOCK_REALTIME, microseconds */
	unsigned long seq;	/* arrival order: ties keep it */
	int iface;
	int pkttype;
	uint32_t caplen, len;
	unsigned char *data;
};

struct capture {
	struct cap_if ifs[MAX_IFS];
	int nifs;
	long count;		/* -c: 0 for no limit */
	long shown;
	const char *file;	/* -w */
	FILE *out;		/* the pcapng file, or NULL */
	bool lines;		/* decoded lines on stdout (not with -w -) */
	struct bpf_program prog;
	bool has_prog;
	struct pkt *q;		/* the reorder window, sorted by time */
	int nq, capq;
	unsigned long seq;
	bool done;		/* -c reached, or the reader went away */
};

static void capture_free(struct capture *c)
{
	for (int i = 0; i < c->nifs; i++) {
		free(c->ifs[i].name);
		if (c->ifs[i].fd >= 0)
			close(c->ifs[i].fd);
	}
	for (int i = 0; i < c->nq; i++)
		free(c->q[i].data);
	free(c->q);
	if (c->has_prog)
		pcap_freecode(&c->prog);
	if (c->out && c->out != stdout)
		fclose(c->out);
}

/* ------------------------------------------------------------ which links */

/* add link L of NS (skipping one already there); 0 or 1 after reporting */
static int add_if(struct nsh *sh, struct capture *c, struct model *m,
		  struct model_ns *ns, const struct model_link *l)
{
	char a[300], b[64];

	for (int i = 0; i < c->nifs; i++)
		if (c->ifs[i].ns == ns && c->ifs[i].ifindex == l->ifindex)
			return 0;
	if (c->nifs == MAX_IFS)
		return nsh_err(sh, "more than %d links at once", MAX_IFS);
	str_escape(model_ns_label(ns), a, sizeof(a));
	if (asprintf(&c->ifs[c->nifs].name, "%s:%s", a,
		     str_escape(l->name, b, sizeof(b))) < 0)
		return nsh_err(sh, "out of memory");
	c->ifs[c->nifs].ns = ns;
	c->ifs[c->nifs].ifindex = l->ifindex;
	c->ifs[c->nifs++].fd = -1;
	return 0;
}

/* NS:IF (the last ':' splits; "host:IF" for the host's links) */
static int add_word(struct nsh *sh, struct capture *c, struct model *m,
		    const char *word)
{
	const char *colon = strrchr(word, ':');
	char ref[300], esc[300];
	struct model_ns *ns;
	struct model_link *l;

	snprintf(ref, sizeof(ref), "%.*s", (int)(colon - word), word);
	ns = model_ns_by_name(m, ref);
	if (!ns && streq(ref, "host"))
		ns = m->ns[0];
	if (!ns)
		return nsh_err(sh, "'%s': no such namespace%s",
			       str_escape(ref, esc, sizeof(esc)),
			       ns_missing_hint(ref));
	if (!(l = model_link_by_name(ns, colon + 1)))
		return nsh_err(sh, "'%s': no such link",
			       str_escape(word, esc, sizeof(esc)));
	return add_if(sh, c, m, ns, l);
}

/* every link on `show path FROM TO`'s hops */
static int add_path(struct nsh *sh, struct capture *c, struct model *m,
		    const char *fromref, const char *target)
{
	struct model_ns *from, *to;
	struct nsh_prefix x;
	struct path p;
	char buf[2048];
	int rc = 0;

	if (!(from = show_ns_ref(sh, m, fromref)) ||
	    show_target(sh, m, from, target, &to, &x))
		return 1;
	path_find(m, from, to, to ? NULL : &x, show_state, &p);
	if (!p.nhops)
		rc = nsh_err(sh, "'%s': no path from %s (%s)", target, fromref,
			     p.nbrk ? p.brk[0].line : "show path says why");
	for (int i = 0; !rc && i < p.nhops; i++)
		rc = add_if(sh, c, m, p.hops[i].ns, p.hops[i].link);
	if (!rc && p.nbrk)
		nsh_warn(sh, "the path is broken (%s): capturing on %s",
			 p.brk[0].line, path_text(m, &p, buf, sizeof(buf)));
	path_free(&p);
	return rc;
}

/* ------------------------------------------------------------ options */

static int t_nsif(const char *w, struct nsh_val *v, char *eb, size_t el,
		  const char **err);

/* -c N and -w FILE, declared or among the filter's words (tcpdump takes
 * them before the filter; nsh anywhere), and NS:IF words before the
 * filter's first word (without path); the other words join the filter
 * into *RET (free it) */
static int options(struct nsh *sh, const struct nsh_args *a,
		   struct capture *c, struct model *m, char **ret)
{
	const char *cnt = arg_str(a, "count");
	size_t n = 1;
	char *f, esc[300];

	c->file = arg_str(a, "file");
	for (int i = 0; i < a->nrest; i++)
		n += strlen(a->rest[i]) + 1;
	if (!(*ret = f = calloc(1, n)))
		return nsh_err(sh, "out of memory");
	for (int i = 0; i < a->nrest; i++) {
		bool opt = (streq(a->rest[i], "-c") || streq(a->rest[i], "-w"))
			   && i + 1 < a->nrest;
		struct nsh_val v;
		const char *err;

		if (opt && a->rest[i][1] == 'c') {
			cnt = a->rest[++i];
		} else if (opt) {
			c->file = a->rest[++i];
		} else if (!*f && !arg_has(a, "path") &&
			   t_nsif(a->rest[i], &v, NULL, 0, &err) == 0) {
			if (add_word(sh, c, m, a->rest[i]))
				return 1;
		} else {
			strcat(strcat(f, *f ? " " : ""), a->rest[i]);
		}
	}
	if (cnt) {
		char *end;

		errno = 0;
		c->count = strtol(cnt, &end, 10);
		if (*end || end == cnt || c->count <= 0 || errno)
			return nsh_err(sh, "'%s': -c wants a number of packets "
				       "(1 or more)",
				       str_escape(cnt, esc, sizeof(esc)));
	}
	return 0;
}

/* FILTER into classic BPF, by libpcap: 0, or 1 after its message */
static int compile(struct nsh *sh, struct capture *c, const char *filter)
{
	pcap_t *p;
	int r;

	if (!*filter)
		return 0;
	if (!(p = pcap_open_dead(DLT_EN10MB, SNAPLEN)))
		return nsh_err(sh, "libpcap: out of memory");
	r = pcap_compile(p, &c->prog, filter, 1, PCAP_NETMASK_UNKNOWN);
	if (r < 0) {
		char esc[300];

		nsh_err(sh, "'%s': %s", str_escape(filter, esc, sizeof(esc)),
			pcap_geterr(p));
	}
	pcap_close(p);
	c->has_prog = r == 0;
	return r < 0;
}

/* ------------------------------------------------------------ sockets */

/* the socket of interface I, made in its namespace; 0 or 1 */
static int open_if(struct nsh *sh, struct capture *c, struct model *m,
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

/* read until -c, Ctrl-C or SIGTERM; 0 or 1 */
static int loop(struct nsh *sh, struct capture *c)
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

/* ------------------------------------------------------------ the command */

/* the packets the sockets had no room for (PACKET_STATISTICS) */
static unsigned long kernel_drops(struct capture *c)
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

static int run(struct nsh *sh, struct capture *c, struct model *m,
	       const char *filter)
{
	char *names[MAX_IFS];
	unsigned long drops;
	int rc = 0;

	if (compile(sh, c, filter))
		return 1;
	c->lines = !c->file || !streq(c->file, "-");
	if (c->file && streq(c->file, "-") && isatty(1))
		return nsh_err(sh, "'-': standard output is a terminal: pipe "
			       "it (| wireshark -k -i -) or give a file");
	if (c->file && streq(c->file, "-"))
		c->out = stdout;
	else if (c->file && !(c->out = fopen(c->file, "we")))
		return nsh_err(sh, "'%s': %s", c->file, strerror(errno));
	for (int i = 0; i < c->nifs; i++)
		if (open_if(sh, c, m, i))
			return 1;
	for (int i = 0; i < c->nifs; i++)
		names[i] = c->ifs[i].name;
	if (c->out && pcapng_begin(c->out, names, c->nifs, SNAPLEN) < 0)
		return nsh_err(sh, "'%s': %s", c->file, strerror(errno));
	fflush(stdout);
	rc = loop(sh, c);
	nsh_interrupted = 0;
	fprintf(stderr, "%ld packet%s captured", c->shown,
		c->shown == 1 ? "" : "s");
	if ((drops = kernel_drops(c)))
		fprintf(stderr, ", %lu dropped by the kernel (a full socket "
			"buffer)", drops);
	fputc('\n', stderr);
	return rc;
}

static int cmd_capture(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_free_ char *filter = NULL;
	struct capture c = { 0 };
	struct model *m = model_get(sh);
	const struct nsh_val *v;
	int rc = 1;

	if (!m)
		return 1;
	if (arg_has(a, "path")) {
		if (add_path(sh, &c, m, arg_str(a, "from"), arg_str(a, "to")))
			goto out;
	} else {
		for (int i = 0; (v = arg_nth(a, "nsif", i)); i++)
			if (add_word(sh, &c, m, v->text))
				goto out;
	}
	if (options(sh, a, &c, m, &filter))
		goto out;
	if (!c.nifs) {
		rc = nsh_err(sh, "which links? (NS:IF …, or 'capture path NS1 "
			     "NS2')");
		goto out;
	}
	rc = run(sh, &c, m, filter);
out:
	capture_free(&c);
	return rc;
}

/* ------------------------------------------------------------ NS:IF */

/* NS:IF: one word with a ':' between a namespace reference and a link
 * name.  An IPv6 or MAC address (a filter's word) is not one, nor a word
 * with brackets or '=' (ether[0:2]=…) */
static int t_nsif(const char *w, struct nsh_val *v, char *eb, size_t el,
		  const char **err)
{
	const char *colon = strrchr(w, ':');
	unsigned char a6[16];
	char ns[300];

	if (!colon || colon == w || strpbrk(w, "[]()=<>!") ||
	    inet_pton(AF_INET6, w, a6) == 1 || strchr(w, ':') != colon) {
		*err = "not NS:IF (a namespace, ':', a link)";
		return -1;
	}
	snprintf(ns, sizeof(ns), "%.*s", (int)(colon - w), w);
	if ((*err = check_netns_ref(ns)) || (*err = check_link_name(colon + 1)))
		return -1;
	return 0;
}

/* "ns1:" for each namespace, then NS:IF for the links of the one named */
static void complete_nsif(struct nsh *sh, const char *prefix,
			  void (*add)(void *, const char *, const char *),
			  void *ctx)
{
	struct model *m = model_get(sh);
	const char *colon = strchr(prefix, ':');
	char w[300];

	for (int i = 0; m && i < m->nns; i++) {
		struct model_ns *ns = m->ns[i];
		const char *label = model_ns_label(ns);
		size_t n = strlen(label);

		if (ns->pid && !ns->name[0])
			continue;	/* "pid 1234": not one word */
		if (!colon) {
			snprintf(w, sizeof(w), "%s:", label);
			if (strncmp(w, prefix, strlen(prefix)) == 0)
				add(ctx, w, "namespace");
			continue;
		}
		if ((size_t)(colon - prefix) != n ||
		    strncmp(prefix, label, n) != 0)
			continue;
		for (int k = 0; k < ns->nlinks; k++) {
			const struct model_link *l = &ns->links[k];

			snprintf(w, sizeof(w), "%s:%s", label, l->name);
			if (strncmp(w, prefix, strlen(prefix)) == 0)
				add(ctx, w, l->kind[0] ? l->kind : "link");
		}
	}
}

static const struct nsh_type capture_types[] = {
	{ "NSIF", "a link as NS:IF (ns1:veth-ns1; host:IF for the host's)",
	  t_nsif, complete_nsif },
	{ "FILTER", "a filter in tcpdump's syntax (pcap-filter(7)): icmp, "
		    "arp or port 53, …", NULL, NULL, true },
	{ NULL },
};

static const struct nsh_cmd capture_cmds[] = {
	{ "capture { NSIF$nsif | -w FILE$file | -c UINT$count } ... "
	  "[ FILTER... ]",
	  "watch the packets crossing links of any namespaces, in time "
	  "order (tcpdump's lines, or pcapng with -w; a tcpdump filter)",
	  cmd_capture, 0, "capture ns1:veth-ns1 host:veth-br1 -c 4 icmp",
	  "ip netns exec NS tcpdump -n -e -i IF FILTER   (for each link)" },
	{ "capture path NSREF$from NSREF$to "
	  "[ { -w FILE$file | -c UINT$count } ... ] [ FILTER... ]",
	  "watch the packets on every link of 'show path FROM TO'",
	  cmd_capture, 0, "capture path ns1 ns2 -c 8",
	  "ip netns exec NS tcpdump -n -e -i IF   (for each link of the "
	  "path)" },
	{ NULL },
};

const struct nsh_family capture_family = {
	"capture", "packets you can watch: capture, capture path",
	capture_cmds, capture_types,
};
