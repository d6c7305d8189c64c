#!/bin/sh
# show, show topology, show path and watch: nsh's views of the live model,
# checked against the kernel as iproute2 reads it, on seed 000's labs
# (Method B built by iproute2, Method A built by nsh), ten namespaces on
# one bridge, and a stream of changes narrated by `watch`.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# ---------------------------------------------------------------- helpers
# cmp.py FILE PART…: FILE (show -j) against iproute2, for the parts named:
# links (names, kinds, masters, up flags, peers), addrs, routes (all but
# IPv6 link-local ones), llroutes (IPv6 link-local routes only)
cat > "$TMP/cmp.py" <<'PY'
import json, os, subprocess, sys

def ip(ns, *args):
    cmd = ["ip"] + (["-n", ns] if ns != "host" else []) + ["-j"] + list(args)
    out = subprocess.run(cmd, check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out) if out.strip() else []

names = ["host"] + sorted(os.listdir("/run/netns")
                          if os.path.isdir("/run/netns") else [])
raw = {ns: ip(ns, "-d", "link", "show") for ns in names}

def peer_of(ns, l):
    """namespace:name of a veth's peer, by mutual ifindex"""
    if "link_index" not in l:
        return f"{ns}:{l['link']}" if l.get("link") else None
    if "link_netnsid" not in l:
        m = [x for x in raw[ns] if x["ifindex"] == l["link_index"]]
        return f"{ns}:{m[0]['ifname']}" if m else None
    f = [f"{o}:{x['ifname']}" for o in names if o != ns for x in raw[o]
         if x["ifindex"] == l["link_index"]
         and x.get("link_index") == l["ifindex"] and "link_netnsid" in x]
    return f[0] if len(f) == 1 else "?"

def dst(d, fam):
    if d == "default" or "/" in d:
        return d
    return d + ("/128" if fam == "inet6" else "/32")

def proto(p):
    return p if p in ("boot", "kernel", "static") else "other"

want = {}
for ns in names:
    links = {}
    for l in raw[ns]:
        kind = l.get("linkinfo", {}).get("info_kind", "")
        links[l["ifname"]] = dict(
            kind=kind, master=l.get("master"), up="UP" in l.get("flags", []),
            peer=peer_of(ns, l) if kind == "veth" else None)
    addrs = sorted((l["ifname"], a["family"], a["local"], a["prefixlen"],
                    a["scope"])
                   for l in ip(ns, "addr", "show")
                   for a in l.get("addr_info", []))
    routes = []
    for fam, flag in (("inet", "-4"), ("inet6", "-6")):
        for r in ip(ns, flag, "route", "show", "table", "all"):
            if r.get("table") == "local" or \
                    r.get("type", "unicast") != "unicast":
                continue
            routes.append((dst(r["dst"], fam), r.get("gateway"), r.get("dev"),
                           proto(r.get("protocol", "boot")),
                           r.get("table", "main"), r.get("metric", 0)))
    want[ns] = dict(links=links, addrs=addrs, routes=routes)

doc = json.load(open(sys.argv[1]))
bad = 0
order = [n["name"] for n in doc["namespaces"]]
if order != names:
    print(f"namespaces: got {order} want {names}")
    bad = 1
got = {}
for n in doc["namespaces"]:
    idx = [l["ifindex"] for l in n["links"]]
    if idx != sorted(idx):
        print(f"{n['name']}: links not sorted by ifindex: {idx}")
        bad = 1
    links = {l["name"]: dict(kind=l["kind"], master=l["master"], up=l["up"],
                             peer=f"{l['peer']['netns']}:{l['peer']['name']}"
                             if l["peer"] else None) for l in n["links"]}
    addrs = sorted((a["dev"], a["family"], a["local"], a["prefixlen"],
                    a["scope"]) for a in n["addresses"])
    routes = [(r["dst"], r["gateway"], r["dev"], proto(r["protocol"]),
               r["table"], r["metric"]) for r in n["routes"]]
    got[n["name"]] = dict(links=links, addrs=addrs, routes=routes)

def part(d, k):
    if k in ("routes", "llroutes"):
        ll = [r for r in d["routes"] if r[0].startswith("fe80:")]
        return sorted(ll if k == "llroutes" else
                      [r for r in d["routes"] if r not in ll], key=str)
    return d[k]

for ns in names:
    for k in sys.argv[2:]:
        g = part(got[ns], k) if ns in got else None
        w = part(want[ns], k)
        if g != w:
            bad = 1
            print(f"{ns} {k}:\n  got  {g}\n  want {w}")
sys.exit(bad)
PY

# settle: wait (up to 5 s) until every link that is up with a carrier
# has its IPv6 link-local address: the kernel adds it once linkwatch has
# announced the carrier, up to a second after the link came up
settle() {
	python3 - <<'PY'
import json, os, subprocess, time
def ready():
    names = [None] + (os.listdir("/run/netns") if os.path.isdir("/run/netns") else [])
    for ns in names:
        cmd = ["ip"] + (["-n", ns] if ns else []) + ["-j", "addr"]
        for l in json.loads(subprocess.run(cmd, capture_output=True, text=True).stdout or "[]"):
            f = l.get("flags", [])
            if "UP" in f and "LOWER_UP" in f and "LOOPBACK" not in f and \
                    "NO-CARRIER" not in f and \
                    not any(a["local"].startswith("fe80:") for a in l.get("addr_info", [])):
                return False
    return True
for _ in range(50):
    if ready():
        break
    time.sleep(0.1)
PY
}

# compare DESC PART…: `show -j` of a fresh nsh against iproute2
compare() {
	_d=$1; shift
	settle
	"$NSH" -c 'show -j' > "$TMP/show.json" 2>&1
	ok "$_d" python3 "$TMP/cmp.py" "$TMP/show.json" "$@"
}

# todo DESC CMD…: a known bug elsewhere (TAP TODO: reported, not fatal)
todo() {
	_d=$1; shift
	T_N=$((T_N + 1))
	if "$@" >"$TMP/out" 2>&1; then
		echo "ok $T_N - $_d # TODO"
	else
		echo "not ok $T_N - $_d # TODO"
		sed 's/^/# /' "$TMP/out"
	fi
}

# json DESC CMD…: CMD's output is one valid JSON document
json() {
	_d=$1; shift
	"$@" > "$TMP/j.out" 2>&1
	ok "$_d" python3 -m json.tool "$TMP/j.out"
}

# every DESC TEXT WORD…: TEXT contains each WORD
every() {
	_d=$1 _t=$2 _miss=
	shift 2
	for _w in "$@"; do
		printf '%s\n' "$_t" | grep -Fq -- "$_w" || _miss="$_miss $_w"
	done
	is "$_d" "${_miss# }" ""
}

# all the namespace and link names iproute2 sees
names() {
	echo host
	for n in $(ip netns list | awk '{print $1}'); do
		echo "$n"
		ip -n "$n" -o link | awk -F': ' '{sub(/@.*/, "", $2); print $2}'
	done
	ip -o link | awk -F': ' '{sub(/@.*/, "", $2); print $2}'
}

# ---------------------------------------------------------------- Method B
# seed 000, Method B, the tutorial's lines (iproute2), with both namespaces
# and ns1's default route (step 6)
seed000_b ns1

compare "show -j: links, kinds, masters, up flags, peers as iproute2" links
compare "show -j: addresses (IPv6 link-local too) as iproute2" addrs
compare "show -j: routes as iproute2" routes
settle
"$NSH" -c 'show -j' > "$TMP/show.json"
ok "show -j: IPv6 link-local routes, one per link" \
	python3 "$TMP/cmp.py" "$TMP/show.json" llroutes
json "show -j is valid JSON" "$NSH" -c 'show -j'
is "show -j: lo of the host as documented" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["namespaces"][0]
l = [l for l in d["links"] if l["name"] == "lo"][0]
print(d["name"], d["nsid"], sorted(l), l["mac"], l["kind"] == "", l["flags"])' "$TMP/show.json")" \
	"host None ['flags', 'ifindex', 'kind', 'lower_up', 'mac', 'master', 'mtu', 'name', 'operstate', 'peer', 'up'] 00:00:00:00:00:00 True ['LOOPBACK', 'UP', 'LOWER_UP']"
is "show -j: ns1's default route as documented" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["namespaces"][1]
print([r for r in d["routes"] if r["dst"] == "default"])' "$TMP/show.json")" \
	"[{'dst': 'default', 'gateway': '192.168.50.1', 'dev': 'veth-ns1', 'protocol': 'boot', 'table': 'main', 'metric': 0, 'prefsrc': None, 'onlink': False}]"
is "show -j: the host's address on br0 as documented" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["namespaces"][0]
print([a for a in d["addresses"] if a["dev"] == "br0" and a["family"] == "inet"])' "$TMP/show.json")" \
	"[{'dev': 'br0', 'family': 'inet', 'local': '192.168.50.1', 'prefixlen': 16, 'scope': 'global', 'flags': [], 'broadcast': None, 'label': 'br0'}]"

ok "show" "$NSH" -c show
out=$(cat "$TMP/out")
# shellcheck disable=SC2046
every "show names every namespace and link" "$out" $(names)
is "show: host first, then the namespaces by name" \
	"$(printf '%s\n' "$out" | grep -v '^[│├└ ]' | tr '\n' ' ')" "host ns1 ns2 "
like "show: the ports nested under their bridge, with their peers" "$out" \
	'^│  ├─ veth-br1 +veth +UP +↔ ns1:veth-ns1$'
like "show: addresses and peer on the namespace side" "$out" \
	'^(├|└)─ veth-ns1 +veth +UP +192\.168\.50\.2/16 +↔ host:veth-br1$'
like "show: ns1's default route" "$out" '^└─ route default via 192\.168\.50\.1 dev veth-ns1$'

ok "show topology" "$NSH" -c 'show topology'
out=$(cat "$TMP/out")
# shellcheck disable=SC2046
every "show topology names every namespace and link" "$out" $(names)
like "show topology: ns1's box" "$out" '^┌─ ns1 ─'
like "show topology: a cable ends at veth-ns1's row" "$out" \
	'│ veth-ns1 +↑ veth +192\.168\.50\.2/16 +├(─)+┘'
json "show topology -j is valid JSON" "$NSH" -c 'show topology -j'
is "show topology -j: the nodes and edges" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(sorted((n["type"], n["id"]) for n in d["nodes"]),
      [n["ports"] for n in d["nodes"] if n["type"] == "bridge"],
      sorted((e["type"], e["a"]["link"], e["b"]["link"], e["up"])
             for e in d["edges"]))' "$TMP/j.out")" \
	"[('bridge', 'host/br0'), ('netns', 'host'), ('netns', 'ns1'), ('netns', 'ns2')] [['veth-br1', 'veth-br2']] [('port', 'veth-br1', 'br0', True), ('port', 'veth-br2', 'br0', True), ('veth', 'veth-br1', 'veth-ns1', True), ('veth', 'veth-br2', 'veth-ns2', True)]"
"$NSH" -c 'show topology --dot' > "$TMP/t.dot"
ok "show topology --dot | dot -Tpng" dot -Tpng -o "$TMP/t.png" "$TMP/t.dot"
ok "the PNG is not empty" test -s "$TMP/t.png"
like "--dot: namespaces as clusters, quoted" "$(cat "$TMP/t.dot")" \
	'^	subgraph "cluster_ns1" \{$'
like "--dot: the veth pair as an edge, quoted" "$(cat "$TMP/t.dot")" \
	'^	"host/veth-br1" -- "ns1/veth-ns1" '

ok "show path ns1 ns2" "$NSH" -c 'show path ns1 ns2'
is "the five hops of seed 001's drawing" "$(cat "$TMP/out")" \
	"ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔ ns2:veth-ns2"
ok "show path ns2 ns1" "$NSH" -c 'show path ns2 ns1'
is "the other way round" "$(cat "$TMP/out")" \
	"ns2:veth-ns2 ↔ veth-br2 ↔ br0 ↔ veth-br1 ↔ ns1:veth-ns1"
ok "show path ns1 host" "$NSH" -c 'show path ns1 host'
is "ends at the bridge, the host's end" "$(cat "$TMP/out")" \
	"ns1:veth-ns1 ↔ veth-br1 ↔ host:br0"
json "show path -j is valid JSON" "$NSH" -c 'show path ns1 ns2 -j'
is "show path -j: complete, its hops" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["complete"], d["broken"], [h["netns"] + ":" + h["link"] for h in d["hops"]])' "$TMP/j.out")" \
	"True None ['ns1:veth-ns1', 'host:veth-br1', 'host:br0', 'host:veth-br2', 'ns2:veth-ns2']"
ok "show path ns1 192.168.50.3 (an address)" "$NSH" -c 'show path ns1 192.168.50.3'
is "the same hops, and whose address it is" "$(cat "$TMP/out")" \
	"ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔ ns2:veth-ns2
192.168.50.3 belongs to ns2 (veth-ns2)"

ip addr add 10.77.0.1/24 dev br0
ok "off-subnet, with a default route: show path ns1 10.77.0.1" \
	"$NSH" -c 'show path ns1 10.77.0.1'
is "through the gateway, and says so" "$(cat "$TMP/out")" \
	"ns1:veth-ns1 ↔ veth-br1 ↔ host:br0
ns1 has no connected route to 10.77.0.1: it uses default via 192.168.50.1 dev veth-ns1
10.77.0.1 is an address of host (on br0)"
ok "off-subnet, no default route: show path ns2 10.77.0.1 answers (exit 0)" \
	"$NSH" -c 'show path ns2 10.77.0.1'
is "and says why" "$(cat "$TMP/out")" "ns2 has no route to 10.77.0.1"
ok "an address nobody has, beyond the gateway: answers (exit 0)" \
	"$NSH" -c 'show path ns1 10.9.9.9'
like "the router has no route" "$(cat "$TMP/out")" '^host has no route to 10\.9\.9\.9$'
ok "an address nobody has, on the subnet: answers (exit 0)" \
	"$NSH" -c 'show path ns1 192.168.50.99'
like "nothing answers" "$(cat "$TMP/out")" '^no namespace has 192\.168\.50\.99: '

nok "show path nsX ns2: no such namespace" "$NSH" -c 'show path nsX ns2'
is "one error line" "$(cat "$TMP/err")" "show path: 'nsX': no such namespace"
is "and nothing on stdout" "$(cat "$TMP/out")" ""
nok "show path ns1 nsY: no such target" "$NSH" -c 'show path ns1 nsY'
is "one error line" "$(cat "$TMP/err")" "show path: 'nsY': no such namespace"
nok "show path ns1 10.0.0.0/24: a prefix is not a target" \
	"$NSH" -c 'show path ns1 10.0.0.0/24'
is "one error line" "$(wc -l < "$TMP/err")" 1

ip link set veth-br2 down
ok "after 'ip link set veth-br2 down', show path ns1 ns2 exits 0 (a view)" \
	"$NSH" -c 'show path ns1 ns2'
is "the hops, then the break" "$(cat "$TMP/out")" \
	"ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔ ns2:veth-ns2
broken at veth-br2 (host): admin down"
"$NSH" -c 'show path ns1 ns2 -j' > "$TMP/j.out"
is "show path -j: where and why" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(d["complete"], d["broken"])' "$TMP/j.out")" \
	"False {'at': {'netns': 'host', 'link': 'veth-br2'}, 'reason': 'admin down'}"
out=$("$NSH" -c show)
like "show marks veth-br2 down" "$out" '^│  └─ veth-br2 +veth +DOWN +↔ ns2:veth-ns2$'
like "and veth-ns2 without carrier" "$out" '^└─ veth-ns2 +veth +NO-CARRIER '
like "show topology draws that cable dashed" "$("$NSH" -c 'show topology')" \
	'veth-br2 +↓ veth +├╌'
compare "show -j still as iproute2" links addrs routes

# the same, in one session: the model follows the kernel's events
cat > "$TMP/session.nsh" <<'NSH'
show path ns1 ns2
ip link set veth-br2 up
show path ns1 ns2
ip link set veth-br1 nomaster
show path ns1 ns2
show -j
ip link set veth-br1 master br0
show path ns1 ns2
show -j
NSH
"$NSH" -k -f "$TMP/session.nsh" > "$TMP/session.out" 2>&1
is "in one session: broken, mended, cut, mended again" \
	"$(grep -v '^{' "$TMP/session.out")" \
	"ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔ ns2:veth-ns2
broken at veth-br2 (host): admin down
ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔ ns2:veth-ns2
ns1 and ns2 share no bridge or cable
ns1:veth-ns1 ↔ veth-br1 ↔ br0 ↔ veth-br2 ↔ ns2:veth-ns2"
grep '^{' "$TMP/session.out" | tail -1 > "$TMP/session.json"
ok "in one session, the links as iproute2 (kinds and peers through bridge-port events)" \
	python3 "$TMP/cmp.py" "$TMP/session.json" links routes
grep '^{' "$TMP/session.out" | head -1 > "$TMP/session1.json"
ok "in one session, veth-br1 keeps its link-local address when it leaves br0" \
	python3 -c '
import json, subprocess, sys
d = json.load(open(sys.argv[1]))["namespaces"][0]["addresses"]
got = sorted(a["local"] for a in d if a["dev"] == "veth-br1")
k = json.loads(subprocess.run(["ip", "-j", "addr", "show", "dev", "veth-br1"],
                              capture_output=True, text=True).stdout)
want = sorted(a["local"] for a in k[0]["addr_info"])
print("got", got, "want", want)
sys.exit(got != want)' "$TMP/session1.json"
# a third namespace behind the host, reached by routing only
ip netns add ns3
ip link add veth-h3 type veth peer name veth-3 netns ns3
ip addr add 10.9.0.1/24 dev veth-h3
ip link set veth-h3 up
ip -n ns3 addr add 10.9.0.2/24 dev veth-3
ip -n ns3 link set veth-3 up
ip -n ns3 route add default via 10.9.0.1
ok "show path ns1 ns3: no cable between them, but routes" \
	"$NSH" -c 'show path ns1 ns3'
is "through the host, which must forward" "$(cat "$TMP/out")" \
	"ns1:veth-ns1 ↔ veth-br1 ↔ br0 ⇒ veth-h3 ↔ ns3:veth-3
ns1 and ns3 share no bridge or cable: routed to 10.9.0.2
ns1 has no connected route to 10.9.0.2: it uses default via 192.168.50.1 dev veth-ns1
host routes it on: it needs forwarding (sysctl net.ipv4.ip_forward=1)
10.9.0.2 belongs to ns3 (veth-3)"
ok "show path ns2 ns3: no cable, no route (exit 0)" "$NSH" -c 'show path ns2 ns3'
is "says so" "$(cat "$TMP/out")" "ns2 and ns3 share no bridge or cable"
clean

# ---------------------------------------------------------------- Method A
# seed 000, Method A, built by nsh from the tutorial's lines
cat > "$TMP/a.nsh" <<'NSH'
sudo ip netns add ns1
sudo ip netns add ns2
sudo ip link add veth1 type veth peer name veth2
sudo ip link set veth1 netns ns1
sudo ip link set veth2 netns ns2
sudo ip netns exec ns1 ip addr add 10.200.10.1/16 dev veth1
sudo ip netns exec ns2 ip addr add 10.200.10.2/16 dev veth2
sudo ip netns exec ns1 ip link set veth1 up
sudo ip netns exec ns2 ip link set veth2 up
sudo ip netns exec ns1 ip link set lo up
sudo ip netns exec ns2 ip link set lo up
show path ns1 ns2
show path ns2 10.200.10.1
NSH
ok "nsh builds Method A, then shows the paths" "$NSH" -f "$TMP/a.nsh"
is "a direct veth, both ways" "$(cat "$TMP/out")" "ns1:veth1 ↔ ns2:veth2
ns2:veth2 ↔ ns1:veth1
10.200.10.1 belongs to ns1 (veth1)"
compare "show -j as iproute2 after nsh built it" links addrs routes llroutes
ok "show topology" "$NSH" -c 'show topology'
# shellcheck disable=SC2046
every "show topology names every namespace and link" "$(cat "$TMP/out")" $(names)
"$NSH" -c 'show topology --dot' > "$TMP/a.dot"
is "show topology --dot: status 0" "$?" 0
# shellcheck disable=SC2046
every "… the graph names every namespace and link" "$(cat "$TMP/a.dot")" $(names)
ok "--dot renders" dot -Tpng -o "$TMP/a.png" "$TMP/a.dot"
ok "… to a PNG that is not empty" test -s "$TMP/a.png"
json "show path -j is valid JSON" "$NSH" -c 'show path ns2 ns1 -j'
ip -n ns2 link set veth2 down
ok "veth2 down: show path answers (exit 0)" "$NSH" -c 'show path ns1 ns2'
is "and names veth2" "$(sed -n 2p "$TMP/out")" "broken at veth2 (ns2): admin down"
clean

# ---------------------------------------------------------------- 10 on a bridge
{
	echo "ip link add br0 type bridge"
	echo "ip link set br0 up"
	for i in 1 2 3 4 5 6 7 8 9 10; do
		echo "ip netns add n$i"
		echo "ip link add v$i type veth peer name b$i"
		echo "ip link set v$i netns n$i"
		echo "ip link set b$i master br0"
		echo "ip link set b$i up"
		echo "ip -n n$i addr add 10.0.0.$i/24 dev v$i"
		echo "ip -n n$i link set v$i up"
	done
} > "$TMP/ten.nsh"
ok "nsh builds ten namespaces on one bridge" "$NSH" -f "$TMP/ten.nsh"
compare "show -j as iproute2" links addrs routes
ok "show topology" "$NSH" -c 'show topology'
out=$(cat "$TMP/out")
# shellcheck disable=SC2046
every "show topology names every namespace and link" "$out" $(names)
is "compact: no line wider than 100 columns" "$(printf '%s\n' "$out" |
	python3 -c 'import sys; print(max(len(l.rstrip("\n")) for l in sys.stdin) <= 100)')" True
is "compact: no more than 4 rows per namespace" \
	"$(printf '%s\n' "$out" | wc -l | awk '{print ($1 <= 4 * 11 + 2) ? "yes" : $1}')" yes
ok "show path n3 n7" "$NSH" -c 'show path n3 n7'
is "through the bridge" "$(cat "$TMP/out")" "n3:v3 ↔ b3 ↔ br0 ↔ b7 ↔ n7:v7"
json "show topology -j is valid JSON" "$NSH" -c 'show topology -j'
"$NSH" -c 'show topology --dot' > "$TMP/ten.dot"
is "show topology --dot: status 0" "$?" 0
like "… the graph has the ten namespaces" "$(grep -c 'n[0-9]' "$TMP/ten.dot")" '^[1-9][0-9]+$'
ok "--dot renders" dot -Tpng -o "$TMP/ten.png" "$TMP/ten.dot"
ok "… to a PNG that is not empty" test -s "$TMP/ten.png"
clean

# ---------------------------------------------------------------- watch
# start_watch ARGS: `nsh -c 'watch ARGS'` in the background, ready
start_watch() {
	rm -f "$TMP/w.out" "$TMP/w.err"
	"$NSH" -c "watch $1" > "$TMP/w.out" 2> "$TMP/w.err" &
	wpid=$!
	i=0
	while [ ! -s "$TMP/w.err" ] && [ $i -lt 200 ]; do
		sleep 0.02
		i=$((i + 1))
	done
}

# stop_watch SIG: stop it, its exit status in $wrc
stop_watch() {
	sleep 0.3
	kill "-$1" "$wpid"
	wait "$wpid"
	wrc=$?
}

ip link add br0 type bridge
ip netns add wns
start_watch ""
like "watch says it is watching" "$(cat "$TMP/w.err")" '^watching 2 namespaces'
ip link add wv1 type veth peer name wv2
ip link set wv1 up
ip addr add 10.200.0.1/24 dev wv1
ip link set wv2 master br0
ip link set wv2 nomaster
ip link set wv1 down
ip link set wv1 name wv9
ip link set wv9 netns wns
ip -n wns link set wv9 up
ip -n wns addr add 10.200.0.9/24 dev wv9
ip -n wns route add default via 10.200.0.1
ip -n wns link set wv9 down
ip link del wv2
ip netns add ns3
sleep 0.2
ip netns del ns3
stop_watch INT
is "watch: Ctrl-C ends it, status 0" "$wrc" 0
w=$(cat "$TMP/w.out")
sed 's/^/# watch: /' "$TMP/w.out"
like "a veth added" "$w" '^host: link wv1 added \(veth ↔ host:wv2\)$'
like "set up" "$w" '^host: wv1 is up'
like "an address added" "$w" '^host: 10\.200\.0\.1/24 added on wv1$'
like "joined a bridge" "$w" '^host: wv2 joined br0$'
like "left it" "$w" '^host: wv2 left br0$'
like "renamed" "$w" '^host: wv1 renamed wv9$'
like "moved into a namespace" "$w" '^host: wv9 moved to wns$'
like "up over there" "$w" '^wns: wv9 is up'
like "an address over there" "$w" '^wns: 10\.200\.0\.9/24 added on wv9$'
like "a route over there" "$w" '^wns: route default via 10\.200\.0\.1 added$'
like "down over there" "$w" '^wns: wv9 is down$'
like "deleted here" "$w" '^host: link wv2 deleted$'
like "and its peer there" "$w" '^wns: link wv9 deleted$'
like "a namespace added" "$w" '^\+ namespace ns3$'
like "and deleted" "$w" '^- namespace ns3$'
like "set down" "$w" '^host: wv1 is down$'
is "moving is not deleting" \
	"$(printf '%s\n' "$w" | grep -c '^host: link wv[19] deleted$')" 0
is "leaving a bridge is neither deleting nor adding" \
	"$(printf '%s\n' "$w" | grep -c '^host: link wv2 added') $(printf '%s\n' "$w" | grep -c '^host: link wv2 deleted')" "1 1"

start_watch -j
ip link add jv1 type veth peer name jv2
ip link set jv1 up
ip addr add 10.201.0.1/24 dev jv1
ip link del jv1
stop_watch TERM
is "watch -j: SIGTERM ends it too, status 0" "$wrc" 0
ok "watch -j: every line is a JSON object" python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    assert isinstance(d, dict) and "event" in d and "netns" in d, line' "$TMP/w.out"
is "watch -j: the events" "$(python3 -c '
import json, sys
for line in open(sys.argv[1]):
    d = json.loads(line)
    if d["event"] in ("link-add", "link-up", "addr-add", "link-del") and \
            d.get("link") == "jv1":
        print(d["event"], d["netns"], d.get("address", ""))' "$TMP/w.out")" \
	"link-add host 
link-up host 
addr-add host 10.201.0.1/24
link-del host "

nok "watch with a stray word" "$NSH" -c 'watch foo'
done_testing
