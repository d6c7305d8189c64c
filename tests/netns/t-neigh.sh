#!/bin/sh
# ip neigh add / change / replace / delete / get / show / flush, natively.
# Every line runs twice: with iproute2 in namespace "ipr" and with nsh in
# namespace "nsh" (same links, same addresses); the neighbour tables of the
# two (`ip -j neigh show nud all` and `… show proxy`) must then be
# identical, and so must the two programs' success and output.  show, get
# and their -j, -s, -br forms are compared with iproute2's on one state.
# Every refused line exits non-zero with one stderr line naming the word,
# and leaves the kernel as it was.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# neigh NS: the entries a lab makes (every state, the proxies), without the
# multicast ones the kernel makes itself, sorted
neigh() {
	{
		ip -n "$1" -j neigh show nud all
		ip -n "$1" -j neigh show proxy
	} | python3 -c '
import json, sys
out = []
for line in sys.stdin:
    for e in json.loads(line):
        if e.get("dst", "").startswith("ff0"):
            continue
        out.append(json.dumps(e, sort_keys=True))
print("\n".join(sorted(out)))'
}

# both ARGS: `ip -n ipr ARGS` (iproute2) and `ip -n nsh ARGS` (nsh) both
# succeed or both fail, print the same, and leave the same tables
both() {
	ip -n ipr "$@" >"$TMP/ip.out" 2>/dev/null
	_r1=$?
	"$NSH" -c "ip -n nsh $*" >"$TMP/nsh.out" 2>"$TMP/nsh.err"
	_r2=$?
	[ $_r1 = 0 ] && _r1=ok || _r1=failed
	[ $_r2 = 0 ] && _r2=ok || _r2=failed
	is "ip $*: $_r1, as with iproute2" "$_r2 $(cat "$TMP/nsh.out")" \
		"$_r1 $(cat "$TMP/ip.out")"
	is "ip $*: the same neighbour tables" "$(neigh nsh)" "$(neigh ipr)"
}

# same_as_ip ARGS: nsh prints what iproute2 prints, in namespace nsh (a few
# tries: -s counts seconds)
same_as_ip() {
	_i=0
	while :; do
		ip -n nsh "$@" >"$TMP/ip.out" 2>&1
		"$NSH" -c "ip -n nsh $*" >"$TMP/nsh.out" 2>&1
		if cmp -s "$TMP/ip.out" "$TMP/nsh.out" || [ $_i -ge 5 ]; then
			break
		fi
		_i=$((_i + 1))
		sleep 0.3
	done
	is "'ip $*' prints what iproute2 prints" "$(cat "$TMP/nsh.out")" \
		"$(cat "$TMP/ip.out")"
}

for n in ipr nsh; do
	ip netns add $n
	ip -n $n link set lo up
	ip -n $n link add v1 type veth peer name v2
	ip -n $n link add w1 type veth peer name w2
	for l in v1 v2 w1 w2; do ip -n $n link set $l up; done
	ip -n $n addr add 10.0.0.1/24 dev v1
	ip -n $n addr add 10.1.0.1/24 dev w1
	ip -n $n addr add 2001:db8::1/64 dev v1 nodad
	# REACHABLE entries must not age into STALE while the test runs
	for l in v1 w1; do
		ip netns exec $n sh -c "
			echo 3600000 >/proc/sys/net/ipv4/neigh/$l/base_reachable_time_ms
			echo 3600000 >/proc/sys/net/ipv6/neigh/$l/base_reachable_time_ms"
	done
done
is "the two namespaces start alike" "$(neigh nsh)" "$(neigh ipr)"

# ---------------------------------------------------------------- add

both neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev v1
both neigh add 10.0.0.3 lladdr 02:00:00:00:00:03 dev v1 nud noarp
both neigh add 10.0.0.4 lladdr 02:00:00:00:00:04 dev v1 nud stale router
both neigh add dev v1 to 10.0.0.5 lladdr 2:0:0:0:0:5 nud reachable proto static
both n a 10.0.0.6 l 02:00:00:00:00:06 dev v1 nud perm
both neighbour add 10.0.0.7 lladdr 02:00:00:00:00:07 dev v1 nud 0x80
both neigh add 10.0.0.8 lladdr 02:00:00:00:00:08 dev v1 extern_learn
both neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev v1 protocol 99
both neigh add 10.0.0.10 lladdr 02:00:00:00:00:0a dev v1 nud permanent
both neigh add proxy 10.0.0.20 dev v1
both neigh add proxy 2001:db8::20 dev v1
both neigh add 2001:db8::2 lladdr 02:00:00:00:00:12 dev v1 router
both -6 neigh add 2001:db8::3 lladdr 02:00:00:00:00:13 dev v1 nud noarp
both neigh add 10.1.0.2 lladdr 02:00:00:00:01:02 dev w1
both neigh add 10.1.0.3 lladdr 02:00:00:00:01:03 dev w1 nud stale
both neigh add 10.1.0.4 lladdr 02:00:00:00:01:04 dev w1 nud reachable
both neigh add 10.1.0.5 lladdr 02:00:00:00:01:05 dev w1 nud noarp
# refused by the kernel in both
both neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev v1

# ---------------------------------------------------------------- change

both neigh change 10.0.0.2 lladdr 02:00:00:00:00:22 dev v1
both neigh chg 10.0.0.3 lladdr 02:00:00:00:00:33 dev v1 nud noarp
both neigh replace 10.0.0.4 lladdr 02:00:00:00:00:44 dev v1 nud permanent
both neigh replace 10.0.0.11 lladdr 02:00:00:00:00:11 dev v1
both neigh change 10.0.0.99 lladdr 02:00:00:00:00:99 dev v1

# ---------------------------------------------------------------- show

same_as_ip neigh
same_as_ip neigh show
same_as_ip -j neigh
same_as_ip -j neigh show nud all
same_as_ip neigh show nud all
same_as_ip neigh show proxy
same_as_ip -j neigh show proxy
same_as_ip neigh show dev v1
same_as_ip -j neigh show dev w1
same_as_ip neigh show 10.0.0.0/30
same_as_ip neigh show to 10.0.0.4
same_as_ip neigh show 2001:db8::/64
same_as_ip neigh show all
same_as_ip -4 neigh
same_as_ip -6 neigh show nud all
same_as_ip neigh show nud stale nud noarp
same_as_ip neigh show nud reachable
same_as_ip neigh show protocol static
same_as_ip neigh show proto 99
same_as_ip neigh show unused
same_as_ip neigh show nomaster
same_as_ip -br neigh
same_as_ip -br -j neigh show nud all
same_as_ip -s neigh show 10.0.0.2
same_as_ip -s -j neigh show dev w1
same_as_ip n
same_as_ip n s
same_as_ip neighbor lst
same_as_ip neigh get 10.0.0.2 dev v1
same_as_ip neigh get to 2001:db8::2 dev v1
same_as_ip -j neigh get 10.0.0.4 dev v1
same_as_ip neigh get proxy 10.0.0.20 dev v1
"$NSH" -c 'ip -n nsh -j -p neigh show nud all' >"$TMP/j"
ok "ip -j -p neigh is valid JSON" python3 -m json.tool "$TMP/j"
is "…and the same JSON as iproute2's" \
	"$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])))' "$TMP/j")" \
	"$(ip -n nsh -j neigh show nud all | python3 -c 'import json,sys; print(json.load(sys.stdin))')"

# ---------------------------------------------------------------- delete

both neigh del 10.0.0.11 dev v1
both neigh delete proxy 10.0.0.20 dev v1
both neigh del 2001:db8::3 dev v1
both neigh del 10.0.0.99 dev v1

# ---------------------------------------------------------------- flush

both -s neigh flush dev w1
both neigh flush dev w1 nud noarp
both -s neigh flush to 10.1.0.0/24 nud permanent
both neigh flush all
both -s neigh flush nud all 10.0.0.0/29
both neigh flush proxy
both -s neigh flush dev v2
is "only IPv6 and a few IPv4 entries are left" \
	"$(neigh nsh | grep -c 10.0.0)" "$(neigh ipr | grep -c 10.0.0)"

# ---------------------------------------------------------------- errors

# the kernel's tables, for `rejects`: they must not change either
tables() { neigh nsh; ip -n nsh -j neigh show proxy; }
REJECTS_ALSO=tables
rejects "an existing entry" \
	'ip -n nsh neigh add 10.0.0.9 lladdr 02:00:00:00:00:02 dev v1' \
	"^ip neigh add: '10\.0\.0\.9': the entry exists"
rejects "no such link" \
	'ip -n nsh neigh add 10.0.0.30 lladdr 02:00:00:00:00:30 dev nosuch' \
	"^ip neigh add: 'nosuch': no such link"
rejects "a bad link-layer address" \
	'ip -n nsh neigh add 10.0.0.30 lladdr zz:00 dev v1' \
	"^ip neigh add: 'zz:00': a link-layer address is hex bytes"
rejects "a bad state" \
	'ip -n nsh neigh add 10.0.0.30 lladdr 02:00:00:00:00:30 dev v1 nud bogus' \
	"^ip neigh add: 'bogus': not a neighbour state"
rejects "a state of two bits" \
	'ip -n nsh neigh add 10.0.0.30 lladdr 02:00:00:00:00:30 dev v1 nud 3' \
	"^ip neigh add: '3': not a neighbour state"
rejects "no address" \
	'ip -n nsh neigh add lladdr 02:00:00:00:00:30 dev v1' \
	"^ip neigh add: missing the neighbour's address"
rejects "no link" 'ip -n nsh neigh add 10.0.0.30 lladdr 02:00:00:00:00:30' \
	"^ip neigh add: '10\.0\.0\.30': missing 'dev DEV'"
rejects "two addresses" \
	'ip -n nsh neigh add 10.0.0.30 10.0.0.31 dev v1' \
	"^ip neigh add: '10\.0\.0\.31': a second address"
rejects "a proxy and an address" \
	'ip -n nsh neigh add proxy 10.0.0.30 10.0.0.31 dev v1' \
	"^ip neigh add: '10\.0\.0\.31': a second address"
rejects "a word it does not know" \
	'ip -n nsh neigh add 10.0.0.30 lladdr 02:00:00:00:00:30 dev v1 bogus' \
	"^ip neigh add: 'bogus': unknown word"
rejects "-6 and an IPv4 address" \
	'ip -n nsh -6 neigh add 10.0.0.30 lladdr 02:00:00:00:00:30 dev v1' \
	"^ip neigh add: '10\.0\.0\.30': not an IPv6 address"
rejects "a bad protocol" \
	'ip -n nsh neigh add 10.0.0.30 lladdr 02:00:00:00:00:30 dev v1 proto nosuch' \
	"^ip neigh add: 'nosuch': not a routing protocol"
rejects "lladdr twice" \
	'ip -n nsh neigh add 10.0.0.30 lladdr 02:00:00:00:00:30 lladdr 02:00:00:00:00:31 dev v1' \
	"^ip neigh add: 'lladdr': given twice"
rejects "delete what is not there" 'ip -n nsh neigh del 10.0.0.99 dev v1' \
	"^ip neigh delete: '10\.0\.0\.99': no such entry on v1"
rejects "change what is not there" \
	'ip -n nsh neigh change 10.0.0.99 lladdr 02:00:00:00:00:30 dev v1' \
	"^ip neigh change: '10\.0\.0\.99': no such entry to change"
rejects "flush without a selector" 'ip -n nsh neigh flush' \
	"^ip neigh flush: missing what to flush"
rejects "show of no such link" 'ip -n nsh neigh show dev nosuch' \
	"^ip neigh show: 'nosuch': no such link"
rejects "dev twice" 'ip -n nsh neigh show dev v1 dev w1' \
	"^ip neigh show: 'dev': given twice"
rejects "show with a bad state" 'ip -n nsh neigh show nud bogus' \
	"^ip neigh show: 'bogus': not a neighbour state"
rejects "a VRF that is none" 'ip -n nsh neigh show vrf v1' \
	"^ip neigh show: 'v1': not a VRF"
rejects "prefixes of two families" \
	'ip -n nsh neigh show 10.0.0.0/24 2001:db8::/64' \
	"^ip neigh show: '2001:db8::/64': not an IPv4 prefix"
rejects "get what is not there" 'ip -n nsh neigh get 10.0.0.99 dev v1' \
	"^ip neigh get: '10\.0\.0\.99': no such entry on v1"
rejects "get without a link" 'ip -n nsh neigh get 10.0.0.2' \
	"^ip neigh get: '10\.0\.0\.2': missing 'dev DEV'"
rejects "an unknown verb" 'ip -n nsh neigh frob' \
	"^ip neigh: 'frob': unknown word; expected add, change, replace, delete, get, show or flush"

done_testing
