#!/bin/sh
# Guided replay (issue 5): `nsh --step LAB` shows each command's narration
# and the command, runs it on Enter, tells what changed in the model, and
# `b` restores the lab to its state before the step (checked with ip -j
# through tests/state.py).  First in a real terminal (tmux), then the other
# keys with keys from a pipe.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

lab="$top_srcdir/scripts/lab06.nsh"

# ---------------------------------------------------------------- pipe
# keys from a pipe: the same loop, without readline
cat >"$TMP/l.nsh" <<'EOF'
# A small lab for the keys.

## Part one

# Two namespaces.
ip netns add p1
ip netns add p2
say Now a bridge.
label bridge
# The bridge.
ip link add pbr type bridge
pause
ip link set pbr up
label end
ip link set nosuch up
ip netns add p3
EOF

# step KEYS…: run --step on l.nsh with one key per line
step() {
	printf '%s\n' "$@" | "$NSH" --step "$TMP/l.nsh" >"$TMP/so" 2>"$TMP/se"
}

step "" "" q
is "Enter Enter q: two steps run, exit 0" "$? $(ip netns list | awk '{print $1}' | sort | tr '\n' ' ')" "0 p1 p2 "
out=$(cat "$TMP/so")
like "the file's opening comment is shown" "$out" "^A small lab for the keys\\.$"
like "a ## heading starts a section" "$out" "^== Part one ==$"
like "the comment above a command is its narration" "$out" "^    Two namespaces\\.$"
like "the command is shown as at the prompt" "$out" "^\\[1/8\\] nsh> ip netns add p1$"
like "what changed is told" "$out" "^  \\+ namespace p1$"
nok "q stops before the third step" grep -q "^\\[3/8\\]" "$TMP/so"
ip netns del p1; ip netns del p2

step s "" q
is "s skips: only the second step ran" "$(ip netns list | awk '{print $1}' | tr '\n' ' ')" "p2 "
ip netns del p2

step "" "" "" "" q
out=$(cat "$TMP/so")
like "say prints its text, with no key" "$out" "^Now a bridge\\.$"
like "pause waits for Enter" "$out" "press Enter to go on"
like "the bridge step tells the new link" "$out" "\\+ host: link pbr added \\(bridge\\)"
nok "the pause took the key: 'ip link set pbr up' has not run" sh -c 'ip -o link show pbr | grep -q "state UP\|,UP"'
"$NSH" -c cleanup >/dev/null

step "g end" q
like "g LABEL forward: the steps between ran, quietly" \
	"$(ip netns list | awk '{print $1}' | sort | xargs) $(ip -j link show pbr | python3 -c 'import json,sys; print("UP" in json.load(sys.stdin)[0]["flags"])')" \
	"^p1 p2 True$"
nok "… without telling each change" grep -q "namespace p1" "$TMP/so"
like "… and shows the step after the label" "$(cat "$TMP/so")" "\\[7/8\\] nsh> ip link set nosuch up"
"$NSH" -c cleanup >/dev/null

step "" "" "" "g bridge" q
is "g LABEL backward restores: the bridge step has not run" \
	"$(ip netns list | awk '{print $1}' | sort | tr '\n' ' ')$(ip link show pbr 2>/dev/null)" "p1 p2 "
like "… and says so" "$(cat "$TMP/so")" "lab restored to before step 4"
"$NSH" -c cleanup >/dev/null

step "g nolabel" q
like "g with an unknown label says so" "$(cat "$TMP/so")" "no line 'label nolabel'"
step x q
like "an unknown key lists the keys" "$(cat "$TMP/so")" "keys: Enter, s, b, g LABEL, !, q"

step "g end" "" "" q
st=$?
like "a failing step reports FILE:LINE" "$(cat "$TMP/se")" "l\\.nsh:15: ip link set: 'nosuch': "
is "… the lab goes on, and exits 1" "$st $(ip netns list | awk '{print $1}' | sort | tr '\n' ' ')" "1 p1 p2 p3 "
"$NSH" -c cleanup >/dev/null

step "" "!" "ip link add bang0 type bridge" "ip -o link show bang0" "exit" "b" q
like "! opens a live prompt, exit comes back" "$(cat "$TMP/so")" "back in the lab"
like "… where bang0 was made first" "$(cat "$TMP/so")" "^[0-9]+: bang0: <"
nok "b after ! undoes what was done there too" ip link show bang0
is "… and the step before it" "$(ip netns list)" ""
"$NSH" -c cleanup >/dev/null

printf 'ip netns add ../x\n' >"$TMP/bad.nsh"
nok "--step checks the whole lab first" "$NSH" --step "$TMP/bad.nsh"
like "… FILE:LINE of the bad line" "$(cat "$TMP/err")" "bad\\.nsh:1: "
nok "--step with -f is a usage error" "$NSH" --step "$TMP/l.nsh" -f "$TMP/l.nsh"

# ---------------------------------------------------------------- explain
# --explain: the iproute2 line for each nsh-native command.  The proof: a
# shell script made of the explained lines (and of the ip lines typed at
# the host, already iproute2) builds the same kernel state with ip alone.
cat >"$TMP/e.nsh" <<'EOF'
ip netns add e1
ip netns add e2
ip link add ev1 type veth peer name ev2
ip link set ev1 netns e1
ip link set ev2 netns e2
enter e1
ip addr add 10.5.0.1/24 dev ev1
ip link set ev1 up
ip link set lo up
sysctl -w net.ipv4.ip_forward=1
leave
enter e2
ip addr add 10.5.0.2/24 dev ev2
ip link set ev2 up
ip route add default via 10.5.0.1
leave
spawn h1
kill h1
expect reach e2 e1
EOF
ok "nsh --explain -x -f" "$NSH" --explain -x -f "$TMP/e.nsh"
cp "$TMP/out" "$TMP/ex"
like "enter: ip netns exec NS bash" "$(cat "$TMP/ex")" "^  # iproute2: ip netns exec e1 bash$"
like "ip inside a namespace: ip -n NS" "$(cat "$TMP/ex")" "^  # iproute2: ip -n e2 route add default via 10\\.5\\.0\\.1$"
like "sysctl inside: ip netns exec NS sysctl" "$(cat "$TMP/ex")" "^  # iproute2: ip netns exec e1 sysctl -w net\\.ipv4\\.ip_forward=1$"
like "spawn: unshare --net --fork" "$(cat "$TMP/ex")" "^  # iproute2: unshare --net --fork sleep infinity &"
like "kill LABEL: kill PID" "$(cat "$TMP/ex")" "^  # iproute2: kill [0-9]+$"
like "expect reach: a ping to the namespace's address" "$(cat "$TMP/ex")" "^  # iproute2: ip netns exec e2 ping -c 1 -W 1 10\\.5\\.0\\.1 "
is "ip at the host is iproute2 already: no line" \
	"$(grep -A1 '^nsh> ip netns add e1$' "$TMP/ex" | sed -n 2p)" "nsh> ip netns add e2"
state >"$TMP/e.state"
"$NSH" -c cleanup >/dev/null
# the script: each command's explanation, or the command itself
awk '/^nsh(\[[^]]*\])?> /{ if (cmd != "") print cmd; sub(/^nsh(\[[^]]*\])?> /, ""); cmd = $0; next }
     /^  # iproute2: /{ sub(/^  # iproute2: /, ""); sub(/   \(.*$/, ""); cmd = $0; next }
     END { if (cmd != "") print cmd }' "$TMP/ex" |
	grep -Ev '^(ip netns exec e[12] bash|exit|unshare|kill|ip netns exec e2 ping)' >"$TMP/e.sh"
ok "the explained lines run as a shell script (ip, sysctl)" sh -e "$TMP/e.sh"
is "… and give the same kernel state as nsh (ip -j)" "$(state)" "$(cat "$TMP/e.state")"
clean

# ---------------------------------------------------------------- terminal
if ! command -v tmux >/dev/null 2>&1; then
	skip "tmux is not installed: no terminal tests"
	done_testing
	exit
fi
. "$top_srcdir/tests/tmux.sh"
# wait_n REGEX N: until at least N lines of the screen's history match
wait_n() {
	_i=0
	while [ $_i -lt 200 ]; do
		[ "$(pane_all | grep -Ec -- "$1")" -ge "$2" ] && return 0
		sleep 0.02
		_i=$((_i + 1))
	done
	show_pane
	return 1
}
# key K, then wait for REGEX to have been seen N times
key() {
	if [ "$1" = Enter ]; then tm send-keys Enter; else type_ "$1"; tm send-keys Enter; fi
	wait_n "$2" "$3"
}

: >"$TMP/inputrc"
tm new-session -d -x 150 -y 50 \
	"cd '$TMP' && HOME='$TMP' INPUTRC='$TMP/inputrc' TERM=screen '$NSH' --step '$lab'; echo nsh-exited-\$?; sleep 30"
if wait_pane '^\[1/35\] nsh> ip netns add ns1$'; then _tap 0 "tmux: the first command is shown"; else
	_tap 1 "tmux: the first command is shown"; show_pane
fi
like "tmux: with its section heading" "$(pane_all)" "== Method A: a direct veth cable between two namespaces =="
like "tmux: and its narration" "$(pane_all)" "    Step 1: two empty network namespaces - each one is a private network"
key Enter '^\[2/35\]' 1
like "tmux: Enter runs it: the model diff appears" "$(pane_all)" "^  \\+ namespace ns1$"
like "tmux: the kernel has ns1" "$(ip netns list)" "^ns1"
key Enter '^\[3/35\]' 1
key Enter '^\[4/35\]' 1
like "tmux: the veth pair is told" "$(pane_all)" "\\+ host: link veth1 added \\(veth ↔ host:veth2\\)"
key Enter '^\[5/35\]' 1
like "tmux: the move is told" "$(pane_all)" "host: veth1 moved to ns1"
key Enter '^\[6/35\]' 1
state >"$TMP/s5"
key Enter '^\[7/35\]' 1
like "tmux: the address is told" "$(pane_all)" "\\+ ns1: 10\\.200\\.10\\.1/16 added on veth1"
like "tmux: and is in the kernel" "$(ip -n ns1 -j addr show veth1)" '"local":"10\.200\.10\.1","prefixlen":16'
state >"$TMP/s6"
key Enter '^\[8/35\]' 1
like "tmux: step 7 ran" "$(ip -n ns2 -j addr show veth2)" '"local":"10\.200\.10\.2"'
key b 'lab restored to before step 7' 1
is "tmux: b restores the state before step 7 (ip -j)" "$(state)" "$(cat "$TMP/s6")"
key b 'lab restored to before step 6' 1
is "tmux: b again: the state before step 6 (ip -j)" "$(state)" "$(cat "$TMP/s5")"
nok "tmux: … ns1 has no address" sh -c "ip -n ns1 addr show veth1 | grep -q 'inet '"
key Enter '^\[7/35\]' 3
like "tmux: Enter runs step 6 again" "$(ip -n ns1 -j addr show veth1)" '"local":"10\.200\.10\.1"'
tm send-keys '!' Enter
wait_n 'a live prompt' 1 >/dev/null
wait_n '^nsh> ?$' 1 >/dev/null
type_ "ip link add zz0 type bridge"; tm send-keys Enter
type_ "exit"; tm send-keys Enter
if wait_n 'back in the lab' 1; then _tap 0 "tmux: ! opens a live prompt, exit returns"; else
	_tap 1 "tmux: ! opens a live prompt, exit returns"
fi
ok "tmux: what was done at the prompt is in the kernel" ip link show zz0
key b 'lab restored to before step 6' 2
is "tmux: b undoes the prompt's work and step 6 (ip -j)" "$(state)" "$(cat "$TMP/s5")"
type_ q; tm send-keys Enter
if wait_pane '^nsh-exited-0$'; then _tap 0 "tmux: q quits (status 0)"; else
	_tap 1 "tmux: q quits (status 0)"; show_pane
fi
done_testing
