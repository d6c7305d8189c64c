# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: a vxlan port on a bridge, bridge fdb add ... master and ... dst IP self, bridge fdb get by brport, br and dev (kci_test_fdb_get)
# changes:
#  - run_cmd/run_cmd_grep wrappers dropped (each wrapped command is one line; "| grep -q" checks written as the bare command); the commands the test expects to fail (run_cmd_fail) left out
#  - $devdummy and the test's other variables replaced by their values
#  - setup_ns testns: the namespace named "testns" (no random suffix), with lo up as setup_ns does
#  - the final "ip netns del" left out
ip netns add testns
ip -netns testns link set lo up
ip -netns testns link add vxlan10 type vxlan id 10 local 10.0.2.2 \
	dstport 4789
ip -netns testns link add name test-br0 type bridge
ip -netns testns link set dev vxlan10 master test-br0
bridge -netns testns fdb add de:ad:be:ef:13:37 dev vxlan10 master
bridge -netns testns fdb add de:ad:be:ef:13:37 dev vxlan10 dst 10.0.2.3 self
bridge -netns testns fdb get de:ad:be:ef:13:37 brport vxlan10
bridge -netns testns fdb get de:ad:be:ef:13:37 br test-br0
bridge -netns testns fdb get de:ad:be:ef:13:37 dev vxlan10 self
