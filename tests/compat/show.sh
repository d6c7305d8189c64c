#!/bin/bash
# show.sh - the show-output half of the compatibility proof (issue 11):
# for each corpus script's lab, nsh's `ip … show` output must equal
# iproute2's on the same kernel state -- `-j` forms as parsed JSON (same
# keys, same types; statistics and timers dropped), the `-br` forms and
# plain `ip address` / `ip route` as text -- in the sandbox's own
# namespace and in every named one (`-n NS`).  TAP, one test per script
# and form, named NAME/FORM (forms: showcmp.py).
#
#   show.sh [-j N] [-v] [--keep DIR] [--build auto|nsh|ip]
#           [--write-xfail FILE] [--xfail FILE] [PATTERN…]
#
#   --build   who builds the lab: nsh (`nsh -f`, the script's final state
#             in nsh's sandbox), ip (bash + iproute2), or auto (default):
#             nsh, and when nsh fails the script, bash + iproute2 in a
#             fresh sandbox, so that the show forms are still compared on
#             the lab the script describes
#   --xfail   expected failures (default tests/compat/show-xfail): lines
#             "GLOB REASON", GLOB matched against NAME/FORM
#   PATTERN, -j, -v, --keep, --write-xfail: as in run.sh
set -u
. "$(dirname "$0")/common.sh"

FORMS=(j-link jd-link j-address j-route j-route6 j-rule j-neigh j-nexthop
	br-link br-address address route)
F=${#FORMS[@]}

jobs=$(nproc 2>/dev/null || echo 2)
verbose=0 keep= writex= xfail=$here/show-xfail build=auto
pats=()
while [ $# -gt 0 ]; do
	case $1 in
	-j) jobs=$2; shift ;;
	-j*) jobs=${1#-j} ;;
	-v) verbose=1 ;;
	--keep) keep=$2; shift ;;
	--build) build=$2; shift ;;
	--write-xfail) writex=$2; shift ;;
	--xfail) xfail=$2; shift ;;
	-h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	-*) echo "show.sh: unknown option $1" >&2; exit 2 ;;
	*) pats+=("$1") ;;
	esac
	shift
done

preflight
select_scripts ${pats[@]+"${pats[@]}"}
N=${#names[@]}
probe_features

# one I: the F tests of script I
one() {
	local i=$1 n=${names[$(($1 - 1))]} k form t why res reason d
	d=$T/$i
	res=$d/result
	: >"$res"
	if why=$(skip_reason "$n"); then
		for ((k = 1; k <= F; k++)); do
			echo "ok $(((i - 1) * F + k)) - $n/${FORMS[$((k - 1))]} # SKIP $why" >>"$res"
			echo skip >>"$d/kinds"
		done
		touch "$d/done"
		return
	fi
	local script=$here/corpus/$n.sh out=$d/show by=nsh
	mkdir -p "$out"
	if [ "$build" = ip ]; then
		by=ip
		sandbox "$here/show-side.sh" ip "$script" "$out" >/dev/null 2>&1
	else
		sandbox "$here/show-side.sh" nsh "$script" "$out" >/dev/null 2>&1
		if [ "$(cat "$out/rc" 2>/dev/null)" != 0 ] && [ "$build" = auto ]; then
			by=ip
			mkdir -p "$d/nsh-build"
			cp "$out"/* "$d/nsh-build/" 2>/dev/null
			sandbox "$here/show-side.sh" ip "$script" "$out" >/dev/null 2>&1
		fi
	fi
	for ((k = 1; k <= F; k++)); do
		form=${FORMS[$((k - 1))]}
		t=$(((i - 1) * F + k))
		if [ -f "$out/$form.res" ]; then
			why=$(cat "$out/$form.res")
		else
			why="fail: no comparison ran (the lab could not be built: exit $(cat "$out/rc" 2>/dev/null))"
		fi
		if reason=$(xfail_reason "$xfail" "$n/$form"); then
			case $why in
			ok) echo "ok $t - $n/$form # TODO $reason" >>"$res"
			    echo "# XPASS: $n/$form passes now: narrow or remove its line in tests/compat/show-xfail" >>"$res"
			    echo xpass >>"$d/kinds" ;;
			*) echo "not ok $t - $n/$form # TODO $reason" >>"$res"
			   echo "# ${why#fail: }" >>"$res"
			   echo xfail >>"$d/kinds" ;;
			esac
		else
			case $why in
			ok) echo "ok $t - $n/$form" >>"$res"
			    echo pass >>"$d/kinds" ;;
			*) echo "not ok $t - $n/$form" >>"$res"
			   echo "# ${why#fail: }" >>"$res"
			   [ "$by" = ip ] && echo "# (lab built by bash + iproute2: nsh failed the script)" >>"$res"
			   if [ -f "$out/$form.diff" ]; then
				if [ "$verbose" = 1 ]; then
					sed 's/^/# /' "$out/$form.diff" >>"$res"
				else
					head -n 20 "$out/$form.diff" | sed 's/^/# /' >>"$res"
				fi
			   fi
			   echo fail >>"$d/kinds" ;;
			esac
		fi
		printf '%s\t%s\t%s\n' "$n" "$form" "$why" >>"$d/whys"
	done
	if [ -n "$keep" ]; then
		mkdir -p "$keep/$n"
		cp -r "$out" "$keep/$n/" 2>/dev/null
		[ -d "$d/nsh-build" ] && cp -r "$d/nsh-build" "$keep/$n/"
	fi
	touch "$d/done"
}

echo "1..$((N * F))"
schedule "$jobs" "$N" one

count() { cat "$T"/*/kinds 2>/dev/null | grep -cx "$1"; }
echo "# show: $N scripts x $F forms: $(count pass) pass, $(count fail) fail," \
	"$(count xfail) xfail, $(count xpass) xpass, $(count skip) skip" \
	"($((SECONDS - start))s, -j $jobs)"

# --write-xfail: a form failing for every script that ran gets one glob
# line "*/FORM", the others one line per NAME/FORM
if [ -n "$writex" ]; then
	cat "$T"/*/whys 2>/dev/null >"$T/allwhys"
	{
		echo "# tests/compat/show-xfail - show forms whose nsh output differs from"
		echo "# iproute2's on a corpus lab: GLOB (matched against NAME/FORM) and the"
		echo "# reason.  show.sh reports them as TODO (XFAIL); one that passes is"
		echo "# reported XPASS: narrow or remove its line.  Regenerate with"
		echo "# tests/compat/show.sh --write-xfail tests/compat/show-xfail"
		for form in "${FORMS[@]}"; do
			ran=$(awk -F'\t' -v f="$form" '$2 == f' "$T/allwhys" | wc -l)
			failed=$(awk -F'\t' -v f="$form" '$2 == f && $3 != "ok"' "$T/allwhys")
			nf=$(printf '%s' "$failed" | grep -c .)
			[ "$nf" = 0 ] && continue
			if [ "$nf" = "$ran" ] && [ "$ran" -gt 1 ]; then
				printf '*/%s %s\n' "$form" "$(printf '%s\n' "$failed" | head -1 | cut -f3 | sed 's/^fail: //' | cut -c1-150)"
			else
				printf '%s\n' "$failed" | awk -F'\t' '{ r = $3; sub(/^fail: /, "", r);
					printf "%s/%s %s\n", $1, $2, substr(r, 1, 150) }'
			fi
		done
	} >"$writex"
fi

[ "$(count fail)" = 0 ] && [ "$(count xpass)" = 0 ]
