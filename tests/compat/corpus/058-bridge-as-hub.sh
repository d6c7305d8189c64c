# source: adhak2014/Linux-Bridge-Network-Emulation:1Hub-3NS.sh@5269e6b3a403d562ebdc41693f0a5dbb0a48468b
# what: three namespaces on one bridge turned into a hub (forward delay 0, ageing 0, STP off), "ip link set br0 promisc on arp off up", addresses with ip -n, pings
# changes:
#  - the echo lines (narration) dropped
#  - the brctl lines (bridge-utils) written as their iproute2 equivalents: addbr -> ip link add br0 type bridge; addif -> ip link set PORT master br0; setfd 0 -> forward_delay 0; setageing 0 -> ageing_time 0; stp off -> stp_state 0
#  - "brctl show", "ls /var/run/netns", "ifconfig" and the xterm lines left out
#  - "ping -c 4" written "ping -c 1"
#  - the teardown after the xterm step left out: the lab ends built
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
ip link set br0-eth3 up
ip -d -j -p link show br0
bridge link
ip link set br0 type bridge forward_delay 0
ip link set br0 type bridge ageing_time 0
ip link set br0 type bridge stp_state 0
ip link set br0 promisc on arp off up
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
