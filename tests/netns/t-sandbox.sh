#!/bin/sh
# nsh --sandbox: the commands work inside a fresh network + mount namespace
# with a private /run/netns, and nothing reaches the "host" (this test's own
# sandbox plays the host): not /run/netns, not /run, not the links, not the
# mount table; also when the host has no /run/netns at all.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

S=$TMP/s.nsh

names() { ls -A /run/netns 2>/dev/null; }
# host: everything --sandbox must leave alone
host() {
	echo "netns: $(names | tr '\n' ' ')"
	echo "run: $(ls -A /run | tr '\n' ' ')"
	echo "list: $(ip netns list | tr '\n' ' ')"
	echo "link: $(ip -j link)"
	echo "mounts: $(awk '{print $5, $9}' /proc/self/mountinfo | sort | tr '\n' ' ')"
}

ip link add hv1 type veth peer name hv2
printf 'ip netns add x\nip netns exec x true\nip netns list\nls /run/netns\nip netns exec x readlink /proc/self/ns/net\ncat /proc/net/dev\n' >"$S"

# ---------------------------------------------------------------- /run/netns absent

rm -rf /run/netns
before=$(host)
"$NSH" --sandbox -c 'ip netns add x' >"$TMP/o" 2>"$TMP/e"
is "no /run/netns: nsh --sandbox -c 'ip netns add x' succeeds" "rc=$? err=$(cat "$TMP/e")" "rc=0 err="
is "no /run/netns: the host is unchanged (still no /run/netns, same /run, links, mounts)" \
	"$(host)" "$before"
ok "no /run/netns: it was not created" test ! -e /run/netns

"$NSH" --sandbox -f "$S" >"$TMP/o" 2>"$TMP/e"
is "no /run/netns: a --sandbox script adds x, runs in it and lists it" \
	"rc=$? err=$(cat "$TMP/e")" "rc=0 err="
is "no /run/netns: inside, ip netns list and ls /run/netns both show x only" \
	"$(sed -n '1,2p' "$TMP/o" | tr '\n' ' ')" "x x "
is "no /run/netns: the host is unchanged after the script" "$(host)" "$before"

# ---------------------------------------------------------------- /run/netns present and in use

ip netns add outer1
before=$(host)
"$NSH" --sandbox -c 'ip netns add x' >"$TMP/o" 2>"$TMP/e"
is "nsh --sandbox -c 'ip netns add x' succeeds" "rc=$? err=$(cat "$TMP/e")" "rc=0 err="
is "the host's /run/netns, links and mounts are unchanged" "$(host)" "$before"

"$NSH" --sandbox -f "$S" >"$TMP/o" 2>"$TMP/e"
is "a --sandbox script: add x, exec x true, list" "rc=$? err=$(cat "$TMP/e")" "rc=0 err="
is "inside: ip netns list and ls /run/netns show x only (not the host's outer1)" \
	"$(sed -n '1,2p' "$TMP/o" | tr '\n' ' ')" "x x "
X_INO=$(sed -n '3p' "$TMP/o")
like "inside: ip netns exec x runs in a namespace" "$X_INO" '^net:\[[0-9]+\]$'
hostns=
for n in $(names); do
	[ "net:[$(stat -L -c %i "/run/netns/$n")]" = "$X_INO" ] && hostns="$hostns $n"
done
[ "$(readlink /proc/self/ns/net)" = "$X_INO" ] && hostns="$hostns host"
is "x is none of the host's namespaces (not outer1, not the host itself)" "$hostns" ""
is "inside: the sandbox has its own links (lo only, no hv1)" \
	"$(sed -n '4,$p' "$TMP/o" | awk -F: 'NR > 2 { gsub(/ /, "", $1); print $1 }' | tr '\n' ' ')" "lo "
is "after the script the host is unchanged (outer1 only, same links and mounts)" \
	"$(host)" "$before"
ok "the host's outer1 still works" ip netns exec outer1 true

# a failing script in the sandbox: the error is reported and nothing leaks
printf 'ip netns add y\nip netns del nosuch\n' >"$S"
"$NSH" --sandbox -f "$S" >"$TMP/o" 2>"$TMP/e"
like "a failing --sandbox script reports FILE:2 and exits 1" \
	"rc=$? $(cat "$TMP/e")" "^rc=1 $S:2: ip netns delete: 'nosuch'"
is "a failing --sandbox script leaves the host unchanged" "$(host)" "$before"

done_testing
