# source: XMB5/iproute-rpm:tests/ip-route-sanity-test/ip-route-tests.py@e5ed6fb6aef87f4c1ae4f6b3b567c5d08e4a60cb (Fedora/RHEL iproute package test /CoreOS/iproute/Sanity/ip-route-sanity-test)
# what: routes on a device, in table 555 ("ip route add table 555 PREFIX dev X", show and delete with the table), and the route types blackhole, unreachable, prohibit and throw, each added, shown and deleted
# changes:
#  - the test's subprocess argument lists written as command lines; setUp/tearDown ("ip link add dummy-test type dummy", "ip link set dev dummy-test up", "ip link del dummy-test") run once around all tests; dummy-test made "type ifb" (this kernel has no dummy driver)
#  - the output checks dropped; the final tearDown left out and each type's route added once more at the end (in its own prefix, 192.168.1N.0/24) so that the lab ends with all four kinds
ip link add dummy-test type ifb
ip link set dev dummy-test up
ip route add 192.168.1.0/24 dev dummy-test
ip route show
ip route delete 192.168.1.0/24 dev dummy-test
ip route add table 555 192.168.1.0/24 dev dummy-test
ip route show table 555
ip route delete 192.168.1.0/24 dev dummy-test table 555
ip route add blackhole 192.168.1.0/24
ip route show
ip route delete 192.168.1.0/24
ip route add unreachable 192.168.1.0/24
ip route show
ip route delete 192.168.1.0/24
ip route add prohibit 192.168.1.0/24
ip route show
ip route delete 192.168.1.0/24
ip route add throw 192.168.1.0/24
ip route show
ip route delete 192.168.1.0/24
ip route add table 555 192.168.1.0/24 dev dummy-test
ip route add blackhole 192.168.11.0/24
ip route add unreachable 192.168.12.0/24
ip route add prohibit 192.168.13.0/24
ip route add throw 192.168.14.0/24
ip route show
ip route show table 555
