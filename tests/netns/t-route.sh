#!/bin/sh
# ip route add / change / replace / prepend / append / test / delete /
# show / get / flush, IPv4 and IPv6, as iproute2 6.1.  Every line nsh runs
# in namespace "a" is run by iproute2 in namespace "b" (same links, same
# addresses), and the kernel's routes of both (`ip -j -d route show table
# all`, -4 and -6) must then be identical (type, protocol, scope, table,
# metrics, next hops …); show, get and their -j JSON are compared with
# iproute2's on the same state.  Every rejected command must exit
# non-zero, print one line naming its subject, and leave the kernel state
# unchanged.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# routes NS: every route of NS, IPv4 and IPv6, every table, in detail, one
# a line, sorted; left out: the IPv6 link-local host routes (they come from
# random MAC addresses) and the seconds left of an expiring route
routes() {
	{
		ip -n "$1" -4 -d -j route show table all
		ip -n "$1" -6 -d -j route show table all
	} | python3 -c '
import json, sys
out = []
for line in sys.stdin:
    for r in json.loads(line):
        r.pop("expires", None)
        if r["dst"].startswith("fe80:") and "/" not in r["dst"]:
            continue
        out.append(json.dumps(r, sort_keys=True))
print("\n".join(sorted(out)))'
}

# both ARGS: "ip -n a ARGS" in nsh, "ip -n b ARGS" with iproute2, then the
# routes of a and b must be identical
both() {
	ok "nsh: ip $*" "$NSH" -c "ip -n a $*"
	ip -n b "$@" || echo "# iproute2 failed: ip -n b $*"
	is "same kernel routes as iproute2 after 'ip $*'" "$(routes a)" \
		"$(routes b)"
}

# both_fail ARGS: refused by nsh (one stderr line) and by iproute2, and
# the routes of a and b are still identical
both_fail() {
	"$NSH" -c "ip -n a $*" >"$TMP/r.out" 2>"$TMP/r.err"
	_rc=$?
	ip -n b "$@" >/dev/null 2>&1
	_ri=$?
	is "'ip $*' is refused like iproute2 refuses it, in one line" \
		"rc=$([ $_rc != 0 ] && echo fail) iproute2=$([ $_ri != 0 ] && echo fail) lines=$(wc -l <"$TMP/r.err" | tr -d ' ')" \
		"rc=fail iproute2=fail lines=1"
	is "and the routes are still the same" "$(routes a)" "$(routes b)"
}

# same_show ARGS: nsh prints what iproute2 prints for "ip -n a ARGS", in
# text and in -j JSON (the same bytes, but for the seconds an expiring
# route has left, which may tick between the two)
same_show() {
	for _j in "" "-j"; do
		# shellcheck disable=SC2086
		ip -n a $_j "$@" 2>/dev/null | sed "$EXPIRES" >"$TMP/ip.out"
		"$NSH" -c "ip -n a $_j $*" 2>/dev/null | sed "$EXPIRES" \
			>"$TMP/nsh.out"
		is "'ip $_j $*' prints what iproute2 prints" \
			"$(cat "$TMP/nsh.out")" "$(cat "$TMP/ip.out")"
	done
}
EXPIRES='s/expires [0-9]*sec/expires Nsec/g; s/"expires":[0-9]*/"expires":N/g'


for n in a b; do
	ip netns add $n
	ip -n $n link add v1 type veth peer name p1
	ip -n $n link set lo up
	ip -n $n link set v1 up
	ip -n $n link set p1 up
	ip -n $n addr add 10.0.0.1/24 dev v1
	ip -n $n addr add fd00::1/64 dev v1 nodad
	ip -n $n nexthop add id 5 via 10.0.0.2 dev v1
done
# the IPv6 link-local routes appear once the links are up: wait for them
i=0
while [ "$(routes a | grep -c fe80)" != "$(routes b | grep -c fe80)" ] &&
	[ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
is "the two namespaces start alike" "$(routes a)" "$(routes b)"

# ---------------------------------------------------------------- add

both route add default via 10.0.0.254
both route add 10.1.0.0/16 dev v1
both r a 10.2.0.0/16 via 10.0.0.2
both route add 10.3.0.0/16 via 10.0.0.2 dev v1 metric 7
both route add 10.4.0.0/16 dev v1 src 10.0.0.1
both route add 10.5.0.7 via 10.0.0.3
both route add fd01::/64 via fd00::2
both route add default via fd00::ff
both -6 route add fd02::/64 dev v1
both route add fd03::/64 via fd00::2 metric 5
like "add uses protocol boot, as iproute2" \
	"$(ip -n a -j -d route show 10.2.0.0/16)" '"protocol":"boot"'
like "add uses type unicast" \
	"$(ip -n a -j -d route show 10.2.0.0/16)" '"type":"unicast"'
like "a route without a gateway has scope link" \
	"$(ip -n a -j route show 10.1.0.0/16)" '"scope":"link"'
ok "ip netns exec a ip route add (nested)" \
	"$NSH" -c 'ip netns exec a ip route add 10.6.0.0/16 via 10.0.0.2'
like "the route is in a" "$(ip -n a -j route)" '"dst":"10\.6\.0\.0/16"'
is "and not in the sandbox's own table" "$(ip -j route | grep -c 10.6.0.0)" 0
ip -n b route add 10.6.0.0/16 via 10.0.0.2

# every word of iproute_modify, in any order, with iproute2's abbreviations
both route add to 10.7.0.0/16 via 10.0.0.2 proto static
both ro ad 10.8.0.0/16 pro 99 via 10.0.0.2
both route add 10.9.0.0/16 via inet6 fd00::2 dev v1
both route add 10.10.0.0/16 nexthop via 10.0.0.2 dev v1 weight 2 \
	nexthop via 10.0.0.3 dev v1
both -6 route add fd04::/64 nexthop via fd00::2 dev v1 nexthop via fd00::3 \
	dev v1 weight 3
both route add 10.11.0.0/16 via 10.0.0.2 mtu lock 1400 rtt 3s advmss 1000 \
	congctl lock cubic features ecn quickack 1 realms 3/4
both route add 10.12.0.0/16 via 10.0.0.2 rto_min 200ms initcwnd 10 \
	initrwnd 20 window 1000 cwnd 5 ssthresh 3 reordering 4 hoplimit 64 \
	rttvar 100 fastopen_no_cookie 1
both route add 10.13.0.0/16 via 10.0.0.2 table 1000
both route add table 7 10.14.0.0/16 via 10.0.0.3 metric 3
both route add unreachable 10.15.0.0/16
both route add blackhole 10.16.0.0/16 proto static
both route add prohibit 10.17.0.0/16 metric 5 table 7
both route add throw 10.18.0.0/16 table 7
both route add local 10.19.0.1 dev v1
both route add broadcast 10.0.0.128 dev v1 table 7
both route add multicast 224.1.0.0/16 dev v1 table 7
both route add 10.20.0.0/16 via 10.0.0.2 tos 0x10
both route add 10.21.0.0/16 via 10.0.0.2 dsfield 0x8 scope global
both route add 10.22.0.0/16 via 10.0.0.2 expires 100
both -6 route add fd05::/64 via fd00::2 expires 100
both -6 route add fd06::/64 dev v1 pref high metric 10
both -6 route add fd07::/64 from fd08::/64 via fd00::2
both route add 10.23.0.0/16 via 10.0.0.9 dev v1 onlink
both route add 10.24.0.0/16 nhid 5
both route add 10.25.0.0/16 encap ip id 5 dst 10.0.0.9 ttl 3 dev v1
both -6 route add fd09::/64 encap ip6 dst fd00::9 hoplimit 5 dev v1
both route add 10.26.0.0/16 via 10.0.0.2 ttl-propagate enabled
both route add 10.27.0.0/16 dev v1 table main priority 9 preference 8
both route add default dev v1 table 8
both -6 route add default dev v1 table 8
both route add all dev v1 table 9

# ---------------------------------------------------------------- modify

both route replace 10.2.0.0/16 via 10.0.0.3
both route replace 10.28.0.0/16 via 10.0.0.3
both route change 10.2.0.0/16 via 10.0.0.4
both route chg 10.2.0.0/16 via 10.0.0.5
both route append 10.2.0.0/16 via 10.0.0.6 metric 9
both route prepend 10.2.0.0/16 via 10.0.0.7 metric 9
both_fail route test 10.99.0.0/16 via 10.0.0.6
both_fail route change 10.98.0.0/16 via 10.0.0.2

# ---------------------------------------------------------------- show

for args in "route" "route show" "r" "-6 route" "-6 route list" \
	"-4 route lst" "-d route" "-6 -d route" "-o route" "-o -d route" \
	"route show table all" "-d route show table all" \
	"route show table local" "-6 route show table local" \
	"route show table 7" "route sh ta 7" "route show table 1000" \
	"-s route show table all" "route show 10.2.0.0/16" \
	"route show root 10.0.0.0/8" "route show match 10.2.1.1" \
	"route show exact 10.2.0.0/16" "route show to root 10.0.0.0/8" \
	"route show default" "-6 route show default" "route show all" \
	"route show dev v1" "route show via 10.0.0.2" \
	"route show via inet 10.0.0.2" "route show proto kernel" \
	"route show proto all" "route show scope link" "route show scope all" \
	"route show type unreachable" "route show table 7 type prohibit" \
	"route show src 10.0.0.1" "route show metric 7" "route show tos 0x10" \
	"route show realms 3/4" "-6 route show from fd08::/64" \
	"route show table all proto static" "-4 route show table all type local" \
	"route show cached" "route show table cache" "-6 route show cache" \
	"-N route show table all" "-N -6 -d route show table all" \
	"route show fd01::/64" "-6 route show fd01::/64" "route show table 0"; do
	# shellcheck disable=SC2086
	same_show $args
done
"$NSH" -c "ip -n a -j -p route show table all" >"$TMP/nsh.json"
ok "'ip -j -p route show table all' is valid JSON" \
	python3 -m json.tool "$TMP/nsh.json"
ip -n a -j -p route show table all >"$TMP/ip.json"
is "'ip -j -p route show table all' has iproute2's keys and values" \
	"$(python3 -c '
import json, sys
def load(f):
    v = json.load(open(f))
    for r in v:
        r.pop("expires", None)  # the seconds left go on
    return v
print(load(sys.argv[1]) == load(sys.argv[2]))' "$TMP/nsh.json" "$TMP/ip.json")" \
	True

# ---------------------------------------------------------------- get

for args in "route get 10.0.0.2" "route get 10.2.0.1" "route get 10.19.0.1" \
	"-6 route get fd00::2" "route get fd01::5" "route get 10.11.1.1 fibmatch" \
	"route get 10.0.0.2 connected" "route get 10.0.0.2 from 10.0.0.1" \
	"route get 10.0.0.2 oif v1" "route get to 10.0.0.2" \
	"route get 10.0.0.2 mark 5 uid 3 ipproto tcp sport 3 dport 4" \
	"route get 10.20.0.1 tos 0x10" "route get 10.24.0.1"; do
	# shellcheck disable=SC2086
	same_show $args
done
"$NSH" -c "ip -n a route get to 10.0.0.0/24" >"$TMP/out" 2>"$TMP/err"
is "get of a prefix warns as iproute2 and answers for the address" \
	"$(cat "$TMP/out"; cat "$TMP/err")" \
	"$(ip -n a route get 10.0.0.0; echo "ip route get: warning: /24 as prefix is invalid, only /32 (or none) is supported")"

# ---------------------------------------------------------------- errors

rejects "host bits set" "ip -n a route add 10.70.0.1/16 via 10.0.0.2" \
	"^ip route add: '10\.70\.0\.1/16': host bits set .*10\.70\.0\.0/16"
rejects "prefix too long" "ip -n a route add 10.70.0.0/33 dev v1" \
	"^ip route add: '10\.70\.0\.0/33': "
rejects "unreachable gateway" "ip -n a route add 10.70.0.0/16 via 10.9.9.9" \
	"^ip route add: '10\.9\.9\.9': nexthop has invalid gateway$"
rejects "unreachable IPv6 gateway" "ip -n a route add fd70::/64 via fd99::1" \
	"^ip route add: 'fd99::1': "
rejects "route exists" "ip -n a route add default via 10.0.0.254" \
	"^ip route add: 'default': route already exists$"
rejects "IPv6 route exists" "ip -n a route add fd01::/64 via fd00::2" \
	"^ip route add: 'fd01::/64': route already exists$"
rejects "no such link" "ip -n a route add 10.70.0.0/16 dev nope" \
	"^ip route add: 'nope': no such link in namespace 'a'$"
rejects "mixed families" "ip -n a route add 10.70.0.0/16 via fd00::2" \
	"^ip route add: 'fd00::2': an IPv6 address in a route with IPv4"
rejects "-6 with an IPv4 prefix" "ip -n a -6 route add 10.70.0.0/16 dev v1" \
	"^ip route add: '10\.70\.0\.0/16': not an IPv6 address"
rejects "src not local" "ip -n a route add 10.70.0.0/16 dev v1 src 10.0.0.99" \
	"^ip route add: '10\.0\.0\.99': "
# iproute2 refuses a second top-level via (its reason, naming the word)
rejects "via twice" "ip -n a route add 10.70.0.0/16 via 10.0.0.2 via 10.0.0.3" \
	"^ip route add: 'via': use nexthop syntax to specify multiple via$"
rejects "two prefixes" "ip -n a route add 10.70.0.0/16 10.71.0.0/16 dev v1" \
	"^ip route add: '10\.71\.0\.0/16': unknown word"
rejects "no prefix" "ip -n a route add via 10.0.0.2" \
	"^ip route add: missing the destination"
rejects "a type without a prefix" "ip -n a route add unreachable" \
	"^ip route add: missing .* after 'unreachable'$"
rejects "a nexthop with nothing" "ip -n a route add 10.70.0.0/16 nexthop" \
	"^ip route add: 'nexthop': unexpected end of line"
rejects "a weight of 0" \
	"ip -n a route add 10.70.0.0/16 nexthop via 10.0.0.2 weight 0" \
	"^ip route add: '0': a weight is 1-256$"
rejects "a word a nexthop does not know" \
	"ip -n a route add 10.70.0.0/16 nexthop via 10.0.0.2 mtu 1400" \
	"^ip route add: 'mtu': unknown word$"
rejects "unknown table" "ip -n a route add 10.70.0.0/16 dev v1 table nosuch" \
	"^ip route add: 'nosuch': not a table"
rejects "unknown protocol" "ip -n a route add 10.70.0.0/16 dev v1 proto nosuch" \
	"^ip route add: 'nosuch': not a routing protocol"
rejects "unknown scope" "ip -n a route add 10.70.0.0/16 dev v1 scope nosuch" \
	"^ip route add: 'nosuch': not a scope"
rejects "quickack 2" "ip -n a route add 10.70.0.0/16 dev v1 quickack 2" \
	"^ip route add: '2': not one of 0\|1"
rejects "a time without a unit" "ip -n a route add 10.70.0.0/16 dev v1 rtt 3x" \
	"^ip route add: '3x': not a time"
rejects "a TOS too large" "ip -n a route add 10.70.0.0/16 dev v1 tos 0x100" \
	"^ip route add: '0x100': not a TOS"
rejects "a hop limit too large" \
	"ip -n a route add 10.70.0.0/16 dev v1 hoplimit 300" \
	"^ip route add: '300': number too large$"
rejects "an encap type nobody knows" \
	"ip -n a route add 10.70.0.0/16 dev v1 encap foo" \
	"^ip route add: 'foo': not an encap type"
rejects "an encap word twice" \
	"ip -n a route add 10.70.0.0/16 dev v1 encap ip dst 10.0.0.9 dst 10.0.0.8" \
	"^ip route add: 'dst': given twice$"
rejects "no such nexthop object" "ip -n a route add 10.70.0.0/16 nhid 99" \
	"^ip route add: '10\.70\.0\.0/16': nexthop id does not exist$"
rejects "nat needs scope host in its table" \
	"ip -n a route add nat 10.70.0.1 via 10.0.0.5" \
	"^ip route add: '10\.70\.0\.1': invalid scope$"
rejects "onlink without a link" \
	"ip -n a route add 10.70.0.0/16 via 10.0.0.2 onlink" \
	"^ip route add: '10\.0\.0\.2': nexthop device required for onlink$"
rejects "delete an absent route" "ip -n a route del 10.99.0.0/16" \
	"^ip route delete: '10\.99\.0\.0/16': no such route$"
rejects "delete an absent IPv6 route" "ip -n a route del fd99::/64" \
	"^ip route delete: 'fd99::/64': no such route$"
rejects "delete with the wrong metric" "ip -n a route del 10.3.0.0/16 metric 8" \
	"^ip route delete: '10\.3\.0\.0/16': no such route$"
rejects "show: unknown table" "ip -n a route show table nosuch" \
	"^ip route list: 'nosuch': not a table"
rejects "show: no such link" "ip -n a route show dev nope" \
	"^ip route list: 'nope': no such link in namespace 'a'$"
rejects "show: an IPv6 prefix with -4" "ip -n a -4 route show fd01::/64" \
	"^ip route list: 'fd01::/64': not an IPv4 prefix$"
rejects "flush without a selector" "ip -n a route flush" \
	"^ip route flush: \"ip route flush\" requires arguments$"
rejects "get without an address" "ip -n a route get" \
	"^ip route get: need at least a destination address$"
rejects "get through a missing link" "ip -n a route get 10.0.0.2 oif nope" \
	"^ip route get: 'nope': no such link in namespace 'a'$"
rejects "get with no route" \
	"ip -n a route get 10.9.9.9 from 10.0.0.1 iif v1" \
	"^ip route get: '10\.9\.9\.9': "
# lightweight tunnels and VRFs this kernel may not have: the kernel's
# reason, in one line
if ip -n b route add 10.71.0.0/16 encap mpls 100 via 10.0.0.2 2>/dev/null; then
	both route add 10.71.0.0/16 encap mpls 100 via 10.0.0.2
else
	skip "kernel has no MPLS tunnels: encap mpls is refused by it"
	rejects "encap mpls on a kernel without it" \
		"ip -n a route add 10.71.0.0/16 encap mpls 100 via 10.0.0.2" \
		"^ip route add: '10\.71\.0\.0/16': lwt encapsulation type not supported$"
fi
if ip -n b link add vrf1 type vrf table 10 2>/dev/null; then
	ip -n a link add vrf1 type vrf table 10
	both route add 10.72.0.0/16 dev v1 vrf vrf1
else
	skip "kernel has no vrf"
	rejects "vrf of a link that is no VRF" \
		"ip -n a route add 10.72.0.0/16 dev v1 vrf v1" \
		"^ip route add: 'v1': not a VRF$"
fi

# ---------------------------------------------------------------- requests

# same_request ARGS: the RTM_NEWROUTE/RTM_DELROUTE nsh sends for "ip ARGS"
# in namespace c is iproute2's, byte for byte but for the sequence number
# and port (strace, run inside c so that it decodes netlink): for lines
# this kernel refuses, whose state cannot be compared
same_request() {
	ip netns exec c strace -f -e trace=sendmsg -xx -s 8192 \
		-o "$TMP/ip.st" ip "$@" >/dev/null 2>&1
	ip netns exec c strace -f -e trace=sendmsg -xx -s 8192 \
		-o "$TMP/nsh.st" "$NSH" -c "ip $*" >/dev/null 2>&1
	is "'ip $*' sends iproute2's request" \
		"$(python3 -c "$SAME_REQUEST" "$TMP/nsh.st" "$TMP/ip.st")" same
}
SAME_REQUEST='
import re, sys
def reqs(f):
    out = []
    for l in open(f):
        m = re.search(r"iov_base=(\[\{nlmsg_len=.*?)\], iov_len", l)
        if m and re.search(r"RTM_(NEW|DEL)(ROUTE|RULE)", m.group(1)):
            s = re.sub(r"nlmsg_seq=\d+, nlmsg_pid=-?\d+", "", m.group(1))
            out.append(s.replace("NLM_F_ACK|", "").replace("|NLM_F_ACK", ""))
    return out
a, b = reqs(sys.argv[1]), reqs(sys.argv[2])
print("same" if a and a == b else "nsh: %s\niproute2: %s" % (a, b))'

if command -v strace >/dev/null; then
	ip netns add c
	ip -n c link add v1 type veth peer name p1
	ip -n c link set v1 up
	ip -n c link set p1 up
	ip -n c addr add 10.0.0.1/24 dev v1
	ip -n c addr add fd00::1/64 dev v1 nodad
	same_request route add 10.73.0.0/16 encap seg6 mode encap \
		segs fd00::5,fd00::6 hmac 5 dev v1
	same_request route add 10.74.0.0/16 encap seg6 mode inline \
		segs fd00::5 dev v1
	same_request route add 10.75.0.0/16 encap mpls 100/200 via 10.0.0.2
	same_request route add 10.76.0.0/16 nexthop via 10.0.0.2 \
		encap mpls 300 dev v1 nexthop via 10.0.0.3 dev v1
	same_request route add nat 10.77.0.1 via 10.0.0.5
	same_request route add 10.78.0.0/16 via 10.0.0.2 as to 10.0.0.7
	same_request route del 10.79.0.0/16 via 10.0.0.2 table 1000
	ip netns del c
else
	skip "no strace: the requests are not compared byte for byte"
fi
rejects "encap seg6: segs before mode" \
	"ip -n a route add 10.73.0.0/16 encap seg6 segs fd00::5 mode encap dev v1" \
	"^ip route add: 'fd00::5': \"segs\" provided before \"mode\"$"

# ---------------------------------------------------------------- delete

both route del default
both route delete 10.3.0.0/16 metric 7
both route del 10.2.0.0/16 via 10.0.0.5 dev v1
both route del 10.5.0.7
both route del default via fd00::ff
both -6 route del fd02::/64
both route del fd03::/64 metric 5
both route del unreachable 10.15.0.0/16
both route del local 10.19.0.1 dev v1
both route del 10.13.0.0/16 table 1000
both route del 10.10.0.0/16
is "the deleted routes are gone" \
	"$(routes a | grep -c -e '"dst": "10.3.0.0' -e fd02:: -e fd03:: -e 10.15.0.0)" 0

# ---------------------------------------------------------------- flush

both route flush proto static
both route flush table 7
both -6 route flush table 8
both route flush cache
both -6 route flush cache
both route flush 10.2.0.0/16
# a route with a nexthop object cannot be deleted as the kernel lists it
# (with the object's gateway): iproute2's flush and nsh's fail alike, after
# deleting what they can
both_fail route flush dev v1 table main proto boot
both route del 10.24.0.0/16
both route flush dev v1 table main proto boot
"$NSH" -c "ip -n a -s route flush table 1000" >"$TMP/nsh.out"
ip -n b -s route flush table 1000 >"$TMP/ip.out"
is "flush -s says what iproute2 says" "$(cat "$TMP/nsh.out")" \
	"$(cat "$TMP/ip.out")"
is "and the routes are the same" "$(routes a)" "$(routes b)"
both route flush table main
both -6 route flush table main
is "flush emptied the main tables" \
	"$(ip -n a route show; ip -n a -6 route show)" ""

# ------------------------------------------- tables the kernel has not made
# iproute2 dumps strictly, the table in RTA_TABLE: the kernel's "FIB table
# does not exist" ends a show or a flush, but for a show of the main table
both_fail route show table 4242
both_fail -6 route show table 4242
both_fail route flush table 4242
ip netns add c
ok "a new namespace's main table (not made yet) shows empty" \
	"$NSH" -c "ip -n c route show table main"
is "as iproute2 shows it" "$("$NSH" -c "ip -n c route show")" \
	"$(ip -n c route show)"
"$NSH" -c "ip -n c route flush table main" 2>/dev/null
_rc=$?
ip -n c route flush table main 2>/dev/null
_ri=$?
is "but a flush of it fails, as iproute2's" \
	"nsh=$([ $_rc != 0 ] && echo fail) ip=$([ $_ri != 0 ] && echo fail)" \
	"nsh=fail ip=fail"

done_testing
