# source: lbernail/dockeroverlays:create-overlay-l2l3.sh@b7ac2986018c8730568d581ac99ccfc44f2ef82d and attach-ctn.sh@71912aee000fc4d6a0f2830f0c0044d4a49c2996 ("Deep dive into Docker overlay networks", part 3)
# what: the overlay namespace of part 3: a bridge with an address given dev first ("ip addr add dev br0 192.168.0.1/24"), a vxlan made in the root namespace with "proxy learning l2miss l3miss dstport 4789" and moved into overns, a veth pair with mtu on both ends ("… mtu 1450 type veth peer name veth2 mtu 1450"); then a container attached: its end moved into the container's namespace, renamed eth0 with a MAC in the same line, given an address dev first
# changes:
#  - sudo dropped from every line
#  - the Docker container demo's namespace (its SandboxKey, symlinked into /var/run/netns) made as a namespace demo; attach-ctn.sh run with its defaults (ctn demo, ip 2), so ${ip} is 2
#  - attach-ctn.sh's first lines (a second "ip link add dev veth1 … peer name veth2", veth1 into overns and up) left out: create-overlay-l2l3.sh has made and attached that pair already, and a second one would clash with veth2; the ln/rm symlink lines left out
ip netns add demo
ip netns add overns
ip netns exec overns ip link add dev br0 type bridge
ip netns exec overns ip addr add dev br0 192.168.0.1/24
ip link add dev vxlan1 type vxlan id 42 proxy learning l2miss l3miss dstport 4789
ip link set vxlan1 netns overns
ip netns exec overns ip link set vxlan1 master br0
ip link add dev veth1 mtu 1450 type veth peer name veth2 mtu 1450
ip link set dev veth1 netns overns
ip netns exec overns ip link set veth1 master br0
ip netns exec overns ip link set vxlan1 up
ip netns exec overns ip link set veth1 up
ip netns exec overns ip link set br0 up
ip link set dev veth2 netns demo
ip netns exec demo ip link set dev veth2 name eth0 address 02:42:c0:a8:00:02
ip netns exec demo ip addr add dev eth0 192.168.0.2/24
ip netns exec demo ip link set dev eth0 up
