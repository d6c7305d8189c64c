/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * addr.h - what the two halves of `ip address` share: cmds/addr.c (add,
 * change, replace, delete; the family's table) and the files of list and
 * flush (cmds/addr_show.c, cmds/addr_flush.c and those of addr_priv.h);
 * and the address printer ip monitor calls (cmds/addr_print.c).
 */
#ifndef NSH_ADDR_H
#define NSH_ADDR_H

#include <stdbool.h>
#include <stddef.h>

#include "nsh.h"

struct ipl_table;
struct nlmsghdr;

/*
 * iproute2's ifa_flag_data: the IFA_F_* words in its order, which is also
 * the order they are printed in.  READONLY ones are the kernel's to set
 * (`ip address add … tentative` only warns); V6ONLY ones are dropped with
 * a warning for an IPv4 address.
 */
struct addr_flag {
	const char *name;
	unsigned mask;
	bool readonly;
	bool v6only;
};

extern const struct addr_flag addr_flags[];
extern const size_t addr_nflags;
/* the row of NAME (exactly), or NULL */
const struct addr_flag *addr_flag_find(const char *name);

/* the table of list/flush (cmds/addr_show.c), and their handlers */
extern const struct ipl_table addr_show_opts;
int addr_show(struct nsh *sh, const struct nsh_args *a);
int addr_flush(struct nsh *sh, const struct nsh_args *a);
/* the address of RTM_NEWADDR/RTM_DELADDR message N on link DEVNAME, as
 * print_addrinfo prints it for ip monitor: "IDX: DEV    inet …" in text;
 * false (nothing printed) if it is no IPv4 or IPv6 address */
bool addr_print_msg(struct nlmsghdr *n, const char *devname);

/* the keys of both tables (one switch per handler) */
enum addr_key {
	AK_PEER = 1, AK_BRD, AK_ANYCAST, AK_SCOPE, AK_DEV, AK_LABEL,
	AK_METRIC, AK_VALID, AK_PREFERRED, AK_FLAG, AK_HELP, AK_LOCAL,
	/* list and flush */
	AK_TO, AK_UP, AK_GROUP, AK_MASTER, AK_VRF, AK_NOMASTER, AK_TYPE,
};

#endif
