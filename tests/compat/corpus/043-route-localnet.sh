# source: torvalds/linux:tools/testing/selftests/net/route_localnet.sh@30c0923370175a01a806b23d797f1d9f2f3e4f40
# what: route_localnet: 127.25.3.0/24 on a veth pair between the host and a namespace, the 127.0.0.0/8 local route deleted from table local on both sides, arp_announce=2, ping with -I (setup, run_arp_announce_test)
# changes:
#  - "${PEER_NS}" (ns-peer-$(mktemp -u XXXXXX)) named ns-peer
#  - "ifconfig veth0 127.25.3.4/24 up" and its twin in the peer written as their iproute2 equivalents (ip addr add + ip link set up): ifconfig is net-tools
#  - "ping -c5 -I veth0 ..." written "ping -c 1 -W 1 -I veth0 ..."; its if/echo left out
#  - cleanup and the arp_ignore round left out: the lab ends built
ip netns add ns-peer
ip -netns ns-peer link set dev lo up
ip link add name veth0 type veth peer name veth1
ip link set dev veth0 up
ip link set dev veth1 netns ns-peer
sysctl -w net.ipv4.conf.veth0.route_localnet=1
ip netns exec ns-peer sysctl -w net.ipv4.conf.veth1.route_localnet=1
ip route del 127.0.0.0/8 dev lo table local
ip netns exec ns-peer ip route del 127.0.0.0/8 dev lo table local
ip addr add 127.25.3.4/24 dev veth0
ip link set veth0 up
ip netns exec ns-peer ip addr add 127.25.3.14/24 dev veth1
ip netns exec ns-peer ip link set veth1 up
ip route flush cache
ip netns exec ns-peer ip route flush cache
sysctl -w net.ipv4.conf.veth0.arp_announce=2
ip netns exec ns-peer sysctl -w net.ipv4.conf.veth1.arp_announce=2
ping -c 1 -W 1 -I veth0 127.25.3.14
