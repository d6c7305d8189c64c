/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * complete.c - TAB completion and `?` help at the prompt, both walked from
 * the command tree (cmdtree_complete), plus the hidden `complete WORDS…`
 * command that prints the candidates one per line, so completion is tested
 * without a terminal.
 *
 * A line whose first word is no nsh command completes file names, as a
 * shell would for a program's arguments.  Inside a command declared
 * NSH_CMD_NESTED | NSH_CMD_CONTEXT (`enter NS …`, `ip netns exec NS …`)
 * the nested command completes as a command, in that namespace.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <readline/readline.h>

#include "core.h"
#include "ipl.h"

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

/* skip "sudo", and the wrappers of a nested command, declared so
 * (cmdtree_context_words: "enter NS", "ip netns exec NS"): the index where
 * the inner command's words start; *NS the last wrapper's namespace */
static int inner_start(int argc, char **argv, const char **ns)
{
	int i = skip_sudo(argc, argv);
	int n = cmdtree_context_words(argc - i, argv + i);

	if (n <= 0)
		return i;
	*ns = argv[i + n - 1];
	return i + n + inner_start(argc - i - n, argv + i + n, ns);
}

/* the namespace a line acts in: the last wrapper's, or the value of the
 * inner command's global option that takes a namespace ("ip -n NS") */
static const char *line_ns(int argc, char **argv, int s, const char *ns)
{
	for (int i = s + 1; i + 1 < argc; i++) {
		const char *type = ipl_global_arg(argv[s], argv[i]);

		if (type && streq(type, "NSREF"))
			ns = argv[i + 1];
	}
	return ns;
}

/* candidates for the word PREFIX after ARGV (NULL prefix: `?` mode) */
static int collect(struct nsh *sh, int argc, char **argv, const char *prefix,
		   struct cands *out)
{
	const char *ns = NULL;
	int s = inner_start(argc, argv, &ns);

	if (s < argc && !cmdtree_is_root(argv[s]))
		return -1;	/* a program: complete files */
	sh->complete_ns = s < argc ? line_ns(argc, argv, s, ns) : ns;
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
