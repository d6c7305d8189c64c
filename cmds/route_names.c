/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_names.c - iproute2's names for the numbers of routes and rules
 * (lib/rt_names.c, ip/rtm_map.c): built-in names first, then the files
 * of /etc/iproute2 (rt_protos, rt_tables and their .d directories, …),
 * read the way iproute2 reads them, so that a show prints the same words
 * and a line accepts the same names.  And the placeholder types that
 * parse those words before a line runs.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "route.h"

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

int rt_line_family(const struct ipl_parse *p)
{
	int family = AF_UNSPEC;

	for (int i = 0; i < p->a->nbind; i++) {
		const struct nsh_bind *b = &p->a->bind[i];
		const char *kw;

		if (!b->is_kw || !b->opt || b->opt->key < IPL_KEY_GLOBAL)
			continue;
		kw = b->opt->kw;
		if (streq(kw, "-4"))
			family = AF_INET;
		else if (streq(kw, "-6"))
			family = AF_INET6;
		else if (streq(kw, "-0"))
			family = AF_PACKET;
		else if (streq(kw, "-M"))
			family = AF_MPLS;
		else if (streq(kw, "-B"))
			family = AF_BRIDGE;
		else if (streq(kw, "-family") && i + 1 < p->a->nbind)
			family = rt_read_family(p->a->bind[i + 1].v.text);
	}
	return family;
}

/* ------------------------------------------------------------ types */

#define FAIL(...)                                                              \
	do {                                                                   \
		snprintf(errbuf, errlen, __VA_ARGS__);                         \
		*ret_err = NULL;                                               \
		return -1;                                                     \
	} while (0)

/*
 * default, all, any, or a prefix; STRICT: no host bits in an IPv4 prefix
 * (the kernel refuses them; said here with the prefix meant).  An IPv6
 * prefix with host bits is taken, as the kernel takes it from ip: it
 * keeps the network part (2001:db8:90::/40 is 2001:db8::/40).
 */
static int prefix_word(const char *w, struct nsh_val *v, bool strict,
		       char *errbuf, size_t errlen, const char **ret_err)
{
	struct nsh_prefix *p = &v->pfx;

	memset(p, 0, sizeof(*p));
	v->special = 0;
	if (streq(w, "default")) {
		v->special = 'd';
		return 0;
	}
	if (streq(w, "all") || streq(w, "any")) {
		v->special = 'a';
		return 0;
	}
	if (parse_prefix(w, true, p, errbuf, errlen, ret_err) < 0)
		return -1;
	for (int bit = p->len; strict && p->family == AF_INET && bit < 32;
	     bit++)
		if (p->addr[bit / 8] & (0x80 >> (bit % 8))) {
			struct nsh_prefix net = *p;
			char buf[64];

			for (int b = p->len; b < 128; b++)
				net.addr[b / 8] &= (unsigned char)~(0x80 >> (b % 8));
			FAIL("host bits set in a route prefix; did you mean "
			     "%s?", prefix_str(&net, true, buf, sizeof(buf)));
		}
	return 0;
}

static int t_rtprefix(const char *w, struct nsh_val *v, char *errbuf,
		      size_t errlen, const char **ret_err)
{
	return prefix_word(w, v, true, errbuf, errlen, ret_err);
}

static int t_rtmatch(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	return prefix_word(w, v, false, errbuf, errlen, ret_err);
}

static int t_table(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	uint32_t id;

	if (rt_table_a2n(w, &id) < 0)
		FAIL("not a table (main, local, default, a name of "
		     CONFDIR "/rt_tables or a number)");
	v->num = id;
	return 0;
}

static int t_tablesel(const char *w, struct nsh_val *v, char *errbuf,
		      size_t errlen, const char **ret_err)
{
	uint32_t id;

	v->special = 0;
	if (rt_table_a2n(w, &id) == 0) {
		v->num = id;
		return 0;
	}
	if (streq(w, "all") || streq(w, "cache")) {
		v->special = w[0];
		return 0;
	}
	FAIL("not a table (main, local, default, all, cache, a name of "
	     CONFDIR "/rt_tables or a number)");
}

static int t_rtproto(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	uint32_t id;

	if (rt_proto_a2n(w, &id) < 0)
		FAIL("not a protocol (kernel, boot, static, a name of "
		     CONFDIR "/rt_protos or 0-255)");
	v->num = id;
	return 0;
}

static int t_rtprotosel(const char *w, struct nsh_val *v, char *errbuf,
			size_t errlen, const char **ret_err)
{
	v->special = streq(w, "all") ? 'a' : 0;
	if (v->special)
		return 0;
	return t_rtproto(w, v, errbuf, errlen, ret_err);
}

static int t_rtscope(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	uint32_t id;

	if (rt_scope_a2n(w, &id) < 0)
		FAIL("not a scope (global, link, host, site, nowhere or "
		     "0-255)");
	v->num = id;
	return 0;
}

static int t_rtscopesel(const char *w, struct nsh_val *v, char *errbuf,
			size_t errlen, const char **ret_err)
{
	v->special = streq(w, "all") ? 'a' : 0;
	if (v->special)
		return 0;
	return t_rtscope(w, v, errbuf, errlen, ret_err);
}

static int t_rttype(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	uint32_t id;

	if (rt_type_a2n(w, &id) < 0)
		FAIL("not a route type (unicast, local, broadcast, multicast, "
		     "blackhole, unreachable, prohibit, throw, nat, anycast)");
	v->num = id;
	return 0;
}

static int t_dsfield(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	uint32_t id;

	if (rt_dsfield_a2n(w, &id) < 0)
		FAIL("not a TOS (hex 0-ff, or a name of " CONFDIR
		     "/rt_dsfield)");
	v->num = id;
	return 0;
}

static int t_realms(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	uint32_t id;

	if (rt_realms_a2n(w, &id) < 0)
		FAIL("not a realm ([FROM/]TO, names of " CONFDIR
		     "/rt_realms or numbers 0-255)");
	v->num = id;
	return 0;
}

/* get_time_rtt: NUMBER[.FRACTION][s|sec|secs|ms|msec|msecs]; a bare
 * number is "raw" (special 'r'): the kernel's units */
static int t_rttime(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	char *end;
	double t;

	v->special = 0;
	if (!isdigit((unsigned char)w[0]))
		FAIL("not a time (a number, with s or ms)");
	t = strtod(w, &end);
	if (end == w || t < 0 || t > 4294967295.0)
		FAIL("not a time (a number, with s or ms)");
	if (!*end)
		v->special = 'r';
	else if (!strcasecmp(end, "s") || !strcasecmp(end, "sec") ||
		 !strcasecmp(end, "secs"))
		t *= 1000;
	else if (strcasecmp(end, "ms") && strcasecmp(end, "msec") &&
		 strcasecmp(end, "msecs"))
		FAIL("not a time (a number, with s or ms)");
	if (t > 4294967295.0)
		FAIL("too long a time");
	v->num = (long)t;
	if ((double)v->num < t)
		v->num++;
	return 0;
}

static int t_rtpref(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (streq(w, "low"))
		v->num = 3;	/* ICMPV6_ROUTER_PREF_LOW */
	else if (streq(w, "medium"))
		v->num = 0;
	else if (streq(w, "high"))
		v->num = 1;
	else if (parse_num(w, 255, &n, ret_err) == 0)
		v->num = (long)n;
	else
		FAIL("not a preference (low, medium, high or 0-255)");
	return 0;
}

static int t_ipproto(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	struct protoent *pe;
	unsigned long n;

	if (parse_uint(w, 255, &n) == 0) {
		v->num = (long)n;
		return 0;
	}
	pe = getprotobyname(w);
	if (!pe)
		FAIL("not an IP protocol (a name of /etc/protocols or 0-255)");
	v->num = pe->p_proto;
	return 0;
}

/* N or N-M into NUM (low 32 bits: N, high: M) */
static int range(const char *w, unsigned long max, bool need_end,
		 struct nsh_val *v)
{
	const char *dash = strchr(w, '-');
	unsigned long a, b;
	char first[32];

	snprintf(first, sizeof(first), "%.*s",
		 dash ? (int)(dash - w) : (int)strlen(w), w);
	if (parse_uint(first, max, &a) < 0)
		return -1;
	b = a;
	if (dash ? parse_uint(dash + 1, max, &b) < 0 : need_end)
		return -1;
	v->num = (long)(a | (unsigned long long)b << 32);
	return 0;
}

static int t_portrange(const char *w, struct nsh_val *v, char *errbuf,
		       size_t errlen, const char **ret_err)
{
	if (range(w, 65535, false, v) < 0)
		FAIL("not a port or a range of ports (PORT-PORT)");
	return 0;
}

static int t_uidrange(const char *w, struct nsh_val *v, char *errbuf,
		      size_t errlen, const char **ret_err)
{
	if (range(w, UINT32_MAX, true, v) < 0)
		FAIL("not a range of UIDs (UID-UID)");
	return 0;
}

/* MARK[/MASK]: NUM the mark, pfx.len 1 and pfx.addr the mask */
static int t_fwmark(const char *w, struct nsh_val *v, char *errbuf,
		    size_t errlen, const char **ret_err)
{
	const char *slash = strchr(w, '/');
	unsigned long long mark, mask = 0;
	char first[32];

	snprintf(first, sizeof(first), "%.*s",
		 slash ? (int)(slash - w) : (int)strlen(w), w);
	if (parse_num(first, UINT32_MAX, &mark, ret_err) < 0)
		FAIL("not a mark (a number, or MARK/MASK)");
	if (slash && parse_num(slash + 1, UINT32_MAX, &mask, ret_err) < 0)
		FAIL("the mask after '/' is not a number");
	v->num = (long)mark;
	v->pfx.len = slash != NULL;
	memcpy(v->pfx.addr, &mask, sizeof(uint32_t));
	return 0;
}


/* ------------------------------------------------------------ parsing */

int rt_bind_word(struct ipl_parse *p, const struct ipl_opt *o, int tok,
		 int special)
{
	struct nsh_bind b = { .name = o->kw, .tok = tok, .opt = o };

	if (p->a->nbind == NSH_MAX_BIND)
		return ipl_fail(p, tok, "too many words (at most %d)",
				NSH_MAX_BIND);
	b.v.text = p->argv[tok];
	b.v.special = special;
	p->a->bind[p->a->nbind++] = b;
	return 0;
}

/* ------------------------------------------------------------ more types */

/* an MPLS label stack LABEL[/LABEL…] as the kernel takes it: big-endian
 * entries, the last with the bottom-of-stack bit; pfx.len: its bytes */
static int t_mplslabels(const char *w, struct nsh_val *v, char *errbuf,
			size_t errlen, const char **ret_err)
{
	const char *s = w;
	int n = 0;

	memset(&v->pfx, 0, sizeof(v->pfx));
	for (;;) {
		unsigned long long label;
		uint32_t e;
		char part[16];
		size_t k = strcspn(s, "/");

		if (n == 4)
			FAIL("too many labels (at most 4)");
		if (!k || k >= sizeof(part))
			FAIL("not an MPLS label stack (LABEL[/LABEL…])");
		snprintf(part, sizeof(part), "%.*s", (int)k, s);
		if (parse_num(part, (1 << 20) - 1, &label, ret_err) < 0)
			FAIL("'%s': not an MPLS label (0-1048575)", part);
		e = (uint32_t)label << 12;
		s += k;
		if (!*s)
			e |= 1 << 8;	/* bottom of stack */
		e = htonl(e);
		memcpy(v->pfx.addr + 4 * n++, &e, 4);
		if (!*s)
			break;
		s++;
	}
	v->pfx.len = 4 * n;
	return 0;
}

/* IPv6 segments ADDR[,ADDR…] (checked again when the header is built) */
static int t_segs(const char *w, struct nsh_val *v, char *errbuf,
		  size_t errlen, const char **ret_err)
{
	for (const char *c = w; *c;) {
		size_t n = strcspn(c, ",");
		unsigned char a[16];
		char addr[64];

		snprintf(addr, sizeof(addr), "%.*s", (int)n, c);
		if (n >= sizeof(addr) || inet_pton(AF_INET6, addr, a) != 1)
			FAIL("'%s' is not an IPv6 address", addr);
		c += n + (c[n] == ',');
	}
	return 0;
}

/* enabled or disabled, in any abbreviation */
static int t_ttlprop(const char *w, struct nsh_val *v, char *errbuf,
		     size_t errlen, const char **ret_err)
{
	if (ipl_matches(w, "enabled"))
		v->num = 1;
	else if (ipl_matches(w, "disabled"))
		v->num = 0;
	else
		FAIL("not enabled or disabled");
	return 0;
}

/* ------------------------------------------------------------ table */

const struct nsh_type route_types[] = {
	{ "RTPREFIX", "a prefix like 10.0.0.0/24, or default", t_rtprefix },
	{ "RTMATCH", "a prefix like 10.0.0.0/24, default or all", t_rtmatch },
	{ "TABLE", "a routing table: main, local, default, a name or a number",
	  t_table },
	{ "RTTABLESEL", "a routing table, all or cache", t_tablesel },
	{ "RTPROTO", "a route protocol: kernel, boot, static, … or 0-255",
	  t_rtproto },
	{ "RTPROTOSEL", "a route protocol, or all", t_rtprotosel },
	{ "RTSCOPE", "a scope: global, link, host, site or 0-255", t_rtscope },
	{ "RTSCOPESEL", "a scope, or all", t_rtscopesel },
	{ "RTTYPE", "a route type: unicast, local, blackhole, unreachable, …",
	  t_rttype },
	{ "DSFIELD", "a TOS value (hex) or a name of rt_dsfield", t_dsfield },
	{ "REALMS", "[FROM/]TO realms", t_realms },
	{ "RTTIME", "a time: a number of ms, or with s or ms", t_rttime },
	{ "RTPREF", "low, medium or high", t_rtpref },
	{ "IPPROTO", "an IP protocol: tcp, udp, icmp … or 0-255", t_ipproto },
	{ "PORTRANGE", "a port, or PORT-PORT", t_portrange },
	{ "UIDRANGE", "a range of user IDs, UID-UID", t_uidrange },
	{ "FWMARK", "a firewall mark, MARK[/MASK]", t_fwmark },
	{ "MPLSLABELS", "MPLS labels, LABEL[/LABEL…]", t_mplslabels },
	{ "TTLPROP", "enabled or disabled", t_ttlprop },
	{ "SEGS", "IPv6 segments, ADDR,ADDR…", t_segs },
	{ NULL },
};
