# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: a dummy device, up, enslaved to a balance-rr bond and set down in the same command ("link set dev X master BOND down") (kci_test_enslave_bonding)
# changes:
#  - $testns (setup_ns testns) named testns, lo up as setup_ns does; $bond and $devdummy replaced by their values; run_cmd wrappers dropped
#  - the final "ip netns del" left out
# needs: bond dummy
ip netns add testns
ip -n testns link set lo up
ip -netns testns link add dev bond123 type bond mode balance-rr
ip -netns testns link add dev test-dummy0 type dummy
ip -netns testns link set dev test-dummy0 up
ip -netns testns link set dev test-dummy0 master bond123 down
