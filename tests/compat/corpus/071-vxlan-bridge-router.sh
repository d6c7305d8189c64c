# source: hugochang1/Tutorial:OS/Linux/Network/20_VPN/05_VXLAN/readme.md@ec910b32ef64c4a6530896bed8a2c7ae5e8e78b9
# what: host A on a router bridge br-lan; host B reaches that LAN through a point-to-point vxlan (id 42, local/remote/dev/dstport) enslaved to br-lan; "ip link set up dev X"
# changes:
#  - sudo dropped; "modprobe vxlan" left out (vxlan is built in here; nothing may load modules)
#  - "sleep 2" before the pings (after IPv6 duplicate address detection); "ping ADDR -c 3" written "ping -c 1 ADDR"
#  - the tcpdump, ifconfig and clean sections left out
ip link add r_etha type veth peer name etha
ip link add r_ethb type veth peer name ethb
ip netns add ns1
ip netns add ns2
ip link set etha netns ns1
ip link set ethb netns ns2
ip link set r_etha up
ip link set r_ethb up
ip netns exec ns1 ip link set etha up
ip netns exec ns1 ip link set lo up
ip netns exec ns2 ip link set ethb up
ip netns exec ns2 ip link set lo up
ip link add name br-lan type bridge
ip link set dev br-lan up
ip addr add 192.168.200.1/24 dev r_ethb
ip addr add fd80:200::1/64 dev r_ethb
ip addr add 192.168.100.1/24 dev br-lan
ip addr add fd80:100::1/64 dev br-lan
ip netns exec ns1 ip addr add 192.168.100.2/24 dev etha
ip netns exec ns1 ip addr add fd80:100::2/64 dev etha
ip netns exec ns2 ip addr add 192.168.200.2/24 dev ethb
ip netns exec ns2 ip addr add fd80:200::2/64 dev ethb
ip link add vxlan42 type vxlan id 42 remote 192.168.200.2 local 192.168.200.1 dev r_ethb dstport 4789
ip link set up dev vxlan42
ip netns exec ns2 ip link add vxlan42 type vxlan id 42 remote 192.168.200.1 local 192.168.200.2 dev ethb dstport 4789
ip netns exec ns2 ip addr add 192.168.100.3/24 dev vxlan42
ip netns exec ns2 ip addr add fd80:100::3/64 dev vxlan42
ip netns exec ns2 ip link set up dev vxlan42
ip link set dev r_etha master br-lan
ip link set dev vxlan42 master br-lan
sleep 2
ip netns exec ns2 ping -c 1 192.168.100.2
ip netns exec ns2 ping -c 1 -I vxlan42 fd80:100::2
