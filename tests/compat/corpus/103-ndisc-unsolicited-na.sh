# source: torvalds/linux:tools/testing/selftests/net/ndisc_unsolicited_na_test.sh@3a4fff5214c00a55ce8464433716a4e38e44cd86
# what: an IPv6-only lab: "ip -6 -netns ns-router link add … type veth peer name … netns ns-host", per-device IPv6 sysctls through ip netns exec (forwarding, drop_unsolicited_na, accept_untracked_na, disable_ipv6, ndisc_notify), "ip -6 -netns NS addr add", links up, "ip -6 -netns ns-router neigh show to ADDR dev DEV nud stale" (the case drop=0 accept=1 forwarding=1)
# changes:
#  - variables expanded (IP_ROUTER = "ip -6 -netns ns-router", IP_ROUTER_EXEC = "ip netns exec ns-router", ROUTER_CONF = net.ipv6.conf.veth-router, …); setup 0 1 1 and link_up unrolled
#  - start_tcpdump (waits for the host's unsolicited NA) replaced by "sleep 2"; the check written as the neigh show line
#  - the other seven combinations and the cleanup left out
#  - accept_unsolicited_na written accept_untracked_na: linux 5.19 renamed the key, this kernel has only the new name
ip netns add ns-host
ip netns add ns-router
ip -6 -netns ns-router link add veth-router type veth \
                peer name veth-host netns ns-host
ip netns exec ns-router sysctl -qw \
                net.ipv6.conf.veth-router.forwarding=1
ip netns exec ns-router sysctl -qw \
                net.ipv6.conf.veth-router.drop_unsolicited_na=0
ip netns exec ns-router sysctl -qw \
                net.ipv6.conf.veth-router.accept_untracked_na=1
ip netns exec ns-router sysctl -qw net.ipv6.conf.veth-router.disable_ipv6=0
ip -6 -netns ns-router addr add 2000:20::1/64 dev veth-router
ip netns exec ns-host sysctl -qw net.ipv6.conf.veth-host.ndisc_notify=1
ip netns exec ns-host sysctl -qw net.ipv6.conf.veth-host.disable_ipv6=0
ip -6 -netns ns-host addr add 2000:20::2/64 dev veth-host
ip -6 -netns ns-router link set dev veth-router up
ip -6 -netns ns-host link set dev veth-host up
sleep 2
ip -6 -netns ns-router neigh show \
                to 2000:20::2 dev veth-router nud stale
