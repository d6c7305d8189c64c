# source: iproute2/iproute2:doc/ip-cref.tex@429f314ef7b2405dde8168dd47e5ec410eb742d6 (Appendix "Example: minimal host setup", the script ifone)
# what: the reference's ifone script run as "ifone 193.233.7.90" (device eth0): loopback up, the address with "brd +", the control routes "ip route add unreachable 224.0.0.0/24" and "ip route add unreachable 255.255.255.255", a multicast route "224.0.0.0/4 dev eth0 scope global" and the last-resort default "ip ro add default dev eth0 metric 30000 scope global"
# changes:
#  - the script runs in a namespace kaiser with ip netns exec; its eth0 made first as a veth pair whose peer is eth0 of a namespace lan (193.233.7.1/24, up)
#  - $dev and $pfx expanded (eth0, 193.233.7.90/24); the if/then tests written as their branch taken (eth0 is up and has MULTICAST; arping's answer taken as noarp=0)
#  - "ip addr add 127.0.0.1/8 dev lo brd + scope host" left out: bringing lo up adds 127.0.0.1/8 on current kernels, and the line fails with "Address already assigned"; the arping, dhcpcd and rdisc lines left out
ip netns add kaiser
ip netns add lan
ip netns exec kaiser ip link add eth0 type veth peer name eth0 netns lan
ip netns exec lan ip addr add 193.233.7.1/24 dev eth0
ip netns exec lan ip link set eth0 up
ip netns exec kaiser ip link set up dev lo
ip netns exec kaiser ip link set up dev eth0
ip netns exec kaiser ip address add 193.233.7.90/24 brd + dev eth0
ip netns exec kaiser ip route add unreachable 224.0.0.0/24 
ip netns exec kaiser ip route add unreachable 255.255.255.255
ip netns exec kaiser ip link ls eth0
ip netns exec kaiser ip route add 224.0.0.0/4 dev eth0 scope global
ip netns exec kaiser ip ro add default dev eth0 metric 30000 scope global
