/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * route_list.c - `ip route show|list` and `ip route flush` (ip/iproute.c's
 * iproute_list_flush_or_save): one dump of the kernel's RTM_NEWROUTE
 * messages as they came (a libnl cache would merge IPv6 routes that share
 * a prefix and drop what it does not know), printed through the filter,
 * or deleted round after round until none is left.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>

#include "route_priv.h"

DEFINE_PUTP(struct nl_msg, nlmsg_free)

/*
 * one dump of FAMILY's routes (cached ones when the filter asks), as
 * iproute2's iproute_dump_filter asks for it: strict, with the table in
 * RTA_TABLE, so that a table the kernel has not made is an error ("ipv4:
 * FIB table does not exist"), except for a show of the main table
 * (save_route_errhndlr: it lists nothing)
 */
static int dump_routes(struct nsh *sh, struct nl_sock *sk, int family,
		       const struct rt_filter *f, struct msg_list *l)
{
	_cleanup_(nlmsg_freep) struct nl_msg *msg =
		nlmsg_alloc_simple(RTM_GETROUTE, NLM_F_DUMP);
	struct rtmsg hdr = { .rtm_family = (unsigned char)family };
	char why[256];
	int err;

	if (f->cloned)
		hdr.rtm_flags |= RTM_F_CLONED;
	if (!msg || nlmsg_append(msg, &hdr, sizeof(hdr), NLMSG_ALIGNTO) < 0 ||
	    (f->tb && nla_put_u32(msg, RTA_TABLE, f->tb) < 0))
		return nsh_err(sh, "out of memory");
	err = ipr_dump(sk, msg, true, l);
	if (err == -NLE_NOMEM)
		return nsh_err(sh, "out of memory");
	if (err < 0 && !f->flushing && f->tb == RT_TABLE_MAIN &&
	    nl_last_errno() == ENOENT) {
		msg_list_free(l);
		return 0;
	}
	if (err < 0)
		return nsh_err(sh, "cannot %s the routes: %s",
			       f->flushing ? "flush" : "list",
			       nl_reason(err, why, sizeof(why)));
	return 0;
}

/* iproute_flush_cache: the IPv4 routing cache */
static int flush_cache4(struct nsh *sh)
{
	const char *path = "/proc/sys/net/ipv4/route/flush";
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	bool ok;

	if (fd < 0)
		return nsh_err(sh, "cannot open %s: %s", path, strerror(errno));
	ok = write(fd, "-1", 2) == 2;
	close(fd);
	if (!ok)
		return nsh_err(sh, "cannot flush the routing cache: %s",
			       strerror(errno));
	return 0;
}

/* the routing cache of FAMILY, for `flush cached`: 0, or 1 after
 * reporting; *DONE when nothing else is to be flushed */
static int flush_cached(struct rt_print *p, int family, bool *done)
{
	*done = false;
	if (!p->f->cloned)
		return 0;
	if (family != AF_INET6) {
		if (flush_cache4(p->sh))
			return 1;
		if (p->sh->o.stats)
			printf("*** IPv4 routing cache is flushed.\n");
	}
	*done = family == AF_INET;
	return 0;
}

/* one round: every route of the dump L that the filter keeps is asked to
 * be deleted (like iproute2's batch, a refusal ends the flush after the
 * round); the number asked for, or -1 after reporting */
static int flush_round(struct rt_print *p, const struct msg_list *l)
{
	struct nsh *sh = p->sh;
	int flushed = 0, failed = 0;
	char why[256];

	for (int i = 0; i < l->n; i++) {
		struct nlmsghdr *nlh = l->v[i];
		struct nlattr *tb[RTA_MAX + 1];
		_cleanup_(nlmsg_freep) struct nl_msg *msg = NULL;
		int err;

		if (nlmsg_parse(nlh, sizeof(struct rtmsg), tb, RTA_MAX,
				NULL) < 0 ||
		    !rt_filter_keep(p, nlh, tb))
			continue;
		flushed++;
		if (sh->o.stats >= 2)
			rt_print_route(p, nlh);
		/* the route as the kernel gave it, now deleted */
		msg = nlmsg_alloc_simple(RTM_DELROUTE, 0);
		if (!msg || nlmsg_append(msg, nlmsg_data(nlh),
					 nlmsg_datalen(nlh),
					 NLMSG_ALIGNTO) < 0) {
			nsh_err(sh, "out of memory");
			return -1;
		}
		err = ipr_ack(p->sk, msg);
		if (err < 0 && !failed++)
			nl_reason(err, why, sizeof(why));
	}
	if (failed) {
		nsh_err(sh, "cannot flush %d of the routes: %s", failed, why);
		return -1;
	}
	return flushed;
}

/* -s: what the flush did, when a round found nothing left */
static void flush_done(struct rt_print *p, int family, int round)
{
	if (p->sh->o.stats) {
		if (round == 0 && (!p->f->cloned || family == AF_INET6))
			printf("Nothing to flush.\n");
		else
			printf("*** Flush is complete after %d round%s ***\n",
			       round, round > 1 ? "s" : "");
	}
	fflush(stdout);
}

/* iproute_flush: rounds of dumps and deletions until none is left */
static int flush(struct rt_print *p, int family)
{
	struct nsh *sh = p->sh;
	time_t start = time(NULL);
	int round = 0;
	bool done;

	if (flush_cached(p, family, &done))
		return 1;
	if (done)
		return 0;
	p->f->flushing = true;
	for (;;) {
		_cleanup_(msg_list_free) struct msg_list l = { 0 };
		int flushed;

		if (dump_routes(sh, p->sk, family, p->f, &l))
			return 1;
		flushed = flush_round(p, &l);
		if (flushed < 0)
			return 1;
		if (!flushed) {
			flush_done(p, family, round);
			return 0;
		}
		round++;
		if (time(NULL) - start > 30) {
			printf("\n*** Flush not completed after %ld seconds, "
			       "%d entries remain ***\n",
			       (long)(time(NULL) - start), flushed);
			return 1;
		}
		if (sh->o.stats) {
			printf("\n*** Round %d, deleting %d entries ***\n",
			       round, flushed);
			fflush(stdout);
		}
	}
}

/* any word after the verb (the global options are bindings too) */
static bool has_words(const struct nsh_args *a)
{
	for (int i = 0; i < a->nbind; i = ipl_next(a, i))
		if (a->bind[i].opt && a->bind[i].opt->key < IPL_KEY_GLOBAL)
			return true;
	return false;
}

int route_list(struct nsh *sh, const struct nsh_args *a, bool do_flush)
{
	_cleanup_(msg_list_free) struct msg_list l = { 0 };
	struct nl_sock *sk = ns_sock(sh);
	struct rt_filter f;
	struct rt_print p;
	int family = AF_UNSPEC;

	rt_names_reset(sh->o.numeric);
	if (!sk)
		return 1;
	if (do_flush && !has_words(a))
		return nsh_err(sh, "\"ip route flush\" requires arguments");
	if (rt_list_filter(sh, a, &f, &family))
		return 1;
	rt_print_begin(&p, sh, sk, &f);
	if (do_flush)
		return flush(&p, family);
	if (dump_routes(sh, sk, family, &f, &l))
		return 1;
	rt_print_open_list(&p);
	for (int i = 0; i < l.n; i++)
		rt_print_route(&p, l.v[i]);
	rt_print_close_list(&p);
	fflush(stdout);
	return 0;
}
