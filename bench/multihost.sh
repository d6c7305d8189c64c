#!/bin/bash
# bench/multihost.sh [N] [--reps R] - a lab over three hosts against the
# same lab on one host (issue 17).
#
# The lab: N namespaces (default 300), each with a veth on br0 and an
# address.  "one host": `nsh -f` builds all N on host 1 (run there, as its
# agent runs).  "three hosts": one nsh, the controller, declares hosts
# h1-h3 (one agent each, over one SSH session each), `span br0 h1 h2 h3`,
# and builds N/3 namespaces on each host through `hI: …` lines.  Each
# build is followed by `cleanup` and checked empty.  Prints the medians,
# the ratio three hosts / one host (issue 17's target: at most 1.5), and
# the SSH connections each host's sshd accepted during one three-host
# build (the target: exactly one).
#
# The hosts are simulated (tests/hosts.sh): network namespaces on an
# underlay bridge, each with its own mount namespace and its own sshd on
# port 2222, all inside a throw-away sandbox (unshare --net --mount,
# tmpfs on /run); nothing listens or sends outside it.  Needs root,
# openssh-server, openssh-client, util-linux (nsenter).
#
#   NSH=/path/to/nsh bench/multihost.sh 300 --reps 3
set -uo pipefail
export LC_ALL=C

here=$(cd "$(dirname "$0")" && pwd)
NSH=${NSH:-$here/../build/nsh}
n=300 reps=3
while [ $# -gt 0 ]; do
	case $1 in
	--reps) reps=${2:-}; shift 2 ;;
	*[!0-9]*|'') sed -n '2,/^set -uo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
		exit 2 ;;
	*) n=$1; shift ;;
	esac
done
n=$(( (n + 2) / 3 * 3 ))

if [ -z "${NSH_BENCH_SANDBOX:-}" ]; then
	[ "$(id -u)" = 0 ] || { echo "multihost.sh: needs root" >&2; exit 2; }
	NSH=$(cd "$(dirname "$NSH")" && pwd)/$(basename "$NSH")
	NSH_BENCH_SANDBOX=1 NSH=$NSH exec unshare --net --mount \
		--propagation private -- bash -c \
		'mount -t tmpfs tmpfs /run && mount -t sysfs sysfs /sys &&
		 ip link set lo up && exec bash "$0" "$@"' "$0" "$n" --reps "$reps"
fi

TMP=$(mktemp -d /tmp/nsh-multihost.XXXXXX)
. "$here/../tests/hosts.sh"
trap 'hosts_stop; rm -rf "$TMP"' EXIT
hosts_start 3 9000 9000 9000 >"$TMP/why" ||
	{ echo "multihost.sh: $(cat "$TMP/why")" >&2; exit 2; }
. "$here/lib.sh"

# one namespace's lines, PFX in front (empty, or "hI: ")
ns_lines() {
	echo "${1}ip netns add ns$2"
	echo "${1}ip link add vethBr$2 type veth peer name vethNs$2 netns ns$2"
	echo "${1}ip link set vethBr$2 master br0 up"
	echo "${1}ip -n ns$2 addr add $(addr "$2")/16 dev vethNs$2"
	echo "${1}ip -n ns$2 link set vethNs$2 up"
}

{
	echo "ip link add br0 type bridge"
	echo "ip link set br0 up"
	for ((i = 1; i <= n; i++)); do ns_lines "" $i; done
} >"$TMP/one.nsh"
{
	for h in 1 2 3; do decl $h; done
	echo "span br0 h1 h2 h3"
	for ((i = 1; i <= n; i++)); do ns_lines "h$(( (i - 1) % 3 + 1 )): " $i; done
} >"$TMP/three.nsh"
{
	for h in 1 2 3; do decl $h; done
	echo "cleanup"
} >"$TMP/cleanup.nsh"

empty() { # every host without namespaces
	for h in 1 2 3; do
		[ "$(on_host $h ip netns list | wc -l)" = 0 ] || return 1
	done
}
settle() { # until the hosts' kernels have removed the namespaces
	for h in 1 2 3; do
		on_host $h "$NSH" -c 'ip link' >/dev/null 2>&1
	done
	sleep 2
}

one=() three=() conns=""
for ((r = 1; r <= reps; r++)); do
	t0=$EPOCHREALTIME
	on_host 1 "$NSH" -f "$TMP/one.nsh" >/dev/null || { echo "one host: build failed" >&2; exit 1; }
	t1=$EPOCHREALTIME
	one+=("$(dt "$t0" "$t1")")
	on_host 1 "$NSH" -c cleanup >/dev/null
	empty || { echo "one host: cleanup left namespaces" >&2; exit 1; }
	settle
	before=$(for h in 1 2 3; do grep -c 'Accepted publickey' "$TMP/sshd$h.log"; done)
	t0=$EPOCHREALTIME
	"$NSH" -f "$TMP/three.nsh" >/dev/null 2>"$TMP/err" ||
		{ echo "three hosts: build failed: $(cat "$TMP/err")" >&2; exit 1; }
	t1=$EPOCHREALTIME
	three+=("$(dt "$t0" "$t1")")
	after=$(for h in 1 2 3; do grep -c 'Accepted publickey' "$TMP/sshd$h.log"; done)
	conns=$(paste <(echo "$before") <(echo "$after") | awk '{ printf "%d ", $2 - $1 }')
	"$NSH" -f "$TMP/cleanup.nsh" >/dev/null
	empty || { echo "three hosts: cleanup left namespaces" >&2; exit 1; }
	settle
done
m1=$(printf '%s\n' "${one[@]}" | median)
m3=$(printf '%s\n' "${three[@]}" | median)
printf 'N=%d, %d repetitions (medians)\n' "$n" "$reps"
printf '  one host     %8.3f s  (nsh -f on host 1)\n' "$m1"
printf '  three hosts  %8.3f s  (one controller, three agents, span br0)\n' "$m3"
printf '  ratio        %8.2f    (target: at most 1.5)\n' "$(awk -v a="$m3" -v b="$m1" 'BEGIN { print a / b }')"
printf '  SSH connections per host during a three-host build: %s(target: 1 each)\n' "$conns"
