# source: torvalds/linux:tools/testing/selftests/net/fib_tests.sh@01b59c763fe2de845b65900485b141fdd7bbf93e
# what: rp_filter with a MAC set on lo and two dummy devices, accept_local/route_localnet sysctls, an fq_codel root qdisc with mirred redirect filters, pings with -I (fib_rp_filter_test)
# changes:
#  - $IP ("ip -netns ns1") and $NS_EXEC replaced by their values; run_cmd/log_test/check_* wrappers dropped, each wrapped command one line; commands the test expects to fail left out; check_route* written as the "ip ro ls match PFX" they run, without sed or compare
#  - the final cleanup left out
# needs: dummy fq_codel
# setup
ip netns add ns1
ip netns set ns1 auto
ip -netns ns1 link set dev lo up
ip netns exec ns1 sysctl -qw net.ipv4.ip_forward=1
ip netns exec ns1 sysctl -qw net.ipv6.conf.all.forwarding=1
ip -netns ns1 link add dummy0 type dummy
ip -netns ns1 link set dev dummy0 up
ip -netns ns1 address add 198.51.100.1/24 dev dummy0
ip -netns ns1 -6 address add 2001:db8:1::1/64 dev dummy0
ip -netns ns1 link set dev lo address 52:54:00:6a:c7:5e
ip -netns ns1 link set dummy0 address 52:54:00:6a:c7:5e
ip -netns ns1 link add dummy1 type dummy
ip -netns ns1 link set dummy1 address 52:54:00:6a:c7:5e
ip -netns ns1 link set dev dummy1 up
ip netns exec ns1 sysctl -qw net.ipv4.conf.all.rp_filter=1
ip netns exec ns1 sysctl -qw net.ipv4.conf.all.accept_local=1
ip netns exec ns1 sysctl -qw net.ipv4.conf.all.route_localnet=1
ip netns exec ns1 tc qd add dev dummy1 parent root handle 1: fq_codel
ip netns exec ns1 tc filter add dev dummy1 parent 1: protocol arp basic action mirred egress redirect dev lo
ip netns exec ns1 tc filter add dev dummy1 parent 1: protocol ip basic action mirred egress redirect dev lo
ip netns exec ns1 ping -I dummy1 -w1 -c1 198.51.100.1
ip netns exec ns1 ping -I dummy1 -w1 -c1 127.0.0.1
