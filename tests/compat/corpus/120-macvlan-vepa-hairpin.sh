# source: generals-space/note-devops:虚拟网络/macvlan/macvlan.2.vepa[hairpin].md@fee96631249c536117adf4b44f5cee095ca49ab8
# what: macvlan mode vepa: two macvlans of one parent in two namespaces; every frame goes out through the parent, so ns01 and ns02 reach each other only through a switch port in hairpin mode ("bridge link set dev vm02 hairpin on"), which the note's VMware vswitch lacked
# changes:
#  - the note's two VMware machines and their NAT vswitch stood in: a bridge vswitch in a namespace lan (the gateway 172.16.91.2/24 on it, up); vm02's NIC ens34 is one end of a veth pair (172.16.91.14/24, up) whose peer vm02 is a port of vswitch; vm01 is a namespace whose eth0 (172.16.91.10/24, up) is the other end of a veth pair whose peer vm01 is a port too
#  - the port towards vm02 set to hairpin ("bridge link set dev vm02 hairpin on" run in lan), the switch feature the note found missing; a ping from ns01 to ns02 added to show the reflection
ip netns add lan
ip netns add vm01
ip netns exec lan ip link add vswitch type bridge
ip netns exec lan ip addr add 172.16.91.2/24 dev vswitch
ip netns exec lan ip link set vswitch up
ip link add ens34 type veth peer name vm02 netns lan
ip netns exec lan ip link add vm01 type veth peer name eth0 netns vm01
ip netns exec lan ip link set vm02 master vswitch
ip netns exec lan ip link set vm01 master vswitch
ip netns exec lan ip link set vm02 up
ip netns exec lan ip link set vm01 up
ip netns exec lan bridge link set dev vm02 hairpin on
ip addr add 172.16.91.14/24 dev ens34
ip link set ens34 up
ip netns exec vm01 ip addr add 172.16.91.10/24 dev eth0
ip netns exec vm01 ip link set eth0 up
ip link add link ens34 dev macvlan1 type macvlan mode vepa
ip link add link ens34 dev macvlan2 type macvlan mode vepa
ip netns add ns01
ip netns add ns02
ip link set macvlan1 netns ns01
ip link set macvlan2 netns ns02
ip netns exec ns01 ip addr add 172.16.91.101/24 dev macvlan1
ip netns exec ns01 ip link set macvlan1 up
ip netns exec ns02 ip addr add 172.16.91.102/24 dev macvlan2
ip netns exec ns02 ip link set macvlan2 up
sleep 2
ip netns exec ns01 ping -c 1 -W 2 172.16.91.102
