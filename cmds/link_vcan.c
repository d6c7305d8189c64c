/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_vcan.c - `type vcan`: a virtual CAN bus.  It takes no
 * options, as with iproute2.
 */
#include "config.h"

#include "link.h"

const struct link_kind vcan_kind = {
	.name = "vcan",
	.summary = "a virtual CAN bus",
	.driver = "vcan",
};
