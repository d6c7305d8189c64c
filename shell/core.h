/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * core.h - interfaces private to shell/ (the command tree, the REPL and
 * the option handling); command families only need nsh.h.
 */
#ifndef NSH_CORE_H
#define NSH_CORE_H

#include "nsh.h"

/* shell/types_name.c: the placeholder types that name something of the
 * lab (NETNS, NSREF, IFNAME, DEV…), completed from it */
extern const struct nsh_type nsh_name_types[];

/* shell/grammar.c: compile the rows of FAMILIES (ending with NULL) into
 * the grammars the matcher walks, after types_init; grammar_free undoes */
void grammar_compile(const struct nsh_family *const *families);
void grammar_free(void);

/* shell/cmdtree.c */
/* compile the families' declarations (FAMILIES ends with NULL; SHARED:
 * the placeholder types several share); main() hands them in */
int cmdtree_init(const struct nsh_family *const *families,
		 const struct nsh_type *shared);
/* the families cmdtree_init was given, in help's order */
const struct nsh_family *const *cmdtree_families(void);
void cmdtree_fini(void);
/* shell/grammar.c: is WORD the first word of a row? */
bool cmdtree_is_root(const char *word);
/*
 * cmdtree_context_words - when ARGV starts with the command words of a row
 * declared NSH_CMD_NESTED | NSH_CMD_CONTEXT ("enter", "ip netns exec"; the
 * first exact, the others also abbreviated), then the namespace word and
 * at least one more word: how many words the wrapper takes (its command
 * words and the namespace, which is the last of them); else 0.
 */
int cmdtree_context_words(int argc, char **argv);
/*
 * shell/match.c: cmdtree_match - match ARGV against every declared command.  On success
 * fills *RET and SH->cmdname and returns 0; otherwise reports one error
 * line (unknown, ambiguous, missing or invalid word) and returns 1.
 */
int cmdtree_match(struct nsh *sh, int argc, char **argv, struct nsh_args *ret);

/* A completion or `?` candidate. */
typedef void (*cmdtree_add_fn)(void *ctx, const char *word, const char *help);
/*
 * cmdtree_complete - the words that may follow ARGV: keywords starting with
 * PREFIX (with the summary of the command they lead to) and, for
 * placeholders, the type's live values (when it has a completer) or its
 * "TYPE" name with the type's help when PREFIX is NULL (`?` mode).
 */
void cmdtree_complete(struct nsh *sh, int argc, char **argv,
		      const char *prefix, cmdtree_add_fn add, void *ctx);
/* shell/grammar.c: the compiled rows: how many, and row I (its family
 * and command words) */
int cmdtree_nrows(void);
const struct nsh_cmd *cmdtree_row(int i, const struct nsh_family **ret_fam,
				  const char **ret_name);

/* shell/help.c: `help [WORDS…]`; help_render: a syntax as help prints it
 * (without "/abbrev" and "$binding" marks) */
const char *help_render(const char *syntax, char *buf, size_t len);
int cmdtree_help(struct nsh *sh, int argc, char **argv);

/* shell/dispatch.c: how many leading words are "sudo [-OPTION…]" */
int skip_sudo(int argc, char **argv);
/*
 * shell/dispatch.c: run ARGV (expanded words) as nsh_run_words does; when
 * MAY_REPLACE (a forked nsh with nothing left to do), a program it runs
 * replaces the process.  nsh_explain_words prints --explain's lines for
 * ARGV without running it (errors are not shown: the run shows them).
 */
int nsh_run_simple(struct nsh *sh, int argc, char **argv, bool may_replace);
void nsh_explain_words(struct nsh *sh, int argc, char **argv);
/* shell/dispatch.c: run ARGV as a program in NS (status reported in
 * scripts) */
int nsh_run_program(struct nsh *sh, const struct nsh_ns *ns, int argc,
		    char **argv);
/* shell/shfallback.c: the script at PATH (or TEXT: a script read from
 * stdin, or a -c line) run by bash, nsh's own ip, bridge and tc first in
 * its PATH, after one line saying where sh->needs_sh was met: its status,
 * or a negative errno when it cannot: -EINVAL when bash -n finds it
 * broken too, -ENOENT (no bash) */
int sh_fallback_run(struct nsh *sh, const char *path, const char *text,
		    bool script);
/* the error line when sh_fallback_run could not (RC): 1 */
int sh_fallback_refused(struct nsh *sh, int rc);

/*
 * shell/dispatch.c: if set, called after every command that ran, with its
 * words (sudo stripped), its status and its declaration (NULL for a
 * program) — how `record` learns what the session did.
 */
extern void (*nsh_after_hook)(struct nsh *sh, int argc, char **argv, int rc,
			      const struct nsh_cmd *cmd);

/* shell/dispatch.c: if set, called before every declared command runs
 * (not while replaying): how `undo` snapshots the state before a change */
extern void (*nsh_before_hook)(struct nsh *sh, int argc, char **argv,
			       const struct nsh_cmd *cmd);
/* shell/dispatch.c: the checking pass met a command flagged NSH_CMD_UNDO */
extern bool nsh_undo_wanted;

/* shell/dispatch.c: if set, called after every line that ran (not the
 * commands nested in it), with its status: how --step learns what was
 * done at its `!` prompt */
extern void (*nsh_line_hook)(struct nsh *sh, const char *line, int rc);

/* shell/dispatch.c: if set, offered every program line first (Mininet's
 * habits, cmds/mininet.c): its status if it ran the line, else -1 */
extern int (*nsh_program_hook)(struct nsh *sh, int argc, char **argv);
/* cmds/mininet.c: the hook main() installs */
int mininet_program(struct nsh *sh, int argc, char **argv);
/* shell/dispatch.c: if set, called before each command (ARGV) runs, and
 * with ARGC 0 when a script ends: a status other than 0 stops the command
 * (other hosts' pipelined lines, cmds/host.c: one of them failed) */
extern int (*nsh_barrier_hook)(struct nsh *sh, int argc, char **argv);
/* shell/dispatch.c: if set, offered each matched command first: its status
 * if it ran it elsewhere (a namespace on another host, cmds/host.c), else
 * -1 */
extern int (*nsh_remote_hook)(struct nsh *sh, int argc, char **argv,
			      const struct nsh_args *a);
/* shell/dispatch.c: if set, a live line (the prompt, -i) after `enter
 * HOST:NS` is handed whole to it: its status */
extern int (*nsh_forward_hook)(struct nsh *sh, const char *line);
int hosts_forward(struct nsh *sh, const char *line);
/* cmds/host.c: the barrier and remote hooks main() installs */
int hosts_barrier(struct nsh *sh, int argc, char **argv);
int hosts_remote(struct nsh *sh, int argc, char **argv,
		 const struct nsh_args *a);
/* the program hook main() installs: `HOST: LINE`, then Mininet's forms
 * (cmds/cmds.c) */
int cmds_program(struct nsh *sh, int argc, char **argv);
/* cmds/checkpoint.c: the nsh_before_hook main() installs (undo's
 * snapshot before each change) */
void checkpoint_before(struct nsh *sh, int argc, char **argv,
		       const struct nsh_cmd *cmd);

/* shell/explain.c: --explain's line(s) for ARGV (matched as A, or NULL
 * for a program) */
void explain_print(struct nsh *sh, int argc, char **argv,
		   const struct nsh_args *a);
/* where explain_print writes: descriptor FD, or standard output (-1) */
void explain_set_fd(int fd);

/*
 * shell/step.c: `nsh --step FILE`, the guided replay.  What it needs of
 * the lab's commands is handed in by main() (the composition root), so
 * shell/ calls no cmds/ function by name: CLEANUP removes what this
 * session made, quietly; WATCH_BEGIN/WATCH_END narrate the model's
 * changes in between (`watch`'s + - ~ lines).
 */
struct step_ops {
	int (*cleanup)(struct nsh *sh);
	struct watch *(*watch_begin)(struct nsh *sh);
	void (*watch_end)(struct nsh *sh, struct watch *w);
};
int step_run_file(struct nsh *sh, const char *path,
		  const struct step_ops *ops);

/* shell/check.c: `nsh --check FILE`: evaluate only its `expect` lines
 * against the live state; 0 all passed, 1 some failed, 2 none found */
int check_run_file(struct nsh *sh, const char *path);
/* shell/check.c: how it evaluates one matched expect line (main() sets it
 * to expect_eval); the signature of expect_eval */
extern bool (*nsh_check_hook)(struct nsh *sh, const struct nsh_args *a,
			      char *what, char *found, char *hint,
			      size_t len);

/*
 * cmds/expect.c: evaluate the `expect` command A against the live state,
 * without printing.  WHAT receives what was expected ("ns1 reaches ns2"),
 * FOUND what was found instead (on success: a detail, maybe empty), HINT
 * a next step for a failure or "" (each LEN bytes).  True when it holds.
 */
bool expect_eval(struct nsh *sh, const struct nsh_args *a, char *what,
		 char *found, char *hint, size_t len);

/*
 * shell/record.c: `record FILE` … `record stop` (through nsh_after_hook).
 * record_path gives the file being recorded to (NULL: none) and its line
 * count; record_quote renders W as one word of a script line.
 */
int record_start(struct nsh *sh, const char *path);
int record_stop(struct nsh *sh);
const char *record_path(int *ret_lines);
const char *record_quote(const char *w, char *buf, size_t len);
bool record_changes(const struct nsh *sh, const struct nsh_cmd *cmd,
		    int argc, char **argv);

/* shell/complete.c: readline TAB and `?`; `complete WORDS…` */
void complete_init(struct nsh *sh);
void complete_fini(void);
int complete_print(struct nsh *sh, int argc, char **argv);

/*
 * shell/input.c: the one input layer.  A source of lines: the terminal
 * (readline), a stream (a pipe, standard input) or a buffer (a file's or
 * a paste's text); input_line reads its logical lines, one continuation
 * rule for all.
 */
enum input_kind { INPUT_TERMINAL, INPUT_STREAM, INPUT_BUFFER };

struct input {
	enum input_kind kind;
	const char *name;	/* in messages: a path, "<stdin>", "paste" */
	int fd;			/* TERMINAL, STREAM */
	char *buf;		/* STREAM: read ahead (owned); BUFFER: text */
	size_t len, pos, cap;
	int lineno;		/* physical lines handed out */
	bool eof;
	bool skip;		/* dropping the rest of a line too long */
	bool events;		/* serve netlink events while waiting */
	char *hist;		/* TERMINAL: the history file */
};

void input_buffer(struct input *in, const char *name, const char *text,
		  size_t len);
void input_stream(struct input *in, const char *name, int fd, bool events);
void input_terminal(struct input *in);
void input_close(struct input *in);
void input_history(struct input *in, const char *line);
int input_wait(struct nsh *sh, int fd);
void input_prompt(struct nsh *sh, bool cont, bool live, char *buf,
		  size_t len);
int input_physical(struct nsh *sh, struct input *in, const char *prompt,
		   char **ret);
bool input_continues(const char *s);
int input_line(struct nsh *sh, struct input *in, bool prompt,
	       struct script_line *ret);
int input_all(struct nsh *sh, struct input *in, struct script_line **ret,
	      int *ret_n);
int input_key(struct nsh *sh, const char *prompt, char **ret);
struct input *input_keys(void);
void input_keys_close(void);

/*
 * shell/repl.c: run IN's lines as they come (the prompt, `nsh -i`, the
 * `--step` `!` prompt); repl_run is the interactive session.
 */
int input_run_live(struct nsh *sh, struct input *in);
int repl_run(struct nsh *sh);

#endif
