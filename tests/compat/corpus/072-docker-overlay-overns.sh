# source: lbernail/dockeroverlays:overns.sh@d9b748316c0ca7610f0918e66ba1fedc265e1861 (with the values of vars1@8c044c924abff90600a0418d106a190c8a6ce8d3)
# what: a Docker-style overlay by hand: a bridge in namespace overns, a vxlan (proxy learning) made in the root namespace then moved in, "ip link add dev veth1 mtu 1450 type veth peer name veth2 mtu 1450", the container end renamed with a MAC at once, a permanent ARP entry ("ip neighbor add ... nud permanent") and a vxlan fdb entry with dst/vni/port
# changes:
#  - sudo dropped; "set -x" dropped (set -e is how the harness runs every script)
#  - the $variables replaced by their values from vars1
#  - the Docker container's namespace (docker inspect SandboxKey, symlinked into /var/run/netns) replaced by a namespace made with "ip netns add test-overlay"
ip netns add overns
ip netns exec overns ip link add dev br0 type bridge
ip netns exec overns ip addr add dev br0 10.200.0.1/24
ip link add dev vxlan1 type vxlan id 42 proxy learning dstport 4789
ip link set vxlan1 netns overns
ip netns exec overns ip link set vxlan1 master br0
ip link add dev veth1 mtu 1450 type veth peer name veth2 mtu 1450
ip link set dev veth1 netns overns
ip netns exec overns ip link set veth1 master br0
ip netns exec overns ip link set vxlan1 up
ip netns exec overns ip link set veth1 up
ip netns exec overns ip link set br0 up
ip netns add test-overlay
ip link set dev veth2 netns test-overlay
ip netns exec test-overlay ip link set dev veth2 name eth0 address 02:42:0a:00:00:03
ip netns exec test-overlay ip addr add dev eth0 10.200.0.3/24
ip netns exec test-overlay ip link set dev eth0 up
ip netns exec overns ip neighbor add 10.200.0.2 lladdr 02:42:0a:00:00:02 dev vxlan1 nud permanent
ip netns exec overns bridge fdb add 02:42:0a:00:00:02 dev vxlan1 self dst 10.200.129.76 vni 42 port 4789
