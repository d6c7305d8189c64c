# source: torvalds/linux:tools/testing/selftests/tc-testing/tc-tests/qdiscs/tbf.json@918e37d50a2fde1370c45e28a89ad2da487f420a
# what: the tc-testing TBF cases in a row: root tbf with limit/burst/rate, mtu, peakrate, latency, overhead, linklayer atm; "tc qdisc replace … linklayer ethernet" over an atm one (3549), "tc qdisc change … latency 200ms" (f948), tc qdisc show and tc class show
# changes:
#  - $TC written tc, $DUMMY dummy1; the nsPlugin's namespace not used: the lines run in the sandbox's own namespace on dummy1, made "type ifb" instead of "type dummy" (this kernel has no dummy driver) and set up
#  - each case's setup, cmdUnderTest, verifyCmd and teardown written in that order; the teardown of the last case left out so that the lab ends with its qdisc
ip link add dummy1 type ifb
ip link set dummy1 up
tc qdisc add dev dummy1 handle 1: root tbf limit 1000 burst 1500 rate 10000
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
tc qdisc add dev dummy1 handle 1: root tbf limit 1000 burst 1500 rate 20000 mtu 2048
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
tc qdisc add dev dummy1 handle 1: root tbf limit 1000 burst 1500 rate 20000 mtu 1510 peakrate 30000
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
tc qdisc add dev dummy1 handle 1: root tbf burst 1500 rate 20000 latency 100ms
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
tc qdisc add dev dummy1 handle 1: root tbf limit 1000 burst 1500 rate 20000 overhead 300
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
tc qdisc add dev dummy1 handle 1: root tbf limit 1000 burst 1500 rate 20000 linklayer atm
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
tc qdisc add dev dummy1 handle 1: root tbf limit 1000 burst 1500 rate 20000 linklayer atm
tc qdisc replace dev dummy1 handle 1: root tbf limit 1000 burst 1500 rate 20000 linklayer ethernet
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
tc qdisc add dev dummy1 handle 1: root tbf burst 1500 rate 20000 latency 10ms
tc qdisc change dev dummy1 handle 1: root tbf burst 1500 rate 20000 latency 200ms
tc qdisc show dev dummy1
tc class show dev dummy1
