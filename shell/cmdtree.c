/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmdtree.c - the command tree's start and end: the families main()
 * hands in, their placeholder types (shell/types.c, the lab's names of
 * shell/types_name.c, the shared ones), their rows compiled into grammars
 * (shell/grammar.c) and iproute2's rows (shell/ipl_line.c).  Matching is
 * shell/match.c's.
 */
#include "config.h"

#include "core.h"
#include "ipl.h"

static const struct nsh_family *const *families;

const struct nsh_family *const *cmdtree_families(void)
{
	return families;
}

int cmdtree_init(const struct nsh_family *const *fams,
		 const struct nsh_type *shared_types)
{
	families = fams;
	types_init(fams, nsh_name_types, shared_types);
	grammar_compile(fams);
	return ipl_init(fams);
}

void cmdtree_fini(void)
{
	grammar_free();
}
