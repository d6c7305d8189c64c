# source: https://git.kernel.org/pub/scm/network/iproute2/iproute2.git/tree/man/man8/tc-tbf.8?h=v6.1.0 (EXAMPLE & USAGE)
# what: a tbf root qdisc with rate, burst, latency, peakrate and minburst, and an inner qdisc on its class 10:1
# changes:
#  - the device eth0 made first as a veth (eth0/eth0-peer)
#  - the inner qdisc "sfq" replaced by "pfifo" (this kernel has no sfq scheduler)
ip link add eth0 type veth peer name eth0-peer
tc qdisc add dev eth0 handle 10: root tbf rate 0.5mbit \
  burst 5kb latency 70ms peakrate 1mbit       \
  minburst 1540
tc qdisc add dev eth0 parent 10:1 handle 100: pfifo
tc qdisc show dev eth0
