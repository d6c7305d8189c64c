# source: torvalds/linux:tools/testing/selftests/net/big_tcp.sh@50501936288d6a29d7ef78f25d00e33240fad45f
# what: a router namespace between a client and a server (IPv4 and IPv6, forwarding on), written with the short forms "ip -net NS …" and "ip net exec NS …": veths born in another namespace, mtu, nodad addresses, host routes "route add ADDR dev X via GW", BIG TCP sizes "link set dev X gro_max_size N gso_max_size N", a tc ingress qdisc, "sysctl -wq"
# changes:
#  - the namespaces' random names (mktemp -u client-XXXXXXXX …) written client, server and router; the variables expanded (MAX_SIZE = 128000)
#  - the "gro_ipv4_max_size N gso_ipv4_max_size N" lines left out: iproute2 6.1 does not know the keywords (added in 6.3)
#  - the two "tc filter add dev link1 ingress proto ip|ipv6 flower ip_proto tcp action ct" lines left out: this kernel has no flower classifier
#  - only setup() kept; netserver/netperf, the ethtool lines and the iptables counters left out, a ping from client to server (IPv4 and IPv6) added to show the route
ip netns add client
ip netns add server
ip netns add router
ip -net router link add link1 type veth peer name link0 netns client
ip -net router link add link2 type veth peer name link3 netns server
ip -net client link set link0 up
ip -net client link set link0 mtu 1442
ip -net client addr add 198.51.100.1/24 dev link0
ip -net client addr add 2001:db8:1::1/64 dev link0 nodad
ip -net client route add 203.0.113.1 dev link0 via 198.51.100.2
ip -net client route add 2001:db8:2::1 dev link0 via 2001:db8:1::2
ip -net client link set dev link0 \
	gro_max_size 128000 gso_max_size 128000
ip net exec client sysctl -wq net.ipv4.tcp_window_scaling=10
ip -net router link set link1 up
ip -net router link set link2 up
ip -net router addr add 198.51.100.2/24 dev link1
ip -net router addr add 2001:db8:1::2/64 dev link1 nodad
ip -net router addr add 203.0.113.2/24 dev link2
ip -net router addr add 2001:db8:2::2/64 dev link2 nodad
ip -net router link set dev link1 \
	gro_max_size 128000 gso_max_size 128000
ip -net router link set dev link2 \
	gro_max_size 128000 gso_max_size 128000
ip net exec router tc qdisc add dev link1 ingress
ip net exec router sysctl -wq net.ipv4.ip_forward=1
ip net exec router sysctl -wq net.ipv6.conf.all.forwarding=1
ip -net server link set link3 up
ip -net server addr add 203.0.113.1/24 dev link3
ip -net server addr add 2001:db8:2::1/64 dev link3 nodad
ip -net server route add 198.51.100.1 dev link3 via 203.0.113.2
ip -net server route add 2001:db8:1::1 dev link3 via 2001:db8:2::2
ip -net server link set dev link3 \
	gro_max_size 128000 gso_max_size 128000
ip net exec server sysctl -wq net.ipv4.tcp_window_scaling=10
ip net exec client ping -c 1 -W 2 203.0.113.1
ip net exec client ping -6 -c 1 -W 5 2001:db8:2::1
