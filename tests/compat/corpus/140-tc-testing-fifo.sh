# source: torvalds/linux:tools/testing/selftests/tc-testing/tc-tests/qdiscs/fifo.json@2cc2c3cb54de578666d905537e4c15969caf0dc5
# what: the tc-testing FIFO cases that succeed, in a row: root bfifo and pfifo with kernel defaults, "root handle ffff:", "limit 3000b", a device made with txqueuelen 3000 and "pfifo limit 3000", "qdisc replace … bfifo limit 3000b" and "… pfifo limit 30", deletes naming the kind ("qdisc del dev X handle 1: root bfifo", "… root handle 1: bfifo")
# changes:
#  - $TC written tc, $IP ip, $DUMMY dummy1; the nsPlugin's namespace not used: the lines run in the sandbox's own namespace; dummy1 made "type ifb" instead of "type dummy" (this kernel has no dummy driver), also in "link del dev dummy1 type ifb"; " || /bin/true" dropped
#  - each case's setup, cmdUnderTest, verifyCmd and teardown written in that order; the cases expected to fail (exit 1, 2 or 255) left out, and the setup "link del … || /bin/true" lines that would delete an absent device (the previous teardown did) left out; the teardown of the last case left out
ip link add dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root bfifo
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root bfifo
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root pfifo
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root pfifo
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 root handle ffff: bfifo
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle ffff: root bfifo
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 handle 1: root bfifo limit 3000b
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root bfifo
ip link del dev dummy1 type ifb
ip link add dev dummy1 txqueuelen 3000 type ifb
tc qdisc add dev dummy1 handle 1: root pfifo limit 3000
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root pfifo
ip link del dev dummy1 type ifb
ip link add dev dummy1 txqueuelen 1000 type ifb
tc qdisc add dev dummy1 handle 1: root bfifo
tc qdisc replace dev dummy1 handle 1: root bfifo limit 3000b
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root bfifo
ip link del dev dummy1 type ifb
ip link add dev dummy1 txqueuelen 1000 type ifb
tc qdisc add dev dummy1 handle 1: root pfifo
tc qdisc replace dev dummy1 handle 1: root pfifo limit 30
tc qdisc show dev dummy1
tc qdisc del dev dummy1 handle 1: root pfifo
ip link del dev dummy1 type ifb
ip link add dev dummy1 type ifb
tc qdisc add dev dummy1 root handle 1: bfifo
tc qdisc del dev dummy1 root handle 1: bfifo
tc qdisc show dev dummy1
