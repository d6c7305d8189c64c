/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * show_path.c - `show path NSREF TARGET [-j]`: the layer-2/3 path from a
 * namespace to another namespace or to an address, hop by hop, the way the
 * tutorials draw it (ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔
 * ns2:veth-ns2), and where and why it is broken.  The path finder is the
 * engine's (shell/lab/path.h); this file prints what it found.
 */
#include "config.h"

#include <stdio.h>

#include "cmds.h"
#include "model.h"
#include "show.h"
#include "term.h"

/* a line of `show path`: within the terminal, in ASCII but in a UTF-8
 * locale */
static void path_line(const char *line)
{
	char ascii[4096];

	term_wrap(stdout, term_utf8() ? line :
		  term_ascii(line, ascii, sizeof(ascii)), "  ", term_width());
}

/* KEY: {"netns","link"} (link null: the namespace as a whole) */
static void json_at(struct json *j, const char *key, struct model_ns *ns,
		    const struct model_link *link)
{
	json_key(j, key);
	json_begin_object(j);
	json_str(j, "netns", model_ns_label(ns));
	if (link) {
		json_str(j, "link", link->name);
	} else {
		json_key(j, "link");
		fputs("null", stdout);
	}
	json_end_object(j);
}

/*
 * -j: {"complete":bool,"hops":[{"netns","link"},…],"broken":{"at":
 * {"netns","link"|null},"reason"}|null (the first break),"notes":[…]}
 */
static void print_json(const struct path *p)
{
	struct json j = { 0 };

	json_begin_object(&j);
	json_bool(&j, "complete", p->nbrk == 0);
	json_key(&j, "hops");
	json_begin_array(&j);
	for (int i = 0; i < p->nhops; i++)
		json_at(&j, NULL, p->hops[i].ns, p->hops[i].link);
	json_end_array(&j);
	json_key(&j, "broken");
	if (p->nbrk) {
		json_begin_object(&j);
		json_at(&j, "at", p->brk[0].ns, p->brk[0].link);
		json_str(&j, "reason", p->brk[0].reason);
		json_end_object(&j);
	} else {
		fputs("null", stdout);
	}
	json_key(&j, "notes");
	json_begin_array(&j);
	for (int i = 0; i < p->nnotes; i++)
		json_str(&j, NULL, p->notes[i]);
	json_end_array(&j);
	json_end_object(&j);
	json_end(&j);
}

/*
 * show path NSREF TARGET [-j]: TARGET is a namespace ("host" too) or an
 * address.  Prints the hops on one line, then the notes, then one line per
 * break; 0 when the path is complete, 1 when broken.
 */
int cmd_show_path(struct nsh *sh, const struct nsh_args *a)
{
	struct model *m = model_get(sh);
	struct model_ns *from, *to;
	struct nsh_prefix x;
	struct path p;
	char buf[4096];
	int rc;

	if (sh->hosts && (rc = hosts_show_path(sh, arg_str(a, "nsref"),
					       arg_str(a, "target"),
					       arg_has(a, "-j"))) >= 0)
		return rc;
	if (!m || !(from = show_ns_ref(sh, m, arg_str(a, "nsref"))) ||
	    show_target(sh, m, from, arg_str(a, "target"), &to, &x))
		return 1;
	path_find(m, from, to, to ? NULL : &x, show_state, &p);
	if (arg_has(a, "-j")) {
		print_json(&p);
	} else {
		if (p.nhops)
			path_line(path_text(m, &p, buf, sizeof(buf)));
		for (int i = 0; i < p.nnotes; i++)
			path_line(p.notes[i]);
		for (int i = 0; i < p.nbrk; i++)
			path_line(p.brk[i].line);
	}
	path_free(&p);
	return 0;	/* a view: a break is an answer, `expect` asserts */
}
