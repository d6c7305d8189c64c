/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * fuzz-model.c - the netlink-message-to-model converters of
 * shell/lab/model_msg.c: crafted RTM_NEWLINK/DELLINK, NEWADDR/DELADDR,
 * NEWROUTE/DELROUTE and NEWNSID/DELNSID messages, as the event socket
 * would receive them.
 *
 * The converters (from_link, from_addr, from_route, apply: model_msg.c)
 * and nsids_dead (model_nl.c) are static: this file includes those two
 * files itself and calls them by their own names, leaving them as they
 * are (their objects in libnshcore.a are then not linked: every symbol
 * they define is defined here).  Each input is one datagram: byte 0 picks
 * the namespace it came from (the host, or one with an nsid), the rest
 * are the messages, taken as drain() takes them (one loop below, the same
 * steps: the AF_BRIDGE port messages skipped, nlmsg_convert,
 * NETLINK_ROUTE, nl_msg_parse; the host's DELNSID first).  The model
 * starts empty, with three namespaces, for every input.  No socket is
 * opened (the links drain() would re-read afterwards are only listed),
 * and guard.h keeps any from being opened.
 */
#include "../../shell/lab/model_nl.c"
#include "../../shell/lab/model_msg.c"

#include <stdint.h>
#include <linux/if_link.h>

#include "guard.h"

#define FUZZ_NNS 3
static struct nsh fsh = { .home.fd = -1, .cur.fd = -1 };

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	fuzz_guard();
	fuzz_guard_check();
	return 0;
}

/* a fresh model: the host, and two namespaces with nsids 0 and 1 */
static void model_reset(void)
{
	if (M)
		model_free(M);
	M = model_alloc();
	model_ns_add(M, 4, 4026531840, "");
	for (int i = 1; i < FUZZ_NNS; i++)
		model_ns_add(M, 4, 4026532000 + (ino_t)i, i == 1 ? "a" : "b")
			->nsid = i - 1;
	nrefresh = 0;
}

/*
 * What libnl 3.7 cannot take, and the kernel never sends:
 * - a link kind's parser is called with IFLA_INFO_DATA NULL when the
 *   message has IFLA_INFO_XSTATS without it (veth_parse and others then
 *   dereference NULL); the kernel adds xstats only beside data;
 * - an RTA_VIA shorter than its header (struct rtvia) is read with a
 *   negative length (rtnl_route_parse, parse_multipath);
 * - the multipath parser (parse_multipath) never ends on a nexthop of
 *   length 0, and runs past the attribute when the last nexthop's length
 *   is not a multiple of 4 (its size_t remainder wraps): it allocates
 *   nexthops until memory runs out.
 * drain() takes only the kernel's messages (a datagram from any other
 * sender is dropped), so such a message never reaches the converters:
 * it is left out here.
 */
static bool link_kernel_like(const struct nlmsghdr *h)
{
	const struct ifinfomsg *ifi = NLMSG_DATA(h);
	int len = (int)h->nlmsg_len - NLMSG_LENGTH(sizeof(*ifi));

	if (len < 0)
		return true;
	for (const struct rtattr *a = IFLA_RTA(ifi); RTA_OK(a, len);
	     a = RTA_NEXT(a, len)) {
		int ilen = (int)RTA_PAYLOAD(a);
		bool data = false, xstats = false;

		if ((a->rta_type & NLA_TYPE_MASK) != IFLA_LINKINFO)
			continue;
		for (const struct rtattr *b = RTA_DATA(a); RTA_OK(b, ilen);
		     b = RTA_NEXT(b, ilen)) {
			data |= (b->rta_type & NLA_TYPE_MASK) == IFLA_INFO_DATA;
			xstats |= (b->rta_type & NLA_TYPE_MASK) ==
				  IFLA_INFO_XSTATS;
		}
		if (xstats && !data)
			return false;
	}
	return true;
}

/* the attributes A (LEN bytes) have an RTA_VIA shorter than its header */
static bool short_via(const struct rtattr *a, int len)
{
	for (; RTA_OK(a, len); a = RTA_NEXT(a, len))
		if ((a->rta_type & NLA_TYPE_MASK) == RTA_VIA &&
		    RTA_PAYLOAD(a) < sizeof(struct rtvia))
			return true;
	return false;
}

static bool kernel_like(const struct nlmsghdr *h)
{
	const struct rtmsg *rtm = NLMSG_DATA(h);
	int len = (int)h->nlmsg_len - NLMSG_LENGTH(sizeof(*rtm));

	if (h->nlmsg_type == RTM_NEWLINK || h->nlmsg_type == RTM_DELLINK)
		return link_kernel_like(h);
	if ((h->nlmsg_type != RTM_NEWROUTE && h->nlmsg_type != RTM_DELROUTE) ||
	    len < 0)
		return true;
	if (short_via(RTM_RTA(rtm), len))
		return false;
	for (const struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, len);
	     a = RTA_NEXT(a, len)) {
		const struct rtnexthop *nh = RTA_DATA(a);
		int left = (int)RTA_PAYLOAD(a);

		if ((a->rta_type & NLA_TYPE_MASK) != RTA_MULTIPATH)
			continue;
		/* libnl's loop, with its size_t remainder */
		while (left >= (int)sizeof(*nh) && left >= nh->rtnh_len) {
			if (nh->rtnh_len < sizeof(*nh) ||
			    RTNH_ALIGN(nh->rtnh_len) > left)
				return false;
			if (short_via(RTNH_DATA(nh),
				      (int)nh->rtnh_len - (int)sizeof(*nh)))
				return false;
			left -= RTNH_ALIGN(nh->rtnh_len);
			nh = RTNH_NEXT(nh);
		}
	}
	return true;
}

/* the messages of BUF (LEN bytes) from NS: drain()'s inner loop */
static void feed(struct model_ns *ns, char *buf, ssize_t r)
{
	if (ns == M->ns[0])
		nsids_dead(&fsh, buf, r);
	if (!model_ns_find(M, ns->dev, ns->ino))
		return;	/* (DELNSID of itself: not sent, but no matter) */
	for (struct nlmsghdr *h = (struct nlmsghdr *)buf;
	     NLMSG_OK(h, r); h = NLMSG_NEXT(h, r))
		if (kernel_like(h))	/* what libnl 3.7 cannot take */
			M->events += (unsigned long)model_apply(ns, h);
}

/* what the model then holds is consistent */
static void check_model(void)
{
	for (int i = 0; i < M->nns; i++) {
		struct model_ns *ns = M->ns[i];

		for (int a = 0; a < ns->nlinks; a++) {
			struct model_link *l = &ns->links[a];
			struct model_ns *pns;
			struct model_link *peer;

			if (memchr(l->name, '\0', sizeof(l->name)) == NULL)
				abort();
			for (int b = a + 1; b < ns->nlinks; b++)
				if (ns->links[b].ifindex == l->ifindex)
					abort();	/* one link per ifindex */
			(void)model_link_by_name(ns, l->name);
			(void)model_peer(M, ns, l, &pns, &peer);
		}
		for (int a = 0; a < ns->naddrs; a++)
			if (ns->addrs[a].plen < 0 || ns->addrs[a].plen > 255)
				abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf;

	if (size < 1)
		return 0;
	/* aligned as a received datagram is */
	buf = aligned_alloc(8, ((size - 1) | 7) + 1);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size - 1);
	model_reset();
	feed(M->ns[data[0] % FUZZ_NNS], buf, (ssize_t)(size - 1));
	check_model();
	free(buf);
	return 0;
}
