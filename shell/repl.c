/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * repl.c - lines run as they come: the interactive prompt, `nsh -i` from
 * a pipe, the `!` prompt of --step.  Reading them is input.c's.
 *
 * At the prompt, Ctrl-C abandons the line being typed (and, while a
 * program runs, reaches only that program: nsh waits on); Ctrl-D leaves
 * (inside `enter`: the namespace).  A bracketed paste of several lines
 * runs as a script named "paste".  History: input.c.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core.h"
#include "model.h"
#include "term.h"

/* the namespaces the sandbox holds (NETNS_RUN_DIR's entries) */
static int sandbox_held(void)
{
	_cleanup_(closedirp) DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		n += e->d_name[0] != '.';
	return n;
}

/*
 * Ctrl-D: inside `enter` it leaves the namespace, as `exit` does there; at
 * the top of a --sandbox session that still holds namespaces it asks once,
 * since ending the session throws the lab away.  True: go on reading.
 */
static bool eof_stays(struct nsh *sh, bool *warned)
{
	int n;

	if (sh->remote && nsh_forward_hook) {	/* enter HOST:NS */
		printf("leave\n");
		(void)nsh_forward_hook(sh, "leave");
		return true;
	}
	if (sh->entered) {
		printf("leave\n");
		(void)nsh_run_line(sh, "leave", NSH_RUN);
		return true;
	}
	if (!sh->o.sandbox || *warned || (n = sandbox_held()) == 0)
		return false;
	printf("\nthe sandbox holds %d namespace%s; Ctrl-D again to discard "
	       "%s\n", n, n == 1 ? "" : "s", n == 1 ? "it" : "them");
	*warned = true;
	return true;
}

/*
 * A bracketed paste of several lines (readline hands them over as one,
 * newlines kept): each line its own history entry; checked as a script,
 * then run one by one as if typed, each shown after its prompt; the first
 * failure stops the rest (`paste:LINE: …`) and names the lines not run.
 */
static int run_paste(struct nsh *sh, struct input *in, const char *text)
{
	_cleanup_free_ char *buf = strdup(text);
	const char *file = sh->file;
	bool xtrace = sh->o.xtrace;
	int rc;

	if (!buf)
		return nsh_err_raw(sh, "out of memory");
	ANALYZER_KEEP(buf);	/* _cleanup_: freed on return */
	for (char *p = buf; *p;) {
		size_t n = strcspn(p, "\n");
		char c = p[n];

		p[n] = '\0';
		input_history(in, p);
		p[n] = c;
		p += n + (c == '\n');
	}
	sh->o.xtrace = true;
	sh->pasting = true;
	rc = script_run_buffer(sh, "paste", buf, strlen(buf));
	sh->pasting = false;
	sh->o.xtrace = xtrace;
	sh->file = file;
	return rc;
}

/* one line typed (or pasted) at the terminal, or read from a stream */
static int run_one(struct nsh *sh, struct input *in,
		   const struct script_line *l)
{
	int rc;

	if (in->kind == INPUT_TERMINAL && strchr(l->text, '\n')) {
		rc = run_paste(sh, in, l->text);
	} else {
		input_history(in, l->text);
		sh->line = l->lineno;
		rc = sh->remote && nsh_forward_hook ?
			     nsh_forward_hook(sh, l->text) :
			     nsh_run_line(sh, l->text, NSH_RUN);
	}
	teardown_wait(sh);
	fflush(stdout);
	return rc;
}

int input_run_live(struct nsh *sh, struct input *in)
{
	bool tty = in->kind == INPUT_TERMINAL, eof_warned = false;
	const char *file = sh->file;

	sh->file = tty ? NULL : in->name;
	while (!sh->quit && !nsh_terminated) {
		struct script_line l;
		int r;

		if (tty)
			nsh_jobs_reap(sh, true);	/* [1]+ Done … */
		r = input_line(sh, in, tty, &l);
		if ((r == -EINTR && tty) || r == -E2BIG)
			continue;	/* Ctrl-C: a new prompt; a line too
					 * long was said and is skipped */
		if (r == 0 && tty && eof_stays(sh, &eof_warned))
			continue;
		if (r <= 0) {
			if (tty)
				putchar('\n');
			break;
		}
		eof_warned = false;
		sh->last_status = run_one(sh, in, &l);
		free(l.text);
		if (!tty)
			sh->file = in->name;	/* a paste or `.` moved it */
	}
	sh->file = file;
	return tty ? 0 : sh->last_status ? 1 : 0;
}

int repl_run(struct nsh *sh)
{
	struct input in;
	int rc;

	input_terminal(&in);
	complete_init(sh);
	(void)model_get(sh);	/* TAB must not wait for the kernel */
	rc = input_run_live(sh, &in);
	complete_fini();
	input_close(&in);
	return rc;
}
