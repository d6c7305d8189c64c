#!/bin/sh
# probe.sh FEATURE… - run.sh starts it once per run in a scratch sandbox:
# for each kernel FEATURE a corpus script `# needs:`, try it with iproute2
# and print `FEATURE yes` or `FEATURE no REASON` (REASON is the TAP skip
# text).  An unknown feature name is reported as missing, so a typo in a
# `# needs:` line skips loudly instead of passing silently.
n=0
# fresh DEV: a new ifb device named DEV (a scratch device for one probe)
fresh() { ip link add "$1" type ifb 2>/dev/null && ip link set "$1" up; }
for f; do
	n=$((n + 1))
	d=p$n
	kind=driver
	case $f in
	dummy|bond|team|vrf|wireguard|nlmon|vcan|ifb|bridge)
		case $f in
		vrf) args="table 10" ;;
		*) args= ;;
		esac
		# shellcheck disable=SC2086
		ip link add "$d" type "$f" $args ;;
	veth) ip link add "$d" type veth peer name "${d}p" ;;
	vxlan) ip link add "$d" type vxlan id 1 dstport 4789 ;;
	geneve) ip link add "$d" type geneve id 1 remote 192.0.2.1 ;;
	gre|ipip|sit|gretap|ip6gre|ip6tnl|ip6gretap|erspan)
		case $f in
		ip6*) args="local 2001:db8::1 remote 2001:db8::2" ;;
		erspan) args="local 192.0.2.1 remote 192.0.2.2 seq key 1 erspan_ver 1 erspan 1" ;;
		*) args="local 192.0.2.1 remote 192.0.2.2" ;;
		esac
		# shellcheck disable=SC2086
		ip link add "$d" type "$f" $args ;;
	vlan|macvlan|macvtap|ipvlan|ipvtap|macsec)
		ip link add "${d}l" type veth peer name "${d}r" &&
		case $f in
		vlan) ip link add "$d" link "${d}l" type vlan id 10 ;;
		macsec) ip link add "$d" link "${d}l" type macsec ;;
		*) ip link add "$d" link "${d}l" type "$f" ;;
		esac ;;
	tuntap) kind=support; ip tuntap add "$d" mode tap ;;
	vlan_filtering) kind=support
		ip link add "$d" type bridge vlan_filtering 1 ;;
	bridge_vlan) kind=support
		ip link add "$d" type bridge && ip link add "${d}l" type veth \
			peer name "${d}r" && ip link set "${d}l" master "$d" &&
		bridge vlan add dev "${d}l" vid 10 ;;
	nexthop) kind=support; ip nexthop add id $((1000 + n)) blackhole ;;
	mpls) kind=support; [ -e /proc/sys/net/mpls/platform_labels ] ;;
	seg6) kind=support; fresh "$d" &&
		ip -6 route add 2001:db8:ff::/64 encap seg6 mode encap \
			segs 2001:db8::1 dev "$d" ;;
	ingress|clsact) kind=qdisc; fresh "$d" && tc qdisc add dev "$d" "$f" ;;
	netem|fq_codel|sfq|prio|fq|codel|hfsc|drr|cake|tbf|htb|pfifo|bfifo|\
	pfifo_fast|red|pie|fq_pie|ets|cbs|etf|taprio|mqprio|multiq|sfb|choke|\
	skbprio|qfq|plug)
		kind=qdisc
		case $f in
		tbf) args="rate 1mbit burst 32kbit latency 400ms" ;;
		red) args="limit 400000 min 30000 max 90000 avpkt 1000 burst 55 bandwidth 10Mbit" ;;
		*) args= ;;
		esac
		# shellcheck disable=SC2086
		fresh "$d" && tc qdisc add dev "$d" root "$f" $args ;;
	*) false ;;
	esac >/dev/null 2>&1
	if [ $? = 0 ]; then
		echo "$f yes"
	else
		case $kind in
		driver) echo "$f no kernel has no $f driver" ;;
		qdisc) echo "$f no kernel has no $f scheduler" ;;
		*) echo "$f no kernel has no $f support" ;;
		esac
	fi
done
