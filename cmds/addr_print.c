/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr_print.c - one address as iproute2's print_addrinfo prints it, in
 * text (-o, -br) and -j: "inet ADDR/LEN brd … scope … FLAGS LABEL" and
 * the lifetimes.  ip address show and flush -s -s print through it, and
 * ip monitor (addr_print_msg).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>

#include "addr_priv.h"
#include "iproute.h"

#define INFINITY_LIFE_TIME 0xffffffffU

const char *addr_ntop(const struct ifa_view *v, const struct nlattr *a,
			char *buf)
{
	int family = v->ifa->ifa_family;

	if (nla_len(a) != (family == AF_INET ? 4 : 16) ||
	    !inet_ntop(family, nla_data(a), buf, INET6_ADDRSTRLEN))
		snprintf(buf, INET6_ADDRSTRLEN, "?");
	return buf;
}

/* an address of V's family, in its colour under -c */
static void print_host(const struct ifa_view *v, const char *key,
		       const char *fmt, const struct nlattr *a)
{
	char buf[INET6_ADDRSTRLEN];

	pr_color_string(PR_ANY, v->ifa->ifa_family == AF_INET ? PC_INET :
								PC_INET6,
			key, fmt, addr_ntop(v, a, buf));
}

/* print_ifa_flags: the words in ifa_flag_data's order ("dynamic" for a
 * missing IFA_F_PERMANENT, "temporary" for an IPv6 secondary), then the
 * bits without a name in hex */
static void print_flags(const struct ifa_view *v)
{
	unsigned flags = v->flags;
	char hex[16];

	for (size_t i = 0; i < addr_nflags; i++) {
		const struct addr_flag *f = &addr_flags[i];

		if (f->mask == IFA_F_PERMANENT) {
			if (!(flags & f->mask))
				pr_bool(PR_ANY, "dynamic", "dynamic ", true);
		} else if (!(flags & f->mask)) {
		} else if (f->mask == IFA_F_SECONDARY &&
			   v->ifa->ifa_family == AF_INET6) {
			pr_bool(PR_ANY, "temporary", "temporary ", true);
		} else {
			pr_string(PR_FP, NULL, "%s ", f->name);
			pr_bool(PR_JSON, f->name, NULL, true);
		}
		flags &= ~f->mask;
	}
	if (!flags)
		return;
	snprintf(hex, sizeof(hex), "%02x", flags);
	pr_string(PR_JSON, "ifa_flags", NULL, hex);
	pr_string(PR_FP, NULL, "flags %s ", hex);
}

/* one lifetime: "forever", or seconds (signed when deprecated) */
static void print_lifetime(const char *key, unsigned t, bool deprecated)
{
	if (t == INFINITY_LIFE_TIME) {
		pr_uint(PR_JSON, key, NULL, t);
		pr_string(PR_FP, NULL, "%s", "forever");
	} else if (deprecated) {
		pr_int(PR_ANY, key, "%dsec", (int)t);
	} else {
		pr_uint(PR_ANY, key, "%usec", t);
	}
}

/* the lifetimes: "       valid_lft forever preferred_lft 60sec" */
static void print_lifetimes(const struct ifa_view *v)
{
	const struct ifa_cacheinfo *ci = nla_data(v->tb[IFA_CACHEINFO]);

	pr_nl();
	pr_string(PR_FP, NULL, "       valid_lft ", NULL);
	print_lifetime("valid_life_time", ci->ifa_valid, false);
	pr_string(PR_FP, NULL, " preferred_lft ", NULL);
	print_lifetime("preferred_life_time", ci->ifa_prefered,
		       v->flags & IFA_F_DEPRECATED);
}

/* print_addrinfo, past its filters: one address of link DEVNAME */
void addr_print(const struct addr_out *o, const struct ifa_view *v,
		       const char *devname)
{
	const struct ifaddrmsg *ifa = v->ifa;
	size_t n = ifa->ifa_family == AF_INET ? 4 : 16;
	char sb[16];

	if (!o->brief) {
		if (o->with_dev) {
			pr_int(PR_JSON, "index", NULL, (int)ifa->ifa_index);
			pr_string(PR_JSON, "dev", NULL, devname);
			if (!pr_json())
				printf("%u: %s", ifa->ifa_index, devname);
		}
		pr_string(PR_ANY, "family", "    %s ",
			  ifa->ifa_family == AF_INET ? "inet" : "inet6");
	}
	if (v->local) {
		print_host(v, "local", "%s", v->local);
		if (v->address && nla_len(v->address) >= (int)n &&
		    nla_len(v->local) >= (int)n &&
		    memcmp(nla_data(v->address), nla_data(v->local), n)) {
			pr_string(PR_FP, NULL, " %s ", "peer");
			print_host(v, "address", "%s", v->address);
		}
		pr_int(PR_ANY, "prefixlen", "/%d ", ifa->ifa_prefixlen);
		if (v->tb[IFA_RT_PRIORITY])
			pr_uint(PR_ANY, "metric", "metric %u ",
				nla_get_u32(v->tb[IFA_RT_PRIORITY]));
	}
	if (o->brief)
		return;
	if (v->tb[IFA_BROADCAST]) {
		pr_string(PR_FP, NULL, "%s ", "brd");
		print_host(v, "broadcast", "%s ", v->tb[IFA_BROADCAST]);
	}
	if (v->tb[IFA_ANYCAST]) {
		pr_string(PR_FP, NULL, "%s ", "any");
		print_host(v, "anycast", "%s ", v->tb[IFA_ANYCAST]);
	}
	pr_string(PR_ANY, "scope", "scope %s ",
		  rt_scope_n2a(ifa->ifa_scope, sb, sizeof(sb)));
	print_flags(v);
	if (v->tb[IFA_LABEL])
		pr_string(PR_ANY, "label", "%s", nla_data(v->tb[IFA_LABEL]));
	if (v->tb[IFA_CACHEINFO] &&
	    nla_len(v->tb[IFA_CACHEINFO]) >= (int)sizeof(struct ifa_cacheinfo))
		print_lifetimes(v);
	pr_string(PR_FP, NULL, "%s", "\n");
}

bool addr_print_msg(struct nlmsghdr *n, const char *devname)
{
	const struct addr_out o = { .with_dev = true };
	struct ifa_view v;

	if (!addr_view(n, &v))
		return false;
	addr_print(&o, &v, devname);
	return true;
}
