/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_types.c - the value types of ip link and its kinds, as iproute2
 * reads them: an MTU, a link mode or operational state (any case), an
 * Ethernet protocol, a TTL (a number, "auto", "inherit"), a TOS (a name
 * of rt_dsfield or hex, "inherit"), a flow label …  They check a word
 * before anything runs (`nsh --check`); the kinds' put() use the parsed
 * value.  ONOFF, VNI and TABLE are the families' shared ones
 * (cmds/ipr_types.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>

#include "link.h"

static int t_ethproto(const char *w, struct nsh_val *v, char *eb, size_t el,
		      const char **err)
{
	uint16_t be;

	if (link_llproto_a2n(w, &be) < 0) {
		*err = "not an Ethernet protocol (802.1Q, 802.1ad, ipv4, or "
		       "a number)";
		return -1;
	}
	v->num = be;
	return 0;
}

/* an MTU as iproute2 reads it (get_integer); the kernel checks the range */
static int t_linkmtu(const char *w, struct nsh_val *v, char *eb, size_t el,
		     const char **err)
{
	unsigned long long n;

	if (parse_num(w, INT32_MAX, &n, err) < 0) {
		*err = "not an MTU (a number of bytes)";
		return -1;
	}
	v->num = (long)n;
	return 0;
}

/* one of WORDS (any case), its index in v->num */
static int one_of(const char *w, const char *const *words, size_t n,
		  struct nsh_val *v)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(w, words[i]) == 0) {
			v->num = (long)i;
			return 0;
		}
	return -1;
}

static int t_linkmode(const char *w, struct nsh_val *v, char *eb, size_t el,
		      const char **err)
{
	static const char *const modes[] = { "default", "dormant" };

	if (one_of(w, modes, ARRAY_SIZE(modes), v) == 0)
		return 0;
	*err = "not a link mode (default or dormant)";
	return -1;
}

static int t_operstate(const char *w, struct nsh_val *v, char *eb, size_t el,
		       const char **err)
{
	static const char *const st[] = {
		"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING",
		"DORMANT", "UP",
	};

	if (one_of(w, st, ARRAY_SIZE(st), v) == 0)
		return 0;
	*err = "not an operational state (up, down, dormant, testing, …)";
	return -1;
}

static void complete_words(const char *prefix, const char *const *words,
			   size_t n,
			   void (*add)(void *, const char *, const char *),
			   void *ctx)
{
	for (size_t i = 0; i < n; i++)
		if (strncmp(words[i], prefix, strlen(prefix)) == 0)
			add(ctx, words[i], NULL);
}

static void complete_mode(struct nsh *sh, const char *prefix,
			  void (*add)(void *, const char *, const char *),
			  void *ctx)
{
	static const char *const w[] = { "default", "dormant" };

	complete_words(prefix, w, ARRAY_SIZE(w), add, ctx);
}


/* a number up to MAX, or one of the words WORDS[i] (any value VALS[i]) */
static int num_or(const char *w, struct nsh_val *v, unsigned long long max,
		  const char *const *words, const long *vals, size_t n,
		  const char **err, const char *what)
{
	unsigned long long x;

	for (size_t i = 0; i < n; i++)
		if (streq(w, words[i])) {
			v->num = vals[i];
			v->special = w[0];
			return 0;
		}
	if (parse_num(w, max, &x, err) < 0) {
		*err = what;
		return -1;
	}
	v->num = (long)x;
	return 0;
}

/* TTL: 0-255, "auto" (0) or "inherit" (special 'i') */
static int t_ttl(const char *w, struct nsh_val *v, char *eb, size_t el,
		 const char **err)
{
	static const char *const words[] = { "inherit", "auto" };
	static const long vals[] = { 0, 0 };

	return num_or(w, v, 255, words, vals, 2, err,
		      "not a TTL (1-255, auto or inherit)");
}

/* TOS: a name of /etc/iproute2/rt_dsfield, a hex number (iproute2 reads
 * "10" as 0x10), or "inherit" (special 'i') */
static int t_tos(const char *w, struct nsh_val *v, char *eb, size_t el,
		 const char **err)
{
	uint32_t n;

	if (streq(w, "inherit")) {
		v->num = 1;
		v->special = 'i';
		return 0;
	}
	if (rt_dsfield_a2n(w, &n) < 0) {
		*err = "not a TOS (a name of rt_dsfield, hex 00-ff, or "
		       "inherit)";
		return -1;
	}
	v->num = (long)n;
	return 0;
}

static int t_flowlabel(const char *w, struct nsh_val *v, char *eb, size_t el,
		       const char **err)
{
	unsigned long long n;

	if (parse_num(w, 0xfffff, &n, err) < 0) {
		*err = "not a flow label (0-1048575)";
		return -1;
	}
	v->num = (long)n;
	return 0;
}

/* seconds, or "none" (0) */
static int t_ageing(const char *w, struct nsh_val *v, char *eb, size_t el,
		    const char **err)
{
	static const char *const words[] = { "none" };
	static const long vals[] = { 0 };

	return num_or(w, v, UINT32_MAX, words, vals, 1, err,
		      "not an ageing time (seconds, or none)");
}

/* a number, or "unlimited" (0) */
static int t_maxaddr(const char *w, struct nsh_val *v, char *eb, size_t el,
		     const char **err)
{
	static const char *const words[] = { "unlimited" };
	static const long vals[] = { 0 };

	return num_or(w, v, UINT32_MAX, words, vals, 1, err,
		      "not a number of addresses (or unlimited)");
}

/* a name of TBL, or its number (iproute2's get_index in iplink_bond.c) */
static int table_index(const char *w, const char *const *tbl,
		       struct nsh_val *v, const char **err, const char *what)
{
	unsigned long long n;
	const char *e;

	for (long i = 0; tbl[i]; i++)
		if (streq(tbl[i], w)) {
			v->num = i;
			return 0;
		}
	if (parse_num(w, 255, &n, &e) == 0)
		for (long i = 0; tbl[i]; i++)
			if (i == (long)n) {
				v->num = i;
				return 0;
			}
	*err = what;
	return -1;
}

#define TABLE_TYPE(fn, tbl, what)                                              \
	static int fn(const char *w, struct nsh_val *v, char *eb, size_t el,   \
		      const char **err)                                        \
	{                                                                      \
		return table_index(w, tbl, v, err, what);                      \
	}

TABLE_TYPE(t_bondmode, link_bond_modes, "not a bond mode (balance-rr, "
	   "active-backup, balance-xor, broadcast, 802.3ad, balance-tlb, "
	   "balance-alb)")
TABLE_TYPE(t_arpvalidate, link_bond_arp_validate, "not an arp_validate "
	   "mode (none, active, backup, all, filter, filter_active, "
	   "filter_backup)")
TABLE_TYPE(t_arpalltargets, link_bond_arp_all_targets, "not any or all")
TABLE_TYPE(t_primaryreselect, link_bond_primary_reselect,
	   "not always, better or failure")
TABLE_TYPE(t_failovermac, link_bond_fail_over_mac,
	   "not none, active or follow")
TABLE_TYPE(t_xmithash, link_bond_xmit_hash_policy, "not a hash policy "
	   "(layer2, layer3+4, layer2+3, encap2+3, encap3+4, vlan+srcmac)")
TABLE_TYPE(t_lacpactive, link_bond_lacp_active, "not off or on")
TABLE_TYPE(t_lacprate, link_bond_lacp_rate, "not slow or fast")
TABLE_TYPE(t_adselect, link_bond_ad_select,
	   "not stable, bandwidth or count")

static int addr_any(const char *w, struct nsh_val *v, int family,
		    const char **err)
{
	char eb[128];

	if (streq(w, "any")) {
		memset(&v->pfx, 0, sizeof(v->pfx));
		v->pfx.family = family;
		v->special = 'a';
		return 0;
	}
	if (parse_prefix(w, false, &v->pfx, eb, sizeof(eb), err) < 0 ||
	    v->pfx.family != family) {
		*err = family == AF_INET ? "not an IPv4 address (or any)" :
					   "not an IPv6 address (or any)";
		return -1;
	}
	return 0;
}

static int t_addr4any(const char *w, struct nsh_val *v, char *eb, size_t el,
		      const char **err)
{
	return addr_any(w, v, AF_INET, err);
}

static int t_addr6any(const char *w, struct nsh_val *v, char *eb, size_t el,
		      const char **err)
{
	return addr_any(w, v, AF_INET6, err);
}

/* a hop limit: 0-255, or "inherit" (0) */
static int t_hoplimit(const char *w, struct nsh_val *v, char *eb, size_t el,
		      const char **err)
{
	static const char *const words[] = { "inherit" };
	static const long vals[] = { 0 };

	return num_or(w, v, 255, words, vals, 1, err,
		      "not a TTL (0-255, or inherit)");
}

/* hex up to MAX (iproute2 reads these in base 16), or "inherit" */
static int hex_or_inherit(const char *w, struct nsh_val *v, unsigned long max,
			  const char **err, const char *what)
{
	unsigned long n;
	char *end;

	if (streq(w, "inherit")) {
		v->num = 0;
		v->special = 'i';
		return 0;
	}
	n = strtoul(w, &end, 16);
	if (!*w || *end || n > max) {
		*err = what;
		return -1;
	}
	v->num = (long)n;
	return 0;
}

static int t_tclass(const char *w, struct nsh_val *v, char *eb, size_t el,
		    const char **err)
{
	return hex_or_inherit(w, v, 0xff, err,
			      "not a traffic class (hex 00-ff, or inherit)");
}

static int t_flowlabel6(const char *w, struct nsh_val *v, char *eb,
			size_t el, const char **err)
{
	return hex_or_inherit(w, v, 0xfffff, err,
			      "not a flow label (hex 0-fffff, or inherit)");
}

/* a GRE key: a dotted quad or a number */
static int t_grekey(const char *w, struct nsh_val *v, char *eb, size_t el,
		    const char **err)
{
	unsigned long long n;
	struct in_addr a;

	if (strchr(w, '.')) {
		if (inet_pton(AF_INET, w, &a) != 1) {
			*err = "not a key (a number or a dotted quad)";
			return -1;
		}
		v->num = (long)ntohl(a.s_addr);
		return 0;
	}
	if (parse_num(w, UINT32_MAX, &n, err) < 0) {
		*err = "not a key (a number or a dotted quad)";
		return -1;
	}
	v->num = (long)n;
	return 0;
}

/* a UDP port, or "auto" (0) */
static int t_portauto(const char *w, struct nsh_val *v, char *eb, size_t el,
		      const char **err)
{
	static const char *const words[] = { "auto" };
	static const long vals[] = { 0 };

	return num_or(w, v, 65535, words, vals, 1, err,
		      "not a port (0-65535, or auto)");
}

/* a firewall mark, or "inherit" (special 'i') */
static int t_fwmarkinh(const char *w, struct nsh_val *v, char *eb, size_t el,
		       const char **err)
{
	static const char *const words[] = { "inherit" };
	static const long vals[] = { 0 };

	return num_or(w, v, UINT32_MAX, words, vals, 1, err,
		      "not a firewall mark (a number, or inherit)");
}

/* an encapsulation limit: 0-255, or "none" (special 'n') */
static int t_encaplimit(const char *w, struct nsh_val *v, char *eb,
			size_t el, const char **err)
{
	static const char *const words[] = { "none" };
	static const long vals[] = { 0 };

	return num_or(w, v, 255, words, vals, 1, err,
		      "not an encapsulation limit (0-255, or none)");
}

/* ingress or egress, any abbreviation (ingress first) */
static int t_erspandir(const char *w, struct nsh_val *v, char *eb, size_t el,
		       const char **err)
{
	if (ipl_matches(w, "ingress") || ipl_matches(w, "egress")) {
		v->num = !ipl_matches(w, "ingress");
		return 0;
	}
	*err = "not ingress or egress";
	return -1;
}

const struct nsh_type link_types[] = {
	{ "LINKMTU", "an MTU in bytes", t_linkmtu },
	{ "LINKMODE", "default or dormant", t_linkmode, complete_mode },
	{ "OPERSTATE", "an operational state: up, down, dormant, …",
	  t_operstate },
	{ "ETHPROTO", "an Ethernet protocol: 802.1Q, 802.1ad, … or a number",
	  t_ethproto },
	{ "TTL", "a TTL: 1-255, auto or inherit", t_ttl },
	{ "TOS", "a TOS: a name of rt_dsfield, hex 00-ff, or inherit", t_tos },
	{ "FLOWLABEL", "an IPv6 flow label (0-1048575)", t_flowlabel },
	{ "AGEING", "seconds, or none", t_ageing },
	{ "MAXADDR", "a number of addresses, or unlimited", t_maxaddr },
	{ "BONDMODE", "a bond mode: balance-rr, active-backup, 802.3ad, …",
	  t_bondmode },
	{ "ARPVALIDATE", "none, active, backup, all, filter, …",
	  t_arpvalidate },
	{ "ARPALLTARGETS", "any or all", t_arpalltargets },
	{ "PRIMARYRESELECT", "always, better or failure", t_primaryreselect },
	{ "FAILOVERMAC", "none, active or follow", t_failovermac },
	{ "XMITHASH", "layer2, layer3+4, layer2+3, encap2+3, …", t_xmithash },
	{ "LACPACTIVE", "off or on", t_lacpactive },
	{ "LACPRATE", "slow or fast", t_lacprate },
	{ "ADSELECT", "stable, bandwidth or count", t_adselect },
	{ "ADDR4ANY", "an IPv4 address, or any", t_addr4any },
	{ "ADDR6ANY", "an IPv6 address, or any", t_addr6any },
	{ "HOPLIMIT", "a TTL or hop limit: 0-255, or inherit", t_hoplimit },
	{ "TCLASS", "a traffic class: hex 00-ff, or inherit", t_tclass },
	{ "FLOWLABEL6", "a flow label: hex 0-fffff, or inherit",
	  t_flowlabel6 },
	{ "GREKEY", "a GRE key: a number or a dotted quad", t_grekey },
	{ "PORTAUTO", "a UDP port, or auto", t_portauto },
	{ "FWMARKINH", "a firewall mark, or inherit", t_fwmarkinh },
	{ "ENCAPLIMIT", "an encapsulation limit: 0-255, or none",
	  t_encaplimit },
	{ "ERSPANDIR", "ingress or egress", t_erspandir },
	{ NULL },
};

