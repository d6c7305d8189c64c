# source: manas11/labprograms:cnlab/week6/5.sh@39c118be1accfc66bb92d1394f62795bb88f47d8 (computer networks lab, week 6)
# what: namespaces red and green routed through a router namespace: addresses, lo up, default routes via the router, "sysctl -w net.ipv4.ip_forward=1" inside it, a ping across
# changes:
#  - sudo dropped
#  - "ping ADDR" (runs until Ctrl-C) written "ping -c 1 ADDR"; the ping of 10.0.2.1 before the routes exist (the lab shows it failing) left out
ip netns add red
ip netns add green
ip link add eth0 type veth peer name eth1
ip link add eth2 type veth peer name eth3
ip link set eth0 netns red
ip link set eth2 netns green
ip netns exec red ip link set eth0 up
ip netns exec green ip link set eth2 up
ip netns exec red ip address add 10.0.0.1/24 dev eth0
ip netns exec green ip address add 10.0.2.1/24 dev eth2
ip netns add router
ip link set eth1 netns router
ip link set eth3 netns router
ip netns exec router ip link set eth1 up
ip netns exec router ip link set eth3 up
ip netns exec router ip address add 10.0.0.2/24 dev eth1
ip netns exec router ip address add 10.0.2.2/24 dev eth3
ip netns exec router ip link set lo up
ip netns exec red ip link set lo up
ip netns exec green ip link set lo up
ip netns exec red ping -c 1 10.0.0.1
ip netns exec red ping -c 1 10.0.0.2
ip netns exec red ip route add default via 10.0.0.2 dev eth0
ip netns exec green ip route add default via 10.0.2.2 dev eth2
ip netns exec router sysctl -w net.ipv4.ip_forward=1
ip netns exec red ping -c 1 10.0.2.1
