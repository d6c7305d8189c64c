# source: torvalds/linux:tools/testing/selftests/net/rtnetlink.sh@00c1d298d486750e792bb08f52d821d06e63df7d
# what: interface alias set with ip link set dev X alias, read back, set again (kci_test_ifalias)
# changes:
#  - run_cmd/run_cmd_grep wrappers dropped (each wrapped command is one line; "| grep -q" checks written as the bare command); the commands the test expects to fail (run_cmd_fail) left out
#  - kci_add_dummy: test-dummy0 created as "type ifb" instead of "type dummy" (this kernel has no dummy driver; ifb is a carrier-on, no-ARP device like dummy)
#  - $(uuidgen) replaced by fixed UUIDs
#  - the sysfs part (read/echo into /sys/class/net/test-dummy0/ifalias, 100 concurrent uuidgen writes) left out: only ip lines are kept
ip link add name test-dummy0 type ifb
ip link set test-dummy0 up
ip link set dev test-dummy0 alias 6c8dfc0e-51e2-4a84-a5e5-2ad6a2bfa1a8
ip link show test-dummy0
ip link set dev test-dummy0 alias 0f5ef7a1-5cbb-4d1a-9d74-3c45d0b7e2f1
