# source: project seed 000, tutorial "06 - Connect Two Custom Network Namespaces", Method A (/work/shared/seeds/000_561411fb9de16bed.txt)
# what: two namespaces joined by one veth pair, addresses, lo up, a ping each way
# changes:
#  - sudo dropped
#  - trailing blanks dropped
#  - `ping ADDR -c 3` written `ping -c 1 -W 1 ADDR` (one probe is enough)
ip netns add ns1
ip netns add ns2
ip link add veth1 type veth peer name veth2
ip link set veth1 netns ns1
ip link set veth2 netns ns2
ip netns exec ns1 ip addr add 10.200.10.1/16 dev veth1
ip netns exec ns2 ip addr add 10.200.10.2/16 dev veth2
ip netns exec ns1 ip link set veth1 up
ip netns exec ns2 ip link set veth2 up
ip netns exec ns1 ip link set lo up
ip netns exec ns2 ip link set lo up
ip netns exec ns1 ping -c 1 -W 1 10.200.10.2
ip netns exec ns2 ping -c 1 -W 1 10.200.10.1
