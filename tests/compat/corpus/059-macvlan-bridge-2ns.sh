# source: adhak2014/Linux-Bridge-Network-Emulation:2NS-MACVLAN.sh@5269e6b3a403d562ebdc41693f0a5dbb0a48468b
# what: macvlan mode bridge: two macvlans on one parent moved into namespaces, default routes "dev macif1", a third macvlan in the root namespace, promisc on the parent, pings between all three
# changes:
#  - the VM's NIC enp0s3 stood in by a veth pair made first: "ip link add enp0s3 type veth peer name enp0s3-peer", both ends up
#  - the echo lines (narration) dropped
#  - "ping -c4"/"ping -c2" written "ping -c 1"
#  - "sleep 300" and the teardown after it left out: the lab ends built
ip link add enp0s3 type veth peer name enp0s3-peer
ip link set enp0s3 up
ip link set enp0s3-peer up
ip link set dev enp0s3 promisc on
ip -d -c link show enp0s3
ip -br -c link show
ip address show enp0s3
ip link add link enp0s3 name macif1 type macvlan mode bridge
ip link add link enp0s3 name macif2 type macvlan mode bridge
ip -d link show type macvlan
ip netns ls
ip netns add h1
ip netns add h2
ip netns show
ip link set dev macif1 netns h1
ip link set dev macif2 netns h2
ip -br -c link ls
ip -n h1 -br -c link ls
ip -n h2 -br -c link ls
ip -n h1 link set dev macif1 up
ip -n h1 address add 192.168.22.201/24 dev macif1
ip -n h1 route add default dev macif1
ip netns exec h1 ip -br link show
ip -n h2 link set dev macif2 up
ip -n h2 address add 192.168.22.202/24 dev macif2
ip -n h2 route add default dev macif2
ip netns exec h2 ip -br link show
ip netns exec h1 ping -c 1 192.168.22.202
ip netns exec h2 ping -c 1 192.168.22.201
ip link add link enp0s3 name macif0 type macvlan mode bridge
ip link set dev macif0 up
ip link show type macvlan
ip address add 192.168.22.200/24 dev macif0
ip -br -c address
ip netns exec h1 ping -c 1 192.168.22.200
ip netns exec h2 ping -c 1 192.168.22.200
ping -c 1 192.168.22.201
ping -c 1 192.168.22.202
