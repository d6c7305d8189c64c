#!/bin/sh
# bench/run.sh still works: a tiny run (N = 3, one repetition) of the
# methods that need nothing optional, with its own checks (every build
# verified by netlink and a ping, every teardown clean, else it fails), its
# table, its targets, and its results written where BENCH_OUT says, not
# into the source tree.  The speed itself is measured by hand
# (./bootstrap bench), never by a test.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

mkdir -p "$TMP/bench"
before=$(ls -l --time-style=+%s.%N "$top_srcdir/bench/" 2>/dev/null | md5sum)
ok "bench/run.sh 3 --reps 1 (nsh, floor, floor-hold, ip-batch, bash-ip)" \
	env BENCH_OUT="$TMP/bench" BENCH_QUIET=0 NSH="$NSH" bash "$top_srcdir/bench/run.sh" 3 \
	--reps 1 --methods "nsh floor floor-hold ip-batch bash-ip" --no-extras
run=$(cat "$TMP/out" "$TMP/err")
like "a table for N = 3" "$run" "^N = 3 "
for m in nsh floor floor-hold ip-batch bash-ip; do
	like "a row for $m, one run" "$run" "^$m +1 +[0-9.]+ +[0-9.]+ +[0-9.]+"
done
like "every build verified and torn down (no failed run)" "$run" "rep 1  nsh +build"
is "... and no run failed" "$(printf '%s\n' "$run" | grep -c 'FAIL')" 0
is "results.tsv in BENCH_OUT: 3 metrics x 5 methods" \
	"$(grep -c '^3	' "$TMP/bench/results.tsv")" 15
is "nothing written into the source tree's bench/" \
	"$(ls -l --time-style=+%s.%N "$top_srcdir/bench/" 2>/dev/null | md5sum)" "$before"
is "and nothing left in the sandbox" "$(ip -o link | wc -l) $(ip netns list | wc -l)" "1 0"
done_testing
