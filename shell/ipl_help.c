/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * ipl_help.c - usage for the rows of iproute2's roots, from their tables:
 * a row's synopsis ("ip link set [ dev ] DEV [ OPTION… ]") and its
 * options, for `help` and `ip … help`.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "core.h"
#include "ipl_priv.h"

static void usage_table(const struct ipl_table *t, FILE *f, int depth)
{
	for (const struct ipl_opt *o = t->opts; o->kw; o++) {
		char left[96];

		if (o->flags & IPL_ALIAS)
			continue;
		if (o->flags & IPL_NOKW)
			snprintf(left, sizeof(left), "%s", o->arg ? o->arg : "");
		else if (o->flags & IPL_DEFAULT)
			snprintf(left, sizeof(left), "[ %s ] %s", o->kw,
				 o->arg ? o->arg : "");
		else
			snprintf(left, sizeof(left), "%s%s%s", o->kw,
				 o->arg ? " " : "", o->arg ? o->arg : "");
		fprintf(f, "%*s%-*s %s\n", 4 + 2 * depth, "", 34 - 2 * depth,
			left, o->help ? o->help : "");
		if (o->sub && depth < 1 && o->sub != t)
			usage_table(o->sub, f, depth + 1);
	}
}

const char *ipl_synopsis(const struct nsh_cmd *cmd, char *buf, size_t len)
{
	size_t o = 0;
	bool opts = false;

	for (const char *p = cmd->syntax; *p && o + 1 < len; p++) {
		if (*p == '/') {	/* aliases are not shown */
			p += strcspn(p, " ") - 1;
			continue;
		}
		if (*p == '=' && p > cmd->syntax && p[-1] == ' ')
			continue;	/* an exact verb: said as it is */
		buf[o++] = *p;
	}
	buf[o] = '\0';
	if (!cmd->opts)
		return buf;
	for (const struct ipl_opt *d = cmd->opts->opts; d->kw; d++) {
		if (!(d->flags & IPL_DEFAULT)) {
			opts |= !(d->flags & IPL_ALIAS);
			continue;
		}
		if (d->flags & IPL_ALIAS)	/* not shown (words ignored) */
			continue;
		if (d->flags & IPL_NOKW)
			o += (size_t)snprintf(buf + o, len - o, " %s%s%s",
					      d->flags & IPL_REQUIRED ? "" : "[ ",
					      d->arg ? d->arg : "",
					      d->flags & IPL_REQUIRED ? "" : " ]");
		else
			o += (size_t)snprintf(buf + o, len - o, " [ %s ] %s",
					      d->kw, d->arg ? d->arg : "");
		if (o >= len)
			return buf;
	}
	if (opts)
		snprintf(buf + o, len - o, " [ OPTION… ]");
	return buf;
}

void ipl_usage_options(const struct nsh_cmd *cmd, FILE *f)
{
	if (cmd->opts)
		usage_table(cmd->opts, f, 0);
}

void ipl_usage(const struct nsh_cmd *cmd, FILE *f)
{
	char buf[256];

	fprintf(f, "  %s\n", ipl_synopsis(cmd, buf, sizeof(buf)));
	ipl_usage_options(cmd, f);
}

static int cmd_help(struct nsh *sh, const struct nsh_args *a)
{
	(void)sh;
	(void)a;
	printf("Type 'help ip', 'help ip link' or 'help ip link add' for the "
	       "commands and their arguments.\n");
	return 0;
}

const struct nsh_cmd ipl_help_cmd = {
	"(help)", "the usage", cmd_help, NSH_CMD_HIDDEN | NSH_CMD_NOBARRIER,
};
