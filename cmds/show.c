/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show.c - views of the live model (shell/model.h): `show`, the lab as a
 * tree of namespaces and links, and `watch`, the model's changes in words;
 * and what the views and `why` share (show.h): the order of namespaces and
 * links, veth peers, carriers, and the words for addresses and routes.
 * `show -j` and `show topology` are in show_topo.c, `show path` and the
 * path finder in show_path.c.
 *
 * Every view reads the model only: model_get() applies the pending netlink
 * events, and nothing here asks the kernel anything.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "model.h"
#include "show.h"
#include "term.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif

extern volatile sig_atomic_t nsh_interrupted;

/* ------------------------------------------------------------ helpers */

/* named namespaces by name, then the ones only a process holds, by PID */
static int cmp_ns(const void *a, const void *b)
{
	const struct model_ns *x = *(struct model_ns *const *)a;
	const struct model_ns *y = *(struct model_ns *const *)b;

	if (!*x->name != !*y->name)
		return *x->name ? -1 : 1;
	if (*x->name)
		return strcmp(x->name, y->name);
	return (x->pid > y->pid) - (x->pid < y->pid);
}

/* show_namespaces - the namespaces in display order: the host, then the
 * named ones sorted by name, then the unnamed ones that processes hold
 * (free the array) */
struct model_ns **show_namespaces(struct model *m)
{
	struct model_ns **v = malloc(sizeof(*v) * (size_t)(m->nns + 1));

	if (!v)
		abort();
	memcpy(v, m->ns, sizeof(*v) * (size_t)m->nns);
	if (m->nns > 2)
		qsort(v + 1, (size_t)m->nns - 1, sizeof(*v), cmp_ns);
	return v;
}

static int cmp_link_index(const void *a, const void *b)
{
	const struct model_link *x = *(struct model_link *const *)a;
	const struct model_link *y = *(struct model_link *const *)b;

	return (x->ifindex > y->ifindex) - (x->ifindex < y->ifindex);
}

static int cmp_link_name(const void *a, const void *b)
{
	return strcmp((*(struct model_link *const *)a)->name,
		      (*(struct model_link *const *)b)->name);
}

/* show_links - NS's links sorted by name or by ifindex (free the array;
 * the pointers are valid until the model next changes) */
struct model_link **show_links(struct model_ns *ns, bool by_name)
{
	struct model_link **v = malloc(sizeof(*v) * (size_t)(ns->nlinks + 1));

	if (!v)
		abort();
	for (int i = 0; i < ns->nlinks; i++)
		v[i] = &ns->links[i];
	qsort(v, (size_t)ns->nlinks, sizeof(*v),
	      by_name ? cmp_link_name : cmp_link_index);
	return v;
}

/* show_peer - the other end of veth L: the model keeps the peers mutual
 * now (shell/model_nl.c re-reads an end whose peer moved, came back or
 * was born; model_peer() settles ties by nsid), so the recovery that was
 * here is gone.  A link that is no veth has no peer here: a VLAN's
 * IFLA_LINK is its lower device. */
bool show_peer(struct model *m, struct model_ns *ns,
	       const struct model_link *l, struct model_ns **ret_ns,
	       struct model_link **ret)
{
	return streq(l->kind, "veth") && model_peer(m, ns, l, ret_ns, ret);
}

/*
 * show_carrier - L is up and has a carrier.  Inferred, not read from the
 * model's IFF_LOWER_UP.  The kernel announces carrier changes through
 * linkwatch, later than the change (a bridge up to a second later); the
 * model re-reads a veth's peer and a port's bridge when their carrier may
 * have changed (model_nl.c), so its flags follow the kernel's.  But the
 * kernel switches a bridge's carrier only when linkwatch gets to the port,
 * a moment after `ip link set vb up` returned: a `show` on the next line
 * could find the bridge without one (6 in 20 tries).  So: a veth has one
 * exactly when both ends are up, a bridge when one of its ports has; other
 * links say it.
 */
bool show_carrier(struct model *m, struct model_ns *ns,
		  const struct model_link *l)
{
	struct model_ns *pns;
	struct model_link *pl;

	if (!(l->flags & IFF_UP))
		return false;
	if (show_peer(m, ns, l, &pns, &pl))
		return pl->flags & IFF_UP;
	if (streq(l->kind, "bridge")) {
		for (int i = 0; i < ns->nlinks; i++)
			if (ns->links[i].master == l->ifindex &&
			    &ns->links[i] != l &&
			    !streq(ns->links[i].kind, "bridge") &&
			    show_carrier(m, ns, &ns->links[i]))
				return true;
		return false;
	}
	return l->flags & IFF_LOWER_UP;
}

/* "UP", "DOWN" (administratively), or "NO-CARRIER" (up, but the cable is
 * dead: for a veth, its peer is down) */
const char *show_state(struct model *m, struct model_ns *ns,
		       const struct model_link *l)
{
	if (!(l->flags & IFF_UP))
		return fail_reason(ns, l, NULL, 0) ? "FAILED" : "DOWN";
	return show_carrier(m, ns, l) ? "UP" : "NO-CARRIER";
}

/* ------------------------------------------------------------ words */

/* what the views (and `why`) say about addresses and routes */

const char *show_ip(int family, const unsigned char *a, char *buf, size_t len)
{
	if (!inet_ntop(family, a, buf, (socklen_t)len))
		snprintf(buf, len, "?");
	return buf;
}

/* an IPv6 link-local address (fe80::/10), which every link has */
bool show_link_local(const struct model_addr *a)
{
	return a->family == AF_INET6 && a->addr[0] == 0xfe &&
	       (a->addr[1] & 0xc0) == 0x80;
}

const char *show_addrs(const struct model_ns *ns, int ifindex, bool all,
		       const char *sep, char *buf, size_t len)
{
	size_t n = 0;
	char ip[64];

	buf[0] = '\0';
	for (int i = 0; i < ns->naddrs && n + 1 < len; i++) {
		const struct model_addr *a = &ns->addrs[i];

		if (a->ifindex != ifindex || (!all && show_link_local(a)))
			continue;
		n += (size_t)snprintf(buf + n, len - n, "%s%s/%d",
				      n ? sep : "",
				      show_ip(a->family, a->addr, ip,
					      sizeof(ip)),
				      a->plen);
	}
	return buf;
}

/* iproute2's words for IFA_F_* flags, in its order */
static const struct {
	unsigned bit;
	const char *name;
} addr_flags[] = {
	{ IFA_F_SECONDARY, "secondary" }, { IFA_F_NODAD, "nodad" },
	{ IFA_F_OPTIMISTIC, "optimistic" }, { IFA_F_DADFAILED, "dadfailed" },
	{ IFA_F_HOMEADDRESS, "home" }, { IFA_F_DEPRECATED, "deprecated" },
	{ IFA_F_TENTATIVE, "tentative" },
	{ IFA_F_PERMANENT, "dynamic" },	/* said when absent */
	{ IFA_F_MANAGETEMPADDR, "mngtmpaddr" },
	{ IFA_F_NOPREFIXROUTE, "noprefixroute" },
	{ IFA_F_MCAUTOJOIN, "autojoin" },
	{ IFA_F_STABLE_PRIVACY, "stable-privacy" },
};

int show_addr_flags(unsigned flags, int family, const char **names)
{
	int n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(addr_flags); i++) {
		if (addr_flags[i].bit == IFA_F_PERMANENT ?
			    (flags & IFA_F_PERMANENT) != 0 :
			    !(flags & addr_flags[i].bit))
			continue;
		names[n++] = addr_flags[i].bit == IFA_F_SECONDARY &&
					     family == AF_INET6 ?
				     "temporary" :
				     addr_flags[i].name;
	}
	return n;
}

/* the columns S takes on a terminal (UTF-8 code points) */
int show_width(const char *s)
{
	return term_cols(s);
}

/* "default via 10.0.0.1 dev v1", "10.0.0.0/24 dev v1 table 100 src
 * 10.0.0.2 metric 5 onlink", … (iproute2's order) */
const char *show_route_text(struct model_ns *ns, const struct model_route *r,
			    bool with_dev, char *buf, size_t len)
{
	static const char *const types[] = {
		[RTN_BLACKHOLE] = "blackhole ",
		[RTN_UNREACHABLE] = "unreachable ",
		[RTN_PROHIBIT] = "prohibit ",
		[RTN_THROW] = "throw ",
	};
	const struct model_link *l = r->oif ? model_link_by_index(ns, r->oif)
					    : NULL;
	char dst[64], gw[64];
	size_t o;

	if (r->dst_len == 0) {
		snprintf(dst, sizeof(dst), "default");
	} else {
		show_ip(r->family, r->dst, dst, sizeof(dst) - 8);
		snprintf(dst + strlen(dst), 8, "/%d", r->dst_len);
	}
	o = (size_t)snprintf(buf, len, "%s%s",
			     r->type < (int)ARRAY_SIZE(types) && r->type >= 0 &&
					     types[r->type] ?
				     types[r->type] :
				     "",
			     dst);
	if (r->has_gw && o < len)
		o += (size_t)snprintf(buf + o, len - o, " via %s",
				      show_ip(r->family, r->gw, gw,
					      sizeof(gw)));
	if ((with_dev || !r->has_gw) && r->oif && o < len) {
		if (l)
			o += (size_t)snprintf(buf + o, len - o, " dev %s",
					      l->name);
		else
			o += (size_t)snprintf(buf + o, len - o, " dev if%d",
					      r->oif);
	}
	if (r->table != RT_TABLE_MAIN && o < len)
		o += (size_t)snprintf(buf + o, len - o, " table %u", r->table);
	if (r->has_prefsrc && o < len)
		o += (size_t)snprintf(buf + o, len - o, " src %s",
				      show_ip(r->family, r->prefsrc, gw,
					      sizeof(gw)));
	if (r->priority && o < len)
		o += (size_t)snprintf(buf + o, len - o, " metric %u",
				      r->priority);
	if (r->onlink && o < len)
		snprintf(buf + o, len - o, " onlink");
	return buf;
}

/* the first PLEN bits of A and B agree */
bool show_same_prefix(const unsigned char *a, const unsigned char *b,
		      int plen)
{
	int bytes = plen / 8, bits = plen % 8;

	if (memcmp(a, b, (size_t)bytes))
		return false;
	return !bits || !((a[bytes] ^ b[bytes]) & (0xff << (8 - bits)));
}

/* ------------------------------------------------------------ show: text */

/* routes the tree lists: the ones someone added (the kernel's own follow
 * from the addresses) */
static bool route_shown(const struct model_route *r)
{
	return r->protocol != RTPROT_KERNEL &&
	       (r->family == AF_INET || r->family == AF_INET6);
}

struct tree {
	struct model *m;
	struct model_ns *ns;
	struct model_link **links;	/* sorted by name */
	int wname, wkind;		/* column widths */
	bool measure;			/* first pass: widths only */
};

/* the children of L (its bridge ports), or the top level for L NULL */
static bool tree_child(const struct tree *t, const struct model_link *parent,
		       const struct model_link *l)
{
	if (parent)
		return l->master == parent->ifindex && l != parent;
	return !l->master || !model_link_by_index(t->ns, l->master);
}

/* the glyphs of the tree: UTF-8 box drawing, or ASCII */
#define T_MID term_glyph("├─ ", "|- ")
#define T_LAST term_glyph("└─ ", "`- ")
#define T_LANE term_glyph("│  ", "|  ")
#define T_PEER term_glyph("↔", "<->")

/* S, in colour A when the views are coloured, then spaces up to W columns
 * (the padding measured on S itself) */
static int put_col(char *line, size_t len, enum term_attr a, const char *s,
		   int w)
{
	char buf[128];

	return snprintf(line, len, "%s%*s", term_paint(term_color(), a, s, buf,
						       sizeof(buf)),
			w > show_width(s) ? w - show_width(s) : 0, "");
}

/* L's addresses (no link-local), in their colours, after the columns */
static int tree_addrs(struct tree *t, const struct model_link *l, char *line,
		      size_t len, int *n)
{
	char buf[64];
	int o = 0;

	for (int i = 0; i < t->ns->naddrs && o + 200 < (int)len; i++) {
		const struct model_addr *a = &t->ns->addrs[i];
		char ip[80];

		if (a->ifindex != l->ifindex || show_link_local(a))
			continue;
		snprintf(ip, sizeof(ip), "%s/%d",
			 show_ip(a->family, a->addr, buf, sizeof(buf)),
			 a->plen);
		o += snprintf(line + o, len - (size_t)o, "%s", (*n)++ ? " " : "");
		o += put_col(line + o, len - (size_t)o,
			     a->family == AF_INET ? TA_INET : TA_INET6, ip, 0);
	}
	return o;
}

/* print link L's line (wrapped under its lanes when the terminal is
 * narrow): name, kind, state, addresses, veth peer */
static void tree_line(struct tree *t, const struct model_link *l,
		      const char *prefix, int depth, bool last, bool kids)
{
	char line[1024], esc[64], cont[256];
	struct model_ns *pns;
	struct model_link *peer;
	const char *state = show_state(t->m, t->ns, l);
	int o, n = 0, col;

	o = snprintf(line, sizeof(line), "%s%s", prefix, last ? T_LAST : T_MID);
	o += put_col(line + o, sizeof(line) - (size_t)o, TA_IFNAME,
		     str_escape(l->name, esc, sizeof(esc)),
		     t->wname + 2 - 3 * (depth + 1));
	if (t->wkind)
		o += snprintf(line + o, sizeof(line) - (size_t)o, "%-*s",
			      t->wkind + 2, l->kind);
	o += put_col(line + o, sizeof(line) - (size_t)o,
		     streq(state, "UP") ? TA_UP : TA_DOWN, state, 12);
	o += tree_addrs(t, l, line + o, sizeof(line) - (size_t)o, &n);
	if (streq(l->kind, "veth") && o < 900) {
		o += snprintf(line + o, sizeof(line) - (size_t)o, "%s%s%c",
			      n ? "  " : "", T_PEER, TERM_NBSP);
		if (show_peer(t->m, t->ns, l, &pns, &peer))
			snprintf(line + o, sizeof(line) - (size_t)o, "%s:%s",
				 model_ns_label(pns),
				 str_escape(peer->name, esc, sizeof(esc)));
		else
			snprintf(line + o, sizeof(line) - (size_t)o,
				 "? (if%d, in no named namespace)",
				 l->peer_ifindex);
	}
	o = (int)strlen(line);
	while (o > 0 && line[o - 1] == ' ')
		line[--o] = '\0';
	/* continued lines: the lanes, then the addresses' column */
	col = t->wname + 2 + (t->wkind ? t->wkind + 2 : 0) + 12;
	o = snprintf(cont, sizeof(cont), "%s%s%s", prefix,
		     last ? "   " : T_LANE, kids ? T_LANE : "   ");
	if (col + term_widest_word(line) > term_width())
		col = 3 * (depth + 2);
	snprintf(cont + o, sizeof(cont) - (size_t)o, "%*s",
		 col > 3 * (depth + 2) ? col - 3 * (depth + 2) : 0, "");
	term_wrap(stdout, line, cont, term_width());
}

/* print (or measure) link L at DEPTH under the tree lines PREFIX, then
 * its ports */
static void tree_link(struct tree *t, const struct model_link *l,
		      const char *prefix, int depth, bool last)
{
	char sub[128], esc[64];
	int o, nkids = 0;

	for (int i = 0; i < t->ns->nlinks && depth < 6; i++)
		nkids += tree_child(t, l, t->links[i]);
	if (t->measure) {
		int w = 3 * (depth + 1) +
			show_width(str_escape(l->name, esc, sizeof(esc)));

		t->wname = w > t->wname ? w : t->wname;
		o = (int)strlen(l->kind);
		t->wkind = o > t->wkind ? o : t->wkind;
	} else {
		tree_line(t, l, prefix, depth, last, nkids > 0);
	}
	if (depth >= 6)
		return;	/* masters do not nest deeper; a guard all the same */
	snprintf(sub, sizeof(sub), "%s%s", prefix, last ? "   " : T_LANE);
	for (int i = 0; i < t->ns->nlinks; i++)
		if (tree_child(t, l, t->links[i]))
			tree_link(t, t->links[i], sub, depth + 1, --nkids == 0);
}

/* one namespace: its links (ports under their bridge), then its routes */
static void tree_ns(struct tree *t)
{
	int ntop = 0, nroutes = 0, n;
	char buf[256];

	for (int i = 0; i < t->ns->nlinks; i++)
		ntop += tree_child(t, NULL, t->links[i]);
	for (int i = 0; i < t->ns->nroutes; i++)
		nroutes += route_shown(&t->ns->routes[i]);
	n = ntop + nroutes;
	for (int i = 0; i < t->ns->nlinks; i++)
		if (tree_child(t, NULL, t->links[i]))
			tree_link(t, t->links[i], "", 0, --n == 0);
	if (t->measure)
		return;
	for (int i = 0; i < t->ns->nroutes; i++) {
		char line[300];

		if (!route_shown(&t->ns->routes[i]))
			continue;
		n--;
		snprintf(line, sizeof(line), "%sroute %s", n ? T_MID : T_LAST,
			 show_route_text(t->ns, &t->ns->routes[i], true, buf,
					 sizeof(buf)));
		term_wrap(stdout, line, n ? term_glyph("│        ",
						       "|        ") :
			  "         ", term_width());
	}
}

static void show_text(struct model *m)
{
	struct model_ns **nss = show_namespaces(m);
	struct tree t = { .m = m, .measure = true };
	char esc[300];

	for (int pass = 0; pass < 2; pass++, t.measure = false)
		for (int i = 0; i < m->nns; i++) {
			t.ns = nss[i];
			t.links = show_links(t.ns, true);
			if (!t.measure)
				puts(str_escape(model_ns_label(t.ns), esc,
						sizeof(esc)));
			tree_ns(&t);
			free(t.links);
		}
	free(nss);
}

int cmd_show(struct nsh *sh, const struct nsh_args *a)
{
	struct model *m = model_get(sh);

	if (!m)
		return 1;
	if (arg_has(a, "-j"))
		show_json(m);
	else
		show_text(m);
	return 0;
}

/* ------------------------------------------------------------ watch */

/*
 * `watch` collects the changes that one model_ready() reports (copies:
 * the model's memory moves), then narrates them, so that a link that left
 * one namespace and appeared in another (same MAC, same kind) is told as
 * one move.  Changes the kernel makes on its own behalf (its prefix
 * routes) are left out: they follow from the addresses.
 *
 * watch -j prints one object per line, with "event", "netns" (the
 * label), "text" (the line `watch` prints) and, by event:
 *   netns-add, netns-del       -
 *   link-add                   link, kind, peer ("ns1:veth1", if known)
 *   link-del                   link
 *   link-move                  link, to (namespace), name (there)
 *   link-up, link-down         link
 *   carrier-up, carrier-down   link
 *   link-rename                link (new name), old
 *   link-join, link-leave      link, master
 *   link-mtu, link-mac         link, mtu / mac
 *   addr-add, addr-del         link, address ("10.0.0.1/24"), family
 *   route-add, route-del       route (as text: "default via 10.0.0.1")
 *   resync                     (events were lost; the model was reloaded)
 */
struct wev {
	enum model_what what;
	dev_t dev;
	ino_t ino;
	char ns[256];
	struct model_link old, link;
	char text[128];		/* addr: "10.0.0.1/24"; route: its text */
	char dev_name[16];	/* addr: the link; change: the new master */
	char old_master[16];	/* change: the master before */
	int family;		/* addr: AF_INET or AF_INET6 */
	bool moved;		/* link-del: paired with a link-add */
	int pair;		/* moved: index of that link-add */
	bool skip;		/* told by another entry */
};

struct watch {
	struct wev *v;
	int n, cap;
	bool json;
	bool failed;		/* stdout is gone */
	bool marks;		/* --step: "  + …", "  - …", "  ~ …" */
	bool no_auto;		/* --step: no IPv6 link-local addresses */
};

static void master_name(struct model_ns *ns, int ifindex, char *buf,
			size_t len)
{
	const struct model_link *l = model_link_by_index(ns, ifindex);

	if (l)
		snprintf(buf, len, "%s", l->name);
	else
		snprintf(buf, len, "if%d", ifindex);
}

/* the model_listen() callback: copy what changed */
static void watch_cb(void *ctx, const struct model_change *ch)
{
	struct watch *w = ctx;
	struct model_ns *ns = (struct model_ns *)ch->ns;
	struct wev *e;
	char buf[64];

	if ((ch->what == MODEL_ROUTE_ADD || ch->what == MODEL_ROUTE_DEL) &&
	    ch->route->protocol == RTPROT_KERNEL)
		return;
	if (w->no_auto && ch->addr && show_link_local(ch->addr))
		return;	/* the kernel's own, and late: not the step's */
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 16;
		w->v = realloc(w->v, sizeof(*w->v) * (size_t)w->cap);
		if (!w->v)
			abort();
	}
	e = &w->v[w->n++];
	memset(e, 0, sizeof(*e));
	e->what = ch->what;
	e->dev = ns->dev;
	e->ino = ns->ino;
	snprintf(e->ns, sizeof(e->ns), "%s", model_ns_label(ns));
	if (ch->old)
		e->old = *ch->old;
	if (ch->link)
		e->link = *ch->link;
	if (ch->link) {
		if (e->link.master)
			master_name(ns, e->link.master, e->dev_name,
				    sizeof(e->dev_name));
		if (e->old.master)
			master_name(ns, e->old.master, e->old_master,
				    sizeof(e->old_master));
	} else if (ch->addr) {
		snprintf(e->text, sizeof(e->text), "%s/%d",
			 show_ip(ch->addr->family, ch->addr->addr, buf,
				 sizeof(buf)), ch->addr->plen);
		master_name(ns, ch->addr->ifindex, e->dev_name,
			    sizeof(e->dev_name));
		e->family = ch->addr->family;
	} else if (ch->route) {
		show_route_text(ns, ch->route, false, e->text,
				sizeof(e->text));
	}
}

/*
 * Pair each link deletion with a later addition of the same link (same
 * MAC and kind) in another namespace: a move.  (A port leaving its bridge
 * is no deletion any more: the model ignores the bridge's AF_BRIDGE port
 * messages, whose RTM_DELLINK only meant that.)  Returns the number of
 * deletions left unpaired.
 */
static int watch_pair(struct watch *w)
{
	static const unsigned char zero[6];
	int unpaired = 0;

	for (int i = 0; i < w->n; i++) {
		struct wev *d = &w->v[i];

		if (d->what != MODEL_LINK_DEL || d->moved)
			continue;
		for (int k = i + 1; k < w->n && !d->moved; k++) {
			struct wev *a = &w->v[k];

			if (a->what != MODEL_LINK_ADD || a->skip ||
			    (a->dev == d->dev && a->ino == d->ino) ||
			    !a->link.has_mac || !d->link.has_mac ||
			    memcmp(a->link.mac, d->link.mac, 6) ||
			    !memcmp(a->link.mac, zero, 6) ||
			    !streq(a->link.kind, d->link.kind))
				continue;
			d->moved = a->skip = true;
			d->pair = k;
		}
		unpaired += !d->moved;
	}
	return unpaired;
}

/* print one event: the TEXT line, or its JSON object with "event",
 * "netns", "link" (when not NULL), K1: V1 and K2: V2 (when not NULL) */
static void say(struct watch *w, const struct wev *e, const char *event,
		const char *link, const char *text, const char *k1,
		const char *v1, const char *k2, const char *v2)
{
	struct json j = { 0 };

	if (w->marks) {
		char mark = strstr(event, "-add") || strstr(event, "-join") ?
			'+' : strstr(event, "-del") || strstr(event, "-leave") ?
			'-' : '~';

		if ((text[0] == '+' || text[0] == '-') && text[1] == ' ')
			printf("  %s\n", text);	/* marked already */
		else
			printf("  %c %s\n", mark, text);
	} else if (!w->json) {
		puts(text);
	} else {
		json_begin_object(&j);
		json_str(&j, "event", event);
		json_str(&j, "netns", e->ns);
		if (link)
			json_str(&j, "link", link);
		if (k1 && v1)
			json_str(&j, k1, v1);
		if (k2 && v2)
			json_str(&j, k2, v2);
		json_str(&j, "text", text);
		json_end_object(&j);
		json_end(&j);
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		w->failed = true;
}

/* narrate a link's change: state, carrier, name, master, MTU, MAC */
static void tell_change(struct watch *w, const struct wev *e)
{
	const struct model_link *o = &e->old, *l = &e->link;
	const char *ns = e->ns, *n = l->name;
	char t[512], buf[32];

	if (!streq(o->name, n)) {
		snprintf(t, sizeof(t), "%s: %s renamed %s", ns, o->name, n);
		say(w, e, "link-rename", n, t, "old", o->name, NULL, NULL);
	}
	if ((o->flags ^ l->flags) & IFF_UP) {
		bool up = l->flags & IFF_UP;
		bool carrier = l->flags & IFF_LOWER_UP;

		struct model_ns at = { .dev = e->dev, .ino = e->ino };
		const char *why = up ? NULL : fail_reason(&at, l, NULL, 0);

		snprintf(t, sizeof(t), "%s: %s is %s%s%s%s", ns, n,
			 up ? "up" : "down",
			 up && !carrier ? " (no carrier)" : "",
			 why ? ": " : "", why ? why : "");
		say(w, e, up ? "link-up" : "link-down", n, t, NULL, NULL, NULL,
		    NULL);
	} else if ((l->flags & IFF_UP) &&
		   ((o->flags ^ l->flags) & IFF_LOWER_UP)) {
		bool carrier = l->flags & IFF_LOWER_UP;

		snprintf(t, sizeof(t), "%s: %s %s", ns, n,
			 carrier ? "has carrier" : "lost carrier");
		say(w, e, carrier ? "carrier-up" : "carrier-down", n, t, NULL,
		    NULL, NULL, NULL);
	}
	if (o->master != l->master && o->master) {
		snprintf(t, sizeof(t), "%s: %s left %s", ns, n, e->old_master);
		say(w, e, "link-leave", n, t, "master", e->old_master, NULL,
		    NULL);
	}
	if (o->master != l->master && l->master) {
		snprintf(t, sizeof(t), "%s: %s joined %s", ns, n, e->dev_name);
		say(w, e, "link-join", n, t, "master", e->dev_name, NULL, NULL);
	}
	if (o->mtu != l->mtu) {
		snprintf(buf, sizeof(buf), "%u", l->mtu);
		snprintf(t, sizeof(t), "%s: %s mtu is now %u", ns, n, l->mtu);
		say(w, e, "link-mtu", n, t, "mtu", buf, NULL, NULL);
	}
	if (l->has_mac && (!o->has_mac || memcmp(o->mac, l->mac, 6))) {
		snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
			 l->mac[0], l->mac[1], l->mac[2], l->mac[3], l->mac[4],
			 l->mac[5]);
		snprintf(t, sizeof(t), "%s: %s mac is now %s", ns, n, buf);
		say(w, e, "link-mac", n, t, "mac", buf, NULL, NULL);
	}
}

/* a new link, with its kind and (looked up now) its veth peer */
static void tell_add(struct watch *w, struct model *m, const struct wev *e)
{
	struct model_ns *ns = model_ns_find(m, e->dev, e->ino), *pns;
	struct model_link *l = ns ? model_link_by_index(ns, e->link.ifindex)
				  : NULL, *peer;
	char t[1024], p[300] = "";

	if (l && show_peer(m, ns, l, &pns, &peer))
		snprintf(p, sizeof(p), "%s:%s", model_ns_label(pns),
			 peer->name);
	snprintf(t, sizeof(t), "%s: link %s added%s%s%s%s%s", e->ns,
		 e->link.name, *e->link.kind ? " (" : "", e->link.kind,
		 *p ? term_glyph(" ↔ ", " <-> ") : "", p, *e->link.kind ? ")" : "");
	say(w, e, "link-add", e->link.name, t, "kind", e->link.kind, "peer",
	    *p ? p : NULL);
}

/* narrate what one model_ready() changed, and forget it */
static void watch_flush(struct watch *w, struct model *m, bool resynced)
{
	char t[600];

	if (resynced) {
		struct wev e = { .ns = "host" };

		say(w, &e, "resync", NULL,
		    "! events were lost: the model was reloaded", NULL, NULL,
		    NULL, NULL);
		w->n = 0;
		return;
	}
	watch_pair(w);
	for (int i = 0; i < w->n && !w->failed; i++) {
		const struct wev *e = &w->v[i];
		const char *n = e->link.name, *fam;

		if (e->skip)
			continue;
		switch (e->what) {
		case MODEL_NS_ADD:
		case MODEL_NS_DEL:
			snprintf(t, sizeof(t), "%c namespace %s",
				 e->what == MODEL_NS_ADD ? '+' : '-', e->ns);
			say(w, e, e->what == MODEL_NS_ADD ? "netns-add" :
			    "netns-del", NULL, t, NULL, NULL, NULL, NULL);
			break;
		case MODEL_LINK_ADD:
			tell_add(w, m, e);
			break;
		case MODEL_LINK_DEL:
			if (e->moved) {
				const struct wev *a = &w->v[e->pair];

				snprintf(t, sizeof(t), "%s: %s moved to %s%s%s",
					 e->ns, n, a->ns,
					 streq(a->link.name, n) ? "" : " as ",
					 streq(a->link.name, n) ? "" :
					 a->link.name);
				say(w, e, "link-move", n, t, "to", a->ns,
				    "name", a->link.name);
				break;
			}
			snprintf(t, sizeof(t), "%s: link %s deleted", e->ns, n);
			say(w, e, "link-del", n, t, NULL, NULL, NULL, NULL);
			break;
		case MODEL_LINK_CHANGE:
			tell_change(w, e);
			break;
		case MODEL_ADDR_ADD:
		case MODEL_ADDR_DEL:
			fam = e->family == AF_INET6 ? "inet6" : "inet";
			snprintf(t, sizeof(t), "%s: %s %s %s", e->ns, e->text,
				 e->what == MODEL_ADDR_ADD ? "added on" :
				 "removed from", e->dev_name);
			say(w, e, e->what == MODEL_ADDR_ADD ? "addr-add" :
			    "addr-del", e->dev_name, t, "address", e->text,
			    "family", fam);
			break;
		case MODEL_ROUTE_ADD:
		case MODEL_ROUTE_DEL:
			snprintf(t, sizeof(t), "%s: route %s %s", e->ns,
				 e->text, e->what == MODEL_ROUTE_ADD ?
				 "added" : "deleted");
			say(w, e, e->what == MODEL_ROUTE_ADD ? "route-add" :
			    "route-del", NULL, t, "route", e->text, NULL, NULL);
			break;
		}
	}
	w->n = 0;
}

struct watch *watch_begin(struct nsh *sh)
{
	struct watch *w = calloc(1, sizeof(*w));

	if (!w || !model_get(sh)) {
		free(w);
		return NULL;
	}
	w->marks = w->no_auto = true;
	model_listen(watch_cb, w);
	return w;
}

static void watch_wait(struct nsh *sh, int ms, const sigset_t *mask);

void watch_end(struct nsh *sh, struct watch *w)
{
	struct model *m;

	if (!w)
		return;
	m = model_get(sh);
	/* a link that left a namespace may arrive in another a moment later */
	for (int i = 0; m && i < 3 && watch_pair(w) > 0; i++)
		watch_wait(sh, 20, NULL);
	if (m)
		watch_flush(w, m, false);
	model_unlisten(watch_cb, w);
	free(w->v);
	free(w);
}

static void on_sigterm(int sig)
{
	nsh_interrupted = 1;
}

/* wait up to MS milliseconds for model events and apply them */
static void watch_wait(struct nsh *sh, int ms, const sigset_t *mask)
{
	struct pollfd fds[4];
	int n = model_pollfds(fds, 4);
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	if (ppoll(fds, (nfds_t)n, ms < 0 ? NULL : &ts, mask) > 0)
		model_ready(sh, fds, n);
}

/*
 * watch [-j] - narrate the model's changes until Ctrl-C (or SIGTERM).
 * SIGINT and SIGTERM are blocked but while waiting (ppoll), so that one
 * arriving between the check and the wait is not missed.
 */
static int cmd_watch(struct nsh *sh, const struct nsh_args *a)
{
	struct watch w = { .json = arg_has(a, "-j") };
	struct sigaction term = { .sa_handler = on_sigterm }, oldterm;
	sigset_t block, oldmask;
	struct model *m = model_get(sh);

	if (!m)
		return 1;
	sigemptyset(&term.sa_mask);
	sigaction(SIGTERM, &term, &oldterm);
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &oldmask);
	model_listen(watch_cb, &w);
	fprintf(stderr, "watching %d namespace%s; Ctrl-C stops\n", m->nns,
		m->nns == 1 ? "" : "s");
	while (!nsh_interrupted && !w.failed) {
		unsigned long resyncs = m->resyncs;

		watch_wait(sh, -1, &oldmask);
		/* a link that left a namespace may arrive in another
		 * in the next batch: give it a moment */
		for (int i = 0; i < 3 && watch_pair(&w) > 0; i++)
			watch_wait(sh, 20, &oldmask);
		watch_flush(&w, m, resyncs != m->resyncs);
	}
	model_unlisten(watch_cb, &w);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	sigaction(SIGTERM, &oldterm, NULL);
	nsh_interrupted = 0;
	free(w.v);
	return w.failed ? 1 : 0;
}

static const struct nsh_cmd show_cmds[] = {
	{ "show [ -j ]",
	  "every namespace with its links, states and addresses, as a tree",
	  cmd_show, 0, "show",
	  "ip netns list\n{ip} -br link\n{ip} -br addr   (and ip -n NS … "
	  "for each namespace)" },
	{ "show topology [ -j | --dot ]",
	  "the lab as a drawing: namespaces, veth cables, bridges",
	  cmd_show_topology, 0, "show topology --dot",
	  "{ip} -d link show\nbridge link show   (and ip -n NS … for each "
	  "namespace)" },
	{ "show path NSREF WORD$target [ -j ]",
	  "the layer-2/3 path from a namespace to another or to an address",
	  cmd_show_path, 0, "show path ns1 ns2",
	  "ip -n {nsref} route get {addr:target}\nip -n {nsref} neigh show\n"
	  "bridge fdb show" },
	{ "watch [ -j ]",
	  "narrate the changes in every namespace until Ctrl-C", cmd_watch,
	  0, "watch", "ip monitor all-nsid" },
	{ NULL },
};

const struct nsh_family show_family = {
	"show", "views of the lab: tree, topology, paths, events", show_cmds,
};
