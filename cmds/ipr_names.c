/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipr_names.c - iproute2's names for numbers (lib/rt_names.c,
 * ip/rtm_map.c): routing protocols, scopes, realms, DS fields, tables,
 * link groups, route types.  Built-in names first, then the files of
 * /etc/iproute2 (rt_protos, rt_tables and their .d directories, …), read
 * the way iproute2 reads them and once per command (rt_names_reset), so
 * that every show prints the same words and every line accepts the same
 * names.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "iproute.h"
#include "ipl.h"

#define CONFDIR "/etc/iproute2"

/* ------------------------------------------------------------ files */

/* the next "ID NAME" line of F (0x hex or decimal ID): 1, 0 at the end,
 * -1 for a line that is neither (iproute2 stops reading there) */
static int read_id_name(FILE *f, int *id, char *name, size_t len)
{
	char line[512];

	while (fgets(line, sizeof(line), f)) {
		char *p = line, fmt[32];

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '#' || *p == '\n' || !*p)
			continue;
		snprintf(fmt, sizeof(fmt), "0x%%x %%%zus", len - 1);
		if (sscanf(p, fmt, id, name) == 2)
			return 1;
		snprintf(fmt, sizeof(fmt), "%%d %%%zus", len - 1);
		if (sscanf(p, fmt, id, name) == 2)
			return 1;
		return -1;
	}
	return 0;
}

/* call ADD for each entry of FILE, then of DIR's *.conf files (in the
 * directory's order, as iproute2) */
static void read_db(const char *file, const char *dir,
		    void (*add)(void *ctx, int id, const char *name),
		    void *ctx)
{
	char path[512], name[256];
	struct dirent *de;
	FILE *f;
	DIR *d;
	int id;

	snprintf(path, sizeof(path), CONFDIR "/%s", file);
	for (int round = 0; round < 2; round++) {
		f = fopen(path, "re");
		while (f && read_id_name(f, &id, name, sizeof(name)) > 0)
			if (id >= 0)
				add(ctx, id, name);
		if (f)
			fclose(f);
		if (round || !dir)
			return;
		snprintf(path, sizeof(path), CONFDIR "/%s", dir);
		d = opendir(path);
		if (!d)
			return;
		while ((de = readdir(d))) {
			size_t n = strlen(de->d_name);

			if (de->d_name[0] == '.' || n <= 5 ||
			    strcmp(de->d_name + n - 5, ".conf"))
				continue;
			snprintf(path, sizeof(path), CONFDIR "/%s/%s", dir,
				 de->d_name);
			f = fopen(path, "re");
			while (f && read_id_name(f, &id, name, sizeof(name)) > 0)
				if (id >= 0)
					add(ctx, id, name);
			if (f)
				fclose(f);
		}
		closedir(d);
		return;
	}
}

/* -N: numbers, not names, in what is printed */
static bool numeric;

/* ------------------------------------------------------------ tables of 256 */

/*
 * One name per number 0-255 (protocols, scopes, realms, DS fields): the
 * built-in names until a number has none, then the file's (which may
 * rename built-in numbers too, as in iproute2).
 */
struct name_tab {
	const char *file, *dir;
	const char *const *builtin;	/* 256 entries */
	char *loaded[256];
	bool read;
};

static void tab_add(void *ctx, int id, const char *name)
{
	struct name_tab *t = ctx;

	if (id > 255)
		return;
	free(t->loaded[id]);
	t->loaded[id] = strdup(name);
}

static void tab_read(struct name_tab *t)
{
	if (t->read)
		return;
	t->read = true;
	read_db(t->file, t->dir, tab_add, t);
}

static const char *tab_get(struct name_tab *t, unsigned id)
{
	return t->loaded[id] ? t->loaded[id] : t->builtin[id];
}

static void tab_reset(struct name_tab *t)
{
	for (int i = 0; i < 256; i++) {
		free(t->loaded[i]);
		t->loaded[i] = NULL;
	}
	t->read = false;
}

/* the name of ID (reading the files when it has none yet), or NULL */
static const char *tab_n2a(struct name_tab *t, unsigned id)
{
	if (id > 255)
		return NULL;
	if (!tab_get(t, id))
		tab_read(t);
	return tab_get(t, id);
}

/* a name (after reading the files), else a number (0x hex, decimal) up
 * to 255 */
static int tab_a2n(struct name_tab *t, const char *name, uint32_t *ret)
{
	unsigned long long n;
	const char *err;

	tab_read(t);
	for (unsigned i = 0; i < 256; i++) {
		const char *s = tab_get(t, i);

		if (s && strcmp(s, name) == 0) {
			*ret = i;
			return 0;
		}
	}
	if (parse_num(name, 255, &n, &err) < 0)
		return -1;
	*ret = (uint32_t)n;
	return 0;
}

static const char *const proto_builtin[256] = {
	[RTPROT_UNSPEC] = "unspec", [RTPROT_REDIRECT] = "redirect",
	[RTPROT_KERNEL] = "kernel", [RTPROT_BOOT] = "boot",
	[RTPROT_STATIC] = "static", [RTPROT_GATED] = "gated",
	[RTPROT_RA] = "ra", [RTPROT_MRT] = "mrt", [RTPROT_ZEBRA] = "zebra",
	[RTPROT_BIRD] = "bird", [RTPROT_BABEL] = "babel",
	[RTPROT_DNROUTED] = "dnrouted", [RTPROT_XORP] = "xorp",
	[RTPROT_NTK] = "ntk", [RTPROT_DHCP] = "dhcp",
	[RTPROT_KEEPALIVED] = "keepalived", [RTPROT_BGP] = "bgp",
	[RTPROT_ISIS] = "isis", [RTPROT_OSPF] = "ospf", [RTPROT_RIP] = "rip",
	[RTPROT_EIGRP] = "eigrp",
};
static const char *const scope_builtin[256] = {
	[RT_SCOPE_UNIVERSE] = "global", [RT_SCOPE_NOWHERE] = "nowhere",
	[RT_SCOPE_HOST] = "host", [RT_SCOPE_LINK] = "link",
	[RT_SCOPE_SITE] = "site",
};
static const char *const realm_builtin[256] = { "unknown" };
static const char *const dsfield_builtin[256] = { "0" };

static struct name_tab protos = { "rt_protos", "rt_protos.d", proto_builtin };
static struct name_tab scopes = { "rt_scopes", NULL, scope_builtin };
static struct name_tab realms = { "rt_realms", NULL, realm_builtin };
static struct name_tab dsfields = { "rt_dsfield", NULL, dsfield_builtin };

const char *rt_proto_n2a(unsigned id, char *buf, size_t len)
{
	const char *s = numeric ? NULL : tab_n2a(&protos, id);

	if (s)
		return s;
	snprintf(buf, len, "%u", id);
	return buf;
}

int rt_proto_a2n(const char *name, uint32_t *ret)
{
	return tab_a2n(&protos, name, ret);
}

const char *rt_scope_n2a(unsigned id, char *buf, size_t len)
{
	const char *s = numeric ? NULL : tab_n2a(&scopes, id);

	if (s)
		return s;
	snprintf(buf, len, "%d", (int)id);
	return buf;
}

int rt_scope_a2n(const char *name, uint32_t *ret)
{
	return tab_a2n(&scopes, name, ret);
}

const char *rt_scope_get(unsigned id)
{
	tab_read(&scopes);
	return id < 256 ? tab_get(&scopes, id) : NULL;
}

const char *rt_realm_n2a(unsigned id, char *buf, size_t len)
{
	const char *s = numeric ? NULL : tab_n2a(&realms, id);

	if (s)
		return s;
	snprintf(buf, len, "%d", (int)id);
	return buf;
}

/* [FROM/]TO as names or numbers, else a raw number (get_rt_realms_or_raw) */
int rt_realms_a2n(const char *arg, uint32_t *ret)
{
	const char *orig = arg, *slash = strchr(arg, '/');
	uint32_t from = 0, to = 0;
	unsigned long long n;
	const char *err;
	char buf[128];

	if (slash) {
		snprintf(buf, sizeof(buf), "%.*s", (int)(slash - arg), arg);
		if (tab_a2n(&realms, buf, &from) < 0)
			goto raw;
		arg = slash + 1;
	}
	if (*arg && tab_a2n(&realms, arg, &to) < 0)
		goto raw;
	*ret = from << 16 | to;
	return 0;
raw:
	if (parse_num(orig, UINT32_MAX, &n, &err) < 0)
		return -1;
	*ret = (uint32_t)n;
	return 0;
}

const char *rt_dsfield_n2a(unsigned id, char *buf, size_t len)
{
	const char *s = numeric ? NULL : tab_n2a(&dsfields, id);

	if (s)
		return s;
	snprintf(buf, len, "0x%02x", id);
	return buf;
}

/* a name, else hex (with or without 0x) up to ff */
int rt_dsfield_a2n(const char *name, uint32_t *ret)
{
	const char *p = name;
	unsigned long v = 0;

	tab_read(&dsfields);
	for (unsigned i = 0; i < 256; i++) {
		const char *s = tab_get(&dsfields, i);

		if (s && strcmp(s, name) == 0) {
			*ret = i;
			return 0;
		}
	}
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		p += 2;
	if (!*p)
		return -1;
	for (; *p; p++) {
		if (!isxdigit((unsigned char)*p))
			return -1;
		v = v * 16 + (unsigned long)(isdigit((unsigned char)*p) ?
			*p - '0' : tolower((unsigned char)*p) - 'a' + 10);
		if (v > 255)
			return -1;
	}
	*ret = (uint32_t)v;
	return 0;
}

/* ------------------------------------------------------------ hashed */

/*
 * Tables and groups: any 32-bit number, several names possible; the
 * name read last wins (iproute2 puts each new entry at the head of its
 * hash chain), and a name is looked up chain by chain.
 */
struct name_list {
	const char *file, *dir;
	const char *const *builtin;	/* "name" for ids 0..n-1, NULL gaps */
	int nbuiltin;
	struct {
		uint32_t id;
		char *name;
	} *v;
	int n, cap;
	bool read;
};

static void list_add(void *ctx, int id, const char *name)
{
	struct name_list *l = ctx;
	char *s;

	if (l->n == l->cap) {
		int cap = l->cap ? 2 * l->cap : 16;
		void *v = realloc(l->v, sizeof(*l->v) * (size_t)cap);

		if (!v)
			return;
		l->v = v;
		l->cap = cap;
	}
	s = strdup(name);
	if (!s)
		return;
	l->v[l->n].id = (uint32_t)id;
	l->v[l->n].name = s;
	l->n++;
}

static void list_read(struct name_list *l)
{
	if (l->read)
		return;
	l->read = true;
	for (int i = 0; i < l->nbuiltin; i++)
		if (l->builtin[i])
			list_add(l, i, l->builtin[i]);
	read_db(l->file, l->dir, list_add, l);
}

static void list_reset(struct name_list *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i].name);
	l->n = 0;
	l->read = false;
}

static const char *list_n2a(struct name_list *l, uint32_t id)
{
	list_read(l);
	for (int i = l->n - 1; i >= 0; i--)
		if (l->v[i].id == id)
			return l->v[i].name;
	return NULL;
}

static int list_a2n(struct name_list *l, const char *name, uint32_t *ret)
{
	list_read(l);
	for (unsigned b = 0; b < 256; b++)
		for (int i = l->n - 1; i >= 0; i--)
			if ((l->v[i].id & 255) == b &&
			    strcmp(l->v[i].name, name) == 0) {
				*ret = l->v[i].id;
				return 0;
			}
	return -1;
}

static const char *const table_builtin[256] = {
	[RT_TABLE_DEFAULT] = "default", [RT_TABLE_MAIN] = "main",
	[RT_TABLE_LOCAL] = "local",
};
static const char *const group_builtin[1] = { "default" };

static struct name_list tables = { "rt_tables", "rt_tables.d", table_builtin,
				   256 };
static struct name_list groups = { "group", NULL, group_builtin, 1 };

const char *rt_table_n2a(uint32_t id, char *buf, size_t len)
{
	const char *s = numeric ? NULL : list_n2a(&tables, id);

	if (s)
		return s;
	snprintf(buf, len, "%u", id);
	return buf;
}

int rt_table_a2n(const char *name, uint32_t *ret)
{
	unsigned long long n;
	const char *err;

	if (list_a2n(&tables, name, ret) == 0)
		return 0;
	if (parse_num(name, UINT32_MAX, &n, &err) < 0)
		return -1;
	*ret = (uint32_t)n;
	return 0;
}

const char *rt_group_n2a(unsigned id, char *buf, size_t len)
{
	const char *s = numeric ? NULL : list_n2a(&groups, id);

	if (s)
		return s;
	snprintf(buf, len, "%d", (int)id);
	return buf;
}

void rt_names_reset(bool numbers)
{
	numeric = numbers;
	tab_reset(&protos);
	tab_reset(&scopes);
	tab_reset(&realms);
	tab_reset(&dsfields);
	list_reset(&tables);
	list_reset(&groups);
}

/* ------------------------------------------------------------ fixed */

static const char *const rtn_names[] = {
	[RTN_UNSPEC] = "none", [RTN_UNICAST] = "unicast",
	[RTN_LOCAL] = "local", [RTN_BROADCAST] = "broadcast",
	[RTN_ANYCAST] = "anycast", [RTN_MULTICAST] = "multicast",
	[RTN_BLACKHOLE] = "blackhole", [RTN_UNREACHABLE] = "unreachable",
	[RTN_PROHIBIT] = "prohibit", [RTN_THROW] = "throw",
	[RTN_NAT] = "nat", [RTN_XRESOLVE] = "xresolve",
};

const char *rt_type_n2a(unsigned id, char *buf, size_t len)
{
	if (!numeric && id < ARRAY_SIZE(rtn_names) && rtn_names[id])
		return rtn_names[id];
	snprintf(buf, len, "%u", id);
	return buf;
}

/* rtnl_rtntype_a2n: some names exactly, some in any abbreviation, in
 * its order; else a number up to 255 */
int rt_type_a2n(const char *name, uint32_t *ret)
{
	static const struct {
		const char *name;
		bool prefix;
		unsigned type;
	} words[] = {
		{ "local", false, RTN_LOCAL }, { "nat", false, RTN_NAT },
		{ "broadcast", true, RTN_BROADCAST },
		{ "brd", false, RTN_BROADCAST },
		{ "anycast", true, RTN_ANYCAST },
		{ "multicast", true, RTN_MULTICAST },
		{ "prohibit", true, RTN_PROHIBIT },
		{ "unreachable", true, RTN_UNREACHABLE },
		{ "blackhole", true, RTN_BLACKHOLE },
		{ "xresolve", true, RTN_XRESOLVE },
		{ "unicast", true, RTN_UNICAST },
		{ "throw", false, RTN_THROW },
	};
	unsigned long long n;
	const char *err;

	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (words[i].prefix ? ipl_matches(name, words[i].name) :
				      streq(name, words[i].name)) {
			*ret = words[i].type;
			return 0;
		}
	if (parse_num(name, 255, &n, &err) < 0)
		return -1;
	*ret = (uint32_t)n;
	return 0;
}

const char *rt_ipproto_n2a(unsigned id, char *buf, size_t len)
{
	struct protoent *pe = numeric ? NULL : getprotobynumber((int)id);

	if (pe)
		snprintf(buf, len, "%s", pe->p_name);
	else
		snprintf(buf, len, "ipproto-%u", id);
	return buf;
}

const char *rt_family_name(int family)
{
	switch (family) {
	case AF_INET: return "inet";
	case AF_INET6: return "inet6";
	case AF_PACKET: return "link";
	case AF_MPLS: return "mpls";
	case AF_BRIDGE: return "bridge";
	default: return "???";
	}
}

int rt_read_family(const char *word)
{
	static const char *const names[] = { "inet", "inet6", "link", "mpls",
					     "bridge" };
	static const int fams[] = { AF_INET, AF_INET6, AF_PACKET, AF_MPLS,
				    AF_BRIDGE };

	for (size_t i = 0; i < ARRAY_SIZE(names); i++)
		if (streq(word, names[i]))
			return fams[i];
	return AF_UNSPEC;
}
