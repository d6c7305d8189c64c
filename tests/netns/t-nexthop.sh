#!/bin/sh
# ip nexthop add / replace / delete / list / get / flush / bucket, natively.
# Every line runs twice: with iproute2 in namespace "ipr" and with nsh in
# namespace "nsh" (same links, same addresses); the nexthops of the two
# (`ip -j -d nexthop`, and `ip -j nexthop bucket` for resilient groups)
# must then be identical, and so must the two programs' success and
# output.  list, get, bucket and their -j, -d forms are compared with
# iproute2's on one state.  Every refused line exits non-zero with one
# stderr line naming the word, and leaves the kernel as it was.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# idle: bucket idle times and a group's unbalanced time grow by the tick
idle() {
	sed -E 's/(idle_time|unbalanced_time)([": ]+)[0-9.e+-]+/\1\2T/g'
}

# nexthops NS: the nexthops and the buckets of NS, in detail
nexthops() {
	{
		ip -n "$1" -d -j nexthop
		ip -n "$1" -j nexthop bucket
	} | idle
}

# both ARGS: `ip -n ipr ARGS` (iproute2) and `ip -n nsh ARGS` (nsh) both
# succeed or both fail, print the same, and leave the same nexthops
both() {
	ip -n ipr "$@" >"$TMP/ip.out" 2>/dev/null
	_r1=$?
	"$NSH" -c "ip -n nsh $*" >"$TMP/nsh.out" 2>"$TMP/nsh.err"
	_r2=$?
	[ $_r1 = 0 ] && _r1=ok || _r1=failed
	[ $_r2 = 0 ] && _r2=ok || _r2=failed
	is "ip $*: $_r1, as with iproute2" "$_r2 $(cat "$TMP/nsh.out")" \
		"$_r1 $(cat "$TMP/ip.out")"
	is "ip $*: the same nexthops" "$(nexthops nsh)" "$(nexthops ipr)"
}

# same_as_ip ARGS: nsh prints what iproute2 prints, in namespace nsh
same_as_ip() {
	ip -n nsh "$@" 2>&1 | idle >"$TMP/ip.out"
	"$NSH" -c "ip -n nsh $*" 2>&1 | idle >"$TMP/nsh.out"
	is "'ip $*' prints what iproute2 prints" "$(cat "$TMP/nsh.out")" \
		"$(cat "$TMP/ip.out")"
}

ip netns add probe
ip -n probe link set lo up
if ! ip -n probe nexthop add id 1 blackhole 2>"$TMP/why"; then
	skip "this kernel has no nexthop objects: $(cat "$TMP/why")"
	done_testing
	exit
fi
res=yes
if ! ip -n probe nexthop add id 2 group 1 type resilient buckets 4 \
	2>"$TMP/why"; then
	res=no
	reason=$(cat "$TMP/why")
fi
mpls=no
ip -n probe link add m1 type veth peer name m2
ip -n probe link set m1 up
ip -n probe nexthop add id 3 encap mpls 100 via 10.9.0.1 dev m1 onlink \
	2>/dev/null && mpls=yes
ip netns del probe

for n in ipr nsh; do
	ip netns add $n
	ip -n $n link set lo up
	ip -n $n link add v1 type veth peer name v2
	ip -n $n link add w1 type veth peer name w2
	for l in v1 v2 w1 w2; do ip -n $n link set $l up; done
	ip -n $n addr add 10.0.0.1/24 dev v1
	ip -n $n addr add 10.1.0.1/24 dev w1
	ip -n $n addr add 2001:db8::1/64 dev v1 nodad
done
is "the two namespaces start alike" "$(nexthops nsh)" "$(nexthops ipr)"

# ---------------------------------------------------------------- add

both nexthop add id 1 via 10.0.0.2 dev v1
both nexthop add id 2 via 10.0.0.3 dev v1
both nexthop add id 3 blackhole
both nexthop add id 4 dev w1
both nexthop add id 5 via 2001:db8::2 dev v1
both nexthop add id 6 via inet6 fe80::2 dev v1
both nexthop add id 7 via 10.0.0.4 dev v1 onlink proto static
both nexthop add id 8 dev v1 via 10.9.9.9 onlink
both -6 nexthop add id 9 dev v1
both nexthop add id 10 group 1/2
both nexthop add id 11 group 1,3/2,5 type mpath
both nexthop add protocol bgp id 12 blackhole
both nexthop add id 13 encap ip id 5 dst 10.0.0.9 via 10.0.0.5 dev v1
both nexthop add id 14 encap ip6 dst 2001:db8::9 src 2001:db8::1 hoplimit 3 tc 1 key csum via 10.0.0.5 dev v1
both nexthop add id 15 encap ip dst 10.0.0.9 ttl 9 tos 0x10 seq id 7 dev w1
both nexthop add id 16 via 10.0.0.5 fdb
both nexthop add id 17 group 16 fdb
both nexthop add via 10.0.0.6 dev v1
if [ $res = yes ]; then
	both nexthop add id 20 group 1/2 type resilient buckets 16 idle_timer 5 unbalanced_timer 20
	both nexthop add id 21 group 1,2/2 type resilient buckets 8
	both nexthop add id 22 group 1/2 type resilient buckets 4 proto static
else
	skip "this kernel has no resilient nexthop groups: $reason"
fi
if [ $mpls = yes ]; then
	both nexthop add id 23 encap mpls 100/200 ttl 5 via 10.0.0.7 dev v1
fi
# refused by the kernel in both
both nexthop add id 1 via 10.0.0.2 dev v1
both nexthop add id 30 group 1/3
both nexthop add id 30 via 10.0.0.2 dev v1 fdb
both nexthop add id 30 group 1/2 type resilient

# ---------------------------------------------------------------- replace

both nexthop replace id 1 via 10.0.0.8 dev v1
both nexthop replace id 10 group 1,2/2
both nexthop replace id 31 dev w1 proto 99
[ $res = yes ] && both nexthop replace id 21 group 1/2/7 type resilient

# ---------------------------------------------------------------- show

same_as_ip nexthop
same_as_ip nexthop show
same_as_ip -j nexthop
same_as_ip -d nexthop list
same_as_ip -d -j nexthop
same_as_ip nexthop lst dev v1
same_as_ip nexthop show groups
same_as_ip -j nexthop show groups
same_as_ip nexthop show fdb
same_as_ip nexthop show protocol 4
same_as_ip nexthop show id 11
same_as_ip -j nexthop show id 13
same_as_ip nexthop get id 14
same_as_ip -j nexthop get id 15
same_as_ip nexthop show protocol 4 id 7
same_as_ip nexthop show protocol 3 id 7
same_as_ip -4 nexthop
same_as_ip -6 nexthop
same_as_ip -N nexthop
same_as_ip nex
same_as_ip nexthop ls
"$NSH" -c 'ip -n nsh -j -p nexthop' >"$TMP/j"
ok "ip -j -p nexthop is valid JSON" python3 -m json.tool "$TMP/j"
is "…and the same JSON as iproute2's" \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])))' "$TMP/j")" \
	"$(ip -n nsh -j nexthop | python3 -c 'import json,sys; print(json.load(sys.stdin))')"
if [ $res = yes ]; then
	same_as_ip nexthop bucket
	same_as_ip -j nexthop bucket
	same_as_ip nexthop bucket show id 20
	same_as_ip -j nexthop bucket list id 21
	same_as_ip nexthop bucket list nhid 1
	same_as_ip nexthop bucket show dev v1
	same_as_ip nexthop bucket get id 20 index 3
	same_as_ip -j nexthop bucket get id 21 index 0
	same_as_ip nexthop show id 20
	same_as_ip -j nexthop show id 22
fi

# ---------------------------------------------------------------- delete

both nexthop del id 12
both nexthop delete id 11
both nexthop del id 99

# ---------------------------------------------------------------- flush

both nexthop flush id 17
both nexthop flush dev w1
both nexthop flush protocol 4
both nexthop flush groups
both nexthop flush
both nexthop flush

# ---------------------------------------------------------------- errors

both nexthop add id 1 via 10.0.0.2 dev v1
both nexthop add id 2 via 10.0.0.3 dev v1
REJECTS_ALSO=nexthops_nsh
nexthops_nsh() { nexthops nsh; }
rejects "an existing nexthop" \
	'ip -n nsh nexthop add id 1 via 10.0.0.2 dev v1' \
	"^ip nexthop add: '1': the nexthop exists"
rejects "no such link" \
	'ip -n nsh nexthop add id 40 via 10.0.0.2 dev nosuch' \
	"^ip nexthop add: 'nosuch': no such link"
rejects "an IPv6 gateway after dev (an IPv4 nexthop)" \
	'ip -n nsh nexthop add id 40 dev v1 via 2001:db8::2' \
	"^ip nexthop add: '2001:db8::2': not an IPv4 address"
rejects "inet6 and an IPv4 gateway" \
	'ip -n nsh nexthop add id 40 via inet6 10.0.0.2 dev v1' \
	"^ip nexthop add: '10\.0\.0\.2': not an IPv6 address"
rejects "a weight of 0" 'ip -n nsh nexthop add id 40 group 1,0/2' \
	"^ip nexthop add: '1,0/2': '0': a weight is a number from 1 to 256"
rejects "a member that is no id" 'ip -n nsh nexthop add id 40 group 1/x' \
	"^ip nexthop add: '1/x': 'x': not a nexthop id"
rejects "an unknown group type" \
	'ip -n nsh nexthop add id 40 group 1/2 type bogus' \
	"^ip nexthop add: 'bogus': not one of mpath\|resilient"
rejects "too many buckets" \
	'ip -n nsh nexthop add id 40 group 1/2 type resilient buckets 70000' \
	"^ip nexthop add: '70000': number too large"
rejects "a timer too long" \
	'ip -n nsh nexthop add id 40 group 1/2 type resilient buckets 8 idle_timer 50000000' \
	"^ip nexthop add: '50000000': a timer is below"
rejects "a word it does not know" 'ip -n nsh nexthop add id 40 bogus' \
	"^ip nexthop add: 'bogus': unknown word"
rejects "an unknown encapsulation" \
	'ip -n nsh nexthop add id 40 encap bogus 1 via 10.0.0.2 dev v1' \
	"^ip nexthop add: 'bogus': not one of mpls\|ip\|ip6"
rejects "encap at the end of the line" \
	'ip -n nsh nexthop add id 40 encap mpls 100' \
	"^ip nexthop add: unexpected end of line after 'encap'"
if [ $mpls = no ]; then
	rejects "encap mpls without the kernel's MPLS tunnels" \
		'ip -n nsh nexthop add id 40 encap mpls 100 via 10.0.0.2 dev v1' \
		"^ip nexthop add: encap mpls: this kernel has no mpls lightweight tunnels$"
fi
rejects "the kernel's reason" \
	'ip -n nsh nexthop add id 40 via 10.0.0.2 dev v1 fdb' \
	"^ip nexthop add: '40': fdb attribute can not be used"
rejects "delete what is not there" 'ip -n nsh nexthop del id 99' \
	"^ip nexthop delete: '99': no such nexthop$"
rejects "get what is not there" 'ip -n nsh nexthop get id 99' \
	"^ip nexthop get: '99': no such nexthop$"
rejects "get without an id" 'ip -n nsh nexthop get' \
	"^ip nexthop get: missing 'id ID'"
rejects "get with another word" 'ip -n nsh nexthop get id 1 dev v1' \
	"^ip nexthop get: 'dev': unknown word"
rejects "bucket get without an index" 'ip -n nsh nexthop bucket get id 20' \
	"^ip nexthop bucket: missing 'index INDEX'"
rejects "bucket of a plain nexthop" \
	'ip -n nsh nexthop bucket get id 1 index 0' \
	"^ip nexthop bucket: 'id 1 index 0': not a nexthop group"
rejects "an unknown bucket verb" 'ip -n nsh nexthop bucket frob' \
	"^ip nexthop bucket: 'frob': unknown word"
rejects "list of no such link" 'ip -n nsh nexthop show dev nosuch' \
	"^ip nexthop list: 'nosuch': no such link"
rejects "a VRF that is none" 'ip -n nsh nexthop show vrf v1' \
	"^ip nexthop list: 'v1': not a VRF"
rejects "a protocol by name (iproute2 takes numbers here)" \
	'ip -n nsh nexthop show protocol static' \
	"^ip nexthop list: 'static': not a number"
rejects "flush of what is not there" 'ip -n nsh nexthop flush id 99' \
	"^ip nexthop flush: '99': no such nexthop$"
rejects "an unknown verb" 'ip -n nsh nexthop vrf x' \
	"^ip nexthop: 'vrf': unknown word; expected add, replace, delete, list, get, flush or bucket"

done_testing
