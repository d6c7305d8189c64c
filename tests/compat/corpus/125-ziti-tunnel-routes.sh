# source: openziti/ziti-tunnel-sdk-c:programs/ziti-edge-tunnel/netif_driver/linux/tun.c@ce1db10f785eed7f192f7e1f7d70e3800af64d3a ("Manage routes in a dedicated routing table")
# what: what the OpenZiti tunneler does on Linux with its own routing table: a tun device ziti0 with an address, the bypass rules "not from 0.0.0.0/0 fwmark 0xc000000/0xc000000 pref 23141 lookup 90" (a fwmark with a mask, inverted; IPv4 and IPv6), the DNS range routed into table 90, and two route commits written to a file and loaded with "ip -force -batch FILE" ("route add|delete PREFIX dev ziti0 table 90" lines)
# changes:
#  - ZET_RT_TABLE ('Z'), ZET_POLICY_PREF_BASE ('Z'<<8|'e') and ZET_BYPASS_MARK/MASK expanded (90, 23141, 0xc000000); ZET__rpdb_init's zt_iprule_modify argument strings (sent over netlink by the tunneler itself) written as "ip rule add …" and "ip -6 rule add …" lines
#  - the tun device the tunneler opens on /dev/net/tun (ioctls TUNSETIFF, SIOCSIFADDR, SIOCSIFFLAGS) made with "ip tuntap add dev ziti0 mode tun", its address 100.64.0.1/10 and up with ip lines; the DNS block 100.64.0.0/10
#  - process_routes_updates' two temporary files written as the companion files 125-ziti-tunnel-routes-1.batch and -2.batch with the lines its format "route %s %s dev %s table %d\n" gives for two intercept updates (add two prefixes; delete one, add another)
ip tuntap add dev ziti0 mode tun
ip addr add 100.64.0.1/10 dev ziti0
ip link set ziti0 up
ip rule add not from 0.0.0.0/0 fwmark 0xc000000/0xc000000 pref 23141 lookup 90
ip -6 rule add not from ::/0 fwmark 0xc000000/0xc000000 pref 23141 lookup 90
ip route add 100.64.0.0/10 dev ziti0 table 90
ip -force -batch 125-ziti-tunnel-routes-1.batch
ip -force -batch 125-ziti-tunnel-routes-2.batch
ip route show table 90
ip rule show
