#!/bin/sh
# ip monitor: nsh's and iproute2's monitors listen side by side while the
# same changes happen (links, addresses, routes with metrics and
# nexthops, neighbours, rules, nsids, netconf, a bridge, a namespace and a
# veth into it, deletions); their lines must be the same, for each set of
# objects and options.  nsh's ends at Ctrl-C with status 0.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# the changes both monitors see
changes() {
	ip link add v1 type veth peer name v2
	ip link set v1 up
	ip link set v2 up
	ip addr add 10.0.0.1/24 dev v1
	ip addr add 10.0.0.9/24 dev v1
	ip -6 addr add fd00::1/64 dev v1 nodad
	ip route add 10.9.0.0/16 via 10.0.0.2
	ip route add 10.8.0.0/16 via 10.0.0.2 metric 7 table 100
	ip route add 10.7.0.0/16 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.0.3
	ip route add 10.6.0.0/16 dev v1 mtu 1400
	ip route add blackhole 10.5.0.0/16
	ip route del 10.9.0.0/16
	ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev v1
	ip neigh del 10.0.0.5 dev v1
	ip rule add pref 100 from 10.1.0.0/16 table 100
	ip rule add pref 101 to 10.2.0.0/16 iif v1 lookup main
	ip rule del pref 100
	ip rule del pref 101
	ip netns add n1
	ip netns set n1 7
	ip link add w1 type veth peer name w2 netns n1
	ip link add br0 type bridge
	ip link set v2 master br0
	echo 1 >/proc/sys/net/ipv4/conf/v1/forwarding
	if ip nexthop add id 5 via 10.0.0.2 dev v1 2>/dev/null; then
		ip nexthop del id 5
	fi
	ip addr del 10.0.0.1/24 dev v1
	ip link set v1 mtu 1400
	ip -n n1 link set w2 up
	ip -n n1 addr add 10.1.0.2/24 dev w2
	ip link del v1
	ip link del br0
	ip netns del n1
}

# mon DESC ARGS…: `ip ARGS…` (a monitor line) by iproute2 and by nsh
mon() {
	_d=$1; shift
	clean
	stdbuf -oL ip "$@" >"$TMP/m.ip" 2>&1 &
	_p=$!
	"$NSH" -c "ip $*" >"$TMP/m.nsh" 2>&1 &
	_q=$!
	sleep 0.4
	${MON_CHANGES:-changes} >/dev/null 2>&1
	sleep 0.6
	kill -INT "$_q"
	wait "$_q"
	_rc=$?
	kill "$_p"
	wait "$_p" 2>/dev/null
	# timestamps differ by microseconds
	sed -i -e '/^Timestamp: /d' -e 's/^\[[0-9-]*T[0-9:.]*\] //' \
		"$TMP/m.ip" "$TMP/m.nsh"
	is "$_d: ip $*: the same lines as iproute2's, status 0 at Ctrl-C" \
		"$(cat "$TMP/m.nsh")
rc=$_rc" "$(cat "$TMP/m.ip")
rc=0"
}

mon "everything" monitor
like "… they say something" "$(cat "$TMP/m.nsh")" 'inet 10\.0\.0\.1/24'
mon "labelled" monitor label
like "… with labels" "$(cat "$TMP/m.nsh")" '^\[ROUTE\]Deleted 10\.9\.0\.0/16 via 10\.0\.0\.2 dev v1 $'
mon "all (labelled)" monitor all
mon "every namespace" monitor all-nsid
like "… with the nsid" "$(cat "$TMP/m.nsh")" '^\[nsid 7\]2: w2'
mon "every namespace, labelled" monitor label all-nsid
mon "links" monitor link
mon "addresses and routes, abbreviated" monitor a r
mon "neighbours, rules, nsids" monitor neigh rule nsid
mon "netconf" monitor netconf
mon "nexthops" monitor nexthop label
mon "-4" -4 monitor
mon "-6, labelled" -6 monitor label
mon "-t timestamps" -t monitor link
mon "-ts timestamps" -ts monitor address

# dev DEV: the link must exist when the monitor starts
devchanges() {
	ip addr add 10.0.0.1/24 dev v1
	ip link set v1 up
	ip route add 10.6.0.0/16 dev v1
	ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev v1
	ip addr add 10.0.0.2/24 dev v2
	ip link set v1 down
}
clean
ip link add v1 type veth peer name v2
stdbuf -oL ip monitor dev v1 >"$TMP/m.ip" 2>&1 &
p=$!
"$NSH" -c 'ip monitor dev v1' >"$TMP/m.nsh" 2>&1 &
q=$!
sleep 0.4
devchanges >/dev/null 2>&1
sleep 0.5
kill -INT "$q"; wait "$q"
kill "$p"; wait "$p" 2>/dev/null
is "dev v1: only v1's events, as iproute2" "$(cat "$TMP/m.nsh")" "$(cat "$TMP/m.ip")"
like "… v2's address is not there" "$(cat "$TMP/m.nsh")" '10\.0\.0\.1/24'
ok "… and v2 is absent" sh -c "! grep -q 'v2    inet' '$TMP/m.nsh'"

# errors: one line, before anything listens
rejects "an unknown word" "ip monitor frob" "^ip monitor: 'frob': unknown word$"
rejects "dev without its link" "ip monitor dev" "^ip monitor: missing DEV after 'dev'$"
rejects "dev of a missing link" "ip monitor dev nope" \
	"^ip monitor: 'nope': no such link in the host namespace$"
ok "ip monitor link help: the usage" "$NSH" -c 'ip monitor link help'
like "… iproute2's" "$(cat "$TMP/out")" '^Usage: ip monitor \[ all \| OBJECTS \]'
# what nsh does not print itself runs in the real ip
"$NSH" -c 'ip monitor mroute' >/dev/null 2>"$TMP/mr.err" &
q=$!
sleep 0.4
for c in $(pgrep -P "$q"); do kill "$c"; done
wait "$q" 2>/dev/null
like "ip monitor mroute: the real ip runs it" "$(cat "$TMP/mr.err")" \
	'^nsh: ip monitor mroute: not native, ran /.*/ip$'

done_testing
