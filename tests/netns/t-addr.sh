#!/bin/sh
# ip address add / change / replace / delete / flush / show, against
# iproute2 6.1.  Every change nsh makes in namespace "a" is made by
# iproute2 in namespace "b" on identical links, and the kernel's addresses
# (`ip -j addr`, all links) must then be equal; nsh's listings (text, -o,
# -br, -s, -d, -j, -6's own link view, every filter word) are compared with
# iproute2's on the same state.  Only what moves is normalised: lifetime
# counters, IPv6 link-local addresses (random MACs), DAD's tentative flag
# and the -s counters of links that are up.  Every rejected command must
# exit non-zero, print one line naming its subject, and leave the kernel
# state unchanged.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

set -f	# label patterns like v1:* are words, not globs

# addrs NS: the kernel's addresses of every link of NS, one per line
# (IPv6 link-local ones left out: they come from the random MAC address;
# lifetimes other than forever and the tentative flag are timing)
addrs() {
	ip -n "$1" -j addr show | python3 -c '
import json, sys
for l in json.load(sys.stdin):
    for a in l.get("addr_info", []):
        if a.get("local", "").startswith("fe80:"):
            continue
        for k in ("valid_life_time", "preferred_life_time"):
            if a.get(k) != 4294967295:
                a[k] = "N"
        a.pop("tentative", None)
        print(l["ifname"], json.dumps(a, sort_keys=True))'
}

# both ARGS: run "ip -n a ARGS" in nsh and "ip -n b ARGS" with iproute2;
# both succeed and leave the same addresses
both() {
	ok "nsh: ip $*" "$NSH" -c "ip -n a $*"
	ip -n b "$@" 2>"$TMP/ip.err" || echo "# iproute2 failed: ip -n b $*"
	is "same kernel addresses as iproute2 after 'ip $*'" \
		"$(addrs a)" "$(addrs b)"
}

# both_fail ARGS: iproute2 and nsh both refuse it (nsh in one line), and
# neither changes anything
both_fail() {
	_before=$(addrs a)
	"$NSH" -c "ip -n a $*" >"$TMP/n.out" 2>"$TMP/n.err"
	_rc=$?
	ip -n b "$@" >/dev/null 2>&1 && echo "# iproute2 did it: ip -n b $*"
	is "'ip $*' fails in one line, nothing changes" \
		"rc=$([ $_rc != 0 ] && echo fail) lines=$(wc -l <"$TMP/n.err" | tr -d ' ') same=$([ "$(addrs a)" = "$_before" ] && echo yes)" \
		"rc=fail lines=1 same=yes"
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
both addr add 10.0.5.5/30 b - dev v1
both addr add 169.254.7.1/16 dev v1 scope link
both addr add 127.0.0.2/8 dev v1
both addr add fd00::1/64 dev v1
both a a fd00:1::1/128 dev v1
is "brd + set the broadcast from the prefix" \
	"$(addrs a | grep -c '"broadcast": "10.0.1.255"')" 1
is "brd - the first address of the prefix" \
	"$(addrs a | grep -c '"broadcast": "10.0.5.4"')" 1
is "no broadcast unless asked (like iproute2 6.1)" \
	"$(addrs a | grep -c '"broadcast"')" 3
like "127/8 gets host scope" "$(addrs a | grep 127.0.0.2)" '"scope": "host"'
like "a second address in a subnet is secondary" \
	"$(addrs a | grep 10.0.0.2)" '"secondary": true'
like "the label is kept" "$(addrs a | grep 10.0.3.1)" '"label": "v1:web"'

# the rest of ipaddr_modify's words, in any order and abbreviated
both addr add local 10.0.6.1/24 dev v1 label v1:six scope 17
both addr add 10.0.7.1 peer 10.0.7.2 dev v1
both addr add 10.0.7.5 remote 10.0.8.0/24 brd + dev v1
both addr add dev v1 10.0.9.1/24 metric 50
both addr add 10.0.10.1/24 pri 51 dev v1
both addr add 10.0.11.1/24 dev v1 valid_lft 300 preferred_lft 200
both addr add 10.0.12.1/24 dev v1 preferred_lft 100
both addr add 10.0.13.1/24 dev v1 noprefixroute
both addr add 10.0.14.1/24 anycast 10.0.14.9 dev v1
both addr add 224.0.0.55/32 dev v1 autojoin
both addr add 10.0.15.1/24 dev v1 label other
both addr add 10.0.16.1/24 dev p1 dev v1
both addr add fd00::2/64 dev v1 nodad
both addr add fd00::3/64 dev v1 noprefixroute nodad
both addr add fd00::4/64 dev v1 mngtmpaddr home optimistic
both addr add fd00::5/64 dev v1 valid_lft forever preferred_lft 0
both addr add fd00::6/64 dev v1 valid_lft 600 preferred_lft 60
both addr add ff0e::77/128 dev v1 autojoin
both addr add fd00::8/64 dev v1 label v1:six
both -6 addr add fd00::9/64 dev v1
like "metric goes to the kernel" "$(addrs a | grep 10.0.9.1)" '"metric": 50'
like "peer: local and address" "$(addrs a | grep 10.0.7.1)" \
	'"address": "10.0.7.2"'
like "brd + of a peer's prefix" "$(addrs a | grep 10.0.7.5)" \
	'"broadcast": "10.0.8.255"'
like "lifetimes make a dynamic address" "$(addrs a | grep 10.0.11.1)" \
	'"dynamic": true'
like "a label need not start with the link name (iproute2 6.1)" \
	"$(addrs a | grep 10.0.15.1)" '"label": "other"'
like "dev given twice: the last one counts (iproute2)" \
	"$(addrs a | grep 10.0.16.1)" '^v1 '
like "preferred_lft 0: deprecated" "$(addrs a | grep fd00::5)" \
	'"deprecated": true'

# flags iproute2 only warns about: the address goes, with one warning
for line in "addr add 10.0.17.1/24 dev v1 nodad" \
	"addr add nodad fd00::10/64 dev v1" \
	"addr add 10.0.18.1/24 dev v1 tentative" \
	"addr add fd00::11/64 dev v1 permanent"; do
	# shellcheck disable=SC2086
	"$NSH" -c "ip -n a $line" >"$TMP/n.out" 2>"$TMP/n.err"
	_rc=$?
	# shellcheck disable=SC2086
	ip -n b $line 2>/dev/null
	is "'ip $line': done, one warning" \
		"rc=$_rc lines=$(wc -l <"$TMP/n.err" | tr -d ' ')" "rc=0 lines=1"
	like "'ip $line': the warning names the word" "$(cat "$TMP/n.err")" \
		"warning: '(nodad|tentative|permanent)': "
	is "same kernel addresses as iproute2 after 'ip $line'" \
		"$(addrs a)" "$(addrs b)"
done

ok "ip netns exec a ip addr add (nested)" \
	"$NSH" -c 'ip netns exec a ip addr add 10.0.60.1/24 dev p1'
like "the address is on p1 in a" "$(addrs a | grep '^p1')" \
	'"local": "10.0.60.1"'
is "and nowhere else" "$(ip -j addr | grep -c 10.0.60.1)" 0
ip -n b addr add 10.0.60.1/24 dev p1
ok "sudo ip -n a addr add (as pasted)" \
	"$NSH" -c 'sudo ip -n a addr add 10.0.61.1/24 dev p1'
ip -n b addr add 10.0.61.1/24 dev p1
is "same kernel addresses as iproute2" "$(addrs a)" "$(addrs b)"

# ---------------------------------------------------------------- change

both addr change 10.0.0.1/24 dev v1 valid_lft 500 preferred_lft 400
both addr chg 10.0.0.1/24 dev v1 valid_lft forever preferred_lft forever
both addr change 10.0.70.1/24 dev v1
both addr replace 10.0.1.1/24 dev v1 noprefixroute
both addr replace 10.0.71.1/24 dev v1 brd +
both addr replace fd00::2/64 dev v1 nodad preferred_lft 10 valid_lft 20
both addr repl fd00::2/64 dev v1 nodad

# ---------------------------------------------------------------- delete

both addr del 10.0.4.1/32 dev v1
both address delete fd00:1::1/128 dev v1
both addr del 10.0.3.1/24 dev v1
both a d 10.0.7.1 peer 10.0.7.2 dev v1
both addr del fd00::8/64 dev v1
both -6 addr del fd00::9/64 dev v1
# iproute2's wildcard deletion: an IPv4 address without /LEN deletes the
# first address with that local part, whatever its prefix length
"$NSH" -c 'ip -n a addr del 169.254.7.1 dev v1' >"$TMP/n.out" 2>"$TMP/n.err"
_rc=$?
ip -n b addr del 169.254.7.1 dev v1 2>/dev/null
is "delete without a prefix length: done, one warning line" \
	"rc=$_rc lines=$(wc -l <"$TMP/n.err" | tr -d ' ')" "rc=0 lines=1"
like "the warning says what happened" "$(cat "$TMP/n.err")" \
	"^ip address delete: warning: '169\.254\.7\.1': no prefix length"
is "same kernel addresses as iproute2 (wildcard deletion)" \
	"$(addrs a)" "$(addrs b)"
both -4 addr del dev v1 label v1:six

# ---------------------------------------------------------------- requests

# the request itself: the RTM_NEWADDR / RTM_DELADDR nsh sends is iproute2's,
# attribute for attribute (strace decodes both; sequence and port differ)
if command -v strace >/dev/null 2>&1; then
	ip netns add q
	ip -n q link add v1 type veth peer name p1
	# (strace decodes a netlink socket of its own namespace only)
	req() {
		ip netns exec q strace -f -s 256 -e trace=sendmsg "$@" \
			2>&1 >/dev/null |
			grep -E 'RTM_(NEW|DEL)ADDR' | grep -v NLM_F_DUMP |
			sed -E 's/^(\[pid +[0-9]+\] )?sendmsg\([0-9]+,//;
				s/nlmsg_(seq|pid)=-?[0-9]+//g; s/ = [0-9]+$//'
	}
	for line in "addr add 10.0.0.1/24 dev v1" \
		"addr add 10.0.1.1/24 brd + dev v1 label v1:x metric 5" \
		"addr add 10.0.5.1 peer 10.0.5.2/32 dev v1 scope link" \
		"addr add fd00::1/64 dev v1 nodad noprefixroute valid_lft 100 preferred_lft 50" \
		"addr replace 127.0.0.5/8 dev v1 anycast 127.0.0.9" \
		"addr change 10.0.0.1/24 dev v1 preferred_lft 5 valid_lft 10" \
		"addr add 224.0.0.55/32 dev v1 autojoin" \
		"addr del 10.0.0.1/24 dev v1" "addr del 10.0.5.1 dev v1" \
		"-6 addr del fd00::1/64 dev v1 mngtmpaddr"; do
		_n=$(req "$NSH" -c "ip $line")
		ip -n q addr flush dev v1
		ip -n q addr add 10.0.5.1 peer 10.0.5.2/32 dev v1
		# shellcheck disable=SC2086
		_i=$(req ip $line)
		ip -n q addr flush dev v1
		ip -n q addr add 10.0.5.1 peer 10.0.5.2/32 dev v1
		like "'ip $line': a request was sent" "$_n" 'RTM_(NEW|DEL)ADDR'
		is "'ip $line': iproute2's request" "$_n" "$_i"
	done
	ip netns del q
else
	skip "no strace: the requests are not compared"
fi

# ---------------------------------------------------------------- show

# a state with something of everything: links up and down, a bridge port,
# a group, a cable to another namespace, IPv4 and IPv6, labels, peers,
# metrics, lifetimes, flags.  DAD is off in "s" so that nothing changes
# between the two listings; the addresses of the down link stay tentative.
ip netns add s
ip netns exec s sh -c 'echo 0 >/proc/sys/net/ipv6/conf/all/accept_dad;
	echo 0 >/proc/sys/net/ipv6/conf/default/accept_dad'
ip -n s link set lo up
ip -n s link add v1 type veth peer name p1
ip -n s link add v2 type veth peer name p2
ip -n s link add br0 type bridge
ip -n s link set p2 master br0
ip -n s link add x1 type veth peer name x2 netns b
ip -n s addr add 10.0.0.1/24 brd + dev v1
ip -n s addr add 10.0.0.2/24 dev v1 label v1:x
ip -n s addr add 10.1.0.1 peer 10.1.0.2/32 dev v1
ip -n s addr add 10.2.0.1/24 dev v1 valid_lft 1000 preferred_lft 500 metric 7
ip -n s addr add 10.3.0.1/24 dev v1 noprefixroute scope 17
ip -n s addr add 192.168.5.1/16 dev v2 scope link
ip -n s addr add fd00::1/64 dev v1 nodad
ip -n s addr add fd00::2/64 dev v1 noprefixroute nodad
ip -n s addr add fd01::1/64 dev v2 preferred_lft 0 valid_lft 100
ip -n s addr add fd01::2/64 dev v2 home
ip -n s addr add 10.9.0.1/24 dev br0 anycast 10.9.0.9
ip -n s addr add 10.8.0.1/24 dev x1
ip -n s link set v1 up
ip -n s link set p1 up
ip -n s link set x1 up
ip -n s link set v2 group 5
# the state must stand still between the two listings compared: the veth
# carriers up, the link-local addresses past DAD
_i=0
while [ $_i -lt 150 ] && { ip -n s link | grep -q 'NO-CARRIER.*state LOWERLAYERDOWN' ||
	ip -n s addr | grep -q 'scope link.*tentative'; }; do
	sleep 0.05; _i=$((_i + 1))
done

# norm: the lifetimes that count down
norm() {
	sed -E 's/(valid_lft|preferred_lft) [0-9]+sec/\1 Nsec/g;
		s/"(valid|preferred)_life_time":( )?[0-9]+/"\1_life_time": N/g;
		s/"(valid|preferred)_life_time": N4294967295/XX/g'
}

# show_same ARGS…: nsh's `ip -n s ARGS` prints what iproute2 prints
show_same() {
	# shellcheck disable=SC2086
	ip -n s $1 2>&1 | norm >"$TMP/ip.out"
	"$NSH" -c "ip -n s $1" 2>&1 | norm >"$TMP/nsh.out"
	is "'ip $1' prints what iproute2 prints" "$(cat "$TMP/nsh.out")" \
		"$(cat "$TMP/ip.out")"
}

for args in "addr" "address show" "a" "a s v1" "addr show dev v1" \
	"addr list dev lo" "addr lst x1" "-4 addr" "-6 addr" "-6 a s v1" \
	"-4 a s x1" "-o addr" "-o -4 addr" "-o -6 addr" "-br addr" \
	"-br -4 addr" "-br -6 addr" "-br addr show v1" "-br -o addr" \
	"-s addr show lo" "-s addr show v2" "-s -s addr show lo" \
	"-s -o addr show v2" "-s -br addr show v2" "-6 -s addr show v2" \
	"-6 -s -s addr show v2" "-6 -d addr" "-6 -br addr" \
	"-0 -br addr" "-4 addr show master br0" \
	"addr show up" "addr show label v1:*" "addr show label v1" \
	"-br addr show label v1:*" "-o addr show label v1:x" \
	"addr show group 5" "addr show scope global" "addr show scope link" \
	"addr show scope host" "addr show scope 17" "addr show scope all" \
	"addr show to 10.0.0.0/24" "addr show to 10.0.0.2" \
	"addr show to fd00::/16" "-6 addr show to fd01::2" \
	"addr show primary" "addr show secondary" "addr show -secondary" \
	"addr show dynamic" "addr show permanent" "addr show -permanent" \
	"addr show noprefixroute" "addr show home" "addr show deprecated" \
	"addr show tentative" "addr show -tentative" "-6 addr show nodad" \
	"addr show master br0" "addr show nomaster" "addr show type veth" \
	"addr show type bridge" "addr show type bridge_slave" \
	"addr show dev v1 secondary" "addr show dev v2 up" \
	"addr show dev v1 type bridge" "-6 addr show master br0" \
	"-6 addr show group 5" "addr show up scope global primary v1"; do
	show_same "$args"
done

# -d adds the link's details to its header (ip link's printer,
# cmds/link_show.c); the bridge's timers move between the two listings
for args in "-d addr" "-d -4 addr show v1" "-N addr show v1" "-d -s addr" \
	"-d -o addr" "-d -br addr" "-d -6 addr" "-d addr show x1"; do
	# shellcheck disable=SC2086
	ip -n s $args | norm | sed -E 's/(_timer) +[0-9.]+/\1 N/g' \
		>"$TMP/ip.out"
	"$NSH" -c "ip -n s $args" | norm | sed -E 's/(_timer) +[0-9.]+/\1 N/g' \
		>"$TMP/nsh.out"
	is "'ip $args' prints what iproute2 prints" "$(cat "$TMP/nsh.out")" \
		"$(cat "$TMP/ip.out")"
done
ok "'ip -d -4 addr' shows the link/ line (as iproute2)" \
	sh -c "'$NSH' -c 'ip -n s -d -4 addr show lo' | grep -q '^    link/loopback'"

# jnorm: JSON with the moving values set to 0 (lifetimes counting down,
# the counters of links that are up), keys in order
jnorm() {
	python3 -c '
import json, sys
def walk(o):
    if isinstance(o, dict):
        for k, v in o.items():
            if k in ("valid_life_time", "preferred_life_time") and v != 4294967295:
                o[k] = 0
            elif k.endswith("_timer"):
                o[k] = 0
            elif k in ("stats64", "stats"):
                for d in v.values():
                    for c in d:
                        d[c] = 0
            else:
                walk(v)
    elif isinstance(o, list):
        for x in o:
            walk(x)
d = json.load(open(sys.argv[1]))
walk(d)
print(json.dumps(d))' "$1"
}

for args in "addr" "-4 addr show v1" "-6 addr" "-p addr show dev v1" \
	"-br addr" "-br -6 addr" "-o addr" "-s addr" "-6 -s addr" \
	"addr show up" "addr show label v1:*" "addr show group 5" \
	"addr show scope global" "addr show to 10.0.0.0/16" \
	"addr show type bridge_slave" "addr show dev v1 type bridge" \
	"-6 addr show group 5" "addr show dynamic" "addr show dev v2" \
	"-4 addr show master br0" "-4 addr show type veth" \
	"addr show type veth" "addr show type nosuchkind" \
	"-s -s addr show lo" "-6 -d addr show" "addr show master br0" \
	"-d addr" "-d -s addr show br0" "-p -d addr show x1"; do
	"$NSH" -c "ip -n s -j $args" >"$TMP/nsh.json"
	ok "'ip -j $args' is valid JSON" python3 -m json.tool "$TMP/nsh.json"
	# shellcheck disable=SC2086
	ip -n s -j $args >"$TMP/ip.json"
	is "'ip -j $args' has iproute2's keys, values and order" \
		"$(jnorm "$TMP/nsh.json")" "$(jnorm "$TMP/ip.json")"
done
"$NSH" -c "ip -n s -j addr show dev lo" >"$TMP/nsh.json"
ip -n s -j addr show dev lo >"$TMP/ip.json"
is "'ip -j addr show dev lo' byte for byte" "$(cat "$TMP/nsh.json")" \
	"$(cat "$TMP/ip.json")"

# the verbs and the bare object
show_same "address"
ok "'ip address help' prints the usage" "$NSH" -c "ip -n s addr show help"
like "the usage lists the filter words" "$(cat "$TMP/out")" "label"

ip netns del s	# (the rejects below read the state of every namespace)

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
rejects "missing dev" "ip -n a addr add 10.0.90.1/24" \
	"^ip address add: '10\.0\.90\.1/24': missing 'dev IFNAME'"
rejects "missing address" "ip -n a addr add dev v1" \
	"^ip address add: missing the address"
rejects "no such link" "ip -n a addr add 10.0.90.1/24 dev nope" \
	"^ip address add: 'nope': no such link in namespace 'a'"
rejects "duplicate address" "ip -n a addr add 10.0.0.1/24 dev v1" \
	"^ip address add: '10\.0\.0\.1/24': address already assigned on 'v1'$"
rejects "duplicate IPv6 address" "ip -n a addr add fd00::1/64 dev v1" \
	"^ip address add: 'fd00::1/64': address already assigned on 'v1'$"
rejects "local twice" "ip -n a addr add 10.0.90.1/24 10.0.90.2/24 dev v1" \
	"^ip address add: '10\.0\.90\.2/24': unknown word"
rejects "peer twice" \
	"ip -n a addr add 10.0.90.1 peer 10.0.90.2 remote 10.0.90.3 dev v1" \
	"^ip address add: 'remote': given twice"
rejects "broadcast twice" \
	"ip -n a addr add 10.0.90.1/24 brd + broadcast 10.0.90.255 dev v1" \
	"^ip address add: 'broadcast': given twice"
rejects "valid_lft twice" \
	"ip -n a addr add 10.0.90.1/24 valid_lft 10 valid_lft 20 dev v1" \
	"^ip address add: 'valid_lft': given twice"
rejects "broadcast for IPv6" "ip -n a addr add fd00::90/64 brd + dev v1" \
	"^ip address add: '\+': broadcast addresses are for IPv4 only"
rejects "a peer of the other family" \
	"ip -n a addr add 10.0.90.1/24 peer fd00::9 dev v1" \
	"^ip address add: 'fd00::9': not an IPv4 address"
rejects "bad scope" "ip -n a addr add 10.0.90.1/24 dev v1 scope far" \
	"^ip address add: 'far': not a scope"
rejects "scope all is for listing" \
	"ip -n a addr add 10.0.90.1/24 dev v1 scope all" \
	"^ip address add: 'all': not a scope"
rejects "bad metric" "ip -n a addr add 10.0.90.1/24 dev v1 metric x" \
	"^ip address add: 'x': not a number"
rejects "bad lifetime" "ip -n a addr add 10.0.90.1/24 dev v1 valid_lft soon" \
	"^ip address add: 'soon': not a lifetime"
rejects "valid_lft 0" "ip -n a addr add 10.0.90.1/24 dev v1 valid_lft 0" \
	"^ip address add: valid_lft is zero"
rejects "preferred_lft above valid_lft" \
	"ip -n a addr add 10.0.90.1/24 dev v1 valid_lft 10 preferred_lft 20" \
	"^ip address add: preferred_lft \(20\) is greater than valid_lft \(10\)"
rejects "autojoin of a unicast address" \
	"ip -n a addr add 10.0.90.1/24 dev v1 autojoin" \
	"^ip address add: '10\.0\.90\.1/24': autojoin needs a multicast address"
rejects "a label too long for the kernel" \
	"ip -n a addr add 10.0.90.1/24 dev v1 label v1:0123456789abcdef" \
	"^ip address add: '10\.0\.90\.1/24': attribute failed policy validation"
rejects "-6 with an IPv4 address" "ip -n a -6 addr add 10.0.90.1/24 dev v1" \
	"^ip address add: '10\.0\.90\.1/24': not an IPv6 address"
rejects "mngtmpaddr needs /64 (the kernel's reason)" \
	"ip -n a addr add fd00::90/80 dev v1 mngtmpaddr" \
	"^ip address add: 'fd00::90/80': .*mngtmpaddr.*64"
rejects "a flag warning and a refusal: only the refusal" \
	"ip -n a addr add 10.0.0.1/24 dev v1 nodad" \
	"^ip address add: '10\.0\.0\.1/24': address already assigned on 'v1'$"
rejects "wildcard deletion of an absent address: only the refusal" \
	"ip -n a addr del 10.0.90.1 dev v1" \
	"^ip address delete: '10\.0\.90\.1': no such address on 'v1'$"
rejects "delete an absent address" "ip -n a addr del 10.0.90.1/24 dev v1" \
	"^ip address delete: '10\.0\.90\.1/24': no such address on 'v1'$"
rejects "delete with the wrong prefix length" \
	"ip -n a addr del 10.0.0.1/16 dev v1" \
	"^ip address delete: '10\.0\.0\.1/16': no such address on 'v1' \(it has 10\.0\.0\.1/24\)"
rejects "delete an IPv6 address without its /LEN" \
	"ip -n a addr del fd00::1 dev v1" \
	"^ip address delete: 'fd00::1': no such address on 'v1' \(it has fd00::1/64\)"
rejects "delete without dev" "ip -n a addr del 10.0.0.1/24" \
	"^ip address delete: '10\.0\.0\.1/24': missing 'dev IFNAME'"
rejects "change of a missing link" "ip -n a addr change 10.0.0.1/24 dev nope" \
	"^ip address change: 'nope': no such link"
rejects "flush without arguments" "ip -n a addr flush" \
	"^ip address flush: flush requires arguments"
rejects "-4 flush without arguments" "ip -n a -4 addr flush" \
	"^ip address flush: flush requires arguments"
rejects "flush of link addresses" "ip -n a -0 addr flush dev v1" \
	"^ip address flush: cannot flush link addresses"
rejects "flush of a missing link" "ip -n a addr flush dev nope" \
	"^ip address flush: 'nope': no such link"
rejects "show of a missing link" "ip -n a addr show dev nope" \
	"^ip address show: 'nope': no such link"
rejects "show: dev twice" "ip -n a addr show dev v1 dev p1" \
	"^ip address show: 'dev': given twice"
rejects "show: a second link" "ip -n a addr show v1 p1" \
	"^ip address show: 'p1': unknown word"
rejects "show: master of a missing link" "ip -n a addr show master nope" \
	"^ip address show: 'nope': no such link"
rejects "show: vrf that is no VRF" "ip -n a addr show vrf v1" \
	"^ip address show: 'v1': not a VRF"
rejects "show: bad scope" "ip -n a addr show scope far" \
	"^ip address show: 'far': not a scope"
rejects "show: to of the other family" "ip -n a -6 addr show to 10.0.0.0/8" \
	"^ip address show: '10\.0\.0\.0/8': not an IPv6 prefix"
rejects "unknown verb" "ip -n a addr frob" \
	"^ip address: 'frob': unknown word"

# ---------------------------------------------------------------- flush

# flush_same ARGS: a fresh copy of one state in "f1" (nsh) and "f2"
# (iproute2); same output, same status, same addresses after
fstate() {
	for n in f1 f2; do
		ip netns del $n 2>/dev/null
		ip netns add $n
		ip -n $n link add v1 type veth peer name p1
		ip -n $n link set lo up
		ip -n $n addr add 10.0.0.1/24 dev v1
		ip -n $n addr add 10.0.0.2/24 dev v1
		ip -n $n addr add 10.0.0.3/24 dev v1 label v1:a
		ip -n $n addr add 10.1.0.1/16 dev v1 scope link
		ip -n $n addr add 10.3.0.1/24 dev v1 valid_lft 100
		ip -n $n addr add fd00::1/64 dev v1 nodad
		ip -n $n addr add 10.2.0.1/24 dev p1
		ip -n $n addr add fd00::2/64 dev p1 nodad
	done
}
flush_same() {
	fstate
	"$NSH" -c "ip -n f1 $1" >"$TMP/n.out" 2>"$TMP/n.err"
	_rn=$?
	# shellcheck disable=SC2086
	ip -n f2 $1 >"$TMP/i.out" 2>/dev/null
	_ri=$?
	is "'ip $1': status and output as iproute2's" \
		"$([ $_rn = 0 ] && echo ok || echo fail) $(cat "$TMP/n.out")" \
		"$([ $_ri = 0 ] && echo ok || echo fail) $(cat "$TMP/i.out")"
	is "'ip $1': same addresses after" "$(addrs f1)" "$(addrs f2)"
}
for args in "addr flush dev v1" "addr flush v1" "-4 addr flush dev v1" \
	"-6 addr flush dev v1" "addr flush dev v1 primary" \
	"addr flush dev v1 secondary" "addr flush label v1:*" \
	"addr flush label v1" "addr flush to 10.0.0.0/24" \
	"addr flush scope link" "addr flush scope global" \
	"addr flush dynamic" "addr flush permanent dev v1" "addr flush up" \
	"-s addr flush dev v1" "-s -s addr flush dev v1" \
	"-s addr flush dev v1 secondary" "-s addr flush to 10.9.0.0/16" \
	"-l 0 addr flush dev v1" "a f p1"; do
	flush_same "$args"
done
fstate
"$NSH" -c "ip -n f1 -l 1 addr flush dev v1" >"$TMP/n.out" 2>"$TMP/n.err"
_rc=$?
is "-l 1: one round is not enough when primaries promote secondaries" \
	"rc=$_rc $(cat "$TMP/n.err")" \
	"rc=1 ip address flush: flush remains incomplete after 1 rounds"

# what is left of "a" and "b" after all that is still the same
both -4 addr flush dev v1
like "-4 flush keeps the IPv6 addresses" \
	"$(addrs a | grep -c '^v1 .*inet6')" '^[1-9]'
both addr flush v1
is "flush leaves no address on v1" "$(addrs a | grep -c '^v1 ')" 0

done_testing
