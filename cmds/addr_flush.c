/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr_flush.c - `ip address flush FILTER…`, as iproute2's
 * ipaddr_list_flush_or_save: it dumps the addresses that match and
 * deletes each with the message the kernel sent for it, round after
 * round (deleting a primary IPv4 address takes its secondaries or
 * promotes them), at most -l N rounds (10; -l 0: until none is left).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <net/if.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/errno.h>
#include <netlink/msg.h>

#include "addr_priv.h"
#include "iproute.h"
#include "ipl.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* the name of link IFINDEX here (flush has no link list), or "ifN" */
static const char *ifname_of(int ifindex, char *buf)
{
	if (!if_indextoname((unsigned)ifindex, buf))
		snprintf(buf, IF_NAMESIZE, "if%d", ifindex);
	return buf;
}

/* -l N: the rounds flush may take (iproute2's max_flush_loops: 10 unless
 * given; 0: no limit) */
static int flush_loops(const struct nsh *sh, const struct nsh_args *a)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;

		if (o && o->key >= IPL_KEY_GLOBAL && streq(o->kw, "-loops"))
			return sh->o.loops;
	}
	return 10;
}

/* whether A has words of the table (not only global options) */
static bool has_filter_words(const struct nsh_args *a)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && a->bind[i].opt->key < IPL_KEY_GLOBAL)
			return true;
	return false;
}

/* delete the address of V (its message sent back as RTM_DELADDR, as
 * iproute2 does); an address already gone with its primary is no error */
static int flush_one(struct nsh *sh, struct nl_sock *sk,
		     const struct ifa_view *v)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg = nlmsg_convert(v->n);
	char why[256], buf[INET6_ADDRSTRLEN];
	struct nlmsghdr *h;
	int err;

	if (!msg)
		return nsh_err(sh, "out of memory");
	h = nlmsg_hdr(msg);
	h->nlmsg_type = RTM_DELADDR;
	h->nlmsg_flags = NLM_F_REQUEST;
	h->nlmsg_seq = NL_AUTO_SEQ;
	h->nlmsg_pid = NL_AUTO_PORT;
	err = ipr_ack(sk, msg);
	if (err >= 0 || nl_last_errno() == EADDRNOTAVAIL)
		return 0;
	return nsh_err(sh, "'%s/%d': %s",
		       v->local ? addr_ntop(v, v->local, buf) : "?",
		       v->ifa->ifa_prefixlen, nl_reason(err, why, sizeof(why)));
}

/* "*** Flush is complete after N rounds ***", under -s */
static void flush_complete(const struct nsh *sh, int round)
{
	if (sh->o.stats)
		printf("*** Flush is complete after %d round%s ***\n", round,
		       round > 1 ? "s" : "");
}

/* the addresses of AD that F selects, moved to its front (and printed
 * under -s -s): how many */
static int flush_select(struct nsh *sh, const struct addr_filter *f,
			struct addrs *ad)
{
	const struct addr_out o = { .sh = sh, .with_dev = true };
	int flushed = 0;

	for (int i = 0; i < ad->n; i++) {
		struct ifa_view *v = &ad->v[i];
		char name[IF_NAMESIZE];
		/* the link's name: for a label filter, and -s -s */
		const char *dn = (f->lf.label || sh->o.stats > 1) && v->ifa ?
			ifname_of((int)v->ifa->ifa_index, name) : "";

		if (!addr_ifa_match(f, v, dn))
			continue;
		ad->v[flushed++] = *v;
		if (sh->o.stats > 1)
			addr_print(&o, v, dn);
	}
	return flushed;
}

/* ip address flush FILTER… */
int addr_flush(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(addrs_free) struct addrs ad = { 0 };
	int loops = flush_loops(sh, a);
	struct addr_filter f;
	struct nl_sock *sk;
	const char *dev;

	if (ipl_find(a, 0, AK_HELP) >= 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	if (!has_filter_words(a))
		return nsh_err(sh, "flush requires arguments (dev IFNAME, to "
				   "PREFIX, scope, label, a flag…)");
	if (sh->o.family == AF_PACKET)
		return nsh_err(sh, "cannot flush link addresses (-0)");
	rt_names_reset(sh->o.numeric);
	if (addr_parse_filter(sh, a, &f, &dev))
		return 1;
	if (dev && link_index(sh, dev, &f.ifindex))
		return 1;
	sk = ns_sock(sh);
	if (!sk)
		return 1;
	pr_begin(false, false, false, false);	/* -s -s: the addresses */
	for (int round = 0; !loops || round < loops;) {
		int flushed;

		if (addrs_dump(sh, sk, f.lf.family, f.ifindex, &ad))
			return 1;
		flushed = flush_select(sh, &f, &ad);
		if (!flushed) {
			if (sh->o.stats && !round)
				printf("Nothing to flush.\n");
			else
				flush_complete(sh, round);
			return 0;
		}
		round++;
		for (int i = 0; i < flushed; i++)
			if (flush_one(sh, sk, &ad.v[i]))
				return 1;
		if (sh->o.stats)
			printf("\n*** Round %d, deleting %d addresses ***\n",
			       round, flushed);
		/* "primary": one round, or the secondaries promoted in it
		 * would go next */
		if ((f.flagmask & IFA_F_SECONDARY) &&
		    !(f.flags & IFA_F_SECONDARY)) {
			flush_complete(sh, round);
			return 0;
		}
	}
	return nsh_err(sh, "flush remains incomplete after %d rounds", loops);
}
