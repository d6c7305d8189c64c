/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * checkpoint_diff.c - going back to a state (cmds/checkpoint.c): the
 * running-config now and the target's compared line by line, and the
 * smallest change that turns one into the other applied, then checked.
 *
 *   - a line only now is undone, last first (routes, up, addresses,
 *     masters and MTUs, links, namespaces): `add` becomes `del`, `up`
 *     `down`, `master B` `nomaster`, an MTU or sysctl its default; a line
 *     about a link or namespace that is deleted anyway, or an attribute
 *     the target sets to another value, is left to that;
 *   - a veth whose end moved to another named namespace is moved back
 *     (`link set B netns NS`), not re-created;
 *   - a line only in the target runs, in running-config order, and so do
 *     the target's lines about a link that had to be made again (its
 *     addresses, master, up…).
 *
 * What the kernel undoes by itself (a link set down loses its IPv6
 * addresses) is caught by the check and a second pass; where that does
 * not reach the target either, the lab's namespaces are removed and the
 * target's config replayed, and nsh says so.
 */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmds.h"
#include "core.h"
#include "model.h"
#include "checkpoint.h"

/* ------------------------------------------------------------ the plan */

struct plan {
	struct pline *cur, *tgt;
	int ncur, ntgt;
	bool *rm, *add;		/* cur lines to undo, tgt lines to run */
	char (*gone)[320];	/* "NS|LINK" deleted (or moved away) */
	int ngone;
	char (*fresh)[320];	/* "NS|LINK" made anew (or moved in) */
	int nfresh;
	char (*moves)[600];	/* `ip -n FROM link set B netns TO` */
	bool *moved;		/* cur veth lines a move takes care of */
	int nmoves;
	bool stuck;		/* a line nsh cannot take back */
	char (*dirty)[320];	/* "NS|": namespaces with a line that differs
				 * (the fall-back makes them again) */
	int ndirty;
};

static void set_put(char (*v)[320], int *n, const char *ns, const char *l)
{
	snprintf(v[(*n)++], 320, "%s|%s", ns, l);
}

static bool set_has(char (*v)[320], int n, const char *ns, const char *l)
{
	char k[320];

	snprintf(k, sizeof(k), "%s|%s", ns, l);
	for (int i = 0; i < n; i++)
		if (streq(v[i], k))
			return true;
	return false;
}

static bool in_lines(const struct pline *v, int n, const char *text)
{
	for (int i = 0; i < n; i++)
		if (streq(v[i].text, text))
			return true;
	return false;
}

static bool ns_dirty(struct plan *p, const char *ns)
{
	return *ns && set_has(p->dirty, p->ndirty, ns, "");
}

/* line L's namespace (a veth's other end's too) among the dirty ones */
static void dirty_line(struct plan *p, const struct pline *l)
{
	if (*l->ns && !ns_dirty(p, l->ns))
		set_put(p->dirty, &p->ndirty, l->ns, "");
	if (l->type == L_LINK && !ns_dirty(p, l->peer_ns) && *l->peer_ns)
		set_put(p->dirty, &p->ndirty, l->peer_ns, "");
}

/* the fall-back's namespaces: those with a line only now or only in the
 * target */
static void plan_dirty(struct plan *p)
{
	for (int i = 0; i < p->ncur; i++)
		if (!in_lines(p->tgt, p->ntgt, p->cur[i].text))
			dirty_line(p, &p->cur[i]);
	for (int j = 0; j < p->ntgt; j++)
		if (!in_lines(p->cur, p->ncur, p->tgt[j].text))
			dirty_line(p, &p->tgt[j]);
}

static bool ns_gone(struct plan *p, const char *ns, bool full)
{
	if (!*ns)
		return false;
	for (int i = 0; i < p->ncur; i++)
		if ((p->cur[i].type == L_NS || p->cur[i].type == L_SPAWN) &&
		    streq(p->cur[i].ns, ns) &&
		    ((full && ns_dirty(p, ns)) ||
		     !in_lines(p->tgt, p->ntgt, p->cur[i].text)))
			return true;
	return false;
}

/*
 * A veth line only now (R) and one only in the target (A) of the same two
 * names, one end where it was: the other end moved; back it goes, when it
 * goes to a named namespace (never "netns 1": that is the host's init).
 */
static bool find_move(struct plan *p, const struct pline *r,
		      const struct pline *a)
{
	const char *from, *to, *name;

	if (!*r->peer || !*a->peer)
		return false;
	if (streq(r->link, a->link) && streq(r->peer, a->peer) &&
	    streq(r->ns, a->ns) && !streq(r->peer_ns, a->peer_ns)) {
		from = r->peer_ns, to = a->peer_ns, name = r->peer;
	} else if (streq(r->link, a->link) && streq(r->peer, a->peer) &&
		   streq(r->peer_ns, a->peer_ns) && !streq(r->ns, a->ns)) {
		from = r->ns, to = a->ns, name = r->link;
	} else if (streq(r->link, a->peer) && streq(r->peer, a->link) &&
		   streq(r->ns, a->peer_ns) && !streq(r->peer_ns, a->ns)) {
		from = r->peer_ns, to = a->ns, name = r->peer;
	} else if (streq(r->link, a->peer) && streq(r->peer, a->link) &&
		   streq(r->peer_ns, a->ns) && !streq(r->ns, a->peer_ns)) {
		from = r->ns, to = a->peer_ns, name = r->link;
	} else {
		return false;
	}
	if (!*to)
		return false;
	snprintf(p->moves[p->nmoves++], 600, "ip%s%s link set %s netns %s",
		 *from ? " -n " : "", from, name, to);
	set_put(p->gone, &p->ngone, from, name);
	set_put(p->fresh, &p->nfresh, to, name);
	return true;
}

/* links deleted, made, moved */
static void plan_links(struct plan *p, bool full)
{
	bool *used = xcalloc((size_t)p->ntgt + 1, sizeof(*used));

	for (int i = 0; i < p->ncur; i++) {
		const struct pline *r = &p->cur[i];

		if (r->type != L_LINK ||
		    in_lines(p->tgt, p->ntgt, r->text))
			continue;
		for (int j = 0; !full && j < p->ntgt && !p->moved[i]; j++)
			if (p->tgt[j].type == L_LINK && !used[j] &&
			    !in_lines(p->cur, p->ncur, p->tgt[j].text) &&
			    find_move(p, r, &p->tgt[j]))
				p->moved[i] = used[j] = true;
		if (p->moved[i])
			continue;
		set_put(p->gone, &p->ngone, r->ns, r->link);
		if (*r->peer)
			set_put(p->gone, &p->ngone, r->peer_ns, r->peer);
	}
	for (int j = 0; j < p->ntgt; j++) {
		const struct pline *a = &p->tgt[j];

		if (a->type != L_LINK || used[j] ||
		    (in_lines(p->cur, p->ncur, a->text) &&
		     !(full && (ns_dirty(p, a->ns) ||
				ns_dirty(p, a->peer_ns)))))
			continue;
		set_put(p->fresh, &p->nfresh, a->ns, a->link);
		if (*a->peer)
			set_put(p->fresh, &p->nfresh, a->peer_ns, a->peer);
	}
	free(used);
}

/* whether the target sets KEY (the attribute) to another value */
static bool key_reset(const struct plan *p, const char *key)
{
	for (int j = 0; *key && j < p->ntgt; j++)
		if (p->add[j] && streq(p->tgt[j].key, key))
			return true;
	return false;
}

static bool about_gone(const struct plan *p, const struct pline *l)
{
	if (*l->link && l->type != L_LINK &&
	    set_has(p->gone, p->ngone, l->ns, l->link))
		return true;
	return l->type == L_MASTER &&
	       set_has(p->gone, p->ngone, l->peer_ns, l->peer);
}

static void plan_lines(struct plan *p, bool full)
{
	for (int j = 0; j < p->ntgt; j++) {
		const struct pline *a = &p->tgt[j];

		p->add[j] = !in_lines(p->cur, p->ncur, a->text) ||
			    (full && ns_dirty(p, a->ns)) ||
			    (*a->link && set_has(p->fresh, p->nfresh, a->ns,
						 a->link)) ||
			    (a->type == L_MASTER &&
			     set_has(p->fresh, p->nfresh, a->peer_ns,
				     a->peer));
	}
	for (int i = 0; i < p->ncur; i++) {
		const struct pline *r = &p->cur[i];
		bool nsline = r->type == L_NS || r->type == L_SPAWN;

		if (p->moved[i] ||
		    ((!full || !nsline || !ns_dirty(p, r->ns)) &&
		     in_lines(p->tgt, p->ntgt, r->text)))
			continue;
		if (!nsline && ns_gone(p, r->ns, full))
			continue;
		if (about_gone(p, r) || key_reset(p, r->key))
			continue;
		if (r->type == L_OTHER || !*r->undo)
			p->stuck = true;
		else
			p->rm[i] = true;
	}
}

static void plan_free(struct plan *p)
{
	free(p->cur);
	free(p->tgt);
	free(p->rm);
	free(p->add);
	free(p->gone);
	free(p->fresh);
	free(p->moves);
	free(p->moved);
	free(p->dirty);
}

/* what turns NOW into TARGET (FULL: the namespaces made again) */
static void plan_make(struct plan *p, const struct snap *now,
		      const struct snap *target, bool full)
{
	size_t nl = (size_t)now->n + (size_t)target->n + 1;

	*p = (struct plan){ .cur = snap_parse(now), .ncur = now->n,
			    .tgt = snap_parse(target), .ntgt = target->n };
	p->rm = xcalloc((size_t)now->n + 1, sizeof(*p->rm));
	p->moved = xcalloc((size_t)now->n + 1, sizeof(*p->moved));
	p->add = xcalloc((size_t)target->n + 1, sizeof(*p->add));
	p->gone = xcalloc(2 * nl, sizeof(*p->gone));
	p->fresh = xcalloc(2 * nl, sizeof(*p->fresh));
	p->moves = xcalloc(nl, sizeof(*p->moves));
	p->dirty = xcalloc(2 * nl, sizeof(*p->dirty));
	if (full)
		plan_dirty(p);
	plan_links(p, full);
	plan_lines(p, full);
}

/* ------------------------------------------------------------ applying */

/* run LINE quietly (its output and errors: the check after tells) */
static int run_quiet(struct nsh *sh, const char *line, int *count)
{
	(*count)++;
	return nsh_run_line(sh, line, NSH_RUN) ? 1 : 0;
}

/* the plan's lines, in the host's namespace; how many failed */
static int plan_run(struct nsh *sh, const struct plan *p, int *count)
{
	int failed = 0;

	for (int i = p->ncur - 1; i >= 0; i--)
		if (p->rm[i])
			failed += run_quiet(sh, p->cur[i].undo, count);
	for (int j = 0; j < p->ntgt; j++)
		if (p->add[j] && (p->tgt[j].type == L_NS ||
				  p->tgt[j].type == L_SPAWN))
			failed += run_quiet(sh, p->tgt[j].text, count);
	for (int k = 0; k < p->nmoves; k++)
		failed += run_quiet(sh, p->moves[k], count);
	for (int j = 0; j < p->ntgt; j++)
		if (p->add[j] && p->tgt[j].type != L_NS &&
		    p->tgt[j].type != L_SPAWN)
			failed += run_quiet(sh, p->tgt[j].text, count);
	teardown_wait(sh);
	return failed;
}

struct quiet {
	int out, err;
	struct nsh_ns saved;
	bool pushed;
};

static void quiet_begin(struct nsh *sh, struct quiet *q)
{
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	struct nsh_ns home = sh->home;

	fflush(stdout);
	fflush(stderr);
	q->out = dup(1);
	q->err = dup(2);
	if (null >= 0) {
		dup2(null, 1);
		dup2(null, 2);
		close(null);
	}
	q->pushed = ns_push(sh, &home, &q->saved) == 0;
	sh->replaying = true;
	checkpoint_busy = true;
}

static void quiet_end(struct nsh *sh, struct quiet *q)
{
	checkpoint_busy = false;
	sh->replaying = false;
	if (q->pushed)
		ns_pop(sh, &q->saved);
	fflush(stdout);
	fflush(stderr);
	if (q->out >= 0) {
		dup2(q->out, 1);
		close(q->out);
	}
	if (q->err >= 0) {
		dup2(q->err, 2);
		close(q->err);
	}
}

/* whether the lab is at TARGET; events still on their way (an IPv6
 * address is told from the kernel's DAD work, a moment later) are waited
 * for, up to MS milliseconds */
static bool reached(struct nsh *sh, const struct snap *target, int ms)
{
	unsigned long long end = now_ns() + (unsigned long long)ms * 1000000;
	bool same = false;

	for (;;) {
		struct pollfd fds[4];
		struct snap after;
		int n;

		(void)model_get(sh);
		if (snap_take(sh, &after, NULL))
			return false;
		same = snap_same(&after, target);
		snap_free(&after);
		if (same || now_ns() >= end)
			return same;
		ms = (int)((end - now_ns()) / 1000000) + 1;
		n = model_pollfds(fds, 4);
		if (poll(fds, (nfds_t)n, ms) <= 0)
			return same;
		model_ready(sh, fds, n);
	}
}

/* one pass: plan NOW → TARGET and run it; 1 if the state is not TARGET
 * after it, *COUNT: lines run */
static int pass(struct nsh *sh, const struct snap *target, bool full,
		int *count, bool *stuck)
{
	struct snap now;
	struct plan p;
	struct quiet q;
	bool v6 = false;

	if (snap_take(sh, &now, NULL))
		return 1;
	plan_make(&p, &now, target, full);
	*stuck = p.stuck;
	for (int j = 0; j < p.ntgt; j++)	/* an IPv6 address added */
		v6 |= p.add[j] && p.tgt[j].type == L_ADDR &&
		      strchr(p.tgt[j].text, ':');
	quiet_begin(sh, &q);
	(void)plan_run(sh, &p, count);
	quiet_end(sh, &q);
	plan_free(&p);
	snap_free(&now);
	return reached(sh, target, v6 ? 200 : 20) ? 0 : 1;
}

/* go_to: see checkpoint.h */
int go_to(struct nsh *sh, const struct snap *target, const char *what)
{
	struct watch *w;
	struct snap now;
	int count = 0, rc;
	bool stuck = false, same;
	unsigned long long t0 = now_ns();

	if (snap_take(sh, &now, NULL))
		return 1;
	same = snap_same(&now, target);
	snap_free(&now);
	if (same) {
		printf("(the lab is already at %s)\n", what);
		return 0;
	}
	w = watch_begin(sh);
	rc = pass(sh, target, false, &count, &stuck);
	if (rc && !stuck)	/* what the kernel undid by itself (an IPv6
				 * address of a link set down): once more */
		rc = pass(sh, target, false, &count, &stuck);
	if (rc) {
		printf("(%s could not be reached by minimal changes%s: the "
		       "lab's namespaces are removed and its config replayed)"
		       "\n", what, stuck ? " (a line nsh cannot take back)" :
		       "");
		rc = pass(sh, target, true, &count, &stuck);
	}
	fflush(stdout);
	watch_end(sh, w);
	if (rc)
		return nsh_err(sh, "%s: the lab differs from it still (see "
				   "'show running-config')", what);
	printf("(back to %s: %d command%s in %.1f ms)\n", what, count,
	       count == 1 ? "" : "s", (double)(now_ns() - t0) / 1e6);
	return 0;
}

