#!/bin/sh
# tests/adversarial-count.sh [LOG…] - the adversarial table's figures for
# README: how many of the 77 cases of tests/adversarial.tsv pass, fail,
# are n/a on this machine (with the reason) or TODO (a known failure of
# nsh, with the reason), from the TAP logs of a run:
#
#   cd build && make check TESTS="tests/netns/t-adversarial-1.sh \
#       tests/netns/t-adversarial-2.sh tests/netns/t-adversarial-3.sh \
#       tests/netns/t-adversarial-4.sh tests/netns/t-adversarial-5.sh"
#   ../tests/adversarial-count.sh
#
# LOG defaults to tests/netns/t-adversarial-*.log under the current
# directory.  A case passes when every one of its rows passed.  Exit status
# 0 when none failed.
here=$(cd "$(dirname "$0")" && pwd)
[ $# -gt 0 ] || set -- tests/netns/t-adversarial-*.log
for f in "$@"; do
	[ -r "$f" ] || { echo "adversarial-count: no log $f (run the tests first)" >&2; exit 2; }
done
LC_ALL=C awk -F'\t' -v table="$here/adversarial.tsv" '
BEGIN {
	while ((getline l < table) > 0) {
		if (l ~ /^#/ || l ~ /^[[:space:]]*$/) continue
		split(l, f, "\t")
		if (!(f[1] in seen)) { seen[f[1]] = 1; order[++n] = f[1] }
		if (f[2] == "na") why[f[1]] = f[3]
		if (f[5] ~ /^TODO /) why[f[1]] = substr(f[5], 6)
	}
}
FILENAME != table && /^(not )?ok / {
	line = $0
	if (match(line, /# SKIP [A-G][0-9]+:/)) {
		id = substr(line, RSTART + 7, RLENGTH - 8); st[id] = "na"; next
	}
	if (!match(line, / - [A-G][0-9]+:/)) next
	id = substr(line, RSTART + 3, RLENGTH - 4)
	if (line ~ /# TODO /) { if (st[id] != "fail") st[id] = "todo"; next }
	if (line ~ /^not ok/) st[id] = "fail"
	else if (!(id in st)) st[id] = "pass"
}
END {
	for (i = 1; i <= n; i++) {
		id = order[i]; s = (id in st) ? st[id] : "not run"
		c[s]++
		if (s != "pass") list = list sprintf("  %-7s %-4s %s\n", s, id, why[id])
	}
	printf "adversarial table: %d cases: %d pass, %d fail, %d n/a, %d todo", n, c["pass"], c["fail"], c["na"], c["todo"]
	if (c["not run"]) printf ", %d not run", c["not run"]
	printf "\n%s", list
	exit c["fail"] + c["not run"] > 0
}' "$here/adversarial.tsv" "$@"
