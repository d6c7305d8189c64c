#!/bin/sh
# Model fidelity: one long-running `nsh -i` (driven through a FIFO) while
# iproute2, in other processes, adds, renames, moves and deletes links,
# namespaces and addresses.  Whatever changed must be in nsh's model the
# next time it is asked (`complete`, and `show -j` once that exists), and
# must be processed without any input reaching nsh (within 100 ms); after
# 1000 random changes the model must equal the kernel read by iproute2.
# nsh must hold no fd in any namespace but the host's, and no more fds with
# 200 namespaces than with one.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

trap '' PIPE	# a dead nsh -i must fail the tests, not kill the script
PROBE="$TMP/probe.py"
cat >"$PROBE" <<'PY'
"""Helpers of t-model.sh: kernel oracle (iproute2, /proc) and probes."""
import json, os, random, re, subprocess, sys, time

def ip(ns, *args):
    cmd = ["ip"] + (["-n", ns] if ns != "host" else []) + ["-j"] + list(args)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        return None                     # no such namespace
    return json.loads(r.stdout) if r.stdout.strip() else []

def named():
    try:
        return sorted(os.listdir("/run/netns"))
    except FileNotFoundError:
        return []

def netlink():
    rows = {}
    with open("/proc/net/netlink") as f:
        next(f)
        for line in f:
            v = line.split()
            rows[int(v[9])] = {"proto": int(v[1]), "groups": int(v[3], 16),
                               "rmem": int(v[4]), "drops": int(v[8])}
    return rows

def fds(pid):
    out = {}
    for fd in os.listdir(f"/proc/{pid}/fd"):
        try:
            out[int(fd)] = os.readlink(f"/proc/{pid}/fd/{fd}")
        except OSError:
            pass
    return out

def evsock(pid):
    """the inode of nsh's event socket: its rtnetlink socket with groups"""
    rows = netlink()
    c = [int(m.group(1)) for t in fds(pid).values()
         for m in [re.match(r"socket:\[(\d+)\]$", t)] if m]
    c = [i for i in c if i in rows and rows[i]["proto"] == 0
         and rows[i]["groups"]]
    return c[0] if len(c) == 1 else None

def vcs(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("voluntary_ctxt_switches"):
                return int(line.split()[1])

def nsids():
    out = subprocess.run(["ip", "netns", "list-id"], capture_output=True,
                         text=True).stdout
    return set(re.findall(r"^nsid (\d+)", out, re.M))

def ms(t0):
    return "%.1f" % ((time.monotonic() - t0) * 1000)

def lat(pid, cmd):
    """run CMD; then wait until nsh has woken up and emptied its event
    socket (nothing is written to nsh): milliseconds after CMD returned"""
    ino = evsock(pid)
    if ino is None:
        return "no-event-socket"
    v0 = vcs(pid)
    subprocess.run(cmd, check=True)
    t0 = time.monotonic()
    while time.monotonic() - t0 < 2:
        if netlink()[ino]["rmem"] == 0 and vcs(pid) > v0:
            return ms(t0)
        time.sleep(0.0005)
    return "timeout"

def nslat(cmd):
    """run CMD (a new namespace); wait until nsh gave it an nsid, which it
    does when it adds a namespace to the model (iproute2 does not)"""
    before = nsids()
    subprocess.run(cmd, check=True)
    t0 = time.monotonic()
    while time.monotonic() - t0 < 3:
        if nsids() - before:
            return ms(t0)
        time.sleep(0.001)
    return "timeout"

def heldlat():
    """a namespace held by a process only (unshare --net, same mount
    namespace): time until nsh gave it an nsid; prints 'LATENCY PID'"""
    before = nsids()
    p = subprocess.Popen(["unshare", "--net", "sleep", "60"],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    t0 = time.monotonic()
    while time.monotonic() - t0 < 3:
        if nsids() - before:
            return "%s %d" % (ms(t0), p.pid)
        time.sleep(0.001)
    return "timeout %d" % p.pid

def savefds(pid):
    return json.dumps(fds(pid))

def inherited(path):
    with open(path) as f:
        return {int(k): v for k, v in json.load(f).items()}

def fdcheck(pid, saved):
    """nsh's fds that are neither std fds, inherited (SAVED: the fds of
    the shell that started it), the host's namespace, its netlink sockets
    nor mountinfo"""
    host = os.stat("/proc/self/ns/net").st_ino
    rows = netlink()
    mine = inherited(saved)
    bad = []
    for fd, t in sorted(fds(pid).items()):
        m = re.match(r"socket:\[(\d+)\]$", t)
        n = re.match(r"net:\[(\d+)\]$", t)
        if fd <= 2 or mine.get(fd) == t:
            continue
        if n and int(n.group(1)) == host:
            continue
        if m and int(m.group(1)) in rows:
            continue
        if t.endswith("/mountinfo") and t.startswith("/proc/"):
            continue
        bad.append(f"fd {fd} -> {t}")
    return "\n".join(bad)

def ncount(pid, saved):
    mine = inherited(saved)
    return str(sum(1 for fd, t in fds(pid).items() if mine.get(fd) != t))

# ------------------------------------------------------------- the kernel
def peer_of(raw, ns, l):
    if "link_index" not in l:
        return f"{ns}:{l['link']}" if "link" in l else None
    if "link_netnsid" not in l:
        for o in raw[ns]:
            if o["ifindex"] == l["link_index"]:
                return f"{ns}:{o['ifname']}"
        return None
    # the namespace the nsid designates, as NS itself sees it (exact)
    where = listid(ns).get(l["link_netnsid"])
    for x in raw.get(where, []):
        if x["ifindex"] == l["link_index"]:
            return f"{where}:{x['ifname']}"
    return "?"

_listid = {}
def listid(ns):
    """nsid -> namespace name, in NS's own view (ip -n NS netns list-id)"""
    if ns not in _listid:
        cmd = ["ip"] + (["-n", ns] if ns != "host" else []) + \
              ["-j", "netns", "list-id"]
        out = subprocess.run(cmd, capture_output=True, text=True).stdout
        _listid[ns] = {e["nsid"]: e.get("name", "host")
                       for e in (json.loads(out) if out.strip() else [])}
    return _listid[ns]

def kernel():
    raw = {}
    for ns in ["host"] + named():
        r = ip(ns, "-d", "link", "show")
        if r is not None:
            raw[ns] = r
    out = {}
    for ns, links in raw.items():
        ls = {}
        for l in links:
            kind = l.get("linkinfo", {}).get("info_kind")
            flags = l.get("flags", [])
            ls[l["ifname"]] = {
                "kind": kind, "up": "UP" in flags,
                "lower_up": "LOWER_UP" in flags,
                "operstate": l.get("operstate"), "mtu": l.get("mtu"),
                "mac": (l.get("address") or "").lower()
                if l.get("link_type") == "ether" else None,
                "master": l.get("master"),
                "peer": peer_of(raw, ns, l) if kind == "veth" else None}
        addrs = set()
        for l in ip(ns, "addr", "show") or []:
            for a in l.get("addr_info", []):
                addrs.add((l["ifname"], a["family"], a["local"],
                           a["prefixlen"]))
        routes = set()
        for fam in ("-4", "-6"):
            for r in ip(ns, fam, "route", "show", "table", "all") or []:
                if r.get("table") == "local":
                    continue
                routes.add((dst(r.get("dst")), r.get("dev")))
        out[ns] = {"links": ls, "addrs": addrs, "routes": routes}
    return out

def dst(d):
    if d in (None, "default", "0.0.0.0/0", "::/0"):
        return "default"
    return re.sub(r"/(32|128)$", "", str(d))

def tentative():
    """link-local addresses still in IPv6 duplicate address detection
    (on a link with carrier, where DAD runs): the kernel lists them but
    announces them only when DAD is over, a second or two later"""
    return sum(1 for ns in ["host"] + named() for l in ip(ns, "addr") or []
               if "LOWER_UP" in l.get("flags", [])
               for a in l.get("addr_info", []) if a.get("tentative"))

def snapshot():
    k = kernel()
    return json.dumps({ns: {"links": v["links"],
                            "addrs": sorted(v["addrs"])}
                       for ns, v in k.items()}, sort_keys=True)

def settle():
    """wait until the kernel is still (linkwatch, IPv6 DAD, the async end
    of deleted namespaces): two equal snapshots a second apart, and no
    address in DAD"""
    t0 = time.monotonic()
    a = snapshot()
    while time.monotonic() - t0 < 15:
        time.sleep(1)
        b = snapshot()
        if a == b and not tentative():
            return ms(t0)
        a = b
    return "unsettled"

def knames():
    """NS: link names, per namespace (host and /run/netns)"""
    return "\n".join(f"{ns}: " + " ".join(sorted(v["links"]))
                     for ns, v in sorted(kernel().items()))

# ------------------------------------------------------------- show -j
FAM = {"inet": "inet", "ipv4": "inet", "4": "inet", "2": "inet",
       "inet6": "inet6", "ipv6": "inet6", "6": "inet6", "10": "inet6"}
OPER = ["UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING",
        "DORMANT", "UP"]

def cmpshow(path, what):
    """differences between `show -j` (PATH) and the kernel, for WHAT:
    namespaces, links, up, addresses, details, routes"""
    try:
        with open(path) as f:
            doc = json.load(f)
        spaces = {ns["name"]: ns for ns in doc["namespaces"]}
    except Exception as e:
        return f"show -j: not the documented JSON: {e!r}"
    k = kernel()
    diff = []
    if what == "namespaces":
        if sorted(spaces) != sorted(k):
            diff.append(f"nsh {sorted(spaces)} kernel {sorted(k)}")
        return "\n".join(diff)
    for ns in sorted(k):
        if ns not in spaces:
            diff.append(f"{ns}: missing in show -j")
            continue
        s = spaces[ns]
        links = {l["name"]: l for l in s.get("links", [])}
        byidx = {l.get("ifindex"): l["name"] for l in s.get("links", [])}
        kl = k[ns]["links"]
        if what == "links":
            if sorted(links) != sorted(kl):
                diff.append(f"{ns}: nsh {sorted(links)} kernel {sorted(kl)}")
            continue
        if what == "addresses":
            got = set()
            for a in s.get("addresses", []):
                got.add((a.get("dev"), FAM.get(str(a.get("family")).lower(),
                                               a.get("family")),
                         a.get("local"), a.get("prefixlen")))
            for a in sorted(got - k[ns]["addrs"], key=str):
                diff.append(f"{ns}: only in nsh: {a}")
            for a in sorted(k[ns]["addrs"] - got, key=str):
                diff.append(f"{ns}: only in the kernel: {a}")
            continue
        if what == "routes":
            rs = s.get("routes", [])
            if rs and not all("dst" in r and "dev" in r for r in rs):
                return "SKIP routes have no dst/dev keys"
            got = {(dst(r["dst"]), r["dev"]) for r in rs}
            for r in sorted(got - k[ns]["routes"], key=str):
                diff.append(f"{ns}: route only in nsh: {r}")
            for r in sorted(k[ns]["routes"] - got, key=str):
                diff.append(f"{ns}: route only in the kernel: {r}")
            continue
        for name in sorted(set(links) & set(kl)):
            a, b = links[name], kl[name]
            if what == "up":
                if bool(a.get("up")) != b["up"]:
                    diff.append(f"{ns} {name}: up nsh {a.get('up')} "
                                f"kernel {b['up']}")
                continue
            got = dict(a)
            got["operstate"] = (OPER[a["operstate"]]
                                if isinstance(a.get("operstate"), int)
                                and a["operstate"] < len(OPER)
                                else str(a.get("operstate")).upper())
            if isinstance(a.get("master"), int):
                got["master"] = byidx.get(a["master"])
            got["master"] = got.get("master") or None
            p = a.get("peer")
            got["peer"] = f"{p.get('netns')}:{p.get('name')}" if p else None
            got["mac"] = (a.get("mac") or "").lower() or None
            got["kind"] = a.get("kind") or None
            for key in ("lower_up", "operstate", "mtu", "master", "peer",
                        "mac", "kind"):
                want = b[key]
                if key == "kind" and want is None:
                    continue        # lo, physical: any word
                if key == "mac" and want is None:
                    continue
                if key == "lower_up":
                    got[key] = bool(got.get(key))
                if got.get(key) != want:
                    diff.append(f"{ns} {name}: {key} nsh {got.get(key)!r} "
                                f"kernel {want!r}")
    return "\n".join(diff)

# ------------------------------------------------------------- changes
def gen(seed, n, hostpid):
    """N random iproute2 commands (one per line) over the host and five
    namespaces m0..m4; a rough model of the state keeps most valid"""
    rnd = random.Random(seed)
    NS = ["m%d" % i for i in range(5)]
    links = {"host": {}}     # ns -> name -> {"up", "peer": (ns, name), "addrs"}
    counter = [0]
    out = []

    def fresh():
        counter[0] += 1
        return "q%d" % counter[0]
    def pre(ns):
        return "ip" if ns == "host" else "ip -n %s" % ns
    def target(ns):
        return str(hostpid) if ns == "host" else ns
    def drop(ns, name):
        info = links.get(ns, {}).pop(name, None)
        if info and info["peer"]:
            links.get(info["peer"][0], {}).pop(info["peer"][1], None)
    def pick(lo=False):
        c = [(ns, l) for ns in sorted(links) for l in sorted(links[ns])
             if lo or l != "lo"]
        return rnd.choice(c) if c else (None, None)

    while len(out) < n:
        spaces = sorted(links)
        op = rnd.choices(["nsadd", "nsdel", "vadd", "ldel", "rename", "move",
                          "updown", "addradd", "addrdel"],
                         [5, 1.5, 20, 4, 10, 8, 20, 20, 5])[0]
        if op == "nsadd":
            c = [x for x in NS if x not in links]
            if not c:
                continue
            x = rnd.choice(c)
            links[x] = {"lo": {"up": False, "peer": None, "addrs": set()}}
            out.append("ip netns add %s" % x)
        elif op == "nsdel":
            c = [x for x in NS if x in links]
            if not c:
                continue
            x = rnd.choice(c)
            for name in list(links[x]):
                drop(x, name)
            del links[x]
            out.append("ip netns del %s" % x)
        elif op == "vadd":
            ns = rnd.choice(spaces)
            ns2 = ns if rnd.random() < 0.5 else rnd.choice(spaces)
            a, b = fresh(), fresh()
            cmd = "%s link add %s type veth peer name %s" % (pre(ns), a, b)
            if ns2 != ns:
                cmd += " netns %s" % target(ns2)
            links[ns][a] = {"up": False, "peer": (ns2, b), "addrs": set()}
            links[ns2][b] = {"up": False, "peer": (ns, a), "addrs": set()}
            out.append(cmd)
        elif op == "ldel":
            ns, l = pick()
            if not ns:
                continue
            drop(ns, l)
            out.append("%s link del %s" % (pre(ns), l))
        elif op == "rename":
            ns, l = pick()
            if not ns:
                continue
            new = fresh()
            info = links[ns].pop(l)
            links[ns][new] = info
            if info["peer"]:
                links[info["peer"][0]][info["peer"][1]]["peer"] = (ns, new)
            out.append("%s link set %s name %s" % (pre(ns), l, new))
        elif op == "move":
            ns, l = pick()
            c = [x for x in spaces if x != ns]
            if not ns or not c:
                continue
            to = rnd.choice(c)
            info = links[ns].pop(l)
            info["up"], info["addrs"] = False, set()
            links[to][l] = info
            if info["peer"]:
                links[info["peer"][0]][info["peer"][1]]["peer"] = (to, l)
            out.append("%s link set %s netns %s" % (pre(ns), l, target(to)))
        elif op == "updown":
            ns, l = pick(lo=True)
            if not ns:
                continue
            up = rnd.random() < 0.7
            links[ns][l]["up"] = up
            out.append("%s link set %s %s" % (pre(ns), l,
                                              "up" if up else "down"))
        elif op == "addradd":
            ns, l = pick(lo=rnd.random() < 0.1)
            if not ns:
                continue
            counter[0] += 1
            c = counter[0]
            if rnd.random() < 0.6:
                a = "10.%d.%d.1/24" % (c // 250, c % 250)
            else:
                a = "fd00:%x::1/64" % c
            links[ns][l]["addrs"].add(a)
            out.append("%s addr add %s dev %s" % (pre(ns), a, l))
        elif op == "addrdel":
            c = [(ns, l, a) for ns in sorted(links)
                 for l in sorted(links[ns]) for a in sorted(links[ns][l]["addrs"])]
            if not c:
                continue
            ns, l, a = rnd.choice(c)
            links[ns][l]["addrs"].discard(a)
            out.append("%s addr del %s dev %s" % (pre(ns), a, l))
    return "\n".join(out)

if __name__ == "__main__":
    f, args = sys.argv[1], sys.argv[2:]
    if f == "lat":
        print(lat(int(args[0]), args[1:]))
    elif f == "nslat":
        print(nslat(args))
    elif f == "gen":
        print(gen(int(args[0]), int(args[1]), int(args[2])))
    else:
        r = globals()[f](*args)
        if r:
            print(r)
PY
probe() { python3 "$PROBE" "$@"; }

# show -j and watch exist: a failure to run them is a failure, not a skip
SHOWJ=1
ok "nsh -c 'show -j' runs" "$NSH" -c 'show -j'
NOSHOW="show -j failed"
WATCH=1
NOWATCH="watch failed"

# ---------------------------------------------------------------- nsh -i
probe savefds $$ >"$TMP/fds0"	# what nsh inherits
nsh_i_start
# links NS: the link names nsh's model offers in NS ("host": the host)
links() {
	if [ "$1" = host ]; then _l="ip link set ''"; else _l="ip -n $1 link set ''"; fi
	ask "complete $_l" | cut -f1 | grep -Ev '^([A-Z]+|dev)$' |
		LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}
# known NS: "links" if the model has links in NS, "none" if nsh answered
# with none, "no answer" if it did not answer
known() {
	if [ "$1" = host ]; then _l="ip link set ''"; else _l="ip -n $1 link set ''"; fi
	ask "complete $_l" >"$TMP/known"
	if grep -Evq '^(DEV|dev)	' "$TMP/known"; then echo links
	elif grep -q '^DEV	' "$TMP/known"; then echo none
	else echo "no answer"; fi
}
# klinks NS: the same, from the kernel (iproute2)
klinks() {
	if [ "$1" = host ]; then ip -j link; else ip -n "$1" -j link 2>/dev/null || echo '[]'; fi |
		python3 -c 'import json,sys; print(" ".join(sorted(l["ifname"] for l in json.load(sys.stdin))))'
}
# showj PYEXPR: evaluate PYEXPR on nsh's `show -j` (as d, with
# ns(NAME) -> namespace, link(NS, NAME) -> link); prints the result
showj() {
	ask 'show -j' >"$TMP/show.json"
	python3 - "$TMP/show.json" "$1" <<'PY'
import json, sys
try:
    d = json.load(open(sys.argv[1]))
except Exception as e:
    print("invalid JSON: %r" % e); sys.exit()
def ns(n):
    return next((x for x in d["namespaces"] if x["name"] == n), None)
def link(n, l):
    return next((x for x in (ns(n) or {}).get("links", []) if x["name"] == l), None)
print(eval(sys.argv[2]))
PY
}
# jlinks DESC NS WANT: show -j's link names in NS are WANT (skip without it)
jlinks() {
	if [ $SHOWJ = 1 ]; then
		is "$1" "$(showj "' '.join(sorted(l['name'] for l in (ns('$2') or {}).get('links', [])))")" "$3"
	else
		skip "$1: $NOSHOW"
	fi
}
# jns DESC NS WANT: show -j lists namespace NS (True) or not (False)
jns() {
	if [ $SHOWJ = 1 ]; then
		is "$1" "$(showj "ns('$2') is not None")" "$3"
	else
		skip "$1: $NOSHOW"
	fi
}
# Without input, nsh's work shows outside: `probe lat` runs an iproute2
# command, then reads /proc/net/netlink until nsh's event socket is empty
# again after nsh woke up (its voluntary context switches grew): the
# events were read, and applied (drain() does both).  `probe nslat` waits
# for the nsid nsh gives a namespace it adds to the model.  Both measure
# from the moment the iproute2 command returned.
LATS=""
# latency DESC RESULT: RESULT (ms) must be a number below 100
latency() {
	LATS="$LATS
#   $1: $2 ms"
	if [ "$2" = "${2#[0-9]}" ]; then
		_tap 1 "$1: processed without input within 100 ms"
		echo "#   got: $2"
	elif awk "BEGIN { exit !($2 < 100) }"; then
		_tap 0 "$1: processed without input within 100 ms ($2 ms)"
	else
		_tap 1 "$1: processed without input within 100 ms ($2 ms)"
	fi
}

is "nsh -i sees the host's lo" "$(links host)" "lo"
like "nsh -i has one netlink socket with event groups" \
	"$(probe evsock "$NSHPID")" '^[0-9]+$'

# ------------------------------------------------ one change at a time
latency "link pair added" "$(probe lat "$NSHPID" ip link add m-a type veth peer name m-b)"
is "… the model has both ends" "$(links host)" "lo m-a m-b"
jlinks "… show -j has both ends" host "lo m-a m-b"
latency "link renamed" "$(probe lat "$NSHPID" ip link set m-a name m-c)"
is "… the model has the new name" "$(links host)" "lo m-b m-c"
jlinks "… show -j has the new name" host "lo m-b m-c"
latency "namespace added" "$(probe nslat ip netns add mn1)"
is "… the model has it, with its lo" "$(links mn1)" "lo"
jns "… show -j lists it" mn1 True
jlinks "… with its lo" mn1 "lo"
latency "link moved to the namespace" "$(probe lat "$NSHPID" ip link set m-c netns mn1)"
is "… the model has it there" "$(links mn1)" "lo m-c"
is "… and no longer in the host" "$(links host)" "lo m-b"
jlinks "… show -j has it there" mn1 "lo m-c"
jlinks "… and no longer in the host" host "lo m-b"
latency "link renamed inside the namespace" \
	"$(probe lat "$NSHPID" ip -n mn1 link set m-c name m-d)"
is "… the model has the new name there" "$(links mn1)" "lo m-d"
jlinks "… show -j has the new name there" mn1 "lo m-d"
latency "address added in the namespace" \
	"$(probe lat "$NSHPID" ip -n mn1 addr add 10.9.0.1/24 dev m-d)"
latency "link set up in the namespace" \
	"$(probe lat "$NSHPID" ip -n mn1 link set m-d up)"
if [ $SHOWJ = 1 ]; then
	is "… show -j has the address" \
		"$(showj '[(a["dev"], a["local"], a["prefixlen"]) for a in ns("mn1")["addresses"] if a["local"] == "10.9.0.1"]')" \
		"[('m-d', '10.9.0.1', 24)]"
	is "… show -j has it up" "$(showj 'link("mn1", "m-d")["up"]')" "True"
	is "… show -j has its peer in the host" \
		"$(showj 'link("mn1", "m-d")["peer"]')" \
		"{'netns': 'host', 'name': 'm-b'}"
else
	skip "show -j has the address: $NOSHOW"
	skip "show -j has it up: $NOSHOW"
	skip "show -j has its peer in the host: $NOSHOW"
fi
latency "address deleted" \
	"$(probe lat "$NSHPID" ip -n mn1 addr del 10.9.0.1/24 dev m-d)"
latency "link deleted in the namespace" \
	"$(probe lat "$NSHPID" ip -n mn1 link del m-d)"
is "… the model lost it" "$(links mn1)" "lo"
is "… and its peer in the host" "$(links host)" "lo"
jlinks "… show -j lost both" mn1 "lo"
jlinks "… (the host)" host "lo"
if [ $SHOWJ = 1 ]; then
	is "… show -j lost the address" \
		"$(showj '[a["local"] for a in ns("mn1")["addresses"] if a["local"] == "10.9.0.1"]')" "[]"
else
	skip "… show -j lost the address: $NOSHOW"
fi
ip netns del mn1
is "a namespace deleted: the model has no links there" "$(known mn1)" none
is "… and still the host's" "$(links host)" "lo"
jns "… show -j no longer lists it" mn1 False

# ------------------------------------------------ what the kernel does not say
# Some changes come with no event for every object they change: a veth
# end moved to another namespace (no event for the end that stays, whose
# peer's namespace, maybe ifindex, changed), a link set down (its IPv4
# routes are flushed silently).  The model must still be right.
# kroutes DST: the kernel's devices with a route to DST in the host
kroutes() {
	{ ip -j -4 route show table all; ip -j -6 route show table all; } |
		python3 -c 'import json,sys
d=[]
for line in sys.stdin:
    d += json.loads(line) if line.strip() else []
print(sorted(r["dev"] for r in d if r.get("dst") == sys.argv[1] and r.get("table") != "local" and r["dev"].startswith("r-")))' "$1"
}
ip netns add mp
ip link add p-a type veth peer name p-b
ip link set p-b netns mp
ip -n mp link add c-1 type veth peer name c-2
ip link add p-c type veth peer name p-d
idx=$(ip -j link show p-d | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["ifindex"])')
# p-d's ifindex is taken in mp: it gets another there
ip -n mp link add c-3 index "$idx" type veth peer name c-4
ip link set p-d netns mp
ip link add r-a type veth peer name r-b
ip link add r-c type veth peer name r-d
for l in r-a r-b r-c r-d; do ip link set "$l" up; done
ip addr add 10.7.0.1/24 dev r-a
ip addr add 10.7.0.2/24 dev r-c
ip addr add 10.6.0.1/24 dev r-a
i=0; while [ "$(kroutes fe80::/64)" != "['r-a', 'r-b', 'r-c', 'r-d']" ] && [ $i -lt 150 ]; do sleep 0.02; i=$((i+1)); done
if [ $SHOWJ = 1 ]; then
	is "veth end moved to a namespace: show -j has the peer of the end that stayed" \
		"$(showj 'link("host", "p-a")["peer"]')" "{'netns': 'mp', 'name': 'p-b'}"
	is "… and of the end that moved" \
		"$(showj 'link("mp", "p-b")["peer"]')" "{'netns': 'host', 'name': 'p-a'}"
	is "… also when the moved end got another ifindex" \
		"$(showj 'link("host", "p-c")["peer"]')" "{'netns': 'mp', 'name': 'p-d'}"
	is "… (its own view)" \
		"$(showj 'link("mp", "p-d")["peer"]')" "{'netns': 'host', 'name': 'p-c'}"
	ip -n mp link set p-b netns $$
	is "moved back: the peer of the end that stayed" \
		"$(showj 'link("host", "p-a")["peer"]')" "{'netns': 'host', 'name': 'p-b'}"
	is "two links in one IPv4 subnet: show -j has the route via each" \
		"$(showj 'sorted(r["dev"] for r in ns("host")["routes"] if r["dst"] == "10.7.0.0/24")')" \
		"$(kroutes 10.7.0.0/24)"
	is "… and each link's fe80::/64 route" \
		"$(showj 'sorted(r["dev"] for r in ns("host")["routes"] if r["dst"] == "fe80::/64" and r["dev"].startswith("r-"))')" \
		"$(kroutes fe80::/64)"
	is "… and the route of a subnet of one link" \
		"$(showj '[r["dev"] for r in ns("host")["routes"] if r["dst"] == "10.6.0.0/24"]')" \
		"['r-a']"
	ip link set r-a down
	is "a link set down: its IPv4 route leaves show -j (the kernel flushes it silently)" \
		"$(showj '[r["dev"] for r in ns("host")["routes"] if r["dst"] == "10.6.0.0/24"]')" \
		"$(kroutes 10.6.0.0/24)"
	is "… its address stays (as in the kernel)" \
		"$(showj 'sorted(a["local"] for a in ns("host")["addresses"] if a["dev"] == "r-a" and a["family"] == "inet")')" \
		"['10.6.0.1', '10.7.0.1']"
else
	for w in "peer of the end that stayed" "peer of the end that moved" \
		"peer after an ifindex change" "its own view" "moved back" \
		"route via each link of a subnet" "fe80::/64 route per link" \
		"route of one link" "route of a link set down" \
		"address of a link set down"; do
		skip "show -j: $w: $NOSHOW"
	done
fi
ip netns del mp
ip link del p-a 2>/dev/null
ip link del r-a
ip link del r-c

# A bridge sends RTM_NEWLINK/RTM_DELLINK of family AF_BRIDGE about its
# ports: a port's state, not the link's (no kind, no peer), and a port
# leaving the bridge, not the link going away.
ip link add b-br type bridge
ip link add b-a type veth peer name b-b
ip addr add 10.5.0.1/24 dev b-a
ip link set b-a master b-br
is "a veth enslaved to a bridge keeps its kind in the model" \
	"$(ask "complete ip link set b-" | grep '^b-a	')" "$(printf 'b-a\tveth')"
is "… the bridge is offered after master" \
	"$(ask "complete ip link set b-b master ''" | cut -f1 | grep -v '^[A-Z]')" "b-br"
if [ $SHOWJ = 1 ]; then
	is "… show -j names its master" "$(showj 'link("host", "b-a")["master"]')" "b-br"
	ip link set b-a nomaster
	is "a port leaving its bridge: show -j keeps the link's address" \
		"$(showj '[a["local"] for a in ns("host")["addresses"] if a["dev"] == "b-a"]')" \
		"['10.5.0.1']"
	is "… and has no master" "$(showj 'link("host", "b-a")["master"]')" "None"
else
	skip "show -j names the master of a bridge port: $NOSHOW"
	ip link set b-a nomaster
	skip "a port leaving its bridge: show -j keeps its address: $NOSHOW"
	skip "… and has no master: $NOSHOW"
fi
is "… the model still offers it, a veth" \
	"$(ask "complete ip link set b-" | grep '^b-a	')" "$(printf 'b-a\tveth')"
ip link del b-a
ip link del b-br

# a namespace held by a process only (no /run/netns name): the model finds
# those too (rescanning /proc), and says so within a second, idle or not
set -- $(probe heldlat)
HELDPID=$2
LATS="$LATS
#   namespace held by a process (unshare --net): $1 ms"
if [ "$1" != timeout ] && awk "BEGIN { exit !($1 < 1100) }"; then
	_tap 0 "a process's namespace is found without input within 1 s ($1 ms)"
else
	_tap 1 "a process's namespace is found without input within 1 s ($1 ms)"
fi
ip link add m-h type veth peer name m-hp netns "$HELDPID"
is "ip -n PID: the model has its links" "$(links "$HELDPID")" "lo m-hp"
kill "$HELDPID"
i=0; while [ -d "/proc/$HELDPID" ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i+1)); done
i=0; while ip link show m-h >/dev/null 2>&1 && [ $i -lt 100 ]; do sleep 0.02; i=$((i+1)); done
sleep 1.1	# processes are looked for once a second
is "… gone with its process: no links, the host end gone" \
	"$(known "$HELDPID") / $(links host)" "none / lo"

# ------------------------------------------------ watch: events, no input
if [ $WATCH = 1 ]; then
	mkfifo "$TMP/win"
	: >"$TMP/watch.out"
	"$NSH" -i <"$TMP/win" >>"$TMP/watch.out" 2>&1 3>&- &
	WPID=$!
	exec 4>"$TMP/win"
	echo watch >&4
	sleep 0.3
	# watch_lat CMD…: run CMD, wait until watch printed more (ms)
	watch_lat() {
		python3 - "$TMP/watch.out" "$@" <<'PY'
import os, subprocess, sys, time
f, cmd = sys.argv[1], sys.argv[2:]
n = os.path.getsize(f)
subprocess.run(cmd, check=True)
t0 = time.monotonic()
while time.monotonic() - t0 < 2:
    if os.path.getsize(f) > n:
        print("%.1f" % ((time.monotonic() - t0) * 1000)); sys.exit()
    time.sleep(0.0005)
print("timeout")
PY
	}
	latency "watch: link added" "$(watch_lat ip link add w-a type veth peer name w-b)"
	latency "watch: namespace added" "$(watch_lat ip netns add wn1)"
	latency "watch: link moved" "$(watch_lat ip link set w-b netns wn1)"
	latency "watch: address added" "$(watch_lat ip -n wn1 addr add 10.8.0.1/24 dev w-b)"
	latency "watch: namespace deleted" "$(watch_lat ip netns del wn1)"
	like "watch named the link" "$(cat "$TMP/watch.out")" "w-a"
	like "watch named the namespace" "$(cat "$TMP/watch.out")" "wn1"
	kill -INT "$WPID"	# watch runs until Ctrl-C
	exec 4>&-
	i=0; while kill -0 "$WPID" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.02; i=$((i+1)); done
	ok "watch ends on Ctrl-C, nsh -i at end of input" [ $i -lt 100 ]
	kill "$WPID" 2>/dev/null
	wait "$WPID" 2>/dev/null
	ip link del w-a 2>/dev/null
else
	for w in "link added" "namespace added" "link moved" "address added" \
		"namespace deleted"; do
		skip "watch: $w within 100 ms: $NOWATCH"
	done
	skip "watch named the link: $NOWATCH"
	skip "watch named the namespace: $NOWATCH"
	skip "watch ends on Ctrl-C: $NOWATCH"
fi

# ------------------------------------------------ 1000 random changes
SEED=${T_MODEL_SEED:-$(awk 'BEGIN { srand(); print int(rand() * 1000000) }')}
echo "# random changes: seed $SEED (T_MODEL_SEED=$SEED to repeat)"
probe gen "$SEED" 1000 $$ >"$TMP/changes"
{
	echo 'f=0'
	sed 's/.*/{ &; } 2>>"$ERR" || { f=$((f+1)); echo "  by: &" >>"$ERR"; }/' "$TMP/changes"
	echo 'echo $f'
} >"$TMP/changes.sh"
t0=$(date +%s%N)
ERR="$TMP/changes.err" sh "$TMP/changes.sh" >"$TMP/changes.fails" &
CPID=$!
# meanwhile, nsh is asked now and then (answers ignored)
while kill -0 $CPID 2>/dev/null; do
	printf '%s\n' "complete ip -n m1 link set ''" "complete ip link set q" >&3
	sleep 0.05
done
wait $CPID
t1=$(date +%s%N)
ask '' >/dev/null	# the queued questions are answered
echo "# 1000 changes in $(( (t1 - t0) / 1000000 )) ms, $(cat "$TMP/changes.fails") of them refused by the kernel"
head -n 6 "$TMP/changes.err" | sed 's/^/# refused: /'
echo "# kernel settled after $(probe settle) ms"
probe knames >"$TMP/knames"
sed 's/^/# kernel: /' "$TMP/knames"
for ns in host m0 m1 m2 m3 m4; do
	is "after 1000 changes: the links of $ns" "$(links $ns)" "$(klinks $ns)"
done
if [ $SHOWJ = 1 ]; then
	ask 'show -j' >"$TMP/show.json"
	# the kernel may still be finishing (IPv6 DAD announces an address
	# only when done): if anything differs, let it settle and ask once more
	for what in namespaces links up addresses details routes; do
		case $(probe cmpshow "$TMP/show.json" $what) in
		""|SKIP*) ;;
		*)	echo "# $what differ at first: settling and asking again"
			probe settle >/dev/null
			sleep 1
			ask 'show -j' >"$TMP/show.json"
			break ;;
		esac
	done
	for what in namespaces links up addresses details; do
		is "after 1000 changes: show -j has the kernel's $what" \
			"$(probe cmpshow "$TMP/show.json" $what)" ""
	done
	r=$(probe cmpshow "$TMP/show.json" routes)
	case $r in
	SKIP*) skip "after 1000 changes: show -j routes: ${r#SKIP }" ;;
	*) is "after 1000 changes: show -j has the kernel's routes" "$r" "" ;;
	esac
else
	for what in namespaces links up addresses details routes; do
		skip "after 1000 changes: show -j has the kernel's $what: $NOSHOW"
	done
fi
ok "nsh -i is alive after 1000 changes" kill -0 "$NSHPID"

# an idle nsh uses no CPU (no busy loop on the event socket or mountinfo)
cpu() { awk '{ print $14 + $15 }' "/proc/$NSHPID/stat"; }
c0=$(cpu); sleep 1; c1=$(cpu)
ok "idle nsh -i uses no CPU ($((c1 - c0)) ticks in 1 s)" [ $((c1 - c0)) -le 2 ]

# ------------------------------------------------ fds
for ns in $(ip netns list | awk '{print $1}'); do links "$ns" >/dev/null; done
is "nsh holds fds only in the host's namespace (after 1000 changes)" \
	"$(probe fdcheck "$NSHPID" "$TMP/fds0")" ""
ls -l "/proc/$NSHPID/fd" | sed '1d; s/^/# fd: /'
clean
links host >/dev/null
ip netns add f0
is "nsh -i knows f0" "$(links f0)" "lo"
n1=$(probe ncount "$NSHPID" "$TMP/fds0")
i=1
while [ $i -le 200 ]; do ip netns add "z$i"; i=$((i + 1)); done
is "nsh -i knows all 200 new namespaces" "$(links z1) $(links z200)" "lo lo"
n200=$(probe ncount "$NSHPID" "$TMP/fds0")
is "no more fds with 201 namespaces than with 1 ($n1)" "$n200" "$n1"
is "… and all of them the host's" "$(probe fdcheck "$NSHPID" "$TMP/fds0")" ""
# nsh assigns them as it notices them, asynchronously: wait up to 10 s (ASan on a loaded machine is slow)
i=0
while [ "$(ip netns list | grep -c '(id: ')" -lt 201 ] && [ $i -lt 500 ]; do
	sleep 0.02; i=$((i + 1))
done
is "nsh gave each of them an nsid (so their events reach it)" \
	"$(ip netns list | grep -c '(id: ')" 201
for n in $(ip netns list | grep -v "(id: " | cut -d" " -f1); do echo "# without an nsid: $n $(stat -L -c %i /run/netns/$n)"; done
latency "link pair added in the 150th namespace" \
	"$(probe lat "$NSHPID" ip -n z150 link add zv type veth peer name zvp)"
is "… the model has it" "$(links z150)" "lo zv zvp"
i=1
while [ $i -le 200 ]; do ip netns del "z$i"; i=$((i + 1)); done
is "… and the 200 are gone from the model" "$(known z1) $(known z200)" "none none"
is "… still the same fd count" "$(probe ncount "$NSHPID" "$TMP/fds0")" "$n1"

# ------------------------------------------------ nsh does not pin
# gone: wait (2 s at most) until the link is gone
gone() {
	_i=0
	while ip link show "$1" >/dev/null 2>&1 && [ $_i -lt 100 ]; do
		sleep 0.02; _i=$((_i + 1))
	done
	! ip link show "$1" >/dev/null 2>&1
}
ip netns add p1
ip link add pv1 type veth peer name pv1p netns p1
is "the model has p1's end" "$(links p1)" "lo pv1p"
ip netns del p1
ok "ip netns del p1 (iproute2): the host end goes (the model does not pin p1)" gone pv1
ip netns add p2
ip link add pv2 type veth peer name pv2p netns p2
ask "ip -n p2 link set pv2p up" >/dev/null
ask "ip -n p2 link show" >/dev/null
is "nsh -i worked in p2" "$(links p2)" "lo pv2p"
ip netns del p2
ok "ip netns del p2 (iproute2) after nsh -i used p2: the host end goes" gone pv2
is "nsh holds fds only in the host's namespace (after p2 is gone)" \
	"$(probe fdcheck "$NSHPID" "$TMP/fds0")" ""

# ------------------------------------------------ a dead namespace's inode number
# The kernel gives a new namespace the lowest free inode number, often the
# one a namespace that just died had.  With nsh stopped, r1 dies and r2 is
# made in its place: nsh must see a new namespace (and give it an nsid so
# that its events reach it), not r1 renamed.
ip netns add r1
ip -n r1 link add r1v type veth peer name r1w
is "the model has r1" "$(links r1)" "lo r1v r1w"
ino1=$(stat -L -c %i /run/netns/r1)
kill -STOP "$NSHPID"
ip netns del r1
i=0
while [ $i -lt 20 ]; do
	sleep 0.1; ip netns add r2
	[ "$(stat -L -c %i /run/netns/r2)" = "$ino1" ] && break
	ip netns del r2; i=$((i + 1))
done
reused=$([ "$(stat -L -c %i /run/netns/r2)" = "$ino1" ] && echo yes)
kill -CONT "$NSHPID"
if [ "$reused" = yes ]; then
	is "r2 has r1's inode number: the model has r2's own links" "$(links r2)" "lo"
	ip -n r2 link add r2v type veth peer name r2w
	is "… r2 has an nsid" "$(ip netns list | grep -c '^r2 (id: ')" 1
	is "… and r2's events reach nsh" "$(links r2)" "lo r2v r2w"
else
	for t in "the model has r2's own links" "r2 has an nsid" "r2's events reach nsh"; do
		skip "$t: the kernel gave r2 another inode number than r1's"
	done
fi
ip netns del r2

nsh_i_stop
is "nsh -i ends at end of input, status 0" "$?" 0
echo "# latencies observed (change made by iproute2 -> nsh processed it):$LATS"
done_testing
