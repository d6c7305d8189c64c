# source: torvalds/linux:tools/testing/selftests/net/fib_rule_tests.sh@111d9b04c8b9e4d1162c5a94da95c07613dbcbe7
# what: ip rule add/del with oif, from+iif, tos, fwmark, uidrange, sport/dport, ipproto, each checked with ip route get (IPv4 and IPv6)
# changes:
#  - $IP ("ip -netns testns"), $RTABLE (100), $GW_IP4/$GW_IP6, $SRC_IP/$SRC_IP6 and $DEV replaced by their values
#  - dummy0 created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is the same kind of carrier-on, no-ARP device)
#  - the fib_check_iproute_support probes ("ip rule help | grep") left out: iproute2 6.1 has every match
#  - "ip route get ... | grep -q 'table 100'" written as the bare ip route get
#  - fib_rule*_del_by_pref: the pref its grep/cut finds (32765, the kernel's choice for the only non-default rule) written out
#  - the last IPv6 rule (ipproto ipv6-icmp) is not deleted, and the final cleanup (link del, netns del) left out: the lab ends built
# setup()
ip netns add testns
ip -netns testns link set dev lo up
ip -netns testns link add dummy0 type ifb
ip -netns testns link set dev dummy0 up
ip -netns testns address add 192.51.100.1/24 dev dummy0
ip -netns testns -6 address add 2001:db8:1::1/64 dev dummy0
ip netns exec testns sysctl -w net.ipv4.ip_forward=1
# fib_rule4_test()
ip -netns testns route add table 100 default via 192.51.100.2 dev dummy0 onlink
ip -netns testns rule add oif dummy0 table 100
ip -netns testns route get 192.51.100.2 oif dummy0
ip -netns testns rule del pref 32765
ip -netns testns rule add from 192.51.100.3 iif dummy0 table 100
ip -netns testns route get 192.51.100.2 from 192.51.100.3 iif dummy0
ip -netns testns rule del pref 32765
ip -netns testns rule add tos 0x10 table 100
ip -netns testns route get 192.51.100.2 tos 0x10
ip -netns testns rule del pref 32765
ip -netns testns rule add fwmark 0x64 table 100
ip -netns testns route get 192.51.100.2 mark 0x64
ip -netns testns rule del pref 32765
ip -netns testns rule add uidrange 100-100 table 100
ip -netns testns route get 192.51.100.2 uid 100
ip -netns testns rule del pref 32765
ip -netns testns rule add sport 666 dport 777 table 100
ip -netns testns route get 192.51.100.2 sport 666 dport 777
ip -netns testns rule del pref 32765
ip -netns testns rule add ipproto tcp table 100
ip -netns testns route get 192.51.100.2 ipproto tcp
ip -netns testns rule del pref 32765
ip -netns testns rule add ipproto icmp table 100
ip -netns testns route get 192.51.100.2 ipproto icmp
ip -netns testns rule del pref 32765
# fib_rule6_test()
ip -netns testns -6 route add table 100 default via 2001:db8:1::2 dev dummy0 onlink
ip -netns testns -6 rule add oif dummy0 table 100
ip -netns testns -6 route get 2001:db8:1::2 oif dummy0
ip -netns testns -6 rule del pref 32765
ip -netns testns -6 rule add from 2001:db8:1::3 iif dummy0 table 100
ip -netns testns -6 route get 2001:db8:1::2 from 2001:db8:1::3 iif dummy0
ip -netns testns -6 rule del pref 32765
ip -netns testns -6 rule add tos 0x10 table 100
ip -netns testns -6 route get 2001:db8:1::2 tos 0x10
ip -netns testns -6 rule del pref 32765
ip -netns testns -6 rule add fwmark 0x64 table 100
ip -netns testns -6 route get 2001:db8:1::2 mark 0x64
ip -netns testns -6 rule del pref 32765
ip -netns testns -6 rule add uidrange 100-100 table 100
ip -netns testns -6 route get 2001:db8:1::2 uid 100
ip -netns testns -6 rule del pref 32765
ip -netns testns -6 rule add sport 666 dport 777 table 100
ip -netns testns -6 route get 2001:db8:1::2 sport 666 dport 777
ip -netns testns -6 rule del pref 32765
ip -netns testns -6 rule add ipproto tcp table 100
ip -netns testns -6 route get 2001:db8:1::2 ipproto tcp
ip -netns testns -6 rule del pref 32765
ip -netns testns -6 rule add ipproto ipv6-icmp table 100
ip -netns testns -6 route get 2001:db8:1::2 ipproto ipv6-icmp
