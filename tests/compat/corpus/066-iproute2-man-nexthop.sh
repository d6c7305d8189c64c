# source: https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/man/man8/ip-nexthop.8?h=v6.1.0 and https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/man/man8/ip-route.8.in?h=v6.1.0 (EXAMPLES)
# what: the nexthop examples: a gateway nexthop, groups with and without weights, fdb nexthops and an fdb group, a resilient group with 32 buckets, a route using it by nhid
# changes:
#  - the device eth0 the examples use made first as a veth (eth0/eth0-peer, both up, 192.168.1.10/24 and 10.1.1.10/24 on eth0) so the gateways are on-link
#  - nexthop 2's "encap mpls 200/300" left out (this kernel has no MPLS): "ip nexthop add id 2 via 10.1.1.1 dev eth0"
#  - fdb nexthop 6, which the "group 5/6 fdb" example needs but the page does not define, added like nexthop 5
ip link add eth0 type veth peer name eth0-peer
ip link set eth0 up
ip link set eth0-peer up
ip addr add 192.168.1.10/24 dev eth0
ip addr add 10.1.1.10/24 dev eth0
ip nexthop ls
ip nexthop add id 1 via 192.168.1.1 dev eth0
ip nexthop add id 2 via 10.1.1.1 dev eth0
ip nexthop add id 3 group 1/2
ip nexthop add id 4 group 1,5/2,11
ip nexthop add id 5 via 192.168.1.2 fdb
ip nexthop add id 6 via 192.168.1.3 fdb
ip nexthop add id 7 group 5/6 fdb
ip nexthop add id 10 group 1/2 type resilient buckets 32
ip route add 10.1.1.0/30 nhid 10
ip nexthop ls
