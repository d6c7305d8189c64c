#!/usr/bin/python3
"""bench/methods/pyroute2_inproc.py build|teardown N - method (d):
python3-pyroute2 in ONE process, the in-process form (performance.md 4c):
pyroute2's netns._create() (file + unshare(CLONE_NEWNET) + bind mount in our
own process, no fork), an IPRoute opened inside (lo up), setns back, one
RTM_NEWLINK for the veth with its peer born in the netns (net_ns_fd) and
the host end master br0 + up, then address + up through the inner socket.
Teardown: netns.remove() (umount + unlink) each, then del br0."""
import os
import sys

from pyroute2 import IPRoute, netns


def addr(i):
    return '10.200.%d.%d' % (1 + (i - 1) // 250, 1 + (i - 1) % 250)


def build(n):
    ipr = IPRoute()
    ipr.link('add', ifname='br0', kind='bridge', state='up')
    br = ipr.link_lookup(ifname='br0')[0]
    ipr.addr('add', index=br, address='10.200.0.254', prefixlen=16)
    hostfd = os.open('/proc/self/ns/net', os.O_RDONLY)
    for i in range(1, n + 1):
        netns._create('ns%d' % i)  # we are now inside the new netns
        nsfd = os.open('/proc/self/ns/net', os.O_RDONLY)
        inner = IPRoute()
        inner.link('set', index=1, state='up')
        netns.setns(hostfd)
        ipr.link('add', ifname='vethBr%d' % i, kind='veth', master=br,
                 state='up',
                 peer={'ifname': 'vethNs%d' % i, 'net_ns_fd': nsfd,
                       'index': 2})
        os.close(nsfd)
        inner.addr('add', index=2, address=addr(i), prefixlen=16)
        inner.link('set', index=2, state='up')
        inner.close()
    os.close(hostfd)
    ipr.close()


def teardown(n):
    for i in range(1, n + 1):
        netns.remove('ns%d' % i)
    ipr = IPRoute()
    ipr.link('del', ifname='br0')
    ipr.close()


if __name__ == '__main__':
    {'build': build, 'teardown': teardown}[sys.argv[1]](int(sys.argv[2]))
