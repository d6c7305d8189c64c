# source: torvalds/linux:tools/testing/selftests/net/forwarding/bridge_port_isolation.sh@2cc2c3cb54de578666d905537e4c15969caf0dc5
# what: a bridge with three namespaces as hosts; two ports isolated ("ip link set dev swp1 type bridge_slave isolated on"), the third not ("… isolated off"): h1 and h2 cannot reach each other, h3 reaches both (IPv4 and IPv6)
# changes:
#  - the forwarding framework's hosts (VRFs on NETIFS pairs, which need the vrf driver) made as namespaces h1, h2, h3: veth pairs swpN / hN with hN moved into namespace hN, up, with the test's addresses 192.0.2.N/24 and 2001:db8:1::N/64 (simple_if_init)
#  - $swp1..$swp3 expanded; the check_err lines dropped
#  - ping_ipv4/ping_ipv6 written as one ping and one ping -6 from h3 to h2 (the pings the test expects to fail left out); the flooding test left out
ip netns add h1
ip netns add h2
ip netns add h3
ip link add swp1 type veth peer name h1 netns h1
ip link add swp2 type veth peer name h2 netns h2
ip link add swp3 type veth peer name h3 netns h3
ip -n h1 link set dev h1 up
ip -n h1 address add 192.0.2.1/24 dev h1
ip -n h1 address add 2001:db8:1::1/64 dev h1
ip -n h2 link set dev h2 up
ip -n h2 address add 192.0.2.2/24 dev h2
ip -n h2 address add 2001:db8:1::2/64 dev h2
ip -n h3 link set dev h3 up
ip -n h3 address add 192.0.2.3/24 dev h3
ip -n h3 address add 2001:db8:1::3/64 dev h3
ip link add dev br0 type bridge
ip link set dev swp1 master br0
ip link set dev swp2 master br0
ip link set dev swp3 master br0
ip link set dev swp1 type bridge_slave isolated on
ip link set dev swp2 type bridge_slave isolated on
ip link set dev swp3 type bridge_slave isolated off
ip link set dev br0 up
ip link set dev swp1 up
ip link set dev swp2 up
ip link set dev swp3 up
sleep 3
ip netns exec h3 ping -c 1 -W 2 192.0.2.2
ip netns exec h3 ping -6 -c 1 -W 2 2001:db8:1::2
