# source: seantywork/hack:kebpf-xdp/af/setup.sh@83675ed9223685e5e2608cef050802cb2d4fe808
# what: a veth pair whose peer is born in a namespace ("type veth peer name veth2 netns net1"), links brought up with the setting before the device ("ip link set up veth1"), addresses on both ends
# changes:
#  - sudo dropped
ip netns add net1
ip link add dev veth1 type veth peer name veth2 netns net1
ip link set up veth1
ip netns exec net1 ip link set up veth2
ip addr add 192.168.62.5/24 dev veth1
ip netns exec net1 ip addr add 192.168.62.6/24 dev veth2
