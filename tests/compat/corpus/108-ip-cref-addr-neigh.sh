# source: iproute2/iproute2:doc/ip-cref.tex@429f314ef7b2405dde8168dd47e5ec410eb742d6 (Kuznetsov's IP Command Reference, sections ip link, ip address, ip neighbour; the last version before the file was dropped)
# what: the reference's address and neighbour examples: "ip link set dummy address 00:00:00:00:00:01", "ip addr add 127.0.0.1/8 dev lo brd + scope host", "ip addr add 10.0.0.1/24 brd + dev eth0 label eth0:Alias", "ip -s -s a f to 10/8", "ip -4 addr flush label \"eth*\"", "ip -6 addr flush dynamic", "ip neigh add … lladdr 0:0:0:0:0:1 … nud perm", "ip neigh chg … nud reachable", "ip neigh del", "ip -s n ls ADDR", ip addr ls / ip link ls
# changes:
#  - the lines run with "ip netns exec alisa" in a namespace alisa (the reference's host), whose loopback is still down and empty so that the loopback address can be added
#  - the devices the examples name made first in alisa: dummy as one end of a veth pair dummy/dummy-peer (this kernel has no dummy driver, and an ifb refuses a new MAC address), and a veth pair eth0/eth1; all up
#  - the three addresses of the flush example's output (10.7.7.7/16 on dummy, 10.10.7.7/16 on eth0, 10.8.7.7/16 on eth1) added before it; "ip link set up dev lo" (the reference's Appendix) after the loopback address
#  - the neighbour entry added again after "ip neigh del" so that the lab ends with it; "ip addr del 127.0.0.1/8 dev lo" left out (the reference advises against it)
ip netns add alisa
ip netns exec alisa ip link add dummy type veth peer name dummy-peer
ip netns exec alisa ip link set dummy-peer up
ip netns exec alisa ip link add eth0 type veth peer name eth1
ip netns exec alisa ip link set dummy address 00:00:00:00:00:01
ip netns exec alisa ip link set dummy up
ip netns exec alisa ip link set eth0 up
ip netns exec alisa ip link set eth1 up
ip netns exec alisa ip link ls dummy
ip netns exec alisa ip addr add 127.0.0.1/8 dev lo brd + scope host
ip netns exec alisa ip link set up dev lo
ip netns exec alisa ip addr add 10.0.0.1/24 brd + dev eth0 label eth0:Alias
ip netns exec alisa ip addr ls eth0
ip netns exec alisa ip addr add 10.7.7.7/16 brd + dev dummy
ip netns exec alisa ip addr add 10.10.7.7/16 brd + dev eth0
ip netns exec alisa ip addr add 10.8.7.7/16 brd + dev eth1
ip netns exec alisa ip -s -s a f to 10/8
ip netns exec alisa ip -4 addr flush label "eth*"
ip netns exec alisa ip -6 addr flush dynamic
ip netns exec alisa ip neigh add 10.0.0.3 lladdr 0:0:0:0:0:1 dev eth0 nud perm
ip netns exec alisa ip neigh chg 10.0.0.3 dev eth0 nud reachable
ip netns exec alisa ip neigh del 10.0.0.3 dev eth0
ip netns exec alisa ip neigh add 10.0.0.3 lladdr 0:0:0:0:0:1 dev eth0 nud perm
ip netns exec alisa ip neigh ls
ip netns exec alisa ip -s n ls 10.0.0.3
ip netns exec alisa ip addr ls
