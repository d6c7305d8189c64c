# source: WireGuard/wireguard-tools:src/wg-quick/linux.bash@03e9f29d189bbb899a526631a4329ac8214225bd
# what: what "wg-quick up wg0" runs for a peer with AllowedIPs 0.0.0.0/0 and ::/0 (the [#] trace): address add with -4/-6, "ip link set mtu 1420 up dev wg0" (settings before dev), the policy routing of add_default: "ip -4 rule add not fwmark 51820 table 51820", "ip -4 rule add table main suppress_prefixlength 0", "ip -4 route add 0.0.0.0/0 dev wg0 table 51820", the same for -6, and "sysctl -q net.ipv4.conf.all.src_valid_mark=1"
# changes:
#  - the functions cmd_up, add_addr, set_mtu_up, add_route and add_default unrolled for a configuration wg0.conf with Address = 10.66.66.2/32, fd42:42:42::2/128 and MTU = 1420 (set_mtu_up's first branch); $INTERFACE is wg0, $table 51820 (get_fwmark has no fwmark yet), $1 the allowed IPs
#  - "ip link add dev wg0 type wireguard" written "type ifb" (this kernel has no wireguard driver; an ifb is another carrier-on device without ARP); the wg, nft, iptables and resolvconf lines left out
#  - the machine's uplink made first: a veth pair eth0 / eth0 of a namespace isp, 192.0.2.2/24 and 192.0.2.1/24, up, with a default route via 192.0.2.1 (the route main keeps when suppress_prefixlength 0 hides defaults)
ip netns add isp
ip link add eth0 type veth peer name eth0 netns isp
ip addr add 192.0.2.2/24 dev eth0
ip link set eth0 up
ip netns exec isp ip addr add 192.0.2.1/24 dev eth0
ip netns exec isp ip link set eth0 up
ip route add default via 192.0.2.1
ip link add dev wg0 type ifb
ip -4 address add 10.66.66.2/32 dev wg0
ip -6 address add fd42:42:42::2/128 dev wg0
ip link set mtu 1420 up dev wg0
ip -6 rule add not fwmark 51820 table 51820
ip -6 rule add table main suppress_prefixlength 0
ip -6 route add ::/0 dev wg0 table 51820
ip -4 rule add not fwmark 51820 table 51820
ip -4 rule add table main suppress_prefixlength 0
ip -4 route add 0.0.0.0/0 dev wg0 table 51820
sysctl -q net.ipv4.conf.all.src_valid_mark=1
ip -4 rule show
ip -6 rule show
ip route get 198.51.100.1
ip route get 198.51.100.1 mark 51820
