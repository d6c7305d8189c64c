# source: torvalds/linux:tools/testing/selftests/net/traceroute.sh@2e60c498a4a305d18a97c913dcd924da041c01fc
# what: IPv4 lab h1 - router - h2, the router with a primary 1.0.3.1/24 and secondary 1.0.1.1/24 on one link, icmp_errors_use_inbound_ifaddr, default routes (setup_traceroute)
# changes:
#  - setup_ns: the namespaces named h1, h2, r1, r2, router (no random suffix), lo up as setup_ns does
#  - create_ns and connect_ns expanded (their [ -z ] / != "-" tests resolved)
#  - the cleanup at the start, the traceroute run itself (traceroute may not be installed) and the final cleanup left out
#  - the sysctl line continued with a backslash kept as two lines joined by "\"
#  - "ping -c5 1.0.2.4 >/dev/null 2>&1" written "ping -c 1 1.0.2.4"
ip netns add h1
ip -n h1 link set lo up
ip netns add h2
ip -n h2 link set lo up
ip netns add router
ip -n router link set lo up
ip netns exec h1 ip ro add unreachable default metric 8192
ip netns exec h1 ip -6 ro add unreachable default metric 8192
ip netns exec h1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec h1 sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec h1 sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec h1 sysctl -qw net.ipv6.conf.default.forwarding=1
ip netns exec h1 sysctl -qw net.ipv6.conf.default.accept_dad=0
ip netns exec h2 ip ro add unreachable default metric 8192
ip netns exec h2 ip -6 ro add unreachable default metric 8192
ip netns exec h2 sysctl -qw net.ipv4.ip_forward=1
ip netns exec h2 sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec h2 sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec h2 sysctl -qw net.ipv6.conf.default.forwarding=1
ip netns exec h2 sysctl -qw net.ipv6.conf.default.accept_dad=0
ip netns exec router ip ro add unreachable default metric 8192
ip netns exec router ip -6 ro add unreachable default metric 8192
ip netns exec router sysctl -qw net.ipv4.ip_forward=1
ip netns exec router sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec router sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec router sysctl -qw net.ipv6.conf.default.forwarding=1
ip netns exec router sysctl -qw net.ipv6.conf.default.accept_dad=0
ip netns exec h1 ip li add eth0 type veth peer name tmp
ip netns exec h1 ip li set eth0 up
ip netns exec h1 ip li set tmp netns router name eth1
ip netns exec router ip li set eth1 up
ip netns exec h1 ip addr add dev eth0 1.0.1.3/24
ip netns exec router ip addr add dev eth1 1.0.3.1/24
ip netns exec h1 ip route add default via 1.0.1.1
ip netns exec router ip addr add 1.0.1.1/24 dev eth1
ip netns exec router sysctl -qw \
			net.ipv4.icmp_errors_use_inbound_ifaddr=1
ip netns exec h2 ip li add eth0 type veth peer name tmp
ip netns exec h2 ip li set eth0 up
ip netns exec h2 ip li set tmp netns router name eth2
ip netns exec router ip li set eth2 up
ip netns exec h2 ip addr add dev eth0 1.0.2.4/24
ip netns exec router ip addr add dev eth2 1.0.2.1/24
ip netns exec h2 ip route add default via 1.0.2.1
# Prime the network
ip netns exec h1 ping -c 1 1.0.2.4
