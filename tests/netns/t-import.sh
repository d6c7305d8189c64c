#!/bin/sh
# Other tools' labs (issue 16): two public Kathara labs and one public
# containerlab linux-node lab (tests/import/, SOURCES says whose) imported
# with `nsh --import`, run with `nsh -f`, and checked as their authors
# describe them: by the kernel (ip -j) and by ping.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

I="$top_srcdir/tests/import"
clean_all() {
	for n in $(ip netns list | awk '{print $1}'); do ip netns del "$n"; done
	for l in $(ip -o link show type bridge | awk -F': ' '{print $2}'); do
		ip link del "$l"
	done
	sleep 0.2
}
pings() { ip netns exec "$1" ping -c1 -W1 "$2" >/dev/null 2>&1 && echo yes || echo no; }

# ---------------------------------------------------------------- Kathara: ARP
"$NSH" --import kathara "$I/kathara-arp" >"$TMP/arp.nsh" 2>"$TMP/arp.err"
is "kathara-arp imports, nothing left out" "rc=$? [$(cat "$TMP/arp.err")]" "rc=0 []"
ok "… and the lab runs (nsh -f)" "$NSH" -f "$TMP/arp.nsh"
is "a namespace per device" "$(ip netns list | awk '{print $1}' | sort | tr '\n' ' ')" \
	"pc1 pc2 pc3 r1 r2 "
is "a bridge per collision domain, each port where lab.conf puts it" \
	"$(ip -j link show master kd-C | python3 -c 'import json,sys; print(sorted(l["ifname"] for l in json.load(sys.stdin)))')" \
	"['pc2-eth0', 'pc3-eth0', 'r2-eth0']"
is "the startup file ran inside the device (pc2's eth0 MAC)" \
	"$(ip -n pc2 -j link show eth0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["address"])')" \
	"fe:fd:c8:01:01:07"
is "Kathara's default for every device: r1 forwards" \
	"$(ip netns exec r1 sysctl -n net.ipv4.ip_forward)" 1
is "as the authors describe: pc1 reaches pc2 and pc3 across r1 and r2" \
	"$(pings pc1 200.1.1.7) $(pings pc1 200.1.1.3) $(pings pc3 195.11.14.5)" "yes yes yes"
clean_all

# ---------------------------------------------------------------- Kathara: static routing
"$NSH" --import kathara "$I/kathara-static-routing" >"$TMP/sr.nsh" 2>"$TMP/sr.err"
is "kathara-static-routing imports" "rc=$? [$(cat "$TMP/sr.err")]" "rc=0 []"
ok "… and runs" "$NSH" -f "$TMP/sr.nsh"
like "its commented-out routes stay comments (the exercise)" "$(cat "$TMP/sr.nsh")" \
	'^#ip route add 200.1.1.0/24 via 100.0.0.10 dev eth1$'
is "as the authors describe: pc1 reaches r1, not yet pc2 (no routes)" \
	"$(pings pc1 195.11.14.1) $(pings pc1 200.1.1.7)" "yes no"
clean_all

# ---------------------------------------------------------------- containerlab
"$NSH" --import clab "$I/clab-netns-basics/topology.clab.yml" >"$TMP/c.nsh" 2>"$TMP/c.err"
is "the containerlab topology imports, nothing left out" "rc=$? [$(cat "$TMP/c.err")]" "rc=0 []"
like "… the management network is said to be left out" "$(cat "$TMP/c.nsh")" \
	"^# not imported: each node's management interface eth0"
ok "… and runs" "$NSH" -f "$TMP/c.nsh"
is "linux nodes are namespaces, the bridge node a bridge" \
	"$(ip netns list | awk '{print $1}' | sort | tr '\n' ' ') $(ip -j link show type bridge | python3 -c 'import json,sys; print([l["ifname"] for l in json.load(sys.stdin)])')" \
	"host1 host2 host3 router  ['lan-switch']"
is "a node-to-node link is a veth between the namespaces (router:eth2 ↔ host3:eth1)" \
	"$(ip -n router -j -d link show eth2 | python3 -c 'import json,sys; l=json.load(sys.stdin)[0]; print(l["linkinfo"]["info_kind"], l["operstate"])')" \
	"veth UP"
is "the exec lines ran inside the nodes (router forwards)" \
	"$(ip netns exec router sysctl -n net.ipv4.ip_forward)" 1
is "as the authors describe: host1 and host2 reach host3 through the router" \
	"$(pings host1 10.0.2.10) $(pings host2 10.0.2.10) $(pings host3 10.0.1.10)" "yes yes yes"
clean_all

# ---------------------------------------------------------------- what cannot be mapped
mkdir -p "$TMP/k/r1/etc/frr"
printf 'r1[0]="A"\nr1[image]="kathara/frr"\nr1[ipv6]="true"\npc1[0]=A\n' >"$TMP/k/lab.conf"
printf 'ip address add 10.9.0.1/24 dev eth0\n/etc/init.d/frr start\n' >"$TMP/k/r1.startup"
printf 'ip address add 10.9.0.2/24 dev eth0\n' >"$TMP/k/pc1.startup"
"$NSH" --import kathara "$TMP/k" >"$TMP/k.nsh" 2>"$TMP/k.err"
is "a lab with things nsh cannot map still imports (status 0)" "$?" 0
like "each is listed with its file and line: the device option" "$(cat "$TMP/k.err")" \
	"^$TMP/k/lab.conf:3: not imported: r1\[ipv6\]=\"true\" \(a device option"
like "… the daemon of the image" "$(cat "$TMP/k.err")" \
	"^$TMP/k/r1.startup:2: not imported: /etc/init.d/frr start \(a program of the device's image"
like "… the device's files" "$(cat "$TMP/k.err")" \
	"^$TMP/k/r1: not imported \(the files of the device's filesystem"
like "… and counted" "$(cat "$TMP/k.err")" "3 things not imported"
like "the lab keeps them as comments" "$(cat "$TMP/k.nsh")" \
	'^# not imported: /etc/init.d/frr start'
ok "the rest runs" "$NSH" -f "$TMP/k.nsh"
is "… and works (pc1 reaches r1)" "$(pings pc1 10.9.0.1)" yes
clean_all

# ---------------------------------------------------------------- errors
err=$("$NSH" --import kathara "$TMP/nosuch" 2>&1); rc=$?
like "a missing lab: one line, status 1" "rc=$rc $err" "^rc=1 nsh: $TMP/nosuch/lab.conf: No such file"
err=$("$NSH" --import frob "$TMP" 2>&1); rc=$?
like "an unknown kind: one line, status 2" "rc=$rc $err" "^rc=2 nsh: --import: 'frob': unknown kind"
printf 'topology: [unclosed\n' >"$TMP/bad.yml"
err=$("$NSH" --import clab "$TMP/bad.yml" 2>&1); rc=$?
like "not YAML: FILE:LINE and libyaml's reason, status 1" "rc=$rc $err" "^rc=1 nsh: $TMP/bad.yml:[0-9]+: "
printf 'name: x\n' >"$TMP/nonodes.yml"
err=$("$NSH" --import clab "$TMP/nonodes.yml" 2>&1); rc=$?
like "YAML without topology.nodes: one line, status 1" "rc=$rc $err" "^rc=1 nsh: $TMP/nonodes.yml: no topology.nodes"
is "nothing was created by the imports themselves" "$(ip netns list | wc -l)" 0
done_testing
