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
#include "model.h"


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

static void usage(FILE *f)
{
	fprintf(f,
		"usage: nsh [--sandbox] [-k] [-i] [-j] [-x] [--explain] [--cleanup]\n"
		"           [--clean-env] [--user NAME]\n"
		"           [--native]\n"
		"           [--check FILE | --step FILE | -f FILE | -c LINE | FILE]\n"
		"  -f, --file FILE   run a .nsh script (stops at the first "
		"failing line)\n"
		"  -c, --command L   run one command line\n"
		"  -k, --keep-going  run every line of a script even after a "
		"failure (still exits 1)\n"
		"  --step FILE       present a lab one command at a time: "
		"narration from its\n"
		"                    comments, Enter runs, s skips, b goes back "
		"(restoring the\n"
		"                    lab), g LABEL jumps, ! opens a prompt, q "
		"quits\n"
		"  --check FILE      grade the live lab against FILE's 'expect' "
		"lines\n"
		"                    (exit 0 all passed, 1 some failed, 2 none "
		"found)\n"
		"  -j, --json        JSON output (with --check: a gradebook "
		"line)\n"
		"  -x                echo each script line, as at the prompt, "
		"before it runs\n"
		"  --explain         before each command, the plain iproute2 "
		"command line\n"
		"                    that does the same\n"
		"  --native          refuse the ip/bridge/tc lines nsh does not do "
		"natively\n"
		"                    (otherwise the real program runs them, "
		"with a notice)\n"
		"  --clean-env       run programs with PATH, HOME, TERM, LANG and "
		"USER only\n"
		"  --user NAME       run programs as NAME (nsh's own netlink work "
		"stays root's):\n"
		"                    students ping and curl without root\n"
		"  --cleanup         when the script ends, pass or fail, remove "
		"what it\n"
		"                    created (see 'help cleanup')\n"
		"  -i, --interactive read standard input line by line as it "
		"comes, even\n"
		"                    from a pipe (no checking pass): drive nsh "
		"from a program\n"
		"  --sandbox         work in a fresh network + mount namespace "
		"with a\n"
		"                    private /run/netns: nothing touches the "
		"host\n"
		"  -V, --version     nsh's version, and the libnl and readline it "
		"runs with\n"
		"  -h, --help        this text; inside nsh, 'help' lists the "
		"commands\n");
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
			printf("nsh %s, %s, readline %s\n",
			       PACKAGE_VERSION, LIBNL_STRING, rl_library_version);
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
	nsh_check_hook = expect_eval;
	if (sh.o.sandbox && ns_sandbox_enter() < 0)
		return 1;
	if (ns_init(&sh) < 0 ||
	    cmdtree_init(nsh_families, nsh_shared_types) < 0)
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
