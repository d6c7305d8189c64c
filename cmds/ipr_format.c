/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipr_format.c - iproute2's formats of what a show prints as text or as
 * one JSON string: link types (ll_types.c), link-layer addresses
 * (ll_addr.c), hex strings, counters in columns (-h, -iec) and the
 * Ethernet protocols of ll_proto.c, with their names read back.
 */
#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include <net/if_arp.h>

#include "iproute.h"

/* ------------------------------------------------------------ formats */

static const struct {
	unsigned short type;
	const char *name;
} arphrd[] = {
	{ ARPHRD_NETROM, "netrom" }, { ARPHRD_ETHER, "ether" },
	{ ARPHRD_EETHER, "eether" }, { ARPHRD_AX25, "ax25" },
	{ ARPHRD_PRONET, "pronet" }, { ARPHRD_CHAOS, "chaos" },
	{ ARPHRD_IEEE802, "ieee802" }, { ARPHRD_ARCNET, "arcnet" },
	{ ARPHRD_APPLETLK, "atalk" }, { ARPHRD_DLCI, "dlci" },
	{ ARPHRD_ATM, "atm" }, { ARPHRD_METRICOM, "metricom" },
	{ ARPHRD_IEEE1394, "ieee1394" }, { ARPHRD_INFINIBAND, "infiniband" },
	{ ARPHRD_SLIP, "slip" }, { ARPHRD_CSLIP, "cslip" },
	{ ARPHRD_SLIP6, "slip6" }, { ARPHRD_CSLIP6, "cslip6" },
	{ ARPHRD_RSRVD, "rsrvd" }, { ARPHRD_ADAPT, "adapt" },
	{ ARPHRD_ROSE, "rose" }, { ARPHRD_X25, "x25" },
	{ ARPHRD_HWX25, "hwx25" }, { 280, "can" },
	{ ARPHRD_PPP, "ppp" }, { ARPHRD_HDLC, "hdlc" },
	{ ARPHRD_LAPB, "lapb" }, { ARPHRD_DDCMP, "ddcmp" },
	{ ARPHRD_RAWHDLC, "rawhdlc" }, { ARPHRD_TUNNEL, "ipip" },
	{ ARPHRD_TUNNEL6, "tunnel6" }, { ARPHRD_FRAD, "frad" },
	{ ARPHRD_SKIP, "skip" }, { ARPHRD_LOOPBACK, "loopback" },
	{ ARPHRD_LOCALTLK, "ltalk" }, { ARPHRD_FDDI, "fddi" },
	{ ARPHRD_BIF, "bif" }, { ARPHRD_SIT, "sit" },
	{ ARPHRD_IPDDP, "ip/ddp" }, { ARPHRD_IPGRE, "gre" },
	{ ARPHRD_PIMREG, "pimreg" }, { ARPHRD_HIPPI, "hippi" },
	{ ARPHRD_ASH, "ash" }, { ARPHRD_ECONET, "econet" },
	{ ARPHRD_IRDA, "irda" }, { ARPHRD_FCPP, "fcpp" },
	{ ARPHRD_FCAL, "fcal" }, { ARPHRD_FCPL, "fcpl" },
	{ ARPHRD_FCFABRIC, "fcfb0" }, { ARPHRD_FCFABRIC + 1, "fcfb1" },
	{ ARPHRD_FCFABRIC + 2, "fcfb2" }, { ARPHRD_FCFABRIC + 3, "fcfb3" },
	{ ARPHRD_FCFABRIC + 4, "fcfb4" }, { ARPHRD_FCFABRIC + 5, "fcfb5" },
	{ ARPHRD_FCFABRIC + 6, "fcfb6" }, { ARPHRD_FCFABRIC + 7, "fcfb7" },
	{ ARPHRD_FCFABRIC + 8, "fcfb8" }, { ARPHRD_FCFABRIC + 9, "fcfb9" },
	{ ARPHRD_FCFABRIC + 10, "fcfb10" },
	{ ARPHRD_FCFABRIC + 11, "fcfb11" },
	{ ARPHRD_FCFABRIC + 12, "fcfb12" },
	{ ARPHRD_IEEE802_TR, "tr" }, { ARPHRD_IEEE80211, "ieee802.11" },
	{ ARPHRD_IEEE80211_PRISM, "ieee802.11/prism" },
	{ ARPHRD_IEEE80211_RADIOTAP, "ieee802.11/radiotap" },
	{ 804, "ieee802.15.4" }, { 805, "ieee802.15.4/monitor" },
	{ 820, "phonet" }, { 821, "phonet_pipe" }, { 822, "caif" },
	{ 823, "gre6" }, { 824, "netlink" }, { 825, "6lowpan" },
	{ ARPHRD_NONE, "none" }, { ARPHRD_VOID, "void" },
};

const char *pr_lltype(unsigned type, bool numeric, char *buf, size_t len)
{
	for (size_t i = 0; !numeric && i < ARRAY_SIZE(arphrd); i++)
		if (arphrd[i].type == type)
			return arphrd[i].name;
	snprintf(buf, len, "[%u]", type);
	return buf;
}

const char *pr_lladdr(const unsigned char *a, int alen, unsigned type,
		      char *buf, size_t len)
{
	size_t l;

	if (alen == 4 && (type == ARPHRD_TUNNEL || type == ARPHRD_SIT ||
			  type == ARPHRD_IPGRE))
		return inet_ntop(AF_INET, a, buf, (socklen_t)len);
	if (alen == 16 && (type == ARPHRD_TUNNEL6 || type == 823))
		return inet_ntop(AF_INET6, a, buf, (socklen_t)len);
	buf[0] = '\0';
	if (alen <= 0)
		return buf;
	snprintf(buf, len, "%02x", a[0]);
	l = 2;
	for (int i = 1; i < alen && l < len; i++, l += 3)
		snprintf(buf + l, len - l, ":%02x", a[i]);
	return buf;
}

const char *pr_hexstring(const unsigned char *a, int alen, char *buf,
			 size_t len)
{
	size_t l = 0;

	buf[0] = '\0';
	for (int i = 0; i < alen && l + 3 <= len; i++, l += 2)
		snprintf(buf + l, len - l, "%02x", a[i]);
	return buf;
}

void pr_num(unsigned width, uint64_t count, bool human, bool iec)
{
	const char *prefix = "kMGTPE";
	const unsigned base = iec ? 1024 : 1000;
	uint64_t powi = 1;
	uint16_t powj = 1;
	uint8_t precision = 2;
	char buf[64];

	if (!human || count < base) {
		printf("%*" PRIu64 " ", (int)width, count);
		return;
	}
	for (;;) {
		powi *= base;
		if (count / base < powi)
			break;
		if (!prefix[1])
			break;
		++prefix;
	}
	for (; precision > 0; precision--) {
		powj *= 10;
		if (count / powi < powj)
			break;
	}
	snprintf(buf, sizeof(buf), "%.*f%c%s", precision,
		 (double)count / (double)powi, *prefix, iec ? "i" : "");
	printf("%*s ", (int)width, buf);
}

/* ------------------------------------------------------------ protocols */

/* the Ethernet protocol names of iproute2's ll_proto table */
static const struct {
	unsigned short id;
	const char *name;
} llproto[] = {
	{ 0x0060, "loop" }, { 0x0200, "pup" }, { 0x0201, "pupat" },
	{ 0x0800, "ip" }, { 0x0805, "x25" }, { 0x0806, "arp" },
	{ 0x08ff, "bpq" }, { 0x0a00, "ieeepup" }, { 0x0a01, "ieeepupat" },
	{ 0x6000, "dec" }, { 0x6001, "dna_dl" }, { 0x6002, "dna_rc" },
	{ 0x6003, "dna_rt" }, { 0x6004, "lat" }, { 0x6005, "diag" },
	{ 0x6006, "cust" }, { 0x6007, "sca" }, { 0x8035, "rarp" },
	{ 0x809b, "atalk" }, { 0x80f3, "aarp" }, { 0x8137, "ipx" },
	{ 0x86dd, "ipv6" }, { 0x8863, "ppp_disc" }, { 0x8864, "ppp_ses" },
	{ 0x884c, "atmmpoa" }, { 0x8884, "atmfate" }, { 0x0001, "802_3" },
	{ 0x0002, "ax25" }, { 0x0003, "all" }, { 0x0004, "802_2" },
	{ 0x0005, "snap" }, { 0x0006, "ddcmp" }, { 0x0007, "wan_ppp" },
	{ 0x0008, "ppp_mp" }, { 0x0009, "localtalk" }, { 0x000c, "can" },
	{ 0x0010, "ppptalk" }, { 0x0011, "tr_802_2" }, { 0x0015, "mobitex" },
	{ 0x0016, "control" }, { 0x0017, "irda" }, { 0x0018, "econet" },
	{ 0x88ca, "tipc" }, { 0x8892, "profinet" }, { 0x88a2, "aoe" },
	{ 0x88a4, "ethercat" }, { 0x8100, "802.1Q" }, { 0x88a8, "802.1ad" },
	{ 0x8847, "mpls_uc" }, { 0x8848, "mpls_mc" }, { 0x6558, "teb" },
	{ 0x8100, "802.1Q" }, { 0x88cc, "LLDP" }, { 0x0800, "ipv4" },
};

const char *pr_llproto(uint16_t be, bool numeric, char *buf, size_t len)
{
	unsigned short id = ntohs(be);

	for (size_t i = 0; !numeric && i < ARRAY_SIZE(llproto); i++)
		if (llproto[i].id == id)
			return llproto[i].name;
	snprintf(buf, len, "[%d]", id);
	return buf;
}

int link_llproto_a2n(const char *s, uint16_t *be)
{
	unsigned long long n;
	const char *err;

	for (size_t i = 0; i < ARRAY_SIZE(llproto); i++)
		if (strcasecmp(llproto[i].name, s) == 0) {
			*be = htons(llproto[i].id);
			return 0;
		}
	if (parse_num(s, 0xffff, &n, &err) < 0)
		return -1;
	*be = htons((uint16_t)n);
	return 0;
}
