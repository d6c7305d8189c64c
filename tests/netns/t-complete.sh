#!/bin/sh
# TAB completion and `?` help, read from the live model.
#
# Without a terminal through the hidden `complete WORDS…` command (one
# "word<TAB>help" line per candidate), then the issue's acceptance in a real
# terminal: nsh --sandbox at a readline prompt inside tmux, driven by
# send-keys and read back with capture-pane.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

# words LINE…: the candidate words of `complete LINE`, sorted, on one line
words() {
	"$NSH" -c "complete $*" | cut -f1 | LC_ALL=C sort | tr '\n' ' ' |
		sed 's/ $//'
}
# names LINE…: the same without placeholders (IFNAME, NSREF…) and `dev`,
# i.e. the names the model offers
names() {
	"$NSH" -c "complete $*" | cut -f1 | grep -Ev '^([A-Z]+|dev)$' |
		LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}

# ---------------------------------------------------------------- keywords
is "keyword by prefix: ip netns e -> exec" "$(words ip netns e)" "exec"
is "keyword by prefix: ip li -> link" "$(words ip li)" "link"
is "a program's arguments complete as files" \
	"$("$NSH" -c "complete ping ''")" "$(printf 'FILE\ta file name')"
is "so do those of a program run in a namespace" \
	"$(words ip netns exec ns1 ping "''")" "FILE"

# ---------------------------------------------------------------- links
ip link add veth-a type veth peer name veth-b
ip link add br0 type bridge
ip link add br1 type bridge
# one more host link, not a bridge: a veth whose peer lives in a process's
# namespace (no ifb or dummy: loading those modules creates devices in the
# real host's namespace)
unshare --net sleep 600 &
PEERPID=$!
sleep 0.1
ip link add ifb0 type veth peer name ifb0p netns "$PEERPID"
is "ip link set '' offers every host link" "$(names ip link set "''")" \
	"br0 br1 ifb0 lo veth-a veth-b"
is "… and the optional keyword dev, and the placeholder" \
	"$("$NSH" -c "complete ip link set ''" | cut -f1 | grep -E '^([A-Z]+|dev)$' | LC_ALL=C sort | tr '\n' ' ')" \
	"DEV dev "
is "each link with its kind as help" \
	"$("$NSH" -c "complete ip link set ''" | grep -E '^(veth-a|br0|lo)	' | LC_ALL=C sort)" \
	"$(printf 'br0\tbridge\nlo\tlink\nveth-a\tveth')"
is "ip link set ve -> veth-a veth-b" "$(words ip link set ve)" "veth-a veth-b"
is "ip link set veth-b -> only itself" "$(words ip link set veth-b)" "veth-b"
is "ip link del i -> the link ifb0" "$(words ip link del i)" "ifb0"
w=$(words ip link set veth-a "''")
for k in up down netns master nomaster mtu name address; do
	like "after a link, the keyword $k may follow" "$w" "(^| )$k( |\$)"
done
unlike() { # DESC GOT REGEX: GOT must not match
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then
		_tap 1 "$1"; printf '%s\n' "$2" | sed 's/^/#   got: /'
		echo "#  want no match for /$3/"
	else _tap 0 "$1"; fi
}
unlike "… and no link name" "$w" "veth|br0|lo"
is "master '' offers the bridges only" \
	"$(names ip link set veth-a master "''")" "br0 br1"
is "… with the placeholder BRIDGE" \
	"$(words ip link set veth-a master "''")" "BRIDGE br0 br1"
is "master b offers the bridges by prefix" \
	"$(names ip link set veth-a master b)" "br0 br1"
# iproute2 reads the word after `dev` as the link name: `ip link set dev
# up` names a link "up"; offering `up` there completes into an error
is "after 'ip link set dev' only link names (not the keyword up)" \
	"$(words ip link set dev "''")" "DEV br0 br1 ifb0 lo veth-a veth-b"

# ---------------------------------------------------------------- namespaces
ip netns add ns1
ip netns add ns2
ip link set veth-b netns ns1
is "ip netns exec '' offers the namespaces" \
	"$(names ip netns exec "''")" "ns1 ns2"
is "… with the placeholder NSREF" "$(words ip netns exec "''")" "NSREF ns1 ns2"
is "ip netns exec ns -> both" "$(names ip netns exec ns)" "ns1 ns2"
is "ip netns del n -> both" "$(names ip netns del n)" "ns1 ns2"
is "ip link set veth-a netns '' offers the namespaces" \
	"$(names ip link set veth-a netns "''")" "ns1 ns2"
is "host links no longer include the moved veth-b" \
	"$(names ip link set "''")" "br0 br1 ifb0 lo veth-a"
is "ip -n ns1 link set '' offers ns1's links" \
	"$(names ip -n ns1 link set "''")" "lo veth-b"
is "ip -n ns2 link set '' offers ns2's links" \
	"$(names ip -n ns2 link set "''")" "lo"
is "ip netns exec ns1 ip link set '' offers ns1's links" \
	"$(names ip netns exec ns1 ip link set "''")" "lo veth-b"
is "enter ns1 ip link set '' offers ns1's links" \
	"$(names enter ns1 ip link set "''")" "lo veth-b"
is "sudo ip netns exec ns1 ip link set v -> veth-b" \
	"$(names sudo ip netns exec ns1 ip link set v)" "veth-b"
is "ip netns exec ns1 ip link set veth-b master '': no bridge in ns1" \
	"$(words ip netns exec ns1 ip link set veth-b master "''")" "BRIDGE"
is "ip -n nosuch link set '' offers no link" \
	"$(words ip -n nosuch link set "''")" "DEV dev"

# a namespace may have several names, and the host one: each completes
touch /run/netns/alias1
mount --bind /run/netns/ns1 /run/netns/alias1
is "a second name of ns1 (a bind mount) completes ns1's links" \
	"$(names ip -n alias1 link set "''")" "lo veth-b"
is "… and its first name still does" "$(names ip -n ns1 link set "''")" \
	"lo veth-b"
ip netns attach hostns $$
is "a name of the host's namespace (ip netns attach) completes its links" \
	"$(names ip -n hostns link set "''")" "br0 br1 ifb0 lo veth-a"
ip netns del alias1
ip netns del hostns

# ---------------------------------------------------------------- live
# a long-running nsh -i; links and namespaces made by iproute2 in another
# process after it started must complete
nsh_i_start
# lnames LINE: ask's answer to `complete LINE` as names()
lnames() {
	ask "complete $1" | cut -f1 | grep -Ev '^([A-Z]+|dev)$' |
		LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
}
is "nsh -i: the host links" "$(lnames "ip link set ''")" \
	"br0 br1 ifb0 lo veth-a"
ip link add late-a type veth peer name late-b
is "a veth pair made by iproute2 after nsh started completes" \
	"$(lnames "ip link set late")" "late-a late-b"
ip link set late-a name renamed-a
is "a link renamed by iproute2 completes under its new name" \
	"$(lnames "ip link set ''")" "br0 br1 ifb0 late-b lo renamed-a veth-a"
ip link add br9 type bridge
is "a bridge made by iproute2 is offered after master" \
	"$(lnames "ip link set veth-a master ''")" "br0 br1 br9"
ip netns add ns3
ip link set late-b netns ns3
is "a namespace made by iproute2 after nsh started: its links" \
	"$(lnames "ip -n ns3 link set ''")" "late-b lo"
is "… and the host no longer offers the moved link" \
	"$(lnames "ip link set l")" "lo"
is "… and ip netns exec offers it" "$(lnames "ip netns exec ''")" \
	"ns1 ns2 ns3"
ip -n ns3 link set late-b name moved-b
is "a link renamed inside a namespace by iproute2" \
	"$(lnames "ip netns exec ns3 ip link set ''")" "lo moved-b"
ask "enter ns1" >/dev/null
is "after enter ns1, ip link set '' offers ns1's links" \
	"$(lnames "ip link set ''")" "lo veth-b"
ip -n ns1 link add in-ns1 type bridge
is "… including one iproute2 made there meanwhile" \
	"$(lnames "ip link set i")" "in-ns1"
ask "leave" >/dev/null
is "after leave, the host's again" "$(lnames "ip link set ''")" \
	"br0 br1 br9 ifb0 lo renamed-a veth-a"
ip netns del ns3
is "a namespace deleted by iproute2: no links offered" \
	"$(ask "complete ip -n ns3 link set ''" | cut -f1 | LC_ALL=C sort | tr '\n' ' ')" \
	"DEV dev "
is "… nor the namespace" "$(lnames "ip netns exec ''")" "ns1 ns2"
ask "spawn lab7" >/dev/null
for w in "enter" "why" "show path" "ip netns exec" "ip link set veth-a netns" "kill"; do
	is "a spawn label is offered after $w" \
		"$(ask "complete $w la" | cut -f1 | tr '\n' ' ')" "lab7 "
done
ask "kill lab7" >/dev/null
nsh_i_stop
is "nsh -i ends at end of input, status 0" "$?" 0

# ---------------------------------------------------------------- terminal
if ! command -v tmux >/dev/null 2>&1; then
	skip "tmux is not installed: no terminal tests"
	done_testing
	exit
fi
. "$top_srcdir/tests/tmux.sh"
# clear_screen: readline's C-l, until only the prompt is left
clear_screen() {
	tm send-keys C-l
	_i=0
	while [ $_i -lt 100 ] && [ "$(pane | grep -vc '^$')" != 1 ]; do
		sleep 0.02
		_i=$((_i + 1))
	done
}
# wait_last REGEX: until the last line of the screen matches (2 s at most)
wait_last() {
	_i=0
	while [ $_i -lt 100 ]; do
		pane | grep -v '^$' | tail -n 1 | grep -Eq -- "$1" && return 0
		sleep 0.02
		_i=$((_i + 1))
	done
	return 1
}
# listed PROMPT_RE: the words on the screen not on a prompt line, sorted
listed() {
	pane | grep -Ev "^$1|^\$" | tr -s ' \t' '\n\n' | grep . | LC_ALL=C sort -u |
		tr '\n' ' ' | sed 's/ $//'
}
# wait_listed PROMPT_RE WANT: until listed() is WANT (2 s at most)
wait_listed() {
	_i=0
	while [ $_i -lt 100 ]; do
		[ "$(listed "$1")" = "$2" ] && return 0
		sleep 0.02
		_i=$((_i + 1))
	done
	return 1
}

: >"$TMP/inputrc"	# readline's defaults, whatever /etc/inputrc says
tm new-session -d -x 150 -y 40 \
	"cd '$TMP' && HOME='$TMP' INPUTRC='$TMP/inputrc' TERM=screen '$NSH' --sandbox; sleep 30"
if wait_pane '^nsh> ?$'; then _tap 0 "the prompt nsh> appears"; else
	_tap 1 "the prompt nsh> appears"; show_pane
fi
type_ "ip link add veth-a type veth peer name veth-b"; tm send-keys Enter
wait_pane '^nsh> ?$' >/dev/null
clear_screen

# (1) Tab Tab lists the links by prefix
type_ "ip link set ve"
wait_pane '^nsh> ip link set ve$' >/dev/null
tm send-keys Tab
sleep 0.1
tm send-keys Tab
if wait_listed 'nsh> ' "veth-a veth-b"; then
	_tap 0 "ip link set ve + Tab Tab offers veth-a and veth-b"
else
	_tap 1 "ip link set ve + Tab Tab offers veth-a and veth-b"
	show_pane
fi
tm send-keys C-c
wait_last '^nsh>$'
clear_screen

# (2) ? lists what may follow, with help, and keeps the line
type_ "ip link set veth-a ?"
wait_pane '^ +address ' >/dev/null
s=$(pane)
for k in up down netns master mtu; do
	like "ip link set veth-a ? lists $k with a help line" "$s" "^  $k +[^ ]"
done
unlike "… and no link name" "$(pane | grep '^  ')" "^  (veth|lo)"
is "… and the typed line is still there, without the ?" \
	"$(pane | grep -v '^$' | tail -n 1)" "nsh> ip link set veth-a"
type_ "up"; tm send-keys Enter
clear_screen
type_ "ip link show veth-a"; tm send-keys Enter
if wait_pane 'veth-a.*[<,]UP[,>]'; then
	_tap 0 "… and typing on runs it: ip link set veth-a up"
else
	_tap 1 "… and typing on runs it: ip link set veth-a up"; show_pane
fi

# Ctrl-C drops the line being typed
clear_screen
type_ "ip link set veth-a down"
wait_pane 'veth-a down$' >/dev/null
tm send-keys C-c
if wait_last '^nsh>$'; then _tap 0 "Ctrl-C gives a fresh prompt"; else
	_tap 1 "Ctrl-C gives a fresh prompt"; show_pane
fi
type_ "ip link show veth-a"; tm send-keys Enter
wait_pane 'veth-a.*mtu' >/dev/null
s=$(pane)
like "… the next line stands alone" "$s" '^nsh> ip link show veth-a$'
like "… and the dropped line did not run (veth-a still up)" "$s" \
	'veth-a.*[<,]UP[,>]'

# Tab Tab in another namespace: that namespace's links only
type_ "ip netns add ns1"; tm send-keys Enter; type_ "ip link set veth-b netns ns1"; tm send-keys Enter
wait_pane '^nsh> ip link set veth-b netns ns1$' >/dev/null
sleep 0.1
clear_screen
type_ "ip -n ns1 link set "
wait_pane '^nsh> ip -n ns1 link set$' >/dev/null
tm send-keys Tab
sleep 0.1
tm send-keys Tab
wait_listed 'nsh> ' "dev lo veth-b" >/dev/null
s=$(listed 'nsh> ')
is "ip -n ns1 link set + Tab Tab offers veth-b and lo (and dev) only" \
	"$s" "dev lo veth-b"
[ "$s" = "dev lo veth-b" ] || show_pane
tm send-keys C-c
wait_last '^nsh>$'
clear_screen

# the prompt names the namespace entered
type_ "enter ns1"; tm send-keys Enter
if wait_pane '^nsh\[ns1\]> ?$'; then _tap 0 "enter ns1: the prompt is nsh[ns1]>"
else _tap 1 "enter ns1: the prompt is nsh[ns1]>"; show_pane; fi
clear_screen
type_ "ip link set "
tm send-keys Tab
sleep 0.1
tm send-keys Tab
wait_listed 'nsh\[ns1\]> ' "dev lo veth-b" >/dev/null
is "inside ns1, Tab Tab offers ns1's links" "$(listed 'nsh\[ns1\]> ')" \
	"dev lo veth-b"
tm send-keys C-c
wait_last '^nsh\[ns1\]>$'
clear_screen

# help
type_ "help ip link"; tm send-keys Enter
wait_pane 'e\.g\. ip link del' >/dev/null
s=$(pane)
like "help ip link prints the usage of ip link set" "$s" \
	'^  ip link set \[ dev \] DEV \[ OPTION'
like "… of ip link add" "$s" '^  ip link add \[ dev \] DEV'
like "… and the placeholders" "$s" '^  DEV +name of a link'
like "… then the prompt again" "$(pane | grep -v '^$' | tail -n 1)" \
	'^nsh\[ns1\]> ?$'

# Ctrl-C with the next keys right behind it (type-ahead, a paste, a fast
# typist: one write to the terminal) must still drop the line
clear_screen
type_ "ip link set veth-b up"
wait_pane 'veth-b up$' >/dev/null
tm send-keys C-c "ip link show veth-b" Enter
wait_pane 'veth-b.*mtu|unknown word|rror' >/dev/null
s=$(pane)
like "Ctrl-C followed at once by more keys drops the line" "$s" \
	'^nsh\[ns1\]> ip link show veth-b$'

# Ctrl-D inside `enter` leaves the namespace, as `exit` does there; at the
# top of a --sandbox session that holds namespaces it asks once
clear_screen
tm send-keys C-d
if wait_last '^nsh> ?$'; then _tap 0 "Ctrl-D inside ns1 leaves it: the prompt is nsh> again"
else _tap 1 "Ctrl-D inside ns1 leaves it: the prompt is nsh> again"; show_pane; fi
like "… and says leave" "$(pane)" '^leave$'
tm send-keys C-d
wait_pane 'Ctrl-D again' >/dev/null
like "Ctrl-D at the top of a sandbox that holds namespaces asks once" "$(pane)" \
	'^the sandbox holds [0-9]+ namespaces?; Ctrl-D again to discard (it|them)$'
like "… and the prompt is back" "$(pane | grep -v '^$' | tail -n 1)" '^nsh> ?$'

# enter PID of a spawned namespace: the prompt names its label
clear_screen
type_ "spawn h9"; tm send-keys Enter
wait_pane '^h9: pid [0-9]+' >/dev/null
h9=$(pane | sed -n 's/^h9: pid \([0-9]*\).*/\1/p' | head -n 1)
clear_screen
type_ "enter $h9"; tm send-keys Enter
if wait_last '^nsh\[h9\]> ?$'; then _tap 0 "enter PID of spawn h9: the prompt is nsh[h9]>"
else _tap 1 "enter PID of spawn h9: the prompt is nsh[h9]>"; show_pane; fi

# the namespace nsh is inside deleted by another program: said once at the
# next prompt, and the prompt marks it
type_ "leave"; tm send-keys Enter
wait_last '^nsh> ?$' >/dev/null
type_ "ip netns add gone1"; tm send-keys Enter
wait_last '^nsh> ?$' >/dev/null
type_ "enter gone1"; tm send-keys Enter
wait_last '^nsh\[gone1\]> ?$' >/dev/null
nshpid=$(pgrep -P "$(tm list-panes -F '#{pane_pid}' | head -n 1)" -x nsh | head -n 1)
nsenter -t "$nshpid" -m ip netns del gone1
clear_screen
tm send-keys Enter
wait_last '\(deleted\)' >/dev/null
like "an outside ip netns del of the entered namespace is announced" "$(pane)" \
	'^gone1 was deleted outside nsh; you are still inside it \(leave to go back\)$'
like "… and the prompt marks it" "$(pane | grep -v '^$' | tail -n 1)" \
	'^nsh\[gone1 \(deleted\)\]> ?$'
type_ "leave"; tm send-keys Enter
wait_last '^nsh> ?$' >/dev/null

# spawn --terminal in a --sandbox session: the window's shell is inside the
# spawned namespace and inside nsh's sandbox (mount namespace), not the
# tmux server's; kill LABEL ends it
clear_screen
# window_pid NAME: the PID of the shell in the tmux window NAME, once it
# is there and nsenter has execed it; nsh's window selected again
window_pid() {
	_i=0; _w=
	while [ $_i -lt 100 ] && [ -z "$_w" ]; do
		_w=$(tm list-panes -a -F '#{window_name} #{pane_pid}' | sed -n "s/^$1 //p")
		sleep 0.05; _i=$((_i + 1))
	done
	sleep 0.3
	tm select-window -t :0	# tmux shows the new window: back to nsh's
	echo "$_w"
}
type_ "spawn --terminal t7"; tm send-keys Enter
wpid=$(window_pid t7)
t7=$(pgrep -n -P "$nshpid" -x nsh-holder)	# the newest holder
is "spawn --terminal: the window's shell is in nsh's mount namespace (the sandbox)" \
	"$(readlink "/proc/$wpid/ns/mnt")" "$(readlink "/proc/$nshpid/ns/mnt")"
is "… and in t7's network namespace" \
	"$(readlink "/proc/$wpid/ns/net")" "$(readlink "/proc/$t7/ns/net")"
nok "… not the tmux server's mount namespace" \
	[ "$(readlink "/proc/$wpid/ns/mnt")" = "$(readlink /proc/self/ns/mnt)" ]
clear_screen
type_ "kill t7"; tm send-keys Enter
wait_last '^nsh> ?$' >/dev/null
# alive PID: running (a zombie the tmux server has not reaped yet is dead)
alive() { ps -o stat= -p "$1" 2>/dev/null | grep -qv '^Z'; }
_i=0
while [ $_i -lt 100 ] && alive "$wpid"; do sleep 0.05; _i=$((_i + 1)); done
nok "kill t7 ends the window's shell too" alive "$wpid"

# xterm NS (Mininet's): a window inside a named namespace of the sandbox
type_ "ip netns add xt1"; tm send-keys Enter
wait_last '^nsh> ?$' >/dev/null
type_ "xterm xt1"; tm send-keys Enter
wpid=$(window_pid xt1)
is "xterm xt1: the window's shell is in the sandbox's mount namespace" \
	"$(readlink "/proc/$wpid/ns/mnt")" "$(readlink "/proc/$nshpid/ns/mnt")"
is "… and in xt1" "$(readlink "/proc/$wpid/ns/net")" \
	"$(nsenter -t "$nshpid" -m stat -L -c 'net:[%i]' /run/netns/xt1)"
kill -HUP "$wpid" 2>/dev/null

# a bracketed paste of several lines (a tutorial's code block, sudo and
# trailing blanks included) runs them one by one, each after its prompt
clear_screen
tm set-buffer "sudo ip netns add pa1  
sudo ip netns add pa2
ip -n pa2 link set lo up"
tm paste-buffer -p
tm send-keys Enter
wait_pane '^nsh> ip -n pa2 link set lo up$' >/dev/null
sleep 0.2
is "a pasted block runs every line (the sandbox's /run/netns)" \
	"$(nsenter -t "$nshpid" -m ls /run/netns | grep '^pa' | tr '\n' ' ')" "pa1 pa2 "
is "… the last line too (lo up in pa2)" \
	"$(nsenter -t "$nshpid" -m ip -n pa2 -o link show lo | grep -c 'UP')" 1
like "… each line shown after its prompt" "$(pane)" '^nsh> sudo ip netns add pa2$'
clear_screen
tm set-buffer "ip netns add pb1
ip link set nosuchlink up
ip netns add pb2"
tm paste-buffer -p
tm send-keys Enter
wait_pane 'not run' >/dev/null
sleep 0.2
like "a failing line stops the paste with paste:LINE:" "$(pane)" '^paste:2: ip link set: '
like "… and names the lines not run" "$(pane)" '^  ip netns add pb2$'
is "… which did not run" "$(nsenter -t "$nshpid" -m ls /run/netns | grep -c '^pb2$')" 0
tm send-keys Up
wait_pane '^nsh> ip netns add pb2$' >/dev/null
like "each pasted line is its own history entry" "$(pane | grep -v '^$' | tail -n 1)" \
	'^nsh> ip netns add pb2$'
tm send-keys C-c
tm kill-server 2>/dev/null
kill "$PEERPID" 2>/dev/null; wait "$PEERPID" 2>/dev/null
done_testing
