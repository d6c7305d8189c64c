/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * host_veth.c - a veth pair across hosts in iproute2's own words:
 *
 *   ip link add ns1@h1 type veth peer ns5@h2
 *   ip link add eth1 netns h1:ns1 type veth peer name eth1 netns h2:ns5
 *
 * An end is NS@HOST (its link named to-PEERNS) or NAME with netns
 * HOST:NS, HOST a host of the lab (else the words mean what they mean to
 * ip: a link called "ns1@h1" here).  Two hosts: `link H1:NS1[:IF]
 * H2:NS2[:IF]` (host_link.c: a VXLAN pair over the underlay); one host:
 * the veth pair made there.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cmds.h"
#include "host.h"
#include "ipl.h"

struct vend {
	const char *name, *netns;	/* the words */
	char host[64], ns[256], ifname[16];
};

/* the word after ARGV[*I] (and *I moved to it) into *W, if not set yet */
static bool take(int argc, char **argv, int *i, const char **w)
{
	if (*w || *i + 1 >= argc)
		return false;
	*w = argv[++*i];
	return true;
}

/* ARGV as `ip link add [name|dev] A [netns N] type veth peer [name] B
 * [netns N]` into E: 0, or -1 (another line) */
static int veth_words(int argc, char **argv, struct vend e[2])
{
	const char *type = NULL;
	int side = 0;

	if (argc < 7 || !streq(argv[0], "ip") || !ipl_matches(argv[1], "link") ||
	    !ipl_matches(argv[2], "add"))
		return -1;
	for (int i = 3; i < argc; i++) {
		const char *w = argv[i];
		bool ok;

		if (streq(w, "peer") && type && !side) {
			side = 1;
			continue;
		}
		if (streq(w, "type") && !side)
			ok = take(argc, argv, &i, &type);
		else if (streq(w, "netns"))
			ok = take(argc, argv, &i, &e[side].netns);
		else if (streq(w, "name") || (streq(w, "dev") && !side))
			ok = take(argc, argv, &i, &e[side].name);
		else if ((ok = !e[side].name))
			e[side].name = w;
		if (!ok)
			return -1;	/* an option this does not take */
	}
	return type && streq(type, "veth") && side && e[0].name &&
	       e[1].name ? 0 : -1;
}

/* E as an end on one of the lab's hosts: 0, or -1 (not one) */
static int vend_resolve(struct nsh *sh, struct vend *e)
{
	const char *at = strrchr(e->name, '@');
	const char *c = e->netns ? strchr(e->netns, ':') : NULL;

	if (c && c > e->netns && c[1] && (size_t)(c - e->netns) <
	    sizeof(e->host) && strlen(e->name) < sizeof(e->ifname)) {
		snprintf(e->host, sizeof(e->host), "%.*s",
			 (int)(c - e->netns), e->netns);
		snprintf(e->ns, sizeof(e->ns), "%s", c + 1);
		snprintf(e->ifname, sizeof(e->ifname), "%s", e->name);
	} else if (!e->netns && at && at > e->name && at[1] &&
		   strlen(at + 1) < sizeof(e->host)) {
		snprintf(e->host, sizeof(e->host), "%s", at + 1);
		snprintf(e->ns, sizeof(e->ns), "%.*s", (int)(at - e->name),
			 e->name);
	} else {
		return -1;
	}
	return host_find(sh, e->host) ? 0 : -1;
}

/* ARGV as one line (its words quoted as they need: host_join_words),
 * run here (H NULL) or on host H */
static int run_words(struct nsh *sh, struct nsh_host *h, int argc,
		     char **argv)
{
	_cleanup_free_ char *line = host_join_words(argc, argv);

	ANALYZER_KEEP(line);	/* _cleanup_: freed on return */
	if (!line)
		return nsh_err(sh, "out of memory");
	return h ? host_run(sh, h, line, NULL) : nsh_run_line(sh, line, NSH_RUN);
}

int hosts_veth_across(struct nsh *sh, int argc, char **argv)
{
	struct vend e[2] = { { 0 } };
	char end[2][sizeof(e[0].host) + sizeof(e[0].ns) + sizeof(e[0].ifname)];

	if (!sh->hosts || veth_words(argc, argv, e) < 0 ||
	    vend_resolve(sh, &e[0]) < 0 || vend_resolve(sh, &e[1]) < 0)
		return -1;
	for (int i = 0; i < 2; i++) {
		char name[sizeof(e[i].ifname)];

		snprintf(name, sizeof(name), "to-%.12s", e[!i].ns);
		if (!e[i].ifname[0])
			memcpy(e[i].ifname, name, sizeof(name));
		snprintf(end[i], sizeof(end[i]), "%s:%s:%s", e[i].host,
			 e[i].ns, e[i].ifname);
	}
	if (!streq(e[0].host, e[1].host)) {
		char *w[] = { "link", end[0], end[1] };

		return run_words(sh, NULL, 3, w);
	} else {
		char *w[] = { "ip", "link", "add", e[0].ifname, "netns",
			      e[0].ns, "type", "veth", "peer", "name",
			      e[1].ifname, "netns", e[1].ns };

		return run_words(sh, host_find(sh, e[0].host), 13, w);
	}
}
