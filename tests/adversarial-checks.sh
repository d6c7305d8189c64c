# tests/adversarial-checks.sh - the `check` rows of tests/adversarial.tsv:
# one function per case that a single refused line cannot show.  Sourced
# by tests/adversarial.sh; each function names its rows "$ID: …" and
# leaves the fixture as it found it.

# refuses DESC LINE REGEX: `nsh -c LINE` is refused cleanly (kernel unchanged)
refuses() {
	snap >"$TMP/before"
	"$NSH" -c "$2" >"$TMP/r.out" 2>"$TMP/r.err"
	_rc=$?
	verdict "$ID" "$1" $_rc "$3"
}
# kind PATH: nsfs, tmpfs, … (what a stale entry is not)
kind() { stat -f -c %T "$1" 2>/dev/null; }
# wait_gone LINK [NS]: until the link is gone (2 s at most)
wait_gone() {
	_i=0
	while ip ${2:+-n "$2"} link show "$1" >/dev/null 2>&1 && [ $_i -lt 100 ]; do
		sleep 0.02; _i=$((_i + 1))
	done
}
# nest SCRIPT: run sh -c SCRIPT in a mount namespace of its own with a
# fresh tmpfs on /run (the network namespace is the sandbox's)
nest() {
	unshare --mount --propagation private sh -c \
		'mount -t tmpfs -o mode=0755 tmpfs /run && eval "$1"' nest "$1"
}
# model_has NAME: the `show -j` of the nsh -i names NAME
model_has() {
	ask 'show -j' | python3 -c 'import json,sys
m = json.load(sys.stdin)
print(any(l["name"] == sys.argv[1] for n in m["namespaces"] for l in n["links"]))' "$1"
}
# model_until NAME True|False: until the model has (has not) NAME, 2 s
model_until() {
	_i=0
	while [ "$(model_has "$1")" != "$2" ] && [ $_i -lt 40 ]; do
		sleep 0.05; _i=$((_i + 1))
	done
	model_has "$1"
}

# --- A
c_a2() {
	_n=$(printf 'y%.0s' $(seq 255))
	ip netns add "$_n"
	"$NSH" -c 'ip netns list' >"$TMP/o"
	ok "$ID: nsh lists a 255-byte foreign name, whole" grep -qx "$_n" "$TMP/o"
	ok "$ID: nsh deletes it" "$NSH" -c "ip netns del $_n"
	is "$ID: … and it is gone" "$(ls /run/netns | grep -c '^y')" 0
}
c_a3() {
	ip netns add "$(printf 'ns3\r')"
	"$NSH" -c 'ip netns list' >"$TMP/o" 2>&1
	ok "$ID: listed escaped" grep -qx 'ns3\\x0d' "$TMP/o"
	is "$ID: no raw control character in the listing" "$(LC_ALL=C tr -cd '\r\033' <"$TMP/o" | wc -c)" 0
	ok "$ID: nsh deletes it by its real name" "$NSH" -c "ip netns del '$(printf 'ns3\r')'"
	ip netns del "$(printf 'ns3\r')" 2>/dev/null
}
c_a4() {
	for _n in "$(printf 'a\nb')" "$(printf 'a\tb')" 'a b'; do ip netns add "$_n"; done
	"$NSH" -c 'ip netns list' >"$TMP/o" 2>&1
	ok "$ID: newline, tab, space escaped one per line" \
		sh -c "grep -qx 'a\\\\x0ab' '$TMP/o' && grep -qx 'a\\\\x09b' '$TMP/o' && grep -qx 'a b' '$TMP/o'"
	"$NSH" -c 'ip -j netns list' >"$TMP/o" 2>&1
	is "$ID: ip -j netns list is JSON with the exact names" "$(python3 -c 'import json,sys
print(sorted(n["name"] for n in json.load(open(sys.argv[1])) if n["name"].startswith("a")))' "$TMP/o")" \
		"['a\\tb', 'a\\nb', 'a b']"
	for _n in "$(printf 'a\nb')" "$(printf 'a\tb')" 'a b'; do ip netns del "$_n"; done
}
c_a7() {
	ok "$ID: ñandú is a name" "$NSH" -c 'ip netns add ñandú'
	is "$ID: … a namespace" "$(kind /run/netns/ñandú)" nsfs
	ip netns del ñandú
	ip netns add "$(printf 'e\033[2Jx')"
	ip netns add "$(printf 'r\342\200\256x')"
	"$NSH" -c 'ip netns list' >"$TMP/o" 2>&1
	"$NSH" -c 'show' >>"$TMP/o" 2>&1
	"$NSH" -c "ip netns exec '$(printf 'r\342\200\256y')' true" >>"$TMP/o" 2>&1
	is "$ID: no raw ESC or U+202E in list, show, errors" \
		"$(grep -c "$(printf '\033\|\342\200\256')" "$TMP/o")" 0
	ok "$ID: … they are there escaped" grep -q 'r\\u202ex' "$TMP/o"
	ip netns del "$(printf 'e\033[2Jx')"
	ip netns del "$(printf 'r\342\200\256x')"
}
c_a8() {
	for _k in list help all default exec; do
		ok "$ID: 'ip netns add $_k' makes $_k" "$NSH" -c "ip netns add $_k"
	done
	is "$ID: … five namespaces" "$(for _k in list help all default exec; do kind /run/netns/$_k; done | sort -u)" nsfs
	ok "$ID: 'ip netns del all' deletes the one named all" "$NSH" -c 'ip netns del all'
	is "$ID: … and only it" "$(ls /run/netns | sort | tr '\n' ' ')" "default exec help list ns1 ns2 "
	for _k in list help default exec; do ip netns del $_k; done
}
c_a10() {
	_ps=
	for _i in $(seq 20); do
		"$NSH" -c 'ip netns add par' >/dev/null 2>&1 &
		_ps="$_ps $!"
	done
	_okn=0
	for _p in $_ps; do wait "$_p" && _okn=$((_okn + 1)); done
	is "$ID: exactly one of 20 succeeds" "$_okn" 1
	is "$ID: one mount" "$(grep -c ' /run/netns/par ' /proc/self/mountinfo)" 1
	ip netns del par
}
c_a12() {
	ip link add x12 type veth peer name x12p
	ip -n ns2 link add x12 type veth peer name x12q
	refuses "ip link set x12 netns ns2 (ns2 has an x12)" 'ip link set x12 netns ns2' \
		"^ip link set: 'x12': .*(ns2|target)"
	ip link del x12
	ip -n ns2 link del x12
}

# --- B
c_b9() {
	ok "$ID: ::ffff:10.0.0.1/96" "$NSH" -c 'ip addr add ::ffff:10.0.0.1/96 dev v1'
	like "$ID: … is on v1" "$(ip -j addr show dev v1)" '"local":"::ffff:10.0.0.1","prefixlen":96'
	ip addr del ::ffff:10.0.0.1/96 dev v1
}

c_b5() {
	"$NSH" -c 'ip addr add 10.8/16 dev v1' >/dev/null 2>"$TMP/e"
	is "$ID: 10.8/16 is read as iproute2 reads it: 10.8.0.0/16 on v1" \
		"$? $(ip -j addr show dev v1 | python3 -c 'import json,sys; print("10.8.0.0/16" in [a["local"] + "/" + str(a["prefixlen"]) for a in json.load(sys.stdin)[0]["addr_info"]])')" \
		"0 True"
	ip addr del 10.8.0.0/16 dev v1 2>/dev/null
}

# --- C
c_c1() {
	ip link add c1a type veth peer name c1b netns ns1
	nsh_i_start
	ask 'show' >/dev/null
	is "$ID: the model has c1a" "$(model_has c1a)" True
	ask 'ip -n ns1 link del c1b' >/dev/null
	wait_gone c1a
	ok "$ID: the kernel took c1a too" sh -c '! ip link show c1a 2>/dev/null'
	is "$ID: … and so did the model (no ghost)" "$(model_until c1a False)" False
	nsh_i_stop
}
c_c2() {
	ip link add c2br type bridge
	ip link add c2a type veth peer name c2ap
	ip link add c2b type veth peer name c2bp
	ip link set c2a master c2br
	ip link set c2b master c2br
	"$NSH" -c 'ip link del c2br' >"$TMP/o" 2>"$TMP/e"
	is "$ID: deleted, stdout as iproute2's (empty)" "$? $(wc -c <"$TMP/o")" "0 0"
	is "$ID: one note names the released ports" "$(cat "$TMP/e")" \
		"ip link delete: note: c2br deleted; released ports c2a, c2b"
	is "$ID: the ports stay, without master" \
		"$(ip -j link show c2a; ip -j link show c2b)" \
		"$(ip -j link show c2a | grep -v master; ip -j link show c2b | grep -v master)"
	ok "$ID: … both there" sh -c 'ip link show c2a && ip link show c2b'
	ip link add c2br type bridge
	ip link set c2a master c2br
	printf 'ip link del c2br\n' >"$TMP/c2.nsh"
	"$NSH" -f "$TMP/c2.nsh" 2>"$TMP/e"
	is "$ID: in a script, FILE:LINE: first" "$(cat "$TMP/e")" \
		"$TMP/c2.nsh:1: ip link delete: note: c2br deleted; released ports c2a"
	ip link add c2br type bridge
	"$NSH" -c 'ip link del c2br' 2>"$TMP/e"
	is "$ID: no note for a bridge without ports" "$(cat "$TMP/e")" ""
	ip link del c2a
	ip link del c2b
}
c_c4() {
	ip link add c4br type bridge
	ip link add c4a type veth peer name c4b
	ip link set c4a master c4br
	ip link set c4a up
	ip addr add 10.4.0.1/24 dev c4a
	ok "$ID: nsh moves it" "$NSH" -c 'ip link set c4a netns ns2'
	_j=$(ip -n ns2 -j addr show c4a)
	is "$ID: it arrives down, with no address and no master" \
		"$(printf '%s' "$_j" | python3 -c 'import json,sys; l=json.load(sys.stdin)[0]
print("UP" in l["flags"], "master" in l, [a["local"] for a in l["addr_info"] if a["family"]=="inet"])')" \
		"False False []"
	ip -n ns2 link del c4a
	ip link del c4br
}
c_c6() {
	: >/run/netns/stale6
	chmod 0 /run/netns/stale6
	refuses "ip link set v1 netns stale6 (a plain file)" 'ip link set v1 netns stale6' \
		"'stale6': stale entry in /run/netns"
	rm -f /run/netns/stale6
}
c_c8() {
	for _i in $(seq 30); do
		echo "ip netns add r8"
		echo "ip link add r8a type veth peer name r8b netns r8"
		echo "ip netns del r8"
	done >"$TMP/c8.nsh"
	ok "$ID: 30 times add, veth into it, delete: every line succeeds" "$NSH" -f "$TMP/c8.nsh"
	wait_gone r8a
}
c_c9() {
	(while :; do ip link add c9x type bridge; ip link del c9x; done) >/dev/null 2>&1 &
	_churn=$!
	_bad=0
	for _i in $(seq 30); do
		"$NSH" -c 'ip -j link show' 2>/dev/null | python3 -c 'import json,sys
assert any(l["ifname"] == "v1" for l in json.load(sys.stdin))' 2>/dev/null || _bad=$((_bad + 1))
	done
	kill "$_churn"; wait "$_churn" 2>/dev/null
	ip link del c9x 2>/dev/null
	is "$ID: 30 dumps under churn, each whole JSON with v1" "$_bad" 0
}

# --- D
c_d1() {
	ip netns add d1
	ip link add d1a type veth peer name d1b netns d1
	ip netns exec d1 sleep 100 &
	_p=$!
	sleep 0.1
	"$NSH" -c 'ip netns del d1' 2>"$TMP/e"
	is "$ID: the name goes (status 0)" "$? $(ls /run/netns | grep -c d1)" "0 0"
	like "$ID: a warning names the process" "$(cat "$TMP/e")" "warning: .*still hold.*$_p \\(sleep\\)"
	ok "$ID: … whose namespace keeps d1a meanwhile" ip link show d1a
	kill "$_p"; wait "$_p" 2>/dev/null
	wait_gone d1a
}
c_d2() {
	nsh_i_start
	ask 'ip netns add d2' >/dev/null
	ask 'ip link add d2a type veth peer name d2b netns d2' >/dev/null
	ask 'ip -n d2 link set lo up' >/dev/null
	ask 'ip netns del d2' >/dev/null
	wait_gone d2a
	ok "$ID: within 2 s of the deletion nsh holds nothing of it (d2a went with it)" \
		sh -c '! ip link show d2a 2>/dev/null'
	nsh_i_stop
}
# at the prompt, in tmux (tests/tmux.sh)
tmux_start() {
	. "$top_srcdir/tests/tmux.sh"
	tm new-session -d -x 150 -y 40 "$NSH"
	wait_pane '^nsh>'
}
tmux_line() { type_ "$1"; tm send-keys Enter; }
tmux_stop() { tm kill-server 2>/dev/null; }
c_d3() {
	ip netns add d3
	tmux_start
	tmux_line 'enter d3'
	wait_pane '^nsh\[d3\]>'
	ip netns del d3
	tmux_line 'ip -o link show lo'
	ok "$ID: the prompt says the namespace was deleted" wait_pane '^nsh\[d3 \(deleted\)\]>'
	like "$ID: … once, in a line" "$(pane)" '^d3 was deleted outside nsh; you are still inside it \(leave to go back\)$'
	tmux_line 'leave'
	ok "$ID: leave returns to the host" wait_pane '^nsh>$'
	tmux_line 'exit'
	tmux_stop
}
c_d4() {
	nsh_i_start
	ask 'show' >/dev/null
	ip link add d4x type bridge
	is "$ID: an external add reaches the model" "$(model_until d4x True)" True
	ip link set d4x name d4y
	is "$ID: … a rename" "$(model_until d4y True) $(model_has d4x)" "True False"
	ip link del d4y
	is "$ID: … a delete" "$(model_until d4y False)" False
	ip netns add d4ns
	like "$ID: … a namespace" "$(ask 'ip netns list')" 'd4ns'
	ip netns del d4ns
	nsh_i_stop
}
c_d5() {
	: >/run/netns/stale5
	chmod 0 /run/netns/stale5
	like "$ID: ip netns list marks it" "$("$NSH" -c 'ip netns list')" '^stale5 \(stale: '
	refuses "ip netns add stale5 suggests the repair" 'ip netns add stale5' \
		"'stale5': a stale entry .*'ip netns delete stale5'"
	ok "$ID: ip netns del removes it" "$NSH" -c 'ip netns del stale5'
	ok "$ID: … gone" test ! -e /run/netns/stale5
}
c_d6() {
	unshare --mount --propagation private ip netns add d6
	is "$ID: (made in a private mount namespace: a plain file here)" "$(kind /run/netns/d6)" tmpfs
	refuses "ip netns exec d6 true: a stale entry" 'ip netns exec d6 true' "'d6': stale entry"
	ok "$ID: removable" "$NSH" -c 'ip netns del d6'
}
c_d7() {
	ip netns exec ns2 "$NSH" -c 'ip netns add d7' 2>"$TMP/e"
	is "$ID: nsh under ip netns exec: ip netns add d7 (status, stderr)" "$? $(cat "$TMP/e")" "0 "
	is "$ID: … outside it is a namespace (nsfs), not a 0-byte file" "$(kind /run/netns/d7)" nsfs
	ok "$ID: … iproute2 can use it from outside" ip netns exec d7 true
	is "$ID: … one mount" "$(grep -c ' /run/netns/d7 ' /proc/self/mountinfo)" 1
	ok "$ID: … nsh deletes it" "$NSH" -c 'ip netns del d7'
	# orphaned (its parents gone), nsh cannot find where /run/netns comes
	# from: it refuses, leaving nothing
	rm -f "$TMP/d7.rc"
	( ip netns exec ns2 sh -c "sleep 0.3; \"\$0\" -c 'ip netns add d7o' 2>'$TMP/d7.err'; echo \$? >'$TMP/d7.rc'" "$NSH" & ) </dev/null
	_i=0; while [ ! -s "$TMP/d7.rc" ] && [ $_i -lt 200 ]; do sleep 0.02; _i=$((_i + 1)); done
	is "$ID: orphaned: refused in one line, no entry" \
		"$(cat "$TMP/d7.rc") $(wc -l <"$TMP/d7.err") $(test -e /run/netns/d7o && echo left)" "1 1 "
	like "$ID: … saying why" "$(cat "$TMP/d7.err")" "'d7o': /run/netns here is a copy of another mount namespace's"
}
c_d8() {
	# each state in a mount namespace of its own; nsh adds a namespace,
	# iproute2 uses it, mountinfo grows by the entry (and the directory)
	_try='n0=$(grep -c " /run/netns" /proc/self/mountinfo)
		"$NSH" -c "ip netns add d8" 2>&1 && ip netns exec d8 true && echo "usable +$(($(grep -c " /run/netns" /proc/self/mountinfo) - n0))"'
	is "$ID: (a) absent" "$(nest "$_try")" "usable +2"
	is "$ID: (b) a plain directory" "$(nest "mkdir /run/netns; $_try")" "usable +2"
	is "$ID: (c) a shared self-bind" "$(nest "mkdir /run/netns; mount --bind /run/netns /run/netns; mount --make-shared /run/netns; $_try")" "usable +1"
	is "$ID: (d) a private self-bind" "$(nest "mkdir /run/netns; mount --bind /run/netns /run/netns; mount --make-private /run/netns; $_try")" "usable +1"
	is "$ID: (f) a tmpfs over it" "$(nest "mkdir /run/netns; mount -t tmpfs tmpfs /run/netns; $_try")" "usable +1"
	_o=$(nest "mount -o remount,ro /run; \"\$NSH\" -c 'ip netns add d8'; echo \"rc=\$?\"" 2>&1)
	like "$ID: (h) read-only /run: one line, why" "$_o" "^ip netns add: cannot create /run/netns: Read-only file system
rc=1$"
}
c_d9() {
	_o=$(nest 'n0=$(grep -c " /run/netns" /proc/self/mountinfo)
		for i in 1 2 3 4 5; do
			{ "$NSH" -c "ip netns add c$i" || echo x >>/run/failed; } &
			{ ip netns add i$i || echo x >>/run/failed; } &
		done
		wait
		echo "failed=$(cat /run/failed 2>/dev/null | wc -l) mounts=$(($(grep -c " /run/netns" /proc/self/mountinfo) - n0)) entries=$(ls /run/netns | wc -l)"')
	is "$ID: all 10 succeed; 10 mounts and the directory's" "$_o" "failed=0 mounts=11 entries=10"
}
c_d10() {
	"$NSH" -c 'ip link add d10a type bridge' &
	_pa=$!
	"$NSH" -c 'ip link add d10b type bridge' &
	_pb=$!
	wait $_pa; wait $_pb
	ok "$ID: session A's journal has d10a, not d10b" \
		sh -c "grep -q d10a /run/nsh/$_pa.journal && ! grep -q d10b /run/nsh/$_pa.journal"
	ok "$ID: session B's journal has d10b, not d10a" \
		sh -c "grep -q d10b /run/nsh/$_pb.journal && ! grep -q d10a /run/nsh/$_pb.journal"
	ok "$ID: cleanup removes both sessions' bridges" "$NSH" -c cleanup
	ok "$ID: … gone, the rest untouched (the fixture check follows)" \
		sh -c '! ip link show d10a 2>/dev/null && ! ip link show d10b 2>/dev/null'
}
c_d11() {
	sleep 100 &
	_p=$!
	ln -s /proc/$_p/ns/net /run/netns/d11a
	ln -s /proc/999999/ns/net /run/netns/d11b
	_o=$("$NSH" -c 'ip netns list')
	like "$ID: a live symlink: its target" "$_o" "^d11a \\(symlink to /proc/$_p/ns/net\\)$"
	like "$ID: a dangling one: says so" "$_o" '^d11b \(symlink to /proc/999999/ns/net, which does not exist\)$'
	like "$ID: -j too" "$("$NSH" -c 'ip -j netns list')" '"name":"d11b","symlink":"/proc/999999/ns/net","dangling":true'
	kill $_p; wait $_p 2>/dev/null
	like "$ID: once the process is gone, dangling" "$("$NSH" -c 'ip netns list')" "^d11a .*which does not exist\\)$"
	rm -f /run/netns/d11a /run/netns/d11b
}
c_d12() {
	# Linux >= 3.18 detaches the copies in other mount namespaces
	# (unlink gives EBUSY only for a mount in the caller's): the name
	# goes, and so does the namespace
	ip netns add d12
	ip link add d12a type veth peer name d12b netns d12
	unshare --mount --propagation private sleep 100 &
	_h=$!
	sleep 0.2
	ok "$ID: another mount namespace has it mounted: del works" "$NSH" -c 'ip netns del d12'
	wait_gone d12a
	ok "$ID: … and the namespace is gone (its veth with it)" sh -c '! ip link show d12a 2>/dev/null'
	kill $_h; wait $_h 2>/dev/null
	# mounted twice here: umount takes one, unlink meets EBUSY
	ip netns add d12
	mount --bind /run/netns/d12 /run/netns/d12
	refuses "ip netns del d12 mounted twice: EBUSY" 'ip netns del d12' \
		"'d12': /run/netns/d12 is mounted more than once"
	umount /run/netns/d12
	ip netns del d12
}
c_d13() {
	ip netns add d13
	ip -n ns2 link add d13p type veth peer name d13q netns d13
	nsh_i_start
	ask 'show' >/dev/null
	is "$ID: the model has ns2's d13p" "$(model_has d13p)" True
	ask 'ip netns del d13' >/dev/null
	wait_gone d13p ns2
	is "$ID: after deleting d13, neither kernel nor model has ns2's d13p" \
		"$(ip -n ns2 link show d13p 2>/dev/null | wc -l) $(model_until d13p False)" "0 False"
	nsh_i_stop
}

# --- E
c_e1() {
	"$NSH" -c 'ip netns exec ns1 sleep 100; echo after $?' >"$TMP/o" 2>&1 &
	_n=$!
	_i=0; _s=
	while [ -z "$_s" ] && [ $_i -lt 100 ]; do
		_s=$(pgrep -P "$_n" -x sleep); sleep 0.02; _i=$((_i + 1))
	done
	kill -INT "$_s"
	wait "$_n"
	# (nsh -c takes a program's SIGINT as a Ctrl-C, which at a terminal
	# reaches nsh too: the line stops there, status 130)
	is "$ID: nsh -c: SIGINT to the program: status 130, the line stops" "$? $(cat "$TMP/o")" "130 "
	# at the prompt: Ctrl-C reaches the program, the terminal is as it was
	tmux_start
	tmux_line 'stty -g'
	tmux_line 'ip netns exec ns1 sleep 100'
	sleep 0.3
	tm send-keys C-c
	tmux_line 'echo status $?'
	ok "$ID: Ctrl-C at the prompt: status 130" wait_pane '^status 130$'
	tmux_line 'stty -g'
	sleep 0.3
	is "$ID: … terminal modes as before (stty -g)" \
		"$(pane | grep -E '^[0-9a-f]+(:[0-9a-f]+){10,}$' | uniq | wc -l)" 1
	tmux_line 'exit'
	tmux_stop
}
# sig_trials SIG: 5 trials of SIG at a random moment of 300 netns adds:
# never a 0-byte entry
sig_trials() {
	for _i in $(seq 300); do echo "ip netns add s_$_i"; done >"$TMP/sig.nsh"
	_bad=
	for _t in 1 2 3 4 5; do
		"$NSH" -f "$TMP/sig.nsh" >/dev/null 2>&1 &
		_p=$!
		sleep "0.$(( (_t * 7919) % 30 + 5 ))"
		kill -"$1" $_p; wait $_p 2>/dev/null
		for _e in /run/netns/s_*; do
			[ -e "$_e" ] || continue
			[ "$(kind "$_e")" = nsfs ] || _bad="$_bad $(basename "$_e")"
			umount -l "$_e" 2>/dev/null; rm -f "$_e"
		done
	done
	is "$ID: SIG$1 x5 during netns adds: no entry that is not a namespace" "$_bad" ""
	rm -f /run/nsh/*.journal
}
c_e2() { sig_trials INT; }
c_e3() { sig_trials TERM; sig_trials HUP; }
c_e4() {
	{
		for _i in 1 2 3 4 5 6 7 8; do
			echo "ip netns add k$_i"
			echo "ip link add kv$_i type veth peer name kp$_i netns k$_i"
			echo "ip link add kb$_i type bridge"
			echo "ip link set kv$_i master kb$_i"
		done
	} >"$TMP/k.nsh"
	_bad=0
	for _t in 1 2 3 4 5; do
		"$NSH" -f "$TMP/k.nsh" >/dev/null 2>&1 &
		_p=$!
		sleep "0.0$(( (_t * 7) % 9 + 1 ))"
		kill -KILL $_p; wait $_p 2>/dev/null
		"$NSH" -c cleanup >/dev/null 2>&1
		settle
		snap | cmp -s "$TMP/fixture" - || _bad=$((_bad + 1))
	done
	is "$ID: 5 SIGKILLs then cleanup: nothing left, the fixture untouched" "$_bad" 0
}
c_e5() {
	is "$ID: fds of a program" "$("$NSH" -c "ip netns exec ns1 sh -c 'ls /proc/\$\$/fd'" | tr '\n' ' ')" "0 1 2 "
}
c_e6() {
	is "$ID: no signal ignored or blocked" \
		"$("$NSH" -c "ip netns exec ns1 grep -E '^Sig(Blk|Ign)' /proc/self/status" | awk '{print $2}' | tr '\n' ' ')" \
		"0000000000000000 0000000000000000 "
	is "$ID: yes | head -1 ends" "$(timeout 10 "$NSH" -c 'ip netns exec ns1 yes | head -1')" y
}
c_e7() {
	: >"$TMP/noexec"
	chmod 644 "$TMP/noexec"
	for _c in "/nonexistent/prog:127" "$TMP/noexec:126" "$TMP:126"; do
		"$NSH" -c "ip netns exec ns1 ${_c%:*}" >/dev/null 2>"$TMP/e"
		is "$ID: ${_c%:*}: status ${_c##*:}, one line" "$? $(wc -l <"$TMP/e")" "${_c##*:} 1"
	done
}
c_e8() {
	is "$ID: --clean-env: only PATH HOME TERM LANG USER" \
		"$(env LD_FOO=1 BASH_ENV=/x IFS=x "$NSH" --clean-env -c 'ip netns exec ns1 env' | cut -d= -f1 | sort | grep -vxE 'PATH|HOME|TERM|LANG|USER')" ""
}
c_e9() {
	is "$ID: --user nobody: the program's uid" "$("$NSH" --user nobody -c 'ip netns exec ns1 id -u')" "$(id -u nobody)"
}
c_e10() {
	is "$ID: no resolver function in nsh" "$(nm -D "$NSH" 2>/dev/null | grep -cE ' U (getaddrinfo|gethostbyname|getnameinfo|res_)')" 0
}
c_e11() {
	nsh_i_start
	ask 'ip netns list' >/dev/null
	like "$ID: Threads: 1" "$(grep Threads /proc/$NSHPID/status)" 'Threads:[[:space:]]1$'
	nsh_i_stop
}
c_e12() {
	nsh_i_start
	ask 'ip netns add e12' >/dev/null
	ask 'ip link add e12a type veth peer name e12b netns e12' >/dev/null
	ask 'ip netns exec e12 sleep 100 &' >/dev/null
	sleep 0.2
	_o=$(ask 'ip netns del e12')
	like "$ID: del names the background program still holding it" "$_o" 'still hold.*[0-9]+ \(sleep\)'
	_p=$(printf '%s' "$_o" | sed -n 's/.* \([0-9][0-9]*\) (sleep).*/\1/p')
	[ -n "$_p" ] && kill "$_p"
	nsh_i_stop
	wait_gone e12a
}

# --- F
c_f1() {
	printf 'ip netns add f1\r\nip netns add f1b\r\n' >"$TMP/f1.nsh"
	ok "$ID: a CRLF script runs" "$NSH" -f "$TMP/f1.nsh"
	is "$ID: … names without \\r" "$(ls /run/netns | grep ^f1 | od -c | grep -c '\\r')" 0
	ip netns del f1; ip netns del f1b
}
c_f2() {
	printf '\357\273\277ip netns add f2\n' >"$TMP/f2.nsh"
	ok "$ID: a BOM script runs" "$NSH" -f "$TMP/f2.nsh"
	is "$ID: … f2 made" "$(kind /run/netns/f2)" nsfs
	ip netns del f2
}
c_f1cr() {
	printf 'ip netns\radd f1x\n' >"$TMP/f1x.nsh"
	"$NSH" -f "$TMP/f1x.nsh" >/dev/null 2>"$TMP/e"
	is "$ID: refused at FILE:1, nothing made" "$? $(grep -c 'f1x.nsh:1: ' "$TMP/e") $(test -e /run/netns/f1x && echo made)" "1 1 "
	ip netns del f1x 2>/dev/null
}
c_f3() {
	{ echo 'ip netns add f3'; printf 'ip link add %s type bridge\n' "$(head -c 2097152 /dev/zero | tr '\0' x)"; } >"$TMP/f3.nsh"
	"$NSH" -f "$TMP/f3.nsh" >/dev/null 2>"$TMP/e"
	is "$ID: a 2 MiB line: refused, one line, FILE:2, nothing ran" \
		"$? $(wc -l <"$TMP/e") $(grep -c "f3.nsh:2: " "$TMP/e") $(test -e /run/netns/f3 && echo ran)" "1 1 1 "
	is "$ID: … a short message" "$(wc -c <"$TMP/e" | awk '{print ($1 < 300)}')" 1
	printf 'ip netns add f3c' >"$TMP/f3c.nsh"
	ok "$ID: no final newline: the line runs" "$NSH" -f "$TMP/f3c.nsh"
	ip netns del f3c
}
c_f6() {
	printf 'ip netns add f6a\nip netns add f6b\nip link set nosuch6 up\nip netns add f6c\n' >"$TMP/f6.nsh"
	"$NSH" -f "$TMP/f6.nsh" 2>"$TMP/e"
	is "$ID: stops at line 3, says FILE:3, lines 1-2 made, line 4 not" \
		"$? $(grep -c 'f6.nsh:3: ' "$TMP/e") $(ls /run/netns | grep ^f6 | tr '\n' ' ')" "1 1 f6a f6b "
	ip netns del f6a; ip netns del f6b
}
c_f7() {
	printf 'ip netns list\n%s -f %s\n' "$NSH" "$TMP/f7.nsh" >"$TMP/f7.nsh"
	timeout 20 env NSH_DEPTH_TEST=1 "$NSH" -f "$TMP/f7.nsh" >/dev/null 2>"$TMP/e"
	_rc=$?
	is "$ID: a script that runs itself ends, failing (not killed by timeout)" \
		"$([ $_rc != 0 ] && [ $_rc != 124 ] && echo bounded)" bounded
	is "$ID: … no nsh left behind" "$(mine -x nsh | wc -l)" 0
}
c_f8() {
	_crash=0
	for _s in $(seq 100); do
		python3 -c 'import random,sys
r = random.Random(int(sys.argv[1]))
sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(r.randrange(1, 300))))' "$_s" >"$TMP/f8.nsh"
		timeout 10 "$NSH" -f "$TMP/f8.nsh" >/dev/null 2>&1
		_rc=$?
		# 124: timeout; above 128: a signal (126, 127: a program line)
		if [ $_rc = 124 ] || [ $_rc -gt 128 ]; then
			_crash=$((_crash + 1)); echo "# seed $_s: status $_rc"
		fi
	done
	is "$ID: 100 random byte files: no crash, no hang" "$_crash" 0
}
c_f9() {
	mkfifo "$TMP/f9.fifo"
	timeout 5 "$NSH" -f "$TMP/f9.fifo" >/dev/null 2>"$TMP/e"
	is "$ID: a FIFO: refused, not read (one line)" "$? $(wc -l <"$TMP/e")" "1 1"
	timeout 5 "$NSH" -f /dev/zero >/dev/null 2>"$TMP/e"
	is "$ID: /dev/zero: refused (one line)" "$? $(wc -l <"$TMP/e")" "1 1"
	timeout 5 "$NSH" -f "$TMP" >/dev/null 2>"$TMP/e"
	is "$ID: a directory: refused (one line)" "$? $(wc -l <"$TMP/e")" "1 1"
	printf 'ip netns add f9w\n' >"$TMP/f9w.nsh"
	chmod 666 "$TMP/f9w.nsh"
	"$NSH" -f "$TMP/f9w.nsh" >/dev/null 2>"$TMP/e"
	like "$ID: a world-writable script: a warning" "$(cat "$TMP/e")" 'warning: anyone may write this script'
	ip netns del f9w 2>/dev/null
}
c_f9link() {
	printf 'root:s3cr3tHASH:19000:0:99999:7:::\n' >"$TMP/shadow"
	chmod 640 "$TMP/shadow"	# as /etc/shadow
	ln -s "$TMP/shadow" "$TMP/f9.nsh"
	"$NSH" -f "$TMP/f9.nsh" >/dev/null 2>"$TMP/e"
	is "$ID: a symlink to a secret: refused, its content not echoed" \
		"$([ $? -ne 0 ] && echo refused) $(grep -c s3cr3t "$TMP/e")" "refused 0"
	rm -f "$TMP/f9.nsh"
}
c_f10() {
	is "$ID: quotes, ; and \$( ) reach the program as written" \
		"$("$NSH" -c "ip netns exec ns1 printf %s 'a;b \$(id) \`id\`'")" 'a;b $(id) `id`'
}
c_f11() {
	ok "$ID: ip netns a f11 adds" "$NSH" -c 'ip netns a f11'
	is "$ID: … f11" "$(kind /run/netns/f11)" nsfs
	like "$ID: ip netns l lists" "$("$NSH" -c 'ip netns l')" '^f11'
	ok "$ID: ip netns d f11 deletes" "$NSH" -c 'ip netns d f11'
	ok "$ID: … gone" test ! -e /run/netns/f11
}

# --- G
c_g1() {
	_m=$(wc -l </proc/self/mountinfo)
	for _i in $(seq 300); do echo "ip netns add g1_$_i"; done >"$TMP/g1.nsh"
	ok "$ID: 300 namespaces in one script" "$NSH" -f "$TMP/g1.nsh"
	is "$ID: … 300 namespaces, 300 mounts" \
		"$(for _e in /run/netns/g1_*; do kind "$_e"; done | sort | uniq -c | tr -s ' ') $(( $(wc -l </proc/self/mountinfo) - _m ))" \
		" 300 nsfs 300"
	sed 's/ add / del /' "$TMP/g1.nsh" >"$TMP/g1d.nsh"
	ok "$ID: … deleted in one script" "$NSH" -f "$TMP/g1d.nsh"
	is "$ID: … none left" "$(ls /run/netns | grep -c ^g1_)" 0
}
c_g2() {
	for _i in $(seq 100); do
		echo "ip netns add g2_$_i"; echo "ip -n g2_$_i link set lo up"
	done >"$TMP/g2.nsh"
	sed 's/ add / del /; /link set/d' "$TMP/g2.nsh" >>"$TMP/g2.nsh"
	ok "$ID: ulimit -n 40: 100 namespaces used and deleted" sh -c "ulimit -n 40 && \"\$0\" -f '$TMP/g2.nsh'" "$NSH"
	is "$ID: … none left" "$(ls /run/netns | grep -c ^g2_)" 0
}
c_g3() {
	# the limit of a user namespace of its own (the host's stays)
	_o=$(unshare --user --map-root-user --mount --propagation private sh -c \
		'mount -t tmpfs tmpfs /run && echo 0 >/proc/sys/user/max_net_namespaces &&
		 "$0" -c "ip netns add g3" 2>&1; echo "rc=$? left=$(ls /run/netns)"' "$NSH")
	is "$ID: refused in one line naming the sysctl, no entry left" "$_o" \
		"ip netns add: 'g3': cannot create a network namespace: No space left on device (see user.max_net_namespaces)
rc=1 left="
}
c_g4() {
	nsh_i_start
	ask 'show' >/dev/null
	for _i in $(seq 1000); do echo "link add g4_$_i type bridge"; done >"$TMP/g4.batch"
	ip -batch "$TMP/g4.batch"
	_i=0
	until [ "$(ask 'show -j' | grep -o '"name":"g4_' | wc -l)" = 1000 ] || [ $_i -ge 50 ]; do
		sleep 0.1; _i=$((_i + 1))
	done
	is "$ID: 1000 links made at once: all in the model" "$(ask 'show -j' | grep -o '"name":"g4_' | wc -l)" 1000
	sed 's/ add / del /; s/ type bridge//' "$TMP/g4.batch" >"$TMP/g4d.batch"
	ip -batch "$TMP/g4d.batch"
	_i=0
	until [ "$(ask 'show -j' | grep -o '"name":"g4_' | wc -l)" = 0 ] || [ $_i -ge 50 ]; do
		sleep 0.1; _i=$((_i + 1))
	done
	is "$ID: … and all gone from it" "$(ask 'show -j' | grep -o '"name":"g4_' | wc -l)" 0
	nsh_i_stop
}
c_g6() {
	unshare --user --map-root-user "$NSH" -c 'ip netns add g6' >"$TMP/o" 2>"$TMP/e"
	is "$ID: rootless: refused in one line, nothing made" \
		"$? $(wc -l <"$TMP/e") $(test -e /run/netns/g6 && echo made)" "1 1 "
	like "$ID: … saying why" "$(cat "$TMP/e")" '(user namespace|rootless|not permitted|--sandbox)'
}
c_g8() {
	is "$ID: read-only /sys: ip netns exec works" \
		"$(unshare --mount --propagation private sh -c 'mount -o remount,bind,ro /sys && "$0" -c "ip netns exec ns1 ip -o link show lo" >/dev/null 2>&1; echo $?' "$NSH")" 0
}
c_g9() {
	mkdir "$TMP/etc"
	cp -a /etc/. "$TMP/etc" 2>/dev/null
	mkdir -p "$TMP/etc/netns/ns1"
	echo x >"$TMP/etc/netns/ns1/nsh-no-such-file"
	_o=$(unshare --mount --propagation private sh -c 'mount --bind "$1" /etc && "$0" -c "ip netns exec ns1 echo ran" 2>&1; echo "rc=$?"' "$NSH" "$TMP/etc")
	like "$ID: a warning names the file" "$_o" 'nsh-no-such-file'
	like "$ID: … and the program runs" "$_o" '^ran$'
	rm -rf "$TMP/etc"
}
