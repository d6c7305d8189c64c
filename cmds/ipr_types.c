/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipr_types.c - the value types several iproute2 families share, as
 * iproute2 reads them: on/off (parse_on_off), a VXLAN network identifier,
 * and the names of cmds/ipr_names.c (routing tables, protocols, scopes,
 * route types, DS fields, realms).  The shell finds them after its own
 * types and before a family's (nsh_shared_types).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "iproute.h"
#include "ipl.h"

#define CONFDIR "/etc/iproute2"

#define FAIL(...)                                                              \
	do {                                                                   \
		snprintf(errbuf, errlen, __VA_ARGS__);                         \
		*ret_err = NULL;                                               \
		return -1;                                                     \
	} while (0)

typedef void complete_fn(void *ctx, const char *word, const char *help);

/* iproute2's parse_on_off: an abbreviation of "off", or "on" */
static int t_onoff(const char *w, struct nsh_val *v, char *errbuf,
		   size_t errlen, const char **ret_err)
{
	if (ipl_matches(w, "off"))
		v->num = 0;
	else if (streq(w, "on"))
		v->num = 1;
	else
		FAIL("must be \"on\" or \"off\"");
	return 0;
}

static void complete_onoff(struct nsh *sh, const char *prefix,
			   complete_fn *add, void *ctx)
{
	static const char *const words[] = { "on", "off" };

	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (strncmp(words[i], prefix, strlen(prefix)) == 0)
			add(ctx, words[i], NULL);
}

/* a VXLAN (or Geneve) network identifier: 24 bits */
static int t_vni(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	unsigned long long n;

	if (parse_num(w, (1u << 24) - 1, &n, ret_err) < 0)
		FAIL("not a VNI (0-16777215)");
	v->num = (long)n;
	return 0;
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
		FAIL("not a routing protocol (kernel, boot, static, a name of "
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
		FAIL("not a scope (global, site, link, host, nowhere, a name "
		     "of " CONFDIR "/rt_scopes or a number 0-255)");
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

/* TAB after scope: the names (rt_scopes' too) */
static void complete_scope(struct nsh *sh, const char *prefix,
			   complete_fn *add, void *ctx)
{
	for (unsigned i = 0; i < 256; i++) {
		const char *name = rt_scope_get(i);

		if (name && strncmp(name, prefix, strlen(prefix)) == 0)
			add(ctx, name, "scope");
	}
}

const struct nsh_type nsh_shared_types[] = {
	{ "ONOFF", "on or off", t_onoff, complete_onoff },
	{ "VNI", "a VXLAN/Geneve network identifier (0-16777215)", t_vni },
	{ "TABLE", "a routing table: main, local, default, a name or a number",
	  t_table },
	{ "RTTABLESEL", "a routing table, all or cache", t_tablesel },
	{ "RTPROTO", "a route protocol: kernel, boot, static, … or 0-255",
	  t_rtproto },
	{ "RTPROTOSEL", "a route protocol, or all", t_rtprotosel },
	{ "RTSCOPE", "a scope: global, link, host, site or 0-255", t_rtscope,
	  complete_scope },
	{ "RTSCOPESEL", "a scope, or all", t_rtscopesel, complete_scope },
	{ "RTTYPE", "a route type: unicast, local, blackhole, unreachable, …",
	  t_rttype },
	{ "DSFIELD", "a TOS value (hex) or a name of rt_dsfield", t_dsfield },
	{ "REALMS", "[FROM/]TO realms", t_realms },
	{ NULL },
};
