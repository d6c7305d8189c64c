# source: https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/man/man8/ip-netns.8.in?h=v6.1.0 (DESCRIPTION of "ip [-all] netns exec" and EXAMPLES)
# what: the man page's example "ip netns exec vpn ip link set lo up" run for every named namespace at once with -all, after adding the namespaces of the EXAMPLES section; then "ip -all netns exec ip link show"
# changes:
#  - the -all form of the example is written from the page's DESCRIPTION ("If -all option was specified then cmd will be executed synchronously on the each named network namespace"); the page itself shows -all only in the SYNOPSIS
ip netns add vpn
ip netns add foo
ip netns add bar
ip -all netns exec ip link set lo up
ip -all netns exec ip link show
ip netns list
