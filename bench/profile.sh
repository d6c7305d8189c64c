#!/bin/bash
# bench/profile.sh [N...] [--reps R] - where nsh's time goes, next to the floor.
#
# In a sandbox (as bench/run.sh), for each N (default "100 1000"):
#  1. build-time split, R interleaved reps (default 5; teardown by the floor,
#     outside the timing, then a wait until the kernel is done):
#       floor              bench/floor.c, 4 netlink requests + 1 setns per ns
#       floor --nsh-like   the same C program sending nsh's request sequence
#                          (12 requests + 9 setns per ns): the cost of the
#                          extra requests alone
#       nsh                nsh -f build.nsh
#       nsh check pass     nsh -f on the same script with a bad last line: nsh
#                          checks every line before running any, so this is
#                          one parse of the whole script and nothing else
#                          (the real run keeps this parse and runs it)
#  2. teardown split: floor teardown, nsh -f teardown.nsh, `floor teardown
#     --nsh-like` (nsh 0.x's sequence in C) and `floor teardown --hold` (the
#     deleted namespaces held open until br0 is gone, as nsh does now), with
#     each netlink request type's count and total time inside nsh (strace -T)
#  3. syscalls per namespace (strace -f -c) for nsh and floor, build and
#     teardown, at the smallest N.
# NSH as for run.sh (default ../build/nsh).
set -uo pipefail
export LC_ALL=C
here=$(cd "$(dirname "$0")" && pwd)
NSH=${NSH:-$here/../build/nsh}
ns_list=() reps=5
while [ $# -gt 0 ]; do
	case $1 in
	--reps) reps=$2; shift 2 ;;
	*[!0-9]*) echo "usage: profile.sh [N...] [--reps R]" >&2; exit 2 ;;
	*) ns_list+=("$1"); shift ;;
	esac
done
[ ${#ns_list[@]} -gt 0 ] || ns_list=(100 1000)

if [ -z "${NSH_BENCH_SANDBOX:-}" ]; then
	[ -x "$NSH" ] || { echo "profile.sh: no nsh at $NSH (set NSH=)" >&2; exit 2; }
	command -v strace >/dev/null || { echo "profile.sh: needs strace" >&2; exit 2; }
	NSH=$(cd "$(dirname "$NSH")" && pwd)/$(basename "$NSH")
	work=$(mktemp -d /tmp/nsh-profile.XXXXXX)
	trap 'rm -rf "$work"' EXIT
	# shellcheck disable=SC2046
	cc -O2 -o "$work/floor" "$here/floor.c" $(pkg-config --cflags --libs libnl-route-3.0) || exit 2
	NSH_BENCH_SANDBOX=1 NSH_BENCH_WORK=$work NSH=$NSH \
		unshare --net --mount --propagation private -- bash -c \
		'mount -t tmpfs tmpfs /run && mount -t sysfs sysfs /sys && exec bash "$0" "$@"' \
		"$0" "${ns_list[@]}" --reps "$reps"
	exit $?
fi

work=$NSH_BENCH_WORK
FLOOR=$work/floor
# shellcheck source=bench/lib.sh
. "$here/lib.sh"
gen() { # N: build.nsh teardown.nsh check.nsh in $work/nN
	local d=$work/n$1
	mkdir -p "$d"
	gen_nsh "$1" "$d"
	{ cat "$d/build.nsh"; echo "ip link add"; } >"$d/check.nsh"
}
settle() { "$FLOOR" wait 120 || exit 1; sleep "$(awk -v n="$1" 'BEGIN { print 0.2 + n / 1000 * 1.5 }')"; }
build() { # KIND N
	case $1 in
	floor) "$FLOOR" build "$2" ;;
	like) "$FLOOR" build "$2" --nsh-like ;;
	nsh) "$NSH" -f "$work/n$2/build.nsh" ;;
	esac
}

echo "nsh: $NSH"
for n in "${ns_list[@]}"; do
	gen "$n"
	: >"$work/b.$n"
	for ((r = 1; r <= reps; r++)); do
		for k in $(printf '%s\n' floor like nsh check | shuf); do
			t0=$EPOCHREALTIME
			if [ $k = check ]; then
				"$NSH" -f "$work/n$n/check.nsh" 2>/dev/null
				t1=$EPOCHREALTIME
				echo "$k $(dt "$t0" "$t1")" >>"$work/b.$n"
				continue
			fi
			build $k "$n" || { echo "build $k failed" >&2; exit 1; }
			t1=$EPOCHREALTIME
			"$FLOOR" verify "$n" || { echo "verify $k failed" >&2; exit 1; }
			echo "$k $(dt "$t0" "$t1")" >>"$work/b.$n"
			"$FLOOR" teardown "$n" && settle "$n"
		done
	done
	# teardown: floor vs nsh, and nsh's requests by type (strace -T)
	: >"$work/t.$n"
	for ((r = 1; r <= reps; r++)); do
		for k in $(printf '%s\n' floor nsh like hold | shuf); do
			"$FLOOR" build "$n" && sleep 1
			t0=$EPOCHREALTIME
			case $k in
			floor) "$FLOOR" teardown "$n" ;;
			nsh) "$NSH" -f "$work/n$n/teardown.nsh" ;;
			like) "$FLOOR" teardown "$n" --nsh-like ;;
			hold) "$FLOOR" teardown "$n" --hold ;;
			esac
			t1=$EPOCHREALTIME
			"$FLOOR" wait 120
			t2=$EPOCHREALTIME
			echo "$k $(dt "$t0" "$t1") $(dt "$t0" "$t2")" >>"$work/t.$n"
			settle "$n"
		done
	done
	"$FLOOR" build "$n" && sleep 1
	strace -T -e trace=sendmsg,sendto,umount2,setns,poll -o "$work/td.strace" "$NSH" -f "$work/n$n/teardown.nsh"
	settle "$n"

	m() { awk -v k="$1" -v c="${2:-2}" '$1 == k { print $c }' "$3" | median; }
	fl=$(m floor 2 "$work/b.$n") li=$(m like 2 "$work/b.$n") ns=$(m nsh 2 "$work/b.$n") ch=$(m check 2 "$work/b.$n")
	echo
	echo "N=$n build (median of $reps, seconds, per-ns ms in brackets)"
	printf '  floor                  %8.4f  (%.3f)\n' "$fl" "$(awk -v a="$fl" -v n="$n" 'BEGIN { print a / n * 1000 }')"
	printf '  floor --nsh-like       %8.4f  (%.3f)  extra requests: +%.4f s\n' "$li" \
		"$(awk -v a="$li" -v n="$n" 'BEGIN { print a / n * 1000 }')" "$(awk -v a="$li" -v b="$fl" 'BEGIN { print a - b }')"
	printf '  nsh                    %8.4f  (%.3f)  rest (parsing etc.): +%.4f s\n' "$ns" \
		"$(awk -v a="$ns" -v n="$n" 'BEGIN { print a / n * 1000 }')" "$(awk -v a="$ns" -v b="$li" 'BEGIN { print a - b }')"
	printf '  nsh check pass only    %8.4f  (%.3f)  (start-up included)\n' "$ch" \
		"$(awk -v a="$ch" -v n="$n" 'BEGIN { print a / n * 1000 }')"
	echo "N=$n teardown (median of $reps, seconds): returns / kernel done"
	printf '  floor                  %8.4f / %.4f\n' "$(m floor 2 "$work/t.$n")" "$(m floor 3 "$work/t.$n")"
	printf '  floor --nsh-like       %8.4f / %.4f   (nsh 0.x'"'"'s sequence, in C)\n' "$(m like 2 "$work/t.$n")" "$(m like 3 "$work/t.$n")"
	printf '  nsh                    %8.4f / %.4f\n' "$(m nsh 2 "$work/t.$n")" "$(m nsh 3 "$work/t.$n")"
	printf '  floor --hold           %8.4f / %.4f   (the namespaces held until br0 is gone, as nsh)\n' "$(m hold 2 "$work/t.$n")" "$(m hold 3 "$work/t.$n")"
	echo "  inside one nsh teardown (strace -T; strace slows it down):"
	sed -E 's/ \/\* [^*]* \*\///g' "$work/td.strace" |
		awk '/^(sendmsg|sendto|umount2|setns|poll)/ {
			k = $1; sub(/\(.*/, "", k)
			if (k == "sendmsg" || k == "sendto") { match($0, /nlmsg_type=[A-Za-z_0-9]+/); k = substr($0, RSTART + 11, RLENGTH - 11); if ($0 ~ /NLM_F_DUMP/) k = k " dump"
				if (k == "0x12") k = "RTM_GETLINK dump"; if (k == "0x5a") k = "RTM_GETNSID" }
			match($0, /<[0-9.]+>$/); t = substr($0, RSTART + 1, RLENGTH - 2)
			c[k]++; s[k] += t }
			END { for (k in c) printf "    %-18s %6d calls  %8.4f s  %7.1f us each\n", k, c[k], s[k], s[k] / c[k] * 1e6 }' | sort -k3 -nr
done

# syscalls per namespace at the smallest N
n=${ns_list[0]}
for n2 in "${ns_list[@]}"; do [ "$n2" -lt "$n" ] && n=$n2; done
strace -f -c -o "$work/sc.nsh.b" "$NSH" -f "$work/n$n/build.nsh"
strace -f -c -o "$work/sc.nsh.t" "$NSH" -f "$work/n$n/teardown.nsh"
settle "$n"
strace -f -c -o "$work/sc.floor.b" "$FLOOR" build "$n"
strace -f -c -o "$work/sc.floor.t" "$FLOOR" teardown "$n"
settle "$n"
echo
echo "syscalls per namespace at N=$n (strace -f -c; calls / N)"
printf '  %-14s %10s %10s %12s %12s\n' syscall "nsh build" "floor build" "nsh teardown" "floor teardown"
awk -v n="$n" '
	FNR == 1 { f++ }
	$NF ~ /^[a-z_0-9]+$/ && $0 !~ /total/ && NF >= 5 { c[$NF, f] = (NF == 6 ? $(NF - 2) : $(NF - 1)); names[$NF] = 1 }
	END { for (s in names) { t = 0; for (i = 1; i <= 4; i++) t += c[s, i]; if (t >= n) printf "  %-14s %10.2f %10.2f %12.2f %12.2f\n", s, c[s, 1] / n, c[s, 2] / n, c[s, 3] / n, c[s, 4] / n } }' \
	"$work/sc.nsh.b" "$work/sc.floor.b" "$work/sc.nsh.t" "$work/sc.floor.t" | sort -k2 -nr
