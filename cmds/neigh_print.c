/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * neigh_print.c - one neighbour entry as iproute2 6.1's print_neigh
 * prints it: text, -s (cacheinfo, probes), -br (print_neigh_brief) and
 * -j, in its colours under -c; the links' names and types from a libnl
 * link cache made on first use.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/route/link.h>

#include "neigh.h"

static struct nl_cache *show_links(struct nshow *s)
{
	if (!s->links_done) {
		s->links_done = true;
		if (rtnl_link_alloc_cache(s->sk, AF_UNSPEC, &s->links) < 0)
			s->links = NULL;
	}
	return s->links;
}

/* ll_index_to_name: "if%u" when the link is not known */
static const char *dev_name(struct nshow *s, int idx, char *buf, size_t len)
{
	struct nl_cache *c = show_links(s);

	if (!c || !rtnl_link_i2name(c, idx, buf, len))
		snprintf(buf, len, "if%d", idx);
	return buf;
}

/* ll_addr_n2a of link IDX's address A: by the link's type (from the
 * cache), a tunnel's as an IP address, else hex bytes */
static const char *lladdr_str(struct nshow *s, int idx,
			      const struct nlattr *a, char *buf, size_t len)
{
	struct nl_cache *c = show_links(s);
	struct rtnl_link *l = c ? rtnl_link_get(c, idx) : NULL;
	unsigned type = ~0u;	/* not known: hex bytes */

	if (l) {
		type = rtnl_link_get_arptype(l);
		rtnl_link_put(l);
	}
	return pr_lladdr(nla_data(a), nla_len(a), type, buf, len);
}

const char *neigh_addr_str(int family, const struct nlattr *a, char *buf,
			   size_t len)
{
	if ((family == AF_INET && nla_len(a) == 4) ||
	    (family == AF_INET6 && nla_len(a) == 16))
		return inet_ntop(family, nla_data(a), buf, (socklen_t)len);
	return "???";
}

static void put_str(struct nshow *s, const char *key, const char *text,
		    const char *val)
{
	if (s->json)
		json_str(&s->j, key, val);
	else
		printf("%s%s ", text, val);
}

/* print_color_string: TEXT, then VAL through FMT in C's colour under -c */
static void put_color(struct nshow *s, enum pr_color c, const char *key,
		      const char *text, const char *fmt, const char *val)
{
	if (s->json) {
		json_str(&s->j, key, val);
	} else {
		fputs(text, stdout);
		pr_color_text(c, fmt, val);
	}
}

/* ifa_family_color */
static enum pr_color fam_color(int family)
{
	return family == AF_INET ? PC_INET :
	       family == AF_INET6 ? PC_INET6 : PC_NONE;
}

/* print_null: "KEY": null, or the word */
static void put_null(struct nshow *s, const char *key)
{
	if (s->json) {
		json_key(&s->j, key);
		fputs("null", stdout);
	} else {
		printf("%s ", key);
	}
}


/* print_cacheinfo and the probes (-s) */
static void print_stats(struct nshow *s, struct nlattr **tb)
{
	long hz = sysconf(_SC_CLK_TCK);

	if (hz <= 0)
		hz = 100;
	if (tb[NDA_CACHEINFO] &&
	    nla_len(tb[NDA_CACHEINFO]) >= (int)sizeof(struct nda_cacheinfo)) {
		const struct nda_cacheinfo *ci = nla_data(tb[NDA_CACHEINFO]);
		unsigned used = ci->ndm_used / (unsigned)hz;
		unsigned conf = ci->ndm_confirmed / (unsigned)hz;
		unsigned upd = ci->ndm_updated / (unsigned)hz;

		if (s->json) {
			if (ci->ndm_refcnt)
				json_uint(&s->j, "refcnt", ci->ndm_refcnt);
			json_uint(&s->j, "used", used);
			json_uint(&s->j, "confirmed", conf);
			json_uint(&s->j, "updated", upd);
		} else {
			if (ci->ndm_refcnt)
				printf(" ref %u", ci->ndm_refcnt);
			printf(" used %u/%u/%u", used, conf, upd);
		}
	}
	if (tb[NDA_PROBES]) {
		if (s->json)
			json_uint(&s->j, "probes", nla_get_u32(tb[NDA_PROBES]));
		else
			printf("probes %u ", nla_get_u32(tb[NDA_PROBES]));
	}
}

static void print_state(struct nshow *s, unsigned nud)
{
	static const struct {
		unsigned bit;
		const char *name;
	} st[] = {
		{ NUD_INCOMPLETE, "INCOMPLETE" },
		{ NUD_REACHABLE, "REACHABLE" },
		{ NUD_STALE, "STALE" }, { NUD_DELAY, "DELAY" },
		{ NUD_PROBE, "PROBE" }, { NUD_FAILED, "FAILED" },
		{ NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" },
	};

	if (s->json) {
		json_key(&s->j, "state");
		json_begin_array(&s->j);
	}
	for (size_t i = 0; i < ARRAY_SIZE(st); i++) {
		if (!(nud & st[i].bit))
			continue;
		if (s->json)
			json_str(&s->j, NULL, st[i].name);
		else
			printf("%s ", st[i].name);
	}
	if (s->json)
		json_end_array(&s->j);
}

/* one entry in iproute2's layout (print_neigh, print_neigh_brief) */
/* -br: the address, the link and the link-layer address, in columns */
static void print_brief(struct nshow *s, const struct ndmsg *r, int family,
			struct nlattr **tb)
{
	char buf[128];

	if (tb[NDA_DST])
		put_color(s, fam_color(family), "dst", "", "%-39s ",
			  neigh_addr_str(family, tb[NDA_DST], buf, sizeof(buf)));
	if (!s->index && r->ndm_ifindex)
		put_color(s, PC_IFNAME, "dev", "", "%-16s ",
			  dev_name(s, r->ndm_ifindex, buf, sizeof(buf)));
	if (tb[NDA_LLADDR])
		put_color(s, PC_MAC, "lladdr", "", "%s",
			  lladdr_str(s, r->ndm_ifindex, tb[NDA_LLADDR], buf,
				     sizeof(buf)));
}

/* the full form: address, link, lladdr, flags, -s, state, protocol */
static void print_full(struct nshow *s, const struct ndmsg *r, int family,
		       struct nlattr **tb)
{
	uint32_t ext = tb[NDA_FLAGS_EXT] ? nla_get_u32(tb[NDA_FLAGS_EXT]) : 0;
	char buf[128];

	if (tb[NDA_DST])
		put_color(s, fam_color(family), "dst", "", "%s ",
			  neigh_addr_str(family, tb[NDA_DST], buf, sizeof(buf)));
	if (!s->index && r->ndm_ifindex)
		put_color(s, PC_IFNAME, "dev", "dev ", "%s ",
			  dev_name(s, r->ndm_ifindex, buf, sizeof(buf)));
	if (tb[NDA_LLADDR])
		put_color(s, PC_MAC, "lladdr", "lladdr ", "%s ",
			  lladdr_str(s, r->ndm_ifindex, tb[NDA_LLADDR], buf,
				     sizeof(buf)));
	if (r->ndm_flags & NTF_ROUTER)
		put_null(s, "router");
	if (r->ndm_flags & NTF_PROXY)
		put_null(s, "proxy");
	if (ext & NTF_EXT_MANAGED)
		put_null(s, "managed");
	if (r->ndm_flags & NTF_EXT_LEARNED)
		put_null(s, "extern_learn");
	if (r->ndm_flags & NTF_OFFLOADED)
		put_null(s, "offload");
	if (s->sh->o.stats)
		print_stats(s, tb);
	if (r->ndm_state)
		print_state(s, r->ndm_state);
	if (tb[NDA_PROTOCOL] && nla_get_u8(tb[NDA_PROTOCOL]))
		put_str(s, "protocol", "proto ",
			rt_proto_n2a(nla_get_u8(tb[NDA_PROTOCOL]), buf,
				    sizeof(buf)));
}

void neigh_print(struct nshow *s, const struct nlmsghdr *nlh,
		 struct nlattr **tb)
{
	const struct ndmsg *r = nlmsg_data(nlh);
	int family = r->ndm_family;

	if (s->json) {
		json_key(&s->j, NULL);
		json_begin_object(&s->j);
	}
	if (family == AF_BRIDGE && tb[NDA_DST])
		family = nla_len(tb[NDA_DST]) == 16 ? AF_INET6 : AF_INET;
	if (s->sh->o.brief)
		print_brief(s, r, family, tb);
	else
		print_full(s, r, family, tb);
	if (s->json)
		json_end_object(&s->j);
	else
		putchar('\n');
}

/* the dump request: the header, NDA_IFINDEX and NDA_MASTER as
 * ipneigh_dump_filter adds them */

void neigh_show_free(struct nshow *s)
{
	if (s->links)
		nl_cache_free(s->links);
}
