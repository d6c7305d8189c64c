#!/bin/sh
# One reading of a namespace reference (model_ns_ref) and one way from
# the model to a namespace (model_ns_open): every former caller still
# accepts a /run/netns name, a spawn label, the PID of a process inside
# and "host" (expect link/reach, show path, why), and still refuses what
# it refused.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

S=$TMP/s.nsh
trap 'rm -rf "$TMP"' EXIT

"$NSH" -c 'ip netns add r1; ip -n r1 link set lo up; ip link set lo up'

# run the lines on stdin after spawning h1, in one nsh: "rc=N" and stderr
run() {
	{ cat <<-'EOS'
	spawn h1
	ip -n h1 link set lo up
	EOS
	  cat; } >"$S"
	"$NSH" -f "$S" >"$TMP/o" 2>"$TMP/e"
	echo "rc=$? $(cat "$TMP/e")"
}


for ref in r1 h1 host; do
	is "expect link $ref:lo up" \
		"$(echo "expect link $ref:lo up" | run)" "rc=0 "
	is "expect reach $ref 127.0.0.1 (the probe opens $ref)" \
		"$(echo "expect reach $ref 127.0.0.1" | run)" "rc=0 "
	is "show path $ref 127.0.0.1" \
		"$(echo "show path $ref 127.0.0.1 >/dev/null" | run)" "rc=0 "
	is "why $ref 127.0.0.1 (the probe enters $ref)" \
		"$(echo "why $ref 127.0.0.1 >/dev/null" | run)" "rc=0 "
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

done_testing
