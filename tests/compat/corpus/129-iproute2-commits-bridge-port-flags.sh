# source: iproute2/iproute2 commits 05001bcfab5aad746763bca044cc1396bfc0676e ("bridge: add support for isolated option"), 0a9f3008e108df0903567fb64129d6b717fa2f91 ("Merge branch '802.1X-locked-bridge-ports'"), 092af16b7eedb651282b288aa6fa7bdfaa01d588 ("ip: iplink_bridge_slave: add locked port flag support"), c74a8bc9cf5d6b6c9d8c64d5a80c5740165f315a ("iplink_bridge: Add no_linklocal_learn option support"), 8cfde5c97fcf8edc0c031bf4ddd972b80cc34120 ("iplink: bridge: support bridge port vlan_tunnel attribute"), 2d84aef19e9670ba57db6920cb00707b71e6713e ("iplink: bridge: add stp_mode support")
# what: bridge port flags set both ways the commit messages show, "ip link set dev X type bridge_slave FLAG on|off" and "bridge link set dev X FLAG on|off" (isolated, locked, vlan_tunnel), bridge options on an existing bridge ("ip link set dev br0 type bridge no_linklocal_learn 1", "ip link set br0 type bridge stp_state 1"), "bridge -d link show"
# changes:
#  - the devices the messages name made first: a bridge br0 (up) with eth0 (one end of a veth pair, up) and vxlan0 (a vxlan id 10 dstport 4789) as ports; the syntax lines' DEV written eth0 and {on | off} written as one value, then the other
#  - 2d84aef1's "ip link set br0 type bridge stp_mode user" left out (iproute2 6.1 does not know stp_mode), its stp_state line kept; the jq and cat checks of c74a8bc9 written as "ip -j -d link show dev br0"
ip link add br0 type bridge
ip link add eth0 type veth peer name eth0-peer
ip link add vxlan0 type vxlan id 10 dstport 4789
ip link set eth0 master br0
ip link set vxlan0 master br0
ip link set br0 up
ip link set eth0 up
ip link set eth0-peer up
ip link set dev eth0 type bridge_slave isolated on
bridge link set dev eth0 isolated on
bridge link set dev eth0 locked on
bridge -d link show dev eth0
ip link set dev eth0 type bridge_slave locked off
ip link set dev eth0 type bridge_slave locked on
ip -j -d link show dev br0
ip link set dev br0 type bridge no_linklocal_learn 1
ip -j -d link show dev br0
ip link set dev br0 type bridge no_linklocal_learn 0
ip link set dev br0 type bridge no_linklocal_learn 1
ip link set dev vxlan0 type bridge_slave vlan_tunnel on
ip link set dev vxlan0 type bridge_slave vlan_tunnel off
bridge link set dev vxlan0 vlan_tunnel on
bridge link set dev vxlan0 vlan_tunnel off
bridge link set dev vxlan0 vlan_tunnel on
ip link set br0 type bridge stp_state 1
bridge -d link show
