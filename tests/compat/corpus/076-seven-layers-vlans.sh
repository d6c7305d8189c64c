# source: louismunro/seven_layers_of_wisdom:layer2/bootstrap.sh@d1a80965992b1e54f6b06e58f21ccfae047b1b7c, layer2/create_br2.sh@343a6f6f210336029cde2df353af917a8bb79471, layer2/create_cont4.sh@d1a80965992b1e54f6b06e58f21ccfae047b1b7c, layer2/connect_bridges.sh@ed95588d173e4eb7c47aec3d3abe11fbec84dba5, layer2/set_vlans.sh@d1a80965992b1e54f6b06e58f21ccfae047b1b7c
# what: a workshop's layer-2 exercises in order: a vlan-filtering bridge with three "containers" (veths renamed eth0 inside), a second bridge and container, the bridges cabled together, access VLAN 99 (pvid egress untagged) on the ports
# changes:
#  - the five files concatenated in the workshop's order
#  - set_vlans.sh's lines for veth9 (container 5, create_cont5.sh) left out
# needs: vlan_filtering
ip link add name br1 type bridge
ip link set br1 up
ip link set dev br1 type bridge vlan_filtering 1
ip netns add ns0
ip link add dev veth1 type veth peer name veth2
ip link set veth1 up
ip link set veth2 up
ip link set veth2 netns ns0
ip netns exec ns0 ip link set veth2 down
ip netns exec ns0 ip link set veth2 name eth0
ip netns exec ns0 ip link set eth0 up
ip netns exec ns0 ip addr add 10.99.0.2/24 dev eth0
ip link set  veth1  master br1
ip netns add ns1
ip link add dev veth3 type veth peer name veth4
ip link set veth3 up
ip link set veth4 up
ip link set veth4 netns ns1
ip netns exec ns1 ip link set veth4 down
ip netns exec ns1 ip link set veth4 name eth0
ip netns exec ns1 ip link set eth0 up
ip netns exec ns1 ip addr add 10.99.0.3/24 dev eth0
ip link set  veth3  master br1
ip netns add ns2
ip link add dev veth5 type veth peer name veth6
ip link set veth5 up
ip link set veth6 up
ip link set veth6 netns ns2
ip netns exec ns2 ip link set veth6 down
ip netns exec ns2 ip link set veth6 name eth0
ip netns exec ns2 ip link set eth0 up
ip netns exec ns2 ip addr add 10.99.0.4/24 dev eth0
ip link set  veth5  master br1
ip link add name br2 type bridge
ip link set br2 up
ip netns add ns3
ip link add dev veth7 type veth peer name veth8
ip link set veth7 up
ip link set veth8 up
ip link set veth8 netns ns3
ip netns exec ns3 ip link set veth8 down
ip netns exec ns3 ip link set veth8 name eth0
ip netns exec ns3 ip link set eth0 up
ip netns exec ns3 ip addr add 10.101.0.2/24 dev eth0
ip link set  veth7  master br2
ip link add dev veth_br1 type veth peer name veth_br2
ip link set veth_br1 up
ip link set veth_br2 up
ip link set veth_br1 master br1
ip link set veth_br2 master br2
bridge vlan add vid  99 dev veth1 pvid egress untagged
bridge vlan del vid 1 dev veth1
bridge vlan add vid  99 dev veth3 pvid egress untagged
bridge vlan del vid 1 dev veth3
bridge vlan add vid  99 dev veth5 pvid egress untagged
bridge vlan del vid 1 dev veth5
bridge vlan add vid  99 dev veth7 pvid egress untagged
bridge vlan del vid 1 dev veth7
