/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * test-types.c - the strict parsers of shell/types_parse.c and
 * shell/types_name.c (parse_prefix, prefix_str, the name checks,
 * parse_uint) and the placeholder types as the command tree uses them,
 * through type_find(NAME)->parse.
 *
 * Reported, not yet fixed bugs have tests too, in main()'s bugs[]: see
 * run_all().
 */
#include "config.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "core.h"


/* cmocka cuts long messages (and their newline): quote at most 300 bytes */
static void assert_contains(const char *s, const char *what)
{
	if (!s || !strstr(s, what))
		fail_msg("'%.300s' does not contain '%s'", s ? s : "(null)",
			 what);
}

/* ------------------------------------------------------------ parse_prefix */

#define V4(a, b, c, d) ((const unsigned char[16]){ a, b, c, d })

static const unsigned char v6_fd00_1[16] = { 0xfd, 0x00, [15] = 0x01 };
static const unsigned char v6_loopback[16] = { [15] = 0x01 };
static const unsigned char v6_any[16];

static void prefix_ok(const char *s, bool allow_len, int family,
		      const unsigned char *addr, int len, bool has_len)
{
	struct nsh_prefix p;
	char eb[128] = "";
	const char *err = NULL;

	if (parse_prefix(s, allow_len, &p, eb, sizeof(eb), &err) != 0)
		fail_msg("parse_prefix(\"%s\") rejected: %s", s,
			 err ? err : eb);
	assert_int_equal(p.family, family);
	assert_memory_equal(p.addr, addr, family == AF_INET ? 4 : 16);
	if (family == AF_INET) {
		static const unsigned char zero[12];

		assert_memory_equal(p.addr + 4, zero, sizeof(zero));
	}
	assert_int_equal(p.len, len);
	assert_int_equal(p.has_len, has_len);
}

/* parse_prefix must reject S; returns the reason (static or in BUF) */
static const char *prefix_bad(const char *s, bool allow_len, char *buf,
			      size_t len)
{
	struct nsh_prefix p;
	const char *err = NULL;
	const char *why;

	buf[0] = '\0';
	if (parse_prefix(s, allow_len, &p, buf, len, &err) != -1)
		fail_msg("parse_prefix(\"%s\") accepted", s);
	why = err ? err : buf;
	if (!*why)
		fail_msg("parse_prefix(\"%s\") rejected without a reason", s);
	return why;
}

static void prefix_accepts_ipv4_with_length(void **state)
{
	prefix_ok("10.0.0.1/24", true, AF_INET, V4(10, 0, 0, 1), 24, true);
	prefix_ok("0.0.0.0/0", true, AF_INET, V4(0, 0, 0, 0), 0, true);
	prefix_ok("255.255.255.255/32", true, AF_INET,
		  V4(255, 255, 255, 255), 32, true);
	prefix_ok("192.168.100.200/9", true, AF_INET, V4(192, 168, 100, 200),
		  9, true);
}

static void prefix_without_length_is_host(void **state)
{
	prefix_ok("10.0.0.1", true, AF_INET, V4(10, 0, 0, 1), 32, false);
	prefix_ok("10.0.0.1", false, AF_INET, V4(10, 0, 0, 1), 32, false);
	prefix_ok("::1", true, AF_INET6, v6_loopback, 128, false);
	prefix_ok("fd00::1", false, AF_INET6, v6_fd00_1, 128, false);
}

static void prefix_accepts_ipv6(void **state)
{
	prefix_ok("fd00::1/64", true, AF_INET6, v6_fd00_1, 64, true);
	prefix_ok("::1/128", true, AF_INET6, v6_loopback, 128, true);
	prefix_ok("::/0", true, AF_INET6, v6_any, 0, true);
	prefix_ok("fd00:0:0:0:0:0:0:1/64", true, AF_INET6, v6_fd00_1, 64,
		  true);
	prefix_ok("FD00::1/7", true, AF_INET6, v6_fd00_1, 7, true);
}

static void prefix_rejects_bad_ipv4(void **state)
{
	static const char *const bad[] = {
		"10.0.0.300/24", "10.0.0.256", "10.8", "10.0.0",
		"10.8/16x", "10./8", "10.8./16",
		"1.2.3.4.5/24", "0x0a.0.0.7/24", "10.0.0.0x1", "a.b.c.d",
		"10.0.0.", ".10.0.0.1", "10..0.1", "10.0.0.1.", "+1.0.0.1",
		"10.0.0.-1", "10. 0.0.1", "10.0.0.12345678", "localhost",
	};
	char buf[128];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		prefix_bad(bad[i], true, buf, sizeof(buf));
	assert_contains(prefix_bad("10.0.0.300/24", true, buf, sizeof(buf)),
			"'300'");
	assert_contains(prefix_bad("1.2.3.4.5/24", true, buf, sizeof(buf)),
			"'.5'");
}

/* iproute2's network prefixes: missing numbers are zero, with a length only */
static void prefix_accepts_short_ipv4_with_length(void **state)
{
	static const unsigned char v10[16] = { 10 }, v10_8[16] = { 10, 8 },
				   v10_0_1[16] = { 10, 0, 1 };
	char buf[128];

	prefix_ok("10/8", true, AF_INET, v10, 8, true);
	prefix_ok("10.8/16", true, AF_INET, v10_8, 16, true);
	prefix_ok("10.0.1/24", true, AF_INET, v10_0_1, 24, true);
	/* no length: ambiguous (inet_aton reads 10.8 as 10.0.0.8) */
	assert_contains(prefix_bad("10.8", true, buf, sizeof(buf)),
			"reads it as 10.8.0.0");
	/* where no length is allowed, neither is the short form */
	prefix_bad("10.8", false, buf, sizeof(buf));
	prefix_bad("10/8", false, buf, sizeof(buf));
}

static void prefix_rejects_leading_zeros(void **state)
{
	char buf[128];

	assert_contains(prefix_bad("010.0.0.2/8", true, buf, sizeof(buf)),
			"leading zeros");
	/* the message suggests the decimal reading */
	assert_contains(buf, "write 10");
	assert_contains(prefix_bad("10.0.0.02", true, buf, sizeof(buf)),
			"leading zeros");
	assert_contains(prefix_bad("10.00.0.1/8", true, buf, sizeof(buf)),
			"leading zeros");
}

static void prefix_leading_zero_hint_quotes_whole_octet(void **state)
{
	char buf[128];

	assert_contains(prefix_bad("10.0.0.000000001", true, buf, sizeof(buf)),
			"'000000001'");
	assert_contains(buf, "write 1");
}

static void prefix_rejects_bad_length(void **state)
{
	static const char *const bad[] = {
		"10.0.0.1/33", "::1/129", "10.0.0.4/24abc", "10.0.0.1/24 ",
		"10.0.0.1/010", "10.0.0.1/00", "10.0.0.1/0x18", "10.0.0.1/-1",
		"10.0.0.1/+8", "10.0.0.1/99999999999999999999", "10.0.0.1/",
		"10.0.0.1/ 24", "10.0.0.1/24/8", "fd00::1/64x", "::/0128",
		"fd00::1/", "10.0.0.1/4294967320",
	};
	char buf[128];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		prefix_bad(bad[i], true, buf, sizeof(buf));
	assert_contains(prefix_bad("10.0.0.1/33", true, buf, sizeof(buf)),
			"0-32");
	assert_contains(prefix_bad("::1/129", true, buf, sizeof(buf)),
			"0-128");
	assert_contains(prefix_bad("10.0.0.4/24abc", true, buf, sizeof(buf)),
			"'/24abc'");
}

static void prefix_rejects_missing_or_odd_address(void **state)
{
	static const char *const bad[] = {
		"", "/24", "/", " 10.0.0.1/24", "10.0.0.1 /24",
		"fe80::1%eth0/64", "fe80::1%eth0", ":::1/64", "fd00::1::2/64",
		"fd00::g/64", "12345::/16",
	};
	char buf[128];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		prefix_bad(bad[i], true, buf, sizeof(buf));
	assert_contains(prefix_bad("fe80::1%eth0/64", true, buf, sizeof(buf)),
			"zone");
}

static void prefix_rejects_length_when_not_allowed(void **state)
{
	char buf[128];

	assert_contains(prefix_bad("10.0.0.1/24", false, buf, sizeof(buf)),
			"not allowed");
	prefix_bad("fd00::1/64", false, buf, sizeof(buf));
	prefix_bad("10.0.0.1/", false, buf, sizeof(buf));
}

static void prefix_rejects_overlong_input(void **state)
{
	char s[300], buf[128];

	memset(s, '1', sizeof(s) - 1);
	s[sizeof(s) - 1] = '\0';
	prefix_bad(s, true, buf, sizeof(buf));
	/* a long address part before the slash, too */
	memcpy(s, "1111:", 5);
	strcpy(s + 200, "/64");
	prefix_bad(s, true, buf, sizeof(buf));
}

static void prefix_error_fits_small_buffer(void **state)
{
	struct nsh_prefix p;
	const char *err = NULL;
	char buf[8];

	memset(buf, 'x', sizeof(buf));
	assert_int_equal(parse_prefix("10.0.0.1/99", true, &p, buf, sizeof(buf),
				      &err), -1);
	if (!err)
		assert_int_equal(strlen(buf), sizeof(buf) - 1);
}

static void prefix_str_round_trips(void **state)
{
	static const char *const canon[] = {
		"10.0.0.1/24", "0.0.0.0/0", "255.255.255.255/32",
		"fd00::1/64", "::1/128", "::/0", "2001:db8::/32",
	};
	struct nsh_prefix p;
	const char *err;
	char eb[128], buf[64];

	for (size_t i = 0; i < sizeof(canon) / sizeof(canon[0]); i++) {
		assert_int_equal(parse_prefix(canon[i], true, &p, eb,
					      sizeof(eb), &err), 0);
		assert_string_equal(prefix_str(&p, true, buf, sizeof(buf)),
				    canon[i]);
	}
	/* printed in canonical form */
	assert_int_equal(parse_prefix("FD00:0:0::1/64", true, &p, eb,
				      sizeof(eb), &err), 0);
	assert_string_equal(prefix_str(&p, true, buf, sizeof(buf)),
			    "fd00::1/64");
	assert_string_equal(prefix_str(&p, false, buf, sizeof(buf)),
			    "fd00::1");
	/* without a written length the length is still known */
	assert_int_equal(parse_prefix("10.0.0.1", true, &p, eb, sizeof(eb),
				      &err), 0);
	assert_string_equal(prefix_str(&p, true, buf, sizeof(buf)),
			    "10.0.0.1/32");
	assert_string_equal(prefix_str(&p, false, buf, sizeof(buf)),
			    "10.0.0.1");
	/* the result is the buffer, truncated and terminated */
	assert_ptr_equal(prefix_str(&p, true, buf, 5), buf);
	assert_string_equal(buf, "10.0");
}

static void prefix_str_default(void **state)
{
	struct nsh_prefix p = { .family = AF_UNSPEC };
	char buf[16];

	assert_string_equal(prefix_str(&p, true, buf, sizeof(buf)), "default");
	assert_string_equal(prefix_str(&p, false, buf, sizeof(buf)),
			    "default");
}

/* ------------------------------------------------------------ names */

static void netns_name_accepts_good_names(void **state)
{
	char s64[65];

	assert_null(check_netns_name("ns1"));
	assert_null(check_netns_name("lab-06_a.b"));
	/* ñandú */
	assert_null(check_netns_name("\xc3\xb1" "and\xc3\xba"));
	assert_null(check_netns_name("a"));
	assert_null(check_netns_name("1a"));
	assert_null(check_netns_name("x-"));
	assert_null(check_netns_name("...")); /* odd, but no path component */
	assert_null(check_netns_name("\xf0\x9f\x90\xa7"));	/* U+1F427 */
	memset(s64, 'n', 64);
	s64[64] = '\0';
	assert_null(check_netns_name(s64));
}

static void netns_name_rejects_bad_names(void **state)
{
	static const char *const bad[] = {
		"", "a/b", "/", ".", "..", "../x", "-x", "-", "ns1\r", "ns1\n",
		"a b", " x", "x ", "a\tb", "a\x7f", "\x1b[31m", "123", "0",
		"\xff", "a\xc3", "\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\xf8\x88\x80\x80\x80", "\x80",
		"x\xe2\x80\xae", "\xe2\x80\x8bns1", "ns\xef\xbb\xbf",
		"ns\xc2\xad" "1", "ns\xc2\x85", "\xe2\x81\xa6x",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (!check_netns_name(bad[i]))
			fail_msg("check_netns_name accepted bad[%zu]", i);
}

static void netns_name_rejects_65_bytes(void **state)
{
	char s[66];

	memset(s, 'n', 65);
	s[65] = '\0';
	assert_contains(check_netns_name(s), "64");
}

static void netns_name_reasons(void **state)
{
	assert_contains(check_netns_name(""), "empty");
	assert_contains(check_netns_name("a/b"), "'/'");
	assert_contains(check_netns_name(".."), "'..'");
	assert_contains(check_netns_name("-x"), "'-'");
	assert_contains(check_netns_name("ns1\r"), "control");
	assert_contains(check_netns_name("a b"), "spaces");
	assert_contains(check_netns_name("123"), "PID");
	assert_contains(check_netns_name("\xff"), "UTF-8");
	assert_contains(check_netns_name("\xe2\x80\xae"), "direction");
	assert_contains(check_netns_name("a\xe2\x80\x8b"), "invisible");
}

static void netns_name_rejects_other_invisible_chars(void **state)
{
	static const char *const bad[] = {
		"a\xc2\xa0" "b",	/* U+00A0 no-break space: "a b" */
		"a\xe2\x80\x83" "b",	/* U+2003 em space */
		"a\xe3\x80\x80" "b",	/* U+3000 ideographic space */
		"a\xe2\x80\xa8" "b",	/* U+2028 line separator */
		"a\xd8\x9c" "b",	/* U+061C Arabic letter mark (bidi) */
		"a\xe2\x81\xa0" "b",	/* U+2060 word joiner (invisible) */
		"a\xe1\xa0\x8e" "b",	/* U+180E Mongolian vowel sep. */
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (!check_netns_name(bad[i]))
			fail_msg("check_netns_name accepted bad[%zu]", i);
}

static void netns_ref_is_lenient(void **state)
{
	char s[257];

	assert_null(check_netns_ref("ns1"));
	assert_null(check_netns_ref("123"));
	assert_null(check_netns_ref(" x"));
	assert_null(check_netns_ref("-x"));
	assert_null(check_netns_ref("\xff"));
	assert_null(check_netns_ref("..."));
	memset(s, 'r', 255);
	s[255] = '\0';
	assert_null(check_netns_ref(s));
}

static void netns_ref_rejects_paths(void **state)
{
	char s[257];

	assert_non_null(check_netns_ref(""));
	assert_non_null(check_netns_ref("a/b"));
	assert_non_null(check_netns_ref("/"));
	assert_non_null(check_netns_ref("."));
	assert_non_null(check_netns_ref(".."));
	assert_non_null(check_netns_ref("../x"));
	memset(s, 'r', 256);
	s[256] = '\0';
	assert_contains(check_netns_ref(s), "255");
}

static void link_name_accepts_good_names(void **state)
{
	assert_null(check_link_name("veth-br1"));
	assert_null(check_link_name("eth0"));
	assert_null(check_link_name("a"));
	assert_null(check_link_name("v.1_x-y@z"));
	assert_null(check_link_name("123456789012345"));	/* 15 bytes */
	assert_null(check_link_name("..."));
}

static void link_name_rejects_bad_names(void **state)
{
	static const char *const bad[] = {
		"", "1234567890123456", "a:b", "a/b", "a b", "a\tb", " a",
		"a\n", "tmpl%d", "%", ".", "..", "a\x01", "a\x7f",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (!check_link_name(bad[i]))
			fail_msg("check_link_name accepted \"%s\"", bad[i]);
	assert_contains(check_link_name("1234567890123456"), "15");
	assert_contains(check_link_name("tmpl%d"), "'%'");
	assert_contains(check_link_name(""), "empty");
}

static void link_name_rejects_byte_the_kernel_calls_space(void **state)
{
	/* the kernel's isspace() (lib/ctype.c) is Latin-1: 0xa0 is a space,
	 * so dev_valid_name() refuses "a\xc3\xa0" (aà) with EINVAL */
	assert_non_null(check_link_name("a\xc3\xa0"));
	assert_non_null(check_link_name("\xa0"));
	assert_null(check_link_name("a\xc3\xa1"));	/* aá is fine */
}

/* ------------------------------------------------------------ parse_uint */

static void uint_ok(const char *s, unsigned long max, unsigned long want)
{
	unsigned long v = 12345;

	if (parse_uint(s, max, &v) != 0)
		fail_msg("parse_uint(\"%s\", %lu) rejected", s, max);
	assert_int_equal(v, want);
}

static void uint_bad(const char *s, unsigned long max)
{
	unsigned long v;

	if (parse_uint(s, max, &v) != -1)
		fail_msg("parse_uint(\"%s\", %lu) accepted: %lu", s, max, v);
}

static void uint_accepts_decimal(void **state)
{
	uint_ok("0", 10, 0);
	uint_ok("7", 10, 7);
	uint_ok("10", 10, 10);
	uint_ok("1500", 65535, 1500);
	uint_ok("4294967295", UINT32_MAX, UINT32_MAX);
	uint_ok("18446744073709551615", ULONG_MAX, ULONG_MAX);
}

static void uint_rejects_non_decimal(void **state)
{
	static const char *const bad[] = {
		"", "00", "01", "007", "+1", "-1", " 1", "1 ", "0x10", "1e3",
		"1.0", "\xd9\xa1", "12a", "a12",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		uint_bad(bad[i], ULONG_MAX);
}

static void uint_respects_max(void **state)
{
	uint_ok("255", 255, 255);
	uint_bad("256", 255);
	uint_bad("1000", 255);
	uint_ok("32", 32, 32);
	uint_bad("33", 32);
	uint_ok("128", 128, 128);
	uint_bad("129", 128);
	uint_bad("4294967296", UINT32_MAX);
	uint_ok("10", 10, 10);
	uint_bad("11", 10);
}

static void uint_rejects_overflow(void **state)
{
	uint_bad("18446744073709551616", ULONG_MAX);
	uint_bad("18446744073709551620", ULONG_MAX);
	uint_bad("99999999999999999999", ULONG_MAX);
	uint_bad("184467440737095516150", ULONG_MAX);
	uint_bad("99999999999999999999999999999999999999", UINT32_MAX);
}

static void uint_respects_max_below_ten(void **state)
{
	uint_ok("5", 5, 5);
	uint_bad("6", 5);
	uint_bad("7", 5);
	uint_ok("0", 0, 0);
	uint_bad("1", 0);
	uint_bad("9", 8);
}

/* ------------------------------------------------------------ types */

static const struct nsh_type *type_get(const char *name)
{
	const struct nsh_type *t = type_find(name);

	if (!t)
		fail_msg("no type %s", name);
	return t;
}

/* WORD must be accepted by type NAME; its value in *V */
static void type_ok(const char *name, const char *word, struct nsh_val *v)
{
	const struct nsh_type *t = type_get(name);
	const char *err = NULL;
	char eb[128] = "";

	memset(v, 0, sizeof(*v));
	assert_non_null(t->parse);
	if (t->parse(word, v, eb, sizeof(eb), &err) != 0)
		fail_msg("%s rejected \"%s\": %s", name, word, err ? err : eb);
}

/* WORD must be rejected by type NAME, with a reason (returned) */
static const char *type_bad(const char *name, const char *word, char *eb,
			    size_t el)
{
	const struct nsh_type *t = type_get(name);
	const char *err = NULL;
	struct nsh_val v;
	const char *why;

	memset(&v, 0, sizeof(v));
	eb[0] = '\0';
	assert_non_null(t->parse);
	if (t->parse(word, &v, eb, el, &err) != -1)
		fail_msg("%s accepted \"%s\"", name, word);
	why = err ? err : eb;
	if (!*why)
		fail_msg("%s rejected \"%s\" without a reason", name, word);
	return why;
}

static void type_find_by_name(void **state)
{
	static const char *const names[] = {
		"NSNAME", "NETNS", "NSREF", "NEWIF", "IFNAME", "BRIDGE",
		"IFADDR", "ADDR", "BRD", "ROUTE", "MTU", "UINT", "PID", "MAC",
		"SYSCTL", "FILE", "WORD", "ARGS", "TOPIC",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const struct nsh_type *t = type_get(names[i]);

		assert_string_equal(t->name, names[i]);
		assert_non_null(t->help);
		assert_true(t->help[0] != '\0');
		/* a type either parses one word or takes the rest */
		assert_true(t->rest || t->parse);
	}
	/* a binding name after '$' is ignored */
	assert_ptr_equal(type_find("NETNS$opt_netns"), type_find("NETNS"));
	assert_null(type_find("MT"));
	assert_null(type_find("MTUX"));
	assert_null(type_find("mtu"));
	assert_null(type_find(""));
	assert_null(type_find("$x"));
	assert_true(type_find("ARGS")->rest);
	assert_false(type_find("MTU")->rest);
}

static void type_mtu_range(void **state)
{
	struct nsh_val v;
	char eb[128];

	type_ok("MTU", "68", &v);
	assert_int_equal(v.num, 68);
	type_ok("MTU", "1500", &v);
	assert_int_equal(v.num, 1500);
	type_ok("MTU", "65535", &v);
	assert_int_equal(v.num, 65535);
	assert_contains(type_bad("MTU", "67", eb, sizeof(eb)), "68");
	type_bad("MTU", "0", eb, sizeof(eb));
	type_bad("MTU", "65536", eb, sizeof(eb));
	type_bad("MTU", "01500", eb, sizeof(eb));
	type_bad("MTU", "1500 ", eb, sizeof(eb));
	type_bad("MTU", "-1500", eb, sizeof(eb));
	type_bad("MTU", "0x5dc", eb, sizeof(eb));
	type_bad("MTU", "", eb, sizeof(eb));
	type_bad("MTU", "99999999999999999999999", eb, sizeof(eb));
}

static void type_pid_positive(void **state)
{
	struct nsh_val v;
	char eb[128];

	type_ok("PID", "1", &v);
	assert_int_equal(v.num, 1);
	type_ok("PID", "4194303", &v);	/* highest PID Linux can give */
	assert_int_equal(v.num, 4194303);
	assert_contains(type_bad("PID", "0", eb, sizeof(eb)), "greater than 0");
	type_bad("PID", "-1", eb, sizeof(eb));
	type_bad("PID", "01", eb, sizeof(eb));
	type_bad("PID", "self", eb, sizeof(eb));
	type_bad("PID", "4194305", eb, sizeof(eb));
	type_bad("PID", "99999999999999999999", eb, sizeof(eb));
}

static void type_uint_32_bits(void **state)
{
	struct nsh_val v;
	char eb[128];

	type_ok("UINT", "0", &v);
	assert_int_equal(v.num, 0);
	type_ok("UINT", "4294967295", &v);
	assert_int_equal(v.num, 4294967295L);
	type_bad("UINT", "4294967296", eb, sizeof(eb));
	type_bad("UINT", "-1", eb, sizeof(eb));
	type_bad("UINT", "1k", eb, sizeof(eb));
}

static void type_mac_accepts_unicast(void **state)
{
	static const unsigned char want[6] = { 0x02, 0, 0, 0, 0, 0x01 };
	static const unsigned char want2[6] = { 0x02, 0xab, 0xcd, 0xef, 0x90,
						0xff };
	struct nsh_val v;

	type_ok("MAC", "02:00:00:00:00:01", &v);
	assert_memory_equal(v.mac, want, 6);
	type_ok("MAC", "02:AB:cd:Ef:90:ff", &v);
	assert_memory_equal(v.mac, want2, 6);
	type_ok("MAC", "fe:ff:ff:ff:ff:ff", &v);
}

static void type_mac_rejects_multicast(void **state)
{
	char eb[128];

	assert_contains(type_bad("MAC", "01:00:5e:00:00:01", eb, sizeof(eb)),
			"multicast");
	assert_contains(type_bad("MAC", "ff:ff:ff:ff:ff:ff", eb, sizeof(eb)),
			"multicast");
	type_bad("MAC", "33:33:00:00:00:01", eb, sizeof(eb));
}

static void type_mac_rejects_bad_forms(void **state)
{
	static const char *const bad[] = {
		"", "02:00:00:00:00", "02:00:00:00:00:01:",
		"02:00:00:00:00:01:02", "02:00:00:00:00:1", "2:0:0:0:0:1",
		"02-00-00-00-00-01", "020000000001", "0200.0000.0001",
		"02:00:00:00:00:0g", "02:00:00:00:00:01 ", " 02:00:00:00:00:01",
		"02::00:00:00:00:01", "02:00:00:00:00:001", "0x:00:00:00:00:01",
		"02:00:00:00:00:0",
	};
	char eb[128];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_contains(type_bad("MAC", bad[i], eb, sizeof(eb)),
				"six hex pairs");
}

static void type_route_default(void **state)
{
	struct nsh_val v;

	type_ok("ROUTE", "default", &v);
	assert_int_equal(v.pfx.family, AF_UNSPEC);
	assert_int_equal(v.pfx.len, 0);
}

static void type_route_accepts_networks(void **state)
{
	struct nsh_val v;

	type_ok("ROUTE", "10.0.0.0/24", &v);
	assert_int_equal(v.pfx.family, AF_INET);
	assert_int_equal(v.pfx.len, 24);
	assert_memory_equal(v.pfx.addr, V4(10, 0, 0, 0), 4);
	type_ok("ROUTE", "0.0.0.0/0", &v);
	type_ok("ROUTE", "10.0.0.128/25", &v);
	type_ok("ROUTE", "10.0.0.1", &v);	/* a host route */
	assert_int_equal(v.pfx.len, 32);
	type_ok("ROUTE", "10.0.0.1/32", &v);
	type_ok("ROUTE", "fd00::/64", &v);
	assert_int_equal(v.pfx.family, AF_INET6);
	type_ok("ROUTE", "::/0", &v);
	type_ok("ROUTE", "fd00::1/128", &v);
}

static void type_route_rejects_host_bits_with_hint(void **state)
{
	char eb[128];

	assert_contains(type_bad("ROUTE", "10.0.0.1/24", eb, sizeof(eb)),
			"10.0.0.0/24");
	assert_contains(type_bad("ROUTE", "10.1.2.3/8", eb, sizeof(eb)),
			"10.0.0.0/8");
	assert_contains(type_bad("ROUTE", "10.0.0.129/25", eb, sizeof(eb)),
			"10.0.0.128/25");
	assert_contains(type_bad("ROUTE", "1.0.0.0/0", eb, sizeof(eb)),
			"0.0.0.0/0");
	assert_contains(type_bad("ROUTE", "fd00::1/64", eb, sizeof(eb)),
			"fd00::/64");
	assert_contains(type_bad("ROUTE", "fd00::1/127", eb, sizeof(eb)),
			"fd00::/127");
}

static void type_route_rejects_bad_prefixes(void **state)
{
	char eb[128];

	type_bad("ROUTE", "Default", eb, sizeof(eb));
	type_bad("ROUTE", "default/0", eb, sizeof(eb));
	type_bad("ROUTE", "10.0.0.0/33", eb, sizeof(eb));
	type_bad("ROUTE", "010.0.0.0/8", eb, sizeof(eb));
	type_bad("ROUTE", "", eb, sizeof(eb));
}

static void type_brd_plus_minus_or_address(void **state)
{
	struct nsh_val v;
	char eb[128];

	type_ok("BRD", "+", &v);
	assert_int_equal(v.special, '+');
	type_ok("BRD", "-", &v);
	assert_int_equal(v.special, '-');
	type_ok("BRD", "10.0.0.255", &v);
	assert_int_equal(v.special, 0);
	assert_int_equal(v.pfx.family, AF_INET);
	assert_memory_equal(v.pfx.addr, V4(10, 0, 0, 255), 4);
	type_bad("BRD", "10.0.0.255/24", eb, sizeof(eb));
	type_bad("BRD", "++", eb, sizeof(eb));
	type_bad("BRD", "", eb, sizeof(eb));
}

static void type_ifaddr_and_addr(void **state)
{
	struct nsh_val v;
	char eb[128];

	type_ok("IFADDR", "10.0.0.1/24", &v);
	assert_int_equal(v.pfx.len, 24);
	assert_true(v.pfx.has_len);
	type_ok("IFADDR", "fd00::1/64", &v);
	assert_int_equal(v.pfx.family, AF_INET6);
	type_bad("IFADDR", "10.0.0.1/33", eb, sizeof(eb));
	type_ok("ADDR", "10.0.0.1", &v);
	assert_false(v.pfx.has_len);
	assert_contains(type_bad("ADDR", "10.0.0.1/24", eb, sizeof(eb)),
			"not allowed");
}

static void type_names_use_the_checks(void **state)
{
	struct nsh_val v;
	char eb[128];

	type_ok("NSNAME", "ns1", &v);
	assert_string_equal(type_bad("NSNAME", "123", eb, sizeof(eb)),
			    check_netns_name("123"));
	assert_string_equal(type_bad("NSNAME", "../x", eb, sizeof(eb)),
			    check_netns_name("../x"));
	type_ok("NETNS", "123", &v);
	type_bad("NETNS", "a/b", eb, sizeof(eb));
	type_ok("NSREF", "1234", &v);
	type_bad("NSREF", "..", eb, sizeof(eb));
	type_ok("NEWIF", "veth0", &v);
	type_bad("NEWIF", "1234567890123456", eb, sizeof(eb));
	type_ok("IFNAME", "lo", &v);
	type_bad("IFNAME", "a:b", eb, sizeof(eb));
	type_ok("BRIDGE", "br0", &v);
	type_bad("BRIDGE", "br 0", eb, sizeof(eb));
}

static void type_sysctl_keys(void **state)
{
	struct nsh_val v;
	char eb[128];

	type_ok("SYSCTL", "net.ipv4.ip_forward", &v);
	type_ok("SYSCTL", "net.ipv4.ip_forward=1", &v);
	type_ok("SYSCTL", "net/ipv4/conf/all/forwarding=0", &v);
	type_ok("SYSCTL", "net.ipv4.conf.veth-a.rp_filter=2", &v);
	type_ok("SYSCTL", "kernel.x=a b..c", &v);	/* values are free */
	type_bad("SYSCTL", "=1", eb, sizeof(eb));
	type_bad("SYSCTL", "", eb, sizeof(eb));
	type_bad("SYSCTL", "net ipv4", eb, sizeof(eb));
	type_bad("SYSCTL", "net/../../etc/x=1", eb, sizeof(eb));
	type_bad("SYSCTL", "net.ipv4.*", eb, sizeof(eb));
}

/* type_find looks in the lab's names after the value types, as
 * cmdtree_init sets it up */
static int group_setup(void **state)
{
	types_init(NULL, nsh_name_types, NULL);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(prefix_accepts_ipv4_with_length),
		cmocka_unit_test(prefix_without_length_is_host),
		cmocka_unit_test(prefix_accepts_ipv6),
		cmocka_unit_test(prefix_rejects_bad_ipv4),
		cmocka_unit_test(prefix_accepts_short_ipv4_with_length),
		cmocka_unit_test(prefix_rejects_leading_zeros),
		cmocka_unit_test(prefix_rejects_bad_length),
		cmocka_unit_test(prefix_rejects_missing_or_odd_address),
		cmocka_unit_test(prefix_rejects_length_when_not_allowed),
		cmocka_unit_test(prefix_rejects_overlong_input),
		cmocka_unit_test(prefix_error_fits_small_buffer),
		cmocka_unit_test(prefix_str_round_trips),
		cmocka_unit_test(prefix_str_default),
		cmocka_unit_test(netns_name_accepts_good_names),
		cmocka_unit_test(netns_name_rejects_bad_names),
		cmocka_unit_test(netns_name_rejects_65_bytes),
		cmocka_unit_test(netns_name_reasons),
		cmocka_unit_test(netns_ref_is_lenient),
		cmocka_unit_test(netns_ref_rejects_paths),
		cmocka_unit_test(link_name_accepts_good_names),
		cmocka_unit_test(link_name_rejects_bad_names),
		cmocka_unit_test(uint_accepts_decimal),
		cmocka_unit_test(uint_rejects_non_decimal),
		cmocka_unit_test(uint_respects_max),
		cmocka_unit_test(uint_rejects_overflow),
		cmocka_unit_test(type_find_by_name),
		cmocka_unit_test(type_mtu_range),
		cmocka_unit_test(type_pid_positive),
		cmocka_unit_test(type_uint_32_bits),
		cmocka_unit_test(type_mac_accepts_unicast),
		cmocka_unit_test(type_mac_rejects_multicast),
		cmocka_unit_test(type_mac_rejects_bad_forms),
		cmocka_unit_test(type_route_default),
		cmocka_unit_test(type_route_accepts_networks),
		cmocka_unit_test(type_route_rejects_host_bits_with_hint),
		cmocka_unit_test(type_route_rejects_bad_prefixes),
		cmocka_unit_test(type_brd_plus_minus_or_address),
		cmocka_unit_test(type_ifaddr_and_addr),
		cmocka_unit_test(type_names_use_the_checks),
		cmocka_unit_test(type_sysctl_keys),
		cmocka_unit_test(prefix_leading_zero_hint_quotes_whole_octet),
		cmocka_unit_test(netns_name_rejects_other_invisible_chars),
		cmocka_unit_test(link_name_rejects_byte_the_kernel_calls_space),
		cmocka_unit_test(uint_respects_max_below_ten),
	};

	return cmocka_run_group_tests(tests, group_setup, NULL);
}
