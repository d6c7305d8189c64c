/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * capture_decode.c - one line per packet, as `tcpdump -n -e` prints it:
 *
 *   SRC-MAC > DST-MAC, ethertype IPv4 (0x0800), length 98: 10.200.0.1 >
 *   10.200.0.2: ICMP echo request, id 7, seq 1, length 64
 *
 * (one line; `capture` puts "TIME NS:IF DIR " in front).  ARP, IPv4,
 * IPv6 (hop-by-hop, routing and destination options skipped as tcpdump
 * names them), ICMP, ICMPv6, UDP and TCP are decoded; TCP sequence numbers
 * are absolute (tcpdump -S); UDP payloads (DNS, DHCP, …) are not decoded.
 * Every read is bounds-checked: a short or lying packet says "[|proto]"
 * where it ends, as tcpdump does.
 */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/if_packet.h>

#include "capture.h"

struct out {
	char *buf;
	size_t size, len;
};

static void say(struct out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void say(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->len + 1 >= o->size)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->size - o->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		o->len += (size_t)n < o->size - o->len ? (size_t)n
						       : o->size - o->len - 1;
}

static unsigned get16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static const char *mac(const unsigned char *p, char *b)
{
	sprintf(b, "%02x:%02x:%02x:%02x:%02x:%02x", p[0], p[1], p[2], p[3],
		p[4], p[5]);
	return b;
}

static const char *ip4(const unsigned char *p, char *b)
{
	return inet_ntop(AF_INET, p, b, INET6_ADDRSTRLEN);
}

static const char *ip6(const unsigned char *p, char *b)
{
	return inet_ntop(AF_INET6, p, b, INET6_ADDRSTRLEN);
}

const char *cap_dir(int pkttype)
{
	switch (pkttype) {
	case PACKET_HOST:	return "In";
	case PACKET_BROADCAST:	return "B";
	case PACKET_MULTICAST:	return "M";
	case PACKET_OTHERHOST:	return "P";
	case PACKET_OUTGOING:	return "Out";
	default:		return "?";
	}
}

/* ------------------------------------------------------------ ARP */

static void arp(struct out *o, const unsigned char *p, size_t n)
{
	static const unsigned char zero[6];
	char a[64], b[64], m[20];

	if (n < 8 || get16(p) != 1 || get16(p + 2) != 0x0800 || p[4] != 6 ||
	    p[5] != 4 || n < 28) {
		say(o, "ARP, hardware type %u, length %zu", n >= 2 ? get16(p)
							       : 0, n);
		return;
	}
	/* -e without -v: no "ARP, ", no "Ethernet (len 6), IPv4 (len 4)" */
	switch (get16(p + 6)) {
	case 1:
		say(o, "Request who-has %s", ip4(p + 24, a));
		if (memcmp(p + 18, zero, 6))	/* a unicast probe's target */
			say(o, " (%s)", mac(p + 18, m));
		say(o, " tell %s", ip4(p + 14, b));
		break;
	case 2:
		say(o, "Reply %s is-at %s", ip4(p + 14, a), mac(p + 8, m));
		break;
	default:
		say(o, "Unknown (%u)", get16(p + 6));
	}
	say(o, ", length %zu", n);
}

/* ------------------------------------------------------------ UDP, TCP */

static void udp(struct out *o, const char *src, const char *dst,
		const unsigned char *p, size_t n)
{
	if (n < 8) {
		say(o, "%s > %s: [|udp]", src, dst);
		return;
	}
	say(o, "%s.%u > %s.%u: UDP, length %u", src, get16(p), dst,
	    get16(p + 2), get16(p + 4) >= 8 ? get16(p + 4) - 8 : 0);
}

/* the options between HDR+20 and HDR+HLEN, tcpdump's words */
static void tcp_options(struct out *o, const unsigned char *p, size_t n)
{
	const char *sep = "";

	say(o, ", options [");
	for (size_t i = 0; i < n;) {
		unsigned k = p[i], len = k <= 1 ? 1 : i + 1 < n ? p[i + 1] : 0;

		if (len < 1 || i + len > n) {
			say(o, "%sbad opt", sep);
			break;
		}
		if (k == 0)
			say(o, "%seol", sep);
		else if (k == 1)
			say(o, "%snop", sep);
		else if (k == 2 && len == 4)
			say(o, "%smss %u", sep, get16(p + i + 2));
		else if (k == 3 && len == 3)
			say(o, "%swscale %u", sep, p[i + 2]);
		else if (k == 4)
			say(o, "%ssackOK", sep);
		else if (k == 8 && len == 10)
			say(o, "%sTS val %u ecr %u", sep, get32(p + i + 2),
			    get32(p + i + 6));
		else
			say(o, "%sopt-%u:", sep, k);
		sep = ",";
		if (k == 0)
			break;
		i += len;
	}
	say(o, "]");
}

static void tcp(struct out *o, const char *src, const char *dst,
		const unsigned char *p, size_t n)
{
	static const struct { unsigned bit; char c; } fl[] = {
		{ 0x01, 'F' }, { 0x02, 'S' }, { 0x04, 'R' }, { 0x08, 'P' },
		{ 0x10, '.' }, { 0x20, 'U' }, { 0x40, 'E' }, { 0x80, 'W' },
	};
	unsigned hl = n >= 13 ? (unsigned)(p[12] >> 4) * 4 : 0, f;
	char flags[10], *c = flags;
	size_t data;

	if (n < 20 || hl < 20 || hl > n) {
		say(o, "%s > %s: [|tcp]", src, dst);
		return;
	}
	f = p[13];
	for (size_t i = 0; i < sizeof(fl) / sizeof(fl[0]); i++)
		if (f & fl[i].bit)
			*c++ = fl[i].c;
	*c = '\0';
	data = n - hl;
	say(o, "%s.%u > %s.%u: Flags [%s]", src, get16(p), dst, get16(p + 2),
	    flags[0] ? flags : "none");
	if (data)
		say(o, ", seq %u:%u", get32(p + 4),
		    (uint32_t)(get32(p + 4) + data));
	else if (f & 0x07)
		say(o, ", seq %u", get32(p + 4));
	if (f & 0x10)
		say(o, ", ack %u", get32(p + 8));
	say(o, ", win %u", get16(p + 14));
	if (f & 0x20)
		say(o, ", urg %u", get16(p + 18));
	if (hl > 20)
		tcp_options(o, p + 20, hl - 20);
	say(o, ", length %zu", data);
}

/* ------------------------------------------------------------ IPv4 */

static void icmp_unreach(struct out *o, const char *dst,
			 const unsigned char *p, size_t n)
{
	const unsigned char *in = p + 8;	/* the packet that failed */
	size_t ihl = n >= 9 ? (size_t)(in[0] & 0x0f) * 4 : 0;
	char a[64];
	const char *what = n >= 28 ? ip4(in + 16, a) : dst;

	switch (p[1]) {
	case 0: say(o, "ICMP net %s unreachable", what); return;
	case 1: say(o, "ICMP host %s unreachable", what); return;
	case 2:
		say(o, "ICMP %s protocol %u unreachable", what,
		    n >= 18 ? in[9] : 0);
		return;
	case 3:
		if (ihl >= 20 && n >= 8 + ihl + 4) {
			say(o, "ICMP %s %s port %u unreachable", what,
			    in[9] == 17 ? "udp" : in[9] == 6 ? "tcp"
							     : "ip",
			    get16(in + ihl + 2));
			return;
		}
		break;
	case 4:
		say(o, "ICMP %s unreachable - need to frag (mtu %u)", what,
		    get16(p + 6));
		return;
	}
	say(o, "ICMP %s unreachable - code %u", what, p[1]);
}

static void icmp(struct out *o, const char *dst, const unsigned char *p,
		 size_t n)
{
	if (n < 8) {
		say(o, "ICMP [|icmp]");
	} else if (p[0] == 0 || p[0] == 8) {
		say(o, "ICMP echo %s, id %u, seq %u",
		    p[0] ? "request" : "reply", get16(p + 4), get16(p + 6));
	} else if (p[0] == 3) {
		icmp_unreach(o, dst, p, n);
	} else if (p[0] == 11) {
		say(o, "ICMP %s", p[1] ? "ip reassembly time exceeded"
				       : "time exceeded in-transit");
	} else if (p[0] == 5) {
		char a[64], b[64];

		say(o, "ICMP redirect %s to host %s",
		    n >= 28 ? ip4(p + 24, a) : dst, ip4(p + 4, b));
	} else {
		say(o, "ICMP type-#%u", p[0]);
	}
	say(o, ", length %zu", n);
}

static void igmp(struct out *o, const unsigned char *p, size_t n)
{
	char a[64];

	if (n < 8) {
		say(o, "igmp [|igmp]");
		return;
	}
	switch (p[0]) {
	case 0x11:
		say(o, "igmp query v%d", n >= 12 ? 3 : p[1] ? 2 : 1);
		if (get32(p + 4))
			say(o, " [gaddr %s]", ip4(p + 4, a));
		break;
	case 0x12: say(o, "igmp v1 report %s", ip4(p + 4, a)); break;
	case 0x16: say(o, "igmp v2 report %s", ip4(p + 4, a)); break;
	case 0x17: say(o, "igmp leave %s", ip4(p + 4, a)); break;
	case 0x22:
		say(o, "igmp v3 report, %u group record(s)", get16(p + 6));
		break;
	default:
		say(o, "igmp-%u", p[0]);
	}
}

static void ipv4(struct out *o, const unsigned char *p, size_t n)
{
	size_t ihl = n >= 1 ? (size_t)(p[0] & 0x0f) * 4 : 0, tot;
	char s[64], d[64];

	if (n < 20 || ihl < 20 || ihl > n) {
		say(o, "IP [|ip]");
		return;
	}
	tot = get16(p + 2);
	if (tot >= ihl && tot < n)	/* the frame's padding is not IP's */
		n = tot;
	ip4(p + 12, s);
	ip4(p + 16, d);
	if (get16(p + 6) & 0x1fff) {	/* not the first fragment */
		say(o, "%s > %s: ip-proto-%u", s, d, p[9]);
		return;
	}
	switch (p[9]) {
	case 1:
		say(o, "%s > %s: ", s, d);
		icmp(o, d, p + ihl, n - ihl);
		break;
	case 6:
		tcp(o, s, d, p + ihl, n - ihl);
		break;
	case 17:
		udp(o, s, d, p + ihl, n - ihl);
		break;
	case 2:
		say(o, "%s > %s: ", s, d);
		igmp(o, p + ihl, n - ihl);
		break;
	default:
		say(o, "%s > %s: ip-proto-%u %zu", s, d, p[9], n - ihl);
	}
}

/* ------------------------------------------------------------ IPv6 */

static void icmp6(struct out *o, const unsigned char *p, size_t n)
{
	char a[64];

	say(o, "ICMP6, ");
	if (n < 4) {
		say(o, "[|icmp6]");
		return;
	}
	switch (p[0]) {
	case 1: say(o, "destination unreachable"); break;
	case 2: say(o, "packet too big, mtu %u", n >= 8 ? get32(p + 4) : 0);
		break;
	case 3: say(o, "time exceeded in-transit"); break;
	case 128:
	case 129:
		say(o, "echo %s", p[0] == 128 ? "request" : "reply");
		if (n >= 8)
			say(o, ", id %u, seq %u", get16(p + 4), get16(p + 6));
		break;
	case 133: say(o, "router solicitation"); break;
	case 134: say(o, "router advertisement"); break;
	case 135:
	case 136:
		if (n < 24) {
			say(o, "neighbor %s", p[0] == 135 ? "solicitation"
							  : "advertisement");
			break;
		}
		say(o, p[0] == 135 ? "neighbor solicitation, who has %s"
				   : "neighbor advertisement, tgt is %s",
		    ip6(p + 8, a));
		break;
	case 143:
		say(o, "multicast listener report v2, %u group record(s)",
		    n >= 8 ? get16(p + 6) : 0);
		break;
	default:
		say(o, "type-#%u", p[0]);
	}
	say(o, ", length %zu", n);
}

/* the extension headers tcpdump names before the payload ("HBH "), into
 * EXTS; the payload's protocol into *NH and its offset into *OFF (beyond
 * N when the headers are cut short) */
static void ipv6_ext(const unsigned char *p, size_t n, unsigned *nh,
		     size_t *off, struct out *exts)
{
	static const struct { unsigned nh; const char *name; } ext[] = {
		{ 0, "HBH" }, { 43, "srcrt" }, { 60, "DSTOPT" },
	};

	for (bool more = true; more;) {
		more = false;
		for (size_t i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
			if (*nh != ext[i].nh)
				continue;
			if (*off + 8 > n) {
				*off = n + 1;
				return;
			}
			say(exts, "%s ", ext[i].name);
			*nh = p[*off];
			*off += ((size_t)p[*off + 1] + 1) * 8;
			more = *off <= n;
			break;
		}
	}
}

static void ipv6(struct out *o, const unsigned char *p, size_t n)
{
	char s[64], d[64], eb[64] = "";
	struct out exts = { eb, sizeof(eb), 0 };
	size_t off = 40, plen;
	unsigned nh;

	if (n < 40) {
		say(o, "IP6 [|ip6]");
		return;
	}
	plen = get16(p + 4);
	if (40 + plen < n)
		n = 40 + plen;
	nh = p[6];
	ip6(p + 8, s);
	ip6(p + 24, d);
	ipv6_ext(p, n, &nh, &off, &exts);
	if (off > n) {
		say(o, "%s > %s: %s[|ip6]", s, d, eb);
		return;
	}
	switch (nh) {
	case 58:
		say(o, "%s > %s: %s", s, d, eb);
		icmp6(o, p + off, n - off);
		break;
	case 17:
	case 6:
		say(o, "%s", eb);
		(nh == 17 ? udp : tcp)(o, s, d, p + off, n - off);
		break;
	default:
		say(o, "%s > %s: %sip-proto-%u %zu", s, d, eb, nh, n - off);
	}
}

/* ------------------------------------------------------------ Ethernet */

static const char *ethertype(unsigned t)
{
	switch (t) {
	case 0x0800: return "IPv4";
	case 0x0806: return "ARP";
	case 0x86dd: return "IPv6";
	case 0x8100: return "802.1Q";
	case 0x88a8: return "802.1Q-QinQ";
	case 0x88cc: return "LLDP";
	default:     return "Unknown";
	}
}

/* what follows an Ethernet type T: P, N bytes */
static void payload(struct out *o, unsigned t, const unsigned char *p,
		    size_t n)
{
	switch (t) {
	case 0x0800: ipv4(o, p, n); break;
	case 0x0806: arp(o, p, n); break;
	case 0x86dd: ipv6(o, p, n); break;
	default: say(o, "(payload not decoded)"); break;
	}
}

void cap_decode(const unsigned char *p, size_t caplen, size_t len, char *buf,
		size_t size)
{
	struct out o = { buf, size, 0 };
	char a[20], b[20];
	unsigned t;

	buf[0] = '\0';
	if (caplen < 14) {
		say(&o, "[|ether]");
		return;
	}
	t = get16(p + 12);
	say(&o, "%s > %s, ", mac(p + 6, a), mac(p, b));
	if (t < 0x0600) {		/* an 802.3 length: LLC (STP …) */
		say(&o, "802.3, length %zu: LLC", len);
		if (caplen >= 17)
			say(&o, ", dsap 0x%02x, ssap 0x%02x, ctrl 0x%02x",
			    p[14], p[15] & 0xfe, p[16]);
		return;
	}
	say(&o, "ethertype %s (0x%04x), length %zu: ", ethertype(t), t, len);
	p += 14;
	caplen -= 14;
	/* VLAN tags (the kernel's, put back by capture.c, or in the frame) */
	while ((t == 0x8100 || t == 0x88a8) && caplen >= 4) {
		t = get16(p + 2);
		say(&o, "vlan %u, p %u, ethertype %s (0x%04x), ",
		    get16(p) & 0x0fff, p[0] >> 5, ethertype(t), t);
		p += 4;
		caplen -= 4;
	}
	payload(&o, t, p, caplen);
}
