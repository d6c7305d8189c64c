/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_dummy.c - `type dummy`: a link that drops everything (an address holder).
 * It takes no options, as with iproute2.
 */
#include "config.h"

#include "link.h"

const struct link_kind dummy_kind = {
	.name = "dummy",
	.summary = "a link that drops everything (an address holder)",
	.driver = "dummy",
};
