# seed000.nsh - every command line of seed 000 ("Connect Two Custom Network
# Namespaces"), exactly as written in the tutorial, trailing blanks and
# all, in order: Method A, Method B, cleanup.  Run: nsh --sandbox -f scripts/seed000.nsh

sudo ip netns add ns1
sudo ip netns add ns2
sudo ip link add veth1 type veth peer name veth2
sudo ip link set veth1 netns ns1
sudo ip link set veth2 netns ns2
sudo ip netns exec ns1 ip addr add 10.200.10.1/16 dev veth1
sudo ip netns exec ns2 ip addr add 10.200.10.2/16 dev veth2
sudo ip netns exec ns1 ip link set veth1 up  
sudo ip netns exec ns2 ip link set veth2 up  
sudo ip netns exec ns1 ip link set lo up  
sudo ip netns exec ns2 ip link set lo up  
sudo ip netns exec ns1 ping 10.200.10.2 -c 3
sudo ip netns exec ns2 ping 10.200.10.1 -c 3
sudo ip link add br0 type bridge  
sudo ip link set br0 up  
sudo ip addr add 192.168.50.1/16 dev br0
sudo ip link add veth-ns1 type veth peer name veth-br1  
sudo ip link add veth-ns2 type veth peer name veth-br2  
sudo ip link set veth-ns1 netns ns1  
sudo ip link set veth-ns2 netns ns2  
sudo ip link set veth-br1 master br0  
sudo ip link set veth-br2 master br0  
sudo ip link set veth-br1 up  
sudo ip link set veth-br2 up  
sudo ip netns exec ns1 ip addr add 192.168.50.2/16 dev veth-ns1  
sudo ip netns exec ns2 ip addr add 192.168.50.3/16 dev veth-ns2  
sudo ip netns exec ns1 ip link set veth-ns1 up  
sudo ip netns exec ns2 ip link set veth-ns2 up  
sudo ip netns exec ns1 ip link set lo up  
sudo ip netns exec ns2 ip link set lo up  
sudo ip netns exec ns1 ip route add default via 192.168.50.1  
sudo ip netns exec ns2 ip route add default via 192.168.50.1  
sudo ip netns exec ns1 ping 192.168.50.3 -c 3
sudo ip netns exec ns2 ping 192.168.50.2 -c 3
sudo ip netns del ns1  
sudo ip netns del ns2  
sudo ip link delete br0  
