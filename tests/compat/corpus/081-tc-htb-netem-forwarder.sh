# source: buddino/openstack_scripts:traffic_forwarder/rate.sh@d2c3fea915157d80132b30fe357c5000a0a8dbe6
# what: a rate-limited, delayed link: htb root with default class 1:11 at 20Mbit under a 1000Mbps parent, netem delay 250ms as the leaf qdisc
# changes:
#  - the VM's NIC ens3 made first as a veth (ens3/ens3-peer)
# needs: netem
ip link add ens3 type veth peer name ens3-peer
tc qdisc add dev ens3 handle 1: root htb default 11
tc class add dev ens3 parent 1: classid 1:1 htb rate 1000Mbps
tc class add dev ens3 parent 1:1 classid 1:11 htb rate 20Mbit
tc qdisc add dev ens3 parent 1:11 handle 10: netem delay 250ms
