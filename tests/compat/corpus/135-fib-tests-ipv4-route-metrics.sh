# source: torvalds/linux:tools/testing/selftests/net/fib_tests.sh@24cbee66725e519a94c22058560e29bc20dc2b8a
# what: IPv4 routes with an mtu metric, single path and multipath ("ro add PFX mtu 1400 nexthop via ... nexthop via ..."), a 1500-byte ping over a route with mtu 1300 (route_setup, ipv4_route_metrics_test)
# changes:
#  - dummy devices created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is the same kind of carrier-on, no-ARP device)
#  - $IP ("ip -netns ns1") replaced by its value; run_cmd/log_test/check_route wrappers dropped, each wrapped command one line; check_route written as the "ip ro ls match PFX" it runs; the "congctl lock foo" route (expected to fail) left out
#  - route_cleanup at the start and the end left out
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
# route_setup
ip netns add ns2
ip netns set ns2 auto
ip -netns ns2 link set dev lo up
ip netns exec ns2 sysctl -qw net.ipv4.ip_forward=1
ip netns exec ns2 sysctl -qw net.ipv6.conf.all.forwarding=1
ip -netns ns1 li add veth1 type veth peer name veth2
ip -netns ns1 li add veth3 type veth peer name veth4
ip -netns ns1 li set veth1 up
ip -netns ns1 li set veth3 up
ip -netns ns1 li set veth2 netns ns2 up
ip -netns ns1 li set veth4 netns ns2 up
ip -netns ns2 li add dummy1 type ifb
ip -netns ns2 li set dummy1 up
ip -netns ns1 -6 addr add 2001:db8:101::1/64 dev veth1 nodad
ip -netns ns1 -6 addr add 2001:db8:103::1/64 dev veth3 nodad
ip -netns ns1 addr add 172.16.101.1/24 dev veth1
ip -netns ns1 addr add 172.16.103.1/24 dev veth3
ip -netns ns2 -6 addr add 2001:db8:101::2/64 dev veth2 nodad
ip -netns ns2 -6 addr add 2001:db8:103::2/64 dev veth4 nodad
ip -netns ns2 -6 addr add 2001:db8:104::1/64 dev dummy1 nodad
ip -netns ns2 addr add 172.16.101.2/24 dev veth2
ip -netns ns2 addr add 172.16.103.2/24 dev veth4
ip -netns ns2 addr add 172.16.104.1/24 dev dummy1
# ipv4_route_metrics_test
ip -netns ns1 ro add 172.16.111.0/24 via 172.16.101.2 mtu 1400
ip -netns ns1 ro ls match 172.16.111.0/24
ip -netns ns1 ro add 172.16.112.0/24 mtu 1400 nexthop via 172.16.101.2 nexthop via 172.16.103.2
ip -netns ns1 ro ls match 172.16.112.0/24
ip -netns ns1 ro add 172.16.104.0/24 via 172.16.101.2 mtu 1300
ip netns exec ns1 ping -w1 -c1 -s 1500 172.16.104.1
