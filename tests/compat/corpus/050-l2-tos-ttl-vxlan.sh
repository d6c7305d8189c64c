# source: torvalds/linux:tools/testing/selftests/net/l2_tos_ttl_inherit.sh@1621f9a5394880e765f28f1e3401ba582b2ab2ee
# what: "ip link add type veth" (kernel-chosen names veth0/veth1), vxlan tunnels over IPv4 with tos/ttl inherit and over IPv6 with fixed tos/ttl, "brd +" inner addresses, cleanup between the two rounds
# changes:
#  - the loops over type/outer/inner/tos_ttl/vlan expanded for two cases: (vxlan, outer 4, inner 4, inherit, no vlan) and (vxlan, outer 6, inner 6, random, no vlan); gre and geneve left out (this kernel has neither driver)
#  - $ns is "ip netns exec testing"; $local_addr1/2, $vxlan, $test_tos, $test_ttl, ${parent} replaced by their values; the random tos/ttl of the second round fixed at 0xa4 and 183
#  - verify(): the background "ping -i 0.1" read by tcpdump replaced by one ping with the same -Q/-t, only in the first round; the table printf lines left out
#  - the second round's cleanup left out: the lab ends with the IPv6 tunnel
# setup vxlan 4 4 inherit false
ip netns add testing
ip link add type veth
ip link set veth1 netns testing
ip link set veth0 up
ip netns exec testing ip link set veth1 up
ip addr flush dev veth0
ip netns exec testing ip addr flush dev veth1
ip addr add 198.18.0.1/24 dev veth0
ip netns exec testing ip addr add 198.18.0.2/24 dev veth1
ip link add name tep0 type vxlan local 198.18.0.1 remote \
198.18.0.2 tos inherit ttl inherit vni 100 dstport 4789
ip netns exec testing ip link add name tep1 type vxlan local 198.18.0.2 remote \
198.18.0.1 tos inherit ttl inherit vni 100 dstport 4789
ip link set tep0 up
ip netns exec testing ip link set tep1 up
ip addr flush dev tep0
ip netns exec testing ip addr flush dev tep1
ip addr add 198.19.0.1/24 brd + dev tep0
ip netns exec testing ip addr add 198.19.0.2/24 brd + dev tep1
# verify
ping -c 1 -W 2 198.19.0.2 -Q 0x1c -t 37
# cleanup
ip link del veth0
ip netns del testing
ip link del tep0
# setup vxlan 6 6 random false
ip netns add testing
ip link add type veth
ip link set veth1 netns testing
ip link set veth0 up
ip netns exec testing ip link set veth1 up
ip addr flush dev veth0
ip netns exec testing ip addr flush dev veth1
ip addr add fdd1:ced0:5d88:3fce::1/64 dev veth0 nodad
ip netns exec testing ip addr add fdd1:ced0:5d88:3fce::2/64 dev veth1 nodad
ip link add name tep0 type vxlan local fdd1:ced0:5d88:3fce::1 \
remote fdd1:ced0:5d88:3fce::2 tos 0xa4 ttl 183 \
vni 100 dstport 4789
ip netns exec testing ip link add name tep1 type vxlan local fdd1:ced0:5d88:3fce::2 \
remote fdd1:ced0:5d88:3fce::1 tos 0xa4 ttl 183 \
vni 100 dstport 4789
ip link set tep0 up
ip netns exec testing ip link set tep1 up
ip addr flush dev tep0
ip netns exec testing ip addr flush dev tep1
ip addr add fdd4:96cf:4eae:443b::1/64 dev tep0 nodad
ip netns exec testing ip addr add fdd4:96cf:4eae:443b::2/64 dev tep1 nodad
