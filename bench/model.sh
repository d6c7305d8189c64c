#!/bin/sh
# bench/model.sh [N] - the live model at scale, in a sandbox.
#
# Builds N namespaces (default 1000), each with a veth whose outer end is a
# port of one bridge (with ip -batch, outside the timing), then measures in
# ONE nsh process: the model load (first `complete`, which loads it), a TAB
# completion on the loaded model (median of 50), nsh's peak resident memory
# and its open file descriptors.  Prints one table.
set -eu
N=${1:-1000}
NSH=${NSH:-$(cd "$(dirname "$0")/.." && pwd)/build/nsh}
if [ -z "${NSH_BENCH_SANDBOX:-}" ]; then
	NSH_BENCH_SANDBOX=1 NSH=$NSH exec unshare --net --mount --propagation private \
		-- sh -c 'mount -t tmpfs tmpfs /run && exec "$0" "$@"' "$0" "$@"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{
	echo "link add br0 type bridge"
	echo "link set br0 up"
	i=1
	while [ $i -le "$N" ]; do
		echo "netns add ns$i"
		echo "link add vb$i master br0 up type veth peer name vn$i netns ns$i"
		i=$((i + 1))
	done
} >"$tmp/build.batch"
ip -b "$tmp/build.batch"
{
	echo "time complete ip link set vb1"
	i=0
	while [ $i -lt 50 ]; do
		echo "time complete ip -n ns$((i * 7 % N + 1)) link set v"
		i=$((i + 1))
	done
	echo "sh -c 'grep -E \"VmHWM|VmRSS\" /proc/\$PPID/status; echo fds \$(ls /proc/\$PPID/fd | wc -l)'"
} >"$tmp/bench.nsh"
"$NSH" -f "$tmp/bench.nsh" >"$tmp/out" 2>"$tmp/err"
load=$(grep '^time:' "$tmp/err" | head -1 | awk '{print $2}')
tab=$(grep '^time:' "$tmp/err" | tail -n +2 | awk '{print $2}' | sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
hwm=$(awk '/VmHWM/{print $2/1024}' "$tmp/out")
fds=$(awk '/^fds/{print $2}' "$tmp/out")
printf 'namespaces  model load (ms)  TAB median (ms)  peak RSS (MB)  open fds\n'
printf '%10d  %15s  %15s  %13.1f  %8s\n' "$N" "$load" "$tab" "$hwm" "$fds"
