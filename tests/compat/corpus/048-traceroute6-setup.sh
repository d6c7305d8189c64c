# source: torvalds/linux:tools/testing/selftests/net/traceroute.sh@2e60c498a4a305d18a97c913dcd924da041c01fc
# what: IPv6 lab of two routers and two hosts, a bridge in r1 joining h1 and r2, veth ends moved and renamed with "ip li set tmp netns NS name DEV", unreachable default routes metric 8192 (setup_traceroute6)
# changes:
#  - setup_ns: the namespaces named h1, h2, r1, r2, router (no random suffix), lo up as setup_ns does
#  - create_ns and connect_ns expanded (their [ -z ] / != "-" tests resolved)
#  - the cleanup at the start, the traceroute run itself (traceroute may not be installed) and the final cleanup left out
#  - "ping6 -c5 2000:103::4 >/dev/null 2>&1" written "ping -c 1 2000:103::4" (one probe primes the network as well; no ping6 binary here)
ip netns add h1
ip -n h1 link set lo up
ip netns add h2
ip -n h2 link set lo up
ip netns add r1
ip -n r1 link set lo up
ip netns add r2
ip -n r2 link set lo up
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
ip netns exec r1 ip ro add unreachable default metric 8192
ip netns exec r1 ip -6 ro add unreachable default metric 8192
ip netns exec r1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec r1 sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec r1 sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r1 sysctl -qw net.ipv6.conf.default.forwarding=1
ip netns exec r1 sysctl -qw net.ipv6.conf.default.accept_dad=0
ip netns exec r2 ip ro add unreachable default metric 8192
ip netns exec r2 ip -6 ro add unreachable default metric 8192
ip netns exec r2 sysctl -qw net.ipv4.ip_forward=1
ip netns exec r2 sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec r2 sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r2 sysctl -qw net.ipv6.conf.default.forwarding=1
ip netns exec r2 sysctl -qw net.ipv6.conf.default.accept_dad=0
# Setup N3
ip netns exec r2 ip li add eth3 type veth peer name tmp
ip netns exec r2 ip li set eth3 up
ip netns exec r2 ip li set tmp netns h2 name eth3
ip netns exec h2 ip li set eth3 up
ip netns exec r2 ip addr add dev eth3 2000:103::2/64
ip netns exec h2 ip addr add dev eth3 2000:103::4/64
ip netns exec h2 ip route add default via 2000:103::2
# Setup N2
ip netns exec r1 ip li add eth2 type veth peer name tmp
ip netns exec r1 ip li set eth2 up
ip netns exec r1 ip li set tmp netns r2 name eth2
ip netns exec r2 ip li set eth2 up
ip netns exec r1 ip addr add dev eth2 2000:102::1/64
ip netns exec r2 ip addr add dev eth2 2000:102::2/64
ip netns exec r1 ip route add default via 2000:102::2
# Setup N1. host-1 and router-2 connect to a bridge in router-1.
ip netns exec r1 ip link add name br0 type bridge
ip netns exec r1 ip link set br0 up
ip netns exec r1 ip addr add 2000:101::1/64 dev br0
ip netns exec h1 ip li add eth0 type veth peer name tmp
ip netns exec h1 ip li set eth0 up
ip netns exec h1 ip li set tmp netns r1 name eth0
ip netns exec r1 ip li set eth0 up
ip netns exec h1 ip addr add dev eth0 2000:101::3/64
ip netns exec r1 ip link set dev eth0 master br0
ip netns exec h1 ip route add default via 2000:101::1
ip netns exec r2 ip li add eth1 type veth peer name tmp
ip netns exec r2 ip li set eth1 up
ip netns exec r2 ip li set tmp netns r1 name eth1
ip netns exec r1 ip li set eth1 up
ip netns exec r2 ip addr add dev eth1 2000:101::2/64
ip netns exec r1 ip link set dev eth1 master br0
# Prime the network
ip netns exec h1 ping -c 1 2000:103::4
