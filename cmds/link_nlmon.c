/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_nlmon.c - `type nlmon`: a netlink monitor (tcpdump -i nlmon0).
 * It takes no options, as with iproute2.
 */
#include "config.h"

#include "link.h"

const struct link_kind nlmon_kind = {
	.name = "nlmon",
	.summary = "a netlink monitor (tcpdump -i nlmon0)",
	.driver = "nlmon",
};
