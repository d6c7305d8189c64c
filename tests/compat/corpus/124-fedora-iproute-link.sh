# source: XMB5/iproute-rpm:tests/ip-link-sanity-test/ip-link-tests.py@e5ed6fb6aef87f4c1ae4f6b3b567c5d08e4a60cb (Fedora/RHEL iproute package test /CoreOS/iproute/Sanity/ip-link-sanity-test)
# what: link settings on one device ("ip link set dev X mtu 9000", up, down, "address 02:01:02:03:04:08", "alias test-test", "name test-test" and back, "multicast on", "allmulticast on"), then links of several kinds added and deleted: a veth pair, a macvlan and a macvtap in mode bridge named after their lower device without "name" ("ip link add link dummy-test macvlan-test type macvlan mode bridge"), a bridge, a multicast vxlan ("… type vxlan id 42 group 239.1.1.1 dev dummy-test dstport 4789")
# changes:
#  - the test's subprocess argument lists written as command lines; the first class's setUp ("ip link add dummy-test type dummy") run once before its seven tests and its tearDown left out, so that the lab ends with that device; the output checks dropped
#  - dummy-test made a veth pair dummy-test / dummy-test-peer instead of "type dummy" (this kernel has no dummy driver, and an ifb refuses a new MAC address); in the second class dummy-test is that same device, not made again
#  - the kinds this kernel lacks left out (dummy, vcan, vxcan, vlan, bond, team, ipip/gre/sit/vti/erspan/ip6gre tunnels, geneve, ipvlan, vrf)
ip link add dummy-test type veth peer name dummy-test-peer
ip link set dev dummy-test mtu 9000
ip link set dev dummy-test up
ip link show dev dummy-test
ip link set dev dummy-test down
ip link show dev dummy-test
ip link set dev dummy-test address 02:01:02:03:04:08
ip link show dev dummy-test
ip link set dev dummy-test alias test-test
ip link show dev dummy-test
ip link set dev dummy-test name test-test
ip link show dev test-test
ip link set dev test-test name dummy-test
ip link set dev dummy-test multicast on
ip link show dev dummy-test
ip link set dev dummy-test allmulticast on
ip link show dev dummy-test
ip link add veth-test type veth peer name veth-peer-test
ip link del veth-test
ip link add link dummy-test macvlan-test type macvlan mode bridge
ip link del macvlan-test
ip link add link dummy-test macvtap-test type macvtap mode bridge
ip link del macvtap-test
ip link add bridge-test type bridge
ip link del bridge-test
ip link add vxlan-test type vxlan id 42 group 239.1.1.1 dev dummy-test dstport 4789
ip link del vxlan-test
