# source: torvalds/linux:tools/testing/selftests/net/fib_tests.sh@24cbee66725e519a94c22058560e29bc20dc2b8a
# what: IPv6 prefix routes with address metrics: two devices with addresses in one /64, "-6 addr add dev X ADDR metric N", "-6 addr flush dev X", "-6 addr del ... metric N", "-6 addr change ... metric N", keep_addr_on_down and the prefix route gone on link down and back with its metric on up (ipv6_addr_metric_test)
# changes:
#  - dummy devices created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is the same kind of carrier-on, no-ARP device)
#  - $IP ("ip -netns ns1") replaced by its value; run_cmd/log_test/check_route6 wrappers dropped, each wrapped command one line; check_route6 written as the "ip -6 ro ls match PFX" it runs, without sed or compare
#  - the ip_addr_metric_check ("ip addr help | grep metric"), the final "li del" of both devices and cleanup left out

# ipv6_addr_metric_test
ip -netns ns1 li add dummy1 type ifb
ip -netns ns1 li add dummy2 type ifb
ip -netns ns1 li set dummy1 up
ip -netns ns1 li set dummy2 up
ip -netns ns1 -6 addr add dev dummy1 2001:db8:104::1/64
ip -netns ns1 -6 addr add dev dummy2 2001:db8:104::2/64
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 addr flush dev dummy1
ip -netns ns1 -6 addr add dev dummy1 2001:db8:104::1/64 metric 257
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 addr flush dev dummy2
ip -netns ns1 -6 addr add dev dummy2 2001:db8:104::2/64 metric 258
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 addr del dev dummy1 2001:db8:104::1/64 metric 257
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 -6 addr change dev dummy2 2001:db8:104::2/64 metric 259
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip netns exec ns1 sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip -netns ns1 li set dev dummy2 down
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
ip -netns ns1 li set dev dummy2 up
ip -netns ns1 -6 ro ls match 2001:db8:104::/64
