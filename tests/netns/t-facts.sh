#!/bin/sh
# The live model beyond names (t-model.sh has the names): what the kernel
# says of addresses (IFA_F_* flags, broadcast, label), of routes (prefsrc,
# onlink) and of carriers (IFF_LOWER_UP, operstate) must be in `show -j`
# of a long-running `nsh -i` as `ip -j` says it, while iproute2 makes the
# changes in other processes.  The kernel is the oracle.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

PROBE="$TMP/probe.py"
cat >"$PROBE" <<'PY'
import json, re, subprocess, sys

def ip(ns, *args):
    cmd = ["ip"] + (["-n", ns] if ns != "host" else []) + ["-j"] + list(args)
    out = subprocess.run(cmd, capture_output=True, text=True).stdout
    return json.loads(out) if out.strip() else []

def dst(d):
    if d in (None, "default", "0.0.0.0/0", "::/0"):
        return "default"
    return re.sub(r"/(32|128)$", "", str(d))

WORDS = ("secondary", "temporary", "nodad", "optimistic", "dadfailed",
         "home", "deprecated", "tentative", "dynamic", "mngtmpaddr",
         "noprefixroute", "autojoin", "stable-privacy")

def cmp(path, what, *names):
    """differences between `show -j` (PATH) and `ip -j`, for WHAT: "addrs",
    the flags, broadcast and label of each address (not link-local) of the
    host's links NAMES; "routes", the prefsrc and onlink of their routes
    (not the local table); "links", the flags and operstate of the links
    NAMES ("NS:NAME" for another namespace than the host)"""
    try:
        doc = {n["name"]: n for n in json.load(open(path))["namespaces"]}
    except Exception as e:
        return f"show -j: not the documented JSON: {e!r}"
    diff = []
    def d(what, got, want):
        if got != want:
            diff.append(f"{what}: nsh {got!r} kernel {want!r}")
    if what == "links":
        for x in names:
            ns, name = x.split(":") if ":" in x else ("host", x)
            got = next((l for l in doc.get(ns, {}).get("links", [])
                        if l["name"] == name), None)
            want = next((l for l in ip(ns, "link", "show")
                         if l["ifname"] == name), None)
            if not got or not want:
                diff.append(f"{x}: nsh {got} kernel {want}")
                continue
            # M-DOWN is iproute2's word for the peer being down
            d(f"{x} flags", sorted(got.get("flags", [])),
              sorted(set(want["flags"]) - {"M-DOWN"}))
            d(f"{x} operstate", got.get("operstate"), want["operstate"])
        return "\n".join(diff)
    host = doc["host"]
    if what == "addrs":
        have = {(a["dev"], a["local"], a["prefixlen"]): a
                for a in host["addresses"]
                if a["dev"] in names and a["scope"] != "link"}
        for l in ip("host", "addr", "show"):
            for a in l.get("addr_info", []):
                if l["ifname"] not in names or a["scope"] == "link":
                    continue
                k = (l["ifname"], a["local"], a["prefixlen"])
                got = have.pop(k, None)
                if not got:
                    diff.append(f"{k}: only in the kernel")
                    continue
                d(f"{k} flags", sorted(got.get("flags", [])),
                  sorted(w for w in WORDS if a.get(w)))
                d(f"{k} broadcast", got.get("broadcast"), a.get("broadcast"))
                d(f"{k} label", got.get("label"), a.get("label"))
        diff += [f"{k}: only in nsh" for k in have]
        return "\n".join(diff)
    have = {(dst(r["dst"]), r["dev"], r["gateway"]): r
            for r in host["routes"] if r["dev"] in names}
    for fam in ("-4", "-6"):
        for r in ip("host", fam, "route", "show", "table", "all"):
            if r.get("dev") not in names or r.get("table") == "local":
                continue
            k = (dst(r.get("dst")), r["dev"], r.get("gateway"))
            got = have.pop(k, None)
            if not got:
                diff.append(f"{k}: only in the kernel")
                continue
            d(f"{k} prefsrc", got.get("prefsrc"), r.get("prefsrc"))
            d(f"{k} onlink", got.get("onlink"), "onlink" in r["flags"])
    diff += [f"{k}: only in nsh" for k in have]
    return "\n".join(diff)

def get(path, expr):
    """EXPR on show -j (PATH), with ns(NAME) -> that namespace"""
    d = json.load(open(path))
    ns = lambda n: next(x for x in d["namespaces"] if x["name"] == n)
    return str(eval(expr))

if __name__ == "__main__":
    print(globals()[sys.argv[1]](*sys.argv[2:]))
PY
# facts WHAT NAME…: show -j of the nsh -i against the kernel (no output:
# the same)
facts() {
	ask 'show -j' >"$TMP/show.json"
	python3 "$PROBE" cmp "$TMP/show.json" "$@"
}
# showj EXPR: EXPR on the last show -j (as facts() asked it)
showj() { python3 "$PROBE" get "$TMP/show.json" "$1"; }

nsh_i_start

# ---------------------------------------------------------------- addresses
# a-x's DAD lasts 3 s: its addresses are tentative for a while, then the
# kernel announces them without the flag
ip link add a-x type veth peer name a-y
echo 3000 >/proc/sys/net/ipv6/neigh/a-x/retrans_time_ms
ip link set a-x up
ip link set a-y up
ip addr add 10.4.0.1/24 brd + dev a-x label a-x:lab
ip addr add 10.4.1.1/24 dev a-x
ip addr add fd00:4::1/64 dev a-x nodad
ip addr add fd00:4::2/64 dev a-x noprefixroute
ip addr add fd00:4::3/64 dev a-x valid_lft 300 preferred_lft 300
is "show -j has the kernel's address flags (nodad, noprefixroute, dynamic, tentative), broadcast and label" \
	"$(facts addrs a-x)" ""
is "… an address in DAD is tentative" \
	"$(showj '[a["flags"] for a in ns("host")["addresses"] if a["local"] == "fd00:4::2"]')" \
	"[['tentative', 'noprefixroute']]"
is "… the others not" \
	"$(showj 'sorted((a["local"], a["flags"]) for a in ns("host")["addresses"] if a["local"] in ("fd00:4::1", "10.4.0.1"))')" \
	"[('10.4.0.1', []), ('fd00:4::1', ['nodad'])]"
is "… an IPv4 address has its broadcast and label" \
	"$(showj '[(a["broadcast"], a["label"]) for a in ns("host")["addresses"] if a["local"] == "10.4.0.1"]')" \
	"[('10.4.0.255', 'a-x:lab')]"
i=0
while ip -j addr show dev a-x | grep -q tentative && [ $i -lt 150 ]; do
	sleep 0.05; i=$((i + 1))
done
is "after DAD: show -j has the flags the kernel announced (tentative gone)" \
	"$(facts addrs a-x)" ""
is "… fd00:4::2 is no longer tentative" \
	"$(showj '[a["flags"] for a in ns("host")["addresses"] if a["local"] == "fd00:4::2"]')" \
	"[['noprefixroute']]"

# ---------------------------------------------------------------- routes
ip route add 10.3.0.0/24 via 10.9.9.9 dev a-x onlink
ip route add 10.2.0.0/24 dev a-x src 10.4.1.1
ip -6 route add fd00:9::/64 dev a-x src fd00:4::1
ip -6 route add fd00:8::/64 via fd00:7::1 dev a-x onlink
is "show -j has the kernel's route prefsrc and onlink (kernel routes too)" \
	"$(facts routes a-x)" ""
is "… an onlink route says so" \
	"$(showj '[(r["gateway"], r["onlink"]) for r in ns("host")["routes"] if r["dst"] == "10.3.0.0/24"]')" \
	"[('10.9.9.9', True)]"
is "… a route with src has it" \
	"$(showj 'sorted(r["prefsrc"] for r in ns("host")["routes"] if r["dst"] in ("10.2.0.0/24", "fd00:9::/64"))')" \
	"['10.4.1.1', 'fd00:4::1']"

ip link set a-x down
ip link set a-x name a-z
is "a link renamed: its IPv4 labels follow, as in the kernel" \
	"$(facts addrs a-z)" ""
# (the kernel renames them its own way: a-z, a-z:2)
like "… they start with the new name" \
	"$(showj 'sorted(a["label"] for a in ns("host")["addresses"] if a["dev"] == "a-z" and a["family"] == "inet")')" \
	"^\['a-z(:[^']*)?', 'a-z(:[^']*)?'\]$"
ip link del a-z

# ---------------------------------------------------------------- carrier
# A veth end going up or down switches its peer's carrier at once, and so
# the carrier of the peer's bridge; linkwatch announces the peer soon, the
# bridge up to a second later.  0.2 s after, show -j must have what the
# kernel has (its flags and operstates).
ip link add c-br type bridge
ip link set c-br up
ip link add c-a type veth peer name c-b
ip link set c-a master c-br
ip link set c-a up
ip netns add cn
ip link set c-b netns cn
for i in 1 2 3; do
	ip -n cn link set c-b up
	sleep 0.2
	is "carrier on ($i): show -j has the kernel's link flags and operstates" \
		"$(facts links c-br c-a cn:c-b)" ""
	ip -n cn link set c-b down
	sleep 0.2
	is "carrier off ($i): show -j has the kernel's link flags and operstates" \
		"$(facts links c-br c-a cn:c-b)" ""
done
# when nsh itself sets an end up, its next command sees the peer's carrier
ask 'ip -n cn link set c-b up' >/dev/null
ask 'show -j' >"$TMP/show.json"
is "nsh's own ip link set up: its next show -j has the peer's LOWER_UP" \
	"$(showj '"LOWER_UP" in [l for l in ns("host")["links"] if l["name"] == "c-a"][0]["flags"]')" \
	"$(ip -j link show c-a | python3 -c 'import json,sys; print("LOWER_UP" in json.load(sys.stdin)[0]["flags"])')"
ip netns del cn
ip link del c-br

# ---------------------------------------------------------------- in the views
# the tree and `why` use them: fa reaches 10.90.0.1 (fb's lo) through a
# gateway on none of fa's subnets, which an onlink route makes usable
ip netns add fa
ip netns add fb
ip -n fa link add fa-v type veth peer name fb-v netns fb
ip -n fa addr add 10.1.0.1/24 dev fa-v
ip -n fb addr add 10.1.0.2/24 dev fb-v
ip -n fb addr add 10.80.0.2/24 dev fb-v
ip -n fb addr add 10.90.0.1/24 dev lo
for n in fa fb; do ip -n $n link set lo up; ip -n $n link set $n-v up; done
ip -n fa route add 10.90.0.0/24 via 10.80.0.2 dev fa-v onlink
ip -n fa route add 10.91.0.0/24 dev fa-v src 10.1.0.1
ok "the kernel agrees: fa pings 10.90.0.1 (ping)" \
	ip netns exec fa ping -c 1 -W 2 10.90.0.1
"$NSH" -c 'show' >"$TMP/show.txt"
sed 's/^/# show: /' "$TMP/show.txt"
like "show: a route with its onlink" "$(cat "$TMP/show.txt")" \
	'route 10\.90\.0\.0/24 via 10\.80\.0\.2 dev fa-v onlink$'
like "show: a route with its src" "$(cat "$TMP/show.txt")" \
	'route 10\.91\.0\.0/24 dev fa-v src 10\.1\.0\.1$'
"$NSH" -c 'why fa 10.90.0.1' >"$TMP/why.txt"
rc=$?
sed 's/^/# why: /' "$TMP/why.txt"
is "why: an onlink gateway is usable (exit 0)" "$rc" 0
like "… fa reaches it" "$(cat "$TMP/why.txt")" '^fa reaches 10\.90\.0\.1'
"$NSH" -c 'why fa 10.90.0.1 -j' >"$TMP/why.json"
is "… and all its checks hold, the gateway on fa-v (onlink)" \
	"$(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
print([c["check"] for c in d["checks"] if not c["ok"]],
      [c["detail"] for c in d["checks"] if c["check"] == "gateway"])' "$TMP/why.json")" \
	"[] ['10.80.0.2 is on fa-v (onlink)']"
ip netns del fa
ip netns del fb

nsh_i_stop
is "nsh -i ends at end of input, status 0" "$?" 0
done_testing
