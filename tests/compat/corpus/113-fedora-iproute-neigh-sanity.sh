# source: XMB5/iproute-rpm:tests/ip-neigh-sanity-test/runtest.sh@e5ed6fb6aef87f4c1ae4f6b3b567c5d08e4a60cb (Fedora/RHEL iproute package test /CoreOS/iproute/Sanity/ip-neigh-sanity-test)
# what: the neighbour table driven through every verb and state on one device, IPv4 then IPv6: "ip neigh add … nud permanent|noarp" (and without nud), "ip neigh add lladdr … proxy ADDR", "ip neigh del", "ip neigh change … lladdr … nud reachable|probe|failed|incomplete|delay|none", "ip neigh replace … nud permanent|stale|delay|noarp", "ip neigh flush ADDR dev DEV" with -s and -s -s, shows filtered by address, prefix, dev, nud and unused
# changes:
#  - the dummy interface test-iface made "type ifb" instead of "type dummy" (this kernel has no dummy driver; both are NOARP devices); it stays down, as in the test
#  - $TEST_IFACE, $TEST_IP4_PREFIX, $TEST_IP6_PREFIX and $TEST_MAC_PREFIX expanded; each rlRun "CMD" written CMD, with the "| grep …" checks dropped and the "test $(… | wc -l) -eq N" counts left out
#  - the help/man page checks and the last phase (an add the test expects to fail, with a malformed MAC) left out; the cleanup left out so that the lab ends with the table built
ip link add name test-iface type ifb
ip neigh add 192.168.100.1 lladdr 00:c0:7b:7d:00:c6 dev test-iface nud permanent
ip neigh show 192.168.100.1
ip neigh add 192.168.100.2 lladdr 00:c0:7b:7d:00:c7 dev test-iface
ip neigh show 192.168.100.2
ip neigh add 192.168.100.3 lladdr 00:c0:7b:7d:00:c8 dev test-iface nud noarp
ip neigh show nud all 192.168.100.3
ip neigh add 192.168.100.4 lladdr 00:c0:7b:7d:00:c9 dev test-iface nud noarp
ip neigh show nud all 192.168.100.4
ip neigh add lladdr 00:c0:7b:7d:00:ce dev test-iface proxy 192.168.100.10
ip neigh show proxy
ip neigh del 192.168.100.1 dev test-iface
ip neigh show 192.168.100.1
ip neigh change 192.168.100.2 lladdr 00:c0:7b:7d:00:ca dev test-iface nud reachable
ip neigh show 192.168.100.2
ip neigh replace 192.168.100.3 lladdr 00:c0:7b:7d:00:cb dev test-iface nud permanent
ip neigh show nud all 192.168.100.3
ip neigh show dev test-iface unused
ip neigh change 192.168.100.4 dev test-iface nud delay
ip neigh flush 192.168.100.4 dev test-iface
ip neigh show nud all
ip -s neigh flush 192.168.100.4 dev test-iface
ip -s -s neigh flush 192.168.100.4 dev test-iface
ip neigh add 192.168.100.11 lladdr 00:c0:7b:7d:00:c8 dev test-iface nud permanent
ip neigh show 192.168.100.11
ip neigh change 192.168.100.11 dev test-iface nud reachable
ip neigh show 192.168.100.11
ip neigh change 192.168.100.11 dev test-iface nud probe
ip neigh show 192.168.100.11
ip neigh change 192.168.100.11 lladdr 00:c0:7b:7d:00:c9 dev test-iface nud failed
ip neigh show 192.168.100.11
ip neigh change 192.168.100.11 dev test-iface nud incomplete
ip neigh show 192.168.100.11
ip neigh replace 192.168.100.11 lladdr 00:c0:7b:7d:00:cb dev test-iface nud stale
ip neigh show 192.168.100.11
ip neigh replace 192.168.100.11 dev test-iface nud delay
ip neigh show 192.168.100.11
ip neigh replace 192.168.100.11 dev test-iface nud noarp
ip neigh show nud all 192.168.100.11
ip neigh change 192.168.100.11 dev test-iface nud none
ip neigh show nud none
ip neigh show 192.168.100.0/24
ip -6 neigh add 2000::1 lladdr 00:c0:7b:7d:00:c6 dev test-iface nud permanent
ip -6 neigh show 2000::1
ip -6 neigh add 2000::2 lladdr 00:c0:7b:7d:00:c7 dev test-iface
ip -6 neigh show 2000::2
ip -6 neigh add 2000::3 lladdr 00:c0:7b:7d:00:c8 dev test-iface nud noarp
ip -6 neigh show nud all 2000::3
ip -6 neigh add 2000::4 lladdr 00:c0:7b:7d:00:c9 dev test-iface nud noarp
ip -6 neigh show nud all 2000::4
ip -6 neigh add lladdr 00:c0:7b:7d:00:ce dev test-iface proxy 2000::10
ip -6 neigh show proxy
ip -6 neigh del 2000::1 dev test-iface
ip -6 neigh show 2000::1
ip -6 neigh change 2000::2 lladdr 00:c0:7b:7d:00:ca dev test-iface nud reachable
ip -6 neigh show 2000::2
ip -6 neigh replace 2000::3 lladdr 00:c0:7b:7d:00:cb dev test-iface nud permanent
ip -6 neigh show nud all 2000::3
ip -6 neigh show dev test-iface unused
ip -6 neigh change 2000::4 dev test-iface nud delay
ip -6 neigh flush 2000::4 dev test-iface
ip -6 neigh show nud all
ip -6 -s neigh flush 2000::4 dev test-iface
ip -6 -s -s neigh flush 2000::4 dev test-iface
ip -6 neigh add 2000::11 lladdr 00:c0:7b:7d:00:c8 dev test-iface nud permanent
ip -6 neigh show 2000::11
ip -6 neigh change 2000::11 dev test-iface nud reachable
ip -6 neigh show 2000::11
ip -6 neigh change 2000::11 dev test-iface nud probe
ip -6 neigh show 2000::11
ip -6 neigh change 2000::11 lladdr 00:c0:7b:7d:00:c9 dev test-iface nud failed
ip -6 neigh show 2000::11
ip -6 neigh change 2000::11 dev test-iface nud incomplete
ip -6 neigh show 2000::11
ip -6 neigh replace 2000::11 lladdr 00:c0:7b:7d:00:cb dev test-iface nud stale
ip -6 neigh show 2000::11
ip -6 neigh replace 2000::11 dev test-iface nud delay
ip -6 neigh show 2000::11
ip -6 neigh replace 2000::11 dev test-iface nud noarp
ip -6 neigh show nud all 2000::11
ip -6 neigh change 2000::11 dev test-iface nud none
ip -6 neigh show nud none
ip -6 neigh show 2000::0/24
