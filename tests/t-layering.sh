#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# t-layering.sh - the layering rules (tests/layering.sh): shell/ calls no
# cmds/ symbol (but main.o), the engine shell/lab/ calls up into neither
b=$(dirname "${NSH:-./nsh}")
echo "1..2"
out=$("${top_srcdir:-.}/tests/layering.sh" "$b" 2>&1)
rc=$?
printf '%s\n' "$out" | sed 's/^/# /'
if [ $rc -eq 2 ]; then
	echo "not ok 1 - the objects are there"
	echo "not ok 2 - the objects are there"
	exit 0
fi
if printf '%s\n' "$out" | grep -q '^1 .*[^)]$'; then
	echo "not ok 1 - shell/ objects use symbols of cmds/ (see above)"
else
	echo "ok 1 - no shell/ object but main.o uses a symbol of cmds/"
fi
if printf '%s\n' "$out" | grep -q '^2 '; then
	echo "not ok 2 - shell/lab/ objects use symbols of shell/ or cmds/ (see above)"
else
	echo "ok 2 - the engine (shell/lab/) uses no symbol of shell/ or cmds/"
fi
