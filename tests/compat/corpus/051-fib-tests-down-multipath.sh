# source: torvalds/linux:tools/testing/selftests/net/fib_tests.sh@01b59c763fe2de845b65900485b141fdd7bbf93e
# what: "ip netns set ns1 auto", multipath IPv4/IPv6 routes over two devices, one then the other set down and up, ip route get fibmatch with oif (fib_down_multipath_test)
# changes:
#  - dummy devices created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is the same kind of carrier-on, no-ARP device)
#  - $IP ("ip -netns ns1") and $NS_EXEC replaced by their values; run_cmd/log_test/check_* wrappers dropped, each wrapped command one line; commands the test expects to fail left out; check_route* written as the "ip ro ls match PFX" they run, without sed or compare
#  - "&> /dev/null" and the "| grep ... | grep -q 'dead linkdown'" checks dropped (the route get kept); the gets the test expects to fail left out
#  - the final "link del" and cleanup left out
# setup
ip netns add ns1
ip netns set ns1 auto
ip -netns ns1 link set dev lo up
ip netns exec ns1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec ns1 sysctl -qw net.ipv6.conf.all.forwarding=1
ip -netns ns1 link add dummy0 type ifb
ip -netns ns1 link set dev dummy0 up
ip -netns ns1 address add 198.51.100.1/24 dev dummy0
ip -netns ns1 -6 address add 2001:db8:1::1/64 dev dummy0
ip -netns ns1 link add dummy1 type ifb
ip -netns ns1 link set dev dummy1 up
ip -netns ns1 address add 192.0.2.1/24 dev dummy1
ip -netns ns1 -6 address add 2001:db8:2::1/64 dev dummy1
ip -netns ns1 route add 203.0.113.0/24 \
	nexthop via 198.51.100.2 dev dummy0 \
	nexthop via 192.0.2.2 dev dummy1
ip -netns ns1 -6 route add 2001:db8:3::/64 \
	nexthop via 2001:db8:1::2 dev dummy0 \
	nexthop via 2001:db8:2::2 dev dummy1
ip -netns ns1 route get fibmatch 203.0.113.1
ip -netns ns1 -6 route get fibmatch 2001:db8:3::1
ip -netns ns1 link set dev dummy0 down
ip -netns ns1 route get fibmatch 203.0.113.1 \
	oif dummy1
ip -netns ns1 -6 route get fibmatch 2001:db8:3::1 \
	oif dummy1
ip -netns ns1 route get fibmatch 203.0.113.1
ip -netns ns1 -6 route get fibmatch 2001:db8:3::1
ip -netns ns1 link set dev dummy0 up
ip -netns ns1 link set dev dummy1 down
ip -netns ns1 route get fibmatch 203.0.113.1 \
	oif dummy0
ip -netns ns1 -6 route get fibmatch 2001:db8:3::1 \
	oif dummy0
ip -netns ns1 link set dev dummy0 down
