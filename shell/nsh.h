/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * nsh.h - the contracts between the shell core (shell/) and the command
 * families (cmds/).
 *
 * A command is declared once, as a row of a family table (struct nsh_cmd):
 * its syntax string drives parsing, `help` and completion.  Placeholders in
 * the syntax (UPPER-CASE words) are typed (struct nsh_type): the type parses
 * and checks the word before anything runs, so a handler receives values
 * that are already valid and never looks at raw argv.
 *
 * Ownership: every pointer a handler receives is owned by the caller and
 * valid for the duration of the call only.
 */
#ifndef NSH_H
#define NSH_H

#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "util.h"

struct nl_sock;
struct rtnl_link;
struct ipl_opt;
struct ipl_table;
struct nsh;
struct nsh_args;

/* ---------------------------------------------------------------- words */

#define NSH_MAX_WORDS 512

/* A line split into words (shell/lex.c). */
struct nsh_words {
	int n;
	char *w[NSH_MAX_WORDS];	/* NUL-terminated, unquoted */
	int col[NSH_MAX_WORDS];	/* byte offset of each word in the line */
	char *buf;		/* storage for w[] */
};

/*
 * lex_split - split LINE into words: blanks separate, '…' is literal,
 * "…" allows \" \\ \$ escapes, a backslash escapes the next character, and
 * a '#' at the start of a word begins a comment.  Returns 0, or -1 with a
 * static reason in *ret_err and its column in *ret_col.
 */
int lex_split(const char *line, struct nsh_words *ret, const char **ret_err,
	      int *ret_col);
void lex_free(struct nsh_words *w);

/* ---------------------------------------------------------------- lines */

/*
 * shell/parse.c: a line with sh(1)'s operators, as a small tree.  A line
 * is a list of and-or lists (separated by ';', '&' or a newline), each a
 * chain of pipelines joined by '&&' / '||', each pipeline simple commands
 * joined by '|' or '|&'.  Words are kept as written (quotes included):
 * they are expanded when the command runs (shell/expand.c).
 */
enum sh_redir_op {
	SH_R_IN,		/* N<FILE */
	SH_R_OUT,		/* N>FILE, N>|FILE */
	SH_R_APPEND,		/* N>>FILE */
	SH_R_RW,		/* N<>FILE */
	SH_R_DUP,		/* N>&M, N<&M, N>&- (M a word: expanded) */
	SH_R_BOTH,		/* &>FILE, >&FILE: 1 and 2 */
	SH_R_BOTH_APPEND,	/* &>>FILE */
};

enum {
	SH_W_DOLLAR = 1 << 0,	/* holds a $ expansion */
	SH_W_QUOTED = 1 << 1,	/* holds a quote or a backslash */
};

struct sh_word {
	char *text;		/* as written, NUL-terminated */
	int col;		/* byte offset in the line */
	unsigned flags;		/* SH_W_* */
};

struct sh_redir {
	int fd;			/* the descriptor redirected (0-9) */
	enum sh_redir_op op;
	bool dup_out;		/* SH_R_DUP: written >& (not <&) */
	bool fd_given;		/* N was written */
	struct sh_word target;	/* the file, or M */
	int col;
};

struct sh_cmd {
	int word, nwords;	/* in sh_line.words, assignments included */
	int nassign;		/* the leading NAME=VALUE words */
	int redir, nredirs;	/* in sh_line.redirs */
	bool err_pipe;		/* followed by |&: stderr feeds the pipe too */
	int col;
};

enum sh_join { SH_FIRST, SH_AND, SH_OR };

struct sh_pipe {
	int cmd, ncmds;		/* in sh_line.cmds */
	bool negate;		/* ! PIPELINE */
	enum sh_join join;	/* how it follows the previous pipeline */
};

struct sh_andor {
	int pipe, npipes;	/* in sh_line.pipes */
	bool background;	/* ended by & */
	int start, end;		/* its text: line[start..end) */
};

struct sh_line {
	char *text;		/* a copy of the line */
	struct sh_andor *ao;
	struct sh_pipe *pipes;
	struct sh_cmd *cmds;
	struct sh_word *words;
	struct sh_redir *redirs;
	int nao, npipes, ncmds, nwords, nredirs;
	char *buf;		/* storage of the words' text */
};

/*
 * sh_line_is_plain - true when LINE needs none of this: no ; | & < > $ `
 * ( ) or newline outside quotes and comments, and a first word that is no
 * NAME=VALUE, !, export, unset or sh keyword.  Such a line is split by
 * lex_split() as it always was (no allocation, no system call here).
 */
bool sh_line_is_plain(const char *line);
/*
 * sh_parse - LINE as a tree in *RET.  0, or -1 with a static reason in
 * *RET_ERR and its byte offset in *RET_COL (*RET holds nothing then).
 */
int sh_parse(const char *line, struct sh_line *ret, const char **ret_err,
	     int *ret_col);
/* is WHY (sh_parse's reason) sh syntax nsh does not run itself (if, for,
 * while, case, functions, ( … ), { … }, $( … ), `…`, here-documents, the
 * rarer ${…}): the errors token.c and parse.c give for those all say
 * "not supported", "nsh runs no" or "nsh has no" */
bool sh_err_needs_sh(const char *why);
void sh_line_free(struct sh_line *l);
/* a NAME=VALUE word (NAME unquoted): the length of NAME, else 0 */
size_t sh_assign_len(const char *word);
/* a valid variable name of LEN bytes */
bool sh_name_ok(const char *s, size_t len);

/*
 * The state at the end of the text S[0..N) as typed at the prompt: a
 * quote still open ('\'' or '"'), a backslash waiting for its character
 * ('\\'), an unquoted or double-quoted '$' just typed ('$'), else 0.
 */
int sh_scan_state(const char *s, size_t n);
/*
 * sh_complete_words - for completion: the words (quotes removed, nothing
 * expanded, redirections left out) of the last simple command of PRE, the
 * text before the cursor.  Returns 1 when the word being typed is the
 * target of a redirection (a file), 0 otherwise, -1 when PRE cannot be
 * split.  Free *RET with lex_free.
 */
int sh_complete_words(const char *pre, struct nsh_words *ret);

/* ---------------------------------------------------------------- values */

/* An IPv4/IPv6 address with an optional prefix length. */
struct nsh_prefix {
	int family;		/* AF_INET or AF_INET6; AF_UNSPEC for "default" */
	unsigned char addr[16];
	int len;		/* prefix length; 32/128 when not written */
	bool has_len;
};

/* A parsed placeholder value. */
struct nsh_val {
	const char *text;	/* the word as written */
	long num;		/* UINT, MTU, PID */
	struct nsh_prefix pfx;	/* IFADDR, ADDR, ROUTE, BRD */
	unsigned char mac[6];	/* MAC */
	int special;		/* BRD: '+' or '-'; 0 otherwise */
};

/*
 * A placeholder type.  parse() checks WORD without touching the kernel;
 * on error it returns -1 and sets *ret_err to a reason (static string or
 * written into errbuf).  complete() (may be NULL) adds candidates from the
 * model for issue 3.
 */
struct nsh_type {
	const char *name;	/* "IFNAME" */
	const char *help;	/* "name of an existing link" */
	int (*parse)(const char *word, struct nsh_val *ret, char *errbuf,
		     size_t errlen, const char **ret_err);
	void (*complete)(struct nsh *sh, const char *prefix,
			 void (*add)(void *ctx, const char *word,
				     const char *help),
			 void *ctx);
	bool rest;		/* takes every remaining word (ARGS) */
};

const struct nsh_type *type_find(const char *name);

/* Strict parsers, exported for handlers and unit tests (shell/types_parse.c;
 * the name checks: shell/types_name.c, check_netns_ref: shell/lab/ns.c). */
int parse_prefix(const char *s, bool allow_len, struct nsh_prefix *ret,
		 char *errbuf, size_t errlen, const char **ret_err);
const char *check_netns_name(const char *s);	/* NULL if fine, else reason */
const char *check_netns_ref(const char *s);	/* lenient: existing names */
const char *check_link_name(const char *s);
int parse_uint(const char *s, unsigned long max, unsigned long *ret);
/* iproute2's numbers: decimal or 0x hex (a leading zero refused) */
int parse_num(const char *s, unsigned long long max, unsigned long long *ret,
	      const char **ret_err);
/* a link-layer address (hex bytes with ':', or dotted IPv4) into OUT:
 * its length, or -1 */
int parse_lladdr(const char *s, unsigned char *out, size_t max);
/* NAME's number in /etc/iproute2/FILE: 0, or -1 if it has none */
int iproute2_name2num(const char *file, const char *name, unsigned long *ret);
const char *prefix_str(const struct nsh_prefix *p, bool with_len, char *buf,
		       size_t len);

/* ---------------------------------------------------------------- commands */

/* Handler: returns 0 on success, or a non-zero status after reporting. */
typedef int (*nsh_handler_fn)(struct nsh *sh, const struct nsh_args *a);

enum {
	NSH_CMD_HIDDEN = 1 << 0,	/* not listed by help or completion */
	NSH_CMD_NESTED = 1 << 1,	/* ARGS are themselves a command line */
	NSH_CMD_NOBARRIER = 1 << 2,	/* do not flush pending teardown first */
	NSH_CMD_TAIL = 1 << 3,		/* runs ARGS last (enter NS PROG,
					 * ip netns exec): in a forked nsh,
					 * the program may replace it */
	/* what `record` (shell/record.c) and completion need to know of a
	 * command, declared instead of read from its words: */
	NSH_CMD_MUTATES = 1 << 4,	/* changes the lab: recorded as is */
	NSH_CMD_ASSIGNS = 1 << 5,	/* changes it when a word (not an
					 * option) is KEY=VALUE (sysctl) */
	NSH_CMD_CONTEXT = 1 << 6,	/* changes the namespace nsh acts in
					 * (leave, exit; with NESTED: the
					 * word after its command words
					 * names the namespace ARGS run in:
					 * enter NS, ip netns exec NS) */
	NSH_CMD_SPAWNS = 1 << 7,	/* starts a labelled holder process
					 * (recorded with its label) */
	NSH_CMD_KILLS = 1 << 8,		/* ends one when its one word is
					 * a label (recorded then) */
	NSH_CMD_HOSTS = 1 << 10,	/* reads HOST:NS words itself (a
					 * view over several hosts): not
					 * handed whole to one host */
	NSH_CMD_EARLY = 1 << 11,	/* a declaration a script runs in its
					 * checking pass (when no $ is in it),
					 * so its slow part overlaps the check
					 * and the lines before it: host …
					 * ssh starts its connection */
	NSH_CMD_UNDO = 1 << 9,		/* goes back to earlier states: a
					 * script the checking pass finds it
					 * in has its states kept
					 * (nsh_undo_wanted) */
};

/*
 * One command.  Syntax: lower-case words are keywords (exact or unique
 * prefix match; "add/a" also accepts the hidden abbreviation "a", and
 * "list/l/lst" several);
 * UPPER words are placeholders of the type of that name, "TYPE$bind" binds
 * under another name; [ x ] optional, ( a | b ) choice, { a | b X }...
 * any order, at least once; TYPE... (ARGS) takes the rest of the line.
 * Rows starting with "ip" get iproute2's global options inserted.
 */
struct nsh_cmd {
	const char *syntax;
	const char *summary;	/* one line, lower-case, no full stop */
	nsh_handler_fn fn;
	unsigned flags;
	const char *example;	/* optional, shown by `help CMD` */
	const char *explain;	/* optional: the plain iproute2 equivalent,
				 * a template (shell/explain.c) */
	/* iproute2-language rows ("ip link add", shell/ipl.h): the table
	 * of the words after the command words; a row of an ipl root with
	 * fn NULL is not native (the real program runs it) */
	const struct ipl_table *opts;
};

struct nsh_family {
	const char *name;	/* "link" */
	const char *summary;
	const struct nsh_cmd *cmds;	/* terminated by { NULL } */
	/* placeholder types of its own (type_find looks here after
	 * shell/types.c's), terminated by { NULL }; may be NULL */
	const struct nsh_type *types;
};

/* shell/types.c: where type_find looks after its own types, in this
 * order: NAME_TYPES (the lab's names, nsh_name_types), SHARED_TYPES, the
 * FAMILIES' own (cmdtree_init hands them in) */
void types_init(const struct nsh_family *const *families,
		const struct nsh_type *name_types,
		const struct nsh_type *shared_types);

/* cmds/cmds.c (shell/ reaches them only through what main() hands in) */
extern const struct nsh_family *const nsh_families[];
/* cmds/ipr_types.c: the types several families share (type_find looks
 * here after shell/types.c's and before the families' own) */
extern const struct nsh_type nsh_shared_types[];

/* Parsed arguments, filled by the matcher (shell/match.c, shell/ipl*.c). */
#define NSH_MAX_BIND 192
struct nsh_bind {
	const char *name;	/* keyword (full form) or binding name */
	bool is_kw;
	struct nsh_val v;
	int tok;		/* word index, for error columns */
	const struct ipl_opt *opt;	/* ipl rows: the option (ipl.h) */
};

struct nsh_args {
	const struct nsh_cmd *cmd;
	int nbind;
	struct nsh_bind bind[NSH_MAX_BIND];
	char **rest;		/* ARGS...: the remaining words */
	int nrest;
	const struct nsh_words *words;
};

/* true if keyword or placeholder NAME was given (values: placeholders only) */
bool arg_has(const struct nsh_args *a, const char *name);
/* the first value bound to NAME, or NULL */
const struct nsh_val *arg_val(const struct nsh_args *a, const char *name);
/* the IDX-th value bound to NAME, or NULL */
const struct nsh_val *arg_nth(const struct nsh_args *a, const char *name,
			      int idx);
/* the text of NAME's first value, or NULL */
const char *arg_str(const struct nsh_args *a, const char *name);

/* ---------------------------------------------------------------- session */

/* A namespace the session can act in. */
struct nsh_ns {
	int fd;			/* O_CLOEXEC nsfs fd; -1 for none */
	char label[264];	/* "ns1", "pid 1234", or "" for the host */
	dev_t dev;
	ino_t ino;
	bool held;		/* held by a process (label or PID), not a
				 * name: no socket may outlive its use */
};

struct nsh_opts {
	bool keep_going;
	bool sandbox;
	bool native;		/* --native: no line runs the real ip */
	/* iproute2's global options of the current ip/bridge/tc command */
	bool json;		/* -j */
	int details;		/* -d (-d -d: more) */
	bool pretty;		/* -p */
	int family;		/* -4 / -6 / -0 / -B / -M / -f FAMILY */
	int stats;		/* -s (-s -s: more) */
	bool brief;		/* -br */
	bool oneline;		/* -o */
	bool resolve;		/* -r */
	bool numeric;		/* -N */
	bool force;		/* -force (-batch) */
	bool all;		/* -a: every namespace (netns exec/delete) */
	bool human;		/* -h */
	bool iec;		/* -iec */
	int timestamp;		/* -t, -ts */
	bool color;		/* -c */
	bool compress_vlans;	/* bridge -c[ompressvlans] */
	int loops;		/* -l N */
	const char *batch;	/* -batch FILE */
	bool xtrace;		/* -x: echo each script line before it runs */
	bool clean_env;		/* --clean-env: programs get PATH HOME TERM
				 * LANG USER only */
	bool as_user;		/* --user NAME: programs run as that user */
	uid_t uid;
	gid_t gid;
	gid_t groups[64];	/* its supplementary groups (getgrouplist,
				 * once, before any namespace is entered) */
	int ngroups;
	bool as_root;		/* this program is nsh's own work (the real
				 * ip of a not-native line): root's */
	char user[64];
	char user_home[256];
	bool explain;		/* --explain: the iproute2 equivalent first */
};

struct nsh {
	struct nsh_ns home;	/* the namespace nsh started in */
	struct nsh_ns cur;	/* where commands act now (process netns) */
	int entered;		/* depth of `enter` */
	const char *file;	/* script name, NULL when interactive/-c */
	int line;		/* script line of the current command */
	char cmdname[64];	/* "ip link add": prefixes error messages */
	struct nsh_opts o;
	bool interactive;
	/* a script or -c line nsh may hand to bash (shfallback.c): set by
	 * its reader; needs_sh then says where sh syntax nsh does not run
	 * was met (its line, column, reason), without reporting it */
	bool sh_fallback_ok;
	struct {
		bool met;
		int line, col;
		const char *why;
	} needs_sh;
	bool quit;
	bool pasting;		/* running a pasted block (repl.c) */
	bool redact;		/* the script may be a secret file: errors
				 * do not quote it (script.c) */
	bool replaying;		/* --step restoring a state: programs are
				 * not run, output is not shown */
	int last_status;
	int depth;		/* nested source/exec depth */
	const char *complete_ns;	/* completion: the namespace the line
					 * acts in (-n NS, exec NS), or NULL */
	/* the line syntax (shell/pipeline.c) */
	pid_t pid;		/* $$: nsh's, also in its forked copies (0:
				 * not asked yet, and never forked) */
	pid_t last_bg;		/* $!: the last command run with & */
	bool errexit;		/* a script: an untested failure ends the
				 * line (sh -e) */
	int verdict;		/* after a line with operators: NSH_LINE_* */
	bool subshell;		/* a forked copy of nsh (|, &) */
	bool exec_in_place;	/* the next program replaces the process */
	bool status_tested;	/* &&, ||, !, not last in a pipeline: a
				 * program's failure is not reported */
	char **env_add;		/* NAME=VALUE for the programs it starts */
	const int *fdmap;	/* [10]: what programs get as 3-9 (-1:
				 * nothing), 0-2 NSH_FD_CLOSED; or NULL */
	bool defer_report;	/* a redirected command: "exited with
				 * status" waits for stderr to be back */
	int unreported;		/* that status */
	char unreported_name[64];
	struct nsh_host *hosts;	/* the lab's other hosts (lab/remote.h) */
	struct nsh_host *remote;	/* `enter HOST:NS`: the live lines go
					 * to that host's agent until it is
					 * back home (cmds/host.c) */
	unsigned vni_next;	/* the next VXLAN VNI a cross-host link gets */
	/* a caret under the word an error is about, at the prompt (err.c):
	 * the prompt's width on screen (0: no caret), the plain line being
	 * run, its words and their byte offsets (lex.c), the word the next
	 * error is about (set by the matchers) or its end */
	int caret_cols;
	const char *tok_line;
	char **tok_words;
	const int *tok_col;
	int ntok;
	const char *err_at;
	bool err_at_end;
	bool telling;		/* --step narrates this line's changes: a
				 * host's line asks its agent for them */
	int whole_script;	/* running a script read whole and checked
				 * (script.c): other hosts' lines may be
				 * pipelined (cmds/host.c) */
};

#define NSH_FD_CLOSED (-3)	/* nsh.fdmap: N>&- */

/* nsh.verdict, set by a line with operators: whether it failed, when
 * its status does not say (a script goes on after `false && x`) */
enum { NSH_LINE_BY_STATUS, NSH_LINE_FAILED, NSH_LINE_OK };

/* Report an error: "[file:line: ]cmdname: " + fmt + "\n" on stderr.
 * Always returns 1, so handlers can `return nsh_err(…)`. */
int nsh_err(struct nsh *sh, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Same without the command name prefix. */
int nsh_err_raw(struct nsh *sh, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
#ifdef __clang_analyzer__
/* scan-build reads one file at a time: told what a report returns, it
 * follows no "reported, then went on" path (the definitions are spelt
 * (nsh_err)(…) so that these do not touch them) */
#define nsh_err(sh, ...) (nsh_err(sh, __VA_ARGS__), 1)
#define nsh_err_raw(sh, ...) (nsh_err_raw(sh, __VA_ARGS__), 1)
#endif
/* A warning: "[file:line: ]cmdname: warning: …" (does not fail). */
void nsh_warn(struct nsh *sh, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A notice of what a command did besides what iproute2 says: "[file:line:
 * ]cmdname: note: …" on stderr (stdout stays iproute2's). */
void nsh_note(struct nsh *sh, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* "namespace 'ns1'" or "the host namespace", for messages about SH->cur. */
const char *ns_desc(const struct nsh_ns *ns, char *buf, size_t len);

/* shell/dispatch.c: run or check one command line. */
enum nsh_mode { NSH_RUN, NSH_CHECK };
int nsh_run_words(struct nsh *sh, int argc, char **argv, enum nsh_mode mode);
int nsh_run_line(struct nsh *sh, const char *line, enum nsh_mode mode);

/*
 * A line checked once and kept to be run later without a second parse
 * (scripts: every line is checked before the first runs).  The bindings
 * point into the line's own words, which it keeps.
 */
struct nsh_prepared {
	int argc;		/* 0: nothing to run */
	char **argv;		/* the words, sudo stripped */
	char *buf;		/* their storage */
	const struct nsh_cmd *cmd;	/* NULL: a program */
	struct sh_line *tree;	/* a line with operators: run as a tree */
	struct nsh_bind *bind;
	int nbind;
	int rest_pos;		/* ARGS... start at argv[rest_pos]; -1: none */
	char cmdname[64];
};

/* check LINE as nsh_run_line(…, NSH_CHECK) does, keeping the result in
 * *P: 0, or 1 after reporting (then *P holds nothing) */
int nsh_prepare_line(struct nsh *sh, const char *line, struct nsh_prepared *p);
/* run a prepared line, as nsh_run_line(…, NSH_RUN) would */
int nsh_run_prepared(struct nsh *sh, const struct nsh_prepared *p);
void nsh_prepared_free(struct nsh_prepared *p);
/* shell/dispatch.c: LINE with lex_split's words only, no operators (the
 * lines of ip -batch) */
int nsh_run_plain(struct nsh *sh, const char *line, enum nsh_mode mode);

/*
 * shell/pipeline.c: run (NSH_RUN) or check (NSH_CHECK: every simple
 * command, with the variables assigned before it) a parsed line.  The
 * status of the line ($?); in a script an untested failure stops it.
 */
int sh_run(struct nsh *sh, const struct sh_line *l, enum nsh_mode mode);
/* background jobs: forget the finished ones (REPORT: say so, as bash
 * does at its prompt); wait for PID (0: all): its status */
/* "2s", "500ms", "1m", "1.5s", "3" (seconds) in milliseconds, or -1
 * (shell/types_parse.c) */
long long parse_duration_ms(const char *w);

void nsh_jobs_reap(struct nsh *sh, bool report);
pid_t nsh_job_fork(struct nsh *sh, const char *text);
void __attribute__((noreturn)) nsh_job_exit(struct nsh *sh, int st);
void nsh_jobs_print(struct nsh *sh);
pid_t nsh_job_pid(int id);
int nsh_jobs_wait(struct nsh *sh, pid_t pid);

/*
 * shell/expand.c: variables and word expansion.  nsh_var_set in NSH_CHECK
 * mode only notes the value for the rest of the checking pass
 * (NSH_VAR_UNKNOWN: known only when it runs); nsh_vars_check_begin
 * forgets those notes (a new pass).
 */
enum { NSH_VAR_EXPORT = 1 << 0, NSH_VAR_UNKNOWN = 1 << 1 };
int nsh_var_set(struct nsh *sh, const char *name, const char *value,
		enum nsh_mode mode, unsigned flags);
int nsh_var_unset(struct nsh *sh, const char *name, enum nsh_mode mode);
const char *nsh_var_get(struct nsh *sh, const char *name, enum nsh_mode mode,
			bool *ret_unknown);
void nsh_vars_check_begin(void);
void nsh_vars_free(void);

/* the fields a word expands to (NULL-terminated when n > 0) */
struct sh_fields {
	char **v;
	int n, cap;
	bool runtime;		/* NSH_CHECK: used a value only a run knows */
};
/* expand WORD (as written) into OUT, with field splitting when SPLIT
 * (without: exactly one field, as for NAME=VALUE): 0 or -ENOMEM */
int sh_expand(struct nsh *sh, enum nsh_mode mode, const char *word, bool split,
	      struct sh_fields *out);
void sh_fields_free(struct sh_fields *f);
/* append S (taken; NULL: out of memory) to F: 0 or -ENOMEM */
int sh_fields_add(struct sh_fields *f, char *s);

/* shell/script.c: one logical line of a script */
struct script_line {
	char *text;
	int lineno;		/* the physical line it starts on */
};

/*
 * script_load - PATH ("-": standard input) as logical lines in *RET: a
 * UTF-8 BOM skipped, CRLF accepted, a trailing backslash joining the next
 * line (not inside a comment), a NUL byte refused.  0, or 1 after one
 * reported line.  Free with script_lines_free.
 */
int script_load(struct nsh *sh, const char *path, struct script_line **ret,
		int *ret_n);
void script_lines_free(struct script_line *v, int n);
int script_run_file(struct nsh *sh, const char *path);
/* nsh --agent: serve requests on stdin (shell/agent.c) */
struct step_ops;
int agent_run(struct nsh *sh, const struct step_ops *ops);
int script_run_buffer(struct nsh *sh, const char *name, const char *buf,
		      size_t len);

/* set by SIGINT (shell/exec.c); a long command polls it and stops */
#include <signal.h>
extern volatile sig_atomic_t nsh_interrupted;
/* SIGTERM or SIGHUP arrived (its number): finish the step, then end */
extern volatile sig_atomic_t nsh_terminated;

/* ---------------------------------------------------------------- namespaces */

#define NETNS_RUN_DIR "/run/netns"
#ifndef NSFS_MAGIC
#define NSFS_MAGIC 0x6e736673	/* statfs f_type of a namespace file */
#endif
#define NETNS_ETC_DIR "/etc/netns"

/* shell/ns.c */
int ns_init(struct nsh *sh);
void ns_fini(struct nsh *sh);
/*
 * ns_resolve - open the namespace REF names: a name in NETNS_RUN_DIR, a
 * label of `spawn`, or (when ALLOW_PID and neither exists) a PID.  On success fills *ret
 * (caller closes ret->fd with ns_close) and returns 0; otherwise reports
 * through nsh_err (subject REF) and returns 1.
 */
/* what follows "'REF': no such namespace": a hint for a tutorial's
 * placeholder (<PID1>), else "" */
const char *ns_missing_hint(const char *ref);
int ns_resolve(struct nsh *sh, const char *ref, bool allow_pid,
	       struct nsh_ns *ret);
/*
 * ns_lookup - the one reading of a namespace reference in the kernel's
 * terms, quietly (ns_resolve reports its errors): a name in NETNS_RUN_DIR,
 * a `spawn` label (this session's or another's, from its journal), with
 * NS_REF_PID a PID, with NS_REF_PIDLABEL a "pid N" label.  0 (ns_close
 * *RET), or -EINVAL (no reference), -ENOENT (none), -ESRCH (a label's or
 * PID's process is gone), -EMEDIUMTYPE (a stale plain file) or -errno.
 */
enum { NS_REF_PID = 1 << 0, NS_REF_PIDLABEL = 1 << 1 };
int ns_lookup(struct nsh *sh, const char *ref, unsigned flags,
	      struct nsh_ns *ret);
void ns_close(struct nsh_ns *ns);
/* open DIR/NAME as a network namespace labelled LABEL (no report): 0/-1 */
int ns_open_path(struct nsh *sh, const char *dir, const char *name,
		 const char *label, struct nsh_ns *ret);
bool ns_same(const struct nsh_ns *a, const struct nsh_ns *b);
/*
 * ns_push/ns_pop - act in NS for a while (ip -n NS, ip netns exec NS ip …):
 * setns() the process into it; ns_pop returns to *SAVED.  Returns 0 or
 * reports.
 */
int ns_push(struct nsh *sh, struct nsh_ns *ns, struct nsh_ns *saved);
/* the same, taking NS's descriptor over (NS->fd is -1 after success) */
int ns_push_own(struct nsh *sh, struct nsh_ns *ns, struct nsh_ns *saved);
void ns_pop(struct nsh *sh, struct nsh_ns *saved);
/*
 * ns_sock - the rtnetlink socket of SH->cur (kept in a small cache keyed by
 * namespace inode; never pins a namespace after ns_forget()).
 * ns_sock_in - the socket of another namespace NS, without switching.
 * Both return NULL after reporting.
 */
struct nl_sock *ns_sock(struct nsh *sh);
struct nl_sock *ns_sock_in(struct nsh *sh, const struct nsh_ns *ns);
/*
 * The one namespace primitive (every setns of nsh is in shell/ns.c):
 * ns_call runs FN(ARG) with the process in NS (nothing to switch when NS
 * is SH->cur), then back in SH->cur (or the process ends, status 70);
 * FN's value, or -errno when NS cannot be entered.  ns_call_fd: the same
 * for an nsfs descriptor.  ns_enter_child: in a forked child that execs or
 * exits, into NS for good (0 or -errno).
 * ns_socket_in/ns_socket_fd: a socket(DOMAIN, TYPE | SOCK_CLOEXEC,
 * PROTOCOL) made inside the namespace, used from here: the fd or -errno.
 * ns_nl_sock_fd: a fresh (uncached) rtnetlink libnl socket made inside
 * namespace fd NSFD, set up by nl_sock_setup; NULL on failure (no report);
 * the caller frees it.
 */
int ns_call(struct nsh *sh, const struct nsh_ns *ns, int (*fn)(void *),
	    void *arg);
int ns_call_fd(struct nsh *sh, int fd, int (*fn)(void *), void *arg);
int ns_enter_child(const struct nsh_ns *ns);
int ns_socket_in(struct nsh *sh, const struct nsh_ns *ns, int domain,
		 int type, int protocol);
int ns_socket_fd(struct nsh *sh, int nsfd, int domain, int type,
		 int protocol);
struct nl_sock *ns_nl_sock_fd(struct nsh *sh, int nsfd);
/* drop cached sockets that live in the namespace DEV/INO */
void ns_forget(struct nsh *sh, dev_t dev, ino_t ino);
/* in a forked nsh: let go of the parent's sockets (without a word to
 * the kernel), so that replies never go to the wrong process */
void ns_forget_all(void);

/*
 * Run a program in the current namespace (fork; in the child: the
 * `ip netns exec` sequence when SH->cur is not the home namespace; only
 * fds 0-2; default signal dispositions).  Returns the exit status, 128+sig
 * when killed, 127/126 when it cannot be run.
 */
int ns_exec(struct nsh *sh, char **argv);
/* the same in namespace NS, switched in the child only (so nsh itself does
 * not become a member: `ip netns pids` lists the program, not nsh) */
int ns_exec_in(struct nsh *sh, const struct nsh_ns *ns, char **argv);
/* the same without a fork: ARGV replaces this process (a forked nsh) */
void ns_exec_replace(struct nsh *sh, const struct nsh_ns *ns, char **argv)
	__attribute__((noreturn));
/* raise the soft RLIMIT_NOFILE to the hard one (at start-up); in a child
 * before exec: put it back, close every descriptor from FIRST on */
void exec_raise_nofile(void);
/* the real program NAME (iproute2's ip, bridge, tc; sysctl) by its
 * absolute path into BUF, looked up in the system's directories, never
 * through PATH (where nsh itself may stand as ip: shfallback.c): 0, or
 * -ENOENT */
int exec_find_real(const char *name, char *buf, size_t len);
/* ARGV run with nothing to read and its output dropped: did it exit 0?
 * (a question asked of a program: bash -n, ssh -G) */
bool exec_quietly_ok(char **argv);
/* in a program's child, before exec: --clean-env's environment and
 * --user's identity (nothing for nsh's own programs, o.as_root) */
void child_identity(const struct nsh *sh);
void child_restore_nofile(void);
/* every signal back to SIG_DFL, none blocked */
void child_reset_signals(void);
void child_close_from(int first);

/*
 * The /run/netns layout, as iproute2 makes it: ns_create = `ip netns add`
 * (file, unshare, bind mount; the process returns to SH->cur), ns_attach =
 * `ip netns attach`, ns_unname = `ip netns delete` (collects the veth peers
 * to wait for, drops nsh's sockets in it, unmounts and unlinks).
 */
int ns_create(struct nsh *sh, const char *name);
int ns_attach(struct nsh *sh, const char *name, pid_t pid);
int ns_unname(struct nsh *sh, const char *name);
/* --sandbox: a fresh net + mount namespace, private tmpfs on /run/netns */
int ns_sandbox_enter(void);
/*
 * ns_procs - FN(PID, COMM, CTX) for every process but nsh whose network
 * namespace is (DEV, INO), as `ip netns pids` finds them; a non-zero
 * return of FN stops and is returned, else 0.
 */
int ns_procs(dev_t dev, ino_t ino,
	     int (*fn)(pid_t pid, const char *comm, void *ctx), void *ctx);
/* the nsid that the namespace of socket SK gives namespace fd NSFD, or -1 */
int nl_get_nsid(struct nl_sock *sk, int nsfd);
/* whether NSID (as SK's namespace numbers them) names a live namespace */
bool nl_nsid_alive(struct nl_sock *sk, int nsid);

/*
 * shell/spawn.c: namespaces held by processes nsh starts (`spawn`), named
 * by labels.  spawn_start forks a holder (ARGV NULL) or ARGV in a new
 * network namespace; spawn_find gives a label's PID (0: none); spawn_kill
 * ends it; spawn_fini ends all (at exit); spawn_reap forgets the dead.
 */
int spawn_start(struct nsh *sh, const char *label, char **argv,
		pid_t *ret_pid);
pid_t spawn_find(const char *label);
const char *spawn_label_of(pid_t pid);
int spawn_list(const char **labels, pid_t *pids, int max);
int spawn_kill(struct nsh *sh, const char *label);
/* PID is LABEL's terminal window (its shell, or with CHILD the terminal
 * program nsh started): it ends with LABEL */
void spawn_set_terminal(const char *label, pid_t pid, bool child);
void spawn_reap(void);
void spawn_fini(void);

/*
 * shell/journal.c: what this session created, for `cleanup` (see there).
 */
#define JOURNAL_DIR "/run/nsh"
void journal_init(struct nsh *sh);
void journal_fini(void);
/* NAME is about to be made (NSPATH NULL), or bound to the namespace of
 * NSPATH; journal_netns_gone: it is no more */
void journal_netns(const char *name, const char *nspath);
void journal_netns_gone(const char *name);
void journal_rundir(void);
void journal_spawn(pid_t pid, const char *label);
/* open the journal now (before a fork: the copies then write to the
 * session's own, not each a journal of its own) */
void journal_prepare(void);
/* the journal as a path another process can open to append to it (the
 * commands bash runs for a script, shfallback.c: JOURNAL_ENV set to it):
 * 0, or -1 */
#define JOURNAL_ENV "NSH_JOURNAL"
int journal_path(char *buf, size_t len);
/* the live holders other nsh sessions spawned: how many, their PIDs and
 * labels; journal_find_spawn: the one labelled LABEL (0: none) */
int journal_spawns(pid_t *pids, char (*labels)[64], int max);
pid_t journal_find_spawn(const char *label);
/* a link as the kernel has it: the namespace it is in (its nsfs
 * identity), its ifindex there and its name */
struct journal_link {
	dev_t dev;
	ino_t ino;
	int ifindex;
	char name[16];		/* IFNAMSIZ */
};
/* about to ask for a link NAME of KIND in the namespace DEV INO (none of
 * that name is there now): a SIGKILL may come before nsh hears that it was
 * made; journal_link_refused: it was not */
void journal_link_asked(dev_t dev, ino_t ino, const char *kind,
			const char *name);
void journal_link_refused(dev_t dev, ino_t ino, const char *name);
/* the kernel made link L at nsh's request; PEER: L is the other end of
 * the link of the call before (veth, vxcan) */
void journal_link(const struct journal_link *l, bool peer);
/* whether link IFINDEX of the namespace DEV INO is one this session made */
bool journal_has_link(dev_t dev, ino_t ino, int ifindex);
/* about to rename or move that link: it may become NAME in DEV2 INO2 (with
 * the same ifindex, if that is free there) */
void journal_link_moving(dev_t dev, ino_t ino, int ifindex, dev_t dev2,
			 ino_t ino2, const char *name);
/* nsh renamed or moved that link (journal_has_link): it is NOW */
void journal_link_moved(dev_t dev, ino_t ino, int ifindex,
			const struct journal_link *now);
/* nsh deleted that link (its other end went with it) */
void journal_link_gone(dev_t dev, ino_t ino, int ifindex);
/* nsh deleted the namespace DEV INO: the links made there went with it */
void journal_links_ns_gone(dev_t dev, ino_t ino);
/* a process's start time (/proc/PID/stat), 0 if none; alive with it */
unsigned long long proc_starttime(pid_t pid);
bool proc_alive(pid_t pid, unsigned long long start);
/* PID has exited and waits for its parent to reap it */
bool proc_zombie(pid_t pid);

enum journal_kind { JOURNAL_NETNS, JOURNAL_SPAWN, JOURNAL_RUNDIR,
		    JOURNAL_LINK };
struct journal_rec {
	int sess;		/* index in journal.sess */
	enum journal_kind kind;
	dev_t dev;		/* NETNS: the nsfs identity when made; LINK:
				 * that of the namespace it is in */
	ino_t ino;
	int ifindex;		/* LINK; 0: asked for, not heard of since */
	int pair;		/* LINK: the two ends of a veth share it
				 * (0: none) */
	bool peer;		/* LINK: made as the other end */
	char type[16];		/* LINK asked for: its kind */
	dev_t dev2;		/* LINK being renamed or moved: what it may */
	ino_t ino2;		/* be now (the same ifindex), or 0 0 */
	char name2[16];
	pid_t pid;		/* SPAWN */
	unsigned long long start;
	char name[256];		/* NETNS name, SPAWN label, LINK name */
};
struct journal_sess {
	pid_t pid;
	unsigned long long start;
	unsigned long long mnt;	/* its mount namespace's inode (0: not said) */
	bool self, live;
	char path[PATH_MAX];
};
struct journal {
	struct journal_sess *sess;	/* sess[0] is this session */
	int nsess;
	struct journal_rec *rec;	/* live sessions' records left out */
	int n, cap;
	int npair;		/* the pair numbers given so far */
};
/* this session's records, and with DEAD_TOO those of dead sessions */
int journal_load(bool dead_too, struct journal *j);
/* after a cleanup: the dead sessions' files removed, this one reset */
void journal_done(struct journal *j);
void journal_free(struct journal *j);

/*
 * cmds/cleanup.c: remove what the journal J names (processes, namespaces,
 * links), and return once the kernel is done.  DRY_RUN only lists.
 * QUIET prints nothing but errors.  0, or 1 after reporting.
 */
int cleanup_run(struct nsh *sh, bool dead_too, bool dry_run, bool quiet);
/* cmds/show.c: narrate the model's changes between watch_begin and
 * watch_end, as `watch` does, marked + - ~ (for --step) */
struct watch *watch_begin(struct nsh *sh);
void watch_end(struct nsh *sh, struct watch *w);
/* cmds/shell.c: leave every entered namespace */
void nsh_leave_all(struct nsh *sh);

/*
 * shell/settle.c: a command that brings links up notes the namespace it
 * acted in (LABEL as nsh names it, NULL: SH->cur's); before a program
 * runs, settle_wait waits (at most 2 s) until the links there that are up
 * with carrier are running (the kernel's link watch has run).
 */
void settle_note(struct nsh *sh, const char *label);
void settle_wait(struct nsh *sh);

/* Deferred teardown: peers that must vanish before the next command. */
void teardown_add(struct nsh *sh, const struct nsh_ns *where, int ifindex,
		  const char *name);
/* before deleting NS: note its veths whose peers live in other namespaces */
void teardown_collect(struct nsh *sh, const struct nsh_ns *ns);
/* keep deleted NS alive until teardown_wait (one kernel batch);
 * teardown_release lets them all go at once, without waiting */
void teardown_hold(const struct nsh_ns *ns);
void teardown_release(void);
int teardown_wait(struct nsh *sh);
/* whether link IFINDEX in NS (its peer's nsid PEER_NSID, NULL when it has
 * no peer in another namespace) may be a peer teardown_wait waits for */
bool teardown_may_be_peer(struct nsh *sh, const struct nsh_ns *ns,
			  int ifindex, const int *peer_nsid);
/*
 * teardown_settle - if link L in NS is a veth whose peer's namespace the
 * kernel is destroying (deleted by this session, an earlier one, or ip),
 * wait until L is gone: true when it waited and L went.
 */
bool teardown_settle(struct nsh *sh, const struct nsh_ns *ns,
		     struct rtnl_link *l);

/* ---------------------------------------------------------------- netlink */

/*
 * nl_last_error - after a failed libnl call on a socket from ns_sock(): the
 * kernel's errno (positive) and extended-ack message ("" if none).
 */
int nl_last_errno(void);
const char *nl_last_msg(void);
void nl_clear_error(void);
/* configure a fresh socket: ext-ack, error capture (in NLMSG_ERROR, and in
 * a dump's NLMSG_DONE, which libnl does not read), buffer size */
int nl_sock_setup(struct nl_sock *sk);
/* "reason in words" for a libnl error code (negative NLE_*), preferring
 * the captured kernel errno and ext-ack message */
const char *nl_reason(int nlerr, char *buf, size_t len);
/* set when nl_reason reported the kernel's refusal of a request: the
 * command's status is then 2, as iproute2's (1: a bad command line) */
extern bool nsh_kernel_refused;

/*
 * JSON output helpers (shell/json.c).  An array element is started with
 * json_key(j, NULL) then json_begin_object(j); a member with
 * json_key(j, "name") then json_begin_object/array, or json_str() & co.
 */
struct json {
	int depth;
	char sep;		/* the comma the next value is owed */
	bool pretty;
};
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_key(struct json *j, const char *key);
void json_str(struct json *j, const char *key, const char *val);
void json_int(struct json *j, const char *key, long long val);
void json_uint(struct json *j, const char *key, unsigned long long val);
void json_bool(struct json *j, const char *key, bool val);
/* "KEY": "VAL", or "KEY": null when VAL is NULL */
void json_str_or_null(struct json *j, const char *key, const char *val);
void json_end(struct json *j);	/* final newline */
/* escape S for display in a terminal (non-printables as \xNN) */
const char *str_escape(const char *s, char *buf, size_t len);

#endif
