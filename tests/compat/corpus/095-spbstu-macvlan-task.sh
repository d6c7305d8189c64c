# source: antonaleks/DockerPracticeTask:LinuxC.sh@d8102e134549cbf5cd38cf5fb05e44c1b2e1e139 (SPbSTU cloud course practice task, "Linux C")
# what: a macvlan named before its parent ("ip link add macvlan1 link eth0 type macvlan mode bridge"), an address added with dev first, a route to another subnet via a gateway
# changes:
#  - the echo lines dropped
#  - the machine's eth0 made first as a veth pair whose peer is eth0 of a namespace gw playing the course's gateway (192.168.11.1/24, up), eth0 up
ip netns add gw
ip link add eth0 type veth peer name eth0 netns gw
ip netns exec gw ip addr add 192.168.11.1/24 dev eth0
ip netns exec gw ip link set eth0 up
ip link set eth0 up
ip link add macvlan1 link eth0 type macvlan mode bridge
ip address add dev macvlan1 192.168.11.100/24
ip link set macvlan1 up
ip route add 192.168.14.0/24 via 192.168.11.1
