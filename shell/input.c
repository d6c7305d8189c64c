/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * input.c - the one input layer (sqlite's process_input is the model).
 *
 * Every source of lines is a `struct input`, read by the same code:
 *
 *   the terminal   GNU readline in callback mode; history appended to the
 *                  history file after every line, as bash does
 *   a stream       a pipe or standard input (`-i`, `--step`'s keys): read
 *                  in blocks, lines handed out as they complete
 *   a buffer       text already in memory (a script file, `-c`, a paste)
 *
 * Physical lines (a UTF-8 BOM skipped, CRLF accepted, a NUL byte refused)
 * become logical lines under one continuation rule: an odd number of
 * backslashes at the end, outside a comment, joins the next line (the
 * backslash becomes a blank); and as in sh(1), a line that ends inside
 * quotes goes on with the next one, the newline kept in the quotes.  While a source waits, the netlink events
 * and the 1 s process scan are served (input_wait).  The prompt is
 * rendered here, for the terminal, `-x`, `--step` and a paste alike.
 *
 * What is read is run by script.c (read whole, checked, then run) or by
 * repl.c (each line as it comes).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <readline/history.h>
#include <readline/readline.h>

#include "core.h"
#include "model.h"
#include "remote.h"
#include "term.h"

#define INPUT_LINE_MAX (1u << 20)	/* a physical line longer: refused */

/* ------------------------------------------------------------ sources */

void input_buffer(struct input *in, const char *name, const char *text,
		  size_t len)
{
	*in = (struct input){ .kind = INPUT_BUFFER, .name = name, .fd = -1,
			      .buf = (char *)text, .len = len, .eof = true };
}

void input_stream(struct input *in, const char *name, int fd, bool events)
{
	*in = (struct input){ .kind = INPUT_STREAM, .name = name, .fd = fd,
			      .events = events };
}

static char *history_file(void)
{
	const char *f = getenv("NSH_HISTFILE");
	const char *home = getenv("HOME");
	char *p = NULL;

	if (f)
		return *f ? strdup(f) : NULL;	/* empty: no history file */
	if (home && *home && asprintf(&p, "%s/.nsh_history", home) < 0)
		p = NULL;
	return p;
}

static int history_size(void)
{
	const char *s = getenv("NSH_HISTSIZE");
	char *end;
	long n;

	if (!s || !*s)
		return 2000;
	n = strtol(s, &end, 10);
	return *end || n < 0 || n > 1000000 ? 2000 : (int)n;
}

void input_terminal(struct input *in)
{
	*in = (struct input){ .kind = INPUT_TERMINAL, .name = "<terminal>",
			      .fd = 0, .events = true };
	rl_readline_name = "nsh";
	rl_catch_signals = 0;
	using_history();
	stifle_history(history_size());
	in->hist = history_file();
	if (in->hist)
		(void)read_history(in->hist);
}

void input_close(struct input *in)
{
	if (in->kind == INPUT_STREAM)
		free(in->buf);
	if (in->kind == INPUT_TERMINAL && in->hist) {
		/* appended line by line; trimmed once, at the end */
		(void)history_truncate_file(in->hist, history_size());
		free(in->hist);
	}
	*in = (struct input){ .fd = -1 };
}

/*
 * input_history - LINE becomes a history entry and is appended to the
 * history file at once: a killed session loses nothing, and two sessions
 * interleave their lines instead of overwriting each other's.
 */
void input_history(struct input *in, const char *line)
{
	if (in->kind != INPUT_TERMINAL || !line[strspn(line, " \t")])
		return;
	add_history(line);
	if (!in->hist)
		return;
	if (append_history(1, in->hist) != 0) {
		/* the first line of a new file */
		int fd = open(in->hist, O_WRONLY | O_CREAT | O_APPEND |
						O_CLOEXEC, 0600);

		if (fd >= 0) {
			close(fd);
			(void)append_history(1, in->hist);
		}
	}
}

/* ------------------------------------------------------------ waiting */

/*
 * input_wait - wait until FD can be read, serving netlink events and the
 * 1 s process scan meanwhile: 1 readable, -EINTR on Ctrl-C or a
 * terminating signal, another negative errno on failure.
 */
int input_wait(struct nsh *sh, int fd)
{
	for (;;) {
		struct pollfd p[4] = { { .fd = fd, .events = POLLIN } };
		int n = 1 + model_pollfds(p + 1, 3);
		/* wake each second: processes come and go unseen */
		int r = poll(p, (nfds_t)n, n > 1 ? 1000 : -1);

		if (r < 0 && errno != EINTR)
			return -errno;
		if (nsh_terminated || nsh_interrupted)
			return -EINTR;
		if (r < 0)
			continue;
		if (r == 0)
			model_ready(sh, NULL, 0);
		for (int i = 1; i < n; i++)
			if (p[i].revents) {
				model_ready(sh, p + 1, n - 1);
				break;
			}
		if (p[0].revents)
			return 1;
	}
}

/* ------------------------------------------------------------ the prompt */

/*
 * The namespace nsh is inside lost its name (deleted or renamed by
 * another program): still there while nsh holds it, but no longer what
 * the name means.  Said once per namespace (when SAY), then the prompt
 * marks it.
 */
static bool cur_orphaned(struct nsh *sh, bool say)
{
	static ino_t said;
	char path[PATH_MAX], esc[300];
	struct stat st;

	if (!sh->entered || !sh->cur.label[0] || sh->cur.held)
		return false;
	snprintf(path, sizeof(path), "%s/%s", NETNS_RUN_DIR, sh->cur.label);
	if (stat(path, &st) == 0 && st.st_dev == sh->cur.dev &&
	    st.st_ino == sh->cur.ino)
		return false;
	if (say && said != sh->cur.ino) {
		said = sh->cur.ino;
		str_escape(sh->cur.label, esc, sizeof(esc));
		printf("%s was deleted outside nsh; you are still inside it "
		       "(leave to go back)\n", esc);
	}
	return true;
}

/*
 * input_prompt - the prompt: "nsh> ", "nsh[ns1]> " inside a namespace
 * ("nsh[ns1 (deleted)]> " once its name is gone), "> " for a continued
 * line.  LIVE: at a real prompt, where a lost name is announced.
 */
void input_prompt(struct nsh *sh, bool cont, bool live, char *buf,
		  size_t len)
{
	bool color = live && term_color();
	char esc[300];

	if (cont)
		snprintf(buf, len, "> ");
	else if (sh->remote)	/* enter HOST:NS */
		snprintf(buf, len, "nsh[%s%s%s%s:%s%s]> ",
			 color ? "\001" : "", color ? term_sgr(TA_IFNAME) : "",
			 color ? "\002" : "", sh->remote->name,
			 str_escape(sh->remote->at, esc, sizeof(esc)),
			 color ? "\001" TERM_SGR_END "\002" : "");
	else if (sh->cur.label[0] && !ns_same(&sh->cur, &sh->home))
		/* the name coloured at a live prompt on a terminal; readline
		 * counts no width between \001 and \002 */
		snprintf(buf, len, "nsh[%s%s%s%s%s%s]> ",
			 color ? "\001" : "", color ? term_sgr(TA_IFNAME) : "",
			 color ? "\002" : "",
			 str_escape(sh->cur.label, esc, sizeof(esc)),
			 color ? "\001" TERM_SGR_END "\002" : "",
			 cur_orphaned(sh, live) ? " (deleted)" : "");
	else
		snprintf(buf, len, "nsh> ");
}

/* ------------------------------------------------------------ lines */

static char *tl_got;
static bool tl_done, tl_eof;

static void on_line(char *line)
{
	if (!line)
		tl_eof = true;
	else
		tl_got = line;
	tl_done = true;
	rl_callback_handler_remove();
}

/* Ctrl-C at the prompt: the line typed so far is dropped */
static void terminal_drop_line(void)
{
	rl_free_line_state();
	rl_callback_sigcleanup();
	rl_crlf();
	rl_replace_line("", 0);
	rl_callback_handler_remove();
}

/* a line typed at the terminal: may hold newlines (a bracketed paste) */
static int terminal_line(struct nsh *sh, struct input *in, const char *prompt,
			 char **ret)
{
	tl_done = tl_eof = false;
	tl_got = NULL;
	rl_callback_handler_install(prompt ? prompt : "", on_line);
	while (!tl_done) {
		int r = input_wait(sh, in->fd);

		if (r == -EINTR && !nsh_terminated) {
			nsh_interrupted = 0;
			terminal_drop_line();
			return -EINTR;
		}
		if (r < 0) {
			rl_callback_handler_remove();
			putchar('\n');
			return 0;
		}
		rl_callback_read_char();
	}
	if (tl_eof)
		return 0;
	in->lineno++;
	*ret = tl_got;
	return 1;
}

/* the next physical line of what was read ahead, if complete (or the
 * last, unterminated one at the end): 1, 0 none yet, negative errno */
static int cut_line(struct nsh *sh, struct input *in, char **ret)
{
	size_t avail = in->len - in->pos, l;
	char *p, *nl;

	if (!avail)	/* nothing read yet: in->buf may still be NULL */
		return 0;
	p = in->buf + in->pos;
	nl = memchr(p, '\n', avail);
	if (in->skip) {	/* the rest of a line too long */
		if (!nl) {
			in->pos = in->len;
			return 0;
		}
		in->skip = false;
		in->lineno++;
		in->pos += (size_t)(nl - p) + 1;
		return cut_line(sh, in, ret);
	}
	l = nl ? (size_t)(nl - p) : avail;
	if (!nl && !in->eof)
		return 0;
	in->lineno++;
	in->pos += l + (nl != NULL);
	if (in->lineno == 1 && l >= 3 && !memcmp(p, "\xef\xbb\xbf", 3)) {
		p += 3;
		l -= 3;
	}
	if (memchr(p, '\0', l)) {
		sh->file = in->name;
		sh->line = in->lineno;
		nsh_err_raw(sh, "a NUL byte: this is not a text file");
		return -EILSEQ;
	}
	if (l && p[l - 1] == '\r')
		l--;
	*ret = strndup(p, l);
	return *ret ? 1 : -ENOMEM;
}

/* read more of a stream: 1 read, 0 at its end, negative errno */
static int stream_fill(struct nsh *sh, struct input *in)
{
	ssize_t n;

	if (in->pos) {
		memmove(in->buf, in->buf + in->pos, in->len - in->pos);
		in->len -= in->pos;
		in->pos = 0;
	}
	if (in->len == in->cap) {
		size_t cap = in->cap ? in->cap * 2 : 65536;
		char *nb;

		if (cap > INPUT_LINE_MAX * 2) {
			sh->file = in->name;
			sh->line = in->lineno + 1;
			nsh_err_raw(sh, "line too long (more than %u bytes)",
				    INPUT_LINE_MAX * 2);
			in->len = 0;	/* dropped, and the rest of it */
			in->skip = true;
			return -E2BIG;
		}
		nb = realloc(in->buf, cap);
		if (!nb)
			return -ENOMEM;
		in->buf = nb;
		in->cap = cap;
	}
	for (;;) {
		if (in->events) {
			int r = input_wait(sh, in->fd);

			if (r < 0)
				return r;
		}
		n = read(in->fd, in->buf + in->len, in->cap - in->len);
		if (n >= 0)
			break;
		if (errno != EINTR)
			return -errno;
		if (nsh_interrupted || nsh_terminated)
			return -EINTR;
	}
	if (n == 0)
		in->eof = true;
	in->len += (size_t)n;
	return 1;
}

/*
 * input_physical - the next physical line of IN in *RET (malloc'd, without
 * its newline), after showing PROMPT if the source is a person's: 1, 0 at
 * the end, -EINTR (Ctrl-C: the line is dropped), another negative errno
 * (reported).
 */
int input_physical(struct nsh *sh, struct input *in, const char *prompt,
		   char **ret)
{
	if (in->kind == INPUT_TERMINAL)
		return terminal_line(sh, in, prompt, ret);
	if (prompt) {
		fputs(prompt, stdout);
		fflush(stdout);
	}
	for (;;) {
		int r = cut_line(sh, in, ret);

		if (r || in->eof)
			return r;
		r = stream_fill(sh, in);
		if (r <= 0)
			return r;
	}
}

/* where S ends: inside quotes ('\'' or '"': the next line goes on with
 * the string), inside a comment ('#': a '#' that starts a word, to the end
 * of its line; a backslash there continues nothing, as in sh(1)), or 0.
 * A backslash quotes the next character, but in single quotes. */
static char end_state(const char *s)
{
	char q = 0;

	for (const char *p = s; *p; p++) {
		if (q == '\'') {
			q = *p == '\'' ? 0 : q;
		} else if (*p == '\\') {
			if (!p[1])
				break;
			p++;
		} else if (q == '"') {
			q = *p == '"' ? 0 : q;
		} else if (*p == '\'' || *p == '"') {
			q = *p;
		} else if (*p == '#' && (p == s || strchr(" \t\n;&|()", p[-1]))) {
			p += strcspn(p, "\n");
			if (!*p)
				return '#';
		}
	}
	return q;
}

/* the one continuation rule: an odd number of backslashes at the end,
 * outside a comment */
bool input_continues(const char *s)
{
	size_t l = strlen(s), bs = 0;

	while (bs < l && s[l - 1 - bs] == '\\')
		bs++;
	return bs % 2 == 1 && end_state(s) != '#';
}

/* L after *ACC (after a newline, NL: a quoted string going on) */
static int join(char **acc, char *l, bool nl)
{
	size_t al = *acc ? strlen(*acc) : 0, n = strlen(l);
	char *j;

	if (!*acc) {
		*acc = l;
		return 0;
	}
	j = realloc(*acc, al + nl + n + 1);
	if (!j) {
		free(l);
		return -ENOMEM;
	}
	if (nl)
		j[al++] = '\n';
	memcpy(j + al, l, n + 1);
	free(l);
	*acc = j;
	return 0;
}

/* the end came inside a continued line */
static int dangling(struct nsh *sh, struct input *in, char *acc)
{
	free(acc);
	if (in->kind == INPUT_TERMINAL)
		return 0;
	sh->file = in->name;
	sh->line = in->lineno;
	nsh_err_raw(sh, "a backslash at the end of the file continues this "
			"line into nothing");
	return -EINVAL;
}

/* the columns PROMPT takes on the screen: readline's invisible stretches
 * (\001…\002) and escape sequences left out, UTF-8 counted by character */
static int prompt_cols(const char *p)
{
	int n = 0;
	bool hidden = false;

	for (; *p; p++) {
		if (*p == '\001' || *p == '\002')
			hidden = *p == '\001';
		else if (!hidden && ((unsigned char)*p & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/*
 * input_line - the next logical line of IN in *RET (its text malloc'd, its
 * first physical line's number), prompting when PROMPT: 1, 0 at the end,
 * -EINTR (Ctrl-C), another negative errno (reported).  A terminal's line
 * may hold newlines: a bracketed paste, handed over whole.
 */
int input_line(struct nsh *sh, struct input *in, bool prompt,
	       struct script_line *ret)
{
	char *acc = NULL;
	int first = 0;
	bool quoted = false, pasted = false;
	char st;

	for (;;) {
		char pbuf[320], *l = NULL;
		int r;

		if (prompt)
			input_prompt(sh, acc != NULL, !acc, pbuf, sizeof(pbuf));
		r = input_physical(sh, in, prompt ? pbuf : NULL, &l);
		if (r == 0 && acc && quoted)
			break;	/* the parser says: unterminated quote */
		if (r == 0 && acc)
			return dangling(sh, in, acc);
		if (r <= 0) {
			free(acc);
			return r;
		}
		if (!acc)
			first = in->lineno;
		pasted = strchr(l, '\n') != NULL;
		if (join(&acc, l, quoted) < 0) {
			free(acc);
			return -ENOMEM;
		}
		/* a caret can point into a line typed on one prompt line */
		sh->caret_cols = prompt && in->kind == INPUT_TERMINAL &&
					 !strchr(acc, '\n') && first == in->lineno ?
				 prompt_cols(pbuf) : 0;
		st = end_state(acc);
		if ((quoted = st == '\'' || st == '"'))
			continue;
		/* a paste (handed whole) does not go on with a backslash */
		if (pasted || !input_continues(acc))
			break;
		acc[strlen(acc) - 1] = ' ';	/* the backslash: a blank */
	}
	ret->text = acc;
	ret->lineno = first;
	return 1;
}

void script_lines_free(struct script_line *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].text);
	free(v);
}

/* input_all - every logical line of IN: 0, or 1 after reporting */
int input_all(struct nsh *sh, struct input *in, struct script_line **ret,
	      int *ret_n)
{
	struct script_line *v = NULL, l;
	int n = 0, cap = 0, r;

	sh->file = in->name;
	while ((r = input_line(sh, in, false, &l)) > 0) {
		if (n == cap) {
			int ncap = cap ? cap * 2 : 64;
			void *nv = realloc(v, sizeof(*v) * (size_t)ncap);

			if (!nv) {
				free(l.text);
				r = -ENOMEM;
				break;
			}
			v = nv;
			cap = ncap;
		}
		v[n++] = l;
	}
	if (r < 0) {
		if (r == -ENOMEM)
			nsh_err_raw(sh, "out of memory");
		else if (r == -EINTR)
			nsh_err_raw(sh, "interrupted");
		else if (r != -EILSEQ && r != -EINVAL && r != -E2BIG)
			nsh_err_raw(sh, "%s", strerror(-r));
		script_lines_free(v, n);
		return 1;
	}
	*ret = v;
	*ret_n = n;
	return 0;
}

/* ------------------------------------------------------------ keys */

static struct input keys;
static bool keys_open;

/* the keyboard: the terminal, or standard input when it is a pipe (a
 * class run from a file of keys) */
static struct input *keys_get(void)
{
	if (!keys_open) {
		if (isatty(0)) {
			keys = (struct input){ .kind = INPUT_TERMINAL,
					       .name = "<terminal>", .fd = 0,
					       .events = true };
			rl_readline_name = "nsh";
			rl_catch_signals = 0;
		} else
			input_stream(&keys, "<stdin>", 0, true);
		keys_open = true;
	}
	return &keys;
}

/*
 * input_key - a line from the person at the keyboard (--step's keys,
 * `pause`), after PROMPT: 1, 0 at the end, -EINTR.  One source serves
 * every caller and the `!` prompt (input_keys), so what is read ahead for
 * one is there for the next.
 */
int input_key(struct nsh *sh, const char *prompt, char **ret)
{
	struct input *in = keys_get();
	int r = input_physical(sh, in, prompt, ret);

	if (in->kind != INPUT_TERMINAL && prompt)
		putchar('\n');
	return r;
}

/* the keyboard as a source of lines (the `!` prompt of --step) */
struct input *input_keys(void)
{
	return keys_get();
}

void input_keys_close(void)
{
	if (keys_open && keys.kind == INPUT_STREAM)
		free(keys.buf);
	keys_open = false;
}
