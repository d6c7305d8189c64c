# source: torvalds/linux:tools/testing/selftests/tc-testing/tc-tests/qdiscs/htb.json@55b024554aae776e18c5666d7ac20c53c014a680
# what: the tc-testing HTB cases in a row: root htb plain, with default 10, r2q 5, direct_qlen 1024; a class 1:1 with rate and burst, mpu, prio, ceil, cburst, mtu, quantum; "qdisc del dev X handle 1: root"; tc qdisc show and tc class show after each
# changes:
#  - $TC written tc, $IP ip, $DUMMY dummy1; the nsPlugin's namespace not used: the lines run in the sandbox's own namespace; dummy1 made "type ifb" instead of "type dummy" (this kernel has no dummy driver), also in the teardown's "link del dev dummy1 type ifb"; " || /bin/true" dropped
#  - each case's setup, cmdUnderTest, verifyCmd and teardown written in that order; the teardown of the last case left out
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb default 10
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb r2q 5
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb direct_qlen 1024
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb
tc class add dev dummy1 parent 1: classid 1:1 htb rate 20kbit burst 1000
tc class show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb
tc class add dev dummy1 parent 1: classid 1:1 htb rate 20Kbit mpu 64
tc class show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb
tc class add dev dummy1 parent 1: classid 1:1 htb rate 20Kbit prio 1
tc class show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb
tc class add dev dummy1 parent 1: classid 1:1 htb rate 20Kbit ceil 10Kbit
tc class show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb
tc class add dev dummy1 parent 1: classid 1:1 htb rate 20Kbit cburst 2000
tc class show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb
tc class add dev dummy1 parent 1: classid 1:1 htb rate 20Kbit mtu 2048
tc class show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb
tc class add dev dummy1 parent 1: classid 1:1 htb rate 20Kbit quantum 2048
tc class show dev dummy1
tc qdisc del dev dummy1 handle 1: root
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root htb r2q 5
tc qdisc del dev dummy1 handle 1: root
tc qdisc show dev dummy1
