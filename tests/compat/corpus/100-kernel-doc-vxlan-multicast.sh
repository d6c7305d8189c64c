# source: torvalds/linux:Documentation/networking/vxlan.rst@512a93a93dbe739aa5f6aeb22f179dff3f89300e
# what: the kernel's VXLAN documentation on two VTEPs over a veth underlay: "ip link add vxlan0 type vxlan id 42 group 239.1.1.1 dev eth1 dstport 4789" (a multicast group VXLAN), "ip -d link show vxlan0", a static fdb entry added with "bridge fdb add to MAC dst IP dev vxlan0", shown, deleted, the device deleted and made again; the overlay floods through the group and a ping crosses it
# changes:
#  - eth1 made first: a veth pair whose peer is eth1 of a namespace vtep2; underlay addresses 192.168.100.1/24 and 192.168.100.2/24, both ends up
#  - the second VTEP runs the document's create line with "ip netns exec vtep2"
#  - "ip link delete vxlan0" is followed by the create line again, so that the lab ends built
#  - overlay addresses 10.42.0.1/24 and 10.42.0.2/24 on the two vxlan0, up, and a ping across added to show the multicast VXLAN works
ip netns add vtep2
ip link add eth1 type veth peer name eth1 netns vtep2
ip addr add 192.168.100.1/24 dev eth1
ip link set eth1 up
ip netns exec vtep2 ip addr add 192.168.100.2/24 dev eth1
ip netns exec vtep2 ip link set eth1 up
ip link add vxlan0 type vxlan id 42 group 239.1.1.1 dev eth1 dstport 4789
ip -d link show vxlan0
bridge fdb add to 00:17:42:8a:b4:05 dst 192.19.0.2 dev vxlan0
bridge fdb show dev vxlan0
bridge fdb delete 00:17:42:8a:b4:05 dev vxlan0
ip link delete vxlan0
ip link add vxlan0 type vxlan id 42 group 239.1.1.1 dev eth1 dstport 4789
bridge fdb add to 00:17:42:8a:b4:05 dst 192.19.0.2 dev vxlan0
bridge fdb show dev vxlan0
ip netns exec vtep2 ip link add vxlan0 type vxlan id 42 group 239.1.1.1 dev eth1 dstport 4789
ip addr add 10.42.0.1/24 dev vxlan0
ip link set vxlan0 up
ip netns exec vtep2 ip addr add 10.42.0.2/24 dev vxlan0
ip netns exec vtep2 ip link set vxlan0 up
ping -c 1 -W 2 10.42.0.2
