/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * monitor_names.c - what every printer of `ip monitor` uses: iproute2's
 * ll map (a link index's name, flags and type: filled at the start, kept
 * by the link events of any namespace, a link not in it asked for), the
 * formatter of IP addresses, and the header of an event
 * (-t/-ts, [nsid N], label).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <arpa/inet.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include "monitor.h"

struct ll_ent *mon_ll_get(struct mon *m, int index)
{
	for (int i = 0; i < m->nll; i++)
		if (m->ll[i].index == index)
			return &m->ll[i];
	return NULL;
}

void mon_ll_remember(struct mon *m, const struct nlmsghdr *nlh)
{
	const struct ifinfomsg *ifi = nlmsg_data(nlh);
	struct nlattr *tb[IFLA_MAX + 1];
	struct ll_ent *e = mon_ll_get(m, ifi->ifi_index);

	if (nlh->nlmsg_type == RTM_DELLINK) {
		if (e)
			*e = m->ll[--m->nll];
		return;
	}
	if (nlmsg_parse((struct nlmsghdr *)nlh, sizeof(*ifi), tb, IFLA_MAX,
			NULL) < 0)
		return;
	if (!e) {
		struct ll_ent *v = realloc(m->ll, sizeof(*v) *
						  (size_t)(m->nll + 1));

		if (!v)
			return;
		m->ll = v;
		e = &v[m->nll++];
		memset(e, 0, sizeof(*e));
		e->index = ifi->ifi_index;
	}
	e->flags = ifi->ifi_flags;
	e->type = ifi->ifi_type;
	if (tb[IFLA_IFNAME])
		snprintf(e->name, sizeof(e->name), "%s",
			 nla_get_string(tb[IFLA_IFNAME]));
}

static int ll_dump_cb(struct nl_msg *msg, void *arg)
{
	mon_ll_remember(arg, nlmsg_hdr(msg));
	return NL_OK;
}

/* the links of the RTM_GETLINK request just sent, into the map; with
 * ACK, the ACK libnl asked for after them */
static void ll_receive(struct mon *m, bool ack)
{
	struct nl_cb *orig = nl_socket_get_cb(m->sk);
	struct nl_cb *cb = nl_cb_clone(orig);

	nl_cb_put(orig);
	if (!cb)
		return;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, ll_dump_cb, m);
	/* the answer, then the ACK (an error replaces both) */
	if (nl_recvmsgs(m->sk, cb) >= 0 && ack)
		(void)nl_wait_for_ack(m->sk);
	nl_cb_put(cb);
}

void mon_ll_init(struct mon *m)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };

	if (nl_send_simple(m->sk, RTM_GETLINK, NLM_F_DUMP, &ifi,
			   sizeof(ifi)) < 0)
		return;
	ll_receive(m, false);
}

/* iproute2's ll_link_get: ask the kernel for link INDEX, and keep it */
static struct ll_ent *ll_ask(struct mon *m, int index)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC,
				 .ifi_index = index };

	if (nl_send_simple(m->sk, RTM_GETLINK, 0, &ifi, sizeof(ifi)) < 0)
		return NULL;
	ll_receive(m, true);
	return mon_ll_get(m, index);
}

const char *mon_ll_name(struct mon *m, int index, char *buf, size_t len)
{
	struct ll_ent *e;

	if (!index)
		return "*";
	e = mon_ll_get(m, index);
	if (!e)
		e = ll_ask(m, index);
	if (e)
		return e->name;
	snprintf(buf, len, "if%d", index);
	return buf;
}

const char *mon_addr_str(int family, const struct nlattr *a, char *buf,
			 size_t len)
{
	if ((family == AF_INET && nla_len(a) >= 4) ||
	    (family == AF_INET6 && nla_len(a) >= 16))
		return inet_ntop(family, nla_data(a), buf, (socklen_t)len);
	snprintf(buf, len, "???");
	return buf;
}

int mon_bit_len(int family)
{
	return family == AF_INET6 ? 128 : family == AF_INET ? 32 :
	       family == AF_MPLS ? 20 : 0;
}

void mon_headers(struct mon *m, const char *label, int nsid)
{
	if (m->sh->o.timestamp) {
		struct timeval tv;
		struct tm tm;
		char t[64];

		gettimeofday(&tv, NULL);
		localtime_r(&tv.tv_sec, &tm);
		if (m->sh->o.timestamp >= 2) {
			strftime(t, sizeof(t), "%Y-%m-%dT%H:%M:%S", &tm);
			printf("[%s.%06ld] ", t, (long)tv.tv_usec);
		} else {
			asctime_r(&tm, t);
			t[strcspn(t, "\n")] = '\0';
			printf("Timestamp: %s %ld usec\n", t, (long)tv.tv_usec);
		}
	}
	if (m->all_nsid) {
		if (nsid < 0)
			printf("[nsid current]");
		else
			printf("[nsid %d]", nsid);
	}
	if (m->label)
		printf("%s", label);
}
