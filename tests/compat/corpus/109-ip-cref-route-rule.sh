# source: iproute2/iproute2:doc/ip-cref.tex@429f314ef7b2405dde8168dd47e5ec410eb742d6 (Kuznetsov's IP Command Reference, sections ip route and ip rule)
# what: the reference's route and rule examples on a router amber and a host behind it: "ip route add 10.0.0/24 via 193.233.7.65" and "ip ro chg 10.0.0/24 dev dummy" (a short prefix, ip route change), a multipath default "nexthop dev ppp0 nexthop dev ppp1" with scope global added, deleted and added again, "ip route get", "ip r g ADDR from ADDR iif eth0" (a forwarding lookup), "ip ru add from … table 1 prio 220", a rule with nat, "ip ru del prio 32767", "ip ru ls", "ip ro ls PREFIX", "ip -o ro ls"
# changes:
#  - the reference's two hosts made as namespaces: amber (eth0 193.233.7.65/24, the outputs' source address, forwarding on) and alisa (eth0 193.233.7.82/24, the peer of amber's eth0, and a device dummy made "type ifb": this kernel has no dummy driver); amber's ppp0 and ppp1 made as the two ends of a veth pair; all up; the lines run with ip netns exec
#  - "table inr.ruhep" written "table 1": a name from /etc/iproute2/rt_tables the script cannot add; the reference says table #1 is inr.ruhep
#  - the route examples that no longer work left out (route nat: the kernel refuses it; the routing cache: gone since linux 3.6; "ip -o ro ls cloned" is written "ip -o ro ls"); the multicast "ip r g" (needs a multicast routing daemon) left out; the outputs' pipes to wc dropped
#  - the multipath route added again after its deletion so that the lab ends with it
ip netns add amber
ip netns add alisa
ip netns exec amber ip link add eth0 type veth peer name eth0 netns alisa
ip netns exec amber ip link add ppp0 type veth peer name ppp1
ip netns exec alisa ip link add dummy type ifb
ip netns exec amber ip addr add 193.233.7.65/24 dev eth0
ip netns exec alisa ip addr add 193.233.7.82/24 dev eth0
ip netns exec amber ip link set eth0 up
ip netns exec amber ip link set ppp0 up
ip netns exec amber ip link set ppp1 up
ip netns exec alisa ip link set eth0 up
ip netns exec alisa ip link set dummy up
ip netns exec amber sysctl -w net.ipv4.ip_forward=1
ip netns exec alisa ip route add 10.0.0/24 via 193.233.7.65
ip netns exec alisa ip ro chg 10.0.0/24 dev dummy
ip netns exec amber ip route add default scope global nexthop dev ppp0 \
                                    nexthop dev ppp1
ip netns exec amber ip route del default scope global nexthop dev ppp0 \
                                    nexthop dev ppp1
ip netns exec amber ip route add default scope global nexthop dev ppp0 \
                                    nexthop dev ppp1
ip netns exec amber ip -o ro ls
ip netns exec amber ip ro ls 193.233.7/24
ip netns exec amber ip route get 193.233.7.82
ip netns exec amber ip r g 193.233.7.82 from 193.233.7.82 iif eth0
ip netns exec amber ip ru add from 192.203.80.0/24 table 1 prio 220
ip netns exec amber ip ru add from 193.233.7.83 nat 192.203.80.144 table 1 prio 320
ip netns exec amber ip ru del prio 32767
ip netns exec amber ip ru ls
