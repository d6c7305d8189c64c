/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * linkprint.c - print the link messages of a file as `ip monitor file`
 * does, with nsh's printer (cmds/link_show.c): tests/netns/t-kinds.sh
 * compares the two for kinds this kernel cannot make.
 *
 *	linkprint [-d] [-o] [-N] FILE
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "link.h"

int main(int argc, char **argv)
{
	struct nsh sh = { .home.fd = -1, .cur.fd = -1 };
	int c;

	while ((c = getopt(argc, argv, "doN")) != -1) {
		switch (c) {
		case 'd':
			sh.o.details++;
			break;
		case 'o':
			sh.o.oneline = true;
			break;
		case 'N':
			sh.o.numeric = true;
			break;
		default:
			fprintf(stderr, "usage: linkprint [-d] [-o] [-N] FILE\n");
			return 2;
		}
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "usage: linkprint [-d] [-o] [-N] FILE\n");
		return 2;
	}
	snprintf(sh.cmdname, sizeof(sh.cmdname), "linkprint");
	if (ns_init(&sh) < 0)
		return 1;
	return link_print_file(&sh, argv[optind]);
}
