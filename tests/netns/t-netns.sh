#!/bin/sh
# ip netns add/delete/list/identify/pids, checked against iproute2, and the
# promise that `ip netns delete` returns only once the kernel has removed
# the veths the namespace held.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

ok "nsh creates ns1" "$NSH" -c 'ip netns add ns1'
is "ip netns list sees it" "$(ip netns list | awk '{print $1}')" "ns1"
ok "ip netns exec works in nsh's namespace" ip netns exec ns1 true
is "it is a fresh namespace (only lo)" "$(ip -n ns1 -o link | wc -l)" 1
is "lo starts down, as with iproute2" \
	"$(ip -n ns1 -j link show lo | python3 -c 'import json,sys; print("UP" in json.load(sys.stdin)[0]["flags"])')" False
ok "nsh lists it" "$NSH" -c 'ip netns list'
is "one line, the name" "$(cat "$TMP/out")" "ns1"
ok "nsh lists it as JSON" "$NSH" -c 'ip -j netns list'
is "valid JSON with the name" \
	"$(python3 -c 'import json,sys; print([n["name"] for n in json.load(open(sys.argv[1]))])' "$TMP/out")" "['ns1']"
ok "ip netns identify inside" "$NSH" -c 'ip netns exec ns1 ip netns identify'
is "names ns1" "$(cat "$TMP/out")" "ns1"
ip netns exec ns1 sleep 30 &
pid=$!
sleep 0.2
ok "ip netns pids" "$NSH" -c 'ip netns pids ns1'
like "lists the sleeping process" "$(cat "$TMP/out")" "^$pid\$"
ok "ip netns identify PID" "$NSH" -c "ip netns identify $pid"
is "names ns1" "$(cat "$TMP/out")" "ns1"
kill "$pid"; wait "$pid" 2>/dev/null
ok "nsh deletes it" "$NSH" -c 'ip netns del ns1'
is "gone for iproute2" "$(ip netns list)" ""
is "no mount left" "$(grep -c /run/netns/ns1 /proc/self/mountinfo)" 0

# --- delete waits until the host-side veth peers are gone -----------------
ip netns add w1
ip link add hv1 type veth peer name hv1p netns w1
ok "nsh -c 'ip netns del' with a veth to the host" "$NSH" -c 'ip netns del w1'
nok "when it returns, the host end is already gone" ip link show hv1

cat > "$TMP/recreate.nsh" <<'NSH'
ip netns add r1
ip netns add r2
ip link add v1 type veth peer name v1p netns r1
ip link add v2 type veth peer name v2p netns r2
ip netns del r1
ip netns del r2
ip link add v1 type veth peer name v1p
ip link add v2 type veth peer name v2p
ip link del v1
ip link del v2
NSH
fails=0
i=0
while [ $i -lt 20 ]; do
	"$NSH" -f "$TMP/recreate.nsh" 2>>"$TMP/recreate.err" || fails=$((fails + 1))
	i=$((i + 1))
done
is "re-creating the same names on the next line: 20 of 20 runs pass" "$fails" 0
[ -s "$TMP/recreate.err" ] && sed 's/^/# /' "$TMP/recreate.err"
is "and nothing is left" "$(ip -o link | wc -l) $(ip netns list | wc -l)" "1 0"

# --- peers in other named namespaces, and `ip link del` of a peer ----------
# e1 has no veth to the host (nsh looks inside it); e3 has one, and its
# other peer goes in the same kernel batch
cat > "$TMP/elsewhere1.nsh" <<'NSH'
ip netns add e1
ip netns add e2
ip -n e1 link add x1 type veth peer name y1 netns e2
ip netns del e1
ip -n e2 link add y1 type veth peer name z1
ip netns del e2
NSH
cat > "$TMP/elsewhere2.nsh" <<'NSH'
ip netns add e2
ip netns add e3
ip link add h3 type veth peer name x3 netns e3
ip -n e3 link add x3b type veth peer name y3 netns e2
ip netns del e3
ip -n e2 link add y3 type veth peer name z3
ip link add h3 type veth peer name h3p
ip link del h3
ip netns del e2
NSH
fails=0
i=0
while [ $i -lt 10 ]; do
	for f in elsewhere1 elsewhere2; do
		"$NSH" -f "$TMP/$f.nsh" 2>>"$TMP/elsewhere.err" || fails=$((fails + 1))
	done
	i=$((i + 1))
done
is "peers in another named namespace, with and without a veth to the host: 20 of 20 runs pass" "$fails" 0
[ -s "$TMP/elsewhere.err" ] && sed 's/^/# /' "$TMP/elsewhere.err"
is "and nothing is left" "$(ip -o link | wc -l) $(ip netns list | wc -l)" "1 0"
printf 'ip netns add d1\nip link add dv type veth peer name dvp netns d1\nip netns del d1\nip link del dv\n' >"$TMP/delpeer.nsh"
nok "ip link del of a peer that a deleted namespace takes along" "$NSH" -f "$TMP/delpeer.nsh"
is "waits for it first: it is gone" "$(cat "$TMP/err")" \
	"$TMP/delpeer.nsh:4: ip link delete: 'dv': no such link in the host namespace"

# --- nsh does not pin a namespace it has used -----------------------------
ip netns add p1
ip link add pv type veth peer name pvp netns p1
printf 'ip -n p1 link show\nip netns exec p1 ip link set lo up\nip netns del p1\n' >"$TMP/pin.nsh"
ok "use a namespace, then delete it" "$NSH" -f "$TMP/pin.nsh"
nok "its veth's host end is gone: nsh held no socket or fd in it" ip link show pv
done_testing
