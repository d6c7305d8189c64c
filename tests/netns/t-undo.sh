#!/bin/sh
# Undo at the prompt (issue 16): checkpoint, checkpoints, undo, reset.
# In one `nsh -i` session: a lab (a bridge, two namespaces with veths,
# addresses and routes), a checkpoint, three changes (one by nsh, one by
# the outside ip, one deletion), `undo`: the kernel state (tests/state.py,
# iproute2's view) must equal the checkpoint's, string for string; `reset`
# goes back to the session's empty start.  Then undo without a checkpoint
# (one command back), the errors, and --step's c and r keys.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

state >"$TMP/s0"

nsh_i_start
for l in "ip netns add ns1" "ip netns add ns2" \
	"ip link add br0 type bridge" "ip link set br0 up" \
	"ip addr add 10.50.0.1/24 dev br0" \
	"ip link add veth-br1 type veth peer name veth-ns1 netns ns1" \
	"ip link add veth-br2 type veth peer name veth-ns2 netns ns2" \
	"ip link set veth-br1 master br0" "ip link set veth-br2 master br0" \
	"ip link set veth-br1 up" "ip link set veth-br2 up" \
	"ip -n ns1 addr add 10.50.0.2/24 dev veth-ns1" \
	"ip -n ns2 addr add 10.50.0.3/24 dev veth-ns2" \
	"ip -n ns1 link set veth-ns1 up" "ip -n ns2 link set veth-ns2 up" \
	"ip -n ns1 link set lo up" "ip -n ns2 link set lo up" \
	"ip -n ns1 route add default via 10.50.0.1" \
	"ip -n ns2 route add 10.60.0.0/16 via 10.50.0.1"; do
	ask "$l" >>"$TMP/build"
done
is "the lab is built without a word" "$(cat "$TMP/build")" ""
state >"$TMP/s1"

out=$(ask "checkpoint good")
like "checkpoint names and sums up the state" "$out" \
	"^checkpoint 'good': 2 namespaces, 5 links, 3 addresses, 2 routes$"

# three changes: one by nsh, one by the outside ip, one deletion
ask "ip -n ns1 addr add 10.70.0.1/24 dev veth-ns1" >/dev/null
ip -n ns2 link set veth-ns2 mtu 1400
ip link set veth-br1 nomaster
ask "ip link del veth-br2" >/dev/null
state >"$TMP/s2"
nok "the changes changed the state" cmp -s "$TMP/s1" "$TMP/s2"

out=$(ask "undo")
like "undo says where it went" "$out" "back to checkpoint 'good'"
like "undo tells what it changed: + lines" "$out" "^  \\+ "
like "undo tells what it changed: - lines" "$out" "^  - "
like "the removed address is told" "$out" "10\\.70\\.0\\.1/24 removed from veth-ns1"
nok "no fall-back replay was needed" grep -q "could not be reached" "$TMP/nsh.out"
state >"$TMP/s3"
is "undo: the kernel state equals the checkpoint's" "$(cat "$TMP/s3")" "$(cat "$TMP/s1")"

out=$(ask "undo")
like "undo at the checkpoint: nothing to do" "$out" "already at checkpoint 'good'"

# a move: veth-ns2 to ns1, by the outside ip; undo moves it back
ip -n ns2 link set veth-ns2 netns ns1
out=$(ask "undo good")
like "a moved veth is moved back, not re-created" "$out" "veth-ns2 moved to ns2"
is "undo good after a move: the checkpoint's state" "$(state)" "$(cat "$TMP/s1")"

ask "checkpoint" >/dev/null
out=$(ask "checkpoints")
like "checkpoints lists the start" "$out" "^start +[0-9:]{8}  0 namespaces, 0 links, 0 addresses, 0 routes  \\(reset\\)$"
like "checkpoints lists a named one" "$out" "^good +[0-9:]{8}  2 namespaces, 5 links, 3 addresses, 2 routes$"
like "checkpoints lists an unnamed one, marked for undo" "$out" "^c1 +[0-9:]{8}  .*\\(undo\\)$"
like "checkpoints tells the snapshots' cost" "$out" "automatic snapshots? kept; [0-9]+ taken, [0-9]+ µs each on average"

# errors: one line, status 1, the kernel unchanged
state >"$TMP/e0"
out=$(ask 'undo nosuch; echo "rc=$?"')
like "unknown checkpoint: one line" "$out" "undo: 'nosuch': no such checkpoint \\(see 'checkpoints'\\)$"
is "unknown checkpoint: one line and status 1" "$(printf '%s\n' "$out" | sed 1d)" "rc=1"
is "unknown checkpoint: kernel unchanged" "$(state)" "$(cat "$TMP/e0")"

out=$(ask "reset")
like "reset says where it went" "$out" "back to the session's start"
is "reset: the empty lab the session began with" "$(state)" "$(cat "$TMP/s0")"
nsh_i_stop

# attributes, sysctls, a namespace deleted by the outside ip, IPv6
clean
cat >"$TMP/a.nsh" <<'EOF'
ip netns add a
ip netns add b
ip link add br0 type bridge
ip link add br1 type bridge
ip -n a link add x type veth peer name y netns b
ip link add h1 type veth peer name ha netns a
ip link set h1 master br0
ip link set br0 up
ip link set h1 up
ip link set h1 mtu 1400
ip -n a addr add 10.1.0.1/24 dev x
ip -n a addr add 10.1.0.5/24 dev x
ip -n b addr add 10.1.0.2/24 dev y
ip -n b addr add 2001:db8::2/64 dev y nodad
ip -n a link set x up
ip -n a route add 10.9.0.0/16 via 10.1.0.2
ip netns exec a sysctl -w net.ipv4.ip_forward=1
checkpoint
EOF
fwd() {
	echo "a=$(ip netns exec a cat /proc/sys/net/ipv4/ip_forward)" \
		"b=$(ip netns exec b cat /proc/sys/net/ipv4/ip_forward)"
}
nsh_i_start
while read -r l; do ask "$l"; done <"$TMP/a.nsh" >/dev/null
state >"$TMP/a1"; fwd >>"$TMP/a1"
is "the second lab is built (a forwards)" "$(fwd)" "a=1 b=0"
ip link set h1 master br1
ip -n a link set x mtu 9000
ask "ip netns exec a sysctl -w net.ipv4.ip_forward=0" >/dev/null
ip -n a route del 10.9.0.0/16
ip -n a route add 10.9.0.0/16 via 10.1.0.2 metric 5
ip -n a addr del 10.1.0.1/24 dev x
ip link set br1 up
ip netns del b
out=$(ask "undo")
like "undo after master, mtu, sysctl, route, address, namespace changes" \
	"$out" "back to checkpoint 'c1'"
state >"$TMP/a2"; fwd >>"$TMP/a2"
is "undo: the state and sysctls equal the checkpoint's" "$(cat "$TMP/a2")" "$(cat "$TMP/a1")"
ask "ip -n b link set y up" >/dev/null
out=$(ask "undo")
like "an IPv6 address the kernel dropped with 'down' is put back" "$out" \
	"2001:db8::2/64 added on y"
is "undo of 'up' on a link with IPv6: the checkpoint's state" "$(state; fwd)" "$(cat "$TMP/a1")"
nsh_i_stop

# undo without a checkpoint: the last command is taken back
clean
ip netns add u1
state >"$TMP/u0"
cat >"$TMP/u.nsh" <<'EOF'
ip -n u1 link set lo up
ip -n u1 link add d0 type veth peer name d1
ip -n u1 addr add 10.80.0.1/24 dev d0
undo
EOF
ok "nsh -f: undo without a checkpoint" "$NSH" -f "$TMP/u.nsh"
like "it says so" "$(cat "$TMP/out")" "back to the state before the last change"
is "only the last command was taken back" \
	"$(ip -n u1 -br link show d0 | cut -d' ' -f1) $(ip -n u1 -br addr show d0 | awk '{print $3}')|$(ip -n u1 -br link show lo | awk '{print $2}')" \
	"d0@d1 |UNKNOWN"
state >"$TMP/u1"
printf '%s\n' "ip -n u1 addr add 10.80.0.9/24 dev d0" "ip -n u1 link set d0 up" \
	"ip -n u1 link set d1 mtu 1400" undo undo undo >"$TMP/u2.nsh"
ok "nsh -f: three undos go three changes back" "$NSH" -f "$TMP/u2.nsh"
is "three undos: the state before the three changes" "$(state)" "$(cat "$TMP/u1")"
printf '%s\n' "ip -n u1 link set d0 up" undo undo >"$TMP/u3.nsh"
nok "nsh -f: one undo too many fails" "$NSH" -f "$TMP/u3.nsh"
like "it says there is nothing to undo" "$(cat "$TMP/err")" "nothing to undo"
rejects "undo with nothing to undo" "undo" "undo: nothing to undo"
rejects "undo of an unknown checkpoint" "undo nosuch" "'nosuch': no such checkpoint"
rejects "reset with no change" "reset" "reset: nothing to undo"

# --step: c sets a checkpoint, r returns to it
clean
cat >"$TMP/s.nsh" <<'EOF'
# keys c and r
ip netns add k1
ip -n k1 link set lo up
ip netns add k2
ip netns add k3
EOF
state >"$TMP/k0"
printf '%s\n' "" c "" "" r q | "$NSH" --step "$TMP/s.nsh" >"$TMP/so" 2>"$TMP/se"
out=$(cat "$TMP/so")
like "--step c: a checkpoint" "$out" "checkpoint 'step-2'"
like "--step r: back to it" "$out" "back to checkpoint 'step-2'"
like "--step r: and to its step" "$(sed -n '/back to checkpoint/,$p' "$TMP/so")" "^\\[2/4\\] nsh> ip -n k1 link set lo up$"
like "--step r: what changed is told" "$out" "^  - namespace k2$"
like "--step: the key help names c and r" "$out" "\\[c\\]heckpoint  \\[r\\]eturn"
is "--step r: the state at c" "$(ip netns list | awk '{print $1}' | tr '\n' ' ')" "k1 "
is "--step r: k1's lo is down again" "$(ip -n k1 -br link show lo | awk '{print $2}')" "DOWN"

done_testing
