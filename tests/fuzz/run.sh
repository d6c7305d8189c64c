#!/bin/sh
# tests/fuzz/run.sh [--seconds N | --minutes N | --hours N] [--runs N]
#                   [--dir DIR] [TARGET…]
#
# Run the fuzz targets (default: all five, at once, each for N seconds,
# default 60) from their committed seeds (tests/fuzz/corpus/TARGET, copied
# into DIR/corpus/TARGET so the seeds stay as committed), then print one
# line per target (or each until it has run N inputs, if sooner): executions, exec/s, coverage (libFuzzer's cov: edges,
# ft: features), corpus size, findings.  Exit 1 on any finding (a crash,
# a sanitizer report, a leak, a timeout or out-of-memory), with the
# reproducer's path and the report (symbolized with addr2line: guard.h
# keeps llvm-symbolizer from starting).  Builds the targets first
# (build.sh) unless NSH_FUZZ_BIN names a directory that has them.
#
#   tests/fuzz/run.sh --hours 1            # the long run
#   tests/fuzz/run.sh --seconds 60         # CI (./bootstrap test)
#   tests/fuzz/run.sh --minutes 10 types   # one target
#   tests/fuzz/run.sh --hours 2 --runs 10000000 types
#
# Reproduce a finding: DIR/fuzz-TARGET DIR/findings/TARGET/crash-…
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
secs=60
runs=-1
dir=
while [ $# -gt 0 ]; do
	case $1 in
	--seconds) secs=$2; shift 2 ;;
	--minutes) secs=$(($2 * 60)); shift 2 ;;
	--hours) secs=$(awk "BEGIN{printf \"%d\", $2 * 3600}"); shift 2 ;;
	--runs) runs=$2; shift 2 ;;
	--dir) dir=$2; shift 2 ;;
	-h|--help) sed -n '2,20p' "$0"; exit 0 ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) break ;;
	esac
done
targets=${*:-script types line model journal}
bin=${NSH_FUZZ_BIN:-${dir:-$src/build-fuzz}}
dir=${dir:-$bin}
if [ -z "${NSH_FUZZ_BIN:-}" ]; then
	rc=0
	nice "$src/tests/fuzz/build.sh" "$bin" >/dev/null || rc=$?
	[ $rc = 77 ] && { echo "fuzz: skipped (no clang with libFuzzer)"; exit 0; }
	[ $rc = 0 ] || exit $rc
fi
mkdir -p "$dir"
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}:symbolize=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:symbolize=0"

pids=
for t in $targets; do
	mkdir -p "$dir/corpus/$t" "$dir/findings/$t"
	cp -n "$src/tests/fuzz/corpus/$t/"* "$dir/corpus/$t/" 2>/dev/null || :
	# a blocked write to the terminal: stdout and stderr of the code
	# under test closed (its error lines), libFuzzer's own kept
	(cd "$dir/findings/$t" && exec nice "$bin/fuzz-$t" \
		-max_total_time="$secs" -runs="$runs" -timeout=10 -rss_limit_mb=2048 \
		-close_fd_mask=3 -print_final_stats=1 \
		"$dir/corpus/$t" >"$dir/$t.log" 2>&1) &
	pids="$pids $!"
done
status=0
for p in $pids; do wait "$p" || status=1; done

# "0x55…  (BIN+0xOFF)" frames: function and line by addr2line
symbolize() { # LOG BIN
	grep -o "($2+0x[0-9a-f]*)" "$1" | sed 's/.*+//; s/)//' | uniq |
	while read -r off; do
		addr2line -f -i -p -e "$2" "$off" 2>/dev/null | grep -F "$src/" |
			sed "s|$src/||; s/^/  /"
	done
}

found=0
printf '%-8s %12s %9s %7s %8s %8s  %s\n' target executions exec/s cov ft \
	corpus findings
for t in $targets; do
	log=$dir/$t.log
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
	ft=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
	corp=$(find "$dir/corpus/$t" -type f | wc -l)
	n=$(find "$dir/findings/$t" -type f \
		\( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
		   -o -name 'oom-*' \) | wc -l)
	printf '%-8s %12s %9s %7s %8s %8s  %s\n' "$t" "${execs:-?}" \
		"${eps:-?}" "${cov:-?}" "${ft:-?}" "$corp" "$n"
	if [ "$n" != 0 ] || grep -q '^==[0-9]*==ERROR\|runtime error' "$log"; then
		found=1
		echo "--- $t: $(find "$dir/findings/$t" -type f | head -3 | tr '\n' ' ')"
		grep -m1 -A3 '^==[0-9]*==ERROR\|runtime error' "$log" || :
		symbolize "$log" "$bin/fuzz-$t" | head -20
	fi
done
[ $found = 0 ] && [ $status = 0 ] && { echo "fuzz: no findings"; exit 0; }
echo "fuzz: FINDINGS (logs in $dir/TARGET.log)"
exit 1
