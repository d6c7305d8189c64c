# source: torvalds/linux:tools/testing/selftests/net/fdb_notify.sh@191c4912f9c3aff76c4e46c92f6031714607e10b
# what: a passthru macvlan made up at once on a carrier-on device ("ip link add name mv up link dd type macvlan mode passthru"), a unicast fdb entry added to it with "bridge fdb add MAC vlan 1 dev mv self", deleted and added again (test_dup_macvlan_self)
# changes:
#  - adf_ip_link_add NAME ARGS written "ip link add name NAME ARGS"; dd made "type ifb" instead of "type dummy" (this kernel has no dummy driver)
#  - do_test_dup's "bridge monitor fdb" and notification count left out; its "bridge fdb $op 00:11:22:33:44:55 vlan 1 ARGS" written out for add and del
#  - the add line repeated at the end so that the lab ends with the entry; the tests on a vlan_filtering bridge left out (this kernel has no vlan_filtering)
ip link add name dd up type ifb
ip link add name mv up link dd type macvlan mode passthru
bridge fdb add 00:11:22:33:44:55 vlan 1 dev mv self
bridge fdb del 00:11:22:33:44:55 vlan 1 dev mv self
bridge fdb add 00:11:22:33:44:55 vlan 1 dev mv self
