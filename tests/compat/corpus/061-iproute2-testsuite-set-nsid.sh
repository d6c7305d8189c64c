# source: https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/testsuite/tests/ip/netns/set_nsid.t?h=v6.1.0
# what: ip netns set NAME NSID, then netns list, bare "ip netns", netns list-id
# changes:
#  - $NS and $NSID replaced by their values (testnsid, 99); ts_ip "$0" "DESC" ARGS written "ip ARGS"; the test_on output checks left out
#  - the final "netns del" left out: the lab ends with the namespace
ip netns add testnsid
ip netns set testnsid 99
ip netns list
ip netns
ip netns list-id
