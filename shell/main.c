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
#include "ipl.h"
#include "model.h"
#include "nsh-version.h"
#include "remote.h"
#include "term.h"


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
		"      --check LAB --each DIR...  grade submissions, each in "
		"a sandbox\n"
		"      --import KIND PATH  another tool's lab as a .nsh lab "
		"(kathara, clab)\n"
		"      --color[=WHEN]  colour the views and the prompt: always, "
		"auto (on a\n"
		"                      terminal: the default) or never\n"
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
			help_render(cmd->syntax, u, sizeof(u));
		printf("command\t%s\t%s\t%s\n", fam->name, u,
		       cmd->summary ? cmd->summary : "");
	}
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

/* what shell/ reaches of cmds/: the hooks the composition root hands in */
static void install_hooks(void)
{
	nsh_program_hook = cmds_program;
	nsh_barrier_hook = hosts_barrier;
	nsh_remote_hook = hosts_remote;
	nsh_forward_hook = hosts_forward;
	nsh_check_hook = expect_eval;
	nsh_before_hook = checkpoint_before;
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
	install_hooks();
	if (cmdtree_init(nsh_families, nsh_shared_types) < 0)
		return 2;
	rc = grade_run(sh, lab, dirs, n, g);
	cmdtree_fini();
	return rc;
}

/* what the command line asks for */
struct start {
	const char *file, *line, *check, *step, *import;
	char **words;		/* called as ip, bridge, tc or nsh-words: one
				 * command's words (shfallback.c's applets) */
	int nwords;
	struct grade_opts grade;
	bool each, lines, cleanup, agent;
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
	case 'O':
		if (term_parse_when(arg) < 0) {
			fprintf(stderr, "nsh: --color=%s: always, auto or "
					"never\n", arg);
			return 2;
		}
		term_set_when((enum term_when)term_parse_when(arg));
		break;
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
	case 'G': st->agent = true; break;
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
		version();
		return -1;
	case 'H':
		if (cmdtree_init(nsh_families, nsh_shared_types) < 0)
			return 1;
		help_commands();
		cmdtree_fini();
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
		{ "help-commands", no_argument, NULL, 'H' },
		{ "color", optional_argument, NULL, 'O' },
		{ "colour", optional_argument, NULL, 'O' },
		{ "agent", no_argument, NULL, 'G' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc;

	term_init();
	while ((c = getopt_long(argc, argv, "+f:c:kihjxV", longopts, NULL)) !=
	       -1)
		if ((rc = opt_mode(sh, st, c, optarg)))
			return rc;
	return 0;
}

/* -c LINE: run; in sh syntax nsh does not run, by bash (shfallback.c) */
static int run_line(struct nsh *sh, const char *line)
{
	int rc;

	sh->sh_fallback_ok = !sh->o.keep_going;
	sh->needs_sh.met = false;
	rc = nsh_run_line(sh, line, NSH_RUN);
	sh->sh_fallback_ok = false;
	if (!sh->needs_sh.met)
		return rc;
	rc = sh_fallback_run(sh, NULL, line, false);
	return rc >= 0 ? rc : sh_fallback_refused(sh, rc);
}

/* the session proper: which input runs */
static int run_session(struct nsh *sh, const struct start *st)
{
	struct input in;
	int rc;

	if (st->check)
		return check_run_file(sh, st->check);
	if (st->agent)
		return agent_run(sh, &step_ops);
	if (st->step)
		return step_run_file(sh, st->step, &step_ops);
	if (st->words)
		return nsh_run_words(sh, st->nwords, st->words, NSH_RUN);
	if (st->line)
		return run_line(sh, st->line);
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
	install_hooks();
	if (sh->o.sandbox && ns_sandbox_enter() < 0)
		return 1;
	if (ns_init(sh) < 0 || cmdtree_init(nsh_families, nsh_shared_types) < 0)
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
	hosts_fini(sh);
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
	if (cmdtree_init(nsh_families, nsh_shared_types) < 0)
		return 1;
	rc = import_run(st->import, st->file);
	cmdtree_fini();
	return rc;
}

/* called as ip, bridge or tc (the links shfallback.c makes for bash), or
 * nsh-words (what bash did not find): that one command, its words as
 * given, no option of nsh's read; true when so called */
static bool applet(int argc, char **argv, struct start *st)
{
	const char *base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1
						  : argv[0];

	if (streq(base, "nsh-words")) {
		st->words = argv + 1;
		st->nwords = argc - 1;
		return true;
	}
	if (!streq(base, "ip") && !streq(base, "bridge") && !streq(base, "tc"))
		return false;
	argv[0] = (char *)base;
	st->words = argv;
	st->nwords = argc;
	return true;
}

int main(int argc, char **argv)
{
	struct nsh sh = { .home.fd = -1, .cur.fd = -1 };
	struct start st = { .grade.timeout_ms = 60000 };
	int rc;

	if (argc > 0 && applet(argc, argv, &st))
		return session(&sh, &st);
	rc = parse_options(argc, argv, &sh, &st);

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
