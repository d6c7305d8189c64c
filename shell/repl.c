/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * repl.c - the interactive prompt: GNU readline in callback mode, so that
 * the loop can also serve other file descriptors (netlink events, next
 * issue) while the prompt waits.
 *
 * Ctrl-C abandons the line being typed (and, while a program runs, reaches
 * only that program: nsh waits on); Ctrl-D on an empty line leaves.  A
 * line ending in a backslash continues on the next, under a "> " prompt.
 * History is kept in ~/.nsh_history.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <unistd.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <readline/history.h>
#include <readline/readline.h>

#include "core.h"
#include "model.h"
#include "term.h"


static char *got;
static bool got_line, got_eof;

static void on_line(char *line)
{
	if (!line)
		got_eof = true;
	else
		got = line;
	got_line = true;
	rl_callback_handler_remove();
}

/*
 * The namespace nsh is inside lost its name (deleted or renamed by
 * another program): still there while nsh holds it, but no longer what
 * the name means.  Said once per namespace, then the prompt marks it.
 */
static bool cur_orphaned(struct nsh *sh)
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
	if (said != sh->cur.ino) {
		said = sh->cur.ino;
		str_escape(sh->cur.label, esc, sizeof(esc));
		printf("%s was deleted outside nsh; you are still inside it "
		       "(leave to go back)\n", esc);
	}
	return true;
}

static void prompt_for(struct nsh *sh, bool cont, char *buf, size_t len)
{
	char esc[300];

	if (cont)
		snprintf(buf, len, "> ");
	else if (sh->cur.label[0] && !ns_same(&sh->cur, &sh->home))
		/* the name coloured on a terminal; readline counts no
		 * width between \001 and \002 */
		snprintf(buf, len, "nsh[%s%s%s%s%s%s]> ",
			 term_color() ? "\001" : "",
			 term_color() ? term_sgr(TA_IFNAME) : "",
			 term_color() ? "\002" : "",
			 str_escape(sh->cur.label, esc, sizeof(esc)),
			 term_color() ? "\001" TERM_SGR_END "\002" : "",
			 cur_orphaned(sh) ? " (deleted)" : "");
	else
		snprintf(buf, len, "nsh> ");
}

static char *history_path(void)
{
	const char *home = getenv("HOME");
	char *p = NULL;

	if (home && *home && asprintf(&p, "%s/.nsh_history", home) < 0)
		p = NULL;
	return p;
}

/* the namespaces the sandbox holds (NETNS_RUN_DIR's entries) */
static int sandbox_held(void)
{
	_cleanup_(closedirp) DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d)))
		n += e->d_name[0] != '.';
	return n;
}

/*
 * Ctrl-D: inside `enter` it leaves the namespace, as `exit` does there; at
 * the top of a --sandbox session that still holds namespaces it asks once,
 * since ending the session throws the lab away.  True: go on reading.
 */
static bool eof_stays(struct nsh *sh, bool *warned)
{
	int n;

	if (sh->entered) {
		printf("leave\n");
		(void)nsh_run_line(sh, "leave", NSH_RUN);
		return true;
	}
	if (!sh->o.sandbox || *warned || (n = sandbox_held()) == 0)
		return false;
	printf("\nthe sandbox holds %d namespace%s; Ctrl-D again to discard "
	       "%s\n", n, n == 1 ? "" : "s", n == 1 ? "it" : "them");
	*warned = true;
	return true;
}

/*
 * A bracketed paste of several lines (readline hands them over as one,
 * newlines kept): each line its own history entry; checked as a script,
 * then run one by one as if typed, each shown after its prompt; the first
 * failure stops the rest (`paste:LINE: …`) and names the lines not run.
 */
static int run_paste(struct nsh *sh, const char *text)
{
	_cleanup_free_ char *buf = strdup(text);
	const char *file = sh->file;
	bool xtrace = sh->o.xtrace;
	int rc;

	if (!buf)
		return nsh_err_raw(sh, "out of memory");
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		char line[4096];

		snprintf(line, sizeof(line), "%.*s", (int)n, p);
		if (line[strspn(line, " \t")])
			add_history(line);
		p += n + (p[n] == '\n');
	}
	sh->o.xtrace = true;
	sh->pasting = true;
	rc = script_run_buffer(sh, "paste", buf, strlen(buf));
	sh->pasting = false;
	sh->o.xtrace = xtrace;
	sh->file = file;
	return rc;
}

int repl_run(struct nsh *sh)
{
	bool eof_warned = false;
	_cleanup_free_ char *hist = history_path();
	char *acc = NULL;
	char prompt[128];

	rl_readline_name = "nsh";
	rl_catch_signals = 0;
	complete_init(sh);
	(void)model_get(sh);	/* TAB must not wait for the kernel */
	using_history();
	stifle_history(2000);
	if (hist)
		(void)read_history(hist);
	while (!sh->quit && !nsh_terminated) {
		if (!acc)
			nsh_jobs_reap(sh, true);	/* [1]+ Done … */
		prompt_for(sh, acc != NULL, prompt, sizeof(prompt));
		got_line = got_eof = false;
		got = NULL;
		rl_callback_handler_install(prompt, on_line);
		while (!got_line) {
			struct pollfd p[4] = { { .fd = 0, .events = POLLIN } };
			int n = 1 + model_pollfds(p + 1, 3);
			/* wake each second: processes come and go unseen */
			int r = poll(p, (nfds_t)n, n > 1 ? 1000 : -1);

			if (r < 0 && errno != EINTR)
				break;
			/* Ctrl-C, even when more keys arrived with it */
			if (nsh_terminated) {
				sh->quit = true;
				break;
			}
			if (r < 0 || nsh_interrupted) {
				if (nsh_interrupted) {
					/* Ctrl-C: drop the line, new prompt */
					nsh_interrupted = 0;
					rl_free_line_state();
					rl_callback_sigcleanup();
					rl_crlf();
					rl_replace_line("", 0);
					rl_on_new_line();
					free(acc);
					acc = NULL;
					prompt_for(sh, false, prompt,
						   sizeof(prompt));
					rl_set_prompt(prompt);
					rl_redisplay();
				}
				continue;
			}
			/* netlink events and namespace changes, while the
			 * prompt waits */
			if (r == 0)
				model_ready(sh, NULL, 0);
			for (int i = 1; i < n; i++)
				if (p[i].revents) {
					model_ready(sh, p + 1, n - 1);
					break;
				}
			if (p[0].revents)
				rl_callback_read_char();
		}
		if (got_eof && acc == NULL && eof_stays(sh, &eof_warned))
			continue;
		if (got_eof || !got_line) {
			rl_callback_handler_remove();
			putchar('\n');
			break;
		}
		eof_warned = false;
		size_t l = strlen(got);
		size_t al = acc ? strlen(acc) : 0;
		bool cont = l && got[l - 1] == '\\';
		char *n = realloc(acc, al + l + 2);

		if (!n)
			break;
		acc = n;
		memcpy(acc + al, got, l + 1);
		free(got);
		if (cont) {
			acc[al + l - 1] = ' ';
			continue;
		}
		if (strchr(acc, '\n')) {
			sh->last_status = run_paste(sh, acc);
			teardown_wait(sh);
			free(acc);
			acc = NULL;
			continue;
		}
		if (acc[strspn(acc, " \t")])
			add_history(acc);
		sh->last_status = nsh_run_line(sh, acc, NSH_RUN);
		teardown_wait(sh);
		free(acc);
		acc = NULL;
	}
	free(acc);
	complete_fini();
	if (hist)
		(void)write_history(hist);
	return 0;
}

/*
 * repl_lines - `nsh -i` without a terminal: commands are read from
 * standard input line by line as they arrive (no readline, no prompt, no
 * checking pass), and netlink events are handled while nsh waits: another
 * program can drive a long-running nsh through a pipe.
 */
int repl_lines(struct nsh *sh)
{
	char buf[65536];
	size_t used = 0;
	bool eof = false;

	(void)model_get(sh);
	sh->file = "<stdin>";
	while (!sh->quit && !eof && !nsh_terminated) {
		struct pollfd p[4] = { { .fd = 0, .events = POLLIN } };
		int n = 1 + model_pollfds(p + 1, 3);
		char *nl;
		int r = poll(p, (nfds_t)n, 1000);

		if (r < 0) {
			if (errno == EINTR && !nsh_interrupted)
				continue;
			break;
		}
		if (r == 0)
			model_ready(sh, NULL, 0);	/* the 1 s process scan */
		for (int i = 1; i < n; i++)
			if (p[i].revents) {
				model_ready(sh, p + 1, n - 1);
				break;
			}
		if (!p[0].revents)
			continue;
		ssize_t nread = read(0, buf + used, sizeof(buf) - 1 - used);

		if (nread <= 0) {
			eof = true;
			if (!used)
				break;
			buf[used++] = '\n';
		} else {
			used += (size_t)nread;
		}
		while ((nl = memchr(buf, '\n', used))) {
			*nl = '\0';
			sh->line++;
			sh->last_status = nsh_run_line(sh, buf, NSH_RUN);
			teardown_wait(sh);
			fflush(stdout);
			used -= (size_t)(nl + 1 - buf);
			memmove(buf, nl + 1, used);
		}
		if (used == sizeof(buf) - 1) {
			nsh_err_raw(sh, "line too long");
			used = 0;
		}
	}
	return sh->last_status ? 1 : 0;
}
