# source: torvalds/linux:tools/testing/selftests/net/fib_tests.sh@01b59c763fe2de845b65900485b141fdd7bbf93e
# what: the local rule moved to pref 32765, VRF red (table 1) with an unreachable default of metric 4278198272, veth and dummy ports put in the VRF with "link set dev X vrf red up", IPv6 routes "route add vrf VRF ..." (fib_nexthop_test, fib6_nexthop)
# changes:
#  - $IP ("ip -netns ns1") and $NS_EXEC replaced by their values; run_cmd/log_test/check_* wrappers dropped, each wrapped command one line; commands the test expects to fail left out; check_route* written as the "ip ro ls match PFX" they run, without sed or compare
#  - add_rt DESC ERC VRF PFX GW DEV: the "$IP route add vrf $vrf $pfx $gw $dev" it evals written out; those expecting failure, and those needing $(get_linklocal ...), left out
#  - the final deletes and cleanup left out
# needs: dummy vrf
# setup
ip netns add ns1
ip netns set ns1 auto
ip -netns ns1 link set dev lo up
ip netns exec ns1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec ns1 sysctl -qw net.ipv6.conf.all.forwarding=1
ip -netns ns1 link add dummy0 type dummy
ip -netns ns1 link set dev dummy0 up
ip -netns ns1 address add 198.51.100.1/24 dev dummy0
ip -netns ns1 -6 address add 2001:db8:1::1/64 dev dummy0
ip -netns ns1 -4 rule add pref 32765 table local
ip -netns ns1 -4 rule del pref 0
ip -netns ns1 -6 rule add pref 32765 table local
ip -netns ns1 -6 rule del pref 0
ip -netns ns1 link add red type vrf table 1
ip -netns ns1 link set red up
ip -netns ns1 -4 route add vrf red unreachable default metric 4278198272
ip -netns ns1 -6 route add vrf red unreachable default metric 4278198272
ip -netns ns1 link add veth0 type veth peer name veth1
ip -netns ns1 link set dev veth0 up
ip -netns ns1 address add 192.0.2.1/24 dev veth0
ip -netns ns1 -6 address add 2001:db8:51::1/64 dev veth0
ip -netns ns1 link set dev veth1 vrf red up
ip -netns ns1 address add 192.0.2.2/24 dev veth1
ip -netns ns1 -6 address add 2001:db8:51::2/64 dev veth1
ip -netns ns1 link add dummy1 type dummy
ip -netns ns1 link set dev dummy1 vrf red up
ip -netns ns1 address add 192.168.2.1/24 dev dummy1
ip -netns ns1 -6 address add 2001:db8:2::1/64 dev dummy1
sleep 1
ip -netns ns1 route add vrf default 2001:db8:101::/64 via 2001:db8:1::2
ip -netns ns1 route add vrf default 2001:db8:102::/64 via 2001:db8:1::2 dev dummy0
ip -netns ns1 route add vrf default 2001:db8:108::/64 via 2001:db8:51::2
ip -netns ns1 route add vrf default 2001:db8:109::/64 via 2001:db8:51::2 dev veth0
ip -netns ns1 route add vrf default 2001:db8:111::/64 dev red
ip -netns ns1 route add vrf red 2001:db8:112::/64 via 2001:db8:51::1
