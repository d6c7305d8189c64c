# source: torvalds/linux:tools/testing/selftests/net/fib_tests.sh@01b59c763fe2de845b65900485b141fdd7bbf93e
# what: IPv6 route add/append/replace/del: a route flushed by prefix and added again, "ro append" turning a route into multipath, multipath added directly, the same prefix with metrics 512 and 256, "ro del PFX metric 512", single and multipath routes replaced by single, multipath and one-leg "nexthop via" routes (route_setup, ipv6_rt_add, ipv6_rt_replace)
# changes:
#  - dummy devices created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is the same kind of carrier-on, no-ARP device)
#  - $IP ("ip -netns ns1") replaced by its value; run_cmd/log_test/check_* wrappers dropped, each wrapped command one line; commands the test expects to fail left out; check_route6 written as the "ip -6 ro ls match PFX" it runs, without sed or compare
#  - add_route6/add_initial_route6 PFX NH expanded: "ip -6 ro flush PFX", "ip -6 ro ls match PFX", "ip -6 ro add PFX NH"
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
# ipv6_rt_add
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:101::2
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:101::2
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:101::2
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:101::2
ip -netns ns1 -6 ro append 2001:db8:104::/64 via 2001:db8:103::2
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 nexthop via 2001:db8:101::2 nexthop via 2001:db8:103::2
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 nexthop via 2001:db8:101::2 nexthop via 2001:db8:103::2
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:101::2
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:103::2 metric 512
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:103::3 metric 256
ip -netns ns1 -6 ro del 2001:db8:104::/64 metric 512
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
# ipv6_rt_replace_single
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:101::2
ip -netns ns1 -6 ro replace 2001:db8:104::/64 via 2001:db8:103::2
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 nexthop via 2001:db8:101::2
ip -netns ns1 -6 ro replace 2001:db8:104::/64 nexthop via 2001:db8:101::3 nexthop via 2001:db8:103::2
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:101::2
ip -netns ns1 -6 ro replace 2001:db8:104::/64 nexthop via 2001:db8:103::2
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:101::2
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 via 2001:db8:101::2
# ipv6_rt_replace_mpath
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 nexthop via 2001:db8:101::2 nexthop via 2001:db8:103::2
ip -netns ns1 -6 ro replace 2001:db8:104::/64 nexthop via 2001:db8:101::3 nexthop via 2001:db8:103::3
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 nexthop via 2001:db8:101::2 nexthop via 2001:db8:103::2
ip -netns ns1 -6 ro replace 2001:db8:104::/64 via 2001:db8:101::3
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 nexthop via 2001:db8:101::2 nexthop via 2001:db8:103::2
ip -netns ns1 -6 ro replace 2001:db8:104::/64 nexthop via 2001:db8:101::3
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 nexthop via 2001:db8:101::2 nexthop via 2001:db8:103::2
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 nexthop via 2001:db8:101::2 nexthop via 2001:db8:103::2
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro flush 2001:db8:104::/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 ro add 2001:db8:104::/64 nexthop via 2001:db8:101::2 nexthop via 2001:db8:103::2
