# source: XMB5/iproute-rpm:tests/ip-address-sanity-test/ip-address-tests.py@e5ed6fb6aef87f4c1ae4f6b3b567c5d08e4a60cb (Fedora/RHEL iproute package test /CoreOS/iproute/Sanity/ip-address-sanity-test)
# what: addresses on one device: add/show/del, "ip addr add … brd + dev X label X-Home", "… scope host", "… valid_lft 1000 preferred_lft 500", "ip -6 addr add"
# changes:
#  - the test's subprocess calls written as command lines; each test's setUp ("ip link add dummy-test type dummy") and tearDown ("ip link del dummy-test") written out, dummy-test made "type ifb" (this kernel has no dummy driver); the output checks dropped
#  - the last test's tearDown left out so that the lab ends with its address; the lifetime test's address kept (its tearDown too left out, its device is the one the last test uses)
ip link add dummy-test type ifb
ip address add 192.168.1.200/24 dev dummy-test
ip address show dev dummy-test
ip link del dummy-test
ip link add dummy-test type ifb
ip addr add 192.168.1.50/24 brd + dev dummy-test label dummy-test-Home
ip address show dev dummy-test
ip link del dummy-test
ip link add dummy-test type ifb
ip address add 192.168.1.200/24 dev dummy-test
ip address show dev dummy-test
ip address del 192.168.1.200/24 dev dummy-test
ip address show dev dummy-test
ip link del dummy-test
ip link add dummy-test type ifb
ip address add 192.168.1.200/24 dev dummy-test scope host
ip address show dev dummy-test
ip link del dummy-test
ip link add dummy-test type ifb
ip address add 192.168.1.200/24 dev dummy-test valid_lft 1000 preferred_lft 500
ip address show dev dummy-test
ip -6 addr add 2001:0db8:0:f101::1/64 dev dummy-test
ip address show dev dummy-test
