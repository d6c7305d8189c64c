/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * why.c - `why NSREF TARGET [-j]`: why a namespace cannot reach another
 * namespace or an address, or that it can.
 *
 * First the model is checked along the path the path finder finds
 * (shell/lab/path.h): an address at each end, the route and its gateway
 * (why_ends.c), every hop's admin state and carrier, the cables and
 * bridges, the routers' forwarding, rp_filter and the way back
 * (why_path.c).  Then a real probe: one ICMP echo sent from inside the
 * namespace through a raw socket (why_probe.c).  When it gets no answer,
 * the failed check that comes first on the path is the cause, and the
 * command that repairs it (why_fix.c) is printed; when no check explains
 * it, the evidence is named (an unanswered ARP entry, bridge netfilter:
 * seed 001's step 6).  This file runs them and says the answer.
 */
#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/if.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "cmds.h"
#include "model.h"
#include "show.h"
#include "why.h"

/* a carrier the kernel has yet to act on: a veth or bridge that has one
 * by the states of the links (show_carrier) but whose operstate is not
 * UP yet.  A veth's own RTM_NEWLINK already has IFF_LOWER_UP when it comes
 * up, but its operstate (and its peer's carrier) wait for linkwatch, and
 * a bridge enables a port only then: a probe sent before is lost */
static bool settling(struct model *m)
{
	for (int i = 0; i < m->nns; i++)
		for (int k = 0; k < m->ns[i]->nlinks; k++) {
			const struct model_link *l = &m->ns[i]->links[k];

			if ((streq(l->kind, "veth") ||
			     streq(l->kind, "bridge")) &&
			    l->operstate != IF_OPER_UP &&
			    show_carrier(m, m->ns[i], l))
				return true;
		}
	return false;
}

/* the model, once the kernel has acted (up to 300 ms) on the carriers
 * that follow from the links' states, so that a probe right after a fix
 * does not race the bridge */
static struct model *settle(struct nsh *sh)
{
	struct model *m = model_get(sh);
	double t0 = mono_ms();

	while (m && settling(m) && mono_ms() - t0 < 300) {
		struct pollfd fds[4];
		int n = model_pollfds(fds, 4);

		if (poll(fds, (nfds_t)n, 20) >= 0)
			model_ready(sh, fds, n);
	}
	return m;
}

/* the failed check that explains the lost probe: the first on the path */
static const struct check *first_failure(const struct why *w)
{
	const struct check *best = NULL;

	for (int i = 0; i < w->nc; i++)
		if (!w->c[i].ok && w->c[i].hard &&
		    (!best || w->c[i].pos < best->pos))
			best = &w->c[i];
	return best;
}

/* no check explains the lost probe: name the evidence, bridge netfilter
 * first (seed 001, step 6: "fix on systems where ping fails") */
static void unexplained(struct why *w, int nf, int nb, char *cause,
			size_t clen, char *fix, size_t flen)
{
	char n1[300];

	fix[0] = '\0';
	if (nf >= 0) {
		struct model_ns *ns = w->fwd.hops[nf].ns;

		snprintf(cause, clen, "nothing on the path explains it, but "
			 "%s passes bridged frames to iptables "
			 "(bridge-nf-call-iptables = 1), whose rules may drop "
			 "them", w->fwd.hops[nf].link->name);
		snprintf(fix, flen, "%snet.bridge.bridge-nf-call-iptables=0 "
			 "net.bridge.bridge-nf-call-arptables=0 "
			 "net.bridge.bridge-nf-call-ip6tables=0",
			 why_sysctl_in(w->m, ns, n1, sizeof(n1)));
	} else if (nb >= 0 && !w->c[nb].ok) {
		snprintf(cause, clen, "%s, and nothing nsh checks explains "
			 "why", w->c[nb].detail);
	} else {
		snprintf(cause, clen, "%s, and nothing nsh checks explains "
			 "why", w->pr.what);
	}
}

/* "10.200.0.2 (ns2:veth-ns2)", or the namespace without an address */
static const char *target_text(const struct why *w, char *buf, size_t len)
{
	if (!w->has_x)
		snprintf(buf, len, "%s", model_ns_label(w->b));
	else if (w->owner)
		snprintf(buf, len, "%s (%s:%s)", w->xs,
			 model_ns_label(w->owner), w->owner_link->name);
	else
		snprintf(buf, len, "%s", w->xs);
	return buf;
}

/* -j: {"from","target","address","reachable","rtt_ms","path","checks":
 * [{"check","ok","detail"}],"cause","fix"} (null when none) */
static void print_json(const struct why *w, const char *target,
		       const char *cause, const char *fix)
{
	struct json j = { 0 };
	char buf[4096];

	json_begin_object(&j);
	json_str(&j, "from", model_ns_label(w->a));
	json_str(&j, "target", target);
	json_str_or_null(&j, "address", w->has_x ? w->xs : NULL);
	json_bool(&j, "reachable", w->pr.answered);
	json_key(&j, "rtt_ms");
	if (w->pr.answered)
		printf("%.3f", w->pr.rtt_ms);
	else
		fputs("null", stdout);
	json_str(&j, "path", path_text(w->m, &w->fwd, buf, sizeof(buf)));
	json_key(&j, "checks");
	json_begin_array(&j);
	for (int i = 0; i < w->nc; i++) {
		json_key(&j, NULL);
		json_begin_object(&j);
		json_str(&j, "check", w->c[i].name);
		json_bool(&j, "ok", w->c[i].ok);
		json_str(&j, "detail", w->c[i].detail);
		json_end_object(&j);
	}
	json_end_array(&j);
	json_str_or_null(&j, "cause", cause);
	json_str_or_null(&j, "fix", fix && *fix ? fix : NULL);
	json_end_object(&j);
	json_end(&j);
}

/* the answer in words: reached (and what the model doubts), or the
 * cause, the fix, the path, the probe and what it found */
static void print_text(const struct why *w, const char *cause,
		       const char *fix)
{
	const char *lbl = model_ns_label(w->a);
	char tgt[400], buf[4096], s[64];

	target_text(w, tgt, sizeof(tgt));
	if (w->pr.answered) {
		printf("%s reaches %s: %.*f ms\n", lbl, tgt,
		       w->pr.rtt_ms < 0.01 ? 3 : 2, w->pr.rtt_ms);
		for (int i = 0; i < w->nc; i++)
			if (!w->c[i].ok && w->c[i].hard)
				printf("  but the model says: %s\n",
				       w->c[i].cause);
		return;
	}
	printf("%s cannot reach %s: %s\n", lbl, tgt, cause);
	if (*fix)
		printf("fix: %s\n", fix);
	if (*w->then && *fix)
		printf("  %s\n", w->then);
	if (w->fwd.nhops)
		printf("  path: %s\n", path_text(w->m, &w->fwd, buf,
						 sizeof(buf)));
	if (w->has_x)
		printf("  probe: %s\n", w->pr.what);
	if (w->pr.neigh_before & (NUD_INCOMPLETE | NUD_FAILED))
		printf("  %s's entry for its next hop was %s from an earlier "
		       "attempt: cleared before the probe\n",
		       model_ns_label(w->a),
		       w->pr.neigh_before & NUD_FAILED ? "FAILED" :
		       "INCOMPLETE");
	if (w->src && *w->pr.ksrc &&
	    !streq(w->pr.ksrc, show_ip(w->src->family, w->src->addr, s,
				    sizeof(s))))
		printf("  the kernel sends from %s, the model expected %s\n",
		       w->pr.ksrc, s);
}

/* W for `why` with arguments A: the namespace, the target and the
 * address to probe (found by the path finder); 0, or 1 after reporting */
static int why_load(struct nsh *sh, struct why *w, const struct nsh_args *a)
{
	char esc[300];

	w->sh = sh;
	w->m = settle(sh);
	if (!w->m || !(w->a = show_ns_ref(sh, w->m, arg_str(a, "nsref"))) ||
	    show_target(sh, w->m, w->a, arg_str(a, "target"), &w->b, &w->x))
		return 1;
	if (!w->b && w->x.family == AF_INET6 && w->x.addr[0] == 0xfe &&
	    (w->x.addr[1] & 0xc0) == 0x80)
		return nsh_err(sh, "'%s': a link-local address needs a link; "
			       "ask about a global one",
			       str_escape(arg_str(a, "target"), esc,
					  sizeof(esc)));
	if (w->b)
		why_pick_target(w);
	else
		w->has_x = true;
	if (w->has_x) {
		show_ip(w->x.family, w->x.addr, w->xs, sizeof(w->xs));
		path_find(w->m, w->a, NULL, &w->x, show_state, &w->fwd);
		w->owner = w->fwd.owner;
		w->owner_link = w->fwd.owner_link;
	}
	return 0;
}

/* the checks, the probe, the evidence; then, when the probe is lost, its
 * CAUSE and the FIX (each of LEN bytes; "" when it got through) */
static void why_run(struct why *w, char *cause, char *fix, size_t len)
{
	const struct check *c;
	int nf, nb;

	why_check_ends(w);
	if (w->has_x && w->src && w->has_rt) {
		why_check_hops(w, &w->fwd);
		why_check_breaks(w);
		why_check_back(w);
	} else {
		/* no route: the links at least */
		why_check_hops(w, &w->l2);
	}
	if (w->has_x)
		why_probe(w->sh, w->m, w->a, &w->x, w->has_rt ? w->rt.oif : 0,
			  w->has_rt && w->rt.has_gw ? w->rt.gw : w->x.addr,
			  &w->pr);
	why_check_evidence(w, &nf, &nb);
	c = first_failure(w);
	cause[0] = fix[0] = '\0';
	if (!w->pr.answered && c) {
		snprintf(cause, len, "%s", c->cause);
		snprintf(fix, len, "%s", c->fix);
	} else if (!w->pr.answered) {
		unexplained(w, nf, nb, cause, len, fix, len);
	}
}

/*
 * why NSREF TARGET [-j]: the model's checks along the path, one real
 * probe, then the answer; 0 either way (1 only for a refused request).
 * A view: a diagnosis is an answer, not a failure (a teacher's "now look
 * what is broken" goes on); `expect` is the assertion.
 */
static int cmd_why(struct nsh *sh, const struct nsh_args *a)
{
	struct why *w = calloc(1, sizeof(*w));
	char cause[600], fix[600];
	int rc;

	if (!w)
		return nsh_err(sh, "out of memory");
	rc = why_load(sh, w, a);
	if (rc == 0) {
		why_run(w, cause, fix, sizeof(cause));
		if (arg_has(a, "-j"))
			print_json(w, arg_str(a, "target"),
				   *cause ? cause : NULL, fix);
		else
			print_text(w, cause, fix);
	}
	path_free(&w->fwd);
	path_free(&w->l2);
	free(w);
	return rc;
}

static const struct nsh_cmd why_cmds[] = {
	{ "why NSREF WORD$target [ -j ]",
	  "why a namespace cannot reach another or an address, and the fix",
	  cmd_why, 0, "why ns1 ns2",
	  "ip -n {nsref} route get {addr:target}\n"
	  "{exec:nsref} ping -c 1 -W 1 {addr:target}\n"
	  "ip -n {nsref} -d link show   (state, master, peer of each hop)" },
	{ NULL },
};

const struct nsh_family why_family = {
	"why", "diagnose why one namespace cannot reach another", why_cmds,
};
