#!/bin/sh
# Leak check (issue 14): valgrind over scripts/lab06.nsh and over an
# interactive session fed through a pipe (nsh -i): 0 errors, 0 bytes
# definitely lost, in nsh and in every forked copy of it (a pipeline's
# commands, `&`).  No suppressions.  Skipped without valgrind, and for an
# ASan build (./bootstrap test's second pass): the two do not mix.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"

if ! command -v valgrind >/dev/null 2>&1; then
	echo "1..0 # SKIP valgrind not installed (apt-get install valgrind)"
	exit 0
fi
if ldd "$NSH" 2>/dev/null | grep -q 'libasan\|libubsan' ||
   grep -q __asan_init "$NSH" 2>/dev/null; then
	echo "1..0 # SKIP nsh is built with ASan: valgrind cannot run it"
	exit 0
fi

VG="valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite"

# check NAME: every log of run NAME says 0 errors, 0 definitely lost
check() {
	_main=$(grep -l 'ERROR SUMMARY' "$TMP/$1".vg.* 2>/dev/null | head -1)
	ok "$1: valgrind finished its report" [ -n "$_main" ]
	_errs=$(grep -h 'ERROR SUMMARY' "$TMP/$1".vg.* 2>/dev/null |
		awk '{ n += $4 } END { print n + 0 }')
	_lost=$(grep -h 'definitely lost:' "$TMP/$1".vg.* 2>/dev/null |
		awk '{ gsub(",", "", $4); n += $4 } END { print n + 0 }')
	is "$1: 0 errors (valgrind, $(ls "$TMP/$1".vg.* | wc -l) process logs)" "$_errs" 0
	is "$1: 0 bytes definitely lost" "$_lost" 0
	if [ "$_errs" != 0 ] || [ "$_lost" != 0 ]; then
		grep -h -A12 'definitely lost in\|uninitialised\|Invalid \(read\|write\|free\)\|Syscall param\|Mismatched' \
			"$TMP/$1".vg.* | head -60 | sed 's/^/# /'
	fi
}

# ---------------------------------------------------------------- lab06
$VG --log-file="$TMP/lab06.vg.%p" "$NSH" -f "$top_srcdir/scripts/lab06.nsh" \
	>"$TMP/lab.out" 2>"$TMP/lab.err"
rc=$?
is "lab06 under valgrind: status 0" "$rc" 0
[ "$rc" = 0 ] || sed 's/^/# /' "$TMP/lab.err" | head
like "lab06 under valgrind: its pings answered" "$(cat "$TMP/lab.out")" \
	'3 packets transmitted, 3 received'
is "lab06 under valgrind: its end deleted its namespaces" "$(ip netns list)" ""
check lab06

# ---------------------------------------------------------------- nsh -i
cat >"$TMP/session" <<'NSH'
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip link add br0 type bridge
ip link add vc type veth peer name vd
ip link set vc master br0
ip link set br0 up
ip addr add 10.1.0.1/24 dev br0
ip route add 10.9.0.0/16 via 10.1.0.9 dev br0 onlink
show
show -j
ip -j -d link show
ip -n a addr show
ip netns list
help ip link
complete ip link set ''
X=1; echo "x=$X" | cat
ip netns exec a ping -c 1 -W 2 10.0.0.2
ip -n a link set va name va2 && ip -n a link show va2
ip link set vd netns b
enter a
ip link show
leave
ip link del br0
ip link nosuchthing
cleanup
NSH
$VG --log-file="$TMP/session.vg.%p" "$NSH" -i <"$TMP/session" \
	>"$TMP/s.out" 2>"$TMP/s.err"
rc=$?
# the last command failing on purpose is not the session's status
ok "nsh -i under valgrind ended (status $rc, not valgrind's 99)" [ "$rc" != 99 ]
like "nsh -i: show listed the links" "$(cat "$TMP/s.out")" 'va'
like "nsh -i: the ping through the veth answered" "$(cat "$TMP/s.out")" \
	'1 packets transmitted, 1 received'
like "nsh -i: the bad line was refused" "$(cat "$TMP/s.err")" 'nosuchthing'
is "nsh -i: cleanup removed the namespaces" "$(ip netns list)" ""
is "nsh -i: cleanup removed the links" \
	"$(ip -br link | awk '{ print $1 }' | grep -v '^lo$')" ""
check session
done_testing
