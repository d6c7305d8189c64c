ip netns add x
ip -n x link set lo up
enter x
spawn web sleep 100
cleanup
