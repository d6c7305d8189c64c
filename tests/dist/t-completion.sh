#!/bin/sh
# t-completion.sh - completion/nsh.bash, driven as bash drives it (COMP_WORDS,
# COMP_CWORD, the function `complete -p nsh` names): `nsh --` offers every
# option of `nsh --help`, `nsh -c '…` the first word of every command nsh
# declares, -f a file, --user a user.  Needs bash, no root.  TAP.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${NSH:=$top_srcdir/nsh}"
if ! command -v bash >/dev/null 2>&1; then
	echo "1..0 # SKIP needs bash"
	exit 0
fi
export NSH
exec bash -s "$top_srcdir/completion/nsh.bash" <<'EOF2'
T_N=0 T_FAIL=0
_tap() { # status desc
	T_N=$((T_N + 1))
	if [ "$1" = 0 ]; then echo "ok $T_N - $2"; else
		echo "not ok $T_N - $2"
		T_FAIL=$((T_FAIL + 1))
	fi
}
# comp WORD…: COMPREPLY for the command line WORD… (the last one being
# completed), one per line
comp() {
	COMP_WORDS=("$@")
	COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
	COMP_LINE="$*"
	COMP_POINT=${#COMP_LINE}
	COMPREPLY=()
	"$func" "$NSH" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
	printf '%s\n' "${COMPREPLY[@]}"
}
# has DESC GOT WANT…: every WANT is a line of GOT
has() {
	local d=$1 got=$2 w miss=
	shift 2
	for w; do grep -qxF -- "$w" <<<"$got" || miss="$miss $w"; done
	if [ -z "$miss" ]; then _tap 0 "$d"; else
		_tap 1 "$d"; echo "# missing:$miss"; echo "# got: $(echo $got)"
	fi
}

source "$1"
spec=$(complete -p nsh 2>/dev/null)
func=$(sed -n 's/.*-F \([^ ]*\) .*/\1/p' <<<"$spec")
if [ -n "$func" ] && declare -F "$func" >/dev/null; then
	_tap 0 "complete -p nsh: $spec"
else
	_tap 1 "complete -p nsh names a function"; echo "# got: $spec"
	echo "1..$T_N"; exit 1
fi

opts=$("$NSH" --help | sed -n 's/^ *\(-[^ ].*\)/\1/p' |
	awk '{ split($0, c, /  +/); n = split(c[1], w, /[ ,]+/)
	       for (i = 1; i <= n; i++) if (w[i] ~ /^--/) print w[i] }')
has "nsh --<TAB>: every long option of nsh --help ($(echo $opts))" \
	"$(comp "$NSH" --)" $opts
got=$(comp "$NSH" --s)
has "nsh --s<TAB>: --sandbox and --step" "$got" --sandbox --step
is_only=$(grep -cv -- '^--s' <<<"$got")
[ "$is_only" = 0 ] && _tap 0 "... and nothing else" || _tap 1 "... and nothing else: $got"
has "nsh -<TAB>: the short options too" "$(comp "$NSH" -)" -c -f -k -V -h
got=$(comp "$NSH" --)
grep -qx -- --help-commands <<<"$got" && _tap 1 "--help-commands (hidden) not offered" ||
	_tap 0 "--help-commands (hidden) not offered"

words=$("$NSH" --help-commands | awk -F '\t' '$1 == "command" { split($3, w, " "); print w[1] }' | sort -u)
has "nsh -c <TAB>: the first word of every command nsh declares ($(echo $words))" \
	"$(comp "$NSH" -c '')" $words
has "nsh -c <TAB>: ip, show, enter, expect among them" "$(comp "$NSH" -c '')" ip show enter expect
has "nsh -c 'sh<TAB> (an open quote): show" "$(comp "$NSH" -c "'sh")" show
has "nsh --command \"en<TAB>: enter" "$(comp "$NSH" --command '"en')" enter
got=$(comp "$NSH" -c "'ip li")
[ -z "$got" ] && _tap 0 "nsh -c 'ip li<TAB>: later words left alone" ||
	_tap 1 "nsh -c 'ip li<TAB>: later words left alone: $got"

d=$(mktemp -d)
touch "$d/lab.nsh" "$d/other.txt"
has "nsh -f DIR/la<TAB>: the file" "$(comp "$NSH" -f "$d/la")" "$d/lab.nsh"
has "nsh --step DIR/<TAB>: the files" "$(comp "$NSH" --step "$d/")" "$d/lab.nsh" "$d/other.txt"
has "nsh DIR/l<TAB>: a script" "$(comp "$NSH" --sandbox "$d/l")" "$d/lab.nsh"
rm -rf "$d"
has "nsh --user ro<TAB>: root" "$(comp "$NSH" --user ro)" root

echo "1..$T_N"
[ "$T_FAIL" = 0 ]
EOF2
