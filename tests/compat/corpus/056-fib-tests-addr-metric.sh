# source: torvalds/linux:tools/testing/selftests/net/fib_tests.sh@01b59c763fe2de845b65900485b141fdd7bbf93e
# what: prefix routes with address metrics: "addr add ... metric N", "addr change ... metric N", "addr del ... metric N", prefix route gone on link down and back on up, a .0/24 address and a /32 with peer (ipv4_addr_metric_test)
# changes:
#  - dummy devices created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is the same kind of carrier-on, no-ARP device)
#  - $IP ("ip -netns ns1") and $NS_EXEC replaced by their values; run_cmd/log_test/check_* wrappers dropped, each wrapped command one line; commands the test expects to fail left out; check_route* written as the "ip ro ls match PFX" they run, without sed or compare
#  - ip_addr_metric_check (ip addr help | grep metric) left out: iproute2 6.1 has address metrics
#  - $($IP ro ls match ...) captures written as the bare ip ro ls match
#  - the final link del and cleanup left out
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
ip -netns ns1 li add dummy1 type ifb
ip -netns ns1 li add dummy2 type ifb
ip -netns ns1 li set dummy1 up
ip -netns ns1 li set dummy2 up
ip -netns ns1 addr add dev dummy1 172.16.104.1/24
ip -netns ns1 addr add dev dummy2 172.16.104.2/24
ip -netns ns1 ro ls match 172.16.104.0/24
ip -netns ns1 addr flush dev dummy1
ip -netns ns1 addr add dev dummy1 172.16.104.1/24 metric 257
ip -netns ns1 addr flush dev dummy2
ip -netns ns1 addr add dev dummy2 172.16.104.2/24 metric 258
ip -netns ns1 addr del dev dummy1 172.16.104.1/24 metric 257
ip -netns ns1 addr change dev dummy2 172.16.104.2/24 metric 259
ip -netns ns1 li set dev dummy2 down
ip -netns ns1 ro ls match 172.16.104.0/24
ip -netns ns1 li set dev dummy2 up
ip -netns ns1 ro ls match 172.16.104.0/24
ip -netns ns1 addr flush dev dummy2
ip -netns ns1 addr add dev dummy2 172.16.104.0/24 metric 259
ip -netns ns1 addr change dev dummy2 172.16.104.0/24 metric 260
ip -netns ns1 addr flush dev dummy2
ip -netns ns1 addr add dev dummy2 172.16.104.1/32 peer 172.16.104.2 metric 260
ip -netns ns1 addr change dev dummy2 172.16.104.1/32 peer 172.16.104.2 metric 261
