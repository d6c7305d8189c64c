# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: a multicast vxlan on a dummy device in a namespace, address, "ip link set up dev", changelink with "ip link set dev X type vxlan ttl 64" and "... nolearning" (kci_test_encap, kci_test_encap_vxlan)
# changes:
#  - run_cmd/run_cmd_grep wrappers dropped (each wrapped command is one line; "| grep -q" checks written as the bare command); the commands the test expects to fail (run_cmd_fail) left out
#  - kci_add_dummy: test-dummy0 created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is a carrier-on, no-ARP device like dummy)
#  - $devdummy and the test's other variables replaced by their values
#  - setup_ns testns: the namespace named "testns" (no random suffix), lo up as the test does
#  - the vlan device on top of the vxlan (type vlan id 1) left out: this kernel has no vlan driver
#  - the fou part (needs the fou module) and the final link del / netns del left out
ip netns add testns
ip -netns testns link set lo up
ip -netns testns link add name test-dummy0 type ifb
ip -netns testns link set test-dummy0 up
ip -netns testns link add test-vxlan0 type vxlan id 42 group 239.1.1.1 \
	dev test-dummy0 dstport 4789
ip -netns testns addr add 10.2.11.49/24 dev test-vxlan0
ip -netns testns link set up dev test-vxlan0
ip -netns testns link set dev test-vxlan0 type vxlan ttl 64
ip -netns testns link set dev test-vxlan0 type vxlan nolearning
