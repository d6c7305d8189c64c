#!/bin/sh
# ip address add / delete / flush / show.  Every change nsh makes in
# namespace "a" is made by iproute2 in namespace "b" on an identical link,
# and the kernel's `ip -j addr` entries must then be equal; show and -j show
# are compared with iproute2's.  Every rejected command must exit non-zero,
# print one line naming its subject, and leave the kernel state unchanged.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# ainfo NS DEV: the kernel's addresses of DEV in NS (`ip -j addr`, IPv6
# link-local ones left out: they come from the random MAC address)
ainfo() {
	ip -n "$1" -j addr show dev "$2" | python3 -c '
import json, sys
for l in json.load(sys.stdin):
    for a in l["addr_info"]:
        if not a["local"].startswith("fe80:"):
            print(json.dumps(a, sort_keys=True))'
}

# both NSH-ARGS: run "ip -n a NSH-ARGS" in nsh and "ip -n b NSH-ARGS" with
# iproute2, then compare the addresses of v1 in a and b
both() {
	ok "nsh: ip $*" "$NSH" -c "ip -n a $*"
	ip -n b "$@" || echo "# iproute2 failed: ip -n b $*"
	is "same kernel addresses as iproute2 after 'ip $*'" \
		"$(ainfo a v1)" "$(ainfo b v1)"
}


for n in a b; do
	ip netns add $n
	ip -n $n link add v1 type veth peer name p1
	ip -n $n link set lo up
done

# ---------------------------------------------------------------- add

both address add 10.0.0.1/24 dev v1
both a a 10.0.1.1/24 brd + dev v1
both addr add 10.0.2.1/24 broadcast 10.0.2.200 dev v1
both addr add 10.0.3.1/24 dev v1 label v1:web
both addr add 10.0.4.1 dev v1
both addr add 10.0.0.2/24 dev v1
both addr add 10.0.5.1/31 brd + dev v1
both addr add 169.254.7.1/16 dev v1 scope link
both addr add 127.0.0.2/8 dev v1
both addr add fd00::1/64 dev v1
both a a fd00:1::1/128 dev v1
is "brd + set the broadcast from the prefix" \
	"$(ainfo a v1 | grep -c '"broadcast": "10.0.1.255"')" 1
is "no broadcast unless asked (like iproute2 6.1)" \
	"$(ainfo a v1 | grep -c '"broadcast"')" 2
like "127/8 gets host scope" "$(ainfo a v1 | grep 127.0.0.2)" '"scope": "host"'
like "a second address in a subnet is secondary" \
	"$(ainfo a v1 | grep 10.0.0.2)" '"secondary": true'
like "the label is kept" "$(ainfo a v1 | grep 10.0.3.1)" '"label": "v1:web"'

ok "ip netns exec a ip addr add (nested)" \
	"$NSH" -c 'ip netns exec a ip addr add 10.0.6.1/24 dev p1'
like "the address is on p1 in a" "$(ainfo a p1)" '"local": "10.0.6.1"'
is "and nowhere else" "$(ip -j addr | grep -c 10.0.6.1)" 0
ok "sudo ip -n a addr add (as pasted)" \
	"$NSH" -c 'sudo ip -n a addr add 10.0.7.1/24 dev p1'
like "the address is on p1 in a" "$(ainfo a p1)" '"local": "10.0.7.1"'

# ---------------------------------------------------------------- show

# a cable to another namespace: "x1@if…" and "link-netns b" in the listing
ip -n a link add x1 type veth peer name x2 netns b
ip -n a addr add 10.0.8.1/24 dev x1

for args in "addr" "address show" "a s v1" "addr show dev v1" "-4 addr" \
	"-6 addr show dev v1" "addr list dev lo" "addr show x1" "-4 a s x1"; do
	# shellcheck disable=SC2086
	ip -n a $args >"$TMP/ip.out" 2>&1
	"$NSH" -c "ip -n a $args" >"$TMP/nsh.out" 2>&1
	is "'ip $args' prints what iproute2 prints" "$(cat "$TMP/nsh.out")" \
		"$(cat "$TMP/ip.out")"
done
for args in "addr" "-4 addr show v1" "-p addr show dev v1" "-4 addr"; do
	"$NSH" -c "ip -n a -j $args" >"$TMP/nsh.json"
	ok "'ip -j $args' is valid JSON" python3 -m json.tool "$TMP/nsh.json"
	# shellcheck disable=SC2086
	ip -n a -j $args >"$TMP/ip.json"
	is "'ip -j $args' has iproute2's keys and values" \
		"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])) == json.load(open(sys.argv[2])))' "$TMP/nsh.json" "$TMP/ip.json")" \
		True
done

# ---------------------------------------------------------------- delete

both addr del 10.0.4.1/32 dev v1
both address delete fd00:1::1/128 dev v1
both addr del 10.0.3.1/24 dev v1
ok "delete without a prefix length takes the one match" \
	"$NSH" -c 'ip -n a addr del 169.254.7.1 dev v1'
ip -n b addr del 169.254.7.1/16 dev v1
is "same kernel addresses as iproute2" "$(ainfo a v1)" "$(ainfo b v1)"

# ---------------------------------------------------------------- errors

rejects "bad octet" "ip -n a addr add 10.9.0.300/24 dev v1" \
	"^ip address add: '10\.9\.0\.300/24': .*0 to 255"
rejects "prefix too long" "ip -n a addr add 10.0.0.1/33 dev v1" \
	"^ip address add: '10\.0\.0\.1/33': .*prefix length"
rejects "garbage after the prefix" "ip -n a addr add 10.0.0.1/24abc dev v1" \
	"^ip address add: '10\.0\.0\.1/24abc': "
rejects "leading zero" "ip -n a addr add 010.0.0.1/8 dev v1" \
	"^ip address add: '010\.0\.0\.1/8': .*leading zero"
rejects "bad IPv6" "ip -n a addr add fd00::1::2/64 dev v1" \
	"^ip address add: 'fd00::1::2/64': not an IPv6 address"
rejects "missing dev" "ip -n a addr add 10.0.9.1/24" \
	"^ip address add: '10\.0\.9\.1/24': missing 'dev IFNAME'"
rejects "no such link" "ip -n a addr add 10.0.9.1/24 dev nope" \
	"^ip address add: 'nope': no such link in namespace 'a'"
rejects "duplicate address" "ip -n a addr add 10.0.0.1/24 dev v1" \
	"^ip address add: '10\.0\.0\.1/24': address already assigned on 'v1'$"
rejects "duplicate IPv6 address" "ip -n a addr add fd00::1/64 dev v1" \
	"^ip address add: 'fd00::1/64': address already assigned on 'v1'$"
rejects "dev twice" "ip -n a addr add 10.0.9.1/24 dev v1 dev p1" \
	"^ip address add: 'p1': dev given twice"
rejects "broadcast for IPv6" "ip -n a addr add fd00::9/64 brd + dev v1" \
	"^ip address add: '\+': broadcast addresses are for IPv4 only"
rejects "label not starting with the link name" \
	"ip -n a addr add 10.0.9.1/24 dev v1 label web" \
	"^ip address add: 'web': a label starts with the link name"
rejects "bad scope" "ip -n a addr add 10.0.9.1/24 dev v1 scope far" \
	"^ip address add: 'far': not a scope"
rejects "-6 with an IPv4 address" "ip -n a -6 addr add 10.0.9.1/24 dev v1" \
	"^ip address add: '10\.0\.9\.1/24': not an IPv6 address"
rejects "delete an absent address" "ip -n a addr del 10.0.9.1/24 dev v1" \
	"^ip address delete: '10\.0\.9\.1/24': no such address on 'v1'$"
rejects "delete with the wrong prefix length" \
	"ip -n a addr del 10.0.0.1/16 dev v1" \
	"^ip address delete: '10\.0\.0\.1/16': no such address on 'v1' \(it has 10\.0\.0\.1/24\)"
rejects "delete without dev" "ip -n a addr del 10.0.0.1/24" \
	"^ip address delete: '10\.0\.0\.1/24': missing 'dev IFNAME'"
rejects "flush of a missing link" "ip -n a addr flush dev nope" \
	"^ip address flush: 'nope': no such link"
rejects "show of a missing link" "ip -n a addr show dev nope" \
	"^ip address: 'nope': no such link"

# ---------------------------------------------------------------- flush

both -4 addr flush dev v1
is "-4 flush keeps the IPv6 address" "$(ainfo a v1 | grep -c inet6)" 1
both addr flush v1
is "flush leaves no address" "$(ip -n a -j addr show dev v1 | grep -c local)" 0

done_testing
