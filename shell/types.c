/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * types.c - placeholder types: each parses and checks a word before any
 * command runs, so a rejected line never changes the kernel.  This file
 * holds the value types (numbers, addresses, prefixes, keys, words) and
 * type_find, which looks a type up by name: here, then in the tables
 * handed to types_init (the names of the lab, shell/types_name.c; the
 * families' shared types), then in the families' own.
 *
 * The parsers are strict (shell/types_parse.c says how) and pure: no
 * kernel, no model; the types that name something of the lab are in
 * shell/types_name.c.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "nsh.h"
#include "types_priv.h"

static int t_num(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, UINT32_MAX, &n, ret_err) < 0)
		return -1;
	v->num = (long)n;
	return 0;
}

static int t_num8(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, 255, &n, ret_err) < 0)
		return -1;
	v->num = (long)n;
	return 0;
}

static int t_num16(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, 65535, &n, ret_err) < 0)
		return -1;
	v->num = (long)n;
	return 0;
}

static int t_num64(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, UINT64_MAX, &n, ret_err) < 0)
		return -1;
	v->num = (long)n;
	return 0;
}

static int t_int(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned long long n;
	bool neg = w[0] == '-';

	if (parse_num(w + neg, (unsigned long long)INT32_MAX + neg, &n,
		      ret_err) < 0)
		return -1;
	v->num = neg ? -(long)n : (long)n;
	return 0;
}
static int t_lladdr(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	unsigned char b[32];

	if (parse_lladdr(w, b, sizeof(b)) < 0)
		FAIL("a link-layer address is hex bytes like "
		     "02:00:00:00:00:01");
	if (parse_lladdr(w, v->mac, sizeof(v->mac)) == 6)
		v->num = 6;
	return 0;
}
static int t_group(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	unsigned long long n;
	unsigned long g;

	if (streq(w, "default")) {
		v->num = 0;
		return 0;
	}
	if (parse_num(w, UINT32_MAX, &n, ret_err) == 0) {
		v->num = (long)n;
		return 0;
	}
	if (iproute2_name2num("group", w, &g) == 0) {
		v->num = (long)g;
		return 0;
	}
	FAIL("not a group number or a name of /etc/iproute2/group");
}
static int t_ifaddr(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **err)
{
	return parse_prefix(w, true, &v->pfx, errbuf, errlen, err);
}

static int t_addr(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **err)
{
	return parse_prefix(w, false, &v->pfx, errbuf, errlen, err);
}

static int t_brd(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **err)
{
	if (streq(w, "+") || streq(w, "-")) {
		v->special = w[0];
		return 0;
	}
	return parse_prefix(w, false, &v->pfx, errbuf, errlen, err);
}

static int t_route(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	struct nsh_prefix *p = &v->pfx;

	if (streq(w, "default")) {
		memset(p, 0, sizeof(*p));
		p->family = AF_UNSPEC;
		return 0;
	}
	if (parse_prefix(w, true, p, errbuf, errlen, ret_err) < 0)
		return -1;
	for (int bit = p->len; bit < (p->family == AF_INET ? 32 : 128); bit++)
		if (p->addr[bit / 8] & (0x80 >> (bit % 8))) {
			struct nsh_prefix net = *p;
			char buf[64];

			for (int b = p->len; b < 128; b++)
				net.addr[b / 8] &= (unsigned char)~(0x80 >> (b % 8));
			FAIL("host bits set in a route prefix; did you mean "
			     "%s?",
			     prefix_str(&net, true, buf, sizeof(buf)));
		}
	return 0;
}

static int t_uint(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	unsigned long n;

	if (parse_uint(w, UINT32_MAX, &n) < 0)
		FAIL("not a decimal number");
	v->num = (long)n;
	return 0;
}

static int t_mtu(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned long n;

	if (parse_uint(w, 65535, &n) < 0 || n < 68)
		FAIL("an MTU is a decimal number from 68 to 65535");
	v->num = (long)n;
	return 0;
}

static int t_pid(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned long n;

	if (parse_uint(w, 4194304, &n) < 0 || n == 0)
		FAIL("a PID is a decimal number greater than 0");
	v->num = (long)n;
	return 0;
}

static int t_mac(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	const char *p = w;

	for (int i = 0; i < 6; i++) {
		if (!isxdigit((unsigned char)p[0]) ||
		    !isxdigit((unsigned char)p[1]))
			goto bad;
		v->mac[i] = (unsigned char)strtoul((char[]){ p[0], p[1], 0 },
						   NULL, 16);
		p += 2;
		if (i < 5 && *p++ != ':')
			goto bad;
	}
	if (*p)
		goto bad;
	if (v->mac[0] & 1)
		FAIL("a multicast address cannot be a link address");
	return 0;
bad:
	FAIL("a MAC address is six hex pairs like 02:00:00:00:00:01");
}

static int t_sysctl(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	const char *eq = strchr(w, '=');
	size_t klen = eq ? (size_t)(eq - w) : strlen(w);

	if (klen == 0)
		FAIL("missing the key before '='");
	if (w[0] == '-')
		FAIL("not a key (the options -w, -n, -q, -e and -a come "
		     "before the keys)");
	for (size_t i = 0; i < klen; i++)
		if (!isalnum((unsigned char)w[i]) && !strchr("._-/", w[i]))
			FAIL("a sysctl key has only letters, digits and . _ - /");
	if (strstr(w, "..") && (size_t)(strstr(w, "..") - w) < klen)
		FAIL("a sysctl key cannot contain '..'");
	return 0;
}

static int t_word(const char *w, struct nsh_val *v, char *eb, size_t el,
		  const char **err)
{
	return 0;
}
static const struct nsh_type types[] = {
	{ "IFADDR", "an address with its prefix length, 10.0.0.1/24 or "
		    "fd00::1/64", t_ifaddr },
	{ "ADDR", "an IPv4 or IPv6 address", t_addr },
	{ "BRD", "a broadcast address, or '+' to derive it from the prefix",
	  t_brd },
	{ "ROUTE", "'default' or a network prefix like 10.0.0.0/24", t_route },
	{ "MTU", "an MTU (68-65535)", t_mtu },
	{ "UINT", "a decimal number", t_uint },
	{ "PID", "a process ID", t_pid },
	{ "MAC", "a link-layer address like 02:00:00:00:00:01", t_mac },
	{ "SYSCTL", "a key such as net.ipv4.ip_forward, or KEY=VALUE",
	  t_sysctl },
	{ "FILE", "a file name", t_word },
	{ "NUM", "a number (decimal, or hex after 0x)", t_num },
	{ "NUM8", "a number from 0 to 255", t_num8 },
	{ "NUM16", "a number from 0 to 65535", t_num16 },
	{ "NUM64", "a 64-bit number (decimal, or hex after 0x)", t_num64 },
	{ "INT", "a signed number", t_int },
	{ "LLADDR", "a link-layer address like 02:00:00:00:00:01", t_lladdr },
	{ "GROUP", "a link group: a number or a name of /etc/iproute2/group",
	  t_group },
	{ "TEXT", "text", t_word },
	{ "WORD", "a word", t_word },
	{ "ARGS", "a program and its arguments, or an nsh command", NULL,
	  NULL, true },
	{ "TOPIC", "a command or family name", NULL, NULL, true },
	{ NULL },
};

/* the tables handed in by cmdtree_init and the families */
static const struct nsh_family *const *fams;
static const struct nsh_type *names;
static const struct nsh_type *shared;

void types_init(const struct nsh_family *const *families,
		const struct nsh_type *name_types,
		const struct nsh_type *shared_types)
{
	fams = families;
	names = name_types;
	shared = shared_types;
}

/* the type of table T (ended by a NULL name) called NAME[0..N) */
static const struct nsh_type *find_in(const struct nsh_type *t,
				      const char *name, size_t n)
{
	for (; t && t->name; t++)
		if (strlen(t->name) == n && strncmp(t->name, name, n) == 0)
			return t;
	return NULL;
}

const struct nsh_type *type_find(const char *name)
{
	size_t n = strcspn(name, "$");
	const struct nsh_type *t;

	if ((t = find_in(types, name, n)) || (t = find_in(names, name, n)) ||
	    (t = find_in(shared, name, n)))
		return t;
	/* a family's own types (a routing table name, a qdisc handle…) */
	for (int f = 0; fams && fams[f]; f++)
		if ((t = find_in(fams[f]->types, name, n)))
			return t;
	return NULL;
}
