#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# layering.sh [BUILDDIR] - the layering rule of HACKING.md, read from the
# built objects with nm: no shell/ object may use a symbol that a cmds/
# object defines (shell/ reaches cmds/ only through what main() hands in).
# Prints "shell/X.o: SYMBOL…" for every object that does; exits 1 when an
# object outside the allow-list does, 2 when the objects are missing.
#
# Allowed: main.o, the composition root, which hands the families and the
# hooks in (and --step's cleanup and watch, struct step_ops).
set -u
b=${1:-.}
root="main.o"
allow=""

[ -d "$b/shell" ] && [ -d "$b/cmds" ] || {
	echo "layering.sh: no shell/ and cmds/ objects under '$b'" >&2
	exit 2
}
set -- "$b"/cmds/*.o
[ -e "$1" ] || { echo "layering.sh: no objects in $b/cmds" >&2; exit 2; }
tmp=$(mktemp) || exit 2
trap 'rm -f "$tmp"' EXIT
nm --defined-only -g "$b"/cmds/*.o | awk 'NF == 3 { print $3 }' |
	sort -u >"$tmp"
bad=0
for o in "$b"/shell/*.o; do
	syms=$(nm -u "$o" | awk '{ print $NF }' | sort -u |
	       comm -12 - "$tmp" | tr '\n' ' ')
	[ -n "$syms" ] || continue
	name=${o##*/}
	case " $root $allow " in
	" $name "*) echo "shell/$name: $syms(the composition root)" ;;
	*" $name "*) echo "shell/$name: $syms(allowed for now)" ;;
	*) echo "shell/$name: $syms"; bad=1 ;;
	esac
done
exit $bad
