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
 *
 * This file sorts the namespaces out and writes sections 1 to 5 and 7;
 * cmds/config_l3.c writes the addresses, routes and sysctls.
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
#include "config_priv.h"


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

bool rc_is_made(const struct rc *c, const struct model_link *l)
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
		c->made = xrealloc(c->made, sizeof(*c->made) *
					    (size_t)c->capmade);
	}
	c->made[c->nmade++] = l;
}

/* L's name as a word (link names never need much quoting) */
const char *rc_lname(const struct model_link *l, char *buf, size_t len)
{
	return record_quote(l->name, buf, len) ? buf : "?";
}

void rc_section(struct rc *c, bool *first, const char *title)
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

		rc_section(c, &first, "namespaces");
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

/* veth L of R from the end met first (its peer is made with it), or a
 * comment when the peer is not in the lab */
static void emit_veth(struct rc *c, struct rc_ns *r,
		      const struct model_link *l)
{
	struct model_ns *pns;
	struct model_link *p;
	struct rc_ns *pr;
	char a[64], b[64];

	if (!show_peer(c->m, r->ns, l, &pns, &p) ||
	    !(pr = rc_find(c, pns)) || pr->how == HOW_FOREIGN) {
		fprintf(c->f, "# %s: veth %s, whose peer is not in the lab, "
			"is not recreated\n", model_ns_label(r->ns),
			rc_lname(l, a, sizeof(a)));
		return;
	}
	fprintf(c->f, "%s link add %s type veth peer name %s", r->ip,
		rc_lname(l, a, sizeof(a)), rc_lname(p, b, sizeof(b)));
	if (pns != r->ns)
		fprintf(c->f, " netns %s", pr->word);
	fputc('\n', c->f);
	set_made(c, l);
	set_made(c, p);
}

/* link L of R in pass PASS: 0 makes the bridges (and counts lo as made),
 * 1 the veth pairs and a comment for any other kind */
static void emit_link(struct rc *c, struct rc_ns *r,
		      const struct model_link *l, int pass, bool *first)
{
	const char *kind = l->kind;
	char a[64];

	if (l->flags & IFF_LOOPBACK) {
		if (pass == 0)
			set_made(c, l);
		return;
	}
	if (pass == 0 && streq(kind, "bridge")) {
		rc_section(c, first, "links");
		fprintf(c->f, "%s link add %s type bridge\n", r->ip,
			rc_lname(l, a, sizeof(a)));
		set_made(c, l);
		return;
	}
	if (pass == 0 || rc_is_made(c, l) || streq(kind, "bridge"))
		return;
	rc_section(c, first, "links");
	if (streq(kind, "veth"))
		emit_veth(c, r, l);
	else
		fprintf(c->f, "# %s: %s (%s) is not recreated\n",
			model_ns_label(r->ns), rc_lname(l, a, sizeof(a)),
			*kind ? kind : "device");
}

/* bridges, then veth pairs (once, from the end met first: the host's,
 * then by namespace name); other links are left as comments */
static void emit_links(struct rc *c)
{
	bool first = true;

	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < c->n; i++) {
			struct rc_ns *r = &c->v[i];

			if (r->how == HOW_FOREIGN)
				continue;
			for (int k = 0; k < r->ns->nlinks; k++)
				emit_link(c, r, r->links[k], pass, &first);
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

				if (!rc_is_made(c, l))
					continue;
				if (pass == 0 && l->mtu && l->mtu != dflt) {
					rc_section(c, &first, "settings");
					fprintf(c->f, "%s link set %s mtu %u\n",
						r->ip, rc_lname(l, a, sizeof(a)),
						l->mtu);
				}
				br = l->master ?
				     model_link_by_index(r->ns, l->master) :
				     NULL;
				if (pass == 1 && br && rc_is_made(c, br)) {
					rc_section(c, &first, "settings");
					fprintf(c->f, "%s link set %s master "
						"%s\n", r->ip,
						rc_lname(l, a, sizeof(a)),
						rc_lname(br, b, sizeof(b)));
				}
			}
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

			if (!rc_is_made(c, l) || !(l->flags & IFF_UP))
				continue;
			rc_section(c, &first, "links up");
			fprintf(c->f, "%s link set %s up\n", r->ip,
				rc_lname(l, a, sizeof(a)));
		}
	}
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
	c.v = xcalloc((size_t)c.n, sizeof(*c.v));
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

	if (!rc && sh->hosts)
		rc = hosts_running_config(sh, stdout);

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
	if (!rc && sh->hosts)
		rc = hosts_running_config(sh, f);
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

