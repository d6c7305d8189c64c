#!/usr/bin/env python3
"""Print the kernel's network state, normalised, as JSON (the test oracle).

For the host namespace and every named namespace (or the ones given as
arguments; "host" is the namespace this runs in), read `ip -j -d link`,
`ip -j addr` and `ip -j route` (iproute2, never nsh) and keep what a lab
defines: link names, kinds, masters, admin state, MTU, veth peers (as
namespace:name), addresses (with broadcast, label and the flags a lab
sets) and routes (with prefsrc and onlink).  Values that differ between two
identical builds (ifindexes, random MACs, statistics, IPv6 link-local
addresses) are dropped, so that two builds can be compared with ==.
"""
import json
import os
import subprocess
import sys


PIDS = {}  # label -> pid, for namespaces held only by a process
# the address flags a lab sets (not the ones that come and go with DAD or
# time: tentative, optimistic, dadfailed, deprecated)
FLAGS = ("secondary", "temporary", "nodad", "noprefixroute", "dynamic",
         "home", "mngtmpaddr")


def ip(ns, *args):
    if ns in PIDS:
        cmd = ["nsenter", "-t", PIDS[ns], "-n", "ip", "-j"] + list(args)
    else:
        cmd = ["ip"] + (["-n", ns] if ns != "host" else []) + ["-j"] + \
            list(args)
    out = subprocess.run(cmd, check=True, capture_output=True,
                         text=True).stdout
    return json.loads(out) if out.strip() else []


def namespaces():
    try:
        return sorted(os.listdir("/run/netns"))
    except FileNotFoundError:
        return []


def listid(ns):
    """nsid -> namespace name as NS sees it (ip -n NS netns list-id); only
    namespaces iproute2 can name (not the host, not a process's)"""
    out = subprocess.run(
        (["nsenter", "-t", PIDS[ns], "-n", "ip"] if ns in PIDS else
         ["ip"] + (["-n", ns] if ns != "host" else [])) +
        ["-j", "netns", "list-id"], capture_output=True, text=True).stdout
    return {e["nsid"]: e["name"]
            for e in (json.loads(out) if out.strip() else []) if "name" in e}


def main():
    args = []
    for a in sys.argv[1:]:
        if "=pid:" in a:  # LABEL=pid:N, a namespace held by process N
            label, pid = a.split("=pid:")
            PIDS[label] = pid
        args.append(a.split("=pid:")[0])
    names = ["host"] + (args or namespaces())
    raw = {ns: ip(ns, "-d", "link", "show") for ns in names}

    def peer_of(ns, link):
        """namespace:name of a veth's peer, found by mutual ifindex."""
        if "link_index" not in link:
            # iproute2 names a peer in the same namespace directly
            return f"{ns}:{link['link']}" if "link" in link else None
        if "link_netnsid" not in link:
            for l in raw[ns]:
                if l["ifindex"] == link["link_index"]:
                    return f"{ns}:{l['ifname']}"
            return None
        # the namespace the nsid designates, in NS's own view (exact);
        # one iproute2 cannot name (the host, a process's): the unique
        # veth in another namespace whose peer is this one
        where = listid(ns).get(link["link_netnsid"])
        if where:
            for l in raw.get(where, []):
                if l["ifindex"] == link["link_index"]:
                    return f"{where}:{l['ifname']}"
            return "?"
        found = [f"{o}:{l['ifname']}" for o in names if o != ns
                 for l in raw[o]
                 if l["ifindex"] == link["link_index"]
                 and l.get("link_index") == link["ifindex"]
                 and "link_netnsid" in l]
        return found[0] if len(found) == 1 else "?"

    state = {"netns": namespaces(), "ns": {}}
    for ns in names:
        links = {}
        for l in raw[ns]:
            info = l.get("linkinfo", {})
            kind = info.get("info_kind", l.get("link_type"))
            links[l["ifname"]] = {
                "kind": kind,
                "up": "UP" in l.get("flags", []),
                "mtu": l.get("mtu"),
                "master": l.get("master"),
                "peer": peer_of(ns, l) if kind == "veth" else None,
            }
        addrs = []
        for l in ip(ns, "addr", "show"):
            for a in l.get("addr_info", []):
                if a["family"] == "inet6" and a.get("scope") == "link":
                    continue
                addrs.append({"dev": l["ifname"], "family": a["family"],
                              "local": a["local"],
                              "prefixlen": a["prefixlen"],
                              "broadcast": a.get("broadcast"),
                              "label": a.get("label"),
                              "flags": [w for w in FLAGS if a.get(w)],
                              "scope": a.get("scope")})
        routes = []
        for fam in ("-4", "-6"):
            for r in ip(ns, fam, "route", "show", "table", "all"):
                if r.get("table") == "local" or \
                        r.get("dst", "").startswith(("fe80", "ff00")) or \
                        r.get("type") == "multicast":
                    continue
                route = {k: r.get(k) for k in
                         ("dst", "gateway", "dev", "protocol", "scope",
                          "prefsrc", "type", "metric", "table")}
                route["onlink"] = "onlink" in r.get("flags", [])
                routes.append(route)
        key = lambda d: json.dumps(d, sort_keys=True)
        state["ns"][ns] = {"links": links, "addrs": sorted(addrs, key=key),
                           "routes": sorted(routes, key=key)}
    json.dump(state, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
