# source: torvalds/linux:tools/testing/selftests/net/fib_tests.sh@24cbee66725e519a94c22058560e29bc20dc2b8a
# what: routes on unregistered devices: a single-path prefix gone with its device, then IPv4 and IPv6 multipath routes over two devices ("route add PFX nexthop via GW dev D nexthop via GW dev D", a backslash-continued line), one device deleted (the IPv4 route goes, the IPv6 one shrinks to a single path), "route get fibmatch" before and after (fib_unreg_unicast_test, fib_unreg_multipath_test)
# changes:
#  - dummy devices created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is the same kind of carrier-on, no-ARP device)
#  - $IP ("ip -netns ns1") replaced by its value; log_test dropped; "&> /dev/null" dropped from the fibmatch lookups and the lookups the test expects to fail left out
#  - cleanup between the two tests written as the "ip netns del ns1" it runs (its "link del dev dummy0" and "netns del ns2" fail silently there and are left out); the last cleanup and the second "link del dev dummy1" left out, so that the lab ends built
# fib_unreg_unicast_test

ip -netns ns1 route get fibmatch 198.51.100.2
ip -netns ns1 -6 route get fibmatch 2001:db8:1::2
ip -netns ns1 link del dev dummy0
ip netns del ns1
# fib_unreg_multipath_test
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
ip -netns ns1 link del dev dummy0
ip -netns ns1 -6 route get fibmatch 2001:db8:3::1
