# source: torvalds/linux:tools/testing/selftests/net/fib_nexthops.sh@041bc0dce524aa8435d1c088d718090095d1f27c
# what: nexthop objects: device-only, blackhole, groups, replace, flush by proto (basic())
# changes:
#  - create_ns and setup expanded: the loops, $IP ("ip -netns me") and the nsid counter (100, 101, 102) written out
#  - the "ip netns del" of an earlier run's namespaces (cleanup before setup) left out
#  - run_cmd/log_test/check_* wrappers dropped: each run_cmd command is one line; the commands the test expects to fail (log_test ... 2) left out
#  - check_nexthop ARG and check_route PFX kept as the show they run ("ip -netns me nexthop ls ARG", "ip -netns me route ls match PFX"), without their sed/compare
#  - ">/dev/null 2>&1" redirections dropped
#  - the final nexthop flush left out: the lab ends with its nexthops
# create_ns me / peer / remote (nsids 100, 101, 102)
ip netns add me
ip netns set me 100
ip -netns me addr add 127.0.0.1/8 dev lo
ip -netns me link set lo up
ip netns exec me sysctl -qw net.ipv4.ip_forward=1
ip netns exec me sysctl -qw net.ipv4.fib_multipath_use_neigh=1
ip netns exec me sysctl -qw net.ipv4.conf.default.ignore_routes_with_linkdown=1
ip netns exec me sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec me sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec me sysctl -qw net.ipv6.conf.default.forwarding=1
ip netns exec me sysctl -qw net.ipv6.conf.default.ignore_routes_with_linkdown=1
ip netns exec me sysctl -qw net.ipv6.conf.all.accept_dad=0
ip netns exec me sysctl -qw net.ipv6.conf.default.accept_dad=0
ip netns add peer
ip netns set peer 101
ip -netns peer addr add 127.0.0.1/8 dev lo
ip -netns peer link set lo up
ip netns exec peer sysctl -qw net.ipv4.ip_forward=1
ip netns exec peer sysctl -qw net.ipv4.fib_multipath_use_neigh=1
ip netns exec peer sysctl -qw net.ipv4.conf.default.ignore_routes_with_linkdown=1
ip netns exec peer sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec peer sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec peer sysctl -qw net.ipv6.conf.default.forwarding=1
ip netns exec peer sysctl -qw net.ipv6.conf.default.ignore_routes_with_linkdown=1
ip netns exec peer sysctl -qw net.ipv6.conf.all.accept_dad=0
ip netns exec peer sysctl -qw net.ipv6.conf.default.accept_dad=0
ip netns add remote
ip netns set remote 102
ip -netns remote addr add 127.0.0.1/8 dev lo
ip -netns remote link set lo up
ip netns exec remote sysctl -qw net.ipv4.ip_forward=1
ip netns exec remote sysctl -qw net.ipv4.fib_multipath_use_neigh=1
ip netns exec remote sysctl -qw net.ipv4.conf.default.ignore_routes_with_linkdown=1
ip netns exec remote sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec remote sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec remote sysctl -qw net.ipv6.conf.default.forwarding=1
ip netns exec remote sysctl -qw net.ipv6.conf.default.ignore_routes_with_linkdown=1
ip netns exec remote sysctl -qw net.ipv6.conf.all.accept_dad=0
ip netns exec remote sysctl -qw net.ipv6.conf.default.accept_dad=0
# setup: me <-> peer <-> remote
ip -netns me li add veth1 type veth peer name veth2
ip -netns me li set veth1 up
ip -netns me addr add 172.16.1.1/24 dev veth1
ip -netns me -6 addr add 2001:db8:91::1/64 dev veth1 nodad
ip -netns me li add veth3 type veth peer name veth4
ip -netns me li set veth3 up
ip -netns me addr add 172.16.2.1/24 dev veth3
ip -netns me -6 addr add 2001:db8:92::1/64 dev veth3 nodad
ip -netns me li set veth2 netns peer up
ip -netns peer addr add 172.16.1.2/24 dev veth2
ip -netns peer -6 addr add 2001:db8:91::2/64 dev veth2 nodad
ip -netns me li set veth4 netns peer up
ip -netns peer addr add 172.16.2.2/24 dev veth4
ip -netns peer -6 addr add 2001:db8:92::2/64 dev veth4 nodad
ip -netns remote li add veth5 type veth peer name veth6
ip -netns remote li set veth5 up
ip -netns remote addr add dev veth5 172.16.101.1/24
ip -netns remote -6 addr add dev veth5 2001:db8:101::1/64 nodad
ip -netns remote ro add 172.16.0.0/22 via 172.16.101.2
ip -netns remote -6 ro add 2001:db8:90::/40 via 2001:db8:101::2
ip -netns remote li set veth6 netns peer up
ip -netns peer addr add dev veth6 172.16.101.2/24
ip -netns peer -6 addr add dev veth6 2001:db8:101::2/64 nodad
# basic()
ip -netns me nexthop ls
ip -netns me li set veth1 down
ip -netns me li set veth1 up
ip -netns peer li set veth2 down
ip -netns peer li set veth2 up
ip -netns me nexthop add id 1 dev veth1
ip -netns me nexthop add id 2 blackhole
ip -netns me nexthop add id 101 group 1
ip -netns me nexthop add id 102 group 2
ip -netns me nexthop replace id 2 dev veth3
ip -netns me nexthop replace id 102 group 1/2
ip -netns me nexthop add id 105 blackhole proto 99
ip -netns me nexthop add id 106 blackhole proto 100
ip -netns me nexthop add id 107 blackhole proto 99
ip -netns me nexthop flush proto 99
ip -netns me nexthop ls id 106
ip -netns me nexthop flush proto 100
ip -netns me nexthop flush proto 100
