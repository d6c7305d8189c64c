#!/bin/sh
# ip netns add/delete/list/identify/pids, checked against iproute2, and the
# promise that what a deleted namespace takes along (the veths whose peers
# it held) never gets in the way of a later command, in this session or the
# next one.
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

# --- the peers a deleted namespace takes along, after nsh has exited ------
# `ip netns del` returns as ip's does; the kernel removes the host ends a
# little later.  The next nsh that would meet one (here: re-creating the
# same names at once) waits for it.  50 namespaces make the kernel slow
# enough that the collision is seen in most rounds; at least one is needed.
for i in $(seq 50); do
	echo "ip netns add w$i"
	echo "ip link add hw$i type veth peer name hp$i netns w$i"
done >"$TMP/wbuild.nsh"
for i in $(seq 50); do echo "ip netns del w$i"; done >"$TMP/wdel.nsh"
ok "nsh builds 50 namespaces with a veth to the host" "$NSH" -f "$TMP/wbuild.nsh"
seen=0 fails=0 i=0
while [ $i -lt 10 ]; do
	"$NSH" -f "$TMP/wdel.nsh" 2>>"$TMP/wround.err" || fails=$((fails + 1))
	ip link show hw50 >/dev/null 2>&1 && seen=$((seen + 1))
	"$NSH" -f "$TMP/wbuild.nsh" 2>>"$TMP/wround.err" || fails=$((fails + 1))
	i=$((i + 1))
done
is "delete, then build the same names in a new nsh: 10 of 10 rounds pass" "$fails" 0
[ -s "$TMP/wround.err" ] && sed 's/^/# /' "$TMP/wround.err"
ok "the host ends were still there after the delete in some rounds ($seen of 10)" test "$seen" -gt 0
# the same after iproute2's own delete
for i in $(seq 50); do ip netns del "w$i"; done
ok "after ip netns del, nsh re-creates the same names" "$NSH" -f "$TMP/wbuild.nsh"
for i in $(seq 50); do ip netns del "w$i"; done
clean
# a name really taken by a veth whose peer lives on stays an error
ip netns add w1
ip link add hw1 type veth peer name hp1 netns w1
nok "a veth whose peer's namespace is alive (named) is a real collision" \
	"$NSH" -c 'ip link add hw1 type veth peer name x1'
is "one line" "$(cat "$TMP/err")" \
	"ip link add: 'hw1': already exists in the host namespace"
unshare --net sleep 60 &
upid=$!
i=0
while [ "$(readlink "/proc/$upid/ns/net")" = "$(readlink /proc/self/ns/net)" ] && [ $i -lt 100 ]; do
	sleep 0.02; i=$((i + 1))
done
ip link add hw2 type veth peer name hp2 netns "$upid"
nok "... and so is one whose peer is in an unnamed namespace a process holds" \
	"$NSH" -c 'ip link add hw2 type veth peer name x2'
is "one line" "$(cat "$TMP/err")" \
	"ip link add: 'hw2': already exists in the host namespace"
kill "$upid"; wait "$upid" 2>/dev/null
ip netns del w1
clean

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
# re-creating pv waits for the old one, which goes only if nsh holds no
# socket or fd in p1 (else the wait gives up after 10 s and says so)
printf 'ip -n p1 link show\nip netns exec p1 ip link set lo up\nip netns del p1\nip link add pv type veth peer name pvq\nip link del pv\n' >"$TMP/pin.nsh"
ok "use a namespace, delete it, re-create its veth's host end" "$NSH" -f "$TMP/pin.nsh"
is "nsh held no socket or fd in it: no warning" "$(cat "$TMP/err")" ""
# the deleted namespaces nsh holds until its next wait are let go before
# it starts a process (spawn waits first, and its holder closes every
# descriptor anyway)
printf 'ip netns add q1\nip link add qv type veth peer name qvp netns q1\nip netns del q1\nspawn qh\nip link add qv type veth peer name qvq\nip link del qv\nkill qh\n' >"$TMP/pin2.nsh"
ok "delete a namespace, spawn, re-create its veth's host end" "$NSH" -f "$TMP/pin2.nsh"
is "nothing kept the namespace: no warning" "$(cat "$TMP/err")" ""

# --- every verb of ip/ipnetns.c, against iproute2 on the same state -------
clean
# same DESC LINE: `ip LINE` and nsh's give the same stdout and status
same() {
	eval "ip $2" >"$TMP/p.out" 2>"$TMP/p.err"
	_prc=$?
	"$NSH" -c "ip $2" >"$TMP/n.out" 2>"$TMP/n.err"
	_nrc=$?
	is "$1: ip $2" "$(cat "$TMP/n.out") rc=$_nrc" "$(cat "$TMP/p.out") rc=$_prc"
}
ip netns add b1
"$NSH" -c 'ip netns add a2'
ip netns add c3
same "the names in the directory's order" "netns list"
same "… as JSON" "-j netns list"
same "no verb is list" "netns"
same "abbreviated" "netns l"
ok "nsh: ip netns set b1 5" "$NSH" -c 'ip netns set b1 5'
ok "nsh: ip netns set a2 auto" "$NSH" -c 'ip netns se a2 auto'
is "iproute2 sees the nsids" "$(ip netns list | tr '\n' ' ')" \
	"c3 a2 (id: 0) b1 (id: 5) "
same "with their ids" "netns list"
same "with their ids, JSON" "-j netns list"
same "list-id" "netns list-id"
same "list-id, JSON" "-j netns list-id"
same "list-id nsid N" "netns list-id nsid 5"
same "list-id nsid N, JSON" "-j netns list-id nsid 5"
same "list-id nsid N in hex" "netns list-id nsid 0x5"
ip -n b1 netns set a2 3
same "list-id target-nsid N" "netns list-id target-nsid 5"
same "list-id target-nsid N, JSON" "-j netns list-id target-nsid 5"
same "list-id target-nsid N nsid M" "netns list-id target-nsid 5 nsid 0"
same "… JSON" "-j netns list-id nsid 0 target-nsid 5"
same "identify (nsh's namespace has no name): an empty line" "netns identify"
same "identify in a namespace" "netns exec b1 ip netns identify"
ip netns exec b1 sleep 30 &
spid=$!
sleep 0.2
"$NSH" -c "ip netns attach b1again $spid"
same "identify prints the last of two names" "netns exec b1 ip netns identify"
same "… of a process's namespace too" "netns identify $spid"
"$NSH" -c 'ip netns del b1again'
kill "$spid"; wait "$spid" 2>/dev/null
ip netns exec c3 sleep 30 &
spid=$!
sleep 0.2
same "pids" "netns pids c3"
same "identify PID" "netns identify $spid"
kill "$spid"; wait "$spid" 2>/dev/null
same "-all netns exec: a header per namespace, status 0" \
	"-all netns exec sh -c 'ip netns identify; exit 3'"
ok "nsh: ip -all netns exec runs nsh commands too" \
	"$NSH" -c 'ip -all netns exec ip -j link show lo'
is "… in each namespace" "$(grep -c '"ifname":"lo"' "$TMP/out") $(grep -c '^netns: ' "$TMP/out")" "3 3"
# errors: one line, nothing changed
REJECTS_ALSO="ip netns list-id"
rejects "set: the nsid is taken" "ip netns set c3 5" \
	"^ip netns set: 'c3': "
rejects "set: already has one" "ip netns set b1 7" \
	"^ip netns set: 'b1': peer netns already has a nsid assigned$"
rejects "set: not a number" "ip netns set c3 x" "^ip netns set: 'x': not a number$"
rejects "set: no such namespace" "ip netns set nope 3" \
	"^ip netns set: 'nope': no such namespace$"
rejects "set: missing NETNSID" "ip netns set c3" "^ip netns set: missing NETNSID$"
rejects "list-id: unknown word" "ip netns list-id foo" \
	"^ip netns list-id: 'foo': unknown word$"
rejects "list-id: nsid twice" "ip netns list-id nsid 1 nsid 2" \
	"^ip netns list-id: 'nsid': given twice$"
rejects "list-id: an nsid that names nothing" "ip netns list-id nsid 9" \
	"^ip netns list-id: '9': peer netns reference is invalid$"
rejects "list-id: a target nsid that names nothing" \
	"ip netns list-id target-nsid 9" \
	"^ip netns list-id: cannot list the nsids: invalid target network namespace id$"
rejects "identify: two words" "ip netns identify 1 2" "^ip netns identify: '2': "
rejects "identify: not a PID" "ip netns identify self" "^ip netns identify: 'self': a PID is"
rejects "pids: no name" "ip netns pids" "^ip netns pids: missing NETNS$"
rejects "exec: no name" "ip netns exec" "^ip netns exec: missing NSREF$"
rejects "-all exec: no command" "ip -all netns exec" \
	"^ip netns exec: missing the command after 'exec'$"
rejects "delete: no name (and no -all)" "ip netns del" "^ip netns delete: missing NETNS$"
REJECTS_ALSO=
# ip netns monitor: the names as they come and go, until Ctrl-C
"$NSH" -c 'ip netns monitor' >"$TMP/mon.n" 2>&1 &
npid=$!
stdbuf -oL ip netns monitor >"$TMP/mon.p" 2>&1 &
ppid=$!
sleep 0.3
ip netns add m1
"$NSH" -c 'ip netns del m1'
sleep 0.3
kill -INT "$npid"
wait "$npid"
is "nsh's ip netns monitor ends at Ctrl-C with status 0" "$?" 0
kill "$ppid"; wait "$ppid" 2>/dev/null
is "ip netns monitor: as iproute2's" "$(cat "$TMP/mon.n")" "$(cat "$TMP/mon.p")"
is "… add and delete" "$(cat "$TMP/mon.n" | tr '\n' ' ')" "add m1 delete m1 "
# ip -all netns delete: every name; one that cannot go does not stop the
# others (reliability.md a-23), it fails the line
ip netns add a1
printf 'enter a1\nip -all netns delete\n' >"$TMP/delall.nsh"
nok "ip -all netns delete inside a1" "$NSH" -f "$TMP/delall.nsh"
is "… says why a1 stays, in one line" "$(cat "$TMP/err")" \
	"$TMP/delall.nsh:2: ip netns delete: 'a1': cannot delete the namespace nsh is in; 'leave' it first"
is "… and deleted the others" "$(ip netns list)" "a1"
ok "nsh: ip -all netns delete" "$NSH" -c 'ip -all netns delete'
is "no name left, no mount left" \
	"$(ip netns list | wc -l) $(grep -cE ' /run/netns/(a1|b1|a2|c3) ' /proc/self/mountinfo)" "0 0"
ok "ip -all netns delete with no name at all" "$NSH" -c 'ip -a netns del'

# a name with invisible Unicode controls (U+202E reverses what follows)
# is printed escaped, as ESC and newline are (issue 14.7)
rlo=$(printf 'ab\342\200\256cd')
ip netns add "$rlo"
ok "ip netns list with a U+202E name" "$NSH" -c 'ip netns list'
is "… shows it escaped" "$(cat "$TMP/out")" 'ab\u202ecd'
nok "an error about it" "$NSH" -c "ip netns add $rlo"
like "… escapes it too" "$(cat "$TMP/err")" "'ab\\\\u202ecd'"
ok "show" "$NSH" -c show
like "… escapes it" "$(cat "$TMP/out")" 'ab\\u202ecd'
ip netns del "$rlo"

# ip netns delete of a namespace a process still holds: the name goes, as
# with ip, and nsh says who keeps it alive (issue 14.8)
ip netns add hold1
ip netns exec hold1 sleep 30 &
hp=$!
sleep 0.2
ok "ip netns del of a namespace a process holds: status 0, as ip" \
	"$NSH" -c 'ip netns del hold1'
is "… the name is gone" "$(ip netns list | grep -c '^hold1')" 0
is "… and one warning names the process" "$(cat "$TMP/err")" \
	"ip netns delete: warning: 'hold1': the name is gone, but processes still hold the namespace (its links stay until they end): $hp (sleep)"
kill "$hp"; wait "$hp" 2>/dev/null
ip netns add hold2
ok "ip netns del of a namespace nobody holds: no warning" "$NSH" -c 'ip netns del hold2'
is "… nothing on stderr" "$(cat "$TMP/err")" ""

# symlinks in /run/netns (docker's namespaces linked by hand): listed with
# their target, and whether it lives (issue 14.9)
ip netns add real1
ln -s /run/netns/real1 /run/netns/lnk1
ln -s /run/netns/nosuch /run/netns/lnk2
ok "ip netns list with symlinks" "$NSH" -c 'ip netns list'
like "… a live one says where it points" "$(cat "$TMP/out")" \
	'^lnk1 \(symlink to /run/netns/real1\)$'
like "… a dangling one says so" "$(cat "$TMP/out")" \
	'^lnk2 \(symlink to /run/netns/nosuch, which does not exist\)$'
ok "ip -j netns list with symlinks" "$NSH" -c 'ip -j netns list'
like "… JSON names the target and whether it dangles" "$(cat "$TMP/out")" \
	'"name":"lnk2","symlink":"/run/netns/nosuch","dangling":true'
rm -f /run/netns/lnk1 /run/netns/lnk2
ip netns del real1

done_testing
