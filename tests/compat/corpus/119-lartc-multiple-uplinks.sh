# source: https://tldp.org/HOWTO/Adv-Routing-HOWTO/lartc.rpdb.multiple-links.html (Linux Advanced Routing & Traffic Control HOWTO, 4.2 "Routing for multiple uplinks/providers")
# what: split access (policy routing with two tables: per-provider network and default routes with src, "ip rule add from $IP1 table T1", Rod Roark's extra entries including "ip route add 127.0.0.0/8 dev lo table T1") and load balancing ("ip route add default scope global nexthop via $P1 dev $IF1 weight 1 nexthop via $P2 dev $IF2 weight 1") on a router between a LAN and two providers
# changes:
#  - the symbolic names expanded: IF0 eth0 (the LAN, P0_NET 192.168.0.0/24, the router 192.168.0.1), IF1 eth1 (IP1 10.1.1.2, P1 10.1.1.1, P1_NET 10.1.1.0/24), IF2 eth2 (IP2 10.2.2.2, P2 10.2.2.1, P2_NET 10.2.2.0/24)
#  - the tables T1 and T2 written 1 and 2: the HOWTO adds their names to /etc/iproute2/rt_tables, which the script cannot write
#  - the router, the providers and a LAN host made first as namespaces router, prov1, prov2 and lan joined by veth pairs (eth1/eth1, eth2/eth2, eth0/eth0), up (and lo in router), forwarding on in router; the router's addresses added with noprefixroute (so that the HOWTO's own "ip route add $P1_NET dev $IF1 src $IP1" makes the network routes); the providers route the LAN back through the router, the LAN host's default route is the router; the lines run with ip netns exec router
#  - "ip route del default" added before the load balancing line: the HOWTO gives it "instead of choosing one of the two providers as your default route"
ip netns add router
ip netns add prov1
ip netns add prov2
ip netns add lan
ip netns exec router ip link add eth1 type veth peer name eth1 netns prov1
ip netns exec router ip link add eth2 type veth peer name eth2 netns prov2
ip netns exec router ip link add eth0 type veth peer name eth0 netns lan
ip netns exec router ip addr add 10.1.1.2/24 dev eth1 noprefixroute
ip netns exec router ip addr add 10.2.2.2/24 dev eth2 noprefixroute
ip netns exec router ip addr add 192.168.0.1/24 dev eth0
ip netns exec router ip link set eth0 up
ip netns exec router ip link set eth1 up
ip netns exec router ip link set eth2 up
ip netns exec router ip link set lo up
ip netns exec router sysctl -w net.ipv4.ip_forward=1
ip netns exec prov1 ip addr add 10.1.1.1/24 dev eth1
ip netns exec prov1 ip link set eth1 up
ip netns exec prov1 ip route add 192.168.0.0/24 via 10.1.1.2
ip netns exec prov2 ip addr add 10.2.2.1/24 dev eth2
ip netns exec prov2 ip link set eth2 up
ip netns exec prov2 ip route add 192.168.0.0/24 via 10.2.2.2
ip netns exec lan ip addr add 192.168.0.2/24 dev eth0
ip netns exec lan ip link set eth0 up
ip netns exec lan ip route add default via 192.168.0.1
ip netns exec router ip route add 10.1.1.0/24 dev eth1 src 10.1.1.2 table 1
ip netns exec router ip route add default via 10.1.1.1 table 1
ip netns exec router ip route add 10.2.2.0/24 dev eth2 src 10.2.2.2 table 2
ip netns exec router ip route add default via 10.2.2.1 table 2
ip netns exec router ip route add 10.1.1.0/24 dev eth1 src 10.1.1.2
ip netns exec router ip route add 10.2.2.0/24 dev eth2 src 10.2.2.2
ip netns exec router ip route add default via 10.1.1.1
ip netns exec router ip rule add from 10.1.1.2 table 1
ip netns exec router ip rule add from 10.2.2.2 table 2
ip netns exec router ip route add 192.168.0.0/24 dev eth0 table 1
ip netns exec router ip route add 10.2.2.0/24 dev eth2 table 1
ip netns exec router ip route add 127.0.0.0/8 dev lo table 1
ip netns exec router ip route add 192.168.0.0/24 dev eth0 table 2
ip netns exec router ip route add 10.1.1.0/24 dev eth1 table 2
ip netns exec router ip route add 127.0.0.0/8 dev lo table 2
ip netns exec router ip route del default
ip netns exec router ip route add default scope global nexthop via 10.1.1.1 dev eth1 weight 1 \
nexthop via 10.2.2.1 dev eth2 weight 1
ip netns exec router ip route show table all
ip netns exec router ip rule show
ip netns exec lan ping -c 1 -W 2 10.1.1.1
ip netns exec lan ping -c 1 -W 2 10.2.2.1
