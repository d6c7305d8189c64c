# source: adhak2014/Linux-Bridge-Network-Emulation:1B-3NS-MIRROR.sh@5269e6b3a403d562ebdc41693f0a5dbb0a48468b
# what: three namespaces on a bridge with an address, a monitor port set "up promisc on arp off multicast off", traffic of one port mirrored to another with an ingress qdisc and a u32 filter with action mirred
# changes:
#  - the echo lines (narration) dropped
#  - brctl addbr/addif written as ip link add br0 type bridge / ip link set PORT master br0; "brctl show", "ls /var/run/netns", "ifconfig" left out
#  - "ping -c 4" written "ping -c 1"
#  - the egress half (tc qdisc replace ... parent root prio, a filter on its handle 8003:) left out: this kernel has no prio scheduler; the xterm lines and the teardown left out
ip netns add h1
ip netns add h2
ip netns add h3
ip netns
ip link
ip netns exec h1 ip link
ip netns exec h2 ip link
ip netns exec h3 ip link
ip link add br0 type bridge
ip link set dev br0 up
ip link add h1-eth0 type veth peer name br0-eth1
ip link add h2-eth0 type veth peer name br0-eth2
ip link add h3-eth0 type veth peer name br0-eth3
ip link set br0-eth1 master br0
ip link set br0-eth2 master br0
ip link set br0-eth3 master br0
ip link set br0-eth1 up
ip link set br0-eth2 up
ip link set br0-eth3 up promisc on arp off multicast off
ip addr add 192.168.1.1/24 dev br0
bridge link
ip link set h1-eth0 netns h1
ip -n h1 link set h1-eth0 up
ip -n h1 addr add 192.168.0.1/24 dev h1-eth0
ip netns exec h1 ip link set dev lo up
ip link set h2-eth0 netns h2
ip -n h2 link set h2-eth0 up
ip -n h2 addr add 192.168.0.2/24 dev h2-eth0
ip netns exec h2 ip link set dev lo up
ip link set h3-eth0 netns h3
ip -n h3 link set h3-eth0 up
ip -n h3 addr add 192.168.0.3/24 dev h3-eth0
ip netns exec h3 ip link set dev lo up
ip netns exec h1 ping -c 1 192.168.0.2
ip netns exec h1 ping -c 1 192.168.0.3
ip netns exec h1 ip route
ip netns exec h2 ip route
ip netns exec h3 ip route
ip -d -j -p link show br0
tc qdisc add dev br0-eth1 ingress
tc filter add dev br0-eth1 parent ffff: protocol ip u32 match u8 0 0 action mirred egress mirror dev br0-eth2
tc qdisc show dev br0-eth1
