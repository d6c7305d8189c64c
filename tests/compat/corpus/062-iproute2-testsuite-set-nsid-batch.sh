# source: https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/testsuite/tests/ip/netns/set_nsid_batch.t?h=v6.1.0
# what: "ip -b FILE" running netns add, netns set and netns list-id from a batch file
# changes:
#  - the batch file the test writes with echo into $(mktemp) is the corpus file 062-iproute2-testsuite-set-nsid-batch.batch (run.sh runs a script from its own directory, so the relative name finds it); the "rm -f" of it left out
#  - ts_ip "$0" "DESC" -b FILE written "ip -b FILE"; the test_on check and the final "netns del" left out
ip -b 062-iproute2-testsuite-set-nsid-batch.batch
