# seed001.nsh - seed 001, "Create 2 isolated processes with NET namespaces",
# as one script in one session.  The tutorial needs three terminals: two
# `sudo unshare --net --fork bash` shells whose PIDs you note by hand, and
# the host.  Here `spawn` starts those processes, their labels stand for the
# PIDs, and `enter` is "typing in the other terminal".
#
#     nsh --sandbox -f scripts/seed001.nsh

## 1. Two isolated processes with their own network namespaces

# = `sudo unshare --net --fork bash` in terminals 2 and 3 (nsh prints
# each PID: the tutorial's <PID1> and <PID2>)
spawn ns1
spawn ns2

## 2. A Linux bridge on the host: the virtual switch (Docker's docker0)

ip link add br0 type bridge
ip link set br0 up
ip addr add 10.200.0.254/24 dev br0
ip addr show br0

## 3. Connect namespace 1 to br0

# on the host: the cable, one end into the process's namespace (the label
# ns1 stands for <PID1>), the other end into the switch
ip link add veth-ns1 type veth peer name veth-br1
ip link set veth-ns1 netns ns1
ip link set veth-br1 master br0
ip link set veth-br1 up

# inside namespace 1 ("terminal 2")
enter ns1
ip link set veth-ns1 up
ip addr add 10.200.0.1/24 dev veth-ns1
ip link set lo up
ip addr
leave

## 4. Connect namespace 2 to br0

ip link add veth-ns2 type veth peer name veth-br2
ip link set veth-ns2 netns ns2
ip link set veth-br2 master br0
ip link set veth-br2 up

enter ns2
ip link set veth-ns2 up
ip addr add 10.200.0.2/24 dev veth-ns2
ip link set lo up
ip addr
leave

## 6. The fix for hosts that filter bridged traffic

# Many hosts pass bridged frames through iptables/arptables (the
# br_netfilter module); turning that off lets ARP and ICMP cross br0.
sysctl -w net.bridge.bridge-nf-call-iptables=0
sysctl -w net.bridge.bridge-nf-call-arptables=0
sysctl -w net.bridge.bridge-nf-call-ip6tables=0

## 5. Test connectivity, from namespace 1

enter ns1
ping -c 3 10.200.0.2
leave

## 11. How the data flows

# NS1 (veth-ns1) <-> veth-br1 <-> br0 <-> veth-br2 <-> veth-ns2 (NS2)
show path ns1 ns2

# and nsh's own check of every hop, with a real probe (when a lab does not
# work, `why` names the broken hop and the command that fixes it)
why ns1 ns2

## Cleanup: ending the processes ends their namespaces and the veths

kill ns1
kill ns2
ip link delete br0
