/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * diff.c - the model's changes as a diff (diff.h): collected from
 * model_listen() as copies, with the names of links said while the model
 * still has them, and link moves paired.  `watch` and --step tell them
 * (cmds/watch.c).  Reads the model only.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/rtnetlink.h>

#include "nsh.h"
#include "diff.h"
#include "view.h"

/* the name of link IFINDEX of NS, or "ifN" */
static void master_name(struct model_ns *ns, int ifindex, char *buf,
			size_t len)
{
	const struct model_link *l = model_link_by_index(ns, ifindex);

	if (l)
		snprintf(buf, len, "%s", l->name);
	else
		snprintf(buf, len, "if%d", ifindex);
}

/* a new entry at the end of D */
static struct diff_event *diff_add(struct model_diff *d)
{
	struct diff_event *e;

	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 16;
		d->v = xrealloc(d->v, sizeof(*d->v) * (size_t)d->cap);
	}
	e = &d->v[d->n++];
	memset(e, 0, sizeof(*e));
	return e;
}

/* what E needs of change CH in NS: links and their masters' names, an
 * address in words and its link, a route in words */
static void diff_fill(struct diff_event *e, struct model_ns *ns,
		      const struct model_change *ch)
{
	char buf[64];

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

/* the model_listen() callback: copy what changed */
static void diff_cb(void *ctx, const struct model_change *ch)
{
	struct model_diff *d = ctx;
	struct model_ns *ns = (struct model_ns *)ch->ns;
	struct diff_event *e;

	if ((ch->what == MODEL_ROUTE_ADD || ch->what == MODEL_ROUTE_DEL) &&
	    ch->route->protocol == RTPROT_KERNEL)
		return;
	if (d->no_auto && ch->addr && show_link_local(ch->addr))
		return;	/* the kernel's own, and late: not the step's */
	e = diff_add(d);
	e->what = ch->what;
	e->dev = ns->dev;
	e->ino = ns->ino;
	snprintf(e->ns, sizeof(e->ns), "%s", model_ns_label(ns));
	diff_fill(e, ns, ch);
}

/* diff_begin: see diff.h */
void diff_begin(struct model_diff *d)
{
	model_listen(diff_cb, d);
}

/* diff_end: see diff.h */
void diff_end(struct model_diff *d)
{
	model_unlisten(diff_cb, d);
	free(d->v);
	d->v = NULL;
	d->n = d->cap = 0;
}

/* diff_clear: see diff.h */
void diff_clear(struct model_diff *d)
{
	d->n = 0;
}

/* the link deleted in D and the link added in A are one link that moved
 * from one namespace to another: same MAC (not zero), same kind */
static bool same_link(const struct diff_event *d, const struct diff_event *a)
{
	static const unsigned char zero[6];

	return a->what == MODEL_LINK_ADD && !a->skip &&
	       (a->dev != d->dev || a->ino != d->ino) &&
	       a->link.has_mac && d->link.has_mac &&
	       !memcmp(a->link.mac, d->link.mac, 6) &&
	       memcmp(a->link.mac, zero, 6) &&
	       streq(a->link.kind, d->link.kind);
}

/*
 * diff_pair (diff.h).  (A port leaving its bridge is no deletion any
 * more: the model ignores the bridge's AF_BRIDGE port messages, whose
 * RTM_DELLINK only meant that.)
 */
int diff_pair(struct model_diff *df)
{
	int unpaired = 0;

	for (int i = 0; i < df->n; i++) {
		struct diff_event *d = &df->v[i];

		if (d->what != MODEL_LINK_DEL || d->moved)
			continue;
		for (int k = i + 1; k < df->n && !d->moved; k++) {
			if (!same_link(d, &df->v[k]))
				continue;
			d->moved = df->v[k].skip = true;
			d->pair = k;
		}
		unpaired += !d->moved;
	}
	return unpaired;
}
