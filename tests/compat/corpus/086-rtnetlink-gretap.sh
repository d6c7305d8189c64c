# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: gretap tunnels in a namespace: native with seq, key, local and remote, with an address and set up, then one in external mode (kci_test_gretap)
# changes:
#  - $testns (setup_ns testns) named testns, lo up as setup_ns does; $DEV_NS replaced by gretap00; run_cmd/run_cmd_grep wrappers and the "ip link help gretap" probe dropped
#  - the final link del of the external device and "ip netns del" left out
# needs: gretap
ip netns add testns
ip -n testns link set lo up
ip -netns testns link add dev gretap00 type gretap seq \
	key 102 local 172.16.1.100 remote 172.16.1.200
ip -netns testns addr add dev gretap00 10.1.1.100/24
ip -netns testns link set dev gretap00 up
ip -netns testns link del gretap00
ip -netns testns link add dev gretap00 type gretap external
