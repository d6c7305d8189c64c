# source: torvalds/linux:tools/testing/selftests/net/icmp_redirect.sh@24b671aad4eae423e1abf5b7f08d9a5235458b8d
# what: the redirect lab with h1 in VRF red: vrf table 1111, "route add vrf red unreachable default metric 8192", the local rule moved from pref 0 to 32765, "li set br0 vrf red up", routes "ro add vrf red ..." (setup with WITH_VRF=yes, do_test legacy, first half)
# changes:
#  - the for loop over h1 h2 r1 r2 and its case expanded; the address variables replaced by their values
#  - run_cmd wrappers dropped; ${ping6} is ping (no ping6 binary here)
#  - the link-local gateways ($(get_linklocal r1 eth0), $(get_linklocal r2 eth0)) replaced by the routers' global addresses 2001:db8:16:1::253 and 2001:db8:16:1::254
#  - the exception checks (ip ro get | grep) and run_ping (ping -c 10 -w 2, whose status the test ignores) left out
#  - ${H1_VRF_ARG} is "vrf red", ${H1_PING_ARG} is "-I red"
#  - the test's cleanup and the second half of do_test left out
# needs: vrf
ip netns add h1
ip -netns h1 li set lo up
ip netns exec h1 sysctl -q -w net.ipv4.conf.all.accept_redirects=1
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.forwarding=0
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.accept_redirects=1
ip netns exec h1 sysctl -q -w net.ipv6.conf.all.keep_addr_on_down=1
ip netns add h2
ip -netns h2 li set lo up
ip netns exec h2 sysctl -q -w net.ipv4.conf.all.accept_redirects=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.forwarding=0
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.accept_redirects=1
ip netns exec h2 sysctl -q -w net.ipv6.conf.all.keep_addr_on_down=1
ip netns add r1
ip -netns r1 li set lo up
ip netns exec r1 sysctl -q -w net.ipv4.ip_forward=1
ip netns exec r1 sysctl -q -w net.ipv4.conf.all.send_redirects=1
ip netns exec r1 sysctl -q -w net.ipv4.conf.default.rp_filter=0
ip netns exec r1 sysctl -q -w net.ipv4.conf.all.rp_filter=0
ip netns exec r1 sysctl -q -w net.ipv6.conf.all.forwarding=1
ip netns exec r1 sysctl -q -w net.ipv6.route.mtu_expires=10
ip netns add r2
ip -netns r2 li set lo up
ip netns exec r2 sysctl -q -w net.ipv4.ip_forward=1
ip netns exec r2 sysctl -q -w net.ipv4.conf.all.send_redirects=1
ip netns exec r2 sysctl -q -w net.ipv4.conf.default.rp_filter=0
ip netns exec r2 sysctl -q -w net.ipv4.conf.all.rp_filter=0
ip netns exec r2 sysctl -q -w net.ipv6.conf.all.forwarding=1
ip netns exec r2 sysctl -q -w net.ipv6.route.mtu_expires=10
# create interconnects
ip -netns h1 li add eth0 type veth peer name r1h1
ip -netns h1 li set r1h1 netns r1 name eth0 up
ip -netns h1 li add eth1 type veth peer name r2h1
ip -netns h1 li set r2h1 netns r2 name eth0 up
ip -netns h2 li add eth0 type veth peer name r2h2
ip -netns h2 li set eth0 up
ip -netns h2 li set r2h2 netns r2 name eth2 up
ip -netns r1 li add eth1 type veth peer name r2r1
ip -netns r1 li set eth1 up
ip -netns r1 li set r2r1 netns r2 name eth1 up
# h1, create_vrf h1
ip -netns h1 link add red type vrf table 1111
ip -netns h1 link set red up
ip -netns h1 route add vrf red unreachable default metric 8192
ip -netns h1 -6 route add vrf red unreachable default metric 8192
ip -netns h1 addr add 127.0.0.1/8 dev red
ip -netns h1 -6 addr add ::1 dev red nodad
ip -netns h1 ru del pref 0
ip -netns h1 ru add pref 32765 from all lookup local
ip -netns h1 -6 ru del pref 0
ip -netns h1 -6 ru add pref 32765 from all lookup local
ip -netns h1 li add br0 type bridge
ip -netns h1 li set br0 vrf red up
ip -netns h1 addr add dev br0 172.16.1.1/24
ip -netns h1 -6 addr add dev br0 2001:db8:16:1::1/64 nodad
ip -netns h1 li set eth0 master br0 up
ip -netns h1 li set eth1 master br0 up
# h2
ip -netns h2 addr add dev eth0 172.16.2.2/24
ip -netns h2 ro add default via 172.16.2.254 dev eth0
ip -netns h2 -6 addr add dev eth0 2001:db8:16:2::2/64 nodad
ip -netns h2 -6 ro add default via 2001:db8:16:2::254 dev eth0
# r1
ip -netns r1 addr add dev eth0 172.16.1.253/24
ip -netns r1 -6 addr add dev eth0 2001:db8:16:1::253/64 nodad
ip -netns r1 addr add dev eth1 10.1.1.1/30
ip -netns r1 -6 addr add dev eth1 2001:db8:1::1/126 nodad
# r2
ip -netns r2 addr add dev eth0 172.16.1.254/24
ip -netns r2 -6 addr add dev eth0 2001:db8:16:1::254/64 nodad
ip -netns r2 addr add dev eth1 10.1.1.2/30
ip -netns r2 -6 addr add dev eth1 2001:db8:1::2/126 nodad
ip -netns r2 addr add dev eth2 172.16.2.254/24
ip -netns r2 -6 addr add dev eth2 2001:db8:16:2::254/64 nodad
sleep 2
# initial_route_legacy
ip -netns r1    ro add 172.16.2.0/24   via 10.1.1.2  dev eth1
ip -netns r1 -6 ro add 2001:db8:16:2::/64 via 2001:db8:1::2 dev eth1
ip -netns h1    ro add vrf red 172.16.2.0/24 via 172.16.1.253 dev br0
ip -netns h1 -6 ro add vrf red 2001:db8:16:2::/64 via 2001:db8:16:1::253 dev br0
# check_connectivity
ip netns exec h1 ping -c1 -w1 -I red 172.16.2.2
ip netns exec h1 ping -c1 -w1 -I red 2001:db8:16:2::2
# replace_route_legacy
ip -netns r1    ro replace 172.16.2.0/24   via 172.16.1.254  dev eth0
ip -netns r1 -6 ro replace 2001:db8:16:2::/64 via 2001:db8:16:1::254 dev eth0
ip netns exec h1 ping -c1 -w1 -I red 172.16.2.2
ip netns exec h1 ping -c1 -w1 -I red 2001:db8:16:2::2
