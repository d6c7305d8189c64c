# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: promote_secondaries: many addresses in one /16 with "brd +" on one device, then flushed (kci_test_promote_secondaries)
# changes:
#  - kci_add_dummy: test-dummy0 created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is a carrier-on, no-ARP device like dummy)
#  - the loop over $(seq 2 254) shortened to 2..12 and expanded
#  - the "ifconfig DEV IP netmask 255.255.0.0" lines left out (net-tools, not iproute2)
#  - the saved promote_secondaries value ($(sysctl -n ...)) is the default 0, so its restore line is written out
ip link add name test-dummy0 type ifb
ip link set test-dummy0 up
sysctl -q net.ipv4.conf.test-dummy0.promote_secondaries=1
ip -f inet addr add 10.23.11.2/16 brd + dev test-dummy0
ip -f inet addr add 10.23.11.3/16 brd + dev test-dummy0
ip -f inet addr add 10.23.11.4/16 brd + dev test-dummy0
ip -f inet addr add 10.23.11.5/16 brd + dev test-dummy0
ip -f inet addr add 10.23.11.6/16 brd + dev test-dummy0
ip -f inet addr add 10.23.11.7/16 brd + dev test-dummy0
ip -f inet addr add 10.23.11.8/16 brd + dev test-dummy0
ip -f inet addr add 10.23.11.9/16 brd + dev test-dummy0
ip -f inet addr add 10.23.11.10/16 brd + dev test-dummy0
ip -f inet addr add 10.23.11.11/16 brd + dev test-dummy0
ip -f inet addr add 10.23.11.12/16 brd + dev test-dummy0
ip addr flush dev test-dummy0
sysctl -q net.ipv4.conf.test-dummy0.promote_secondaries=0
