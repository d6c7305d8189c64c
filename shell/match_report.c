/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * match_report.c - what the matcher's walk (match.c) tells: the row that
 * took the words, with its bindings, or the one error line that says why
 * none did: an ambiguous abbreviation, a tie between two rows, a word of
 * the wrong type, a missing or an unknown word with the words that were
 * possible there.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "match_priv.h"

/* join up to 12 expected words: "'add', 'delete' or 'set'" */
static void expect_list(const struct mctx *c, char *buf, size_t len)
{
	const char *v[MAX_EXPECT] = { NULL };
	size_t used = 0;
	int n = 0;

	/* options ("-w") would hide the words that may come instead: list
	 * them only when nothing else may come */
	for (int i = 0; i < c->nexpect; i++)
		if (c->expect[i][0] != '-')
			v[n++] = c->expect[i];
	if (n == 0)
		for (int i = 0; i < c->nexpect; i++)
			v[n++] = c->expect[i];
	buf[0] = '\0';
	for (int i = 0; i < n && i < 12 && used < len; i++)
		used += (size_t)snprintf(buf + used, len - used, "%s%s",
					 i == 0 ? "" :
					 (i == n - 1 || i == 11) ? " or " : ", ",
					 v[i]);
	if (n > 12 && used < len)
		snprintf(buf + used, len - used, ", …");
}

/* the first word that abbreviates two keywords, and is none of them:
 * reported (true), or none (false) */
static bool report_ambiguous_word(struct nsh *sh, const struct mctx *c)
{
	char esc[160];

	for (int i = 0; i < c->ntok; i++) {
		if (c->exact[i] || c->npfx[i] < 2)
			continue;
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s",
			 c->have ? c->best_row->name : c->far_name);
		sh->err_at = c->tok[i];
		nsh_err(sh, "'%s': ambiguous, could be '%s' or '%s'%s",
			str_escape(c->tok[i], esc, sizeof(esc)), c->pfx[i][0],
			c->pfx[i][1], c->npfx[i] > 2 ? " or more" : "");
		return true;
	}
	return false;
}

/* no row took the words: why, at the furthest word any row reached */
static void report_no_match(struct nsh *sh, const struct mctx *c)
{
	char list[400], esc[160];
	int argc = c->ntok;

	snprintf(sh->cmdname, sizeof(sh->cmdname), "%s",
		 c->far_name[0] ? c->far_name : c->tok[0]);
	if (c->type_err_pos >= 0 && c->type_err_pos >= c->far)
		sh->err_at = c->type_err_pos < argc ? c->tok[c->type_err_pos] :
						      NULL;
	else if (c->far >= argc)
		sh->err_at_end = true;
	else
		sh->err_at = c->tok[c->far];
	if (c->type_err_pos >= 0 && c->type_err_pos >= c->far) {
		nsh_err(sh, "%s", c->type_err);
	} else if (c->far >= argc) {
		expect_list(c, list, sizeof(list));
		nsh_err(sh, "missing %s after '%s'", list,
			str_escape(c->tok[argc - 1], esc, sizeof(esc)));
	} else if (c->nexpect) {
		expect_list(c, list, sizeof(list));
		nsh_err(sh, "'%s': unknown word; expected %s",
			str_escape(c->tok[c->far], esc, sizeof(esc)), list);
	} else {
		nsh_err(sh, "'%s': unexpected word",
			str_escape(c->tok[c->far], esc, sizeof(esc)));
	}
}

int match_result(struct nsh *sh, const struct mctx *c, struct nsh_args *ret)
{
	if (c->overflow && !c->have) {
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s", c->tok[0]);
		nsh_err(sh, "too many words (at most %d)", NSH_MAX_BIND);
		return 1;
	}
	if (report_ambiguous_word(sh, c))
		return 1;
	if (c->have && c->tie_row) {
		snprintf(sh->cmdname, sizeof(sh->cmdname), "%s",
			 c->best_row->name);
		nsh_err(sh, "ambiguous: matches '%s' and '%s'",
			c->best_row->cmd->syntax, c->tie_row->cmd->syntax);
		return 1;
	}
	if (!c->have) {
		report_no_match(sh, c);
		return 1;
	}
	memset(ret, 0, sizeof(*ret));
	ret->cmd = c->best_row->cmd;
	ret->nbind = c->best_nbind;
	memcpy(ret->bind, c->best_bind, sizeof(c->best_bind[0]) * c->best_nbind);
	if (c->best_rest_pos > 0) {
		ret->rest = c->tok + c->best_rest_pos;
		ret->nrest = c->ntok - c->best_rest_pos;
	}
	snprintf(sh->cmdname, sizeof(sh->cmdname), "%s", c->best_row->name);
	return 0;
}
