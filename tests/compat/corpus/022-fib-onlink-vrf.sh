# source: torvalds/linux:tools/testing/selftests/net/fib-onlink-tests.sh@0a3419f4ba407b9624c315bfd6f0056caf536898
# what: the whole onlink setup: VRF lisa with table 1101 and an unreachable default metric 8192, ports enslaved with "ip li set DEV vrf lisa", onlink routes in main, VRF and PBR tables
# changes:
#  - setup_ns PEER_NS: the namespace named "peer" (no random suffix), with lo up as setup_ns does
#  - the NETIFS/V4ADDRS/V6ADDRS/TEST_NET*/CONGW/RECGW* arrays, ${VRF}, ${VRF_TABLE}, ${PBR_TABLE} and the for loops expanded
#  - run_ip/run_ip6/run_ip_mpath/run_ip6_mpath: the command each builds through run_cmd (eval) written out; the commands the test expects to fail left out
#  - the test's own cleanup at the start and at the end left out
# needs: vrf
ip netns add peer
ip -netns peer link set lo up
# add vrf table
ip li add lisa type vrf table 1101
ip li set lisa up
ip ro add table 1101 unreachable default metric 8192
ip -6 ro add table 1101 unreachable default metric 8192
# create test interfaces
ip li add veth1 type veth peer name veth2
ip li add veth3 type veth peer name veth4
ip li add veth5 type veth peer name veth6
ip li add veth7 type veth peer name veth8
# enslave vrf interfaces
ip li set veth5 vrf lisa
ip li set veth7 vrf lisa
# add addresses
ip li set veth1 up
ip addr add 169.254.1.1/24 dev veth1
ip addr add 2001:db8:101::1/64 dev veth1 nodad
ip li set veth3 up
ip addr add 169.254.3.1/24 dev veth3
ip addr add 2001:db8:301::1/64 dev veth3 nodad
ip li set veth5 up
ip addr add 169.254.5.1/24 dev veth5
ip addr add 2001:db8:501::1/64 dev veth5 nodad
ip li set veth7 up
ip addr add 169.254.7.1/24 dev veth7
ip addr add 2001:db8:701::1/64 dev veth7 nodad
# move peer interfaces to namespace and add addresses
ip li set veth2 netns peer up
ip -netns peer addr add 169.254.1.2/24 dev veth2
ip -netns peer addr add 2001:db8:101::2/64 dev veth2 nodad
ip li set veth4 netns peer up
ip -netns peer addr add 169.254.3.2/24 dev veth4
ip -netns peer addr add 2001:db8:301::2/64 dev veth4 nodad
ip li set veth6 netns peer up
ip -netns peer addr add 169.254.5.2/24 dev veth6
ip -netns peer addr add 2001:db8:501::2/64 dev veth6 nodad
ip li set veth8 netns peer up
ip -netns peer addr add 169.254.7.2/24 dev veth8
ip -netns peer addr add 2001:db8:701::2/64 dev veth8 nodad
ip -6 ro add default via 2001:db8:301::64
ip -6 ro add table 1101 default via 2001:db8:701::64
# valid_onlink_ipv4
ip ro add table 254 169.254.101.1/32 via 169.254.1.254 dev veth1 onlink
ip ro add table 254 169.254.101.2/32 via 169.254.11.254 dev veth1 onlink
ip ro add table 1101 169.254.102.1/32 via 169.254.5.254 dev veth5 onlink
ip ro add table 1101 169.254.102.2/32 via 169.254.12.254 dev veth5 onlink
ip ro add table 101 169.254.102.3/32 via 169.254.5.254 dev veth5 onlink
ip ro add table 101 169.254.102.4/32 via 169.254.12.254 dev veth5 onlink
ip ro add table 254 169.254.101.5/32 nexthop via 169.254.1.254 dev veth1 onlink nexthop via 169.254.3.254 dev veth3 onlink
ip ro add table 254 169.254.101.6/32 nexthop via 169.254.11.254 dev veth1 onlink nexthop via 169.254.12.254 dev veth3 onlink
ip ro add table 254 169.254.101.7/32 nexthop via 169.254.1.254 dev veth1 nexthop via 169.254.3.254 dev veth3 onlink
ip ro add table 254 169.254.101.8/32 nexthop via 169.254.1.254 dev veth1 onlink nexthop via 169.254.3.254 dev veth3
# valid_onlink_ipv6
ip -6 ro add table 254 2001:db8:101::1/128 via 2001:db8:101::64 dev veth1 onlink
ip -6 ro add table 254 2001:db8:101::2/128 via 2001:db8:11::64 dev veth1 onlink
ip -6 ro add table 254 2001:db8:101::3/128 via ::ffff:10.1.1.254 dev veth1 onlink
ip -6 ro add table 1101 2001:db8:102::1/128 via 2001:db8:501::64 dev veth5 onlink
ip -6 ro add table 1101 2001:db8:102::2/128 via 2001:db8:12::64 dev veth5 onlink
ip -6 ro add table 1101 2001:db8:102::3/128 via ::ffff:10.2.1.254 dev veth5 onlink
ip -6 ro add table 101 2001:db8:102::4/128 via 2001:db8:501::64 dev veth5 onlink
ip -6 ro add table 101 2001:db8:102::5/128 via 2001:db8:12::64 dev veth5 onlink
ip -6 ro add table 101 2001:db8:102::6/128 via ::ffff:10.2.1.254 dev veth5 onlink
ip -6 ro add table 254 2001:db8:101::4/128 onlink nexthop via 2001:db8:101::64 dev veth1 nexthop via 2001:db8:301::64 dev veth3
ip -6 ro add table 254 2001:db8:101::5/128 onlink nexthop via 2001:db8:11::64 dev veth1 nexthop via 2001:db8:12::64 dev veth3
ip -6 ro add table 254 2001:db8:101::6/128 onlink nexthop via ::ffff:10.1.1.254 dev veth1 nexthop via ::ffff:10.2.1.254 dev veth3
ip -6 ro add table 254 2001:db8:101::7/128 nexthop via 2001:db8:101::64 dev veth1 onlink nexthop via 2001:db8:301::64 dev veth3 onlink
ip -6 ro add table 254 2001:db8:101::8/128 nexthop via 2001:db8:101::64 dev veth1 onlink nexthop via 2001:db8:301::64 dev veth3
ip -6 ro add table 254 2001:db8:101::9/128 nexthop via 2001:db8:101::64 dev veth1 nexthop via 2001:db8:301::64 dev veth3 onlink
