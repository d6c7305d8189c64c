/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_ifb.c - `type ifb`: an intermediate functional block (ingress shaping
 * with tc).
 * It takes no options, as with iproute2.
 */
#include "config.h"

#include "link.h"

const struct link_kind ifb_kind = {
	.name = "ifb",
	.summary = "an intermediate functional block (ingress shaping with tc)",
	.driver = "ifb",
};
