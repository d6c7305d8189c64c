#!/bin/bash
# bench/run.sh [N...] [--reps R] [--methods LIST] [--no-extras]
#
# Issue 6 benchmark: build and tear down the same lab with the methods below and
# compare them with nsh.  The lab: br0 (up, 10.200.0.254/16); for i in 1..N
# a named netns nsI, a veth pair vethBrI (host, port of br0, up) / vethNsI
# (in nsI, 10.200.x.y/16, up), lo up in nsI.
#
#   nsh       `nsh -f build.nsh` / `nsh -f teardown.nsh`, a script written
#             the way a person would (ip netns add / ip link add … peer …
#             netns nsI / ip link set … master br0 up / ip -n nsI addr add /
#             ip -n nsI link set … up; teardown: ip netns del …, ip link del br0)
#   floor     bench/floor.c: one bare libnl process, fewest requests (the floor)
#   floor-hold the floor, its teardown holding the deleted namespaces open
#             until br0 is gone, as nsh does (for information)
#   ip-batch  bench/methods/ipbatch.sh: 1 host `ip -b` + 1 `ip -n nsI -b` per ns
#   pyroute2  bench/methods/pyroute2_inproc.py: one python process, in-process
#             unshare (performance.md 4c)
#   bash-ip   bench/methods/tutorial.sh: one `ip` per step, `ip netns exec`
#
# N defaults to "10 100 1000"; 5 repetitions (--reps R).  Each repetition
# runs every method once, in a shuffled order, each after the machine is
# idle again (the kernel goes on destroying namespaces well after their
# links are gone).  Every build is verified outside the timing (`floor verify
# N` through netlink, plus one ping ns1 -> nsN), and every teardown is checked
# to leave nothing behind.  Three times are taken per run:
#   build      until the build command returns
#   teardown   until the teardown command returns
#   done       until the kernel is done: from the start of the teardown until
#              `floor wait` sees no vethBr* link left on the host
# Prints one table per N (medians, ratio to nsh), the targets, nsh's start-up
# (`nsh -c true`, median of 50, hyperfine if installed) and bench/model.sh at
# the largest N (model load, TAB, peak RSS); writes the medians to
# bench/results.tsv (overwritten) and, with gnuplot, bench/results.png
# (in $BENCH_OUT instead when it is set).
#
# Everything runs in a throw-away sandbox (unshare --net --mount, tmpfs on
# /run, fresh sysfs): the host's links and /run/netns are never touched and
# nothing is left behind.  Needs root, iproute2, cc + pkg-config +
# libnl-route-3-dev, python3-pyroute2 (else that method is skipped).
#
#   NSH=/path/to/nsh bench/run.sh                # default NSH: ../build/nsh
#   NSH=/tmp/b-bench/nsh bench/run.sh 10 100 --reps 3
set -uo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
# where results.tsv and results.png go
out=${BENCH_OUT:-$here}
mkdir -p "$out" || exit 2
out=$(cd "$out" && pwd)
NSH=${NSH:-$here/../build/nsh}
PY=${PYTHON:-/usr/bin/python3}
ALL_METHODS="nsh floor floor-hold ip-batch pyroute2 bash-ip"

usage() {
	sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
	exit 2
}

ns_list=() reps="" methods=$ALL_METHODS extras=1
while [ $# -gt 0 ]; do
	case $1 in
	--reps) reps=${2:-}; shift 2 || usage ;;
	--reps=*) reps=${1#*=}; shift ;;
	--methods) methods=${2:-}; shift 2 || usage ;;
	--methods=*) methods=${1#*=}; shift ;;
	--no-extras) extras=0; shift ;;
	-h|--help) usage ;;
	*[!0-9]*|'') echo "run.sh: bad argument '$1'" >&2; usage ;;
	*) ns_list+=("$1"); shift ;;
	esac
done
[ ${#ns_list[@]} -gt 0 ] || ns_list=(10 100 1000)
case $reps in *[!0-9]*) usage ;; esac
for m in $methods; do
	case " $ALL_METHODS " in *" $m "*) ;; *) echo "run.sh: unknown method $m" >&2; exit 2 ;; esac
done

# ------------------------------------------------------------------ outside
if [ -z "${NSH_BENCH_SANDBOX:-}" ]; then
	[ "$(id -u)" = 0 ] || { echo "run.sh: needs root" >&2; exit 2; }
	[ -x "$NSH" ] || { echo "run.sh: no nsh at $NSH (set NSH=)" >&2; exit 2; }
	NSH=$(cd "$(dirname "$NSH")" && pwd)/$(basename "$NSH")
	work=$(mktemp -d /tmp/nsh-bench.XXXXXX)
	trap 'rm -rf "$work"' EXIT
	# shellcheck disable=SC2046
	cc -O2 -o "$work/floor" "$here/floor.c" \
		$(pkg-config --cflags --libs libnl-route-3.0) ||
		{ echo "run.sh: cannot build floor.c (libnl-route-3-dev?)" >&2; exit 2; }
	if [[ " $methods " == *" pyroute2 "* ]] &&
		! "$PY" -c 'from pyroute2 import netns; netns._create' 2>/dev/null; then
		echo "run.sh: $PY has no pyroute2 (apt-get install python3-pyroute2): skipping it" >&2
		methods=$(echo " $methods " | sed 's/ pyroute2 / /')
	fi
	args=("${ns_list[@]}" --methods "$methods")
	[ -n "$reps" ] && args+=(--reps "$reps")
	[ $extras = 1 ] || args+=(--no-extras)
	NSH_BENCH_SANDBOX=1 NSH_BENCH_WORK=$work NSH=$NSH BENCH_OUT=$out \
		unshare --net --mount --propagation private -- bash -c \
		'mount -t tmpfs tmpfs /run && mount -t sysfs sysfs /sys && exec bash "$0" "$@"' \
		"$0" "${args[@]}"
	rc=$?
	if [ -s "$out/results.tsv" ] && command -v gnuplot >/dev/null; then
		gnuplot -e "tsv='$out/results.tsv'; png='$out/results.png'" \
			"$here/plot.gp" && echo "plot: $out/results.png"
	fi
	exit $rc
fi

# ------------------------------------------------------------------ inside
work=$NSH_BENCH_WORK
FLOOR=$work/floor
raw=$work/raw.tsv
: >"$raw"
fails=0

now() { echo "$EPOCHREALTIME"; }
# shellcheck source=bench/lib.sh
. "$here/lib.sh"

cmd() { # METHOD build|teardown N DIR
	case $1 in
	nsh) "$NSH" -f "$4/$2.nsh" ;;
	floor) "$FLOOR" "$2" "$3" ;;
	floor-hold) if [ "$2" = teardown ]; then "$FLOOR" teardown "$3" --hold
		else "$FLOOR" "$2" "$3"; fi ;;
	ip-batch) bash "$here/methods/ipbatch.sh" "$2" "$3" "$4" ;;
	pyroute2) "$PY" "$here/methods/pyroute2_inproc.py" "$2" "$3" ;;
	bash-ip) bash "$here/methods/tutorial.sh" "$2" "$3" ;;
	esac
}

force_clean() {
	local f
	for f in /run/netns/*; do
		[ -e "$f" ] || continue
		umount -l "$f" 2>/dev/null
		rm -f "$f"
	done
	ip link del br0 2>/dev/null
	"$FLOOR" wait 120 >/dev/null 2>&1
}

clean_state() { # nothing of the lab left?
	[ -z "$(ls -A /run/netns 2>/dev/null)" ] &&
		! ip link show br0 >/dev/null 2>&1 &&
		[ -z "$(ip -o link show | grep -E ': (veth|br0)')" ]
}

fail() { # METHOD N REP WHAT LOG
	echo "FAIL: $1 N=$2 rep $3: $4" >&2
	[ -s "$5" ] && tail -5 "$5" | sed 's/^/    /' >&2
	fails=$((fails + 1))
	force_clean
}

run_one() { # METHOD N REP DIR
	local m=$1 n=$2 r=$3 d=$4 log=$work/log t0 t1 t2 t3 t4 ok
	t0=$(now)
	cmd "$m" build "$n" "$d" >"$log" 2>&1
	ok=$?
	t1=$(now)
	[ $ok = 0 ] || { fail "$m" "$n" "$r" "build exited $ok" "$log"; return; }
	"$FLOOR" verify "$n" >"$log" 2>&1 ||
		{ fail "$m" "$n" "$r" "verify" "$log"; return; }
	ip netns exec ns1 ping -c 1 -W 3 "$(addr "$n")" >"$log" 2>&1 ||
		ip netns exec ns1 ping -c 1 -W 3 "$(addr "$n")" >"$log" 2>&1 ||
		{ fail "$m" "$n" "$r" "ping ns1 -> ns$n" "$log"; return; }
	t2=$(now)
	cmd "$m" teardown "$n" "$d" >"$log" 2>&1
	ok=$?
	t3=$(now)
	"$FLOOR" wait 120 >>"$log" 2>&1
	t4=$(now)
	[ $ok = 0 ] || { fail "$m" "$n" "$r" "teardown exited $ok" "$log"; return; }
	clean_state || { fail "$m" "$n" "$r" "teardown left something" "$log"; return; }
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$m" "$r" "$(dt "$t0" "$t1")" \
		"$(dt "$t2" "$t3")" "$(dt "$t2" "$t4")" >>"$raw"
	printf '  N=%-5s rep %s  %-9s build %8.4f s  teardown %7.4f s  done %7.4f s\n' \
		"$n" "$r" "$m" "$(dt "$t0" "$t1")" "$(dt "$t2" "$t3")" "$(dt "$t2" "$t4")" >&2
}

col_median() { # N METHOD COLUMN
	awk -F'\t' -v n="$1" -v m="$2" -v c="$3" '$1 == n && $2 == m { print $c }' "$raw" | median
}
count() { awk -F'\t' -v n="$1" -v m="$2" '$1 == n && $2 == m' "$raw" | wc -l; }
pratio() { # N METHOD BASE COLUMN: median over the reps of METHOD/BASE in the same rep
	awk -F'\t' -v n="$1" -v m="$2" -v b="$3" -v c="$4" '
		$1 == n && $2 == m { x[$3] = $c } $1 == n && $2 == b { y[$3] = $c }
		END { for (r in x) if ((r in y) && y[r] > 0) print x[r] / y[r] }' "$raw" |
		median | awk '{ if ($1 == "nan") print "-"; else printf "%.2f\n", $1 }'
}
# quiet: wait until the kernel has finished the last teardown (destroying
# 1000 namespaces goes on well after their links are gone) and the machine
# is idle again: every CPU 90% idle over 0.2 s, twice in a row (at most
# 5 s; BENCH_QUIET=0 skips it)
quiet() {
	local i=0 calm=0 a b
	[ "${BENCH_QUIET:-1}" = 0 ] && return
	while [ $i -lt 25 ] && [ $calm -lt 2 ]; do
		a=$(awk '/^cpu[0-9]/ { print $1, $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
		sleep 0.2
		b=$(awk '/^cpu[0-9]/ { print $1, $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)
		if printf '%s\n%s\n' "$a" "$b" | awk '
			$1 in idle { t = $3 - tot[$1]; if (t <= 0 || ($2 - idle[$1]) / t < 0.9) busy = 1; next }
			{ idle[$1] = $2; tot[$1] = $3 }
			END { exit busy }'; then
			calm=$((calm + 1))
		else
			calm=0
		fi
		i=$((i + 1))
	done
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0 && a != "nan") printf "%.2f", a / b; else print "-" }'; }

# ------------------------------------------------------------ the runs
clean_state || { echo "run.sh: sandbox not clean" >&2; exit 1; }
echo "nsh: $NSH" >&2
echo "methods: $methods" >&2
for n in "${ns_list[@]}"; do
	d=$work/n$n
	mkdir -p "$d"
	gen_nsh "$n" "$d"
	bash "$here/methods/ipbatch.sh" gen "$n" "$d"
	r=${reps:-5}
	echo "N=$n: $r repetitions" >&2
	for ((rep = 1; rep <= r; rep++)); do
		for m in $(printf '%s\n' $methods | shuf); do
			run_one "$m" "$n" "$rep" "$d"
			quiet
		done
	done
done

# ------------------------------------------------------------ extras
startup="" startup_how="" model_row="" rss_row=""
if [ $extras = 1 ]; then
	if command -v hyperfine >/dev/null; then
		hyperfine -N --runs 50 --warmup 3 --export-json "$work/hf.json" \
			"$NSH -c true" "$FLOOR nop" >/dev/null 2>&1
		startup=$("$PY" -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(" ".join("%.3f" % (x["median"]*1e3) for x in r))' "$work/hf.json")
		startup_how="hyperfine -N, 50 runs"
	else
		for k in nsh floor; do
			for ((i = 0; i < 50; i++)); do
				t0=$(now)
				if [ $k = nsh ]; then "$NSH" -c true; else "$FLOOR" nop; fi
				t1=$(now)
				dt "$t0" "$t1"; echo
			done | awk '{ print $1 * 1000 }' | median >"$work/su.$k"
		done
		startup="$(cat "$work/su.nsh") $(cat "$work/su.floor")"
		startup_how="bash loop, 50 runs"
	fi
	mn=1000
	for n in "${ns_list[@]}"; do [ "$n" -gt "$mn" ] && mn=$n; done
	# nsh -f's own peak RSS at the largest N of this run (untimed)
	for n in "${ns_list[@]}"; do [ "$n" -gt "${nmax:-0}" ] && nmax=$n; done
	if [[ " $methods " == *" nsh "* ]]; then
		if b=$("$FLOOR" rss "$NSH" -f "$work/n$nmax/build.nsh") &&
			t=$("$FLOOR" rss "$NSH" -f "$work/n$nmax/teardown.nsh"); then
			rss_row="nsh -f at N=$nmax, peak RSS: build $b MB, teardown $t MB"
			"$FLOOR" wait 120 >/dev/null 2>&1
		else
			echo "run.sh: the peak-RSS run of nsh failed" >&2
			fails=$((fails + 1))
			force_clean
		fi
		clean_state || { echo "run.sh: the peak-RSS run left something" >&2; fails=$((fails + 1)); }
	fi
	# model.sh makes its own sandbox (nested in this one)
	env -u NSH_BENCH_SANDBOX NSH="$NSH" sh "$here/model.sh" "$mn" >"$work/model.out" 2>&1 &&
		model_row=$(tail -1 "$work/model.out") ||
		{ echo "model.sh failed:" >&2; cat "$work/model.out" >&2; }
fi

# ------------------------------------------------------------ report
tsv=$out/results.tsv
{
	printf '# n\tmethod\tmetric\tmedian\tunit\tx_nsh_paired\truns\n'
	for n in "${ns_list[@]}"; do
		for m in $methods; do
			c=$(count "$n" "$m")
			[ "$c" -gt 0 ] || continue
			for k in build:4 teardown:5 done:6; do
				v=$(col_median "$n" "$m" "${k#*:}")
				printf '%s\t%s\t%s\t%s\ts\t%s\t%s\n' "$n" "$m" "${k%:*}" "$v" \
					"$(pratio "$n" "$m" nsh "${k#*:}")" "$c"
			done
		done
	done
	if [ -n "$startup" ]; then
		set -- $startup
		printf '0\tnsh\tstartup\t%s\tms\t1.00\t50\n' "$1"
		printf '0\tfloor\tstartup\t%s\tms\t%s\t50\n' "$2" "$(ratio "$2" "$1")"
	fi
	if [ -n "$model_row" ]; then
		set -- $model_row
		printf '%s\tnsh\tmodel_load\t%s\tms\t-\t1\n' "$1" "$2"
		printf '%s\tnsh\ttab\t%s\tms\t-\t50\n' "$1" "$3"
		printf '%s\tnsh\tpeak_rss\t%s\tMB\t-\t1\n' "$1" "$4"
		printf '%s\tnsh\topen_fds\t%s\tfds\t-\t1\n' "$1" "$5"
	fi
} >"$tsv"

get() { awk -F'\t' -v n="$1" -v m="$2" -v k="$3" -v c="$4" '$1 == n && $2 == m && $3 == k { print $c }' "$tsv"; }
echo
echo "nsh: $NSH   kernel $(uname -r), $(nproc) CPUs   $(date -u +%F' '%H:%MZ)"
for n in "${ns_list[@]}"; do
	echo
	echo "N = $n   (medians; x nsh = median over the reps of method/nsh in the same rep, >1: slower than nsh)"
	printf '%-10s %5s  %10s %7s  %10s %7s  %10s %7s\n' method runs "build s" "x nsh" \
		"teardown s" "x nsh" "done s" "x nsh"
	for m in $methods; do
		[ -n "$(get "$n" "$m" build 4)" ] || continue
		printf '%-10s %5s  %10.4f %7s  %10.4f %7s  %10.4f %7s\n' "$m" \
			"$(get "$n" "$m" build 7)" \
			"$(get "$n" "$m" build 4)" "$(get "$n" "$m" build 6)" \
			"$(get "$n" "$m" teardown 4)" "$(get "$n" "$m" teardown 6)" \
			"$(get "$n" "$m" done 4)" "$(get "$n" "$m" done 6)"
	done
done

echo
echo "Targets (N=100 and 1000): nsh <= 1.2x floor (build, teardown); ip-batch/nsh build >= 2.5 (N=100), >= 1.7 (N=1000)"
echo "(paired ratios: median over the reps of the two methods' times in the same rep)"
for n in "${ns_list[@]}"; do
	[ "$n" = 100 ] || [ "$n" = 1000 ] || continue
	want=$([ "$n" = 100 ] && echo 2.5 || echo 1.7)
	for k in build:4 teardown:5 done:6; do
		x=$(pratio "$n" nsh floor "${k#*:}")
		k=${k%:*}
		[ "$x" != - ] || continue
		if [ $k = done ]; then
			printf '  N=%-5s nsh/floor %-8s %5s  (for information: until the kernel is done)\n' "$n" "$k" "$x"
			continue
		fi
		printf '  N=%-5s nsh/floor %-8s %5s  (target <= 1.2)  %s\n' "$n" "$k" "$x" \
			"$(awk -v x="$x" 'BEGIN { print (x <= 1.2) ? "ok" : "MISSED" }')"
	done
	x=$(pratio "$n" nsh floor-hold 5)
	[ "$x" != - ] && printf '  N=%-5s nsh/floor-hold teardown %5s  (for information: the floor holding the namespaces as nsh does)\n' "$n" "$x"
	b=$(get "$n" ip-batch build 6)
	[ -n "$b" ] && printf '  N=%-5s ip-batch/nsh build  %5s  (target >= %s)  %s\n' "$n" "$b" "$want" \
		"$(awk -v x="$b" -v w="$want" 'BEGIN { print (x >= w) ? "ok" : "MISSED" }')"
done

if [ -n "$startup" ]; then
	set -- $startup
	echo
	echo "start-up ($startup_how, median): nsh -c true $1 ms; floor nop $2 ms"
fi
if [ -n "$rss_row" ]; then
	echo
	echo "$rss_row"
fi
if [ -n "$model_row" ]; then
	echo
	echo "bench/model.sh (nsh, one process):"
	head -1 "$work/model.out"
	echo "$model_row"
fi
echo
echo "medians: $tsv"
[ $fails = 0 ] || { echo "$fails run(s) FAILED (see above); they are not in the medians" >&2; exit 1; }
exit 0
