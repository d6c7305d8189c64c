# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: a bridge with a dummy port and a vlan device on top of the bridge, IPv4 and IPv6 addresses, ip netconf (kci_add_dummy, kci_test_bridge)
# changes:
#  - run_cmd/run_cmd_grep wrappers dropped (each wrapped command is one line; "| grep -q" checks written as the bare command); the commands the test expects to fail (run_cmd_fail) left out
#  - $devdummy and the test's other variables replaced by their values
#  - kci_test_netconf's loop over the three devices and over -4/-6 expanded
#  - the final deletes (ip -6 addr del, link del) left out: the lab ends built
# needs: dummy vlan
ip link add name test-dummy0 type dummy
ip link set test-dummy0 up
ip link add name test-br0 type bridge
ip link set dev test-dummy0 master test-br0
ip link set test-br0 up
ip link add link test-br0 name testbr-vlan1 type vlan id 1
ip addr add dev testbr-vlan1 10.200.7.23/30
ip -6 addr add dev testbr-vlan1 dead:42::1234/64
ip -d link
ip r s t all
ip netconf show dev test-br0
ip -4 netconf show dev test-br0
ip -6 netconf show dev test-br0
ip netconf show dev testbr-vlan1
ip -4 netconf show dev testbr-vlan1
ip -6 netconf show dev testbr-vlan1
ip netconf show dev test-dummy0
ip -4 netconf show dev test-dummy0
ip -6 netconf show dev test-dummy0
