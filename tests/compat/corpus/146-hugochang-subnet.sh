# source: hugochang1/Tutorial:OS/Linux/Network/02_subnet/readme.md@0b2835c20ffd6e942993eac15b4eba8be188cba5
# what: a veth pair between the host and ns1 with three addresses on each end (two in one /24, one in a subnet of its own), device routes to the other end's own subnet, pings with -I to every address of the other end
# changes:
#  - sudo dropped
#  - the route typed in the shell "sudo ip netns exec ns1 bash" opens (sudo ip route add … dev veth1) and the veth1 pings typed there written with "ip netns exec ns1" in front instead of the shell
#  - "-c 1" added to the pings (they run until interrupted)
ip link add veth0 type veth peer name veth1
ip netns add ns1
ip link set veth1 netns ns1
ip addr add 192.168.10.1/24 dev veth0
ip addr add 192.168.10.101/24 dev veth0
ip addr add 192.168.101.1/24 dev veth0
ip netns exec ns1 ip addr add 192.168.10.2/24 dev veth1
ip netns exec ns1 ip addr add 192.168.10.102/24 dev veth1
ip netns exec ns1 ip addr add 192.168.102.2/24 dev veth1
ip link set veth0 up
ip netns exec ns1 ip link set veth1 up
ip netns exec ns1 ip link set lo up
ip route add 192.168.102.0/24 dev veth0
ip netns exec ns1 ip route add 192.168.101.0/24 dev veth1
ping -c 1 -I veth0 192.168.10.2
ping -c 1 -I veth0 192.168.10.102
ping -c 1 -I veth0 192.168.102.2
ip netns exec ns1 ping -c 1 -I veth1 192.168.10.1
ip netns exec ns1 ping -c 1 -I veth1 192.168.10.101
ip netns exec ns1 ping -c 1 -I veth1 192.168.101.1
