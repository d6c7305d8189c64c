# source: torvalds/linux:tools/testing/selftests/net/fdb_flush.sh@5dcf8655cc80a48065ba0a224e794106c147c14b
# what: vxlan fdb entries added per MAC with vni/dst and with states permanent/static/dynamic and the extern_learn flag, then "bridge fdb flush dev vx10" by device and by state; a namespace deleted and made again for each test
# changes:
#  - "for t in $TESTS; do setup; $t; cleanup; done" expanded for the tests iproute2 6.1 can run: flush by dev, by [no]permanent, [no]static, [no]dynamic, [no]extern_learn (6.1's "bridge fdb flush" has no vni/src_vni/port/dst/nhid/router filters)
#  - setup(): setup_ns NS expanded (netns add, lo up), the namespace named "ns"; $IP/$BRIDGE/$VXPORT replaced by their values
#  - setup(): the two "type bridge vlan_filtering 1" bridges left out: only the bridge tests use them and this kernel has no VLAN filtering
#  - fdb_add_mac_pool_1/2 loops expanded; fdb_check_n_entries_by_dev_filter ("bridge fdb show dev X | grep | wc -l") written as the bare show
#  - run_cmd/log_test dropped; the last test's cleanup left out: the lab ends with its entries
# vxlan_test_flush_by_dev
# setup
ip netns add ns
ip -n ns link set lo up
ip -netns ns link add name vx10 type vxlan id 1000 dstport 4789
ip -netns ns link add name vx20 type vxlan id 2000 dstport 4789
bridge -netns ns fdb add de:ad:be:ef:13:10 dev vx10 vni 3000 dst 192.0.2.1
bridge -netns ns fdb add de:ad:be:ef:13:11 dev vx10 vni 3000 dst 192.0.2.1
bridge -netns ns fdb add de:ad:be:ef:13:12 dev vx10 vni 3000 dst 192.0.2.1
bridge -netns ns fdb add de:ad:be:ef:13:13 dev vx10 vni 3000 dst 192.0.2.1
bridge -netns ns fdb add de:ad:be:ef:13:14 dev vx10 vni 3000 dst 192.0.2.1
bridge -netns ns fdb add ca:fe:be:ef:13:10 dev vx20 vni 3000 dst 192.0.2.1
bridge -netns ns fdb add ca:fe:be:ef:13:11 dev vx20 vni 3000 dst 192.0.2.1
bridge -netns ns fdb add ca:fe:be:ef:13:12 dev vx20 vni 3000 dst 192.0.2.1
bridge -netns ns fdb add ca:fe:be:ef:13:13 dev vx20 vni 3000 dst 192.0.2.1
bridge -netns ns fdb add ca:fe:be:ef:13:14 dev vx20 vni 3000 dst 192.0.2.1
bridge -netns ns fdb show dev vx10
bridge -netns ns fdb show dev vx20
bridge -netns ns fdb flush dev vx10
bridge -netns ns fdb show dev vx10
# cleanup
ip -netns ns link del dev vx20
ip -netns ns link del dev vx10
ip netns del ns
# vxlan_test_flush_by_state permanent permanent extern_learn
# setup
ip netns add ns
ip -n ns link set lo up
ip -netns ns link add name vx10 type vxlan id 1000 dstport 4789
ip -netns ns link add name vx20 type vxlan id 2000 dstport 4789
bridge -netns ns fdb add de:ad:be:ef:13:10 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:11 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:12 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:13 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:14 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add ca:fe:be:ef:13:10 dev vx10 dst 192.0.2.2 extern_learn
bridge -netns ns fdb add ca:fe:be:ef:13:11 dev vx10 dst 192.0.2.2 extern_learn
bridge -netns ns fdb add ca:fe:be:ef:13:12 dev vx10 dst 192.0.2.2 extern_learn
bridge -netns ns fdb add ca:fe:be:ef:13:13 dev vx10 dst 192.0.2.2 extern_learn
bridge -netns ns fdb add ca:fe:be:ef:13:14 dev vx10 dst 192.0.2.2 extern_learn
bridge -netns ns fdb show dev vx10
bridge -netns ns fdb flush dev vx10 permanent
bridge -netns ns fdb show dev vx10
# cleanup
ip -netns ns link del dev vx20
ip -netns ns link del dev vx10
ip netns del ns
# vxlan_test_flush_by_state nopermanent permanent static
# setup
ip netns add ns
ip -n ns link set lo up
ip -netns ns link add name vx10 type vxlan id 1000 dstport 4789
ip -netns ns link add name vx20 type vxlan id 2000 dstport 4789
bridge -netns ns fdb add de:ad:be:ef:13:10 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:11 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:12 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:13 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:14 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add ca:fe:be:ef:13:10 dev vx10 dst 192.0.2.2 static
bridge -netns ns fdb add ca:fe:be:ef:13:11 dev vx10 dst 192.0.2.2 static
bridge -netns ns fdb add ca:fe:be:ef:13:12 dev vx10 dst 192.0.2.2 static
bridge -netns ns fdb add ca:fe:be:ef:13:13 dev vx10 dst 192.0.2.2 static
bridge -netns ns fdb add ca:fe:be:ef:13:14 dev vx10 dst 192.0.2.2 static
bridge -netns ns fdb show dev vx10
bridge -netns ns fdb flush dev vx10 nopermanent
bridge -netns ns fdb show dev vx10
# cleanup
ip -netns ns link del dev vx20
ip -netns ns link del dev vx10
ip netns del ns
# vxlan_test_flush_by_state static static dynamic
# setup
ip netns add ns
ip -n ns link set lo up
ip -netns ns link add name vx10 type vxlan id 1000 dstport 4789
ip -netns ns link add name vx20 type vxlan id 2000 dstport 4789
bridge -netns ns fdb add de:ad:be:ef:13:10 dev vx10 dst 192.0.2.1 static
bridge -netns ns fdb add de:ad:be:ef:13:11 dev vx10 dst 192.0.2.1 static
bridge -netns ns fdb add de:ad:be:ef:13:12 dev vx10 dst 192.0.2.1 static
bridge -netns ns fdb add de:ad:be:ef:13:13 dev vx10 dst 192.0.2.1 static
bridge -netns ns fdb add de:ad:be:ef:13:14 dev vx10 dst 192.0.2.1 static
bridge -netns ns fdb add ca:fe:be:ef:13:10 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:11 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:12 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:13 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:14 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb show dev vx10
bridge -netns ns fdb flush dev vx10 static
bridge -netns ns fdb show dev vx10
# cleanup
ip -netns ns link del dev vx20
ip -netns ns link del dev vx10
ip netns del ns
# vxlan_test_flush_by_state nostatic permanent dynamic
# setup
ip netns add ns
ip -n ns link set lo up
ip -netns ns link add name vx10 type vxlan id 1000 dstport 4789
ip -netns ns link add name vx20 type vxlan id 2000 dstport 4789
bridge -netns ns fdb add de:ad:be:ef:13:10 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:11 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:12 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:13 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:14 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add ca:fe:be:ef:13:10 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:11 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:12 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:13 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:14 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb show dev vx10
bridge -netns ns fdb flush dev vx10 nostatic
bridge -netns ns fdb show dev vx10
# cleanup
ip -netns ns link del dev vx20
ip -netns ns link del dev vx10
ip netns del ns
# vxlan_test_flush_by_state dynamic dynamic static
# setup
ip netns add ns
ip -n ns link set lo up
ip -netns ns link add name vx10 type vxlan id 1000 dstport 4789
ip -netns ns link add name vx20 type vxlan id 2000 dstport 4789
bridge -netns ns fdb add de:ad:be:ef:13:10 dev vx10 dst 192.0.2.1 dynamic
bridge -netns ns fdb add de:ad:be:ef:13:11 dev vx10 dst 192.0.2.1 dynamic
bridge -netns ns fdb add de:ad:be:ef:13:12 dev vx10 dst 192.0.2.1 dynamic
bridge -netns ns fdb add de:ad:be:ef:13:13 dev vx10 dst 192.0.2.1 dynamic
bridge -netns ns fdb add de:ad:be:ef:13:14 dev vx10 dst 192.0.2.1 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:10 dev vx10 dst 192.0.2.2 static
bridge -netns ns fdb add ca:fe:be:ef:13:11 dev vx10 dst 192.0.2.2 static
bridge -netns ns fdb add ca:fe:be:ef:13:12 dev vx10 dst 192.0.2.2 static
bridge -netns ns fdb add ca:fe:be:ef:13:13 dev vx10 dst 192.0.2.2 static
bridge -netns ns fdb add ca:fe:be:ef:13:14 dev vx10 dst 192.0.2.2 static
bridge -netns ns fdb show dev vx10
bridge -netns ns fdb flush dev vx10 dynamic
bridge -netns ns fdb show dev vx10
# cleanup
ip -netns ns link del dev vx20
ip -netns ns link del dev vx10
ip netns del ns
# vxlan_test_flush_by_state nodynamic permanent dynamic
# setup
ip netns add ns
ip -n ns link set lo up
ip -netns ns link add name vx10 type vxlan id 1000 dstport 4789
ip -netns ns link add name vx20 type vxlan id 2000 dstport 4789
bridge -netns ns fdb add de:ad:be:ef:13:10 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:11 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:12 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:13 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add de:ad:be:ef:13:14 dev vx10 dst 192.0.2.1 permanent
bridge -netns ns fdb add ca:fe:be:ef:13:10 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:11 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:12 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:13 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb add ca:fe:be:ef:13:14 dev vx10 dst 192.0.2.2 dynamic
bridge -netns ns fdb show dev vx10
bridge -netns ns fdb flush dev vx10 nodynamic
bridge -netns ns fdb show dev vx10
# cleanup
ip -netns ns link del dev vx20
ip -netns ns link del dev vx10
ip netns del ns
# vxlan_test_flush_by_flag extern_learn extern_learn router
# setup
ip netns add ns
ip -n ns link set lo up
ip -netns ns link add name vx10 type vxlan id 1000 dstport 4789
ip -netns ns link add name vx20 type vxlan id 2000 dstport 4789
bridge -netns ns fdb add de:ad:be:ef:13:10 dev vx10 dst 192.0.2.1 extern_learn
bridge -netns ns fdb add de:ad:be:ef:13:11 dev vx10 dst 192.0.2.1 extern_learn
bridge -netns ns fdb add de:ad:be:ef:13:12 dev vx10 dst 192.0.2.1 extern_learn
bridge -netns ns fdb add de:ad:be:ef:13:13 dev vx10 dst 192.0.2.1 extern_learn
bridge -netns ns fdb add de:ad:be:ef:13:14 dev vx10 dst 192.0.2.1 extern_learn
bridge -netns ns fdb add ca:fe:be:ef:13:10 dev vx10 dst 192.0.2.2 router
bridge -netns ns fdb add ca:fe:be:ef:13:11 dev vx10 dst 192.0.2.2 router
bridge -netns ns fdb add ca:fe:be:ef:13:12 dev vx10 dst 192.0.2.2 router
bridge -netns ns fdb add ca:fe:be:ef:13:13 dev vx10 dst 192.0.2.2 router
bridge -netns ns fdb add ca:fe:be:ef:13:14 dev vx10 dst 192.0.2.2 router
bridge -netns ns fdb show dev vx10
bridge -netns ns fdb flush dev vx10 extern_learn
bridge -netns ns fdb show dev vx10
# cleanup
ip -netns ns link del dev vx20
ip -netns ns link del dev vx10
ip netns del ns
# vxlan_test_flush_by_flag noextern_learn extern_learn router
# setup
ip netns add ns
ip -n ns link set lo up
ip -netns ns link add name vx10 type vxlan id 1000 dstport 4789
ip -netns ns link add name vx20 type vxlan id 2000 dstport 4789
bridge -netns ns fdb add de:ad:be:ef:13:10 dev vx10 dst 192.0.2.1 extern_learn
bridge -netns ns fdb add de:ad:be:ef:13:11 dev vx10 dst 192.0.2.1 extern_learn
bridge -netns ns fdb add de:ad:be:ef:13:12 dev vx10 dst 192.0.2.1 extern_learn
bridge -netns ns fdb add de:ad:be:ef:13:13 dev vx10 dst 192.0.2.1 extern_learn
bridge -netns ns fdb add de:ad:be:ef:13:14 dev vx10 dst 192.0.2.1 extern_learn
bridge -netns ns fdb add ca:fe:be:ef:13:10 dev vx10 dst 192.0.2.2 router
bridge -netns ns fdb add ca:fe:be:ef:13:11 dev vx10 dst 192.0.2.2 router
bridge -netns ns fdb add ca:fe:be:ef:13:12 dev vx10 dst 192.0.2.2 router
bridge -netns ns fdb add ca:fe:be:ef:13:13 dev vx10 dst 192.0.2.2 router
bridge -netns ns fdb add ca:fe:be:ef:13:14 dev vx10 dst 192.0.2.2 router
bridge -netns ns fdb show dev vx10
bridge -netns ns fdb flush dev vx10 noextern_learn
bridge -netns ns fdb show dev vx10
