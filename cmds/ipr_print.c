/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipr_print.c - output as iproute2 prints it (lib/json_print.c,
 * lib/json_writer.c), for every iproute2 family: every field is printed
 * once, in text with its printf format (spaces and all) or, under -j, as
 * a JSON member with its key, by the same call (PR_ANY), or only in one
 * of the two (PR_FP, PR_JSON).  The JSON is written as iproute2's
 * json_writer writes it (a separator before a value, never after; a
 * member's name on a new line when pretty, four spaces a level; "[ {",
 * "} ]"; an array's values on one line), so that `ip -j -p`, `tc -j` and
 * `bridge -j` output compares byte for byte.  And iproute2's formats of
 * link types and addresses, sizes and rates.
 *
 * One show at a time (a command runs to its end before the next): the
 * state is this file's.
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
#include "term.h"

static struct {
	bool json;
	bool pretty;
	bool oneline;
	bool array;		/* the show's array was opened */
	bool color;		/* -c: escape sequences around some fields */
	unsigned depth;
	char sep; /* ',' once a value was written at this depth */
} w;

/* ------------------------------------------------------------ JSON */

static void j_eor(void)
{
	if (w.sep)
		putchar(w.sep);
	w.sep = ',';
}

static void j_eol(void)
{
	if (!w.pretty)
		return;
	putchar('\n');
	for (unsigned i = 0; i < w.depth; i++)
		fputs("    ", stdout);
}

static void j_puts(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", stdout); break;
		case '\n': fputs("\\n", stdout); break;
		case '\r': fputs("\\r", stdout); break;
		case '\f': fputs("\\f", stdout); break;
		case '\b': fputs("\\b", stdout); break;
		case '\\': fputs("\\\\", stdout); break;
		case '"': fputs("\\\"", stdout); break;
		default: putchar(*s);
		}
	}
	putchar('"');
}

static void j_begin(int c)
{
	j_eor();
	putchar(c);
	w.depth++;
	w.sep = '\0';
}

static void j_end(int c)
{
	if (w.depth)
		w.depth--;
	if (w.sep)
		j_eol();
	putchar(c);
	w.sep = ',';
}

static void j_name(const char *name)
{
	j_eor();
	j_eol();
	w.sep = '\0';
	j_puts(name);
	putchar(':');
	if (w.pretty)
		putchar(' ');
}

/* a member KEY (or an array element when KEY is NULL) about to be
 * written by the caller */
static void j_member(const char *key)
{
	if (key)
		j_name(key);
	j_eor();
}

/* ------------------------------------------------------------ the API */

void pr_begin(bool json, bool pretty, bool oneline, bool array)
{
	memset(&w, 0, sizeof(w));
	w.json = json;
	w.pretty = pretty;
	w.oneline = oneline;
	w.array = json && array;
	if (w.array) {
		j_begin('[');
		if (w.pretty)
			putchar(' ');
	}
}

void pr_end(void)
{
	if (w.json) {
		if (w.array)
			pr_arr_close(PR_JSON, NULL);
		putchar('\n');
	}
	fflush(stdout);
	w.json = false;
}

static bool is_fp(enum pr_out t);

void pr_color(bool on)
{
	w.color = on && !w.json;
}

void pr_color_string(enum pr_out t, enum pr_color c, const char *key,
		     const char *fmt, const char *val)
{
	if (!w.color || c == PC_NONE || !is_fp(t)) {
		pr_string(t, key, fmt, val);
		return;
	}
	/* iproute2's color_fprintf: the colour, the text, "\e[0m" */
	fputs(term_sgr((enum term_attr)c), stdout);
	printf(fmt, val);
	fputs(TERM_SGR_END, stdout);
}

void pr_color_text(enum pr_color c, const char *fmt, const char *val)
{
	bool json = w.json;

	w.json = false;
	pr_color_string(PR_FP, c, NULL, fmt, val);
	w.json = json;
}

bool pr_json(void)
{
	return w.json;
}

const char *pr_sl(void)
{
	return w.oneline ? "\\" : "\n";
}

static bool is_json(enum pr_out t)
{
	return w.json && (t & PR_JSON);
}

/* text, when the call has a format for it */
static bool is_fp(enum pr_out t)
{
	return !w.json && (t & PR_FP);
}

void pr_nl(void)
{
	if (!w.json)
		fputs(pr_sl(), stdout);
}

void pr_obj_open(const char *key)
{
	if (!w.json)
		return;
	if (key)
		j_name(key);
	j_begin('{');
}

void pr_obj_close(void)
{
	if (w.json)
		j_end('}');
}

void pr_arr_open(enum pr_out t, const char *s)
{
	if (is_json(t)) {
		if (s)
			j_name(s);
		j_begin('[');
		if (w.pretty)
			putchar(' ');
	} else if (is_fp(t)) {
		fputs(s, stdout);
	}
}

void pr_arr_close(enum pr_out t, const char *s)
{
	if (is_json(t)) {
		if (w.pretty && w.sep)
			putchar(' ');
		w.sep = '\0';
		j_end(']');
	} else if (is_fp(t)) {
		fputs(s, stdout);
	}
}

void pr_string(enum pr_out t, const char *key, const char *fmt,
	       const char *val)
{
	if (is_json(t)) {
		if (key && !val) {
			j_name(key);
		} else {
			j_member(key);
			j_puts(val);
		}
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_int(enum pr_out t, const char *key, const char *fmt, int val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%d", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_uint(enum pr_out t, const char *key, const char *fmt, unsigned val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%u", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_u64(enum pr_out t, const char *key, const char *fmt,
	    unsigned long long val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%llu", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_s64(enum pr_out t, const char *key, const char *fmt, long long val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%lld", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_hu(enum pr_out t, const char *key, const char *fmt,
	   unsigned short val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%hu", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_hhu(enum pr_out t, const char *key, const char *fmt,
	    unsigned char val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%hhu", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_float(enum pr_out t, const char *key, const char *fmt, double val)
{
	if (is_json(t)) {
		j_member(key);
		printf("%g", val);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

static void pr_bool_str(enum pr_out t, const char *key, const char *fmt,
			bool val, const char *str)
{
	if (is_json(t)) {
		j_member(key);
		fputs(val ? "true" : "false", stdout);
	} else if (is_fp(t) && fmt) {
		printf(fmt, str);
	}
}

void pr_bool(enum pr_out t, const char *key, const char *fmt, bool val)
{
	pr_bool_str(t, key, fmt, val, val ? "true" : "false");
}

void pr_on_off(enum pr_out t, const char *key, const char *fmt, bool val)
{
	pr_bool_str(t, key, fmt, val, val ? "on" : "off");
}

void pr_null(enum pr_out t, const char *key, const char *fmt,
	     const char *val)
{
	if (is_json(t)) {
		j_member(key);
		fputs("null", stdout);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_0xhex(enum pr_out t, const char *key, const char *fmt,
	      unsigned long long val)
{
	char b[32];

	if (is_json(t)) {
		snprintf(b, sizeof(b), "%#llx", val);
		pr_string(PR_JSON, key, NULL, b);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_hex(enum pr_out t, const char *key, const char *fmt, unsigned val)
{
	char b[32];

	if (is_json(t)) {
		snprintf(b, sizeof(b), "%x", val);
		j_member(key);
		j_puts(b);
	} else if (is_fp(t) && fmt) {
		printf(fmt, val);
	}
}

void pr_size(enum pr_out t, const char *key, const char *fmt,
	     uint32_t bytes)
{
	char b[IPR_SPRINT];

	if (is_json(t)) {
		j_member(key);
		printf("%u", bytes);
	} else if (is_fp(t) && fmt) {
		printf(fmt, ipr_sprint_size(bytes, b));
	}
}

void pr_rate(enum pr_out t, const char *key, const char *fmt,
	     unsigned long long rate, bool iec)
{
	static const char *const units[] = { "", "K", "M", "G", "T" };
	unsigned long long kilo = iec ? 1024 : 1000;
	char b[IPR_SPRINT];
	size_t i;

	if (is_json(t)) {
		j_member(key);
		printf("%llu", rate);
		return;
	}
	if (!is_fp(t) || !fmt)
		return;
	rate <<= 3;	/* bits per second */
	/* the largest unit that keeps the number whole, or below 1000 */
	for (i = 0; i < ARRAY_SIZE(units) - 1; i++) {
		if (rate < kilo ||
		    (rate % kilo != 0 && rate < 1000 * kilo))
			break;
		rate /= kilo;
	}
	snprintf(b, sizeof(b), "%.0f%s%sbit", (double)rate, units[i],
		 i > 0 && iec ? "i" : "");
	printf(fmt, b);
}

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

void pr_timer(const char *key, uint64_t jiffies)
{
	unsigned long long us = 10000ULL * jiffies;
	int sec = (int)(us / 1000000), cs = (int)(us % 1000000) / 10000;

	if (w.json) {
		j_name(key);
		j_eor();
		printf("%i.%.2i", sec, cs);
	} else {
		printf("%s %4i.%.2i ", key, sec, cs);
	}
}
