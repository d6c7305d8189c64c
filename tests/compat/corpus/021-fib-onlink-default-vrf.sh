# source: torvalds/linux:tools/testing/selftests/net/fib-onlink-tests.sh@0a3419f4ba407b9624c315bfd6f0056caf536898
# what: onlink routes, IPv4 and IPv6, connected and recursive gateways, v4-mapped gateways, multipath with onlink per nexthop, PBR table 101 (the default-VRF half: main table only)
# changes:
#  - the VRF "lisa" (table 1101) and its ports veth5..veth8 left out, with every command on them (the VRF and PBR-table routes) (this kernel has no vrf driver; 022 is the whole setup)
#  - setup_ns PEER_NS: the namespace named "peer" (no random suffix), with lo up as setup_ns does
#  - the NETIFS/V4ADDRS/V6ADDRS/TEST_NET*/CONGW/RECGW* arrays and the for loops expanded
#  - run_ip/run_ip6/run_ip_mpath/run_ip6_mpath: the command each builds through run_cmd (eval) written out; the commands the test expects to fail left out
#  - the test's own cleanup at the start and at the end left out
ip netns add peer
ip -netns peer link set lo up
# create test interfaces
ip li add veth1 type veth peer name veth2
ip li add veth3 type veth peer name veth4
# add addresses
ip li set veth1 up
ip addr add 169.254.1.1/24 dev veth1
ip addr add 2001:db8:101::1/64 dev veth1 nodad
ip li set veth3 up
ip addr add 169.254.3.1/24 dev veth3
ip addr add 2001:db8:301::1/64 dev veth3 nodad
# move peer interfaces to namespace and add addresses
ip li set veth2 netns peer up
ip -netns peer addr add 169.254.1.2/24 dev veth2
ip -netns peer addr add 2001:db8:101::2/64 dev veth2 nodad
ip li set veth4 netns peer up
ip -netns peer addr add 169.254.3.2/24 dev veth4
ip -netns peer addr add 2001:db8:301::2/64 dev veth4 nodad
ip -6 ro add default via 2001:db8:301::64
# valid_onlink_ipv4: default VRF - main table
ip ro add table 254 169.254.101.1/32 via 169.254.1.254 dev veth1 onlink
ip ro add table 254 169.254.101.2/32 via 169.254.11.254 dev veth1 onlink
# default VRF - main table - multipath
ip ro add table 254 169.254.101.5/32 nexthop via 169.254.1.254 dev veth1 onlink nexthop via 169.254.3.254 dev veth3 onlink
ip ro add table 254 169.254.101.6/32 nexthop via 169.254.11.254 dev veth1 onlink nexthop via 169.254.12.254 dev veth3 onlink
ip ro add table 254 169.254.101.7/32 nexthop via 169.254.1.254 dev veth1 nexthop via 169.254.3.254 dev veth3 onlink
ip ro add table 254 169.254.101.8/32 nexthop via 169.254.1.254 dev veth1 onlink nexthop via 169.254.3.254 dev veth3
# valid_onlink_ipv6: default VRF - main table
ip -6 ro add table 254 2001:db8:101::1/128 via 2001:db8:101::64 dev veth1 onlink
ip -6 ro add table 254 2001:db8:101::2/128 via 2001:db8:11::64 dev veth1 onlink
ip -6 ro add table 254 2001:db8:101::3/128 via ::ffff:10.1.1.254 dev veth1 onlink
# default VRF - main table - multipath
ip -6 ro add table 254 2001:db8:101::4/128 onlink nexthop via 2001:db8:101::64 dev veth1 nexthop via 2001:db8:301::64 dev veth3
ip -6 ro add table 254 2001:db8:101::5/128 onlink nexthop via 2001:db8:11::64 dev veth1 nexthop via 2001:db8:12::64 dev veth3
ip -6 ro add table 254 2001:db8:101::6/128 onlink nexthop via ::ffff:10.1.1.254 dev veth1 nexthop via ::ffff:10.2.1.254 dev veth3
ip -6 ro add table 254 2001:db8:101::7/128 nexthop via 2001:db8:101::64 dev veth1 onlink nexthop via 2001:db8:301::64 dev veth3 onlink
ip -6 ro add table 254 2001:db8:101::8/128 nexthop via 2001:db8:101::64 dev veth1 onlink nexthop via 2001:db8:301::64 dev veth3
ip -6 ro add table 254 2001:db8:101::9/128 nexthop via 2001:db8:101::64 dev veth1 nexthop via 2001:db8:301::64 dev veth3 onlink
