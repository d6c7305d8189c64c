# source: https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/testsuite/tests/ip/route/add_default_route.t?h=v6.1.0
# what: "link set up dev X", IPv4 and IPv6 default routes added without -6 (family from the gateway), -4/-6 route show default
# changes:
#  - $DEV replaced by its value dummy0; ts_ip "$0" "DESC" ARGS written "ip ARGS"; test_on/test_lines_count checks left out
#  - dummy0 created as "type ifb" instead of "type dummy" (this kernel has no dummy driver)
#  - the final "link del dev dummy0" left out
ip link add dummy0 type ifb
ip link set up dev dummy0
ip addr add 1.1.1.1/24 dev dummy0
ip route add default via 1.1.1.2
ip -4 route show default
ip -4 route add 2.2.2.0/24 dev dummy0
ip -4 route show default
ip -6 addr add dead:beef::1/64 dev dummy0
ip route add default via dead:beef::2
ip -6 route show default
ip -6 route add cafe:babe::/64 dev dummy0
ip -6 route show default
