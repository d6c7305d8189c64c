/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * complete.c - TAB completion and `?` help at the prompt, both walked from
 * the command tree (cmdtree_complete), plus the hidden `complete WORDS…`
 * command that prints the candidates one per line, so completion is tested
 * without a terminal.
 *
 * A line whose first word is no nsh command completes file names, as a
 * shell would for a program's arguments.  Inside `enter NS …` and
 * `ip netns exec NS …` the nested command completes as a command.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <readline/readline.h>

#include "core.h"

struct cands {
	char **word;
	char **help;
	int n, cap;
};

static void cands_add(void *ctx, const char *word, const char *help)
{
	struct cands *c = ctx;

	for (int i = 0; i < c->n; i++)
		if (streq(c->word[i], word))
			return;
	if (c->n == c->cap) {
		int cap = c->cap ? c->cap * 2 : 32;
		char **w = realloc(c->word, sizeof(*w) * (size_t)cap);
		char **h = w ? realloc(c->help, sizeof(*h) * (size_t)cap) : NULL;

		if (w)
			c->word = w;
		if (!h)
			return;
		c->help = h;
		c->cap = cap;
	}
	c->word[c->n] = strdup(word);
	c->help[c->n] = strdup(help ? help : "");
	c->n++;
}

static void cands_free(struct cands *c)
{
	for (int i = 0; i < c->n; i++) {
		free(c->word[i]);
		free(c->help[i]);
	}
	free(c->word);
	free(c->help);
	memset(c, 0, sizeof(*c));
}

/* skip "sudo", and the wrapper of a nested command: "enter NS", "ip netns
 * exec NS" (the words of the inner command start at the returned index) */
static int inner_start(int argc, char **argv)
{
	int i = skip_sudo(argc, argv);

	if (argc - i >= 3 && streq(argv[i], "enter"))
		return i + 2 + inner_start(argc - i - 2, argv + i + 2);
	if (argc - i >= 5 && streq(argv[i], "ip") &&
	    strncmp(argv[i + 1], "netns", strlen(argv[i + 1])) == 0 &&
	    strncmp(argv[i + 2], "exec", strlen(argv[i + 2])) == 0)
		return i + 4 + inner_start(argc - i - 4, argv + i + 4);
	return i;
}

/* the namespace a line acts in: the last "enter NS", "ip netns exec NS"
 * or "ip -n NS" among its first S words and the inner command's */
static const char *line_ns(int argc, char **argv, int s)
{
	const char *ns = NULL;

	for (int i = 0; i + 1 < argc; i++) {
		if (i + 1 < s && (streq(argv[i], "enter") ||
				  (i > 0 && strncmp(argv[i], "exec",
						    strlen(argv[i])) == 0 &&
				   strlen(argv[i]) >= 2)))
			ns = argv[i + 1];
		if (i >= s && (streq(argv[i], "-n") || streq(argv[i], "-netns")))
			ns = argv[i + 1];
	}
	return ns;
}

/* candidates for the word PREFIX after ARGV (NULL prefix: `?` mode) */
static int collect(struct nsh *sh, int argc, char **argv, const char *prefix,
		   struct cands *out)
{
	int s = inner_start(argc, argv);

	if (s < argc && !cmdtree_is_root(argv[s]))
		return -1;	/* a program: complete files */
	sh->complete_ns = line_ns(argc, argv, s);
	cmdtree_complete(sh, argc - s, argv + s, prefix, cands_add, out);
	sh->complete_ns = NULL;
	return 0;
}

/* ------------------------------------------------------------ readline */

static struct nsh *rl_sh;
static struct cands rl_cands;

static char *generator(const char *text, int state)
{
	static int i;

	if (!state)
		i = 0;
	while (i < rl_cands.n) {
		const char *w = rl_cands.word[i++];

		/* placeholders ("NSNAME") are described by `?`, not inserted */
		if (strncmp(w, text, strlen(text)) == 0 && !type_find(w))
			return strdup(w);
	}
	return NULL;
}

static char **attempt(const char *text, int start, int end)
{
	_cleanup_free_ char *pre = strndup(rl_line_buffer, (size_t)start);
	struct nsh_words w;
	char **m = NULL;
	int r;

	ANALYZER_KEEP(pre);
	rl_attempted_completion_over = 1;
	/* the words of the command after the last ; | && …, and file
	 * names after > < */
	r = pre ? sh_complete_words(pre, &w) : -1;
	if (r < 0)
		return NULL;
	cands_free(&rl_cands);
	if (r == 1 || collect(rl_sh, w.n, w.w, text, &rl_cands) < 0) {
		rl_attempted_completion_over = 0;	/* file names */
	} else {
		m = rl_completion_matches(text, generator);
	}
	lex_free(&w);
	return m;
}

/*
 * `?`: list what may come next, each with its help line.  Inside quotes,
 * after a backslash, after a '$' (sh's $?) or in a comment it is a '?'.
 */
static int describe(int count, int key)
{
	_cleanup_free_ char *pre = strndup(rl_line_buffer, (size_t)rl_point);
	struct nsh_words w;
	struct cands c = { 0 };
	const char *prefix = NULL;
	int n, r;

	ANALYZER_KEEP(pre);
	if (!pre)
		return 0;
	if (sh_scan_state(pre, strlen(pre)))
		return rl_insert(count, key);
	r = sh_complete_words(pre, &w);
	if (r < 0)
		return rl_insert(count, key);
	n = w.n;
	if (n && rl_point > 0 && !strchr(" \t;|&<>", pre[rl_point - 1]))
		prefix = w.w[--n];	/* describe completions of this word */
	putchar('\n');
	if (r == 1)
		printf("  (a file name)\n");
	else if (collect(rl_sh, n, w.w, prefix, &c) < 0 || c.n == 0)
		printf("  (no nsh command here: a program and its arguments)\n");
	for (int i = 0; i < c.n; i++)
		printf("  %-16s %s\n", c.word[i], c.help[i]);
	cands_free(&c);
	lex_free(&w);
	rl_on_new_line();
	return 0;
}

void complete_init(struct nsh *sh)
{
	rl_sh = sh;
	rl_attempted_completion_function = attempt;
	rl_completer_word_break_characters = (char *)" \t;|&<>";
	rl_bind_key('?', describe);
	/* Tab Tab lists the candidates even after a common prefix was
	 * inserted (vtysh, birdc) */
	rl_variable_bind("show-all-if-ambiguous", "on");
}

void complete_fini(void)
{
	cands_free(&rl_cands);
}

/* ------------------------------------------------------------ `complete` */

/*
 * complete WORDS… : the candidates for the last word (which may be '' for
 * "what comes next"), one per line, each with its help after a tab.
 */
int complete_print(struct nsh *sh, int argc, char **argv)
{
	struct cands c = { 0 };

	if (argc == 0)
		return 0;
	if (collect(sh, argc - 1, argv, argv[argc - 1], &c) < 0)
		printf("FILE\ta file name\n");
	for (int i = 0; i < c.n; i++)
		printf("%s\t%s\n", c.word[i], c.help[i]);
	cands_free(&c);
	return 0;
}
