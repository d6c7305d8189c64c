# source: marinme/modern_network_engineer:labs/lab-a01-translation/README.md@83d5e10f47a0e54242eb9da5ff564bfcbefa4955 (Lab A01 "Read a Linux Box")
# what: the lab's "Read the routing table" section: ip -br addr show dev eth0, ip route show, ip route get for three destinations, ip rule show, ip route show table local, then "ip route show table 100", which the lab expects to fail ("Error: ipv4: FIB table does not exist", tables are made lazily): the script ends there, as bash -e stops at it
# changes:
#  - the lab runs inside a Docker container (eth0 on the default bridge 172.17.0.0/16, gateway 172.17.0.1): here the sandbox's own namespace is the container, its eth0 a veth to a namespace "docker" whose bridge docker0 holds 172.17.0.1/16, and the default route via 172.17.0.1 is set as Docker sets it; these setup lines come first
#  - the docker build/run lines left out; the lab's commands kept as typed, up to the failing "ip route show table 100"
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
ip route get 172.17.0.5
ip route get 127.0.0.53
ip rule show
ip route show table local
ip route show table 100
