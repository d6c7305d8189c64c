# source: torvalds/linux:tools/testing/selftests/net/unicast_extensions.sh@0d3001e2690a0ed3f51defd953ae4b5f32b8ec64
# what: a router namespace forwarding between 240.5.6/24 and 255.1.2/24, then between 0.200/16 and 245.99/16, default routes via it, pings across (the allowed route_test cases)
# changes:
#  - route_test and _do_route_test expanded for the two allowed cases; their "|| return 1" dropped
#  - "echo 1 | ip netns exec router-ns tee /proc/sys/net/ipv4/ip_forward" written "ip netns exec router-ns sysctl -w net.ipv4.ip_forward=1" (no pipes in a corpus script)
#  - hide_output/show_output, show_result, the nettest TCP checks and "ip netns pids | xargs kill" left out
#  - the second case's namespaces are not deleted: the lab ends with them
# route_test 240.5.6.7 240.5.6.1 255.1.2.1 255.1.2.3 24
ip netns add foo-ns
ip netns add bar-ns
ip netns add router-ns
ip link add foo netns foo-ns type veth peer name foo1 netns router-ns
ip link add bar netns bar-ns type veth peer name bar1 netns router-ns
ip -n foo-ns address add 240.5.6.7/24 dev foo
ip -n foo-ns link set foo up
ip -n foo-ns route add default via 240.5.6.1
ip -n bar-ns address add 255.1.2.3/24 dev bar
ip -n bar-ns link set bar up
ip -n bar-ns route add default via 255.1.2.1
ip -n router-ns address add 240.5.6.1/24 dev foo1
ip -n router-ns link set foo1 up
ip -n router-ns address add 255.1.2.1/24 dev bar1
ip -n router-ns link set bar1 up
ip netns exec router-ns sysctl -w net.ipv4.ip_forward=1
ip netns exec foo-ns timeout 2 ping -c 1 240.5.6.1
ip netns exec foo-ns timeout 2 ping -c 1 255.1.2.3
ip netns exec bar-ns timeout 2 ping -c 1 255.1.2.1
ip netns exec bar-ns timeout 2 ping -c 1 240.5.6.7
ip netns del foo-ns
ip netns del bar-ns
ip netns del router-ns
# route_test 0.200.6.7 0.200.38.1 245.99.101.1 245.99.200.111 16
ip netns add foo-ns
ip netns add bar-ns
ip netns add router-ns
ip link add foo netns foo-ns type veth peer name foo1 netns router-ns
ip link add bar netns bar-ns type veth peer name bar1 netns router-ns
ip -n foo-ns address add 0.200.6.7/16 dev foo
ip -n foo-ns link set foo up
ip -n foo-ns route add default via 0.200.38.1
ip -n bar-ns address add 245.99.200.111/16 dev bar
ip -n bar-ns link set bar up
ip -n bar-ns route add default via 245.99.101.1
ip -n router-ns address add 0.200.38.1/16 dev foo1
ip -n router-ns link set foo1 up
ip -n router-ns address add 245.99.101.1/16 dev bar1
ip -n router-ns link set bar1 up
ip netns exec router-ns sysctl -w net.ipv4.ip_forward=1
ip netns exec foo-ns timeout 2 ping -c 1 0.200.38.1
ip netns exec foo-ns timeout 2 ping -c 1 245.99.200.111
ip netns exec bar-ns timeout 2 ping -c 1 245.99.101.1
ip netns exec bar-ns timeout 2 ping -c 1 0.200.6.7
