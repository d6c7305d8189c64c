#!/bin/sh
# ip route add / delete / show, IPv4 and IPv6.  Every route nsh adds or
# deletes in namespace "a" is added or deleted by iproute2 in namespace "b"
# (same links, same addresses), and the kernel's `ip -j route` of both must
# then be identical (protocol, scope, type, metric …); show and -j show are
# compared with iproute2's.  Every rejected command must exit non-zero,
# print one line naming its subject, and leave the kernel state unchanged.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# routes NS: the kernel's main tables of NS, IPv4 and IPv6, in detail
# (type, protocol, scope …), one route a line, sorted
routes() {
	{
		ip -n "$1" -d -j route show table main
		ip -n "$1" -d -6 -j route show table main
	} | python3 -c '
import json, sys
print("\n".join(sorted(json.dumps(r, sort_keys=True)
                        for line in sys.stdin for r in json.loads(line))))'
}

# both ARGS: "ip -n a ARGS" in nsh, "ip -n b ARGS" with iproute2, then the
# routes of a and b must be identical
both() {
	ok "nsh: ip $*" "$NSH" -c "ip -n a $*"
	ip -n b "$@" || echo "# iproute2 failed: ip -n b $*"
	is "same kernel routes as iproute2 after 'ip $*'" "$(routes a)" \
		"$(routes b)"
}


for n in a b; do
	ip netns add $n
	ip -n $n link add v1 type veth peer name p1
	ip -n $n link set lo up
	ip -n $n link set v1 up
	ip -n $n link set p1 up
	ip -n $n addr add 10.0.0.1/24 dev v1
	ip -n $n addr add fd00::1/64 dev v1 nodad
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

# ---------------------------------------------------------------- show

for args in "route" "route show" "r" "-6 route" "-6 route list" \
	"-4 route lst"; do
	# shellcheck disable=SC2086
	ip -n a $args >"$TMP/ip.out" 2>&1
	"$NSH" -c "ip -n a $args" >"$TMP/nsh.out" 2>&1
	is "'ip $args' prints what iproute2 prints" "$(cat "$TMP/nsh.out")" \
		"$(cat "$TMP/ip.out")"
done
for args in "route" "-6 route" "-p route show"; do
	"$NSH" -c "ip -n a -j $args" >"$TMP/nsh.json"
	ok "'ip -j $args' is valid JSON" python3 -m json.tool "$TMP/nsh.json"
	# shellcheck disable=SC2086
	ip -n a -j $args >"$TMP/ip.json"
	is "'ip -j $args' has iproute2's keys and values" \
		"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])) == json.load(open(sys.argv[2])))' "$TMP/nsh.json" "$TMP/ip.json")" \
		True
done

# ---------------------------------------------------------------- errors

rejects "host bits set" "ip -n a route add 10.7.0.1/16 via 10.0.0.2" \
	"^ip route add: '10\.7\.0\.1/16': host bits set .*10\.7\.0\.0/16"
rejects "prefix too long" "ip -n a route add 10.7.0.0/33 dev v1" \
	"^ip route add: '10\.7\.0\.0/33': "
rejects "unreachable gateway" "ip -n a route add 10.7.0.0/16 via 10.9.9.9" \
	"^ip route add: '10\.9\.9\.9': nexthop has invalid gateway$"
rejects "unreachable IPv6 gateway" "ip -n a route add fd07::/64 via fd99::1" \
	"^ip route add: 'fd99::1': "
rejects "route exists" "ip -n a route add default via 10.0.0.254" \
	"^ip route add: 'default': route already exists$"
rejects "IPv6 route exists" "ip -n a route add fd01::/64 via fd00::2" \
	"^ip route add: 'fd01::/64': route already exists$"
rejects "no such link" "ip -n a route add 10.7.0.0/16 dev nope" \
	"^ip route add: 'nope': no such link in namespace 'a'$"
rejects "mixed families" "ip -n a route add 10.7.0.0/16 via fd00::2" \
	"^ip route add: 'fd00::2': an IPv6 address in a route with IPv4"
rejects "-6 with an IPv4 prefix" "ip -n a -6 route add 10.7.0.0/16 dev v1" \
	"^ip route add: '10\.7\.0\.0/16': not an IPv6 address"
rejects "src not local" "ip -n a route add 10.7.0.0/16 dev v1 src 10.0.0.99" \
	"^ip route add: '10\.0\.0\.99': "
rejects "via twice" "ip -n a route add 10.7.0.0/16 via 10.0.0.2 via 10.0.0.3" \
	"^ip route add: 'via': use nexthop syntax to specify multiple via$"
rejects "delete an absent route" "ip -n a route del 10.99.0.0/16" \
	"^ip route delete: '10\.99\.0\.0/16': no such route$"
rejects "delete with the wrong metric" "ip -n a route del 10.3.0.0/16 metric 8" \
	"^ip route delete: '10\.3\.0\.0/16': no such route$"

# ---------------------------------------------------------------- delete

both route del default
both route delete 10.3.0.0/16 metric 7
both route del 10.2.0.0/16 via 10.0.0.2 dev v1
both route del 10.5.0.7
both route del default via fd00::ff
both -6 route del fd02::/64
both route del fd03::/64 metric 5
is "the deleted routes are gone" \
	"$(routes a | grep -c -e '"default"' -e 10.3.0.0 -e fd02:: -e fd03::)" 0

done_testing
