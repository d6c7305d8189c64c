# source: iproute2/iproute2 commits 5d295bb8e1af491bc3de1d2506cbb2bd6bbd9da1 ("add support for brief output for link and addresses") and 508ad89c820bcdf23cb6173cfe3ed70288d18c29 ("ipneigh: add support to print brief output of neigh cache in tabular format")
# what: the host of the commit's sample output rebuilt (p2p1, p7p1 with IPv4 and IPv6 addresses, p8p1 with no carrier, p9p1) and shown with "ip -br link show", "ip -br -4 addr show", "ip -br -6 addr show", "ip -br addr show p7p1", then a bridge0 neighbour table shown with "ip -br neigh"
# changes:
#  - the sample's NICs made as veth pairs p2p1/p2p1-peer, p7p1/p7p1-peer, p8p1/p8p1-peer (its peer left down: NO-CARRIER, DOWN) and p9p1/p9p1-peer with the sample's addresses, up; the vlan p7p1.100 left out (this kernel has no vlan driver)
#  - the second commit's bridge0 made as a bridge with 172.16.12.1/24 and fd16:a115:6a62::1/64, up, and its sample entries (learnt in the commit) added as permanent neighbours with the sample's MACs
ip link add p2p1 type veth peer name p2p1-peer
ip link add p7p1 type veth peer name p7p1-peer
ip link add p8p1 type veth peer name p8p1-peer
ip link add p9p1 type veth peer name p9p1-peer
ip addr add 192.168.56.2/24 dev p2p1
ip addr add 70.0.0.1/24 dev p7p1
ip addr add 7000::1/8 dev p7p1
ip addr add 80.0.0.1/24 dev p8p1
ip addr add 8000::1/8 dev p8p1
ip addr add 10.0.5.15/24 dev p9p1
ip link set p2p1 up
ip link set p2p1-peer up
ip link set p7p1 up
ip link set p7p1-peer up
ip link set p8p1 up
ip link set p9p1 up
ip link set p9p1-peer up
ip -br link show
ip -br -4 addr show
ip -br -6 addr show
ip -br addr show p7p1
ip link add bridge0 type bridge
ip addr add 172.16.12.1/24 dev bridge0
ip addr add fd16:a115:6a62::1/64 dev bridge0
ip link set bridge0 up
ip neigh add 172.16.12.100 lladdr b0:fc:36:2f:07:43 dev bridge0 nud permanent
ip neigh add 172.16.12.174 lladdr 8c:16:45:2f:bc:1c dev bridge0 nud permanent
ip neigh add 172.16.12.250 lladdr 04:d9:f5:c1:0c:74 dev bridge0 nud permanent
ip neigh add fd16:a115:6a62:0:8744:efa1:9933:2c4c lladdr 8c:16:45:2f:bc:1c dev bridge0 nud permanent
ip -br neigh
