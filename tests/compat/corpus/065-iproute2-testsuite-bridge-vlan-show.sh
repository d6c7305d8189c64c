# source: https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/testsuite/tests/bridge/vlan/show.t?h=v6.1.0
# what: two "external" vxlan devices as ports of a bridge, the default vlan deleted from one with "bridge vlan del", bridge vlan show and tunnelshow
# changes:
#  - $(rand_dev) names fixed as br0, vx0, vx1; ts_ip/ts_bridge "$0" "DESC" ARGS written "ip ARGS"/"bridge ARGS"; test_on checks left out
# needs: bridge_vlan
ip link add br0 type bridge
ip link add vx0 type vxlan dstport 4789 external
ip link set dev vx0 master br0
bridge vlan del dev vx0 vid 1
ip link add vx1 type vxlan dstport 4790 external
ip link set dev vx1 master br0
bridge vlan
bridge vlan tunnelshow
