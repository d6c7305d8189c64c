/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * tc_priv.h - private to cmds/tc.c (the grammar and the requests),
 * tc_core.c (tc_core's arithmetic, the units, the placeholder types) and
 * tc_show.c (tc qdisc show, tc class show), tc_stats.c (their -s
 * statistics), and the kinds split in two files (tc_netem.c,
 * tc_netem_print.c).
 */
#ifndef NSH_TC_PRIV_H
#define NSH_TC_PRIV_H

#include "tc.h"

#ifndef MIN
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#endif
#ifndef TCA_DUMP_INVISIBLE
#define TCA_DUMP_INVISIBLE 10
#endif

/* tc_calc_size_table: the stab's table in *RET (allocated), or none
 * (ethernet, no mpu); 0, or -1 */
int tc_size_table(struct tc_sizespec *s, uint16_t **ret);
/* tc_setup_estimator: INTERVAL and TIME_CONST (us) into *EST; 0, or -1 */
int tc_setup_estimator(unsigned a, unsigned time_const,
		       struct tc_estimator *est);

/* tc qdisc show, tc class show and their words */
int tc_qdisc_show(struct nsh *sh, const struct nsh_args *a);
int tc_class_show(struct nsh *sh, const struct nsh_args *a);
extern const struct ipl_table tc_qshow_opts, tc_cshow_opts;

/* print_tcstats2_attr & print_tcstats_attr of a qdisc's or class's
 * attributes TB: " Sent … backlog …" after PREFIX; the kind's own
 * statistics into *XSTATS (NULL: not wanted) */
void tc_print_stats(struct tc_show *s, struct nlattr **tb, const char *prefix,
		    struct nlattr **xstats);

/* netem's print() */
void tc_netem_print(struct tc_show *s, struct nlattr *opt);

#endif
