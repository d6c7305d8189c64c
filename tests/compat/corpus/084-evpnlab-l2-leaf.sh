# source: fedepaol/evpnlab:02_clab_l2/leaf1/setup.sh@08ed4d3f3a5a8b4d0874b604b91a720088770ede
# what: an EVPN leaf: VTEP address on lo, a VRF red, bridges enslaved to it with "addrgenmode none", bridge MACs set with "ip link set BR addr MAC", vxlans with nolearning as bridge ports, "ip link set vni110 type bridge_slave neigh_suppress on learning off"
# changes:
#  - the containerlab links eth1 (to the spine) and eth2 (to host1) made first as veth pairs eth1/eth1-peer and eth2/eth2-peer
# needs: vrf
ip link add eth1 type veth peer name eth1-peer
ip link add eth2 type veth peer name eth2-peer
ip addr add 100.64.0.1/32 dev lo
ip addr add 192.168.1.1/24 dev eth1
ip link add red type vrf table 1100
ip link set red up
ip link add br10 type bridge
ip link set br10 master red
ip link set br10 addr aa:bb:cc:00:00:65
ip link add vni110 type vxlan local 100.64.0.1 dstport 4789 id 110 nolearning
ip link set vni110 master br10 addrgenmode none
ip addr add 192.168.10.0/24 dev br10
ip link set vni110 type bridge_slave neigh_suppress on learning off
ip link set vni110 up
ip link set br10 up
ip link add br100 type bridge
ip link set br100 master red addrgenmode none
ip link set br100 addr aa:bb:cc:00:02:64
ip link add vni100 type vxlan local 100.64.0.1 dstport 4789 id 100 nolearning
ip link set vni100 master br100 addrgenmode none
ip link set vni100 type bridge_slave neigh_suppress on learning off
ip link set vni100 up
ip link set eth2 master br10
