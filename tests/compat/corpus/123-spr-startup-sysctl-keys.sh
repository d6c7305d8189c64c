# source: spr-networks/super:base/scripts/startup.sh@0ee8cd73f622ff2943ce00f588b8c78b1ad6d604
# what: a home router container's startup: two sysctl keys set in one call without -w ("sysctl net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1"), the LAN interface flushed, given its address and brought up ("ip link set dev $LANIF up"), a wireguard device made and brought up
# changes:
#  - /configs/config.sh's LANIF and LANIP written eth1 and 192.168.2.1; eth1 made first as a veth pair whose peer is eth0 of a namespace lanhost (192.168.2.100/24, up, default route via 192.168.2.1)
#  - "ip link add dev wg0 type wireguard" written "type ifb" (this kernel has no wireguard driver); nft_rules.sh, perftune.sh and the final bash left out; a ping from the LAN host added
ip netns add lanhost
ip link add eth1 type veth peer name eth0 netns lanhost
ip netns exec lanhost ip addr add 192.168.2.100/24 dev eth0
ip netns exec lanhost ip link set eth0 up
ip netns exec lanhost ip route add default via 192.168.2.1
sysctl net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
ip addr flush dev eth1
ip addr add 192.168.2.1/24 dev eth1
ip link set dev eth1 up
ip link add dev wg0 type ifb
ip link set dev wg0 up
ip netns exec lanhost ping -c 1 -W 2 192.168.2.1
