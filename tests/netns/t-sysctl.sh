#!/bin/sh
# sysctl: nsh's own (no sysctl program runs) against procps-ng's, in the
# same sandbox: for each line, the same stdout, stderr, exit status and
# /proc/sys values after it.  Then what only nsh does: it acts in the
# namespace nsh is in (enter, ip netns exec), refuses an unknown option
# before anything runs (procps prints its usage and exits 0), and
# completes keys.  Only net.* keys are written, and only in the sandbox.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

FWD=/proc/sys/net/ipv4/ip_forward
TTL=/proc/sys/net/ipv4/ip_default_ttl
# inns NS FILE: the contents of a /proc/sys file as seen inside NS
inns() { ip netns exec "$1" cat "$2"; }

# the values a line may change, and their reset
values() {
	cat $FWD $TTL /proc/sys/net/ipv4/conf/all/forwarding \
		/proc/sys/net/ipv4/conf/lo/forwarding \
		/proc/sys/net/ipv4/ip_local_port_range | tr '\t\n' '  '
}
reset() {
	echo 0 >$FWD
	echo 64 >$TTL
	echo 0 >/proc/sys/net/ipv4/conf/all/forwarding
	echo 0 >/proc/sys/net/ipv4/conf/lo/forwarding
	echo '32768 60999' >/proc/sys/net/ipv4/ip_local_port_range
}

# same LINE [INPUT]: `sysctl LINE` (words as sh splits them) run by procps
# and by nsh from the same state (standard input from INPUT) give the same
# output, status and state
same() {
	reset
	eval "sysctl $1" <"${2:-/dev/null}" >"$TMP/p.out" 2>"$TMP/p.err"
	_prc=$?
	_pst=$(values)
	reset
	"$NSH" -c "sysctl $1" <"${2:-/dev/null}" >"$TMP/n.out" 2>"$TMP/n.err"
	_nrc=$?
	_nst=$(values)
	is "sysctl $1: stdout" "$(cat "$TMP/n.out")" "$(cat "$TMP/p.out")"
	is "sysctl $1: stderr, status, values" \
		"$(cat "$TMP/n.err") rc=$_nrc $_nst" \
		"$(cat "$TMP/p.err") rc=$_prc $_pst"
}

ip netns add ns1

# ---------------------------------------------------------------- reads
same 'net.ipv4.ip_forward'
same 'net/ipv4/ip_forward'
same '-n net.ipv4.ip_forward'
same 'net.ipv4.ip_forward -n'
same '--values net.ipv4.ip_forward'
same '-N net.ipv4.ip_forward'
same '--names net.ipv4.ip_forward'
same '-nq net.ipv4.ip_forward'
same '-n net.ipv4.ip_default_ttl net.ipv4.ip_forward'
same 'net.ipv4.tcp_rmem'
same '-b net.ipv4.tcp_rmem'
same 'net.ipv4.conf.lo'
same '-N net.ipv4.conf.lo'
same 'net.ipv6.conf.lo'
same 'net.ipv4.neigh.lo'
same '--deprecated net.ipv4.neigh.lo'
same 'net.ipv4.route.flush'
same '-o -x -- net.ipv4.ip_forward'
same '-r ip_for net.ipv4'
same "-r '^net.ipv4.ip_f' net.ipv4"
same '-a -N -r ip_forward'
same '-X -n -r ip_default_ttl'
same 'net..ipv4.ip_forward'
same 'net//ipv4//ip_forward'
# the whole tree, less the keys that change by themselves
volatile='random|entropy|^fs\.(dentry|inode|file-nr|quota)|^kernel\.(ns_last_pid|pty\.nr|tainted)|nf_conntrack_count'
is "sysctl -a: every key, in the kernel's order" \
	"$("$NSH" -c 'sysctl -a' 2>&1 | grep -Ev "$volatile")" \
	"$(sysctl -a 2>&1 | grep -Ev "$volatile")"

# ---------------------------------------------------------------- writes
same 'net.ipv4.ip_forward=1'
same '-w net.ipv4.ip_forward=1'
same '--write net.ipv4.ip_forward=1'
same '--wr net.ipv4.ip_forward=1'
same '-qw net.ipv4.ip_forward=1'
same '-wq net.ipv4.ip_forward=1'
same '-w net/ipv4/ip_forward=1'
same '-w net.ipv4.ip_forward=1 -n'
same '-w net.ipv4.ip_forward=1 -N'
same '-w net.ipv4.ip_forward=1 -b'
same '--dry-run net.ipv4.ip_forward=1'
same '-w "net.ipv4.ip_forward = 1"'
same '"net.ipv4.ip_local_port_range=20000 30000"'
same 'net.ipv4.ip_forward=1 net.ipv4.ip_default_ttl=65'
same 'net.ipv4.ip_forward=1 net.nope=2 net.ipv4.ip_default_ttl=65'
same '-r ip_forward net.ipv4.ip_forward=1'
same '-r zzz net.ipv4.ip_forward=1'
same '-e -w net.x=1'

# ---------------------------------------------------------------- -p files
cat >"$TMP/conf1" <<'EOF'
# comment
; other comment
net.ipv4.ip_forward = 1
   net.ipv4.ip_default_ttl=65
-net.nope = 3
net.nope2 = 3
bad line
-net.ipv4.conf.lo.forwarding
net.ipv4.conf.*.forwarding = 1
net.ipv4.conf.all.forwarding = 0
x
EOF
printf 'net.ipv4.ip_forward=1\n' >"$TMP/conf2"
same "-p $TMP/conf1"
same "-p$TMP/conf1"
same "--load=$TMP/conf1"
same "-q -p $TMP/conf1"
same "-p $TMP/conf1 $TMP/conf2"
same "-p $TMP/nofile"
same "-p $TMP/conf2 $TMP/nofile $TMP/conf2"
same "-p '$TMP/conf*'"
same "-f $TMP/conf2"
same "-p -r ip_forward $TMP/conf1"
same "--dry-run -p $TMP/conf1"
same "-e -p $TMP/conf1"
same "-p -" "$TMP/conf2"

# ---------------------------------------------------------------- errors
same 'net.x'
same '-w net.x=1'
same '-e net.x'
same '-q net.x'
same 'net.x net.y'
same 'net.x -w net.ipv4.ip_forward=1'
same 'x.y.z=3'
same '-w net.ipv4.ip_forward'
same 'net.ipv4.ip_forward 1'
same '-w net.ipv4.ip_forward=abc'
same '-w net.ipv4.ip_default_ttl=0'
same '-w kernel.ostype=x'
same 'net.ipv4.conf.all=1'
same 'net/../../etc'
same 'net/../../self/status'
same "''"
same '=1'
same '-w a'
# procps says two lines here (the second: "Try `sysctl --help'…"); nsh one
for l in '-n' '-x' '-N -q net.ipv4.ip_forward'; do
	rejects "sysctl $l" "sysctl $l" \
		"^sysctl: (no variables specified|options -N and -q cannot coexist)$"
done

# ---------------------------------------------------------------- nsh only
# an unknown option is refused before anything runs, also in a script
REJECTS_ALSO=values
reset
rejects "unknown short option" "sysctl -w net.ipv4.ip_forward=1 -k" \
	"^sysctl: '-k': invalid option -- 'k'$"
rejects "unknown long option" "sysctl --frob net.ipv4.ip_forward=1" \
	"^sysctl: '--frob': unrecognized option$"
rejects "ambiguous long option" "sysctl --d net.ipv4.ip_forward=1" \
	"^sysctl: '--d': ambiguous option; possibilities: '--deprecated' '--dry-run'$"
rejects "a value for an option that takes none" \
	"sysctl --write=1 net.ipv4.ip_forward=1" \
	"^sysctl: '--write=1': option '--write' doesn't allow an argument$"
rejects "-r without its pattern" "sysctl net.ipv4.ip_forward -r" \
	"^sysctl: option requires an argument -- 'r'$"
REJECTS_ALSO=
printf 'sysctl -w net.ipv4.ip_forward=1\nsysctl -Z\n' >"$TMP/bad.nsh"
nok "a script with an unknown option fails" "$NSH" -f "$TMP/bad.nsh"
is "… at its line, before line 1 ran" "$(cat "$TMP/err") $(cat $FWD)" \
	"$TMP/bad.nsh:2: sysctl: '-Z': invalid option -- 'Z' 0"

# it acts in the namespace nsh is in
reset
ok "ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1" \
	"$NSH" -c 'ip netns exec ns1 sysctl -w net.ipv4.ip_forward=1'
is "it prints procps's line" "$(cat "$TMP/out")" "net.ipv4.ip_forward = 1"
is "ns1's /proc/sys has it" "$(inns ns1 $FWD)" 1
is "the sandbox's own value is untouched" "$(cat $FWD)" 0
is "ip netns exec ns1 sysctl -n reads ns1's value" \
	"$("$NSH" -c 'ip netns exec ns1 sysctl -n net.ipv4.ip_forward')" 1
is "ip -n ns1 is no sysctl option: sysctl in ns1 via enter" \
	"$("$NSH" -c 'enter ns1 sysctl -n net.ipv4.ip_forward')" 1
printf 'enter ns1\nsysctl -w net.ipv4.ip_forward=0\nleave\n' >"$TMP/s.nsh"
ok "enter ns1 + sysctl -w in a script" "$NSH" -f "$TMP/s.nsh"
is "ns1's /proc/sys has it" "$(inns ns1 $FWD)" 0
printf 'net.ipv4.ip_forward = 1\n' >"$TMP/ns.conf"
ok "ip netns exec ns1 sysctl -p FILE" \
	"$NSH" -c "ip netns exec ns1 sysctl -p $TMP/ns.conf"
is "… sets ns1's key" "$(inns ns1 $FWD) $(cat $FWD)" "1 0"
printf 'sysctl -n net.ipv4.nope\n' >"$TMP/loc.nsh"
nok "an unknown key in a script" "$NSH" -f "$TMP/loc.nsh"
is "… names the script line" "$(cat "$TMP/err")" \
	"$TMP/loc.nsh:1: sysctl: cannot stat /proc/sys/net/ipv4/nope: No such file or directory"

# the seed's lines, verbatim
for t in iptables arptables ip6tables; do
	line="sudo sysctl -w net.bridge.bridge-nf-call-$t=0"
	if [ -e /proc/sys/net/bridge/bridge-nf-call-$t ]; then
		ok "$line" "$NSH" -c "$line"
		is "it is 0 now" "$(cat /proc/sys/net/bridge/bridge-nf-call-$t)" 0
	else
		rejects "$line (no br_netfilter)" "$line" \
			"^sysctl: cannot stat /proc/sys/net/bridge/bridge-nf-call-$t: No such file or directory$"
	fi
done

# completion: keys (dots or slashes, as the prefix), groups, long options
is "TAB completes a key" \
	"$("$NSH" -c 'complete sysctl -w net.ipv4.ip_forw' | cut -f1)" \
	"$(printf 'net.ipv4.ip_forward\nnet.ipv4.ip_forward_update_priority\nnet.ipv4.ip_forward_use_pmtu')"
is "… a group, with its separator" \
	"$("$NSH" -c 'complete sysctl net.ipv4.con' | cut -f1)" "net.ipv4.conf."
is "… in slashes" \
	"$("$NSH" -c 'complete sysctl net/ipv4/conf/l' | cut -f1)" "net/ipv4/conf/lo/"
is "… a long option" "$("$NSH" -c 'complete sysctl --val' | cut -f1)" "--values"

# --system (every system file, mostly kernel-wide keys) is the real
# sysctl's: a stand-in on PATH shows what would run, without running it
mkdir "$TMP/bin"
printf '#!/bin/sh\necho "ran: $*"\n' >"$TMP/bin/sysctl"
chmod +x "$TMP/bin/sysctl"
PATH="$TMP/bin:$PATH" "$NSH" -c 'sysctl -q --system' >"$TMP/out" 2>"$TMP/err"
is "sysctl --system runs the real sysctl, as typed" "$(cat "$TMP/out")" \
	"ran: -q --system"
like "… saying so" "$(cat "$TMP/err")" '^nsh: sysctl --system: not native, ran /'

# no sysctl program ran: nsh reads and writes /proc/sys itself
if command -v strace >/dev/null 2>&1; then
	strace -f -e trace=execve -o "$TMP/st" "$NSH" -c \
		'sysctl -q -w net.ipv4.ip_forward=1' >/dev/null 2>&1
	is "no sysctl process" "$(grep -c 'execve("[^"]*sysctl' "$TMP/st")" 0
else
	skip "no strace"
fi

done_testing
