# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: ip neigh add/get/del with lladdr and proxy entries, IPv4 and IPv6 (kci_test_neigh_get)
# changes:
#  - run_cmd/run_cmd_grep wrappers dropped (each wrapped command is one line; "| grep -q" checks written as the bare command); the commands the test expects to fail (run_cmd_fail) left out
#  - kci_add_dummy: test-dummy0 created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is a carrier-on, no-ARP device like dummy)
#  - $devdummy and the test's other variables replaced by their values
#  - the last two deletes (the IPv6 entry and the IPv6 proxy entry) left out: the lab ends with them
ip link add name test-dummy0 type ifb
ip link set test-dummy0 up
ip neigh add 10.0.2.4 lladdr de:ad:be:ef:13:37 dev test-dummy0
ip neigh get 10.0.2.4 dev test-dummy0
ip neigh del 10.0.2.4 lladdr de:ad:be:ef:13:37 dev test-dummy0
ip neigh add proxy 10.0.2.4 dev test-dummy0
ip neigh get proxy 10.0.2.4 dev test-dummy0
ip neigh del proxy 10.0.2.4 dev test-dummy0
ip neigh add dead::2 lladdr de:ad:be:ef:13:37 dev test-dummy0
ip neigh get dead::2 dev test-dummy0
ip neigh add proxy dead::2 dev test-dummy0
ip neigh get proxy dead::2 dev test-dummy0
