/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * shell.c - the shell's own commands: enter/leave a namespace, help, quit.
 *
 * `enter NS` switches the whole shell into NS (setns): the prompt names it
 * and every later command, program or `ip`, applies there, as if typed in
 * the "other terminal" of a tutorial.  `leave` (or `exit`) goes back.
 */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmds.h"
#include "core.h"

#define MAX_ENTER 16

static struct nsh_ns enter_stack[MAX_ENTER];

int run_inside(struct nsh *sh, struct nsh_ns *ns, int argc, char **argv)
{
	struct nsh_ns saved;
	int i = skip_sudo(argc, argv), rc;

	/* a program: only the child switches namespace */
	if (i < argc && !cmdtree_is_root(argv[i]))
		return nsh_run_program(sh, ns, argc - i, argv + i);
	if (ns_push(sh, ns, &saved))
		return 1;
	rc = nsh_run_words(sh, argc, argv, NSH_RUN);
	ns_pop(sh, &saved);
	return rc;
}

static int cmd_enter(struct nsh *sh, const struct nsh_args *a)
{
	struct nsh_ns ns;
	int rc;

	if (ns_resolve(sh, arg_str(a, "nsref"), true, &ns))
		return 1;
	if (a->nrest) {
		rc = run_inside(sh, &ns, a->nrest, a->rest);
		ns_close(&ns);
		return rc;
	}
	if (sh->entered == MAX_ENTER) {
		ns_close(&ns);
		return nsh_err(sh, "too many nested namespaces");
	}
	rc = ns_push(sh, &ns, &enter_stack[sh->entered]);
	ns_close(&ns);
	if (rc)
		return rc;
	sh->entered++;
	return 0;
}

static int leave(struct nsh *sh)
{
	sh->entered--;
	ns_pop(sh, &enter_stack[sh->entered]);
	return 0;
}

void nsh_leave_all(struct nsh *sh)
{
	while (sh->entered)
		leave(sh);
}

static int cmd_leave(struct nsh *sh, const struct nsh_args *a)
{
	if (!sh->entered)
		return nsh_err(sh, "not inside a namespace (see 'enter')");
	return leave(sh);
}

static int cmd_exit(struct nsh *sh, const struct nsh_args *a)
{
	if (sh->entered)
		return leave(sh);
	sh->quit = true;
	return 0;
}

static int cmd_quit(struct nsh *sh, const struct nsh_args *a)
{
	sh->quit = true;
	return 0;
}

static int cmd_help(struct nsh *sh, const struct nsh_args *a)
{
	return cmdtree_help(sh, a->nrest, a->rest);
}

/* `time COMMAND…`: run it and say how long it took (in-process: this is
 * how bench/ measures the model and completion without a terminal) */
static int cmd_time(struct nsh *sh, const struct nsh_args *a)
{
	struct timespec t0, t1;
	int rc;

	sh->exec_in_place = false;	/* it has more to say after */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = nsh_run_words(sh, a->nrest, a->rest, NSH_RUN);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fflush(stdout);
	fprintf(stderr, "time: %.3f ms\n",
		(double)(t1.tv_sec - t0.tv_sec) * 1e3 +
			(double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	return rc;
}

static int cmd_complete(struct nsh *sh, const struct nsh_args *a)
{
	return complete_print(sh, a->nrest, a->rest);
}

/* `say TEXT…`: narration in a lab script */
static int cmd_say(struct nsh *sh, const struct nsh_args *a)
{
	for (int i = 0; i < a->nrest; i++)
		printf("%s%s", i ? " " : "", a->rest[i]);
	putchar('\n');
	return 0;
}

/* `pause`: wait for Enter when a person is watching (a terminal) */
static int cmd_pause(struct nsh *sh, const struct nsh_args *a)
{
	char *line;

	if (!isatty(0) || sh->interactive)
		return 0;
	/* the namespaces deleted before it go now, not after the pause */
	teardown_release();
	if (input_key(sh, "-- press Enter to go on --", &line) > 0)
		free(line);
	return 0;
}

/* `export NAME=VALUE…`, `export NAME…`: variables that the programs nsh
 * runs see too; without a word, the environment */
static int cmd_export(struct nsh *sh, const struct nsh_args *a)
{
	extern char **environ;
	char q[1024];

	if (!a->nrest)
		for (char **e = environ; *e; e++) {
			const char *eq = strchr(*e, '=');

			if (eq && sh_name_ok(*e, (size_t)(eq - *e)))
				printf("export %.*s=%s\n", (int)(eq - *e), *e,
				       record_quote(eq + 1, q, sizeof(q)) ?
					       q : "''");
		}
	for (int i = 0; i < a->nrest; i++) {
		char *w = a->rest[i];
		size_t n = sh_assign_len(w);
		int e;

		if (!n && !sh_name_ok(w, strlen(w)))
			return nsh_err(sh, "'%s': not a valid name", w);
		if (n)
			w[n] = '\0';
		e = nsh_var_set(sh, w, n ? w + n + 1 : NULL, NSH_RUN,
				NSH_VAR_EXPORT);
		if (n)
			w[n] = '=';
		if (e < 0)
			return nsh_err(sh, "'%s': %s", w, strerror(-e));
	}
	return 0;
}

/* `unset NAME…` */
static int cmd_unset(struct nsh *sh, const struct nsh_args *a)
{
	for (int i = 0; i < a->nrest; i++) {
		if (!sh_name_ok(a->rest[i], strlen(a->rest[i])))
			return nsh_err(sh, "'%s': not a valid name",
				       a->rest[i]);
		if (nsh_var_unset(sh, a->rest[i], NSH_RUN) < 0)
			return nsh_err(sh, "out of memory");
	}
	return 0;
}

/* `wait [PID…]`: for the programs started with & */
static int cmd_wait(struct nsh *sh, const struct nsh_args *a)
{
	int st = 0;

	if (!a->nrest)
		return nsh_jobs_wait(sh, 0);
	for (int i = 0; i < a->nrest; i++) {
		unsigned long pid;

		if (parse_uint(a->rest[i], INT_MAX, &pid) < 0 || !pid)
			return nsh_err(sh, "'%s': not a PID", a->rest[i]);
		st = nsh_jobs_wait(sh, (pid_t)pid);
	}
	return st;
}

/* `label NAME`: a place in a lab (for step-by-step replay) */
static int cmd_label(struct nsh *sh, const struct nsh_args *a)
{
	return 0;
}

static const struct nsh_cmd shell_cmds[] = {
	{ "enter NSREF [ ARGS... ]",
	  "switch the shell into a namespace (or run one command there)",
	  cmd_enter, NSH_CMD_NESTED | NSH_CMD_TAIL | NSH_CMD_CONTEXT,
	  "enter ns1",
	  "{exec:nsref} {*|bash}" },
	{ "leave", "go back to the namespace before the last 'enter'",
	  cmd_leave, NSH_CMD_CONTEXT, NULL,
	  "exit   (the shell 'ip netns exec NS bash' "
			      "started)" },
	{ "exit", "leave the namespace, or nsh when not inside one", cmd_exit,
	  NSH_CMD_CONTEXT },
	{ "quit", "leave nsh", cmd_quit },
	{ "help [ TOPIC... ]", "list the commands, or describe some", cmd_help,
	  NSH_CMD_NOBARRIER, "help ip link" },
	{ "say [ ARGS... ]", "print narration (in a lab script)", cmd_say,
	  NSH_CMD_NOBARRIER, "say Now we connect ns1 to the bridge" },
	{ "pause", "wait for Enter when run from a terminal", cmd_pause,
	  NSH_CMD_NOBARRIER },
	{ "label WORD", "mark a place in a lab script", cmd_label,
	  NSH_CMD_NOBARRIER, "label method-b" },
	{ "export [ ARGS... ]",
	  "set variables (NAME=VALUE) that programs see too",
	  cmd_export, NSH_CMD_NOBARRIER, "export NS=ns1" },
	{ "unset [ ARGS... ]", "forget variables", cmd_unset,
	  NSH_CMD_NOBARRIER, "unset NS" },
	{ "wait [ ARGS... ]", "wait for the programs started with &",
	  cmd_wait, NSH_CMD_NOBARRIER, "wait" },
	{ "time ARGS...", "run a command and print how long it took",
	  cmd_time, NSH_CMD_NESTED, "time ip netns add ns1" },
	{ "complete ARGS...", "print the completions of the last word",
	  cmd_complete, NSH_CMD_HIDDEN | NSH_CMD_NOBARRIER },
	{ NULL },
};

const struct nsh_family shell_family = {
	"shell", "enter, leave, exit, quit, help, export, wait", shell_cmds,
};
