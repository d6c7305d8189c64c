/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * capture.h - what the parts of `capture` share (cmds/capture.c: the
 * sockets, the time-ordered merge and the command; capture_decode.c: one
 * line per packet as `tcpdump -n -e` says it; capture_pcapng.c: the file).
 */
#ifndef NSH_CAPTURE_H
#define NSH_CAPTURE_H

#include <stdint.h>
#include <stdio.h>

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
