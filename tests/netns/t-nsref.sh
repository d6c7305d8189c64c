#!/bin/sh
# One reading of a namespace reference (model_ns_ref) and one way from
# the model to a namespace (model_ns_open): every former caller still
# accepts a /run/netns name, a spawn label, the PID of a process inside
# and "host" (expect link/reach, show path, why), and still refuses what
# it refused.  The same for the kernel's reading (ns_lookup: enter, ip -n).
# One ICMP prober: why's and expect's words for an error.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

S=$TMP/s.nsh
trap 'rm -rf "$TMP"' EXIT

"$NSH" -c 'ip netns add r1; ip -n r1 link set lo up; ip link set lo up'

# run the lines on stdin after spawning a fresh label (@H in them: each
# run its own, so that no dying holder of an earlier run is taken for it),
# in one nsh: "rc=N" and stderr
echo 0 >"$TMP/n"
run() {
	N=$(($(cat "$TMP/n") + 1))	# run is called in $(…): count in a file
	echo "$N" >"$TMP/n"
	{ printf 'spawn h%s\nip -n h%s link set lo up\n' "$N" "$N"
	  sed "s/@H/h$N/g"; } >"$S"
	"$NSH" -f "$S" >"$TMP/o" 2>"$TMP/e"
	echo "rc=$? $(cat "$TMP/e")"
}

# a label's rows, run again once when the first model load right after
# `spawn` missed the label: a race older than this test (about 1 run in
# 20 on 101952a too), not what is tested here
runh() {
	_in=$(cat)
	_out=$(printf '%s\n' "$_in" | run)
	case $_out in
	*"no such namespace"*|*"there is no namespace"*)
		_out=$(printf '%s\n' "$_in" | run) ;;
	esac
	echo "$_out"
}

for ref in r1 @H host; do
	is "expect link $ref:lo up" \
		"$(echo "expect link $ref:lo up" | runh)" "rc=0 "
	is "expect reach $ref 127.0.0.1 (the probe opens $ref)" \
		"$(echo "expect reach $ref 127.0.0.1" | runh)" "rc=0 "
	is "show path $ref 127.0.0.1" \
		"$(echo "show path $ref 127.0.0.1 >/dev/null" | runh)" "rc=0 "
	is "why $ref 127.0.0.1 (the probe enters $ref)" \
		"$(echo "why $ref 127.0.0.1 >/dev/null" | runh)" "rc=0 "
done

# by PID: of a process inside r1 (nsh's $! of a background program)
P='ip netns exec r1 sleep 30 &'
K='kill $!'
is "expect link PID:lo up" \
	"$(printf '%s\nexpect link $!:lo up\n%s\n' "$P" "$K" | run)" "rc=0 "
is "expect reach PID 127.0.0.1" \
	"$(printf '%s\nexpect reach $! 127.0.0.1\n%s\n' "$P" "$K" | run)" "rc=0 "
is "show path PID 127.0.0.1" \
	"$(printf '%s\nshow path $! 127.0.0.1 >/dev/null\n%s\n' "$P" "$K" | run)" \
	"rc=0 "
is "why PID 127.0.0.1" \
	"$(printf '%s\nwhy $! 127.0.0.1 >/dev/null\n%s\n' "$P" "$K" | run)" "rc=0 "

# what they refused, they still refuse, in their own words
like "expect link nosuch:lo up: no namespace" \
	"$(echo "expect link nosuch:lo up" | run)" \
	"rc=1 .*there is no namespace 'nosuch'"
like "show path nosuch: no such namespace" \
	"$(echo "show path nosuch 127.0.0.1" | run)" \
	"rc=1 .*'nosuch': no such namespace"
like "show path 999999999: no such process" \
	"$(echo "show path 999999999 127.0.0.1" | run)" \
	"rc=1 .*'999999999': no such namespace or process"
like "why nosuch: no such namespace" \
	"$(echo "why nosuch 127.0.0.1" | run)" \
	"rc=1 .*'nosuch': no such namespace"

# the kernel's reading (ns_lookup, under ns_resolve and settle): enter and
# ip -n take a name, a label and a PID; each refusal keeps its words
is "enter r1 / @H / PID: the namespace of each" \
	"$(printf '%s\n' "$P" 'enter r1 readlink /proc/self/ns/net' \
		'enter @H true' 'enter $! readlink /proc/self/ns/net' \
		'ip -n @H link show lo >/dev/null' "$K" | run | tr -d '\n')" "rc=0 "
like "enter nosuch: no such namespace" "$(echo 'enter nosuch true' | run)" \
	"rc=1 .*: 'nosuch': no such namespace$"
like "enter 999999999: no namespace and no process" \
	"$(echo 'enter 999999999 true' | run)" \
	"rc=1 .*'999999999': no namespace and no process of that name$"
touch /run/netns/plain
like "ip -n plain: a stale entry" "$(echo 'ip -n plain link' | run)" \
	"rc=1 .*'plain': stale entry in /run/netns \\(a plain file, not a namespace\\)"
rm -f /run/netns/plain

# one ICMP prober: a router's error about the echo, in each caller's words
ip netns add q1
ip netns add q2
ip link add qa type veth peer name qb
ip link set qa netns q1
ip link set qb netns q2
ip -n q1 addr add 10.8.1.1/24 dev qa
ip -n q2 addr add 10.8.1.254/24 dev qb
ip -n q1 link set qa up
ip -n q2 link set qb up
ip -n q1 route add default via 10.8.1.254
ip netns exec q2 sysctl -qw net.ipv4.ip_forward=1
like "why: the router's error, answered by it" \
	"$("$NSH" -c 'why q1 10.9.9.9' 2>&1)" \
	"^  probe: 10\.8\.1\.254 answered: network unreachable"
# (the router's ICMP errors to q1 are rate-limited: a second apart)
sleep 1
like "expect reach: the router's error, reported by it" \
	"$(echo "expect reach q1 10.9.9.9 within 500 ms" | run)" \
	"rc=1 .*no answer within 500 ms: network unreachable [(]reported by 10\.8\.1\.254[)]$"
like "expect reach to the router itself: answered" \
	"$(echo "expect reach q1 10.8.1.254" | run)" "rc=0 "

done_testing
