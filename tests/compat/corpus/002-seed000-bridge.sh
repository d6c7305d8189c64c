# source: project seed 000, tutorial "06 - Connect Two Custom Network Namespaces", Method B (/work/shared/seeds/000_561411fb9de16bed.txt)
# what: two namespaces on a host bridge br0 with a gateway address, default routes, pings
# changes:
#  - sudo dropped
#  - trailing blanks dropped
#  - `ping ADDR -c 3` written `ping -c 1 -W 1 ADDR`
#  - the cleanup section left out (the lab ends built)
ip netns add ns1
ip netns add ns2
ip link add br0 type bridge
ip link set br0 up
ip addr add 192.168.50.1/16 dev br0
ip link add veth-ns1 type veth peer name veth-br1
ip link add veth-ns2 type veth peer name veth-br2
ip link set veth-ns1 netns ns1
ip link set veth-ns2 netns ns2
ip link set veth-br1 master br0
ip link set veth-br2 master br0
ip link set veth-br1 up
ip link set veth-br2 up
ip netns exec ns1 ip addr add 192.168.50.2/16 dev veth-ns1
ip netns exec ns2 ip addr add 192.168.50.3/16 dev veth-ns2
ip netns exec ns1 ip link set veth-ns1 up
ip netns exec ns2 ip link set veth-ns2 up
ip netns exec ns1 ip link set lo up
ip netns exec ns2 ip link set lo up
ip netns exec ns1 ip route add default via 192.168.50.1
ip netns exec ns2 ip route add default via 192.168.50.1
ip netns exec ns1 ping -c 1 -W 1 192.168.50.3
ip netns exec ns2 ping -c 1 -W 1 192.168.50.2
