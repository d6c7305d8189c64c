/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_wireguard.c - `type wireguard`: a WireGuard tunnel (keys and peers
 * with wg).
 * It takes no options, as with iproute2.
 */
#include "config.h"

#include "link.h"

const struct link_kind wireguard_kind = {
	.name = "wireguard",
	.summary = "a WireGuard tunnel (keys and peers with wg)",
	.driver = "wireguard",
};
