# tests/lib.sh - shared by every tests/netns/t-*.sh (POSIX sh + TAP).
#
# Sourcing it re-executes the test inside a sandbox: a fresh network and
# mount namespace (unshare --net --mount --propagation private) with a
# private tmpfs on /run (so /run/netns is private and the host's /run is
# never written) and /sys remounted.  Nothing a test makes can reach the
# host, and everything is gone when the test exits.
#
# TAP helpers: ok DESC CMD…, nok DESC CMD… (must fail), is DESC GOT WANT,
# like DESC GOT PATTERN, skip DESC, done_testing (prints the plan).
# A long-running nsh -i: nsh_i_start, ask LINE, nsh_i_stop.
# The kernel oracle is iproute2 and /proc, /sys: state [NS…] prints the
# normalised `ip -j` state (tests/state.py).

: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${NSH:=$top_srcdir/nsh}"
export NSH top_srcdir

# The sandbox is entered whenever this process still shares the host's
# network namespace (PID 1's), whatever the environment says: a variable
# left exported in a shell must never let a test touch the host.
if [ -z "${NSH_TEST_SANDBOX:-}" ] ||
   [ "$(readlink /proc/self/ns/net)" = "$(readlink /proc/1/ns/net 2>/dev/null)" ]; then
	if [ "$(id -u)" != 0 ]; then
		echo "1..0 # SKIP need root for network namespaces"
		exit 0
	fi
	NSH_TEST_SANDBOX=1 exec unshare --net --mount --propagation private \
		-- sh -c 'mount -t tmpfs -o mode=0755 tmpfs /run &&
			  umount -l /sys && mount -t sysfs sysfs /sys &&
			  ip link set lo up && exec "$0" "$@"' "$0" "$@"
	echo "1..0 # SKIP cannot create a sandbox (unshare)"
	exit 0
fi

T_N=0
T_FAIL=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

_tap() { # status desc
	T_N=$((T_N + 1))
	if [ "$1" = 0 ]; then
		echo "ok $T_N - $2"
	else
		echo "not ok $T_N - $2"
		T_FAIL=$((T_FAIL + 1))
	fi
}

# ok DESC CMD… : CMD must succeed (its output goes to $TMP/out, $TMP/err)
ok() {
	_d=$1; shift
	if "$@" >"$TMP/out" 2>"$TMP/err"; then _tap 0 "$_d"; else
		_tap 1 "$_d"
		echo "# command: $*"; sed 's/^/# out: /' "$TMP/out"; sed 's/^/# err: /' "$TMP/err"
	fi
}

# nok DESC CMD… : CMD must fail
nok() {
	_d=$1; shift
	if "$@" >"$TMP/out" 2>"$TMP/err"; then
		_tap 1 "$_d"; echo "# command unexpectedly succeeded: $*"
		sed 's/^/# out: /' "$TMP/out"
	else _tap 0 "$_d"; fi
}

# is DESC GOT WANT
is() {
	if [ "$2" = "$3" ]; then _tap 0 "$1"; else
		_tap 1 "$1"
		printf '%s\n' "$2" | sed 's/^/#   got: /'
		printf '%s\n' "$3" | sed 's/^/#  want: /'
	fi
}

# like DESC GOT REGEX (grep -E)
like() {
	if printf '%s\n' "$2" | grep -Eq -- "$3"; then _tap 0 "$1"; else
		_tap 1 "$1"
		printf '%s\n' "$2" | sed 's/^/#   got: /'
		echo "#  want: /$3/"
	fi
}

skip() { T_N=$((T_N + 1)); echo "ok $T_N # SKIP $1"; }

done_testing() {
	echo "1..$T_N"
	[ "$T_FAIL" = 0 ]
}

# state [NS…]: normalised kernel state (host + every named namespace)
state() { python3 "$top_srcdir/tests/state.py" "$@"; }

# rejects DESC LINE REGEX: `nsh -c LINE` exits non-zero with exactly one
# stderr line matching REGEX, prints nothing on stdout, and the kernel
# state (tests/state.py) is unchanged; so is the output of the command
# $REJECTS_ALSO, when a test sets it (e.g. one that reads /proc/sys)
_rejects_watch() {
	state
	if [ -n "${REJECTS_ALSO:-}" ]; then $REJECTS_ALSO; fi
}
rejects() {
	_rejects_watch >"$TMP/before"
	"$NSH" -c "$2" >"$TMP/r.out" 2>"$TMP/r.err"
	_rc=$?
	_rejects_watch >"$TMP/after"
	_same=no
	cmp -s "$TMP/before" "$TMP/after" && _same=yes
	_fail=no
	[ "$_rc" != 0 ] && _fail=yes
	is "$1: fails, one stderr line, no stdout, kernel unchanged" \
		"fails=$_fail lines=$(wc -l <"$TMP/r.err" | tr -d ' ') out=$(wc -c <"$TMP/r.out" | tr -d ' ') same=$_same" \
		"fails=yes lines=1 out=0 same=yes"
	like "$1: message" "$(cat "$TMP/r.err")" "$3"
}

# nsh_i_start: a long-running `nsh -i` reading the FIFO $TMP/in, which the
# test holds open on fd 3 (write a line >&3 to send it without waiting);
# its stdout and stderr go to $TMP/nsh.out, its pid is $NSHPID.  SIGPIPE is
# ignored, so a dead nsh -i fails the test (ask) instead of killing it.
nsh_i_start() {
	trap '' PIPE
	mkfifo "$TMP/in"
	: >"$TMP/nsh.out"
	"$NSH" -i <"$TMP/in" >>"$TMP/nsh.out" 2>&1 &
	NSHPID=$!
	exec 3>"$TMP/in"
	N_ASK=0
}

# ask LINE: send LINE to the nsh -i, print what it answered (everything it
# wrote until it echoed a marker sent after LINE); fails, saying so on
# stderr, if nsh -i died or did not answer within 10 s
ask() {
	N_ASK=$((N_ASK + 1))
	: >"$TMP/nsh.out"
	printf '%s\necho @@done%s@@\n' "$1" "$N_ASK" >&3
	_i=0
	until grep -q "^@@done$N_ASK@@\$" "$TMP/nsh.out"; do
		_i=$((_i + 1))
		if [ $_i -gt 1000 ] || ! kill -0 "$NSHPID" 2>/dev/null; then
			echo "# nsh -i did not answer: $1" >&2
			return 1
		fi
		sleep 0.01
	done
	grep -v "^@@done$N_ASK@@\$" "$TMP/nsh.out"
}

# nsh_i_stop: close nsh -i's input and wait for it; returns its status
nsh_i_stop() {
	exec 3>&-
	wait "$NSHPID"
}

# seed000_b [NS…]: the seed-000 lab built by hand with iproute2 (Method B,
# the tutorial's lines): namespaces ns1 and ns2, bridge br0 (up,
# 192.168.50.1/16), veth-nsI in nsI (192.168.50.I+1/16, up, lo up) with its
# peer veth-brI a port of br0 (up); then, for each NS given, NS's default
# route via 192.168.50.1
seed000_b() {
	ip netns add ns1
	ip netns add ns2
	ip link add br0 type bridge
	ip link set br0 up
	ip addr add 192.168.50.1/16 dev br0
	ip link add veth-ns1 type veth peer name veth-br1
	ip link add veth-ns2 type veth peer name veth-br2
	ip link set veth-ns1 netns ns1
	ip link set veth-ns2 netns ns2
	ip link set veth-br1 master br0
	ip link set veth-br2 master br0
	ip link set veth-br1 up
	ip link set veth-br2 up
	ip netns exec ns1 ip addr add 192.168.50.2/16 dev veth-ns1
	ip netns exec ns2 ip addr add 192.168.50.3/16 dev veth-ns2
	ip netns exec ns1 ip link set veth-ns1 up
	ip netns exec ns2 ip link set veth-ns2 up
	ip netns exec ns1 ip link set lo up
	ip netns exec ns2 ip link set lo up
	for _ns in "$@"; do
		ip netns exec "$_ns" ip route add default via 192.168.50.1
	done
}

# clean: delete every named namespace and every non-lo link of the sandbox
clean() {
	for n in $(ip netns list | awk '{print $1}'); do ip netns del "$n"; done
	for l in $(ip -j link | python3 -c 'import json,sys; print(" ".join(l["ifname"] for l in json.load(sys.stdin) if l["ifname"]!="lo"))'); do
		ip link del "$l" 2>/dev/null
	done
	# wait for asynchronous veth teardown
	i=0; while [ "$(ip -o link | wc -l)" -gt 1 ] && [ $i -lt 100 ]; do sleep 0.02; i=$((i+1)); done
}

# mine PGREP-ARGS…: the PIDs pgrep finds in this test's mount namespace
# (the sandbox): tests running side by side share the PID space
mine() {
	_m=$(readlink /proc/self/ns/mnt)
	for _p in $(pgrep "$@"); do
		[ "$(readlink "/proc/$_p/ns/mnt" 2>/dev/null)" = "$_m" ] && echo "$_p"
	done
}
