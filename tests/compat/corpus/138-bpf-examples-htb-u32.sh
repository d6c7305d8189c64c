# source: xdp-project/bpf-examples:bpf-filter/run-u32.sh@e10f58814326b04cbd590e03a7bd370be99c8039
# what: two namespaces joined by a veth made with "type veth peer NAME" (no "name" keyword), addresses and links set with quoted arguments, an htb tree on the left end ("root handle 1:0 htb default 30", a 100mbit parent 1:1 and three classes with rate/ceil), u32 filters on "ip dport N FFFF" sending ports 8080 and 8081 to their classes
# changes:
#  - $IP/$TC and the configuration variables ($L_NS, $L_DEV, $L_CIDR, $LIMIT, …) expanded, keeping the quotes the source puts around them; $TC_CLASS_ADD and $U32 expanded
#  - the "netns delete … || true" of a second run and the echo lines left out
#  - the iperf3 servers and clients left out (no iperf3 here); a ping from left to right added in their place
ip netns add "left"
ip netns add "right"
ip link add "left-veth" type veth peer "right-veth"
ip link set "left-veth" netns "left"
ip link set "right-veth" netns "right"
ip -netns "left" addr add "172.16.16.10/24" dev "left-veth"
ip -netns "right" addr add "172.16.16.20/24" dev "right-veth"
ip -netns "left" link set "left-veth" up
ip -netns "right" link set "right-veth" up
tc -netns "left" qdisc add dev "left-veth" root handle 1:0 htb default 30
tc -netns left class add dev left-veth parent 1:0 classid 1:1 htb rate "100mbit"
tc -netns left class add dev left-veth parent 1:1 classid 1:10 htb rate "5mbit" ceil "80mbit"
tc -netns left class add dev left-veth parent 1:1 classid 1:20 htb rate "5mbit" ceil "40mbit"
tc -netns left class add dev left-veth parent 1:1 classid 1:30 htb rate "5mbit" ceil "20mbit"
tc -netns left filter add dev left-veth protocol ip parent 1:0 prio 1 u32 match ip dport 8080 FFFF flowid 1:10
tc -netns left filter add dev left-veth protocol ip parent 1:0 prio 1 u32 match ip dport 8081 FFFF flowid 1:20
ip netns exec "left" ping -c 1 -W 1 "172.16.16.20"
