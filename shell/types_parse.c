/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * types_parse.c - the strict parsers of words that the placeholder types
 * and the handlers share: decimal and iproute2 numbers, IPv4/IPv6
 * addresses and prefixes, link-layer addresses, names of /etc/iproute2
 * files, durations.
 *
 * They are deliberately stricter than iproute2 and libnl, whose lenient
 * forms surprise students (reliability.md part b-B): decimal only, no
 * leading zeros, no trailing garbage, prefix lengths 0-32 / 0-128.
 */
#include "config.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "nsh.h"
#include "types_priv.h"

/* Decimal, no sign, no leading zeros, at most MAX. */
int parse_uint(const char *s, unsigned long max, unsigned long *ret)
{
	unsigned long v = 0;

	if (!*s || (s[0] == '0' && s[1]))
		return -1;
	for (; *s; s++) {
		unsigned long d = (unsigned long)(*s - '0');

		if (!isdigit((unsigned char)*s) || d > max ||
		    v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*ret = v;
	return 0;
}


/*
 * Four decimal numbers.  With SHORT (a prefix length follows) fewer will
 * do, the missing ones zero, as iproute2's get_addr_ipv4 and ip-cref read
 * network prefixes (10/8 is 10.0.0.0/8, 10.0.0/24 is 10.0.0.0/24); a bare
 * 10.8 stays an error (inet_aton would read it as 10.0.0.8).
 */
static int parse_ipv4(const char *s, bool short_ok, unsigned char *out,
		      char *errbuf, size_t errlen, const char **ret_err)
{
	const char *p = s;

	memset(out, 0, 4);
	for (int i = 0; i < 4; i++) {
		size_t n = strspn(p, "0123456789");
		unsigned long v;
		char oct[32];

		if (n == 0)
			FAIL("not an IPv4 address (four numbers 0-255 "
			     "separated by dots)");
		snprintf(oct, sizeof(oct), "%.*s", (int)n, p);
		p += n;
		if (n >= sizeof(oct) - 1)
			FAIL("'%s…' is not a number from 0 to 255", oct);
		if (n > 1 && oct[0] == '0') {
			const char *digits = oct + strspn(oct, "0");

			if (!*digits)
				digits = "0";
			if (parse_uint(digits, 255, &v) < 0)
				FAIL("'%s' is not a number from 0 to 255", oct);
			FAIL("'%s': leading zeros are ambiguous (octal in "
			     "some tools); write %lu",
			     oct, v);
		}
		if (parse_uint(oct, 255, &v) < 0)
			FAIL("'%s' is not a number from 0 to 255", oct);
		out[i] = (unsigned char)v;
		if (i < 3 && !*p && short_ok)
			break;
		if (i < 3 && !*p)
			FAIL("fewer than four numbers: write the "
			     "address in full (iproute2 reads it as %u.%u.%u.%u)",
			     out[0], out[1], out[2], out[3]);
		if (i < 3) {
			if (*p != '.')
				FAIL("not an IPv4 address (four numbers 0-255 "
				     "separated by dots)");
			p++;
		}
	}
	if (*p)
		FAIL("unexpected '%s' after the address", p);
	return 0;
}

int parse_prefix(const char *s, bool allow_len, struct nsh_prefix *ret,
		 char *errbuf, size_t errlen, const char **ret_err)
{
	char addr[64];
	const char *slash = strchr(s, '/');
	size_t alen = slash ? (size_t)(slash - s) : strlen(s);
	unsigned long len;

	memset(ret, 0, sizeof(*ret));
	if (alen == 0 || alen >= sizeof(addr))
		FAIL("not an IP address");
	memcpy(addr, s, alen);
	addr[alen] = '\0';
	if (strchr(addr, ':')) {
		if (strchr(addr, '%'))
			FAIL("IPv6 zone ids ('%%…') are not supported here");
		if (inet_pton(AF_INET6, addr, ret->addr) != 1)
			FAIL("not an IPv6 address");
		ret->family = AF_INET6;
	} else {
		if (parse_ipv4(addr, slash && allow_len, ret->addr, errbuf,
			       errlen, ret_err) < 0)
			return -1;
		ret->family = AF_INET;
	}
	ret->len = ret->family == AF_INET ? 32 : 128;
	if (slash) {
		if (!allow_len)
			FAIL("a prefix length is not allowed here");
		if (parse_uint(slash + 1, (unsigned long)ret->len, &len) < 0) {
			char esc[64];

			FAIL("'/%s' is not a prefix length (decimal 0-%d)",
			     str_escape(slash + 1, esc, sizeof(esc)), ret->len);
		}
		ret->len = (int)len;
		ret->has_len = true;
	}
	return 0;
}

const char *prefix_str(const struct nsh_prefix *p, bool with_len, char *buf,
		       size_t len)
{
	char a[INET6_ADDRSTRLEN];

	if (p->family == AF_UNSPEC) {
		snprintf(buf, len, "default");
		return buf;
	}
	inet_ntop(p->family, p->addr, a, sizeof(a));
	if (with_len)
		snprintf(buf, len, "%s/%d", a, p->len);
	else
		snprintf(buf, len, "%s", a);
	return buf;
}

/*
 * parse_num - a number as iproute2's get_u32(…, 0) reads it: decimal, or
 * hex after 0x.  A leading zero (octal to strtoul) is refused with a
 * hint: 010 would silently be 8 (reliability.md B3).
 */
int parse_num(const char *s, unsigned long long max, unsigned long long *ret,
	      const char **ret_err)
{
	unsigned long long v = 0;
	int base = 10;

	*ret_err = "not a number";
	if (!*s)
		return -1;
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		if (!*s)
			return -1;
	} else if (s[0] == '0' && s[1]) {
		*ret_err = "a number with a leading zero (iproute2 reads it as "
			   "octal); write it without, or as 0x… hex";
		return -1;
	}
	for (; *s; s++) {
		unsigned d;

		if (isdigit((unsigned char)*s))
			d = (unsigned)(*s - '0');
		else if (base == 16 && isxdigit((unsigned char)*s))
			d = (unsigned)(tolower((unsigned char)*s) - 'a' + 10);
		else
			return -1;
		if (v > (max - d) / (unsigned)base) {
			*ret_err = "number too large";
			return -1;
		}
		v = v * (unsigned)base + d;
	}
	*ret = v;
	return 0;
}

int parse_lladdr(const char *s, unsigned char *out, size_t max)
{
	struct in_addr a4;
	size_t n = 0;

	if (strchr(s, '.')) {
		if (max < 4 || inet_pton(AF_INET, s, &a4) != 1)
			return -1;
		memcpy(out, &a4, 4);
		return 4;
	}
	while (*s) {
		size_t k = strspn(s, "0123456789abcdefABCDEF");
		char part[3];

		if (k < 1 || k > 2 || n == max)
			return -1;
		memcpy(part, s, k);
		part[k] = '\0';
		out[n++] = (unsigned char)strtoul(part, NULL, 16);
		s += k;
		if (*s == ':') {
			s++;
			if (!*s)
				return -1;
		} else if (*s) {
			return -1;
		}
	}
	return n ? (int)n : -1;
}
/* a name of /etc/iproute2/FILE ("0x10 name" lines) or a number */
int iproute2_name2num(const char *file, const char *name, unsigned long *ret)
{
	char path[256], line[256];
	FILE *f;
	int rc = -1;

	snprintf(path, sizeof(path), "/etc/iproute2/%s", file);
	f = fopen(path, "re");
	if (!f) {
		snprintf(path, sizeof(path), "/usr/share/iproute2/%s", file);
		f = fopen(path, "re");
	}
	while (f && fgets(line, sizeof(line), f)) {
		char id[64], nm[128];

		if (line[0] == '#' || sscanf(line, "%63s %127s", id, nm) != 2)
			continue;
		if (streq(nm, name)) {
			*ret = strtoul(id, NULL, 0);
			rc = 0;
			break;
		}
	}
	if (f)
		fclose(f);
	return rc;
}
long long parse_duration_ms(const char *w)
{
	char *end;
	double v = strtod(w, &end);

	if (end == w || !(v >= 0) || v > 86400.0 * 7)
		return -1;
	if (!*end || streq(end, "s"))
		return (long long)(v * 1000);
	if (streq(end, "ms"))
		return (long long)v;
	if (streq(end, "m"))
		return (long long)(v * 60000);
	return -1;
}
