# source: singgel/linux_handbook:linux_ip_netns.md@861ffbce6d97fb071723488398bedc03e6c7fc2c (the ip link / ip address / ip route cheat sheet at its end)
# what: a cheat sheet pasted as it is, its Chinese comments at the ends of the lines: link up/down, "promisc on", "txqueuelen 1200", "mtu 1400", "ip -s link", "ip -s -s link ls eth0", address add/del, a default route, "ip route add 192.168.4.0/24  via  192.168.0.254 dev eth0" (double spaces), route del/delete, "ip route flush cache", "ip neigh list"
# changes:
#  - eth0 made first as one end of a veth pair (its peer up) with 192.168.1.10/24 and 192.168.0.10/24, so that the sheet's gateways 192.168.1.254 and 192.168.0.254 are on link
#  - lines that fail as written left out: "promisc offi" (a typo iproute2 refuses), the pipe "ip link | grep … | awk …", "ip route add default via  192.168.0.254  dev eth0" (a second default route: File exists), "ip route get 119.75.216.20" (by then no route to it)
ip link add eth0 type veth peer name eth0-peer
ip link set eth0-peer up
ip addr add 192.168.1.10/24 dev eth0
ip addr add 192.168.0.10/24 dev eth0
ip link show                    # 显示网络接口信息
ip link set eth0 up             # 开启网卡
ip link set eth0 down            # 关闭网卡
ip link set eth0 promisc on      # 开启网卡的混合模式
ip link set eth0 txqueuelen 1200 # 设置网卡队列长度
ip link set eth0 mtu 1400        # 设置网卡最大传输单元
ip -s link #显示所有网络接口的统计数据
ip -s -s link ls eth0 #获取一个特定网络接口的信息
ip link set eth0 up             # 开启网卡
ip addr show     # 显示网卡IP信息
ip addr add 192.168.0.1/24 dev eth0 # 为eth0网卡添加一个新的IP地址192.168.0.1
ip addr del 192.168.0.1/24 dev eth0 # 为eth0网卡删除一个IP地址192.168.0.1
ip route show # 显示系统路由
ip route add default via 192.168.1.254   # 设置系统默认路由
ip route list                 # 查看路由信息
ip route add 192.168.4.0/24  via  192.168.0.254 dev eth0 # 设置192.168.4.0网段的网关为192.168.0.254,数据走eth0接口
ip route del 192.168.4.0/24   # 删除192.168.4.0网段的网关
ip route del default          # 删除默认路由
ip route delete 192.168.1.0/24 dev eth0 # 删除路由
ip route flush cache #刷新路由表
ip neigh list #显示邻居表
