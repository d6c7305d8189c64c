#!/bin/sh
# why: why one namespace cannot reach another, checked on seed 001's bridge
# lab (made with `ip netns add`, and once with `spawn` labels in one nsh
# script) and on a routed lab (ns1 - r1 - ns2, two subnets).  Each fault
# is made with iproute2; `why` must name it and print a fix; the fix is run
# through nsh, the kernel is checked with iproute2, and `why` must say
# "reaches" again (a real ICMP echo answered).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# ---------------------------------------------------------------- helpers
# why ARGS…: run `nsh -c 'why ARGS'`: stdout in $out, stderr in $err,
# status in $rc, the printed fix (without "fix: ") in $fix
why() {
	"$NSH" -c "why $*" > "$TMP/why.out" 2> "$TMP/why.err"
	rc=$?
	out=$(cat "$TMP/why.out")
	err=$(cat "$TMP/why.err")
	fix=$(sed -n 's/^fix: //p' "$TMP/why.out")
	sed 's/^/# why: /' "$TMP/why.out"
}

# reaches DESC FROM TARGET WANT [LABEL]: `why FROM TARGET` answers, exit
# 0, one line "LABEL reaches WANT: N ms" (LABEL: FROM)
reaches() {
	why "$2" "$3"
	is "$1: exit 0" "$rc" 0
	like "$1: reaches" "$out" "^${5:-$2} reaches $4: [0-9]+\.[0-9]+ ms\$"
}

# broken DESC FROM TARGET CAUSE FIX: `why` exits 0 (a view: it answers;
# `expect` is the assertion), its first line names
# CAUSE (a regex, after "cannot reach …: "), and its fix is FIX exactly
broken() {
	why "$2" "$3"
	is "$1: exit 0" "$rc" 0
	like "$1: names the cause" "$(printf '%s\n' "$out" | head -1)" \
		"^$2 cannot reach [^ ]+( \\([^)]*\\))?: $4\$"
	is "$1: the fix" "$fix" "$5"
}

# apply DESC: run the printed fix through nsh
apply() {
	ok "$1: the fix runs in nsh ($fix)" \
		sh -c '[ -n "$1" ] && "$NSH" -c "$1"' sh "$fix"
}

# flags NS LINK: the link's flags as iproute2 sees them
flags() {
	ip ${1:+-n "$1"} -j link show "$2" | python3 -c '
import json, sys; print(",".join(json.load(sys.stdin)[0]["flags"]))'
}

# ---------------------------------------------------------------- bridge lab
# seed 001 with named namespaces: br0 10.200.0.254/24 on the host, ns1
# 10.200.0.1/24 and ns2 10.200.0.2/24 behind veth pairs
ip netns add ns1
ip netns add ns2
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.200.0.254/24 dev br0
for i in 1 2; do
	ip link add veth-ns$i type veth peer name veth-br$i
	ip link set veth-ns$i netns ns$i
	ip link set veth-br$i master br0
	ip link set veth-br$i up
	ip -n ns$i link set veth-ns$i up
	ip -n ns$i addr add 10.200.0.$i/24 dev veth-ns$i
	ip -n ns$i link set lo up
done

reaches "working lab" ns1 ns2 '10\.200\.0\.2 \(ns2:veth-ns2\)'
is "working lab: one line" "$(printf '%s\n' "$out" | wc -l)" 1
ok "working lab: the kernel agrees (ping)" \
	ip netns exec ns1 ping -c 1 -W 1 10.200.0.2
reaches "to the host" ns1 host '10\.200\.0\.254 \(host:br0\)'
reaches "to an address" ns2 10.200.0.1 '10\.200\.0\.1 \(ns1:veth-ns1\)'

"$NSH" -c 'why ns1 ns2 -j' > "$TMP/j.out"
ok "-j: valid JSON" python3 -m json.tool "$TMP/j.out"
is "-j: reachable, rtt, checks, no cause or fix" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
c = d["checks"]
print(d["reachable"], isinstance(d["rtt_ms"], float) and d["rtt_ms"] > 0,
      d["cause"], d["fix"], d["address"],
      len(c) > 5 and all(sorted(x) == ["check", "detail", "ok"] for x in c),
      all(x["ok"] for x in c),
      [x["check"] for x in c if x["check"].startswith("link ")])' "$TMP/j.out")" \
	"True True None None 10.200.0.2 True True ['link ns1:veth-ns1', 'link host:veth-br1', 'link host:br0', 'link host:veth-br2', 'link ns2:veth-ns2']"

# (a) a bridge port down
ip link set veth-br2 down
broken "(a) port down" ns1 ns2 'veth-br2 \(host\) is down' \
	"ip link set veth-br2 up"
like "(a) the path is shown" "$out" \
	'^  path: ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔ ns2:veth-ns2$'
like "(a) the probe got nothing" "$out" '^  probe: no answer within 1 s$'
is "(a) bridge netfilter is not blamed for it" \
	"$(printf '%s\n' "$out" | grep -c bridge-nf)" 0
"$NSH" -c 'why ns1 ns2 -j' > "$TMP/j.out"
is "(a) -j: not reachable, the cause and the same fix" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
bad = [c["check"] for c in d["checks"] if not c["ok"]]
print(d["reachable"], d["rtt_ms"], d["cause"], d["fix"], bad[:1])' "$TMP/j.out")" \
	"False None veth-br2 (host) is down ip link set veth-br2 up ['link host:veth-br2']"
apply "(a)"
like "(a) the kernel: veth-br2 is up" "$(flags "" veth-br2)" '(^|,)UP(,|$)'
reaches "(a) mended" ns1 ns2 '10\.200\.0\.2 \(ns2:veth-ns2\)'

# the same, while ns1 still waits for an ARP answer from the failed
# attempt (INCOMPLETE for 3 s, its last request 2 s in): a probe sent
# after the fix must not queue behind that entry and be dropped with it
ip -n ns1 neigh flush all
ip link set veth-br2 down
why ns1 ns2
is "(a) unresolved: exit 0" "$rc" 0
like "(a) unresolved: the kernel: ns1's entry is INCOMPLETE" \
	"$(ip -n ns1 neigh show 10.200.0.2)" 'INCOMPLETE'
sleep 1.3
apply "(a) unresolved"
reaches "(a) unresolved: mended 2.3 s in" ns1 ns2 \
	'10\.200\.0\.2 \(ns2:veth-ns2\)'

# a machine up for 35 days: CLOCK_MONOTONIC (a time namespace's offset)
# past what an int of milliseconds, or of microseconds, holds; the
# sanitizer build (float-cast-overflow) aborted here before (issue 14)
if [ "$(unshare --fork --time --monotonic 3000000 python3 -c 'import time; print(int(time.monotonic()))' 2>/dev/null)" -gt 3000000 ] 2>/dev/null; then
	out=$(unshare --fork --time --monotonic 3000000 "$NSH" -c 'why ns1 ns2' 2>&1)
	is "why with the monotonic clock at 35 days: exit 0" "$?" 0
	like "… and the probe is answered" "$out" '^ns1 reaches 10\.200\.0\.2'
	out=$(unshare --fork --time --monotonic 3000000 "$NSH" -c 'expect reach ns1 ns2' 2>&1)
	is "expect reach with the monotonic clock at 35 days: exit 0" "$?" 0
else
	for t in "why" "expect reach"; do
		skip "$t with the monotonic clock at 35 days: no time namespaces here"
	done
fi

# (b) a veth end down inside its namespace
ip -n ns2 link set veth-ns2 down
broken "(b) veth end down" ns1 ns2 'veth-ns2 \(ns2\) is down' \
	"ip -n ns2 link set veth-ns2 up"
apply "(b)"
like "(b) the kernel: veth-ns2 is up" "$(flags ns2 veth-ns2)" '(^|,)UP(,|$)'
reaches "(b) mended" ns1 ns2 '10\.200\.0\.2 \(ns2:veth-ns2\)'

# (c) a port not enslaved
ip link set veth-br2 nomaster
broken "(c) port on no bridge" ns1 ns2 \
	'veth-br2 \(host\) is not a port of br0 \(it is on no bridge\), so .*' \
	"ip link set veth-br2 master br0"
apply "(c)"
is "(c) the kernel: veth-br2's master is br0" \
	"$(ip -j link show veth-br2 | python3 -c '
import json, sys; print(json.load(sys.stdin)[0].get("master"))')" br0
reaches "(c) mended" ns1 ns2 '10\.200\.0\.2 \(ns2:veth-ns2\)'

# (d) the bridge down
ip link set br0 down
broken "(d) bridge down" ns1 ns2 'br0 \(host\) is down' "ip link set br0 up"
apply "(d)"
like "(d) the kernel: br0 is up" "$(flags "" br0)" '(^|,)UP(,|$)'
reaches "(d) mended" ns1 ns2 '10\.200\.0\.2 \(ns2:veth-ns2\)'

# (e) two subnets on one bridge: ns2 moves to 10.201.0.2/24
ip -n ns2 addr del 10.200.0.2/24 dev veth-ns2
ip -n ns2 addr add 10.201.0.2/24 dev veth-ns2
broken "(e) two subnets" ns1 ns2 \
	'ns1 \(10\.200\.0\.1/24\) and ns2 \(10\.201\.0\.2/24\) share a bridge or cable, not a subnet: put both in one subnet' \
	"ip -n ns2 addr add 10.200.0.2/24 dev veth-ns2"
like "(e) and the second step" "$out" \
	'^  then, if 10\.201\.0\.2/24 is not needed: ip -n ns2 addr del 10\.201\.0\.2/24 dev veth-ns2$'
broken "(e) the other way round: ns2 is the odd one" ns2 ns1 \
	'ns2 \(10\.201\.0\.2/24\) and ns1 \(10\.200\.0\.1/24\) share a bridge or cable, not a subnet: put both in one subnet' \
	"ip -n ns2 addr add 10.200.0.2/24 dev veth-ns2"
apply "(e)"
like "(e) the kernel: ns2 has 10.200.0.2/24" \
	"$(ip -n ns2 -o -4 addr show dev veth-ns2)" 'inet 10\.200\.0\.2/24 '
reaches "(e) mended" ns1 ns2 '10\.200\.0\.2 \(ns2:veth-ns2\)'
ip -n ns2 addr del 10.201.0.2/24 dev veth-ns2

# a veth end never moved into ns2 (seed 001 step 4 half done): three
# fixes, one at a time, each checked in the kernel
ip -n ns2 link set veth-ns2 netns $$
broken "(h) an end left outside" ns1 ns2 \
	'ns2 has no bridge or cable to ns1: the end that belongs in it, veth-ns2 \(host\), is still outside' \
	"ip link set veth-ns2 netns ns2"
apply "(h) move"
is "(h) the kernel: veth-ns2 is in ns2" \
	"$(ip -n ns2 -o link show veth-ns2 | grep -c veth-ns2) $(ip -o link | grep -c 'veth-ns2@')" "1 0"
broken "(h) then" ns1 ns2 'veth-ns2 \(ns2\) is down' \
	"ip -n ns2 link set veth-ns2 up"
apply "(h) up"
broken "(h) and then" ns1 ns2 'ns2 has no address' \
	"ip -n ns2 addr add 10.200.0.2/24 dev veth-ns2"
apply "(h) address"
reaches "(h) mended in three steps" ns1 ns2 '10\.200\.0\.2 \(ns2:veth-ns2\)'

# an address nobody has, on the subnet and off it
why ns1 10.200.0.99
is "nobody has 10.200.0.99: exit 0" "$rc" 0
like "nobody has 10.200.0.99: says so" "$(printf '%s\n' "$out" | head -1)" \
	'^ns1 cannot reach 10\.200\.0\.99: no namespace has 10\.200\.0\.99: '
is "nobody has 10.200.0.99: no fix to offer" "$fix" ""
why ns1 10.99.0.1
is "off the subnet, no route: exit 0" "$rc" 0
like "off the subnet, no route: says so" "$out" \
	'^ns1 cannot reach 10\.99\.0\.1: ns1 has no route to 10\.99\.0\.1$'

# errors: one line on stderr, nothing on stdout, exit 1
why nsX ns2
is "unknown namespace: exit 1" "$rc" 1
is "unknown namespace: one error line" "$err" "why: 'nsX': no such namespace"
is "unknown namespace: nothing on stdout" "$out" ""
why ns1 nsY
is "unknown target: exit 1" "$rc" 1
is "unknown target: one error line" "$err" "why: 'nsY': no such namespace"
why ns1 10.200.0.300
is "bad address: exit 1" "$rc" 1
is "bad address: one error line" "$(printf '%s\n' "$err" | wc -l) $out" "1 "
why ns1 ns1
is "a namespace to itself: an error" "$rc $(printf '%s\n' "$err" | wc -l)" "1 1"

# bridge netfilter is named only when the probe fails and nothing else
# explains it: a qdisc that drops everything (pfifo limit 0) on veth-br2
# is a fault the model cannot see (ns1 may still know ns2's MAC from the
# probes above: then there is not even an unanswered ARP entry to name)
nf=/proc/sys/net/bridge/bridge-nf-call-iptables
if [ -r "$nf" ] && tc qdisc replace dev veth-br2 root pfifo limit 0 2>/dev/null; then
	echo 1 > "$nf"
	broken "bridge-nf" ns1 ns2 \
		'nothing on the path explains it, but br0 passes bridged frames to iptables \(bridge-nf-call-iptables = 1\), whose rules may drop them' \
		"sysctl -w net.bridge.bridge-nf-call-iptables=0 net.bridge.bridge-nf-call-arptables=0 net.bridge.bridge-nf-call-ip6tables=0"
	apply "bridge-nf"
	is "bridge-nf: the kernel: all three are 0" \
		"$(cat /proc/sys/net/bridge/bridge-nf-call-iptables /proc/sys/net/bridge/bridge-nf-call-arptables /proc/sys/net/bridge/bridge-nf-call-ip6tables | tr '\n' ' ')" "0 0 0 "
	why ns1 ns2
	is "bridge-nf off, still dropped: exit 0" "$rc" 0
	like "bridge-nf off: the unanswered ARP, nothing else to blame" \
		"$(printf '%s\n' "$out" | head -1)" \
		"^ns1 cannot reach 10\.200\.0\.2 \(ns2:veth-ns2\): (ns1's ARP entry for 10\.200\.0\.2: (INCOMPLETE|FAILED) \(no answer\)|no answer within 1 s), and nothing nsh checks explains why\$"
	is "bridge-nf off: neither a fix nor bridge-nf" \
		"$fix $(printf '%s\n' "$out" | grep -c bridge-nf)" " 0"
	tc qdisc del dev veth-br2 root
	echo 1 > "$nf"
	reaches "bridge-nf on, nothing dropping: reachable" ns1 ns2 \
		'10\.200\.0\.2 \(ns2:veth-ns2\)'
else
	for i in 1 2 3 4 5 6 7 8 9; do skip "no br_netfilter or no tc pfifo"; done
fi

# in one session, right after a port comes back up, the probe must not
# race the bridge (it enables the port only once linkwatch has run)
{
	for i in $(seq 1 40); do
		echo "ip link set veth-br2 down"
		echo "ip link set veth-br2 up"
		echo "why ns1 ns2"
	done
} > "$TMP/race.nsh"
"$NSH" -k -f "$TMP/race.nsh" > "$TMP/race.out" 2>&1
is "in one session, 40 times port down, up, why: reaches every time" \
	"$(grep -c '^ns1 reaches 10\.200\.0\.2 (ns2:veth-ns2): ' "$TMP/race.out") $(grep -c 'cannot reach' "$TMP/race.out")" "40 0"
clean

# ---------------------------------------------------------------- IPv6
# Method A of seed 000 in IPv6 (nodad: the addresses work at once)
ip netns add ns1
ip netns add ns2
ip link add veth1 type veth peer name veth2
ip link set veth1 netns ns1
ip link set veth2 netns ns2
ip -n ns1 addr add fd00::1/64 dev veth1 nodad
ip -n ns2 addr add fd00::2/64 dev veth2 nodad
ip -n ns1 link set veth1 up
ip -n ns2 link set veth2 up
# IPv6 answers neighbour solicitations once addrconf has taken the
# addresses out of their tentative state (after the link came up)
i=0
while { [ -n "$(ip -n ns1 -6 addr show tentative)$(ip -n ns2 -6 addr show tentative)" ] ||
	! ip -n ns2 -6 addr show dev veth2 | grep -q fe80; } && [ $i -lt 150 ]; do
	sleep 0.02; i=$((i + 1))
done
reaches "IPv6: an echo over ICMPv6" ns1 fd00::2 'fd00::2 \(ns2:veth2\)'
reaches "IPv6: to the namespace, by its only address" ns1 ns2 \
	'fd00::2 \(ns2:veth2\)'
ip -n ns2 link set veth2 down
broken "IPv6: the link, not the address it lost with it" ns1 ns2 \
	'veth2 \(ns2\) is down' "ip -n ns2 link set veth2 up"
why ns1 fe80::1
is "IPv6: a link-local target is an error" "$rc $err" \
	"1 why: 'fe80::1': a link-local address needs a link; ask about a global one"
clean

# ---------------------------------------------------------------- a PID
# a namespace held by a process nsh did not start, with no name: its PID
# names it, in `why` and in the fix
unshare --net sleep 60 &
hold=$!
i=0; while [ "$(readlink /proc/$hold/ns/net)" = "$(readlink /proc/self/ns/net)" ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i+1)); done
ip netns add ns1
ip link add v3 type veth peer name v4
ip link set v3 netns ns1
ip link set v4 netns "$hold"
ip -n ns1 addr add 10.9.0.1/24 dev v3
ip -n ns1 link set v3 up
nsenter -t "$hold" -n ip addr add 10.9.0.2/24 dev v4
broken "a PID's namespace" ns1 10.9.0.2 "v4 \\(pid $hold\\) is down" \
	"ip -n $hold link set v4 up"
apply "a PID's namespace"
reaches "a PID's namespace: mended" "$hold" ns1 "10\\.9\\.0\\.1 \\(ns1:v3\\)" \
	"pid $hold"
kill "$hold"
wait "$hold" 2>/dev/null
clean

# ---------------------------------------------------------------- spawn
# seed 001 as one nsh script, the namespaces held by `spawn` processes:
# their labels name them, in `why` and in the fixes it prints
cat > "$TMP/spawn.nsh" <<'NSH'
spawn ns1
spawn ns2
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.200.0.254/24 dev br0
ip link add veth-ns1 type veth peer name veth-br1
ip link set veth-ns1 netns ns1
ip link set veth-br1 master br0
ip link set veth-br1 up
enter ns1
ip link set veth-ns1 up
ip addr add 10.200.0.1/24 dev veth-ns1
ip link set lo up
leave
ip link add veth-ns2 type veth peer name veth-br2
ip link set veth-ns2 netns ns2
ip link set veth-br2 master br0
ip link set veth-br2 up
enter ns2
ip link set veth-ns2 up
ip addr add 10.200.0.2/24 dev veth-ns2
ip link set lo up
leave
why ns1 ns2
ip -n ns2 link set veth-ns2 down
why ns1 ns2
ip -n ns2 link set veth-ns2 up
why ns1 ns2
enter ns1
why ns1 ns2
leave
NSH
"$NSH" -k -f "$TMP/spawn.nsh" > "$TMP/spawn.out" 2> "$TMP/spawn.err"
sed 's/^/# spawn: /' "$TMP/spawn.out" "$TMP/spawn.err"
is "spawn: working, broken (with the fix this script runs next), mended" \
	"$(grep -v -e '^  ' -e '^ns[12]: pid [0-9]*$' "$TMP/spawn.out" |
	   sed 's/: [0-9.]* ms$/: N ms/')" \
	"ns1 reaches 10.200.0.2 (ns2:veth-ns2): N ms
ns1 cannot reach 10.200.0.2 (ns2:veth-ns2): veth-ns2 (ns2) is down
fix: ip -n ns2 link set veth-ns2 up
ns1 reaches 10.200.0.2 (ns2:veth-ns2): N ms
ns1 reaches 10.200.0.2 (ns2:veth-ns2): N ms"
is "spawn: spawn printed the two PIDs" \
	"$(grep -c '^ns[12]: pid [0-9]*$' "$TMP/spawn.out")" 2
is "spawn: no error line (a lost probe is an answer, not an error)" \
	"$(cat "$TMP/spawn.err")" ""
clean

# ---------------------------------------------------------------- routed lab
# ns1 10.0.1.1/24 - r1 (10.0.1.254, 10.0.2.254) - ns2 10.0.2.1/24
ip netns add ns1
ip netns add r1
ip netns add ns2
ip link add v1 type veth peer name r1a
ip link set v1 netns ns1
ip link set r1a netns r1
ip link add v2 type veth peer name r1b
ip link set v2 netns ns2
ip link set r1b netns r1
ip -n ns1 addr add 10.0.1.1/24 dev v1
ip -n r1 addr add 10.0.1.254/24 dev r1a
ip -n r1 addr add 10.0.2.254/24 dev r1b
ip -n ns2 addr add 10.0.2.1/24 dev v2
for l in ns1:v1 ns2:v2 r1:r1a r1:r1b; do ip -n "${l%:*}" link set "${l#*:}" up; done
ip -n ns1 route add default via 10.0.1.254
ip -n ns2 route add default via 10.0.2.254
ip netns exec r1 sysctl -qw net.ipv4.ip_forward=1

reaches "routed lab" ns1 ns2 '10\.0\.2\.1 \(ns2:v2\)'
"$NSH" -c 'why ns1 ns2 -j' > "$TMP/j.out"
is "routed lab -j: through r1, which forwards" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["reachable"], d["path"],
      [c["detail"] for c in d["checks"] if c["check"] == "forwarding r1"])' "$TMP/j.out")" \
	"True ns1:v1 ↔ r1:r1a ⇒ r1b ↔ ns2:v2 ['net.ipv4.ip_forward = 1']"
reaches "the router's far address (no forwarding needed)" ns1 10.0.2.254 \
	'10\.0\.2\.254 \(r1:r1b\)'

# (f) no default route to an address behind r1
ip -n ns1 route del default
broken "(f) no default route" ns1 10.0.2.1 \
	'ns1 has no route to 10\.0\.2\.1 \(no default route\)' \
	"ip -n ns1 route add default via 10.0.1.254"
apply "(f)"
like "(f) the kernel: ns1's default route" "$(ip -n ns1 route show default)" \
	'^default via 10\.0\.1\.254 dev v1'
reaches "(f) mended" ns1 10.0.2.1 '10\.0\.2\.1 \(ns2:v2\)'

# (g) r1 does not forward
ip netns exec r1 sysctl -qw net.ipv4.ip_forward=0
broken "(g) forwarding off" ns1 ns2 \
	'r1 must forward it, but net\.ipv4\.ip_forward is 0 there' \
	"ip netns exec r1 sysctl -w net.ipv4.ip_forward=1"
apply "(g)"
is "(g) the kernel: r1 forwards" \
	"$(ip netns exec r1 cat /proc/sys/net/ipv4/ip_forward)" 1
reaches "(g) mended" ns1 ns2 '10\.0\.2\.1 \(ns2:v2\)'

# no way back: ns2 without its default route
ip -n ns2 route del default
broken "no way back" ns1 ns2 \
	'no way back to 10\.0\.1\.1: ns2 has no route to 10\.0\.1\.1' \
	"ip -n ns2 route add default via 10.0.2.254"
apply "no way back"
reaches "no way back: mended" ns1 ns2 '10\.0\.2\.1 \(ns2:v2\)'

# a blackhole route in ns1
ip -n ns1 route add blackhole 10.0.2.0/24
broken "blackhole route" ns1 ns2 \
	"ns1's route to 10\.0\.2\.1 is 'blackhole 10\.0\.2\.0/24'" \
	"ip -n ns1 route del 10.0.2.0/24"
apply "blackhole route"
is "blackhole route: the kernel: gone" \
	"$(ip -n ns1 route show type blackhole)" ""
reaches "blackhole route: mended" ns1 ns2 '10\.0\.2\.1 \(ns2:v2\)'

# rp_filter: ns2 answers 10.0.1.0/24 by a second link, and is strict
ip link add v2c type veth peer name r1c
ip link set v2c netns ns2
ip link set r1c netns r1
ip -n ns2 addr add 10.0.3.1/24 dev v2c
ip -n r1 addr add 10.0.3.254/24 dev r1c
ip -n ns2 link set v2c up
ip -n r1 link set r1c up
ip -n ns2 route add 10.0.1.0/24 via 10.0.3.254
reaches "asymmetric, rp_filter off: fine" ns1 10.0.2.1 '10\.0\.2\.1 \(ns2:v2\)'
ip netns exec ns2 sysctl -qw net.ipv4.conf.all.rp_filter=1
broken "strict rp_filter" ns1 10.0.2.1 \
	'ns2 drops it: rp_filter is strict on v2, and its route back to 10\.0\.1\.1 leaves by v2c' \
	"ip netns exec ns2 sysctl -w net.ipv4.conf.all.rp_filter=2"
apply "strict rp_filter"
reaches "strict rp_filter: mended" ns1 10.0.2.1 '10\.0\.2\.1 \(ns2:v2\)'

# what the probe hears back from a router
why ns1 10.0.9.9
like "a router's ICMP error is reported" "$out" \
	'^  probe: 10\.0\.1\.254 answered: network unreachable$'
like "and the router without a route is named" "$(printf '%s\n' "$out" | head -1)" \
	'^ns1 cannot reach 10\.0\.9\.9: r1 has no route to 10\.0\.9\.9$'
why ns1 10.0.2.99
like "nobody has 10.0.2.99 behind r1" "$(printf '%s\n' "$out" | head -1)" \
	'^ns1 cannot reach 10\.0\.2\.99: no namespace has 10\.0\.2\.99: r1 sends to it out of r1b'
done_testing
