#!/bin/sh
# expect (reach, no-reach, link, addr, master, netns) at the prompt and in
# scripts, and `nsh --check FILE [-j]` grading a lab built by hand with
# iproute2 (seed 000, Method B).  The kernel state every test relies on is
# set up with ip and checked with ip first; the oracle for nsh is its exit
# status, its exact output lines and, for the scripts, what it left behind.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# r CMD…: run CMD, keeping its status in $RC, stdout in $OUT, stderr in $ERR
r() {
	"$@" >"$TMP/r.out" 2>"$TMP/r.err"
	RC=$?
	OUT=$(cat "$TMP/r.out")
	ERR=$(cat "$TMP/r.err")
}

# flags NS LINK: "UP" when the link is administratively up, else "DOWN"
flags() {
	ip -n "$1" -j link show "$2" | python3 -c 'import json,sys
print("UP" if "UP" in json.load(sys.stdin)[0]["flags"] else "DOWN")'
}

# ms: a monotonic-enough clock in milliseconds
ms() { echo $(($(date +%s%N) / 1000000)); }

# ---------------------------------------------------------------- the lab

# seed 000, Method B, by hand (the host is the sandbox of lib.sh)
seed000_b ns1 ns2

is "iproute2 built the lab (namespaces, states, master)" \
	"$(ip netns list | awk '{print $1}' | sort | tr '\n' ' ')$(flags ns1 veth-ns1) $(flags ns2 veth-ns2) $(ip -j link show veth-br2 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["master"])')" \
	"ns1 ns2 UP UP br0"
ok "and ns1 pings ns2 (ping(8), the reference)" \
	ip netns exec ns1 ping -c 1 -W 2 192.168.50.3

# ---------------------------------------------------------------- --check: all true

L=$TMP/lab.nsh
cat >"$L" <<'EOF'
# lab06, Method B: what the student must have built
ip netns add intruder
expect netns ns1
sudo expect netns ns2
expect link ns1:veth-ns1 up
expect link ns2:veth-ns2 up
expect link host:br0 up
expect addr ns1:veth-ns1 192.168.50.2/16
expect addr ns2:veth-ns2 192.168.50.3/16
expect master veth-br1 br0
expect master host:veth-br2 br0
ip netns exec ns1 ping -c 3 192.168.50.3
expect reach ns1 ns2
expect reach ns2 192.168.50.2
expect reach ns1 192.168.50.1 within 2 s
expect no-reach ns1 10.200.99.99
EOF
r "$NSH" --check "$L"
is "--check on a correct lab: exit 0" "$RC" 0
is "--check: one PASS line per expect line, then the summary" "$OUT" \
"PASS  line 3: expect netns ns1
PASS  line 4: expect netns ns2
PASS  line 5: expect link ns1:veth-ns1 up
PASS  line 6: expect link ns2:veth-ns2 up
PASS  line 7: expect link host:br0 up
PASS  line 8: expect addr ns1:veth-ns1 192.168.50.2/16
PASS  line 9: expect addr ns2:veth-ns2 192.168.50.3/16
PASS  line 10: expect master veth-br1 br0
PASS  line 11: expect master host:veth-br2 br0
PASS  line 13: expect reach ns1 ns2
PASS  line 14: expect reach ns2 192.168.50.2
PASS  line 15: expect reach ns1 192.168.50.1 within 2 s
PASS  line 16: expect no-reach ns1 10.200.99.99
13 of 13 checks passed"
is "--check: nothing on stderr" "$ERR" ""
is "--check runs only the expect lines: no 'intruder' namespace" \
	"$(ip netns list | awk '{print $1}' | sort | tr '\n' ' ')" "ns1 ns2 "

r "$NSH" -j --check "$L"
is "--check -j on a correct lab: exit 0" "$RC" 0
is "-j: one JSON object with the counts and every check" \
	"$(python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(d["file"] == sys.argv[2], d["passed"], d["failed"], len(d["checks"]),
      all(c["ok"] for c in d["checks"]), d["checks"][0]["line"],
      d["checks"][0]["check"], sorted(d["checks"][0]))' "$TMP/r.out" "$L" 2>&1)" \
	"True 13 0 13 True 3 expect netns ns1 ['check', 'detail', 'line', 'ok']"

# ---------------------------------------------------------------- --check: one fault

ip -n ns2 link set veth-ns2 down
is "fault injected with ip: veth-ns2 is down" "$(flags ns2 veth-ns2)" DOWN
r "$NSH" --check "$L"
is "--check with a port down: exit 1" "$RC" 1
like "the link check fails, saying what it found" "$OUT" \
	'^FAIL  line 6: expect link ns2:veth-ns2 up: it is down$'
like "the reach check fails with the first broken hop" "$OUT" \
	'^FAIL  line 13: expect reach ns1 ns2: no answer within 3 s; broken at veth-ns2 \(ns2\): admin down$'
like "the other direction too" "$OUT" \
	'^FAIL  line 14: expect reach ns2 192.168.50.2: .*broken at veth-ns2 \(ns2\): admin down$'
like "a failure does not stop the run: the checks after it pass" "$OUT" \
	'^PASS  line 16: expect no-reach ns1 10.200.99.99$'
like "the summary counts them" "$OUT" '^10 of 13 checks passed$'
is "3 FAIL lines, 10 PASS lines" \
	"$(grep -c '^FAIL' "$TMP/r.out") $(grep -c '^PASS' "$TMP/r.out")" "3 10"

r "$NSH" --check "$L" -j
is "-j after the file name too, with a fault: exit 1" "$RC" 1
is "-j: the counts and the failed checks' lines and details" \
	"$(python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(d["passed"], d["failed"], [c["line"] for c in d["checks"] if not c["ok"]],
      [c["detail"] for c in d["checks"] if c["line"] == 6])' "$TMP/r.out" 2>&1)" \
	"10 3 [6, 13, 14] ['it is down']"
ip -n ns2 link set veth-ns2 up
is "fault repaired with ip" "$(flags ns2 veth-ns2)" UP

# ---------------------------------------------------------------- --check: no checks, bad files

printf '# no checks here\nip netns add x\nexpectation ns1\n' >"$TMP/none.nsh"
r "$NSH" --check "$TMP/none.nsh"
is "a file without expect lines: exit 2" "$RC" 2
like "and says so on stderr" "$ERR" "no 'expect' lines"
is "and no summary on stdout" "$OUT" ""
r "$NSH" -j --check "$TMP/none.nsh"
is "-j without checks: exit 2, a JSON object with no checks" \
	"$RC $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["passed"], d["failed"], d["checks"])' "$TMP/r.out" 2>&1)" \
	"2 0 0 []"
r "$NSH" --check "$TMP/missing.nsh"
is "a file that cannot be read: exit 2" "$RC" 2
is "with one error line" "$(printf '%s\n' "$ERR" | wc -l)" 1
like "naming the file" "$ERR" "missing.nsh: No such file"
printf 'expect link ns1:veth-ns1 up\nexpect link ns1:veth-ns1 sideways\n' >"$TMP/bad.nsh"
r "$NSH" --check "$TMP/bad.nsh"
is "a malformed expect line: exit 2, nothing graded" "$RC $OUT" "2 "
like "the error names FILE:LINE" "$ERR" "bad.nsh:2: expect link: "

# BOM, CRLF, continuation lines and comments: the line numbers stay right
printf '\357\273\277# bom\r\nexpect netns \\\r\n  ns1 # trailing comment\r\n\r\n# a comment \\\nexpect link ns2:veth-ns2 down\r\n' >"$TMP/crlf.nsh"
r "$NSH" --check "$TMP/crlf.nsh"
is "BOM, CRLF, a continuation, comments: right lines and verdicts" "$RC
$OUT" "1
PASS  line 2: expect netns ns1
FAIL  line 6: expect link ns2:veth-ns2 down: it is up
1 of 2 checks passed"

# ---------------------------------------------------------------- in scripts

S=$TMP/s.nsh
printf 'expect link ns1:veth-ns1 up\nexpect reach ns1 ns2\nip netns add before\nexpect link ns2:veth-ns2 down\nip netns add after\n' >"$S"
r "$NSH" -f "$S"
is "a failing expect stops the script: exit 1" "$RC" 1
is "at its line, with FILE:LINE: expect failed" "$ERR" \
	"$S:4: expect failed: ns2:veth-ns2 is down: it is up"
is "passing expects print nothing" "$OUT" ""
is "the lines before it ran, the ones after did not" \
	"$(ls /run/netns | sort | tr '\n' ' ')" "before ns1 ns2 "
ip netns del before

printf 'expect reach ns1 192.168.50.77 within 1 s\nip netns add after\n' >"$S"
r "$NSH" -f "$S"
is "a failing reach in a script: exit 1, the line after did not run" \
	"$RC $(ls /run/netns | tr '\n' ' ')" "1 ns1 ns2 "
is "two lines: FILE:LINE: expect failed…, then the path finder's verdict" \
	"$ERR" "$S:1: expect failed: ns1 reaches 192.168.50.77: no answer within 1 s
  no namespace has 192.168.50.77: ns1 sends to it out of veth-ns1, and nothing answers"

printf 'expect link ns1:veth-ns1 up\nexpect reach ns1 ns2\n' >"$S"
r "$NSH" -f "$S"
is "a script whose expects all hold: exit 0, silent" "$RC $OUT$ERR" "0 "

# ---------------------------------------------------------------- each kind, both ways

r "$NSH" -c 'expect link ns1:veth-ns1 up'
is "link up: holds" "$RC $OUT$ERR" "0 "
r "$NSH" -c 'expect link ns1:veth-ns1 down'
is "link down: fails, saying it is up" "$RC $ERR" \
	"1 expect failed: ns1:veth-ns1 is down: it is up"
r "$NSH" -c 'expect link veth-br1 up'
is "a bare link name is in the namespace nsh is in (the host)" "$RC" 0
r "$NSH" -c 'ip netns exec ns1 expect link veth-ns1 up'
is "…and inside 'ip netns exec NS', in that namespace" "$RC" 0
r "$NSH" -c 'expect link ns1:nope up'
is "a link that does not exist" "$RC $ERR" \
	"1 expect failed: ns1:nope is up: ns1 has no link 'nope'"
r "$NSH" -c 'expect link ns9:veth-ns1 up'
is "a namespace that does not exist" "$RC $ERR" \
	"1 expect failed: ns9:veth-ns1 is up: there is no namespace 'ns9'"

r "$NSH" -c 'expect addr ns1:veth-ns1 192.168.50.2/16'
is "addr: holds" "$RC $OUT$ERR" "0 "
r "$NSH" -c 'expect addr ns1:veth-ns1 192.168.50.2'
is "addr without a prefix length: any length" "$RC" 0
r "$NSH" -c 'expect addr ns1:veth-ns1 192.168.50.2/24'
is "addr with another prefix length: fails" "$RC $ERR" \
	"1 expect failed: ns1:veth-ns1 has 192.168.50.2/24: it has 192.168.50.2/16 (another prefix length)"
r "$NSH" -c 'expect addr ns2:veth-ns2 192.168.50.2/16'
is "another namespace's address: fails, listing what it has" "$RC $ERR" \
	"1 expect failed: ns2:veth-ns2 has 192.168.50.2/16: it has 192.168.50.3/16"
r "$NSH" -c 'expect addr ns1:lo 10.0.0.1/8'
is "a link with no address besides 127.0.0.1 on lo" "$RC $ERR" \
	"1 expect failed: ns1:lo has 10.0.0.1/8: it has 127.0.0.1/8, ::1/128"
r "$NSH" -c 'expect addr ns1:veth-ns1 300.1.1.1/8'
is "a bad address is refused before anything runs: the parser's one line, not a failed expectation" \
	"$RC $ERR" "1 expect addr: '300.1.1.1/8': '300' is not a number from 0 to 255"

r "$NSH" -c 'expect master veth-br1 br0'
is "master: holds" "$RC $OUT$ERR" "0 "
r "$NSH" -c 'expect master host:veth-br2 br0'
is "master with host:" "$RC" 0
ip link add br9 type bridge
r "$NSH" -c 'expect master veth-br1 br9'
is "master: another bridge" "$RC $ERR" \
	"1 expect failed: veth-br1 is a port of br9: its master is br0"
r "$NSH" -c 'expect master ns1:veth-ns1 br0'
is "master: no master at all" "$RC $ERR" \
	"1 expect failed: ns1:veth-ns1 is a port of br0: it has no master, and ns1 has no link 'br0'"
ip link del br9

r "$NSH" -c 'expect netns ns1'
is "netns: holds" "$RC $OUT$ERR" "0 "
r "$NSH" -c 'expect netns ns3'
is "netns: missing" "$RC $ERR" \
	"1 expect failed: namespace 'ns3' exists: there is no 'ns3' in /run/netns"
: >/run/netns/stale
r "$NSH" -c 'expect netns stale'
is "netns: a stale plain file is no namespace" "$RC $ERR" \
	"1 expect failed: namespace 'stale' exists: /run/netns/stale is a stale plain file, not a namespace"
rm -f /run/netns/stale

r "$NSH" -c 'expect reach ns1 ns2'
is "reach a namespace: holds" "$RC $OUT$ERR" "0 "
r "$NSH" -c 'expect reach ns2 192.168.50.1'
is "reach an address (the bridge's): holds" "$RC" 0
r "$NSH" -c 'expect reach host ns1'
is "reach from the host" "$RC" 0
r "$NSH" -c 'expect reach ns1 192.168.50.99 within 300ms'
is "reach an address nobody has: fails after the window" "$RC $(printf '%s\n' "$ERR" | head -1)" \
	"1 expect failed: ns1 reaches 192.168.50.99: no answer within 300 ms"
r "$NSH" -c 'expect reach ns1 ns7'
is "reach a namespace that does not exist" "$RC $ERR" \
	"1 expect failed: ns1 reaches ns7: there is no namespace 'ns7'"
r "$NSH" -c 'expect reach ns1 ns2 within 2x'
is "a bad time" "$RC $ERR" \
	"1 expect failed: ns1 reaches ns2: '2x': not a time like 2s, 2 s or 500ms"
ip -n ns1 route del default
r "$NSH" -c 'expect reach ns1 10.9.9.9 within 300 ms'
is "no route: the send error, and the path finder's verdict" "$RC $ERR" \
	"1 expect failed: ns1 reaches 10.9.9.9: no answer within 300 ms: cannot send: Network is unreachable
  ns1 has no route to 10.9.9.9"
ip -n ns1 route add default via 192.168.50.1

r "$NSH" -c 'expect no-reach ns1 10.200.99.99'
is "no-reach an address nobody has: holds" "$RC $OUT$ERR" "0 "
r "$NSH" -c 'expect no-reach ns1 ns2'
like "no-reach a namespace that answers: fails, saying it answered" \
	"$RC $ERR" \
	'^1 expect failed: ns1 does not reach ns2 \(192\.168\.50\.3\): answered in [0-9.]+ ms$'
ip -n ns2 link set veth-ns2 down
r "$NSH" -c 'expect no-reach ns1 ns2'
is "no-reach with the port down: holds" "$RC" 0
r "$NSH" -c 'expect reach ns1 ns2 within 500ms'
is "reach with the port down: fails, naming the broken hop" "$RC $ERR" \
	"1 expect failed: ns1 reaches ns2 (192.168.50.3): no answer within 500 ms
  broken at veth-ns2 (ns2): admin down"

# a namespace only a process holds, named by its PID
unshare --net sleep 30 &
pid=$!
i=0
while [ "$(readlink /proc/$pid/ns/net)" = "$(readlink /proc/self/ns/net)" ] &&
	[ $i -lt 100 ]; do sleep 0.02; i=$((i + 1)); done
is "a process in a fresh namespace, whose lo is down" \
	"$(nsenter -t $pid -n ip -j link show lo | python3 -c 'import json,sys; print("UP" in json.load(sys.stdin)[0]["flags"])')" False
r "$NSH" -c "expect link $pid:lo down"
is "PID:IFNAME: holds" "$RC $ERR" "0 "
r "$NSH" -c "expect link $pid:lo up"
is "PID:IFNAME: fails" "$RC $ERR" "1 expect failed: $pid:lo is up: it is down"
r "$NSH" -c "expect no-reach $pid 192.168.50.1"
is "no-reach from a PID's namespace (no route there)" "$RC $ERR" "0 "
kill $pid
wait $pid 2>/dev/null

# ---------------------------------------------------------------- within

# the target's port comes up 0.5 s after nsh starts waiting
is "veth-ns2 is down before the wait" "$(flags ns2 veth-ns2)" DOWN
t0=$(ms)
(sleep 0.5; ip -n ns2 link set veth-ns2 up) &
r "$NSH" -c 'expect reach ns1 ns2 within 2s'
t1=$(ms)
wait
is "reach within 2s: holds once the port comes up" "$RC $ERR" "0 "
ok "…and it did wait for it (at least 0.4 s)" test $((t1 - t0)) -ge 400
is "veth-ns2 is up after the wait" "$(flags ns2 veth-ns2)" UP

# the sender's own port: no route at first, then one
ip -n ns1 link set veth-ns1 down
is "veth-ns1 is down before the wait" "$(flags ns1 veth-ns1)" DOWN
t0=$(ms)
(sleep 0.5; ip -n ns1 link set veth-ns1 up) &
r "$NSH" -c 'expect reach ns1 192.168.50.3 within 3 s'
t1=$(ms)
wait
is "reach within 3 s from a namespace whose port comes up: holds" "$RC $ERR" "0 "
ok "…after at least 0.4 s" test $((t1 - t0)) -ge 400

# too late: the port comes up after the window
ip -n ns1 link set veth-ns1 down
t0=$(ms)
(sleep 1.5; ip -n ns1 link set veth-ns1 up) &
r "$NSH" -c 'expect reach ns1 ns2 within 1 s'
t1=$(ms)
wait
is "reach within 1 s when the port comes up after 1.5 s: fails" "$RC" 1
ok "…after the window (at least 0.9 s)" test $((t1 - t0)) -ge 900
is "veth-ns1 is up again" "$(flags ns1 veth-ns1)" UP

# ---------------------------------------------------------------- the prompt

if command -v script >/dev/null; then
	printf 'expect link ns1:veth-ns1 up\nexpect reach ns1 ns2\nquit\n' |
		TERM=dumb script -qec "$NSH" /dev/null >"$TMP/tty" 2>&1
	like "at the prompt a passing expect says ok" \
		"$(tr -d '\r' <"$TMP/tty")" 'ok: ns1:veth-ns1 is up$'
	like "…with what it measured for a reach" \
		"$(tr -d '\r' <"$TMP/tty")" \
		'ok: ns1 reaches ns2 \(192\.168\.50\.3\): answered in [0-9.]+ ms'
else
	skip "script(1) not installed"
	skip "script(1) not installed"
fi

done_testing
