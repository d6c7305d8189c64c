# source: torvalds/linux:tools/testing/selftests/net/unicast_extensions.sh@0d3001e2690a0ed3f51defd953ae4b5f32b8ec64
# what: veth pairs born with both ends in other namespaces ("ip link add foo netns foo-ns type veth peer name bar netns bar-ns"), addresses in 240/4, 0/8 and 255.255/16 assigned and pinged, namespaces deleted and made again (the allowed segmenttest cases)
# changes:
#  - segmenttest and _do_segmenttest expanded for the six allowed cases; their "|| return 1" dropped
#  - hide_output/show_output, show_result and the nettest TCP checks left out (nettest is a selftest helper)
#  - "ip netns pids NS | xargs -r kill -9" left out (nothing runs in them)
#  - the last case's namespaces are not deleted: the lab ends with them
# segmenttest 240.1.2.1 240.1.2.4 24
ip netns add foo-ns
ip netns add bar-ns
ip link add foo netns foo-ns type veth peer name bar netns bar-ns
ip -n foo-ns address add 240.1.2.1/24 dev foo
ip -n foo-ns link set foo up
ip -n bar-ns address add 240.1.2.4/24 dev bar
ip -n bar-ns link set bar up
ip netns exec foo-ns timeout 2 ping -c 1 240.1.2.4
ip netns exec bar-ns timeout 2 ping -c 1 240.1.2.1
ip netns del foo-ns
ip netns del bar-ns
# segmenttest 250.100.2.1 250.100.30.4 16
ip netns add foo-ns
ip netns add bar-ns
ip link add foo netns foo-ns type veth peer name bar netns bar-ns
ip -n foo-ns address add 250.100.2.1/16 dev foo
ip -n foo-ns link set foo up
ip -n bar-ns address add 250.100.30.4/16 dev bar
ip -n bar-ns link set bar up
ip netns exec foo-ns timeout 2 ping -c 1 250.100.30.4
ip netns exec bar-ns timeout 2 ping -c 1 250.100.2.1
ip netns del foo-ns
ip netns del bar-ns
# segmenttest 0.1.2.17 0.1.2.23 24
ip netns add foo-ns
ip netns add bar-ns
ip link add foo netns foo-ns type veth peer name bar netns bar-ns
ip -n foo-ns address add 0.1.2.17/24 dev foo
ip -n foo-ns link set foo up
ip -n bar-ns address add 0.1.2.23/24 dev bar
ip -n bar-ns link set bar up
ip netns exec foo-ns timeout 2 ping -c 1 0.1.2.23
ip netns exec bar-ns timeout 2 ping -c 1 0.1.2.17
ip netns del foo-ns
ip netns del bar-ns
# segmenttest 0.77.240.17 0.77.2.23 16
ip netns add foo-ns
ip netns add bar-ns
ip link add foo netns foo-ns type veth peer name bar netns bar-ns
ip -n foo-ns address add 0.77.240.17/16 dev foo
ip -n foo-ns link set foo up
ip -n bar-ns address add 0.77.2.23/16 dev bar
ip -n bar-ns link set bar up
ip netns exec foo-ns timeout 2 ping -c 1 0.77.2.23
ip netns exec bar-ns timeout 2 ping -c 1 0.77.240.17
ip netns del foo-ns
ip netns del bar-ns
# segmenttest 255.255.3.1 255.255.50.77 16
ip netns add foo-ns
ip netns add bar-ns
ip link add foo netns foo-ns type veth peer name bar netns bar-ns
ip -n foo-ns address add 255.255.3.1/16 dev foo
ip -n foo-ns link set foo up
ip -n bar-ns address add 255.255.50.77/16 dev bar
ip -n bar-ns link set bar up
ip netns exec foo-ns timeout 2 ping -c 1 255.255.50.77
ip netns exec bar-ns timeout 2 ping -c 1 255.255.3.1
ip netns del foo-ns
ip netns del bar-ns
# segmenttest 255.255.255.1 255.255.255.254 24
ip netns add foo-ns
ip netns add bar-ns
ip link add foo netns foo-ns type veth peer name bar netns bar-ns
ip -n foo-ns address add 255.255.255.1/24 dev foo
ip -n foo-ns link set foo up
ip -n bar-ns address add 255.255.255.254/24 dev bar
ip -n bar-ns link set bar up
ip netns exec foo-ns timeout 2 ping -c 1 255.255.255.254
ip netns exec bar-ns timeout 2 ping -c 1 255.255.255.1
