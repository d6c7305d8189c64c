#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# layering.sh [BUILDDIR] - the layering rules of HACKING.md, read from the
# built objects with nm:
#   1. no shell/ object (shell/lab/ included) uses a symbol that a cmds/
#      object defines: shell/ reaches cmds/ only through what main() hands
#      in; main.o, the composition root, is the one exception;
#   2. no object of the lab engine (shell/lab/) uses a symbol that a shell/
#      or cmds/ object outside it defines: the engine calls up into neither.
# Prints "RULE shell/X.o: SYMBOL…" for every object that breaks a rule and
# exits 1 then, 2 when the objects are missing, 0 otherwise.
set -u
b=${1:-.}
root="main.o"

[ -d "$b/shell/lab" ] && [ -d "$b/cmds" ] || {
	echo "layering.sh: no shell/lab/ and cmds/ objects under '$b'" >&2
	exit 2
}
set -- "$b"/cmds/*.o "$b"/shell/lab/*.o
[ -e "$1" ] || { echo "layering.sh: no objects in $b/cmds" >&2; exit 2; }
cmds=$(mktemp) && up=$(mktemp) && lab=$(mktemp) || exit 2
trap 'rm -f "$cmds" "$up" "$lab"' EXIT
defs() { nm --defined-only -g "$@" | awk 'NF == 3 { print $3 }' | sort -u; }
defs "$b"/cmds/*.o >"$cmds"
defs "$b"/shell/lab/*.o >"$lab"
# (a symbol the engine defines is the engine's, even if a stale object
# from before a file moved into shell/lab/ defines it too)
defs "$b"/cmds/*.o "$b"/shell/*.o | comm -23 - "$lab" >"$up"
uses() { nm -u "$1" | awk '{ print $NF }' | sort -u | comm -12 - "$2" |
	 tr '\n' ' '; }
bad=0
for o in "$b"/shell/*.o "$b"/shell/lab/*.o; do
	syms=$(uses "$o" "$cmds")
	[ -n "$syms" ] || continue
	name=${o#"$b"/}
	if [ "$name" = "shell/$root" ]; then
		echo "1 $name: $syms(the composition root)"
	else
		echo "1 $name: $syms"; bad=1
	fi
done
for o in "$b"/shell/lab/*.o; do
	syms=$(uses "$o" "$up")
	[ -n "$syms" ] || continue
	echo "2 ${o#"$b"/}: $syms"; bad=1
done
exit $bad
