#!/usr/bin/env python3
"""tests/fidelity-fixed.py NSH - fixed cases of the model fidelity trial
(t-fidelity.sh), each a divergence the random trial found once.  Run in a
sandbox.  Prints `ok CASE` or `not ok CASE: why`, one line each."""
import json
import os
import re
import socket
import struct
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fidelity as F  # noqa: E402


def sh(*cmd):
    subprocess.run(cmd, check=True)


def routes(doc, dev):
    """the IPv4 routes through DEV in show -j"""
    return sorted(r["dst"] for s in doc["namespaces"] if s["name"] == "host"
                  for r in s["routes"] if r["dev"] == dev and
                  ":" not in r["dst"])


def links(doc):
    return [l["name"] for s in doc["namespaces"] for l in s["links"]]


def last_inet_address(nsh):
    """the last IPv4 address of a link deleted: the kernel drops every
    IPv4 route through it (any table) without a RTM_DELROUTE"""
    sh("ip", "link", "add", "fx0", "type", "ifb")
    sh("ip", "link", "set", "fx0", "up")
    sh("ip", "addr", "add", "10.66.0.1/24", "dev", "fx0")
    sh("ip", "route", "add", "172.31.0.0/24", "dev", "fx0", "table", "100")
    sh("ip", "route", "add", "172.31.1.0/24", "via", "192.0.2.1", "dev",
       "fx0", "onlink")
    before = routes(F.show(nsh), "fx0")
    sh("ip", "addr", "del", "10.66.0.1/24", "dev", "fx0")
    time.sleep(0.2)
    after = routes(F.show(nsh), "fx0")
    kernel = subprocess.run(["ip", "route", "show", "table", "all", "dev",
                             "fx0"], capture_output=True, text=True).stdout
    sh("ip", "link", "del", "fx0")
    kern4 = [l for l in kernel.splitlines()
             if l and not re.match(r"(local|broadcast|multicast)? *(fe80|ff00|fd|::)", l)
             and ":" not in l.split()[0]]
    want_before = ["10.66.0.0/24", "172.31.0.0/24", "172.31.1.0/24"]
    if before != want_before:
        return "before: show -j has %s, not %s" % (before, want_before)
    if kern4:
        return "the kernel kept %s (the case no longer holds)" % kern4
    if after:
        return "after: show -j still has %s" % after
    return None


def evsock(pid):
    """the port id of nsh's event socket (its rtnetlink socket with
    multicast groups)"""
    inodes = set()
    for fd in os.listdir("/proc/%d/fd" % pid):
        m = re.match(r"socket:\[(\d+)\]$",
                     os.readlink("/proc/%d/fd/%s" % (pid, fd)))
        if m:
            inodes.add(int(m.group(1)))
    with open("/proc/net/netlink") as f:
        next(f)
        for line in f:
            v = line.split()
            if int(v[1]) == 0 and int(v[3], 16) and int(v[9]) in inodes:
                return int(v[2])
    return None


def forged_event(nsh):
    """another process sends nsh's event socket a RTM_NEWLINK: the model
    takes the kernel's word only"""
    port = evsock(nsh.p.pid)
    if port is None:
        return "no event socket found"
    name = b"forged0\0"
    attr = struct.pack("=HH", 4 + len(name), 3) + name       # IFLA_IFNAME
    attr += b"\0" * ((4 - len(attr) % 4) % 4)
    body = struct.pack("=BxHiII", 0, 1, 4242, 0x1, 0) + attr  # ifinfomsg
    msg = struct.pack("=LHHLL", 16 + len(body), 16, 0, 0, 0) + body
    s = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    s.bind((0, 0))
    s.sendto(msg, (port, 0))
    s.close()
    time.sleep(0.2)
    if "forged0" in links(F.show(nsh)):
        return "show -j lists the forged link"
    return None


def main():
    nsh = F.Nsh(sys.argv[1])
    F.show(nsh)
    rc = 0
    for case in (last_inet_address, forged_event):
        why = case(nsh)
        print(("not ok %s: %s" % (case.__name__, why)) if why
              else "ok %s" % case.__name__)
        rc |= why is not None
    nsh.close()
    return rc


if __name__ == "__main__":
    sys.exit(main())
