# source: tomwechsler/Ubuntu_Linux_Administration:04_Networking/A02/01_Managing_transient_IP_Addresses.sh@0a4c1618a186d7eb1a93fd8bad6fe5a8b2214f91, 04_Networking/A05/01_Configuring_network_routes.sh@55bcf2c94b740bb7e408fd7957a786207f648620, 04_Networking/A05/03_Configuring_linux_router.sh@55bcf2c94b740bb7e408fd7957a786207f648620
# what: a Linux administration course's networking lessons on two VMs: transient host addresses without a prefix length, a second subnet reached with "ip route add NET via GW", IP forwarding enabled from a sysctl file with "sysctl -p"
# changes:
#  - the course's two VMs ubuntu1 and ubuntu2 are namespaces, their host-only NIC enp0s8 a veth pair born in them (192.168.56.101/24 and 192.168.56.102/24, up; lo up); each "On ubuntuN" command runs with "ip netns exec ubuntuN"
#  - sudo dropped; the pings the lessons show failing ("The ping will fail", and the ping between the /32 addresses) and the netplan/vim steps left out
#  - "sudo vim /etc/sysctl.conf" + "sudo sysctl -p": the edited file is 082-ubuntu-admin-routes-sysctl.conf (Debian's sysctl.conf with the net.ipv4.ip_forward line uncommented) and "sysctl -p 082-ubuntu-admin-routes-sysctl.conf" loads it, inside ubuntu2 (the router)
#  - "sysctl -a" left out (it lists every key, thousands of lines)
ip netns add ubuntu1
ip netns add ubuntu2
ip link add enp0s8 netns ubuntu1 type veth peer name enp0s8 netns ubuntu2
ip netns exec ubuntu1 ip addr add 192.168.56.101/24 dev enp0s8
ip netns exec ubuntu2 ip addr add 192.168.56.102/24 dev enp0s8
ip netns exec ubuntu1 ip link set enp0s8 up
ip netns exec ubuntu2 ip link set enp0s8 up
ip netns exec ubuntu1 ip link set lo up
ip netns exec ubuntu2 ip link set lo up
# A02/01 Managing transient IP addresses (on ubuntu1, then ubuntu2)
ip netns exec ubuntu1 ip address show
ip netns exec ubuntu1 ip link show
ip netns exec ubuntu1 ip addr show
ip netns exec ubuntu1 ip -4 addr sh enp0s8
ip netns exec ubuntu1 ip addr add 192.168.3.101 dev enp0s8
ip netns exec ubuntu1 ip -4 addr sh enp0s8
ip netns exec ubuntu2 ip addr add 192.168.3.102 dev enp0s8
# A05/01 Configuring network routes
ip netns exec ubuntu2 ip addr show
ip netns exec ubuntu2 ip addr add 192.168.2.1/24 dev enp0s8
ip netns exec ubuntu2 ip route show
ip netns exec ubuntu1 ip route show
ip netns exec ubuntu1 ip route add 192.168.2.0/24 via 192.168.56.102
ip netns exec ubuntu1 ip route show
ip netns exec ubuntu1 ping -c 1 192.168.2.1
# A05/03 Configuring a Linux router (on ubuntu2)
ip netns exec ubuntu2 sysctl -ar ip_forward
ip netns exec ubuntu2 cat /proc/sys/net/ipv4/ip_forward
ip netns exec ubuntu2 sysctl -p 082-ubuntu-admin-routes-sysctl.conf
ip netns exec ubuntu2 cat /proc/sys/net/ipv4/ip_forward
ip netns exec ubuntu2 sysctl -ar ip_forward
