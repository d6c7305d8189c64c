#!/bin/bash
# bench/methods/tutorial.sh build|teardown N - method (b): the lab the way
# the tutorials write it, one `ip` process per step, `ip netns exec` for
# the steps inside a namespace (8 ip processes, 11 execs, per namespace).
set -e
n=$2
if [ "$1" = build ]; then
	ip link add br0 type bridge
	ip link set br0 up
	ip addr add 10.200.0.254/16 dev br0
	for ((i = 1; i <= n; i++)); do
		a=10.200.$((1 + (i - 1) / 250)).$((1 + (i - 1) % 250))
		ip netns add ns$i
		ip link add vethBr$i type veth peer name vethNs$i
		ip link set vethNs$i netns ns$i
		ip link set vethBr$i master br0
		ip link set vethBr$i up
		ip netns exec ns$i ip addr add $a/16 dev vethNs$i
		ip netns exec ns$i ip link set vethNs$i up
		ip netns exec ns$i ip link set lo up
	done
else
	for ((i = 1; i <= n; i++)); do
		ip netns del ns$i
	done
	ip link del br0
fi
