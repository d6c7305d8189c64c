# source: https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/testsuite/tests/ip/rule/dsfield.t?h=v6.1.0
# what: ip rule add/show/del with dsfield and tos, IPv4 and IPv6
# changes:
#  - ts_ip "$0" "DESC" ARGS written "ip ARGS"; test_on/test_lines_count checks left out
#  - the last delete (-6 rule del tos 0x10) left out: the lab ends with that rule
ip -4 rule add dsfield 0x10
ip -4 rule show dsfield 0x10
ip -4 rule del dsfield 0x10
ip -4 rule add tos 0x10
ip -4 rule show tos 0x10
ip -4 rule del tos 0x10
ip -6 rule add dsfield 0x10
ip -6 rule show dsfield 0x10
ip -6 rule del dsfield 0x10
ip -6 rule add tos 0x10
ip -6 rule show tos 0x10
