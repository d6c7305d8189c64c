/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * main.c - options and start-up.
 *
 *   nsh [--sandbox] [--keep-going]              interactive, or a script
 *                                               on stdin when not a tty
 *   nsh [--sandbox] [--keep-going] -f FILE      run a .nsh script
 *   nsh [--sandbox] -c 'LINE'                   run one line
 */
#include "config.h"

#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <netlink/version.h>
#include <readline/readline.h>

#include "core.h"
#include "ipl.h"
#include "model.h"
#include "nsh-version.h"


static void on_sigint(int sig)
{
	nsh_interrupted = 1;
}

/* SIGTERM, SIGHUP: as Ctrl-C, the step under way finishes (or is
 * undone) first, so nothing is left half made; then nsh ends */
static void on_sigterm(int sig)
{
	nsh_terminated = sig;
	nsh_interrupted = 1;
}

/* --user NAME: who programs run as (nsh's own netlink work stays root's) */
static int set_user(struct nsh *sh, const char *name)
{
	struct passwd *pw = getpwnam(name);

	if (!pw) {
		fprintf(stderr, "nsh: --user %s: no such user\n", name);
		return -1;
	}
	sh->o.as_user = true;
	sh->o.uid = pw->pw_uid;
	sh->o.gid = pw->pw_gid;
	sh->o.ngroups = (int)ARRAY_SIZE(sh->o.groups);
	if (getgrouplist(pw->pw_name, pw->pw_gid, sh->o.groups,
			 &sh->o.ngroups) < 0)
		sh->o.ngroups = (int)ARRAY_SIZE(sh->o.groups);
	snprintf(sh->o.user, sizeof(sh->o.user), "%s", pw->pw_name);
	snprintf(sh->o.user_home, sizeof(sh->o.user_home), "%s", pw->pw_dir);
	return 0;
}

/* --help: short; the whole story is nsh(1) and nsh-lab(5) */
static void usage(FILE *f)
{
	fprintf(f,
		"usage: nsh [OPTION]... [FILE]\n"
		"       nsh [OPTION]... -c LINE | -f FILE | --step FILE | "
		"--check FILE\n"
		"With no FILE: the prompt, or a script read from standard "
		"input.\n"
		"  -c, --command LINE  run one line\n"
		"  -f, --file FILE     run a .nsh script; it stops at the "
		"first failure\n"
		"  -k, --keep-going    run every line of a script even after "
		"a failure\n"
		"  -i, --interactive   read standard input line by line as it "
		"comes\n"
		"  -x                  echo each script line before it runs\n"
		"  -j, --json          JSON output (with --check: a "
		"gradebook)\n"
		"      --sandbox       work in a fresh network + mount "
		"namespace\n"
		"      --step FILE     present a lab one command at a time\n"
		"      --check FILE    grade the live lab against FILE's "
		"expect lines\n"
		"      --explain       print the iproute2 line of each nsh "
		"command\n"
		"      --native        refuse the lines nsh would hand to "
		"ip/bridge/tc\n"
		"      --cleanup       remove what the script created when it "
		"ends\n"
		"      --user NAME     run programs as NAME\n"
		"      --clean-env     run programs with PATH, HOME, TERM, "
		"LANG, USER only\n"
		"  -V, --version       nsh's version, and the libnl and "
		"readline it runs with\n"
		"  -h, --help          this text\n"
		"Details: man nsh, man nsh-lab (scripts); inside nsh: help.\n");
}

/* -V: "nsh 0.2 (git describe), libnl 3.7.0, readline 8.2", the libnl
 * and readline nsh runs with; no "(…)" when built from a tarball */
static void version(void)
{
	printf("nsh %s", PACKAGE_VERSION);
	if (*NSH_GIT_DESCRIBE)
		printf(" (%s)", NSH_GIT_DESCRIBE);
	printf(", libnl %d.%d.%d, readline %s\n", nl_ver_maj, nl_ver_min,
	       nl_ver_mic, rl_library_version);
}

/* SYNTAX as help prints it: without "/abbrev" and "$binding" marks
 * (shell/help.c's render) */
static const char *render_syntax(const char *syntax, char *buf, size_t len)
{
	size_t o = 0;

	for (const char *p = syntax; *p && o + 1 < len; p++) {
		if (*p == '/' || *p == '$') {
			while (p[1] && !strchr(" [](){}|", p[1]))
				p++;
			continue;
		}
		buf[o++] = *p;
	}
	buf[o] = '\0';
	return buf;
}

/*
 * --help-commands (not listed): the families and the commands `help`
 * lists, from the same declarations, one per line, fields separated by
 * tabs: "family NAME SUMMARY" and "command FAMILY SYNOPSIS SUMMARY".  The
 * command list of nsh(1) (doc/commands.sh, `make update-man`) and the
 * bash completion (completion/nsh.bash) are made from it;
 * tests/dist/t-man.sh checks it against `nsh -c help`.
 */
static void help_commands(void)
{
	for (int f = 0; nsh_families[f]; f++)
		printf("family\t%s\t%s\n", nsh_families[f]->name,
		       nsh_families[f]->summary);
	for (int i = 0; i < cmdtree_nrows(); i++) {
		const struct nsh_family *fam;
		const struct nsh_cmd *cmd = cmdtree_row(i, &fam, NULL);
		char root[16], u[512];

		if (cmd->flags & NSH_CMD_HIDDEN)
			continue;
		snprintf(root, sizeof(root), "%.*s",
			 (int)strcspn(cmd->syntax, " "), cmd->syntax);
		if (!cmd->fn && ipl_is_root(root))
			continue;	/* left to the real program */
		if (cmd->opts || ipl_is_root(root))
			ipl_synopsis(cmd, u, sizeof(u));
		else
			render_syntax(cmd->syntax, u, sizeof(u));
		printf("command\t%s\t%s\t%s\n", fam->name, u,
		       cmd->summary ? cmd->summary : "");
	}
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "file", required_argument, NULL, 'f' },
		{ "command", required_argument, NULL, 'c' },
		{ "keep-going", no_argument, NULL, 'k' },
		{ "interactive", no_argument, NULL, 'i' },
		{ "check", required_argument, NULL, 'C' },
		{ "json", no_argument, NULL, 'j' },
		{ "sandbox", no_argument, NULL, 'S' },
		{ "cleanup", no_argument, NULL, 'L' },
		{ "step", required_argument, NULL, 's' },
		{ "explain", no_argument, NULL, 'E' },
		{ "native", no_argument, NULL, 'N' },
		{ "clean-env", no_argument, NULL, 'e' },
		{ "user", required_argument, NULL, 'u' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "help-commands", no_argument, NULL, 'H' },
		{ NULL, 0, NULL, 0 },
	};
	struct nsh sh = { .home.fd = -1, .cur.fd = -1 };
	struct sigaction sa = { .sa_handler = on_sigint };
	const char *file = NULL, *line = NULL, *check = NULL, *step = NULL;
	bool lines = false, cleanup = false;
	int c, rc;

	while ((c = getopt_long(argc, argv, "+f:c:kihjxV", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			file = optarg;
			break;
		case 'c':
			line = optarg;
			break;
		case 'k':
			sh.o.keep_going = true;
			break;
		case 'i':
			lines = true;
			break;
		case 'C':
			check = optarg;
			break;
		case 'j':
			sh.o.json = true;
			break;
		case 'x':
			sh.o.xtrace = true;
			break;
		case 'S':
			sh.o.sandbox = true;
			break;
		case 'L':
			cleanup = true;
			break;
		case 's':
			step = optarg;
			break;
		case 'E':
			sh.o.explain = true;
			break;
		case 'N':
			sh.o.native = true;
			break;
		case 'e':
			sh.o.clean_env = true;
			break;
		case 'u':
			if (set_user(&sh, optarg) < 0)
				return 2;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			version();
			return 0;
		case 'H':
			if (cmdtree_init() < 0)
				return 1;
			help_commands();
			cmdtree_fini();
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (!file && !line && optind < argc)
		file = argv[optind++];
	if (optind < argc || (file && line) || (step && (file || line))) {
		usage(stderr);
		return 2;
	}
	/* no SA_RESTART: a blocking poll()/waitpid() returns EINTR */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_sigterm;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	nsh_program_hook = mininet_program;
	if (sh.o.sandbox && ns_sandbox_enter() < 0)
		return 1;
	if (ns_init(&sh) < 0 || cmdtree_init() < 0)
		return 1;
	journal_init(&sh);
	exec_raise_nofile();
	if (check) {
		rc = check_run_file(&sh, check);
	} else if (step) {
		rc = step_run_file(&sh, step);
	} else if (line) {
		rc = nsh_run_line(&sh, line, NSH_RUN);
	} else if (file) {
		rc = script_run_file(&sh, file);
	} else if (lines && !isatty(0)) {
		rc = repl_lines(&sh);
	} else if (!isatty(0)) {
		rc = script_run_file(&sh, "-");
	} else {
		sh.interactive = true;
		rc = repl_run(&sh);
	}
	if (cleanup && !check) {
		sh.file = NULL;
		nsh_interrupted = 0;	/* a SIGTERM still lets it clean up */
		if (cleanup_run(&sh, false, false, true) && !rc)
			rc = 1;
	}
	spawn_fini();
	journal_fini();
	model_fini();
	nsh_vars_free();
	cmdtree_fini();
	ns_fini(&sh);
	if (nsh_terminated)
		return 128 + nsh_terminated;
	return rc > 255 ? 1 : rc;
}
