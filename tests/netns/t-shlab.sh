#!/bin/sh
# A lab written in sh syntax nsh does not run itself (a tutorial's `for
# ns in ns1 ns2 ns3; do … done`, $( ), functions): nsh hands the script to
# bash with its own ip, bridge and tc first in PATH (shell/shfallback.c).
# The oracle is bash + iproute2 running the same file in a twin sandbox:
# the kernel states (tests/state.py) must be equal.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

if ! command -v bash >/dev/null; then
	skip "bash is not installed"
	done_testing
	exit
fi

# the same FILE by bash + iproute2 in a twin sandbox (sudo dropped: this
# machine may have none, and the tests run as root): its state into OUT
twin() {
	sed 's/sudo //' "$1" >"$1.ip"
	unshare --net --mount --propagation private -- sh -c '
	mount -t tmpfs tmpfs /run && ip link set lo up &&
	{ bash -e "$1" >/dev/null 2>&1; echo "rc=$?" >"$3.rc"; } &&
	python3 "$2/tests/state.py" >"$3"' twin "$1.ip" "$top_srcdir" "$2"
}

cat >"$TMP/loops.sh" <<'EOF'
# a bridge and three namespaces, as a tutorial writes them
sudo ip link add br0 type bridge
sudo ip link set br0 up
sudo ip addr add 10.0.0.254/24 dev br0
for ns in ns1 ns2 ns3; do
	sudo ip netns add "$ns"
	sudo ip link add "veth-${ns}" type veth peer name "veth-${ns}-br"
	sudo ip link set "veth-${ns}-br" master br0
	sudo ip link set "veth-${ns}-br" up
	sudo ip link set "veth-${ns}" netns "$ns"
done
up() {
	ip -n "$1" link set lo up
	ip -n "$1" link set "veth-$1" up
	ip -n "$1" addr add "10.0.0.$2/24" dev "veth-$1"
	ip -n "$1" route add default via 10.0.0.254
}
i=1
for ns in $(ip netns list | awk '{ print $1 }' | sort); do
	up "$ns" "$i"
	i=$((i + 1))
done
if ip -n ns2 addr show dev veth-ns2 | grep -q 10.0.0.2; then
	ip netns exec ns1 ping -c 1 -W 2 10.0.0.2 >/dev/null
fi
echo "ip: $(readlink -f "$(command -v ip)")"
EOF
"$NSH" -f "$TMP/loops.sh" >"$TMP/out" 2>"$TMP/err"
is "a lab with for loops, a function and \$( ): status 0" "$?" 0
is "… one line on stderr" "$(wc -l <"$TMP/err" | tr -d ' ')" 1
like "… saying where and who runs it" "$(cat "$TMP/err")" \
	"^nsh: $TMP/loops.sh:5: column 1: 'for': .*; bash runs the script, nsh its ip, bridge and tc commands$"
is "… its ip lines were nsh's" "$(cat "$TMP/out")" \
	"ip: $(readlink -f "$NSH")"
is "… the directory of links (in /run/nsh) is gone" \
	"$(ls /run/nsh 2>/dev/null | grep -c '^sh\.')" 0
python3 "$top_srcdir/tests/state.py" >"$TMP/nsh.state"
twin "$TMP/loops.sh" "$TMP/ip.state"
is "… bash + iproute2 ran it too (the reference)" "$(cat "$TMP/ip.state.rc")" rc=0
is "… and the kernel state equals theirs" \
	"$(cat "$TMP/nsh.state")" "$(cat "$TMP/ip.state")"
like "… which is the three namespaces' lab" "$(cat "$TMP/ip.state")" '"veth-ns3-br"'
clean

# a failure inside a loop stops the script there, as bash -e does
cat >"$TMP/fail.sh" <<'EOF'
for n in 1 2 3; do
	ip netns add f$n
	if [ $n = 2 ]; then ip link add x$n type nosuchkind; fi
done
ip netns add never
EOF
"$NSH" -f "$TMP/fail.sh" >"$TMP/out" 2>"$TMP/err"
rc=$?
is "a refusal inside a loop: the script fails (status 2)" "$rc" 2
is "… two lines on stderr: that bash runs it, and the refusal" \
	"$(wc -l <"$TMP/err" | tr -d ' ')" 2
is "… f1 and f2 made, nothing after the refusal" "$(ls /run/netns | tr '\n' ' ')" "f1 f2 "
like "… nsh's own error line for it" "$(cat "$TMP/err")" "ip link add: .*nosuchkind"
clean

# what nsh's commands made for bash is the session's: --cleanup removes it
printf 'for n in 1 2; do ip netns add c$n; ip link add v$n type veth peer name w$n netns c$n; done\n' \
	>"$TMP/c.sh"
rm -f /run/nsh/*.journal	# the earlier labs' (this sandbox's own /run)
"$NSH" -f "$TMP/c.sh" --cleanup >"$TMP/out" 2>"$TMP/err"
is "nsh -f --cleanup on a bash-run lab: status 0" "$?" 0
is "… no namespace left" "$(ls /run/netns 2>/dev/null | wc -l | tr -d ' ')" 0
is "… no link left" "$(ip -br link | grep -vc '^lo ')" 0
is "… and no journal left (one journal for the session, not one a command)" \
	"$(ls /run/nsh 2>/dev/null | wc -l | tr -d ' ')" 0
clean

# broken for bash too (a for without done): nsh's own error, nothing runs
printf 'ip netns add b0\nfor n in 1 2; do ip netns add b$n\n' >"$TMP/broken.sh"
"$NSH" -f "$TMP/broken.sh" >"$TMP/out" 2>"$TMP/err"
is "a loop bash finds broken: status 1, one line" \
	"$? $(wc -l <"$TMP/err" | tr -d ' ')" "1 1"
like "… nsh's error at the loop" "$(cat "$TMP/err")" "broken.sh:2: column 1: 'for'"
is "… and nothing ran" "$(ls /run/netns 2>/dev/null | wc -l | tr -d ' ')" 0

# set -e (a builtin of bash's nsh has not) at the top: bash's script too
printf 'set -euo pipefail\nip netns add se1\n' >"$TMP/set.sh"
"$NSH" -f "$TMP/set.sh" >"$TMP/out" 2>"$TMP/err"
is "a script that begins with set -euo pipefail: status 0" "$?" 0
is "… its namespace made" "$(ls /run/netns | tr '\n' ' ')" "se1 "
like "… bash ran it" "$(cat "$TMP/err")" "'set': a builtin of bash's; bash runs the script"
clean

# a line nsh hands to the real ip (ip tuntap) inside such a script: the
# real one runs it, not nsh again (no loop of nsh calling itself)
printf 'for t in tp0; do ip tuntap add $t mode tap; done\n' >"$TMP/tun.sh"
timeout 30 "$NSH" -f "$TMP/tun.sh" >"$TMP/out" 2>"$TMP/err"
is "ip tuntap in a loop: status 0 (the real ip ran it)" "$?" 0
is "… tp0 is there (ip -d: tun)" "$(ip -d -br link show tp0 2>/dev/null | cut -d' ' -f1)" tp0
like "… said so" "$(cat "$TMP/err")" "not native, ran /.*/ip"
ip link del tp0 2>/dev/null

# a multi-line double-quoted string with a backslash-newline inside (a
# tutorial's ip netns exec NS bash -c "…"): one command, as in sh
printf 'ip netns add mq\nip netns exec mq bash -c "\nip link add va type veth \\\n  peer name vb\n" && \\\n  echo ok\n' \
	>"$TMP/mq.sh"
"$NSH" -f "$TMP/mq.sh" >"$TMP/out" 2>"$TMP/err"
is "a quoted string over lines with a backslash-newline: status 0, ok" \
	"$? $(cat "$TMP/out")" "0 ok"
is "… the veth pair made in mq" \
	"$(ip -n mq -br link show vb 2>/dev/null | cut -d@ -f1)" vb
clean

# read from standard input
printf 'for n in 1 2; do ip netns add s$n; done\n' | "$NSH" >"$TMP/out" 2>"$TMP/err"
is "a script on stdin with a loop: status 0" "$?" 0
is "… its namespaces made" "$(ls /run/netns | tr '\n' ' ')" "s1 s2 "
clean

# nsh's own commands inside such a script (what bash does not know)
printf 'ip netns add e1\nfor n in e1; do expect netns $n; done\nexpect netns e9\n' \
	>"$TMP/exp.sh"
"$NSH" -f "$TMP/exp.sh" >"$TMP/out" 2>"$TMP/err"
is "expect inside a bash-run script: the failing one fails it (status 1)" "$?" 1
like "… naming what it expected" "$(cat "$TMP/err")" "e9"
clean
done_testing
