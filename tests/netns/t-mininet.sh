#!/bin/sh
# Mininet's habits (issue 12): NS PROGRAM …, a namespace's name as its
# address in a network program's words, pingall's matrix, net and dump.
# The lab is built with iproute2; what the pings did is checked by their
# status and the kernel's neighbour tables (ip -n NS neigh).
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# five namespaces on br0 (10.9.0.0/24); n5's port is down: cut off
ip link add br0 type bridge
ip link set br0 up
for i in 1 2 3 4 5; do
	ip netns add "n$i"
	ip link add "v$i" type veth peer name eth0 netns "n$i"
	ip link set "v$i" master br0
	[ "$i" = 5 ] || ip link set "v$i" up
	ip -n "n$i" addr add "10.9.0.$i/24" dev eth0
	ip -n "n$i" link set eth0 up
	ip -n "n$i" link set lo up
done

ok "n1 ping -c1 -W1 n2: ping runs inside n1 and reaches n2" \
	"$NSH" -c 'n1 ping -c1 -W1 n2'
like "… says the substitution once, on stderr" "$(cat "$TMP/err")" \
	'^n2 → 10\.9\.0\.2$'
like "… ping's own output" "$(cat "$TMP/out")" \
	'^1 packets transmitted, 1 received'
like "the kernel: n1 resolved n2's address" \
	"$(ip -n n1 neigh show 10.9.0.2)" 'lladdr'
printf 'enter n3\nping -c1 -W1 n4\n' >"$TMP/p.nsh"
ok "inside n3, ping -c1 -W1 n4" "$NSH" -f "$TMP/p.nsh"
like "the kernel: n3 resolved n4's address" \
	"$(ip -n n3 neigh show 10.9.0.4)" 'lladdr'
nok "n1 ping -c1 -W1 n5: n5 is cut off, ping's status" \
	"$NSH" -c 'n1 ping -c1 -W1 n5'
like "… after n5 became its address" "$(cat "$TMP/err")" '^n5 → 10\.9\.0\.5$'
printf 'n1 ping -c1 -W1 n2\nn1 ping -c1 -W1 n2\nn3 ping -c1 -W1 n2\n' >"$TMP/twice.nsh"
ok "the same substitution three times in one session" "$NSH" -f "$TMP/twice.nsh"
is "… is said once" "$(grep -c '→' "$TMP/err")" 1
ok "n2 ip -br addr: an nsh command runs inside n2 natively" \
	"$NSH" -c 'n2 ip -br addr show dev eth0'
like "… n2's address" "$(cat "$TMP/out")" '10\.9\.0\.2/24'
ok "a word that is no namespace is left alone" "$NSH" -c 'n1 echo n9 -c n2x'
is "… as typed" "$(cat "$TMP/out")" "n9 -c n2x"
ok "a namespace's name for a program that takes no host is left alone" \
	"$NSH" -c 'echo n1 n2'
is "… as bash would print it" "$(cat "$TMP/out")" "n1 n2"
touch "$TMP/n2"
ok "a file of that name is left alone" sh -c "cd '$TMP' && '$NSH' -c 'n1 ls n2'"
is "… ls lists the file" "$(cat "$TMP/out")" "n2"
rm -f "$TMP/n2"
ok "NS:PORT (curl n2:8080) becomes ADDR:PORT" "$NSH" -c 'n1 echo n2:8080'
is "… 10.9.0.2:8080" "$(cat "$TMP/out")" "10.9.0.2:8080"
ip netns add empty
nok "a namespace without an address cannot be pinged by name" \
	"$NSH" -c 'n1 ping -c1 -W1 empty'
is "… one line saying so" "$(cat "$TMP/err")" \
	"ping: 'empty': that namespace has no address to reach it by"
ip netns del empty

ok "pingall" "$NSH" -c pingall
is "pingall: Mininet's matrix, n5 cut off" "$(cat "$TMP/out")" \
"*** Ping: testing ping reachability
n1 -> n2 n3 n4 X
n2 -> n1 n3 n4 X
n3 -> n1 n2 n4 X
n4 -> n1 n2 n3 X
n5 -> X X X X
*** Results: 40% dropped (12/20 received)"

ok "net (show topology)" "$NSH" -c net
"$NSH" -c 'show topology' >"$TMP/topo"
is "… the same drawing" "$(cat "$TMP/out")" "$(cat "$TMP/topo")"
ok "dump (show)" "$NSH" -c dump
"$NSH" -c show >"$TMP/show"
is "… the same tree" "$(cat "$TMP/out")" "$(cat "$TMP/show")"
ok "net -j is show topology -j" "$NSH" -c 'net -j'
"$NSH" -c 'show topology -j' >"$TMP/topoj"
is "… the same JSON" "$(cat "$TMP/out")" "$(cat "$TMP/topoj")"
"$NSH" -c 'net ads info' >/dev/null 2>"$TMP/err"
rc=$?
is "net with other words is the net program (samba's; not installed here: 127)" \
	"$rc $(cat "$TMP/err")" "127 net: command not found"
"$NSH" -c 'dump -0u /dev/nothing' >/dev/null 2>"$TMP/err"
is "dump with other words is the dump program" "$? $(cat "$TMP/err")" \
	"127 dump: command not found"
printf 'ip link add zz9 type bridge\nn2 ip adr show\n' >"$TMP/chk.nsh"
nok "NS ip … with a typo is found by the checking pass" "$NSH" -f "$TMP/chk.nsh"
like "… before line 1 ran" "$(cat "$TMP/err")" "chk\.nsh:2: ip: 'adr'"
nok "… so zz9 was never made" ip link show zz9
clean
done_testing
