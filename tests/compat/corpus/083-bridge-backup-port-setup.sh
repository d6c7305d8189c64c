# source: torvalds/linux:tools/testing/selftests/net/test_bridge_backup_port.sh@56ea38e436ea98bff62e1e9433fd53bcdeb53254
# what: two VTEP namespaces: "link add name br0 up type bridge vlan_filtering 1 ...", a vlan device on the bridge, a dummy port, "link add name vx0 up master br0 type vxlan ... external", "bridge link set dev vx0 vlan_tunnel on learning off", vlan tunnel_info, then "bridge link set dev swp1 backup_port vx0" (setup and the start of backup_port)
# changes:
#  - setup_ns sw1 sw2: the namespaces named sw1 and sw2 (no random suffix), lo up as setup_ns does; setup_topo_ns and setup_sw_common expanded with setup_sw1's and setup_sw2's values
#  - "sleep 5" left out; run_cmd wrappers dropped; the tc clsact/flower filters and mausezahn traffic of backup_port left out
# needs: vlan_filtering vlan dummy
ip netns add sw1
ip -n sw1 link set lo up
ip netns add sw2
ip -n sw2 link set lo up
ip netns exec sw1 sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec sw1 sysctl -qw net.ipv6.conf.default.ignore_routes_with_linkdown=1
ip netns exec sw1 sysctl -qw net.ipv6.conf.all.accept_dad=0
ip netns exec sw1 sysctl -qw net.ipv6.conf.default.accept_dad=0
ip netns exec sw2 sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip netns exec sw2 sysctl -qw net.ipv6.conf.default.ignore_routes_with_linkdown=1
ip netns exec sw2 sysctl -qw net.ipv6.conf.all.accept_dad=0
ip netns exec sw2 sysctl -qw net.ipv6.conf.default.accept_dad=0
ip link add name veth0 type veth peer name veth1
ip link set dev veth0 netns sw1 name veth0
ip link set dev veth1 netns sw2 name veth0
# setup_sw1
ip -n sw1 address add 192.0.2.33/32 dev lo
ip -n sw1 link set dev veth0 up
ip -n sw1 address add 192.0.2.49/28 dev veth0
ip -n sw1 route add default via 192.0.2.50
ip -n sw1 link add name br0 up type bridge vlan_filtering 1 \
	vlan_default_pvid 0 mcast_snooping 0
ip -n sw1 link add link br0 name br0.10 up type vlan id 10
bridge -n sw1 vlan add vid 10 dev br0 self
ip -n sw1 address add 192.0.2.65/28 dev br0.10
ip -n sw1 link add name swp1 up type dummy
ip -n sw1 link set dev swp1 master br0
bridge -n sw1 vlan add vid 10 dev swp1 untagged
ip -n sw1 link add name vx0 up master br0 type vxlan \
	local 192.0.2.33 dstport 4789 nolearning external
bridge -n sw1 link set dev vx0 vlan_tunnel on learning off
bridge -n sw1 vlan add vid 10 dev vx0
bridge -n sw1 vlan add vid 10 dev vx0 tunnel_info id 10010
# setup_sw2
ip -n sw2 address add 192.0.2.34/32 dev lo
ip -n sw2 link set dev veth0 up
ip -n sw2 address add 192.0.2.50/28 dev veth0
ip -n sw2 route add default via 192.0.2.49
ip -n sw2 link add name br0 up type bridge vlan_filtering 1 \
	vlan_default_pvid 0 mcast_snooping 0
ip -n sw2 link add link br0 name br0.10 up type vlan id 10
bridge -n sw2 vlan add vid 10 dev br0 self
ip -n sw2 address add 192.0.2.66/28 dev br0.10
ip -n sw2 link add name swp1 up type dummy
ip -n sw2 link set dev swp1 master br0
bridge -n sw2 vlan add vid 10 dev swp1 untagged
ip -n sw2 link add name vx0 up master br0 type vxlan \
	local 192.0.2.34 dstport 4789 nolearning external
bridge -n sw2 link set dev vx0 vlan_tunnel on learning off
bridge -n sw2 vlan add vid 10 dev vx0
bridge -n sw2 vlan add vid 10 dev vx0 tunnel_info id 10010
# backup_port
bridge -n sw1 fdb replace 00:11:22:33:44:55 dev swp1 master static vlan 10
ip -n sw1 link set dev swp1 carrier off
ip -n sw1 link set dev swp1 carrier on
bridge -n sw1 link set dev swp1 backup_port vx0
bridge -n sw1 -d link show dev swp1
