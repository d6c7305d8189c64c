# source: https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/man/man8/ip-link.8.in?h=v6.1.0, ip-address.8.in, ip-route.8.in, ip-neighbour.8, ip.8 (EXAMPLES sections)
# what: the plain examples of the ip man pages in one lab: link show filters (type, master), mtu change, IPv6 address add/delete, address flush by scope, default route via a gateway on eth0, neighbour show/flush, the short forms ip addr/ip ro/ip neigh/ip link set x up|down
# changes:
#  - the devices the examples name (eth0, eth1, eth4, ppp0, x, br0) made first: veth pairs eth0/eth1, eth4/ppp0 and x/x-peer, a bridge br0 with eth4 as its port, eth0 up with 192.168.1.10/24
#  - the examples that need other kernel modules (vlan eth0.10, ipip tunnel with gue encap, xdp programs, lowpan, ip6erspan, dsa) left out
#  - "ip link help gre" kept; "ip address show up" kept; "ip neigh get 10.0.1.10 dev eth0" left out (no such neighbour: it fails)
ip link add eth0 type veth peer name eth1
ip link add eth4 type veth peer name ppp0
ip link add x type veth peer name x-peer
ip link add br0 type bridge
ip link set eth4 master br0
ip link set eth0 up
ip addr add 192.168.1.10/24 dev eth0
ip link show
ip link show type bridge
ip link show type vlan
ip link show master br0
ip link set dev ppp0 mtu 1400
ip link help gre
ip address show
ip address show up
ip address show dev eth0
ip address add 2001:0db8:85a3::0370:7334/64 dev eth1
ip address delete 2001:0db8:85a3::0370:7334/64 dev eth1
ip address add 2001:0db8:85a3::0370:7334/64 dev eth4
ip address flush dev eth4 scope global
ip ro
ip route add default via 192.168.1.1 dev eth0
ip neighbour
ip neigh flush dev eth0
ip addr
ip neigh
ip link set x up
ip link set x down
ip route
