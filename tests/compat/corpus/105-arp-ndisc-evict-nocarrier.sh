# source: torvalds/linux:tools/testing/selftests/net/arp_ndisc_evict_nocarrier.sh@6f47c7ae8c7afaf9ad291d39f0d3974f191a7946
# what: arp_evict_nocarrier=0 and ndisc_evict_nocarrier=0: a neighbour learnt by a ping survives the peer going down ("ip neigh get" / "ip -6 neigh get" after it); the short forms "ip -netns NS li add/li set", "li set veth2 netns peer up" (move and up in one line), IPv6 addresses with nodad, default routes via the link's own address
# changes:
#  - run_arp_evict_nocarrier_disabled and run_ndisc_evict_nocarrier_disabled unrolled with their setup_v4/setup_v6; the namespaces setup_ns makes named peer_ns, me and peer; variables expanded
#  - the ">/dev/null 2>&1" tails and the checks of $? dropped; cleanup_v4 and cleanup_v6 left out (the lab ends with both setups built), so the IPv6 part runs in namespaces me and peer beside the IPv4 one
ip netns add peer_ns
ip link add name veth0 type veth peer name veth1
ip link set dev veth0 up
ip link set dev veth1 netns peer_ns
ip netns exec peer_ns ip link set dev veth1 up
ip addr add 10.0.10.1/24 dev veth0
ip netns exec peer_ns ip addr add 10.0.10.2/24 dev veth1
ip netns exec peer_ns ip route add default via 10.0.10.2 dev veth1
ip route add default via 10.0.10.1 dev veth0
sysctl -w net.ipv4.conf.veth0.arp_evict_nocarrier=0
ping -c1 -I veth0 10.0.10.2 -q
ip neigh get 10.0.10.2 dev veth0
ip netns exec peer_ns ip link set veth1 down
ip neigh get 10.0.10.2 dev veth0
ip netns add me
ip netns add peer
ip -netns me li add veth1 type veth peer name veth2
ip -netns me li set veth1 up
ip -netns me -6 addr add 2001:db8:91::1/64 dev veth1 nodad
ip -netns me li set veth2 netns peer up
ip -netns peer -6 addr add 2001:db8:91::2/64 dev veth2 nodad
ip netns exec me sysctl -w net.ipv6.conf.veth1.ndisc_evict_nocarrier=0
ip netns exec me ping -6 -c1 -Iveth1 2001:db8:91::2
ip netns exec me ip -6 neigh get 2001:db8:91::2 dev veth1
ip netns exec peer ip link set veth2 down
ip netns exec me ip -6 neigh get 2001:db8:91::2 dev veth1
