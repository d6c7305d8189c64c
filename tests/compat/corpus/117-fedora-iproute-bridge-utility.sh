# source: XMB5/iproute-rpm:tests/bridge-utility/runtest.sh@e5ed6fb6aef87f4c1ae4f6b3b567c5d08e4a60cb (Fedora/RHEL iproute package test of the bridge utility)
# what: bridge fdb on a multicast vxlan ("ip link add testvxlan type vxlan id 10 group 239.0.0.10 ttl 4 dev dummy0", an address with an explicit broadcast): "bridge fdb add MAC dst …", "bridge fdb replace MAC dst …" (also with temp, local, router), "bridge fdb add … port 10000 vni 100 via dummy0", self entries; then on a bridge: "bridge link set dev dummy0 cost 10", fdb entries with self, master and both, nomaster; bridge mdb show
# changes:
#  - dummy0 and dummy1 (modprobe dummy numdummies=2) made "type ifb" (this kernel has no dummy driver)
#  - $vxlan_name and $bridge_name expanded (testvxlan, testbridge); $vxlan_ether_address (the vxlan's own MAC, read back with a pipe) written as a fixed MAC, 02:00:00:c0:ff:ee
#  - each rlRun "CMD" written CMD; the "bridge fdb show … &> file" and rlAssertGrep checks written "bridge fdb show dev X"; the rlIsRHEL '>=7' branches taken
#  - the bridge vlan phase left out (it needs a vlan device dummy0.10: this kernel has no vlan driver); the last bridge (test_bridge) and the cleanup left out, and the bridge phase's final "ip link del testbridge" too, so that the lab ends with it
ip link add dummy0 type ifb
ip link add dummy1 type ifb
ip addr flush dev dummy0
ip link set dummy0 up
ip addr flush dev dummy1
ip link set dummy1 up
ip addr add 127.0.0.13/24 dev dummy0
ip addr add 127.0.0.14/24 dev dummy1
ip link add testvxlan type vxlan id 10 group 239.0.0.10 ttl 4 dev dummy0
ip addr add 192.168.1.1/24 broadcast 192.168.1.255 dev testvxlan
ip -d link show testvxlan
bridge fdb add 02:00:00:c0:ff:ee dst 192.19.0.2 dev testvxlan
bridge fdb show dev testvxlan
bridge fdb replace 02:00:00:c0:ff:ee dst 192.19.0.3 dev testvxlan
bridge fdb show dev testvxlan
bridge fdb del 02:00:00:c0:ff:ee dev testvxlan
bridge fdb show dev testvxlan
bridge fdb add 02:00:00:c0:ff:ee dst 192.19.0.2 dev testvxlan port 10000 vni 100 via dummy0
bridge fdb show dev testvxlan
bridge fdb del 02:00:00:c0:ff:ee dev testvxlan
bridge fdb add 02:00:00:c0:ff:ee dst 192.19.0.2 dev testvxlan self
bridge fdb show dev testvxlan
bridge fdb replace 02:00:00:c0:ff:ee dst 192.19.0.2 dev testvxlan temp
bridge fdb show dev testvxlan
bridge fdb replace 02:00:00:c0:ff:ee dst 192.19.0.2 dev testvxlan local
bridge fdb show dev testvxlan
bridge fdb replace 02:00:00:c0:ff:ee dst 192.19.0.2 dev testvxlan router
bridge fdb show dev testvxlan
bridge fdb del 02:00:00:c0:ff:ee dev testvxlan
ip link del testvxlan
ip link add testbridge type bridge
ip link set dummy0 master testbridge
bridge link show dev dummy0
bridge link set dev dummy0 cost 10
bridge link show dev dummy0
bridge fdb add 00:1b:21:55:23:61 dev dummy0 self
bridge fdb show dev dummy0
bridge fdb add 00:1b:21:55:23:62 dev dummy0 master
bridge fdb show dev dummy0
bridge fdb add 00:1b:21:55:23:63 dev dummy0 self master
bridge fdb show dev dummy0
ip link set dummy0 nomaster
bridge mdb show
