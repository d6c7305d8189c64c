# source: torvalds/linux:tools/testing/selftests/net/netns-name.sh@78a84fbfa4ffc4bb6e95560a909b2ac3efa0aad2
# what: links moved between namespaces with "ip -netns NS link set dev X netns OTHER", a move with a rename at once ("… netns test_ns name dummy-dev1"), altnames travelling with the link ("link show dev ALTNAME" in the new namespace), the same name and ifindex made in two namespaces ("link add name X index 100", "link add netns test_ns name X index 100")
# changes:
#  - setup_ns NS test_ns written "ip netns add ns1" and "ip netns add test_ns"; $DEV, $DEV2, $ALT_NAME expanded
#  - the devices made "type ifb" instead of "type dummy" (this kernel has no dummy driver); the netdevsim part left out
#  - the moves the test expects to fail (a name conflict, a duplicate altname) and the show it expects to fail left out; the "|| fail" and ">> /dev/null" tails dropped
ip netns add ns1
ip netns add test_ns
ip -netns test_ns link add name dummy-dev0 type ifb
ip -netns ns1 link add name dummy-dev0 type ifb
ip -netns test_ns link show dev dummy-dev0
ip -netns ns1 link del dummy-dev0
ip -netns test_ns link del dummy-dev0
ip -netns test_ns link add name dummy-dev0 type ifb
ip -netns ns1 link add name dummy-dev0 type ifb
ip -netns ns1 link set dev dummy-dev0 netns test_ns name dummy-dev1
ip -netns test_ns link del dummy-dev1
ip -netns test_ns link del dummy-dev0
ip -netns test_ns link add name dummy-dev0 type ifb
ip -netns test_ns link property add dev dummy-dev0 altname some-alt-name
ip -netns ns1 link add name dummy-dev1 type ifb
ip -netns ns1 link property add dev dummy-dev1 altname some-alt-name
ip -netns test_ns link del dummy-dev0
ip -netns ns1 link del dummy-dev1
ip -netns ns1 link add name dummy-dev0 type ifb
ip -netns ns1 link property add dev dummy-dev0 altname some-alt-name
ip -netns ns1 link set dev dummy-dev0 netns test_ns
ip -netns test_ns link show dev some-alt-name
ip -netns test_ns link del dummy-dev0
ip -netns ns1 link add name dummy-dev0 index 100 type ifb
ip -netns ns1 link add netns test_ns name dummy-dev0 index 100 type ifb
ip -netns test_ns link show dev dummy-dev0
