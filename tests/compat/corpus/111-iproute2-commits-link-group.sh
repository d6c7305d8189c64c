# source: iproute2/iproute2 commits 26ad3aecfeeb93cd396a199a5e664e749bcabc8d ("support device group semantics"), ac694c333fc543e3ff4b9bc672811a83c3223658 ("support listing devices by group"), 2d98dd482149aa1a2bf509122af089249644a89f ("fix the link group name getting error"), 7f74cf6de03a35cb15761d5b507a4d37bc1af64e ("man ip-link: Add deleting links by group")
# what: device groups as the commit messages show them: "ip link set dev eth0 group default", "ip link set group 256 dummy1" (group first, then the device: moves it), "ip link show group 256", "ip link set group default down" (every link of group 0 at once), then up again, "ip link delete group 256"
# changes:
#  - the devices the messages name made first: a veth pair eth0/eth1 and dummy0, dummy1, dummy2 made "type ifb" instead of "type dummy" (this kernel has no dummy driver), all up
#  - the group name test (256 in the commit's hand-filled /etc/iproute2/group, which the script cannot write) written 256; "ip link show type dummy" written "ip link show type ifb"
#  - "ip link set group default up" (the converse of the message's "down" example) and a second device moved to group 256 added, so that "ip link delete group 256" (the man page's form) removes two devices
ip link add eth0 type veth peer name eth1
ip link add dummy0 type ifb
ip link add dummy1 type ifb
ip link add dummy2 type ifb
ip link set eth0 up
ip link set eth1 up
ip link set dummy0 up
ip link set dummy1 up
ip link set dummy2 up
ip link set dev eth0 group default
ip link set group 256 dummy1
ip link show type ifb
ip link show group 256
ip link set group default down
ip link show
ip link set group default up
ip link set group 256 dummy2
ip link show group 256
ip link delete group 256
ip link show
