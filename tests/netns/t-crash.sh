#!/bin/sh
# Crash trials (issue 14): nsh -f runs a 30+ line lab (scripts/lab06.nsh's
# objects, without its pings and its final deletions, plus a spawned
# process and a few more links) and is killed at a random moment, SIGKILL
# or SIGTERM; then `nsh -c cleanup`, in the same sandbox, must leave
# nothing of it (namespaces, links, addresses, routes, /run/netns entries,
# mounts, processes, journals) and touch nothing that was there before
# (foreign namespaces, links, addresses made with plain ip, among them a
# bridge named like the lab's in another namespace).
# make check: 3 SIGKILL + 2 SIGTERM trials; NSH_LONG=1 (make check-long):
# 50 SIGKILL + 30 SIGTERM.  T_CRASH_SEED=N repeats the moments.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

NKILL=3 NTERM=2
[ -n "${NSH_LONG:-}" ] && NKILL=50 NTERM=30
SEED=${T_CRASH_SEED:-$(awk 'BEGIN { srand(); print int(rand() * 1000000) }')}
echo "# T_CRASH_SEED=$SEED to repeat; $NKILL SIGKILL + $NTERM SIGTERM trials"
# the trials' nsh and everything it starts carry this in the environment
TAG=nsh-crash-$$

# the lab: lab06's lines that make something, and more
LAB=$TMP/lab.nsh
{
	grep -Ev '^[[:space:]]*(#|$)|ping|^enter|^leave|^ip netns del|^ip link delete' \
		"$top_srcdir/scripts/lab06.nsh"
	cat <<'NSH'
ip netns add ns3
ip link add vx1 type vxlan id 7 dstport 4789
ip link set vx1 master br0
ip -n ns1 link add mv1 link veth-ns1 type macvlan mode bridge
ip -n ns1 addr add 10.201.0.1/24 dev mv1
ip link add ifb7 type ifb
ip link set ifb7 netns ns3
spawn h1 sleep 600
ip link add veth-h1 type veth peer name veth-x netns ns3
ip -n ns3 link set veth-x up
ip route add 10.77.0.0/16 via 192.168.50.2 dev br0
NSH
} >"$LAB"
nlines=$(grep -c . "$LAB")
ok "the lab has 30+ lines ($nlines)" [ "$nlines" -ge 30 ]

# foreign objects, made with plain ip before any trial
ip netns add foreign1
ip link add fa type veth peer name fb
ip link set fb netns foreign1
ip link add fbr type bridge
ip link set fa master fbr
ip addr add 10.99.0.1/24 dev fbr
ip link set fbr up
ip -n foreign1 addr add 10.99.0.2/24 dev fb
ip -n foreign1 link add br0 type bridge	# the lab's name, elsewhere
ip -n foreign1 link set br0 up
ip route add 10.98.0.0/16 via 10.99.0.2 dev fbr onlink

# everything the trials could leave or touch, one line per object
snapshot() {
	python3 "$top_srcdir/tests/state.py" | python3 -c '
import json, sys
s = json.load(sys.stdin)
for n in s["netns"]:
    print("netns", n)
for ns, v in s["ns"].items():
    for name, l in v["links"].items():
        print("link", ns, name, json.dumps(l, sort_keys=True))
    for a in v["addrs"]:
        print("addr", ns, json.dumps(a, sort_keys=True))
    for r in v["routes"]:
        print("route", ns, json.dumps(r, sort_keys=True))'
	ls -ln /run/netns 2>/dev/null | awk 'NR > 1 { print "entry", $1, $5, $9 }'
	awk '$5 ~ /^\/run\/netns/ { print "mount", $5, $9 }' /proc/self/mountinfo
	ls /run/nsh 2>/dev/null | sed 's/^/nshrun /'
	grep -lz "^NSH_TRIAL_TAG=$TAG\$" /proc/[0-9]*/environ 2>/dev/null |
		grep -v "^/proc/\($$\|self\)/" | while read -r e; do
		p=${e#/proc/}; p=${p%/environ}
		[ -d "/proc/$p" ] && [ "$p" != "$$" ] || continue
		printf 'process %s\n' "$(tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null)"
	done
}
procs() { grep '^process' "$1"; }
snapshot | grep -v '^process' | sort >"$TMP/before"
ok "foreign objects in place ($(wc -l <"$TMP/before") lines)" \
	grep -q '^link foreign1 br0' "$TMP/before"

# a full run first: how long the lab takes (the trials' moments are in it)
t0=$(date +%s%N)
ok "the lab runs to its end" env NSH_TRIAL_TAG=$TAG "$NSH" -f "$LAB"
t1=$(date +%s%N)
DUR=$(( (t1 - t0) / 1000000 ))
echo "# the lab takes $DUR ms"
ok "cleanup after the full run" "$NSH" -c cleanup
snapshot | sort >"$TMP/after"
is "full run + cleanup: nothing left, nothing touched" \
	"$(diff "$TMP/before" "$TMP/after" | grep '^[<>]')" ""

# force-clean what a failed trial left, so the next starts clean
scrub() {
	for n in ns1 ns2 ns3; do ip netns del "$n" 2>/dev/null; done
	for l in br0 veth-br1 veth-br2 vx1 veth-h1 ifb7 veth-ns1 veth-ns2; do
		ip link del "$l" 2>/dev/null
	done
	for e in /proc/[0-9]*/environ; do
		p=${e#/proc/}; p=${p%/environ}
		[ "$p" = $$ ] && continue
		grep -qz "^NSH_TRIAL_TAG=$TAG\$" "$e" 2>/dev/null &&
			kill -9 "$p" 2>/dev/null
	done
	rm -f /run/nsh/*.journal
	sleep 0.5
}

# trial SIGNAL I: prints "LEFT TOUCHED" counts; details to $TMP/trial.log
trial() {
	at=$(awk -v s="$SEED" -v i="$2" -v d="$DUR" -v sig="$1" \
		'BEGIN { srand(s * 1000 + i * 7 + length(sig)); printf "%.3f", rand() * d * 0.9 / 1000 }')
	# a moment after the lab's end (it ran faster than the first time)
	# is tried again, earlier, up to 4 times
	for try in 1 2 3 4 5; do
		NSH_TRIAL_TAG=$TAG "$NSH" -f "$LAB" >/dev/null 2>&1 &
		p=$!
		sleep "$at"
		if kill -"$1" "$p" 2>/dev/null; then when="at ${at}s"; break; fi
		when="after its end"
		wait "$p"
		[ $try = 5 ] && break
		"$NSH" -c cleanup >/dev/null 2>&1
		at=$(awk -v a="$at" 'BEGIN { printf "%.3f", a / 2 }')
	done
	# SIGTERM: nsh finishes or undoes its step, then exits
	i=0
	while kill -0 "$p" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
	if kill -0 "$p" 2>/dev/null; then
		echo "trial $1 $2: nsh did not end within 10 s" >>"$TMP/trial.log"
		kill -9 "$p"
		NOEND=$((NOEND + 1))
	fi
	wait "$p" 2>/dev/null
	"$NSH" -c cleanup >"$TMP/cleanup.out" 2>&1 || {
		echo "trial $1 $2 ($when): cleanup failed:" >>"$TMP/trial.log"
		sed 's/^/    /' "$TMP/cleanup.out" >>"$TMP/trial.log"
	}
	# processes end as they are killed: give them a moment
	i=0
	while snapshot >"$TMP/after.raw" && [ -n "$(procs "$TMP/after.raw")" ] &&
	      [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
	{ grep -v '^process' "$TMP/after.raw"; procs "$TMP/after.raw"; } |
		sort >"$TMP/after"
	left=$(comm -13 "$TMP/before" "$TMP/after" | wc -l)
	touched=$(comm -23 "$TMP/before" "$TMP/after" | wc -l)
	if [ "$left" != 0 ] || [ "$touched" != 0 ]; then
		{
			echo "trial $1 $2 ($when): $left left, $touched touched"
			comm -13 "$TMP/before" "$TMP/after" | sed 's/^/    left: /'
			comm -23 "$TMP/before" "$TMP/after" | sed 's/^/    touched: /'
		} >>"$TMP/trial.log"
		scrub
	fi
	echo "$left $touched $when"
}

: >"$TMP/trial.log"
for sig in KILL TERM; do
	n=$NKILL
	[ $sig = TERM ] && n=$NTERM
	L=0 T=0 bad=0 after=0 NOEND=0
	i=1
	while [ $i -le $n ]; do
		set -- $(trial $sig $i)
		L=$((L + $1)) T=$((T + $2))
		[ "$1$2" = 00 ] || bad=$((bad + 1))
		[ "$3" = after ] && after=$((after + 1))
		i=$((i + 1))
	done
	echo "# $n SIG$sig trials ($after after the lab's end): $L objects left, $T touched, $bad trials not clean"
	is "$n SIG$sig trials at random moments + cleanup: 0 objects left" "$L" 0
	is "$n SIG$sig trials: 0 foreign objects touched" "$T" 0
done
sed 's/^/# /' "$TMP/trial.log" | head -60
NOEND=$(grep -c 'did not end' "$TMP/trial.log")
is "every nsh ended on its signal within 10 s" "$NOEND" 0
done_testing
