/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * watch.c - `watch [-j]`: the model's changes in words until Ctrl-C, and
 * the same narration of a --step's diff (watch_begin, watch_end).  The
 * changes are collected by the engine (shell/lab/diff.h) as one
 * model_ready() reports them, then told, so that a link that left one
 * namespace and appeared in another (same MAC, same kind) is told as one
 * move.  Changes the kernel makes on its own behalf (its prefix routes)
 * are left out: they follow from the addresses.
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
 *   host                       host, text: a change on one of the lab's
 *                              other hosts (told by its agent)
 */
#include "config.h"

#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>

#include "cmds.h"
#include "diff.h"
#include "host.h"
#include "model.h"
#include "show.h"
#include "term.h"

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#endif

extern volatile sig_atomic_t nsh_interrupted;

/* how often `watch` asks the lab's hosts for their changes: the agents
 * collect them as they come, the controller fetches them in turn */
#define HOSTS_POLL_MS 250

struct watch {
	struct model_diff d;	/* what changed, not told yet */
	bool json;
	bool failed;		/* stdout is gone */
	bool marks;		/* --step: "  + …", "  - …", "  ~ …" */
};

/* print one event: the TEXT line, or its JSON object with "event",
 * "netns", "link" (when not NULL), K1: V1 and K2: V2 (when not NULL) */
static void say(struct watch *w, const struct diff_event *e, const char *event,
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
static void tell_change(struct watch *w, const struct diff_event *e)
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
static void tell_add(struct watch *w, struct model *m,
		     const struct diff_event *e)
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
		 *p ? term_glyph(" ↔ ", " <-> ") : "", p,
		 *e->link.kind ? ")" : "");
	say(w, e, "link-add", e->link.name, t, "kind", e->link.kind, "peer",
	    *p ? p : NULL);
}

/* a namespace came or went */
static void tell_ns(struct watch *w, const struct diff_event *e)
{
	bool add = e->what == MODEL_NS_ADD;
	char t[600];

	snprintf(t, sizeof(t), "%c namespace %s", add ? '+' : '-', e->ns);
	say(w, e, add ? "netns-add" : "netns-del", NULL, t, NULL, NULL, NULL,
	    NULL);
}

/* a link deleted, or moved to another namespace (paired by diff_pair) */
static void tell_del(struct watch *w, const struct diff_event *e)
{
	const char *n = e->link.name;
	char t[600];

	if (e->moved) {
		const struct diff_event *a = &w->d.v[e->pair];
		bool same = streq(a->link.name, n);

		snprintf(t, sizeof(t), "%s: %s moved to %s%s%s", e->ns, n,
			 a->ns, same ? "" : " as ", same ? "" : a->link.name);
		say(w, e, "link-move", n, t, "to", a->ns, "name",
		    a->link.name);
		return;
	}
	snprintf(t, sizeof(t), "%s: link %s deleted", e->ns, n);
	say(w, e, "link-del", n, t, NULL, NULL, NULL, NULL);
}

/* an address added or removed */
static void tell_addr(struct watch *w, const struct diff_event *e)
{
	bool add = e->what == MODEL_ADDR_ADD;
	const char *fam = e->family == AF_INET6 ? "inet6" : "inet";
	char t[600];

	snprintf(t, sizeof(t), "%s: %s %s %s", e->ns, e->text,
		 add ? "added on" : "removed from", e->dev_name);
	say(w, e, add ? "addr-add" : "addr-del", e->dev_name, t, "address",
	    e->text, "family", fam);
}

/* a route added or deleted */
static void tell_route(struct watch *w, const struct diff_event *e)
{
	bool add = e->what == MODEL_ROUTE_ADD;
	char t[600];

	snprintf(t, sizeof(t), "%s: route %s %s", e->ns, e->text,
		 add ? "added" : "deleted");
	say(w, e, add ? "route-add" : "route-del", NULL, t, "route", e->text,
	    NULL, NULL);
}

/* narrate what one model_ready() changed, and forget it */
static void watch_flush(struct watch *w, struct model *m, bool resynced)
{
	if (resynced) {
		struct diff_event e = { .ns = "host" };

		say(w, &e, "resync", NULL,
		    "! events were lost: the model was reloaded", NULL, NULL,
		    NULL, NULL);
		diff_clear(&w->d);
		return;
	}
	diff_pair(&w->d);
	for (int i = 0; i < w->d.n && !w->failed; i++) {
		const struct diff_event *e = &w->d.v[i];

		if (e->skip)
			continue;
		switch (e->what) {
		case MODEL_NS_ADD:
		case MODEL_NS_DEL:
			tell_ns(w, e);
			break;
		case MODEL_LINK_ADD:
			tell_add(w, m, e);
			break;
		case MODEL_LINK_DEL:
			tell_del(w, e);
			break;
		case MODEL_LINK_CHANGE:
			tell_change(w, e);
			break;
		case MODEL_ADDR_ADD:
		case MODEL_ADDR_DEL:
			tell_addr(w, e);
			break;
		case MODEL_ROUTE_ADD:
		case MODEL_ROUTE_DEL:
			tell_route(w, e);
			break;
		}
	}
	diff_clear(&w->d);
}

/* SIGTERM ends `watch` as Ctrl-C does */
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

/* the hosts' changes, Ctrl-C let through while their answers are awaited
 * (the signals are blocked but in ppoll; host_call checks for them) */
static void watch_hosts(struct nsh *sh, const struct watch *w,
			const sigset_t *mask, bool more)
{
	sigset_t blocked;

	sigprocmask(SIG_SETMASK, mask, &blocked);
	hosts_watch(sh, w->json, more);
	sigprocmask(SIG_SETMASK, &blocked, NULL);
}

/* watch_begin: see nsh.h */
struct watch *watch_begin(struct nsh *sh)
{
	struct watch *w = calloc(1, sizeof(*w));

	if (!w || !model_get(sh)) {
		free(w);
		return NULL;
	}
	w->marks = w->d.no_auto = true;
	diff_begin(&w->d);
	return w;
}

/* watch_end: see nsh.h */
void watch_end(struct nsh *sh, struct watch *w)
{
	struct model *m;

	if (!w)
		return;
	m = model_get(sh);
	/* a link that left a namespace may arrive in another a moment later */
	for (int i = 0; m && i < 3 && diff_pair(&w->d) > 0; i++)
		watch_wait(sh, 20, NULL);
	if (m)
		watch_flush(w, m, false);
	diff_end(&w->d);
	free(w);
}

/*
 * watch [-j] - narrate the model's changes until Ctrl-C (or SIGTERM).
 * SIGINT and SIGTERM are blocked but while waiting (ppoll), so that one
 * arriving between the check and the wait is not missed.
 */
int cmd_watch(struct nsh *sh, const struct nsh_args *a)
{
	struct watch w = { .json = arg_has(a, "-j") };
	bool remote = hosts_any_up(sh);
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
	diff_begin(&w.d);
	if (remote)	/* the agents collect from now on */
		watch_hosts(sh, &w, &oldmask, true);
	fprintf(stderr, "watching %d namespace%s%s; Ctrl-C stops\n", m->nns,
		m->nns == 1 ? "" : "s", remote ? " and the lab's hosts" : "");
	while (!nsh_interrupted && !w.failed) {
		unsigned long resyncs = m->resyncs;

		watch_wait(sh, remote ? HOSTS_POLL_MS : -1, &oldmask);
		/* a link that left a namespace may arrive in another
		 * in the next batch: give it a moment */
		for (int i = 0; i < 3 && diff_pair(&w.d) > 0; i++)
			watch_wait(sh, 20, &oldmask);
		watch_flush(&w, m, resyncs != m->resyncs);
		if (remote && !nsh_interrupted)
			watch_hosts(sh, &w, &oldmask, true);
	}
	diff_end(&w.d);
	sigprocmask(SIG_SETMASK, &oldmask, NULL);
	sigaction(SIGTERM, &oldterm, NULL);
	nsh_interrupted = 0;
	if (remote)	/* the last changes there, and no more collected */
		hosts_watch(sh, w.json, false);
	return w.failed ? 1 : 0;
}
