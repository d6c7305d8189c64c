# source: hugochang1/Tutorial:OS/Linux/Network/01_br-lan/readme.md@199917bcc9b0de1ede801fe82ab5b79eb0740f01
# what: a router's br-lan bridge ("link add name br-lan type bridge", "link set dev br-lan up") with IPv4 and ULA IPv6 addresses, two hosts in namespaces on veths enslaved after they are up ("link set dev X master br-lan"), "ip link show master br-lan", a ping between the hosts
# changes:
#  - sudo dropped; "-c 1" added to the ping (it runs until interrupted)
#  - the final "ip link del dev br-lan" left out, so that the lab ends built
ip link add name br-lan type bridge
ip link set dev br-lan up
ip link add r_etha type veth peer name etha
ip link add r_ethb type veth peer name ethb
ip netns add ns1
ip netns add ns2
ip link set etha netns ns1
ip link set ethb netns ns2
ip addr add 192.168.100.1/24 dev br-lan
ip addr add fd80:100::1/64 dev br-lan
ip netns exec ns1 ip addr add 192.168.100.2/24 dev etha
ip netns exec ns1 ip addr add fd80:100::2/64 dev etha
ip netns exec ns2 ip addr add 192.168.100.3/24 dev ethb
ip netns exec ns2 ip addr add fd80:100::3/64 dev ethb
ip link set r_etha up
ip link set r_ethb up
ip netns exec ns1 ip link set etha up
ip netns exec ns1 ip link set lo up
ip netns exec ns2 ip link set ethb up
ip netns exec ns2 ip link set lo up
ip link set dev r_etha master br-lan
ip link set dev r_ethb master br-lan
ip link show master br-lan
ip netns exec ns1 ping -c 1 192.168.100.3
