# source: marinme/modern_network_engineer:labs/lab-a01-translation/README.md@83d5e10f47a0e54242eb9da5ff564bfcbefa4955 (Lab A01 "Read a Linux Box")
# what: the rest of the lab on the same box: ip -br link/addr, ip -d link show eth0, an address added to lo and deleted, "ip route get" through it, the neighbour table flushed and a PERMANENT entry added and deleted, a static route with "proto static" replaced with "mtu 1400" and deleted, the default route deleted and put back, ip -s / -s -s link counters, ip -j shows
# changes:
#  - the lab runs inside a Docker container (eth0 on the default bridge 172.17.0.0/16, gateway 172.17.0.1): here the sandbox's own namespace is the container, its eth0 a veth to a namespace "docker" whose bridge docker0 holds 172.17.0.1/16, and the default route via 172.17.0.1 is set as Docker sets it; these setup lines come first
#  - the docker build/run lines, "ip route show table 100" (it fails: see 141), the nft, ss, nc, tcpdump, traceroute, mtr and ethtool lines and the "| jq …" filters (ip -j kept) left out; pings to 1.1.1.1 (outside the sandbox) left out, pings to the gateway 172.17.0.1 kept
ip netns add docker
ip link add eth0 type veth peer name veth0 netns docker
ip -n docker link add docker0 type bridge
ip -n docker link set veth0 master docker0
ip -n docker addr add 172.17.0.1/16 dev docker0
ip -n docker link set docker0 up
ip -n docker link set veth0 up
ip addr add 172.17.0.2/16 dev eth0
ip link set eth0 up
ip route add default via 172.17.0.1 dev eth0
ip -br addr show dev eth0
ip route show
ip route get 1.1.1.1
ip rule show
ip route show table local
ip -br link
ip -br addr
ip -d link show eth0
ip addr show dev eth0
ip addr add 192.0.2.1/24 dev lo
ip -br addr show dev lo
ip route get 192.0.2.99
ip addr del 192.0.2.1/24 dev lo
ip -br addr show dev lo
ip neigh
ping -c 1 172.17.0.1
ip neigh
ip neigh flush dev eth0
ip neigh
ping -c 1 172.17.0.1
ip neigh
ip neigh add 172.17.99.99 lladdr 00:11:22:33:44:55 dev eth0
ip neigh
ip neigh del 172.17.99.99 dev eth0
ip route add 198.51.100.0/24 via 172.17.0.1 dev eth0 proto static
ip route show
ip route get 198.51.100.42
ip route replace 198.51.100.0/24 via 172.17.0.1 dev eth0 proto static mtu 1400
ip route show 198.51.100.0/24
ip route del 198.51.100.0/24
ip route show
ip route show default
ip route del default
ip route show
ip route add default via 172.17.0.1 dev eth0
ip route show
ip -s link show dev eth0
ip -s -s link show dev eth0
ip -j addr show
ip -j addr show dev eth0
ip -j route show
ip -j link show
