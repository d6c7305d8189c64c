# source: hugochang1/Tutorial:OS/Linux/Network/02_proxy_arp/readme.md@f2a3663dc0794588115805074a8f648c4f3a0f23
# what: a router (the root namespace) between two hosts on different subnets that believe they share a link: proxy_arp/proxy_ndp, on-link routes without next hop, "ip -6 neigh add proxy ADDR dev DEV"
# changes:
#  - sudo dropped
#  - "echo 1 | sudo tee /proc/sys/net/..." written "sysctl -w KEY=1" (no pipes in a corpus script)
#  - the commented-out "via" routes left out
#  - "sleep 2" before the pings (the reader types them seconds later, after IPv6 duplicate address detection); "ping ... -c 3" written "ping -c 1 ..."
sysctl -w net.ipv4.conf.all.proxy_arp=1
sysctl -w net.ipv6.conf.all.proxy_ndp=1
sysctl -w net.ipv4.ip_forward=1
sysctl -w net.ipv6.conf.all.forwarding=1
ip link add r_etha type veth peer name etha
ip link add r_ethb type veth peer name ethb
ip netns add ns1
ip netns add ns2
ip link set etha netns ns1
ip link set ethb netns ns2
ip addr add 192.168.100.1/24 dev r_etha
ip addr add fd80:100::1/64 dev r_etha
ip addr add 192.168.200.1/24 dev r_ethb
ip addr add fd80:200::1/64 dev r_ethb
ip netns exec ns1 ip addr add 192.168.100.2/24 dev etha
ip netns exec ns1 ip addr add fd80:100::2/64 dev etha
ip netns exec ns2 ip addr add 192.168.200.2/24 dev ethb
ip netns exec ns2 ip addr add fd80:200::2/64 dev ethb
ip link set r_etha up
ip link set r_ethb up
ip netns exec ns1 ip link set etha up
ip netns exec ns1 ip link set lo up
ip netns exec ns2 ip link set ethb up
ip netns exec ns2 ip link set lo up
ip netns exec ns1 ip route add 192.168.200.0/24 dev etha
ip netns exec ns1 ip route add fd80:200::0/64 dev etha
ip netns exec ns2 ip route add 192.168.100.0/24 dev ethb
ip netns exec ns2 ip route add fd80:100::0/64 dev ethb
ip -6 neigh add proxy fd80:200::1 dev r_etha
ip -6 neigh add proxy fd80:200::2 dev r_etha
ip -6 neigh add proxy fd80:100::1 dev r_ethb
ip -6 neigh add proxy fd80:100::2 dev r_ethb
sleep 2
ip netns exec ns1 ping -c 1 -I etha 192.168.200.2
ip netns exec ns1 ping -c 1 -I fd80:100::2 fd80:200::2
ip netns exec ns2 ping -c 1 -I ethb 192.168.100.2
ip netns exec ns2 ping -c 1 -I fd80:200::2 fd80:100::2
