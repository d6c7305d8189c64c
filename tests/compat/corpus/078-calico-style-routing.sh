# source: lx1036/code:go/k8s/network/calico/ansible/calico-demo.sh@9fc3bef1a45be61def1deddc8f45cb27fa1514e2
# what: Calico-style pod networking: the pod's default route via the link-local 169.254.1.1 reached with a scope-link host route, a /32 route to the pod on the host, proxy_arp on the host end answering for 169.254.1.1
# changes:
#  - "ip route add 10.20.1.3 via 192.168.1.177 dev ens192" (a route to another node over the machine's NIC) left out
#  - "echo 1 > /proc/sys/net/ipv4/conf/veth0/proxy_arp" written "sysctl -w net.ipv4.conf.veth0.proxy_arp=1" (no redirections in a corpus script)
ip link add veth0 type veth peer name eth1
ip netns add ns0
ip link set eth1 netns ns0
ip netns exec ns0 ip a add 10.20.1.2/24 dev eth1
ip netns exec ns0 ip link set eth1 up
ip netns exec ns0 ip route add 169.254.1.1 dev eth1 scope link
ip netns exec ns0 ip route add default via 169.254.1.1 dev eth1
ip link set veth0 up
ip route add 10.20.1.2 dev veth0 scope link
sysctl -w net.ipv4.conf.veth0.proxy_arp=1
