# common.sh - sourced by run.sh and show.sh (bash): the corpus, the
# sandboxes, the kernel-feature probe, the xfail lists and the parallel
# scheduler that prints TAP results in corpus order.
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
if [ -z "${NSH:-}" ]; then
	NSH=$top_srcdir/build/nsh
	[ -x "$NSH" ] || NSH=$top_srcdir/nsh
fi
export NSH top_srcdir

# preflight: TAP skip without root or tools, bail out without nsh; makes
# NSH absolute and the scratch directory $T (removed on exit)
preflight() {
	if [ "$(id -u)" != 0 ]; then
		echo "1..0 # SKIP need root for network namespaces"
		exit 0
	fi
	for t in unshare ip bridge tc python3 ping nsenter timeout; do
		if ! command -v "$t" >/dev/null; then
			echo "1..0 # SKIP needs $t"
			exit 0
		fi
	done
	if [ ! -x "$NSH" ]; then
		echo "Bail out! no nsh binary at $NSH (set NSH)"
		exit 1
	fi
	NSH=$(cd "$(dirname "$NSH")" && pwd)/$(basename "$NSH")
	T=$(mktemp -d "${TMPDIR:-/tmp}/compat.XXXXXX")
	trap 'rm -rf "$T"' EXIT
	start=$SECONDS
}

# select_scripts PATTERN…: names=( the corpus scripts, without .sh, whose
# name matches a glob PATTERN or starts with it; all without patterns )
select_scripts() {
	names=()
	local f n p hit
	for f in "$here"/corpus/[0-9]*.sh; do
		n=$(basename "$f" .sh)
		if [ $# -gt 0 ]; then
			hit=0
			for p; do
				# shellcheck disable=SC2053
				if [[ $n == $p || $n == $p* ]]; then hit=1; fi
			done
			[ $hit = 1 ] || continue
		fi
		names+=("$n")
	done
}

# xfail_reason FILE NAME: the reason of FILE's first line whose pattern
# (first word, a glob) matches NAME; fails if none matches
xfail_reason() {
	[ -r "$1" ] || return 1
	local pat reason
	while read -r pat reason; do
		case $pat in ''|'#'*) continue ;; esac
		# shellcheck disable=SC2053
		if [[ $2 == $pat ]]; then
			echo "${reason:-expected to fail}"
			return 0
		fi
	done <"$1"
	return 1
}

# sandbox CMD…: CMD in a fresh network + mount namespace (CMD mounts a
# tmpfs on /run and remounts /sys itself), bounded in time
sandbox() {
	timeout -k 10 "$((${COMPAT_TIMEOUT:-120} + 120))" \
		unshare --net --mount --propagation private -- "$@"
}

needs_of() { sed -n 's/^# needs: *//p' "$here/corpus/$1.sh" | tr ',' ' '; }

# probe_features: which `# needs:` features of the selected scripts the
# kernel has, probed once in a scratch sandbox (probe.sh)
probe_features() {
	local feats
	feats=$(for n in "${names[@]}"; do needs_of "$n"; done | tr ' ' '\n' |
		sort -u | grep .)
	: >"$T/features"
	[ -n "$feats" ] || return 0
	# shellcheck disable=SC2086
	sandbox sh -c 'mount -t tmpfs tmpfs /run && umount -l /sys &&
		mount -t sysfs sysfs /sys && ip link set lo up &&
		exec sh "$0" "$@"' "$here/probe.sh" $feats >"$T/features" 2>/dev/null
}

# skip_reason NAME: the TAP skip reason if the kernel lacks a feature the
# script needs; fails if it has them all
skip_reason() {
	local f
	for f in $(needs_of "$1"); do
		awk -v f="$f" '$1 == f && $2 != "yes" { $1 = ""; $2 = "";
			sub(/^ +/, ""); print; found = 1 } END { exit !found }' \
			"$T/features" && return 0
	done
	return 1
}

# line_of FILE N: line N of FILE, trimmed
line_of() { sed -n "${2}p" "$1" 2>/dev/null | sed 's/^[[:space:]]*//; s/[[:space:]]*$//'; }

# schedule JOBS COUNT FUNC: FUNC 1 … FUNC COUNT, JOBS at a time, each in
# the background; FUNC I writes $T/I/result (TAP lines) and then touches
# $T/I/done.  The results are printed in order as soon as they are there.
schedule() {
	local jobs=$1 count=$2 fn=$3 i running=0
	next=1
	for ((i = 1; i <= count; i++)); do
		while [ "$running" -ge "$jobs" ]; do
			wait -n
			running=$((running - 1))
			_flush "$count"
		done
		mkdir -p "$T/$i"
		"$fn" "$i" &
		running=$((running + 1))
	done
	wait
	_flush "$count"
}
_flush() {
	while [ "$next" -le "$1" ] && [ -f "$T/$next/done" ]; do
		cat "$T/$next/result"
		next=$((next + 1))
	done
}
