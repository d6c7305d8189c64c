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
. "$(dirname "$0")/common.sh"

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
	-h|--help) sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
	*) pats+=("$1") ;;
	esac
	shift
done

preflight
select_scripts ${pats[@]+"${pats[@]}"}
N=${#names[@]}
probe_features

# ------------------------------------------------------------ one script

# nsh_rejected D NAME: "LINE<TAB>message" of nsh's first FILE:LINE: error
nsh_rejected() {
	grep -m1 "^$2\.sh:[0-9][0-9]*: " "$1/nsh/err" 2>/dev/null |
		sed "s/^$2\.sh:\([0-9]*\): /\1	/"
}

# killed RC ERRFILE: did a signal end the run or a program in it?
killed() {
	case $1 in 129|13[0-9]|14[0-9]|15[0-9]) return 0 ;; esac
	grep -Eq '^(compat: [0-9]+: exit (129|13[0-9]|14[0-9]|15[0-9])|.*(Terminated|Killed|killed by signal))' "$2" 2>/dev/null
}

# lost_ping D NAME SCRIPT RCA RCB: did exactly one side stop at a ping?
# (under load the kernel drops the first packets of a fresh link now and
# then, in either run: tests/compat/README.md)
lost_ping() {
	local l=
	[ "$4" = "$5" ] && return 1
	if [ "$4" != 0 ]; then
		l=$(sed -n 's/^compat: \([0-9]*\): exit .*/\1/p' "$1/ip/err" | tail -1)
	else
		l=$(nsh_rejected "$1" "$2" | cut -f1)
	fi
	[ -n "$l" ] && line_of "$3" "$l" | grep -Eq '(^|[[:space:]])ping6?[[:space:]]'
}

one() {
	local i=$1 n=${names[$(($1 - 1))]}
	local d=$T/$i script=$here/corpus/${names[$(($1 - 1))]}.sh
	local res=$d/result diag=$d/diag bad= why rca rcb l rej ln reason
	mkdir -p "$d/ip" "$d/nsh"
	if why=$(python3 "$here/state.py" --lint "$script"); then :; else
		echo "not ok $i - $n # corpus script breaks the rules (README.md)" >"$res"
		printf '%s\n' "$why" | sed 's/^/# /' >>"$res"
		echo fail >"$d/kind"
		touch "$d/done"
		return
	fi
	if why=$(skip_reason "$n"); then
		echo "ok $i - $n # SKIP $why" >"$res"
		echo skip >"$d/kind"
		touch "$d/done"
		return
	fi
	: >"$diag"
	local try
	for try in 1 2; do
		sandbox "$here/side.sh" ip "$script" "$d/ip" >/dev/null 2>&1
		sandbox "$here/side.sh" nsh "$script" "$d/nsh" >/dev/null 2>&1
		rca=$(cat "$d/ip/rc" 2>/dev/null || echo lost)
		rcb=$(cat "$d/nsh/rc" 2>/dev/null || echo lost)
		# a program of the script killed from outside (other test suites
		# on the machine share the PID space): run the pair once more
		if killed "$rca" "$d/ip/err" || killed "$rcb" "$d/nsh/err"; then
			[ "$try" = 1 ] && echo "run again: a program was killed by a signal from outside (exit $rca / $rcb)" >>"$diag"
		elif lost_ping "$d" "$n" "$script" "$rca" "$rcb"; then
			[ "$try" = 1 ] && echo "run again: one side's ping got no answer (exit $rca / $rcb): on a loaded machine the kernel's per-CPU backlog drops packets" >>"$diag"
		else
			break
		fi
	done
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
		echo "reachability differs ($(grep -c '^[-+][^-+]' "$d/reach.diff") pairs)" >>"$diag"
	fi
	reason=
	if reason=$(xfail_reason "$xfail" "$n"); then
		if [ -n "$bad" ]; then
			echo "not ok $i - $n # TODO $reason" >"$res"
			echo xfail >"$d/kind"
		else
			echo "ok $i - $n # TODO $reason" >"$res"
			echo "# XPASS: $n passes now: remove its line from tests/compat/xfail" >>"$res"
			echo xpass >"$d/kind"
		fi
	elif [ -n "$bad" ]; then
		echo "not ok $i - $n" >"$res"
		echo fail >"$d/kind"
	else
		echo "ok $i - $n" >"$res"
		echo pass >"$d/kind"
	fi
	# the diffs: in full with -v; their start for an unexpected failure
	if [ -n "$bad" ]; then
		if [ "$verbose" = 1 ]; then
			cat "$d/state.diff" "$d/reach.diff" 2>/dev/null >>"$diag"
			sed 's/^/nsh stderr: /' "$d/nsh/err" >>"$diag"
			sed 's/^/ip stderr: /' "$d/ip/err" >>"$diag"
		elif [ -z "$reason" ]; then
			[ -f "$d/state.diff" ] && head -n 40 "$d/state.diff" >>"$diag"
			[ -f "$d/reach.diff" ] && head -n 12 "$d/reach.diff" >>"$diag"
		fi
		sed 's/^/# /' "$diag" >>"$res"
	fi
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
schedule "$jobs" "$N" one

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
