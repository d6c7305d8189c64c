#!/bin/bash
# bench/methods/ipbatch.sh gen|build|teardown N DIR - method (c): the
# fastest correct `ip -batch` form (performance.md, method 3).
#   gen       writes the batch files into DIR (outside the timing)
#   build     ONE host batch (br0; N x `netns add`; N x the one-line
#             `link add vethBrI master br0 up type veth peer name vethNsI
#             netns nsI`), then ONE `ip -n nsI -b` per namespace (lo up,
#             address, vethNsI up): batch lines cannot carry -n, and the
#             peer cannot be set up at creation (ENOTCONN), so 1 + N
#             processes in all.
#   teardown  ONE batch: N x `netns del`, `link del br0`.
set -e
n=$2 dir=$3
case $1 in
gen)
	{
		echo "link add br0 type bridge"
		echo "link set br0 up"
		echo "addr add 10.200.0.254/16 dev br0"
		for ((i = 1; i <= n; i++)); do echo "netns add ns$i"; done
		for ((i = 1; i <= n; i++)); do
			echo "link add vethBr$i master br0 up type veth peer name vethNs$i netns ns$i"
		done
	} >"$dir/host.batch"
	for ((i = 1; i <= n; i++)); do
		a=10.200.$((1 + (i - 1) / 250)).$((1 + (i - 1) % 250))
		printf 'link set lo up\naddr add %s/16 dev vethNs%d\nlink set vethNs%d up\n' \
			"$a" "$i" "$i" >"$dir/ns$i.batch"
	done
	{
		for ((i = 1; i <= n; i++)); do echo "netns del ns$i"; done
		echo "link del br0"
	} >"$dir/teardown.batch"
	;;
build)
	ip -b "$dir/host.batch"
	for ((i = 1; i <= n; i++)); do
		ip -n ns$i -b "$dir/ns$i.batch"
	done
	;;
teardown)
	ip -b "$dir/teardown.batch"
	;;
esac
