/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * host_view.c - one view of a lab over several hosts: `show topology`
 * draws each host's part (its agent's drawing) under the host's name and
 * then the cables between hosts; `show path HOST:NS TARGET` follows a
 * path across a VXLAN cable to the other host and on there.
 *
 * The cables between hosts are found in the kernels, not remembered: each
 * host's VXLAN devices (every named namespace and the host's own) are
 * listed with their VNI, remote and underlay, and two devices are the two
 * ends of one cable when their VNIs match and each one's remote is the
 * other's host.  So the view is the same from any controller, whichever
 * session made the lab.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "host.h"
#include "term.h"

#define VX_MAX 256

/* a VXLAN device on a host */
struct vx {
	struct nsh_host *h;
	char ns[256];		/* "" for the host's own namespace */
	char dev[16], ul[16];
	char remote[64], local[64];
	unsigned vni, port;
	char master[16];	/* the bridge it is a port of (span's) */
};

struct vxset {
	struct vx v[VX_MAX];
	int n;
};

/* the word after " KEY " in LINE into BUF: true if there is one */
static bool field(const char *line, const char *key, char *buf, size_t len)
{
	char k[32];
	const char *p;

	snprintf(k, sizeof(k), " %s ", key);
	if (!(p = strstr(line, k)))
		return false;
	p += strlen(k);
	snprintf(buf, len, "%.*s", (int)strcspn(p, " \\\n"), p);
	return buf[0] != '\0';
}

/* one `ip -d -o link` line of a VXLAN device into S (in namespace NS) */
static void vx_line(struct vxset *s, struct nsh_host *h, const char *ns,
		    const char *line)
{
	struct vx *v = &s->v[s->n];
	char num[32];
	const char *name = strchr(line, ':');

	if (s->n == VX_MAX || !name || !strstr(line, " vxlan id "))
		return;
	memset(v, 0, sizeof(*v));
	v->h = h;
	snprintf(v->ns, sizeof(v->ns), "%s", ns);
	name += 2;
	snprintf(v->dev, sizeof(v->dev), "%.*s", (int)strcspn(name, ":@"),
		 name);
	v->vni = field(line, "id", num, sizeof(num)) ? (unsigned)atoi(num) : 0;
	v->port = field(line, "dstport", num, sizeof(num)) ?
			  (unsigned)atoi(num) : 0;
	field(line, "remote", v->remote, sizeof(v->remote));
	field(line, "local", v->local, sizeof(v->local));
	field(line, "dev", v->ul, sizeof(v->ul));
	field(line, "master", v->master, sizeof(v->master));
	s->n++;
}

/* a device moved into a namespace names its underlay in the host's
 * namespace by index ("if2"): its name there, from LINKS (ip -o link) */
static void ul_name(char *ul, size_t len, const char *links)
{
	char key[32];
	int idx;

	if (sscanf(ul, "if%d", &idx) != 1)
		return;
	snprintf(key, sizeof(key), "%d: ", idx);
	for (const char *p = links; p && *p; p = strchr(p, '\n')) {
		if (*p == '\n')
			p++;
		if (!strncmp(p, key, strlen(key))) {
			p += strlen(key);
			snprintf(ul, len, "%.*s", (int)strcspn(p, ":@"), p);
			return;
		}
	}
}

/* every VXLAN device of H into S: 0, or 1 after an error line */
static int vx_scan(struct nsh *sh, struct nsh_host *h, struct vxset *s)
{
	_cleanup_free_ char *out = NULL, *links = NULL;
	char ns[256] = "";
	int first = s->n;

	if (host_run(sh, h, "ip -o link show", &links) ||
	    host_run(sh, h, "ip -d -o link show type vxlan; "
			    "ip -all netns exec ip -d -o link show type vxlan",
		     &out))
		return 1;
	for (char *l = strtok(out, "\n"); l; l = strtok(NULL, "\n"))
		if (!strncmp(l, "netns: ", 7))
			snprintf(ns, sizeof(ns), "%s", l + 7);
		else
			vx_line(s, h, ns, l);
	for (int i = first; i < s->n; i++)
		ul_name(s->v[i].ul, sizeof(s->v[i].ul), links);
	return 0;
}

static int vx_scan_all(struct nsh *sh, struct vxset *s)
{
	s->n = 0;
	for (struct nsh_host *h = sh->hosts; h; h = h->next)
		if (h->state == HOST_UP && vx_scan(sh, h, s))
			return 1;
	return 0;
}

/* the other end of V's cable, or NULL */
static const struct vx *peer(const struct vxset *s, const struct vx *v)
{
	for (int i = 0; i < s->n; i++) {
		const struct vx *w = &s->v[i];

		if (w != v && w->vni == v->vni && w->h != v->h &&
		    streq(w->remote, v->local) && streq(v->remote, w->local))
			return w;
	}
	return NULL;
}

static const char *ns_or_host(const struct vx *v)
{
	return v->ns[0] ? v->ns : "(host)";
}

/* the cables between hosts, each once; the spanned bridges' ports */
static void print_cables(struct nsh *sh, const struct vxset *s)
{
	bool any = false;

	for (int i = 0; i < s->n; i++) {
		const struct vx *v = &s->v[i], *w = peer(s, v);

		if (!w || w < v)
			continue;
		if (!any)
			printf("between hosts:\n");
		any = true;
		printf("  %s:%s:%s %s VXLAN %u, UDP %u, %s %s %s %s %s %s "
		       "%s:%s:%s\n",
		       v->h->name, ns_or_host(v), v->dev, term_glyph("═", "="),
		       v->vni, v->port, v->ul, v->local,
		       term_glyph("↔", "<->"), w->ul, w->local,
		       term_glyph("═", "="), w->h->name, ns_or_host(w), w->dev);
	}
	for (int i = 0; i < s->n; i++) {
		const struct vx *v = &s->v[i];

		if (!v->master[0] || v->remote[0])
			continue;
		printf("  %s:%s:%s: bridge port, VXLAN %u, UDP %u over %s %s, "
		       "flooding to the other hosts\n",
		       v->h->name, ns_or_host(v), v->dev, v->vni, v->port,
		       v->ul, v->local);
	}
}

/* VIEW (a line) on each host, under the host's name; then the cables
 * between hosts */
static int each_host(struct nsh *sh, const char *view)
{
	struct vxset *s = calloc(1, sizeof(*s));
	int rc = 0;

	if (!s)
		return nsh_err(sh, "out of memory");
	for (struct nsh_host *h = sh->hosts; h; h = h->next) {
		printf("\nhost %s (%s, %s)%s%s\n", h->name, h->target,
		       host_state_name(h->state), h->state == HOST_UP ? "" :
		       ": ", h->state == HOST_UP ? "" : h->why);
		if (h->state == HOST_UP && host_run(sh, h, view, NULL))
			rc = 1;
	}
	if (!rc && !(rc = vx_scan_all(sh, s)))
		print_cables(sh, s);
	free(s);
	return rc;
}

int hosts_show_topology(struct nsh *sh)
{
	return each_host(sh, "show topology");
}

int hosts_show(struct nsh *sh)
{
	return each_host(sh, "show");
}

/* the VXLAN device DEV in NS on H, in S, or NULL */
static const struct vx *vx_find(const struct vxset *s, const struct nsh_host *h,
				const char *ns, const char *dev)
{
	for (int i = 0; i < s->n; i++)
		if (s->v[i].h == h && streq(s->v[i].ns, ns) &&
		    streq(s->v[i].dev, dev))
			return &s->v[i];
	return NULL;
}

/* show path from NS on H to ADDR, over a cable to another host if its
 * route leaves by one: the status */
static int path_over(struct nsh *sh, struct nsh_host *h, const char *ns,
		     const char *addr, struct vxset *s)
{
	_cleanup_free_ char *out = NULL, *q = sh_quoted(ns), *qa = sh_quoted(addr);
	const struct vx *v, *w;
	char dev[16];

	if (!q || !qa)
		return nsh_err(sh, "out of memory");
	if (host_runf(sh, h, &out, "ip -n %s -o route get %s 2>/dev/null", q,
		      qa) || !field(out, "dev", dev, sizeof(dev)) ||
	    vx_scan_all(sh, s) || !(v = vx_find(s, h, ns, dev)) ||
	    !(w = peer(s, v)))
		return host_runf(sh, h, NULL, "show path %s %s", q, qa);
	printf("%s:%s:%s %s VXLAN %u, UDP %u, over %s %s %s %s %s %s %s:%s:%s\n",
	       h->name, ns, v->dev, term_glyph("═", "="), v->vni, v->port,
	       v->ul, v->local, term_glyph("→", "->"), w->ul, w->local,
	       term_glyph("═", "="), w->h->name, ns_or_host(w), w->dev);
	fflush(stdout);
	if (!w->ns[0])
		return 0;
	free(q);
	q = sh_quoted(w->ns);
	return q ? host_runf(sh, w->h, NULL, "show path %s %s", q, qa) :
		   nsh_err(sh, "out of memory");
}

int hosts_show_path(struct nsh *sh, const char *from, const char *target,
		    bool json)
{
	const char *c = strchr(from, ':');
	struct nsh_host *h;
	struct vxset *s;
	char name[64];
	int rc;

	if (!c || c == from || (size_t)(c - from) >= sizeof(name))
		return -1;
	snprintf(name, sizeof(name), "%.*s", (int)(c - from), from);
	if (!(h = host_find(sh, name)))
		return -1;
	if (json || !strpbrk(target, ".:")) {	/* not an address */
		_cleanup_free_ char *q = sh_quoted(c + 1), *qt = sh_quoted(target);

		return q && qt ? host_runf(sh, h, NULL, "show path %s %s%s", q,
					   qt, json ? " -j" : "") :
				 nsh_err(sh, "out of memory");
	}
	if (!(s = calloc(1, sizeof(*s))))
		return nsh_err(sh, "out of memory");
	rc = path_over(sh, h, c + 1, target, s);
	free(s);
	return rc;
}

/* ------------------------------------------------------ running-config */

/* the addresses of V as lines that give them back */
static void config_addrs(struct nsh *sh, FILE *f, const struct vx *v)
{
	_cleanup_free_ char *out = NULL;
	char ns[300] = "";

	if (v->ns[0])
		snprintf(ns, sizeof(ns), "-n %s ", v->ns);
	if (host_runf(sh, v->h, &out, "ip %s-o addr show dev %s scope global",
		      ns, v->dev))
		return;
	for (char *l = strtok(out, "\n"); l; l = strtok(NULL, "\n")) {
		char a[80];

		if (field(l, "inet", a, sizeof(a)) ||
		    field(l, "inet6", a, sizeof(a)))
			fprintf(f, "%s: ip %saddr add %s dev %s\n", v->h->name,
				ns, a, v->dev);
	}
}

/* span BR H…: the hosts whose VXLAN port of VNI is a port of a bridge */
static void config_span(FILE *f, const struct vxset *s, int i)
{
	const struct vx *v = &s->v[i];

	for (int k = 0; k < i; k++)
		if (s->v[k].master[0] && !s->v[k].remote[0] &&
		    s->v[k].vni == v->vni)
			return;		/* said with its first port */
	fprintf(f, "span %s", v->master);
	for (int k = i; k < s->n; k++)
		if (s->v[k].master[0] && !s->v[k].remote[0] &&
		    s->v[k].vni == v->vni)
			fprintf(f, " %s%s%s", s->v[k].h->name,
				s->v[k].ns[0] ? ":" : "", s->v[k].ns);
	fprintf(f, "\n");
}

int hosts_config_cables(struct nsh *sh, FILE *f)
{
	struct vxset *s = calloc(1, sizeof(*s));
	bool any = false;

	if (!s)
		return nsh_err(sh, "out of memory");
	if (vx_scan_all(sh, s)) {
		free(s);
		return 1;
	}
	for (int i = 0; i < s->n; i++) {
		const struct vx *v = &s->v[i], *w = peer(s, v);

		if (!any && (w || (v->master[0] && !v->remote[0])))
			fprintf(f, "\n# between hosts\n");
		any = any || w || (v->master[0] && !v->remote[0]);
		if (v->master[0] && !v->remote[0])
			config_span(f, s, i);
		if (!w || w < v || !v->ns[0] || !w->ns[0])
			continue;
		fprintf(f, "link %s:%s:%s %s:%s:%s vni %u dstport %u\n",
			v->h->name, v->ns, v->dev, w->h->name, w->ns, w->dev,
			v->vni, v->port);
		config_addrs(sh, f, v);
		config_addrs(sh, f, w);
	}
	free(s);
	return 0;
}
