# source: adhak2014/Linux-Bridge-Network-Emulation:2B-STP-Tuning.sh@5269e6b3a403d562ebdc41693f0a5dbb0a48468b
# what: two bridges joined by two veth cables, STP and its timers set with "ip link set BR type bridge stp_state/hello_time/forward_delay/max_age/ageing_time/priority", shows, then the whole lab torn down with "ip link delete br0 type bridge" and "ip link del X type veth peer name Y"
# changes:
#  - the echo lines (narration) dropped
#  - "bridge -h" (prints usage and exits 255, which the original ignores) left out
#  - the brctl lines (bridge-utils, not iproute2) and "sleep 40" / "sleep 5" left out
#  - "ip -j -p -d link show brX | grep \"hello_time\"" (and the other greps) written as the bare show
bridge -V
ip link help bridge
ip link add br0-eth1 type veth peer name br1-eth1
ip link add br0-eth2 type veth peer name br1-eth2
ip link add br0 type bridge
ip link add br1 type bridge
ip -d link show br0
ip -d link show br1
ip -j -p -d link show br0
ip -j -p -d link show br1
ip link set br0-eth1 master br0
ip link set br0-eth2 master br0
ip link set br1-eth1 master br1
ip link set br1-eth2 master br1
ip link set br0 type bridge stp_state 1
ip link set br1 type bridge stp_state 1
ip link set br0 type bridge hello_time 300
ip link set br1 type bridge hello_time 300
ip -j -p -d link show br0
ip -j -p -d link show br1
ip link set br0 type bridge forward_delay 1000
ip link set br1 type bridge forward_delay 1000
ip -j -p -d link show br0
ip -j -p -d link show br1
ip link set br0 type bridge max_age 1000
ip link set br1 type bridge max_age 1000
ip -j -p -d link show br0
ip -j -p -d link show br1
ip link set br0 type bridge ageing_time 15000
ip link set br1 type bridge ageing_time 15000
ip -j -p -d link show br0
ip -j -p -d link show br1
ip link set br0 type bridge priority 16384
ip link set br1 type bridge priority 8192
ip -j -p -d link show br0
ip -j -p -d link show br1
ip -j -p -d link show br0
ip -j -p -d link show br1
bridge link show
ip link set br0 type bridge stp_state 0
ip link set br1 type bridge stp_state 0
ip -j -p -d link show br0
ip -j -p -d link show br1
ip link set br0-eth1 down
ip link set br0-eth1 nomaster
ip link set br0-eth2 down
ip link set br0-eth2 nomaster
ip link set br1-eth1 down
ip link set br1-eth1 nomaster
ip link set br1-eth2 down
ip link set br1-eth2 nomaster
ip link set br0 down
ip link delete br0 type bridge
ip link set br1 down
ip link delete br1 type bridge
ip link del br0-eth1 type veth peer name br1-eth1
ip link del br0-eth2 type veth peer name br1-eth2
ip link
