/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_show.c - `ip link show [dev IFNAME] [up] [group G] [master DEV |
 * vrf DEV | nomaster] [type KIND]`, printed as iproute2 6.1 prints it
 * (ip/ipaddress.c print_linkinfo, cmds/link_print.c): the kernel's own
 * RTM_NEWLINK messages, one per link, in text (-o: on one line, -br:
 * brief), -d with each kind's details (the kinds' print()), -s / -s -s
 * with the counters, -j / -j -p with iproute2's keys and types.
 *
 * The same requests as iproute2: RTM_GETLINK of the one link when only a
 * link is named, else one dump (the kernel filters by master and kind).
 * Also the messages of a file, as `ip monitor file` prints them.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <netlink/netlink.h>
#include <netlink/msg.h>
#include <netlink/attr.h>
#include <netlink/route/link.h>

#include "link_pr.h"

DEFINE_PUTP(struct rtnl_link, rtnl_link_put)
DEFINE_PUTP(struct nl_msg, nlmsg_free)

/* ------------------------------------------------------------ requests */

int link_get_list(struct nsh *sh, struct nl_sock *sk, const char *name,
		  int ifindex, uint32_t mask, struct msg_list *ret)
{
	struct nlmsghdr *h;
	char d[300];
	int err = link_get_msg(sk, ifindex, name, mask, &h);

	if (err == -ENODEV)
		return link_no_such(sh, &sh->cur, name ? name : "(the link)");
	if (err < 0)
		return nsh_err(sh, "cannot list the links of %s: %s",
			       ns_desc(&sh->cur, d, sizeof(d)),
			       strerror(-err));
	ret->v = malloc(sizeof(*ret->v));
	if (!ret->v) {
		free(h);
		return nsh_err(sh, "out of memory");
	}
	ret->v[0] = h;
	ret->n = ret->cap = 1;
	return 0;
}


int link_dump(struct nsh *sh, struct nl_sock *sk, int family,
	      const struct link_filter *f, struct msg_list *ret)
{
	_cleanup_(nlmsg_freep) struct nl_msg *m = nlmsg_alloc();
	struct ifinfomsg ifi = { .ifi_family = (unsigned char)family };
	struct nlattr *li;

	if (!m || nlmsg_append(m, &ifi, sizeof(ifi), NLMSG_ALIGNTO) < 0)
		return nsh_err(sh, "out of memory");
	/* another family's request is the bare header */
	if (family != AF_UNSPEC && family != AF_PACKET)
		goto send;
	if (nla_put_u32(m, IFLA_EXT_MASK, RTEXT_FILTER_VF) < 0 ||
	    (f->master && nla_put_u32(m, IFLA_MASTER,
				      (uint32_t)f->master) < 0))
		return nsh_err(sh, "out of memory");
	if (f->kind) {
		li = nla_nest_start(m, IFLA_LINKINFO);
		if (!li || nla_put(m, IFLA_INFO_KIND, (int)strlen(f->kind),
				   f->kind) < 0)
			return nsh_err(sh, "out of memory");
		nla_nest_end(m, li);
	}
send:
	return dump_msgs(sh, sk, RTM_GETLINK, nlmsg_data(nlmsg_hdr(m)),
			 (size_t)nlmsg_datalen(nlmsg_hdr(m)), "links", ret);
}

/* ------------------------------------------------------------ the command */

enum show_key {
	SK_TO = LK_KIND_BASE, SK_SCOPE, SK_UP, SK_FLAG, SK_LABEL, SK_GROUP,
	SK_MASTER, SK_VRF, SK_NOMASTER, SK_TYPE, SK_HELP, SK_DEV,
};

/* the address flags ip address show filters by: accepted, and without
 * effect on links */
#define FLAG(w)                                 \
	{ w, IPL_ALIAS, NULL, SK_FLAG },        \
	{                                       \
		"-" w, IPL_ALIAS, NULL, SK_FLAG \
	}

static const struct ipl_opt show_rows[] = {
	{ "to", 0, "IFADDR", SK_TO, "addresses in this prefix (no effect)" },
	{ "scope", 0, "WORD", SK_SCOPE, "addresses of this scope (no "
					"effect)" },
	{ "up", 0, NULL, SK_UP, "only links that are up" },
	FLAG("dynamic"), FLAG("primary"), FLAG("secondary"),
	FLAG("temporary"), FLAG("nodad"), FLAG("optimistic"),
	FLAG("dadfailed"), FLAG("home"), FLAG("deprecated"),
	FLAG("tentative"), FLAG("permanent"), FLAG("mngtmpaddr"),
	FLAG("noprefixroute"), FLAG("autojoin"), FLAG("stable-privacy"),
	{ "label", 0, "WORD", SK_LABEL, "addresses with this label" },
	{ "group", 0, "GROUP", SK_GROUP, "links of this group" },
	{ "master", 0, "DEV", SK_MASTER, "ports of this master" },
	{ "vrf", 0, "DEV", SK_VRF, "ports of this VRF" },
	{ "nomaster", 0, NULL, SK_NOMASTER, "links without a master" },
	{ "type", 0, "WORD", SK_TYPE, "links of this kind (KIND_slave: "
				      "ports of a master of this kind)" },
	{ "help", IPL_PREFIX | IPL_ALIAS, NULL, SK_HELP },
	{ "dev", IPL_DEFAULT | IPL_ONCE, "DEV", SK_DEV, "the link" },
	{ NULL },
};

const struct ipl_table link_show_opts = { "ip link show", show_rows };

/* vrf DEV: it must be a VRF (iproute2's name_is_vrf) */
static bool is_vrf(struct link_pr *c, const char *dev)
{
	_cleanup_(rtnl_link_putp) struct rtnl_link *l = NULL;
	const char *k;

	if (rtnl_link_get_kernel(c->sk, 0, dev, &l) < 0 || !l)
		return false;
	k = rtnl_link_get_type(l);
	return k && streq(k, "vrf");
}

/* the line's filters into C->f, the link named into *DEV: 0, -1 for
 * `help`, or 1 after reporting */
static int read_filters(struct link_pr *c, const struct nsh_args *a,
			const char **dev)
{
	struct link_filter *f = &c->f;

	*dev = NULL;
	for (int i = 0; i < a->nbind; i = ipl_next(a, i)) {
		const struct ipl_opt *o = a->bind[i].opt;
		const struct nsh_val *v = ipl_arg(a, i, 0);
		size_t n;

		if (!o || o->key >= IPL_KEY_GLOBAL)
			continue;
		switch (o->key) {
		case SK_TO:
			/* iproute2 reads it for the family of links */
			return nsh_err(c->sh, "'%s': an address prefix, which "
					      "does not select links",
				       v->text);
		case SK_UP:
			f->up = true;
			break;
		case SK_LABEL:
			f->label = v->text;
			break;
		case SK_GROUP:
			f->group = (long long)(uint32_t)v->num;
			break;
		case SK_MASTER:
		case SK_VRF:
			if (link_index(c->sh, v->text, &f->master))
				return 1;
			if (o->key == SK_VRF && !is_vrf(c, v->text))
				return nsh_err(c->sh, "'%s': not a VRF",
					       v->text);
			break;
		case SK_NOMASTER:
			f->master = -1;
			break;
		case SK_TYPE:
			n = strlen(v->text);
			if (n >= 6 && streq(v->text + n - 6, "_slave")) {
				snprintf(c->slave_buf, sizeof(c->slave_buf),
					 "%.*s", (int)(n - 6), v->text);
				f->slave_kind = c->slave_buf;
				f->kind = NULL;
			} else {
				f->kind = v->text;
			}
			break;
		case SK_HELP:
			return -1;
		case SK_DEV:
			*dev = v->text;
			break;
		}
	}
	return 0;
}

/* the links of the show: DEV alone (RTM_GETLINK of it, as iproute2's
 * iplink_get; by its index when a group is asked for too), or the dump */
static int show_links(struct link_pr *c, const char *dev,
		      struct msg_list *ret)
{
	uint32_t mask = RTEXT_FILTER_VF;
	int ifindex;

	if (!dev)
		return link_dump(c->sh, c->sk, AF_PACKET, &c->f, ret);
	if (link_index(c->sh, dev, &ifindex))
		return 1;
	if (c->f.group == -1)
		return link_get_list(c->sh, c->sk, dev, 0, mask, ret);
	if (!c->sh->o.stats)
		mask |= RTEXT_FILTER_SKIP_STATS;
	return link_get_list(c->sh, c->sk, NULL, ifindex, mask, ret);
}

int link_show_cmd(struct nsh *sh, const struct nsh_args *a)
{
	_cleanup_(msg_list_free) struct msg_list links = { 0 };
	struct link_pr c = { .sh = sh, .f = { .family = AF_PACKET,
					       .group = -1 },
			     .links = &links, .do_link = true,
			     .showqueue = true };
	const struct nsh_opts *o = &sh->o;
	const char *dev;
	int rc;

	c.sk = ns_sock(sh);
	if (!c.sk)
		return 1;
	rt_names_reset(o->numeric);
	rc = read_filters(&c, a, &dev);
	if (rc < 0) {
		ipl_usage(a->cmd, stdout);
		return 0;
	}
	if (rc || show_links(&c, dev, &links))
		return 1;
	ANALYZER_KEEP(links.v);	/* _cleanup_: freed on return */
	pr_begin(o->json, o->pretty, o->oneline, true);
	pr_color(o->color);
	for (int i = 0; i < links.n; i++) {
		pr_obj_open(NULL);
		(void)link_pr_print(&c, links.v[i]);
		pr_obj_close();
	}
	pr_end();
	link_pr_forget(&c);
	return 0;
}

/* the next message of F into *RET: 1, 0 at the end, -1 when F is no
 * message file */
static int read_msg(FILE *f, struct nlmsghdr **ret)
{
	struct nlmsghdr h, *m;
	size_t len;

	if (fread(&h, sizeof(h), 1, f) != 1)
		return 0;
	len = NLMSG_ALIGN(h.nlmsg_len);
	if (h.nlmsg_len < sizeof(h))
		return -1;
	m = malloc(len);
	if (!m)
		return -1;
	memcpy(m, &h, sizeof(h));
	if (len > sizeof(h) && fread(m + 1, len - sizeof(h), 1, f) != 1) {
		free(m);
		return -1;
	}
	*ret = m;
	return 1;
}

/*
 * link_print_file - the RTM_NEWLINK/RTM_DELLINK messages saved in PATH
 * (as `ip monitor file` reads them: each message whole, one after the
 * other) printed as `ip monitor file PATH` prints them; names of other
 * links looked up in SH->cur.  0, or 1 after reporting.
 */
int link_print_file(struct nsh *sh, const char *path)
{
	_cleanup_(msg_list_free) struct msg_list links = { 0 };
	struct link_pr c = { .sh = sh, .f = { .group = -1 },
			     .links = &links };
	FILE *f = fopen(path, "re");
	struct nlmsghdr *m;
	int got = 0;

	if (!f)
		return nsh_err(sh, "'%s': %s", path, strerror(errno));
	rt_names_reset(sh->o.numeric);
	c.sk = ns_sock(sh);
	while (c.sk && (got = read_msg(f, &m)) > 0) {
		void *v = realloc(links.v, sizeof(*links.v) *
						   (size_t)(links.n + 1));

		if (!v) {
			free(m);
			got = -1;
			break;
		}
		links.v = v;
		ANALYZER_KEEP(links.v);	/* _cleanup_: freed on return */
		links.v[links.n++] = m;
	}
	fclose(f);
	if (!c.sk)
		return 1;
	if (got < 0)
		return nsh_err(sh, "'%s': not a message file", path);
	pr_begin(false, false, sh->o.oneline, false);
	for (int i = 0; i < links.n; i++)
		(void)link_pr_print(&c, links.v[i]);
	pr_end();
	link_pr_forget(&c);
	return 0;
}
