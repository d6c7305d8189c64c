#!/bin/sh
# ip link add (veth, bridge) / set / delete / show, checked against the
# kernel through iproute2 (`ip -j -d link`, tests/state.py), never through
# nsh's own output; show and -j show are compared with iproute2's.  Every
# rejected command must exit non-zero, print one line naming its subject,
# and leave the kernel state exactly as it was.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# jl NS IFNAME EXPR: evaluate the python EXPR on the `ip -j -d link` object
# `l` of IFNAME in NS ("host" is the sandbox itself); "absent" if missing
jl() {
	python3 - "$@" <<'EOF'
import json, subprocess, sys
ns, name, expr = sys.argv[1:4]
cmd = ["ip"] + ([] if ns == "host" else ["-n", ns]) + ["-j", "-d", "link"]
out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
l = next((x for x in json.loads(out or "[]") if x["ifname"] == name), None)
print("absent" if l is None else eval(expr))
EOF
}
kind() { jl "$1" "$2" 'l.get("linkinfo", {}).get("info_kind")'; }
peer() { state | python3 -c 'import json,sys; s=json.load(sys.stdin); l=s["ns"][sys.argv[1]]["links"].get(sys.argv[2]); print(l["peer"] if l else "absent")' "$1" "$2"; }
isup() { jl "$1" "$2" '"UP" in l["flags"]'; }


# same_as_ip ARGS…: `nsh -c "ip ARGS"` prints what `ip ARGS` prints (a
# few tries: the kernel updates operstate asynchronously after `up`)
same_as_ip() {
	_i=0
	while :; do
		ip "$@" >"$TMP/ip.out" 2>&1
		"$NSH" -c "ip $*" >"$TMP/nsh.out" 2>&1
		if cmp -s "$TMP/ip.out" "$TMP/nsh.out" || [ $_i -ge 10 ]; then
			break
		fi
		_i=$((_i + 1))
		sleep 0.2
	done
	is "'ip $*' prints what iproute2 prints" "$(cat "$TMP/nsh.out")" \
		"$(cat "$TMP/ip.out")"
}

ip netns add ns1
ip netns add ns2

# ---------------------------------------------------------------- add

ok "add a veth pair in the host" "$NSH" -c 'ip link add v0 type veth peer name v1'
is "both ends are veths" "$(kind host v0) $(kind host v1)" "veth veth"
is "v0's peer is v1 (iproute2's 'link')" "$(jl host v0 'l.get("link")')" v1

ok "add a veth with its peer in ns1" \
	"$NSH" -c 'ip link add a0 type veth peer name a1 netns ns1'
is "a0 is in the host, its peer a1 in ns1" "$(peer host a0)" "ns1:a1"
is "a1 is not in the host" "$(kind host a1)" absent

ok "add a veth inside ns1 with ip -n" \
	"$NSH" -c 'ip -n ns1 link add c0 type veth peer name c1'
is "c0 and c1 are veths in ns1" "$(kind ns1 c0) $(kind ns1 c1)" "veth veth"
is "not in the host" "$(kind host c0) $(kind host c1)" "absent absent"

ok "add a veth with both ends in other namespaces" \
	"$NSH" -c 'ip link add name b0 netns ns1 type veth peer b1 netns ns2'
is "b0 in ns1 is paired with b1 in ns2" "$(peer ns1 b0)" "ns2:b1"

ok "add a bridge" "$NSH" -c 'ip link add br0 type bridge'
is "br0 is a bridge" "$(kind host br0)" bridge
ok "add a second bridge (name keyword)" "$NSH" -c 'ip link add name br1 type bridge'
is "br1 is a bridge" "$(kind host br1)" bridge

# ---------------------------------------------------------------- set

ok "set up" "$NSH" -c 'ip link set v0 up'
is "v0 is up" "$(isup host v0)" True
ok "set down (dev keyword)" "$NSH" -c 'ip link set dev v0 down'
is "v0 is down" "$(isup host v0)" False
ok "set mtu" "$NSH" -c 'ip link set v0 mtu 1400'
is "v0's mtu is 1400" "$(jl host v0 'l["mtu"]')" 1400
ok "set address" "$NSH" -c 'ip link set v0 address 02:00:00:00:00:42'
is "v0's address" "$(jl host v0 'l["address"]')" 02:00:00:00:00:42
ok "set name" "$NSH" -c 'ip link set v1 name w1'
is "v1 is now w1" "$(kind host v1) $(kind host w1)" "absent veth"
ok "set master" "$NSH" -c 'ip link set v0 master br0'
is "v0's master is br0" "$(jl host v0 'l.get("master")')" br0
ok "set master to another bridge" "$NSH" -c 'ip link set v0 master br1'
is "v0's master is br1" "$(jl host v0 'l.get("master")')" br1
ok "set nomaster" "$NSH" -c 'ip link set v0 nomaster'
is "v0 has no master" "$(jl host v0 'l.get("master")')" None
ok "set w1 up" "$NSH" -c 'ip link set w1 up'
is "w1 is up" "$(isup host w1)" True
ok "set netns (by name)" "$NSH" -c 'ip link set w1 netns ns2'
is "w1 left the host" "$(kind host w1)" absent
is "w1 is in ns2, paired with v0 in the host" "$(peer ns2 w1)" "host:v0"
is "it arrives down" "$(isup ns2 w1)" False

ok "several settings at once" "$NSH" -c \
	'ip link set v0 up mtu 1300 name v9 master br0 address 02:00:00:00:00:43'
is "v9: up, mtu, master, address" \
	"$(jl host v9 '[ "UP" in l["flags"], l["mtu"], l.get("master"), l["address"] ]')" \
	"[True, 1300, 'br0', '02:00:00:00:00:43']"
is "v0 is gone" "$(kind host v0)" absent
ok "move, rename and bring up at once" \
	"$NSH" -c 'ip -n ns2 link set w1 netns ns1 name w2 up mtu 1280'
is "w2 in ns1: up, mtu 1280" "$(jl ns1 w2 '[ "UP" in l["flags"], l["mtu"] ]')" \
	"[True, 1280]"
is "w1 left ns2" "$(kind ns2 w1)" absent
is "the pair is now host:v9 - ns1:w2" "$(peer host v9)" "ns1:w2"

ok "abbreviations: ip l s v9 down" "$NSH" -c 'ip l s v9 down'
is "v9 is down" "$(isup host v9)" False
ok "abbreviations: ip l s dev v9 up" "$NSH" -c 'ip l s dev v9 up'
is "v9 is up" "$(isup host v9)" True
# iproute2 compares up and down whole: `u` is a second link name
rejects "ip l s dev v9 u: 'u' is not 'up'" 'ip l s dev v9 u' \
	"^ip link set: 'u': unknown word"

# a script: the same commands one per line
printf '%s\n' 'ip link add s0 type veth peer name s1' \
	'ip link set s0 master br1' 'ip link set s0 up' 'ip link set s1 up' \
	>"$TMP/s.nsh"
ok "a script of link commands" "$NSH" -f "$TMP/s.nsh"
is "s0: up, in br1; s1 up" \
	"$(jl host s0 '[ "UP" in l["flags"], l.get("master") ]') $(isup host s1)" \
	"[True, 'br1'] True"

# a bridge replaced by a veth of the same name within one script: nsh
# must not take the new brX for the bridge it saw before
printf '%s\n' 'ip link add brX type bridge' \
	'ip link add q0 type veth peer name q1' 'ip link set q0 master brX down' \
	'ip link set q0 nomaster' 'ip link del brX' \
	'ip link add brX type veth peer name brY' 'ip link set q0 master brX up' \
	>"$TMP/brx.nsh"
nok "a bridge replaced by a veth of its name, in one script" "$NSH" -f "$TMP/brx.nsh"
like "…is no bridge" "$(cat "$TMP/err")" "^$TMP/brx.nsh:7: ip link set: 'brX': not a bridge"
is "…and q0 stayed down, without a master" \
	"$(jl host q0 '[ "UP" in l["flags"], l.get("master") ]')" "[False, None]"
ip link del q0
ip link del brX

# ---------------------------------------------------------------- show

same_as_ip link
same_as_ip link show
same_as_ip -n ns1 link
same_as_ip -n ns2 link list
same_as_ip link show dev br0
same_as_ip link show v9
same_as_ip -j link
same_as_ip -j link lst s0
same_as_ip -n ns1 -j link
"$NSH" -c 'ip -j link' >"$TMP/j"
ok "ip -j link is valid JSON" python3 -m json.tool "$TMP/j"
"$NSH" -c 'ip -j -p link' >"$TMP/j"
ok "ip -j -p link is valid JSON" python3 -m json.tool "$TMP/j"
"$NSH" -c 'ip -j -d link' >"$TMP/j"
ok "ip -j -d link is valid JSON" python3 -m json.tool "$TMP/j"
is "-j -d: linkinfo.info_kind and info_slave_kind as iproute2" \
	"$(python3 -c 'import json,sys; print(sorted((l["ifname"], l.get("linkinfo", {}).get("info_kind"), l.get("linkinfo", {}).get("info_slave_kind")) for l in json.load(open(sys.argv[1]))))' "$TMP/j")" \
	"$(ip -j -d link | python3 -c 'import json,sys; print(sorted((l["ifname"], l.get("linkinfo", {}).get("info_kind"), l.get("linkinfo", {}).get("info_slave_kind")) for l in json.load(sys.stdin)))')"
"$NSH" -c 'ip link show dev v9' >"$TMP/o"
# the group: nsh's tag (cleanup), as the kernel has it
grp=$(ip -o link show dev v9 | sed -n 's/.* group \([^ ]*\) .*/\1/p')
like "show one link: the iproute2 layout" "$(cat "$TMP/o")" \
	"^[0-9]+: v9@if[0-9]+: <(NO-CARRIER,)?BROADCAST,MULTICAST,UP(,LOWER_UP)?> mtu 1300 qdisc noqueue master br0 state [A-Z]+ mode DEFAULT group $grp qlen 1000"
like "…and the link line names the peer's namespace" "$(sed -n 2p "$TMP/o")" \
	"^    link/ether 02:00:00:00:00:43 brd ff:ff:ff:ff:ff:ff link-netns ns1$"
ok "ip link (no subcommand)" "$NSH" -c 'ip link'
is "lists every link" "$(grep -c '^[0-9]' "$TMP/out")" "$(ip -o link | wc -l)"

# ---------------------------------------------------------------- errors

rejects "duplicate name" 'ip link add v9 type veth peer name z1' \
	"^ip link add: 'v9': already exists in the host namespace$"
rejects "duplicate peer name" 'ip link add z0 type veth peer name br0' \
	"^ip link add: 'br0': already exists in the host namespace$"
rejects "peer name taken in the target namespace" \
	'ip link add z0 type veth peer name c0 netns ns1' \
	"^ip link add: 'c0': already exists in namespace 'ns1'$"
rejects "first end's name taken in its namespace" \
	'ip link add c1 netns ns1 type veth peer name z1' \
	"^ip link add: 'c1': already exists in namespace 'ns1'$"
rejects "both ends with the same name" 'ip link add z0 type veth peer name z0' \
	"^ip link add: 'z0': .*same|^ip link add: 'z0': .*both"
rejects "duplicate name with ip -n" 'ip -n ns1 link add c0 type bridge' \
	"^ip link add: 'c0': already exists in namespace 'ns1'$"
rejects "duplicate bridge" 'ip link add br0 type bridge' \
	"^ip link add: 'br0': already exists in the host namespace$"
rejects "peer namespace missing" 'ip link add z0 type veth peer name z1 netns nope' \
	"^ip link add: 'nope': no such namespace$"
rejects "name of 16 bytes" 'ip link add 0123456789abcdef type bridge' \
	"^ip link add: '0123456789abcdef': .*15 bytes"
rejects "peer name of 16 bytes" 'ip link add z0 type veth peer name 0123456789abcdef' \
	"^ip link add: '0123456789abcdef': .*15 bytes"
rejects "name with a slash" 'ip link add a/b type bridge' \
	"^ip link add: 'a/b': .*'/'"
rejects "rename to a bad name" 'ip link set v9 name a/b' \
	"^ip link set: 'a/b': .*'/'"
rejects "missing link (set)" 'ip link set eth9 up' \
	"^ip link set: 'eth9': no such link in the host namespace$"
rejects "missing link in a namespace" 'ip -n ns2 link set v9 up' \
	"^ip link set: 'v9': no such link in namespace 'ns2'$"
rejects "missing link (delete)" 'ip link delete eth9' \
	"^ip link delete: 'eth9': no such link in the host namespace$"
rejects "missing link (show)" 'ip link show eth9' \
	"'eth9': no such link in the host namespace$"
rejects "master that is not a bridge" 'ip link set s0 master a0' \
	"^ip link set: 'a0': not a bridge"
rejects "master that does not exist" 'ip link set s0 master br9' \
	"^ip link set: 'br9': no such link in the host namespace$"
rejects "a bridge as a bridge port" 'ip link set br1 master br0' \
	"^ip link set: 'br1': .*bridge"
ip link add br2 type bridge
rejects "a bridge as a bridge port, with up: br2 stays down" \
	'ip link set br2 master br0 up' "^ip link set: 'br2': .*bridge"
ip link set br2 up
rejects "a bridge as a bridge port, with down: br2 stays up" \
	'ip link set br2 master br0 down' "^ip link set: 'br2': .*bridge"
ip link del br2
rejects "lo as a bridge port, with up" 'ip -n ns2 link set lo master c1 up' \
	"^ip link set: 'c1': no such link in namespace 'ns2'$"
rejects "a bridge as its own port" 'ip link set br0 master br0 up' \
	"^ip link set: 'br0': a bridge cannot be its own port$"
rejects "moving a bridge" 'ip link set br0 netns ns1' \
	"^ip link set: 'br0': bridges and lo cannot move to another namespace$"
rejects "moving lo" 'ip link set lo netns ns1' \
	"^ip link set: 'lo': bridges and lo cannot move to another namespace$"
rejects "moving to a missing namespace" 'ip link set s0 netns nope' \
	"^ip link set: 'nope': no such namespace$"
rejects "moving onto a taken name" 'ip link set s1 netns ns1 name c0' \
	"^ip link set: 'c0': already exists in namespace 'ns1'$"
ip -n ns2 link add c1 type bridge
rejects "moving a link whose name is taken in the target" \
	'ip -n ns1 link set c1 netns ns2 mtu 1400' \
	"^ip link set: 'c1': already exists in namespace 'ns2'$"
rejects "renaming onto a taken name" 'ip link set s1 name v9' \
	"^ip link set: 'v9': already exists in the host namespace$"
rejects "MTU too small" 'ip link set v9 mtu 67' \
	"^ip link set: '67': .*MTU"
rejects "MTU too large" 'ip link set v9 mtu 65536' \
	"^ip link set: '65536': .*MTU"
rejects "MTU not a number" 'ip link set v9 mtu 1e3' \
	"^ip link set: '1e3': .*MTU"
rejects "bad MAC" 'ip link set v9 address 02:00:00:00:00' \
	"^ip link set: '02:00:00:00:00': .*MAC"
# iproute2 takes both, the last one wins
ok "up and down together: the last one wins" "$NSH" -c 'ip link set s1 up down'
is "s1 is down" "$(isup host s1)" False
ip link set s1 up
rejects "a setting twice" 'ip link set v9 mtu 1400 mtu 1500' \
	"^ip link set: 'mtu': given twice"
rejects "several settings, one bad: nothing applied" \
	'ip link set s1 mtu 1200 name s7 master a0' \
	"^ip link set: 'a0': not a bridge"
rejects "deleting lo" 'ip link delete lo' \
	"^ip link delete: 'lo': "
# as iproute2: a request that changes nothing
ok "set without a setting changes nothing" "$NSH" -c 'ip link set v9'
rejects "set without a link" 'ip link set up' "^ip link set: missing the link"

# ---------------------------------------------------------------- delete

ok "delete a veth whose peer is in ns1" "$NSH" -c 'ip link delete v9'
is "both ends gone" "$(kind host v9) $(kind ns1 w2)" "absent absent"
ok "delete a veth pair in the host (del, dev)" "$NSH" -c 'ip link del dev s1'
is "both ends gone" "$(kind host s0) $(kind host s1)" "absent absent"
ok "delete with ip -n" "$NSH" -c 'ip -n ns2 link delete b1'
is "both ends gone" "$(kind ns2 b1) $(kind ns1 b0)" "absent absent"
ok "delete a bridge" "$NSH" -c 'ip link delete br1'
is "br1 gone" "$(kind host br1)" absent

clean
done_testing
