# source: torvalds/linux:tools/testing/selftests/net/fib_nexthop_nongw.sh@2e60c498a4a305d18a97c913dcd924da041c01fc
# what: a veth pair born across two namespaces ("link add name veth0 type veth peer name veth1 netns NS"), a /32 address and a default route "dev veth1" on one side, a nexthop without gateway ("nexthop add id 1 dev veth0") used by a host route on the other, route get and ping through it
# changes:
#  - setup_ns (lib.sh) h1 h2 written as the namespaces h1 and h2 made with "ip netns add" and lo set up; $h1/$h2 expanded to those names
#  - the fake eth0 created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is the same kind of carrier-on, no-ARP device)
#  - run_cmd/log_test wrappers dropped; the trap/cleanup left out
ip netns add h1
ip -n h1 link set lo up
ip netns add h2
ip -n h2 link set lo up
ip -n h1 link add name eth0 type ifb
ip -n h1 link set eth0 up
ip -n h1 address add 192.168.0.1/24 dev eth0
ip -n h1 link add name veth0 type veth peer name veth1 netns h2
ip -n h1 link set veth0 up
ip -n h2 link set veth1 up
ip -n h2 address add 192.168.1.1/32 dev veth1
ip -n h2 route add default dev veth1
ip -n h1 nexthop add id 1 dev veth0
ip -n h1 route add 192.168.1.1 nhid 1
ip -netns h1 route get 192.168.1.1
ip netns exec h1 ping -c1 192.168.1.1
