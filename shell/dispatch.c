/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * dispatch.c - run (or only check) one command line.
 *
 * A line whose first word is an nsh command is matched against the command
 * tree and its handler called; any other line runs as a program in the
 * current namespace.  A leading `sudo` (with its options) is ignored so a
 * tutorial pastes straight in.  iproute2's global options (-n NS, -j, -d,
 * -p, -4, -6) are applied here, for every `ip` command alike.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "core.h"

void (*nsh_after_hook)(struct nsh *sh, int argc, char **argv, int rc,
		      const struct nsh_cmd *cmd);
void (*nsh_line_hook)(struct nsh *sh, const char *line, int rc);

/* >0 while a command runs: the commands nested in it are not explained */
static int nested;

int skip_sudo(int argc, char **argv)
{
	int i = 0;

	while (i < argc && streq(argv[i], "sudo"))
		for (i++; i < argc && argv[i][0] == '-'; i++)
			;
	return i;
}

int nsh_run_program(struct nsh *sh, const struct nsh_ns *ns, int argc,
		    char **argv)
{
	int st;

	if (sh->replaying)
		return 0;
	teardown_wait(sh);
	snprintf(sh->cmdname, sizeof(sh->cmdname), "%s", argv[0]);
	st = ns_exec_in(sh, ns, argv);
	if (st == 128 + SIGINT && sh->interactive)
		putchar('\n');	/* the ^C the terminal echoed */
	/* 127: the child already said "command not found" */
	if (st && st != 127 && !sh->interactive)
		nsh_err(sh, "exited with status %d", st);
	return st;
}

static int run_matched(struct nsh *sh, struct nsh_args *a)
{
	struct nsh_opts saved_o = sh->o;
	struct nsh_ns ns, saved;
	const char *opt_ns = arg_str(a, "opt_netns");
	int rc;

	if (arg_has(a, "-j") || arg_has(a, "-json"))
		sh->o.json = true;
	if (arg_has(a, "-d") || arg_has(a, "-details"))
		sh->o.details = true;
	if (arg_has(a, "-p") || arg_has(a, "-pretty"))
		sh->o.pretty = true;
	if (arg_has(a, "-4"))
		sh->o.family = AF_INET;
	if (arg_has(a, "-6"))
		sh->o.family = AF_INET6;
	if (opt_ns) {
		if (ns_resolve(sh, opt_ns, true, &ns))
			return 1;
		rc = ns_push(sh, &ns, &saved);
		ns_close(&ns);
		if (rc)
			return rc;
	}
	rc = a->cmd->fn(sh, a);
	if (opt_ns)
		ns_pop(sh, &saved);
	sh->o = saved_o;
	return rc;
}

int nsh_run_words(struct nsh *sh, int argc, char **argv, enum nsh_mode mode)
{
	struct nsh_args a;

	int skip = skip_sudo(argc, argv);

	argc -= skip;
	argv += skip;
	if (!argc)
		return 0;
	sh->cmdname[0] = '\0';
	if (!cmdtree_is_root(argv[0])) {
		if (mode == NSH_CHECK)
			return 0;
		if (sh->o.explain && !nested && !sh->replaying)
			explain_print(sh, argc, argv, NULL);
		int st = nsh_run_program(sh, &sh->cur, argc, argv);

		if (nsh_after_hook)
			nsh_after_hook(sh, argc, argv, st, NULL);
		return st;
	}
	if (cmdtree_match(sh, argc, argv, &a))
		return 1;
	if (mode == NSH_CHECK) {
		if ((a.cmd->flags & NSH_CMD_NESTED) && a.nrest)
			return nsh_run_words(sh, a.nrest, a.rest, mode);
		return 0;
	}
	if (!(a.cmd->flags & NSH_CMD_NOBARRIER))
		teardown_wait(sh);
	if (sh->o.explain && !nested && !sh->replaying)
		explain_print(sh, argc, argv, &a);
	nested++;
	int rc = run_matched(sh, &a);

	nested--;

	if (nsh_after_hook)
		nsh_after_hook(sh, argc, argv, rc, a.cmd);
	return rc;
}

int nsh_run_line(struct nsh *sh, const char *line, enum nsh_mode mode)
{
	struct nsh_words w;
	const char *err;
	int col, rc;

	if (lex_split(line, &w, &err, &col) < 0) {
		sh->cmdname[0] = '\0';
		return nsh_err_raw(sh, "column %d: %s", col + 1, err);
	}
	rc = nsh_run_words(sh, w.n, w.w, mode);
	lex_free(&w);
	if (nsh_line_hook && mode == NSH_RUN)
		nsh_line_hook(sh, line, rc);
	return rc;
}
