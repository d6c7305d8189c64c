# source: exuuwen/study:virtualization/docker/namespace.sh@bc1c950f69b3fcbd29a12b735dcfea4417c6afbc
# what: a "container" namespace whose veth end is born inside it as eth0 ("ip link add name NS type veth peer name eth0 netns NS"), run for two containers
# changes:
#  - the script run twice, as "namespace.sh c1 172.18.0.2" and "namespace.sh c2 172.18.0.3": $1/$2 replaced by those values; the argument check left out
#  - the final interactive "ip netns exec NS bash" left out
ip netns add c1
ip link add name c1 type veth peer name eth0 netns c1
ip link set c1 up
ip netns exec c1 ip link set eth0 up
ip netns exec c1 ip addr add "172.18.0.2/24" dev eth0
ip netns exec c1 ip link set lo up
ip netns add c2
ip link add name c2 type veth peer name eth0 netns c2
ip link set c2 up
ip netns exec c2 ip link set eth0 up
ip netns exec c2 ip addr add "172.18.0.3/24" dev eth0
ip netns exec c2 ip link set lo up
