ip netns add a
ip link add v1 type veth peer name v2
ip link set v1 netns a\
