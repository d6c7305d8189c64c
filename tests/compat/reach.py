#!/usr/bin/env python3
"""Reachability matrix of a lab: from the namespace this runs in ("host")
and every namespace in /run/netns, one `ping -c 1 -W 1 -q` to every global
IPv4 and IPv6 address configured in another of those namespaces (not
loopback, not link-local, not tentative or failed DAD).  All pings run at
once; prints one sorted line per pair: `FROM TO-ADDRESS 1|0`.

Only addresses this lab configured inside its own sandbox are pinged: the
list comes from `ip -j addr` of the sandbox's own namespaces.
"""
import ipaddress
import json
import os
import subprocess


def namespaces():
    try:
        return sorted(os.listdir("/run/netns"))
    except FileNotFoundError:
        return []


def addrs(ns):
    argv = ["ip"] + ([] if ns == "host" else ["-n", ns]) + ["-j", "addr"]
    out = subprocess.run(argv, capture_output=True, text=True).stdout
    found = []
    for l in json.loads(out) if out.strip() else []:
        for a in l.get("addr_info", []):
            if a.get("scope") != "global" or a.get("tentative") or \
                    a.get("dadfailed"):
                continue
            try:
                ip = ipaddress.ip_address(a["local"])
            except ValueError:
                continue
            if ip.is_loopback or ip.is_link_local or ip.is_multicast or \
                    ip.is_unspecified:
                continue
            found.append(a["local"])
    return found


def main():
    names = ["host"] + namespaces()
    where = {ns: addrs(ns) for ns in names}
    pairs = [(src, a) for src in names for dst_ns in names if dst_ns != src
             for a in where[dst_ns] if a not in where[src]]
    result = dict.fromkeys(set(pairs), None)
    # everything at once; a ping that got no reply (exit 1: not "no
    # route", exit 2) is tried once more with a longer wait, so that a
    # loaded machine does not turn a reachable pair into a 0
    for wait in ("1", "2"):
        todo = [pr for pr, r in result.items() if r is None or r == 1]
        procs = []
        for src, a in todo:
            argv = ["ping", "-c", "1", "-W", wait, "-q", a]
            if src != "host":
                argv = ["nsenter", "--net=/run/netns/" + src] + argv
            procs.append(((src, a), subprocess.Popen(
                argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)))
        for pr, p in procs:
            result[pr] = p.wait()
    lines = {f"{src} {a} {1 if r == 0 else 0}"
             for (src, a), r in result.items()}
    for l in sorted(lines):
        print(l)


if __name__ == "__main__":
    main()
