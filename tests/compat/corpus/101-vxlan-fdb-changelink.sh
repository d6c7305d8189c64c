# source: torvalds/linux:tools/testing/selftests/net/test_vxlan_fdb_changelink.sh@0f2cb7cf80335db55cd3c406134e8def59f16814
# what: a vxlan made up at once ("ip link add name vx up type vxlan id 2000 dstport 4789"), two default remotes appended with "bridge fdb ap … self permanent", then "ip link set dev vx type vxlan remote …" (changelink) that must keep both; "bridge fdb sh dev vx"
# changes:
#  - check_remotes (bridge fdb sh dev vx piped to grep and wc) written as "bridge fdb sh dev vx"
#  - the final "ip link del dev vx" left out: the lab ends built
ip link add name vx up type vxlan id 2000 dstport 4789
bridge fdb ap dev vx 00:00:00:00:00:00 dst 192.0.2.20 self permanent
bridge fdb ap dev vx 00:00:00:00:00:00 dst 192.0.2.30 self permanent
bridge fdb sh dev vx
ip link set dev vx type vxlan remote 192.0.2.30
bridge fdb sh dev vx
