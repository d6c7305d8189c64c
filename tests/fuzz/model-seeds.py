#!/usr/bin/env python3
"""tests/fuzz/model-seeds.py OUTDIR - seeds for fuzz-model: real rtnetlink
messages, as the kernel sends them, captured in a sandbox of their own.

Run as root; it re-executes itself in a fresh network and mount namespace
(unshare), makes a few links (veth, bridge with a port, vxlan, ifb, macvlan),
addresses and routes there, dumps them with one raw NETLINK_ROUTE socket
and writes one seed per message: byte 0 (the namespace of the fuzz model:
0 the host) then the message.  Also an RTM_DELNSID and a multipath route.
Nothing is made outside the sandbox."""
import os
import socket
import struct
import subprocess
import sys

RTM_GETLINK, RTM_GETADDR, RTM_GETROUTE = 18, 22, 26
RTM_DELNSID = 89
NLM_F_REQUEST, NLM_F_DUMP = 1, 0x300
NLMSG_DONE = 3


def sandboxed():
    return os.environ.get("NSH_SEED_SANDBOX") == "1"


def dump(sk, mtype, family, seq):
    hdr = struct.pack("=LHHLL", 16 + 4, mtype, NLM_F_REQUEST | NLM_F_DUMP,
                      seq, 0)
    body = struct.pack("=B3x", family)
    if mtype == RTM_GETLINK:
        body = struct.pack("=BxHiII", family, 0, 0, 0, 0)
        hdr = struct.pack("=LHHLL", 16 + len(body), mtype,
                          NLM_F_REQUEST | NLM_F_DUMP, seq, 0)
    elif mtype == RTM_GETROUTE:
        body = struct.pack("=BBBBBBBBI", family, 0, 0, 0, 0, 0, 0, 0, 0)
        hdr = struct.pack("=LHHLL", 16 + len(body), mtype,
                          NLM_F_REQUEST | NLM_F_DUMP, seq, 0)
    sk.send(hdr + body)
    msgs = []
    while True:
        data = sk.recv(1 << 16)
        off = 0
        while off + 16 <= len(data):
            ln, t = struct.unpack_from("=LH", data, off)
            if t == NLMSG_DONE:
                return msgs
            msgs.append(data[off:off + ln])
            off += (ln + 3) & ~3


def main():
    out = sys.argv[1]
    if not sandboxed():
        os.environ["NSH_SEED_SANDBOX"] = "1"
        os.execvp("unshare", ["unshare", "--net", "--mount",
                              "--propagation", "private", sys.executable,
                              os.path.abspath(__file__), out])
    ip = lambda *a: subprocess.run(["ip"] + list(a), check=True)
    ip("link", "set", "lo", "up")
    ip("link", "add", "v1", "type", "veth", "peer", "name", "v2")
    ip("link", "add", "br0", "type", "bridge")
    ip("link", "set", "v2", "master", "br0")
    ip("link", "add", "d0", "address", "02:00:00:00:00:01", "mtu", "1400",
       "type", "ifb")
    ip("link", "add", "mv0", "link", "v1", "type", "macvlan", "mode",
       "bridge")
    ip("link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789",
       "dev", "d0")
    for d in ("v1", "v2", "br0", "d0"):
        ip("link", "set", d, "up")
    ip("addr", "add", "10.0.0.1/24", "brd", "+", "dev", "v1", "label",
       "v1:a")
    ip("addr", "add", "fd00::1/64", "dev", "v1", "nodad")
    ip("route", "add", "10.9.0.0/16", "via", "10.0.0.2", "dev", "v1",
       "metric", "7")
    ip("route", "add", "10.8.0.0/16", "nexthop", "via", "10.0.0.2",
       "dev", "v1", "nexthop", "via", "10.0.0.3", "dev", "v1")
    ip("route", "add", "table", "5", "default", "via", "10.0.0.2")
    sk = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
    msgs = (dump(sk, RTM_GETLINK, 0, 1) + dump(sk, RTM_GETADDR, 0, 2)
            + dump(sk, RTM_GETROUTE, 0, 3))
    # the host's RTM_DELNSID of nsid 1 (fuzz-model's namespace "b")
    body = struct.pack("=B3x", 0) + struct.pack("=HHi", 8, 1, 1)
    msgs.append(struct.pack("=LHHLL", 16 + len(body), RTM_DELNSID, 0, 0, 0)
                + body)
    os.makedirs(out, exist_ok=True)
    for i, m in enumerate(msgs):
        t = struct.unpack_from("=H", m, 4)[0]
        with open(os.path.join(out, "msg%02d-type%d" % (i, t)), "wb") as f:
            f.write(bytes([i % 3]) + m)
    # several in one datagram: all the links, then a deletion of one
    links = [m for m in msgs if struct.unpack_from("=H", m, 4)[0] == 16]
    with open(os.path.join(out, "links-then-del"), "wb") as f:
        dl = bytearray(links[-1])
        struct.pack_into("=H", dl, 4, 17)
        f.write(b"\x01" + b"".join(links) + bytes(dl))


main()
