#!/bin/sh
# Process-held namespaces (seed 001): PIDs wherever a namespace is
# expected, `spawn`/`kill` with labels, and no namespace pinned by nsh.
# Checked from outside with nsenter + iproute2 and /proc.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# in PID's network namespace, as the kernel sees it
nsip() { pid=$1; shift; nsenter -t "$pid" -n ip "$@"; }

# --- acceptance: a namespace held by an outside `unshare --net sleep` ------
unshare --net sleep 60 &
out=$!
sleep 0.2
inside=$(readlink /proc/$out/ns/net)
ip link add v1 type veth peer name v1p
ok "ip link set v1 netns <PID> (an outside unshare process)" \
	"$NSH" -c "ip link set v1 netns $out"
like "v1 is now in that process's namespace (nsenter + ip)" \
	"$(nsip $out -o link)" ": v1@"
nok "and no longer on the host" ip link show v1
ok "enter <PID> runs commands inside" "$NSH" -c "enter $out readlink /proc/self/ns/net"
is "…in that namespace" "$(cat "$TMP/out")" "$inside"
printf 'enter %s\nip link set v1 up\nip addr add 10.7.0.1/24 dev v1\nleave\n' "$out" >"$TMP/e.nsh"
ok "enter <PID>, configure inside, leave" "$NSH" -f "$TMP/e.nsh"
like "the address is there (nsenter + ip)" "$(nsip $out -o addr show v1)" "10\.7\.0\.1/24"
ok "ip netns attach NAME <PID>" "$NSH" -c "ip netns attach held $out"
is "ip netns identify <PID> names it" "$(ip netns identify $out)" "held"
ok "ip -n <PID> link" "$NSH" -c "ip -n $out link show v1"
ip netns del held
kill $out; wait $out 2>/dev/null
i=0; while ip link show v1p >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.02; i=$((i+1)); done
nok "when the process ends, its namespace and veths go (nsh pinned nothing)" ip link show v1p

# --- a name that exists wins over a number --------------------------------
unshare --net sleep 60 &
p2=$!
sleep 0.2
ip netns add "n$p2" 2>/dev/null
ok "a PID that is not a namespace name is a PID" "$NSH" -c "enter $p2 true"
kill $p2; wait $p2 2>/dev/null
ip netns del "n$p2" 2>/dev/null
nok "a PID that does not exist: error" "$NSH" -c "enter 999999 true"
like "one line naming it" "$(cat "$TMP/err")" "^enter: '999999': no namespace and no process of that name$"

# --- spawn and kill --------------------------------------------------------
cat >"$TMP/spawn.nsh" <<'NSH'
spawn h1
spawn h2
spawn list
ip link add veth-h1 type veth peer name veth-br1
ip link set veth-h1 netns h1
enter h1
ip link set veth-h1 up
ip addr add 10.8.0.1/24 dev veth-h1
readlink /proc/self/ns/net
leave
sh -c 'readlink /proc/$PPID/ns/net'
ip -n h1 addr show veth-h1
NSH
ok "spawn two labelled namespaces, move a veth by label, enter it" \
	"$NSH" -f "$TMP/spawn.nsh"
like "spawn prints the label and the PID" "$(cat "$TMP/out")" "^h1: pid [0-9]+$"
like "spawn list lists both" "$(cat "$TMP/out")" "^h2	pid [0-9]+$"
h1=$(sed -n 's/^h1: pid //p' "$TMP/out")
in_h1=$(grep '^net:' "$TMP/out" | sed -n 1p)
after=$(grep '^net:' "$TMP/out" | sed -n 2p)
like "inside h1, programs run in a namespace" "$in_h1" "^net:\[[0-9]+\]$"
like "after leave, nsh is back in its own" "$after" "^net:\[[0-9]+\]$"
is "…and the two differ" "$([ "$in_h1" != "$after" ] && echo differ)" "differ"
like "ip -n LABEL works" "$(cat "$TMP/out")" "10\.8\.0\.1/24"
is "nothing is left running when nsh exits" \
	"$(mine -x nsh-holder | wc -l)" 0

cat >"$TMP/kill.nsh" <<'NSH'
spawn k1
ip link add veth-k type veth peer name veth-kb
ip link set veth-k netns k1
ip -n k1 link set veth-k up
kill k1
ip link add veth-k type veth peer name veth-kb
spawn list
NSH
ok "kill LABEL, then re-create the same names on the next line" \
	"$NSH" -f "$TMP/kill.nsh"
is "kill removed the label" "$(cat "$TMP/out" | grep -c '^k1')" 1
printf 'spawn j1\nspawn list -j\n' >"$TMP/j.nsh"
ok "spawn list -j" "$NSH" -f "$TMP/j.nsh"
is "…is JSON with the label and its PID (and spawns nothing called list)" \
	"$(sed 1d "$TMP/out" | python3 -c 'import json,sys; print([(e["label"], type(e["pid"]).__name__) for e in json.load(sys.stdin)])')" \
	"[('j1', 'int')]"
ip link del veth-k 2>/dev/null

nok "kill of an unknown label falls back to the kill program" "$NSH" -c 'kill nosuchlabel'
ok "kill PID (the program) still works" sh -c "sleep 30 & p=\$!; \"$NSH\" -c \"kill \$p\"; wait \$p; [ \$? -ne 0 ]"
nok "the tutorial's <PID1> placeholder" "$NSH" -c 'enter <PID1>'
is "…one line with a hint about spawn (as sh, < and > are redirections there)" "$(cat "$TMP/err")" \
	"column 7: '<PID1>' is the tutorial's placeholder: write the real name or PID ('spawn ns1' makes a process-held namespace and names it)"
nok "a quoted placeholder reaches enter" "$NSH" -c "enter '<PID1>'"
is "…which gives the same hint" "$(cat "$TMP/err")" \
	"enter: '<PID1>': no such namespace (the tutorial's placeholder: 'spawn ns1' makes a process-held namespace and names it)"
nok "spawn with a bad label" "$NSH" -c 'spawn ../x'
like "one line, the label's reason" "$(cat "$TMP/err")" "^spawn: '\.\./x': "
ip netns add taken
nok "spawn with a label that is a namespace name" "$NSH" -c 'spawn taken'
like "says so" "$(cat "$TMP/err")" "^spawn: 'taken': a namespace of that name exists$"
ip netns del taken
printf 'spawn p1 sh -c "readlink /proc/self/ns/net > %s/p1ns"\nsleep 0.3\n' "$TMP" >"$TMP/p1.nsh"
ok "spawn PROGRAM runs it in the new namespace" "$NSH" -f "$TMP/p1.nsh"
like "…a namespace" "$(cat "$TMP/p1ns")" "^net:\[[0-9]+\]$"
is "…not the host's" "$([ "$(cat "$TMP/p1ns")" != "$(readlink /proc/self/ns/net)" ] && echo other)" "other"
nok "spawn --terminal outside tmux and without a display says why" \
	env -u TMUX -u DISPLAY -u WAYLAND_DISPLAY "$NSH" -c 'spawn --terminal t1'
like "…that it needs tmux or a display" "$(cat "$TMP/err")" \
	"^spawn: 't1': a window needs tmux \(TMUX is not set\) or a display; use 'enter t1'$"
ip netns add xt
nok "xterm NS outside tmux and without a display says why" \
	env -u TMUX -u DISPLAY -u WAYLAND_DISPLAY "$NSH" -c 'xterm xt'
is "…in one line" "$(cat "$TMP/err")" \
	"xterm: 'xt': a window needs tmux (TMUX is not set) or a display; use 'enter xt'"
env -u TMUX "$NSH" -c 'xterm nosuch' >/dev/null 2>"$TMP/err"
is "xterm with a word that names no namespace is the xterm program (not installed: 127)" \
	"$? $(cat "$TMP/err")" "127 xterm: command not found"
ip netns del xt
# a label another live session spawned is known from its journal: a second
# nsh (nsh --check, nsh -c) finds the namespace (issue 12)
nsh_i_start
ask "spawn lab5" >/dev/null
lab5=$(pgrep -n -P "$NSHPID" -x nsh-holder)
ok "a second nsh enters the first one's spawned label" \
	"$NSH" -c 'enter lab5 readlink /proc/self/ns/net'
is "… its namespace" "$(cat "$TMP/out")" "$(readlink "/proc/$lab5/ns/net")"
printf 'expect link lab5:lo down\n' >"$TMP/x.nsh"
ok "nsh --check knows the label too" "$NSH" --check "$TMP/x.nsh"
ask "kill lab5" >/dev/null
nok "once killed, the label is gone for the second nsh" \
	"$NSH" -c 'enter lab5 true'
is "… which says so" "$(cat "$TMP/err")" \
	"enter: 'lab5': no such namespace"
nsh_i_stop
done_testing
