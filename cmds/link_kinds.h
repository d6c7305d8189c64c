/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * link_kinds.h - the link kinds, one line each, in the order help and
 * completion list them.  A kind is one file, cmds/link_KIND.c, that
 * defines `const struct link_kind KIND_kind` (link.h says what it holds);
 * adding a kind is that file, its line here, and its name in
 * Makefile.am's list of sources.  Included by link.h (the declarations)
 * and cmds/link.c (the table), each with its own KIND().
 */
KIND(veth)
KIND(bridge)
KIND(bridge_slave)
KIND(vxlan)
KIND(macvlan)
KIND(macvtap)
KIND(ipvlan)
KIND(ipvtap)
KIND(vlan)
KIND(dummy)
KIND(ifb)
KIND(vrf)
KIND(vrf_slave)
KIND(bond)
KIND(bond_slave)
KIND(nlmon)
KIND(vcan)
KIND(vxcan)
KIND(wireguard)
KIND(geneve)
KIND(gre)
KIND(gretap)
KIND(erspan)
KIND(ip6gre)
KIND(ip6gretap)
KIND(ip6erspan)
KIND(ipip)
KIND(sit)
KIND(ip6tnl)
KIND(tun)
KIND(xfrm)
