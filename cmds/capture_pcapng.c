/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * capture_pcapng.c - the pcapng file `capture -w` writes (the format of
 * draft-ietf-opsawg-pcapng): a Section Header Block, one Interface
 * Description Block per NS:IF (its if_name option says "ns1:veth-ns1", so
 * Wireshark and tshark show which namespace's link a packet crossed), and
 * an Enhanced Packet Block per packet.  Written in the machine's byte
 * order, which the Section Header's magic tells readers.
 */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <linux/if_packet.h>

#include "capture.h"

#define BT_SHB 0x0A0D0D0Au
#define BT_IDB 0x00000001u
#define BT_EPB 0x00000006u
#define LINKTYPE_ETHERNET 1
#define OPT_END 0
#define OPT_SHB_USERAPPL 4
#define OPT_IF_NAME 2
#define OPT_IF_TSRESOL 9
#define OPT_EPB_FLAGS 2

static size_t pad4(size_t n)
{
	return (n + 3) & ~(size_t)3;
}

static int put(FILE *f, const void *p, size_t n)
{
	static const unsigned char zero[4];

	if (n && fwrite(p, 1, n, f) != n)
		return -EIO;
	if (pad4(n) != n && fwrite(zero, 1, pad4(n) - n, f) != pad4(n) - n)
		return -EIO;
	return 0;
}

static int put32(FILE *f, uint32_t v)
{
	return put(f, &v, 4);
}

/* an option: code, length, value padded to 4 bytes */
static int put_opt(FILE *f, uint16_t code, const void *v, uint16_t len)
{
	uint16_t h[2] = { code, len };

	return put(f, h, 4) ?: put(f, v, len);
}

static size_t opt_size(size_t len)
{
	return 4 + pad4(len);
}

int pcapng_begin(FILE *f, char *const *names, int n, uint32_t snaplen)
{
	static const char appl[] = "nsh capture";
	uint32_t shb_len = 28 + (uint32_t)opt_size(sizeof(appl) - 1) + 4;
	uint32_t shb[4] = { BT_SHB, shb_len, 0x1A2B3C4Du, 0x00000001u };
	int64_t section_len = -1;
	int r;

	r = put(f, shb, sizeof(shb)) ?: put(f, &section_len, 8) ?:
	    put_opt(f, OPT_SHB_USERAPPL, appl, sizeof(appl) - 1) ?:
	    put_opt(f, OPT_END, NULL, 0) ?: put32(f, shb_len);
	for (int i = 0; !r && i < n; i++) {
		size_t nl = strlen(names[i]);
		unsigned char res = 6;		/* microseconds */
		uint32_t len = (uint32_t)(20 + opt_size(nl) + opt_size(1) + 4);
		uint32_t idb[4] = { BT_IDB, len, LINKTYPE_ETHERNET, snaplen };

		r = put(f, idb, sizeof(idb)) ?:
		    put_opt(f, OPT_IF_NAME, names[i], (uint16_t)nl) ?:
		    put_opt(f, OPT_IF_TSRESOL, &res, 1) ?:
		    put_opt(f, OPT_END, NULL, 0) ?: put32(f, len);
	}
	return r ?: (fflush(f) ? -errno : 0);
}

/* epb_flags: the direction (bits 0-1) and the reception type (bits 2-4) */
static uint32_t epb_flags(int pkttype)
{
	switch (pkttype) {
	case PACKET_OUTGOING:	return 2;
	case PACKET_HOST:	return 1 | 1 << 2;
	case PACKET_MULTICAST:	return 1 | 2 << 2;
	case PACKET_BROADCAST:	return 1 | 3 << 2;
	case PACKET_OTHERHOST:	return 1 | 4 << 2;
	default:		return 0;
	}
}

int pcapng_packet(FILE *f, int iface, uint64_t usec, int pkttype,
		  const unsigned char *p, uint32_t caplen, uint32_t len)
{
	/* the 7 words, the data, epb_flags, the end of the options, the
	 * length again */
	uint32_t total = (uint32_t)(28 + pad4(caplen) + opt_size(4) + 4 + 4);
	uint32_t epb[7] = { BT_EPB, total, (uint32_t)iface,
			    (uint32_t)(usec >> 32), (uint32_t)usec, caplen,
			    len };
	uint32_t flags = epb_flags(pkttype);
	int r;

	r = put(f, epb, sizeof(epb)) ?: put(f, p, caplen) ?:
	    put_opt(f, OPT_EPB_FLAGS, &flags, 4) ?:
	    put_opt(f, OPT_END, NULL, 0) ?: put32(f, total);
	return r;
}
