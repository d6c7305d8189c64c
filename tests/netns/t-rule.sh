#!/bin/sh
# ip rule add / delete / show / flush, IPv4 and IPv6, as iproute2 6.1.
# Every line nsh runs in namespace "a" is run by iproute2 in namespace "b",
# and the kernel's rules of both (`ip -j -d rule`, -4 and -6) must then be
# identical; show and its -j JSON are compared with iproute2's on the same
# state.  Every rejected command must exit non-zero, print one line naming
# its subject, and leave the kernel state unchanged.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# rules NS: the kernel's rules of NS, IPv4 then IPv6, in detail
rules() {
	ip -n "$1" -d -j rule show
	ip -n "$1" -d -6 -j rule show
}

both() {
	ok "nsh: ip $*" "$NSH" -c "ip -n a $*"
	ip -n b "$@" 2>/dev/null || echo "# iproute2 failed: ip -n b $*"
	is "same kernel rules as iproute2 after 'ip $*'" "$(rules a)" \
		"$(rules b)"
}

# both_fail ARGS: refused by nsh in one line and by iproute2; the rules
# are still the same
both_fail() {
	"$NSH" -c "ip -n a $*" >"$TMP/r.out" 2>"$TMP/r.err"
	_rc=$?
	ip -n b "$@" >/dev/null 2>&1
	_ri=$?
	is "'ip $*' is refused like iproute2 refuses it, in one line" \
		"rc=$([ $_rc != 0 ] && echo fail) iproute2=$([ $_ri != 0 ] && echo fail) lines=$(wc -l <"$TMP/r.err" | tr -d ' ')" \
		"rc=fail iproute2=fail lines=1"
	is "and the rules are still the same" "$(rules a)" "$(rules b)"
}

same_show() {
	for _j in "" "-j"; do
		# shellcheck disable=SC2086
		ip -n a $_j "$@" >"$TMP/ip.out" 2>/dev/null
		"$NSH" -c "ip -n a $_j $*" >"$TMP/nsh.out" 2>/dev/null
		is "'ip $_j $*' prints what iproute2 prints" \
			"$(cat "$TMP/nsh.out")" "$(cat "$TMP/ip.out")"
	done
}

for n in a b; do
	ip netns add $n
	ip -n $n link add v1 type veth peer name p1
	ip -n $n link set lo up
done
is "the two namespaces start alike" "$(rules a)" "$(rules b)"
same_show rule

# ---------------------------------------------------------------- add

both rule add from 10.0.0.0/8 table 100 pref 100
both rule add to 10.1.0.0/16 lookup 7
both ru a not from 10.2.0.0/16 table main priority 200
both rule add fwmark 5 table 5
both rule add fwmark 0x10/0xff table 6
both rule add iif v1 table 7
both rule add dev p1 table 7 order 150
both rule add oif v1 table 8 pref 300
both rule add tos 0x10 table 9
both rule add dsfield 0x8 table 9
both rule add uidrange 100-200 table 10
both rule add ipproto tcp dport 80 table 11
both rule add ipproto udp sport 1000-2000 table 12
both rule add ipproto 1 table 12
both rule add from all table 13 suppress_prefixlength 0
both rule add from all lookup main suppress_ifgroup 5
both rule add from all lookup main sup_pl 8
both rule add blackhole from 10.3.0.0/16
both rule add unreachable to 10.4.0.0/16
both rule add prohibit from 10.5.0.0/16
both rule add type blackhole from 10.8.0.0/16
both rule add goto 32766 from 10.6.0.0/16 pref 400
both rule add nop pref 500
both rule add realms 3/4 table 14
both rule add from 10.7.0.0/16 table 1000 protocol static
both rule add tun_id 5 table 15
both rule add l3mdev pref 1000
both rule add from 10.9.0.0/16 table local pref 1001
both -6 rule add from fd00::/64 table 100
both -6 rule add to fd01::/64 table 101 pref 1000
both -6 rule add iif v1 ipproto tcp sport 22 table 102
# route NAT: iproute2 warns that it is deprecated, and so does nsh
"$NSH" -c "ip -n a rule add nat 10.0.0.5 from 10.1.0.0/16" 2>"$TMP/err"
ip -n b rule add nat 10.0.0.5 from 10.1.0.0/16 2>/dev/null
is "nat: the same rule as iproute2" "$(rules a)" "$(rules b)"
is "nat: iproute2's warning" "$(cat "$TMP/err")" \
	"ip rule add: warning: route NAT is deprecated"

# ---------------------------------------------------------------- show

for args in "rule" "rule show" "rule list" "rule lst" "ru s" "-d rule" \
	"-6 rule" "-6 -d rule" "-N rule" "rule show pref 100" \
	"rule show order 200" "rule show from 10.0.0.0/8" "rule show from all" \
	"rule show to 10.1.0.0/16" "rule show dst 10.1.0.0/16" \
	"rule show 10.1.0.0/16" "rule show table 7" "rule show lookup 100" \
	"rule show iif v1" "rule show dev p1" "rule show oif v1" \
	"rule show fwmark 5" "rule show fwmark 0x10/0xff" "rule show not" \
	"rule show uidrange 100-200" "rule show ipproto tcp" \
	"rule show dport 80" "rule show sport 1000-2000" "rule show tos 0x10" \
	"rule show tun_id 5" "rule show l3mdev" "-6 rule show to fd01::/64" \
	"-6 rule show iif v1 sport 22" "rule show protocol static"; do
	# shellcheck disable=SC2086
	same_show $args
done

# ---------------------------------------------------------------- errors

rejects "add without words" "ip -n a rule add" \
	"^ip rule add: \"ip rule add\" requires arguments$"
rejects "delete without words" "ip -n a rule del" \
	"^ip rule delete: \"ip rule del\" requires arguments$"
rejects "an action nobody knows" "ip -n a rule add from 10.0.0.0/8 bogus" \
	"^ip rule add: 'bogus': not a rule action"
rejects "a table with l3mdev" "ip -n a rule add from 10.0.0.0/8 table 5 l3mdev" \
	"^ip rule add: table can not be specified for l3mdev rules$"
rejects "goto without a target" "ip -n a rule add from 10.0.0.0/8 goto" \
	"^ip rule add: missing NUM after 'goto'$"
rejects "a UID range of one" "ip -n a rule add uidrange 5 table 3" \
	"^ip rule add: '5': not a range of UIDs"
rejects "a port too large" "ip -n a rule add sport 70000 table 3" \
	"^ip rule add: '70000': not a port"
rejects "a mask that is no number" "ip -n a rule add fwmark 5/x table 3" \
	"^ip rule add: '5/x': the mask after '/' is not a number$"
rejects "unknown table" "ip -n a rule add from 10.0.0.0/8 table nosuch" \
	"^ip rule add: 'nosuch': not a table"
rejects "an IPv4 prefix with -6" "ip -n a -6 rule add from 10.0.0.0/8 table 5" \
	"^ip rule add: '10\.0\.0\.0/8': not an IPv6 prefix$"
rejects "a link name too long" \
	"ip -n a rule add iif this-name-is-far-too-long table 5" \
	"^ip rule add: 'this-name-is-far-too-long': not a valid link name$"
rejects "the same rule twice" "ip -n a rule add from 10.0.0.0/8 table 100 pref 100" \
	"^ip rule add: '10\.0\.0\.0/8': rule already exists$"
rejects "delete an absent rule" "ip -n a rule del pref 12345" \
	"^ip rule delete: '12345': no such rule$"
rejects "show: an IPv6 prefix without -6" "ip -n a rule show from fd00::/64" \
	"^ip rule list: 'fd00::/64': not an IPv4 prefix$"
# iproute2 takes an IPv6 rule's family from -6 only: the kernel refuses
both_fail rule add from fd00::/64 table 100
if ip -n b link add vrf1 type vrf table 10 2>/dev/null; then
	ip -n a link add vrf1 type vrf table 10
	both rule add iif vrf1 l3mdev pref 1002
else
	skip "kernel has no vrf (l3mdev rules are added, no VRF to match)"
fi

# ---------------------------------------------------------------- delete

both rule del from 10.0.0.0/8 table 100 pref 100
both rule delete pref 200
both rule del fwmark 5 table 5
both rule del blackhole from 10.3.0.0/16
both -6 rule del to fd01::/64 table 101

# ---------------------------------------------------------------- flush

both rule flush table 7
both rule flush protocol static
both rule flush lookup main
both -6 rule flush
both rule flush
is "flush keeps only the rule at 0" "$(ip -n a rule show)" \
	"0:	from all lookup local"

done_testing
