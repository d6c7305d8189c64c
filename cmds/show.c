/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show.c - `show`: the lab as a tree of namespaces, their links (ports
 * under their bridge) with states and addresses, and their routes; and
 * the family of the views (`show`, `show topology`, `show path`, `watch`).
 * `show -j` is in show_json.c, `show topology` in show_topo*.c, `show
 * path` in show_path.c, `watch` in watch.c; what the views read the same
 * way is the engine's (shell/lab/view.h, path.h, diff.h), what they say
 * beyond it in view_lib.c.
 *
 * Every view reads the model only: model_get() applies the pending netlink
 * events, and nothing here asks the kernel anything.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "model.h"
#include "show.h"
#include "term.h"

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
			w > term_cols(s) ? w - term_cols(s) : 0, "");
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
		o += snprintf(line + o, len - (size_t)o, "%s",
			      (*n)++ ? " " : "");
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
			term_cols(str_escape(l->name, esc, sizeof(esc)));

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

/* show: every namespace (a measuring pass, then the drawing) */
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

/* show [-j]: the tree, or the model as JSON */
int cmd_show(struct nsh *sh, const struct nsh_args *a)
{
	struct model *m = model_get(sh);

	if (!m)
		return 1;
	if (arg_has(a, "-j"))
		show_json(m);
	else
		show_text(m);
	if (sh->hosts && !arg_has(a, "-j"))
		return hosts_show(sh);
	return 0;
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
	  cmd_show_path, NSH_CMD_HOSTS, "show path ns1 ns2",
	  "ip -n {nsref} route get {addr:target}\nip -n {nsref} neigh show\n"
	  "bridge fdb show" },
	{ "watch [ -j ]",
	  "narrate the changes in every namespace (and on the lab's hosts) "
	  "until Ctrl-C", cmd_watch,
	  0, "watch", "ip monitor all-nsid" },
	{ NULL },
};

const struct nsh_family show_family = {
	"show", "views of the lab: tree, topology, paths, events", show_cmds,
};
