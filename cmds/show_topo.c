/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show_topo.c - `show topology [-j | --dot]`: the lab as a graph of
 * namespaces, veth cables and bridges: built here (a list of links in
 * drawing order, show_topo.h), printed as JSON or as Graphviz DOT here,
 * drawn for the terminal in show_topo_draw.c.  Reads the model only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>

#include "cmds.h"
#include "model.h"
#include "show.h"
#include "show_topo.h"

/* ------------------------------------------------------------ the graph */

/* add L of NS at DEPTH, then its ports */
static void topo_add(struct topo *t, struct model_ns *ns,
		     struct model_link **sorted, const struct model_link *l,
		     int depth, bool last)
{
	int nkids = 0;

	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 64;
		t->v = xrealloc(t->v, sizeof(*t->v) * (size_t)t->cap);
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
	t->first = xcalloc((size_t)m->nns + 1, sizeof(*t->first));
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

/* free what topo_build made */
static void topo_free(struct topo *t)
{
	free(t->v);
	free(t->first);
	free(t->nss);
}

/* ------------------------------------------------------------ -j */

/* KEY: {"netns","link"} of node ND */
static void json_ref(struct json *j, const char *key, const struct tnode *nd)
{
	json_key(j, key);
	json_begin_object(j);
	json_str(j, "netns", model_ns_label(nd->ns));
	json_str(j, "link", nd->l->name);
	json_end_object(j);
}

/* namespace I's node: its links, each with its state and addresses */
static void json_topo_ns(struct json *j, struct topo *t, int i)
{
	char buf[1024];

	json_key(j, NULL);
	json_begin_object(j);
	json_str(j, "id", model_ns_label(t->nss[i]));
	json_str(j, "type", "netns");
	json_str(j, "name", model_ns_label(t->nss[i]));
	json_key(j, "links");
	json_begin_array(j);
	for (int k = t->first[i]; k < t->first[i + 1]; k++) {
		const struct model_link *l = t->v[k].l;
		const struct model_link *ml = l->master ?
			model_link_by_index(t->v[k].ns, l->master) : NULL;

		json_key(j, NULL);
		json_begin_object(j);
		json_str(j, "name", l->name);
		json_str(j, "kind", t->v[k].kind);
		json_bool(j, "up", l->flags & IFF_UP);
		json_bool(j, "carrier", topo_ok(t, &t->v[k]));
		json_str_or_null(j, "master", ml ? ml->name : NULL);
		json_key(j, "addresses");
		json_begin_array(j);
		topo_addrs(&t->v[k], true, buf, sizeof(buf));
		for (char *w = strtok(buf, " "); w; w = strtok(NULL, " "))
			json_str(j, NULL, w);
		json_end_array(j);
		json_end_object(j);
	}
	json_end_array(j);
	json_end_object(j);
}

/* bridge ND's node: its namespace, state and ports */
static void json_topo_bridge(struct json *j, struct topo *t,
			     const struct tnode *nd)
{
	char buf[1024];

	json_key(j, NULL);
	json_begin_object(j);
	snprintf(buf, sizeof(buf), "%s/%s", model_ns_label(nd->ns),
		 nd->l->name);
	json_str(j, "id", buf);
	json_str(j, "type", "bridge");
	json_str(j, "netns", model_ns_label(nd->ns));
	json_str(j, "name", nd->l->name);
	json_bool(j, "up", nd->l->flags & IFF_UP);
	json_key(j, "ports");
	json_begin_array(j);
	for (int p = 0; p < t->n; p++)
		if (t->v[p].ns == nd->ns && t->v[p].l->master == nd->l->ifindex)
			json_str(j, NULL, t->v[p].l->name);
	json_end_array(j);
	json_end_object(j);
}

/* node K's edges: its veth cable (once per pair), its bridge port */
static void json_topo_edges(struct json *j, struct topo *t, int k)
{
	const struct tnode *nd = &t->v[k];
	int p = nd->peer;

	if (streq(nd->kind, "veth") && (p < 0 || p > k)) {
		json_key(j, NULL);
		json_begin_object(j);
		json_str(j, "type", "veth");
		json_ref(j, "a", nd);
		if (p >= 0)
			json_ref(j, "b", &t->v[p]);
		else
			json_str_or_null(j, "b", NULL);
		json_bool(j, "up", topo_ok(t, nd) &&
			  (p < 0 || topo_ok(t, &t->v[p])));
		json_end_object(j);
	}
	if (nd->depth > 0) {
		const struct model_link *ml =
			model_link_by_index(nd->ns, nd->l->master);
		struct tnode br = { .ns = nd->ns, .l = ml };

		json_key(j, NULL);
		json_begin_object(j);
		json_str(j, "type", "port");
		json_ref(j, "a", nd);
		json_ref(j, "b", &br);
		json_bool(j, "up", topo_ok(t, nd) && topo_ok(t, &br));
		json_end_object(j);
	}
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

	json_begin_object(&j);
	json_key(&j, "nodes");
	json_begin_array(&j);
	for (int i = 0; i < t->m->nns; i++)
		json_topo_ns(&j, t, i);
	for (int k = 0; k < t->n; k++)
		if (streq(t->v[k].kind, "bridge"))
			json_topo_bridge(&j, t, &t->v[k]);
	json_end_array(&j);
	json_key(&j, "edges");
	json_begin_array(&j);
	for (int k = 0; k < t->n; k++)
		json_topo_edges(&j, t, k);
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

/* namespace I as a cluster: a node per link, labelled with its name,
 * state, kind and addresses (a bridge a hexagon; red when down) */
static void dot_cluster(struct topo *t, int i)
{
	char addrs[1024], label[1400];

	printf("\tsubgraph ");
	snprintf(label, sizeof(label), "cluster_%s", model_ns_label(t->nss[i]));
	dot_str(label);
	printf(" {\n\t\tlabel=");
	dot_str(model_ns_label(t->nss[i]));
	printf(";\n");
	for (int k = t->first[i]; k < t->first[i + 1]; k++) {
		const struct model_link *l = t->v[k].l;
		bool br = streq(t->v[k].kind, "bridge");

		topo_addrs(&t->v[k], false, addrs, sizeof(addrs));
		for (char *s = addrs; (s = strchr(s, ' '));)
			*s = '\n';
		snprintf(label, sizeof(label), "%s %s%s%s%s%s",
			 l->name, topo_ok(t, &t->v[k]) ? "↑" :
			 (l->flags & IFF_UP) ? "↑ no carrier" : "↓",
			 *t->v[k].kind ? "\n" : "", t->v[k].kind,
			 *addrs ? "\n" : "", addrs);
		printf("\t\t");
		dot_id(&t->v[k]);
		printf(" [label=");
		dot_str(label);
		printf("%s%s];\n", br ? ", shape=\"hexagon\"" : "",
		       topo_ok(t, &t->v[k]) ? "" : ", color=\"red\"");
	}
	printf("\t}\n");
}

/* node K's edges: its veth cable (once per pair; dashed and red when an
 * end is down), the dotted one from its bridge */
static void dot_edges(struct topo *t, int k)
{
	const struct tnode *nd = &t->v[k];
	int p = nd->peer;

	if (p > k) {
		bool ok = topo_ok(t, nd) && topo_ok(t, &t->v[p]);

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

/*
 * show topology --dot: each namespace a cluster, each link a node (a
 * bridge a hexagon; red when down), veth pairs as solid edges (dashed and
 * red when an end is down or has no carrier), bridge membership as dotted
 * edges from the bridge to its ports.  Every identifier is quoted.
 */
static void topo_dot(struct topo *t)
{
	printf("graph \"lab\" {\n\tgraph [fontname=\"monospace\"];\n"
	       "\tnode [shape=\"box\", fontname=\"monospace\"];\n");
	for (int i = 0; i < t->m->nns; i++)
		dot_cluster(t, i);
	for (int k = 0; k < t->n; k++)
		dot_edges(t, k);
	printf("}\n");
}

/* show topology [-j | --dot]: the drawing, the graph as JSON, or DOT */
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
	if (sh->hosts && !arg_has(a, "-j") && !arg_has(a, "--dot"))
		return hosts_show_topology(sh);
	return 0;
}
