/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show_topo_draw.c - `show topology` on the terminal: the namespaces as
 * boxes listing their links, the veth cables as lines in lanes beside
 * them (show_topo.h has the graph it draws).  Reads the model only.
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
#include "term.h"

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

/* append a row TEXT (owned) to D, the end of cable EDGE or -1 */
static void draw_row(struct drawing *d, char *text, int edge)
{
	if (d->nrows == d->caprows) {
		d->caprows = d->caprows ? 2 * d->caprows : 64;
		d->line = xrealloc(d->line, sizeof(*d->line) *
					    (size_t)d->caprows);
		d->edge = xrealloc(d->edge, sizeof(*d->edge) *
					    (size_t)d->caprows);
	}
	d->line[d->nrows] = text;
	d->edge[d->nrows++] = edge;
}

/* free D's rows and cables */
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
	const char *why;
	int o = 0;

	for (int i = 1; i < nd->depth; i++)
		o += snprintf(name + o, sizeof(name) - (size_t)o, "  ");
	snprintf(name + o, sizeof(name) - (size_t)o, "%s%s",
		 nd->depth ? (nd->last ? term_glyph("└ ", "`-") :
			      term_glyph("├ ", "|-")) : "",
		 str_escape(l->name, esc, sizeof(esc)));
	o = snprintf(buf, len, "%s%*s %s %-*s %s", name,
		     wn - term_cols(name), "",
		     (l->flags & IFF_UP) ? G_UP : G_DOWN, wk, nd->kind,
		     topo_addrs(nd, false, addrs, sizeof(addrs)));
	if ((l->flags & IFF_UP) && !topo_ok(t, nd) && o < (int)len)
		o += snprintf(buf + o, len - (size_t)o, " (no carrier)");
	else if (!(l->flags & IFF_UP) && o < (int)len &&
		 (why = fail_reason(nd->ns, l, NULL, 0)))
		o += snprintf(buf + o, len - (size_t)o, " (%s)", why);
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

	if (!f)		/* open_memstream fails only for memory */
		nsh_oom();
	if (col + term_widest_word(text) > d->wbox)
		col = 2;
	snprintf(ind, sizeof(ind), "%*s", col < 60 ? col : 2, "");
	term_wrap(f, text, ind, d->wbox);
	fclose(f);
	for (char *r = strtok_r(mem, "\n", &save); r;
	     r = strtok_r(NULL, "\n", &save)) {
		char *p = xasprintf("%s %s%*s %s", G_V, r,
				    d->wbox > term_cols(r) ?
				    d->wbox - term_cols(r) : 0, "", G_V);

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
	if (d->width && term_cols(buf) > d->wbox + 3)
		o = snprintf(buf, sizeof(buf), "%s%s %s ",
			     term_glyph("┌", "+"), G_H,
			     term_cut(esc, sizeof(esc), d->wbox - 2));
	for (int w = term_cols(buf); w < d->wbox + 3 && o < 1000; w++)
		o += snprintf(buf + o, sizeof(buf) - (size_t)o, "%s", G_H);
	snprintf(buf + o, sizeof(buf) - (size_t)o, "%s", term_glyph("┐", "+"));
	draw_row(d, xstrdup(buf), -1);
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
	draw_row(d, xstrdup(buf), -1);
}

/* the cables, in the order of their upper end; a lane is free again
 * below the lower end of its last cable */
static void draw_lanes(struct topo *t, struct drawing *d)
{
	int *free_after;

	d->e = xmalloc(sizeof(*d->e) * (size_t)(t->n + 1));
	free_after = xcalloc((size_t)t->n + 1, sizeof(*free_after));
	for (int k = 0; k < t->n && !d->inbox; k++) {	/* rows grow with k */
		int r = t->v[k].row, p = t->v[k].peer;

		if (r < 0 || p < 0 || t->v[p].row < r)
			continue;
		d->e[d->ne] = (struct lane_edge){
			.top = r, .bottom = t->v[p].row,
			.dashed = !topo_ok(t, &t->v[k]) ||
				  !topo_ok(t, &t->v[p]),
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
		int w = 2 * t->v[k].depth + term_cols(str_escape(
			t->v[k].l->name, esc, sizeof(esc)));

		wn = w > wn ? w : wn;
		w = (int)strlen(t->v[k].kind);
		wk = w > wk ? w : wk;
	}
	/* the rows' texts first, to know the widest */
	for (int k = 0; k < t->n; k++) {
		node_text(t, &t->v[k], wn, wk, d->inbox, buf, sizeof(buf));
		wbox = term_cols(buf) > wbox ? term_cols(buf) : wbox;
	}
	for (int i = 0; i < t->m->nns; i++) {
		int w = term_cols(str_escape(model_ns_label(t->nss[i]), esc,
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
	int *active = xmalloc(sizeof(*active) * (size_t)(d->nlanes + 1));

	for (int k = 0; k < d->nlanes; k++)
		active[k] = -1;
	for (int r = 0; r < d->nrows; r++) {
		const struct lane_edge *own = d->edge[r] >= 0 ?
			&d->e[d->edge[r]] : NULL;
		const char *h = own && own->dashed ? G_HD : G_H;
		char *out = xmalloc(strlen(d->line[r]) +
				    (size_t)(d->nlanes * d->lw) * 3 + 8);
		size_t o = strlen(d->line[r]);

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

/* topo_text: see show_topo.h */
void topo_text(struct topo *t)
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
