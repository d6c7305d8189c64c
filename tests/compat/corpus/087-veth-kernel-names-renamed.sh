# source: zhunzhun1988/mydocker:testveth/test.sh@5c3000b728ad5c77ebaa51a3ac1d128cc61047a2
# what: "ip link add type veth" twice (the kernel names veth0/veth1 each time), each end renamed and moved in one command ("ip link set dev veth0 name net0-bridge netns net0"), a bridge inside a "bridge" namespace joining two others
# changes:
#  - sudo and "set -x" dropped
#  - the cleanup at the start (ip netns del / ip link del of an earlier run; they fail on a fresh machine) left out
#  - "ip netns exec bridge brctl addbr br" / "brctl addif br PORT" written as their iproute2 equivalents (ip link add name br type bridge / ip link set PORT master br; "name" is needed: iproute2 reads a bare "br" as the "broadcast" keyword)
ip netns add net0
ip netns add net1
ip netns add bridge
ip link add type veth
ip link set dev veth0 name net0-bridge netns net0
ip link set dev veth1 name bridge-net0 netns bridge
ip link add type veth
ip link set dev veth0 name net1-bridge netns net1
ip link set dev veth1 name bridge-net1 netns bridge
ip netns exec bridge ip link add name br type bridge
ip netns exec bridge ip link set dev br up
ip netns exec bridge ip link set dev bridge-net0 up
ip netns exec bridge ip link set dev bridge-net1 up
ip netns exec bridge ip link set bridge-net0 master br
ip netns exec bridge ip link set bridge-net1 master br
ip netns exec net0 ip link set dev net0-bridge up
ip netns exec net0 ip address add 10.0.1.1/24 dev net0-bridge
ip netns exec net1 ip link set dev net1-bridge up
ip netns exec net1 ip address add 10.0.1.2/24 dev net1-bridge
