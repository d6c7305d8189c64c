#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t-layering.sh - no shell/ object calls up into cmds/ (tests/layering.sh)
b=$(dirname "${NSH:-./nsh}")
echo "1..1"
out=$("${top_srcdir:-.}/tests/layering.sh" "$b" 2>&1)
rc=$?
printf '%s\n' "$out" | sed 's/^/# /'
if [ $rc -eq 0 ]; then
	echo "ok 1 - shell/ objects use no symbol of cmds/ (but the allowed)"
else
	echo "not ok 1 - shell/ objects use symbols of cmds/ (see above)"
fi
