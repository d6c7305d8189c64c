# lab06.nsh - Connect two custom network namespaces (seed 000, chapter 06)
#
# Two "containers" on one machine, joined first by a direct veth cable
# (Method A), then through a Linux bridge (Method B).  Run it with
#
#     nsh --sandbox -f scripts/lab06.nsh
#
# and nothing touches the real machine: the whole lab lives in a private
# network namespace that disappears when nsh exits.

## Method A: a direct veth cable between two namespaces

# Step 1: two empty network namespaces - each one is a private network
# stack with nothing but a loopback device, which starts out down.
ip netns add ns1
ip netns add ns2

# Step 2: a veth pair is a virtual cable: what goes in one end comes out
# of the other.  Both ends are born on the host...
ip link add veth1 type veth peer name veth2

# Step 3: ...and each end moves into its namespace.  A link that changes
# namespace arrives there down and without addresses.
ip link set veth1 netns ns1
ip link set veth2 netns ns2

# Step 4: addresses on the same subnet, one per end.
ip netns exec ns1 ip addr add 10.200.10.1/16 dev veth1
ip netns exec ns2 ip addr add 10.200.10.2/16 dev veth2

# Step 5: bring the cable ends and the loopbacks up.  `ip -n NS` is the
# short form of `ip netns exec NS ip`.
ip -n ns1 link set veth1 up
ip -n ns2 link set veth2 up
ip -n ns1 link set lo up
ip -n ns2 link set lo up

# Step 6: test the cable in both directions.  `enter` switches this shell
# into a namespace, as if you had opened a terminal inside it.
enter ns1
ping -c 3 10.200.10.2
leave
ip netns exec ns2 ping -c 3 10.200.10.1

## Method B: a bridge, the virtual switch that scales past two

# Step 1: a bridge on the host, with an address that can act as gateway.
ip link add br0 type bridge
ip link set br0 up
ip addr add 192.168.50.1/16 dev br0

# Step 2: one veth pair per namespace: veth-nsN goes inside, veth-brN
# stays on the host and plugs into the bridge.
ip link add veth-ns1 type veth peer name veth-br1
ip link add veth-ns2 type veth peer name veth-br2

# Step 3: the namespace ends move in.
ip link set veth-ns1 netns ns1
ip link set veth-ns2 netns ns2

# Step 4: the host ends become bridge ports, and come up.
ip link set veth-br1 master br0 up
ip link set veth-br2 master br0 up

# Step 5: addresses in the bridge's subnet, links up.
ip -n ns1 addr add 192.168.50.2/16 dev veth-ns1
ip -n ns2 addr add 192.168.50.3/16 dev veth-ns2
ip -n ns1 link set veth-ns1 up
ip -n ns2 link set veth-ns2 up

# Step 6: a default route through the bridge's address (useful once the
# host forwards or NATs; the namespaces reach each other without it).
ip -n ns1 route add default via 192.168.50.1
ip -n ns2 route add default via 192.168.50.1

# Step 7: ns1 -> ns2 and back, now across the bridge.
ip netns exec ns1 ping -c 3 192.168.50.3
ip netns exec ns2 ping -c 3 192.168.50.2

## Cleanup

# Deleting a namespace destroys the veths inside it, and with them their
# peers on the host; deleting the bridge frees its ports.  The kernel
# finishes a few milliseconds later; if the lab is run again at once, nsh
# waits for the old veths before it re-creates their names.
ip netns del ns1
ip netns del ns2
ip link delete br0
