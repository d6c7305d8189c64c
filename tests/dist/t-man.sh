#!/bin/sh
# t-man.sh - the man pages (doc/nsh.1, doc/nsh-lab.5) render without a
# warning (groff -ww -z, mandoc -T lint where installed), nsh(1)'s command
# list is what doc/commands.sh makes from nsh's declarations now (else:
# make update-man), and nsh(1) names every family `nsh -c help` lists and
# every option `nsh --help` lists.  Needs no root and no sandbox: nsh is
# only asked for its help.  TAP.
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${NSH:=$top_srcdir/nsh}"
doc=$top_srcdir/doc
T_N=0 T_FAIL=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

_tap() { # status desc
	T_N=$((T_N + 1))
	if [ "$1" = 0 ]; then echo "ok $T_N - $2"; else
		echo "not ok $T_N - $2"
		T_FAIL=$((T_FAIL + 1))
	fi
}
skip() { T_N=$((T_N + 1)); echo "ok $T_N # SKIP $1"; }
# quiet DESC CMD…: CMD succeeds and prints nothing (its output shown if not)
quiet() {
	_d=$1; shift
	"$@" >"$TMP/q" 2>&1
	_rc=$?
	if [ "$_rc" = 0 ] && [ ! -s "$TMP/q" ]; then _tap 0 "$_d"; else
		_tap 1 "$_d"; echo "# status $_rc"; sed 's/^/# /' "$TMP/q"
	fi
}

pages="nsh.1 nsh-lab.5"
for p in $pages; do
	if command -v groff >/dev/null 2>&1; then
		quiet "groff -man -ww -z $p: no warning" groff -man -ww -z "$doc/$p"
		quiet "groff -mandoc -ww -z $p: no warning" groff -mandoc -ww -z "$doc/$p"
	else
		skip "groff -ww $p: no groff (apt-get install groff-base)"
	fi
	if command -v mandoc >/dev/null 2>&1; then
		quiet "mandoc -T lint $p: clean" mandoc -T lint "$doc/$p"
	else
		skip "mandoc -T lint $p: no mandoc (apt-get install mandoc)"
	fi
done

# the command list: doc/commands.sh over this nsh gives doc/nsh.1 unchanged
if sh "$doc/commands.sh" "$NSH" "$doc/nsh.1" >"$TMP/nsh.1" 2>"$TMP/err" &&
   cmp -s "$TMP/nsh.1" "$doc/nsh.1"; then
	_tap 0 "nsh.1's command list is nsh's (doc/commands.sh)"
else
	_tap 1 "nsh.1's command list is nsh's (doc/commands.sh): run make update-man"
	sed 's/^/# /' "$TMP/err"
	diff "$doc/nsh.1" "$TMP/nsh.1" | head -20 | sed 's/^/# /'
fi

# --help-commands lists what `help` lists, row for row, in help's layout
"$NSH" -c help >"$TMP/help"
"$NSH" --help-commands |
	LC_ALL=C awk -F '\t' '$1 == "command" { printf "  %-48s %s\n", $3, $4 }' \
	>"$TMP/rows"
sed '1,/^$/d' "$TMP/help" >"$TMP/helprows"
if cmp -s "$TMP/rows" "$TMP/helprows" && [ -s "$TMP/rows" ]; then
	_tap 0 "nsh --help-commands: the rows of help ($(wc -l <"$TMP/rows") commands)"
else
	_tap 1 "nsh --help-commands: the rows of help"
	diff "$TMP/helprows" "$TMP/rows" | head -20 | sed 's/^/# /'
fi

# every family of `nsh -c help` has its subsection in nsh.1
missing=
for f in $(sed -n '2,/^$/s/^  \([^ ][^ ]*\) .*/\1/p' "$TMP/help"); do
	case $f in syntax | "?") continue ;; esac
	grep -qx "\.SS $f" "$doc/nsh.1" || missing="$missing $f"
done
if [ -z "$missing" ]; then _tap 0 "every family of help is a subsection of nsh.1"
else _tap 1 "every family of help is a subsection of nsh.1"; echo "# missing:$missing"; fi

# every option of `nsh --help` is in nsh.1's OPTIONS
"$NSH" --help >"$TMP/usage"
missing=
for o in $(sed -n 's/^ *\(-[^ ].*\)/\1/p' "$TMP/usage" |
	   awk '{ split($0, c, /  +/); n = split(c[1], w, /[ ,]+/)
		  for (i = 1; i <= n; i++) if (w[i] ~ /^-/) print w[i] }'); do
	r=$(printf '%s' "$o" | sed 's/-/\\\\-/g')
	sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$doc/nsh.1" | grep -q -- "$r" ||
		missing="$missing $o"
done
if [ -z "$missing" ]; then _tap 0 "every option of nsh --help is in nsh.1's OPTIONS"
else _tap 1 "every option of nsh --help is in nsh.1's OPTIONS"; echo "# missing:$missing"; fi

# --help is short and points at the man page
n=$(wc -l <"$TMP/usage")
if [ "$n" -le 24 ] && grep -q "man nsh" "$TMP/usage"; then
	_tap 0 "nsh --help: $n lines, pointing at man nsh"
else
	_tap 1 "nsh --help: at most 24 lines, pointing at man nsh ($n)"
fi

# -V: "nsh VERSION [(git describe)], libnl X, readline Y"; the pages are
# those of that VERSION
v=$("$NSH" -V)
if printf '%s\n' "$v" |
   grep -Eq '^nsh [0-9][0-9.]*( \([^)]+\))?, libnl [0-9]+\.[0-9]+\.[0-9]+, readline [0-9.]+$'; then
	_tap 0 "nsh -V: $v"
else
	_tap 1 "nsh -V: nsh VERSION (describe), libnl X, readline Y"; echo "# got: $v"
fi
ver=$(printf '%s\n' "$v" | sed 's/^nsh \([^ ,]*\).*/\1/')
for p in $pages; do
	if grep -q "^\.TH .* \"nsh $ver\"" "$doc/$p"; then
		_tap 0 "$p is nsh $ver's"
	else
		_tap 1 "$p is nsh $ver's (its .TH: $(grep '^\.TH' "$doc/$p"))"
	fi
done

# nsh-lab(5) says what `help syntax` says: its redirections, variable forms,
# special parameters and operators, word for word
if command -v groff >/dev/null 2>&1; then
	groff -man -Tascii -P-cbou "$doc/nsh-lab.5" 2>/dev/null |
		tr ' ,()' '\n\n\n\n' | grep -v '^$' >"$TMP/lab.words"
	"$NSH" -c 'help syntax' >"$TMP/syntax"
	{
		sed -n 's/ redirections$//p' "$TMP/syntax"
		grep '^ *\$NAME ' "$TMP/syntax"
		sed -n 's/^ *\(\$? \).*\(\$\$ \).*\(\$! \).*/\1\2\3/p' "$TMP/syntax"
	} | tr ' ' '\n' | grep -v '^$' >"$TMP/syntax.words"
	for w in ';' '&&' '||' '!' '|' '|&' '&'; do
		grep -qF -- " $w " "$TMP/syntax" && echo "$w"
	done >>"$TMP/syntax.words"
	missing=
	n=0
	while read -r w; do
		n=$((n + 1))
		grep -qxF -- "$w" "$TMP/lab.words" || missing="$missing $w"
	done <"$TMP/syntax.words"
	if [ -z "$missing" ] && [ "$n" -gt 20 ]; then
		_tap 0 "nsh-lab.5 has the $n forms of help syntax"
	else
		_tap 1 "nsh-lab.5 has the forms of help syntax ($n)"; echo "# missing:$missing"
	fi
else
	skip "nsh-lab.5 against help syntax: no groff"
fi

# SEE ALSO names iproute2's pages
for m in 'ip (8)' 'ip\\-netns (8)' 'bridge (8)' 'tc (8)'; do
	if sed -n '/^\.SH SEE ALSO/,$p' "$doc/nsh.1" | grep -q "^\.BR $m"; then
		_tap 0 "nsh.1 SEE ALSO $m"
	else _tap 1 "nsh.1 SEE ALSO $m"; fi
done

echo "1..$T_N"
[ "$T_FAIL" = 0 ]
