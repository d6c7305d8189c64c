#!/bin/sh
# Seed 001 in one session: scripts/seed001.nsh run with `nsh --sandbox -f`
# succeeds, its ping passes, and the kernel state it builds matches seed
# 001's commands run by hand with real `unshare --net --fork` processes
# (the host's commands as written, the namespaces' through nsenter, as if
# typed in their terminals).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

export TMP
seed="$top_srcdir/scripts/seed001.nsh"
ok "nsh --sandbox -f scripts/seed001.nsh" "$NSH" --sandbox -f "$seed"
like "its ping passes" "$(cat "$TMP/out")" "3 packets transmitted, 3 received"
like "show path explains the flow" "$(cat "$TMP/out")" \
	"ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔ ns2:veth-ns2"

# the state before the cleanup, with nsh: capture it from inside the
# session, while the spawned holders live (ns1 is spawned first)
n=$(grep -n '^## Cleanup' "$seed" | cut -d: -f1)
head -n $((n - 1)) "$seed" | grep -v '^show path' > "$TMP/build.nsh"
cat >> "$TMP/build.nsh" <<NSH
sh -c 'set -- \$(pgrep -P \$PPID -x nsh-holder | sort -n); python3 "$top_srcdir/tests/state.py" ns1=pid:\$1 ns2=pid:\$2 > "$TMP/nsh.state"'
NSH
ok "nsh builds seed 001's lab (up to the cleanup)" \
	unshare --net --mount --propagation private -- sh -c \
	'mount -t tmpfs tmpfs /run && exec "$0" -f "$1"' "$NSH" "$TMP/build.nsh"

# by hand, in a twin sandbox: two real unshare processes, PIDs noted
cat > "$TMP/byhand.sh" <<'SH'
set -e
unshare --net --fork sleep 600 & P1=$!
unshare --net --fork sleep 600 & P2=$!
sleep 0.3
# the sleeping child of each unshare holds the namespace; unshare --fork
# ignores SIGTERM, so it is the children that are ended (also on an error)
C1=$(pgrep -P $P1); C2=$(pgrep -P $P2)
trap 'kill $C1 $C2 2>/dev/null; wait' EXIT
in1() { nsenter -t $C1 -n "$@"; }
in2() { nsenter -t $C2 -n "$@"; }
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.200.0.254/24 dev br0
ip link add veth-ns1 type veth peer name veth-br1
ip link set veth-ns1 netns $C1
ip link set veth-br1 master br0
ip link set veth-br1 up
in1 ip link set veth-ns1 up
in1 ip addr add 10.200.0.1/24 dev veth-ns1
in1 ip link set lo up
ip link add veth-ns2 type veth peer name veth-br2
ip link set veth-ns2 netns $C2
ip link set veth-br2 master br0
ip link set veth-br2 up
in2 ip link set veth-ns2 up
in2 ip addr add 10.200.0.2/24 dev veth-ns2
in2 ip link set lo up
sysctl -qw net.bridge.bridge-nf-call-iptables=0
sysctl -qw net.bridge.bridge-nf-call-arptables=0
sysctl -qw net.bridge.bridge-nf-call-ip6tables=0
in1 ping -c 3 -q 10.200.0.2 >/dev/null
python3 "$top_srcdir/tests/state.py" ns1=pid:$C1 ns2=pid:$C2 > "$TMP/hand.state"
SH
ok "the same by hand with unshare and iproute2 (reference)" \
	unshare --net --mount --propagation private -- sh -c \
	'mount -t tmpfs tmpfs /run && exec sh "$0"' "$TMP/byhand.sh"
is "and its unshare processes are gone" \
	"$(pgrep -f "unshare --net --fork sleep 600" | wc -l)" 0
is "the kernel state after nsh equals the state by hand" \
	"$(cat "$TMP/nsh.state")" "$(cat "$TMP/hand.state")"
like "and it is the bridge lab" "$(cat "$TMP/hand.state")" '"peer": "ns2:veth-ns2"'
done_testing
