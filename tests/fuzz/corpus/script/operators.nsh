N=ns1 IF=veth1
ip netns add $N && ip -n "$N" link set lo up || echo failed >&2
export A=10.0.0.1/24; ip link add ${IF} type veth peer name v2 \
  # a comment ends here
ip addr add $A dev ${IF}; ip -j link show | cat > /tmp/x 2>&1
! expect reach ns1 ns2 ; sleep 1 &
wait; echo "$? $$ $!" 'literal $A'
sudo ip route add 10.0.0.0/8 via 10.0.0.254 metric 5 table 7
bridge fdb add 02:00:00:00:00:01 dev veth1 master
tc qdisc add dev veth1 root netem delay 10ms rate 1mbit
sysctl -w net.ipv4.ip_forward=1
ns1 ip link show
