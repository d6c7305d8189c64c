#!/bin/sh
# Failures on cue (issue 16): fail/restore link and node, flap, after,
# jobs and kill %N.  The lab is built with iproute2; what nsh did is read
# back from the kernel (ip -j, /sys, /proc), reachability with ping.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

ip netns add ns1
ip netns add ns2
ip link add br0 type bridge
ip link set br0 up
for n in 1 2; do
	ip link add veth-ns$n type veth peer name veth-br$n
	ip link set veth-ns$n netns ns$n
	ip link set veth-br$n master br0
	ip link set veth-br$n up
	ip -n ns$n addr add 10.200.0.$n/24 dev veth-ns$n
	ip -n ns$n link set veth-ns$n up
done
up() { # NS IF: "up" or "down" (the admin state, from iproute2)
	ip ${1:+-n "$1"} -j link show "$2" | python3 -c \
		'import json,sys; print("up" if "UP" in json.load(sys.stdin)[0]["flags"] else "down")'
}
reach() { ip netns exec ns1 ping -c1 -W1 10.200.0.2 >/dev/null 2>&1 && echo yes || echo no; }
is "the lab reaches (reference)" "$(reach)" yes

is "TAB after fail link ns2:: that namespace's links" \
	"$("$NSH" -c "complete fail link ns2:" | cut -f1 | tr '\n' ' ')" "ns2:lo ns2:veth-ns2 "
ok "fail link ns2:veth-ns2" "$NSH" -c "fail link ns2:veth-ns2"
is "… both ends of the cable are down (ip -j)" \
	"$(up ns2 veth-ns2) $(up "" veth-br2)" "down down"
is "… and ns1 no longer reaches ns2 (ping)" "$(reach)" no
ok "expect no-reach ns1 ns2 passes" "$NSH" -c "expect no-reach ns1 ns2"
"$NSH" -c "why ns1 ns2" >"$TMP/why" 2>&1
like "why names the injected fault (another nsh process)" "$(cat "$TMP/why")" \
	"is down: failed by 'fail link'"
like "… and how to undo it" "$(cat "$TMP/why")" "^fix: restore link ns2:veth-ns2$"
like "show marks the failed links" "$("$NSH" -c show)" "veth-ns2 +veth +FAILED"
like "the topology drawing marks them too" "$("$NSH" -c 'show topology')" \
	"veth-ns2 .*\(failed by 'fail link'\)"
"$NSH" -c watch >"$TMP/w.out" 2>&1 &
WATCH=$!
sleep 0.5
"$NSH" -c "restore link ns2:veth-ns2" >/dev/null
"$NSH" -c "fail link ns2:veth-ns2" >/dev/null
sleep 0.5
kill -INT "$WATCH"; wait "$WATCH"
like "watch names the fault when the link goes down" "$(cat "$TMP/w.out")" \
	"ns2: veth-ns2 is down: failed by 'fail link'"
err=$("$NSH" -c "fail link ns2:veth-ns2" 2>&1)
like "failing it twice is refused" "$err" "already failed"
ok "restore link ns2:veth-ns2" "$NSH" -c "restore link ns2:veth-ns2"
is "… both ends up again" "$(up ns2 veth-ns2) $(up "" veth-br2)" "up up"
is "… and reach is back" "$(reach)" yes
err=$("$NSH" -c "restore link ns2:veth-ns2" 2>&1); rc=$?
like "restoring what is not failed: one line, status 1" "rc=$rc $err" \
	"^rc=1 restore link: 'ns2:veth-ns2': not failed"
err=$("$NSH" -c "fail link ns2:nosuch" 2>&1); rc=$?
like "a link that does not exist: one line, status 1" "rc=$rc $err" \
	"^rc=1 fail link: 'ns2:nosuch': no such link$"
ip link set veth-br1 down
"$NSH" -c "fail link ns1:veth-ns1" >/dev/null
"$NSH" -c "restore link ns1:veth-ns1" >/dev/null
is "restore gives back what was: an end that was down stays down" \
	"$(up ns1 veth-ns1) $(up "" veth-br1)" "up down"
ip link set veth-br1 up

# fail node: its links down, its processes stopped; restore: both back
ip netns exec ns2 sleep 60 &
SLEEPER=$!
sleep 0.2
state() { awk '{print $3}' "/proc/$1/stat"; }
ok "fail node ns2" "$NSH" -c "fail node ns2"
is "… its link is down, lo is left alone" "$(up ns2 veth-ns2) $(up ns2 lo)" \
	"down $(ip netns exec ns2 true; up ns2 lo)"
is "… its process is stopped (T)" "$(state $SLEEPER)" T
ok "expect no-reach ns1 ns2 while ns2 is failed" "$NSH" -c "expect no-reach ns1 ns2"
ok "restore node ns2" "$NSH" -c "restore node ns2"
is "… link up, process running again" "$(up ns2 veth-ns2) $(state $SLEEPER)" "up S"
is "… reach is back" "$(reach)" yes
kill "$SLEEPER"; wait "$SLEEPER" 2>/dev/null

# after: later, in the background
"$NSH" -c "after 700ms fail link ns2:veth-ns2" >/dev/null
is "after 700ms: not yet" "$(up ns2 veth-ns2)" up
sleep 1.2
is "… then the link fails" "$(up ns2 veth-ns2)" down
"$NSH" -c "restore link ns2:veth-ns2" >/dev/null
is "a fault made by the after job is restored by another nsh" \
	"$(up ns2 veth-ns2) $(up "" veth-br2)" "up up"

# flap: toggles at the requested period (±20 %), sampled in /sys
"$NSH" -c "flap link ns2:veth-ns2 every 1s for 5s" >/dev/null
python3 - "$TMP/flap" <<'PY'
import sys, time
t0 = time.monotonic(); last = None; edges = []
while time.monotonic() - t0 < 5.6:
    with open("/sys/class/net/veth-br2/flags") as f:
        upnow = int(f.read(), 16) & 1
    if last is not None and upnow != last:
        edges.append(time.monotonic())
    last = upnow
    time.sleep(0.005)
gaps = [b - a for a, b in zip(edges, edges[1:])]
with open(sys.argv[1], "w") as f:
    f.write("%d %s\n" % (len(edges), " ".join("%.3f" % g for g in gaps)))
PY
read -r nedges gaps <"$TMP/flap"
ok "flap toggled the link several times ($nedges changes)" test "$nedges" -ge 4
bad=$(echo "$gaps" | tr ' ' '\n' | awk '$1 < 0.8 || $1 > 1.2' | wc -l)
is "… each change 1 s ±20 % after the last (gaps: $gaps)" "$bad" 0
sleep 0.3
is "… and the link is up when it ends" "$(up ns2 veth-ns2) $(up "" veth-br2)" "up up"

# jobs and kill %N in one session
printf 'flap link ns2:veth-ns2 every 200ms\nsleep 0.5\njobs\nkill %%1\nsleep 0.5\njobs\n' >"$TMP/j.nsh"
"$NSH" -f "$TMP/j.nsh" >"$TMP/j.out" 2>&1
like "jobs lists the flap job" "$(cat "$TMP/j.out")" \
	'^\[1\]  Running   flap link ns2:veth-ns2 every 200ms$'
like "… kill %1 ends it" "$(cat "$TMP/j.out")" '^\[1\]\+  Done      flap link'
is "… and the link is left up" "$(up ns2 veth-ns2) $(up "" veth-br2)" "up up"
err=$("$NSH" -c "kill %7" 2>&1); rc=$?
like "kill %7 without such a job: one line, status 1" "rc=$rc $err" "^rc=1 kill: '%7': no such job$"
done_testing
