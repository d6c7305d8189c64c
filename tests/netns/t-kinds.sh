#!/bin/sh
# The link kinds of `ip link add/set … type KIND …` and their -d details:
# - for each kind this kernel has, the same line run by iproute2 and by
#   nsh leaves the same link (`ip -j -d link`, normalised), and nsh shows
#   it (-d, -j -d, -o -d) exactly as iproute2 does;
# - a kind this kernel lacks is refused in one line that says so (and the
#   tests of its state SKIP with that reason);
# - every kind's options pass nsh's check of a script (nothing runs);
# - every kind's -d print equals iproute2's for the same kernel message,
#   made up here for the kinds this kernel lacks (iproute2 prints a saved
#   message with `ip monitor file`, nsh with tests/unit/linkprint).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

LINKPRINT=${LINKPRINT:-$(dirname "$NSH")/tests/unit/linkprint}

# norm: `ip -j -d link show t0` without what differs between two links
# made alike (index, addresses, timers)
norm() {
	ip -j -d link show "$1" 2>/dev/null | python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except Exception:
    print("absent"); sys.exit(0)
for l in d:
    for k in ("ifindex", "address", "broadcast", "link_index", "link",
              "stats64", "permaddr"):
        l.pop(k, None)
    li = l.get("linkinfo", {})
    for part in ("info_data", "info_slave_data"):
        x = li.get(part, {})
        for k in list(x):
            if k.endswith("_timer") or k in ("bridge_id", "root_id"):
                x.pop(k)
print(json.dumps(d, sort_keys=True))'
}

have_kind() { # KIND: can this kernel make one?
	case $1 in
	vlan|macvlan|macvtap|ipvlan|ipvtap) _x="link dm0" ;;
	*) _x= ;;
	esac
	case $1 in
	vlan) _y="id 5" ;; vxlan) _y="id 5 dstport 4789" ;;
	geneve) _y="id 5 remote 10.9.9.9" ;; vxcan) _y="" ;;
	*) _y= ;;
	esac
	# shellcheck disable=SC2086
	if ip link add probe0 $_x type "$1" $_y 2>/dev/null; then
		ip link del probe0; return 0
	fi
	return 1
}

ip link add dm0 type veth peer name dm1
ip link set dm0 up
ip link set dm1 up
ip link add pb0 type bridge

# mask_timers FILE: the bridge's running timers (hello_timer, gc_timer …)
# move between two reads, more so under a sanitizer: their values are
# masked, in text ("gc_timer    8.49") and JSON ("gc_timer":8.49)
mask_timers() {
	sed -E -i 's/(_timer +)[0-9]+\.[0-9]+/\1T/g; s/("[a-z_]*_timer": ?)[0-9]+\.[0-9]+/\1T/g' "$1"
}

# same_show DESC IP-ARGS…: `ip ARGS` prints the same by nsh and iproute2
# (a few tries: the bridge's timers move between the two)
same_show() {
	_d=$1; shift
	_i=0
	while :; do
		ip "$@" >"$TMP/ip.show" 2>&1
		"$NSH" -c "ip $*" >"$TMP/nsh.show" 2>&1
		mask_timers "$TMP/ip.show"
		mask_timers "$TMP/nsh.show"
		if cmp -s "$TMP/ip.show" "$TMP/nsh.show" || [ $_i -ge 10 ]; then
			break
		fi
		_i=$((_i + 1))
		sleep 0.1
	done
	is "$_d" "$(cat "$TMP/nsh.show")" "$(cat "$TMP/ip.show")"
}

# same_link DESC LINE: LINE (without `ip link add t0`) by iproute2, then
# by nsh: the same link, shown alike
same_link() {
	_d=$1; shift
	ip link add t0 "$@" 2>"$TMP/ip.err"
	_r1=$?
	norm t0 >"$TMP/ip.state"
	ip link del t0 2>/dev/null
	"$NSH" -c "ip link add t0 $*" >"$TMP/out" 2>"$TMP/err"
	_r2=$?
	norm t0 >"$TMP/nsh.state"
	is "$_d: nsh and iproute2 agree (status, link)" \
		"$([ $_r1 = 0 ] && echo made || echo refused) $(cat "$TMP/nsh.state")" \
		"$([ $_r2 = 0 ] && echo made || echo refused) $(cat "$TMP/ip.state")"
	if [ $_r2 = 0 ]; then
		for o in "-d" "-j -d" "-d -o" "-j -p -d"; do
			# shellcheck disable=SC2086
			same_show "$_d: ip $o link show t0 as iproute2" \
				$o link show t0
		done
	fi
	ip link del t0 2>/dev/null
}

# same_set DESC CREATE -- SET: t0 made by CREATE (iproute2), then changed
# by `ip link set t0 SET` by iproute2 and by nsh: the same link
same_set() {
	_d=$1; shift
	_c=""
	while [ "$1" != "--" ]; do _c="$_c $1"; shift; done
	shift
	# shellcheck disable=SC2086
	ip link add t0 $_c && ip link set t0 "$@" 2>"$TMP/ip.err"
	_r1=$?
	norm t0 >"$TMP/ip.state"
	ip link del t0 2>/dev/null
	# shellcheck disable=SC2086
	ip link add t0 $_c
	"$NSH" -c "ip link set t0 $*" >"$TMP/out" 2>"$TMP/err"
	_r2=$?
	norm t0 >"$TMP/nsh.state"
	is "$_d: set by nsh as by iproute2" \
		"$_r2 $(cat "$TMP/nsh.state")" \
		"$([ $_r1 = 0 ] && echo 0 || echo 1) $(cat "$TMP/ip.state")"
	ip link del t0 2>/dev/null
}

# no_driver KIND LINE: a kind this kernel lacks is refused in one line
no_driver() {
	_k=$1; shift
	rejects "type $_k without its driver" "ip link add t0 $*" \
		"^ip link add: type $_k: this kernel has no $_k driver$"
}

# ---------------------------------------------------------------- kinds

kind_lines() { # KIND: the lines of that kind (without `ip link add t0`)
	case $1 in
	veth) cat <<'EOF'
type veth
type veth peer name t1
type veth peer t1 mtu 1400 address 02:00:00:00:01:01
EOF
		;;
	bridge) cat <<'EOF'
type bridge
type bridge stp_state 1 forward_delay 400 hello_time 300 max_age 1500 priority 100
type bridge ageing_time 1000 group_fwd_mask 0x4000 group_address 01:80:c2:00:00:0e
type bridge vlan_filtering 1 vlan_protocol 802.1ad vlan_default_pvid 10 vlan_stats_enabled 1
type bridge mcast_snooping 0 mcast_router 2 mcast_querier 1 mcast_hash_max 1024 mcast_igmp_version 3 mcast_mld_version 2
type bridge mcast_last_member_count 3 mcast_startup_query_count 4 mcast_last_member_interval 200 mcast_membership_interval 30000 mcast_querier_interval 30000 mcast_query_interval 15000 mcast_query_response_interval 2000 mcast_startup_query_interval 4000 mcast_stats_enabled 1
type bridge no_linklocal_learn 1 mcast_vlan_snooping 0 nf_call_iptables 1
type bridge forw 500 hel 400 stp 0
EOF
		;;
	vxlan) cat <<'EOF'
type vxlan id 42 dstport 4789
type vxlan id 42 dstport 4789 remote 10.0.0.2 local 10.0.0.1 dev dm0
type vxlan vni 7 dstport 4789 group 239.1.1.1 dev dm0 ttl 10 tos 10 df set ageing 100 maxaddress 50 srcport 1000 2000 nolearning proxy rsc l2miss l3miss noudpcsum udp6zerocsumtx udp6zerocsumrx
type vxlan id 42 dstport 4789 remote 2001:db8::1 local 2001:db8::2 ttl inherit tos inherit df inherit flowlabel 5 ageing none maxaddress unlimited
type vxlan id 42 dstport 4789 ttl auto gbp remcsumtx remcsumrx
type vxlan external dstport 4789
type vxlan external vnifilter dstport 4789
type vxlan id 42 gpe
type vxlan id 42 dstport 0
EOF
		;;
	macvlan|macvtap) cat <<EOF
link dm0 type $1
link dm0 type $1 mode private
link dm0 type $1 mode vepa bcqueuelen 10
link dm0 type $1 mode passthru nopromisc
link dm0 type $1 mode source macaddr add 02:00:00:00:00:01
link dm0 type $1 mode source macaddr set 02:00:00:00:00:01 02:00:00:00:00:02
link dm0 type $1 flag nodst mode source
EOF
		;;
	ipvlan|ipvtap) cat <<EOF
link dm0 type $1
link dm0 type $1 mode l2
link dm0 type $1 mode l3s private
link dm0 type $1 mode l3 vepa
EOF
		;;
	vlan) cat <<'EOF'
link dm0 type vlan id 5
link dm0 type vlan protocol 802.1ad id 6 reorder_hdr off gvrp on mvrp on loose_binding on bridge_binding on
link dm0 type vlan id 7 ingress-qos-map 1:2 3:4 egress-qos-map 2:1
EOF
		;;
	bond) cat <<'EOF'
type bond
type bond mode active-backup miimon 100 updelay 200 downdelay 200 primary_reselect better fail_over_mac active
type bond mode 802.3ad lacp_rate fast ad_select bandwidth xmit_hash_policy layer3+4 min_links 1 ad_actor_sys_prio 100 ad_user_port_key 5
type bond mode 1 arp_interval 100 arp_ip_target 10.0.0.1,10.0.0.2 arp_validate all arp_all_targets all
type bond mode balance-tlb tlb_dynamic_lb 0 lp_interval 2 resend_igmp 2 num_grat_arp 3 all_slaves_active 1 use_carrier 0 packets_per_slave 2 peer_notify_delay 100 arp_missed_max 3
EOF
		;;
	vrf) echo "type vrf table 10"; echo "type vrf table main" ;;
	dummy|ifb|nlmon|vcan|wireguard) echo "type $1" ;;
	vxcan) echo "type vxcan"; echo "type vxcan peer name t1" ;;
	geneve) cat <<'EOF'
type geneve id 5 remote 10.0.0.2
type geneve vni 6 remote 2001:db8::1 ttl 20 tos 10 df set flowlabel 7 dstport 6082 noudpcsum udp6zerocsumtx udp6zerocsumrx
type geneve external
type geneve id 8 remote 10.0.0.3 ttl inherit innerprotoinherit
EOF
		;;
	gre|gretap) cat <<EOF
type $1 remote 10.0.0.2 local 10.0.0.1
type $1 remote 10.0.0.2 local 10.0.0.1 key 5 seq csum ttl 10 tos 10
type $1 remote 10.0.0.2 local 10.0.0.1 ikey 1.2.3.4 okey 7 iseq ocsum nopmtudisc
type $1 remote 239.1.1.1 local 10.0.0.1
type $1 remote 10.0.0.2 local 10.0.0.1 encap fou encap-sport auto encap-dport 5555 encap-csum
type $1 external
type $1 remote 10.0.0.2 local any ignore-df fwmark 7
EOF
		;;
	erspan) cat <<'EOF'
type erspan remote 10.0.0.2 local 10.0.0.1 erspan 5 key 1
type erspan remote 10.0.0.2 local 10.0.0.1 erspan_ver 2 erspan_dir egress erspan_hwid 7 key 1
EOF
		;;
	ip6gre|ip6gretap) cat <<EOF
type $1 remote 2001:db8::1 local 2001:db8::2
type $1 remote 2001:db8::1 local 2001:db8::2 key 5 hoplimit 10 tclass 10 flowlabel 5 encaplimit 3 dscp inherit
type $1 remote 2001:db8::1 local 2001:db8::2 tclass inherit flowlabel inherit encaplimit none fwmark inherit allow-localremote
type $1 external
EOF
		;;
	ip6erspan) echo "type ip6erspan remote 2001:db8::1 local 2001:db8::2 erspan 5 key 1" ;;
	ipip) cat <<'EOF'
type ipip remote 10.0.0.2 local 10.0.0.1
type ipip remote 10.0.0.2 local 10.0.0.1 ttl 10 tos 10 dev dm0 mode ipip
type ipip remote 10.0.0.2 local 10.0.0.1 mode any encap gue encap-dport 6000
type ipip external
EOF
		;;
	sit) cat <<'EOF'
type sit remote 10.0.0.2 local 10.0.0.1
type sit remote 10.0.0.2 local 10.0.0.1 mode ip6ip isatap
type sit local 10.0.0.1 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/8
EOF
		;;
	ip6tnl) cat <<'EOF'
type ip6tnl remote 2001:db8::1 local 2001:db8::2
type ip6tnl mode ipip6 remote 2001:db8::1 local 2001:db8::2 hoplimit 10 encaplimit none tclass 10 flowlabel 5 dscp inherit
type ip6tnl mode any remote 2001:db8::1 local 2001:db8::2 fwmark inherit allow-localremote
type ip6tnl external
EOF
		;;
	xfrm) cat <<'EOF'
type xfrm if_id 0x2a
type xfrm dev dm0 if_id 7
type xfrm external
EOF
		;;
	esac
}

KINDS="veth bridge vxlan macvlan macvtap ipvlan ipvtap vlan dummy ifb vrf bond
nlmon vcan vxcan wireguard geneve gre gretap erspan ip6gre ip6gretap
ip6erspan ipip sit ip6tnl xfrm"

for k in $KINDS; do
	if have_kind "$k"; then
		kind_lines "$k" >"$TMP/lines"
		while IFS= read -r line; do
			# shellcheck disable=SC2086
			same_link "$k: $line" $line
		done <"$TMP/lines"
	else
		first=$(kind_lines "$k" | head -n 1)
		# shellcheck disable=SC2086
		no_driver "$k" $first
		skip "kernel has no $k driver (its links are not compared)"
	fi
done

# ---------------------------------------------------------------- set

same_set "bridge options by set" type bridge -- type bridge stp_state 1 priority 7 ageing_time 500
same_set "bridge fdb_flush" type bridge -- type bridge fdb_flush
same_set "vxlan: set learning" type vxlan id 5 dstport 4789 -- type vxlan nolearning ageing 60
same_set "macvlan: set mode" link dm0 type macvlan -- type macvlan mode vepa
ip link add bp0 type veth peer name bp1
ip link set bp0 master pb0
for opts in "cost 5 priority 3" "hairpin on guard on root_block on fastleave on" \
	"learning off flood off mcast_flood off bcast_flood off" \
	"proxy_arp on proxy_arp_wifi on mcast_router 2 mcast_to_unicast on" \
	"neigh_suppress on group_fwd_mask 0x4000 vlan_tunnel on isolated on locked on" \
	"state 0" "hair o guard of" "backup_port dm1" "nobackup_port" "fdb_flush"; do
	ip link set bp0 type bridge_slave $opts 2>/dev/null
	norm bp0 >"$TMP/ip.state"
	ip link del bp0; ip link add bp0 type veth peer name bp1
	ip link set bp0 master pb0
	"$NSH" -c "ip link set bp0 type bridge_slave $opts" >"$TMP/out" 2>&1
	is "bridge_slave $opts: as iproute2" "$(norm bp0)" "$(cat "$TMP/ip.state")"
	ip link del bp0; ip link add bp0 type veth peer name bp1
	ip link set bp0 master pb0
done
"$NSH" -c 'ip link set bp0 type bridge_slave cost 9 hairpin on'
for o in "-d" "-j -d" "-d -o"; do
	# shellcheck disable=SC2086
	same_show "bridge_slave: ip $o link show as iproute2" $o link show bp0
done
ip link del bp0

# ---------------------------------------------------------------- grammar

# every line of every kind passes the check of a script: the script's
# last line is wrong, so the check stops there and nothing runs
for k in $KINDS; do
	kind_lines "$k" | sed 's/^/ip link add t0 /'
done >"$TMP/all.nsh"
n=$(wc -l <"$TMP/all.nsh")
echo "ip link add t0 type vxlan id 16777216" >>"$TMP/all.nsh"
nok "every kind's options pass the check; a VNI too large does not" \
	"$NSH" -f "$TMP/all.nsh"
like "…the one line refused is the last" "$(cat "$TMP/err")" \
	"^$TMP/all.nsh:$((n + 1)): ip link add: '16777216': not a VNI"
is "…and nothing ran" "$(norm t0)" absent

rejects "a kind's unknown option" 'ip link add t0 type bridge foo 1' \
	"^ip link add: 'foo': unknown word"
rejects "a vxlan option twice" 'ip link add t0 type vxlan id 1 vni 2' \
	"^ip link add: 'vni': given twice"
rejects "vxlan without a VNI" 'ip link add t0 type vxlan dstport 4789' \
	"^ip link add: missing the network identifier"
rejects "vxlan group without dev" \
	'ip link add t0 type vxlan id 1 dstport 4789 group 239.1.1.1' \
	"^ip link add: 'group': needs 'dev'"
rejects "vxlan remote multicast" \
	'ip link add t0 type vxlan id 1 dstport 4789 remote 239.1.1.1' \
	"^ip link add: '239.1.1.1': not a unicast address"
rejects "macvlan nopromisc outside passthru" \
	'ip link add t0 link dm0 type macvlan mode bridge nopromisc' \
	"^ip link add: 'nopromisc': only in mode passthru"
rejects "a bad bond mode" 'ip link add t0 type bond mode fast' \
	"^ip link add: 'fast': not a bond mode"
ok "type KIND help prints the kind's options" "$NSH" -c 'ip link add type vxlan help'
like "…with its keywords" "$(cat "$TMP/out")" "dstport"

# ---------------------------------------------------------------- print

# kernel messages of every kind, made up, printed by iproute2 (ip monitor
# file) and by nsh (linkprint), in text, -d and -d -o
python3 - "$TMP/msgs" <<'EOF'
import socket, struct, sys

def attr(t, d):
    l = 4 + len(d)
    return struct.pack("HH", l, t) + d + b"\0" * ((4 - l % 4) % 4)
def u8(t, v): return attr(t, struct.pack("B", v))
def u16(t, v): return attr(t, struct.pack("H", v))
def be16(t, v): return attr(t, struct.pack(">H", v))
def u32(t, v): return attr(t, struct.pack("I", v))
def be32(t, v): return attr(t, struct.pack(">I", v))
def s(t, v): return attr(t, v.encode() + b"\0")
def a4(t, v): return attr(t, socket.inet_pton(socket.AF_INET, v))
def a6(t, v): return attr(t, socket.inet_pton(socket.AF_INET6, v))
def nest(t, *xs): return attr(t, b"".join(xs))
def flag(t): return attr(t, b"")

IFLA_IFNAME, IFLA_MTU, IFLA_LINK, IFLA_MASTER, IFLA_OPERSTATE = 3, 4, 5, 10, 16
IFLA_LINKINFO, IFLA_GROUP, IFLA_ADDRESS, IFLA_BROADCAST = 18, 27, 1, 2
INFO_KIND, INFO_DATA, INFO_SLAVE_KIND, INFO_SLAVE_DATA = 1, 2, 4, 5

seq = [0]
def link(name, kind, data, arptype=1, slave=None, extra=b""):
    seq[0] += 1
    li = s(INFO_KIND, kind)
    if data is not None:
        li += nest(INFO_DATA, *data)
    if slave:
        li += s(INFO_SLAVE_KIND, slave[0])
        if slave[1] is not None:
            li += nest(INFO_SLAVE_DATA, *slave[1])
    body = struct.pack("BBHiII", 0, 0, arptype, 100 + seq[0], 0x1003, 0)
    body += s(IFLA_IFNAME, name) + u32(IFLA_MTU, 1400) + u8(IFLA_OPERSTATE, 2)
    body += u32(IFLA_GROUP, 0) + extra + nest(IFLA_LINKINFO, li)
    return struct.pack("IHHII", 16 + len(body), 16, 0, seq[0], 0) + body

m = []
# gre (IFLA_GRE_*)
GRE = dict(LINK=1, IFLAGS=2, OFLAGS=3, IKEY=4, OKEY=5, LOCAL=6, REMOTE=7,
           TTL=8, TOS=9, PMTUDISC=10, ENCAP_LIMIT=11, FLOWINFO=12, FLAGS=13,
           ENCAP_TYPE=14, ENCAP_FLAGS=15, ENCAP_SPORT=16, ENCAP_DPORT=17,
           COLLECT_METADATA=18, IGNORE_DF=19, FWMARK=20, ERSPAN_INDEX=21,
           ERSPAN_VER=22, ERSPAN_DIR=23, ERSPAN_HWID=24)
KEY, SEQ, CSUM = 0x0020, 0x0010, 0x0080   # GRE_* in network order, read LE
def gre(v6=False, **k):
    g = GRE
    d = [be32(g["IKEY"], k.get("ikey", 0)), be32(g["OKEY"], k.get("okey", 0)),
         u16(g["IFLAGS"], k.get("iflags", 0)), u16(g["OFLAGS"], k.get("oflags", 0))]
    if v6:
        d += [a6(g["LOCAL"], k.get("local", "::")), a6(g["REMOTE"], k.get("remote", "::")),
              u8(g["TTL"], k.get("ttl", 64)), u8(g["ENCAP_LIMIT"], k.get("elim", 4)),
              u32(g["FLOWINFO"], k.get("flowinfo", 0)), u32(g["FLAGS"], k.get("flags", 0))]
    else:
        d += [a4(g["LOCAL"], k.get("local", "0.0.0.0")), a4(g["REMOTE"], k.get("remote", "0.0.0.0")),
              u8(g["TTL"], k.get("ttl", 0)), u8(g["TOS"], k.get("tos", 0)),
              u8(g["PMTUDISC"], k.get("pmtu", 1)), u8(g["IGNORE_DF"], k.get("igndf", 0))]
    d += [u32(g["LINK"], k.get("link", 0)), u32(g["FWMARK"], k.get("fwmark", 0)),
          u16(g["ENCAP_TYPE"], k.get("et", 0)), u16(g["ENCAP_FLAGS"], k.get("ef", 0)),
          be16(g["ENCAP_SPORT"], k.get("sp", 0)), be16(g["ENCAP_DPORT"], k.get("dp", 0))]
    for key in ("ERSPAN_INDEX",):
        if key.lower() in k: d.append(u32(g[key], k[key.lower()]))
    if "ever" in k: d.append(u8(g["ERSPAN_VER"], k["ever"]))
    if "edir" in k: d.append(u8(g["ERSPAN_DIR"], k["edir"]))
    if "hwid" in k: d.append(u16(g["ERSPAN_HWID"], k["hwid"]))
    if k.get("external"): d = [flag(g["COLLECT_METADATA"])] + d
    return d
m.append(link("g0", "gre", gre(local="10.0.0.1", remote="10.0.0.2"), 778))
m.append(link("g1", "gre", gre(local="10.0.0.1", remote="10.0.0.2", iflags=KEY|SEQ|CSUM,
          oflags=KEY|CSUM, ikey=5, okey=0x01020304, ttl=10, tos=0x10, pmtu=0,
          igndf=1, fwmark=7, link=1), 778))
m.append(link("g2", "gretap", gre(local="10.0.0.1", tos=1, et=1, ef=3, sp=0, dp=5555)))
m.append(link("g3", "gretap", gre(external=True)))
m.append(link("g4", "erspan", gre(local="10.0.0.1", remote="10.0.0.2", ever=2, edir=1, hwid=7, et=2, sp=1000, dp=2000, ef=4)))
m.append(link("g5", "erspan", gre(remote="10.0.0.2", ever=1, erspan_index=5)))
m.append(link("g6", "ip6gre", gre(v6=True, local="2001:db8::2", remote="2001:db8::1",
          flowinfo=0x05000010, flags=0x10 | 0x40, iflags=KEY, oflags=KEY, ikey=3, okey=3), 823))
m.append(link("g7", "ip6gretap", gre(v6=True, remote="2001:db8::1", ttl=0, flags=0x1 | 0x2 | 0x4 | 0x20)))
m.append(link("g8", "ip6erspan", gre(v6=True, remote="2001:db8::1", ever=1, erspan_index=9, fwmark=3)))
# ipip / sit / ip6tnl (IFLA_IPTUN_*)
T = dict(LINK=1, LOCAL=2, REMOTE=3, TTL=4, TOS=5, ENCAP_LIMIT=6, FLOWINFO=7,
         FLAGS=8, PROTO=9, PMTUDISC=10, P6RD=11, R6RD=12, P6RDLEN=13, R6RDLEN=14,
         ENCAP_TYPE=15, ENCAP_FLAGS=16, ENCAP_SPORT=17, ENCAP_DPORT=18,
         COLLECT_METADATA=19, FWMARK=20)
def iptun(v6=False, **k):
    t = T
    d = [u32(t["LINK"], k.get("link", 0)), u8(t["PROTO"], k.get("proto", 4)),
         u8(t["TTL"], k.get("ttl", 0))]
    if v6:
        d += [a6(t["LOCAL"], k.get("local", "::")), a6(t["REMOTE"], k.get("remote", "::")),
              u8(t["ENCAP_LIMIT"], k.get("elim", 4)), u32(t["FLOWINFO"], k.get("flowinfo", 0)),
              u32(t["FLAGS"], k.get("flags", 0))]
    else:
        d += [a4(t["LOCAL"], k.get("local", "0.0.0.0")), a4(t["REMOTE"], k.get("remote", "0.0.0.0")),
              u8(t["TOS"], k.get("tos", 0)), u8(t["PMTUDISC"], k.get("pmtu", 1))]
        if "sitflags" in k: d.append(u16(t["FLAGS"], k["sitflags"]))
        if "p6rd" in k:
            d += [a6(t["P6RD"], k["p6rd"]), u16(t["P6RDLEN"], k["p6rdlen"]),
                  a4(t["R6RD"], k.get("r6rd", "0.0.0.0")), u16(t["R6RDLEN"], k.get("r6rdlen", 0))]
    d += [u32(t["FWMARK"], k.get("fwmark", 0)), u16(t["ENCAP_TYPE"], k.get("et", 0)),
          u16(t["ENCAP_FLAGS"], k.get("ef", 0)), be16(t["ENCAP_SPORT"], k.get("sp", 0)),
          be16(t["ENCAP_DPORT"], k.get("dp", 0))]
    if k.get("external"): d = [flag(t["COLLECT_METADATA"])] + d
    return d
m.append(link("i0", "ipip", iptun(local="10.0.0.1", remote="10.0.0.2", ttl=10, tos=0x10), 768))
m.append(link("i1", "ipip", iptun(proto=0, pmtu=0, tos=1, et=2, dp=6000, ef=1, link=1), 768))
m.append(link("i2", "ipip", iptun(proto=137, fwmark=9), 768))
m.append(link("s0", "sit", iptun(proto=41, local="10.0.0.1", sitflags=1, p6rd="2001:db8::", p6rdlen=32, r6rd="10.0.0.0", r6rdlen=8), 776))
m.append(link("s1", "sit", iptun(external=True), 776))
m.append(link("t6", "ip6tnl", iptun(v6=True, proto=41, local="2001:db8::2", remote="2001:db8::1", ttl=10, flowinfo=0x05000010, flags=0x10 | 0x8 | 0x40), 769))
m.append(link("t7", "ip6tnl", iptun(v6=True, proto=0, flags=0x1 | 0x2 | 0x4 | 0x20), 769))
# geneve
m.append(link("gv0", "geneve", [u32(1, 5), a4(2, "10.0.0.2"), u8(3, 10), u8(4, 0x10), be16(5, 6081), u8(8, 0), u8(9, 1), u8(10, 1), be32(11, 0x70000), u8(13, 1)]))
m.append(link("gv1", "geneve", [u32(1, 6), a6(7, "2001:db8::1"), u8(3, 0), u8(4, 1), be16(5, 6081), u8(12, 1), flag(14)]))
m.append(link("gv2", "geneve", [flag(6), be16(5, 6081), u8(13, 2)]))
# vlan
m.append(link("vl0", "vlan", [be16(5, 0x8100), u16(1, 5), attr(2, struct.pack("II", 0x1f, 0xffffffff)),
          nest(4, attr(1, struct.pack("II", 1, 2)), attr(1, struct.pack("II", 3, 4))),
          nest(3, attr(1, struct.pack("II", 0, 7)))], extra=u32(IFLA_LINK, 1)))
m.append(link("vl1", "vlan", [u16(1, 6)]))
m.append(link("vl2", "vlan", [be16(5, 0x88a8), u16(1, 7), attr(2, struct.pack("II", 0, 0))]))
# bond, bond_slave
m.append(link("bo0", "bond", [u8(1, 4), u32(3, 100), u32(4, 200), u32(5, 200), u8(6, 1), u32(7, 0),
          nest(8, a4(0, "10.0.0.1"), a4(1, "10.0.0.2")), u32(9, 3), u32(10, 1), u8(12, 1), u8(13, 2),
          u8(14, 1), u32(15, 1), u8(16, 1), u8(17, 0), u32(18, 0), u32(19, 1), u32(20, 1), u8(21, 1),
          u8(22, 2), nest(23, u16(1, 2), u16(2, 1), u16(3, 9), u16(4, 0), attr(5, b"\x02\0\0\0\0\x09")),
          u16(24, 65535), u16(25, 5), attr(26, b"\x02\0\0\0\0\x01"), u8(27, 1), u32(28, 0), u8(29, 1), u8(30, 2),
          nest(31, a6(0, "2001:db8::1"))]))
m.append(link("bo1", "bond", [u8(1, 0), u32(9, 0)]))
m.append(link("bp0", "veth", None, slave=("bond", [u8(1, 1), u8(2, 0), u32(3, 2), attr(4, b"\x02\0\0\0\0\x07"), u16(5, 3), u16(6, 1), u8(7, 61), u16(8, 0x3f), u32(9, 5)])))
m.append(link("bp1", "veth", None, slave=("bond", [u8(1, 7), u8(2, 9)])))
# vrf, vrf_slave
m.append(link("vr0", "vrf", [u32(1, 10)]))
m.append(link("vr1", "veth", None, slave=("vrf", [u32(1, 10)])))
# xfrm (IFLA_XFRM_LINK 1, IF_ID 2, COLLECT_METADATA 3), ARPHRD_NONE
m.append(link("xf0", "xfrm", [u32(1, 5), u32(2, 0x2a)], 65534))
m.append(link("xf1", "xfrm", [flag(3)], 65534))
# ipvlan, macvlan in source mode, kinds without options, no data
m.append(link("ip0", "ipvlan", [u16(1, 1), u16(2, 1)]))
m.append(link("ip1", "ipvtap", [u16(1, 2), u16(2, 2)]))
m.append(link("ip2", "ipvlan", [u16(1, 0), u16(2, 0)]))
m.append(link("mv0", "macvlan", [u32(1, 16), u16(2, 3), u32(6, 2),
          nest(5, attr(4, b"\x02\0\0\0\0\x01"), attr(4, b"\x02\0\0\0\0\x02")), u32(7, 1000), u32(8, 1000)]))
for k in ("dummy", "ifb", "nlmon", "vcan", "vxcan", "wireguard"):
    m.append(link("x" + k[:5], k, None, 824 if k == "nlmon" else 280 if "can" in k else 1))
# tun/tap (IFLA_TUN_*): OWNER 1, GROUP 2, TYPE 3, PI 4, VNET_HDR 5,
# PERSIST 6, MULTI_QUEUE 7, NUM_QUEUES 8, NUM_DISABLED_QUEUES 9
m.append(link("tap0", "tun", [u32(1, 0), u32(2, 0), u8(3, 2), u8(4, 0), u8(5, 1), u8(6, 1), u8(7, 0)]))
m.append(link("tun0", "tun", [u8(3, 1), u8(4, 1), u8(5, 0), u8(6, 0), u8(7, 1), u32(8, 4), u32(9, 1), u32(1, 4242)], 65534))
m.append(link("nd0", "bridge", None))
m.append(link("nd1", "vxlan", None))
# vxlan over IPv6, with a label and a port range
m.append(link("vx0", "vxlan", [u32(1, 9), a6(16, "ff02::9"), a6(17, "2001:db8::2"), u32(3, 1), u8(5, 0), u8(6, 1),
          u8(7, 0), u32(8, 0), u32(9, 10), attr(10, struct.pack(">HH", 100, 200)), u8(11, 1), u8(12, 1),
          u8(13, 1), u8(14, 1), be16(15, 4789), u8(18, 1), u8(19, 1), u8(20, 1), u8(21, 1), be32(26, 0x12345),
          u8(29, 2)]))
m.append(link("vx1", "vxlan", [u32(1, 10), a4(2, "10.0.0.9"), a4(4, "10.0.0.1"), u8(5, 9), u8(6, 0x20), u8(28, 1), u8(7, 1),
          u32(8, 300), be16(15, 8472), u8(18, 0), u8(22, 1), flag(23), flag(27), u8(29, 1), u8(25, 1), u8(30, 1)]))
open(sys.argv[1], "wb").write(b"".join(m))
EOF
if [ -x "$LINKPRINT" ]; then
	for o in "" "-d" "-d -o"; do
		# shellcheck disable=SC2086
		ip $o monitor file "$TMP/msgs" >"$TMP/ip.print" 2>&1
		# shellcheck disable=SC2086
		"$LINKPRINT" $o "$TMP/msgs" >"$TMP/nsh.print" 2>&1
		is "every kind's print${o:+ ($o)} as iproute2's" \
			"$(cat "$TMP/nsh.print")" "$(cat "$TMP/ip.print")"
	done
else
	skip "no $LINKPRINT (make check builds it)"
fi

clean
done_testing
