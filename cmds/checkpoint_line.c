/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * checkpoint_line.c - a running-config line as going back to a state
 * reads it (cmds/checkpoint_diff.c): its kind, the namespace and link it
 * is about, the attribute it sets and the line that takes it back
 * (`add` → `del`, `up` → `down`, `master B` → `nomaster`, an MTU or a
 * sysctl → its default).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "checkpoint.h"

/* the words of LINE (single quotes kept: a word is compared as written) */
static int split(const char *line, char w[][256], int max)
{
	int n = 0;

	while (*line && n < max) {
		size_t k = 0;
		bool q = false;

		line += strspn(line, " \t");
		if (!*line)
			break;
		while (*line && (q || (*line != ' ' && *line != '\t'))) {
			if (*line == '\'')
				q = !q;
			if (k < 255)
				w[n][k++] = *line;
			line++;
		}
		w[n++][k] = '\0';
	}
	return n;
}

/* the default a sysctl of the running-config goes back to */
static const char *sysctl_default(const char *key)
{
	return strstr(key, "bridge-nf-call") ? "1" : "0";
}

static void parse_sysctl(struct pline *p, char w[][256], int n, int i,
			 const char *pre)
{
	char *eq;

	if (i + 2 != n || !streq(w[i], "sysctl") || !streq(w[i + 1], "-w") ||
	    !(eq = strchr(w[i + 2], '=')))
		return;
	*eq = '\0';
	p->type = L_SYSCTL;
	snprintf(p->key, sizeof(p->key), "%s|%s", p->ns, w[i + 2]);
	snprintf(p->undo, sizeof(p->undo), "%ssysctl -w %s=%s", pre,
		 w[i + 2], sysctl_default(w[i + 2]));
}

/* `link add A type bridge` / `type veth peer name B [netns NS]` */
static void parse_link_add(struct pline *p, char w[][256], int n, int i,
			   const char *pre)
{
	p->type = L_LINK;
	snprintf(p->link, sizeof(p->link), "%s", w[i + 2]);
	snprintf(p->undo, sizeof(p->undo), "%s link del %s", pre, w[i + 2]);
	for (int k = i + 3; k + 2 < n; k++)
		if (streq(w[k], "peer") && streq(w[k + 1], "name")) {
			snprintf(p->peer, sizeof(p->peer), "%s", w[k + 2]);
			snprintf(p->peer_ns, sizeof(p->peer_ns), "%s", p->ns);
		}
	for (int k = i + 3; k + 1 < n; k++)
		if (streq(w[k], "netns"))
			snprintf(p->peer_ns, sizeof(p->peer_ns), "%s",
				 w[k + 1]);
}

static void parse_link_set(struct pline *p, char w[][256], int n, int i,
			   const char *pre)
{
	const char *a = w[i + 2];

	snprintf(p->link, sizeof(p->link), "%s", a);
	if (n == i + 4 && streq(w[i + 3], "up")) {
		p->type = L_UP;
		snprintf(p->key, sizeof(p->key), "%s|%s|up", p->ns, a);
		snprintf(p->undo, sizeof(p->undo), "%s link set %s down", pre,
			 a);
	} else if (n == i + 5 && streq(w[i + 3], "mtu")) {
		p->type = L_MTU;
		snprintf(p->key, sizeof(p->key), "%s|%s|mtu", p->ns, a);
		snprintf(p->undo, sizeof(p->undo), "%s link set %s mtu %s",
			 pre, a, streq(a, "lo") ? "65536" : "1500");
	} else if (n == i + 5 && streq(w[i + 3], "master")) {
		p->type = L_MASTER;
		snprintf(p->peer, sizeof(p->peer), "%s", w[i + 4]);
		snprintf(p->peer_ns, sizeof(p->peer_ns), "%s", p->ns);
		snprintf(p->key, sizeof(p->key), "%s|%s|master", p->ns, a);
		snprintf(p->undo, sizeof(p->undo), "%s link set %s nomaster",
			 pre, a);
	}
}

/* `addr add X dev A …` → `addr del X dev A`; `route add …` → `route del
 * …` (the same words) */
static void parse_add(struct pline *p, char w[][256], int n, int i,
		      const char *pre)
{
	int o;

	p->type = streq(w[i], "addr") ? L_ADDR : L_ROUTE;
	for (int k = i + 2; k + 1 < n; k++)
		if (streq(w[k], "dev"))
			snprintf(p->link, sizeof(p->link), "%s", w[k + 1]);
	if (p->type == L_ADDR) {
		snprintf(p->undo, sizeof(p->undo), "%s addr del %s dev %s",
			 pre, w[i + 2], p->link);
		return;
	}
	o = snprintf(p->undo, sizeof(p->undo), "%s route del", pre);
	for (int k = i + 2; k < n && o < (int)sizeof(p->undo); k++)
		o += snprintf(p->undo + o, sizeof(p->undo) - (size_t)o, " %s",
			      w[k]);
}

/* `ip [-n NS] [-6] OBJECT …` */
static void parse_ip(struct pline *p, char w[][256], int n)
{
	char pre[300];
	int i = 1;

	if (n > 3 && streq(w[1], "-n")) {
		snprintf(p->ns, sizeof(p->ns), "%s", w[2]);
		i = 3;
	}
	snprintf(pre, sizeof(pre), "ip%s%s", *p->ns ? " -n " : "", p->ns);
	if (i + 1 < n && streq(w[i], "-6")) {
		snprintf(pre + strlen(pre), sizeof(pre) - strlen(pre), " -6");
		i++;
	}
	if (i + 2 >= n)
		return;
	if (streq(w[i], "netns") && streq(w[i + 1], "add") && i + 3 == n) {
		p->type = L_NS;
		snprintf(p->ns, sizeof(p->ns), "%s", w[i + 2]);
		snprintf(p->undo, sizeof(p->undo), "ip netns del %s",
			 w[i + 2]);
	} else if (streq(w[i], "netns") && streq(w[i + 1], "exec")) {
		snprintf(p->ns, sizeof(p->ns), "%s", w[i + 2]);
		snprintf(pre, sizeof(pre), "ip netns exec %s ", w[i + 2]);
		parse_sysctl(p, w, n, i + 3, pre);
	} else if (streq(w[i], "link") && streq(w[i + 1], "add")) {
		parse_link_add(p, w, n, i, pre);
	} else if (streq(w[i], "link") && streq(w[i + 1], "set")) {
		parse_link_set(p, w, n, i, pre);
	} else if ((streq(w[i], "addr") || streq(w[i], "route")) &&
		   streq(w[i + 1], "add")) {
		parse_add(p, w, n, i, pre);
	}
}

static void parse_line(struct pline *p, const char *line)
{
	static char w[48][256];
	int n = split(line, w, 48);

	*p = (struct pline){ .text = line };
	if (n >= 2 && streq(w[0], "spawn")) {
		p->type = L_SPAWN;
		snprintf(p->ns, sizeof(p->ns), "%s", w[1]);
		snprintf(p->undo, sizeof(p->undo), "kill %s", w[1]);
	} else if (n >= 1 && streq(w[0], "sysctl")) {
		parse_sysctl(p, w, n, 0, "");
	} else if (n >= 3 && streq(w[0], "ip")) {
		parse_ip(p, w, n);
	}
}

/* snap_parse: see checkpoint.h */
struct pline *snap_parse(const struct snap *s)
{
	struct pline *v = xcalloc((size_t)s->n + 1, sizeof(*v));

	for (int i = 0; i < s->n; i++)
		parse_line(&v[i], s->lines[i]);
	return v;
}
