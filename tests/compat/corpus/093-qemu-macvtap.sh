# source: YiHuangDB/qemucloudinit:run.sh@b0898fe4bc44e24afa3980117417b14c64c718e4 (its first two lines)
# what: a macvtap device in bridge mode on the machine's NIC for a QEMU guest, brought up
# changes:
#  - sudo dropped; the NIC ens160 made first as a veth pair (ens160/ens160-peer)
#  - "chmod 777 /dev/tapN" (device files are never touched here) and the qemu-system-x86_64 command left out
ip link add ens160 type veth peer name ens160-peer
ip link add link ens160 name macvtap10 type macvtap mode bridge
ip link set macvtap10 up
