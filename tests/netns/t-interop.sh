#!/bin/sh
# The reliability contract with iproute2, both ways: a namespace made by
# one tool is seen, used and deleted by the other, with the same /run/netns
# layout (one nsfs bind mount per name, /run/netns mounted once), attach,
# identify, pids, stale entries, and a race of 20 nsh processes.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

names() { ls -A /run/netns 2>/dev/null; }
# mounts PATH: how many mounts /proc/self/mountinfo has on PATH
# (only those under the sandbox's own /run: the host's mounts, hidden
# under it, are listed in mountinfo too)
mounts() {
	awk -v p="$1" '
	{ parent[$1] = $2; mp[$1] = $5 }
	END {
		for (id in mp)	# the /run on top: no other /run sits on it
			if (mp[id] == "/run" && !(id in below))
				for (o in mp)
					if (mp[o] == "/run" && parent[o] == id)
						below[id] = 1
		for (id in mp)
			if (mp[id] == "/run" && !(id in below))
				top = id
		n = 0
		for (id in mp) {
			if (mp[id] != p)
				continue
			for (x = id; x in parent && x != top && parent[x] != x;
			     x = parent[x])
				;
			if (x == top)
				n++
		}
		print n
	}' /proc/self/mountinfo
}
# netino PID|self: the inode of a process's network namespace
netino() { stat -L -c %i "/proc/$1/ns/net"; }

PIDS=
cleanup_pids() { for p in $PIDS; do kill "$p" 2>/dev/null; done; }
trap 'cleanup_pids; rm -rf "$TMP"' EXIT

# start_netns_sleeper: a `sleep` in a fresh network namespace (unshare
# execs sleep, so $! is the sleep); waits until it has its own namespace
start_netns_sleeper() {
	unshare --net sleep 30 &
	SP=$!
	PIDS="$PIDS $SP"
	_i=0
	while [ "$(netino "$SP" 2>/dev/null)" = "$(netino self)" ] ||
	      [ "$(cat /proc/$SP/comm 2>/dev/null)" != sleep ]; do
		_i=$((_i + 1))
		[ $_i -gt 200 ] && break
		sleep 0.01
	done
}

# ---------------------------------------------------------------- nsh -> iproute2

ok "nsh creates ns1" "$NSH" -c 'ip netns add ns1'
is "/run/netns/ns1 is an nsfs mount" "$(stat -f -c %T /run/netns/ns1)" nsfs
is "/run/netns/ns1 appears once in /proc/self/mountinfo" "$(mounts /run/netns/ns1)" 1
is "/run/netns itself is mounted once" "$(mounts /run/netns)" 1
is "ip netns list sees ns1" "$(ip netns list | awk '{print $1}')" ns1
ok "ip netns exec ns1 true" ip netns exec ns1 true
is "ip netns exec ns1 ip netns identify prints ns1" \
	"$(ip netns exec ns1 ip netns identify)" ns1
is "a program run by nsh and one run by ip netns exec are in the same namespace" \
	"$("$NSH" -c 'ip netns exec ns1 readlink /proc/self/ns/net')" \
	"$(ip netns exec ns1 readlink /proc/self/ns/net)"

"$NSH" -c 'ip netns exec ns1 sleep 30' >/dev/null 2>&1 &
NP=$!
PIDS="$PIDS $NP"
# the sleep is nsh's child in ns1 (nsh itself waits inside ns1 too, as it
# setns()es before forking, so it may be listed as well)
sleeper() {
	for _p in $(ip netns pids ns1); do
		[ "$(cat /proc/$_p/comm 2>/dev/null)" = sleep ] &&
		[ "$(awk '{print $4}' /proc/$_p/stat 2>/dev/null)" = "$NP" ] &&
		echo "$_p"
	done
}
i=0
while [ -z "$(sleeper)" ] && [ $i -lt 200 ]; do sleep 0.01; i=$((i + 1)); done
P=$(sleeper)
like "ip netns pids ns1 lists the sleep nsh started there" "$P" '^[0-9]+$'
is "ip netns identify PID names ns1" "$(ip netns identify "$P")" ns1
is "nsh: ip netns pids ns1 agrees with iproute2" \
	"$("$NSH" -c 'ip netns pids ns1')" "$(ip netns pids ns1)"
kill "$P" 2>/dev/null
wait "$NP" 2>/dev/null

ok "ip netns del deletes nsh's namespace" ip netns del ns1
is "after ip netns del: no entry and no mount" \
	"[$(names)] $(mounts /run/netns/ns1)" "[] 0"

# ---------------------------------------------------------------- iproute2 -> nsh

ip netns add ip1
is "nsh: ip netns list sees iproute2's ip1" \
	"$("$NSH" -c 'ip netns list' | awk '{print $1}')" ip1
ok "nsh: ip netns exec ip1 true" "$NSH" -c 'ip netns exec ip1 true'
is "nsh: a program run in ip1 is in ip1's namespace (inode)" \
	"$("$NSH" -c 'ip netns exec ip1 readlink /proc/self/ns/net')" \
	"net:[$(stat -L -c %i /run/netns/ip1)]"
"$NSH" -c 'ip netns add ns2'
is "both tools' names are listed by ip netns list" \
	"$(ip netns list | awk '{print $1}' | sort | tr '\n' ' ')" "ip1 ns2 "
is "/run/netns is still mounted once after both tools added names" \
	"$(mounts /run/netns)" 1
nok "nsh refuses to add a name iproute2 already uses" "$NSH" -c 'ip netns add ip1'
ok "nsh deletes iproute2's ip1" "$NSH" -c 'ip netns del ip1'
is "after nsh's delete: ip1 has no entry and no mount, ns2 is left" \
	"$(names | tr '\n' ' ')$(mounts /run/netns/ip1)" "ns2 0"
clean

# iproute2 first on a fresh /run/netns (it makes the shared mount), then nsh
umount /run/netns 2>/dev/null
rmdir /run/netns 2>/dev/null
ip netns add ip2
ok "nsh adds a name after iproute2 set /run/netns up" "$NSH" -c 'ip netns add ns3'
is "fresh /run/netns, iproute2 first: both names, each mounted once, the directory once" \
	"$(ip netns list | awk '{print $1}' | sort | tr '\n' ' ')$(mounts /run/netns/ip2)$(mounts /run/netns/ns3)$(mounts /run/netns)" \
	"ip2 ns3 111"
clean

# ---------------------------------------------------------------- attach, identify, pids

start_netns_sleeper
A=$SP
ok "nsh: ip netns attach att PID" "$NSH" -c "ip netns attach att $A"
is "ip netns identify PID gives att" "$(ip netns identify "$A")" att
is "nsh: ip netns identify PID gives att" "$("$NSH" -c "ip netns identify $A")" att
is "/run/netns/att is an nsfs mount of the process's namespace (inode)" \
	"$(stat -f -c %T /run/netns/att) $(stat -L -c %i /run/netns/att)" \
	"nsfs $(netino "$A")"
is "ip netns pids att lists the process" "$(ip netns pids att)" "$A"
is "nsh: ip netns pids att lists the process" "$("$NSH" -c 'ip netns pids att')" "$A"
printf 'enter att\nip netns identify\n' >"$TMP/s.nsh"
is "nsh: ip netns identify with no PID after 'enter att' prints att" \
	"$("$NSH" -f "$TMP/s.nsh")" att
is "nsh: ip netns identify with no PID at the top prints nothing" \
	"$("$NSH" -c 'ip netns identify')" ""
ip netns add ip3
is "nsh: enter an iproute2 namespace, then identify" \
	"$(printf 'enter ip3\nip netns identify\n' | "$NSH")" ip3
kill "$A" 2>/dev/null
wait "$A" 2>/dev/null
ok "the attached name outlives the process: ip netns exec att true" ip netns exec att true
clean

# ---------------------------------------------------------------- stale entries

mkdir -p /run/netns
touch /run/netns/stale
"$NSH" -c 'ip netns exec stale true' >"$TMP/o" 2>"$TMP/e"
is "nsh: ip netns exec on a stale plain file fails (status 1, one line)" \
	"rc=$? lines=$(wc -l <"$TMP/e" | tr -d ' ')" "rc=1 lines=1"
like "nsh: the message says stale" "$(cat "$TMP/e")" "'stale'.*stale"
ok "nsh: ip netns del stale succeeds" "$NSH" -c 'ip netns del stale'
ok "ip netns del stale removed the file" test ! -e /run/netns/stale
clean

# ---------------------------------------------------------------- a race

umount /run/netns 2>/dev/null
rmdir /run/netns 2>/dev/null
i=1
while [ $i -le 20 ]; do
	( "$NSH" -c 'ip netns add same' >/dev/null 2>"$TMP/p$i.err"
	  echo $? >"$TMP/p$i.rc" ) &
	i=$((i + 1))
done
wait
is "20 parallel 'ip netns add same': exactly one succeeds" \
	"$(cat "$TMP"/p*.rc | grep -c '^0$')" 1
is "20 parallel: the 19 others say 'already exists'" \
	"$(cat "$TMP"/p*.err | grep -c "'same': namespace already exists")" 19
is "20 parallel: one entry, one nsfs mount on it, /run/netns mounted once" \
	"$(names) $(mounts /run/netns/same) $(mounts /run/netns) $(stat -f -c %T /run/netns/same)" \
	"same 1 1 nsfs"
ok "20 parallel: ip netns exec same true" ip netns exec same true
clean

done_testing
