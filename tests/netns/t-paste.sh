#!/bin/sh
# Issue 12, acceptance 1: the seed tutorials' code blocks, pasted whole at
# the prompt of a terminal (tmux, bracketed paste on: readline 8.2's
# default), `sudo` and trailing blanks included, run every line; the
# kernel state equals bash + iproute2's for the same lines (tests/state.py).
#
# The blocks are in tests/paste/, copied verbatim from the two seeds
# (blocks separated by a line `%%`): seed 000's Method A and Method B, and
# seed 001's host blocks, its namespaces' blocks pasted after `enter`.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

if ! command -v tmux >/dev/null; then
	skip "tmux is not installed"
	done_testing
	exit
fi
. "$top_srcdir/tests/tmux.sh"
export TMP
P="$top_srcdir/tests/paste"
: >"$TMP/inputrc"

# block N (from 1) of FILE, blocks separated by `%%` lines
block() { awk -v n="$2" '/^%%$/ { k++; next } k + 1 == n' "$1"; }
nblocks() { echo $(($(grep -c '^%%$' "$1") + 1)); }

# wait (up to 20 s: the ping blocks take 2 s each) for a line matching RE
wait_long() {
	_i=0
	while [ $_i -lt 1000 ]; do
		pane_all | grep -Eq -- "$1" && return 0
		sleep 0.02
		_i=$((_i + 1))
	done
	return 1
}

# paste TEXT (bracketed), press Enter, then wait until it has all run
marks=0
paste_text() {
	tm set-buffer -- "$1"
	tm paste-buffer -p
	tm send-keys Enter
	# the block's last line shown as run (after its prompt; or the line
	# saying bash runs it) before the marker is typed: typed sooner, a
	# busy machine shows it in the middle of the block's lines
	_last=$(printf '%s\n' "$1" | sed '/^[[:space:]]*$/d' | tail -n 1 |
		sed 's/[[:space:]]*$//')
	_i=0
	while [ $_i -lt 1000 ] && ! pane_all |
		grep -Fq -e "> $_last" -e "bash runs the script"; do
		sleep 0.02
		_i=$((_i + 1))
	done
	marks=$((marks + 1))
	type_ "echo pasted-$marks"
	tm send-keys Enter
	wait_long "^pasted-$marks\$" || { show_pane; return 1; }
}
typed() {	# LINE: typed and run
	marks=$((marks + 1))
	type_ "$1"
	tm send-keys Enter
	type_ "echo typed-$marks"
	tm send-keys Enter
	wait_long "^typed-$marks\$" || { show_pane; return 1; }
}
start_nsh() {
	tm kill-server 2>/dev/null
	_i=0	# a busy machine: tmux may need a second try
	until tm new-session -d -x 200 -y 50 \
		"cd '$TMP' && HOME='$TMP' INPUTRC='$TMP/inputrc' TERM=screen ${NSH_ENV:-} '$NSH' --sandbox; sleep 60" ||
		[ $_i -ge 5 ]; do
		sleep 0.5
		_i=$((_i + 1))
	done
	wait_pane '^nsh> ?$' >/dev/null
	nshpid=$(pgrep -P "$(tm list-panes -F '#{pane_pid}' | head -n 1)" -x nsh |
		head -n 1)
}
# the kernel state of nsh's sandbox
nsh_state() { nsenter -t "$nshpid" -m -n python3 "$top_srcdir/tests/state.py" "$@"; }

# ---------------------------------------------------------------- seed 000

start_nsh
ok_all=0
for f in seed000-method-a seed000-method-b; do
	n=$(nblocks "$P/$f.txt")
	k=1
	while [ $k -le "$n" ]; do
		paste_text "$(block "$P/$f.txt" $k)" || ok_all=1
		k=$((k + 1))
	done
done
is "seed 000: every code block of Method A and Method B pasted and run" "$ok_all" 0
is "… no pasted line failed (no paste:LINE: message)" \
	"$(pane_all | grep -c '^paste:')" 0
like "… the pings passed (Method A and B)" "$(pane_all | grep -c ' 0% packet loss')" '^4$'
like "… each line shown after its prompt, sudo and all" "$(pane_all)" \
	'^nsh> sudo ip link set veth-br1 master br0$'
nsh_state >"$TMP/nsh0.state"

cat "$P/seed000-method-a.txt" "$P/seed000-method-b.txt" | grep -v '^%%$' |
	sed 's/^sudo //' >"$TMP/seed000.sh"
ok "the same lines by bash + iproute2 (reference, in a twin sandbox)" \
	unshare --net --mount --propagation private -- sh -c '
	mount -t tmpfs tmpfs /run && sh -e "$1" >/dev/null &&
	python3 "$2/tests/state.py" >"$3"' twin "$TMP/seed000.sh" \
	"$top_srcdir" "$TMP/ip0.state"
is "seed 000 pasted: the kernel state equals bash + iproute2's" \
	"$(cat "$TMP/nsh0.state")" "$(cat "$TMP/ip0.state")"
like "… and it is the bridge lab" "$(cat "$TMP/ip0.state")" '"veth-br2"'

# ---------------------------------------------------------------- seed 001

start_nsh
host="$P/seed001-host.txt"
paste_text "$(block "$host" 1)"
typed "spawn ns1"
typed "spawn ns2"
set -- $(pgrep -P "$nshpid" -x nsh-holder | sort -n)
C1=${1:-0} C2=${2:-0}
ok "spawn ns1, spawn ns2: two process-held namespaces" \
	test "$C1" -gt 0 -a "$C2" -gt 0

# pasted as the tutorial prints it: the placeholder stops the whole block
# before anything runs, with the hint
paste_text "$(block "$host" 2)"
like "a block with the tutorial's <PID1> is refused with the hint" "$(pane_all)" \
	"^paste:2: .*'<PID1>' is the tutorial's placeholder: .*'spawn ns1'"
nok "… and nothing of it ran (no veth-ns1)" \
	nsenter -t "$nshpid" -n ip link show veth-ns1

ok_all=0
paste_text "$(block "$host" 2 | sed "s/<PID1>/$C1/")" || ok_all=1
typed "enter ns1" || ok_all=1
paste_text "$(cat "$P/seed001-ns1.txt")" || ok_all=1
typed "exit" || ok_all=1
paste_text "$(block "$host" 3 | sed "s/<PID2>/$C2/")" || ok_all=1
typed "enter ns2" || ok_all=1
paste_text "$(cat "$P/seed001-ns2.txt")" || ok_all=1
typed "exit" || ok_all=1
paste_text "$(block "$host" 4)" || ok_all=1
is "seed 001: the host blocks (PIDs filled in) and the namespaces' blocks run" \
	"$ok_all" 0
is "… no pasted line failed after the placeholder one" \
	"$(pane_all | grep -c '^paste:')" 1
like "… the namespaces' blocks ran inside them (prompt nsh[ns1]>)" "$(pane_all)" \
	'^nsh\[ns1\]> ip addr add 10.200.0.1/24 dev veth-ns1$'
nsh_state ns1=pid:"$C1" ns2=pid:"$C2" >"$TMP/nsh1.state"

{
	echo 'unshare --net --fork sleep 600 & P1=$!'
	echo 'unshare --net --fork sleep 600 & P2=$!'
	echo 'sleep 0.3; C1=$(pgrep -P $P1); C2=$(pgrep -P $P2)'
	echo "trap 'kill \$C1 \$C2 2>/dev/null; wait' EXIT"
	block "$host" 1
	block "$host" 2 | sed 's/<PID1>/$C1/'
	echo 'nsenter -t $C1 -n sh -e <<EOF'
	cat "$P/seed001-ns1.txt"
	echo 'EOF'
	block "$host" 3 | sed 's/<PID2>/$C2/'
	echo 'nsenter -t $C2 -n sh -e <<EOF'
	cat "$P/seed001-ns2.txt"
	echo 'EOF'
	block "$host" 4
	echo "python3 '$top_srcdir/tests/state.py' ns1=pid:\$C1 ns2=pid:\$C2 >'$TMP/ip1.state'"
} | sed 's/^sudo //' >"$TMP/seed001.sh"
ok "the same lines by hand: unshare processes, bash + iproute2 (reference)" \
	unshare --net --mount --propagation private -- sh -c '
	mount -t tmpfs tmpfs /run && exec sh -e "$1" >/dev/null' twin \
	"$TMP/seed001.sh"
is "seed 001 pasted: the kernel state equals the state by hand" \
	"$(cat "$TMP/nsh1.state")" "$(cat "$TMP/ip1.state")"
like "… and it is the bridge lab" "$(cat "$TMP/ip1.state")" '"peer": "ns2:veth-ns2"'

# ------------------------------------------------- a block with a loop
# (a tutorial's `for ns in …; do … done`): bash runs the block here, with
# nsh's ip; the kernel has what it made
start_nsh
paste_text "$(printf '%s\n' 'sudo ip link add brl type bridge' \
	'for ns in l1 l2; do' '  sudo ip netns add "$ns"' \
	'  sudo ip link add "v-$ns" type veth peer name "v-$ns-br"' \
	'  sudo ip link set "v-$ns-br" master brl' \
	'  sudo ip link set "v-$ns" netns "$ns"' 'done')"
is "a pasted block with a for loop: it came back to the prompt" "$?" 0
is "a pasted block with a for loop: its namespaces made (nsh's kernel)" \
	"$(nsenter -t "$nshpid" -m -n ip netns list | cut -d' ' -f1 | sort | tr '\n' ' ')" "l1 l2 "
is "… its ports on the bridge" \
	"$(nsenter -t "$nshpid" -n ip -br link show master brl | cut -d@ -f1 | sort | tr '\n' ' ')" \
	"v-l1-br v-l2-br "
like "… and a line says bash ran it" "$(pane_all)" "bash runs the script, nsh its ip"

# ---------------------------------------------------------------- history
# appended after every line, as bash does: a SIGKILL loses nothing
NSH_ENV="NSH_HISTFILE='$TMP/hist'"
start_nsh
typed "ip netns add hist1"
typed "echo kept after kill"
kill -KILL "$nshpid"
is "history: every line typed is in NSH_HISTFILE after kill -9" \
	"$(grep -v '^echo typed-' "$TMP/hist" | tr '\n' '|')" \
	"ip netns add hist1|echo kept after kill|"
start_nsh
tm send-keys Up Up
wait_pane '^nsh> echo kept after kill$' >/dev/null
like "… and the next session has them (Up)" "$(pane | grep -v '^$' | tail -n 1)" \
	'^nsh> echo kept after kill$'
tm send-keys C-c

tm kill-server 2>/dev/null
done_testing
