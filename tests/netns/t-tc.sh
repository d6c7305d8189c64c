#!/bin/sh
# tc qdisc / class.  Every change nsh makes in namespace "a" is made by
# iproute2 in namespace "b" (the same veth), and the kernel's state must
# then be the same (`tc -j -d qdisc show`, `tc -d class show`, the kernel's
# automatic handles left out).  The requests themselves are compared byte
# for byte with tc's (strace), also for the kinds this kernel may lack
# (netem, sfq, fq_codel, prio), whose refusal must read in one line.  Show
# output (text, -s, -d, -j, -p, -r, -iec) is compared with tc's on the same
# state.  Every rejected line must exit non-zero, print one line naming its
# subject, and leave the kernel state exactly as it was.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# tcstate NS: the qdiscs and classes of NS as tc reports them, the handles
# the kernel picks (8001: …, from a counter all namespaces share) masked,
# in a fixed order (the kernel lists them in the order of their handles)
tcstate() {
	{
		tc -n "$1" -j -d qdisc show | python3 -c '
import json, sys
for q in sorted(json.dumps(q, sort_keys=True) for q in json.load(sys.stdin)):
    print(q)'
		tc -n "$1" -d class show | sort
	} | sed -E 's/\b8[0-9a-f]{3}:/AUTO:/g'
}

# both ARGS: "tc -n a ARGS" in nsh, "tc -n b ARGS" with iproute2, then the
# two states must be the same
both() {
	ok "nsh: tc $*" "$NSH" -c "tc -n a $*"
	tc -n b "$@" 2>/dev/null || echo "# iproute2 failed: tc -n b $*"
	is "same kernel state as tc after 'tc $*'" "$(tcstate a)" \
		"$(tcstate b)"
}

# same_out ARGS: `tc -n a ARGS` prints in nsh what tc prints
same_out() {
	tc -n a "$@" >"$TMP/ip.out" 2>/dev/null
	"$NSH" -c "tc -n a $*" >"$TMP/nsh.out" 2>/dev/null
	is "'tc $*' prints what tc prints" "$(cat "$TMP/nsh.out")" \
		"$(cat "$TMP/ip.out")"
}

# requests CMD…: the rtnetlink change requests CMD sends, in hex (sequence
# number and port zeroed), as strace sees them
requests() {
	strace -f -qq -e trace=sendmsg,sendto -e write=all -o "$TMP/strace" \
		"$@" >/dev/null 2>&1
	python3 - "$TMP/strace" <<'EOF'
import re, sys
CHANGE = {16, 17, 19, 36, 37, 40, 41}   # NEW/DEL/SETLINK, qdiscs, classes
bufs, cur = [], None
for line in open(sys.argv[1]):
    if "bytes in buffer" in line:
        cur = bytearray()
        bufs.append(cur)
        continue
    m = re.match(r"^\s*(?:\d+\s+)?\| [0-9a-f]{5}  ((?:[0-9a-f]{2} ?)+)", line)
    if m and cur is not None:
        cur.extend(bytes.fromhex(m.group(1).replace(" ", "")))
    elif "send" in line:
        cur = None
for b in bufs:
    off = 0
    while off + 16 <= len(b):
        n = int.from_bytes(b[off:off + 4], "little")
        if n < 16:
            break
        if int.from_bytes(b[off + 4:off + 6], "little") in CHANGE:
            m = bytearray(b[off:off + n])
            m[8:16] = bytes(8)
            print(m.hex())
        off += (n + 3) & ~3
EOF
}

# same_request LINE: nsh sends tc's request for LINE (in namespace r, reset
# after each)
same_request() {
	ip netns exec r tc $1 >/dev/null 2>&1
	_want=$(requests ip netns exec r tc $1)
	ip netns exec r tc qdisc del dev v1 root >/dev/null 2>&1
	_got=$(requests ip netns exec r "$NSH" -c "tc $1")
	ip netns exec r tc qdisc del dev v1 root >/dev/null 2>&1
	[ -n "$_want" ] || _want="(no request)"
	is "'tc $1': the request is tc's, byte for byte" "$_got" "$_want"
}

# the same veth in a, b and r; no IPv6, so no traffic moves the counters
for n in a b r; do
	ip netns add $n
	ip netns exec $n sysctl -qw net.ipv6.conf.all.disable_ipv6=1
	ip netns exec $n sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	ip -n $n link add v1 address 02:00:00:00:01:01 type veth peer name p1 \
		address 02:00:00:00:01:02
	ip -n $n link set v1 up
	ip -n $n link set p1 up
done
is "the two namespaces start alike" "$(tcstate a)" "$(tcstate b)"

# ---------------------------------------------------------------- qdisc

both qdisc add dev v1 root tbf rate 1mbit burst 32kb latency 50ms
both qdisc change dev v1 root tbf rate 2mbit burst 10kb/8 limit 30000 mpu 64
both qdisc replace dev v1 root tbf rate 10gbit burst 1mb latency 1s \
	peakrate 20gbit minburst 64kb
both qdisc replace dev v1 root tbf rate 100kbps buffer 1600 limit 3000 \
	overhead 4 linklayer atm
both qdisc del dev v1 root
both q a dev v1 root handle 1: tbf rate 1mbit bu 10k lat 10ms
both qdisc del dev v1 root handle 1:
both qdisc add dev v1 root pfifo limit 100
both qdisc replace dev v1 root bfifo limit 10kb
both qdisc replace dev v1 root pfifo_head_drop limit 5
both qdisc replace dev v1 root pfifo
both qdisc replace dev v1 root pfifo_fast
both qdisc replace dev v1 root stab overhead 20 linklayer atm tbf rate 1mbit \
	burst 10k lat 1ms
both qdisc replace dev v1 root stab mtu 1500 tsize 64 mpu 64 pfifo
both qdisc replace dev v1 root estimator 1s 8s tbf rate 1mbit burst 10k \
	lat 1ms
both qdisc del dev v1 root
both qdisc add dev v1 ingress
both qdisc del dev v1 ingress
both qdisc add dev v1 handle ffff: ingress
both qdisc del dev v1 handle ffff: ingress
both qdisc add dev v1 clsact
both qdisc del dev v1 clsact

# ---------------------------------------------------------------- htb

both qdisc add dev v1 root handle 1: htb default 10
both class add dev v1 parent 1: classid 1:1 htb rate 100mbit
both class add dev v1 parent 1:1 classid 1:10 htb rate 10mbit ceil 100mbit
both class add dev v1 parent 1:1 classid 1:20 htb rate 5mbit ceil 10mbit \
	burst 15k cburst 1500/4 prio 3 quantum 1500 mtu 9000 mpu 64 \
	overhead 10 linklayer adsl
both class add dev v1 parent 1:1 classid 1:30 htb rate 100gbit ceil 200gbit
both class change dev v1 parent 1:1 classid 1:10 htb rate 20mbit ceil 50mbit
both class replace dev v1 parent 1:1 classid 1:40 htb rate 1Mbps
both class del dev v1 classid 1:40
both qdisc add dev v1 parent 1:10 handle 10: pfifo limit 50
both qdisc add dev v1 parent 1:20 tbf rate 1mbit burst 10k latency 5ms

# ---------------------------------------------------------------- show

for args in "qdisc" "qdisc show" "qdisc list" "-s qdisc show" \
	"-d qdisc show" "-j qdisc show" "-p -j qdisc show" "-s -j qdisc show" \
	"-d -j qdisc show" "-r qdisc show" "-iec qdisc show" \
	"qdisc show dev v1" "qdisc show dev v1 root" "qdisc show handle 10:" \
	"qdisc show dev v1 parent 1:20" "qdisc show invisible" \
	"-s -d qdisc show dev v1" "class" "class show dev v1" \
	"-s class show dev v1" "-d class show dev v1" "-j class show dev v1" \
	"class show dev v1 parent 1:1" "class show dev v1 classid 1:20" \
	"class show dev v1 qdisc 1:" "class show dev v1 root" \
	"-s -d class show dev v1"; do
	same_out $args
done
ip -n a link add v2 type veth peer name p2
"$NSH" -c "tc -n a qdisc add dev v2 ingress"
"$NSH" -c "tc -n a qdisc add dev v2 root stab overhead 20 linklayer atm tbf rate 1mbit burst 10k lat 1ms"
for args in "qdisc show ingress" "-d qdisc show dev v2" \
	"-d -j qdisc show dev v2" "-s qdisc show dev v2"; do
	same_out $args
done
ip -n a link del v2

# ---------------------------------------------------------------- requests

if command -v strace >/dev/null 2>&1; then
	for line in \
		"qdisc add dev v1 root tbf rate 1mbit burst 32kb/8 limit 10000 mpu 64 peakrate 2mbit mtu 1500 overhead 4 linklayer atm" \
		"qdisc add dev v1 root handle 1: htb default 1a r2q 5 direct_qlen 100 offload debug 0123" \
		"class add dev v1 parent 1: classid 1:10 htb rate 10mbit ceil 100mbit burst 15k cburst 1500/4 prio 3" \
		"qdisc add dev v1 root prio bands 4 priomap 0 1 2 3 multiqueue" \
		"qdisc add dev v1 root netem delay 100ms 10ms 25% distribution normal loss 1% 25% duplicate 2% corrupt 0.1% reorder 25% 50% gap 5 rate 1mbit 20 100 -5 limit 5000" \
		"qdisc add dev v1 root netem loss state 1% 2% 3% 4% 5% ecn" \
		"qdisc add dev v1 root netem loss gemodel 1% 10% 70% 0.1%" \
		"qdisc add dev v1 root netem slot 10ms 20ms packets 5 bytes 1500" \
		"qdisc add dev v1 root netem slot distribution pareto 10ms 2ms" \
		"qdisc add dev v1 root netem la 5ms lo 5% du 1 c 1 r 1 g 3" \
		"qdisc add dev v1 root sfq perturb 10 quantum 1514 limit 100 divisor 1024 flows 64 depth 20 headdrop" \
		"qdisc add dev v1 root sfq redflowlimit 100000 min 8000 max 60000 probability 0.2 ecn harddrop" \
		"qdisc add dev v1 root fq_codel limit 1000 flows 512 quantum 1514 target 5ms interval 100ms ecn ce_threshold 2ms ce_threshold_selector 0x1/0x3 memory_limit 32mb drop_batch 64" \
		"qdisc add dev v1 root estimator 250ms 2s ingress_block 5 egress_block 6 pfifo" \
		"qdisc add dev v1 root stab mtu 1500 tsize 64 mpu 64 tbf rate 1mbit burst 10k lat 1ms"; do
		same_request "$line"
	done
else
	for i in $(seq 1 15); do skip "no strace to see the requests"; done
fi

# ---------------------------------------------------------------- kinds

# kinds this kernel may lack: the same as tc's, or refused in one line
for kind in "netem delay 10ms 1ms" "sfq perturb 10" "fq_codel limit 100" \
	"prio bands 3"; do
	name=${kind%% *}
	if tc -n r qdisc add dev v1 root $kind 2>/dev/null; then
		tc -n r qdisc del dev v1 root
		both qdisc replace dev v1 root $kind
		same_out qdisc show dev v1
		same_out -j qdisc show dev v1
		both qdisc del dev v1 root
	else
		REJECTS_ALSO="tcstate a"
		rejects "$name when the kernel has none" \
			"tc -n a qdisc add dev v1 root $kind" \
			"^tc qdisc add: $name: this kernel has no $name scheduler\$"
		unset REJECTS_ALSO
		skip "kernel has no $name"
	fi
done

# ---------------------------------------------------------------- errors

REJECTS_ALSO="tcstate a"
rejects "tbf without burst" "tc -n a qdisc replace dev v1 root tbf rate 1mbit lat 1ms" \
	"^tc qdisc replace: tbf: missing \"burst\""
rejects "tbf without rate and limit" "tc -n a qdisc replace dev v1 root tbf burst 10k" \
	"^tc qdisc replace: tbf: missing \"rate\", \"limit\" or \"latency\""
rejects "tbf with limit and latency" \
	"tc -n a qdisc replace dev v1 root tbf rate 1mbit burst 10k limit 100 latency 1ms" \
	"specifying both \"latency\" and \"limit\" is not allowed"
rejects "tbf with a bad rate" "tc -n a qdisc replace dev v1 root tbf rate 1mbiit burst 10k lat 1ms" \
	"'1mbiit': invalid rate"
rejects "tbf with a bad cell" "tc -n a qdisc replace dev v1 root tbf rate 1mbit burst 10k/3 lat 1ms" \
	"'10k/3': the cell size after '/' is a power of two"
rejects "tbf twice rate" "tc -n a qdisc replace dev v1 root tbf rate 1mbit rate 2mbit burst 10k lat 1ms" \
	"'rate': given twice"
rejects "pfifo with a bad limit" "tc -n a qdisc replace dev v1 root pfifo limit 10q" \
	"'10q': invalid size"
rejects "pfifo_fast with options" "tc -n a qdisc replace dev v1 root pfifo_fast bands 3" \
	"'bands': qdisc 'pfifo_fast' does not support option parsing"
rejects "a missing device" "tc -n a qdisc add dev nosuch root pfifo" \
	"'nosuch': no such link"
rejects "a qdisc that exists" "tc -n a qdisc add dev v1 root handle 1: htb" \
	"^tc qdisc add: 'v1': "
rejects "root twice" "tc -n a qdisc add dev v1 root root pfifo" \
	"'root': a duplicate parent ID"
rejects "a stab without its options" "tc -n a qdisc replace dev v1 root stab pfifo" \
	"'stab': needs overhead, mpu or linklayer"
rejects "estimator twice" \
	"tc -n a qdisc replace dev v1 root estimator 1s 8s estimator 1s 8s pfifo" \
	"'estimator': given twice"
rejects "htb with a bad default" "tc -n a qdisc replace dev v1 root htb default zz" \
	"'zz': not a hexadecimal number"
rejects "a class of a classless kind" \
	"tc -n a class add dev v1 parent 1: classid 1:50 pfifo" \
	"'pfifo': qdisc \"pfifo\" is classless"
rejects "an htb class without rate" \
	"tc -n a class add dev v1 parent 1: classid 1:50 htb ceil 1mbit" \
	"htb: missing \"rate\""
rejects "a class with handle" "tc -n a class add dev v1 handle 1:50 htb rate 1mbit" \
	"'handle': try \"classid\" instead of \"handle\""
rejects "a class of a missing parent" \
	"tc -n a class add dev v1 parent 7: classid 7:1 htb rate 1mbit" \
	"^tc class add: 'v1': "
rejects "netem reordering without delay" "tc -n a qdisc replace dev v1 root netem reorder 10%" \
	"netem: reordering not possible without specifying some delay"
rejects "netem with an unknown loss model" \
	"tc -n a qdisc replace dev v1 root netem loss foo 1" "'foo': unknown loss model"
rejects "show with two filters" "tc -n a qdisc show dev v1 root ingress" \
	"'ingress': parent is already specified"
rejects "show with an unknown word" "tc -n a qdisc show bogus" "'bogus': unknown word"
rejects "an unknown object" "tc -n a foo show" "'foo': unknown object"
unset REJECTS_ALSO

done_testing
