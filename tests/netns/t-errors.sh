#!/bin/sh
# Errors: the acceptance case (a bad line 2 in a script runs nothing and
# says so in one line), every rule for namespace names, duplicates, missing
# namespaces, unknown and missing words, ambiguous abbreviations.  Each
# rejected command must print exactly one line on stderr (no raw control
# characters), nothing on stdout, exit 1, and leave /run/netns and
# `ip -j link` as they were.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

S=$TMP/s.nsh

names() { ls -A /run/netns 2>/dev/null; }
# snap: what a rejected command must not change
snap() { names; ip -j link; }

# err_case DESC LINE PATTERN: `nsh -c LINE` is rejected cleanly (one `is`)
# and its message matches the extended regex PATTERN (one `like`)
err_case() {
	_before=$(snap)
	"$NSH" -c "$2" >"$TMP/e.out" 2>"$TMP/e.err"
	_rc=$?
	_after=$(snap)
	_same=no
	[ "$_before" = "$_after" ] && _same=yes
	is "$1: status 1, one stderr line, no stdout, nothing changed" \
		"rc=$_rc lines=$(wc -l <"$TMP/e.err" | tr -d ' ') out=$(wc -c <"$TMP/e.out" | tr -d ' ') ctl=$(tr -d '\n' <"$TMP/e.err" | LC_ALL=C tr -cd '\000-\037\177' | wc -c | tr -d ' ') same=$_same" \
		"rc=1 lines=1 out=0 ctl=0 same=yes"
	like "$1: message" "$(cat "$TMP/e.err")" "$3"
}

# ---------------------------------------------------------------- acceptance

printf 'ip netns add a1\nip netns add ../x\nip netns add a3\n' >"$S"
"$NSH" -f "$S" >"$TMP/o" 2>"$TMP/e"
RC=$?
is "acceptance: line 2 'ip netns add ../x' gives exit status 1" "$RC" 1
is "acceptance: stderr is exactly one line" "$(wc -l <"$TMP/e" | tr -d ' ')" 1
like "acceptance: it starts FILE:2: ip netns add: '../x':" "$(cat "$TMP/e")" \
	"^$S:2: ip netns add: '\.\./x': "
is "acceptance: nothing was created (ls /run/netns, ip netns list)" \
	"[$(names)] [$(ip netns list)]" "[] []"
ok "acceptance: no ../x escaped /run/netns (no /run/x)" test ! -e /run/x
clean

# the same with an address the parser must reject (ip addr add): detect
# whether the addr family is declared in this build with a script that only
# runs the check pass (line 2 is always a syntax error)
printf 'ip addr add 10.9.0.3/24 dev lo\nip netns frob\n' >"$S"
"$NSH" -f "$S" >/dev/null 2>"$TMP/e"
if grep -q "^$S:2: " "$TMP/e"; then
	printf 'ip netns add a1\nip addr add 10.9.0.300/24 dev lo\nip netns add a3\n' >"$S"
	_addr_before=$(ip -j addr)
	"$NSH" -f "$S" >"$TMP/o" 2>"$TMP/e"
	RC=$?
	is "acceptance (addr): exit 1, exactly one stderr line" \
		"rc=$RC lines=$(wc -l <"$TMP/e" | tr -d ' ')" "rc=1 lines=1"
	# the command is named by its declared keywords (ip address add)
	like "acceptance (addr): FILE:2: ip addr[ess] add: '10.9.0.300/24':" \
		"$(cat "$TMP/e")" "^$S:2: ip addr(ess)? add: '10\.9\.0\.300/24': "
	is "acceptance (addr): nothing ran (no namespace, addresses unchanged)" \
		"[$(names)] $(ip -j addr)" "[] $_addr_before"
else
	skip "acceptance (addr): the ip addr family is not declared in this build yet"
	skip "acceptance (addr): FILE:2: message (addr family not declared yet)"
	skip "acceptance (addr): nothing ran (addr family not declared yet)"
fi
clean

# ---------------------------------------------------------------- namespace names

err_case "name with '/'" "ip netns add a/b" "^ip netns add: 'a/b': .*'/'"
err_case "name '.'" "ip netns add ." "^ip netns add: '\.': "
err_case "name '..'" "ip netns add .." "^ip netns add: '\.\.': "
err_case "name with a newline (control character)" "ip netns add 'a
b'" "^ip netns add: .*control character"
err_case "name with ESC (control character, shown escaped)" \
	"ip netns add 'a$(printf '\033')[31mb'" \
	"^ip netns add: 'a\\\\x1b\[31mb': .*control character"
err_case "name with a leading '-'" "ip netns add -x" "^ip netns add: '-x': .*'-'"
L65=$(printf '%065d' 0 | tr 0 a)
err_case "name of 65 bytes" "ip netns add $L65" "^ip netns add: '$L65': .*64 bytes"
err_case "all-digit name" "ip netns add 12345" "^ip netns add: '12345': .*PID"
err_case "name with a space" "ip netns add 'a b'" "^ip netns add: 'a b': .*space"
err_case "empty name" "ip netns add ''" "^ip netns add: '': .*empty"
L64=$(printf '%064d' 0 | tr 0 b)
"$NSH" -c "ip netns add $L64" >/dev/null 2>&1
is "a name of 64 bytes is accepted (the limit is not off by one)" \
	"$(ip netns list | awk '{print $1}')" "$L64"
clean

# ---------------------------------------------------------------- duplicates, missing

"$NSH" -c 'ip netns add ns1'
err_case "duplicate 'ip netns add ns1'" "ip netns add ns1" \
	"^ip netns add: 'ns1': namespace already exists$"
is "duplicate: still exactly one mount for /run/netns/ns1" \
	"$(awk '$5 == "/run/netns/ns1"' /proc/self/mountinfo | wc -l | tr -d ' ')" 1
ok "duplicate: ns1 is still a usable namespace" ip netns exec ns1 true

err_case "ip netns del nosuch" "ip netns del nosuch" "^ip netns delete: 'nosuch': "

# ---------------------------------------------------------------- words

err_case "unknown subcommand 'ip netns frob'" "ip netns frob" \
	"^ip netns: 'frob': unknown word; expected list, list-id, add, set, delete"
like "unknown subcommand: the commands are listed in iproute2's order" \
	"$(cat "$TMP/e.err")" \
	"list, list-id, add, set, delete, identify, pids, exec, monitor or attach$"
err_case "missing argument 'ip netns add'" "ip netns add" \
	"^ip netns add: missing NSNAME"
err_case "missing argument 'ip netns exec ns1'" "ip netns exec ns1" \
	"^ip netns exec: missing "
err_case "extra word 'ip netns add ns2 ns3'" "ip netns add ns2 ns3" \
	"'ns3'"
err_case "'ip -b' is -batch, as in iproute2 (its FILE is missing)" "ip -b" \
	"^ip: missing FILE after '-b'"
err_case "unknown word with a newline is shown on one line" "ip netns 'fr
ob'" "^ip netns: 'fr.*ob': unknown word"
ok "after all the errors ns1 is the only namespace" \
	test "$(names)" = ns1

# nsh's own options (issue 15): -V as ip -V, a bad option is a usage error
ok "nsh -V" "$NSH" -V
like "… names nsh (its git describe if built from git), libnl and readline" "$(cat "$TMP/out")" '^nsh [0-9.]+( \([^)]+\))?, libnl [0-9.]+, readline [0-9.]+$'
ok "nsh --version" "$NSH" --version
"$NSH" --no-such-option >/dev/null 2>&1
is "an unknown option: status 2 (a usage error)" "$?" 2

done_testing
