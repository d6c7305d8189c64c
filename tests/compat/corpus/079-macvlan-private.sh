# source: generals-space/note-devops:虚拟网络/macvlan/macvlan.1.private.md@75031809289ef0ee0b4fd2de59bf31046f572d3e (example 1)
# what: macvlan mode private: two macvlans of one parent in two namespaces; a host on the same segment reaches both, they cannot reach each other
# changes:
#  - the two VMware machines stood in: vm02's NIC ens34 is one end of a veth pair (172.16.91.14/24, up), its peer is eth0 of a namespace vm01 (172.16.91.10/24, up) playing vm01
#  - "dev" written as in the note: "ip link add link ens34 dev macvlan1 type macvlan mode private"
ip netns add vm01
ip link add ens34 type veth peer name eth0 netns vm01
ip addr add 172.16.91.14/24 dev ens34
ip link set ens34 up
ip netns exec vm01 ip addr add 172.16.91.10/24 dev eth0
ip netns exec vm01 ip link set eth0 up
ip link add link ens34 dev macvlan1 type macvlan mode private
ip link add link ens34 dev macvlan2 type macvlan mode private
ip netns add ns01
ip netns add ns02
ip link set macvlan1 netns ns01
ip link set macvlan2 netns ns02
ip netns exec ns01 ip addr add 172.16.91.101/24 dev macvlan1
ip netns exec ns01 ip link set macvlan1 up
ip netns exec ns02 ip addr add 172.16.91.102/24 dev macvlan2
ip netns exec ns02 ip link set macvlan2 up
