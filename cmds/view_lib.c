/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * view_lib.c - what the views and `why` say and read beyond the engine's
 * view of the model (shell/lab/view.h): a link's state in a word (with
 * the reason `fail` took it down), and the words that name a namespace
 * (NSREF) or a path's target, reported through nsh_err.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <net/if.h>

#include "cmds.h"
#include "model.h"
#include "show.h"

/* "UP", "DOWN" (administratively; "FAILED" when `fail` did it), or
 * "NO-CARRIER" (up, but the cable is dead: for a veth, its peer is down) */
const char *show_state(struct model *m, struct model_ns *ns,
		       const struct model_link *l)
{
	if (!(l->flags & IFF_UP))
		return fail_reason(ns, l, NULL, 0) ? "FAILED" : "DOWN";
	return show_carrier(m, ns, l) ? "UP" : "NO-CARRIER";
}

/*
 * show_ns_ref - the namespace REF names in the model: a /run/netns name or
 * a label, "host" (when no namespace is called that), or the PID of a
 * process in one.  NULL after reporting "'REF': no such namespace".
 */
struct model_ns *show_ns_ref(struct nsh *sh, struct model *m,
			     const char *ref)
{
	enum model_ref_why why;
	const char *bad;
	struct model_ns *ns = model_ns_ref(m, ref, &why, &bad);

	if (ns)
		return ns;
	if (why == MODEL_REF_NO_PROCESS)
		nsh_err(sh, "'%s': no such namespace or process", ref);
	else if (why == MODEL_REF_NOT_MODELLED)
		nsh_err(sh, "'%s': that process's namespace is not in the "
			    "model", ref);
	else
		nsh_err(sh, "'%s': no such namespace%s", ref,
			ns_missing_hint(ref));
	return NULL;
}

/*
 * show_target - TARGET of `show path` and `why`: a namespace ("host" too;
 * *RET_NS) or an address (*RET_X, *RET_NS NULL).  Returns 0, or 1 after
 * reporting; FROM is the namespace the path starts from (not a target).
 */
int show_target(struct nsh *sh, struct model *m, struct model_ns *from,
		const char *target, struct model_ns **ret_ns,
		struct nsh_prefix *ret_x)
{
	const char *err = NULL;
	char ebuf[128], esc[300];
	struct model_ns *to = model_ns_by_name(m, target);

	if (!to && streq(target, "host"))
		to = m->ns[0];
	*ret_ns = to;
	if (!to && parse_prefix(target, false, ret_x, ebuf, sizeof(ebuf),
				&err) < 0) {
		/* a word with a '/', or only digits, dots and colons, was
		 * meant as an address */
		if (strchr(target, '/') ||
		    strspn(target, "0123456789abcdefABCDEF.:") ==
			    strlen(target))
			return nsh_err(sh, "'%s': %s",
				       str_escape(target, esc, sizeof(esc)),
				       err ? err : ebuf);
		return nsh_err(sh, "'%s': no such namespace%s",
			       str_escape(target, esc, sizeof(esc)),
			       ns_missing_hint(target));
	}
	if (to == from)
		return nsh_err(sh, "'%s': that is the namespace the path "
			       "starts from", str_escape(target, esc,
							 sizeof(esc)));
	return 0;
}
