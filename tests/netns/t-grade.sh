#!/bin/sh
# Grading a class (issue 16): `nsh --check LAB --each DIR…` over ten
# submission folders — right three ways (.nsh, bash + ip, running-config),
# wrong three ways, a build that fails, one that hangs, one that is not a
# script — gives the right row for each, in bounded time, each built in a
# sandbox of its own that leaves nothing behind.  Also the graders' checks
# expect route / no-route / sysctl / process.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

G="$TMP/class"
mkdir -p "$G"
cat >"$G/lab.nsh" <<'EOF'
# the lab: ns1 and ns2 on br0, ns1's default route through br0
expect netns ns1
expect netns ns2
expect reach ns1 ns2
expect route ns1 default via 10.0.0.254
EOF
right() {
	cat <<'EOF'
ip netns add ns1
ip netns add ns2
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.0.0.254/24 dev br0
ip link add v1 type veth peer name v1b
ip link add v2 type veth peer name v2b
ip link set v1 netns ns1
ip link set v2 netns ns2
ip link set v1b master br0
ip link set v2b master br0
ip link set v1b up
ip link set v2b up
ip -n ns1 addr add 10.0.0.1/24 dev v1
ip -n ns2 addr add 10.0.0.2/24 dev v2
ip -n ns1 link set v1 up
ip -n ns2 link set v2 up
ip -n ns1 route add default via 10.0.0.254
EOF
}
for s in s01-right s02-bash s03-config s04-noroute s05-badaddr s06-down \
	s07-refused s08-hangs s09-notes s10-bashfails; do
	mkdir -p "$G/$s"
done
right >"$G/s01-right/lab.nsh"
right >"$G/s02-bash/lab.sh"
# a running-config, made from the right lab in a throwaway sandbox
unshare --net --mount --propagation private -- sh -c '
	mount -t tmpfs tmpfs /run && "$1" -f "$2" && "$1" -c "show running-config"' \
	sh "$NSH" "$G/s01-right/lab.nsh" >"$G/s03-config/running-config"
right | grep -v 'route add default' >"$G/s04-noroute/lab.nsh"
right | sed 's|10.0.0.2/24|10.0.9.2/24|' >"$G/s05-badaddr/lab.nsh"
right | grep -v 'v2b up' >"$G/s06-down/lab.nsh"
printf 'ip netns add ns1\nip link add x type nosuchkind\n' >"$G/s07-refused/lab.nsh"
printf 'ip netns add ns1\nip netns add ns2\nsleep 300\n' >"$G/s08-hangs/lab.nsh"
echo "I did it in my head" >"$G/s09-notes/notes.txt"
{ right | head -n 5; echo 'ip link add v1 type nosuchkind'; } >"$G/s10-bashfails/lab.sh"

cd "$G" || exit 1
t0=$(date +%s)
"$NSH" --check lab.nsh --each s01-right s02-bash s03-config s04-noroute \
	s05-badaddr s06-down s07-refused s08-hangs s09-notes s10-bashfails \
	--timeout 6s >"$TMP/rows" 2>"$TMP/rows.err"
rc=$?
t1=$(date +%s)
sed 's/^/# /' "$TMP/rows"
is "some submissions fail: status 1" "$rc" 1
row() { awk -v s="$1" '$1 == s { $1 = ""; sub(/^ +/, ""); print }' "$TMP/rows"; }
is "a right .nsh: all 4 checks pass" "$(row s01-right)" "4 0 ok"
is "a right bash + iproute2 script (sh -e): all pass" "$(row s02-bash)" "4 0 ok"
is "a right running-config: all pass" "$(row s03-config)" "4 0 ok"
is "no default route: that check fails" "$(row s04-noroute)" "3 1 failed"
like "an address in the wrong network: no reach" "$(row s05-badaddr)" "^[0-9] [1-9] failed$"
like "a bridge port left down: no reach" "$(row s06-down)" "^3 1 failed$"
like "a line the kernel refuses: build failed, with the line, checks still run" \
	"$(row s07-refused)" "^1 3 build failed: s07-refused/lab.nsh:2: ip link add: "
is "one that hangs is ended at --timeout" "$(row s08-hangs)" \
	"- - timeout: not done within 6000 ms"
is "one that is not a script" "$(row s09-notes)" \
	"- - no script: no .nsh, .sh or running-config in it"
like "a bash script that fails midway: build failed" "$(row s10-bashfails)" \
	"^[0-9] [1-9] build failed"
ok "bounded time: $((t1 - t0)) s for ten (one timeout of 6 s)" test $((t1 - t0)) -lt 60
is "no namespace of any submission is left here" "$(ip netns list | wc -l)" 0
is "the hanging submission's processes are gone" \
	"$(ps -eo args | grep -c '^sleep 300$')" 0

"$NSH" --check lab.nsh --each s01-right s04-noroute -j >"$TMP/j"
is "-j: one object per submission" \
	"$(python3 -c 'import json,sys; print([(r["submission"], r["passed"], r["failed"], r["status"]) for r in json.load(open(sys.argv[1]))])' "$TMP/j")" \
	"[('s01-right', 4, 0, 'ok'), ('s04-noroute', 3, 1, 'failed')]"
"$NSH" --check lab.nsh --each --csv s09-notes s01-right >"$TMP/c"
is "--csv: a gradebook row each" "$(cat "$TMP/c")" 'submission,passed,failed,status,detail
"s09-notes",-1,-1,"no script","no .nsh, .sh or running-config in it"
"s01-right",4,0,"ok",""'
err=$("$NSH" --check lab.nsh --each 2>&1); rc=$?
like "--each without a submission: usage, status 2" "rc=$rc $err" "^rc=2 "
err=$("$NSH" --check lab.nsh --each s01-right --wait soon 2>&1); rc=$?
like "a bad duration: one line, status 2" "rc=$rc $err" "^rc=2 nsh: --wait: missing or bad duration$"

# the graders' checks, against a lab built here
right >"$TMP/r.nsh"
"$NSH" -f "$TMP/r.nsh"
ip netns exec ns2 sleep 30 &
SLEEPER=$!
sleep 0.2
ok "expect route ns1 default via 10.0.0.254 dev v1" \
	"$NSH" -c "expect route ns1 default via 10.0.0.254 dev v1"
ok "expect route ns2 10.0.0.0/24" "$NSH" -c "expect route ns2 10.0.0.0/24"
nok "expect route ns2 default (there is none)" "$NSH" -c "expect route ns2 default"
like "… says so" "$(cat "$TMP/err")" "expect failed: ns2 has a route to default: no such route"
nok "expect route ns1 default via 10.0.0.9 (another gateway)" \
	"$NSH" -c "expect route ns1 default via 10.0.0.9"
like "… says it goes another way" "$(cat "$TMP/err")" "its route to default goes another way"
ok "expect no-route ns2 default" "$NSH" -c "expect no-route ns2 default"
ok "expect sysctl ns1 net.ipv4.ip_forward 0" \
	"$NSH" -c "expect sysctl ns1 net.ipv4.ip_forward 0"
ip netns exec ns1 sysctl -qw net.ipv4.ip_forward=1
ok "… and 1 once set (read inside ns1)" \
	"$NSH" -c "expect sysctl ns1 net.ipv4.ip_forward 1"
ok "expect process ns2 sleep" "$NSH" -c "expect process ns2 sleep"
nok "expect process ns1 sleep (it runs in ns2)" "$NSH" -c "expect process ns1 sleep"
kill "$SLEEPER"; wait "$SLEEPER" 2>/dev/null
done_testing
