/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * record.c - `record FILE`: the session's state-changing commands, written
 * to FILE as a script that replays them (nsh --sandbox -f FILE).
 *
 * It works through nsh_after_hook (shell/dispatch.c), which sees every
 * command that ran: its words (sudo stripped), status and declaration.
 * What is recorded, and how:
 *
 * - only commands that succeeded (status 0);
 * - a declared command whose leading keywords (the words of its syntax
 *   before the first placeholder, option or bracket, in their full form)
 *   are "ip … add", "ip … delete", "ip … set", "ip … flush" or
 *   "ip … attach" (ip netns add/delete/attach, ip link add/set/delete,
 *   ip address add/delete/flush, ip route add/delete);
 * - `sysctl` with a KEY=VALUE word (a write, with or without -w);
 * - `spawn` (not `spawn list`), with the label it got and without
 *   --terminal; `kill LABEL` of a namespace spawned before it;
 * - `enter NS`, `leave`, and `exit` when it left a namespace (not nsh):
 *   the script goes through the same namespaces as the session;
 * - nested forms (`ip netns exec NS …`, `enter NS …`, `time …`) are not
 *   recorded themselves: the command inside them is, when it runs.  One
 *   that ran in another namespace than the script's current one is
 *   written as `ip netns exec NS WORDS…`;
 * - nothing else: show, list, help, complete, why, expect, record, save,
 *   read-only ip and sysctl commands.  A program (ping, …) that succeeded
 *   leaves a comment, "# ran: ping -c 3 10.0.0.2".
 *
 * Words are written back quoted where nsh's (and sh's) lexer needs it:
 * '…', with a single quote as '\''.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core.h"


#define MAX_LABELS 256
#define LINE_MAX_LEN 8192

static struct {
	FILE *f;
	char path[PATH_MAX];
	int lines;			/* commands written */
	bool failed;			/* a write failed (reported once) */
	struct nsh_ns ctx;		/* where the script stands (no fd) */
	char labels[MAX_LABELS][64];	/* spawn labels before the command */
	int nlabels;
	char **last_prog;		/* the last program seen, and its */
	char last_prog_words[256];	/* words, to recognise it nested */
} rec;

/* ------------------------------------------------------------ words */

/* a byte that needs no quoting (in nsh's lexer and in sh) */
static bool plain(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || strchr("_-+=.,:/@%^", c) || c >= 0x80;
}

/*
 * record_quote - W as one word of a script line: as is when every byte is
 * plain, else in single quotes ('\'' for a quote inside).  Returns BUF,
 * or NULL when W cannot be written on one line (a newline) or is too
 * long.
 */
const char *record_quote(const char *w, char *buf, size_t len)
{
	size_t o = 0;
	bool q = !*w;

	for (const char *p = w; *p; p++) {
		if (*p == '\n' || *p == '\r')
			return NULL;
		q |= !plain((unsigned char)*p);
	}
	if (!q) {
		if (strlen(w) >= len)
			return NULL;
		return strcpy(buf, w);
	}
	if (o + 1 >= len)
		return NULL;
	buf[o++] = '\'';
	for (const char *p = w; *p; p++) {
		const char *s = *p == '\'' ? "'\\''" : NULL;
		size_t n = s ? 4 : 1;

		if (o + n + 2 > len)
			return NULL;
		if (s)
			memcpy(buf + o, s, n);
		else
			buf[o] = *p;
		o += n;
	}
	buf[o++] = '\'';
	buf[o] = '\0';
	return buf;
}

/* append ARGV, quoted, to LINE (of LEN, O used); false if it does not fit
 * or a word cannot be written */
static bool add_words(char *line, size_t len, size_t *o, int argc,
		      char **argv)
{
	char buf[1024];

	for (int i = 0; i < argc; i++) {
		const char *q = record_quote(argv[i], buf, sizeof(buf));
		int n;

		if (!q)
			return false;
		n = snprintf(line + *o, len - *o, "%s%s", *o ? " " : "", q);
		if (n < 0 || (size_t)n >= len - *o)
			return false;
		*o += (size_t)n;
	}
	return true;
}

/* ------------------------------------------------------------ output */

static void put(struct nsh *sh, const char *line)
{
	if (!rec.f)
		return;
	if ((fputs(line, rec.f) < 0 || fputc('\n', rec.f) < 0 ||
	     fflush(rec.f) != 0) && !rec.failed) {
		rec.failed = true;
		fprintf(stderr, "nsh: record: cannot write to %s: %s\n",
			rec.path, strerror(errno));
	}
}

/* the word that names the namespace NS in a script: its name or spawn
 * label, or the PID of a "pid 1234" label; NULL for the host */
static const char *ns_word(const struct nsh_ns *ns)
{
	const char *label;

	if (strncmp(ns->label, "pid ", 4) == 0) {
		label = spawn_label_of((pid_t)atoi(ns->label + 4));
		return label ? label : ns->label + 4;
	}
	return ns->label[0] ? ns->label : NULL;
}

/*
 * write_cmd - write ARGV as a line, or as a comment starting with COMMENT
 * ("# ran: "); when it ran in another namespace than the script's, as
 * `ip netns exec NS ARGV…`.
 */
static void write_cmd(struct nsh *sh, int argc, char **argv,
		      const char *comment)
{
	char line[LINE_MAX_LEN], esc[300];
	const char *nsw = ns_word(&sh->cur);
	size_t o = 0;
	bool fits;

	if (!ns_same(&sh->cur, &rec.ctx) && nsw) {
		char *pre[] = { "ip", "netns", "exec", (char *)nsw };

		fits = add_words(line, sizeof(line), &o, 4, pre);
	} else {
		fits = true;
	}
	fits = fits && add_words(line, sizeof(line), &o, argc, argv);
	if (!fits) {
		snprintf(line, sizeof(line), "# not recorded (a word cannot "
			 "be written on one line): %s",
			 str_escape(argv[0], esc, sizeof(esc)));
		put(sh, line);
		return;
	}
	if (comment) {
		char c[LINE_MAX_LEN + 32];

		snprintf(c, sizeof(c), "%s%s", comment, line);
		put(sh, c);
		return;
	}
	put(sh, line);
	rec.lines++;
}

/* ------------------------------------------------------------ the rule */

enum rec_kind {
	REC_NONE,	/* read-only: not recorded */
	REC_CHANGE,	/* changes state: written as typed */
	REC_SPAWN,
	REC_KILL,
	REC_CONTEXT,	/* enter NS, leave, exit */
};

/* classify - what CMD (matched by ARGV) is, from its declaration's flags */
static enum rec_kind classify(const struct nsh *sh, const struct nsh_cmd *cmd,
			      int argc, char **argv)
{
	if (cmd->flags & NSH_CMD_MUTATES)
		return REC_CHANGE;
	if (cmd->flags & NSH_CMD_ASSIGNS) {
		for (int i = 1; i < argc; i++)
			if (argv[i][0] != '-' && strchr(argv[i], '='))
				return REC_CHANGE;
		return REC_NONE;
	}
	if (cmd->flags & NSH_CMD_SPAWNS)
		return REC_SPAWN;
	if (cmd->flags & NSH_CMD_KILLS)
		return REC_KILL;
	if (cmd->flags & NSH_CMD_CONTEXT)
		return sh->quit ? REC_NONE : REC_CONTEXT;
	return REC_NONE;
}

/* record_changes - whether CMD (matched by ARGV) changes the lab, by the
 * rule above (spawn and kill included): what `undo` snapshots before */
bool record_changes(const struct nsh *sh, const struct nsh_cmd *cmd,
		    int argc, char **argv)
{
	enum rec_kind k = classify(sh, cmd, argc, argv);

	return k == REC_CHANGE || k == REC_SPAWN || k == REC_KILL;
}

static bool was_label(const char *w)
{
	for (int i = 0; i < rec.nlabels; i++)
		if (streq(rec.labels[i], w))
			return true;
	return false;
}

/* the spawn labels now, as they will be "before" the next command */
static void snapshot_labels(void)
{
	const char *labels[MAX_LABELS];
	pid_t pids[MAX_LABELS];

	rec.nlabels = spawn_list(labels, pids, MAX_LABELS);
	for (int i = 0; i < rec.nlabels; i++)
		snprintf(rec.labels[i], sizeof(rec.labels[i]), "%s",
			 labels[i]);
}

/* `spawn [--terminal] [LABEL [ARGS…]]`: as `spawn LABEL [ARGS…]`, with the
 * label it was given or got (the one new since the last command) */
static void write_spawn(struct nsh *sh, const struct nsh_args *a)
{
	const char *labels[MAX_LABELS], *label = arg_str(a, "label");
	pid_t pids[MAX_LABELS];
	int n = spawn_list(labels, pids, MAX_LABELS);
	char *argv[NSH_MAX_WORDS + 2];
	int argc = 0;

	for (int i = 0; !label && i < n; i++)
		if (!was_label(labels[i]))
			label = labels[i];
	if (!label)
		return;
	argv[argc++] = "spawn";
	argv[argc++] = (char *)label;
	for (int i = 0; i < a->nrest && argc < NSH_MAX_WORDS; i++)
		argv[argc++] = a->rest[i];
	write_cmd(sh, argc, argv, NULL);
}

/* the script now stands where the session does (after enter or leave,
 * which are written as typed) */
static void set_ctx(struct nsh *sh)
{
	rec.ctx = sh->cur;
	rec.ctx.fd = -1;
}

/* words of ARGV joined, to recognise a program run by a nested command */
static void join(int argc, char **argv, char *buf, size_t len)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int i = 0; i < argc && o < len; i++)
		o += (size_t)snprintf(buf + o, len - o, "%s%s", i ? " " : "",
				      argv[i]);
}

/*
 * A nested form: `enter NS` alone moves the script into NS; otherwise the
 * command inside was (or will not be) recorded by its own hook call, and
 * only a program run inside leaves a comment here (unless the hook saw it
 * already, as for `time ping …`).
 */
static void nested(struct nsh *sh, int argc, char **argv,
		   const struct nsh_cmd *cmd)
{
	char saved_name[sizeof(sh->cmdname)], words[256];
	struct nsh_args a;
	int skip;

	memcpy(saved_name, sh->cmdname, sizeof(saved_name));
	if (cmdtree_match(sh, argc, argv, &a) || a.cmd != cmd) {
		memcpy(sh->cmdname, saved_name, sizeof(saved_name));
		return;
	}
	memcpy(sh->cmdname, saved_name, sizeof(saved_name));
	if (!a.nrest) {
		if (cmd->flags & NSH_CMD_CONTEXT) {
			set_ctx(sh);
			write_cmd(sh, argc, argv, NULL);
		}
		return;
	}
	skip = skip_sudo(a.nrest, a.rest);
	if (skip >= a.nrest || cmdtree_is_root(a.rest[skip]))
		return;
	join(a.nrest - skip, a.rest + skip, words, sizeof(words));
	if (rec.last_prog == a.rest + skip && streq(words, rec.last_prog_words))
		return;
	write_cmd(sh, argc, argv, "# ran: ");
}

/* nsh_after_hook while recording */
static void record_hook(struct nsh *sh, int argc, char **argv, int rc,
			const struct nsh_cmd *cmd)
{
	char **prog = NULL;
	struct nsh_args a;

	if (rc || !argc || !rec.f)
		goto out;
	if (!cmd) {
		write_cmd(sh, argc, argv, "# ran: ");
		prog = argv;
		join(argc, argv, rec.last_prog_words,
		     sizeof(rec.last_prog_words));
		goto out;
	}
	if (cmd->flags & NSH_CMD_NESTED) {
		nested(sh, argc, argv, cmd);
		goto out;
	}
	switch (classify(sh, cmd, argc, argv)) {
	case REC_NONE:
		break;
	case REC_CHANGE:
		write_cmd(sh, argc, argv, NULL);
		break;
	case REC_SPAWN: {
		char saved_name[sizeof(sh->cmdname)];

		memcpy(saved_name, sh->cmdname, sizeof(saved_name));
		if (cmdtree_match(sh, argc, argv, &a) == 0)
			write_spawn(sh, &a);
		memcpy(sh->cmdname, saved_name, sizeof(saved_name));
		break;
	}
	case REC_KILL:
		if (argc == 2 && was_label(argv[1]))
			write_cmd(sh, argc, argv, NULL);
		break;
	case REC_CONTEXT:
		set_ctx(sh);
		write_cmd(sh, argc, argv, NULL);
		break;
	}
out:
	rec.last_prog = prog;
	snapshot_labels();
}

/* ------------------------------------------------------------ start, stop */

/*
 * record_start - record from now on into PATH (created or truncated),
 * after a header; if nsh is inside a namespace, the script starts by
 * entering it.  Returns 0, or 1 after reporting.
 */
int record_start(struct nsh *sh, const char *path)
{
	char line[700], when[64], q[300];
	const char *nsw = ns_word(&sh->cur);
	time_t now = time(NULL);

	if (rec.f)
		return nsh_err(sh, "already recording to %s ('record stop' "
				   "first)", rec.path);
	if (strlen(path) >= sizeof(rec.path))
		return nsh_err(sh, "'%s': file name too long", path);
	rec.f = fopen(path, "we");
	if (!rec.f)
		return nsh_err(sh, "'%s': %s", path, strerror(errno));
	snprintf(rec.path, sizeof(rec.path), "%s", path);
	rec.lines = 0;
	rec.failed = false;
	rec.ctx = sh->cur;
	rec.ctx.fd = -1;
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S %z", localtime(&now));
	snprintf(line, sizeof(line), "# recorded by nsh on %s\n"
		 "# the state-changing commands of a session; replay: "
		 "nsh --sandbox -f FILE", when);
	put(sh, line);
	if (!ns_same(&sh->cur, &sh->home) && nsw &&
	    record_quote(nsw, q, sizeof(q))) {
		snprintf(line, sizeof(line), "enter %s", q);
		put(sh, line);
	}
	snapshot_labels();
	rec.last_prog = NULL;
	nsh_after_hook = record_hook;
	return 0;
}

/* record_stop - stop recording and close the file: 0, or 1 after
 * reporting (not recording, or the file could not be written) */
int record_stop(struct nsh *sh)
{
	int rc = 0;

	if (!rec.f)
		return nsh_err(sh, "not recording");
	nsh_after_hook = NULL;
	put(sh, "# end of recording");
	if (fclose(rec.f) != 0 || rec.failed)
		rc = nsh_err(sh, "'%s': the recording is incomplete: %s",
			     rec.path, rec.failed ? "a write failed" :
			     strerror(errno));
	rec.f = NULL;
	return rc;
}

/* record_path - the file being recorded to, or NULL; *RET_LINES: how many
 * commands it has */
const char *record_path(int *ret_lines)
{
	*ret_lines = rec.lines;
	return rec.f ? rec.path : NULL;
}
