/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * cmds.c - the list of command families, in the order `help` shows them.
 * Explicit on purpose: no constructor registration (objects in a static
 * archive that nothing references would be dropped by the linker).
 */
#include "config.h"

#include "cmds.h"
#include "core.h"

const struct nsh_family *const nsh_families[] = {
	&netns_family,
	&link_family,
	&addr_family,
	&route_family,
	&rule_family,
	&neigh_family,
	&nexthop_family,
	&bridge_family,
	&tc_family,
	&sysctl_family,
	&batch_family,
	&monitor_family,
	&show_family,
	&spawn_family,
	&why_family,
	&expect_family,
	&config_family,
	&cleanup_family,
	&shell_family,
	&mininet_family,
	&fail_family,
	&capture_family,
	&checkpoint_family,
	&host_family,
	&host_link_family,
	NULL,
};

/* the program hook (nsh_program_hook): a line for another host, then
 * Mininet's `h1 ping h2`; -1 when neither */
int cmds_program(struct nsh *sh, int argc, char **argv)
{
	int st = host_program(sh, argc, argv);

	return st >= 0 ? st : mininet_program(sh, argc, argv);
}
