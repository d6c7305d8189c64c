/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * types_priv.h - what the placeholder types' files share: a parser's way
 * to fail with a reason written into its ERRBUF.
 */
#ifndef NSH_TYPES_PRIV_H
#define NSH_TYPES_PRIV_H

#include <stdio.h>

/* in a parser with arguments errbuf, errlen and ret_err: fail with the
 * reason FMT… */
#define FAIL(...)                                                              \
	do {                                                                   \
		snprintf(errbuf, errlen, __VA_ARGS__);                         \
		*ret_err = NULL;                                               \
		return -1;                                                     \
	} while (0)

#endif
