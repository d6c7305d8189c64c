# source: princeton-sns/serval:src/translator/transip.bash@358e4c94a6c9dca5c0b13f7ac2e32670905b3eb7
# what: Serval's IP translator host: rules "to ADDR table main priority 10", "from PREFIX table main priority 20" and "from all table 1 priority 30", a default route "via GW dev dummy0 table 1", forwarding on
# changes:
#  - the translator's dummy0 (made elsewhere, with an address in 192.168.25.0/24 for the gateway 192.168.25.25 to be reachable) made first as "type ifb" (this kernel has no dummy driver), set up, with 192.168.25.1/24
#  - "echo 1 > /proc/sys/net/ipv4/ip_forward" written as "sysctl -w net.ipv4.ip_forward=1" (no redirections here)
ip link add dummy0 type ifb
ip link set dummy0 up
ip addr add 192.168.25.1/24 dev dummy0
ip rule add to 128.112.7.54 table main priority 10
ip rule add from 192.168.25.0/24 table main priority 20
ip rule add from all table 1 priority 30
ip route add default via 192.168.25.25 dev dummy0 table 1
sysctl -w net.ipv4.ip_forward=1
