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
#include "import.h"
#include "grade.h"
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
		"  --check LAB --each DIR...  grade submissions: each built "
		"in a sandbox\n"
		"                    of its own, LAB's expect lines run on it "
		"(--wait DUR,\n"
		"                    --timeout DUR, -j, --csv)\n"
		"  --import KIND PATH  write another tool's lab as a .nsh lab: "
		"kathara DIR,\n"
		"                    clab FILE.clab.yml (linux and bridge "
		"nodes)\n"
		"  -V, --version     nsh's version, and the libnl and readline it "
		"runs with\n"
		"  -h, --help        this text; inside nsh, 'help' lists the "
		"commands\n");
}

/* what --step needs of the lab's commands (shell/step.c) */
static int step_cleanup(struct nsh *sh)
{
	return cleanup_run(sh, false, false, true);
}

static const struct step_ops step_ops = {
	.cleanup = step_cleanup,
	.watch_begin = watch_begin,
	.watch_end = watch_end,
};

/* no SA_RESTART: a blocking poll()/waitpid() returns EINTR */
static void catch_signals(void)
{
	struct sigaction sa = { .sa_handler = on_sigint };

	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_sigterm;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
}

/* --check LAB --each DIR…: no sandbox of its own (each submission gets
 * one), the signals as for a script */
static int grade_main(struct nsh *sh, const char *lab, char **dirs, int n,
		      const struct grade_opts *g)
{
	struct grade_opts o = *g;
	int rc, k = 0;

	/* the options may also follow the submissions */
	for (int i = 0; i < n; i++) {
		bool dur = streq(dirs[i], "--wait") ||
			   streq(dirs[i], "--timeout");

		if (dur && i + 1 < n && parse_duration_ms(dirs[i + 1]) >= 0) {
			*(streq(dirs[i], "--wait") ? &o.wait_ms
						   : &o.timeout_ms) =
				parse_duration_ms(dirs[i + 1]);
			i++;
		} else if (dur) {
			fprintf(stderr, "nsh: %s: missing or bad duration\n",
				dirs[i]);
			return 2;
		} else if (streq(dirs[i], "--csv")) {
			o.csv = true;
		} else if (streq(dirs[i], "-j") || streq(dirs[i], "--json")) {
			sh->o.json = true;
		} else {
			dirs[k++] = dirs[i];
		}
	}
	n = k;
	g = &o;
	catch_signals();
	if (cmdtree_init() < 0)
		return 2;
	rc = grade_run(sh, lab, dirs, n, g);
	cmdtree_fini();
	return rc;
}

/* what the command line asks for */
struct start {
	const char *file, *line, *check, *step, *import;
	struct grade_opts grade;
	bool each, lines, cleanup;
};

/* an option that sets how nsh behaves: 0, or an exit status */
static int opt_flag(struct nsh *sh, int c, const char *arg)
{
	switch (c) {
	case 'k':
		sh->o.keep_going = true;
		break;
	case 'j':
		sh->o.json = true;
		break;
	case 'x':
		sh->o.xtrace = true;
		break;
	case 'S':
		sh->o.sandbox = true;
		break;
	case 'E':
		sh->o.explain = true;
		break;
	case 'N':
		sh->o.native = true;
		break;
	case 'e':
		sh->o.clean_env = true;
		break;
	case 'u':
		return set_user(sh, arg) < 0 ? 2 : 0;
	default:
		usage(stderr);
		return 2;
	}
	return 0;
}

/* an option that says what to run: 0, or an exit status (-1: exit 0) */
static int opt_mode(struct nsh *sh, struct start *st, int c, const char *arg)
{
	switch (c) {
	case 'f': st->file = arg; break;
	case 'c': st->line = arg; break;
	case 'i': st->lines = true; break;
	case 'C': st->check = arg; break;
	case 'L': st->cleanup = true; break;
	case 's': st->step = arg; break;
	case 'I': st->import = arg; break;
	case 'A': st->each = true; break;
	case 'v': st->grade.csv = true; break;
	case 'W':
	case 'T':
		if (parse_duration_ms(arg) < 0) {
			fprintf(stderr, "nsh: --%s: '%s': not a duration like "
					"5s or 500ms\n",
				c == 'W' ? "wait" : "timeout", arg);
			return 2;
		}
		*(c == 'W' ? &st->grade.wait_ms : &st->grade.timeout_ms) =
			parse_duration_ms(arg);
		break;
	case 'h':
		usage(stdout);
		return -1;
	case 'V':
		printf("nsh %s, %s, readline %s\n", PACKAGE_VERSION,
		       LIBNL_STRING, rl_library_version);
		return -1;
	default:
		return opt_flag(sh, c, arg);
	}
	return 0;
}

static int parse_options(int argc, char **argv, struct nsh *sh,
			 struct start *st)
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
		{ "import", required_argument, NULL, 'I' },
		{ "each", no_argument, NULL, 'A' },
		{ "csv", no_argument, NULL, 'v' },
		{ "wait", required_argument, NULL, 'W' },
		{ "timeout", required_argument, NULL, 'T' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, "+f:c:kihjxV", longopts, NULL)) !=
	       -1)
		if ((rc = opt_mode(sh, st, c, optarg)))
			return rc;
	return 0;
}

/* the session proper: which input runs */
static int run_session(struct nsh *sh, const struct start *st)
{
	struct input in;
	int rc;

	if (st->check)
		return check_run_file(sh, st->check);
	if (st->step)
		return step_run_file(sh, st->step, &step_ops);
	if (st->line)
		return nsh_run_line(sh, st->line, NSH_RUN);
	if (st->file)
		return script_run_file(sh, st->file);
	if (st->lines && !isatty(0)) {
		input_stream(&in, "<stdin>", 0, true);
		(void)model_get(sh);
		rc = input_run_live(sh, &in);
		input_close(&in);
		return rc;
	}
	if (!isatty(0))
		return script_run_file(sh, "-");
	sh->interactive = true;
	return repl_run(sh);
}

static int session(struct nsh *sh, const struct start *st)
{
	int rc;

	catch_signals();
	nsh_program_hook = mininet_program;
	nsh_before_hook = checkpoint_before;
	if (sh->o.sandbox && ns_sandbox_enter() < 0)
		return 1;
	if (ns_init(sh) < 0 || cmdtree_init() < 0)
		return 1;
	journal_init(sh);
	exec_raise_nofile();
	rc = run_session(sh, st);
	if (st->cleanup && !st->check) {
		sh->file = NULL;
		nsh_interrupted = 0;	/* a SIGTERM still lets it clean up */
		if (cleanup_run(sh, false, false, true) && !rc)
			rc = 1;
	}
	spawn_fini();
	journal_fini();
	model_fini();
	nsh_vars_free();
	cmdtree_fini();
	ns_fini(sh);
	if (nsh_terminated)
		return 128 + nsh_terminated;
	return rc > 255 ? 1 : rc;
}

/* --import KIND PATH: a translation, no kernel, no sandbox */
static int import_main(const struct start *st)
{
	int rc;

	if (!st->file || st->line || st->step || st->check) {
		usage(stderr);
		return 2;
	}
	if (cmdtree_init() < 0)
		return 1;
	rc = import_run(st->import, st->file);
	cmdtree_fini();
	return rc;
}

int main(int argc, char **argv)
{
	struct nsh sh = { .home.fd = -1, .cur.fd = -1 };
	struct start st = { .grade.timeout_ms = 60000 };
	int rc = parse_options(argc, argv, &sh, &st);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (st.each) {	/* grading: every other word is a submission */
		if (!st.check || st.file || st.line || st.step ||
		    optind == argc) {
			usage(stderr);
			return 2;
		}
		return grade_main(&sh, st.check, argv + optind, argc - optind,
				  &st.grade);
	}
	if (!st.file && !st.line && optind < argc)
		st.file = argv[optind++];
	if (optind < argc || (st.file && st.line) ||
	    (st.step && (st.file || st.line))) {
		usage(stderr);
		return 2;
	}
	if (st.import)
		return import_main(&st);
	return session(&sh, &st);
}
