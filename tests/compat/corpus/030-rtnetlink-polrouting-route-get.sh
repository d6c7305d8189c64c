# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: policy routing (ip rule fwmark lookup, local route in table 100), ip route get with from/iif/oif/tos/mark, multipath route, fib_multipath_hash_policy sysctl (kci_test_polrouting, kci_test_route_get)
# changes:
#  - run_cmd/run_cmd_grep wrappers dropped (each wrapped command is one line; "| grep -q" checks written as the bare command); the commands the test expects to fail (run_cmd_fail) left out
#  - kci_add_dummy: test-dummy0 created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is a carrier-on, no-ARP device like dummy)
#  - $devdummy and the test's other variables replaced by their values
#  - the saved hash policy ($(sysctl -n ...)) restored as its default value 0
#  - the final "ip route del 10.23.8.0/24" and "ip addr del" left out: the lab ends with the multipath route
# kci_add_dummy
ip link add name test-dummy0 type ifb
ip link set test-dummy0 up
# kci_test_polrouting
ip rule add fwmark 1 lookup 100
ip route add local 0.0.0.0/0 dev lo table 100
ip r s t all
ip rule del fwmark 1 lookup 100
ip route del local 0.0.0.0/0 dev lo table 100
# kci_test_route_get
ip route get 127.0.0.1
ip route get 127.0.0.1 dev test-dummy0
ip route get ::1
ip route get fe80::1 dev test-dummy0
ip route get 127.0.0.1 from 127.0.0.1 oif lo tos 0x10 mark 0x1
ip route get ::1 from ::1 iif lo oif lo tos 0x10 mark 0x1
ip addr add dev test-dummy0 10.23.7.11/24
ip route get 10.23.7.11 from 10.23.7.12 iif test-dummy0
ip route add 10.23.8.0/24 \
	nexthop via 10.23.7.13 dev test-dummy0 \
	nexthop via 10.23.7.14 dev test-dummy0
sysctl -wq net.ipv4.fib_multipath_hash_policy=0
ip route get 10.23.8.11
sysctl -wq net.ipv4.fib_multipath_hash_policy=1
ip route get 10.23.8.11
sysctl -wq net.ipv4.fib_multipath_hash_policy=0
