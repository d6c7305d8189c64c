/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * config.c - the lab as a script.
 *
 * `show running-config` prints the state of every namespace, read from the
 * live model (plus a few sysctls from /proc/sys), as a minimal .nsh script
 * that rebuilds it in a fresh sandbox: each link is born where it lives
 * (no moves), each veth pair is made once, and the lines come in an order
 * that always works:
 *
 *   1. namespaces: `ip netns add NS`, `spawn LABEL` for those nsh spawned
 *      (a namespace held by another process cannot be made: a comment);
 *   2. bridges, 3. veth pairs (`ip [-n NS] link add A type veth peer name
 *      B [netns NS2]`), 4. MTUs that are not the default, 5. masters,
 *   6. addresses (not IPv6 link-local, not the loopback's own when it is
 *      up; with their brd, label, nodad, noprefixroute), 7. links that
 *      are up (lo included), 8. routes someone added (protocol boot or
 *      static, main table; with src, onlink), 9. sysctls that differ from
 *      their defaults: net.ipv4.ip_forward and net.ipv6.conf.all.forwarding
 *      in each namespace, net.bridge.bridge-nf-call-* in the host's.
 *
 * The lines are iproute2's and procps's own (`ip -n NS …`, `sysctl -w`,
 * `ip netns exec NS sysctl -w`): without `spawn`, sh runs the script too.
 * `save FILE` writes the same through FILE.tmp and a rename.  `record` is
 * in shell/record.c.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <net/if.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "core.h"
#include "model.h"
#include "show.h"
#include "probe.h"


/* how a namespace can be made again */
enum how {
	HOW_HOST,	/* where the script runs */
	HOW_NAMED,	/* ip netns add NAME */
	HOW_SPAWNED,	/* spawn LABEL */
	HOW_FOREIGN,	/* held by a process nsh did not start: cannot */
};

struct rc_ns {
	struct model_ns *ns;
	enum how how;
	char word[300];			/* its name or label, quoted */
	char ref[256];			/* the same, unquoted */
	char ip[320];			/* "ip" or "ip -n WORD" */
	struct model_link **links;	/* by name */
};

struct rc {
	struct nsh *sh;
	struct model *m;
	FILE *f;
	struct rc_ns *v;
	int n;
	const struct model_link **made;	/* links the script creates */
	int nmade, capmade;
};

/* ------------------------------------------------------------ helpers */

static bool same_file(const char *path, dev_t dev, ino_t ino)
{
	struct stat st;

	return stat(path, &st) == 0 && st.st_dev == dev && st.st_ino == ino;
}

/* the spawn label whose process holds NS, or NULL */
static const char *spawned_label(const struct model_ns *ns)
{
	const char *labels[256];
	pid_t pids[256];
	int n = spawn_list(labels, pids, 256);

	for (int i = 0; i < n; i++) {
		char path[64];

		snprintf(path, sizeof(path), "/proc/%d/ns/net", (int)pids[i]);
		if (same_file(path, ns->dev, ns->ino))
			return labels[i];
	}
	return NULL;
}

/* sort the namespaces out: how each can be made, and its words */
static void classify(struct rc *c)
{
	for (int i = 0; i < c->n; i++) {
		struct rc_ns *r = &c->v[i];
		char path[PATH_MAX];
		const char *label;

		r->how = HOW_FOREIGN;
		snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR,
			 r->ns->name);
		if (i == 0) {
			r->how = HOW_HOST;
		} else if (r->ns->name[0] && !strchr(r->ns->name, '/') &&
			   same_file(path, r->ns->dev, r->ns->ino)) {
			r->how = HOW_NAMED;
			snprintf(r->ref, sizeof(r->ref), "%s", r->ns->name);
		} else if ((label = spawned_label(r->ns))) {
			r->how = HOW_SPAWNED;
			snprintf(r->ref, sizeof(r->ref), "%s", label);
		}
		if ((r->how == HOW_NAMED || r->how == HOW_SPAWNED) &&
		    !record_quote(r->ref, r->word, sizeof(r->word)))
			r->how = HOW_FOREIGN;
		if (r->how == HOW_NAMED || r->how == HOW_SPAWNED)
			snprintf(r->ip, sizeof(r->ip), "ip -n %s", r->word);
		else
			snprintf(r->ip, sizeof(r->ip), "ip");
		r->links = show_links(r->ns, true);
	}
}

static struct rc_ns *rc_find(struct rc *c, const struct model_ns *ns)
{
	for (int i = 0; i < c->n; i++)
		if (c->v[i].ns == ns)
			return &c->v[i];
	return NULL;
}

static bool is_made(const struct rc *c, const struct model_link *l)
{
	for (int i = 0; i < c->nmade; i++)
		if (c->made[i] == l)
			return true;
	return false;
}

static void set_made(struct rc *c, const struct model_link *l)
{
	if (c->nmade == c->capmade) {
		c->capmade = c->capmade ? 2 * c->capmade : 16;
		c->made = realloc(c->made, sizeof(*c->made) *
					   (size_t)c->capmade);
		if (!c->made)
			abort();
	}
	c->made[c->nmade++] = l;
}

/* L's name as a word (link names never need much quoting) */
static const char *lname(const struct model_link *l, char *buf, size_t len)
{
	return record_quote(l->name, buf, len) ? buf : "?";
}

static void section(struct rc *c, bool *first, const char *title)
{
	if (*first)
		fprintf(c->f, "\n# %s\n", title);
	*first = false;
}

/* ------------------------------------------------------------ sections */

static void emit_namespaces(struct rc *c)
{
	bool first = true;

	for (int i = 1; i < c->n; i++) {
		struct rc_ns *r = &c->v[i];

		section(c, &first, "namespaces");
		if (r->how == HOW_NAMED)
			fprintf(c->f, "ip netns add %s\n", r->word);
		else if (r->how == HOW_SPAWNED)
			fprintf(c->f, "spawn %s\n", r->word);
		else
			fprintf(c->f, "# %s (%s): held by a process nsh did "
				"not start; not recreated\n",
				model_ns_label(r->ns),
				r->ns->comm[0] ? r->ns->comm : "?");
	}
}

/* bridges, then veth pairs (once, from the end met first: the host's,
 * then by namespace name); other links are left as comments */
static void emit_links(struct rc *c)
{
	bool first = true;
	char a[64], b[64];

	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < c->n; i++) {
			struct rc_ns *r = &c->v[i];

			if (r->how == HOW_FOREIGN)
				continue;
			for (int k = 0; k < r->ns->nlinks; k++) {
				const struct model_link *l = r->links[k];
				const char *kind = l->kind;
				struct model_ns *pns;
				struct model_link *p;
				struct rc_ns *pr;

				if (l->flags & IFF_LOOPBACK) {
					if (pass == 0)
						set_made(c, l);
					continue;
				}
				if (pass == 0 && streq(kind, "bridge")) {
					section(c, &first, "links");
					fprintf(c->f, "%s link add %s type "
						"bridge\n", r->ip,
						lname(l, a, sizeof(a)));
					set_made(c, l);
					continue;
				}
				if (pass == 0 || is_made(c, l) ||
				    streq(kind, "bridge"))
					continue;
				section(c, &first, "links");
				if (!streq(kind, "veth")) {
					fprintf(c->f, "# %s: %s (%s) is not "
						"recreated\n",
						model_ns_label(r->ns),
						lname(l, a, sizeof(a)),
						*kind ? kind : "device");
					continue;
				}
				if (!show_peer(c->m, r->ns, l, &pns, &p) ||
				    !(pr = rc_find(c, pns)) ||
				    pr->how == HOW_FOREIGN) {
					fprintf(c->f, "# %s: veth %s, whose "
						"peer is not in the lab, is "
						"not recreated\n",
						model_ns_label(r->ns),
						lname(l, a, sizeof(a)));
					continue;
				}
				fprintf(c->f, "%s link add %s type veth peer "
					"name %s", r->ip,
					lname(l, a, sizeof(a)),
					lname(p, b, sizeof(b)));
				if (pns != r->ns)
					fprintf(c->f, " netns %s", pr->word);
				fputc('\n', c->f);
				set_made(c, l);
				set_made(c, p);
			}
		}
}

/* per link the script makes: MTUs, then masters */
static void emit_mtu_masters(struct rc *c)
{
	bool first = true;
	char a[64], b[64];

	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < c->n; i++) {
			struct rc_ns *r = &c->v[i];

			for (int k = 0; k < r->ns->nlinks; k++) {
				const struct model_link *l = r->links[k];
				unsigned dflt = l->flags & IFF_LOOPBACK ?
						65536 : 1500;
				const struct model_link *br;

				if (!is_made(c, l))
					continue;
				if (pass == 0 && l->mtu && l->mtu != dflt) {
					section(c, &first, "settings");
					fprintf(c->f, "%s link set %s mtu %u\n",
						r->ip, lname(l, a, sizeof(a)),
						l->mtu);
				}
				br = l->master ?
				     model_link_by_index(r->ns, l->master) :
				     NULL;
				if (pass == 1 && br && is_made(c, br)) {
					section(c, &first, "settings");
					fprintf(c->f, "%s link set %s master "
						"%s\n", r->ip,
						lname(l, a, sizeof(a)),
						lname(br, b, sizeof(b)));
				}
			}
		}
}

/* the scope `ip address add` gives A by itself: host for 127/8 */
static int default_scope(const struct model_addr *a)
{
	if (a->family == AF_INET && a->addr[0] == 127)
		return RT_SCOPE_HOST;
	return RT_SCOPE_UNIVERSE;
}

/* an address the kernel makes: the loopback's own, while it is up */
static bool kernel_made(const struct model_addr *a, const struct model_link *l)
{
	static const unsigned char v6one[16] = { [15] = 1 };
	static const unsigned char v4lo[4] = { 127, 0, 0, 1 };

	if (!(l->flags & IFF_LOOPBACK) || !(l->flags & IFF_UP))
		return false;
	if (a->family == AF_INET)
		return a->plen == 8 && memcmp(a->addr, v4lo, 4) == 0;
	return a->plen == 128 && memcmp(a->addr, v6one, 16) == 0;
}

/* what `ip addr add` said besides the address: brd, label, nodad,
 * noprefixroute (not lifetimes: the script makes permanent addresses) */
static void addr_more(struct rc *c, const struct model_link *l,
		      const struct model_addr *ad)
{
	char buf[64];

	if (ad->has_brd)
		fprintf(c->f, " brd %s",
			show_ip(AF_INET, ad->brd, buf, sizeof(buf)));
	if (ad->label[0] && !streq(ad->label, l->name))
		fprintf(c->f, " label %s",
			record_quote(ad->label, buf, sizeof(buf)) ? buf : "?");
	if (ad->flags & IFA_F_NODAD)
		fputs(" nodad", c->f);
	if (ad->flags & IFA_F_NOPREFIXROUTE)
		fputs(" noprefixroute", c->f);
}

/*
 * The order a script adds a link's addresses in: IPv4 first, the primary
 * of a subnet before its secondaries (the kernel makes the first one added
 * primary), then by address: the same script for every build of a lab,
 * whatever order the model learned them in.
 */
static int cmp_addr(const void *x, const void *y)
{
	const struct model_addr *a = *(const struct model_addr *const *)x;
	const struct model_addr *b = *(const struct model_addr *const *)y;
	int sa = a->family == AF_INET && (a->flags & IFA_F_SECONDARY);
	int sb = b->family == AF_INET && (b->flags & IFA_F_SECONDARY);
	int d;

	if (a->family != b->family)
		return a->family - b->family;
	if (sa != sb)
		return sa - sb;
	if ((d = memcmp(a->addr, b->addr, sizeof(a->addr))))
		return d;
	return a->plen - b->plen;
}

static void emit_addr(struct rc *c, struct rc_ns *r,
		      const struct model_link *l, const struct model_addr *ad)
{
	char a[64], ip[64];

	fprintf(c->f, "%s addr add %s/%d dev %s", r->ip,
		show_ip(ad->family, ad->addr, ip, sizeof(ip)), ad->plen,
		lname(l, a, sizeof(a)));
	if (ad->family == AF_INET && ad->scope != default_scope(ad))
		fprintf(c->f, " scope %s",
			ad->scope == RT_SCOPE_HOST ? "host" :
			ad->scope == RT_SCOPE_LINK ? "link" :
			ad->scope == RT_SCOPE_UNIVERSE ? "global" : "?");
	addr_more(c, l, ad);
	fputc('\n', c->f);
}

static void emit_addrs(struct rc *c)
{
	bool first = true;

	for (int i = 0; i < c->n; i++) {
		struct rc_ns *r = &c->v[i];
		const struct model_addr **v =
			malloc(sizeof(*v) * (size_t)(r->ns->naddrs + 1));

		if (!v)
			abort();
		for (int j = 0; j < r->ns->naddrs; j++)
			v[j] = &r->ns->addrs[j];
		qsort(v, (size_t)r->ns->naddrs, sizeof(*v), cmp_addr);
		for (int k = 0; k < r->ns->nlinks; k++) {
			const struct model_link *l = r->links[k];

			if (!is_made(c, l))
				continue;
			for (int j = 0; j < r->ns->naddrs; j++) {
				if (v[j]->ifindex != l->ifindex ||
				    show_link_local(v[j]) ||
				    kernel_made(v[j], l))
					continue;
				section(c, &first, "addresses");
				emit_addr(c, r, l, v[j]);
			}
		}
		free(v);
	}
}

static void emit_up(struct rc *c)
{
	bool first = true;
	char a[64];

	for (int i = 0; i < c->n; i++) {
		struct rc_ns *r = &c->v[i];

		for (int k = 0; k < r->ns->nlinks; k++) {
			const struct model_link *l = r->links[k];

			if (!is_made(c, l) || !(l->flags & IFF_UP))
				continue;
			section(c, &first, "links up");
			fprintf(c->f, "%s link set %s up\n", r->ip,
				lname(l, a, sizeof(a)));
		}
	}
}

/* one route someone added: `ip [-n NS] [-6] route add DST [via GW]
 * [dev X] [src ADDR] [metric N] [onlink]`, or a comment when nsh could not
 * add it back */
static void emit_route(struct rc *c, struct rc_ns *r,
		       const struct model_route *rt)
{
	const struct model_link *l = rt->oif ?
				     model_link_by_index(r->ns, rt->oif) :
				     NULL;
	unsigned dflt_metric = rt->family == AF_INET6 ? 1024 : 0;
	char dst[80], gw[64], a[64], text[256];

	if (rt->table != RT_TABLE_MAIN || rt->type != RTN_UNICAST ||
	    (l && !is_made(c, l))) {
		fprintf(c->f, "# %s: route %s is not recreated\n",
			model_ns_label(r->ns),
			show_route_text(r->ns, rt, true, text, sizeof(text)));
		return;
	}
	if (rt->dst_len)
		snprintf(dst, sizeof(dst), "%s/%d",
			 show_ip(rt->family, rt->dst, gw, sizeof(gw)),
			 rt->dst_len);
	else
		snprintf(dst, sizeof(dst), "default");
	fprintf(c->f, "%s%s route add %s", r->ip,
		rt->family == AF_INET6 ? " -6" : "", dst);
	if (rt->has_gw)
		fprintf(c->f, " via %s",
			show_ip(rt->family, rt->gw, gw, sizeof(gw)));
	if (l)
		fprintf(c->f, " dev %s", lname(l, a, sizeof(a)));
	if (rt->has_prefsrc)
		fprintf(c->f, " src %s",
			show_ip(rt->family, rt->prefsrc, gw, sizeof(gw)));
	if (rt->priority != dflt_metric)
		fprintf(c->f, " metric %u", rt->priority);
	if (rt->onlink)
		fputs(" onlink", c->f);
	fputc('\n', c->f);
}

static void emit_routes(struct rc *c)
{
	bool first = true;

	for (int i = 0; i < c->n; i++) {
		struct rc_ns *r = &c->v[i];

		if (r->how == HOW_FOREIGN)
			continue;
		for (int k = 0; k < r->ns->nroutes; k++) {
			const struct model_route *rt = &r->ns->routes[k];

			if (rt->protocol != RTPROT_BOOT &&
			    rt->protocol != RTPROT_STATIC)
				continue;
			if (rt->family != AF_INET && rt->family != AF_INET6)
				continue;
			section(c, &first, "routes");
			emit_route(c, r, rt);
		}
	}
}

/* ------------------------------------------------------------ sysctls */

static const struct {
	const char *key;	/* in dots, as written */
	const char *dflt;
	bool host_only;
} sysctls[] = {
	{ "net.ipv4.ip_forward", "0", false },
	{ "net.ipv6.conf.all.forwarding", "0", false },
	{ "net.bridge.bridge-nf-call-iptables", "1", true },
	{ "net.bridge.bridge-nf-call-arptables", "1", true },
	{ "net.bridge.bridge-nf-call-ip6tables", "1", true },
};

/* the value of KEY in the namespace the process is in, or "" if none */
static void read_key(struct nsh *sh, const char *key, char *buf, size_t len)
{
	char path[PATH_MAX];
	size_t o = 0;

	for (const char *p = key; *p && o < sizeof(path) - 1; p++)
		path[o++] = *p == '.' ? '/' : *p;
	path[o] = '\0';
	if (sysctl_read(sh, NULL, path, buf, len) < 0)
		buf[0] = '\0';
}

/* the sysctls of R that are not their defaults (read inside it) */
static void emit_sysctls_of(struct rc *c, struct rc_ns *r, bool *first)
{
	struct nsh_ns ns = { .fd = -1 }, saved;
	bool host = r->how == HOW_HOST;
	char val[64];

	if (host)
		ns = c->sh->home;
	else if (ns_resolve(c->sh, r->ref, false, &ns))
		return;
	if (ns_push(c->sh, &ns, &saved)) {
		if (!host)
			ns_close(&ns);
		return;
	}
	for (size_t i = 0; i < ARRAY_SIZE(sysctls); i++) {
		if (sysctls[i].host_only && !host)
			continue;
		read_key(c->sh, sysctls[i].key, val, sizeof(val));
		if (!*val || streq(val, sysctls[i].dflt))
			continue;
		section(c, first, "sysctls");
		if (!host)
			fprintf(c->f, "ip netns exec %s ", r->word);
		fprintf(c->f, "sysctl -w %s=%s\n", sysctls[i].key, val);
	}
	ns_pop(c->sh, &saved);
	if (!host)
		ns_close(&ns);
}

static void emit_sysctls(struct rc *c)
{
	bool first = true;

	for (int i = 0; i < c->n; i++)
		if (c->v[i].how != HOW_FOREIGN)
			emit_sysctls_of(c, &c->v[i], &first);
}

/* ------------------------------------------------------------ the script */

/*
 * config_write - write the lab as a script to F (its sysctls too, with
 * SYSCTLS).  Returns 0, or 1 after reporting (the model cannot be
 * loaded).  cmds/checkpoint.c keeps it as a checkpoint's state.
 */
int config_write(struct nsh *sh, FILE *f, bool with_sysctls)
{
	struct rc c = { .sh = sh, .f = f };
	char when[64];
	time_t now = time(NULL);
	struct model_ns **nss;

	c.m = model_get(sh);
	if (!c.m)
		return 1;
	nss = show_namespaces(c.m);
	c.n = c.m->nns;
	c.v = calloc((size_t)c.n, sizeof(*c.v));
	if (!c.v)
		abort();
	for (int i = 0; i < c.n; i++)
		c.v[i].ns = nss[i];
	free(nss);
	classify(&c);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S %z", localtime(&now));
	fprintf(f, "# running-config, generated by nsh on %s\n"
		"# replay in a fresh sandbox: nsh --sandbox -f FILE\n", when);
	emit_namespaces(&c);
	emit_links(&c);
	emit_mtu_masters(&c);
	emit_addrs(&c);
	emit_up(&c);
	emit_routes(&c);
	if (with_sysctls)
		emit_sysctls(&c);
	for (int i = 0; i < c.n; i++)
		free(c.v[i].links);
	free(c.v);
	free(c.made);
	return 0;
}

int running_config(struct nsh *sh, FILE *f)
{
	return config_write(sh, f, true);
}

static int cmd_running(struct nsh *sh, const struct nsh_args *a)
{
	int rc = running_config(sh, stdout);

	if (fflush(stdout) != 0)
		return nsh_err(sh, "cannot write: %s", strerror(errno));
	return rc;
}

/* save FILE: the running-config into FILE.tmp, then renamed to FILE */
static int cmd_save(struct nsh *sh, const struct nsh_args *a)
{
	const char *path = arg_str(a, "file");
	char tmp[PATH_MAX];
	FILE *f;
	int rc;

	if ((size_t)snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= sizeof(tmp))
		return nsh_err(sh, "'%s': file name too long", path);
	f = fopen(tmp, "we");
	if (!f)
		return nsh_err(sh, "'%s': %s", tmp, strerror(errno));
	rc = running_config(sh, f);
	if (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0) {
		if (!rc)
			rc = nsh_err(sh, "'%s': %s", tmp, strerror(errno));
	}
	if (fclose(f) != 0 && !rc)
		rc = nsh_err(sh, "'%s': %s", tmp, strerror(errno));
	if (!rc && rename(tmp, path) < 0)
		rc = nsh_err(sh, "'%s': %s", path, strerror(errno));
	if (rc)
		unlink(tmp);
	return rc;
}

/* record [stop | FILE] */
static int cmd_record(struct nsh *sh, const struct nsh_args *a)
{
	const char *path = arg_str(a, "file");
	int lines;

	if (arg_has(a, "stop"))
		return record_stop(sh);
	if (path)
		return record_start(sh, path);
	path = record_path(&lines);
	if (path)
		printf("recording to %s (%d command%s so far)\n", path, lines,
		       lines == 1 ? "" : "s");
	else
		printf("not recording\n");
	return 0;
}

static const struct nsh_cmd config_cmds[] = {
	{ "show running-config",
	  "the lab as a script that rebuilds it in a fresh sandbox",
	  cmd_running, 0, "show running-config" },
	{ "save FILE", "write the running-config to a file", cmd_save, 0,
	  "save lab.nsh" },
	{ "record [ stop | FILE ]",
	  "write the session's state-changing commands to a file, until "
	  "'record stop'", cmd_record, 0, "record session.nsh" },
	{ NULL },
};

const struct nsh_family config_family = {
	"config", "the lab as a script: running-config, save, record",
	config_cmds,
};
