# source: generals-space/note-devops:虚拟网络/macvlan/macvlan bridge模式实现容器与宿主机通信.md@3613f77bacd497846aeb41da57b287d31fc94787
# what: macvlan mode bridge containers on a promiscuous parent ("ip link set ens34 promisc on", "ip link add link ens34 macvlan01 type macvlan mode bridge", the name without "name"), default routes via the LAN gateway "via … dev macvlan01", and the host reaching its own containers through a macvlan shim with a /32 address, "ip route flush dev macvlan00" and host routes (method 2)
# changes:
#  - the host's NIC ens34 made first as one end of a veth pair (192.168.42.10/24, up) whose peer is eth0 of a namespace lan playing the LAN gateway 192.168.42.2/24 (up)
#  - method 1 (a chain of lines joined with &&, run over a remote connection) left out; method 2 kept
ip netns add lan
ip link add ens34 type veth peer name eth0 netns lan
ip addr add 192.168.42.10/24 dev ens34
ip link set ens34 up
ip netns exec lan ip addr add 192.168.42.2/24 dev eth0
ip netns exec lan ip link set eth0 up
ip link set ens34 promisc on
ip netns add ns01
ip netns add ns02
ip link add link ens34 macvlan01 type macvlan mode bridge
ip link add link ens34 macvlan02 type macvlan mode bridge
ip link set macvlan01 netns ns01
ip link set macvlan02 netns ns02
ip netns exec ns01 ip addr add 192.168.42.101/24 dev macvlan01
ip netns exec ns02 ip addr add 192.168.42.102/24 dev macvlan02
ip netns exec ns01 ip link set macvlan01 up
ip netns exec ns02 ip link set macvlan02 up
ip netns exec ns01 ip route add default via 192.168.42.2 dev macvlan01
ip netns exec ns02 ip route add default via 192.168.42.2 dev macvlan02
ip link add link ens34 macvlan00 type macvlan mode bridge
ip addr add 192.168.42.3/32 dev macvlan00
ip link set dev macvlan00 up
ip route flush dev macvlan00
ip route add 192.168.42.101 dev macvlan00
ip route add 192.168.42.102 dev macvlan00
ping -c 1 -W 2 192.168.42.101
