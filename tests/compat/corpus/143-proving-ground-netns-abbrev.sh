# source: jschwinger233/proving-ground:container_network/netns.bash@8f74d1bf5dba4cdd02694678793ae7a8be770b94 and container_network/netns-proxy.bash@afdacbffbf67a8833ff7983fb9a22353cd473787
# what: a container's namespace wired with the shortest abbreviations: "ip net a NS", "ip l a V type veth peer name V-peer", "ip l s V netns NS", "ip net e NS ip l s V up", "ip net e NS ip a a ADDR dev V", "ip r a …" (a default route on the device, then Calico-style: a host route to 169.254.0.1 and a default via it), and the host route back
# changes:
#  - the scripts' variables (# $ns, $ip, $veth) given values: netns.bash with ns=c1, ip=10.244.1.2, veth=veth1; netns-proxy.bash with ns=c2, ip=10.244.2.2, veth=veth2; each script's lines in order, netns.bash first
#  - "set -x" left out
ip net a c1
ip l a veth1 type veth peer name veth1-peer
ip l s veth1-peer up
ip l s veth1 netns c1
ip net e c1 ip l s veth1 up
ip net e c1 ip a a 10.244.1.2 dev veth1
ip net e c1 ip r a default dev veth1
ip r a 10.244.1.2 dev veth1-peer
ip net a c2
ip l a veth2 type veth peer name veth2-peer
ip l s veth2-peer up
ip l s veth2 netns c2
ip net e c2 ip l s veth2 up
ip net e c2 ip a a 10.244.2.2 dev veth2
ip net e c2 ip r a 169.254.0.1 dev veth2
ip net e c2 ip r a default via 169.254.0.1 dev veth2
ip r a 10.244.2.2 dev veth2-peer
