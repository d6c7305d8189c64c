# source: XMB5/iproute-rpm:tests/ip-rule-sanity-test/runtest.sh@e5ed6fb6aef87f4c1ae4f6b3b567c5d08e4a60cb (Fedora/RHEL iproute package test /CoreOS/iproute/Sanity/ip-rule-sanity-test)
# what: ip rule selectors and actions added, listed and deleted: from/to with "not", an IPv6 rule, oif, iif with tos, fwmark with pref, "not fwmark 124 pref 101 unreachable", prohibit, unicast, blackhole with tos; deleted with the same selectors; then the rule with priority 0 deleted and made again
# changes:
#  - ${DEFAULT_IFACE} (the machine's default route device) made first: a veth pair eth0/eth0-peer, up, with a default route through it
#  - each rlRun "CMD" written CMD; the "ip rule list | grep …" checks written "ip rule list"; the man page and help checks left out
#  - "ip rule add from 172.29.0.0/24 tos 6 prio 99 goto 103" and its del left out: current kernels refuse a tos with ECN bits ("Invalid dsfield (tos): ECN bits must be 0")
#  - "ip rule del iif eth0 tos lowdelay" (run on RHEL only) left out: iproute2 6.1 has no name lowdelay in rt_dsfield ("TOS value is invalid"); that rule stays
#  - the last phase's saved_rule (read back with a pipe) written out as what it reads: "from all lookup local"
ip link add eth0 type veth peer name eth0-peer
ip link set eth0 up
ip link set eth0-peer up
ip addr add 192.0.2.10/24 dev eth0
ip route add default via 192.0.2.1 dev eth0
ip rule list
ip rule add from 172.29.0.0/24 to 172.29.1.0/24 table 1110
ip rule add not from 172.29.0.0/24 to 172.29.1.0/24 table 1111
ip -6 rule add from 2404:6800:4003:801::1015/32 to 2404:6800:4003:801::1014/32 table 1111
ip rule add oif eth0 table 1111
ip rule add iif eth0 tos 10 table 1112
ip rule add fwmark 123 pref 100 table 1112
ip rule add not fwmark 124 pref 101 unreachable
ip rule add fwmark 125 pref 102 prohibit
ip rule add fwmark 126 pref 103 unicast
ip rule add from 172.29.2.0/24 tos 10 blackhole
ip rule list
ip -6 rule list
ip rule del from 172.29.0.0/24 to 172.29.1.0/24
ip rule del not from 172.29.0.0/24 to 172.29.1.0/24
ip -6 rule del from 2404:6800:4003:801::1015/32 to 2404:6800:4003:801::1014/32
ip rule del oif eth0
ip rule del fwmark 123 pref 100
ip rule del not fwmark 124 pref 101 unreachable
ip rule del fwmark 125 pref 102 prohibit
ip rule del fwmark 126 pref 103 unicast
ip rule del from 172.29.2.0/24 tos 10 blackhole
ip rule list
ip rule del prio 0
ip rule add prio 0 from all lookup local
ip rule list
