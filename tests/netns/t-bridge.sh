#!/bin/sh
# bridge link / fdb / vlan.  Every change nsh makes in namespace "a" is made
# by iproute2 in namespace "b" (the same bridge, ports and MAC addresses),
# and the kernel's state must then be the same: `bridge -j -d link`,
# `bridge -j fdb`, `bridge -j vlan` and the ports' `ip -j -d link` details.
# nsh's show output (text, -d, -j, -p, -s) is compared with iproute2's on
# the same state.  Every rejected line must exit non-zero, print one line
# naming its subject, and leave the kernel state exactly as it was.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# brstate NS: the bridge's state in NS as iproute2 reports it (the ports'
# running STP timers left out)
brstate() {
	bridge -n "$1" -j -d link show
	bridge -n "$1" -j fdb show
	bridge -n "$1" -j vlan show
	for p in v1 v2; do
		ip -n "$1" -j -d link show dev $p | python3 -c '
import json, sys
l = json.load(sys.stdin)[0]
d = l.get("linkinfo", {}).get("info_slave_data", {})
print(json.dumps({k: v for k, v in d.items() if not k.endswith("_timer")},
                 sort_keys=True))'
	done
}

# both ARGS: "bridge -n a ARGS" in nsh, "bridge -n b ARGS" with iproute2,
# then the two states must be the same
both() {
	ok "nsh: bridge $*" "$NSH" -c "bridge -n a $*"
	bridge -n b "$@" || echo "# iproute2 failed: bridge -n b $*"
	is "same kernel state as iproute2 after 'bridge $*'" \
		"$(brstate a)" "$(brstate b)"
}

# same_out ARGS: `bridge -n a ARGS` prints in nsh what iproute2 prints
same_out() {
	bridge -n a "$@" >"$TMP/ip.out" 2>/dev/null
	"$NSH" -c "bridge -n a $*" >"$TMP/nsh.out" 2>/dev/null
	is "'bridge $*' prints what iproute2 prints" "$(cat "$TMP/nsh.out")" \
		"$(cat "$TMP/ip.out")"
}

# the same bridge in a and b: fixed MAC addresses, no IPv6 (no traffic
# the bridge would learn from), every link up
for n in a b; do
	ip netns add $n
	ip netns exec $n sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip netns exec $n sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	ip -n $n link add br0 address 02:00:00:00:0b:00 type bridge
	ip -n $n link add v1 address 02:00:00:00:01:01 type veth peer name p1 \
		address 02:00:00:00:01:02
	ip -n $n link add v2 address 02:00:00:00:02:01 type veth peer name p2 \
		address 02:00:00:00:02:02
	ip -n $n link set v1 master br0
	ip -n $n link set v2 master br0
	for l in br0 v1 v2 p1 p2; do ip -n $n link set $l up; done
	ip -n $n link add vx0 address 02:00:00:00:0a:00 type vxlan id 42 \
		dstport 4789 nolearning 2>/dev/null
done
have_vxlan=no
ip -n a link show vx0 >/dev/null 2>&1 && have_vxlan=yes
is "the two namespaces start alike" "$(brstate a)" "$(brstate b)"

# ---------------------------------------------------------------- link set

both link set dev v1 cost 5
both link set dev v1 priority 7
both link set dev v1 cost 9 priority 3 state 1
both link set dev v1 state forwarding
both link set dev v2 state blocking
both link set dev v2 state 3
both link set dev v1 hairpin on guard on fastleave on root_block on
both link set dev v1 learning off flood off mcast_flood off bcast_flood off
both link set dev v1 mcast_to_unicast on neigh_suppress on vlan_tunnel on
both link set dev v1 isolated on locked on
both link set dev v1 isolated off locked of hairpin o
both link set dev v1 learning_sync on
both link set dev v1 mcast_router 2
both link set dev v1 backup_port v2
both link set dev v1 nobackup_port
both link set dev v1 cost 11 master
both link change dev v2 cost 4
both l s dev v2 priority 9
both link set cost 12 dev v2
both link set dev v1 dev v2 cost 13

# ---------------------------------------------------------------- fdb

both fdb add 02:00:00:00:00:01 dev v1 master static
both fdb add 02:00:00:00:00:02 dev v1 master
both fdb add 02:00:00:00:00:03 dev v2
both fdb add 2:0:0:0:0:4 dev v2 master local
both fdb add 02:00:00:00:00:05 dev v2 master sticky static
both fdb replace 02:00:00:00:00:01 dev v2 master static
both fdb append 02:00:00:00:00:06 dev v1 master temp
both fdb add to 02:00:00:00:00:07 dev v1 master perm
both fdb del 02:00:00:00:00:02 dev v1 master
both fdb d 02:00:00:00:00:03 dev v2
both fdb flush dev br0 brport v1 nopermanent
both fdb flush dev br0 static
both fdb add 02:00:00:00:00:0e dev v1 master dynamic
if [ $have_vxlan = yes ]; then
	both fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.2
	both fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.3
	both fdb add 02:00:00:00:00:08 dev vx0 dst 10.0.0.4 port 4790 vni 43 \
		self permanent
	both fdb add 02:00:00:00:00:09 dev vx0 dst 10.0.0.5 via v1
	both fdb del 00:00:00:00:00:00 dev vx0 dst 10.0.0.2
	both fdb replace 02:00:00:00:00:09 dev vx0 dst 10.0.0.6
else
	for i in 1 2 3 4 5 6; do skip "no vxlan in this kernel"; done
fi

# ---------------------------------------------------------------- vlan

both vlan del dev v1 vid 1
# the kernel may have no VLAN filtering: then both refuse the same lines
if bridge -n b vlan add dev v2 vid 10 2>/dev/null; then
	bridge -n b vlan del dev v2 vid 10
	both vlan add dev v1 vid 10
	both vlan add dev v1 vid 20-30 untagged
	both vlan add dev v1 vid 40 pvid untagged master
	both vlan del dev v1 vid 20-30
else
	REJECTS_ALSO="brstate a"
	rejects "vlan add without VLAN filtering" \
		"bridge -n a vlan add dev v1 vid 10 pvid untagged" \
		"^bridge vlan add: 'v1': operation not supported"
	unset REJECTS_ALSO
	skip "kernel has no bridge vlan_filtering"
fi

# ---------------------------------------------------------------- show

for args in "link" "link show" "link show dev v1" "-d link show" \
	"-j link show" "-j -p link" "-d -j link" "-o -d link" \
	"fdb" "fdb show" "fdb show br br0" "fdb show dev v1" \
	"fdb show brport v2" "-j fdb show" "-j -p fdb show br br0" \
	"fdb show state permanent" "fdb show dynamic" "-j fdb show dev vx0" \
	"fdb show dev vx0" "vlan" "vlan show" "-j vlan show" "-c vlan show" \
	"vlan show dev v1" "vlan tunnelshow" "-j vlan tunnelshow" \
	"-s vlan show" "fdb get 02:00:00:00:00:05 br br0" \
	"-j fdb get 02:00:00:00:00:05 dev v2 master" \
	"fdb get 02:00:00:00:00:08 dev vx0 self"; do
	same_out $args
done
# -d vlan show: the same output (the kernel may refuse the dump)
bridge -n a -d vlan show >"$TMP/ip.out" 2>/dev/null
"$NSH" -c "bridge -n a -d vlan show" >"$TMP/nsh.out" 2>/dev/null
is "'bridge -d vlan show' prints what iproute2 prints" \
	"$(cat "$TMP/nsh.out")" "$(cat "$TMP/ip.out")"
# -s: "used" seconds may tick between the two: a few tries
i=0
while :; do
	bridge -n a -s fdb show br br0 >"$TMP/ip.out" 2>&1
	"$NSH" -c "bridge -n a -s fdb show br br0" >"$TMP/nsh.out" 2>&1
	cmp -s "$TMP/ip.out" "$TMP/nsh.out" || [ $i -ge 5 ] && break
	i=$((i + 1))
done
is "'bridge -s fdb show br br0' prints what iproute2 prints" \
	"$(cat "$TMP/nsh.out")" "$(cat "$TMP/ip.out")"
# a port whose peer is down: M-DOWN
ip -n a link set p2 down
same_out link show
same_out -j link show
ip -n a link set p2 up

# ---------------------------------------------------------------- errors

REJECTS_ALSO="brstate a"
rejects "link set without dev" "bridge -n a link set cost 5" \
	"^bridge link set: missing 'dev DEV'"
rejects "link set of a missing link" "bridge -n a link set dev nosuch cost 5" \
	"'nosuch': no such link"
rejects "an STP state that is none" "bridge -n a link set dev v1 state up" \
	"'up': invalid STP port state"
rejects "on/off that is neither" "bridge -n a link set dev v1 hairpin yes" \
	"'yes': must be \"on\" or \"off\""
rejects "an unknown word" "bridge -n a link set dev v1 hair on" \
	"'hair': unknown word"
rejects "a state the kernel refuses" "bridge -n a link set dev v1 state 9" \
	"^bridge link set: 'v1': "
rejects "hwmode on a veth" "bridge -n a link set dev v1 hwmode vepa" \
	"^bridge link set: 'v1': "
rejects "a backup port that is missing" \
	"bridge -n a link set dev v1 backup_port nosuch" "'nosuch': no such link"
rejects "fdb add without dev" "bridge -n a fdb add 02:00:00:00:00:0a" \
	"^bridge fdb add: missing 'dev DEV'"
rejects "fdb add without address" "bridge -n a fdb add dev v1 master" \
	"^bridge fdb add: missing the MAC address"
rejects "fdb add of a bad address" "bridge -n a fdb add 02:00:00:00:00 dev v1" \
	"'02:00:00:00:00': invalid mac address"
rejects "fdb add twice" "bridge -n a fdb add 2:0:0:0:0:4 dev v2 master local" \
	"^bridge fdb add: 'v2': "
rejects "fdb add two addresses" \
	"bridge -n a fdb add 02:00:00:00:00:0b 02:00:00:00:00:0c dev v1" \
	"given twice"
rejects "fdb add nhid with dst" \
	"bridge -n a fdb add 02:00:00:00:00:0b dev v1 nhid 1 dst 10.0.0.1" \
	"'nhid': dst, port, vni are mutually exclusive with nhid"
rejects "fdb add of a bad vni" "bridge -n a fdb add 02:00:00:00:00:0b dev v1 vni 16777216" \
	"'16777216': not a VNI"
rejects "fdb del of a missing entry" "bridge -n a fdb del 02:00:00:00:00:0d dev v1 master" \
	"^bridge fdb delete: 'v1': "
rejects "fdb get of a missing entry" "bridge -n a fdb get 02:00:00:00:00:0d br br0" \
	"^bridge fdb get: '02:00:00:00:00:0d': "
rejects "fdb get without a device" "bridge -n a fdb get 02:00:00:00:00:0d" \
	"^bridge fdb get: missing 'dev DEV' or 'br BRIDGE'"
rejects "fdb flush without dev" "bridge -n a fdb flush static" \
	"^bridge fdb flush: missing 'dev DEV'"
rejects "fdb flush of a bad vlan" "bridge -n a fdb flush dev br0 vlan 4096" \
	"'4096': invalid VLAN ID"
rejects "fdb show of a missing device" "bridge -n a fdb show dev nosuch" \
	"'nosuch': no such link"
rejects "vlan add without vid" "bridge -n a vlan add dev v1" \
	"^bridge vlan add: missing 'vid VID'"
rejects "vlan add of a VLAN ID too large" "bridge -n a vlan add dev v1 vid 4096" \
	"'4096': invalid VLAN ID"
rejects "vlan add of a reversed range" "bridge -n a vlan add dev v1 vid 30-20" \
	"'30-20': invalid VLAN range"
rejects "vlan add of a pvid range" "bridge -n a vlan add dev v1 vid 20-30 pvid" \
	"'pvid': cannot be configured for a VLAN range"
rejects "an unknown object" "bridge -n a foo show" "'foo': unknown object"
rejects "an unknown fdb verb" "bridge -n a fdb fl dev br0" \
	"'fl': unknown word"
unset REJECTS_ALSO

done_testing
