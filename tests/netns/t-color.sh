#!/bin/sh
# Colour, terminal width and locale (issue 15): `ip -c …` writes the
# escape sequences iproute2's `ip -c …` writes (compared byte for byte on a
# terminal made by script(1)), none under NO_COLOR or TERM=dumb or into a
# pipe with -color=auto; nsh's own views are coloured on a terminal only;
# with COLUMNS=60 no line of show, show topology or help is wider; under
# LC_ALL=C the views are ASCII.  The lab is built with iproute2.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

if ! command -v script >/dev/null; then
	echo "1..0 # SKIP no script(1) (util-linux)"
	exit 0
fi
unset NO_COLOR COLORFGBG COLUMNS
export TERM=xterm LC_ALL=C.UTF-8

# six namespaces on br0, IPv4 and IPv6, a route via a gateway, h6 down
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.7.0.254/24 dev br0
ip addr add 2001:db8:7::fe/64 dev br0
for i in 1 2 3 4 5 6; do
	ip netns add "h$i"
	ip link add "veth-h$i" type veth peer name eth0 netns "h$i"
	ip link set "veth-h$i" master br0
	[ "$i" = 6 ] || ip link set "veth-h$i" up
	ip -n "h$i" addr add "10.7.0.$i/24" dev eth0
	ip -n "h$i" addr add "2001:db8:7::$i/64" dev eth0 nodad
	ip -n "h$i" link set eth0 up
done
ip -n h1 route add default via 10.7.0.254
ip -n h1 route add 10.8.0.0/16 via 10.7.0.2 src 10.7.0.1
ip -n h1 -6 route add 2001:db8:8::/64 via 2001:db8:7::2
ip -n h1 neigh add 10.7.0.99 lladdr 02:00:00:00:00:63 dev eth0
ip -n h1 neigh add 2001:db8:7::99 lladdr 02:00:00:00:00:64 dev eth0

# Duplicate address detection adds routes (an address's local route, the
# link-local ones) a second or two later: compare a settled kernel, not
# one in flux between the iproute2 and the nsh run.
n=0
while [ $n -lt 100 ] && { [ -n "$(ip -6 addr show tentative)" ] ||
	for i in 1 2 3 4 5 6; do ip -n "h$i" -6 addr show tentative; done | grep -q .; }; do
	sleep 0.1; n=$((n + 1))
done

# tty CMD: CMD's output on a terminal (script(1)), with CR LF as script
# writes them; the typescript itself goes to a file of the test's
tty() { script -qc "$1" "$TMP/ts" </dev/null; }
ESC=$(printf '\033')
has_esc() { grep -c "$ESC" "$1"; }

# ---------------------------------------------------------------- ip -c
# same_esc DESC CMD: CMD (iproute2) and nsh -c 'CMD' on a terminal write
# the same bytes, escape sequences among them
same_esc() {
	tty "$2" >"$TMP/ip.out"
	tty "$NSH -c '$2'" >"$TMP/nsh.out"
	if cmp -s "$TMP/ip.out" "$TMP/nsh.out" &&
	   [ "$(has_esc "$TMP/ip.out")" -gt 0 ]; then
		_tap 0 "$1: iproute2's escape sequences, byte for byte"
	else
		_tap 1 "$1: iproute2's escape sequences, byte for byte"
		diff "$TMP/ip.out" "$TMP/nsh.out" | cat -v | sed 's/^/# /' | head -20
	fi
}
for obj in "link" "address" "route" "-6 route" "-br link" "-br address" \
	   "-o address" "neigh" "-br neigh" "neigh get 10.7.0.99 dev eth0"; do
	for opt in -c -color=always -color; do
		same_esc "ip $opt $obj" "ip -n h1 $opt $obj"
	done
done
for cmd in "bridge -c link" "bridge -c -d link" "bridge -c fdb show"; do
	same_esc "$cmd" "$cmd"
done
COLORFGBG='15;0' tty "ip -c route show table all" >"$TMP/ip.out"
COLORFGBG='15;0' tty "$NSH -c 'ip -c route show table all'" >"$TMP/nsh.out"
ok "a dark background (COLORFGBG): the bold palette, as iproute2" \
	cmp "$TMP/ip.out" "$TMP/nsh.out"
like "… which is bold" "$(cat -v "$TMP/nsh.out")" '\^\[\[1;3[0-9]m'
tty "ip -color=auto link" >"$TMP/ip.out"
tty "$NSH -c 'ip -color=auto link'" >"$TMP/nsh.out"
ok "ip -color=auto on a terminal: as iproute2" cmp "$TMP/ip.out" "$TMP/nsh.out"
is "ip -color=never: no escape" "$(tty "$NSH -c 'ip -color=never link'" | grep -c "$ESC")" 0
is "ip link (no -c): no escape on a terminal (iproute2's default)" \
	"$(tty "$NSH -c 'ip link'" | grep -c "$ESC")" 0
is "NO_COLOR=1: ip -c link writes no escape" \
	"$(NO_COLOR=1 tty "$NSH -c 'ip -c link'" | grep -c "$ESC")" 0
is "NO_COLOR=1: nor ip -color=always route" \
	"$(NO_COLOR=1 tty "$NSH -c 'ip -n h1 -color=always route'" | grep -c "$ESC")" 0
is "TERM=dumb: ip -c address writes no escape" \
	"$(TERM=dumb tty "$NSH -c 'ip -c address'" | grep -c "$ESC")" 0
is "NO_COLOR empty: colours (the variable must be non-empty)" \
	"$(NO_COLOR= tty "$NSH -c 'ip -c link'" | grep -c "$ESC")" \
	"$(tty "ip -c link" | grep -c "$ESC")"
is "ip -color=auto into a pipe: no escape" \
	"$("$NSH" -c 'ip -color=auto link' | grep -c "$ESC")" 0
is "ip -c into a pipe: escapes (always)" \
	"$("$NSH" -c 'ip -c link' | grep -c "$ESC")" "$(ip -c link | grep -c "$ESC")"
is "ip -c -j: no escape in JSON" "$("$NSH" -c 'ip -c -j link' | grep -c "$ESC")" 0

# ---------------------------------------------------------------- views
like "show on a terminal: names, states and addresses coloured" \
	"$(tty "$NSH -c show" | cat -v)" \
	'\^\[\[36meth0\^\[\[0m.*\^\[\[32mUP\^\[\[0m.*\^\[\[35m10\.7\.0\.1/24\^\[\[0m'
is "show into a pipe: no escape" "$("$NSH" -c show | grep -c "$ESC")" 0
is "nsh --color=never: show on a terminal, no escape" \
	"$(tty "$NSH --color=never -c show" | grep -c "$ESC")" 0
like "nsh --color=always: show into a pipe, coloured" \
	"$("$NSH" --color=always -c show | cat -v)" '\^\[\[31mDOWN\^\[\[0m'
is "NO_COLOR=1 beats --color=always" \
	"$(NO_COLOR=1 "$NSH" --color=always -c show | grep -c "$ESC")" 0
"$NSH" --color=sometimes -c show >"$TMP/out" 2>"$TMP/err"
is "--color=sometimes: refused (status 2, one line, no output)" \
	"rc=$? err=$(wc -l <"$TMP/err" | tr -d ' ') out=$(wc -c <"$TMP/out" | tr -d ' ')" \
	"rc=2 err=1 out=0"
printf 'enter h3\nexit\n' >"$TMP/in"
script -qc "$NSH" "$TMP/ts" <"$TMP/in" >"$TMP/prompt.out" 2>&1
like "the prompt's namespace coloured on a terminal" \
	"$(cat -v "$TMP/prompt.out")" 'nsh\[\^\[\[36mh3\^\[\[0m\]> '

# ---------------------------------------------------------------- width
# widest FILE: the widest line, in columns (escapes and CR left out)
widest() {
	python3 -c '
import re, sys
w = 0
for l in open(sys.argv[1], encoding="utf-8"):
    l = re.sub(r"\x1b\[[0-9;]*m", "", l.rstrip("\r\n"))
    w = max(w, len(l))
print(w)' "$1"
}
for view in "show" "show topology" "help" "help ip" "help ip link add" \
	    "help syntax" "help show" "show path h1 h5" "pingall"; do
	COLUMNS=60 "$NSH" -c "$view" >"$TMP/v.out" 2>&1
	is "COLUMNS=60: $view fits" "$(widest "$TMP/v.out")" \
		"$(widest "$TMP/v.out" | awk '$1 <= 60')"
done
"$NSH" -c 'show topology' >"$TMP/wide.out"
like "no COLUMNS, not a terminal: the drawing as wide as it needs" \
	"$(widest "$TMP/wide.out")" '^(6[1-9]|[7-9][0-9]|[1-9][0-9][0-9])$'
for cols in 60 40; do
	COLUMNS=$cols "$NSH" -c 'show topology' >"$TMP/t.out"
	# every box row closed on its right: "│ … │", "│ … ├─…"
	is "COLUMNS=$cols: show topology's boxes whole (no row cut)" \
		"$(grep '^│' "$TMP/t.out" | grep -Evc '^│ .*[│├]')" 0
	is "COLUMNS=$cols: … every namespace's box" \
		"$(grep -c '^┌─ ' "$TMP/t.out")" 7
done
COLUMNS=40 "$NSH" -c 'show topology' >"$TMP/t.out"
like "COLUMNS=40: no room for the cables, each veth names its peer" \
	"$(tr -s ' ' <"$TMP/t.out")" '│ eth0 ↑ veth 10\.7\.0\.1/24'
like "… (h1's eth0 ↔ host:veth-h1)" "$(tr '\n' ' ' <"$TMP/t.out")" \
	'10\.7\.0\.1/24 [^┌]*↔ host:veth-h1'
is "tty width: a terminal of 50 columns" \
	"$(script -qc "stty cols 50 2>/dev/null; $NSH -c 'show topology'" "$TMP/ts" </dev/null >"$TMP/t.out"; widest "$TMP/t.out" | awk '$1 <= 50 {print "fits"}')" fits

# ---------------------------------------------------------------- locale
for view in "show topology" "show" "help ip link add" "show path h1 h5"; do
	LC_ALL=C "$NSH" -c "$view" >"$TMP/c.out" 2>&1
	is "LC_ALL=C: $view is ASCII" "$(LC_ALL=C grep -c '[^ -~]' "$TMP/c.out")" 0
done
LC_ALL=C "$NSH" -c 'show topology' >"$TMP/c.out"
like "LC_ALL=C: boxes of +, - and |" "$(cat "$TMP/c.out")" '^\+- host'
like "LC_ALL=C: up as ^, bridge ports as |-" "$(tr -s ' ' <"$TMP/c.out")" '\| \|-veth-h1 \^ veth'
like "LC_ALL=C: show's peers as <->" "$(LC_ALL=C "$NSH" -c show)" '<-> host:veth-h1'
LC_ALL=C COLUMNS=40 "$NSH" -c 'show topology' >"$TMP/c.out"
is "LC_ALL=C, COLUMNS=40: ASCII too" "$(LC_ALL=C grep -c '[^ -~]' "$TMP/c.out")" 0
like "a UTF-8 locale: box drawing" "$("$NSH" -c 'show topology')" '^┌─ host'

done_testing
