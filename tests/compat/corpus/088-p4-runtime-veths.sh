# source: timzhong2000/switch-fed-ml:p4/init_runtime_env.sh@0d85db11df17ed4bc6a47214fddaf8795d1a9d1c
# what: veth pairs as P4 switch ports: mtu 9000, IPv6 disabled per device with "sysctl KEY=VALUE" (no -w), several /16 addresses on one device, rp_filter off and accept_local on per device
# changes:
#  - sudo dropped
#  - "route add -net 11.11.0.0 netmask 255.255.0.0 dev vethN" (net-tools) left out
sysctl -w net.ipv4.conf.all.rp_filter=0
sysctl -w net.ipv4.conf.default.rp_filter=0
ip link add name veth0 type veth peer name veth1
ip link set dev veth0 up
ip link set dev veth1 up
ip link set veth0 mtu 9000
ip link set veth1 mtu 9000
sysctl net.ipv6.conf.veth0.disable_ipv6=1
sysctl net.ipv6.conf.veth1.disable_ipv6=1
ip addr add 11.11.11.1/16 dev veth1
ip addr add 11.11.11.2/16 dev veth1
ip addr add 11.11.11.9/16 dev veth1
sysctl -w net.ipv4.conf.veth0.rp_filter=0
sysctl -w net.ipv4.conf.veth1.rp_filter=0
sysctl -w net.ipv4.conf.veth0.accept_local=1
sysctl -w net.ipv4.conf.veth1.accept_local=1
ip link add name veth2 type veth peer name veth3
ip link set dev veth2 up
ip link set dev veth3 up
ip link set veth2 mtu 9000
ip link set veth3 mtu 9000
sysctl net.ipv6.conf.veth2.disable_ipv6=1
sysctl net.ipv6.conf.veth3.disable_ipv6=1
ip addr add 11.11.11.2/16 dev veth3
ip link add name veth4 type veth peer name veth5
ip link set dev veth4 up
ip link set dev veth5 up
ip link set veth4 mtu 9000
ip link set veth5 mtu 9000
sysctl net.ipv6.conf.veth4.disable_ipv6=1
sysctl net.ipv6.conf.veth5.disable_ipv6=1
ip addr add 11.11.11.3/16 dev veth5
