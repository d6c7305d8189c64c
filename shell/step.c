/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * step.c - `nsh --step lab.nsh`: a lab presented one command at a time,
 * for a class.
 *
 * The script is checked whole first, as with -f.  Then, before each
 * command, the comment block right above it is shown as narration (a
 * `## heading` comment starts a new section), then the command as at the
 * prompt, and nsh waits for a key:
 *
 *     Enter     run it; what changed in the model is told after it
 *     s         skip it
 *     b         back one step: the lab is restored to its state before it
 *     g LABEL   go to the line `label LABEL` (forward: the steps between
 *               are run; backward: as b)
 *     !         a live prompt where the lab stands; `exit` comes back
 *     c         set a checkpoint here (`checkpoint step-N`)
 *     r         return to it (`undo step-N`: the lab's difference to it
 *               is taken back, whoever made it) and to its step
 *     q         quit
 *
 * Going back restores by replaying: what this session created is removed
 * (cleanup, through the journal) and the commands run so far, up to the
 * target, are run again quietly (programs such as ping are not run again;
 * checks and views are skipped).  What the lab changed of things it did
 * not create cannot be brought back this way.
 *
 * `say` prints its text as narration, `pause` waits for Enter, and
 * `label` only marks a place.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core.h"
#include "model.h"

struct step {
	int line;		/* index in lines[] */
	int heading;		/* index of its section's `##` line, or -1 */
	int narr_from, narr_to;	/* its comment block, or -1 */
};

/* a command that was run, for replay */
struct done {
	char *text;
	int pos;		/* the step it was, or (at the ! prompt) the
				 * step that was next */
	bool bang;
};

struct stepper {
	struct nsh *sh;
	const struct step_ops *ops;
	struct script_line *lines;
	int nlines;
	struct step *steps;
	int n;
	struct {
		char name[64];
		int step;	/* the step that follows the label */
	} labels[64];
	int nlabels;
	struct done *done;
	int ndone, capdone;
	int next;		/* the step shown next */
	bool tty;
	bool bang;		/* at the ! prompt */
	int mark;		/* the step `c` marked, or -1 */
};

/* ------------------------------------------------------------ the script */

static const char *skip_blank(const char *s)
{
	return s + strspn(s, " \t");
}

/* the first word of LINE (after sudo) into BUF */
static void first_word(const char *line, char *buf, size_t len)
{
	const char *p = skip_blank(line);
	size_t n;

	if (strncmp(p, "sudo ", 5) == 0)
		p = skip_blank(p + 5);
	n = strcspn(p, " \t");
	snprintf(buf, len, "%.*s", (int)(n < len ? n : len - 1), p);
}

static int parse_steps(struct stepper *st)
{
	int heading = -1, from = -1, to = -1;

	st->steps = calloc((size_t)st->nlines + 1, sizeof(*st->steps));
	if (!st->steps)
		return -1;
	for (int i = 0; i < st->nlines; i++) {
		const char *p = skip_blank(st->lines[i].text);
		char w[64];

		if (!*p) {
			from = to = -1;
		} else if (p[0] == '#' && p[1] == '#') {
			heading = i;
			from = to = -1;
		} else if (p[0] == '#') {
			if (from < 0)
				from = i;
			to = i;
		} else {
			first_word(p, w, sizeof(w));
			if (streq(w, "label") &&
			    st->nlabels < (int)ARRAY_SIZE(st->labels)) {
				const char *n = skip_blank(p + 5);

				snprintf(st->labels[st->nlabels].name,
					 sizeof(st->labels[0].name), "%.*s",
					 (int)strcspn(n, " \t#"), n);
				st->labels[st->nlabels++].step = st->n;
				continue;
			}
			st->steps[st->n++] = (struct step){ i, heading, from,
							    to };
			from = to = -1;
		}
	}
	return 0;
}

/* a comment line as narration: without its '#' and one blank */
static void print_comment(const char *line, const char *indent)
{
	const char *p = skip_blank(line);

	while (*p == '#')
		p++;
	if (*p == ' ')
		p++;
	printf("%s%s\n", indent, p);
}

/* the file's opening comment block (before its first blank line) */
static void print_intro(struct stepper *st)
{
	for (int i = 0; i < st->nlines; i++) {
		const char *p = skip_blank(st->lines[i].text);

		if (*p != '#' || p[1] == '#')
			break;
		print_comment(p, "");
	}
	putchar('\n');
}

static void show_step(struct stepper *st, int k, int prev)
{
	const struct step *s = &st->steps[k];
	char prompt[320];

	if (s->heading >= 0 && (prev < 0 || st->steps[prev].heading !=
					     s->heading)) {
		const char *h = skip_blank(st->lines[s->heading].text);

		h += strspn(h, "#");
		printf("\n== %s ==\n", skip_blank(h));
	}
	putchar('\n');
	if (s->narr_from >= 0)
		for (int i = s->narr_from; i <= s->narr_to; i++)
			print_comment(st->lines[i].text, "    ");
	input_prompt(st->sh, false, false, prompt, sizeof(prompt));
	printf("[%d/%d] %s%s\n", k + 1, st->n, prompt,
	       skip_blank(st->lines[s->line].text));
	fflush(stdout);
}

/* ------------------------------------------------------------ keys */

/* one line from the keyboard (input.c: the terminal, or a pipe of keys);
 * NULL at the end */
static char *read_key(const struct stepper *st, const char *prompt)
{
	char *l = NULL;

	(void)st;
	return input_key(st->sh, prompt, &l) > 0 ? l : NULL;
}

/* ------------------------------------------------------------ running */

static void remember(struct stepper *st, const char *text, int pos, bool bang)
{
	if (st->ndone == st->capdone) {
		int cap = st->capdone ? st->capdone * 2 : 32;
		void *nd = realloc(st->done, sizeof(*st->done) * (size_t)cap);

		if (!nd)
			return;
		st->done = nd;
		st->capdone = cap;
	}
	st->done[st->ndone++] = (struct done){ strdup(text), pos, bang };
}

/* the lines typed at the ! prompt */
static struct stepper *bang_st;

static void bang_hook(struct nsh *sh, const char *line, int rc)
{
	/* not the `exit` that ends the prompt */
	if (bang_st && !rc && !sh->quit && *skip_blank(line) && *skip_blank(line) != '#')
		remember(bang_st, line, bang_st->next, true);
}

/* run step K where the lab stands; with TELL, what changed is told */
static int run_step(struct stepper *st, int k, bool tell)
{
	struct nsh *sh = st->sh;
	const struct script_line *l = &st->lines[st->steps[k].line];
	struct watch *w = tell ? st->ops->watch_begin(sh) : NULL;
	int rc;

	sh->line = l->lineno;
	sh->telling = w != NULL;
	rc = nsh_run_line(sh, l->text, NSH_RUN);
	sh->telling = false;
	teardown_wait(sh);
	fflush(stdout);
	st->ops->watch_end(sh, w);
	remember(st, l->text, k, false);
	return rc;
}

/* what replay leaves out: views, checks and narration change nothing */
static bool replayable(const char *line)
{
	static const char *const skip[] = {
		"show", "watch", "expect", "why", "help", "say", "pause",
		"label", "time", "save", "record", "cleanup", "quit",
	};
	char w[64];

	first_word(line, w, sizeof(w));
	for (size_t i = 0; i < ARRAY_SIZE(skip); i++)
		if (streq(w, skip[i]))
			return false;
	return *w && *w != '#';
}

/*
 * restore - bring the lab to where it stood before step T: remove what
 * this session made, then replay quietly what was done before T.
 */
static int restore(struct stepper *st, int t)
{
	struct nsh *sh = st->sh;
	struct timespec a, b;
	int keep = 0, failed = 0, replayed = 0;
	int out = dup(1), err = dup(2), null = open("/dev/null", O_WRONLY);

	clock_gettime(CLOCK_MONOTONIC, &a);
	fflush(stdout);
	fflush(stderr);
	if (null >= 0) {
		dup2(null, 1);
		dup2(null, 2);
		close(null);
	}
	sh->replaying = true;
	(void)st->ops->cleanup(sh);
	for (int i = 0; i < st->ndone; i++) {
		struct done *d = &st->done[i];

		if (d->bang ? d->pos > t : d->pos >= t) {
			free(d->text);
			continue;
		}
		st->done[keep++] = *d;
		if (!replayable(d->text))
			continue;
		replayed++;
		if (nsh_run_line(sh, d->text, NSH_RUN))
			failed++;
	}
	st->ndone = keep;
	teardown_wait(sh);
	sh->replaying = false;
	fflush(stdout);
	fflush(stderr);
	if (out >= 0) {
		dup2(out, 1);
		close(out);
	}
	if (err >= 0) {
		dup2(err, 2);
		close(err);
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("  (lab restored to before step %d: %d command%s replayed in "
	       "%.0f ms%s)\n",
	       t + 1, replayed, replayed == 1 ? "" : "s",
	       (double)(b.tv_sec - a.tv_sec) * 1e3 +
		       (double)(b.tv_nsec - a.tv_nsec) / 1e6,
	       failed ? "; some failed again" : "");
	(void)model_get(sh);	/* the replay's events are not a step's */
	st->next = t;
	return failed ? 1 : 0;
}

/* ! : a live prompt where the lab stands, until `exit` (or end of input) */
static void bang(struct stepper *st)
{
	struct nsh *sh = st->sh;
	const char *file = sh->file;

	printf("  (a live prompt; 'exit' returns to the lab)\n");
	bang_st = st;
	nsh_line_hook = bang_hook;
	sh->file = NULL;
	sh->interactive = st->tty;
	if (st->tty)
		complete_init(sh);
	(void)input_run_live(sh, input_keys());
	if (st->tty)
		complete_fini();
	nsh_line_hook = NULL;
	bang_st = NULL;
	sh->interactive = false;
	sh->quit = false;
	sh->file = file;
	(void)model_get(sh);
	printf("  (back in the lab)\n");
}

static int label_step(struct stepper *st, const char *name)
{
	for (int i = 0; i < st->nlabels; i++)
		if (streq(st->labels[i].name, name))
			return st->labels[i].step;
	return -1;
}

/* forward to step T: the steps between are run, quietly */
static void fast_forward(struct stepper *st, int t)
{
	while (st->next < t && !nsh_interrupted) {
		char w[64];

		first_word(st->lines[st->steps[st->next].line].text, w,
			   sizeof(w));
		if (!streq(w, "pause"))
			run_step(st, st->next, false);
		st->next++;
	}
}

/* c: a checkpoint before step K; r: back to it (cmds/checkpoint.c, by
 * their command lines) */
static int mark_key(struct stepper *st, int k, bool back)
{
	char line[64];
	int t = back ? st->mark : k, keep = 0;

	if (back && t < 0) {
		printf("  (no checkpoint yet: c sets one)\n");
		return 0;
	}
	snprintf(line, sizeof(line), "%s step-%d", back ? "undo" :
		 "checkpoint", t + 1);
	if (nsh_run_line(st->sh, line, NSH_RUN))
		return 1;
	if (!back) {
		st->mark = k;
		return 0;
	}
	for (int i = 0; i < st->ndone; i++) {
		struct done *d = &st->done[i];

		if (d->bang ? d->pos > t : d->pos >= t)
			free(d->text);
		else
			st->done[keep++] = *d;
	}
	st->ndone = keep;
	st->next = t;
	return 0;
}

/* g LABEL at step K: forward to it, or back; 0, or 1 when a replay
 * failed */
static int go_label(struct stepper *st, int k, const char *name)
{
	int t = label_step(st, name);

	if (t < 0)
		printf("  (no line 'label %s' in %s)\n", name, st->sh->file);
	else if (t > k)
		fast_forward(st, t);
	else if (restore(st, t))
		return 1;
	return 0;
}

/* what a key did */
enum key_result { KEY_OK, KEY_FAILED, KEY_QUIT };

/* the key P typed at step K (whose first word is W) */
static enum key_result step_key(struct stepper *st, int k, const char *w,
				const char *p)
{
	bool failed = false;

	if (!*p) {
		if (!streq(w, "pause") && run_step(st, k, true))
			failed = true;
		st->next++;
	} else if (streq(p, "s")) {
		st->next++;
	} else if (streq(p, "b")) {
		if (k == 0)
			printf("  (this is the first step)\n");
		else if (restore(st, k - 1))
			failed = true;
	} else if (p[0] == 'g' && (p[1] == ' ' || p[1] == '\t')) {
		failed = go_label(st, k, skip_blank(p + 1));
	} else if (streq(p, "!")) {
		bang(st);
	} else if (streq(p, "c") || streq(p, "r")) {
		failed = mark_key(st, k, *p == 'r');
	} else if (streq(p, "q")) {
		return KEY_QUIT;
	} else {
		printf("  (keys: Enter, s, b, g LABEL, !, q, c, r)\n");
	}
	return failed ? KEY_FAILED : KEY_OK;
}

/* the key loop; the script's status */
static int step_loop(struct stepper *st)
{
	static const char keys[] =
		"  [Enter] run  [s]kip  [b]ack  [g LABEL]  [!] prompt  "
		"[c]heckpoint  [r]eturn  [q]uit > ";
	int status = 0, shown = -1;

	while (st->next < st->n && !nsh_interrupted) {
		int k = st->next;
		const char *text = st->lines[st->steps[k].line].text;
		enum key_result res;
		char w[64], *key;

		first_word(text, w, sizeof(w));
		if (streq(w, "say")) {	/* narration: no key */
			st->sh->line = st->lines[st->steps[k].line].lineno;
			putchar('\n');
			run_step(st, k, false);
			st->next++;
			continue;
		}
		show_step(st, k, shown);
		shown = k;
		key = read_key(st, streq(w, "pause") ?
				   "  -- press Enter to go on -- " : keys);
		if (!key)
			break;
		res = step_key(st, k, w, skip_blank(key));
		free(key);
		if (res == KEY_QUIT)
			break;
		if (res == KEY_FAILED)
			status = 1;
	}
	if (st->next >= st->n)
		printf("\n(end of %s)\n", st->sh->file);
	return status;
}

int step_run_file(struct nsh *sh, const char *path,
		  const struct step_ops *ops)
{
	struct stepper st = { .sh = sh, .ops = ops, .tty = isatty(0),
			      .mark = -1 };
	int status;

	if (script_load(sh, path, &st.lines, &st.nlines))
		return 1;
	nsh_vars_check_begin();
	for (int i = 0; i < st.nlines; i++) {
		sh->line = st.lines[i].lineno;
		if (nsh_run_line(sh, st.lines[i].text, NSH_CHECK)) {
			script_lines_free(st.lines, st.nlines);
			return 1;
		}
	}
	if (parse_steps(&st) < 0) {
		script_lines_free(st.lines, st.nlines);
		return nsh_err_raw(sh, "out of memory");
	}
	print_intro(&st);
	(void)model_get(sh);	/* loaded before the first step's diff */
	status = step_loop(&st);
	if (teardown_wait(sh))
		status = 1;
	for (int i = 0; i < st.ndone; i++)
		free(st.done[i].text);
	free(st.done);
	free(st.steps);
	script_lines_free(st.lines, st.nlines);
	input_keys_close();
	return status;
}
