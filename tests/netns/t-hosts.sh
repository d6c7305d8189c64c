#!/bin/sh
# Labs over several hosts (issue 17): `host NAME ssh …` starts one agent
# (nsh --agent) per host over one SSH session; `NAME: LINE` and `on NAME
# LINE` run lines there; `hosts` lists them; a lost agent is reported and
# the other hosts go on.
#
# The hosts are simulated inside the test's sandbox: each is a network
# namespace joined to an underlay bridge, with a mount namespace of its
# own (a private /run, so its /run/netns is its own) in which OpenSSH's
# sshd listens on the host's underlay address, port 2222, with keys the
# test makes.  What the agents do is checked inside each host with
# iproute2 (nsenter into its sshd's namespaces).  Nothing listens or sends
# outside the sandbox.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

. "$top_srcdir/tests/hosts.sh"
trap 'hosts_stop; rm -rf "$TMP"' EXIT
# hosts 1-3; hosts 1 and 2 carry 9000 bytes on their underlay, 3 1500
if ! hosts_start 3 9000 9000 1500 >"$TMP/why"; then
	echo "1..0 # SKIP $(cat "$TMP/why")"
	exit 0
fi
opts=$HOSTS_OPTS

# ---------------------------------------------------------------- a script
cat >"$TMP/lab.nsh" <<EOF
$(decl 2)
$(decl 3)
h2: ip netns add ns5
h3: ip netns add ns6
on h2 ip -n ns5 link set lo up
h3: ip -n ns6 addr add 127.0.0.6/8 dev lo
hosts
EOF
out=$("$NSH" -f "$TMP/lab.nsh" 2>"$TMP/err")
rc=$?
is "a script declaring two hosts and acting on them exits 0" "$rc" 0
is "… and says nothing on stderr" "$(cat "$TMP/err")" ""
like "hosts lists h2 up with its agent" "$out" "h2	up	ssh root@10.99.0.2 port 2222	"
like "hosts lists h3 up" "$out" "h3	up	ssh root@10.99.0.3 port 2222	"
is "h2: ip netns add ns5 made ns5 on host 2 (iproute2 there)" \
	"$(on_host 2 ip netns list | cut -d' ' -f1)" ns5
is "h3: ip netns add ns6 made ns6 on host 3" \
	"$(on_host 3 ip netns list | cut -d' ' -f1)" ns6
is "… and nothing here" "$(ls /run/netns | grep -c '^ns[56]$')" 0
is "on h2 … set lo up in ns5 there" \
	"$(on_host 2 ip -n ns5 -j link show lo | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["operstate"])')" UNKNOWN
like "h3: ip -n ns6 addr add … there" "$(on_host 3 ip -n ns6 addr show lo)" "127.0.0.6/8"
is "one SSH connection per host for the whole script (sshd's log, host 2)" \
	"$(grep -c 'Accepted publickey' "$TMP/sshd2.log")" 1
is "… host 3" "$(grep -c 'Accepted publickey' "$TMP/sshd3.log")" 1

# -------------------------------------------------- output, status, errors
out=$("$NSH" -c "$(decl 2); h2: ip netns list; h2: ip -n ns5 -br link" 2>&1)
like "a remote line's output comes back as it is" "$out" "ns5"
like "… ip -br link there" "$out" "lo +UNKNOWN"
"$NSH" -c "$(decl 2); h2: ip -n ns5 link add x type nosuchkind" \
	>"$TMP/out" 2>"$TMP/err"
rc=$?
is "a kernel refusal there: ip's status (2) here" "$rc" 2
is "… one line on stderr" "$(wc -l <"$TMP/err")" 1
like "… naming the host" "$(cat "$TMP/err")" "^h2: "
is "… and no link x on host 2" \
	"$(on_host 2 ip -n ns5 link show x 2>/dev/null | wc -l)" 0
printf '%s\nh2: ip netns add ns7\nh2: ip lnik show\n' "$(decl 2)" >"$TMP/bad.nsh"
"$NSH" -f "$TMP/bad.nsh" 2>"$TMP/err"
rc=$?
is "a typo in a host's line stops the script in the checking pass" "$rc" 1
like "… FILE:LINE" "$(cat "$TMP/err")" "bad.nsh:3: "
is "… before anything ran (no ns7 on host 2)" \
	"$(on_host 2 ip netns list | grep -c ns7)" 0
"$NSH" -c "host h9 ssh root@10.99.0.2 port 2223 $opts" 2>"$TMP/err"
rc=$?
is "a host whose sshd does not answer: status 1" "$rc" 1
is "… one line" "$(wc -l <"$TMP/err")" 1
like "… with ssh's reason" "$(cat "$TMP/err")" "host: 'h9': cannot start its agent: .*Connection refused"
"$NSH" -c "host 'bad/name' ssh root@10.99.0.2" 2>"$TMP/err"
is "a bad host name is refused" "$?" 1
like "… saying why" "$(cat "$TMP/err")" "'bad/name': a host name is"
"$NSH" -c "h4: ip link" 2>"$TMP/err"
is "an undeclared host: command not found (127)" "$?" 127
"$NSH" -c "on h4 ip link" 2>"$TMP/err"
is "on an undeclared host: status 1" "$?" 1
like "… no such host" "$(cat "$TMP/err")" "'h4': no such host"

# ------------------------------------------------ a lost agent, the others
nsh_i_start
ask "$(decl 2)" >/dev/null
ask "$(decl 3)" >/dev/null
apid=$(ask "hosts -j" | python3 -c '
import json, sys
print([h for h in json.load(sys.stdin) if h["name"] == "h2"][0]["agent_pid"])')
like "hosts -j gives the agent's PID" "$apid" '^[0-9][0-9]*$'
is "the agent runs in host 2's network namespace" \
	"$(readlink "/proc/$apid/ns/net")" "$(readlink "/proc/$SSHD2/ns/net")"
kill -9 "$apid"
out=$(ask 'h2: ip netns list; echo "rc=$?"')
like "a line for the lost host fails" "$out" "rc=1"
like "… saying the agent's connection ended" "$out" "'h2': the agent's connection ended"
out=$(ask 'h3: ip netns list; echo "rc=$?"')
like "the other host goes on" "$out" "ns6"
like "… status 0" "$out" "rc=0"
like "hosts shows h2 lost" "$(ask hosts)" "h2	lost	"
out=$(ask "host del h2; $(decl 2); h2: ip netns list")
like "host del, then the host again: a new agent" "$out" "ns5"
nsh_i_stop
is "nsh -i ends (its agents with it)" "$?" 0
i=0
while [ $i -lt 100 ] && pgrep -f -- "$NSH --agent" >/dev/null; do
	sleep 0.05; i=$((i + 1))
done
is "no agent is left running" "$(pgrep -f -- "$NSH --agent" | wc -l)" 0
is "… the labs stay on the hosts" \
	"$(on_host 2 ip netns list | cut -d' ' -f1)$(on_host 3 ip netns list | cut -d' ' -f1)" ns5ns6

# a script with hosts and sh syntax nsh does not run: not handed to bash
# (its agents are this nsh's), one line
printf '%s\n' "$(decl 2)" 'for n in 1 2; do h2: ip netns add lp$n; done' >"$TMP/hl.sh"
"$NSH" -f "$TMP/hl.sh" >"$TMP/out" 2>"$TMP/err"
is "hosts and a for loop: status 1, one line" "$? $(wc -l <"$TMP/err" | tr -d ' ')" "1 1"
like "… saying why bash does not run it" "$(cat "$TMP/err")" "not handed to bash: the script declares hosts"
is "… and nothing ran on host 2" "$(on_host 2 ip netns list | grep -c '^lp')" 0

# ------------------------------------------- --step over a host's lines
printf '%s\n' "$(decl 2)" "# A namespace on host 2." "h2: ip netns add st1" \
	"h2: ip -n st1 link set lo up" >"$TMP/st.nsh"
printf '\n\n\n\n' | "$NSH" --step "$TMP/st.nsh" >"$TMP/out" 2>"$TMP/err"
is "--step through a host's lines: exit 0" "$?" 0
like "… tells the namespace made on host 2" "$(cat "$TMP/out")" "^  \\+ h2: namespace st1$"
like "… and the link set up there" "$(cat "$TMP/out")" "^  [~+] h2: st1: lo"
is "… which host 2's kernel has" "$(on_host 2 ip netns list | grep -c '^st1')" 1
on_host 2 ip netns del st1

# ----------------------------------------------- watch over a host
"$NSH" -c "$(decl 2); watch" >"$TMP/wo" 2>"$TMP/we" &
wpid=$!
i=0
until grep -q 'Ctrl-C stops' "$TMP/we" 2>/dev/null || [ $i -ge 100 ]; do
	sleep 0.1; i=$((i + 1))
done
sleep 0.5
on_host 2 ip netns add wt1
on_host 2 ip -n wt1 link set lo up
i=0
until grep -q 'h2: .*wt1' "$TMP/wo" 2>/dev/null || [ $i -ge 50 ]; do
	sleep 0.1; i=$((i + 1))
done
kill -TERM "$wpid"
wait "$wpid"
is "watch with a host: ends on SIGTERM with 0" "$?" 0
like "… says it watches the lab's hosts" "$(cat "$TMP/we")" "and the lab's hosts; Ctrl-C stops"
like "… tells a namespace made on host 2 with the host's name" "$(cat "$TMP/wo")" "^h2: \\+ namespace wt1$"
like "… and its link set up there" "$(cat "$TMP/wo")" "^h2: .*wt1: .*lo"
on_host 2 ip netns del wt1

# --------------------------------- a long pipelined script that fails
# (more lines than one batch of requests or replies: the failure is still
# reported with its own line, and that host runs nothing after it)
{
	decl 2
	decl 3
	for i in $(seq 1 120); do
		echo "h2: ip netns add pa$i"
		echo "h3: ip netns add pb$i"
	done
	echo "h2: ip -n pa5 link add x type nosuchkind"
	for i in $(seq 121 130); do echo "h2: ip netns add pa$i"; done
	echo "ip netns add here1"
} >"$TMP/pp.nsh"
"$NSH" -f "$TMP/pp.nsh" >"$TMP/out" 2>"$TMP/err"
rc=$?
is "a pipelined script whose line 243 the kernel refuses: status 2" "$rc" 2
is "… one line on stderr" "$(wc -l <"$TMP/err")" 1
like "… with its own line and host" "$(cat "$TMP/err")" "^$TMP/pp.nsh:243: h2: "
is "… every line before it ran (host 2)" \
	"$(on_host 2 ip netns list | grep -c '^pa[0-9]')" 120
is "… and nothing after it there" "$(on_host 2 ip netns list | cut -d' ' -f1 | grep -cx pa121)" 0
is "… host 3's lines ran (120 namespaces)" \
	"$(on_host 3 ip netns list | grep -c '^pb[0-9]')" 120
is "… the line after it here did not run" "$(ls /run/netns | grep -c '^here1$')" 0
printf 'netns del pa%d\n' $(seq 1 120) | on_host 2 ip -batch -
printf 'netns del pb%d\n' $(seq 1 120) | on_host 3 ip -batch -

# ------------------------------------------------ links and bridges across
cat >"$TMP/multi.nsh" <<EOF
$(decl 1)
$(decl 2)
$(decl 3)
h1: ip netns add a1
h2: ip netns add a2
h3: ip netns add a3
span br0 h1 h2 h3
h1: ip link add veth-a1 type veth peer name eth0 netns a1
h2: ip link add veth-a2 type veth peer name eth0 netns a2
h3: ip link add veth-a3 type veth peer name eth0 netns a3
h1: ip link set veth-a1 master br0 up
h2: ip link set veth-a2 master br0 up
h3: ip link set veth-a3 master br0 up
h1: ip -n a1 link set eth0 mtu 1450 up
h2: ip -n a2 link set eth0 mtu 1450 up
h3: ip -n a3 link set eth0 mtu 1450 up
h1: ip -n a1 addr add 10.50.0.1/24 dev eth0
h2: ip -n a2 addr add 10.50.0.2/24 dev eth0
h3: ip -n a3 addr add 10.50.0.3/24 dev eth0
link h1:a1:x12 h2:a2:x21
link h1:a1:x13 h3:a3:x31
h1: ip -n a1 addr add 10.60.0.1/30 dev x12
h2: ip -n a2 addr add 10.60.0.2/30 dev x21
h1: ip -n a1 addr add 10.61.0.1/30 dev x13
h3: ip -n a3 addr add 10.61.0.2/30 dev x31
h1: expect reach a1 10.50.0.2
h1: expect reach a1 10.50.0.3
h3: expect reach a3 10.50.0.2
h2: expect reach a2 10.60.0.1
h3: expect reach a3 10.61.0.1
h1: ip netns exec a1 ping -c 1 -W 2 -M do -s 1472 10.60.0.2
EOF
"$NSH" -f "$TMP/multi.nsh" >"$TMP/out" 2>"$TMP/err"
rc=$?
is "three hosts, a bridge spanning them, cross-host links: every expect reach passes" "$rc" 0
sed 's/^/# /' "$TMP/err"
like "a 1472-byte ping with DF set crosses hosts (underlay 9000: inner MTU 1500)" \
	"$(cat "$TMP/out")" "1 received"
like "the MTU rule is stated in one line: 1500 over a 9000 underlay" \
	"$(cat "$TMP/err")" "h1:a1:x12 <-> h2:a2:x21: VXLAN [0-9]*, UDP 4789, over eth0 10.99.0.1 <-> eth0 10.99.0.2; MTU 1500"
like "… 1450 over a 1500 one" "$(cat "$TMP/err")" "h1:a1:x13 <-> h3:a3:x31: .*MTU 1450 .the underlay's less 50"
like "… and for the bridge" "$(cat "$TMP/err")" "br0 spans 3 hosts: port vx-br0 on each, .*MTU 1450"
jq_py() { python3 -c "import json, sys; l = json.load(sys.stdin)[0]; print($1)"; }
is "x12 is a VXLAN device in a1 on host 1 towards host 2 (ip -d there)" \
	"$(on_host 1 ip -n a1 -j -d link show x12 | jq_py 'l["linkinfo"]["info_kind"], l["linkinfo"]["info_data"]["remote"], l["linkinfo"]["info_data"]["local"], l["linkinfo"]["info_data"]["port"], l["mtu"]')" \
	"vxlan 10.99.0.2 10.99.0.1 4789 1500"
is "the two ends share their VNI" \
	"$(on_host 1 ip -n a1 -j -d link show x12 | jq_py 'l["linkinfo"]["info_data"]["id"]')" \
	"$(on_host 2 ip -n a2 -j -d link show x21 | jq_py 'l["linkinfo"]["info_data"]["id"]')"
is "vx-br0 on host 2 floods to hosts 1 and 3 (bridge fdb there)" \
	"$(on_host 2 bridge fdb show dev vx-br0 | grep '^00:00:00:00:00:00' | sed 's/.* dst \([0-9.]*\).*/\1/' | sort | tr '\n' ' ')" \
	"10.99.0.1 10.99.0.3 "
is "… and is a port of br0 there" \
	"$(on_host 2 ip -j link show vx-br0 | jq_py 'l["master"]')" br0
is "one SSH connection per host for the whole lab (host 1)" \
	"$(grep -c 'Accepted publickey' "$TMP/sshd1.log")" 1
# one view of the lab: the hosts drawn, the cables between them, the path
out=$("$NSH" -c "$(decl 1); $(decl 2); $(decl 3); show topology" 2>&1)
like "show topology draws each host under its name" "$out" "host h2 \(ssh root@10.99.0.2 port 2222, up\)"
like "… with that host's namespaces" "$out" "─ a3 ─"
like "… and the cables between hosts" "$out" "h1:a1:x12 ═ VXLAN [0-9]*, UDP 4789, eth0 10.99.0.1 ↔ eth0 10.99.0.2 ═ h2:a2:x21"
like "… and the spanned bridge's ports" "$out" "h3:\(host\):vx-br0: bridge port, VXLAN"
out=$("$NSH" -c "$(decl 1); $(decl 2); $(decl 3); show" 2>&1)
like "show lists each host's namespaces under the host" "$out" "host h3 \(ssh root@10.99.0.3 port 2222, up\)"
like "… a3 among them" "$out" "a3"
out=$("$NSH" -c "$(decl 1); $(decl 2); show path h1:a1 10.60.0.2" 2>&1)
like "show path names the VXLAN hop and its underlay" "$out" "h1:a1:x12 ═ VXLAN [0-9]*, UDP 4789, over eth0 10.99.0.1 → eth0 10.99.0.2 ═ h2:a2:x21"
like "… and goes on on the other host to the address" "$out" "10.60.0.2 is a2's own address"
# running-config over several hosts: the hosts, their lines, the cables;
# replayed onto the same hosts after cleanup, the lab is back
"$NSH" -c "$(decl 1); $(decl 2); $(decl 3); show running-config" >"$TMP/all.nsh" 2>"$TMP/err"
is "show running-config over three hosts: status 0" "$?" 0
like "… declares the hosts" "$(cat "$TMP/all.nsh")" "^host h2 ssh root@10.99.0.2 port 2222 "
like "… gives each host's lines with its name" "$(cat "$TMP/all.nsh")" "h3: ip netns add a3"
like "… the cables between hosts as link lines" "$(cat "$TMP/all.nsh")" "link h1:a1:x12 h2:a2:x21 vni [0-9]* dstport 4789"
like "… with their addresses" "$(cat "$TMP/all.nsh")" "h2: ip -n a2 addr add 10.60.0.2/30 dev x21"
like "… and the spanned bridge" "$(cat "$TMP/all.nsh")" "span br0 h1 h2 h3"
sed -n '/^# the lab.s other hosts/,$p' "$TMP/all.nsh" >"$TMP/replay.nsh"
printf '%s\n' "h1: expect reach a1 10.60.0.2" "h1: expect reach a1 10.50.0.3" >>"$TMP/replay.nsh"
"$NSH" -c "$(decl 1); $(decl 2); $(decl 3); cleanup" >/dev/null 2>&1
is "… cleanup leaves host 1 without namespaces" "$(on_host 1 ip netns list | wc -l)" 0
"$NSH" -f "$TMP/replay.nsh" >"$TMP/out" 2>"$TMP/err"
is "the running-config replayed onto the hosts rebuilds the lab (every expect passes)" "$?" 0
sed 's/^/# /' "$TMP/err" | head -5
# a cable across hosts in ip's words: NS@HOST ends, or netns HOST:NS
"$NSH" -c "$(decl 1); $(decl 2); ip link add a1@h1 type veth peer a2@h2" \
	>"$TMP/out" 2>"$TMP/err"
is "ip link add a1@h1 type veth peer a2@h2: status 0" "$?" 0
like "… a VXLAN end to-a2 in a1 on host 1 (ip -d there)" \
	"$(on_host 1 ip -n a1 -d link show to-a2)" "vxlan id [0-9]+"
like "… and to-a1 in a2 on host 2" "$(on_host 2 ip -n a2 -d link show to-a1)" "vxlan id [0-9]+"
on_host 1 ip -n a1 addr add 10.61.0.1/30 dev to-a2
on_host 2 ip -n a2 addr add 10.61.0.2/30 dev to-a1
ok "… which carries a ping from host 1 to host 2" \
	on_host 1 ip netns exec a1 ping -c 1 -W 2 10.61.0.2
"$NSH" -c "$(decl 1); $(decl 2); ip link add e1 netns h1:a1 type veth peer name e2 netns h2:a2" \
	>"$TMP/out" 2>"$TMP/err"
is "ip link add e1 netns h1:a1 type veth peer name e2 netns h2:a2: status 0" "$?" 0
like "… e1 in a1 on host 1" "$(on_host 1 ip -n a1 -d link show e1)" "vxlan id [0-9]+"
"$NSH" -c "$(decl 1); ip link add b1@h1 type veth peer b2@h1" >"$TMP/out" 2>"$TMP/err"
is "both ends NS@HOST on one host: status 1 (no such namespace there)" "$?" 1
on_host 1 ip netns add b1
on_host 1 ip netns add b2
"$NSH" -c "$(decl 1); ip link add b1@h1 type veth peer b2@h1" >"$TMP/out" 2>"$TMP/err"
like "both ends on one host: a veth pair there (ip -d)" \
	"$(on_host 1 ip -n b1 -d link show to-b2)" "veth"
is "a link called ns9@h9 with no host h9: made here, as ip would" \
	"$("$NSH" -c "ip link add ns9@h9 type veth peer ns8@h9"; ip -br link show 'ns9@h9' | cut -d' ' -f1)" "ns9@h9@ns8@h9"
ip link del 'ns9@h9' 2>/dev/null
on_host 1 ip netns del b1; on_host 1 ip netns del b2
on_host 1 ip -n a1 link del to-a2; on_host 1 ip -n a1 link del e1
on_host 2 ip -n a2 link del to-a1 2>/dev/null; on_host 2 ip -n a2 link del e2 2>/dev/null
# TAB: the hosts where a namespace goes, then a host's own namespaces
out=$("$NSH" -c "$(decl 1); $(decl 2); complete ip netns exec h" | cut -f1 | sort | tr '\n' ' ')
like "TAB offers the hosts as HOST: where a namespace goes" "$out" "h1: h2: "
out=$("$NSH" -c "$(decl 1); complete ip -n h1:a" | cut -f1 | tr '\n' ' ')
is "… and after HOST: that host's namespaces (asked of its agent)" "$out" "h1:a1 "
out=$("$NSH" -c "$(decl 1); complete expect link h1:" | cut -f1 | tr '\n' ' ')
is "where a link goes (NS:IF): after HOST:, its namespaces as HOST:NS:" "$out" "h1:a1: "
out=$("$NSH" -c "$(decl 1); complete expect link h1:a1:x" | cut -f1 | tr '\n' ' ')
is "… then the links of that namespace there" "$out" "h1:a1:x12 h1:a1:x13 "
out=$("$NSH" -c "$(decl 1); complete link h1:" | cut -f1 | tr '\n' ' ')
is "link HOST:NS …: TAB offers the host's namespaces" "$out" "h1:a1 "
# enter HOST:NS: the live lines go to that host, in that namespace
nsh_i_start
ask "$(decl 1)" >/dev/null
ask "enter h1:a1" >/dev/null
like "after enter h1:a1, a line runs in a1 on host 1" "$(ask 'ip -br addr show dev x12')" "10.60.0.1/30"
like "… one with operators too" "$(ask 'ip -br link | grep -c x1; echo "rc=$?"')" "rc=0"
ask "exit" >/dev/null
like "exit: back here (no x12 in this namespace)" "$(ask 'ip -br link show x12; echo "rc=$?"')" "rc=1"
nsh_i_stop
# a namespace's name may carry its host, wherever a namespace is expected
out=$("$NSH" -c "$(decl 1); ip -H h1 -n a1 -br addr show dev x12" 2>&1)
like "ip -H h1 … runs the line on host 1" "$out" "10.60.0.1/30"
"$NSH" -c "ip -H h9 link" >/dev/null 2>"$TMP/err"
is "ip -H with an undeclared host fails" "$?" 1
like "… saying so" "$(cat "$TMP/err")" "'h9': no such host"
out=$("$NSH" -c "$(decl 1); ip -n h1:a1 -br addr show dev x12" 2>&1)
like "ip -n h1:a1 … runs on host 1 in a1" "$out" "10.60.0.1/30"
out=$("$NSH" -c "$(decl 1); $(decl 2); ip netns exec h2:a2 ping -c 1 -W 2 10.50.0.3" 2>&1)
like "ip netns exec h2:a2 ping … from host 2's a2 over the spanned bridge" "$out" "1 received"
"$NSH" -c "$(decl 1); expect reach h1:a1 10.61.0.2" >/dev/null 2>&1
is "expect reach h1:a1 … passes there" "$?" 0
"$NSH" -c "$(decl 1); $(decl 2); ip -n h1:a1 link set x12 netns h2:a2" 2>"$TMP/err"
is "a line naming two hosts is refused" "$?" 1
like "… saying why" "$(cat "$TMP/err")" "'h2:a2': one line runs on one host .h1 here."
"$NSH" -c "$(decl 1); $(decl 2); link h1:a1:x12 h2:a2:y21" 2>"$TMP/err"
is "a link whose first end cannot be made fails" "$?" 2
is "… in one line" "$(wc -l <"$TMP/err")" 1
is "… and leaves nothing on the other host" \
	"$(on_host 2 ip -n a2 -br link | grep -c y21)" 0
"$NSH" -c "$(decl 1); $(decl 2); link h1:a1:y12 h2:nosuch:y21" 2>"$TMP/err"
is "a link whose second end cannot be made fails" "$?" 1
is "… and the first end is undone" "$(on_host 1 ip -n a1 -br link | grep -c y12)" 0
is "… and no VXLAN device is left half made on host 2" \
	"$(on_host 2 ip -br link | grep -c nshvx)" 0
like "… saying why in one line" "$(cat "$TMP/err")" "nosuch"

# ------------------------------------------ cleanup on every host, lost too
host_links() { on_host "$1" ip -o link show | awk -F': ' '{ print $2 }' | sed 's/@.*//' | sort | tr '\n' ' '; }
nsh_i_start
for h in 1 2 3; do ask "$(decl $h)" >/dev/null; done
apid=$(ask "hosts -j" | python3 -c '
import json, sys
print([h for h in json.load(sys.stdin) if h["name"] == "h3"][0]["agent_pid"])')
kill -9 "$apid"
out=$(ask 'cleanup; echo "rc=$?"')
like "cleanup after an agent was killed: status 0" "$out" "rc=0"
like "… reports what it removed on each host" "$out" "h3: "
for h in 1 2 3; do
	is "… nothing left on host $h: no namespace" "$(on_host $h ip netns list | wc -l)" 0
	is "… no link but lo and the underlay" "$(host_links $h)" "eth0 lo "
done
nsh_i_stop
ask_rc=$?
is "nsh -i ends" "$ask_rc" 0

# a host that cannot be reached any more is reported, never skipped
nsh_i_start
ask "$(decl 2)" >/dev/null
ask "h2: ip netns add left" >/dev/null
apid=$(ask "hosts -j" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["agent_pid"])')
kill "$SSHD2"
wait "$SSHD2" 2>/dev/null
kill -9 "$apid"
out=$(ask 'cleanup; echo "rc=$?"')
like "cleanup with a host unreachable: status 1" "$out" "rc=1"
like "… naming the host and why" "$out" "'h2': not cleaned up: cannot start its agent: .*Connection refused"
nsh_i_stop

done_testing
