#!/bin/sh
# sysctl: read and write through /proc/sys of the current namespace, checked
# by reading /proc/sys directly (in the namespace, with `ip netns exec`).
# Only net.* keys are written, and only inside the test's sandbox.  Every
# rejected command must exit non-zero, print one line naming its key, and
# change nothing.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

FWD=/proc/sys/net/ipv4/ip_forward
# inns NS FILE: the contents of a /proc/sys file as seen inside NS
inns() { ip netns exec "$1" cat "$2"; }

# rejected commands (lib.sh's rejects) must also leave these values alone
watched() {
	cat $FWD /proc/sys/net/ipv4/conf/all/forwarding \
		/proc/sys/net/ipv4/ip_default_ttl
	inns ns1 $FWD
}
REJECTS_ALSO=watched

ip netns add ns1

# ---------------------------------------------------------------- read

echo 0 >$FWD
is "sysctl KEY prints 'KEY = VALUE'" \
	"$("$NSH" -c 'sysctl net.ipv4.ip_forward')" "net.ipv4.ip_forward = 0"
is "-n prints the value only" "$("$NSH" -c 'sysctl -n net.ipv4.ip_forward')" 0
is "a slash key reads the same file" \
	"$("$NSH" -c 'sysctl net/ipv4/ip_forward')" "net.ipv4.ip_forward = 0"
is "several keys, in order" \
	"$("$NSH" -c 'sysctl -n net.ipv4.ip_default_ttl net.ipv4.ip_forward')" \
	"$(cat /proc/sys/net/ipv4/ip_default_ttl)
0"
is "a multi-value key keeps its tabs" \
	"$("$NSH" -c 'sysctl -n net.ipv4.tcp_rmem')" \
	"$(cat /proc/sys/net/ipv4/tcp_rmem)"
"$NSH" -c 'sysctl net.ipv4.conf.lo' >"$TMP/nsh.out" 2>&1
lo_ok=0
for f in /proc/sys/net/ipv4/conf/lo/*; do
	grep -qxF "net.ipv4.conf.lo.${f##*/} = $(cat "$f")" "$TMP/nsh.out" ||
		lo_ok=1
done
is "a group lists each key of /proc/sys/net/ipv4/conf/lo" $lo_ok 0
is "and nothing else" "$(wc -l <"$TMP/nsh.out" | tr -d ' ')" \
	"$(ls /proc/sys/net/ipv4/conf/lo | wc -l | tr -d ' ')"

# ---------------------------------------------------------------- write

ok "sysctl -w KEY=VALUE" "$NSH" -c 'sysctl -w net.ipv4.ip_forward=1'
is "it prints 'KEY = VALUE'" "$(cat "$TMP/out")" "net.ipv4.ip_forward = 1"
is "/proc/sys has the value" "$(cat $FWD)" 1
ok "KEY=VALUE without -w (as procps)" \
	"$NSH" -c 'sysctl net.ipv4.ip_forward=0'
is "/proc/sys has the value" "$(cat $FWD)" 0
ok "-q writes silently" "$NSH" -c 'sysctl -q -w net.ipv4.ip_forward=1'
is "no output" "$(cat "$TMP/out")" ""
is "/proc/sys has the value" "$(cat $FWD)" 1
ok "several keys at once" "$NSH" -c \
	'sysctl -w net.ipv4.ip_forward=0 net/ipv4/ip_default_ttl=65'
is "both written" "$(cat $FWD) $(cat /proc/sys/net/ipv4/ip_default_ttl)" \
	"0 65"
ok "a value with blanks (quoted)" \
	"$NSH" -c 'sysctl -w "net.ipv4.ip_local_port_range=20000 30000"'
is "/proc/sys has it" "$(tr '\t' ' ' </proc/sys/net/ipv4/ip_local_port_range)" \
	"20000 30000"

# in a namespace: `ip netns exec NS sysctl` acts there, and only there
ok "ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1" \
	"$NSH" -c 'ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1'
is "ns1's /proc/sys has it" "$(inns ns1 $FWD)" 1
is "the sandbox's own value is untouched" "$(cat $FWD)" 0
is "ip netns exec ns1 sysctl -n reads ns1's value" \
	"$("$NSH" -c 'ip netns exec ns1 sysctl -n net.ipv4.ip_forward')" 1
printf 'enter ns1\nsysctl -w net.ipv4.ip_forward=0\nleave\n' >"$TMP/s.nsh"
ok "enter ns1 + sysctl -w in a script" "$NSH" -f "$TMP/s.nsh"
is "ns1's /proc/sys has it" "$(inns ns1 $FWD)" 0

# the seed's lines, verbatim: with br_netfilter they set the value, without
# it they say which module is missing
for t in iptables arptables ip6tables; do
	line="sudo sysctl -w net.bridge.bridge-nf-call-$t=0"
	if [ -e /proc/sys/net/bridge/bridge-nf-call-$t ]; then
		ok "$line" "$NSH" -c "$line"
		is "it is 0 now" "$(cat /proc/sys/net/bridge/bridge-nf-call-$t)" 0
	else
		rejects "$line (no br_netfilter)" "$line" \
			"^sysctl: 'net\.bridge\.bridge-nf-call-$t': no such key \(is the br_netfilter module loaded\?\)$"
	fi
done

# ---------------------------------------------------------------- errors

rejects "unknown key" "sysctl x.y" "^sysctl: 'x\.y': no such key$"
rejects "unknown key in a write" "sysctl -w net.ipv4.nope=1" \
	"^sysctl: 'net\.ipv4\.nope': no such key$"
rejects "unknown net.bridge key" "sysctl net.bridge.nope" \
	"^sysctl: 'net\.bridge\.nope': no such key \(is the br_netfilter module loaded\?\)$"
ok "-e ignores an unknown key" "$NSH" -c 'sysctl -e x.y'
is "-e: no output" "$(cat "$TMP/out")$(cat "$TMP/err")" ""
rejects "one unknown key stops every write" \
	"sysctl -w net.ipv4.ip_forward=1 net.ipv4.nope=1" \
	"^sysctl: 'net\.ipv4\.nope': no such key$"
rejects "invalid value" "sysctl -w net.ipv4.ip_forward=abc" \
	"^sysctl: 'net\.ipv4\.ip_forward': invalid value 'abc'$"
rejects "out of range value" "sysctl -w net.ipv4.ip_default_ttl=0" \
	"^sysctl: 'net\.ipv4\.ip_default_ttl': invalid value '0'$"
rejects "-w without a value" "sysctl -w net.ipv4.ip_forward" \
	"^sysctl: 'net\.ipv4\.ip_forward': -w needs KEY=VALUE$"
rejects "a group is not a key" "sysctl net.ipv4.conf.all=1" \
	"^sysctl: 'net\.ipv4\.conf\.all': a group of keys, not a key"
rejects "read-only key" "sysctl -w kernel.ostype=x" \
	"^sysctl: 'kernel\.ostype': read-only key$"
rejects "write-only key" "sysctl net.ipv4.route.flush" \
	"^sysctl: 'net\.ipv4\.route\.flush': write-only key"
rejects "'..' in a key" "sysctl net/../../etc" "^sysctl: 'net/\.\./\.\./etc': "
rejects "option after a key" "sysctl net.ipv4.ip_forward -n" \
	"^sysctl: '-n': not a key \\(the options -w, -n, -q, -e and -a come before the keys\\)$"
rejects "no key" "sysctl -n" "^sysctl: missing a key"

done_testing
