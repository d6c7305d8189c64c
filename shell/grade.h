/* SPDX-License-Identifier: GPL-3.0-or-later */
/* grade.h - `nsh --check LAB --each DIR…` (shell/grade.c) */
#ifndef NSH_GRADE_H
#define NSH_GRADE_H

struct grade_opts {
	long long wait_ms;	/* --wait: before the checks */
	long long timeout_ms;	/* --timeout: per submission */
	bool csv;		/* --csv (else a table, or -j) */
};

/* one row per DIR: 0 all passed, 1 some did not, 2 error */
int grade_run(struct nsh *sh, const char *lab, char **dirs, int n,
	      const struct grade_opts *g);

#endif
