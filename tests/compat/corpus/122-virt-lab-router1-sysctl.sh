# source: bkuj15/virt-lab:routers/router1/setup_net.sh@6818ceb1178fb7baa317c02784e282a28ec246e5 (with its zebra.conf addresses)
# what: a lab router's "disable rp_filter and enable forwarding" step: eight net.* keys (ip_forward, rp_filter for all, default, lo and four NICs) written to a sysctl file and loaded at once with "sysctl -p FILE"; hosts on two of the router's networks reach each other through it
# changes:
#  - the VM's NICs made first as veth pairs: enp0s3 (the NAT NIC, no address) and enp0s8, enp0s9, enp0s10 with the addresses zebra.conf gives them (192.168.8.254/22, 192.168.20.1/22, 192.168.24.2/22), up; hosts h8 (192.168.8.10/22) and h20 (192.168.20.10/22) at the far ends of enp0s8 and enp0s9, default routes via the router; quagga and the hostname lines left out
#  - the "echo KEY=VALUE >> /etc/sysctl.conf" lines written as the companion file 122-virt-lab-router1-sysctl.conf, and "sysctl -p" (which reads /etc/sysctl.conf) written "sysctl -p 122-virt-lab-router1-sysctl.conf"
ip netns add h8
ip netns add h20
ip link add enp0s3 type veth peer name nat0
ip link add enp0s8 type veth peer name eth0 netns h8
ip link add enp0s9 type veth peer name eth0 netns h20
ip link add enp0s10 type veth peer name r2
ip addr add 192.168.8.254/22 dev enp0s8
ip addr add 192.168.20.1/22 dev enp0s9
ip addr add 192.168.24.2/22 dev enp0s10
ip link set enp0s3 up
ip link set enp0s8 up
ip link set enp0s9 up
ip link set enp0s10 up
ip link set r2 up
ip netns exec h8 ip addr add 192.168.8.10/22 dev eth0
ip netns exec h8 ip link set eth0 up
ip netns exec h8 ip route add default via 192.168.8.254
ip netns exec h20 ip addr add 192.168.20.10/22 dev eth0
ip netns exec h20 ip link set eth0 up
ip netns exec h20 ip route add default via 192.168.20.1
sysctl -p 122-virt-lab-router1-sysctl.conf
ip netns exec h8 ping -c 1 -W 2 192.168.20.10
