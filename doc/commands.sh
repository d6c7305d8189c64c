#!/bin/sh
# commands.sh NSH [PAGE] - nsh(1)'s command list, in man(7), made from
# `NSH --help-commands` (the families and commands of nsh's declarations,
# the ones `help` lists).  With PAGE (doc/nsh.1): PAGE with the lines
# between its BEGIN COMMANDS and END COMMANDS markers replaced by the list;
# without: the list alone.  `make update-man` runs it; tests/dist/t-man.sh
# checks that doc/nsh.1 holds what it makes.
set -eu
[ $# -ge 1 ] || { echo "usage: commands.sh NSH [PAGE]" >&2; exit 2; }
nsh=$1
list=$(mktemp)
trap 'rm -f "$list"' EXIT

"$nsh" --help-commands | LC_ALL=C awk -F '\t' '
# roff text: backslash, minus signs, the ellipsis; a control character
# (. or \047) at the start of a line made harmless
function esc(s) {
	gsub(/\\/, "\\e", s)
	gsub(/-/, "\\-", s)
	gsub(/\342\200\246/, "...", s)
	if (s ~ /^[.\047]/)
		s = "\\&" s
	return s
}
# a synopsis: keywords bold, PLACEHOLDERS italic, [ ] ( ) { } | roman,
# a font escape only where the font changes
function font(f, s) {
	if (f != cur) {
		out = out "\\f" f
		cur = f
	}
	out = out s
}
function syn(s,    n, w, i, parts, k, m) {
	gsub(/\342\200\246/, "...", s)
	n = split(s, w, " ")
	out = ""
	cur = "R"
	for (i = 1; i <= n; i++) {
		if (i > 1)
			out = out " "
		m = split(w[i], parts, "|")
		for (k = 1; k <= m; k++) {
			if (k > 1)
				font("R", "|")
			if (parts[k] ~ /^[][(){}]$/ || parts[k] == "...")
				font("R", esc(parts[k]))
			else if (parts[k] ~ /^[A-Z][A-Z0-9_]*(\.\.\.)?$/)
				font("I", esc(parts[k]))
			else if (parts[k] != "")
				font("B", esc(parts[k]))
		}
	}
	font("R", "")
	return out
}
# text filled into lines of at most 79 bytes (mandoc -T lint asks 80)
function wrap(s,    n, w, i, line, out) {
	n = split(s, w, " ")
	line = ""
	out = ""
	for (i = 1; i <= n; i++) {
		if (line != "" && length(line) + 1 + length(w[i]) > 79) {
			out = out line "\n"
			line = ""
		}
		if (line == "" && w[i] ~ /^[.\047]/)
			w[i] = "\\&" w[i]
		line = line (line == "" ? "" : " ") w[i]
	}
	return out line
}
$1 == "family" { order[++nf] = $2; fsum[$2] = $3; next }
$1 == "command" {
	rows[$2] = rows[$2] ".TP\n" syn($3) "\n" wrap(esc($4)) "\n"
	next
}
{ print "commands.sh: unexpected line: " $0 > "/dev/stderr"; exit 1 }
END {
	for (i = 1; i <= nf; i++) {
		f = order[i]
		print ".SS " f
		print wrap(esc(fsum[f]) ".")
		printf "%s", rows[f]
	}
}' >"$list"
[ -s "$list" ] || { echo "commands.sh: $nsh --help-commands printed nothing" >&2; exit 1; }

if [ $# -lt 2 ]; then
	cat "$list"
	exit 0
fi
begin='.\" BEGIN COMMANDS (made by doc/commands.sh: make update-man)'
end='.\" END COMMANDS (made by doc/commands.sh: make update-man)'
if [ "$(grep -cxF "$begin" "$2")" != 1 ] || [ "$(grep -cxF "$end" "$2")" != 1 ]; then
	echo "commands.sh: $2 needs one line each:" >&2
	printf '  %s\n' "$begin" "$end" >&2
	exit 1
fi
# (ENVIRON: awk -v would read the backslashes as escapes)
list=$list begin=$begin end=$end awk '
BEGIN { list = ENVIRON["list"]; begin = ENVIRON["begin"]; end = ENVIRON["end"] }
$0 == end { skip = 0 }
!skip { print }
$0 == begin {
	while ((getline l < list) > 0)
		print l
	skip = 1
}' "$2"
