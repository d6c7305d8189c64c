#!/bin/sh
# enter / leave / exit, and the environment of the programs nsh runs: the
# namespace they are in (/proc/net/dev, /sys/class/net, the namespace
# inode), only fds 0-2, default signal dispositions; enter by PID, and the
# failures of enter and leave.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

S=$TMP/s.nsh

# devs: the interface names in /proc/net/dev-format text on stdin
devs() { awk -F: 'NR > 2 { gsub(/ /, "", $1); print $1 }' | sort | tr '\n' ' '; }
netino() { stat -L -c %i "/proc/$1/ns/net"; }

PIDS=
trap 'for p in $PIDS; do kill "$p" 2>/dev/null; done; rm -rf "$TMP"' EXIT

ip link add hv1 type veth peer name hv2
"$NSH" -c 'ip netns add e1'
E1INO=$(stat -L -c %i /run/netns/e1)
is "setup: the host has lo hv1 hv2" "$(devs </proc/net/dev)" "hv1 hv2 lo "

# ---------------------------------------------------------------- enter / leave / exit

printf 'enter e1\ncat /proc/net/dev\necho ---\nleave\ncat /proc/net/dev\n' >"$S"
"$NSH" -f "$S" >"$TMP/o" 2>"$TMP/e"
is "the script with enter/leave succeeds" "rc=$? err=$(cat "$TMP/e")" "rc=0 err="
is "after 'enter e1', /proc/net/dev shows e1's links only (lo; no hv1)" \
	"$(sed '/^---$/,$d' "$TMP/o" | devs)" "lo "
is "after 'leave', /proc/net/dev shows the host's links again" \
	"$(sed '1,/^---$/d' "$TMP/o" | devs)" "hv1 hv2 lo "

printf 'enter e1\nexit\ncat /proc/net/dev\n' >"$S"
"$NSH" -f "$S" >"$TMP/o" 2>"$TMP/e"
is "'exit' inside a namespace leaves it (nsh goes on, back on the host)" \
	"rc=$? $(devs <"$TMP/o")" "rc=0 hv1 hv2 lo "

printf 'enter e1\nenter e1\nexit\nreadlink /proc/self/ns/net\nexit\nreadlink /proc/self/ns/net\n' >"$S"
is "nested enter: each exit leaves one level" \
	"$("$NSH" -f "$S" | tr '\n' ' ')" \
	"net:[$E1INO] net:[$(netino self)] "

printf 'exit\nip netns add after-exit\n' >"$S"
"$NSH" -f "$S" >"$TMP/o" 2>"$TMP/e"
is "'exit' at the top quits nsh (status 0, the next line does not run)" \
	"rc=$? $(ls /run/netns | tr '\n' ' ')" "rc=0 e1 "

printf 'exit\nip netns add after-exit\n' | "$NSH" >/dev/null 2>&1
ok "'exit' at the top of a script on stdin quits too" test ! -e /run/netns/after-exit

is "'enter e1 ip netns identify' prints e1" "$("$NSH" -c 'enter e1 ip netns identify')" e1
is "'enter e1 CMD' does not stay in e1 (identify afterwards prints nothing)" \
	"$(printf 'enter e1 true\nip netns identify\n' | "$NSH")" ""

printf 'enter e1\nreadlink /proc/self/ns/net\n' >"$S"
is "a program started after 'enter e1' runs in e1 (namespace inode)" \
	"$("$NSH" -f "$S")" "net:[$E1INO]"

printf 'enter e1\nls /sys/class/net\n' >"$S"
is "after 'enter e1', /sys/class/net shows e1's links (lo)" \
	"$("$NSH" -f "$S" | tr '\n' ' ')" "lo "

printf 'enter e1\nip netns add e2\nreadlink /proc/self/ns/net\n' >"$S"
is "'ip netns add' after enter: nsh stays in e1" "$("$NSH" -f "$S")" "net:[$E1INO]"
ok "'ip netns add' after enter: e2 is a new namespace (not e1)" \
	test "$(stat -L -c %i /run/netns/e2)" != "$E1INO"
ip netns del e2

printf 'enter e1\nip netns del e1\n' >"$S"
"$NSH" -f "$S" >"$TMP/o" 2>"$TMP/e"
like "deleting the namespace nsh is in is refused with a message" \
	"rc=$? $(cat "$TMP/e")" "^rc=1 $S:2: ip netns delete: 'e1': .*leave"
is "the refused delete left e1 in place (same namespace)" \
	"$(stat -L -c %i /run/netns/e1 2>&1)" "$E1INO"

printf 'enter e1\nleave\nip netns del e1\nip netns add e1\n' >"$S"
ok "after 'leave', the namespace can be deleted and made again" "$NSH" -f "$S"
E1INO=$(stat -L -c %i /run/netns/e1)

# ---------------------------------------------------------------- the programs' environment

is "ip netns exec e1 ls /sys/class/net shows lo only" \
	"$("$NSH" -c 'ip netns exec e1 ls /sys/class/net' | tr '\n' ' ')" "lo "
is "ip netns exec e1: the program is in e1 (namespace inode)" \
	"$("$NSH" -c 'ip netns exec e1 readlink /proc/self/ns/net')" "net:[$E1INO]"

# an extra fd 7 given to nsh must not reach the program either
is "ip netns exec e1: the program has only fds 0 1 2" \
	"$("$NSH" -c 'ip netns exec e1 sh -c "ls /proc/\$\$/fd"' 7>/dev/null | tr '\n' ' ')" \
	"0 1 2 "
# (\$\$: nsh expands $$ in double quotes, as sh does)
printf 'enter e1\nsh -c "ls /proc/\\$\\$/fd"\n' >"$S"
is "after enter: a program has only fds 0 1 2" \
	"$("$NSH" -f "$S" 7>/dev/null | tr '\n' ' ')" "0 1 2 "
is "on the host: a program has only fds 0 1 2" \
	"$("$NSH" -c 'sh -c "ls /proc/\$\$/fd"' 7>/dev/null | tr '\n' ' ')" "0 1 2 "

# Start nsh with signals ignored and blocked, so that it has to reset them
# for the program: SIGPIPE and SIGXFSZ (python ignores them), QUIT TERM HUP,
# the glibc-reserved real-time signals 32 and 33 (glibc's sigaction()
# refuses them, hence a raw rt_sigaction; GNU make 4.3 starts every test
# with them ignored anyway), and SIGUSR1 blocked.
cat >"$TMP/hostile.py" <<'EOF'
import ctypes, os, platform, signal, sys
for s in (signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP):
    signal.signal(s, signal.SIG_IGN)
nr = {"x86_64": 13, "aarch64": 134}.get(platform.machine())
if nr is not None:
    class KSA(ctypes.Structure):
        _fields_ = [("handler", ctypes.c_ulong), ("flags", ctypes.c_ulong),
                    ("restorer", ctypes.c_ulong), ("mask", ctypes.c_ulong)]
    libc = ctypes.CDLL(None, use_errno=True)
    for s in (32, 33):
        libc.syscall(nr, s, ctypes.byref(KSA(1, 0, 0, 0)), None, 8)
signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})
os.execvp(sys.argv[1], sys.argv[1:])
EOF
hostile() { python3 "$TMP/hostile.py" "$@"; }
# sigs [WORDS…]: "SigBlk: … SigIgn: …" of grep run by `nsh -c 'WORDS grep …'`
sigs() {
	hostile "$NSH" -c "$* grep -E '^Sig(Ign|Blk)' /proc/self/status" |
		tr -s '\t\n' '  '
}
like "(the launcher does ignore 32, 33, PIPE and block USR1)" \
	"$(hostile grep -E '^Sig(Ign|Blk)' /proc/self/status | tr -s '\t\n' '  ')" \
	"^SigBlk: 0{13}200 SigIgn: 0{7}18[0-9a-f]{3}[13579bdf][0-9a-f]{3} $"
like "ip netns exec e1: signals 1-31 are default, none blocked in the program" \
	"$(sigs ip netns exec e1)" "^SigBlk: 0{16} SigIgn: [0-9a-f]{8}[08]0{7} $"
is "ip netns exec e1: no signal at all is ignored (SigIgn all zeros, 32 and 33 too)" \
	"$(sigs ip netns exec e1)" "SigBlk: 0000000000000000 SigIgn: 0000000000000000 "
is "on the host: no signal is ignored or blocked in the program" \
	"$(sigs)" "SigBlk: 0000000000000000 SigIgn: 0000000000000000 "

# ---------------------------------------------------------------- enter failures

"$NSH" -c 'enter 999999999' >"$TMP/o" 2>"$TMP/e"
is "enter 999999999 (no such namespace or process) fails with one line" \
	"rc=$? lines=$(wc -l <"$TMP/e" | tr -d ' ')" "rc=1 lines=1"
like "enter 999999999: the message names it" "$(cat "$TMP/e")" "^enter: '999999999': "
printf 'enter nosuch\nreadlink /proc/self/ns/net\n' >"$S"
"$NSH" -k -f "$S" >"$TMP/o" 2>"$TMP/e"
is "a failed enter leaves nsh where it was (the next program runs on the host)" \
	"$(cat "$TMP/o")" "net:[$(netino self)]"

"$NSH" -c 'leave' >"$TMP/o" 2>"$TMP/e"
is "leave at the top fails with status 1 and one line" \
	"rc=$? lines=$(wc -l <"$TMP/e" | tr -d ' ')" "rc=1 lines=1"
like "leave at the top: the message says why" "$(cat "$TMP/e")" "^leave: not inside a namespace"
printf 'enter e1\nleave\nleave\n' >"$S"
"$NSH" -f "$S" >"$TMP/o" 2>"$TMP/e"
like "a second leave after one enter fails at its line" "rc=$? $(cat "$TMP/e")" "^rc=1 $S:3: leave: "

# ---------------------------------------------------------------- enter a PID

unshare --net sleep 30 &
SP=$!
PIDS="$PIDS $SP"
i=0
while { [ "$(netino "$SP" 2>/dev/null)" = "$(netino self)" ] ||
	[ "$(cat /proc/$SP/comm 2>/dev/null)" != sleep ]; } && [ $i -lt 200 ]; do
	sleep 0.01
	i=$((i + 1))
done
nsenter -t "$SP" -n ip link add pd1 type veth peer name pd2
is "enter PID CMD: cat /proc/net/dev shows the process's links (lo pd1 pd2)" \
	"$("$NSH" -c "enter $SP cat /proc/net/dev" | devs)" "lo pd1 pd2 "
printf 'enter %s\nreadlink /proc/self/ns/net\nls /sys/class/net\nleave\nreadlink /proc/self/ns/net\n' "$SP" >"$S"
is "enter PID, then programs run in its namespace (inode, /sys/class/net), leave returns" \
	"$("$NSH" -f "$S" | tr '\n' ' ')" \
	"net:[$(netino "$SP")] lo pd1 pd2 net:[$(netino self)] "
kill "$SP"
wait "$SP" 2>/dev/null

# --clean-env and --user (issue 14.13): the programs' environment and
# identity; nsh's own netlink work stays root's
FOO=bar "$NSH" --clean-env -c env >"$TMP/env" 2>&1
is "--clean-env: a program sees PATH HOME TERM LANG USER at most" \
	"$(cut -d= -f1 "$TMP/env" | grep -v -E '^(PATH|HOME|TERM|LANG|USER)$' | tr '\n' ' ')" ""
is "… FOO is gone" "$(grep -c '^FOO=' "$TMP/env")" 0
printf 'ip netns add usr1\nip netns exec usr1 id -u\nid -un\n' >"$TMP/user.nsh"
ok "--user nobody: nsh itself makes a namespace (root's netlink work)" \
	"$NSH" --user nobody -f "$TMP/user.nsh"
is "… programs run as nobody, inside a namespace too" \
	"$(tr '\n' ' ' <"$TMP/out")" "65534 nobody "
is "… and the namespace is there" "$(ip netns list | grep -c '^usr1')" 1
ip netns del usr1
nok "--user of no such user" "$NSH" --user nosuchuser -c true
is "… one line" "$(cat "$TMP/err")" "nsh: --user nosuchuser: no such user"
done_testing
