#!/bin/sh
# Packets you can watch (issue 16): capture NS:IF…, capture path, -c, -w
# (pcapng read back by tshark), filters compiled by libpcap.  The lab is
# built with iproute2; the traffic is one ping inside the sandbox; what
# the kernel did is checked by ping's own status and /proc/net/packet.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# no IPv6 (DAD, MLD, router solicitations): the counts stay exact
sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
ip netns add ns1
ip netns add ns2
ip link add br0 type bridge
ip link set br0 up
for n in 1 2; do
	ip netns exec ns$n sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
	ip link add veth-ns$n type veth peer name veth-br$n
	ip link set veth-ns$n netns ns$n
	ip link set veth-br$n master br0
	ip link set veth-br$n up
	ip -n ns$n addr add 10.200.0.$n/24 dev veth-ns$n
	ip -n ns$n link set veth-ns$n up
done

# bound NS: a packet socket of NS ("" the host's) listens to every
# protocol (/proc/net/packet: Proto 0003): the capture is ready
bound() {
	if [ -n "$1" ]; then ip netns exec "$1" cat /proc/net/packet
	else cat /proc/net/packet; fi | awk 'NR > 1 && $4 == "0003" { n++ }
		END { exit n ? 0 : 1 }'
}
# cap OUT LASTNS ARGS…: `capture ARGS` in the background; once LASTNS's
# socket is bound, ns1 pings ns2 once (neighbours forgotten first, so ARP
# runs); then the capture ends by itself (-c) within 5 s or is ended
cap() {
	_out=$1 _last=$2; shift 2
	ip -n ns1 neigh flush all; ip -n ns2 neigh flush all
	"$NSH" -c "capture $*" >"$TMP/$_out" 2>"$TMP/$_out.err" &
	_pid=$!
	_i=0
	while ! bound "$_last" && [ $_i -lt 100 ]; do sleep 0.05; _i=$((_i + 1)); done
	ip netns exec ns1 ping -c1 -W2 10.200.0.2 >"$TMP/ping" 2>&1
	echo $? >"$TMP/ping.rc"
	_i=0
	while kill -0 $_pid 2>/dev/null && [ $_i -lt 50 ]; do sleep 0.1; _i=$((_i + 1)); done
	kill $_pid 2>/dev/null
	wait $_pid
	echo $? >"$TMP/$_out.rc"
}

# ------------------------------------------------------------ capture path
cap path ns2 path ns1 ns2 -c 17 arp or icmp
is "capture path ns1 ns2 -c 17 arp or icmp: status 0, 17 lines" \
	"$(cat "$TMP/path.rc") $(wc -l <"$TMP/path" | tr -d ' ')" "0 17"
is "… the ping itself was answered (its status)" "$(cat "$TMP/ping.rc")" 0
# which links each step was seen on, in the order seen
seen() { grep -F "$1" "$TMP/path" | awk '{ print $2 }' | tr '\n' ' '; }
is "ARP request: sent by ns1, across the bridge, received by ns2 (and br0)" \
	"$(seen "Request who-has 10.200.0.2 tell 10.200.0.1")" \
	"ns1:veth-ns1 host:veth-br1 host:br0 host:veth-br2 ns2:veth-ns2 "
is "ARP reply: from ns2 back to ns1" "$(seen "Reply 10.200.0.2 is-at")" \
	"ns2:veth-ns2 host:veth-br2 host:veth-br1 ns1:veth-ns1 "
is "echo request: ns1 → bridge → ns2" \
	"$(seen "10.200.0.1 > 10.200.0.2: ICMP echo request")" \
	"ns1:veth-ns1 host:veth-br1 host:veth-br2 ns2:veth-ns2 "
is "echo reply: ns2 → bridge → ns1" \
	"$(seen "10.200.0.2 > 10.200.0.1: ICMP echo reply")" \
	"ns2:veth-ns2 host:veth-br2 host:veth-br1 ns1:veth-ns1 "
kind() { awk '/who-has/ { print "arp-req"; next } /is-at/ { print "arp-reply"; next }
	/echo request/ { print "echo-req"; next } /echo reply/ { print "echo-reply"; next }
	{ print "other" }' "$TMP/path" | uniq | tr '\n' ' '; }
is "… in time order: request, reply, echo request, echo reply" "$(kind)" \
	"arp-req arp-reply echo-req echo-reply "
is "… time stamps never go back" "$(awk '{ if ($1 < last) bad++; last = $1 }
	END { print bad + 0 }' "$TMP/path")" 0
like "a line reads as tcpdump -n -e's, the namespace, link and direction in front" \
	"$(head -1 "$TMP/path")" \
	'^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} ns1:veth-ns1 Out ([0-9a-f]{2}:){5}[0-9a-f]{2} > ff:ff:ff:ff:ff:ff, ethertype ARP \(0x0806\), length 42: Request who-has 10\.200\.0\.2 tell 10\.200\.0\.1, length 28$'
like "… an echo request as tcpdump says it" \
	"$(grep -m1 'echo request' "$TMP/path")" \
	' ns1:veth-ns1 Out .* ethertype IPv4 \(0x0800\), length 98: 10\.200\.0\.1 > 10\.200\.0\.2: ICMP echo request, id [0-9]+, seq 1, length 64$'
like "… directions: the receiving end says In" \
	"$(grep 'echo request' "$TMP/path" | grep ns2:veth-ns2)" ' ns2:veth-ns2 In '
is "… and the count on stderr" "$(cat "$TMP/path.err")" "17 packets captured"
is "the packet sockets are gone with it (/proc/net/packet)" \
	"$(bound ns1 || bound ns2 || bound "" || echo none)" none

# ------------------------------------------------------------ -w: pcapng
cap file ns2 path ns1 ns2 -c 17 -w "$TMP/f.pcapng" arp or icmp
is "-w FILE: status 0, the lines still shown" \
	"$(cat "$TMP/file.rc") $(wc -l <"$TMP/file" | tr -d ' ')" "0 17"
if command -v tshark >/dev/null 2>&1; then
	names=$(tshark -r "$TMP/f.pcapng" -T fields -e frame.interface_name \
		2>"$TMP/tshark.err" | sort | uniq -c | awk '{ print $2 "=" $1 }' |
		tr '\n' ' ')
	is "tshark reads the pcapng: each packet with its NS:IF name" "$names" \
		"host:br0=1 host:veth-br1=4 host:veth-br2=4 ns1:veth-ns1=4 ns2:veth-ns2=4 "
	is "… in the same order as the lines" \
		"$(tshark -r "$TMP/f.pcapng" -T fields -e frame.interface_name 2>&1 |
			grep -v '^Running as' | tr '\n' ' ')" \
		"$(awk '{ print $2 }' "$TMP/file" | tr '\n' ' ')"
	is "… ARP and ICMP as tshark decodes them" \
		"$(tshark -r "$TMP/f.pcapng" -T fields -e _ws.col.Protocol 2>&1 |
			grep -v '^Running as' | sort | uniq -c | awk '{ print $2 "=" $1 }' |
			tr '\n' ' ')" "ARP=9 ICMP=8 "
	is "… directions from epb_flags (1 in, 2 out)" \
		"$(tshark -r "$TMP/f.pcapng" -Y 'icmp.type == 8' -T fields \
			-e frame.interface_name -e frame.packet_flags_direction 2>&1 |
			grep -v '^Running as' | tr '\t\n' '= ')" \
		"ns1:veth-ns1=0x00000002 host:veth-br1=0x00000001 host:veth-br2=0x00000002 ns2:veth-ns2=0x00000001 "
	cap pipe ns1 "ns1:veth-ns1 -c 2 -w - icmp | tshark -r - -T fields -e frame.interface_name -e icmp.type"
	is "-w - through nsh's pipe into tshark -r -" \
		"$(grep -v '^Running as' "$TMP/pipe" | tr '\t\n' '= ')" \
		"ns1:veth-ns1=8 ns1:veth-ns1=0 "
else
	for d in "tshark reads the pcapng" "… order" "… protocols" "… directions" "-w - through a pipe"; do
		skip "$d: tshark is not installed (Debian package tshark)"
	done
fi

# ------------------------------------------------------------ filters
cap icmp "" ns1:veth-ns1 host:veth-br2 -c 4 icmp
is "filter icmp: only the 4 ICMP packets, no ARP" \
	"$(cat "$TMP/icmp.rc") $(grep -c ' ICMP echo ' "$TMP/icmp") $(grep -c ARP "$TMP/icmp")" \
	"0 4 0"
is "… on the two links named, in order" "$(awk '{ print $2 }' "$TMP/icmp" | tr '\n' ' ')" \
	"ns1:veth-ns1 host:veth-br2 host:veth-br2 ns1:veth-ns1 "
cap arp ns2 ns2:veth-ns2 -c 2 arp and not icmp
is "filter 'arp and not icmp' on ns2: request in, reply out" \
	"$(cat "$TMP/arp.rc") $(awk '{ print $3 }' "$TMP/arp" | tr '\n' ' ')" "0 B Out "

# UDP and TCP lines (python3 in ns1 sends; nothing listens: RST)
"$NSH" -c "capture ns2:veth-ns2 -c 3 udp or tcp" >"$TMP/l4" 2>&1 &
pid=$!
i=0; while ! bound ns2 && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
ip netns exec ns1 python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("10.200.0.1", 40000)); s.sendto(b"hello", ("10.200.0.2", 9999))
t = socket.socket(); t.bind(("10.200.0.1", 40001)); t.settimeout(2)
try: t.connect(("10.200.0.2", 80))
except OSError: pass'
i=0; while kill -0 $pid 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill $pid 2>/dev/null; wait $pid
like "UDP as tcpdump says it" "$(cat "$TMP/l4")" \
	'ns2:veth-ns2 In .*: 10\.200\.0\.1\.40000 > 10\.200\.0\.2\.9999: UDP, length 5$'
like "TCP SYN, with its options" "$(cat "$TMP/l4")" \
	'ns2:veth-ns2 In .*: 10\.200\.0\.1\.40001 > 10\.200\.0\.2\.80: Flags \[S\], seq [0-9]+, win [0-9]+, options \[mss 1460,sackOK,TS val [0-9]+ ecr 0,nop,wscale [0-9]+\], length 0$'
like "TCP RST back" "$(cat "$TMP/l4")" \
	'ns2:veth-ns2 Out .*: 10\.200\.0\.2\.80 > 10\.200\.0\.1\.40001: Flags \[R\.\], seq 0, ack [0-9]+, win 0, length 0$'

# IPv6: ICMPv6 echo between the two (the filter reads the ICMPv6 type)
for n in 1 2; do
	ip netns exec ns$n sysctl -qw net.ipv6.conf.veth-ns$n.disable_ipv6=0
	ip -n ns$n addr add fd00::$n/64 dev veth-ns$n nodad
done
"$NSH" -c "capture ns1:veth-ns1 -c 2 'icmp6 and (ip6[40] == 128 or ip6[40] == 129)'" \
	>"$TMP/v6" 2>&1 &
pid=$!
i=0; while ! bound ns1 && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
ip netns exec ns1 ping -6 -c1 -W2 fd00::2 >"$TMP/ping6" 2>&1
is "ping -6 ns1 → ns2 (its status)" "$?" 0
i=0; while kill -0 $pid 2>/dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
kill $pid 2>/dev/null; wait $pid
like "ICMPv6 echo as tcpdump says it" "$(cat "$TMP/v6")" \
	'ns1:veth-ns1 Out .* ethertype IPv6 \(0x86dd\), length 118: fd00::1 > fd00::2: ICMP6, echo request, id [0-9]+, seq 1, length 64$'
like "… and its reply" "$(cat "$TMP/v6")" \
	'ns1:veth-ns1 In .*: fd00::2 > fd00::1: ICMP6, echo reply, id [0-9]+, seq 1, length 64$'

# ------------------------------------------------------------ ending
"$NSH" -c "capture ns1:veth-ns1 host:veth-br1 udp port 7" >"$TMP/term" 2>"$TMP/term.err" &
pid=$!
i=0; while ! bound "" && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
kill -TERM $pid
wait $pid
is "SIGTERM ends a capture without -c: the count said, nsh ends as sh (143)" \
	"$? $(cat "$TMP/term.err")" "143 0 packets captured"

"$NSH" -c "capture ns1:veth-ns1 icmp" >"$TMP/int" 2>"$TMP/int.err" &
pid=$!
i=0; while ! bound ns1 && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
ip netns exec ns1 ping -c1 -W2 10.200.0.2 >"$TMP/ping" 2>&1
sleep 0.2
kill -INT $pid
wait $pid
is "Ctrl-C (SIGINT) ends it: status 0, the ping's two packets shown and counted" \
	"$? $(grep -c ICMP "$TMP/int") $(cat "$TMP/int.err")" "0 2 2 packets captured"

# ------------------------------------------------------------ errors
rejects "a bad filter" "capture ns1:veth-ns1 port" \
	"^capture: 'port': can't parse filter expression: syntax error$"
is "… nothing was captured (no packet socket was made)" \
	"$(cat "$TMP/r.out")$(bound ns1 || echo none)" none
rejects "a filter libpcap refuses by meaning" "capture ns1:veth-ns1 net 10.0.0.1/8" \
	"^capture: 'net 10.0.0.1/8': non-network bits set in \"10.0.0.1/8\"$"
rejects "no such namespace" "capture ns9:veth0 -c 1" "^capture: 'ns9': no such namespace"
rejects "no such link" "capture ns1:nosuch -c 1" "^capture: 'ns1:nosuch': no such link$"
rejects "-c 0" "capture ns1:veth-ns1 -c 0" "^capture: '0': -c wants a number of packets"
rejects "no link named" "capture -c 1 icmp" "^capture: which links\?"
rejects "a path to nowhere" "capture path ns1 ns9" "^capture path: 'ns9': no such namespace"
rejects "a file that cannot be written" "capture ns1:veth-ns1 -c 1 -w $TMP/no/such/f.pcapng" \
	"^capture: '$TMP/no/such/f.pcapng': No such file or directory$"

# completion: NS: then NS:IF from the model
like "NS:IF completes: namespaces, then their links" \
	"$("$NSH" -c "complete capture ns" 2>&1; "$NSH" -c "complete capture ns2:v" 2>&1)" \
	'ns1:.*ns2:veth-ns2|ns2:veth-ns2'
done_testing
