# source: hugochang1/Tutorial:OS/Linux/Network/01_create_netdev_with_namespace/readme.md@2b7afce6c40ec44b6a0159153cc5438e6a4e3c21
# what: a router (the root namespace) with two hosts in namespaces, IPv4 /24s plus addresses set by hand in fe80::/10 ("fe80:100::1/64"), routes to the other subnet via the router, pings with -I between router and hosts
# changes:
#  - sudo dropped; "ip netns exec nsN bash" and tcpdump left out
#  - "sleep 2" before the pings (after IPv6 duplicate address detection); the pings written "ping -c 1"
#  - the host-to-host pings left out: they need IP forwarding on the router, which the tutorial's machine had and a fresh namespace does not
#  - the "Remove" section left out
ip link add r_etha type veth peer name etha
ip link add r_ethb type veth peer name ethb
ip netns add ns1
ip netns add ns2
ip link set etha netns ns1
ip link set ethb netns ns2
ip addr add 192.168.100.1/24 dev r_etha
ip addr add fe80:100::1/64 dev r_etha
ip addr add 192.168.200.1/24 dev r_ethb
ip addr add fe80:200::1/64 dev r_ethb
ip netns exec ns1 ip addr add 192.168.100.2/24 dev etha
ip netns exec ns1 ip addr add fe80:100::2/64 dev etha
ip netns exec ns2 ip addr add 192.168.200.2/24 dev ethb
ip netns exec ns2 ip addr add fe80:200::2/64 dev ethb
ip link set r_etha up
ip link set r_ethb up
ip netns exec ns1 ip link set etha up
ip netns exec ns1 ip link set lo up
ip netns exec ns2 ip link set ethb up
ip netns exec ns2 ip link set lo up
ip netns exec ns1 ip route add 192.168.200.0/24 via 192.168.100.1 dev etha
ip netns exec ns2 ip route add 192.168.100.0/24 via 192.168.200.1 dev ethb
sleep 2
ping -c 1 -I r_etha 192.168.100.2
ping -c 1 -I r_etha fe80:100::2
ip netns exec ns1 ping -c 1 -I etha 192.168.100.1
ip netns exec ns1 ping -c 1 -I etha fe80:100::1
ping -c 1 -I r_ethb 192.168.200.2
ping -c 1 -I r_ethb fe80:200::2
ip netns exec ns2 ping -c 1 -I ethb 192.168.200.1
ip netns exec ns2 ping -c 1 -I ethb fe80:200::1
