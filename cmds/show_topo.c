/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show_topo.c - the lab as data and as a picture: `show -j` (the model as
 * JSON) and `show topology [-j | --dot]` (namespaces, veth cables and
 * bridges: a terminal drawing, a graph as JSON, or Graphviz DOT).
 * Reads the model only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "model.h"
#include "show.h"
#include "term.h"

/* ------------------------------------------------------------ show -j */

static const char *scope_name(int scope, char *buf, size_t len)
{
	switch (scope) {
	case RT_SCOPE_UNIVERSE: return "global";
	case RT_SCOPE_SITE: return "site";
	case RT_SCOPE_LINK: return "link";
	case RT_SCOPE_HOST: return "host";
	case RT_SCOPE_NOWHERE: return "nowhere";
	}
	snprintf(buf, len, "%d", scope);
	return buf;
}

/* L's flags as `ip -j link` says them */
static void json_link_flags(struct json *j, const struct model_link *l)
{
	const char *words[LINK_FLAG_WORDS];
	unsigned rest;
	int n = link_flag_words(l->flags, words, &rest);

	json_key(j, "flags");
	json_begin_array(j);
	for (int i = 0; i < n; i++)
		json_str(j, NULL, words[i]);
	json_end_array(j);
}

static void json_link(struct json *j, struct model *m, struct model_ns *ns,
		      const struct model_link *l)
{
	const struct model_link *master = l->master ?
		model_link_by_index(ns, l->master) : NULL;
	struct model_ns *pns;
	struct model_link *peer;
	char buf[32];

	json_key(j, NULL);
	json_begin_object(j);
	json_int(j, "ifindex", l->ifindex);
	json_str(j, "name", l->name);
	json_str(j, "kind", l->kind);
	json_bool(j, "up", l->flags & IFF_UP);
	json_bool(j, "lower_up", show_carrier(m, ns, l));
	json_link_flags(j, l);
	json_str(j, "operstate", link_operstate_name(l->operstate));
	json_uint(j, "mtu", l->mtu);
	snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x", l->mac[0],
		 l->mac[1], l->mac[2], l->mac[3], l->mac[4], l->mac[5]);
	json_str_or_null(j, "mac", l->has_mac ? buf : NULL);
	json_str_or_null(j, "master", master ? master->name : NULL);
	json_key(j, "peer");
	if (show_peer(m, ns, l, &pns, &peer)) {
		json_begin_object(j);
		json_str(j, "netns", model_ns_label(pns));
		json_str(j, "name", peer->name);
		json_end_object(j);
	} else {
		fputs("null", stdout);
	}
	json_end_object(j);
}

/* an address's flags (iproute2's words), broadcast and label */
static void json_addr_more(struct json *j, const struct model_addr *a)
{
	const char *flags[SHOW_ADDR_FLAGS];
	int n = show_addr_flags(a->flags, a->family, flags);
	char buf[64];

	json_key(j, "flags");
	json_begin_array(j);
	for (int i = 0; i < n; i++)
		json_str(j, NULL, flags[i]);
	json_end_array(j);
	json_str_or_null(j, "broadcast", a->has_brd ?
		  show_ip(AF_INET, a->brd, buf, sizeof(buf)) : NULL);
	json_str_or_null(j, "label", a->label[0] ? a->label : NULL);
}

static void json_route(struct json *j, struct model_ns *ns,
		       const struct model_route *r)
{
	const struct model_link *l = r->oif ? model_link_by_index(ns, r->oif)
					    : NULL;
	char buf[64];

	json_key(j, NULL);
	json_begin_object(j);
	if (r->dst_len == 0) {
		json_str(j, "dst", "default");
	} else {
		show_ip(r->family, r->dst, buf, sizeof(buf) - 8);
		snprintf(buf + strlen(buf), 8, "/%d", r->dst_len);
		json_str(j, "dst", buf);
	}
	json_str_or_null(j, "gateway", r->has_gw ?
		  show_ip(r->family, r->gw, buf, sizeof(buf)) : NULL);
	json_str_or_null(j, "dev", l ? l->name : NULL);
	/* strings, as in `ip -j route`: a name, or the number */
	snprintf(buf, sizeof(buf), "%d", r->protocol);
	json_str(j, "protocol", r->protocol == RTPROT_BOOT ? "boot" :
				r->protocol == RTPROT_KERNEL ? "kernel" :
				r->protocol == RTPROT_STATIC ? "static" : buf);
	if (r->table == RT_TABLE_MAIN)
		json_str(j, "table", "main");
	else
		json_str(j, "table", (snprintf(buf, sizeof(buf), "%u",
					       r->table), buf));
	json_uint(j, "metric", r->priority);
	json_str_or_null(j, "prefsrc", r->has_prefsrc ?
		  show_ip(r->family, r->prefsrc, buf, sizeof(buf)) : NULL);
	json_bool(j, "onlink", r->onlink);
	json_end_object(j);
}

static int cmp_route(const void *a, const void *b)
{
	const struct model_route *x = a, *y = b;
	int c;

	if (x->family != y->family)
		return x->family - y->family;
	if (x->table != y->table)
		return x->table < y->table ? -1 : 1;
	if ((c = memcmp(x->dst, y->dst, sizeof(x->dst))))
		return c;
	if (x->dst_len != y->dst_len)
		return x->dst_len - y->dst_len;
	if (x->priority != y->priority)
		return x->priority < y->priority ? -1 : 1;
	return x->oif - y->oif;
}

/*
 * show -j: {"namespaces":[{"name","nsid","links":[…],"addresses":[…],
 * "routes":[…]}]}; links by ifindex, routes sorted (family, table, dst).
 * A link's "lower_up" is the carrier the views infer (show_carrier), its
 * "flags" and "operstate" what the kernel last said; an address has its
 * "flags" (iproute2's words), "broadcast" and "label", a route its
 * "prefsrc" and "onlink".  Other tests parse this: keep the keys.
 */
void show_json(struct model *m)
{
	struct model_ns **nss = show_namespaces(m);
	struct json j = { 0 };
	char buf[64];

	json_begin_object(&j);
	json_key(&j, "namespaces");
	json_begin_array(&j);
	for (int i = 0; i < m->nns; i++) {
		struct model_ns *ns = nss[i];
		struct model_link **links = show_links(ns, false);
		struct model_route *routes;

		json_key(&j, NULL);
		json_begin_object(&j);
		json_str(&j, "name", model_ns_label(ns));
		json_key(&j, "nsid");
		if (i > 0 && ns->nsid >= 0)
			printf("%d", ns->nsid);
		else
			fputs("null", stdout);
		json_key(&j, "links");
		json_begin_array(&j);
		for (int k = 0; k < ns->nlinks; k++)
			json_link(&j, m, ns, links[k]);
		json_end_array(&j);
		free(links);
		json_key(&j, "addresses");
		json_begin_array(&j);
		for (int k = 0; k < ns->naddrs; k++) {
			const struct model_addr *a = &ns->addrs[k];
			const struct model_link *l =
				model_link_by_index(ns, a->ifindex);

			json_key(&j, NULL);
			json_begin_object(&j);
			json_str(&j, "dev", l ? l->name : "");
			json_str(&j, "family",
				 a->family == AF_INET6 ? "inet6" : "inet");
			json_str(&j, "local", show_ip(a->family, a->addr, buf,
						      sizeof(buf)));
			json_int(&j, "prefixlen", a->plen);
			json_str(&j, "scope",
				 scope_name(a->scope, buf, sizeof(buf)));
			json_addr_more(&j, a);
			json_end_object(&j);
		}
		json_end_array(&j);
		routes = malloc(sizeof(*routes) * (size_t)(ns->nroutes + 1));
		if (!routes)
			abort();
		if (ns->nroutes)
			memcpy(routes, ns->routes,
			       sizeof(*routes) * (size_t)ns->nroutes);
		qsort(routes, (size_t)ns->nroutes, sizeof(*routes), cmp_route);
		json_key(&j, "routes");
		json_begin_array(&j);
		for (int k = 0; k < ns->nroutes; k++)
			json_route(&j, ns, &routes[k]);
		json_end_array(&j);
		free(routes);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_end_object(&j);
	json_end(&j);
	free(nss);
}


/* ------------------------------------------------------------ the graph */

/* one link of the picture, in drawing order */
struct tnode {
	struct model_ns *ns;
	const struct model_link *l;
	const char *kind;	/* its l->kind */
	int depth;		/* 0, or 1 + its master's for a port */
	bool last;		/* the last port of its master */
	int peer;		/* veth: the node of its peer; -1 unknown */
	int row;		/* text: its line (-1: not drawn) */
};

struct topo {
	struct model *m;
	struct model_ns **nss;
	struct tnode *v;
	int n, cap;
	int *first;		/* first node of each namespace (nns + 1) */
};

/* add L of NS at DEPTH, then its ports */
static void topo_add(struct topo *t, struct model_ns *ns,
		     struct model_link **sorted, const struct model_link *l,
		     int depth, bool last)
{
	int nkids = 0;

	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->v = realloc(t->v, sizeof(*t->v) * (size_t)t->cap);
		if (!t->v)
			abort();
	}
	t->v[t->n++] = (struct tnode){ .ns = ns, .l = l, .depth = depth,
				       .last = last, .peer = -1, .row = -1,
				       .kind = l->kind };
	if (depth >= 6)
		return;
	for (int i = 0; i < ns->nlinks; i++)
		nkids += sorted[i]->master == l->ifindex && sorted[i] != l;
	for (int i = 0; i < ns->nlinks; i++)
		if (sorted[i]->master == l->ifindex && sorted[i] != l)
			topo_add(t, ns, sorted, sorted[i], depth + 1,
				 --nkids == 0);
}

/* every namespace's links (ports after their bridge), and the veth
 * peers as node indexes */
static void topo_build(struct topo *t, struct model *m)
{
	t->m = m;
	t->nss = show_namespaces(m);
	t->first = calloc((size_t)m->nns + 1, sizeof(*t->first));
	if (!t->first)
		abort();
	for (int i = 0; i < m->nns; i++) {
		struct model_ns *ns = t->nss[i];
		struct model_link **sorted = show_links(ns, true);

		t->first[i] = t->n;
		for (int k = 0; k < ns->nlinks; k++)
			if (!sorted[k]->master ||
			    !model_link_by_index(ns, sorted[k]->master))
				topo_add(t, ns, sorted, sorted[k], 0, false);
		free(sorted);
	}
	t->first[m->nns] = t->n;
	for (int i = 0; i < t->n; i++) {
		struct model_ns *pns;
		struct model_link *pl;

		if (!show_peer(m, t->v[i].ns, t->v[i].l, &pns, &pl))
			continue;
		for (int k = 0; k < t->n && t->v[i].peer < 0; k++)
			if (t->v[k].l == pl)
				t->v[i].peer = k;
	}
}

static void topo_free(struct topo *t)
{
	free(t->v);
	free(t->first);
	free(t->nss);
}

/* node ND is up with a carrier */
static bool link_ok(const struct topo *t, const struct tnode *nd)
{
	return show_carrier(t->m, nd->ns, nd->l);
}

/* NODE's addresses (not the IPv6 link-local ones unless ALL), as
 * "a/n b/n" */
static const char *addrs_text(const struct tnode *nd, bool all, char *buf,
			      size_t len)
{
	return show_addrs(nd->ns, nd->l->ifindex, all, " ", buf, len);
}

/* ------------------------------------------------------------ -j */

static void json_ref(struct json *j, const char *key, const struct tnode *nd)
{
	json_key(j, key);
	json_begin_object(j);
	json_str(j, "netns", model_ns_label(nd->ns));
	json_str(j, "link", nd->l->name);
	json_end_object(j);
}

/*
 * show topology -j:
 * {"nodes":[
 *   {"id":"ns1","type":"netns","name":"ns1","links":[{"name","kind","up",
 *     "carrier","master" (name|null),"addresses":["10.0.0.1/24",…]}]},
 *   {"id":"host/br0","type":"bridge","netns":"host","name":"br0","up",
 *     "ports":["veth-br1",…]}],
 *  "edges":[
 *   {"type":"veth","a":{"netns","link"},"b":{"netns","link"}|null,"up"},
 *   {"type":"port","a":{port},"b":{bridge},"up"}]}
 * A veth pair is one edge (b null: the peer is in no named namespace);
 * "up" is true when both ends are up with a carrier.
 */
static void topo_json(struct topo *t)
{
	struct json j = { 0 };
	char buf[1024];

	json_begin_object(&j);
	json_key(&j, "nodes");
	json_begin_array(&j);
	for (int i = 0; i < t->m->nns; i++) {
		json_key(&j, NULL);
		json_begin_object(&j);
		json_str(&j, "id", model_ns_label(t->nss[i]));
		json_str(&j, "type", "netns");
		json_str(&j, "name", model_ns_label(t->nss[i]));
		json_key(&j, "links");
		json_begin_array(&j);
		for (int k = t->first[i]; k < t->first[i + 1]; k++) {
			const struct model_link *l = t->v[k].l;
			const struct model_link *ml = l->master ?
				model_link_by_index(t->v[k].ns, l->master) :
				NULL;

			json_key(&j, NULL);
			json_begin_object(&j);
			json_str(&j, "name", l->name);
			json_str(&j, "kind", t->v[k].kind);
			json_bool(&j, "up", l->flags & IFF_UP);
			json_bool(&j, "carrier", link_ok(t, &t->v[k]));
			json_str_or_null(&j, "master", ml ? ml->name : NULL);
			json_key(&j, "addresses");
			json_begin_array(&j);
			addrs_text(&t->v[k], true, buf, sizeof(buf));
			for (char *w = strtok(buf, " "); w;
			     w = strtok(NULL, " "))
				json_str(&j, NULL, w);
			json_end_array(&j);
			json_end_object(&j);
		}
		json_end_array(&j);
		json_end_object(&j);
	}
	for (int k = 0; k < t->n; k++) {
		const struct tnode *nd = &t->v[k];

		if (!streq(nd->kind, "bridge"))
			continue;
		json_key(&j, NULL);
		json_begin_object(&j);
		snprintf(buf, sizeof(buf), "%s/%s", model_ns_label(nd->ns),
			 nd->l->name);
		json_str(&j, "id", buf);
		json_str(&j, "type", "bridge");
		json_str(&j, "netns", model_ns_label(nd->ns));
		json_str(&j, "name", nd->l->name);
		json_bool(&j, "up", nd->l->flags & IFF_UP);
		json_key(&j, "ports");
		json_begin_array(&j);
		for (int p = 0; p < t->n; p++)
			if (t->v[p].ns == nd->ns &&
			    t->v[p].l->master == nd->l->ifindex)
				json_str(&j, NULL, t->v[p].l->name);
		json_end_array(&j);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_key(&j, "edges");
	json_begin_array(&j);
	for (int k = 0; k < t->n; k++) {
		const struct tnode *nd = &t->v[k];
		int p = nd->peer;

		if (streq(nd->kind, "veth") && (p < 0 || p > k)) {
			json_key(&j, NULL);
			json_begin_object(&j);
			json_str(&j, "type", "veth");
			json_ref(&j, "a", nd);
			if (p >= 0)
				json_ref(&j, "b", &t->v[p]);
			else
				json_str_or_null(&j, "b", NULL);
			json_bool(&j, "up", link_ok(t, nd) &&
				  (p < 0 || link_ok(t, &t->v[p])));
			json_end_object(&j);
		}
		if (nd->depth > 0) {
			const struct model_link *ml =
				model_link_by_index(nd->ns, nd->l->master);
			struct tnode br = { .ns = nd->ns, .l = ml };

			json_key(&j, NULL);
			json_begin_object(&j);
			json_str(&j, "type", "port");
			json_ref(&j, "a", nd);
			json_ref(&j, "b", &br);
			json_bool(&j, "up", link_ok(t, nd) && link_ok(t, &br));
			json_end_object(&j);
		}
	}
	json_end_array(&j);
	json_end_object(&j);
	json_end(&j);
}

/* ------------------------------------------------------------ --dot */

/* S as a DOT string: '"' and '\' escaped, a newline as "\n" */
static void dot_str(const char *s)
{
	putchar('"');
	for (; *s; s++) {
		if (*s == '\n') {
			fputs("\\n", stdout);
			continue;
		}
		if (*s == '"' || *s == '\\')
			putchar('\\');
		putchar(*s);
	}
	putchar('"');
}

/* the node ID of a link: "ns/link" (neither name can hold a '/') */
static void dot_id(const struct tnode *nd)
{
	char buf[300];

	snprintf(buf, sizeof(buf), "%s/%s", model_ns_label(nd->ns),
		 nd->l->name);
	dot_str(buf);
}

/*
 * show topology --dot: each namespace a cluster, each link a node (a
 * bridge a hexagon; red when down), veth pairs as solid edges (dashed and
 * red when an end is down or has no carrier), bridge membership as dotted
 * edges from the bridge to its ports.  Every identifier is quoted.
 */
static void topo_dot(struct topo *t)
{
	char addrs[1024], label[1400];

	printf("graph \"lab\" {\n\tgraph [fontname=\"monospace\"];\n"
	       "\tnode [shape=\"box\", fontname=\"monospace\"];\n");
	for (int i = 0; i < t->m->nns; i++) {
		printf("\tsubgraph ");
		snprintf(label, sizeof(label), "cluster_%s",
			 model_ns_label(t->nss[i]));
		dot_str(label);
		printf(" {\n\t\tlabel=");
		dot_str(model_ns_label(t->nss[i]));
		printf(";\n");
		for (int k = t->first[i]; k < t->first[i + 1]; k++) {
			const struct model_link *l = t->v[k].l;
			bool br = streq(t->v[k].kind, "bridge");

			addrs_text(&t->v[k], false, addrs, sizeof(addrs));
			for (char *s = addrs; (s = strchr(s, ' '));)
				*s = '\n';
			snprintf(label, sizeof(label), "%s %s%s%s%s%s",
				 l->name, link_ok(t, &t->v[k]) ? "↑" :
				 (l->flags & IFF_UP) ? "↑ no carrier" : "↓",
				 *t->v[k].kind ? "\n" : "", t->v[k].kind,
				 *addrs ? "\n" : "", addrs);
			printf("\t\t");
			dot_id(&t->v[k]);
			printf(" [label=");
			dot_str(label);
			printf("%s%s];\n", br ? ", shape=\"hexagon\"" : "",
			       link_ok(t, &t->v[k]) ? "" : ", color=\"red\"");
		}
		printf("\t}\n");
	}
	for (int k = 0; k < t->n; k++) {
		const struct tnode *nd = &t->v[k];
		int p = nd->peer;

		if (p > k) {
			bool ok = link_ok(t, nd) && link_ok(t, &t->v[p]);

			printf("\t");
			dot_id(nd);
			printf(" -- ");
			dot_id(&t->v[p]);
			printf(" [penwidth=\"2\"%s];\n",
			       ok ? "" : ", style=\"dashed\", color=\"red\"");
		}
		if (nd->depth > 0) {
			struct tnode br = {
				.ns = nd->ns,
				.l = model_link_by_index(nd->ns, nd->l->master)
			};

			printf("\t");
			dot_id(&br);
			printf(" -- ");
			dot_id(nd);
			printf(" [style=\"dotted\"];\n");
		}
	}
	printf("}\n");
}

/* ------------------------------------------------------------ drawing */

/*
 * The drawing: the namespaces as boxes, one under the other, each listing
 * its links (a bridge's ports under it, "├ "), with ↑/↓ for up/down and
 * the addresses; every veth cable is a line in its own lane to the right
 * of the boxes, from the row of one end to the row of the other (dashed
 * when an end is down or has no carrier; ┼ where two cross).  Lanes are
 * reused once free.  With many namespaces the layout is compact: lanes
 * two columns wide, and "lo" in the box's title instead of a row.
 */
struct lane_edge {
	int top, bottom;	/* rows of the two ends */
	int lane;
	bool dashed;
	const struct tnode *a, *b;	/* its ends, top first */
};

/* more cables than this are named at each end instead of drawn */
#define MAX_LANES 24

/* the glyphs: box drawing and arrows in a UTF-8 locale, else ASCII */
#define G_UP term_glyph("↑", "^")
#define G_DOWN term_glyph("↓", "v")
#define G_H term_glyph("─", "-")
#define G_HD term_glyph("╌", ".")
#define G_V term_glyph("│", "|")
#define G_VD term_glyph("╎", ":")

struct drawing {
	char **line;		/* the box part of each row */
	int *edge;		/* the edge ending at each row, or -1 */
	int nrows, caprows;
	struct lane_edge *e;
	int ne, nlanes;
	int lw;			/* columns per lane */
	int wbox;		/* the boxes' inner width */
	int width;		/* the terminal's columns (0: no limit) */
	int limit;		/* the boxes' inner width at most (0: any) */
	bool inbox;		/* too narrow for lanes: each veth names its
				 * peer in its box, long rows wrap */
};

static void draw_row(struct drawing *d, char *text, int edge)
{
	if (d->nrows == d->caprows) {
		d->caprows = d->caprows ? 2 * d->caprows : 64;
		d->line = realloc(d->line, sizeof(*d->line) *
					   (size_t)d->caprows);
		d->edge = realloc(d->edge, sizeof(*d->edge) *
					   (size_t)d->caprows);
		if (!d->line || !d->edge)
			abort();
	}
	d->line[d->nrows] = text;
	d->edge[d->nrows++] = edge;
}

static void draw_free(struct drawing *d)
{
	for (int r = 0; r < d->nrows; r++)
		free(d->line[r]);
	free(d->line);
	free(d->edge);
	free(d->e);
}

/* the content of node ND's row inside its box, its name column WN wide;
 * INBOX: a veth's peer said as "↔ NS:PEER" */
static void node_text(const struct topo *t, const struct tnode *nd, int wn,
		      int wk, bool inbox, char *buf, size_t len)
{
	const struct model_link *l = nd->l;
	char name[64], esc[64], addrs[800];
	int o = 0;

	for (int i = 1; i < nd->depth; i++)
		o += snprintf(name + o, sizeof(name) - (size_t)o, "  ");
	snprintf(name + o, sizeof(name) - (size_t)o, "%s%s",
		 nd->depth ? (nd->last ? term_glyph("└ ", "`-") :
			      term_glyph("├ ", "|-")) : "",
		 str_escape(l->name, esc, sizeof(esc)));
	o = snprintf(buf, len, "%s%*s %s %-*s %s", name,
		     wn - show_width(name), "",
		     (l->flags & IFF_UP) ? G_UP : G_DOWN, wk, nd->kind,
		     addrs_text(nd, false, addrs, sizeof(addrs)));
	if ((l->flags & IFF_UP) && !link_ok(t, nd) && o < (int)len)
		o += snprintf(buf + o, len - (size_t)o, " (no carrier)");
	if (streq(nd->kind, "veth") && nd->peer < 0 && o < (int)len)
		snprintf(buf + o, len - (size_t)o, " %s%c? (if%d)",
			 term_glyph("↔", "<->"), TERM_NBSP, l->peer_ifindex);
	else if (inbox && streq(nd->kind, "veth") && o < (int)len)
		snprintf(buf + o, len - (size_t)o, " %s%c%s:%s",
			 term_glyph("↔", "<->"), TERM_NBSP,
			 model_ns_label(t->v[nd->peer].ns),
			 str_escape(t->v[nd->peer].l->name, esc, sizeof(esc)));
	while (*buf && buf[strlen(buf) - 1] == ' ')
		buf[strlen(buf) - 1] = '\0';
}

/* TEXT as rows of box D, wrapped within its width (continued rows
 * indented by COL columns, when the longest word leaves room) */
static void box_rows(struct drawing *d, const char *text, int col)
{
	char *mem = NULL, *save = NULL, ind[64];
	size_t size = 0;
	FILE *f = open_memstream(&mem, &size);

	if (!f)
		abort();
	if (col + term_widest_word(text) > d->wbox)
		col = 2;
	snprintf(ind, sizeof(ind), "%*s", col < 60 ? col : 2, "");
	term_wrap(f, text, ind, d->wbox);
	fclose(f);
	for (char *r = strtok_r(mem, "\n", &save); r;
	     r = strtok_r(NULL, "\n", &save)) {
		char *p;

		if (asprintf(&p, "%s %s%*s %s", G_V, r,
			     d->wbox > show_width(r) ? d->wbox - show_width(r) :
			     0, "", G_V) < 0)
			abort();
		draw_row(d, p, -1);
	}
	free(mem);
}

/* namespace I's top border, its title cut to fit */
static void box_top(struct topo *t, struct drawing *d, int i, bool compact)
{
	char title[400] = "", esc[300], buf[1100];
	int o;

	for (int k = t->first[i]; k < t->first[i + 1]; k++)
		if (compact && streq(t->v[k].l->name, "lo"))
			snprintf(title, sizeof(title), " lo %s",
				 (t->v[k].l->flags & IFF_UP) ? G_UP : G_DOWN);
	str_escape(model_ns_label(t->nss[i]), esc, sizeof(esc));
	o = snprintf(buf, sizeof(buf), "%s%s %s%s ", term_glyph("┌", "+"),
		     G_H, esc, title);
	if (d->width && show_width(buf) > d->wbox + 3)
		o = snprintf(buf, sizeof(buf), "%s%s %s ",
			     term_glyph("┌", "+"), G_H,
			     term_cut(esc, sizeof(esc), d->wbox - 2));
	for (int w = show_width(buf); w < d->wbox + 3 && o < 1000; w++)
		o += snprintf(buf + o, sizeof(buf) - (size_t)o, "%s", G_H);
	snprintf(buf + o, sizeof(buf) - (size_t)o, "%s", term_glyph("┐", "+"));
	draw_row(d, strdup(buf), -1);
}

/* namespace I's box: its title, a row per link (several when wrapped),
 * its bottom */
static void draw_box(struct topo *t, struct drawing *d, int i, int wn,
		     int wk, bool compact)
{
	char buf[1100];
	int o;

	box_top(t, d, i, compact);
	for (int k = t->first[i]; k < t->first[i + 1]; k++) {
		if (compact && streq(t->v[k].l->name, "lo"))
			continue;
		node_text(t, &t->v[k], wn, wk, d->inbox, buf, sizeof(buf));
		t->v[k].row = d->nrows;
		box_rows(d, buf, wn + wk + 4);
	}
	o = snprintf(buf, sizeof(buf), "%s", term_glyph("└", "+"));
	for (int w = 1; w < d->wbox + 3 && o < 1000; w++)
		o += snprintf(buf + o, sizeof(buf) - (size_t)o, "%s", G_H);
	snprintf(buf + o, sizeof(buf) - (size_t)o, "%s", term_glyph("┘", "+"));
	draw_row(d, strdup(buf), -1);
}

/* the cables, in the order of their upper end; a lane is free again
 * below the lower end of its last cable */
static void draw_lanes(struct topo *t, struct drawing *d)
{
	int *free_after;

	d->e = malloc(sizeof(*d->e) * (size_t)(t->n + 1));
	free_after = calloc((size_t)t->n + 1, sizeof(*free_after));
	if (!d->e || !free_after)
		abort();
	for (int k = 0; k < t->n && !d->inbox; k++) {	/* rows grow with k */
		int r = t->v[k].row, p = t->v[k].peer;

		if (r < 0 || p < 0 || t->v[p].row < r)
			continue;
		d->e[d->ne] = (struct lane_edge){
			.top = r, .bottom = t->v[p].row,
			.dashed = !link_ok(t, &t->v[k]) ||
				  !link_ok(t, &t->v[p]),
			.a = &t->v[k], .b = &t->v[p],
		};
		for (d->e[d->ne].lane = 0;
		     free_after[d->e[d->ne].lane] > r; d->e[d->ne].lane++)
			;
		free_after[d->e[d->ne].lane] = t->v[p].row + 1;
		if (d->e[d->ne].lane + 1 > d->nlanes)
			d->nlanes = d->e[d->ne].lane + 1;
		d->edge[r] = d->edge[t->v[p].row] = d->ne++;
	}
	free(free_after);
}

/* lay out the rows and the lanes */
static void draw_layout(struct topo *t, struct drawing *d, bool compact)
{
	int wn = 0, wk = 0, wbox = 0;
	char buf[1100], esc[300];

	for (int k = 0; k < t->n; k++) {
		int w = 2 * t->v[k].depth + show_width(str_escape(
			t->v[k].l->name, esc, sizeof(esc)));

		wn = w > wn ? w : wn;
		w = (int)strlen(t->v[k].kind);
		wk = w > wk ? w : wk;
	}
	/* the rows' texts first, to know the widest */
	for (int k = 0; k < t->n; k++) {
		node_text(t, &t->v[k], wn, wk, d->inbox, buf, sizeof(buf));
		wbox = show_width(buf) > wbox ? show_width(buf) : wbox;
	}
	for (int i = 0; i < t->m->nns; i++) {
		int w = show_width(str_escape(model_ns_label(t->nss[i]), esc,
					      sizeof(esc))) + 10;

		wbox = w > wbox ? w : wbox;
	}
	d->wbox = d->limit && wbox > d->limit ? d->limit : wbox;
	if (d->wbox < 8)
		d->wbox = 8;
	for (int i = 0; i < t->m->nns; i++)
		draw_box(t, d, i, wn, wk, compact);
	draw_lanes(t, d);
}

/* S, N times, at *O in OUT */
static void put_n(char *out, size_t *o, const char *s, int n)
{
	for (int i = 0; i < n; i++) {
		strcpy(out + *o, s);
		*o += strlen(s);
	}
}

/* print the rows, each with its part of the lanes: ACTIVE[k] is the
 * cable that passes lane k at this row */
static void draw_print(struct drawing *d)
{
	int *active = malloc(sizeof(*active) * (size_t)(d->nlanes + 1));

	if (!active)
		abort();
	for (int k = 0; k < d->nlanes; k++)
		active[k] = -1;
	for (int r = 0; r < d->nrows; r++) {
		const struct lane_edge *own = d->edge[r] >= 0 ?
			&d->e[d->edge[r]] : NULL;
		const char *h = own && own->dashed ? G_HD : G_H;
		char *out = malloc(strlen(d->line[r]) +
				   (size_t)(d->nlanes * d->lw) * 3 + 8);
		size_t o = strlen(d->line[r]);

		if (!out)
			abort();
		memcpy(out, d->line[r], o + 1);
		if (own) {	/* the box's right border becomes a tee */
			o -= strlen(G_V);
			put_n(out, &o, term_glyph("├", "+"), 1);
			if (own->bottom == r)
				active[own->lane] = -1;
		}
		if (own && d->nlanes > MAX_LANES) {
			const struct tnode *x = own->top == r ? own->b : own->a;

			printf("%s%s%s %s:%s\n", out, h, h,
			       model_ns_label(x->ns), x->l->name);
			free(out);
			continue;
		}
		for (int k = 0; k < d->nlanes && d->nlanes <= MAX_LANES; k++) {
			const struct lane_edge *e = active[k] >= 0 ?
				&d->e[active[k]] : NULL;
			bool across = own && k < own->lane;

			put_n(out, &o, across || (own && k == own->lane) ? h :
			      " ", d->lw - 1);
			if (own && k == own->lane)
				put_n(out, &o, own->top == r ?
				      term_glyph("┐", "+") :
				      term_glyph("┘", "+"), 1);
			else if (e)
				put_n(out, &o, across ? term_glyph("┼", "+") :
				      e->dashed ? G_VD : G_V, 1);
			else
				put_n(out, &o, across ? h : " ", 1);
		}
		if (own && own->top == r)
			active[own->lane] = d->edge[r];
		while (o > 0 && out[o - 1] == ' ')
			o--;
		out[o] = '\0';
		puts(out);
		free(out);
	}
	free(active);
}

/* the legend, wrapped between its entries */
static void topo_legend(const struct drawing *d)
{
	char buf[400];

	snprintf(buf, sizeof(buf),
		 "%s%cup  %s%cdown  %s%cbridge%cports  %s%cveth%ccable%s",
		 G_UP, TERM_NBSP, G_DOWN, TERM_NBSP,
		 term_glyph("├ └", "|- `-"), TERM_NBSP, TERM_NBSP,
		 d->inbox ? term_glyph("↔\037NS:PEER", "<->\037NS:PEER") :
		 d->nlanes > MAX_LANES ? term_glyph("── NS:PEER",
						    "-- NS:PEER") :
		 term_glyph("─┐", "-+"), TERM_NBSP, TERM_NBSP,
		 d->inbox ? "" : term_glyph("  ╌ cable with an end down or "
					    "without carrier",
					    "  . cable with an end down or "
					    "without carrier"));
	term_wrap(stdout, buf, "", d->width);
}

static void topo_text(struct topo *t)
{
	struct drawing d = { .lw = 3, .width = term_width() };
	bool compact = t->m->nns > 6;

	if (compact)
		d.lw = 2;
	draw_layout(t, &d, compact);
	/* too wide for the terminal: the boxes' rows wrap, left of the
	 * lanes; too narrow for the lanes: no lanes, the peers named in the
	 * boxes */
	if (d.width && d.wbox + 4 + (d.nlanes > MAX_LANES ? 40 :
				     d.nlanes * d.lw) > d.width) {
		int room = d.width - 4 - d.nlanes * d.lw;
		bool inbox = d.nlanes > MAX_LANES || room < 30;

		draw_free(&d);
		d = (struct drawing){ .lw = d.lw, .width = d.width,
				      .inbox = inbox,
				      .limit = inbox ? d.width - 4 : room };
		draw_layout(t, &d, compact);
	}
	draw_print(&d);
	topo_legend(&d);
	draw_free(&d);
}

int cmd_show_topology(struct nsh *sh, const struct nsh_args *a)
{
	struct model *m = model_get(sh);
	struct topo t = { 0 };

	if (!m)
		return 1;
	topo_build(&t, m);
	if (arg_has(a, "-j"))
		topo_json(&t);
	else if (arg_has(a, "--dot"))
		topo_dot(&t);
	else
		topo_text(&t);
	topo_free(&t);
	return 0;
}
