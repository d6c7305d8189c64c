/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * host_lines.c - lines run on the lab's other hosts: `HOST: LINE`, `on
 * HOST LINE`, `ip -H HOST …`, a command whose namespace is HOST:NS, the
 * lines of `enter HOST:NS`; a script's lines pipelined and the barrier
 * before any other command; errors shown with the host's name.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmds.h"
#include "host.h"
#include "ipl.h"

/* ------------------------------------------------------ a line remotely */

/* TEXT (the agent's stderr) line by line, each prefixed as nsh's own
 * errors are (script line LINENO), with the host's name in front */
static void put_err_at(struct nsh *sh, const char *host, const char *text,
		       int lineno)
{
	while (*text) {
		size_t n = strcspn(text, "\n");

		if (sh->file)
			fprintf(stderr, "%s:%d: ", sh->file, lineno);
		fprintf(stderr, "%s: %.*s\n", host, (int)n, text);
		text += n + (text[n] == '\n');
	}
}

void host_put_err(struct nsh *sh, const char *host, const char *text)
{
	put_err_at(sh, host, text, sh->line);
}

/* a host still starting: its greeting awaited; if it never comes, the
 * failure is reported at the line that declared the host, which is
 * forgotten: 1 (H is gone then) */
static int ready(struct nsh *sh, struct nsh_host *h)
{
	if (h->state != HOST_STARTING || !host_greeted(h, 0))
		return 0;
	fflush(stdout);
	if (sh->file)
		fprintf(stderr, "%s:%d: ", sh->file, h->decl_line);
	fprintf(stderr, "host: '%s': cannot start its agent: %s\n", h->name,
		h->why);
	host_del(sh, h);
	return 1;
}

/* --step's lines of what changed on HOST ("  + namespace ns5"), with
 * the host's name ("  + h2: namespace ns5") */
static void put_told(const char *host, const char *told)
{
	while (*told) {
		size_t n = strcspn(told, "\n");

		if (n > 4 && !strncmp(told, "  ", 2) && told[3] == ' ')
			printf("%.4s%s: %.*s\n", told, host, (int)n - 4,
			       told + 4);
		else
			printf("%s: %.*s\n", host, (int)n, told);
		told += n + (told[n] == '\n');
	}
	fflush(stdout);
}

/* `watch`'s lines of a host's changes, marked as --step's ("h2: +
 * namespace st1"), or (JSON) one object a line */
static void put_watched(const char *host, const char *told, bool json)
{
	while (*told) {
		size_t n = strcspn(told, "\n");
		size_t skip = strspn(told, " ") < n ? strspn(told, " ") : 0;
		_cleanup_free_ char *t = strndup(told + skip, n - skip);

		ANALYZER_KEEP(t);	/* _cleanup_: freed each turn */
		if (t && json) {
			struct json j = { 0 };

			json_begin_object(&j);
			json_str(&j, "event", "host");
			json_str(&j, "host", host);
			json_str(&j, "text", t);
			json_end_object(&j);
			json_end(&j);
		} else if (t) {
			printf("%s: %s\n", host, t);
		}
		told += n + (told[n] == '\n');
	}
	fflush(stdout);
}

bool hosts_any_up(const struct nsh *sh)
{
	for (const struct nsh_host *h = sh->hosts; h; h = h->next)
		if (h->state == HOST_UP)
			return true;
	return false;
}

void hosts_watch(struct nsh *sh, bool json, bool more)
{
	for (struct nsh_host *h = sh->hosts; h; h = h->next) {
		struct host_reply r;
		int rc;

		if (h->state != HOST_UP || h->npend)
			continue;
		h->watch = more ? 1 : 2;
		rc = host_call(h, "", NULL, 0, &r);
		h->watch = 0;
		if (rc == -ECONNRESET)
			fprintf(stderr, "watch: '%s': the host is lost: %s\n",
				h->name, h->why);
		if (rc < 0)
			continue;
		put_watched(h->name, r.told, json);
		host_reply_free(&r);
	}
}

/* the words of ARGV as one line the agent splits back into them */
char *host_join_words(int argc, char **argv)
{
	size_t len = 1;
	char *line, *o;

	for (int i = 0; i < argc; i++)
		len += 4 * strlen(argv[i]) + 3;
	if (!(o = line = malloc(len)))
		return NULL;
	*o = '\0';
	for (int i = 0; i < argc; i++) {
		_cleanup_free_ char *q = sh_quoted(argv[i]);

		if (!q) {
			free(line);
			return NULL;
		}
		o += sprintf(o, "%s%s", i ? " " : "", q);
	}
	return line;
}

/* ---------------------------------------------------- pipelined lines */

/*
 * In a script read whole and checked, `HOST: LINE` does not wait for its
 * reply: lines for the hosts go out back to back (the agent runs one only
 * if the one before it succeeded), and the replies are read as they come
 * and before any other command runs (hosts_barrier), so a script over
 * three hosts costs about what the slowest host's share costs, not three
 * hosts' round trips.  A failure is reported with its own script line
 * and stops the script at the next command.
 */
#define PIPELINE_MAX 1024	/* requests in flight per host */

/* the replies of H: those already there, or (WAIT) all: the first
 * failure's status, or 0 */
static int drain(struct nsh *sh, struct nsh_host *h, bool wait)
{
	int first = 0;

	/* what waits lets every host's queued lines go first */
	for (struct nsh_host *x = sh->hosts; wait && x; x = x->next)
		(void)host_flush(x);
	while (h->npend) {
		struct host_reply r;
		int ln, rc = host_next_reply(h, wait ? -1 : 0, &r, &ln);

		if (rc == -EAGAIN)
			break;
		if (rc < 0) {
			if (!first)
				first = nsh_err(sh, "'%s': %s", h->name,
						rc == -ECONNRESET ? h->why :
								    strerror(-rc));
			break;
		}
		fwrite(r.out, 1, strlen(r.out), stdout);
		put_err_at(sh, h->name, r.err, ln);
		if (!r.skipped && r.status && !first)
			first = r.status;
		host_reply_free(&r);
	}
	fflush(stdout);
	return first;
}

/* the host of `HOST: …` (ARGV[0] is "HOST:"), or NULL */
static struct nsh_host *line_host(struct nsh *sh, char **argv)
{
	size_t n = strlen(argv[0]);
	char name[64];

	if (n < 2 || argv[0][n - 1] != ':' || n > sizeof(name))
		return NULL;
	snprintf(name, sizeof(name), "%.*s", (int)(n - 1), argv[0]);
	return host_find(sh, name);
}

int hosts_barrier(struct nsh *sh, int argc, char **argv)
{
	int first = 0;

	if (argc && line_host(sh, argv))
		return 0;
	/* a host declared waits for no other: the hosts connect at once */
	if (argc > 2 && streq(argv[0], "host") && streq(argv[2], "ssh"))
		return 0;
	for (struct nsh_host *h = sh->hosts, *next; h; h = next) {
		int st;

		next = h->next;
		st = ready(sh, h);
		if (!st && h->npend)
			st = drain(sh, h, true);
		if (st && !first)
			first = st;
	}
	return first;
}

/* LINE sent to H without waiting: the status of an earlier line of H
 * that failed meanwhile, or 0 */
static int run_piped(struct nsh *sh, struct nsh_host *h, const char *line)
{
	int rc, st = drain(sh, h, false);

	if (st)
		return st;
	if (h->npend >= PIPELINE_MAX && (st = drain(sh, h, true)))
		return st;
	if ((rc = host_send(h, line, sh->line)) < 0)
		return nsh_err(sh, "'%s': %s", h->name,
			       rc == -ECONNRESET ? h->why : strerror(-rc));
	return 0;
}

/* may a script's line for a host go without waiting for its reply?  Not
 * when its status is wanted now (tested, redirected, -k) */
bool host_may_pipe(const struct nsh *sh)
{
	return sh->whole_script && !sh->o.keep_going &&
	       !sh->status_tested && !sh->subshell && !sh->fdmap &&
	       !sh->defer_report;
}

int host_run(struct nsh *sh, struct nsh_host *h, const char *line,
	     char **out)
{
	struct host_reply r;
	int rc;

	if (h->state != HOST_UP)
		return nsh_err(sh, "'%s': the host is %s: %s", h->name,
			       host_state_name(h->state), h->why);
	if (h->npend && (rc = drain(sh, h, true)))
		return rc;
	h->tell = sh->telling;
	rc = host_call(h, line, NULL, 0, &r);
	h->tell = false;
	if (rc < 0)
		return nsh_err(sh, "'%s': %s", h->name,
			       rc == -EINTR ? "interrupted (the line may "
					      "still run there)" :
			       rc == -ECONNRESET ? h->why : strerror(-rc));
	if (out) {
		*out = r.out;
		r.out = NULL;
	} else {
		fwrite(r.out, 1, strlen(r.out), stdout);
		fflush(stdout);
	}
	host_put_err(sh, h->name, r.err);
	put_told(h->name, r.told);
	rc = r.status;
	host_reply_free(&r);
	return rc;
}

int host_runf(struct nsh *sh, struct nsh_host *h, char **out,
	      const char *fmt, ...)
{
	_cleanup_free_ char *line = NULL;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&line, fmt, ap);
	va_end(ap);
	if (n < 0)
		return nsh_err(sh, "'%s': out of memory", h->name);
	return host_run(sh, h, line, out);
}

/* run ARGV on host NAME: its status */
int host_run_words(struct nsh *sh, const char *name, int argc, char **argv)
{
	struct nsh_host *h = host_find(sh, name);
	_cleanup_free_ char *line = NULL;

	if (!h)
		return nsh_err(sh, "'%s': no such host (host %s ssh …)", name,
			       name);
	if (ready(sh, h))
		return 1;
	if (!(line = host_join_words(argc, argv)))
		return nsh_err(sh, "'%s': out of memory", name);
	return h->state == HOST_UP && host_may_pipe(sh) ? run_piped(sh, h, line) :
						      host_run(sh, h, line, NULL);
}

int host_program(struct nsh *sh, int argc, char **argv)
{
	struct nsh_host *h = line_host(sh, argv);

	if (!h)
		return -1;
	if (argc < 2)
		return nsh_err(sh, "'%s': a command to run there is missing",
			       h->name);
	return host_run_words(sh, h->name, argc - 1, argv + 1);
}

/* ---------------------------------------------- HOST:NS in a namespace */

/*
 * Is binding I of A a word that may say HOST:…?  Any value: a namespace
 * (NSREF, -n, netns exec), an NS:IF word (HOST:NS:IF), a path's end.  So
 * a host's name shadows a namespace of the same name in NS:IF words: give
 * hosts names of their own (h1 … for hosts, ns1 … for namespaces).
 */
static bool ns_word(const struct nsh_args *a, int i)
{
	return !a->bind[i].is_kw && a->bind[i].v.text;
}

/* the host of WORD = HOST:REST, or NULL */
static struct nsh_host *word_host(struct nsh *sh, const char *word)
{
	const char *c = strchr(word, ':');
	char name[64];

	if (!c || c == word || !c[1] || (size_t)(c - word) >= sizeof(name))
		return NULL;
	snprintf(name, sizeof(name), "%.*s", (int)(c - word), word);
	return host_find(sh, name);
}

/* `ip -Host NAME …`: the host, its two words dropped from WORDS (NULL);
 * 0 (none or found), or 1 after an error line */
static int host_option(struct nsh *sh, const struct nsh_args *a, int argc,
		       char **words, struct nsh_host **h)
{
	for (int i = 0; i + 1 < a->nbind; i++) {
		const struct nsh_bind *b = &a->bind[i];
		int t = a->bind[i + 1].tok;

		if (!b->is_kw || !b->opt || !streq(b->opt->kw, "-Host") ||
		    t < 0 || t >= argc)
			continue;
		if (!(*h = host_find(sh, words[t])))
			return nsh_err(sh, "'%s': no such host (host %s ssh …)",
				       words[t], words[t]);
		words[b->tok] = words[t] = NULL;
		return 0;
	}
	return 0;
}

/* WORDS without the NULL ones */
static int compact(int argc, char **words)
{
	int n = 0;

	for (int i = 0; i < argc; i++)
		if (words[i])
			words[n++] = words[i];
	return n;
}

int hosts_remote(struct nsh *sh, int argc, char **argv,
		 const struct nsh_args *a)
{
	char *words[NSH_MAX_WORDS];
	struct nsh_host *h = NULL;
	_cleanup_free_ char *line = NULL;
	int rc;

	if (argc > NSH_MAX_WORDS || (a->cmd->flags & NSH_CMD_HOSTS))
		return -1;
	if ((rc = hosts_veth_across(sh, argc, argv)) >= 0)
		return rc;
	memcpy(words, argv, sizeof(*argv) * (size_t)argc);
	if (host_option(sh, a, argc, words, &h))
		return 1;
	for (int i = 0; i < a->nbind && sh->hosts; i++) {
		int t = a->bind[i].tok;
		struct nsh_host *wh;

		if (t < 0 || t >= argc || !ns_word(a, i) ||
		    !(wh = word_host(sh, argv[t])))
			continue;
		if (h && wh != h)
			return nsh_err(sh, "'%s': one line runs on one host "
					   "(%s here)", argv[t], h->name);
		h = wh;
		words[t] = strchr(argv[t], ':') + 1;
	}
	if (!h)
		return -1;
	if (ready(sh, h))
		return 1;
	if (!(line = host_join_words(compact(argc, words), words)))
		return nsh_err(sh, "'%s': out of memory", h->name);
	ANALYZER_KEEP(line);	/* _cleanup_: freed on return */
	if (h->state == HOST_UP && host_may_pipe(sh))
		return run_piped(sh, h, line);
	rc = host_run(sh, h, line, NULL);
	/* `enter HOST:NS` at the prompt: the lines that follow go there */
	if (!rc && (a->cmd->flags & NSH_CMD_CONTEXT) && !a->nrest &&
	    !sh->whole_script && h->at[0])
		sh->remote = h;
	return rc;
}

int hosts_forward(struct nsh *sh, const char *line)
{
	struct nsh_host *h = sh->remote;
	int rc;

	if (h->state != HOST_UP) {
		sh->remote = NULL;
		return nsh_err_raw(sh, "%s: the host is %s: %s; back here",
				   h->name, host_state_name(h->state), h->why);
	}
	rc = host_run(sh, h, line, NULL);
	if (h->state != HOST_UP || !h->at[0])
		sh->remote = NULL;	/* left its namespace, or lost */
	return rc;
}
