#!/usr/bin/env python3
"""The kernel's network state after a corpus script, normalised, as JSON.

    state.py [--script FILE] [--settle] [--stable]
    state.py --lint FILE      (the corpus rules; see tests/compat/README.md)

For the namespace this runs in ("host") and every namespace in /run/netns,
read the kernel through iproute2 only (never nsh): `ip -j -d link`,
`ip -j addr`, `ip -j route show table all` (-4 and -6), `ip -j rule` (-4 and
-6), `ip -j neigh show nud all` and `ip -j neigh show proxy`, `ip -j
nexthop`, `bridge -j fdb show`, `tc -j qdisc`, `tc class` (devices with a
classful root), `ip -j netns list-id`, and /proc/sys for the sysctl keys the
script writes.  Print one sorted JSON document, so that the states two runs
leave compare with ==.

Normalised away (see tests/compat/README.md for the reasons):
  * ifindexes; a link's lower device or veth peer becomes "NS:NAME";
  * MAC addresses the kernel chose (a MAC is kept only if it appears in
    the script, or its sibling files NNN-name.*, or is a fixed one such as
    ff:ff:ff:ff:ff:ff or 01:80:c2:…); others read "<mac>", also inside
    bridge ids ("8000.<mac>");
  * statistics, timers, ages, remaining lifetimes (a finite lifetime reads
    "finite"), operstate, carrier (LOWER_UP, NO-CARRIER, linkdown);
  * kernel IPv6 link-local addresses, their fe80::/64 and local routes,
    ff00::/8 multicast routes and the NOARP neighbours of multicast groups;
  * the kernel's subnet-router anycast route (table local) on a link that
    is down: an address's anycast is joined by work the kernel queues when
    the link comes up, and a link set down again within a millisecond or
    two (nsh runs back-to-back lines that fast; bash + ip does not) may
    keep the entry or not, depending on that work (011's race);
  * neighbours the kernel learnt (REACHABLE, STALE, DELAY, PROBE,
    INCOMPLETE, FAILED); NOARP ones unless the script names their address;
  * fdb entries that are learnt, or whose MAC the script does not name
    (the bridge's own and the multicast entries derive from random MACs);
  * nsids the kernel or nsh allocated: only those the script sets with
    `netns set NAME NSID` are compared.

--settle first waits (3 s at most) for IPv6 duplicate address detection to
finish on links that are up with carrier; --stable dumps until two
consecutive dumps agree (2 s at most): namespace teardown is asynchronous.
"""
import json
import os
import re
import subprocess
import sys
import time

MAC_RE = re.compile(r"(?<![0-9a-fA-F:])[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}"
                    r"(?![0-9a-fA-F:])")
# a bridge id: priority, '.', a MAC printed without leading zeros
BRID_RE = re.compile(r"^([0-9a-fA-F]{4})\.([0-9a-fA-F]{1,2}(?::[0-9a-fA-F]{1,2}){5})$")
FIXED_MAC = re.compile(r"^(ff:ff:ff:ff:ff:ff|00:00:00:00:00:00|01:80:c2:.*)$")

SCRIPT_TEXT = ""
SCRIPT_MACS = set()
SCRIPT_NSIDS = set()
SYSCTL_KEYS = []

LINK_DROP = {"ifindex", "link_index", "link_netnsid", "operstate", "stats",
             "stats64", "carrier_changes", "carrier_up_count",
             "carrier_down_count", "linkmode_changes"}
FLAG_DROP = {"LOWER_UP", "NO-CARRIER", "DORMANT", "M-DOWN"}
ADDR_DROP = {"tentative", "optimistic"}
NEIGH_DYNAMIC = {"REACHABLE", "STALE", "DELAY", "PROBE", "INCOMPLETE",
                 "FAILED", "NONE"}


# ------------------------------------------------------------ the script

def read_script(path):
    """The script's text and that of its sibling files (NNN-name.*), and
    what a lab sets explicitly: MACs, nsids, sysctl keys."""
    global SCRIPT_TEXT
    texts = []
    d = os.path.dirname(os.path.abspath(path))
    stem = os.path.basename(path)
    stem = stem[:-3] if stem.endswith(".sh") else stem
    for f in sorted(os.listdir(d)):
        if f == os.path.basename(path) or f.startswith(stem + "."):
            with open(os.path.join(d, f), errors="replace") as fh:
                texts.append((f, fh.read()))
    SCRIPT_TEXT = "\n".join(t for _, t in texts)
    SCRIPT_MACS.update(m.lower() for m in MAC_RE.findall(SCRIPT_TEXT))
    for line in logical_lines(SCRIPT_TEXT):
        m = re.search(r"\bnet(?:ns?)?\s+set\s+\S+\s+(\d+)\b", line)
        if m:
            SCRIPT_NSIDS.add(int(m.group(1)))
        sysctl_keys(line, d)


def logical_lines(text):
    out, cur = [], ""
    for raw in text.splitlines():
        line = raw.split("#", 1)[0] if not raw.lstrip().startswith("#") \
            else ""
        if line.rstrip().endswith("\\"):
            cur += line.rstrip()[:-1] + " "
            continue
        cur += line
        if cur.strip():
            out.append(cur.strip())
        cur = ""
    if cur.strip():
        out.append(cur.strip())
    return out


def slashdot(key):
    """procps: a key with '/' separators has '.' and '/' swapped"""
    key = key.strip()
    if "/" in key.split("=")[0]:
        key = key.translate(str.maketrans("./", "/."))
    return key


def add_key(key):
    key = slashdot(key)
    if key and key not in SYSCTL_KEYS:
        SYSCTL_KEYS.append(key)


def sysctl_keys(line, d):
    """the keys a `sysctl` command on LINE writes (also after sudo, ip
    netns exec NS, ip -n…: the word sysctl starts the command)"""
    w = line.split()
    if "sysctl" not in w:
        return
    w = w[w.index("sysctl") + 1:]
    i, write = 0, False
    while i < len(w):
        a = w[i]
        if a in ("-p", "--load"):
            f = w[i + 1] if i + 1 < len(w) else "/etc/sysctl.conf"
            try:
                with open(os.path.join(d, f)) as fh:
                    for l in fh:
                        l = l.split("#")[0].split(";")[0].strip()
                        if "=" in l:
                            add_key(l.split("=", 1)[0].strip().lstrip("-"))
            except OSError:
                pass
            i += 2
            continue
        if a.startswith("-"):
            if "w" in a.lstrip("-") and not a.startswith("--"):
                write = True
            i += 1
            continue
        if "=" in a:
            add_key(a.split("=", 1)[0])
        elif write and i + 1 < len(w) and not w[i + 1].startswith("-") \
                and "=" not in w[i + 1]:
            add_key(a)  # `sysctl -w key value`: procps 3.3 reads 2 words
            i += 1
        i += 1


# ------------------------------------------------------------ the kernel

def nspath(ns):
    return None if ns == "host" else "/run/netns/" + ns


def cmd(ns, prog, *args):
    return [prog] + ([] if ns == "host" else ["-n", ns]) + list(args)


def run(argv, parse=True):
    p = subprocess.run(argv, capture_output=True, text=True)
    out = p.stdout.strip()
    if not parse:
        return out
    if not out:
        return []
    try:
        return json.loads(out)
    except ValueError:
        return out.splitlines()


def namespaces():
    try:
        return sorted(os.listdir("/run/netns"))
    except FileNotFoundError:
        return []


def macfix(v):
    """random MACs out of a value (recursively)"""
    if isinstance(v, dict):
        return {k: macfix(x) for k, x in v.items()}
    if isinstance(v, list):
        return [macfix(x) for x in v]
    if isinstance(v, str):
        b = BRID_RE.match(v)
        if b:
            mac = ":".join(o.zfill(2) for o in b.group(2).split(":"))
            return b.group(1) + "." + macfix(mac)
        def sub(m):
            mac = m.group(0).lower()
            if mac in SCRIPT_MACS or FIXED_MAC.match(mac):
                return mac
            return "<mac>"
        return MAC_RE.sub(sub, v)
    return v


def no_timers(d):
    return {k: v for k, v in d.items()
            if not k.endswith("_timer") and k not in ("used", "updated")}


def in_script(word):
    return re.search(r"(?<![0-9A-Za-z:.])" + re.escape(word) +
                     r"(?![0-9A-Za-z:])", SCRIPT_TEXT, re.I) is not None


def dump(names):
    raw = {ns: run(cmd(ns, "ip", "-j", "-d", "link", "show")) for ns in names}
    ids = {ns: {e["nsid"]: e.get("name")
                for e in run(cmd(ns, "ip", "-j", "netns", "list-id"))
                if isinstance(e, dict)}
           for ns in names}

    def resolve(ns, l):
        """namespace:name of the device a link's ifindex refers to"""
        if "link_netnsid" not in l:
            for o in raw[ns]:
                if o["ifindex"] == l["link_index"]:
                    return f"{ns}:{o['ifname']}"
            return "?"
        where = ids[ns].get(l["link_netnsid"])
        if where in raw:
            for o in raw[where]:
                if o["ifindex"] == l["link_index"]:
                    return f"{where}:{o['ifname']}"
            return "?"
        # a namespace iproute2 cannot name (the host): the unique link
        # elsewhere whose own link_index points back at this one
        found = [f"{o}:{x['ifname']}" for o in names if o != ns
                 for x in raw[o]
                 if x["ifindex"] == l["link_index"]
                 and x.get("link_index") == l["ifindex"]
                 and "link_netnsid" in x]
        if len(found) == 1:
            return found[0]
        found = [f"{o}:{x['ifname']}" for o in names if o != ns
                 for x in raw[o] if x["ifindex"] == l["link_index"]]
        return found[0] if len(found) == 1 else "?"

    state = {"netns": namespaces(), "ns": {}}
    for ns in names:
        s = state["ns"][ns] = {}
        # ---- links
        links = {}
        classful = []
        for l in raw[ns]:
            o = {k: v for k, v in l.items() if k not in LINK_DROP}
            if "link_index" in l:
                o["link"] = resolve(ns, l)
            elif "link" in l and l["link"] is not None:
                o["link"] = f"{ns}:{l['link']}"
            o["flags"] = sorted(f for f in l.get("flags", [])
                                if f not in FLAG_DROP)
            info = o.get("linkinfo")
            if info:
                info = dict(info)
                for k in ("info_data", "info_slave_data"):
                    if isinstance(info.get(k), dict):
                        info[k] = no_timers(info[k])
                info.pop("info_xstats", None)
                o["linkinfo"] = info
            links[l["ifname"]] = macfix(o)
        s["links"] = links
        # ---- addresses
        addrs = []
        for l in run(cmd(ns, "ip", "-j", "addr", "show")):
            for a in l.get("addr_info", []):
                if a.get("family") == "inet6" and a.get("scope") == "link" \
                        and not in_script(a.get("local", "")):
                    continue
                a = {k: v for k, v in a.items() if k not in ADDR_DROP}
                for k in ("valid_life_time", "preferred_life_time"):
                    if k in a:
                        a[k] = "forever" if a[k] == 4294967295 else "finite"
                a["dev"] = l["ifname"]
                addrs.append(a)
        s["addrs"] = addrs
        # ---- routes
        routes = []
        for fam in ("-4", "-6"):
            for r in run(cmd(ns, "ip", fam, "-j", "route", "show",
                             "table", "all")):
                dst = r.get("dst", "")
                if (dst.startswith("fe80") or dst == "ff00::/8") and \
                        not in_script(dst):
                    continue
                if r.get("type") == "anycast" and \
                        r.get("table") == "local" and \
                        "UP" not in links.get(r.get("dev"), {}).get(
                            "flags", ["UP"]):
                    continue    # a down link's stale anycast entry
                    # (whether it is left depends on the kernel's
                    # address work having run before the link went down)
                r = {k: v for k, v in r.items()
                     if k not in ("expires", "cache", "used")}
                r["flags"] = [f for f in r.get("flags", [])
                              if f != "linkdown"]
                if "nexthops" in r:
                    r["nexthops"] = [dict(n, flags=[f for f in
                                     n.get("flags", []) if f != "linkdown"])
                                     for n in r["nexthops"]]
                r["family"] = fam
                routes.append(r)
        s["routes"] = routes
        # ---- rules
        s["rules"] = [dict(r, family=fam) for fam in ("-4", "-6")
                      for r in run(cmd(ns, "ip", fam, "-j", "rule", "show"))]
        # ---- neighbours
        neigh = []
        for n in run(cmd(ns, "ip", "-j", "neigh", "show", "nud", "all")):
            st = set(n.get("state", []))
            if st & NEIGH_DYNAMIC and "PERMANENT" not in st:
                continue
            if "NOARP" in st and not in_script(n.get("dst", "")):
                continue
            neigh.append(no_timers({k: v for k, v in n.items()
                                    if k != "probes"}))
        neigh += [dict(n, proxy=True) for n in
                  run(cmd(ns, "ip", "-j", "neigh", "show", "proxy"))]
        s["neigh"] = macfix(neigh)
        # ---- nexthops
        nhs = []
        for n in run(cmd(ns, "ip", "-j", "nexthop", "show")):
            if isinstance(n, dict) and "resilient_args" in n:
                n = dict(n, resilient_args={
                    k: v for k, v in n["resilient_args"].items()
                    if k != "unbalanced_time"})
            nhs.append(n)
        s["nexthops"] = nhs
        # ---- fdb
        fdb = []
        for e in run(cmd(ns, "bridge", "-j", "fdb", "show")):
            if not isinstance(e, dict):
                continue
            mac = e.get("mac", "").lower()
            if e.get("state") not in ("permanent", "static") and \
                    "sticky" not in e.get("flags", []):
                continue
            if mac not in SCRIPT_MACS and mac != "00:00:00:00:00:00":
                continue
            fdb.append(no_timers(e))
        s["fdb"] = fdb
        # ---- qdiscs and classes
        qd = run(cmd(ns, "tc", "-j", "qdisc", "show"))
        s["qdiscs"] = qd
        for q in qd:
            # htb counts the packets it sent before a class matched
            if isinstance(q, dict) and isinstance(q.get("options"), dict):
                q["options"].pop("direct_packets_stat", None)
            if isinstance(q, dict) and q.get("root") and \
                    q.get("kind") not in ("noqueue", "pfifo_fast", "mq",
                                          "noop", "pfifo", "bfifo", "tbf",
                                          "netem", "fq_codel", "sfq"):
                classful.append(q.get("dev"))
        s["classes"] = {dev: run(cmd(ns, "tc", "-j", "class", "show",
                                     "dev", dev))
                        for dev in sorted(set(classful))}
        # ---- nsids the script set
        s["nsids"] = {str(k): v for k, v in ids[ns].items()
                      if k in SCRIPT_NSIDS}
        # ---- sysctls
        s["sysctl"] = sysctls(ns)
    return canon(state)


def sysctls(ns):
    if not SYSCTL_KEYS:
        return {}
    paths = ["/proc/sys/" + k.split("=")[0].replace(".", "/")
             for k in SYSCTL_KEYS]
    prog = 'for f; do if [ -r "$f" ]; then printf "%s\\n" "$(cat "$f" | ' \
           'tr -s "\\t " "  ")"; else echo "<absent>"; fi; done'
    argv = ["sh", "-c", prog, "sh"] + paths
    if ns != "host":
        argv = ["nsenter", "--net=" + nspath(ns)] + argv
    out = run(argv, parse=False).split("\n")
    return {k: (out[i] if i < len(out) else "?")
            for i, k in enumerate(SYSCTL_KEYS)}


def canon(state):
    """the lists of records sorted: the kernel dumps some in hash or
    creation order; lists inside a record (multipath nexthops, group
    members) keep their order"""
    for s in state["ns"].values():
        for k in ("addrs", "routes", "rules", "neigh", "nexthops", "fdb",
                  "qdiscs"):
            s[k] = sorted(s[k], key=lambda d: json.dumps(d, sort_keys=True))
    return state


def settle(names, limit=3.0):
    """wait until no address is tentative on a link that is up with carrier
    (DAD), at most LIMIT seconds"""
    end = time.time() + limit
    while time.time() < end:
        busy = False
        for ns in names:
            for l in run(cmd(ns, "ip", "-j", "-6", "addr", "show",
                             "tentative")):
                fl = l.get("flags", []) if isinstance(l, dict) else []
                if "UP" in fl and "LOWER_UP" in fl and \
                        any(not a.get("dadfailed")
                            for a in l.get("addr_info", [])):
                    busy = True
        if not busy:
            return
        time.sleep(0.1)


def lint(path):
    """corpus rules a script breaks: shell syntax nsh and a flat script do
    not have, sysctl keys outside net.* (those are not per namespace: a
    write would reach the host); exits non-zero with one line each"""
    read_script(path)
    problems = []
    with open(path) as fh:
        text = fh.read()
    for n, line in enumerate(logical_lines(text), 1):
        bad = [c for c in ("$", "`", "|", ">", "<", "&", ";") if c in line]
        if bad:
            problems.append(f"{line[:60]!r}: shell syntax {' '.join(bad)}")
    for k in SYSCTL_KEYS:
        if not k.startswith("net."):
            problems.append(f"sysctl {k}: not a net.* key")
    if not re.search(r"^# source: \S", text, re.M) or \
            not re.search(r"^# what: \S", text, re.M) or \
            not re.search(r"^# changes:", text, re.M):
        problems.append("header: needs # source:, # what: and # changes:")
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


def main():
    args = sys.argv[1:]
    if "--lint" in args:
        lint(args[args.index("--lint") + 1])
    if "--script" in args:
        read_script(args[args.index("--script") + 1])
    names = ["host"] + namespaces()
    if "--settle" in args:
        settle(names)
    st = dump(["host"] + namespaces())
    if "--stable" in args:
        end = time.time() + 2.0
        while time.time() < end:
            time.sleep(0.15)
            again = dump(["host"] + namespaces())
            if again == st:
                break
            st = again
    json.dump(st, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
