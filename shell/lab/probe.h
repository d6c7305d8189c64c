/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * probe.h - looking at the kernel from inside a namespace (shell/probe.c):
 * the one sysctl reader, the one ICMP echo prober, the one rtnetlink event
 * listener.  NS NULL: the namespace nsh is in.
 */
#ifndef NSH_PROBE_H
#define NSH_PROBE_H

#include <stdint.h>
#include "nsh.h"

/*
 * sysctl_read - /proc/sys/PATH ("net/ipv4/ip_forward") as NS sees it: its
 * first line, without the newline, in BUF (LEN bytes); its length, or
 * -errno.  sysctl_slurp - all that FD reads (at most MAX bytes), NUL
 * ended, *LEN bytes (free it); NULL with errno.
 */
int sysctl_read(struct nsh *sh, const struct nsh_ns *ns, const char *path,
		char *buf, size_t len);
char *sysctl_slurp(int fd, size_t max, size_t *len);

/*
 * ns_events_open - a socket in NS that listens to rtnetlink events: the
 * groups of MASK (RTMGRP_*) and GROUPS (RTNLGRP_*), with LISTEN_ALL_NSID
 * when ALL_NSID, a receive buffer of RCVBUF bytes (0: the default).  The
 * fd (its port id in *PORTID unless NULL), or -errno.
 */
struct events_opts {
	unsigned int mask;
	const int *groups;
	size_t ngroups;
	int rcvbuf;
	bool nonblock, all_nsid;
	bool groups_optional;	/* a group this kernel lacks is no error */
};
int ns_events_open(struct nsh *sh, const struct nsh_ns *ns,
		   const struct events_opts *o, unsigned int *portid);

/*
 * The ICMP echo prober: icmp_probe_socket opens a raw ICMP (AF_INET6:
 * ICMPv6) socket inside NS that lets through only echo replies and errors
 * (fd or -errno); icmp_probe_send sends echo SEQ (then SEQ+1) of ID to X,
 * LEN bytes with COOKIE after the header (0 or -errno); icmp_probe_read
 * takes one packet: ICMP_REPLY (an echo reply of ours from X: *A's
 * rtt_ms), ICMP_ERROR (an ICMP error about one of our echoes to X: *A's
 * type, code and from), or 0 (nothing, or not ours).
 */
#define ICMP_PROBE_MAX 64
#define ICMP_PROBE_SENT 64
struct icmp_probe {
	uint16_t id, seq;
	unsigned char cookie[16];
	size_t len;			/* of the packet: 24 .. 64 */
	double sent[ICMP_PROBE_SENT];	/* send time of seq % 64, in ms */
};
struct icmp_answer {
	double rtt_ms;
	int type, code;
	unsigned char from[16];
};
enum { ICMP_REPLY = 1, ICMP_ERROR = 2 };
int icmp_probe_socket(struct nsh *sh, const struct nsh_ns *ns, int family);
int icmp_probe_send(struct icmp_probe *p, int fd, const struct nsh_prefix *x);
int icmp_probe_read(struct icmp_probe *p, int fd, const struct nsh_prefix *x,
		    struct icmp_answer *a);

#endif
