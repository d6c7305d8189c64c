# source: manas11/labprograms:cnlab/week6/4.sh@df04c63025772a0112e87b2aa39882afaee79fa3 (computer networks lab, week 6)
# what: namespaces blue and red with veths named eth0..eth3, "ip address add", a bridge joining them, a ping from red to blue
# changes:
#  - sudo dropped
#  - "ping 10.0.0.1" (runs until Ctrl-C) written "ping -c 1 10.0.0.1"
ip netns add blue
ip link add eth0 type veth peer name eth1
ip link set eth0 netns blue
ip netns exec blue ip link set lo up
ip netns exec blue ip link set eth0 up
ip netns exec blue ip address add 10.0.0.1/24 dev eth0
ip netns add red
ip link add eth2 type veth peer name eth3
ip link set eth2 netns red
ip netns exec red ip link set lo up
ip netns exec red ip link set eth2 up
ip netns exec red ip address add 10.0.0.3/24 dev eth2
ip link add name br0 type bridge
ip link set dev br0 up
ip link set eth1 master br0
ip link set eth3 master br0
ip link set dev eth1 up
ip link set dev eth3 up
ip netns exec red ping -c 1 10.0.0.1
