/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * capture.h - what the parts of `capture` share (cmds/capture.c: which
 * links, the options, the filter and the command; capture_read.c: the
 * sockets and the time-ordered merge; capture_decode.c: one line per
 * packet as `tcpdump -n -e` says it; capture_pcapng.c: the file).
 */
#ifndef NSH_CAPTURE_H
#define NSH_CAPTURE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <pcap/pcap.h>

#include "nsh.h"

struct model;
struct model_ns;

#define MAX_IFS 64
#define SNAPLEN 65535
#define REORDER_MS 40

/* one link captured on */
struct cap_if {
	char *name;		/* "ns1:veth-ns1" (escaped) */
	struct model_ns *ns;	/* valid until the sockets are open */
	int ifindex;
	int fd;
};

/* one packet, waiting in the reorder window */
struct pkt {
	uint64_t us;		/* CLOCK_REALTIME, microseconds */
	unsigned long seq;	/* arrival order: ties keep it */
	int iface;
	int pkttype;
	uint32_t caplen, len;
	unsigned char *data;
};

/* one `capture`: its links, options and window */
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

/* the socket of interface I of C, made in its namespace; 0 or 1 after
 * reporting (cmds/capture_read.c) */
int capture_open(struct nsh *sh, struct capture *c, struct model *m, int i);
/* read until -c, Ctrl-C or SIGTERM, the packets out in time order; 0 or 1 */
int capture_loop(struct nsh *sh, struct capture *c);
/* the packets the sockets had no room for (PACKET_STATISTICS) */
unsigned long capture_drops(struct capture *c);

/*
 * cap_decode - the rest of a packet's line after "TIME NS:IF DIR ": the
 * Ethernet header as `tcpdump -e` prints it, then ARP, IPv4/IPv6, ICMP,
 * ICMPv6, UDP and TCP as `tcpdump -n` does, into BUF (always terminated,
 * no newline).  P holds CAPLEN bytes of a frame of LEN bytes.
 */
void cap_decode(const unsigned char *p, size_t caplen, size_t len, char *buf,
		size_t size);
/* "In", "Out", "B" (broadcast), "M" (multicast), "P" (another host's): a
 * PACKET_* type as tcpdump names it */
const char *cap_dir(int pkttype);

/*
 * The pcapng file: a Section Header Block and one Interface Description
 * Block per interface (if_name NAMES[i], Ethernet, microsecond stamps),
 * then one Enhanced Packet Block per packet (its interface's id, the
 * direction in epb_flags); the caller flushes F.  0, or a negative errno.
 */
int pcapng_begin(FILE *f, char *const *names, int n, uint32_t snaplen);
int pcapng_packet(FILE *f, int iface, uint64_t usec, int pkttype,
		  const unsigned char *p, uint32_t caplen, uint32_t len);

#endif
