/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * nsif.c - NS:IF, one word naming a link of a namespace (`fail link
 * ns1:veth-ns1`, `capture ns1:eth0 host:br0`, `expect link ns1:eth0 up`):
 * the one reading of it (the last ':' splits: link names have none), the
 * NSIF placeholder (checked, completed) and the link it names in the
 * model.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>

#include "cmds.h"
#include "remote.h"
#include "model.h"

void nsif_read(const char *word, struct nsif *ret)
{
	const char *colon = strrchr(word, ':');

	ret->bare = !colon;
	ret->ifname = colon ? colon + 1 : word;
	snprintf(ret->ns, sizeof(ret->ns), "%.*s",
		 colon ? (int)(colon - word) : 0, word);
}

/* NS:IF: one word with a ':' between a namespace reference and a link
 * name.  An IPv6 or MAC address (a filter's word) is not one, nor a word
 * with brackets or '=' (ether[0:2]=…) */
int nsif_check(const char *w, struct nsh_val *v, char *eb, size_t el,
	       const char **err)
{
	unsigned char a6[16];
	struct nsif x;

	nsif_read(w, &x);
	if (x.bare || !*x.ns || strpbrk(w, "[]()=<>!") ||
	    inet_pton(AF_INET6, w, a6) == 1 ||
	    strchr(w, ':') != x.ifname - 1) {
		*err = "not NS:IF (a namespace, ':', a link)";
		return -1;
	}
	if ((*err = check_netns_ref(x.ns)) ||
	    (*err = check_link_name(x.ifname)))
		return -1;
	return 0;
}

/* "ns1:" for each namespace, then NS:IF for the links of the one named */
void nsif_complete(struct nsh *sh, const char *prefix,
		   void (*add)(void *, const char *, const char *), void *ctx)
{
	struct model *m = model_get(sh);
	const char *colon = strchr(prefix, ':');
	char w[300];

	for (int i = 0; m && i < m->nns; i++) {
		struct model_ns *ns = m->ns[i];
		const char *label = model_ns_label(ns);
		size_t n = strlen(label);

		if (ns->pid && !ns->name[0])
			continue;	/* "pid 1234": not one word */
		if (!colon) {
			snprintf(w, sizeof(w), "%s:", label);
			if (strncmp(w, prefix, strlen(prefix)) == 0)
				add(ctx, w, "namespace");
			continue;
		}
		if ((size_t)(colon - prefix) != n ||
		    strncmp(prefix, label, n) != 0)
			continue;
		for (int k = 0; k < ns->nlinks; k++) {
			const struct model_link *l = &ns->links[k];

			snprintf(w, sizeof(w), "%s:%s", label, l->name);
			if (strncmp(w, prefix, strlen(prefix)) == 0)
				add(ctx, w, l->kind[0] ? l->kind : "link");
		}
	}
	hosts_complete_nsif(sh, prefix, add, ctx);	/* HOST:NS:IF */
}

/* the namespace REF names: a /run/netns name, a spawn label or a
 * holder's PID, else "host" for the host's; NULL after reporting */
static struct model_ns *nsif_ns(struct nsh *sh, struct model *m,
				const char *ref)
{
	struct model_ns *ns = model_ns_by_name(m, ref);
	char esc[300];

	if (!ns && streq(ref, "host"))
		ns = m->ns[0];
	if (!ns)
		nsh_err(sh, "'%s': no such namespace%s",
			str_escape(ref, esc, sizeof(esc)),
			ns_missing_hint(ref));
	return ns;
}

struct model_link *nsif_find(struct nsh *sh, struct model *m,
			     const char *word, bool bare,
			     struct model_ns **ret_ns)
{
	struct model_link *l;
	struct nsif x;
	char esc[300];

	nsif_read(word, &x);
	if (x.bare && bare) {
		*ret_ns = model_ns_cur(m, sh);
		if (!*ret_ns) {
			nsh_err(sh, "the namespace nsh is in is not in the "
				    "model");
			return NULL;
		}
	} else if (!(*ret_ns = nsif_ns(sh, m, x.ns))) {
		return NULL;
	}
	l = model_link_by_name(*ret_ns, x.ifname);
	if (!l)
		nsh_err(sh, "'%s': no such link",
			str_escape(word, esc, sizeof(esc)));
	return l;
}
