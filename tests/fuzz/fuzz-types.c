/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-types.c - every placeholder parser: the types of shell/types.c
 * and shell/types_name.c
 * (names, addresses, prefixes, MACs, sysctl keys, numbers…), the shared
 * ones of cmds/ipr_types.c and every family's own (durations, rates,
 * sizes, tables, lifetimes…), and the strict parsers they are made of.
 *
 * The first byte picks the parser, the rest is the word.  A parsed prefix
 * must read back the same from prefix_str.  The parsers read iproute2's
 * name files at most (/etc/iproute2/group, rt_tables): guard.h keeps
 * everything else out of reach.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "core.h"
#include "guard.h"

/* shell/types.c's and shell/types_name.c's tables: their names (type_find
 * finds them) */
static const char *const own[] = {
	"NSNAME", "NETNS", "NSREF", "NEWIF", "IFNAME", "BRIDGE", "IFADDR",
	"ADDR", "BRD", "ROUTE", "MTU", "UINT", "PID", "MAC", "SYSCTL", "FILE",
	"NUM", "NUM8", "NUM16", "NUM64", "INT", "DEV", "LLADDR", "GROUP",
	"TEXT", "WORD",
};

#define MAX_TYPES 256
static const struct nsh_type *types[MAX_TYPES];
static int ntypes;

static void add(const struct nsh_type *t)
{
	if (!t || !t->parse || ntypes == MAX_TYPES)
		return;
	for (int i = 0; i < ntypes; i++)
		if (types[i]->parse == t->parse)
			return;	/* one parser, several names */
	types[ntypes++] = t;
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_guard();
	fuzz_guard_check();
	/* the lab's names (NETNS, IFNAME…) are found once handed in */
	types_init(nsh_families, nsh_name_types, nsh_shared_types);
	for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		add(type_find(own[i]));
	for (const struct nsh_type *t = nsh_shared_types; t->name; t++)
		add(t);
	for (int f = 0; nsh_families[f]; f++)
		for (const struct nsh_type *t = nsh_families[f]->types;
		     t && t->name; t++)
			add(t);
	return 0;
}

/* the strict parsers themselves, with the invariants they promise */
static void direct(int which, const char *w)
{
	struct nsh_prefix p, q;
	char eb[256], buf[80];
	const char *err = NULL;
	unsigned long u;
	unsigned long long ull;
	unsigned char mac[32];
	bool with_len = which & 1;

	switch (which >> 1) {
	case 0:
		if (parse_prefix(w, with_len, &p, eb, sizeof(eb), &err) < 0)
			break;
		if (p.family != AF_INET && p.family != AF_INET6)
			abort();
		if (p.len < 0 || p.len > (p.family == AF_INET ? 32 : 128))
			abort();
		prefix_str(&p, with_len, buf, sizeof(buf));
		if (parse_prefix(buf, with_len, &q, eb, sizeof(eb), &err) < 0 ||
		    q.family != p.family || q.len != p.len ||
		    memcmp(q.addr, p.addr, sizeof(p.addr)))
			abort();	/* what nsh prints, it reads back */
		break;
	case 1:
		(void)check_netns_name(w);
		(void)check_netns_ref(w);
		(void)check_link_name(w);
		break;
	case 2:
		(void)parse_uint(w, with_len ? 65535 : ULONG_MAX, &u);
		(void)parse_num(w, with_len ? UINT32_MAX : ULLONG_MAX, &ull,
				&err);
		break;
	default:
		if (parse_lladdr(w, mac, with_len ? 6 : sizeof(mac)) >
		    (with_len ? 6 : (int)sizeof(mac)))
			abort();
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nsh_val v;
	char eb[256], *w;
	const char *err = NULL;
	unsigned pick;

	if (size < 1)
		return 0;
	pick = data[0] % (unsigned)(ntypes + 8);
	w = malloc(size);
	if (!w)
		return 0;
	memcpy(w, data + 1, size - 1);
	w[size - 1] = '\0';
	if (pick < (unsigned)ntypes) {
		memset(&v, 0, sizeof(v));
		v.text = w;
		eb[0] = '\0';
		if (types[pick]->parse(w, &v, eb, sizeof(eb), &err) < 0 &&
		    !err && !eb[0])
			abort();	/* a refusal always says why */
	} else {
		direct((int)(pick - (unsigned)ntypes), w);
	}
	free(w);
	return 0;
}
