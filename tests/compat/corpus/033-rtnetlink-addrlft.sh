# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: addresses with preferred_lft/valid_lft of a few seconds, all expired after a sleep (kci_test_addrlft)
# changes:
#  - kci_add_dummy: test-dummy0 created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is a carrier-on, no-ARP device like dummy)
#  - the loop over $(seq 10 100) shortened to 10..30 and expanded; lft=$(((RANDOM%3) + 1)) made deterministic: (i % 3) + 1
#  - the final "ip addr show | grep" check written as the bare ip addr show
ip link add name test-dummy0 type ifb
ip link set test-dummy0 up
ip addr add 10.23.11.10/32 dev test-dummy0 preferred_lft 2 valid_lft 3
ip addr add 10.23.11.11/32 dev test-dummy0 preferred_lft 3 valid_lft 4
ip addr add 10.23.11.12/32 dev test-dummy0 preferred_lft 1 valid_lft 2
ip addr add 10.23.11.13/32 dev test-dummy0 preferred_lft 2 valid_lft 3
ip addr add 10.23.11.14/32 dev test-dummy0 preferred_lft 3 valid_lft 4
ip addr add 10.23.11.15/32 dev test-dummy0 preferred_lft 1 valid_lft 2
ip addr add 10.23.11.16/32 dev test-dummy0 preferred_lft 2 valid_lft 3
ip addr add 10.23.11.17/32 dev test-dummy0 preferred_lft 3 valid_lft 4
ip addr add 10.23.11.18/32 dev test-dummy0 preferred_lft 1 valid_lft 2
ip addr add 10.23.11.19/32 dev test-dummy0 preferred_lft 2 valid_lft 3
ip addr add 10.23.11.20/32 dev test-dummy0 preferred_lft 3 valid_lft 4
ip addr add 10.23.11.21/32 dev test-dummy0 preferred_lft 1 valid_lft 2
ip addr add 10.23.11.22/32 dev test-dummy0 preferred_lft 2 valid_lft 3
ip addr add 10.23.11.23/32 dev test-dummy0 preferred_lft 3 valid_lft 4
ip addr add 10.23.11.24/32 dev test-dummy0 preferred_lft 1 valid_lft 2
ip addr add 10.23.11.25/32 dev test-dummy0 preferred_lft 2 valid_lft 3
ip addr add 10.23.11.26/32 dev test-dummy0 preferred_lft 3 valid_lft 4
ip addr add 10.23.11.27/32 dev test-dummy0 preferred_lft 1 valid_lft 2
ip addr add 10.23.11.28/32 dev test-dummy0 preferred_lft 2 valid_lft 3
ip addr add 10.23.11.29/32 dev test-dummy0 preferred_lft 3 valid_lft 4
ip addr add 10.23.11.30/32 dev test-dummy0 preferred_lft 1 valid_lft 2
sleep 5
ip addr show dev test-dummy0
