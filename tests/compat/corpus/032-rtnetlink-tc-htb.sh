# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: an htb hierarchy on lo: root qdisc handle 1:, class 1:10 rate 1mbit, u32 hash tables and filters (kci_test_tc)
# changes:
#  - run_cmd/run_cmd_grep wrappers dropped (each wrapped command is one line; "| grep -q" checks written as the bare command); the commands the test expects to fail (run_cmd_fail) left out
#  - $dev replaced by its value lo
#  - the final "tc qdisc del dev lo root handle 1: htb" left out: the lab ends with the htb tree
tc qdisc add dev lo root handle 1: htb
tc class add dev lo parent 1: classid 1:10 htb rate 1mbit
tc filter add dev lo parent 1:0 prio 5 handle ffe: protocol ip u32 divisor 256
tc filter add dev lo parent 1:0 prio 5 handle ffd: protocol ip u32 divisor 256
tc filter add dev lo parent 1:0 prio 5 handle ffc: protocol ip u32 divisor 256
tc filter add dev lo protocol ip parent 1: prio 5 handle ffe:2:3 u32 ht ffe:2: match ip src 10.0.0.3 flowid 1:10
tc filter add dev lo protocol ip parent 1: prio 5 handle ffe:2:2 u32 ht ffe:2: match ip src 10.0.0.2 flowid 1:10
tc filter show dev lo parent  1:0
tc filter del dev lo protocol ip parent 1: prio 5 handle ffe:2:3 u32
tc filter show dev lo parent  1:0
