/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * types_name.c - the placeholder types that name something of the lab: a
 * namespace (new, or existing, or by a process's PID), a link, a bridge,
 * a spawned namespace's label.  Their values complete from the lab as it
 * is: /run/netns, the spawned processes, the live model's links.
 *
 * cmdtree_init hands this table to type_find (shell/types.c), which looks
 * here after the value types.
 */
#include "config.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <string.h>

#include "core.h"
#include "model.h"
#include "remote.h"
#include "types_priv.h"

/* Length of the UTF-8 sequence at S and its code point, or -1 if invalid. */
static int utf8_next(const unsigned char *s, unsigned *cp)
{
	int n;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0)
		n = 2, *cp = s[0] & 0x1f;
	else if ((s[0] & 0xf0) == 0xe0)
		n = 3, *cp = s[0] & 0x0f;
	else if ((s[0] & 0xf8) == 0xf0)
		n = 4, *cp = s[0] & 0x07;
	else
		return -1;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	if ((n == 2 && *cp < 0x80) || (n == 3 && *cp < 0x800) ||
	    (n == 4 && (*cp < 0x10000 || *cp > 0x10ffff)) ||
	    (*cp >= 0xd800 && *cp <= 0xdfff))
		return -1;
	return n;
}

/* invisible or direction-changing characters that confuse a reader */
static bool cp_deceptive(unsigned cp)
{
	return (cp >= 0x80 && cp <= 0xa0) ||	/* C1 controls, no-break space */
	       cp == 0xad || cp == 0x061c || cp == 0x1680 || cp == 0x180e ||
	       (cp >= 0x2000 && cp <= 0x200f) ||	/* spaces, zero-width */
	       (cp >= 0x2028 && cp <= 0x202f) ||	/* separators, bidi */
	       (cp >= 0x205f && cp <= 0x2064) ||	/* invisible operators */
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x3000 ||
	       cp == 0xfeff;
}

const char *check_netns_name(const char *s)
{
	const char *r = check_netns_ref(s);
	const unsigned char *p = (const unsigned char *)s;
	bool digits = true;

	if (r)
		return r;
	if (strlen(s) > 64)
		return "a namespace name is at most 64 bytes";
	if (s[0] == '-')
		return "a namespace name cannot start with '-'";
	while (*p) {
		unsigned cp;
		int n = utf8_next(p, &cp);

		if (n < 0)
			return "a namespace name must be valid UTF-8";
		if (cp < 0x20 || cp == 0x7f)
			return "a namespace name cannot contain control "
			       "characters";
		if (cp == ' ')
			return "a namespace name cannot contain spaces";
		if (cp_deceptive(cp))
			return "a namespace name cannot contain invisible or "
			       "direction-changing characters";
		if (!isdigit(*p))
			digits = false;
		p += n;
	}
	if (digits)
		return "an all-digit name would be read as a PID";
	return NULL;
}

const char *check_link_name(const char *s)
{
	size_t n = strlen(s);

	if (n == 0)
		return "a link name cannot be empty";
	if (n > 15)
		return "a link name is at most 15 bytes";
	if (streq(s, ".") || streq(s, ".."))
		return "'.' and '..' are not link names";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '/' || *p == ':')
			return "a link name cannot contain '/' or ':'";
		/* the kernel's isspace() also counts byte 0xa0 */
		if (isspace(*p) || *p == 0xa0)
			return "a link name cannot contain spaces";
		if (*p < 0x20 || *p == 0x7f)
			return "a link name cannot contain control characters";
		if (*p == '%')
			return "a link name cannot contain '%' (the kernel "
			       "reads it as a template)";
	}
	return NULL;
}


/* a link name as iproute2's check_altifname takes it (an altname may have
 * up to 127 bytes) */
static int t_dev(const char *w, struct nsh_val *v, char *errbuf,
		 size_t errlen, const char **ret_err)
{
	if (!*w)
		FAIL("empty link name");
	if (strlen(w) >= 128)
		FAIL("a link name has at most 127 bytes");
	for (const char *p = w; *p; p++)
		if (*p == '/' || isspace((unsigned char)*p))
			FAIL("a link name cannot contain '/' or blanks");
	return 0;
}
static int t_netns_new(const char *w, struct nsh_val *v, char *eb, size_t el,
		       const char **err)
{
	return (*err = check_netns_name(w)) ? -1 : 0;
}

static int t_netns(const char *w, struct nsh_val *v, char *eb, size_t el,
		   const char **err)
{
	return (*err = check_netns_ref(w)) ? -1 : 0;
}

static int t_link(const char *w, struct nsh_val *v, char *eb, size_t el,
		  const char **err)
{
	return (*err = check_link_name(w)) ? -1 : 0;
}
/* the names in NETNS_RUN_DIR that start with PREFIX (a directory read,
 * no netlink) */
static void complete_netns(struct nsh *sh, const char *prefix,
			   void (*add)(void *, const char *, const char *),
			   void *ctx)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *de;

	while (d && (de = readdir(d)))
		if (de->d_name[0] != '.' &&
		    strncmp(de->d_name, prefix, strlen(prefix)) == 0)
			add(ctx, de->d_name, "namespace");
	if (d)
		closedir(d);
}

/* the namespace names, then the labels of `spawn` (a namespace held by
 * its process) */
static void complete_nsref(struct nsh *sh, const char *prefix,
			   void (*add)(void *, const char *, const char *),
			   void *ctx)
{
	const char *labels[256];
	pid_t pids[256];
	int n = spawn_list(labels, pids, 256);

	complete_netns(sh, prefix, add, ctx);
	for (int i = 0; i < n; i++)
		if (strncmp(labels[i], prefix, strlen(prefix)) == 0)
			add(ctx, labels[i], "spawned namespace");
	hosts_complete_ns(sh, prefix, add, ctx);	/* HOST:NS */
}

/* `kill`'s first word: the labels of the spawned namespaces */
static void complete_labels(struct nsh *sh, const char *prefix,
			    void (*add)(void *, const char *, const char *),
			    void *ctx)
{
	const char *labels[256];
	pid_t pids[256];
	int n = spawn_list(labels, pids, 256);

	(void)sh;
	for (int i = 0; i < n; i++)
		if (strncmp(labels[i], prefix, strlen(prefix)) == 0)
			add(ctx, labels[i], "spawned namespace");
}

/* the links (BRIDGES_ONLY: the bridges) of the namespace the line acts
 * in, from the live model: no netlink round trip on TAB */
static void complete_links(struct nsh *sh, const char *prefix,
			   void (*add)(void *, const char *, const char *),
			   void *ctx, bool bridges_only)
{
	struct model *m = model_get(sh);
	struct model_ns *ns;

	if (!m)
		return;
	ns = sh->complete_ns ? model_ns_by_name(m, sh->complete_ns)
			     : model_ns_cur(m, sh);
	for (int i = 0; ns && i < ns->nlinks; i++) {
		const struct model_link *l = &ns->links[i];

		if (bridges_only && !streq(l->kind, "bridge"))
			continue;
		if (strncmp(l->name, prefix, strlen(prefix)) == 0)
			add(ctx, l->name, l->kind[0] ? l->kind : "link");
	}
}

static void complete_ifname(struct nsh *sh, const char *prefix,
			    void (*add)(void *, const char *, const char *),
			    void *ctx)
{
	complete_links(sh, prefix, add, ctx, false);
}

static void complete_bridge(struct nsh *sh, const char *prefix,
			    void (*add)(void *, const char *, const char *),
			    void *ctx)
{
	complete_links(sh, prefix, add, ctx, true);
}
const struct nsh_type nsh_name_types[] = {
	{ "NSNAME", "name of a new namespace (up to 64 bytes; no '/', spaces, "
		    "control characters or leading '-')", t_netns_new },
	{ "NETNS", "name of a namespace in " NETNS_RUN_DIR, t_netns,
	  complete_netns },
	{ "NSREF", "a namespace name, or the PID of a process inside one",
	  t_netns, complete_nsref },
	{ "NEWIF", "name of a new link (1-15 bytes; no '/', ':', '%' or "
		   "spaces)", t_link },
	{ "IFNAME", "name of a link in the namespace", t_link,
	  complete_ifname },
	{ "BRIDGE", "name of a bridge in the namespace", t_dev,
	  complete_bridge },
	{ "DEV", "name of a link", t_dev, complete_ifname },
	{ "TARGET", "a spawned namespace's label, or the kill program's "
		    "arguments (PIDs, -SIGNAL)", NULL, complete_labels, true },
	{ NULL },
};
