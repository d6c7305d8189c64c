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
    procs = []
    for src in names:
        for dst_ns in names:
            if dst_ns == src:
                continue
            for a in where[dst_ns]:
                if a in where[src]:
                    continue
                argv = ["ping", "-c", "1", "-W", "1", "-q", a]
                if src != "host":
                    argv = ["nsenter", "--net=/run/netns/" + src] + argv
                procs.append((src, a, subprocess.Popen(
                    argv, stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL)))
    lines = set()
    for src, a, p in procs:
        lines.add(f"{src} {a} {1 if p.wait() == 0 else 0}")
    for l in sorted(lines):
        print(l)


if __name__ == "__main__":
    main()
