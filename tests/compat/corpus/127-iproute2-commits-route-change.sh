# source: iproute2/iproute2 commits 29d1f730b87572a4e8165859dc04b0c89533ea4e ("ip route: enable per-route ecn settings via 'features' option"), 4d9a264f09cd41fdf5896b03db8443fe1af32f14 ("utils: relax strtoX checking in get_time_rtt"), 7c73e1bd21bc54b20b2d4ad0fc1a94ca0b76c285 ("rto_min value display overflow")
# what: "ip route change" on connected routes as the commit messages run it: "ip route change 192.168.2.0/24 dev eth0 features ecn", the device before the prefix ("ip route change dev tap0 192.168.7.0/24 rto_min 1ms"), "ip route change 192.168.140.0/24 dev eth1 rto_min 3s"
# changes:
#  - the devices the messages name made first, with the addresses that give the routes being changed: eth0 (192.168.2.1/24) and eth1 (192.168.140.130/24) as the two ends of a veth pair, tap0 with "ip tuntap add dev tap0 mode tap" (192.168.7.1/24), all up
#  - the 7c73e1bd message's line break inside the command joined; the shows of the messages kept, their outputs dropped
ip link add eth0 type veth peer name eth1
ip tuntap add dev tap0 mode tap
ip addr add 192.168.2.1/24 dev eth0
ip addr add 192.168.140.130/24 dev eth1
ip addr add 192.168.7.1/24 dev tap0
ip link set eth0 up
ip link set eth1 up
ip link set tap0 up
ip route change 192.168.2.0/24 dev eth0 features ecn
ip route change dev tap0 192.168.7.0/24 rto_min 1ms
ip route show dev eth1
ip route change 192.168.140.0/24 dev eth1 rto_min 3s
ip route show dev eth1
