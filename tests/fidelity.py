#!/usr/bin/env python3
"""tests/fidelity.py NSH SEED N - the model fidelity trial (issue 14).

Run inside a sandbox (tests/netns/t-fidelity.sh).  Starts `NSH -i` reading
a pipe, then applies N seeded random changes with iproute2, in other
processes: namespaces added and deleted, links of the kinds this kernel
has (veth, bridge, vxlan, macvlan, ifb, tun/tap) added, deleted, renamed,
moved between namespaces, enslaved to a bridge and freed, set up and down,
given an MTU and a MAC; addresses, routes (main and another table, with
and without gateways), rules and neighbours added and deleted.  A rough
model of the state keeps most changes valid; the kernel's refusals are
counted, not hidden.

After each change nsh is asked `show -j` until it has what the kernel has
(namespaces; links with kind, up, MTU, MAC, master, veth peer; addresses;
routes): the time from the change's return to that answer is its latency
(p50, p99, max printed).  A change nsh has not seen within 3 s is a
difference.  At the end, once the kernel is still, `show -j` is compared
with the kernel in every namespace, every field nsh shows (carrier and
operstate, address flags, scope, label, broadcast, route protocol, prefsrc,
onlink too).  Rules and neighbours are not in nsh's model: they are there
to show that the model is not disturbed by them.

Prints `# …` lines, then one line `RESULT {json}`; exit 0 when the final
comparison found 0 differences and every change was seen."""
import json
import os
import random
import re
import select
import subprocess
import sys
import time

ASK_TIMEOUT = 10
SEEN_TIMEOUT = 3.0


# ------------------------------------------------------------ nsh -i
class Nsh:
    def __init__(self, path):
        self.p = subprocess.Popen([path, "-i"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT)
        self.n = 0
        self.buf = b""

    def ask(self, line):
        """LINE's output, up to the marker echoed after it"""
        self.n += 1
        mark = b"@@fid%d@@\n" % self.n
        self.p.stdin.write(line.encode() + b"\necho @@fid%d@@\n" % self.n)
        self.p.stdin.flush()
        end = time.monotonic() + ASK_TIMEOUT
        fd = self.p.stdout.fileno()
        while True:
            i = self.buf.find(mark)
            if i >= 0 and (i == 0 or self.buf[i - 1:i] == b"\n"):
                out, self.buf = self.buf[:i], self.buf[i + len(mark):]
                return out.decode(errors="replace")
            left = end - time.monotonic()
            if left <= 0 or self.p.poll() is not None:
                raise RuntimeError("nsh -i did not answer: " + line)
            r, _, _ = select.select([fd], [], [], left)
            if r:
                chunk = os.read(fd, 1 << 20)
                if not chunk:
                    raise RuntimeError("nsh -i ended")
                self.buf += chunk

    def close(self):
        self.p.stdin.close()
        return self.p.wait(timeout=20)


def show(nsh):
    out = nsh.ask("show -j")
    return json.loads(out)


# ------------------------------------------------------------ the kernel
def ip(ns, *args):
    cmd = ["ip"] + (["-n", ns] if ns != "host" else []) + ["-j"] + list(args)
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode:
        return None
    return json.loads(r.stdout) if r.stdout.strip() else []


def named():
    try:
        return sorted(os.listdir("/run/netns"))
    except FileNotFoundError:
        return []


def listid(ns, cache):
    if ns not in cache:
        out = ip(ns, "netns", "list-id") or []
        cache[ns] = {e["nsid"]: e.get("name", "host") for e in out}
    return cache[ns]


def peer_of(raw, ns, l, cache):
    if "link_netnsid" not in l:
        for o in raw[ns]:
            if o["ifindex"] == l.get("link_index"):
                return (ns, o["ifname"])
        return (ns, l["link"]) if "link" in l else None
    where = listid(ns, cache).get(l["link_netnsid"])
    for x in raw.get(where, []):
        if x["ifindex"] == l.get("link_index"):
            return (where, x["ifname"])
    return ("?", "?")


ADDR_FLAGS = ("secondary", "nodad", "tentative", "dadfailed", "deprecated",
              "optimistic", "noprefixroute", "home", "mngtmpaddr",
              "temporary", "dynamic")


def flagset(flags):
    """a link's flags, without ip's pseudo-flags"""
    return tuple(sorted(set(flags) - {"NO-CARRIER", "M-DOWN"}))


def kernel():
    """the kernel's state, as nsh's show -j lays it out (normalised)"""
    raw = {}
    for ns in ["host"] + named():
        r = ip(ns, "-d", "link", "show")
        if r is not None:
            raw[ns] = r
    cache = {}
    out = {}
    for ns, links in raw.items():
        ls = {}
        for l in links:
            kind = l.get("linkinfo", {}).get("info_kind") or ""
            flags = l.get("flags", [])
            ls[l["ifname"]] = {
                "kind": kind, "up": "UP" in flags,
                "lower_up": "LOWER_UP" in flags,
                "flags": flagset(flags),
                "operstate": l.get("operstate"), "mtu": l.get("mtu"),
                "mac": (l.get("address") or "").lower()
                if len(l.get("address") or "") == 17 else None,
                "master": l.get("master"),
                "peer": peer_of(raw, ns, l, cache) if kind == "veth"
                else None}
        addrs = set()
        for l in ip(ns, "addr", "show") or []:
            for a in l.get("addr_info", []):
                fl = tuple(sorted(f for f in ADDR_FLAGS if a.get(f)))
                addrs.add((l["ifname"], a["family"], a["local"],
                           a["prefixlen"], a.get("scope"),
                           a.get("broadcast"), a.get("label"), fl))
        routes = set()
        for fam in ("-4", "-6"):
            for r in ip(ns, fam, "route", "show", "table", "all") or []:
                if r.get("table") == "local" or r.get("type") not in (
                        None, "unicast"):
                    continue
                routes.add((dst(r.get("dst")), r.get("gateway"),
                            r.get("dev"), r.get("protocol", "boot"),
                            str(r.get("table", "main")), r.get("metric", 0),
                            r.get("prefsrc"), "onlink" in r.get("flags", [])))
        out[ns] = {"links": ls, "addrs": addrs, "routes": routes}
    return out


def dst(d):
    if d in (None, "default", "0.0.0.0/0", "::/0"):
        return "default"
    return re.sub(r"/(32|128)$", "", str(d))


def from_show(doc):
    """show -j, normalised as kernel() is"""
    out = {}
    for s in doc["namespaces"]:
        links = {}
        for l in s.get("links", []):
            p = l.get("peer")
            # the flags, as the kernel last said (show -j's "lower_up"
            # is the carrier the views infer: a bridge has one when a
            # port has, where this kernel gives an empty bridge one)
            links[l["name"]] = {
                "kind": l.get("kind") or "", "up": bool(l.get("up")),
                "lower_up": "LOWER_UP" in (l.get("flags") or []),
                "flags": flagset(l.get("flags") or []),
                "operstate": l.get("operstate"), "mtu": l.get("mtu"),
                "mac": (l.get("mac") or "").lower() or None,
                "master": l.get("master"),
                "peer": (p.get("netns"), p.get("name")) if p else None}
        addrs = set()
        for a in s.get("addresses", []):
            addrs.add((a.get("dev"), a.get("family"), a.get("local"),
                       a.get("prefixlen"), a.get("scope"),
                       a.get("broadcast"), a.get("label"),
                       tuple(sorted(a.get("flags") or []))))
        routes = set()
        for r in s.get("routes", []):
            routes.add((dst(r.get("dst")), r.get("gateway"), r.get("dev"),
                        r.get("protocol"), str(r.get("table")),
                        r.get("metric"), r.get("prefsrc"),
                        bool(r.get("onlink"))))
        out[s["name"]] = {"links": links, "addrs": addrs, "routes": routes}
    return out


QUICK_LINK = ("kind", "up", "mtu", "mac", "master", "peer")


def quick(state):
    """what a change sets itself (not carrier, operstate, DAD, nor the
    link-local addresses and routes IPv6 adds later on its own)"""
    q = {}
    for ns, v in state.items():
        q[ns] = {
            "links": {n: tuple(l[k] for k in QUICK_LINK)
                      for n, l in v["links"].items()},
            "addrs": {a[:4] for a in v["addrs"]
                      if not str(a[2]).startswith("fe80:")},
            "routes": {r[:6] for r in v["routes"]
                       if not str(r[0]).startswith("fe80:")}}
    return q


def diff(nsh, k, fields=None):
    """the differences between two normalised states, one line each"""
    out = []
    for ns in sorted(set(nsh) | set(k)):
        if ns not in nsh:
            out.append(f"{ns}: namespace missing in nsh")
            continue
        if ns not in k:
            out.append(f"{ns}: namespace only in nsh")
            continue
        a, b = nsh[ns], k[ns]
        for n in sorted(set(a["links"]) | set(b["links"])):
            if n not in a["links"]:
                out.append(f"{ns}: link {n} missing in nsh")
            elif n not in b["links"]:
                out.append(f"{ns}: link {n} only in nsh")
            elif a["links"][n] != b["links"][n]:
                x, y = a["links"][n], b["links"][n]
                if isinstance(x, dict):
                    x = {f: v for f, v in x.items() if y.get(f) != v}
                    y = {f: b["links"][n][f] for f in x}
                out.append(f"{ns}: link {n}: nsh {x} kernel {y}")
        for what in ("addrs", "routes"):
            for e in sorted(a[what] - b[what], key=str):
                out.append(f"{ns}: {what} only in nsh: {e}")
            for e in sorted(b[what] - a[what], key=str):
                out.append(f"{ns}: {what} missing in nsh: {e}")
    return out


def settle():
    """until the kernel is still: two equal snapshots 0.5 s apart and no
    address in duplicate address detection"""
    t0 = time.monotonic()
    a = kernel()
    while time.monotonic() - t0 < 15:
        time.sleep(0.5)
        b = kernel()
        tent = any("tentative" in x[7] for v in b.values()
                   for x in v["addrs"])
        if a == b and not tent:
            return
        a = b


# ------------------------------------------------------------ changes
NS = ["m%d" % i for i in range(4)]


class Gen:
    """random iproute2 commands over the host and namespaces m0..m3, with
    a rough model of the state so that most of them are valid"""

    def __init__(self, seed, hostpid, kinds):
        self.r = random.Random(seed)
        self.hostpid = hostpid
        self.kinds = kinds
        self.links = {"host": {}}  # ns -> name -> info
        self.n = 0

    def fresh(self, p="q"):
        self.n += 1
        return "%s%d" % (p, self.n)

    def pre(self, ns):
        return ["ip"] + (["-n", ns] if ns != "host" else [])

    def target(self, ns):
        return str(self.hostpid) if ns == "host" else ns

    def pick(self, pred=lambda ns, n, i: True):
        c = [(ns, n) for ns in sorted(self.links)
             for n, i in sorted(self.links[ns].items()) if pred(ns, n, i)]
        return self.r.choice(c) if c else (None, None)

    def drop(self, ns, name):
        info = self.links.get(ns, {}).pop(name, None)
        if not info:
            return
        if info.get("peer"):
            self.links.get(info["peer"][0], {}).pop(info["peer"][1], None)
        for o in list(self.links.get(ns, {}).values()):
            if o.get("master") == name:
                o["master"] = None
        for n, o in list(self.links.get(ns, {}).items()):
            if o.get("lower") == name:    # a macvlan goes with its link
                self.drop(ns, n)

    def new(self, kind, **kw):
        d = {"kind": kind, "peer": None, "master": None, "addrs": set(),
             "lower": None}
        d.update(kw)
        return d

    def next(self):
        r = self.r
        spaces = sorted(self.links)
        ops = ["nsadd", "nsdel", "add", "del", "rename", "move", "updown",
               "mtu", "mac", "master", "nomaster", "addradd", "addrdel",
               "routeadd", "routedel", "rule", "neigh"]
        w = [4, 1.2, 18, 4, 6, 6, 14, 4, 2, 6, 2, 12, 3, 8, 3, 3, 3]
        while True:
            op = r.choices(ops, w)[0]
            cmd = getattr(self, "op_" + op)(spaces)
            if cmd:
                return op, cmd

    def op_nsadd(self, spaces):
        c = [x for x in NS if x not in self.links]
        if not c:
            return None
        x = self.r.choice(c)
        self.links[x] = {"lo": self.new("")}
        return ["ip", "netns", "add", x]

    def op_nsdel(self, spaces):
        c = [x for x in NS if x in self.links]
        if not c:
            return None
        x = self.r.choice(c)
        for name in list(self.links[x]):
            self.drop(x, name)
        del self.links[x]
        return ["ip", "netns", "del", x]

    def op_add(self, spaces):
        r = self.r
        ns = r.choice(spaces)
        kind = r.choice(self.kinds)
        a = self.fresh()
        if kind == "veth":
            ns2 = ns if r.random() < 0.5 else r.choice(spaces)
            b = self.fresh()
            cmd = self.pre(ns) + ["link", "add", a, "type", "veth", "peer",
                                  "name", b]
            if ns2 != ns:
                cmd += ["netns", self.target(ns2)]
            self.links[ns][a] = self.new("veth", peer=(ns2, b))
            self.links[ns2][b] = self.new("veth", peer=(ns, a))
            return cmd
        if kind == "macvlan":
            ns_, low = self.pick(lambda s, n, i: s == ns and
                                 i["kind"] in ("veth", "ifb", "tap"))
            if not low:
                return None
            self.links[ns][a] = self.new("macvlan", lower=low)
            return self.pre(ns) + ["link", "add", a, "link", low, "type",
                                   "macvlan", "mode",
                                   r.choice(["bridge", "private", "vepa"])]
        if kind == "tap":
            self.links[ns][a] = self.new("tap")
            return self.pre(ns) + ["tuntap", "add", a, "mode",
                                   r.choice(["tap", "tun"])]
        self.links[ns][a] = self.new(kind)
        extra = []
        if kind == "vxlan":
            extra = ["id", str(r.randrange(1, 1 << 24)), "dstport", "4789"]
        return self.pre(ns) + ["link", "add", a, "type", kind] + extra

    def op_del(self, spaces):
        ns, l = self.pick(lambda s, n, i: n != "lo")
        if not ns:
            return None
        self.drop(ns, l)
        return self.pre(ns) + ["link", "del", l]

    def op_rename(self, spaces):
        ns, l = self.pick(lambda s, n, i: n != "lo")
        if not ns:
            return None
        new = self.fresh()
        info = self.links[ns].pop(l)
        self.links[ns][new] = info
        if info["peer"]:
            p = self.links.get(info["peer"][0], {}).get(info["peer"][1])
            if p:
                p["peer"] = (ns, new)
        for o in self.links[ns].values():
            if o.get("master") == l:
                o["master"] = new
            if o.get("lower") == l:
                o["lower"] = new
        return self.pre(ns) + ["link", "set", l, "name", new]

    def op_move(self, spaces):
        # veth, macvlan, ifb, vxlan move; a bridge does not (netns-local)
        ns, l = self.pick(lambda s, n, i: n != "lo" and
                          i["kind"] in ("veth", "ifb", "vxlan", "tap",
                                        "macvlan"))
        c = [x for x in spaces if x != ns]
        if not ns or not c:
            return None
        to = self.r.choice(c)
        if l in self.links[to]:
            return None
        info = self.links[ns].pop(l)
        info["master"] = None
        info["addrs"] = set()
        self.links[to][l] = info
        if info["peer"]:
            p = self.links.get(info["peer"][0], {}).get(info["peer"][1])
            if p:
                p["peer"] = (to, l)
        for o in self.links[ns].values():
            if o.get("master") == l:
                o["master"] = None
        return self.pre(ns) + ["link", "set", l, "netns", self.target(to)]

    def op_updown(self, spaces):
        ns, l = self.pick()
        if not ns:
            return None
        return self.pre(ns) + ["link", "set", l,
                               "up" if self.r.random() < 0.7 else "down"]

    def op_mtu(self, spaces):
        ns, l = self.pick(lambda s, n, i: n != "lo")
        if not ns:
            return None
        return self.pre(ns) + ["link", "set", l, "mtu",
                               str(self.r.choice([1280, 1400, 1450, 1500]))]

    def op_mac(self, spaces):
        ns, l = self.pick(lambda s, n, i: i["kind"] in ("veth", "bridge",
                                                        "ifb", "tap"))
        if not ns:
            return None
        mac = "02:%02x:%02x:%02x:%02x:%02x" % tuple(
            self.r.randrange(256) for _ in range(5))
        return self.pre(ns) + ["link", "set", l, "address", mac]

    def op_master(self, spaces):
        ns, br = self.pick(lambda s, n, i: i["kind"] == "bridge")
        if not ns:
            return None
        _, l = self.pick(lambda s, n, i: s == ns and i["kind"] in
                         ("veth", "ifb", "vxlan", "tap"))
        if not l:
            return None
        self.links[ns][l]["master"] = br
        return self.pre(ns) + ["link", "set", l, "master", br]

    def op_nomaster(self, spaces):
        ns, l = self.pick(lambda s, n, i: i.get("master"))
        if not ns:
            return None
        self.links[ns][l]["master"] = None
        return self.pre(ns) + ["link", "set", l, "nomaster"]

    def op_addradd(self, spaces):
        ns, l = self.pick(lambda s, n, i: n != "lo" or self.r.random() < .1)
        if not ns:
            return None
        self.n += 1
        c = self.n
        if self.r.random() < 0.6:
            a = "10.%d.%d.1/24" % (c // 250 % 250, c % 250)
            extra = ["brd", "+"] if self.r.random() < 0.3 else []
        else:
            a = "fd00:%x::1/64" % c
            extra = ["nodad"]
        self.links[ns][l]["addrs"].add(a)
        return self.pre(ns) + ["addr", "add", a, "dev", l] + extra

    def op_addrdel(self, spaces):
        c = [(ns, l, a) for ns in sorted(self.links)
             for l in sorted(self.links[ns])
             for a in sorted(self.links[ns][l]["addrs"])]
        if not c:
            return None
        ns, l, a = self.r.choice(c)
        self.links[ns][l]["addrs"].discard(a)
        return self.pre(ns) + ["addr", "del", a, "dev", l]

    def op_routeadd(self, spaces):
        ns, l = self.pick(lambda s, n, i: n != "lo")
        if not ns:
            return None
        r = self.r
        self.n += 1
        pfx = "172.%d.%d.0/24" % (16 + self.n // 250 % 16, self.n % 250)
        cmd = self.pre(ns) + ["route", "add", pfx]
        if r.random() < 0.5:
            cmd += ["via", "192.0.2.%d" % r.randrange(1, 250), "dev", l,
                    "onlink"]
        else:
            cmd += ["dev", l]
        if r.random() < 0.3:
            cmd += ["table", str(r.choice([100, 200]))]
        if r.random() < 0.3:
            cmd += ["metric", str(r.randrange(1, 1000))]
        self.links[ns][l].setdefault("routes", []).append(cmd[len(
            self.pre(ns)) + 2:])
        return cmd

    def op_routedel(self, spaces):
        ns, l = self.pick(lambda s, n, i: i.get("routes"))
        if not ns:
            return None
        rt = self.links[ns][l]["routes"]
        spec = rt.pop(self.r.randrange(len(rt)))
        return self.pre(ns) + ["route", "del"] + spec

    def op_rule(self, spaces):
        ns = self.r.choice(spaces)
        pref = str(self.r.randrange(100, 120))
        if self.r.random() < 0.6:
            return self.pre(ns) + ["rule", "add", "pref", pref, "from",
                                   "10.%d.0.0/16" % self.r.randrange(250),
                                   "table", "100"]
        return self.pre(ns) + ["rule", "del", "pref", pref]

    def op_neigh(self, spaces):
        ns, l = self.pick(lambda s, n, i: i["kind"] in ("veth", "bridge"))
        if not ns:
            return None
        a = "10.250.%d.%d" % (self.r.randrange(250), self.r.randrange(1, 250))
        if self.r.random() < 0.7:
            return self.pre(ns) + ["neigh", "replace", a, "lladdr",
                                   "02:00:00:00:00:%02x" %
                                   self.r.randrange(256), "dev", l, "nud",
                                   "permanent"]
        return self.pre(ns) + ["neigh", "flush", "dev", l]


def kinds_here():
    """the link kinds this kernel can make (probed in a scratch namespace
    of the sandbox)"""
    have = []
    probe = {"veth": ["type", "veth"], "bridge": ["type", "bridge"],
             "vxlan": ["type", "vxlan", "id", "1", "dstport", "4789"],
             "ifb": ["type", "ifb"]}
    subprocess.run(["ip", "netns", "add", "fidprobe"], check=True)
    for k, args in probe.items():
        if subprocess.run(["ip", "-n", "fidprobe", "link", "add", "p0"] +
                          args, capture_output=True).returncode == 0:
            have.append(k)
            subprocess.run(["ip", "-n", "fidprobe", "link", "del", "p0"],
                           capture_output=True)
    if "veth" in have and subprocess.run(
            ["ip", "-n", "fidprobe", "link", "add", "p0", "type", "veth"],
            capture_output=True).returncode == 0:
        if subprocess.run(["ip", "-n", "fidprobe", "link", "add", "p1",
                           "link", "p0", "type", "macvlan"],
                          capture_output=True).returncode == 0:
            have.append("macvlan")
    if subprocess.run(["ip", "-n", "fidprobe", "tuntap", "add", "t0", "mode",
                       "tap"], capture_output=True).returncode == 0:
        have.append("tap")
    subprocess.run(["ip", "netns", "del", "fidprobe"], check=True)
    return have


def pct(v, p):
    if not v:
        return None
    v = sorted(v)
    return v[min(len(v) - 1, int(round(p / 100.0 * (len(v) - 1))))]


def main():
    nshpath, seed, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    kinds = kinds_here()
    print("# seed %d, %d changes, link kinds: %s" % (seed, n,
                                                     " ".join(kinds)))
    sys.stdout.flush()
    nsh = Nsh(nshpath)
    show(nsh)   # the model is built
    g = Gen(seed, os.getpid(), kinds)
    lat, unseen, refused, ops = [], [], 0, {}
    t_start = time.monotonic()
    for i in range(n):
        op, cmd = g.next()
        ops[op] = ops.get(op, 0) + 1
        rc = subprocess.run(cmd, capture_output=True).returncode
        t0 = time.monotonic()
        if os.environ.get("FID_VERBOSE"):
            print("# %d: %s -> %d" % (i, " ".join(cmd), rc), flush=True)
        refused += rc != 0
        s = quick(from_show(show(nsh)))
        t1 = time.monotonic()
        k = quick(kernel())
        while s != k and time.monotonic() - t0 < SEEN_TIMEOUT:
            s = quick(from_show(show(nsh)))
            t1 = time.monotonic()
            if s != k:
                k = quick(kernel())
        if s != k:
            unseen.append((" ".join(cmd), diff(s, k)[:3]))
            if os.environ.get("FID_VERBOSE"):
                print("# %d not seen: %s" % (i, unseen[-1]), flush=True)
            # the model is resynchronised from here on: go on with it
        elif rc == 0:
            lat.append((t1 - t0) * 1000)
    took = time.monotonic() - t_start
    settle()
    final = diff(from_show(show(nsh)), kernel())
    if final:   # linkwatch may announce a carrier up to a second later
        time.sleep(2)
        final = diff(from_show(show(nsh)), kernel())
    status = nsh.close()
    k = kernel()
    res = {
        "seed": seed, "changes": n, "refused": refused, "ops": ops,
        "kinds": kinds, "seconds": round(took, 1),
        "latency_ms": {"n": len(lat),
                       "p50": round(pct(lat, 50), 2) if lat else None,
                       "p99": round(pct(lat, 99), 2) if lat else None,
                       "max": round(max(lat), 2) if lat else None},
        "unseen": len(unseen), "differences": len(final),
        "final_objects": {"namespaces": len(k),
                          "links": sum(len(v["links"]) for v in k.values()),
                          "addresses": sum(len(v["addrs"])
                                           for v in k.values()),
                          "routes": sum(len(v["routes"])
                                        for v in k.values())},
        "nsh_status": status}
    for cmd, d in unseen[:10]:
        print("# not seen within %.0f s: %s" % (SEEN_TIMEOUT, cmd))
        for x in d:
            print("#   " + x)
    for x in final[:30]:
        print("# final difference: " + x)
    print("RESULT " + json.dumps(res, sort_keys=True))
    return 0 if not final and not unseen and status == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
