#!/bin/bash
# run.sh - the differential compatibility harness (issue 11): every corpus
# script runs twice, each time in fresh sandboxes of its own -- `bash -e`
# with the real iproute2 (the reference), and `$NSH -f` -- and the two runs
# must end alike: exit status (both succeed or both fail), normalised
# kernel state (state.py) and reachability matrix (reach.py).  TAP output.
#
#   run.sh [-j N] [-v] [--triage] [--keep DIR] [--write-xfail FILE]
#          [--xfail FILE] [PATTERN…]
#
#   PATTERN      run only the scripts whose name (without .sh) matches the
#                glob PATTERN, or starts with it (`012`, `*vxlan*`)
#   -j N         N scripts at a time (default: nproc)
#   -v           full diffs and both runs' stderr for every failure
#   --triage     after the TAP, for each failing script, the first line
#                nsh rejected and nsh's message, then the messages grouped
#   --keep DIR   keep every run's files (rc, out, err, state.json, reach)
#                in DIR/NAME/{ip,nsh}
#   --write-xfail FILE  write an xfail list of the failing scripts to FILE
#   --xfail FILE the expected-failure list (default: tests/compat/xfail)
#   --self-check both runs with bash + iproute2 (no nsh): any difference is
#                a flaky script or a hole in state.py's normalisation
#
# Environment: NSH (the nsh binary, default $top_srcdir/build/nsh, then
# $top_srcdir/nsh), COMPAT_TIMEOUT (seconds a script may run, 120).
# Needs root (unshare); prints `1..0 # SKIP` otherwise.
set -u
here=$(cd "$(dirname "$0")" && pwd)
: "${top_srcdir:=$(cd "$here/../.." && pwd)}"
if [ -z "${NSH:-}" ]; then
	NSH=$top_srcdir/build/nsh
	[ -x "$NSH" ] || NSH=$top_srcdir/nsh
fi
export NSH top_srcdir

jobs=$(nproc 2>/dev/null || echo 2)
verbose=0 triage=0 keep= writex= xfail=$here/xfail
pats=()
while [ $# -gt 0 ]; do
	case $1 in
	-j) jobs=$2; shift ;;
	-j*) jobs=${1#-j} ;;
	-v) verbose=1 ;;
	--triage) triage=1 ;;
	--keep) keep=$2; shift ;;
	--write-xfail) writex=$2; shift ;;
	--xfail) xfail=$2; shift ;;
	--self-check) NSH=$here/bash-as-nsh.sh; xfail=/dev/null ;;
	-h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) pats+=("$1") ;;
	esac
	shift
done

if [ "$(id -u)" != 0 ]; then
	echo "1..0 # SKIP need root for network namespaces"
	exit 0
fi
if ! command -v unshare >/dev/null || ! command -v ip >/dev/null; then
	echo "1..0 # SKIP needs unshare and iproute2"
	exit 0
fi
if [ ! -x "$NSH" ]; then
	echo "Bail out! no nsh binary at $NSH (set NSH)"
	exit 1
fi
NSH=$(cd "$(dirname "$NSH")" && pwd)/$(basename "$NSH")

T=$(mktemp -d "${TMPDIR:-/tmp}/compat.XXXXXX")
trap 'rm -rf "$T"' EXIT
start=$SECONDS

# ------------------------------------------------------------ the scripts

names=()
for f in "$here"/corpus/[0-9]*.sh; do
	n=$(basename "$f" .sh)
	if [ ${#pats[@]} -gt 0 ]; then
		hit=0
		for p in "${pats[@]}"; do
			# shellcheck disable=SC2053
			if [[ $n == $p || $n == $p* ]]; then hit=1; fi
		done
		[ $hit = 1 ] || continue
	fi
	names+=("$n")
done
N=${#names[@]}

# ------------------------------------------------------------ xfail list

# xfail_reason NAME: the reason of the first xfail line whose pattern
# (first word, a glob) matches NAME; fails if none
xfail_reason() {
	[ -r "$xfail" ] || return 1
	while read -r pat reason; do
		case $pat in ''|'#'*) continue ;; esac
		# shellcheck disable=SC2053
		if [[ $1 == $pat ]]; then
			echo "${reason:-expected to fail}"
			return 0
		fi
	done <"$xfail"
	return 1
}

# ------------------------------------------------------------ kernel features

# sandbox CMD…: run CMD in a fresh network + mount namespace (side.sh
# mounts /run and /sys itself)
sandbox() {
	timeout -k 10 "$((${COMPAT_TIMEOUT:-120} + 120))" \
		unshare --net --mount --propagation private -- "$@"
}

needs_of() { sed -n 's/^# needs: *//p' "$here/corpus/$1.sh" | tr ',' ' '; }

feats=$(for n in "${names[@]}"; do needs_of "$n"; done | tr ' ' '\n' |
	sort -u | grep .)
if [ -n "$feats" ]; then
	# shellcheck disable=SC2086
	sandbox sh -c 'mount -t tmpfs tmpfs /run && umount -l /sys &&
		mount -t sysfs sysfs /sys && ip link set lo up &&
		exec sh "$0" "$@"' "$here/probe.sh" $feats >"$T/features" 2>/dev/null
fi
# missing FEATURE: prints the skip reason if the kernel lacks FEATURE
missing() {
	awk -v f="$1" '$1 == f && $2 != "yes" { $1 = ""; $2 = ""; sub(/^ +/, "");
		print; found = 1 } END { exit !found }' "$T/features" 2>/dev/null
}

# ------------------------------------------------------------ one script

# line_of FILE N: line N of FILE, trimmed
line_of() { sed -n "${2}p" "$1" 2>/dev/null | sed 's/^[[:space:]]*//; s/[[:space:]]*$//'; }

# nsh_rejected D NAME: "LINE<TAB>message" of nsh's first FILE:LINE: error
nsh_rejected() {
	grep -m1 "^$2\.sh:[0-9][0-9]*: " "$1/nsh/err" 2>/dev/null |
		sed "s/^$2\.sh:\([0-9]*\): /\1	/"
}

one() {
	i=$1 n=$2
	d=$T/$i
	mkdir -p "$d/ip" "$d/nsh"
	script=$here/corpus/$n.sh
	res=$d/result
	for f in $(needs_of "$n"); do
		if why=$(missing "$f"); then
			echo "ok $i - $n # SKIP $why" >"$res"
			echo skip >"$d/kind"
			touch "$d/done"
			return
		fi
	done
	sandbox "$here/side.sh" ip "$script" "$d/ip" >/dev/null 2>&1
	sandbox "$here/side.sh" nsh "$script" "$d/nsh" >/dev/null 2>&1
	rca=$(cat "$d/ip/rc" 2>/dev/null || echo lost)
	rcb=$(cat "$d/nsh/rc" 2>/dev/null || echo lost)
	bad=
	diag=$d/diag
	: >"$diag"
	if [ "$rca" != 0 ]; then
		l=$(sed -n 's/^compat: \([0-9]*\): exit .*/\1/p' "$d/ip/err" | tail -1)
		{
			echo "reference run (bash + iproute2) failed: exit $rca${l:+ at line $l}"
			[ -n "$l" ] && echo "  line $l: $(line_of "$script" "$l")"
			grep -v '^compat: ' "$d/ip/err" | tail -3 | sed 's/^/  ip: /'
		} >>"$diag"
	fi
	if { [ "$rca" = 0 ] && [ "$rcb" != 0 ]; } ||
	   { [ "$rca" != 0 ] && [ "$rcb" = 0 ]; }; then
		bad="$bad status"
		echo "exit status: bash + iproute2 $rca, nsh $rcb" >>"$diag"
		rej=$(nsh_rejected "$d" "$n")
		if [ -n "$rej" ]; then
			ln=${rej%%	*}
			echo "  nsh stopped at line $ln: $(line_of "$script" "$ln")" >>"$diag"
			echo "  nsh: ${rej#*	}" >>"$diag"
		elif [ "$rcb" != 0 ]; then
			tail -3 "$d/nsh/err" | sed 's/^/  nsh: /' >>"$diag"
		fi
	fi
	if ! cmp -s "$d/ip/state.json" "$d/nsh/state.json"; then
		bad="$bad state"
		diff -u --label "bash+iproute2" --label nsh "$d/ip/state.json" \
			"$d/nsh/state.json" >"$d/state.diff"
		echo "kernel state differs ($(grep -c '^[-+][^-+]' "$d/state.diff") lines)" >>"$diag"
	fi
	if ! cmp -s "$d/ip/reach" "$d/nsh/reach"; then
		bad="$bad reach"
		diff -u --label "bash+iproute2" --label nsh "$d/ip/reach" \
			"$d/nsh/reach" >"$d/reach.diff"
		echo "reachability differs" >>"$diag"
	fi
	if [ -n "$bad" ]; then
		if [ "$verbose" = 1 ]; then
			cat "$d/state.diff" "$d/reach.diff" 2>/dev/null >>"$diag"
			sed 's/^/nsh stderr: /' "$d/nsh/err" >>"$diag"
			sed 's/^/ip stderr: /' "$d/ip/err" >>"$diag"
		else
			[ -f "$d/state.diff" ] && head -n 30 "$d/state.diff" >>"$diag"
			[ -f "$d/reach.diff" ] && head -n 12 "$d/reach.diff" >>"$diag"
		fi
	fi
	if reason=$(xfail_reason "$n"); then
		if [ -n "$bad" ]; then
			echo "not ok $i - $n # TODO $reason" >"$res"
			echo xfail >"$d/kind"
		else
			echo "ok $i - $n # TODO $reason" >"$res"
			echo "# XPASS: $n passes now: remove it from tests/compat/xfail" >>"$res"
			echo xpass >"$d/kind"
		fi
	elif [ -n "$bad" ]; then
		echo "not ok $i - $n" >"$res"
		echo fail >"$d/kind"
	else
		echo "ok $i - $n" >"$res"
		echo pass >"$d/kind"
	fi
	[ -n "$bad" ] && sed 's/^/# /' "$diag" >>"$res"
	echo "$bad" >"$d/bad"
	if [ -n "$keep" ]; then
		mkdir -p "$keep/$n"
		cp -r "$d/ip" "$d/nsh" "$keep/$n/" 2>/dev/null
		cp "$d"/*.diff "$keep/$n/" 2>/dev/null
	fi
	touch "$d/done"
}

# ------------------------------------------------------------ run them

echo "1..$N"
next=1
flush() {
	while [ "$next" -le "$N" ] && [ -f "$T/$next/done" ]; do
		cat "$T/$next/result"
		next=$((next + 1))
	done
}
running=0
for ((i = 1; i <= N; i++)); do
	while [ "$running" -ge "$jobs" ]; do
		wait -n
		running=$((running - 1))
		flush
	done
	one "$i" "${names[$((i - 1))]}" &
	running=$((running + 1))
done
wait
flush

# ------------------------------------------------------------ summary

count() { cat "$T"/*/kind 2>/dev/null | grep -cx "$1"; }
secs=$((SECONDS - start))
echo "# compat: $N scripts: $(count pass) pass, $(count fail) fail," \
	"$(count xfail) xfail, $(count xpass) xpass, $(count skip) skip" \
	"(${secs}s, -j $jobs)"

# why_of I: one line saying why script I failed (for triage and xfail)
why_of() {
	d=$T/$1 n=${names[$(($1 - 1))]}
	rej=$(nsh_rejected "$d" "$n")
	if [ -n "$rej" ]; then
		printf '%s\n' "${rej#*	}"
	elif [ "$(cat "$d/nsh/rc" 2>/dev/null)" != 0 ]; then
		echo "nsh exit $(cat "$d/nsh/rc" 2>/dev/null): $(tail -1 "$d/nsh/err" 2>/dev/null)"
	else
		echo "nsh ran it; differs:$(cat "$d/bad")"
	fi
}

if [ "$triage" = 1 ]; then
	echo "# ---- triage: the first line nsh rejected, and why"
	: >"$T/msgs"
	for ((i = 1; i <= N; i++)); do
		k=$(cat "$T/$i/kind" 2>/dev/null)
		case $k in fail|xfail) ;; *) continue ;; esac
		n=${names[$((i - 1))]}
		rej=$(nsh_rejected "$T/$i" "$n")
		w=$(why_of "$i")
		if [ -n "$rej" ]; then
			ln=${rej%%	*}
			echo "# $n.sh:$ln: $(line_of "$here/corpus/$n.sh" "$ln")"
		else
			echo "# $n.sh:"
		fi
		echo "#     $w"
		# the message without its subject: 'x' -> '…'
		printf '%s\n' "$w" | sed "s/'[^']*'/'…'/g; s/[0-9][0-9]*/N/g" >>"$T/msgs"
	done
	echo "# ---- grouped"
	sort "$T/msgs" | uniq -c | sort -rn | sed 's/^/# /'
fi

if [ -n "$writex" ]; then
	{
		echo "# tests/compat/xfail - corpus scripts nsh does not run as bash +"
		echo "# iproute2 yet: NAME (a glob) and the reason, the first line nsh"
		echo "# rejected.  run.sh reports them as TODO (XFAIL); one that passes"
		echo "# is reported XPASS: remove its line.  Regenerate with"
		echo "# tests/compat/run.sh --write-xfail tests/compat/xfail"
		for ((i = 1; i <= N; i++)); do
			k=$(cat "$T/$i/kind" 2>/dev/null)
			case $k in fail|xfail) ;; *) continue ;; esac
			printf '%s %s\n' "${names[$((i - 1))]}" "$(why_of "$i" | cut -c1-150)"
		done
	} >"$writex"
fi

[ "$(count fail)" = 0 ] && [ "$(count xpass)" = 0 ]
