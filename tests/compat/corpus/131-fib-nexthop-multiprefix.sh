# source: torvalds/linux:tools/testing/selftests/net/fib_nexthop_multiprefix.sh@03b0f2ce735e97e9f49790d4563c82515b8fa702
# what: h0 - r1 - h1/h2/h3: lo given 127.0.0.1/8 before it is up, veth ends moved and renamed with "li set X netns r1 name ethN up", "addr add dev X ADDR" (dev first), nexthop objects id 4 (IPv4) and 6 (IPv6) used by three prefixes each ("ro add PFX nhid N"), MTUs changed, then targeted "ro del PFX nhid N" and "nexthop del id N"
# changes:
#  - loops unrolled (create_ns for h0 r1 h1 h2 h3; the interconnects for i in 0 1 2 3; the routes for i in 1 2 3), ${ns}/${i} expanded; the case in create_ns expanded per namespace
#  - "ip netns del NS 2>/dev/null" in create_ns and the cleanup at the start and the end left out
#  - run_cmd wrappers dropped; the per-cpu "taskset -c C" prefix dropped (one ping each); the "ping -s SIZE -c5 -w5" exception pings and the "ro get | grep" validations left out (they check PMTU exceptions, not configuration); the ping6 lines left out (the addresses are not nodad and may still be tentative)
#  - the VERBOSE-only show lines kept as plain commands; one "ro get" per family kept from validate_v4/v6_exception
#  - the final "nexthop del id 4" and "nexthop del id 6" left out, so that the lab ends built
ip netns add h0
ip -netns h0 addr add 127.0.0.1/8 dev lo
ip -netns h0 link set lo up
ip netns exec h0 sysctl -q -w net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec h0 sysctl -q -w net.ipv6.conf.all.forwarding=0
ip netns add r1
ip -netns r1 addr add 127.0.0.1/8 dev lo
ip -netns r1 link set lo up
ip netns exec r1 sysctl -q -w net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec r1 sysctl -q -w net.ipv4.ip_forward=1
ip netns exec r1 sysctl -q -w net.ipv6.conf.all.forwarding=1
ip netns add h1
ip -netns h1 addr add 127.0.0.1/8 dev lo
ip -netns h1 link set lo up
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.forwarding=0
ip netns add h2
ip -netns h2 addr add 127.0.0.1/8 dev lo
ip -netns h2 link set lo up
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.forwarding=0
ip netns add h3
ip -netns h3 addr add 127.0.0.1/8 dev lo
ip -netns h3 link set lo up
ip netns exec h3 sysctl -q -w net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec h3 sysctl -q -w net.ipv6.conf.all.forwarding=0
ip -netns h0 li add eth0 type veth peer name r1h0
ip -netns h0 li set eth0 up
ip -netns h0 li set r1h0 netns r1 name eth0 up
ip -netns h0    addr add dev eth0 172.16.100.1/24
ip -netns h0 -6 addr add dev eth0 2001:db8:100::1/64
ip -netns r1    addr add dev eth0 172.16.100.254/24
ip -netns r1 -6 addr add dev eth0 2001:db8:100::64/64
ip -netns h1 li add eth0 type veth peer name r1h1
ip -netns h1 li set eth0 up
ip -netns h1 li set r1h1 netns r1 name eth1 up
ip -netns h1    addr add dev eth0 172.16.101.1/24
ip -netns h1 -6 addr add dev eth0 2001:db8:101::1/64
ip -netns r1    addr add dev eth1 172.16.101.254/24
ip -netns r1 -6 addr add dev eth1 2001:db8:101::64/64
ip -netns h2 li add eth0 type veth peer name r1h2
ip -netns h2 li set eth0 up
ip -netns h2 li set r1h2 netns r1 name eth2 up
ip -netns h2    addr add dev eth0 172.16.102.1/24
ip -netns h2 -6 addr add dev eth0 2001:db8:102::1/64
ip -netns r1    addr add dev eth2 172.16.102.254/24
ip -netns r1 -6 addr add dev eth2 2001:db8:102::64/64
ip -netns h3 li add eth0 type veth peer name r1h3
ip -netns h3 li set eth0 up
ip -netns h3 li set r1h3 netns r1 name eth3 up
ip -netns h3    addr add dev eth0 172.16.103.1/24
ip -netns h3 -6 addr add dev eth0 2001:db8:103::1/64
ip -netns r1    addr add dev eth3 172.16.103.254/24
ip -netns r1 -6 addr add dev eth3 2001:db8:103::64/64
ip -netns h0 nexthop add id 4 via 172.16.100.254 dev eth0
ip -netns h0 nexthop add id 6 via 2001:db8:100::64 dev eth0
ip -netns h0    ro add 172.16.101.0/24 nhid 4
ip -netns h1 ro add 172.16.100.0/24 via 172.16.101.254
ip -netns h0    -6 ro add 2001:db8:101::/64 nhid 6
ip -netns h1 -6 ro add 2001:db8:100::/64 via 2001:db8:101::64
ip -netns h0    ro add 172.16.102.0/24 nhid 4
ip -netns h2 ro add 172.16.100.0/24 via 172.16.102.254
ip -netns h0    -6 ro add 2001:db8:102::/64 nhid 6
ip -netns h2 -6 ro add 2001:db8:100::/64 via 2001:db8:102::64
ip -netns h0    ro add 172.16.103.0/24 nhid 4
ip -netns h3 ro add 172.16.100.0/24 via 172.16.103.254
ip -netns h0    -6 ro add 2001:db8:103::/64 nhid 6
ip -netns h3 -6 ro add 2001:db8:100::/64 via 2001:db8:103::64
ip -netns h0 li sh
ip -netns h0 ro sh
ip -netns h0 -6 ro sh
sleep 2
ip netns exec h0 ping -c1 -w1 172.16.101.1
ip netns exec h0 ping -c1 -w1 172.16.102.1
ip netns exec h0 ping -c1 -w1 172.16.103.1
ip -netns h1 li set eth0 mtu 1300
ip -netns r1 li set eth1 mtu 1300
ip -netns h2 li set eth0 mtu 1350
ip -netns r1 li set eth2 mtu 1350
ip -netns h3 li set eth0 mtu 1400
ip -netns r1 li set eth3 mtu 1400
ip -netns h0 ro get 172.16.101.1
ip -netns h0 -6 ro get 2001:db8:102::1
ip -netns h0 ro del 172.16.102.0/24 nhid 4
ip -netns h0 -6 ro del 2001:db8:102::/64 nhid 6
