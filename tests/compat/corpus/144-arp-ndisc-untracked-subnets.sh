# source: torvalds/linux:tools/testing/selftests/net/arp_ndisc_untracked_subnets.sh@06d07429858317ded2db7986113a9e0129cd599b
# what: a host and a router namespace joined by a veth made inside the router namespace and moved with "link set dev X netns NS", default routes, arp_accept=2 on the router's port (setup); then the IPv6 pair made with "ip -6 -netns NS link add/set" (a family option on link lines), nodad and plain IPv6 addresses, ndisc_notify, disable_ipv6=0, forwarding, drop_unsolicited_na=0 and accept_untracked_na=2 (setup_v6)
# changes:
#  - the cases arp_test_gratuitous 2 1 and ndisc_test_untracked_advertisements 2 1 (same subnet): HOST_ADDR=10.0.10.3 and HOST_ADDR_V6=2001:db8:abcd:0012::3; the other variables expanded
#  - setup_ns (lib.sh) written as "ip netns add NAME" and "ip -n NAME link set lo up", with the fixed names host, router, host6 and router6 for the random ones; " >/dev/null 2>&1" dropped
#  - the arping and tcpdump lines left out (neither tool is here), with verify_arp (its "ip neigh get", which fails with no entry); verify_ndisc's "neigh show … nud stale" kept as a plain line; cleanup between the two setups left out (the IPv6 pair has its own namespaces)
ip netns add host
ip -n host link set lo up
ip netns add router
ip -n router link set lo up
ip netns exec router ip link add name veth-router \
	type veth peer name veth-host
ip netns exec router ip link set dev veth-router up
ip netns exec router ip link set dev veth-host netns host
ip netns exec host ip link set dev veth-host up
ip netns exec router ip addr add 10.0.10.1/24 \
	dev veth-router
ip netns exec host ip addr add 10.0.10.3/24 \
	dev veth-host
ip netns exec host ip route add default via 10.0.10.3 \
	dev veth-host
ip netns exec router ip route add default via 10.0.10.1 \
	dev veth-router
ip netns exec router sysctl -w \
	net.ipv4.conf.veth-router.arp_accept=2
ip netns add host6
ip -n host6 link set lo up
ip netns add router6
ip -n router6 link set lo up
ip -6 -netns router6 link add name veth-router \
	type veth peer name veth-host
ip -6 -netns router6 link set dev veth-router up
ip -6 -netns router6 link set dev veth-host netns \
	host6
ip -6 -netns host6 link set dev veth-host up
ip -6 -netns router6 addr add \
	2001:db8:abcd:0012::1/64 dev veth-router nodad
ip netns exec host6 sysctl -qw net.ipv6.conf.veth-host.ndisc_notify=1
ip netns exec host6 sysctl -qw net.ipv6.conf.veth-host.disable_ipv6=0
ip -6 -netns host6 addr add 2001:db8:abcd:0012::3/64 \
	dev veth-host
ip netns exec router6 sysctl -w \
	net.ipv6.conf.veth-router.forwarding=1
ip netns exec router6 sysctl -w \
	net.ipv6.conf.veth-router.drop_unsolicited_na=0
ip netns exec router6 sysctl -w \
	net.ipv6.conf.veth-router.accept_untracked_na=2
ip -6 -netns router6 neigh show \
	to 2001:db8:abcd:0012::3 dev veth-router nud stale
