# source: lIkesimba9/libnl-3-route-examples:tc_filter_fw_by_mark/README.md@5cd2372364b8319b8c2480d089981c814c2f0414
# what: an htb tree on lo: root 1: default 20, parent class 1:1, leaf classes 1:10 and 1:20 with rate, ceil and prio
# changes:
#  - the fw filter ("tc filter add dev lo parent 1: protocol all prio 3 handle 11 fw flowid 1:10") left out: this kernel has no fw classifier
tc qdisc add dev lo root handle 1: htb default 20
tc class add dev lo parent 1: classid 1:1 htb rate 10240kbit
tc class add dev lo parent 1:1 classid 1:10 htb rate 100kbit ceil 10240kbit prio 1
tc class add dev lo parent 1:1 classid 1:20 htb rate 100kbit ceil 10240kbit prio 2
