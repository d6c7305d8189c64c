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


# mask_timers FILE: the bridge's running timers (hello_timer, gc_timer …)
# move between two reads, more so under a sanitizer: their values are
# masked, in text ("gc_timer    8.49") and JSON ("gc_timer":8.49)
mask_timers() {
	sed -E -i 's/(_timer +)[0-9]+\.[0-9]+/\1T/g; s/("[a-z_]*_timer": ?)[0-9]+\.[0-9]+/\1T/g' "$1"
}

# same_as_ip ARGS…: `nsh -c "ip ARGS"` prints what `ip ARGS` prints (a
# few tries: the kernel updates operstate asynchronously after `up`)
same_as_ip() {
	_i=0
	while :; do
		ip "$@" >"$TMP/ip.out" 2>&1
		"$NSH" -c "ip $*" >"$TMP/nsh.out" 2>&1
		mask_timers "$TMP/ip.out"
		mask_timers "$TMP/nsh.out"
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
like "show one link: the iproute2 layout (group default: nsh leaves no mark)" "$(cat "$TMP/o")" \
	"^[0-9]+: v9@if[0-9]+: <(NO-CARRIER,)?BROADCAST,MULTICAST,UP(,LOWER_UP)?> mtu 1300 qdisc noqueue master br0 state [A-Z]+ mode DEFAULT group default qlen 1000"
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
ip link add br3 type bridge
rejects "lo as a bridge port, with down: lo stays up" 'ip link set lo master br3 down' \
	"^ip link set: 'lo': the loopback device cannot be a bridge port$"
ip link del br3
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

# ---------------------------------------------------------------- iproute2's forms

clean
ip netns add fx
# lstate NAME [NS]: the link as ip -j -d shows it, without what differs
# between two links made alike
lstate() {
	ip ${2:+-n "$2"} -j -d link show "$1" 2>/dev/null | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except Exception:
    print("absent"); sys.exit(0)
for l in d:
    for k in ("ifindex", "link_index", "link", "stats64"):
        l.pop(k, None)
    if l.get("linkinfo", {}).get("info_kind") == "bridge":
        l.pop("address")
        x = l["linkinfo"].get("info_data", {})
        for k in list(x):
            if k.endswith("_timer") or k in ("bridge_id", "root_id"):
                x.pop(k)
print(json.dumps(d, sort_keys=True))'
}
fresh() {
	for l in fa fb fc; do
		ip link del $l 2>/dev/null
		ip -n fx link del $l 2>/dev/null
	done
	ip link add fa address 02:00:00:00:0f:0a type veth peer name fb \
		address 02:00:00:00:0f:0b
	ip link set fb up
}
# same_set OPTS: `ip link set fa OPTS` by nsh and by iproute2: the same
# status, the same link
same_set() {
	fresh
	ip link set fa "$@" 2>/dev/null
	_r1=$?
	_s1="$(lstate fa) $(lstate fa fx) $(lstate fb)"
	fresh
	"$NSH" -c "ip link set fa $*" >"$TMP/out" 2>"$TMP/err"
	_r2=$?
	_s2="$(lstate fa) $(lstate fa fx) $(lstate fb)"
	is "ip link set fa $*: as iproute2" \
		"$([ $_r2 = 0 ] && echo ok || echo refused) $_s2" \
		"$([ $_r1 = 0 ] && echo ok || echo refused) $_s1"
}
for o in "mtu 1400" "txqueuelen 500" "qlen 600" "txqlen 700" "txq 800" \
	"address 02:00:00:00:00:99" "addr 02:00:00:00:00:98" \
	"broadcast ff:ff:ff:ff:ff:fe" "brd ff:ff:ff:ff:ff:fd" "alias hello" \
	"multicast off" "allmulticast on" "promisc on" "trailers off" "arp off" \
	"dynamic on" "mode dormant" "mode DORMANT" "state dormant" \
	"group 5" "group default" "addrgenmode none" "addrgenmode random" \
	"protodown on" "carrier off" "gso_max_size 32000" "gso_max_segs 100" \
	"gro_max_size 32000" "up down" "down up" "up mtu 1300 alias x" \
	"name fc" "dev fa name fc" "netns fx" "netns fx name fc up" \
	"netns fx index 77" "index 77" "numtxqueues 4" "link fb" "nomaster" \
	"mode bogus" "address 02:00:00:00:00" "mtu 67"; do
	# shellcheck disable=SC2086
	same_set $o
done

# where iproute2 leaves a refused change half done, nsh leaves nothing
fresh
rejects "up with a master that takes no ports: fa stays down" \
	'ip link set fa up master fb' "^ip link set: 'fb': not a bridge"
rejects "mtu, name and a bad master: nothing applied" \
	'ip link set fa mtu 1300 name fc master fb' "^ip link set: 'fb': not a bridge"
ip link add fbr type bridge
ip link set fbr up
rejects "up then a bridge in a bridge: fbr stays as it was" \
	'ip link set fbr down master fbr' "^ip link set: 'fbr': a bridge cannot be its own port"
is "…fbr is still up" "$(isup host fbr)" True
rejects "mtu then a taken name: the MTU is put back" \
	'ip link set fa mtu 1280 name fb' "^ip link set: 'fb': already exists in the host namespace"
ip link del fbr

# by a PID: the namespace of a process
unshare --net sleep 60 &
upid=$!
i=0
while [ "$(readlink "/proc/$upid/ns/net")" = "$(readlink /proc/self/ns/net)" ] && [ $i -lt 100 ]; do
	sleep 0.02; i=$((i + 1))
done
fresh
ok "netns PID" "$NSH" -c "ip link set fa netns $upid"
is "fa left for the process's namespace" "$(lstate fa)" absent
is "…where it is" "$(nsenter -t "$upid" -n ip -o link show fa | grep -c fa)" 1
kill "$upid"; wait "$upid" 2>/dev/null

# same_add LINE: `ip link add LINE` by nsh and by iproute2
same_add() {
	for l in ga gb; do ip link del $l 2>/dev/null; done
	ip link add "$@" 2>/dev/null
	_r1=$?
	_s1="$(lstate ga) $(lstate gb)"
	for l in ga gb; do ip link del $l 2>/dev/null; done
	"$NSH" -c "ip link add $*" >"$TMP/out" 2>"$TMP/err"
	_r2=$?
	_s2="$(lstate ga) $(lstate gb)"
	is "ip link add $*: as iproute2" \
		"$([ $_r2 = 0 ] && echo ok || echo refused) $_s2" \
		"$([ $_r1 = 0 ] && echo ok || echo refused) $_s1"
	for l in ga gb; do ip link del $l 2>/dev/null; done
}
same_add ga index 77 address 02:00:00:00:0a:01 type veth peer name gb index 78 address 02:00:00:00:0a:02
same_add name ga address 02:00:00:00:0a:01 type veth peer gb txqueuelen 10 mtu 1300 address 02:00:00:00:0a:02
same_add ga numtxqueues 4 numrxqueues 2 address 02:00:00:00:0a:01 type veth peer gb address 02:00:00:00:0a:02
same_add ga group 5 type bridge
same_add dev ga type bridge
same_add ga address 02:00:00:00:0a:01 type veth peer dev gb address 02:00:00:00:0a:02 group 3
same_add ga up address 02:00:00:00:0a:01 type veth peer gb up address 02:00:00:00:0a:02
same_add ga name gb type bridge
same_add ga type veth peer gb type veth
same_add ga type bridge foo
rejects "both name and dev when creating" 'ip link add ga name gb type bridge' \
	"^ip link add: 'ga': both 'name' and 'dev'"
rejects "group when creating" 'ip link add group 5 type bridge' \
	"^ip link add: 'group': cannot be used when creating"
rejects "index outside creating and moving" 'ip link set lo index 9' \
	"^ip link set: 'index': only when creating a link or moving it"

# link-netns: the nsid of the namespace, assigned if it has none
ip netns add fy
ok "link-netns assigns an nsid as iproute2 does" \
	"$NSH" -c 'ip link add ga link-netns fy type veth peer gb'
is "…fy has an nsid now" "$(ip netns list-id | grep -c fy)" 1
ip link del ga

# group forms: every link of a group at once
for n in 1 2; do
	ip link add gx$n group 9 type veth peer name gy$n
done
ok "ip link set group 9 up" "$NSH" -c 'ip link set group 9 up'
is "…both links of group 9 are up" \
	"$(isup host gx1) $(isup host gx2) $(isup host gy1)" "True True False"
ok "ip link set dev gy1 group 9" "$NSH" -c 'ip link set dev gy1 group 9'
is "…gy1 joined group 9" "$(jl host gy1 'l["group"]')" 9
ok "ip link del group 9" "$NSH" -c 'ip link del group 9'
is "…the group is gone" "$(ip -o link show group 9 | wc -l)" 0
rejects "type with a group alone" 'ip link set group 9 type bridge' \
	"^ip link set: 'type': not with 'group' alone"

# ---------------------------------------------------------------- show forms

clean
ip netns add sx
ip link add sa type veth peer name sb
ip link add sbr type bridge
ip link set sa master sbr up
ip link set sb up alias "the other end"
ip link property add dev sb altname sb-alt
ip link add sc group 7 type veth peer name sd netns sx
ip link add sv type vxlan id 9 dstport 4789 dev sb
ip link add sm link sb type macvlan mode bridge
ip link set sbr up
sleep 0.3
for args in "link" "-d link" "-s link" "-s -s link" "-br link" "-o link" \
	"-o -d link" "-j link" "-j -p link" "-j -d link" "-j -s link" \
	"-j -p -d -s -s link" "link show up" "link show master sbr" \
	"link show nomaster" "link show type veth" "link show type bridge_slave" \
	"link show group 7" "-j link show group 7" "link show dev sb up" \
	"link show sb-alt" "-br -j link" "-br link show type vxlan" \
	"-4 link" "-6 -d link" "-N link" "-h -s link" "-iec -s link" \
	"link list sa" "link lst" "-j link show label x" "link show primary" \
	"-n sx link" "-n sx -d link show sd" "-c link" "-c -br link" \
	"-color=never -d link" "-c -j link"; do
	# shellcheck disable=SC2086
	same_as_ip $args
done
# alternative names longer than a link name (iproute2: IFLA_ALT_IFNAME)
ip link property add dev sb altname sb-a-very-long-alternative-name
ip link property add dev sbr altname sbr-a-very-long-alternative-name
same_as_ip link show sb-a-very-long-alternative-name
ok "set a link by a long altname" "$NSH" -c 'ip link set sb-a-very-long-alternative-name mtu 1400'
is "…its MTU" "$(jl host sb 'l["mtu"]')" 1400
ok "master by a long altname" "$NSH" -c 'ip link set sc master sbr-a-very-long-alternative-name'
is "…sc is in sbr" "$(jl host sc 'l.get("master")')" sbr
same_as_ip link show master sbr-a-very-long-alternative-name
rejects "show to a prefix (iproute2: not allowed in this context)" \
	'ip link show to 10.0.0.0/8' "^ip link show: '10.0.0.0/8': "
rejects "show a missing master" 'ip link show master nope' \
	"^ip link show: 'nope': no such link in the host namespace$"
rejects "show a dev twice" 'ip link show sa sb' \
	"^ip link show: 'sb': unknown word"

clean
done_testing
