# source: https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/man/man8/ip-netns.8.in?h=v6.1.0 (EXAMPLES; the same text is /work/ref/iproute2-6.1/man/man8/ip-netns.8.in)
# what: every example of the ip-netns man page: netns list/add, exec, nsids set from the root namespace and from inside foo and bar with "ip -n NS netns set", list-id with target-nsid and nsid filters
# changes: none
ip netns list
ip netns add vpn
ip netns exec vpn ip link set lo up
ip netns add foo
ip netns add bar
ip netns set foo 12
ip netns set bar 13
ip -n foo netns set foo 22
ip -n foo netns set bar 23
ip -n bar netns set foo 32
ip -n bar netns set bar 33
ip netns list-id target-nsid 12
ip netns list-id target-nsid 12 nsid 13
